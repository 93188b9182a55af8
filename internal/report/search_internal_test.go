package report

import (
	"fmt"
	"strings"
	"testing"
)

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

// The ways of placing short rows by 表三's identities grow as the product of
// each row's: every outcome row "1 1 2" (15 ways each) under a 总计 of five
// columns that prunes little. The search stops at its step budget and reads nothing (a
// search without one would not end in this test's life).
func TestShortRowsSearchBudget(t *testing.T) {
	p := &parser{r: NewReport(Format2021)}
	rows := p.r.Format.T3Rows()
	p.t3Seen = make([]bool, len(rows))
	var b blanksLeft
	outcomes := 0
	for _, row := range rows {
		if row.Kind == RowOutcome {
			outcomes++
		}
	}
	for i := range rows {
		row := &rows[i]
		p.t3Seen[i] = true
		var toks []string
		switch row.Kind {
		case RowOutcome:
			toks = []string{"1", "1", "2"}
		case RowTotal, RowNew:
			// the outcomes' 2n ones over five columns, the 总计 2n
			n := 2 * outcomes
			for c := range 5 {
				toks = append(toks, fmt.Sprint(n/5+min(1, max(0, n%5-c))))
			}
			toks = append(toks, fmt.Sprint(n))
		default:
			continue // 上年结转, 结转下年度: blank
		}
		g := t3Line{row: row, line: &Line{No: i + 1}, rc: rowCells{spaced: true}}
		for j, s := range toks {
			g.rc.tokens = append(g.rc.tokens, tok{s: s, center: 10 + 4*j, start: 10 + 4*j, end: 11 + 4*j})
		}
		for c := range NumCols {
			p.ambiguous(t3Cell(row.Key, c))
		}
		p.warn("PARSE.TABLE", "applications."+row.Key, i+1, "表三“%s”应有 7 个数，读到 %d 个（%s），%s", row.Label, len(toks), strings.Join(toks, " "), blankUnread)
		b.left = append(b.left, g)
	}
	if p.shortRowsByIdentities(b) {
		t.Errorf("read by a search past its budget: 总计 %v", p.r.Applications["total"])
	}
	if _, ok := p.r.Applications["total"][ColTotal].Int(); ok {
		t.Error("总计 read")
	}
}
