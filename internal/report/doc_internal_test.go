package report

import (
	"encoding/binary"
	"testing"
)

// A compressed piece (8-bit text at fc/2) and a Unicode one, read through
// one piece table; 0x93 of a compressed piece is Windows-1252's “.
func TestDocPieces(t *testing.T) {
	w := make([]byte, 64)
	copy(w[10:], "A\x93B")                        // compressed, at byte 10
	binary.LittleEndian.PutUint16(w[20:], 0x4E2D) // 中, Unicode, at byte 20
	binary.LittleEndian.PutUint16(w[22:], 0x6587) // 文
	var plc []byte
	for _, cp := range []uint32{0, 3, 5} {
		plc = binary.LittleEndian.AppendUint32(plc, cp)
	}
	for _, fc := range []uint32{0x40000000 | 20, 20} { // fc of a compressed piece is twice its byte offset
		plc = append(plc, 0, 0)
		plc = binary.LittleEndian.AppendUint32(plc, fc)
		plc = append(plc, 0, 0)
	}
	clx := append([]byte{0x02}, binary.LittleEndian.AppendUint32(nil, uint32(len(plc)))...)
	clx = append(clx, plc...)
	chars, err := docChars(w, clx, fib{ccpText: 5, lcbClx: uint32(len(clx))})
	if err != nil {
		t.Fatal(err)
	}
	var got []rune
	for _, c := range chars {
		got = append(got, c.r)
	}
	if string(got) != "A“B中文" {
		t.Errorf("read %q", string(got))
	}
	if chars[3].fc != 20 || chars[1].fc != 11 {
		t.Errorf("positions %v", chars)
	}
}
