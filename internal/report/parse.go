package report

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Read parses a published report (text, pdftotext output, HTML, DOCX or PDF)
// into the model. It fills in what it could read and leaves the rest blank; it
// never invents a number. Reading problems become PARSE.* findings. An error is
// returned only when the file cannot be read at all.
func Read(name string, data []byte) (*Report, error) {
	lines, _, err := Lines(name, data)
	if err != nil {
		return nil, err
	}
	r := Parse(lines)
	r.Meta.Source = name
	return r, nil
}

// Parse reads a report from lines.
func Parse(lines []Line) *Report {
	p := &parser{lines: lines}
	return p.parse()
}

type parser struct {
	lines []Line
	r     *Report
	heads map[string]int // section key → index into lines
}

func (p *parser) warn(rule, cell string, line int, format string, args ...any) {
	sev := SevWarning
	if x := RuleByID(rule); x != nil {
		sev = x.Severity
	}
	p.r.Meta.Parse = append(p.r.Meta.Parse, Finding{Rule: rule, Severity: sev, Cell: cell, Line: line, Message: fmt.Sprintf(format, args...)})
}

// paraText is the text of a line read as prose: a one-cell table row (layout
// tables on government sites) is a paragraph too.
func paraText(l Line) string {
	if l.Fields == nil {
		return strings.TrimSpace(l.Text)
	}
	var nonEmpty []string
	for _, f := range l.Fields {
		if strings.TrimSpace(f) != "" {
			nonEmpty = append(nonEmpty, strings.TrimSpace(f))
		}
	}
	if len(nonEmpty) == 1 {
		return nonEmpty[0]
	}
	return strings.TrimSpace(l.Text)
}

var sectionNumerals = map[string]string{"1": "一", "2": "二", "3": "三", "4": "四", "5": "五", "6": "六"}

func headingKey(text string) string {
	t := strings.TrimSpace(text)
	if t == "" || utf8.RuneCountInString(t) > 40 {
		return ""
	}
	for _, s := range Sections {
		num := sectionNumerals[s.Key]
		rest, ok := strings.CutPrefix(t, num)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, " \u3000")
		sep := false
		for _, x := range []string{"、", "，", ".", "．", ",", " "} {
			if strings.HasPrefix(rest, x) {
				sep = true
				break
			}
		}
		if !sep {
			continue
		}
		for _, k := range s.Keywords {
			if strings.Contains(rest, k) {
				return s.Key
			}
		}
	}
	return ""
}

func (p *parser) parse() *Report {
	p.r = NewReport(Format2021)
	r := p.r
	r.Meta.Parsed = true
	r.Meta.Tables = map[string]bool{}
	r.Meta.Unreadable = map[string]bool{}
	p.heads = map[string]int{}
	for i, l := range p.lines {
		if l.Fields != nil && !oneCell(l) {
			continue
		}
		if k := headingKey(paraText(l)); k != "" {
			if _, dup := p.heads[k]; !dup {
				p.heads[k] = i
				r.Meta.Order = append(r.Meta.Order, k)
			}
		}
	}
	p.title()
	for _, s := range Sections {
		i, ok := p.heads[s.Key]
		if !ok {
			continue
		}
		if s.Key == "2" || s.Key == "3" || s.Key == "4" {
			r.Sections[s.Key] = paraText(p.lines[i])
			r.setLine(s.Key, p.lines[i].No)
			continue
		}
		lo, hi := p.region(s.Key)
		var buf []string
		first := 0
		for _, l := range p.lines[lo+1 : hi] {
			t := strings.TrimRight(paraText(l), " \t\u3000")
			if isPageFurniture(t) {
				break
			}
			if first == 0 && strings.TrimSpace(t) == "" {
				continue
			}
			if first == 0 {
				first = l.No
			}
			buf = append(buf, t)
		}
		for len(buf) > 0 && strings.TrimSpace(buf[len(buf)-1]) == "" {
			buf = buf[:len(buf)-1]
		}
		r.Sections[s.Key] = strings.Join(buf, "\n")
		if first == 0 {
			first = p.lines[i].No
		}
		r.setLine(s.Key, first)
	}
	p.detectFormat()
	p.year()
	p.parseT2()
	p.parseT3()
	p.parseT4()
	return r
}

// pageFurniture are what portals print after an article: the report ends there.
var pageFurniture = []string{"主办单位", "承办单位", "版权所有", "ICP备", "网站标识码", "网站识别码", "公网安备",
	"关闭窗口", "打印本页", "【打印】", "【关闭】", "分享到", "扫一扫在手机", "技术支持", "联系我们"}

func isPageFurniture(t string) bool {
	if len(t) > 180 || utf8.RuneCountInString(t) > 60 {
		return false
	}
	for _, f := range pageFurniture {
		if strings.Contains(t, f) {
			return true
		}
	}
	return false
}

func oneCell(l Line) bool {
	n := 0
	for _, f := range l.Fields {
		if strings.TrimSpace(f) != "" {
			n++
		}
	}
	return n <= 1
}

// region returns the line range [lo, hi) of section k: from its heading (or,
// when the heading is missing, from the heading before it) to the next heading.
func (p *parser) region(k string) (int, int) {
	lo, found := p.heads[k]
	if !found {
		lo = 0
		for _, s := range Sections {
			if s.Key >= k {
				break
			}
			if i, ok := p.heads[s.Key]; ok && i >= lo {
				lo = i
			}
		}
	}
	hi := len(p.lines)
	for _, i := range p.heads {
		if i > lo && i < hi {
			hi = i
		}
	}
	if !found {
		// the missing heading's table may sit anywhere up to the next later section
		hi = len(p.lines)
		for _, s := range Sections {
			if s.Key > k {
				if i, ok := p.heads[s.Key]; ok && i > lo && i < hi {
					hi = i
				}
			}
		}
	}
	return lo, hi
}

var (
	titleRe      = regexp.MustCompile(`^(.*?)\s*(?:关于)?\s*(\d{4})\s*年\s*(?:度)?\s*(?:的)?\s*(?:政府信息公开|政务公开|信息公开)`)
	titleYearFst = regexp.MustCompile(`^\s*(\d{4})\s*年\s*(?:度)?\s*(.+?)\s*(?:政府信息公开|政务公开|信息公开)`)
)

// title reads the document title and from it the agency and the year. Portal
// pages put navigation ("首页 > 年度报告") and site names before it, and some
// titles break the agency and the rest onto two lines.
func (p *parser) title() {
	r := p.r
	end := len(p.lines)
	for _, i := range p.heads {
		if i < end {
			end = i
		}
	}
	var pre []string
	for _, l := range p.lines[:end] {
		if t := paraText(l); t != "" && utf8.RuneCountInString(t) <= 80 {
			pre = append(pre, t)
		}
	}
	if len(pre) > 12 {
		pre = pre[len(pre)-12:]
	}
	pick := func(t string) bool {
		if m := titleRe.FindStringSubmatch(t); m != nil && cleanAgency(m[1]) != "" && strings.Contains(t, "报告") {
			r.Title, r.Agency = t, cleanAgency(m[1])
			r.Year, _ = strconv.Atoi(m[2])
			return true
		}
		if m := titleYearFst.FindStringSubmatch(t); m != nil && cleanAgency(m[2]) != "" && strings.Contains(t, "报告") {
			r.Title, r.Agency = t, cleanAgency(m[2])
			r.Year, _ = strconv.Atoi(m[1])
			return true
		}
		return false
	}
	for i := len(pre) - 1; i >= 0; i-- {
		if pick(pre[i]) {
			return
		}
		if i > 0 && strings.Contains(pre[i], "报告") && pick(pre[i-1]+pre[i]) {
			return
		}
	}
	for _, t := range pre {
		if strings.Contains(t, "年度报告") {
			r.Title = t
			if m := titleYearRe.FindStringSubmatch(t); m != nil {
				r.Year, _ = strconv.Atoi(m[1])
			}
			return
		}
	}
}

func cleanAgency(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSuffix(s, "关于")
	s = strings.Trim(s, "《》“”\"")
	if utf8.RuneCountInString(s) < 2 {
		return ""
	}
	return s
}

// year falls back to the statistical period, then to the first year of section 一.
func (p *parser) year() {
	r := p.r
	if r.Year != 0 {
		return
	}
	for _, k := range narrativeKeys {
		if m := periodRe.FindStringSubmatch(r.Sections[k]); m != nil {
			r.Year, _ = strconv.Atoi(m[1])
			return
		}
	}
	if m := yearRe.FindStringSubmatch(r.Sections["1"]); m != nil {
		r.Year, _ = strconv.Atoi(m[1])
	}
}

func (p *parser) detectFormat() {
	lo2, hi2 := p.region("2")
	lo3, hi3 := p.region("3")
	text := func(lo, hi int) string {
		var b strings.Builder
		for _, l := range p.lines[lo:hi] {
			b.WriteString(l.Text)
		}
		return b.String()
	}
	t2, t3 := text(lo2, hi2), text(lo3, hi3)
	f := Format("")
	switch {
	case strings.Contains(t2, "本年新制作数量") || strings.Contains(t2, "上一年项目数量") || strings.Contains(t2, "对外公开总数量") || strings.Contains(t2, "政府集中采购"):
		f = Format2019
	case strings.Contains(t2, "本年制发件数") || strings.Contains(t2, "现行有效件数"):
		f = Format2021
	case strings.Contains(t3, "逾期不补正") || strings.Contains(t3, "未按收费通知"):
		f = Format2021
	}
	if f == "" {
		y := p.r.Year
		if y == 0 {
			if m := titleYearRe.FindStringSubmatch(p.r.Title); m != nil {
				y, _ = strconv.Atoi(m[1])
			}
		}
		f = FormatForYear(y)
	}
	if f != p.r.Format {
		fresh := NewReport(f)
		p.r.Format = f
		p.r.Applications = fresh.Applications
	}
}

// --- reading cells ---------------------------------------------------------------

var (
	numRe      = regexp.MustCompile(`^[+\-－＋]?[0-9０-９][0-9０-９,，]*(?:\.[0-9０-９]+)?$`)
	digitRunRe = regexp.MustCompile(`^[0-9０-９]+$`)
	tailRunRe  = regexp.MustCompile(`^(.*[^\s0-9０-９.．,，])([0-9０-９]+(?:\.[0-9]+)?)$`)
)

var placeholders = map[string]bool{"-": true, "—": true, "－": true, "——": true, "--": true, "/": true, "／": true,
	"无": true, "空": true, "*": true, "x": true, "×": true, "–": true}

func cellish(s string) bool {
	s = strings.TrimSpace(s)
	return s == "" || numRe.MatchString(s) || placeholders[s]
}

// tok is a space-separated token with its position (in runes) on the line.
type tok struct {
	s      string
	center int
}

// rowCells is what one table line holds after its label.
type rowCells struct {
	label  string
	cells  []string // exactly n cells when ok
	run    string   // a single run of digits to be split by the table's identities
	tokens []tok    // space-separated cells with positions, when fewer than n
	ok     bool
}

// splitLabel separates a line into its label and its cells. n is the number of
// cells the row should have.
func splitLabel(l Line, n int) rowCells {
	if l.Fields != nil {
		last := -1
		for i, f := range l.Fields {
			if !cellish(f) {
				last = i
			}
		}
		label := strings.Join(l.Fields[:last+1], " ")
		region := l.Fields[last+1:]
		if last >= 0 && allEmpty(region) {
			if m := tailRunRe.FindStringSubmatch(strings.TrimSpace(l.Fields[last])); m != nil {
				label = strings.Join(l.Fields[:last], " ") + " " + m[1]
				return rowCells{label: label, run: m[2]}
			}
		}
		rc := rowCells{label: label}
		if l.Structured {
			t := region
			for len(t) > n && strings.TrimSpace(t[len(t)-1]) == "" {
				t = t[:len(t)-1] // Word's merge continuations, not blank cells
			}
			switch {
			case len(t) >= n:
				rc.cells, rc.ok = t[len(t)-n:], true
			case len(region) == 1 && digitRunRe.MatchString(strings.TrimSpace(region[0])) && n > 1:
				rc.run = strings.TrimSpace(region[0])
			}
			return rc
		}
		lead, trail := 0, len(region)
		for lead < trail && strings.TrimSpace(region[lead]) == "" {
			lead++
		}
		for trail > lead && strings.TrimSpace(region[trail-1]) == "" {
			trail--
		}
		for _, c := range [][]string{region[lead:trail], region[lead:], region[:trail], region} {
			if len(c) == n {
				rc.cells, rc.ok = c, true
				return rc
			}
		}
		if trail-lead == 1 && n > 1 && digitRunRe.MatchString(strings.TrimSpace(region[lead])) {
			rc.run = strings.TrimSpace(region[lead])
			return rc
		}
		// numbers, but not as many as the row has: the row is there, unreadable
		for _, f := range region {
			if f = strings.TrimSpace(f); f != "" {
				rc.tokens = append(rc.tokens, tok{s: f, center: -1})
			}
		}
		return rc
	}
	// space-separated text: trailing cell-like tokens are the cells
	toks := tokens(l.Text)
	k := len(toks)
	for k > 0 && cellish(toks[k-1].s) {
		k--
	}
	var label []string
	for _, t := range toks[:k] {
		label = append(label, t.s)
	}
	rc := rowCells{label: strings.Join(label, " ")}
	cells := toks[k:]
	if len(cells) == 0 && k > 0 {
		if m := tailRunRe.FindStringSubmatch(toks[k-1].s); m != nil {
			label[len(label)-1] = m[1]
			rc.label = strings.Join(label, " ")
			rc.run = m[2]
			return rc
		}
	}
	switch {
	case len(cells) == n:
		for _, t := range cells {
			rc.cells = append(rc.cells, t.s)
		}
		rc.ok = true
	case len(cells) == 1 && n > 1 && digitRunRe.MatchString(cells[0].s):
		rc.run = cells[0].s
	case len(cells) > 0 && len(cells) < n:
		rc.tokens = cells
	}
	return rc
}

func allEmpty(fs []string) bool {
	for _, f := range fs {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func tokens(s string) []tok {
	var out []tok
	col, start := 0, -1
	var b strings.Builder
	for _, r := range s + " " {
		if r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' {
			if start >= 0 {
				out = append(out, tok{s: b.String(), center: (start + col - 1) / 2})
				b.Reset()
				start = -1
			}
		} else {
			if start < 0 {
				start = col
			}
			b.WriteRune(r)
		}
		col++
	}
	return out
}

// norm keeps the letters and digits of a label: punctuation, width and spacing
// vary between published copies, the words do not.
func norm(s string) string {
	s = foldDigits(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func toCell(s string) Cell {
	s = strings.TrimSpace(s)
	if placeholders[s] {
		return Invalid(s)
	}
	return ParseCount(s)
}

// --- 表二 ----------------------------------------------------------------------

func (p *parser) parseT2() {
	r := p.r
	lo, hi := p.region("2")
	items := r.Format.T2Items()
	next := 0
	found := 0
	for _, l := range p.lines[lo:hi] {
		if next >= len(items) {
			break
		}
		L := norm(splitLabel(l, 3).label)
		if L == "" {
			continue
		}
		for j := next; j < len(items); j++ {
			it := items[j]
			N := norm(it.Label)
			if L == "" || !(L == N || strings.HasSuffix(L, N) || (strings.HasSuffix(N, L) && utf8.RuneCountInString(L) >= 4)) {
				continue
			}
			if j > next && strings.HasSuffix(norm(items[next].Label), L) {
				j = next
				it = items[j]
			}
			found++
			next = j + 1
			r.setLine("proactive."+it.Key, l.No)
			p.fillT2(it, splitLabel(l, len(it.Cells)), l)
			break
		}
	}
	if found > 0 {
		r.Meta.Tables["2"] = true
	} else if _, ok := p.heads["2"]; ok && hi-lo > 1 {
		r.Meta.Unreadable["2"] = true
		p.warn("PARSE.TABLE", r.t2Prefix()[:len(r.t2Prefix())-1], p.lines[lo].No, "表二无法读取：未找到“规章”“行政许可”等行，表二各栏记为空")
	}
}

func (p *parser) fillT2(it T2Item, rc rowCells, l Line) {
	r := p.r
	set := func(i int, s string) {
		path := it.Key + "." + it.Cells[i]
		if len(it.Money) > i && it.Money[i] {
			r.Proactive.SetAmount(path, ParseAmount(foldDigits(strings.TrimSpace(s))))
			if placeholders[strings.TrimSpace(s)] {
				r.Proactive.SetAmount(path, Amount{state: cellInvalid, raw: strings.TrimSpace(s)})
			}
			return
		}
		r.Proactive.Set(path, toCell(s))
	}
	n := len(it.Cells)
	switch {
	case rc.ok:
		for i, s := range rc.cells {
			set(i, s)
		}
	case rc.run != "" && n == 1:
		set(0, rc.run)
	case rc.run != "":
		cands := cuts(foldDigits(rc.run), n, 0, 64)
		if len(cands) == 1 {
			for i, v := range cands[0] {
				set(i, strconv.FormatInt(v, 10))
			}
			return
		}
		for i := range it.Cells {
			p.ambiguous(r.t2Prefix() + it.Key + "." + it.Cells[i])
		}
		p.warn("PARSE.AMBIGUOUS", r.t2Prefix()+it.Key, l.No, "表二“%s”的数字“%s”连在一起，有 %d 种拆分方式，无法确定，相关单元格记为空",
			it.Label, rc.run, len(cands))
	case len(rc.tokens) > 0 && n > 1:
		p.warn("PARSE.TABLE", r.t2Prefix()+it.Key, l.No, "表二“%s”应有 %d 个数，只读到 %d 个，无法确定空白的位置，该行记为空", it.Label, n, len(rc.tokens))
	case len(rc.tokens) == 1 && n == 1:
		set(0, rc.tokens[0].s)
	}
}

func (p *parser) ambiguous(cell string) {
	if p.r.Meta.Ambiguous == nil {
		p.r.Meta.Ambiguous = map[string]bool{}
	}
	p.r.Meta.Ambiguous[cell] = true
}

// --- 表三 ----------------------------------------------------------------------

var t3GroupNorms = []string{norm(T3Group), "三不予公开", "四无法提供", "五不予处理", "六其他处理"}

func stripGroups(L string) string {
	for changed := true; changed; {
		changed = false
		for _, g := range t3GroupNorms {
			if rest, ok := strings.CutPrefix(L, g); ok && rest != "" {
				L, changed = rest, true
			}
		}
	}
	return L
}

type t3Line struct {
	row  T3Row
	rc   rowCells
	line Line
}

func (p *parser) parseT3() {
	r := p.r
	lo, hi := p.region("3")
	rows := r.Format.T3Rows()
	norms := make([]string, len(rows))
	for i, row := range rows {
		norms[i] = norm(row.Label)
	}
	var got []t3Line
	next := 0
	for _, l := range p.lines[lo:hi] {
		if next >= len(rows) {
			break
		}
		rc := splitLabel(l, NumCols)
		if !rc.ok && rc.run == "" && len(rc.tokens) == 0 {
			continue // a header or a wrapped piece of a label
		}
		L := norm(rc.label)
		S := stripGroups(L)
		j := -1
		for k := next; k < len(rows) && j < 0; k++ {
			if S == norms[k] || strings.HasSuffix(L, norms[k]) {
				j = k
			}
		}
		for k := next; k < len(rows) && j < 0; k++ {
			n := utf8.RuneCountInString(S)
			// a wrapped label: the numbers' line holds its start, end or (4+ characters of) its middle
			if S != "" && n >= 2 && (strings.HasPrefix(norms[k], S) || strings.HasSuffix(norms[k], S) || (n >= 4 && strings.Contains(norms[k], S))) {
				j = k
			}
		}
		if j < 0 && S == "" && next > 0 {
			j = next // numbers whose label sits on a neighbouring line
		}
		if j < 0 {
			continue
		}
		next = j + 1
		got = append(got, t3Line{rows[j], rc, l})
		r.setLine(rows[j].Key, l.No)
	}
	if len(got) == 0 {
		if _, ok := p.heads["3"]; ok && hi-lo > 1 {
			r.Meta.Unreadable["3"] = true
			p.warn("PARSE.TABLE", "applications", p.lines[lo].No, "表三无法读取：未找到“本年新收”“予以公开”等行，表三各栏记为空")
		}
		return
	}
	r.Meta.Tables["3"] = true
	p.alignShort(got)
	var runs []t3Line
	for _, g := range got {
		switch {
		case g.rc.ok:
			var v Row
			for i, s := range g.rc.cells {
				v[i] = toCell(s)
			}
			r.Applications[g.row.Key] = v
		case g.rc.run != "":
			runs = append(runs, g)
		default:
			for i := 0; i < NumCols; i++ {
				p.ambiguous(t3Cell(g.row.Key, i))
			}
			p.warn("PARSE.TABLE", "applications."+g.row.Key, g.line.No, "表三“%s%s”应有 7 个数，读到 %d 个，无法确定空白的位置，该行记为空",
				g.row.Group, g.row.Label, len(g.rc.tokens)+len(g.rc.cells))
		}
	}
	if len(runs) > 0 {
		p.solveT3(runs)
	}
}

// alignShort places the numbers of space-separated rows that have blanks by
// the column positions of the complete rows around them (pdftotext -layout
// keeps columns aligned).
func (p *parser) alignShort(got []t3Line) {
	var centers [NumCols][]int
	for _, g := range got {
		if g.rc.ok && g.line.Fields == nil {
			toks := tokens(g.line.Text)
			if len(toks) >= NumCols {
				toks = toks[len(toks)-NumCols:]
				for i, t := range toks {
					centers[i] = append(centers[i], t.center)
				}
			}
		}
	}
	if len(centers[0]) == 0 {
		return
	}
	var mid [NumCols]int
	for i := range centers {
		sum := 0
		for _, c := range centers[i] {
			sum += c
		}
		mid[i] = sum / len(centers[i])
	}
	for k := range got {
		g := &got[k]
		if g.rc.ok || len(g.rc.tokens) == 0 || g.line.Fields != nil {
			continue // only space-aligned text has positions to go by
		}
		cells := make([]string, NumCols)
		used := map[int]bool{}
		fits := true
		for _, t := range g.rc.tokens {
			best, dist := -1, 1<<30
			for i, m := range mid {
				d := t.center - m
				if d < 0 {
					d = -d
				}
				if d < dist {
					best, dist = i, d
				}
			}
			if used[best] || dist > 6 {
				fits = false
				break
			}
			used[best] = true
			cells[best] = t.s
		}
		if fits {
			g.rc.cells, g.rc.ok = cells, true
		}
	}
}

// solveT3 splits rows whose digits ran together. Each row must satisfy its own
// sum; what is still open is settled by the column identities. Where more than
// one reading fits, the differing cells stay null (PARSE.AMBIGUOUS).
func (p *parser) solveT3(runs []t3Line) {
	r := p.r
	const limit = 4096
	cands := make([][][]int64, len(runs))
	for i, g := range runs {
		cands[i] = cuts(foldDigits(g.rc.run), NumCols, NumCols, limit)
	}
	// joint search over the rows with several candidates, bounded
	var open []int
	product := 1
	for i, c := range cands {
		if len(c) > 1 {
			open = append(open, i)
			product *= len(c)
			if product > 20000 {
				product = -1
				break
			}
		}
	}
	assign := make([]int, len(runs))
	var valid [][]int
	if product > 0 {
		var rec func(k int)
		rec = func(k int) {
			if len(valid) > 64 {
				return
			}
			if k == len(open) {
				if p.t3Consistent(runs, cands, assign) {
					valid = append(valid, append([]int(nil), assign...))
				}
				return
			}
			for c := range cands[open[k]] {
				assign[open[k]] = c
				rec(k + 1)
			}
		}
		rec(0)
	}
	for i, g := range runs {
		var v Row
		switch {
		case len(cands[i]) == 1:
			for c, x := range cands[i][0] {
				v[c] = N(x)
			}
		case len(cands[i]) > 1 && len(valid) > 0:
			var amb []string
			for c := 0; c < NumCols; c++ {
				x := cands[i][valid[0][i]][c]
				same := true
				for _, a := range valid[1:] {
					if cands[i][a[i]][c] != x {
						same = false
					}
				}
				if same {
					v[c] = N(x)
				} else {
					p.ambiguous(t3Cell(g.row.Key, c))
					amb = append(amb, T3ColumnLabels[c])
				}
			}
			if len(amb) > 0 {
				p.warn("PARSE.AMBIGUOUS", "applications."+g.row.Key, g.line.No,
					"表三“%s%s”的数字“%s”连在一起，有多种拆分都满足表内勾稽关系，%s栏无法确定，记为空", g.row.Group, g.row.Label, g.rc.run, strings.Join(amb, "、"))
			}
		default:
			for c := 0; c < NumCols; c++ {
				p.ambiguous(t3Cell(g.row.Key, c))
			}
			why := "没有一种拆分满足“总计 = 六类申请人之和”"
			if len(cands[i]) > 1 {
				why = fmt.Sprintf("有 %d 种拆分满足行内之和，表内勾稽关系也无法区分", len(cands[i]))
			}
			p.warn("PARSE.AMBIGUOUS", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字“%s”连在一起，%s，该行记为空",
				g.row.Group, g.row.Label, g.rc.run, why)
		}
		r.Applications[g.row.Key] = v
	}
}

// t3Consistent checks the column identities with the candidate rows in place.
func (p *parser) t3Consistent(runs []t3Line, cands [][][]int64, assign []int) bool {
	var outcomes, nw, in, tot, fwd [NumCols]int64
	inRun := map[string]int{}
	for i, g := range runs {
		if len(cands[i]) > 0 {
			inRun[g.row.Key] = i
		}
	}
	for _, row := range p.r.Format.T3Rows() {
		var v [NumCols]int64
		if i, ok := inRun[row.Key]; ok {
			copy(v[:], cands[i][assign[i]])
		} else {
			for c, cl := range p.r.Applications[row.Key] {
				v[c] = cl.Val()
			}
		}
		for c := range v {
			switch row.Kind {
			case RowOutcome:
				outcomes[c] += v[c]
			case RowNew:
				nw[c] = v[c]
			case RowCarriedIn:
				in[c] = v[c]
			case RowTotal:
				tot[c] = v[c]
			case RowCarriedForward:
				fwd[c] = v[c]
			}
		}
	}
	for c := 0; c < NumCols; c++ {
		if outcomes[c] != tot[c] || nw[c]+in[c] != tot[c]+fwd[c] {
			return false
		}
	}
	return true
}

// maxCellDigits bounds one count: no agency counts a million applications in
// a cell, and the bound keeps the search below small.
const maxCellDigits = 6

// cuts returns the ways to cut a run of digits into k numbers (no leading
// zeros), at most limit of them. With g > 0 the numbers form groups of g whose
// last member is the sum of the others (a row and its 总计). The search has a
// step budget: input built to explode it gives up (and reads as ambiguous)
// instead of hanging.
func cuts(d string, k, g, limit int) [][]int64 {
	if len(d) < k || len(d) > k*maxCellDigits {
		return nil
	}
	var out [][]int64
	parts := make([]int64, 0, k)
	budget := 200000
	var rec func(pos int)
	rec = func(pos int) {
		budget--
		if len(out) >= limit || budget < 0 {
			return
		}
		idx := len(parts)
		if idx == k {
			if pos == len(d) {
				out = append(out, append([]int64(nil), parts...))
			}
			return
		}
		left := k - idx - 1 // numbers still to place after this one
		if len(d)-pos > (left+1)*maxCellDigits {
			return // the rest cannot fit
		}
		if g > 0 && idx%g == g-1 {
			var sum int64
			for _, x := range parts[idx-(g-1) : idx] {
				sum += x
			}
			s := strconv.FormatInt(sum, 10)
			if strings.HasPrefix(d[pos:], s) && len(d)-pos-len(s) >= left {
				parts = append(parts, sum)
				rec(pos + len(s))
				parts = parts[:idx]
			}
			return
		}
		maxLen := min(len(d)-pos-left, maxCellDigits)
		for n := 1; n <= maxLen; n++ {
			if n > 1 && d[pos] == '0' {
				break
			}
			v, _ := strconv.ParseInt(d[pos:pos+n], 10, 64)
			parts = append(parts, v)
			rec(pos + n)
			parts = parts[:idx]
		}
	}
	rec(0)
	if budget < 0 {
		return nil // too many ways to tell: treated as unreadable, never guessed
	}
	return out
}

// --- 表四 ----------------------------------------------------------------------

func (p *parser) parseT4() {
	r := p.r
	lo, hi := p.region("4")
	const n = 15
	var cells []string
	var run string
	first := 0
	for _, l := range p.lines[lo:hi] {
		if hasHan(l.Text) || strings.TrimSpace(l.Text) == "" {
			if len(cells) > 0 || run != "" {
				break
			}
			continue
		}
		rc := splitLabel(l, n)
		if strings.TrimSpace(rc.label) != "" {
			continue
		}
		if first == 0 {
			first = l.No
		}
		switch {
		case rc.ok:
			cells = rc.cells
		case rc.run != "":
			run = rc.run
		case len(rc.tokens) > 0:
			for _, t := range rc.tokens {
				cells = append(cells, t.s)
			}
			if len(cells) < n {
				continue
			}
		}
		break
	}
	if first == 0 {
		if _, ok := p.heads["4"]; ok && hi-lo > 1 {
			r.Meta.Unreadable["4"] = true
			p.warn("PARSE.TABLE", "appeals", p.lines[lo].No, "表四无法读取：未找到 15 个数的数据行，表四各栏记为空")
		}
		return
	}
	r.Meta.Tables["4"] = true
	r.setLine("appeals", first)
	switch {
	case run != "":
		c := cuts(foldDigits(run), n, 5, 64)
		if len(c) == 1 {
			for i, x := range c[0] {
				r.Appeals[i/5][i%5] = N(x)
			}
			return
		}
		for b := range T4Blocks {
			for j := range T4Columns {
				p.ambiguous(t4Cell(b, j))
			}
		}
		p.warn("PARSE.AMBIGUOUS", "appeals", first, "表四的数字“%s”连在一起，有 %d 种拆分都满足各组之和，无法确定，表四记为空", run, len(c))
	case len(cells) == n:
		for i, s := range cells {
			r.Appeals[i/5][i%5] = toCell(s)
		}
	default:
		for b := range T4Blocks {
			for j := range T4Columns {
				p.ambiguous(t4Cell(b, j))
			}
		}
		p.warn("PARSE.TABLE", "appeals", first, "表四应有 15 个数，读到 %d 个，无法确定空白的位置，表四记为空", len(cells))
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
