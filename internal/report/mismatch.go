package report

import "math/big"

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
			Message: "“" + where + "”报告为 " + got + "，记录为 " + want + "：请核对报告或补全记录"})
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
					add(t3Cell(row.Key, col), "表三 "+t3Name(row, col), num(a), num(b))
				}
			}
		}
	}
	if has["4"] {
		for bl := range T4Blocks {
			for col := range T4Columns {
				if a, b := r.Appeals[bl][col], rec.Appeals[bl][col]; a != b {
					add(t4Cell(bl, col), "表四 "+t4Name(bl, col), num(a), num(b))
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
	add := func(cell, where string, a, b string) {
		out = append(out, Finding{Rule: "PUB.DIFF", Severity: SevWarning, Cell: cell,
			Message: "“" + where + "”发布的报告为 " + a + "，本系统中保存的报告为 " + b + "：请核对网站上发布的是否为审定、报送的版本"})
	}
	both := func(a, b Cell) bool {
		_, x := a.Int()
		_, y := b.Int()
		return x && y && a != b
	}
	eachT2Cell(pub.Format, func(_, path, where string, money bool) {
		if money {
			a, b := pub.Proactive.Amount(path), saved.Proactive.Amount(path)
			_, okA := a.Text()
			_, okB := b.Text()
			if okA && okB && !sameAmount(a, b) {
				add("proactive."+path, where, a.String(), b.String())
			}
		} else if a, b := pub.Proactive.Cell(path), saved.Proactive.Cell(path); both(a, b) {
			add("proactive."+path, where, num(a), num(b))
		}
	})
	for _, row := range pub.Format.T3Rows() {
		for col := range NumCols {
			if a, b := pub.Applications[row.Key][col], saved.Applications[row.Key][col]; both(a, b) {
				add(t3Cell(row.Key, col), "表三 "+t3Name(row, col), num(a), num(b))
			}
		}
	}
	for bl := range T4Blocks {
		for col := range T4Columns {
			if a, b := pub.Appeals[bl][col], saved.Appeals[bl][col]; both(a, b) {
				add(t4Cell(bl, col), "表四 "+t4Name(bl, col), num(a), num(b))
			}
		}
	}
	return out
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
			fn(it.Key, it.Key+"."+c, "表二 "+it.Label+" "+col, it.Money != nil && it.Money[i])
		}
	}
}
