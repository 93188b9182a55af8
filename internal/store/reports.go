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

// SaveReport stores an agency's report for a year as a new draft version.
func (t *Tx) SaveReport(ctx context.Context, agencyID int64, r *report.Report, by string) error {
	_, err := t.SaveReportAs(ctx, agencyID, r, by, report.StateDraft, "")
	return err
}

// SaveReportAs stores an agency's report for a year in the given state as
// its next version (every version is kept, with who, when and why), and
// returns the version's number.
func (t *Tx) SaveReportAs(ctx context.Context, agencyID int64, r *report.Report, by string, state report.State, reason string) (int, error) {
	body, err := json.Marshal(r)
	if err != nil {
		return 0, err
	}
	now := t.s.ts(t.s.Clock.Now())
	var v int
	if err := t.tx.QueryRowContext(ctx, `SELECT COALESCE(max(version), 0) + 1 FROM report_versions WHERE agency_id = $1 AND year = $2`, agencyID, r.Year).Scan(&v); err != nil {
		return 0, mapErr(err)
	}
	if _, err := t.tx.ExecContext(ctx, `INSERT INTO report_versions (agency_id, year, version, state, body, by_name, at, reason) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
		agencyID, r.Year, v, string(state), string(body), by, now, reason); err != nil {
		return 0, mapErr(err)
	}
	_, err = t.tx.ExecContext(ctx, `INSERT INTO reports (agency_id, year, body, updated_at, updated_by, state, version) VALUES ($1,$2,$3,$4,$5,$6,$7)
		ON CONFLICT (agency_id, year) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
		state = excluded.state, version = excluded.version`,
		agencyID, r.Year, string(body), now, by, string(state), v)
	return v, mapErr(err)
}

// SetReportState moves the saved report, at the version given, to a state:
// approved records who approved it, published who published it and the
// catalog item it became. ErrNotFound when there is no saved report,
// ErrConflict when it has been saved again since that version (the head
// approves what was shown, never a newer text).
func (t *Tx) SetReportState(ctx context.Context, agencyID int64, year, version int, state report.State, by string, itemID int64) error {
	now := t.s.ts(t.s.Clock.Now())
	var q string
	args := []any{string(state), agencyID, year, version}
	switch state {
	case report.StateApproved:
		q, args = `, approved_at = $5, approved_by = $6`, append(args, now, by)
	case report.StatePublished:
		q, args = `, published_at = $5, published_by = $6, item_id = $7`, append(args, now, by, itemID)
	}
	res, err := t.tx.ExecContext(ctx, `UPDATE reports SET state = $1`+q+` WHERE agency_id = $2 AND year = $3 AND version = $4`, args...)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return t.reportVersionGone(ctx, agencyID, year, version)
	}
	_, err = t.tx.ExecContext(ctx, `UPDATE report_versions SET state = $1 WHERE agency_id = $2 AND year = $3 AND version = $4`,
		string(state), agencyID, year, version)
	return mapErr(err)
}

// ReportVersion is one saved version of a report.
type ReportVersion struct {
	Version int
	State   report.State
	By      string
	At      time.Time
	Reason  string
}

// ReportVersions lists the versions of an agency's report of a year, newest first.
func (s *Store) ReportVersions(ctx context.Context, agencyID int64, year int) ([]ReportVersion, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT version, state, by_name, at, reason FROM report_versions WHERE agency_id = $1 AND year = $2 ORDER BY version DESC`, agencyID, year)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []ReportVersion
	for rows.Next() {
		var v ReportVersion
		var state string
		var at timeCol
		if err := rows.Scan(&v.Version, &state, &v.By, &at, &v.Reason); err != nil {
			return nil, err
		}
		v.State, v.At = report.State(state), at.t
		out = append(out, v)
	}
	return out, rows.Err()
}

// ReportAt returns version v of an agency's report of a year. ErrNotFound when there is none.
func (s *Store) ReportAt(ctx context.Context, agencyID int64, year, v int) (*report.Report, error) {
	var body string
	if err := s.db.QueryRowContext(ctx, `SELECT body FROM report_versions WHERE agency_id = $1 AND year = $2 AND version = $3`, agencyID, year, v).Scan(&body); err != nil {
		return nil, mapErr(err)
	}
	return report.Load(fmt.Sprintf("report-%d-%d-v%d.json", agencyID, year, v), []byte(body))
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
	State         report.State
	Version       int
	ApprovedAt    time.Time
	ApprovedBy    string
	PublishedAt   time.Time
	PublishedBy   string
	ItemID        int64
	Reason        string // why the current version was saved (a correction after publication)
	SubmittedAt   time.Time
	SubmittedBy   string
	SubmittedDate workday.Date // the civil date of SubmittedAt in the deployment's zone
}

// SubmitReport records that version of the saved report of a year was
// submitted (报送). ErrNotFound when the agency has not saved that report,
// ErrConflict when it has been saved again since that version.
func (t *Tx) SubmitReport(ctx context.Context, agencyID int64, year, version int, by string) error {
	res, err := t.tx.ExecContext(ctx, `UPDATE reports SET submitted_at = $1, submitted_by = $2 WHERE agency_id = $3 AND year = $4 AND version = $5`,
		t.s.ts(t.s.Clock.Now()), by, agencyID, year, version)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return t.reportVersionGone(ctx, agencyID, year, version)
	}
	return nil
}

// reportVersionGone says why no saved report of that version was found:
// ErrNotFound when the agency has none of the year, ErrConflict when it has
// been saved again since that version was read.
func (t *Tx) reportVersionGone(ctx context.Context, agencyID int64, year, version int) error {
	var now int
	err := t.tx.QueryRowContext(ctx, `SELECT version FROM reports WHERE agency_id = $1 AND year = $2`, agencyID, year).Scan(&now)
	if err != nil {
		return mapErr(err)
	}
	return fmt.Errorf("%w: report %d/%d is at version %d, not %d", ErrConflict, agencyID, year, now, version)
}

// ReportsSaved returns, for the agencies given, when each saved its report of
// the year; agencies without one are absent.
func (s *Store) ReportsSaved(ctx context.Context, agencyIDs []int64, year int) (map[int64]ReportSaved, error) {
	out := map[int64]ReportSaved{}
	if len(agencyIDs) == 0 {
		return out, nil
	}
	in, args := inList(agencyIDs, 2)
	rows, err := s.db.QueryContext(ctx, `SELECT agency_id, updated_at, updated_by, submitted_at, submitted_by,
		state, version, approved_at, approved_by, published_at, published_by, COALESCE(item_id, 0),
		COALESCE((SELECT reason FROM report_versions v WHERE v.agency_id = reports.agency_id AND v.year = reports.year AND v.version = reports.version), '')
		FROM reports WHERE year = $1 AND agency_id IN (`+in+`)`, append([]any{year}, args...)...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var at, sub, appr, pub timeCol
		var by, subBy, state string
		rs := ReportSaved{}
		if err := rows.Scan(&id, &at, &by, &sub, &subBy, &state, &rs.Version, &appr, &rs.ApprovedBy, &pub, &rs.PublishedBy, &rs.ItemID, &rs.Reason); err != nil {
			return nil, err
		}
		rs.At, rs.By, rs.SubmittedAt, rs.SubmittedBy = at.t, by, sub.t, subBy
		rs.State, rs.ApprovedAt, rs.PublishedAt = report.State(state), appr.t, pub.t
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

// LateReplies counts the applications an agency answered in a period
// after their reply deadline.
func (s *Store) LateReplies(ctx context.Context, agencyID int64, from, to workday.Date) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM cases WHERE agency_id = $1 AND closed_on >= $2 AND closed_on <= $3
		AND due_on IS NOT NULL AND closed_on > due_on`, agencyID, date(from), date(to)).Scan(&n)
	return n, mapErr(err)
}

// FeesPaid counts the applications of an agency whose 信息处理费 was paid in
// a period, and the total in yuan (each the amount of its last fee notice).
func (s *Store) FeesPaid(ctx context.Context, agencyID int64, from, to workday.Date) (n int, yuan int64, err error) {
	rows, err := s.db.QueryContext(ctx, `SELECT (SELECT n.step FROM case_events n WHERE n.case_id = e.case_id AND n.kind = 'fee_notice' AND n.seq < e.seq
		ORDER BY n.seq DESC LIMIT 1) FROM case_events e JOIN cases c ON c.id = e.case_id
		WHERE c.agency_id = $1 AND e.kind = 'fee_paid' AND e.on_date >= $2 AND e.on_date <= $3`, agencyID, date(from), date(to))
	if err != nil {
		return 0, 0, mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var step *string
		if err := rows.Scan(&step); err != nil {
			return 0, 0, err
		}
		n++
		if step != nil {
			var st struct {
				Amount int64 `json:"amount"`
			}
			if json.Unmarshal([]byte(*step), &st) == nil {
				yuan += st.Amount
			}
		}
	}
	return n, yuan, rows.Err()
}

// HasLedger reports whether an agency keeps any decision or fee ledger.
func (s *Store) HasLedger(ctx context.Context, agencyID int64) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM decisions WHERE agency_id = $1 LIMIT 1) x`, agencyID).Scan(&n)
	return n > 0, mapErr(err)
}
