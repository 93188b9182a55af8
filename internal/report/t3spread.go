package report

import (
	"slices"
	"strings"
)

// severalRun is a run of glued digits after a row's label that cuts into m
// rows each adding up (severalRows), none of them the row alone.
type severalRun struct {
	row  *T3Row
	toks []string
	line int
	m    int
}

// spreadSeveralRows reads the runs of several rows' glued digits (a page
// without line breaks whose text put some rows' labels elsewhere, after the
// table: …3.危及“三安全一稳定”000000000000000000000 …（七）总计3841001445000005
// … 4.保护第三方合法权益 … 四、结转下年度继续办理) as the rows they are: the m
// rows of the format's order around the row they follow, the others of
// them without numbers of their own (unfound, or found with none), when
// only one such window of rows exists and the digits cut one way only. A
// table then read whole must hold its columns, or nothing is changed.
func (p *parser) spreadSeveralRows(got []t3Line) {
	runs := p.severalRuns
	p.severalRuns = nil
	if len(runs) == 0 {
		return
	}
	r := p.r
	rows := r.Format.T3Rows()
	own := map[string]bool{} // rows with numbers of their own
	for _, g := range got {
		if len(g.rc.tokens) > 0 || g.rc.ok {
			own[g.row.Key] = true
		}
	}
	type spread struct {
		run  severalRun
		from int // the first row of the window
		vals []int64
	}
	var spreads []spread
	taken := map[int]bool{}
	for _, run := range runs {
		at := slices.IndexFunc(rows, func(x T3Row) bool { return x.Key == run.row.Key })
		cuts, done := splitTokensDone(run.toks, run.m*NumCols, NumCols, 2)
		if at < 0 || !done || len(cuts) != 1 {
			continue
		}
		from := -1
		for s := max(at-run.m+1, 0); s <= at && s+run.m <= len(rows); s++ {
			fits := true
			for k := s; k < s+run.m && fits; k++ {
				fits = k == at || !own[rows[k].Key] && !taken[k] && r.Applications[rows[k].Key] == (Row{})
			}
			if fits {
				if from >= 0 {
					from = -2 // two windows: which rows they are is not known
					break
				}
				from = s
			}
		}
		if from < 0 {
			continue
		}
		for k := from; k < from+run.m; k++ {
			taken[k] = true
		}
		spreads = append(spreads, spread{run: run, from: from, vals: cuts[0]})
	}
	if len(spreads) == 0 {
		return
	}
	before := make(map[string]Row, len(rows))
	for _, row := range rows {
		before[row.Key] = r.Applications[row.Key]
	}
	for _, sp := range spreads {
		for k := range sp.run.m {
			var v Row
			for c := range NumCols {
				v[c] = N(sp.vals[k*NumCols+c])
			}
			r.Applications[rows[sp.from+k].Key] = v
		}
	}
	whole := true
	got2 := make([]t3Line, len(rows))
	for i := range rows {
		v := r.Applications[rows[i].Key]
		cells := make([]string, NumCols)
		for c, cl := range v {
			whole = whole && !cl.Blank()
			cells[c] = cl.String()
		}
		got2[i] = t3Line{row: &rows[i], rc: rowCells{cells: cells, ok: true}}
	}
	if whole && !t3ColumnsHold(got2) {
		for k, v := range before {
			r.Applications[k] = v
		}
		return
	}
	for _, sp := range spreads {
		var names []string
		for k := sp.from; k < sp.from+sp.run.m; k++ {
			key := rows[k].Key
			names = append(names, "“"+rows[k].Group+rows[k].Label+"”")
			r.Meta.Parse = slices.DeleteFunc(r.Meta.Parse, func(f Finding) bool { return f.Cell == "applications."+key })
			for c := range NumCols {
				delete(r.Meta.Ambiguous, t3Cell(key, c))
			}
			r.setLine(key, sp.run.line)
		}
		p.warn("PARSE.READ", "applications."+sp.run.row.Key, sp.run.line, "表三“%s%s”后连在一起的数字“%s”只能拆成 %d 行、每行都满足“总计 = 六类申请人之和”：其余几行的行名在原文中不在这里（转换时次序被打乱）且没有自己的数字，按格式的行序读作%s（%s），请对照原文核对",
			sp.run.row.Group, sp.run.row.Label, strings.Join(sp.run.toks, " "), sp.run.m, strings.Join(names, "、"), joinInts(sp.vals))
	}
}
