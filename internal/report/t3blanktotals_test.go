package report_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gongkai/internal/report"
)

// spacedWithoutBlanks writes a row's numbers a space apart with its blank
// cells left out, as a page of a report that leaves its zeros blank reads
// once run into one line.
func spacedWithoutBlanks(label string, nums []string) string {
	if len(nums) != report.NumCols {
		return label + strings.Join(nums, "")
	}
	return label + strings.Join(slices.DeleteFunc(slices.Clone(nums), func(s string) bool { return s == "" }), " ")
}

// A row of a report that leaves its zeros blank, its numbers a space apart
// on a page run into one line, that adds up wherever its blanks are placed
// and however its numbers are cut, is the report's error when the other
// rows' last numbers hold the 总计 column (their numbers their own): said
// as T3.ROWSUM, with the row's 总计 read. Its 总计 misprinted, the column
// holds once that total is what the row's other numbers make: the row's
// error too, and the column's checks say the rest. Before: the row unread,
// no error (42 – 97 of 100 such reports missed over the digit dialects).
func TestBlankRowErrorWhateverTheBlanks(t *testing.T) {
	truth, err := report.Load("truth.json", readFile(t, filepath.Join("testdata", "truth", "flat-blanks-totals-2023.json")))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		col       int
		total     string // the 总计 read
		colErrors bool   // the 总计 column's checks fail too
	}{
		{"an applicant's cell", report.ColNatural, "27", false},
		{"the total", report.ColTotal, "28", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, _ := report.Load("truth.json", truth.ModelJSON())
			row := r.Applications["granted"] // 24 2 1 27, four cells blank
			row[c.col] = report.N(row[c.col].Val() + 1)
			r.Applications["granted"] = row
			got := audit(t, "page.txt", []byte(onelineText(t, r, spacedWithoutBlanks)))
			if !saysOf(got, "T3.ROWSUM", "applications.granted[total]", "无论空白在哪里") {
				t.Errorf("the row's error not said: %v", rules(got.Findings, report.SevError))
			}
			if v := got.Applications["granted"][report.ColTotal].String(); v != c.total {
				t.Errorf("总计 read as %q, want %q", v, c.total)
			}
			errs := rules(got.Findings, report.SevError)
			if col := slices.Contains(errs, "T3.OUTCOMES") || slices.Contains(errs, "T3.BALANCE"); col != c.colErrors {
				t.Errorf("errors %v: the column's said %v, want %v", errs, col, c.colErrors)
			}
			for _, key := range []string{"new", "total"} {
				if got.Applications[key][report.ColTotal] != truth.Applications[key][report.ColTotal] {
					t.Errorf("%s's 总计 read as %v, want %v", key, got.Applications[key][report.ColTotal], truth.Applications[key][report.ColTotal])
				}
			}
		})
	}
}

// A row that never adds up whose numbers but its last make 0 (0 0 0 1) fits
// the 总计 column two ways: its 1 the 总计 misprinted (the column wants 0),
// or another cell, the one in error, with its 总计 left blank. Which cell is
// wrong cannot be told: the 总计 is not read, the row's error is said, and
// the other rows' totals the column holds are read. Before, the 1 was read
// as the 总计 (Chromium's A4 PDF of reports leaving three zeros in ten
// blank, one cell made wrong, through pdftotext -raw: 7 wrong cells in 60,
// 5 now).
func TestBlankRowLastNumberUnplaced(t *testing.T) {
	const file = "pdftotext-raw-chrome-blanks-rowerror-lastone-2022.txt"
	want, r := auditWithModel(t, file)
	cellsAsTruth(t, file, want, r)
	if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
		return f.Rule == "T3.ROWSUM" && f.Cell == "applications.withheld.query_service[total]" && f.Severity == report.SevError
	}) {
		t.Error("the row's error not said")
	}
	if v := r.Applications["withheld.query_service"][report.ColTotal]; !v.Blank() {
		t.Errorf("总计 read as %v, want unread", v)
	}
	for _, f := range r.Findings {
		if f.Severity == report.SevError && f.Rule != "T3.ROWSUM" {
			t.Errorf("a false %s: %s", f.Rule, f.Message)
		}
	}
}
