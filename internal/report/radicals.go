package report

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"gongkai/internal/guard"
)

// The look-alikes of Han characters that PDF fonts map glyphs to (⼀ for 一,
// guard.HanForm) are read as the characters they show, or no label, heading
// or agency name would match; the reader says so (PARSE.READ), as the
// published text is at fault.

// foldLine writes the line's radical forms as the characters they show,
// keeping the text as it was in Shown.
func foldLine(l *Line) {
	t, n := guard.FoldHan(l.Text)
	if n == 0 {
		return
	}
	if l.Shown() == "" { // (unspaceRadicals may have kept it already)
		l.setShown(l.Text)
	}
	l.Text = t
	for k, f := range l.Fields {
		l.Fields[k], _ = guard.FoldHan(f)
	}
}

// radicalsRead counts the radical forms the lines held, with the first: as
// read in a few characters of its line, and itself with the character it
// shows (a page's font may have no glyph for it: its code point says which).
func radicalsRead(lines []Line) (n int, read string, first, as rune) {
	for _, l := range lines {
		shown := l.Shown()
		if shown == "" {
			continue
		}
		for i, r := range shown {
			u, ok := guard.HanForm(r)
			if !ok {
				continue
			}
			if n == 0 {
				rs := []rune(shown[runesBefore(shown, i, 3):])
				read, _ = guard.FoldHan(strings.TrimSpace(string(rs[:min(len(rs), 8)])))
				first, as = r, u
			}
			n++
		}
	}
	return n, read, first, as
}

// Text taken out of a PDF by pdf.js (pdf-parse, officeparser and the
// crawlers built on them) sets each radical form apart by a space, as if it
// were a word of its own: "通过 ⻔ ⼾ ⽹ 站发布", "（ ⼀ ）予以公开", "⾏ 政处罚". Those
// spaces are the converter's, not the report's: read as written, every one
// of them is a TXT.SPACE and a label with one matches its row only by
// distance. They are dropped where the text spaces its radical forms so
// throughout (radicalsSpaced); a text that writes them glued to their
// neighbours keeps any space it has, which may be a column's border.

// radicalSides counts, over the lines, the sides of radical forms that face a
// Han character or Chinese punctuation across one space, and those that face
// one directly.
func radicalSides(lines []Line) (spaced, glued int) {
	for _, l := range lines {
		t := l.Text
		if !guard.HasHanForm(t) {
			continue
		}
		for i, r := range t {
			if _, ok := guard.HanForm(r); !ok {
				continue
			}
			size := utf8.RuneLen(r)
			before, _ := utf8.DecodeLastRuneInString(t[:i])
			after, _ := utf8.DecodeRuneInString(t[i+size:])
			for k, near := range [2]rune{before, after} {
				switch {
				case hanSide(near):
					glued++
				case near == ' ':
					var far rune
					if k == 0 {
						far, _ = utf8.DecodeLastRuneInString(t[:i-1])
					} else {
						far, _ = utf8.DecodeRuneInString(t[i+size+1:])
					}
					if hanSide(far) {
						spaced++
					}
				}
			}
		}
	}
	return spaced, glued
}

// hanSide is a character a radical form stands beside in running Chinese
// text: a Han character (or another radical form) or Chinese punctuation.
func hanSide(r rune) bool {
	if _, ok := guard.HanForm(r); ok {
		return true
	}
	return unicode.Is(unicode.Han, r) || r >= 0x3001 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF0F || r >= 0xFF1A && r <= 0xFF20 || r == '“' || r == '”'
}

// radicalsSpaced says the text sets its radical forms apart: at least eight
// sides spaced, and at most one side in ten glued.
func radicalsSpaced(lines []Line) bool {
	spaced, glued := radicalSides(lines)
	return spaced >= 8 && glued*10 <= spaced+glued
}

// unspaceRadicals drops the single space between a radical form and the
// Han character or Chinese punctuation beside it.
func unspaceRadicals(l *Line) {
	t := l.Text
	if !guard.HasHanForm(t) || strings.IndexByte(t, ' ') < 0 {
		return
	}
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		if t[i] == ' ' && i > 0 && i+1 < len(t) {
			before, _ := utf8.DecodeLastRuneInString(t[:i])
			after, _ := utf8.DecodeRuneInString(t[i+1:])
			_, rb := guard.HanForm(before)
			_, ra := guard.HanForm(after)
			if (rb || ra) && hanSide(before) && hanSide(after) {
				continue
			}
		}
		b.WriteByte(t[i])
	}
	if b.Len() != len(t) {
		l.setShown(t)
		l.Text = b.String()
	}
}
