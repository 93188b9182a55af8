package report

import (
	"encoding/binary"
	"io"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// glyphChars are the characters of an embedded TrueType font's glyphs, read
// from the font program's own cmap table, for a CID font that has no
// ToUnicode map (a printer driver's Identity-H font of the Identity
// collection): its codes are CIDs, its CIDs glyphs (CIDToGIDMap), and the
// font maps characters to those glyphs. pdftotext reads such a file as
// noise; pdf.js reads it this way. A glyph the cmap reaches from several
// characters keeps the first, a unified ideograph before a radical's form.
type glyphChars struct {
	byGID    map[uint16]rune
	cidToGID []byte // the CIDToGIDMap stream, two bytes a CID; nil: Identity
}

// maxFontProgram bounds the bytes of an embedded font read for its cmap (a
// subset of a Chinese font is a few hundred KB; a whole one 10 – 20 MB).
const maxFontProgram = 32 << 20

// readGlyphChars reads desc's embedded TrueType font's cmap, from the budget
// of the document's maps (see readToUnicode). nil: no font program, or no
// Unicode subtable.
func readGlyphChars(desc pdf.Value, budget *int64) *glyphChars {
	ff := desc.Key("FontDescriptor").Key("FontFile2")
	if ff.Kind() != pdf.Stream {
		return nil
	}
	data, ok := readBudgeted(ff, maxFontProgram, budget)
	if !ok {
		return nil
	}
	byGID := sfntCharsByGlyph(data)
	if len(byGID) == 0 {
		return nil // (a subset's may be short: the digits of a bold title, 0 2 4)
	}
	g := &glyphChars{byGID: byGID}
	if m := desc.Key("CIDToGIDMap"); m.Kind() == pdf.Stream {
		mr := m.Reader()
		defer mr.Close()
		g.cidToGID, _ = io.ReadAll(io.LimitReader(mr, 2<<16))
	}
	return g
}

// text is a CID's character, or "" for a glyph the cmap does not reach.
func (g *glyphChars) text(cid int) string {
	gid := cid
	if g.cidToGID != nil {
		if 2*cid+1 >= len(g.cidToGID) || cid < 0 {
			return ""
		}
		gid = int(binary.BigEndian.Uint16(g.cidToGID[2*cid:]))
	}
	if gid < 0 || gid > 0xFFFF {
		return ""
	}
	if r, ok := g.byGID[uint16(gid)]; ok {
		return string(r)
	}
	return ""
}

// sfntCharsByGlyph reads a TrueType/OpenType font's Unicode cmap subtable
// (platform 3 encoding 10 or 1, or platform 0; formats 12 and 4) into the
// character of each glyph. Every offset is checked against the data: a
// damaged font gives what it holds, or nothing. At most 65 536 glyphs.
func sfntCharsByGlyph(data []byte) map[uint16]rune {
	u16 := func(o int) (int, bool) {
		if o < 0 || o+2 > len(data) {
			return 0, false
		}
		return int(binary.BigEndian.Uint16(data[o:])), true
	}
	u32 := func(o int) (int, bool) {
		if o < 0 || o+4 > len(data) {
			return 0, false
		}
		return int(binary.BigEndian.Uint32(data[o:])), true
	}
	n, ok := u16(4)
	if !ok {
		return nil
	}
	cmap := -1
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil
		}
		if string(data[rec:rec+4]) == "cmap" {
			cmap, _ = u32(rec + 8)
		}
	}
	if cmap < 0 {
		return nil
	}
	tables, _ := u16(cmap + 2)
	best, rank := -1, 0
	for i := range min(tables, 64) {
		p, ok1 := u16(cmap + 4 + 8*i)
		e, ok2 := u16(cmap + 6 + 8*i)
		off, ok3 := u32(cmap + 8 + 8*i)
		if !ok1 || !ok2 || !ok3 {
			break
		}
		r := 0
		switch {
		case p == 3 && e == 10:
			r = 3
		case p == 3 && e == 1:
			r = 2
		case p == 0:
			r = 1
		}
		if r > rank {
			best, rank = cmap+off, r
		}
	}
	if best < 0 {
		return nil
	}
	out := map[uint16]rune{}
	// work counts the characters visited: a font's ranges may overlap or
	// span all of Unicode (a hostile one's 65 536 groups of 65 536 each),
	// where a real font maps some 30 000 characters
	work := 0
	add := func(c rune, gid int) {
		if work++; gid <= 0 || gid > 0xFFFF || !utf8.ValidRune(c) || c < 0x20 || len(out) >= 1<<16 {
			return
		}
		old, ok := out[uint16(gid)]
		// a unified ideograph before a radical's form of it (⽂ U+2F42 and
		// 文 reach one glyph), a character before a private one
		if !ok || radicalForm(old) && !radicalForm(c) || old >= 0xE000 && old <= 0xF8FF && !(c >= 0xE000 && c <= 0xF8FF) {
			out[uint16(gid)] = c
		}
	}
	format, _ := u16(best)
	switch format {
	case 4:
		segs, _ := u16(best + 6)
		segs /= 2
		ends, starts := best+14, best+16+2*segs
		deltas, offsets := starts+2*segs, starts+4*segs
		for s := range segs {
			end, ok1 := u16(ends + 2*s)
			start, ok2 := u16(starts + 2*s)
			delta, ok3 := u16(deltas + 2*s)
			ro, ok4 := u16(offsets + 2*s)
			if !ok1 || !ok2 || !ok3 || !ok4 || start > end {
				continue
			}
			for c := start; c <= end && c != 0xFFFF && work < maxCmapWork; c++ {
				gid := 0
				if ro == 0 {
					gid = (c + delta) & 0xFFFF
				} else {
					g, ok := u16(offsets + 2*s + ro + 2*(c-start))
					if !ok {
						break
					}
					if g != 0 {
						gid = (g + delta) & 0xFFFF
					}
				}
				add(rune(c), gid)
			}
		}
	case 12:
		groups, _ := u32(best + 12)
		for i := range min(groups, 1<<16) {
			start, ok1 := u32(best + 16 + 12*i)
			end, ok2 := u32(best + 20 + 12*i)
			gid, ok3 := u32(best + 24 + 12*i)
			if !ok1 || !ok2 || !ok3 || start > end || end-start > 1<<16 {
				break
			}
			for c := start; c <= end && work < maxCmapWork; c++ {
				add(rune(c), gid+c-start)
			}
		}
	}
	return out
}

// maxCmapWork bounds the characters sfntCharsByGlyph visits in a font's
// cmap: four times what the largest Chinese font maps.
const maxCmapWork = 1 << 17

// radicalForm says a character is a Kangxi radical or a CJK radical
// supplement's: a font maps it to the glyph of the ideograph it stands for.
func radicalForm(r rune) bool {
	return r >= 0x2E80 && r <= 0x2FDF || unicode.Is(unicode.Radical, r) && !unicode.Is(unicode.Ideographic, r)
}
