package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"gongkai/internal/casework"
)

// AddOnlineCorrection keeps a 补正 an applicant sent online.
func (t *Tx) AddOnlineCorrection(ctx context.Context, caseID int64, c *casework.OnlineCorrection) error {
	c.At = t.s.Clock.Now()
	var att any
	if c.AttachmentID != 0 {
		att = c.AttachmentID
	}
	_, err := t.tx.ExecContext(ctx, `INSERT INTO online_corrections (case_id, sent_at, body, attachment_id) VALUES ($1,$2,$3,$4)`,
		caseID, t.s.ts(c.At), c.Text, att)
	return mapErr(err)
}

// OnlineCorrections are the 补正 sent online for a case, oldest first.
func (s *Store) OnlineCorrections(ctx context.Context, caseID int64) ([]casework.OnlineCorrection, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT sent_at, body, attachment_id FROM online_corrections WHERE case_id = $1 ORDER BY sent_at, id`, caseID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []casework.OnlineCorrection
	for rows.Next() {
		var c casework.OnlineCorrection
		var at timeCol
		var att sql.NullInt64
		if err := rows.Scan(&at, &c.Text, &att); err != nil {
			return nil, mapErr(err)
		}
		c.At, c.AttachmentID = at.t, att.Int64
		out = append(out, c)
	}
	return out, mapErr(rows.Err())
}

// CorrectionsSent is, of the cases given, when each last had a 补正 sent
// online; absent: none. (Only one 补正 is asked for, Art. 30, so on a case
// awaiting it every one sent answers that notice.)
func (s *Store) CorrectionsSent(ctx context.Context, caseIDs []int64) (map[int64]time.Time, error) {
	return s.latest(ctx, `SELECT case_id, MAX(sent_at) FROM online_corrections WHERE case_id IN (%s) GROUP BY case_id`, caseIDs)
}

// latest runs a query of (id, MAX(time)) grouped by id, for the ids put in
// its %s (a constant of this package, never input).
func (s *Store) latest(ctx context.Context, query string, ids []int64) (map[int64]time.Time, error) {
	out := map[int64]time.Time{}
	if len(ids) == 0 {
		return out, nil
	}
	in, args := inList(ids, 1)
	rows, err := s.db.QueryContext(ctx, fmt.Sprintf(query, in), args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var at timeCol
		if err := rows.Scan(&id, &at); err != nil {
			return nil, mapErr(err)
		}
		out[id] = at.t
	}
	return out, mapErr(rows.Err())
}

// AddWithdrawRequest keeps an applicant's request to withdraw.
func (t *Tx) AddWithdrawRequest(ctx context.Context, caseID int64, w *casework.WithdrawRequest) error {
	w.At = t.s.Clock.Now()
	_, err := t.tx.ExecContext(ctx, `INSERT INTO withdraw_requests (case_id, sent_at, reason) VALUES ($1,$2,$3)`, caseID, t.s.ts(w.At), w.Reason)
	return mapErr(err)
}

// WithdrawRequests are the requests to withdraw sent for a case, oldest first.
func (s *Store) WithdrawRequests(ctx context.Context, caseID int64) ([]casework.WithdrawRequest, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT sent_at, reason FROM withdraw_requests WHERE case_id = $1 ORDER BY sent_at, id`, caseID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []casework.WithdrawRequest
	for rows.Next() {
		var w casework.WithdrawRequest
		var at timeCol
		if err := rows.Scan(&at, &w.Reason); err != nil {
			return nil, mapErr(err)
		}
		w.At = at.t
		out = append(out, w)
	}
	return out, mapErr(rows.Err())
}
