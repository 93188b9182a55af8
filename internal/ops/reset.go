package ops

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/notify"
	"gongkai/internal/org"
	"gongkai/internal/store"
)

// ResetTTL is how long a 忘记密码 link sets a new password.
const ResetTTL = 30 * time.Minute

// resetLimit bounds the reset requests from one address (an hour), so that
// the form cannot be used to flood a mailbox.
const resetLimit = 5

// RequestReset sends a user a link to set a new password (忘记密码), to the
// address their account has. It says nothing of whether the login exists or
// has an address: the page answers the same either way. base is the
// server's public address, which the link starts with (never the request's
// Host, which the requester controls).
func (s *Service) RequestReset(ctx context.Context, login, ip, base string, m Mailer) error {
	if m == nil || base == "" {
		return &errs.Error{Kind: errs.Conflict, Msg: "本系统没有设置邮件服务器或访问地址，不能通过邮件重设密码：请联系系统管理员重设"}
	}
	if err := s.Limit(ctx, "reset", ip, resetLimit, time.Hour); err != nil {
		return err
	}
	u, _, err := s.Store.UserByLogin(ctx, strings.TrimSpace(login))
	if errors.Is(err, store.ErrNotFound) {
		return nil
	} else if err != nil {
		return err
	}
	row, err := s.Store.User(ctx, u.ID)
	if err != nil || row.Email == "" {
		return err
	}
	var token string
	p := Principal{UserID: u.ID, AgencyID: u.AgencyID, Name: u.Name, Role: u.Role, Via: "public"}
	if err := s.write(ctx, p, "password.reset_request", func(tx *store.Tx, e *audit.Entry) error {
		e.Object, e.Detail = u.Login, "重设密码的链接发至 "+casework.MaskEmail(row.Email)
		token, err = tx.CreateReset(ctx, u.ID, ResetTTL)
		return err
	}); err != nil {
		return err
	}
	now := s.Clock.Now()
	text := fmt.Sprintf("%s：\n\n有人（可能是您）在政府信息公开工作平台申请重设用户 %s 的密码。如是您本人，请在 %d 分钟内打开下面的链接设置新密码：\n\n%s/reset?token=%s\n\n如不是您本人，不必理会本邮件，您的密码不会改变。\n",
		u.Name, u.Login, int(ResetTTL.Minutes()), strings.TrimRight(base, "/"), token)
	msg := notify.Compose(m.From(), "", row.Email, "【政府信息公开工作平台】重设密码", text, now, fmt.Sprintf("reset.%d.%d@%s", u.ID, now.UnixNano(), domainOf(m.From())))
	if err := m.Send(ctx, row.Email, msg); err != nil {
		s.Log.Warn("reset link not sent", "user", u.Login, "err", err)
		return &errs.Error{Kind: errs.Conflict, Msg: "邮件没有发出，请稍后再试或联系系统管理员", Cause: err}
	}
	return nil
}

// ResetUser is the account a live reset link is for (the page shows its
// login); not found when the link is used, expired or unknown.
func (s *Service) ResetUser(ctx context.Context, token string) (*org.User, error) {
	u, err := s.Store.ResetUser(ctx, token)
	if err != nil {
		return nil, &errs.Error{Kind: errs.NotFound, Msg: "链接已失效（已使用、已超过 30 分钟或不完整）：请在登录页重新申请", Cause: err}
	}
	return u, nil
}

// ResetByLink sets the new password of a reset link, once: the link and
// every other open one of the user are used up and their sessions end.
func (s *Service) ResetByLink(ctx context.Context, token, password, again string) error {
	u, err := s.ResetUser(ctx, token)
	if err != nil {
		return err
	}
	acc, err := s.account(ctx)
	if err != nil {
		return err
	}
	hash, l := typedTwice(acc.PasswordRule, password, again)
	if len(l) > 0 {
		return l
	}
	p := Principal{UserID: u.ID, AgencyID: u.AgencyID, Name: u.Name, Role: u.Role, Via: "public"}
	return s.write(ctx, p, "password.reset", func(tx *store.Tx, e *audit.Entry) error {
		e.Object = u.Login
		ok, err := tx.UseReset(ctx, token)
		if err != nil {
			return err
		}
		if !ok { // used by another request since it was read
			return &errs.Error{Kind: errs.NotFound, Msg: "链接已使用：请在登录页重新申请"}
		}
		if err := tx.SetPassword(ctx, u.ID, hash, false); err != nil {
			return err
		}
		return tx.UseResets(ctx, u.ID)
	})
}
