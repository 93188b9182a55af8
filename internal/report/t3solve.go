package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// A report that leaves its zeros blank, laid out by pdftotext -layout in a
// narrow or large-type print, may leave many rows of 表三 with fewer numbers
// than cells and no column placing them: the characters of the labels and
// headings push the numbers off their columns, no complete row stands on
// the page to measure by, and a wrapped label's numbers fall on both its
// lines ("一、本年新收政府信息公开申请数 42 10 2" / "量 4 3 61"). Each such
// row's numbers are still whole cells in their order, the last its 总计
// (a row that is not blank has its total), and the table's identities —
// each column of the outcomes adds up to （七）总计's, and 本年新收 + 上年结转
// = 总计 + 结转下年度 — tie the rows' blanks together across all seven
// columns. shortRowsByIdentities tries every way of placing every such row
// at once and keeps those that make every identity hold: a cell every such
// way fills alike is read, the others stay unread. When the report is
// right, its own reading is one of the ways, so what they agree on is what
// the report says; a report whose identities fail has no way, and nothing
// is read (its rows said as before).

// Bounds of the search: the ways of placing rows grow as the product of
// each row's choices, pruned by the outcomes never passing 总计's column.
const (
	shortRowsMaxSteps = 200000
	shortRowsMaxWays  = 1024
)

// shortRow is a row of 表三 with fewer numbers than cells whose places the
// identities are asked for.
type shortRow struct {
	at   int   // in the format's rows
	said int   // its finding in Meta.Parse
	line int   // the line its numbers were read on
	pos  []tok // its numbers where they stand on a laid-out line (nil: not known)
	// placed: pos is where our PDF reader set the numbers (Line.Placed),
	// each where it stands on the page, as the headings above are
	placed bool
	label  string // its group and label
	toks   []string
	// ways: for each way of placing it, the token at each column (-1
	// blank), and the values so
	ways [][NumCols]int8
	vals [][NumCols]int64
}

// shortRowsByIdentities places the rows left with blanks (b.left, and the
// wrapped rows of b.got whose numbers stood on both lines) by the table's
// identities, when every other row of 表三 is read whole or blank. It
// reports whether it read any.
func (p *parser) shortRowsByIdentities(b blanksLeft) bool {
	if len(b.left) == 0 && !slices.ContainsFunc(b.got, func(g t3Line) bool { return g.wrapNums != nil }) {
		return false // (most reports: every row read)
	}
	rows := p.r.Format.T3Rows()
	if len(p.t3Seen) != len(rows) {
		return false
	}
	said := map[string]int{} // each such row's finding
	for i, f := range p.r.Meta.Parse {
		if f.Rule == "PARSE.TABLE" && shortRowSaid(f.Message) != f.Message {
			said[f.Cell] = i
		}
	}
	// laidOut: a row's numbers stand on a laid-out line, each where it is
	// (none glued to its label); one whose numbers stand a space apart, in
	// a table laid out with rows whose numbers stand apart by their blanks,
	// has them whole too
	laidOut := func(g t3Line) bool {
		return g.line.Fields == nil && !g.line.Segmented && !slices.ContainsFunc(g.rc.tokens, func(t tok) bool { return t.center < 0 })
	}
	spaced := slices.ContainsFunc(b.left, func(g t3Line) bool { return g.rc.spaced && g.line.Fields == nil })
	var shorts []shortRow
	cutAt, cutToks := -1, []string(nil) // a row that does not add up, waiting for the next to join it
	pair := ""                          // the two rows so joined, as said
	var fixed t3Sums                    // the rows read, a blank as 0
	placedAt := make([]bool, len(rows)) // (shortRow.placed, by row)
	for i, row := range rows {
		if !p.t3Seen[i] {
			return false // a row not found may be blank or not
		}
		var toks []string
		var pos []tok
		line := 0
		if k := slices.IndexFunc(b.left, func(g t3Line) bool { return g.row.Key == row.Key }); k >= 0 {
			g := b.left[k]
			if g.unread || !g.rc.spaced && !(spaced && laidOut(g)) {
				return false // digits that may run together: their cells are not known
			}
			toks, line = strs(g.rc.tokens), g.line.No
			if laidOut(g) {
				pos, placedAt[i] = g.rc.tokens, g.line.Placed
			}
		} else if k := slices.IndexFunc(b.got, func(g t3Line) bool { return g.row.Key == row.Key && g.wrapNums != nil }); k >= 0 {
			toks, line = b.got[k].wrapNums, b.got[k].line.No
		}
		if toks == nil {
			v := p.r.Applications[row.Key]
			for c := range NumCols {
				if p.r.ambiguous(t3Cell(row.Key, c)) {
					return false
				}
				x, ok := v[c].Int()
				switch {
				case ok, v[c].Blank():
				case v[c].IsInvalid() && isPlaceholder(v[c].Raw()):
					x = 0 // a mark for nothing, as the checks count it
				default:
					return false
				}
				fixed.add(row.Kind, c, x)
			}
			continue
		}
		f, ok := said["applications."+row.Key]
		if !ok {
			return false // read since, or said otherwise
		}
		vals, ok := countValues(toks)
		if !ok || len(vals) >= NumCols {
			return false
		}
		if !slices.ContainsFunc(vals, func(x int64) bool { return x != 0 }) {
			continue // nothing but zeros: 0 wherever they stand, left as said
		}
		if !sumsUp(vals) {
			// the report's error, or numbers not the row's — but for an
			// outcome row cut over two lines, the neighbour above taking
			// the first numbers (4.保护第三方合法权益 2 / 5.属于三类内部事
			// 务信 2): the two together are one row's, which of them the
			// identities cannot tell (outcomes add up alike), but they count
			// in its columns as one row does, neither row read
			switch {
			case cutAt < 0 && pair == "" && row.Kind == RowOutcome:
				cutAt, cutToks = i, toks
				continue
			case cutAt != i-1 || row.Kind != RowOutcome:
				return false
			}
			joined := append(slices.Clone(cutToks), toks...)
			if vals, _ = countValues(joined); !sumsUp(vals) || len(vals) >= NumCols {
				return false
			}
			pair = fmt.Sprintf("“%s%s”与“%s%s”的数（%s 与 %s）", rows[cutAt].Group, rows[cutAt].Label, row.Group, row.Label,
				strings.Join(cutToks, " "), strings.Join(toks, " "))
			toks, pos, f, cutAt = joined, nil, -1, -1
		}
		s := shortRow{at: i, said: f, line: line, label: row.Group + row.Label, toks: toks, pos: pos, placed: placedAt[i]}
		for _, cols := range columnChoices(NumCols-1, len(vals)-1) {
			var way [NumCols]int8
			var v [NumCols]int64
			for c := range way {
				way[c] = -1
			}
			for j, c := range cols {
				way[c], v[c] = int8(j), vals[j]
			}
			way[ColTotal], v[ColTotal] = int8(len(vals)-1), vals[len(vals)-1]
			s.ways, s.vals = append(s.ways, way), append(s.vals, v)
		}
		shorts = append(shorts, s)
	}
	if len(shorts) == 0 || cutAt >= 0 {
		return false // (a row that does not add up, alone)
	}
	headed := false // (some row's ways kept by its numbers' places: said)
	// narrow keeps each row's ways whose every number stands under its own
	// heading, where it has any (else all of them, as headedWays keeps
	// them), and says whether any row lost some: for a table of many such
	// rows, which the search leaves past its bound (headedWays then
	// chooses among the ways found)
	narrow := func() bool {
		heads, placed := p.solveHeads(b, shorts)
		if heads == nil {
			return false
		}
		for i := range shorts {
			if !placed[i].placed {
				continue
			}
			var ways [][NumCols]int8
			var vals [][NumCols]int64
			for w, way := range shorts[i].ways {
				fits := true
				for c, t := range way {
					fits = fits && (t < 0 || underHead(heads, c, shorts[i].pos[t].center))
				}
				if fits {
					ways, vals = append(ways, way), append(vals, shorts[i].vals[w])
				}
			}
			if len(ways) > 0 && len(ways) < len(shorts[i].ways) {
				shorts[i].ways, shorts[i].vals, headed = ways, vals, true
			}
		}
		return headed
	}
	// (searched again with each row's ways narrowed by the headings where
	// the identities alone leave more ways than the bound)
	found, over := searchShorts(shorts, rows, fixed)
	if over && narrow() {
		found, over = searchShorts(shorts, rows, fixed)
	}
	if over || len(found) == 0 {
		return false
	}
	ways := len(found) // by the identities
	found = p.orderedWays(b, shorts, found)
	ordered := len(found)
	found = p.headedWays(b, shorts, found)
	told := 0 // the rows read (not a row cut in two, counted as one but read as neither)
	for _, s := range shorts {
		if s.said >= 0 {
			told++
		}
	}
	others := "" // the other rows so read, said with each
	if told > 1 {
		others = fmt.Sprintf("本表共有 %d 行如此，", told)
	}
	if pair != "" {
		others += pair + "合起来才成一行（一行的数被转换分在两处），按一行计入各栏、这两行都不读，"
	}
	for i, s := range shorts {
		if s.said < 0 {
			continue
		}
		row := rows[s.at]
		var v Row
		var cells, unread []string
		for c := range NumCols {
			t := s.ways[found[0][i]][c]
			agreed := true
			for _, f := range found[1:] {
				agreed = agreed && s.ways[f[i]][c] == t
			}
			switch {
			case !agreed:
				p.ambiguous(t3Cell(row.Key, c))
				unread = append(unread, T3ColumnLabels[c])
				cells = append(cells, "？")
			case t >= 0:
				v[c] = toCell(s.toks[t])
				delete(p.r.Meta.Ambiguous, t3Cell(row.Key, c))
				cells = append(cells, s.toks[t])
			default:
				delete(p.r.Meta.Ambiguous, t3Cell(row.Key, c))
				cells = append(cells, "空")
			}
		}
		p.r.Applications[row.Key] = v
		how := "只有一种放法使全表各栏的勾稽关系都成立"
		if ways > 1 {
			how = fmt.Sprintf("有 %d 种放法使全表各栏的勾稽关系都成立", ways)
			n := ways
			for _, kept := range []struct {
				n    int
				what string
			}{{ordered, "与各数在原文中的左右次序相符"}, {len(found), "各数的位置与表头相符"}} {
				switch {
				case kept.n == n:
				case kept.n == 1:
					how += "，其中只有一种" + kept.what
				default:
					how += fmt.Sprintf("，其中 %d 种%s", kept.n, kept.what)
				}
				n = kept.n
			}
		}
		if headed {
			how = "按各数在表头各栏下的位置（各在其表头左右两个字符之内），" + how
		}
		switch {
		case len(unread) > 0:
			how += fmt.Sprintf("，按它们一致的单元格读取，%s栏无法确定，记为空", strings.Join(unread, "、"))
		case len(found) > 1:
			how += "，这一行在这些放法中都相同"
		}
		how += "，读作"
		f := &p.r.Meta.Parse[s.said]
		f.Rule, f.Severity = "PARSE.READ", RuleByID("PARSE.READ").Severity
		f.Message = shortRowSaid(f.Message) + fmt.Sprintf("；%s把这些数按原来的先后次序放入各栏（最后一个数为总计），%s：%s",
			others, how, strings.Join(cells, " "))
	}
	return true
}

// shortRowSaid is what a short row's finding said of its numbers, without
// its saying that they are not placed; the finding whole when it is none.
func shortRowSaid(msg string) string {
	for _, end := range []string{
		"，" + blankUnread,
		"，空白的位置无法确定，该行记为空",    // a wrapped label's row (wrapBlanks)
		"，各数在哪一栏无法确定，只有最后一个数", // a page's columns closed up (gridTotal)
	} {
		if i := strings.Index(msg, end); i >= 0 && strings.HasPrefix(msg, "表三") {
			return msg[:i]
		}
	}
	return msg
}

// searchShorts finds the ways of placing the rows with blanks (shorts,
// sorted here: 总计 first, then the outcomes, then the rest, each kind with
// the rows of fewest ways first) that make every identity of 表三 hold with
// the rows read (fixed): for each way, the way of each row in shorts' order;
// over when the search passed its bound.
func searchShorts(shorts []shortRow, rows []T3Row, fixed t3Sums) (found [][]int, over bool) {
	// 总计 first, then the outcomes (pruned by 总计's columns), then the rest
	order := func(k RowKind) int {
		switch k {
		case RowTotal:
			return 0
		case RowOutcome:
			return 1
		}
		return 2
	}
	// (the rows with fewest ways first: a search cut short soonest)
	slices.SortStableFunc(shorts, func(a, b shortRow) int {
		return cmp.Or(cmp.Compare(order(rows[a.at].Kind), order(rows[b.at].Kind)), cmp.Compare(len(a.ways), len(b.ways)))
	})
	lastOutcome := -1
	for i, s := range shorts {
		if k := rows[s.at].Kind; k == RowOutcome || k == RowTotal {
			lastOutcome = i
		}
	}
	// most[i]: the most the outcome rows from shorts[i] on may add to each
	// column, so that a search whose outcomes can no longer make 总计 stops
	most := make([][NumCols]int64, len(shorts)+1)
	for i := len(shorts) - 1; i >= 0; i-- {
		most[i] = most[i+1]
		if rows[shorts[i].at].Kind != RowOutcome {
			continue
		}
		for c := range NumCols {
			var m int64
			for _, v := range shorts[i].vals {
				m = max(m, v[c])
			}
			most[i][c] += m
		}
	}
	sums := fixed
	pick := make([]int, len(shorts))
	steps := 0
	add := func(s shortRow, w int, sign int64) {
		var to *[NumCols]int64
		switch rows[s.at].Kind {
		case RowOutcome:
			to = &sums.outcomes
		case RowNew:
			to = &sums.nw
		case RowCarriedIn:
			to = &sums.in
		case RowTotal:
			to = &sums.tot
		case RowCarriedForward:
			to = &sums.fwd
		default:
			return
		}
		for c, x := range s.vals[w] {
			to[c] += sign * x
		}
	}
	var walk func(i int)
	walk = func(i int) {
		if steps++; steps > shortRowsMaxSteps || len(found) > shortRowsMaxWays {
			over = true
			return
		}
		if i > lastOutcome {
			// the outcomes are all placed: they must make 总计
			if sums.outcomes != sums.tot {
				return
			}
		}
		if i == len(shorts) {
			for c := range NumCols {
				if sums.nw[c]+sums.in[c] != sums.tot[c]+sums.fwd[c] {
					return
				}
			}
			found = append(found, slices.Clone(pick))
			return
		}
		s := shorts[i]
		for w := range s.ways {
			add(s, w, 1)
			fits := true
			if i <= lastOutcome {
				// counts are never negative: the outcomes so far never
				// pass 总计's column, and the rest can still make it up
				for c := range NumCols {
					fits = fits && sums.outcomes[c] <= sums.tot[c] && sums.outcomes[c]+most[i+1][c] >= sums.tot[c]
				}
			}
			if fits {
				pick[i] = w
				walk(i + 1)
			}
			add(s, w, -1)
			if over {
				return
			}
		}
	}
	walk(0)
	return found, over
}

// orderedWays keeps, of the ways found, those in which no number stands
// left of a number of an earlier column on the same page by more than a
// character: pdftotext -layout sets a page's words out in the order of
// where they stand, so a column's numbers never come before the column
// left of it, though labels' wide characters push the numbers off their
// columns. The rows read (their cells known) weigh as well. When no way is
// in order, the text is not laid out so, and every way is kept.
func (p *parser) orderedWays(b blanksLeft, shorts []shortRow, found [][]int) [][]int {
	type placed struct {
		page, col, center int
	}
	breaks := p.pageBreaks()
	var fixed []placed
	for _, g := range b.got {
		if !g.rc.ok || g.line.Fields != nil || g.line.Segmented || len(g.rc.cells) != NumCols {
			continue
		}
		toks := laidOutNumbers(g)
		var cols []int
		for c, cell := range g.rc.cells {
			if trimSpace(cell) != "" {
				cols = append(cols, c)
			}
		}
		if len(toks) != len(cols) || slices.ContainsFunc(toks, func(t tok) bool { return t.center < 0 }) {
			continue // (a number glued to its label stands where the label ends)
		}
		for j, t := range toks {
			fixed = append(fixed, placed{pageOf(breaks, g.line.No), cols[j], t.center})
		}
	}
	inOrder := func(pick []int) bool {
		all := slices.Clone(fixed)
		for i, s := range shorts {
			if s.pos == nil {
				continue
			}
			for c, t := range s.ways[pick[i]] {
				if t >= 0 {
					all = append(all, placed{pageOf(breaks, s.line), c, s.pos[t].center})
				}
			}
		}
		for _, a := range all {
			for _, b := range all {
				if a.page == b.page && a.col < b.col && a.center > b.center+1 {
					return false
				}
			}
		}
		return true
	}
	return keptOrAll(found, inOrder)
}

// keptOrAll is the ways of found that ok keeps; all of them when it keeps
// none (the text not laid out as ok asks).
func keptOrAll(found [][]int, ok func([]int) bool) [][]int {
	var kept [][]int
	for _, f := range found {
		if ok(f) {
			kept = append(kept, f)
		}
	}
	if len(kept) == 0 {
		return found
	}
	return kept
}

// headedWays keeps, of the ways found, those in which every number our PDF
// reader set where it stands (shortRow.placed) stands under its own
// column's heading — within two columns of the middle of that heading's
// words — or, in a column whose heading was not found where it stands
// (t3HeadingPlaces), under no other column's heading. A column blank down
// the whole table (a report that leaves its zeros blank, 社会公益组织 never
// counted) lets the identities place the next column's numbers in it as
// well; the headings tell which it is. Of those (all, when no way is so),
// the ways whose every such number stands between the headings found
// nearest either side of its column are kept; when none is, or the
// headings cannot be told, every way is.
func (p *parser) headedWays(b blanksLeft, shorts []shortRow, found [][]int) [][]int {
	if len(found) < 2 {
		return found
	}
	heads, shorts := p.solveHeads(b, shorts)
	if heads == nil {
		return found
	}
	under := func(pick []int) bool {
		return eachPlaced(shorts, pick, func(c, x int) bool { return underHead(heads, c, x) })
	}
	found = keptOrAll(found, under)
	// of those (or, none so, of all), the ways whose numbers stand clear of
	// the headings beside their own: each number between the headings found
	// nearest either side of its column, more than two columns from each
	// (headings written off their places, a space after the heading left of
	// them, 法律 / 服务 / 其他, leave a number five columns right of 其他 as
	// written 法律服务机构's or 其他's, not 科研机构's)
	between := func(pick []int) bool {
		return eachPlaced(shorts, pick, func(c, x int) bool {
			l, r := foundBeside(heads, c, -1), foundBeside(heads, c, 1)
			return (l < 0 || x > heads[l]+2) && (r < 0 || x < heads[r]-2)
		})
	}
	return keptOrAll(found, between)
}

// solveHeads are the places of 表三's headings the rows with blanks (shorts)
// may be placed by (headedWays): our PDF reader's (t3HeadingPlaces), where
// it set some of them, else pdftotext -layout's where one line holds a
// piece of each (t3LaidHeadingPlaces) — the rows on that page then marked
// placed (as our PDF reader's: the numbers where they stand; the next page
// is set by its own measure); nil when not known.
func (p *parser) solveHeads(b blanksLeft, shorts []shortRow) ([]int, []shortRow) {
	switch {
	case slices.ContainsFunc(shorts, func(s shortRow) bool { return s.placed }):
		return p.t3HeadingPlaces(b.got), shorts
	case !p.byteCut && !p.ocrText() && p.measure != measureWidth && slices.ContainsFunc(shorts, func(s shortRow) bool { return s.pos != nil }):
		heads, at := p.t3LaidHeadingPlaces(b.got)
		if heads == nil {
			return nil, shorts
		}
		shorts = slices.Clone(shorts)
		breaks := p.pageBreaks()
		for i := range shorts {
			shorts[i].placed = shorts[i].pos != nil && samePage(breaks, at, shorts[i].line)
		}
		return heads, shorts
	}
	return nil, shorts
}

// underHead says a number standing at x may be column c's: within two
// columns of its heading's middle, or, its heading not found where it
// stands (-1), within two of no other heading.
func underHead(heads []int, c, x int) bool {
	if heads[c] >= 0 {
		return abs(x-heads[c]) <= 2
	}
	return !slices.ContainsFunc(heads, func(h int) bool { return h >= 0 && abs(x-h) <= 2 })
}

// t3LaidHeadingPlaces are the middles of 表三's seven column headings in
// pdftotext -layout's text, as t3HeadingPlaces has them in our PDF
// reader's: read from the one line above the first row that holds a piece
// of each heading, in order (人 企业 机构 益组织 务机构 他 计 under 然 商业 科研
// 社会公 法律服 其 总: narrow columns two apart, which gathered by place run
// together), every other piece of a heading above standing within two
// columns of one of them; nil otherwise. at is that line's number.
func (p *parser) t3LaidHeadingPlaces(got []t3Line) (heads []int, at int) {
	lo, _ := p.region("3")
	if lo < 0 || len(got) == 0 {
		return nil, 0
	}
	var pieces []int // (every heading piece's middle above the first row)
	for _, l := range p.lines[lo:] {
		if l.No >= got[0].line.No {
			break
		}
		if l.Placed || l.Fields != nil || l.Segmented || strings.ContainsFunc(l.Text, isDigit) {
			continue
		}
		var line []int
		for _, t := range tokens(l.Text) {
			if !slices.ContainsFunc(T3ColumnLabels, func(lb string) bool { return hasText(lb, t.s) }) {
				continue
			}
			if len(line) < NumCols && hasText(T3ColumnLabels[len(line)], t.s) {
				line = append(line, placedMiddle(t))
			} else {
				line = append(line, -1) // (out of order: no line of each)
			}
			pieces = append(pieces, placedMiddle(t))
		}
		if len(line) == NumCols && !slices.Contains(line, -1) {
			heads, at = line, l.No
		}
	}
	for _, x := range pieces {
		if heads != nil && !slices.ContainsFunc(heads, func(h int) bool { return abs(x-h) <= 2 }) {
			return nil, 0 // a piece under no heading of the line: not the headings' places
		}
	}
	return heads, at
}

// eachPlaced says ok holds for every number our PDF reader set where it
// stands (shortRow.placed) in the way pick of shorts, given its column and
// its place.
func eachPlaced(shorts []shortRow, pick []int, ok func(c, x int) bool) bool {
	for i, s := range shorts {
		if !s.placed {
			continue
		}
		for c, t := range s.ways[pick[i]] {
			if t >= 0 && !ok(c, s.pos[t].center) {
				return false
			}
		}
	}
	return true
}

// foundBeside is the nearest column from c in direction step (-1 left, 1
// right) whose heading was found (heads[k] >= 0), -1 for none.
func foundBeside(heads []int, c, step int) int {
	for k := c + step; k >= 0 && k < len(heads); k += step {
		if heads[k] >= 0 {
			return k
		}
	}
	return -1
}

// t3HeadingPlaces are the middles of 表三's seven column headings in our PDF
// reader's text (Line.Placed) above its first row, by column (-1 for a
// heading not found where it stands: its words a space after Chinese text,
// which the reader writes a column to a character after that text, not at
// its place). The words found are gathered into columns by their middles
// (two columns apart at most), and each column's words, read down, must
// make one heading whole (自/然/人, 社会/公益/组织); nil when they do not, or
// when two columns make one heading.
func (p *parser) t3HeadingPlaces(got []t3Line) []int {
	ws := p.t3HeadingWords(got)
	if len(ws) == 0 {
		return nil
	}
	heads := []int{-1, -1, -1, -1, -1, -1, -1}
	done := make([]bool, len(ws))
	for i := range ws {
		if done[i] {
			continue
		}
		// the words of i's column, in the order read (down the page)
		var text strings.Builder
		var mids []int
		for j := i; j < len(ws); j++ {
			if !done[j] && abs(ws[j].mid-ws[i].mid) <= 2 {
				done[j] = true
				text.WriteString(ws[j].s)
				mids = append(mids, ws[j].mid)
			}
		}
		c := slices.Index(T3ColumnLabels, text.String())
		if c < 0 || heads[c] >= 0 {
			return nil
		}
		heads[c] = (slices.Min(mids) + slices.Max(mids)) / 2
	}
	return heads
}
