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
	s.render(w, http.StatusOK, "login", page{Title: "登录", CSRF: s.publicToken(w, r), Flash: flashOf(r)})
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
		Data: map[string]any{"MustChange": si.mustChange, "Email": u.Email, "Reminded": u.Role != casework.Admin, "Supervisor": u.Role == casework.Supervisor, "MailServer": s.Mailer != nil}})
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
		var saved string
		saved, err = s.Ops.SetUserEmail(r.Context(), si.p(), si.user.ID, f["email"])
		if err == nil && saved == "" {
			ok = "emailcleared" // said plainly: no more reminders
		}
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
		"undone": "已撤销。", "recorded": "已记录。", "uploaded": "已上传。", "redacted": "已遮盖后上传：遮盖了什么见附件下的说明，请打开文件逐页核对后再提供给申请人。", "detached": "附件已删除，删除记录已保留。", "published": "已发布。", "withdrawn": "已撤回。",
		"approved": "已审定。", "assigned": "已指派承办人。", "mailed": "已发送。", "reset": "密码已重设，请用新密码登录。", "idle": "长时间未操作，已自动退出，请重新登录。", "correction": "补正已提交，待受理机关确认收到。", "withdraw": "撤回申请已提交，待受理机关确认。", "archived": "已归档。", "forgot": "这条常用语不再提示。", "testmail": "测试邮件已发出，请到邮箱（或垃圾邮件）查看。", "emailcleared": "已清除电子邮箱：今后不再收到到期提醒邮件；需要时重新填写即可。", "prior": "已导入上年报告，跨年核对已按它进行。",
		"proposed": "已提请负责人审批。", "agreed": "已同意并登记。", "returned": "已退回提请。", "unproposed": "已撤回提请。", "delivered": "已登记送达。", "removed": "已删除。",
		"merged": "已保存。您打开之后他人所作的修改涉及您未改动的项，已一并保留。"}[r.URL.Query().Get("ok")]
}

// forgotPage asks for the login whose password is to be set anew by e-mail.
func (s *Server) forgotPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, "forgot", s.forgotForm(w, r))
}

// forgotForm is the 忘记密码 page: its form only where a link can be mailed.
func (s *Server) forgotForm(w http.ResponseWriter, r *http.Request) page {
	return page{Title: "忘记密码", CSRF: s.publicToken(w, r), Data: map[string]any{"Mail": s.Mailer != nil && s.PublicURL != ""}}
}

// forgot sends the reset link, and says the same whether the login exists
// or has an address (no one learns who has an account).
func (s *Server) forgot(w http.ResponseWriter, r *http.Request) {
	p := s.forgotForm(w, r)
	if !checkPublicToken(r) {
		p.Errors = map[string]string{"form": "表单已过期，请重新输入"}
		s.render(w, http.StatusForbidden, "forgot", p)
		return
	}
	login := strings.TrimSpace(r.PostFormValue("login"))
	if login == "" {
		p.Errors = map[string]string{"login": "请填写用户名"}
		s.render(w, http.StatusUnprocessableEntity, "forgot", p)
		return
	}
	err := s.Ops.RequestReset(r.Context(), login, s.ClientIP(r), s.PublicURL, s.Mailer)
	s.mailFormDone(w, r, "forgot", p, err, "如果该用户名存在并填写了电子邮箱，重设密码的链接已发到该邮箱，30 分钟内有效。没有收到时，请查看垃圾邮件，或联系系统管理员。")
}

// mailFormDone answers a public form that mails someone (忘记密码, 找回查询码):
// too many requests, a field to fix, a refusal said on the form, or done —
// the same words whether anyone matched.
func (s *Server) mailFormDone(w http.ResponseWriter, r *http.Request, name string, p page, err error, done string) {
	var th *ops.ErrThrottled
	switch {
	case errors.As(err, &th):
		p.Errors = map[string]string{"form": fmt.Sprintf("申请次数过多，请 %s后再试", wait(th.Retry.Seconds()))}
		s.render(w, http.StatusTooManyRequests, name, p)
	case errs.KindOf(err) == errs.Invalid:
		p.Errors = errs.Fields(err)
		s.render(w, http.StatusUnprocessableEntity, name, p)
	case errs.KindOf(err) == errs.Conflict:
		p.Errors = map[string]string{"form": errs.Readable(err)}
		s.render(w, http.StatusConflict, name, p)
	case err != nil:
		s.fail(w, r, nil, "", err)
	default:
		p.Flash = done
		s.render(w, http.StatusOK, name, p)
	}
}

// resetPage is the form of a reset link: the new password twice.
func (s *Server) resetPage(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("token")
	u, err := s.Ops.ResetUser(r.Context(), token)
	if err != nil {
		s.render(w, http.StatusNotFound, "reset", page{Title: "重设密码", Errors: map[string]string{"form": errs.Readable(err)}})
		return
	}
	s.render(w, http.StatusOK, "reset", page{Title: "重设密码", CSRF: s.publicToken(w, r), Form: map[string]string{"token": token},
		Data: map[string]any{"Login": u.Login}})
}

// reset sets the new password of a reset link; then to the login page.
func (s *Server) reset(w http.ResponseWriter, r *http.Request) {
	token := r.PostFormValue("token")
	p := page{Title: "重设密码", CSRF: s.publicToken(w, r), Form: map[string]string{"token": token}}
	if !checkPublicToken(r) {
		p.Errors = map[string]string{"form": "表单已过期，请重新输入"}
		s.render(w, http.StatusForbidden, "reset", p)
		return
	}
	err := s.Ops.ResetByLink(r.Context(), token, r.PostFormValue("password"), r.PostFormValue("again"))
	switch k := errs.KindOf(err); {
	case err == nil:
		http.Redirect(w, r, "/login?ok=reset", http.StatusSeeOther)
	case k == errs.Invalid:
		if u, err := s.Ops.ResetUser(r.Context(), token); err == nil {
			p.Data = map[string]any{"Login": u.Login}
		}
		p.Errors = formErrors(err, nil)
		s.render(w, http.StatusUnprocessableEntity, "reset", p)
	case k == errs.NotFound:
		p.Errors, p.Form = map[string]string{"form": errs.Readable(err)}, nil
		s.render(w, http.StatusNotFound, "reset", p)
	default:
		s.fail(w, r, nil, "", err)
	}
}
