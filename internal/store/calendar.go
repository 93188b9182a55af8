package store

import (
	"context"
	"fmt"

	"gongkai/internal/workday"
)

// SaveNotice stores a year's holiday notice (replacing an earlier load of the same year).
func (t *Tx) SaveNotice(ctx context.Context, n workday.Notice, es []workday.Entry, by string) error {
	if _, err := t.tx.ExecContext(ctx, `DELETE FROM holiday_entries WHERE notice_year = $1`, n.Year); err != nil {
		return mapErr(err)
	}
	if _, err := t.tx.ExecContext(ctx, `DELETE FROM holiday_notices WHERE year = $1`, n.Year); err != nil {
		return mapErr(err)
	}
	if _, err := t.tx.ExecContext(ctx, `INSERT INTO holiday_notices (year, number, published, source, loaded_at, loaded_by) VALUES ($1,$2,$3,$4,$5,$6)`,
		n.Year, n.Number, date(n.Published), n.Source, t.s.ts(t.s.Clock.Now()), by); err != nil {
		return mapErr(err)
	}
	for _, e := range es {
		if _, err := t.tx.ExecContext(ctx, `INSERT INTO holiday_entries (day, kind, holiday, notice_year, notice) VALUES ($1,$2,$3,$4,$5)`,
			date(e.Date), string(e.Kind), e.Holiday, e.Year, e.Notice); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// CalendarStamp changes whenever a notice is loaded: an instance compares it
// to reload the calendar another instance changed.
func (s *Store) CalendarStamp(ctx context.Context) (string, error) {
	var n int
	var last timeCol
	err := s.db.QueryRowContext(ctx, `SELECT count(*), max(loaded_at) FROM holiday_notices`).Scan(&n, &last)
	return fmt.Sprintf("%d/%d", n, last.t.UnixNano()), mapErr(err)
}

// Calendar returns base with every notice stored in the database applied.
func (s *Store) Calendar(ctx context.Context, base *workday.Calendar) (*workday.Calendar, error) {
	ns, err := s.notices(ctx)
	if err != nil {
		return nil, err
	}
	byYear := map[int][]workday.Entry{}
	rows, err := s.db.QueryContext(ctx, `SELECT day, kind, holiday, notice_year, notice FROM holiday_entries ORDER BY day`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var e workday.Entry
		var d dateCol
		var kind string
		if err := rows.Scan(&d, &kind, &e.Holiday, &e.Year, &e.Notice); err != nil {
			return nil, err
		}
		e.Date, e.Kind = d.d, workday.Kind(kind)
		byYear[e.Year] = append(byYear[e.Year], e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	cal := base
	for _, n := range ns {
		if cal, err = cal.WithNotice(n, byYear[n.Year]); err != nil {
			return nil, err
		}
	}
	return cal, nil
}

func (s *Store) notices(ctx context.Context) ([]workday.Notice, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT year, number, published, source FROM holiday_notices ORDER BY year`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var ns []workday.Notice
	for rows.Next() {
		var n workday.Notice
		var pub dateCol
		if err := rows.Scan(&n.Year, &n.Number, &pub, &n.Source); err != nil {
			return nil, err
		}
		n.Published = pub.d
		ns = append(ns, n)
	}
	return ns, rows.Err()
}
