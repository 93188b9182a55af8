package report_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"gongkai/internal/report"
)

func TestTmpMarkCorpus(t *testing.T) {
	dir := os.Getenv("CORPUS")
	if dir == "" {
		t.Skip()
	}
	mark := os.Getenv("MARK")
	for i := range 20 {
		truth := report.Generate(rand.New(rand.NewPCG(uint64(i), 55)), fmt.Sprintf("示例第%d局", i), 2019+i%7)
		for _, row := range truth.Format.T3Rows() {
			x := truth.Applications[row.Key]
			for c := range x {
				if v, ok := x[c].Int(); ok && v == 0 {
					x[c] = report.Invalid(mark)
				}
			}
			truth.Applications[row.Key] = x
		}
		for b := range truth.Appeals {
			for c := range truth.Appeals[b] {
				if v, ok := truth.Appeals[b][c].Int(); ok && v == 0 {
					truth.Appeals[b][c] = report.Invalid(mark)
				}
			}
		}
		for _, l := range allLayouts() {
			name := filepath.Join(dir, fmt.Sprintf("%s-%d%s", l.name, i, l.ext))
			if err := os.WriteFile(name, []byte(l.make(t, truth)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
