package report

import (
	"slices"
	"strings"
)

// pdftotext's default text of a browser's print on a narrow (A5) page keeps
// a few of each row's first cells with its label (beside a wrapped label's
// middle line, or just before a short one) and writes the rest of the
// page's rows after its last row, row by row, before the page's number:
//
//	4.保护第三 / 方合法权 0 / 益 / 5.属于三类 / 内部事务 0 / … / 0 / 0 / 0 …
//
// readPageTails reads such a 表三 when the usual reading left rows unread:
// the numbers of each page of the table (in the text's order, the page's
// foot and head no numbers) are its rows', seven each, in the format's
// order; the first h of each row among the first numbers of the page, one
// row after another, the other 7−h among the rest, one row after another
// (h from 1 to 7 on each page: a page whose rows keep all seven is read in
// order). Kept when exactly one reading (by value) has every row adding up
// and the table's columns holding — or one row not adding up and the
// columns off only as its one wrong cell makes them (the report's error,
// then said by T3.ROWSUM); said by PARSE.READ. Nothing changes otherwise.

// pageTailsMaxPages bounds the pages of 表三 tried (the readings of the
// table are those of its pages' taken together: up to seven to the pages).
const pageTailsMaxPages = 4

func (p *parser) readPageTails(lo, hi int) bool {
	rows := p.r.Format.T3Rows()
	toks, ok := p.streamNumbers(lo, hi, NumCols*len(rows))
	if !ok {
		return false
	}
	// the table's numbers by page: seven to a row, whole rows on each
	breaks := p.pageBreaks()
	var pages [][]streamTok
	for i, t := range toks {
		if i == 0 || pageOf(breaks, t.line) != pageOf(breaks, toks[i-1].line) {
			pages = append(pages, nil)
		}
		pages[len(pages)-1] = append(pages[len(pages)-1], t)
	}
	if len(pages) < 2 || len(pages) > pageTailsMaxPages {
		return false // (one page: the usual reading's, or readDisplaced's)
	}
	for _, pg := range pages {
		if len(pg)%NumCols != 0 {
			return false
		}
	}
	// each page's readings, one for each h whose rows add up (all, or but
	// one: the report's error), told apart by value
	type pageReading struct {
		h     int
		cells []string
		bad   int // the page's row that does not add up, -1 for none
	}
	opts := make([][]pageReading, len(pages))
	for k, pg := range pages {
		m := len(pg) / NumCols
		for h := 1; h <= NumCols; h++ {
			cells := make([]string, 0, len(pg))
			bad, ok := -1, true
			for i := range m {
				for _, t := range pg[i*h : (i+1)*h] {
					cells = append(cells, t.s)
				}
				for _, t := range pg[m*h+i*(NumCols-h) : m*h+(i+1)*(NumCols-h)] {
					cells = append(cells, t.s)
				}
				if !addsUp(cells[i*NumCols:]) {
					ok = ok && bad < 0
					bad = i
				}
			}
			if ok && !slices.ContainsFunc(opts[k], func(o pageReading) bool { return sameValues(o.cells, cells) }) {
				opts[k] = append(opts[k], pageReading{h, cells, bad})
			}
		}
		if len(opts[k]) == 0 {
			return false
		}
	}
	// the table's readings: a reading of each page, a row in error in one
	// page at most, the columns holding (or off as its one wrong cell makes
	// them)
	var found [][]string
	var foundBad []int
	var foundH [][]int
	pick := make([]int, len(pages))
	for {
		var cells []string
		var hs []int
		bad, ok, first := -1, true, 0
		for k, i := range pick {
			o := opts[k][i]
			if o.bad >= 0 {
				ok = ok && bad < 0
				bad = first + o.bad
			}
			cells, hs = append(cells, o.cells...), append(hs, o.h)
			first += len(o.cells) / NumCols
		}
		if ok {
			if bad2, holds := pageTailsHold(rows, cells); holds && bad2 == bad {
				found, foundBad, foundH = append(found, cells), append(foundBad, bad), append(foundH, hs)
				if len(found) > 1 {
					return false
				}
			}
		}
		k := 0 // the next pick, as an odometer
		for k < len(pick) && pick[k] == len(opts[k])-1 {
			pick[k] = 0
			k++
		}
		if k == len(pick) {
			break
		}
		pick[k]++
	}
	if len(found) != 1 {
		return false
	}
	moved := false // a page whose rows did not keep all seven
	for _, h := range foundH[0] {
		moved = moved || h < NumCols
	}
	if !moved {
		return false // (the numbers in order: not this text's, and read otherwise)
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
	var kept []string
	for _, h := range foundH[0] {
		kept = append(kept, string(rune('0'+h)))
	}
	p.warn("PARSE.READ", "applications", p.lines[lo].No, "表三各页的行只有前几个数与行名在一起（各页依次为每行 %s 个），其余的数排在该页各行之后（PDF 转换的文字顺序）：按格式各行的次序，每行取该页前面的几个数、再取该页后面的其余几个数读取；只有这一种读法，%s", strings.Join(kept, "、"), what)
	return true
}

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
	if bad < 0 {
		return -1, t3ColumnsHold(got)
	}
	return bad, t3OneCellOff(got, bad)
}

// sameValues says two readings' cells are the same counts (a mark for none
// and 0 alike).
func sameValues(a, b []string) bool {
	return slices.EqualFunc(a, b, func(x, y string) bool { return toCell(x).Val() == toCell(y).Val() })
}
