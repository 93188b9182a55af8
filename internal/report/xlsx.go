package report

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/errs"
	"gongkai/internal/guard"
	"gongkai/internal/xls"
)

// Some agencies publish the report, or its tables, as a spreadsheet: a page
// saved by Excel or WPS, or converted by LibreOffice Calc, whose paragraphs
// sit in the first column and whose tables keep their grid. Each sheet is
// read in order, row by row: a row whose only text is in its first cell is
// a line of text, any other a table row of cells, as wide as the sheet. A
// merged cell is one cell, as in a web page's table: the cells it covers are
// not read (the reader then sees the cells a row really has, as with rowspan
// and colspan), while an empty cell that is no one's continuation stays an
// empty cell (a blank, never a zero).

// xlsxLimits bound what excelize unpacks: a report's workbook is small.
var xlsxLimits = excelize.Options{UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 16 << 20}

// maxSheetText bounds the text of a workbook's cells, all sheets together:
// a few KB of a file can make gigabytes of it, one long shared string (or,
// in an XLS, one of its string table) in every cell of a sheet. A report's
// workbook holds tens of KB.
const maxSheetText = 2 * MaxInput

// sheetTextError refuses a workbook, or a document's tables, whose cells
// hold more than maxSheetText.
func sheetTextError(name string) error {
	return &errs.Error{Kind: errs.TooLarge, Where: name, Msg: fmt.Sprintf("文件中表格单元格的文字合计超过 %d MB（一份报告通常不到 1 MB）：文件异常，请确认文件是否正确", maxSheetText>>20)}
}

// maxSheetCells bounds the cells of a workbook's sheets, all together, as
// they are laid out: a row as wide as its last cell with a value, the
// empty cells before it included (a report's workbook has a few thousand).
// excelize's model of a sheet takes about 450 bytes a cell laid out, so
// 262 144 are about 120 MB; a cell in the last column of each of 4 000
// rows, a 22 KB XLSX, was a grid of 65 million cells and 24 GB before.
const maxSheetCells = 1 << 18

func sheetCellsError(name string) error {
	return &errs.Error{Kind: errs.TooLarge, Where: name, Msg: fmt.Sprintf("文件中的表格超过 %d 万个单元格（每行算到最后一个单元格，只设了格式的也算，中间的空单元格也算在内；一份报告通常只有几千个）：文件异常，请确认文件是否正确，或删去报告以外的内容后再核查", maxSheetCells/10000)}
}

// maxSheetMerges bounds a workbook's merged ranges, all sheets together
// (a report's tables have a few dozen), as an XLS's are bounded.
const maxSheetMerges = 1 << 16

// xlsxBounds are what a report's workbook may make excelize hold, measured
// before it reads the file (guard.XLSXMeasure): excelize's model of a sheet
// takes about 450 bytes a cell and a few hundred an element, and it reads
// the styles, the workbook and the comments whole. A report's workbook has
// a few thousand of each.
var xlsxBounds = guard.XLSXCells{Text: maxSheetText, Cells: maxSheetCells, Model: maxSheetCells, SheetTags: 1 << 19,
	Merges: maxSheetMerges, Strings: maxSheetCells, Sheets: 1024, Other: 1 << 18}

// xlsxTooLarge says why a workbook measured m is refused, nil when it is not.
func xlsxTooLarge(name string, m guard.XLSXCells) error {
	b := xlsxBounds
	large := func(format string, a ...any) error {
		return &errs.Error{Kind: errs.TooLarge, Where: name, Msg: fmt.Sprintf(format, a...) + "：文件异常，请确认文件是否正确，或在 Excel/WPS 中只保留报告的内容另存为新文件后再核查"}
	}
	switch {
	case m.Text > b.Text:
		return sheetTextError(name)
	case m.Cells > b.Cells, m.Model > b.Model:
		return sheetCellsError(name)
	case m.Strings > b.Strings:
		return large("文件中的文字条目超过 %d 万条（一份报告通常只有几百条）", b.Strings/10000)
	case m.Merges > b.Merges:
		return large("文件中的合并单元格超过 %d 处（一份报告通常几十处）", b.Merges)
	case m.Sheets > b.Sheets:
		return large("文件中的工作表超过 %d 个", b.Sheets)
	case m.SheetTags > b.SheetTags:
		return large("工作表的内部结构超过 %d 万项（一份报告通常只有几千项）", b.SheetTags/10000)
	case m.Other > b.Other:
		return large("文件的样式、批注等内部结构超过 %d 万项（一份报告通常只有几千项）", b.Other/10000)
	}
	return nil
}

func xlsxLines(name string, data []byte) ([]Line, error) {
	// (measured before excelize reads the file: it copies a shared string
	// for each cell that refers to it, lays out the empty cells before a
	// row's last, reads styles and the like whole)
	if err := xlsxTooLarge(name, guard.XLSXMeasure(data, xlsxLimits.UnzipSizeLimit, xlsxBounds)); err != nil {
		return nil, err
	}
	f, done, err := guard.OpenXLSX(data, xlsxLimits)
	if err != nil {
		return nil, errs.Wrap(errs.Invalid, err, name, "Excel 文件损坏，无法打开：请用 Excel/WPS 打开后另存为 XLSX 或 DOCX 再试")
	}
	defer done()
	var out []Line
	// a workbook of the tables alone may name its report only in its
	// properties (文件 > 属性 > 标题; gongkai's own export does)
	if props, err := f.GetDocProps(); err == nil {
		out = propertyTitle(out, props.Title)
	}
	budget := &formulaBudget{formulas: 2000, cells: 100_000}
	text := maxSheetText
	mergesOf := guard.XLSXMerges(data)
	laid := 0           // cells read, all sheets together
	var unseen []string // hidden sheets and rows: not on the screen nor printed, but in the file
	for _, sheet := range f.GetSheetList() {
		if visible, err := f.GetSheetVisible(sheet); err == nil && !visible {
			unseen = append(unseen, hiddenSheet(sheet))
			continue
		}
		covered := map[[2]int]bool{} // row, column (0-based) of cells a merge covers, its first excepted
		// (read from the sheet's part as stored: excelize's GetMergeCells
		// compares each range with every other)
		merges, _, err := mergesOf(sheet, maxSheetMerges)
		if err != nil {
			return nil, errs.Wrap(errs.Invalid, err, name, "Excel 文件中的合并单元格无法读取")
		}
		var ranges []xls.Range
		for _, g := range merges {
			cover(covered, g[0], g[1], g[2], g[3])
			ranges = append(ranges, xls.Range{R0: g[0], C0: g[1], R1: g[2], C1: g[3]})
		}
		rows, err := f.GetRows(sheet)
		if err != nil {
			return nil, errs.Wrap(errs.Invalid, err, name, "Excel 工作表“%s”无法读取", sheet)
		}
		// the cells read, all sheets together: sheets that name one part
		// each read it again (excelize writes its model out and reads it
		// back for each, about 6 µs a cell: 1 000 sheets of one part of
		// 200 000 cells, a 405 KB file, took 40 s), which the measure of
		// the parts does not see
		for _, row := range rows {
			laid += len(row)
		}
		if laid > maxSheetCells {
			return nil, sheetCellsError(name)
		}
		if notes, err := f.GetComments(sheet); err == nil { // 批注 on cells: in the file, shown only on pointing at them
			for _, n := range notes[:min(len(notes), 8)] {
				text := n.Text
				for _, r := range n.Paragraph {
					text += r.Text
				}
				unseen = unseenText(unseen, text)
			}
		}
		for ri, row := range rows {
			if len(row) > 0 && ri < 4096 {
				if visible, err := f.GetRowVisible(sheet, ri+1); err == nil && !visible {
					unseen = unseenText(unseen, row...)
					rows[ri] = nil
				}
			}
		}
		var hiddenCols []int
		for ci := range min(rowsWidth(rows), maxColumns) {
			col, _ := excelize.ColumnNumberToName(ci + 1)
			if visible, err := f.GetColVisible(sheet, col); err == nil && !visible {
				hiddenCols = append(hiddenCols, ci)
			}
		}
		unseen = hideColumns(rows, covered, ranges, hiddenCols, unseen)
		computed := computeFormulas(f, sheet, rows, covered, budget)
		// GetRows leaves out a row's empty cells at its end, a blank last
		// cell of a table too: the empty cells after the last value that
		// are dressed as it is (the table's borders) are the table's
		tail := func(ri int, row, cells []string, width int) []string {
			n := len(row)
			if n == 0 || n >= width {
				return cells
			}
			last, _ := excelize.CoordinatesToCellName(n, ri+1)
			style, err := f.GetCellStyle(sheet, last)
			// (a few cells at most: a report's table is not wider than 表四's
			// fifteen, on whatever grid; a damaged sheet may claim thousands)
			for ci := n; err == nil && ci < min(width, n+64); ci++ {
				axis, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
				if st, err := f.GetCellStyle(sheet, axis); err != nil || st != style {
					break
				}
				if !covered[[2]int{ri, ci}] {
					cells = append(cells, "")
				}
			}
			return cells
		}
		var full bool
		if out, full = gridLines(out, rows, covered, computed, tail, &text); text < 0 {
			return nil, sheetTextError(name)
		} else if full {
			return withUnseen(out, unseen), nil
		}
	}
	return withUnseen(out, unseen), nil
}

// hiddenSheet is how a hidden sheet is named among what is unseen.
func hiddenSheet(name string) string { return "隐藏的工作表：" + name }

// unseenText adds a text a workbook holds but does not show (a hidden
// row's cells, a note), if it has any, to what is unseen.
func unseenText(unseen []string, parts ...string) []string {
	var d dropText
	d.addString(strings.Join(strings.Fields(strings.Join(parts, " ")), " "))
	d.cut()
	return append(unseen, d.pieces...)
}

// maxColumns is as far as a sheet's columns are asked whether they are
// hidden: a report's table is not wider than 表四's fifteen, on whatever
// grid a converter lays it (LibreOffice's of a web page: some thirty).
const maxColumns = 256

// rowsWidth is the most cells a row has.
func rowsWidth(rows [][]string) int {
	w := 0
	for _, row := range rows {
		w = max(w, len(row))
	}
	return w
}

// hideColumns leaves a sheet's hidden columns out, as it leaves the cells
// a merge covers (they are marked covered), and adds their text to what is
// unseen, a column a piece: a template's column of last year's counts or of
// checks, hidden, read as the table's would put every row one cell over. A
// merge that starts in a hidden column shows its value in its first column
// shown, where it is moved.
func hideColumns(rows [][]string, covered map[[2]int]bool, merges []xls.Range, hiddenCols []int, unseen []string) []string {
	if len(hiddenCols) == 0 {
		return unseen
	}
	hidden := make([]bool, maxColumns)
	for _, c := range hiddenCols {
		if c >= 0 && c < maxColumns {
			hidden[c] = true
		}
	}
	for _, g := range merges {
		if g.C0 < 0 || g.C0 >= maxColumns || !hidden[g.C0] || g.R0 < 0 || g.R0 >= len(rows) {
			continue
		}
		for c := g.C0 + 1; c <= min(g.C1, maxColumns-1); c++ {
			if hidden[c] {
				continue
			}
			row := rows[g.R0]
			if g.C0 < len(row) {
				for len(row) <= c {
					row = append(row, "")
				}
				row[c], row[g.C0] = row[g.C0], ""
				rows[g.R0] = row
			}
			delete(covered, [2]int{g.R0, c})
			break
		}
	}
	for c, h := range hidden {
		if !h {
			continue
		}
		var text []string
		for ri, row := range rows {
			if c >= len(row) || covered[[2]int{ri, c}] {
				continue
			}
			if v := strings.TrimSpace(row[c]); v != "" && len(text) < 64 {
				text = append(text, v)
			}
			covered[[2]int{ri, c}] = true
		}
		unseen = unseenText(unseen, text...)
	}
	return unseen
}

// propertyTitle gives a workbook's title property as its first line when it
// names an annual report.
func propertyTitle(out []Line, title string) []Line {
	if hasText(title, "年度报告") && !moreRunes(title, 80) {
		out = append(out, Line{No: len(out) + 1, Text: strings.TrimSpace(title)})
	}
	return out
}

// cover marks the cells a merged range covers, its first excepted (0-based,
// inclusive); a range of more than 65 536 cells is no report's and is left,
// and so are ranges past 262 144 cells marked in all (a few KB of a sheet's
// merges, each under the first bound, marked tens of millions).
func cover(covered map[[2]int]bool, r0, c0, r1, c1 int) {
	if n := (r1 - r0 + 1) * (c1 - c0 + 1); n > 1<<16 || len(covered)+n > 1<<18 {
		return
	}
	for r := r0; r <= r1; r++ {
		for c := c0; c <= c1; c++ {
			if r != r0 || c != c0 {
				covered[[2]int{r, c}] = true
			}
		}
	}
}

// xlsLimits bound what a legacy workbook may cost.
var xlsLimits = xls.Limits{Stream: MaxInput, Cells: 1 << 20, Merges: 1 << 16, Grid: maxSheetCells}

// xlsLines reads a legacy Excel workbook (.xls, .et) as xlsxLines reads an
// XLSX: its formulas' results are those Excel or WPS saved.
func xlsLines(name string, data []byte) ([]Line, error) {
	wb, err := xls.Read(data, xlsLimits)
	if err != nil {
		return nil, xlsError(name, err)
	}
	out, ok := xlsBookLines(propertyTitle(nil, wb.Title), wb) // (the title kept from the XLSX saved as XLS)
	if !ok {
		return nil, sheetTextError(name)
	}
	return out, nil
}

// xlsStreamLines reads a workbook stream alone: an Excel object's in a
// Word 97 document.
func xlsStreamLines(name string, stream []byte) ([]Line, error) {
	wb, err := xls.ReadStream(stream, xlsLimits)
	if err != nil {
		return nil, xlsError(name, err)
	}
	out, ok := xlsBookLines(nil, wb)
	if !ok {
		return nil, sheetTextError(name)
	}
	return out, nil
}

// xlsBookLines appends a legacy workbook's sheets as lines, laid out as an
// XLSX's are; not ok when their cells hold more than maxSheetText.
func xlsBookLines(out []Line, wb *xls.Workbook) ([]Line, bool) {
	// (the cells share their strings with the string table: counted before
	// any is copied into a line)
	text := maxSheetText
	for _, sh := range wb.Sheets {
		for _, row := range sh.Rows {
			for _, c := range row {
				if text -= len(c); text < 0 {
					return nil, false
				}
			}
		}
	}
	text = maxSheetText
	var unseen []string // hidden sheets and rows, as an XLSX's
	for _, sh := range wb.Sheets {
		if sh.Hidden {
			unseen = append(unseen, hiddenSheet(sh.Name))
			continue
		}
		for _, n := range sh.Notes[:min(len(sh.Notes), 8)] {
			unseen = unseenText(unseen, n)
		}
		for _, ri := range sh.HiddenRows {
			if ri < len(sh.Rows) && len(sh.Rows[ri]) > 0 {
				unseen = unseenText(unseen, sh.Rows[ri]...)
				sh.Rows[ri] = nil
			}
		}
		covered := map[[2]int]bool{}
		for _, g := range sh.Merges {
			cover(covered, g.R0, g.C0, g.R1, g.C1)
		}
		unseen = hideColumns(sh.Rows, covered, sh.Merges, sh.HiddenCols, unseen)
		// a row's cells are as many as its records, blanks with borders
		// among them; past the sheet's last value they are formatting only
		width := 0
		for _, row := range sh.Rows {
			for ci := len(row) - 1; ci >= width; ci-- {
				if row[ci] != "" {
					width = ci + 1
					break
				}
			}
		}
		rows := make([][]string, len(sh.Rows))
		for ri, row := range sh.Rows {
			rows[ri] = row[:min(len(row), width)]
		}
		var full bool
		if out, full = gridLines(out, rows, covered, sh.Computed, nil, &text); text < 0 {
			return nil, false
		} else if full {
			break
		}
	}
	return withUnseen(out, unseen), true
}

// xlsError says why a legacy workbook could not be read.
func xlsError(name string, err error) error {
	switch {
	case errors.Is(err, xls.ErrEncrypted):
		return errs.Wrap(errs.Invalid, err, name, "该 Excel 文件设有打开密码：请提供未加密的文件，或用密码打开后另存为不加密的 XLSX 再审核")
	case errors.Is(err, xls.ErrTooOld):
		return errs.Wrap(errs.Invalid, err, name, "这是 Excel 4.0 以前的表格格式，无法读取：请用 Excel/WPS 打开后另存为 XLSX 再审核")
	case errors.Is(err, xls.ErrTooLarge):
		return errs.Wrap(errs.TooLarge, err, name, "这个 Excel 文件的单元格过多，不像一份年度报告：请确认文件是否正确")
	}
	return errs.Wrap(errs.Invalid, err, name, "Excel 文件（XLS）损坏，无法读取：请用 Excel/WPS 打开后另存为 XLSX 再审核")
}

// gridLines appends a sheet's rows as lines: a row whose only text is in
// its first cell is a line of text, any other a row of cells, those a merge
// covers left out; tail gives a row's cells the empty ones at its end that
// are the table's. It says when the lines are as many as a report may have.
//
// text counts down the bytes of the cells' text left to the workbook: below
// 0, it is over, and the lines stop there.
func gridLines(out []Line, rows [][]string, covered map[[2]int]bool, computed map[int]int, tail func(ri int, row, cells []string, width int) []string, text *int) ([]Line, bool) {
	width := 0
	for _, row := range rows {
		width = max(width, len(row))
	}
	for ri, row := range rows {
		var cells []string
		for ci, v := range row {
			if !covered[[2]int{ri, ci}] {
				if *text -= len(v) + 1; *text < 0 {
					return out, true
				}
				cells = append(cells, strings.ReplaceAll(strings.TrimSpace(v), "\n", ""))
			}
		}
		if tail != nil {
			cells = tail(ri, row, cells, width)
		}
		// a paragraph in a cell, the row's other cells dressed empty: its
		// text; a lone count among a table's blank cells (表四's one 0)
		// keeps its place among them
		for len(cells) > 0 && cells[len(cells)-1] == "" && countFilled(cells) <= 1 && !slices.ContainsFunc(cells, cellish) {
			cells = cells[:len(cells)-1]
		}
		l := Line{No: len(out) + 1}
		l.setComputed(computed[ri])
		switch filled := countFilled(cells); {
		case filled == 0:
		case filled == 1 && cells[0] != "" && !cellish(cells[0]):
			l.Text = cells[0] // a paragraph, in the first column
		default:
			l.Fields, l.Text = cells, strings.Join(cells, "\t")
		}
		out = append(out, l)
		if len(out) > MaxInput/16 {
			return out, true
		}
	}
	return out, false
}

// formulaBudget bounds what a workbook's formulas may cost: how many are
// computed, and how many cells they may look at in all.
type formulaBudget struct{ formulas, cells int }

// computeFormulas fills in the cells of rows that are formulas without
// their results: a workbook a program wrote (Apache POI, excelize, a
// platform's export) leaves them for Excel to compute on opening, and its
// totals read as blank. Only sums of a few cells are computed (SUM, + and
// -, ranges of at most 1 024 cells): what a report's table holds, and
// nothing a hostile file could make slow. It returns, by row, how many
// cells it computed, those a merge covers left alone; budget counts down
// the workbook's formulas and the cells they look at.
func computeFormulas(f *excelize.File, sheet string, rows [][]string, covered map[[2]int]bool, budget *formulaBudget) map[int]int {
	dim, err := f.GetSheetDimension(sheet)
	if err != nil {
		return nil
	}
	_, last, _ := strings.Cut(dim, ":")
	maxCol, _, err := excelize.CellNameToCoordinates(last)
	if err != nil {
		maxCol = 0
	}
	for _, row := range rows {
		maxCol = max(maxCol, len(row))
	}
	maxCol = min(maxCol, 256)
	var out map[int]int
	scanned := 0
	sums := &sheetSums{f: f, sheet: sheet, memo: map[string]sumResult{}, budget: budget}
	for ri := range rows {
		for ci := 0; ci < maxCol && budget.formulas > 0; ci++ {
			if ci < len(rows[ri]) && rows[ri][ci] != "" || covered[[2]int{ri, ci}] {
				continue // (a merge's covered cells answer with its first cell's formula)
			}
			if scanned++; scanned > 100_000 {
				return out // (a sheet of a million empty cells is no report's)
			}
			axis, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
			formula, err := f.GetCellFormula(sheet, axis)
			if err != nil || formula == "" || !plainSum(formula, axis) {
				continue
			}
			budget.formulas--
			sums.work = 0
			n, ok := sums.sumOf(formula, 0)
			if !ok {
				continue
			}
			v := strconv.FormatFloat(n, 'f', -1, 64)
			for len(rows[ri]) <= ci {
				rows[ri] = append(rows[ri], "")
			}
			rows[ri][ci] = v
			if out == nil {
				out = map[int]int{}
			}
			out[ri]++
		}
	}
	return out
}

// plainSum says a formula adds and subtracts cells and numbers only: SUM of
// cells and ranges of at most 1 024 cells, +, -, parentheses; none of them
// the formula's own cell, at.
func plainSum(formula, at string) bool {
	t := strings.ToUpper(strings.TrimPrefix(formula, "="))
	if len(t) > 512 {
		return false
	}
	toks := sumTokens(t)
	for i, tok := range toks {
		if len(tok) == 1 && strings.Contains("+-(),", tok) || tok == "SUM" && i+1 < len(toks) && toks[i+1] == "(" {
			continue
		}
		a, b, isRange := strings.Cut(tok, ":")
		if _, err := strconv.ParseFloat(a, 64); err == nil && !isRange {
			continue
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(a)
		if err1 != nil || a == at {
			return false
		}
		if !isRange {
			continue
		}
		c2, r2, err2 := excelize.CellNameToCoordinates(b)
		if err2 != nil || (abs(c2-c1)+1)*(abs(r2-r1)+1) > 1024 {
			return false
		}
	}
	return true
}

// sheetSums computes a sheet's sums: what each formula cell came to, and
// the cells looked at, bounded for each formula (one made to be slow fails
// alone) and for the workbook.
type sheetSums struct {
	f      *excelize.File
	sheet  string
	memo   map[string]sumResult
	work   int // cells looked at for this formula
	budget *formulaBudget
}

type sumResult struct {
	n  float64
	ok bool
}

// sumOf computes a formula plainSum accepts, depth formulas down (a total
// of totals that are formulas too; at most 8): numbers, cells (empty is 0),
// SUM of cells and ranges (text in them counts nothing, as in Excel), + and -,
// parentheses. It does it itself: excelize's calculator is the whole of
// Excel's function library, 4 MB of the binary, for sums.
func (c *sheetSums) sumOf(formula string, depth int) (float64, bool) {
	f, sheet := c.f, c.sheet
	if depth > 8 {
		return 0, false
	}
	toks := sumTokens(strings.ToUpper(strings.TrimPrefix(formula, "=")))
	pos := 0
	peek := func() string {
		if pos < len(toks) {
			return toks[pos]
		}
		return ""
	}
	// cell is a cell's number; inSum: text counts nothing (SUM), else fails (+)
	cell := func(axis string, inSum bool) (float64, bool) {
		// (a sheet made to be slow: a formula looks at 10 000 cells at
		// most, a workbook's formulas 100 000)
		if c.work, c.budget.cells = c.work+1, c.budget.cells-1; c.work > 10_000 || c.budget.cells < 0 {
			return 0, false
		}
		if g, err := f.GetCellFormula(sheet, axis); err == nil && g != "" {
			if v, err := f.GetCellValue(sheet, axis, excelize.Options{RawCellValue: true}); err == nil && v != "" {
				n, err := strconv.ParseFloat(v, 64)
				return n, err == nil || inSum
			}
			if r, ok := c.memo[axis]; ok {
				return r.n, r.ok
			}
			var v float64
			ok := false
			if plainSum(g, axis) {
				v, ok = c.sumOf(g, depth+1)
			}
			c.memo[axis] = sumResult{v, ok}
			return v, ok
		}
		v, err := f.GetCellValue(sheet, axis, excelize.Options{RawCellValue: true})
		if err != nil {
			return 0, false
		}
		if v = strings.TrimSpace(v); v == "" {
			return 0, true
		}
		n, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return 0, inSum
		}
		return n, true
	}
	var expr func() (float64, bool)
	primary := func() (float64, bool) {
		switch t := peek(); {
		case t == "(":
			pos++
			n, ok := expr()
			if peek() != ")" {
				return 0, false
			}
			pos++
			return n, ok
		case t == "SUM":
			pos++
			if peek() != "(" {
				return 0, false
			}
			pos++
			total := 0.0
			for {
				var n float64
				ok := true
				if a, b, isRange := strings.Cut(peek(), ":"); isRange {
					pos++
					c1, r1, err1 := excelize.CellNameToCoordinates(a)
					c2, r2, err2 := excelize.CellNameToCoordinates(b)
					if err1 != nil || err2 != nil {
						return 0, false
					}
					for r := min(r1, r2); r <= max(r1, r2) && ok; r++ {
						for c := min(c1, c2); c <= max(c1, c2) && ok; c++ {
							axis, _ := excelize.CoordinatesToCellName(c, r)
							var v float64
							v, ok = cell(axis, true)
							n += v
						}
					}
				} else if _, _, err := excelize.CellNameToCoordinates(peek()); err == nil && (pos+1 >= len(toks) || toks[pos+1] == "," || toks[pos+1] == ")") {
					n, ok = cell(peek(), true)
					pos++
				} else {
					n, ok = expr()
				}
				if !ok {
					return 0, false
				}
				total += n
				switch peek() {
				case ",":
					pos++
				case ")":
					pos++
					return total, true
				default:
					return 0, false
				}
			}
		case t == "":
			return 0, false
		}
		t := peek()
		pos++
		if n, err := strconv.ParseFloat(t, 64); err == nil {
			return n, true
		}
		if _, _, err := excelize.CellNameToCoordinates(t); err != nil {
			return 0, false
		}
		return cell(t, false)
	}
	term := func() (float64, bool) {
		sign := 1.0
		for peek() == "+" || peek() == "-" {
			if peek() == "-" {
				sign = -sign
			}
			pos++
		}
		n, ok := primary()
		return sign * n, ok
	}
	expr = func() (float64, bool) {
		n, ok := term()
		for ok && (peek() == "+" || peek() == "-") {
			op := peek()
			pos++
			var m float64
			m, ok = term()
			if op == "-" {
				m = -m
			}
			n += m
		}
		return n, ok
	}
	n, ok := expr()
	return n, ok && pos == len(toks)
}

// sumTokens cuts a formula into numbers, cell names and ranges, SUM, and
// the characters + - ( ) , (spaces and $ dropped).
func sumTokens(s string) []string {
	var out []string
	s = strings.ReplaceAll(s, "$", "")
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == ' ':
			i++
		case strings.IndexByte("+-(),", c) >= 0:
			out = append(out, s[i:i+1])
			i++
		default:
			j := i
			for j < len(s) && strings.IndexByte("+-(), ", s[j]) < 0 {
				j++
			}
			out = append(out, s[i:j])
			i = j
		}
	}
	return out
}

func countFilled(cells []string) int {
	n := 0
	for _, c := range cells {
		if c != "" {
			n++
		}
	}
	return n
}
