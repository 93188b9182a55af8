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
			var acc cellSum
			for _, r := range rs {
				acc.add(r.Proactive.Cell(p))
			}
			out.Proactive.Set(p, acc.cell())
		}
	}
	// one pass over each report's rows: a province sums thousands
	t3 := map[string]*[NumCols]cellSum{}
	for _, row := range f.T3Rows() {
		t3[row.Key] = &[NumCols]cellSum{}
	}
	var t4 [3][5]cellSum
	for _, r := range rs {
		for key, acc := range t3 {
			row := r.Applications[key]
			for col := range acc {
				acc[col].add(row[col])
			}
		}
		for b := range t4 {
			for c := range t4[b] {
				t4[b][c].add(r.Appeals[b][c])
			}
		}
	}
	for key, acc := range t3 {
		var v Row
		for col := range v {
			v[col] = acc[col].cell()
		}
		out.Applications[key] = v
	}
	for b := range out.Appeals {
		for c := range out.Appeals[b] {
			out.Appeals[b][c] = t4[b][c].cell()
		}
	}
	return out
}

// cellSum adds counts; an unreadable one makes the sum unreadable, so that a
// wrong figure is never hidden in a total. A blank cell counts as 0.
type cellSum struct {
	n       int64
	invalid bool
}

func (s *cellSum) add(c Cell) {
	s.invalid = s.invalid || c.IsInvalid()
	s.n += c.n
}

func (s cellSum) cell() Cell {
	if s.invalid {
		return Invalid("汇总对象中有无法读取的数")
	}
	return N(s.n)
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
