package report_test

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// Markdown as converters and editors vary it — alignment colons under the
// header, bold numbers, rows without their outer pipes, wide padding,
// indented rows, a table quoted whole (> |) — on every Markdown layout: no
// cell read wrong, 99.5 % read. Before, a quoted table read nine cells in
// ten (an OCR'd one, one in twelve).
func TestMarkdownVariantsNeverMisread(t *testing.T) {
	perturbs := map[string]perturbation{
		"align-colons": func(_ *rand.Rand, s string) string {
			return regexp.MustCompile(`\|( *)-{3,}( *)`).ReplaceAllString(s, "|$1:---:$2")
		},
		"bold-numbers": func(_ *rand.Rand, s string) string {
			return regexp.MustCompile(`\| (\d+) `).ReplaceAllString(s, "| **$1** ")
		},
		"no-outer-pipes": func(_ *rand.Rand, s string) string {
			ls := strings.Split(s, "\n")
			for i, l := range ls {
				t := strings.TrimSpace(l)
				if strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|") && len(t) > 2 {
					ls[i] = strings.TrimSpace(t[1 : len(t)-1])
				}
			}
			return strings.Join(ls, "\n")
		},
		"wide-padding": func(_ *rand.Rand, s string) string {
			return strings.ReplaceAll(s, " | ", "    |    ")
		},
		"indented": func(_ *rand.Rand, s string) string {
			return strings.ReplaceAll(s, "\n|", "\n   |")
		},
		"blockquote": func(_ *rand.Rand, s string) string {
			return strings.ReplaceAll(s, "\n|", "\n> |")
		},
	}
	underPerturbations(t, []string{".md"}, perturbs, 10, 0.995)
}
