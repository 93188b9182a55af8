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
	ps, err := s.PriorReports(ctx, []int64{agencyID}, year)
	if err != nil {
		return nil, err
	}
	if p, ok := ps[agencyID]; ok {
		return p, nil
	}
	return nil, ErrNotFound
}

// PriorReports are the reports of a year that the agencies ids read from
// their published files, by agency.
func (s *Store) PriorReports(ctx context.Context, ids []int64, year int) (map[int64]*PriorReport, error) {
	out := map[int64]*PriorReport{}
	err := inChunks(ids, 2, func(in string, args []any) error {
		rows, err := s.db.QueryContext(ctx, `SELECT agency_id, body, file_name, imported_at, imported_by FROM prior_reports WHERE year = $1 AND agency_id IN (`+in+`)`,
			append([]any{year}, args...)...)
		if err != nil {
			return mapErr(err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var body string
			var at timeCol
			p := &PriorReport{}
			if err := rows.Scan(&id, &body, &p.FileName, &at, &p.By); err != nil {
				return err
			}
			r, err := report.Load(fmt.Sprintf("prior-%d-%d.json", id, year), []byte(body))
			if err != nil {
				return fmt.Errorf("stored prior report %d/%d: %w", id, year, err)
			}
			p.Report, p.At = r, at.t
			out[id] = p
		}
		return rows.Err()
	})
	return out, err
}
