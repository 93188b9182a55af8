package report

import (
	"strings"
	"unicode/utf8"
)

// indexText is strings.Index for the text this package reads, which is
// mostly Chinese. strings.Index looks for the needle's first byte, and in
// Chinese text that is one of the six bytes (E4–E9) that start nearly every
// character: it stops at most characters and calls its byte search again
// each time, which made substring search a tenth of the auditor's time. The
// third byte of a character is one of 64 and spread evenly, so for a needle
// that starts with such a character indexText looks for its third byte and
// compares from two bytes before it.
// Every place where the whole needle occurs has that byte there, and the
// places are tried in order: the result is strings.Index's.
func indexText(s, sub string) int {
	if len(sub) < 3 || sub[0] < 0xE4 || sub[0] > 0xE9 {
		// ASCII, punctuation (、。 and the full-width space start E3, （ EF):
		// a first byte that few characters share, which its search suits
		return strings.Index(s, sub)
	}
	c := sub[2]
	fails := 0
	for i := 2; i < len(s); {
		k := strings.IndexByte(s[i:], c)
		if k < 0 {
			return -1
		}
		j := i + k - 2
		if j+len(sub) <= len(s) && s[j:j+len(sub)] == sub {
			return j
		}
		i += k + 1
		// a text made of that byte (crafted, or one character over and
		// over) would make each place a comparison: from here the
		// standard search, which bounds its work whatever the text
		if fails++; fails > 64 && fails > i/8 {
			if r := strings.Index(s[j+1:], sub); r >= 0 {
				return j + 1 + r
			}
			return -1
		}
	}
	return -1
}

// hasText is strings.Contains by indexText.
func hasText(s, sub string) bool { return indexText(s, sub) >= 0 }

// hasAnyRune is strings.ContainsAny for a set of runes without U+FFFD (the
// sets here are constants): strings.ContainsAny decodes every rune of s and
// looks for it in the set; one search for each of the set's few runes is
// several times faster over Chinese text.
func hasAnyRune(s, chars string) bool {
	for i := 0; i < len(chars); {
		if c := chars[i]; c < utf8.RuneSelf {
			if strings.IndexByte(s, c) >= 0 {
				return true
			}
			i++
			continue
		}
		_, n := utf8.DecodeRuneInString(chars[i:])
		if indexText(s, chars[i:i+n]) >= 0 {
			return true
		}
		i += n
	}
	return false
}

// hasBadRune is strings.ContainsRune(s, utf8.RuneError): a byte that is no
// UTF-8, or U+FFFD written out (a converter's mark for a glyph it lost).
func hasBadRune(s string) bool {
	return hasText(s, "\uFFFD") || !utf8.ValidString(s)
}
