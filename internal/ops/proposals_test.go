package ops_test

import (
	"errors"
	"strings"
	"testing"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// A 办理人 prepares what only the head may take; the head approves it (the
// step recorded as theirs, on the proposal's day) or returns it with a
// comment; the proposer may withdraw it; each is one audit line, and the
// case does not change until approved.
func TestProposals(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		c := f.register("2026-03-02", "张三")
		o := f.on("2026-03-05")
		ext := casework.Step{Kind: casework.KindExtend, On: D("2026-03-05"), Note: "需调取多个科室的档案"}

		// the clerk may not extend, so proposes; the case stays as it was
		if _, err := o.AddStep(ctx, f.clerk, c.ID, ext); whereOf(err) != "role" {
			t.Fatalf("a clerk extended: %v", err)
		}
		if _, err := o.ProposeStep(ctx, f.clerk, c.ID, ext, "请负责人同意延期"); err != nil {
			t.Fatal(err)
		}
		v, err := o.Case(ctx, f.head, c.ID)
		if err != nil || v.Pending == nil || !v.CanApprove || v.CanWithdrawProposal || len(v.Case.Events) != 1 || v.Pending.Note != "请负责人同意延期" {
			t.Fatalf("pending: %+v %v", v.Pending, err)
		}
		// one at a time; nothing a clerk may take; nothing from the head
		if _, err := o.ProposeStep(ctx, f.clerk, c.ID, ext, ""); errs.KindOf(err) != errs.Conflict {
			t.Errorf("a second proposal: %v", err)
		}
		if _, err := o.ProposeStep(ctx, f.clerk, c.ID, casework.Step{Kind: casework.KindConsult, On: D("2026-03-05"), Party: "某公司"}, ""); whereOf(err) != "kind" {
			t.Errorf("a clerk's own step proposed: %v", err)
		}
		if _, err := o.ProposeStep(ctx, f.head, c.ID, ext, ""); errs.KindOf(err) != errs.Conflict {
			t.Errorf("the head proposed: %v", err)
		}
		// only the head decides, a return needs a reason, only the proposer withdraws
		if _, err := o.DecideProposal(ctx, f.clerk, c.ID, true, ""); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("a clerk approved: %v", err)
		}
		if _, err := o.DecideProposal(ctx, f.head, c.ID, false, " "); whereOf(err) != "comment" {
			t.Errorf("a return without a reason: %v", err)
		}
		other := f.clerk
		other.UserID, other.Name = f.head.UserID+100, "另一办理人"
		if err := o.WithdrawProposal(ctx, other, c.ID); err == nil {
			t.Error("someone else withdrew the proposal")
		}
		// approved: the head's extension, on the proposal's day
		got, err := f.on("2026-03-06").DecideProposal(ctx, f.head, c.ID, true, "")
		if err != nil {
			t.Fatal(err)
		}
		last := got.Events[len(got.Events)-1]
		if last.Step.Kind != casework.KindExtend || last.Actor.Name != f.head.Name || last.Step.On != D("2026-03-05") {
			t.Errorf("approved step: %+v", last)
		}
		if v, _ = o.Case(ctx, f.clerk, c.ID); v.Pending != nil || len(v.Proposals) != 1 || v.Proposals[0].State != casework.ProposalApproved || v.Proposals[0].DecidedBy != f.head.Name {
			t.Errorf("after approval: %+v", v.Proposals)
		}

		// a refusal proposed, returned with the head's reason, then withdrawn anew
		no := casework.Step{Kind: casework.KindDecide, On: D("2026-03-06"), Outcome: "process_info"}
		if _, err := f.on("2026-03-06").ProposeStep(ctx, f.clerk, c.ID, no, "属于内部讨论记录"); err != nil {
			t.Fatal(err)
		}
		if _, err := f.on("2026-03-06").DecideProposal(ctx, f.head, c.ID, false, "请补充说明形成过程"); err != nil {
			t.Fatal(err)
		}
		if _, err := f.on("2026-03-06").ProposeStep(ctx, f.clerk, c.ID, no, "已补充"); err != nil {
			t.Fatal(err)
		}
		if err := f.on("2026-03-06").WithdrawProposal(ctx, f.clerk, c.ID); err != nil {
			t.Fatal(err)
		}
		v, _ = o.Case(ctx, f.clerk, c.ID)
		if len(v.Proposals) != 3 || v.Proposals[1].State != casework.ProposalReturned || v.Proposals[1].Comment != "请补充说明形成过程" ||
			v.Proposals[2].State != casework.ProposalWithdrawn || v.Case.State != casework.Processing {
			t.Errorf("proposals: %+v", v.Proposals)
		}
		// a proposal waiting when the application is answered is settled with it
		ext2 := casework.Step{Kind: casework.KindSetPeriod, On: D("2026-03-06"), Until: D("2026-04-30"), Note: "申请数量较多"}
		if _, err := f.on("2026-03-06").ProposeStep(ctx, f.clerk, c.ID, ext2, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := f.step("2026-03-06", f.clerk, c.ID, casework.Step{Kind: casework.KindDecide, Outcome: "disclosed"}); err != nil {
			t.Fatal(err)
		}
		if v, _ = o.Case(ctx, f.clerk, c.ID); v.Pending != nil || v.Proposals[3].State != casework.ProposalWithdrawn || !strings.Contains(v.Proposals[3].Comment, "已办结") {
			t.Errorf("after the answer: %+v", v.Proposals)
		}
		rows, _, err := s.SearchAudit(ctx, store.AuditFilter{AgencyIDs: []int64{f.a.ID}, Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		var seen []string
		for _, r := range rows {
			if strings.HasPrefix(string(r.Action), "case.") && r.Action != "case.create" {
				seen = append(seen, string(r.Action))
			}
		}
		if strings.Join(seen, " ") != "case.step case.propose case.unpropose case.propose case.return case.propose case.approve case.propose" {
			t.Errorf("audit: %v", seen)
		}
	})
}

// A proposal is checked as the head's step would be: what the head could
// not approve is refused at its field and nothing is kept.
func TestProposalChecked(t *testing.T) {
	f := newFx(t, storetest.SQLite(t))
	c := f.register("2026-03-02", "李四")
	o := f.on("2026-03-05")
	if _, err := o.ProposeStep(ctx, f.clerk, c.ID, casework.Step{Kind: casework.KindDecide, On: D("2026-03-05"), Outcome: "partly_disclosed"}, ""); whereOf(err) != "grounds" {
		t.Errorf("部分公开 without its grounds: %v", err)
	}
	if v, _ := o.Case(ctx, f.clerk, c.ID); len(v.Proposals) != 0 {
		t.Errorf("kept: %+v", v.Proposals)
	}
}

// whereOf is the field an error points at ("" for none).
func whereOf(err error) string {
	var e *errs.Error
	if errors.As(err, &e) {
		return e.Where
	}
	return ""
}
