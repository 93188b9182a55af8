package ops

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/notify"
	"gongkai/internal/org"
	"gongkai/internal/store"
)

// noticed are the steps an applicant hears of by e-mail besides the answer:
// those that ask something of them or move their date.
var noticed = map[casework.StepKind]bool{casework.KindRequestCorrection: true, casework.KindExtend: true,
	casework.KindSetPeriod: true, casework.KindFeeNotice: true}

// SendStepNotice mails the applicant, when the application gives an e-mail
// address and the settings ask for it (applicant_notices), that the step
// just recorded on c — its last event — asks something of them or changed
// their date, or that the application was answered: in the words of the
// status page, which the message points to (the 查询码 is not repeated: it
// went with the receipt). A courtesy, not a delivery: the letters are
// delivered as the agency delivers them. A failure is the caller's to log.
func (s *Service) SendStepNotice(ctx context.Context, c *casework.Case, base string, m Mailer) error {
	to, err := notify.Address("email", c.Intake.Applicant.Email)
	if err != nil || to == "" || m == nil || len(c.Events) == 0 {
		return err
	}
	last := c.Events[len(c.Events)-1]
	closes := c.State == casework.Closed || c.State == casework.Merged
	if last.Step.Kind == casework.KindUndo || !noticed[last.Step.Kind] && !closes {
		return nil
	}
	v, sc, err := s.status(ctx, c.Code)
	if err != nil || !sc.st.ApplicantNotices {
		return err
	}
	text := fmt.Sprintf("%s：\n\n您向%s提交的政府信息公开申请（申请编号：%s，%s收到）有新的办理进展：\n\n%s\n\n办理进度、答复期限的计算和已出具的文书，可以凭查询码在 %s 查看。本邮件只是提示，以本机关送达的文书为准。\n\n%s\n",
		c.Intake.Applicant.Name, v.Agency, c.Serial, c.Received.Chinese(), noticeLine(v, last), statusWhere(base), v.Agency)
	if err := s.mailApplicant(ctx, m, c, sc.ag, to, "政府信息公开申请办理进展", "notice", text); err != nil {
		return err
	}
	what := casework.StepName(last.Step.Kind)
	if closes {
		what = v.StateName
	}
	return s.mailed(ctx, c, last.Seq, what, to)
}

// mailed records that the applicant of c was mailed about what (a receipt,
// a step: event seq), beside the case and in the audit log, so that the
// agency sees it on the case page and can say so when asked.
func (s *Service) mailed(ctx context.Context, c *casework.Case, seq int, what, to string) error {
	p := Principal{AgencyID: c.AgencyID, Name: "系统", Role: casework.Clerk, Via: "mail"}
	masked := casework.MaskEmail(to)
	return s.write(ctx, p, "case.notice", func(tx *store.Tx, e *audit.Entry) error {
		e.Object, e.Detail = c.Serial, what+" → "+masked
		return tx.RecordNotice(ctx, c.ID, casework.ApplicantNotice{Seq: seq, What: what, To: masked, At: s.Clock.Now()})
	})
}

// mailApplicant sends text about application c of agency ag to an
// applicant's address, from the server's sender with the agency's own
// address to reply to; the subject names the application's 申请编号.
func (s *Service) mailApplicant(ctx context.Context, m Mailer, c *casework.Case, ag *org.Agency, to, subject, kind, text string) error {
	now := s.Clock.Now()
	msg := notify.Compose(m.From(), ag.Email, to, subject+"（"+c.Serial+"）", text, now,
		fmt.Sprintf("%s.%d.%d@%s", kind, c.ID, now.UnixNano(), domainOf(m.From())))
	return m.Send(ctx, to, msg)
}

// noticeLine is what happened, as the status page says it.
func noticeLine(v *StatusView, last casework.Event) string {
	on := last.Step.On.Chinese()
	switch {
	case v.State == casework.Closed && v.ClosedOn != nil:
		return fmt.Sprintf("%s，您的申请已办结，办理结果：%s。", v.ClosedOn.Chinese(), v.Outcome)
	case v.State == casework.Merged:
		return on + "，您的申请已与您的另一件相同申请合并办理，随其答复。"
	}
	var b strings.Builder
	switch last.Step.Kind {
	case casework.KindRequestCorrection:
		fmt.Fprintf(&b, "%s，本机关向您发出补正告知。需要补正：%s", on, v.CorrectionNote)
		if v.CorrectionBy != 0 {
			fmt.Fprintf(&b, "\n请于 %s 前提交补正后的申请；逾期不补正的，视为放弃申请。", v.CorrectionBy.Chinese())
		}
		if v.CanCorrect {
			b.WriteString("\n补正后的申请也可以在办理进度查询页面在线提交。")
		}
	case casework.KindFeeNotice:
		fmt.Fprintf(&b, "%s，本机关向您发出收费通知：信息处理费 %d 元（%s）。请按收费通知书所列方式缴纳", on, v.Amount, v.FeeMethod)
		if v.PaymentBy != 0 {
			fmt.Fprintf(&b, "，缴费期限至 %s", v.PaymentBy.Chinese())
		} else if v.PaymentNot != "" {
			b.WriteString("，" + v.PaymentNot)
		}
		b.WriteString("。")
	default: // an extension, a reasonable period (Art. 35)
		what := "延长答复期限"
		if last.Step.Kind == casework.KindSetPeriod {
			what = "确定了延迟答复的合理期限"
		}
		fmt.Fprintf(&b, "%s，本机关%s", on, what)
		if v.ExtendedTo != 0 {
			fmt.Fprintf(&b, "，答复期限延至 %s", v.ExtendedTo.Chinese())
		}
		b.WriteString("。")
		if v.ExtendedReason != "" {
			b.WriteString("理由：" + v.ExtendedReason)
		}
	}
	return b.String()
}

// statusWhere is where applicants look their application up.
func statusWhere(base string) string {
	if base == "" {
		return "本机关政府信息公开网站的“办理进度查询”"
	}
	return strings.TrimRight(base, "/") + "/status"
}

// MailLater sends mail to an applicant (a receipt, a notice) after the
// request that caused it has been answered: a slow mail server does not
// hold the page or the API call, a failure is logged and the application
// stands. Background waits for what is being sent.
func (s *Service) MailLater(ctx context.Context, what string, caseID int64, send func(context.Context) error) {
	s.mail.Add(1)
	go func() {
		defer s.mail.Done()
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Minute)
		defer cancel()
		if err := send(ctx); err != nil {
			s.Log.Warn(what+" not mailed", "case", caseID, "err", err)
		}
	}()
}

// Background waits for the mail MailLater is sending: the server's shutdown
// lets it finish.
func (s *Service) Background() { s.mail.Wait() }

// ReceiptLater mails the receipt (SendReceipt) of an application the staff
// registered — at the counter, from the post, through the API — when it
// gives an e-mail address and the settings ask for notices
// (applicant_notices): the step notices point to the status page, and the
// 查询码 that opens it came only on paper before. Nothing without a mail
// server. An online application's receipt goes whatever the setting.
func (s *Service) ReceiptLater(ctx context.Context, c *casework.Case, base string, m Mailer) {
	s.applicantLater(ctx, "receipt", c, m, func(ctx context.Context) error {
		if _, st, err := s.rules(ctx); err != nil || !st.ApplicantNotices {
			return err
		}
		return s.SendReceipt(ctx, c, base, m)
	})
}

// NoticeLater is SendStepNotice through MailLater, for the step just
// recorded on c (nothing without a mail server).
func (s *Service) NoticeLater(ctx context.Context, c *casework.Case, base string, m Mailer) {
	s.applicantLater(ctx, "notice", c, m, func(ctx context.Context) error { return s.SendStepNotice(ctx, c, base, m) })
}

// applicantLater is MailLater for mail to c's applicant: nothing without a
// mail server or an address to send to.
func (s *Service) applicantLater(ctx context.Context, what string, c *casework.Case, m Mailer, send func(context.Context) error) {
	if m == nil || c == nil || c.Intake.Applicant.Email == "" {
		return
	}
	s.MailLater(ctx, what, c.ID, send)
}
