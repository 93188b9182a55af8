package store

import (
	"context"
	"time"
)

// Setting returns the stored document of a setting key and when it was
// saved; ErrNotFound when it was never saved (the defaults apply).
func (s *Store) Setting(ctx context.Context, key string) (value string, at time.Time, by string, err error) {
	var t timeCol
	err = s.db.QueryRowContext(ctx, `SELECT value, updated_at, updated_by FROM settings WHERE key = $1`, key).Scan(&value, &t, &by)
	return value, t.t, by, mapErr(err)
}

// SettingToEdit is Setting inside the transaction, its row locked until the
// transaction ends (PostgreSQL; SQLite's write transaction holds the
// database already): read, compared and written as one.
func (t *Tx) SettingToEdit(ctx context.Context, key string) (string, error) {
	var value string
	err := t.tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = $1`+t.s.forUpdate(), key).Scan(&value)
	return value, mapErr(err)
}

// SaveSetting stores the document of a setting key.
func (t *Tx) SaveSetting(ctx context.Context, key, value, by string) error {
	_, err := t.tx.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at, updated_by) VALUES ($1,$2,$3,$4)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
		key, value, t.s.ts(t.s.Clock.Now()), by)
	return mapErr(err)
}
