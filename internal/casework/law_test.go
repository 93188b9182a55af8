package casework

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"gongkai/internal/errs"
)

// The rules a legal review found wrong (issue 9), one test each.

// 1. The payment period runs from the day after the applicant receives the
// fee notice, not from the notice's date.
func TestFeePeriodFromDelivery(t *testing.T) {
	c, _ := NewCase(intake(2, Online, "2026-04-28"), clerk, at("2026-04-28"), cal)
	if _, err := c.Apply(Step{Kind: KindFeeNotice, On: D("2026-05-06"), Method: FeeByPages, Pages: 120}, clerk, at("2026-05-06"), cfg, cal); err != nil {
		t.Fatal(err)
	}
	// 20 working days from the notice's date end on 2026-06-02 (hand count in
	// TestFiftyCases); without a delivery date the applicant is still in time.
	_, err := c.Apply(Step{Kind: KindFeeLapsed, On: D("2026-06-03")}, clerk, at("2026-06-03"), cfg, cal)
	if errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), "送达日期未登记") {
		t.Fatalf("lapse without a delivery date: %v", err)
	}
	dl, _ := c.Deadline(cfg, cal, D("2026-05-07"))
	if dl.Extra != 0 || !strings.Contains(dl.ExtraNote, "送达日期尚未登记") {
		t.Errorf("payment period before delivery: %+v", dl)
	}
	// delivered by post, signed for on 5/11: 5/12–15(1–4) 5/18–22(5–9) 5/25–29(10–14) 6/1–5(15–19) 6/8(20)
	if _, err := c.Apply(Step{Kind: KindFeeDelivered, On: D("2026-05-11")}, clerk, at("2026-05-11"), cfg, cal); err != nil {
		t.Fatal(err)
	}
	dl, _ = c.Deadline(cfg, cal, D("2026-05-12"))
	if dl.Extra != D("2026-06-08") || dl.ExtraWhat != "缴费期限" {
		t.Errorf("payment period: %+v", dl)
	}
	if _, err := c.Apply(Step{Kind: KindFeeLapsed, On: D("2026-06-08")}, clerk, at("2026-06-08"), cfg, cal); errs.KindOf(err) != errs.Conflict {
		t.Errorf("lapse on the last day of the period accepted: %v", err)
	}
	if _, err := c.Apply(Step{Kind: KindFeeLapsed, On: D("2026-06-09")}, clerk, at("2026-06-09"), cfg, cal); err != nil {
		t.Errorf("lapse after the period: %v", err)
	}
	if c.Outcome != "no_fee_paid" {
		t.Errorf("outcome %s", c.Outcome)
	}
	// the letter's words and its arithmetic agree: from receipt, no date while unknown
	l, _ := LetterFor(c, 2, ag, "x", cfg, cal)
	if txt := l.Text(); !strings.Contains(txt, "自收到本通知之日起20个工作日内缴纳") || strings.Contains(txt, "6月2日") {
		t.Errorf("fee letter:\n%s", txt)
	}
}

// 2. A defective application is registered, flagged, and the 补正 notice
// comes first among its next steps.
func TestDefectiveApplicationRegistered(t *testing.T) {
	noID := intake(0, InPerson, "2026-03-02")
	noID.Applicant.IDType, noID.Applicant.IDNum = "", ""
	badDigit := intake(0, LetterSigned, "2026-03-02")
	badDigit.Applicant.IDNum = "110105194912310021"
	for name, in := range map[string]Intake{"no id type": noID, "wrong check digit": badDigit} {
		c, err := NewCase(in, clerk, at("2026-03-02"), cal)
		if err != nil {
			t.Fatalf("%s: refused: %v", name, err)
		}
		d := c.Defects()
		if len(d) == 0 {
			t.Fatalf("%s: no defect flagged", name)
		}
		if name == "no id type" && d[0].Where != "applicant.id_type" || name == "wrong check digit" && d[0].Where != "applicant.id_number" {
			t.Errorf("%s: defect at %s", name, d[0].Where)
		}
		if next := c.Allowed(cfg, cal); len(next) == 0 || next[0] != KindRequestCorrection {
			t.Errorf("%s: next steps %v", name, next)
		}
		dl, _ := c.Deadline(cfg, cal, D("2026-03-03"))
		// 7 working days from 3/2: 3/3–6(1–4) 3/9–11(5–7)
		if dl.Extra != D("2026-03-11") || dl.ExtraWhat != "补正告知期限" || !strings.Contains(strings.Join(dl.Why, ""), "第三十条") {
			t.Errorf("%s: %+v", name, dl)
		}
		// the public form still refuses it, at the field
		if err := in.Validate(); err == nil || errs.Fields(err)[d[0].Where] == "" {
			t.Errorf("%s: public validation: %v", name, err)
		}
	}
}

// 3. 部分公开 requires the reasons for the withheld part, and the letter states them.
func TestPartialDisclosureNeedsGrounds(t *testing.T) {
	c, _ := NewCase(intake(0, Online, "2026-03-02"), clerk, at("2026-03-02"), cal)
	_, err := c.Apply(Step{Kind: KindDecide, On: D("2026-03-10"), Outcome: "partly_disclosed"}, approver, at("2026-03-10"), cfg, cal)
	if errs.Fields(err)["grounds"] == "" {
		t.Fatalf("partial disclosure without grounds: %v", err)
	}
	if _, err := c.Apply(Step{Kind: KindDecide, On: D("2026-03-10"), Outcome: "partly_disclosed", Grounds: []OutcomeID{"third_party", "not_gov_info"}},
		approver, at("2026-03-10"), cfg, cal); err != nil {
		t.Fatal(err)
	}
	l, _ := LetterFor(c, 2, ag, "x", cfg, cal)
	if txt := l.Text(); !strings.Contains(txt, "不予公开部分的理由") || !strings.Contains(txt, "第十五条") || !strings.Contains(txt, "第二条所称的政府信息") {
		t.Errorf("letter:\n%s", txt)
	}
}

// 4. A consultation started after the reply period expired is refused, as
// extensions and fee notices are.
func TestConsultationAfterExpiry(t *testing.T) {
	c, _ := NewCase(intake(0, Online, "2024-04-22"), clerk, at("2024-04-22"), cal)
	// 4/23–26(1–4) 4/28 Sun上班(5) 4/29–30(6–7) [劳动节] 5/6–10(8–12) 5/11 Sat上班(13) 5/13–17(14–18) 5/20–21(19–20)
	_, err := c.Apply(Step{Kind: KindConsult, On: D("2024-05-22"), Party: "某公司"}, clerk, at("2024-05-22"), cfg, cal)
	if errs.KindOf(err) != errs.Conflict || errs.Fields(err)["on"] == "" {
		t.Fatalf("late consultation: %v", err)
	}
	dl, _ := c.Deadline(cfg, cal, D("2024-05-22"))
	if dl.Due != D("2024-05-21") || !dl.Overdue || dl.OverdueDays() != 1 {
		t.Errorf("still overdue: %+v", dl)
	}
}

// 5. A 36(七) referral gets the ordinary remedy; 不予公开 says 应当先 apply for 复议.
func TestReviewFirstWording(t *testing.T) {
	q := decided(t, "query_service", "2026-01-05")
	l, _ := LetterFor(q, 2, ag, "x", cfg, cal)
	if strings.Contains(l.Remedy, "应当先") || !strings.Contains(l.Remedy, "6个月内") {
		t.Errorf("query_service remedy: %s", l.Remedy)
	}
	w := decided(t, "state_secret", "2026-01-05")
	l, _ = LetterFor(w, 2, ag, "x", cfg, cal)
	if !strings.Contains(l.Remedy, "应当先自收到本答复之日起60日内向新乡市卫滨区人民政府申请行政复议") {
		t.Errorf("withheld remedy: %s", l.Remedy)
	}
	// which outcomes are 复议前置 is a setting
	c2 := cfg
	c2.ReviewFirst = nil
	if r := Remedy(OutcomeByID("state_secret"), D("2026-01-05"), ag, "答复", c2); strings.Contains(r, "应当先") {
		t.Errorf("setting ignored: %s", r)
	}
	c2.NonLitigableRemedy = RemedyNone
	if r := Remedy(OutcomeByID("repeat"), D("2026-01-05"), ag, "答复", c2); r != "" {
		t.Errorf("non-litigable remedy left in: %s", r)
	}
}

// 6. Applications received before 2019-05-15 have 15 (+15) working days; letters
// dated before 2024-01-01 name both 复议机关 the old law allowed.
func TestHistoricalRules(t *testing.T) {
	c, err := NewCase(intake(0, InPerson, "2019-05-10"), clerk, at("2019-05-10"), cal)
	if err != nil {
		t.Fatal(err)
	}
	// 5/13–17(1–5) 5/20–24(6–10) 5/27–31(11–15)
	dl, _ := c.Deadline(cfg, cal, D("2019-05-13"))
	if dl.Due != D("2019-05-31") || !strings.Contains(dl.Why[0], "2007年《条例》第二十四条") {
		t.Fatalf("old-law period: %+v", dl)
	}
	if _, err := c.Apply(Step{Kind: KindExtend, On: D("2019-05-30"), Note: "需调取档案"}, approver, at("2019-05-30"), cfg, cal); err != nil {
		t.Fatal(err)
	}
	// +15: 6/3–6(1–4) [端午 6/7] 6/10–14(5–9) 6/17–21(10–14) 6/24(15)
	if dl, _ = c.Deadline(cfg, cal, D("2019-05-31")); dl.Due != D("2019-06-24") {
		t.Errorf("old-law extension: %+v", dl)
	}
	l, _ := LetterFor(c, 2, ag, "x", cfg, cal)
	if !strings.Contains(l.Text(), "延长15个工作日") {
		t.Errorf("extension letter:\n%s", l.Text())
	}
	old := ag
	old.UpperDepartment = "新乡市教育局"
	if r := Remedy(OutcomeByID("disclosed"), D("2023-06-01"), old, "答复", cfg); !strings.Contains(r, "新乡市卫滨区人民政府或者新乡市教育局") {
		t.Errorf("old remedy: %s", r)
	}
	if r := Remedy(OutcomeByID("disclosed"), D("2024-06-03"), old, "答复", cfg); strings.Contains(r, "新乡市教育局") {
		t.Errorf("new remedy names the old organ: %s", r)
	}
}

// The words of the letters: no doubled verb, 您 for a person and 贵单位 for an
// organisation, and no bare article.
func TestLetterWording(t *testing.T) {
	in := intake(0, InPerson, "2026-03-02")
	c, _ := NewCase(in, clerk, at("2026-03-02"), cal)
	c.Apply(Step{Kind: KindDecide, On: D("2026-03-03"), Outcome: "confirm_or_reissue"}, clerk, at("2026-03-03"), cfg, cal)
	l, _ := LetterFor(c, 2, ag, "x", cfg, cal)
	txt := l.Text()
	if strings.Contains(txt, "提交提交") || strings.Contains(txt, "（单位）") || !strings.Contains(txt, "收到您当面提交的") {
		t.Errorf("person's letter:\n%s", txt)
	}
	if strings.Contains(txt, "条例》第三十六条的规定") {
		t.Errorf("bare article 36:\n%s", txt)
	}
	org := intake(1, Email, "2026-03-02")
	c2, _ := NewCase(org, clerk, at("2026-03-02"), cal)
	c2.Apply(Step{Kind: KindDecide, On: D("2026-03-03"), Outcome: "disclosed"}, clerk, at("2026-03-03"), cfg, cal)
	l, _ = LetterFor(c2, 2, ag, "x", cfg, cal)
	if txt := l.Text(); !strings.Contains(txt, "收到贵单位通过电子邮件提交的") || strings.Contains(txt, "您") {
		t.Errorf("organisation's letter:\n%s", txt)
	}
}

// An undo withdraws the last step, by the head of the office, with a reason;
// the history keeps both.
func TestUndoLastStep(t *testing.T) {
	c, _ := NewCase(intake(0, Online, "2026-03-02"), clerk, at("2026-03-02"), cal)
	c.Apply(Step{Kind: KindDecide, On: D("2026-03-05"), Outcome: "not_exist"}, clerk, at("2026-03-05"), cfg, cal)
	if _, err := c.Apply(Step{Kind: KindUndo, On: D("2026-03-06"), Note: "误选结果"}, clerk, at("2026-03-06"), cfg, cal); errs.KindOf(err) != errs.Conflict {
		t.Fatalf("undo by a clerk: %v", err)
	}
	if _, err := c.Apply(Step{Kind: KindUndo, On: D("2026-03-06")}, approver, at("2026-03-06"), cfg, cal); errs.Fields(err)["note"] == "" {
		t.Fatalf("undo without a reason: %v", err)
	}
	if _, err := c.Apply(Step{Kind: KindUndo, On: D("2026-03-06"), Note: "误选结果"}, approver, at("2026-03-06"), cfg, cal); err != nil {
		t.Fatal(err)
	}
	if c.State != Processing || c.Outcome != "" || !c.Undone(2) || len(c.Events) != 3 || c.HasLetter(2) {
		t.Fatalf("after undo: %s %s %+v", c.State, c.Outcome, c.Events)
	}
	// a step dated before the undo but after the last effective step is fine
	if _, err := c.Apply(Step{Kind: KindDecide, On: D("2026-03-05"), Outcome: "disclosed"}, clerk, at("2026-03-06"), cfg, cal); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Apply(Step{Kind: KindUndo, On: D("2026-03-06"), Note: "x", Undoes: 2}, approver, at("2026-03-06"), cfg, cal); !errors.Is(err, err) || errs.KindOf(err) != errs.Conflict {
		t.Errorf("undo of an earlier step: %v", err)
	}
}

// A complete application is offered the 补正 notice too (after the answer).
func TestCorrectionOffered(t *testing.T) {
	c, _ := NewCase(intake(0, Online, "2026-03-02"), clerk, at("2026-03-02"), cal)
	next := c.Allowed(cfg, cal)
	if len(next) < 2 || next[0] != KindDecide || !slices.Contains(next, KindRequestCorrection) {
		t.Errorf("next steps %v", next)
	}
}
