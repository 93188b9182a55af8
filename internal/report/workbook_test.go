package report_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"gongkai/internal/report"
	"gongkai/internal/testdoc"
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
// has one, in an XLSX or saved as XLS (before, an XLS's was not read). A
// workbook that holds the whole report is a report: a section it lacks is
// missing.
func TestWorkbookOfTheTables(t *testing.T) {
	want := truth()
	src := textOf(t, want)
	i, j := strings.Index(src, "二、主动公开政府信息情况"), strings.Index(src, "五、存在的主要问题")
	tablesText := src[i:j]
	for _, c := range []struct{ title, kind string }{{"", "xlsx"}, {"示例市生态环境局2024年政府信息公开工作年度报告", "xlsx"},
		{"示例市生态环境局2024年政府信息公开工作年度报告", "xls"}, {"", "xls"}} {
		title := c.title
		data := workbook(t, tablesText, title)
		if c.kind == "xls" {
			data = testdoc.XLSOf(t, data, testdoc.XLSOptions{TitleCodePage: 65001})
		}
		r := audit(t, "t."+c.kind, data)
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
		if a, y := report.Identify("t."+c.kind, data); a != w.Agency || y != w.Year {
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

// A workbook a program wrote (Apache POI, excelize, a platform's export)
// keeps its totals as formulas without their results, for Excel to compute
// on opening: they are computed (sums of a few cells only) and said, and the
// workbook reads as the one Excel saved. Before, every total was blank: ten
// errors and 25 CELL.BLANK warnings on a clean report. Formulas that are no
// such sum (a whole column, another sheet, a cell that needs itself) are not
// computed; a total of totals is; sums made to look at too many cells are
// not.
func TestWorkbookFormulasWithoutResults(t *testing.T) {
	src := readFile(t, filepath.Join(auditDir, "lo-calc-2021.xlsx"))
	want := audit(t, "calc.xlsx", src)
	f, err := excelize.OpenReader(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetList()[0]
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	sums := 0
	var totals []string // each row's total cell, by row
	for ri, row := range rows {
		var refs []string
		var lastCol int
		for ci, v := range row {
			if v != "" && strings.Trim(v, "0123456789") == "" {
				a, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
				refs = append(refs, a)
				lastCol = ci
			}
		}
		if len(refs) != 7 { // 表三's rows: the total, a sum of the six cells before it
			continue
		}
		total, _ := excelize.CoordinatesToCellName(lastCol+1, ri+1)
		totals = append(totals, total)
		formula := "SUM(" + strings.Join(refs[:6], ",") + ")"
		if sums%2 == 1 {
			formula = strings.Join(refs[:6], "+") // (both ways)
		}
		if err := f.SetCellFormula(sheet, total, formula); err != nil {
			t.Fatal(err)
		}
		sums++
	}
	// （七）总计's total, a sum of the outcomes' totals, formulas too (a
	// total of totals: the range's formulas are computed first)
	if len(totals) != 25 {
		t.Fatalf("%d totals", len(totals))
	}
	if err := f.SetCellFormula(sheet, totals[23], "SUM("+totals[2]+":"+totals[22]+")"); err != nil {
		t.Fatal(err)
	}
	// formulas that are not computed, in cells the reader does not need
	odd := map[string]string{"AH1": "SUM(A:A)", "AH2": "Sheet2!A1+1", "AH3": "AH3+1", "AH4": "SUM(A1:Z100)"}
	// under the report, a sheet made slow: a hundred sums of eleven
	// thousand cells each, none computed (a formula looks at 10 000 cells
	// at most, a workbook's 100 000)
	var ranges []string
	for c := 1; c <= 11; c++ {
		col, _ := excelize.ColumnNumberToName(40 + c)
		ranges = append(ranges, col+"1:"+col+"1000")
	}
	for r := 2001; r <= 2100; r++ {
		odd[fmt.Sprintf("A%d", r)] = "SUM(" + strings.Join(ranges, ",") + ")"
	}
	for axis, formula := range odd {
		if err := f.SetCellFormula(sheet, axis, formula); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	if sums < 20 {
		t.Fatalf("%d totals made formulas", sums)
	}
	// excelize keeps the cell's old value as the formula's result: a
	// program that writes formulas writes none
	data := testdoc.RewritePart(t, b.Bytes(), "xl/worksheets/sheet1.xml", func(x string) string {
		return regexp.MustCompile(`( t="str")?(><f>[^<]*</f>)<v>[^<]*</v>`).ReplaceAllString(x, "$2")
	})
	r := audit(t, "program.xlsx", data)
	if d := cmp.Diff(tables(want), tables(r)); d != "" {
		t.Errorf("tables (-saved by Excel +written by a program):\n%s", d)
	}
	var said []string
	for _, x := range r.Findings {
		if x.Rule == "PARSE.READ" && strings.Contains(x.Message, "公式") {
			said = append(said, x.Message)
			continue
		}
		if !slices.ContainsFunc(want.Findings, func(w report.Finding) bool { return w.Rule == x.Rule && w.Message == x.Message }) {
			t.Errorf("a finding the saved workbook has not: %s %s", x.Rule, x.Message)
		}
	}
	if len(said) != 1 || !strings.Contains(said[0], fmt.Sprintf("有 %d 个单元格", sums)) {
		t.Errorf("the computed cells said %q, want once with %d", said, sums)
	}
}

// A workbook saved as a web page (Excel's 另存为网页, ProgId Excel.Sheet;
// LibreOffice Calc's HTML, a heading and an anchor to each sheet), or the
// tables printed with no title (Calc's PDF of the workbook: a report's
// 附表), is the tables alone: said once, not three missing sections. A Word
// page (word-2021.html) holds the whole report: nothing said so; nor is a
// text with its title whose sections 一, 五 and 六 were left out: missing.
func TestTablesAlone(t *testing.T) {
	for name, said := range map[string]string{
		"excel-web-tables-2024.html":  "这个由电子表格另存的网页只有表格",
		"lo-calc-html-2021.html":      "这个由电子表格另存的网页只有表格",
		"lo-calc-pdf-tables-2021.pdf": "这个文件没有标题，只有表格",
		// (its 表四 left blank: two tables read)
		"lo-calc-pdf-tables-blanks-2019.pdf": "这个文件没有标题，只有表格",
		// (pdftotext's default text of such a print: its 表三 not read)
		"pdftotext-lo-calc-tables-blanks-2020.txt": "这个文件没有标题，只有表格",
	} {
		want, r := auditClean(t, name)
		if !strings.HasSuffix(name, ".html") {
			want.Agency, want.Year = "", 0 // (no title)
		}
		if d := cmp.Diff(tables(want), tables(r)); d != "" && !strings.HasSuffix(name, ".txt") { // (the text's tables read in part: no cell wrong, auditClean)
			t.Errorf("%s: tables (-want +got):\n%s", name, d)
		}
		if !saysOf(r, "PARSE.READ", "sections", said) || !r.Meta.TablesOnly {
			t.Errorf("%s: the tables alone not said: %v", name, r.Findings)
		}
		for _, f := range r.Findings {
			if f.Rule == "S.MISSING" {
				t.Errorf("%s: %s", name, f.Message)
			}
		}
	}
	r := audit(t, "word-2021.html", readFile(t, filepath.Join(auditDir, "word-2021.html")))
	if r.Meta.TablesOnly || saysOf(r, "PARSE.READ", "sections", "只有表格") {
		t.Errorf("Word's page said to be the tables alone: %v", r.Findings)
	}
	src := textOf(t, truth())
	titled := src[:strings.Index(src, "\n")+1] + src[strings.Index(src, "二、主动公开"):strings.Index(src, "五、存在的主要问题")]
	r = audit(t, "titled.txt", []byte(titled))
	if r.Meta.TablesOnly || countFindings(r, func(f report.Finding) bool { return f.Rule == "S.MISSING" }) != 3 {
		t.Errorf("a titled text without 一, 五 and 六: %v", r.Findings)
	}
	// a text whose title and narrative headings are lost but whose
	// sentences are there is no file of the tables alone
	var lost []string
	for _, line := range strings.Split(src, "\n")[1:] {
		if !regexp.MustCompile(`^(一、总体情况|五、存在的主要问题|六、其他需要报告)`).MatchString(line) {
			lost = append(lost, strings.ReplaceAll(line, "2024年", "本年")) // (no year told)
		}
	}
	r = audit(t, "headless.txt", []byte(strings.Join(lost, "\n")))
	if r.Meta.TablesOnly || saysOf(r, "PARSE.READ", "sections", "只有表格") {
		t.Errorf("a text of sentences without its title and headings said to be the tables alone: %v", r.Findings)
	}
}
