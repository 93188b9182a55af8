package report

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Adobe-GB1's CIDs of a few characters, as Adobe's UniGB-UCS2-H gives them.
func TestGB1Table(t *testing.T) {
	for r, want := range map[rune]int{' ': 1, '0': 17, '9': 26, 'A': 34, '。': 98, '（': 269, '中': 4559, '政': 4511, '府': 1705} {
		if got := gb1().cid[r]; got != want {
			t.Errorf("CID of %q: %d, want %d", r, got, want)
		}
		if got := gb1().text(want); got != string(r) {
			t.Errorf("CID %d: %q, want %q", want, got, string(r))
		}
	}
	if gb1().text(0) != "" || gb1().text(1<<20) != "" || gb1().text(-1) != "" {
		t.Error("a CID out of the table has a character")
	}
}

// cjkFont is how a PDF's producer writes a Chinese font it does not embed
// (or, for Identity-H, one it embeds without a ToUnicode map).
type cjkFont struct {
	encoding string // the Type0 font's CMap
	// code is a character's code and the CID its width is given for
	code      func(r rune) (code []byte, cid int)
	toUnicode bool // write a ToUnicode map too
	literal   bool // strings as (…) with escapes, as ReportLab writes them, not <…>
	// rotate is the page's /Rotate, the text drawn turned the other way so
	// that the page shows upright (a landscape page as Acrobat Distiller
	// writes it); turned draws it so without /Rotate (a landscape table
	// printed across a portrait page), its page number upright
	rotate int
	turned bool
	// form draws each page's text in a form XObject (1), shrunk (2), or
	// in a form within a form (3)
	form int
	// doubled draws the title and the headings twice, the second time
	// 0.3 pt to the right: bold as a printer driver makes it
	doubled bool
	// ocr draws the text as Tesseract writes a scan's text layer: in its
	// glyphless font, invisible, each word stretched to its place
	ocr bool
	// skew turns the page's text by so many degrees counterclockwise (a
	// scan's text layer, the page askew on the scanner)
	skew float64
	// inked draws each Chinese character as a word of its own, stretched
	// to its ink's box (Tesseract's chi_sim: a character to a word)
	inked bool
	// simple draws the text in simple TrueType fonts of 200 glyphs each,
	// as a printer driver splits a font it embeds by glyph: each code a
	// glyph of the subset, the characters in a ToUnicode map, the font's
	// Encoding the name WinAnsiEncoding, none ("none"), or Differences
	// that name the ASCII glyphs (/one, /period), which the map leaves out
	simple string
	// watermark draws 审核稿 2024-06-30 内部资料 three times across each
	// page, turned 35°, in the same font (a review copy's watermark);
	// level draws it level instead, at 40 pt, five times down the page
	watermark, level bool
	// embedded writes the Type0 font's encoding into the file as a CMap
	// stream (as Ghostscript's PDF/A output does) instead of naming
	// f.encoding: ASCII in one byte, the rest in two from <8000>, each
	// code's CID (Adobe-GB1's) by a cidchar entry
	embedded bool
}

// embeddedCode gives codes as an embedded CMap of cjkFont.embedded has
// them, a new two-byte code for each character not ASCII.
func embeddedCode() func(r rune) ([]byte, int) {
	next, codes := 0x8000, map[rune]int{}
	return func(r rune) ([]byte, int) {
		cid := gb1().cid[r] // (ASCII's proportional CIDs, 1–95)
		if r < 0x80 {
			return []byte{byte(r)}, cid
		}
		c, ok := codes[r]
		if !ok {
			c, codes[r] = next, next
			next++
		}
		return []byte{byte(c >> 8), byte(c)}, cid
	}
}

// asciiGlyph names the glyphs of ASCII characters as Differences do.
var asciiGlyph = map[rune]string{'0': "zero", '1': "one", '2': "two", '3': "three", '4': "four", '5': "five", '6': "six",
	'7': "seven", '8': "eight", '9': "nine", '.': "period", ',': "comma", ' ': "space", '-': "hyphen", '%': "percent", ':': "colon"}

func utf16Code(r rune) ([]byte, int) {
	var b []byte
	for _, u := range utf16.Encode([]rune{r}) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b, gb1().cid[r]
}

func gbkCode(halfWidth bool) func(r rune) ([]byte, int) {
	return func(r rune) ([]byte, int) {
		switch {
		case halfWidth && r == ' ':
			return []byte{' '}, 7716
		case halfWidth && r > ' ' && r < 0x7F:
			return []byte{byte(r)}, 814 + int(r) - 0x21
		}
		b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(string(r)))
		if err != nil {
			return nil, 0
		}
		return b, gb1().cid[r]
	}
}

// rewritePDF draws a PDF's text again, glyph by glyph at the places it
// read them, in the font f: a run of glyphs that follow each other on a
// line is one string, so that their places come from the widths the font
// gives (W, by CID).
func rewritePDF(t *testing.T, data []byte, f cjkFont) []byte {
	t.Helper()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var pages []pdfPage
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		box := p.V.Key("MediaBox")
		budget := int64(maxPDFContent)
		gs, _ := pdfGlyphs(p, &budget, nil)
		pages = append(pages, pdfPage{box.Index(2).Float64(), box.Index(3).Float64(), gs})
	}
	return drawPDF(t, pages, f)
}

// pdfPage is a page to draw: its size and its glyphs.
type pdfPage struct {
	w, h   float64
	glyphs []pdf.Text
}

// textPDF is a PDF of an A4 page of lines of text, twelve points, as a
// font that does not embed (STSong-Light, UniGB-UCS2-H) draws them.
func textPDF(t *testing.T, lines ...string) []byte {
	var gs []pdf.Text
	for i, l := range lines {
		x := 72.0
		for _, r := range l {
			w := 12.0
			if r < 0x80 {
				w = 6
			}
			gs = append(gs, pdf.Text{FontSize: 12, X: x, Y: 770 - 18*float64(i), W: w, S: string(r)})
			x += w
		}
	}
	return drawPDF(t, []pdfPage{{595, 842, gs}}, cjkFont{encoding: "UniGB-UCS2-H", code: utf16Code})
}

// drawPDF draws pages in the font f.
func drawPDF(t *testing.T, pages []pdfPage, f cjkFont) []byte {
	t.Helper()
	widths := map[int]float64{}
	toUni := map[string]rune{}
	cids := map[string]int{} // each code's CID, for an embedded CMap
	// the simple fonts: each character's font and code, each font's widths
	simpleCode := map[rune][2]int{}
	var simpleWidths [][256]float64
	runFont := 0
	var contents []string
	var boxes []string
	for _, p := range pages {
		wd, hd := p.w, p.h // the page as shown
		// tm places a glyph shown at x, y: the text matrix in the
		// page's own (unrotated) space
		tm := func(x, y float64) string { return fmt.Sprintf("1 0 0 1 %.3f %.3f", x, y) }
		switch {
		case f.rotate == 90 || f.turned:
			wd, hd = hd, wd
			tm = func(x, y float64) string {
				if f.turned && y < 70 { // the page number, upright at the foot of the page
					return fmt.Sprintf("1 0 0 1 %.3f %.3f", x+(wd-hd)/2, y-30)
				}
				return fmt.Sprintf("0 1 -1 0 %.3f %.3f", wd-y, x)
			}
		case f.rotate == 180:
			tm = func(x, y float64) string { return fmt.Sprintf("-1 0 0 -1 %.3f %.3f", wd-x, hd-y) }
		case f.rotate == 270:
			wd, hd = hd, wd
			tm = func(x, y float64) string { return fmt.Sprintf("0 -1 1 0 %.3f %.3f", y, hd-x) }
		}
		if f.skew != 0 { // the page turned by skew degrees about its centre
			a := f.skew * math.Pi / 180
			c, s := math.Cos(a), math.Sin(a)
			tm = func(x, y float64) string {
				x, y = x-wd/2, y-hd/2
				return fmt.Sprintf("%.5f %.5f %.5f %.5f %.3f %.3f", c, s, -s, c, wd/2+x*c-y*s, hd/2+x*s+y*c)
			}
		}
		rotate := ""
		if f.rotate != 0 {
			rotate = fmt.Sprintf(" /Rotate %d", f.rotate)
		}
		boxes = append(boxes, fmt.Sprintf("[0 0 %g %g]%s", wd, hd, rotate))
		var c strings.Builder
		var run []byte
		var endX, y, size float64
		var runX, runY float64
		var runText []rune
		runHan := false
		runs := 0
		flush := func() {
			if len(run) == 0 {
				return
			}
			times := 1
			if f.doubled && len(runText) > 1 && (runText[0] == '（' || runText[1] == '、' || runY > 760) {
				times = 2 // a heading in bold: drawn again a little to the right
			}
			if f.ocr {
				// invisible, each word stretched to its place, its
				// baseline where the recogniser put it: within 0.4 pt (a pixel or
				// two of a 300 dpi scan)
				runs++
				jitter := float64(runs*7919%9-4) / 10
				fmt.Fprintf(&c, "BT 3 Tr /F1 %g Tf %s Tm %.2f Tz <%X> Tj ET\n", size, tm(runX, runY+jitter),
					100*(endX-runX)/(float64(len(runText))*0.5*size), run)
				run, runText = nil, nil
				return
			}
			for k := range times {
				fmt.Fprintf(&c, "BT /F%d %g Tf %s Tm ", runFont+1, size, tm(runX+0.3*float64(k), runY))
				if f.literal {
					s := string(run)
					s = strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`, "\r", `\r`, "\n", `\n`).Replace(s)
					fmt.Fprintf(&c, "(%s) Tj ET\n", s)
				} else {
					fmt.Fprintf(&c, "<%X> Tj ET\n", run)
				}
			}
			run, runText = nil, nil
		}
		for _, g := range p.glyphs {
			rs := []rune(g.S)
			for k, ch := range rs {
				w := g.W / float64(len(rs))
				x := g.X + w*float64(k)
				var code []byte
				var width float64 // in thousandths of an em
				font := 0
				if f.simple != "" {
					sc, ok := simpleCode[ch]
					if !ok {
						n := len(simpleCode)
						sc = [2]int{n / 200, 0x21 + n%200}
						simpleCode[ch] = sc
						if sc[0] == len(simpleWidths) {
							simpleWidths = append(simpleWidths, [256]float64{})
						}
						simpleWidths[sc[0]][sc[1]] = math.Round(w / g.FontSize * 1000)
					}
					code, font, width = []byte{byte(sc[1])}, sc[0], simpleWidths[sc[0]][sc[1]]
				} else {
					var cid int
					code, cid = f.code(ch)
					if len(code) == 0 || cid == 0 || g.FontSize <= 0 {
						t.Fatalf("%q has no code in %s", ch, f.encoding)
					}
					if _, ok := widths[cid]; !ok {
						widths[cid] = math.Round(w / g.FontSize * 1000)
					}
					toUni[string(code)] = ch
					cids[string(code)] = cid
					width = widths[cid]
				}
				han := ch >= 0x2E80
				if len(run) == 0 || math.Abs(g.Y-y) > 0.01 || g.FontSize != size || math.Abs(x-endX) > 0.05 || f.inked && (han || runHan) || font != runFont {
					flush()
					runX, runY = x, g.Y
					y, size, runFont = g.Y, g.FontSize, font
				}
				run = append(run, code...)
				runText = append(runText, ch)
				endX = x + width/1000*g.FontSize
				if runHan = han; f.inked && han { // the ink's box: 6 % in from each side
					runX, endX = x+0.06*(endX-x), endX-0.06*(endX-x)
				}
			}
		}
		flush()
		if f.watermark {
			var mark []byte
			for _, ch := range "审核稿 2024-06-30 内部资料" {
				code, cid := f.code(ch)
				toUni[string(code)], cids[string(code)] = ch, cid
				mark = append(mark, code...)
			}
			a := 35 * math.Pi / 180
			for _, at := range [][2]float64{{60, 150}, {200, 400}, {80, 600}} {
				if f.level {
					break
				}
				fmt.Fprintf(&c, "BT /F1 28 Tf %.5f %.5f %.5f %.5f %g %g Tm <%X> Tj ET\n", math.Cos(a), math.Sin(a), -math.Sin(a), math.Cos(a), at[0], at[1], mark)
			}
			for y := 150.0; f.level && y < 800; y += 150 {
				fmt.Fprintf(&c, "BT /F1 40 Tf 1 0 0 1 40 %g Tm <%X> Tj ET\n", y, mark)
			}
		}
		contents = append(contents, c.String())
	}
	// the objects: 1 catalog, 2 pages, 3 the Type0 font, 4 its CID font,
	// 5 its descriptor, 6 the ToUnicode map, then a page and its content
	// for each page
	var w strings.Builder
	for _, cid := range slices.Sorted(maps.Keys(widths)) {
		fmt.Fprintf(&w, "%d [%g] ", cid, widths[cid])
	}
	subtype := "CIDFontType0"
	if f.encoding == "Identity-H" {
		subtype = "CIDFontType2"
	}
	font := "<< /Type /Font /Subtype /" + subtype + " /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 /W [" + w.String() + "] >>"
	if f.ocr { // Tesseract's glyphless font: CID = Unicode, every glyph half an em
		font = "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /CIDToGIDMap /Identity /DW 500 >>"
	}
	encoding := "/" + f.encoding
	if f.embedded {
		encoding = "7 0 R" // after the ToUnicode map, below
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"", // the page tree, below
		"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding " + encoding + " /DescendantFonts [4 0 R]" +
			map[bool]string{true: " /ToUnicode 6 0 R"}[f.toUnicode] + " >>",
		font,
		"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
	}
	var cmap strings.Builder
	cmap.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test def 1 begincodespacerange <00> <FFFFFFFF> endcodespacerange\n")
	if f.ocr {
		cmap.WriteString("1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\n")
	} else {
		fmt.Fprintf(&cmap, "%d beginbfchar\n", len(toUni))
		for _, code := range slices.Sorted(maps.Keys(toUni)) {
			u, _ := utf16Code(toUni[code])
			fmt.Fprintf(&cmap, "<%X> <%X>\n", code, u)
		}
		cmap.WriteString("endbfchar\n")
	}
	cmap.WriteString("endcmap CMapName currentdict /CMap defineresource pop end end\n")
	objs = append(objs, fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", cmap.Len(), cmap.String()))
	if f.embedded {
		var e strings.Builder
		e.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test-H def /CMapType 1 def\n2 begincodespacerange\n<00> <7F>\n<8000> <FFFF>\nendcodespacerange\n")
		fmt.Fprintf(&e, "%d begincidchar\n", len(cids))
		for _, code := range slices.Sorted(maps.Keys(cids)) {
			fmt.Fprintf(&e, "<%X> %d\n", code, cids[code])
		}
		e.WriteString("endcidchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n")
		objs = append(objs, fmt.Sprintf("<< /Type /CMap /CMapName /Test-H /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /Length %d >>\nstream\n%sendstream", e.Len(), e.String()))
	}
	var kids []string
	stream := func(dict, data string) string {
		return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
	}
	fonts := "/Font << /F1 3 0 R >>"
	if f.simple != "" {
		// each subset: its font (and the map of its codes, the object after)
		byFont := make([]map[int]rune, len(simpleWidths))
		for ch, sc := range simpleCode {
			if byFont[sc[0]] == nil {
				byFont[sc[0]] = map[int]rune{}
			}
			byFont[sc[0]][sc[1]] = ch
		}
		var res strings.Builder
		for i, codes := range byFont {
			var ws []string
			for code := 32; code <= 0x21+199; code++ {
				ws = append(ws, fmt.Sprint(simpleWidths[i][code]))
			}
			encoding := ""
			var diffs strings.Builder
			var m strings.Builder
			mapped := 0
			for _, code := range slices.Sorted(maps.Keys(codes)) {
				ch := codes[code]
				if name, ok := asciiGlyph[ch]; ok && f.simple == "Differences" {
					fmt.Fprintf(&diffs, "%d /%s ", code, name)
					continue // named by its glyph, left out of the map
				}
				fmt.Fprintf(&diffs, "%d /g%d ", code, code)
				u, _ := utf16Code(ch)
				fmt.Fprintf(&m, "<%02X> <%X>\n", code, u)
				mapped++
			}
			switch f.simple {
			case "WinAnsiEncoding":
				encoding = " /Encoding /WinAnsiEncoding"
			case "Differences":
				encoding = " /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [" + diffs.String() + "] >>"
			}
			n := len(objs) + 1
			fmt.Fprintf(&res, "/F%d %d 0 R ", i+1, n)
			objs = append(objs, fmt.Sprintf("<< /Type /Font /Subtype /TrueType /BaseFont /AAAAA%c+SimSun /FirstChar 32 /LastChar %d /Widths [%s] /FontDescriptor 5 0 R%s /ToUnicode %d 0 R >>",
				'A'+rune(i), 0x21+199, strings.Join(ws, " "), encoding, n+1))
			body := fmt.Sprintf("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test def 1 begincodespacerange <00> <FF> endcodespacerange\n%d beginbfchar\n%sendbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n", mapped, m.String())
			objs = append(objs, fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(body), body))
		}
		fonts = "/Font << " + res.String() + ">>"
	}
	for i, c := range contents {
		n := len(objs) + 1
		kids = append(kids, fmt.Sprintf("%d 0 R", n))
		page := func(res, content string) {
			objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources << %s >> /Contents %d 0 R >>", boxes[i], res, n+1),
				stream("", content))
		}
		// a seal: an image drawn over the text
		seal := stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", "A")
		form := func(res, matrix, content string) string {
			return stream("/Type /XObject /Subtype /Form /BBox [-1000 -1000 3000 3000] /Matrix ["+matrix+"] /Resources << "+res+" >>", content)
		}
		switch f.form {
		case 0:
			page(fonts, c)
		case 1, 2: // the page's text in a form (n+2), a seal over it (n+3)
			draw := "q 1 0 0 1 0 0 cm /X1 Do Q q 100 0 0 100 400 80 cm /Im1 Do Q"
			if f.form == 2 { // shrunk into a margin, as pdfjam and booklet tools do
				draw = "q 0.7 0 0 0.7 90 120 cm /X1 Do Q /Im1 Do"
			}
			page(fmt.Sprintf("/XObject << /X1 %d 0 R /Im1 %d 0 R >>", n+2, n+3), draw)
			objs = append(objs, form(fonts, "1 0 0 1 0 0", c), seal)
		case 3: // a form in a form, moved by its Matrix; the page leaves its q open
			page(fmt.Sprintf("/XObject << /X1 %d 0 R >>", n+2), "q /X1 Do")
			objs = append(objs, form(fmt.Sprintf("/XObject << /X2 %d 0 R >>", n+3), "1 0 0 1 0 0", "/X2 Do"),
				form(fonts, "1 0 0 1 10 -5", c))
		}
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	return pdfOf(objs)
}

// pdfOf is a PDF file of objects 1, 2, … (1 the catalog) with their
// cross-reference table.
func pdfOf(objs []string) []byte {
	var out bytes.Buffer
	out.WriteString("%PDF-1.4\n")
	var offsets []int
	for i, o := range objs {
		offsets = append(offsets, out.Len())
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return out.Bytes()
}

// A PDF whose Chinese font is not embedded and has no ToUnicode map reads
// as the same PDF with an embedded font: ReportLab's and iText's
// STSong-Light (UniGB-UCS2-H, UniGB-UTF16-H), Acrobat's SimSun kept out of
// the file (GBK-EUC-H, ASCII in its half-width CIDs; GBpc-EUC-H and GBK2K-H,
// proportional), one with a ToUnicode map after all, and an embedded CID
// font of the Adobe-GB1 collection without one (Identity-H: the codes are
// CIDs). Before, the first were read with every glyph of a string at one
// place (the widths were looked up by byte) and the others not at all ("该 PDF
// 中的文字无法直接读取").
func TestPDFChineseCMaps(t *testing.T) {
	identity := func(r rune) ([]byte, int) {
		cid := gb1().cid[r]
		return []byte{byte(cid >> 8), byte(cid)}, cid
	}
	readsAsRewritten(t, []cjkFont{
		{encoding: "UniGB-UCS2-H", code: utf16Code, literal: true},
		{encoding: "UniGB-UTF16-H", code: utf16Code},
		{encoding: "GBK-EUC-H", code: gbkCode(true)},
		{encoding: "GBK-EUC-H", code: gbkCode(true), toUnicode: true, literal: true},
		{encoding: "GBpc-EUC-H", code: gbkCode(false)},
		{encoding: "GBK2K-H", code: gbkCode(false)},
		{encoding: "Identity-H", code: identity},
	})
}

// A review copy's watermark across every page (审核稿 2024-06-30 内部资料,
// turned 35°, over the text or under it: qpdf --overlay/--underlay of a
// watermark page on LibreOffice's and Chromium's PDFs gave 2 051 of 4 008
// cells right, 36 wrong and 76 false errors) reads as the page without it:
// a glyph slanted more than maxSlant off the page's directions is no
// line's. A scan's text layer 1.5° askew is still read (TestPDFSkewedTextLayer).
//
// Written level at 40 pt over the tables and the text (qpdf's overlay of a
// level watermark: 36 of 2 006 cells unread, its characters in the rows'
// lines), a line of glyphs over text of half its size or less is left out
// too (dropOverlaidLarge); not in an OCR layer, whose words are each sized to
// their box.
func TestPDFWatermark(t *testing.T) {
	readsAsRewritten(t, []cjkFont{
		{encoding: "UniGB-UCS2-H", code: utf16Code, watermark: true},
		{encoding: "GBK-EUC-H", code: gbkCode(true), toUnicode: true, watermark: true, rotate: 90},
		{encoding: "UniGB-UCS2-H", code: utf16Code, watermark: true, level: true},
	})
}

// A Type0 font whose encoding is a CMap stream written into the file, not
// a name: Ghostscript's PDF/A conversion (gs -dPDFA=2, an archive's or a
// "PDF printer"'s) writes every font so (OneByteIdentityH: one-byte codes).
// The library read the codes two bytes at a time, and the whole PDF was
// refused as garbled (LibreOffice's PDFs so converted: 0 of 20 read), while
// pdftotext read it. Its code space gives each code's length, its cidchar
// and cidrange entries the CID a width is looked up by; the text is the
// ToUnicode map's, or Adobe-GB1's by the CID when there is none. Here a
// mixed space, ASCII in one byte and the rest in two, with the map and
// without it.
func TestPDFEmbeddedEncodingCMap(t *testing.T) {
	readsAsRewritten(t, []cjkFont{
		{encoding: "embedded", embedded: true, code: embeddedCode(), toUnicode: true},
		{encoding: "embedded", embedded: true, code: embeddedCode()},
	})
	m := parseEmbeddedCMap("1 begincodespacerange <00> <FF> endcodespacerange 1 begincidrange <00> <FF> 0 endcidrange")
	if n, code, cid := m.next("\x05\x06"); n != 1 || code != 5 || cid != 5 || m.size() != 1 {
		t.Errorf("OneByteIdentityH: %d %d %d (size %d)", n, code, cid, m.size())
	}
	m = parseEmbeddedCMap("2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange 2 begincidrange <20> <7e> 1 <8140> <817e> 100 endcidrange 1 begincidchar <8180> 7 endcidchar")
	for s, want := range map[string][3]int{"A": {1, 0x41, 34}, "\x81\x42": {2, 0x8142, 102}, "\x81\x80": {2, 0x8180, 7}, "\x81\x90": {2, 0x8190, 0}, "\xff": {1, 0xff, 0}} {
		if n, code, cid := m.next(s); [3]int{n, code, cid} != want {
			t.Errorf("next(%q) = %d %d %d, want %v", s, n, code, cid, want)
		}
	}
	if m.size() != 0 || parseEmbeddedCMap("1 begincidrange <00> <FF> 0 endcidrange") != nil {
		t.Error("a CMap without a code space is no encoding")
	}
}

// A PDF whose font a printer driver embedded as simple TrueType subsets of
// 200 glyphs each, every code a glyph of its subset and its character given
// by the ToUnicode map, reads as the page whatever the subsets' Encoding
// says: WinAnsiEncoding (before, its codes were read as Latin letters, ¡¢£,
// and the PDF was refused), none, or Differences that name the digits'
// glyphs, which the map leaves out (before, every digit read as nothing).
func TestPDFSimpleFontSubsets(t *testing.T) {
	readsAsRewritten(t, []cjkFont{{simple: "WinAnsiEncoding"}, {simple: "none"}, {simple: "Differences"},
		{simple: "WinAnsiEncoding", doubled: true, form: 1}})
}

// A page whose text is drawn turned reads as the page drawn upright: shown
// upright by /Rotate 90, 180 or 270 (Acrobat Distiller's landscape pages), or
// turned on the page as shown (a wide table printed across a portrait page)
// with its page number upright at its foot. Before, none of them was read
// ("该 PDF 中的文字无法直接读取": the glyphs' size was taken from the first
// component of their x axis, 0 when turned a quarter); with every glyph
// turned by the direction of most of them and no more, the page number was
// read into 表三.
func TestPDFTurnedPages(t *testing.T) {
	readsAsRewritten(t, []cjkFont{
		{encoding: "UniGB-UCS2-H", code: utf16Code, rotate: 90},
		{encoding: "UniGB-UCS2-H", code: utf16Code, rotate: 180},
		{encoding: "UniGB-UCS2-H", code: utf16Code, rotate: 270},
		{encoding: "UniGB-UCS2-H", code: utf16Code, turned: true},
	})
}

// A page drawn as a form XObject reads as the page: the whole page in one
// form with a seal's image over it (a seal system's output), shrunk into
// the margins (pdfjam, booklet tools), and a form in a form moved by its
// Matrix, on a page that leaves its q open. Before,
// the text of forms was not read (Do was not followed).
func TestPDFFormXObjects(t *testing.T) {
	readsAsRewritten(t, []cjkFont{
		{encoding: "UniGB-UCS2-H", code: utf16Code, form: 1},
		{encoding: "UniGB-UCS2-H", code: utf16Code, form: 2},
		{encoding: "UniGB-UCS2-H", code: utf16Code, form: 3, rotate: 90},
	})
}

// Headings made bold by drawing them twice, 0.3 pt apart (a virtual
// printer's bold), read once. Before, they read 一一、、总总体体 and no section
// or 表三 row was found.
func TestPDFDoubledBold(t *testing.T) {
	readsAsRewritten(t, []cjkFont{
		{encoding: "UniGB-UCS2-H", code: utf16Code, doubled: true},
		{encoding: "GBK-EUC-H", code: gbkCode(true), doubled: true, rotate: 90},
	})
}

// A scan's text layer as Tesseract writes it (a glyphless Identity-H font
// whose CIDs are the characters' code points, each glyph half an em,
// invisible text, each word stretched by Tz to the width the recogniser
// measured, its baseline within 0.4 pt of its line's) reads as the page.
func TestPDFTextLayerOfAScan(t *testing.T) {
	readsAsRewritten(t, []cjkFont{
		{encoding: "Identity-H", code: tesseractCode, toUnicode: true, ocr: true},
	})
}

// tesseractCode is a character's code in Tesseract's glyphless font: its
// code point.
func tesseractCode(r rune) ([]byte, int) {
	b, _ := utf16Code(r)
	return b, int(r)
}

// A scan's text layer that lies as the page lay on the scanner, a degree
// askew either way (ocrmypdf without --deskew, Acrobat's and ABBYY's OCR
// keep the image as it is), reads as the page: before, a row's numbers rose
// or fell from one line to the next across the table and 表三 was not read.
func TestPDFSkewedTextLayer(t *testing.T) {
	readsAsRewritten(t, []cjkFont{
		{encoding: "Identity-H", code: tesseractCode, toUnicode: true, ocr: true, skew: 1.2},
		{encoding: "Identity-H", code: tesseractCode, toUnicode: true, ocr: true, skew: -0.7},
		{encoding: "UniGB-UCS2-H", code: utf16Code, skew: 0.4},
	})
}

// TestPDFTextLayerByCharacter: Tesseract's chi_sim layer, each Chinese
// character a word of its own, stretched to its ink (a little narrower than
// its advance), reads as the page.
func TestPDFTextLayerByCharacter(t *testing.T) {
	readsAsRewritten(t, []cjkFont{
		{encoding: "Identity-H", code: tesseractCode, toUnicode: true, ocr: true, inked: true},
		{encoding: "Identity-H", code: tesseractCode, toUnicode: true, ocr: true, inked: true, skew: 0.9},
	})
}

// A PDF that cannot be audited says why, and one that is no report is read
// and said to be none: a scan without a text layer (no text at all), text
// in a font whose codes cannot be read (a glyphless font left without its
// ToUnicode map: Latin letters), and a notice. Before, all three were "该
// PDF 中的文字无法直接读取（可能是扫描件或字体未嵌入编码表）".
func TestPDFThatCannotBeAudited(t *testing.T) {
	scan := drawPDF(t, []pdfPage{{595, 842, nil}}, cjkFont{encoding: "UniGB-UCS2-H", code: utf16Code})
	if _, err := Read("scan.pdf", scan); err == nil || !strings.Contains(err.Error(), "没有文字层") {
		t.Errorf("a scan: %v", err)
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "audit", "lo-2021.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	bare := rewritePDF(t, data, cjkFont{encoding: "Identity-H", code: tesseractCode, ocr: true})
	if _, err := Read("bare.pdf", bare); err == nil || !strings.Contains(err.Error(), "乱码") || !strings.Contains(err.Error(), "pdftotext") {
		t.Errorf("a font without its codes' text: %v", err)
	}
	notice := textPDF(t, "关于做好2025年政务公开工作的通知", "各单位：", "为做好本年度的政务公开工作，进一步提高公开质量，现将有关事项通知如下。",
		"一、提高认识。各单位要高度重视政务公开工作，明确分管领导和工作人员。", "二、按时报送。请于12月31日前报送本单位的工作总结。")
	r, err := Read("notice.pdf", notice)
	if err != nil {
		t.Fatalf("a notice: %v", err)
	}
	Check(r, nil)
	if !slices.ContainsFunc(r.Findings, func(f Finding) bool {
		return f.Rule == "S.MISSING" && strings.Contains(f.Message, "不是年度报告")
	}) {
		t.Errorf("a notice is not said to be no report: %v", r.Findings)
	}
}

// readsAsRewritten reads three PDFs of testdata/audit and each drawn again
// in each of fonts: the same tables, findings, agency, year and sections.
// GK_WRITE_CMAP_PDFS=DIR writes the PDFs drawn from lo-2021.pdf there.
func readsAsRewritten(t *testing.T, fonts []cjkFont) {
	t.Helper()
	for _, file := range []string{"lo-2021.pdf", "chrome-page-2021.pdf", "lo-2019.pdf"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "audit", file))
		if err != nil {
			t.Fatal(err)
		}
		want, err := Read(file, data)
		if err != nil {
			t.Fatal(err)
		}
		Check(want, nil)
		for _, f := range fonts {
			name := fmt.Sprintf("%s %s toUnicode=%v rotate=%d turned=%v form=%d doubled=%v ocr=%v skew=%g inked=%v simple=%s", file, f.encoding, f.toUnicode, f.rotate, f.turned, f.form, f.doubled, f.ocr, f.skew, f.inked, f.simple)
			pdfData := rewritePDF(t, data, f)
			if out := os.Getenv("GK_WRITE_CMAP_PDFS"); out != "" && file == "lo-2021.pdf" {
				_ = os.WriteFile(filepath.Join(out, fmt.Sprintf("%s%s-r%d%s-f%d%s.pdf", strings.ToLower(f.encoding), map[bool]string{true: "-tounicode"}[f.toUnicode], f.rotate, map[bool]string{true: "-turned"}[f.turned], f.form, map[bool]string{true: "-doubled"}[f.doubled]+map[bool]string{true: "-ocr"}[f.ocr]+map[bool]string{true: fmt.Sprintf("-skew%g", f.skew)}[f.skew != 0]+map[bool]string{true: "-inked"}[f.inked]+map[bool]string{true: "-simple-" + f.simple}[f.simple != ""])), pdfData, 0o644)
			}
			got, err := Read(file, pdfData)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			Check(got, nil)
			if d := jsonDiff([]any{want.Proactive, want.Applications, want.Appeals}, []any{got.Proactive, got.Applications, got.Appeals}); d != "" {
				t.Errorf("%s: tables %s", name, d)
			}
			findings := got.Findings
			if f.ocr {
				// an OCR layer is said so, once, and is otherwise read as
				// the page it lies over
				layer := func(x Finding) bool {
					return x.Rule == "PARSE.READ" && strings.Contains(x.Message, "文字识别（OCR）叠加")
				}
				if n := len(slices.DeleteFunc(slices.Clone(findings), func(x Finding) bool { return !layer(x) })); n != 1 {
					t.Errorf("%s: the OCR layer said %d times", name, n)
				}
				findings = slices.DeleteFunc(slices.Clone(findings), layer)
			}
			if d := jsonDiff(want.Findings, findings); d != "" {
				t.Errorf("%s: findings %s", name, d)
			}
			// (the sections and title without their spaces: a character
			// drawn as a word of its own may stand a space further from a
			// number, which reads 局 2024年 and is no finding)
			nospace := func(r *Report) []any {
				secs := map[string]string{}
				for k, v := range r.Sections {
					secs[k] = strings.Join(strings.Fields(v), "")
				}
				return []any{r.Agency, r.Year, strings.Join(strings.Fields(r.Title), ""), secs}
			}
			if d := jsonDiff(nospace(want), nospace(got)); d != "" {
				t.Errorf("%s: agency, year, title, sections %s", name, d)
			}
		}
	}
}

func jsonDiff(want, got any) string {
	a, _ := json.Marshal(want)
	b, _ := json.Marshal(got)
	if bytes.Equal(a, b) {
		return ""
	}
	return fmt.Sprintf("differ:\nwant %s\n got %s", a, b)
}

// Any bytes walk through in each encoding: every code takes one to four
// bytes of what is left, its text is a character or nothing, its CID is in
// the collection or 0 (Identity's is the code).
func FuzzCJKCodes(f *testing.F) {
	f.Add([]byte("\x00\x20\x4e\x2d\xd8\x40\xdc\x87"))
	f.Add([]byte("\xd6\xd0\x81\x30\x81\x30 1\x80\xff"))
	f.Add([]byte("\xe4\xb8\xad\xf0\x9f"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for c := cjkIdentity; c <= cjkGBK2K; c++ {
			for s := string(data); s != ""; {
				n, _, text, cid := c.next(s)
				if n < 1 || n > 4 || n > len(s) {
					t.Fatalf("encoding %d: a code of %d bytes of %q", c, n, s)
				}
				if utf8.RuneCountInString(text) > 1 || !utf8.ValidString(text) || cid < 0 || cid >= len(gb1().uni) && c != cjkIdentity {
					t.Fatalf("encoding %d: %q, CID %d of %q", c, text, cid, s[:n])
				}
				s = s[n:]
			}
		}
	})
}

// A CID font of the Identity collection without a ToUnicode map (Chromium's
// PDF with its three Type0 fonts' maps blanked out, as a producer that
// leaves them out writes it; its bold Type3 fonts keep theirs) reads as the
// PDF with them: the characters come from the embedded TrueType programs'
// own cmap tables, glyph by glyph. Before, its text was noise: the title's
// agency and year unread, the sections not found. A bold title's digits
// come from a subset of three glyphs (0 2 4): no subset is too small.
func TestPDFGlyphsByEmbeddedCmap(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "audit", "chrome-page-2021.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	blanked, n := slices.Clone(data), 0
	for _, m := range regexp.MustCompile(`/Subtype\s*/Type0`).FindAllIndex(data, -1) {
		a, b := bytes.LastIndex(data[:m[0]], []byte("<<")), m[0]+bytes.Index(data[m[0]:], []byte(">>"))
		if t := regexp.MustCompile(`/ToUnicode \d+ 0 R`).FindIndex(data[a:b]); t != nil {
			copy(blanked[a+t[0]:a+t[1]], bytes.Repeat([]byte(" "), t[1]-t[0])) // the offsets kept
			n++
		}
	}
	if n != 3 {
		t.Fatalf("%d Type0 fonts' maps blanked, want 3", n)
	}
	want, err := Read("chrome.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Read("chrome.pdf", blanked)
	if err != nil {
		t.Fatal(err)
	}
	if d := jsonDiff([]any{want.Agency, want.Year, want.Sections, want.Proactive, want.Applications, want.Appeals},
		[]any{got.Agency, got.Year, got.Sections, got.Proactive, got.Applications, got.Appeals}); d != "" {
		t.Errorf("without the maps: %s", d)
	}
}

// A font's cmap of formats 4 and 12 gives each glyph its character, the
// ideograph before a radical's form of it; a damaged table gives what it
// holds.
func TestSFNTCharsByGlyph(t *testing.T) {
	// a font of one table, cmap, with a (3,1) format 4 subtable: 文 and
	// ⽂ (U+2F42) to glyph 5, A–C to glyphs 10–12, and a (3,10) format 12
	// one (preferred): 𠀀 (U+20000) to glyph 7, 文 to 5
	be16 := func(v ...int) []byte {
		var b []byte
		for _, x := range v {
			b = binary.BigEndian.AppendUint16(b, uint16(x))
		}
		return b
	}
	f4 := be16(4, 0, 0, 8, 0, 0, 0)                                      // format, length, language, segCountX2 (4 segments), search fields
	f4 = append(f4, be16(0x43, 0x2F42, 0x6587, 0xFFFF, 0)...)            // ends, reserved pad
	f4 = append(f4, be16(0x41, 0x2F42, 0x6587, 0xFFFF)...)               // starts
	f4 = append(f4, be16(10-0x41, 5-0x2F42, (5-0x6587)&0xFFFF, 1)...)    // deltas
	f4 = append(f4, be16(0, 0, 0, 0)...)                                 // range offsets
	f12 := append(be16(12, 0), binary.BigEndian.AppendUint32(nil, 0)...) // format, reserved, length
	f12 = binary.BigEndian.AppendUint32(f12, 0)                          // language
	f12 = binary.BigEndian.AppendUint32(f12, 2)                          // groups
	for _, g := range [][3]uint32{{0x6587, 0x6587, 5}, {0x20000, 0x20000, 7}} {
		for _, v := range g {
			f12 = binary.BigEndian.AppendUint32(f12, v)
		}
	}
	cmap := append(be16(0, 2), be16(3, 1)...)
	cmap = binary.BigEndian.AppendUint32(cmap, 20)
	cmap = append(cmap, be16(3, 10)...)
	cmap = binary.BigEndian.AppendUint32(cmap, uint32(20+len(f4)))
	cmap = append(append(cmap, f4...), f12...)
	font := append([]byte{0, 1, 0, 0}, be16(1, 16, 0, 0)...)
	font = append(append(font, "cmap"...), 0, 0, 0, 0)
	font = binary.BigEndian.AppendUint32(font, 28)
	font = binary.BigEndian.AppendUint32(font, uint32(len(cmap)))
	font = append(font, cmap...)
	got := sfntCharsByGlyph(font)
	if want := map[uint16]rune{5: '文', 7: 0x20000}; !maps.Equal(got, want) {
		t.Errorf("format 12: %v, want %v", got, want)
	}
	// without the (3,10) subtable, format 4's: the ideograph, not its radical
	font[12+16+2+2+8+2+1] = 0 // (3,10) → (3,0): ranked below (3,1)
	got = sfntCharsByGlyph(font)
	if want := map[uint16]rune{5: '文', 10: 'A', 11: 'B', 12: 'C'}; !maps.Equal(got, want) {
		t.Errorf("format 4: %v, want %v", got, want)
	}
	for i := range len(font) {
		sfntCharsByGlyph(font[:i]) // cut anywhere: no panic
	}
	// a hostile cmap: 65 536 groups of 65 536 characters each (4 × 10⁹
	// before the bound) is read to its first maxCmapWork
	hostile := slices.Clone(font[:28+20+len(f4)])
	hostile = append(hostile, be16(12, 0)...)
	hostile = binary.BigEndian.AppendUint32(hostile, 0)
	hostile = binary.BigEndian.AppendUint32(hostile, 0)
	hostile = binary.BigEndian.AppendUint32(hostile, 1<<16)
	for range 1 << 16 {
		hostile = binary.BigEndian.AppendUint32(hostile, 0x10000)
		hostile = binary.BigEndian.AppendUint32(hostile, 0x20000)
		hostile = binary.BigEndian.AppendUint32(hostile, 1)
	}
	hostile[43] = 10 // (3,10) again: the hostile format 12 table read
	if got := sfntCharsByGlyph(hostile); len(got) == 0 || len(got) > maxCmapWork {
		t.Errorf("the hostile cmap gave %d glyphs", len(got))
	}
}

// Any bytes as a font: the cmap reader stays within them, and gives
// characters only.
func FuzzSFNTChars(f *testing.F) {
	f.Add([]byte("\x00\x01\x00\x00\x00\x01\x00\x10\x00\x00\x00\x00cmap\x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x10\x00\x00\x00\x01\x00\x03\x00\x01\x00\x00\x00\x0c\x00\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, r := range sfntCharsByGlyph(data) {
			if !utf8.ValidRune(r) || r < 0x20 {
				t.Fatalf("character %U", r)
			}
		}
	})
}

// Any CMap text parses within its bounds, and any bytes walk through it:
// every code takes one to four bytes of what is left, its CID is not
// negative.
func FuzzEmbeddedCMap(f *testing.F) {
	f.Add("1 begincodespacerange <00> <FF> endcodespacerange 1 begincidrange <00> <FF> 0 endcidrange", []byte("\x00\x41\xff"))
	f.Add("2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange 1 begincidchar <8180> 7 endcidchar", []byte("\x81\x80A\xff\x81"))
	f.Add("begincodespacerange <00000000> <FFFFFFFF> <> <0> endcodespacerange begincidrange <1> <0> -5 endcidrange", []byte("\x01\x02\x03"))
	f.Fuzz(func(t *testing.T, cmap string, data []byte) {
		m := parseEmbeddedCMap(cmap)
		if m == nil {
			return
		}
		if len(m.spaces) > 16 || len(m.cids) > 1<<14 {
			t.Fatalf("%d spaces, %d CID entries kept", len(m.spaces), len(m.cids))
		}
		for s := string(data); s != ""; {
			n, _, cid := m.next(s)
			if n < 1 || n > 4 || n > len(s) || cid < 0 {
				t.Fatalf("a code of %d bytes, CID %d, of %q", n, cid, s)
			}
			s = s[n:]
		}
	})
}

// The oddities together read as the page: a scan's layer by character in a
// shrunk form, bold headings on a form in a form on a turned page, a
// non-embedded GBK font in bold across a portrait page, a skewed layer in a
// form, an Adobe-GB1 font turned the other way in bold, a page 1.5° askew in
// bold (each held alone; this holds them together).
func TestPDFOdditiesTogether(t *testing.T) {
	identity := func(r rune) ([]byte, int) {
		cid := gb1().cid[r]
		return []byte{byte(cid >> 8), byte(cid)}, cid
	}
	readsAsRewritten(t, []cjkFont{
		{encoding: "Identity-H", code: tesseractCode, toUnicode: true, ocr: true, inked: true, form: 2},
		{encoding: "UniGB-UCS2-H", code: utf16Code, doubled: true, form: 3, rotate: 90},
		{encoding: "GBK-EUC-H", code: gbkCode(true), doubled: true, turned: true},
		{encoding: "Identity-H", code: tesseractCode, toUnicode: true, ocr: true, skew: 1.0, form: 1},
		{encoding: "Identity-H", code: identity, rotate: 270, doubled: true},
		{encoding: "UniGB-UTF16-H", code: utf16Code, skew: -1.5, doubled: true, literal: true},
	})
}
