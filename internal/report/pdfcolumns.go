package report

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// A browser's print of a portal page holds the report in a main column
// with a side column beside it: a list of related items and their dates
// (相关信息) to the right, or the site's menu (政府信息公开 / 机构职能 / …) to
// the left. Written line by line across the page, the side column's words
// end the main column's lines (一、总体情况 … 2024-07-13, a table row …
// 通知) or start them, and headings and rows are not found. sideColumn
// finds such a column on a page, so that the page's lines are written main
// column first and the side column after it, as pdftotext without -layout
// reads columns.

// sideColumn splits a page's glyphs into its main column and a side column
// beside it; side is nil when the page has none. A side column stands apart
// from the rest by a gap that no line of the page crosses but a few at its
// top and bottom (a browser's running head and foot, a site's banner and
// breadcrumbs over both columns); it is narrower than the main column, holds
// words on three lines at least and a number on one at most (its items'
// dates, 2024-07-13, are none), stands beside three lines of prose at least
// and shares two lines at least with the main column (else the lines do not
// mix and nothing need be split). A left one must not be a table's label
// column: its lines' other sides hold no numbers, two times in three.
//
// rows are the page's glyphs in lines (baselineLines, no floor).
func sideColumn(rows [][]pdf.Text) (main, side []pdf.Text, found bool) {
	// (most pages have running text across them: no gap even with the most
	// lines at the top and the bottom left out, and nothing more to try;
	// told by the runs' places alone, their words not gathered)
	if spans := glyphLines(rows, false); len(spans) < 14 || !hasGap(spans[4:len(spans)-2]) {
		return nil, nil, false
	}
	lines := glyphLines(rows, true)
	// the lines the side column stands beside: without a few at the top
	// and the bottom that may run across (a running head, the site's
	// banner and breadcrumbs over both columns, a foot)
	for top := 1; top <= 4; top++ {
		for foot := 1; foot <= 2; foot++ {
			if len(lines)-top-foot < 8 {
				return nil, nil, false
			}
			body := lines[top : len(lines)-foot]
			lo, hi := math.Inf(1), math.Inf(-1)
			var sizes []float64
			for _, l := range body {
				for _, s := range l.segs {
					lo, hi = math.Min(lo, s.x0), math.Max(hi, s.x1)
				}
				sizes = append(sizes, l.size)
			}
			slices.Sort(sizes)
			size := sizes[len(sizes)/2]
			if hi-lo < 20*size {
				return nil, nil, false // a narrow page: no room for two columns
			}
			for _, gap := range lineGaps(body, lo, hi, size) {
				if m, s, ok := splitAt(lines, body, gap, lo, hi); ok {
					return m, s, true
				}
			}
		}
	}
	return nil, nil, false
}

// hasGap says some span a font size wide within the lines' text stands
// clear of all of them.
func hasGap(lines []glyphLine) bool {
	lo, hi := math.Inf(1), math.Inf(-1)
	size := math.Inf(1)
	for _, l := range lines {
		for _, s := range l.segs {
			lo, hi = math.Min(lo, s.x0), math.Max(hi, s.x1)
		}
		size = math.Min(size, l.size)
	}
	return len(lineGaps(lines, lo, hi, size)) > 0
}

// glyphLine is a line of a page's glyphs as pageLinesFrom groups them:
// their baseline, usual size, and the runs of glyphs no more than a font
// size apart (a cell's or a phrase's words).
type glyphLine struct {
	y, size float64
	segs    []glyphSeg
	glyphs  []pdf.Text
}

// glyphSeg is a run of a line's glyphs: where it starts and ends, its
// words (cut where pageLinesFrom writes a space: a quarter of a font size,
// a tenth between two digits).
type glyphSeg struct {
	x0, x1 float64
	words  [][]rune
}

// glyphLines cuts lines of glyphs (baselineLines) into runs at gaps wider
// than a font size; the runs' words only when asked.
func glyphLines(lines [][]pdf.Text, words bool) []glyphLine {
	out := make([]glyphLine, 0, len(lines))
	for _, line := range lines {
		gl := glyphLine{y: line[0].Y, size: math.Max(line[0].FontSize, 1), glyphs: line}
		prev := rune(0)
		for _, g := range line {
			size := math.Max(g.FontSize, 1)
			first, _ := utf8.DecodeRuneInString(g.S)
			n := len(gl.segs)
			gap := 0.0
			if n > 0 {
				gap = g.X - gl.segs[n-1].x1
			}
			if n == 0 || gap > size {
				gl.segs = append(gl.segs, glyphSeg{x0: g.X, words: [][]rune{nil}})
			} else if gap > 0.25*size || gap > 0.1*size && isDigit(prev) && isDigit(first) {
				s := &gl.segs[n-1]
				s.words = append(s.words, nil)
			}
			s := &gl.segs[len(gl.segs)-1]
			s.x1 = math.Max(s.x1, g.X+g.W)
			if !words {
				continue
			}
			for _, r := range g.S {
				if r == ' ' || r == '\u3000' {
					if len(s.words[len(s.words)-1]) > 0 {
						s.words = append(s.words, nil)
					}
					continue
				}
				s.words[len(s.words)-1] = append(s.words[len(s.words)-1], r)
				prev = r
			}
		}
		out = append(out, gl)
	}
	return out
}

// lineGaps are the spans of x within lo:hi that no run of the lines covers,
// a font size wide at least: where a side column may stand apart, widest
// first.
func lineGaps(lines []glyphLine, lo, hi, size float64) [][2]float64 {
	var spans [][2]float64
	for _, l := range lines {
		for _, s := range l.segs {
			spans = append(spans, [2]float64{s.x0, s.x1})
		}
	}
	slices.SortFunc(spans, func(a, b [2]float64) int { return cmp.Compare(a[0], b[0]) })
	var gaps [][2]float64
	end := lo
	for _, s := range spans {
		if s[0]-end >= size && end > lo {
			gaps = append(gaps, [2]float64{end, s[0]})
		}
		end = math.Max(end, s[1])
	}
	slices.SortStableFunc(gaps, func(a, b [2]float64) int { return cmp.Compare(b[1]-b[0], a[1]-a[0]) })
	return gaps
}

// splitAt splits all, a page's lines, at gap when what stands on its narrower side is a side
// column (sideColumn).
func splitAt(all, lines []glyphLine, gap [2]float64, lo, hi float64) (main, side []pdf.Text, ok bool) {
	mid := (gap[0] + gap[1]) / 2
	right := hi-gap[1] < gap[0]-lo // the narrower side: the side column's
	if math.Min(hi-gap[1], gap[0]-lo) > 0.4*(hi-lo) {
		return nil, nil, false
	}
	sideWords, both, numbersBeside, numbered, prose := 0, 0, 0, 0, 0
	for _, l := range lines {
		var ours, theirs []glyphSeg
		for _, s := range l.segs {
			if (s.x0 > mid) == right {
				ours = append(ours, s)
			} else {
				theirs = append(theirs, s)
			}
		}
		if numbers(ours) > 0 {
			// a table's column of counts, or its labels' (a side column's
			// items are words and dates)
			if numbered++; numbered > 1 {
				return nil, nil, false
			}
			if numbers(theirs) > 0 || numbers(ours) >= 3 {
				// a table's row with counts both sides of the gap (表三's
				// （七）总计 8 1 … 2 4 15 over its blank middle columns,
				// 表四's headings beside it below), or its counts apart
				// from its label (（七）总计 … 26 8 2 1 4 41): one table,
				// no column
				return nil, nil, false
			}
		}
		if segsHan(ours) >= 2 {
			sideWords++
		}
		if numbers(theirs) == 0 && slices.ContainsFunc(theirs, func(s glyphSeg) bool { return segsHan([]glyphSeg{s}) >= 10 }) {
			prose++ // a line of running text in the main column
		}
		if len(ours) > 0 && len(theirs) > 0 {
			both++
			if numbers(theirs) > 0 {
				numbersBeside++
			}
		}
	}
	if sideWords < 3 || both < 2 || prose < 3 || !right && numbersBeside*3 >= both {
		return nil, nil, false
	}
	for _, l := range all {
		// (a line that crosses the gap — the running head's title, a foot
		// — stays whole in the main column)
		crosses := slices.ContainsFunc(l.segs, func(s glyphSeg) bool { return s.x0 < gap[1] && s.x1 > gap[0] })
		for _, g := range l.glyphs {
			if !crosses && (g.X+g.W/2 > mid) == right {
				side = append(side, g)
			} else {
				main = append(main, g)
			}
		}
	}
	return main, side, true
}

// numbers counts the words of runs that are numbers (36, 40.20; a date,
// 2024-07-13, or an item's number, 1.属于国家秘密, is none).
func numbers(segs []glyphSeg) int {
	n := 0
	for _, s := range segs {
		for _, w := range s.words {
			if len(w) > 0 && isDigit(w[0]) && !slices.ContainsFunc(w, func(r rune) bool { return !isDigit(r) && r != '.' && r != ',' }) {
				n++
			}
		}
	}
	return n
}

// segsHan counts the Chinese characters of runs.
func segsHan(segs []glyphSeg) int {
	n := 0
	for _, s := range segs {
		for _, w := range s.words {
			for _, r := range w {
				if r >= utf8.RuneSelf && unicode.Is(unicode.Han, r) {
					n++
				}
			}
		}
	}
	return n
}

// pageColumnsFrom writes a page's lines as pageLinesFrom does, a side
// column's (sideColumn) after the main column's lines beside it and before
// those below it (a browser's running foot stays last).
func pageColumnsFrom(b *strings.Builder, gs []pdf.Text, left, floor float64) {
	rows := baselineLines(gs, 0)
	var sides [][]pdf.Text
	var main []pdf.Text
	bottom := math.Inf(1)
	for len(sides) < 2 { // (a menu to the left and related items to the right)
		m, side, found := sideColumn(rows)
		if !found {
			break
		}
		main, sides = m, append(sides, side)
		for _, g := range side {
			bottom = math.Min(bottom, g.Y)
		}
		rows = baselineLines(main, 0)
	}
	switch {
	case sides != nil:
	case floor == 0:
		writeLines(b, rows, left) // (the page grouped once)
		return
	default:
		pageLinesFrom(b, gs, left, floor)
		return
	}
	var above, below []pdf.Text
	for _, g := range main {
		if g.Y >= bottom-2 {
			above = append(above, g)
		} else {
			below = append(below, g)
		}
	}
	for _, part := range append(append([][]pdf.Text{above}, sides...), below) {
		if len(part) > 0 {
			pageLinesFrom(b, part, left, floor)
		}
	}
}
