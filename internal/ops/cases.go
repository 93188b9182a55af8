package ops

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/org"
	"gongkai/internal/settings"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// deadline is the case's deadline as of today; a period that runs into a
// year whose holiday notice is not loaded stays unknown (no due date) until
// it is, which must not stop anyone from recording what happened.
func (s *Service) deadline(c *casework.Case, cfg casework.Config, cal *workday.Calendar) casework.Deadline {
	dl, err := c.Deadline(cfg, cal, s.Clock.Today())
	if err != nil {
		return casework.Deadline{Calendar: cal.Version()}
	}
	return dl
}

// Register records a new application to agencyID. Staff register whatever
// arrives, defects included (Art. 30: the agency asks for 补正); the public
// form is refused until its defects are fixed, so that the applicant can
// correct them before sending.
func (s *Service) Register(ctx context.Context, p Principal, agencyID int64, in casework.Intake) (*casework.Case, error) {
	return s.RegisterOnce(ctx, p, agencyID, in, "")
}

// RegisterOnce is Register with a confirmation token: the same token always
// yields the same case, however often the form is sent.
func (s *Service) RegisterOnce(ctx context.Context, p Principal, agencyID int64, in casework.Intake, token string) (*casework.Case, error) {
	if token != "" {
		if c, err := s.Store.Submission(ctx, token); err == nil {
			return c, nil
		} else if !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
	}
	action := audit.Action("case.create")
	if p.Via == "public" {
		action = "case.public"
		if err := in.Validate(); err != nil {
			return nil, err
		}
	} else if err := s.mustAct(ctx, p, agencyID); err != nil {
		return nil, err
	}
	if _, err := s.Store.GetAgency(ctx, agencyID); err != nil {
		return nil, notFoundOr(err)
	}
	cal, st, err := s.rules(ctx)
	if err != nil {
		return nil, err
	}
	c, err := casework.NewCase(in, p.Actor(), s.Clock, cal)
	if err != nil {
		return nil, err
	}
	err = s.write(ctx, p, action, func(tx *store.Tx, e *audit.Entry) error {
		if err := tx.InsertCase(ctx, agencyID, c, s.deadline(c, st.Case, cal)); err != nil {
			return err
		}
		if p.UserID != 0 && handles(p.Role) { // who registers an application handles it, until it is assigned to another
			if err := tx.SetHandler(ctx, c.ID, p.UserID); err != nil {
				return err
			}
		}
		if token != "" {
			if err := tx.ClaimSubmission(ctx, token, c.ID); err != nil {
				return err
			}
		}
		e.AgencyID, e.Object = agencyID, c.Serial
		if d := c.Defects(); len(d) > 0 {
			e.Detail = "申请内容需补正：" + errs.Plain(d)
		}
		return nil
	})
	if token != "" && errors.Is(err, store.ErrConflict) {
		// a second press of the same form raced the first: show its case
		return s.Store.Submission(ctx, token)
	}
	return c, err
}

func notFoundOr(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return notFound
	}
	return err
}

// caseFor loads a case inside a write and checks that the principal acts for
// its agency: another agency's case is not found, a lower agency's is read-only.
func caseFor(ctx context.Context, tx *store.Tx, p Principal, visible []int64, id int64) (*casework.Case, error) {
	c, err := tx.GetCase(ctx, id)
	if err != nil {
		return nil, notFoundOr(err)
	}
	if !slices.Contains(visible, c.AgencyID) {
		return nil, notFound
	}
	if !actsFor(p, c.AgencyID) {
		return nil, Forbidden("只有本机关的办理人员可以办理；主管部门和系统管理员只能查看")
	}
	ag, err := tx.GetAgency(ctx, c.AgencyID)
	if err != nil {
		return nil, err
	}
	if !ag.HandlerOnly || p.Role == casework.Approver {
		return c, nil // nothing for the rule to bar: no 承办人 to read
	}
	handler, name, err := tx.CaseHandler(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	return c, handlerBars(ag, p, handler, name)
}

// barredFrom is handlerBars for a case outside a write: it reads the case's
// 承办人 only when the agency's rule could bar p.
func (s *Service) barredFrom(ctx context.Context, ag *org.Agency, p Principal, caseID int64) error {
	if !ag.HandlerOnly || p.Role == casework.Approver {
		return nil
	}
	handler, name, err := s.Store.CaseHandler(ctx, caseID)
	if err != nil {
		return err
	}
	return handlerBars(ag, p, handler, name)
}

// handlerBars is the refusal when the agency keeps an assigned application
// to its 承办人 (org.Agency.HandlerOnly) and p is neither that person nor a
// 负责人; nil when p may act.
func handlerBars(ag *org.Agency, p Principal, handler int64, name string) error {
	if !ag.HandlerOnly || p.Role == casework.Approver || handler == 0 || handler == p.UserID {
		return nil
	}
	return Forbidden("这件申请的承办人是" + name + "。本机关设定：已指派承办人的申请，只有承办人和负责人可以办理；如需接手，请负责人改派")
}

// AddStep records a step of a case. The 按件 fee count comes from the records,
// whatever the caller sent. A decision also answers the cases merged into
// this one; a transfer to an agency in the system registers the application
// there; all in one transaction with one audit entry.
func (s *Service) AddStep(ctx context.Context, p Principal, id int64, step casework.Step) (*casework.Case, error) {
	return s.caseWrite(ctx, p, id, "case.step", func(tx *store.Tx, e *audit.Entry, c *casework.Case, st settings.Settings, cal *workday.Calendar) error {
		ev, err := s.takeStep(ctx, tx, p, c, step, st, cal)
		if err != nil {
			return err
		}
		e.Detail = stepDetail(ev)
		if ev.Step.Kind == casework.KindUndo {
			e.Action = "case.undo"
		}
		return nil
	})
}

// caseWrite runs fn on case id, read in one transaction with the audit
// entry (its agency and object already set), for a principal who may act
// on it, with the rules in force; it returns the case as fn left it.
func (s *Service) caseWrite(ctx context.Context, p Principal, id int64, action audit.Action,
	fn func(tx *store.Tx, e *audit.Entry, c *casework.Case, st settings.Settings, cal *workday.Calendar) error) (*casework.Case, error) {
	vis, err := s.Visible(ctx, p)
	if err != nil {
		return nil, err
	}
	cal, st, err := s.rules(ctx)
	if err != nil {
		return nil, err
	}
	var c *casework.Case
	err = s.write(ctx, p, action, func(tx *store.Tx, e *audit.Entry) error {
		if c, err = caseFor(ctx, tx, p, vis, id); err != nil {
			return err
		}
		e.AgencyID, e.Object = c.AgencyID, c.Serial
		return fn(tx, e, c, st, cal)
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// takeStep records a step on c in tx with everything it does beyond the
// case (a merge, a transfer, the merged cases answered with it).
func (s *Service) takeStep(ctx context.Context, tx *store.Tx, p Principal, c *casework.Case, step casework.Step, st settings.Settings, cal *workday.Calendar) (*casework.Event, error) {
	var err error
	step.Count = 0
	if step.Kind == casework.KindFeeNotice && step.Method == casework.FeeByApplications {
		if step.Count, err = tx.ApplicantMonthCount(ctx, c); err != nil {
			return nil, err
		}
	}
	ev, err := c.Apply(step, p.Actor(), s.Clock, st.Case, cal)
	if err != nil {
		return nil, err
	}
	if err := s.stepEffects(ctx, tx, p, c, ev.Step, st, cal); err != nil {
		return nil, err
	}
	if err := tx.SaveStep(ctx, c, s.deadline(c, st.Case, cal)); err != nil {
		return nil, err
	}
	if c.State == casework.Closed {
		// a proposal still waiting has nothing left to approve
		if err := tx.CloseProposal(ctx, c.ID, casework.ProposalWithdrawn, "系统", "申请已办结，提请不再需要审批"); err != nil && !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
	}
	if note := strings.TrimSpace(ev.Step.Note); note != "" && utf8.RuneCountInString(note) <= MaxPhrase {
		if err := tx.UsePhrase(ctx, c.AgencyID, ev.Step.Kind, note, ev.Step.On); err != nil {
			return nil, err
		}
	}
	if ev.Step.Kind == casework.KindDecide {
		return ev, s.answerMerged(ctx, tx, p, c, ev.Step, st, cal)
	}
	return ev, nil
}

// MaxPhrase bounds the notes counted as 常用语: a longer one is particular
// to its application.
const MaxPhrase = 200

// stepDetail is the audit log's description of an event.
func stepDetail(ev *casework.Event) string {
	d := casework.StepName(ev.Step.Kind)
	if o := casework.OutcomeByID(ev.Step.Outcome); o != nil && ev.Step.Kind == casework.KindDecide {
		d += "：" + o.Name
	}
	if ev.Step.Kind == casework.KindUndo {
		d += fmt.Sprintf("（第 %d 步）：%s", ev.Step.Undoes, ev.Step.Note)
	}
	return d
}

// stepEffects checks and carries out what a step does beyond its own case:
// the case merged into must be open and the same applicant's; a transfer to
// an agency in the system registers the application there; an undo may not
// take back what other cases or agencies already acted on.
func (s *Service) stepEffects(ctx context.Context, tx *store.Tx, p Principal, c *casework.Case, step casework.Step, st settings.Settings, cal *workday.Calendar) error {
	switch step.Kind {
	case casework.KindMerge:
		into, err := tx.GetCase(ctx, step.Into)
		if errors.Is(err, store.ErrNotFound) {
			return errs.New("into", "要合并到的申请不存在或不属于本机关")
		} else if err != nil {
			return err
		}
		return casework.CheckMerge(c, into)
	case casework.KindTransfer:
		if step.To == 0 {
			return nil
		}
		if step.To == c.AgencyID {
			return errs.New("to", "不能转送给本机关")
		}
		if _, err := tx.GetAgency(ctx, step.To); err != nil {
			return errs.New("to", "要转送的机关不在本系统中：只填写负责公开的机关及联系方式即可")
		}
		nc, err := casework.NewCase(casework.TransferIntake(c, step), p.Actor(), s.Clock, cal)
		if err != nil {
			return err
		}
		nc.Events[0].Basis += "；由" + c.Serial + "号申请转送"
		return tx.InsertCase(ctx, step.To, nc, s.deadline(nc, st.Case, cal))
	case casework.KindUndo:
		undone := c.Events[step.Undoes-1].Step
		if undone.Kind == casework.KindTransfer && undone.To != 0 {
			return &errs.Error{Kind: errs.Conflict, Where: "kind", Msg: "申请已转送其他机关并在该机关登记，不能撤销转送"}
		}
		if undone.Kind == casework.KindDecide {
			n, err := tx.MergedAnswered(ctx, c.ID)
			if err != nil {
				return err
			}
			if n > 0 {
				return &errs.Error{Kind: errs.Conflict, Where: "kind", Msg: "这份答复同时答复了合并办理的申请，不能撤销"}
			}
		}
	}
	return nil
}

// answerMerged gives the cases merged into c the same reply.
func (s *Service) answerMerged(ctx context.Context, tx *store.Tx, p Principal, c *casework.Case, step casework.Step, st settings.Settings, cal *workday.Calendar) error {
	ids, err := tx.MergedInto(ctx, c.ID)
	if err != nil {
		return err
	}
	for _, mid := range ids {
		m, err := tx.GetCase(ctx, mid)
		if err != nil {
			return err
		}
		ms := step
		ms.Note = strings.TrimSpace("与申请编号" + c.Serial + "合并答复。" + step.Note)
		if _, err := m.Apply(ms, p.Actor(), s.Clock, st.Case, cal); err != nil {
			return err
		}
		if err := tx.SaveStep(ctx, m, s.deadline(m, st.Case, cal)); err != nil {
			return err
		}
	}
	return nil
}

// EditIntake corrects the registration of a case (a mistyped name, number or
// request): the change is logged field by field. The channel and the receipt
// date may change only while nothing but the receipt is recorded, since every
// later step was dated against them.
func (s *Service) EditIntake(ctx context.Context, p Principal, id int64, in casework.Intake, seen string) (*casework.Case, error) {
	vis, err := s.Visible(ctx, p)
	if err != nil {
		return nil, err
	}
	cal, st, err := s.rules(ctx)
	if err != nil {
		return nil, err
	}
	if problems, _ := in.Check(); len(problems) > 0 {
		return nil, problems
	}
	var c *casework.Case
	err = s.write(ctx, p, "case.edit", func(tx *store.Tx, e *audit.Entry) error {
		if c, err = caseFor(ctx, tx, p, vis, id); err != nil {
			return err
		}
		if seen != "" && seen != c.Intake.Fingerprint() {
			return &errs.Error{Kind: errs.Conflict, Where: "form", Cause: fmt.Errorf("case %d intake changed since the form was opened", id),
				Msg: "未保存：您打开这张表之后，登记信息已被他人更正。现在的登记信息与您填写的不同之处：" + intakeDiff(c.Intake, in) +
					"（箭头前是现在的，后面是您填写的）。请核对后再保存"}
		}
		rd, _, _ := in.ReceiptDate()
		if (rd != c.Received || in.Channel != c.Intake.Channel) && len(c.Events) > 1 {
			return &errs.Error{Kind: errs.Conflict, Where: "received_on", Msg: "已有后续办理步骤，不能再更改申请方式和收到日期"}
		}
		if rd > s.Clock.Today() {
			return errs.New("received_on", "收到申请之日 %s 晚于今天", rd)
		}
		diff := intakeDiff(c.Intake, in)
		if diff == "" {
			return errs.New("form", "没有修改任何内容")
		}
		c.Intake, c.Received = in, rd
		if len(c.Events) == 1 {
			c.Events[0].Step.On = rd
		}
		if err := tx.UpdateIntake(ctx, c, s.deadline(c, st.Case, cal)); err != nil {
			return err
		}
		e.AgencyID, e.Object, e.Detail = c.AgencyID, c.Serial, diff
		return nil
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

func intakeDiff(a, b casework.Intake) string {
	var out []string
	for _, f := range []struct{ name, x, y string }{
		{"申请方式", casework.ChannelName(a.Channel), casework.ChannelName(b.Channel)},
		{"申请人类型", a.Applicant.Type.Name(), b.Applicant.Type.Name()},
		{"申请人", a.Applicant.Name, b.Applicant.Name},
		{"证件类型", a.Applicant.IDType, b.Applicant.IDType},
		{"证件号码", casework.MaskID(a.Applicant.IDNum), casework.MaskID(b.Applicant.IDNum)},
		{"电话", casework.MaskPhone(a.Applicant.Phone), casework.MaskPhone(b.Applicant.Phone)},
		{"电子邮箱", a.Applicant.Email, b.Applicant.Email},
		{"通信地址", a.Applicant.Address, b.Applicant.Address},
		{"所需信息", a.Request.Description, b.Request.Description},
		{"获取形式", a.Request.Form, b.Request.Form},
		{"获取途径", a.Request.Delivery, b.Request.Delivery},
	} {
		if f.x != f.y {
			out = append(out, fmt.Sprintf("%s：%s → %s", f.name, orNone(f.x), orNone(f.y)))
		}
	}
	ra, _, _ := a.ReceiptDate()
	rb, _, _ := b.ReceiptDate()
	if ra != rb {
		out = append(out, fmt.Sprintf("收到日期：%s → %s", ra, rb))
	}
	return strings.Join(out, "；")
}

func orNone(s string) string {
	if s == "" {
		return "（空）"
	}
	return s
}

// Cases lists the cases the principal may see, filtered; f.AgencyIDs narrows
// to some of them (a supervisor's 机关 filter), never beyond.
func (s *Service) Cases(ctx context.Context, p Principal, f casework.Filter) ([]casework.Row, int, error) {
	vis, err := s.Visible(ctx, p)
	if err != nil {
		return nil, 0, err
	}
	f.AgencyIDs = narrow(vis, f.AgencyIDs)
	rows, total, err := s.Store.ListCases(ctx, f)
	if err != nil || len(rows) == 0 {
		return rows, total, err
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	waiting, err := s.Store.ProposedAmong(ctx, ids)
	if err != nil {
		return nil, 0, err
	}
	for i := range rows {
		rows[i].Proposed = waiting[rows[i].ID]
	}
	return rows, total, nil
}

func narrow(visible, asked []int64) []int64 {
	if len(asked) == 0 {
		return visible
	}
	var out []int64
	for _, id := range asked {
		if slices.Contains(visible, id) {
			out = append(out, id)
		}
	}
	if out == nil {
		return []int64{-1} // asked only for agencies out of sight: nothing
	}
	return out
}

// CaseBySerial finds the case of an agency the principal sees by its 申请编号.
func (s *Service) CaseBySerial(ctx context.Context, p Principal, agencyID int64, serial string) (*casework.Case, error) {
	if err := s.canRead(ctx, p, agencyID); err != nil {
		return nil, err
	}
	c, err := s.Store.CaseBySerial(ctx, agencyID, serial)
	return c, notFoundOr(err)
}
