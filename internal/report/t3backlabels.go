package report

import (
	"slices"
	"strings"
)

// sayLabelsOutOfOrder says where an outcome row read from the numbers a cell
// to a line right after its label may have another row's: where the labels
// around those numbers are out of the table's order — after them, a row's
// before it that read no numbers (5.属于三类内部事务信息 / 0 / 0 / 0 / 0 / 1 /
// 0 / 1 / 1.属于国家秘密 / 2.其他法律… / 6.属于四类过程性信息 / … /
// 2.没有现成信息需要另行制作 / …); or before its label since the numbers
// before, a later row's that read none ((六)其他处理 / (七)总计 / 四、结转… /
// 4.无正当理由… / 5.要求行政机关… / 2 / 0 / …). pdftotext's default text of
// LibreOffice's PDF of a table that leaves whole rows blank writes some rows'
// labels away from their rows, and at times a later row's numbers after a
// blank row's label. The numbers may then be those of any row after it that
// read none whose label is among those out of order (or of an outcome row
// skipped before the first later label after the numbers). Which it is the
// text does not tell, nor do 表三's identities (outcome rows trade places in
// them); but a row's label right before its numbers is most often its own
// (3 in 4 in the probe's texts, where leaving such rows unread lost 77
// cells read right to mend 14): the row is read so, and said, naming the
// rows the numbers may be.
func (p *parser) sayLabelsOutOfOrder(got []t3Line, rows []T3Row, norms []string, lo, hi int) {
	if !slices.ContainsFunc(got, func(g t3Line) bool { return g.line.OneEach && !g.unread }) {
		return // (most tables: no row read from numbers a cell to a line)
	}
	withNumbers := t3WithNumbers(got, rows)
	// label is the row a line of words alone names (-1: none, or numbers
	// on it: where a run of labels ends)
	label := func(k int) (m int, words bool) {
		l := p.lines[k]
		if l.Fields != nil || l.OneEach {
			return -1, false
		}
		m, fuzzy, rc := t3LabelRow(l, norms, 0)
		if rc.ok || len(rc.tokens) > 0 {
			return -1, false
		}
		if fuzzy || m >= 0 && withNumbers[m] {
			m = -1
		}
		return m, true
	}
	for gi := range got {
		g := &got[gi]
		j := t3RowAt(rows, g.row.Key)
		if j < 0 || g.unread || !g.line.OneEach || g.row.Kind != RowOutcome || len(g.rc.numbers()) != NumCols || norm(g.rc.label) == "" {
			continue
		}
		at := p.lineIndex(g.line)
		out := false // a label out of the table's order
		var may []int
		first := len(rows) // the first later row named after the numbers
		for k := p.nextText(at+1, hi); k >= 0; k = p.nextText(k+1, hi) {
			m, words := label(k)
			if !words {
				break
			}
			switch {
			case m < 0: // (a merged cell's words, a page's foot)
			case m < j:
				out = true
			case m > j:
				first = min(first, m)
				may = append(may, m)
			}
		}
		for m := j + 1; m < first && m < len(rows); m++ {
			if !withNumbers[m] && rows[m].Kind == RowOutcome {
				may = append(may, m)
			}
		}
		for k := at - 1; k >= max(lo, 0); k-- {
			if trimSpace(p.lines[k].Text) == "" && p.lines[k].Fields == nil {
				continue
			}
			m, words := label(k)
			if !words {
				break
			}
			if m > j {
				out = true
				may = append(may, m)
			}
		}
		if !out || len(may) == 0 {
			continue
		}
		slices.Sort(may)
		may = slices.Compact(may)
		var names []string
		for _, m := range may {
			names = append(names, rows[m].Group+rows[m].Label)
		}
		which := "“" + names[0] + "”的"
		if len(names) > 1 {
			which = "“" + strings.Join(names, "”“") + "”中某一行的"
		}
		if !slices.ContainsFunc(may, func(m int) bool { return rows[m].Kind != RowOutcome }) {
			which += "（办理结果各行互换不影响表三的勾稽关系）"
		}
		p.warn("PARSE.READ", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字（%s）紧接在它的行名之后，读作该行的；但它前后的行名不按表中的次序（PDF 转换把空白行的行名排到了别处），这样的文字中，行名之后的数字也可能是没有读到数字的%s，请对照原文核对",
			g.row.Group, g.row.Label, strings.Join(g.rc.numbers(), " "), which)
	}
}
