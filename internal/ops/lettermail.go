package ops

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"strings"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/notify"
	"gongkai/internal/office"
	"gongkai/internal/store"
)

// noMailServer is the refusal of sending without a mail server.
var noMailServer = &errs.Error{Kind: errs.Conflict, Msg: "本系统未设置邮件服务器，不能发送邮件：请系统管理员按运行说明设置（serve --smtp）"}

// MailLetter sends the letter of event seq to the applicant by e-mail, as
// PDF: to the address given, or the one the application gives. Only the
// agency's staff who may act on the application send it; a letter not yet
// issued is issued (numbered) first, as opening it would — and stays issued
// when the sending then fails. The sending is kept with the case and
// audited. A mail server that refuses it is said at the address field and
// nothing is recorded. Sending is a way of delivering the letter, not a step
// of the procedure: the case page records steps.
func (s *Service) MailLetter(ctx context.Context, p Principal, id int64, seq int, to string, m Mailer) (*casework.LetterMail, error) {
	c, err := s.readableCase(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if err := s.mustAct(ctx, p, c.AgencyID); err != nil {
		return nil, err
	}
	if m == nil {
		return nil, noMailServer
	}
	cal, st, ag, err := s.agencyRules(ctx, c.AgencyID)
	if err != nil {
		return nil, err
	}
	if err := s.barredFrom(ctx, ag, p, c.ID); err != nil {
		return nil, err
	}
	addr, err := notify.Address("to", cmp.Or(strings.TrimSpace(to), c.Intake.Applicant.Email))
	if err != nil {
		return nil, err
	}
	if addr == "" {
		return nil, errs.New("to", "申请中没有电子邮箱：请填写申请人的电子邮箱")
	}
	l, err := s.letterOf(ctx, p, c, ag, st, cal, seq)
	if err != nil {
		return nil, err
	}
	var pdf bytes.Buffer
	if err := office.PDF(&pdf, office.LetterDoc(l)); err != nil {
		return nil, err
	}
	now := s.Clock.Now()
	text := fmt.Sprintf("%s：\n\n您于 %s 提出的政府信息公开申请（申请编号 %s），%s出具的《%s》（%s）见附件，PDF 格式。\n\n%s\n%s\n",
		l.Addressee, c.Received.Chinese(), c.Serial, ag.Name, l.KindTitle(), l.Number, ag.Name, s.Clock.Today().Chinese())
	msg := notify.WithFile(m.From(), ag.Email, addr, l.FileName(), text,
		notify.File{Name: l.FileName() + ".pdf", Type: "application/pdf", Data: pdf.Bytes()},
		now, fmt.Sprintf("letter.%d.%d.%d@%s", c.ID, seq, now.UnixNano(), domainOf(m.From())))
	if err := m.Send(ctx, addr, msg); err != nil {
		s.Log.Warn("letter not mailed", "case", c.ID, "seq", seq, "err", err)
		return nil, &errs.Error{Kind: errs.Invalid, Where: "to", Msg: "邮件没有发出：" + errs.Message(err), Cause: err}
	}
	lm := casework.LetterMail{Seq: seq, Number: l.Number, To: addr, At: now, By: p.Name}
	return &lm, s.write(ctx, p, "case.mail", func(tx *store.Tx, e *audit.Entry) error {
		e.AgencyID, e.Object, e.Detail = c.AgencyID, c.Serial, l.Number+" 以电子邮件发至 "+addr
		return tx.RecordLetterMail(ctx, c.ID, lm)
	})
}

// TestMail sends a test message to the person's own address, so that they
// see the reminders will reach them (and an administrator that the mail
// server works).
func (s *Service) TestMail(ctx context.Context, p Principal, m Mailer) (string, error) {
	if m == nil {
		return "", noMailServer
	}
	u, err := s.Store.User(ctx, p.UserID)
	if err != nil {
		return "", notFoundOr(err)
	}
	if u.Email == "" {
		return "", errs.New("email", "请先填写并保存电子邮箱")
	}
	if err := m.Send(ctx, u.Email, notify.Test(m.From(), u.Email, s.Clock.Now())); err != nil {
		return "", &errs.Error{Kind: errs.Invalid, Where: "email", Msg: "测试邮件没有发出：" + errs.Message(err), Cause: err}
	}
	return u.Email, nil
}

// Receipt is the 接收回执 of an application for its agency's staff to print
// or send: the application's 查询码 goes with it, so only they draft it.
// base is the site's public address (statusWhere).
func (s *Service) Receipt(ctx context.Context, p Principal, id int64, base string) (*casework.Letter, error) {
	c, err := s.readableCase(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if !actsFor(p, c.AgencyID) {
		return nil, Forbidden("接收回执由本机关的办理人员出具")
	}
	cal, st, ag, err := s.agencyRules(ctx, c.AgencyID)
	if err != nil {
		return nil, err
	}
	return casework.ReceiptFor(c, ag.Info(), st.Case, cal, statusWhere(base)), nil
}

// SendReceipt mails an online applicant what the receipt page shows — the
// serial, the day received and the 查询码 — to the address they gave, so that
// a closed browser tab does not lose the key to the status page. A courtesy,
// not a step: a failure is the caller's to log, the application stands.
func (s *Service) SendReceipt(ctx context.Context, c *casework.Case, base string, m Mailer) error {
	to, err := notify.Address("email", c.Intake.Applicant.Email)
	if err != nil || to == "" || m == nil {
		return err
	}
	ag, err := s.Store.GetAgency(ctx, c.AgencyID)
	if err != nil {
		return err
	}
	where := statusWhere(base)
	text := fmt.Sprintf("%s：\n\n%s已收到您的政府信息公开申请。\n\n申请编号：%s\n收到申请日期：%s\n查询码：%s\n\n请妥善保存查询码：凭它可以在 %s 查询办理进度、下载答复文书。答复期限自收到申请之日起计算，以本机关的答复为准。\n\n%s\n",
		c.Intake.Applicant.Name, ag.Name, c.Serial, c.Received.Chinese(), c.Code, where, ag.Name)
	if err := s.mailApplicant(ctx, m, c, ag, to, "政府信息公开申请回执", "receipt", text); err != nil {
		return err
	}
	seq := 0 // the receipt tells of the registration, the first step
	if len(c.Events) > 0 {
		seq = c.Events[0].Seq
	}
	return s.mailed(ctx, c, seq, "申请回执", to)
}
