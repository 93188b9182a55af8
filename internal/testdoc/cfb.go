package testdoc

import (
	"bytes"
	"encoding/binary"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
)

// Stream is a stream of a compound file at its path of storages
// ("__attach_version1.0_#00000000/__substg1.0_37010102"; a name alone is
// at the root).
type Stream struct {
	Path string
	Data []byte
}

// Compound writes an OLE2 compound file (MS-CFB, version 3, 512-byte
// sectors) of the streams: the files Word 97, Outlook (.msg) and an
// encrypted DOCX are. A stream under 4 096 bytes lives in the mini stream
// (64-byte sectors chained in the mini FAT), as every producer writes it;
// the FAT's sectors (each maps 128) are listed in the header (up to 109:
// a file of 7 MB).
func Compound(t testing.TB, streams ...Stream) []byte {
	t.Helper()
	const sector, endOfChain, free, fatSect, noStream = 512, 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
	type node struct {
		name  string
		data  []byte
		kids  []int
		store bool
	}
	nodes := []*node{{name: "Root Entry", store: true}}
	find := func(parent int, name string, store bool) int {
		for _, k := range nodes[parent].kids {
			if nodes[k].name == name {
				return k
			}
		}
		nodes = append(nodes, &node{name: name, store: store})
		nodes[parent].kids = append(nodes[parent].kids, len(nodes)-1)
		return len(nodes) - 1
	}
	for _, s := range streams {
		parts := strings.Split(s.Path, "/")
		at := 0
		for _, p := range parts[:len(parts)-1] {
			at = find(at, p, true)
		}
		nodes[find(at, parts[len(parts)-1], false)].data = s.Data
	}
	le := binary.LittleEndian
	dirSectors := (len(nodes) + 3) / 4
	dir := make([]byte, 128*4*dirSectors)
	for i := range 4 * dirSectors { // no siblings, no child, until linked below
		for _, o := range []int{68, 72, 76} {
			le.PutUint32(dir[128*i+o:], noStream)
		}
	}
	// the small streams into the mini stream now, the large ones placed
	// after it below
	var miniFAT []uint32
	var mini bytes.Buffer
	var large []int
	for i, n := range nodes {
		e := dir[128*i : 128*(i+1)]
		u := utf16.Encode([]rune(n.name))
		for k, c := range u {
			le.PutUint16(e[2*k:], c)
		}
		le.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66], e[67] = 2, 1 // a stream, black
		le.PutUint32(e[116:], endOfChain)
		if n.store {
			e[66] = 1
			if i == 0 {
				e[66] = 5
			}
			// the children in a chain of right siblings, in the order the
			// standard compares names (length, then upper case)
			kids := slices.Clone(n.kids)
			slices.SortFunc(kids, func(a, b int) int {
				la, lb := len(utf16.Encode([]rune(nodes[a].name))), len(utf16.Encode([]rune(nodes[b].name)))
				if la != lb {
					return la - lb
				}
				return strings.Compare(strings.ToUpper(nodes[a].name), strings.ToUpper(nodes[b].name))
			})
			for k, id := range kids {
				if k == 0 {
					le.PutUint32(e[76:], uint32(id))
				}
				if k+1 < len(kids) {
					le.PutUint32(dir[128*id+72:], uint32(kids[k+1]))
				}
			}
			continue
		}
		le.PutUint32(e[120:], uint32(len(n.data)))
		if len(n.data) >= 4096 {
			large = append(large, i)
			continue
		}
		if k := (len(n.data) + 63) / 64; k > 0 {
			le.PutUint32(e[116:], uint32(len(miniFAT)))
			for j := range k {
				link := uint32(len(miniFAT) + 1)
				if j == k-1 {
					link = endOfChain
				}
				miniFAT = append(miniFAT, link)
			}
			mini.Write(n.data)
			mini.Write(make([]byte, k*64-len(n.data)))
		}
	}
	// the sectors: the FAT, the directory, the mini FAT, the mini stream,
	// the large streams; chain appends a run of n sectors to the FAT. The
	// FAT's own sectors come first, as many as map the file (each 128)
	sectorsOf := func(n int) int { return (n + sector - 1) / sector }
	rest := sectorsOf(len(dir)) + sectorsOf(4*len(miniFAT)) + sectorsOf(mini.Len())
	for _, i := range large {
		rest += sectorsOf(len(nodes[i].data))
	}
	fatSectors := 1
	for (fatSectors+rest+sector/4-1)/(sector/4) > fatSectors {
		fatSectors++
	}
	if fatSectors > 109 {
		t.Fatalf("a compound file of %d sectors: the header maps 109 FAT sectors", rest)
	}
	var fat []uint32
	var pieces [][]byte // each run's bytes, written at the end (the directory is filled in after its place is taken)
	chain := func(data []byte) uint32 {
		n := (len(data) + sector - 1) / sector
		start := uint32(len(fat))
		for k := range n {
			link := start + uint32(k) + 1
			if k == n-1 {
				link = endOfChain
			}
			fat = append(fat, link)
		}
		pieces = append(pieces, data)
		return start
	}
	for range fatSectors {
		fat = append(fat, fatSect)
	}
	dirStart := chain(dir)
	miniFATStart, miniFATSectors := uint32(endOfChain), 0
	if len(miniFAT) > 0 {
		var b bytes.Buffer
		for _, v := range miniFAT {
			_ = binary.Write(&b, le, v)
		}
		for b.Len()%sector != 0 {
			_ = binary.Write(&b, le, uint32(free))
		}
		miniFATStart, miniFATSectors = chain(b.Bytes()), b.Len()/sector
		le.PutUint32(dir[116:], chain(mini.Bytes())) // the root holds the mini stream
		le.PutUint32(dir[120:], uint32(mini.Len()))
	}
	for _, i := range large {
		le.PutUint32(dir[128*i+116:], chain(nodes[i].data))
	}
	fatBytes := make([]byte, fatSectors*sector)
	for i := range fatSectors * sector / 4 {
		v := uint32(free)
		if i < len(fat) {
			v = fat[i]
		}
		le.PutUint32(fatBytes[4*i:], v)
	}
	head := make([]byte, sector)
	copy(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le.PutUint16(head[24:], 0x3E)
	le.PutUint16(head[26:], 3)
	le.PutUint16(head[28:], 0xFFFE)
	le.PutUint16(head[30:], 9)
	le.PutUint16(head[32:], 6)
	le.PutUint32(head[44:], uint32(fatSectors)) // the FAT's sectors, from sector 0
	le.PutUint32(head[48:], dirStart)
	le.PutUint32(head[56:], 4096) // the mini stream cutoff
	le.PutUint32(head[60:], miniFATStart)
	le.PutUint32(head[64:], uint32(miniFATSectors))
	le.PutUint32(head[68:], endOfChain) // no DIFAT sectors
	for i := range 109 {
		v := uint32(free)
		if i < fatSectors {
			v = uint32(i)
		}
		le.PutUint32(head[76+4*i:], v)
	}
	out := slices.Concat(head, fatBytes)
	for _, p := range pieces {
		out = append(out, p...)
		out = append(out, make([]byte, (sector-len(p)%sector)%sector)...)
	}
	return out
}

// StreamOf is the stream of a compound file at its root by name, failing
// the test if it has none.
func StreamOf(t testing.TB, data []byte, name string) []byte {
	t.Helper()
	cf, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for e, err := cf.Next(); err == nil; e, err = cf.Next() {
		if e.Name == name && len(e.Path) == 0 {
			b, err := io.ReadAll(e)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatalf("no %s stream", name)
	return nil
}

// LoopStreams is data, a compound file of version 3 with its FAT mapped
// from the header, with each stream of 4 096 bytes or more (in the FAT, not
// the mini stream) of one of the names, in any storage, made hostile: its
// chain of sectors loops back from its last to its first, and its entry
// claims size bytes, so a reader that follows the chain reads the stream
// over and over. Each name must be found.
func LoopStreams(t testing.TB, data []byte, size uint32, names ...string) []byte {
	t.Helper()
	le := binary.LittleEndian
	b := slices.Clone(data)
	if len(b) < 512 || le.Uint16(b[30:]) != 9 {
		t.Fatal("LoopStreams: not a compound file of 512-byte sectors")
	}
	const sector, lastLink = 512, 0xFFFFFFFA
	at := func(s uint32) int { return sector * (int(s) + 1) }
	fatAt := func(s uint32) int { // where the FAT entry of sector s is
		k := int(s) / (sector / 4)
		if k >= 109 {
			t.Fatal("LoopStreams: a FAT past the header's map")
		}
		return at(le.Uint32(b[76+4*k:])) + 4*(int(s)%(sector/4))
	}
	found := map[string]bool{}
	for s := le.Uint32(b[48:]); s < lastLink; s = le.Uint32(b[fatAt(s):]) {
		for e := at(s); e < at(s)+sector; e += 128 {
			n := int(le.Uint16(b[e+64:]))
			if n < 2 || n > 64 {
				continue
			}
			u := make([]uint16, n/2-1)
			for k := range u {
				u[k] = le.Uint16(b[e+2*k:])
			}
			start, name := le.Uint32(b[e+116:]), string(utf16.Decode(u))
			if !slices.Contains(names, name) || b[e+66] != 2 || le.Uint32(b[e+120:]) < 4096 {
				continue
			}
			last := start
			for next := le.Uint32(b[fatAt(last):]); next < lastLink; next = le.Uint32(b[fatAt(last):]) {
				last = next
			}
			le.PutUint32(b[fatAt(last):], start)
			le.PutUint32(b[e+120:], size)
			found[name] = true
		}
	}
	if len(found) != len(names) {
		t.Fatalf("LoopStreams: of the streams %q only %v found in the FAT", names, found)
	}
	return b
}
