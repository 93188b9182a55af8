package store

import (
	"context"

	"gongkai/internal/importer"
)

// HasImportKey reports whether the agency already has the register row
// with this key (the same file imported again adds nothing).
func (t *Tx) HasImportKey(ctx context.Context, agencyID int64, key string) (bool, error) {
	var n int
	err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM cases WHERE agency_id = $1 AND import_key = $2`, agencyID, key).Scan(&n)
	return n > 0, mapErr(err)
}

// SetImportKey marks a case as imported from a register row.
func (t *Tx) SetImportKey(ctx context.Context, caseID int64, key string) error {
	_, err := t.tx.ExecContext(ctx, `UPDATE cases SET import_key = $1 WHERE id = $2`, key, caseID)
	return mapErr(err)
}

// InsertDecision stores a ledger row unless the agency already has one with
// the same key; inserted says which.
func (t *Tx) InsertDecision(ctx context.Context, agencyID int64, d importer.Decision) (inserted bool, err error) {
	res, err := t.tx.ExecContext(ctx, `INSERT INTO decisions (agency_id, kind, decided_on, doc_no, subject, item, amount, import_key, created_at)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (agency_id, import_key) DO NOTHING`,
		agencyID, d.Kind, date(d.On), d.DocNo, d.Subject, d.Item, d.Amount, d.Key, t.s.ts(t.s.Clock.Now()))
	if err != nil {
		return false, mapErr(err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}
