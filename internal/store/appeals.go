package store

import (
	"context"

	"gongkai/internal/appeal"
	"gongkai/internal/report"
)

// AddAppeal records a 复议 or 诉讼. The case, when given, must belong to the
// same agency.
func (t *Tx) AddAppeal(ctx context.Context, a *appeal.Record) error {
	if err := a.Validate(); err != nil {
		return err
	}
	if a.CaseID != nil {
		var owner int64
		if err := t.tx.QueryRowContext(ctx, `SELECT agency_id FROM cases WHERE id = $1`, *a.CaseID).Scan(&owner); err != nil || owner != a.AgencyID {
			return ErrNotFound
		}
	}
	return mapErr(t.tx.QueryRowContext(ctx, `INSERT INTO appeals (agency_id, case_id, kind, number, body, applicant, filed_on, concluded_on, result, co_defendant_only, note, created_by, created_at)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING id`,
		a.AgencyID, a.CaseID, string(a.Kind), a.Number, a.Body, a.Applicant, date(a.FiledOn), optDate(a.ConcludedOn), string(a.Result),
		a.CoDefendantOnly, a.Note, a.CreatedBy, t.s.ts(t.s.Clock.Now())).Scan(&a.ID))
}

// UpdateAppeal saves an edited record (typically its conclusion).
// ErrNotFound when the agency has no such record.
func (t *Tx) UpdateAppeal(ctx context.Context, a *appeal.Record) error {
	if err := a.Validate(); err != nil {
		return err
	}
	if a.CaseID != nil {
		var owner int64
		if err := t.tx.QueryRowContext(ctx, `SELECT agency_id FROM cases WHERE id = $1`, *a.CaseID).Scan(&owner); err != nil || owner != a.AgencyID {
			return ErrNotFound
		}
	}
	res, err := t.tx.ExecContext(ctx, `UPDATE appeals SET kind = $1, number = $2, body = $3, applicant = $4, filed_on = $5, concluded_on = $6,
		result = $7, co_defendant_only = $8, note = $9, case_id = $10 WHERE id = $11 AND agency_id = $12`,
		string(a.Kind), a.Number, a.Body, a.Applicant, date(a.FiledOn), optDate(a.ConcludedOn), string(a.Result), a.CoDefendantOnly, a.Note, a.CaseID, a.ID, a.AgencyID)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Appeals lists an agency's records, newest first; caseID > 0 keeps those of one case.
func (s *Store) Appeals(ctx context.Context, agencyID, caseID int64) ([]appeal.Record, error) {
	if caseID > 0 {
		return s.appeals(ctx, `a.agency_id = $1 AND a.case_id = $2`, agencyID, caseID)
	}
	return s.appeals(ctx, `a.agency_id = $1`, agencyID)
}

// Appeal returns one record of an agency. ErrNotFound when it has no such record.
func (s *Store) Appeal(ctx context.Context, agencyID, id int64) (*appeal.Record, error) {
	return s.appeal(ctx, s.db, agencyID, id, "")
}

// Appeal is Store.Appeal inside the transaction, its row locked until the
// transaction ends (SQLite's write transaction holds the database already):
// a record read, compared and written as one.
func (t *Tx) Appeal(ctx context.Context, agencyID, id int64) (*appeal.Record, error) {
	lock := t.s.forUpdate()
	if lock != "" {
		lock += ` OF a` // not the case joined to it
	}
	return t.s.appeal(ctx, t.tx, agencyID, id, lock)
}

func (s *Store) appeal(ctx context.Context, q queryer, agencyID, id int64, lock string) (*appeal.Record, error) {
	recs, err := s.appealsOf(ctx, q, `a.agency_id = $1 AND a.id = $2`, lock, agencyID, id)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, ErrNotFound
	}
	return &recs[0], nil
}

func (s *Store) appeals(ctx context.Context, where string, args ...any) ([]appeal.Record, error) {
	return s.appealsOf(ctx, s.db, where, "", args...)
}

func (s *Store) appealsOf(ctx context.Context, q queryer, where, lock string, args ...any) ([]appeal.Record, error) {
	rows, err := q.QueryContext(ctx, `SELECT a.id, a.agency_id, a.case_id, COALESCE(c.serial, ''), a.kind, a.number, a.body, a.applicant,
		a.filed_on, a.concluded_on, a.result, a.co_defendant_only, a.note, a.created_by
		FROM appeals a LEFT JOIN cases c ON c.id = a.case_id WHERE `+where+` ORDER BY a.filed_on DESC, a.id DESC`+lock, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []appeal.Record
	for rows.Next() {
		var a appeal.Record
		var kind, result string
		var filed, concluded dateCol
		if err := rows.Scan(&a.ID, &a.AgencyID, &a.CaseID, &a.CaseSerial, &kind, &a.Number, &a.Body, &a.Applicant, &filed, &concluded, &result, &a.CoDefendantOnly, &a.Note, &a.CreatedBy); err != nil {
			return nil, err
		}
		a.Kind, a.Result, a.FiledOn, a.ConcludedOn = appeal.Kind(kind), appeal.Result(result), filed.d, concluded.ptr()
		out = append(out, a)
	}
	return out, rows.Err()
}

// AppealTable counts 表四 of a year from the agency's records. ok is false
// when the agency keeps no records at all, so that a hand-typed 表四 stands.
func (s *Store) AppealTable(ctx context.Context, agencyID int64, year int, c appeal.Counting) (t report.Appeals, ok bool, err error) {
	recs, err := s.Appeals(ctx, agencyID, 0)
	if err != nil || len(recs) == 0 {
		return t, false, err
	}
	return appeal.Table(recs, year, c), true, nil
}
