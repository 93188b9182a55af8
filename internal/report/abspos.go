package report

import (
	"html"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// A PDF turned into a web page by pdftohtml -c (and tools like it) keeps
// each run of text where the PDF drew it: <p style="position:absolute;
// top:357px;left:537px" class="ft13">326</p>, one element to a run, in the
// order the PDF drew them. Read as HTML, every run is a paragraph: a table
// row becomes nine lines. positionedText lays the runs out again by their
// places, a page at a time, as pdftotext -layout lays out a PDF's glyphs
// (pageLines), so the page reads as the layout text it is.

// maxRun bounds the text of one positioned run.
const maxRun = 4 << 10

// minPositioned is how many positioned runs make a page one laid out so.
const minPositioned = 20

// positionedPage reports whether t is such a page: enough runs placed by
// top and left in their own style, and few table cells (a portal page that
// places its menus so keeps its report in paragraphs and tables, read as
// HTML).
func positionedPage(t string) bool {
	n := strings.Count(t, "position:absolute")
	if sheetPlaced(t) {
		n = strings.Count(t, `<p style="top:`)
	}
	if n < minPositioned || strings.Count(t, "top:") < minPositioned || strings.Count(t, "left:") < minPositioned {
		return false
	}
	return (strings.Count(t, "<td")+strings.Count(t, "<TD"))*4 < n
}

// sheetPlaced says the page's style sheet places every <p> (mutool's HTML of
// a PDF: "p{position:absolute;…}", each p's top and left in its own style,
// in points, its runs' font size in spans inside it).
func sheetPlaced(t string) bool {
	return hasText(t[:min(len(t), 4096)], "p{position:absolute")
}

// positionedText is the page's text, line by line, pages apart by a form
// feed (a page break, as pdftotext writes it).
func positionedText(t string) string {
	sizes := classSizes(t)
	sheet := sheetPlaced(t)
	var pg pagedRuns
	lastSize := 16.0
	page := "" // the page's number, as pdftohtml names it (<a name="7">)
	for len(t) > 0 && len(pg.glyphs) <= MaxInput {
		i := strings.IndexByte(t, '<')
		if i < 0 {
			break
		}
		t = t[i:]
		// a page's own box: the runs after it are placed from its top
		if strings.HasPrefix(t, "<a ") {
			if p := lastPageName(tagOf(t)); p != "" {
				page = p
			}
		}
		if strings.HasPrefix(t, "<div") && hasText(tagOf(t), "page") && !hasText(tagOf(t), "position:absolute") {
			pg.flush()
			t = t[len(tagOf(t)):]
			continue
		}
		tag := tagOf(t)
		if len(tag) < 4 || !hasText(tag, "position:absolute") && !(sheet && strings.HasPrefix(tag, `<p style="top:`)) {
			t = t[max(len(tag), 1):]
			continue
		}
		name := elemName(tag)
		top, okT := cssPx(tag, "top:")
		left, okL := cssPx(tag, "left:")
		rest := t[len(tag):]
		// a run is short: its end is looked for nearby, or runs without an
		// end would each read the rest of the page
		end := indexText(rest[:min(len(rest), maxRun)], "</"+name)
		if name == "" || !okT || !okL || end < 0 {
			t = t[len(tag):]
			continue
		}
		inner := rest[:end]
		if hasText(inner, "position:absolute") {
			t = rest // a box of boxes: its runs are read on their own, from inside it
			continue
		}
		t = rest[end:]
		size, ok := cssPx(tag, "font-size:")
		if !ok && sheet {
			size, ok = cssPx(inner[:min(len(inner), 512)], "font-size:") // (its first span's)
		}
		if !ok {
			size, _ = classSize(sizes, classOf(tag), page)
		}
		if size <= 0 {
			size = lastSize // a class no style sheet defines (pdftohtml does that): the text's size so far
		}
		lastSize = size
		step := size * 1.3 // the next line of a run with <br>s
		if lh, ok := sizes["lh:"+classOf(tag)]; ok && lh > 0 {
			step = lh
		}
		for k, line := range strings.Split(runText(inner), "\n") {
			x := left
			from := len(pg.glyphs)
			for _, r := range html.UnescapeString(line) {
				w := glyphWidth(r, size)
				if r != '\u00a0' && r != ' ' {
					pg.glyphs = append(pg.glyphs, pdf.Text{FontSize: size, X: x, Y: -(top + float64(k)*step), W: w, S: string(r)})
				}
				x += w
			}
			pg.endRun(from)
		}
	}
	pg.flush()
	return pg.b.String()
}

// pagedRuns gathers a page's glyphs, run by run, and writes the page's
// lines at each page break, pages apart by a form feed.
type pagedRuns struct {
	b      strings.Builder
	glyphs []pdf.Text
	pages  int
	// exact: the runs' widths are their text's own (a converter's text
	// boxes), no guess to allow for: a narrow gap is a gap
	exact bool
	// left: the leftmost x of the pages so far, from which every page's
	// columns are counted, as a PDF's are (pdfText): counted from each
	// page's own, a table's second page whose text starts further right
	// had its rows' numbers columns off the first page's headings
	left float64
}

// endRun marks the glyphs since from as one run (closeRuns joins a run to
// the next one where the gap is within its width's error).
func (pg *pagedRuns) endRun(from int) {
	if n := len(pg.glyphs) - from; n > 0 {
		pg.glyphs[len(pg.glyphs)-1].Font = runEnd + strconv.Itoa(n)
	}
}

// flush writes the page gathered so far, if any.
func (pg *pagedRuns) flush() {
	if len(pg.glyphs) == 0 {
		return
	}
	if pg.pages > 0 {
		pg.b.WriteByte('\f')
	}
	closeRuns(pg.glyphs, pg.exact)
	if l := pageLeft(pg.glyphs); pg.pages == 0 || l < pg.left {
		pg.left = l
	}
	pageLinesFrom(&pg.b, pg.glyphs, pg.left, 0)
	pg.glyphs = pg.glyphs[:0]
	pg.pages++
}

// glyphWidth guesses a character's advance where a format gives only the
// font size: a Chinese character is square, a digit or Latin letter half as
// wide.
func glyphWidth(r rune, size float64) float64 {
	if r < 0x2E80 {
		return size / 2
	}
	return size
}

// runEnd marks the last glyph of a run (in pdf.Text's Font), with the
// run's number of glyphs after it.
const runEnd = "\x00end"

// closeRuns: a run's width is only guessed from its characters, so a gap
// between it and the next run on its line smaller than the guess's error is
// not a space (pdftohtml cuts runs where the font changes, "2024" | "年，本局
// …", and a justified line's runs are wider than their characters): the run
// is taken to end where the next begins. The error allowed is a character,
// or a sixth of the run's characters for a long run.
func closeRuns(gs []pdf.Text, exact bool) {
	sort.SliceStable(gs, func(i, j int) bool {
		if math.Abs(gs[i].Y-gs[j].Y) > 2 {
			return gs[i].Y > gs[j].Y
		}
		return gs[i].X < gs[j].X
	})
	for i := 0; i+1 < len(gs); i++ {
		a, b := &gs[i], gs[i+1]
		n, ok := strings.CutPrefix(a.Font, runEnd)
		if !ok || math.Abs(a.Y-b.Y) > 2 {
			continue
		}
		chars, _ := strconv.Atoi(n)
		last, _ := utf8.DecodeLastRuneInString(a.S)
		first, _ := utf8.DecodeRuneInString(b.S)
		if isDigit(last) && isDigit(first) {
			// two runs of digits are two numbers (cells "16016 7007" | "0"),
			// however close the guessed width puts them: a gap is kept
			a.W = min(a.W, b.X-a.X-0.3*a.FontSize)
			continue
		}
		if gap := b.X - (a.X + a.W); !exact && gap > 0 && gap < max(1, float64(chars)/6)*a.FontSize {
			a.W = b.X - a.X
		}
	}
}

// tagOf is the tag t starts with, up to its '>' (all of t if none).
func tagOf(t string) string {
	if i := strings.IndexByte(t, '>'); i >= 0 {
		return t[:i+1]
	}
	return t
}

// elemName is the element's name in a start tag ("<p style=…>" → "p").
func elemName(tag string) string {
	i := 1
	for i < len(tag) && isASCIILetter(tag[i]) {
		i++
	}
	return tag[1:i]
}

// cssPx reads a length in pixels after key in a tag's style ("top:357px").
func cssPx(tag, key string) (float64, bool) {
	i := indexText(tag, key)
	if i < 0 {
		return 0, false
	}
	s := strings.TrimLeft(tag[i+len(key):], " ")
	j := 0
	for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' || s[j] == '-') {
		j++
	}
	v, err := strconv.ParseFloat(s[:j], 64)
	return v, err == nil
}

// classOf is a tag's class attribute.
func classOf(tag string) string {
	i := indexText(tag, `class="`)
	if i < 0 {
		return ""
	}
	s := tag[i+len(`class="`):]
	if j := strings.IndexByte(s, '"'); j >= 0 {
		return s[:j]
	}
	return ""
}

// classSizes reads the font size of each class in the page's style sheets
// (".ft13{font-size:24px;…}"; pdftohtml writes one for each page), and as
// "lh:"+class its line height.
func classSizes(t string) map[string]float64 {
	out := map[string]float64{}
	page := ""
	for n := 0; n < 1024; n++ {
		i := indexText(t, "<style")
		if i < 0 {
			break
		}
		if p := lastPageName(t[:i]); p != "" {
			page = p
		}
		t = t[i:]
		j := indexText(t, "</style")
		if j < 0 {
			j = len(t)
		}
		sheet := t[:j]
		t = t[j:]
		for k := 0; k < 4096; k++ {
			a := strings.IndexByte(sheet, '{')
			if a < 0 {
				break
			}
			b := strings.IndexByte(sheet[a:], '}')
			if b < 0 {
				break
			}
			sel := sheet[:a]
			if c := strings.LastIndexAny(sel, " \t\n;}>"); c >= 0 {
				sel = sel[c+1:]
			}
			body := sheet[a : a+b]
			if strings.HasPrefix(sel, ".") {
				if v, ok := cssPx(body, "font-size:"); ok {
					out[sel[1:]] = v
					if font, ok := strings.CutPrefix(sel[1:], "ft"+page); ok && page != "" && font != "" {
						out["font:"+font] = v
					}
				}
				if v, ok := cssPx(body, "line-height:"); ok {
					out["lh:"+sel[1:]] = v
				}
			}
			sheet = sheet[a+b+1:]
		}
	}
	return out
}

// pdftohtml numbers its fonts once for the whole document but names a
// font's class after the page too (ft + page + font: ft512 is font 12 first
// used on page 5), and writes a page's style sheet with the fonts new on
// it only: a run on page 7 in font 12 has the class ft712, defined nowhere.
// classSizes keeps each font's size as "font:"+its number, found by the page
// of the sheet that defines it (<a name="5"> before the sheet), and
// classSize finds a run's by the page it is on.

// lastPageName is the number of the last page anchor in t (<a name="7">),
// or "".
func lastPageName(t string) string {
	i := strings.LastIndex(t, `<a name="`)
	if i < 0 {
		return ""
	}
	s := t[i+len(`<a name="`):]
	j := 0
	for j < len(s) && j < 6 && isASCIIDigit(s[j]) {
		j++
	}
	if j == 0 || j >= len(s) || s[j] != '"' {
		return ""
	}
	return s[:j]
}

// classSize is the font size of a run's class on the given page: its own
// rule's, or the size of the font it names (pdftohtml's ft + page + font).
func classSize(sizes map[string]float64, class, page string) (float64, bool) {
	if v, ok := sizes[class]; ok {
		return v, true
	}
	if font, ok := strings.CutPrefix(class, "ft"+page); ok && page != "" && font != "" {
		v, ok := sizes["font:"+font]
		return v, ok
	}
	return 0, false
}

// runText is a run's text: its <br>s line breaks, its other tags (<b>, <i>,
// <a …>, <span …>) dropped.
func runText(s string) string {
	if !hasText(s, "<") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		if prefixFold(s[i:], "<br") {
			b.WriteByte('\n')
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return b.String()
		}
		s = s[i+j+1:]
	}
}
