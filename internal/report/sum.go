package report

import (
	"math/big"
	"strings"
)

// Sum adds the tables of several reports of one format and year into the
// supervising office's roll-up (汇总): every count and amount is the sum of
// the same cell; a blank cell counts as 0; a cell that is unreadable in any
// report makes the sum unreadable, so that a wrong figure is never hidden in a
// total. The narrative sections are left empty.
func Sum(f Format, year int, agency string, rs []*Report) *Report {
	out := NewReport(f)
	out.Agency, out.Year, out.Level = agency, year, "aggregate"
	for _, it := range f.T2Items() {
		for i, c := range it.Cells {
			p := it.Key + "." + c
			if len(it.Money) > i && it.Money[i] {
				out.Proactive.SetAmount(p, sumAmounts(rs, p))
				continue
			}
			var cs []Cell
			for _, r := range rs {
				cs = append(cs, r.Proactive.Cell(p))
			}
			out.Proactive.Set(p, sumCells(cs))
		}
	}
	for _, row := range f.T3Rows() {
		var v Row
		for col := range v {
			var cs []Cell
			for _, r := range rs {
				cs = append(cs, r.Applications[row.Key][col])
			}
			v[col] = sumCells(cs)
		}
		out.Applications[row.Key] = v
	}
	for b := range out.Appeals {
		for c := range out.Appeals[b] {
			var cs []Cell
			for _, r := range rs {
				cs = append(cs, r.Appeals[b][c])
			}
			out.Appeals[b][c] = sumCells(cs)
		}
	}
	return out
}

func sumCells(cs []Cell) Cell {
	var n int64
	for _, c := range cs {
		if c.IsInvalid() {
			return Invalid("汇总对象中有无法读取的数")
		}
		n += c.n // a blank cell holds 0
	}
	return N(n)
}

func sumAmounts(rs []*Report, path string) Amount {
	total := new(big.Rat)
	places := 0
	for _, r := range rs {
		a := r.Proactive.Amount(path)
		if a.IsInvalid() {
			return Amount{state: cellInvalid, raw: "汇总对象中有无法读取的数"}
		}
		t, ok := a.Text()
		if !ok {
			continue
		}
		x, _ := new(big.Rat).SetString(t)
		total.Add(total, x)
		if i := strings.IndexByte(t, '.'); i >= 0 && len(t)-i-1 > places {
			places = len(t) - i - 1
		}
	}
	return ParseAmount(total.FloatString(places))
}
