package report_test

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf16"

	"gongkai/internal/report"
)

// compoundFile is an OLE2 compound file (MS-CFB, version 3) holding the
// given streams at its root, each padded to 4 096 bytes so that none lives
// in the mini stream: enough for a reader to find them by name.
func compoundFile(t *testing.T, names ...string) []byte {
	t.Helper()
	const sector, endOfChain, free, fatSect, noStream = 512, 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
	le := binary.LittleEndian
	head := make([]byte, sector)
	copy(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le.PutUint16(head[24:], 0x3E)
	le.PutUint16(head[26:], 3)
	le.PutUint16(head[28:], 0xFFFE)
	le.PutUint16(head[30:], 9)
	le.PutUint16(head[32:], 6)
	le.PutUint32(head[44:], 1)          // one FAT sector
	le.PutUint32(head[48:], 1)          // the directory in sector 1
	le.PutUint32(head[56:], 4096)       // the mini stream cutoff
	le.PutUint32(head[60:], endOfChain) // no mini FAT
	le.PutUint32(head[68:], endOfChain) // no DIFAT sectors
	le.PutUint32(head[76:], 0)          // the FAT in sector 0
	for i := 1; i < 109; i++ {
		le.PutUint32(head[76+4*i:], free)
	}
	fat := make([]byte, sector)
	for i := range sector / 4 {
		le.PutUint32(fat[4*i:], free)
	}
	le.PutUint32(fat[0:], fatSect)
	le.PutUint32(fat[4:], endOfChain)
	dir := make([]byte, sector)
	entry := func(i int, name string, kind byte, right, child, start, size uint32) {
		e := dir[128*i : 128*(i+1)]
		u := utf16.Encode([]rune(name))
		for k, c := range u {
			le.PutUint16(e[2*k:], c)
		}
		le.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66], e[67] = kind, 1 // black
		le.PutUint32(e[68:], noStream)
		le.PutUint32(e[72:], right)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], start)
		le.PutUint32(e[120:], size)
	}
	entry(0, "Root Entry", 5, noStream, 1, endOfChain, 0)
	var data bytes.Buffer
	next := uint32(2)
	for i, n := range names { // each the right sibling of the one before (names grow longer)
		right := uint32(noStream)
		if i+1 < len(names) {
			right = uint32(i + 2)
		}
		entry(i+1, n, 2, right, noStream, next, 4096)
		for k := range uint32(8) {
			link := next + k + 1
			if k == 7 {
				link = endOfChain
			}
			le.PutUint32(fat[4*(next+k):], link)
		}
		next += 8
		data.Write(bytes.Repeat([]byte{byte(i + 1)}, 4096))
	}
	for i := len(names) + 1; i < 4; i++ { // the unused entries
		le.PutUint32(dir[128*i+68:], noStream)
		le.PutUint32(dir[128*i+72:], noStream)
		le.PutUint32(dir[128*i+76:], noStream)
	}
	return append(append(append(head, fat...), dir...), data.Bytes()...)
}

// A DOCX or XLSX with a password to open is a compound file that holds the
// document encrypted (EncryptionInfo, EncryptedPackage): it is said to have
// a password, as a PDF with one is. Before, it was "not a Word document".
// A compound file of neither kind is still not a Word document.
func TestEncryptedOfficeFile(t *testing.T) {
	_, err := report.Read("加密.docx", compoundFile(t, "EncryptionInfo", "EncryptedPackage"))
	if err == nil || !strings.Contains(err.Error(), "打开密码") {
		t.Errorf("an encrypted DOCX: %v", err)
	}
	_, err = report.Read("x.doc", compoundFile(t, "Contents"))
	if err == nil || !strings.Contains(err.Error(), "不是 Word 文档") {
		t.Errorf("a compound file without a document: %v", err)
	}
}
