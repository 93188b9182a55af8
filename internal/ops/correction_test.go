package ops_test

import (
	"slices"
	"strings"
	"testing"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/ops"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// An applicant asked for a 补正 sends it online by the 查询码: the text and a
// file are kept with the case (audited), the status page says it waits for
// the agency's confirmation, the 工作台 marks it; it is refused when the
// application does not await one, when nothing is sent, when the file is not
// what it says, and after five.
func TestSubmitCorrection(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		c := f.register("2026-03-02", "王某")
		o := f.on("2026-03-04")
		if err := o.SubmitCorrection(ctx, c.Code, "2025年的方案", "", nil); errs.KindOf(err) != errs.Conflict {
			t.Fatalf("before any 补正告知: %v", err)
		}
		f.steps(c.ID, stepAt{"2026-03-03", f.clerk, casework.Step{Kind: casework.KindRequestCorrection, Note: "请明确年份"}})
		if err := o.SubmitCorrection(ctx, "NOSUCHCODE", "2025年的方案", "", nil); errs.KindOf(err) != errs.NotFound {
			t.Errorf("a code that is none: %v", err)
		}
		if err := o.SubmitCorrection(ctx, c.Code, "  ", "", nil); errs.Fields(err)["text"] == "" {
			t.Errorf("nothing sent: %v", err)
		}
		before := f.audits()
		if err := o.SubmitCorrection(ctx, c.Code, "补正", "身份证.pdf", []byte("not a pdf")); errs.Fields(err)["file"] == "" || f.audits() != before {
			t.Errorf("a file that is not what it says: %v", err)
		}
		if err := o.SubmitCorrection(ctx, c.Code, "申请公开2025年的学区划分方案。\n附身份证明。", "身份证.pdf", []byte("%PDF-1.4\n…")); err != nil {
			t.Fatal(err)
		}
		if f.audits() != before+1 {
			t.Errorf("%d audit lines, want one", f.audits()-before)
		}
		v, err := o.Case(ctx, f.clerk, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(v.Corrections) != 1 || !strings.HasPrefix(v.Corrections[0].Text, "申请公开2025年") || v.Corrections[0].AttachmentID == 0 {
			t.Fatalf("the case page's corrections: %+v", v.Corrections)
		}
		if len(v.Files) != 1 || v.Files[0].ID != v.Corrections[0].AttachmentID || v.Files[0].UploadedBy != "申请人（在线补正）" {
			t.Errorf("the file: %+v", v.Files)
		}
		sv, err := o.Status(ctx, c.Code)
		if err != nil || len(sv.CorrectionsSent) != 1 || !sv.CanCorrect {
			t.Fatalf("status: %+v %v", sv, err)
		}
		d, err := o.Dashboard(ctx, f.clerk)
		if err != nil {
			t.Fatal(err)
		}
		marked := false
		for _, g := range d.Groups {
			for _, r := range g.Rows {
				marked = marked || g.Key == "correction" && r.ID == c.ID && !r.CorrectionSent.IsZero()
			}
		}
		if !marked {
			t.Error("the 工作台 does not mark the application")
		}
		for range 4 {
			if err := o.SubmitCorrection(ctx, c.Code, "再补充", "", nil); err != nil {
				t.Fatal(err)
			}
		}
		if err := o.SubmitCorrection(ctx, c.Code, "第六次", "", nil); errs.KindOf(err) != errs.Conflict {
			t.Errorf("a sixth: %v", err)
		}
		if sv, _ = o.Status(ctx, c.Code); sv.CanCorrect {
			t.Error("the form is still offered after five")
		}
		// the agency confirms: the 补正 is received, and no more is taken
		f.steps(c.ID, stepAt{"2026-03-04", f.clerk, casework.Step{Kind: casework.KindCorrectionReceived}})
		if err := o.SubmitCorrection(ctx, c.Code, "又一次", "", nil); errs.KindOf(err) != errs.Conflict {
			t.Errorf("after it was received: %v", err)
		}
	})
}

// An applicant asks online to withdraw an open application: kept and
// audited, shown on the status page (the form no more), on the case page,
// in the 工作台's list of what applicants sent and in the 承办人's reminder;
// refused unconfirmed, twice, or once answered.
func TestRequestWithdraw(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		c := f.register("2026-03-02", "王某")
		o := f.on("2026-03-04")
		if sv, err := o.Status(ctx, c.Code); err != nil || !sv.CanWithdraw {
			t.Fatalf("an open application offers no withdrawal: %+v %v", sv, err)
		}
		if err := o.RequestWithdraw(ctx, c.Code, "已从其他途径获得", false); errs.Fields(err)["confirm"] == "" {
			t.Errorf("not confirmed: %v", err)
		}
		before := f.audits()
		if err := o.RequestWithdraw(ctx, c.Code, "已从其他途径获得", true); err != nil {
			t.Fatal(err)
		}
		if f.audits() != before+1 {
			t.Error("not audited")
		}
		if err := o.RequestWithdraw(ctx, c.Code, "", true); errs.KindOf(err) != errs.Conflict {
			t.Errorf("twice: %v", err)
		}
		sv, err := o.Status(ctx, c.Code)
		if err != nil || sv.CanWithdraw || sv.WithdrawSent.IsZero() {
			t.Fatalf("status after: %+v %v", sv, err)
		}
		v, err := o.Case(ctx, f.clerk, c.ID)
		if err != nil || len(v.Withdraws) != 1 || v.Withdraws[0].Reason != "已从其他途径获得" {
			t.Fatalf("case page: %+v %v", v, err)
		}
		d, err := o.Dashboard(ctx, f.clerk)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(d.Groups, func(g ops.DashGroup) bool {
			return g.Key == "asked" && slices.ContainsFunc(g.Rows, func(r ops.DashRow) bool { return r.ID == c.ID })
		}) {
			t.Error("the 工作台 does not list it")
		}
		if _, err := o.SetUserEmail(ctx, f.clerk, f.clerk.UserID, "zhang@example.gov.cn"); err != nil {
			t.Fatal(err)
		}
		rs, err := o.Reminders(ctx, D("2026-03-04"), "")
		if err != nil || len(rs) != 1 || rs[0].Corrected != 1 || rs[0].Overdue+rs[0].DueSoon != 0 {
			t.Fatalf("reminder: %v %+v", err, rs)
		}
		f.steps(c.ID, stepAt{"2026-03-04", f.clerk, casework.Step{Kind: casework.KindWithdraw}})
		if sv, _ = o.Status(ctx, c.Code); sv.CanWithdraw {
			t.Error("a closed application offers withdrawal")
		}
		if err := o.RequestWithdraw(ctx, c.Code, "", true); errs.KindOf(err) != errs.Conflict {
			t.Errorf("once closed: %v", err)
		}
	})
}
