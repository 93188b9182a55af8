package guard

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Many Chinese PDFs map some glyphs of their fonts to the look-alike
// characters of the radical blocks (⼀ U+2F00 for 一, ⼈ for 人, ⾏ for 行,
// ⺠ for 民, ⻔ for 门) or of the compatibility block (不 U+F967 for 不): the
// page looks right, but the text copied or converted out of it holds other
// characters, which no search, label or name matches. No one means them:
// what is typed, pasted or imported, what is searched for, and what the
// auditor reads take each for the character it shows.

// HanForm is the character r stands for, and whether r is one of those.
func HanForm(r rune) (rune, bool) {
	switch {
	case r >= 0x2F00 && r <= 0x2FD5:
		return kangxiForms[r-0x2F00], true
	case r >= 0xF900 && r <= 0xFAFF:
		if u := compatForms[r-0xF900]; u != 0 {
			return u, true
		}
	case r >= 0x2E80 && r <= 0x2EFF:
		if u, ok := supplementForms[r]; ok {
			return u, true
		}
	}
	return r, false
}

// kangxiForms and compatForms are the unified ideographs of the Kangxi
// radicals (their compatibility mapping) and of the compatibility
// ideographs (their canonical one; 0 for the few without one, characters
// of their own), worked out once: a hostile text may be nothing else.
var kangxiForms, compatForms = func() (k [0x2FD6 - 0x2F00]rune, c [0xFB00 - 0xF900]rune) {
	one := func(r rune) rune {
		if u, _ := utf8.DecodeRuneInString(norm.NFKC.String(string(r))); u != r && u != utf8.RuneError {
			return u
		}
		return 0
	}
	for i := range k {
		k[i] = one(rune(0x2F00 + i))
	}
	// ⼾'s compatibility mapping is 戶, the traditional form; a simplified
	// Chinese font draws it with 户's glyph (Noto Sans CJK SC gives both one
	// glyph, which is why a PDF's text holds ⼾ for 门户), and a report in
	// simplified Chinese never means 戶
	k['⼾'-0x2F00] = '户'
	for i := range c {
		c[i] = one(rune(0xF900 + i))
	}
	return k, c
}()

// supplementForms are the radicals of the supplement block that are whole
// characters in simplified Chinese (most have no Unicode mapping: their names
// say which character they are, CJK RADICAL C-SIMPLIFIED GATE is 门).
var supplementForms = map[rune]rune{
	'⺟': '母', '⺠': '民', '⻁': '虎', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车',
	'⻓': '长', '⻔': '门', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食',
	'⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄',
	'⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
}

// HasHanForm says s may hold one of those characters: the radical blocks are
// E2 BA 80 – E2 BF 9F in UTF-8, the compatibility block EF A4 80 – EF AB BF.
// A byte search (0xE2 also leads the quotes and dashes of Chinese text, 0xEF
// its full-width punctuation, so each is looked at).
func HasHanForm(s string) bool {
	for _, lead := range [...]byte{0xE2, 0xEF} {
		lo, hi := byte(0xBA), byte(0xBF)
		if lead == 0xEF {
			lo, hi = 0xA4, 0xAB
		}
		for i := 0; ; {
			j := strings.IndexByte(s[i:], lead)
			if j < 0 || i+j+1 >= len(s) {
				break
			}
			i += j + 1
			if b := s[i]; b >= lo && b <= hi {
				return true
			}
		}
	}
	return false
}

// FoldHan is s with each such character written as the one it shows, and
// how many there were.
func FoldHan(s string) (string, int) {
	n := 0
	out := strings.Map(func(r rune) rune {
		u, ok := HanForm(r)
		if ok {
			n++
		}
		return u
	}, s)
	return out, n
}

// Plain is Text, then FoldHan: what every value typed, pasted, posted or
// imported is kept as.
func Plain(s string) (clean string, ok bool) {
	clean, ok = Text(s)
	if ok && HasHanForm(clean) {
		clean, _ = FoldHan(clean)
	}
	return clean, ok
}
