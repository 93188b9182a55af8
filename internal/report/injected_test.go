package report_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"gongkai/internal/report"
)

// A report's own error is an error whatever the layout it is found in: one
// cell of 表三 (not a total), or of 表四, a few more than it was, in an otherwise clean
// generated report of either format, written out in every layout the reader
// is measured on, gives an error-level finding every time — never a clean
// audit, never only a PARSE note (the issue: "every real error reported as
// an error").
func TestInjectedErrorsAreErrors(t *testing.T) {
	n := 12
	if testing.Short() {
		n = 4
	}
	for _, l := range allLayouts() {
		t.Run(l.name, func(t *testing.T) {
			for i := range n {
				truth := report.Generate(rand.New(rand.NewPCG(uint64(i), 77)), fmt.Sprintf("示例第%d局", i), 2019+i%7)
				rng := rand.New(rand.NewPCG(uint64(i), 9))
				rows := truth.Format.T3Rows()
				row := rows[rng.IntN(len(rows))]
				col := rng.IntN(report.NumCols - 1)
				v, _ := truth.Applications[row.Key][col].Int()
				cells := truth.Applications[row.Key]
				cells[col] = report.N(v + int64(1+rng.IntN(5)))
				truth.Applications[row.Key] = cells
				r, err := report.Read("r"+l.ext, []byte(l.make(t, truth)))
				if err != nil {
					t.Fatal(err)
				}
				errors := 0
				for _, f := range report.Check(r, nil) {
					if f.Severity == report.SevError {
						errors++
					}
				}
				if errors == 0 {
					t.Errorf("report %d: %s column %d made wrong, and no error found", i, row.Key, col)
				}
			}
			// and one of 表四's (not a 总计)
			for i := range n {
				truth := report.Generate(rand.New(rand.NewPCG(uint64(i), 78)), fmt.Sprintf("示例第%d局", i), 2019+i%7)
				rng := rand.New(rand.NewPCG(uint64(i), 10))
				b, c := rng.IntN(len(truth.Appeals)), rng.IntN(len(truth.Appeals[0])-1)
				v, _ := truth.Appeals[b][c].Int()
				truth.Appeals[b][c] = report.N(v + int64(1+rng.IntN(5)))
				r, err := report.Read("r"+l.ext, []byte(l.make(t, truth)))
				if err != nil {
					t.Fatal(err)
				}
				if !slices.ContainsFunc(report.Check(r, nil), func(f report.Finding) bool { return f.Severity == report.SevError }) {
					t.Errorf("report %d: 表四 block %d column %d made wrong, and no error found", i, b, c)
				}
			}
		})
	}
}
