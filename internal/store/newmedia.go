package store

import (
	"context"
	"strings"

	"gongkai/internal/newmedia"
	"gongkai/internal/workday"
)

const accountCols = `id, agency_id, platform, name, sponsor, opened_on, filed_on, state, feed_url, own, last_post_on, note`

// SaveAccount inserts (ID 0) or updates an account of its agency.
// ErrConflict when the agency has another of the same name on the platform.
func (t *Tx) SaveAccount(ctx context.Context, a *newmedia.Account) error {
	if err := a.Validate(); err != nil {
		return err
	}
	now := t.s.ts(t.s.Clock.Now())
	if a.ID == 0 {
		return mapErr(t.tx.QueryRowContext(ctx, `INSERT INTO newmedia_accounts (agency_id, platform, name, sponsor, opened_on, filed_on, state, feed_url, own, last_post_on, note, created_at, updated_at)
			VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$12) RETURNING id`, a.AgencyID, string(a.Platform), a.Name, a.Sponsor, optDate(a.OpenedOn), optDate(a.FiledOn),
			string(a.State), a.FeedURL, a.Own, optDate(a.LastPostOn), a.Note, now).Scan(&a.ID))
	}
	res, err := t.tx.ExecContext(ctx, `UPDATE newmedia_accounts SET platform = $1, name = $2, sponsor = $3, opened_on = $4, filed_on = $5, state = $6, feed_url = $7,
		own = $8, note = $9, updated_at = $10 WHERE id = $11 AND agency_id = $12`, string(a.Platform), a.Name, a.Sponsor, optDate(a.OpenedOn), optDate(a.FiledOn),
		string(a.State), a.FeedURL, a.Own, a.Note, now, a.ID, a.AgencyID)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Accounts lists the accounts the agencies keep records of, by agency and name.
func (s *Store) Accounts(ctx context.Context, ids []int64) ([]newmedia.Account, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := inList(ids, 1)
	return s.accounts(ctx, `agency_id IN (`+in+`)`, args...)
}

// AccountByID returns an account of any agency; the caller checks who may see it.
func (s *Store) AccountByID(ctx context.Context, id int64) (*newmedia.Account, error) {
	as, err := s.accounts(ctx, `id = $1`, id)
	if err != nil {
		return nil, err
	}
	if len(as) == 0 {
		return nil, ErrNotFound
	}
	return &as[0], nil
}

// Account returns one account of an agency. ErrNotFound when it has none such.
func (s *Store) Account(ctx context.Context, agencyID, id int64) (*newmedia.Account, error) {
	return s.account(ctx, s.db, agencyID, id, "")
}

// Account is Store.Account inside the transaction, its row locked until
// the transaction ends: an account read, compared and written as one.
func (t *Tx) Account(ctx context.Context, agencyID, id int64) (*newmedia.Account, error) {
	return t.s.account(ctx, t.tx, agencyID, id, t.s.forUpdate())
}

func (s *Store) account(ctx context.Context, q queryer, agencyID, id int64, lock string) (*newmedia.Account, error) {
	as, err := s.accountsOf(ctx, q, `agency_id = $1 AND id = $2`, lock, agencyID, id)
	if err != nil {
		return nil, err
	}
	if len(as) == 0 {
		return nil, ErrNotFound
	}
	return &as[0], nil
}

func (s *Store) accounts(ctx context.Context, where string, args ...any) ([]newmedia.Account, error) {
	return s.accountsOf(ctx, s.db, where, "", args...)
}

func (s *Store) accountsOf(ctx context.Context, q queryer, where, lock string, args ...any) ([]newmedia.Account, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+accountCols+` FROM newmedia_accounts WHERE `+where+` ORDER BY agency_id, own DESC, name, id`+lock, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []newmedia.Account
	for rows.Next() {
		var a newmedia.Account
		var platform, state string
		var opened, filed, last dateCol
		if err := rows.Scan(&a.ID, &a.AgencyID, &platform, &a.Name, &a.Sponsor, &opened, &filed, &state, &a.FeedURL, &a.Own, &last, &a.Note); err != nil {
			return nil, err
		}
		a.Platform, a.State, a.OpenedOn, a.FiledOn, a.LastPostOn = newmedia.Platform(platform), newmedia.State(state), opened.ptr(), filed.ptr(), last.ptr()
		out = append(out, a)
	}
	return out, rows.Err()
}

// SetPosts records an account's post counts for months (replacing what
// each month had) and moves its last post date forward to last.
func (t *Tx) SetPosts(ctx context.Context, accountID int64, counts []newmedia.Posts, last *workday.Date) error {
	now := t.s.ts(t.s.Clock.Now())
	for _, p := range counts {
		_, err := t.tx.ExecContext(ctx, `INSERT INTO newmedia_posts (account_id, month, count, source, last_on, updated_at) VALUES ($1,$2,$3,$4,$5,$6)
			ON CONFLICT (account_id, month) DO UPDATE SET count = excluded.count, source = excluded.source, last_on = excluded.last_on, updated_at = excluded.updated_at`,
			accountID, string(p.Month), p.Count, p.Source, optDate(p.LastOn), now)
		if err != nil {
			return mapErr(err)
		}
	}
	return t.seen(ctx, accountID, last)
}

// seen moves an account's last post date forward (never back).
func (t *Tx) seen(ctx context.Context, accountID int64, last *workday.Date) error {
	if last == nil {
		return nil
	}
	_, err := t.tx.ExecContext(ctx, `UPDATE newmedia_accounts SET last_post_on = $1 WHERE id = $2 AND (last_post_on IS NULL OR last_post_on < $1)`, date(*last), accountID)
	return mapErr(err)
}

// Posts returns the post counts of accounts, per account in month order.
func (s *Store) Posts(ctx context.Context, accountIDs []int64) (map[int64][]newmedia.Posts, error) {
	out := map[int64][]newmedia.Posts{}
	err := inChunks(accountIDs, 1, func(in string, args []any) error {
		rows, err := s.db.QueryContext(ctx, `SELECT account_id, month, count, source, last_on FROM newmedia_posts WHERE account_id IN (`+in+`) ORDER BY account_id, month`, args...)
		if err != nil {
			return mapErr(err)
		}
		defer rows.Close()
		for rows.Next() {
			var p newmedia.Posts
			var month string
			var last dateCol
			if err := rows.Scan(&p.AccountID, &month, &p.Count, &p.Source, &last); err != nil {
				return err
			}
			p.Month, p.LastOn = newmedia.Month(month), last.ptr()
			out[p.AccountID] = append(out[p.AccountID], p)
		}
		return rows.Err()
	})
	return out, err
}

// AddInspection records an inspection of an account (and what it saw of
// the account's last post).
func (t *Tx) AddInspection(ctx context.Context, in *newmedia.Inspection) error {
	if err := in.Validate(); err != nil {
		return err
	}
	err := t.tx.QueryRowContext(ctx, `INSERT INTO newmedia_inspections (account_id, kind, on_date, inspector, problems, note, resolved_on, resolution, last_post_seen, created_at)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`, in.AccountID, string(in.Kind), date(in.On), in.Inspector, strings.Join(in.Problems, ","), in.Note,
		optDate(in.ResolvedOn), in.Resolution, optDate(in.LastPostSeen), t.s.ts(t.s.Clock.Now())).Scan(&in.ID)
	if err != nil {
		return mapErr(err)
	}
	return t.seen(ctx, in.AccountID, in.LastPostSeen)
}

// ResolveInspection records the resolution of an inspection's problems.
// ErrNotFound when the account has no such inspection.
func (t *Tx) ResolveInspection(ctx context.Context, accountID, id int64, on workday.Date, resolution string) error {
	res, err := t.tx.ExecContext(ctx, `UPDATE newmedia_inspections SET resolved_on = $1, resolution = $2 WHERE id = $3 AND account_id = $4`,
		date(on), resolution, id, accountID)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Inspections returns the inspections of accounts in a period, newest first.
func (s *Store) Inspections(ctx context.Context, accountIDs []int64, from, to workday.Date) ([]newmedia.Inspection, error) {
	var out []newmedia.Inspection
	err := inChunks(accountIDs, 3, func(in string, args []any) error {
		rows, err := s.db.QueryContext(ctx, `SELECT id, account_id, kind, on_date, inspector, problems, note, resolved_on, resolution, last_post_seen
			FROM newmedia_inspections WHERE on_date >= $1 AND on_date <= $2 AND account_id IN (`+in+`) ORDER BY on_date DESC, id DESC`,
			append([]any{date(from), date(to)}, args...)...)
		if err != nil {
			return mapErr(err)
		}
		defer rows.Close()
		for rows.Next() {
			var x newmedia.Inspection
			var kind, problems string
			var on, resolved, seen dateCol
			if err := rows.Scan(&x.ID, &x.AccountID, &kind, &on, &x.Inspector, &problems, &x.Note, &resolved, &x.Resolution, &seen); err != nil {
				return err
			}
			x.Kind, x.On, x.ResolvedOn, x.LastPostSeen = newmedia.InspectionKind(kind), on.d, resolved.ptr(), seen.ptr()
			if problems != "" {
				x.Problems = strings.Split(problems, ",")
			}
			out = append(out, x)
		}
		return rows.Err()
	})
	return out, err
}

// SaveColumn inserts (ID 0) or updates a website column of its agency.
func (t *Tx) SaveColumn(ctx context.Context, c *newmedia.Column) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.ID == 0 {
		return mapErr(t.tx.QueryRowContext(ctx, `INSERT INTO site_columns (agency_id, name, kind, url, last_update) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
			c.AgencyID, c.Name, string(c.Kind), c.URL, optDate(c.LastUpdate)).Scan(&c.ID))
	}
	res, err := t.tx.ExecContext(ctx, `UPDATE site_columns SET name = $1, kind = $2, url = $3, last_update = $4 WHERE id = $5 AND agency_id = $6`,
		c.Name, string(c.Kind), c.URL, optDate(c.LastUpdate), c.ID, c.AgencyID)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// RemoveColumn deletes a website column of an agency and returns its name;
// the items published under the name stay as they are. ErrNotFound when the
// agency has no such column.
func (t *Tx) RemoveColumn(ctx context.Context, agencyID, id int64) (string, error) {
	var name string
	err := t.tx.QueryRowContext(ctx, `DELETE FROM site_columns WHERE id = $1 AND agency_id = $2 RETURNING name`, id, agencyID).Scan(&name)
	return name, mapErr(err)
}

// Columns lists an agency's website columns by name.
func (s *Store) Columns(ctx context.Context, agencyID int64) ([]newmedia.Column, error) {
	return s.columns(ctx, `agency_id = $1`, agencyID)
}

// ColumnsIn lists the website columns of several agencies, in the order
// they were registered.
func (s *Store) ColumnsIn(ctx context.Context, agencyIDs []int64) ([]newmedia.Column, error) {
	if len(agencyIDs) == 0 {
		return nil, nil
	}
	in, args := inList(agencyIDs, 1)
	return s.columns(ctx, `agency_id IN (`+in+`)`, args...)
}

// Column returns a column of an agency. ErrNotFound when it has none such.
func (s *Store) Column(ctx context.Context, agencyID, id int64) (*newmedia.Column, error) {
	return s.column(ctx, s.db, agencyID, id, "")
}

// Column is Store.Column inside the transaction, its row locked until the
// transaction ends.
func (t *Tx) Column(ctx context.Context, agencyID, id int64) (*newmedia.Column, error) {
	return t.s.column(ctx, t.tx, agencyID, id, t.s.forUpdate())
}

func (s *Store) column(ctx context.Context, q queryer, agencyID, id int64, lock string) (*newmedia.Column, error) {
	cs, err := s.columnsOf(ctx, q, `agency_id = $1 AND id = $2`, lock, agencyID, id)
	if err != nil {
		return nil, err
	}
	if len(cs) == 0 {
		return nil, ErrNotFound
	}
	return &cs[0], nil
}

func (s *Store) columns(ctx context.Context, where string, args ...any) ([]newmedia.Column, error) {
	return s.columnsOf(ctx, s.db, where, "", args...)
}

func (s *Store) columnsOf(ctx context.Context, q queryer, where, lock string, args ...any) ([]newmedia.Column, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, agency_id, name, kind, url, last_update FROM site_columns WHERE `+where+` ORDER BY id`+lock, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []newmedia.Column
	for rows.Next() {
		var c newmedia.Column
		var kind string
		var last dateCol
		if err := rows.Scan(&c.ID, &c.AgencyID, &c.Name, &kind, &c.URL, &last); err != nil {
			return nil, err
		}
		c.Kind, c.LastUpdate = newmedia.ColumnKind(kind), last.ptr()
		out = append(out, c)
	}
	return out, rows.Err()
}
