package office

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/internal/render"
	"gongkai/internal/report"
)

// cellName is A1-style.
func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col+1, row+1)
	return n
}

// xlsxStyles are a table's cell styles: text is a centred cell that is not a
// figure (a group's label down a merged column, 三、本年度办理结果), wrapped.
type xlsxStyles struct{ header, label, number, decimal, text int }

func newStyles(f *excelize.File) (xlsxStyles, error) {
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	font := &excelize.Font{Family: "宋体", Size: 10}
	var s xlsxStyles
	var err error
	if s.header, err = f.NewStyle(&excelize.Style{Border: border, Font: &excelize.Font{Family: "黑体", Size: 10},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}); err != nil {
		return s, err
	}
	if s.label, err = f.NewStyle(&excelize.Style{Border: border, Font: font,
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}}); err != nil {
		return s, err
	}
	if s.number, err = f.NewStyle(&excelize.Style{Border: border, Font: font, NumFmt: 1, // "0"
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}); err != nil {
		return s, err
	}
	if s.text, err = f.NewStyle(&excelize.Style{Border: border, Font: font,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}); err != nil {
		return s, err
	}
	fmtDec := "0.00##"
	s.decimal, err = f.NewStyle(&excelize.Style{Border: border, Font: font, CustomNumFmt: &fmtDec,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	return s, err
}

// writeTable puts a Table on a sheet: anchor cells with their merged ranges,
// numbers as numbers, the header rows frozen. It streams the rows
// (excelize's stream writer): setting cells one by one in the workbook
// model cost more than the rest of a report's XLSX.
func writeTable(f *excelize.File, sheet string, t *Table, st xlsxStyles, headerRows, labelCols int, widths []float64) error {
	grid, err := t.Grid()
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if headerRows > 0 || labelCols > 0 {
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: labelCols, YSplit: headerRows,
			TopLeftCell: cellName(labelCols, headerRows), ActivePane: "bottomRight"}); err != nil {
			return err
		}
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	// every position takes the style of the cell that covers it, so that a
	// merged range has its borders
	cols := 0
	for _, g := range grid {
		cols = max(cols, len(g))
	}
	rows := make([][]any, len(t.Rows))
	for i := range rows {
		rows[i] = make([]any, cols)
	}
	lines := make([]int, len(t.Rows)) // the lines a row's longest cell wraps into
	for i := range t.Rows {
		for x, k := range grid[i] {
			if k < 0 {
				continue
			}
			c := t.Rows[i][k]
			x1, y1 := x+max(c.Cols, 1)-1, i+max(c.Rows, 1)-1
			style := st.label
			switch {
			case c.Header:
				style = st.header
			case !c.Left:
				style = st.number
			}
			for y := i; y <= y1 && y < len(rows); y++ {
				for xx := x; xx <= x1 && xx < cols; xx++ {
					rows[y][xx] = excelize.Cell{StyleID: style}
				}
			}
			rows[i][x] = cellValue(c, style, st)
			if x1 == x && y1 == i && x < len(widths) {
				lines[i] = max(lines[i], wrappedLines(c.Text, widths[x]))
			}
			if x1 > x || y1 > i {
				if err := sw.MergeCell(cellName(x, i), cellName(x1, y1)); err != nil {
					return err
				}
			}
		}
	}
	for i, r := range rows {
		var opts []excelize.RowOpts
		if lines[i] > 1 {
			// a label that wraps: its row as tall as its lines (LibreOffice
			// keeps a streamed row's default height, and the lines ran over
			// the row below: 1.申请人无正当理由逾期不补正、… of （六）)
			opts = append(opts, excelize.RowOpts{Height: 13.5 * float64(lines[i])})
		}
		if err := sw.SetRow(cellName(0, i), r, opts...); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// wrappedLines is how many lines a cell's text takes in a column of width
// characters (Excel's unit, a digit's width) at the tables' 10 pt: a Chinese
// character takes two, with a character's margin.
func wrappedLines(text string, width float64) int {
	w := 0.0
	for _, r := range text {
		if r < 0x2E80 {
			w += 1.1
		} else {
			w += 2
		}
	}
	return max(1, int(math.Ceil(w/max(width-1, 1))))
}

// cellValue is one cell: labels as text, figures as numbers so that Excel
// can sum them, and a figure that does not parse as the text it was.
func cellValue(c Cell, style int, st xlsxStyles) excelize.Cell {
	text := excelize.Cell{StyleID: style, Value: SafeCell(c.Text)}
	if c.Header || c.Left || c.Text == "" {
		if c.Text == "" {
			text.Value = nil
		}
		return text
	}
	if strings.Contains(c.Text, ".") {
		v, err := strconv.ParseFloat(c.Text, 64)
		if err != nil {
			return text
		}
		return excelize.Cell{StyleID: st.decimal, Value: v}
	}
	v, err := strconv.ParseInt(c.Text, 10, 64)
	if err != nil {
		// an unreadable cell stays as read; words, wrapped in their cell
		// (in the number style, a merged column 8 wide showed 本年度办理结)
		text.StyleID = st.text
		return text
	}
	return excelize.Cell{StyleID: style, Value: v}
}

// ReportXLSX writes 表二, 表三 and 表四 of a report, one sheet each.
func ReportXLSX(w io.Writer, r *report.Report) error {
	f := newWorkbook()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	sheets := []struct {
		name          string
		t             *Table
		header, label int
		widths        []float64
	}{
		{"表二 主动公开", t2Table(r), 0, 1, []float64{18, 16, 16, 16}},
		{"表三 依申请公开", t3Table(r), 3, 3, []float64{8, 12, 40, 9, 9, 9, 11, 11, 8, 9}},
		{"表四 复议诉讼", t4Table(r), 3, 0, []float64{8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8}},
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return err
		}
		// (before the table: the stream writer writes the sheet's page
		// setup as it stands when it starts)
		if err := printedAsPages(f, s.name, s.header); err != nil {
			return err
		}
		if err := writeTable(f, s.name, s.t, st, s.header, s.label, s.widths); err != nil {
			return err
		}
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: render.Title(r), Creator: "gongkai"}); err != nil {
		return err
	}
	return f.Write(w)
}

// printedAsPages sets a table's sheet to print on A4 landscape, a page wide,
// its header rows again at the top of each page: 表三's ten columns and 表四's
// fifteen are wider than a portrait page, and a sheet printed as it is (Excel,
// WPS, LibreOffice) put its later columns on a later page, apart from their
// rows' labels.
func printedAsPages(f *excelize.File, sheet string, headerRows int) error {
	fit, a4, landscape, one, any := true, 9, "landscape", 1, 0
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &any}); err != nil {
		return err
	}
	if headerRows == 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$%d", sheet, headerRows), Scope: sheet})
}

// Ledger is a plain table of records (a case register, a fee ledger).
type Ledger struct {
	Title   string
	Headers []string
	Rows    [][]string
	Numeric []bool // per column: write as numbers
}

// LedgerXLSX writes a ledger with a frozen, styled header row.
func LedgerXLSX(w io.Writer, l *Ledger) error {
	f := newWorkbook()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	sheet := "Sheet1"
	if l.Title != "" {
		if err := f.SetSheetName(sheet, l.Title); err != nil {
			return err
		}
		sheet = l.Title
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, h := range l.Headers {
		width := float64(max(8, min(40, 2*len([]rune(h))+4)))
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	// the stream writer wants the panes before any row
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(l.Headers))
	for i, h := range l.Headers {
		head[i] = excelize.Cell{StyleID: st.header, Value: SafeCell(h)}
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{Height: 20}); err != nil {
		return err
	}
	for r, row := range l.Rows {
		vals := make([]any, len(row))
		for i, v := range row {
			if i < len(l.Numeric) && l.Numeric[i] {
				if n, err := strconv.ParseInt(v, 10, 64); err == nil {
					vals[i] = excelize.Cell{StyleID: st.number, Value: n}
					continue
				}
				if x, err := strconv.ParseFloat(v, 64); err == nil && !math.IsInf(x, 0) && !math.IsNaN(x) {
					vals[i] = excelize.Cell{StyleID: st.decimal, Value: x}
					continue
				}
			}
			vals[i] = excelize.Cell{StyleID: st.label, Value: SafeCell(v)}
		}
		if err := sw.SetRow(cellName(0, r+1), vals); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}

// LedgerCSV writes a ledger as CSV: UTF-8 with a BOM (what Excel needs to read
// UTF-8), or GB18030 for older software.
func LedgerCSV(w io.Writer, l *Ledger, gb18030 bool) error {
	out := w
	if gb18030 {
		enc := simplifiedchinese.GB18030.NewEncoder().Writer(w)
		out = enc
	} else if _, err := w.Write([]byte{0xEF, 0xBB, 0xBF}); err != nil {
		return err
	}
	cw := csv.NewWriter(out)
	cw.UseCRLF = true
	safe := func(row []string) []string {
		out := make([]string, len(row))
		for i, v := range row {
			out[i] = SafeCell(v)
		}
		return out
	}
	if err := cw.Write(safe(l.Headers)); err != nil {
		return err
	}
	for i, r := range l.Rows {
		// a numeric column keeps its negative numbers; SafeCell leaves numbers alone
		if err := cw.Write(safe(r)); err != nil {
			return fmt.Errorf("csv row %d: %w", i+1, err)
		}
	}
	cw.Flush()
	return cw.Error()
}

// newWorkbook is an excelize workbook written with newZip.
func newWorkbook() *excelize.File {
	f := excelize.NewFile()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newZip(w) })
	return f
}
