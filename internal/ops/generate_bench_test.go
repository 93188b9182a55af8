package ops_test

import (
	"testing"
	"time"

	"gongkai/internal/demo"
	"gongkai/internal/ops"
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
	for _, eng := range []struct {
		name string
		open func(testing.TB) *store.Store
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		b.Run(eng.name, func(b *testing.B) {
			s := eng.open(b)
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
			const rounds = 1000 // the baseline is microseconds: many rounds to steady it
			start := time.Now()
			for range rounds {
				baseline()
			}
			base := time.Since(start) / rounds
			b.ResetTimer()
			for b.Loop() {
				if _, _, err := o.Generate(ctx, ag, 2024); err != nil {
					b.Fatal(err)
				}
			}
			per := b.Elapsed() / time.Duration(b.N)
			b.ReportMetric(float64(per)/float64(base), "x-baseline")
			b.ReportMetric(float64(base.Microseconds()), "baseline-µs")
		})
	}
}
