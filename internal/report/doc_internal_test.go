package report

import (
	"encoding/binary"
	"strings"
	"testing"

	"gongkai/internal/testdoc"
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

// Which runs a DOCX's styles hide: a character style based on one that
// hides; a paragraph style that hides, its runs with it unless a run says
// w:vanish 0 itself; a style that says w:vanish 0 under one that hides; and
// a cycle of bases, which hides nothing.
func TestDocxStylesHide(t *testing.T) {
	styles := `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:style w:type="character" w:styleId="Hid"><w:rPr><w:vanish/></w:rPr></w:style>` +
		`<w:style w:type="character" w:styleId="HidToo"><w:basedOn w:val="Hid"/></w:style>` +
		`<w:style w:type="character" w:styleId="Shown"><w:basedOn w:val="Hid"/><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Note"><w:rPr><w:vanish/></w:rPr></w:style>` +
		`<w:style w:type="character" w:styleId="A"><w:basedOn w:val="B"/></w:style><w:style w:type="character" w:styleId="B"><w:basedOn w:val="A"/></w:style></w:styles>`
	run := func(style, text string) string {
		return `<w:r><w:rPr><w:rStyle w:val="` + style + `"/></w:rPr><w:t>` + text + `</w:t></w:r>`
	}
	body := `<w:p>` + run("HidToo", "甲") + run("Shown", "乙") + run("A", "丙") + `<w:r><w:t>丁</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Note"/></w:pPr><w:r><w:t>戊</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>己</w:t></w:r></w:p>`
	data := testdoc.Zip(t,
		testdoc.Part{Name: "[Content_Types].xml", Content: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		testdoc.Part{Name: "word/styles.xml", Content: styles},
		testdoc.Part{Name: "word/document.xml", Content: `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`})
	lines, _, err := docxLines("x.docx", data, 0)
	if err != nil {
		t.Fatal(err)
	}
	var text, dropped []string
	for _, l := range lines {
		text = append(text, l.Text)
		if d := l.Dropped(); d != "" {
			dropped = append(dropped, d)
		}
	}
	if got := strings.Join(text, "|"); got != "乙丙丁|己" {
		t.Errorf("text %q", got)
	}
	if got := strings.Join(dropped, "|"); got != "甲|戊" {
		t.Errorf("dropped %q", got)
	}
}

// A row's cells written — and glued to its label (a page without line breaks
// or cell borders: 1.属于国家秘密———————) are its cells, not its label's end;
// a run of dashes alone (a Markdown table's rule) is no cell, nor are two
// dashes glued to a label.
func TestDashesGluedToLabel(t *testing.T) {
	rc := splitLabel(Line{Text: "1.属于国家秘密———————"}, NumCols)
	if rc.label != "1.属于国家秘密" || len(rc.tokens) != 1 || rc.tokens[0].s != "———————" {
		t.Errorf("glued: label %q, tokens %v", rc.label, rc.tokens)
	}
	if rc := splitLabel(Line{Text: "1.属于国家秘密——"}, NumCols); rc.label != "1.属于国家秘密——" {
		t.Errorf("two dashes: label %q, tokens %v", rc.label, rc.tokens)
	}
	if placeholderRun("-------", countMarks) {
		t.Error("a rule of dashes alone taken for cells")
	}
}
