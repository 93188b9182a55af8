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
	header(vint(vint(vint(nil, 1), 0), 0), nil) // main: type 1, no flags, no archive flags
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
