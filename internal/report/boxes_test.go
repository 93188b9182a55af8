package report_test

import (
	"strings"
	"testing"

	"gongkai/internal/report"
)

// Word lists with boxes (what some tools make of a PDF instead of text) are
// laid out by where each word stands and read as pdftotext -layout's text:
// pdftotext -tsv (tesseract's OCR TSV has the same columns), pdftohtml -xml
// and pdftotext -bbox-layout of Chromium's PDFs of generated reports. Before,
// the first two were read as no report at all (S.MISSING errors) and the
// third gave one 表二 item the other's numbers (a false CELL.INVALID).
func TestWordBoxes(t *testing.T) {
	for _, file := range []string{"pdftotext-tsv-chrome-2021.txt", "pdftohtml-xml-chrome-2019.xml", "pdftotext-bbox-chrome-2019.html"} {
		t.Run(file, func(t *testing.T) { readsWhole(t, file) })
	}
}

// pdftotext's word boxes (-tsv, -bbox) are the font's: a Chinese font's box
// is twice a digit's and starts higher, so a row's label and its numbers
// are lined up by their middles, and a word's size told by its width. Before,
// by their tops, a row's numbers went to the line of the next row's label
// where a merged cell's label (（三）不予) stood above the row: in Chromium's
// PDFs of 60 generated reports, 40 wrong cells, and 73 with 9 false errors
// where three zeros in ten are blank (103 and 11 where six are); none now.
// Their words are laid out as our PDF reader lays out a PDF's glyphs
// (Line.Placed), so 表四's blanks are placed by the headings' columns as in
// a PDF (our PDF's 表四 with blanks: 39 -> 100 % of its cells). Not
// pdftohtml's runs, which join narrow columns' headings and spread their
// characters over the run (rows with blanks a column off, wrong cells).
func TestWordBoxesLineUpByTheirMiddles(t *testing.T) {
	t.Run("pdftotext-tsv-ours-t4blanks-2019.txt", func(t *testing.T) { readsWhole(t, "pdftotext-tsv-ours-t4blanks-2019.txt") })
	runTruthCases(t, []truthCase{
		// Chromium's PDF, three zeros in ten blank: 表三 whole; 表四's blanks
		// placed under its headings (TestGlyphBoxesAreExact; before,
		// by the gaps between its numbers, said)
		{file: "pdftotext-tsv-chrome-blanks-2020.txt", min: 165},
	})
}

// Damaged word lists lose their bad rows, never the file: rows of the wrong
// width, numbers that are not numbers or out of bounds, a run without its
// end. A text with tabs that is no TSV of words is read as it is.
func TestWordBoxesDamaged(t *testing.T) {
	head := "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
	row := func(left, top, text string) string {
		return "5\t1\t0\t0\t0\t0\t" + left + "\t" + top + "\t40\t10\t100\t" + text + "\n"
	}
	tsv := head + row("10", "10", "一、总体情况") + row("x", "20", "坏") + row("10", "-5", "负") + row("1e300", "20", "大") +
		"5\t1\t0\n" + row("10", "30", "本局公开信息。")
	r, err := report.Read("w.txt", []byte(tsv))
	if err != nil {
		t.Fatal(err)
	}
	if s := r.Sections["1"]; !strings.Contains(s, "本局公开信息") || strings.ContainsAny(s, "坏负大") {
		t.Errorf("section 1 = %q", s)
	}
	xml := `<?xml version="1.0"?><pdf2xml><page number="1"><text top="10" left="10" width="60" height="12">一、总体情况</text>` +
		`<text top="x" left="10" width="60" height="12">坏</text><text top="30" left="10" width="80" height="12">本局公开信息。</text>` +
		`<text top="40" left="10" width="60" height="12">没有结尾`
	if r, err = report.Read("w.xml", []byte(xml)); err != nil {
		t.Fatal(err)
	}
	if s := r.Sections["1"]; !strings.Contains(s, "本局公开信息") || strings.Contains(s, "坏") {
		t.Errorf("section 1 = %q", s)
	}
	// a tab text whose first line merely starts like one is read as text
	plain := "level\tpage_num\t其他\n一、总体情况\n本局公开信息。\n"
	if r, err = report.Read("p.txt", []byte(plain)); err != nil || !strings.Contains(r.Sections["1"], "本局公开信息") {
		t.Errorf("plain tab text: %v %q", err, r.Sections["1"])
	}
}

// Any rows after a TSV's header, any runs in a pdftohtml -xml or pdftotext
// -bbox page: read without a panic.
func FuzzWordBoxes(f *testing.F) {
	f.Add("5\t1\t0\t0\t0\t0\t10\t10\t40\t10\t100\t一、总体情况\n5\t1\t0\t0\t0\t0\t10\t30\t40\t10\t100\t12\n")
	f.Add(`<page number="1"><text top="10" left="10" width="60" height="12">一、总体情况</text><word xMin="1" yMin="2" xMax="3" yMax="4">5</word>`)
	f.Add(`<span class='ocr_line' title="bbox 10 10 400 40; baseline 0 0"><span class='ocrx_word' title='bbox 10 10 120 40; x_wconf 92'>一、总体</span><span class='ocrx_word' title='bbox 100 12 140 38'>12</span></span><div class='ocr_page'>`)
	f.Fuzz(func(t *testing.T, s string) {
		head := "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
		_, _ = report.Read("w.txt", []byte(head+s))
		_, _ = report.Read("w.xml", []byte(`<?xml version="1.0"?><pdf2xml>`+s))
		_, _ = report.Read("w.html", []byte(`<doc><page width="595" height="842">`+s+`<word xMin="1" yMin="2" xMax="3" yMax="4">x</word>`))
		_, _ = report.Read("w.hocr", []byte(`<html><head><meta name='ocr-capabilities' content='ocr_page ocr_line ocrx_word'/></head><body><div class='ocr_page' title='bbox 0 0 1653 2339'>`+s))
	})
}

// pdftotext's word boxes (-tsv, -bbox) are its glyphs' own, so a gap
// between two words is a gap, not the guess's error: 表四's headings of a
// landscape or US Letter print, 8 points apart under 50-point columns, were
// run together as one word (结果维持结果纠正其他结果…) and a 表四 with blank
// cells was unread (表四应有 15 个数，读到 4 个). Each heading now stands where
// it is and the blanks are placed by them, as in the PDF. (pdftotext -tsv of
// Chromium's and LibreOffice's PDFs of 349 probe reports with blanks: 990
// unread cells to 348, -bbox 995 to 275, no cell newly wrong; tesseract's
// boxes keep the guess: their widths are not the glyphs'.)
//
// So are mutool's characters (draw -F stext: each <char>'s quad its glyph's
// box, a word made of them): Chromium's narrow print with blanks, 215
// unread cells over 30 reports to 7; LibreOffice's narrow Word table 28 to
// 0, large type 190 to 34 (as its PDF reads); Chromium's US Letter print
// 344 to 11.
func TestGlyphBoxesAreExact(t *testing.T) {
	for _, file := range []string{"pdftotext-tsv-chrome-land-blanks-2019.txt", "pdftotext-bbox-chrome-letter-blanks-2019.html", "mutool-stext-chrome-narrow-blanks-2022.xml"} {
		t.Run(file, func(t *testing.T) { readsWhole(t, file) })
	}
}

// A word list's pages are laid out from the leftmost word of the pages so
// far, as a PDF's are: counted from each page's own, 表三's second page,
// whose text starts further right (its label column indented, no note
// beside the header), had its rows' numbers columns off the first page's
// headings (pdftotext -tsv of LibreOffice's PDF of a narrow Word table with
// blanks: 7 wrong cells in this fixture; in the probe's 40 such reports 34
// wrong and 198 unread, now none either way, as in the PDF).
func TestWordBoxesPagesShareTheirColumns(t *testing.T) {
	readsWhole(t, "pdftotext-tsv-lo-docx-narrow-blanks-2019.txt")
}

// pdftotext -tsv groups words into its own lines, which may hold words of
// two printed lines (表四's stacked heading 结 and, above it, 未经复议直接起诉,
// the 结 overlapping the next word's box). Narrowed to end where the next
// begins, as an OCR's wide boxes are, the 结 shrank and stood columns right
// of its column: in Chromium's large-type prints with blanks, 表四 unread in
// most reports (78 cells over 30). pdftotext's words keep their boxes; only
// an OCR's are narrowed.
func TestPdftotextWordsAreNotNarrowed(t *testing.T) {
	readsWhole(t, "pdftotext-tsv-chrome-large-blanks-2019.txt")
}
