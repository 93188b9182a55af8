package report

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// The roll-up of valid reports is a valid report whose every cell is the sum
// of the same cells; an unreadable cell anywhere makes its sum unreadable.
func TestSum(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	var rs []*Report
	for i := 0; i < 5; i++ {
		r := Generate(rng, "某局", 2024)
		if errs, _, _ := r.Counts(); errs != 0 {
			t.Fatalf("generated report %d has errors", i)
		}
		rs = append(rs, r)
	}
	rs[0].Proactive.SetAmount("fees.amount_wan_yuan", ParseAmount("1.5"))
	rs[1].Proactive.SetAmount("fees.amount_wan_yuan", ParseAmount("2.25"))
	for _, r := range rs[2:] {
		r.Proactive.SetAmount("fees.amount_wan_yuan", ParseAmount("0"))
	}
	sum := Sum(Format2021, 2024, "某区政府办公室", rs)

	for _, row := range Format2021.T3Rows() {
		for col := 0; col < NumCols; col++ {
			var want int64
			for _, r := range rs {
				want += r.Applications[row.Key][col].Val()
			}
			if got, ok := sum.Applications[row.Key][col].Int(); !ok || got != want {
				t.Fatalf("%s col %d: %d, want %d", row.Key, col, got, want)
			}
		}
	}
	var want int64
	for _, r := range rs {
		want += r.Appeals[1][4].Val()
	}
	if got, _ := sum.Appeals[1][4].Int(); got != want {
		t.Errorf("表四 直接起诉 总计 %d, want %d", got, want)
	}
	if txt, _ := sum.Proactive.Amount("fees.amount_wan_yuan").Text(); txt != "3.75" {
		t.Errorf("fees %q, want 3.75", txt)
	}
	for _, f := range Check(sum, nil) {
		if strings.HasPrefix(f.Rule, "T") && f.Severity == SevError {
			t.Errorf("the sum of valid reports fails %s: %s", f.Rule, f.Message)
		}
	}

	rs[3].Applications["new"] = Row{Invalid("十")}
	sum = Sum(Format2021, 2024, "某区政府办公室", rs)
	if !sum.Applications["new"][0].IsInvalid() || sum.Applications["new"][1].IsInvalid() {
		t.Error("an unreadable cell is hidden in the sum, or spreads to other cells")
	}
}
