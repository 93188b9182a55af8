package ops_test

import (
	"testing"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
	"gongkai/internal/workday"
)

// 办理情况统计: an agency's year in the figures an applicant feels — answered
// on time or late against the deadline the case itself computed (its
// pauses and extensions included), the working days from receipt to the
// answer, what is still open and overdue today. A supervisor sees each
// agency below and the total; a clerk, the own agency.
func TestStats(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		decide := func(id int64, day string) {
			t.Helper()
			if _, err := f.step(day, f.clerk, id, casework.Step{Kind: casework.KindDecide, Outcome: "disclosed"}); err != nil {
				t.Fatal(err)
			}
		}
		quick := f.register("2025-03-03", "王某")
		decide(quick.ID, "2025-03-10")
		late := f.register("2025-03-03", "李某")
		decide(late.ID, "2025-04-30")
		extended := f.register("2025-06-02", "赵某")
		if _, err := f.step("2025-06-20", f.head, extended.ID, casework.Step{Kind: casework.KindExtend, Note: "需调取档案"}); err != nil {
			t.Fatal(err)
		}
		decide(extended.ID, "2025-07-25") // after 20 working days, within 40
		f.register("2025-12-01", "孙某")    // still open in March: overdue
		f.register("2024-12-30", "周某")    // another year's
		o := f.on("2026-03-02")
		st, err := o.Stats(ctx, f.super, 2025)
		if err != nil {
			t.Fatal(err)
		}
		cal := workday.Default()
		days := func(a, b string) float64 {
			n, err := cal.Between(D(a), D(b))
			if err != nil {
				t.Fatal(err)
			}
			return float64(n)
		}
		var row, other = -1, -1
		for i, r := range st.Rows {
			switch r.Agency.ID {
			case f.a.ID:
				row = i
			case f.b.ID:
				other = i
			}
		}
		if row < 0 || other < 0 || st.Total == nil {
			t.Fatalf("rows: %+v", st)
		}
		r := st.Rows[row]
		if r.Received != 4 || r.Closed != 3 || r.OnTime != 2 || r.Late != 1 || r.Open != 1 || r.Overdue != 1 {
			t.Errorf("counts: %+v", r.CaseStats)
		}
		spans := []float64{days("2025-03-03", "2025-03-10"), days("2025-03-03", "2025-04-30"), days("2025-06-02", "2025-07-25")}
		mean := (spans[0] + spans[1] + spans[2]) / 3
		if r.OnTimeRate < 66.6 || r.OnTimeRate > 66.7 || r.MeanDays != mean || r.MedianDays != spans[2] {
			t.Errorf("rate %.2f mean %.2f (want %.2f) median %.1f (want %.1f, of %v)", r.OnTimeRate, r.MeanDays, mean, r.MedianDays, spans[2], spans)
		}
		if o := st.Rows[other]; o.Received != 0 || o.OnTimeRate != -1 || o.MeanDays != -1 {
			t.Errorf("an agency without applications: %+v", o)
		}
		if st.Total.Closed != 3 || st.Total.MedianDays != spans[2] {
			t.Errorf("total: %+v", st.Total)
		}
		// the list shows the applications behind the counts: those answered
		// in the year, and the late one among them
		from, to := D("2025-01-01"), D("2025-12-31")
		if rows, total, err := o.Cases(ctx, f.clerk, casework.Filter{ClosedFrom: &from, ClosedTo: &to, Late: true}); err != nil || total != r.Late || rows[0].ID != late.ID {
			t.Errorf("answered late: %d %v", total, err)
		}
		if _, total, err := o.Cases(ctx, f.clerk, casework.Filter{ClosedFrom: &from, ClosedTo: &to}); err != nil || total != r.Closed {
			t.Errorf("answered in 2025: %d, want %d (%v)", total, r.Closed, err)
		}
		// a clerk sees the own agency, no total
		mine, err := o.Stats(ctx, f.clerk, 2025)
		if err != nil || len(mine.Rows) != 1 || mine.Rows[0].Agency.ID != f.a.ID || mine.Total != nil {
			t.Errorf("the clerk's: %+v %v", mine, err)
		}
		if _, err := o.Stats(ctx, f.clerk, 2027); errs.KindOf(err) != errs.Invalid {
			t.Errorf("a year to come: %v", err)
		}
	})
}

// An answer whose span runs into a year without its holiday notice cannot be
// counted in working days: it is left out of the days, and said.
func TestStatsUnmeasured(t *testing.T) {
	s := storetest.SQLite(t)
	f := newFx(t, s)
	c := f.register("2026-12-21", "王某")
	if _, err := f.step("2027-01-08", f.clerk, c.ID, casework.Step{Kind: casework.KindDecide, Outcome: "disclosed"}); err != nil {
		t.Fatal(err)
	}
	st, err := f.on("2027-01-11").Stats(ctx, f.clerk, 2027)
	if err != nil {
		t.Fatal(err)
	}
	if r := st.Rows[0]; r.Closed != 1 || r.MeanDays != -1 || st.Unmeasured != 1 {
		t.Errorf("closed %d, mean %.1f, unmeasured %d", r.Closed, r.MeanDays, st.Unmeasured)
	}
}
