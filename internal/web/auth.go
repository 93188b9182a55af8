package web

import (
	"errors"
	"net"
	"net/http"
	"strings"

	"gongkai/internal/org"
	"gongkai/internal/store"
)

func remoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, "login", page{Title: "登录", CSRF: publicToken(w, r)})
}

// login checks the password; after five failures in 15 minutes for a login
// name or an address, further attempts are refused for a while.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	login := strings.TrimSpace(r.PostFormValue("login"))
	p := page{Title: "登录", CSRF: publicToken(w, r), Form: map[string]string{"login": login}}
	if !checkPublicToken(r) {
		p.Errors = map[string]string{"form": "表单已过期，请重新输入"}
		s.render(w, http.StatusForbidden, "login", p)
		return
	}
	now := s.Now()
	ip := remoteIP(r)
	if s.logins.blocked("u:"+login, now) || s.logins.blocked("ip:"+ip, now) {
		p.Errors = map[string]string{"form": "登录失败次数过多，请 15 分钟后再试"}
		s.render(w, http.StatusTooManyRequests, "login", p)
		return
	}
	u, hash, err := s.Store.UserByLogin(r.Context(), login)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		s.serverError(w, r, err)
		return
	}
	if err != nil || !org.CheckPassword(hash, r.PostFormValue("password")) {
		s.logins.add("u:"+login, now)
		s.logins.add("ip:"+ip, now)
		p.Errors = map[string]string{"form": "用户名或密码不对"}
		s.render(w, http.StatusUnauthorized, "login", p)
		return
	}
	s.logins.reset("u:" + login)
	token, _, err := s.Store.CreateSession(r.Context(), u.ID, sessionTTL)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.Store.Audit(r.Context(), store.AuditEntry{UserID: u.ID, AgencyID: u.AgencyID, Action: "login"})
	http.SetCookie(w, cookie(r, sessionCookie, token, sessionTTL))
	http.Redirect(w, r, "/admin/", http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.Store.DeleteSession(r.Context(), si.token)
	http.SetCookie(w, cookie(r, sessionCookie, "", -1))
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}
