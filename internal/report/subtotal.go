package report

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// dropSubtotals takes out of 表三 a 小计 column some agencies add before 总计
// (the five organisation columns summed): the national format has none, and
// an eighth number in a row made the whole table unreadable. Only when the
// table's header says 小计, and only a value the row's sums show to be it:
// one of 小计 = the five and 总计 = 自然人 + 小计 holding is enough, so that a
// row with its own error is read and reported (the arithmetic rules then
// find 总计 ≠ 自然人 + the five); a row where neither holds keeps its eight
// numbers and stays unread, said.
func (p *parser) dropSubtotals(lo, hi int) {
	lo = max(lo, 0)
	header := -1
	for i := lo; i < hi && i < len(p.lines); i++ {
		t := p.lines[i].Text
		if hasText(t, "本年新收") && strings.ContainsFunc(t, isDigit) && !hasText(t, "小计") {
			return // the rows began with no 小计 in the header: a note's word, not a column
		}
		// the header's row of columns: 小计 beside the columns' names
		if hasText(t, "小计") && (hasText(t, "其他") || hasText(t, "总计") || hasText(t, "法人")) {
			header = i
			break
		}
	}
	if header < 0 {
		return
	}
	p.subtotals = true
	dropped, partial := 0, 0
	for i := header; i < hi && i < len(p.lines); i++ {
		l := &p.lines[i]
		if i == header || !strings.ContainsFunc(l.Text, isDigit) {
			// the header's word goes with its column
			l.Text = strings.Replace(l.Text, "小计", "", 1)
			if j := indexField(l.Fields, "小计"); j >= 0 {
				l.Fields = append(l.Fields[:j:j], l.Fields[j+1:]...)
			}
			continue
		}
		j, fieldsProof := subtotalField(l.Fields)
		if j >= 0 {
			l.Fields = append(l.Fields[:j:j], l.Fields[j+1:]...)
		}
		text, textProof := dropSubtotalText(l.Text)
		l.Text = text
		switch max(fieldsProof, textProof) {
		case proofBoth:
			dropped++
			l.Subtotal = true
		case proofOne:
			dropped++
			partial++
			l.Subtotal = true
		}
	}
	if dropped > 0 {
		// a reading choice, and a table not in the national format: said
		msg := "表三多出“小计”列（国家格式没有这一列）：%d 行的小计等于五类法人或其他组织之和、或总计等于自然人加小计，已略去小计读其余各列"
		args := []any{dropped}
		if partial > 0 {
			msg += "；其中 %d 行只有一项相符，该行本身有误（见表三的算术检查）"
			args = append(args, partial)
		}
		p.warn("PARSE.READ", "applications", p.lines[header].No, msg, args...)
	}
}

// proof is how far a row's sums show its seventh number to be a 小计.
type proof int

const (
	proofNone proof = iota
	proofOne        // one of 小计 = the five, 总计 = 自然人 + 小计 holds
	proofBoth
)

// indexField is the index of the field that is s, trimmed (-1: none).
func indexField(fields []string, s string) int {
	for j, f := range fields {
		if strings.TrimSpace(f) == s {
			return j
		}
	}
	return -1
}

// subtotalField is the index of the 小计 among a row's fields: the seventh of
// its last eight, all numbers, when the sums show it (-1: none).
func subtotalField(fields []string) (int, proof) {
	if len(fields) < 8 {
		return -1, proofNone
	}
	pr := subtotalProof(fields[len(fields)-8:])
	if pr == proofNone {
		return -1, pr
	}
	return len(fields) - 2, pr
}

// dropSubtotalText takes the 小计 out of a row's text: the seventh of the
// eight numbers that end it, when the sums show it.
func dropSubtotalText(text string) (string, proof) {
	end := len(strings.TrimRightFunc(text, unicode.IsSpace))
	var starts, ends []int
	i := end
	for len(starts) < 8 {
		j := strings.LastIndexFunc(text[:i], unicode.IsSpace)
		tok := text[j+1 : i]
		if !isNumber(tok) {
			break
		}
		starts, ends = append(starts, j+1), append(ends, i)
		i = len(strings.TrimRightFunc(text[:j+1], unicode.IsSpace))
		if j < 0 || i == 0 {
			break
		}
	}
	if len(starts) < 8 {
		return text, proofNone
	}
	toks := make([]string, 8)
	for k := range 8 {
		toks[7-k] = text[starts[k]:ends[k]]
	}
	pr := subtotalProof(toks)
	if pr == proofNone {
		return text, pr
	}
	// the 小计 is the second from the end: it goes with the space before it
	from := len(strings.TrimRightFunc(text[:starts[1]], unicode.IsSpace))
	return text[:from] + text[ends[1]:], pr
}

// subtotalProof is sumsProof of eight cells (none when one is no count).
func subtotalProof(cells []string) proof {
	v := make([]int64, len(cells))
	for k, c := range cells {
		n, err := strconv.ParseInt(strings.TrimSpace(strings.ReplaceAll(c, ",", "")), 10, 64)
		if err != nil || n < 0 {
			return proofNone
		}
		v[k] = n
	}
	return sumsProof(v)
}

// sumsProof: of eight numbers, whether the seventh is the sum of the second
// to the sixth, and the eighth that of the first and the seventh.
func sumsProof(v []int64) proof {
	pr := proofNone
	if v[6] == v[1]+v[2]+v[3]+v[4]+v[5] {
		pr++
	}
	if v[7] == v[0]+v[6] {
		pr++
	}
	return pr
}

// cutSubtotal reads a row of a 表三 with a 小计 column whose digits ran
// together (a page without cell borders): its eight numbers are the cuts
// where 小计 is the five organisation columns' sum and 总计 自然人 plus
// 小计, the 小计 then left out. read is the row's seven cells when every such
// cut agrees on them; cuts are the seven cells of each when they do not,
// for the table's columns to choose from (both nil: not a glued run, left
// to the other readers); ok is false when the row is unread, which is said.
func (p *parser) cutSubtotal(g t3Line) (read *rowCells, cuts [][]int64, ok bool) {
	toks := strs(g.rc.tokens)
	if len(toks) == 0 || slices.ContainsFunc(toks, func(t string) bool { return !allDigits(t) }) {
		return nil, nil, true
	}
	eight, done := splitDigits(toks, NumCols+1, 0, 64, subtotalFits)
	if n := digitCount(g.rc.tokens); len(eight) == 0 && n == NumCols+1 && len(toks) <= NumCols+1 {
		// one digit a cell: the only cut, and one of its sums holding
		// shows the 小计; the other not holding is the report's own error
		eight, _ = splitDigits(toks, NumCols+1, 0, 2, nil)
		if len(eight) != 1 || sumsProof(eight[0]) == proofNone {
			eight = nil
		}
	}
	for _, c := range eight {
		seven := append(append([]int64(nil), c[:NumCols-1]...), c[NumCols])
		if !slices.ContainsFunc(cuts, func(x []int64) bool { return slices.Equal(x, seven) }) {
			cuts = append(cuts, seven)
		}
	}
	switch {
	case len(cuts) == 1 && done:
		rc := g.rc
		rc.ok, rc.tokens, rc.cells = true, nil, intStrings(cuts[0])
		return &rc, nil, true
	case len(cuts) > 1 && done:
		return nil, cuts, true
	}
	for c := range NumCols {
		p.ambiguous(t3Cell(g.row.Key, c))
	}
	p.r.Applications[g.row.Key] = Row{}
	p.warn("PARSE.AMBIGUOUS", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字“%s”连在一起，表三有“小计”列，没有一种拆分使小计等于五类法人或其他组织之和、总计等于自然人加小计，该行记为空，请对照原文核对",
		g.row.Group, g.row.Label, strings.Join(toks, " "))
	return nil, nil, false
}

// subtotalFits prunes the cuts of a row with a 小计 column: the seventh
// number is the sum of the second to the sixth, the eighth that of the
// first and the seventh.
func subtotalFits(parts []int64, v int64) bool {
	switch len(parts) {
	case NumCols - 1:
		return v == parts[1]+parts[2]+parts[3]+parts[4]+parts[5]
	case NumCols:
		return v == parts[0]+parts[6]
	}
	return true
}

// intStrings writes numbers as the cells they were.
func intStrings[T ~int | ~int64](v []T) []string {
	out := make([]string, len(v))
	for i, x := range v {
		out[i] = strconv.FormatInt(int64(x), 10)
	}
	return out
}
