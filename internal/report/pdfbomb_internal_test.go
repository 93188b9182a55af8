package report

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"

	"gongkai/internal/testdoc"
)

// flateStream is a PDF stream object of s, compressed.
func flateStream(t testing.TB, s string) string {
	t.Helper()
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.String())
}

// pdfPackedOf is a PDF 1.5 of the objects (numbered from 1, the first the
// catalog) with those at the indexes packed kept in one object stream, in
// that order, compressed, and a cross-reference stream, as Word and qpdf
// write them.
func pdfPackedOf(t testing.TB, objs []string, packed []int) []byte {
	t.Helper()
	var out bytes.Buffer
	out.WriteString("%PDF-1.5\n")
	stm, xrefObj := len(objs)+1, len(objs)+2
	type entry struct{ kind, a, b int }
	entries := make([]entry, xrefObj+1)
	var head, body strings.Builder
	for n, i := range packed {
		fmt.Fprintf(&head, "%d %d ", i+1, body.Len())
		body.WriteString(objs[i] + "\n")
		entries[i+1] = entry{2, stm, n}
	}
	for i, o := range objs {
		if entries[i+1].kind == 0 {
			entries[i+1] = entry{1, out.Len(), 0}
			fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
		}
	}
	entries[stm] = entry{1, out.Len(), 0}
	s := flateStream(t, head.String()+body.String())
	s = strings.Replace(s, "<< ", fmt.Sprintf("<< /Type /ObjStm /N %d /First %d ", len(packed), head.Len()), 1)
	fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", stm, s)
	entries[xrefObj] = entry{1, out.Len(), 0}
	var x []byte
	for _, e := range entries {
		x = append(x, byte(e.kind))
		x = binary.BigEndian.AppendUint32(x, uint32(e.a))
		x = binary.BigEndian.AppendUint16(x, uint16(e.b))
	}
	at := out.Len()
	fmt.Fprintf(&out, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n%s\nendstream\nendobj\n", xrefObj, xrefObj+1, len(x), x)
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", at)
	return out.Bytes()
}

// pagesOf are the objects of a document of n pages, each drawing content
// in font (the fifth object), followed by extra: the catalog, the page
// tree, content, font, then the pages, then extra.
func pagesOf(t testing.TB, n int, content, font string, extra ...string) []string {
	kids := make([]string, n)
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", 5+i)
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n),
		flateStream(t, content),
		font,
	}
	for range n {
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>")
	}
	return append(objs, extra...)
}

// pagesReadAllocated is the heap reading a PDF of pages that each draw 12
// takes, failing the test unless every page was read.
func pagesReadAllocated(t *testing.T, data []byte, pages int) uint64 {
	t.Helper()
	var text string
	var err error
	a := testdoc.Allocated(func() { text, _, _, err = pdfPages("pages.pdf", data, pdf.NewReader, maxPDFContent) })
	if err != nil || strings.Count(text, "12") != pages {
		t.Fatalf("%d pages of 12 read (err %v), want %d", strings.Count(text, "12"), err, pages)
	}
	return a
}

// The objects of an object stream are read from it unpacked once: each was
// found by unpacking the stream from its start, for each lookup (a font's
// widths once for each glyph, a page's objects for each page: a 26 KB file
// of 500 pages, its objects after 20 MB of padding, read for minutes).
// Measured as memory: each unpacking allocated its decompressor.
func TestPDFObjectStreamUnpackedOnce(t *testing.T) {
	const pages = 200
	font := fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 48 /LastChar 57 /Widths %d 0 R >>", pages+6)
	objs := pagesOf(t, pages, "BT /F1 10 Tf 40 800 Td (12) Tj ET", font,
		"["+strings.Repeat("0 ", 1<<19)+"]", // 1 MB of padding, first in the stream
		"["+strings.Repeat("556 ", 10)+"]")
	packed := []int{pages + 4, 1, 3}
	for i := range pages {
		packed = append(packed, 4+i)
	}
	a := pagesReadAllocated(t, pdfPackedOf(t, objs, append(packed, pages+5)), pages)
	// (230 MB now, most of it the library's 4 KB buffer for each object
	// looked up; 1 164 MB before)
	if a>>20 > 400 {
		t.Errorf("%d MB allocated for %d pages of one line", a>>20, pages)
	}
}

// A simple font's widths are read once, as pdf.Font.Width gives them: the
// library looked the Widths up again for each glyph, parsing the array
// each time (a 4 MB file of one page, a million widths: minutes).
func TestPDFWidthsReadOnce(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 40 /LastChar 300 /Widths 6 0 R >>"
	var ws strings.Builder
	for i := range 1 << 16 {
		fmt.Fprintf(&ws, "%d ", 100+i%900)
	}
	data := pdfOf(pagesOf(t, 1, "BT /F1 10 Tf 40 800 Td ("+strings.Repeat("0123456789", 50)+") Tj ET", font, "["+ws.String()+"]"))
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f := pdf.Font{V: r.Page(1).Resources().Key("Font").Key("F1")}
	got := simpleWidths(f)
	for c := range 256 {
		if want := f.Width(c); got[c] != want {
			t.Errorf("code %d: width %v, want %v", c, got[c], want)
		}
	}
	budget := int64(maxPDFContent)
	var gs []pdf.Text
	a := testdoc.Allocated(func() { gs, _ = pdfGlyphs(r.Page(1), &budget, nil) })
	if len(gs) != 500 {
		t.Fatalf("%d glyphs, want 500", len(gs))
	}
	if a>>20 > 32 {
		t.Errorf("%d MB allocated for a page of 500 glyphs", a>>20)
	}
}

// A font's Differences are read once into a table that gives each code
// the first name that says it, as the search of the array for each byte
// did (a font of a million names: minutes for a page).
func TestPDFDifferencesReadOnce(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [65 /B /C 65 /D /E 300 /F -2 /G /H /I] >> >>"
	data := pdfOf(pagesOf(t, 1, "BT ET", font))
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f := pdf.Font{V: r.Page(1).Resources().Key("Font").Key("F1")}
	// 65 is B (not D, later), 66 C (not E), 0 I (after -2 and -1), the
	// rest themselves
	if got, want := f.Encoder().Decode("ABCDx\x00"), "BCCDxI"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

// A ToUnicode CMap is read once into lookups that answer as its entries
// searched one by one did — a code's first bfchar, else the first bfrange
// in the map's order that holds it (the library takes a block's entries
// last first: of two for one code in a block the later wins) — and no
// more entries than a font has glyphs are kept, nor more than the block
// gives (a block that says a billion entries follow appended a billion).
// The answers below are the search's, before the change.
func TestPDFToUnicodeIndexed(t *testing.T) {
	var cm strings.Builder
	cm.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	cm.WriteString("3 beginbfchar <0001> <0041> <0002> <0042> <0001> <0043> endbfchar\n")
	// ranges: a wide one first, narrower ones inside it after, apart ones
	cm.WriteString("4 beginbfrange <0100> <01FF> <4E00> <0110> <0120> <5000> <0300> <0310> [<0061> <0062> <0063>] <0200> <0210> <6000> endbfrange\n")
	cm.WriteString("1000000000 beginbfchar <0005> <0045> endbfchar\n")
	cm.WriteString("endcmap CMapName currentdict /CMap defineresource pop end end\n")
	font := "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>"
	objs := pagesOf(t, 1, "BT /F1 10 Tf ET", font,
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
		flateStream(t, cm.String()))
	data := pdfOf(objs)
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f := pdf.Font{V: r.Page(1).Resources().Key("Font").Key("F1")}
	var enc pdf.TextEncoding
	if a := testdoc.Allocated(func() { enc = f.Encoder() }); a > 4<<20 {
		t.Errorf("%d MB allocated reading a CMap of a few entries", a>>20)
	}
	for code, want := range map[string]string{
		"\x00\x01":         "C",      // the later of two bfchar entries in a block
		"\x00\x02":         "B",      //
		"\x00\x05":         "E",      // a block that says more than it gives
		"\x01\x00":         "\u4e00", // the wide range's first code
		"\x01\x15":         "\u5005", // in the wide range too: the narrower comes first (later in the block)
		"\x02\x05":         "\u6005", // apart
		"\x03\x01":         "b",      // a range of strings, each its own
		"\x00\x07":         "\ufffd", // no entry
		"\x02\x11":         "\ufffd", // past a range
		"\x01\xff":         "\u4eff", // the wide range's last
		"\x03\x10":         "\ufffd", // past the strings of a range of strings
		"\x00\x03":         "\ufffd", //
		"\x01\x20":         "\u5010", //
		"\x02\x10":         "\u6010", //
		"\x00\x00":         "\ufffd", //
		"\x04\x00":         "\ufffd", //
		"\x01\x10":         "\u5000", //
		"\x03\x00":         "a",      //
		"\x00\x01\x00\x02": "CB",     //
	} {
		if got := enc.Decode(code); got != want {
			t.Errorf("%q: %q, want %q", code, got, want)
		}
	}
}

// BenchmarkHostilePDF reads PDFs built to be slow through a font's tables,
// its object streams or its operands, the seed report the baseline: each
// took minutes before (docs/PERFORMANCE.md, "Junk and bombs").
func BenchmarkHostilePDF(b *testing.B) {
	t := b // (the builders' failures fail the benchmark)
	seed, err := os.ReadFile("../../testdata/seed/weibin-2024.txt")
	if err != nil {
		b.Fatal(err)
	}
	// a ToUnicode CMap of 100 000 entries, a page of 50 000 codes it leaves out
	var cm strings.Builder
	cm.WriteString("begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	for range 1000 {
		cm.WriteString("100 beginbfchar\n" + strings.Repeat("<0001> <0041>\n", 100) + "endbfchar\n")
	}
	cm.WriteString("endcmap\n")
	cmap := pdfOf(pagesOf(t, 1, "BT /F1 10 Tf 40 800 Td <"+strings.Repeat("FFFE", 50000)+"> Tj ET",
		"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
		flateStream(t, cm.String())))
	// a font of 262 144 Differences and one of 262 144 widths, a page of 20 000 glyphs
	page := "BT /F1 10 Tf 40 800 Td (" + strings.Repeat("A", 20000) + ") Tj ET"
	diffs := pdfOf(pagesOf(t, 1, page, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [300 "+strings.Repeat("/a ", 1<<18)+"] >> >>"))
	widths := pdfOf(pagesOf(t, 1, page, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 0 /LastChar 255 /Widths 6 0 R >>", "["+strings.Repeat("500 ", 1<<18)+"]"))
	// 500 pages whose objects follow 4 MB of padding in an object stream
	objs := pagesOf(t, 500, "BT /F1 10 Tf 40 800 Td (12) Tj ET", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", "["+strings.Repeat("0 ", 2<<20)+"]")
	packed := []int{len(objs) - 1, 1, 3}
	for i := range 500 {
		packed = append(packed, 4+i)
	}
	objStm := pdfPackedOf(t, objs, packed)
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"seed.txt", seed},
		{"cmap.pdf", cmap},
		{"differences.pdf", diffs},
		{"widths.pdf", widths},
		{"objstm.pdf", objStm},
		{"operands.pdf", rawPDF(t, 1, "BT /F1 10 Tf "+strings.Repeat("1 ", 1<<21)+"ET")},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for b.Loop() {
				if r, err := Read(c.name, c.data); err == nil {
					Check(r, nil)
				}
			}
		})
	}
}

// The pages of a PDF are listed by one walk of its page tree, in the order
// the library's Page(i) gives them: Page(i) walks from the root to the i-th
// page, looking up each page before it, so that reading a one-level tree's
// every page — LibreOffice writes one — took work of their number squared
// (2 000 pages: 7.6 s; measured here as memory, each lookup allocating).
func TestPDFPagesListedInOneWalk(t *testing.T) {
	// a tree of two levels: 2 [5 [7 8 9] 6 10 [11 12]]
	page := func(n int) string {
		return fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> /N %d >>", n)
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [5 0 R 6 0 R 10 0 R] /Count 6 >>",
		flateStream(t, "BT /F1 10 Tf 40 800 Td (12) Tj ET"),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		"<< /Type /Pages /Parent 2 0 R /Kids [7 0 R 8 0 R 9 0 R] /Count 3 >>",
		page(4),
		page(1), page(2), page(3),
		"<< /Type /Pages /Parent 2 0 R /Kids [11 0 R 12 0 R] /Count 2 >>",
		page(5), page(6),
	}
	data := pdfOf(objs)
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	list := pdfPageList(r, r.NumPage())
	if len(list) != 6 {
		t.Fatalf("%d pages listed, want 6", len(list))
	}
	for i, p := range list {
		if n, want := p.V.Key("N").Int64(), r.Page(i+1).V.Key("N").Int64(); n != want || n != int64(i+1) {
			t.Errorf("page %d: the page marked %d, the library's %d", i+1, n, want)
		}
	}
	if got := pdfPageList(r, 4); len(got) != 4 {
		t.Errorf("%d pages of at most 4", len(got))
	}
	// a tree of one level of 1 000 pages, read whole
	const pages = 1000
	a := pagesReadAllocated(t, pdfOf(pagesOf(t, pages, "BT /F1 10 Tf 40 800 Td (12) Tj ET", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")), pages)
	// (69 MB now, 2 979 MB before)
	if a>>20 > 256 {
		t.Errorf("%d MB allocated for %d pages of one line", a>>20, pages)
	}
}

// A document's fonts are loaded once, for all its pages and forms, and a
// ToUnicode map that several fonts name is read once, when a code is not
// found in what readToUnicode read of it: each page, and each form on it,
// loaded each of its fonts again, and each font read its map whole (a page
// of 256 fonts naming one map of 14 MB: 32 s and 5.9 GB; 256 maps of 14 MB
// each, a 12 MB file: 65 s and 16.6 GB).
func TestPDFFontsLoadedOnce(t *testing.T) {
	var cm strings.Builder
	cm.WriteString("begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	for range 1000 {
		cm.WriteString("100 beginbfchar\n" + strings.Repeat("<0001> <0041>\n", 100) + "endbfchar\n")
	}
	cm.WriteString("endcmap\n")
	const fonts, pages = 32, 8
	var content, names strings.Builder
	content.WriteString("BT 40 800 Td ")
	for i := range fonts {
		fmt.Fprintf(&content, "/F%d 10 Tf <0001FFFE> Tj ", i) // A, then a code the map leaves out
		fmt.Fprintf(&names, "/F%d %d 0 R ", i, 5+pages+i)
	}
	content.WriteString("ET")
	kids := make([]string, pages)
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", flateStream(t, content.String()), flateStream(t, cm.String())}
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 5+i)
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << "+names.String()+">> >> >>")
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), pages)
	for range fonts {
		objs = append(objs, "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>] /ToUnicode 4 0 R >>")
	}
	data := pdfOf(objs)
	var text string
	var err error
	a := testdoc.Allocated(func() { text, _, _, err = pdfPages("fonts.pdf", data, pdf.NewReader, maxPDFContent) })
	if err != nil || strings.Count(text, "A") != fonts*pages {
		t.Fatalf("%d As read (err %v), want %d", strings.Count(text, "A"), err, fonts*pages)
	}
	// (50 MB now; 4.8 s before, each of the 256 fonts read reading the
	// whole map through the library's interpreter)
	if a>>20 > 128 {
		t.Errorf("%d MB allocated for %d pages of %d fonts", a>>20, pages, fonts)
	}
}
