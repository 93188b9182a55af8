package report_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"gongkai/internal/report"
)

// Reports count other things in words the narrative check reads — permits
// applied for, 复议 cases the agency decided or that were not about
// disclosure, other fees, hotline requests, training — and none of them is
// a claim about 表三, 表四 or the 信息处理费: appended to clean generated
// reports, they raise no N.TABLE. The same reports with a sentence that
// does contradict 表三 raise one, so the check is on.
func TestOtherCountsAreNoClaims(t *testing.T) {
	others := []string{
		"全年共受理行政许可申请3456件，办结率100%。",
		"本年度办理行政复议案件（不含政府信息公开类）12件，行政应诉案件5件。",
		"全年收取不动产登记费12.5万元，均按规定上缴国库。",
		"全年依申请公开130条信息。",
		"共收到人大代表建议和政协委员提案申请答复28件。",
		"受理群众信访件96件，均已办结。",
		"全年办理政务服务事项申请10余万件。",
		"本单位作为被申请人参加行政复议7次。",
		"组织政府信息公开培训3次，参训人员达120人次。",
		"申请人对答复不服提起行政复议的，依法按期答复。",
		"全年共收到各类申请材料2000余份。",
		"完成2023年度行政复议案件统计报送工作。",
		"收到市民热线转办申请类诉求355件。",
		"累计减免各类收费36件。",
		"受理政府信息公开申请以外的其他申请49件。",
		"受理补正申请12件。",
		"平均每月收到政府信息公开申请2.5件。", // not a count: its decimals are no count of 5
		"全年共收到政府信息公开申请1.20件。",
		"本年度共受理政务服务事项申请12万件。",
		"受理不动产登记申请2000件。",
		"共受理就业补贴申请87件，发放补贴资金35万元。",
		// a part of the year, or several years
		"第一季度收到政府信息公开申请3件，第二季度收到申请5件。",
		"一季度共收到政府信息公开申请3件。",
		"前三季度，共收到政府信息公开申请7件。",
		"12月份收到政府信息公开申请2件。",
		"3月收到政府信息公开申请2件。",
		"截至9月底，共收到政府信息公开申请6件。",
		"截至9月30日，共收到政府信息公开申请6件。",
		"上半年共收到政府信息公开申请4件。",
		"近三年共收到政府信息公开申请9998件。",
		"近年来，共收到政府信息公开申请9998件。",
		"近年以来，共收到政府信息公开申请9998件。",
		"自条例实施以来，共收到政府信息公开申请9998件。",
		// a share by subject, other things about the applications
		"收到涉及征地拆迁的政府信息公开申请3件。",
		"收到关于公开征收补偿方案的申请3件。",
		"收到申请人撤回申请1件。",
		"全年共收到依申请公开咨询电话30个。",
		// 复议/诉讼 by how they stand, or their decisions
		"97件行政复议案件正在审理中。",
		"针对97件行政复议决定，已按要求重新答复。",
		"申请人提起行政复议后撤回97件。",
		"行政诉讼中，法院判决驳回诉讼请求97件。",
		// the agency as the reviewing body, said before the count's part
		"作为复议机关，受理政府信息公开类行政复议案件97件。",
		// a share of the applications after a part ending 中
		"收到的申请中，97件属于重复申请。",
		"受理的申请中，97件已在法定期限内答复。",
		// what came in by the applications' channel, not applications
		"通过政府信息公开申请渠道收到举报97件。",
	}
	ntable := func(r *report.Report) string { return strings.Join(ntableOf(r), "；") }
	for i := range 14 {
		gen := func() *report.Report {
			return report.Generate(rand.New(rand.NewPCG(uint64(i), 77)), fmt.Sprintf("示例第%d局", i), 2019+i%7)
		}
		if msg := ntable(gen()); msg != "" {
			t.Fatalf("report %d is not clean: %s", i, msg)
		}
		for _, s := range others {
			r := gen()
			r.Sections["1"] += "\n" + s
			if msg := ntable(r); msg != "" {
				t.Errorf("report %d with %q: %s", i, s, msg)
			}
		}
		r := gen()
		r.Sections["1"] += "\n全年共收到政府信息公开申请9999件。"
		if ntable(r) == "" {
			t.Errorf("report %d: a count of applications that contradicts 表三 raised no N.TABLE", i)
		}
	}
}

// The ways a narrative states the year's counts, filled in from a clean
// generated report's own tables, raise no N.TABLE; those that state the
// year's new applications, written with a count that is neither 表三's new
// total nor new + carried over, raise one. (Before, a count said without a
// verb of receipt — 申请数量为19件, 共有19件…申请 — or after 接到 was not
// read at all.)
func TestNarrativeWordingsAgreeOrAreCaught(t *testing.T) {
	agree := []string{
		"本年度共受理政府信息公开申请{NC}件（含上年结转{C}件）。",
		"本年度新收政府信息公开申请{N}件，加上上年结转{C}件，共计{NC}件。",
		"全年共办理政府信息公开申请{NC}件，其中新收{N}件，上年结转{C}件。",
		"已办结{D}件，结转下年度继续办理{F}件。",
		"其中自然人申请{NAT}件，法人或其他组织申请{ORG}件。",
		"从办理结果看，予以公开{G}件，部分公开{PG}件，不予公开{W}件，无法提供{U}件，不予处理{NP}件，其他处理{O}件。",
		"申请量较上年增加5件，同比增长10%。",
		"通过互联网申请{NET}件，信函申请{MAIL}件。",
		"全年依申请公开答复{D}件，按期答复率100%。",
		"共{R}件行政复议，{S}件行政诉讼。",
		"上年度结转的{C}件申请已全部办结。",
		"本年度共有3个部门收到政府信息公开申请。",
		"共有{G}件政府信息公开申请予以公开。",
		"上年度结转申请{C}件，结转下一年度继续办理{F}件。",
		"上一年度结转的{C}件申请已全部办结，有{F}件申请结转到下年度办理。",
		"{Y}年共收到政府信息公开申请{NC}件，其中本年新收{N}件，上年结转{C}件。",
		"全年共收到政府信息公开申请{N}件，与上年的{P}件相比有所增加。",
		"{PY}年收到申请{P}件，{Y}年收到申请{N}件。",
		"网上申请{NET}件、当面申请{MAIL}件，共计{N}件。",
		"收到政府信息公开申请{N}件次。",
		"依申请公开工作中，共计收到申请{N}件，较去年同期的{P}件增长。",
		"去年收到政府信息公开申请{P}件。",
		"共收到政府信息公开申请{N}件，涉及信息{P}条。",
		"全年新收政府信息公开申请{N}件，上年结转{C}件，共计{NC}件，已办结{D}件。",
		"全年共收到政府信息公开申请{N}件，比{PY}年的{P}件有所增加。",
		"共接收公民、法人和其他组织政府信息公开申请{N}件。",
		"{Y}年1月1日至12月31日，共收到政府信息公开申请{N}件。",
		"{Y}年，本机关共收到政府信息公开申请{N}件，上年结转{C}件，共计{NC}件，均已按时办结。",
		"共办理政府信息公开申请{NC}件（新收{N}件，上年结转{C}件）。",
		"依申请公开方面，全年共收到申请{N}件，办结{D}件，办结率100%。",
		"共收到公民、法人或其他组织提出的政府信息公开申请{N}件。",
		"受理政府信息公开申请{N}件，其中自然人{NAT}件，法人或其他组织{ORG}件。",
		"新收政府信息公开申请{N}件，较上年同期（{P}件）增长。",
		"全年办理政府信息公开申请{NC}件，其中上年结转{C}件。",
		"全年收到政府信息公开申请{N}件，办结{D}件，结转{F}件。",
		"依申请公开政府信息{P}件。", // documents disclosed on request, perhaps: no count of 表三's
	}
	claims := []string{
		"全年共收到政府信息公开申请{N}件。",
		"全年共收到政府信息公开申请{N}宗。",
		"本年度受理依申请公开事项{N}件。",
		"{Y}年共接收信息公开申请{N}件。",
		"本单位全年接到政府信息公开申请共计{N}件。",
		"共有{N}件政府信息公开申请，已全部答复。",
		"本年度政府信息公开申请数量为{N}件。",
		"本年度政府信息公开申请共{N}件。",
		"全年政府信息公开申请总数{N}件。",
		"收到政府信息公开申请{N}件，比上年减少3件。",
		"本年度政府信息公开申请量为{N}件。",
		"政府信息公开申请{N}件，比{PY}年增加2件。",
		"收到政府信息公开申请{N}件（同比增长20%）。", // (the comparison is after the count: it was not read)
		"{Y}年共收到政府信息公开申请{N}件，同比增加4件，较{PY}年的{P}件有所增长。",
		// the whole year, though a month is named
		"{Y}年1月至12月，共收到政府信息公开申请{N}件。",
		"{Y}年1-12月份，共收到政府信息公开申请{N}件。",
		"截至{Y}年12月31日，共收到政府信息公开申请{N}件。",
		"截至12月底，共收到政府信息公开申请{N}件。",
		"{Y}年1月1日至12月31日，共收到政府信息公开申请{N}件。",
		"收到有关政府信息公开的申请{N}件。",
		"全年共收到政府信息公开申请{N}.00件。", // a spreadsheet's number merged into the text
	}
	sum := func(r *report.Report, key string) int64 {
		var s int64
		for _, row := range r.Format.T3Rows() {
			if row.Key == key || strings.HasPrefix(row.Key, key+".") {
				s += r.Applications[row.Key][report.ColTotal].Val()
			}
		}
		return s
	}
	for i := range 20 {
		g := generated(i)
		a := g.Applications
		n, c, f := a["new"][report.ColTotal].Val(), a["carried_in"][report.ColTotal].Val(), a["carried_forward"][report.ColTotal].Val()
		vals := map[string]int64{"N": n, "C": c, "NC": n + c, "F": f, "D": n + c - f, "NAT": a["new"][report.ColNatural].Val(),
			"ORG": n - a["new"][report.ColNatural].Val(), "G": sum(g, "granted"), "PG": sum(g, "partly_granted"), "W": sum(g, "withheld"),
			"U": sum(g, "unavailable"), "NP": sum(g, "not_processed"), "O": sum(g, "other"), "NET": n / 2, "MAIL": n - n/2,
			"R": g.Appeals[0][4].Val(), "S": g.Appeals[1][4].Val() + g.Appeals[2][4].Val(), "Y": int64(g.Year),
			"PY": int64(g.Year - 1), "P": n + 13} // P: last year's count, or another thing's
		fill := func(s string, wrong bool) string {
			for k, v := range vals {
				if k == "N" && wrong {
					v = n + c + 7 // neither the new total nor new + carried over
				}
				s = strings.ReplaceAll(s, "{"+k+"}", fmt.Sprint(v))
			}
			return s
		}
		for _, s := range append(slices.Clone(agree), claims...) {
			r := generated(i)
			r.Sections["1"] += "\n" + fill(s, false)
			if msg := ntableOf(r); len(msg) > 0 {
				t.Errorf("report %d with %q: %s", i, fill(s, false), msg)
			}
		}
		for _, s := range claims {
			r := generated(i)
			r.Sections["1"] += "\n" + fill(s, true)
			if len(ntableOf(r)) == 0 {
				t.Errorf("report %d with %q (表三 new %d, carried in %d): no N.TABLE", i, fill(s, true), n, c)
			}
		}
	}
}

// The ways a narrative states 表四's counts, filled in from a clean generated
// report's own table, raise no N.TABLE; the same with the 复议 and 诉讼
// counts five too many raise one. (Before, a share in brackets after the
// count, 行政诉讼3件（其中直接起诉2件，…）, hid the count before it.)
func TestAppealWordingsAgreeOrAreCaught(t *testing.T) {
	claims := []string{
		"因政府信息公开工作被申请行政复议{R}件、被提起行政诉讼{S}件。",
		"发生政府信息公开行政复议案件{R}件，行政诉讼案件{S}件。",
		"涉及政府信息公开的行政复议{R}件。",
		"本年度收到政府信息公开行政复议申请{R}件。",
		"被申请行政复议{R}件，复议结果为维持{RM}件。",
		"行政诉讼{S}件（其中直接起诉{S1}件，复议后起诉{S2}件）。",
		"本年度因政府信息公开引起的行政复议案件{R}件，行政诉讼案件{S}件。",
		"全年共发生政府信息公开类行政复议{R}起、行政诉讼{S}起。",
		"政府信息公开行政复议{R}件，行政诉讼{S}件。",
		"本机关作为被申请人的政府信息公开行政复议案件{R}件。",
		"本年度本机关政府信息公开工作被申请行政复议{R}件。",
		"本年度行政复议申请{R}件。",
	}
	for i := range 20 {
		g := generated(i)
		R, S1, S2 := g.Appeals[0][4].Val(), g.Appeals[1][4].Val(), g.Appeals[2][4].Val()
		vals := map[string]int64{"R": R, "S": S1 + S2, "S1": S1, "S2": S2, "RM": g.Appeals[0][0].Val()}
		fill := func(s string, wrong bool) string {
			for k, v := range vals {
				if wrong && (k == "R" || k == "S") {
					v += 5
				}
				s = strings.ReplaceAll(s, "{"+k+"}", fmt.Sprint(v))
			}
			return s
		}
		for _, s := range claims {
			for _, wrong := range []bool{false, true} {
				r := generated(i)
				r.Sections["1"] += "\n" + fill(s, wrong)
				if msg := ntableOf(r); (len(msg) > 0) != wrong {
					t.Errorf("report %d wrong=%v %q: %v", i, wrong, fill(s, wrong), msg)
				}
			}
		}
	}
}

// ntableOf is the messages of a report's N.TABLE findings.
func ntableOf(r *report.Report) []string {
	var out []string
	for _, f := range report.Check(r, nil) {
		if f.Rule == "N.TABLE" {
			out = append(out, f.Message)
		}
	}
	return out
}

// A narrative that says no application was received states a count of 0,
// also when it names the applicants first (未收到公民、法人或其他组织提出的政
// 府信息公开申请, which said nothing before: the applicants made the words
// between the verb and 申请 too long); one that says no complaint or
// objection about them was received states none.
func TestNoneReceivedStatesZero(t *testing.T) {
	zero := []string{
		"全年未收到政府信息公开申请。",
		"本年度没有收到政府信息公开申请。",
		"本年度未受理政府信息公开申请。",
		"本年度未收到依申请公开事项。",
		"本年度未收到公民、法人或其他组织提出的政府信息公开申请。",
		"未收到申请人提出的政府信息公开申请。",
	}
	nothing := []string{
		"全年未收到对依申请公开工作的投诉。",
		"未收到申请人对答复的异议。",
		"本年度未收到群众对政府信息公开申请答复的投诉举报。",
	}
	for i := range 12 {
		n := generated(i).Applications["new"][report.ColTotal].Val()
		if n == 0 {
			continue
		}
		for _, s := range zero {
			r := generated(i)
			r.Sections["1"] += "\n" + s
			if len(ntableOf(r)) == 0 {
				t.Errorf("report %d (表三 new %d) with %q: no N.TABLE", i, n, s)
			}
			r = generated(i)
			var none report.Row
			for c := range none {
				none[c] = report.N(0)
			}
			r.Applications["new"] = none
			r.Sections["1"] = s // (the generated text counts the new ones)
			if msg := ntableOf(r); len(msg) > 0 {
				t.Errorf("report %d with none new and %q: %s", i, s, msg)
			}
		}
		for _, s := range nothing {
			r := generated(i)
			r.Sections["1"] += "\n" + s
			if msg := ntableOf(r); len(msg) > 0 {
				t.Errorf("report %d with %q: %s", i, s, msg)
			}
		}
	}
}

// generated is the i-th clean report of the narrative wording tests.
func generated(i int) *report.Report {
	return report.Generate(rand.New(rand.NewPCG(uint64(i), 77)), fmt.Sprintf("示例第%d局", i), 2021+i%4)
}
