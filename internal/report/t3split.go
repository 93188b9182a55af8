package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// t3Split is one way of reading 表三's numbers in the text's order as a
// table cut into two blocks of columns: the rows [a, b) give their first k
// cells beside their labels, one row after another, then the rest of their
// cells, row by row; the rows before a and from b on give their seven in
// order (a page's rows the text did not cut).
type t3Split struct{ k, a, b int }

// at is where in the numbers row i's cell c stands.
func (s t3Split) at(i, c int) int {
	switch {
	case i < s.a:
		return NumCols*i + c
	case i >= s.b:
		return NumCols*i + c
	case c < s.k:
		return NumCols*s.a + s.k*(i-s.a) + c
	}
	return NumCols*s.a + s.k*(s.b-s.a) + (NumCols-s.k)*(i-s.a) + c - s.k
}

// readSplitColumns reads 表三 from every number of the table in the text's
// order where the text cut the table into two blocks of columns:
// pdftotext's default text of a narrow print gives a row's first cells
// beside its label or just before it ("1.属于国家秘密 2 0", "43 / 6 /
// 一、本年新收…": the labels and the first columns one block), and the other
// columns' cells after those rows, a cell to a line, row by row (the
// columns right of them another block); a page's last rows may come whole.
// Every cut (k columns, rows [a, b)) is tried where the text shows it: the
// rows' first cells among words (labels), the rest a run of numbers alone. The table is read when the rows and the columns'
// identities hold in such a reading, and every reading that holds reads
// the same cells; every cell a whole count (a report that writes its
// zeros: a blank cell leaves no trace in such text). Tried when the other
// readings left rows unread; said by PARSE.READ.
func (p *parser) readSplitColumns(lo, hi int) bool {
	rows := p.r.Format.T3Rows()
	if p.subtotals || len(rows) < 3 || lo < 0 || hi <= lo || hi > len(p.lines) {
		return false
	}
	want := NumCols * len(rows)
	var vals []int64
	var at []int // the line of each number
	words := make([]bool, hi-lo)
	oneEach, beside := false, false
	heading, headed := p.heads["3"]
	for n := lo; n < hi; n++ {
		if headed && n == heading {
			continue
		}
		l := &p.lines[n]
		rc := splitLabel(*l, NumCols)
		ts := rc.cells
		if !rc.ok {
			ts = strs(rc.tokens)
		}
		words[n-lo] = trimSpace(rc.label) != ""
		if len(ts) == 0 {
			continue
		}
		if len(vals)+len(ts) > want {
			return false
		}
		if l.OneEach {
			oneEach = true
		} else if words[n-lo] && len(ts) < NumCols {
			beside = true
		}
		for _, t := range ts {
			v, err := strconv.ParseInt(trimSpace(t), 10, 64)
			if err != nil || v < 0 {
				return false
			}
			vals = append(vals, v)
			at = append(at, n)
		}
	}
	if len(vals) != want || !oneEach || !beside {
		return false
	}
	ti := slices.IndexFunc(rows, func(r T3Row) bool { return r.Key == "total" })
	ni := slices.IndexFunc(rows, func(r T3Row) bool { return r.Key == "new" })
	ii := slices.IndexFunc(rows, func(r T3Row) bool { return r.Key == "carried_in" })
	oi := slices.IndexFunc(rows, func(r T3Row) bool { return r.Key == "carried_forward" })
	if ti < 0 || ni < 0 || ii < 0 || oi < 0 {
		return false
	}
	// apart says the numbers x and y (x before y) have words between
	// them: a line of words after x's, up to y's (words before y on its
	// line: a label it stands beside)
	apart := func(x, y int) bool {
		if at[x] == at[y] {
			return false
		}
		return slices.Contains(words[at[x]-lo+1:at[y]-lo+1], true)
	}
	// alone says the numbers x to y stand on lines of nothing else, but
	// for words before x on its line (the header's last, "构", its line
	// joined to the numbers: joinCellLines)
	alone := func(x, y int) bool {
		return !slices.Contains(words[at[x]-lo+1:at[y]-lo+1], true)
	}
	// shown says the text shows the cut: the first cells among words (no
	// run of them without words longer than two rows': a row's beside its
	// label, the next row's before its own), the rest a run alone
	shown := func(s t3Split) bool {
		run := 1
		for x := s.at(s.a, 0) + 1; x <= s.at(s.b-1, s.k-1); x++ {
			if apart(x-1, x) {
				run = 1
			} else if run++; run > 2*s.k {
				return false
			}
		}
		return alone(s.at(s.a, s.k), s.at(s.b-1, NumCols-1))
	}
	holds := func(s t3Split) bool {
		for i := range rows {
			var sum int64
			for c := range NumCols - 1 {
				sum += vals[s.at(i, c)]
			}
			if sum != vals[s.at(i, NumCols-1)] {
				return false
			}
		}
		for c := range NumCols {
			var sum int64
			for i := range rows {
				if rows[i].Kind == RowOutcome {
					sum += vals[s.at(i, c)]
				}
			}
			t := vals[s.at(ti, c)]
			if sum != t || vals[s.at(ni, c)]+vals[s.at(ii, c)] != t+vals[s.at(oi, c)] {
				return false
			}
		}
		return true
	}
	same := func(s, o t3Split) bool {
		for i := range rows {
			for c := range NumCols {
				if vals[s.at(i, c)] != vals[o.at(i, c)] {
					return false
				}
			}
		}
		return true
	}
	var found []t3Split
	for k := 1; k < NumCols; k++ {
		for a := 0; a < len(rows); a++ {
			for b := a + 2; b <= len(rows); b++ {
				if s := (t3Split{k, a, b}); shown(s) && holds(s) {
					if len(found) > 0 && !same(found[0], s) {
						return false // (two readings, the cells not alike)
					}
					found = append(found, s)
				}
			}
		}
	}
	if len(found) == 0 {
		return false
	}
	s := found[0]
	got := make([]t3Line, len(rows))
	for i := range rows {
		cells := make([]string, NumCols)
		for c := range cells {
			cells[c] = strconv.FormatInt(vals[s.at(i, c)], 10)
		}
		got[i] = t3Line{row: &rows[i], rc: rowCells{cells: cells, ok: true}}
	}
	p.t3ReadWhole() // (what the usual reading said of its rows goes)
	p.setRowsInOrder(got, lo)
	how := fmt.Sprintf("“%s%s”至“%s%s”%d 行的前 %d 栏（%s）在各自的行名旁，其余 %d 栏（%s）在这些行之后逐行排列",
		rows[s.a].Group, rows[s.a].Label, rows[s.b-1].Group, rows[s.b-1].Label, s.b-s.a,
		s.k, strings.Join(T3ColumnLabels[:s.k], "、"), NumCols-s.k, strings.Join(T3ColumnLabels[s.k:], "、"))
	if s.a > 0 || s.b < len(rows) {
		how += "，其他各行 7 个数一行"
	}
	ways := ""
	if len(found) > 1 {
		ways = fmt.Sprintf("（有 %d 种分法都如此，读出的各数相同）", len(found))
	}
	p.warn("PARSE.READ", "applications", p.lines[lo].No, "表三的数字在原文中分成左右两块（PDF 转换的文字顺序）：%s；共 %d 个数，按此读取%s，各行之和、表三各栏的勾稽关系均相符",
		how, want, ways)
	return true
}
