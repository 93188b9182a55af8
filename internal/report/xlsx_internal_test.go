package report

import (
	"slices"
	"testing"

	"gongkai/internal/xls"
)

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
