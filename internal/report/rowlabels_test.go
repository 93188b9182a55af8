package report_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gongkai/internal/report"
)

// A label as short as 3.其他 with one character misread between its number
// and its last character (3.w他: a font that lost a glyph) is its row, said;
// two characters misread is no row, and its numbers are not given to the row
// above whose label came without numbers (they were the wrong row's: a
// wrapped label's first line, 2.申请人逾期未按…, waiting for its numbers).
func TestShortLabelMisread(t *testing.T) {
	src := string(readFile(t, filepath.Join(auditDir, "tab-2021.txt")))
	want := truth().Applications["other.other"]

	got := audit(t, "t.txt", []byte(strings.Replace(src, "\t\t3.其他\t", "\t\t3.w他\t", 1)))
	if got.Applications["other.other"] != want || !slices.Contains(rules(got.Findings, report.SevInfo), "PARSE.READ") {
		t.Errorf("3.w他 read as %v, findings %v", got.Applications["other.other"], got.Findings)
	}

	// the row above without its numbers (a label alone), then 3.口口 with 1 0 0 0 0 0 1
	i := strings.Index(src, "\t\t2.申请人逾期未按收费通知")
	j := strings.Index(src[i:], "\t0\t") + i
	end := strings.Index(src[i:], "\n") + i
	text := src[:j] + src[end:]
	text = strings.Replace(text, "\t\t3.其他\t", "\t\t3.口口\t", 1)
	got = audit(t, "t.txt", []byte(text))
	if v := got.Applications["other.no_fee_paid"]; !v[0].Blank() || !v[6].Blank() {
		t.Errorf("3.口口's numbers given to the row above: %v", v)
	}
	if v := got.Applications["other.other"]; !v[0].Blank() || !slices.ContainsFunc(got.Findings, func(f report.Finding) bool {
		return f.Rule == "PARSE.TABLE" && f.Cell == "applications.other.other"
	}) {
		t.Errorf("other.other read as %v without saying: %v", v, got.Findings)
	}
	for _, f := range got.Findings {
		if f.Severity == report.SevError {
			t.Errorf("error from a row not read: %s %s", f.Rule, f.Message)
		}
	}
}

// A row known only by the last characters of its label on a line of their
// own (开申请: its label's first lines misread), that no numbers come to, was
// not read: "not found" (PARSE.TABLE), not a row the report left blank
// (CELL.BLANK). The PDF re-distilled by Ghostscript has such a row.
func TestRowKnownByAPieceOnly(t *testing.T) {
	r := audit(t, "gs.pdf", readFile(t, filepath.Join(auditDir, "gs-chrome-page-2021.pdf")))
	for _, f := range r.Findings {
		if f.Rule == "CELL.BLANK" {
			t.Errorf("a row not read said blank: %s", f.Message)
		}
	}
	if v := r.Applications["other.no_fee_paid"]; !v[0].Blank() && v != truth().Applications["other.no_fee_paid"] {
		t.Errorf("no_fee_paid read as %v", v)
	}
}
