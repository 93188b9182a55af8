package report

import (
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/xls"
)

// Any formula the reader would compute is computed or refused, never a
// panic or a loop: over a sheet of numbers, text, blanks and formulas that
// need each other.
func FuzzSumFormula(f *testing.F) {
	for _, s := range []string{"SUM(A1:B2)", "A1+B1-(C1)", "=SUM(A1,B1,SUM(C1:C3))+4", "SUM($A$1:$A$3)", "-A1--B1", "SUM(", "A1+", "((A1)", "D1+1", "SUM(A1:A1024)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, formula string) {
		x := excelize.NewFile()
		defer x.Close()
		for axis, v := range map[string]any{"A1": 3, "A2": 4.5, "A3": "无", "B1": -2, "B2": "", "C1": 7} {
			if err := x.SetCellValue("Sheet1", axis, v); err != nil {
				t.Fatal(err)
			}
		}
		for axis, g := range map[string]string{"C2": "A1+B1", "C3": "C2+D1", "D1": "C3"} {
			if err := x.SetCellFormula("Sheet1", axis, g); err != nil {
				t.Fatal(err)
			}
		}
		if !plainSum(formula, "Z99") {
			return
		}
		sums := &sheetSums{f: x, sheet: "Sheet1", memo: map[string]sumResult{}, budget: &formulaBudget{formulas: 10, cells: 100_000}}
		sums.sumOf(formula, 0)
	})
}

// Sums as Excel computes them: text in a range counts nothing, an empty
// cell is 0, a formula cell without its result is computed, a cycle fails.
func TestSumOf(t *testing.T) {
	x := excelize.NewFile()
	defer x.Close()
	for axis, v := range map[string]any{"A1": 3, "A2": 4.5, "A3": "无", "B1": -2, "C1": 7} {
		if err := x.SetCellValue("Sheet1", axis, v); err != nil {
			t.Fatal(err)
		}
	}
	// formulas without their results (a cell new to the sheet keeps none)
	for axis, g := range map[string]string{"E1": "A1+B1", "E2": "SUM(E1,C1)", "D1": "D2", "D2": "D1"} {
		if err := x.SetCellFormula("Sheet1", axis, g); err != nil {
			t.Fatal(err)
		}
	}
	if v, _ := x.GetCellValue("Sheet1", "E1", excelize.Options{RawCellValue: true}); v != "" {
		t.Fatalf("E1 has a result: %q", v)
	}
	for formula, want := range map[string]float64{"SUM(A1:A3)": 7.5, "A1+B1": 1, "=SUM(A1,B1,C1)-1": 7, "-(A1-B1)+E9": -5, "SUM($A$1:$B$2)": 5.5, "2+SUM(A1)": 5,
		"E1+1": 2, "SUM(E1:E2)": 9} {
		sums := &sheetSums{f: x, sheet: "Sheet1", memo: map[string]sumResult{}, budget: &formulaBudget{formulas: 10, cells: 1000}}
		if got, ok := sums.sumOf(formula, 0); !ok || got != want {
			t.Errorf("%s = %v %v, want %v", formula, got, ok, want)
		}
	}
	for _, formula := range []string{"A3+1", "SUM(A1", "D1+1", "A1 B1", "A1+"} {
		sums := &sheetSums{f: x, sheet: "Sheet1", memo: map[string]sumResult{}, budget: &formulaBudget{formulas: 10, cells: 1000}}
		if got, ok := sums.sumOf(formula, 0); ok {
			t.Errorf("%s = %v, want no sum", formula, got)
		}
	}
}

// A hidden column's cells are left out as covered ones, its text kept as
// unseen; a merge starting in a hidden column shows its value in its first
// column shown, as Excel draws it.
func TestHideColumns(t *testing.T) {
	rows := [][]string{
		{"内部", "一、本年新收政府信息公开申请数量", "", "64", "70"},
		{"", "表头", "", "", ""},
		{"备注", "", "", "3", "4"},
	}
	covered := map[[2]int]bool{}
	merges := []xls.Range{{R0: 1, C0: 0, R1: 1, C1: 2}} // A2:C2, A hidden
	cover(covered, 1, 0, 1, 2)
	rows[1][0], rows[1][1] = "表头", ""
	unseen := hideColumns(rows, covered, merges, []int{0, 3}, nil)
	if !slices.Equal(unseen, []string{"内部 备注", "64 3"}) {
		t.Errorf("unseen %q", unseen)
	}
	var shown [][]string
	for ri, row := range rows {
		var cells []string
		for ci, v := range row {
			if !covered[[2]int{ri, ci}] {
				cells = append(cells, v)
			}
		}
		shown = append(shown, cells)
	}
	want := [][]string{{"一、本年新收政府信息公开申请数量", "", "70"}, {"表头", ""}, {"", "", "4"}}
	for i := range want {
		if !slices.Equal(shown[i], want[i]) {
			t.Errorf("row %d shows %q, want %q", i, shown[i], want[i])
		}
	}
}

// A sheet's merges mark at most 262 144 covered cells in all: each of many
// ranges under the bound for one marked them all (a 3.6 KB workbook of 408
// merges marked 24 million, 14 s and 1.2 GB), and a real table's merges
// cover some hundreds.
func TestCoverBounded(t *testing.T) {
	covered := map[[2]int]bool{}
	cover(covered, 0, 0, 3, 1) // a table's merge: marked
	for i := range 30 {
		cover(covered, i*30000, 2, i*30000+29999, 3) // 60 000 cells each
	}
	if len(covered) > 1<<18 || !covered[[2]int{1, 0}] {
		t.Fatalf("%d cells covered (the table's merge: %v), want at most %d", len(covered), covered[[2]int{1, 0}], 1<<18)
	}
}
