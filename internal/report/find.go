package report

import (
	"encoding/binary"
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
// UTF-8, or U+FFFD written out (a converter's mark for a glyph it lost). One
// pass, which decodes only what plainRune does not pass over (it searched
// for U+FFFD, then validated: each over every rune of a table's lines).
func hasBadRune(s string) bool {
	for i := 0; i < len(s); {
		if n := plainRune(s, i); n > 0 {
			i += n
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError {
			return true
		}
		i += n
	}
	return false
}

// validUTF8 is utf8.Valid, passing over what plainRune would without
// decoding it: the utf8 package reads a Chinese text rune by rune through its
// tables.
func validUTF8(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if i+8 <= len(b) && binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 == 0 {
				i += 8 // eight ASCII bytes (a page's markup), as utf8.Valid passes them
			} else {
				i++
			}
			continue
		}
		if c >= 0xE1 && c <= 0xEC && i+2 < len(b) && b[i+1]&0xC0 == 0x80 && b[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return false
		}
		i += n
	}
	return true
}

// plainRune is the length of the rune at s[i] when it is ASCII, or three
// bytes led by E1–EC (most Chinese characters), which are valid UTF-8 and
// never U+FFFD (EF BF BD); 0 for any other.
func plainRune(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		return 1
	}
	if c >= 0xE1 && c <= 0xEC && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return 3
	}
	return 0
}
