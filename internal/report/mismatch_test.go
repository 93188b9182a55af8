package report

import (
	"strings"
	"testing"
)

func TestMismatch(t *testing.T) {
	mk := func() *Report {
		r := NewReport(Format2021)
		r.Year = 2024
		r.Zero()
		return r
	}
	saved, rec := mk(), mk()
	saved.Proactive.Set("normative_documents.issued", N(3))
	saved.Proactive.SetAmount("fees.amount_wan_yuan", ParseAmount("1.50"))
	rec.Proactive.SetAmount("fees.amount_wan_yuan", ParseAmount("1.5"))
	row := saved.Applications["new"]
	row[ColNatural], row[ColTotal] = N(2), N(2)
	saved.Applications["new"] = row
	saved.Appeals[0][0] = N(1)

	// every part with records is compared; equal amounts written differently agree
	fs := Mismatch(saved, rec, map[string]bool{"2.1": true, "2.ledger": true, "3": true, "4": true})
	var cells []string
	for _, f := range fs {
		if f.Rule != "REC.MISMATCH" || f.Severity != SevWarning {
			t.Errorf("finding %+v", f)
		}
		cells = append(cells, f.Cell)
	}
	want := []string{"proactive.normative_documents.issued", "applications.new[natural]", "applications.new[total]", "appeals.review.upheld"}
	if strings.Join(cells, " ") != strings.Join(want, " ") {
		t.Fatalf("cells %v, want %v", cells, want)
	}
	if !strings.Contains(fs[0].Message, "行政规范性文件") || !strings.Contains(fs[0].Message, "报告为 3，记录为 0") {
		t.Errorf("message %q", fs[0].Message)
	}
	// a part the agency keeps no records of is the clerk's to type
	if fs := Mismatch(saved, rec, map[string]bool{"3": true}); len(fs) != 2 {
		t.Errorf("only 表三 compared: %v", fs)
	}
	// the same numbers: nothing to say
	if fs := Mismatch(rec, rec, map[string]bool{"2.1": true, "2.ledger": true, "3": true, "4": true}); len(fs) != 0 {
		t.Errorf("identical: %v", fs)
	}
}

// A published file is compared with the saved report cell by cell where
// both have a number: a cell the file did not yield says nothing.
func TestPublished(t *testing.T) {
	mk := func() *Report {
		r := NewReport(Format2021)
		r.Year = 2024
		r.Zero()
		return r
	}
	pub, saved := mk(), mk()
	pub.Proactive.Set("normative_documents.issued", N(3))
	pub.Proactive.SetAmount("fees.amount_wan_yuan", ParseAmount("1.50"))
	saved.Proactive.SetAmount("fees.amount_wan_yuan", ParseAmount("1.5"))
	row := pub.Applications["new"]
	row[ColNatural], row[ColTotal] = N(2), Cell{} // the total not read from the file
	pub.Applications["new"] = row
	pub.Appeals[0][0] = N(1)
	fs := Published(pub, saved)
	var cells []string
	for _, f := range fs {
		if f.Rule != "PUB.DIFF" || f.Severity != SevWarning {
			t.Errorf("finding %+v", f)
		}
		cells = append(cells, f.Cell)
	}
	want := []string{"proactive.normative_documents.issued", "applications.new[natural]", "appeals.review.upheld"}
	if strings.Join(cells, " ") != strings.Join(want, " ") {
		t.Fatalf("cells %v, want %v", cells, want)
	}
	if !strings.Contains(fs[0].Message, "发布的报告为 3，本系统中保存的报告为 0") {
		t.Errorf("message %q", fs[0].Message)
	}
	if fs := Published(saved, saved); len(fs) != 0 {
		t.Errorf("the same report: %v", fs)
	}
	other := NewReport(Format2019)
	if fs := Published(other, saved); len(fs) != 1 || !strings.Contains(fs[0].Message, "格式") {
		t.Errorf("another format: %v", fs)
	}
}
