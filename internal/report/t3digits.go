package report

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A page run into one line whose PDF text gave a table's numbers in blocks
// apart from its labels (pdftotext's default text of LibreOffice's PDF: the
// labels of a few rows, then their numbers one to a line; run together,
// "…（一）予以公开年度办理结果商业企业…总计其他081340160000000020310600000000000000
// （二）部分公开…") leaves 表三's digits glued across rows, most rows without
// numbers beside their labels. The digits are still in the table's order:
// taken together they cut into the format's rows, seven cells each, and a
// row's 总计 must be the sum of its other six, which fixes the cut almost
// everywhere. readDigitsInOrder reads 表三 so when the usual reading left
// rows unread and exactly one cut of all its digits into its rows adds up
// row by row and holds the table's columns (or, with no such cut, exactly
// one does with one row that adds up in no cut, cut as the other rows'
// columns want it but for one cell: the report's own error), agreeing with
// every row the usual reading read; where two cuts hold, the cells they
// agree on; where none, one row's 总计 may stand after all the other digits
// (readDisplacedTotal).

// digitsCellLen bounds a count's digits; digitsMaxLen the digits taken (a
// table of 26 rows of five-digit counts has fewer); digitsSteps a cutter's
// work, so that a crafted text stays short (milliseconds); digitsMaxWays the
// readings counted and weighed.
const (
	digitsCellLen = 5
	digitsMaxLen  = 26 * NumCols * digitsCellLen
	digitsSteps   = 400000
	digitsMaxWays = 64
)

// digitRowCut is a row cut from the digits from some point that adds up:
// where it ends, and its cells.
type digitRowCut struct {
	end   int
	cells [NumCols]int64
}

// tableDigits are the digits of 表三's text in order, with where each run
// starts (for the message): runs that are an item's number (1. before its
// label, the last digit of "00000001.属于…") or part of a date, a page's
// number or a title's year (12/5/26, 5:16, 3/4, 2020年, 第45局) left out.
func tableDigits(text string) (string, []string) {
	var b strings.Builder
	var runs []string
	for i := 0; i < len(text); {
		if !isASCIIDigit(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isASCIIDigit(text[j]) {
			j++
		}
		run := text[i:j]
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[j:])
		switch {
		case after == '年' && len(run) == 4 && (strings.HasPrefix(run, "19") || strings.HasPrefix(run, "20")):
			run = "" // a year (a title's 2020年); not a row's digits before the merged 三、本 / 年度办 (0203106年度办, 2302007年度办)
		case (after == '月' || after == '日') && len(run) <= 2:
			run = ""
		case strings.ContainsRune("/:：-—–－", before) || strings.ContainsRune("/:：页—–－", after) || before == '第',
			before < utf8.RuneSelf && isASCIILetter(byte(before)):
			// (an address's digits too: file:///…/r021.html3/4; a row's
			// before it, "…0000000file:///", are cells; a page's number
			// between dashes, —2—, is none)
			run = ""
		case strings.ContainsRune(".．、", after):
			run = run[:len(run)-1] // an item's number glued after the row's digits
		}
		if run != "" {
			b.WriteString(run)
			runs = append(runs, run)
		}
		i = j
	}
	return b.String(), runs
}

// digitsValue is the value of a few ASCII digits.
func digitsValue(d string) int64 {
	var v int64
	for i := 0; i < len(d); i++ {
		v = v*10 + int64(d[i]-'0')
	}
	return v
}

// digitCutter finds the cuts of one row from each point of the digits, once.
type digitCutter struct {
	d     string
	memo  map[int][]digitRowCut
	steps int
	// sixTo, when not -1, is the 总计 of rows of six cells that add up to
	// it, their 总计 standing elsewhere (readDisplacedTotal)
	sixTo int64
}

func newDigitCutter(d string, sixTo int64) *digitCutter {
	return &digitCutter{d: d, memo: map[int][]digitRowCut{}, sixTo: sixTo}
}

// at are the cuts of a row from i that add up: six counts of one to
// digitsCellLen digits (0 alone, no other count starting with 0) and their
// sum after them (or, with sixTo, six adding up to it). false when the work
// allowed is spent.
func (c *digitCutter) at(i int) ([]digitRowCut, bool) {
	if cuts, ok := c.memo[i]; ok {
		return cuts, true
	}
	var cuts []digitRowCut
	var cells [NumCols]int64
	var rec func(j, k int, sum int64) bool
	rec = func(j, k int, sum int64) bool {
		if c.steps++; c.steps > digitsSteps {
			return false
		}
		if c.sixTo >= 0 {
			switch {
			case sum > c.sixTo:
				return true
			case k == ColTotal:
				if sum == c.sixTo {
					cells[ColTotal] = sum
					cuts = append(cuts, digitRowCut{end: j, cells: cells})
				}
				return true
			}
		}
		if k == ColTotal {
			// the sum written next, compared without making its text
			n := 1
			for x := sum; x >= 10; x /= 10 {
				n++
			}
			if j+n <= len(c.d) && (n == 1 || c.d[j] != '0') && digitsValue(c.d[j:j+n]) == sum {
				cells[ColTotal] = sum
				cuts = append(cuts, digitRowCut{end: j + n, cells: cells})
			}
			return true
		}
		var v int64
		for n := 1; n <= digitsCellLen && j+n <= len(c.d); n++ {
			if n > 1 && c.d[j] == '0' {
				break
			}
			v = v*10 + int64(c.d[j+n-1]-'0')
			cells[k] = v
			if !rec(j+n, k+1, sum+v) {
				return false
			}
		}
		return true
	}
	if !rec(i, 0, 0) {
		return nil, false
	}
	c.memo[i] = cuts
	return cuts, true
}

// readDigitsInOrder reads 表三 from all its digits in order (see above),
// for the rows of lines lo to hi; it says whether it did.
func (p *parser) readDigitsInOrder(lo, hi int) bool {
	r := p.r
	if lo < 0 || hi <= lo {
		return false
	}
	var text strings.Builder
	cut := 0 // the bytes of lines cut out of a page run into one line
	for _, l := range p.lines[lo:hi] {
		if l.Segmented {
			cut += len(l.Text)
		}
		text.WriteString(l.Text)
		text.WriteByte(' ')
	}
	if 2*cut < text.Len() {
		return false // (a page run into one line, or pages each one: form feeds kept)
	}
	d, runs := tableDigits(text.String())
	rows := r.Format.T3Rows()
	if len(d) < len(rows)*NumCols || len(d) > digitsMaxLen {
		return false
	}
	cutter := newDigitCutter(d, -1)
	var found [][][NumCols]int64
	wrong := -1 // the row that does not add up, in the reading found
	bad := 0    // rows not adding up in the readings tried
	w := digitWalk{rows: rows, d: d, ways: digitWays(len(rows), len(d)),
		cuts:  func(_, i int) ([]digitRowCut, bool) { return cutter.at(i) },
		wild:  func(int) bool { return true },
		stop:  func() bool { return len(found) > digitsMaxWays || bad > 0 && len(found) > 1 },
		found: func(reading [][NumCols]int64, wild int) { found, wrong = append(found, slices.Clone(reading)), wild },
	}
	// the ways to cut rows k on from digit i to the end, with b rows not
	// adding up among them (0 or 1), counted up to a cap
	if !w.fill() {
		return false
	}
	ways := w.ways
	if ways[0][0][0] == 0 {
		bad = 1
	}
	if ways[0][0][0] == 0 && ways[0][0][1] == 0 {
		// one row's 总计 after the table's other digits (a header's
		// 总计 cell set beside the first row: our PDF's text)
		return p.readDisplacedTotal(lo, d, runs, rows)
	}
	if n := ways[0][0][bad]; n > digitsMaxWays {
		return bad > 0 && p.readDisplacedTotal(lo, d, runs, rows)
	}
	// every reading, each kept when it holds the table; with a row that
	// does not add up, its digits cut as the other rows' columns want it,
	// in all but one cell (the wrong one), the columns then breaking no
	// more than that row does
	w.run(bad)
	// the rows the usual reading read stay as read
	found = slices.DeleteFunc(found, func(got [][NumCols]int64) bool { return !p.agreesWithRead(rows, got) })
	if len(found) == 0 {
		return p.readDisplacedTotal(lo, d, runs, rows)
	}
	if len(found) > digitsMaxWays || bad > 0 && len(found) > 1 {
		return false
	}
	if len(found) > 1 && !p.digitsReadMore(rows, found) {
		return false // (the same cells unread as by the rows' own readings, said row by row)
	}
	p.t3ReadWhole()
	// with several readings (the table's columns cannot tell 11 0 from
	// 1 10 where two columns move together), the cells they agree on
	var amb []string
	for k, row := range rows {
		var v Row
		for c, x := range found[0][k] {
			same := true
			for _, o := range found[1:] {
				same = same && o[k][c] == x
			}
			if same {
				v[c] = N(x)
				continue
			}
			p.ambiguous(t3Cell(row.Key, c))
			amb = append(amb, "“"+row.Group+row.Label+"”"+T3ColumnLabels[c])
		}
		r.Applications[row.Key] = v
	}
	shown := digitsShown(runs)
	how := "只有一种拆法使每行都满足“总计 = 六类申请人之和”、表三各栏的勾稽关系也成立"
	if wrong >= 0 {
		how = "没有一种拆法使每行都满足“总计 = 六类申请人之和”；只有一种拆法除“" + rows[wrong].Group + rows[wrong].Label + "”一行外每行都满足，那一行按其他各行的勾稽关系推算拆分，只差一栏（报告本身的错误）"
	}
	if len(found) > 1 {
		if len(amb) > 6 {
			amb = append(amb[:6:6], "等")
		}
		p.warn("PARSE.AMBIGUOUS", "applications", p.lines[lo].No, "表三的数字在原文中与行名分开、成块连在一起（PDF 转换的文字顺序：%s），按表三的行序把这 %d 位数字依次拆成 %d 行，有 %d 种拆法都使每行满足“总计 = 六类申请人之和”、各栏的勾稽关系也都成立：它们一致的单元格按此读取，%s无法确定，记为空，请对照原文核对",
			shown, len(d), len(rows), len(found), strings.Join(amb, "、"))
		return true
	}
	p.warn("PARSE.READ", "applications", p.lines[lo].No, "表三的数字在原文中与行名分开、成块连在一起（PDF 转换的文字顺序：%s），按表三的行序把这 %d 位数字依次拆成 %d 行，%s，按此读取，请对照原文核对",
		shown, len(d), len(rows), how)
	return true
}

// expectedRow is what 表三's columns want of row k, the other rows as read:
// an outcome the 总计 less the other outcomes, the 总计 the outcomes, 新收
// the 总计 and 结转下年度 less 上年结转, and so on (-1 where a column wants
// less than nothing).
func expectedRow(rows []T3Row, reading [][NumCols]int64, k int) [NumCols]int64 {
	var s t3Sums
	for i, row := range rows {
		if i != k {
			for c, x := range reading[i] {
				s.add(row.Kind, c, x)
			}
		}
	}
	var want [NumCols]int64
	for c := range NumCols {
		switch rows[k].Kind {
		case RowOutcome:
			want[c] = s.tot[c] - s.outcomes[c]
		case RowTotal:
			want[c] = s.outcomes[c]
		case RowNew:
			want[c] = s.tot[c] + s.fwd[c] - s.in[c]
		case RowCarriedIn:
			want[c] = s.tot[c] + s.fwd[c] - s.nw[c]
		case RowCarriedForward:
			want[c] = s.nw[c] + s.in[c] - s.tot[c]
		}
		want[c] = max(want[c], -1)
	}
	return want
}

// cutsNear are the cuts of a row's digits into seven counts (0 alone, no
// other count starting with 0) that are want in every cell but one, that
// one of as many digits as wanted (a count misprinted, not a digit more or
// less: a stray digit, or one lost, shifts the cut and fakes an error), and
// do not add up.
func cutsNear(d string, want [NumCols]int64) [][NumCols]int64 {
	var out [][NumCols]int64
	var cells [NumCols]int64
	var rec func(j, k int, missed bool)
	rec = func(j, k int, missed bool) {
		if len(out) > 1 {
			return
		}
		if k == NumCols {
			var sum int64
			for c := range ColTotal {
				sum += cells[c]
			}
			if j == len(d) && missed && sum != cells[ColTotal] {
				out = append(out, cells)
			}
			return
		}
		for n := 1; n <= digitsCellLen+1 && j+n <= len(d)-(NumCols-1-k); n++ {
			if n > 1 && d[j] == '0' {
				break
			}
			v, _ := strconv.ParseInt(d[j:j+n], 10, 64)
			if v == want[k] || !missed && want[k] >= 0 && n == len(strconv.FormatInt(want[k], 10)) {
				cells[k] = v
				rec(j+n, k+1, missed || v != want[k])
			}
		}
	}
	rec(0, 0, false)
	return out
}

// digitsReadMore says the cells that every reading found agrees on include
// one the usual reading left unread.
func (p *parser) digitsReadMore(rows []T3Row, found [][][NumCols]int64) bool {
	for k, row := range rows {
		v := p.r.Applications[row.Key]
		for c, x := range found[0][k] {
			if !v[c].Blank() && !p.r.ambiguous(t3Cell(row.Key, c)) {
				continue
			}
			same := true
			for _, o := range found[1:] {
				same = same && o[k][c] == x
			}
			if same {
				return true
			}
		}
	}
	return false
}

// readDisplacedTotal reads 表三 from its digits in order where one row's 总计
// stands after all the others' digits ("…一、本年新收…数量1470000二、…（七）总计
// 149000023200000221": 一's 21 last): each ending of one to three digits is
// tried as the 总计 of each row in turn, that row six cells adding up to it,
// every other row adding up; the one reading that holds the columns, the
// only one, is read (no row read before may differ, as readDigitsInOrder).
func (p *parser) readDisplacedTotal(lo int, d string, runs []string, rows []T3Row) bool {
	var found [][][NumCols]int64
	at, wrong := -1, -1 // the row whose 总计 is after the others; the row that adds up in no cut
	// every row adding up first; then one that adds up in no cut (the
	// report's error), cut as the columns want it but for one cell
	for _, bad := range []bool{false, true} {
		if len(found) > 0 {
			break
		}
		for L := 1; L <= 3 && L < len(d); L++ {
			tail := d[len(d)-L:]
			if L > 1 && tail[0] == '0' {
				continue
			}
			total := digitsValue(tail)
			body := d[:len(d)-L]
			cut, six := newDigitCutter(body, -1), newDigitCutter(body, total)
			for moved := range rows {
				w := digitWalk{rows: rows, d: body, ways: digitWays(len(rows), len(body)),
					cuts: func(k, i int) ([]digitRowCut, bool) {
						if k == moved {
							return six.at(i)
						}
						return cut.at(i)
					},
					wild: func(k int) bool { return bad && k != moved },
					stop: func() bool { return len(found) > 1 },
					found: func(reading [][NumCols]int64, wild int) {
						found, at, wrong = append(found, slices.Clone(reading)), moved, wild
					},
				}
				if !w.fill() || cut.steps+six.steps > digitsSteps {
					return false // (the cutters' steps count the cutting of every row tried, memoised)
				}
				b0 := 0
				if bad {
					b0 = 1
				}
				if w.ways[0][0][b0] == 0 || w.ways[0][0][b0] > digitsMaxWays {
					continue
				}
				w.run(b0)
				if len(found) > 1 {
					return false
				}
			}
		}
	}
	if len(found) != 1 {
		return false
	}
	got := found[0]
	if !p.agreesWithRead(rows, got) {
		return false
	}
	p.setT3Reading(rows, got, lo)
	how := "只有一种拆法使每行都满足“总计 = 六类申请人之和”、表三各栏的勾稽关系也成立"
	if wrong >= 0 {
		how = "没有一种拆法使每行都满足“总计 = 六类申请人之和”；只有一种拆法除“" + rows[wrong].Group + rows[wrong].Label + "”一行外每行都满足，那一行按其他各行的勾稽关系推算拆分，只差一栏（报告本身的错误）"
	}
	p.warn("PARSE.READ", "applications", p.lines[lo].No, "表三的数字在原文中与行名分开、成块连在一起（PDF 转换的文字顺序：%s），“%s%s”的总计（%d）排在表三其他数字之后：按表三的行序把其余数字依次拆成各行，%s，按此读取，请对照原文核对",
		digitsShown(runs), rows[at].Group, rows[at].Label, got[at][ColTotal], how)
	return true
}

// agreesWithRead says a reading of 表三 keeps every row the usual reading
// read whole (seven cells, none unread) as read.
func (p *parser) agreesWithRead(rows []T3Row, got [][NumCols]int64) bool {
	for k, row := range rows {
		v := p.r.Applications[row.Key]
		whole := true
		for c := range v {
			whole = whole && !v[c].Blank() && !p.r.ambiguous(t3Cell(row.Key, c))
		}
		if !whole {
			continue
		}
		for c := range v {
			if v[c].Val() != got[k][c] {
				return false
			}
		}
	}
	return true
}

// digitsShown are the table's runs of digits as a message quotes them.
func digitsShown(runs []string) string {
	shown := strings.Join(runs, " ")
	if utf8.RuneCountInString(shown) > 60 {
		shown = string([]rune(shown)[:60]) + "…"
	}
	return shown
}

// digitWalk goes through the readings of 表三's digits d that ways counts
// (ways[k][i][b]: the ways to cut rows k on from digit i with b rows that
// add up in no cut), each row cut by cuts or, where wild allows, as a row
// in error: its digits cut as the other rows' columns want them but for
// one cell (cutsNear). found gets each reading that holds the columns (with
// a row in error, breaking them no more than it does), until stop.
type digitWalk struct {
	rows  []T3Row
	d     string
	ways  [][][2]int
	cuts  func(k, i int) ([]digitRowCut, bool)
	wild  func(k int) bool
	stop  func() bool
	found func(reading [][NumCols]int64, wild int)
}

// fill counts w.ways row by row from the end; false when a cutter's work
// allowed is spent.
func (w *digitWalk) fill() bool {
	n := len(w.d)
	for k := len(w.rows) - 1; k >= 0; k-- {
		for i := 0; i <= n; i++ {
			if n-i < (len(w.rows)-k)*NumCols-1 {
				continue // (too few digits left: seven a row, six for one)
			}
			cuts, ok := w.cuts(k, i)
			if !ok {
				return false
			}
			for _, c := range cuts {
				for b := range 2 {
					w.ways[k][i][b] = min(w.ways[k][i][b]+w.ways[k+1][c.end][b], digitsMaxWays+1)
				}
			}
			if w.wild(k) {
				// a row that adds up in no cut (the report's error): its
				// digits, seven cells' worth, cut later by the columns
				for end := i + NumCols; end <= min(n, i+NumCols*digitsCellLen); end++ {
					w.ways[k][i][1] = min(w.ways[k][i][1]+w.ways[k+1][end][0], digitsMaxWays+1)
				}
			}
		}
	}
	return true
}

// run goes through the readings, starting with b rows in error (0 or 1).
func (w *digitWalk) run(b int) {
	reading := make([][NumCols]int64, len(w.rows))
	wild, wildAt, wildEnd := -1, 0, 0
	var walk func(k, i, b int)
	walk = func(k, i, b int) {
		if w.stop() {
			return
		}
		if k == len(w.rows) {
			if i != len(w.d) || b != 0 {
				return
			}
			if wild < 0 {
				if t3Holds(w.rows, reading) {
					w.found(reading, -1)
				}
				return
			}
			for _, cells := range cutsNear(w.d[wildAt:wildEnd], expectedRow(w.rows, reading, wild)) {
				reading[wild] = cells
				if t3BrokenColumns(w.rows, reading) <= 1 { // (the wrong cell's column at most)
					w.found(reading, wild)
				}
			}
			return
		}
		cuts, _ := w.cuts(k, i)
		for _, c := range cuts {
			if w.ways[k+1][c.end][b] > 0 {
				reading[k] = c.cells
				walk(k+1, c.end, b)
			}
		}
		if b == 1 && w.wild(k) {
			for end := i + NumCols; end <= min(len(w.d), i+NumCols*digitsCellLen); end++ {
				if w.ways[k+1][end][0] > 0 {
					wild, wildAt, wildEnd = k, i, end
					walk(k+1, end, 0)
					wild = -1
				}
			}
		}
	}
	walk(0, 0, b)
}

// digitWays is the table of ways to cut rows from each digit of n digits
// on, for rows rows: one way to cut no row from the end.
func digitWays(rows, n int) [][][2]int {
	ways := make([][][2]int, rows+1)
	for k := range ways {
		ways[k] = make([][2]int, n+1)
	}
	ways[rows][n][0] = 1
	return ways
}
