package storetest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"gongkai/internal/clock"
	"gongkai/internal/store"
)

// seededFile is a SQLite database seeded once for a package's tests.
var seededFile struct {
	once sync.Once
	path string
	err  error
}

// SeededFile is the path of a SQLite database of the test's own: a copy of
// what seed wrote, once for the whole run of the package, into the file at
// the path it is given (the demo, seeded per test, cost a second and a half
// each). Every caller in a package must pass the same seed; RemoveSeeded
// (from TestMain) deletes the seeded file.
func SeededFile(t testing.TB, seed func(path string) error) string {
	seededFile.once.Do(func() {
		dir, err := os.MkdirTemp("", "gongkai-seeded-")
		if err == nil {
			seededFile.path = filepath.Join(dir, "seeded.db")
			err = seed(seededFile.path)
		}
		seededFile.err = err
	})
	if seededFile.err != nil {
		t.Fatal(seededFile.err)
	}
	dst := filepath.Join(t.TempDir(), "gongkai.db")
	data, err := os.ReadFile(seededFile.path)
	if err == nil {
		err = os.WriteFile(dst, data, 0o600)
	}
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// Seeded is SeededFile opened: seed writes through a migrated store.
func Seeded(t testing.TB, clk clock.Clock, seed func(*store.Store) error) *store.Store {
	path := SeededFile(t, func(path string) error {
		s, err := store.Open(context.Background(), path, clk)
		if err == nil {
			err = s.Migrate(context.Background())
		}
		if err == nil {
			err = seed(s)
		}
		if s != nil {
			err = errors.Join(err, s.Close()) // closing folds the WAL into the file
		}
		return err
	})
	s, err := store.Open(context.Background(), path, clk)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// RemoveSeeded deletes the file SeededFile made (a leftover in the temp
// directory would be harmless).
func RemoveSeeded() {
	if seededFile.path != "" {
		_ = os.RemoveAll(filepath.Dir(seededFile.path))
	}
}
