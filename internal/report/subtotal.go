package report

import (
	"strconv"
	"strings"
	"unicode"
)

// dropSubtotals takes out of 表三 a 小计 column some agencies add before 总计
// (the five organisation columns summed): the national format has none, and
// an eighth number in a row made the whole table unreadable. Only when the
// table's header says 小计, and only a value the row's sums prove to be it
// (小计 = the five, 总计 = 自然人 + 小计); a row whose sums do not hold keeps
// its eight numbers and stays unread, as before.
func (p *parser) dropSubtotals(lo, hi int) {
	lo = max(lo, 0)
	header := -1
	for i := lo; i < hi && i < len(p.lines); i++ {
		if strings.Contains(p.lines[i].Text, "小计") {
			header = i
			break
		}
	}
	if header < 0 {
		return
	}
	dropped := 0
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
		before := l.Text
		j := subtotalField(l.Fields)
		if j >= 0 {
			l.Fields = append(l.Fields[:j:j], l.Fields[j+1:]...)
		}
		if l.Text = dropSubtotalText(l.Text); j >= 0 || l.Text != before {
			dropped++
		}
	}
	if dropped > 0 {
		// a reading choice, and a table not in the national format: said
		p.warn("PARSE.READ", "applications", p.lines[header].No, "表三多出“小计”列（国家格式没有这一列）：%d 行的小计等于五类法人或其他组织之和、总计等于自然人加小计，已略去小计读其余各列", dropped)
	}
}

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
// its last eight, all numbers, when the sums prove it (-1: none).
func subtotalField(fields []string) int {
	if len(fields) < 8 {
		return -1
	}
	last := fields[len(fields)-8:]
	if !provesSubtotal(last) {
		return -1
	}
	return len(fields) - 2
}

// dropSubtotalText takes the 小计 out of a row's text: the seventh of the
// eight numbers that end it, when the sums prove it.
func dropSubtotalText(text string) string {
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
		return text
	}
	toks := make([]string, 8)
	for k := range 8 {
		toks[7-k] = text[starts[k]:ends[k]]
	}
	if !provesSubtotal(toks) {
		return text
	}
	// the 小计 is the second from the end: it goes with the space before it
	from := len(strings.TrimRightFunc(text[:starts[1]], unicode.IsSpace))
	return text[:from] + text[ends[1]:]
}

// provesSubtotal: eight numbers where the seventh is the sum of the second
// to the sixth and the eighth that of the first and the seventh.
func provesSubtotal(cells []string) bool {
	v := make([]int64, len(cells))
	for k, c := range cells {
		n, err := strconv.ParseInt(strings.TrimSpace(strings.ReplaceAll(c, ",", "")), 10, 64)
		if err != nil || n < 0 {
			return false
		}
		v[k] = n
	}
	return v[6] == v[1]+v[2]+v[3]+v[4]+v[5] && v[7] == v[0]+v[6]
}
