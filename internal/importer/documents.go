package importer

import (
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/errs"
	"gongkai/internal/workday"
)

// DocumentFields are the columns of a ledger of 规章 and 行政规范性文件 (the
// 规范性文件清理台账 agencies keep): the source of 表二 (一).
var DocumentFields = Schema{
	{"kind", "文件类型", false, []string{"文件类型", "文件类别", "类型", "类别", "种类"}},
	{"title", "文件名称", true, []string{"文件名称", "规范性文件名称", "规章名称", "标题", "名称"}},
	{"doc_no", "文号", true, []string{"发文字号", "文号", "字号", "编号"}},
	{"issued_on", "印发日期", true, []string{"印发日期", "制发日期", "发布日期", "公布日期", "成文日期", "发文日期", "印发时间", "发布时间", "公布时间", "成文时间", "发文时间"}},
	{"effective_on", "施行日期", false, []string{"施行日期", "生效日期", "实施日期", "施行时间", "生效时间", "实施时间"}},
	{"expires_on", "有效期至", false, []string{"有效期至", "有效期截止日期", "有效期截止", "失效日期", "失效时间", "有效期"}},
	{"repealed_on", "废止日期", false, []string{"废止日期", "废止时间", "宣布失效日期"}},
	{"amended", "修订日期", false, []string{"修订日期", "修改日期", "修正日期", "修订时间", "修改时间"}},
	{"status", "状态", false, []string{"有效性", "状态", "现状"}},
	{"note", "备注", false, []string{"备注", "说明"}},
}

// DocumentKind reads a 类型 cell: 规章 or a 行政规范性文件.
func DocumentKind(s string) (catalog.DocKind, bool) {
	switch {
	case strings.Contains(s, "规范性文件"):
		return catalog.Normative, true
	case strings.Contains(s, "规章"):
		return catalog.Rule, true
	}
	return "", false
}

// ParseDocuments reads a ledger of normative documents. kind applies to the
// rows of a ledger without a 类型 column. A 文号 twice in the file is an
// error; a 状态 of 废止 or 失效 needs its date, which the counting of 表二
// is by (the ledger is never guessed at).
func (s *Sheet) ParseDocuments(m *Mapping, kind catalog.DocKind) ([]catalog.Document, []RowError) {
	var out []catalog.Document
	var bad []RowError
	seen := map[string]string{} // a 文号 → where it was first
	s.dataRows(m, func(rc *rowCtx) {
		get, fail := rc.get, rc.fail
		d := catalog.Document{Kind: kind, Title: get("title"), DocNo: catalog.NormalizeDocNo(get("doc_no")), Note: get("note")}
		if k := get("kind"); k != "" {
			var ok bool
			if d.Kind, ok = DocumentKind(k); !ok {
				fail("kind", "类型“%s”无法识别：应为 规章 或 行政规范性文件", k)
			}
		} else if kind == "" {
			rc.problem("没有文件类型：请在文件中加“类型”列（规章或行政规范性文件），或导入时指定")
		}
		date := func(field string) *workday.Date {
			v := get(field)
			if field == "expires_on" {
				v = expiry(v)
			}
			if v == "" {
				return nil
			}
			d, err := rc.sh.parseDate(v, rc.loc)
			if err != nil {
				fail(field, "“%s”不是日期：%v；有效期请写截止日期，如 2030-02-28", v, err)
				return nil
			}
			return &d
		}
		if on := date("issued_on"); on != nil {
			d.IssuedOn = *on
		}
		d.EffectiveOn, d.ExpiresOn, d.RepealedOn = date("effective_on"), date("expires_on"), date("repealed_on")
		for _, part := range strings.FieldsFunc(get("amended"), func(r rune) bool { return strings.ContainsRune("、，,；;\n ", r) }) {
			a, err := rc.sh.parseDate(part, rc.loc)
			if err != nil {
				fail("amended", "修订日期“%s”不是日期：%v；几次修订用顿号分开", part, err)
				continue
			}
			d.Amended = append(d.Amended, a)
		}
		if st := get("status"); st != "" && len(rc.errs) == 0 {
			switch {
			case strings.Contains(st, "废止") && d.RepealedOn == nil:
				fail("status", "状态为“%s”，但没有废止日期：表二按日期统计，请填写废止日期", st)
			case strings.Contains(st, "失效") && d.RepealedOn == nil && d.ExpiresOn == nil:
				fail("status", "状态为“%s”，但没有失效或废止日期：表二按日期统计，请填写日期", st)
			}
		}
		if len(rc.errs) == 0 {
			if err := d.Validate(); err != nil {
				// in the order of the columns, so that a file reads the same twice
				byField := errs.Fields(err)
				for _, f := range DocumentFields {
					msg, ok := byField[f.ID]
					if !ok {
						continue
					}
					if _, mapped := rc.m.Columns[f.ID]; mapped {
						fail(f.ID, "%s", msg)
					} else {
						rc.problem(f.Name + "：" + msg)
					}
				}
			}
		}
		if prev, dup := seen[d.DocNo]; dup && d.DocNo != "" && len(rc.errs) == 0 {
			fail("doc_no", "文号“%s”与%s重复", d.DocNo, prev)
		}
		if d.DocNo != "" {
			seen[d.DocNo] = rc.where()
		}
		if len(rc.errs) > 0 {
			bad = append(bad, rc.errs...)
			return
		}
		out = append(out, d)
	})
	return out, bad
}

// expiry reads an 有效期 cell as its end date: none for 长期 (no term) or a
// dash, the end of a range ("2025年1月1日至2029年12月31日"), or the cell
// itself (a date, or text ParseDate will name as wrong).
func expiry(v string) string {
	v = strings.TrimSpace(v)
	switch strings.TrimSuffix(v, "有效") {
	case "长期", "无", "—", "-", "/", "／", "无期限":
		return ""
	}
	for _, sep := range []string{"至", "~", "～", "—"} {
		if i := strings.LastIndex(v, sep); i > 0 {
			return strings.TrimSpace(v[i+len(sep):])
		}
	}
	return v
}
