package testdoc

import (
	"bytes"
	"encoding/binary"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// XLSSheet is a worksheet for XLS to write. A cell is written by its text:
// "" no record; "\x00" a blank cell (BLANK: a cell with borders only); a
// number a NUMBER, or an RK when it fits; "=…" a formula whose saved result
// is the rest (=12 a number, =TRUE, =#DIV/0!, ="text" a string in a STRING
// record, ="" an empty string), and its formula after a bar (=0|SUM(B2:G2):
// see xlsFormula; without one, the formula 0); "'12" a number kept as a
// string; anything else a string.
type XLSSheet struct {
	Name   string
	Rows   [][]string
	Merges [][4]int // first row, last row, first column, last column (0-based)
	Hidden bool
	Chart  bool // a chart sheet, which holds no cells
	// ChartAt draws a chart on the sheet (its BOF…EOF substream within the
	// sheet's) before this row's cells
	ChartAt int
	// HiddenRows are written hidden (a ROW record with fDyZero)
	HiddenRows []int
	// HiddenCols are written hidden, each by a COLINFO record of its own
	// with fHidden
	HiddenCols []int
}

// XLSOptions say how XLS writes the cells, as producers differ.
type XLSOptions struct {
	BIFF5    bool // Excel 95: strings as GBK bytes in LABEL records, the stream named Book
	Chunk    int  // the most bytes a record holds before a CONTINUE (Excel: 8 224)
	RichText bool // shared strings with a formatting run and phonetic data, which the reader skips
	FilePass bool // a password to open (the FILEPASS record)
	// Title is the file's title property, in a SummaryInformation
	// property set: as UTF-16 characters (VT_LPWSTR) when TitleCodePage is
	// 0, else as bytes in that code page (65001 as LibreOffice writes it,
	// 1200, 936)
	Title         string
	TitleCodePage int
}

// XLS writes a legacy Excel workbook (.xls) of the sheets: a BIFF8 (or
// BIFF5) stream in a compound file ([MS-XLS]). The shared strings are cut
// into CONTINUE records of opt.Chunk bytes, in a string's characters too
// (each continuation starts with its own flags byte, one-byte characters
// where the rest of a string allows them).
func XLS(t testing.TB, opt XLSOptions, sheets ...XLSSheet) []byte {
	t.Helper()
	if opt.Chunk == 0 {
		opt.Chunk = 8224
	}
	le := binary.LittleEndian
	var w bytes.Buffer
	rec := func(typ int, data []byte) {
		var h [4]byte
		le.PutUint16(h[:], uint16(typ))
		le.PutUint16(h[2:], uint16(len(data)))
		w.Write(h[:])
		w.Write(data)
	}
	u16 := func(v ...int) []byte {
		b := make([]byte, 2*len(v))
		for i, x := range v {
			le.PutUint16(b[2*i:], uint16(x))
		}
		return b
	}
	gbk := func(s string) []byte {
		b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatalf("%q in GBK: %v", s, err)
		}
		return b
	}
	wide := func(u []uint16) bool {
		for _, c := range u {
			if c > 0xFF {
				return true
			}
		}
		return false
	}
	chars := func(u []uint16, w bool) []byte {
		var b []byte
		for _, c := range u {
			if w {
				b = le.AppendUint16(b, c)
			} else {
				b = append(b, byte(c))
			}
		}
		return b
	}
	// an XLUnicodeString of a two-byte length (LABEL, STRING) or one-byte (sheet names)
	xlString := func(s string, lenBytes int) []byte {
		u := utf16.Encode([]rune(s))
		var b []byte
		if lenBytes == 1 {
			b = []byte{byte(len(u))}
		} else {
			b = u16(len(u))
		}
		f := byte(0)
		if wide(u) {
			f = 1
		}
		return append(append(b, f), chars(u, f == 1)...)
	}
	bof := func(dt int) {
		if opt.BIFF5 {
			rec(0x0809, u16(0x0500, dt, 0x0DBB, 0x07CC))
		} else {
			rec(0x0809, append(u16(0x0600, dt, 0x0DBB, 0x07CC), make([]byte, 8)...))
		}
	}

	// the shared strings, and each string's index
	index := map[string]int{}
	var sst []string
	for _, sh := range sheets {
		for _, row := range sh.Rows {
			for _, c := range row {
				if _, isNum := xlsNumber(c); c == "" || c == "\x00" || isNum || strings.HasPrefix(c, "=") {
					continue
				}
				c = strings.TrimPrefix(c, "'")
				if _, ok := index[c]; !ok {
					index[c] = len(sst)
					sst = append(sst, c)
				}
			}
		}
	}

	bof(0x0005)
	if opt.FilePass {
		rec(0x002F, u16(0)) // XOR obfuscation, key and hash left out
	}
	if opt.BIFF5 {
		rec(0x0042, u16(936))
	} else {
		rec(0x0042, u16(1200))
	}
	var boundAt []int // where each sheet's stream position is written
	for _, sh := range sheets {
		d := []byte{0, 0, 0, 0, 0, 0}
		if sh.Hidden {
			d[4] = 1
		}
		if sh.Chart {
			d[5] = 2
		}
		if opt.BIFF5 {
			b := gbk(sh.Name)
			d = append(append(d, byte(len(b))), b...)
		} else {
			d = append(d, xlString(sh.Name, 1)...)
		}
		boundAt = append(boundAt, w.Len()+4)
		rec(0x0085, d)
	}
	if !opt.BIFF5 && len(sst) > 0 {
		// records of at most Chunk bytes: a string's header never split
		// from its first character, its characters split with a flags byte
		parts := [][]byte{le.AppendUint32(le.AppendUint32(nil, uint32(len(sst))), uint32(len(sst)))}
		room := func() int { return opt.Chunk - len(parts[len(parts)-1]) }
		put := func(b []byte) { // bytes that run on from record to record
			for len(b) > 0 {
				if room() == 0 {
					parts = append(parts, nil)
				}
				k := min(room(), len(b))
				parts[len(parts)-1] = append(parts[len(parts)-1], b[:k]...)
				b = b[k:]
			}
		}
		for _, s := range sst {
			u := utf16.Encode([]rune(s))
			w := wide(u)
			flags := byte(0)
			if w {
				flags |= 1
			}
			h := append(u16(len(u)), flags)
			if opt.RichText {
				h[2] |= 0x0C
				h = append(append(h, u16(1)...), le.AppendUint32(nil, 6)...)
			}
			per := 1
			if w {
				per = 2
			}
			if room() < len(h)+per {
				parts = append(parts, nil)
			}
			parts[len(parts)-1] = append(parts[len(parts)-1], h...)
			for k := 0; k < len(u); {
				if room() < per {
					// the characters go on in a CONTINUE, one byte each if the rest allows
					w = wide(u[k:])
					per = 1
					if w {
						per = 2
					}
					flags := byte(0)
					if w {
						flags = 1
					}
					parts = append(parts, []byte{flags})
				}
				n := min(room()/per, len(u)-k)
				parts[len(parts)-1] = append(parts[len(parts)-1], chars(u[k:k+n], w)...)
				k += n
			}
			if opt.RichText {
				put(u16(0, 0))                // a run: from character 0, font 0
				put([]byte{1, 0, 2, 0, 0, 0}) // phonetic data, six bytes
			}
		}
		rec(0x00FC, parts[0])
		for _, p := range parts[1:] {
			rec(0x003C, p)
		}
	}
	rec(0x000A, nil)

	for si, sh := range sheets {
		le.PutUint32(w.Bytes()[boundAt[si]:], uint32(w.Len()))
		if sh.Chart {
			bof(0x0020)
			rec(0x000A, nil)
			continue
		}
		bof(0x0010)
		for _, c := range sh.HiddenCols { // COLINFO: first and last column, width, format, flags (fHidden), reserved
			rec(0x007D, u16(c, c, 0x0924, 15, 0x0001, 0))
		}
		for _, r := range sh.HiddenRows { // ROW: rw, columns, height, reserved, flags (fDyZero)
			rec(0x0208, append(u16(r, 0, 1, 255, 0, 0, 0x0020|0x0100), u16(15)...))
		}
		for r, row := range sh.Rows {
			if sh.ChartAt == r && r > 0 {
				// a chart's records are no cells of the sheet, and its EOF
				// does not end the sheet
				bof(0x0020)
				rec(0x0203, le.AppendUint64(u16(0, 0, 15), math.Float64bits(999)))
				rec(0x000A, nil)
			}
			for c := 0; c < len(row); c++ {
				v := row[c]
				head := u16(r, c, 15)
				switch n, isNum := xlsNumber(v); {
				case v == "":
				case v == "\x00":
					// blank cells side by side are one MULBLANK
					k := c
					for k+1 < len(row) && row[k+1] == "\x00" {
						k++
					}
					if k == c {
						rec(0x0201, head)
					} else {
						d := u16(r, c)
						for range k - c + 1 {
							d = append(d, u16(15)...)
						}
						rec(0x00BE, append(d, u16(k)...))
						c = k
					}
				case isNum:
					// integers side by side are one MULRK; one alone an RK;
					// any other number a NUMBER (hundredths an RK too)
					if rk, ok := xlsRK(n); ok {
						k := c
						for k+1 < len(row) {
							if m, ok := xlsNumber(row[k+1]); !ok || m != math.Trunc(m) {
								break
							} else if _, ok := xlsRK(m); !ok {
								break
							}
							k++
						}
						if k == c {
							rec(0x027E, le.AppendUint32(head, rk))
						} else {
							d := u16(r, c)
							for j := c; j <= k; j++ {
								m, _ := xlsNumber(row[j])
								x, _ := xlsRK(m)
								d = le.AppendUint32(append(d, u16(15)...), x)
							}
							rec(0x00BD, append(d, u16(k)...))
							c = k
						}
					} else {
						rec(0x0203, le.AppendUint64(head, math.Float64bits(n)))
					}
				case strings.HasPrefix(v, "="):
					res, src, _ := strings.Cut(v[1:], "|")
					rgce := []byte{0x1E, 0, 0} // ptgInt 0
					if src != "" {
						rgce = xlsFormula(t, src, opt.BIFF5)
					}
					val := make([]byte, 8)
					var str []byte
					switch n, isNum := xlsNumber(res); {
					case isNum:
						le.PutUint64(val, math.Float64bits(n))
					case res == "TRUE" || res == "FALSE":
						val[0] = 1
						if res == "TRUE" {
							val[2] = 1
						}
						val[6], val[7] = 0xFF, 0xFF
					case strings.HasPrefix(res, "#"):
						val[0], val[2], val[6], val[7] = 2, 0x07, 0xFF, 0xFF // #DIV/0!
					case res == `""`:
						val[0], val[6], val[7] = 3, 0xFF, 0xFF
					default:
						val[6], val[7] = 0xFF, 0xFF
						str = xlString(strings.Trim(res, `"`), 2)
						if opt.BIFF5 {
							b := gbk(strings.Trim(res, `"`))
							str = append(u16(len(b)), b...)
						}
					}
					// value, flags, cache, and the formula
					d := append(append(append(head, val...), u16(0, 0, 0)...), append(u16(len(rgce)), rgce...)...)
					rec(0x0006, d)
					if str != nil {
						rec(0x0207, str)
					}
				case opt.BIFF5:
					b := gbk(strings.TrimPrefix(v, "'"))
					rec(0x0204, append(append(head, u16(len(b))...), b...))
				default:
					rec(0x00FD, le.AppendUint32(head, uint32(index[strings.TrimPrefix(v, "'")])))
				}
			}
		}
		if len(sh.Merges) > 0 {
			d := u16(len(sh.Merges))
			for _, m := range sh.Merges {
				d = append(d, u16(m[0], m[1], m[2], m[3])...)
			}
			rec(0x00E5, d)
		}
		rec(0x000A, nil)
	}
	name := "Workbook"
	if opt.BIFF5 {
		name = "Book"
	}
	streams := []Stream{{Path: name, Data: w.Bytes()}}
	if opt.Title != "" {
		streams = append(streams, Stream{Path: "\x05SummaryInformation", Data: summaryInformation(t, opt.Title, opt.TitleCodePage)})
	}
	return Compound(t, streams...)
}

// summaryInformation is a SummaryInformation property set ([MS-OLEPS]) of
// a code page and a title.
func summaryInformation(t testing.TB, title string, codepage int) []byte {
	le := binary.LittleEndian
	var value []byte
	switch codepage {
	case 0: // VT_LPWSTR
		u := utf16.Encode([]rune(title + "\x00"))
		value = le.AppendUint32(le.AppendUint32(nil, 0x1F), uint32(len(u)))
		for _, c := range u {
			value = le.AppendUint16(value, c)
		}
	default: // VT_LPSTR
		var b []byte
		switch codepage {
		case 1200:
			for _, c := range utf16.Encode([]rune(title + "\x00")) {
				b = le.AppendUint16(b, c)
			}
		case 936:
			g, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(title))
			if err != nil {
				t.Fatal(err)
			}
			b = append(g, 0)
		default:
			b = append([]byte(title), 0)
		}
		value = append(le.AppendUint32(le.AppendUint32(nil, 0x1E), uint32(len(b))), b...)
	}
	for len(value)%4 != 0 {
		value = append(value, 0)
	}
	cp := codepage
	if cp == 0 {
		cp = 1200
	}
	props := le.AppendUint32(le.AppendUint32(nil, 2), uint32(cp)) // VT_I2, padded
	set := le.AppendUint32(nil, uint32(8+16+len(props)+len(value)))
	set = le.AppendUint32(set, 2)
	set = le.AppendUint32(le.AppendUint32(set, 1), 24)
	set = le.AppendUint32(le.AppendUint32(set, 2), uint32(24+len(props)))
	set = append(append(set, props...), value...)
	head := append([]byte{0xFE, 0xFF, 0, 0, 5, 1, 2, 0}, make([]byte, 16)...)
	head = le.AppendUint32(head, 1)
	head = append(head, 0xE0, 0x85, 0x9F, 0xF2, 0xF9, 0x4F, 0x68, 0x10, 0xAB, 0x91, 0x08, 0x00, 0x2B, 0x27, 0xB3, 0xD9)
	head = le.AppendUint32(head, 48)
	return append(head, set...)
}

// XLSOf writes an XLSX's sheets again as a legacy .xls (XLS), cell for
// cell (values as stored: a date its serial number) with their merged
// ranges.
func XLSOf(t testing.TB, xlsx []byte, opt XLSOptions) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatal(err)
	}
	if props, err := f.GetDocProps(); err == nil && opt.Title == "" {
		opt.Title = props.Title
	}
	var sheets []XLSSheet
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		s := XLSSheet{Name: name, Rows: rows}
		merges, err := f.GetMergeCells(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range merges {
			c0, r0, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
			c1, r1, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
			s.Merges = append(s.Merges, [4]int{r0 - 1, r1 - 1, c0 - 1, c1 - 1})
		}
		sheets = append(sheets, s)
	}
	return XLS(t, opt, sheets...)
}

// xlsNumber says a cell's text is a number XLS writes as one.
func xlsNumber(s string) (float64, bool) {
	if s == "" || strings.ContainsAny(s, "xXeEpP_+") || strings.TrimSpace(s) != s {
		return 0, false
	}
	n, err := strconv.ParseFloat(s, 64)
	return n, err == nil && !math.IsInf(n, 0) && !math.IsNaN(n)
}

// xlsRK is a number as an RK value: a 30-bit integer, or one in hundredths.
func xlsRK(n float64) (uint32, bool) {
	for _, scale := range []float64{1, 100} {
		v := n * scale
		if v == math.Trunc(v) && v >= -(1<<29) && v < 1<<29 {
			rk := uint32(int32(v))<<2 | 2
			if scale == 100 {
				rk |= 1
			}
			return rk, true
		}
	}
	return 0, false
}

// xlsFormula compiles a formula as Excel writes it ([MS-XLS] 2.5.198):
// numbers, cells (B2, $B$2), ranges (B2:G2), + and -, a sign, parentheses,
// functions of cells and ranges (SUM of one argument as Excel's attribute
// token, any other as a variable-argument function: SUM, AVERAGE, MAX),
// and a cell of another sheet (Sheet2!A1). Cells in arithmetic are of the
// value class, in a function's arguments of the reference class; relative
// flags set, as Excel sets them.
func xlsFormula(t testing.TB, src string, biff5 bool) []byte {
	t.Helper()
	le := binary.LittleEndian
	funcs := map[string]int{"SUM": 4, "AVERAGE": 5, "MAX": 7, "IF": 1}
	toks := regexp.MustCompile(`[A-Za-z0-9]+![A-Z]+[0-9]+|\$?[A-Z]+\$?[0-9]+(:\$?[A-Z]+\$?[0-9]+)?|[A-Z]+\(|[0-9.]+|[-+(),]`).FindAllString(strings.ReplaceAll(src, " ", ""), -1)
	if strings.Join(toks, "") != strings.ReplaceAll(src, " ", "") {
		t.Fatalf("formula %q: cannot compile", src)
	}
	pos := 0
	var out []byte
	cell := func(a string) (int, int) {
		c, r, err := excelize.CellNameToCoordinates(strings.ReplaceAll(a, "$", ""))
		if err != nil {
			t.Fatalf("formula %q: %v", src, err)
		}
		return r - 1, c - 1
	}
	ref := func(r, c int) []byte {
		if biff5 {
			return append(le.AppendUint16(nil, uint16(r)|0xC000), byte(c))
		}
		return le.AppendUint16(le.AppendUint16(nil, uint16(r)), uint16(c)|0xC000)
	}
	// operand writes a cell, range or other sheet's cell in a class (0x20
	// reference, 0x40 value)
	operand := func(tok string, class byte) bool {
		switch {
		case strings.Contains(tok, "!"):
			_, a, _ := strings.Cut(tok, "!")
			r, c := cell(a)
			out = append(append(out, 0x1A|class, 0, 0), ref(r, c)...) // ptgRef3d, the sheet's XTI 0
		case strings.Contains(tok, ":"):
			a, b, _ := strings.Cut(tok, ":")
			r0, c0 := cell(a)
			r1, c1 := cell(b)
			out = append(out, 0x05|class)
			if biff5 {
				out = append(le.AppendUint16(le.AppendUint16(out, uint16(r0)|0xC000), uint16(r1)|0xC000), byte(c0), byte(c1))
			} else {
				out = le.AppendUint16(le.AppendUint16(le.AppendUint16(le.AppendUint16(out, uint16(r0)), uint16(r1)), uint16(c0)|0xC000), uint16(c1)|0xC000)
			}
		case tok != "" && tok[0] >= 'A' && tok[0] <= 'Z' || tok != "" && tok[0] == '$':
			r, c := cell(tok)
			out = append(append(out, 0x04|class), ref(r, c)...)
		default:
			return false
		}
		return true
	}
	var expr func()
	primary := func() {
		tok := toks[pos]
		pos++
		switch {
		case tok == "(":
			expr()
			pos++ // )
			out = append(out, 0x15)
		case strings.HasSuffix(tok, "("):
			n := 0
			for toks[pos] != ")" {
				if a := toks[pos]; (pos+1 < len(toks) && (toks[pos+1] == "," || toks[pos+1] == ")")) && operand(a, 0x20) {
					pos++
				} else {
					expr()
				}
				n++
				if toks[pos] == "," {
					pos++
				}
			}
			pos++
			name := strings.TrimSuffix(tok, "(")
			if name == "SUM" && n == 1 {
				out = append(out, 0x19, 0x10, 0, 0) // ptgAttr, attrSum
			} else {
				out = le.AppendUint16(append(out, 0x42, byte(n)), uint16(funcs[name]))
			}
		case operand(tok, 0x40):
		default:
			n, err := strconv.ParseFloat(tok, 64)
			if err != nil {
				t.Fatalf("formula %q: %q", src, tok)
			}
			if n == math.Trunc(n) && n >= 0 && n < 1<<16 {
				out = le.AppendUint16(append(out, 0x1E), uint16(n))
			} else {
				out = le.AppendUint64(append(out, 0x1F), math.Float64bits(n))
			}
		}
	}
	term := func() {
		if toks[pos] == "-" {
			pos++
			primary()
			out = append(out, 0x13) // ptgUminus
			return
		}
		primary()
	}
	expr = func() {
		term()
		for pos < len(toks) && (toks[pos] == "+" || toks[pos] == "-") {
			op := byte(0x03)
			if toks[pos] == "-" {
				op = 0x04
			}
			pos++
			term()
			out = append(out, op)
		}
	}
	expr()
	if pos != len(toks) {
		t.Fatalf("formula %q: %d of %d tokens compiled", src, pos, len(toks))
	}
	return out
}

// XLSX writes the rows into the first sheet of a workbook by excelize, its
// strings shared as Excel keeps them: each distinct string once, the cells
// referring to it.
func XLSX(t testing.TB, rows [][]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	for i, row := range rows {
		for k, c := range row {
			cell, _ := excelize.CoordinatesToCellName(k+1, i+1)
			if err := f.SetCellStr("Sheet1", cell, c); err != nil {
				t.Fatal(err)
			}
		}
	}
	b, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
