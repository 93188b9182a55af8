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
// rows' first cells among words (labels), the rest a run of numbers alone.
// The table is read when the rows and the columns' identities hold in such
// a reading, and every reading that holds reads the same cells; every cell a whole count (a report that writes its
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
	// wordsBetween says the numbers x and y (x before y) have words
	// between them: a line of words after x's, up to y's (words before y
	// on its line: a label it stands beside; words before x on its line,
	// the header's last, "构", joined to the numbers by joinCellLines, do
	// not count)
	wordsBetween := func(x, y int) bool {
		return slices.Contains(words[at[x]-lo+1:at[y]-lo+1], true)
	}
	// shown says the text shows the cut: the first cells among words (no
	// run of them without words longer than two rows': a row's beside its
	// label, the next row's before its own), the rest a run alone
	shown := func(s t3Split) bool {
		run := 1
		for x := s.at(s.a, 0) + 1; x <= s.at(s.b-1, s.k-1); x++ {
			if wordsBetween(x-1, x) {
				run = 1
			} else if run++; run > 2*s.k {
				return false
			}
		}
		return !wordsBetween(s.at(s.a, s.k), s.at(s.b-1, NumCols-1))
	}
	// reading is the cut's table when every row adds up and its columns
	// hold (t3Holds); nil otherwise
	reading := func(s t3Split) [][NumCols]int64 {
		out := make([][NumCols]int64, len(rows))
		for i := range rows {
			for c := range NumCols {
				out[i][c] = vals[s.at(i, c)]
			}
			if !sumsUp(out[i][:]) {
				return nil
			}
		}
		if !t3Holds(rows, out) {
			return nil
		}
		return out
	}
	var found []t3Split
	var holding [][NumCols]int64
	for k := 1; k < NumCols; k++ {
		for a := 0; a < len(rows); a++ {
			for b := a + 2; b <= len(rows); b++ {
				s := t3Split{k, a, b}
				if !shown(s) {
					continue
				}
				if rd := reading(s); rd != nil {
					if holding != nil && !slices.Equal(holding, rd) {
						return false // (two readings, the cells not alike)
					}
					found, holding = append(found, s), rd
				}
			}
		}
	}
	if len(found) == 0 {
		return false
	}
	s := found[0]
	p.setT3Reading(rows, holding, lo) // (what the usual reading said of its rows goes)
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
