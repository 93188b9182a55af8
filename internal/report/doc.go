package report

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"

	"gongkai/internal/errs"
)

// --- DOC (Word 97–2003, and WPS, which writes the same) ----------------------
//
// Many agencies still publish .doc attachments. The text is read from the
// WordDocument stream through the piece table ([MS-DOC] 2.8.35); a table
// row's cells end with 0x07 and the row with one more 0x07 whose paragraph
// properties say "end of row" (sprmPFTtp). Field codes ({ PAGE }) are
// dropped, their results kept.

// docMagic starts every OLE2 compound file (.doc, .xls, .wps).
var docMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

const docAdvice = "请用 Word 或 WPS 打开后另存为 DOCX 再审核"

// docLines reads a compound file: a Word document, or a workbook (the kind
// it returns says which).
func docLines(name string, data []byte) ([]Line, string, error) {
	bad := func(what string) error {
		return errs.New(name, "无法读取这个 DOC 文件（%s）：%s", what, docAdvice)
	}
	cf, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, KindDOC, bad("文件结构损坏")
	}
	streams := map[string][]byte{}
	objects := map[string][]byte{} // ObjectPool's storages: a worksheet pasted as an object, its workbook
	// Each sector of a compound file belongs to one stream, so its streams
	// together hold no more bytes than the file. mscfb follows a stream's
	// chain of sectors as it is: one that loops back is read over and over
	// to the size the entry claims (a 52 KB file's two streams made 256 MB
	// and 8 s). A stream past what is left of the file is damage.
	left := int64(len(data))
	read := func(e io.Reader) ([]byte, error) {
		b, err := io.ReadAll(io.LimitReader(e, left+1))
		if err != nil {
			return nil, err
		}
		if int64(len(b)) > left {
			return nil, errStreamLoops
		}
		left -= int64(len(b))
		return b, nil
	}
	for e, err := cf.Next(); err == nil; e, err = cf.Next() {
		if len(e.Path) == 2 && e.Path[0] == "ObjectPool" && (e.Name == "Workbook" || e.Name == "Package") {
			// an Excel 97–2003 object's workbook stream, or an Excel
			// 2007 object's XLSX; any other object (a picture, a PDF) is
			// left out, as is one that cannot be read
			b, err := read(e)
			if errors.Is(err, errStreamLoops) {
				return nil, KindDOC, bad("文件结构损坏")
			} else if err == nil {
				objects[e.Path[1]+"/"+e.Name] = b
			}
			continue
		}
		if len(e.Path) > 0 {
			continue // inside an embedded object
		}
		switch e.Name {
		case "WordDocument", "0Table", "1Table", "Data":
			b, err := read(e)
			if err != nil {
				return nil, KindDOC, bad("文件结构损坏")
			}
			streams[e.Name] = b
		case "Workbook", "Book":
			ls, err := xlsLines(name, data)
			return ls, KindXLSX, err
		case "EncryptionInfo", "EncryptedPackage":
			// a DOCX or XLSX with a password to open is such a compound
			// file, the document encrypted inside it (MS-OFFCRYPTO)
			return nil, KindDOC, errs.New(name, "该文件设有打开密码（加密的 Word 或 Excel 文件）：请提供未加密的文件，或用密码打开后另存为不加密的 DOCX 再审核")
		}
	}
	word := streams["WordDocument"]
	if word == nil {
		return nil, KindDOC, errs.New(name, "这个文件不是 Word 文档（没有正文）：%s", docAdvice)
	}
	f, err := readFib(word)
	if err != nil {
		return nil, KindDOC, bad(err.Error())
	}
	table := streams["0Table"]
	if f.table1 {
		table = streams["1Table"]
	}
	chars, err := docChars(word, table, f)
	if err != nil {
		return nil, KindDOC, bad(err.Error())
	}
	paps := docParagraphs(word, table, streams["Data"], f)
	styles := docStyles(table, f)
	runs := docChpRuns(word, table, f, styles)
	var embedded map[int][]Line
	if len(objects) > 0 {
		embedded = docObjects(name, chars, runs, objects)
	}
	out := docBuildLines(chars, paps, embedded, runs, styles)
	if f.ccpTxbx > 0 && !slices.ContainsFunc(out, func(l Line) bool { return trimSpace(l.Text) != "" }) {
		// no text but in text boxes: a PDF made into a Word file (each run
		// of the page a box), whose boxes this reader does not place
		return nil, KindDOC, errs.New(name, "文件的文字都在文本框中（多见于从 PDF 转换成的 Word 文件，每段文字一个文本框）：请改用原 PDF，或用 Word、WPS 另存为 DOCX 后再审核（DOCX 中的文本框按各自在页面上的位置读取）")
	}
	return withUnseen(out, docComments(word, table, f)), KindDOC, nil
}

type fib struct {
	table1          bool
	ccpText         uint32
	ccpTxbx         uint32 // the text boxes' text (their story, after the endnotes')
	atnFrom, atnTo  uint64 // the comments' characters (CPs)
	fcClx, lcbClx   uint32
	fcPapx, lcbPap  uint32
	fcChpx, lcbChp  uint32
	fcStsh, lcbStsh uint32 // the stylesheet
}

// errStreamLoops is a stream of a compound file longer than what is left
// of the file (see docLines).
var errStreamLoops = errors.New("a stream longer than the file: its sectors loop")

type docErr string

func (e docErr) Error() string { return string(e) }

func le16(b []byte, i int) (uint16, bool) {
	if i < 0 || i+2 > len(b) {
		return 0, false
	}
	return binary.LittleEndian.Uint16(b[i:]), true
}

func le32(b []byte, i int) (uint32, bool) {
	if i < 0 || i+4 > len(b) {
		return 0, false
	}
	return binary.LittleEndian.Uint32(b[i:]), true
}

// readFib reads what is needed of the File Information Block.
func readFib(w []byte) (fib, error) {
	var f fib
	if id, ok := le16(w, 0); !ok || id != 0xA5EC {
		return f, docErr("不是 Word 97 及以后的格式")
	}
	flags, _ := le16(w, 0x0A)
	if flags&0x0100 != 0 {
		return f, docErr("文件已加密")
	}
	f.table1 = flags&0x0200 != 0
	csw, ok := le16(w, 32)
	pos := 34 + int(csw)*2
	cslw, ok2 := le16(w, pos)
	lw := pos + 2
	ccp, ok3 := le32(w, lw+3*4)
	pos = lw + int(cslw)*4
	cb, ok4 := le16(w, pos)
	rg := pos + 2
	if !ok || !ok2 || !ok3 || !ok4 || cb <= 33 {
		return f, docErr("文件头不完整")
	}
	f.ccpText = ccp
	// the comments' text follows the footnotes' and the headers' ([MS-DOC]
	// 2.3: main text, footnotes, headers, comments …)
	ftn, _ := le32(w, lw+4*4)
	hdd, _ := le32(w, lw+5*4)
	atn, _ := le32(w, lw+7*4)
	if cslw >= 8 {
		f.atnFrom = uint64(ccp) + uint64(ftn) + uint64(hdd)
		f.atnTo = f.atnFrom + uint64(atn)
	}
	if cslw >= 10 {
		f.ccpTxbx, _ = le32(w, lw+9*4)
	}
	f.fcStsh, _ = le32(w, rg+1*8)
	f.lcbStsh, _ = le32(w, rg+1*8+4)
	f.fcChpx, _ = le32(w, rg+12*8)
	f.lcbChp, _ = le32(w, rg+12*8+4)
	f.fcPapx, _ = le32(w, rg+13*8)
	f.lcbPap, _ = le32(w, rg+13*8+4)
	f.fcClx, _ = le32(w, rg+33*8)
	f.lcbClx, ok = le32(w, rg+33*8+4)
	if !ok {
		return f, docErr("文件头不完整")
	}
	return f, nil
}

// docChar is one character of the main text and where it is in the file.
type docChar struct {
	r  rune
	fc uint32
}

// docChars reads the main text through the piece table.
func docChars(w, table []byte, f fib) ([]docChar, error) {
	return docCharsIn(w, table, f, 0, uint64(f.ccpText))
}

// docComments reads the comments' text (批注), a piece for each of their
// paragraphs; nothing when it cannot be read.
func docComments(w, table []byte, f fib) []string {
	if f.atnTo <= f.atnFrom || f.atnTo > 1<<31 {
		return nil
	}
	chars, err := docCharsIn(w, table, f, f.atnFrom, f.atnTo)
	if err != nil {
		return nil
	}
	var d dropText
	for _, c := range chars {
		if c.r >= 0x20 {
			d.add(c.r)
		} else if c.r == 0x0D {
			d.cut()
		}
	}
	d.cut()
	return d.pieces
}

// docCharsIn reads the characters of CPs [from, to) through the piece table.
func docCharsIn(w, table []byte, f fib, from, to uint64) ([]docChar, error) {
	end := uint64(f.fcClx) + uint64(f.lcbClx)
	if end > uint64(len(table)) {
		return nil, docErr("找不到正文的位置表")
	}
	clx := table[f.fcClx:end]
	i := 0
	for i < len(clx) && clx[i] == 0x01 { // Prc: formatting, skipped
		cb, ok := le16(clx, i+1)
		if !ok {
			return nil, docErr("正文位置表损坏")
		}
		i += 3 + int(cb)
	}
	if i >= len(clx) || clx[i] != 0x02 {
		return nil, docErr("正文位置表损坏")
	}
	lcb, ok := le32(clx, i+1)
	if !ok || uint64(i)+5+uint64(lcb) > uint64(len(clx)) || lcb < 4 {
		return nil, docErr("正文位置表损坏")
	}
	plc := clx[i+5 : i+5+int(lcb)]
	n := (len(plc) - 4) / 12
	var out []docChar
	for k := range n {
		cp0, _ := le32(plc, k*4)
		cp1, _ := le32(plc, (k+1)*4)
		raw, _ := le32(plc, (n+1)*4+k*8+2)
		if cp1 <= cp0 || uint64(cp0) >= to || uint64(cp1) <= from {
			continue
		}
		cp1 = uint32(min(uint64(cp1), to))
		compressed := raw&0x40000000 != 0
		fc := raw & 0x3FFFFFFF
		for cp := uint32(max(uint64(cp0), from)); cp < cp1; cp++ { // (a piece may start before the range)
			if len(out) >= len(w) { // more characters than the stream has bytes: pieces that overlap
				return nil, docErr("正文位置表损坏")
			}
			if compressed {
				at := fc/2 + (cp - cp0)
				if int(at) >= len(w) {
					return nil, docErr("正文超出文件")
				}
				out = append(out, docChar{cp1252(w[at]), at})
				continue
			}
			at := fc + 2*(cp-cp0)
			u, ok := le16(w, int(at))
			if !ok {
				return nil, docErr("正文超出文件")
			}
			out = append(out, docChar{rune(u), at})
		}
	}
	// surrogate pairs (characters outside the BMP) in two code units
	j := 0
	for k := 0; k < len(out); k++ {
		c := out[k]
		if utf16.IsSurrogate(c.r) && k+1 < len(out) {
			c.r = utf16.DecodeRune(c.r, out[k+1].r)
			k++
		}
		out[j] = c
		j++
	}
	return out[:j], nil
}

// cp1252High are the characters of bytes 0x80–0x9F in a compressed piece
// (Windows-1252; the rest is Latin-1).
var cp1252High = []rune("€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ")

// cp1252 maps a byte of a compressed piece to its character.
func cp1252(b byte) rune {
	if b >= 0x80 && b <= 0x9F {
		return cp1252High[b-0x80]
	}
	return rune(b)
}

// docObjects finds the worksheets embedded in the text: an object is an
// EMBED field whose separator (0x14; or a character 0x01) has character
// properties that say it is an OLE object (sprmCFOle2) and name its storage
// (sprmCPicLocation: ObjectPool's "_" and the number, [MS-DOC] 2.6.1); its
// lines are its workbook's, by the character's index in chars. A storage
// no character names is left out.
func docObjects(name string, chars []docChar, runs []docChp, objects map[string][]byte) map[int][]Line {
	out := map[int][]Line{}
	for k, c := range chars {
		if c.r != 0x14 && c.r != 0x01 || len(out) >= 64 {
			continue
		}
		run, ok := chpAt(runs, c.fc)
		if !ok || !run.ole {
			continue
		}
		storage := fmt.Sprintf("_%d", run.loc)
		var ls []Line
		var err error
		if b, ok := objects[storage+"/Workbook"]; ok {
			ls, err = xlsStreamLines(name, b)
		} else if b, ok := objects[storage+"/Package"]; ok && bytes.HasPrefix(b, []byte("PK\x03\x04")) {
			var kind string
			if ls, kind, err = docxLines(name, b, 2); kind != KindXLSX {
				ls = nil
			}
		}
		if err == nil && len(ls) > 0 {
			out[k] = ls
		}
	}
	return out
}

// docChp is a run of the file whose characters share the properties that
// matter: an OLE object, and where it is; text a tracked change deleted, or
// hidden (in the file, not on the page).
type docChp struct {
	from, to uint32 // fc range
	ole      bool   // sprmCFOle2
	loc      uint32 // sprmCPicLocation
	deleted  bool   // sprmCFRMarkDel
	hidden   bool   // sprmCFVanish, or its character style's (docStyles)
	// shown: the run shows its text by its own properties or its
	// character style's, whatever its paragraph's style says
	shown bool
}

// chpAt finds the run of properties that matter whose range holds fc.
func chpAt(runs []docChp, fc uint32) (docChp, bool) {
	i := sort.Search(len(runs), func(i int) bool { return runs[i].to > fc })
	if i == len(runs) || runs[i].from > fc {
		return docChp{}, false
	}
	return runs[i], true
}

// toggled reads a character property that toggles ([MS-DOC] ToggleOperand):
// 1 on, and 0x81 the opposite of the style's, which is off for a deletion
// or hidden text in any style but a hidden one.
func toggled(arg []byte) bool { return arg[0] == 1 || arg[0] == 0x81 }

// docChpRuns reads the character properties' runs (PlcBteChpx, each page a
// ChpxFkp: a byte to a run, the word offset of its Chpx), in file order;
// only the runs with an object's properties, a deletion or hidden text (by
// sprmCFVanish or by the character style sprmCIstd names), and, where a
// paragraph style hides, the runs that show their text all the same.
func docChpRuns(w, table []byte, f fib, styles docStyleSheet) []docChp {
	var out []docChp
	fkpPages(w, table, f.fcChpx, f.lcbChp, func(fkp []byte) {
		crun := int(fkp[511])
		if (crun+1)*4+crun > 511 {
			return
		}
		for i := range crun {
			off := int(fkp[(crun+1)*4+i]) * 2
			if off == 0 || off >= 511 || off+1+int(fkp[off]) > 511 {
				continue // default properties, or past the page
			}
			from, _ := le32(fkp, i*4)
			to, _ := le32(fkp, (i+1)*4)
			r := docChp{from: from, to: to}
			var vanish []byte
			istd := -1
			eachSprm(fkp[off+1:off+1+int(fkp[off])], func(op uint16, arg []byte) {
				switch op {
				case 0x080A: // sprmCFOle2
					r.ole = arg[0] != 0
				case 0x6A03: // sprmCPicLocation
					r.loc, _ = le32(arg, 0)
				case 0x0800: // sprmCFRMarkDel
					r.deleted = toggled(arg)
				case 0x083C: // sprmCFVanish
					vanish = arg
				case 0x4A30: // sprmCIstd: the run's character style
					if v, ok := le16(arg, 0); ok {
						istd = int(v)
					}
				}
			})
			styleHides, styleSays := styles.hides(istd)
			switch {
			case vanish != nil:
				// 0x80: as the style, 0x81: the opposite of the style
				r.hidden = vanish[0] == 1 || vanish[0] == 0x80 && styleHides || vanish[0] == 0x81 && !styleHides
				r.shown = !r.hidden
			case styleSays:
				r.hidden, r.shown = styleHides, !styleHides
			}
			if r.ole || r.deleted || r.hidden || r.shown && styles.paras {
				out = append(out, r)
			}
		}
	})
	sort.Slice(out, func(a, b int) bool { return out[a].from < out[b].from })
	return out
}

// fkpPages calls each with every page (512 bytes) of formatted disk pages
// that a PlcBte at fc in the table stream names, once each however often
// it is named, at most 4 096.
func fkpPages(w, table []byte, fc, lcb uint32, each func(fkp []byte)) {
	end := uint64(fc) + uint64(lcb)
	if lcb < 12 || end > uint64(len(table)) {
		return
	}
	plc := table[fc:end]
	n := (len(plc) - 4) / 8
	read := map[uint32]bool{}
	for k := range n {
		pn, _ := le32(plc, (n+1)*4+k*4)
		if read[pn&0x3FFFFF] || len(read) >= 4096 {
			continue
		}
		read[pn&0x3FFFFF] = true
		page := int(pn&0x3FFFFF) * 512
		if page+512 > len(w) {
			continue
		}
		each(w[page : page+512])
	}
}

// eachSprm calls fn with each property modifier of g and its operand, sized
// by the opcode ([MS-DOC] 2.2.5.1; sprmTDefTable's size is two bytes); it
// stops at one that runs past g.
func eachSprm(g []byte, fn func(op uint16, arg []byte)) {
	for i := 0; i+2 <= len(g); {
		op := binary.LittleEndian.Uint16(g[i:])
		i += 2
		size := 0
		switch op >> 13 {
		case 0, 1:
			size = 1
		case 2, 4, 5:
			size = 2
		case 3:
			size = 4
		case 7:
			size = 3
		case 6:
			if i >= len(g) {
				return
			}
			if op == 0xD608 { // sprmTDefTable: a two-byte size
				s, ok := le16(g, i)
				if !ok {
					return
				}
				size = int(s) + 1
			} else {
				size = int(g[i]) + 1
			}
		}
		if size == 0 || i+size > len(g) {
			return
		}
		fn(op, g[i:i+size])
		i += size
	}
}

// docPap is a run of the file whose paragraphs share their properties.
type docPap struct {
	from, to  uint32 // fc range
	depth     int    // 0 outside tables, 1 in a table, 2 in a table in a table …
	ttp       bool   // the mark ends a row of a table of depth 1
	innerCell bool   // the mark ends a cell of a nested table
	innerTtp  bool   // the mark ends a row of a nested table
	// mergedUp: at a row's end, the row's cells that continue the cell
	// above them (a vertical merge: sprmTDefTable's TC80, sprmTVertMerge)
	mergedUp []bool
	istd     int // the paragraph's style
}

// docParagraphs reads the paragraph properties that matter: in a table, and
// end of a table row. Nothing is returned when they cannot be read.
func docParagraphs(w, table, data []byte, f fib) []docPap {
	var out []docPap
	fkpPages(w, table, f.fcPapx, f.lcbPap, func(fkp []byte) {
		crun := int(fkp[511])
		if (crun+1)*4+crun*13 > 511 {
			return
		}
		for i := range crun {
			from, _ := le32(fkp, i*4)
			to, _ := le32(fkp, (i+1)*4)
			p := docPap{from: from, to: to}
			off := int(fkp[(crun+1)*4+i*13]) * 2
			if off > 0 && off < 511 {
				cb := int(fkp[off])
				start, size := off+1, 2*cb-1
				if cb == 0 && off+1 < 511 {
					start, size = off+2, 2*int(fkp[off+1])
				}
				if size > 2 && start+size <= 511 {
					if v, ok := le16(fkp, start); ok {
						p.istd = int(v)
					}
					papSprms(&p, fkp[start+2:start+size], data) // after the style index
				}
			}
			out = append(out, p)
		}
	})
	sort.Slice(out, func(a, b int) bool { return out[a].from < out[b].from })
	return out
}

// papSprms reads the table properties of a paragraph from its property
// modifiers: in a table (sprmPFInTable), its depth (sprmPItap), end of a row
// (sprmPFTtp), and for nested tables end of a cell and of a row
// (sprmPFInnerTableCell, sprmPFInnerTtp).
func papSprms(p *docPap, g, data []byte) {
	eachSprm(g, func(op uint16, arg []byte) {
		switch op {
		case 0x2416: // sprmPFInTable
			if arg[0] != 0 && p.depth == 0 {
				p.depth = 1
			}
		case 0x6649: // sprmPItap
			if v, _ := le32(arg, 0); v > 0 && v < 64 {
				p.depth = int(v)
			}
		case 0x2417:
			p.ttp = arg[0] != 0
		case 0x244B:
			p.innerCell = arg[0] != 0
		case 0x244C:
			p.innerTtp = arg[0] != 0
		case 0xD608: // sprmTDefTable: cb, itcMac, the cells' edges, a TC80 of 20 bytes each
			if len(arg) < 3 {
				break
			}
			n := int(arg[2])
			tcs := 3 + 2*(n+1)
			for k := 0; k < n && k < 64 && tcs+20*k+2 <= len(arg); k++ {
				if g, _ := le16(arg, tcs+20*k); g>>5&3 == 1 { // TCGRF's vertMerge: 1 merged, 3 its first
					p.mergedUp = setAt(p.mergedUp, k)
				}
			}
		case 0xD62B: // sprmTVertMerge: a cell, its vertMerge
			if len(arg) >= 3 && arg[1] < 64 {
				if arg[2] == 1 {
					p.mergedUp = setAt(p.mergedUp, int(arg[1]))
				} else if int(arg[1]) < len(p.mergedUp) {
					p.mergedUp[arg[1]] = false
				}
			}
		case 0x6646: // sprmPHugePapx: the rest is in the Data stream (a row's big table definition)
			if at, _ := le32(arg, 0); data != nil {
				if cb, ok := le16(data, int(at)); ok && int(at)+2+int(cb) <= len(data) {
					papSprms(p, data[int(at)+2:int(at)+2+int(cb)], nil) // nil: no second hop
				}
			}
		}
	})
}

// setAt sets b[k], b grown as needed.
func setAt(b []bool, k int) []bool {
	for len(b) <= k {
		b = append(b, false)
	}
	b[k] = true
	return b
}

// papAt finds the properties of the paragraph whose mark is at fc.
func papAt(paps []docPap, fc uint32) (docPap, bool) {
	k := sort.Search(len(paps), func(i int) bool { return paps[i].to > fc })
	if k < len(paps) && paps[k].from <= fc {
		return paps[k], true
	}
	return docPap{}, false
}

// docRow is a table row being read at one depth.
type docRow struct {
	cells     []string
	cell      strings.Builder // the open cell's paragraphs so far
	paras     []string        // every paragraph of the row, in case it is a layout row
	container bool            // it holds a table: its paragraphs are lines
}

// docBuildLines turns the characters into lines: paragraphs, and the rows of
// the innermost tables as lines of cells. A row that holds a table is
// layout (a page converted to DOC keeps the portal's table around the text):
// its own paragraphs are lines, as in the HTML reader; so is a row of one
// cell holding several paragraphs.
func docBuildLines(chars []docChar, paps []docPap, embedded map[int][]Line, runs []docChp, styles docStyleSheet) []Line {
	var out []Line
	var cur strings.Builder
	var dropped dropText // what a tracked change deleted, or hidden text: in the file, not on the page
	rows := make([]*docRow, 8)
	row := func(d int) *docRow {
		for len(rows) <= d {
			rows = append(rows, nil)
		}
		if rows[d] == nil {
			rows[d] = &docRow{}
		}
		return rows[d]
	}
	line := func(t string) {
		n := len(out)
		out = appendPara(out, t)
		dropped.mark(out, n)
	}
	// contain makes the rows around depth d layout, outermost first
	contain := func(d int) {
		for k := 1; k < d; k++ {
			if r := row(k); !r.container {
				r.container = true
				for _, p := range r.paras {
					line(p)
				}
				r.paras = nil
			}
		}
	}
	// para adds a paragraph to a cell of depth d; a picture in it is kept
	// among the row's paragraphs, which count if the row is layout
	para := func(d int, t string, pic bool) {
		r := row(d)
		if r.container {
			line(t)
			if pic {
				line(imageMark)
			}
			return
		}
		r.cell.WriteString(t + " ")
		r.paras = append(r.paras, t)
		if pic {
			r.paras = append(r.paras, imageMark)
		}
	}
	endRow := func(d int, mergedUp []bool) {
		r := row(d)
		contain(d)
		switch {
		case r.container:
		case len(r.cells) == 1 && len(r.paras) > 1:
			for _, p := range r.paras {
				line(p)
			}
		case len(r.cells) > 0:
			if len(mergedUp) > len(r.cells) {
				mergedUp = mergedUp[:len(r.cells)]
			}
			out = append(out, Line{No: len(out) + 1, Text: strings.Join(r.cells, "\t"), Fields: r.cells, Structured: true})
			out[len(out)-1].setMergedUp(mergedUp)
			dropped.mark(out, len(out)-1)
		}
		rows[d] = nil
	}
	// fields ({ PAGE }, { HYPERLINK … }) may nest: each open one is in its
	// code (hidden) until its separator, then in its result (shown)
	var fields []bool  // true: in the result
	hidden := 0        // fields still in their code
	picture := false   // a picture in the paragraph being read
	var objects []Line // the lines of worksheets embedded in the paragraph being read
	for k, c := range chars {
		if len(out) > MaxLines {
			break // (Lines refuses it: read no further)
		}
		switch c.r {
		case 0x13: // field begin: its code follows
			if len(fields) < 64 {
				fields = append(fields, false)
				hidden++
			}
			continue
		case 0x14: // field separator: its result follows
			if n := len(fields); n > 0 && !fields[n-1] {
				fields[n-1] = true
				hidden--
			}
			if hidden == 0 { // an EMBED field's object, if it is a worksheet
				objects = append(objects, embedded[k]...)
			}
			continue
		case 0x15: // field end
			if n := len(fields); n > 0 {
				if !fields[n-1] {
					hidden--
				}
				fields = fields[:n-1]
			}
			continue
		}
		if hidden > 0 {
			continue
		}
		if c.r >= 0x20 && (len(runs) > 0 || styles.paras) {
			run, ok := chpAt(runs, c.fc)
			gone := ok && (run.deleted || run.hidden)
			if !gone && styles.paras && !(ok && run.shown) {
				p, ok := papAt(paps, c.fc)
				gone, _ = styles.hides(p.istd)
				gone = gone && ok
			}
			if gone {
				dropped.add(c.r)
				continue // (its paragraph and cell marks are kept: the table stands)
			}
			dropped.cut()
		}
		switch c.r {
		case 0x0D, 0x0C, 0x07:
			t := cur.String()
			cur.Reset()
			p, ok := papAt(paps, c.fc)
			if !ok { // no properties: 0x07 ends a cell, or a row right after a cell's mark
				p.depth = 0
				if c.r == 0x07 || rows[1] != nil {
					p.depth = 1
				}
				p.ttp = c.r == 0x07 && k > 0 && chars[k-1].r == 0x07 && t == "" && (rows[1] == nil || rows[1].cell.Len() == 0)
			}
			d := min(p.depth, 32)
			switch {
			case d == 0:
				line(t)
				switch {
				case len(objects) > 0: // a worksheet's table, read from its workbook
					for _, l := range objects {
						l.No = len(out) + 1
						out = append(out, l)
					}
				case picture: // a picture where a table should be is said so
					line(imageMark)
				}
			case d == 1 && c.r == 0x07 && p.ttp, d > 1 && p.innerTtp:
				endRow(d, p.mergedUp)
			case d == 1 && c.r == 0x07, d > 1 && p.innerCell:
				para(d, t, picture)
				r := row(d)
				if len(r.cells) < maxLineFields { // (past it, a row's cells are left out)
					r.cells = append(r.cells, trimSpace(collapse(r.cell.String())))
				}
				r.cell.Reset()
			default: // a paragraph inside a cell
				para(d, t, picture)
			}
			picture, objects = false, nil
		case 0x01, 0x08: // a picture, a drawn object: counted at its paragraph's end
			picture = true
			objects = append(objects, embedded[k]...)
		case 0x0B, 0x09, 0xA0, 0x3000:
			cur.WriteByte(' ')
		case 0x1E:
			cur.WriteByte('-')
		case 0x02, 0x03, 0x04, 0x05, 0x1F:
		default:
			if c.r >= 0x20 {
				cur.WriteRune(c.r)
			}
		}
	}
	for d := len(rows) - 1; d >= 1; d-- {
		if rows[d] != nil {
			endRow(d, nil)
		}
	}
	line(cur.String())
	return out
}

// docStyleSheet is what a Word 97 document's stylesheet (STSH) says of
// hiding text: by style index, whether a style's character properties hide
// its text (sprmCFVanish: 1 hides, 2 shows, 0 unsaid) and the style it is
// based on; paras says some paragraph style hides (a template's 内部说明
// style), which the text's paragraphs are then looked up for.
type docStyleSheet struct {
	vanish []byte
	base   []int
	paras  bool
}

// hides says whether the style istd hides its text, and whether it or a
// style it is based on says so; 16 bases deep at most.
func (ss docStyleSheet) hides(istd int) (hides, says bool) {
	for range 16 {
		if istd < 0 || istd >= len(ss.vanish) {
			return false, false
		}
		if v := ss.vanish[istd]; v != 0 {
			return v == 1, true
		}
		istd = ss.base[istd]
	}
	return false, false
}

// docStyles reads the stylesheet ([MS-DOC] 2.9.271 STSH: the STSHI, then
// each style's STD — its Stdf, its name, then its property exceptions, a
// paragraph style's PAPX before its CHPX) as far as sprmCFVanish goes; an
// empty sheet when none hides text, or it cannot be read.
func docStyles(table []byte, f fib) docStyleSheet {
	var ss docStyleSheet
	end := uint64(f.fcStsh) + uint64(f.lcbStsh)
	if f.lcbStsh < 8 || end > uint64(len(table)) {
		return ss
	}
	st := table[f.fcStsh:end]
	cbStshi, _ := le16(st, 0)
	cstd, _ := le16(st, 2)
	cbBase, ok := le16(st, 4)
	if !ok || cstd == 0 || cstd > 4096 || cbBase < 10 {
		return ss
	}
	ss.vanish, ss.base = make([]byte, cstd), make([]int, cstd)
	paraStyle := make([]bool, cstd)
	hiding := false
	at := 2 + int(cbStshi)
	for i := range int(cstd) {
		ss.base[i] = -1
		cb, ok := le16(st, at)
		if !ok {
			break
		}
		std := st[min(at+2, len(st)):min(at+2+int(cb), len(st))]
		at += 2 + int(cb)
		if len(std) < int(cbBase)+2 {
			continue // an empty slot
		}
		kinds, _ := le16(std, 2)
		counts, _ := le16(std, 4)
		stk, cupx := kinds&0x0F, int(counts&0x0F)
		if b := int(kinds >> 4); b != 0x0FFF {
			ss.base[i] = b
		}
		cch, _ := le16(std, int(cbBase))
		k := int(cbBase) + 2 + 2*int(cch) + 2 // past the name and its terminating 0
		// the property exceptions, in order: a paragraph style's PAPX then
		// CHPX, a character style's CHPX, a table style's TAPX, PAPX, CHPX
		chpx := map[uint16]int{1: 1, 2: 0, 3: 2}[stk]
		if stk < 1 || stk > 3 {
			continue
		}
		paraStyle[i] = stk == 1
		for u := 0; u < cupx && u <= chpx; u++ {
			n, ok := le16(std, k)
			if !ok || k+2+int(n) > len(std) {
				break
			}
			if u == chpx {
				eachSprm(std[k+2:k+2+int(n)], func(op uint16, arg []byte) {
					if op == 0x083C { // sprmCFVanish: 0 shows, 1 hides, 0x80/0x81 as or against its base
						switch arg[0] {
						case 0:
							ss.vanish[i] = 2
						case 1:
							ss.vanish[i] = 1
						}
					}
				})
			}
			k += 2 + int(n) + int(n)&1 // each padded to an even length
		}
		hiding = hiding || ss.vanish[i] == 1
	}
	if !hiding {
		return docStyleSheet{}
	}
	for i, para := range paraStyle { // (hiding by its own properties or its base's)
		if h, _ := ss.hides(i); para && h {
			ss.paras = true
		}
	}
	return ss
}
