// Package store is gongkai's one concrete store over database/sql: SQLite
// (modernc.org/sqlite, pure Go) by default and PostgreSQL (pgx) for large
// deployments. The SQL is shared, with $N placeholders that both drivers bind
// by number; the few differences live in the dialect methods below.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"gongkai/internal/audit"
	"gongkai/internal/clock"
	"gongkai/internal/errs"
	"gongkai/internal/workday"
)

// Named errors; callers test them with errors.Is.
var (
	ErrNotFound = errors.New("not found")
	ErrConflict = errors.New("conflict") // a unique key, or a concurrent change
	// ErrBusy: SQLite's one writer stayed busy past the busy timeout (a
	// large import holds it for its whole transaction); nothing was written
	ErrBusy = errors.New("database busy")
)

// Dialect is the database engine.
type Dialect string

const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

//go:embed migrations
var migrations embed.FS

// Store is the database.
type Store struct {
	db      *sql.DB
	dialect Dialect
	path    string // SQLite file
	// Clock stamps what is written (created_at, the audit log). Timestamps
	// are stored in UTC; civil dates come from the caller.
	Clock clock.Clock
}

// At returns the store seen through another clock (demo data written in
// the past); the two share the database handle.
func (s *Store) At(c clock.Clock) *Store {
	cp := *s
	cp.Clock = c
	return &cp
}

// IsPostgres reports whether a --db value names a PostgreSQL server.
func IsPostgres(url string) bool {
	return strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://")
}

// Open connects to url: postgres://… for PostgreSQL, anything else is a SQLite
// file path. It does not migrate; call Migrate.
func Open(ctx context.Context, url string, clk clock.Clock) (*Store, error) {
	s := &Store{Clock: clk}
	var err error
	if IsPostgres(url) {
		s.dialect = Postgres
		s.db, err = sql.Open("pgx", url)
	} else {
		s.dialect, s.path = SQLite, url
		if dir := filepath.Dir(url); dir != "." {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, errs.Wrap(errs.Invalid, err, url, "无法创建数据库目录")
			}
		}
		// WAL for concurrent readers; synchronous(FULL) so that a committed
		// application survives a power cut; writes take the lock up front.
		dsn := "file:" + url + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)" +
			"&_pragma=synchronous(FULL)&_txlock=immediate"
		s.db, err = sql.Open("sqlite", dsn)
		if err == nil {
			s.db.SetMaxOpenConns(4)
		}
	}
	if err != nil {
		return nil, errs.Wrap(errs.Invalid, err, "--db", "无法打开数据库")
	}
	if err := s.db.PingContext(ctx); err != nil {
		_ = s.db.Close() // the connection error is the one to report
		if s.dialect == SQLite {
			return nil, sqliteOpenError(url, err)
		}
		return nil, errs.Wrap(errs.Invalid, err, "--db", "无法连接数据库：请检查地址、用户名和密码")
	}
	return s, nil
}

// sqliteMagic starts every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// sqliteOpenError says why a SQLite file did not open: a file that is not a
// database at all (a wrong path, a renamed document) or one that is damaged
// (a copy cut short, a disk error). There is no address or password to check.
func sqliteOpenError(path string, err error) error {
	head := make([]byte, len(sqliteMagic))
	if f, ferr := os.Open(path); ferr == nil {
		n, _ := io.ReadFull(f, head)
		_ = f.Close()
		if n > 0 && string(head[:n]) != sqliteMagic[:n] {
			return errs.Wrap(errs.Invalid, err, path, "这不是 SQLite 数据库文件：请检查是否选错了文件")
		}
	}
	return errs.Wrap(errs.Invalid, err, path, "数据库文件无法打开：文件已损坏或不完整（如复制中断），或没有读写权限")
}

// OpenExisting is Open for a database that must already exist: a SQLite path
// that names no file is refused instead of created empty (backup, restore).
func OpenExisting(ctx context.Context, url string, clk clock.Clock) (*Store, error) {
	if !IsPostgres(url) {
		st, err := os.Stat(url)
		if err != nil {
			return nil, errs.Wrap(errs.NotFound, err, url, "数据库文件不存在：请检查路径")
		}
		if st.IsDir() || st.Size() == 0 {
			return nil, errs.New(url, "这不是 gongkai 数据库文件（是目录或空文件）")
		}
	}
	return Open(ctx, url, clk)
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Dialect returns the engine.
func (s *Store) Dialect() Dialect { return s.dialect }

// DB exposes the handle for benchmarks that compare against raw SQL.
func (s *Store) DB() *sql.DB { return s.db }

// --- migrations ---------------------------------------------------------------

// Migration is one embedded schema change.
type Migration struct {
	Version   string
	AppliedAt string // "" when pending
}

func (s *Store) migrationFiles() ([]string, error) {
	names, err := fs.Glob(migrations, "migrations/"+string(s.dialect)+"/*.sql")
	sort.Strings(names)
	return names, err
}

func version(name string) string { return strings.TrimSuffix(filepath.Base(name), ".sql") }

// dataSteps fill what a migration's SQL cannot compute, in its transaction.
var dataSteps = map[string]func(context.Context, *sql.Tx) error{
	"0022_case_search_key": fillSearchKeys,
	"0025_case_marks":      fillMarks,
}

// Migrate applies the pending migrations, each in its own transaction.
// Migrations are forward-only.
func (s *Store) Migrate(ctx context.Context) error {
	if s.dialect == Postgres {
		// one migrator at a time when several servers start together
		conn, err := s.db.Conn(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(7427001)`); err != nil {
			return err
		}
		// closing the connection releases the lock too; the unlock lets the
		// pool reuse the connection at once
		defer func() { _, _ = conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock(7427001)`) }()
	}
	// inside the lock: two servers creating the table at once collide in
	// PostgreSQL's catalog even with IF NOT EXISTS
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return errs.Wrap(errs.Internal, err, "", "无法创建迁移记录表")
	}
	if err := s.notNewer(ctx); err != nil {
		return err
	}
	files, err := s.migrationFiles()
	if err != nil {
		return err
	}
	for _, f := range files {
		v := version(f)
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = $1`, v).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		body, err := migrations.ReadFile(f)
		if err != nil {
			return err
		}
		err = s.tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return fmt.Errorf("migration %s: %w", v, err)
			}
			if fill := dataSteps[v]; fill != nil {
				if err := fill(ctx, tx); err != nil {
					return fmt.Errorf("migration %s: %w", v, err)
				}
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)`, v, s.Clock.Now().UTC().Format(time.RFC3339))
			return err
		})
		if err != nil {
			return errs.Wrap(errs.Internal, err, v, "数据库迁移失败")
		}
	}
	return nil
}

// ErrNewerSchema: the database was migrated by a newer gongkai than this one.
var ErrNewerSchema = errors.New("database schema is newer than this program")

// notNewer refuses a database that a newer gongkai has migrated (an
// upgrade rolled back by reinstalling the old program): this program does
// not know the columns and rules that came with it, and would write records
// the newer one misreads.
func (s *Store) notNewer(ctx context.Context) error {
	files, err := s.migrationFiles()
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, f := range files {
		known[version(f)] = true
	}
	rows, err := s.db.QueryContext(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	var newer []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return mapErr(err)
		}
		if !known[v] {
			newer = append(newer, v)
		}
	}
	if err := rows.Err(); err != nil {
		return mapErr(err)
	}
	if len(newer) > 0 {
		where := s.path
		if where == "" {
			where = "--db"
		}
		return &errs.Error{Kind: errs.Conflict, Where: where, Cause: fmt.Errorf("%w: %s", ErrNewerSchema, strings.Join(newer, ", ")),
			Msg: fmt.Sprintf("数据库已由较新版本的 gongkai 升级（迁移 %s），本程序版本较旧，不能使用它：请使用新版本程序，或从升级前的备份恢复", strings.Join(newer, "、"))}
	}
	return nil
}

// MigrationStatus lists every migration with the time it was applied.
func (s *Store) MigrationStatus(ctx context.Context) ([]Migration, error) {
	applied := map[string]string{}
	rows, err := s.db.QueryContext(ctx, `SELECT version, applied_at FROM schema_migrations`)
	if err == nil {
		for rows.Next() {
			var v, at string
			if err := rows.Scan(&v, &at); err != nil {
				rows.Close()
				return nil, err
			}
			applied[v] = at
		}
		rows.Close()
	}
	files, err := s.migrationFiles()
	if err != nil {
		return nil, err
	}
	var out []Migration
	for _, f := range files {
		out = append(out, Migration{Version: version(f), AppliedAt: applied[version(f)]})
	}
	return out, nil
}

// UpToDate reports whether every migration is applied (serve refuses a stale schema).
func (s *Store) UpToDate(ctx context.Context) (bool, error) {
	ms, err := s.MigrationStatus(ctx)
	if err != nil {
		return false, err
	}
	for _, m := range ms {
		if m.AppliedAt == "" {
			return false, nil
		}
	}
	return true, nil
}

// --- transactions and errors --------------------------------------------------

// tx runs fn in a transaction: committed when fn returns nil, rolled back
// otherwise (and on panic), so that a batch lands whole or leaves no trace.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return mapErr(err)
	}
	defer func() {
		if p := recover(); p != nil {
			tx.Rollback()
			panic(p)
		}
		if err != nil {
			tx.Rollback()
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	return mapErr(tx.Commit())
}

// Tx is one transaction: every write of a user's action, its audit entry
// included, goes through one (internal/ops).
type Tx struct {
	s      *Store
	tx     *sql.Tx
	audits int
}

// InTx runs fn in a transaction that commits when fn returns nil and leaves
// no trace otherwise.
func (s *Store) InTx(ctx context.Context, fn func(*Tx) error) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return fn(&Tx{s: s, tx: tx}) })
}

// Audits is how many audit entries the transaction has written so far.
func (t *Tx) Audits() int { return t.audits }

// Audit records a change in the audit log, inside the change's transaction.
func (t *Tx) Audit(ctx context.Context, e audit.Entry) error {
	var user, agency any
	if e.UserID != 0 {
		user = e.UserID
	}
	if e.AgencyID != 0 {
		agency = e.AgencyID
	}
	_, err := t.tx.ExecContext(ctx, `INSERT INTO audit_log (at, user_id, agency_id, actor, action, object, detail) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
		t.s.ts(t.s.Clock.Now()), user, agency, e.Actor, string(e.Action), e.Object, e.Detail)
	if err == nil {
		t.audits++
	}
	return mapErr(err)
}

// mapErr turns driver errors into the named errors.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) && (pe.Code == "23505" || pe.Code == "40001") {
		return fmt.Errorf("%w: %s", ErrConflict, pe.Message)
	}
	var se *sqlite.Error
	if errors.As(err, &se) && (se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY) {
		return fmt.Errorf("%w: %s", ErrConflict, se.Error())
	}
	if errors.As(err, &se) && (se.Code()&0xff == sqlite3.SQLITE_BUSY || se.Code()&0xff == sqlite3.SQLITE_LOCKED) {
		return &errs.Error{Kind: errs.Conflict, Cause: fmt.Errorf("%w: %s", ErrBusy, se.Error()),
			Msg: "数据库正忙（另一项操作正在写入，如导入大量数据），本次操作未保存：请稍后重试"}
	}
	return err
}

// --- values ---------------------------------------------------------------------

// date is a workday.Date as a column: text in SQLite, DATE in PostgreSQL.
func date(d workday.Date) any { return d.String() }

func optDate(d *workday.Date) any {
	if d == nil {
		return nil
	}
	return d.String()
}

// tsLayout is fixed-width, so that SQLite compares stored times as text in time order.
const tsLayout = "2006-01-02T15:04:05.000000Z"

func (s *Store) ts(t time.Time) any {
	if s.dialect == Postgres {
		return t.UTC()
	}
	return t.UTC().Format(tsLayout)
}

// dateCol scans a date column from either engine.
type dateCol struct {
	d     workday.Date
	valid bool
}

func (c *dateCol) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		c.valid = false
		return nil
	case time.Time:
		c.d, c.valid = workday.NewDate(x.Date()), true
		return nil
	case string:
		return c.parse(x)
	case []byte:
		return c.parse(string(x))
	}
	return fmt.Errorf("date column: unexpected %T", v)
}

func (c *dateCol) parse(s string) error {
	if len(s) > 10 {
		s = s[:10]
	}
	d, err := workday.ParseDate(s)
	c.d, c.valid = d, err == nil
	return err
}

func (c dateCol) ptr() *workday.Date {
	if !c.valid {
		return nil
	}
	d := c.d
	return &d
}

// timeCol scans a timestamp from either engine.
type timeCol struct{ t time.Time }

func (c *timeCol) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		return nil
	case time.Time:
		c.t = x
		return nil
	case string:
		t, err := time.Parse(time.RFC3339Nano, x)
		c.t = t
		return err
	case []byte:
		t, err := time.Parse(time.RFC3339Nano, string(x))
		c.t = t
		return err
	}
	return fmt.Errorf("time column: unexpected %T", v)
}

// ptr is the time, or nil for a NULL column.
func (c timeCol) ptr() *time.Time {
	if c.t.IsZero() {
		return nil
	}
	t := c.t
	return &t
}
