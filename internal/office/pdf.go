package office

import (
	"compress/zlib"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/signintech/gopdf"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// The fonts shipped in the binary (see fonts/LICENSE-*): AR PL SungtiL GB
// (宋体 style, GB 2312, Arphic Public License) for titles and text, and Droid
// Sans Fallback (sans, wide coverage, Apache-2.0) for headings and for every
// character outside GB 2312. The 公文 fonts (仿宋_GB2312, 方正小标宋) are not
// free; the DOCX names them, and Word uses them where installed.
var (
	//go:embed fonts/gbsn00lp.ttf
	fontSong []byte
	//go:embed fonts/DroidSansFallbackFull.ttf
	fontSans []byte
)

// A4 in points and the GB/T 9704 margins.
const (
	pdfW      = 595.28
	pdfH      = 841.89
	pdfTop    = 104.9 // 37 mm
	pdfBottom = 99.2  // 35 mm
	pdfLeft   = 79.4  // 28 mm
	pdfRight  = 73.7  // 26 mm
	pdfBody   = pdfW - pdfLeft - pdfRight
)

var gb2312Cache sync.Map

// inGB2312 reports whether r is in GB 2312 (the song font's repertoire).
func inGB2312(r rune) bool {
	if r < 0x80 {
		return true
	}
	if v, ok := gb2312Cache.Load(r); ok {
		return v.(bool)
	}
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(string(r)))
	ok := err == nil && len(b) == 2 && b[0] >= 0xA1 && b[0] <= 0xF7 && b[1] >= 0xA1 && b[1] <= 0xFE
	gb2312Cache.Store(r, ok)
	return ok
}

// noLineStart may not begin a line (禁则): it stays with the line before.
const noLineStart = "，。、；：？！）》」』”’〕】…,.;:?!)"

type pdfWriter struct {
	gp     *gopdf.GoPdf
	y      float64
	widths map[glyphKey]float64 // this document's, without the sync.Map's cost
	cur    string
	size   float64
	err    error // the first drawing error: kept, like bufio's, so drawing code stays linear
}

// fail keeps the first error of a drawing call.
func (p *pdfWriter) fail(err error) {
	if p.err == nil && err != nil {
		p.err = err
	}
}

func (p *pdfWriter) setFont(font string, size float64) {
	if p.cur == font && p.size == size {
		return
	}
	p.fail(p.gp.SetFont(font, "", size))
	p.cur, p.size = font, size
}

// missingMark stands for a character no embedded font has (CJK extension
// B and beyond, where some names and places are written; emoji): 〓, the
// typesetter's mark of a missing character, so that the gap shows.
const missingMark = '〓'

var coverCache sync.Map // rune → bool

// inFonts reports whether an embedded font has a glyph for r.
func inFonts(r rune) bool {
	if inGB2312(r) {
		return true
	}
	if v, ok := coverCache.Load(r); ok {
		return v.(bool)
	}
	fc, err := parsedFonts()
	ok := err != nil || fc.HasGlyph("sans", r) // fonts that fail to parse fail the PDF itself
	coverCache.Store(r, ok)
	return ok
}

// pdfRune is the character a PDF draws for r.
func pdfRune(r rune) rune {
	if r < 0x80 || inFonts(r) {
		return r
	}
	return missingMark
}

// MissingInPDF lists, once each, the characters of the texts that the PDF
// fonts lack (drawn as 〓): a letter to 王𬌗 should go out from the DOCX.
func MissingInPDF(texts ...string) string {
	var out []rune
	for _, t := range texts {
		for _, r := range t {
			if r >= 0x80 && !unicode.IsControl(r) && !inFonts(r) && !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	return string(out)
}

func fontFor(r rune, base string) string {
	if base == "song" && !inGB2312(r) {
		return "sans"
	}
	return base
}

// glyphKey is a character at a font and size.
type glyphKey struct {
	font string
	size float64
	r    rune
}

// glyphWidths holds every width measured in the process: the fonts are
// embedded and never change, and measuring goes through gopdf's font
// tables (a tenth of a PDF's cost when done per document).
var glyphWidths sync.Map // glyphKey → float64

func (p *pdfWriter) width(r rune, base string, size float64) float64 {
	r = pdfRune(r)
	k := glyphKey{fontFor(r, base), size, r}
	if w, ok := p.widths[k]; ok {
		return w
	}
	if w, ok := glyphWidths.Load(k); ok {
		p.widths[k] = w.(float64)
		return w.(float64)
	}
	p.setFont(k.font, size)
	w, err := p.gp.MeasureTextWidth(string(r))
	if err != nil {
		w = size
	} else {
		glyphWidths.Store(k, w)
	}
	p.widths[k] = w
	return w
}

func (p *pdfWriter) textWidth(s, base string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += p.width(r, base, size)
	}
	return w
}

// wrap breaks text into lines of at most width (the first line narrower by
// indent). Chinese breaks between any two characters; a run of Latin letters
// and digits (a postal number, 2026-0012, an address) moves to the next line
// whole, unless it is longer than a line.
func (p *pdfWriter) wrap(text, base string, size, width, indent float64) []string {
	if before, after, ok := strings.Cut(text, "\n"); ok {
		// a line end the text asks for (a cell's name and time, a title's
		// agency and kind): each part wraps on its own, the indent only first
		return append(p.wrap(before, base, size, width, indent), p.wrap(after, base, size, width, 0)...)
	}
	var lines []string
	var cur []rune
	w, limit := 0.0, width-indent
	word := -1 // where in cur the run of letters and digits being read began
	for _, r := range text {
		rw := p.width(r, base, size)
		if !latinWord(r) {
			word = -1
		} else if word < 0 {
			word = len(cur)
		}
		if w+rw > limit && len(cur) > 0 && !strings.ContainsRune(noLineStart, r) {
			cut := len(cur)
			if word > 0 && word < len(cur) {
				cut = word // the run goes down whole
			}
			lines = append(lines, string(cur[:cut]))
			cur, w, limit = append([]rune(nil), cur[cut:]...), 0, width
			for _, c := range cur {
				w += p.width(c, base, size)
			}
			if word >= 0 {
				word = 0
			}
		}
		cur = append(cur, r)
		w += rw
	}
	if len(cur) > 0 || len(lines) == 0 {
		lines = append(lines, string(cur))
	}
	return lines
}

// latinWord: r belongs to a run the lines do not break inside.
func latinWord(r rune) bool {
	return r < 0x80 && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == '.' || r == '/' || r == '@' || r == '_' ||
		r == ':' || r == '?' || r == '=' || r == '&' || r == '%' || r == '#' || r == '~' || r == '+')
}

// draw writes one line whose glyph box starts at (x, y), switching fonts for
// characters outside GB 2312. gopdf places text by its baseline.
func (p *pdfWriter) draw(x, y float64, s, base string, size float64) {
	y += size * 0.86
	var run []rune
	runFont := ""
	flush := func() {
		if len(run) == 0 {
			return
		}
		p.setFont(runFont, size)
		p.gp.SetXY(x, y)
		p.fail(p.gp.Text(string(run)))
		for _, r := range run {
			x += p.width(r, runFont, size)
		}
		run = run[:0]
	}
	for _, r := range s {
		r = pdfRune(r)
		f := fontFor(r, base)
		if f != runFont {
			flush()
			runFont = f
		}
		run = append(run, r)
	}
	flush()
}

func (p *pdfWriter) newPage() {
	p.gp.AddPage()
	p.y = pdfTop
}

func (p *pdfWriter) need(h float64) {
	if p.y+h > pdfH-pdfBottom {
		p.newPage()
	}
}

func (p *pdfWriter) paragraph(blk Block) {
	base, size, lh := "song", 16.0, 28.95 // 三号, 22 lines a page
	align, indent := "justify", 32.0
	switch blk.Style {
	case StyleTitle:
		size, lh, align, indent = 22, 36, "center", 0
	case StyleSubtitle:
		align, indent = "center", 0
	case StyleHeading1:
		base = "sans"
	case StyleHeading2:
		base = "song"
	case StyleAddress:
		indent = 0
	case StyleSign, StyleSeal:
		align, indent = "right", 0
	}
	lines := p.wrap(blk.Text, base, size, pdfBody, indent)
	for i, line := range lines {
		p.need(lh)
		if i == 0 && blk.Style == StyleHeading1 {
			// a bookmark for each part (一、总体情况 …): the reader's
			// outline pane lists them, as Word's navigation pane lists the
			// DOCX's headings
			p.gp.SetY(p.y)
			p.gp.AddOutlineWithPosition(blk.Text)
		}
		x := pdfLeft
		w := p.textWidth(line, base, size)
		switch {
		case align == "center":
			x = pdfLeft + (pdfBody-w)/2
		case align == "right":
			x = pdfW - pdfRight - w - 32
		case i == 0:
			x += indent
		}
		p.draw(x, p.y+(lh-size)/2, line, base, size)
		p.y += lh
	}
	if blk.Style == StyleTitle {
		p.y += 12
	}
}

type tableLayout struct {
	xs, ys []float64
	cells  []placedCell
	lh     float64
}

type placedCell struct {
	row, col int
	cell     Cell
	lines    []string
}

// layout measures a table: column edges, row edges and each cell's lines.
func (p *pdfWriter) layout(t *Table) (*tableLayout, error) {
	grid, err := t.Grid()
	if err != nil {
		return nil, err
	}
	total := 0.0
	for _, w := range t.Widths {
		total += w
	}
	xs := make([]float64, len(t.Widths)+1)
	xs[0] = pdfLeft
	for i, w := range t.Widths {
		xs[i+1] = xs[i] + pdfBody*w/total
	}
	size, pad := t.FontSize, 2.5
	lh := size * 1.3
	var cells []placedCell
	heights := make([]float64, len(t.Rows))
	for i := range heights {
		heights[i] = lh + 2*pad
	}
	for i := range t.Rows {
		for x, k := range grid[i] {
			if k < 0 {
				continue
			}
			c := t.Rows[i][k]
			base := "song"
			if c.Header {
				base = "sans"
			}
			lines := p.wrap(c.Text, base, size, xs[x+max(c.Cols, 1)]-xs[x]-2*pad, 0)
			cells = append(cells, placedCell{i, x, c, lines})
			if max(c.Rows, 1) == 1 {
				heights[i] = max(heights[i], float64(len(lines))*lh+2*pad)
			}
		}
	}
	// a cell spanning rows may need them taller
	for _, pc := range cells {
		if n := max(pc.cell.Rows, 1); n > 1 {
			need := float64(len(pc.lines))*lh + 2*pad
			have := 0.0
			for r := pc.row; r < pc.row+n; r++ {
				have += heights[r]
			}
			if need > have {
				heights[pc.row+n-1] += need - have
			}
		}
	}
	ys := make([]float64, len(t.Rows)+1)
	for i, h := range heights {
		ys[i+1] = ys[i] + h
	}
	return &tableLayout{xs: xs, ys: ys, cells: cells, lh: lh}, nil
}

func (p *pdfWriter) table(t *Table) error {
	l, err := p.layout(t)
	if err != nil {
		return err
	}
	xs, ys, cells, lh, size, pad := l.xs, l.ys, l.cells, l.lh, t.FontSize, 2.5
	if p.y+ys[len(ys)-1] > pdfH-pdfBottom && p.y > pdfTop {
		p.newPage() // the template's tables are kept whole on one page
	}
	top := p.y
	p.gp.SetLineWidth(0.6)
	for _, pc := range cells {
		x0, x1 := xs[pc.col], xs[pc.col+max(pc.cell.Cols, 1)]
		y0, y1 := top+ys[pc.row], top+ys[pc.row+max(pc.cell.Rows, 1)]
		p.gp.RectFromUpperLeftWithStyle(x0, y0, x1-x0, y1-y0, "D")
		base := "song"
		if pc.cell.Header {
			base = "sans"
		}
		ty := y0 + (y1-y0-float64(len(pc.lines))*lh)/2 + (lh-size)/2
		for _, line := range pc.lines {
			x := x0 + pad
			if !pc.cell.Left {
				x = x0 + (x1-x0-p.textWidth(line, base, size))/2
			}
			p.draw(x, ty, line, base, size)
			ty += lh
		}
	}
	p.y = top + ys[len(ys)-1] + 12
	return nil
}

// parsedFonts are the two embedded fonts (9 MB), parsed once per process: a
// document takes them from here with a subset map of its own, instead of
// parsing both for every PDF (that was most of a PDF's cost).
var parsedFonts = sync.OnceValues(func() (*gopdf.FontContainer, error) {
	fc := &gopdf.FontContainer{}
	if err := fc.AddTTFFontData("song", fontSong); err != nil {
		return nil, fmt.Errorf("font song: %w", err)
	}
	if err := fc.AddTTFFontData("sans", fontSans); err != nil {
		return nil, fmt.Errorf("font sans: %w", err)
	}
	return fc, nil
})

// PDF writes the document as an A4 PDF with the fonts embedded (subset).
func PDF(w io.Writer, d *Doc) error {
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	// fast compression of the content and of the embedded font subsets (the
	// patch in third_party/gopdf): half the cost, 11 % larger
	gp.SetCompressLevel(zlib.BestSpeed)
	gp.SetInfo(gopdf.PdfInfo{Title: d.Title, Creator: "gongkai", Producer: "gongkai"})
	fc, err := parsedFonts()
	if err != nil {
		return err
	}
	for _, family := range []string{"song", "sans"} {
		if err := gp.AddTTFFontFromFontContainer(family, fc); err != nil {
			return fmt.Errorf("font %s: %w", family, err)
		}
	}
	p := &pdfWriter{gp: gp, widths: map[glyphKey]float64{}}
	p.newPage()
	for i, blk := range d.Blocks {
		// a heading stays on the page of the table after it
		if blk.Table == nil && (blk.Style == StyleHeading1 || blk.Style == StyleHeading2) && i+1 < len(d.Blocks) && d.Blocks[i+1].Table != nil {
			l, err := p.layout(d.Blocks[i+1].Table)
			if err != nil {
				return err
			}
			if h := l.ys[len(l.ys)-1] + 29; h < pdfH-pdfBottom-pdfTop {
				p.need(h)
			}
		}
		if blk.Table != nil {
			if err := p.table(blk.Table); err != nil {
				return err
			}
			continue
		}
		p.paragraph(blk)
	}
	// page numbers: 4号 (14 pt), "— N —", odd pages right, even pages left (GB/T 9704 §7.5)
	n := gp.GetNumberOfPages()
	for i := 1; i <= n; i++ {
		p.fail(gp.SetPage(i))
		s := fmt.Sprintf("— %d —", i)
		p.cur = ""
		wd := p.textWidth(s, "song", 14)
		x := pdfW - pdfRight - wd - 14
		if i%2 == 0 {
			x = pdfLeft + 14
		}
		p.draw(x, pdfH-pdfBottom+40, s, "song", 14)
	}
	if p.err != nil {
		return fmt.Errorf("pdf: %w", p.err)
	}
	_, err = gp.WriteTo(w)
	return err
}
