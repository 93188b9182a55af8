package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"gongkai/internal/errs"
	"gongkai/internal/report"
)

// Some offices keep their register as a table in a Word document (a
// 登记表 printed and signed each month). Such a file is read by the report
// readers (DOCX, Word 97 DOC, ODT, RTF): the document's largest table is the
// sheet, its rows numbered as the table's. A vertically merged cell reads
// empty below its first row (Word's vMerge keeps no value there): those
// rows' errors say what to fill in.

// isWordZip says a ZIP is a Word or OpenDocument text document.
func isWordZip(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			return true
		}
		if f.Name == "mimetype" {
			rc, err := f.Open()
			if err != nil {
				return false
			}
			var b [64]byte
			n, _ := rc.Read(b[:])
			rc.Close()
			return bytes.HasPrefix(b[:n], []byte("application/vnd.oasis.opendocument.text"))
		}
	}
	return false
}

// readWord reads a document's largest table as the one sheet: a DOCX's
// by its own markup (merges across and down as merged ranges), a DOC's or
// an ODT's as the report readers read it.
func readWord(name string, data []byte) (*Sheet, error) {
	if sh, ok, err := docxTable(name, data); ok || err != nil {
		return sh, err
	}
	lines, kind, err := report.Lines(name, data)
	if err != nil {
		var e *errs.Error
		if errors.As(err, &e) {
			return nil, err
		}
		return nil, errs.Wrap(errs.Invalid, err, name, "这个 Word 文档无法读取：请把台账表格复制到 Excel 或 WPS 表格中另存为 .xlsx 再导入")
	}
	if kind != report.KindDOCX && kind != report.KindDOC && kind != report.KindRTF {
		return nil, errs.New(name, "无法识别的文件：请导入 Excel（.xlsx、.xls）、.ods 或 CSV 文件")
	}
	var best, cur [][]string
	for _, l := range lines {
		if l.Fields == nil {
			if len(cur) > len(best) {
				best = cur
			}
			cur = nil
			continue
		}
		cur = append(cur, l.Fields)
	}
	if len(cur) > len(best) {
		best = cur
	}
	if len(best) == 0 {
		return nil, errs.New(name, "这个 Word 文档中没有表格：台账要以表格登记（每行一件），或在 Excel 中登记后导入")
	}
	if len(best) > maxRows {
		return nil, errs.New(name, "文件超过 %d 行：请分成几个文件导入", maxRows)
	}
	rows := make([][]string, len(best))
	for i, r := range best {
		if rows[i], err = clip(name, i+1, append([]string(nil), r...)); err != nil {
			return nil, err
		}
	}
	return &Sheet{Rows: rows}, nil
}

// docxTable reads a DOCX's largest table (nested tables are their cell's
// text): a cell's w:gridSpan spans columns, w:vMerge "restart" starts a merge
// down that the cells below marked w:vMerge continue; ok is false when the
// file is no DOCX.
func docxTable(name string, data []byte) (*Sheet, bool, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, false, nil
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
		}
	}
	if doc == nil {
		return nil, false, nil
	}
	rc, err := doc.Open()
	if err != nil {
		return nil, true, errs.Wrap(errs.Invalid, err, name, "Word 文档损坏，无法读取")
	}
	defer rc.Close()
	dec := xml.NewDecoder(io.LimitReader(rc, maxUnzip))
	type table struct {
		rows   [][]string
		merges []cellRange
		open   map[int]int // column → the row its merge down started at
	}
	var best, cur *table
	depth := 0 // tables open
	var row []string
	var cell strings.Builder
	span, vmerge, inCell := 1, "", false
	cellText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, true, errs.Wrap(errs.Invalid, err, name, "Word 文档的正文不是有效的 XML，无法读取")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tbl":
				if depth++; depth == 1 {
					cur = &table{open: map[int]int{}}
				}
			case "tr":
				if depth == 1 {
					row = nil
				}
			case "tc":
				if depth == 1 {
					inCell, span, vmerge = true, 1, ""
					cell.Reset()
				}
			case "gridSpan":
				if depth == 1 && inCell {
					if v, ok := attrOf(t, "val"); ok {
						if n, err := strconv.Atoi(v); err == nil && n > 1 {
							span = min(n, maxCols)
						}
					}
				}
			case "vMerge":
				if depth == 1 && inCell {
					vmerge = "continue"
					if v, ok := attrOf(t, "val"); ok && v == "restart" {
						vmerge = "restart"
					}
				}
			case "t":
				cellText = inCell
			case "br", "tab":
				if inCell {
					cell.WriteByte(' ')
				}
			case "p":
				if inCell && cell.Len() > 0 {
					cell.WriteByte('\n')
				}
			}
		case xml.CharData:
			if cellText && cell.Len() < maxCell*3 {
				cell.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				cellText = false
			case "tc":
				if depth != 1 || cur == nil {
					continue
				}
				inCell = false
				c, r := len(row), len(cur.rows)
				if c >= maxCols {
					continue
				}
				row = append(row, strings.TrimSpace(cell.String()))
				for k := 1; k < span && len(row) < maxCols; k++ {
					row = append(row, "")
				}
				if span > 1 && vmerge == "" {
					cur.merges = append(cur.merges, cellRange{r, c, r, c + span - 1})
				}
				switch vmerge {
				case "restart":
					cur.open[c] = r
				case "continue":
					if r0, ok := cur.open[c]; ok {
						// the merge grows down to this row
						k := len(cur.merges) - 1
						for k >= 0 && (cur.merges[k].r0 != r0 || cur.merges[k].c0 != c) {
							k--
						}
						if k < 0 {
							cur.merges = append(cur.merges, cellRange{r0, c, r, c + span - 1})
						} else {
							cur.merges[k].r1 = r
						}
					}
				default:
					delete(cur.open, c)
				}
				if len(cur.merges) > maxMergedCells {
					return nil, true, errs.New(name, "合并单元格太多：请取消合并后再导入")
				}
			case "tr":
				if depth == 1 && cur != nil {
					if len(cur.rows) >= maxRows {
						return nil, true, errs.New(name, "文件超过 %d 行：请分成几个文件导入", maxRows)
					}
					cur.rows = append(cur.rows, row)
				}
			case "tbl":
				if depth--; depth == 0 && cur != nil {
					if best == nil || len(cur.rows) > len(best.rows) {
						best = cur
					}
					cur = nil
				}
			}
		}
	}
	if best == nil {
		return nil, true, errs.New(name, "这个 Word 文档中没有表格：台账要以表格登记（每行一件），或在 Excel 中登记后导入")
	}
	for i := range best.rows {
		if best.rows[i], err = clip(name, i+1, best.rows[i]); err != nil {
			return nil, true, err
		}
	}
	return &Sheet{Rows: best.rows, merges: best.merges}, true, nil
}
