package report

import (
	"slices"
	"strconv"
	"strings"
)

// pdftotext's default text of a browser's print of a narrow 表四 gives the
// first column alone first: its heading a character to a line (结 / 果 / 维
// / 持), then its number, then the groups' names and the other headings, then
// the other fourteen numbers — one of which, a later group's, stands among
// the first group's (before its 总计: "0 | 2 0 0 0 2 | 0 0 0 1 1 | 0 0 1 1"
// is 0 2 0 0 2 | 0 0 0 1 1 | 0 0 0 1 1). Read as a number moved to the front,
// the first group took the wrong counts (2 upheld for 2 corrected).
//
// t4FirstColumnCuts gives the ways to read such fifteen numbers (the first
// the first column's, in place): the first group the first number and four of
// the next five, the one left out moved back to any later cell, every group
// adding up; and the numbers as they stand, where they add up. None where the
// numbers are not fifteen whole counts.
func t4FirstColumnCuts(nums []string) [][]int64 {
	const n = 15
	if len(nums) != n {
		return nil
	}
	v := make([]int64, n)
	for i, t := range nums {
		x, err := strconv.ParseInt(t, 10, 64)
		if err != nil || x < 0 {
			return nil
		}
		v[i] = x
	}
	var cuts [][]int64
	add := func(c []int64) {
		if t4Bad(c) == 0 && !slices.ContainsFunc(cuts, func(o []int64) bool { return slices.Equal(o, c) }) {
			cuts = append(cuts, c)
		}
	}
	add(slices.Clone(v))
	for k := 1; k <= 5; k++ {
		rest := slices.Concat(v[:k], v[k+1:]) // the first group's five, then nine
		if !t4GroupAddsUp(rest[:5]) {
			continue
		}
		for at := 5; at <= n-1; at++ {
			add(slices.Concat(rest[:at], []int64{v[k]}, rest[at:]))
		}
	}
	return cuts
}

// t4FirstColumnFirst says the words of 表四 before its first number (lines
// lo up to the one numbered first) are its section's heading and then the
// first column's heading alone, 结果维持, however cut into lines.
func (p *parser) t4FirstColumnFirst(lo, first int) bool {
	if lo < 0 {
		return false
	}
	var b strings.Builder
	for _, l := range p.lines[lo:] {
		if l.No >= first {
			break
		}
		b.WriteString(l.Text)
	}
	s := strings.Join(strings.Fields(b.String()), "")
	if i := strings.LastIndex(s, "情况"); i >= 0 {
		s = s[i+len("情况"):]
	}
	return s == T4ColumnLabels[0]
}

// fillT4FirstColumn reads 表四 by t4FirstColumnCuts where its first number
// stands right after the first column's heading and the other fourteen after
// all three groups' names: the cells every way agrees on, the others unread;
// said. False (nothing read) where no way adds up.
func (p *parser) fillT4FirstColumn(nums []string, line int) bool {
	cuts := t4FirstColumnCuts(nums)
	if len(cuts) == 0 {
		return false
	}
	unknown := p.fillAgreed(cuts, 0)
	p.warn("PARSE.READ", "appeals", line, "表四的第一个数（%s）紧接在“%s”的表头之后、各组组名之前（PDF 转换的文字顺序），读作行政复议“%s”；其余 14 个数（%s）中有 1 个是后面一组的、被转换排进了行政复议一组，按“总计 = 各项之和”定出其位置读取%s，请对照原文核对",
		nums[0], T4ColumnLabels[0], T4ColumnLabels[0], strings.Join(nums[1:], " "), unreadSaid(unknown))
	return true
}
