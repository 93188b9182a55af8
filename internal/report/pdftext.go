package report

import (
	"cmp"
	"encoding/hex"
	"io"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// maxPageGlyphs bounds the glyphs read of a page: a page of small print
// has a few thousand, a table's in landscape ten thousand. A content
// stream that draws millions (a few KB compressed) would be held glyph by
// glyph, gigabytes: the rest of such a page is not read.
const maxPageGlyphs = 1 << 18

// maxPDFContent bounds the bytes of a document's content streams, unpacked,
// that pdfGlyphs reads (through budget): a report's are a few MB at the
// most, and a few KB of a compressed stream can unpack into gigabytes.
const maxPDFContent = 128 << 20

// pdfGlyphs walks a page's content stream for the text it draws, each
// character with its place, as pdf.Page.Content does but for one thing:
// Content decodes a "\n" through the font after every TJ array as a line
// mark, and in the subset fonts LibreOffice and WPS write, code 0x0A is a
// character (a stray 政 after a line, a "." after a number). The text state
// follows the PDF reference (9.3, 9.4); widths, as in Content, come from the
// simple fonts' Widths (one byte to a character). It counts the glyphs
// drawn invisible too (text rendering mode 3): the text layer OCR lays over
// a scanned page's picture (tesseract's, ocrmypdf's, Acrobat's 识别文字).
//
// doc keeps the fonts loaded, for the document's other pages and forms; nil
// keeps them for this page only.
func pdfGlyphs(p pdf.Page, budget *int64, doc *pdfFonts) (out []pdf.Text, invisible int) {
	if doc == nil {
		doc = newPDFFonts()
	}
	if p.V.IsNull() || p.V.Key("Contents").Kind() == pdf.Null {
		return nil, 0
	}
	var angles []float64 // each glyph's direction (see upright)
	defer func() {
		out = upright(out, angles)
		if invisible == 0 {
			// (an OCR layer's words are each sized to their box: of any
			// size, over one another)
			out = dropOverlaidLarge(out, doc.marks)
		}
		out = dropOverprinted(out)
	}()
	type state struct {
		tc, tw, th, tl, trise, tfs float64
		tf                         *font
		ctm                        pdfMatrix
		tr                         int // text rendering mode (PDF reference 9.3.6)
	}
	g := state{th: 1, ctm: pdfIdentity}
	var stack []state
	var tm, tlm pdfMatrix
	show := func(s string) {
		if g.tf == nil || len(out) >= maxPageGlyphs {
			return
		}
		glyph := func(text string, w0 float64, space bool) {
			trm := pdfMatrix{{g.tfs * g.th, 0, 0}, {0, g.tfs, 0}, {0, g.trise, 1}}.mul(tm).mul(g.ctm)
			if text != "" {
				if g.tr == 3 {
					invisible++
				}
				// the size is the length of the glyph's x axis, which
				// a turned page's text matrix gives as its second
				// component (0 1 -1 0: the first is 0)
				size := math.Hypot(trm[0][0], trm[0][1])
				out = append(out, pdf.Text{Font: g.tf.name, FontSize: size, X: trm[2][0], Y: trm[2][1], W: w0 / 1000 * size, S: text})
				angles = append(angles, math.Atan2(trm[0][1], trm[0][0]))
			}
			tx := w0/1000*g.tfs + g.tc
			if space {
				tx += g.tw
			}
			tm = pdfTranslate(tx*g.th, 0).mul(tm)
		}
		if c := g.tf.cid; c != nil {
			// a code's width by its CID (Identity: the code); word spacing
			// applies to a one-byte code 32 only
			for i := 0; i < len(s) && len(out) < maxPageGlyphs; {
				var n, code, cid int
				var text string
				if m := g.tf.cmap; m != nil {
					n, code, cid = m.next(s[i:])
				} else {
					n, code, text, cid = g.tf.codes.next(s[i:])
				}
				if n == 0 || g.tf.codes == cjkIdentity && n < 2 {
					return
				}
				switch {
				case g.tf.uni != nil:
					var ok bool
					if text, ok = g.tf.uni.text(code); !ok && g.tf.codes == cjkIdentity {
						text = g.tf.encoder().Decode(s[i : i+n])
					}
				case g.tf.gb1:
					text = gb1().text(cid)
				case g.tf.glyphs != nil:
					text = g.tf.glyphs.text(cid)
				case g.tf.codes == cjkIdentity:
					text = g.tf.encoder().Decode(s[i : i+n])
				}
				glyph(text, c.width(cid), n == 1 && code == ' ')
				i += n
			}
			return
		}
		if u := g.tf.uni; u != nil {
			for i := 0; i < len(s) && len(out) < maxPageGlyphs; i++ {
				t, ok := u.text(int(s[i]))
				if !ok { // a code the map leaves out: its encoding's (a space, a digit by its glyph name)
					t = g.tf.encoder().Decode(s[i : i+1])
				}
				glyph(t, g.tf.widths[s[i]]*g.tf.scale, s[i] == ' ')
			}
			return
		}
		n := 0
		for _, ch := range g.tf.encoder().Decode(s) {
			if len(out) >= maxPageGlyphs {
				return
			}
			var w0 float64
			if n < len(s) {
				w0 = g.tf.widths[s[n]] * g.tf.scale
			}
			n++
			glyph(string(ch), w0, ch == ' ')
		}
	}
	nextLine := func() {
		tlm = pdfTranslate(0, -g.tl).mul(tlm)
		tm = tlm
	}
	// run interprets a content stream with its resources: the page's, or a
	// form XObject's, which Do draws with the state of the moment (pages
	// merged, n-up or stamped by a seal system are drawn so: their text
	// was lost). Forms nest at most 8 deep and 256 are drawn a page.
	forms := 0
	var run func(content, res pdf.Value, depth int)
	run = func(content, res pdf.Value, depth int) {
		fonts := map[string]*font{}
		floor := len(stack) // a form's Q does not undo its caller's q
		if *budget <= 0 {
			return
		}
		*budget -= pdf.InterpretLimit(content, min(*budget, pdf.MaxInterpret), func(stk *pdf.Stack, op string) {
			n := stk.Len()
			args := make([]pdf.Value, n)
			for i := n - 1; i >= 0; i-- {
				args[i] = stk.Pop()
			}
			num := func(i int) float64 {
				if i < len(args) {
					return args[i].Float64()
				}
				return 0
			}
			switch op {
			case "q":
				if len(stack) < 64 {
					stack = append(stack, g)
				}
			case "Q":
				if k := len(stack); k > floor {
					g, stack = stack[k-1], stack[:k-1]
				}
			case "cm":
				if len(args) == 6 {
					g.ctm = pdfMatrix{{num(0), num(1), 0}, {num(2), num(3), 0}, {num(4), num(5), 1}}.mul(g.ctm)
				}
			case "BT":
				tm, tlm = pdfIdentity, pdfIdentity
			case "Tc":
				g.tc = num(0)
			case "Tw":
				g.tw = num(0)
			case "Tz":
				g.th = num(0) / 100
			case "TL":
				g.tl = num(0)
			case "Ts":
				g.trise = num(0)
			case "Tr":
				g.tr = int(num(0))
			case "Tf":
				if len(args) != 2 {
					return
				}
				name := args[0].Name()
				f, ok := fonts[name]
				if !ok && len(fonts) < 256 {
					fv := res.Key("Font").Key(name)
					id, gen := fv.ObjectID()
					k := pdfFontKey{id, gen, name}
					if f, ok = doc.loaded[k]; !ok && len(doc.loaded) < maxPDFFonts {
						f = loadFont(pdf.Font{V: fv}, &doc.maps)
						doc.loaded[k] = f
					}
					fonts[name] = f
				}
				g.tf, g.tfs = f, num(1)
			case "Td", "TD":
				if op == "TD" {
					g.tl = -num(1)
				}
				tlm = pdfTranslate(num(0), num(1)).mul(tlm)
				tm = tlm
			case "Tm":
				if len(args) == 6 {
					tlm = pdfMatrix{{num(0), num(1), 0}, {num(2), num(3), 0}, {num(4), num(5), 1}}
					tm = tlm
				}
			case "T*":
				nextLine()
			case "Tj":
				if len(args) == 1 {
					show(args[0].RawString())
				}
			case "'":
				if len(args) == 1 {
					nextLine()
					show(args[0].RawString())
				}
			case "\"":
				if len(args) == 3 {
					g.tw, g.tc = num(0), num(1)
					nextLine()
					show(args[2].RawString())
				}
			case "TJ":
				if len(args) != 1 {
					return
				}
				v := args[0]
				for i := 0; i < v.Len(); i++ {
					if x := v.Index(i); x.Kind() == pdf.String {
						show(x.RawString())
					} else {
						tm = pdfTranslate(-x.Float64()/1000*g.tfs*g.th, 0).mul(tm)
					}
				}
			case "Do":
				if len(args) != 1 || depth >= 8 || forms >= 256 {
					return
				}
				form := res.Key("XObject").Key(args[0].Name())
				if form.Key("Subtype").Name() != "Form" {
					return // an image
				}
				forms++
				saved, savedTM, savedTLM, savedStack := g, tm, tlm, len(stack)
				if m := form.Key("Matrix"); m.Len() == 6 {
					g.ctm = pdfMatrix{{m.Index(0).Float64(), m.Index(1).Float64(), 0}, {m.Index(2).Float64(), m.Index(3).Float64(), 0}, {m.Index(4).Float64(), m.Index(5).Float64(), 1}}.mul(g.ctm)
				}
				formRes := form.Key("Resources")
				if formRes.IsNull() { // a form without resources uses its page's
					formRes = res
				}
				run(form, formRes, depth+1)
				g, tm, tlm, stack = saved, savedTM, savedTLM, stack[:savedStack]
			}
		})
	}
	run(p.V.Key("Contents"), p.Resources(), 0)
	return out, invisible
}

// encoder is the library's decoding of the font's codes, read when first
// asked for: by a font's ToUnicode map when it has one, which is read whole
// for it (to pdf.MaxCmap), and most fonts' codes are all in what
// readToUnicode reads of it.
func (f *font) encoder() pdf.TextEncoding {
	if f.enc == nil {
		f.enc = f.pf.Encoder()
	}
	return f.enc
}

// pdfFonts are the fonts of a document as pdfGlyphs loaded them, by the
// object each is (and the name it was asked by: a font written inside a
// resource dictionary is known by the object it is in), kept for the pages
// after: each page, and each form on it, loaded each of its fonts again,
// their ToUnicode maps read again (a page of 256 fonts naming one map of
// 14 MB took 32 s and 5.9 GB). At most maxPDFFonts are loaded a document;
// the text of a font past them is not read.
type pdfFonts struct {
	loaded map[pdfFontKey]*font
	maps   int64 // bytes of ToUnicode maps left to read (see readToUnicode)
	// marks are the watermarks found on the pages before (see
	// dropOverlaidLarge), by their size and words
	marks map[watermark]bool
}

// maxPDFFontMaps bounds the bytes of a document's ToUnicode maps that
// readToUnicode reads: a thousand fonts' of the most it reads of one (a
// compilation of 500 reports has a few thousand fonts, their maps a few KB).
const maxPDFFontMaps = 64 << 20

func newPDFFonts() *pdfFonts {
	return &pdfFonts{loaded: map[pdfFontKey]*font{}, maps: maxPDFFontMaps, marks: map[watermark]bool{}}
}

type pdfFontKey struct {
	id   uint32
	gen  uint16
	name string
}

const maxPDFFonts = 4096

// font is what pdfGlyphs knows of a font.
type font struct {
	pf   pdf.Font
	enc  pdf.TextEncoding // the library's decoding, read when first asked for (see encoder)
	name string
	cid  *cidWidths // a Type0 font: Identity-H, or a predefined Chinese CMap
	// codes are a Type0 font's (see cjkCodes); gb1 says that an
	// Identity-H font without ToUnicode is of Adobe's GB1 collection,
	// whose table gives its CIDs' characters
	codes cjkCodes
	gb1   bool
	// cmap is a Type0 font's encoding written into the file (see
	// embeddedCMap), whose codes are read by it instead of codes
	cmap *embeddedCMap
	// glyphs are the characters of an Identity-H font's glyphs by its
	// embedded program's cmap, when it has no ToUnicode map (glyphChars)
	glyphs *glyphChars
	// scale turns a width into thousandths of text space: 1 for the
	// simple fonts, 1000×FontMatrix for a Type3 font
	scale float64
	// uni is a simple font's ToUnicode map, where the library decodes by
	// its encoding instead: by the glyph names of its Differences (Chrome's
	// Type3 fonts for bold text name their glyphs g1, g2 …), or by
	// WinAnsiEncoding
	uni *toUnicode
	// widths are a simple font's, by code, read once: the library's Width
	// looks the font's Widths up again for each glyph, the whole array
	// parsed each time (a font of a million widths: a million steps a glyph)
	widths *[256]float64
}

// simpleWidths are a simple font's widths by code, as pdf.Font.Width gives
// them: 0 outside FirstChar–LastChar.
func simpleWidths(pf pdf.Font) *[256]float64 {
	var out [256]float64
	first, last := pf.FirstChar(), pf.LastChar()
	if w := pf.V.Key("Widths"); w.Kind() == pdf.Array {
		for c := max(first, 0); c <= min(last, 255); c++ {
			out[c] = w.Index(c - first).Float64()
		}
	}
	return &out
}

// loadFont reads what pdfGlyphs needs of a font.
func loadFont(pf pdf.Font, maps *int64) *font {
	base := pf.BaseFont()
	if i := indexText(base, "+"); i >= 0 {
		base = base[i+1:]
	}
	f := &font{pf: pf, name: base, scale: 1, widths: simpleWidths(pf)}
	switch pf.V.Key("Subtype").Name() {
	case "Type0":
		desc := pf.V.Key("DescendantFonts").Index(0)
		if f.codes = cjkCodesOf(pf.V.Key("Encoding").Name()); f.codes != cjkNone {
			f.cid = readCIDWidths(desc)
		}
		toUnicode := pf.V.Key("ToUnicode").Kind() == pdf.Stream
		if enc := pf.V.Key("Encoding"); enc.Kind() == pdf.Stream {
			if f.cmap = readEmbeddedCMap(enc, maps); f.cmap != nil {
				f.cid = readCIDWidths(desc)
				if toUnicode {
					f.uni = readToUnicode(pf.V.Key("ToUnicode"), f.cmap.size(), maps)
				} else {
					f.gb1 = gb1Collection(desc)
				}
			}
		}
		switch {
		case f.codes == cjkIdentity && !toUnicode:
			// the library reads such codes as single bytes of
			// PDFDocEncoding: Latin letters
			f.gb1 = gb1Collection(desc)
			if !f.gb1 {
				f.glyphs = readGlyphChars(desc, maps)
			}
		case f.codes == cjkIdentity && toUnicode:
			// read here: the library's bfrange adds to the last byte
			// only (Tesseract's <0000> <FFFF> <0000> read 中 as "N-")
			f.uni = readToUnicode(pf.V.Key("ToUnicode"), 2, maps)
		case f.codes != cjkNone && toUnicode:
			f.uni = readToUnicode(pf.V.Key("ToUnicode"), 0, maps)
		}
	case "Type3":
		if m := pf.V.Key("FontMatrix"); m.Len() == 6 {
			f.scale = m.Index(0).Float64() * 1000
		}
	}
	// a simple font's ToUnicode map comes before its encoding (PDF
	// reference 9.10.2, as pdftotext reads it): a font a printer driver
	// split into subsets of a few hundred glyphs names WinAnsiEncoding, or
	// no encoding, and maps its codes to Chinese characters
	if f.cid == nil && pf.V.Key("Subtype").Name() != "Type0" && pf.V.Key("ToUnicode").Kind() == pdf.Stream {
		f.uni = readToUnicode(pf.V.Key("ToUnicode"), 1, maps)
	}
	return f
}

// watermark is a line of large glyphs dropOverlaidLarge left out: its size
// and its words.
type watermark struct {
	size float64
	text string
}

// dropOverlaidLarge leaves out a line of glyphs that lies over text of half
// its size or less: a watermark written level across the page (内部资料 at
// 27 pt over a table at 8 – 10.5), whose characters fell into the rows they
// crossed; and a line of the same words and size clear of the text, on this
// page or the pages after (marks keeps them: the same watermark in a margin,
// or below a last page's few lines). A title is less than twice the body's
// size and stands clear of it; a cover's large title has nothing under it.
func dropOverlaidLarge(gs []pdf.Text, marks map[watermark]bool) []pdf.Text {
	if len(gs) < 20 {
		return gs
	}
	smallest := math.Inf(1)
	for _, g := range gs {
		if g.FontSize > 0 {
			smallest = min(smallest, g.FontSize)
		}
	}
	var large []int
	for i, g := range gs {
		if g.FontSize >= 2*smallest {
			large = append(large, i)
		}
	}
	if len(large) == 0 || len(large)*len(gs) > 4_000_000 {
		return gs // (the comparison below is each large glyph with each glyph)
	}
	type run struct{ y, size float64 }
	text := map[run]string{}
	for _, i := range large { // (in the order drawn: a line's glyphs left to right)
		g := gs[i]
		text[run{math.Round(g.Y), g.FontSize}] += g.S
	}
	drop := map[run]bool{}
	for _, i := range large {
		g := gs[i]
		k := run{math.Round(g.Y), g.FontSize}
		if drop[k] {
			continue
		}
		for _, h := range gs {
			// h, of half g's size or less, its box (descender to ascender)
			// meeting g's
			if 2*h.FontSize <= g.FontSize && h.Y+0.8*h.FontSize > g.Y-0.2*g.FontSize && h.Y-0.2*h.FontSize < g.Y+0.8*g.FontSize &&
				h.X+h.W > g.X && h.X < g.X+max(g.W, g.FontSize) {
				drop[k] = true
				if len(marks) < 64 {
					marks[watermark{k.size, text[k]}] = true
				}
				break
			}
		}
	}
	// the lines of a watermark's words and size, found here or on a page
	// before, clear of the text
	for k, t := range text {
		if marks[watermark{k.size, t}] {
			drop[k] = true
		}
	}
	if len(drop) == 0 {
		return gs
	}
	// the whole of each such line: its glyphs clear of the text between
	// would stay in the rows' lines, as noise
	kept := gs[:0]
	for _, g := range gs {
		if !drop[run{math.Round(g.Y), g.FontSize}] {
			kept = append(kept, g)
		}
	}
	return kept
}

// maxSlant is how far off its direction a glyph may be turned and still be
// read as text of the page: a scan's layer lies a degree or two askew, a
// watermark 30° – 45°.
const maxSlant = 10 * math.Pi / 180

// quarterTurn is a direction (radians, counterclockwise from +x) to the
// nearest quarter turn: 0 along +x, 1 along +y, 2, 3.
func quarterTurn(a float64) int { return int(math.Round(a/(math.Pi/2))) & 3 }

// upright turns a page's glyphs so that the text most of them make runs
// left to right: a landscape page that Acrobat Distiller writes upright
// with /Rotate 90 draws its text up the page, and a wide table printed
// across a portrait page is turned so in the file too (pdftotext reads both
// by the text's direction, as here; the page's /Rotate need not say it).
// That text is turned by its skew too, the median of its glyphs' angles off
// the quarter: a scan's text layer lies as the page lay on the scanner, a
// degree askew, and a table row's numbers climb a line in half a page.
// Text of another direction (a page number left upright beside a turned
// table, a header cell written sideways) is turned upright too and put
// after it, below its last line, so that no line of one runs into the
// other's. Glyphs slanted more than maxSlant off every direction (a
// watermark across the page, 内部资料 or a date at 35°; a seal's name round
// its circle) are no line's: they are left out (before, their characters
// fell into the table's rows: half its cells unread, some wrong).
func upright(gs []pdf.Text, angles []float64) []pdf.Text {
	var n, near [4]int // glyphs by quarter; those within maxSlant of it
	quarters := make([]int, len(angles))
	offs := make([]float64, len(angles)) // each glyph's angle off its quarter
	for i, a := range angles {
		q := quarterTurn(a)
		quarters[i], offs[i] = q, math.Remainder(a-float64(q)*math.Pi/2, 2*math.Pi)
		n[q]++
		if math.Abs(offs[i]) <= maxSlant {
			near[q]++
		}
	}
	// the main direction is the one most glyphs run in, counted without
	// the slanted (a watermark's may outnumber a short page's text)
	count, fallback := near, near == [4]int{}
	if fallback {
		count = n // (every glyph slanted: the page's own direction)
	}
	turn := 0
	for d := range count {
		if count[d] > count[turn] {
			turn = d
		}
	}
	main := make([]float64, 0, count[turn])
	for i, o := range offs {
		if quarters[i] == turn && (math.Abs(o) <= maxSlant || fallback) {
			main = append(main, o)
		}
	}
	skew := 0.0
	if len(main) > 0 {
		slices.Sort(main)
		skew = main[len(main)/2]
	}
	slanted := func(i int) bool {
		off := offs[i]
		if quarters[i] == turn {
			off -= skew
		}
		return math.Abs(off) > maxSlant
	}
	if near[turn] < len(gs) || skew != 0 {
		kept := 0
		for i := range gs {
			if slanted(i) {
				n[quarters[i]]--
				continue
			}
			gs[kept], quarters[kept] = gs[i], quarters[i] // (slanted reads quarters[i] before it is overwritten)
			kept++
		}
		gs, quarters = gs[:kept], quarters[:kept]
	}
	if n[turn] == len(gs) && turn == 0 && math.Abs(skew) < 1e-6 {
		return gs
	}
	bottom := math.Inf(1)
	for k := range 4 {
		d := (turn + k) % 4
		// the cosine and sine of the turn: a quarter's exactly, the
		// main text's by its skew too
		c, s := [4]float64{1, 0, -1, 0}[d], [4]float64{0, 1, 0, -1}[d]
		if k == 0 && skew != 0 {
			theta := float64(d)*math.Pi/2 + skew
			c, s = math.Cos(theta), math.Sin(theta)
		}
		top, low := math.Inf(-1), math.Inf(1)
		for i := range gs {
			if quarters[i] != d {
				continue
			}
			x, y := gs[i].X, gs[i].Y // turned back
			gs[i].X, gs[i].Y = x*c+y*s, -x*s+y*c
			top, low = max(top, gs[i].Y), min(low, gs[i].Y)
		}
		if k == 0 || n[d] == 0 {
			bottom = min(bottom, low)
			continue
		}
		shift := bottom - top - 100 // points: more than a line apart
		for i := range gs {
			if quarters[i] == d {
				gs[i].Y += shift
			}
		}
		bottom = low + shift
	}
	return gs
}

// dropOverprinted drops a glyph drawn again over itself: the same character
// at the same size, less than a tenth of its size along the line and a fifth
// across it from one drawn before. A virtual printer makes text bold so
// (each heading twice, 0.3 pt apart), and the headings read 一一、、总总体体; pdftotext
// drops them by the same measure. The glyphs drawn before are kept by
// character and place, in squares of 2 points, and looked for in the
// squares within reach (up to 8 along the line: a size of 160 points); a
// square keeps 64 of a character, more than text ever puts there (each
// glyph was compared with every one of its character on its line: a line
// of 50 000 of one took 1.7 s).
func dropOverprinted(gs []pdf.Text) []pdf.Text {
	type key struct {
		s    string
		y, x int // the line and the place along it, in bands of 2 points
	}
	band := func(v float64) int { return int(math.Floor(v / 2)) }
	seen := map[key][]int{} // indexes into kept
	kept := gs[:0]
	for _, g := range gs {
		yq, xq := band(g.Y), band(g.X)
		reach := min(max(xq-band(g.X-0.1*g.FontSize), 1), 8)
		dup := false
		for b := yq - 1; b <= yq+1 && !dup; b++ {
			for xb := xq - reach; xb <= xq+reach && !dup; xb++ {
				for _, i := range seen[key{g.S, b, xb}] {
					k := kept[i]
					if math.Abs(k.X-g.X) < 0.1*g.FontSize && math.Abs(k.Y-g.Y) < 0.2*g.FontSize && math.Abs(k.FontSize-g.FontSize) < 0.05*g.FontSize {
						dup = true
						break
					}
				}
			}
		}
		if dup {
			continue
		}
		if k := (key{g.S, yq, xq}); len(seen[k]) < 64 {
			seen[k] = append(seen[k], len(kept))
		}
		kept = append(kept, g)
	}
	return kept
}

// toUnicode is a font's ToUnicode CMap: codes to text, one by one (bfchar)
// and by ranges (bfrange), which are kept as ranges: Tesseract's text layer
// maps every two-byte code by one, <0000> <FFFF> <0000>.
type toUnicode struct {
	chars  map[int]string
	ranges []uniRange // by lo
}

type uniRange struct {
	lo, hi int
	first  []rune   // the text of lo; each next code adds one to its last character
	each   []string // or the text of each code
}

// text is a code's text, and whether the map has it.
func (u *toUnicode) text(code int) (string, bool) {
	if t, ok := u.chars[code]; ok {
		return t, true
	}
	// the last range starting at or before code
	k, found := slices.BinarySearchFunc(u.ranges, code, func(r uniRange, c int) int { return cmp.Compare(r.lo, c) })
	if !found {
		k--
	}
	if k < 0 || code > u.ranges[k].hi {
		return "", false
	}
	r := u.ranges[k]
	if r.each != nil {
		if i := code - r.lo; i < len(r.each) {
			return r.each[i], true
		}
		return "", false
	}
	t := slices.Clone(r.first)
	t[len(t)-1] += rune(code - r.lo) // (across the last byte too, as pdftotext reads it)
	return string(t), true
}

// readToUnicode reads a font's ToUnicode CMap (PDF reference 9.10.3), its
// first 64 KB (see parseToUnicode).
//
// budget counts down the bytes of the document's maps read: past it, none
// is read (nil), and the library decodes the font's codes.
func readToUnicode(v pdf.Value, size int, budget *int64) *toUnicode {
	data, ok := readBudgeted(v, 64<<10, budget)
	if !ok {
		return nil
	}
	return parseToUnicode(string(data), size)
}

// readBudgeted reads a stream's first limit bytes, unpacked, from the budget
// of the document's maps and font programs; ok is false when that budget is
// spent (nothing is read).
func readBudgeted(v pdf.Value, limit int64, budget *int64) (data []byte, ok bool) {
	if *budget <= 0 {
		return nil, false
	}
	rc := v.Reader()
	defer rc.Close()
	data, _ = io.ReadAll(io.LimitReader(rc, min(limit, *budget)))
	*budget -= int64(len(data))
	return data, true
}

// gb1Collection says a CID font's glyphs are Adobe-GB1's, whose table gives
// each CID's character.
func gb1Collection(desc pdf.Value) bool {
	info := desc.Key("CIDSystemInfo")
	return info.Key("Registry").Text() == "Adobe" && info.Key("Ordering").Text() == "GB1"
}

// parseToUnicode reads a CMap of codes to text: codes of size bytes (a
// simple font's one, a composite font's Identity-H's two; 0: one to four, a
// predefined CMap's), from its bfchar and bfrange entries. The CMap is read
// as tokens, not run as PostScript (the library's interpreter wants
// resources it does not export). Adobe's Adobe-GB1-UCS2 is one too (gb1).
func parseToUnicode(t string, size int) *toUnicode {
	u := &toUnicode{chars: map[int]string{}}
	hexes := func(s string) (out []string) { // the <…> strings of s, decoded
		for {
			a := strings.IndexByte(s, '<')
			if a < 0 {
				return out
			}
			b := strings.IndexByte(s[a:], '>')
			if b < 0 {
				return out
			}
			out = append(out, cmapHex(s[a+1:a+b]))
			s = s[a+b+1:]
		}
	}
	utf16be := func(s string) string {
		u := make([]uint16, 0, len(s)/2)
		for i := 0; i+1 < len(s); i += 2 {
			u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
		}
		return string(utf16.Decode(u))
	}
	blocks := cmapBlocks
	code := func(h string) (int, bool) {
		if len(h) == 0 || len(h) > 4 || size > 0 && len(h) != size {
			return 0, false
		}
		c := 0
		for i := range len(h) {
			c = c<<8 | int(h[i])
		}
		return c, true
	}
	blocks(t, "beginbfchar", "endbfchar", func(b string) {
		hs := hexes(b)
		for k := 0; k+1 < len(hs); k += 2 {
			if c, ok := code(hs[k]); ok {
				u.chars[c] = utf16be(hs[k+1])
			}
		}
	})
	blocks(t, "beginbfrange", "endbfrange", func(b string) {
		for _, line := range strings.Split(b, "\n") {
			hs := hexes(line)
			if len(hs) < 3 || len(u.ranges) >= 1<<14 {
				continue
			}
			lo, ok1 := code(hs[0])
			hi, ok2 := code(hs[1])
			if !ok1 || !ok2 || hi < lo {
				continue
			}
			r := uniRange{lo: lo, hi: hi}
			if hasText(line, "[") { // one string per code
				for _, h := range hs[2:min(len(hs), 2+hi-lo+1)] {
					r.each = append(r.each, utf16be(h))
				}
			} else if r.first = []rune(utf16be(hs[2])); len(r.first) == 0 {
				continue
			}
			u.ranges = append(u.ranges, r)
		}
	})
	slices.SortStableFunc(u.ranges, func(a, b uniRange) int { return cmp.Compare(a.lo, b.lo) })
	return u
}

// cmapBlocks calls each with the text of every begin … end block of a CMap
// (beginbfchar … endbfchar).
func cmapBlocks(t, begin, end string, each func(string)) {
	for {
		a := indexText(t, begin)
		if a < 0 {
			return
		}
		t = t[a+len(begin):]
		b := indexText(t, end)
		if b < 0 {
			return
		}
		each(t[:b])
		t = t[b+len(end):]
	}
}

// cmapHex is the bytes a CMap's <…> string writes in hex: what is no hex
// digit left out, an odd last digit taken as its byte's high half.
func cmapHex(s string) string {
	h := strings.Map(func(r rune) rune {
		if strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return r
		}
		return -1
	}, s)
	if len(h)%2 == 1 {
		h += "0"
	}
	raw, _ := hex.DecodeString(h)
	return string(raw)
}

// cidWidths are a CID font's glyph widths (PDF reference 9.7.4.3): W gives
// them for ranges of CIDs, DW for the rest.
type cidWidths struct {
	dw     float64
	ranges []cidRange
}

type cidRange struct {
	first, last int
	w           []float64 // one per CID, or a single width for all
}

// readCIDWidths reads a descendant font's W and DW, both bounded: a damaged
// file gets the default width, not a long loop.
func readCIDWidths(desc pdf.Value) *cidWidths {
	c := &cidWidths{dw: 1000}
	if dw := desc.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
		c.dw = dw.Float64()
	}
	w := desc.Key("W")
	for i := 0; i < w.Len() && len(c.ranges) < 1<<14; {
		first := int(w.Index(i).Int64())
		if next := w.Index(i + 1); next.Kind() == pdf.Array {
			ws := make([]float64, 0, min(next.Len(), 1<<16))
			for k := 0; k < next.Len() && k < 1<<16; k++ {
				ws = append(ws, next.Index(k).Float64())
			}
			c.ranges = append(c.ranges, cidRange{first, first + len(ws) - 1, ws})
			i += 2
			continue
		}
		last := int(w.Index(i + 1).Int64())
		c.ranges = append(c.ranges, cidRange{first, last, []float64{w.Index(i + 2).Float64()}})
		i += 3
	}
	// ranges by their first CID, for a binary search per glyph (a font may
	// list thousands)
	slices.SortStableFunc(c.ranges, func(a, b cidRange) int { return cmp.Compare(a.first, b.first) })
	return c
}

func (c *cidWidths) width(cid int) float64 {
	// the last range starting at or before cid
	k, found := slices.BinarySearchFunc(c.ranges, cid, func(r cidRange, cid int) int { return cmp.Compare(r.first, cid) })
	if !found {
		k--
	}
	if k < 0 || k >= len(c.ranges) {
		return c.dw
	}
	if r := c.ranges[k]; cid <= r.last {
		if len(r.w) == 1 && r.last > r.first {
			return r.w[0]
		}
		if i := cid - r.first; i < len(r.w) {
			return r.w[i]
		}
	}
	return c.dw
}

// pdfMatrix is a PDF transformation matrix (row vectors: [x y 1]·M).
type pdfMatrix [3][3]float64

var pdfIdentity = pdfMatrix{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}

func pdfTranslate(x, y float64) pdfMatrix { return pdfMatrix{{1, 0, 0}, {0, 1, 0}, {x, y, 1}} }

func (x pdfMatrix) mul(y pdfMatrix) pdfMatrix {
	var z pdfMatrix
	for i := range 3 {
		for j := range 3 {
			for k := range 3 {
				z[i][j] += x[i][k] * y[k][j]
			}
		}
	}
	return z
}

// plainChinese says t is Chinese prose, if not a report's: 30 Chinese
// characters or more, of which the commonest words (的 是 在 和 年) make one
// in a hundred or more. Characters from a wrong code table are Chinese
// characters too, but hardly ever those.
func plainChinese(t string) bool {
	han, common := 0, 0
	for _, r := range t {
		if unicode.Is(unicode.Han, r) {
			han++
			if strings.ContainsRune("的是在和年", r) {
				common++
			}
		}
	}
	return han >= 30 && common*100 >= han
}
