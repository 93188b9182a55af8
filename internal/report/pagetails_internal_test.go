package report

import (
	"math/rand/v2"
	"testing"
)

// cutCount counts the ways groupCuts makes of one run, so that a group
// with too many is given up without making them: the same number for every
// run whose cuts are made, and more than groupCutsMax where groupCuts gives
// up.
func TestCutCountAsGroupCuts(t *testing.T) {
	for _, c := range []struct {
		run  string
		want int
	}{
		{"0000", 1}, // a 0 is a count of its own
		{"11", 2},   // 1 1, 11
		{"101", 3},  // 1 0 1, 10 1, 101 (not 1 01)
	} {
		if got := cutCount(c.run); got != c.want {
			t.Errorf("cutCount(%q) = %d, want %d", c.run, got, c.want)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		b := make([]byte, 1+rng.IntN(30))
		for i := range b {
			b[i] = "0011123"[rng.IntN(7)]
		}
		run := string(b)
		n, cuts := cutCount(run), groupCuts([]string{run})
		switch {
		case n > groupCutsMax && cuts != nil:
			t.Errorf("%q: %d ways counted, but groupCuts made %d", run, n, len(cuts))
		case n <= groupCutsMax && len(cuts) != n:
			t.Errorf("%q: %d ways counted, groupCuts made %d", run, n, len(cuts))
		}
	}
	if cutCount(string(make([]byte, 0))) != 1 {
		t.Error("an empty run: one way (nothing to cut)")
	}
}
