package report

import (
	"slices"
	"strconv"
	"strings"
)

// A PDF's text in pdftotext's default mode (no -layout) gives a table's
// cells in the order it reads its text blocks. Where a row's label wraps
// over several lines, the row's first cell can be read with the label's
// first line ("8.属于行政 1824") and its 总计 after the label's last
// ("…公开申请数量 / 理结果 / 171"): the numbers come in the table's order,
// row by row, except for a few read later than their place. readDisplaced
// reads such a 表三 when the usual reading left rows unread: every number of
// the table's part of the text is taken in order, and a row may leave one
// cell for a number that comes later, standing next to words (on a label's
// line, or first or last of a run of numbers between labels). The cell left
// is fixed by the row's sum, and the later number must be exactly that. Of
// all the readings where every row adds up, the one kept must be the only
// one whose columns hold (新收 + 结转 = 总计 + 结转下年度; 总计 = the
// outcomes); otherwise nothing is changed. When none holds, any number but 0
// may be a row's 总计 read later; then one row read in order may not add up (the
// report's own error): kept when it is the only reading whose columns are
// off as that row's one wrong cell makes them.
//
// t3Stream (parseT3) reads such a text too, with other moves (a row's 总计
// after the table's last numbers, or before its row's six) and only where
// every line is a cell's; this runs after it, where rows are still unread.

// displacedMaxPending bounds the cells waiting for a later number at once;
// displacedCap the distinct readings kept from any point on; displacedSteps
// the search's work, points and readings passed on (a crafted text must not
// make it long: about a tenth of a second at most).
const (
	displacedMaxPending = 3
	displacedCap        = 512
	displacedSteps      = 200000
)

// streamTok is a number of 表三's part of the text, in the text's order.
type streamTok struct {
	s     string
	v     int64
	stray bool // beside words: may be a cell read later than its place
	line  int  // its line's number
}

// displacedKey is a point of the search: at row r, token i, with the cells
// waiting for a later number (their values, sorted) and the current row's
// cells so far (token indexes; -1 the cell left for later).
type displacedKey struct {
	r, i    int16
	npend   int8
	ncur    int8
	bad     bool // a row read that does not add up (allowBad)
	pending [displacedMaxPending]int64
	cur     [NumCols]int16
}

// displacedRow is one row of a reading, by its values, and the rest of the
// reading after it (an index into displaced.rows; -1 at the end): readings
// sharing their rest share it. Readings are told apart by their values: a
// mark for 0 (—) and a 0 are one reading (cells keeps the first's words).
type displacedRow struct {
	vals [NumCols]int64
	next int32
}

type displaced struct {
	toks  []streamTok
	nrows int
	// broad lets any number but 0 be one read later than its place, not
	// only one beside words, for a row's 总计 only: with any cell left for
	// it, a table of 0s and a few 1s reads many ways, and two rows' 1s can
	// trade columns with every sum still holding (the one such reading the
	// search finds need not be the text's)
	broad bool
	// allowBad lets one row, read in order, not add up: the report's own
	// error, asked only when no reading without one holds
	allowBad bool
	memo     map[displacedKey][]int32
	rows     []displacedRow
	cells    [][NumCols]string // each row's words
	ids      map[displacedRow]int32
	zero     string // a cell left for later whose sum is 0: a mark if the text writes 0 so
	steps    int
	over     bool
}

func (p *parser) readDisplaced(lo, hi int) bool {
	rows := p.r.Format.T3Rows()
	toks, ok := p.streamNumbers(lo, hi, NumCols*len(rows))
	if !ok {
		return false
	}
	// Tried in turn while no reading holds: later numbers beside words; then
	// any number but 0 later than its place, in a row's 总计 (a narrow page
	// may gather a few rows' 总计 after another row's cells: …— 1 1 — 9 1 2,
	// the 9 and the 1 of two earlier rows before the row's own 2); then one
	// row, read in order, not adding up, its error the columns' (the
	// report's own).
	zero := "0" // a cell left for later whose sum is 0: a mark if the text writes 0 so
	for _, t := range toks {
		if t.s == "0" {
			zero = "0"
			break
		}
		if t.v == 0 && zero == "0" {
			zero = t.s // a mark, unless a 0 is written too
		}
	}
	var only []t3Line
	bad := -1
	for _, how := range []struct{ broad, allowBad bool }{{false, false}, {true, false}, {false, true}} {
		if only, bad = displacedReading(toks, rows, zero, how.broad, how.allowBad); only != nil || bad != -1 {
			break
		}
	}
	if only == nil && bad == -2 {
		// several readings hold (or too many to search): a table of 0s
		// reads many ways when a 0 may be left for a later 0, the rows
		// after it one number on. The numbers in order, where they hold,
		// are read: no number moved is the text's own order
		if only = inOrderHolding(toks, rows); only != nil {
			p.t3ReadWhole()
			p.setRowsInOrder(only, lo)
			p.warn("PARSE.READ", "applications", toks[0].line, "表三的数字与行名分开排列（PDF 转换的文字顺序）：%d 个数按格式各行的次序每 7 个数读作一行，各行之和、表三各栏的勾稽关系均相符；把有的格看作排在本行之后的读法也有相符的，按原文的次序读取，请对照原文核对", len(toks))
			return true
		}
	}
	if only == nil {
		return false
	}
	p.t3ReadWhole()
	p.setRowsInOrder(only, lo)
	what := "各行之和、表三各栏的勾稽关系均相符"
	if bad >= 0 {
		what = oneRowOff(only[bad].row)
	}
	p.warn("PARSE.READ", "applications", toks[0].line, "表三的数字与行名分开排列（PDF 转换的文字顺序），有的格排在本行之后、行名旁边：%d 个数按格式各行的次序读取，让出的格由本行之和确定，且须与其后行名旁的数相同；%s，且只有这一种读法如此，请对照原文核对", len(toks), what)
	return true
}

// inOrderHolding is toks read in order, seven to a row, when every row adds
// up and the table's columns hold; nil otherwise.
func inOrderHolding(toks []streamTok, rows []T3Row) []t3Line {
	if len(toks) != NumCols*len(rows) {
		return nil
	}
	got := make([]t3Line, len(rows))
	for i := range rows {
		cells := make([]string, NumCols)
		for c := range cells {
			cells[c] = toks[i*NumCols+c].s
		}
		if !addsUpMarked(cells) {
			return nil
		}
		got[i] = t3Line{row: &rows[i], rc: rowCells{cells: cells, ok: true}}
	}
	if !t3ColumnsHold(got) {
		return nil
	}
	return got
}

// displacedReading is the only reading of toks as rows whose columns hold
// (nil if none or several), a cell left for later whose sum is 0 written
// zero; with broad, a later number need not stand
// beside words, unless it is 0; with allowBad, one row read in order may not
// add up, the columns off as its one wrong cell makes them, and bad is that
// row. bad is -1 without one; -2 when the search gave up or found several.
func displacedReading(toks []streamTok, rows []T3Row, zero string, broad, allowBad bool) (only []t3Line, bad int) {
	d := &displaced{toks: toks, nrows: len(rows), broad: broad, allowBad: allowBad, memo: map[displacedKey][]int32{}, ids: map[displacedRow]int32{}, zero: zero}
	ends := d.search(displacedKey{})
	if d.over {
		return nil, -2
	}
	bad = -1
	for _, id := range ends {
		got := make([]t3Line, 0, len(rows))
		off := -1
		for j := id; j >= 0; j = d.rows[j].next {
			cells := d.cells[j][:]
			if !addsUpMarked(cells) {
				off = len(got)
			}
			got = append(got, t3Line{row: &rows[len(got)], rc: rowCells{cells: cells, ok: true}})
		}
		if len(got) != len(rows) || !t3HoldsBut(got, off) {
			continue
		}
		if only != nil {
			return nil, -2 // two readings hold: no telling which
		}
		only, bad = got, off
	}
	return only, bad
}

// streamNumbers are the numbers (and marks for none) standing alone as words
// in lines lo+1:hi, in order; not ok unless there are exactly want. A number
// on a line with words, or first or last of a run of lines of numbers only,
// is stray.
func (p *parser) streamNumbers(lo, hi, want int) ([]streamTok, bool) {
	var toks []streamTok
	run := false // the last piece was numbers only
	piece := func(text string, no int) bool {
		fs := strings.Fields(text)
		if len(fs) == 0 {
			return true
		}
		words, first := false, len(toks)
		for _, f := range fs {
			if v, ok := streamValue(f); ok {
				if toks = append(toks, streamTok{s: f, v: v, line: no}); len(toks) > want {
					return false
				}
				continue
			}
			words = true
		}
		switch {
		case !words && !run:
			toks[first].stray = true // a run's first, after words
			run = true
		case words:
			if run && first > 0 {
				toks[first-1].stray = true // a run's last, before words
			}
			for k := first; k < len(toks); k++ {
				toks[k].stray = true
			}
			run = false
		}
		return true
	}
	for i := max(lo+1, 0); i < hi && i < len(p.lines); i++ {
		l := p.lines[i]
		// a line joined from lines of one cell each (joinCellLines) is
		// read as those lines
		if l.Fields != nil && l.OneEach {
			for _, f := range l.Fields {
				if !piece(f, l.No) {
					return nil, false
				}
			}
			continue
		}
		if !piece(l.Text, l.No) {
			return nil, false
		}
	}
	if run && len(toks) > 0 {
		toks[len(toks)-1].stray = true
	}
	return toks, len(toks) == want
}

// streamValue reads a word that is a whole cell: ASCII digits, or a mark for
// none (— / 无), which counts 0.
func streamValue(f string) (int64, bool) {
	if isPlaceholder(f) {
		return 0, true
	}
	if f == "" || len(f) > 9 || !allASCIIDigits(f) {
		return 0, false
	}
	v, err := strconv.ParseInt(f, 10, 64)
	return v, err == nil
}

// search returns the readings from k on, each as the index of its first row
// (-1: nothing left to read), at most displacedCap of them; over is set when
// the cap or the step budget is passed.
func (d *displaced) search(k displacedKey) []int32 {
	if got, ok := d.memo[k]; ok {
		return got
	}
	if d.steps++; d.steps > displacedSteps {
		d.over = true
	}
	if d.over {
		return nil
	}
	var out []int32
	add := func(ids []int32) {
		// each reading passed on is work too: a crafted text must not
		// make many points pass many readings
		if d.steps += len(ids); d.steps > displacedSteps {
			d.over = true
			return
		}
		for _, id := range ids {
			if !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
		if len(out) > displacedCap {
			d.over = true
		}
	}
	i, n := int(k.i), len(d.toks)
	if int(k.r) == d.nrows && i == n && k.npend == 0 {
		out = append(out, -1)
	}
	// the number here is one a row left for later
	if i < n && (d.toks[i].stray || d.broad && d.toks[i].v != 0) {
		if j := slices.Index(k.pending[:k.npend], d.toks[i].v); j >= 0 {
			next := k
			copy(next.pending[j:], next.pending[j+1:k.npend])
			next.npend--
			next.pending[next.npend] = 0
			next.i++
			add(d.search(next))
		}
	}
	if int(k.r) < d.nrows && !d.over {
		if int(k.ncur) == NumCols {
			d.endRow(k, add)
		} else {
			if i < n {
				next := k
				next.cur[next.ncur] = int16(i)
				next.ncur++
				next.i++
				add(d.search(next))
			}
			if !slices.Contains(k.cur[:k.ncur], -1) && int(k.npend) < displacedMaxPending && (!d.broad || int(k.ncur) == ColTotal) {
				next := k
				next.cur[next.ncur] = -1
				next.ncur++
				add(d.search(next))
			}
		}
	}
	d.memo[k] = out
	return out
}

// endRow closes the row of k's seven cells: it must add up, the cell left
// for later taking what makes it add up (and waiting for that number).
func (d *displaced) endRow(k displacedKey, add func([]int32)) {
	var cells [NumCols]string
	var vals [NumCols]int64
	left := -1
	for c, t := range k.cur {
		if t < 0 {
			left = c
			continue
		}
		cells[c], vals[c] = d.toks[t].s, d.toks[t].v
	}
	next := k
	next.r++
	next.ncur = 0
	next.cur = [NumCols]int16{}
	if left >= 0 {
		var x int64
		if left == NumCols-1 {
			for _, v := range vals[:NumCols-1] {
				x += v
			}
		} else {
			x = vals[NumCols-1]
			for c, v := range vals[:NumCols-1] {
				if c != left {
					x -= v
				}
			}
			if x < 0 {
				return
			}
		}
		vals[left], cells[left] = x, strconv.FormatInt(x, 10)
		if x == 0 {
			cells[left] = d.zero
		}
		next.pending[next.npend] = x
		next.npend++
		slices.Sort(next.pending[:next.npend])
	} else if !sumsUp(vals[:]) {
		if !d.allowBad || k.bad {
			return
		}
		next.bad = true
	}
	rests := d.search(next)
	ids := make([]int32, 0, len(rests))
	for _, rest := range rests {
		row := displacedRow{vals: vals, next: rest}
		id, ok := d.ids[row]
		if !ok {
			id = int32(len(d.rows))
			d.rows = append(d.rows, row)
			d.cells = append(d.cells, cells)
			d.ids[row] = id
		}
		ids = append(ids, id)
	}
	add(ids)
}

// t3RowsUnread says 表三 was found and a row of it left unread (every cell
// null, and said so).
func (p *parser) t3RowsUnread() bool {
	if _, ok := p.heads["3"]; !ok {
		return false
	}
	if p.r.Meta.Unreadable["3"] {
		return true
	}
	for _, f := range p.r.Meta.Parse {
		if (f.Rule == "PARSE.TABLE" || f.Rule == "PARSE.AMBIGUOUS") && strings.HasPrefix(f.Cell, "applications") {
			return true
		}
	}
	return false
}

// t3MostlyEmpty says 表三 is there (its heading found) and most of its
// rows read no number (all but a row's few, read from a stray line).
func (p *parser) t3MostlyEmpty() bool {
	if _, ok := p.heads["3"]; !ok {
		return false
	}
	rows := p.r.Format.T3Rows()
	empty := 0
	for _, row := range rows {
		if p.r.Applications[row.Key] == (Row{}) {
			empty++
		}
	}
	return 2*empty > len(rows)
}

// setT3Reading sets 表三 to a reading of every row, read whole from the
// numbers of the lines from lo on (t3ReadWhole).
func (p *parser) setT3Reading(rows []T3Row, reading [][NumCols]int64, lo int) {
	p.t3ReadWhole()
	for i, row := range rows {
		var v Row
		for c, x := range reading[i] {
			v[c] = N(x)
		}
		p.r.Applications[row.Key] = v
		p.r.setLine(row.Key, p.lines[lo].No)
	}
}

// t3ReadWhole marks 表三 read whole from its numbers apart from its labels:
// what was said of its rows read by their labels is moot.
func (p *parser) t3ReadWhole() {
	r := p.r
	r.Meta.Parse = slices.DeleteFunc(r.Meta.Parse, func(f Finding) bool { return strings.HasPrefix(f.Cell, "applications") })
	for c := range r.Meta.Ambiguous {
		if strings.HasPrefix(c, "applications") {
			delete(r.Meta.Ambiguous, c)
		}
	}
	r.Meta.Tables["3"] = true
	delete(r.Meta.Unreadable, "3")
	// (a line of numbers whose label matched no row is among the numbers
	// read: not a row the report added, nor numbers lost, droppedNumbers)
	p.dropped3 = droppedLine{}
}
