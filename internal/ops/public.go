package ops

import (
	"cmp"
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/org"
	"gongkai/internal/settings"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// StatusView is what the public status page shows of an application: its
// stage and what the applicant must do next, never personal data.
type StatusView struct {
	Agency    string
	Serial    string
	Received  workday.Date
	State     casework.State
	StateName string
	Due       workday.Date
	// Why is how the reply deadline was computed, step by step (no
	// consulted party named): applicants ask how a date came about.
	Why []string
	// Remaining: while the clock is paused (a consultation, a fee), the
	// working days left when it resumes.
	Remaining int
	ClosedOn  *workday.Date
	Outcome   string
	// Correction: what to correct and by when (待补正).
	CorrectionNote string
	CorrectionBy   workday.Date
	// Payment: the fee, how it is computed and the period (待缴费).
	Amount     int64
	FeeMethod  string
	PaymentBy  workday.Date
	PaymentNot string // why the period's end is not known yet
	// Route and Provision: where the information already published is,
	// and how it is provided, as the answer says (Arts. 36(1), 40).
	Route, Provision string
	// Extension: the new date and the reason given.
	ExtendedTo     workday.Date
	ExtendedReason string
	// Letters the applicant may download: reply, notices addressed to them.
	Letters []StatusLetter
	// CorrectionsSent: when the applicant sent a 补正 online (awaiting the
	// agency's confirmation while the application still awaits it).
	CorrectionsSent []time.Time
	CanCorrect      bool // the form to send one is offered
	// WithdrawSent: when the applicant asked online to withdraw (zero: not);
	// CanWithdraw: the form is offered (open, not yet asked).
	WithdrawSent time.Time
	CanWithdraw  bool
}

// StatusLetter is a letter an applicant may download by its 查询码.
type StatusLetter struct {
	Seq    int
	Title  string
	Number string
	Mailed []string // how it reached the applicant: by e-mail (the address masked), by hand or by post
}

// Status looks an application up by its 查询码.
func (s *Service) Status(ctx context.Context, code string) (*StatusView, error) {
	v, _, err := s.status(ctx, code)
	return v, err
}

// statusCase is the case behind a status view, with what its letters need.
type statusCase struct {
	c   *casework.Case
	cal *workday.Calendar
	st  settings.Settings
	ag  *org.Agency
}

func (s *Service) status(ctx context.Context, code string) (*StatusView, *statusCase, error) {
	c, err := s.Store.CaseByCode(ctx, code)
	if err != nil {
		return nil, nil, notFoundOr(err)
	}
	cal, st, ag, err := s.agencyRules(ctx, c.AgencyID)
	if err != nil {
		return nil, nil, err
	}
	v := &StatusView{Agency: ag.Name, Serial: c.Serial, Received: c.Received, State: c.State, StateName: casework.StateName(c.State), ClosedOn: c.ClosedOn}
	if o := casework.OutcomeByID(c.Outcome); o != nil {
		v.Outcome = o.Name
	}
	if dl, err := c.Deadline(st.Case, cal, s.Clock.Today()); err == nil {
		v.Due, v.Why = dl.Due, dl.Public
		if dl.Due == 0 {
			v.Remaining = dl.Remaining
		}
		switch c.State {
		case casework.AwaitingCorrection:
			v.CorrectionBy = dl.Extra
		case casework.AwaitingPayment:
			v.PaymentBy, v.PaymentNot = dl.Extra, dl.ExtraNote
		}
	}
	for _, e := range c.Events {
		if c.Undone(e.Seq) {
			continue
		}
		switch e.Step.Kind {
		case casework.KindRequestCorrection:
			v.CorrectionNote = e.Step.Note
		case casework.KindFeeNotice:
			v.Amount = e.Step.Amount
			v.FeeMethod = "按件计收"
			if e.Step.Method == casework.FeeByPages {
				v.FeeMethod = "按量计收（" + strconv.Itoa(e.Step.Pages) + " 页）"
			}
		case casework.KindDecide:
			v.Route, v.Provision = e.Step.Route, e.Step.Provision
		case casework.KindExtend, casework.KindSetPeriod:
			v.ExtendedReason = e.Step.Note
			v.ExtendedTo = v.Due
		}
		if l := casework.StepLetter(e.Step.Kind); l != "" && l != "consultation" {
			n, err := s.Store.LetterNumber(ctx, c.ID, e.Seq)
			if err != nil {
				return nil, nil, err
			}
			if n != "" { // only what the agency has issued
				v.Letters = append(v.Letters, StatusLetter{Seq: e.Seq, Title: letterTitle(l), Number: n})
			}
		}
	}
	if err := s.statusSent(ctx, c, v); err != nil {
		return nil, nil, err
	}
	if err := s.statusDelivered(ctx, c, v); err != nil {
		return nil, nil, err
	}
	return v, &statusCase{c: c, cal: cal, st: st, ag: ag}, nil
}

// statusDelivered says under each letter how it reached the applicant: sent
// by e-mail (the address masked), by hand or by post (the tracking number).
func (s *Service) statusDelivered(ctx context.Context, c *casework.Case, v *StatusView) error {
	if len(v.Letters) == 0 {
		return nil
	}
	mails, err := s.Store.LetterMails(ctx, c.ID)
	if err != nil {
		return err
	}
	ds, err := s.Store.Deliveries(ctx, c.ID)
	if err != nil {
		return err
	}
	for i := range v.Letters {
		l := &v.Letters[i]
		for _, m := range mails {
			if l.Seq == m.Seq {
				l.Mailed = append(l.Mailed, s.Clock.Date(m.At).Chinese()+"已以电子邮件发至 "+casework.MaskEmail(m.To))
			}
		}
		for _, d := range ds {
			if l.Seq == d.Seq {
				l.Mailed = append(l.Mailed, d.Text())
			}
		}
	}
	return nil
}

// statusSent says what the applicant sent online (a 补正, a request to
// withdraw) and which forms the status page offers.
func (s *Service) statusSent(ctx context.Context, c *casework.Case, v *StatusView) error {
	if c.State == casework.AwaitingCorrection {
		sent, err := s.Store.OnlineCorrections(ctx, c.ID)
		if err != nil {
			return err
		}
		for _, oc := range sent {
			v.CorrectionsSent = append(v.CorrectionsSent, oc.At)
		}
		v.CanCorrect = len(sent) < maxCorrectionsSent
	}
	if !c.State.Open() {
		return nil
	}
	asked, err := s.Store.WithdrawRequests(ctx, c.ID)
	if len(asked) > 0 {
		v.WithdrawSent = asked[0].At
	}
	v.CanWithdraw = len(asked) == 0
	return err
}

func letterTitle(kind string) string {
	for _, k := range casework.LetterKinds {
		if k.Kind == kind {
			return k.Title
		}
	}
	return kind
}

// StatusLetter is a letter addressed to the applicant, by 查询码: the reply
// and the notices the agency has issued (numbered), never a draft and never
// the letter to a third party.
func (s *Service) StatusLetter(ctx context.Context, code string, seq int) (*casework.Letter, error) {
	v, sc, err := s.status(ctx, code)
	if err != nil {
		return nil, err
	}
	for _, l := range v.Letters {
		if l.Seq == seq {
			return casework.LetterFor(sc.c, seq, sc.ag.Info(), l.Number, sc.st.Case, sc.cal)
		}
	}
	return nil, &errs.Error{Kind: errs.NotFound, Where: "seq", Msg: "没有这份文书"} // the code was right
}

// StatusReceipt is the 接收回执 of the application with the 查询码, for the
// applicant to keep: what was received and when, by whom, the reply period.
func (s *Service) StatusReceipt(ctx context.Context, code, base string) (*casework.Letter, error) {
	_, sc, err := s.status(ctx, code)
	if err != nil {
		return nil, err
	}
	return casework.ReceiptFor(sc.c, sc.ag.Info(), sc.st.Case, sc.cal, statusWhere(base)), nil
}

// MaxCorrectionFile bounds the file an applicant sends with a 补正 online (a
// scanned identity document, a clearer description).
const MaxCorrectionFile = 10 << 20

// maxCorrectionText bounds what an applicant types as a 补正.
const maxCorrectionText = 5000

// maxCorrectionsSent bounds the 补正 sent online for one application: a
// person corrects once or twice; more is a form sent in a loop.
const maxCorrectionsSent = 5

// SentPerHour bounds what one address sends from the status page an hour:
// 补正, requests to withdraw (each counted on its own).
const SentPerHour = 10

// MaySendCorrection says whether a 补正 may be sent with this 查询码 from
// this address: the application awaits one and the address has not sent too
// many. Asked before a file's body is read.
func (s *Service) MaySendCorrection(ctx context.Context, code, ip string) bool {
	c, err := s.Store.CaseByCode(ctx, code)
	return err == nil && c.State == casework.AwaitingCorrection && s.Throttled(ctx, "correction", ip, SentPerHour, time.Hour) == nil
}

// SubmitCorrection keeps the 补正 an applicant sends online by the 查询码
// while the application awaits it: the text, and a file kept with the case.
// It is not yet 收到补正: the agency confirms it by recording that step, and
// the day it does is the day received (Art. 31: by internet, the day both
// sides confirm), from which the reply period runs again (Art. 30).
func (s *Service) SubmitCorrection(ctx context.Context, code, text, fileName string, file []byte) error {
	text = strings.TrimSpace(text)
	if text == "" && len(file) == 0 {
		return errs.New("text", "请填写补正的内容，或上传补正的材料")
	}
	if utf8.RuneCountInString(text) > maxCorrectionText {
		return errs.New("text", "补正内容最多 %d 字；更多的内容请写在文件中上传", maxCorrectionText)
	}
	var a *casework.Attachment
	if len(file) > 0 {
		name := AttachmentName(fileName)
		if len(file) > MaxCorrectionFile {
			return &errs.Error{Kind: errs.TooLarge, Where: "file", Msg: fmt.Sprintf("文件超过 %d MB", MaxCorrectionFile>>20)}
		}
		ctype, err := checkContent(name, file)
		if err != nil {
			return err
		}
		a = &casework.Attachment{Name: name, ContentType: ctype, UploadedBy: "申请人（在线补正）"}
	}
	c, err := s.Store.CaseByCode(ctx, code)
	if err != nil {
		return notFoundOr(err)
	}
	if c.State != casework.AwaitingCorrection {
		return &errs.Error{Kind: errs.Conflict, Where: "text", Msg: "这件申请目前不需要补正，无需提交"}
	}
	sent, err := s.Store.OnlineCorrections(ctx, c.ID)
	if err != nil {
		return err
	}
	if len(sent) >= maxCorrectionsSent {
		return &errs.Error{Kind: errs.Conflict, Where: "text", Msg: fmt.Sprintf("这件申请已在线提交 %d 次补正，请联系受理机关", len(sent))}
	}
	p := Principal{AgencyID: c.AgencyID, Name: "申请人（在线补正）", Role: casework.Clerk, Via: "public"}
	return s.write(ctx, p, "case.correction_sent", func(tx *store.Tx, e *audit.Entry) error {
		oc := &casework.OnlineCorrection{Text: text}
		if a != nil {
			a.CaseID = c.ID
			if err := tx.AddAttachment(ctx, a, file); err != nil {
				return err
			}
			oc.AttachmentID = a.ID
		}
		e.AgencyID, e.Object, e.Detail = c.AgencyID, c.Serial, fmt.Sprintf("%d 字", utf8.RuneCountInString(text))
		if a != nil {
			e.Detail += "，文件 " + a.Name
		}
		return tx.AddOnlineCorrection(ctx, c.ID, oc)
	})
}

// maxWithdrawReason bounds the reason an applicant gives for withdrawing.
const maxWithdrawReason = 500

// RequestWithdraw keeps an applicant's request, sent by the 查询码, to
// withdraw an open application; confirmed is the applicant's tick that they
// mean it. The agency records the withdrawal itself (申请人撤回申请, with the
// day it confirms the request); one request an application.
func (s *Service) RequestWithdraw(ctx context.Context, code, reason string, confirmed bool) error {
	reason = strings.TrimSpace(reason)
	if !confirmed {
		return errs.New("confirm", "请勾选确认撤回这件申请")
	}
	if utf8.RuneCountInString(reason) > maxWithdrawReason {
		return errs.New("reason", "撤回理由最多 %d 字", maxWithdrawReason)
	}
	c, err := s.Store.CaseByCode(ctx, code)
	if err != nil {
		return notFoundOr(err)
	}
	if !c.State.Open() {
		return &errs.Error{Kind: errs.Conflict, Where: "confirm", Msg: "这件申请已经办结，不能撤回"}
	}
	sent, err := s.Store.WithdrawRequests(ctx, c.ID)
	if err != nil {
		return err
	}
	if len(sent) > 0 {
		return &errs.Error{Kind: errs.Conflict, Where: "confirm", Msg: "已在线申请撤回，待受理机关确认"}
	}
	p := Principal{AgencyID: c.AgencyID, Name: "申请人（在线撤回）", Role: casework.Clerk, Via: "public"}
	return s.write(ctx, p, "case.withdraw_sent", func(tx *store.Tx, e *audit.Entry) error {
		e.AgencyID, e.Object, e.Detail = c.AgencyID, c.Serial, cmp.Or(reason, "（未说明理由）")
		return tx.AddWithdrawRequest(ctx, c.ID, &casework.WithdrawRequest{Reason: reason})
	})
}
