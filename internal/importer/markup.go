package importer

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"gongkai/internal/errs"
	"gongkai/internal/guard"
)

// Many platforms' "导出 Excel" writes no workbook but a web page of one table
// (or Excel 2003's XML Spreadsheet) and names it .xls: Excel and WPS open it
// with a warning, and a clerk keeps it so. Such a file is read as the
// workbook it stands for: an HTML page's largest table, its colspan and
// rowspan as merged ranges (a cell a rowspan covers is empty in the rows
// below, as in an XLSX); an XML Spreadsheet's worksheets, rows and cells by
// their ss:Index, ss:MergeAcross and ss:MergeDown, values as written.

// markupKind says a file is an HTML table or an XML Spreadsheet, by its
// first 4 KB: "html", "xml" or "".
func markupKind(data []byte) string {
	head := bytes.ToLower(data[:min(len(data), 4096)])
	head = bytes.TrimLeft(head, "\xef\xbb\xbf \t\r\n")
	if !bytes.HasPrefix(head, []byte("<")) {
		return ""
	}
	switch {
	case bytes.Contains(head, []byte("urn:schemas-microsoft-com:office:spreadsheet")) && bytes.Contains(head, []byte("<workbook")) && !bytes.Contains(head, []byte("<html")):
		return "xml"
	case bytes.Contains(head, []byte("<table")) || bytes.Contains(head, []byte("<html")):
		return "html"
	}
	return ""
}

// readMarkup reads an HTML table or an XML Spreadsheet as a workbook.
func readMarkup(name string, data []byte, kind, sheet string) (*Sheet, error) {
	data = guard.UTF8(data) // (GBK pages too: the charset they declare is then no longer theirs)
	var sheets []gridSheet
	var err error
	if kind == "xml" {
		sheets, err = spreadsheetML(name, data)
	} else {
		sheets, err = htmlTables(name, data)
	}
	if err != nil {
		return nil, err
	}
	if len(sheets) == 0 {
		return nil, errs.New(name, "这个文件是网页，但其中没有表格：请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入")
	}
	return readSheets(name, sheets, sheet)
}

// htmlTables reads a page's largest table (a platform's page puts its
// register in one table; layout tables around it hold fewer rows) as the
// one sheet.
func htmlTables(name string, data []byte) ([]gridSheet, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, errs.Wrap(errs.Invalid, err, name, "网页无法解析：请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入")
	}
	var best *html.Node
	bestRows := 0
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 256 {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Table {
			if rows := len(tableRows(n)); rows > bestRows {
				best, bestRows = n, rows
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	if best == nil {
		return nil, nil
	}
	sh := gridSheet{name: "Sheet1"}
	taken := map[[2]int]bool{} // cells a rowspan from above covers
	for r, tr := range tableRows(best) {
		if r >= maxRows {
			return nil, errs.New(name, "文件超过 %d 行：请分成几个文件导入", maxRows)
		}
		var row []string
		c := 0
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if td.Type != html.ElementNode || td.DataAtom != atom.Td && td.DataAtom != atom.Th {
				continue
			}
			for taken[[2]int{r, c}] {
				row = append(row, "")
				c++
			}
			rs, cs := span(td, "rowspan"), span(td, "colspan")
			if c >= maxCols {
				break
			}
			row = append(row, cellText(td))
			for k := 1; k < cs && c+k < maxCols; k++ {
				row = append(row, "")
			}
			if rs > 1 || cs > 1 {
				sh.merges = append(sh.merges, cellRange{r, c, r + rs - 1, c + cs - 1})
				if len(sh.merges) > maxMergedCells {
					return nil, errs.New(name, "合并单元格太多：请取消合并后再导入")
				}
				for dr := 1; dr < rs && r+dr < maxRows; dr++ {
					for dc := 0; dc < cs && c+dc < maxCols; dc++ {
						taken[[2]int{r + dr, c + dc}] = true
					}
				}
				if len(taken) > maxMergedCells {
					return nil, errs.New(name, "合并单元格太多（超过 %d 格）：请取消合并后再导入", maxMergedCells)
				}
			}
			c += cs
		}
		sh.rows = append(sh.rows, row)
	}
	return []gridSheet{sh}, nil
}

// tableRows are a table's own rows (in its thead, tbody, tfoot or right in
// it), not those of a table inside one of its cells.
func tableRows(t *html.Node) []*html.Node {
	var rows []*html.Node
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type != html.ElementNode:
		case c.DataAtom == atom.Tr:
			rows = append(rows, c)
		case c.DataAtom == atom.Thead || c.DataAtom == atom.Tbody || c.DataAtom == atom.Tfoot:
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == html.ElementNode && r.DataAtom == atom.Tr {
					rows = append(rows, r)
				}
			}
		}
	}
	return rows
}

// span is a cell's colspan or rowspan: 1 to 1 000.
func span(n *html.Node, key string) int {
	for _, a := range n.Attr {
		if a.Key == key {
			if v, err := strconv.Atoi(strings.TrimSpace(a.Val)); err == nil && v > 1 {
				return min(v, 1000)
			}
		}
	}
	return 1
}

// cellText is a cell's text: its paragraphs and <br>s as line breaks,
// spaces as the page shows them (runs of white space one).
func cellText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 64 || b.Len() > maxCell*3 {
			return
		}
		switch {
		case n.Type == html.TextNode:
			b.WriteString(strings.Join(strings.Fields(strings.ReplaceAll(n.Data, "\u00a0", " ")), " "))
		case n.Type == html.ElementNode && (n.DataAtom == atom.Br || n.DataAtom == atom.P || n.DataAtom == atom.Div) && b.Len() > 0:
			b.WriteByte('\n')
		case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style):
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return strings.TrimSpace(b.String())
}

// spreadsheetML reads Excel 2003's XML Spreadsheet: each Worksheet a sheet.
func spreadsheetML(name string, data []byte) ([]gridSheet, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil } // (made UTF-8 above)
	var sheets []gridSheet
	var sh *gridSheet
	var row []string
	r, c := -1, 0
	inData := false
	var cell strings.Builder
	total := 0
	index := func(t xml.StartElement, local string) int { // ss:Index and the spans, 0 when absent
		if v, ok := attrOf(t, local); ok {
			if n, err := strconv.Atoi(v); err == nil && n > 0 {
				return n
			}
		}
		return 0
	}
	endRow := func() {
		if sh != nil && r >= 0 {
			for len(sh.rows) < r {
				sh.rows = append(sh.rows, nil)
			}
			sh.rows = append(sh.rows, row)
		}
		row = nil
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, errs.Wrap(errs.Invalid, err, name, "XML 表格格式错误，无法读取：请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "Worksheet":
				n, _ := attrOf(t, "Name")
				sheets = append(sheets, gridSheet{name: n})
				sh, r = &sheets[len(sheets)-1], -1
				if len(sheets) > maxSheets*10 {
					return nil, errs.New(name, "工作表过多：请分成几个文件导入")
				}
			case "Row":
				if sh == nil {
					continue
				}
				r++
				if i := index(t, "Index"); i > r {
					r = i - 1
				}
				if total++; total > maxRows || r >= maxRows*2 {
					return nil, errs.New(name, "文件超过 %d 行：请分成几个文件导入", maxRows)
				}
				row, c = nil, 0
			case "Cell":
				if sh == nil {
					continue
				}
				if i := index(t, "Index"); i > c {
					c = i - 1
				}
				if c >= maxCols {
					continue
				}
				for len(row) < c {
					row = append(row, "")
				}
				row = append(row, "")
				across, down := index(t, "MergeAcross"), index(t, "MergeDown")
				if across > 0 || down > 0 {
					sh.merges = append(sh.merges, cellRange{r, c, r + min(down, maxRows), c + min(across, maxCols)})
					if len(sh.merges) > maxMergedCells {
						return nil, errs.New(name, "合并单元格太多：请取消合并后再导入")
					}
				}
				c += 1 + across
			case "Data":
				inData = true
				cell.Reset()
			}
		case xml.CharData:
			if inData && cell.Len() < maxCell*3 {
				cell.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "Data":
				inData = false
				if k := len(row) - 1; k >= 0 {
					row[k] = strings.TrimSpace(cell.String())
				}
			case "Row":
				endRow()
			}
		}
	}
	return sheets, nil
}
