package guard

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"
)

// errNoPart says a sheet's part could not be found in the package as
// stored.
var errNoPart = errors.New("guard: the sheet's part is not where the workbook says")

// XLSXMerges reads a sheet's merged ranges — first row, first column, last
// row, last column, 0-based — from its part as stored, at most limit of
// them (past them, the second result is false). excelize's GetMergeCells
// first loads the sheet into its model, which lays out every cell before
// each row's last at hundreds of bytes a cell (a register of 50 000 rows of
// 20 columns: 1.7 GB allocated), then joins overlapping ranges by
// comparing each with every other, pass after pass (100 000 ranges, a
// 500 KB file: 38 s), and reads each range's first cell. The part is found
// as excelize finds it (the package's relationships to the workbook, the
// workbook's to its sheets); where it cannot be, the sheet has no merges
// known (its cells are read all the same).
func XLSXMerges(data []byte, sheet string, limit int) ([][4]int, bool, error) {
	out, within, err := partMerges(data, sheet, limit)
	if errors.Is(err, errNoPart) {
		return nil, true, nil
	}
	return out, within, err
}

// partMerges reads a sheet's merged ranges from its part as stored.
func partMerges(data []byte, sheet string, limit int) ([][4]int, bool, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, true, err
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[partKey(f.Name)] = f
	}
	// the workbook's part: named by the package's relationships, as
	// excelize finds it (xl/workbook.xml as Excel writes it)
	book := "xl/workbook.xml"
	if t := relTarget(files, "_rels/.rels", "", func(typ, _ string) bool { return strings.HasSuffix(typ, "/officeDocument") }); t != "" {
		book = t
	}
	id := ""
	if err := eachElement(files[partKey(book)], func(e xml.StartElement) bool {
		if e.Name.Local == "sheet" && strings.EqualFold(attr(e, "name"), sheet) { // (as excelize matches them)
			id = attr(e, "id")
			return false
		}
		return true
	}); err != nil || id == "" {
		return nil, true, errNoPart
	}
	dir := path.Dir(book)
	part := relTarget(files, path.Join(dir, "_rels", path.Base(book)+".rels"), dir, func(_, rid string) bool { return rid == id })
	sf := files[partKey(part)]
	if part == "" || sf == nil {
		return nil, true, errNoPart
	}
	var out [][4]int
	within := true
	err = eachElement(sf, func(e xml.StartElement) bool {
		if e.Name.Local != "mergeCell" {
			return true
		}
		if len(out) >= limit {
			within = false
			return false
		}
		first, last, ok := strings.Cut(attr(e, "ref"), ":")
		if !ok {
			last = first
		}
		c0, r0, err1 := excelize.CellNameToCoordinates(first)
		c1, r1, err2 := excelize.CellNameToCoordinates(last)
		if err1 == nil && err2 == nil {
			out = append(out, [4]int{min(r0, r1) - 1, min(c0, c1) - 1, max(r0, r1) - 1, max(c0, c1) - 1})
		}
		return true
	})
	return out, within, err
}

// partKey is how a part is looked up: a name written with backslashes or
// a leading slash, in any case, is the same part.
func partKey(name string) string {
	return strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(name, `\`, "/"), "/"))
}

// relTarget is the target of the first relationship of a .rels part that
// want accepts (by its type and id), as a path in the package: a target
// relative to dir, or from the package's root when it starts with /.
func relTarget(files map[string]*zip.File, rels, dir string, want func(typ, id string) bool) string {
	target := ""
	_ = eachElement(files[partKey(rels)], func(e xml.StartElement) bool {
		if e.Name.Local == "Relationship" && want(attr(e, "Type"), attr(e, "Id")) {
			target = strings.ReplaceAll(attr(e, "Target"), `\`, "/")
			return false
		}
		return true
	})
	if target == "" {
		return ""
	}
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean("/"+path.Join(dir, target)), "/")
}

// eachElement gives fn each start element of a part, at most 256 MB of it
// unzipped, until fn returns false; a part missing is an error.
func eachElement(f *zip.File, fn func(xml.StartElement) bool) error {
	if f == nil {
		return errNoPart
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(io.LimitReader(rc, 256<<20))
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if e, ok := tok.(xml.StartElement); ok && !fn(e) {
			return nil
		}
	}
}

// attr is an element's attribute by its local name, "" when it has none.
func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
