package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gongkai/internal/report"
)

// PriorReport is a report an agency published before it kept its reports
// here, as read from the published file.
type PriorReport struct {
	Report   *report.Report
	FileName string
	At       time.Time
	By       string
}

// SavePriorReport records an agency's published report of a year read from
// its file; a later file of the same year replaces it (a corrected one).
func (t *Tx) SavePriorReport(ctx context.Context, agencyID int64, r *report.Report, fileName, by string) error {
	body, err := json.Marshal(r)
	if err != nil {
		return err
	}
	_, err = t.tx.ExecContext(ctx, `INSERT INTO prior_reports (agency_id, year, body, file_name, imported_at, imported_by) VALUES ($1,$2,$3,$4,$5,$6)
		ON CONFLICT (agency_id, year) DO UPDATE SET body = excluded.body, file_name = excluded.file_name,
		imported_at = excluded.imported_at, imported_by = excluded.imported_by`,
		agencyID, r.Year, string(body), fileName, t.s.ts(t.s.Clock.Now()), by)
	return mapErr(err)
}

// GetPriorReport is the agency's report of a year read from its published
// file. ErrNotFound when none was.
func (s *Store) GetPriorReport(ctx context.Context, agencyID int64, year int) (*PriorReport, error) {
	var body string
	var at timeCol
	p := &PriorReport{}
	if err := s.db.QueryRowContext(ctx, `SELECT body, file_name, imported_at, imported_by FROM prior_reports WHERE agency_id = $1 AND year = $2`,
		agencyID, year).Scan(&body, &p.FileName, &at, &p.By); err != nil {
		return nil, mapErr(err)
	}
	r, err := report.Load(fmt.Sprintf("prior-%d-%d.json", agencyID, year), []byte(body))
	if err != nil {
		return nil, fmt.Errorf("stored prior report %d/%d: %w", agencyID, year, err)
	}
	p.Report, p.At = r, at.t
	return p, nil
}
