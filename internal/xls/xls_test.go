package xls_test

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"gongkai/internal/testdoc"
	"gongkai/internal/xls"
)

// cells is a sheet's rows as the tests write them, and as the reader
// should give them back: a blank cell ("\x00" when written) reads "".
var cells = [][]string{
	{"2024年政府信息公开工作年度报告"},
	{"信息内容", "本年制发件数", "", "现行有效件数"},
	{"规章", "0", "\x00", "15"},
	{"行政事业性收费", "12.35", "0.5", "-3"},
	{"一、本年新收政府信息公开申请数量", "64", "0", "0", "2", "0", "4", "70"},
	{"总计", "=68", `="六十八"`, `=""`, "=TRUE", "=#DIV/0!", "\x00", "\x00"},
	{"mixed 混排 Latin then 汉字 then Latin again, long enough to cross a record", "1234567.125"},
	{"", "", "", "右边"},
}

// want is cells as read: blanks "", formulas their results.
func want(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		for _, c := range r {
			switch {
			case c == "\x00":
				c = ""
			case c == `=""`:
				c = ""
			case strings.HasPrefix(c, "=#"):
				c = "#DIV/0!"
			case strings.HasPrefix(c, "="):
				c = strings.Trim(c[1:], `"`)
			}
			out[i] = append(out[i], c)
		}
		// a row ends at its last record: "" written as no record is none
		for len(out[i]) > 0 && len(rows[i]) > 0 && rows[i][len(out[i])-1] == "" {
			out[i] = out[i][:len(out[i])-1]
		}
	}
	return out
}

func read(t *testing.T, data []byte) *xls.Workbook {
	t.Helper()
	wb, err := xls.Read(data, xls.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	return wb
}

func sameRows(t *testing.T, what string, got, want [][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d rows, want %d:\n%q", what, len(got), len(want), got)
		return
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("%s row %d:\n got %q\nwant %q", what, i, got[i], want[i])
		}
	}
}

// Every kind of cell record reads as the value Excel shows: shared strings
// (Chinese, Latin, both), numbers as NUMBER, RK (integers, hundredths) and
// MULRK, blanks as BLANK and MULBLANK, a formula's saved result of each
// type (a string in the STRING record after it), and merged ranges; the
// sheets in order, a chart sheet left out, a hidden sheet said so. A chart
// drawn on a sheet is a substream within it: its records are no cells and
// its end is not the sheet's.
func TestCellRecords(t *testing.T) {
	for _, chunk := range []int{0, 40, 17} {
		for _, rich := range []bool{false, true} {
			t.Run(fmt.Sprintf("chunk%d-rich%v", chunk, rich), func(t *testing.T) {
				wb := read(t, testdoc.XLS(t, testdoc.XLSOptions{Chunk: chunk, RichText: rich},
					testdoc.XLSSheet{Name: "报告", Rows: cells, Merges: [][4]int{{0, 0, 0, 7}, {1, 1, 1, 2}}, ChartAt: 4},
					testdoc.XLSSheet{Name: "图表", Chart: true},
					testdoc.XLSSheet{Name: "说明", Rows: [][]string{{"填表说明"}}, Hidden: true}))
				if wb.BIFF != 8 || len(wb.Sheets) != 2 {
					t.Fatalf("BIFF%d, %d sheets", wb.BIFF, len(wb.Sheets))
				}
				s := wb.Sheets[0]
				if s.Name != "报告" || s.Hidden || wb.Sheets[1].Name != "说明" || !wb.Sheets[1].Hidden {
					t.Errorf("sheets %q %v, %q %v", s.Name, s.Hidden, wb.Sheets[1].Name, wb.Sheets[1].Hidden)
				}
				sameRows(t, "sheet", s.Rows, want(cells))
				sameRows(t, "second sheet", wb.Sheets[1].Rows, [][]string{{"填表说明"}})
				if fmt.Sprint(s.Merges) != "[{0 0 0 7} {1 1 1 2}]" {
					t.Errorf("merges %v", s.Merges)
				}
			})
		}
	}
}

// Excel 95's BIFF5: strings are bytes in the workbook's code page (GBK).
func TestBIFF5(t *testing.T) {
	rows := [][]string{{"政府信息公开申请", "12", "=3"}, {"其他", `="合计"`, "0.25"}}
	wb := read(t, testdoc.XLS(t, testdoc.XLSOptions{BIFF5: true}, testdoc.XLSSheet{Name: "表三", Rows: rows}))
	if wb.BIFF != 5 || len(wb.Sheets) != 1 || wb.Sheets[0].Name != "表三" {
		t.Fatalf("%+v", wb)
	}
	sameRows(t, "BIFF5", wb.Sheets[0].Rows, want(rows))
}

// What is not a workbook that can be read says which it is.
func TestNotReadable(t *testing.T) {
	for name, c := range map[string]struct {
		data []byte
		err  error
	}{
		"password":                  {testdoc.XLS(t, testdoc.XLSOptions{FilePass: true}, testdoc.XLSSheet{Name: "a", Rows: cells}), xls.ErrEncrypted},
		"encrypted xlsx":            {testdoc.Compound(t, testdoc.Stream{Path: "EncryptionInfo", Data: []byte{4, 0, 4, 0}}, testdoc.Stream{Path: "EncryptedPackage", Data: make([]byte, 64)}), xls.ErrEncrypted},
		"word":                      {testdoc.Compound(t, testdoc.Stream{Path: "WordDocument", Data: make([]byte, 64)}), xls.ErrNotWorkbook},
		"an embedded workbook only": {testdoc.Compound(t, testdoc.Stream{Path: "ObjectPool/_1/Workbook", Data: make([]byte, 64)}), xls.ErrNotWorkbook},
		"excel 4":                   {testdoc.Compound(t, testdoc.Stream{Path: "Workbook", Data: []byte{0x09, 0x04, 6, 0, 0, 0, 0x10, 0, 0, 0}}), xls.ErrTooOld},
		"no BOF":                    {testdoc.Compound(t, testdoc.Stream{Path: "Workbook", Data: []byte{0x0A, 0, 0, 0}}), xls.ErrDamaged},
		"not compound":              {[]byte("PK\x03\x04"), xls.ErrDamaged},
	} {
		if _, err := xls.Read(c.data, xls.DefaultLimits); !errors.Is(err, c.err) {
			t.Errorf("%s: %v, want %v", name, err, c.err)
		}
	}
}

// A workbook with more cells than allowed is refused, not read into
// memory; so is a workbook stream larger than allowed.
func TestLimits(t *testing.T) {
	data := testdoc.XLS(t, testdoc.XLSOptions{}, testdoc.XLSSheet{Name: "a", Rows: cells})
	if _, err := xls.Read(data, xls.Limits{Stream: 1 << 20, Cells: 10, Merges: 10}); !errors.Is(err, xls.ErrTooLarge) {
		t.Errorf("cells: %v", err)
	}
	if _, err := xls.Read(data, xls.Limits{Stream: 100, Cells: 1000, Merges: 10}); !errors.Is(err, xls.ErrTooLarge) {
		t.Errorf("stream: %v", err)
	}
}

// A workbook stream whose chain of sectors loops back on itself is damage,
// refused having read no more than the file holds (mscfb follows the chain
// round to the size the entry claims: the limit's 64 MB from a few KB).
func TestLoopedStreamRefused(t *testing.T) {
	data := testdoc.LoopStreams(t, testdoc.XLS(t, testdoc.XLSOptions{}, testdoc.XLSSheet{Name: "a", Rows: slices.Repeat(cells, 20)}), 1<<30, "Workbook")
	var err error
	a := testdoc.Allocated(func() { _, err = xls.Read(data, xls.DefaultLimits) })
	if !errors.Is(err, xls.ErrDamaged) {
		t.Errorf("err = %v, want damaged", err)
	}
	if a > 8*uint64(len(data)) {
		t.Errorf("%d KB allocated for a file of %d KB", a>>10, len(data)>>10)
	}
}

// A workbook cut short keeps what was read before the cut, or says it is
// damaged; it never fails otherwise.
func TestCutShort(t *testing.T) {
	full := read(t, testdoc.XLS(t, testdoc.XLSOptions{Chunk: 40}, testdoc.XLSSheet{Name: "a", Rows: cells}))
	stream := testdoc.StreamOf(t, testdoc.XLS(t, testdoc.XLSOptions{Chunk: 40}, testdoc.XLSSheet{Name: "a", Rows: cells}), "Workbook")
	for cut := 0; cut < len(stream); cut++ {
		wb, err := xls.Read(testdoc.Compound(t, testdoc.Stream{Path: "Workbook", Data: stream[:cut]}), xls.DefaultLimits)
		if err != nil {
			if !errors.Is(err, xls.ErrDamaged) {
				t.Fatalf("cut at %d: %v", cut, err)
			}
			continue
		}
		for _, s := range wb.Sheets {
			for i, row := range s.Rows {
				for j, c := range row {
					if c != "" && (i >= len(full.Sheets[0].Rows) || j >= len(full.Sheets[0].Rows[i]) || full.Sheets[0].Rows[i][j] != c) {
						t.Fatalf("cut at %d: cell %d,%d %q is none of the file's", cut, i, j, c)
					}
				}
			}
		}
	}
}

// Numbers read as Excel's General shows them: 15 significant digits, no
// exponent, no negative zero.
func TestNumbers(t *testing.T) {
	for _, c := range [][2]string{{"0.30000000000000004", "0.3"}, {"1000000000000000000000", "1000000000000000000000"}, {"-0", "0"},
		{"12.35", "12.35"}, {"45660", "45660"}, {"0.000001", "0.000001"}, {"-1234.5", "-1234.5"}, {"536870912", "536870912"}} {
		wb := read(t, testdoc.XLS(t, testdoc.XLSOptions{}, testdoc.XLSSheet{Name: "a", Rows: [][]string{{c[0]}}}))
		if got := wb.Sheets[0].Rows[0][0]; got != c[1] {
			t.Errorf("%s reads %q, want %q", c[0], got, c[1])
		}
	}
}

// LibreOffice's XLS (Excel 97) of a report imported from its web page:
// the tables on a grid of merged cells, as TestSpreadsheets reads it.
func TestLibreOfficeWorkbook(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "audit", "lo-calc-2021.xls"))
	if err != nil {
		t.Fatal(err)
	}
	wb := read(t, data)
	if len(wb.Sheets) != 1 || wb.BIFF != 8 {
		t.Fatalf("%d sheets, BIFF%d", len(wb.Sheets), wb.BIFF)
	}
	s := wb.Sheets[0]
	row := func(i int) string {
		return strings.Join(slices.DeleteFunc(slices.Clone(s.Rows[i]), func(c string) bool { return c == "" }), "|")
	}
	for i, w := range map[int]string{
		0:  "示例市生态环境局2024年政府信息公开工作年度报告",
		26: "行政事业性收费|12.35",
		31: "一、本年新收政府信息公开申请数量|64|0|0|2|0|4|70",
		60: "2|1|0|1|4|1|0|0|0|1|0|0|0|0|0",
	} {
		if got := row(i); got != w {
			t.Errorf("row %d: %q, want %q", i, got, w)
		}
	}
	if len(s.Merges) < 100 {
		t.Errorf("%d merged ranges", len(s.Merges))
	}
}

func FuzzRead(f *testing.F) {
	f.Add(testdoc.XLS(f, testdoc.XLSOptions{Chunk: 17, RichText: true}, testdoc.XLSSheet{Name: "报告", Rows: cells, Merges: [][4]int{{0, 0, 0, 7}}, ChartAt: 3}))
	f.Add(testdoc.XLS(f, testdoc.XLSOptions{BIFF5: true, Title: "年度报告", TitleCodePage: 936}, testdoc.XLSSheet{Name: "表", Rows: [][]string{{"其他", "1"}}}))
	f.Add(testdoc.XLS(f, testdoc.XLSOptions{Title: "年度报告"}, testdoc.XLSSheet{Name: "表", Rows: [][]string{{"其他", "1"}}}))
	f.Add(testdoc.StreamOf(f, testdoc.XLS(f, testdoc.XLSOptions{Chunk: 40}, testdoc.XLSSheet{Name: "a", Rows: cells}), "Workbook"))
	f.Add(testdoc.XLS(f, testdoc.XLSOptions{}, testdoc.XLSSheet{Name: "表", Rows: formulaRows}))
	f.Add(testdoc.XLS(f, testdoc.XLSOptions{BIFF5: true}, testdoc.XLSSheet{Name: "表", Rows: formulaRows}))
	if b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "audit", "noted-2021.xls")); err == nil { // a note's OBJ and TXO
		f.Add(b)
	}
	lim := xls.Limits{Stream: 1 << 20, Cells: 100_000, Merges: 1000}
	f.Fuzz(func(t *testing.T, data []byte) {
		// as a compound file, and as a workbook stream inside one
		for _, d := range [][]byte{data, testdoc.Compound(t, testdoc.Stream{Path: "Workbook", Data: data[:min(len(data), 60_000)]})} {
			wb, err := xls.Read(d, lim)
			if err != nil {
				continue
			}
			for _, s := range wb.Sheets {
				if !utf8.ValidString(s.Name) || len(s.Rows) > 1<<16 {
					t.Fatalf("sheet %q, %d rows", s.Name, len(s.Rows))
				}
				for _, r := range s.Rows {
					if len(r) > 256 {
						t.Fatalf("a row of %d cells", len(r))
					}
					for _, c := range r {
						if !utf8.ValidString(c) {
							t.Fatalf("cell %q", c)
						}
					}
				}
			}
		}
	})
}

// The file's title property is read whatever its encoding: UTF-16 (as
// VT_LPWSTR, or VT_LPSTR in code page 1200), UTF-8 (LibreOffice's code page
// 65001) or GBK; a file without one has none.
func TestTitle(t *testing.T) {
	const title = "示例市生态环境局2024年政府信息公开工作年度报告"
	for _, cp := range []int{0, 1200, 65001, 936} {
		wb := read(t, testdoc.XLS(t, testdoc.XLSOptions{Title: title, TitleCodePage: cp}, testdoc.XLSSheet{Name: "a", Rows: cells}))
		if wb.Title != title {
			t.Errorf("code page %d: title %q", cp, wb.Title)
		}
	}
	if wb := read(t, testdoc.XLS(t, testdoc.XLSOptions{}, testdoc.XLSSheet{Name: "a", Rows: cells})); wb.Title != "" {
		t.Errorf("no title property: %q", wb.Title)
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "audit", "lo-own-export-2024.xls"))
	if err != nil {
		t.Fatal(err)
	}
	if wb := read(t, data); wb.Title != "卫滨区教育体育和文化旅游局 2024 年政府信息公开 工作年度报告" {
		t.Errorf("LibreOffice's title: %q", wb.Title)
	}
}

// formulaRows are sums saved as 0, and formulas that are no sums.
var formulaRows = [][]string{
	{"名称", "甲", "乙", "丙", "总计"},
	{"一", "1", "2", "3", "=0|SUM(B2:D2)"},
	{"二", "4", "'5", "6", "=0|B3+C3+$D$3"},
	{"三", "7", "'8", "9", "=0|SUM(B4:D4)"},
	{"合计", "=0|SUM(B2:B4)", "=0|SUM(C2,C3,C4)", "=0|-(D2+D3)+D4+10", "=0|SUM(E2:E4)"},
	{"其他", "=0|B6+1", "=0|SUM(Sheet2!A1)", "=0|AVERAGE(B2:D2)", "=5|SUM(B2:D2)", "=0|SUM(B2:D2)-6", "=0|H6+1", "=0|G6+1"},
	{"错误", "=#DIV/0!", "1", "=0|SUM(B7:C7)", "=0|SUM(A100:Z200)", "=0|SUM(H7)", "=0|SUM(H7)+1"},
	{"空", `=""|SUM(B2:D2)`, `=""|SUM(J8:K8)`, `=""|10`},
}

// A formula whose result was saved as 0 (Apache POI's HSSF writes them so,
// for Excel to compute on opening) or as an empty string (Python's xlwt) is
// computed when it is a sum of cells: SUM of
// one argument (Excel's attribute token) or several, + and -, a sign,
// parentheses, a total of totals computed first; a number kept as text
// counts nothing in SUM and its number in +. Anything else keeps what was
// saved: a cycle, another sheet's cell, another function, an error in the
// range, a range too large, a formula of no cell. A result saved as
// anything but 0 or "" is kept, and 0 computed for a 0 is no change. Both
// BIFF8 and BIFF5.
func TestFormulasSavedAsZero(t *testing.T) {
	wantRows := [][]string{
		{"名称", "甲", "乙", "丙", "总计"},
		{"一", "1", "2", "3", "6"},
		{"二", "4", "5", "6", "15"},
		{"三", "7", "8", "9", "16"},
		{"合计", "12", "2", "10", "37"},
		{"其他", "0", "0", "0", "5", "0", "0", "0"},
		{"错误", "#DIV/0!", "1", "0", "0", "0", "1"},
		{"空", "6", "0", ""},
	}
	for _, biff5 := range []bool{false, true} {
		wb := read(t, testdoc.XLS(t, testdoc.XLSOptions{BIFF5: biff5}, testdoc.XLSSheet{Name: "表", Rows: formulaRows}))
		sh := wb.Sheets[0]
		sameRows(t, fmt.Sprintf("BIFF5 %v", biff5), sh.Rows, wantRows)
		if want := map[int]int{1: 1, 2: 1, 3: 1, 4: 4, 6: 1, 7: 2}; !maps.Equal(sh.Computed, want) {
			t.Errorf("BIFF5 %v: computed by row %v, want %v", biff5, sh.Computed, want)
		}
	}
}

// A workbook's sums cost what calcBudget allows: a sheet of 3 000 sums of
// 1 000 cells each computes the first hundred, one of 2 500 sums of a cell
// the first 2 000, and a total of totals nested deeper than eight formulas
// is left, while the shallow ones in the chain are computed.
func TestFormulaBudget(t *testing.T) {
	computed := func(sh xls.Sheet) int {
		n := 0
		for _, k := range sh.Computed {
			n += k
		}
		return n
	}
	small := make([][]string, 50)
	for i := range small {
		small[i] = []string{"1"}
		for range 50 {
			small[i] = append(small[i], "=0|A1")
		}
	}
	if n := computed(read(t, testdoc.XLS(t, testdoc.XLSOptions{}, testdoc.XLSSheet{Name: "多", Rows: small})).Sheets[0]); n != 2000 {
		t.Errorf("%d of 2 500 sums computed, want 2 000", n)
	}
	rows := make([][]string, 1000)
	for i := range rows {
		rows[i] = []string{"1"}
	}
	for i := range 3000 {
		rows[i%1000] = append(rows[i%1000], "=0|SUM(A1:A1000)")
	}
	sh := read(t, testdoc.XLS(t, testdoc.XLSOptions{}, testdoc.XLSSheet{Name: "大", Rows: rows})).Sheets[0]
	if n := computed(sh); n < 90 || n > 100 {
		t.Errorf("%d sums of 1 000 cells computed, want about 100", n)
	}
	if sh.Rows[0][1] != "1000" {
		t.Errorf("first sum %q", sh.Rows[0][1])
	}
	// A1 = B1+1, B1 = C1+1, …, L1 = 1: A1 is twelve formulas deep
	chain := []string{}
	for c := 'B'; c <= 'L'; c++ {
		chain = append(chain, "=0|"+string(c)+"1+1")
	}
	chain = append(chain, "1")
	sh = read(t, testdoc.XLS(t, testdoc.XLSOptions{}, testdoc.XLSSheet{Name: "链", Rows: [][]string{chain}})).Sheets[0]
	if sh.Rows[0][0] != "0" || sh.Rows[0][10] != "2" || sh.Rows[0][5] != "7" {
		t.Errorf("chain read %q", sh.Rows[0])
	}
}

// A row hidden in Excel (ROW's fDyZero) is said to be, its cells read as
// any row's; so is a column (COLINFO's fHidden), and a sheet hidden.
func TestHiddenRows(t *testing.T) {
	wb := read(t, testdoc.XLS(t, testdoc.XLSOptions{},
		testdoc.XLSSheet{Name: "旧", Rows: [][]string{{"1"}}, Hidden: true},
		testdoc.XLSSheet{Name: "表", Rows: cells, HiddenRows: []int{2, 5}, HiddenCols: []int{7, 3}}))
	if !wb.Sheets[0].Hidden || wb.Sheets[1].Hidden {
		t.Errorf("hidden sheets %v %v", wb.Sheets[0].Hidden, wb.Sheets[1].Hidden)
	}
	if got := wb.Sheets[1].HiddenRows; !slices.Equal(got, []int{2, 5}) {
		t.Errorf("hidden rows %v", got)
	}
	if got := wb.Sheets[1].HiddenCols; !slices.Equal(got, []int{7, 3}) {
		t.Errorf("hidden columns %v", got)
	}
	sameRows(t, "表", wb.Sheets[1].Rows, want(cells))
}

// A note on a cell (an OBJ of type 0x19 and its TXO's text, as LibreOffice
// writes it) is read apart from the cells.
func TestNotes(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "audit", "noted-2021.xls"))
	if err != nil {
		t.Fatal(err)
	}
	wb := read(t, data)
	if got := wb.Sheets[0].Notes; !slices.Equal(got, []string{"张科长:此数据请核实"}) {
		t.Errorf("notes %q", got)
	}
	for _, r := range wb.Sheets[0].Rows {
		for _, c := range r {
			if strings.Contains(c, "张科长") {
				t.Errorf("a note in a cell: %q", c)
			}
		}
	}
}
