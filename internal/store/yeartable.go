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
// casework.UnitItem, one per item of each application.
func (s *Store) YearTableBy(ctx context.Context, agencyID int64, year int, unit string) (map[string]report.Row, error) {
	t, err := s.YearTables(ctx, []int64{agencyID}, year, unit)
	if err != nil {
		return nil, err
	}
	return t[agencyID], nil
}

// ApplicantMonthCount is which application of its applicant's calendar month
// c is (1 for the first): the 按件 fee counts per applicant and month, so the
// count comes from the records, never from the caller. The applicant is
// known by identity number, or by name when there is none (typed either
// way: casework.SameName, through the folded name of the search key).
func (t *Tx) ApplicantMonthCount(ctx context.Context, c *casework.Case) (int, error) {
	m := c.Received.Time()
	first := workday.NewDate(m.Year(), m.Month(), 1)
	who, val := "id_number = $2", c.Intake.Applicant.IDNum
	if val == "" {
		who, val = t.s.instr("search_key", "$2"), "\n"+searchField(c.Intake.Applicant.Name)+"\n"
	}
	var n int
	err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM cases WHERE agency_id = $1 AND `+who+` AND received_on >= $3
		AND (received_on < $4 OR (received_on = $4 AND id <= $5))`,
		c.AgencyID, val, date(first), date(c.Received), c.ID).Scan(&n)
	return n, mapErr(err)
}
