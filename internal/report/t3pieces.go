package report

import "slices"

// pdftotext's default text of a browser's print of 表三 writes most cells a
// line each (joinCellLines gathers such runs), but a row whose label wraps
// keeps a few of its first cells on a line of the label's words, its other
// cells a line each just before or just after that line:
//
//	5.要求行政机关确认或重新出具已获 0 0 0 0
//	0 / 0 / 0
//	取信息
//	（六）其 2.申请人逾期未按收费通知要求缴纳
//	0 / 1 / 1
//	他处理 费用、行政机关不再处理其政府信息 0 0 0 0
//
// The second row is 0 0 0 0 0 1 1: read in the text's order it would be 0 1
// 1 0 0 0 0. readNumbersInPieces reads 表三 from its numbers in the text's
// order, seven to each row of the format in turn, a row meeting a piece of
// numbers beside words taking that piece as its first cells and, for the
// rest, the lone numbers just read before it (when exactly the rest) or
// else the ones that follow. Kept only when every number is taken, every
// row adds up and the table's columns hold — or one row does not add up and
// the columns are off only as that row's one wrong cell makes them (the
// report's error, then said by T3.ROWSUM); said by PARSE.READ.
func (p *parser) readNumbersInPieces(lo, hi int, rows []T3Row) bool {
	type piece struct {
		nums   []string
		beside bool // on a line of words: a row's first cells
	}
	var pieces []piece
	for _, l := range p.lines[max(lo+1, 0):min(hi, len(p.lines))] {
		if l.Segmented {
			return false // (a page run into one line: readDigitsInOrder's)
		}
		if trimSpace(l.Text) == "" {
			continue
		}
		rc := splitLabel(l, NumCols)
		nums := rc.cells
		if !rc.ok {
			nums = strs(rc.tokens)
		}
		if len(nums) == 0 {
			continue
		}
		if !wellFormedCells(nums) {
			return false // (digits run together: not this text)
		}
		if l.OneEach || trimSpace(rc.label) == "" {
			for _, n := range nums {
				pieces = append(pieces, piece{nums: []string{n}})
			}
			continue
		}
		if len(nums) >= NumCols {
			if len(nums) > NumCols {
				return false
			}
			pieces = append(pieces, piece{nums: nums})
			continue
		}
		pieces = append(pieces, piece{nums: nums, beside: true})
	}
	if !slices.ContainsFunc(pieces, func(x piece) bool { return x.beside }) {
		return false // (no piece beside words: readNumbersInOrder's text)
	}
	got := make([]t3Line, len(rows))
	at := 0
	split := 0 // rows whose first cells stood beside words
	bad := -1  // the one row that does not add up: the report's error
	for i := range rows {
		var lone []string
		var cells []string
		for cells == nil {
			if at >= len(pieces) {
				return false
			}
			pc := pieces[at]
			at++
			if !pc.beside {
				lone = append(lone, pc.nums...)
				if len(lone) == NumCols {
					cells = lone
				}
				continue
			}
			rest := NumCols - len(pc.nums)
			switch {
			case len(lone) == rest:
				cells = append(append([]string{}, pc.nums...), lone...)
			case len(lone) == 0:
				cells = append([]string{}, pc.nums...)
				for len(cells) < NumCols {
					if at >= len(pieces) || pieces[at].beside {
						return false
					}
					cells = append(cells, pieces[at].nums...)
					at++
				}
			default:
				return false
			}
			split++
		}
		if len(cells) != NumCols {
			return false
		}
		if !addsUp(cells) {
			if bad >= 0 {
				return false
			}
			bad = i
		}
		got[i] = t3Line{row: &rows[i], rc: rowCells{cells: cells, ok: true}}
	}
	if at != len(pieces) || !t3HoldsBut(got, bad) {
		return false
	}
	p.setRowsInOrder(got, lo)
	what := "各行之和、表三各栏的勾稽关系均相符"
	if bad >= 0 {
		what = oneRowOff(&rows[bad])
	}
	p.warn("PARSE.READ", "applications", p.lines[lo].No, "表三每行的数字都排在行名之前（PDF 转换时按位置排序的文字），按格式各行的次序每 7 个一行读取；%d 行的前几个数与行名的文字在同一行，其余几个数各占一行、排在这一行之前或之后，按“同一行的数在前”读取；%s", split, what)
	return true
}

// wellFormedCells says each of a row's numbers is a count as written on its
// own or a mark for none.
func wellFormedCells(nums []string) bool {
	for _, n := range nums {
		if t := trimSpace(n); !isPlaceholder(t) && !wellFormed([]string{t}) {
			return false
		}
	}
	return true
}
