package report

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// A composite font's codes (PDF reference 9.7.5): Identity-H's are CIDs;
// the predefined CMaps of the Adobe-GB1 collection that Chinese PDFs use
// when a font is not embedded (ReportLab's and iText's STSong-Light writes
// UniGB-UCS2-H, Acrobat's SimSun GBK-EUC-H) are Unicode or GBK, and such a
// font has no ToUnicode map: the text is the code itself, and the CID, which
// gives the glyph's width in W, comes from the collection's table.
type cjkCodes int

const (
	cjkNone     cjkCodes = iota
	cjkIdentity          // two bytes, the CID
	cjkUTF16             // UniGB-UCS2, UniGB-UTF16: two bytes, or four for a surrogate pair
	cjkUTF8              // UniGB-UTF8
	cjkUTF32             // UniGB-UTF32
	cjkGBEUC             // GB-EUC, GBK-EUC: one byte up to 0x80, else two; ASCII half-width
	cjkGBpc              // GBpc-EUC, GBKp-EUC: the same, ASCII proportional
	cjkGBK2K             // GBK2K: GB 18030's one, two and four bytes
)

// cjkCodesOf tells a Type0 font's encoding by its CMap's name (-H and -V
// alike: a vertical font's codes are the same).
func cjkCodesOf(name string) cjkCodes {
	switch strings.TrimSuffix(strings.TrimSuffix(name, "-H"), "-V") {
	case "Identity":
		return cjkIdentity
	case "UniGB-UCS2", "UniGB-UTF16":
		return cjkUTF16
	case "UniGB-UTF8":
		return cjkUTF8
	case "UniGB-UTF32":
		return cjkUTF32
	case "GB-EUC", "GBK-EUC", "GBT-EUC":
		return cjkGBEUC
	case "GBpc-EUC", "GBKp-EUC", "GBTpc-EUC":
		return cjkGBpc
	case "GBK2K":
		return cjkGBK2K
	}
	return cjkNone
}

// next reads the first code of s: its length in bytes, its value and, for
// the encodings whose codes are characters, its text and its CID in
// Adobe-GB1 (0 where the table has none: the default width).
func (c cjkCodes) next(s string) (n, code int, text string, cid int) {
	if s == "" {
		return 0, 0, "", 0
	}
	n = 2
	switch c {
	case cjkUTF16:
		if len(s) >= 4 && s[0]&0xFC == 0xD8 && s[2]&0xFC == 0xDC {
			n = 4
		}
	case cjkUTF8:
		_, n = utf8.DecodeRuneInString(s)
	case cjkUTF32:
		n = 4
	case cjkGBEUC, cjkGBpc, cjkGBK2K:
		switch {
		case s[0] <= 0x80:
			n = 1
		case c == cjkGBK2K && len(s) >= 4 && s[1] >= 0x30 && s[1] <= 0x39:
			n = 4
		}
	}
	n = min(n, len(s))
	for i := range n {
		code = code<<8 | int(s[i])
	}
	var r rune
	switch c {
	case cjkIdentity:
		return n, code, "", code
	case cjkUTF16:
		if n == 4 {
			r = utf16.DecodeRune(rune(code>>16), rune(code&0xFFFF))
		} else {
			r = rune(code)
		}
	case cjkUTF8:
		r, _ = utf8.DecodeRuneInString(s[:n])
	case cjkUTF32:
		r = rune(code)
	default:
		if n == 1 {
			r = rune(code)
			switch {
			case c == cjkGBEUC && code == 0x20:
				return n, code, " ", 7716
			case c == cjkGBEUC && code > 0x20 && code < 0x7F:
				return n, code, string(r), 814 + code - 0x21
			}
			break
		}
		t, err := simplifiedchinese.GB18030.NewDecoder().String(s[:n])
		if err != nil || utf8.RuneCountInString(t) != 1 {
			return n, code, "", 0
		}
		r, _ = utf8.DecodeRuneInString(t)
	}
	if r < 0x20 || r == utf8.RuneError || !utf8.ValidRune(r) {
		return n, code, "", 0
	}
	return n, code, string(r), gb1().cid[r]
}

// adobeGB1UCS2 is Adobe's CMap from Adobe-GB1's CIDs to Unicode (see
// cmap/README.md).
//
//go:embed cmap/Adobe-GB1-UCS2
var adobeGB1UCS2 string

// gb1Table is Adobe-GB1 both ways: a CID's character, and a character's
// first CID (the horizontal, proportional one where there are several).
type gb1Table struct {
	uni []rune
	cid map[rune]int
}

// gb1 reads the embedded table once, when a PDF first needs it: a CMap of
// two-byte codes (the CIDs) to text, read as a font's ToUnicode map is.
var gb1 = sync.OnceValue(func() *gb1Table {
	t := &gb1Table{cid: make(map[rune]int, 30000)}
	set := func(cid int, text string) {
		r, _ := utf8.DecodeRuneInString(text) // a variation selector after it is dropped
		if cid <= 0 || cid > 1<<16 || text == "" || r == 0xFFFD {
			return
		}
		for len(t.uni) <= cid {
			t.uni = append(t.uni, 0)
		}
		t.uni[cid] = r
		if old, ok := t.cid[r]; !ok || cid < old {
			t.cid[r] = cid
		}
	}
	u := parseToUnicode(adobeGB1UCS2, 2)
	for cid, text := range u.chars {
		set(cid, text)
	}
	for _, r := range u.ranges {
		for cid := r.lo; cid <= r.hi; cid++ {
			text, _ := u.text(cid)
			set(cid, text)
		}
	}
	return t
})

// text is a CID's character, "" where the collection has none.
func (t *gb1Table) text(cid int) string {
	if cid <= 0 || cid >= len(t.uni) || t.uni[cid] == 0 {
		return ""
	}
	return string(t.uni[cid])
}
