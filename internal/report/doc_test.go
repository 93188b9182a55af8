package report_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"gongkai/internal/report"
)

// Word 97–2003 files (.doc) made by a converter we did not write: LibreOffice
// 7.4 ("soffice --headless --convert-to doc:'MS Word 97'") from
//   - word97-2021.doc: `gongkai report render --format docx` of the tab
//     fixture's report (merged cells across and down);
//   - word97-page-2021.doc: the portal page fixture (the report's tables
//     nested in the portal's layout table, so rows of a table in a table);
//   - word97-blanks-2021.doc: the same report with some cells left blank
//     (in 表二, 表三 — a first and a last cell — and 表四);
//   - word97-seed-2024.doc: the seed report, rendered to DOCX and converted;
//   - word97-pictures-2021.doc: the page with its tables as pictures and a
//     link in section 一 (TestTablesAsPictures);
//   - lo-page-2021.docx, lo-pictures-2021.docx: the same pages as LibreOffice
//     saves them as DOCX ("docx:'MS Word 2007 XML'");
//   - lo-2021.odt, lo-blanks-2021.odt, lo-page-2021.odt: the rendered report,
//     the one with blanks and the portal page as OpenDocument ("odt");
//   - lo-2021.rtf, lo-blanks-2021.rtf, lo-page-2021.rtf, lo-pictures-2021.rtf:
//     the same as RTF (the page through ODT: LibreOffice will not write RTF
//     from HTML);
//   - wps-2021.rtf (ours, TestLayouts): the tab fixture as RTF with the
//     Chinese in GBK bytes only, as older WPS writes it;
//   - word97-2019.doc, lo-2019.rtf, lo-2019.pdf, pdftotext-layout-2019.txt:
//     the 2019 trial format's tab fixture rendered to DOCX and converted.
//
// Each reads as its source does: the same tables, sections and findings.
func TestWord97(t *testing.T) {
	for file, want := range map[string]func() *report.Report{
		"word97-2021.doc": truth, "word97-page-2021.doc": truth, "word97-blanks-2021.doc": truthWithBlanks,
		"lo-page-2021.docx": truth, // the portal page as LibreOffice saves it as DOCX: tables in a layout table
		// and as OpenDocument (.odt), which WPS writes too
		"lo-2021.odt": truth, "lo-blanks-2021.odt": truthWithBlanks, "lo-page-2021.odt": truth,
		// and as flat OpenDocument (.fodt: the same XML in one file; before, read as
		// plain text, its tables' cells a line each)
		"lo-2021.fodt": truth, "lo-blanks-2021.fodt": truthWithBlanks,
		// and as RTF (its nested rows end inside \*\nesttableprops)
		"lo-2021.rtf": truth, "lo-blanks-2021.rtf": truthWithBlanks, "lo-page-2021.rtf": truth,
		// and RTF as WPS writes it: GBK bytes (\'hh), no \u
		"wps-2021.rtf": truth,
		// the 2019 trial format (its own 表二) as DOC and RTF
		"word97-2019.doc": truth2019, "lo-2019.rtf": truth2019,
	} {
		t.Run(file, func(t *testing.T) {
			readsAsSource(t, file, readFile(t, filepath.Join(auditDir, file)), want(), nil)
		})
	}
	t.Run("seed", func(t *testing.T) {
		want := audit(t, "seed.txt", readFile(t, seedPath))
		r := audit(t, "seed.doc", readFile(t, filepath.Join(auditDir, "word97-seed-2024.doc")))
		if d := cmp.Diff(tables(want), tables(r)); d != "" {
			t.Errorf("tables (-want +got):\n%s", d)
		}
		rules := func(r *report.Report) []string {
			var out []string
			for _, f := range r.Findings {
				out = append(out, f.Rule+" "+f.Cell)
			}
			slices.Sort(out)
			return out
		}
		if d := cmp.Diff(rules(want), rules(r)); d != "" {
			t.Errorf("findings (-txt +doc):\n%s", d)
		}
		if !strings.Contains(r.Agency, "卫滨区") {
			t.Errorf("agency %q", r.Agency)
		}
	})
}

// truthWithBlanks is truth with some cells left blank, in 表二, 表三 (a first
// and a last cell too) and 表四: the source of the *-blanks-* fixtures.
func truthWithBlanks() *report.Report {
	r := truth()
	set := func(key string, c int) {
		row := r.Applications[key]
		row[c] = report.Cell{}
		r.Applications[key] = row
	}
	set("new", 1)
	set("new", 4)
	set("withheld.state_secret", 0)
	set("withheld.state_secret", 6)
	r.Appeals[2][4] = report.Cell{}
	r.Proactive.Set("rules.repealed", report.Cell{})
	return r
}

// A damaged DOC is an error that says what to do, never a panic or a report
// of nothing.
func TestWord97Damaged(t *testing.T) {
	good := readFile(t, filepath.Join(auditDir, "word97-2021.doc"))
	garbled := append([]byte(nil), good...)
	for i := 600; i < len(garbled); i += 97 {
		garbled[i] ^= 0x5A
	}
	for name, data := range map[string][]byte{"truncated": good[:20000], "garbled": garbled, "header only": good[:512]} {
		_, err := report.Read("x.doc", data)
		if err == nil || !strings.Contains(err.Error(), "另存为 DOCX") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// pdftotext (poppler 22.12) of PDFs LibreOffice printed from the rendered
// report (also with blank cells) and the seed: with -layout, and without (its default), where every
// cell is a line between blank lines and the numbers of rows whose labels wrap
// come in one run before those labels. Both read as the source; without
// -layout 表四's narrow cells come out in pieces of columns among their
// header's pieces (… 维持 / 2 / 纠正 / 1 / … 维持 纠正 结果 审结 / 1 0 0 0 /
// 审结 / 1 / … 总计 / 4 / —4— / 1 / 总计 / 0), each placed by the header's
// words just before it (t4ByWords) when every group then adds up, and said;
// before, such a 表四 was left unread.
func TestPdftotext(t *testing.T) {
	seed := audit(t, "seed.txt", readFile(t, seedPath))
	for file, model := range map[string]*report.Report{
		"pdftotext-layout-2021.txt":      truth(),
		"pdftotext-raw-2021.txt":         truth(),
		"pdftotext-layout-seed-2024.txt": seed,
		"pdftotext-raw-seed-2024.txt":    seed,
		// blanks: each number by the columns of the complete rows on its page;
		// 表四's one row has no such row: its numbers are placed in their
		// order under its headings (which drift from them; the blank is in a
		// group of zeros, which the groups' sums cannot place)
		"pdftotext-layout-blanks-2021.txt": truthWithBlanks(),
		"pdftotext-layout-2019.txt":        truth2019(),
	} {
		t.Run(file, func(t *testing.T) {
			r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
			want, got := tables(model), tables(r)
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("tables (-want +got):\n%s", d)
			}
			for _, f := range r.Findings {
				if f.Severity == report.SevError {
					t.Errorf("an error: %s %s", f.Rule, f.Message)
				}
			}
		})
	}
}

// A PDF with a password to open it cannot be read without it: the message
// says so, instead of naming pdftotext, which cannot open it either.
func TestPDFWithAPasswordToOpen(t *testing.T) {
	_, err := report.Read("a.pdf", readFile(t, filepath.Join(auditDir, "lo-narrow-password-2021.pdf")))
	if err == nil || !strings.Contains(err.Error(), "该 PDF 设有打开密码") {
		t.Errorf("err = %v", err)
	}
}

// A PDF as downloads and tools leave it reads as the PDF it was: with a BOM
// or a web server's response header before it (had been refused as binary),
// with offsets an edit shifted, a startxref that points nowhere, its end cut
// off, junk after %%EOF (each had failed to open: its objects are now found
// by a scan, as pdftotext finds them), or a PDF 2.0 header (refused). Of
// LibreOffice's PDF and of qpdf's AES-256 one with object streams.
func TestDamagedPDFs(t *testing.T) {
	for _, file := range []string{"lo-narrow-2021.pdf", "lo-narrow-aes256-2021.pdf"} {
		d := readFile(t, filepath.Join(auditDir, file))
		afterHeader := bytes.IndexByte(d, '\n') + 1
		startxref := bytes.LastIndex(d, []byte("startxref"))
		for how, data := range map[string][]byte{
			"BOM":           append([]byte("\xEF\xBB\xBF"), d...),
			"HTTP header":   append([]byte("HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n"), d...),
			"shifted":       slices.Concat(d[:afterHeader], []byte("% a line an edit inserted\n"), d[afterHeader:]),
			"bad startxref": slices.Concat(d[:startxref], []byte("startxref\n123\n%%EOF\n")),
			"cut off":       d[:startxref],
			"junk after":    slices.Concat(d, []byte("<html><body>"+strings.Repeat("错误页面", 100)+"</body></html>\n")),
			"PDF 2.0":       bytes.Replace(d, []byte("%PDF-1."), []byte("%PDF-2."), 1),
		} {
			t.Run(file+" "+how, func(t *testing.T) {
				want, got := audit(t, file, d), audit(t, file, data)
				sameReport(t, want, got)
				if !cmp.Equal(rules(want.Findings), rules(got.Findings)) || len(want.Applications["new"]) == 0 {
					t.Errorf("findings %v, want %v", rules(got.Findings), rules(want.Findings))
				}
			})
		}
	}
}

// Hostile or broken PDFs end, read or refused: a page tree whose Kids or
// Parent lead back to itself, a page count of two thousand million, a
// trailer whose hex string is left open at the end of the file (each had
// looped for ever; the fuzzer found the last, through the scan that reads
// a PDF without a usable cross-reference table).
func TestLoopingPDFsEnd(t *testing.T) {
	page := "3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length 22 >>\nstream\nBT /F1 12 Tf (x) Tj ET\nendstream\nendobj\n"
	for name, pdf := range map[string]string{
		"Kids lead back":             "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [2 0 R] /Count 1 >>\nendobj\n",
		"Parent leads back":          "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 2 0 R >>\nendobj\n" + page,
		"two thousand million pages": "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>\nendobj\n" + page,
		"trailer left open":          "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n" + page + "trailer\n<< /Root 1 0 R /ID [<0a1b",
	} {
		if _, err := report.Read(name+".pdf", []byte("%PDF-1.4\n"+pdf)); err == nil {
			t.Errorf("%s: read as a report", name)
		}
	}
}

// A PDF read directly says so (PARSE.READ): the pure-Go reader may get a
// font's codes wrong where pdftotext would not. LibreOffice's PDF of the
// rendered report reads whole: before pdfGlyphs, the reader's Content put a
// character of code 0x0A after every TJ array (a stray 政, "15."), and 表二's
// rows were not found.
func TestPDFReadDirectly(t *testing.T) {
	r := audit(t, "lo-2021.pdf", readFile(t, filepath.Join(auditDir, "lo-2021.pdf")))
	noted := false
	for _, f := range r.Findings {
		if f.Rule == "PARSE.READ" && strings.Contains(f.Message, "pdftotext -layout") {
			noted = true
			continue
		}
		t.Errorf("a finding on a clean report: %s %s", f.Rule, f.Message)
	}
	if !noted {
		t.Errorf("the direct PDF reading is not said: %v", r.Findings)
	}
	sameReport(t, truth(), r)
}

// sameReport fails unless a report read back has the tables and the
// narrative sections (一, 五, 六; spacing aside) of the one it was made from.
func sameReport(t *testing.T, want, got *report.Report) {
	t.Helper()
	if d := cmp.Diff(tables(want), tables(got)); d != "" {
		t.Errorf("tables (-want +got):\n%s", d)
	}
	for _, k := range []string{"1", "5", "6"} {
		if norm(got.Sections[k]) != norm(want.Sections[k]) {
			t.Errorf("section %s: %q", k, got.Sections[k])
		}
	}
}

// More of LibreOffice's PDFs through pdftotext and read directly: of Word's
// "save as web page" page (narrow label columns: "行政规" / "范性文  1  2  15" /
// "件"), of the portal page, of the report with blank cells. Every cell is
// right, or blank with a PARSE finding that says why; never an error. (Without
// -layout the portal page's numbers come out apart from their labels: its
// 表三 is read by the numbers' order where one reading only adds up and
// holds, else said unreadable, not guessed.)
// And pdf.js's text of the PDFs, as Node tools get it: pdf-parse 1.1.1 glues
// a line's pieces ("6402470" for 64, blank, 0, 2, blank, 4, 70; "22-7"),
// unpdf 1.7 puts one space between them ("64 0 2 4 70"). A row with blanks
// there has no positions: its numbers are neither split to make up seven
// cells (the sums and the table's columns would not hold: before, six false
// errors) nor taken for a report that left every cell blank.
func TestConvertedRightOrSaid(t *testing.T) {
	for file, want := range map[string]func() *report.Report{
		"pdftotext-layout-word-2021.txt": truthWithTypes, "pdftotext-raw-word-2021.txt": truthWithTypes,
		"pdftotext-raw-page-2021.txt": truth, "pdftotext-raw-blanks-2021.txt": truthWithBlanks,
		"lo-word-2021.pdf": truthWithTypes, "lo-page-2021.pdf": truth, "lo-blanks-2021.pdf": truthWithBlanks,
		"lo-2019.pdf": truth2019,
		// pdf.js's text of those PDFs (pdf-parse glues a line's pieces,
		// unpdf puts a space between them; neither keeps blank cells)
		"pdfjs-spaced-2021.txt": truth, "pdfjs-spaced-blanks-2021.txt": truthWithBlanks,
		"pdfjs-glued-2021.txt": truth, "pdfjs-glued-blanks-2021.txt": truthWithBlanks, "pdfjs-glued-2019.txt": truth2019,
		// Chromium's PDFs ("--print-to-pdf") of the portal page and of
		// LibreOffice's HTML of the report with blanks: two-byte CID fonts
		// (Identity-H, widths in W), bold text in Type3 fonts whose glyphs
		// only ToUnicode names, the title wrapped before its last character;
		// before, nothing of them was read. And pdftotext without -layout of
		// the first: its tables come out column by column (表四's fifteen
		// numbers in an order that does not add up: said, not read wrong)
		"chrome-page-2021.pdf": truth, "chrome-blanks-2021.pdf": truthWithBlanks,
		// LibreOffice's PDF drawn again in a Chinese font the file does not
		// embed and gives no ToUnicode map (STSong-Light in UniGB-UCS2-H, as
		// ReportLab and iText write it; in GBK-EUC-H, as Acrobat writes
		// SimSun it may not embed): before, the first read with a string's
		// glyphs all at one place, the second not at all (cjkcmap.go;
		// TestPDFChineseCMaps tries every such CMap)
		"stsong-ucs2-2021.pdf": truth, "gbk-euc-2021.pdf": truth,
		// the same in simple TrueType subsets of 200 glyphs, as a printer
		// driver embeds a font by glyph, each subset's Encoding
		// WinAnsiEncoding and its characters in its ToUnicode map: before,
		// read as Latin letters and refused (TestPDFSimpleFontSubsets)
		"simple-subsets-2021.pdf": truth,
		// the same, its text drawn up the page: shown upright by /Rotate 90
		// (Acrobat Distiller's landscape page), and turned on the page as
		// shown with its page number upright (a wide table printed across
		// a portrait page); before, neither was read (TestPDFTurnedPages)
		"rotate90-2021.pdf": truth, "turned-2021.pdf": truth,
		// the same, each page drawn as a form XObject shrunk into the
		// margins with a seal's image over it; before, not read (Do was
		// not followed; TestPDFFormXObjects)
		"form-xobject-2021.pdf": truth,
		// the same, the title and the headings drawn twice 0.3 pt apart
		// (a virtual printer's bold); before, 一一、、总总体体 (TestPDFDoubledBold)
		"bold-doubled-2021.pdf": truth,
		// the portal page exported "to Word" by html-docx-js: a DOCX whose
		// body is one altChunk, an MHT part; before, no text (TestDOCXAltChunks)
		"html-docx-js-2021.docx": truth,
		// LibreOffice's PDF as a scan's text layer, as Tesseract writes it
		// (a glyphless font, ToUnicode <0000> <FFFF> <0000>, invisible
		// words stretched by Tz); before, not read (TestPDFTextLayerOfAScan)
		"ocr-layer-2021.pdf": truth,
		// the same, the scan 1.2° askew (TestPDFSkewedTextLayer); before,
		// 表三 unread, as through pdftotext
		"ocr-layer-skewed-2021.pdf":          truth,
		"pdftotext-raw-chrome-page-2021.txt": truth,
		// Chromium 156's PDF of the portal page with a running head (the
		// title, CSS @page @top-center) and a bare page number at each page's
		// foot (@bottom-center: counter(page)), read directly and through
		// pdftotext -layout: page 2 ends with section 四's heading, its
		// number right under it; before, that number was read as 表四's
		// one cell and 表四 went unread
		"chrome-running-head-2021.pdf": truth, "pdftotext-layout-running-head-2021.txt": truth,
		// pdftotext -layout of Chromium's A5 PDF of Word's HTML: the title's
		// end printed after section 一's heading; the narrowest 表三, its
		// longest label (（六）1.) wrapped to eleven lines beside its group's
		// (left unread and said until its group's numeral on its first line,
		// "（六）   1.申请", was taken off: TestStripGroupPieces)
		"pdftotext-layout-a5-word-2021.txt": truth,
		// pdftohtml -c (poppler 22.12) of LibreOffice's PDFs of the report and
		// of the 2019 report, and of Chromium's PDF of the report with blanks:
		// each run of text a <p> placed by top and left, in drawing order,
		// font sizes by classes some pages use without defining; before,
		// every run was a paragraph and nothing of the tables was read
		"pdftohtml-c-2021.html": truth, "pdftohtml-c-2019.html": truth2019, "pdftohtml-c-blanks-2021.html": truthWithBlanks,
		// LibreOffice Calc's XLSX of the page with blank cells (see
		// TestSpreadsheets), and its XLS (Excel 97), whose blank cells with
		// borders are records of their own: 表四's blank last total is read
		// where it is, not placed by the sums
		"lo-calc-blanks-2021.xlsx": truthWithBlanks, "lo-calc-blanks-2021.xls": truthWithBlanks,
		// and its ODS (Calc's own: runs of equal cells one element, a
		// merge's covered cells none of the row's); before, 表三 was read
		// with its blanks misplaced (32 warnings)
		"lo-calc-2021.ods": truth, "lo-calc-blanks-2021.ods": truthWithBlanks,
		// and as a flat ODS (.fods: the same XML in one file; before, read
		// as plain text)
		"lo-calc-blanks-2021.fods": truthWithBlanks,
		// a report whose 表三 is a spreadsheet embedded as an object: a
		// Calc object in an ODT, saved by LibreOffice as ODT, as DOCX (an
		// Excel.Sheet.12 OLEObject, its XLSX a part) and as DOC (an Excel
		// 97 object in ObjectPool, named by its EMBED field's separator).
		// Before, 表三 was a picture (ODT), missing (DOCX), and the DOC was
		// refused as a workbook
		"lo-object-2021.odt": truth, "lo-object-2021.docx": truth, "lo-object-2021.doc": truth,
		// Debian's html2text cuts Chinese characters in its tables into bytes
		// (the file stays UTF-8 with damage) and marks headings ***** … *****
		"html2text-2021.txt": truth,
		// a report whose headings are Word's automatic numbering (the DOCX
		// of TestDOCXListNumbers), as LibreOffice 7.4 saves it as DOC and
		// ODT (the numbers are in lists our DOC and ODT readers do not
		// number: the headings' words are read alone) and as PDF, through
		// pdftotext -layout: a table so narrow that every label wraps three
		// characters to a line, the row's number ("（二）", "七") alone on
		// the line of its numbers
		"autonumbered-2021.docx": truth, "lo-autonumbered-2021.doc": truth, "lo-autonumbered-2021.odt": truth,
		"pdftotext-layout-narrow-2021.txt": truth, "lo-narrow-2021.pdf": truth,
		// the same PDF with a password to edit only (qpdf 11.3), as portals
		// publish reports so that they are not altered: RC4 40-bit (its text
		// had been garbled: object keys are n+5 bytes, not 16), AES-128, and
		// AES-256 of revisions 5 and 6 (had been refused: "无法打开")
		"lo-narrow-rc4-40-2021.pdf": truth, "lo-narrow-aes128-2021.pdf": truth,
		"lo-narrow-aes256-r5-2021.pdf": truth, "lo-narrow-aes256-2021.pdf": truth,
		// pdfminer's text (pdf2txt 20221105, as markitdown and other Python
		// tools take a PDF's text) of LibreOffice's and Chromium's PDFs: text blocks, each
		// column's numbers of a page under all the page's labels, 表二's rows
		// as their labels and then their numbers. Little can be placed; what
		// is read must be right and no error claimed (before: 表二 cells
		// taken from other rows, a 表三 row's numbers from another column, 表四 as
		// the first fifteen of a column of zeros)
		"pdfminer-page-2021.txt": truth, "pdfminer-2019.txt": truth2019, "pdfminer-blanks-2021.txt": truthWithBlanks,
		"pdfminer-2021.txt":             truth, // (lo-2021.pdf: 表三 a band of rows at a time, down each column: read, see TestT3InBands)
		"pdfminer-chrome-page-2021.txt": truth, // 表四 among 150 numbers each on a line: not the first fifteen
		// (of the same page through pdftocairo: a row's last number on the next
		// item's heading line, "356第二十条第（六）项", "3 第二十条第（八）项")
		"pdfminer-cairo-page-2021.txt": truth,
		// pypdf 3.4 (extract_text) and PyMuPDF 1.21 (get_text, and sorted by
		// position) of LibreOffice's PDFs: in the narrow one a wrapped label's
		// last piece comes with its numbers ("2.重复" / "申请2000002": not the
		// row before, which ends in 申请 too), and sorted text puts every
		// row's numbers before its label (read by their order when every row
		// and column adds up; before, shifted a row)
		"pypdf-2019.txt": truth2019, "pymupdf-page-2021.txt": truth,
		"pypdf-narrow-2021.txt": truth, "pymupdf-sorted-narrow-2021.txt": truth,
		// LibreOffice 7.4's PDF of split4-2021.html (表四 in two tables, 复议
		// then 直接起诉 and 复议后起诉, each under headings of its own), and
		// its pdftotext -layout text, where the narrow columns' headings wrap
		// a piece to a line ("结果纠 其他结 尚未审" / "正   果   结"); the
		// page's first paragraph, the title, is lost in the export
		"lo-split4-2021.pdf": truth, "pdftotext-layout-split4-2021.txt": truth,
		// pdf.js's text items of LibreOffice's PDFs put into lines by their
		// position, a space where a gap is wider than 3 points (what
		// pdfplumber's extract_text and many web tools give): the row's
		// numbers on the middle line of its wrapped label, blank cells
		// without a trace
		"pdfjs-lines-page-2021.txt": truth, "pdfjs-lines-blanks-2021.txt": truthWithBlanks, "pdfjs-lines-2019.txt": truth2019,
		// html-to-text 10 (npm; its defaults) of the portal page and of our
		// HTML of the 2019 report and of the report with blanks: see
		// TestWrappedPages
		"htmltotext-page-2021.txt": truth, "htmltotext-2019.txt": truth2019, "htmltotext-blanks-2021.txt": truthWithBlanks,
		"chrome-oneline-2021.pdf": truth, "pdftotext-raw-chrome-oneline-2021.txt": truth, "htmltotext-nowrap-page-2021.txt": truth, "pdftotext-layout-chrome-oneline-2019.txt": truth2019,
	} {
		t.Run(file, func(t *testing.T) {
			r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
			w := want()
			check := func(got, want, prefix, name string) {
				if got == want {
					return
				}
				if got != "" {
					t.Errorf("%s = %q, want %q", name, got, want)
				} else if !saysWhy(r, prefix) {
					t.Errorf("%s left unread without a PARSE finding (want %q)", name, want)
				}
			}
			for _, it := range w.Format.T2Items() {
				for k, c := range it.Cells {
					g, x := r.Proactive.Cell(it.Key+"."+c).String(), w.Proactive.Cell(it.Key+"."+c).String()
					if len(it.Money) > k && it.Money[k] {
						g, x = r.Proactive.Amount(it.Key+"."+c).String(), w.Proactive.Amount(it.Key+"."+c).String()
					}
					check(g, x, "proactive", "表二 "+it.Key+"."+c)
					if g == "" && x != "" && slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
						return f.Rule == "CELL.BLANK" && strings.HasSuffix(f.Cell, "."+it.Key+"."+c)
					}) {
						t.Errorf("表二 %s.%s unread but said to be left blank by the report (CELL.BLANK)", it.Key, c)
					}
				}
			}
			for _, row := range w.Format.T3Rows() {
				for c := range w.Applications[row.Key] {
					check(r.Applications[row.Key][c].String(), w.Applications[row.Key][c].String(), "applications", row.Key)
					if r.Applications[row.Key][c].Blank() && !w.Applications[row.Key][c].Blank() && slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
						return f.Rule == "CELL.BLANK" && f.Cell == "applications."+row.Key
					}) {
						t.Errorf("表三 %s[%d] unread but said to be left blank by the report (CELL.BLANK)", row.Key, c)
					}
				}
			}
			for b := range w.Appeals {
				for c := range w.Appeals[b] {
					check(r.Appeals[b][c].String(), w.Appeals[b][c].String(), "appeals", "表四")
				}
			}
			for _, f := range r.Findings {
				if f.Severity == report.SevError {
					t.Errorf("an error: %s %s", f.Rule, f.Message)
				}
				// these read whole: nothing left unread
				if readWhole[file] && f.Rule == "PARSE.TABLE" {
					t.Errorf("%s %s", f.Cell, f.Message)
				}
			}
			// (LibreOffice's PDF of Word's page has no title in its text)
			if strings.HasPrefix(file, "chrome") && (r.Agency != w.Agency || r.Year != w.Year) {
				t.Errorf("agency %q year %d, want %q %d", r.Agency, r.Year, w.Agency, w.Year)
			}
		})
	}
}

var readWhole = map[string]bool{"pdftotext-layout-word-2021.txt": true, "autonumbered-2021.docx": true, "lo-autonumbered-2021.doc": true,
	"lo-autonumbered-2021.odt": true, "pdftotext-layout-narrow-2021.txt": true, "lo-narrow-2021.pdf": true, "lo-word-2021.pdf": true, "lo-page-2021.pdf": true, "lo-2019.pdf": true,
	"pdfjs-spaced-2021.txt": true, "chrome-page-2021.pdf": true, "chrome-blanks-2021.pdf": true,
	"pdftohtml-c-2021.html": true, "pdftohtml-c-2019.html": true, "pdftohtml-c-blanks-2021.html": true,
	"pymupdf-sorted-narrow-2021.txt": true, "chrome-running-head-2021.pdf": true, "pdftotext-layout-running-head-2021.txt": true}

// html-to-text's default text of a page (the npm package many crawlers
// use) runs each table into one paragraph, a row's label and digits glued,
// the rows a space apart, and wraps it at eighty columns where it had a
// space: several rows to a line, a row cut over two. Such a page is read as
// the running text it was. Before, most rows were "not found" (the portal
// page: 82 of 207 cells). So is a page without line breaks printed to PDF
// (before: 7 cells, and S.MISSING errors for sections that were there).
// 表三 and 表四 are read whole; 表二's glued digits that split more than one
// way are said, on the line their row starts on.
func TestWrappedPages(t *testing.T) {
	for _, c := range []struct {
		file       string
		want       func() *report.Report
		unread     int // 表三 cells the digits cannot decide
		line, cell string
	}{
		{"htmltotext-page-2021.txt", truth, 0, "行政规范性文件1215", "proactive.normative_documents"},
		{"htmltotext-2019.txt", truth2019, 0, "", ""},
		// with wordwrap: false, each table one line of its own: a page's
		// lines that hold its rows but not its headings (before: 15 cells)
		{"htmltotext-nowrap-page-2021.txt", truth, 0, "行政规范性文件1215", "proactive.normative_documents"},
		// the page without line breaks (oneline-2021.txt, oneline-2019.txt)
		// in a <p>, printed by Chromium 156 ("--print-to-pdf"): read
		// directly and through pdftotext 22.12 with and without -layout.
		// Lines break anywhere in Chinese text, at a space between numbers
		// (规章31 31 / 27: glued, so 表二 says it cannot split them)
		{"chrome-oneline-2021.pdf", truth, 0, "", "proactive.normative_documents"},
		{"pdftotext-raw-chrome-oneline-2021.txt", truth, 0, "规章000行政规范性", "proactive.normative_documents"},
		{"pdftotext-layout-chrome-oneline-2019.txt", truth2019, 0, "规章31 31", "proactive_2019.rules"},
	} {
		t.Run(c.file, func(t *testing.T) {
			src := readFile(t, filepath.Join(auditDir, c.file))
			r := audit(t, c.file, src)
			w := c.want()
			unread, said := 0, c.cell == ""
			for _, row := range w.Format.T3Rows() {
				for i, x := range w.Applications[row.Key] {
					switch got := r.Applications[row.Key][i]; {
					case got.Blank():
						unread++
					case got.String() != x.String():
						t.Errorf("%s[%d] = %v, want %v", row.Key, i, got, x)
					}
				}
			}
			for b := range w.Appeals {
				for i, x := range w.Appeals[b] {
					if got := r.Appeals[b][i]; got.String() != x.String() {
						t.Errorf("表四 %d/%d = %v, want %v", b, i, got, x)
					}
				}
			}
			if unread != c.unread {
				t.Errorf("%d cells of 表三 unread, want %d", unread, c.unread)
			}
			for _, f := range r.Findings {
				if f.Severity == report.SevError || f.Rule == "PARSE.TABLE" {
					t.Errorf("%s %s", f.Rule, f.Message)
				}
				if c.cell != "" && f.Cell == c.cell {
					said = true
					if f.Rule != "PARSE.AMBIGUOUS" {
						t.Errorf("%s: %s %s", c.cell, f.Rule, f.Message)
					}
					if lines := strings.Split(string(src), "\n"); c.line != "" && (f.Line < 1 || f.Line > len(lines) || !strings.Contains(lines[f.Line-1], c.line)) {
						t.Errorf("%s said at line %d, not on the line of %s", c.cell, f.Line, c.line)
					}
				}
			}
			if !said {
				t.Errorf("%s not said: %v", c.cell, r.Findings)
			}
		})
	}
}

// A report's lines are joined as a wrapped page only for its tables' rows
// run together: a contents list on one line (一、总体情况1 二、…2) has page
// numbers before item numbers too, and the report stays as its
// lines, read as before (before the rule took three digits after a label,
// pdftotext's text with such a list lost 11 rows of 表三).
func TestContentsOnOneLineIsNotAWrappedPage(t *testing.T) {
	text := string(readFile(t, filepath.Join(auditDir, "pdftotext-layout-2021.txt")))
	at := strings.Index(text, "一、总体情况")
	if at < 0 {
		t.Fatal("fixture changed")
	}
	toc := "目录 一、总体情况1 二、主动公开政府信息情况2 三、收到和处理政府信息公开申请情况3 四、政府信息公开行政复议、行政诉讼情况4 五、存在的主要问题及改进情况5 六、其他需要报告的事项6\n\n"
	r := audit(t, "toc.txt", []byte(text[:at]+toc+text[at:]))
	sameReport(t, truth(), r)
	for _, f := range r.Findings {
		if f.Rule == "PARSE.AMBIGUOUS" || f.Severity == report.SevError {
			t.Errorf("%s %s", f.Rule, f.Message)
		}
	}
}

// Some reports print their tables after the text (附件：附表1 … 附表3 after
// 六、其他需要报告的事项), sections 二 to 四 only saying 详见附表1. The tables
// are read there and said to be (PARSE.READ), and section 六 ends where the
// attachments start. Before, no table was read and their cells were taken
// for section 六's text (stray-space findings on every header cell).
// Fixtures: the portal page so rearranged, its Chromium PDF through
// pdftotext -layout, its html-to-text (a wrapped page: cut as one) and tab
// text of the 2019 report.
func TestAttachedTables(t *testing.T) {
	for file, want := range map[string]func() *report.Report{
		"attached-page-2021.html": truth, "pdftotext-layout-chrome-attached-2021.txt": truth,
		"htmltotext-attached-2021.txt": truth, "attached-2019.txt": truth2019,
	} {
		t.Run(file, func(t *testing.T) {
			r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
			w := want()
			if !strings.Contains(file, "htmltotext") {
				sameReport(t, w, r) // 表二 too
			}
			for _, row := range w.Format.T3Rows() {
				for c, x := range w.Applications[row.Key] {
					if got := r.Applications[row.Key][c]; got.String() != x.String() {
						t.Errorf("%s[%d] = %v, want %v", row.Key, c, got, x)
					}
				}
			}
			for b := range w.Appeals {
				for c, x := range w.Appeals[b] {
					if got := r.Appeals[b][c]; got.String() != x.String() {
						t.Errorf("表四 %d/%d = %v, want %v", b, c, got, x)
					}
				}
			}
			attached := map[string]bool{}
			for _, f := range r.Findings {
				switch {
				case f.Rule == "PARSE.READ" && strings.Contains(f.Message, "附表"):
					attached[f.Cell] = true
				case f.Rule == "PARSE.AMBIGUOUS" && f.Cell == "proactive.normative_documents" && strings.Contains(file, "htmltotext"):
					// 表二's glued 1215, said
				case f.Rule != "PARSE.READ":
					t.Errorf("%s %s %s", f.Rule, f.Cell, f.Message)
				}
			}
			if len(attached) != 3 {
				t.Errorf("said of %v, want 表二, 表三 and 表四", attached)
			}
			if s6 := r.Sections["6"]; strings.Contains(s6, "附") || strings.Contains(s6, "第二十条") || !strings.Contains(s6, "处理费") {
				t.Errorf("section 六 = %q", s6)
			}
		})
	}
}

// pdftotext without -layout writes a table's labels and numbers in the
// order the PDF drew them: some labels apart from their numbers, some lost
// among the headings. A run of numbers on lines of their own is shared out
// seven at a time among the rows whose labels have none only when no row of
// the table is missing among or beside them: a lost row's numbers may be in
// the run, and rows that swap numbers keep the columns' sums, so the table's
// identities cannot tell. Before, （六）其他处理 was given the lost (四)2.'s 88
// 0 0 0 0 0 88. The fixture: Chromium's PDF of a generated 2019 report with
// blank cells, through pdftotext; its model beside the test.
func TestRawTextRunNotSharedPastALostRow(t *testing.T) {
	if right := readsAsTruth(t, "pdftotext-raw-chrome-lostrows-2019.txt"); right < 80 {
		t.Errorf("%d cells of 表三 read right, want 80 at least (84: the rows whose numbers follow their labels)", right)
	}
}

// Debian's html2text sets a table out by bytes, not characters: each row's
// numbers stand as far right as its label has bytes beyond its width, so
// columns do not line up from row to row, and a cell may be written over the
// label's bytes (stray U+FFFD around it). A 表三 whose lines hold such bytes
// places no number by where it stands: a row short of numbers is unread.
// Before, rows with blanks were placed a column or two off (信访举报投诉类's
// 123s under the wrong applicants), with a false T3.ROWSUM. The fixture: a
// generated report with large counts and blank cells, its HTML through
// html2text -utf8.
func TestByteLaidOutTableIsNotPlacedByPosition(t *testing.T) {
	if right := readsAsTruth(t, "html2text-blanks-2021.txt"); right < 80 {
		t.Errorf("%d cells of 表三 read right, want 80 at least", right)
	}
}

// A wrapped label printed after a piece of its group's merged cell, on a
// line without numbers ("（四）无法       2.没有现成信息需要另行", then the
// numbers, then "提供       制作"): the piece is passed over and the rest
// taken as the start of the label. Before, the row was not found, nor any
// after it up to （六）, and （六）其他处理 was given (四)3.'s 0 123 0 0 0 0
// 123. The fixture: pdftohtml -c of Chromium's PDF of a generated 2019
// report with large counts and blank cells.
func TestLabelAfterAPieceOfItsGroup(t *testing.T) {
	if right := readsAsTruth(t, "pdftohtml-c-chrome-blanks-2019.html"); right < 150 {
		t.Errorf("%d cells of 表三 read right, want 150 at least", right)
	}
}

// pdftotext without -layout, a wrapped label whose first piece took numbers
// from a run before it ("1.本机关不掌握相关政府"), its end on the next line
// with numbers of its own ("信息 0 0 0 …"): that end is not a row far on
// that ends the same way. Before, 5.要求行政机关确认或重新出具已获取信息 was
// given those zeros, its own 57s lost, with no finding. The fixture: a
// generated 2019-format report through Chromium and pdftotext.
func TestWrappedLabelEndIsNotAFarRow(t *testing.T) {
	if right := readsAsTruth(t, "pdftotext-raw-chrome-wrapped-2019.txt"); right < 95 {
		t.Errorf("%d cells of 表三 read right, want 95 at least", right)
	}
}

// Our PDF reader breaks two digits apart at a smaller gap than two words, as
// pdftotext does: a narrow table's cells sit a few points apart (3003 and
// 28028 three points apart at twelve), where a number's own digits touch.
// Before, such neighbours were read as one number (300328028), with false
// T3.ROWSUM and T3.OUTCOMES errors. The fixture: Chromium's PDF of a portal
// page of a generated report with counts in the thousands.
func TestPDFCellsAFewPointsApart(t *testing.T) {
	if right := readsAsTruth(t, "chrome-narrow-cells-2021.pdf"); right < 175 {
		t.Errorf("%d cells of 表三 read right, want all 175", right)
	}
}

// pdftohtml -c joins two cells into one run when they are close
// ("16016&#160;7007") and a run's width is only guessed from its characters:
// the next run of digits ("0") is another number however close the guess
// puts it. Before, 7007 and 0 were read as 70070, with false T3.ROWSUM and
// T3.OUTCOMES errors. The fixture: pdftohtml -c of Chromium's PDF of a
// generated 2019 report with counts in the thousands.
func TestPositionedRunsOfDigitsStayApart(t *testing.T) {
	if right := readsAsTruth(t, "pdftohtml-c-chrome-thousands-2019.html"); right < 150 {
		t.Errorf("%d cells of 表三 read right, want 150 at least", right)
	}
}

// mutool's text of a PDF writes a table's cells one to a line, but two or
// three cells that stand close on one ("3198 0", "246 246"): those are cells
// of the row too. Before, such a row stopped at them, the rows after it were
// read a row off (（六）2.'s 246s lost and its zeros taken from 3.其他). The
// fixture: mutool convert -F text of Chromium's PDF of a portal page of a
// generated report with counts in the thousands.
func TestCloseCellsOnOneLine(t *testing.T) {
	if right := readsAsTruth(t, "mutool-chrome-close-cells-2021.txt"); right < 175 {
		t.Errorf("%d cells of 表三 read right, want all 175", right)
	}
}

// A page printed on A5 sets a table's label less than a character before
// the row's first number ("1.属于国家秘密 0"): in a line of six numbers or
// more standing apart, our PDF reader puts that number at its column too, as
// pdftotext does, so that the rows line up and a row with a blank cell is
// placed by them. Before, the number came a space after its label, the rows
// did not line up, and a blank row's 123 was put in the blank 商业企业 cell.
// The fixture: Chromium's A5 PDF of a portal page of a generated report.
func TestPDFNumberCloseToItsLabel(t *testing.T) {
	if right := readsAsTruth(t, "chrome-a5-2021.pdf"); right < 165 {
		t.Errorf("%d cells of 表三 read right, want 165 at least", right)
	}
}

// A side column is a column of words beside a page's prose, not the right
// part of a table: a table row whose counts stand on both sides of a gap
// (Chromium's US Letter landscape print of a table that leaves its 0s
// blank: （七）总计 8 1 … 2 4 15, 表四's 复议后起诉 headings below the
// 2 4 15) or whose counts all stand past it, apart from their label
// (（七）总计 … 26 8 2 1 4 41), keeps its numbers on its own line. Before,
// those numbers were written after 表四's headings as a side column's
// lines, and 表三's （七）总计 read short: six false T3.OUTCOMES and
// T3.BALANCE errors in one report, twelve in the other.
func TestTableRowIsNoSideColumn(t *testing.T) {
	for _, file := range []string{"chrome-letterland-blanks-tablebeside-2025.pdf", "chrome-letterland-blanks-countsapart-2022.pdf"} {
		want, _ := auditWithModel(t, file)
		cells := 0
		for _, row := range want.Format.T3Rows() {
			cells += len(want.Applications[row.Key])
		}
		if right := readsAsTruth(t, file); right != cells {
			t.Errorf("%s: %d cells of 表三 read right, want all %d", file, right, cells)
		}
		if right := t4AsTruth(t, file); right != 15 {
			t.Errorf("%s: %d cells of 表四 read right, want 15", file, right)
		}
	}
}

// A wide table's column headings on one line, 社会公益组织 and 法律服务机构
// whole (Chromium's US Letter landscape print of a 2019 report), are put at
// their places as narrower headings are, so that a row with blank cells is
// placed under them. Before, a word of more than four characters made the
// line running text, its headings a space apart, and every row with blanks
// was read from its numbers' order alone: 7 cells of 161 unread here, 86 in
// 40 such prints.
func TestWideHeadingsPlaceBlankRows(t *testing.T) {
	readsWhole(t, "chrome-letterland-blanks-wideheadings-2019.pdf")
}

// In our PDF reader's text a space between two numbers is a gap the page
// shows, so a row's numbers a space apart are cells apart, placed under the
// headings as numbers wider apart are: Chromium's A4 print of a report with
// three-digit counts that leaves its 0s blank sets 148 in 其他 a space
// before 总计's 148 (其他's column as narrow as its heading, 其 over 他).
// Before, such a row was taken for digits that may run together and left
// unread (4 cells in 40 prints, 6 more of an A5 print's).
func TestPlacedNumbersASpaceApartAreCells(t *testing.T) {
	readsWhole(t, "chrome-blanks-big-closecells-2025.pdf")
}

// readsAsTruth audits a fixture of testdata/audit against its model in
// testdata/truth: each cell of 表三 read as it is, or unread and said; no
// error claimed. It returns the cells read right.
func readsAsTruth(t *testing.T, file string) int {
	t.Helper()
	want, r := auditWithModel(t, file)
	right := 0
	for _, row := range want.Format.T3Rows() {
		for c, w := range want.Applications[row.Key] {
			switch got := r.Applications[row.Key][c]; {
			case got.String() == w.String():
				right++
			case !got.Blank():
				t.Errorf("%s[%d] = %q, want %q", row.Key, c, got, w)
			case !saysWhy(r, "applications."+row.Key):
				t.Errorf("%s[%d] unread, and not said", row.Key, c)
			}
		}
	}
	for _, f := range r.Findings {
		if f.Severity == report.SevError {
			t.Errorf("a false error: %s %s", f.Rule, f.Message)
		}
	}
	return right
}

// auditWithModel is a fixture's model in testdata/truth and the fixture
// audited.
func auditWithModel(t *testing.T, file string) (want, r *report.Report) {
	t.Helper()
	want, err := report.Load("truth.json", readFile(t, filepath.Join("testdata", "truth", strings.TrimSuffix(file, filepath.Ext(file))+".json")))
	if err != nil {
		t.Fatal(err)
	}
	return want, audit(t, file, readFile(t, filepath.Join(auditDir, file)))
}

// Our PDF reader puts on one line what sits within about half its font's
// size of the line's highest glyph, as pdftotext -layout does: a merged
// cell's words centred between two lines of the next cell's (三、本年度 three
// points under 1.本机关不掌握相关政府, its numbers three more under) go with
// the first. Before, they stood between a wrapped label and its numbers,
// and 表三's rows from (四) on were not found or read a row off (140 of 184
// cells, two wrong). The fixture: Chromium's PDF of a generated 2019 report
// with four-digit counts (seed 7, 555; the same page through pdftotext
// -layout always read whole).
func TestPDFMergedCellsBetweenLines(t *testing.T) {
	truth := report.Generate(rand.New(rand.NewPCG(7, 555)), "示例第7局", 2019)
	scale(truth, 123)
	r := audit(t, "merged.pdf", readFile(t, filepath.Join(auditDir, "chrome-merged-2019.pdf")))
	if d := cmp.Diff(tables(truth), tables(r)); d != "" {
		t.Errorf("tables (-want +got):\n%s", d)
	}
}

// A document published with its revisions still tracked and text hidden
// (tracked-2021.*: lo-page-2021.docx edited by hand — in 第一部分 “68”
// deleted and “70” inserted, then a hidden run “（此处填写全年收到的申请数，
// 含平台和信函）”; in 表三 “66” deleted and “64” inserted — and LibreOffice's
// DOC, ODT and RTF of it, which keep both). It reads as the page shows it,
// and the text a reader does not see but the file gives away is said once
// (TXT.HIDDEN) with its pieces. Before, the DOC read 6870 and 6664 (false
// T3 errors), and every format but the DOCX's deletions read the hidden
// run as a placeholder left in the text.
func TestTrackedChangesAndHiddenText(t *testing.T) {
	for _, file := range []string{"tracked-2021.docx", "tracked-2021.doc", "tracked-2021.odt", "tracked-2021.rtf"} {
		// (an ODT keeps its deletions apart, before the text: they come first)
		t.Run(file, func(t *testing.T) {
			saysUnseen(t, file, nil, 3, "68", "66", "（此处填写全年收到的申请数，含平…")
		})
	}
}

// A document whose template hides text by a style (styled-hidden-2021.*:
// lo-page-2021.docx with, added by hand, a character style 内部批注 and a
// paragraph style 内部说明 whose run properties hold w:vanish — a run of the
// first after 第一部分's count, a paragraph of the second in 第五部分 — and
// LibreOffice's ODT, DOC and RTF of it: named styles with text:display none
// in the ODT's styles.xml, styles with sprmCFVanish in the DOC's stylesheet,
// \v on the runs in the RTF). It reads as the page shows it, the two pieces
// said (TXT.HIDDEN). Before, the DOCX, ODT and DOC read them as text. So is
// a section Writer hides.
func TestTextHiddenByStyle(t *testing.T) {
	for _, file := range []string{"styled-hidden-2021.docx", "styled-hidden-2021.odt", "styled-hidden-2021.fodt", "styled-hidden-2021.doc", "styled-hidden-2021.rtf"} {
		t.Run(file, func(t *testing.T) {
			saysUnseen(t, file, nil, 2, "（内部：70件含重复申请3件，待核）", "内部备注：改进措施待主要负责人审…")
			r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
			if s := r.Sections["1"] + r.Sections["5"]; strings.Contains(s, "内部") {
				t.Errorf("hidden text read: %q", s)
			}
		})
	}
	// a section hidden in Writer (text:display none: hidden-section-2021.odt,
	// lo-page-2021.odt with last year's problems kept in one after 第五部分's):
	// before, read into 第五部分
	t.Run("hidden-section-2021.odt", func(t *testing.T) {
		saysUnseen(t, "hidden-section-2021.odt", nil, 1, "2023年存在的问题：一是公开不及时；…")
	})
}

// A document published with a reviewer's comment on it (批注: commented-2021.*,
// lo-page-2021.odt with one added by hand to 第一部分's count, “请核实：是否应为
// 72件？”, and LibreOffice's DOCX, DOC and RTF of it). It reads as the page
// shows it, and the comment, which whoever opens the file reads, is said
// (TXT.HIDDEN); so is LibreOffice's PDF of the ODT with its comments as
// notes (a /Text annotation's /Contents). Before, the ODT read the comment,
// its author and date into the sentence (a false TXT.DOUBLE), and the
// others passed it unsaid.
func TestComments(t *testing.T) {
	// (our PDF reader's notes on how it read: as for LibreOffice's other PDFs)
	pdfRead := func(f report.Finding) bool { return f.Rule == "PARSE.READ" }
	for _, file := range []string{"commented-2021.odt", "commented-2021.docx", "commented-2021.doc", "commented-2021.rtf", "commented-2021.pdf"} {
		t.Run(file, func(t *testing.T) {
			var also func(report.Finding) bool
			if strings.HasSuffix(file, ".pdf") {
				also = pdfRead
			}
			saysUnseen(t, file, also, 1, "请核实：是否应为72件？")
			r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
			if s := r.Sections["1"]; strings.Contains(s, "请核实") || strings.Contains(s, "张科长") {
				t.Errorf("the comment read into the text: %q", s)
			}
		})
	}
}

// A workbook with a hidden sheet (last year's tables, 新收 99) before the
// report's and a hidden row of a note in 第一部分 (hidden-2021.*:
// lo-calc-2021.xlsx with both added by excelize, and LibreOffice's XLS and
// ODS of it). It reads as Excel shows it, the sheet and the row said
// (TXT.HIDDEN). Before, the hidden sheet was read as a first report with
// three false errors, and the row as text.
func TestHiddenSheetsAndRows(t *testing.T) {
	tablesOnly := func(f report.Finding) bool {
		return f.Rule == "PARSE.READ" && strings.Contains(f.Message, "只有表格")
	}
	for _, file := range []string{"hidden-2021.xlsx", "hidden-2021.xls", "hidden-2021.ods"} {
		t.Run(file, func(t *testing.T) {
			saysUnseen(t, file, tablesOnly, 2, "隐藏的工作表：2023年", "（内部：收到申请数待核，可能为72件…")
		})
	}
}

// A workbook whose 表三 has two hidden columns (hidden-cols-2021.*:
// lo-calc-2021.xlsx with, added by excelize, a column of last year's counts
// before 自然人 and one of checks after 总计, both hidden; and LibreOffice's
// XLS and ODS of it): it reads as Excel shows it, each column said
// (TXT.HIDDEN). Before, every row of 表三 read nine numbers and none was
// placed.
func TestHiddenColumns(t *testing.T) {
	for _, file := range []string{"hidden-cols-2021.xlsx", "hidden-cols-2021.xls", "hidden-cols-2021.ods"} {
		t.Run(file, func(t *testing.T) {
			saysUnseen(t, file, nil, 2, "上年同期 58 2 40 5 0 0 0 3 0 0 0 0 9 0 0 0 1…", "校验 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0…")
		})
	}
}

// A workbook with a note (批注) on a cell (noted-2021.*: lo-calc-2021.xlsx
// with one added by excelize, and LibreOffice's ODS and XLS of it): the
// note is said (TXT.HIDDEN), and is none of the cell's text.
func TestCellNotes(t *testing.T) {
	for _, file := range []string{"noted-2021.xlsx", "noted-2021.ods", "noted-2021.xls"} {
		t.Run(file, func(t *testing.T) { saysUnseen(t, file, nil, 1, "张科长:此数据请核实") })
	}
}

// saysUnseen fails unless file reads as the truth with one TXT.HIDDEN (and
// the findings also allows) that says n pieces, each of them quoted.
func saysUnseen(t *testing.T, file string, also func(report.Finding) bool, n int, pieces ...string) {
	t.Helper()
	var said []string
	readsAsSource(t, file, readFile(t, filepath.Join(auditDir, file)), truth(), func(f report.Finding) bool {
		if f.Rule == "TXT.HIDDEN" {
			said = append(said, f.Message)
			return true
		}
		return also != nil && also(f)
	})
	ok := len(said) == 1 && strings.Contains(said[0], fmt.Sprintf("有 %d 处", n))
	for _, p := range pieces {
		ok = ok && strings.Contains(said[0], "“"+p+"”")
	}
	if !ok {
		t.Errorf("said %q, want %d pieces: %q", said, n, pieces)
	}
}

// LibreOffice's ODT of a Word report whose zeros are partly left blank
// (lo-spanned-blanks-2024.odt, from the .docx beside it): a label spanning
// two columns is followed by a covered cell, which is no field of the row —
// as Word's w:gridSpan makes none — so a row that starts or ends in blank
// cells keeps them where they are. The ODT reads as the DOCX does, every
// cell and blank in place (it placed a row's zeros by its sum: three of
// them a column off).
func TestODTSpannedCellsAreNoFields(t *testing.T) {
	want := audit(t, "a.docx", readFile(t, filepath.Join(auditDir, "lo-spanned-blanks-2024.docx")))
	got := audit(t, "a.odt", readFile(t, filepath.Join(auditDir, "lo-spanned-blanks-2024.odt")))
	if want.Applications["partly_granted"][report.ColNatural].Blank() != true || want.Applications["partly_granted"][report.ColTotal].Blank() != true {
		t.Fatalf("the fixture's 部分公开 row starts and ends with no blank cell: %v", want.Applications["partly_granted"])
	}
	for _, row := range want.Format.T3Rows() {
		if g, w := got.Applications[row.Key], want.Applications[row.Key]; g != w {
			t.Errorf("%s: the ODT reads %v, the DOCX %v", row.Key, g, w)
		}
	}
	if got.Appeals != want.Appeals {
		t.Errorf("表四: the ODT reads %v, the DOCX %v", got.Appeals, want.Appeals)
	}
	for _, f := range got.Findings {
		if strings.HasPrefix(f.Rule, "PARSE.") {
			t.Errorf("the ODT: %s %s", f.Rule, f.Message)
		}
	}
}

// Chromium's print of a portal page whose report stands in a main column
// beside a side column — the site's menu to the left (政府信息公开 / 机构职能
// / …), related items with their dates to the right (关于印发《…》的通知 /
// 2024-07-13) — reads as the report: each page's side columns are written
// after the main column's lines beside them (their words then stand in the
// text as a page's side text does in HTML). Before, their words
// ended or started the main column's lines (一、总体情况 … 2024-07-13,
// 规划计划 … 一、总体情况), 第一部分 was said to be missing on every such page
// and rows with blanks were not placed (40 generated reports that leave
// their zeros blank: 747 and 111 cells unread, and 80 false errors; now
// 383 and 111 unread — columns squeezed by the side columns — and none).
// The fixtures: a generated 2022 report (seed 21, 3) in such a page.
func TestPDFSideColumns(t *testing.T) {
	for _, file := range []string{"chrome-portal-right-side-2022.pdf", "chrome-portal-left-side-2022.pdf"} {
		t.Run(file, func(t *testing.T) {
			readsWhole(t, file)
			r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
			// the side column's lines are their own, after the main
			// column's beside them (as a page's side text is read in HTML)
			for _, l := range strings.Split(r.Sections["1"], "\n") {
				side := strings.Contains(l, "关于印发") || strings.Contains(l, "2024-") || strings.Contains(l, "机构职能") || strings.Contains(l, "规划计划")
				if side && (strings.Contains(l, "公开") && !strings.Contains(l, "公开工作方案") || strings.Contains(l, "本机关")) {
					t.Errorf("a line of both columns in 第一部分: %q", l)
				}
			}
		})
	}
}
