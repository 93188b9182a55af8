package report

import (
	"strings"
	"unicode/utf8"
)

// trimSpace is strings.TrimSpace, which reads every Chinese end rune by
// rune through the Unicode tables: here a line that starts and ends with a
// letter, a digit or a CJK character (most of them) is returned at once.
func trimSpace(s string) string {
	if len(s) == 0 || !solidStart(s) || !solidEnd(s) {
		return strings.TrimSpace(s)
	}
	return s
}

// solidStart: the first rune is printable ASCII other than space, or a
// CJK character (lead bytes E4–E9: U+4000–U+9FFF), none of them space.
func solidStart(s string) bool {
	c := s[0]
	return c > ' ' && c < utf8.RuneSelf || c >= 0xE4 && c <= 0xE9
}

// solidEnd is solidStart for the last rune.
func solidEnd(s string) bool {
	c := s[len(s)-1]
	if c < utf8.RuneSelf {
		return c > ' '
	}
	n := len(s)
	return n >= 3 && s[n-3] >= 0xE4 && s[n-3] <= 0xE9 && s[n-2]&0xC0 == 0x80 && c&0xC0 == 0x80
}
