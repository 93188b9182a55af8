package report

import (
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
