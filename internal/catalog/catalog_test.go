package catalog

import (
	"strings"
	"testing"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/workday"
)

var D = workday.MustDate

func TestIndexPattern(t *testing.T) {
	for _, c := range []struct {
		pattern, want string
	}{
		{DefaultPattern, "MB1234567/2026-00007"},
		{"{code}-{year}{month}-{category}-{serial:3}", "MB1234567-202603-11-007"},
		{"{serial:2}", "07"},
	} {
		got, err := FormatIndex(c.pattern, IndexParts{Code: "MB1234567", FormedOn: D("2026-03-02"), Category: "11", Serial: 7})
		if err != nil || got != c.want {
			t.Errorf("%s: %q %v, want %q", c.pattern, got, err, c.want)
		}
	}
	// a serial past its width is written whole, never cut into a repeat
	if got, _ := FormatIndex("{serial:2}", IndexParts{Serial: 123}); got != "123" {
		t.Errorf("wide serial: %q", got)
	}
	// braces in the code cannot inject a part
	if got, _ := FormatIndex(DefaultPattern, IndexParts{Code: "{serial:9}", FormedOn: D("2026-03-02"), Serial: 1}); got != "serial:9/2026-00001" {
		t.Errorf("code with braces: %q", got)
	}
	for _, bad := range []string{"", "{code}-{year}", "{code}-{serial:5}-{serial:2}", "{serial:0}", "{serial:5}-{agency}", "{serial:5"} {
		if err := CheckPattern(bad); err == nil {
			t.Errorf("pattern %q accepted", bad)
		}
	}
	if SerialScope("{code}-{serial:5}", D("2026-03-02")) != "all" || SerialScope(DefaultPattern, D("2026-03-02")) != "2026" {
		t.Error("a pattern without the year must number across years")
	}
	// a person types and reads the parts in Chinese, braces and colon as
	// an input method gives them; the stored form is unchanged
	for typed, stored := range map[string]string{
		"{机构代码}/{年}-{流水号:5}":         DefaultPattern,
		"｛机构代码｝-{年}{月}-{类别}-｛流水号：3｝": "{code}-{year}{month}-{category}-{serial:3}",
		" {code}/{year}-{serial:5} ": DefaultPattern,
	} {
		if got := PatternFromForm(typed); got != stored {
			t.Errorf("typed %q: stored %q, want %q", typed, got, stored)
		}
	}
	if got := PatternForForm("{code}-{year}{month}-{category}-{serial:3}"); got != "{机构代码}-{年}{月}-{类别}-{流水号:3}" {
		t.Errorf("shown as %q", got)
	}
	if err := CheckPattern(PatternFromForm("{机构代码}-{部门}-{流水号:5}")); err == nil || !strings.Contains(errs.Message(err), "“{部门}”不认识：可用 {机构代码} {年}") {
		t.Errorf("an unknown part: %v", err)
	}
}

func TestTimeliness(t *testing.T) {
	cal := workday.Default()
	it := Item{FormedOn: D("2026-09-25"), Attribute: Active, State: Draft}
	// 20 working days after 2026-09-25 (中秋) across 国庆, with the
	// Saturday 2026-10-10 a working day
	due, err := it.Due(cal)
	if err != nil || due != D("2026-10-29") {
		t.Fatalf("due %s %v", due, err)
	}
	if tm := it.Timeliness(cal, D("2026-10-26")); !tm.Soon || tm.Overdue || tm.Left != 3 {
		t.Errorf("three days before: %+v", tm)
	}
	if tm := it.Timeliness(cal, D("2026-11-03")); !tm.Overdue || tm.Left != -3 {
		t.Errorf("after: %+v", tm)
	}
	pub := D("2026-11-02")
	it.PublishedOn, it.State = &pub, Published
	if tm := it.Timeliness(cal, D("2026-12-01")); !tm.Late || tm.Overdue {
		t.Errorf("published late: %+v", tm)
	}
	it.Attribute = OnRequest
	if tm := it.Timeliness(cal, D("2026-12-01")); !tm.NotAsked {
		t.Error("依申请公开 has no Art. 26 period")
	}
}

// ChainComplete judges the record as a whole: a history where one person
// passed two reviews (written around the step checks) is refused.
func TestChainComplete(t *testing.T) {
	cfg := DefaultConfig()
	it := &Item{State: Approved, Cycle: 1, CreatedBy: "甲", CreatedByID: "u1"}
	rev := func(stage int, key, name string, role casework.Role) Review {
		return Review{Cycle: 1, Stage: stage, ByKey: key, By: name, Role: role, Decision: Pass}
	}
	proofs := []Proof{{Cycle: 1, Pass: 1}, {Cycle: 1, Pass: 2}, {Cycle: 1, Pass: 3}}
	ok := History{Reviews: []Review{rev(1, "u2", "乙", casework.Clerk), rev(2, "u3", "丙", casework.Clerk), rev(3, "u4", "丁", casework.Approver)}, Proofs: proofs}
	if err := ChainComplete(it, ok, cfg); err != nil {
		t.Fatal(err)
	}
	for name, h := range map[string]History{
		"same person twice":   {Reviews: []Review{rev(1, "u2", "乙", casework.Clerk), rev(2, "u2", "乙", casework.Clerk), rev(3, "u4", "丁", casework.Approver)}, Proofs: proofs},
		"the author reviewed": {Reviews: []Review{rev(1, "u1", "甲", casework.Clerk), rev(2, "u3", "丙", casework.Clerk), rev(3, "u4", "丁", casework.Approver)}, Proofs: proofs},
		"终审 not by a head":    {Reviews: []Review{rev(1, "u2", "乙", casework.Clerk), rev(2, "u3", "丙", casework.Clerk), rev(3, "u4", "丁", casework.Clerk)}, Proofs: proofs},
		"two reviews":         {Reviews: ok.Reviews[:2], Proofs: proofs},
		"two proofs":          {Reviews: ok.Reviews, Proofs: proofs[:2]},
		"an earlier round":    {Reviews: []Review{{Cycle: 0, Stage: 1, ByKey: "u2", Role: casework.Clerk, Decision: Pass}}, Proofs: proofs},
	} {
		if err := ChainComplete(it, h, cfg); errs.KindOf(err) != errs.Conflict {
			t.Errorf("%s: %v", name, err)
		}
	}
	// same name, different people: two people
	twins := History{Reviews: []Review{rev(1, "u2", "王芳", casework.Clerk), rev(2, "u3", "王芳", casework.Clerk), rev(3, "u4", "丁", casework.Approver)}, Proofs: proofs}
	if err := ChainComplete(it, twins, cfg); err != nil {
		t.Errorf("namesakes: %v", err)
	}
	// a shorter chain when an agency sets one
	if err := ChainComplete(it, History{Reviews: []Review{rev(1, "u4", "丁", casework.Approver)}, Proofs: proofs[:1]}, Config{Reviews: 1}); err != nil {
		t.Errorf("one review: %v", err)
	}
}

func TestNormativeTable(t *testing.T) {
	rep, exp := D("2025-06-30"), D("2025-05-31")
	end := D("2025-12-31")
	docs := []Document{
		{Kind: Normative, IssuedOn: D("2023-01-01")},                                                            // in force
		{Kind: Normative, IssuedOn: D("2025-02-01")},                                                            // issued, in force
		{Kind: Normative, IssuedOn: D("2024-02-01"), RepealedOn: &rep},                                          // repealed this year
		{Kind: Normative, IssuedOn: D("2024-02-01"), ExpiresOn: &exp},                                           // lapsed this year
		{Kind: Normative, IssuedOn: D("2024-02-01"), ExpiresOn: &end, Amended: []workday.Date{D("2025-09-01")}}, // in force to the last day
		{Kind: Rule, IssuedOn: D("2026-01-05")},                                                                 // next year
	}
	got := Table(docs, 2025, Counting{})
	if got[Normative] != (T2Counts{Issued: 1, Repealed: 1, InForce: 3}) || got[Rule] != (T2Counts{}) {
		t.Errorf("default counting: %+v", got)
	}
	got = Table(docs, 2025, Counting{ExpiryIsRepeal: true, AmendmentIssues: true})
	if got[Normative] != (T2Counts{Issued: 2, Repealed: 2, InForce: 3}) {
		t.Errorf("expiry and amendments counted: %+v", got)
	}
	t19 := Table2019(docs, 2025)
	if t19[Normative] != (T2Counts2019{NewMade: 1, NewPublished: 1, TotalPublished: 5}) {
		t.Errorf("2019 columns: %+v", t19)
	}
	d := docs[3]
	if d.Validity(D("2025-06-01")) != Expired || docs[2].Validity(D("2025-07-01")) != Repealed || docs[0].Validity(end) != Valid {
		t.Error("validity")
	}
	bad := Document{Kind: "x", IssuedOn: D("2025-07-01"), RepealedOn: &exp}
	f := errs.Fields(bad.Validate())
	if f["kind"] == "" || f["title"] == "" || f["doc_no"] == "" || !strings.Contains(f["repealed_on"], "早于印发日期") {
		t.Errorf("validation: %v", f)
	}
}

func TestItemChecks(t *testing.T) {
	it := &Item{Title: "通知", Summary: "通知", Attribute: Withheld, Body: "联系人手机13800138000。本文件为内部资料，不得外传。we 要 and 做好工作。"}
	var rules []string
	for _, f := range Check(it) {
		rules = append(rules, f.Rule)
	}
	got := strings.Join(rules, " ")
	for _, want := range []string{"SEC.MARK", "SEC.PHONE", "META.ATTRIBUTE", "META.SUMMARY", "TXT.LATIN"} {
		if !strings.Contains(got, want) {
			t.Errorf("%s not found in %s", want, got)
		}
	}
	if strings.Contains(got, "SEC.IDNUM") {
		t.Error("a phone number read as an ID number")
	}
	if Errors(Check(&Item{Title: "关于开展读书月活动的通知", Summary: "读书月活动安排。", Attribute: Active, Body: "各学校：现将有关事项通知如下。"})) != 0 {
		t.Error("a clean item has errors")
	}
}

// A 文号 is written as GB/T 9704 does whatever brackets and digits were
// typed; what is not a year in brackets is left as it is.
func TestNormalizeDocNo(t *testing.T) {
	for in, want := range map[string]string{
		"卫教规〔2026〕1号":        "卫教规〔2026〕1号",
		"卫教规[2026]1号":        "卫教规〔2026〕1号",
		"卫教规（2026）1号":        "卫教规〔2026〕1号",
		"卫教规【２０２６】１号":        "卫教规〔2026〕1号",
		" 卫教规 [ 2026 ] 12号 ": "卫教规〔2026〕12号",
		"卫政办(2019)3号":        "卫政办〔2019〕3号",
		"国发〔2026〕〔3〕号":       "国发〔2026〕〔3〕号",
		"（试行）卫教规1号":          "（试行）卫教规1号",
		"编号(12345)":          "编号(12345)",
	} {
		if got := NormalizeDocNo(in); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
	it := Item{DocNo: "卫教发[2026]5号"}
	it.Normalize()
	if it.DocNo != "卫教发〔2026〕5号" {
		t.Errorf("an item's 文号: %q", it.DocNo)
	}
}

// The documents whose 有效期 ends within the window, the soonest first: not
// one already lapsed, repealed, or without an end.
func TestExpiring(t *testing.T) {
	day := D("2026-11-24")
	at := func(s string) *workday.Date { d := D(s); return &d }
	docs := []Document{
		{Title: "a", ExpiresOn: at("2027-01-15")},
		{Title: "b", ExpiresOn: at("2027-02-23")}, // 91 days on
		{Title: "c", ExpiresOn: at("2026-11-24")}, // its last day in force
		{Title: "d", ExpiresOn: at("2026-11-23")}, // lapsed yesterday
		{Title: "e", ExpiresOn: at("2026-12-01"), RepealedOn: at("2026-06-01")},
		{Title: "f"},
		{Title: "g", ExpiresOn: at("2027-02-22")}, // the 90th day
	}
	var got []string
	for _, d := range Expiring(docs, day, 90) {
		got = append(got, d.Title)
	}
	if strings.Join(got, "") != "cag" {
		t.Errorf("expiring: %q", got)
	}
}

// A document's fingerprint is what its edit form shows: its catalog item
// does not count, every field the form shows does; DocDiff names those.
func TestDocumentFingerprintIsWhatTheFormShows(t *testing.T) {
	item := int64(9)
	a := Document{ID: 3, Kind: Normative, Title: "甲办法", DocNo: "示〔2026〕1号", IssuedOn: workday.NewDate(2026, 2, 1)}
	b := a
	b.ItemID = &item
	if a.Fingerprint() != b.Fingerprint() || DocDiff(a, b) != "" {
		t.Error("what the form does not show changed the fingerprint")
	}
	b.Amended = []workday.Date{workday.NewDate(2026, 3, 1), workday.NewDate(2026, 5, 1)}
	if a.Fingerprint() == b.Fingerprint() || DocDiff(a, b) != "修订日期 （空） → 2026-03-01、2026-05-01" {
		t.Errorf("an amendment: %q", DocDiff(a, b))
	}
}
