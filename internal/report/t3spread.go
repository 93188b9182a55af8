package report

import (
	"fmt"
	"slices"
	"strings"
)

// severalRun is a run of glued digits after a row's label that cuts into m
// rows each adding up (severalRows), none of them the row alone; or (m 1)
// the row's own digits that cut several ways, each adding up, the table's
// columns not telling which (solveT3).
type severalRun struct {
	row  *T3Row
	toks []string
	line int
	m    int
}

// spread is a severalRun placed: the m rows of the format's order from
// from, and the cuts of its digits into them.
type spread struct {
	run  severalRun
	from int       // the first row of the window
	cuts [][]int64 // each m rows of seven
	// weighed: one of several cuts, taken for the table's columns
	weighed bool
	// closest: with no cut holding them, the columns the one taken
	// breaks (as few as the rows that do not add up account for)
	closest int
}

// spreadMaxCuts bounds the cuts of a run weighed, and spreadMaxWays the
// ways of them all tried together.
const (
	spreadMaxCuts = 8
	spreadMaxWays = 512
)

// spreadSeveralRows reads the runs of several rows' glued digits (a page
// without line breaks whose text put some rows' labels elsewhere, after the
// table: …3.危及“三安全一稳定”000000000000000000000 …（七）总计3841001445000005
// … 4.保护第三方合法权益 … 四、结转下年度继续办理) as the rows they are: the m
// rows of the format's order around the row they follow, the others of
// them without numbers of their own (unfound, or found with none), when
// only one such window of rows exists. A run that cuts one way only is read
// so, unless a table then whole breaks its columns (then nothing changes).
// Runs that cut several ways, and rows left ambiguous for want of the other
// rows, are read when the table is then whole and exactly one choice of
// their cuts holds its columns.
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
	var sure, open []spread
	taken := map[int]bool{}
	ways := 1
	for _, run := range runs {
		at := t3RowAt(rows, run.row.Key)
		cuts, done := splitTokensDone(run.toks, run.m*NumCols, NumCols, spreadMaxCuts+1)
		if at < 0 || !done || len(cuts) == 0 || len(cuts) > spreadMaxCuts {
			continue
		}
		from := -1
		for s := max(at-run.m+1, 0); s <= at && s+run.m <= len(rows); s++ {
			fits := true
			for k := s; k < s+run.m && fits; k++ {
				fits = k == at && !taken[k] || !own[rows[k].Key] && !taken[k] && r.Applications[rows[k].Key] == (Row{})
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
		sp := spread{run: run, from: from, cuts: cuts}
		if len(cuts) == 1 && run.m > 1 {
			sure = append(sure, sp)
			continue
		}
		if ways *= len(cuts); ways > spreadMaxWays {
			return
		}
		open = append(open, sp)
	}
	if len(sure)+len(open) == 0 {
		return
	}
	before := make(map[string]Row, len(rows))
	for _, row := range rows {
		before[row.Key] = r.Applications[row.Key]
	}
	set := func(sp spread, cut []int64) {
		for k := range sp.run.m {
			var v Row
			for c := range NumCols {
				v[c] = N(cut[k*NumCols+c])
			}
			r.Applications[rows[sp.from+k].Key] = v
		}
	}
	// holds says whether the table is whole, and its columns hold
	reading := make([][NumCols]int64, len(rows))
	holds := func() (whole, ok bool) {
		counts := true // every cell a count, or a mark for 0
		for i := range rows {
			for c, cl := range r.Applications[rows[i].Key] {
				if cl.Blank() {
					return false, false
				}
				counts = counts && (!cl.IsInvalid() || isPlaceholder(trimSpace(cl.Raw())))
				reading[i][c] = cl.Val()
			}
		}
		return true, counts && t3Holds(rows, reading)
	}
	for _, sp := range sure {
		set(sp, sp.cuts[0])
	}
	var chosen []int // a cut of each open run, the only choice that holds
	closest := 0     // with none holding, the columns the chosen one breaks
	if len(open) > 0 {
		choice := make([]int, len(open))
		held, twice := false, false
		// with none holding (the report's own error elsewhere), the one
		// choice that breaks the fewest columns, no more than the rows
		// that do not add up themselves account for
		var best []int
		least, tie := NumCols+1, false
		windows := slices.Concat(sure, open)
		for n := range ways {
			for i, sp := range open {
				choice[i] = n % len(sp.cuts)
				n /= len(sp.cuts)
				set(sp, sp.cuts[choice[i]])
			}
			whole, ok := holds()
			if !whole {
				break // the open runs cannot be told apart
			}
			if ok {
				if held {
					twice = true // two choices hold
					break
				}
				held, chosen = true, slices.Clone(choice)
				continue
			}
			if bad, wrong := p.breaks(windows, rows); bad <= wrong {
				switch {
				case bad < least:
					least, tie, best = bad, false, slices.Clone(choice)
				case bad == least:
					tie = true
				}
			}
		}
		switch {
		case twice:
			chosen = nil
		case !held && best != nil && !tie:
			chosen, closest = best, least
		}
		for _, sp := range open { // as they were, unless chosen below
			for k := sp.from; k < sp.from+sp.run.m; k++ {
				r.Applications[rows[k].Key] = before[rows[k].Key]
			}
		}
	}
	if whole, ok := holds(); whole && !ok && !p.breaksOwned(sure, rows) && closest == 0 {
		// a whole table whose columns break, and not for the report's
		// own errors elsewhere: not these rows. Rows of zeros alone are
		// kept: they break nothing that blank rows would not (21 zeros
		// after 3.危及… are 3., 4. and 5. all the same)
		zeros := sure[:0:0]
		for _, sp := range sure {
			if slices.ContainsFunc(sp.cuts[0], func(x int64) bool { return x != 0 }) {
				for k := sp.from; k < sp.from+sp.run.m; k++ {
					r.Applications[rows[k].Key] = before[rows[k].Key]
				}
				continue
			}
			zeros = append(zeros, sp)
		}
		sure = zeros
	}
	said := sure
	for i, c := range chosen {
		sp := open[i]
		set(sp, sp.cuts[c])
		sp.cuts, sp.weighed, sp.closest = sp.cuts[c:c+1], true, closest
		said = append(said, sp)
	}
	for _, sp := range said {
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
		if sp.run.m == 1 && sp.closest > 0 {
			p.warn("PARSE.READ", "applications."+sp.run.row.Key, sp.run.line, "表三“%s%s”的数字“%s”连在一起，有多种拆分都满足本行之和；表三其他各行读出后，没有一种拆法使各栏的勾稽关系都成立（报告本身有误），只有一种拆法（%s）不成立之处最少（%d 栏，与本身不等于总计的行相当），按此读取，请对照原文核对",
				sp.run.row.Group, sp.run.row.Label, strings.Join(sp.run.toks, " "), joinInts(sp.cuts[0]), sp.closest)
			continue
		}
		if sp.run.m == 1 {
			p.warn("PARSE.READ", "applications."+sp.run.row.Key, sp.run.line, "表三“%s%s”的数字“%s”连在一起，有多种拆分都满足本行之和；表三其他各行读出后，只有一种拆法（%s）使各栏的勾稽关系都成立，按此读取，请对照原文核对",
				sp.run.row.Group, sp.run.row.Label, strings.Join(sp.run.toks, " "), joinInts(sp.cuts[0]))
			continue
		}
		how := "只能拆成"
		switch {
		case sp.closest > 0:
			how = fmt.Sprintf("有多种拆分，表三各栏的勾稽关系都不全成立（报告本身有误），不成立之处最少（%d 栏，与本身不等于总计的行相当）的只有一种：拆成", sp.closest)
		case sp.weighed:
			how = "有多种拆分，表三各栏的勾稽关系只容一种：拆成"
		}
		p.warn("PARSE.READ", "applications."+sp.run.row.Key, sp.run.line, "表三“%s%s”后连在一起的数字“%s”%s %d 行、每行都满足“总计 = 六类申请人之和”：其余几行的行名在原文中不在这里（转换时次序被打乱）且没有自己的数字，按格式的行序读作%s（%s），请对照原文核对",
			sp.run.row.Group, sp.run.row.Label, strings.Join(sp.run.toks, " "), how, sp.run.m, strings.Join(names, "、"), joinInts(sp.cuts[0]))
	}
}

// breaksOwned says the table's columns, whole with the runs of sure read,
// break no more than rows outside them that do not add up themselves
// account for: the report's own errors (a wrong cell breaks its row and
// one column), not the runs' reading, which adds up row by row.
func (p *parser) breaksOwned(sure []spread, rows []T3Row) bool {
	bad, wrong := p.breaks(sure, rows)
	return bad > 0 && bad <= wrong
}

// breaks are the columns of 表三 whose identities break, and the rows
// outside the windows of spreads that do not add up themselves.
func (p *parser) breaks(spreads []spread, rows []T3Row) (bad, wrong int) {
	in := make([]bool, len(rows))
	for _, sp := range spreads {
		for k := sp.from; k < sp.from+sp.run.m; k++ {
			in[k] = true
		}
	}
	for i, row := range rows {
		if in[i] {
			continue
		}
		v := p.r.Applications[row.Key]
		var sum int64
		for c := range ColTotal {
			sum += v[c].Val()
		}
		if sum != v[ColTotal].Val() {
			wrong++
		}
	}
	return p.t3UnbalancedColumns(), wrong
}
