package ops_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"testing"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/errs"
	gkmail "gongkai/internal/mail"
	"gongkai/internal/mail/mailtest"
	"gongkai/internal/notify"
	"gongkai/internal/ops"
	"gongkai/internal/org"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// mailer is a real SMTP conversation with a test server on this machine.
func mailer(t *testing.T) (*mailtest.Server, *gkmail.Sender) {
	t.Helper()
	srv, err := mailtest.Start(false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	m, err := gkmail.Parse("--smtp", "smtp://"+srv.Addr, "noreply@example.gov.cn")
	if err != nil {
		t.Fatal(err)
	}
	m.TLS = srv.Roots
	return srv, m
}

// bodyOf decodes a received message's text.
func bodyOf(t *testing.T, m mailtest.Message) string {
	t.Helper()
	msg, err := mail.ReadMessage(strings.NewReader(m.Data))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, msg.Body))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestEmailAddresses(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-03-02")
		if got, err := o.SetUserEmail(ctx, f.clerk, f.clerk.UserID, " 张办理 <zhang＠example.gov.cn>"); err != nil || got != "zhang@example.gov.cn" {
			t.Fatalf("own address: %q %v", got, err)
		}
		if _, err := o.SetUserEmail(ctx, f.clerk, f.head.UserID, "x@example.gov.cn"); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("a clerk set a colleague's address: %v", err)
		}
		if _, err := o.SetUserEmail(ctx, f.admin, f.peerClerk.UserID, "x@example.gov.cn"); errs.KindOf(err) != errs.NotFound {
			t.Errorf("an administrator set another county's user's address: %v", err)
		}
		var e *errs.Error
		if _, err := o.SetUserEmail(ctx, f.admin, f.head.UserID, "li@example"); !asErr(err, &e) || e.Where != "email" {
			t.Errorf("a wrong address: %v", err)
		}
		if _, err := o.SetUserEmail(ctx, f.admin, f.head.UserID, "li@example.gov.cn"); err != nil {
			t.Fatal(err)
		}
		rows, _, err := s.SearchAudit(ctx, store.AuditFilter{AgencyIDs: []int64{f.a.ID}, Action: "user.email", Limit: 10})
		if err != nil || len(rows) != 2 || rows[0].Detail != "（无） → li@example.gov.cn" || rows[1].Object != "u1" {
			t.Fatalf("audit: %v %+v", err, rows)
		}
		u, err := o.CreateUser(ctx, f.admin, ops.NewUser{AgencyID: f.a.ID, Login: "new", Name: "新同事", Role: casework.Clerk, Password: "a-good-password", Email: "new@example.gov.cn"})
		if err != nil {
			t.Fatal(err)
		}
		if row, err := s.User(ctx, u.ID); err != nil || row.Email != "new@example.gov.cn" {
			t.Fatalf("created with an address: %+v %v", row, err)
		}
		if _, err := o.CreateUser(ctx, f.admin, ops.NewUser{AgencyID: f.a.ID, Login: "new2", Name: "新同事", Role: casework.Clerk, Password: "a-good-password", Email: "new2"}); !asErr(err, &e) {
			t.Errorf("created with a wrong address: %v", err)
		}
	})
}

func asErr(err error, e **errs.Error) bool {
	l, ok := err.(errs.List)
	if ok && len(l) > 0 {
		*e = l[0]
		return true
	}
	x, ok := err.(*errs.Error)
	*e = x
	return ok
}

// remindFx: the clerk handles A (due 2026-03-30) and B (due 2026-04-02), C
// (due 2026-03-31) is nobody's, D is answered, E waits for a 补正 due
// 2026-03-24 (3-03 + 15 working days); the clerk, the head and b's
// clerk gave addresses (a supervisor's reminder is TestReportReminder's).
func remindFx(t *testing.T, s *store.Store) (*fx, map[string]*casework.Case) {
	f := newFx(t, s)
	cs := map[string]*casework.Case{"A": f.register("2026-03-02", "王某"), "C": f.register("2026-03-03", "李某"),
		"B": f.register("2026-03-05", "赵某"), "D": f.register("2026-03-02", "钱某"), "E": f.register("2026-03-02", "孙某")}
	f.steps(cs["E"].ID, stepAt{"2026-03-03", f.clerk, casework.Step{Kind: casework.KindRequestCorrection, Note: "请明确年份"}})
	submitReport(t, f, "2026-01-20", 2025) // the head's annual report reminder has its own test
	if _, err := f.on("2026-03-04").AssignCase(ctx, f.head, cs["C"].ID, 0); err != nil {
		t.Fatal(err)
	}
	f.decide(cs["D"].ID, "2026-03-10")
	for p, addr := range map[*ops.Principal]string{&f.clerk: "zhang@example.gov.cn", &f.head: "li@example.gov.cn",
		&f.bClerk: "wang@example.gov.cn"} {
		if _, err := f.o.SetUserEmail(ctx, *p, p.UserID, addr); err != nil {
			t.Fatal(err)
		}
	}
	return f, cs
}

// submitReport saves and submits the agency's report of a year.
func submitReport(t *testing.T, f *fx, day string, year int) {
	t.Helper()
	o := f.on(day)
	before, err := o.Report(ctx, f.clerk, f.clerk.AgencyID, year)
	if err != nil {
		t.Fatal(err)
	}
	v, err := o.SaveReport(ctx, f.clerk, year, ops.ReportEdits{Base: before.Status.Version, Sections: map[string]string{"1": "概况。", "5": "问题和改进。", "6": "本年度未收取信息处理费。"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := o.SubmitReport(ctx, f.head, year, v.Status.Version); err != nil {
		t.Fatal(err)
	}
}

// The head of an office is reminded of last year's report from ten working
// days before its deadline (31 January for a department) until it is
// submitted; a clerk is not; a supervising office of the reports of every
// agency it oversees, each by its own deadline (a county's aggregate: 20
// February).
func TestReportReminder(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		for i, p := range []ops.Principal{f.clerk, f.head, f.super} {
			if _, err := f.o.SetUserEmail(ctx, p, p.UserID, fmt.Sprintf("u%d@example.gov.cn", i)); err != nil {
				t.Fatal(err)
			}
		}
		names := func(rs []notify.ReportDue) string {
			var out []string
			for _, r := range rs {
				out = append(out, r.Agency)
			}
			return strings.Join(out, "、")
		}
		for day, want := range map[string]struct {
			left     int
			overseen string
		}{
			"2026-01-15": {99, ""}, "2026-01-16": {10, "示例区教育局、示例区财政局"}, "2026-01-30": {0, "示例区教育局、示例区财政局"},
			"2026-02-02": {-1, "示例区人民政府、示例区教育局、示例区财政局"}, "2026-02-25": {-13, "示例区人民政府、示例区教育局、示例区财政局"},
		} {
			rs, err := f.o.Reminders(ctx, D(day), "")
			if err != nil {
				t.Fatal(err)
			}
			byUser := map[int64]ops.Reminder{}
			for _, r := range rs {
				byUser[r.UserID] = r
			}
			if got := names(byUser[f.super.UserID].Reports); got != want.overseen || len(byUser[f.super.UserID].Groups) > 0 {
				t.Errorf("%s: the supervisor is reminded of %q, want %q (and of no application: %+v)", day, got, want.overseen, byUser[f.super.UserID].Groups)
			}
			if _, ok := byUser[f.clerk.UserID]; ok {
				t.Errorf("%s: the clerk is reminded of the report", day)
			}
			head, ok := byUser[f.head.UserID]
			if want.left == 99 {
				if ok {
					t.Errorf("%s: %+v", day, head)
				}
				continue
			}
			if !ok || len(head.Reports) != 1 || head.Reports[0].Year != 2025 || head.Reports[0].Due != D("2026-01-31") ||
				head.Reports[0].DaysLeft != want.left || head.Reports[0].Saved {
				t.Errorf("%s: %+v", day, head)
			}
		}
		if _, err := f.on("2026-02-02").SaveReport(ctx, f.clerk, 2025, ops.ReportEdits{}); err != nil {
			t.Fatal(err)
		}
		rs, err := f.o.Reminders(ctx, D("2026-02-03"), "https://gk.example.gov.cn")
		if err != nil || len(rs) != 2 || rs[1].UserID != f.head.UserID || !rs[1].Reports[0].Saved ||
			!strings.Contains(rs[1].Body(), "年度报告尚未报送（1 个）：\n  示例区教育局  2025年度报告已保存，尚未报送，应于 2026年1月31日 前报送并公开（已逾期 2 个工作日；《条例》第四十九条）\n    https://gk.example.gov.cn/admin/reports?year=2025") ||
			rs[1].Summary() != "2025年度报告尚未报送" {
			t.Fatalf("saved, not submitted: %v %+v", err, rs)
		}
		if sup := rs[0]; sup.UserID != f.super.UserID || sup.Summary() != "3 个机关的2025年度报告尚未报送" || !strings.Contains(sup.Body(), "https://gk.example.gov.cn/admin/rollup?year=2025") {
			t.Errorf("the supervisor's: %+v\n%s", sup, sup.Body())
		}
		submitReport(t, f, "2026-02-03", 2025)
		rs, err = f.o.Reminders(ctx, D("2026-02-04"), "")
		if err != nil || len(rs) != 1 || names(rs[0].Reports) != "示例区人民政府、示例区财政局" {
			t.Errorf("after submitting: %v %+v", err, rs)
		}
	})
}

func TestReminders(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f, cs := remindFx(t, s)
		rs, err := f.o.Reminders(ctx, D("2026-03-31"), "https://gk.example.gov.cn/")
		if err != nil || len(rs) != 2 {
			t.Fatalf("%v: %d reminders, want the clerk's and the head's: %+v", err, len(rs), rs)
		}
		clerk, head := rs[0], rs[1]
		if clerk.UserID != f.clerk.UserID || clerk.Overdue != 1 || clerk.DueSoon != 1 || clerk.Lapsed != 1 || clerk.Unassigned != 1 || len(clerk.Groups) != 4 ||
			clerk.Groups[0].Items[0].Serial != cs["A"].Serial || clerk.Groups[0].Items[0].DaysLeft != -1 ||
			clerk.Groups[1].Items[0].Serial != cs["B"].Serial || clerk.Groups[1].Items[0].DaysLeft != 2 ||
			clerk.Groups[2].Items[0].Serial != cs["E"].Serial || clerk.Groups[2].Items[0].DaysLeft != -5 || clerk.Groups[2].Items[0].DueWhat != "补正期限" ||
			clerk.Groups[3].Items[0].Serial != cs["C"].Serial || clerk.Groups[3].Items[0].DaysLeft != 0 {
			t.Errorf("clerk's: %+v", clerk)
		}
		if head.UserID != f.head.UserID || head.Overdue+head.DueSoon != 0 || len(head.Groups) != 1 || head.Unassigned != 1 || head.Base != "https://gk.example.gov.cn" {
			t.Errorf("head's: %+v", head)
		}
		// a week earlier nothing is due within three working days
		if rs, err := f.o.Reminders(ctx, D("2026-03-20"), ""); err != nil || len(rs) != 0 {
			t.Errorf("2026-03-20: %v %+v", err, rs)
		}
		// days off send nothing (a weekend, 劳动节), a 调休 Saturday does
		for day, want := range map[string]int{"2026-04-04": 0, "2026-05-04": 0, "2026-05-09": 2, "2026-05-11": 2} {
			if rs, err := f.o.Reminders(ctx, D(day), ""); err != nil || len(rs) != want {
				t.Errorf("%s: %v, %d reminders, want %d", day, err, len(rs), want)
			}
		}
		// E's applicant sends the 补正 online: said as one to confirm, not as a period passed
		if err := f.on("2026-03-23").SubmitCorrection(ctx, cs["E"].Code, "2025年", "", nil); err != nil {
			t.Fatal(err)
		}
		rs, err = f.o.Reminders(ctx, D("2026-03-31"), "")
		if err != nil || len(rs) != 2 {
			t.Fatalf("after the 补正 sent: %v %d", err, len(rs))
		}
		clerk = rs[0]
		var titles []string
		for _, g := range clerk.Groups {
			titles = append(titles, g.Title)
		}
		if clerk.Lapsed != 0 || clerk.Corrected != 1 || len(clerk.Groups) != 4 || clerk.Groups[2].Items[0].Serial != cs["E"].Serial ||
			!strings.Contains(clerk.Groups[2].Title, "已在线提交补正") || !strings.Contains(clerk.Summary(), "申请人在线补正或撤回待确认 1 件") {
			t.Errorf("clerk's after the 补正 sent: %+v %q", clerk.Digest, titles)
		}
		// the clerk proposes B's extension: the head is told it waits for them, first
		ext := casework.Step{Kind: casework.KindExtend, On: D("2026-03-31"), Note: "需要汇总"}
		if _, err := f.on("2026-03-31").ProposeStep(ctx, f.clerk, cs["B"].ID, ext, ""); err != nil {
			t.Fatal(err)
		}
		rs, err = f.o.Reminders(ctx, D("2026-03-31"), "")
		if err != nil || len(rs) != 2 {
			t.Fatalf("after the proposal: %v %d", err, len(rs))
		}
		if head := rs[1]; head.Proposed != 1 || head.Groups[0].Items[0].Serial != cs["B"].Serial || !strings.Contains(head.Groups[0].Title, "提请您审批") ||
			!strings.Contains(head.Summary(), "待您审批的提请 1 件") {
			t.Errorf("head's with a proposal: %+v", head.Digest)
		}
		if rs[0].Proposed != 0 || strings.Contains(rs[0].Body(), "提请您审批") {
			t.Errorf("the clerk is told to approve: %s", rs[0].Body())
		}
		// returned: its 承办人 is told, first, and the head no longer
		if _, err := f.on("2026-03-31").DecideProposal(ctx, f.head, cs["B"].ID, false, "理由不充分"); err != nil {
			t.Fatal(err)
		}
		rs, err = f.o.Reminders(ctx, D("2026-03-31"), "")
		if err != nil || len(rs) != 2 {
			t.Fatalf("after the return: %v %d", err, len(rs))
		}
		if clerk := rs[0]; clerk.Returned != 1 || clerk.Groups[0].Items[0].Serial != cs["B"].Serial || !strings.Contains(clerk.Summary(), "提请被退回 1 件") {
			t.Errorf("clerk's after the return: %+v", clerk.Digest)
		}
		if rs[1].Proposed != 0 || rs[1].Returned != 0 {
			t.Errorf("head's after the return: %+v", rs[1].Digest)
		}
	})
}

func TestSendReminders(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f, cs := remindFx(t, s)
		srv, m := mailer(t)
		srv.Refuse = func(to string) bool { return to == "li@example.gov.cn" }
		o := f.o.At(at("2026-03-31", "08:30"))
		before := f.audits()
		res, err := o.SendReminders(ctx, m, "https://gk.example.gov.cn")
		if err != nil || len(res.Sent) != 1 || len(res.Failed) != 1 || res.Failed[0].To != "li@example.gov.cn" || res.Day != D("2026-03-31") {
			t.Fatalf("first round: %v %+v", err, res)
		}
		got := srv.Messages()
		if len(got) != 1 || got[0].To[0] != "zhang@example.gov.cn" || got[0].From != "noreply@example.gov.cn" {
			t.Fatalf("received %+v", got)
		}
		body := bodyOf(t, got[0])
		for _, want := range []string{cs["A"].Serial, cs["B"].Serial, cs["C"].Serial, "https://gk.example.gov.cn/admin/cases/",
			cs["E"].Serial + "  收到 2026年3月2日  补正期限 2026年3月24日（已过 5 个工作日）  待补正"} {
			if !strings.Contains(body, want) {
				t.Errorf("the message lacks %q:\n%s", want, body)
			}
		}
		for _, never := range []string{"王某", "李某", "赵某", "孙某", "学区划分", cs["D"].Serial} {
			if strings.Contains(body, never) {
				t.Errorf("the message names %q:\n%s", never, body)
			}
		}
		if f.audits() != before+1 {
			t.Errorf("%d audit entries, want one for the one sent", f.audits()-before)
		}
		rows, _, _ := s.SearchAudit(ctx, store.AuditFilter{AgencyIDs: []int64{f.a.ID}, Action: "remind.send", Limit: 5})
		if len(rows) != 1 || rows[0].Object != "u1" || !strings.Contains(rows[0].Detail, "已逾期 1 件") || !strings.HasSuffix(rows[0].Detail, "发至 zhang@example.gov.cn") ||
			audit.Name(rows[0].Action) != "发送到期提醒" {
			t.Errorf("audit %+v", rows)
		}

		// again the same day: the clerk's is not sent twice; the head's,
		// given back, goes once the server takes it
		srv.Refuse = nil
		res, err = o.SendReminders(ctx, m, "")
		if err != nil || len(res.Sent) != 1 || res.Sent[0].UserID != f.head.UserID || res.Taken != 1 || len(res.Failed) != 0 {
			t.Fatalf("second round: %v %+v", err, res)
		}
		if res, err = o.SendReminders(ctx, m, ""); err != nil || len(res.Sent) != 0 || res.Taken != 2 {
			t.Fatalf("third round: %v %+v", err, res)
		}
		if n, err := s.RemindersSent(ctx, D("2026-03-31")); err != nil || n != 2 {
			t.Errorf("recorded as sent: %d %v", n, err)
		}
		// the next working day each gets one again
		if res, err = f.o.At(at("2026-04-01", "08:30")).SendReminders(ctx, m, ""); err != nil || len(res.Sent) != 2 {
			t.Fatalf("next day: %v %+v", err, res)
		}
		if n := len(srv.Messages()); n != 4 {
			t.Errorf("%d messages in all, want 4", n)
		}
	})
}

// A letter goes to the applicant by e-mail as a PDF, numbered first, from
// those who act on the application only; the sending is kept and audited,
// a refused one is said at the address and kept nowhere.
func TestMailLetter(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		c := f.register("2026-03-02", "王某")
		f.decide(c.ID, "2026-03-10")
		o := f.on("2026-03-11")
		srv, m := mailer(t)
		if _, err := o.MailLetter(ctx, f.clerk, c.ID, 2, "", nil); errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), "未设置邮件服务器") {
			t.Errorf("without a mail server: %v", err)
		}
		if _, err := o.MailLetter(ctx, f.super, c.ID, 2, "", m); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("a supervisor mailed: %v", err)
		}
		if _, err := o.MailLetter(ctx, f.peerClerk, c.ID, 2, "", m); errs.KindOf(err) != errs.NotFound {
			t.Errorf("another county's clerk mailed: %v", err)
		}
		var e *errs.Error
		if _, err := o.MailLetter(ctx, f.clerk, c.ID, 2, "wang@", m); !asErr(err, &e) || e.Where != "to" {
			t.Errorf("a wrong address: %v", err)
		}
		srv.Refuse = func(to string) bool { return to == "a@example.cn" }
		if _, err := o.MailLetter(ctx, f.clerk, c.ID, 2, "", m); !asErr(err, &e) || e.Where != "to" || !strings.Contains(e.Msg, "邮件没有发出") || !strings.Contains(e.Msg, "不接受收件人 a@example.cn") {
			t.Errorf("refused: %v", err)
		}
		if v, _ := o.Case(ctx, f.clerk, c.ID); len(v.Mails) != 0 {
			t.Fatalf("a refused sending was kept: %+v", v.Mails)
		}
		srv.Refuse = nil
		before := f.audits()
		lm, err := o.MailLetter(ctx, f.clerk, c.ID, 2, "", m)
		if err != nil || lm.To != "a@example.cn" || lm.Number == "" || lm.By != "张办理" {
			t.Fatalf("sent: %+v %v", lm, err)
		}
		if _, err := o.MailLetter(ctx, f.head, c.ID, 2, " 王某 <wang@example.cn> ", m); err != nil {
			t.Fatal(err)
		}
		v, err := o.Case(ctx, f.clerk, c.ID)
		if err != nil || len(v.Mails) != 2 || v.Mails[0].Seq != 2 || v.Mails[1].To != "wang@example.cn" || v.Letters[2] != lm.Number {
			t.Fatalf("kept: %v %+v %v", err, v.Mails, v.Letters)
		}
		// the applicant sees on the status page where it went, the address masked
		st, err := o.Status(ctx, c.Code)
		if err != nil || len(st.Letters) != 1 || strings.Join(st.Letters[0].Mailed, "|") != "2026年3月11日已以电子邮件发至 a***@example.cn|2026年3月11日已以电子邮件发至 w***@example.cn" {
			t.Errorf("status: %v %+v", err, st)
		}
		if n := f.audits() - before; n != 2 { // the number was issued by the refused attempt
			t.Errorf("%d audit entries, want 2", n)
		}
		got := srv.Messages()
		if len(got) != 2 || got[0].To[0] != "a@example.cn" {
			t.Fatalf("received %+v", got)
		}
		msg, err := mail.ReadMessage(strings.NewReader(got[0].Data))
		if err != nil {
			t.Fatal(err)
		}
		subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		if subject != lm.Number+" 政府信息公开申请答复书" {
			t.Errorf("subject %q", subject)
		}
		mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
		if err != nil || mt != "multipart/mixed" {
			t.Fatalf("%s %v", mt, err)
		}
		mr := multipart.NewReader(msg.Body, params["boundary"])
		var text, pdf []byte
		for {
			part, err := mr.NextPart()
			if err != nil {
				break
			}
			b, _ := io.ReadAll(base64.NewDecoder(base64.StdEncoding, part))
			if part.FileName() != "" {
				if name, _ := new(mime.WordDecoder).DecodeHeader(part.FileName()); name != lm.Number+" 政府信息公开申请答复书.pdf" {
					t.Errorf("file name %q", name)
				}
				pdf = b
			} else {
				text = b
			}
		}
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !strings.Contains(string(text), "您于 2026年3月2日 提出的政府信息公开申请（申请编号 "+c.Serial+"）") {
			t.Errorf("text %q, PDF %d bytes starting %q", text, len(pdf), pdf[:min(len(pdf), 8)])
		}
	})
}

// The operations' own reads are not cut at a page: a clerk with 60 overdue
// applications is told of 60 (30 listed), and Art. 44 weighs 60 answered
// requests, not the 50 newest (the case list's page cap had cut both).
func TestReadsBeyondAPage(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		for i := range 120 {
			c := f.register("2026-03-02", fmt.Sprintf("申请人%d", i))
			if i%2 == 0 {
				f.decide(c.ID, "2026-03-05")
			}
		}
		if _, err := f.o.SetUserEmail(ctx, f.clerk, f.clerk.UserID, "zhang@example.gov.cn"); err != nil {
			t.Fatal(err)
		}
		rs, err := f.o.Reminders(ctx, D("2026-04-20"), "")
		if err != nil || len(rs) != 1 || rs[0].Overdue != 60 || len(rs[0].Groups[0].Items) != 30 || rs[0].Groups[0].More != 30 {
			t.Fatalf("%v %+v", err, rs)
		}
		groups, err := f.on("2026-04-20").Art44(ctx, f.clerk)
		if err != nil || len(groups) != 1 || len(groups[0].Rows) != 60 {
			t.Fatalf("Art. 44: %v %d groups", err, len(groups))
		}
	})
}

// The agency's 主动公开 items not yet published are in the reminders of its
// staff from five working days before the Art. 26 period ends (as the
// catalog's own list marks them), and after it.
func TestItemReminders(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		if _, err := f.o.SetUserEmail(ctx, f.clerk, f.clerk.UserID, "zhang@example.gov.cn"); err != nil {
			t.Fatal(err)
		}
		v, err := f.on("2026-03-02").CreateItem(ctx, f.clerk, catalog.Item{Title: "示例区2026年小学学区划分范围", Summary: "公布学区划分范围。",
			FormedOn: D("2026-03-02"), Body: "一、划分原则", Category: "11", Column: "义务教育", Attribute: catalog.Active})
		if err != nil {
			t.Fatal(err)
		}
		for day, left := range map[string]int{"2026-03-20": 99, "2026-03-23": 5, "2026-03-31": -1} {
			rs, err := f.o.Reminders(ctx, D(day), "https://gk.example.gov.cn")
			if err != nil {
				t.Fatal(err)
			}
			if left == 99 {
				if len(rs) != 0 {
					t.Errorf("%s: %+v", day, rs)
				}
				continue
			}
			if len(rs) != 1 || rs[0].Items != 1 || len(rs[0].Groups) != 1 || rs[0].Groups[0].Items[0].DaysLeft != left {
				t.Fatalf("%s: %+v", day, rs)
			}
			if day == "2026-03-31" && (!strings.Contains(rs[0].Body(), "示例区2026年小学学区划分范围  形成 2026年3月2日  公开期限 2026年3月30日（已逾期 1 个工作日）") ||
				!strings.Contains(rs[0].Body(), fmt.Sprintf("https://gk.example.gov.cn/admin/catalog/%d", v.Item.ID)) || rs[0].Summary() != "主动公开信息将到或已过公开期限 1 条") {
				t.Errorf("%s:\n%s", day, rs[0].Body())
			}
		}
	})
}

// 忘记密码: a link to the account's own address sets a new password once,
// within 30 minutes; the answer is the same for a login that does not exist
// or has no address; a flood from one address is stopped.
func TestPasswordResetByMail(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		srv, m := mailer(t)
		if _, err := f.o.SetUserEmail(ctx, f.clerk, f.clerk.UserID, "zhang@example.gov.cn"); err != nil {
			t.Fatal(err)
		}
		o := f.o.At(at("2026-03-02", "09:00"))
		if err := o.RequestReset(ctx, "u1", "10.0.0.1", "https://gk.example.gov.cn", nil); errs.KindOf(err) != errs.Conflict {
			t.Errorf("without a mail server: %v", err)
		}
		for _, login := range []string{"nobody", "u2"} { // no such login; the head has no address
			if err := o.RequestReset(ctx, login, "10.0.0.1", "https://gk.example.gov.cn", m); err != nil {
				t.Errorf("%s: %v", login, err)
			}
		}
		if n := len(srv.Messages()); n != 0 {
			t.Fatalf("%d messages for logins without an address", n)
		}
		token := func() string {
			t.Helper()
			if err := o.RequestReset(ctx, "u1", "10.0.0.2", "https://gk.example.gov.cn/", m); err != nil {
				t.Fatal(err)
			}
			got := srv.Messages()
			body := bodyOf(t, got[len(got)-1])
			_, tok, ok := strings.Cut(body, "https://gk.example.gov.cn/reset?token=")
			if !ok || got[len(got)-1].To[0] != "zhang@example.gov.cn" {
				t.Fatalf("no link:\n%s", body)
			}
			return strings.Fields(tok)[0]
		}
		first, second := token(), token()
		if u, err := o.ResetUser(ctx, first); err != nil || u.Login != "u1" {
			t.Fatalf("the link's user: %v %+v", err, u)
		}
		var e *errs.Error
		if err := o.ResetByLink(ctx, second, "a-new-password", "another"); !asErr(err, &e) || e.Where != "again" {
			t.Errorf("mismatch: %v", err)
		}
		if err := o.ResetByLink(ctx, second, "a-new-password", "a-new-password"); err != nil {
			t.Fatal(err)
		}
		if _, hash, _ := s.UserByLogin(ctx, "u1"); !org.CheckPassword(hash, "a-new-password") {
			t.Error("the new password does not sign in")
		}
		for _, tok := range []string{second, first, "not-a-token"} { // used, and the other used up with it
			if err := o.ResetByLink(ctx, tok, "yet-another-one", "yet-another-one"); errs.KindOf(err) != errs.NotFound {
				t.Errorf("token %.8s…: %v", tok, err)
			}
		}
		late := token()
		if _, err := f.o.At(at("2026-03-02", "09:31")).ResetUser(ctx, late); errs.KindOf(err) != errs.NotFound {
			t.Errorf("a link after 30 minutes: %v", err)
		}
		rows, _, _ := s.SearchAudit(ctx, store.AuditFilter{AgencyIDs: []int64{f.a.ID}, Action: "password.reset", Limit: 5})
		if len(rows) != 1 || rows[0].Object != "u1" {
			t.Errorf("audit: %+v", rows)
		}
		var th *ops.ErrThrottled
		for range 10 {
			if err := o.RequestReset(ctx, "u1", "10.0.0.3", "https://gk.example.gov.cn", m); errors.As(err, &th) {
				break
			}
		}
		if th == nil {
			t.Error("requests from one address are not limited")
		}
	})
}
