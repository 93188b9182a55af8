package report

import (
	"fmt"
	"slices"
	"testing"
)

// placeInOrder keeps the numbers' order and takes the one placement nearest
// the columns in all, or none: not where two tie or the next is within a
// character, nor where a number lies farther than maxOff from its column.
func TestPlaceInOrder(t *testing.T) {
	at := func(centers ...int) []tok {
		var ts []tok
		for i, c := range centers {
			ts = append(ts, tok{s: string(rune('a' + i)), center: c})
		}
		return ts
	}
	cols := []int{0, 5, 11, 19, 26, 32}
	for _, c := range []struct {
		name string
		ts   []tok
		cols []int
		want []string // nil: no placement
	}{
		{"drifted right", at(1, 5, 15, 20, 28), cols, []string{"a", "b", "c", "d", "e", ""}},
		{"the gap at once", at(0, 5, 20, 26, 32), cols, []string{"a", "b", "", "c", "d", "e"}},
		{"two tie", at(0, 5, 15, 26, 32), cols, nil}, // 15 is 4 from 11 and from 19
		{"the next a character worse", at(0, 8, 20), []int{0, 5, 12, 19}, nil},
		{"too far", at(0, 5, 11, 19, 38), cols, nil},
		{"no blank to place", at(0, 5, 11, 19, 26, 32), cols, nil},
	} {
		got, ok := placeInOrder(c.ts, c.cols, 4)
		if ok != (c.want != nil) || ok && !slices.Equal(got, c.want) {
			t.Errorf("%s: %q %v, want %q", c.name, got, ok, c.want)
		}
	}
}

// columnChoices gives every way of choosing k of n columns in order, as
// many as binomial says.
func TestColumnChoices(t *testing.T) {
	for _, c := range []struct{ n, k int }{{7, 7}, {7, 6}, {7, 5}, {4, 2}} {
		got := columnChoices(c.n, c.k)
		if len(got) != binomial(c.n, c.k) {
			t.Errorf("columnChoices(%d, %d): %d ways, want %d", c.n, c.k, len(got), binomial(c.n, c.k))
		}
		seen := map[string]bool{}
		for _, w := range got {
			if len(w) != c.k || !slices.IsSorted(w) || w[0] < 0 || w[c.k-1] >= c.n {
				t.Errorf("columnChoices(%d, %d): %v", c.n, c.k, w)
			}
			seen[fmt.Sprint(w)] = true
		}
		if len(seen) != len(got) {
			t.Errorf("columnChoices(%d, %d): a way twice", c.n, c.k)
		}
	}
	if got := columnChoices(4, 2); !slices.EqualFunc(got, [][]int{{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}}, slices.Equal) {
		t.Errorf("columnChoices(4, 2) = %v", got)
	}
}
