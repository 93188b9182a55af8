package importer

import (
	"fmt"
	"math/big"
	"strings"

	"gongkai/internal/workday"
)

// Decision ledger kinds, the rows of 表二 they count in.
var DecisionKinds = []struct{ ID, Name, Short string }{
	{"licensing", "行政许可", "许可"}, {"penalty", "行政处罚", "处罚"}, {"coercion", "行政强制", "强制"}, {"fee", "行政事业性收费", "收费"},
}

// DecisionKindIndex is the place of a kind id in DecisionKinds (表二's
// order), -1 for none.
func DecisionKindIndex(id string) int {
	for i, k := range DecisionKinds {
		if k.ID == id {
			return i
		}
	}
	return -1
}

// DecisionFields are the columns of a decision or fee ledger.
var DecisionFields = Schema{
	{"kind", "类别", false, []string{"决定类别", "事项类别", "类别", "类型"}},
	{"decided_on", "决定日期", true, []string{"作出决定日期", "决定日期", "收费日期", "缴费日期", "办结日期", "日期"}},
	{"doc_no", "文号", false, []string{"决定书文号", "许可证号", "文书编号", "文号", "编号"}},
	{"subject", "相对人", false, []string{"行政相对人", "相对人", "当事人", "被处罚人", "缴费人", "缴款人", "缴款单位", "缴费单位", "申请人", "单位名称"}},
	{"item", "事项", false, []string{"收费项目", "许可事项", "事项名称", "项目名称", "事项", "项目"}},
	{"amount", "金额（元）", false, []string{"收费金额", "金额", "缴费金额"}},
}

// Decision is one ledger row.
type Decision struct {
	Line    int
	Key     string
	Kind    string
	On      workday.Date
	DocNo   string
	Subject string
	Item    string
	Amount  string // yuan, decimal text; fees only
}

// ParseDecisions reads a decision or fee ledger. kind applies to rows whose
// ledger has no 类别 column.
func (s *Sheet) ParseDecisions(m *Mapping, kind string) ([]Decision, []RowError) {
	var out []Decision
	var bad []RowError
	seen := map[string]string{} // a row's key → where it was first
	s.dataRows(m, func(rc *rowCtx) {
		get, fail, line := rc.get, rc.fail, rc.line
		d := Decision{Line: line, Kind: kind, DocNo: get("doc_no"), Subject: get("subject"), Item: get("item")}
		if k := get("kind"); k != "" {
			d.Kind = ""
			for _, x := range DecisionKinds {
				if strings.Contains(k, x.Short) {
					d.Kind = x.ID
				}
			}
			if d.Kind == "" {
				fail("kind", "类别“%s”无法识别：应为 行政许可、行政处罚、行政强制 或 行政事业性收费", k)
			}
		}
		if d.Kind == "" && get("kind") == "" {
			rc.problem("没有类别：请在文件中加“类别”列，或导入时用 --kind 指定")
		}
		on, err := rc.dateOf("decided_on", 0)
		switch {
		case get("decided_on") == "":
			fail("decided_on", "决定日期为空")
		case err != nil:
			fail("decided_on", "%v", err)
		}
		d.On = on
		if a := get("amount"); a != "" {
			if y, ok := parseYuan(a, rc.inWan("amount")); ok {
				d.Amount = y
			} else if strings.HasPrefix(strings.TrimSpace(a), "-") {
				fail("amount", "金额“%s”是负数：台账的金额应为收取的金额", a)
			} else {
				fail("amount", "金额“%s”不是数字：请写成如 1200.50（元）或 0.12万元", a)
			}
		} else if d.Kind == "fee" {
			fail("amount", "收费记录须有金额")
		}
		if d.DocNo != "" {
			d.Key = d.Kind + ":" + d.DocNo
		} else {
			d.Key = fmt.Sprintf("%s:%s:%s:%s:%s", d.Kind, d.On, d.Subject, d.Item, d.Amount)
		}
		if prev, dup := seen[d.Key]; dup && len(rc.errs) == 0 {
			rc.problem(fmt.Sprintf("与%s重复", prev))
		}
		seen[d.Key] = rc.where()
		if len(rc.errs) > 0 {
			bad = append(bad, rc.errs...)
			return
		}
		out = append(out, d)
	})
	return out, bad
}

// parseYuan reads an amount as ledgers write it — 1,200.50, ￥1200, 99.5元,
// 0.12万元 — as yuan with two decimals; false for anything else or a
// negative amount.
//
// A column whose header gives its unit as 万元 (金额（万元）) holds 万元
// (inWan) unless a cell says 元 or 万元 itself.
func parseYuan(s string, inWan bool) (string, bool) {
	s = strings.NewReplacer(",", "", "，", "", " ", "", "　", "").Replace(s)
	s = strings.TrimLeft(s, "¥￥")
	s = strings.TrimPrefix(s, "RMB")
	yuan := strings.HasSuffix(s, "元")
	s = strings.TrimSuffix(s, "元")
	wan := strings.HasSuffix(s, "万") || inWan && !yuan
	s = strings.TrimSuffix(s, "万")
	r, ok := new(big.Rat).SetString(s)
	if !ok || r.Sign() < 0 || strings.ContainsAny(s, "/eE") { // no fractions or exponents
		return "", false
	}
	if wan {
		r.Mul(r, big.NewRat(10000, 1))
	}
	return r.FloatString(2), true
}
