package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"gongkai/internal/appeal"
	"gongkai/internal/report"
	"gongkai/internal/workday"
)

// SaveReport stores an agency's report for a year (replacing the previous version).
func (t *Tx) SaveReport(ctx context.Context, agencyID int64, r *report.Report, by string) error {
	body, err := json.Marshal(r)
	if err != nil {
		return err
	}
	_, err = t.tx.ExecContext(ctx, `INSERT INTO reports (agency_id, year, body, updated_at, updated_by) VALUES ($1,$2,$3,$4,$5)
		ON CONFLICT (agency_id, year) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
		agencyID, r.Year, string(body), t.s.ts(t.s.Clock.Now()), by)
	return mapErr(err)
}

// GetReport returns the stored report of an agency and year. ErrNotFound when there is none.
func (s *Store) GetReport(ctx context.Context, agencyID int64, year int) (*report.Report, error) {
	var body string
	if err := s.db.QueryRowContext(ctx, `SELECT body FROM reports WHERE agency_id = $1 AND year = $2`, agencyID, year).Scan(&body); err != nil {
		return nil, mapErr(err)
	}
	r, err := report.Load(fmt.Sprintf("report-%d-%d.json", agencyID, year), []byte(body))
	if err != nil {
		return nil, fmt.Errorf("stored report %d/%d: %w", agencyID, year, err)
	}
	return r, nil
}

// ReportSaved is when and by whom an agency's report of a year was last saved,
// and submitted (报送) if it was: SubmittedAt is zero until then.
type ReportSaved struct {
	At            time.Time
	By            string
	SubmittedAt   time.Time
	SubmittedBy   string
	SubmittedDate workday.Date // the civil date of SubmittedAt in the deployment's zone
}

// SubmitReport records that the saved report of a year was submitted (报送).
// ErrNotFound when the agency has not saved that report.
func (t *Tx) SubmitReport(ctx context.Context, agencyID int64, year int, by string) error {
	res, err := t.tx.ExecContext(ctx, `UPDATE reports SET submitted_at = $1, submitted_by = $2 WHERE agency_id = $3 AND year = $4`,
		t.s.ts(t.s.Clock.Now()), by, agencyID, year)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// ReportsSaved returns, for the agencies given, when each saved its report of
// the year; agencies without one are absent.
func (s *Store) ReportsSaved(ctx context.Context, agencyIDs []int64, year int) (map[int64]ReportSaved, error) {
	out := map[int64]ReportSaved{}
	if len(agencyIDs) == 0 {
		return out, nil
	}
	in, args := inList(agencyIDs, 2)
	rows, err := s.db.QueryContext(ctx, `SELECT agency_id, updated_at, updated_by, submitted_at, submitted_by FROM reports WHERE year = $1 AND agency_id IN (`+in+`)`, append([]any{year}, args...)...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var at, sub timeCol
		var by, subBy string
		if err := rows.Scan(&id, &at, &by, &sub, &subBy); err != nil {
			return nil, err
		}
		rs := ReportSaved{At: at.t, By: by, SubmittedAt: sub.t, SubmittedBy: subBy}
		if !sub.t.IsZero() {
			rs.SubmittedDate = s.Clock.Date(sub.t)
		}
		out[id] = rs
	}
	return out, rows.Err()
}

// inList is "$first,$first+1,…" for ids, with the ids as arguments.
func inList(ids []int64, first int) (string, []any) {
	ph := make([]string, len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		ph[i], args[i] = fmt.Sprintf("$%d", first+i), id
	}
	return strings.Join(ph, ","), args
}

// FillFromRecords sets the tables of a report that the records decide: 表三
// from the cases and, once the agency keeps any 复议/诉讼 records, 表四 (t4
// says so; otherwise the report's own 表四 stands).
func (s *Store) FillFromRecords(ctx context.Context, agencyID int64, year int, r *report.Report, c appeal.Counting, unit string) (t4 bool, err error) {
	set, err := s.RecordsInto(ctx, map[int64]*report.Report{agencyID: r}, year, c, unit)
	return set[agencyID], err
}
