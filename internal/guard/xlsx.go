package guard

import (
	"archive/zip"
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

// XLSXSharedText says whether the text a workbook's cells take from its
// shared strings stays within limit bytes, counting each cell that refers
// to one (the part's own size does not bound it: one string of 16 KB
// referred to by 100 000 cells is 1.6 GB, and excelize copies it for each).
// It reads the shared strings and each worksheet once, at most maxPart
// bytes of each, unzipped; what it cannot read it leaves to excelize.
func XLSXSharedText(data []byte, limit, maxPart int64) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return true
	}
	var sizes []int64 // of each shared string, in order
	var sheets []*zip.File
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		switch {
		case name == "xl/sharedstrings.xml":
			sizes = sharedStringSizes(f, maxPart)
		case strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml"):
			sheets = append(sheets, f)
		}
	}
	if len(sizes) == 0 {
		return true
	}
	var total int64
	for _, f := range sheets {
		rc, err := f.Open()
		if err != nil {
			continue
		}
		d := xml.NewDecoder(io.LimitReader(rc, maxPart))
		shared, inValue := false, false
		for total <= limit {
			tok, err := d.RawToken()
			if err != nil {
				break
			}
			switch t := tok.(type) {
			case xml.StartElement:
				switch t.Name.Local {
				case "c":
					shared = false
					for _, a := range t.Attr {
						if a.Name.Local == "t" && a.Value == "s" {
							shared = true
						}
					}
				case "v":
					inValue = shared
				}
			case xml.EndElement:
				inValue = false
			case xml.CharData:
				if i, err := strconv.Atoi(strings.TrimSpace(string(t))); inValue && err == nil && i >= 0 && i < len(sizes) {
					total += sizes[i]
				}
			}
		}
		_ = rc.Close()
		if total > limit {
			return false
		}
	}
	return true
}

// sharedStringSizes are the bytes of text of each shared string (<si>) of
// the part, read to maxPart bytes.
func sharedStringSizes(f *zip.File, maxPart int64) []int64 {
	rc, err := f.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	var sizes []int64
	d := xml.NewDecoder(io.LimitReader(rc, maxPart))
	for {
		tok, err := d.RawToken()
		if err != nil {
			return sizes
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "si" {
				sizes = append(sizes, 0)
			}
		case xml.CharData:
			if len(sizes) > 0 {
				sizes[len(sizes)-1] += int64(len(t))
			}
		}
	}
}
