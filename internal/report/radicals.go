package report

import (
	"strings"

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
	l.setShown(l.Text)
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
