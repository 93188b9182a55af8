// Package office writes gongkai's documents as office files: the annual report
// and the letters as DOCX and PDF in the style of GB/T 9704 (党政机关公文格式),
// the tables and ledgers as XLSX and CSV, and reads ledgers back in.
//
// A report or a letter is first laid out as a Doc (titles, headings,
// paragraphs, tables with merged cells); the DOCX and PDF writers both draw
// that Doc, so the two formats say the same thing.
package office

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gongkai/internal/casework"
	"gongkai/internal/render"
	"gongkai/internal/report"
)

// Style of a block, after GB/T 9704: 标题 二号小标宋, 一级标题 三号黑体, 二级标题
// 三号楷体, 正文 三号仿宋.
type Style int

const (
	StyleTitle    Style = iota // 二号, centred
	StyleSubtitle              // 文号, centred
	StyleHeading1              // 一、… 黑体
	StyleHeading2              // （一）… 楷体
	StyleBody                  // 仿宋, first line indented two characters
	StyleAddress               // 申请人： no indent
	StyleSign                  // right-aligned signature and date
	StyleSeal                  // 印章 placeholder
)

// Block is a paragraph or a table.
type Block struct {
	Style Style
	Text  string
	Table *Table
}

// Cell is one anchor cell of a table; Span cells cover Cols×Rows grid positions.
type Cell struct {
	Text   string
	Cols   int
	Rows   int
	Header bool
	Left   bool   // left-aligned (labels); numbers and headers are centred
	Key    string // data cells: the model path, as findings name it ("applications.new[natural]")
	Label  string // data cells: the row and column as a person names them (form labels)
}

// Table is a grid: Rows[i] lists the anchor cells starting in row i, in
// column order; positions covered by a span from above are not listed.
type Table struct {
	Widths   []float64 // relative column widths
	Rows     [][]Cell
	FontSize float64 // points
	Caption  string
}

// Doc is a laid-out document.
type Doc struct {
	Title  string // document title (metadata)
	Blocks []Block
}

func (d *Doc) add(s Style, text string) { d.Blocks = append(d.Blocks, Block{Style: s, Text: text}) }

// Grid returns, for every row, the anchor cell index at each column or -1
// when the position is covered by a span (row or column): the layout both
// writers need.
func (t *Table) Grid() ([][]int, error) {
	n := len(t.Widths)
	covered := make([][]bool, len(t.Rows))
	for i := range covered {
		covered[i] = make([]bool, n)
	}
	grid := make([][]int, len(t.Rows))
	for i, row := range t.Rows {
		grid[i] = make([]int, n)
		for j := range grid[i] {
			grid[i][j] = -1
		}
		col := 0
		for k, c := range row {
			for col < n && covered[i][col] {
				col++
			}
			cs, rs := max(c.Cols, 1), max(c.Rows, 1)
			if col+cs > n || i+rs > len(t.Rows) {
				return nil, fmt.Errorf("table row %d cell %d (%q) does not fit the grid", i, k, c.Text)
			}
			grid[i][col] = k
			for r := i; r < i+rs; r++ {
				for x := col; x < col+cs; x++ {
					if covered[r][x] {
						return nil, fmt.Errorf("table row %d cell %q overlaps", i, c.Text)
					}
					covered[r][x] = true
				}
			}
			col += cs
		}
		for x := 0; x < n; x++ {
			if !covered[i][x] {
				return nil, fmt.Errorf("table row %d column %d is empty", i, x)
			}
		}
	}
	return grid, nil
}

// ReportDoc lays out an annual report in the national template.
func ReportDoc(r *report.Report) *Doc {
	d := &Doc{Title: render.Title(r)}
	d.add(StyleTitle, render.Title(r))
	for _, s := range report.Sections {
		d.add(StyleHeading1, s.Heading)
		switch s.Key {
		case "2":
			d.Blocks = append(d.Blocks, Block{Table: t2Table(r)})
		case "3":
			d.Blocks = append(d.Blocks, Block{Table: t3Table(r)})
		case "4":
			d.Blocks = append(d.Blocks, Block{Table: t4Table(r)})
		default:
			for _, p := range strings.Split(r.Sections[s.Key], "\n") {
				if p = strings.TrimSpace(p); p == "" {
					continue
				}
				if isSubheading(p) {
					d.add(StyleHeading2, p)
				} else {
					d.add(StyleBody, p)
				}
			}
		}
	}
	return d
}

func isSubheading(p string) bool {
	if !(strings.HasPrefix(p, "（") || strings.HasPrefix(p, "(")) {
		return false
	}
	i := strings.IndexAny(p, "）)")
	return i > 0 && i < 12 && len([]rune(p)) <= 30 && !strings.ContainsAny(p, "。；")
}

func hdr(s string, cols, rows int) Cell { return Cell{Text: s, Cols: cols, Rows: rows, Header: true} }
func lbl(s string, cols, rows int) Cell { return Cell{Text: s, Cols: cols, Rows: rows, Left: true} }

func keyed(s, key, label string) Cell { return Cell{Text: s, Cols: 1, Rows: 1, Key: key, Label: label} }

// ReportTables are 表二, 表三 and 表四 of a report, laid out as the template.
func ReportTables(r *report.Report) []*Table { return []*Table{t2Table(r), t3Table(r), t4Table(r)} }

func t2Table(r *report.Report) *Table {
	t := &Table{Widths: []float64{2.2, 1.6, 1.6, 1.6}, FontSize: 10.5}
	for _, g := range render.T2Groups(r.Format) {
		t.Rows = append(t.Rows, []Cell{hdr(g.Header.Item, 4, 1)})
		row := []Cell{hdr("信息内容", 1, 1)}
		for i, c := range g.Header.Columns {
			span := 1
			if i == len(g.Header.Columns)-1 {
				span = 4 - len(g.Header.Columns)
			}
			row = append(row, hdr(c, span, 1))
		}
		t.Rows = append(t.Rows, row)
		for _, it := range g.Items {
			row := []Cell{lbl(it.Label, 1, 1)}
			vals := render.T2Values(r, it)
			for i, v := range vals {
				c := keyed(v, report.T2Prefix(r.Format)+it.Key+"."+it.Cells[i], it.Label+" "+g.Header.Columns[min(i, len(g.Header.Columns)-1)])
				if i == len(vals)-1 {
					c.Cols = 4 - len(vals)
				}
				row = append(row, c)
			}
			t.Rows = append(t.Rows, row)
		}
	}
	return t
}

func t3Table(r *report.Report) *Table {
	t := &Table{Widths: []float64{1.1, 1.6, 3.8, 1, 1, 1, 1, 1, 1, 1}, FontSize: 8}
	t.Rows = append(t.Rows,
		[]Cell{hdr(report.T3HeaderNote, 3, 3), hdr("申请人情况", 7, 1)},
		[]Cell{hdr("自然人", 1, 2), hdr("法人或其他组织", 5, 1), hdr("总计", 1, 2)},
		[]Cell{hdr("商业企业", 1, 1), hdr("科研机构", 1, 1), hdr("社会公益组织", 1, 1), hdr("法律服务机构", 1, 1), hdr("其他", 1, 1)})
	rows := r.Format.T3Rows()
	outcomes := 0
	span := map[string]int{}
	for _, x := range rows {
		if x.Kind == report.RowOutcome || x.Kind == report.RowTotal {
			outcomes++
		}
		if x.Group != "" {
			span[x.Group]++
		}
	}
	prev := ""
	for _, x := range rows {
		var row []Cell
		switch {
		case x.Kind == report.RowNew || x.Kind == report.RowCarriedIn || x.Kind == report.RowCarriedForward:
			row = append(row, lbl(x.Label, 3, 1))
		default:
			if x.Key == "granted" {
				row = append(row, Cell{Text: report.T3Group, Cols: 1, Rows: outcomes})
			}
			if x.Group == "" {
				row = append(row, lbl(x.Label, 2, 1))
			} else {
				if x.Group != prev {
					row = append(row, Cell{Text: x.Group, Cols: 1, Rows: span[x.Group]})
				}
				row = append(row, lbl(x.Label, 1, 1))
			}
		}
		prev = x.Group
		for i, c := range r.Applications[x.Key] {
			row = append(row, keyed(c.String(), "applications."+x.Key+"["+report.T3Columns[i]+"]", x.Group+x.Label+" "+report.T3ColumnLabels[i]))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func t4Table(r *report.Report) *Table {
	w := make([]float64, 15)
	for i := range w {
		w[i] = 1
	}
	t := &Table{Widths: w, FontSize: 9}
	t.Rows = append(t.Rows, []Cell{hdr("行政复议", 5, 1), hdr("行政诉讼", 10, 1)})
	row := []Cell{}
	for _, l := range report.T4ColumnLabels {
		row = append(row, hdr(l, 1, 2))
	}
	row = append(row, hdr("未经复议直接起诉", 5, 1), hdr("复议后起诉", 5, 1))
	t.Rows = append(t.Rows, row)
	row = nil
	for i := 0; i < 2; i++ {
		for _, l := range report.T4ColumnLabels {
			row = append(row, hdr(l, 1, 1))
		}
	}
	t.Rows = append(t.Rows, row)
	row = nil
	for b, blk := range report.T4Blocks {
		for j, c := range report.T4Columns {
			row = append(row, keyed(r.Appeals[b][j].String(), "appeals."+blk.Key+"."+c, blk.Label+" "+report.T4ColumnLabels[j]))
		}
	}
	t.Rows = append(t.Rows, row)
	return t
}

// LetterDoc lays out a reply letter or notice: title, 文号, addressee, body,
// remedy, signature, date and a seal placeholder.
func LetterDoc(l *casework.Letter) *Doc {
	d := &Doc{Title: l.Title}
	d.add(StyleTitle, letterTitle(l))
	d.add(StyleSubtitle, l.Number)
	d.add(StyleAddress, l.Addressee)
	d.add(StyleBody, l.Facts)
	for _, p := range l.Decision {
		d.add(StyleBody, p)
	}
	if l.Remedy != "" {
		d.add(StyleBody, l.Remedy)
	}
	if l.Contact != "" {
		d.add(StyleBody, "联系方式："+l.Contact)
	}
	d.add(StyleSign, l.Signer)
	d.add(StyleSign, l.Date.Chinese())
	d.add(StyleSeal, "（印章）")
	return d
}

// titleLine is how many characters of 二号 a line of the body holds.
const titleLine = 20

// letterTitle is a letter's title as printed: a title longer than a line
// breaks between the agency's name and the kind of document, as GB/T 9704
// asks a title to break where the words allow, not inside 申请.
func letterTitle(l *casework.Letter) string {
	kind := l.KindTitle()
	if utf8.RuneCountInString(l.Title) <= titleLine || kind == l.Title || l.Signer == "" {
		return l.Title
	}
	return l.Signer + "\n" + kind
}
