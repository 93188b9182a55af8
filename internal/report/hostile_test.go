package report_test

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gongkai/internal/errs"
	"gongkai/internal/report"
	"gongkai/internal/testdoc"
)

// readAllocated is the heap Read and Check allocate for a file, and Read's
// error: hostile input may be refused, as long as it is refused cheaply.
func readAllocated(name string, data []byte) (uint64, error) {
	var err error
	a := testdoc.Allocated(func() {
		var r *report.Report
		if r, err = report.Read(name, data); err == nil {
			report.Check(r, nil)
		}
	})
	return a, err
}

// A file of junk in a report's place — megabytes of numbers with no
// heading, on one line or a line each — is read in memory proportionate to
// it. The readers held a line's every word at once, many times over, for
// each section the junk was taken for: a 32 MB line of "1 1 1" took 4.5 GB
// and 19 s, a 93 KB ODT of repeated cells 4.4 GB; lines of a thousand words
// before section 一 were each offered as a title from each of its words on,
// joined again for each. Work is measured as memory
// allocated, which does not depend on the machine's speed; each bound is
// about twice what the reader allocates now, a third to a tenth of what it
// did.
func TestJunkIsReadInBoundedMemory(t *testing.T) {
	const size = 4 << 20
	for _, c := range []struct {
		name string
		data []byte
		mb   uint64 // MB allocated at most (it was: 2 689, 2 925, 1 263, 829, 2 349 and 1 550)
	}{
		{"numbers.txt", []byte(strings.Repeat("1 ", size/2)), 640},
		{"cells.txt", []byte(strings.Repeat("\t1", size/2)), 640},
		{"pipes.md", []byte("| 一 | 二 |\n|---|---|\n" + strings.Repeat("| 1 ", size/4)), 640},
		{"rows.txt", []byte("三、收到和处理政府信息公开申请情况\n" + strings.Repeat("1 0 0 0 0 0 1\n", size/14)), 256},
		{"words.txt", []byte(strings.Repeat(strings.Repeat("1 ", 1000)+"\n", size/2001)), 480},
		{"repeated.odt", odt(t, "<table:table><table:table-row>"+strings.Repeat(`<table:table-cell table:number-columns-repeated="256"><text:p>1</text:p></table:table-cell>`, 20000)+"</table:table-row></table:table>"), 200},
	} {
		a, _ := readAllocated(c.name, c.data)
		if a>>20 > c.mb {
			t.Errorf("%s (%d KB): %d MB allocated, more than %d MB", c.name, len(c.data)>>10, a>>20, c.mb)
		}
	}
}

// A section longer than any report's is read up to maxRegionBytes, and
// the line where reading stopped is said.
func TestLongSectionSaysWhereReadingStopped(t *testing.T) {
	r, err := report.Read("x.txt", []byte("一、总体情况\n"+strings.Repeat("公开信息\n", 40000)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.Meta.Parse {
		if f.Rule == "PARSE.READ" && f.Line > 20000 && strings.Contains(f.Message, fmt.Sprintf("超过 256 KB（一份报告的一部分通常不过几十 KB），第 %d 行起未读取", f.Line)) {
			return
		}
	}
	t.Fatalf("no PARSE.READ saying where reading stopped: %v", r.Meta.Parse)
}

// A text of more lines than any report or compilation has is refused, with
// why, before it is read (a file of one number to a line took 3.3 GB).
func TestTooManyLinesRefused(t *testing.T) {
	_, err := report.Read("lines.txt", []byte(strings.Repeat("1\n", report.MaxLines+1)))
	if errs.KindOf(err) != errs.TooLarge || !strings.Contains(errs.Plain(err), "超过 50 万行") {
		t.Fatalf("err = %v, want too large: more than 500 000 lines", err)
	}
	// as many as that is read
	if _, err := report.Read("lines.txt", []byte(strings.Repeat("1\n", report.MaxLines-1))); err != nil {
		t.Fatalf("%d lines: %v", report.MaxLines-1, err)
	}
	// and so for paragraphs of an RTF (a DOC's are built the same way)
	_, err = report.Read("lines.rtf", []byte(`{\rtf1\ansi `+strings.Repeat(`\par 1`, report.MaxLines+1)+`}`))
	if errs.KindOf(err) != errs.TooLarge {
		t.Fatalf("RTF: err = %v, want too large", err)
	}
}

// A CSV row of more cells than any sheet has is refused, at its line.
func TestCSVRowOfTooManyCellsRefused(t *testing.T) {
	data := "一、总体情况\n" + strings.Repeat("1,", 70000) + "1\n"
	_, err := report.Read("a.csv", []byte(data))
	if errs.KindOf(err) != errs.TooLarge || !strings.Contains(errs.Readable(err), "第 2 行") {
		t.Fatalf("err = %v, want too large at line 2", err)
	}
}

// odt is an ODT document whose body holds the content XML body.
func odt(t *testing.T, body string) []byte {
	t.Helper()
	return testdoc.Zip(t, testdoc.Part{Name: "mimetype", Content: "application/vnd.oasis.opendocument.text"},
		testdoc.Part{Name: "content.xml", Content: `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>` + body + `</office:text></office:body></office:document-content>`})
}

// BenchmarkHostile reads files built to be slow, each beside the seed
// report (the baseline: compare the ns per byte, B/s): tables and rows
// opened inside one another and never closed (each new one looked at all
// those around it, quadratic: 20 000 of them took seconds), a line of
// numbers with no heading, 400 reports run into one line (each cut
// searched the rest of the page again), a workbook of 20 000 merged ranges
// (excelize compared each with every other: 1.7 s) and one whose rows have
// a value in their last column (refused before it is read: 24 GB for 4 000
// rows before).
func BenchmarkHostile(b *testing.B) {
	cases := []struct {
		name string
		data []byte
	}{
		{"seed.txt", readFile(b, seedPath)},
		{"nested-tables.html", []byte("<html><body>" + strings.Repeat("<table><tr><td>1", 20000))},
		{"nested-rows.docx", testdoc.Docx(b, strings.Repeat("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p>", 20000))},
		{"numbers.txt", []byte(strings.Repeat("1 ", 1<<20))},
		{"compilation-one-line.txt", []byte(strings.Repeat(onelineOf(textOf(b, report.Generate(rand.New(rand.NewPCG(1, 1)), "示例局", 2024)), cycling), 400))},
		{"merges.xlsx", mergedXLSX(b, 20000)},
		{"wide-rows.xlsx", wideXLSX(b, 4000)},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for b.Loop() {
				if r, err := report.Read(c.name, c.data); err == nil {
					report.Check(r, nil)
				}
			}
		})
	}
}

// A Word 97 file whose streams' chains of sectors loop back on themselves
// is refused as damaged, having read no more than the file holds: mscfb
// follows such a chain round and round to the size the entry claims, and
// the reader took up to 128 MB a stream (a 52 KB file: 8 s and 485 MB). An
// embedded worksheet's stream the same.
func TestLoopedCompoundStreamsRefused(t *testing.T) {
	doc := readFile(t, filepath.Join(auditDir, "word97-2021.doc"))
	object := readFile(t, filepath.Join(auditDir, "lo-object-2021.doc"))
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"looped.doc", testdoc.LoopStreams(t, doc, 1<<30, "WordDocument")},
		{"looped-data.doc", testdoc.LoopStreams(t, doc, 1<<30, "Data")},
		{"looped-object.doc", testdoc.LoopStreams(t, object, 1<<30, "Workbook")},
	} {
		a, err := readAllocated(c.name, c.data)
		if err == nil || !strings.Contains(errs.Plain(err), "文件结构损坏") {
			t.Errorf("%s: err = %v, want the file said damaged", c.name, err)
		}
		if a > 8*uint64(len(c.data)) {
			t.Errorf("%s (%d KB): %d KB allocated, more than 8 times the file", c.name, len(c.data)>>10, a>>10)
		}
	}
	// the file as it is reads
	if _, err := report.Read("word97-2021.doc", doc); err != nil {
		t.Fatal(err)
	}
}

// A workbook whose cells all hold one long shared string — a few KB of
// file — is refused before its text is copied into each cell: excelize
// copied the string for every cell that refers to it, and the lines joined
// them again (an 11 KB XLSX of 100 000 such cells: killed at 150 s, having
// taken gigabytes). The same for an XLS's string table, and for an ODF
// table's cell repeated (a 3 KB file: 9.6 GB allocated).
func TestWorkbookTextBounded(t *testing.T) {
	long := strings.Repeat("公开 ", 3000) // 12 KB
	rows := make([][]string, 600)
	for i := range rows {
		rows[i] = slices.Repeat([]string{long}, 10) // 600 × 10 × 12 KB: 72 MB
	}
	// an ODF table of 100 rows of one cell repeated 1 000 times
	repeated := "<table:table>" + strings.Repeat(`<table:table-row><table:table-cell table:number-columns-repeated="1000"><text:p>`+long+`</text:p></table:table-cell></table:table-row>`, 100) + "</table:table>"
	for _, c := range []struct {
		name string
		data []byte
		mb   uint64 // allocated at most: the XLSX and XLS are refused before their text is copied, the ODT once it is 64 MB
	}{
		{"long.xlsx", testdoc.XLSX(t, rows), 16},
		// (each cell's index written as text that is no number, which
		// excelize reads as string 0: 3 GB for a 204 KB file before)
		{"unnumbered.xlsx", testdoc.RewritePart(t, testdoc.XLSX(t, rows), "xl/worksheets/sheet1.xml", func(x string) string {
			return strings.ReplaceAll(x, "<v>0</v>", "<v>x</v>")
		}), 16},
		{"long.xls", testdoc.XLS(t, testdoc.XLSOptions{}, testdoc.XLSSheet{Name: "a", Rows: rows}), 16},
		{"repeated.odt", odt(t, repeated), 128}, // (9 616 MB before)
	} {
		a, err := readAllocated(c.name, c.data)
		if errs.KindOf(err) != errs.TooLarge || !strings.Contains(errs.Plain(err), "单元格的文字合计超过 64 MB") {
			t.Errorf("%s: err = %v, want too large", c.name, err)
		}
		if a>>20 > c.mb {
			t.Errorf("%s (%d KB): %d MB allocated", c.name, len(c.data)>>10, a>>20)
		}
	}
	// a tenth of it is read
	rows = rows[:60]
	if _, err := report.Read("tenth.xls", testdoc.XLS(t, testdoc.XLSOptions{}, testdoc.XLSSheet{Name: "a", Rows: rows})); err != nil {
		t.Errorf("7 MB of text: %v", err)
	}
}

// mergedXLSX is a workbook of one cell and n merged ranges, a row each.
func mergedXLSX(t testing.TB, n int) []byte {
	var m strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&m, `<mergeCell ref="A%d:B%d"/>`, i, i)
	}
	return testdoc.RewritePart(t, testdoc.XLSX(t, [][]string{{"1"}}), "xl/worksheets/sheet1.xml", func(x string) string {
		return strings.Replace(x, "</sheetData>", "</sheetData><mergeCells>"+m.String()+"</mergeCells>", 1)
	})
}

// wideXLSX is a workbook of n rows, each of one value in its last column
// (XFD), so 16 384 cells a row as laid out.
func wideXLSX(t testing.TB, n int) []byte {
	rows := make([][]string, n)
	for i := range rows {
		rows[i] = []string{"1"}
	}
	return testdoc.RewritePart(t, testdoc.XLSX(t, rows), "xl/worksheets/sheet1.xml", func(x string) string {
		return strings.ReplaceAll(x, `r="A`, `r="XFD`)
	})
}

// emptyStringsXLSX is a workbook of one cell whose shared strings are n
// more, each empty (<si/>: 5 bytes of the part).
func emptyStringsXLSX(t testing.TB, n int) []byte {
	return testdoc.RewritePart(t, testdoc.XLSX(t, [][]string{{"表三"}}), "xl/sharedStrings.xml", func(x string) string {
		return strings.Replace(x, "</sst>", strings.Repeat("<si/>", n)+"</sst>", 1)
	})
}

// A workbook whose rows each hold a value in their last column is a grid of
// millions of empty cells from a few KB: excelize (and the XLS reader) lay
// out the cells before a row's last, so a 22 KB XLSX of 4 000 such rows took
// all 24 GB of the machine. The cells laid out are counted before excelize
// reads the sheets (an XLS's as it lays them out), and past 262 144 the
// file is refused with why.
func TestWorkbookGridBounded(t *testing.T) {
	row := make([]string, 256)
	row[255] = "1" // column IV, the last of an XLS
	sheet := slices.Repeat([][]string{row}, 1<<16)
	for _, c := range []struct {
		name string
		data []byte
		mb   uint64 // allocated at most: the XLSX is refused before excelize reads it, the XLS once it has laid out 262 144 cells
	}{
		{"wide.xlsx", wideXLSX(t, 1000), 16}, // (16 384 000 cells: 262 MB before)
		{"wide.xls", testdoc.XLS(t, testdoc.XLSOptions{}, testdoc.XLSSheet{Name: "a", Rows: sheet}), 16}, // (16 777 216 cells: 268 MB)
	} {
		a, err := readAllocated(c.name, c.data)
		if errs.KindOf(err) != errs.TooLarge || !strings.Contains(errs.Plain(err), "单元格") {
			t.Errorf("%s: err = %v, want too large", c.name, err)
		}
		if a>>20 > c.mb {
			t.Errorf("%s (%d KB): %d MB allocated", c.name, len(c.data)>>10, a>>20)
		}
	}
	// ten such rows are a grid of 163 840 cells: read
	if _, err := report.Read("ten.xlsx", wideXLSX(t, 10)); err != nil {
		t.Errorf("163 840 cells: %v", err)
	}
	// a shared string costs excelize as much as a cell laid out: 300 000
	// empty ones (a 3 KB file; 12 million, 89 KB, took 1.3 GB) are refused
	a, err := readAllocated("strings.xlsx", emptyStringsXLSX(t, 300000))
	if errs.KindOf(err) != errs.TooLarge || !strings.Contains(errs.Plain(err), "文字条目超过") || a>>20 > 16 {
		t.Errorf("300 000 shared strings: %v, %d MB allocated", err, a>>20)
	}
	if _, err := report.Read("strings.xlsx", emptyStringsXLSX(t, 1000)); err != nil {
		t.Errorf("1 000 shared strings: %v", err)
	}
	// excelize's model of a sheet, and the styles and the workbook it reads
	// whole, are bounded too: a cell of style only in column XFD of 100 rows
	// (a model of 1 638 400 cells), one cell in the last row (a model of a
	// million rows: 341 MB before), 300 000 cell formats (<xf/>), 1 025
	// sheets listed
	book := testdoc.XLSX(t, slices.Repeat([][]string{{"1"}}, 100))
	styled := testdoc.RewritePart(t, book, "xl/worksheets/sheet1.xml", func(x string) string {
		return strings.ReplaceAll(x, "</c></row>", `</c><c r="XFD1" s="0"/></row>`)
	})
	formats := testdoc.RewritePart(t, book, "xl/styles.xml", func(x string) string {
		return strings.Replace(x, "</cellXfs>", strings.Repeat("<xf/>", 300000)+"</cellXfs>", 1)
	})
	var sheets strings.Builder
	for i := range 1025 {
		fmt.Fprintf(&sheets, `<sheet name="S%d" sheetId="%d" r:id="rId4"/>`, i, i+2)
	}
	listed := testdoc.RewritePart(t, book, "xl/workbook.xml", func(x string) string {
		return strings.Replace(x, "</sheets>", sheets.String()+"</sheets>", 1)
	})
	for _, c := range []struct {
		name string
		data []byte
		said string
	}{
		{"styled.xlsx", styled, "万个单元格"},
		{"tall.xlsx", testdoc.RewritePart(t, testdoc.XLSX(t, [][]string{{"1"}}), "xl/worksheets/sheet1.xml", func(x string) string {
			return strings.ReplaceAll(strings.ReplaceAll(x, `r="1"`, `r="1048576"`), `r="A1"`, `r="A1048576"`) // one cell in the last row: a model of a million rows
		}), "万个单元格"},
		{"formats.xlsx", formats, "样式、批注等内部结构超过"},
		{"sheets.xlsx", listed, "工作表超过 1024 个"},
	} {
		a, err := readAllocated(c.name, c.data)
		if errs.KindOf(err) != errs.TooLarge || !strings.Contains(errs.Plain(err), c.said) || a>>20 > 16 {
			t.Errorf("%s: %v, %d MB allocated; want it refused, said %q", c.name, err, a>>20, c.said)
		}
	}
	// sheets that name one part read it again each: their cells count
	// together (30 sheets of one part of 10 000 cells; 1 000 of 200 000,
	// a 405 KB file, took 40 s before)
	var same strings.Builder
	for i := range 29 {
		fmt.Fprintf(&same, `<sheet name="S%d" sheetId="%d" r:id="rId1"/>`, i, i+2)
	}
	shared := testdoc.RewritePart(t, testdoc.XLSX(t, slices.Repeat([][]string{slices.Repeat([]string{"1"}, 10)}, 1000)), "xl/workbook.xml", func(x string) string {
		return strings.Replace(x, "</sheets>", same.String()+"</sheets>", 1)
	})
	if _, err := report.Read("shared.xlsx", shared); errs.KindOf(err) != errs.TooLarge || !strings.Contains(errs.Plain(err), "万个单元格") {
		t.Errorf("30 sheets of one part: %v, want refused", err)
	}
	// merged ranges are read from the sheet as stored, at most 65 536
	if _, err := report.Read("merges.xlsx", mergedXLSX(t, 1<<16+1)); errs.KindOf(err) != errs.TooLarge || !strings.Contains(errs.Plain(err), "合并单元格超过 65536 处") {
		t.Errorf("65 537 merged ranges: %v", err)
	}
	if _, err := report.Read("merges.xlsx", mergedXLSX(t, 1000)); err != nil {
		t.Errorf("1 000 merged ranges: %v", err)
	}
}

// ofdPage is an OFD of one page whose layer holds content.
func ofdPage(t testing.TB, content string) []byte {
	return testdoc.Zip(t,
		testdoc.Part{Name: "OFD.xml", Content: `<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`},
		testdoc.Part{Name: "Doc_0/Document.xml", Content: `<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Pages><ofd:Page ID="10" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`},
		testdoc.Part{Name: "Doc_0/Pages/Page_0/Content.xml", Content: `<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">` + content + `</ofd:Layer></ofd:Content></ofd:Page>`})
}

// An OFD page is read as a PDF's is, to 262 144 characters, and a
// TextCode's DeltaX gives no more advances than it has characters: before,
// "g 65536 3" on each of 200 000 one-character TextCodes (a 105 KB file)
// allocated 200 GB of advances, 15 s; 8 million characters of one TextCode
// (24 KB) 6.6 GB, 23 s. Now about 400 MB each.
func TestOFDBounded(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		mb   uint64
	}{
		{"deltas.ofd", ofdPage(t, strings.Repeat(`<ofd:TextObject ID="1" Boundary="0 0 100 10" Size="3"><ofd:TextCode X="0" Y="3" DeltaX="g 65536 3">一</ofd:TextCode></ofd:TextObject>`, 200000)), 1024},
		{"long.ofd", ofdPage(t, `<ofd:TextObject ID="1" Boundary="0 0 100 10" Size="3"><ofd:TextCode X="0" Y="3">`+strings.Repeat("一", 8_000_000)+`</ofd:TextCode></ofd:TextObject>`), 1024},
	} {
		a, _ := readAllocated(c.name, c.data)
		if a>>20 > c.mb {
			t.Errorf("%s (%d KB): %d MB allocated", c.name, len(c.data)>>10, a>>20)
		}
	}
}

// An embedded part referred to thousands of times — a DOCX's altChunk page,
// an ODT's spreadsheet object — is read once, and no more of them is taken
// once the document is past MaxLines (it is refused): 2 000 references to
// one 1 MB page, a 6.6 KB DOCX, took 47 s and 11 GB; an ODT of 2 000 frames
// of one object was killed at 150 s. No more than 16 distinct parts are read
// a document: 1 000 embedded workbooks, a 1.4 MB DOCX, took 61 s and 12.7 GB.
func TestEmbeddedPartsReadOnce(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<p>政府信息公开工作年度报告 一二三四五六七八九十</p>", 4000) + "</body></html>"
	docx := testdoc.Zip(t,
		testdoc.Part{Name: "[Content_Types].xml", Content: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="htm" ContentType="application/xhtml+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		testdoc.Part{Name: "_rels/.rels", Content: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		testdoc.Part{Name: "word/_rels/document.xml.rels", Content: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk.htm"/></Relationships>`},
		testdoc.Part{Name: "word/chunk.htm", Content: page},
		testdoc.Part{Name: "word/document.xml", Content: `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` +
			strings.Repeat(`<w:altChunk r:id="rIdH"/>`, 2000) + `</w:body></w:document>`})
	odtDoc := testdoc.Zip(t, testdoc.Part{Name: "mimetype", Content: "application/vnd.oasis.opendocument.text"},
		testdoc.Part{Name: "content.xml", Content: `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"><office:body><office:text>` +
			strings.Repeat(`<text:p><draw:frame><draw:object xlink:href="./Object 1"/></draw:frame></text:p>`, 2000) + `</office:text></office:body></office:document-content>`},
		testdoc.Part{Name: "Object 1/content.xml", Content: `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="S">` +
			strings.Repeat(`<table:table-row><table:table-cell><text:p>一二三</text:p></table:table-cell><table:table-cell><text:p>4</text:p></table:table-cell></table:table-row>`, 4000) + `</table:table></office:spreadsheet></office:body></office:document-content>`})
	// distinct parts too: no more than 16 a document (200 embedded
	// workbooks of 229 376 cells laid out each)
	book := wideXLSX(t, 14)
	parts := []testdoc.Part{
		{Name: "[Content_Types].xml", Content: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{Name: "_rels/.rels", Content: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
	}
	var rels, objects strings.Builder
	for i := range 200 {
		fmt.Fprintf(&rels, `<Relationship Id="rE%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="embeddings/w%d.xlsx"/>`, i, i)
		fmt.Fprintf(&objects, `<w:p><w:r><w:object><o:OLEObject r:id="rE%d"/></w:object></w:r></w:p>`, i)
		parts = append(parts, testdoc.Part{Name: fmt.Sprintf("word/embeddings/w%d.xlsx", i), Content: string(book)})
	}
	parts = append(parts, testdoc.Part{Name: "word/_rels/document.xml.rels", Content: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`},
		testdoc.Part{Name: "word/document.xml", Content: `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:o="urn:schemas-microsoft-com:office:office"><w:body>` + objects.String() + `</w:body></w:document>`})
	if a, _ := readAllocated("embedded.docx", testdoc.Zip(t, parts...)); a>>20 > 4096 {
		t.Errorf("200 embedded workbooks: %d MB allocated", a>>20) // (about 90 MB each)
	}
	for _, c := range []struct {
		name string
		data []byte
	}{{"chunks.docx", docx}, {"objects.odt", odtDoc}} {
		a, err := readAllocated(c.name, c.data)
		if errs.KindOf(err) != errs.TooLarge || !strings.Contains(errs.Plain(err), "万行") {
			t.Errorf("%s: %v, want it refused past 500 000 lines", c.name, err)
		}
		if a>>20 > 512 {
			t.Errorf("%s (%d KB): %d MB allocated", c.name, len(c.data)>>10, a>>20)
		}
	}
}

// A document with more embedded parts than are read (embeddedParts) says
// how many it left unread: their tables would otherwise show as missing,
// unsaid. A DOCX of 20 distinct altChunks and an ODT of 18 distinct
// spreadsheet objects, each part referred to twice (counted once).
func TestEmbeddedPartsPastTheBoundSaid(t *testing.T) {
	parts := []testdoc.Part{
		{Name: "[Content_Types].xml", Content: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="htm" ContentType="application/xhtml+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{Name: "_rels/.rels", Content: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
	}
	var rels, body strings.Builder
	for i := range 20 {
		fmt.Fprintf(&rels, `<Relationship Id="rH%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="c%d.htm"/>`, i, i)
		fmt.Fprintf(&body, `<w:altChunk r:id="rH%d"/><w:altChunk r:id="rH%d"/>`, i, i)
		parts = append(parts, testdoc.Part{Name: fmt.Sprintf("word/c%d.htm", i), Content: fmt.Sprintf("<html><body><p>第%d部分</p></body></html>", i)})
	}
	parts = append(parts, testdoc.Part{Name: "word/_rels/document.xml.rels", Content: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`},
		testdoc.Part{Name: "word/document.xml", Content: `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body><w:p><w:r><w:t>示例局2024年政府信息公开工作年度报告</w:t></w:r></w:p>` + body.String() + `</w:body></w:document>`})
	odtParts := []testdoc.Part{{Name: "mimetype", Content: "application/vnd.oasis.opendocument.text"}}
	var frames strings.Builder
	for i := range 18 {
		fmt.Fprintf(&frames, `<text:p><draw:frame><draw:object xlink:href="./Object %d"/></draw:frame><draw:frame><draw:object xlink:href="./Object %d"/></draw:frame></text:p>`, i, i)
		odtParts = append(odtParts, testdoc.Part{Name: fmt.Sprintf("Object %d/content.xml", i), Content: `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="S"><table:table-row><table:table-cell><text:p>行` + fmt.Sprint(i) + `</text:p></table:table-cell><table:table-cell><text:p>4</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`})
	}
	odtParts = append(odtParts, testdoc.Part{Name: "content.xml", Content: `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"><office:body><office:text><text:p>示例局2024年政府信息公开工作年度报告</text:p>` + frames.String() + `</office:text></office:body></office:document-content>`})
	for _, c := range []struct {
		name   string
		data   []byte
		unread string
	}{{"chunks.docx", testdoc.Zip(t, parts...), "另有 4 个没有读取"}, {"objects.odt", testdoc.Zip(t, odtParts...), "另有 2 个没有读取"}} {
		r := audit(t, c.name, c.data)
		if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool { return f.Rule == "PARSE.TABLE" && strings.Contains(f.Message, c.unread) }) {
			t.Errorf("%s: the unread parts not said (%s): %v", c.name, c.unread, r.Findings)
		}
	}
}
