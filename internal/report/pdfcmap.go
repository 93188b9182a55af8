package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/ledongthuc/pdf"
)

// embeddedCMap is a Type0 font's encoding written into the file as a CMap
// stream instead of named (PDF reference 9.7.5.3): Ghostscript's PDF/A
// output writes OneByteIdentityH, one-byte codes each its own CID, for the
// fonts of every PDF it converts. Its code space says how many bytes each
// code takes, its cidrange and cidchar entries which CID (for the width) a
// code is; the text comes from the font's ToUnicode map. The library read
// such codes two bytes at a time: the whole text came out as noise.
type embeddedCMap struct {
	spaces []codeSpace
	cids   []cmapCIDs // by lo
}

// codeSpace is a range of codes n bytes long, each byte within its bounds.
type codeSpace struct {
	n      int
	lo, hi [4]byte
}

// cmapCIDs maps the n-byte codes lo–hi to the CIDs from cid on.
type cmapCIDs struct {
	n, lo, hi, cid int
}

// readEmbeddedCMap reads an encoding CMap stream, its first 64 KB (a
// CMap of a subset font is a few hundred bytes; Adobe's predefined ones,
// embedded whole, 100 KB – 1 MB, are named instead), from the budget of the
// document's maps (see readToUnicode). nil: no code space in it.
func readEmbeddedCMap(v pdf.Value, budget *int64) *embeddedCMap {
	data, ok := readBudgeted(v, 64<<10, budget)
	if !ok {
		return nil
	}
	return parseEmbeddedCMap(string(data))
}

// parseEmbeddedCMap reads a CMap's codespacerange, cidrange and cidchar
// entries as tokens, as parseToUnicode reads a ToUnicode map. At most 16 code
// spaces and 16 384 CID entries are kept.
func parseEmbeddedCMap(t string) *embeddedCMap {
	m := &embeddedCMap{}
	// the tokens of a block: <hex> strings decoded, numbers as they are
	tokens := func(b string) (out []string) {
		for b != "" && len(out) < 3<<14 {
			b = strings.TrimLeft(b, " \t\r\n\f\x00")
			switch {
			case b == "":
			case b[0] == '<':
				e := strings.IndexByte(b, '>')
				if e < 0 {
					return out
				}
				out = append(out, "<"+cmapHex(b[1:e]))
				b = b[e+1:]
			default:
				e := strings.IndexAny(b, " \t\r\n\f\x00<")
				if e < 0 {
					e = len(b)
				}
				out = append(out, b[:e])
				b = b[e:]
			}
		}
		return out
	}
	code := func(tok string) (n, c int, ok bool) {
		h, ok := strings.CutPrefix(tok, "<")
		if !ok || len(h) == 0 || len(h) > 4 {
			return 0, 0, false
		}
		for i := range len(h) {
			c = c<<8 | int(h[i])
		}
		return len(h), c, true
	}
	blocks := func(begin, end string, each func([]string)) {
		cmapBlocks(t, begin, end, func(b string) { each(tokens(b)) })
	}
	blocks("begincodespacerange", "endcodespacerange", func(ts []string) {
		for k := 0; k+1 < len(ts) && len(m.spaces) < 16; k += 2 {
			lo, ok1 := strings.CutPrefix(ts[k], "<")
			hi, ok2 := strings.CutPrefix(ts[k+1], "<")
			if !ok1 || !ok2 || len(lo) != len(hi) || len(lo) == 0 || len(lo) > 4 {
				continue
			}
			sp := codeSpace{n: len(lo)}
			copy(sp.lo[:], lo)
			copy(sp.hi[:], hi)
			m.spaces = append(m.spaces, sp)
		}
	})
	add := func(n, lo, hi int, cid string) {
		c, err := strconv.Atoi(cid)
		if err != nil || hi < lo || c < 0 || len(m.cids) >= 1<<14 {
			return
		}
		m.cids = append(m.cids, cmapCIDs{n: n, lo: lo, hi: hi, cid: c})
	}
	blocks("begincidrange", "endcidrange", func(ts []string) {
		for k := 0; k+2 < len(ts); k += 3 {
			n, lo, ok1 := code(ts[k])
			n2, hi, ok2 := code(ts[k+1])
			if ok1 && ok2 && n == n2 {
				add(n, lo, hi, ts[k+2])
			}
		}
	})
	blocks("begincidchar", "endcidchar", func(ts []string) {
		for k := 0; k+1 < len(ts); k += 2 {
			if n, c, ok := code(ts[k]); ok {
				add(n, c, c, ts[k+1])
			}
		}
	})
	if len(m.spaces) == 0 {
		return nil
	}
	slices.SortStableFunc(m.cids, func(a, b cmapCIDs) int { return cmp.Compare(a.lo, b.lo) })
	return m
}

// next reads the first code of s: its length in bytes (the first code
// space it fits, else the shortest's length, as a reader skips a byte it
// cannot place), its value and its CID (0 where no entry maps it: the
// default width).
func (m *embeddedCMap) next(s string) (n, code, cid int) {
	if s == "" {
		return 0, 0, 0
	}
	n = 4
	for _, sp := range m.spaces {
		n = min(n, sp.n)
	}
	for _, sp := range m.spaces {
		if sp.n > len(s) {
			continue
		}
		fits := true
		for i := range sp.n {
			if s[i] < sp.lo[i] || s[i] > sp.hi[i] {
				fits = false
				break
			}
		}
		if fits {
			n = sp.n
			break
		}
	}
	n = min(n, len(s))
	for i := range n {
		code = code<<8 | int(s[i])
	}
	// the last entry starting at or before code
	k, found := slices.BinarySearchFunc(m.cids, code, func(r cmapCIDs, c int) int { return cmp.Compare(r.lo, c) })
	if !found {
		k--
	}
	// (a few entries back: one of another length may start at the same
	// value, <00> and <0000>; a CMap's ranges do not nest deeper)
	for stop := k - 8; k >= 0 && k > stop; k-- {
		if r := m.cids[k]; r.n == n && code <= r.hi {
			return n, code, r.cid + code - r.lo
		}
	}
	return n, code, 0
}

// size is the length of every code, when the code spaces agree on one;
// else 0 (as parseToUnicode takes it: any length).
func (m *embeddedCMap) size() int {
	n := m.spaces[0].n
	for _, sp := range m.spaces[1:] {
		if sp.n != n {
			return 0
		}
	}
	return n
}
