package store

import (
	"context"
	"database/sql"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/workday"
)

const docCols = `id, agency_id, kind, title, doc_no, issued_on, effective_on, expires_on, repealed_on, amended, item_id, note`

func amendedText(ds []workday.Date) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = d.String()
	}
	return strings.Join(parts, ",")
}

// SaveDocument inserts (ID 0) or updates a normative document of its
// agency. ErrConflict when the agency has another with the same 文号;
// ErrNotFound when it has no document with the ID.
func (t *Tx) SaveDocument(ctx context.Context, d *catalog.Document) error {
	if err := d.Validate(); err != nil {
		return err
	}
	now := t.s.ts(t.s.Clock.Now())
	if d.ID == 0 {
		return mapErr(t.tx.QueryRowContext(ctx, `INSERT INTO normative_docs (agency_id, kind, title, doc_no, issued_on, effective_on, expires_on, repealed_on, amended, item_id, note, created_at, updated_at)
			VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$12) RETURNING id`, d.AgencyID, string(d.Kind), d.Title, d.DocNo, date(d.IssuedOn), optDate(d.EffectiveOn),
			optDate(d.ExpiresOn), optDate(d.RepealedOn), amendedText(d.Amended), d.ItemID, d.Note, now).Scan(&d.ID))
	}
	res, err := t.tx.ExecContext(ctx, `UPDATE normative_docs SET kind = $1, title = $2, doc_no = $3, issued_on = $4, effective_on = $5, expires_on = $6, repealed_on = $7,
		amended = $8, item_id = $9, note = $10, updated_at = $11 WHERE id = $12 AND agency_id = $13`, string(d.Kind), d.Title, d.DocNo, date(d.IssuedOn), optDate(d.EffectiveOn),
		optDate(d.ExpiresOn), optDate(d.RepealedOn), amendedText(d.Amended), d.ItemID, d.Note, now, d.ID, d.AgencyID)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Documents lists an agency's normative documents, newest first.
func (s *Store) Documents(ctx context.Context, agencyID int64) ([]catalog.Document, error) {
	return s.documents(ctx, `agency_id = $1`, agencyID)
}

// Document returns one. ErrNotFound when the agency has no such document.
func (s *Store) Document(ctx context.Context, agencyID, id int64) (*catalog.Document, error) {
	return s.document(ctx, s.db, agencyID, id, "")
}

// Document is Store.Document inside the transaction, its row locked until
// the transaction ends (SQLite's write transaction holds the database
// already): a document read, compared and written as one.
func (t *Tx) Document(ctx context.Context, agencyID, id int64) (*catalog.Document, error) {
	return t.s.document(ctx, t.tx, agencyID, id, t.s.forUpdate())
}

func (s *Store) document(ctx context.Context, q queryer, agencyID, id int64, lock string) (*catalog.Document, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+docCols+` FROM normative_docs WHERE agency_id = $1 AND id = $2`+lock, agencyID, id)
	if err != nil {
		return nil, mapErr(err)
	}
	ds, err := scanDocuments(rows)
	if err != nil {
		return nil, err
	}
	if len(ds) == 0 {
		return nil, ErrNotFound
	}
	return &ds[0], nil
}

// DocumentsOf returns the normative documents of many agencies (a
// province's roll-up), issued up to the end of year.
func (s *Store) DocumentsOf(ctx context.Context, ids []int64, year int) (map[int64][]catalog.Document, error) {
	out := map[int64][]catalog.Document{}
	err := inChunks(ids, 2, func(in string, args []any) error {
		ds, err := s.documents(ctx, `issued_on <= $1 AND agency_id IN (`+in+`)`, append([]any{date(workday.NewDate(year, 12, 31))}, args...)...)
		for _, d := range ds {
			out[d.AgencyID] = append(out[d.AgencyID], d)
		}
		return err
	})
	return out, err
}

// DocumentsByNo returns the agency's documents by 文号, read in the
// transaction (an import compares the ledger with them).
func (t *Tx) DocumentsByNo(ctx context.Context, agencyID int64) (map[string]catalog.Document, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT `+docCols+` FROM normative_docs WHERE agency_id = $1`, agencyID)
	if err != nil {
		return nil, mapErr(err)
	}
	ds, err := scanDocuments(rows)
	out := make(map[string]catalog.Document, len(ds))
	for _, d := range ds {
		out[d.DocNo] = d
	}
	return out, err
}

func (s *Store) documents(ctx context.Context, where string, args ...any) ([]catalog.Document, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+docCols+` FROM normative_docs WHERE `+where+` ORDER BY issued_on DESC, id DESC`, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	return scanDocuments(rows)
}

func scanDocuments(rows *sql.Rows) ([]catalog.Document, error) {
	defer rows.Close()
	var out []catalog.Document
	for rows.Next() {
		var d catalog.Document
		var kind, amended string
		var issued, eff, exp, rep dateCol
		if err := rows.Scan(&d.ID, &d.AgencyID, &kind, &d.Title, &d.DocNo, &issued, &eff, &exp, &rep, &amended, &d.ItemID, &d.Note); err != nil {
			return nil, err
		}
		d.Kind, d.IssuedOn, d.EffectiveOn, d.ExpiresOn, d.RepealedOn = catalog.DocKind(kind), issued.d, eff.ptr(), exp.ptr(), rep.ptr()
		for _, a := range strings.Split(amended, ",") {
			if x, err := workday.ParseDate(a); err == nil {
				d.Amended = append(d.Amended, x)
			}
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
