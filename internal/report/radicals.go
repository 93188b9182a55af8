package report

import (
	"strings"
	"unicode/utf8"

	unorm "golang.org/x/text/unicode/norm"
)

// Many Chinese PDFs map some glyphs of their fonts to the look-alike
// characters of the radical blocks (⼀ U+2F00 for 一, ⼈ for 人, ⾏ for 行,
// ⺠ for 民, ⻔ for 门) or of the compatibility block (不 U+F967 for 不): the
// page looks right, but the text copied or converted out of it holds other
// characters, and no label, heading or agency name matches. The reader takes
// each for the character it shows, and says so (PARSE.READ).

// radicalForm is the character r stands for, and whether it is one of those.
func radicalForm(r rune) (rune, bool) {
	switch {
	case r >= 0x2F00 && r <= 0x2FD5, r >= 0xF900 && r <= 0xFAFF:
		// a Kangxi radical's compatibility mapping, a compatibility
		// ideograph's canonical one: each is one unified ideograph
		if u, _ := utf8.DecodeRuneInString(unorm.NFKC.String(string(r))); u != r && u != utf8.RuneError {
			return u, true
		}
	case r >= 0x2E80 && r <= 0x2EFF:
		if u, ok := supplementForms[r]; ok {
			return u, true
		}
	}
	return r, false
}

// supplementForms are the radicals of the supplement block that are whole
// characters in simplified Chinese (most have no Unicode mapping: their names
// say which character they are, CJK RADICAL C-SIMPLIFIED GATE is 门).
var supplementForms = map[rune]rune{
	'⺟': '母', '⺠': '民', '⻁': '虎', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车',
	'⻓': '长', '⻔': '门', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食',
	'⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄',
	'⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
}

// foldLine writes the line's radical forms as the characters they show,
// keeping the text as it was in Shown.
func foldLine(l *Line) {
	t, n := foldRadicals(l.Text)
	if n == 0 {
		return
	}
	l.Shown, l.Text = l.Text, t
	for k, f := range l.Fields {
		l.Fields[k], _ = foldRadicals(f)
	}
}

// foldRadicals writes each such character of s as the one it shows, and
// counts them.
func foldRadicals(s string) (string, int) {
	n := 0
	out := strings.Map(func(r rune) rune {
		u, ok := radicalForm(r)
		if ok {
			n++
		}
		return u
	}, s)
	return out, n
}

// radicalsRead counts the radical forms the lines held, with the first in a
// few characters of its line, as shown and as read.
func radicalsRead(lines []Line) (n int, shown, read string) {
	for _, l := range lines {
		if l.Shown == "" {
			continue
		}
		if n == 0 {
			for i, r := range l.Shown {
				if _, ok := radicalForm(r); ok {
					rs := []rune(l.Shown[runesBefore(l.Shown, i, 3):])
					shown = strings.TrimSpace(string(rs[:min(len(rs), 8)]))
					read, _ = foldRadicals(shown)
					break
				}
			}
		}
		_, k := foldRadicals(l.Shown)
		n += k
	}
	return n, shown, read
}
