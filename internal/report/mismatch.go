package report

import (
	"encoding/binary"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"sync"
)

// Mismatch compares a report with the one its agency's records give and
// names each cell that differs (REC.MISMATCH). has says which parts the
// agency keeps records of: "2.1" normative documents, "2.ledger" the
// decision and fee ledgers, "3" cases, "4" 复议/诉讼; a part without records
// is not compared (the clerk typed it).
func Mismatch(r, rec *Report, has map[string]bool) []Finding {
	if r.Format != rec.Format {
		return nil
	}
	var out []Finding
	add := func(cell, where, got, want string) {
		out = append(out, Finding{Rule: "REC.MISMATCH", Severity: SevWarning, Cell: cell,
			Message: where + "：报告为 " + got + "，记录为 " + want + "；请核对报告或补全记录"})
	}
	eachT2Cell(r.Format, func(item, path, where string, money bool) {
		part := "2.ledger"
		if item == "rules" || item == "normative_documents" {
			part = "2.1"
		}
		switch {
		case !has[part]:
		case money:
			a, b := r.Proactive.Amount(path), rec.Proactive.Amount(path)
			if _, ok := rec.Proactive.Amounts[path]; ok && !sameAmount(a, b) {
				add("proactive."+path, where, a.String(), b.String())
			}
		default:
			if _, ok := rec.Proactive.Cells[path]; !ok {
				return // the records do not count this cell (2019: 上一年项目数量)
			}
			if a, b := r.Proactive.Cell(path), rec.Proactive.Cell(path); a != b {
				add("proactive."+path, where, num(a), num(b))
			}
		}
	})
	if has["3"] {
		for _, row := range r.Format.T3Rows() {
			for col := range NumCols {
				if a, b := r.Applications[row.Key][col], rec.Applications[row.Key][col]; a != b {
					add(t3Cell(row.Key, col), t3Name(row, col), num(a), num(b))
				}
			}
		}
	}
	if has["4"] {
		for bl := range T4Blocks {
			for col := range T4Columns {
				if a, b := r.Appeals[bl][col], rec.Appeals[bl][col]; a != b {
					add(t4Cell(bl, col), t4Name(bl, col), num(a), num(b))
				}
			}
		}
	}
	return out
}

// sameAmount compares two amounts by value (12.50 = 12.5).
func sameAmount(a, b Amount) bool {
	x, okA := a.Text()
	y, okB := b.Text()
	if !okA || !okB {
		return a.String() == b.String()
	}
	return sameDecimal(x, y)
}

// sameDecimal compares two decimals' texts by value.
func sameDecimal(x, y string) bool {
	rx, ok1 := new(big.Rat).SetString(x)
	ry, ok2 := new(big.Rat).SetString(y)
	if !ok1 || !ok2 {
		return x == y
	}
	return rx.Cmp(ry) == 0
}

// Published compares a report as published (read from its file) with the
// one the agency keeps in gongkai for that year (saved, perhaps 报送) and
// names each table cell where both have a number and the numbers differ
// (PUB.DIFF): the file on the website is not the version that was checked
// and sent. A cell the file did not yield (blank, a table not read) is not
// compared, as reading may have missed it.
func Published(pub, saved *Report) []Finding {
	if pub.Format != saved.Format {
		return []Finding{{Rule: "PUB.DIFF", Severity: SevWarning,
			Message: "发布的报告使用" + pub.Format.Title() + "格式，本系统中保存的报告使用" + saved.Format.Title() + "格式：发布的文件不是本系统中的版本"}}
	}
	var out []Finding
	var x, y []byte
	for _, c := range comparedCells(pub.Format) {
		x, y = c.put(x[:0], pub), c.put(y[:0], saved)
		a, _ := cellText(string(x), c.money)
		b, _ := cellText(string(y), c.money)
		if differ(a, b, c.money) {
			out = append(out, Finding{Rule: "PUB.DIFF", Severity: SevWarning, Cell: c.id,
				Message: c.where + "：发布的报告为 " + a + "，本系统中保存的报告为 " + b + "；请核对网站上发布的是否为审定、报送的版本"})
		}
	}
	return out
}

// SameYear compares a report with another of its agency and year read in the
// same audit (a page and its PDF, a report and its corrected version) and
// names each table cell where both have a number and the numbers differ
// (X.SAME_YEAR): at most eight, the eighth saying how many more. Where most
// of the cells that count anything differ (more than half, and more than
// seven), the two are hardly versions of one report: two agencies of one
// name without a place in it (教育局 of two counties), or a file read badly;
// that is said once instead. other is named as otherName. Each report's
// cells are taken as YearCells keeps them, so that the reduced reports of a
// directory's audit compare as whole ones.
func SameYear(r, other *Report, otherName string) []Finding {
	if r.Format != other.Format {
		return []Finding{{Rule: "X.SAME_YEAR", Severity: SevWarning,
			Message: "本文件使用" + r.Format.Title() + "格式，同一机关同一年度的另一份报告（" + otherName + "）使用" + other.Format.Title() + "格式：请核对以哪一份为准"}}
	}
	mine, theirs := r.yearCellsOf(), other.yearCellsOf()
	var out []Finding
	differing, counting := 0, 0 // cells that differ; that both have and not both 0
	for _, c := range comparedCells(r.Format) {
		var a, b string
		a, mine = cellText(mine, c.money)
		b, theirs = cellText(theirs, c.money)
		if a != "" && b != "" && !(zeroText(a) && zeroText(b)) {
			counting++
		}
		if !differ(a, b, c.money) {
			continue
		}
		if differing++; len(out) < 7 {
			out = append(out, Finding{Rule: "X.SAME_YEAR", Severity: SevWarning, Cell: c.id,
				Message: c.where + "：本文件为 " + a + "，同一机关同一年度的另一份报告（" + otherName + "）为 " + b +
					"；同一年度的报告（如网页与附件、更正前后的版本）数字应当一致，请核对以哪一份为准"})
		}
	}
	switch {
	case differing > 7 && differing*2 > counting:
		return []Finding{{Rule: "X.SAME_YEAR", Severity: SevWarning,
			Message: fmt.Sprintf("表格中有数字的 %d 处里有 %d 处与同一机关同一年度的另一份报告（%s）不同，两份报告大部分不同："+
				"如是同一机关的两个版本，请核对以哪一份为准；如是不同地方名称相同的机关，请在报告标题中写明所在地方（如 某某县教育局）", counting, differing, otherName)}}
	case differing > 7:
		out = append(out, Finding{Rule: "X.SAME_YEAR", Severity: SevWarning,
			Message: fmt.Sprintf("另有 %d 处数字与同一机关同一年度的另一份报告（%s）不同", differing-7, otherName)})
	}
	return out
}

// zeroText says a cell's text is the number 0 (0, 0.00).
func zeroText(s string) bool { return strings.Trim(s, "0.") == "" }

// AddSameYear adds SameYear's findings to r's, in the rules' order.
func AddSameYear(r, other *Report, otherName string) {
	if fs := SameYear(r, other, otherName); len(fs) > 0 {
		insertFindings(r, fs, ruleIndex("X.SAME_YEAR"))
	}
}

// differ says two cells' texts both hold a number (an amount, when money)
// and the numbers differ.
func differ(a, b string, money bool) bool {
	if a == "" || b == "" {
		return false
	}
	if money {
		return !sameDecimal(a, b)
	}
	return a != b
}

// comparedCell is one number of 表二, 三 or 四 as two reports' tables are
// compared: its cell, its Chinese name, whether it is an amount, and put,
// which appends a report's cell to b as YearCells keeps it.
type comparedCell struct {
	id, where string
	money     bool
	put       func(b []byte, r *Report) []byte
}

// comparedCells are a format's table cells in order (表二, 表三 by row, 表四
// by block), made once, when first asked for (not at every command's start).
func comparedCells(f Format) []comparedCell { return comparedCellsByFormat()[f] }

var comparedCellsByFormat = sync.OnceValue(func() map[Format][]comparedCell {
	byFormat := map[Format][]comparedCell{}
	for _, f := range []Format{Format2021, Format2019} {
		var cs []comparedCell
		eachT2Cell(f, func(_, path, where string, money bool) {
			c := comparedCell{id: "proactive." + path, where: where, money: money}
			if money {
				c.put = func(b []byte, r *Report) []byte { return appendYearAmount(b, r.Proactive.Amount(path)) }
			} else {
				c.put = func(b []byte, r *Report) []byte { return appendYearInt(b, r.Proactive.Cell(path)) }
			}
			cs = append(cs, c)
		})
		for _, row := range f.T3Rows() {
			for col := range NumCols {
				cs = append(cs, comparedCell{id: t3Cell(row.Key, col), where: t3Name(row, col),
					put: func(b []byte, r *Report) []byte { return appendYearInt(b, r.Applications[row.Key][col]) }})
			}
		}
		for bl := range T4Blocks {
			for col := range T4Columns {
				cs = append(cs, comparedCell{id: t4Cell(bl, col), where: t4Name(bl, col),
					put: func(b []byte, r *Report) []byte { return appendYearInt(b, r.Appeals[bl][col]) }})
			}
		}
		byFormat[f] = cs
	}
	return byFormat
})

// YearCells keeps each cell in a byte or two: 0 for a cell without a number,
// else a number's zigzag uvarint plus one, or an amount's text's length plus
// one (an uvarint) and the text.

// appendYearInt appends a cell's number, or that it has none.
func appendYearInt(b []byte, c Cell) []byte {
	n, ok := c.Int()
	if !ok {
		return append(b, 0)
	}
	return binary.AppendUvarint(b, uint64(n<<1^n>>63)+1)
}

// appendYearAmount appends an amount's text, or that it has none.
func appendYearAmount(b []byte, a Amount) []byte {
	t, ok := a.Text()
	if !ok {
		return append(b, 0)
	}
	b = binary.AppendUvarint(b, uint64(len(t))+1)
	return append(b, t...)
}

// cellText reads the first cell of s as YearCells keeps them: its number or
// amount's text ("" for none, or when s is cut short), and the rest of s.
func cellText(s string, money bool) (string, string) {
	v, k := binary.Uvarint([]byte(s[:min(len(s), binary.MaxVarintLen64)]))
	if k <= 0 {
		return "", ""
	}
	s = s[k:]
	switch {
	case v == 0:
		return "", s
	case money:
		n := min(v-1, uint64(len(s)))
		return s[:n], s[n:]
	}
	z := v - 1
	return strconv.FormatInt(int64(z>>1)^-int64(z&1), 10), s
}

// YearCells is the report's table cells as SameYear compares them, in the
// format's order (comparedCells), a byte or two each: what a directory's
// audit keeps of the tables (about 220 bytes) to compare two files of one
// agency and year. (Every report of a directory is reduced so: 表三 and 表四
// are walked here by row rather than cell by cell through comparedCells.)
func (r *Report) YearCells() string {
	cs := comparedCells(r.Format)
	if len(cs) == 0 {
		return "" // no format known
	}
	b := make([]byte, 0, len(cs)+16)
	for _, c := range cs {
		if !strings.HasPrefix(c.id, "proactive.") {
			break
		}
		b = c.put(b, r)
	}
	for _, row := range r.Format.T3Rows() {
		x := r.Applications[row.Key]
		for col := range NumCols {
			b = appendYearInt(b, x[col])
		}
	}
	for bl := range T4Blocks {
		for col := range T4Columns {
			b = appendYearInt(b, r.Appeals[bl][col])
		}
	}
	return string(b)
}

// yearCellsOf is what YearCells kept of a reduced report, or the whole
// report's YearCells.
func (r *Report) yearCellsOf() string {
	if r.yearCells != "" {
		return r.yearCells
	}
	return r.YearCells()
}

// eachT2Cell calls fn for each cell of 表二 in the format's order: its item,
// its path under proactive, its Chinese name and whether it is an amount.
func eachT2Cell(f Format, fn func(item, path, where string, money bool)) {
	for _, it := range f.T2Items() {
		heads := headersOf(f, it.Item)
		for i, c := range it.Cells {
			col := c
			if i < len(heads) {
				col = heads[i]
			}
			fn(it.Key, it.Key+"."+c, "表二“"+it.Label+"”"+col+"栏", it.Money != nil && it.Money[i])
		}
	}
}
