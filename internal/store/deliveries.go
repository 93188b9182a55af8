package store

import (
	"context"
	"database/sql"

	"gongkai/internal/casework"
	"gongkai/internal/workday"
)

// AddDelivery keeps how a letter was delivered.
func (t *Tx) AddDelivery(ctx context.Context, caseID int64, d *casework.Delivery) error {
	d.At = t.s.Clock.Now()
	return mapErr(t.tx.QueryRowContext(ctx, `INSERT INTO letter_deliveries (case_id, seq, number, method, sent_on, tracking, received_on, note, by_name, at)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`, caseID, d.Seq, d.Number, d.Method, date(d.SentOn), d.Tracking, optDate(d.ReceivedOn),
		d.Note, d.By, t.s.ts(d.At)).Scan(&d.ID))
}

// SetDeliveryReceived records the day a delivery of the case was signed
// for (its 回执 came back); ErrNotFound when the case has no such delivery.
func (t *Tx) SetDeliveryReceived(ctx context.Context, caseID, id int64, on workday.Date) error {
	res, err := t.tx.ExecContext(ctx, `UPDATE letter_deliveries SET received_on = $1 WHERE case_id = $2 AND id = $3`, date(on), caseID, id)
	if err != nil {
		return mapErr(err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return ErrNotFound
	}
	return nil
}

// Delivery is one delivery of the case, read in the transaction that
// changes it; ErrNotFound when the case has none such.
func (t *Tx) Delivery(ctx context.Context, caseID, id int64) (*casework.Delivery, error) {
	ds, err := scanDeliveries(t.tx.QueryContext(ctx, deliverySelect+` WHERE case_id = $1 AND id = $2`, caseID, id))
	if err != nil {
		return nil, err
	}
	if len(ds) == 0 {
		return nil, ErrNotFound
	}
	return &ds[0], nil
}

// Deliveries are a case's deliveries, in the order recorded.
func (s *Store) Deliveries(ctx context.Context, caseID int64) ([]casework.Delivery, error) {
	return scanDeliveries(s.db.QueryContext(ctx, deliverySelect+` WHERE case_id = $1 ORDER BY id`, caseID))
}

const deliverySelect = `SELECT id, seq, number, method, sent_on, tracking, received_on, note, by_name, at FROM letter_deliveries`

func scanDeliveries(rows *sql.Rows, err error) ([]casework.Delivery, error) {
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []casework.Delivery
	for rows.Next() {
		var d casework.Delivery
		var sent, received dateCol
		var at timeCol
		if err := rows.Scan(&d.ID, &d.Seq, &d.Number, &d.Method, &sent, &d.Tracking, &received, &d.Note, &d.By, &at); err != nil {
			return nil, mapErr(err)
		}
		d.SentOn, d.ReceivedOn, d.At = sent.d, received.ptr(), at.t
		out = append(out, d)
	}
	return out, mapErr(rows.Err())
}
