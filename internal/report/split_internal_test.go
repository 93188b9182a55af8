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
