// Package importer reads application registers (依申请公开台账) that agencies
// keep in Excel or CSV and turns their rows into cases. It maps columns by
// their header text (not position), reports every bad row with row, column and
// reason, and never guesses: an unclear value is an error to fix in the file.
package importer

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/casework"
	"gongkai/internal/clock"
	"gongkai/internal/errs"
	"gongkai/internal/guard"
	"gongkai/internal/workday"
	"gongkai/internal/xls"
)

// Field is a column the register can have.
type Field struct {
	ID       string
	Name     string
	Required bool
	Synonyms []string // header texts that mean this field (matched after removing spaces)
}

// unless are words that make a header mean something else than the field
// its synonym names (经办人电话 is no 经办人).
var unless = map[string][]string{"handler": {"电话", "手机", "科室", "部门", "日期", "时间", "意见", "签字"},
	"channel": {"联系", "答复方式", "获取方式", "提供方式", "送达方式"}} // 联系方式 is a telephone, 答复方式 the reply's

// Schema is a kind of ledger: the fields its columns can be.
type Schema []Field

// Fields of an application register, most specific synonyms first.
var Fields = Schema{
	{"serial", "申请编号", false, []string{"申请编号", "登记编号", "受理编号", "案件编号", "流水号"}},
	{"received_on", "收到申请日期", true, []string{"收到申请日期", "收到日期", "受理日期", "申请日期", "登记日期", "收件日期", "来件日期", "来信日期", "收文日期", "收到时间", "受理时间", "申请时间", "提交时间", "登记时间"}},
	{"channel", "申请方式", true, []string{"申请方式", "提交方式", "申请渠道", "申请形式", "提交形式", "申请途径", "渠道", "方式"}},
	{"applicant_type", "申请人类型", true, []string{"申请人类型", "申请人类别", "申请人性质", "申请者类型", "申请者类别", "类型", "类别"}},
	{"id_type", "证件类型", false, []string{"证件类型", "身份证明类型"}},
	{"id_number", "证件号码", false, []string{"证件号码", "身份证号码", "身份证号", "统一社会信用代码", "证件号", "身份证明号码"}},
	{"name", "申请人", true, []string{"申请人姓名", "申请人名称", "申请人", "申请者", "姓名", "名称"}},
	{"phone", "联系电话", false, []string{"联系电话", "联系方式", "电话", "手机号码", "手机"}},
	{"email", "电子邮箱", false, []string{"电子邮箱", "邮箱", "电子邮件地址"}},
	{"address", "通信地址", false, []string{"通信地址", "联系地址", "地址"}},
	{"description", "申请内容", true, []string{"申请公开的内容", "申请公开内容", "申请内容", "所需信息", "申请事项", "内容描述", "所需政府信息", "信息内容", "公开内容"}},
	{"replied_on", "答复日期", false, []string{"答复日期", "办结日期", "回复日期", "答复时间", "办结时间", "回复时间"}},
	{"outcome", "答复结果", false, []string{"答复结果", "办理结果", "处理结果", "答复类型", "答复情况"}},
	{"handler", "承办人", false, []string{"承办人", "承办人员", "经办人", "经办人员"}},
}

func (sc Schema) field(id string) *Field {
	for i := range sc {
		if sc[i].ID == id {
			return &sc[i]
		}
	}
	return nil
}

// Sheet is a file read as rows of text cells, with its 1-based row numbers.
type Sheet struct {
	Rows [][]string
	// Name is the XLSX sheet read; Others are the workbook's other sheets
	// with content when the first was read by default (a register kept a
	// sheet a month): the preview says they were not read
	Name   string
	Others []string
	// merges are the workbook's merged ranges (0-based, inclusive): a
	// value merged down several data rows counts for each of them
	merges []cellRange
	// mergedFrom: a data cell filled from a merge → the row of its value
	mergedFrom map[[2]int]int
	// parts are the sheets of a workbook read whole (AllSheets), each with
	// its own header; maps are their mappings once mapped (nil: no header,
	// a cover page, not read). Such a Sheet has no Rows of its own.
	parts []*Sheet
	maps  []*Mapping
	// date1904: the workbook counts its day numbers from 1904-01-01 (old
	// Mac Excel's date system, kept in an .xls or .xlsx): 44198 there is
	// 2025-01-03, not 2021-01-02
	date1904 bool
	// Loc is the deployment's zone: a date written as an instant with its
	// offset (2025-03-05T09:30:00+08:00, a platform's export) is read as
	// the date it is there. Nil refuses such dates.
	Loc *time.Location
}

// AllSheets as the sheet to read reads every sheet of a workbook with a
// header, for a register kept a sheet a month. Excel forbids * in a sheet's
// name, so no sheet is named so.
const AllSheets = "*"

// maxSheets bounds the sheets with text a workbook read whole may have.
const maxSheets = 100

// cellRange is a merged range of a sheet, 0-based and inclusive.
type cellRange struct{ r0, c0, r1, c1 int }

// maxMergedCells bounds the cells a sheet's merges may fill (a hostile
// workbook can merge a whole sheet).
const maxMergedCells = 1_000_000

// Limits on a register, checked while reading, not after: larger files
// should be split.
const (
	MaxFile  = 20 << 20 // bytes of the file as uploaded
	maxRows  = 200000
	maxCols  = 200
	maxCell  = 10000     // characters in one cell
	maxUnzip = 256 << 20 // bytes an XLSX may decompress to
	// maxGrid bounds a workbook's cells as laid out, all sheets together:
	// a row as wide as its last cell with a value, the empty cells before
	// it included (excelize and the XLS reader fill them). A cell in the
	// last column of each of 4 000 rows, a 22 KB XLSX, took 14 GB before.
	// 200 000 rows of 80 columns fit.
	maxGrid = 16_000_000
	// maxStrings bounds an XLSX's shared strings (its distinct texts):
	// excelize keeps about 100 – 200 bytes for each, an empty one too (12
	// million <si/>, an 89 KB file, were 1.3 GB). 200 000 rows of 10
	// distinct texts fit.
	maxStrings = 2_000_000
)

// mergesError says a workbook has more merged ranges than maxMergedCells.
func mergesError(name string) error {
	return errs.New(name, "合并单元格太多（超过 %d 处）：请取消合并后再导入", maxMergedCells)
}

// gridError says a workbook's cells, as laid out, are past maxGrid.
func gridError(name string) error {
	return &errs.Error{Kind: errs.TooLarge, Where: name, Msg: fmt.Sprintf("表格超过 %d 万个单元格（按每行最后一个有内容的单元格计，中间的空单元格也算在内）：请删去表格右侧和下方多余的内容，或分成几个文件导入", maxGrid/10000)}
}

// ReadFile reads CSV (UTF-8 with or without BOM, or GB18030/GBK), XLSX, a
// legacy XLS (Excel 97–2003, Excel 95, WPS's .et) or an OpenDocument
// spreadsheet (.ods). For a workbook, sheet
// names the sheet; "" is the first, AllSheets every sheet with text (a CSV
// is one sheet whatever is asked).
func ReadFile(name string, data []byte, sheet string) (*Sheet, error) {
	if len(data) > MaxFile {
		return nil, &errs.Error{Kind: errs.TooLarge, Where: name, Msg: fmt.Sprintf("文件超过 %d MB：请分成几个文件导入", MaxFile>>20)}
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		switch zipKind(data) {
		case "ods":
			return readODS(name, data, sheet)
		case "word":
			return readWord(name, data)
		}
		return readXLSX(name, data, sheet)
	}
	if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		sh, err := readXLS(name, data, sheet)
		if errors.Is(err, xls.ErrNotWorkbook) { // a Word 97 document: its table
			return readWord(name, data)
		}
		return sh, err
	}
	if kind := markupKind(data); kind != "" { // a platform's "Excel" that is a web page or XML
		return readMarkup(name, data, kind, sheet)
	}
	if bytes.HasPrefix(bytes.TrimLeft(data, "\xef\xbb\xbf \t\r\n"), []byte(`{\rtf`)) { // a Word table saved as RTF
		return readWord(name, data)
	}
	// UTF-8 with or without its mark; Excel's and WPS's "Unicode 文本"
	// (UTF-16, tab-separated); GB18030/GBK
	data = guard.UTF8(data)
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = delimiter(data)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var rows [][]string
	for {
		rec, err := r.Read()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			line, _ := r.FieldPos(0)
			return nil, errs.Wrap(errs.Invalid, err, fmt.Sprintf("%s 第 %d 行", name, line), "CSV 格式错误：请检查引号和分隔符")
		}
		line, _ := r.FieldPos(0)
		rec, err = clip(name, line, rec)
		if err != nil {
			return nil, err
		}
		rows = append(rows, rec)
		if len(rows) > maxRows {
			return nil, errs.New(name, "文件超过 %d 行：请分成几个文件导入", maxRows)
		}
	}
	return &Sheet{Rows: rows}, nil
}

// clip bounds a row's columns and cells: what no register needs is dropped
// instead of kept in memory (a cell is cut between characters). Each cell
// is made text (guard.Text): a NUL or bytes that are not UTF-8 are an error
// at their row and column here, where PostgreSQL would refuse the whole
// import at its end.
func clip(name string, row int, rec []string) ([]string, error) {
	if len(rec) > maxCols {
		// a copy: the row as read (16 384 cells to a cell in column XFD)
		// would be kept whole behind a slice of it
		rec = slices.Clone(rec[:maxCols])
	}
	for i, c := range rec {
		if len(c) > maxCell*3 {
			j := maxCell * 3
			for j > 0 && !utf8.RuneStart(c[j]) {
				j--
			}
			c = c[:j]
		}
		clean, ok := guard.Plain(c)
		if !ok {
			return nil, errs.New(fmt.Sprintf("%s 第 %d 行 %s 列", name, row, colName(i)),
				"含有无法识别的字符（空字符或乱码）：文件可能已损坏，或不是它的扩展名所说的格式；请在 Excel/WPS 中另存为“CSV UTF-8”或 XLSX 后再导入")
		}
		rec[i] = clean
	}
	return rec, nil
}

// delimiter is the CSV's separator: a tab when the first line that has tabs
// or commas has more tabs (Excel's "文本文件（制表符分隔）" and "Unicode 文本"),
// else a comma.
func delimiter(data []byte) rune {
	for n := 0; n < 15 && len(data) > 0; n++ {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		tabs, commas := bytes.Count(line, []byte("\t")), bytes.Count(line, []byte(","))
		if tabs > 0 || commas > 0 {
			if tabs > commas {
				return '\t'
			}
			return ','
		}
		data = rest
	}
	return ','
}

// othersNamed names the workbook's other sheets with text (the first
// twelve), for a message.
func (s *Sheet) othersNamed() string { return strings.Join(s.Others[:min(len(s.Others), 12)], "、") }

// workbook is an open XLSX or XLS, as ReadFile reads its sheets. (Functions,
// not an interface: an *excelize.File held in a value converted to an
// interface keeps every exported method of excelize in the binary, 2 MB, as
// reflection could reach them.)
type workbook struct {
	sheetList func() []string
	// hasText says a sheet has text in its first rows (Excel's empty
	// Sheet2 and Sheet3 have none; the sheet's stored dimension is not to
	// be trusted: writers leave it at A1)
	hasText func(sheet string) bool
	// rows reads a sheet's rows, at most limit (clipped), and its merged
	// ranges; ok false when there is no such sheet
	rows func(name, sheet string, limit int) (rows [][]string, merges []cellRange, ok bool, err error)
	// hidden says a sheet is hidden (a template's lookup lists, last
	// year's): read only when named (nil: none is)
	hidden func(sheet string) bool
}

// visibleSheets are the workbook's sheets not hidden, in order; all of
// them when every one is hidden.
func (wb workbook) visibleSheets() []string {
	all := wb.sheetList()
	if wb.hidden == nil {
		return all
	}
	var out []string
	for _, n := range all {
		if !wb.hidden(n) {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return all
	}
	return out
}

// readBook reads a workbook's sheet: sheet names it, "" is the first,
// AllSheets every sheet with text.
func readBook(name string, wb workbook, sheet string) (*Sheet, error) {
	if sheet == AllSheets {
		book := &Sheet{}
		rows := 0
		for _, n := range wb.visibleSheets() {
			if !wb.hasText(n) {
				continue
			}
			if len(book.parts) == maxSheets {
				return nil, errs.New(name, "有文字的工作表超过 %d 个：请分成几个文件导入", maxSheets)
			}
			part, err := readSheet(name, wb, n, nil, maxRows-rows)
			if err != nil {
				return nil, err
			}
			rows += len(part.Rows)
			book.parts = append(book.parts, part)
		}
		if len(book.parts) == 0 {
			return nil, errs.New(name, "工作簿中没有一个工作表有内容")
		}
		return book, nil
	}
	var others []string
	if sheet == "" {
		list := wb.visibleSheets()
		if len(list) == 0 {
			return nil, errs.New(name, "工作簿中没有工作表")
		}
		sheet = list[0]
		for _, n := range list[1:] {
			if wb.hasText(n) {
				others = append(others, n)
			}
		}
	}
	return readSheet(name, wb, sheet, others, maxRows)
}

// gridSheet is a sheet read whole into memory (XLS, ODS, an HTML table, an
// XML Spreadsheet): its rows and merged ranges.
type gridSheet struct {
	name   string
	rows   [][]string
	merges []cellRange
	hidden bool
}

// readSheets reads sheets held in memory as a workbook.
func readSheets(name string, sheets []gridSheet, sheet string) (*Sheet, error) {
	find := func(n string) *gridSheet {
		for i := range sheets {
			if sheets[i].name == n {
				return &sheets[i]
			}
		}
		return nil
	}
	wb := workbook{
		sheetList: func() []string {
			var out []string
			for _, s := range sheets {
				out = append(out, s.name)
			}
			return out
		},
		hasText: func(n string) bool {
			s := find(n)
			for i := 0; s != nil && i < min(20, len(s.rows)); i++ {
				if strings.TrimSpace(strings.Join(s.rows[i], "")) != "" {
					return true
				}
			}
			return false
		},
		rows: func(name, n string, limit int) ([][]string, []cellRange, bool, error) {
			s := find(n)
			if s == nil {
				return nil, nil, false, nil
			}
			if len(s.rows) > limit {
				return nil, nil, true, errs.New(name, "文件超过 %d 行：请分成几个文件导入", maxRows)
			}
			for i := range s.rows {
				var err error
				if s.rows[i], err = clip(name, i+1, s.rows[i]); err != nil {
					return nil, nil, true, err
				}
			}
			return s.rows, s.merges, true, nil
		},
		hidden: func(n string) bool { s := find(n); return s != nil && s.hidden },
	}
	return readBook(name, wb, sheet)
}

// readSheet reads one sheet of an open workbook, at most limit rows (the
// rows of a workbook read whole count together), and its merged ranges
// down rows (a merge across columns only is a header's, filled by
// header()).
func readSheet(name string, wb workbook, sheet string, others []string, limit int) (*Sheet, error) {
	rows, merges, ok, err := wb.rows(name, sheet, limit)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errs.New(name, "没有名为“%s”的工作表：可用 %s", sheet, strings.Join(wb.sheetList(), "、"))
	}
	sh := &Sheet{Rows: rows, Name: sheet, Others: others}
	cells := 0
	for _, g := range merges {
		// a range written end first ("B6:A4") is the same range
		r0, r1 := min(g.r0, g.r1), max(g.r0, g.r1)
		c0, c1 := min(g.c0, g.c1), max(g.c0, g.c1)
		if r0 >= len(rows) || c0 >= maxCols {
			continue
		}
		r1, c1 = min(r1, len(rows)-1), min(c1, maxCols-1)
		if r1 == r0 {
			continue
		}
		if cells += (r1 - r0 + 1) * (c1 - c0 + 1); cells > maxMergedCells {
			return nil, errs.New(name, "合并单元格太多（超过 %d 格）：请取消合并后再导入", maxMergedCells)
		}
		sh.merges = append(sh.merges, cellRange{r0, c0, r1, c1})
	}
	return sh, nil
}

// xlsxBook is an XLSX read by excelize, its rows streamed; its merged
// ranges are read from the sheets' parts (guard.XLSXMerges).
type xlsxBook struct {
	f      *excelize.File
	merges func(sheet string, limit int) ([][4]int, bool, error)
}

func (b xlsxBook) sheetList() []string { return b.f.GetSheetList() }

func (b xlsxBook) hasText(name string) bool {
	it, err := b.f.Rows(name)
	if err != nil {
		return false
	}
	defer it.Close()
	for i := 0; i < 20 && it.Next(); i++ {
		cols, err := it.Columns()
		if err != nil {
			return false
		}
		if strings.TrimSpace(strings.Join(cols, "")) != "" {
			return true
		}
	}
	return false
}

func (b xlsxBook) rows(name, sheet string, limit int) ([][]string, []cellRange, bool, error) {
	if !slices.Contains(b.f.GetSheetList(), sheet) {
		return nil, nil, false, nil
	}
	it, err := b.f.Rows(sheet)
	if err != nil {
		return nil, nil, false, errs.Wrap(errs.Invalid, err, name, "无法读取工作表“%s”", sheet)
	}
	defer it.Close()
	var rows [][]string
	for it.Next() {
		if len(rows) >= limit {
			return nil, nil, true, errs.New(name, "文件超过 %d 行：请分成几个文件导入", maxRows)
		}
		cols, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, nil, true, errs.Wrap(errs.Invalid, err, fmt.Sprintf("%s 第 %d 行", name, len(rows)+1), "无法读取这一行")
		}
		cols, err = clip(name, len(rows)+1, cols)
		if err != nil {
			return nil, nil, true, err
		}
		rows = append(rows, cols)
	}
	if err := it.Error(); err != nil {
		return nil, nil, true, errs.Wrap(errs.Invalid, err, name, "无法读取工作表“%s”", sheet)
	}
	// (read from the sheet's part as stored: excelize's GetMergeCells
	// loads the sheet into its model, hundreds of bytes a cell, and compares
	// each range with every other)
	got, within, err := b.merges(sheet, maxMergedCells)
	if err != nil {
		return nil, nil, true, errs.Wrap(errs.Invalid, err, name, "无法读取工作表“%s”的合并单元格", sheet)
	}
	if !within {
		return nil, nil, true, mergesError(name)
	}
	merges := make([]cellRange, 0, len(got))
	for _, g := range got {
		merges = append(merges, cellRange{g[0], g[1], g[2], g[3]})
	}
	return rows, merges, true, nil
}

// readXLSX reads an XLSX; the archive's decompressed size is bounded (a zip
// bomb is refused).
func readXLSX(name string, data []byte, sheet string) (*Sheet, error) {
	// a few KB can be gigabytes once read: one long shared string in every
	// cell of a sheet (excelize copies it for each cell), a value in column
	// XFD of every row (excelize lays out the cells before it): measured
	// before reading
	// (the sheets are streamed, not modelled: their cells are bounded as
	// read, not as excelize's model would lay them out)
	m := guard.XLSXMeasure(data, maxUnzip, guard.XLSXCells{Text: maxUnzip, Cells: maxGrid, Model: math.MaxInt64, SheetTags: math.MaxInt64,
		Merges: maxMergedCells, Strings: maxStrings, Sheets: maxSheets * 10, Other: 1 << 18})
	switch {
	case m.Merges > maxMergedCells:
		return nil, mergesError(name)
	case m.Text > maxUnzip:
		return nil, &errs.Error{Kind: errs.TooLarge, Where: name, Msg: fmt.Sprintf("表格中单元格的文字合计超过 %d MB：请确认文件是否正确，或分成几个文件导入", maxUnzip>>20)}
	case m.Cells > maxGrid:
		return nil, gridError(name)
	case m.Strings > maxStrings:
		return nil, &errs.Error{Kind: errs.TooLarge, Where: name, Msg: fmt.Sprintf("表格中的不同文字超过 %d 万条：请确认文件是否正确，或分成几个文件导入", maxStrings/10000)}
	case m.Sheets > maxSheets*10:
		return nil, errs.New(name, "工作表过多：请分成几个文件导入")
	case m.Other > 1<<18:
		return nil, &errs.Error{Kind: errs.TooLarge, Where: name, Msg: "表格的样式、批注等内部结构过大（超过 26 万项）：文件异常，请在 Excel/WPS 中把台账复制到新文件后再导入"}
	}
	f, done, err := guard.OpenXLSX(data, excelize.Options{UnzipSizeLimit: maxUnzip, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, errs.Wrap(errs.Invalid, err, name, "无法作为 XLSX 打开：请确认文件未损坏，或在 Excel/WPS 中另存为 .xlsx 后再导入")
	}
	defer done()
	b := xlsxBook{f, guard.XLSXMerges(data)}
	hidden := func(n string) bool { visible, err := f.GetSheetVisible(n); return err == nil && !visible }
	sh, err := readBook(name, workbook{b.sheetList, b.hasText, b.rows, hidden}, sheet)
	if props, perr := f.GetWorkbookProps(); err == nil && perr == nil && props.Date1904 != nil && *props.Date1904 {
		sh.countsFrom1904()
	}
	return sh, err
}

// countsFrom1904 says the sheet's workbook (each of its parts) counts its
// day numbers from 1904.
func (s *Sheet) countsFrom1904() {
	s.date1904 = true
	for _, p := range s.parts {
		p.date1904 = true
	}
}

// readXLS reads a legacy workbook.
func readXLS(name string, data []byte, sheet string) (*Sheet, error) {
	wb, err := xls.Read(data, xls.Limits{Stream: MaxFile, Cells: maxRows * 20, Merges: maxMergedCells, Grid: maxGrid})
	switch {
	case errors.Is(err, xls.ErrNotWorkbook):
		return nil, errs.Wrap(errs.Invalid, err, name, "这不是 Excel 表格（可能是 Word 文档）：请导入 XLSX、XLS 或 CSV 文件")
	case errors.Is(err, xls.ErrEncrypted):
		return nil, errs.Wrap(errs.Invalid, err, name, "该 Excel 文件设有打开密码：请用密码打开后另存为不加密的 .xlsx 再导入")
	case errors.Is(err, xls.ErrTooOld):
		return nil, errs.Wrap(errs.Invalid, err, name, "这是 Excel 4.0 以前的表格格式：请在 Excel 或 WPS 中“另存为” .xlsx 后再导入")
	case errors.Is(err, xls.ErrTooLarge):
		return nil, errs.Wrap(errs.TooLarge, err, name, "表格的单元格过多：请分成几个文件导入")
	case err != nil:
		return nil, errs.Wrap(errs.Invalid, err, name, "无法作为 XLS 打开，文件可能已损坏：请在 Excel 或 WPS 中打开后“另存为” .xlsx 再导入")
	}
	// held whole (at most 65 536 rows a sheet), each row ending at its last
	// value and the sheet at its last row with one, as excelize streams them
	sheets := make([]gridSheet, len(wb.Sheets))
	for i, sh := range wb.Sheets {
		rows := sh.Rows
		for len(rows) > 0 && strings.Join(rows[len(rows)-1], "") == "" {
			rows = rows[:len(rows)-1]
		}
		g := gridSheet{name: sh.Name, rows: make([][]string, len(rows)), hidden: sh.Hidden}
		for r, row := range rows {
			for len(row) > 0 && row[len(row)-1] == "" {
				row = row[:len(row)-1]
			}
			g.rows[r] = row
		}
		for _, m := range sh.Merges {
			g.merges = append(g.merges, cellRange{m.R0, m.C0, m.R1, m.C1})
		}
		sheets[i] = g
	}
	sh, err := readSheets(name, sheets, sheet)
	if err == nil && wb.Date1904 {
		sh.countsFrom1904()
	}
	return sh, err
}

// fillMerged writes the value of each range merged down the data rows
// (below the header) into every cell of it: registers merge 收到日期 or
// 申请方式 over the applications of one day. Each cell filled is noted, a
// date column's Excel day number as the date it is.
func (s *Sheet) fillMerged(headerRow int, headers []string) []string {
	var notes []string
	for _, g := range s.merges {
		if g.r0 <= headerRow {
			continue
		}
		for c := g.c0; c <= g.c1; c++ {
			v := ""
			if c < len(s.Rows[g.r0]) {
				v = s.Rows[g.r0][c]
			}
			if strings.TrimSpace(v) == "" {
				continue
			}
			for r := g.r0 + 1; r <= g.r1; r++ {
				for len(s.Rows[r]) <= c {
					s.Rows[r] = append(s.Rows[r], "")
				}
				if s.Rows[r][c] == "" {
					s.Rows[r][c] = v
					if s.mergedFrom == nil {
						s.mergedFrom = map[[2]int]int{}
					}
					s.mergedFrom[[2]int{r, c}] = g.r0
				}
			}
			if len(notes) < 20 {
				shown := clipNote(v)
				if c < len(headers) && excelDate.MatchString(v) && strings.ContainsAny(headers[c], "日时") {
					if d, err := s.parseDate(v, nil); err == nil {
						shown = d.String()
					}
				}
				notes = append(notes, fmt.Sprintf("第 %d–%d 行 %s 列是合并单元格：每行都按“%s”读取", g.r0+1, g.r1+1, colName(c), shown))
			}
		}
	}
	s.merges = nil // filled once, whatever the mapping asked next
	return notes
}

// merged says the cell at row r, column c took its value from a merge.
func (s *Sheet) merged(r, c int) bool {
	_, ok := s.mergedFrom[[2]int{r, c}]
	return ok
}

func clipNote(v string) string {
	if r := []rune(v); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return v
}

// Mapping says which column holds which field.
type Mapping struct {
	HeaderRow int            // 0-based index of the (last) header row
	Headers   []string       // the header text of every column
	Columns   map[string]int // field id → column
	Unused    []int          // columns no field uses
	// Notes say what the reader did that a person should check: data cells
	// merged down several rows (read for each row), rows that are no data
	// (合计, 填表人…) left out
	Notes []string
}

func normHeader(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' || r == '\n' || r == '\r' || r == '\t' || r == '*' || r == '＊' {
			return -1
		}
		return r
	}, s)
}

// match finds the field a header means: the longest synonym it contains.
func (sc Schema) match(header string) string {
	h := normHeader(header)
	best, bestLen := "", 0
	for _, f := range sc {
		if slices.ContainsFunc(unless[f.ID], func(w string) bool { return strings.Contains(h, w) }) {
			continue
		}
		for _, s := range f.Synonyms {
			if strings.Contains(h, s) && len(s) > bestLen {
				best, bestLen = f.ID, len(s)
			}
		}
	}
	return best
}

// header finds the header row among the first rows: the row (joined with the
// row above, for two-row headers with merged cells) whose cells name the most fields.
// covers says whether headers name every required field of the schema (at
// least one).
func (sc Schema) covers(headers []string) bool {
	found := map[string]bool{}
	for _, h := range headers {
		found[sc.match(h)] = true
	}
	n := 0
	for _, f := range sc {
		if f.Required {
			if !found[f.ID] {
				return false
			}
			n++
		}
	}
	return n > 0
}

func (s *Sheet) header(sc Schema) (int, []string) {
	match := sc.match
	bestRow, bestScore := -1, 0
	var bestHeaders []string
	for i := 0; i < len(s.Rows) && i < 15; i++ {
		var above []string
		if i > 0 && !titleRow(s.Rows[i-1]) {
			above = fillRight(s.Rows[i-1])
		}
		// spreadsheets drop trailing empty cells: the header is as wide as
		// the wider of the two rows
		headers := make([]string, max(len(s.Rows[i]), len(above)))
		for c := range headers {
			v := ""
			if c < len(s.Rows[i]) {
				v = s.Rows[i][c]
			}
			h := strings.TrimSpace(v)
			if c < len(above) && above[c] != "" && (h == "" || match(h) == "" || match(above[c]+h) != "") {
				h = above[c] + h // 申请人（合并）/ 姓名 → 申请人姓名
			}
			headers[c] = h
		}
		score := 0
		seen := map[string]bool{}
		for _, h := range headers {
			if f := match(h); f != "" && !seen[f] {
				seen[f] = true
				score++
			}
		}
		if score > bestScore {
			bestRow, bestScore, bestHeaders = i, score, headers
		}
	}
	// three known columns make a header; a schema of fewer fields (a
	// platform's export of posts) needs one; every required field of the
	// schema is a header too (a list of agencies with 机关名称 and 级别 only)
	if need := min(3, max(1, len(sc)-1)); bestScore < need && !sc.covers(bestHeaders) {
		return -1, nil
	}
	return bestRow, bestHeaders
}

// titleRow is a row of one cell: the sheet's title above its header (a
// merged cell across the table), never half of a two-row header.
func titleRow(row []string) bool {
	n := 0
	for _, v := range row {
		if strings.TrimSpace(v) != "" {
			n++
		}
	}
	return n == 1
}

// fillRight repeats a merged header's text over the empty cells after it.
func fillRight(row []string) []string {
	out := make([]string, len(row))
	last := ""
	for i, v := range row {
		if v = strings.TrimSpace(v); v != "" {
			last = v
		}
		out[i] = last
	}
	return out
}

// Map finds the header of an application register and maps its columns.
func (s *Sheet) Map(overrides map[string]string) (*Mapping, error) {
	return s.MapSchema(Fields, overrides)
}

// MapSchema finds the header and maps columns to the schema's fields;
// overrides ("列名=字段") come from the user's mapping step and win over the
// automatic match. Of a workbook read whole, each sheet is mapped by its own
// header: one without a header (a cover page) is left out, and said so; a
// header without a column the schema needs is an error naming its sheet.
// The mapping returned is the first sheet's, with every sheet's notes.
func (s *Sheet) MapSchema(sc Schema, overrides map[string]string) (*Mapping, error) {
	if s.parts == nil {
		return s.mapSheet(sc, overrides)
	}
	var first *Mapping
	var firstName string // the first sheet read
	var notes, read, left []string
	s.maps = make([]*Mapping, len(s.parts))
	for i, part := range s.parts {
		if row, _ := part.header(sc); row < 0 {
			left = append(left, part.Name) // a cover page, 填表说明
			continue
		}
		m, err := part.mapSheet(sc, overrides)
		if err != nil {
			where := "表头"
			if m == nil {
				where = "--map"
			}
			return m, errs.New(where, "工作表“%s”：%s。不导入这个工作表的，请在“工作表名”中逐个填写要导入的工作表（命令行用 --sheet）", part.Name, strings.TrimSuffix(errs.Plain(err), "。"))
		}
		s.maps[i] = m
		read = append(read, fmt.Sprintf("%s（%d 行）", part.Name, len(part.Rows)-m.HeaderRow-1))
		for _, n := range m.Notes {
			notes = append(notes, fmt.Sprintf("工作表“%s”：%s", part.Name, n))
		}
		if first == nil {
			first = &Mapping{HeaderRow: m.HeaderRow, Headers: m.Headers, Columns: maps.Clone(m.Columns), Unused: m.Unused}
			firstName = part.Name
			continue
		}
		if d := fieldsDiffer(sc, first.Columns, m.Columns); d != "" {
			notes = append(notes, fmt.Sprintf("工作表“%s”的列与“%s”不同（%s）：各工作表按自己的表头读取", part.Name, firstName, d))
			for f, c := range m.Columns {
				if _, ok := first.Columns[f]; !ok {
					first.Columns[f] = c // the ledger has the field, in some sheets
				}
			}
		}
	}
	if first == nil {
		return nil, errs.New("表头", "工作簿的 %d 个工作表（%s）都在前 15 行中找不到表头：请确认每个工作表第一行或前几行有列名", len(s.parts), strings.Join(left[:min(len(left), 12)], "、"))
	}
	first.Notes = append([]string{fmt.Sprintf("读取了 %d 个工作表：%s", len(read), strings.Join(read, "、"))}, notes...)
	if len(left) > 0 {
		first.Notes = append(first.Notes, fmt.Sprintf("工作表%s在前 15 行中找不到表头，没有读取（如是填表说明等，可不理会；如是台账，请检查它的表头）", quoteNames(left)))
	}
	return first, nil
}

// quoteNames writes sheet names as a message names them: “1月”、“2月”.
func quoteNames(names []string) string {
	q := make([]string, 0, len(names))
	for _, n := range names[:min(len(names), 12)] {
		q = append(q, "“"+n+"”")
	}
	if len(names) > 12 {
		return strings.Join(q, "、") + fmt.Sprintf(" 等 %d 个", len(names))
	}
	return strings.Join(q, "、")
}

// fieldsDiffer names the fields one mapping has and the other has not.
func fieldsDiffer(sc Schema, a, b map[string]int) string {
	var only []string
	for _, f := range sc {
		_, inA := a[f.ID]
		_, inB := b[f.ID]
		switch {
		case inA && !inB:
			only = append(only, "没有“"+f.Name+"”")
		case inB && !inA:
			only = append(only, "多了“"+f.Name+"”")
		}
	}
	return strings.Join(only, "，")
}

// mapSheet is MapSchema of one sheet. A nil mapping with an error: no
// header was found.
func (s *Sheet) mapSheet(sc Schema, overrides map[string]string) (*Mapping, error) {
	match := sc.match
	row, headers := s.header(sc)
	if row < 0 {
		var names []string
		for _, f := range sc {
			names = append(names, f.Name)
		}
		if len(s.Others) > 0 {
			return nil, errs.New("表头", "第一个工作表“%s”的前 15 行中找不到表头。工作簿中还有工作表：%s；请在“工作表名”中填写数据所在的工作表（命令行用 --sheet），或勾选“导入全部工作表”（命令行用 --all-sheets）",
				s.Name, s.othersNamed())
		}
		return nil, errs.New("表头", "在前 15 行中找不到表头：请确认文件第一行或前几行有列名，如 %s", strings.Join(names, "、"))
	}
	m := &Mapping{HeaderRow: row, Headers: headers, Columns: map[string]int{}, Notes: s.fillMerged(row, headers)}
	if len(s.Others) > 0 {
		m.Notes = append([]string{fmt.Sprintf("只读取了第一个工作表“%s”；工作簿中还有 %d 个工作表（%s）没有读取。各月或各类分表登记、表头相同的，请勾选“导入全部工作表”（命令行用 --all-sheets）；也可在“工作表名”中逐个填写并导入（命令行用 --sheet）",
			s.Name, len(s.Others), s.othersNamed())}, m.Notes...)
	}
	for c, h := range headers {
		if f := match(h); f != "" {
			if _, taken := m.Columns[f]; !taken {
				m.Columns[f] = c
				continue
			}
		}
		m.Unused = append(m.Unused, c)
	}
	for col, field := range overrides {
		if sc.field(field) == nil {
			return nil, errs.New("--map", "没有“%s”这个字段：可用 %s", field, sc.ids())
		}
		c := -1
		for i, h := range headers {
			if normHeader(h) == normHeader(col) || colName(i) == strings.ToUpper(col) {
				c = i
			}
		}
		if c < 0 {
			return nil, errs.New("--map", "文件中没有“%s”这一列", col)
		}
		m.Columns[field] = c
	}
	var missing []string
	for _, f := range sc {
		if _, ok := m.Columns[f.ID]; f.Required && !ok {
			missing = append(missing, f.Name)
		}
	}
	if len(missing) > 0 {
		return m, errs.New("表头", "缺少必需的列：%s。如表中有这些内容但列名不同，请把列名改成括号中的名称之一，"+
			"或在命令行导入时用 --map \"列名=字段\" 指定（字段：%s）", strings.Join(missing, "、"), sc.ids())
	}
	return m, nil
}

func (sc Schema) ids() string {
	var ids []string
	for _, f := range sc {
		ids = append(ids, f.ID+"（"+f.Name+"）")
	}
	return strings.Join(ids, "、")
}

// colName is the spreadsheet column letter of a 0-based index.
// ColName is a column's spreadsheet letter (0: A).
func ColName(i int) string { return colName(i) }

func colName(i int) string {
	n, _ := excelize.ColumnNumberToName(i + 1)
	return n
}

// RowError is one problem in one row.
type RowError struct {
	Sheet  string `json:"sheet,omitempty"`  // the sheet, when the file's rows come from several
	Row    int    `json:"row"`              // 1-based, as the spreadsheet shows it
	Column string `json:"column,omitempty"` // spreadsheet letter
	Header string `json:"header,omitempty"` // the column's header text
	Reason string `json:"reason"`
}

func (e RowError) String() string {
	if e.Column == "" {
		return fmt.Sprintf("%s：%s", rowWhere(e.Sheet, e.Row), e.Reason)
	}
	return fmt.Sprintf("%s %s 列（%s）：%s", rowWhere(e.Sheet, e.Row), e.Column, e.Header, e.Reason)
}

// rowWhere names a row in a message: 第 3 行, or 工作表“2月”第 3 行 when the
// file's rows come from several sheets.
func rowWhere(sheet string, row int) string {
	if sheet == "" {
		return fmt.Sprintf("第 %d 行", row)
	}
	return fmt.Sprintf("工作表“%s”第 %d 行", sheet, row)
}

// Row is a parsed register row.
type Row struct {
	Sheet   string // the sheet, when the file's rows come from several
	Line    int
	Key     string // import key: the register's own number, or a hash of the row's facts
	Intake  casework.Intake
	Replied *workday.Date
	Outcome casework.OutcomeID
	// Defects are Art. 29 gaps of the application (no 身份证明, a wrong check
	// digit): the row is imported and flagged, as a clerk would register it.
	Defects []string
	// Handler is the 承办人 as the register names them ("" when it does not).
	Handler string
}

// Where names the row in a message: 第 3 行, or 工作表“2月”第 3 行.
func (r Row) Where() string { return rowWhere(r.Sheet, r.Line) }

var (
	compact   = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	excelDate = regexp.MustCompile(`^\d{5}(\.\d+)?$`)
	sciNum    = regexp.MustCompile(`^\d(\.\d+)?[eE]\+?\d+$`)
	// Excel keeps 15 significant digits: an 18-digit number comes back with zeros
	excelRounded = regexp.MustCompile(`^\d{15}0{3}$|^\d{16}0{2}$`)
)

// ParseDate reads the dates registers contain: 2025-03-05, 2025/3/5,
// 2025.3.5, 2025年3月5日 (or 5号), 20250305, and Excel's serial day numbers,
// each maybe with a time of day or a weekday after it (dropped).
func ParseDate(s string) (workday.Date, error) {
	s = strings.TrimSpace(s)
	if m := compact.FindStringSubmatch(s); m != nil {
		return workday.ParseDate(m[1] + "-" + m[2] + "-" + m[3])
	}
	if excelDate.MatchString(s) {
		f, _ := strconv.ParseFloat(s, 64)
		// Excel counts days from 1899-12-30 (its 1900 leap-year bug included)
		d := workday.NewDate(1899, 12, 30) + workday.Date(math.Floor(f))
		if d.Year() >= 1990 && d.Year() <= 2200 {
			return d, nil
		}
	}
	// 2025-03-05, 2025/3/5, 2025.3.5, 2025年3月5日, as the web's forms read
	// them; the error says which forms are read
	d, err := workday.ParseTyped(s)
	if err == nil {
		return d, nil
	}
	// a date with the time of day (a platform's export: 2025-03-05 09:30:00,
	// 2025-03-05T09:30:00; 2025年3月5日 上午) or its weekday (2025/3/5（周三）):
	// the date is what the statutory clock counts
	s = strings.Map(guard.HalfWidth, s) // typed in the wide mode: ０９：３０ after an ideographic space
	// 5号 for 5日; a separator after the day (2025.3.5.)
	if strings.HasSuffix(s, "号") && dayHao.MatchString(s) {
		s = strings.TrimSuffix(s, "号") + "日"
		if d, derr := workday.ParseTyped(s); derr == nil {
			return d, nil
		}
	}
	if t := strings.TrimRight(s, "./-"); len(t) == len(s)-1 && t != "" && t[len(t)-1] >= '0' && t[len(t)-1] <= '9' {
		if d, derr := workday.ParseTyped(t); derr == nil {
			return d, nil
		}
	}
	for i, r := range s {
		// (after 日 the time or weekday may follow without a space:
		// 2025年3月5日09:30, 2025年3月5日星期三)
		glued := strings.HasSuffix(s[:i], "日")
		if i < 8 || !strings.ContainsRune(" T（(上下中晚", r) && !glued {
			continue
		}
		rest := s[i:]
		if glued && !strings.ContainsRune(" T", r) {
			rest = " " + rest
		}
		if !timeOfDay.MatchString(rest) {
			continue
		}
		if d, derr := workday.ParseTyped(strings.TrimSpace(s[:i])); derr == nil {
			return d, nil
		}
	}
	return d, err
}

// parseDate is ParseDateIn, reading a day number of the sheet's workbook
// in its date system.
func (s *Sheet) parseDate(v string, loc *time.Location) (workday.Date, error) {
	if t := strings.TrimSpace(v); s.date1904 && excelDate.MatchString(t) {
		f, _ := strconv.ParseFloat(t, 64)
		if d := workday.NewDate(1904, 1, 1) + workday.Date(math.Floor(f)); d.Year() >= 1990 && d.Year() <= 2200 {
			return d, nil
		}
	}
	return ParseDateIn(v, loc)
}

// ParseDateIn is ParseDate, and reads a date written as an instant with its
// zone's offset (2025-03-05T09:30:00+08:00, 2025-03-04T20:00:00Z: a
// platform's export in ISO 8601) as the date it is in loc, the deployment's
// zone: the statutory clock counts that day. A nil loc refuses them.
func ParseDateIn(s string, loc *time.Location) (workday.Date, error) {
	d, err := ParseDate(s)
	if err == nil || loc == nil {
		return d, err
	}
	t := strings.TrimSpace(strings.Map(guard.HalfWidth, s))
	m := isoInstant.FindStringSubmatch(t)
	if m == nil {
		return d, err
	}
	sec, zone := m[3], m[4]
	if sec == "" {
		sec = ":00"
	}
	if zone != "Z" && zone != "z" && !strings.Contains(zone, ":") { // +0800
		zone = zone[:3] + ":" + zone[3:]
	}
	at, perr := time.Parse(time.RFC3339Nano, m[1]+"T"+m[2]+sec+strings.ToUpper(zone))
	if perr != nil {
		return d, err // 2025-02-30T…: the date's own error says what is wrong
	}
	y, mo, day := at.In(loc).Date()
	return workday.NewDate(y, mo, day), nil
}

// isoInstant is an ISO 8601 date and time with a zone: the date, the hour
// and minute, the seconds (with a fraction) if any, the zone.
var isoInstant = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(?:\.\d{1,9})?)?\s*(Z|z|[+-]\d{2}:?\d{2})$`)

// dayHao is a date written with 号 for 日 (2025年3月5号).
var dayHao = regexp.MustCompile(`^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*号$`)

// timeOfDay is what may follow a register's date: a time of day (09:30,
// 9:30:00, 09:30:00.000, 9时30分, 上午), or the weekday (in brackets or not).
var timeOfDay = regexp.MustCompile(`^(?:[T ]\s*|\s*(?:上午|下午|中午|晚上)\s*)(?:\d{1,2}(?:[:：]\d{2}){1,2}(?:\.\d+)?|\d{1,2}\s*[时点](?:\s*\d{1,2}\s*分)?)?\s*$|^\s*[（(]?(?:周|星期|礼拜)[一二三四五六日天][）)]?\s*$`)

// entry maps the words a register uses to a value.
type entry[T any] struct {
	words []string
	v     T
}

var channelWords = []entry[casework.Channel]{
	{[]string{"平信", "普通信函"}, casework.LetterUnsigned},
	{[]string{"挂号", "EMS", "快递", "邮寄", "信函", "信件", "来信", "邮政"}, casework.LetterSigned},
	{[]string{"电子邮件", "邮箱", "email", "Email", "EMAIL", "e-mail", "E-mail", "E-Mail", "E-MAIL"}, casework.Email},
	{[]string{"传真"}, casework.Fax},
	// internet channels all (Art. 31 (三)): a WeChat account, an app, a
	// province's 政务服务网 — not a 政务服务中心, whose window is 当面
	{[]string{"网络", "网上", "在线", "平台", "网站", "互联网", "微信", "公众号", "小程序", "APP", "App", "app", "客户端", "政务服务网", "一网通办", "网页", "网申", "线上", "系统"}, casework.Online},
	{[]string{"当面", "现场", "窗口", "口头", "来访"}, casework.InPerson},
}

var typeWords = []entry[casework.ApplicantType]{
	{[]string{"自然人", "个人", "公民", "群众"}, "natural"},
	{[]string{"商业企业", "企业", "公司"}, "business"},
	{[]string{"科研", "高校", "大学", "院校", "研究"}, "research"},
	{[]string{"公益", "社会组织", "协会", "基金会"}, "public_interest"},
	{[]string{"法律服务", "律师事务所", "律所"}, "legal_service"}, // not 律师 alone: lawyerType
	{[]string{"其他"}, "other"},
}

// outcomeWords map how registers describe an outcome; the first that the text
// contains wins, so the specific come before the general.
var outcomeWords = []entry[casework.OutcomeID]{
	{[]string{"部分公开"}, "partly_disclosed"},
	{[]string{"已主动公开", "获取方式", "获取途径"}, "already_public"}, // Art. 36 (二): 告知获取的方式、途径
	{[]string{"国家秘密"}, "state_secret"},
	{[]string{"法律行政法规禁止"}, "law_forbids"},
	{[]string{"三安全一稳定", "国家安全", "社会稳定"}, "security_stability"},
	{[]string{"第三方", "商业秘密", "个人隐私"}, "third_party"},
	{[]string{"内部事务"}, "internal_affairs"},
	{[]string{"过程性"}, "process_info"},
	{[]string{"执法案卷"}, "enforcement_file"},
	{[]string{"行政查询"}, "query_service"},
	{[]string{"非本机关", "不属于本机关", "向其他机关", "向其他行政机关", "向有关机关"}, "not_this_agency"}, // Art. 36 (五): 告知向…申请
	{[]string{"不存在", "不掌握", "未制作", "未获取"}, "not_exist"},
	{[]string{"另行制作", "加工", "分析"}, "needs_creation"},
	{[]string{"补正后", "仍不明确"}, "unclear_after_correction"},
	{[]string{"信访", "投诉", "举报"}, "petition"},
	{[]string{"大量反复"}, "mass_repeat"},
	{[]string{"重复"}, "repeat"},
	{[]string{"出版物"}, "publication"},
	{[]string{"确认", "重新出具"}, "confirm_or_reissue"},
	{[]string{"逾期不补正", "未补正"}, "no_correction"},
	{[]string{"未缴费", "逾期未缴", "未缴纳"}, "no_fee_paid"},
	{[]string{"撤回"}, "withdrawn"},
	{[]string{"予以公开", "同意公开", "公开"}, "disclosed"},
}

// lawyerType is the column of an applicant whose type says only 律师, when
// the applicant's name or papers say whose application it is: a firm's name
// (…律师事务所) or its unified social credit code (18 characters, not a
// resident's ID number) make it the firm's; a resident ID card makes it the
// lawyer's own. Otherwise it is for the clerk to say.
func lawyerType(name, idType, idNum string) (casework.ApplicantType, bool) {
	switch {
	case strings.Contains(name, "事务所") || strings.Contains(idType, "信用代码"):
		return "legal_service", true
	case strings.Contains(idType, "身份证"):
		return "natural", true
	case len(idNum) == 18 && !(idNum[0] >= '1' && idNum[0] <= '9' && strings.Trim(idNum[:17], "0123456789") == ""):
		return "legal_service", true // a credit code: a resident ID is 17 digits and a check character
	case len(idNum) == 18:
		return "natural", true
	}
	return "", false
}

// wholeCategory says an applicant type names 表三's column group 法人或其他
// 组织 rather than one of its five columns.
func wholeCategory(s string) bool {
	s = strings.NewReplacer(" ", "", "　", "", "或者", "或").Replace(s)
	return s == "法人或其他组织" || s == "法人" || s == "法人及其他组织"
}

// negatedDisclosure says an outcome that names 公开 says it was not
// disclosed (不予公开, 不公开, 无法公开 …) without saying why: it is no row of
// 表三 until the reason is written.
func negatedDisclosure(s string) bool {
	for _, w := range []string{"不予", "不公开", "不能公开", "未公开", "无法公开", "拒绝公开", "暂缓公开", "暂不公开"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func lookup[T any](s string, table []entry[T]) (T, bool) {
	for _, e := range table {
		for _, w := range e.words {
			if strings.Contains(s, w) {
				return e.v, true
			}
		}
	}
	var zero T
	return zero, false
}

// Parse reads every data row. Rows with problems are returned as errors (all
// of them, not just the first); blank rows are skipped.
func (s *Sheet) Parse(m *Mapping) ([]Row, []RowError) {
	var out []Row
	var bad []RowError
	seen := map[string]string{} // a row's key → where it was first
	s.dataRows(m, func(rc *rowCtx) {
		get, fail, line := rc.get, rc.fail, rc.line
		var r Row
		r.Sheet, r.Line = rc.sheet, line
		for _, f := range Fields {
			if f.Required && get(f.ID) == "" {
				fail(f.ID, "%s为空", f.Name)
			}
		}
		rec, err := rc.dateOf("received_on", 0)
		if get("received_on") != "" && err != nil {
			fail("received_on", "%v", err)
		}
		ch, ok := lookup(get("channel"), channelWords)
		if get("channel") != "" && !ok {
			fail("channel", "申请方式“%s”无法识别：应为 当面、信函（挂号/平信）、网络平台、传真 或 电子邮件", get("channel"))
		}
		typ, ok := lookup(get("applicant_type"), typeWords)
		switch at := get("applicant_type"); {
		case at == "":
		case wholeCategory(at):
			typ = ""
			fail("applicant_type", "申请人类型“%s”是表三的大类：请写明是 商业企业、科研机构、社会公益组织、法律服务机构 还是 其他", at)
		case !ok && strings.Contains(at, "律师"):
			// a lawyer applies in their own name (表三's 自然人) or their
			// firm's (法律服务机构): the register's other columns may say which
			if typ, ok = lawyerType(get("name"), get("id_type"), strings.ToUpper(get("id_number"))); !ok {
				fail("applicant_type", "申请人类型“%s”无法确定计入表三哪一栏：律师事务所申请的，请写 法律服务机构；律师本人申请的，请写 自然人", at)
			}
		case !ok || strings.Contains(at, "非企业"): // 民办非企业单位 is no 企业
			typ = ""
			fail("applicant_type", "申请人类型“%s”无法识别：应为 自然人、商业企业、科研机构、社会公益组织、法律服务机构 或 其他", at)
		}
		idNum := strings.ToUpper(get("id_number"))
		idType := get("id_type")
		switch {
		case idNum == "":
		case sciNum.MatchString(idNum) || strings.HasSuffix(idNum, ".0"):
			fail("id_number", "证件号码“%s”被 Excel 当成了数字，末几位已丢失：请把该列设为“文本”格式，重新录入后再导入", get("id_number"))
			idNum = ""
		case idType == "" && len(idNum) == 18 && idNum[0] >= '1' && idNum[0] <= '9' && typ == "natural":
			idType = "身份证"
		case idType == "" && len(idNum) == 18:
			idType = "统一社会信用代码"
		}
		phone, email := get("phone"), get("email")
		if strings.Contains(phone, "@") && email == "" {
			phone, email = "", phone // a 联系方式 column holds e-mail addresses too
		}
		in := casework.Intake{Channel: ch,
			Applicant: casework.Applicant{Type: typ, Name: get("name"), IDType: idType, IDNum: idNum,
				Phone: phone, Email: email, Address: get("address")},
			Request: casework.Request{Description: get("description")}}
		in.SetReceivedOn(rec)
		if len(rc.errs) == 0 {
			problems, defects := in.Check()
			for _, e := range problems {
				rc.fieldError(e.Where, e.Msg)
			}
			for _, e := range defects {
				if e.Where == "applicant.id_number" && excelRounded.MatchString(idNum) {
					// not the applicant's mistake but the spreadsheet's: fix the file
					rc.fieldError(e.Where, fmt.Sprintf("证件号码“%s”校验不通过，末尾的 0 很可能是 Excel 把号码当成数字后丢失的位数：请把该列设为“文本”格式，重新录入后再导入", idNum))
					continue
				}
				r.Defects = append(r.Defects, e.Msg)
			}
		}
		r.Intake = in
		if get("replied_on") != "" || get("outcome") != "" {
			switch {
			case get("replied_on") == "":
				fail("replied_on", "写了答复结果，但答复日期为空")
			case get("outcome") == "":
				fail("outcome", "写了答复日期，但答复结果为空")
			default:
				rd, err := rc.dateOf("replied_on", rec)
				if err != nil {
					fail("replied_on", "%v", err)
				} else if rd < rec {
					fail("replied_on", "答复日期 %s 早于收到日期 %s", rd, rec)
				} else {
					r.Replied = &rd
				}
				o, ok := lookup(get("outcome"), outcomeWords)
				if !ok || (o == "disclosed" && negatedDisclosure(get("outcome"))) {
					fail("outcome", "答复结果“%s”无法对应到表三的行：请写明，如 予以公开、部分公开、不予公开（第三方权益）、信息不存在、非本机关、重复申请、撤回", get("outcome"))
				}
				r.Outcome = o
			}
		}
		r.Handler = get("handler")
		r.Key = get("serial")
		if r.Key == "" {
			h := sha256.Sum256([]byte(strings.Join([]string{rec.String(), in.Applicant.Name, idNum, in.Request.Description}, "\x00")))
			r.Key = "row:" + hex.EncodeToString(h[:12])
		} else {
			r.Key = "serial:" + r.Key
		}
		if prev, dup := seen[r.Key]; dup && len(rc.errs) == 0 {
			if c, ok := rc.m.Columns["serial"]; ok && rc.sh.merged(line-1, c) {
				rc.fail("serial", "申请编号与%s是同一个合并单元格：一件申请占了多行。请在台账中把它合为一行（申请内容写在一格）后再导入", prev)
			} else {
				rc.problem(fmt.Sprintf("与%s重复（同一申请编号，或收到日期、申请人和申请内容都相同）", prev))
			}
		}
		seen[r.Key] = rc.where()
		if len(rc.errs) > 0 {
			bad = append(bad, rc.errs...)
			return
		}
		out = append(out, r)
	})
	return out, bad
}

// rowCtx is one data row: its cells by field, and its problems.
type rowCtx struct {
	m     *Mapping // its sheet's
	sh    *Sheet   // the sheet it is in
	sheet string   // the sheet's name when the file's rows come from several
	raw   []string
	loc   *time.Location // Sheet.Loc of the file
	line  int            // 1-based, as the spreadsheet shows it
	errs  []RowError
	// year is the one year the sheet's name or title states (0: none, or
	// several); yearless counts the dates of the sheet read in it, and
	// byReceipt the replies read in their receipt's year when it states none
	year                int
	yearless, byReceipt *int
}

// dateOf reads a date column: a full date, or, in a sheet whose name or
// title states its year ("2025年政府信息公开申请登记台账"), a day of that year
// written without it (3月5日, 3.5). after is the date it cannot be before
// (a reply's receipt; 0: none): a day without its year before it is of the
// next year (received 12月28日, answered 1月8日).
func (r *rowCtx) dateOf(field string, after workday.Date) (workday.Date, error) {
	v := r.get(field)
	d, err := r.sh.parseDate(v, r.loc)
	if err == nil {
		return d, nil
	}
	m := monthDay.FindStringSubmatch(strings.Map(guard.HalfWidth, strings.TrimSpace(v)))
	if m == nil {
		return d, err
	}
	month, day := pad2(m[1]), pad2(m[2]+m[3])
	year, count := r.year, r.yearless
	if year == 0 && after != 0 {
		year, count = after.Year(), r.byReceipt // a reply's year: its receipt's (or the next)
	}
	if year == 0 {
		return d, fmt.Errorf("日期“%s”没有写年份：请写完整的日期，如 2025-%s-%s；或在工作表名或台账标题中写明年度（如“2025年政府信息公开申请台账”），未写年份的日期即按该年读取", v, month, day)
	}
	for _, y := range []int{year, year + 1} {
		d, err = workday.ParseDate(fmt.Sprintf("%d-%s-%s", y, month, day))
		if err != nil {
			return d, fmt.Errorf("日期“%s”在 %d 年不存在", v, y)
		}
		if after == 0 || d >= after {
			break
		}
	}
	*count++
	return d, nil
}

// monthDay is a day written without its year: 3月5日, 3.5, 3-5, 3/5, 03-05.
var monthDay = regexp.MustCompile(`^(\d{1,2})\s*(?:月\s*(\d{1,2})\s*[日号]?|[./-]\s*(\d{1,2}))$`)

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// statedYear is the one year a sheet's name and the title rows above its
// header state (2025年…, or a sheet named 2025); 0 when none or several.
func (s *Sheet) statedYear(m *Mapping) int {
	texts := []string{s.Name}
	if yearOnly.MatchString(strings.TrimSpace(s.Name)) {
		texts[0] += "年"
	}
	for i := 0; i < m.HeaderRow && i < len(s.Rows); i++ {
		texts = append(texts, strings.Join(s.Rows[i], " "))
	}
	year := 0
	for _, t := range texts {
		for _, y := range yearWord.FindAllStringSubmatch(strings.Map(guard.HalfWidth, t), -1) {
			for _, g := range y[1:] { // (2024—2025年: both)
				if n, err := strconv.Atoi(g); err == nil {
					if year != 0 && n != year {
						return 0
					}
					year = n
				}
			}
		}
	}
	return year
}

var (
	yearWord = regexp.MustCompile(`(20\d\d)\s*(?:[—–~～至到-]+\s*(20\d\d)\s*)?年`)
	yearOnly = regexp.MustCompile(`^20\d\d$`)
)

// inWan says the field's column gives its unit as 万元 in its header
// (金额（万元）, 收费金额(万元)).
func (r *rowCtx) inWan(field string) bool {
	c, ok := r.m.Columns[field]
	return ok && strings.Contains(normHeader(r.m.Headers[c]), "万元")
}

// where names the row in a message (第 3 行, 工作表“2月”第 3 行).
func (r *rowCtx) where() string { return rowWhere(r.sheet, r.line) }

// problem is a problem of the whole row, in no one column.
func (r *rowCtx) problem(reason string) {
	r.errs = append(r.errs, RowError{Sheet: r.sheet, Row: r.line, Reason: reason})
}

func (r *rowCtx) get(field string) string {
	c, ok := r.m.Columns[field]
	if !ok || c >= len(r.raw) {
		return ""
	}
	return strings.TrimSpace(r.raw[c])
}

// intakeFields maps the intake's field paths to the register's columns.
var intakeFields = map[string]string{"applicant.id_number": "id_number", "applicant.name": "name", "applicant.id_type": "id_type",
	"request.description": "description", "applicant.type": "applicant_type", "applicant.phone": "phone", "applicant.email": "email",
	"applicant.address": "address", "channel": "channel", "submitted_on": "received_on", "signed_on": "received_on", "confirmed_on": "received_on"}

// fieldError reports a problem of the intake at its column, or for the whole
// row when the register has no such column.
func (r *rowCtx) fieldError(where, msg string) {
	field := intakeFields[where]
	if _, mapped := r.m.Columns[field]; field == "" || !mapped {
		r.problem(msg)
		return
	}
	r.fail(field, "%s", msg)
}

func (r *rowCtx) fail(field, format string, args ...any) {
	c := r.m.Columns[field]
	r.errs = append(r.errs, RowError{Sheet: r.sheet, Row: r.line, Column: colName(c), Header: r.m.Headers[c], Reason: fmt.Sprintf(format, args...)})
}

// dataRows calls fn for each non-blank row below the header: of each sheet
// with a header, in order, when the workbook was read whole. The rows left
// out are noted in m.
func (s *Sheet) dataRows(m *Mapping, fn func(*rowCtx)) {
	if s.parts == nil {
		s.rowsOf(m, m, "", s.Loc, fn)
		return
	}
	for i, part := range s.parts {
		if i < len(s.maps) && s.maps[i] != nil { // (none before MapSchema)
			part.rowsOf(s.maps[i], m, part.Name, s.Loc, fn)
		}
	}
}

// rowsOf is dataRows of one sheet, mapped by m, noting in shown.
func (s *Sheet) rowsOf(m, shown *Mapping, name string, loc *time.Location, fn func(*rowCtx)) {
	year, yearless, byReceipt := s.statedYear(m), 0, 0
	defer func() {
		where := "台账"
		if name != "" {
			where = "工作表" + quoteNames([]string{name})
		}
		if yearless > 0 {
			shown.Notes = append(shown.Notes, fmt.Sprintf("%s有 %d 个日期没有写年份（如“3月5日”），按%s的名称或标题中的 %d 年读取；早于收到日期的答复日期按次年读取。请核对",
				where, yearless, where, year))
		}
		if byReceipt > 0 {
			shown.Notes = append(shown.Notes, fmt.Sprintf("%s有 %d 个答复日期没有写年份，按同一行收到日期的年份读取（早于收到日期的按次年）。请核对", where, byReceipt))
		}
	}()
	for i := m.HeaderRow + 1; i < len(s.Rows); i++ {
		if strings.TrimSpace(strings.Join(s.Rows[i], "")) == "" {
			continue
		}
		if what, kind := noDataRow(m, s.Rows[i]); kind != "" {
			shown.Notes = append(shown.Notes, fmt.Sprintf("%s“%s”是%s，不是数据行，未导入", rowWhere(name, i+1), clipNote(what), kind))
			continue
		}
		fn(&rowCtx{m: m, sh: s, sheet: name, raw: s.Rows[i], loc: loc, line: i + 1, year: year, yearless: &yearless, byReceipt: &byReceipt})
	}
}

// totalWords, noteWords and signOffWords start the rows registers add that
// are no record: totals, notes and the form's sign-off (填表人、审核人、制表日期).
var (
	totalWords   = []string{"合计", "总计", "小计", "共计", "累计"}
	noteWords    = []string{"备注", "说明", "注：", "注:", "附注"}
	signOffWords = []string{"填表人", "填报人", "制表人", "审核人", "审核", "负责人", "单位负责人",
		"分管领导", "制表日期", "填表日期", "填报日期", "制表时间", "填报单位", "填表单位"}
)

// noDataRow says what a row is when it is a total (合计行), a note (说明文字)
// or a sign-off line (落款), not a record ("" for a record): its first cell
// with text starts with one of those words or is a short total (1月小计), and
// that cell is in a column no field reads or the row says little else (at
// most three cells). Its text is returned for the note that says it was
// left out.
func noDataRow(m *Mapping, row []string) (text, kind string) {
	first, n := -1, 0
	for c, v := range row {
		if strings.TrimSpace(v) == "" {
			continue
		}
		n++
		if first < 0 {
			first = c
		}
	}
	if first < 0 {
		return "", ""
	}
	t := normHeader(row[first])
	starts := func(ws []string) bool {
		return slices.ContainsFunc(ws, func(w string) bool { return strings.HasPrefix(t, w) })
	}
	switch {
	case starts(totalWords) || utf8.RuneCountInString(t) <= 10 && slices.ContainsFunc(totalWords, func(w string) bool { return strings.Contains(t, w) }):
		kind = "合计行" // a month's or a quarter's total too: 1月小计, 一季度合计
	case starts(noteWords):
		kind = "说明文字"
	case starts(signOffWords):
		kind = "落款"
	default:
		return "", ""
	}
	for _, c := range m.Columns {
		if c == first && n > 3 {
			return "", "" // a record whose first cell happens to start so
		}
	}
	var parts []string
	for _, v := range row {
		parts = append(parts, strings.Fields(v)...)
	}
	return strings.Join(parts, " "), kind
}

// Ready is a row turned into a case, with the key that makes re-imports idempotent.
type Ready struct {
	Sheet   string // the sheet, when the file's rows come from several
	Line    int
	Key     string
	Case    *casework.Case
	Handler string // the 承办人 as the register names them
}

// Where names the row in a message: 第 3 行, or 工作表“2月”第 3 行.
func (r Ready) Where() string { return rowWhere(r.Sheet, r.Line) }

// Cases turns parsed rows into cases: received, and closed with their
// outcome when the register says so.
func Cases(rows []Row, actor casework.Actor, clk clock.Clock, cfg casework.Config, cal *workday.Calendar) ([]Ready, []RowError) {
	var out []Ready
	var bad []RowError
	for _, r := range rows {
		c, err := casework.NewCase(r.Intake, actor, clk, cal)
		if err != nil {
			bad = append(bad, RowError{Sheet: r.Sheet, Row: r.Line, Reason: errs.Message(err)})
			continue
		}
		if r.Replied != nil {
			if err := c.RecordHistoricalOutcome(r.Outcome, *r.Replied, actor, clk, cfg, cal); err != nil {
				bad = append(bad, RowError{Sheet: r.Sheet, Row: r.Line, Reason: errs.Message(err)})
				continue
			}
		}
		out = append(out, Ready{Sheet: r.Sheet, Line: r.Line, Key: r.Key, Case: c, Handler: r.Handler})
	}
	return out, bad
}
