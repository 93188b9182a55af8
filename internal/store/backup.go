package store

import (
	"context"
	"fmt"
	"os"

	"gongkai/internal/errs"
)

// Backup writes a consistent online copy of a SQLite database to out (VACUUM
// INTO), then opens the copy and verifies it: SQLite's integrity check, every
// migration applied, and the same number of rows in every table. Only then
// does it report success; a copy that fails is removed. For PostgreSQL use
// pg_dump (docs/OPERATIONS.md).
func (s *Store) Backup(ctx context.Context, out string) (map[string]int64, error) {
	if s.dialect != SQLite {
		return nil, errs.New("backup", "PostgreSQL 请使用 pg_dump 备份（见 docs/OPERATIONS.md）")
	}
	want, err := s.RowCounts(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO $1`, out); err != nil {
		return nil, errs.Wrap(errs.Invalid, err, out, "备份失败：请确认目标文件不存在且目录可写")
	}
	fail := func(err error) (map[string]int64, error) {
		os.Remove(out)
		return nil, err
	}
	b, err := OpenExisting(ctx, out, s.Clock)
	if err != nil {
		return fail(err)
	}
	defer func() { _ = b.Close() }() // only read; Verify's error is the one that counts
	if err := b.Verify(ctx); err != nil {
		return fail(err)
	}
	got, err := b.RowCounts(ctx)
	if err != nil {
		return fail(err)
	}
	for t, n := range want {
		if got[t] != n {
			// rows written between the count and the copy would show here; the
			// copy is still consistent, but say so rather than guess
			return fail(errs.New(out, "备份核对不一致：表 %s 有 %d 行，备份中有 %d 行。请在业务较少时重试", t, n, got[t]))
		}
	}
	return got, nil
}

// Verify checks that the database is whole: SQLite's integrity check and
// every migration applied.
func (s *Store) Verify(ctx context.Context) error {
	if s.dialect == SQLite {
		var res string
		if err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
			return errs.Wrap(errs.Invalid, err, s.path, "无法检查数据库完整性：这可能不是 SQLite 数据库文件")
		}
		if res != "ok" {
			return errs.New(s.path, "数据库完整性检查未通过：%s", res)
		}
	}
	ok, err := s.UpToDate(ctx)
	if err != nil || !ok {
		return errs.New(s.path, "这不是一个完整的 gongkai 数据库（缺少迁移记录）")
	}
	return s.notNewer(ctx)
}

// RowCounts counts the rows of every table the migrations create.
func (s *Store) RowCounts(ctx context.Context) (map[string]int64, error) {
	q := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
	if s.dialect == Postgres {
		q = `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`
	}
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return nil, mapErr(err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := map[string]int64{}
	for _, n := range names {
		var c int64
		if err := s.db.QueryRowContext(ctx, fmt.Sprintf(`SELECT count(*) FROM %q`, n)).Scan(&c); err != nil {
			return nil, mapErr(err)
		}
		out[n] = c
	}
	return out, nil
}
