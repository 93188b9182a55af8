package store

import (
	"context"

	"gongkai/internal/casework"
	"gongkai/internal/report"
	"gongkai/internal/workday"
)

// YearTable computes 表三 for an agency and year from its cases, in SQL: new
// by receipt year, outcomes by closing year, carry-in and carry-forward by
// what was open at the year's ends (casework.YearTable is the reference).
func (s *Store) YearTable(ctx context.Context, agencyID int64, year int) (map[string]report.Row, error) {
	return s.YearTableBy(ctx, agencyID, year, casework.UnitApplication)
}

// YearTableBy is YearTable counting by unit: one per application, or, with
// casework.UnitItem, one per item of each application (an application
// answered item by item counts each item under its own outcome).
func (s *Store) YearTableBy(ctx context.Context, agencyID int64, year int, unit string) (map[string]report.Row, error) {
	first, last := workday.NewDate(year, 1, 1).String(), workday.NewDate(year, 12, 31).String()
	f := report.FormatForYear(year)
	counts := map[string]*[report.NumCols]int64{}
	for _, row := range f.T3Rows() {
		counts[row.Key] = &[report.NumCols]int64{}
	}
	add := func(key string, typ casework.ApplicantType, n int64) {
		col := typ.Column()
		if col < 0 {
			return
		}
		counts[key][col] += n
		counts[key][report.ColTotal] += n
	}
	// One streaming pass over the covering index cases_year, grouped in its
	// own order: for each applicant type and final outcome, how many cases
	// came in, were carried in, closed in the year and were carried forward.
	// Counting items, each case weighs its units, and the cases answered item
	// by item are counted from case_items instead (below).
	w, closedW := "1", "1"
	if unit == casework.UnitItem {
		w = "units"
		closedW = "(CASE WHEN EXISTS (SELECT 1 FROM case_items ci WHERE ci.case_id = cases.id) THEN 0 ELSE units END)"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT applicant_type, outcome,
			SUM(CASE WHEN received_on >= $2 AND received_on <= $3 THEN `+w+` ELSE 0 END),
			SUM(CASE WHEN received_on < $2 AND (closed_on IS NULL OR closed_on >= $2) THEN `+w+` ELSE 0 END),
			SUM(CASE WHEN closed_on >= $2 AND closed_on <= $3 THEN `+closedW+` ELSE 0 END),
			SUM(CASE WHEN received_on <= $3 AND (closed_on IS NULL OR closed_on > $3) THEN `+w+` ELSE 0 END)
		FROM cases WHERE agency_id = $1
		GROUP BY applicant_type, outcome`, agencyID, first, last)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var typ, outcome string
		var nw, in, closed, fwd int64
		if err := rows.Scan(&typ, &outcome, &nw, &in, &closed, &fwd); err != nil {
			return nil, err
		}
		t := casework.ApplicantType(typ)
		add("new", t, nw)
		add("carried_in", t, in)
		add("carried_forward", t, fwd)
		if closed > 0 {
			o := casework.OutcomeByID(casework.OutcomeID(outcome))
			if o == nil {
				o = casework.OutcomeByID("other")
			}
			add(o.RowFor(f), t, closed)
			add("total", t, closed)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if unit == casework.UnitItem {
		if err := s.itemOutcomes(ctx, agencyID, first, last, func(t casework.ApplicantType, o *casework.Outcome, n int64) {
			add(o.RowFor(f), t, n)
			add("total", t, n)
		}); err != nil {
			return nil, err
		}
	}
	out := map[string]report.Row{}
	for k, v := range counts {
		var row report.Row
		for i, n := range v {
			row[i] = report.N(n)
		}
		out[k] = row
	}
	return out, nil
}

// itemOutcomes counts the items of the cases closed in [first, last] that
// were answered item by item, by applicant type and outcome.
func (s *Store) itemOutcomes(ctx context.Context, agencyID int64, first, last string, add func(casework.ApplicantType, *casework.Outcome, int64)) error {
	rows, err := s.db.QueryContext(ctx, `SELECT c.applicant_type, ci.outcome, count(*) FROM case_items ci JOIN cases c ON c.id = ci.case_id
		WHERE c.agency_id = $1 AND c.closed_on >= $2 AND c.closed_on <= $3 GROUP BY c.applicant_type, ci.outcome`, agencyID, first, last)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var typ, outcome string
		var n int64
		if err := rows.Scan(&typ, &outcome, &n); err != nil {
			return err
		}
		o := casework.OutcomeByID(casework.OutcomeID(outcome))
		if o == nil {
			o = casework.OutcomeByID("other")
		}
		add(casework.ApplicantType(typ), o, n)
	}
	return rows.Err()
}

// ApplicantMonthCount is which application of its applicant's calendar month
// c is (1 for the first): the 按件 fee counts per applicant and month, so the
// count comes from the records, never from the caller. The applicant is
// known by identity number, or by name when there is none.
func (t *Tx) ApplicantMonthCount(ctx context.Context, c *casework.Case) (int, error) {
	m := c.Received.Time()
	first := workday.NewDate(m.Year(), m.Month(), 1)
	who, val := "id_number", c.Intake.Applicant.IDNum
	if val == "" {
		who, val = "applicant_name", c.Intake.Applicant.Name
	}
	var n int
	err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM cases WHERE agency_id = $1 AND `+who+` = $2 AND received_on >= $3
		AND (received_on < $4 OR (received_on = $4 AND id <= $5))`,
		c.AgencyID, val, date(first), date(c.Received), c.ID).Scan(&n)
	return n, mapErr(err)
}
