package store

import (
	"context"
	"database/sql"
	"time"
)

// Hit counts an event under each key (a failed login, a public submission).
func (s *Store) Hit(ctx context.Context, keys ...string) error {
	now := s.ts(s.Clock.Now())
	return s.tx(ctx, func(tx *sql.Tx) error {
		for _, k := range keys {
			if _, err := tx.ExecContext(ctx, `INSERT INTO rate_events (key, at) VALUES ($1, $2)`, k, now); err != nil {
				return mapErr(err)
			}
		}
		return nil
	})
}

// Hits counts the events under key since a time, with the latest one.
func (s *Store) Hits(ctx context.Context, key string, since time.Time) (int, time.Time, error) {
	var n int
	var last timeCol
	err := s.db.QueryRowContext(ctx, `SELECT count(*), max(at) FROM rate_events WHERE key = $1 AND at >= $2`, key, s.ts(since)).Scan(&n, &last)
	return n, last.t, mapErr(err)
}

// ClearHits forgets the events under key (a successful login).
func (s *Store) ClearHits(ctx context.Context, key string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM rate_events WHERE key = $1`, key)
	return mapErr(err)
}

// PruneHits forgets every event older than before.
func (s *Store) PruneHits(ctx context.Context, before time.Time) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM rate_events WHERE at < $1`, s.ts(before))
	return mapErr(err)
}
