package report_test

import (
	"path/filepath"
	"testing"
)

// pdftotext's default text of a browser's narrow print of 表四 writes the
// first column alone (结 / 果 / 维 / 持 / 0), then every group's name and
// heading, then the other fourteen numbers with one of 复议后起诉's among
// 行政复议's, before its 总计 (0 | 2 0 0 0 2 | 0 0 0 1 1 | 0 0 1 1 is
// 0 2 0 0 2 | 0 0 0 1 1 | 0 0 0 1 1). Before, the first number was taken for
// one moved from anywhere and the fourteen read in order: 2 upheld where
// the report has 2 corrected (the new fixture), or 表四 left unread. Now
// the first number is the first column's and the one number among the
// first group's moved back wherever every group adds up: the cells every
// such way agrees on are read (the fixture's 复议后起诉 其他结果 / 尚未审结
// left unread: a 1 fits either), said.
func TestT4FirstColumnBeforeTheGroups(t *testing.T) {
	for _, c := range []struct {
		file  string
		right int // cells of 表四 read right, at least
	}{
		{"pdftotext-chrome-narrow-firstcolumn-2022.txt", 13},
		{"pdftotext-chrome-narrow-rowsbeforelabels-2021.txt", 15},
		{"pdftotext-chrome-narrow-blankrows-firstrowsbefore-2023.txt", 15},
		{"pdftotext-chrome-narrow-splitcolumns-2019.txt", 15},
		{"pdftotext-chrome-a5-splitcolumns-2022.txt", 13},
	} {
		if right := t4AsTruth(t, c.file); right < c.right {
			t.Errorf("%s: %d cells of 表四 read right, want %d", c.file, right, c.right)
		}
		r := audit(t, c.file, readFile(t, filepath.Join(auditDir, c.file)))
		noFalseErrors(t, c.file, r)
		if !saysOf(r, "PARSE.READ", "appeals", "紧接在“结果维持”的表头之后、各组组名之前") {
			t.Errorf("%s: the reading not said: %v", c.file, r.Findings)
		}
	}
}

// The same text where no way adds up: not read by the first column (the
// other readings of such a text are left as they were).
func TestT4FirstColumnOnlyWhereItFits(t *testing.T) {
	const file = "pdftotext-chrome-narrow-firstcolumn-2022.txt"
	text := string(readFile(t, filepath.Join(auditDir, file)))
	for _, counts := range []string{
		"0 2 0 0 0 2 0 0 0 1 1 0 0 1 7", // 复议后起诉 adds up no way
		"0 2 0 0 0 3 0 0 0 1 1 0 0 1 1", // nor 行政复议
	} {
		r := audit(t, file, withT4Counts(t, text, counts))
		if saysOf(r, "PARSE.READ", "appeals", "紧接在“结果维持”的表头之后") {
			t.Errorf("%s: read by the first column: %v", counts, r.Findings)
		}
	}
}
