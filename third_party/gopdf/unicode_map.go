package gopdf

import (
	"fmt"
	"io"
	"unicode/utf16"
)

// utf16Hex is r in UTF-16BE as a CMap writes a destination (gongkai).
func utf16Hex(r rune) string {
	if r1, r2 := utf16.EncodeRune(r); r1 != '\uFFFD' {
		return fmt.Sprintf("%04X%04X", r1, r2)
	}
	return fmt.Sprintf("%04X", r)
}

// UnicodeMap unicode map
type UnicodeMap struct {
	PtrToSubsetFontObj *SubsetFontObj
	//getRoot            func() *GoPdf
	pdfProtection *PDFProtection
}

func (u *UnicodeMap) init(funcGetRoot func() *GoPdf) {
	//u.getRoot = funcGetRoot
}

func (u *UnicodeMap) setProtection(p *PDFProtection) {
	u.pdfProtection = p
}

func (u *UnicodeMap) protection() *PDFProtection {
	return u.pdfProtection
}

// SetPtrToSubsetFontObj set pointer to SubsetFontObj
func (u *UnicodeMap) SetPtrToSubsetFontObj(ptr *SubsetFontObj) {
	u.PtrToSubsetFontObj = ptr
}

func (u *UnicodeMap) getType() string {
	return "Unicode"
}

func (u *UnicodeMap) write(w io.Writer, objID int) error {
	//stream
	//characterToGlyphIndex := u.PtrToSubsetFontObj.CharacterToGlyphIndex
	prefix :=
		"/CIDInit /ProcSet findresource begin\n" +
			"12 dict begin\n" +
			"begincmap\n" +
			"/CIDSystemInfo << /Registry (Adobe)/Ordering (UCS)/Supplement 0>> def\n" +
			"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
	suffix := "endcmap CMapName currentdict /CMap defineresource pop end end"

	glyphIndexToCharacter := newMapGlyphIndexToCharacter() //make(map[int]rune)
	seen := map[uint]bool{}
	keys := u.PtrToSubsetFontObj.CharacterToGlyphIndex.AllKeys()
	for _, k := range keys {
		v, _ := u.PtrToSubsetFontObj.CharacterToGlyphIndex.Val(k)
		if !seen[v] { // (a glyph two characters share: the first, as before)
			seen[v] = true
			glyphIndexToCharacter.set(int(v), k)
		}
	}

	buff := GetBuffer()
	defer PutBuffer(buff)

	buff.WriteString(prefix)
	// gongkai: the codes are two bytes (Identity-H), so the code space is
	// <0000><FFFF>. gopdf wrote the lowest and the highest glyph index
	// there, which a CMap reads byte by byte (say first byte 00-1D, second
	// 20-31), leaving most codes outside it: Ghostscript, and so the "PDF
	// printers" built on it, dropped the map and the text with it. A block
	// holds at most 100 mappings (the CMap format's limit), and a character
	// beyond the BMP is written as its UTF-16 pair.
	buff.WriteString("1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n")
	idx, runes := glyphIndexToCharacter.indexs, glyphIndexToCharacter.runes
	for from := 0; from < len(idx); from += 100 {
		to := from + 100
		if to > len(idx) {
			to = len(idx)
		}
		fmt.Fprintf(buff, "%d beginbfchar\n", to-from)
		for i := from; i < to; i++ {
			fmt.Fprintf(buff, "<%04X><%s>\n", idx[i], utf16Hex(runes[i]))
		}
		buff.WriteString("endbfchar\n")
	}
	buff.WriteString(suffix)
	buff.WriteString("\n")

	io.WriteString(w, "<<\n")
	fmt.Fprintf(w, "/Length %d\n", buff.Len())
	io.WriteString(w, ">>\n")
	io.WriteString(w, "stream\n")
	if u.protection() != nil {
		tmp, err := rc4Cip(u.protection().objectkey(objID), buff.Bytes())
		if err != nil {
			return err
		}
		w.Write(tmp)
		//streambuff.WriteString("\n")
	} else {
		buff.WriteTo(w)
	}
	io.WriteString(w, "endstream\n")

	return nil
}

type mapGlyphIndexToCharacter struct {
	runes  []rune
	indexs []int
}

func newMapGlyphIndexToCharacter() *mapGlyphIndexToCharacter {
	var m mapGlyphIndexToCharacter
	return &m
}

func (m *mapGlyphIndexToCharacter) set(index int, r rune) {
	m.runes = append(m.runes, r)
	m.indexs = append(m.indexs, index)
}
