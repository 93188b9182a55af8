package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/ops"
)

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, "login", page{Title: "登录", CSRF: s.publicToken(w, r)})
}

// login checks the password (throttled per account and address, see ops.Login)
// and starts a session.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	login := strings.TrimSpace(r.PostFormValue("login"))
	p := page{Title: "登录", CSRF: s.publicToken(w, r), Form: map[string]string{"login": login}}
	if !checkPublicToken(r) {
		p.Errors = map[string]string{"form": "表单已过期，请重新输入"}
		s.render(w, http.StatusForbidden, "login", p)
		return
	}
	_, token, err := s.Ops.Login(r.Context(), login, r.PostFormValue("password"), s.ClientIP(r))
	var th *ops.ErrThrottled
	switch {
	case errors.As(err, &th):
		p.Errors = map[string]string{"form": fmt.Sprintf("登录失败次数过多，请 %s后再试", wait(th.Retry.Seconds()))}
		s.render(w, http.StatusTooManyRequests, "login", p)
		return
	case errs.KindOf(err) == errs.Invalid:
		p.Errors = map[string]string{"form": errs.Fields(err)["form"]}
		s.render(w, http.StatusUnauthorized, "login", p)
		return
	case err != nil:
		s.fail(w, r, nil, "", err)
		return
	}
	http.SetCookie(w, s.cookie(sessionCookie, token, ops.SessionTTL))
	http.Redirect(w, r, "/admin/", http.StatusSeeOther)
}

func wait(sec float64) string {
	if sec < 60 {
		return fmt.Sprintf("%.0f 秒", max(sec, 1))
	}
	return fmt.Sprintf("%.0f 分钟", sec/60+0.5)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	if err := s.Ops.Logout(r.Context(), si.p(), si.token); err != nil {
		s.Log.Error("logout", "err", err)
	}
	http.SetCookie(w, s.cookie(sessionCookie, "", -1))
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

func (s *Server) passwordPage(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.myAccount(w, r, si, http.StatusOK, nil, nil)
}

// myAccount is 我的账号: the e-mail address of the reminders, and the password.
func (s *Server) myAccount(w http.ResponseWriter, r *http.Request, si *sessionInfo, code int, form, fieldErrs map[string]string) {
	u, err := s.Ops.Store.User(r.Context(), si.user.ID)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	if form == nil {
		form = map[string]string{"email": u.Email}
	}
	s.render(w, code, "password", page{Title: "我的账号", User: si.user, CSRF: si.csrf, Flash: flashOf(r), Form: form, Errors: fieldErrs,
		Data: map[string]any{"Email": u.Email, "Reminded": u.Role != casework.Admin, "Supervisor": u.Role == casework.Supervisor, "MailServer": s.Mailer != nil}})
}

// setEmail: everyone sets the address of their own reminders, and may send
// a test message to it.
func (s *Server) setEmail(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	f := formValues(r, []string{"email"})
	var err error
	ok := "saved"
	if r.PostFormValue("do") == "test" {
		_, err = s.Ops.TestMail(r.Context(), si.p(), s.Mailer)
		ok = "testmail"
	} else {
		_, err = s.Ops.SetUserEmail(r.Context(), si.p(), si.user.ID, f["email"])
	}
	if errs.KindOf(err) == errs.Invalid {
		s.myAccount(w, r, si, http.StatusUnprocessableEntity, f, formErrors(err, nil))
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, "/admin/password?ok="+ok, http.StatusSeeOther)
}

// changePassword: everyone changes their own password (the old one first).
func (s *Server) changePassword(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	err := s.Ops.ChangePassword(r.Context(), si.p(), r.PostFormValue("old"), r.PostFormValue("password"), r.PostFormValue("again"))
	if err != nil {
		if errs.KindOf(err) == errs.Invalid {
			s.myAccount(w, r, si, http.StatusUnprocessableEntity, nil, formErrors(err, nil))
			return
		}
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	// the password change ended every session, this one too
	http.SetCookie(w, s.cookie(sessionCookie, "", -1))
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// flashOf is the message a redirect after a successful POST carries (?ok=…).
func flashOf(r *http.Request) string {
	return map[string]string{"saved": "已保存。", "submitted": "已报送。", "created": "已新增。", "loaded": "已导入。",
		"undone": "已撤销。", "recorded": "已记录。", "uploaded": "已上传。", "published": "已发布。", "withdrawn": "已撤回。",
		"approved": "已审定。", "assigned": "已指派承办人。", "mailed": "已发送。", "archived": "已归档。", "testmail": "测试邮件已发出，请到邮箱（或垃圾邮件）查看。", "prior": "已导入上年报告，跨年核对已按它进行。"}[r.URL.Query().Get("ok")]
}
