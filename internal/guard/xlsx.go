package guard

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// OpenXLSX opens a workbook from outside. excelize unpacks a part larger
// than opts.UnzipXMLSizeLimit into a temporary file, and when the archive
// is broken after that (a header that claims more than the entry holds) it
// returns an error without the File that knows the file: each such upload
// left a file in the system's temporary directory for good. Here excelize's
// temporary files go into a directory of this call's own, which the
// returned done removes with the workbook, whatever happened; done must be
// called, on error too.
func OpenXLSX(data []byte, opts excelize.Options) (f *excelize.File, done func(), err error) {
	dir, err := os.MkdirTemp("", "gongkai-xlsx-")
	if err != nil {
		return nil, func() {}, err
	}
	opts.TmpDir = dir
	f, err = excelize.OpenReader(bytes.NewReader(data), opts)
	done = func() {
		if f != nil {
			_ = f.Close()
		}
		_ = os.RemoveAll(dir)
	}
	if err != nil {
		done()
		return nil, func() {}, err
	}
	return f, done, nil
}

// XLSXCells is what excelize makes of a workbook's cells when it reads
// them, measured before it does (XLSXMeasure), so that a few KB of a file
// cannot make gigabytes:
type XLSXCells struct {
	// Text is the bytes of shared strings the cells take, a string counted
	// for each cell that refers to it: excelize copies it for each (one
	// string of 16 KB referred to by 100 000 cells is 1.6 GB).
	Text int64
	// Cells is the cells laid out, a row as wide as its last cell with a
	// value: excelize fills the cells before it (a cell in column XFD makes
	// a row of 16 384, and 4 000 such rows of a 22 KB file were 24 GB).
	Cells int64
	// Merges is the merged ranges of all sheets (<mergeCell>).
	Merges int64
	// Strings is the shared strings (<si>): excelize keeps about 100
	// bytes for each, an empty one (<si/>, 5 bytes of the part) too, so
	// 12 million of them, an 89 KB file, were 1.3 GB.
	Strings int64
}

// XLSXMeasure measures a workbook's cells: the shared strings and each
// worksheet read once, at most maxPart bytes of each, unzipped, and no
// further once any measure is past stop's; what it cannot read it
// leaves to excelize (zero for what is not a workbook).
func XLSXMeasure(data []byte, maxPart int64, stop XLSXCells) XLSXCells {
	var m XLSXCells
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return m
	}
	var sizes []int64 // of each shared string, in order
	var sheets []*zip.File
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		switch {
		case name == "xl/sharedstrings.xml":
			sizes = sharedStringSizes(f, maxPart, stop.Strings+1)
		case strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml"):
			sheets = append(sheets, f)
		}
	}
	if m.Strings = int64(len(sizes)); m.past(stop) {
		return m
	}
	for _, f := range sheets {
		if m.past(stop) {
			break
		}
		rc, err := f.Open()
		if err != nil {
			continue
		}
		d := xml.NewDecoder(io.LimitReader(rc, maxPart))
		shared, inValue := false, false
		col, width := 0, 0 // the cell's column (1-based) and the row's width so far
		for m.Text <= stop.Text && m.Cells+int64(width) <= stop.Cells && m.Merges <= stop.Merges {
			tok, err := d.RawToken()
			if err != nil {
				break
			}
			switch t := tok.(type) {
			case xml.StartElement:
				switch t.Name.Local {
				case "row":
					m.Cells += int64(width)
					col, width = 0, 0
				case "c":
					shared = false
					col++ // a cell without r follows the one before
					for _, a := range t.Attr {
						switch a.Name.Local {
						case "t":
							shared = a.Value == "s"
						case "r":
							if c := columnOf(a.Value); c > 0 {
								col = c
							}
						}
					}
				case "mergeCell":
					m.Merges++
				case "v", "is", "f": // a value, an inline string, a formula: laid out
					width = max(width, col)
					inValue = shared && t.Name.Local == "v"
				}
			case xml.EndElement:
				inValue = false
			case xml.CharData:
				if i, err := strconv.Atoi(strings.TrimSpace(string(t))); inValue && err == nil && i >= 0 && i < len(sizes) {
					m.Text += sizes[i]
				}
			}
		}
		m.Cells += int64(width)
		_ = rc.Close()
	}
	return m
}

// past says a measure is past stop's.
func (m XLSXCells) past(stop XLSXCells) bool {
	return m.Text > stop.Text || m.Cells > stop.Cells || m.Merges > stop.Merges || m.Strings > stop.Strings
}

// columnOf is the column (1-based) of a cell reference such as XFD12, 0
// when it has no letters; past the 16 384 columns it stops counting.
func columnOf(ref string) int {
	c := 0
	for i := 0; i < len(ref) && c <= 16384; i++ {
		switch b := ref[i] | 0x20; { // (lower case)
		case 'a' <= b && b <= 'z':
			c = c*26 + int(b-'a') + 1
		default:
			return c
		}
	}
	return c
}

// sharedStringSizes are the bytes of text of each shared string (<si>) of
// the part, read to maxPart bytes and at most most strings. It scans the
// bytes instead of decoding the XML, which allocates for every element: a
// part of millions of empty strings (<si/>) would cost the check itself
// hundreds of MB. Text is counted as written (an entity as its bytes).
func sharedStringSizes(f *zip.File, maxPart, most int64) []int64 {
	rc, err := f.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	var sizes []int64
	r := bufio.NewReaderSize(io.LimitReader(rc, maxPart), 64<<10)
	in := false        // within an <si>
	var name [8]byte   // the start of a tag's name, its prefix dropped
	n, tag := 0, false // the name's bytes seen; within a tag
	closing, empty := false, false
	for {
		b, err := r.ReadByte()
		if err != nil {
			return sizes
		}
		switch {
		case !tag && b == '<':
			tag, n, closing, empty = true, 0, false, false
		case !tag:
			if in {
				sizes[len(sizes)-1]++
			}
		case b == '>':
			tag = false
			if length := max(n, -1-n); length != 2 || name[0] != 's' || name[1] != 'i' {
				break
			}
			switch {
			case closing:
				in = false
			case int64(len(sizes)) >= most:
				return sizes
			default:
				sizes = append(sizes, 0)
				in = !empty
			}
		case b == '/':
			if n == 0 {
				closing = true
			} else {
				empty = true
			}
		case b == ':' && n >= 0: // a prefix (x:si): the name starts after it
			n = 0
		case b == ' ' || b == '\t' || b == '\n' || b == '\r':
			n = -1 - n // the name has ended: its attributes follow (-1-n keeps its length)
		case n >= 0 && n < len(name):
			name[n] = b
			n++
		case n >= 0:
			n = len(name) + 1 // longer than any name looked for
		}
	}
}
