// Package lint holds the repository's own static checks, run by go test:
// the rules staticcheck and errcheck do not know about.
package lint

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// root is the repository root, two directories up from this package.
const root = "../.."

// maxLines bounds a function in the layers that bind input and run flows:
// a longer one is doing two things (docs/ARCHITECTURE.md).
const maxLines = 80

var shortFuncDirs = []string{"internal/ops", "internal/web", "internal/api", "internal/server", "cmd/gongkai"}

func TestFunctionLength(t *testing.T) {
	for _, dir := range shortFuncDirs {
		files, err := filepath.Glob(filepath.Join(root, dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				fd, ok := n.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					return true
				}
				from, to := fset.Position(fd.Pos()).Line, fset.Position(fd.End()).Line
				if to-from+1 > maxLines {
					rel, _ := filepath.Rel(root, path)
					t.Errorf("%s:%d: %s is %d lines (at most %d in the operation layer and the handlers)", rel, from, fd.Name.Name, to-from+1, maxLines)
				}
				return false
			})
		}
	}
}

// Migrations are numbered without gaps or repeats and the two dialects have
// the same files: a merge that brings two 0018s fails here, not in production
// (pkgsite's check_bad_migrations).
func TestMigrationNumbers(t *testing.T) {
	num := regexp.MustCompile(`^(\d{4})_[a-z0-9_]+\.sql$`)
	names := map[string][]string{}
	for _, d := range []string{"sqlite", "postgres"} {
		es, err := os.ReadDir(filepath.Join(root, "internal/store/migrations", d))
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]string{}
		for _, e := range es {
			m := num.FindStringSubmatch(e.Name())
			if m == nil {
				t.Errorf("%s/%s: a migration is named NNNN_what.sql", d, e.Name())
				continue
			}
			if prev, ok := seen[m[1]]; ok {
				t.Errorf("%s: %s and %s have the same number", d, prev, e.Name())
			}
			seen[m[1]] = e.Name()
			names[d] = append(names[d], e.Name())
		}
		sort.Strings(names[d])
		for i, n := range names[d] {
			if want := i + 1; n[:4] != leftPad(want) {
				t.Errorf("%s: %s where %s_… was expected (a gap)", d, n, leftPad(want))
				break
			}
		}
	}
	if strings.Join(names["sqlite"], " ") != strings.Join(names["postgres"], " ") {
		t.Errorf("the dialects differ:\nsqlite:   %v\npostgres: %v", names["sqlite"], names["postgres"])
	}
}

func leftPad(n int) string {
	b := []byte("0000")
	for i := 3; i >= 0 && n > 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b)
}

// Domain packages are pure: they take the clock, the calendar and the
// settings as values and know nothing of HTTP or the database
// (docs/ARCHITECTURE.md).
func TestDomainImports(t *testing.T) {
	domain := []string{"casework", "report", "office", "importer", "appeal", "org", "audit", "settings", "workday", "render", "auditor", "clock", "guard", "errs",
		"catalog", "newmedia", "search", "notify"}
	banned := []string{`"net/http"`, `"gongkai/internal/store"`, `"gongkai/internal/web"`, `"gongkai/internal/api"`, `"gongkai/internal/ops"`, `"gongkai/internal/server"`, `"database/sql"`}
	for _, d := range domain {
		files, _ := filepath.Glob(filepath.Join(root, "internal", d, "*.go"))
		if len(files) == 0 {
			t.Errorf("internal/%s: no files (update this list when a package moves)", d)
		}
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				for _, b := range banned {
					if imp.Path.Value == b {
						t.Errorf("%s imports %s: a domain package does not", path[len(root)+1:], b)
					}
				}
			}
		}
	}
}

// The wall clock is read in one place (clock.System, used by main); the
// rest of the program is given a clock. Durations measured for metrics and
// benchmarks are the exception: they are not dates.
func TestNoWallClock(t *testing.T) {
	allowed := map[string]bool{"internal/clock/clock.go": true, "internal/web/metrics.go": true, "cmd/gongkai/bench.go": true, "cmd/gongkai/benchhttp.go": true,
		"cmd/gongkai/benchprovince.go": true, "cmd/gongkai/benchsearch.go": true}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if d != nil && d.IsDir() && d.Name() == "third_party" {
			return filepath.SkipDir // others' code, kept as it is
		}
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(data), "time.Now()") && !allowed[filepath.ToSlash(rel)] {
			t.Errorf("%s reads the wall clock: take a clock.Clock instead", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
