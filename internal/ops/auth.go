package ops

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gongkai/internal/audit"
	"gongkai/internal/errs"
	"gongkai/internal/org"
	"gongkai/internal/store"
)

// SessionTTL is how long a sign-in lasts.
const SessionTTL = 12 * time.Hour

// The login throttle. Failures are counted in the database (so that they
// hold across instances) per account and address together, per address, and
// per account. A pair that keeps failing waits longer and longer; an address
// that fails on many accounts (password spraying) waits too; an account
// attacked from many addresses makes every address that already failed on it
// wait. An address that has not failed on the account is never refused its
// right password: one person's mistakes cannot lock out a colleague behind
// the same NAT, nor the account's owner elsewhere.
const (
	throttleWindow = 15 * time.Minute
	pairFree       = 5  // failures of one account from one address before delays start
	addressFree    = 50 // failures from one address (a whole office behind NAT) before delays start
	accountFree    = 20 // failures on one account from anywhere before failing addresses wait
	maxDelay       = 15 * time.Minute
)

// ErrThrottled is a login refused for now; Retry is how long to wait.
type ErrThrottled struct{ Retry time.Duration }

func (e *ErrThrottled) Error() string { return fmt.Sprintf("throttled for %s", e.Retry) }

// delay is the wait after n failures when the first free ones are allowed.
func delay(n, free int) time.Duration {
	if n < free {
		return 0
	}
	d := time.Second << min(n-free, 20)
	return min(d, maxDelay)
}

// throttled says how long the pair must still wait, 0 when it may try.
func (s *Service) throttled(ctx context.Context, login, ip string) (time.Duration, error) {
	now := s.Clock.Now()
	since := now.Add(-throttleWindow)
	pair, pairLast, err := s.Store.Hits(ctx, "login:"+login+"|"+ip, since)
	if err != nil {
		return 0, err
	}
	addr, addrLast, err := s.Store.Hits(ctx, "login-ip:"+ip, since)
	if err != nil {
		return 0, err
	}
	acct, acctLast, err := s.Store.Hits(ctx, "login-account:"+login, since)
	if err != nil {
		return 0, err
	}
	wait := max(time.Duration(0), pairLast.Add(delay(pair, pairFree)).Sub(now), addrLast.Add(delay(addr, addressFree)).Sub(now))
	if pair > 0 {
		wait = max(wait, acctLast.Add(delay(acct, accountFree)).Sub(now))
	}
	return wait, nil
}

// Login checks a password and starts a session: the token for the cookie and
// the session's form token.
func (s *Service) Login(ctx context.Context, login, password, ip string) (u *org.User, token string, err error) {
	login = strings.TrimSpace(login)
	wait, err := s.throttled(ctx, login, ip)
	if err != nil {
		return nil, "", err
	}
	if wait > 0 {
		return nil, "", &ErrThrottled{Retry: wait}
	}
	u, hash, err := s.Store.UserByLogin(ctx, login)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, "", err
	}
	if known := err == nil; !known || !org.CheckPassword(hash, password) {
		if err := s.Store.Hit(ctx, "login:"+login+"|"+ip, "login-ip:"+ip, "login-account:"+login); err != nil {
			return nil, "", err
		}
		if known { // a failure on an account is its agency's to see (a login that is none is counted, not logged)
			err := s.write(ctx, Principal{AgencyID: u.AgencyID, Name: "（未登录）"}, "login.fail", func(tx *store.Tx, e *audit.Entry) error {
				e.Object, e.Detail = u.Login, "来自 "+ip+"，密码不对"
				return nil
			})
			if err != nil {
				return nil, "", err
			}
		}
		return nil, "", errs.New("form", "用户名或密码不对")
	}
	if err := s.Store.ClearHits(ctx, "login:"+login+"|"+ip); err != nil {
		return nil, "", err
	}
	err = s.write(ctx, User(u), "login", func(tx *store.Tx, e *audit.Entry) error {
		e.Object, e.Detail = u.Login, "来自 "+ip
		token, _, err = tx.CreateSession(ctx, u.ID, SessionTTL)
		return err
	})
	return u, token, err
}

// Logout ends a session.
func (s *Service) Logout(ctx context.Context, p Principal, token string) error {
	return s.write(ctx, p, "logout", func(tx *store.Tx, e *audit.Entry) error {
		return tx.DeleteSession(ctx, token)
	})
}

// Limit counts one event of kind from an address and refuses when the
// address has had max of them within window (public applications), counted
// in the database so that every instance agrees.
func (s *Service) Limit(ctx context.Context, kind, ip string, max int, window time.Duration) error {
	if err := s.Throttled(ctx, kind, ip, max, window); err != nil {
		return err
	}
	return s.Count(ctx, kind, ip)
}

// Throttled refuses when the address has had max events of kind within window.
func (s *Service) Throttled(ctx context.Context, kind, ip string, max int, window time.Duration) error {
	n, _, err := s.Store.Hits(ctx, kind+":"+ip, s.Clock.Now().Add(-window))
	if err != nil {
		return err
	}
	if n >= max {
		return &ErrThrottled{Retry: window}
	}
	return nil
}

// Count records one event of kind from an address.
func (s *Service) Count(ctx context.Context, kind, ip string) error {
	return s.Store.Hit(ctx, kind+":"+ip)
}

// ErrIdle is a session that ended because it was not used for longer than
// the rules allow.
var ErrIdle = errors.New("session unused too long")

// Resumed is a session a request continues.
type Resumed struct {
	User *org.User
	CSRF string
	// MustChange says why the user must change their password before doing
	// anything else ("": nothing to change).
	MustChange string
}

// Resume continues the session of token: one unused for longer than the
// rules allow ends (ErrIdle); a use is recorded at most once a minute, which
// is all the precision a timeout in minutes needs. store.ErrNotFound: no
// such live session.
func (s *Service) Resume(ctx context.Context, token string) (*Resumed, error) {
	se, err := s.Store.Session(ctx, token)
	if err != nil {
		return nil, err
	}
	acc, err := s.account(ctx)
	if err != nil {
		return nil, err
	}
	now := s.Clock.Now()
	unused := now.Sub(se.SeenAt)
	if acc.IdleMinutes > 0 && unused > time.Duration(acc.IdleMinutes)*time.Minute {
		err := s.write(ctx, User(se.User), "logout.idle", func(tx *store.Tx, e *audit.Entry) error {
			e.Object, e.Detail = se.User.Login, fmt.Sprintf("%d 分钟未操作", acc.IdleMinutes)
			return tx.DeleteSession(ctx, token)
		})
		if err != nil {
			return nil, err
		}
		return nil, ErrIdle
	}
	if unused >= time.Minute {
		if err := s.Store.TouchSession(ctx, token); err != nil {
			return nil, err
		}
	}
	r := &Resumed{User: se.User, CSRF: se.CSRF}
	switch {
	case acc.FirstChange && se.Temporary:
		r.MustChange = "您的密码是管理员设置的，请先修改为只有您自己知道的密码。"
	case acc.PasswordMaxDays > 0 && !se.PasswordChanged.IsZero() && now.Sub(se.PasswordChanged) > time.Duration(acc.PasswordMaxDays)*24*time.Hour:
		r.MustChange = fmt.Sprintf("您的密码已超过 %d 天未修改，请先修改密码。", acc.PasswordMaxDays)
	}
	return r, nil
}

// SignIn is what the 工作台 says of the user's sign-ins, so that someone
// else's use of the account is noticed: the one before this (zero: none),
// where it came from, and the failed attempts on the account since.
type SignIn struct {
	Before time.Time
	From   string
	Failed int
}

// LastSignIn reads the user's sign-ins from the log.
func (s *Service) LastSignIn(ctx context.Context, p Principal) (*SignIn, error) {
	if p.UserID == 0 {
		return &SignIn{}, nil
	}
	u, err := s.Store.User(ctx, p.UserID)
	if err != nil {
		return nil, notFoundOr(err)
	}
	in := &SignIn{}
	var detail string
	in.Before, detail, in.Failed, err = s.Store.SignIns(ctx, u.ID, u.AgencyID, u.Login)
	in.From = strings.TrimPrefix(detail, "来自 ")
	return in, err
}
