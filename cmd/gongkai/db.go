package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gongkai/internal/errs"
	"gongkai/internal/ops"
	"gongkai/internal/org"
	"gongkai/internal/store"
)

// defaultDB is the database when neither --db nor GONGKAI_DB says otherwise.
func defaultDB() string {
	if v := os.Getenv("GONGKAI_DB"); v != "" {
		return v
	}
	return "gongkai.db"
}

const dbHelp = "数据库：SQLite 文件路径，或 postgres://用户:密码@主机/库名（环境变量 GONGKAI_DB）"

func (c *cli) cmdMigrate(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	fs := newFlags("migrate", "migrate [--db URL] [--status]", stderr)
	db := fs.String("db", defaultDB(), dbHelp)
	status := fs.Bool("status", false, "只显示各迁移是否已执行，不执行")
	if err := flagsOnly(fs, args); err != nil {
		return usageExit(err)
	}
	s, err := store.Open(ctx, *db, c.clock)
	if err != nil {
		return fail(stderr, err)
	}
	defer c.closeStore(s)
	if !*status {
		if err := s.Migrate(ctx); err != nil {
			return fail(stderr, err)
		}
	}
	ms, err := s.MigrationStatus(ctx)
	if err != nil {
		return fail(stderr, err)
	}
	for _, m := range ms {
		at := m.AppliedAt
		if at == "" {
			at = "未执行"
		}
		fmt.Fprintf(stdout, "%s\t%s\n", m.Version, at)
	}
	return 0
}

// cmdBackup copies a SQLite database and verifies the copy (integrity, every
// migration, the same row counts) before saying it is done. A missing
// source is refused: it would otherwise be created empty and "backed up".
func (c *cli) cmdBackup(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	fs := newFlags("backup", "backup [--db 文件] 备份文件", stderr)
	db := fs.String("db", defaultDB(), "SQLite 数据库文件（PostgreSQL 请用 pg_dump，见 docs/OPERATIONS.md）")
	bak, code, ok := oneArg(fs, args)
	if !ok {
		return code
	}
	if _, err := os.Stat(bak); err == nil {
		return fail(stderr, errs.New(bak, "备份文件已存在，未覆盖：请换一个文件名"))
	}
	s, err := store.OpenExisting(ctx, *db, c.clock)
	if err != nil {
		return fail(stderr, err)
	}
	defer c.closeStore(s)
	if err := s.Verify(ctx); err != nil {
		return fail(stderr, err)
	}
	counts, err := s.Backup(ctx, bak)
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stdout, "已备份到 %s，并已核对：完整性检查通过，%s\n", bak, countLine(counts))
	return 0
}

func countLine(counts map[string]int64) string {
	var parts []string
	for _, t := range []string{"agencies", "cases", "case_events", "reports", "users"} {
		if n, ok := counts[t]; ok {
			parts = append(parts, fmt.Sprintf("%s %d 行", t, n))
		}
	}
	var all int64
	keys := make([]string, 0, len(counts))
	for k, n := range counts {
		all += n
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return fmt.Sprintf("%d 张表共 %d 行（%s）", len(keys), all, strings.Join(parts, "，"))
}

// cmdRestore replaces a SQLite database with a verified backup. A backup
// that does not exist or does not verify is refused, leaving nothing behind.
func (c *cli) cmdRestore(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	fs := newFlags("restore", "restore [--db 文件] [--force] 备份文件", stderr)
	db := fs.String("db", defaultDB(), "要恢复成的 SQLite 数据库文件")
	force := fs.Bool("force", false, "覆盖已存在的数据库（请先停止服务）")
	bak, code, ok := oneArg(fs, args)
	if !ok {
		return code
	}
	if store.IsPostgres(*db) {
		return fail(stderr, errs.New("--db", "PostgreSQL 请用 pg_restore 或 psql 恢复（见 docs/OPERATIONS.md）"))
	}
	src, err := store.OpenExisting(ctx, bak, c.clock)
	if err != nil {
		return fail(stderr, err)
	}
	err = src.Verify(ctx)
	if cerr := src.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fail(stderr, err)
	}
	if _, err := os.Stat(*db); err == nil && !*force {
		return fail(stderr, errs.New(*db, "数据库已存在，未覆盖：确认要用备份替换它时请加 --force（并先停止服务）"))
	}
	tmp := *db + ".restore-tmp"
	if err := copySynced(bak, tmp); err != nil {
		os.Remove(tmp)
		return fail(stderr, err)
	}
	// the old WAL files belong to the old database
	os.Remove(*db + "-wal")
	os.Remove(*db + "-shm")
	if err := os.Rename(tmp, *db); err != nil {
		os.Remove(tmp)
		return fail(stderr, errs.Wrap(errs.Invalid, err, *db, "无法替换数据库文件"))
	}
	syncDir(filepath.Dir(*db))
	fmt.Fprintf(stdout, "已从 %s 恢复到 %s\n", bak, *db)
	return 0
}

// copySynced copies src to dst and flushes it to disk, so that the rename
// that follows never puts an empty or partial file in the database's place
// after a power cut. It streams: a database may be larger than memory.
func copySynced(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return errs.Wrap(errs.NotFound, err, src, "无法读取备份文件")
	}
	defer func() { _ = in.Close() }() // read only: nothing to flush
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return errs.Wrap(errs.Invalid, err, dst, "无法写入")
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return errs.Wrap(errs.Invalid, err, dst, "无法写入（磁盘已满？）")
	}
	return nil
}

// syncDir flushes a directory's entries (the rename); where the system
// cannot, the rename stands as the file system keeps it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// agencyNamed finds an agency by the name given on the command line.
func agencyNamed(ctx context.Context, s *store.Store, name string) (*org.Agency, error) {
	ag, err := s.AgencyByName(ctx, strings.TrimSpace(name))
	if errors.Is(err, store.ErrNotFound) {
		return nil, errs.New("--agency", "没有名为“%s”的机关", name)
	}
	return ag, err
}

// agencyFile reads a command's input file (at most max bytes, before the
// database is opened: a wrong path costs nothing) and opens the agency
// named by --agency; the caller closes the store.
func (c *cli) agencyFile(ctx context.Context, path string, max int64, db, agency string) ([]byte, *ops.Service, *org.Agency, error) {
	data, err := readFile(path, max)
	if err != nil {
		return nil, nil, nil, err
	}
	o, ag, err := c.openAgency(ctx, db, agency)
	return data, o, ag, err
}

// openAgency opens (and migrates) the database and finds the agency named by
// --agency; the caller closes the store.
func (c *cli) openAgency(ctx context.Context, db, name string) (*ops.Service, *org.Agency, error) {
	o, err := c.openOps(ctx, db)
	if err != nil {
		return nil, nil, err
	}
	ag, err := agencyNamed(ctx, o.Store, name)
	if err != nil {
		_ = o.Store.Close() // the lookup error is the one to report
		return nil, nil, err
	}
	return o, ag, nil
}
