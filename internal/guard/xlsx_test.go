package guard

import (
	"archive/zip"
	"bytes"
	"os"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/testdoc"
)

// brokenWorkbook is a ZIP whose shared strings claim 20 MB and hold a few
// bytes: excelize starts unpacking it to a temporary file, then fails.
func brokenWorkbook(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	w, err := z.CreateRaw(&zip.FileHeader{Name: "xl/sharedStrings.xml", Method: zip.Store,
		CompressedSize64: 5, UncompressedSize64: 20 << 20, CRC32: 1})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("<sst>"))
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestOpenXLSXLeavesNoTemporaryFiles(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	opts := excelize.Options{UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 16 << 20}

	// Without the guard excelize leaves its file behind: the test's premise.
	if _, err := excelize.OpenReader(bytes.NewReader(brokenWorkbook(t)), opts); err == nil {
		t.Fatal("a broken workbook opened")
	}
	if left, _ := os.ReadDir(tmp); len(left) == 0 {
		t.Fatal("excelize no longer leaves a file on a broken workbook: this guard may go")
	}
	if err := os.RemoveAll(tmp); err != nil || os.Mkdir(tmp, 0o700) != nil {
		t.Fatal(err)
	}

	if _, done, err := OpenXLSX(brokenWorkbook(t), opts); err == nil {
		done()
		t.Fatal("a broken workbook opened")
	}
	good := excelize.NewFile()
	good.SetCellStr("Sheet1", "A1", "本年新收政府信息公开申请数量")
	var g bytes.Buffer
	if err := good.Write(&g); err != nil {
		t.Fatal(err)
	}
	f, done, err := OpenXLSX(g.Bytes(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue("Sheet1", "A1"); v != "本年新收政府信息公开申请数量" {
		t.Errorf("A1 = %q", v)
	}
	done()
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left in the temporary directory: %v", left)
	}
}

// XLSXMeasure counts each cell that refers to a shared string, by the
// string's bytes, whatever prefix the parts' elements carry (inline strings
// and numbers count nothing); the cells as excelize lays them out, a row as
// wide as its last cell with a value, a formula or an inline string (a cell
// of style only is none, a cell without a reference follows the one
// before); the merged ranges; the shared strings. It stops past what it is
// told to stop at, and what is not a workbook measures nothing.
func TestXLSXMeasure(t *testing.T) {
	book := func(sheet string) []byte {
		return zipOf(t, "xl/sharedStrings.xml", `<x:sst xmlns:x="s"><x:si><x:t>abcdefghij</x:t></x:si><x:si><x:r><x:t>12</x:t></x:r><x:r><x:t>345</x:t></x:r></x:si></x:sst>`,
			"xl/worksheets/sheet1.xml", sheet)
	}
	// 10 + 10 + 5 bytes of shared text; an inline string and a number;
	// rows 6, 0 and 3 cells wide; two merged ranges
	data := book(`<x:worksheet xmlns:x="s"><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v> 0 </x:v></x:c><x:c t="s"><x:v>1</x:v></x:c>` +
		`<x:c t="inlineStr"><x:is><x:t>` + string(bytes.Repeat([]byte("a"), 100)) + `</x:t></x:is></x:c><x:c><x:v>1</x:v></x:c><x:c t="s"><x:v>9</x:v></x:c></x:row>` +
		`<x:row r="2"><x:c r="XFD2" s="1"/></x:row><x:row><x:c r="C3"><x:f>SUM(A1:B1)</x:f></x:c></x:row></x:sheetData>` +
		`<x:mergeCells><x:mergeCell ref="A1:B1"/><x:mergeCell ref="C3:D4"/></x:mergeCells></x:worksheet>`)
	// a shared cell's string is excelize's reading of its <v>: text that is
	// no number is string 0, so is white space; an empty <v/> takes none; a
	// character reference is its character; an element inside <v> is
	// skipped, its text too (<v>1<x>0</x></v> is string 1, as excelize's
	// DecodeElement reads it)
	odd := book(`<worksheet><sheetData><row><c t="s"><v>x</v></c><c t="s"><v> </v></c><c t="s"><v/></c><c t="s"><v>&#49;</v></c>` +
		`<c t="s"><v>1<x>0</x></v></c></row></sheetData></worksheet>`)
	if got := XLSXMeasure(odd, 1<<20, XLSXCells{Text: 1 << 20, Cells: 1 << 20, Model: 1 << 20, SheetTags: 1 << 20, Merges: 1 << 20, Strings: 1 << 20, Sheets: 1 << 20, Other: 1 << 20}); got.Text != 10+10+5+5 {
		t.Errorf("odd values: %d bytes of shared text, want 30", got.Text)
	}
	const lots = 1 << 20
	all := XLSXCells{Text: lots, Cells: lots, Model: lots, SheetTags: lots, Merges: lots, Strings: lots, Sheets: lots, Other: lots}
	// (the model's second row is as wide as its cell of style only, and its
	// three rows count one each; the sheet's part has 24 elements)
	if got, want := XLSXMeasure(data, 1<<20, all), (XLSXCells{Text: 25, Cells: 9, Model: 6 + 16384 + 3 + 3, SheetTags: 24, Merges: 2, Strings: 2}); got != want {
		t.Errorf("measured %+v, want %+v", got, want)
	}
	for _, set := range []func(*XLSXCells){func(c *XLSXCells) { c.Text = 5 }, func(c *XLSXCells) { c.Cells = 4 }, func(c *XLSXCells) { c.Model = 100 },
		func(c *XLSXCells) { c.SheetTags = 10 }, func(c *XLSXCells) { c.Merges = 1 }, func(c *XLSXCells) { c.Strings = 1 }} {
		stop := all
		set(&stop)
		if got := XLSXMeasure(data, 1<<20, stop); !got.past(stop) {
			t.Errorf("stop at %+v: measured %+v", stop, got)
		}
	}
	// the elements of the other parts excelize reads whole, by a scan of
	// their bytes (prefixed, empty, with attributes; not end tags, comments
	// or declarations), and the sheets listed; a workbook stored under
	// another name is known by its sheets; a chart's or a pivot table's
	// parts, read only when asked for, are not counted
	other := zipOf(t, "[Content_Types].xml", `<?xml version="1.0"?><Types/>`,
		"xl/workbook.xml", `<workbook><sheets><sheet name="a"/><x:sheet name="b"></x:sheet><sheetView/></sheets></workbook>`,
		"xl/styles.xml", "<styleSheet><cellXfs count=\"2\"><xf/><xf\n></xf></cellXfs><!-- a comment --></styleSheet>",
		"wb/book.xml", `<workbook><sheets><sheet name="c"/></sheets></workbook>`,
		"xl/charts/chart1.xml", `<c:chartSpace><c:chart/></c:chartSpace>`,
		"xl/pivotCache/pivotCacheRecords1.xml", `<pivotCacheRecords><r><n v="1"/></r><r><n v="2"/></r></pivotCacheRecords>`)
	if got, want := XLSXMeasure(other, 1<<20, all), (XLSXCells{Sheets: 3, Other: 1 + 5 + 4 + 3}); got != want {
		t.Errorf("measured %+v, want %+v", got, want)
	}
	for _, set := range []func(*XLSXCells){func(c *XLSXCells) { c.Sheets = 1 }, func(c *XLSXCells) { c.Other = 5 }} {
		stop := all
		set(&stop)
		if got := XLSXMeasure(other, 1<<20, stop); !got.past(stop) {
			t.Errorf("stop at %+v: measured %+v", stop, got)
		}
	}
	if got := XLSXMeasure([]byte("not a zip"), 1<<20, all); got != (XLSXCells{}) {
		t.Errorf("not a workbook: %+v", got)
	}
}

// columnOf reads a reference's letters, in either case, and stops counting
// past the last column.
func TestColumnOf(t *testing.T) {
	for ref, want := range map[string]int{"A1": 1, "z9": 26, "AA1": 27, "XFD1048576": 16384, "12": 0, "": 0} {
		if got := columnOf(ref); got != want {
			t.Errorf("columnOf(%q) = %d, want %d", ref, got, want)
		}
	}
	if got := columnOf("ZZZZZZZZZZZZZZZZZZZZZZZZ1"); got <= 16384 || got > 16384*27 {
		t.Errorf("a reference far past the grid: %d", got)
	}
}

// sharedStringSizes scans the shared strings' bytes: each <si>, prefixed or
// not, with attributes or spaces, empty (<si/>, <si />) or holding runs,
// counts its text as written; an element whose name only starts with si is
// none; no more than asked are read.
func TestSharedStringSizes(t *testing.T) {
	data := zipOf(t, "xl/sharedStrings.xml", `<?xml version="1.0"?><sst xmlns="http://x/y"><si><t>abc</t></si><si/><si ><r><t>12</t></r><r><t xml:space="preserve"> 3</t></r></si>`+
		"<x:si><x:t>ab</x:t></x:si><si /><si\n/><sia>zz</sia><si><t>&amp;</t></si></sst>")
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sharedStringSizes(zr.File[0], 1<<20, 100), []int64{3, 0, 4, 2, 0, 0, 5}; !slices.Equal(got, want) {
		t.Errorf("sizes %v, want %v", got, want)
	}
	if got := sharedStringSizes(zr.File[0], 1<<20, 2); len(got) != 2 {
		t.Errorf("at most 2: %v", got)
	}
}

// zipOf packs parts, each a name and its text, in order, into a ZIP.
func zipOf(t *testing.T, parts ...string) []byte {
	t.Helper()
	var ps []testdoc.Part
	for i := 0; i+1 < len(parts); i += 2 {
		ps = append(ps, testdoc.Part{Name: parts[i], Content: parts[i+1]})
	}
	return testdoc.Zip(t, ps...)
}
