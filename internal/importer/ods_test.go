package importer_test

import (
	"fmt"
	"strings"
	"testing"

	"gongkai/internal/importer"
	"gongkai/internal/testdoc"
)

// ods packages sheets' table:table elements as an OpenDocument spreadsheet.
func ods(t testing.TB, tables string) []byte {
	return testdoc.Zip(t, testdoc.Part{Name: "mimetype", Content: "application/vnd.oasis.opendocument.spreadsheet"},
		testdoc.Part{Name: "content.xml", Content: `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>` +
			tables + `</office:spreadsheet></office:body></office:document-content>`})
}

func odsCell(v string) string {
	return `<table:table-cell office:value-type="string"><text:p>` + v + `</text:p></table:table-cell>`
}

// An OpenDocument spreadsheet is read as Calc writes it: a run of equal
// cells written once, a row repeated, the empty cells and rows that fill a
// sheet to its edge (a million) costing nothing, a merge as its first
// cell's spans (its covered cells empty), numbers and dates by their values,
// not the text shown (1,234.00; 2025年1月3日), a paragraph's spaces (text:s).
func TestODSCells(t *testing.T) {
	head := `<table:table-row>` + odsCell("收到日期") + odsCell("申请方式") + odsCell("申请人类型") + odsCell("申请人") + odsCell("申请内容") + odsCell("费用") +
		`<table:table-cell table:number-columns-repeated="16378"/></table:table-row>`
	date := func(d string) string {
		return `<table:table-cell office:value-type="date" office:date-value="` + d + `"><text:p>2025年1月3日</text:p></table:table-cell>`
	}
	row1 := `<table:table-row>` + date("2025-01-03") + `<table:table-cell office:value-type="string" table:number-rows-spanned="2"><text:p>当面</text:p></table:table-cell>` +
		odsCell("自然人") + odsCell("王某") + `<table:table-cell office:value-type="string"><text:p>学区<text:s text:c="2"/>划分</text:p></table:table-cell>` +
		`<table:table-cell office:value-type="float" office:value="1234"><text:p>1,234.00</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1000"/></table:table-row>`
	row2 := `<table:table-row>` + date("2025-01-06") + `<table:covered-table-cell/>` + `<table:table-cell office:value-type="string" table:number-columns-repeated="2"><text:p>自然人</text:p></table:table-cell>` + odsCell("招生计划") + `</table:table-row>`
	empty := `<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>`
	data := ods(t, `<table:table table:name="登记">`+head+`<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>`+row1+row2+empty+`</table:table>`+
		`<table:table table:name="说明">`+empty+`</table:table>`)
	sh, err := importer.ReadFile("台账.ods", data, "")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"收到日期", "申请方式", "申请人类型", "申请人", "申请内容", "费用"}, nil, nil,
		{"2025-01-03", "当面", "自然人", "王某", "学区  划分", "1234"}, {"2025-01-06", "", "自然人", "自然人", "招生计划"}}
	if fmt.Sprintf("%q", sh.Rows) != fmt.Sprintf("%q", want) {
		t.Errorf("rows\n got %q\nwant %q", sh.Rows, want)
	}
	if len(sh.Others) != 0 {
		t.Errorf("an empty sheet named as not read: %v", sh.Others)
	}
	m, err := sh.Map(nil)
	if err != nil {
		t.Fatal(err)
	}
	if notes := strings.Join(m.Notes, "\n"); !strings.Contains(notes, "第 4–5 行 B 列是合并单元格：每行都按“当面”读取") {
		t.Errorf("the merge: %q", notes)
	}
}

// Repeats that would make more rows or columns than a register may have
// are refused, or bounded, without being made: a value after a billion
// empty cells, a row after a billion empty rows, a row repeated a billion
// times.
func TestODSRepeatsBounded(t *testing.T) {
	for what, table := range map[string]string{
		"cells":      `<table:table-row><table:table-cell table:number-columns-repeated="1000000000"/>` + odsCell("x") + `</table:table-row>`,
		"rows":       `<table:table-row table:number-rows-repeated="1000000000"><table:table-cell/></table:table-row><table:table-row>` + odsCell("x") + `</table:table-row>`,
		"same rows":  `<table:table-row table:number-rows-repeated="1000000000">` + odsCell("x") + `</table:table-row>`,
		"same cells": `<table:table-row>` + `<table:table-cell office:value-type="string" table:number-columns-repeated="1000000000"><text:p>x</text:p></table:table-cell></table:table-row>`,
	} {
		sh, err := importer.ReadFile("台账.ods", ods(t, `<table:table table:name="a">`+table+`</table:table>`), "")
		switch {
		case err != nil && strings.Contains(err.Error(), "超过"):
		case err == nil && len(sh.Rows) <= 200000 && len(sh.Rows[len(sh.Rows)-1]) <= 200:
		default:
			t.Errorf("%s: %v", what, err)
		}
	}
}

// A web page made to cost: spans over a million cells are bounded by the
// register's 200 columns (or refused), and cells nested past what the HTML
// parser takes (512 open elements) are said, not a crash.
func TestMarkupBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("<table>")
	for range 50 {
		b.WriteString(`<tr>` + strings.Repeat(`<td rowspan="1000" colspan="1000">x</td>`, 20) + `</tr>`)
	}
	b.WriteString("</table>")
	sh, err := importer.ReadFile("导出.xls", []byte(b.String()), "")
	switch {
	case err != nil && strings.Contains(err.Error(), "合并单元格太多"):
	case err == nil && len(sh.Rows) == 50 && len(sh.Rows[49]) <= 200:
	default:
		t.Errorf("spans over millions of cells: %v", err)
	}
	nested := func(depth int) string {
		return "<table><tr><td>申请人</td><td>" + strings.Repeat("<div>", depth) + "x" + "</td></tr></table>"
	}
	if sh, err := importer.ReadFile("导出.xls", []byte(nested(300)), ""); err != nil || len(sh.Rows) != 1 || sh.Rows[0][0] != "申请人" {
		t.Errorf("a cell nested 300 deep: %v", err)
	}
	if _, err := importer.ReadFile("导出.xls", []byte(nested(100000)), ""); err == nil || !strings.Contains(err.Error(), "网页无法解析") {
		t.Errorf("a cell nested 100 000 deep: %v", err)
	}
}
