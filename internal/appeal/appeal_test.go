package appeal

import (
	"testing"

	"gongkai/internal/errs"
	"gongkai/internal/report"
	"gongkai/internal/workday"
)

func d(s string) *workday.Date { x := workday.MustDate(s); return &x }

func rec(k Kind, filed string, concluded string, r Result) Record {
	x := Record{Kind: k, Body: "新乡市卫滨区人民政府", FiledOn: *d(filed), Result: r}
	if concluded != "" {
		x.ConcludedOn = d(concluded)
	}
	return x
}

// counts flattens 表四 for comparison; -1 marks a cell that is not a number.
func counts(t report.Appeals) [3][5]int64 {
	var out [3][5]int64
	for b := range t {
		for j := range t[b] {
			n, ok := t[b][j].Int()
			if !ok {
				n = -1
			}
			out[b][j] = n
		}
	}
	return out
}

func TestTable(t *testing.T) {
	recs := []Record{
		rec(Review, "2024-03-01", "2024-05-01", Upheld),
		rec(Review, "2024-06-01", "2024-08-01", Corrected),
		rec(Review, "2024-11-20", "2025-01-10", Upheld),     // pending on 31 Dec 2024
		rec(Review, "2023-12-01", "2024-02-01", Other),      // filed the year before
		rec(SuitDirect, "2024-04-01", "", ""),               // pending
		rec(SuitDirect, "2025-01-02", "2025-03-01", Upheld), // next year
		rec(SuitAfterReview, "2024-09-01", "2024-12-31", Other),
	}
	co := rec(SuitAfterReview, "2024-09-01", "2024-10-01", Upheld)
	co.CoDefendantOnly = true
	recs = append(recs, co)

	got := counts(Table(recs, 2024, FiledInYear))
	want := [3][5]int64{{1, 1, 0, 1, 3}, {0, 0, 0, 1, 1}, {0, 0, 1, 0, 1}}
	if got != want {
		t.Errorf("filed in 2024:\n got %v\nwant %v", got, want)
	}
	got = counts(Table(recs, 2024, FiledOrConcluded))
	want = [3][5]int64{{1, 1, 1, 1, 4}, {0, 0, 0, 1, 1}, {0, 0, 1, 0, 1}}
	if got != want {
		t.Errorf("filed or concluded in 2024:\n got %v\nwant %v", got, want)
	}
	got = counts(Table(recs, 2025, FiledOrConcluded))
	want = [3][5]int64{{1, 0, 0, 0, 1}, {1, 0, 0, 0, 1}, {0, 0, 0, 0, 0}}
	if got != want {
		t.Errorf("2025:\n got %v\nwant %v", got, want)
	}
	// the computed table passes the report's own T4.SUM rule
	r := report.NewReport(report.FormatForYear(2024))
	r.Agency, r.Year = "某局", 2024
	r.Zero()
	r.Appeals = Table(recs, 2024, FiledOrConcluded)
	for _, f := range report.Check(r, nil) {
		if f.Rule == "T4.SUM" {
			t.Errorf("computed 表四 fails T4.SUM: %v", f)
		}
	}
}

func TestValidate(t *testing.T) {
	ok := rec(SuitAfterReview, "2024-03-01", "2024-05-01", Upheld)
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid record refused: %v", err)
	}
	cases := []struct {
		field string
		edit  func(r *Record)
	}{
		{"kind", func(r *Record) { r.Kind = "appeal" }},
		{"body", func(r *Record) { r.Body = "  " }},
		{"filed_on", func(r *Record) { r.FiledOn = 0 }},
		{"result", func(r *Record) { r.Result = "" }},
		{"result", func(r *Record) { r.Result = "won" }},
		{"concluded_on", func(r *Record) { r.ConcludedOn = nil }},
		{"concluded_on", func(r *Record) { r.ConcludedOn = d("2024-02-01") }},
		{"co_defendant_only", func(r *Record) { r.Kind, r.CoDefendantOnly = Review, true }},
	}
	for _, c := range cases {
		r := ok
		c.edit(&r)
		err := r.Validate()
		e, isOurs := err.(*errs.Error)
		if !isOurs || e.Where != c.field || e.Msg == "" {
			t.Errorf("want an error at %s, got %v", c.field, err)
		}
	}
	if _, err := ParseCounting("by-month"); err == nil {
		t.Error("unknown counting accepted")
	}
}

// A record's fingerprint is what its edit form shows: who recorded it does
// not count, every field the form shows does; Diff names those fields.
func TestFingerprintIsWhatTheFormShows(t *testing.T) {
	d := workday.NewDate(2026, 4, 1)
	a := Record{ID: 3, Kind: Review, Body: "示例区人民政府", FiledOn: workday.NewDate(2026, 3, 2), CreatedBy: "张办理"}
	b := a
	b.CreatedBy, b.ID = "李主任", 4
	if a.Fingerprint() != b.Fingerprint() || Diff(a, b) != "" {
		t.Error("what the form does not show changed the fingerprint")
	}
	b.ConcludedOn, b.Result = &d, Upheld
	if a.Fingerprint() == b.Fingerprint() || Diff(a, b) != "审结日期 （空） → 2026-04-01；结果 尚未审结 → 结果维持" {
		t.Errorf("a conclusion: %q", Diff(a, b))
	}
}
