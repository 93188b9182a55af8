package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"

	"gongkai/internal/workday"
)

// LedgerImport is one decision or fee ledger file as it was imported.
type LedgerImport struct {
	ID       int64
	AgencyID int64
	FileName string
	Rows     int // the rows it added (those of earlier files are not counted)
	At       time.Time
	By       string
	UndoneAt time.Time // zero while its rows stand
	UndoneBy string
	// Parts are its rows by year and kind (none once undone).
	Parts []LedgerPart
}

// LedgerPart counts rows of one year and kind, with the fees' sum in yuan.
type LedgerPart struct {
	Year  int
	Kind  string // licensing, penalty, coercion, fee
	Count int
	Yuan  *big.Rat // fees only
}

// BeginLedgerImport records that a file's rows are being imported and
// returns the id they carry; FinishLedgerImport sets how many it added.
func (t *Tx) BeginLedgerImport(ctx context.Context, agencyID int64, fileName, by string) (int64, error) {
	var id int64
	err := t.tx.QueryRowContext(ctx, `INSERT INTO ledger_imports (agency_id, file_name, row_count, imported_at, imported_by) VALUES ($1,$2,0,$3,$4) RETURNING id`,
		agencyID, fileName, t.s.ts(t.s.Clock.Now()), by).Scan(&id)
	return id, mapErr(err)
}

// FinishLedgerImport sets the rows an import added; one that added none
// (the same file again) is not kept.
func (t *Tx) FinishLedgerImport(ctx context.Context, id int64, rows int) error {
	q, args := `UPDATE ledger_imports SET row_count = $1 WHERE id = $2`, []any{rows, id}
	if rows == 0 {
		q, args = `DELETE FROM ledger_imports WHERE id = $1`, []any{id}
	}
	_, err := t.tx.ExecContext(ctx, q, args...)
	return mapErr(err)
}

// LedgerImportOf is one import of the agency. ErrNotFound when the id is
// none of its imports.
func (s *Store) LedgerImportOf(ctx context.Context, agencyID, id int64) (*LedgerImport, error) {
	return ledgerImport(ctx, s.db, agencyID, id)
}

func ledgerImport(ctx context.Context, q queryer, agencyID, id int64) (*LedgerImport, error) {
	li := &LedgerImport{ID: id, AgencyID: agencyID}
	var at, undone timeCol
	err := q.QueryRowContext(ctx, `SELECT file_name, row_count, imported_at, imported_by, undone_at, undone_by FROM ledger_imports WHERE id = $1 AND agency_id = $2`,
		id, agencyID).Scan(&li.FileName, &li.Rows, &at, &li.By, &undone, &li.UndoneBy)
	if err != nil {
		return nil, mapErr(err)
	}
	li.At, li.UndoneAt = at.t, undone.t
	return li, nil
}

// UndoLedgerImport removes the rows an import of the agency added and marks
// it undone; it returns the import as it was and how many rows went.
// ErrNotFound for an import that is not the agency's, ErrConflict for one
// undone already.
func (t *Tx) UndoLedgerImport(ctx context.Context, agencyID, id int64, by string) (*LedgerImport, int, error) {
	li, err := ledgerImport(ctx, t.tx, agencyID, id)
	if err != nil {
		return nil, 0, err
	}
	if !li.UndoneAt.IsZero() {
		return nil, 0, fmt.Errorf("%w: ledger import %d undone already", ErrConflict, id)
	}
	res, err := t.tx.ExecContext(ctx, `DELETE FROM decisions WHERE import_id = $1 AND agency_id = $2`, id, agencyID)
	if err != nil {
		return nil, 0, mapErr(err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return nil, 0, err
	}
	if _, err := t.tx.ExecContext(ctx, `UPDATE ledger_imports SET undone_at = $1, undone_by = $2 WHERE id = $3`, t.s.ts(t.s.Clock.Now()), by, id); err != nil {
		return nil, 0, mapErr(err)
	}
	return li, int(n), nil
}

// LedgerImports are the agency's ledger imports, newest first (at most
// limit); LedgerCounts gives them their rows by year and kind.
func (s *Store) LedgerImports(ctx context.Context, agencyID int64, limit int) ([]LedgerImport, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, file_name, row_count, imported_at, imported_by, undone_at, undone_by FROM ledger_imports
		WHERE agency_id = $1 ORDER BY imported_at DESC, id DESC LIMIT $2`, agencyID, limit)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []LedgerImport
	for rows.Next() {
		li := LedgerImport{AgencyID: agencyID}
		var at, undone timeCol
		if err := rows.Scan(&li.ID, &li.FileName, &li.Rows, &at, &li.By, &undone, &li.UndoneBy); err != nil {
			return nil, err
		}
		li.At, li.UndoneAt = at.t, undone.t
		out = append(out, li)
	}
	return out, rows.Err()
}

// LedgerCounts counts the agency's ledger rows by year and kind in one
// grouped pass: in all (those imported before imports were recorded too),
// returned newest year first, and for each of imports, set as its Parts.
func (s *Store) LedgerCounts(ctx context.Context, agencyID int64, imports []LedgerImport) ([]LedgerPart, error) {
	parts, err := s.ledgerParts(ctx, agencyID)
	if err != nil {
		return nil, err
	}
	byID := map[int64]*LedgerImport{}
	for i := range imports {
		byID[imports[i].ID] = &imports[i]
	}
	var years []LedgerPart
	for _, p := range parts {
		if li := byID[p.importID]; li != nil {
			li.Parts = append(li.Parts, p.LedgerPart)
		}
		if n := len(years); n > 0 && years[n-1].Year == p.Year && years[n-1].Kind == p.Kind {
			years[n-1].Count += p.Count
			if p.Yuan != nil {
				years[n-1].Yuan = new(big.Rat).Add(ratOr0(years[n-1].Yuan), p.Yuan)
			}
			continue
		}
		years = append(years, p.LedgerPart)
	}
	return years, nil
}

func ratOr0(r *big.Rat) *big.Rat {
	if r == nil {
		return new(big.Rat)
	}
	return r
}

type importPart struct {
	importID int64
	LedgerPart
}

// ledgerParts groups the agency's rows by year, kind and import, newest
// year first; fees are summed exactly from their text.
func (s *Store) ledgerParts(ctx context.Context, agencyID int64) ([]importPart, error) {
	year := `CAST(substr(decided_on, 1, 4) AS INTEGER)`
	if s.dialect == Postgres {
		year = `CAST(EXTRACT(YEAR FROM decided_on) AS INTEGER)`
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+year+`, kind, COALESCE(import_id, 0), count(*) FROM decisions WHERE agency_id = $1
		GROUP BY 1, 2, 3 ORDER BY 1 DESC, 2, 3`, agencyID)
	if err != nil {
		return nil, mapErr(err)
	}
	var out []importPart
	for rows.Next() {
		var p importPart
		if err := rows.Scan(&p.Year, &p.Kind, &p.importID, &p.Count); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, p)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	// the fees' amounts are decimal text: summed in Go, never as floats
	fees, err := s.db.QueryContext(ctx, `SELECT `+year+`, COALESCE(import_id, 0), amount FROM decisions WHERE agency_id = $1 AND kind = 'fee'`, agencyID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer fees.Close()
	idx := map[[2]int64]int{}
	for i, p := range out {
		if p.Kind == "fee" {
			idx[[2]int64{int64(p.Year), p.importID}] = i
		}
	}
	for fees.Next() {
		var y int
		var id int64
		var a sql.NullString
		if err := fees.Scan(&y, &id, &a); err != nil {
			return nil, err
		}
		v, ok := new(big.Rat).SetString(a.String)
		i, found := idx[[2]int64{int64(y), id}]
		if !ok || !found {
			continue
		}
		out[i].Yuan = new(big.Rat).Add(ratOr0(out[i].Yuan), v)
	}
	return out, fees.Err()
}

// LedgerRow is one decision or fee of a ledger.
type LedgerRow struct {
	Kind     string
	On       workday.Date
	DocNo    string
	Subject  string
	Item     string
	Amount   string // yuan, fees only
	ImportID int64  // 0: imported before imports were recorded
}

// LedgerFilter selects an agency's ledger rows: a year (0: any), a kind
// ("" any), an import (0 any).
type LedgerFilter struct {
	AgencyID int64
	Year     int
	Kind     string
	ImportID int64
	Limit    int
}

// LedgerRows are the agency's ledger rows the filter selects, by date, at
// most f.Limit, and how many there are in all.
func (s *Store) LedgerRows(ctx context.Context, f LedgerFilter) ([]LedgerRow, int, error) {
	where, args := []string{"agency_id = $1"}, []any{f.AgencyID}
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(cond, len(args)))
	}
	if f.Year != 0 {
		add("decided_on >= $%d", date(workday.NewDate(f.Year, 1, 1)))
		add("decided_on <= $%d", date(workday.NewDate(f.Year, 12, 31)))
	}
	if f.Kind != "" {
		add("kind = $%d", f.Kind)
	}
	if f.ImportID != 0 {
		add("import_id = $%d", f.ImportID)
	}
	w := strings.Join(where, " AND ")
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM decisions WHERE `+w, args...).Scan(&total); err != nil {
		return nil, 0, mapErr(err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT kind, decided_on, doc_no, subject, item, amount, COALESCE(import_id, 0) FROM decisions
		WHERE `+w+` ORDER BY decided_on, id LIMIT `+strconv.Itoa(max(f.Limit, 1)), args...)
	if err != nil {
		return nil, 0, mapErr(err)
	}
	defer rows.Close()
	var out []LedgerRow
	for rows.Next() {
		var r LedgerRow
		var on dateCol
		if err := rows.Scan(&r.Kind, &on, &r.DocNo, &r.Subject, &r.Item, &r.Amount, &r.ImportID); err != nil {
			return nil, 0, err
		}
		r.On = on.d
		out = append(out, r)
	}
	return out, total, rows.Err()
}
