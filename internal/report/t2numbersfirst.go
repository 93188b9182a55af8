package report

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// pdftotext's default text of a narrow page (a browser's A5 print) gives
// each of 表二's rows its numbers before its label: an item's column
// headings, then "27 / 12 / 12 / 规章 / 33 / 28 / 11 / 规范性文件", a
// wrapped label's numbers between its pieces ("其他对外管理服 29 / 9 / 36 /
// 务事项", "行政规范性文 17 16 9 / 件"). Read as labels before numbers, every
// row would get the next row's. readT2NumbersFirst reads such a 表二 when
// every item shows it: in each, the first numbers come after its headings
// and before its first label, each label has exactly its row's numbers
// before it, and no number is left after the last label (but the rest of a
// last row whose later cells stand after their own headings, on the next
// page: "政府集中采购 / 采购总金额 26.31"); a last row whose numbers stand
// both sides of its label ("数量 19 / 行政事业性收费 25", 25 its first cell)
// is left unread, said, as is one whose later numbers follow its label with
// no heading of their own between. The same page run into one line is cut
// into the pieces its lines would have given (t2Pieces). Anything else is
// read as usual.
func (p *parser) readT2NumbersFirst(lo, hi int) bool {
	if lo < 0 || lo >= hi {
		return false
	}
	lines := p.lines[lo:hi]
	glued := false
	if lines[0].Segmented {
		// a page run into one line, cut at its headings: the same order,
		// a line's words and numbers apart ("…数量数量数量27 12 12" / "规章33
		// 28 11" / "规范性文件"); where no number stands a space from
		// another, a row's numbers may be one run of digits ("271212")
		glued = !slices.ContainsFunc(lines, func(l Line) bool { return digitsApart(l.Text) })
		lines = t2Pieces(lines, p.r.Format.T2Items())
	}
	return p.readT2NumbersFirstIn(lines, glued)
}

// readT2NumbersFirstIn is readT2NumbersFirst on lines; glued: lines cut
// out of a page run into one line with its numbers' spaces lost, where a
// row's numbers may be one run of digits ("271212 规章"), read only when
// each digit must be a cell, else unread, said.
func (p *parser) readT2NumbersFirstIn(lines []Line, glued bool) bool {
	r := p.r
	items := r.Format.T2Items()
	for _, l := range lines {
		// most texts give the first numbers beside a row's label: out
		// before anything is allocated
		if t := l.Text; strings.ContainsFunc(t, isDigit) && !hasText(t, "第二十条") {
			if rc := p.splitT2Label(l, 3); matchT2(norm(rc.label), items, 0) >= 0 {
				return false
			}
			break
		}
	}
	got := make([][]string, len(items))
	at := make([]int, len(items)) // the line of each row's label
	unsure := make([]bool, len(items))
	runs := make([]bool, len(items)) // a row's numbers one run of digits (glued)
	block := -1                      // the item's heading the lines are under: an index into items (its first row)
	var pending []string             // numbers waiting for the next label
	piece := ""                      // a wrapped label's words so far
	short := -1                      // the block's last row, short of its later cells
	headed := false                  // words (its later cells' headings) since the short row's label
	labels := 0                      // labels read in the block
	end := func() bool {
		// the block's end: its numbers all given, its rows all read
		if short >= 0 {
			if len(got[short])+len(pending) != len(items[short].Cells) {
				return false
			}
			got[short] = append(got[short], pending...)
			pending, short = nil, -1
		}
		if block < 0 {
			return len(pending) == 0 && piece == ""
		}
		for k, it := range items {
			if it.Item == items[block].Item && len(got[k]) != len(it.Cells) && !(runs[k] && len(got[k]) == 1) {
				return false
			}
		}
		return len(pending) == 0 && piece == ""
	}
	for n, l := range lines {
		t := trimSpace(l.Text)
		if t == "" || strings.Contains(t, "://") || pageOfPages(t) {
			continue // (a browser's address and page count at a page's foot)
		}
		if hasText(t, "第二十条") {
			if !end() {
				return false
			}
			block, labels = -1, 0
			for k, it := range items {
				if hasText(withoutSpaces(t), withoutSpaces(it.Item)) {
					block = k
					break
				}
			}
			if block < 0 {
				return false
			}
			continue
		}
		if block < 0 {
			if strings.ContainsFunc(t, isDigit) {
				return false // numbers before any item's heading
			}
			continue
		}
		rc := p.splitT2Label(l, 3)
		L := norm(rc.label)
		nums := rc.numbers()
		if L != "" {
			switch k := t2LabelPiece(items, block, piece+L); {
			case k >= 0:
				// a whole label: the numbers before it are its row's
				if len(got[k]) > 0 {
					return false
				}
				switch {
				case len(pending) == len(items[k].Cells):
				case len(pending) > 0 && len(pending)+len(nums) == len(items[k].Cells) && t2LastOfItem(items, k):
					// the item's last row, its numbers both sides of its
					// label ("数量 19 / 行政事业性收费 25", where 25 is the
					// first cell): which cell each is, unknown
					pending, nums = append(pending, nums...), nil
					unsure[k] = true
				case glued && len(pending) == 1 && len(items[k].Cells) > 1 && !slices.Contains(items[k].Money, true) && allDigits(pending[0]) && len(pending[0]) >= len(items[k].Cells):
					// (counts only: an amount's row may be short, its amount
					// after its own heading: "9 政府集中采购 … 采购总金额26.31")
					runs[k] = true
				case len(pending) > 0 && len(pending) < len(items[k].Cells) && t2LastOfItem(items, k) && len(nums) == 0:
					short, headed = k, false
				default:
					return false
				}
				got[k], at[k], pending, piece = pending, n, nil, ""
				labels++
			case k == -1:
				piece += L // the start of a wrapped label
			case piece != "" || labels == 0 && len(pending) > 0:
				// words amid a label, or between the first numbers and the
				// first label: no such text (after a short last row, its
				// later cells' headings: 采购总金额 / 26.31)
				return false
			default:
				headed = headed || short >= 0
			}
		}
		if len(nums) > 0 {
			if labels == 0 && piece == "" && L != "" && t2LabelPiece(items, block, L) != -2 {
				return false
			}
			pending = append(pending, nums...)
			if short >= 0 && len(got[short])+len(pending) == len(items[short].Cells) {
				// the short row's later cells all given: what follows is
				// the page's foot (4/9), not its numbers. Right after its
				// label, with no headings of their own between, they are
				// its numbers both sides of its label, as on one line
				// ("数量 19 行政事业性收费 25" run into one line): which cell
				// each is, unknown
				got[short] = append(got[short], pending...)
				unsure[short] = unsure[short] || !headed
				pending, short = nil, -1
			}
		}
	}
	if !end() {
		return false
	}
	for k := range items {
		if runs[k] && len(got[k]) == 1 && len(got[k][0]) == len(items[k].Cells) {
			// as many digits as cells: a digit a cell, the one cut
			got[k], runs[k] = strings.Split(got[k][0], ""), false
		}
		if len(got[k]) != len(items[k].Cells) && !runs[k] {
			return false
		}
	}
	var said []string
	for k, it := range items {
		r.setLine("proactive."+it.Key, lines[at[k]].No)
		if runs[k] {
			for _, c := range it.Cells {
				p.ambiguous(r.t2Prefix() + it.Key + "." + c)
			}
			p.warn("PARSE.AMBIGUOUS", r.t2Prefix()+it.Key, lines[at[k]].No, "表二“%s”的 %d 栏数字连在一起（“%s”，在行名之前），各栏的分界无法确定，该行记为空，请对照原文核对", it.Label, len(it.Cells), got[k][0])
			continue
		}
		if unsure[k] {
			for _, c := range it.Cells {
				p.ambiguous(r.t2Prefix() + it.Key + "." + c)
			}
			p.warn("PARSE.AMBIGUOUS", r.t2Prefix()+it.Key, lines[at[k]].No, "表二“%s”的数字在原文中分在行名前后（%s），无法确定各是哪一栏，该行记为空，请对照原文核对", it.Label, strings.Join(got[k], "、"))
			continue
		}
		p.fillT2(it, rowCells{cells: got[k], ok: true}, lines[at[k]])
		said = append(said, it.Label+" "+strings.Join(got[k], " "))
	}
	r.Meta.Tables["2"] = true
	p.warn("PARSE.READ", r.t2Prefix()[:len(r.t2Prefix())-1], lines[0].No, "表二每行的数字都排在行名之前（PDF 转换的文字顺序：各项的栏名之后先是数字、再是行名，最后一个行名之后没有数字），按行名之前的数字读取：%s", strings.Join(said, "；"))
	return true
}

// t2LabelPiece says what words s are among the rows of 表二 under block's
// item: the index of the row whose whole label they are, -1 for the start
// of one (a wrapped label's first line), -2 for none (a column's heading).
func t2LabelPiece(items []T2Item, block int, s string) int {
	start := false
	for k, it := range items {
		if it.Item != items[block].Item {
			continue
		}
		switch L := norm(it.Label); {
		case L == s:
			return k
		case strings.HasPrefix(L, s):
			start = true
		}
	}
	if start {
		return -1
	}
	return -2
}

// t2LastOfItem says row k is the last of its item's rows.
func t2LastOfItem(items []T2Item, k int) bool {
	return k+1 == len(items) || items[k+1].Item != items[k].Item
}

// t2Pieces cuts the lines of a page run into one line (Segmented) into
// pieces a line each, as pdftotext's default text gives them: each word
// and each number, numbers glued to words cut from them ("数量27",
// "管理服29", "29936务事项"; not in the report's title: "第0局2019年…报告"),
// a row's whole label at a piece's start cut from what follows ("行政许可其他
// 对外管理服": a label, then a wrapped label's start), and an item's
// headings run into its first label's start cut from it. Each piece keeps
// its line's number.
func t2Pieces(lines []Line, items []T2Item) []Line {
	var out []Line
	add := func(l Line, s string) {
		out = append(out, Line{No: l.No, Text: s})
	}
	words := func(l Line, w string) {
		if hasText(w, "第二十条") {
			// an item's headings run into its first label's start
			// ("…（单位：万元）行政事业性收" 17.68 "费")
			if k := trailingT2LabelStart(w, items); k > 0 {
				add(l, w[:k])
				w = w[k:]
			}
		} else {
			for {
				k := leadingT2Label(w, items)
				if k == 0 || k == len(w) {
					break
				}
				add(l, w[:k])
				w = w[k:]
			}
		}
		add(l, w)
	}
	for _, l := range lines {
		if l.Fields != nil {
			out = append(out, l)
			continue
		}
		for _, w := range strings.Fields(l.Text) {
			if at := strings.Index(w, "://"); at >= 0 {
				// a browser's address at a page's foot, run into the words
				// around it ("政府集中采购file:///…/a.html采购总金额…"): the
				// words before it, the address to its first Chinese
				// character, what follows
				scheme := strings.LastIndexFunc(w[:at], func(r rune) bool { return r > unicode.MaxASCII })
				if scheme >= 0 {
					_, size := utf8.DecodeRuneInString(w[scheme:])
					words(l, w[:scheme+size])
					w = w[scheme+size:]
				}
				end := strings.IndexFunc(w, func(r rune) bool { return r > unicode.MaxASCII })
				if end < 0 {
					add(l, w)
					continue
				}
				add(l, w[:end])
				w = w[end:]
			}
			if !hasHan(w) && strings.ContainsAny(w, "/:") {
				continue // a browser's date, time or page count at a page's foot (12/5/26, 12:32, 4/9)
			}
			if !hasHan(w) || hasText(w, "年度报告") {
				add(l, w)
				continue
			}
			for w != "" {
				if !isDigit(rune(w[0])) {
					i := strings.IndexFunc(w, isDigit)
					if i < 0 {
						i = len(w)
					}
					words(l, w[:i])
					w = w[i:]
					continue
				}
				i := strings.IndexFunc(w, func(r rune) bool { return !isDigit(r) && r != '.' })
				if i < 0 {
					i = len(w)
				}
				if i < len(w) && w[i] == '/' {
					// a number run into the page's count ("26.314/9"): not
					// known where it ends
					add(l, w)
					break
				}
				add(l, w[:i])
				w = w[i:]
			}
		}
	}
	return out
}

// digitsApart says s has two numbers a space apart ("27 12").
func digitsApart(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == ' ' && isDigit(rune(s[i-1])) {
			j := i
			for j < len(s) && s[j] == ' ' {
				j++
			}
			if j < len(s) && isDigit(rune(s[j])) {
				return true
			}
		}
	}
	return false
}

// pageOfPages says t is a browser's count of the pages at a page's foot
// ("4/9"): no count of 表二 has a slash.
func pageOfPages(t string) bool {
	a, b, ok := strings.Cut(t, "/")
	return ok && a != "" && b != "" && len(a) <= 3 && len(b) <= 3 && allDigits(a) && allDigits(b)
}

// trailingT2LabelStart is where the longest end of s (two characters or
// more) that starts a row label of 表二 begins, or 0.
func trailingT2LabelStart(s string, items []T2Item) int {
	for i := range s {
		if i == 0 || !moreRunes(s[i:], 1) {
			continue
		}
		for _, it := range items {
			if strings.HasPrefix(it.Label, s[i:]) {
				return i
			}
		}
	}
	return 0
}

// leadingT2Label is the length of the row label of 表二 that s starts
// with, or 0.
func leadingT2Label(s string, items []T2Item) int {
	for _, it := range items {
		if strings.HasPrefix(s, it.Label) {
			return len(it.Label)
		}
	}
	return 0
}
