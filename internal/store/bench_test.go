package store_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gongkai/internal/casework"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// BenchmarkIntake stores one application per transaction on SQLite with
// synchronous=FULL (every commit is fsynced): each op is one durable intake.
// Target (issue 4): ≥ 1 000 durable applications/s.
func BenchmarkIntake(b *testing.B) {
	s := openSQLite(b)
	a := agency(b, s, "基准局")
	setClock(s, "2024-06-28")
	cs := make([]*casework.Case, 0, 1024)
	for i := range 1024 {
		cs = append(cs, newCase(b, i, "2024-06-03"))
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		c := *cs[i%len(cs)]
		if err := insert(s, a.ID, &c); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "applications/s")
}

// BenchmarkIntakeBatch100 stores 100 applications per transaction (an import),
// still fsynced at each commit. One op = 100 applications.
func BenchmarkIntakeBatch100(b *testing.B) {
	s := openSQLite(b)
	a := agency(b, s, "基准局")
	setClock(s, "2024-06-28")
	var base []*casework.Case
	for i := range 100 {
		base = append(base, newCase(b, i, "2024-06-03"))
	}
	b.ResetTimer()
	for b.Loop() {
		batch := make([]*casework.Case, len(base))
		for i, c := range base {
			x := *c
			batch[i] = &x
		}
		if err := insert(s, a.ID, batch...); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*100)/b.Elapsed().Seconds(), "applications/s")
}

// yearFixture loads 100 000 cases over 2024–2026 for one agency (and a few
// for another), in batches.
func yearFixture(b testing.TB) (*store.Store, int64) {
	s := openSQLite(b)
	a := agency(b, s, "基准局")
	setClock(s, "2026-11-20")
	rng := rand.New(rand.NewPCG(8, 8))
	var batch []*casework.Case
	outcomes := []casework.OutcomeID{"disclosed", "already_public", "not_exist", "third_party", "repeat", "petition", "needs_creation"}
	actor := casework.Actor{Name: "基准", Role: casework.Approver}
	for i := range 100000 {
		rec := workday.MustDate("2024-01-02") + workday.Date(rng.IntN(1000))
		c := newCase(b, i, rec.String())
		if rng.IntN(10) > 0 {
			on := min(rec+workday.Date(1+rng.IntN(40)), workday.MustDate("2026-11-19"))
			if _, err := c.Apply(casework.Step{Kind: casework.KindDecide, On: on, Outcome: outcomes[rng.IntN(len(outcomes))], Route: "本机关网站"}, actor, at(on.String()), cfg, cal); err != nil {
				b.Fatal(err)
			}
		}
		batch = append(batch, c)
		if len(batch) == 2000 {
			if err := insert(s, a.ID, batch...); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	// a deployment's planner has statistics (serve runs Optimize hourly)
	if err := s.Optimize(ctx); err != nil {
		b.Fatal(err)
	}
	return s, a.ID
}

// BenchmarkYearTable is 表三 for one agency-year from 100 000 cases on SQLite
// (target < 50 ms), against BenchmarkYearTableBaseline: one hand-written
// GROUP BY over the same rows, measured in the same run.
func BenchmarkYearTable(b *testing.B) {
	s, id := yearFixture(b)
	b.Run("store", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.YearTable(ctx, id, 2025); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("baseline_groupby", func(b *testing.B) {
		for b.Loop() {
			rows, err := s.DB().Query(`SELECT applicant_type, outcome, count(*) FROM cases WHERE agency_id = $1 GROUP BY applicant_type, outcome`, id)
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for rows.Next() {
				n++
			}
			rows.Close()
			if n == 0 {
				b.Fatal(fmt.Errorf("no rows"))
			}
		}
	})
}

// BenchmarkCaseList is one filtered page of the case list over 100 000 cases
// (target < 100 ms server time), against a plain page query in the same run.
func BenchmarkCaseList(b *testing.B) {
	s, id := yearFixture(b)
	from, to := workday.MustDate("2025-01-01"), workday.MustDate("2025-12-31")
	for name, f := range map[string]casework.Filter{
		"state_type_page":  {AgencyIDs: []int64{id}, State: casework.Closed, ApplicantType: "natural", Offset: 200, Limit: 50},
		"received_in_year": {AgencyIDs: []int64{id}, ReceivedFrom: &from, ReceivedTo: &to, Offset: 1000, Limit: 50},
		"search_text":      {AgencyIDs: []int64{id}, Query: "第4242号", Limit: 50},
		"first_page":       {AgencyIDs: []int64{id}, Limit: 50},
		"open_first_page":  {AgencyIDs: []int64{id}, Open: true, Limit: 50},
	} {
		b.Run(name, func(b *testing.B) {
			// a search that finds nothing would measure nothing
			if _, total, err := s.ListCases(ctx, f); err != nil || total == 0 {
				b.Fatalf("%s: %d cases, %v", name, total, err)
			}
			for b.Loop() {
				if _, _, err := s.ListCases(ctx, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// the list page also asks which of its rows have a proposal waiting
	// (ops.Cases): one proposal on every tenth open case
	if _, err := s.DB().ExecContext(ctx, `INSERT INTO case_proposals (case_id, step, note, by_name, by_user, at, state)
		SELECT id, '{}', '', '基准', 1, '2026-11-19T09:00:00+08:00', 'pending' FROM cases WHERE agency_id = $1 AND state <> 'closed' AND id % 10 = 0`, id); err != nil {
		b.Fatal(err)
	}
	b.Run("first_page_and_proposals", func(b *testing.B) {
		f := casework.Filter{AgencyIDs: []int64{id}, Open: true, Limit: 50}
		for b.Loop() {
			rows, _, err := s.ListCases(ctx, f)
			if err != nil {
				b.Fatal(err)
			}
			ids := make([]int64, len(rows))
			for i, r := range rows {
				ids[i] = r.ID
			}
			if p, err := s.ProposedAmong(ctx, ids); err != nil || len(p) == 0 {
				b.Fatalf("%d of %d rows proposed, %v", len(p), len(rows), err)
			}
		}
	})
	b.Run("baseline_plain_page", func(b *testing.B) {
		for b.Loop() {
			rows, err := s.DB().Query(`SELECT id, serial, applicant_name FROM cases WHERE agency_id = $1 ORDER BY received_on DESC, id DESC LIMIT 50`, id)
			if err != nil {
				b.Fatal(err)
			}
			for rows.Next() {
			}
			rows.Close()
		}
	})
}

// BenchmarkFillSearchKeys is migration 0022's data step over 100 000 cases on
// SQLite (the upgrade's one-time cost), against a single SQL UPDATE writing
// a key of the same size measured in the same run.
func BenchmarkFillSearchKeys(b *testing.B) {
	s, _ := yearFixture(b)
	blank := func(b *testing.B) {
		b.StopTimer()
		if _, err := s.DB().ExecContext(ctx, `UPDATE cases SET search_key = ''`); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.Run("data_step", func(b *testing.B) {
		for b.Loop() {
			blank(b)
			tx, err := s.DB().BeginTx(ctx, nil)
			if err != nil {
				b.Fatal(err)
			}
			if err := store.FillSearchKeys(ctx, tx); err != nil {
				b.Fatal(err)
			}
			if err := tx.Commit(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("baseline_one_update", func(b *testing.B) {
		for b.Loop() {
			blank(b)
			if _, err := s.DB().ExecContext(ctx, `UPDATE cases SET search_key = serial || applicant_name || description`); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCaseStats is the 办理情况统计's three grouped queries over 100 000
// cases of one agency on SQLite, against one plain count of the year's
// cases measured in the same run.
func BenchmarkCaseStats(b *testing.B) {
	s, id := yearFixture(b)
	today := workday.MustDate("2026-11-20")
	b.Run("stats", func(b *testing.B) {
		for b.Loop() {
			st, err := s.CaseStats(ctx, []int64{id}, 2025, today, cal)
			if err != nil || st[id].Closed == 0 {
				b.Fatal(st, err)
			}
		}
	})
	b.Run("baseline_count", func(b *testing.B) {
		for b.Loop() {
			var n int
			if err := s.DB().QueryRow(`SELECT count(*) FROM cases WHERE agency_id = $1 AND received_on >= '2025-01-01' AND received_on <= '2025-12-31'`, id).Scan(&n); err != nil {
				b.Fatal(err)
			}
		}
	})
}
