package report_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gongkai/internal/report"
)

const rulesDir = "../../testdata/rules"

// ruleFile is the failing case of a rule as a published text report (and last
// year's, for the cross-year rules).
func ruleFile(t testing.TB, id string) (string, string) {
	c := ruleCases[id]
	if c.mut != nil {
		return c.mut(baseText(t)), ""
	}
	r := base()
	prev := c.fail(r)
	var b, p strings.Builder
	renderText(t, &b, r)
	if prev != nil {
		renderText(t, &p, prev)
	}
	return b.String(), p.String()
}

// TestUpdateRuleFiles writes testdata/rules/RULE.txt (and RULE.prev.txt) with -update.
func TestUpdateRuleFiles(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite testdata/rules")
	}
	for _, rule := range report.Rules {
		txt, prev := ruleFile(t, rule.ID)
		if txt == "" {
			continue
		}
		os.WriteFile(filepath.Join(rulesDir, rule.ID+".txt"), []byte(txt), 0o644)
		if prev != "" {
			os.WriteFile(filepath.Join(rulesDir, rule.ID+".prev.txt"), []byte(prev), 0o644)
		}
	}
}

// Each published-text example in testdata/rules raises its rule when audited.
func TestRuleFiles(t *testing.T) {
	for _, rule := range report.Rules {
		p := filepath.Join(rulesDir, rule.ID+".txt")
		txt, prevTxt := ruleFile(t, rule.ID)
		t.Run(rule.ID, func(t *testing.T) {
			data := readFile(t, p)
			if string(data) != txt {
				t.Fatalf("%s is stale: go test ./internal/report -run TestUpdateRuleFiles -update", p)
			}
			r, err := report.Read(p, data)
			if err != nil {
				t.Fatal(err)
			}
			var prev *report.Report
			if prevTxt != "" {
				if prev, err = report.Read("prev", readFile(t, filepath.Join(rulesDir, rule.ID+".prev.txt"))); err != nil {
					t.Fatal(err)
				}
			}
			if got := findingRules(report.Check(r, prev)); !slices.Contains(got, rule.ID) {
				t.Errorf("%s: got %v", p, got)
			}
		})
	}
}
