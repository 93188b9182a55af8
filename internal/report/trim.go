package report

import (
	"unicode"
	"unicode/utf8"
)

// trimSpace is strings.TrimSpace, which reads every Chinese end rune by
// rune through the Unicode tables: here an end that is a letter, a digit or
// a CJK character (most of them) stops the trimming at once, and the rest is
// read rune by rune with unicode.IsSpace, as strings.TrimSpace does.
func trimSpace(s string) string {
	i := 0
	for i < len(s) && !solidStart(s[i:]) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiSpace(c) {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	s = s[i:]
	for len(s) > 0 && !solidEnd(s) {
		c := s[len(s)-1]
		if c < utf8.RuneSelf {
			if !asciiSpace(c) {
				break
			}
			s = s[:len(s)-1]
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s)
		if !unicode.IsSpace(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// asciiSpace is strings.TrimSpace's ASCII white space.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
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
