package report

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Flattened tables lose their cell borders in several ways: every digit
// glued (191000019), some cells spaced and some glued (1 0 0 0 0 01), a space
// only before the total (5800000 58), spaces in odd places (160 02 0 018).
// One model reads them all: a space is always a border between two cells,
// but not every border has a space. So the numbers of a row are its tokens,
// each cut into one or more numbers, without leading zeros (a published
// count is never written 01).

// splitTokens returns the ways to cut tokens into n numbers, at most limit
// of them. With g > 0 the numbers form groups of g whose last is the sum of
// the others (a row and its 总计), which prunes the search. A token may start
// with a minus sign (本年增/减 of the 2019 format): its first number is
// negative. The search has a step budget: input built to explode it gives up
// (nil, as unreadable) instead of hanging.
func splitTokens(tokens []string, n, g, limit int) [][]int64 {
	out, _ := splitTokensDone(tokens, n, g, limit)
	return out
}

// splitTokensDone is splitTokens that also says whether the search ran to
// its end: no cut found by a search that ran out of steps is no proof that
// there is none. (Input that is not digits, or too few or too many of them
// for n numbers, is done: there is no cut.)
func splitTokensDone(tokens []string, n, g, limit int) ([][]int64, bool) {
	return splitDigits(tokens, n, g, limit, nil)
}

// splitDigits is splitTokensDone with a further rule a number must meet
// given the numbers before it (fits; nil: none), which prunes the search
// as the groups of g do.
func splitDigits(tokens []string, n, g, limit int, fits func(parts []int64, v int64) bool) ([][]int64, bool) {
	digits := make([]string, 0, len(tokens))
	negative := make([]bool, 0, len(tokens))
	grouped := make([][]bool, 0, len(tokens)) // per token, a thousands separator before each digit (nil: none)
	anyGrouped := false
	total := 0
	signed := make([]string, 0, len(tokens))
	for _, t := range tokens {
		// a minus inside a run starts a negative number: "16-219" is 16, -219…
		t = foldDigits(trimSpace(t))
		for len(t) > 1 {
			k := strings.IndexByte(t[1:], '-')
			if k < 0 {
				break
			}
			signed = append(signed, t[:k+1])
			t = t[k+1:]
		}
		signed = append(signed, t)
	}
	for _, t := range signed {
		neg := false
		if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "－") {
			neg = true
			t = strings.TrimLeft(t, "-－")
		}
		var grp []bool
		if strings.IndexByte(t, ',') >= 0 {
			if t, grp = thousandsGroups(t); grp == nil {
				return nil, true
			}
			anyGrouped = true
		}
		if !allDigits(t) {
			return nil, true
		}
		digits, negative, grouped = append(digits, t), append(negative, neg), append(grouped, grp)
		total += len(t)
	}
	if len(digits) == 0 || len(digits) > n || total < n || total > n*maxCellDigits {
		return nil, true
	}
	var out [][]int64
	parts := make([]int64, 0, n)
	budget := 200000
	// digits from each token on: a branch whose digits left cannot make
	// the numbers left (one digit at least, maxCellDigits at most each) is
	// not walked
	suffix := make([]int, len(digits)+1)
	for t := len(digits) - 1; t >= 0; t-- {
		suffix[t] = suffix[t+1] + len(digits[t])
	}
	var rec func(tok, pos int)
	rec = func(tok, pos int) {
		budget--
		if len(out) >= limit || budget < 0 {
			return
		}
		idx := len(parts)
		if left, need := suffix[tok]-pos, n-idx; left < need || left > need*maxCellDigits {
			return
		}
		if tok == len(digits) {
			if idx == n {
				out = append(out, append([]int64(nil), parts...))
			}
			return
		}
		d := digits[tok]
		if idx == n {
			return
		}
		// the tokens still to come need a number each at least
		if n-idx < len(digits)-tok {
			return
		}
		grp := grouped[tok]
		if grp != nil && grp[pos] {
			return // a number does not start at a thousands separator's right
		}
		maxLen := min(len(d)-pos, maxCellDigits)
		var u int64   // the number d[pos:pos+l], one digit more each turn
		lastSep := -1 // where the number's last thousands separator stands
		for l := 1; l <= maxLen; l++ {
			if l > 1 && d[pos] == '0' {
				break
			}
			u = u*10 + int64(d[pos+l-1]-'0')
			if anyGrouped {
				// a row that groups its thousands groups every number of
				// four digits or more: 1-3 digits, then groups of three
				end := pos + l
				if l > 1 && grp != nil && grp[end-1] {
					lastSep = end - 1
				}
				if lastSep < 0 && l > 3 || lastSep >= 0 && end-lastSep > 3 {
					break
				}
				if lastSep >= 0 && end-lastSep < 3 || grp != nil && end < len(d) && grp[end] {
					continue // inside a group: no number ends here
				}
			}
			v := u
			if pos == 0 && negative[tok] {
				if v == 0 {
					continue // "-0" is no number: a dash written for a cell (351400-049), not a sign
				}
				v = -v
			}
			if g > 0 && idx%g == g-1 {
				var sum int64
				for _, x := range parts[idx-(g-1) : idx] {
					sum += x
				}
				if v != sum {
					continue
				}
			}
			if fits != nil && !fits(parts, v) {
				continue
			}
			parts = append(parts, v)
			if pos+l == len(d) {
				rec(tok+1, 0)
			} else {
				rec(tok, pos+l)
			}
			parts = parts[:idx]
		}
	}
	rec(0, 0)
	if budget < 0 {
		return nil, false
	}
	return out, len(out) < limit
}

// thousandsGroups reads a run of digits written with thousands separators
// ("1,2340001,234": a page glued 1,234, 0, 0, 0 and 1,234): the digits, and
// for each whether a separator stands before it. grp is nil when a
// separator is not between a digit and three digits at least (the digits
// after it may run on into the next cell, glued).
func thousandsGroups(t string) (digits string, grp []bool) {
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c != ',' {
			b.WriteByte(c)
			grp = append(grp, false)
			continue
		}
		if i == 0 || !isASCIIDigit(t[i-1]) || i+4 > len(t) || !allASCIIDigits(t[i+1:i+4]) {
			return "", nil
		}
		grp = append(grp, true)
		b.WriteByte(t[i+1])
		i++
	}
	return b.String(), grp
}

// splitCounts is splitTokens for counts (表三, 表四), which are never
// negative: a dash among the digits is a cell written "-" or "—" (a page
// that glued 0, -, 3, 5 into "0-35"), not a sign, and such digits are not
// cut at all — read as signed numbers they gave a wrong row that still
// added up (0 -3 5 … for 0 - 3 5).
func splitCounts(tokens []string, n, g, limit int) [][]int64 {
	for _, t := range tokens {
		if strings.ContainsFunc(t, isMinus) {
			return nil
		}
	}
	return splitTokens(tokens, n, g, limit)
}

// numberTokens cuts text into the tokens splitTokens reads: runs of digits
// separated by spaces, a minus sign starting a new token. ok is false when
// the text holds anything else.
func numberTokens(s string) (toks []string, ok bool) {
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			toks = append(toks, b.String())
			b.Reset()
		}
	}
	s = foldDigits(s)
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ',' && b.Len() > 0 && i+4 <= len(s) && allASCIIDigits(s[i+1:i+4]):
			b.WriteRune(r) // a thousands separator: "1,234"
		case r == '-' || r == '－':
			flush()
			b.WriteRune('-')
		case r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0':
			flush()
		default:
			return nil, false
		}
	}
	flush()
	return toks, len(toks) > 0
}

// A flattened page glues a row's placeholders ("/", "—", "-": a cell the
// agency left without a number) into its digits as well: "31////4" is 3, 1,
// four placeholders and 4. A placeholder is one cell, so it is a border on
// both sides; the digits between are cut as any glued run.

// slashLike says r is a placeholder that is one cell each time it occurs
// (无 and 空 too: no count row's label ends in either).
func slashLike(r rune) bool { return r == '/' || r == '／' || r == '无' || r == '空' }

// dashLike says r makes a dash placeholder: "—", "——", "-" are one cell.
func dashLike(r rune) bool { return r == '—' || r == '-' || r == '－' || r == '–' }

// marks says which runes are placeholders glued among a row's digits:
// slashes, 无 and 空 always; dashes only where a count is never negative
// (表三, 表四, the 2021 format's 表二 — not the 2019 format's 增/减).
type marks struct{ dashes bool }

var countMarks = marks{dashes: true}

func (m marks) mark(r rune) bool { return slashLike(r) || m.dashes && dashLike(r) }

// placeholderTokens cuts a run of digits and placeholders into tokens: a
// token per digit run, per slash and per run of dashes (whose cells
// splitPlaceholders counts: "——" is one cell written so, or two of "—").
// ok is false unless the run holds a placeholder and a digit, or two
// slashes at least ("///": three cells), and nothing else.
func placeholderTokens(s string, m marks) (toks []string, ok bool) {
	if !placeholderRun(s, m) {
		return nil, false
	}
	return cutPlaceholders(s), true
}

// cutPlaceholders is placeholderTokens of a run already known to be one.
func cutPlaceholders(s string) (toks []string) {
	rs := []rune(s)
	for i, r := range rs { // full-width digits (not foldDigits: a dash before a digit is no sign here)
		if r >= '０' && r <= '９' {
			rs[i] = r - '０' + '0'
		}
	}
	for i := 0; i < len(rs); {
		j := i + 1
		switch {
		case isDigit(rs[i]):
			for j < len(rs) && isDigit(rs[j]) {
				j++
			}
		case dashLike(rs[i]): // (only when m counts dashes: placeholderRun said so)
			for j < len(rs) && dashLike(rs[j]) {
				j++
			}
		}
		toks = append(toks, string(rs[i:j]))
		i = j
	}
	return toks
}

// dashesOnly says s is a run of three dashes or more and nothing else: a
// row's cells written —, glued to its label (…国家秘密———————), which no
// label of the tables ends in. (Alone, such a run is a Markdown table's
// rule: only glued to a label is it cells.)
func dashesOnly(s string) bool {
	n := 0
	for _, r := range s {
		if !dashLike(r) {
			return false
		}
		n++
	}
	return n >= 3
}

// slashDate says s is a date written with slashes (2025/1/20, as a
// browser prints it at the top of a page), not cells.
func slashDate(s string) bool {
	parts := strings.Split(s, "/")
	if len(parts) != 3 || len(parts[0]) != 4 || (!strings.HasPrefix(parts[0], "19") && !strings.HasPrefix(parts[0], "20")) {
		return false
	}
	for _, p := range parts {
		if p == "" || len(p) > 4 || strings.ContainsFunc(p, func(r rune) bool { return r < '0' || r > '9' }) {
			return false
		}
	}
	return len(parts[1]) <= 2 && len(parts[2]) <= 2
}

// hasMark says s holds a placeholder's rune.
func (m marks) hasMark(s string) bool { return strings.ContainsFunc(s, m.mark) }

// placeholderRun says a token is digits and placeholders glued ("0—1",
// "/02", "///"): cells of a row, not words of its label.
func placeholderRun(s string, m marks) bool {
	if slashDate(s) {
		return false
	}
	digits, placed, slashes := false, false, 0
	for _, r := range s { // (asked of every label's last word: no allocation)
		switch {
		case isDigit(r):
			digits = true
		case m.mark(r):
			placed = true
			if slashLike(r) {
				slashes++
			}
		default:
			return false
		}
	}
	return placed && (digits || slashes >= 2)
}

// placeholderTok says a token is a placeholder cell of a glued run: marks
// only ("—20" is a mark and a number).
func placeholderTok(s string) bool {
	return s != "" && (isPlaceholder(s) || !strings.ContainsFunc(s, func(r rune) bool { return !slashLike(r) && !dashLike(r) }))
}

// splitPlaceholders reads a row of counts whose tokens mix placeholders
// with digit runs: its readings as n cells (the placeholders as written,
// the numbers cut), first those that add up (in groups of g, the last cell
// of each the sum of the others, a placeholder counting as nothing: a 表三
// row is one group, 表四 three of five); failing that, the only cut there is
// when every digit must be a cell of its own, as the report's own error.
// None when the tokens hold no placeholder or cannot make n cells.
func splitPlaceholders(in []string, n, g int, m marks) [][]string {
	return splitPlaceholdersAs(in, n, g, m, "")
}

// splitPlaceholdersAs is splitPlaceholders where the report is known to
// write its dash for 0 as dash (— or ——): its runs of dashes are read so
// only (when every run can be: a run of odd length is no cells of ——).
func splitPlaceholdersAs(in []string, n, g int, m marks, dash string) [][]string {
	return markedReadingsAs(in, m, dash, func(expanded []string) [][]string { return splitMarked(expanded, n, g) })
}

// markedReadingsAny is every reading of a row of counts whose tokens mix
// placeholders with digit runs as n cells, whether it adds up or not (a
// report's own error: which reading is meant only the rest of the table
// can tell), its dashes read as dash where that is known
// (splitPlaceholdersAs); ok is false when there are more than limit for a
// way of reading its dashes (not all were found).
func markedReadingsAny(in []string, n, limit int, dash string) (out [][]string, ok bool) {
	ok = true
	out = markedReadingsAs(in, countMarks, dash, func(expanded []string) [][]string {
		cells, all := markedCuts(expanded, n, limit)
		ok = ok && all
		return cells
	})
	return out, ok
}

// markedReadings cuts the tokens of a row holding placeholders into runs
// (a token that mixes marks and digits, "—20", is cut: a page glued a dash
// cell to the next number, which a count never has as its sign) and reads
// them with read in each way of taking its runs of dashes; its readings,
// each once. None when the tokens hold no placeholder.
func markedReadings(in []string, m marks, read func([]string) [][]string) [][]string {
	return markedReadingsAs(in, m, "", read)
}

// markedReadingsAs is markedReadings where the report's dash for 0 is known
// (dash: — or ——; "" for not known).
func markedReadingsAs(in []string, m marks, dash string, read func([]string) [][]string) [][]string {
	if !slices.ContainsFunc(in, m.hasMark) {
		return nil // nearly every row: nothing to do, nothing allocated
	}
	var toks []string
	var apart []bool // the token stood alone, spaces around it
	for _, t := range in {
		if ts, ok := placeholderTokens(t, m); ok {
			toks = append(toks, ts...)
			for range ts {
				apart = append(apart, false)
			}
		} else {
			toks, apart = append(toks, t), append(apart, true)
		}
	}
	if !slices.ContainsFunc(toks, placeholderTok) {
		return nil
	}
	// a run of dashes is as many cells of "—" or, of even length, half as
	// many of "——": each way is tried (a few runs at most)
	var runs []int
	for i, t := range toks {
		if r := []rune(t); len(r) > 1 && dashLike(r[0]) && !strings.ContainsFunc(t, func(r rune) bool { return !dashLike(r) }) {
			runs = append(runs, i)
		}
	}
	var ways []int // each a mask: bit k set, run k is cells of "——"
	even := !slices.ContainsFunc(runs, func(i int) bool { return utf8.RuneCountInString(toks[i])%2 == 1 })
	switch {
	case dash == "—":
		ways = append(ways, 0)
	case dash == "——" && even:
		ways = append(ways, 1<<len(runs)-1)
	case len(runs) <= 3: // 8 ways at most, each search bounded by splitTokens' budget
		for way := range 1 << len(runs) {
			ways = append(ways, way)
		}
	default:
		// more runs: the ways a report writes one mark, — or —— throughout;
		// a —— standing alone is one cell in both (as two of —, a row of
		// them spaced apart would read as twice its cells: —— —— —— 0 …)
		single := 0
		for k, i := range runs {
			if apart[i] && toks[i] == "——" {
				single |= 1 << k
			}
		}
		ways = append(ways, single, 1<<len(runs)-1)
	}
	var out [][]string
	for _, way := range ways {
		var expanded []string
		ok := true
		for i, t := range toks {
			k := slices.Index(runs, i)
			if k < 0 {
				expanded = append(expanded, t)
				continue
			}
			r := []rune(t)
			if way&(1<<k) == 0 { // cells of "—"
				for range r {
					expanded = append(expanded, string(r[0]))
				}
			} else if len(r)%2 == 0 { // cells of "——"
				for j := 0; j < len(r); j += 2 {
					expanded = append(expanded, string(r[j:j+2]))
				}
			} else {
				ok = false
			}
		}
		if !ok {
			continue
		}
		for _, cells := range read(expanded) {
			if !slices.ContainsFunc(out, func(o []string) bool { return sameCells(o, cells) }) {
				out = append(out, cells)
			}
		}
	}
	return out
}

// agreeing says, cell by cell, whether every reading of a row has that
// cell (placeholders alike).
func agreeing(cuts [][]string) []bool {
	same := make([]bool, len(cuts[0]))
	for c := range same {
		same[c] = true
		for _, o := range cuts[1:] {
			same[c] = same[c] && sameCells(o[c:c+1], cuts[0][c:c+1])
		}
	}
	return same
}

// sameCells says two readings of a row agree: the same numbers, and
// placeholders where the other has placeholders (written alike or not).
func sameCells(a, b []string) bool {
	return slices.EqualFunc(a, b, func(x, y string) bool { return x == y || placeholderTok(x) && placeholderTok(y) })
}

// splitMarked is splitPlaceholders for tokens each of which is one cell
// when it is a placeholder.
func splitMarked(toks []string, n, g int) [][]string {
	zeroed, mark := zeroMarks(toks)
	cuts := splitCounts(zeroed, n, g, 8)
	if len(cuts) == 0 {
		if forced := splitCounts(zeroed, n, 0, 2); len(forced) == 1 {
			cuts = forced
		}
	}
	return cutCells(toks, mark, cuts, n)
}

// markedCuts is splitMarked without the sums: every cut into n cells, at
// most limit; all is false when there are more.
func markedCuts(toks []string, n, limit int) (cells [][]string, all bool) {
	zeroed, mark := zeroMarks(toks)
	cuts, done := splitTokensDone(zeroed, n, 0, limit+1) // (digits only: the marks are 0s)
	if !done || len(cuts) > limit {
		return nil, false
	}
	return cutCells(toks, mark, cuts, n), true
}

// zeroMarks is toks with each placeholder a 0 (one cell, which adds
// nothing), and which they were.
func zeroMarks(toks []string) (zeroed []string, mark []bool) {
	zeroed = make([]string, len(toks))
	mark = make([]bool, len(toks))
	for i, t := range toks {
		zeroed[i] = t
		if mark[i] = placeholderTok(t); mark[i] {
			zeroed[i] = "0"
		}
	}
	return zeroed, mark
}

// cutCells turns cuts of zeroMarks' tokens back into cells, each
// placeholder as written.
func cutCells(toks []string, mark []bool, cuts [][]int64, n int) [][]string {
	var out [][]string
	for _, cut := range cuts {
		cells := make([]string, 0, n)
		k := 0
		for i, t := range toks {
			if mark[i] { // the placeholder's own cell
				cells = append(cells, t)
				k++
				continue
			}
			// the numbers this run was cut into: those whose digits make it
			for got := ""; got != t && k < len(cut); k++ {
				s := strconv.FormatInt(cut[k], 10)
				got += s
				cells = append(cells, s)
			}
		}
		if len(cells) == n {
			out = append(out, cells)
		}
	}
	return out
}

// markedWithBlanks says a row of counts whose tokens mix placeholders with
// digit runs also reads as fewer cells than a row's, a placeholder one, that
// add up: the row with some cells blank.
func markedWithBlanks(in []string) bool {
	return len(markedReadings(in, countMarks, func(expanded []string) [][]string {
		zeroed, _ := zeroMarks(expanded)
		for k := 2; k < NumCols; k++ {
			if len(splitCounts(zeroed, k, k, 1)) > 0 {
				return [][]string{nil}
			}
		}
		return nil
	})) > 0
}
