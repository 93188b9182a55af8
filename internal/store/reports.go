package store

import (
	"context"
	"encoding/json"
	"fmt"

	"gongkai/internal/report"
)

// SaveReport stores an agency's report for a year (replacing the previous version).
func (s *Store) SaveReport(ctx context.Context, agencyID int64, r *report.Report, by string) error {
	body, err := json.Marshal(r)
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO reports (agency_id, year, body, updated_at, updated_by) VALUES ($1,$2,$3,$4,$5)
		ON CONFLICT (agency_id, year) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
		agencyID, r.Year, string(body), s.ts(s.Now()), by)
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
