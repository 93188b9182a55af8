package ops_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"gongkai/internal/demo"
	"gongkai/internal/importer"
	"gongkai/internal/ops"
	"gongkai/internal/org"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
	"gongkai/internal/workday"
)

// BenchmarkGenerateReport builds the seed agency's 2024 report from the
// demo's records (表二 from documents and ledgers, 表三 from cases, 表四,
// and sections 一、五、六 drafted from 46 items, 145 posts, 17 accounts and
// about 1 000 inspections) on each engine, against a baseline measured in
// the same run: one raw SQL query counting the agency's cases received in
// the year. The ratio is what docs/PERFORMANCE.md records.
func BenchmarkGenerateReport(b *testing.B) {
	storetest.BenchBoth(b, func(b *testing.B, s *store.Store) {
		o := ops.New(s, at("2026-11-24", "10:00"), workday.Default(), nil)
		if _, err := demo.Seed(ctx, o); err != nil {
			b.Fatal(err)
		}
		ag, err := s.AgencyByName(ctx, demo.Main)
		if err != nil {
			b.Fatal(err)
		}
		baseline := func() {
			var n int
			if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM cases WHERE agency_id = $1 AND received_on >= $2 AND received_on <= $3`,
				ag.ID, "2024-01-01", "2024-12-31").Scan(&n); err != nil {
				b.Fatal(err)
			}
		}
		// the baseline is microseconds: many rounds to steady it
		againstBaseline(b, 1000, baseline, func() {
			if _, _, err := o.Generate(ctx, ag, 2024); err != nil {
				b.Fatal(err)
			}
		})
	})
}

// BenchmarkReminders is one day's round of reminders (who gets what, no
// sending) for the demo's agencies after 20 000 more open applications of
// the seed agency (received over the last 80 days: thousands overdue, due
// soon or waiting), on each engine, against a raw count of the agency's
// overdue applications measured in the same run.
func BenchmarkReminders(b *testing.B) {
	storetest.BenchBoth(b, func(b *testing.B, s *store.Store) {
		day := "2026-11-24"
		o := ops.New(s, at(day, "10:00"), workday.Default(), nil)
		if _, err := demo.Seed(ctx, o); err != nil {
			b.Fatal(err)
		}
		ag, err := s.AgencyByName(ctx, demo.Main)
		if err != nil {
			b.Fatal(err)
		}
		var rows []importer.Row
		for i := range 20000 {
			rec := D(day) - workday.Date(1+i%80)
			in := intake(fmt.Sprintf("基准%d", i), rec.String())
			in.SetReceivedOn(rec)
			rows = append(rows, importer.Row{Line: i + 2, Key: fmt.Sprintf("row:%d", i), Intake: in})
		}
		if _, _, bad, err := o.ImportCases(ctx, ops.Operator(ag.ID, "基准"), ag.ID, rows, false, true); err != nil || len(bad) > 0 {
			b.Fatal(err, bad)
		}
		baseline := func() {
			var n int
			if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM cases WHERE agency_id = $1 AND state <> 'closed' AND state <> 'merged' AND due_on < $2`,
				ag.ID, day).Scan(&n); err != nil || n == 0 {
				b.Fatal(n, err)
			}
		}
		againstBaseline(b, 200, baseline, func() {
			rs, err := o.Reminders(ctx, D(day), "https://gk.example.gov.cn")
			if err != nil || len(rs) == 0 {
				b.Fatal(rs, err)
			}
		})
	})
}

// againstBaseline times baseline over rounds, then work in the benchmark's
// loop, and reports work's time as a ratio to the baseline's (the figure
// docs/PERFORMANCE.md records, steadier than either alone on a noisy machine).
func againstBaseline(b *testing.B, rounds int, baseline, work func()) {
	start := time.Now()
	for range rounds {
		baseline()
	}
	base := time.Since(start) / time.Duration(rounds)
	b.ResetTimer()
	for b.Loop() {
		work()
	}
	per := b.Elapsed() / time.Duration(b.N)
	b.ReportMetric(float64(per)/float64(base), "x-baseline")
	b.ReportMetric(float64(base.Microseconds()), "baseline-µs")
}

// BenchmarkImportUsers is a list of 40 users imported (checked, first
// passwords made and hashed, written), against hashing their 40 passwords
// one after another in the same run: the hashing dominates, and is spread
// over the cores.
func BenchmarkImportUsers(b *testing.B) {
	s := storetest.SQLite(b)
	f := newFx(b, s)
	o := f.on("2026-03-02")
	const n = 40
	round := 0
	list := func() []byte {
		var w strings.Builder
		w.WriteString("机关,用户名,姓名,角色\n")
		for i := range n {
			fmt.Fprintf(&w, "示例区教育局,r%d-u%d,某某,办理人\n", round, i)
		}
		round++
		return []byte(w.String())
	}
	againstBaseline(b, 3, func() {
		for range n {
			if _, err := org.HashPassword(org.NewPassword()); err != nil {
				b.Fatal(err)
			}
		}
	}, func() {
		res, err := o.ImportUsers(ctx, f.admin, ops.ListFile{Under: f.gov.ID, Name: "用户.csv", Data: list(), Commit: true}, org.NewPassword)
		if err != nil || res.Created != n {
			b.Fatal(err, res.Bad)
		}
	})
}

// BenchmarkResume is what every back-office request now pays to continue its
// session (the session, the rules in force for the idle limit and the
// password's age, a write at most once a minute), against reading the
// session alone as before, in the same run, on each engine.
func BenchmarkResume(b *testing.B) {
	storetest.BenchBoth(b, func(b *testing.B, s *store.Store) {
		f := newFx(b, s)
		o := f.on("2026-03-02")
		if _, err := o.SaveSettings(ctx, f.admin, map[string]string{"password_max_days": "90"}, ""); err != nil {
			b.Fatal(err)
		}
		if _, err := o.CreateUser(ctx, f.admin, ops.NewUser{AgencyID: f.a.ID, Login: "zhang", Name: "张办理", Role: "clerk", Password: "right-password"}); err != nil {
			b.Fatal(err)
		}
		_, tok, err := o.Login(ctx, "zhang", "right-password", "10.0.0.1")
		if err != nil {
			b.Fatal(err)
		}
		againstBaseline(b, 2000, func() {
			if _, err := o.Store.Session(ctx, tok); err != nil {
				b.Fatal(err)
			}
		}, func() {
			if _, err := o.Resume(ctx, tok); err != nil {
				b.Fatal(err)
			}
		})
	})
}
