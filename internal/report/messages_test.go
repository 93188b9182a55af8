package report_test

import (
	"path/filepath"
	"strings"
	"testing"

	"gongkai/internal/report"
)

// A reading's finding quotes what it read: never an empty list of numbers
// ("读到 0 个（）") or a row of no cells ("一行应有 0 个数"), which told a
// person checking the report nothing. Before, 表三's rows with no number
// beside their labels were said so in 8 fixtures, and 表四's numbers before
// its first group's name (under the headings of a narrow print's text) in 2.
func TestReadingFindingsQuoteWhatWasRead(t *testing.T) {
	for _, f := range auditFixtures(t) {
		rs, err := report.ReadAll(filepath.Base(f), readFile(t, f))
		if err != nil {
			continue
		}
		for _, r := range rs {
			report.Check(r, nil)
			for _, x := range r.Findings {
				if strings.HasPrefix(x.Rule, "PARSE.") && (strings.Contains(x.Message, "（）") || strings.Contains(x.Message, "应有 0 个数")) {
					t.Errorf("%s: %s %s", filepath.Base(f), x.Rule, x.Message)
				}
			}
		}
	}
	for _, c := range []struct{ file, cell, text string }{
		{"pdftotext-chrome-narrow-blanks-firstcolumn-2023.txt", "appeals", "表四“行政复议”一组之前有 1 个数（1），不属于任何一组"},
		{"pdfminer-blanks-2021.txt", "applications.total", "表三“（七）总计”应有 7 个数，行名旁没有读到数字（可能整行空白，也可能它的数字在别处）"},
	} {
		if r := audit(t, c.file, readFile(t, filepath.Join(auditDir, c.file))); !saysOf(r, "PARSE.TABLE", c.cell, c.text) {
			t.Errorf("%s: no %q", c.file, c.text)
		}
	}
}

// auditFixtures are the paths of every fixture in testdata/audit.
func auditFixtures(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(auditDir, "*"))
	if err != nil || len(files) == 0 {
		t.Fatal("no fixtures", err)
	}
	return files
}
