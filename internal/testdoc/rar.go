package testdoc

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"testing"
)

// RAR writes a RAR 5 archive of the parts, stored (not compressed: only
// WinRAR compresses, and no WinRAR runs here), each with its CRC32, names in
// UTF-8 ("RAR 5.0 archive format", rarlab.com); a part whose name ends in
// "/" is a directory.
func RAR(t testing.TB, parts ...Part) []byte {
	t.Helper()
	return rar(t, false, nil, parts)
}

// rarPacked is an entry already compressed: its bytes as RAR 5 reads them
// and the size its header declares.
type rarPacked struct {
	name     string
	data     []byte
	declared uint64
}

// rar writes the archive: solid (its main header says so), first the
// packed entry if any, then the parts stored.
func rar(t testing.TB, solid bool, packed *rarPacked, parts []Part) []byte {
	t.Helper()
	vint := func(b []byte, v uint64) []byte {
		for v >= 0x80 {
			b = append(b, byte(v)|0x80)
			v >>= 7
		}
		return append(b, byte(v))
	}
	var out bytes.Buffer
	out.Write([]byte("Rar!\x1A\x07\x01\x00"))
	// a header: its CRC32 of the size and what follows, the size, the fields
	header := func(fields []byte, data []byte) {
		h := vint(nil, uint64(len(fields)))
		h = append(h, fields...)
		out.Write(binary.LittleEndian.AppendUint32(nil, crc32.ChecksumIEEE(h)))
		out.Write(h)
		out.Write(data)
	}
	archiveFlags := uint64(0)
	if solid {
		archiveFlags = 0x0004
	}
	header(vint(vint(vint(nil, 1), 0), archiveFlags), nil) // main: type 1, no flags, the archive's flags
	if packed != nil {
		f := vint(nil, 2)                     // type: file
		f = vint(f, 0x0002)                   // header flags: a data area follows
		f = vint(f, uint64(len(packed.data))) // data size
		f = vint(f, 0)                        // file flags: no CRC32 (the data is not what it declares)
		f = vint(f, packed.declared)          // unpacked size
		f = vint(f, 0x20)                     // attributes: archive
		f = vint(f, 1<<7)                     // compression: version 0, method 1 (fastest), a 128 KB dictionary
		f = vint(f, 0)                        // host OS: Windows
		f = vint(f, uint64(len(packed.name)))
		f = append(f, packed.name...)
		header(f, packed.data)
	}
	for _, p := range parts {
		dir := len(p.Name) > 0 && p.Name[len(p.Name)-1] == '/'
		name := p.Name
		data := []byte(p.Content)
		fileFlags := uint64(0x0004) // its CRC32 is given
		if dir {
			name, data, fileFlags = name[:len(name)-1], nil, 0x0001
		}
		f := vint(nil, 2)              // type: file
		f = vint(f, 0x0002)            // header flags: a data area follows
		f = vint(f, uint64(len(data))) // data size
		f = vint(f, fileFlags)         // file flags
		f = vint(f, uint64(len(data))) // unpacked size
		f = vint(f, 0x20)              // attributes: archive
		if !dir {
			f = binary.LittleEndian.AppendUint32(f, crc32.ChecksumIEEE(data))
		}
		f = vint(f, 0) // compression: version 0, stored
		f = vint(f, 0) // host OS: Windows
		f = vint(f, uint64(len(name)))
		f = append(f, name...)
		header(f, data)
	}
	header(vint(vint(vint(nil, 5), 0), 0), nil) // end of archive
	return out.Bytes()
}

// RARBomb writes a solid RAR 5 archive whose first entry, name, is
// compressed by RAR 5's LZ (written here bit by bit): a zero byte, then a
// match of 4 097 zeros at distance 1, then that match repeated `repeats`
// times at one bit each — 4 097 × (repeats+1) + 1 bytes from about
// repeats/8 + 100 — while its header says it holds `declared` bytes; then
// the parts, stored, as RAR writes them. A solid archive's entries share
// one decoder, so reaching the parts decodes all of name first.
func RARBomb(t testing.TB, name string, declared uint64, repeats int, parts ...Part) []byte {
	t.Helper()
	var w bitWriter
	// the code lengths' own code: 0, 1, 2, 18 (3–10 zeros) and 19 (11–138
	// zeros) three bits each, so their codes are 0–4 in that order
	code := map[int]uint64{0: 0, 1: 1, 2: 2, 18: 3, 19: 4}
	for i := range 20 {
		if _, ok := code[i]; ok {
			w.put(3, 4)
		} else {
			w.put(0, 4)
		}
	}
	zeros := func(n int) {
		for n > 0 {
			switch {
			case n >= 11:
				k := min(n, 138)
				w.put(code[19], 3)
				w.put(uint64(k-11), 7)
				n -= k
			case n >= 3:
				k := min(n, 10)
				w.put(code[18], 3)
				w.put(uint64(k-3), 3)
				n -= k
			default:
				w.put(code[0], 3)
				n--
			}
		}
	}
	// main table (306): literal 0 and symbol 305 (a match of length slot
	// 43) two bits, 257 (the last match again) one bit; offsets (64): slot
	// 0 (distance 1) one bit; low offsets (16) and lengths (44) unused
	w.put(code[2], 3)
	zeros(256)
	w.put(code[1], 3)
	zeros(47)
	w.put(code[2], 3)
	w.put(code[1], 3)
	zeros(63 + 16 + 44)
	// canonical codes: 257 is 0; 0 is 10 and 305 is 11
	w.put(0b10, 2)      // the byte 0
	w.put(0b11, 2)      // a match of slot 43: 3 584 + the next nine bits + 2
	w.put(511, 9)       // … 4 097 bytes
	w.put(0, 1)         // at distance 1
	for range repeats { // the same match again
		w.put(0, 1)
	}
	block := w.b
	size := len(block)
	last := w.n - (size-1)*8 // the bits of the last byte in use, 1–8
	sizeBytes := []byte{byte(size), byte(size >> 8), byte(size >> 16)}
	if size >= 1<<24 {
		t.Fatalf("RARBomb: a block of %d bytes is past RAR 5's 16 MB", size)
	}
	flags := byte(0x80 | 0x40 | 2<<3 | (last - 1)) // tables follow, the last block, three size bytes
	sum := 0x5a ^ flags ^ sizeBytes[0] ^ sizeBytes[1] ^ sizeBytes[2]
	packed := append([]byte{flags, sum}, sizeBytes...)
	packed = append(packed, block...)
	return rar(t, true, &rarPacked{name: name, data: packed, declared: declared}, parts)
}

// bitWriter writes bits most significant first, as RAR 5 reads them.
type bitWriter struct {
	b []byte
	n int // bits written
}

func (w *bitWriter) put(v uint64, n int) {
	for i := n - 1; i >= 0; i-- {
		if w.n%8 == 0 {
			w.b = append(w.b, 0)
		}
		w.b[len(w.b)-1] |= byte(v>>i&1) << (7 - w.n%8)
		w.n++
	}
}
