package guard

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/testdoc"
)

// XLSXMerges reads what excelize's GetMergeCells gives, from the sheet's
// part as stored: Excel's layout, a workbook part elsewhere and targets
// written from the root; a sheet named in another case; at most limit
// ranges; none for a sheet the workbook does not name.
func TestXLSXMerges(t *testing.T) {
	f := excelize.NewFile()
	if _, err := f.NewSheet("表三"); err != nil {
		t.Fatal(err)
	}
	for _, r := range [][2]string{{"A1", "H1"}, {"A3", "A10"}, {"C5", "B4"}} {
		if err := f.MergeCell("表三", r[0], r[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.MergeCell("Sheet1", "A1", "B1"); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	excel := b.Bytes()
	want := [][4]int{{0, 0, 0, 7}, {2, 0, 9, 0}, {3, 1, 4, 2}}

	// the same package with its parts moved: the workbook as wb/book.xml,
	// the sheets' targets from the root
	moved := rewrite(t, excel, func(name, body string) (string, string) {
		switch {
		case name == "_rels/.rels":
			body = strings.ReplaceAll(body, "xl/workbook.xml", "wb/book.xml")
		case name == "xl/workbook.xml":
			name = "wb/book.xml"
		case name == "xl/_rels/workbook.xml.rels":
			name = "wb/_rels/book.xml.rels"
			body = strings.ReplaceAll(body, `Target="worksheets/`, `Target="/xl/worksheets/`)
		}
		return name, body
	})
	for what, data := range map[string][]byte{"Excel's layout": excel, "moved": moved} {
		got, within, err := XLSXMerges(data)("表三", 10)
		if err != nil || !within || !slices.Equal(got, want) {
			t.Errorf("%s: %v %v %v, want %v", what, got, within, err, want)
		}
		if got, within, err := XLSXMerges(data)("sheet1", 10); err != nil || !within || !slices.Equal(got, [][4]int{{0, 0, 0, 1}}) {
			t.Errorf("%s, a sheet named in another case: %v %v %v", what, got, within, err)
		}
	}
	if got, within, _ := XLSXMerges(excel)("表三", 2); within || len(got) != 2 {
		t.Errorf("two of three: %v, within %v", got, within)
	}

	// excelize reads both packages' merges as want says
	for what, data := range map[string][]byte{"Excel's layout": excel, "moved": moved} {
		ef, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		mcs, err := ef.GetMergeCells("表三", true)
		var got [][4]int
		for _, mc := range mcs {
			c0, r0, _ := excelize.CellNameToCoordinates(mc.GetStartAxis())
			c1, r1, _ := excelize.CellNameToCoordinates(mc.GetEndAxis())
			got = append(got, [4]int{r0 - 1, c0 - 1, r1 - 1, c1 - 1})
		}
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("excelize, %s: %v %v, want %v", what, got, err, want)
		}
	}

	// a sheet the workbook does not name has no merges known
	if got, within, err := XLSXMerges(excel)("表四", 10); got != nil || !within || err != nil {
		t.Errorf("no such sheet: %v %v %v", got, within, err)
	}
}

// rewrite rewrites each part of a package, by name and body.
func rewrite(t *testing.T, data []byte, fn func(name, body string) (string, string)) []byte {
	t.Helper()
	parts := testdoc.PartList(t, data)
	for i, p := range parts {
		parts[i].Name, parts[i].Content = fn(p.Name, p.Content)
	}
	return testdoc.Zip(t, parts...)
}
