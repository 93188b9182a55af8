package store

import (
	"context"

	"gongkai/internal/workday"
)

// NextNumber allocates the next number of an agency's sequence of a year
// (a 档号's 件号): numbers are never reused, a rolled-back one included.
func (t *Tx) NextNumber(ctx context.Context, agencyID int64, name string, year int) (int, error) {
	return next(ctx, t.tx, agencyID, name, year)
}

// FileCase records the 档号 a closed case was filed under. ErrConflict when
// it was filed already (by another person in between).
func (t *Tx) FileCase(ctx context.Context, caseID int64, no string, on workday.Date) error {
	res, err := t.tx.ExecContext(ctx, `UPDATE cases SET archive_no = $1, archived_on = $2 WHERE id = $3 AND archive_no = ''`, no, date(on), caseID)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrConflict
	}
	return nil
}

// CaseArchive is the 档号 of a case and the day it was filed ("" and nil:
// not filed).
func (s *Store) CaseArchive(ctx context.Context, caseID int64) (string, *workday.Date, error) {
	var no string
	var on dateCol
	err := s.db.QueryRowContext(ctx, `SELECT archive_no, archived_on FROM cases WHERE id = $1`, caseID).Scan(&no, &on)
	return no, on.ptr(), mapErr(err)
}
