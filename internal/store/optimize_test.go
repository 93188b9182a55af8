package store_test

import (
	"strings"
	"testing"

	"gongkai/internal/casework"
	"gongkai/internal/store"
)

// TestOptimizeInformsThePlanner: on SQLite, the case list's count of one
// agency's closed applications of one applicant type went by an index on
// state (nearly every case is closed) until the planner had statistics;
// Optimize gives it them, and it takes the index on applicant type instead.
// PostgreSQL analyses by itself: Optimize does nothing there and says so by
// no error.
func TestOptimizeInformsThePlanner(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		if s.Dialect() != store.SQLite {
			if err := s.Optimize(ctx); err != nil {
				t.Fatal(err)
			}
			return
		}
		a := agency(t, s, "统计局")
		setClock(s, "2026-11-20")
		actor := casework.Actor{Name: "张办理", Role: casework.Approver}
		var cs []*casework.Case
		for i := range 3000 {
			c := newCase(t, i, "2025-03-03")
			if i%10 > 0 {
				if _, err := c.Apply(casework.Step{Kind: casework.KindDecide, On: D("2025-03-10"), Outcome: "not_exist"}, actor, at("2025-03-10"), cfg, cal); err != nil {
					t.Fatal(err)
				}
			}
			cs = append(cs, c)
		}
		if err := insert(s, a.ID, cs...); err != nil {
			t.Fatal(err)
		}
		plan := func() string {
			var x, y, z int
			var p string
			if err := s.DB().QueryRow(`EXPLAIN QUERY PLAN SELECT count(*) FROM cases WHERE agency_id IN ($1) AND state = 'closed' AND applicant_type = 'natural'`, a.ID).Scan(&x, &y, &z, &p); err != nil {
				t.Fatal(err)
			}
			return p
		}
		if p := plan(); !strings.Contains(p, "state=?") {
			t.Fatalf("the planner without statistics chose %q: this test no longer shows what Optimize changes", p)
		}
		if err := s.Optimize(ctx); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := s.DB().QueryRow(`SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'cases'`).Scan(&n); err != nil || n == 0 {
			t.Fatalf("no statistics of cases after Optimize: %d, %v", n, err)
		}
		if p := plan(); strings.Contains(p, "state=?") || !strings.Contains(p, "applicant_type=?") {
			t.Errorf("with statistics the planner still chose %q", p)
		}
	})
}
