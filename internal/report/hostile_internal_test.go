package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"

	"gongkai/internal/errs"
	"gongkai/internal/testdoc"
)

// rawPDF is a PDF of pages pages, each drawing content (compressed: a few
// KB that unpack into megabytes) in Helvetica.
func rawPDF(t testing.TB, pages int, content string) []byte {
	t.Helper()
	return pdfOf(pagesOf(t, pages, content, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"))
}

// A page that draws millions of glyphs (a few KB compressed) is read up to
// maxPageGlyphs: each was held with its place, 4.5 GB for eight million.
func TestPageGlyphsBounded(t *testing.T) {
	data := rawPDF(t, 1, "BT /F1 10 Tf 40 800 Td "+strings.Repeat("(12 ) Tj ", maxPageGlyphs/2)+"ET")
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	budget := int64(maxPDFContent)
	gs, _ := pdfGlyphs(r.Page(1), &budget, nil)
	if len(gs) == 0 || len(gs) > maxPageGlyphs {
		t.Fatalf("%d glyphs read, want some and at most %d", len(gs), maxPageGlyphs)
	}
	if used := maxPDFContent - budget; used < int64(maxPageGlyphs/2*len("(12 ) Tj ")) {
		t.Fatalf("%d bytes of content read, want the whole stream", used)
	}
}

// Operands that no operator takes — a page's stream of numbers or names
// and nothing else, megabytes unpacked from a few KB — are held no more
// than pdf.MaxOperands at a time: each was kept on the interpreter's stack
// (a 60 KB file of 30 million: 3.7 GB and 7 s).
func TestPDFOperandsBounded(t *testing.T) {
	const n = 1 << 21 // 4 MB of "1 "
	for _, operand := range []string{"1 ", "/a "} {
		data := rawPDF(t, 1, "BT /F1 10 Tf "+strings.Repeat(operand, n)+"(12) Tj ET")
		r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		budget := int64(maxPDFContent)
		var gs []pdf.Text
		a := testdoc.Allocated(func() { gs, _ = pdfGlyphs(r.Page(1), &budget, nil) })
		if len(gs) != 2 {
			t.Errorf("%q: %d glyphs, want the 2 drawn after the operands", operand, len(gs))
		}
		// (10 and 42 MB now, reading the tokens; 386 and 418 MB before)
		if a>>20 > 96 {
			t.Errorf("%q: %d MB allocated for %d operands", operand, a>>20, n)
		}
	}
}

// A PDF whose pages draw more than the budget of content, unpacked, is
// refused at the page where it ran out, and reads no further (a 430 KB
// file of 2 000 pages drawing 80 MB each read for minutes).
func TestPDFContentBudget(t *testing.T) {
	content := "BT /F1 10 Tf 40 800 Td " + strings.Repeat("(1) Tj 6 0 Td ", 24000) + "ET" // 336 KB a page
	data := rawPDF(t, 2000, content)
	_, _, _, err := pdfPages("big.pdf", data, pdf.NewReader, 1<<20)
	if errs.KindOf(err) != errs.TooLarge || !strings.Contains(errs.Plain(err), "到第 4 页仍未读完") {
		t.Fatalf("err = %v, want too large at page 4", err)
	}
	// within it, read
	text, _, _, err := pdfPages("small.pdf", rawPDF(t, 3, content), pdf.NewReader, 1<<20)
	if err != nil || strings.Count(text, "1") != 3*24000 {
		t.Fatalf("%d ones read, err %v; want %d", strings.Count(text, "1"), err, 3*24000)
	}
}

// Lines longer than maxLineBytes are cut into pieces no longer, at a
// space where there is one near the end, else between two characters;
// each piece keeps the line's number, and together they are its text.
func TestCutLongLines(t *testing.T) {
	spaced := strings.Repeat("公开 1 ", maxLineBytes/4)
	solid := strings.Repeat("公开信息", maxLineBytes/6)
	in := []Line{{No: 1, Text: "一、总体情况"}, {No: 2, Text: spaced, Fields: []string{"x"}}, {No: 3, Text: solid}, {No: 4, Text: "二、主动公开政府信息情况"}}
	out := cutLongLines(in)
	texts := map[int]string{}
	for _, l := range out {
		if len(l.Text) > maxLineBytes || !utf8.ValidString(l.Text) {
			t.Fatalf("line %d: a piece of %d bytes (valid UTF-8: %v)", l.No, len(l.Text), utf8.ValidString(l.Text))
		}
		if l.No == 2 && (l.Fields != nil || !strings.HasSuffix(l.Text, " ")) {
			t.Fatalf("line 2: a piece %q… with fields %v, want none and cut after a space", l.Text[:12], l.Fields)
		}
		texts[l.No] += l.Text
	}
	if texts[1] != in[0].Text || texts[2] != spaced || texts[3] != solid || texts[4] != in[3].Text {
		t.Fatal("the pieces are not the lines' texts")
	}
	if len(out) < 6 {
		t.Fatalf("%d lines, want the two long ones cut", len(out))
	}
	short := in[:1]
	if got := cutLongLines(short); &got[0] != &short[0] {
		t.Fatal("lines none of which is long are copied")
	}
}

// A table row of more cells than maxLineFields keeps that many: the rest
// run into the last, or are left out (a page of a million <td>s was held
// cell by cell).
func TestRowCellsBounded(t *testing.T) {
	for name, data := range map[string]string{
		"a.html": "<html><body><p>一、总体情况</p><table><tr>" + strings.Repeat("<td>1", maxLineFields+100) + "</table></body></html>",
		"a.rtf":  `{\rtf1\ansi 一、总体情况\par \trowd ` + strings.Repeat(`1\cell `, maxLineFields+100) + `\row}`,
	} {
		ls, _, err := Lines(name, []byte(data))
		if err != nil {
			t.Fatal(err)
		}
		most := 0
		for _, l := range ls {
			most = max(most, len(l.Fields))
		}
		if most != maxLineFields {
			t.Errorf("%s: a row of %d cells, want %d", name, most, maxLineFields)
		}
	}
}
