// Package xls reads the cells of a legacy Excel workbook (.xls): BIFF8,
// which Excel 97–2003, WPS (its .et too) and LibreOffice write, and the
// BIFF5/7 of Excel 95, each in an OLE2 compound file ([MS-XLS], [MS-CFB]).
// Registers and published reports still come so from offices whose
// templates are older than their software. It reads what such a file holds
// for gongkai: each worksheet's values as text and its merged ranges, a
// formula's last result as Excel saved it (a sum a program saved as 0 or ""
// computed: formula.go); not formats, charts or pictures.
// No maintained Go library reads BIFF (see docs/ARCHITECTURE.md).
package xls

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Errors a caller turns into its message.
var (
	ErrNotWorkbook = errors.New("xls: no workbook stream")      // a compound file, but a Word document or other
	ErrEncrypted   = errors.New("xls: encrypted")               // a password to open (FILEPASS, or MS-OFFCRYPTO)
	ErrTooOld      = errors.New("xls: BIFF2-4 worksheet")       // Excel 2.x–4.0: nothing writes it since 1994
	ErrTooLarge    = errors.New("xls: more cells than allowed") // see Limits
	ErrDamaged     = errors.New("xls: damaged")                 // wrapped with what was wrong
)

// Workbook is a workbook's worksheets in their order (charts, macro and
// module sheets left out).
type Workbook struct {
	Sheets []Sheet
	BIFF   int // 8, or 5 (Excel 95)
	// Title is the file's title property (文件 > 属性 > 标题), kept through
	// a save as XLS: gongkai's own export of the tables names its report
	// only there
	Title string
	// Date1904: the workbook counts its dates from 1904-01-01 (DATEMODE:
	// old Mac Excel), not from 1899-12-30
	Date1904 bool
}

// Sheet is a worksheet: Rows[r][c] is the cell's text ("" blank), each row
// as long as its last cell record (a blank cell with borders is one), and
// its merged ranges.
type Sheet struct {
	Name   string
	Hidden bool
	Rows   [][]string
	Merges []Range
	// HiddenRows are the rows hidden (ROW's fDyZero: not shown, not
	// printed), in order
	HiddenRows []int
	// HiddenCols are the columns hidden (COLINFO's fHidden), in the
	// order their records come
	HiddenCols []int
	// Notes are the texts of the notes on its cells (批注: shown only on
	// pointing at the cell), at most 64; BIFF8 only
	Notes []string
	// Computed counts, by row, the cells that are formulas whose results
	// were saved as 0 or "" (a program's export: see formula.go) and
	// computed here
	Computed map[int]int
}

// Range is a merged range, 0-based and inclusive.
type Range struct{ R0, C0, R1, C1 int }

// Limits bound what one file may cost.
type Limits struct {
	Stream int // bytes of the workbook stream
	Cells  int // cell records kept, all sheets together
	Merges int // merged ranges, all sheets together
	// Grid bounds the cells laid out, all sheets together: a row as long
	// as its last cell, the empty ones before it included (one record in
	// column IV makes a row of 256); 0 is no bound beyond Cells × 256
	Grid int
}

// DefaultLimits suit a report or a register of a year.
var DefaultLimits = Limits{Stream: 64 << 20, Cells: 4_000_000, Merges: 100_000, Grid: 16_000_000}

// BIFF8 rows and columns: 65 536 × 256; an index past them is damage.
const (
	maxRow = 1 << 16
	maxCol = 1 << 8
)

// Read reads a compound file's workbook.
func Read(data []byte, lim Limits) (*Workbook, error) {
	cf, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: compound file: %v", ErrDamaged, err)
	}
	var stream []byte
	var title string
	book := false // the stream is Excel 95's "Book"
	for e, err := cf.Next(); err == nil; e, err = cf.Next() {
		if len(e.Path) > 0 {
			continue // an embedded object's storage
		}
		switch name := strings.ToLower(e.Name); name {
		case "workbook", "book":
			// Excel 97 could save both (its "Microsoft Excel 97 & 5.0/95"):
			// the BIFF8 Workbook is the one to read
			if stream != nil && name == "book" {
				continue
			}
			b, err := io.ReadAll(io.LimitReader(e, int64(min(lim.Stream, len(data)))+1))
			if err != nil {
				return nil, fmt.Errorf("%w: workbook stream: %v", ErrDamaged, err)
			}
			if len(b) > len(data) {
				// more bytes than the file has: its chain of sectors loops
				// (mscfb follows it round to the size the entry claims)
				return nil, fmt.Errorf("%w: workbook stream longer than the file", ErrDamaged)
			}
			if len(b) > lim.Stream {
				return nil, ErrTooLarge
			}
			stream, book = b, name == "book"
		case "encryptioninfo", "encryptedpackage":
			return nil, ErrEncrypted
		case "summaryinformation": // (\x05SummaryInformation: mscfb keeps the 5 apart)
			if b, err := io.ReadAll(io.LimitReader(e, 64<<10)); err == nil {
				title = summaryTitle(b)
			}
		}
	}
	if stream == nil {
		return nil, ErrNotWorkbook
	}
	wb, err := parse(stream, book, lim)
	if wb != nil {
		wb.Title = title
	}
	return wb, err
}

// summaryTitle is the title (PIDSI_TITLE) of a SummaryInformation property
// set ([MS-OLEPS] 2.21), in its code page; "" if it has none or cannot be
// read.
func summaryTitle(b []byte) string {
	le := binary.LittleEndian
	if len(b) < 48 || le.Uint16(b) != 0xFFFE {
		return ""
	}
	set := int(le.Uint32(b[44:])) // the first property set's offset
	if set < 0 || set+8 > len(b) {
		return ""
	}
	n := min(int(le.Uint32(b[set+4:])), 256)
	value := func(pid uint32) []byte { // the property's type and value
		for i := 0; i < n; i++ {
			at := set + 8 + 8*i
			if at+8 > len(b) {
				return nil
			}
			if le.Uint32(b[at:]) == pid {
				if off := set + int(le.Uint32(b[at+4:])); off >= set && off+8 <= len(b) {
					return b[off:]
				}
			}
		}
		return nil
	}
	codepage := -1
	if v := value(1); v != nil && le.Uint16(v) == 0x0002 { // VT_I2
		codepage = int(le.Uint16(v[4:]))
	}
	v := value(2)
	if v == nil {
		return ""
	}
	size := int(le.Uint32(v[4:]))
	switch typ := le.Uint16(v); {
	case typ == 0x001F && size <= (len(v)-8)/2: // VT_LPWSTR: characters of UTF-16
		u := make([]uint16, size)
		for i := range u {
			u[i] = le.Uint16(v[8+2*i:])
		}
		return strings.TrimRight(string(utf16.Decode(u)), "\x00")
	case typ == 0x001E && size <= len(v)-8: // VT_LPSTR: bytes in the set's code page
		t := v[8 : 8+size]
		switch {
		case codepage == 1200:
			u := make([]uint16, len(t)/2)
			for i := range u {
				u[i] = le.Uint16(t[2*i:])
			}
			return strings.TrimRight(string(utf16.Decode(u)), "\x00")
		case codepage == 65001 || codepage < 0 && utf8.Valid(t):
			return strings.TrimRight(strings.ToValidUTF8(string(t), "\uFFFD"), "\x00")
		}
		d, err := decoder(codepage).Bytes(t)
		if err != nil {
			return ""
		}
		return strings.TrimRight(string(d), "\x00")
	}
	return ""
}

// ReadStream reads a workbook stream itself (BIFF8): an Excel 97–2003
// object embedded in a Word 97 document keeps its Workbook stream in a
// storage of the document's compound file.
func ReadStream(stream []byte, lim Limits) (*Workbook, error) {
	if len(stream) > lim.Stream {
		return nil, ErrTooLarge
	}
	return parse(stream, false, lim)
}

// Record types ([MS-XLS] 2.3).
const (
	recFormula    = 0x0006
	recEOF        = 0x000A
	recDateMode   = 0x0022
	recFilePass   = 0x002F
	recContinue   = 0x003C
	recCodePage   = 0x0042
	recBoundSheet = 0x0085
	recMulRK      = 0x00BD
	recMulBlank   = 0x00BE
	recRString    = 0x00D6
	recMergeCells = 0x00E5
	recSST        = 0x00FC
	recLabelSST   = 0x00FD
	recBlank      = 0x0201
	recNumber     = 0x0203
	recLabel      = 0x0204
	recBoolErr    = 0x0205
	recString     = 0x0207
	recRK         = 0x027E
	recRow        = 0x0208
	recObj        = 0x005D
	recTxo        = 0x01B6
	recColInfo    = 0x007D
	recBOF        = 0x0809
)

// records walks a stream's records: type, then the data with the CONTINUE
// records that follow it as parts of their own (a string's characters
// restart their flags byte in each).
type records struct {
	b   []byte
	off int
}

func (r *records) next() (typ uint16, parts [][]byte, ok bool) {
	if r.off+4 > len(r.b) {
		return 0, nil, false
	}
	typ = binary.LittleEndian.Uint16(r.b[r.off:])
	n := int(binary.LittleEndian.Uint16(r.b[r.off+2:]))
	if r.off+4+n > len(r.b) {
		return 0, nil, false // cut short: the file ends here
	}
	parts = [][]byte{r.b[r.off+4 : r.off+4+n]}
	r.off += 4 + n
	for r.off+4 <= len(r.b) && binary.LittleEndian.Uint16(r.b[r.off:]) == recContinue {
		n := int(binary.LittleEndian.Uint16(r.b[r.off+2:]))
		if r.off+4+n > len(r.b) {
			break
		}
		parts = append(parts, r.b[r.off+4:r.off+4+n])
		r.off += 4 + n
	}
	return typ, parts, true
}

type boundSheet struct {
	pos    int
	hidden bool
	name   string
}

type parser struct {
	biff  int
	dec   *encoding.Decoder // BIFF5's byte strings
	sst   []string
	cells int
	grid  int // cells laid out (Limits.Grid)
	merge int
	lim   Limits
	calc  calcBudget
}

func parse(b []byte, book bool, lim Limits) (*Workbook, error) {
	r := &records{b: b}
	typ, parts, ok := r.next()
	if !ok || len(parts[0]) < 4 {
		return nil, fmt.Errorf("%w: no BOF record", ErrDamaged)
	}
	switch typ {
	case recBOF:
	case 0x0009, 0x0209, 0x0409:
		return nil, ErrTooOld
	default:
		return nil, fmt.Errorf("%w: no BOF record", ErrDamaged)
	}
	p := &parser{biff: 8, lim: lim, calc: calcBudget{formulas: calcFormulas, cells: calcCells}}
	switch binary.LittleEndian.Uint16(parts[0]) {
	case 0x0600:
	case 0x0500:
		p.biff = 5
	default: // writers that leave the version out: the stream's name says
		if book {
			p.biff = 5
		}
	}
	codepage := -1
	date1904 := false
	var sheets []boundSheet
globals:
	for {
		typ, parts, ok := r.next()
		if !ok {
			return nil, fmt.Errorf("%w: the workbook's globals have no end", ErrDamaged)
		}
		d := parts[0]
		switch typ {
		case recEOF:
			break globals
		case recFilePass:
			return nil, ErrEncrypted
		case recCodePage:
			if len(d) >= 2 {
				codepage = int(binary.LittleEndian.Uint16(d))
			}
		case recDateMode:
			date1904 = len(d) >= 2 && binary.LittleEndian.Uint16(d) == 1
		case recBoundSheet:
			if len(d) < 8 {
				continue
			}
			s := boundSheet{pos: int(binary.LittleEndian.Uint32(d)), hidden: d[4]&3 != 0}
			if d[5] != 0 {
				continue // a chart, macro or module sheet
			}
			if p.biff == 8 {
				s.name, _ = (&chunks{parts: [][]byte{d[6:]}}).xlString(1)
			} else if n := int(d[6]); len(d) >= 7+n {
				s.name = p.bytes(d[7 : 7+n])
			}
			sheets = append(sheets, s)
		case recSST:
			if err := p.readSST(parts); err != nil {
				return nil, err
			}
		}
	}
	if p.biff == 5 {
		p.dec = decoder(codepage)
	}
	wb := &Workbook{BIFF: p.biff, Date1904: date1904}
	for _, s := range sheets {
		sh, err := p.sheet(b, s)
		if err != nil {
			return nil, err
		}
		wb.Sheets = append(wb.Sheets, *sh)
	}
	return wb, nil
}

// decoder is BIFF5's code page; a file without one is taken to be GBK, as
// the Chinese Excel 95 and WPS wrote it.
func decoder(cp int) *encoding.Decoder {
	switch cp {
	case 1252, 0x8001: // 0x8001: Windows ANSI as Excel 3 said it
		return charmap.Windows1252.NewDecoder()
	case 10000, 0x8000:
		return charmap.Macintosh.NewDecoder()
	case 950:
		return traditionalchinese.Big5.NewDecoder()
	case 367, 437:
		return charmap.CodePage437.NewDecoder()
	}
	return simplifiedchinese.GBK.NewDecoder() // 936, 54936, none
}

// bytes is a BIFF5 string of bytes in the workbook's code page.
func (p *parser) bytes(b []byte) string {
	if p.dec == nil {
		p.dec = decoder(-1)
	}
	s, err := p.dec.Bytes(b)
	if err != nil {
		return string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
	}
	return string(s)
}

// readSST reads the shared strings, which LABELSST cells name by index.
func (p *parser) readSST(parts [][]byte) error {
	if len(parts[0]) < 8 {
		return fmt.Errorf("%w: shared strings", ErrDamaged)
	}
	n := int(binary.LittleEndian.Uint32(parts[0][4:]))
	c := &chunks{parts: parts, off: 8}
	// (the count is the file's word: it allocates only what is read)
	for i := 0; i < n; i++ {
		s, ok := c.richString()
		if !ok {
			break // a count larger than the strings: keep those read
		}
		if p.cells++; p.cells > p.lim.Cells {
			return ErrTooLarge
		}
		p.sst = append(p.sst, s)
	}
	return nil
}

// sheet reads a worksheet's substream, at its BOF record.
func (p *parser) sheet(b []byte, s boundSheet) (*Sheet, error) {
	sh := &Sheet{Name: s.name, Hidden: s.hidden}
	if s.pos < 0 || s.pos >= len(b) {
		return nil, fmt.Errorf("%w: sheet %q is past the stream's end", ErrDamaged, s.name)
	}
	r := &records{b: b, off: s.pos}
	if typ, _, ok := r.next(); !ok || typ != recBOF {
		return nil, fmt.Errorf("%w: sheet %q has no BOF record", ErrDamaged, s.name)
	}
	set := func(row, col int, v string) error {
		if row >= maxRow || col >= maxCol {
			return nil // past Excel's grid: no cell of the sheet
		}
		if p.cells++; p.cells > p.lim.Cells {
			return ErrTooLarge
		}
		for len(sh.Rows) <= row {
			sh.Rows = append(sh.Rows, nil)
		}
		if n := col + 1 - len(sh.Rows[row]); n > 0 {
			if p.grid += n; p.lim.Grid > 0 && p.grid > p.lim.Grid {
				return ErrTooLarge
			}
			sh.Rows[row] = append(sh.Rows[row], make([]string, n)...)
		}
		if v != "" || sh.Rows[row][col] == "" {
			sh.Rows[row][col] = v
		}
		return nil
	}
	// a formula's cell whose text is in the STRING record after it (an
	// ARRAY or SHRFMLA record may come between)
	pending := [2]int{-1, -1}
	var lastObj uint16 // the type of the object (OBJ) whose text (TXO) may follow
	calc := &sheetCalc{biff: p.biff, sh: sh, formulas: map[[2]int]*formula{}, kinds: map[[2]int]byte{},
		budget: &p.calc, memo: map[[2]int]calcResult{}, busy: map[[2]int]bool{}}
	var order [][2]int // the formulas' cells, in the sheet's order
	kind := func(row, col int, k byte) {
		if len(calc.kinds) < keptFormulas {
			calc.kinds[[2]int{row, col}] = k
		}
	}
	text := func(row, col int, v string) error {
		if _, ok := parseNumber(v); ok {
			kind(row, col, kindNumText)
		}
		return set(row, col, v)
	}
	depth := 1 // a chart drawn on the sheet is a substream within it
	for depth > 0 {
		typ, parts, ok := r.next()
		if !ok {
			break // cut short: keep what was read
		}
		switch typ {
		case recBOF:
			depth++
			continue
		case recEOF:
			depth--
			continue
		}
		d := parts[0]
		if depth > 1 || len(d) < 6 && typ != recString && typ != recMergeCells {
			continue
		}
		var err error
		row, col := at(d)
		switch typ {
		case recLabelSST:
			if len(d) >= 10 {
				if i := int(binary.LittleEndian.Uint32(d[6:])); i < len(p.sst) {
					err = text(row, col, p.sst[i])
				}
			}
		case recLabel, recRString:
			err = text(row, col, p.label(parts))
		case recNumber:
			if len(d) >= 14 {
				err = set(row, col, number(math.Float64frombits(binary.LittleEndian.Uint64(d[6:]))))
			}
		case recRK:
			if len(d) >= 10 {
				err = set(row, col, number(rk(binary.LittleEndian.Uint32(d[6:]))))
			}
		case recMulRK:
			for i := 4; i+6 <= len(d)-2 && err == nil; i += 6 {
				err = set(row, col, number(rk(binary.LittleEndian.Uint32(d[i+2:]))))
				col++
			}
		case recBlank:
			err = set(row, col, "")
		case recMulBlank:
			for i := 4; i+2 <= len(d)-2 && err == nil; i += 2 {
				err = set(row, col, "")
				col++
			}
		case recBoolErr:
			if len(d) >= 8 {
				kind(row, col, boolErrKind(d[7] != 0))
				err = set(row, col, boolErr(d[6], d[7] != 0))
			}
		case recFormula:
			pending = [2]int{-1, -1}
			if len(d) < 14 {
				break
			}
			if len(d) >= 22 && len(calc.formulas) < keptFormulas && row < maxRow && col < maxCol {
				n := int(binary.LittleEndian.Uint16(d[20:]))
				f := &formula{rgce: d[22:min(len(d), 22+n)]}
				if d[12] != 0xFF || d[13] != 0xFF { // a number: 0 (or -0)
					f.unsaved = binary.LittleEndian.Uint64(d[6:])&^(1<<63) == 0
				} else { // an empty string
					f.unsaved = d[6] == 3
				}
				if _, seen := calc.formulas[[2]int{row, col}]; !seen {
					order = append(order, [2]int{row, col})
				}
				calc.formulas[[2]int{row, col}] = f
			}
			if d[12] != 0xFF || d[13] != 0xFF {
				err = set(row, col, number(math.Float64frombits(binary.LittleEndian.Uint64(d[6:]))))
				break
			}
			switch d[6] {
			case 0:
				pending = [2]int{row, col}
			case 1:
				kind(row, col, kindBool)
				err = set(row, col, boolErr(d[8], false))
			case 2:
				kind(row, col, kindError)
				err = set(row, col, boolErr(d[8], true))
			default: // 3: an empty string
				err = set(row, col, "")
			}
		case recString:
			if pending[0] >= 0 {
				err = set(pending[0], pending[1], p.text(parts))
			}
			pending = [2]int{-1, -1}
		case recObj: // its first part (ftCmo) says what the object is: 0x19 a note
			if len(d) >= 6 && binary.LittleEndian.Uint16(d) == 0x15 {
				lastObj = binary.LittleEndian.Uint16(d[4:])
			}
		case recTxo: // an object's text, in the CONTINUE after it
			if lastObj == 0x19 && p.biff == 8 && len(d) >= 12 && len(parts) > 1 && len(parts[1]) > 0 && len(sh.Notes) < 64 {
				c := &chunks{parts: parts[1:], off: 1}
				if t, ok := c.chars(int(binary.LittleEndian.Uint16(d[10:])), parts[1][0]&1 != 0); ok && strings.TrimSpace(t) != "" {
					sh.Notes = append(sh.Notes, t)
				}
			}
			lastObj = 0
		case recRow:
			if len(d) >= 14 && binary.LittleEndian.Uint16(d[12:])&0x0020 != 0 && len(sh.HiddenRows) < maxRow {
				sh.HiddenRows = append(sh.HiddenRows, row)
			}
		case recColInfo: // first and last column, width, format, flags (fHidden)
			if len(d) >= 10 && binary.LittleEndian.Uint16(d[8:])&0x0001 != 0 {
				c0, c1 := int(binary.LittleEndian.Uint16(d)), int(binary.LittleEndian.Uint16(d[2:]))
				for c := c0; c <= min(c1, maxCol-1) && len(sh.HiddenCols) < maxCol; c++ {
					sh.HiddenCols = append(sh.HiddenCols, c)
				}
			}
		case recMergeCells:
			if len(d) < 2 {
				break
			}
			n := int(binary.LittleEndian.Uint16(d))
			for i := 0; i < n && 2+8*i+8 <= len(d); i++ {
				e := d[2+8*i:]
				g := Range{R0: int(binary.LittleEndian.Uint16(e)), R1: int(binary.LittleEndian.Uint16(e[2:])),
					C0: int(binary.LittleEndian.Uint16(e[4:])), C1: int(binary.LittleEndian.Uint16(e[6:]))}
				g.R0, g.R1 = min(g.R0, g.R1), max(g.R0, g.R1)
				g.C0, g.C1 = min(g.C0, g.C1), max(g.C0, g.C1)
				if p.merge++; p.merge > p.lim.Merges {
					return nil, ErrTooLarge
				}
				sh.Merges = append(sh.Merges, g)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	calc.run(order)
	return sh, nil
}

func boolErrKind(isErr bool) byte {
	if isErr {
		return kindError
	}
	return kindBool
}

// at is a cell record's row and column.
func at(d []byte) (int, int) {
	if len(d) < 4 {
		return 0, 0 // (a STRING or MERGECELLS record: no cell's)
	}
	return int(binary.LittleEndian.Uint16(d)), int(binary.LittleEndian.Uint16(d[2:]))
}

// label is a LABEL (or RSTRING) cell's text, after its row, column and
// format.
func (p *parser) label(parts [][]byte) string {
	parts = append([][]byte{parts[0][6:]}, parts[1:]...)
	return p.text(parts)
}

// text is a string of two-byte length: an XLUnicodeString in BIFF8, bytes
// in the code page in BIFF5.
func (p *parser) text(parts [][]byte) string {
	if p.biff == 8 {
		s, _ := (&chunks{parts: parts}).xlString(2)
		return s
	}
	d := parts[0]
	if len(d) < 2 {
		return ""
	}
	n := min(int(binary.LittleEndian.Uint16(d)), len(d)-2)
	return p.bytes(d[2 : 2+n])
}

// rk is an RK number: 30 bits of an integer or of a double's high bits,
// maybe hundredths ([MS-XLS] 2.5.217).
func rk(v uint32) float64 {
	var f float64
	if v&2 != 0 {
		f = float64(int32(v) >> 2)
	} else {
		f = math.Float64frombits(uint64(v&^3) << 32)
	}
	if v&1 != 0 {
		f /= 100
	}
	return f
}

// number is a number as Excel shows it in General: at most 15 significant
// digits (0.1+0.2 is 0.3), never an exponent.
func number(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "#NUM!"
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if r == 0 {
		return "0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// boolErr is a BOOLERR value: TRUE or FALSE, or an error as Excel writes it.
func boolErr(v byte, isErr bool) string {
	if !isErr {
		if v != 0 {
			return "TRUE"
		}
		return "FALSE"
	}
	switch v {
	case 0x00:
		return "#NULL!"
	case 0x07:
		return "#DIV/0!"
	case 0x0F:
		return "#VALUE!"
	case 0x17:
		return "#REF!"
	case 0x1D:
		return "#NAME?"
	case 0x24:
		return "#NUM!"
	}
	return "#N/A"
}

// chunks reads a record's data over its CONTINUE records: bytes run on
// from one to the next, while a string's characters restart in each with a
// flags byte that says whether they are one or two bytes.
type chunks struct {
	parts [][]byte
	i     int
	off   int
}

// take is the next n bytes, across parts.
func (c *chunks) take(n int) ([]byte, bool) {
	if c.i < len(c.parts) && c.off+n <= len(c.parts[c.i]) {
		b := c.parts[c.i][c.off : c.off+n]
		c.off += n
		return b, true
	}
	out := make([]byte, 0, n)
	for len(out) < n {
		if c.i >= len(c.parts) {
			return nil, false
		}
		if c.off == len(c.parts[c.i]) {
			c.i, c.off = c.i+1, 0
			continue
		}
		k := min(n-len(out), len(c.parts[c.i])-c.off)
		out = append(out, c.parts[c.i][c.off:c.off+k]...)
		c.off += k
	}
	return out, true
}

// chars is n characters, one byte each (Latin-1) or two (UTF-16).
func (c *chunks) chars(n int, wide bool) (string, bool) {
	var u []uint16
	for n > 0 {
		if c.i >= len(c.parts) {
			return "", false
		}
		if c.off == len(c.parts[c.i]) {
			// the characters go on in the next part, after its own flags
			if c.i++; c.i >= len(c.parts) || len(c.parts[c.i]) == 0 {
				return "", false
			}
			wide, c.off = c.parts[c.i][0]&1 != 0, 1
			continue
		}
		d := c.parts[c.i][c.off:]
		if wide {
			k := min(n, len(d)/2)
			if k == 0 {
				return "", false // half a character
			}
			for j := 0; j < k; j++ {
				u = append(u, binary.LittleEndian.Uint16(d[2*j:]))
			}
			n, c.off = n-k, c.off+2*k
		} else {
			k := min(n, len(d))
			for _, b := range d[:k] {
				u = append(u, uint16(b))
			}
			n, c.off = n-k, c.off+k
		}
	}
	return string(utf16.Decode(u)), true
}

// xlString reads an XLUnicodeString: its length in lenBytes bytes, a flags
// byte, the characters ([MS-XLS] 2.5.294, 2.5.240 with a one-byte length).
func (c *chunks) xlString(lenBytes int) (string, bool) {
	h, ok := c.take(lenBytes + 1)
	if !ok {
		return "", false
	}
	n := int(h[0])
	if lenBytes == 2 {
		n = int(binary.LittleEndian.Uint16(h))
	}
	return c.chars(n, h[lenBytes]&1 != 0)
}

// richString reads an XLUnicodeRichExtendedString, as the shared strings
// hold them: its rich-text runs and phonetic data skipped.
func (c *chunks) richString() (string, bool) {
	h, ok := c.take(3)
	if !ok {
		return "", false
	}
	n, flags := int(binary.LittleEndian.Uint16(h)), h[2]
	runs, ext := 0, 0
	if flags&0x08 != 0 {
		b, ok := c.take(2)
		if !ok {
			return "", false
		}
		runs = int(binary.LittleEndian.Uint16(b))
	}
	if flags&0x04 != 0 {
		b, ok := c.take(4)
		if !ok {
			return "", false
		}
		ext = int(binary.LittleEndian.Uint32(b))
	}
	s, ok := c.chars(n, flags&1 != 0)
	if !ok {
		return "", false
	}
	// (runs or phonetic data cut short end the strings after this one)
	c.skip(4 * runs)
	c.skip(ext)
	return s, true
}

// skip passes n bytes, across parts.
func (c *chunks) skip(n int) bool {
	for n > 0 {
		if c.i >= len(c.parts) {
			return false
		}
		k := min(n, len(c.parts[c.i])-c.off)
		if k == 0 {
			c.i, c.off = c.i+1, 0
			continue
		}
		n, c.off = n-k, c.off+k
	}
	return true
}
