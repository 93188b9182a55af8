package ops

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/guard"
	"gongkai/internal/notify"
	"gongkai/internal/store"
)

// codeLimit bounds the 查询码 requests from one address in an hour, so that
// the form cannot be used to flood a mailbox or to try many pairs.
const codeLimit = 5

// SendStatusCode mails an applicant who lost their 查询码 the codes of the
// applications with the 申请编号 they give whose applicant gave the e-mail
// address they give, to that address only (agencies number their own, so
// one 申请编号 may be several agencies'). Whether any matched is not said:
// the page answers the same either way, at once (the mail goes after the
// answer, MailLater). Each sending is audited.
func (s *Service) SendStatusCode(ctx context.Context, serial, email, ip, base string, m Mailer) error {
	if m == nil {
		return &errs.Error{Kind: errs.Conflict, Msg: "本系统没有设置邮件服务器，不能通过邮件找回查询码：请带身份证明联系受理机关查询"}
	}
	serial = strings.TrimSpace(strings.Map(guard.HalfWidth, serial))
	var bad errs.List
	if serial == "" || len(serial) > 40 {
		bad.Add("serial", "请填写申请编号（回执上的，如 2026-0012）")
	}
	addr, err := notify.Address("email", email)
	if err != nil || addr == "" {
		bad.Add("email", "请填写申请时留下的电子邮箱，如 name@example.com")
	}
	if err := bad.Err(); err != nil {
		return err
	}
	if err := s.Limit(ctx, "code", ip, codeLimit, time.Hour); err != nil {
		return err
	}
	cs, err := s.Store.CasesWithSerialEmail(ctx, serial, addr)
	if err != nil {
		return err
	}
	for _, c := range cs {
		// to the address on record, after answering: neither the time the
		// answer takes nor a mail server's refusal tells a match apart
		on := strings.TrimSpace(c.Intake.Applicant.Email)
		s.MailLater(ctx, "status code", c.ID, func(ctx context.Context) error { return s.sendCode(ctx, c, on, base, m) })
	}
	return nil
}

// sendCode audits and mails one application's 查询码 to addr.
func (s *Service) sendCode(ctx context.Context, c *casework.Case, addr, base string, m Mailer) error {
	ag, err := s.Store.GetAgency(ctx, c.AgencyID)
	if err != nil {
		return err
	}
	p := Principal{AgencyID: c.AgencyID, Name: "申请人（找回查询码）", Role: casework.Clerk, Via: "public"}
	if err := s.write(ctx, p, "case.code_sent", func(_ *store.Tx, e *audit.Entry) error {
		e.Object, e.Detail = c.Serial, "查询码发往 "+casework.MaskEmail(addr)
		return nil
	}); err != nil {
		return err
	}
	text := fmt.Sprintf("%s：\n\n您向%s提交的政府信息公开申请（申请编号：%s，%s收到）的查询码是：%s\n\n凭查询码可以在 %s 查询办理进度、下载答复文书。请妥善保存。\n\n如果不是您本人要求找回，不必理会本邮件。\n\n%s\n",
		c.Intake.Applicant.Name, ag.Name, c.Serial, c.Received.Chinese(), c.Code, statusWhere(base), ag.Name)
	return s.mailApplicant(ctx, m, c, ag, addr, "政府信息公开申请查询码", "code", text)
}
