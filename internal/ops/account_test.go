package ops_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"gongkai/internal/casework"
	"gongkai/internal/clock"
	"gongkai/internal/errs"
	"gongkai/internal/ops"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// A session unused for longer than the rules allow ends (and is gone); one
// in use lasts, its use recorded at most once a minute. 0 minutes: only the
// 12 hours.
func TestIdleSession(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		now := at("2026-03-02", "09:00").Now()
		o := zhang(t, f, &now)
		_, tok, err := o.Login(ctx, "zhang", "right-password", "10.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		// used every 20 minutes for two hours: alive (the default is 30)
		for range 6 {
			now = now.Add(20 * time.Minute)
			if r, err := o.Resume(ctx, tok); err != nil || r.User.Login != "zhang" || r.MustChange != "" {
				t.Fatalf("at %s: %v", now, err)
			}
		}
		now = now.Add(31 * time.Minute)
		before := f.audits()
		if _, err := o.Resume(ctx, tok); !errors.Is(err, ops.ErrIdle) {
			t.Fatalf("31 minutes unused: %v", err)
		}
		if f.audits() != before+1 {
			t.Error("the end of an idle session is not in the log")
		}
		// a failed sign-in on an account is logged for its agency; one on a login that is none only counted
		before = f.audits()
		if _, _, err := o.Login(ctx, "zhang", "wrong-password", "10.0.0.1"); err == nil {
			t.Fatal("a wrong password signed in")
		}
		if _, _, err := o.Login(ctx, "nobody", "wrong-password", "10.0.0.1"); err == nil {
			t.Fatal("nobody signed in")
		}
		if f.audits() != before+1 {
			t.Errorf("%d log lines for two failed sign-ins, want one", f.audits()-before)
		}
		if _, err := o.Resume(ctx, tok); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("an ended session came back: %v", err)
		}
		if _, err := o.SaveSettings(ctx, f.admin, map[string]string{"idle_minutes": "0"}, ""); err != nil {
			t.Fatal(err)
		}
		_, tok, _ = o.Login(ctx, "zhang", "right-password", "10.0.0.1")
		now = now.Add(11 * time.Hour)
		if _, err := o.Resume(ctx, tok); err != nil {
			t.Fatalf("no idle limit, 11 hours: %v", err)
		}
		now = now.Add(2 * time.Hour)
		if _, err := o.Resume(ctx, tok); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("past the 12 hours: %v", err)
		}
	})
}

// The password rules: the stricter one refuses weak passwords wherever one is
// set; a password an administrator set must be changed at sign-in (where
// the rules ask), as must one older than the days allowed; changing it to
// itself is refused; the change clears the demand.
func TestPasswordRules(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		now := at("2026-03-02", "09:00").Now()
		o := f.o.At(clock.Func(clock.Shanghai(), func() time.Time { return now }))
		if _, err := o.SaveSettings(ctx, f.admin, map[string]string{"password_rule": "classes", "password_max_days": "90", "first_change": "true"}, ""); err != nil {
			t.Fatal(err)
		}
		_, err := o.CreateUser(ctx, f.admin, ops.NewUser{AgencyID: f.a.ID, Login: "zhang", Name: "张办理", Role: casework.Clerk, Password: "weakpassword"})
		if !strings.Contains(errs.Fields(err)["password"], "至少三种") {
			t.Fatalf("a weak first password: %v", err)
		}
		u, err := o.CreateUser(ctx, f.admin, ops.NewUser{AgencyID: f.a.ID, Login: "zhang", Name: "张办理", Role: casework.Clerk, Password: "First-Pass1"})
		if err != nil {
			t.Fatal(err)
		}
		_, tok, err := o.Login(ctx, "zhang", "First-Pass1", "10.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		r, err := o.Resume(ctx, tok)
		if err != nil || !strings.Contains(r.MustChange, "管理员设置") {
			t.Fatalf("an administrator's password: %+v %v", r, err)
		}
		p := ops.User(r.User)
		if err := o.ChangePassword(ctx, p, "First-Pass1", "First-Pass1", "First-Pass1"); !strings.Contains(errs.Fields(err)["password"], "不能与原密码相同") {
			t.Errorf("changed to itself: %v", err)
		}
		if err := o.ChangePassword(ctx, p, "First-Pass1", "mineonly1", "mineonly1"); !strings.Contains(errs.Fields(err)["password"], "至少三种") {
			t.Errorf("changed to a weak one: %v", err)
		}
		if err := o.ChangePassword(ctx, p, "First-Pass1", "Mine-Only-9", "Mine-Only-9"); err != nil {
			t.Fatal(err)
		}
		_, tok, _ = o.Login(ctx, "zhang", "Mine-Only-9", "10.0.0.1")
		if r, err = o.Resume(ctx, tok); err != nil || r.MustChange != "" {
			t.Fatalf("after the change: %+v %v", r, err)
		}
		// 91 days later (signing in anew each day would not matter: the password's age does)
		now = now.Add(91 * 24 * time.Hour)
		_, tok, _ = o.Login(ctx, "zhang", "Mine-Only-9", "10.0.0.1")
		if r, err = o.Resume(ctx, tok); err != nil || !strings.Contains(r.MustChange, "超过 90 天") {
			t.Fatalf("a password of 91 days: %+v %v", r, err)
		}
		// the administrator resets it: to be changed again, by the first-change rule
		if err := o.ResetPassword(ctx, f.admin, u.ID, "Reset-Pass2"); err != nil {
			t.Fatal(err)
		}
		_, tok, _ = o.Login(ctx, "zhang", "Reset-Pass2", "10.0.0.1")
		if r, err = o.Resume(ctx, tok); err != nil || !strings.Contains(r.MustChange, "管理员设置") {
			t.Fatalf("after a reset: %+v %v", r, err)
		}
		if err := o.ResetPassword(ctx, f.admin, u.ID, "resetpass"); err == nil {
			t.Error("a weak reset")
		}
		// without the rules, none of it
		if _, err := o.SaveSettings(ctx, f.admin, map[string]string{"password_max_days": "0", "first_change": "false"}, ""); err != nil {
			t.Fatal(err)
		}
		if r, err = o.Resume(ctx, tok); err != nil || r.MustChange != "" {
			t.Fatalf("rules off: %+v %v", r, err)
		}
	})
}

// The 工作台 says when the user signed in before, from where, and how many
// wrong passwords were tried on the account since.
func TestLastSignIn(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		now := at("2026-03-02", "09:00").Now()
		o := zhang(t, f, &now)
		u, _, err := o.Login(ctx, "zhang", "right-password", "10.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		p := ops.User(u)
		if in, err := o.LastSignIn(ctx, p); err != nil || !in.Before.IsZero() || in.Failed != 0 {
			t.Fatalf("first sign-in: %+v %v", in, err)
		}
		first := now
		now = now.Add(26 * time.Hour)
		for range 3 {
			now = now.Add(time.Minute)
			_, _, _ = o.Login(ctx, "zhang", "guess", "203.0.113.9")
		}
		now = now.Add(time.Hour)
		if _, _, err := o.Login(ctx, "zhang", "right-password", "10.0.0.2"); err != nil {
			t.Fatal(err)
		}
		in, err := o.LastSignIn(ctx, p)
		if err != nil || !in.Before.Equal(first) || in.From != "10.0.0.1" || in.Failed != 3 {
			t.Fatalf("after three wrong guesses: %+v %v (first %s)", in, err, first)
		}
		now = now.Add(time.Hour)
		if _, _, err := o.Login(ctx, "zhang", "right-password", "10.0.0.2"); err != nil {
			t.Fatal(err)
		}
		if in, err = o.LastSignIn(ctx, p); err != nil || in.From != "10.0.0.2" || in.Failed != 0 {
			t.Fatalf("a sign-in later: %+v %v", in, err)
		}
		// the 用户 page's column: the latest, and none for one who never signed in
		last, err := s.LastSignIns(ctx, []int64{u.ID, f.head.UserID})
		if err != nil || !last[u.ID].Equal(now) || !last[f.head.UserID].IsZero() {
			t.Fatalf("last sign-ins: %v %v (want %s)", last, err, now)
		}
	})
}

// zhang is the service on a clock at *now, with a clerk zhang (password
// right-password) added by the administrator.
func zhang(t *testing.T, f *fx, now *time.Time) *ops.Service {
	t.Helper()
	o := f.o.At(clock.Func(clock.Shanghai(), func() time.Time { return *now }))
	if _, err := o.CreateUser(ctx, f.admin, ops.NewUser{AgencyID: f.a.ID, Login: "zhang", Name: "张办理", Role: casework.Clerk, Password: "right-password"}); err != nil {
		t.Fatal(err)
	}
	return o
}
