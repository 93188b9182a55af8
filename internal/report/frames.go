package report

import (
	"encoding/xml"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// A PDF converted to DOCX or ODT by a converter that keeps the page's look
// (LibreOffice's PDF import, and tools like it) puts each run of text in a
// text box of its own, placed on the page where the PDF drew it: a table
// row becomes nine boxes, one line each when read in the file's order. The
// boxes say where they stand (a DOCX anchor's offsets and extent, an ODT
// frame's svg:x, svg:y and width, and its page), so the page is laid out
// again from them, as a word list's boxes are (boxesText), and read as the
// layout text it then is.

// maxFrames bounds the boxes read from one document, maxFrameText their
// text (a report's is some 50 KB): past either the frames are not laid out.
const (
	maxFrames    = 200_000
	maxFrameText = 2 << 20
)

// emuPerPt: DOCX drawing offsets are in English Metric Units.
const emuPerPt = 12700

// framePageDrop is how far up a DOCX box may start from the one before it
// on the same page: its offsets are from the paragraph it is anchored to,
// and a converter anchors all pages' boxes in one, each page's from its top
// (a box that starts higher than this starts the next page).
const framePageDrop = 280.0

// framePageTop is how far below a page's highest box the next page's first
// may start.
const framePageTop = 30.0

// frameBox is one text box as the file places it, its paragraphs' text.
type frameBox struct {
	page              int
	x, y, w           float64 // points
	xSet, ySet        bool
	size              float64 // its text's font size, points (0 unsaid)
	paras             []string
	para              strings.Builder
	inText, inParaTxt int
}

// frameBoxes reads the text boxes of a DOCX's body (odt false) or an ODT's
// content, as word boxes by page in the pages' order; nil when the boxes do
// not say where they stand.
func frameBoxes(r io.Reader, odt bool) []wordBox {
	dec := xml.NewDecoder(r)
	var out []wordBox
	var cur *frameBox
	sizes := map[string]float64{} // an ODT's text styles' font sizes
	style := ""                   // the ODT style being read
	axis := ""                    // the DOCX position being read: H or V
	fallback := 0
	pages := newFramePages()
	var spans []float64 // the ODT spans open: their font sizes
	text := 0           // the frames' text so far, bytes
	for {
		if len(out) > maxFrames || text > maxFrameText {
			return nil
		}
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if name == "Fallback" {
				fallback++
			}
			if fallback > 0 {
				continue
			}
			switch {
			case odt && name == "style":
				style, _ = attr(t, "name")
			case odt && name == "text-properties" && style != "":
				if v, ok := attr(t, "font-size"); ok {
					if pt, ok := odfLength(v); ok {
						sizes[style] = pt
					}
				}
			case odt && name == "frame":
				cur = &frameBox{}
				if v, ok := attr(t, "anchor-page-number"); ok {
					cur.page, _ = strconv.Atoi(v)
				}
				if v, ok := attr(t, "x"); ok {
					cur.x, cur.xSet = odfLength(v)
				}
				if v, ok := attr(t, "y"); ok {
					cur.y, cur.ySet = odfLength(v)
				}
				if v, ok := attr(t, "width"); ok {
					cur.w, _ = odfLength(v)
				}
			case odt && cur != nil && name == "span":
				sz := 0.0
				if v, ok := attr(t, "style-name"); ok {
					sz = sizes[v]
				}
				spans = append(spans, sz)
				if sz > 0 {
					cur.size = max(cur.size, sz)
				}
			case odt && cur != nil && name == "s":
				n := 1
				if v, ok := attr(t, "c"); ok {
					n, _ = strconv.Atoi(v)
				}
				n = min(max(n, 1), 64)
				cur.para.WriteString(strings.Repeat(" ", n))
				text += n
			case !odt && name == "anchor":
				cur = &frameBox{page: -1}
			case !odt && cur != nil && (name == "positionH" || name == "positionV"):
				axis = name[len(name)-1:]
			case !odt && cur != nil && name == "extent" && cur.w == 0:
				if v, ok := attr(t, "cx"); ok {
					n, _ := strconv.ParseFloat(v, 64)
					cur.w = n / emuPerPt
				}
			case !odt && cur != nil && name == "sz":
				if v, ok := attr(t, "val"); ok {
					n, _ := strconv.ParseFloat(v, 64)
					cur.size = max(cur.size, n/2)
				}
			case !odt && cur != nil && name == "t":
				cur.inText++
			case cur != nil && (name == "tab" || name == "br" || name == "line-break"):
				cur.para.WriteByte(' ')
				text++
			case cur != nil && (name == "p" || name == "h"):
				cur.inParaTxt++
			}
		case xml.EndElement:
			name := t.Name.Local
			if name == "Fallback" {
				fallback = max(fallback-1, 0)
				continue
			}
			if fallback > 0 {
				continue
			}
			switch {
			case odt && name == "style":
				style = ""
			case odt && cur != nil && name == "span" && len(spans) > 0:
				spans = spans[:len(spans)-1]
			case !odt && (name == "positionH" || name == "positionV"):
				axis = ""
			case !odt && cur != nil && name == "t":
				cur.inText = max(cur.inText-1, 0)
			case cur != nil && (name == "p" || name == "h"):
				cur.inParaTxt = max(cur.inParaTxt-1, 0)
				cur.paras = append(cur.paras, cur.para.String())
				cur.para.Reset()
			case cur != nil && (odt && name == "frame" || !odt && name == "anchor"):
				b := cur
				cur = nil
				if !b.placed() {
					continue
				}
				if !odt {
					b.page = pages.of(b.y)
				}
				out = append(out, b.boxes()...)
			}
		case xml.CharData:
			if fallback > 0 || cur == nil {
				continue
			}
			switch {
			case !odt && axis != "" && cur.inParaTxt == 0:
				n, err := strconv.ParseFloat(strings.TrimSpace(string(t)), 64)
				if err == nil {
					if axis == "H" {
						cur.x, cur.xSet = n/emuPerPt, true
					} else {
						cur.y, cur.ySet = n/emuPerPt, true
					}
				}
			case !odt && cur.inText > 0, odt && cur.inParaTxt > 0:
				if cur.para.Len() < maxRun {
					cur.para.Write(t)
					text += len(t)
				}
			}
		}
	}
	if odt {
		sort.SliceStable(out, func(i, j int) bool { return out[i].page < out[j].page })
	}
	return out
}

// placed says the frame says where it stands, in numbers a page holds.
func (b *frameBox) placed() bool {
	return b.xSet && b.ySet && onPage(b.x) && onPage(b.y) && onPage(b.w) && onPage(b.size)
}

// boxes are the frame's paragraphs as word boxes, one below the other.
func (b *frameBox) boxes() []wordBox {
	size := b.size
	if size <= 0 {
		size = 10.5 // 五号, a table's usual size, when the file does not say
	}
	var out []wordBox
	k := 0
	for _, p := range b.paras {
		if trimSpace(p) == "" {
			continue
		}
		w := 0.0
		if len(b.paras) == 1 {
			w = b.w // the box is its one line's width
		}
		out = append(out, wordBox{page: b.page, left: b.x, top: b.y + float64(k)*size*1.2, width: w, height: size, text: p, exact: true})
		k++
	}
	return out
}

// odfLength is an OpenDocument length in points: 0.5in, 1.2cm, 12mm, 10pt.
func odfLength(v string) (float64, bool) {
	units := []struct {
		suffix string
		pt     float64
	}{{"in", 72}, {"cm", 72 / 2.54}, {"mm", 72 / 25.4}, {"pt", 1}, {"pc", 12}, {"px", 0.75}}
	for _, u := range units {
		if s, ok := strings.CutSuffix(v, u.suffix); ok {
			n, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
			return n * u.pt, err == nil
		}
	}
	return 0, false
}

// onPage: a place or size in points no page goes past (not NaN, not ±Inf,
// within a few metres).
func onPage(v float64) bool { return v > -1e4 && v < 1e4 }

// rtfFramed is an RTF's lines, or, where its text is in shapes' text boxes
// placed on the page ({\shp{\*\shpinst\shpleftN\shptopN\shprightN …
// {\shptxt …}}}: LibreOffice's RTF of a PDF made into a document) and the
// body holds little else, those boxes laid out by their places.
func rtfFramed(t string) []Line {
	ls := rtfLines(t)
	if strings.Count(t, `\shptxt`) < minPositioned {
		return ls
	}
	body := 0
	for _, l := range ls {
		if trimSpace(l.Text) != "" {
			body++
		}
	}
	bs := rtfFrames(t)
	if len(bs) < minPositioned || 2*body >= len(bs) {
		return ls
	}
	if overlaid(bs) {
		// the pages' order is lost (LibreOffice's RTF keeps the shapes
		// of two pages mixed, each placed from its own page's top): the
		// boxes' text, a line each, in drawing order, said unreadable
		// as a DOCX's frames without places are
		out := make([]Line, 0, len(bs))
		for _, b := range bs {
			out = append(out, Line{No: len(out) + 1, Text: b.text, Framed: true})
		}
		return out
	}
	return framedLines(bs)
}

// framedLines are text boxes' lines laid out by their places (Line.Placed),
// each said to be a box's (Line.Framed).
func framedLines(bs []wordBox) []Line {
	ls := placedLines(boxesText(bs))
	for i := range ls {
		ls[i].Framed = true
	}
	return ls
}

// overlaid says some two boxes of a page cover one another by more than
// half the smaller: two pages laid one over the other, their text mixed.
func overlaid(bs []wordBox) bool {
	const most = 2000 // boxes to a page looked at
	for from := 0; from < len(bs); {
		to := from
		for to < len(bs) && bs[to].page == bs[from].page {
			to++
		}
		page := bs[from:min(to, from+most)]
		for i := range page {
			for j := i + 1; j < len(page); j++ {
				a, b := page[i], page[j]
				w := min(a.left+a.width, b.left+b.width) - max(a.left, b.left)
				h := min(a.top+a.height, b.top+b.height) - max(a.top, b.top)
				if w > 0 && h > 0 && a.width > 0 && b.width > 0 && w*h > 0.5*min(a.width*a.height, b.width*b.height) {
					return true
				}
			}
		}
		from = to
	}
	return false
}

// rtfFrames reads an RTF's shapes that hold text: each shape's place
// (\shpleft, \shptop, \shpright, in twips) and its text box's paragraphs,
// pages told as a DOCX's anchors' are (framePageDrop).
func rtfFrames(t string) []wordBox {
	type shape struct {
		z  int // its place in the drawing order (\shpz: the PDF import's order, a page after another)
		fb frameBox
	}
	var shapes []shape
	text := 0
	for rest := t; len(shapes) <= maxFrames && text <= maxFrameText; {
		i := strings.Index(rest, `{\shp`)
		if i < 0 {
			break
		}
		g := rtfGroup(rest[i:])
		rest = rest[i+max(len(g), 1):]
		if !strings.HasPrefix(g, `{\shp{`) && !strings.HasPrefix(g, `{\shp `) && !strings.HasPrefix(g, `{\shp\`) {
			continue // (\shpgrp, \shprslt…: not a shape's own group)
		}
		k := strings.Index(g, `{\shptxt`)
		if k < 0 {
			continue
		}
		left, okL := rtfNumber(g[:k], `\shpleft`)
		top, okT := rtfNumber(g[:k], `\shptop`)
		right, _ := rtfNumber(g[:k], `\shpright`)
		if !okL || !okT {
			continue
		}
		box := rtfGroup(g[k:])
		size := 0.0
		for s := box; ; {
			j := strings.Index(s, `\fs`)
			if j < 0 {
				break
			}
			if n, ok := rtfNumber(s[j:], `\fs`); ok && n > 0 {
				size = max(size, float64(n)/2)
			}
			s = s[j+3:]
		}
		fb := frameBox{x: float64(left) / 20, y: float64(top) / 20, w: float64(right-left) / 20, xSet: true, ySet: true, size: size}
		for _, l := range rtfLines(`{\rtf1\ansi\ansicpg936 ` + box[len(`{\shptxt`):len(box)-1] + `}`) {
			fb.paras = append(fb.paras, l.Text)
			text += len(l.Text)
		}
		if !fb.placed() {
			continue
		}
		z, _ := rtfNumber(g[:k], `\shpz`)
		shapes = append(shapes, shape{z, fb})
	}
	if text > maxFrameText || len(shapes) > maxFrames {
		return nil
	}
	// the file keeps its shapes in another order than they were drawn in
	sort.SliceStable(shapes, func(i, j int) bool { return shapes[i].z < shapes[j].z })
	var out []wordBox
	pages := newFramePages()
	for _, sh := range shapes {
		fb := sh.fb
		fb.page = pages.of(fb.y)
		out = append(out, fb.boxes()...)
	}
	return out
}

// framePages tells the pages of boxes placed each from its page's top, in
// the order they were drawn, by their tops alone.
type framePages struct {
	page       int
	lastY, top float64
}

func newFramePages() *framePages { return &framePages{lastY: -1, top: math.MaxFloat64} }

// of is the page of the next box, whose top is y: a box far above the last
// starts a page, as does one above the last at the page's top (the page's
// first box is its highest, or about: a page's text is drawn from the top
// down).
func (fp *framePages) of(y float64) int {
	if fp.lastY >= 0 && (y < fp.lastY-framePageDrop || y < fp.lastY-framePageDrop/4 && y <= fp.top+framePageTop) {
		fp.page++
		fp.top = y
	}
	fp.lastY = y
	fp.top = min(fp.top, y)
	return fp.page
}

// rtfGroup is the group t starts with ("{…}", braces escaped as \{ and \}
// passed over), or all of t when it does not close.
func rtfGroup(t string) string {
	depth := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '\\':
			i++ // (an escaped brace or backslash)
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return t[:i+1]
			}
		}
	}
	return t
}

// rtfNumber is the number after the first control word w in t (\shpleft1681
// → 1681), which the next character must not go on (\shpleftN, not
// \shpleftx).
func rtfNumber(t, w string) (int, bool) {
	for s := t; ; {
		i := strings.Index(s, w)
		if i < 0 {
			return 0, false
		}
		s = s[i+len(w):]
		j := 0
		if j < len(s) && s[j] == '-' {
			j++
		}
		for j < len(s) && j < 12 && isASCIIDigit(s[j]) {
			j++
		}
		if j > 0 && (s[0] != '-' || j > 1) {
			n, err := strconv.Atoi(s[:j])
			return n, err == nil
		}
	}
}
