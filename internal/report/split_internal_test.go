package report

import (
	"slices"
	"strings"
	"testing"
)

// Placeholders glued into a row's digits are cells of their own; the digits
// between are cut so that the row adds up; a run of dashes is as many cells
// as the row needs ("——" one, or two of "—"); what cannot make the row's
// cells is no reading at all.
func TestSplitPlaceholders(t *testing.T) {
	for _, x := range []struct {
		toks []string
		want []string // readings, each its cells joined by spaces
	}{
		{[]string{"31////4"}, []string{"3 1 / / / / 4"}},
		{[]string{"31", "/", "/", "/", "/", "4"}, []string{"3 1 / / / / 4"}},
		{[]string{"40", "101", "—244"}, []string{"40 1 0 1 — 2 44"}},                                // a dash before a count is no sign
		{[]string{"3——1————4"}, []string{"3 — — 1 —— —— 4"}},                                        // the only way to seven cells
		{[]string{"5——0000５"}, []string{"5 —— 0 0 0 0 5"}},                                          // full-width digits
		{[]string{"110", "—", "1", "0", "1", "13"}, []string{"1 10 — 1 0 1 13", "11 0 — 1 0 1 13"}}, // the table's columns decide
		{[]string{"3", "1", "0", "0", "0", "0", "4"}, nil},                                          // no placeholder: not this reader's
		{[]string{"31////////4"}, nil},                                                              // too many cells
		{[]string{"2", "—", "—", "3"}, nil},                                                         // too few
		{[]string{"7", "/", "/", "/", "/", "/", "9"}, []string{"7 / / / / / 9"}},                    // the report's own error, read as printed
		{[]string{"5无无0空05"}, []string{"5 无 无 0 空 0 5"}},
	} {
		var got []string
		for _, cells := range splitPlaceholders(x.toks, NumCols, NumCols, countMarks) {
			got = append(got, strings.Join(cells, " "))
		}
		if slices.Sort(got); !slices.Equal(got, x.want) {
			t.Errorf("%q: %q, want %q", x.toks, got, x.want)
		}
	}
	// a label keeps its words; the run after them is the cells
	if head, run, ok := tailPlaceholderRun("二、上年结转政府信息公开申请数量31//／/4", countMarks); !ok || head != "二、上年结转政府信息公开申请数量" || strings.Join(run, " ") != "31 / / ／ / 4" {
		t.Errorf("tail: %q %q %v", head, run, ok)
	}
	// a date a browser prints at the top of a page is no row of cells
	if placeholderRun("2025/1/20", countMarks) || placeholderRun("2024/12/31", countMarks) || !placeholderRun("3/0/12", countMarks) {
		t.Error("a date taken for cells, or cells for a date")
	}
	for _, s := range []string{"1.本机关不掌握相关政府信息", "数量/", "数量12", "4.//", "4.无正当理由大量反复申请", "打印于2025/1/20"} {
		if _, _, ok := tailPlaceholderRun(s, countMarks); ok {
			t.Errorf("%q cut as a run of cells", s)
		}
	}
}

// Whatever the tokens, a reading of placeholders among digits has the row's
// number of cells, each a placeholder or a count without leading zeros, and
// its numbers are the input's digits in order: none lost, none made up. The
// search stays within its budget (the fuzzer's time limit would say).
func FuzzSplitPlaceholders(f *testing.F) {
	for _, s := range []string{"31////4", "40 101 —244", "3——1————4", "无13无", "21/141///1////0", "0/0", "5无无0空05", "１/２", "—————————————"} {
		f.Add(s)
	}
	digits := func(ss []string) string {
		var b strings.Builder
		for _, s := range ss {
			for _, r := range s {
				if r >= '０' && r <= '９' {
					r = r - '０' + '0'
				}
				if r >= '0' && r <= '9' {
					b.WriteRune(r)
				}
			}
		}
		return b.String()
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 200 {
			return
		}
		toks := strings.Fields(s)
		for _, c := range []struct {
			n, g int
			m    marks
		}{{NumCols, NumCols, countMarks}, {15, 5, countMarks}, {3, 0, marks{}}} {
			for _, cells := range splitPlaceholders(toks, c.n, c.g, c.m) {
				if len(cells) != c.n {
					t.Fatalf("%q as %d cells: %q", s, c.n, cells)
				}
				var nums []string
				for _, x := range cells {
					if placeholderTok(x) {
						continue
					}
					if x == "" || (len(x) > 1 && x[0] == '0') || strings.ContainsFunc(x, func(r rune) bool { return r < '0' || r > '9' }) {
						t.Fatalf("%q: cell %q of %q", s, x, cells)
					}
					nums = append(nums, x)
				}
				if digits(nums) != digits(toks) {
					t.Fatalf("%q read as %q: digits %s, not %s", s, cells, digits(nums), digits(toks))
				}
			}
		}
	})
}
