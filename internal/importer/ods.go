package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"gongkai/internal/errs"
)

// An OpenDocument spreadsheet (.ods): what LibreOffice Calc saves, and WPS
// when asked. Its content.xml holds each sheet as a table:table of rows of
// cells; a run of equal cells or rows is written once with a repeat count
// (and a sheet's rows end in a million empty ones), a merged range is its
// first cell's spans, and a cell's value is in attributes by its type: a
// number's office:value, a date's office:date-value (read as the raw value,
// as an XLSX's cells are), a string's text in text:p paragraphs.

// zipKind says what a ZIP other than an XLSX is: "ods" for an OpenDocument
// spreadsheet, "word" for a Word or OpenDocument text document (a register
// kept as a Word table), else "".
func zipKind(data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ""
	}
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			return "word"
		case "mimetype":
			rc, err := f.Open()
			if err != nil {
				return ""
			}
			b, _ := io.ReadAll(io.LimitReader(rc, 128))
			rc.Close()
			switch strings.TrimSpace(string(b)) {
			case "application/vnd.oasis.opendocument.spreadsheet":
				return "ods"
			case "application/vnd.oasis.opendocument.text":
				return "word"
			}
			return ""
		}
	}
	return ""
}

// readODS reads an OpenDocument spreadsheet's sheets, bounded as an XLSX
// is: its content at most maxUnzip bytes, maxRows rows in all, maxCols
// columns.
func readODS(name string, data []byte, sheet string) (*Sheet, error) {
	bad := func(err error) error {
		return errs.Wrap(errs.Invalid, err, name, "无法作为 OpenDocument 表格（.ods）打开，文件可能已损坏：请在 WPS 或 LibreOffice 中打开后另存为 .xlsx 再导入")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, bad(err)
	}
	var content *zip.File
	for _, f := range zr.File {
		if f.Name == "content.xml" {
			content = f
		}
	}
	if content == nil {
		return nil, bad(io.ErrUnexpectedEOF)
	}
	rc, err := content.Open()
	if err != nil {
		return nil, bad(err)
	}
	defer rc.Close()
	sheets, err := odsSheets(name, io.LimitReader(rc, maxUnzip))
	if err != nil {
		return nil, err
	}
	return readSheets(name, sheets, sheet)
}

// odsSheets reads content.xml's tables. Empty rows and cells are kept only
// where something follows them, so that the repeats that fill a sheet to
// its edge cost nothing.
func odsSheets(name string, r io.Reader) ([]gridSheet, error) {
	dec := xml.NewDecoder(r)
	var sheets []gridSheet
	var sh *gridSheet
	var row []string
	var emptyRows, emptyCells int // pending, until something follows them
	var cell strings.Builder
	inCell, paras := false, 0
	cellRepeat := 1
	rowRepeat := 1
	total := 0 // rows in all sheets
	grid := 0  // their cells (maxGrid)
	depth := 0 // tables within tables: a cell's own table is its text
	// the automatic table styles that hide a sheet (table:display "false"),
	// which come before the sheets
	style, hiddenStyles := "", map[string]bool{}
	count := func(a xml.StartElement, local string) int {
		if v, ok := attrOf(a, local); ok {
			if n, err := strconv.Atoi(v); err == nil && n > 0 {
				return n
			}
		}
		return 1
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, errs.Wrap(errs.Invalid, err, name, "OpenDocument 表格的内容不是有效的 XML，无法读取")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				style, _ = attrOf(t, "name")
			case "table-properties":
				if v, _ := attrOf(t, "display"); v == "false" && len(hiddenStyles) < 4096 {
					hiddenStyles[style] = true
				}
			case "table":
				if depth++; depth > 1 {
					continue
				}
				n, _ := attrOf(t, "name")
				st, _ := attrOf(t, "style-name")
				sheets = append(sheets, gridSheet{name: n, hidden: hiddenStyles[st]})
				sh, emptyRows = &sheets[len(sheets)-1], 0
				if len(sheets) > maxSheets*10 {
					return nil, errs.New(name, "工作表过多：请分成几个文件导入")
				}
			case "table-row":
				if depth == 1 && sh != nil {
					row, emptyCells, rowRepeat = nil, 0, count(t, "number-rows-repeated")
				}
			case "table-cell", "covered-table-cell":
				if depth != 1 || sh == nil {
					continue
				}
				inCell, paras, cellRepeat = true, 0, count(t, "number-columns-repeated")
				cell.Reset()
				if t.Name.Local == "covered-table-cell" {
					break // a merge's: empty, as in an XLSX
				}
				typ, _ := attrOf(t, "value-type")
				attr := map[string]string{"float": "value", "percentage": "value", "currency": "value",
					"date": "date-value", "time": "time-value", "boolean": "boolean-value"}[typ]
				if v, ok := attrOf(t, attr); ok && attr != "" {
					cell.WriteString(v)
					inCell = false // the value is the attribute's, not the text shown
				}
				rs, cs := count(t, "number-rows-spanned"), count(t, "number-columns-spanned")
				if rs > 1 || cs > 1 {
					r0 := len(sh.rows) + emptyRows
					c0 := len(row) + emptyCells
					sh.merges = append(sh.merges, cellRange{r0, c0, r0 + rs - 1, c0 + cs - 1})
					if len(sh.merges) > maxMergedCells {
						return nil, errs.New(name, "合并单元格太多：请取消合并后再导入")
					}
				}
			case "p":
				if inCell {
					if paras++; paras > 1 {
						cell.WriteByte('\n')
					}
				}
			case "s":
				if inCell {
					cell.WriteString(strings.Repeat(" ", min(count(t, "c"), 64)))
				}
			case "tab":
				if inCell {
					cell.WriteByte('\t')
				}
			case "line-break":
				if inCell {
					cell.WriteByte('\n')
				}
			}
		case xml.CharData:
			if inCell && paras > 0 && cell.Len() < maxCell*3 {
				cell.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "table":
				depth--
			case "table-cell", "covered-table-cell":
				if depth != 1 || sh == nil {
					continue
				}
				inCell = false
				v := cell.String()
				if v == "" {
					emptyCells += cellRepeat
					continue
				}
				if len(row)+emptyCells+cellRepeat > maxCols {
					cellRepeat = max(maxCols-len(row)-emptyCells, 0)
				}
				for range min(emptyCells, maxCols-len(row)) {
					row = append(row, "")
				}
				emptyCells = 0
				for range cellRepeat {
					row = append(row, v)
				}
			case "table-row":
				if depth != 1 || sh == nil {
					continue
				}
				if len(row) == 0 {
					emptyRows += rowRepeat
					continue
				}
				n := min(rowRepeat, maxRows+1) // (more is refused just below)
				if total += emptyRows + n; total > maxRows {
					return nil, errs.New(name, "文件超过 %d 行：请分成几个文件导入", maxRows)
				}
				// (a row of 200 cells repeated 100 000 times is a few
				// hundred bytes of the file)
				if grid += len(row) * n; grid > maxGrid {
					return nil, gridError(name)
				}
				for range emptyRows {
					sh.rows = append(sh.rows, nil)
				}
				emptyRows = 0
				for k := range n {
					if k == 0 {
						sh.rows = append(sh.rows, row)
					} else {
						sh.rows = append(sh.rows, append([]string(nil), row...))
					}
				}
			}
		}
	}
	return sheets, nil
}

// attrOf is an element's attribute by its local name.
func attrOf(t xml.StartElement, local string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}
