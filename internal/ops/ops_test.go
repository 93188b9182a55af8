package ops_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"gongkai/internal/appeal"
	"gongkai/internal/casework"
	"gongkai/internal/clock"
	"gongkai/internal/errs"
	"gongkai/internal/importer"
	"gongkai/internal/ops"
	"gongkai/internal/org"
	"gongkai/internal/settings"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
	"gongkai/internal/workday"
)

var (
	ctx = context.Background()
	D   = workday.MustDate
)

// at is a clock at hh:mm Beijing time on a day.
func at(day, hm string) clock.Clock {
	t, err := time.ParseInLocation("2006-01-02 15:04", day+" "+hm, clock.Shanghai())
	if err != nil {
		panic(err)
	}
	return clock.At(t)
}

// fx is a small hierarchy: a county government supervising two of its
// departments (a, b), and a department of another county (peer).
type fx struct {
	t                        testing.TB
	s                        *store.Store
	o                        *ops.Service
	gov, a, b, peer, peerGov *org.Agency
	clerk, head, bClerk      ops.Principal
	super, admin, peerClerk  ops.Principal
}

func newFx(t testing.TB, s *store.Store) *fx {
	f := &fx{t: t, s: s, o: ops.New(s, at("2026-03-02", "10:00"), workday.Default(), nil)}
	mk := func(name string, level string, parent *org.Agency) *org.Agency {
		a := &org.Agency{Name: name, Level: "county_department", ReviewOrgan: "示例区人民政府", LetterPrefix: "示依公"}
		a.Level = "county_department"
		if level != "" {
			a.Level = "county"
		}
		if parent != nil {
			a.ParentID = &parent.ID
		}
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.CreateAgency(ctx, a) }); err != nil {
			t.Fatal(err)
		}
		return a
	}
	f.gov = mk("示例区人民政府", "county", nil)
	f.a = mk("示例区教育局", "", f.gov)
	f.b = mk("示例区财政局", "", f.gov)
	f.peerGov = mk("邻区人民政府", "county", nil)
	f.peer = mk("邻区教育局", "", f.peerGov)
	f.clerk = ops.Principal{UserID: 1, AgencyID: f.a.ID, Name: "张办理", Role: casework.Clerk, Via: "web"}
	f.head = ops.Principal{UserID: 2, AgencyID: f.a.ID, Name: "李主任", Role: casework.Approver, Via: "web"}
	f.bClerk = ops.Principal{UserID: 3, AgencyID: f.b.ID, Name: "王办理", Role: casework.Clerk, Via: "web"}
	f.super = ops.Principal{UserID: 4, AgencyID: f.gov.ID, Name: "赵科长", Role: casework.Supervisor, Via: "web"}
	f.admin = ops.Principal{UserID: 5, AgencyID: f.gov.ID, Name: "管理员", Role: casework.Admin, Via: "web"}
	f.peerClerk = ops.Principal{UserID: 6, AgencyID: f.peer.ID, Name: "孙办理", Role: casework.Clerk, Via: "web"}
	// each principal is a user, as a signed-in person is (who registers
	// an application becomes its 承办人)
	for i, p := range []*ops.Principal{&f.clerk, &f.head, &f.bClerk, &f.super, &f.admin, &f.peerClerk} {
		u := &org.User{AgencyID: p.AgencyID, Login: fmt.Sprintf("u%d", i+1), Name: p.Name, Role: p.Role}
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.CreateUser(ctx, u, "x") }); err != nil {
			t.Fatal(err)
		}
		p.UserID = u.ID
	}
	return f
}

// on is the service at 10:00 on a day.
func (f *fx) on(day string) *ops.Service { return f.o.At(at(day, "10:00")) }

func intake(name, day string) casework.Intake {
	d := D(day)
	return casework.Intake{Channel: casework.Online, ConfirmedOn: &d,
		Applicant: casework.Applicant{Type: "natural", Name: name, IDType: "身份证", IDNum: "11010519491231002X", Phone: "13800000000", Email: "a@example.cn"},
		Request:   casework.Request{Description: "2025年学区划分方案", Form: "电子", Delivery: "电子邮件"}}
}

func (f *fx) register(day, name string) *casework.Case {
	f.t.Helper()
	c, err := f.on(day).Register(ctx, f.clerk, f.a.ID, intake(name, day))
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

func (f *fx) step(day string, p ops.Principal, id int64, st casework.Step) (*casework.Case, error) {
	st.On = D(day)
	return f.on(day).AddStep(ctx, p, id, st)
}

// decide answers a case by the clerk on day: 予以公开.
func (f *fx) decide(id int64, day string) {
	f.t.Helper()
	if _, err := f.step(day, f.clerk, id, casework.Step{Kind: casework.KindDecide, Outcome: "disclosed"}); err != nil {
		f.t.Fatal(err)
	}
}

// stepAt is a step taken on a day by someone.
type stepAt struct {
	day string
	by  ops.Principal
	s   casework.Step
}

// steps takes each step of a case in turn.
func (f *fx) steps(id int64, steps ...stepAt) {
	f.t.Helper()
	for _, st := range steps {
		if _, err := f.step(st.day, st.by, id, st.s); err != nil {
			f.t.Fatal(err)
		}
	}
}

func (f *fx) audits() int {
	n, err := f.s.AuditCount(ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	return n
}

func TestCaseLifecycle(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		c := f.register("2024-09-12", "王某")
		if c.Serial != "2024-0001" || len(c.Code) != 10 {
			t.Fatalf("%+v", c)
		}
		if _, err := f.step("2024-09-20", f.clerk, c.ID, casework.Step{Kind: casework.KindConsult, Party: "某公司"}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.step("2024-09-27", f.clerk, c.ID, casework.Step{Kind: casework.KindConsultEnd}); err != nil {
			t.Fatal(err)
		}
		v, err := f.on("2024-09-27").Case(ctx, f.clerk, c.ID)
		if err != nil || len(v.Case.Events) != 3 || v.Case.Version != 3 || !v.CanAct {
			t.Fatalf("%+v %v", v, err)
		}
		// the 5 excluded working days move the due date 2024-10-16 → 2024-10-23 (casework tests)
		rows, _, err := f.on("2024-09-27").Cases(ctx, f.clerk, casework.Filter{})
		if err != nil || len(rows) != 1 || *rows[0].DueOn != D("2024-10-23") || rows[0].IDNumber != "110105********002X" || rows[0].Agency != f.a.Name {
			t.Fatalf("%+v %v", rows, err)
		}
		if _, err := f.step("2024-10-08", f.clerk, c.ID, casework.Step{Kind: casework.KindDecide, Outcome: "disclosed"}); err != nil {
			t.Fatal(err)
		}
		rows, _, _ = f.o.Cases(ctx, f.clerk, casework.Filter{State: casework.Closed})
		if len(rows) != 1 || rows[0].Outcome != "disclosed" || *rows[0].ClosedOn != D("2024-10-08") {
			t.Errorf("%+v", rows)
		}
		if _, err := f.o.Case(ctx, f.clerk, 999999); errs.KindOf(err) != errs.NotFound {
			t.Errorf("missing case: %v", err)
		}
	})
}

// A refused step leaves the case exactly as it was, and no audit entry.
func TestRefusedStepWritesNothing(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		c := f.register("2024-02-01", "王某")
		before := f.audits()
		_, err := f.step("2024-03-06", f.head, c.ID, casework.Step{Kind: casework.KindExtend, Note: "x"})
		if errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), "届满") {
			t.Fatalf("err = %v", err)
		}
		v, _ := f.o.Case(ctx, f.clerk, c.ID)
		if len(v.Case.Events) != 1 || v.Case.Version != 1 || f.audits() != before {
			t.Errorf("written: %+v, audits %d → %d", v.Case, before, f.audits())
		}
	})
}

// Every write path leaves exactly one audit entry, in the same transaction
// as its change (issue 10).
func TestOneAuditEntryPerWrite(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-03-02")
		var c *casework.Case
		var staged string
		for _, w := range []struct {
			name string
			do   func() error
		}{
			{"register", func() (err error) { c, err = o.Register(ctx, f.clerk, f.a.ID, intake("王某", "2026-03-02")); return }},
			{"public register", func() error {
				_, err := o.RegisterOnce(ctx, ops.Applicant(f.a.ID), f.a.ID, intake("李某", "2026-03-02"), "0123456789abcdef0123456789abcdef")
				return err
			}},
			{"step", func() error {
				_, err := o.AddStep(ctx, f.clerk, c.ID, casework.Step{Kind: casework.KindConsult, On: D("2026-03-02"), Party: "某公司"})
				return err
			}},
			{"edit intake", func() error {
				in := c.Intake
				in.Applicant.Name = "王某某"
				_, err := o.EditIntake(ctx, f.clerk, c.ID, in, "")
				return err
			}},
			{"attach", func() error {
				_, err := o.Attach(ctx, f.clerk, c.ID, "检索记录.txt", []byte("已检索档案"))
				return err
			}},
			{"letter", func() error { _, err := o.Letter(ctx, f.clerk, c.ID, 2); return err }},
			{"appeal", func() error {
				_, err := o.RecordAppeal(ctx, f.clerk, appeal.Record{Kind: appeal.Review, Body: "示例区人民政府", FiledOn: D("2026-03-02")})
				return err
			}},
			{"save report", func() error { _, err := o.SaveReport(ctx, f.clerk, 2025, ops.ReportEdits{}); return err }},
			{"submit report", func() error {
				_, err := o.SaveReport(ctx, f.clerk, 2024, ops.ReportEdits{Sections: map[string]string{"1": "概况。", "5": "问题和改进。", "6": "本年度未收取信息处理费。"}})
				if err != nil {
					return err
				}
				_, err = o.SubmitReport(ctx, f.head, 2024, 1)
				return err
			}},
			{"settings", func() error {
				_, err := o.SaveSettings(ctx, f.admin, map[string]string{"correction_period": "10", "fee_pauses_clock": "true", "review_first": "state_secret"}, "")
				return err
			}},
			{"user", func() error {
				_, err := o.CreateUser(ctx, f.admin, ops.NewUser{AgencyID: f.a.ID, Login: "new", Name: "新人", Role: casework.Clerk, Password: "12345678"})
				return err
			}},
			{"agency", func() error { a := *f.a; a.Phone = "0373-1"; return o.UpdateAgency(ctx, f.admin, &a, "") }},
			{"calendar", func() error {
				n := workday.Notice{Year: 2027, Number: "国办发明电〔2026〕X号", Published: D("2026-11-10")}
				_, err := o.LoadCalendar(ctx, f.admin, n, []workday.Entry{{Date: D("2027-01-01"), Kind: workday.Rest, Holiday: "元旦", Year: 2027, Notice: n.Number}})
				return err
			}},
			{"import", func() error {
				rec := D("2026-02-02")
				in := intake("导入某", "2026-02-02")
				in.SetReceivedOn(rec)
				_, _, _, err := o.ImportCases(ctx, ops.Operator(f.a.ID, "导入"), f.a.ID, []importer.Row{{Line: 2, Key: "row:1", Intake: in}}, false, true)
				return err
			}},
			{"stage import", func() (err error) {
				staged, _, err = o.StageImport(ctx, f.clerk, ops.ImportRequest{Kind: ops.ImportCases, Name: "台账.csv",
					Data: []byte("收到日期,申请方式,申请人类型,申请人,申请内容\n2026-02-03,当面,自然人,暂存某,学区划分方案\n")})
				return err
			}},
			{"confirm import", func() error {
				res, err := o.ConfirmImport(ctx, f.clerk, staged, false, nil)
				if err == nil && res.Imported != 1 {
					err = fmt.Errorf("imported %d", res.Imported)
				}
				return err
			}},
			{"api key", func() error {
				_, err := o.CreateAPIKey(ctx, ops.Operator(f.a.ID, "命令行"), f.a.ID, "平台", casework.Clerk)
				return err
			}},
		} {
			before := f.audits()
			if err := w.do(); err != nil {
				t.Fatalf("%s: %v", w.name, err)
			}
			if got := f.audits() - before; got != 1 && !(w.name == "submit report" && got == 2) {
				t.Errorf("%s wrote %d audit entries, want 1", w.name, got)
			}
		}
		rows, total, err := o.Audit(ctx, f.super, ops.AuditQuery{Limit: 100})
		if err != nil || total == 0 || rows[0].Action == "" {
			t.Fatalf("audit log: %d %v", total, err)
		}
	})
}

// Supervisors and administrators read the cases below them but never act on
// them; a peer agency's case is not even found (issue 14, finding 4).
func TestOnlyOwnStaffAct(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		c := f.register("2026-03-02", "王某")
		o := f.on("2026-03-03")
		for _, p := range []ops.Principal{f.super, f.admin} {
			if _, err := o.Case(ctx, p, c.ID); err != nil {
				t.Errorf("%s cannot read a lower agency's case: %v", p.Role, err)
			}
			if _, err := o.AddStep(ctx, p, c.ID, casework.Step{Kind: casework.KindDecide, On: D("2026-03-03"), Outcome: "disclosed"}); errs.KindOf(err) != errs.Forbidden {
				t.Errorf("%s decided: %v", p.Role, err)
			}
			if _, err := o.Attach(ctx, p, c.ID, "a.txt", []byte("x")); errs.KindOf(err) != errs.Forbidden {
				t.Errorf("%s attached: %v", p.Role, err)
			}
			if _, err := o.Register(ctx, p, f.a.ID, intake("某", "2026-03-03")); errs.KindOf(err) != errs.Forbidden {
				t.Errorf("%s registered for a lower agency: %v", p.Role, err)
			}
		}
		for _, p := range []ops.Principal{f.peerClerk, f.bClerk} {
			if _, err := o.Case(ctx, p, c.ID); errs.KindOf(err) != errs.NotFound {
				t.Errorf("another agency read the case: %v", err)
			}
			if _, err := o.AddStep(ctx, p, c.ID, casework.Step{Kind: casework.KindWithdraw, On: D("2026-03-03")}); errs.KindOf(err) != errs.NotFound {
				t.Errorf("another agency acted: %v", err)
			}
		}
		// a supervisor reading a letter does not allocate the agency's 文号
		if _, err := f.step("2026-03-03", f.clerk, c.ID, casework.Step{Kind: casework.KindDecide, Outcome: "disclosed"}); err != nil {
			t.Fatal(err)
		}
		l, err := o.Letter(ctx, f.super, c.ID, 2)
		if err != nil || strings.Contains(l.Number, "〔") {
			t.Fatalf("supervisor's copy: %+v %v", l, err)
		}
		if n, _ := s.LetterNumber(ctx, c.ID, 2); n != "" {
			t.Errorf("reading allocated %q", n)
		}
		if l, err = o.Letter(ctx, f.clerk, c.ID, 2); err != nil || l.Number != "示依公〔2026〕1号" {
			t.Errorf("issued: %+v %v", l, err)
		}
	})
}

// The 按件 fee count always comes from the records (issue 14, finding 9): a
// count sent by the caller is ignored.
func TestFeeCountFromRecords(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		c := f.register("2026-03-02", "王某")
		_, err := f.step("2026-03-03", f.clerk, c.ID, casework.Step{Kind: casework.KindFeeNotice, Method: casework.FeeByApplications, Count: 99})
		if errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), "不收费") {
			t.Fatalf("the first application of the month was charged: %v", err)
		}
		for i := range 10 {
			f.register("2026-03-02", "王某")
			_ = i
		}
		last := f.register("2026-03-02", "王某") // the 12th
		got, err := f.step("2026-03-03", f.clerk, last.ID, casework.Step{Kind: casework.KindFeeNotice, Method: casework.FeeByApplications, Count: 1})
		if err != nil {
			t.Fatal(err)
		}
		if st := got.Events[1].Step; st.Count != 12 || st.Amount != 100 {
			t.Errorf("count %d amount %d, want 12 and 100", st.Count, st.Amount)
		}
	})
}

// The same confirmation token registers one case however often it is sent.
func TestPublicRegisterOnce(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-03-02")
		tok := "fedcba9876543210fedcba9876543210"
		first, err := o.RegisterOnce(ctx, ops.Applicant(f.a.ID), f.a.ID, intake("王某", "2026-03-02"), tok)
		if err != nil {
			t.Fatal(err)
		}
		again, err := o.RegisterOnce(ctx, ops.Applicant(f.a.ID), f.a.ID, intake("王某", "2026-03-02"), tok)
		if err != nil || again.ID != first.ID {
			t.Fatalf("second press: %v %v", again, err)
		}
		if _, total, _ := o.Cases(ctx, f.clerk, casework.Filter{}); total != 1 {
			t.Errorf("%d cases", total)
		}
		// the public form refuses what staff would register with a 补正
		bad := intake("李某", "2026-03-02")
		bad.Applicant.IDNum = "110105194912310021"
		if _, err := o.Register(ctx, ops.Applicant(f.a.ID), f.a.ID, bad); errs.Fields(err)["applicant.id_number"] == "" {
			t.Errorf("public defective application: %v", err)
		}
		c, err := o.Register(ctx, f.clerk, f.a.ID, bad)
		if err != nil || len(c.Defects()) == 0 {
			t.Errorf("staff registration of a defective application: %v", err)
		}
	})
}

// Merged applications are answered with the one they were merged into, each
// keeping its own place in 表三; a transfer registers the application with
// the responsible agency.
func TestMergeAndTransfer(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		first, second := f.register("2024-06-03", "王某"), f.register("2024-06-03", "王某")
		third, err := f.on("2024-06-03").Register(ctx, f.clerk, f.a.ID, func() casework.Intake {
			in := intake("李某", "2024-06-03")
			in.Applicant.IDNum = "440524188001010014"
			return in
		}())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.step("2024-06-04", f.clerk, second.ID, casework.Step{Kind: casework.KindMerge, Into: first.ID}); err != nil {
			t.Fatal(err)
		}
		_, err = f.step("2024-06-04", f.clerk, third.ID, casework.Step{Kind: casework.KindMerge, Into: first.ID})
		if errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), "同一申请人") {
			t.Errorf("merge of another applicant: %v", err)
		}
		v, _ := f.on("2024-06-05").Case(ctx, f.clerk, second.ID)
		if len(v.Suspects) != 1 || v.Suspects[0].CaseID != first.ID {
			t.Errorf("suspects: %+v", v.Suspects)
		}
		if _, err := f.step("2024-06-10", f.clerk, first.ID, casework.Step{Kind: casework.KindDecide, Outcome: "disclosed"}); err != nil {
			t.Fatal(err)
		}
		got, _ := s.GetCase(ctx, second.ID)
		if got.State != casework.Closed || got.Outcome != "disclosed" || !strings.Contains(got.Events[len(got.Events)-1].Step.Note, first.Serial) {
			t.Errorf("merged case: %s %s", got.State, got.Outcome)
		}
		// the decision that answered a merged case cannot be undone
		if _, err := f.step("2024-06-11", f.head, first.ID, casework.Step{Kind: casework.KindUndo, Note: "误"}); errs.KindOf(err) != errs.Conflict {
			t.Errorf("undo of a merged answer: %v", err)
		}
		table, _ := s.YearTable(ctx, f.a.ID, 2024)
		if v, _ := table["granted"][6].Int(); v != 2 {
			t.Errorf("granted = %v, want both merged applications", table["granted"])
		}
		if _, err := f.step("2024-06-10", f.clerk, third.ID, casework.Step{Kind: casework.KindTransfer, To: f.b.ID, Referral: "示例区财政局，0373-1"}); err != nil {
			t.Fatal(err)
		}
		rows, _, _ := f.o.Cases(ctx, f.bClerk, casework.Filter{})
		if len(rows) != 1 || rows[0].Received != D("2024-06-10") || rows[0].State != casework.Processing {
			t.Fatalf("transferred: %+v", rows)
		}
	})
}

// Loading a holiday notice stores it and recomputes the open deadlines in one
// transaction, flagging the moved ones.
func TestLoadCalendarRecomputes(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		c := f.register("2026-09-18", "王某") // due 2026-10-22 (casework tests)
		late := f.register("2026-12-21", "李某")
		v, _ := f.on("2026-12-21").Case(ctx, f.clerk, late.ID)
		if v.Deadline.Due != 0 {
			t.Errorf("due into 2027 known without the 2027 notice: %v", v.Deadline.Due)
		}
		cal := workday.Default()
		n26, _ := cal.Notice(2026)
		var es []workday.Entry
		for d := D("2025-12-01"); d <= D("2026-12-31"); d++ {
			if e, ok := cal.Entry(d); ok && e.Year == 2026 {
				es = append(es, e)
			}
		}
		es = append(es, workday.Entry{Date: D("2026-10-09"), Kind: workday.Rest, Holiday: "国庆节", Year: 2026, Notice: "更正"})
		moved, err := f.on("2026-09-25").LoadCalendar(ctx, f.admin, n26, es)
		if err != nil {
			t.Fatal(err)
		}
		if len(moved) != 1 || moved[0].ID != c.ID || moved[0].To != D("2026-10-23") || moved[0].From != D("2026-10-22") {
			t.Fatalf("moved = %+v", moved)
		}
		// another instance on the same database sees the new calendar
		other := ops.New(s, at("2026-09-25", "10:00"), workday.Default(), nil)
		cal2, err := other.Calendar(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if w, _ := cal2.IsWorkday(D("2026-10-09")); w {
			t.Error("the other instance still counts 10/9 as a working day")
		}
		if _, err := f.o.LoadCalendar(ctx, f.clerk, n26, es); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("a clerk loaded a calendar: %v", err)
		}
	})
}

// The settings are a document an administrator changes; the rules read them.
func TestSettingsChangeTheRules(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		c := f.register("2024-04-22", "王某")
		if _, err := f.step("2024-04-24", f.clerk, c.ID, casework.Step{Kind: casework.KindRequestCorrection, Note: "请明确年份"}); err != nil {
			t.Fatal(err)
		}
		v, _ := f.on("2024-04-24").Case(ctx, f.clerk, c.ID)
		if v.Deadline.Extra != D("2024-05-16") { // 15 working days (casework tests)
			t.Fatalf("correction period %v", v.Deadline.Extra)
		}
		if _, err := f.o.SaveSettings(ctx, f.clerk, map[string]string{"correction_period": "10"}, ""); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("a clerk changed the settings: %v", err)
		}
		if _, err := f.o.SaveSettings(ctx, f.admin, map[string]string{"correction_period": "0"}, ""); errs.Fields(err)["correction_period"] == "" {
			t.Errorf("a period of 0 accepted: %v", err)
		}
		st, err := f.o.SaveSettings(ctx, f.admin, map[string]string{"correction_period": "10", "fee_pauses_clock": "true",
			"review_first": strings.Join([]string{"state_secret", "third_party"}, ",")}, "")
		if err != nil || st.Case.CorrectionPeriod != 10 {
			t.Fatal(st, err)
		}
		v, _ = f.on("2024-04-24").Case(ctx, f.clerk, c.ID)
		// 4/25(1) 4/26(2) 4/28 Sun上班(3) 4/29(4) 4/30(5) 5/6–10(6–10)
		if v.Deadline.Extra != D("2024-05-10") {
			t.Errorf("correction period after the change %v", v.Deadline.Extra)
		}
		rows, _, _ := f.o.Audit(ctx, f.admin, ops.AuditQuery{Limit: 10})
		if len(rows) == 0 || rows[0].Action != "settings.update" || !strings.Contains(rows[0].Detail, "补正期限（工作日）：15 → 10") {
			t.Errorf("audit: %+v", rows)
		}
		doc, _, _, _ := s.Setting(ctx, settings.Key)
		if !strings.Contains(doc, `"correction_period":10`) {
			t.Errorf("stored: %s", doc)
		}
	})
}

// Logins are throttled per account and address, growing, in the database;
// the right password from a clean address is never refused (issue 14, finding 3).
func TestLoginThrottle(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		if _, err := f.o.CreateUser(ctx, f.admin, ops.NewUser{AgencyID: f.a.ID, Login: "clerk", Name: "张办理", Role: casework.Clerk, Password: "right-password"}); err != nil {
			t.Fatal(err)
		}
		now := at("2026-03-02", "09:00").Now()
		o := f.o.At(clock.Func(clock.Shanghai(), func() time.Time { return now }))
		for i := range 8 {
			_, _, err := o.Login(ctx, "clerk", "wrong", "10.0.0.1")
			var th *ops.ErrThrottled
			if i < 5 && errs.KindOf(err) != errs.Invalid || i >= 6 && !errors.As(err, &th) {
				t.Fatalf("attempt %d: %v", i+1, err)
			}
		}
		// the owner, from another address, signs in at once
		if _, tok, err := o.Login(ctx, "clerk", "right-password", "10.0.0.2"); err != nil || tok == "" {
			t.Fatalf("right password from a clean address: %v", err)
		}
		// a colleague behind the same address, on another account, is not locked out
		if _, err := o.CreateUser(ctx, f.admin, ops.NewUser{AgencyID: f.a.ID, Login: "head", Name: "李主任", Role: casework.Approver, Password: "head-password"}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := o.Login(ctx, "head", "head-password", "10.0.0.1"); err != nil {
			t.Fatalf("colleague behind the same NAT: %v", err)
		}
		// the delays grow, and end: a quarter of an hour later the pair may try again
		now = now.Add(16 * time.Minute)
		if _, _, err := o.Login(ctx, "clerk", "right-password", "10.0.0.1"); err != nil {
			t.Fatalf("after the window: %v", err)
		}
		// the counters are in the database: another instance sees them
		for range 7 {
			o.Login(ctx, "clerk", "wrong", "10.0.0.9")
		}
		other := ops.New(s, o.Clock, workday.Default(), nil)
		var th *ops.ErrThrottled
		if _, _, err := other.Login(ctx, "clerk", "right-password", "10.0.0.9"); !errors.As(err, &th) {
			t.Errorf("another instance let a throttled pair in: %v", err)
		}
	})
}

// The unit of count is a setting: an application with three items counts
// once, or three times with one outcome per item; the table still balances.
func TestUnitOfCount(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		in := intake("王某", "2026-03-02")
		in.Request.Items = []string{"学区划分方案", "招生计划", "划片依据"}
		c, err := f.on("2026-03-02").Register(ctx, f.clerk, f.a.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.o.SaveSettings(ctx, f.admin, map[string]string{"unit_of_count": "item", "fee_pauses_clock": "true",
			"review_first": "partly_disclosed,state_secret,law_forbids,security_stability,third_party,internal_affairs,process_info,enforcement_file"}, ""); err != nil {
			t.Fatal(err)
		}
		// item by item: one outcome each, or refused
		_, err = f.step("2026-03-10", f.head, c.ID, casework.Step{Kind: casework.KindDecide, Outcome: "disclosed"})
		if errs.Fields(err)["items"] == "" {
			t.Fatalf("a decision without item outcomes: %v", err)
		}
		items := []casework.ItemResult{{Outcome: "disclosed"}, {Outcome: "not_exist"}, {Outcome: "process_info"}}
		if _, err := f.step("2026-03-10", f.head, c.ID, casework.Step{Kind: casework.KindDecide, Items: items}); err != nil {
			t.Fatal(err)
		}
		l, err := f.on("2026-03-10").Letter(ctx, f.head, c.ID, 2)
		if err != nil || len(l.Decision) < 3 || !strings.Contains(l.Decision[2], "三、关于“划片依据”") || !strings.Contains(l.Remedy, "应当先") {
			t.Fatalf("letter: %+v %v", l, err)
		}
		for unit, want := range map[string]int64{"item": 3, "application": 1} {
			tab, err := s.YearTableBy(ctx, f.a.ID, 2026, unit)
			if err != nil {
				t.Fatal(err)
			}
			if n, _ := tab["new"][6].Int(); n != want {
				t.Errorf("%s: new %d, want %d", unit, n, want)
			}
			if n, _ := tab["total"][6].Int(); n != want {
				t.Errorf("%s: total %d, want %d", unit, n, want)
			}
			if unit == "item" {
				if n, _ := tab["withheld.process_info"][6].Int(); n != 1 {
					t.Errorf("process_info %d", n)
				}
			}
		}
		v, err := f.on("2026-03-10").Report(ctx, f.clerk, f.a.ID, 2026)
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := v.Report.Applications["new"][6].Int(); n != 3 {
			t.Errorf("the report does not follow the setting: %d", n)
		}
		for _, fd := range v.Findings {
			if strings.HasPrefix(fd.Rule, "T3.") {
				t.Errorf("%s %s", fd.Rule, fd.Message)
			}
		}
	})
}

// A company that applies twice without an identity number, its name typed
// once in an input method's wide mode: the second application's page names
// the first as a possible duplicate (found in the database by the folded
// name), and the two can be merged.
func TestSuspectsByNameTypedEitherWay(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		reg := func(day, name string) *casework.Case {
			in := intake(name, day)
			in.Applicant.Type, in.Applicant.IDType, in.Applicant.IDNum = "business", "", ""
			c, err := f.on(day).Register(ctx, f.clerk, f.a.ID, in)
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
		first := reg("2024-06-03", "ＸＹＺ科技（北京）有限公司")
		other := reg("2024-06-03", "xyz科技(上海)有限公司")
		second := reg("2024-06-04", "xyz科技(北京)有限公司")
		v, err := f.on("2024-06-05").Case(ctx, f.clerk, second.ID)
		if err != nil || len(v.Suspects) != 1 || v.Suspects[0].CaseID != first.ID {
			t.Errorf("suspects: %+v %v (another company is %d)", v.Suspects, err, other.ID)
		}
		if _, err := f.step("2024-06-05", f.clerk, second.ID, casework.Step{Kind: casework.KindMerge, Into: first.ID}); err != nil {
			t.Errorf("merge: %v", err)
		}
	})
}

// The 操作记录 of a supervising office narrow by agency, action and civil
// dates (Beijing days, whatever the instant's zone); a filter that is no
// filter is refused at its field.
func TestAuditFilter(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		first := f.register("2026-03-02", "王某")
		f.register("2026-03-05", "李某")
		if _, err := f.on("2026-03-05").Register(ctx, f.bClerk, f.b.ID, intake("赵某", "2026-03-05")); err != nil {
			t.Fatal(err)
		}
		o := f.on("2026-03-06")
		count := func(q ops.AuditQuery) int {
			t.Helper()
			q.Limit = 100
			_, n, err := o.Audit(ctx, f.super, q)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		if n := count(ops.AuditQuery{Action: "case.create"}); n != 3 {
			t.Errorf("registrations: %d", n)
		}
		if n := count(ops.AuditQuery{Action: "case.create", Agency: f.b.ID}); n != 1 {
			t.Errorf("registrations of b: %d", n)
		}
		if n := count(ops.AuditQuery{Action: "case.create", From: D("2026-03-05"), To: D("2026-03-05")}); n != 2 {
			t.Errorf("registrations on 3-05: %d", n)
		}
		if n := count(ops.AuditQuery{Action: "case.create", To: D("2026-03-04")}); n != 1 {
			t.Errorf("registrations up to 3-04: %d", n)
		}
		// by what the line is about: a 申请编号 (the object), words of its content;
		// % and _ are themselves, not patterns
		if _, err := o.Attach(ctx, f.clerk, first.ID, "检索100%_的记录.txt", []byte("已检索")); err != nil {
			t.Fatal(err)
		}
		if n := count(ops.AuditQuery{Text: first.Serial, Agency: f.a.ID}); n != 2 {
			t.Errorf("lines about %s: %d, want its registration and its file", first.Serial, n)
		}
		if n := count(ops.AuditQuery{Text: " 100%_的 "}); n != 1 {
			t.Errorf("lines with 100%%_的: %d", n)
		}
		if n := count(ops.AuditQuery{Text: "0%"}); n != 1 {
			t.Errorf("lines with 0%%: %d", n)
		}
		if n := count(ops.AuditQuery{Text: "_"}); n != 1 {
			t.Errorf("lines with _: %d", n)
		}
		// an agency out of sight is no agency: nothing
		if _, n, err := o.Audit(ctx, f.bClerk, ops.AuditQuery{Limit: 10}); errs.KindOf(err) != errs.Forbidden || n != 0 {
			t.Errorf("a clerk read the log: %v", err)
		}
		for _, q := range []ops.AuditQuery{{Action: "case.bribe"}, {From: D("2026-03-05"), To: D("2026-03-01")}, {Text: strings.Repeat("查", 65)}} {
			if _, _, err := o.Audit(ctx, f.super, q); errs.KindOf(err) != errs.Invalid {
				t.Errorf("%+v: %v", q, err)
			}
		}
	})
}

// A correction of the registration made from a form opened before someone
// else's correction is refused, naming how what is stored differs from what
// was typed; made from the stored one, it is saved. On both engines.
func TestEditIntakeFromWhatWasShown(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		c := f.register("2026-03-02", "王某")
		opened := c.Intake.Fingerprint()
		first := c.Intake
		first.Applicant.Phone = "13900000000"
		if _, err := f.o.EditIntake(ctx, f.head, c.ID, first, opened); err != nil {
			t.Fatal(err)
		}
		late := c.Intake
		late.Applicant.Address = "示例区人民路 1 号"
		_, err := f.o.EditIntake(ctx, f.clerk, c.ID, late, opened)
		if errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Readable(err), "已被他人更正") ||
			!strings.Contains(errs.Readable(err), "通信地址：（空） → 示例区人民路 1 号") || !strings.Contains(errs.Readable(err), "电话：139****0000 → 138****0000") {
			t.Fatalf("a correction from a form opened before another: %v", err)
		}
		v, err := f.o.Case(ctx, f.clerk, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if v.Case.Intake.Applicant.Address != "" || v.Case.Intake.Applicant.Phone != "13900000000" {
			t.Errorf("after the refusal: %+v", v.Case.Intake.Applicant)
		}
		late.Applicant.Phone = "13900000000"
		if _, err := f.o.EditIntake(ctx, f.clerk, c.ID, late, v.Case.Intake.Fingerprint()); err != nil {
			t.Fatalf("from the stored registration: %v", err)
		}
		if v, _ := f.o.Case(ctx, f.clerk, c.ID); v.Case.Intake.Applicant.Address != "示例区人民路 1 号" || v.Case.Intake.Applicant.Phone != "13900000000" {
			t.Errorf("saved: %+v", v.Case.Intake.Applicant)
		}
	})
}
