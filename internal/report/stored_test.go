package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"gongkai/internal/report"
)

// FromJSON reads what MarshalJSON wrote exactly as Load does: the same
// cells, the same findings.
func TestFromJSONAgreesWithLoad(t *testing.T) {
	var reps []*report.Report
	src, err := os.ReadFile("../../examples/weibin-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	seed, err := report.Load("weibin-2024.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	reps = append(reps, seed)
	audited, err := report.Read("seed.txt", readFile(t, seedPath))
	if err != nil {
		t.Fatal(err)
	}
	reps = append(reps, audited) // blanks and all
	for _, f := range []report.Format{report.Format2019, report.Format2021} {
		r := report.NewReport(f)
		r.Agency, r.Year = "某局", 2020
		r.Zero()
		r.Proactive.SetAmount("fees.amount_wan_yuan", report.ParseAmount("0.120050"))
		reps = append(reps, r)
	}
	for i, r := range reps {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		slow, err := report.Load("r.json", b)
		if err != nil {
			t.Fatal(err)
		}
		fast, err := report.FromJSON(b)
		if err != nil {
			t.Fatalf("report %d: %v", i, err)
		}
		fs, ff := report.Check(slow, nil), report.Check(fast, nil)
		// the lines of a stored report are lines of its JSON: Load knows
		// them, FromJSON does not, and neither means anything to a reader
		for _, f := range [][]report.Finding{fs, ff} {
			for i := range f {
				f[i].Line = 0
			}
		}
		js, _ := json.Marshal(slow)
		jf, _ := json.Marshal(fast)
		if !bytes.Equal(js, jf) || len(fs) != len(ff) {
			t.Errorf("report %d differs:\nLoad:     %.3000s\nFromJSON: %.3000s", i, js, jf)
		}
	}
	for _, bad := range []string{`{"format":"2033"}`, `{"format":"2021","extra":1}`, `{"format":"2021","applications":{"new":[1,"x"]}}`, `[`} {
		if _, err := report.FromJSON([]byte(bad)); err == nil {
			t.Errorf("FromJSON(%s) accepted", bad)
		}
	}
}

func BenchmarkStoredReport(b *testing.B) {
	src, _ := os.ReadFile("../../examples/weibin-2024.yaml")
	r, err := report.Load("weibin-2024.yaml", src)
	if err != nil {
		b.Fatal(err)
	}
	data, _ := json.Marshal(r)
	b.Run("Load", func(b *testing.B) {
		for b.Loop() {
			if _, err := report.Load("r.json", data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("FromJSON", func(b *testing.B) {
		for b.Loop() {
			if _, err := report.FromJSON(data); err != nil {
				b.Fatal(err)
			}
		}
	})
}
