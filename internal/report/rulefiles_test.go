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

// Each published-text example in testdata/rules raises its rule when audited;
// -update rewrites testdata/rules/RULE.txt (and RULE.prev.txt) first.
func TestRuleFiles(t *testing.T) {
	for _, rule := range report.Rules {
		if rule.ID == "REC.MISMATCH" || rule.ID == "PUB.DIFF" || rule.ID == "X.SAME_YEAR" {
			continue // compare with an agency's records, saved report or another file: internal/ops and internal/auditor test them
		}
		p := filepath.Join(rulesDir, rule.ID+".txt")
		txt, prevTxt := ruleFile(t, rule.ID)
		if *update && txt != "" {
			os.WriteFile(p, []byte(txt), 0o644)
			if prevTxt != "" {
				os.WriteFile(filepath.Join(rulesDir, rule.ID+".prev.txt"), []byte(prevTxt), 0o644)
			}
		}
		t.Run(rule.ID, func(t *testing.T) {
			data := readFile(t, p)
			if string(data) != txt {
				t.Fatalf("%s is stale: go test ./internal/report -run TestRuleFiles -update", p)
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
