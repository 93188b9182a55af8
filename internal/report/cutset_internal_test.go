package report

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// cutSet answers as the map of cuts it replaced: the latest cut before a
// place, and the text cut at them in order, whatever the places (outside
// the text too, where a place asked is in it) and wherever they fall against its 64-place words.
func TestCutSetAsMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 2000 {
		n := rng.IntN(300)
		text := strings.Repeat("申a 0", n/5+1)[:n]
		set, model := newCutSet(len(text)), map[int]bool{}
		for range rng.IntN(12) {
			i := rng.IntN(n+80) - 10
			if round%7 == 0 {
				i = rng.IntN(3)*64 + rng.IntN(2)*63 // the words' edges
			}
			set.add(i)
			model[i] = true
		}
		for pos := -2; pos <= n; pos++ { // (asked of places in the text: a heading's)
			want := 0
			for c := range model {
				if c < pos && c > want {
					want = c
				}
			}
			if got := set.prev(pos); got != want {
				t.Fatalf("cuts %v: prev(%d) = %d, want %d", model, pos, got, want)
			}
		}
		var at []int
		for c := range model {
			if c > 0 && c < len(text) {
				at = append(at, c)
			}
		}
		slices.Sort(at)
		var want []string
		prev := 0
		for _, c := range append(at, len(text)) {
			if s := trimSpace(text[prev:c]); s != "" {
				want = append(want, s)
			}
			prev = c
		}
		if got := cutAt(text, set, nil); !slices.Equal(got, want) {
			t.Fatalf("cuts %v of %q: %q, want %q", model, text, got, want)
		}
	}
}
