package ops

import (
	"context"
	"errors"
	"strings"
	"unicode/utf8"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/settings"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// ProposeStep keeps a step that only the head of the office may take, as a
// 办理人 prepared it (with a note for the head), for the head to approve or
// return. It is checked as though the head took it now, so that what
// reaches them can be approved as it stands; the case does not change.
func (s *Service) ProposeStep(ctx context.Context, p Principal, id int64, step casework.Step, note string) (*casework.Proposal, error) {
	var pr *casework.Proposal
	// the input is checked once the case is read and the person may act on
	// it: a stranger does not learn what it would have said
	_, err := s.caseWrite(ctx, p, id, "case.propose", func(tx *store.Tx, e *audit.Entry, c *casework.Case, st settings.Settings, cal *workday.Calendar) error {
		if p.Role != casework.Clerk {
			return &errs.Error{Kind: errs.Conflict, Where: "form", Msg: "负责人直接登记这一步骤即可，不需要提请审批"}
		}
		if !casework.NeedsHead(step) {
			return errs.New("kind", "“%s”办理人可以直接登记，不需要提请负责人审批", casework.StepName(step.Kind))
		}
		if note = strings.TrimSpace(note); utf8.RuneCountInString(note) > casework.MaxNote {
			return errs.New("proposal_note", "拟办意见太长（%d 字），最多 %d 字", utf8.RuneCountInString(note), casework.MaxNote)
		}
		if _, err := tx.PendingProposal(ctx, c.ID); err == nil {
			return &errs.Error{Kind: errs.Conflict, Where: "form", Msg: "这件申请已有一项待负责人审批的提请：请等负责人处理，或先撤回那一项"}
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		head := p.Actor()
		head.Role = casework.Approver
		ev, err := c.Apply(step, head, s.Clock, st.Case, cal) // a check only: c is not saved
		if err != nil {
			return err
		}
		pr = &casework.Proposal{Step: ev.Step, Note: note, By: p.Name, ByID: p.UserID}
		e.Detail = "提请负责人审批：" + stepDetail(ev)
		return tx.AddProposal(ctx, c.ID, pr)
	})
	if err != nil {
		return nil, err
	}
	return pr, nil
}

// DecideProposal is the head's answer to the case's waiting proposal: approved,
// the step is recorded as the head's (checked again against the case as it
// now is); returned, the comment says why.
func (s *Service) DecideProposal(ctx context.Context, p Principal, id int64, approve bool, comment string) (*casework.Case, error) {
	action := audit.Action("case.return")
	if approve {
		action = "case.approve"
	}
	return s.caseWrite(ctx, p, id, action, func(tx *store.Tx, e *audit.Entry, c *casework.Case, st settings.Settings, cal *workday.Calendar) error {
		if p.Role != casework.Approver {
			return Forbidden("提请的事项须由政府信息公开工作机构负责人审批")
		}
		comment = strings.TrimSpace(comment)
		if !approve && comment == "" {
			return errs.New("comment", "请写明退回的理由，办理人据此修改")
		}
		if utf8.RuneCountInString(comment) > casework.MaxNote {
			return errs.New("comment", "意见太长（%d 字），最多 %d 字", utf8.RuneCountInString(comment), casework.MaxNote)
		}
		pr, err := tx.PendingProposal(ctx, c.ID)
		if errors.Is(err, store.ErrNotFound) {
			return &errs.Error{Kind: errs.Conflict, Where: "form", Msg: "这件申请没有待审批的提请（可能已被撤回或已处理）"}
		} else if err != nil {
			return err
		}
		if !approve {
			e.Detail = "退回" + pr.By + "的提请：" + casework.StepName(pr.Step.Kind) + "。" + comment
			return tx.CloseProposal(ctx, c.ID, casework.ProposalReturned, p.Name, comment)
		}
		// settled first: the step may close the case, which settles what waits
		if err := tx.CloseProposal(ctx, c.ID, casework.ProposalApproved, p.Name, comment); err != nil {
			return err
		}
		ev, err := s.takeStep(ctx, tx, p, c, pr.Step, st, cal)
		if err != nil {
			return err
		}
		e.Detail = "同意" + pr.By + "的提请：" + stepDetail(ev)
		return nil
	})
}

// WithdrawProposal takes back the case's waiting proposal: by whoever made it.
func (s *Service) WithdrawProposal(ctx context.Context, p Principal, id int64) error {
	_, err := s.caseWrite(ctx, p, id, "case.unpropose", func(tx *store.Tx, e *audit.Entry, c *casework.Case, _ settings.Settings, _ *workday.Calendar) error {
		pr, err := tx.PendingProposal(ctx, c.ID)
		if errors.Is(err, store.ErrNotFound) {
			return &errs.Error{Kind: errs.Conflict, Where: "form", Msg: "这件申请没有待审批的提请（可能已被负责人处理）"}
		} else if err != nil {
			return err
		}
		if pr.ByID != p.UserID {
			return Forbidden("只有提请人本人可以撤回提请")
		}
		e.Detail = "撤回提请：" + casework.StepName(pr.Step.Kind)
		return tx.CloseProposal(ctx, c.ID, casework.ProposalWithdrawn, p.Name, "")
	})
	return err
}
