package report

import "testing"

// Rows whose digits ran together and cut several ways are settled by the
// column identities; when nothing else in 表三 is read, every combination of
// their cuts ties, and a cell is read only if every tying combination agrees
// on it. Before, the search kept the first 65 ties only: with 2^8 of them,
// all 65 took the first row's first cut, and 本年新收 was read 11, 0 where it
// may as well be 1, 10.
func TestT3SearchWeighsEveryTie(t *testing.T) {
	p := &parser{r: NewReport(Format2021)}
	var runs []t3Line
	rows := p.r.Format.T3Rows()
	glued := map[string]string{"new": "110000011"} // 11 0 0 0 0 0 11 or 1 10 0 0 0 0 11
	for _, k := range []string{"granted", "partly_granted", "withheld.state_secret", "withheld.law_forbids",
		"withheld.security_stability", "withheld.third_party", "withheld.internal_affairs"} {
		glued[k] = "220000022" // 22 0 … 22 or 2 20 0 … 22
	}
	for i := range rows {
		row := &rows[i]
		if digits, ok := glued[row.Key]; ok {
			runs = append(runs, t3Line{row: row, rc: rowCells{tokens: []tok{{s: digits}}}, line: &Line{No: i + 1}})
			continue
		}
		for c := range NumCols { // every other row unread: no identity can be told
			p.ambiguous(t3Cell(row.Key, c))
		}
	}
	if len(runs) != len(glued) {
		t.Fatalf("%d rows found, want %d: the template's keys changed", len(runs), len(glued))
	}
	p.solveT3(runs)
	got := p.r.Applications["new"]
	for c, want := range []string{"", "", "0", "0", "0", "0", "11"} {
		if got[c].String() != want {
			t.Errorf("本年新收 cell %d = %q, want %q (row %v)", c, got[c].String(), want, got)
		}
	}
	if !p.r.ambiguous(t3Cell("new", 0)) || !p.r.ambiguous(t3Cell("new", 1)) {
		t.Errorf("本年新收's first two cells are not said to be unread")
	}
}

// agreeOnSome: no cuts, or cuts that differ in every cell (a lone 0 under a
// block's name: 0 or blank in each place), know nothing.
func TestAgreeOnSome(t *testing.T) {
	for _, c := range []struct {
		cuts [][]int64
		want bool
	}{
		{nil, false},
		{[][]int64{{2, 1, -1, 1, 4}}, true},
		{t4BlankPlaces([]string{"0"}, 5), false},
		{[][]int64{{0, -1, -1, -1, -1}, {-1, 0, -1, -1, -1}}, true}, // the last three blank in both
		{[][]int64{{-1, 2, 1, 1, 4}, {2, -1, 1, 1, 4}}, true},
	} {
		if got := agreeOnSome(c.cuts); got != c.want {
			t.Errorf("agreeOnSome(%v) = %v, want %v", c.cuts, got, c.want)
		}
	}
}
