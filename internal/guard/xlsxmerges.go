package guard

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// XLSXMerges gives a function that reads a sheet's merged ranges — first
// row, first column, last row, last column, 0-based — from its part as
// stored, at most limit of them (past them, its second result is false).
// excelize's GetMergeCells first loads the sheet into its model, which lays
// out every cell before each row's last at hundreds of bytes a cell (a
// register of 50 000 rows of 20 columns: 1.7 GB allocated), then joins
// overlapping ranges by comparing each with every other, pass after pass
// (100 000 ranges, a 500 KB file: 38 s), and reads each range's first
// cell. The parts are found once, as excelize finds them (the package's
// relationships to the workbook, the workbook's to its sheets); a sheet
// whose part cannot be found has no merges known (its cells are read all
// the same).
func XLSXMerges(data []byte) func(sheet string, limit int) ([][4]int, bool, error) {
	parts, err := sheetParts(data)
	return func(sheet string, limit int) ([][4]int, bool, error) {
		if err != nil {
			return nil, true, err
		}
		if f, ok := parts[sheet]; ok {
			return partMerges(f, limit)
		}
		for _, name := range slices.Sorted(maps.Keys(parts)) {
			if strings.EqualFold(name, sheet) { // (as excelize matches them)
				return partMerges(parts[name], limit)
			}
		}
		return nil, true, nil
	}
}

// sheetParts are the parts of a workbook's sheets, by the sheets' names.
func sheetParts(data []byte) (map[string]*zip.File, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
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
	ids := map[string]string{} // relationship id → sheet name
	_ = eachElement(files[partKey(book)], func(e xml.StartElement) bool {
		if e.Name.Local == "sheet" {
			ids[attr(e, "id")] = attr(e, "name")
		}
		return true
	})
	parts := map[string]*zip.File{}
	dir := path.Dir(book)
	_ = eachElement(files[partKey(path.Join(dir, "_rels", path.Base(book)+".rels"))], func(e xml.StartElement) bool {
		if name, ok := ids[attr(e, "Id")]; ok && e.Name.Local == "Relationship" {
			if f := files[partKey(relPath(dir, attr(e, "Target")))]; f != nil {
				parts[name] = f
			}
		}
		return true
	})
	return parts, nil
}

// partMerges reads a sheet's merged ranges from its part.
func partMerges(sf *zip.File, limit int) ([][4]int, bool, error) {
	var out [][4]int
	within := true
	err := eachElement(sf, func(e xml.StartElement) bool {
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
// want accepts (by its type and id), as a path in the package (relPath).
func relTarget(files map[string]*zip.File, rels, dir string, want func(typ, id string) bool) string {
	target := ""
	_ = eachElement(files[partKey(rels)], func(e xml.StartElement) bool {
		if e.Name.Local == "Relationship" && want(attr(e, "Type"), attr(e, "Id")) {
			target = attr(e, "Target")
			return false
		}
		return true
	})
	if target == "" {
		return ""
	}
	return relPath(dir, target)
}

// relPath is a relationship's target as a path in the package: relative to
// dir, or from the package's root when it starts with /; backslashes are
// slashes.
func relPath(dir, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean("/"+path.Join(dir, target)), "/")
}

// eachElement gives fn each start element of a part, at most 256 MB of it
// unzipped, until fn returns false; a part missing has none.
func eachElement(f *zip.File, fn func(xml.StartElement) bool) error {
	if f == nil {
		return nil
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
