package casework

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"gongkai/internal/clock"
	"gongkai/internal/errs"
	"gongkai/internal/report"
	"gongkai/internal/workday"
)

var D = workday.MustDate

func ptr(d workday.Date) *workday.Date { return &d }

var (
	clerk    = Actor{Name: "张办理", Role: Clerk}
	approver = Actor{Name: "李主任", Role: Approver}
	cal      = workday.Default()
	cfg      = DefaultConfig()
)

// at is a clock stopped at noon Beijing time on a date.
func at(d string) clock.Clock {
	t, _ := time.ParseInLocation("2006-01-02 15:04", d+" 12:00", time.FixedZone("CST", 8*3600))
	return clock.At(t)
}

// intake makes an application received on day by channel, with the channel's
// own confirmation fact (the receipt date is derived, not typed).
func intake(i int, ch Channel, day string) Intake {
	in := Intake{Channel: ch,
		Applicant: Applicant{Type: ApplicantTypes[i%len(ApplicantTypes)].ID, Name: fmt.Sprintf("申请人%d", i), Phone: "13800000000", Email: "a@example.cn"},
		Request:   Request{Description: fmt.Sprintf("第%d号文件", i), Form: "电子", Delivery: "电子邮件"}}
	if in.Applicant.Type == "natural" {
		in.Applicant.IDType, in.Applicant.IDNum = "身份证", "11010519491231002X"
	} else {
		in.Applicant.IDType, in.Applicant.IDNum = "统一社会信用代码", "91110000100011743X"
	}
	d := ptr(D(day))
	switch ch {
	case InPerson:
		in.SubmittedOn = d
	case LetterSigned:
		in.SignedOn = d
	default:
		in.ConfirmedOn = d
	}
	return in
}

type move struct {
	actor Actor
	step  Step
}

// scenario is one path through the process with its deadline worked out by
// hand from the 2024–2026 notices (the counts are in the comments).
type scenario struct {
	name     string
	received string
	moves    []move
	today    string
	due      string // "" while the clock is not running
	state    State
	outcome  OutcomeID
}

var scenarios = []scenario{
	// 2/2(1) 2/4 Sun上班(2) 2/5–9(3–7) [春节 2/10–17] 2/18 Sun上班(8) … 3/5(20)
	{name: "plain reply across 春节", received: "2024-02-01", today: "2024-02-20", due: "2024-03-05", state: Processing},
	{name: "decided on time", received: "2024-02-01", today: "2024-03-01", due: "2024-03-05", state: Closed, outcome: "disclosed",
		moves: []move{{clerk, Step{Kind: KindDecide, On: D("2024-03-01"), Outcome: "disclosed"}}}},
	// notice 4/24 is the 2nd working day (≤7); corrected 4/25; 4/26(1) 4/28 Sun上班(2) … 5/11 Sat上班(10) … 5/24(20)
	{name: "补正 restarts the clock over 劳动节", received: "2024-04-22", today: "2024-05-06", due: "2024-05-24", state: Processing,
		moves: []move{{clerk, Step{Kind: KindRequestCorrection, On: D("2024-04-24"), Note: "请明确所需文件的年份"}},
			{clerk, Step{Kind: KindCorrectionReceived, On: D("2024-04-25")}}}},
	// base 10/16; consultation (9/20, 9/27] = 9/23–27 = 5 days excluded; 10/17(21) 10/18(22) 10/21(23) 10/22(24) 10/23(25)
	{name: "third-party consultation excluded, 国庆", received: "2024-09-12", today: "2024-10-08", due: "2024-10-23", state: Processing,
		moves: []move{{clerk, Step{Kind: KindConsult, On: D("2024-09-20"), Party: "某科技有限公司"}},
			{clerk, Step{Kind: KindConsultEnd, On: D("2024-09-27")}}}},
	// base 2/27; +20: 2/28(21) 3/3–7(22–26) 3/10–14(27–31) 3/17–21(32–36) 3/24–27(37–40)
	{name: "extension after 春节 2025", received: "2025-01-24", today: "2025-02-20", due: "2025-03-27", state: Processing,
		moves: []move{{approver, Step{Kind: KindExtend, On: D("2025-02-20"), Note: "需调取档案"}}}},
	// base 5/28; fee (5/6, 5/12] = 5/7 5/8 5/9 Sat上班 5/11 5/12 = 5 excluded; 5/29(21) 6/1(22) 6/2(23) 6/3(24) 6/4(25)
	{name: "fee notice pauses the clock, 劳动节 2026", received: "2026-04-28", today: "2026-05-13", due: "2026-06-04", state: Processing,
		moves: []move{{clerk, Step{Kind: KindFeeNotice, On: D("2026-05-06"), Method: FeeByPages, Pages: 120}},
			{clerk, Step{Kind: KindFeePaid, On: D("2026-05-12")}}}},
	// base 3/16; consultation (2/12, 3/20] = 22 working days, capped at 15; 3/17–20(21–24) 3/23–27(25–29) 3/30–4/3(30–34) [清明 4/4–6] 4/7(35)
	{name: "consultation beyond 15 days counts, 春节 and 清明 2026", received: "2026-02-10", today: "2026-03-23", due: "2026-04-07", state: Processing,
		moves: []move{{clerk, Step{Kind: KindConsult, On: D("2026-02-12"), Party: "市自然资源局"}},
			{clerk, Step{Kind: KindConsultEnd, On: D("2026-03-20")}}}},
	// 12/25(1) 12/26(2) 12/29–31(3–5) [元旦 1/1–3] 1/4 Sun上班(6) … 1/22(20)
	{name: "across the year into 2026", received: "2025-12-24", today: "2026-01-05", due: "2026-01-22", state: Processing},
	// correction period 15 from 4/24: 4/25(1) 4/26(2) 4/28(3) 4/29(4) 4/30(5) 5/6–10(6–10) 5/11(11) 5/13–16(12–15)
	{name: "补正 not received", received: "2024-04-22", today: "2024-05-17", state: Closed, outcome: "no_correction",
		moves: []move{{clerk, Step{Kind: KindRequestCorrection, On: D("2024-04-24"), Note: "请提供身份证明"}},
			{clerk, Step{Kind: KindCorrectionLapsed, On: D("2024-05-17")}}}},
	{name: "waiting for 补正", received: "2024-04-22", today: "2024-05-06", state: AwaitingCorrection,
		moves: []move{{clerk, Step{Kind: KindRequestCorrection, On: D("2024-04-24"), Note: "请明确信息名称"}}}},
	// fee notice 2026-05-06, payment period 20: 5/7(1) 5/8(2) 5/9(3) 5/11–15(4–8) 5/18–22(9–13) 5/25–29(14–18) 6/1(19) 6/2(20)
	{name: "fee not paid", received: "2026-04-28", today: "2026-06-03", state: Closed, outcome: "no_fee_paid",
		moves: []move{{clerk, Step{Kind: KindFeeNotice, On: D("2026-05-06"), Method: FeeByApplications, Count: 12, Delivered: D("2026-05-06")}},
			{clerk, Step{Kind: KindFeeLapsed, On: D("2026-06-03")}}}},
	{name: "withdrawn", received: "2024-09-12", today: "2024-09-20", due: "2024-10-16", state: Closed, outcome: "withdrawn",
		moves: []move{{clerk, Step{Kind: KindWithdraw, On: D("2024-09-20")}}}},
	{name: "partly disclosed by the approver", received: "2025-12-24", today: "2026-01-20", due: "2026-01-22", state: Closed, outcome: "partly_disclosed",
		moves: []move{{approver, Step{Kind: KindDecide, On: D("2026-01-20"), Outcome: "partly_disclosed", Grounds: []OutcomeID{"third_party"}}}}},
	{name: "referred to the right agency", received: "2026-02-10", today: "2026-02-11", due: "2026-03-16", state: Closed, outcome: "not_this_agency",
		moves: []move{{clerk, Step{Kind: KindDecide, On: D("2026-02-11"), Outcome: "not_this_agency", Referral: "市规划局，电话 0373-1234567"}}}},
}

// Fifty generated cases walk the scenarios with every channel: each due date
// is checked against the hand count.
func TestFiftyCases(t *testing.T) {
	channels := []Channel{InPerson, LetterSigned, LetterUnsigned, Online, Fax, Email}
	for i := range 50 {
		sc := scenarios[i%len(scenarios)]
		ch := channels[i%len(channels)]
		t.Run(fmt.Sprintf("%02d %s %s", i, ch, sc.name), func(t *testing.T) {
			c, err := NewCase(intake(i, ch, sc.received), clerk, at(sc.received), cal)
			if err != nil {
				t.Fatal(err)
			}
			if c.Received != D(sc.received) {
				t.Fatalf("received %s", c.Received)
			}
			for _, m := range sc.moves {
				if _, err := c.Apply(m.step, m.actor, at(m.step.On.String()), cfg, cal); err != nil {
					t.Fatalf("%s: %v", m.step.Kind, err)
				}
			}
			if c.State != sc.state || c.Outcome != sc.outcome {
				t.Errorf("state %s outcome %q, want %s %q", c.State, c.Outcome, sc.state, sc.outcome)
			}
			dl, err := c.Deadline(cfg, cal, D(sc.today))
			if err != nil {
				t.Fatal(err)
			}
			want := workday.Date(0)
			if sc.due != "" {
				want = D(sc.due)
			}
			if dl.Due != want {
				t.Errorf("due %s, want %s\n%s", dl.Due, sc.due, strings.Join(dl.Why, "\n"))
			}
			if dl.Running {
				n, _ := cal.Between(D(sc.today), dl.Due)
				if dl.DaysLeft != n {
					t.Errorf("days left %d, want %d", dl.DaysLeft, n)
				}
			}
			if len(dl.Why) == 0 || !strings.Contains(dl.Why[0], "收到申请") {
				t.Errorf("no explanation: %v", dl.Why)
			}
			// the events are a complete, ordered history
			for k, e := range c.Events {
				if e.Seq != k+1 || e.Actor.Name == "" || (k > 0 && e.Before != c.Events[k-1].After) {
					t.Errorf("event %d: %+v", k, e)
				}
			}
		})
	}
}

func TestPausedDeadlineExplains(t *testing.T) {
	c, _ := NewCase(intake(1, Online, "2024-09-12"), clerk, at("2024-09-12"), cal)
	c.Apply(Step{Kind: KindConsult, On: D("2024-09-20"), Party: "某公司"}, clerk, at("2024-09-20"), cfg, cal)
	dl, err := c.Deadline(cfg, cal, D("2024-09-25"))
	if err != nil {
		t.Fatal(err)
	}
	// 9/13(1) 9/14 Sat上班(2) 9/18–20(3–5) used: 15 left; the third party answers within
	// 15 working days of 9/20: 9/23–27(1–5) 9/29 Sun上班(6) 9/30(7) [国庆] 10/8–11(8–11) 10/12 Sat上班(12) 10/14–16(13–15)
	if dl.Running || dl.Remaining != 15 || dl.Extra != D("2024-10-16") || !strings.Contains(strings.Join(dl.Why, ""), "期限暂停") {
		t.Errorf("%+v", dl)
	}
}

// The applicant reads the same computation, without the consulted party's
// name (open, then closed) or the clerk's hints.
func TestPublicDeadlineHidesParty(t *testing.T) {
	c, _ := NewCase(intake(1, Online, "2024-09-12"), clerk, at("2024-09-12"), cal)
	c.Apply(Step{Kind: KindConsult, On: D("2024-09-20"), Party: "某某房地产开发有限公司", PartyKind: PartyOrgan}, clerk, at("2024-09-20"), cfg, cal)
	check := func(when string, want string) {
		t.Helper()
		dl, err := c.Deadline(cfg, cal, D(when))
		if err != nil {
			t.Fatal(err)
		}
		staff, public := strings.Join(dl.Why, "\n"), strings.Join(dl.Public, "\n")
		if !strings.Contains(staff, "某某房地产") || strings.Contains(public, "某某房地产") ||
			!strings.Contains(public, want) || len(dl.Public) != len(dl.Why) {
			t.Errorf("%s:\nstaff  %s\npublic %s", when, staff, public)
		}
	}
	check("2024-09-25", "起征求有关机关意见，期限暂停")
	if _, err := c.Apply(Step{Kind: KindConsultEnd, On: D("2024-09-27")}, clerk, at("2024-09-27"), cfg, cal); err != nil {
		t.Fatal(err)
	}
	check("2024-09-30", "征求有关机关意见 自 2024年9月20日 至 2024年9月27日")

	// an incomplete application: whether to ask for a 补正 is the agency's
	// call, so the applicant does not read the system's guess
	bare := intake(1, Online, "2024-09-12")
	bare.Applicant.IDNum = ""
	d, _ := NewCase(bare, clerk, at("2024-09-12"), cal)
	dl, err := d.Deadline(cfg, cal, D("2024-09-13"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(dl.Why, ""), "申请内容不完整") || strings.Contains(strings.Join(dl.Public, ""), "不完整") || len(dl.Public) == 0 {
		t.Errorf("staff %v\npublic %v", dl.Why, dl.Public)
	}
}

// Refusals: each with the field and the reason, and the case unchanged.
func TestRefusedSteps(t *testing.T) {
	mk := func() *Case {
		c, err := NewCase(intake(3, Online, "2024-04-22"), clerk, at("2024-04-22"), cal)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	cases := []struct {
		name  string
		prep  []move
		try   move
		when  string
		field string
		kind  errs.Kind
		says  string
	}{
		{"late correction notice", nil, move{clerk, Step{Kind: KindRequestCorrection, On: D("2024-05-06"), Note: "x"}}, "2024-05-06", "on", errs.Conflict, "2024年4月30日"},
		{"second correction", []move{{clerk, Step{Kind: KindRequestCorrection, On: D("2024-04-23"), Note: "x"}}, {clerk, Step{Kind: KindCorrectionReceived, On: D("2024-04-24")}}},
			move{clerk, Step{Kind: KindRequestCorrection, On: D("2024-04-25"), Note: "y"}}, "2024-04-25", "kind", errs.Conflict, "补正只能告知一次"},
		{"extension by a clerk", nil, move{clerk, Step{Kind: KindExtend, On: D("2024-05-06"), Note: "x"}}, "2024-05-06", "role", errs.Conflict, "负责人"},
		{"extension after the deadline", nil, move{approver, Step{Kind: KindExtend, On: D("2024-05-24"), Note: "x"}}, "2024-05-24", "on", errs.Conflict, "届满"},
		{"step in the wrong state", nil, move{clerk, Step{Kind: KindFeePaid, On: D("2024-04-23")}}, "2024-04-23", "kind", errs.Conflict, "不能进行"},
		{"future date", nil, move{clerk, Step{Kind: KindDecide, On: D("2024-04-30"), Outcome: "disclosed"}}, "2024-04-23", "on", errs.Invalid, "晚于今天"},
		{"date before the last step", nil, move{clerk, Step{Kind: KindDecide, On: D("2024-04-20"), Outcome: "disclosed"}}, "2024-04-23", "on", errs.Invalid, "早于上一步骤"},
		{"refusal by a clerk", nil, move{clerk, Step{Kind: KindDecide, On: D("2024-04-23"), Outcome: "state_secret"}}, "2024-04-23", "role", errs.Conflict, "负责人"},
		{"unknown outcome", nil, move{clerk, Step{Kind: KindDecide, On: D("2024-04-23"), Outcome: "maybe"}}, "2024-04-23", "outcome", errs.Invalid, "请选择答复结果"},
		{"free fee notice", nil, move{clerk, Step{Kind: KindFeeNotice, On: D("2024-04-23"), Method: FeeByPages, Pages: 20}}, "2024-04-23", "method", errs.Conflict, "不收费"},
		{"unclear without correction", nil, move{clerk, Step{Kind: KindDecide, On: D("2024-04-23"), Outcome: "unclear_after_correction"}}, "2024-04-23", "outcome", errs.Conflict, "已经补正过"},
	}
	for _, x := range cases {
		t.Run(x.name, func(t *testing.T) {
			c := mk()
			for _, m := range x.prep {
				if _, err := c.Apply(m.step, m.actor, at(m.step.On.String()), cfg, cal); err != nil {
					t.Fatal(err)
				}
			}
			n := len(c.Events)
			_, err := c.Apply(x.try.step, x.try.actor, at(x.when), cfg, cal)
			var e *errs.Error
			if err == nil || !errorsAs(err, &e) || e.Where != x.field || e.Kind != x.kind || !strings.Contains(e.Msg, x.says) {
				t.Errorf("err = %#v, want %s/%s %q", err, x.field, x.kind, x.says)
			}
			if len(c.Events) != n {
				t.Error("a refused step was recorded")
			}
		})
	}
}

func errorsAs(err error, e **errs.Error) bool {
	x, ok := err.(*errs.Error)
	*e = x
	return ok
}

func TestIntakeValidation(t *testing.T) {
	base := intake(0, Online, "2024-04-22")
	for name, c := range map[string]struct {
		mut   func(*Intake)
		field string
	}{
		"no confirmation date": {func(i *Intake) { i.ConfirmedOn = nil }, "confirmed_on"},
		"signed letter":        {func(i *Intake) { i.Channel = LetterSigned }, "signed_on"},
		"no description":       {func(i *Intake) { i.Request.Description = " " }, "request.description"},
		"bad e-mail":           {func(i *Intake) { i.Applicant.Email = "someone at example" }, "applicant.email"},
		"bad phone":            {func(i *Intake) { i.Applicant.Phone = "call me" }, "applicant.phone"},
		"huge name":            {func(i *Intake) { i.Applicant.Name = strings.Repeat("名", 10000) }, "applicant.name"},
		"bad channel":          {func(i *Intake) { i.Channel = "pigeon" }, "channel"},
		"bad type":             {func(i *Intake) { i.Applicant.Type = "alien" }, "applicant.type"},
	} {
		in := base
		in.Applicant.IDNum = base.Applicant.IDNum
		c.mut(&in)
		_, err := NewCase(in, clerk, at("2024-04-22"), cal)
		if _, ok := errs.Fields(err)[c.field]; err == nil || !ok {
			t.Errorf("%s: %v, want field %s", name, err, c.field)
		}
	}
	if _, err := NewCase(base, clerk, at("2024-04-21"), cal); err == nil {
		t.Error("receipt in the future accepted")
	}
	// an ID number typed in full width is kept as the standard writes it,
	// and is no defect
	wide := base
	wide.Applicant.IDType, wide.Applicant.IDNum = "身份证", "１１０１０５ １９４９１２３１ ００２ｘ"
	wide.Applicant.Email, wide.Applicant.Phone = "ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｎ", "１３８－１２３４－５６７８"
	problems, defects := wide.Check()
	if wide.Applicant.IDNum != "11010519491231002X" || problems.Err() != nil || defects.Err() != nil {
		t.Errorf("full-width ID: %q %v %v", wide.Applicant.IDNum, problems.Err(), defects.Err())
	}
	if wide.Applicant.Email != "wang@example.cn" || wide.Applicant.Phone != "138-1234-5678" {
		t.Errorf("full-width e-mail and phone: %q %q", wide.Applicant.Email, wide.Applicant.Phone)
	}
}

// 表三 from any set of cases passes every check of the report engine, and the
// carry-forward of one year is the carry-in of the next.
func TestYearTablePassesChecks(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	var facts []CaseFacts
	for i := range 3000 {
		rec := D("2023-06-01") + workday.Date(rng.IntN(1200))
		f := CaseFacts{Type: ApplicantTypes[rng.IntN(6)].ID, Received: rec}
		if rng.IntN(5) > 0 {
			cl := rec + workday.Date(rng.IntN(80))
			f.ClosedOn = &cl
			f.Outcome = Outcomes[rng.IntN(len(Outcomes))].ID
		}
		_ = i
		facts = append(facts, f)
	}
	var prev *report.Report
	for _, year := range []int{2023, 2024, 2025, 2026} {
		r := report.NewReport(report.FormatForYear(year))
		r.Agency, r.Year = "测试局", year
		r.Zero()
		r.Applications = YearTable(facts, year)
		r.Sections["1"] = "概况。"
		r.Sections["5"] = fmt.Sprintf("一是%d年的问题%s。", year, strings.Repeat("不同", year-2020))
		r.Sections["6"] = "未收取信息处理费。"
		for _, f := range report.Check(r, prev) {
			t.Errorf("%d: %s %s %s", year, f.Rule, f.Cell, f.Message)
		}
		if tot, _ := r.Applications["new"][report.ColTotal].Int(); tot == 0 {
			t.Errorf("%d: no applications counted", year)
		}
		prev = r
	}
}

func TestSuspectDuplicates(t *testing.T) {
	a, _ := NewCase(intake(1, Online, "2024-04-22"), clerk, at("2024-04-22"), cal)
	a.ID, a.Serial, a.Intake.Request.Description = 1, "2024-0001", "请公开2023年本区道路维修工程的招标文件"
	b, _ := NewCase(intake(1, Online, "2024-06-03"), clerk, at("2024-06-03"), cal)
	b.ID, b.Intake.Request.Description = 2, "申请公开2023年本区道路维修工程招标文件"
	c, _ := NewCase(intake(2, Online, "2024-06-03"), clerk, at("2024-06-03"), cal)
	c.ID, c.Intake.Request.Description = 3, "申请公开2023年本区道路维修工程招标文件"
	c.Intake.Applicant.IDNum, c.Intake.Applicant.Phone = "440524188001010014", "13900000000"
	if s := SuspectDuplicates(b, []*Case{a, c}, 180); len(s) != 1 || s[0].CaseID != 1 {
		t.Errorf("suspects of b: %+v", s)
	}
	if s := SuspectDuplicates(c, []*Case{a}, 180); len(s) != 0 {
		t.Errorf("another applicant flagged: %+v", s)
	}
	if s := SuspectDuplicates(b, []*Case{a}, 30); len(s) != 0 {
		t.Errorf("outside the window: %+v", s)
	}
	// a company's name typed once in an input method's wide mode and once
	// not is one applicant, for the suspicion and for a merge
	d, _ := NewCase(intake(1, Online, "2024-06-04"), clerk, at("2024-06-04"), cal)
	d.ID, d.Intake.Request.Description = 4, b.Intake.Request.Description
	a.Intake.Applicant.Name, d.Intake.Applicant.Name = "ＸＹＺ科技（北京）有限公司", "xyz科技(北京)有限公司"
	a.Intake.Applicant.IDNum, d.Intake.Applicant.IDNum = "", ""
	if s := SuspectDuplicates(d, []*Case{a}, 180); len(s) != 1 || s[0].CaseID != 1 {
		t.Errorf("the same name in full width: %+v", s)
	}
	if err := CheckMerge(d, a); err != nil {
		t.Errorf("merge with the same name in full width: %v", err)
	}
	d.Intake.Applicant.Name = "xyz科技(上海)有限公司"
	if s := SuspectDuplicates(d, []*Case{a}, 180); len(s) != 0 || CheckMerge(d, a) == nil {
		t.Errorf("another company taken for the same: %+v", s)
	}
}

// A correction received on the day of receipt still restarts the clock (found
// by the browser test: the restart used to be inferred from the dates).
func TestCorrectionSameDay(t *testing.T) {
	c, _ := NewCase(intake(0, Online, "2024-02-01"), clerk, at("2024-02-01"), cal)
	c.Apply(Step{Kind: KindRequestCorrection, On: D("2024-02-01"), Note: "请明确"}, clerk, at("2024-02-01"), cfg, cal)
	c.Apply(Step{Kind: KindCorrectionReceived, On: D("2024-02-01")}, clerk, at("2024-02-01"), cfg, cal)
	dl, err := c.Deadline(cfg, cal, D("2024-02-02"))
	// 20 working days from 2024-02-01: 2024-03-05 (hand count in TestFiftyCases)
	if err != nil || dl.Due != D("2024-03-05") || !dl.Running {
		t.Errorf("%+v %v", dl, err)
	}
}

// Art. 44 suggestions: disclosed answers to similar requests of at least two
// different applicants form a group; one applicant asking twice (its name
// typed once in full width) does not, nor do refusals or other requests.
func TestArt44Groups(t *testing.T) {
	row := func(id int64, name, desc string, out OutcomeID) Row {
		return Row{ID: id, ApplicantName: name, Description: desc, Outcome: out}
	}
	const plan = "请公开2025年本区义务教育学校招生划片方案"
	groups := Art44Groups([]Row{
		row(1, "王某", plan, "disclosed"),
		row(2, "李某", "申请公开2025年本区义务教育学校招生划片方案", "partly_disclosed"),
		row(3, "赵某", plan, "not_exist"), // not disclosed: no suggestion from it
		row(4, "王某", "本区道路维修工程的招标文件", "disclosed"),
		row(5, "ＸＹＺ公司", "请公开本区2025年度财政预算执行情况报告", "disclosed"),
		row(6, "xyz公司", "请公开本区2025年度财政预算执行情况的报告", "already_public"),
	})
	if len(groups) != 1 {
		t.Fatalf("groups: %+v", groups)
	}
	var ids []int64
	for _, r := range groups[0].Rows {
		ids = append(ids, r.ID)
	}
	if fmt.Sprint(ids) != "[1 2]" || groups[0].Topic != plan {
		t.Errorf("group %v, topic %q", ids, groups[0].Topic)
	}
}
