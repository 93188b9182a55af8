package ops_test

import (
	"fmt"
	"strings"
	"testing"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/ops"
	"gongkai/internal/org"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// 承办人: who registers an application handles it; the agency's own staff
// assign it to another of its 办理人 or 负责人 or to nobody, with an audit
// entry; the list filters by 承办人 and the dashboard counts one's own.
// Supervisors read, other agencies' staff and disabled accounts cannot be
// named.
func TestAssignCase(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		c := f.register("2026-03-02", "王某")
		o := f.on("2026-03-03")
		v, err := o.Case(ctx, f.clerk, c.ID)
		if err != nil || v.HandlerID != f.clerk.UserID || v.Handler != "张办理" || len(v.Handlers) != 2 {
			t.Fatalf("after registering: %v handler %d %q, %d handlers", err, v.HandlerID, v.Handler, len(v.Handlers))
		}
		before := f.audits()
		if name, err := o.AssignCase(ctx, f.clerk, c.ID, f.head.UserID); err != nil || name != "李主任" {
			t.Fatalf("assign: %q %v", name, err)
		}
		if f.audits() != before+1 {
			t.Error("no audit entry")
		}
		// another agency's clerk, a supervisor (handles nothing), nobody
		for _, who := range []int64{f.bClerk.UserID, f.super.UserID, 999999} {
			if _, err := o.AssignCase(ctx, f.clerk, c.ID, who); errs.KindOf(err) != errs.Invalid {
				t.Errorf("assign to %d: %v", who, err)
			}
		}
		if _, err := o.AssignCase(ctx, f.super, c.ID, f.clerk.UserID); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("a supervisor assigned: %v", err)
		}
		if _, err := o.AssignCase(ctx, f.peerClerk, c.ID, f.peerClerk.UserID); errs.KindOf(err) != errs.NotFound {
			t.Errorf("another county's clerk assigned: %v", err)
		}
		if f.audits() != before+1 {
			t.Error("a refused assignment wrote an audit entry")
		}

		// the same application ticked twice is assigned once, named once
		if _, err := o.AssignCases(ctx, f.clerk, []int64{c.ID, c.ID}, f.head.UserID); err != nil {
			t.Fatal(err)
		}
		if rows, _, err := s.ListAudit(ctx, []int64{f.a.ID}, 1, 0); err != nil || rows[0].Object != c.Serial {
			t.Errorf("the audit entry of a double tick: %v %+v", err, rows)
		}

		// the list and the dashboard
		c2 := f.register("2026-03-02", "李某")
		if _, err := o.AssignCase(ctx, f.clerk, c2.ID, 0); err != nil {
			t.Fatal(err)
		}
		ids := []int64{f.a.ID}
		list := func(fl casework.Filter) []string {
			fl.AgencyIDs = ids
			rows, _, err := s.ListCases(ctx, fl)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, r := range rows {
				out = append(out, r.ApplicantName+":"+r.Handler)
			}
			return out
		}
		if got := list(casework.Filter{Handler: f.head.UserID}); len(got) != 1 || got[0] != "王某:李主任" {
			t.Errorf("the head's: %v", got)
		}
		if got := list(casework.Filter{Unassigned: true, Open: true}); len(got) != 1 || got[0] != "李某:" {
			t.Errorf("unassigned: %v", got)
		}
		d, err := o.Dashboard(ctx, f.head)
		if err != nil || !d.Handles || d.Mine != 1 || d.NoHandler != 1 {
			t.Errorf("the head's dashboard: %v %+v", err, d)
		}
		var load []string
		for _, h := range d.Workload {
			load = append(load, fmt.Sprintf("%s:%d", h.Name, h.Open))
		}
		if strings.Join(load, " ") != "张办理:0 李主任:1 :1" {
			t.Errorf("the head's 承办情况: %v", load)
		}
		if d, err := o.Dashboard(ctx, f.clerk); err != nil || d.Workload != nil {
			t.Errorf("a clerk's dashboard has the 承办情况: %v", err)
		}
		if d, err := o.Dashboard(ctx, f.super); err != nil || d.Handles || d.Workload != nil {
			t.Errorf("a supervisor's dashboard counts own cases: %v", err)
		}
		// a disabled account: still shown as the 承办人, never named anew
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.SetDisabled(ctx, f.head.UserID, true) }); err != nil {
			t.Fatal(err)
		}
		v, err = o.Case(ctx, f.clerk, c.ID)
		if err != nil || v.Handler != "李主任" || !v.Handlers[len(v.Handlers)-1].Disabled {
			t.Errorf("a disabled 承办人: %v %+v", err, v.Handlers)
		}
		if _, err := o.AssignCase(ctx, f.clerk, c2.ID, f.head.UserID); errs.KindOf(err) != errs.Invalid {
			t.Errorf("assigned to a disabled account: %v", err)
		}
	})
}

// A register with a 承办人 column names the 承办人 of each imported case when
// the name is one of the agency's staff who handle applications; another
// name (a colleague who left) is said once with its rows and the case comes
// in without one; the 承办人's telephone is no 承办人.
func TestImportHandlers(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-03-10")
		csv := "收到日期,申请方式,申请人类型,申请人,申请内容,承办人,经办人电话\n" +
			"2026-03-02,当面,自然人,甲某,学区划分方案,张办理,0373-1234567\n" +
			"2026-03-03,当面,自然人,乙某,招生计划,王五,0373-1234567\n" +
			"2026-03-04,当面,自然人,丙某,收费标准,,\n" +
			"2026-03-05,当面,自然人,丁某,食堂合同,王五,\n"
		res, err := o.Import(ctx, f.clerk, f.a.ID, ops.ImportRequest{Kind: ops.ImportCases, Name: "台账.csv", Data: []byte(csv), Commit: true})
		if err != nil || res.Imported != 4 {
			t.Fatalf("%v %+v", err, res)
		}
		if len(res.Unassigned) != 1 || !strings.Contains(res.Unassigned[0], "承办人“王五”（第 3、5 行，共 2 行）") {
			t.Errorf("the unknown 承办人: %q", res.Unassigned)
		}
		if c, ok := res.Mapping.Columns["handler"]; !ok || res.Mapping.Headers[c] != "承办人" {
			t.Errorf("the 承办人 column: %v", res.Mapping.Columns)
		}
		rows, _, err := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{f.a.ID}, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, r := range rows {
			got[r.ApplicantName] = r.Handler
		}
		if got["甲某"] != "张办理" || got["乙某"] != "" || got["丙某"] != "" || got["丁某"] != "" {
			t.Errorf("承办人 after the import: %v", got)
		}
	})
}

// An agency that keeps assigned applications to their 承办人: a colleague
// reads the application but neither records a step, corrects it, attaches
// a file, issues its letters nor reassigns it; the 负责人 does all of it
// and assigns; a colleague takes an unassigned one or gives back an own one.
// Off (the default), any of the agency's staff acts.
func TestHandlerOnly(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		colleague := ops.Principal{AgencyID: f.a.ID, Name: "王审核", Role: casework.Clerk, Via: "web"}
		u := &org.User{AgencyID: f.a.ID, Login: "colleague", Name: colleague.Name, Role: casework.Clerk}
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.CreateUser(ctx, u, "x") }); err != nil {
			t.Fatal(err)
		}
		colleague.UserID = u.ID
		c := f.register("2026-03-02", "王某") // the clerk's
		o := f.on("2026-03-03")
		consult := casework.Step{Kind: casework.KindConsult, On: D("2026-03-03"), Party: "某公司"}
		if _, err := o.AddStep(ctx, colleague, c.ID, consult); err != nil {
			t.Fatalf("the rule off: a colleague acts: %v", err)
		}
		a, err := s.GetAgency(ctx, f.a.ID)
		if err != nil {
			t.Fatal(err)
		}
		a.HandlerOnly, a.LetterPrefix = true, "示教依公"
		if err := o.UpdateAgency(ctx, f.admin, a, ""); err != nil {
			t.Fatal(err)
		}
		// the audit log says what changed
		if rows, _, err := s.SearchAudit(ctx, store.AuditFilter{AgencyIDs: []int64{f.a.ID}, Action: "agency.update", Limit: 1}); err != nil || len(rows) != 1 ||
			rows[0].Detail != "文号前缀：示依公 → 示教依公；已指派承办人的申请只有承办人和负责人可以办理：否 → 是" {
			t.Errorf("the audit line of the change: %v %+v", err, rows)
		}
		before := f.audits()
		end := casework.Step{Kind: casework.KindConsultEnd, On: D("2026-03-03")}
		for name, try := range map[string]func() error{
			"step": func() error { _, err := o.AddStep(ctx, colleague, c.ID, end); return err },
			"edit": func() error {
				in := c.Intake
				in.Applicant.Name = "王某某"
				_, err := o.EditIntake(ctx, colleague, c.ID, in, "")
				return err
			},
			"attach":   func() error { _, err := o.Attach(ctx, colleague, c.ID, "记录.txt", []byte("x")); return err },
			"take":     func() error { _, err := o.AssignCase(ctx, colleague, c.ID, colleague.UserID); return err },
			"give to":  func() error { _, err := o.AssignCase(ctx, f.clerk, c.ID, colleague.UserID); return err },
			"drop all": func() error { _, err := o.AssignCase(ctx, colleague, c.ID, 0); return err },
		} {
			if err := try(); errs.KindOf(err) != errs.Forbidden {
				t.Errorf("%s: %v", name, err)
			}
		}
		if f.audits() != before {
			t.Error("a refused act wrote an audit entry")
		}
		v, err := o.Case(ctx, colleague, c.ID)
		if err != nil || v.CanAct || !strings.Contains(v.Barred, "承办人是张办理") || len(v.Allowed) != 0 {
			t.Errorf("the colleague's page: %v can act %v, %q, %v", err, v.CanAct, v.Barred, v.Allowed)
		}
		if l, err := o.Letter(ctx, colleague, c.ID, 2); err != nil || l.Number != "（尚未编号）" {
			t.Errorf("a colleague's copy of the letter: %v %+v", err, l)
		}
		// the 承办人 and the 负责人 act; the 负责人 reassigns
		if _, err := o.AddStep(ctx, f.clerk, c.ID, end); err != nil {
			t.Errorf("the 承办人: %v", err)
		}
		if v, _ := o.Case(ctx, f.head, c.ID); !v.CanAct || v.Barred != "" {
			t.Errorf("the 负责人's page: %v %q", v.CanAct, v.Barred)
		}
		if _, err := o.AssignCase(ctx, f.head, c.ID, colleague.UserID); err != nil {
			t.Fatalf("the 负责人 assigns: %v", err)
		}
		if _, err := o.Attach(ctx, colleague, c.ID, "记录.txt", []byte("x")); err != nil {
			t.Errorf("the new 承办人: %v", err)
		}
		if _, err := o.Attach(ctx, f.clerk, c.ID, "记录.txt", []byte("x")); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("the former 承办人: %v", err)
		}
		// given back, it is anyone's to take
		if _, err := o.AssignCase(ctx, colleague, c.ID, 0); err != nil {
			t.Fatalf("give back: %v", err)
		}
		if _, err := o.AssignCase(ctx, f.clerk, c.ID, colleague.UserID); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("a clerk assigned an unassigned one to a colleague: %v", err)
		}
		if _, err := o.AssignCase(ctx, f.clerk, c.ID, f.clerk.UserID); err != nil {
			t.Errorf("take an unassigned one: %v", err)
		}
		if a, _ := s.GetAgency(ctx, f.a.ID); !a.HandlerOnly {
			t.Error("the rule was not stored")
		}
	})
}

// 办理情况统计 by 承办人, for the head of the office: each of its staff who
// handle applications in the staff list's order, those of nobody, the
// total; counted as the agencies' statistics count. Only a 负责人 sees it.
func TestHandlerStats(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		onTime := f.register("2025-03-03", "王某") // the clerk's, as registered
		f.decide(onTime.ID, "2025-03-10")
		late := f.register("2025-03-03", "李某")
		f.decide(late.ID, "2025-04-30")
		heads := f.register("2025-05-06", "赵某")
		nobodys := f.register("2025-06-02", "孙某")
		o := f.on("2026-03-02")
		if _, err := o.AssignCase(ctx, f.clerk, heads.ID, f.head.UserID); err != nil {
			t.Fatal(err)
		}
		if _, err := o.AssignCase(ctx, f.clerk, nobodys.ID, 0); err != nil {
			t.Fatal(err)
		}
		st, err := o.HandlerStats(ctx, f.head, 2025)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]ops.StatsRow{}
		var names []string
		for _, r := range st.Rows {
			got[r.Name], names = r, append(names, r.Name)
		}
		if strings.Join(names, " ") != "张办理 李主任 未指派" || st.Total == nil || !st.ByHandler {
			t.Fatalf("rows %v, total %v", names, st.Total)
		}
		if c := got["张办理"]; c.Received != 2 || c.Closed != 2 || c.OnTime != 1 || c.Late != 1 || c.Open != 0 || c.Results["granted"] != 2 {
			t.Errorf("the clerk's: %+v", c.CaseStats)
		}
		if c := got["李主任"]; c.Received != 1 || c.Open != 1 || c.Overdue != 1 || c.Closed != 0 || c.MeanDays != -1 {
			t.Errorf("the head's: %+v", c.CaseStats)
		}
		if c := got["未指派"]; c.Received != 1 || c.Open != 1 || c.HandlerID != 0 {
			t.Errorf("nobody's: %+v", c.CaseStats)
		}
		if st.Total.Received != 4 || st.Total.Closed != 2 || st.Total.Open != 2 {
			t.Errorf("total: %+v", st.Total.CaseStats)
		}
		// the same counts as the agency's own row
		agencies, err := o.Stats(ctx, f.clerk, 2025)
		if err != nil || agencies.Rows[0].Received != st.Total.Received || agencies.Rows[0].Late != st.Total.Late {
			t.Errorf("the agency's row %+v, the total by 承办人 %+v (%v)", agencies.Rows[0].CaseStats, st.Total.CaseStats, err)
		}
		if l := st.Ledger(); l.Headers[0] != "承办人" || len(l.Headers) != ops.TimingColumns+len(casework.OutcomeGroups)+len(casework.MarkKinds) || l.Rows[3][0] != "合计" {
			t.Errorf("ledger %v %v", l.Headers, l.Rows)
		}
		for _, p := range []ops.Principal{f.clerk, f.super, f.admin} {
			if _, err := o.HandlerStats(ctx, p, 2025); errs.KindOf(err) != errs.Forbidden {
				t.Errorf("%s: %v", p.Name, err)
			}
		}
	})
}
