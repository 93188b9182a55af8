package report

import (
	"fmt"
	"strings"
	"testing"
)

func TestMismatch(t *testing.T) {
	mk := zeroReport
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
	pub, saved := differingPair()
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

// Two reports of one agency and year read in one audit (a page and its PDF)
// are compared cell by cell where both have a number, as the auditor keeps
// them (reduced, packed and unpacked) as whole ones; the findings go among
// the report's in the rules' order, at most eight.
func TestSameYear(t *testing.T) {
	r, other := differingPair()
	other.Appeals[1][4] = N(1)
	mk := zeroReport
	reduced := func(r *Report) *Report {
		c := r.CrossYear()
		u := c.Pack().Unpack()
		return u.Report()
	}
	want := []string{"proactive.normative_documents.issued", "applications.new[natural]", "appeals.suit_direct.total"}
	for name, pair := range map[string][2]*Report{"whole": {r, other}, "reduced": {reduced(r), reduced(other)}} {
		fs := SameYear(pair[0], pair[1], "报告.pdf")
		var cells []string
		for _, f := range fs {
			if f.Rule != "X.SAME_YEAR" || f.Severity != SevWarning {
				t.Errorf("%s: finding %+v", name, f)
			}
			cells = append(cells, f.Cell)
		}
		if strings.Join(cells, " ") != strings.Join(want, " ") {
			t.Fatalf("%s: cells %v, want %v", name, cells, want)
		}
		if m := fs[0].Message; !strings.HasPrefix(m, "表二“行政规范性文件”本年制发件数栏：本文件为 3，同一机关同一年度的另一份报告（报告.pdf）为 0") {
			t.Errorf("%s: message %q", name, m)
		}
	}
	if fs := SameYear(reduced(other), other, "x"); len(fs) != 0 {
		t.Errorf("the same report: %v", fs)
	}
	if fs := SameYear(NewReport(Format2019), other, "x"); len(fs) != 1 || !strings.Contains(fs[0].Message, "格式") {
		t.Errorf("another format: %v", fs)
	}
	// 表三's every row counting 5 in both, ten rows' 自然人 6 in one: seven
	// named, the rest counted
	busy := func(n int) *Report {
		r := mk()
		for k, row := range r.Format.T3Rows() {
			x := r.Applications[row.Key]
			x[ColNatural], x[ColTotal] = N(5), N(5)
			if k < n {
				x[ColNatural] = N(6)
			}
			r.Applications[row.Key] = x
		}
		return r
	}
	fs := SameYear(busy(10), busy(0), "x")
	if len(fs) != 8 || fs[7].Cell != "" || !strings.Contains(fs[7].Message, "另有 3 处") {
		t.Errorf("many differences: %d findings, last %+v", len(fs), fs[len(fs)-1])
	}
	// most cells that count anything differing (every row counting 1 against
	// none): not versions of one report, said once
	fs = SameYear(busy(0), mk(), "x")
	if n := 2 * len(mk().Format.T3Rows()); len(fs) != 1 || !strings.Contains(fs[0].Message, fmt.Sprintf("有数字的 %d 处里有 %d 处", n, n)) || !strings.Contains(fs[0].Message, "名称相同的机关") {
		t.Errorf("mostly different: %v", fs)
	}
	// among the report's own findings, in the rules' order
	r.Findings = []Finding{{Rule: "T3.ROWSUM"}, {Rule: "TXT.LATIN"}}
	AddSameYear(r, other, "报告.pdf")
	var order []string
	for _, f := range r.Findings {
		order = append(order, f.Rule)
	}
	if got := strings.Join(order, " "); got != "T3.ROWSUM X.SAME_YEAR X.SAME_YEAR X.SAME_YEAR TXT.LATIN" {
		t.Errorf("findings in order %s", got)
	}
}

// YearCells keeps every cell as it reads back: none, zero, large and
// negative numbers, amounts' texts; a text cut short reads as no more cells.
func TestYearCellsReadBack(t *testing.T) {
	r := NewReport(Format2021)
	r.Zero()
	r.Proactive.SetAmount("fees.amount_wan_yuan", ParseAmount("12.50"))
	r.Proactive.Set("rules.issued", Cell{})
	row := r.Applications["new"]
	row[ColNatural], row[ColOther], row[ColTotal] = N(1<<40), N(-3), Invalid("—")
	r.Applications["new"] = row
	fee, ok := r.Proactive.Amount("fees.amount_wan_yuan").Text()
	if !ok || fee == "" {
		t.Fatal("no amount to keep")
	}
	want := map[string]string{"proactive.fees.amount_wan_yuan": fee, "proactive.rules.issued": "",
		"applications.new[natural]": "1099511627776", "applications.new[other]": "-3", "applications.new[total]": ""}
	s := r.YearCells()
	for _, c := range comparedCells(r.Format) {
		var got string
		got, s = cellText(s, c.money)
		w, ok := want[c.id]
		if !ok {
			w = "0"
		}
		if got != w {
			t.Errorf("%s read back %q, want %q", c.id, got, w)
		}
	}
	if s != "" {
		t.Errorf("%d bytes left", len(s))
	}
	if v, rest := cellText("\x05", true); v != "" || rest != "" {
		t.Errorf("an amount cut short: %q %q", v, rest)
	}
}

// zeroReport is a 2024 report of the 2021 format whose every cell is 0.
func zeroReport() *Report {
	r := NewReport(Format2021)
	r.Year = 2024
	r.Zero()
	return r
}

// differingPair are two zeroReports, the first with 表二's 行政规范性文件
// 本年制发 3 and 表三's first row's 自然人 2 with its 总计 not read, the fee
// written 1.50 in one and 1.5 in the other (the same amount).
func differingPair() (*Report, *Report) {
	a, b := zeroReport(), zeroReport()
	a.Proactive.Set("normative_documents.issued", N(3))
	a.Proactive.SetAmount("fees.amount_wan_yuan", ParseAmount("1.50"))
	b.Proactive.SetAmount("fees.amount_wan_yuan", ParseAmount("1.5"))
	row := a.Applications["new"]
	row[ColNatural], row[ColTotal] = N(2), Cell{} // the total not read from the file
	a.Applications["new"] = row
	return a, b
}
