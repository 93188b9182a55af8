package report

import (
	"math/bits"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Archives and some portals keep a report as its page text with every line
// break removed: headings, narrative, the tables and the footer in one
// paragraph, labels and numbers glued. segment cuts such running text back
// into the lines the reader expects: before and after each section heading,
// before each table row label (in template order, so that a label's item
// number glued to the previous row's digits, "…326.属于四类过程性信息", goes
// with its label), before 表四's numbers and before the page's footer.

// pageLine says a line is a page run into one: longer than segmentMin, or,
// with tabs (a page's text whose table cells kept theirs: a browser's
// innerText with its line breaks removed), longer than pageWithTabs — no
// table's row is.
func pageLine(l Line) bool {
	if l.Fields != nil {
		// a spreadsheet's or a document's cells are cells, whatever
		// their length; a page has many
		return !l.Structured && len(l.Fields) >= 8 && moreRunes(l.Text, pageWithTabs)
	}
	return moreRunes(l.Text, segmentMin)
}

// pageWithTabs is the length (in runes) above which a line of tab-separated
// fields is a page, not a table's row: the longest row of a report (表三's
// longest label and its seven cells) is under 100.
const pageWithTabs = 600

// segmentMin is the length (in runes) above which a line is read as a page
// that lost its line breaks.
const segmentMin = 300

var (
	anchorsOnce sync.Once
	anchorT2    []anchor                                       // 表二 labels and item headings, both formats, in order
	anchorT3    []anchor                                       // 表三 group and row labels, both formats, in order
	t4Numbers   = regexp.MustCompile(`[\p{Han}）)]\s*[0-9０-９]`) // what wordThenNumber reads, by hand; its test holds them equal
)

// loose matches s with any spacing between its characters.
func loose(s string) string {
	var b strings.Builder
	first := true
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		if !first {
			b.WriteString(`[\s\x{3000}]*`)
		}
		first = false
		b.WriteString(regexp.QuoteMeta(string(r)))
	}
	return b.String()
}

// numbering is a row's item number as published: 一、 （一） 1. and their
// width and punctuation variants.
const numbering = `(?:[一二三四五六七八九十]\s*[、.．]|[（(]\s*[一二三四五六七八九十]\s*[）)]|[0-9０-９]{1,2}\s*[.．、])`

var numberingRe = regexp.MustCompile(`^` + numbering)

// rowKey is the searchable part of a row label: the label without its item
// number and without a parenthetical the page may drop, at least two runes;
// num is a pattern of the label's own item number ("" when it has none).
func rowKey(label string) (key, num string) {
	key, core, paren := rowNumber(label)
	switch {
	case core == "":
	case paren:
		num = `[（(]\s*` + regexp.QuoteMeta(core) + `\s*[）)]`
	default:
		num = regexp.QuoteMeta(core) + `\s*[、.．]`
	}
	return key, num
}

// rowNumber is rowKey's key, and the label's own item number: its core
// ("七", "2") and whether it is in brackets.
func rowNumber(label string) (key, core string, paren bool) {
	m := numberingRe.FindString(label)
	rest := label[len(m):]
	if m != "" {
		// the label's own number, exactly: a generic one would take the
		// previous row's last digit ("…02.其他法律…" is 0, then row 2.)
		core = strings.Trim(m, "（()）、.． ")
		paren = hasAnyRune(m, "（(")
	}
	if i := strings.IndexAny(rest, "（“("); i > 0 && utf8.RuneCountInString(rest[:i]) >= 2 {
		rest = rest[:i]
	}
	return rest, core, paren
}

// wordsAfterNumbers is where in s (a 表二 without line breaks) words
// follow a number and are followed by numbers in turn, as a row's label
// after the numbers of the row before ("规章000行政中范性文件1215"): at least
// two Han characters, not a unit (元, 万元, 件, 年 …) and no more than 16
// runes before the next digit; or a wrapped label's end printed after its
// row's numbers, before the next item's heading (第二十条). Each place is
// passed to at.
func wordsAfterNumbers(s string, at func(int)) {
	for i := 1; i < len(s); i++ {
		if !isDigit(rune(s[i-1])) {
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '无' || r == '空' {
			// a cell written 无 after the numbers ("13无行政规范性文件"):
			// the row's, not the next label's first word (no 表二 label
			// starts so)
			if next, _ := utf8.DecodeRuneInString(s[i+size:]); unicode.Is(unicode.Han, next) && next != '无' && next != '空' {
				i += size
				r = next
			}
		}
		if !unicode.Is(unicode.Han, r) || strings.ContainsRune(numberUnits, r) {
			continue
		}
		han, n := 0, 0
		for k, c := range s[i:] {
			if isDigit(c) {
				if han >= 2 {
					at(i)
				}
				break
			}
			if c == '第' && strings.HasPrefix(s[i+k:], "第二十条") {
				// a wrapped label's end before the next item's heading
				// ("其他对外管理服23 8 17务事项第二十条第（六）项"): only
				// where it ends the label before the numbers, not a
				// heading's word ("…27-61434-718量第二十条")
				if han >= 1 && endsT2Label(s[:numbersStart(s, i)], strings.TrimRight(s[i:i+k], " ")) {
					at(i)
				}
				break
			}
			if n++; n > 16 {
				break
			}
			if unicode.Is(unicode.Han, c) {
				han++
			}
		}
	}
}

// numbersStart is where the numbers that end s[:i] start: digits, spaces,
// minus signs and decimal points.
func numbersStart(s string, i int) int {
	for i > 0 && (isASCIIDigit(s[i-1]) || s[i-1] == ' ' || s[i-1] == '-' || s[i-1] == '.') {
		i--
	}
	return i
}

// endsT2Label says words end a label of 表二 (either format) whose other
// words, two characters or more, end before.
func endsT2Label(before, words string) bool {
	for _, items := range [][]T2Item{t2Items2021, t2Items2019} {
		for _, it := range items {
			if head, ok := strings.CutSuffix(it.Label, words); ok && moreRunes(head, 1) && strings.HasSuffix(before, head) {
				return true
			}
		}
	}
	return false
}

// wordsAfterCells is where in s (a 表三 without line breaks) words follow
// a row's last cell, glued to it or after a gap: a wrapped label's end or a
// merged column's label, printed on the line after a row's cells ("…只计这
// 一0 0 0 0 0 0 0        情形，不计其他情形）", "…0 0 0三、本年   （四）无"):
// a digit or a mark for 0, then a Han character or an opening bracket that
// is no unit. Each place is passed to at, to stand on a line of its own as
// it did on the page. (An item number's digit is followed by its 、 or .,
// not by a Han character: 0000002.其他… is cut by the anchors.)
func wordsAfterCells(s string, at func(int)) {
	for i := 0; i < len(s); {
		// a cell's last rune: an ASCII digit, or a digit or mark of more
		// bytes (decoded only there: the table's words are most of s)
		c, size := s[i], 1
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			if !isDigit(r) && (!rowMark(r) || r == '无') {
				i += size
				continue
			}
		} else if !isASCIIDigit(c) && c != '-' && c != '/' {
			i++
			continue
		}
		i += size
		j := i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j < len(s) && (s[j] >= utf8.RuneSelf || s[j] == '(') {
			r, _ := utf8.DecodeRuneInString(s[j:])
			// (a unit's character after a whole row of cells is a label's:
			// "…0 0 1 0 0 1 2年度办", "…0 0 0 0 0 0 0      项")
			if (unicode.Is(unicode.Han, r) || r == '（' || r == '(') && r != '无' && (!strings.ContainsRune(numberUnits, r) || cellsBefore(s[:i]) >= NumCols) {
				at(j)
			}
		}
	}
}

// cellsBefore counts the cells, a space or more apart, that s ends with:
// digits or marks for 0, up to the first other character.
func cellsBefore(s string) int {
	n, in := 0, false
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		switch {
		case r == ' ':
			in = false
		case isDigit(r) || rowMark(r) && r != '无':
			if !in {
				n++
			}
			in = true
		default:
			return n
		}
		i -= size
	}
	return n
}

// numberUnits are the characters that follow a number as its unit, never
// as the start of a label.
const numberUnits = "元万千百亿件项条个次人年月日号页份篇家%％"

// numberedWords is where in s an item number ("二、", "（三）", "2.") is
// first followed by a Han character, -1 for nowhere.
func numberedWords(s, core string, paren bool) int {
	var marks []string
	if paren {
		marks = []string{"（" + core + "）", "(" + core + ")"}
	} else {
		marks = []string{core + "、", core + ".", core + "．"}
		if isDigit(rune(core[0])) {
			marks = append(marks, "（"+core+"）", "("+core+")") // （1） for 1.
		}
	}
	best := -1
	for _, m := range marks {
		for from := 0; from < len(s); {
			k := indexText(s[from:], m)
			if k < 0 {
				break
			}
			k += from
			// (a space after the number: "1. 申请人…")
			if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[k+len(m):], " \u3000")); unicode.Is(unicode.Han, r) {
				if best < 0 || k < best {
					best = k
				}
				break
			}
			from = k + len(m)
		}
	}
	return best
}

// rowAnchor finds a row label with its item number when it has one; a key
// of two runes (其他, 总计) is found only with its number.
func rowAnchor(label string) anchor {
	key, num := rowKey(label)
	_, core, paren := rowNumber(label)
	var a anchor
	switch {
	case num != "" && utf8.RuneCountInString(key) <= 2:
		a = newAnchor(num+`[\s\x{3000}]*`, key)
		a.need = true
		bare := newAnchor("", key)
		a.bare = &bare
	case num != "":
		a = newAnchor(`(?:`+num+`[\s\x{3000}]*)?`, key)
	default:
		return newAnchor("", key)
	}
	a.core, a.paren = core, paren
	return a
}

// anchor is a label to find in running text: the pattern (?:prefix)?key
// with any spacing inside the key, where the prefix is an item number
// (required for the short keys 其他 and 总计). A
// page is long and the labels are many, so the key is found first by its
// first rune and checked by hand, and the pattern runs only on a window
// just before it (the backtracking search from every position of the
// page was a sixth of reading a flattened report). find gives what
// re.FindStringIndex would.
type anchor struct {
	re     *regexp.Regexp
	key    []rune  // nil: no shortcut, the pattern alone
	prefix bool    // an item number before the key
	need   bool    // the number is not optional
	core   string  // the number: "七" in （七）, "2" in 2.
	paren  bool    // in brackets
	bare   *anchor // for a needed number: the key alone, looked for only before the next row's label
	// group is a merged column's label (三、本年度办理结果, （三）不予公开):
	// a printed page sets it in the middle of its rows, so finding it
	// says nothing of where the rows before it in the template are
	group bool
	// optional is the index in key of a rune the page may leave out (度
	// of 本年度办理结果), or -1; re allows it too
	optional int
}

// numberBefore is where the anchor's item number and the spacing after it
// start when they end at k. Read backwards, its parts fall in one place
// each (spacing, the closing bracket or separator, the number, the opening
// bracket), so there is one start at most and one pass finds it; trying
// every start forwards was quadratic in a long run of digits and spaces.
func (a *anchor) numberBefore(t string, k int) (int, bool) {
	i := backOver(t, k, func(r rune) bool { return isSpaceRe(r) || r == '\u3000' })
	r, size := utf8.DecodeLastRuneInString(t[:i])
	switch {
	case i == 0:
		return 0, false
	case a.paren && (r == '）' || r == ')'), !a.paren && (r == '、' || r == '.' || r == '．'):
		i -= size
	default:
		return 0, false
	}
	i = backOver(t, i, isSpaceRe)
	if !strings.HasSuffix(t[:i], a.core) {
		return 0, false
	}
	i -= len(a.core)
	if !a.paren {
		return i, true
	}
	i = backOver(t, i, isSpaceRe)
	if r, size := utf8.DecodeLastRuneInString(t[:i]); i > 0 && (r == '（' || r == '(') {
		return i - size, true
	}
	return 0, false
}

func newAnchor(prefix, key string) anchor {
	a := anchor{re: regexp.MustCompile(prefix + loose(key)), prefix: prefix != "", optional: -1}
	for _, r := range key {
		if !unicode.IsSpace(r) {
			a.key = append(a.key, r)
		}
	}
	if len(a.key) == 0 || numberingRune(a.key[0]) {
		a.key = nil // the window argument below needs a key that cannot be part of a number
	}
	return a
}

// numberingRune is a rune an item number and the spacing after it are
// made of.
func numberingRune(r rune) bool {
	return isSpaceRe(r) || r == '\u3000' || isDigit(r) || strings.ContainsRune("一二三四五六七八九十（()）、.．", r)
}

// isSpaceRe is \s of the regexp package.
func isSpaceRe(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r' }

// looseAt is the end of the key at i, with any \s or U+3000 between its
// runes, or -1.
func (a *anchor) looseAt(t string, i int) int {
	for n, want := range a.key {
		if n > 0 {
			for i < len(t) {
				r, size := utf8.DecodeRuneInString(t[i:])
				if !isSpaceRe(r) && r != '\u3000' {
					break
				}
				i += size
			}
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		if i >= len(t) || r != want {
			if n == a.optional && n > 0 {
				continue // left out: the next rune of the key is looked for here
			}
			return -1
		}
		i += size
	}
	return i
}

// find is re.FindStringIndex(t).
func (a *anchor) find(t string) []int {
	if a.key == nil {
		return a.re.FindStringIndex(t)
	}
	first := string(a.key[0])
	for from := 0; ; {
		k := indexText(t[from:], first)
		if k < 0 {
			return nil
		}
		k += from
		end := a.looseAt(t, k)
		if end < 0 {
			from = k + len(first)
			continue
		}
		// k is the first place the key is: no match can start later than
		// its item number before it
		if !a.prefix {
			return []int{k, end}
		}
		from = k + len(first)
		// the item number is made of numbering runes only: a match starts
		// after the last other rune before k, so the pattern needs only the
		// text from there (all of it when there is none)
		ws := backOver(t, k, numberingRune)
		// and it ends where the key at k ends (the number is optional, so
		// the key alone is a match): only those few bytes are read
		if a.core == "" {
			loc := a.re.FindStringIndex(t[ws:end])
			if loc != nil {
				return []int{ws + loc[0], ws + loc[1]}
			}
		} else {
			if s, ok := a.numberBefore(t, k); ok {
				return []int{s, end}
			}
		}
		if a.need {
			continue // no number before this one: the next place of the key
		}
		return []int{k, end}
	}
}

func buildAnchors() {
	seen := map[string]bool{}
	for _, it := range append(append([]T2Item{}, t2Items2021...), t2Items2019...) {
		if seen[it.Label] {
			continue
		}
		seen[it.Label] = true
		if it.Label == "规范性文件" {
			continue // found as 行政规范性文件 with 行政 optional
		}
		if it.Label == "行政规范性文件" || it.Label == "行政事业性收费" {
			// 行政 is dropped by some pages (规范性文件, 事业性收费)
			anchorT2 = append(anchorT2, anchor{re: regexp.MustCompile(`(?:行政)?` + loose(strings.TrimPrefix(it.Label, "行政"))), optional: -1})
			continue
		}
		anchorT2 = append(anchorT2, newAnchor("", it.Label))
	}
	prevGroup := ""
	for _, row := range t3Rows2021 {
		if row.Kind == RowOutcome && prevGroup == "" && row.Group == "" {
			// some pages write 三、本年办理结果
			a := newAnchor("", T3Group)
			a.optional = slices.Index(a.key, '度')
			// and 三.本年度办理结果, numbered as the rows may be
			a.re = regexp.MustCompile(strings.NewReplacer(regexp.QuoteMeta("度"), "度?", regexp.QuoteMeta("、"), "[、.．]").Replace(loose(T3Group)))
			a.group = true
			anchorT3 = append(anchorT3, a)
			prevGroup = T3Group
		}
		if row.Group != "" && row.Group != prevGroup {
			a := rowAnchor(row.Group)
			a.group = true
			anchorT3 = append(anchorT3, a)
			prevGroup = row.Group
		}
		anchorT3 = append(anchorT3, rowAnchor(row.Label))
	}
}

// segment returns lines with every running-text page cut into its pieces.
// A page whose rows run into one another inside its lines is joined whole
// first: its lines may be a width's worth each, or a table each without
// the headings that say which (html-to-text without wrapping).
func segment(lines []Line) []Line {
	lines = tabPageRows(lines)
	long := false
	for _, l := range lines {
		if pageLine(l) {
			long = true
			break
		}
	}
	if wrappedPage(lines) || charSpaced(lines) && wrappedPage(squeezeLines(lines)) {
		return joinWrappedPage(lines)
	}
	if !long {
		return lines
	}
	anchorsOnce.Do(buildAnchors)
	out := make([]Line, 0, len(lines)+64)
	for _, l := range lines {
		if !pageLine(l) {
			out = append(out, l)
			continue
		}
		text := l.Text
		if l.Fields != nil {
			text = strings.ReplaceAll(text, "\t", " ") // a page's table cells, a tab apart
		}
		for _, piece := range cutSpaced(text) {
			out = append(out, Line{No: l.No, Text: piece, Segmented: true})
		}
	}
	return out
}

// tabPageRows cuts each page that kept its table cells' tabs but lost its
// line breaks (a browser's innerText run into one line: a page line with
// tabs) into its rows again, so that a blank cell keeps its place (two
// tabs) as in tab text. A row ends where a field's text starts after
// cells: the next row's label glued to the row's last cell
// (…\t38行政规范性文件\t…: 38 the cell), or standing alone after a tab where
// that cell was blank (…\t\t行政规范性文件: the row's last cell empty); an
// item number glued to a cell takes its last digit (…\t02.其他法律…: 0 and
// 2.其他…). Words after words stay in their row (三、本年度办理结果\t（一）
// 予以公开). A field's words with a count glued after them end a row of
// headings (…\t总计0\t…: 表四's first cell). The rows are lines of fields;
// the running text between tables a line of its own, cut as a page is.
// Other lines are returned as they are.
func tabPageRows(lines []Line) []Line {
	if !slices.ContainsFunc(lines, func(l Line) bool { return l.Fields != nil && pageLine(l) }) {
		return lines
	}
	out := make([]Line, 0, len(lines)+64)
	for _, l := range lines {
		if l.Fields == nil || !pageLine(l) {
			out = append(out, l)
			continue
		}
		var row []string
		cells := false // the row has a cell (a count or an empty field) after its words
		emit := func(fs []string) {
			switch len(fs) {
			case 0:
			case 1:
				out = append(out, Line{No: l.No, Text: fs[0]})
			default:
				out = append(out, Line{No: l.No, Text: strings.Join(fs, "\t"), Fields: fs})
			}
		}
		flush := func() {
			// 表四's headings with its row of counts run into them (the
			// row has no label): the headings a line, the counts another
			words, heads := 0, 0
			for words < len(row) {
				if _, w := leadingCount(row[words]); w == "" {
					break
				}
				if t4ColumnWord(row[words]) || strings.HasSuffix(row[words], "总计") {
					heads++
				}
				words++
			}
			if heads >= len(T4Columns) && words < len(row) {
				emit(row[:words])
				counts := row[words:]
				if len(counts) == len(T4Blocks)*len(T4Columns)-1 {
					// its first cell empty: its tab ran into the last
					// heading's (总计\t2…: no field of its own)
					counts = append([]string{""}, counts...)
				}
				emit(counts)
			} else {
				emit(row)
			}
			row, cells = nil, false
		}
		for i, f := range l.Fields {
			t := trimSpace(f)
			if i == 0 {
				if moreRunes(t, rowTextMax) || headingKey(t) != "" || startsWithSection(t) {
					anchorsOnce.Do(buildAnchors)
					pieces := cutSpaced(t)
					for _, p := range pieces[:len(pieces)-1] {
						out = append(out, Line{No: l.No, Text: p, Segmented: true})
					}
					t = pieces[len(pieces)-1]
				}
				row = append(row, t)
				continue
			}
			num, words := leadingCount(t)
			switch {
			case words == "": // a count, or an empty cell
				row = append(row, t)
				cells = true
				continue
			case num != "":
				// a count glued to the next row's words: the count is
				// this row's last cell
				row = append(row, num)
				flush()
			case cells:
				// words after a tab, after cells: the row's last cell was
				// empty (its tab is the one before the words)
				row = append(row, "")
				flush()
			case strings.HasPrefix(words, "第二十条") && len(row) == 1:
				// an item's heading after a label alone: the label's one
				// cell was empty (行政强制\t第二十条第（八）项…)
				row = append(row, "")
				flush()
			}
			if head, label, ok := t2HeadingThenLabel(words); ok {
				// a 表二 column heading run into the label after it
				// (本年处理决定数量行政许可: the row's first field, the tab
				// between lost with the line break): the heading ends its
				// row, the label starts the next
				row = append(row, head)
				flush()
				words = label
			} else if len(row) == 1 && t2Label(row[0]) && t2Label(words) {
				// a label after a label alone: the first one's cell was
				// empty (行政处罚\t行政强制\t29)
				row = append(row, "")
				flush()
			}
			if len(row) == 0 && (moreRunes(words, rowTextMax) || headingKey(words) != "" || startsWithSection(words)) {
				// running text before a table (its headings and narrative
				// run into the table's first words), or a section's
				// heading run into them: a page's piece, cut as a page
				// is; its last piece the row's first field
				anchorsOnce.Do(buildAnchors)
				pieces := cutSpaced(words)
				for _, p := range pieces[:len(pieces)-1] {
					out = append(out, Line{No: l.No, Text: p, Segmented: true})
				}
				words = pieces[len(pieces)-1]
			}
			if head, count := trailingCount(words); count != "" && i+1 < len(l.Fields) {
				// words with a count glued after them (总计0): a header's
				// last word and the next row's first cell
				row = append(row, head)
				flush()
				row, cells = append(row, count), true
				continue
			}
			row = append(row, words)
		}
		flush()
	}
	return out
}

// t2HeadingThenLabel cuts t, a 表二 column heading with a row's label run
// into it (either format's: 本年处理决定数量行政许可), into the two.
func t2HeadingThenLabel(t string) (head, label string, ok bool) {
	for _, f := range []Format{Format2021, Format2019} {
		for _, h := range f.T2Headers() {
			for _, c := range h.Columns {
				if rest, found := strings.CutPrefix(t, c); found && t2Label(rest) {
					return c, rest, true
				}
			}
		}
	}
	return "", "", false
}

// t2Label says t is one of 表二's row labels as the format writes it
// (either format's).
func t2Label(t string) bool {
	for _, f := range []Format{Format2021, Format2019} {
		if slices.ContainsFunc(f.T2Items(), func(it T2Item) bool { return it.Label == t }) {
			return true
		}
	}
	return false
}

// startsWithSection says t starts with a section's template heading
// (三、收到和处理政府信息公开申请情况（本列数据的…）: the heading run into the
// table's first words).
func startsWithSection(t string) bool {
	return slices.ContainsFunc(Sections, func(s Section) bool { return strings.HasPrefix(t, s.Heading) && len(t) > len(s.Heading) })
}

// rowTextMax is the length (in runes) above which a page's field starting
// a row is running text run into the row's first words: no label of the
// tables is half as long.
const rowTextMax = 80

// leadingCount splits a field into the count it starts with (digits, a
// minus sign, a decimal point) and the words after it: "38行政规范性文件"
// is 38 and the label; "02.其他…" is 0 and "2.其他…" (an item's number is
// one digit); "1.属于…" is no count and itself; a field without words is
// all count ("" words).
func leadingCount(t string) (num, words string) {
	i := 0
	for i < len(t) && (t[i] >= '0' && t[i] <= '9' || t[i] == '.' || t[i] == '-') {
		i++
	}
	if i == len(t) {
		return t, ""
	}
	num, words = t[:i], t[i:]
	if strings.HasSuffix(num, ".") && len(num) >= 2 && isASCIIDigit(num[len(num)-2]) {
		// an item's number and its dot: its last digit is the label's
		num, words = num[:len(num)-2], t[len(num)-2:]
	}
	return num, words
}

// trailingCount splits a field of words into the words and a count glued
// after them (总计0: a header's last word and the next row's first cell);
// no count when the field does not end in digits.
func trailingCount(t string) (head, count string) {
	i := len(t)
	for i > 0 && isASCIIDigit(t[i-1]) {
		i--
	}
	if i == len(t) || i == 0 {
		return t, ""
	}
	return t[:i], t[i:]
}

// laterBefore says one of the next rows' labels (anchors, groups passed
// over) ends in t before end.
func laterBefore(t string, anchors []anchor, end int) bool {
	for i := range anchors {
		if anchors[i].group {
			continue
		}
		if loc := anchors[i].find(t[:end]); loc != nil {
			return true
		}
	}
	return false
}

// wrappedPage says the text is a page whose tables were run into running
// text and then wrapped at a width: html-to-text's default for a table
// (each row's label and digits glued, the rows a space apart, a line break
// for a space every eighty columns or so), or a page without line breaks
// printed and its text taken again (a break every so many characters,
// wherever it falls). It takes three row joints inside its lines: digits
// glued to the text before them, maybe a space, and the next row's item
// number (…数量640020470 二、上年结转…, …3100004三、本年度…, …6000006 （三）不予
// 公开…). A table's row on a line of its own has none: its next row starts
// on the next line.
func wrappedPage(lines []Line) bool {
	joints := 0
	labelsUntil := -1 // the lines of 表三's labels run to here: a line with its first row's and a dozen after
	for k, l := range lines {
		if l.Fields != nil || len(l.Text) < 40 {
			continue
		}
		if hasText(l.Text, "政府信息公开申请数量") {
			labelsUntil = k + 12
		}
		if !itemEndIn(l.Text) {
			continue // (most lines of prose: no item number, so no joint)
		}
		// (a folded line's without digits: a page kept as one line is cut
		// as a page is, its labels glued as they always are; a row with
		// its counts ends in them)
		joints += rowJoints(l.Text, k <= labelsUntil && len(l.Text) <= 480 && !hasDigit(l.Text))
		if joints >= 3 {
			return true
		}
	}
	return false
}

// rowJoints counts the places in t where a row's digits end and, after
// spaces or none, the next row's item number starts: the digits glued to
// the label before them or the last of cells a space apart (数量48二、,
// 0 0 4 48二、, 0 0 0 0 0 04.保护…: the item number's digit glued to them);
// and where a row's last cell is a mark for 0 after a cell and a space (— —
// —4.保护…: a report that writes every 0 as —).
//
// Among 表三's labels (labels: its first row's on the line or a few lines
// before), an empty row's label glued to the next row's item number counts
// too (…申请数量二、上年结转…: a table left blank, where no digit or mark
// ends a row).
func rowJoints(t string, labels bool) int {
	n := 0
	for i := 0; i < len(t); i++ {
		if c := t[i]; c >= 0xE0 {
			if markJoint(t, i) || (c == 0xE2 || c == 0xEF || c == 0xE6) && markRunJoint(t, i) || labels && labelJoint(t, i) { // (— – E2, － ／ EF, 无 E6)
				n++
			}
			i += 2 // a Chinese character's other bytes (and more for a four-byte one): no digit among them
			if c >= 0xF0 {
				i++
			}
			continue
		}
		if (t[i] == '/' || t[i] == '-') && (markJoint(t, i) || markRunJoint(t, i)) {
			n++
			continue
		}
		if !isASCIIDigit(t[i]) || i+1 < len(t) && isASCIIDigit(t[i+1]) {
			continue
		}
		end := i + 1
		d := backOver(t, end, func(r rune) bool { return r >= '0' && r <= '9' })
		if d == 0 || !afterLabelOrCell(t[:d], end-d) {
			continue
		}
		rest := strings.TrimLeft(t[end:], " ")
		if itemNumberAt(rest) || end-d >= 2 && len(rest) == len(t[end:]) && itemNumberAt(t[end-1:]) {
			n++
		}
	}
	return n
}

// itemEndIn says t holds a character that ends an item number (1. 1．
// 1、 二、 （三） (三)): every joint rowJoints counts is before one
// (itemNumberAt), so a line without any has none.
func itemEndIn(t string) bool {
	return strings.IndexByte(t, '.') >= 0 || strings.IndexByte(t, ')') >= 0 ||
		strings.Contains(t, "、") || strings.Contains(t, "）") || strings.Contains(t, "．")
}

// markJoint says the mark for 0 at t[i:] (— － / ／ - 无) is a row's last
// cell, the next row's item number after it: a cell and a space before it
// (— —4.保护…, 0 /二、, 无 无3.要求…).
func markJoint(t string, i int) bool {
	if i == 0 || t[i-1] != ' ' {
		return false // (most characters: asked first, it costs a byte)
	}
	r, size := utf8.DecodeRuneInString(t[i:])
	if !strings.ContainsRune(jointMarks, r) {
		return false
	}
	before := t[:i]
	p, _ := utf8.DecodeLastRuneInString(strings.TrimRight(before, " "))
	if !strings.ContainsRune(jointMarks, p) && !(p >= '0' && p <= '9') {
		return false
	}
	return itemNumberAt(strings.TrimLeft(t[i+size:], " "))
}

// markRunJoint says the mark at t[i:] ends a row's cells glued together
// (…国家秘密——————— 2.其他…, …予以公开2—2—4311 （二）…, …国家秘密无无无无无无无
// 2.其他…: a page that writes every 0 as a mark and glues a row's cells),
// the next row's item number after it: the run of marks and digits it ends
// holds three at least, two of them marks, and follows a label or a space
// (a dash in a sentence is one or two).
func markRunJoint(t string, i int) bool {
	if !markAt(t, i) {
		return false // (asked first, by its bytes: most characters cost a compare or two)
	}
	r, size := utf8.DecodeRuneInString(t[i:])
	if next, _ := utf8.DecodeRuneInString(t[i+size:]); next == r || dashLike(next) || slashLike(next) || isDigit(next) {
		return false // (not the run's end: asked first, it costs a rune)
	}
	if !itemNumberAt(strings.TrimLeft(t[i+size:], " ")) {
		return false
	}
	marks, j := trailingCells(t[:i+size])
	if marks < 2 || utf8.RuneCountInString(t[j:i+size]) < 3 || j == 0 { // (three at least: a dash in a sentence is one or two)
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(t[:j])
	return unicode.Is(unicode.Han, before) || before == '）' || before == '”' || before == ' '
}

// labelJoint says the character at t[i:] ends a row's label (a Chinese
// character, ） or ”) and the next row's item number follows it, not a
// group's first (三、本年度办理结果（一）予以公开, （三）不予公开1.属于…: a
// group's label before its first row's, glued wherever a table's cells are).
func labelJoint(t string, i int) bool {
	// an item number starts with a digit, a bracket or a Chinese numeral
	// (二三五七 E4, 四六八 E5, （ EF): asked first, of the byte after the
	// character, it costs a byte for most characters
	size := 3
	if t[i] >= 0xF0 {
		size = 4
	}
	if i+size >= len(t) {
		return false
	}
	switch b := t[i+size]; {
	case isASCIIDigit(b), b == '(', b == 0xEF: // 2. （二）
	case (b == 0xE4 || b == 0xE5) && i+size+3 < len(t) && t[i+size+3] == 0xE3: // 二、 (、 is E3 80 81)
	default:
		return false
	}
	r, size := utf8.DecodeRuneInString(t[i:])
	if !(unicode.Is(unicode.Han, r) || r == '）' || r == '”') || !itemNumberAt(t[i+size:]) {
		return false
	}
	rest := strings.TrimPrefix(strings.TrimPrefix(t[i+size:], "（"), "(")
	first, _ := utf8.DecodeRuneInString(rest)
	return first != '一' && first != '1'
}

// hasDigit says s holds an ASCII digit.
func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// jointMarks are the marks for 0 a row may end in.
const jointMarks = "—－/／-无"

// afterLabelOrCell says a run of n digits after t is a row's: after a
// cell and a space, or three digits or more after a label's last character
// (a contents list on one line, 一、总体情况1 二、…, has one: a page number).
func afterLabelOrCell(t string, n int) bool {
	r, _ := utf8.DecodeLastRuneInString(t)
	if r == ' ' {
		t = strings.TrimRight(t, " ")
		r, _ = utf8.DecodeLastRuneInString(t)
		return r >= '0' && r <= '9'
	}
	if rowMark(r) {
		// after marks for 0 glued to them (————448, 2—2———4, 无无无448):
		// a row's cells
		marks, _ := trailingCells(t)
		return marks >= 2
	}
	return n >= 3 && (unicode.Is(unicode.Han, r) || r == '）' || r == ')' || r == '”')
}

// markAt says t[i:] starts with a mark for 0 a row may end in (— – － ／ 无
// / -), by its UTF-8 bytes.
func markAt(t string, i int) bool {
	switch t[i] {
	case '/', '-':
		return true
	case 0xE2: // — E2 80 94, – E2 80 93
		return i+2 < len(t) && t[i+1] == 0x80 && (t[i+2] == 0x94 || t[i+2] == 0x93)
	case 0xEF: // － EF BC 8D, ／ EF BC 8F
		return i+2 < len(t) && t[i+1] == 0xBC && (t[i+2] == 0x8D || t[i+2] == 0x8F)
	case 0xE6: // 无 E6 97 A0
		return i+2 < len(t) && t[i+1] == 0x97 && t[i+2] == 0xA0
	}
	return false
}

// rowMark says r is a mark for 0 glued among a row's cells (— - / 无).
func rowMark(r rune) bool { return dashLike(r) || r == '/' || r == '／' || r == '无' }

// trailingCells is where the run of marks for 0 and digits t ends in starts
// (a row's cells glued: —2——), and how many marks it holds.
func trailingCells(t string) (marks, start int) {
	start = len(t)
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(t[:start])
		if rowMark(r) {
			marks++
		} else if !isDigit(r) {
			break
		}
		start -= size
	}
	return marks, start
}

// itemNumberAt says t starts with a table row's item number: 二、 （三）
// 2. (the template's numbering of 表二's and 表三's rows).
func itemNumberAt(t string) bool {
	if strings.HasPrefix(t, "（") || strings.HasPrefix(t, "(") {
		_, size := utf8.DecodeRuneInString(t)
		t = t[size:]
		r, size := utf8.DecodeRuneInString(t)
		return strings.ContainsRune("一二三四五六七八", r) && (strings.HasPrefix(t[size:], "）") || strings.HasPrefix(t[size:], ")"))
	}
	r, size := utf8.DecodeRuneInString(t)
	switch {
	case strings.ContainsRune("一二三四五六", r):
		return strings.HasPrefix(t[size:], "、")
	case r >= '0' && r <= '9':
		return len(t) > 2 && (t[1] == '.' && !isASCIIDigit(t[2]) || strings.HasPrefix(t[1:], "．") || strings.HasPrefix(t[1:], "、"))
	}
	return false
}

// joinWrappedPage makes a wrapped page the running text it was and cuts
// that as a page: a space for a blank line (but between two digits or two
// Chinese characters) and between two Latin words, nothing for any other
// line break. Chinese text breaks anywhere; where a
// break took a space (between rows, between two of 表二's numbers: 规章31 31
// / 27 as a browser wraps it) the digits are glued, which the reader of a
// page without line breaks splits by the table's sums or says it cannot;
// a space for it would be a cell border where a wrapper that breaks inside
// a number made one (1100 / 10113), read wrong. Each piece keeps the
// number of the line it starts on.
func joinWrappedPage(lines []Line) []Line {
	var b strings.Builder
	starts := make([]int, len(lines)) // where each line starts in the text
	blank := false
	for i, l := range lines {
		t := trimSpace(l.Text)
		if t == "" {
			blank, starts[i] = true, b.Len()
			continue
		}
		if b.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(t)
			// a blank line between two digits, or two Chinese characters, or
			// two dashes, is no paragraph's end but a break inside a number
			// (or a heading, or a cell written ——) with a line more: a space
			// there would be a cell border, or cut the heading, where there
			// is none
			if blank && !(isDigit(last) && isDigit(first)) && !(unicode.Is(unicode.Han, last) && unicode.Is(unicode.Han, first)) && !(dashLike(last) && dashLike(first)) || isLatin(last) && isLatin(first) {
				b.WriteByte(' ')
			}
		}
		blank, starts[i] = false, b.Len()
		b.WriteString(t)
	}
	text := b.String()
	anchorsOnce.Do(buildAnchors)
	pieces := cutSpaced(text)
	out := make([]Line, 0, len(pieces))
	at, line := 0, 0
	for _, piece := range pieces {
		if k := indexText(text[at:], piece); k >= 0 {
			at += k
			for line+1 < len(starts) && starts[line+1] <= at {
				line++
			}
			at += len(piece)
		}
		out = append(out, Line{No: lines[line].No, Text: piece, Segmented: true})
	}
	return out
}

// cutSpaced is cutPage of a text whose characters may be spaced apart (an
// OCR's text layer, a PDF's justified lines taken as text: "一 、总体情 况",
// "全 年共 收 到政府 信息公开申请"): cut, and read, with the spaces between its
// Han characters taken out (squeezeSpaced), where the headings and labels
// read as written. The pieces before the first section heading keep their
// spaces: a portal's words before the title are set apart by them ("正文
// 示例局2024年…", "字号：大 中 小 示例局…"). (A page's spaces are no report's:
// the text checks leave a page run into one line alone.)
func cutSpaced(t string) []string {
	if !spacedPair(t) {
		return cutPage(t)
	}
	sq, orig := squeezeSpaced(t, true)
	pieces := cutPage(sq)
	at := 0
	for i, p := range pieces {
		if headingKey(p) != "" || otherNumbering(p) != "" {
			break
		}
		k := indexText(sq[at:], p)
		if k < 0 {
			continue // (a piece cutPage rewrote: （七）合计 read as 总计) as cut
		}
		s, e := at+k, at+k+len(p)
		pieces[i] = trimSpace(t[orig[s]:orig[e]])
		at = e
	}
	return pieces
}

// spacedPair says t may have a space (ASCII or ideographic) between two
// Han characters: one between two characters of three bytes or more (a
// quick test, on bytes).
func spacedPair(t string) bool {
	for i := 3; i < len(t); i++ {
		if t[i] != ' ' && t[i] != 0xE3 {
			continue // (most bytes: no space starts there)
		}
		if j := overRunes(t, i, isGap); j > i {
			if t[i-3] >= 0xE3 && !strings.HasPrefix(t[i-3:], "\u3000") && j < len(t) && t[j] >= 0xE3 {
				return true
			}
			i = j
		}
	}
	return false
}

// spacedOut says a line is spaced out letter by letter: a space stands
// between two Han characters for half of them at least (a portal's "字号：大
// 中 小" before a title is not).
func spacedOut(t string) bool {
	han, pairs := hanSpacing(t, false)
	return pairs >= 4 && pairs*2 >= han
}

// hanSpacing counts t's Han characters, and those of them (with marks, the
// punctuation marks too) that stand after a Han character and a space
// (ASCII or ideographic).
func hanSpacing(t string, marks bool) (han, spaced int) {
	prevHan, gap := false, false
	for _, r := range t {
		switch {
		case isGap(r):
			gap = prevHan
			continue
		case unicode.Is(unicode.Han, r):
			han++
			if gap {
				spaced++
			}
			prevHan = true
		case marks && gap && unicode.IsPunct(r):
			spaced++
			prevHan = false
		default:
			prevHan = false
		}
		gap = false
	}
	return han, spaced
}

// charSpacedSample is how many Han characters charSpaced reads: an OCR's
// spaces are in its first lines as in the rest.
const charSpacedSample = 400

// charSpaced says a text has a space between its characters throughout:
// a space between two Han characters for one Han character in ten at
// least (a page run into one line puts one only between a heading and its
// text, or between a table's header cells: one in twenty-five at most).
// Counted on the bytes (a Han character of the basic block is three bytes
// led by E4–E9), in the first charSpacedSample of them.
func charSpaced(lines []Line) bool {
	han, spaced := 0, 0
	for _, l := range lines {
		t := l.Text
		for i := 0; i < len(t); i++ {
			c := t[i]
			if c < 0xE4 || c > 0xE9 {
				continue
			}
			if han++; han == charSpacedSample {
				return spaced*10 >= han
			}
			j := overRunes(t, i+3, isGap)
			if j == i+3 {
				i += 2
				continue
			}
			if j < len(t) && t[j] >= 0xE4 && t[j] <= 0xE9 {
				spaced++
			}
			i = j - 1
		}
	}
	return spaced >= 30 && spaced*10 >= han
}

// squeezeLines is lines with the spaces between their Han characters, and
// between a Han character and a digit, taken out, to tell whether a page
// whose characters are spaced apart is a wrapped page (its rows' labels
// and digits read "数 量 2012103036 二 、").
func squeezeLines(lines []Line) []Line {
	out := make([]Line, len(lines))
	for i, l := range lines {
		if l.Fields == nil {
			l.Text, _ = squeezeSpaced(l.Text, true)
		}
		out[i] = l
	}
	return out
}

// squeezeSpaced takes out the spaces between two Han characters, or a Han
// character and a Chinese punctuation mark, and with digits between a Han
// character (not a number's unit) and the digit after it; it says where
// each byte of what it returns was in t (and the end, len(t)). The spaces
// around a numeral after a sentence or the title and before words stay: a
// heading's ("报告 一 总体情况": the space stands for the 、, Word's tab after
// an automatic number; not 属于 四 类, 第 二 十 条, nor 二 是 of a list).
func squeezeSpaced(t string, digits bool) (string, []int32) {
	var b strings.Builder
	b.Grow(len(t))
	orig := make([]int32, 0, len(t)+1)
	var prev, prev2 rune // the last two runes kept
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		if !isGap(r) {
			b.WriteString(t[i : i+size])
			for k := range size {
				orig = append(orig, int32(i+k))
			}
			prev2, prev = prev, r
			i += size
			continue
		}
		j := overRunes(t, i, isGap)
		next, _ := utf8.DecodeRuneInString(t[j:])
		heading := headingBoundary(prev) && isNumeral(next) && numeralThenWords(t[j:]) ||
			isNumeral(prev) && headingBoundary(prev2) && headingWordsStart(t[j:]) ||
			!isNumeral(prev) && itemNumberAfter(t[j:])
		// (not after a number's unit, 64件 or 12.35万元 — 文件 and 事项 end
		// labels — nor where cells say their unit: "数量 64件 0件" stays)
		unitEnd := strings.ContainsRune(numberUnits, prev) && (isDigit(prev2) || strings.ContainsRune(numberUnits, prev2))
		toDigit := digits && next >= '0' && next <= '9' && !unitEnd && !unitAfterDigits(t, j)
		if j < len(t) && squeezable(prev) && (squeezable(next) || toDigit) && !heading {
			i = j
			continue
		}
		b.WriteString(t[i:j])
		for k := i; k < j; k++ {
			orig = append(orig, int32(k))
		}
		prev2, prev = prev, ' '
		i = j
	}
	return b.String(), append(orig, int32(len(t)))
}

// itemNumberAfter says s starts with an item number, a numeral and 、
// ("四、", "四 、") or a numeral in brackets ("（二）"): the space before it
// stays, as a heading's or a row's start apart from the text before it
// (a misread heading is known by what stands before its numeral).
func itemNumberAfter(s string) bool {
	bracket := strings.HasPrefix(s, "（") || strings.HasPrefix(s, "(")
	if bracket {
		_, n := utf8.DecodeRuneInString(s)
		s = strings.TrimLeft(s[n:], " \u3000")
	}
	k := 0
	for k < len(s) {
		r, n := utf8.DecodeRuneInString(s[k:])
		if !isNumeral(r) {
			break
		}
		k += n
	}
	if k == 0 {
		return false
	}
	rest := strings.TrimLeft(s[k:], " \u3000")
	if bracket {
		return strings.HasPrefix(rest, "）") || strings.HasPrefix(rest, ")")
	}
	return strings.HasPrefix(rest, "、")
}

// headingBoundary says a heading may start after r: the end of a sentence,
// of the title (…报告) or of a table's last cell (a count's unit: 1件), a
// space, or nothing (not 属于 四 类, 第 二 十 条).
func headingBoundary(r rune) bool {
	return r == 0 || r == ' ' || r == '告' || strings.ContainsRune("。！？；：件个条宗起次", r) ||
		!unicode.Is(unicode.Han, r) && !squeezable(r)
}

// isNumeral is a Chinese numeral of a heading's or item's number.
func isNumeral(r rune) bool { return strings.ContainsRune("一二三四五六七八九十", r) }

// numeralThenWords says s starts with a numeral, a space and a section
// heading's first words (headingWordsStart): a heading numbered with a
// space for the 、 ("一 总体情况"), not 第 二 十 条 spaced out, 二 是 of a
// list nor 四 类 of a label.
func numeralThenWords(s string) bool {
	_, n := utf8.DecodeRuneInString(s)
	rest := strings.TrimLeft(s[n:], " \u3000")
	return len(rest) < len(s[n:]) && headingWordsStart(rest)
}

// headingWordsStart says s starts with the first two characters of a
// section heading's words or keywords (总体, 主动, 收到, 政府, 存在, 其他 …),
// spaced out or not.
func headingWordsStart(s string) bool {
	var two [2]rune
	k := 0
	for _, r := range s {
		if r == ' ' || r == '\u3000' {
			continue
		}
		two[k] = r
		if k++; k == 2 {
			break
		}
	}
	return k == 2 && headingStarts[two]
}

// headingStarts are the first two characters of every section heading's
// words and keywords.
var headingStarts = func() map[[2]rune]bool {
	m := map[[2]rune]bool{}
	add := func(w string) {
		rs := []rune(w)
		if len(rs) >= 2 {
			m[[2]rune{rs[0], rs[1]}] = true
		}
	}
	for i, sec := range Sections {
		add(sectionHeads[i].words)
		for _, k := range sec.Keywords {
			add(k)
		}
	}
	return m
}()

// unitAfterDigits says the digits at j are followed by a count's unit
// (cellUnitAt).
func unitAfterDigits(t string, j int) bool {
	for j < len(t) && isASCIIDigit(t[j]) {
		j++
	}
	return cellUnitAt(t, j) > 0
}

// squeezable is a rune squeezeSpaced closes a space up to: a Han character
// or a Chinese punctuation mark (and the brackets of an item number).
func squeezable(r rune) bool {
	return unicode.Is(unicode.Han, r) || strings.ContainsRune("，。、：；（）“”《》！？()", r)
}

func isLatin(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }

var heJi = strings.NewReplacer("七）合计", "七）总计", "七)合计", "七)总计")

// cutPage cuts one running text at its headings, rows and footer.
func cutPage(t string) []string { return cutPageAt(t, 0) }

// maxPageReports bounds the reports a page is cut into (a compilation's
// page), as ReadAll bounds a file's: past it the rest is one report (a
// cut searches the rest of the page only as far as the next report's
// headings, most of the time).
const maxPageReports = MaxParts

// cutPageAt is cutPage of the depth-th report of a page.
func cutPageAt(t string, depth int) []string {
	// section headings, in order; each heading stands alone
	starts, heads := findHeadings(t, 0, headingStart) // start of each found heading and of its section's body, by section index
	if found(heads) < 3 {
		// numbered another way: （一）总体情况, 第一部分 总体情况
		if s2, h2 := findHeadings(t, 0, otherHeadingStart); found(h2) > found(heads) {
			starts, heads = s2, h2
		}
	}
	if found(heads) < 3 {
		// not numbered at all: the template's heading words, four at least
		if s2, h2 := findHeadings(t, 0, bareHeadingStart); found(h2) >= 4 {
			starts, heads = s2, h2
		} else if s2, h2 := findHeadings(t, 0, numberedBareHeadingStart); found(h2) >= 3 {
			// three with a numbering glued before them (Ⅰ、 II. 3.): the
			// others misread (an OCR's), looked for between them below
			starts, heads = s2, h2
		}
	}
	var entries []int // a contents list's entries
	if contentsList(t, starts, heads) {
		// the six headings of a contents list, then the report: its
		// headings are the ones after the list (after its last entry
		// found: an entry misread past knowing is not found, and a body
		// heading found after it is no entry)
		after := slices.Max(heads)
		if leaders := leaderEntries(t, heads); leaders > 0 {
			after = leaders
		}
		if s2, h2 := findHeadings(t, after, headingStart); found(h2) >= 3 {
			entries = starts // each entry a line: the title stands apart
			starts, heads = s2, h2
		}
	}
	if heads[len(heads)-1] >= 0 && depth < maxPageReports {
		// a compilation run into one page: each report is cut on its own
		// (the parser reads the first and says there are more). Nothing
		// above reads further into the page than its next report, most
		// of the time: what follows is done for the one report only
		if c := nextReportAt(t, heads[len(heads)-1]); c > 0 {
			return append(cutPageAt(t[:c], depth+1), cutPageAt(t[c:], depth+1)...)
		}
	}
	if hasText(t, "七）合计") || hasText(t, "七)合计") {
		// （七）合计 for （七）总计: the same row (the same length, every
		// index holds; no heading has either word)
		t = heJi.Replace(t)
	}
	cuts := newCutSet(len(t))
	for _, s := range entries {
		cuts.add(s) // (a heading not found, -1, is none)
	}
	if found(heads) >= 3 {
		numberedBetween(t, starts, heads)
		misreadBetween(t, starts, heads)
	}
	if heads[3] < 0 && heads[2] >= 0 {
		// 表四 without its section's heading: it starts at its header's
		// words after 表三 (行政复议 then 行政诉讼), as the parser finds it
		// on lines
		lo, hi := between(t, 3, starts, heads) // (lo: 表三's heading)
		if k := t4HeaderAt(t[lo:hi]); k >= 0 {
			// its "heading" the header's first word: the region before
			// it ends at the cut before it (prevCut)
			starts[3], heads[3] = lo+k, lo+k+len("行政复议")
		}
	}
	for i := range heads {
		if heads[i] >= 0 {
			cuts.add(starts[i])
			cuts.add(heads[i])
			// a Markdown heading's marks ("## 三、…" run into the page)
			// stand apart, not at the end of the table row before them
			if h := backOver(t, starts[i], func(r rune) bool { return r == '#' || r == ' ' }); h < starts[i] && hasText(t[h:starts[i]], "#") {
				cuts.add(h)
			}
		}
	}
	region := func(i int) (int, int) {
		if heads[i] < 0 {
			return -1, -1
		}
		end := len(t)
		for j := i + 1; j < len(heads); j++ {
			if heads[j] >= 0 {
				// the next heading starts where its match began; cut positions mark it
				end = cuts.prev(heads[j])
				break
			}
		}
		return heads[i], end
	}
	// tables printed after the text (附件：附表1 …) where their sections
	// only point to them (详见附表1): each is cut in its stretch of the tail
	attached := attachedSpans(t, heads, region)
	if len(attached) > 0 {
		own := region
		region = func(i int) (int, int) {
			if span, ok := attached[i]; ok {
				return span.lo, span.hi
			}
			return own(i)
		}
		for _, span := range attached {
			cuts.add(span.lo)
		}
		markAttachments(t, heads[len(heads)-1], cuts)
	}
	// cutAll cuts before each anchor found in t[lo:hi], in order when each
	// (the search goes on after each row's label); with ahead, a label
	// found with a later row's label before it (laterBefore) does not move
	// the search on. It says whether every anchor was found.
	cutAll := func(lo, hi int, anchors []anchor, each, ahead bool) (all bool) {
		all = true
		at := lo
		for i := range anchors {
			loc := anchors[i].find(t[at:hi])
			if loc == nil && each && anchors[i].bare != nil && i+1 < len(anchors) {
				// a page that dropped the number (总计 for （七）总计): the
				// key alone, between the rows before and after it in order
				if next := anchors[i+1].find(t[at:hi]); next != nil {
					loc = anchors[i].bare.find(t[at : at+next[0]])
					if loc != nil && at+loc[0] > 0 {
						if r, _ := utf8.DecodeLastRuneInString(t[:at+loc[0]]); strings.ContainsRune("）)、.．", r) {
							loc = nil // numbered as another row ("（六）其他处理" of the 2019 table): not this one
						}
					}
				}
			}
			if loc == nil && each && anchors[i].core != "" {
				// a label worded otherwise ("一、本年新收申请数量"): its own
				// number followed by words, before the next label found
				// (the region's end after the last)
				end := hi - at
				for j := i + 1; j < len(anchors) && j <= i+4; j++ {
					if next := anchors[j].find(t[at:hi]); next != nil {
						end = next[0]
						break
					}
				}
				if k := numberedWords(t[at:at+end], anchors[i].core, anchors[i].paren); k >= 0 {
					loc = []int{k, k}
				}
			}
			if loc == nil {
				all = all && anchors[i].group
				continue
			}
			cuts.add(at + loc[0])
			if each && !anchors[i].group {
				if ahead && laterBefore(t[at:hi], anchors[i+1:min(i+4, len(anchors))], loc[0]) {
					// the label printed out of the table's order, after
					// rows that come after it (（三）不予 4.保护第三方…
					// after （七）总计, pdftotext's order of a merged
					// cell's words): its own piece there, the rows after
					// it still looked for from here
					continue
				}
				at += loc[1]
			}
		}
		return all
	}
	if heads[0] >= 0 {
		// the title, before the introduction that follows it
		start := cuts.prev(heads[0])
		if i := indexText(t[:start], "报告"); i >= 0 && utf8.RuneCountInString(t[:i]) <= 80 {
			cuts.add(i + len("报告"))
		}
	}
	if lo, hi := region(1); lo >= 0 {
		cutAll(lo, hi, anchorT2, false, false) // 2019 and 2021 labels mixed: each found on its own
		// a label no anchor found (misread: 行政中范性文件) after the numbers of the row before
		wordsAfterNumbers(t[lo:hi], func(k int) { cuts.add(lo + k) })
		for i := lo; ; {
			k := indexText(t[i:hi], "第二十条")
			if k < 0 {
				break
			}
			cuts.add(i + k)
			i += k + len("第二十条")
		}
	}
	if lo, hi := region(2); lo >= 0 {
		if !cutAll(lo, hi, anchorT3, true, false) {
			// rows not found: maybe searched for past them, after a label
			// printed out of the table's order; again, looking ahead (the
			// cuts made stand: each is before a label)
			cutAll(lo, hi, anchorT3, true, true)
		}
		// a wrapped label's end, or a merged column's label, printed after
		// a row's cells (a printed page's lines run together: "…只计这一0 0
		// 0 0 0 0 0        情形，不计其他情形）"): its own line, as it was
		wordsAfterCells(t[lo:hi], func(k int) { cuts.add(lo + k) })
		// the header again where a page broke the table (a printed page
		// repeats it): its own line, not the end of the row before it
		for i := lo; ; {
			k := indexText(t[i:hi], "申请人情况")
			if k < 0 {
				break
			}
			if k > 0 && i > lo {
				cuts.add(i + k)
			}
			i += k + len("申请人情况")
		}
	}
	// a note under a table ("…结转下年度继续办理5000016注：本表…"): its own
	// line, not the end of the last row's numbers
	for i := 1; i <= 3; i++ {
		if lo, hi := region(i); lo >= 0 {
			tableNotes(t[lo:hi], func(k int) { cuts.add(lo + k) })
		}
	}
	if lo, hi := region(3); lo >= 0 && !t4TransposedRows(t[lo:hi], func(k int) { cuts.add(lo + k) }) {
		for at := lo; at < hi; {
			m := wordThenNumber(t[at:hi])
			if hasAnyRune(t[at:hi], "—－–/／无-") { // (most tables hold no mark for 0)
				if k := wordThenMarks(t[at:hi]); k >= 0 && (m < 0 || k < m) {
					m = k // a report writing 0 as a mark: 总计——————1——11———1
				}
			}
			if m < 0 {
				break
			}
			// the numbers start after the header's last word
			_, size := utf8.DecodeRuneInString(t[at+m:])
			at += m + size
			cuts.add(at)
			// a table cut in two (复议 and 直接起诉, then 复议后起诉): the
			// next part's headings after the numbers, then its numbers
			k := t4HeadingAfterNumber(t[at:hi])
			if k < 0 {
				break
			}
			at += k
			cuts.add(at)
		}
	}
	// page furniture: one pass over the runes, a word compared only where
	// one may start (searching each word in Chinese text stops at every
	// character that shares its first byte)
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		if r < 0x10000 && furnitureAt[r] {
			for _, f := range pageFurniture {
				if strings.HasPrefix(t[i:], f) {
					cuts.add(i) // no word overlaps itself: every place is a cut, as before
				}
			}
		}
		i += size
	}
	// a page's number where a printed page broke 表三 or 表四 ("…0 0 0 -3-
	// （四）无法提供…"), or ended after 表二 ("…收费44.6 — 2 —"): left out, not
	// read as the row's last cell
	var drop map[int]bool
	leaveOut := func(from, to int) { // (the piece from..to: cut out and dropped)
		if drop == nil {
			drop = map[int]bool{}
		}
		cuts.add(from)
		cuts.add(to)
		drop[from] = true
	}
	for i := 1; i <= 3; i++ {
		if lo, hi := region(i); lo >= 0 && hasAnyRune(t[lo:hi], "-—–－~−页") {
			for _, m := range pageNumbersIn(t[lo:hi]) {
				if i == 1 && trimSpace(t[lo+m[1]:hi]) != "" {
					continue // (表二's: only after its last row, as its page ends; — 2 — among its rows may be cells)
				}
				leaveOut(lo+m[0], lo+m[1])
			}
		}
	}
	// a browser's page number where a printed page broke them ("…0000202"
	// "7/10" "示例局…年度报告12/5/26, 5:16 AM" "2.重复申请…": Chromium's
	// header and footer run into the text): left out, not read as the
	// row's last cells
	var pages [][2]int // (found once, over the whole text: the page count is the pages')
	found := false
	for i := 2; i <= 3; i++ {
		lo, hi := region(i)
		if lo < 0 || strings.IndexByte(t[lo:hi], '/') < 0 {
			continue
		}
		if !found {
			pages, found = browserPageNumbers(t), true
		}
		for _, m := range pages {
			if m[0] < lo || m[1] > hi {
				continue
			}
			leaveOut(m[0], m[1])
		}
	}
	// 表二's column headings written after a row's numbers or after its
	// label (pdftotext's default text of a table whose item headings it put
	// elsewhere: "规范性文件26 6 1 上一年项目数量本年增减处理决定数量",
	// "行政事业性收费上一年项目数量本年增减13 2", "政府集中采购 — 2 — 采购项目数量
	// 采购总金额26 30.71"): left out, with a page's number just before them,
	// so that the row is its label and numbers. Only right after a number or
	// a whole label of 表二: headings elsewhere (after 信息内容, or pieces of
	// headings wrapped, 上一年项目数 / 量) stay where they are; and only where
	// the numbers stand apart (glued digits, 规章131735, are unread anyway, and
	// a row of them short of its cells would mark the report as leaving
	// cells blank).
	if lo, hi := region(1); lo >= 0 && spacedNumbersRe.MatchString(t[lo:hi]) {
		for _, m := range t2HeadingsRe.FindAllStringIndex(t[lo:hi], -1) {
			start := lo + m[0]
			before := strings.TrimRight(t[lo:start], " \u3000")
			if pn := pageNumberRe.FindAllStringIndex(before, -1); len(pn) > 0 && pn[len(pn)-1][1] == len(before) {
				start = lo + pn[len(pn)-1][0]
				before = strings.TrimRight(before[:pn[len(pn)-1][0]], " \u3000")
			}
			if last, _ := utf8.DecodeLastRuneInString(before); !isDigit(last) && !endsWithT2Label(before) {
				continue
			}
			leaveOut(start, lo+m[1])
		}
	}
	// the page's address a browser printed at its foot, with the page's
	// number, after 表二's last row on a page ("…收费44.6
	// file:///…/r000.html 2/4") and in the sections of text (一, 五, 六;
	// the report's last page ends with its foot, "…2600元。
	// file:///…/000.html 4/4", no part of section 六): left out (in 表三 and
	// 表四 the page's number is, above, and the digits' readers leave
	// addresses out)
	for _, i := range []int{0, 1, 4, 5} {
		if lo, hi := region(i); lo >= 0 && strings.Contains(t[lo:hi], "://") {
			for _, m := range printedURLRe.FindAllStringIndex(t[lo:hi], -1) {
				leaveOut(lo+m[0], lo+m[1])
			}
		}
	}
	// a browser's address at a page's foot amid 表四's numbers, where a page
	// broke it ("…0 0 0 file:///…/r000.html 0 0 0 1 0 0 1 1 …"), set apart
	// by spaces: blanked, the numbers one run as on the page (the page's
	// number after them is left out above)
	if lo, hi := region(3); lo >= 0 && strings.Contains(t[lo:hi], "://") {
		var b []byte
		for _, m := range bareURLRe.FindAllStringIndex(t[lo:hi], -1) {
			s, e := lo+m[0], lo+m[1]
			before, after := strings.TrimRight(t[lo:s], " \u3000"), strings.TrimLeft(t[e:hi], " \u3000")
			if len(before) == s-lo || len(after) == hi-e || before == "" || after == "" || !isASCIIDigit(before[len(before)-1]) || !isASCIIDigit(after[0]) {
				// (set apart by spaces only: glued, as a page run into one
				// line without them writes it, the page's number after the
				// numbers is glued too, 00018/9, and would join them)
				continue
			}
			if b == nil {
				b = []byte(t)
			}
			for k := s; k < e; k++ {
				b[k] = ' '
			}
		}
		if b != nil {
			t = string(b) // (the same length: every place found holds)
		}
	}
	// a browser's printed date and time at each page's head ("…0 1 0 1"
	// "12/5/26, 5:01 AM" "示例局…": glued to a row's last digits where a page
	// broke the table, 44.6 and 12/5/26 to 44.612/5/26): left out, the date
	// as the pages where nothing is glued to it give it
	if stamp := printedStamp(t); stamp != "" {
		for at := 0; ; {
			k := strings.Index(t[at:], stamp)
			if k < 0 {
				break
			}
			end := at + k + len(stamp)
			// and the page's title printed after it, where it is the
			// report's (示例第20局2021年…年度报告: its digits are no row's
			// when the row before it is blank)
			if m := printedTitleRe.FindStringIndex(t[end:]); m != nil {
				end += m[1]
			}
			leaveOut(at+k, end)
			if a := footAddressBefore(t, at+k); a >= 0 {
				// the foot before it, whose page count was left out on
				// its own where it ran into the stamp (pdf.js: "…0 1
				// 1file:///…/000.html 3/412/5/26, 9:47 AM"): its address
				// goes too, not left after a row's last digits
				leaveOut(a, at+k)
			}
			at = end
		}
	}
	return cutAt(t, cuts, drop)
}

// t2HeadingsRe is a run of 表二's column headings, either format's.
var t2HeadingsRe = regexp.MustCompile(`(?:(?:本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增[ /／]?减|本年处理决定数量|处理决定数量|本年收费金额[（(]单位[：:]万元[)）]|采购项目数量|采购总金额|本年制发件数|本年废止件数|现行有效件数)[ \x{3000}]*)+`)

// spacedNumbersRe is two numbers a space or more apart.
var spacedNumbersRe = regexp.MustCompile(`[0-9][ \x{3000}]+[0-9]`)

// endsWithT2Label says t ends with a label of 表二, either format's.
func endsWithT2Label(t string) bool {
	for _, items := range [][]T2Item{t2Items2021, t2Items2019} {
		for _, it := range items {
			if strings.HasSuffix(t, it.Label) {
				return true
			}
		}
	}
	return false
}

// printedURLRe is a page's address as a browser prints it at the page's
// foot, with the page's number after it: the address up to a space, or to
// the end of its file's name (the number may be glued to it:
// …/r000.html3/4). An address without the number is left as it is: it may
// stand between a label and its numbers (pdftotext's default text).
var printedURLRe = regexp.MustCompile(`(?:file|https?)://[!-~]*?(?:\.s?html?|\.jsp|\.php|\.aspx?|[!-~]\s)\s*[0-9]{1,3}/[0-9]{1,3}`)

// bareURLRe is a browser's printed address of a page without its number
// (blanked only between two of 表四's numbers).
var bareURLRe = regexp.MustCompile(`(?:file|https?)://[!-~]*?\.(?:s?html?|jsp|php|aspx?)`)

// printedStampRe is a browser's printed date and time (12/5/26, 5:01 AM;
// 2026/12/5 17:01).
var printedStampRe = regexp.MustCompile(`[0-9]{1,4}/[0-9]{1,2}/[0-9]{1,4},? {1,2}[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?: ?[AaPp][Mm])?`)

// footAddressBefore is where the browser's foot that ends at i, or spaces
// before it, starts (its address and the page's count: file:///…/000.html
// 3/4 before 12/5/26, …), or -1 when none does.
func footAddressBefore(t string, i int) int {
	for i > 0 && t[i-1] == ' ' {
		i-- // (the line breaks made spaces)
	}
	lo := max(0, i-512)
	k := strings.LastIndex(t[lo:i], "://")
	if k < 0 {
		return -1
	}
	k += lo
	for _, scheme := range []string{"file", "https", "http"} {
		if a := k - len(scheme); a >= 0 && t[a:k] == scheme {
			if m := printedURLRe.FindStringIndex(t[a:i]); m != nil && m[0] == 0 && m[1] == i-a {
				return a
			}
			return -1
		}
	}
	return -1
}

// printedTitleRe is a report's title as a browser prints it after the date
// at the head of a page, also with the single spaces pdf.js's text sets
// between its digits and characters (示例第 0 局 2019 年政府信息公开工作年度报告).
var printedTitleRe = regexp.MustCompile(`^[ \x{3000}]*(?:[^\s。，；：、]| [^\s。，；：、]){2,40}? ?年(?:度)?政府信息公开(?:工作)?年度报告`)

// printedStamp is the date and time a browser printed at the head of each
// page of a text run into one line: the one written most often, two times
// at least, where no digit or point stands before it ("…申请0件。12/5/26,
// 5:01 AM"); "" when there is none.
func printedStamp(t string) string {
	if strings.IndexByte(t, ':') < 0 {
		return ""
	}
	counts := map[string]int{}
	for _, loc := range printedStampRe.FindAllStringIndex(t, -1) {
		if loc[0] > 0 && (isASCIIDigit(t[loc[0]-1]) || t[loc[0]-1] == '.') {
			continue // (glued to a number: its first digits may be the number's)
		}
		if loc[0] > 0 && t[loc[0]-1] == '/' {
			// glued to the page count before it (pdf.js's text: the foot's
			// "…/000.html 3/4" then the next page's head "12/5/26, 9:47
			// AM", run together as 3/412/5/26): the stamp starts a digit or
			// more later, where the pages that start with it say
			for d := 1; d < 4 && loc[0]+d < loc[1]; d++ {
				if m := printedStampRe.FindStringIndex(t[loc[0]+d : loc[1]]); m != nil && m[0] == 0 && m[1] == loc[1]-loc[0]-d {
					counts[t[loc[0]+d:loc[1]]]++
				}
			}
			continue
		}
		counts[t[loc[0]:loc[1]]]++
	}
	stamp, most := "", 0
	for s, c := range counts {
		if c > most || c == most && s < stamp {
			stamp, most = s, c
		}
	}
	if stamp == "" || strings.Count(t, stamp) < 2 {
		return ""
	}
	return stamp
}

// slashNumberRe is a number over a number: a browser's page number (7/10),
// or part of a date (12/5/26), told apart by browserPageNumbers.
var slashNumberRe = regexp.MustCompile(`[0-9]+/[0-9]{1,3}`)

// inAddress says t[s:e] lies inside a web address: after "://" with no
// space or non-ASCII character between, and followed by more of it (a
// letter, ".html", "_", "?", "#"), not by the text after the address.
func inAddress(t string, s, e int) bool {
	if e >= len(t) || !(isASCIILetter(t[e]) || t[e] == '.' && e+1 < len(t) && isASCIILetter(t[e+1]) || t[e] == '_' || t[e] == '?' || t[e] == '#') {
		return false
	}
	i := s
	for i > 0 && s-i < maxAddress && t[i-1] > ' ' && t[i-1] < utf8.RuneSelf {
		i--
	}
	return strings.Contains(t[i:s], "://")
}

// maxAddress bounds how far back inAddress looks for an address's "://"
// (every hit looking back over one long run would cost its square).
const maxAddress = 512

// browserPageNumbers are where in t a browser's printed page numbers
// are ("7/10": the page of the pages, at each page's foot): the count of
// pages is the number after the slash that most such numbers share, on no
// more pages than it says (a date's 12/5/26 is none: another slash). The
// page's number may be glued to a row's digits before it ("00002027/10"):
// it is the page after the last one found when the digits end in that,
// else the one ending that can be a page (no more than the count, no 0
// first); where neither tells, the number is left.
func browserPageNumbers(t string) [][2]int {
	type hit struct{ at, slash, end, pages int }
	var hits []hit
	counts := map[int]int{}
	for _, loc := range slashNumberRe.FindAllStringIndex(t, -1) {
		s, e := loc[0], loc[1]
		if e < len(t) && t[e] == '/' && !(s > 0 && t[s-1] == '/') {
			// the page's count with the next page's printed date glued
			// after it ("6/912/5/26, 12:34 PM"): the count ends where the
			// date starts
			slash := s + strings.IndexByte(t[s:e], '/')
			for k := slash + 2; k < e; k++ {
				if m := printedStampRe.FindStringIndex(t[k:min(len(t), k+32)]); m != nil && m[0] == 0 {
					e = k
					break
				}
			}
		}
		if s > 0 && t[s-1] == '/' || e < len(t) && t[e] == '/' {
			continue // (a date's)
		}
		if inAddress(t, s, e) {
			continue // (an address's: …/cb65/081.html)
		}
		slash := s + strings.IndexByte(t[s:e], '/')
		m, err := strconv.Atoi(t[slash+1 : e])
		if err != nil || m < 2 {
			continue
		}
		hits = append(hits, hit{s, slash, e, m})
		counts[m]++
	}
	glued := func(h hit, pages int) (int, bool) {
		// the count with the next row's item number glued after it
		// (pdftotext -raw: "…/168.html 6/94.保护第三方合法权益"): the count
		// is the pages', the rest the item's number
		count := strconv.Itoa(pages)
		if end := h.slash + 1 + len(count); strings.HasPrefix(t[h.slash+1:h.end], count) && itemNumberAt(t[end:]) {
			return end, true
		}
		return 0, false
	}
	pages, most := 0, 0
	for m, c := range counts {
		if c >= 2 && c <= m && (c > most || c == most && m < pages) {
			pages, most = m, c
		}
	}
	if pages == 0 {
		return nil
	}
	var out [][2]int
	prev := 0
	for _, h := range hits {
		if h.pages != pages {
			end, ok := glued(h, pages)
			if !ok {
				continue
			}
			h.end = end
		}
		digits := t[h.at:h.slash]
		n, one := -1, -1
		for k := len(digits) - 1; k >= max(0, len(digits)-3); k-- {
			v, _ := strconv.Atoi(digits[k:])
			if digits[k] == '0' || v < 1 || v > pages {
				continue
			}
			if v == prev+1 {
				n = k
			}
			if one == -1 {
				one = k
			} else {
				one = -2 // two endings can be pages
			}
		}
		if n < 0 && one >= 0 {
			n = one
		}
		if n < 0 {
			continue
		}
		prev, _ = strconv.Atoi(digits[n:])
		out = append(out, [2]int{h.at + n, h.end})
	}
	return out
}

// pageNumberRe is a page number printed in a footer, as footerRe, inside
// running text.
var pageNumberRe = regexp.MustCompile(`[-—–－~−]{1,3}[ \x{3000}\x{a0}]*[0-9]{1,3}[ \x{3000}\x{a0}]*[-—–－~−]{1,3}|第[ \x{3000}\x{a0}]*[0-9]{1,3}[ \x{3000}\x{a0}]*页(?:[ \x{3000}\x{a0}]*[，,/]?[ \x{3000}\x{a0}]*共[ \x{3000}\x{a0}]*[0-9]{1,3}[ \x{3000}\x{a0}]*页)?`)

// pageNumbersIn is where the page numbers in a table's running text are: a
// number between dashes ("-3-", "— 3 —") or 第3页 (共9页), not followed by a
// digit or a mark for 0 (a dash between counts is no page's: 2 — 2 — — — 4),
// nor glued to more dashes (a row's cells written — and glued: 信息—9————9,
// —11—211—24—————).
func pageNumbersIn(s string) [][]int {
	var out [][]int
	for _, m := range pageNumberRe.FindAllStringIndex(s, -1) {
		rest := strings.TrimLeft(s[m[1]:], " \u3000\u00a0")
		if r, _ := utf8.DecodeRuneInString(rest); isDigit(r) || rowMark(r) {
			continue // (a row's next cell: 2 — 2 — — — 4 written with 0 as —)
		}
		after, _ := utf8.DecodeRuneInString(s[m[1]:])
		before, _ := utf8.DecodeLastRuneInString(s[:m[0]])
		if dashLike(after) || dashLike(before) || !footerNumber(s[m[0]:m[1]]) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// footerNumber says a number between dashes is a page's: as many dashes
// on each side (- 3 -, —3—), a number that is no 0 (——0 — is cells: 0 glued
// between marks for 0). 第3页 is.
func footerNumber(m string) bool {
	if strings.HasPrefix(m, "第") {
		return true
	}
	left, right, digits := 0, 0, ""
	for _, r := range m {
		switch {
		case isDigit(r):
			digits += string(r)
		case r == ' ' || r == '\u3000' || r == '\u00a0':
		case digits == "":
			left++
		default:
			right++
		}
	}
	return left == right && digits != "" && digits[0] != '0'
}

// tableNotes calls at with where each note after a table's numbers starts:
// 注：, 备注：, 说明： right after a digit or a cell's placeholder.
func tableNotes(s string, at func(int)) {
	for _, w := range []string{"备注：", "备注:", "说明：", "注：", "注:"} {
		for i := 0; ; {
			k := indexText(s[i:], w)
			if k < 0 {
				break
			}
			k += i
			i = k + len(w)
			if w[0] == "注"[0] && strings.HasSuffix(s[:k], "备") {
				continue // 备注, found as such
			}
			if r, _ := utf8.DecodeLastRuneInString(s[:k]); isDigit(r) || r == '/' || r == '—' || r == '-' {
				at(k)
			}
		}
	}
}

// attachedSpans finds, in a page without line breaks, the tables printed
// after its text: by section index (1 表二, 2 表三, 3 表四), the stretch from
// each table's first words (tableFirstWords; 表四's 行政复议 just before its
// first 结果维持) to the next's, for
// each table section found whose own text holds no number. None unless
// section 五 or 六 was found after the three.
func attachedSpans(t string, heads []int, region func(int) (int, int)) map[int]lineSpan {
	last := max(heads[4], heads[5])
	if last < 0 {
		return nil
	}
	var empty []int
	for i := 1; i <= 3; i++ {
		lo, hi := region(i)
		if lo < 0 || lo > last {
			return nil
		}
		if !numberOutsideRefs(t[lo:hi]) {
			empty = append(empty, i)
		}
	}
	if len(empty) == 0 {
		return nil
	}
	words := map[int][]string{1: tableFirstWords["2"], 2: tableFirstWords["3"], 3: {"结果维持"}}
	starts := map[int]int{}
	from := last
	for i := 1; i <= 3; i++ {
		at := -1
		for _, w := range words[i] {
			if k := indexText(t[from:], w); k >= 0 && (at < 0 || from+k < at) {
				at = from + k
			}
		}
		if at < 0 {
			continue
		}
		switch i {
		case 2:
			// the table's note or header before 一、本年新收
			if k := strings.LastIndex(t[from:at], "（本列数据"); k >= 0 {
				at = from + k
			}
		case 3:
			// 表四's header: 行政复议 shortly before its first 结果维持
			k := strings.LastIndex(t[from:at], "行政复议")
			if k < 0 || at-(from+k) > 60 {
				continue
			}
			at = from + k
		}
		starts[i], from = at, at+1
	}
	out := map[int]lineSpan{}
	for _, i := range empty {
		lo, ok := starts[i]
		if !ok {
			continue
		}
		hi := len(t)
		for _, o := range starts {
			if o > lo && o < hi {
				hi = o
			}
		}
		out[i] = lineSpan{lo, hi}
	}
	return out
}

// numberOutsideRefs says s holds a digit that is not an attachment's
// number (详见附表1, 附件2).
func numberOutsideRefs(s string) bool {
	for i := 0; i < len(s); i++ {
		if isASCIIDigit(s[i]) && !refDigit(s, i) {
			return true
		}
	}
	return false
}

// refDigit says the digit at i is part of an attachment's number.
func refDigit(s string, i int) bool {
	before := strings.TrimRight(s[:i], "0123456789 ")
	return strings.HasSuffix(before, "附表") || strings.HasSuffix(before, "附件") || strings.HasSuffix(before, "表")
}

// markAttachments cuts the tail after from before each attachment's name
// (附件：, 附表1), which is then a line of its own.
func markAttachments(t string, from int, cuts cutSet) {
	if from < 0 {
		return
	}
	for _, w := range []string{"附件", "附表"} {
		for i := from; ; {
			k := indexText(t[i:], w)
			if k < 0 {
				break
			}
			cuts.add(i + k)
			end := i + k + len(w)
			for end < len(t) && (isASCIIDigit(t[end]) || strings.HasPrefix(t[end:], "：") || t[end] == ':') {
				if t[end] < utf8.RuneSelf {
					end++
				} else {
					end += len("：")
				}
			}
			cuts.add(end)
			i = end
		}
	}
}

// nextReportAt is where a second report starts in a page, after the
// first's section 六 (whose body starts at from): its section 一 with two
// more of its headings after it, from its title (…年度报告) on when one is
// there, which starts after the sentence or the space before it; 0 for none.
func nextReportAt(t string, from int) int {
	if _, _, ok := findHeading(t, from, Sections[0], headingStart); !ok {
		return 0 // (most pages: no second 一 to look further for)
	}
	s2, h2 := findHeadings(t, from, headingStart)
	if h2[0] < 0 || found(h2) < 3 {
		return 0
	}
	c := s2[0]
	if k := strings.LastIndex(t[from:c], "年度报告"); k >= 0 {
		k += from
		for c = k; c > from && k-c < 240; { // a title is some eighty characters at most
			r, size := utf8.DecodeLastRuneInString(t[:c])
			if r == '。' || r == '！' || r == '；' || r == '>' || r == ' ' || r == '\u3000' {
				break
			}
			c -= size
		}
	}
	return c
}

// findHeadings finds the section headings in order from from: where each
// starts and where its section's body starts, -1 for a heading not found.
func findHeadings(t string, from int, start headingStarter) (starts, heads []int) {
	starts, heads = make([]int, len(Sections)), make([]int, len(Sections))
	for i, sec := range Sections {
		starts[i], heads[i] = -1, -1
		s, e, ok := findHeading(t, from, sec, start)
		if !ok {
			continue
		}
		starts[i], heads[i] = s, e
		from = e
	}
	return starts, heads
}

func found(heads []int) int {
	n := 0
	for _, h := range heads {
		if h >= 0 {
			n++
		}
	}
	return n
}

// contentsList says the headings found are a contents list's: sections 二
// and 三, which hold tables, each a few words long (a dot leader and a page
// number); or two headings at least followed by a dot leader and a page
// number (entries misread past knowing are not found, and the body's
// heading is found in their place).
func contentsList(t string, starts, heads []int) bool {
	short := true
	for _, i := range []int{1, 2} {
		if heads[i] < 0 || starts[i+1] < 0 || starts[i+1]-heads[i] > 80 {
			short = false
		}
	}
	if short {
		return true
	}
	n := 0
	for _, h := range heads {
		if h >= 0 && leaderAt(t, h) {
			n++
		}
	}
	return n >= 2
}

// leaderEntries is where the last heading found that is followed by a dot
// leader and a page number ends (a contents list's last entry found), or 0.
func leaderEntries(t string, heads []int) int {
	last := 0
	for _, h := range heads {
		if h > last && leaderAt(t, h) {
			last = h
		}
	}
	return last
}

// leaderAt says a dot leader and a page number start at i: three dots at
// least (……, ．．．, ···), then the number.
func leaderAt(t string, i int) bool {
	dots := 0
	for i < len(t) {
		r, size := utf8.DecodeRuneInString(t[i:])
		switch {
		case strings.ContainsRune("…．.·•-—_ \u3000", r):
			if r != ' ' && r != '\u3000' {
				dots++
			}
		case isDigit(r):
			return dots >= 3
		default:
			return false
		}
		i += size
	}
	return false
}

// wordThenNumber is where t4Numbers first matches in t (-1 for nowhere):
// a Han character or a closing bracket, ASCII white space, then a digit.
func wordThenNumber(t string) int {
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		if r == '）' || r == ')' || unicode.Is(unicode.Han, r) {
			j := i + size
			for j < len(t) && isSpaceRe(rune(t[j])) {
				j++
			}
			if d, _ := utf8.DecodeRuneInString(t[j:]); j < len(t) && isDigit(d) {
				return i
			}
		}
		i += size
	}
	return -1
}

// wordThenMarks is wordThenNumber for a row whose cells start with marks
// for 0: a word's last character (not itself a mark), white space, then
// marks and digits glued, two marks at least (总计——————1——11———1,
// 总计 无无无无无1…); -1 for nowhere.
func wordThenMarks(t string) int {
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		if (r == '）' || r == ')' || unicode.Is(unicode.Han, r)) && !rowMark(r) {
			j := i + size
			for j < len(t) && isSpaceRe(rune(t[j])) {
				j++
			}
			marks, k := 0, j
			for k < len(t) {
				c, n := utf8.DecodeRuneInString(t[k:])
				if rowMark(c) {
					marks++
				} else if !isDigit(c) {
					break
				}
				k += n
			}
			if marks >= 2 {
				return i
			}
		}
		i += size
	}
	return -1
}

// t4HeadingAfterNumber is where in t a heading of a part of 表四 (行政诉讼,
// 复议后起诉 …) follows a digit or a mark for 0 (—————行政诉讼…), or -1.
func t4HeadingAfterNumber(t string) int {
	for i := 1; i < len(t); i++ {
		if !isDigit(rune(t[i-1])) {
			if b := t[i-1]; b < 0x80 && b != '/' && b != '-' || b >= 0xC0 {
				continue // (not a character's last byte, nor a mark's)
			}
			if r, _ := utf8.DecodeLastRuneInString(t[:i]); !rowMark(r) {
				continue
			}
		}
		j := i
		for j < len(t) && isSpaceRe(rune(t[j])) {
			j++
		}
		for _, w := range t4PartHeadings {
			if strings.HasPrefix(t[j:], w) {
				return j
			}
		}
	}
	return -1
}

// t4TransposedRows finds 表四 turned on its side in a page's running text
// (行政复议 行政诉讼（未经复议直接起诉） 行政诉讼（复议后起诉） 结果维持 2 1 0 结果纠正 1 0 0 …
// 总计 4 1 0) and cuts before each of its five rows, so that the transposed
// reader reads them as lines. Only when every row holds three cells set
// apart by spaces, or exactly three digits run together ("结果维持210": as
// many digits as cells, a digit to a cell); more digits run together are
// cells whose bounds nothing tells, unread.
func t4TransposedRows(t string, cut func(int)) bool {
	first := indexText(t, T4ColumnLabels[0])
	if first < 0 {
		return false
	}
	head := t[:first]
	a, b, c := indexText(head, "行政复议"), indexText(head, "直接起诉"), indexText(head, "复议后起诉")
	if a < 0 || b < a || c < b {
		return false
	}
	var at []int
	from := first
	for k, label := range T4ColumnLabels {
		i := indexText(t[from:], label)
		if i < 0 || k > 0 && strings.TrimSpace(t[from:from+i]) != "" {
			return false // the rows one after another, nothing between
		}
		i += from
		rest := t[i+len(label):]
		end := len(rest)
		if k+1 < len(T4ColumnLabels) {
			if j := indexText(rest, T4ColumnLabels[k+1]); j >= 0 {
				end = j
			}
		}
		if k+1 == len(T4ColumnLabels) {
			end = numbersEnd(rest) // the last row's end: what follows is the next section
		}
		cells := strings.Fields(rest[:end])
		if len(cells) == 1 && gluedRow(cells[0]) {
			cells = nil // three digits run together: a digit to a cell
		} else if len(cells) != len(T4Blocks) || !wellFormed(cells) {
			return false
		}
		at = append(at, i)
		from = i + len(label) + end // after the row's cells
	}
	for _, i := range at {
		cut(i)
	}
	return true
}

// numbersEnd is where the numbers at the start of s end (digits and the
// spaces between them).
func numbersEnd(s string) int {
	end := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			end = i + 1
		case c == ' ' || c == '\t':
		default:
			return end
		}
	}
	return end
}

// gluedRow is a transposed 表四 row's digits run together, one to a cell:
// exactly as many digits as the row has cells.
func gluedRow(s string) bool {
	if len(s) != len(T4Blocks) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// t4PartHeadings are the words a part of 表四 cut from the rest starts with.
var t4PartHeadings = []string{"行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "续表", "结果维持"}

// cutSet is the places where cutPageAt cuts a text, a bit for each byte:
// the latest cut before a heading is asked for a dozen times a page, and
// the cuts are taken in order at the end (a map walked all its keys for
// each, and was sorted).
type cutSet []uint64

func newCutSet(n int) cutSet { return make(cutSet, n/64+1) }

// add marks a cut at i (a place outside the text is never one: cutAt
// takes none there, and none is before a place in it).
func (c cutSet) add(i int) {
	if i >= 0 && i>>6 < len(c) {
		c[i>>6] |= 1 << (i & 63)
	}
}

// prev is the latest cut before pos, 0 if none: the start of the heading
// that ends at pos.
func (c cutSet) prev(pos int) int {
	p := min(pos-1, len(c)<<6-1) // the latest place that may be it
	for w := p >> 6; w >= 0; w-- {
		word := c[w]
		if w == p>>6 {
			word &= ^uint64(0) >> (63 - p&63) // (its word: the places up to p)
		}
		if word != 0 {
			return w<<6 + 63 - bits.LeadingZeros64(word)
		}
	}
	return 0
}

// cutAt is t cut at cuts, without the pieces that start at drop.
func cutAt(t string, cuts cutSet, drop map[int]bool) []string {
	var out []string
	prev := 0
	for w, word := range cuts {
		for word != 0 {
			c := w<<6 + bits.TrailingZeros64(word)
			word &= word - 1
			if c <= 0 || c >= len(t) {
				continue
			}
			if s := trimSpace(t[prev:c]); s != "" && !drop[prev] {
				out = append(out, s)
			}
			prev = c
		}
	}
	if s := trimSpace(t[prev:]); s != "" && !drop[prev] { // (a piece left out may end the text)
		out = append(out, s)
	}
	return out
}

// headingStop ends a heading phrase: punctuation of prose, an opening
// bracket (the first sub-heading follows) or a digit.
func headingStop(r rune) bool { return strings.ContainsRune("。；，,（(", r) || isDigit(r) }

// findHeading finds section sec's heading in t from 'from' on: one of its
// keywords with the section's numeral and a separator at most 12 runes
// before it, up to 情况 or 事项 when they follow within 14 runes. It returns
// the heading's start and end.
// headingStarter finds where the numbered heading whose keyword is at i
// starts (headingStart, otherHeadingStart).
type headingStarter func(t string, i int, num string) (int, bool)

func findHeading(t string, from int, sec Section, headingStart headingStarter) (int, int, bool) {
	num := sectionNumerals[sec.Key]
	bestS, bestE := -1, -1
	for _, k := range sec.Keywords {
		// once one keyword is found, another counts only where it starts
		// before: it is looked for no further (the whole rest of a
		// compilation's page was searched for each wording not used,
		// report after report)
		hi := len(t)
		if bestS >= 0 {
			hi = min(hi, bestS+len(k))
		}
		for at := from; at < hi; {
			i := indexText(t[at:hi], k)
			if i < 0 {
				break
			}
			i += at
			at = i + len(k)
			if bestS >= 0 && i > bestS {
				break
			}
			start, ok := headingStart(t, i, num)
			if !ok {
				continue
			}
			if bestS < 0 || start < bestS {
				bestS, bestE = start, headingEnd(t, i+len(k))
			}
			break
		}
	}
	return bestS, bestE, bestS >= 0
}

// between is where section i's heading may be, its own not found: after
// the heading found before it, before the next one found.
func between(t string, i int, starts, heads []int) (lo, hi int) {
	lo, hi = 0, len(t)
	for j := i - 1; j >= 0; j-- {
		if heads[j] >= 0 {
			lo = heads[j]
			break
		}
	}
	for j := i + 1; j < len(heads); j++ {
		if starts[j] >= 0 {
			hi = starts[j]
			break
		}
	}
	return lo, hi
}

// misreadBetween finds the headings whose numeral was misread (行、主动公开
// 政府信息情况: an OCR) between the headings found: the template's words
// exactly, after one Han character and a 、, that character after no Han
// character (a sentence's 、 is; the title's 报告 aside). Cut there, the
// heading is read, and said, as a line (parser.misreadHeads).
func misreadBetween(t string, starts, heads []int) {
	for i := range heads {
		if heads[i] >= 0 {
			continue
		}
		lo, hi := between(t, i, starts, heads)
		sep := "、" + sectionHeads[i].words
		for at := lo; at < hi; {
			k := indexText(t[at:hi], sep)
			if k < 0 {
				break
			}
			k += at
			at = k + len(sep)
			x, size := utf8.DecodeLastRuneInString(t[:k])
			if !unicode.Is(unicode.Han, x) {
				continue
			}
			before, _ := utf8.DecodeLastRuneInString(t[:k-size])
			if k-size > 0 && unicode.Is(unicode.Han, before) && !strings.HasSuffix(t[:k-size], "报告") {
				continue
			}
			starts[i], heads[i] = k-size, headingEnd(t, k+len(sep))
			break
		}
		if heads[i] < 0 {
			misreadWordsBetween(t, i, lo, hi, starts, heads)
		}
	}
}

// misreadWordsBetween is misreadBetween for a heading whose numeral and one
// of its words' characters were both misread (内、主动公开政府信息务况): the
// template's words of eight characters or more with one other in their
// place, after one Han character and a 、 that stand after no Han character.
func misreadWordsBetween(t string, i, lo, hi int, starts, heads []int) {
	words := []rune(sectionHeads[i].words)
	if len(words) < 8 {
		return
	}
	for at := lo; at < hi; {
		k := indexText(t[at:hi], "、")
		if k < 0 {
			return
		}
		k += at
		at = k + len("、")
		x, size := utf8.DecodeLastRuneInString(t[:k])
		if !unicode.Is(unicode.Han, x) {
			continue
		}
		if before, _ := utf8.DecodeLastRuneInString(t[:k-size]); k-size > 0 && unicode.Is(unicode.Han, before) && !strings.HasSuffix(t[:k-size], "报告") {
			continue
		}
		end, off, got := at, 0, 0
		for _, w := range words {
			r, n := utf8.DecodeRuneInString(t[end:hi])
			if n == 0 {
				break
			}
			if r != w {
				off++
			}
			end, got = end+n, got+1
		}
		if off <= 1 && got == len(words) {
			starts[i], heads[i] = k-size, headingEnd(t, end)
			return
		}
	}
}

// numberedBetween finds the headings no keyword found (五、问题及改进,
// 六、其他, 三、政府信息公开申请办理情况 in a page without line breaks, whose
// words alone are too common to look for) between the headings found: the
// first "六、" (六. 六， 六 ) after the section before's heading and before the next
// section's, not after a Chinese character (统一、规范 is no heading; the
// title's 报告 aside), a Chinese character after it.
func numberedBetween(t string, starts, heads []int) {
	roman := romanNumbered(t, starts, heads)
	for i := range heads {
		if heads[i] >= 0 {
			continue
		}
		lo, hi := between(t, i, starts, heads)
		nums := []string{sectionNumerals[Sections[i].Key]}
		if roman {
			// headings numbered Ⅰ、 or II.: this one's numeral so too, its
			// words misread (an OCR's)
			nums = append(nums, string(rune('Ⅰ'+i)), latinRoman[i])
		}
		for _, num := range nums {
			if numberedAt(t, lo, hi, i, num, starts, heads) {
				break
			}
		}
	}
}

// romanNumbered says a heading found is numbered in Roman numerals (Ⅲ、,
// IV.).
func romanNumbered(t string, starts, heads []int) bool {
	for i, s := range starts {
		if heads[i] < 0 || s < 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t[s:])
		if r >= 'Ⅰ' && r <= 'Ⅵ' || r == 'I' || r == 'V' {
			return true
		}
	}
	return false
}

// numberedAt is numberedBetween's search for section i's heading numbered
// num between lo and hi: found, starts and heads are set.
func numberedAt(t string, lo, hi, i int, num string, starts, heads []int) bool {
	latin := num[0] == 'I' || num[0] == 'V'
	for at := lo; at < hi; {
		k := indexText(t[at:hi], num)
		if k < 0 {
			break
		}
		k += at
		at = k + len(num)
		// 六、 or 六. 六． 六， 六 (a space for Word's tab): numbered as
		// headingStart takes the headings found
		sep, size := utf8.DecodeRuneInString(t[at:])
		if !strings.ContainsRune("、.．，, \u3000", sep) || size == 0 {
			continue
		}
		if latin && (!strings.ContainsRune("、.．", sep) || k > 0 && isASCIILetter(t[k-1])) {
			continue // (IV. is no V.; a Latin numeral stands apart from words)
		}
		at += size
		before, _ := utf8.DecodeLastRuneInString(t[:k])
		after, _ := utf8.DecodeRuneInString(t[at:])
		if k > 0 && unicode.Is(unicode.Han, before) && !strings.HasSuffix(t[:k], "报告") || !unicode.Is(unicode.Han, after) {
			continue // (the title's 年度报告 may run into section 一's heading)
		}
		if t3RowAfter(t[at:]) {
			continue // 表三's own 四、结转下年度继续办理, not section 四's heading
		}
		// where the heading's words end is known by its section's words
		// (六、其他|2024年度…); without them, right after its number
		end := at
		window := t[at:min(len(t), at+16*3)]
		for _, w := range slices.Concat(Sections[i].Keywords, Sections[i].LineKeywords) {
			if j := indexText(window, w); j >= 0 && (end == at || at+j+len(w) < end) {
				end = at + j + len(w)
			}
		}
		starts[i], heads[i] = k, headingEnd(t, end)
		return true
	}
	return false
}

// t4HeaderAt is where 表四's header starts in s — 行政复议 with 行政诉讼 at
// most a few characters after it — or -1.
func t4HeaderAt(s string) int {
	for from := 0; ; {
		k := indexText(s[from:], "行政复议")
		if k < 0 {
			return -1
		}
		k += from
		from = k + len("行政复议")
		if j := indexText(s[from:min(len(s), from+24)], "行政诉讼"); j >= 0 {
			return k
		}
	}
}

// t3RowAfter says s starts with the words of one of 表三's rows numbered
// 一 to 四 (本年新收, 上年结转, 本年度办理结果, 结转下年度), one character of
// them misread, lost or read in at most (政转下年度, 结转年度 of an OCR:
// section 四's heading words are nothing like them).
func t3RowAfter(s string) bool {
	for _, w := range []string{"本年新收", "上年结转", "本年度办理结果", "本年办理结果", "结转下年度"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	for _, w := range []string{"本年新收", "上年结转", "本年度办理结果", "结转下年度"} {
		// as many characters, or one fewer or more: one misread, lost
		// (结转年度继续办理) or read in
		n := utf8.RuneCountInString(w)
		for _, m := range []int{n, n - 1, n + 1} {
			if editWithin(s[:runesAfter(s, 0, m)], w, 1) <= 1 {
				return true
			}
		}
	}
	return false
}

// headingStart looks back from a keyword at i for "num、" within 12 runes of
// words (no punctuation or digits between).
func headingStart(t string, i int, num string) (int, bool) {
	j := i
	for n := 0; n <= 14 && j > 0; n++ {
		r, size := utf8.DecodeLastRuneInString(t[:j])
		if r == '、' || r == '.' || r == '．' || r == '，' || r == ',' {
			k := j - size
			for k > 0 {
				r2, s2 := utf8.DecodeLastRuneInString(t[:k])
				if r2 != ' ' && r2 != '\u3000' {
					break
				}
				k -= s2
			}
			if strings.HasSuffix(t[:k], num) {
				return k - len(num), true
			}
			return 0, false
		}
		if headingStop(r) {
			return 0, false
		}
		if r == ' ' || r == '\u3000' {
			// a space for the 、 (Word's tab after an automatic number):
			// "一 总体情况", the numeral right before it
			k := backOver(t, j-size, func(r rune) bool { return r == ' ' || r == '\u3000' })
			if strings.HasSuffix(t[:k], num) {
				return k - len(num), true
			}
		}
		j -= size
	}
	return 0, false
}

// bareHeadingStart is headingStart for headings whose numbers were lost
// (Word's automatic numbering, dropped when the page was made): the
// template's heading words in full, without the numeral ("主动公开政府信息情况",
// "政府信息公开行政复议、行政诉讼情况") around the keyword at i, with a
// numbering of another form glued before them (numberingBefore). Only the
// template's words: shorter wordings are common in running text.
func bareHeadingStart(t string, i int, num string) (int, bool) {
	if at, key, ok := headingWordsAt(t, i, num, false); ok {
		return numberingBefore(t, at, key), true
	}
	return 0, false
}

// numberedBareHeadingStart is bareHeadingStart for a heading with a
// numbering before its words (numberingBefore finds one), the words
// within one edit of the template's when they are six characters or more
// (an OCR's misread 主动公开政府信息总况: the numbering and a keyword
// whole say it is the heading).
func numberedBareHeadingStart(t string, i int, num string) (int, bool) {
	if at, key, ok := headingWordsAt(t, i, num, true); ok {
		if n := numberingBefore(t, at, key); n < at {
			return n, true
		}
	}
	return 0, false
}

// headingWordsAt finds section num's template heading words in full
// around the keyword at i (or, misread, with one character off when they
// are six characters or more): where they start, and the section's key.
func headingWordsAt(t string, i int, num string, misread bool) (int, string, bool) {
	for si, sec := range Sections {
		if sectionNumerals[sec.Key] != num {
			continue
		}
		words := sectionHeads[si].words
		for _, k := range sec.Keywords {
			off := indexText(words, k)
			if off < 0 || off > i || !strings.HasPrefix(t[i:], k) {
				continue
			}
			if strings.HasPrefix(t[i-off:], words) {
				return i - off, sec.Key, true
			}
			if !misread {
				continue
			}
			// as many characters as the words, one of them misread
			n := utf8.RuneCountInString(words)
			if n >= 6 && editWithin(t[i-off:runesAfter(t, i-off, n)], words, 1) == 1 {
				return i - off, sec.Key, true
			}
		}
	}
	return 0, "", false
}

// numberingBefore is where a numbering of section key glued before its
// heading words at k starts (k when there is none): its numeral with or
// without a separator (三、 三 三), an Arabic one (3. 3、), or bracketed （3）
// 【三】, Roman (Ⅲ、 III.) — kept with the heading, not left at the end of the text before it
// ("行政事业性收费12.353.收到和处理…": 12.35, then 3.). Only the forms a heading
// on a line is read in (headingKeyOf, arabicHeading).
func numberingBefore(t string, k int, key string) int {
	cn, ar := sectionNumerals[key], key
	j := backOver(t, k, func(r rune) bool { return r == ' ' || r == '\u3000' })
	n := int(key[0] - '1')
	if n < 0 || n > 5 {
		return k
	}
	rm, latin := string(rune('Ⅰ'+n)), latinRoman[n]
	for _, form := range []string{cn + "、", cn + "．", cn + ".", cn + "，", cn, ar + ".", ar + "．", ar + "、",
		"（" + ar + "）", "(" + ar + ")", "【" + cn + "】", "【" + ar + "】",
		rm + "、", rm + "．", rm + ".", rm, latin + "、", latin + "．", latin + "."} {
		if strings.HasSuffix(t[:j], form) {
			return j - len(form)
		}
	}
	return k
}

// otherHeadingStart is headingStart for the other numberings: "（num）"
// or "第num部分" (章, 节) within 14 runes before the keyword.
func otherHeadingStart(t string, i int, num string) (int, bool) {
	j := i
	for n := 0; n <= 14 && j > 0; n++ {
		r, size := utf8.DecodeLastRuneInString(t[:j])
		switch {
		case r == '）' || r == ')':
			k := j - size
			if !strings.HasSuffix(t[:k], num) {
				return 0, false
			}
			k -= len(num)
			if o, osize := utf8.DecodeLastRuneInString(t[:k]); o == '（' || o == '(' {
				return k - osize, true
			}
			return 0, false
		case strings.HasSuffix(t[:j], "部分") || r == '章' || r == '节':
			k := j - size
			if r == '分' {
				k = j - len("部分")
			}
			k = backOver(t, k, func(r rune) bool { return r == ' ' || r == '\u3000' })
			if strings.HasSuffix(t[:k], "第"+num) {
				return k - len("第"+num), true
			}
			return 0, false
		case headingStop(r):
			return 0, false
		}
		j -= size
	}
	return 0, false
}

// headingEnd extends a heading from e to the end of 情况 or 事项 when one
// follows within 14 runes of words.
func headingEnd(t string, e int) int {
	j := e
	for n := 0; n < 16 && j < len(t); n++ {
		for _, w := range []string{"情况", "事项"} {
			if strings.HasPrefix(t[j:], w) {
				return j + len(w)
			}
		}
		r, size := utf8.DecodeRuneInString(t[j:])
		if headingStop(r) {
			break
		}
		j += size
	}
	return e
}

// maxLineBytes bounds a line the parser reads. Once pages are cut into
// their pieces, a report's longest line is a paragraph of a few KB; a
// line longer than this is no row, heading or sentence of a report but a
// file's junk (a page of numbers without headings, an encoded picture),
// and the readers' passes over its words would hold each word of it at
// once, many times over (a 32 MB line of "1 1 1" took 4.5 GB).
const maxLineBytes = 64 << 10

// cutLongLines cuts each line longer than maxLineBytes into pieces no
// longer, at a space where there is one in the piece's last quarter, else
// between two characters; the pieces keep the line's number and lose its
// fields (no row has so many). Lines are returned as they are when none
// is so long.
func cutLongLines(lines []Line) []Line {
	if !slices.ContainsFunc(lines, func(l Line) bool { return len(l.Text) > maxLineBytes }) {
		return lines
	}
	out := make([]Line, 0, len(lines)+16)
	for _, l := range lines {
		if len(l.Text) <= maxLineBytes {
			out = append(out, l)
			continue
		}
		for t := l.Text; t != ""; {
			n := min(len(t), maxLineBytes)
			if n < len(t) {
				if k := strings.LastIndexByte(t[:n], ' '); k >= n*3/4 {
					n = k + 1
				} else {
					for n > 0 && !utf8.RuneStart(t[n]) {
						n--
					}
				}
			}
			out = append(out, Line{No: l.No, Text: t[:n], Segmented: true})
			t = t[n:]
		}
	}
	return out
}
