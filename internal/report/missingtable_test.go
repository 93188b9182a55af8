package report_test

import (
	"strings"
	"testing"

	"gongkai/internal/report"
)

// tableHeadings are section 二–四's headings in the generated layouts, and
// the heading after each.
var tableHeadings = map[string][2]string{
	"2": {"二、主动公开政府信息情况", "三、收到和处理"},
	"3": {"三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议"},
	"4": {"四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题"},
}

// withoutTable writes prose where a layout has table k: the report left the
// table out and said something instead.
func withoutTable(t *testing.T, s, ext, k, prose string) string {
	t.Helper()
	h := tableHeadings[k]
	i := strings.Index(s, h[0])
	if i < 0 {
		t.Fatalf("no heading %s", h[0])
	}
	i += len(h[0])
	next := strings.Index(s[i:], h[1])
	if next < 0 {
		t.Fatalf("no heading %s", h[1])
	}
	k2 := i + next
	part := s[i:k2]
	switch {
	case strings.HasPrefix(ext, ".htm"):
		a, b := strings.Index(part, "<table"), strings.LastIndex(part, "</table>")
		if a < 0 || b < 0 {
			t.Fatalf("no table after %s", h[0])
		}
		part = part[:a] + "<p>" + prose + "</p>" + part[b+len("</table>"):]
	case strings.Contains(part, "\n"):
		end := strings.IndexByte(part, '\n') // the heading's line ends
		start := strings.LastIndexByte(part, '\n') + 1
		part = part[:end] + "\n" + prose + "\n\n" + part[start:]
	default: // a page without line breaks
		part = prose
	}
	return s[:i] + part + s[k2:]
}

// tableCells are the model paths of each table's cells.
var tableCells = map[string]string{"2": "proactive", "3": "applications", "4": "appeals"}

// A table left out, with words in its place (本年度未发生…案件, 无, 详见门户网站):
// the table is missing (S.MISSING quoting the words), not a table the
// auditor could not read (PARSE.TABLE), in every kind of layout; the other
// tables are read as ever.
func TestTableLeftOutForWords(t *testing.T) {
	prose := map[string][]string{
		"2": {"本年度主动公开政府信息情况详见本局门户网站政府信息公开专栏。", "详见附表1。"},
		"3": {"2024年度本局未收到政府信息公开申请。", "无"},
		"4": {"本年度未发生政府信息公开行政复议、行政诉讼案件。", "无。", "2024年度无相关情况"},
	}
	for _, l := range allLayouts() {
		switch l.name {
		case "tab", "layout", "page", "markdown", "ocr", "oneline", "flat", "word", "markdown-bare", "markdown-br":
		default:
			continue
		}
		for k, said := range prose {
			for _, p := range said {
				s := withoutTable(t, l.make(t, truth()), l.ext, k, p)
				r, err := report.Read("r"+l.ext, []byte(s))
				if err != nil {
					t.Fatal(err)
				}
				report.Check(r, nil)
				var missing []string
				for _, f := range r.Findings {
					if f.Rule == "S.MISSING" {
						missing = append(missing, f.Message)
					}
					if (f.Rule == "PARSE.TABLE" || f.Rule == "PARSE.AMBIGUOUS") && strings.HasPrefix(f.Cell, tableCells[k]) {
						t.Errorf("%s, 表%s as %q: %s %s", l.name, k, p, f.Rule, f.Message)
					}
				}
				want := "只写了“" + strings.TrimSpace(p) + "”，没有表格"
				if strings.Contains(p, "附") {
					want += "；表格如在另一个文件（附件）中，请一并审核该文件"
				}
				if len(missing) != 1 || !strings.Contains(missing[0], want) || !strings.Contains(missing[0], "缺少表"+map[string]string{"2": "二", "3": "三", "4": "四"}[k]) {
					t.Errorf("%s, 表%s as %q: S.MISSING %q, want one with %q", l.name, k, p, missing, want)
				}
				for _, other := range []string{"2", "3", "4"} {
					if other != k && !r.Meta.Tables[other] {
						t.Errorf("%s, 表%s as %q: 表%s not read", l.name, k, p, other)
					}
				}
			}
		}
	}
}

// What is a table, however badly kept, is not taken for words in its place:
// its numbers without labels, its headings alone, a picture.
func TestTableNotTakenForWords(t *testing.T) {
	s := textOf(t, truth())
	for name, c := range map[string]struct{ k, body, rule string }{
		"numbers alone":  {"4", "2 1 0 1 4 1 0 0 0 1 0 0 0 0 0", ""}, // read: the numbers are the table's
		"numbers a line": {"4", "本年度情况如下：\n2\n1\n0\n1\n4", "PARSE.TABLE"},
		"headings alone": {"4", "行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计", "PARSE.TABLE"},
		"t3 headings":    {"3", "申请人情况\n自然人 法人或其他组织 总计", "PARSE.TABLE"},
		"t2 labels":      {"2", "第二十条第（一）项\n信息内容 本年制发件数", "PARSE.TABLE"},
	} {
		r := audit(t, "r.txt", []byte(withoutTable(t, s, ".txt", c.k, c.body)))
		var got []string
		for _, f := range r.Findings {
			if strings.Contains(f.Message, "只写了") {
				t.Errorf("%s: %s", name, f.Message)
			}
			got = append(got, f.Rule)
		}
		switch {
		case c.rule == "" && !r.Meta.Tables[c.k]:
			t.Errorf("%s: 表%s not read; findings %v", name, c.k, got)
		case c.rule != "" && !strings.Contains(strings.Join(got, " "), c.rule):
			t.Errorf("%s: findings %v, want %s", name, got, c.rule)
		}
	}
}
