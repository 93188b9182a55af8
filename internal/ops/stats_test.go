package ops_test

import (
	"maps"
	"math"
	"slices"
	"testing"

	"gongkai/internal/appeal"
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
		quick := f.register("2025-03-03", "王某")
		f.decide(quick.ID, "2025-03-10")
		late := f.register("2025-03-03", "李某")
		f.decide(late.ID, "2025-04-30")
		extended := f.register("2025-06-02", "赵某")
		if _, err := f.step("2025-06-20", f.head, extended.ID, casework.Step{Kind: casework.KindExtend, Note: "需调取档案"}); err != nil {
			t.Fatal(err)
		}
		f.decide(extended.ID, "2025-07-25") // after 20 working days, within 40
		f.register("2025-12-01", "孙某")      // still open in March: overdue
		f.register("2024-12-30", "周某")      // another year's
		// a 补正 then a refusal; a consultation withdrawn, then not held
		corrected := f.register("2025-09-01", "吴某")
		f.steps(corrected.ID,
			stepAt{"2025-09-03", f.clerk, casework.Step{Kind: casework.KindRequestCorrection, Note: "请明确年份"}},
			stepAt{"2025-09-08", f.clerk, casework.Step{Kind: casework.KindCorrectionReceived}},
			stepAt{"2025-09-15", f.head, casework.Step{Kind: casework.KindDecide, Outcome: "process_info"}})
		withdrawn := f.register("2025-10-09", "郑某")
		f.steps(withdrawn.ID,
			stepAt{"2025-10-10", f.clerk, casework.Step{Kind: casework.KindConsult, Party: "某公司"}},
			stepAt{"2025-10-10", f.head, casework.Step{Kind: casework.KindUndo, Note: "误点"}},
			stepAt{"2025-10-20", f.clerk, casework.Step{Kind: casework.KindDecide, Outcome: "not_exist"}})
		// 复议 and 诉讼: filed in the year; concluded in it as 纠正; filed the
		// year before; sued only as the 复议机关 (counts for the other agency)
		for _, a := range []appeal.Record{
			{Kind: appeal.Review, Body: "示例区人民政府", FiledOn: D("2025-05-06"), ConcludedOn: ptr(D("2025-07-01")), Result: appeal.Corrected},
			{Kind: appeal.SuitDirect, Body: "示例区人民法院", FiledOn: D("2024-11-04"), ConcludedOn: ptr(D("2025-02-10")), Result: appeal.Corrected},
			{Kind: appeal.SuitDirect, Body: "示例区人民法院", FiledOn: D("2025-08-04")},
			{Kind: appeal.SuitAfterReview, Body: "示例区人民法院", FiledOn: D("2025-08-04"), CoDefendantOnly: true, ConcludedOn: ptr(D("2025-09-01")), Result: appeal.Corrected},
		} {
			if _, err := f.on("2026-03-02").RecordAppeal(ctx, f.clerk, a); err != nil {
				t.Fatal(err)
			}
		}
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
		if r.Received != 6 || r.Closed != 5 || r.OnTime != 4 || r.Late != 1 || r.Open != 1 || r.Overdue != 1 {
			t.Errorf("counts: %+v", r.CaseStats)
		}
		spans := []float64{days("2025-03-03", "2025-03-10"), days("2025-03-03", "2025-04-30"), days("2025-06-02", "2025-07-25"),
			days("2025-09-01", "2025-09-15"), days("2025-10-09", "2025-10-20")}
		mean := (spans[0] + spans[1] + spans[2] + spans[3] + spans[4]) / 5
		sorted := slices.Sorted(slices.Values(spans))
		if r.OnTimeRate != 80 || math.Abs(r.MeanDays-mean) > 1e-9 || r.MedianDays != sorted[2] {
			t.Errorf("rate %.2f mean %.2f (want %.2f) median %.1f (want %.1f, of %v)", r.OnTimeRate, r.MeanDays, mean, r.MedianDays, sorted[2], spans)
		}
		// the answers by 表三 result and by the steps they took (the
		// withdrawn consultation not among them), the year's 复议 and 诉讼
		if want := map[string]int{"granted": 3, "withheld": 1, "unavailable": 1}; !maps.Equal(r.Results, want) {
			t.Errorf("results %v, want %v", r.Results, want)
		}
		if want := map[casework.Mark]int{casework.MarkExtended: 1, casework.MarkCorrection: 1}; !maps.Equal(r.Marked, want) {
			t.Errorf("steps %v, want %v", r.Marked, want)
		}
		if r.Reviews != 1 || r.Suits != 1 || r.Corrected != 2 {
			t.Errorf("复议 %d, 诉讼 %d, 纠正 %d; want 1, 1, 2", r.Reviews, r.Suits, r.Corrected)
		}
		if o := st.Rows[other]; o.Received != 0 || o.OnTimeRate != -1 || o.MeanDays != -1 {
			t.Errorf("an agency without applications: %+v", o)
		}
		if st.Total.Closed != 5 || st.Total.MedianDays != sorted[2] || st.Total.Results["withheld"] != 1 || st.Total.Marked[casework.MarkCorrection] != 1 || st.Total.Reviews != 1 {
			t.Errorf("total: %+v", st.Total)
		}
		// the list shows the applications behind them
		for _, x := range []struct {
			f    casework.Filter
			want []int64
		}{
			{casework.Filter{Result: "withheld"}, []int64{corrected.ID}},
			{casework.Filter{Result: "granted"}, []int64{extended.ID, late.ID, quick.ID}},
			{casework.Filter{Mark: casework.MarkExtended}, []int64{extended.ID}},
			{casework.Filter{Mark: casework.MarkConsulted}, nil},
			{casework.Filter{Result: "nonsense"}, nil},
		} {
			rows, _, err := o.Cases(ctx, f.clerk, x.f)
			var got []int64
			for _, r := range rows {
				got = append(got, r.ID)
			}
			if err != nil || !slices.Equal(got, x.want) {
				t.Errorf("%+v: %v, want %v (%v)", x.f, got, x.want, err)
			}
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

func ptr[T any](v T) *T { return &v }
