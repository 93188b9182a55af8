package report

import (
	"html"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// Word lists with boxes: what some tools make of a PDF (or an OCR of a
// scan) instead of text. pdftotext -tsv and tesseract's TSV give a row per
// word with its page, left, top, width and height; pdftotext -bbox(-layout)
// gives <word xMin= yMin= xMax= yMax=> elements by page; pdftohtml -xml gives
// <text top= left= width= height=> runs by page. Each word is placed where it
// stands and the page laid out as pdftotext -layout would, which the reader
// then reads as such.

// wordBox is one word (or run) where it stands on its page.
type wordBox struct {
	page                     int
	left, top, width, height float64
	text                     string
	// fontBox: the box is the font's (pdftotext's words) or the ink's
	// (tesseract), whose tops differ by font: a Chinese font's box is twice
	// a digit's and starts higher, so a row's label and its numbers are
	// lined up by their middles, and the size told by the width
	fontBox bool
	// exact: its width is its text's (a converter's text box drawn to
	// fit), not a box with margins or a guess
	exact bool
	// line: the line an OCR put it in (its words in reading order), 0
	// unsaid; mid: that line's middle, from its own box, where it stands
	// (an OCR's word boxes of one line stand up and down by their ink: a
	// wrapped label's pieces and its numbers fell on lines of their own)
	line int
	mid  float64
}

// clipOverlaps narrows each word of an OCR's line to end where the next
// begins: tesseract's boxes of Chinese words overlap their neighbours (a
// title's "2019" 285 pixels wide, 年 126 pixels into it), and spread over
// such a box a word's characters would interleave with the next word's.
func clipOverlaps(bs []wordBox) {
	for i := 0; i+1 < len(bs); i++ {
		a, b := &bs[i], bs[i+1]
		if a.line == 0 || a.line != b.line || a.page != b.page {
			continue
		}
		if b.left > a.left && a.left+a.width > b.left {
			a.width = b.left - a.left
		}
	}
}

// joinedHeadings are the column headings (and 表四's printed pieces) two
// of which in one run are cells joined.
var joinedHeadings = []string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "总计", "结果", "尚未", "审结"}

// runsJoinCells says some run of pdftohtml's (a box) holds two counts, or
// two of the tables' column headings: cells of a table joined in one run.
func runsJoinCells(bs []wordBox) bool {
	for _, b := range bs {
		if strings.IndexByte(b.text, ' ') < 0 && !moreRunes(b.text, 3) {
			continue // (most runs: one word, or a short one)
		}
		counts, heads := 0, 0
		for _, w := range strings.Fields(b.text) {
			if isNumber(w) {
				counts++
			}
		}
		for _, lb := range joinedHeadings {
			heads += strings.Count(b.text, lb)
		}
		if counts >= 2 || heads >= 2 {
			return true
		}
	}
	return false
}

// tsvWords says t is pdftotext's or tesseract's TSV of words, by its header
// (their columns differ before left; both end with these).
func tsvWords(t string) bool {
	head, _, _ := strings.Cut(t[:min(len(t), 512)], "\n")
	return strings.HasPrefix(head, "level\tpage_num\t") && strings.HasSuffix(strings.TrimRight(head, "\r"), "\tleft\ttop\twidth\theight\tconf\ttext")
}

// hocrWords says t is an OCR's hOCR (tesseract's, and others'): a page of
// words each in an element of class ocrx_word with its box in its title.
func hocrWords(t string) bool {
	head := t[:min(len(t), 4096)]
	return (hasText(head, "ocr-capabilities") || hasText(head, "ocr_page")) && (hasText(t, "'ocrx_word'") || hasText(t, `"ocrx_word"`))
}

// hocrBoxes reads an hOCR's words: each ocrx_word's text and its title's
// bbox (left top right bottom, in the picture's pixels), by its ocr_page.
func hocrBoxes(t string) []wordBox {
	var out []wordBox
	page, line, mid := 0, 0, 0.0
	for len(out) <= MaxInput/8 {
		tag, rest, ok := nextTag(t)
		if !ok {
			break
		}
		t = rest
		if !hasText(tag, "ocr") {
			continue
		}
		switch class, _ := xmlAttr(tag, "class"); class {
		case "ocr_page":
			page++
		case "ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat":
			line++
			mid = 0
			title, _ := xmlAttr(tag, "title")
			if b, ok := hocrBox(title); ok {
				mid = b.top + b.height/2
			}
		case "ocrx_word":
			title, _ := xmlAttr(tag, "title")
			end := strings.Index(t[:min(len(t), maxRun)], "</span")
			if b, ok := hocrBox(title); ok && end >= 0 {
				b.page, b.line, b.mid = page, line, mid
				b.text = strings.TrimSpace(html.UnescapeString(stripTags(t[:end])))
				if b.text != "" {
					out = append(out, b)
				}
				t = t[end:]
			}
		}
	}
	clipOverlaps(out)
	return out
}

// nextTag is the first tag in t and the text after it; false when t holds
// no more.
func nextTag(t string) (tag, rest string, ok bool) {
	i := strings.IndexByte(t, '<')
	if i < 0 {
		return "", "", false
	}
	tag = tagOf(t[i:])
	return tag, t[i+max(len(tag), 1):], true
}

// hocrBox is the box a word's title gives ("bbox 354 311 836 352; x_wconf
// 92"), its text to be set; false when it gives none that a page holds.
func hocrBox(title string) (wordBox, bool) {
	_, after, ok := strings.Cut(title, "bbox ")
	if !ok {
		return wordBox{}, false
	}
	f := strings.Fields(strings.ReplaceAll(after, ";", " "))
	if len(f) < 4 {
		return wordBox{}, false
	}
	var v [4]float64
	for k := range v {
		x, err := strconv.ParseFloat(f[k], 64)
		if err != nil || x < 0 || x >= 1e6 {
			return wordBox{}, false
		}
		v[k] = x
	}
	if v[2] <= v[0] || v[3] <= v[1] {
		return wordBox{}, false
	}
	return wordBox{left: v[0], top: v[1], width: v[2] - v[0], height: v[3] - v[1], fontBox: true}, true
}

// xmlWords says t is pdftohtml -xml's or pdftotext -bbox's page list, or
// mutool's structured text (draw -F stext).
func xmlWords(t string) bool {
	head := t[:min(len(t), 4096)]
	if hasText(head, "<pdf2xml") {
		return hasText(t, "<text top=")
	}
	if !hasText(head, "<doc") { // (one search for both below: most texts have neither)
		return false
	}
	return hasText(head, "<doc>") && hasText(t, "<word xMin=") ||
		hasText(head, "<document") && hasText(head, "<page") && hasText(t, "<char quad=")
}

// tsvBoxes reads the words of a TSV: the rows of level 5 with text; ocr
// says an OCR gave them (tesseract's confidence, not pdftotext's 100).
func tsvBoxes(t string) (out []wordBox, ocr bool) {
	lines := strings.Split(t, "\n")
	if len(lines) == 0 {
		return nil, false
	}
	col := map[string]int{}
	for i, h := range strings.Split(strings.TrimRight(lines[0], "\r"), "\t") {
		col[h] = i
	}
	lineKey, lineNo := "", 0
	mid := 0.0 // the middle of the line being read
	for _, l := range lines[1:] {
		if len(out) > MaxInput/8 {
			break
		}
		f := strings.Split(strings.TrimRight(l, "\r"), "\t")
		if len(f) == len(col) && f[col["level"]] == "4" {
			// a line: its middle (an OCR's words stand by it, below)
			top, err1 := strconv.ParseFloat(f[col["top"]], 64)
			h, err2 := strconv.ParseFloat(f[col["height"]], 64)
			mid = 0
			if err1 == nil && err2 == nil && top >= 0 && h > 0 && top+h < 1e6 {
				mid = top + h/2
			}
		}
		if len(f) != len(col) || f[col["level"]] != "5" {
			continue
		}
		text := strings.TrimSpace(f[col["text"]])
		if text == "" || strings.HasPrefix(text, "###") {
			continue
		}
		if c := f[col["conf"]]; c != "100" && c != "100.000000" && c != "-1" {
			ocr = true
		}
		b, ok := wordBox{text: text, fontBox: true, mid: mid}, true
		b.page, _ = strconv.Atoi(f[col["page_num"]])
		if k, has := col["line_num"]; has {
			// (a line's number within its paragraph and block: the
			// three make it one)
			key := f[col["page_num"]] + "/" + f[col["block_num"]] + "/" + f[col["par_num"]] + "/" + f[k]
			if key != lineKey {
				lineKey, lineNo = key, lineNo+1
			}
			b.line = lineNo
		}
		for _, v := range []struct {
			name string
			to   *float64
		}{{"left", &b.left}, {"top", &b.top}, {"width", &b.width}, {"height", &b.height}} {
			x, err := strconv.ParseFloat(f[col[v.name]], 64)
			ok = ok && err == nil && x >= 0 && x < 1e6
			*v.to = x
		}
		if ok {
			out = append(out, b)
		}
	}
	if !ocr {
		// pdftotext's words: where they stand, and their boxes their
		// glyphs' own, so a gap between two is a gap (表四's headings 8
		// points apart under 50-point columns were run together, their
		// places lost); and a word overlapping the next of its TSV line is
		// one of another printed line — 表四's stacked heading 结 under
		// 未经复议直接起诉 —, not an OCR's wide box to narrow, which shrank
		// the glyph and moved it columns right
		for i := range out {
			out[i].mid, out[i].exact = 0, true
		}
		return out, ocr
	}
	clipOverlaps(out)
	return out, ocr
}

// xmlBoxes reads pdftohtml -xml's <text> runs and pdftotext -bbox's <word>s,
// each page's by its <page> element.
func xmlBoxes(t string) []wordBox {
	var out []wordBox
	page := 0
	var word wordBox // mutool's characters gathered into a word
	flush := func() {
		if word.text != "" {
			out = append(out, word)
		}
		word = wordBox{}
	}
	for len(out) <= MaxInput/8 {
		tag, rest, ok := nextTag(t)
		if !ok {
			break
		}
		t = rest
		if strings.HasPrefix(tag, "</line") {
			flush()
			continue
		}
		name := elemName(tag)
		switch name {
		case "page":
			flush()
			page++
			continue
		case "text", "word":
		case "char":
			// mutool's structured text (draw -F stext): a character a
			// self-closed element, its box the quad's corners, its text c;
			// a line's characters make words, a space or a gap between
			b, ok := stextChar(tag, page)
			switch {
			case !ok:
				flush()
			case word.text != "" && (b.left-(word.left+word.width) > b.height/4 || b.left < word.left):
				flush()
				word = b
			case word.text == "":
				word = b
			default:
				word.text += b.text
				word.width = b.left + b.width - word.left
				word.top, word.height = min(word.top, b.top), max(word.top+word.height, b.top+b.height)-min(word.top, b.top)
			}
			continue
		default:
			continue
		}
		end := indexText(t[:min(len(t), maxRun)], "</"+name)
		if end < 0 {
			continue
		}
		inner := runText(t[:end])
		t = t[end:]
		b := wordBox{page: page, text: strings.TrimSpace(html.UnescapeString(inner))}
		attr := func(k string) (float64, bool) {
			v, ok := xmlAttr(tag, k)
			if !ok {
				return 0, false
			}
			f, err := strconv.ParseFloat(v, 64)
			return f, err == nil && f >= 0 && f < 1e6
		}
		var ok1, ok2, ok3, ok4 bool
		if name == "text" {
			b.top, ok1 = attr("top")
			b.left, ok2 = attr("left")
			b.width, ok3 = attr("width")
			b.height, ok4 = attr("height")
		} else {
			var x1, y1 float64
			b.left, ok1 = attr("xMin")
			b.top, ok2 = attr("yMin")
			x1, ok3 = attr("xMax")
			y1, ok4 = attr("yMax")
			// (pdftotext's words: their glyphs' own boxes, exact)
			b.width, b.height, b.fontBox, b.exact = x1-b.left, y1-b.top, true, true
		}
		if ok1 && ok2 && ok3 && ok4 && b.text != "" && b.width >= 0 && b.height > 0 {
			out = append(out, b)
		}
	}
	flush()
	return out
}

// stextChar reads a <char> of mutool's structured text: quad="x0 y0 x1 y1
// x2 y2 x3 y3" (its corners: top left, top right, bottom left, bottom
// right) and c, the character; a space is none.
func stextChar(tag string, page int) (wordBox, bool) {
	c, ok := xmlAttr(tag, "c")
	q, okQ := xmlAttr(tag, "quad")
	c = strings.TrimSpace(html.UnescapeString(c))
	if !ok || !okQ || c == "" {
		return wordBox{}, false
	}
	f := strings.Fields(q)
	if len(f) != 8 {
		return wordBox{}, false
	}
	var v [8]float64
	for i, s := range f {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || x < 0 || x >= 1e6 {
			return wordBox{}, false
		}
		v[i] = x
	}
	b := wordBox{page: page, text: c, left: v[0], top: v[1], width: v[2] - v[0], height: v[5] - v[1], fontBox: true, exact: true}
	return b, b.width >= 0 && b.height > 0
}

// xmlAttr is an attribute's value in a start tag (top="12" or top='12').
func xmlAttr(tag, key string) (string, bool) {
	for i := 0; ; {
		j := indexText(tag[i:], key+"=")
		if j < 0 {
			return "", false
		}
		j += i
		if j > 0 && tag[j-1] != ' ' && tag[j-1] != '\t' && tag[j-1] != '\n' {
			i = j + len(key) + 1
			continue
		}
		rest := tag[j+len(key)+1:]
		if rest == "" || rest[0] != '"' && rest[0] != '\'' {
			return "", false
		}
		end := strings.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return "", false
		}
		return rest[1 : 1+end], true
	}
}

// boxesText lays the words out page by page as positionedText does.
func boxesText(bs []wordBox) string {
	var pg pagedRuns
	pg.exact = len(bs) > 0 && bs[0].exact
	page := -1
	for _, w := range bs {
		if w.page != page {
			pg.flush()
			page = w.page
		}
		n := utf8.RuneCountInString(w.text)
		if n == 0 {
			continue
		}
		// a word's box gives its width: its characters share it by their
		// guessed widths (a Chinese character twice a digit's)
		size, y := w.height, -w.top
		if w.fontBox {
			// (pdftohtml's runs have tops and heights of the line, the
			// same for a row's label and its numbers)
			y = -(w.top + w.height/2)
			if w.mid > 0 {
				y = -w.mid
			}
			em := 0.0
			for _, r := range w.text {
				em += glyphWidth(r, 1)
			}
			if em > 0 && w.width > 0 {
				size = min(size, w.width/em)
			}
		}
		guess := 0.0
		for _, r := range w.text {
			guess += glyphWidth(r, size)
		}
		scale := 1.0
		if guess > 0 && w.width > 0 {
			scale = w.width / guess
		}
		x := w.left
		from := len(pg.glyphs)
		for _, r := range w.text {
			gw := glyphWidth(r, size) * scale
			if r != ' ' && r != '\u00a0' {
				pg.glyphs = append(pg.glyphs, pdf.Text{FontSize: size, X: x, Y: y, W: gw, S: string(r)})
			}
			x += gw
		}
		pg.endRun(from)
	}
	pg.flush()
	return pg.b.String()
}
