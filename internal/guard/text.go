package guard

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Text is s as text that both databases and the documents gongkai writes can
// hold. ok is false when s is not UTF-8 or holds a NUL: PostgreSQL refuses
// both (a form or a search with them failed with 500 there, while SQLite
// stored them), and what was meant cannot be known. A vertical tab or a form
// feed, which text pasted from PowerPoint or Word carries for a line break,
// becomes a line break; other control characters, invisible and not allowed
// in XML (DOCX, XLSX), are dropped. Tab and line breaks stay.
func Text(s string) (clean string, ok bool) {
	if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
		return s, false
	}
	if strings.IndexFunc(s, control) < 0 {
		return s, true
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\v' || r == '\f':
			b.WriteByte('\n')
		case control(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), true
}

// control is a C0 control character other than tab and line breaks, or DEL.
func control(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f
}

// HalfWidth is r with the full-width forms of ASCII (what a Chinese input
// method types: １３８, ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｎ, ２０２６－０３－０５) and the
// ideographic space written as ASCII. strings.Map(guard.HalfWidth, s) does a
// string.
func HalfWidth(r rune) rune {
	switch {
	case r >= '！' && r <= '～':
		return r - '！' + '!'
	case r == '\u3000':
		return ' '
	}
	return r
}

// UTF8 returns a text file as UTF-8 whatever an editor saved it as: a
// byte-order mark decides (UTF-8, and UTF-16 — Notepad's "Unicode"); valid
// UTF-8 is taken as it is; anything else is read as GB18030, the superset of
// the GBK and GB2312 that Chinese Windows saves as "ANSI". A holiday notice
// or a report written in Notepad had been read as bytes: garbled, and stored
// so.
func UTF8(data []byte) []byte {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		if d, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(data); err == nil {
			return d
		}
		return data
	case utf8.Valid(data):
		return data
	}
	if d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data); err == nil {
		return d
	}
	return data
}
