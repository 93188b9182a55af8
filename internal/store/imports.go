package store

import (
	"context"
	"time"

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

// InsertDecision stores a ledger row of the import importID (0: none
// recorded) unless the agency already has one with the same key; inserted
// says which.
func (t *Tx) InsertDecision(ctx context.Context, agencyID, importID int64, d importer.Decision) (inserted bool, err error) {
	var imp any
	if importID != 0 {
		imp = importID
	}
	res, err := t.tx.ExecContext(ctx, `INSERT INTO decisions (agency_id, kind, decided_on, doc_no, subject, item, amount, import_key, created_at, import_id)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (agency_id, import_key) DO NOTHING`,
		agencyID, d.Kind, date(d.On), d.DocNo, d.Subject, d.Item, d.Amount, d.Key, t.s.ts(t.s.Clock.Now()), imp)
	if err != nil {
		return false, mapErr(err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// StagedImport is a ledger file uploaded in the back office, waiting between
// its preview and the clerk's confirmation.
type StagedImport struct {
	Token    string
	AgencyID int64
	UserID   int64
	Kind     string // cases or decisions
	Category string // decisions: the category for rows without one
	Sheet    string // the workbook's sheet previewed ("" the first, importer.AllSheets every one)
	Name     string
	Data     []byte
	At       time.Time
}

// StageImport keeps a file for its confirmation, removing files staged more
// than a day ago.
func (t *Tx) StageImport(ctx context.Context, st *StagedImport) error {
	if _, err := t.tx.ExecContext(ctx, `DELETE FROM staged_imports WHERE created_at < $1`, t.s.ts(t.s.Clock.Now().Add(-24*time.Hour))); err != nil {
		return mapErr(err)
	}
	_, err := t.tx.ExecContext(ctx, `INSERT INTO staged_imports (token, agency_id, user_id, kind, category, sheet, name, data, created_at)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`, st.Token, st.AgencyID, st.UserID, st.Kind, st.Category, st.Sheet, st.Name, st.Data, t.s.ts(t.s.Clock.Now()))
	return mapErr(err)
}

// StagedImport returns the file a user staged for the agency. ErrNotFound
// when there is none (confirmed already, expired, or another's).
func (s *Store) StagedImport(ctx context.Context, token string, agencyID, userID int64) (*StagedImport, error) {
	st := &StagedImport{Token: token, AgencyID: agencyID, UserID: userID}
	var at timeCol
	err := s.db.QueryRowContext(ctx, `SELECT kind, category, sheet, name, data, created_at FROM staged_imports WHERE token = $1 AND agency_id = $2 AND user_id = $3`,
		token, agencyID, userID).Scan(&st.Kind, &st.Category, &st.Sheet, &st.Name, &st.Data, &at)
	st.At = at.t
	return st, mapErr(err)
}

// DropStaged removes a staged file once its rows are imported.
func (t *Tx) DropStaged(ctx context.Context, token string) error {
	_, err := t.tx.ExecContext(ctx, `DELETE FROM staged_imports WHERE token = $1`, token)
	return mapErr(err)
}
