// Package storetest opens real databases for tests: a SQLite file in a temp
// directory, and a PostgreSQL database cloned from a migrated template on the
// cluster that scripts/with-pg.sh starts (TEST_PG_DSN). A missing PostgreSQL
// fails the test: tests run on both engines, never on one by accident.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"gongkai/internal/clock"
	"gongkai/internal/store"
)

// Clock is the fixed clock every test store starts with: 2026-11-24 10:00
// Beijing time, a Tuesday. Tests that need another moment set their own; no
// test reads the wall clock.
var Clock = clock.At(time.Date(2026, 11, 24, 2, 0, 0, 0, time.UTC))

var (
	tmplOnce sync.Once
	tmplName string
	tmplErr  error
)

// PGDSN returns the cluster's admin DSN or fails the test.
func PGDSN(t testing.TB) string {
	dsn := os.Getenv("TEST_PG_DSN")
	if dsn == "" {
		t.Fatal("TEST_PG_DSN is not set: run the tests with `make test` (scripts/with-pg.sh starts a throwaway PostgreSQL)")
	}
	return dsn
}

func withDB(dsn, db string) string {
	i := strings.LastIndex(dsn, "/")
	j := strings.Index(dsn[i:], "?")
	if j < 0 {
		return dsn[:i+1] + db
	}
	return dsn[:i+1] + db + dsn[i+j:]
}

// Postgres gives the test its own migrated PostgreSQL database, dropped afterwards.
func Postgres(t testing.TB) *store.Store {
	ctx := context.Background()
	admin := PGDSN(t)
	tmplOnce.Do(func() {
		tmplName = fmt.Sprintf("gongkai_tmpl_%d", os.Getpid())
		a, err := sql.Open("pgx", admin)
		if err != nil {
			tmplErr = err
			return
		}
		defer func() { _ = a.Close() }()
		if _, tmplErr = a.Exec(`CREATE DATABASE ` + tmplName); tmplErr != nil {
			return
		}
		s, err := store.Open(ctx, withDB(admin, tmplName), Clock)
		if err != nil {
			tmplErr = err
			return
		}
		tmplErr = errors.Join(s.Migrate(ctx), s.Close())
	})
	if tmplErr != nil {
		t.Fatal(tmplErr)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "t_" + hex.EncodeToString(b)
	a, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Exec(`CREATE DATABASE ` + name + ` TEMPLATE ` + tmplName); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(ctx, withDB(admin, name), Clock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := errors.Join(s.Close(), dropDB(a, name), a.Close()); err != nil {
			t.Error(err)
		}
	})
	return s
}

// SQLite gives the test a migrated SQLite database in a temp directory.
func SQLite(t testing.TB) *store.Store {
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "gongkai.db"), Clock)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

func dropDB(a *sql.DB, name string) error {
	_, err := a.Exec(`DROP DATABASE ` + name + ` WITH (FORCE)`)
	return err
}

// Both runs fn as two subtests, on SQLite and on PostgreSQL.
func Both(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
}

// BenchBoth runs fn as two sub-benchmarks, on SQLite and on PostgreSQL.
func BenchBoth(b *testing.B, fn func(b *testing.B, s *store.Store)) {
	b.Run("sqlite", func(b *testing.B) { fn(b, SQLite(b)) })
	b.Run("postgres", func(b *testing.B) { fn(b, Postgres(b)) })
}

// EmptyPostgres creates an empty database on the test cluster and returns
// its DSN, for tests that run gongkai processes against it (they migrate
// it themselves). It is dropped afterwards.
func EmptyPostgres(t testing.TB) string {
	admin := PGDSN(t)
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	name := "e_" + hex.EncodeToString(b)
	a, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Exec(`CREATE DATABASE ` + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := errors.Join(dropDB(a, name), a.Close()); err != nil {
			t.Error(err)
		}
	})
	return withDB(admin, name)
}
