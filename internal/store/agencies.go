package store

import (
	"context"
	"database/sql"

	"gongkai/internal/org"
	"gongkai/internal/report"
)

const agencyCols = `id, name, level, parent_id, review_organ, letter_prefix, upper_department, address, phone, hours, email, fax, code, index_pattern, handler_only, archive_pattern, apply_note`

func scanAgency(sc interface{ Scan(...any) error }) (*org.Agency, error) {
	a := &org.Agency{}
	var level string
	err := sc.Scan(&a.ID, &a.Name, &level, &a.ParentID, &a.ReviewOrgan, &a.LetterPrefix, &a.UpperDepartment, &a.Address, &a.Phone, &a.Hours, &a.Email, &a.Fax, &a.Code, &a.IndexPattern, &a.HandlerOnly, &a.ArchivePattern, &a.ApplyNote)
	a.Level = report.Level(level)
	return a, mapErr(err)
}

// CreateAgency inserts an agency. ErrConflict when the name exists.
func (t *Tx) CreateAgency(ctx context.Context, a *org.Agency) error {
	if err := a.Check(); err != nil {
		return err
	}
	return mapErr(t.tx.QueryRowContext(ctx,
		`INSERT INTO agencies (name, level, parent_id, review_organ, letter_prefix, upper_department, address, phone, hours, email, fax, code, index_pattern, created_at, handler_only, archive_pattern, apply_note)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17) RETURNING id`,
		a.Name, string(a.Level), a.ParentID, a.ReviewOrgan, a.LetterPrefix, a.UpperDepartment, a.Address, a.Phone, a.Hours, a.Email, a.Fax, a.Code, a.IndexPattern,
		t.s.ts(t.s.Clock.Now()), a.HandlerOnly, a.ArchivePattern, a.ApplyNote).Scan(&a.ID))
}

// UpdateAgency saves an agency's settings. ErrConflict when the new name is taken.
func (t *Tx) UpdateAgency(ctx context.Context, a *org.Agency) error {
	if err := a.Check(); err != nil {
		return err
	}
	_, err := t.tx.ExecContext(ctx, `UPDATE agencies SET name = $1, review_organ = $2, letter_prefix = $3, upper_department = $4, address = $5,
		phone = $6, hours = $7, email = $8, fax = $9, code = $10, index_pattern = $11, handler_only = $12,
		archive_pattern = $13, apply_note = $14 WHERE id = $15`,
		a.Name, a.ReviewOrgan, a.LetterPrefix, a.UpperDepartment, a.Address, a.Phone, a.Hours, a.Email, a.Fax, a.Code, a.IndexPattern, a.HandlerOnly,
		a.ArchivePattern, a.ApplyNote, a.ID)
	return mapErr(err)
}

// ListAgencies returns every agency in the order they were created, which
// puts every agency after the one above it (the demo and imports create the
// hierarchy top down).
func (s *Store) ListAgencies(ctx context.Context) ([]*org.Agency, error) {
	return s.agencies(ctx, s.db, `SELECT `+agencyCols+` FROM agencies ORDER BY id`)
}

// Agencies returns the agencies with the given ids, in the order given.
func (s *Store) Agencies(ctx context.Context, ids []int64) ([]*org.Agency, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := inList(ids, 1)
	all, err := s.agencies(ctx, s.db, `SELECT `+agencyCols+` FROM agencies WHERE id IN (`+in+`)`, args...)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*org.Agency, len(all))
	for _, a := range all {
		byID[a.ID] = a
	}
	out := make([]*org.Agency, 0, len(ids))
	for _, id := range ids {
		if a := byID[id]; a != nil {
			out = append(out, a)
		}
	}
	return out, nil
}

func (s *Store) agencies(ctx context.Context, q queryer, query string, args ...any) ([]*org.Agency, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []*org.Agency
	for rows.Next() {
		a, err := scanAgency(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// GetAgency returns an agency. ErrNotFound when there is none.
func (s *Store) GetAgency(ctx context.Context, id int64) (*org.Agency, error) {
	return getAgency(ctx, s.db, id)
}

// GetAgency returns an agency inside the transaction.
func (t *Tx) GetAgency(ctx context.Context, id int64) (*org.Agency, error) {
	return getAgency(ctx, t.tx, id)
}

// AgencyToEdit is GetAgency with its row locked until the transaction ends:
// settings read, compared with what a form showed and written as one.
func (t *Tx) AgencyToEdit(ctx context.Context, id int64) (*org.Agency, error) {
	return scanAgency(t.tx.QueryRowContext(ctx, `SELECT `+agencyCols+` FROM agencies WHERE id = $1`+t.s.forUpdate(), id))
}

func getAgency(ctx context.Context, q queryer, id int64) (*org.Agency, error) {
	return scanAgency(q.QueryRowContext(ctx, `SELECT `+agencyCols+` FROM agencies WHERE id = $1`, id))
}

// AgencyByName returns an agency by its name. ErrNotFound when there is none.
func (s *Store) AgencyByName(ctx context.Context, name string) (*org.Agency, error) {
	return scanAgency(s.db.QueryRowContext(ctx, `SELECT `+agencyCols+` FROM agencies WHERE name = $1`, name))
}

// Below returns the agency and every agency under it, top down.
func (s *Store) Below(ctx context.Context, id int64) ([]int64, error) {
	return queryIDs(ctx, s.db, `WITH RECURSIVE below(id, depth) AS (SELECT id, 0 FROM agencies WHERE id = $1
		UNION ALL SELECT a.id, b.depth + 1 FROM agencies a JOIN below b ON a.parent_id = b.id) SELECT id FROM below ORDER BY depth, id`, id)
}

// Above returns the agencies above id, nearest first.
func (s *Store) Above(ctx context.Context, id int64) ([]int64, error) {
	return queryIDs(ctx, s.db, `WITH RECURSIVE above(id, parent_id, depth) AS (SELECT id, parent_id, 0 FROM agencies WHERE id = $1
		UNION ALL SELECT a.id, a.parent_id, b.depth + 1 FROM agencies a JOIN above b ON a.id = b.parent_id) SELECT id FROM above WHERE id <> $1 ORDER BY depth`, id)
}

// next allocates the next number of a per-agency, per-year sequence (申请编号,
// 文号) inside tx: numbers are never reused.
func next(ctx context.Context, tx *sql.Tx, agencyID int64, name string, year int) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `INSERT INTO sequences (agency_id, name, year, last) VALUES ($1, $2, $3, 1)
		ON CONFLICT (agency_id, name, year) DO UPDATE SET last = sequences.last + 1 RETURNING last`, agencyID, name, year).Scan(&n)
	return n, mapErr(err)
}
