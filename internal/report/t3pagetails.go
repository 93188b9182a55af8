package report

import (
	"slices"
	"strconv"
	"strings"
)

// pdftotext's default text of a browser's print on a narrow (A5) page keeps
// a few of each row's first cells with its label (beside a wrapped label's
// middle line, or just before a short one) and writes the rest of the
// page's rows after its last row, row by row, before the page's number:
//
//	4.保护第三 / 方合法权 0 / 益 / 5.属于三类 / 内部事务 0 / … / 0 / 0 / 0 …
//
// and run into one line (its breaks made spaces) the same with no pages.
// readPageTails reads such a 表三 when the usual reading (and the digits in
// order) left rows unread: its numbers in order, taken in groups (the
// numbers between two words), each group a row's first cells, or the rest
// of the rows waiting for theirs, in order (a page's tail), or the next
// row's first cells and then that rest. Kept when exactly one reading (by
// value) has every row adding up and the table's columns holding — or one
// row not adding up and the columns off only as its one wrong cell makes
// them (the report's error, then said by T3.ROWSUM) — and a group in it
// holds the rests of two rows or more; said by PARSE.READ. Nothing changes
// otherwise.

// pageTailsHold says cells, the table's rows in turn, add up row by row and
// hold the table's columns, or add up but for one row (bad) with the
// columns off only as its one wrong cell makes them; bad is -1 for none.
func pageTailsHold(rows []T3Row, cells []string) (bad int, ok bool) {
	got := make([]t3Line, len(rows))
	bad = -1
	for i := range rows {
		c := cells[i*NumCols : (i+1)*NumCols]
		if !addsUp(c) {
			if bad >= 0 {
				return -1, false
			}
			bad = i
		}
		got[i] = t3Line{row: &rows[i], rc: rowCells{cells: c, ok: true}}
	}
	return bad, t3HoldsBut(got, bad)
}

// sameValues says two readings' cells are the same counts (a mark for none
// and 0 alike).
func sameValues(a, b []string) bool {
	return slices.EqualFunc(a, b, func(x, y string) bool { return toCell(x).Val() == toCell(y).Val() })
}

// pageTailsSteps bounds the search, a step each state and each cut of a
// group that can fit tried (the A5 prints of the probes read in 213 to
// 11 500; a text that spends it, a few milliseconds).
const pageTailsSteps = 25000

func (p *parser) readPageTails(lo, hi int) bool {
	rows := p.r.Format.T3Rows()
	if lo < 0 || hi <= lo {
		return false
	}
	var text strings.Builder
	for _, l := range p.lines[lo+1 : min(hi, len(p.lines))] {
		text.WriteString(l.Text)
		text.WriteByte(' ')
	}
	d, runs, afterWords := tableDigits(text.String())
	// each run of digits a count, or (a page run into one line without
	// spaces: 方合法权0益, …物000000…) cut into counts every way
	glued := len(runs) != NumCols*len(rows) || !wellFormed(runs)
	if glued && (len(d) < NumCols*len(rows) || len(d) > digitsMaxLen) {
		return false
	}
	var groups [][][]string // each group's cuts into counts (the numbers between words, in order)
	var runsOf []string
	at, allCuts := 0, 0
	for i, r := range runs {
		runsOf = append(runsOf, r)
		at += len(r)
		if at < len(d) && !afterWords[at] && i+1 < len(runs) {
			continue // (the group goes on)
		}
		cuts := [][]string{runsOf}
		if glued {
			if cuts = groupCuts(runsOf); cuts == nil {
				return false // (too many ways to tell)
			}
			if allCuts += len(cuts); allCuts > pageCutsMax {
				return false // (as many, over the page's groups)
			}
		}
		groups, runsOf = append(groups, cuts), nil
	}
	if glued && len(groups) <= len(rows) {
		// (no group more than the rows: no run of several rows' rests after
		// their labels' first cells, but rows glued a group each, one of
		// them the report's error — the digits in order's, which gave up;
		// cutting every group every way would only spend the budget)
		return false
	}
	vals := make([][NumCols]string, len(rows)) // each row's cells
	lens := make([]int, len(rows))             // and how many it has so far
	var found [][]string
	var foundBad []int
	steps := 0
	seen := map[string]bool{}
	var key []byte // (a state's key, built again at each step)
	// whole is row r made whole: it must add up, but one row at most
	whole := func(r, bad int, ok bool) (int, bool) {
		switch {
		case !ok || addsUp(vals[r][:]):
			return bad, ok
		case bad < 0:
			return r, true
		}
		return bad, false
	}
	// walk reads group g on, the rows from next on not begun, the rows
	// pending waiting for the rest of their cells, bad the row that does not
	// add up (-1: none), moved whether a group so far was two rows' rests or
	// more;
	// false when the work allowed is spent or two readings are found
	var walk func(g, next int, pending []int, bad int, moved bool) bool
	var walkGroup func(g int, grp []string, next int, pending []int, rest, bad int, moved bool) bool
	walk = func(g, next int, pending []int, bad int, moved bool) bool {
		if steps++; steps > pageTailsSteps || len(found) > 1 {
			return false
		}
		if g == len(groups) {
			if next == len(rows) && len(pending) == 0 && moved {
				all := make([]string, 0, NumCols*len(rows))
				for _, v := range vals {
					all = append(all, v[:]...)
				}
				if b, ok := pageTailsHold(rows, all); ok && b == bad && !slices.ContainsFunc(found, func(f []string) bool { return sameValues(f, all) }) {
					found, foundBad = append(found, all), append(foundBad, bad)
				}
			}
			return true
		}
		// (a state reached before, every row begun the same, reads on as
		// it did: zeros make many cuts of a group the same rows)
		key = strconv.AppendInt(key[:0], int64(g), 10)
		key = strconv.AppendInt(append(key, ' '), int64(bad), 10)
		key = strconv.AppendBool(append(key, ' '), moved)
		for r := range next {
			key = append(key, '|')
			for _, v := range vals[r][:lens[r]] {
				key = append(append(key, v...), ' ')
			}
		}
		for _, r := range pending {
			key = strconv.AppendInt(append(key, '/'), int64(r), 10)
		}
		if seen[string(key)] {
			return true
		}
		seen[string(key)] = true
		rest := 0 // the cells the pending rows still want
		for _, r := range pending {
			rest += NumCols - lens[r]
		}
		// the group's cuts that can fit: a row's first cells alone (seven
		// at most), the rest waiting, or both
		for _, grp := range groups[g] {
			if n := len(grp); n > NumCols && n != rest && n != rest+NumCols {
				continue
			}
			// (each cut of the group tried a step: the work is in them)
			if steps++; steps > pageTailsSteps || !walkGroup(g, grp, next, pending, rest, bad, moved) {
				return false
			}
		}
		return true
	}
	walkGroup = func(g int, grp []string, next int, pending []int, rest, bad int, moved bool) bool {
		// the next row's first k cells (k = 0: none), then the rest of the
		// pending rows (and of that row) in order, or nothing more
		for k := 0; k <= min(len(grp), NumCols); k++ {
			if k > 0 && next >= len(rows) {
				break
			}
			want := rest
			if k > 0 {
				want += NumCols - k
			}
			tail := len(grp) - k
			if tail == 0 && k == 0 || tail != 0 && tail != want {
				continue
			}
			waiting := pending
			if k > 0 {
				waiting = append(slices.Clone(pending), next)
			}
			// (the rows this changes, and their counts before)
			var saved [2 * NumCols * 4]int
			if len(waiting) > len(saved)/2 {
				continue // (more rows waiting than any page holds)
			}
			for i, r := range waiting {
				saved[2*i], saved[2*i+1] = r, lens[r]
			}
			if k > 0 {
				copy(vals[next][:], grp[:k])
				lens[next] = k
			}
			b, ok := bad, true
			left := waiting
			if tail > 0 {
				from := k
				for _, r := range waiting {
					n := NumCols - lens[r]
					copy(vals[r][lens[r]:], grp[from:from+n])
					lens[r], from = NumCols, from+n
					b, ok = whole(r, b, ok)
				}
				left = nil
			} else if k == NumCols {
				left = pending
				b, ok = whole(next, b, ok)
			}
			nxt := next
			if k > 0 {
				nxt++
			}
			more := !ok || walk(g+1, nxt, left, b, moved || tail > 0 && len(waiting) >= 2)
			for i := range waiting {
				lens[saved[2*i]] = saved[2*i+1]
			}
			if !more {
				return false
			}
		}
		return true
	}
	// (a reading with no group holding the rests of two rows or more is
	// the numbers in order, or a wrapped row's pieces: not this text's, and
	// read otherwise — an outcome row's cells traded with another's hold
	// the columns as well)
	if !walk(0, 0, nil, -1, false) || len(found) != 1 {
		return false
	}
	got := make([]t3Line, len(rows))
	for i := range rows {
		got[i] = t3Line{row: &rows[i], rc: rowCells{cells: found[0][i*NumCols : (i+1)*NumCols], ok: true}}
	}
	p.t3ReadWhole() // (what the usual reading said of its rows goes)
	p.setRowsInOrder(got, lo)
	what := "各行之和、表三各栏的勾稽关系均相符"
	if foundBad[0] >= 0 {
		what = oneRowOff(&rows[foundBad[0]])
	}
	cut := ""
	if glued {
		cut = "（数字连在一起的，各种拆分都试过）"
	}
	p.warn("PARSE.READ", "applications", p.lines[lo].No, "表三有的行只有前几个数与行名在一起，其余的数排在后面几行（该页各行）之后、连成一串（PDF 转换的文字顺序）：按格式各行的次序，每行取行名旁的几个数、再从其后的一串数中依次取其余几个数读取%s；只有这一种读法，%s", cut, what)
	return true
}

// cutCount is how many ways groupCuts cuts one run of digits, up to
// groupCutsMax+1 (more is no matter).
func cutCount(r string) int {
	ways := make([]int, len(r)+1) // ways[i]: the cuts of r[i:]
	ways[len(r)] = 1
	for i := len(r) - 1; i >= 0; i-- {
		for n := 1; n <= min(digitsCellLen, len(r)-i); n++ {
			if n > 1 && r[i] == '0' {
				break
			}
			ways[i] = min(ways[i]+ways[i+n], groupCutsMax+1)
		}
	}
	return ways[0]
}

// groupCutsMax bounds the ways a group of glued runs is cut into counts
// (a page's tail of 50 digits, 0s and 1s, has some thousands), and
// pageCutsMax those of all a table's groups (the memory they hold).
const (
	groupCutsMax = 16384
	pageCutsMax  = 2 * groupCutsMax
)

// groupCuts are the ways to cut a group's runs of digits into counts (each
// of one to digitsCellLen digits, none but 0 starting with 0), in order;
// nil when more than groupCutsMax.
func groupCuts(runs []string) [][]string {
	// counted first: a group with too many cuts is told so without making
	// them (a run of 150 small digits would make 16 384 before giving up)
	total := 1
	for _, r := range runs {
		if total *= cutCount(r); total > groupCutsMax {
			return nil
		}
	}
	out := [][]string{nil}
	for _, r := range runs {
		var next [][]string
		var cut func(rest string, cells []string) bool
		cut = func(rest string, cells []string) bool {
			if rest == "" {
				for _, o := range out {
					if len(next) == groupCutsMax {
						return false
					}
					next = append(next, append(slices.Clone(o), cells...))
				}
				return true
			}
			for n := 1; n <= min(digitsCellLen, len(rest)); n++ {
				if n > 1 && rest[0] == '0' {
					break
				}
				if !cut(rest[n:], append(cells, rest[:n])) {
					return false
				}
			}
			return true
		}
		if !cut(r, nil) {
			return nil
		}
		out = next
	}
	return out
}
