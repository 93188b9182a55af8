package store

import (
	"context"
	"fmt"
	"maps"
	"math/big"
	"runtime"
	"sync"

	"gongkai/internal/appeal"
	"gongkai/internal/casework"
	"gongkai/internal/report"
	"gongkai/internal/workday"
)

// A province has thousands of agencies: everything a report takes from the
// records is read for all of them at once, one grouped query per table
// (never one per agency), so that the 报告汇总 costs about what one raw
// GROUP BY of the same rows costs. The single-agency functions are these
// with one id.

// chunkSize keeps IN lists under SQLite's limit of bound parameters.
const chunkSize = 20000

// inChunks calls fn with the ids in chunks, each as an IN list starting at
// parameter $first.
func inChunks(ids []int64, first int, fn func(in string, args []any) error) error {
	for len(ids) > 0 {
		n := min(len(ids), chunkSize)
		in, args := inList(ids[:n], first)
		if err := fn(in, args); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// yearCounts accumulates 表三 counts per agency.
type yearCounts struct {
	f      report.Format
	counts map[int64]map[string]*[report.NumCols]int64
	total  bool // every agency counts into one table, under id 0
}

func newYearCounts(ids []int64, f report.Format) *yearCounts {
	y := &yearCounts{f: f, counts: make(map[int64]map[string]*[report.NumCols]int64, len(ids))}
	for _, id := range ids {
		m := map[string]*[report.NumCols]int64{}
		for _, row := range f.T3Rows() {
			m[row.Key] = &[report.NumCols]int64{}
		}
		y.counts[id] = m
	}
	return y
}

func (y *yearCounts) add(agency int64, key string, typ casework.ApplicantType, n int64) {
	if y.total {
		agency = 0
	}
	col := typ.Column()
	m := y.counts[agency]
	if col < 0 || m == nil {
		return
	}
	m[key][col] += n
	m[key][report.ColTotal] += n
}

func (y *yearCounts) outcome(agency int64, outcome string, typ casework.ApplicantType, n int64) {
	o := casework.OutcomeByID(casework.OutcomeID(outcome))
	if o == nil {
		o = casework.OutcomeByID("other")
	}
	y.add(agency, o.RowFor(y.f), typ, n)
	y.add(agency, "total", typ, n)
}

func (y *yearCounts) tables() map[int64]map[string]report.Row {
	out := make(map[int64]map[string]report.Row, len(y.counts))
	for id, m := range y.counts {
		t := make(map[string]report.Row, len(m))
		for k, v := range m {
			var row report.Row
			for i, n := range v {
				row[i] = report.N(n)
			}
			t[k] = row
		}
		out[id] = t
	}
	return out
}

// YearTables computes 表三 of a year for each agency from its cases, in SQL:
// new by receipt year, outcomes by closing year, carry-in and carry-forward
// by what was open at the year's ends (casework.YearTable is the reference).
// Counting items (casework.UnitItem), each case weighs its units, and a case
// answered item by item counts each item under its own outcome.
func (s *Store) YearTables(ctx context.Context, ids []int64, year int, unit string) (map[int64]map[string]report.Row, error) {
	// a province's agencies are counted in parts at once, one connection
	// and one core each: the database groups each part on its own
	parts := runtime.GOMAXPROCS(0)
	if len(ids) < 1000 || parts < 2 {
		return s.yearTables(ctx, ids, year, unit)
	}
	size := (len(ids) + parts - 1) / parts
	tables := make([]map[int64]map[string]report.Row, parts)
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for i := range parts {
		part := ids[min(i*size, len(ids)):min((i+1)*size, len(ids))]
		wg.Go(func() { tables[i], errs[i] = s.yearTables(ctx, part, year, unit) })
	}
	wg.Wait()
	out := make(map[int64]map[string]report.Row, len(ids))
	for i, t := range tables {
		if errs[i] != nil {
			return nil, errs[i]
		}
		maps.Copy(out, t)
	}
	return out, nil
}

// count is an aggregate of the rows where cond holds, each weighing w: a
// FILTER clause, which both engines evaluate faster than SUM(CASE …)
// (PostgreSQL: 300 ms against 420 ms over two million cases).
func count(w, cond string) string {
	if w == "1" {
		return "count(*) FILTER (WHERE " + cond + ")"
	}
	return "COALESCE(SUM(" + w + ") FILTER (WHERE " + cond + "), 0)"
}

// YearTotal is 表三 of a year of the agencies together: the 报告汇总 adds
// the agencies whose tables it does not need one by one.
func (s *Store) YearTotal(ctx context.Context, ids []int64, year int, unit string) (map[string]report.Row, error) {
	if len(ids) == 0 {
		return newYearCounts([]int64{0}, report.FormatForYear(year)).tables()[0], nil
	}
	t, err := s.countYear(ctx, ids, year, unit, true)
	if err != nil {
		return nil, err
	}
	return t[0], nil
}

func (s *Store) yearTables(ctx context.Context, ids []int64, year int, unit string) (map[int64]map[string]report.Row, error) {
	return s.countYear(ctx, ids, year, unit, false)
}

func (s *Store) countYear(ctx context.Context, ids []int64, year int, unit string, total bool) (map[int64]map[string]report.Row, error) {
	first, last := workday.NewDate(year, 1, 1).String(), workday.NewDate(year, 12, 31).String()
	y := newYearCounts(ids, report.FormatForYear(year))
	group := "agency_id, "
	if total {
		y = newYearCounts([]int64{0}, report.FormatForYear(year))
		y.total = true
		// SQLite groups fastest in the order of the index cases_year, which
		// starts with the agency; PostgreSQL hashes the few groups of the
		// total in parallel workers
		if s.dialect == Postgres {
			group = ""
		}
	}
	w, closedW := "1", "1"
	if unit == casework.UnitItem {
		w = "units"
		closedW = "(CASE WHEN EXISTS (SELECT 1 FROM case_items ci WHERE ci.case_id = cases.id) THEN 0 ELSE units END)"
	}
	// one streaming pass over the covering index cases_year, in its order
	err := inChunks(ids, 3, func(in string, args []any) error {
		rows, err := s.db.QueryContext(ctx, `SELECT `+group+`applicant_type, outcome,
				`+count(w, `received_on >= $1 AND received_on <= $2`)+`,
				`+count(w, `received_on < $1 AND (closed_on IS NULL OR closed_on >= $1)`)+`,
				`+count(closedW, `closed_on >= $1 AND closed_on <= $2`)+`,
				`+count(w, `received_on <= $2 AND (closed_on IS NULL OR closed_on > $2)`)+`
			FROM cases WHERE agency_id IN (`+in+`)
			GROUP BY `+group+`applicant_type, outcome`, append([]any{first, last}, args...)...)
		if err != nil {
			return mapErr(err)
		}
		defer rows.Close()
		for rows.Next() {
			var agency int64
			var typ, outcome string
			var nw, in, closed, fwd int64
			dest := []any{&typ, &outcome, &nw, &in, &closed, &fwd}
			if group != "" {
				dest = append([]any{&agency}, dest...)
			}
			if err := rows.Scan(dest...); err != nil {
				return err
			}
			t := casework.ApplicantType(typ)
			y.add(agency, "new", t, nw)
			y.add(agency, "carried_in", t, in)
			y.add(agency, "carried_forward", t, fwd)
			if closed > 0 {
				y.outcome(agency, outcome, t, closed)
			}
		}
		return rows.Err()
	})
	if err == nil && unit == casework.UnitItem {
		err = s.itemOutcomes(ctx, ids, first, last, y)
	}
	if err != nil {
		return nil, err
	}
	return y.tables(), nil
}

// itemOutcomes counts the items of the cases closed in [first, last] that
// were answered item by item, by agency, applicant type and outcome.
func (s *Store) itemOutcomes(ctx context.Context, ids []int64, first, last string, y *yearCounts) error {
	return inChunks(ids, 3, func(in string, args []any) error {
		rows, err := s.db.QueryContext(ctx, `SELECT c.agency_id, c.applicant_type, ci.outcome, count(*) FROM case_items ci JOIN cases c ON c.id = ci.case_id
			WHERE c.agency_id IN (`+in+`) AND c.closed_on >= $1 AND c.closed_on <= $2 GROUP BY c.agency_id, c.applicant_type, ci.outcome`,
			append([]any{first, last}, args...)...)
		if err != nil {
			return mapErr(err)
		}
		defer rows.Close()
		for rows.Next() {
			var agency, n int64
			var typ, outcome string
			if err := rows.Scan(&agency, &typ, &outcome, &n); err != nil {
				return err
			}
			y.outcome(agency, outcome, casework.ApplicantType(typ), n)
		}
		return rows.Err()
	})
}

// SavedReports returns the stored reports of a year of the agencies given,
// without 表三 (which the caller takes from the records: RecordsInto);
// agencies without one are absent. They are decoded on every core.
func (s *Store) SavedReports(ctx context.Context, ids []int64, year int) (map[int64]*report.Report, error) {
	type stored struct {
		id   int64
		body []byte
	}
	var all []stored
	err := inChunks(ids, 2, func(in string, args []any) error {
		rows, err := s.db.QueryContext(ctx, `SELECT agency_id, body FROM reports WHERE year = $1 AND agency_id IN (`+in+`)`, append([]any{year}, args...)...)
		if err != nil {
			return mapErr(err)
		}
		defer rows.Close()
		for rows.Next() {
			var st stored
			if err := rows.Scan(&st.id, &st.body); err != nil {
				return err
			}
			all = append(all, st)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	reps := make([]*report.Report, len(all))
	errs := make([]error, len(all))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(all); i += workers {
				// stored by SaveReport, so the fast reader for the program's own
				// JSON; 表三 always comes from the records
				if reps[i], errs[i] = report.FromJSONWithoutT3(all[i].body); errs[i] != nil {
					errs[i] = fmt.Errorf("stored report %d/%d: %w", all[i].id, year, errs[i])
				}
			}
		})
	}
	wg.Wait()
	out := make(map[int64]*report.Report, len(all))
	for i, st := range all {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out[st.id] = reps[i]
	}
	return out, nil
}

// Ledger is what an agency's decision and fee ledgers give a year's 表二.
type Ledger struct {
	Decisions map[string]int64 // by kind: licensing, penalty, coercion
	Fees      *big.Rat         // yuan, summed exactly; nil when none
}

// Into sets the 表二 cells the ledgers decide (decisions of each kind; in
// the 2021 format the fees in 万元).
func (l Ledger) Into(r *report.Report) {
	for _, k := range []string{"licensing", "penalty", "coercion"} {
		r.Proactive.Set(k+".decisions", report.N(l.Decisions[k]))
	}
	if r.Format == report.Format2021 {
		sum := l.Fees
		if sum == nil {
			sum = new(big.Rat)
		}
		wan := new(big.Rat).Quo(sum, big.NewRat(10000, 1))
		r.Proactive.SetAmount("fees.amount_wan_yuan", report.ParseAmount(wan.FloatString(6)))
	}
}

// LedgersInto sets the ledgers' 表二 cells on the report of each agency in reps.
func (s *Store) LedgersInto(ctx context.Context, reps map[int64]*report.Report, year int) error {
	ids := make([]int64, 0, len(reps))
	for id := range reps {
		ids = append(ids, id)
	}
	ls, err := s.Ledgers(ctx, ids, year)
	if err != nil {
		return err
	}
	for id, r := range reps {
		ls[id].Into(r)
	}
	return nil
}

// Ledgers totals the decision and fee ledgers of a year of the agencies
// given (every agency has an entry).
func (s *Store) Ledgers(ctx context.Context, ids []int64, year int) (map[int64]Ledger, error) {
	first, last := date(workday.NewDate(year, 1, 1)), date(workday.NewDate(year, 12, 31))
	out := make(map[int64]Ledger, len(ids))
	for _, id := range ids {
		out[id] = Ledger{Decisions: map[string]int64{}}
	}
	err := inChunks(ids, 3, func(in string, args []any) error {
		rows, err := s.db.QueryContext(ctx, `SELECT agency_id, kind, count(*) FROM decisions WHERE decided_on >= $1 AND decided_on <= $2 AND agency_id IN (`+in+`)
			GROUP BY agency_id, kind`, append([]any{first, last}, args...)...)
		if err != nil {
			return mapErr(err)
		}
		defer rows.Close()
		for rows.Next() {
			var id, n int64
			var k string
			if err := rows.Scan(&id, &k, &n); err != nil {
				return err
			}
			out[id].Decisions[k] = n
		}
		if err := rows.Err(); err != nil {
			return err
		}
		// amounts are decimal text: summed exactly, never as floats
		amounts, err := s.db.QueryContext(ctx, `SELECT agency_id, amount FROM decisions WHERE kind = 'fee' AND decided_on >= $1 AND decided_on <= $2
			AND agency_id IN (`+in+`)`, append([]any{first, last}, args...)...)
		if err != nil {
			return mapErr(err)
		}
		defer amounts.Close()
		for amounts.Next() {
			var id int64
			var a string
			if err := amounts.Scan(&id, &a); err != nil {
				return err
			}
			if v, ok := new(big.Rat).SetString(a); ok {
				l := out[id]
				if l.Fees == nil {
					l.Fees = new(big.Rat)
				}
				l.Fees.Add(l.Fees, v)
				out[id] = l
			}
		}
		return amounts.Err()
	})
	return out, err
}

// AppealsOf returns the 复议/诉讼 records of the agencies given, by agency.
func (s *Store) AppealsOf(ctx context.Context, ids []int64) (map[int64][]appeal.Record, error) {
	out := map[int64][]appeal.Record{}
	err := inChunks(ids, 1, func(in string, args []any) error {
		recs, err := s.appeals(ctx, `a.agency_id IN (`+in+`)`, args...)
		for _, r := range recs {
			out[r.AgencyID] = append(out[r.AgencyID], r)
		}
		return err
	})
	return out, err
}

// RecordsInto sets the tables of each report that the records decide: 表三
// from the cases and, for the agencies that keep any 复议/诉讼 records, 表四
// (the returned set; for the others the report's own 表四 stands).
func (s *Store) RecordsInto(ctx context.Context, reps map[int64]*report.Report, year int, c appeal.Counting, unit string) (map[int64]bool, error) {
	ids := make([]int64, 0, len(reps))
	for id := range reps {
		ids = append(ids, id)
	}
	tables, err := s.YearTables(ctx, ids, year, unit)
	if err != nil {
		return nil, err
	}
	recs, err := s.AppealsOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	return ApplyRecords(reps, tables, recs, year, c), nil
}

// ApplyRecords sets 表三 from tables and, for the agencies with 复议/诉讼
// records, 表四 from them (the returned set).
func ApplyRecords(reps map[int64]*report.Report, tables map[int64]map[string]report.Row, recs map[int64][]appeal.Record, year int, c appeal.Counting) map[int64]bool {
	t4 := map[int64]bool{}
	for id, r := range reps {
		r.Applications = tables[id]
		if rs := recs[id]; len(rs) > 0 {
			r.Appeals = appeal.Table(rs, year, c)
			t4[id] = true
		}
	}
	return t4
}

// Monthly counts, for each month from the first of year-1 to the end of
// year, the applications the agencies received and closed: the 年度报告
// pages draw this year against last year from it.
func (s *Store) Monthly(ctx context.Context, ids []int64, year int) (received, closed [2][12]int64, err error) {
	first, last := date(workday.NewDate(year-1, 1, 1)), date(workday.NewDate(year, 12, 31))
	ym := func(col string) string {
		if s.dialect == Postgres {
			return `CAST(EXTRACT(YEAR FROM ` + col + `) AS INTEGER), CAST(EXTRACT(MONTH FROM ` + col + `) AS INTEGER)`
		}
		return `CAST(substr(` + col + `, 1, 4) AS INTEGER), CAST(substr(` + col + `, 6, 2) AS INTEGER)`
	}
	for _, q := range []struct {
		col string
		out *[2][12]int64
	}{{"received_on", &received}, {"closed_on", &closed}} {
		err = inChunks(ids, 3, func(in string, args []any) error {
			rows, err := s.db.QueryContext(ctx, `SELECT `+ym(q.col)+`, count(*) FROM cases WHERE `+q.col+` >= $1 AND `+q.col+` <= $2
				AND agency_id IN (`+in+`) GROUP BY 1, 2`, append([]any{first, last}, args...)...)
			if err != nil {
				return mapErr(err)
			}
			defer rows.Close()
			for rows.Next() {
				var y, m int
				var n int64
				if err := rows.Scan(&y, &m, &n); err != nil {
					return err
				}
				if i := y - (year - 1); i >= 0 && i < 2 && m >= 1 && m <= 12 {
					q.out[i][m-1] += n
				}
			}
			return rows.Err()
		})
		if err != nil {
			return received, closed, err
		}
	}
	return received, closed, nil
}
