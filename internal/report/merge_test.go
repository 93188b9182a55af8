package report_test

import (
	"reflect"
	"testing"

	"gongkai/internal/report"
)

// Two people edit one report from the same version: what each changed
// lands, a field both changed differently keeps the later saver's value and
// is named, and the three reports given are left as they were.
func TestMerge(t *testing.T) {
	base := report.NewReport(report.Format2021)
	base.Agency, base.Year = "示例区教育局", 2025
	base.Zero()
	base.Sections["1"], base.Sections["5"], base.Sections["6"] = "概况。", "问题。", "未收费。"
	base.Proactive.Set("rules.issued", report.N(1))
	base.Applications["new"] = report.Row{report.N(3)}

	mine := base.Clone()
	mine.Sections["1"] = "概况，改写。"                          // only mine
	mine.Proactive.Set("rules.issued", report.N(2))        // both, differently
	mine.Proactive.Set("licensing.decisions", report.N(7)) // both, alike
	mine.Appeals[0][0] = report.N(1)                       // only mine

	theirs := base.Clone()
	theirs.Sections["5"] = "问题，对方改写。"                        // only theirs
	theirs.Proactive.Set("rules.issued", report.N(3))        // both, differently
	theirs.Proactive.Set("licensing.decisions", report.N(7)) // both, alike
	theirs.Proactive.SetAmount("fees.amount_wan_yuan", report.ParseAmount("1.5"))
	theirs.Applications["new"] = report.Row{report.N(4)} // the records moved on

	before := []*report.Report{base.Clone(), mine.Clone(), theirs.Clone()}
	got, conflicts, taken := report.Merge(base, mine, theirs)

	if got.Sections["1"] != "概况，改写。" || got.Sections["5"] != "问题，对方改写。" || got.Sections["6"] != "未收费。" {
		t.Errorf("sections: %q", got.Sections)
	}
	if n, _ := got.Proactive.Cell("rules.issued").Int(); n != 2 {
		t.Errorf("a cell both changed = %d, want mine (2)", n)
	}
	if n, _ := got.Proactive.Cell("licensing.decisions").Int(); n != 7 {
		t.Errorf("a cell both changed alike = %d", n)
	}
	if got.Proactive.Amount("fees.amount_wan_yuan").String() != "1.5" {
		t.Errorf("theirs only: %v", got.Proactive.Amount("fees.amount_wan_yuan"))
	}
	if n, _ := got.Appeals[0][0].Int(); n != 1 {
		t.Errorf("表四 mine only = %d", n)
	}
	if n, _ := got.Applications["new"][0].Int(); n != 4 {
		t.Errorf("表三 is theirs (the records): %d", n)
	}
	if len(conflicts) != 1 || conflicts[0].Cell != "proactive.rules.issued" || conflicts[0].From != "3" || conflicts[0].To != "2" ||
		conflicts[0].Where == "" {
		t.Errorf("conflicts: %+v", conflicts)
	}
	var cells []string
	for _, c := range taken {
		cells = append(cells, c.Cell)
	}
	if !reflect.DeepEqual(cells, []string{"proactive.fees.amount_wan_yuan", "sections.5"}) || taken[1].Where != "第五部分“存在的主要问题及改进情况”" {
		t.Errorf("taken: %+v", taken)
	}
	for i, r := range []*report.Report{base, mine, theirs} {
		if len(report.Diff(before[i], r)) > 0 || !reflect.DeepEqual(before[i].Applications, r.Applications) {
			t.Errorf("report %d was changed by the merge", i)
		}
	}
	// the merge is a copy: changing it changes none of them
	got.Sections["6"] = "改。"
	got.Proactive.Set("rules.repealed", report.N(9))
	if theirs.Sections["6"] != "未收费。" || theirs.Proactive.Cell("rules.repealed") == report.N(9) {
		t.Error("the merged report shares maps with theirs")
	}
}

// A blank cell, a number and a typed word are three values.
func TestMergeBlankIsNotZero(t *testing.T) {
	base := report.NewReport(report.Format2019)
	base.Year = 2020
	mine := base.Clone()
	mine.Proactive.Set("rules.new_made", report.N(0))
	theirs := base.Clone()
	theirs.Proactive.Set("rules.new_made", report.ParseCount("无"))
	got, conflicts, _ := report.Merge(base, mine, theirs)
	if len(conflicts) != 1 || conflicts[0].From != "无" || conflicts[0].To != "0" {
		t.Fatalf("conflicts: %+v", conflicts)
	}
	if n, ok := got.Proactive.Cell("rules.new_made").Int(); !ok || n != 0 {
		t.Errorf("merged: %v", got.Proactive.Cell("rules.new_made"))
	}
}
