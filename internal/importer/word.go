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
	var best, cur []report.Line
	for _, l := range lines {
		if l.Fields == nil {
			if len(cur) > len(best) {
				best = cur
			}
			cur = nil
			continue
		}
		cur = append(cur, l)
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
		if rows[i], err = clip(name, i+1, append([]string(nil), r.Fields...)); err != nil {
			return nil, err
		}
	}
	return &Sheet{Rows: rows, merges: mergesDown(best)}, nil
}

// mergesDown are the vertical merges of a Word 97, RTF or ODT table's rows:
// each run of cells that continue the one above (Line.MergedUp), with that
// cell.
func mergesDown(rows []report.Line) []cellRange {
	var d downMerges
	for r, l := range rows {
		for c := range l.Fields {
			if m := l.MergedUp(); c < len(m) && m[c] && r > 0 {
				d.grow(r-1, r, c, 1)
			} else {
				d.end(c)
			}
		}
	}
	return d.merges
}

// downMerges gathers a table's merged ranges as its rows are read, those
// down a column grown row by row.
type downMerges struct {
	merges []cellRange
	open   map[int]int // column → the index in merges of the merge down it reaching the row above
}

// grow makes the merge down column c reach row r, starting it at row r0
// (span columns wide) if none is open there.
func (d *downMerges) grow(r0, r, c, span int) {
	if k, ok := d.open[c]; ok {
		d.merges[k].r1 = r
		return
	}
	if d.open == nil {
		d.open = map[int]int{}
	}
	d.open[c] = len(d.merges)
	d.merges = append(d.merges, cellRange{r0, c, r, c + span - 1})
}

// end closes the merge down column c, if one is open.
func (d *downMerges) end(c int) { delete(d.open, c) }

// docxTable reads a DOCX's largest table, at any depth (a register may sit
// in a layout table, as pages saved "to Word" put it): a cell's w:gridSpan
// spans columns, w:vMerge "restart" starts a merge down that the cells below
// marked w:vMerge continue; ok is false when the file is no DOCX.
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
		rows  [][]string
		down  downMerges
		start map[int]int // column → the row its w:vMerge "restart" is on
		// the row and cell being read
		row            []string
		cell           strings.Builder
		span           int
		vmerge         string
		inCell, inText bool
	}
	var best *table
	var open []*table // the tables open, the innermost last (a register inside a layout table)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, true, errs.Wrap(errs.Invalid, err, name, "Word 文档的正文不是有效的 XML，无法读取")
		}
		var cur *table
		if len(open) > 0 {
			cur = open[len(open)-1]
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tbl":
				if len(open) >= 64 {
					return nil, true, errs.New(name, "表格嵌套过深，无法读取：请把台账表格复制到 Excel 中另存为 .xlsx 再导入")
				}
				open = append(open, &table{start: map[int]int{}})
			case "tr":
				if cur != nil {
					cur.row = nil
				}
			case "tc":
				if cur != nil {
					cur.inCell, cur.span, cur.vmerge = true, 1, ""
					cur.cell.Reset()
				}
			case "gridSpan":
				if cur != nil && cur.inCell {
					if v, ok := attrOf(t, "val"); ok {
						if n, err := strconv.Atoi(v); err == nil && n > 1 {
							cur.span = min(n, maxCols)
						}
					}
				}
			case "vMerge":
				if cur != nil && cur.inCell {
					cur.vmerge = "continue"
					if v, ok := attrOf(t, "val"); ok && v == "restart" {
						cur.vmerge = "restart"
					}
				}
			case "t":
				if cur != nil {
					cur.inText = cur.inCell
				}
			case "br", "tab":
				if cur != nil && cur.inCell {
					cur.cell.WriteByte(' ')
				}
			case "p":
				if cur != nil && cur.inCell && cur.cell.Len() > 0 {
					cur.cell.WriteByte('\n')
				}
			}
		case xml.CharData:
			if cur != nil && cur.inText && cur.cell.Len() < maxCell*3 {
				cur.cell.Write(t)
			}
		case xml.EndElement:
			if cur == nil {
				continue
			}
			switch t.Name.Local {
			case "t":
				cur.inText = false
			case "tc":
				cur.inCell = false
				c, r := len(cur.row), len(cur.rows)
				if c >= maxCols {
					continue
				}
				cur.row = append(cur.row, strings.TrimSpace(cur.cell.String()))
				for k := 1; k < cur.span && len(cur.row) < maxCols; k++ {
					cur.row = append(cur.row, "")
				}
				if cur.span > 1 && cur.vmerge == "" {
					cur.down.merges = append(cur.down.merges, cellRange{r, c, r, c + cur.span - 1})
				}
				switch cur.vmerge {
				case "restart":
					cur.start[c] = r
					cur.down.end(c)
				case "continue":
					if r0, ok := cur.start[c]; ok {
						cur.down.grow(r0, r, c, cur.span)
					}
				default:
					delete(cur.start, c)
					cur.down.end(c)
				}
				if len(cur.down.merges) > maxMergedCells {
					return nil, true, errs.New(name, "合并单元格太多：请取消合并后再导入")
				}
			case "tr":
				if len(cur.rows) >= maxRows {
					return nil, true, errs.New(name, "文件超过 %d 行：请分成几个文件导入", maxRows)
				}
				cur.rows = append(cur.rows, cur.row)
			case "tbl":
				open = open[:len(open)-1]
				if best == nil || len(cur.rows) > len(best.rows) {
					best = cur
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
	return &Sheet{Rows: best.rows, merges: best.down.merges}, true, nil
}
