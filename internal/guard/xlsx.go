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

// XLSXCells is what excelize makes of a workbook's parts when it reads
// them, measured before it does (XLSXMeasure), so that a few KB of a file
// cannot make gigabytes:
type XLSXCells struct {
	// Text is the bytes of shared strings the cells take, a string counted
	// for each cell that refers to it: excelize copies it for each (one
	// string of 16 KB referred to by 100 000 cells is 1.6 GB).
	Text int64
	// Cells is the cells its rows are read as (Rows, GetRows), a row as
	// wide as its last cell with a value: the cells before it are filled
	// (a cell in column XFD makes a row of 16 384, and 4 000 such rows of a
	// 22 KB file were 24 GB).
	Cells int64
	// Model is the cells of its model of the sheets (loaded by any call
	// about a sheet's cells, rows, columns or styles), a row as wide as its
	// last cell, with a value or not (a cell of style only in column XFD
	// of 4 000 rows, a 34 KB file: 24 GB); about 450 bytes each. Each row
	// up to the last counts as one more, empty or not (one cell in row
	// 1 048 576, a 1.5 KB file: 341 MB).
	Model int64
	// SheetTags is the elements of the worksheets' parts, each a part of
	// that model (a million <col>: 340 MB).
	SheetTags int64
	// Merges is the merged ranges of all sheets (<mergeCell>).
	Merges int64
	// Strings is the shared strings (<si>): excelize keeps about 100 – 200
	// bytes for each, an empty one (<si/>, 5 bytes of the part) too, so
	// 12 million of them, an 89 KB file, were 1.3 GB.
	Strings int64
	// Sheets is the sheets the workbook lists: excelize looks each one up
	// among all of them (200 000 of one part: killed at 100 s).
	Sheets int64
	// Other is the elements of the other parts excelize reads whole
	// (styles, the workbook, comments, relationships, properties;
	// readWhole): 3 million <xf/> in the styles, a 24 KB file, were 1.1 GB.
	Other int64
}

// XLSXMeasure measures a workbook: the shared strings, each worksheet and
// each other XML part read once, at most maxPart bytes of each, unzipped,
// and no further once any measure is past stop's; what it cannot read it
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
		name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		switch {
		case name == "xl/sharedstrings.xml":
			sizes = sharedStringSizes(f, maxPart, stop.Strings+1)
		case strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml"):
			sheets = append(sheets, f)
		case strings.HasSuffix(name, ".xml"), strings.HasSuffix(name, ".rels"):
			// every part is looked at for the sheets it lists (a workbook
			// may be stored under another name); the elements are counted
			// of the parts excelize reads whole in the readers' calls, not of
			// those it reads only when asked (a pivot table's cache, charts,
			// external links: an honest workbook's may be large)
			tags, sheetTags := startTags(f, maxPart, "sheet")
			m.Sheets += sheetTags
			if sheetTags > 0 || readWhole(name) {
				m.Other += tags
			}
		}
		if m.Strings = int64(len(sizes)); m.past(stop) {
			return m
		}
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
		var value bytes.Buffer // a shared cell's <v>: its own text
		nested := 0            // elements open within that <v>, whose text is not its own
		// the cell's column (1-based), the row's width so far as read and
		// as modelled
		col, width, model := 0, 0, 0
		row, rows := 0, 0 // the row's number and the sheet's last
		for m.Text <= stop.Text && m.Cells+int64(width) <= stop.Cells && m.Model+int64(model) <= stop.Model &&
			m.Merges <= stop.Merges && m.SheetTags <= stop.SheetTags {
			tok, err := d.RawToken()
			if err != nil {
				break
			}
			switch t := tok.(type) {
			case xml.StartElement:
				m.SheetTags++
				if inValue {
					nested++
					continue
				}
				switch t.Name.Local {
				case "row":
					m.Cells += int64(width)
					m.Model += int64(model)
					col, width, model = 0, 0, 0
					row++ // a row without r follows the one before
					for _, a := range t.Attr {
						if n, err := strconv.Atoi(a.Value); a.Name.Local == "r" && err == nil && n > 0 {
							row = min(n, 1<<20)
						}
					}
					rows = max(rows, row)
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
					model = max(model, col)
				case "mergeCell":
					m.Merges++
				case "v", "is", "f": // a value, an inline string, a formula: laid out
					width = max(width, col)
					if inValue = shared && t.Name.Local == "v"; inValue {
						value.Reset()
					}
				}
			case xml.EndElement:
				// the string a shared cell takes is excelize's reading of
				// its <v> (DecodeElement: its own text, an element inside
				// it skipped): any text that is no number is string 0
				// (Atoi's answer on error), so "x" in 10 000 × 10 cells was
				// 3 GB of a 28 KB string 0, uncounted
				if inValue && nested > 0 {
					nested--
					continue
				}
				if inValue && t.Name.Local == "v" {
					inValue = false
					if value.Len() > 0 {
						if i, _ := strconv.Atoi(strings.TrimSpace(value.String())); i >= 0 && i < len(sizes) {
							m.Text += sizes[i]
						}
					}
				}
			case xml.CharData:
				if inValue && nested == 0 {
					value.Write(t)
				}
			}
		}
		m.Cells += int64(width)
		m.Model += int64(model) + int64(rows)
		_ = rc.Close()
	}
	return m
}

// readWhole says excelize reads a part (its name in lower case) whole when
// the readers open a workbook or ask about its sheets: the package's parts
// and relationships, the workbook, its styles, its properties, the sheets'
// relationships and comments.
func readWhole(name string) bool {
	switch {
	case name == "[content_types].xml", name == "xl/workbook.xml", name == "xl/styles.xml",
		strings.HasSuffix(name, ".rels"), strings.HasPrefix(name, "docprops/"), strings.HasPrefix(name, "xl/comments"):
		return true
	}
	return false
}

// past says a measure is past stop's.
func (m XLSXCells) past(stop XLSXCells) bool {
	return m.Text > stop.Text || m.Cells > stop.Cells || m.Model > stop.Model || m.SheetTags > stop.SheetTags ||
		m.Merges > stop.Merges || m.Strings > stop.Strings || m.Sheets > stop.Sheets || m.Other > stop.Other
}

// startTags counts a part's start tags (<name …>, <p:name/>), and those
// named name, by a scan of its bytes to maxPart (tagScanner).
func startTags(f *zip.File, maxPart int64, name string) (all, named int64) {
	rc, err := f.Open()
	if err != nil {
		return 0, 0
	}
	defer rc.Close()
	s := newTagScanner(rc, maxPart)
	for {
		_, tag, closing, _, ok := s.next()
		if !ok {
			return all, named
		}
		if tag != nil && !closing {
			all++
			if string(tag) == name {
				named++
			}
		}
	}
}

// tagScanner reads an XML part's tags from its bytes: decoding the XML
// would allocate for every element, and a part of millions of them (a
// hostile one) would cost the check itself hundreds of MB.
type tagScanner struct {
	r    *bufio.Reader
	name [16]byte
}

func newTagScanner(r io.Reader, maxPart int64) *tagScanner {
	return &tagScanner{r: bufio.NewReaderSize(io.LimitReader(r, maxPart), 64<<10)}
}

// next reads to the end of the next tag: the bytes of text before it (as
// written: an entity is its bytes), its name without its prefix (nil for a
// declaration, a comment, or a name longer than 16 bytes, which is none
// looked for), whether it closes an element (</x>) and whether it is one
// that is empty (<x/>); ok is false at the end of the part.
func (s *tagScanner) next() (text int, name []byte, closing, empty, ok bool) {
	for {
		b, err := s.r.ReadByte()
		if err != nil {
			return text, nil, false, false, false
		}
		if b == '<' {
			break
		}
		text++
	}
	n, inName, special := 0, true, false // the name's bytes; whether it is still being read
	var last byte
	for {
		b, err := s.r.ReadByte()
		if err != nil {
			return text, nil, false, false, false
		}
		switch {
		case b == '>':
			if special || n == 0 || n > len(s.name) {
				return text, nil, closing, false, true
			}
			return text, s.name[:n], closing, last == '/', true
		case !inName:
		case n == 0 && b == '/' && !closing:
			closing = true
		case n == 0 && (b == '?' || b == '!'):
			special, inName = true, false
		case b == ':':
			n = 0 // (a prefix: the name follows)
		case b == ' ' || b == '/' || b == '\t' || b == '\n' || b == '\r':
			inName = n == 0 // (its attributes follow)
		default:
			if n < len(s.name) {
				s.name[n] = b
			}
			n++
		}
		last = b
	}
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
// the part, read to maxPart bytes and at most most strings, by a scan of
// its bytes (tagScanner: millions of empty strings, <si/>, are a few MB of
// a part). Text is counted as written (an entity as its bytes).
func sharedStringSizes(f *zip.File, maxPart, most int64) []int64 {
	rc, err := f.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	var sizes []int64
	in := false // within an <si>
	s := newTagScanner(rc, maxPart)
	for {
		text, name, closing, empty, ok := s.next()
		if in {
			sizes[len(sizes)-1] += int64(text)
		}
		switch {
		case !ok:
			return sizes
		case string(name) != "si":
		case closing:
			in = false
		case int64(len(sizes)) >= most:
			return sizes
		default:
			sizes = append(sizes, 0)
			in = !empty
		}
	}
}
