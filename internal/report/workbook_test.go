package report_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"gongkai/internal/report"
)

// workbook writes the lines of a tab text as the rows of one sheet, a cell
// to each field, with title as the workbook's title property ("" for none).
func workbook(t *testing.T, text, title string) []byte {
	f := excelize.NewFile()
	defer f.Close()
	for i, l := range strings.Split(text, "\n") {
		for j, v := range strings.Split(l, "\t") {
			if v == "" {
				continue
			}
			axis, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellValue("Sheet1", axis, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if title != "" {
		if err := f.SetDocProps(&excelize.DocProperties{Title: title}); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A workbook of the tables alone (what agencies publish beside the report)
// is audited as the tables: read as in the text, said once to hold no text,
// not said to lack sections 一、五、六; named by its title property when it
// has one. A workbook that holds the whole report is a report: a section
// it lacks is missing.
func TestWorkbookOfTheTables(t *testing.T) {
	want := truth()
	src := textOf(t, want)
	i, j := strings.Index(src, "二、主动公开政府信息情况"), strings.Index(src, "五、存在的主要问题")
	tablesText := src[i:j]
	for _, title := range []string{"", "示例市生态环境局2024年政府信息公开工作年度报告"} {
		data := workbook(t, tablesText, title)
		r := audit(t, "t.xlsx", data)
		w := *want
		if title == "" {
			w.Agency, w.Year = "", 0
		}
		if d := cmp.Diff(tables(&w), tables(r)); d != "" {
			t.Errorf("title %q: tables (-want +got):\n%s", title, d)
		}
		said := 0
		for _, f := range r.Findings {
			if f.Rule == "S.MISSING" {
				t.Errorf("title %q: %s", title, f.Message)
			}
			if f.Rule == "PARSE.READ" && strings.Contains(f.Message, "只有表格") {
				said++
			}
		}
		if said != 1 {
			t.Errorf("title %q: the tables alone said %d times: %v", title, said, r.Findings)
		}
		if a, y := report.Identify("t.xlsx", data); a != w.Agency || y != w.Year {
			t.Errorf("title %q: identified as %q %d", title, a, y)
		}
	}
	// the whole report in a sheet, section 五 taken out: missing
	k := strings.Index(src, "六、其他需要报告的事项")
	r := audit(t, "w.xlsx", workbook(t, src[:j]+src[k:], ""))
	var missing []string
	for _, f := range r.Findings {
		if f.Rule == "S.MISSING" {
			missing = append(missing, f.Message)
		}
		if strings.Contains(f.Message, "只有表格") {
			t.Errorf("a whole report said to be the tables alone")
		}
	}
	if !slices.ContainsFunc(missing, func(m string) bool { return strings.Contains(m, "第5部分") }) || len(missing) != 1 {
		t.Errorf("a whole report without 五: missing %v", missing)
	}
}
