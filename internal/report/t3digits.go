package report

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
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
// where it ends, and its cells; turned, read from its two pieces the
// second first (digitCutter.pieces).
type digitRowCut struct {
	end    int
	cells  [NumCols]int64
	turned bool
}

// tableDigits are the digits of 表三's text in order, with each run (for
// the message) and whether words (not only white space) stand before each
// digit since the one before it: runs that are an item's number (1. before
// its label, the last digit of "00000001.属于…") or part of a date, a
// page's number or a title's year (12/5/26, 5:16, 3/4, 2020年, 第45局) left
// out, as words.
func tableDigits(text string) (string, []string, []bool) {
	var b strings.Builder
	var runs []string
	var afterWords []bool
	words := false // since the last digit kept
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && !isASCIIDigit(c) {
			words = words || !asciiSpace(c)
			i++
			continue
		} else if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(text[i:])
			words = words || !unicode.IsSpace(r)
			i += n
			continue
		}
		j := i
		for j < len(text) && isASCIIDigit(text[j]) {
			j++
		}
		run := cellRun(text, i, j)
		if run != "" {
			afterWords = append(afterWords, words)
			for range len(run) - 1 {
				afterWords = append(afterWords, false)
			}
			b.WriteString(run)
			runs = append(runs, run)
		}
		words = len(run) < j-i // (what is left out is no cell's)
		i = j
	}
	return b.String(), runs, afterWords
}

// cellRun is what of the run of digits text[i:j] may be a table's cells:
// none of a year (a title's 2020年; not a row's digits before the merged 三、
// 本 / 年度办: 0203106年度办), a date, a time, a page's number or an
// address (file:///…/r021.html3/4; a row's before it, "…0000000file:///",
// are cells; a page's number between dashes, —2—, is none), and not the
// item's number glued after a row's digits ("00000001.属于…").
func cellRun(text string, i, j int) string {
	run := text[i:j]
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[j:])
	letter := before < utf8.RuneSelf && isASCIILetter(byte(before)) // (an address's end, html: asked first)
	switch {
	case after != '/' && letter && hasPageSuffix(text[:i]):
		// the cells of a page's last rows glued after the browser's address
		// at its foot, its page's number left out already (…物file:///…/
		// 000.html000000…000 7/9)
		return run
	case len(run) > 1 && after == '/' && letter && hasPageSuffix(text[:i]) && (len(text) == j+1 || !isASCIIDigit(text[j+1]) || len(text) == j+2 || !isASCIIDigit(text[j+2]) || printedDateRe.MatchString(text[j+2:])):
		// and before the page's number of fewer than ten pages (the count
		// one digit, or already left out), the next page's printed date
		// perhaps glued after it (…/000.html000000…0007/9, …0006/912/5/26,
		// 10:05 AM, …0006/): the number is the last digit
		return run[:len(run)-1]
	case after == '年' && len(run) == 4 && (strings.HasPrefix(run, "19") || strings.HasPrefix(run, "20")),
		(after == '月' || after == '日') && len(run) <= 2,
		strings.ContainsRune("/:：-—–－", before) || strings.ContainsRune("/:：页—–－", after) || before == '第',
		letter:
		return ""
	case strings.ContainsRune(".．、", after):
		return run[:len(run)-1]
	}
	return run
}

// hasPageSuffix says t ends with a web page's file suffix (.html, .htm,
// .shtml, .jsp, .php, .asp, .aspx): a printed address's end.
func hasPageSuffix(t string) bool {
	for _, x := range []string{".html", ".htm", ".shtml", ".jsp", ".php", ".asp", ".aspx"} {
		if strings.HasSuffix(t, x) {
			return true
		}
	}
	return false
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
	// pieces, when set, are the digits with words before them (tableDigits'
	// afterWords): a row may then also be two pieces of digits with words
	// between, read the second first (readTurnedPieces)
	pieces []bool
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
	cuts, ok := c.cutsOf(c.d, i)
	if !ok {
		return nil, false
	}
	if c.pieces != nil && c.sixTo < 0 && i < len(c.d) && (i == 0 || c.pieces[i]) {
		// the piece from i and the one after it, the second first
		b := i + 1
		for b < len(c.d) && !c.pieces[b] {
			b++
		}
		e := b + 1
		for e < len(c.d) && !c.pieces[e] {
			e++
		}
		if b < len(c.d) && e-i <= NumCols*digitsCellLen {
			t := c.d[b:e] + c.d[i:b]
			turned, ok := c.cutsOf(t, 0)
			if !ok {
				return nil, false
			}
			for _, x := range turned {
				if x.end != len(t) {
					continue // (the two pieces whole, no more)
				}
				x.end, x.turned = e, true
				if !slices.ContainsFunc(cuts, func(y digitRowCut) bool { return y.end == x.end && y.cells == x.cells }) {
					cuts = append(cuts, x)
				}
			}
		}
	}
	c.memo[i] = cuts
	return cuts, true
}

// cutsOf are the cuts of a row from i of the digits d that add up (at's).
func (c *digitCutter) cutsOf(d string, i int) ([]digitRowCut, bool) {
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
			n := decimalDigits(sum)
			if j+n <= len(d) && (n == 1 || d[j] != '0') && digitsValue(d[j:j+n]) == sum {
				cells[ColTotal] = sum
				cuts = append(cuts, digitRowCut{end: j + n, cells: cells})
			}
			return true
		}
		var v int64
		for n := 1; n <= digitsCellLen && j+n <= len(d); n++ {
			if n > 1 && d[j] == '0' {
				break
			}
			v = v*10 + int64(d[j+n-1]-'0')
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
	d, runs, afterWords := tableDigits(text.String())
	if laidOut(text.String()) {
		afterWords = nil // (a row's pieces are its lines, top to bottom)
	}
	rows := r.Format.T3Rows()
	if len(d) < len(rows)*NumCols || len(d) > digitsMaxLen {
		return false
	}
	cutter := newDigitCutter(d, -1)
	var found []digitReading
	bad := 0 // rows not adding up in the readings tried
	w := digitWalk{rows: rows, d: d, ways: digitWays(len(rows), len(d)),
		cuts: func(_, i int) ([]digitRowCut, bool) { return cutter.at(i) },
		wild: func(int) bool { return true },
		stop: func() bool { return len(found) > digitsMaxWays },
		found: func(reading [][NumCols]int64, wild int) {
			found = append(found, digitReading{cells: slices.Clone(reading), wrong: wild, moved: -1})
		},
	}
	// the ways to cut rows k on from digit i to the end, with b rows not
	// adding up among them (0 or 1), counted up to a cap
	if !w.fill() {
		return false
	}
	ways := w.ways
	if ways[0][0][0] == 0 && afterWords != nil && p.readTurnedPieces(lo, d, runs, afterWords, rows) {
		return true
	}
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
	found = slices.DeleteFunc(found, func(got digitReading) bool { return !p.agreesWithRead(rows, got.cells) })
	if len(found) == 0 {
		if ways[0][0][0] > 0 && afterWords != nil && p.readTurnedPieces(lo, d, runs, afterWords, rows) {
			return true // (cuts that add up as the digits stand, by chance)
		}
		return p.readDisplacedTotal(lo, d, runs, rows)
	}
	return p.setDigitReadings(lo, d, runs, afterWords, rows, found)
}

// digitReading is a reading of 表三's digits in order: its rows' cells, the
// row that adds up in no cut (the report's error; -1 for none), the row
// whose 总计 stands after the other digits (readDisplacedTotal; -1 for none)
// and the rows read from two pieces the second first (readTurnedPieces).
type digitReading struct {
	cells        [][NumCols]int64
	wrong, moved int
	turned       []int
}

// readTurnedPieces reads 表三 from its digits in order (readDigitsInOrder)
// where no cut adds up row by row as they stand, but exactly one reading
// holds the table's columns (or, with one row that adds up in no cut, breaks
// them only by that row's one wrong cell: the report's error) with one or
// more rows read from two pieces of digits with words between them, the
// second first: pdftotext's default text of a browser's print puts a
// wrapped row's last cells, a cell to a line, before its label's line with
// the first ones, and a page run into one line glues them ("…缴纳011他处理
// 费用、…政府信息 0 0 0 0公开申请" for 0 0 0 0 0 1 1). Several readings: the
// usual ones are looked for instead.
func (p *parser) readTurnedPieces(lo int, d string, runs []string, afterWords []bool, rows []T3Row) bool {
	cutter := newDigitCutter(d, -1)
	cutter.pieces = afterWords
	var found []digitReading
	turned := make([]bool, len(rows))
	w := digitWalk{rows: rows, d: d, ways: digitWays(len(rows), len(d)), turned: turned,
		cuts: func(_, i int) ([]digitRowCut, bool) { return cutter.at(i) },
		wild: func(int) bool { return true },
		stop: func() bool { return len(found) > 1 },
		found: func(reading [][NumCols]int64, wild int) {
			var ks []int
			for k, t := range turned {
				if t && k != wild {
					ks = append(ks, k)
				}
			}
			found = append(found, digitReading{cells: slices.Clone(reading), wrong: wild, moved: -1, turned: ks})
		},
	}
	if !w.fill() {
		return false
	}
	// clean readings first, then with a row in error where none holds
	for bad := range 2 {
		n := w.ways[0][0][bad]
		if n > digitsMaxWays || len(found) > 0 {
			break
		}
		if n > 0 {
			w.run(bad)
		}
	}
	if len(found) != 1 || len(found[0].turned) == 0 || !p.agreesWithRead(rows, found[0].cells) {
		return false
	}
	return p.setDigitReadings(lo, d, runs, afterWords, rows, found)
}

// setDigitReadings reads 表三 from the readings of its digits in order found,
// and says so: one reading whole; several (the table's columns cannot tell
// 11 0 from 1 10 where two columns move together), the cells they agree on,
// when they agree on the row in error and on the row whose 总计 moved, and
// read a cell the usual reading left unread. It says whether it read.
//
// A row in error whose digits stand in pieces apart, words between them
// (afterWords: tableDigits'; nil for a laid-out text, whose pieces of a row
// are its lines top to bottom), is left unread: pdftotext's default text
// may put a wrapped row's last cells before its first ("…缴纳100他处理
// 费用、…政府信息 0 0 0 0公开申请", 0 0 0 0 1 0 0 on the page), and a row that
// adds up in no cut has no sum to tell the order of its pieces by. Where
// its numbers add up in no order, its error is said.
func (p *parser) setDigitReadings(lo int, d string, runs []string, afterWords []bool, rows []T3Row, found []digitReading) bool {
	if len(found) == 0 || len(found) > digitsMaxWays {
		return false
	}
	first := found[0]
	cells := make([][][NumCols]int64, len(found))
	for i, f := range found {
		if f.wrong != first.wrong || f.moved != first.moved || f.wrong >= 0 && f.cells[f.wrong] != first.cells[f.wrong] {
			return false // (where the report's error is, unknown)
		}
		cells[i] = f.cells
	}
	if len(found) > 1 && !p.digitsReadMore(rows, cells) {
		return false // (the same cells unread as by the rows' own readings, said row by row)
	}
	split := -1 // the row in error, its pieces' order unknown
	if len(found) == 1 && first.wrong >= 0 && first.moved < 0 {
		at := 0
		for _, cells := range first.cells[:first.wrong] {
			at += rowDigits(cells)
		}
		if inPieces(first.cells[first.wrong], afterWords, at) {
			split = first.wrong
		}
	}
	p.t3ReadWhole()
	var amb []string
	for k, row := range rows {
		if k == split {
			for c := range NumCols {
				p.ambiguous(t3Cell(row.Key, c))
			}
			continue
		}
		var v Row
		for c, x := range first.cells[k] {
			same := true
			for _, o := range found[1:] {
				same = same && o.cells[k][c] == x
			}
			if same {
				v[c] = N(x)
				continue
			}
			p.ambiguous(t3Cell(row.Key, c))
			amb = append(amb, "“"+row.Group+row.Label+"”"+T3ColumnLabels[c])
		}
		p.r.Applications[row.Key] = v
		if first.moved >= 0 {
			p.r.setLine(row.Key, p.lines[lo].No)
		}
	}
	which := "按表三的行序把这 " + strconv.Itoa(len(d)) + " 位数字依次拆成 " + strconv.Itoa(len(rows)) + " 行"
	if len(first.turned) > 0 {
		var names []string
		for _, k := range first.turned {
			names = append(names, "“"+rows[k].Group+rows[k].Label+"”")
		}
		which += "（其中" + strings.Join(names, "、") + "的数字在原文中分在行名前后两处、后几栏排在前面，按后一处在前读取）"
	}
	if first.moved >= 0 {
		total := "（" + strconv.FormatInt(first.cells[first.moved][ColTotal], 10) + "）"
		if slices.Contains(amb, "“"+rows[first.moved].Group+rows[first.moved].Label+"”"+T3ColumnLabels[ColTotal]) {
			total = ""
		}
		which = "“" + rows[first.moved].Group + rows[first.moved].Label + "”的总计" + total + "排在表三其他数字之后：按表三的行序把其余数字依次拆成各行"
	}
	var how string
	switch wrong := first.wrong; {
	case len(found) == 1 && wrong < 0:
		how = "只有一种拆法使每行都满足“总计 = 六类申请人之和”、表三各栏的勾稽关系也成立，按此读取"
	case len(found) == 1 && wrong == split:
		how = "没有一种拆法使每行都满足“总计 = 六类申请人之和”；只有一种拆法除“" + rows[wrong].Group + rows[wrong].Label + "”一行外每行都满足，按此读取。那一行的数字在原文中分在几处，转换后的先后不一定是原表的次序，又不能用本行之和核对，该行记为空"
	case len(found) == 1:
		how = "没有一种拆法使每行都满足“总计 = 六类申请人之和”；只有一种拆法除“" + rows[wrong].Group + rows[wrong].Label + "”一行外每行都满足，那一行按其他各行的勾稽关系推算拆分，只差一栏（报告本身的错误），按此读取"
	case wrong < 0:
		how = "有 " + strconv.Itoa(len(found)) + " 种拆法都使每行满足“总计 = 六类申请人之和”、各栏的勾稽关系也都成立"
	default:
		how = "没有一种拆法使每行都满足“总计 = 六类申请人之和”；有 " + strconv.Itoa(len(found)) + " 种拆法除“" + rows[wrong].Group + rows[wrong].Label + "”一行外每行都满足，那一行在各种拆法中相同，按其他各行的勾稽关系推算拆分，只差一栏（报告本身的错误）"
	}
	if len(found) > 1 {
		if len(amb) > 6 {
			amb = append(amb[:6:6], "等")
		}
		p.warn("PARSE.AMBIGUOUS", "applications", p.lines[lo].No, "表三的数字在原文中与行名分开、成块连在一起（PDF 转换的文字顺序：%s），%s，%s：它们一致的单元格按此读取，%s无法确定，记为空，请对照原文核对",
			digitsShown(runs), which, how, strings.Join(amb, "、"))
		return true
	}
	p.warn("PARSE.READ", "applications", p.lines[lo].No, "表三的数字在原文中与行名分开、成块连在一起（PDF 转换的文字顺序：%s），%s，%s，请对照原文核对",
		digitsShown(runs), which, how)
	if split >= 0 && !addsUpInSomeOrder(first.cells[split]) {
		var shown []string
		for _, x := range first.cells[split] {
			shown = append(shown, strconv.FormatInt(x, 10))
		}
		p.warn("T3.ROWSUM", t3Cell(rows[split].Key, ColTotal), p.lines[lo].No, "表三“%s%s”的 7 个数（%s）在原文中分在几处、先后无法确定，但无论怎样排列，六类申请人之和都不等于总计",
			rows[split].Group, rows[split].Label, strings.Join(shown, " "))
	}
	return true
}

// inPieces says a row's cells, written from digit at of a table's digits,
// stand in two pieces or more, words between them (afterWords: tableDigits').
func inPieces(cells [NumCols]int64, afterWords []bool, at int) bool {
	for c, x := range cells {
		if c > 0 && at < len(afterWords) && afterWords[at] {
			return true
		}
		at += decimalDigits(x)
	}
	return false
}

// laidOut says a text is pdftotext -layout's: its table's numbers set
// apart by runs of three spaces or more (ten such at least, fewer than a
// laid-out 表三 of 25 rows has), which its default text does not write (a
// space between two cells on a line; two where a blank line was taken out).
func laidOut(t string) bool {
	n := 0
	for i := 0; i < len(t); i++ {
		if !isASCIIDigit(t[i]) {
			continue
		}
		j := i + 1
		for j < len(t) && t[j] == ' ' {
			j++
		}
		if j-i > 3 && j < len(t) && isASCIIDigit(t[j]) {
			if n++; n >= 10 {
				return true
			}
		}
		i = j - 1
	}
	return false
}

// rowDigits is how many digits a row's cells take written out.
func rowDigits(cells [NumCols]int64) int {
	n := 0
	for _, x := range cells {
		n += decimalDigits(x)
	}
	return n
}

// decimalDigits is how many digits a count takes written out.
func decimalDigits(x int64) int {
	n := 1
	for ; x >= 10; x /= 10 {
		n++
	}
	return n
}

// addsUpInSomeOrder says one of a row's numbers is the sum of the others:
// set in some order, the row adds up.
func addsUpInSomeOrder(cells [NumCols]int64) bool {
	var sum int64
	for _, x := range cells {
		sum += x
	}
	return slices.ContainsFunc(cells[:], func(x int64) bool { return 2*x == sum })
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
// do not add up. total, when not -1, is the row's 总计 standing elsewhere
// (readDisplacedTotal): d is then its six other cells.
func cutsNear(d string, want [NumCols]int64, total int64) [][NumCols]int64 {
	var out [][NumCols]int64
	var cells [NumCols]int64
	near := func(v int64, n, k int, missed bool) bool {
		return v == want[k] || !missed && want[k] >= 0 && n == len(strconv.FormatInt(want[k], 10))
	}
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
		if k == ColTotal && total >= 0 {
			if near(total, len(strconv.FormatInt(total, 10)), k, missed) {
				cells[k] = total
				rec(j, k+1, missed || total != want[k])
			}
			return
		}
		left := NumCols - 1 - k // the cells after this one, each a digit at least
		if total >= 0 {
			left--
		}
		for n := 1; n <= digitsCellLen+1 && j+n <= len(d)-left; n++ {
			if n > 1 && d[j] == '0' {
				break
			}
			v, _ := strconv.ParseInt(d[j:j+n], 10, 64)
			if near(v, n, k, missed) {
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
// every other row adding up, or, with no such reading, one row (that one
// too) in error; the readings that hold the columns are read as
// setDigitReadings does (no row read before may differ, as
// readDigitsInOrder).
func (p *parser) readDisplacedTotal(lo int, d string, runs []string, rows []T3Row) bool {
	var found []digitReading
	// every row adding up first; then one that adds up in no cut (the
	// report's error, the moved row too), cut as the columns want it but
	// for one cell
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
					wild: func(int) bool { return bad },
					total: func(k int) int64 {
						if k == moved {
							return total
						}
						return -1
					},
					stop: func() bool { return len(found) > digitsMaxWays },
					found: func(reading [][NumCols]int64, wild int) {
						found = append(found, digitReading{cells: slices.Clone(reading), wrong: wild, moved: moved})
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
				if len(found) > digitsMaxWays {
					return false
				}
			}
		}
	}
	// (no row read before may differ, as readDigitsInOrder)
	found = slices.DeleteFunc(found, func(got digitReading) bool { return !p.agreesWithRead(rows, got.cells) })
	return p.setDigitReadings(lo, d, runs, nil, rows, found)
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
	rows []T3Row
	d    string
	ways [][][2]int
	cuts func(k, i int) ([]digitRowCut, bool)
	wild func(k int) bool
	// total, when set, is row k's 总计 standing after the table's digits
	// (readDisplacedTotal: that row is six cells here), or -1
	total func(k int) int64
	stop  func() bool
	found func(reading [][NumCols]int64, wild int)
	// turned, when set, says of each row whether the reading being found
	// read it from two pieces the second first (digitRowCut.turned)
	turned []bool
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
				// digits, seven cells' worth (six with its 总计 elsewhere),
				// cut later by the columns
				lo, hi := w.wildSpan(k, i)
				for end := lo; end <= hi; end++ {
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
			for _, cells := range cutsNear(w.d[wildAt:wildEnd], expectedRow(w.rows, reading, wild), w.totalOf(wild)) {
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
				if w.turned != nil {
					w.turned[k] = c.turned
				}
				walk(k+1, c.end, b)
			}
		}
		if b == 1 && w.wild(k) {
			lo, hi := w.wildSpan(k, i)
			for end := lo; end <= hi; end++ {
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

// totalOf is row k's 总计 standing elsewhere, or -1.
func (w *digitWalk) totalOf(k int) int64 {
	if w.total == nil {
		return -1
	}
	return w.total(k)
}

// wildSpan are the ends of row k's digits from i taken as a row in error:
// a digit to digitsCellLen a cell.
func (w *digitWalk) wildSpan(k, i int) (int, int) {
	cells := NumCols
	if w.totalOf(k) >= 0 {
		cells--
	}
	return i + cells, min(len(w.d), i+cells*digitsCellLen)
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
