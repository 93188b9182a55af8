package report

import (
	"slices"
	"strconv"
	"strings"
)

// A report that leaves its zeros blank, in a text that drops blank cells (a
// page run into one line, pdftotext's default text), gives each row of 表三
// only its numbers: "8 1 3 4 16". Which columns they stand in is not known
// (any order-keeping shift of the columns used fits the table as well), so
// the applicants' cells stay unread. The last number is the row's 总计, if
// the text keeps the rows' own numbers: then the 总计 column as a whole
// holds its identities (（七）总计 = the outcomes, 本年新收 + 上年结转 =
// 总计 + 结转下年度), which numbers that are not the rows' own would not, but
// for a coincidence across every row of the table. blankTotals reads that
// column when it holds with exactly one choice of the rows' 总计, so that the
// column's checks run, and a row whose numbers add up in no reading is said
// as the report's error — the other rows' totals, held by the column, show
// its numbers are its own.

// blanksLeft are 表三's rows read (got) and those of them left with blanks
// whose places are not known (left), as parseT3 leaves them.
type blanksLeft struct {
	got, left []t3Line
	// sums are the T3.ROWSUM findings of glued rows that no reading makes
	// add up, in a table that leaves cells blank (settleGluedSums): said
	// when blankTotals finds the row's numbers its own
	sums []Finding
}

// blankUnread ends the message that leaves such a row unread.
const blankUnread = "无法确定空白的位置，该行记为空"

// readBlankTotals reads the 总计 of the rows parseT3 left with blanks, once
// the table is settled (rows another reading took, or said unread because
// numbers stand apart from them, keep it from being read): blankTotals.
func (p *parser) readBlankTotals() {
	b := p.blanks3
	if len(b.sums) == 0 && p.shortRowsByIdentities(b) {
		return
	}
	if len(b.left) == 0 && len(b.sums) == 0 {
		return
	}
	var totals map[string]blankTotal
	defer func() { p.settleBlankSums(b, totals) }()
	said := map[string]int{} // each left row's finding
	for i, f := range p.r.Meta.Parse {
		if f.Rule == "PARSE.TABLE" && strings.HasSuffix(f.Message, blankUnread) {
			said[f.Cell] = i
		}
	}
	for _, g := range b.left {
		if _, ok := said["applications."+g.row.Key]; !ok {
			return // (read since, or said otherwise)
		}
	}
	// the glued rows of sums, unread, weigh as rows that never add up
	rows := b.left
	for _, f := range b.sums {
		i := slices.IndexFunc(b.got, func(g t3Line) bool { return t3Cell(g.row.Key, ColTotal) == f.Cell })
		if i < 0 || p.r.Applications[b.got[i].row.Key] != (Row{}) {
			return
		}
		rows = append(rows[:len(rows):len(rows)], b.got[i])
	}
	totals = p.blankTotals(b.got, rows)
	for key, bt := range totals {
		if bt.agreed {
			delete(p.r.Meta.Ambiguous, t3Cell(key, ColTotal))
		}
	}
	for _, g := range b.left {
		bt, ok := totals[g.row.Key]
		if !ok {
			continue
		}
		cell := t3Cell(g.row.Key, ColTotal)
		if bt.unplaced {
			if !slices.ContainsFunc(p.r.Meta.Parse, func(f Finding) bool { return f.Rule == "T3.ROWSUM" && f.Cell == cell }) {
				p.warn("T3.ROWSUM", cell, g.line.No, "表三“%s%s”读到 %d 个数（%s），空白的位置无法确定，但无论空白在哪里、各数如何分栏，六类申请人之和都不等于总计（表三其他各行的总计合起来，正合该栏的勾稽关系，这些数是该行的）",
					g.row.Group, g.row.Label, len(g.rc.tokens), strings.Join(strs(g.rc.tokens), " "))
			}
			continue
		}
		v := p.r.Applications[g.row.Key]
		v[ColTotal] = N(bt.total)
		p.r.Applications[g.row.Key] = v
		delete(p.r.Meta.Ambiguous, t3Cell(g.row.Key, ColTotal))
		f := &p.r.Meta.Parse[said["applications."+g.row.Key]]
		f.Message = strings.TrimSuffix(f.Message, "，"+blankUnread) + "，无法确定空白的位置；各行最后一个数合起来正合表三总计栏的勾稽关系，按总计读取（" + strconv.FormatInt(bt.total, 10) + "），其他各栏记为空"
		if bt.never && !slices.ContainsFunc(p.r.Meta.Parse, func(f Finding) bool { return f.Rule == "T3.ROWSUM" && f.Cell == cell }) {
			p.warn("T3.ROWSUM", cell, g.line.No, "表三“%s%s”读到 %d 个数（%s），空白的位置无法确定，但无论空白在哪里、各数如何分栏，六类申请人之和都不等于总计 %d",
				g.row.Group, g.row.Label, len(g.rc.tokens), strings.Join(strs(g.rc.tokens), " "), bt.total)
		}
	}
}

// settleBlankSums says the T3.ROWSUM of each glued row of b.sums whose
// numbers blankTotals found its own (a row that never adds up, the table's
// totals holding); the others are said as numbers that may not be the row's
// (the totals not holding, or not weighed: what blankTotals asks first not
// there).
func (p *parser) settleBlankSums(b blanksLeft, totals map[string]blankTotal) {
	for _, f := range b.sums {
		key := strings.TrimSuffix(strings.TrimPrefix(f.Cell, "applications."), "["+T3Columns[ColTotal]+"]")
		if p.r.Applications[key] != (Row{}) {
			continue // (read since: readDisplaced)
		}
		if totals[key].never {
			p.r.Meta.Parse = append(p.r.Meta.Parse, f)
			continue
		}
		p.warn("PARSE.TABLE", f.Cell, f.Line, "%s；但本报告有空白的单元格，原文又按版面次序排列（合并单元格的文字夹在各行之间），各行的总计也不能证明这些数字都是该行的（转换时数字可能离开了所在的行），不据以判断报告有误，请对照原文核对",
			f.Message)
	}
}

// blankTotal is a short row's 总计 as blankTotals reads it.
type blankTotal struct {
	total int64
	// never: no reading of the row's numbers adds up (with the 总计 read,
	// the report's own error)
	never bool
	// agreed: a 总计 already read and said by blankOrGlued, which the
	// column's holding lets the checks count
	agreed bool
	// unplaced: a row that never adds up whose last number the column
	// takes for its 总计 as well as for another cell (its 总计 blank):
	// not read
	unplaced bool
}

// blankTotalsMaxChoices bounds the choices tried: rows whose numbers never
// add up may end in several possible totals (the last digits of a glued
// run), one choice per combination.
const blankTotalsMaxChoices = 64

// blankTotals reads the 总计 of the short rows left (with blanks whose places
// are not known) from their last numbers, when every other row of 表三 is
// read whole or blank and exactly one choice of those totals makes the 总计
// column hold — or, with no choice holding, exactly one choice does once one
// row that never adds up is taken as printed with the total its other
// numbers make (the report's error in that 总计). It returns nil otherwise.
func (p *parser) blankTotals(got, left []t3Line) map[string]blankTotal {
	if len(left) == 0 {
		return nil
	}
	type short struct {
		g     t3Line
		cands []int64 // its possible totals
		never bool
		heads [][]string // per candidate, the digits before it (never rows)
	}
	var shorts []short
	byKey := map[string]int{}
	for _, g := range left {
		toks := strs(g.rc.tokens)
		n, ok := gluedDigits(toks)
		if g.gridTotal != "" || g.unread || len(toks) == 0 || len(toks) >= NumCols || !ok || n < 2 || n > 3*NumCols {
			return nil
		}
		s := short{g: g}
		seen := map[int64]bool{}
		for k := 2; k <= min(NumCols, n); k++ {
			cuts, done := splitDigits(toks, k, k, 16, nil)
			if !done || len(cuts) == 16 {
				return nil
			}
			for _, c := range cuts {
				if t := c[k-1]; !seen[t] {
					seen[t] = true
					s.cands = append(s.cands, t)
				}
			}
		}
		switch {
		case len(s.cands) > 1:
			return nil // adds up with different totals: not known
		case len(s.cands) == 0:
			if s.never = true; slices.ContainsFunc(shorts, func(o short) bool { return o.never }) {
				return nil // two rows that never add up (below)
			}
			last := toks[len(toks)-1]
			for i := len(last) - 1; i >= 0; i-- {
				suffix, head := last[i:], slices.Clone(toks[:len(toks)-1])
				if i > 0 {
					head = append(head, last[:i])
				}
				if len(suffix) > 1 && suffix[0] == '0' || len(head) == 0 {
					continue
				}
				t, err := strconv.ParseInt(suffix, 10, 64)
				if err != nil {
					return nil
				}
				s.cands = append(s.cands, t)
				s.heads = append(s.heads, head)
			}
			if len(s.cands) == 0 {
				return nil
			}
		}
		byKey[g.row.Key] = len(shorts)
		shorts = append(shorts, s)
	}
	// blanks, not numbers out of their rows: two rows or more of fewer
	// numbers than cells that add up to a 总计 not 0, and one row at most
	// that never adds up (numbers a converter moved from one row to another
	// leave two such rows: the one short of them and the one they joined)
	adding, never := 0, 0
	for _, s := range shorts {
		switch {
		case s.never:
			never++
		case s.cands[0] > 0:
			adding++
		}
	}
	for _, g := range got {
		if _, ok := byKey[g.row.Key]; ok || g.rc.ok || len(g.rc.tokens) == 0 || len(g.rc.tokens) >= NumCols {
			continue
		}
		if t, ok := p.r.Applications[g.row.Key][ColTotal].Int(); ok && t > 0 {
			adding++ // (its 总计 alone read by blankOrGlued)
		}
	}
	if adding < 2 || never > 1 {
		return nil
	}
	rows := p.r.Format.T3Rows()
	// the 总计 column of every row, a short row's from the choice made
	fixed := make([]int64, len(rows))
	at := make([]int, len(rows)) // the short row of each template row, or -1
	choices := 1
	var agreed []string // rows whose 总计 alone blankOrGlued read
	for i, row := range rows {
		at[i] = -1
		if k, ok := byKey[row.Key]; ok {
			at[i] = k
			if choices *= len(shorts[k].cands); choices > blankTotalsMaxChoices {
				return nil
			}
			continue
		}
		// a row read, or its 总计 alone that every reading of its glued
		// digits agrees on (blankOrGlued: left out of the checks until the
		// column holds with it), or blank
		v := p.r.Applications[row.Key]
		blank := true
		for c := range v {
			blank = blank && v[c].Blank() && !p.r.ambiguous(t3Cell(row.Key, c))
		}
		t, ok := v[ColTotal].Int()
		switch {
		case blank:
			fixed[i] = 0
		case !ok:
			return nil
		case p.r.ambiguous(t3Cell(row.Key, ColTotal)):
			if !slices.ContainsFunc(got, func(g t3Line) bool { return g.row.Key == row.Key && !g.rc.ok && len(g.rc.tokens) > 0 }) {
				return nil
			}
			agreed = append(agreed, row.Key)
			fixed[i] = t
		default:
			fixed[i] = t
		}
	}
	// holds says the column holds with short row k's total taken as
	// override (another short row's as its choice)
	totalOf := func(i int, pick []int) int64 {
		if k := at[i]; k >= 0 {
			return shorts[k].cands[pick[k]]
		}
		return fixed[i]
	}
	holds := func(pick []int, k int, override int64) bool {
		var out, nw, in, tot, fwd int64
		for i, row := range rows {
			t := totalOf(i, pick)
			if k >= 0 && at[i] == k {
				t = override
			}
			switch row.Kind {
			case RowOutcome:
				out += t
			case RowNew:
				nw = t
			case RowCarriedIn:
				in = t
			case RowTotal:
				tot = t
			case RowCarriedForward:
				fwd = t
			}
		}
		return tot > 0 && out == tot && nw+in == tot+fwd
	}
	pick := make([]int, len(shorts))
	var found []int
	each := func(f func()) {
		for {
			f()
			k := 0
			for ; k < len(pick); k++ {
				if pick[k]++; pick[k] < len(shorts[k].cands) {
					break
				}
				pick[k] = 0
			}
			if k == len(pick) {
				return
			}
		}
	}
	n := 0
	each(func() {
		if holds(pick, -1, 0) {
			n++
			found = append(found[:0], pick...)
		}
	})
	if n == 0 {
		// one row that never adds up, its total as printed the error: the
		// column holds with the total its other numbers make
		sums := map[[2]int][]int64{} // headSums of a row's candidate, once
		each(func() {
			for k, s := range shorts {
				if !s.never {
					continue
				}
				at := [2]int{k, pick[k]}
				if _, ok := sums[at]; !ok {
					sums[at] = headSums(s.heads[pick[k]])
				}
				for _, want := range sums[at] {
					if want != s.cands[pick[k]] && holds(pick, k, want) {
						n++
						found = append(found[:0], pick...)
						break
					}
				}
			}
		})
	}
	if n != 1 {
		return nil
	}
	out := make(map[string]blankTotal, len(shorts)+len(agreed))
	for _, key := range agreed {
		t, _ := p.r.Applications[key][ColTotal].Int()
		out[key] = blankTotal{total: t, agreed: true}
	}
	for k, s := range shorts {
		t := s.cands[found[k]]
		switch {
		case s.never && t != 0 && holds(found, k, 0):
			// the column holds as well with that row's 总计 blank: its
			// last number may be another cell, the one in error (0 0 0
			// 0 0 1 for 0 0 0 0 0 1 _); its numbers are its own still
			out[s.g.row.Key] = blankTotal{never: true, unplaced: true}
		case t > 0 || s.never:
			// (a row of zeros alone may have left its 总计 blank or not:
			// 0 to the column either way, unread)
			out[s.g.row.Key] = blankTotal{total: t, never: s.never}
		}
	}
	return out
}

// headSums are the sums of the ways to cut a row's digits before its total
// into one to six numbers (its applicants' cells with blanks), each once.
func headSums(head []string) []int64 {
	n, ok := gluedDigits(head)
	if !ok || n == 0 {
		return nil
	}
	var out []int64
	for k := 1; k <= min(ColTotal, n); k++ {
		cuts, done := splitDigits(head, k, 0, 16, nil)
		if !done || len(cuts) == 16 {
			return nil // too many to weigh: none
		}
		for _, c := range cuts {
			var sum int64
			for _, x := range c {
				sum += x
			}
			if !slices.Contains(out, sum) {
				out = append(out, sum)
			}
		}
	}
	return out
}

// groupsMidway says a group label of 表三 (三、本年度办理结果, （三）不予公开 …)
// stands in the table's text after the label of its group's first row: the
// text follows the page's layout (the merged cell's words centred among its
// rows), not the table's order of cells.
func (p *parser) groupsMidway() bool {
	if !p.midway.known {
		p.midway.known, p.midway.is = true, p.findGroupsMidway()
	}
	return p.midway.is
}

// findGroupsMidway is groupsMidway, worked out.
func (p *parser) findGroupsMidway() bool {
	lo, hi := p.region("3")
	var b strings.Builder
	for _, l := range p.lines[lo:hi] {
		b.WriteString(l.Text)
	}
	S := noSpaces.Replace(b.String())
	first := map[string]string{} // each group's first row's label
	for _, row := range p.r.Format.T3Rows() {
		if row.Kind == RowOutcome && first[T3Group] == "" {
			first[T3Group] = row.Label
		}
		if row.Group != "" && first[row.Group] == "" {
			first[row.Group] = row.Label
		}
	}
	for group, label := range first {
		if g, l := indexText(S, group), indexText(S, label); g >= 0 && l >= 0 && g > l {
			return true
		}
	}
	return false
}

// noSpaces takes out the spaces and tabs a table's text sets between words.
var noSpaces = strings.NewReplacer(" ", "", "\t", "", "\u3000", "")
