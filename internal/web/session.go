package web

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"slices"
	"strings"
	"time"

	"gongkai/internal/casework"
	"gongkai/internal/ops"
	"gongkai/internal/org"
	"gongkai/internal/store"
)

const (
	sessionCookie = "gk_session"
	publicCookie  = "gk_form" // form token of visitors without a session
)

type ctxKey int

const userKey ctxKey = 1

type sessionInfo struct {
	user       *org.User
	csrf       string
	token      string
	mustChange string // why the password must be changed first ("": it need not)
}

// p is the signed-in user as the operations know them.
func (si *sessionInfo) p() ops.Principal { return ops.User(si.user) }

func (s *Server) cookie(name, value string, maxAge time.Duration) *http.Cookie {
	return &http.Cookie{Name: name, Value: value, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: s.Secure, MaxAge: int(maxAge.Seconds())}
}

// admin wraps a back-office handler: a signed-in user is required, and every
// POST must carry the session's form token (on top of the cross-origin
// check and SameSite cookies, for old browsers that send neither header).
// A user who must change their password first reaches only that page.
func (s *Server) admin(h func(http.ResponseWriter, *http.Request, *sessionInfo)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(sessionCookie)
		if err != nil {
			http.Redirect(w, r, "/login", http.StatusSeeOther)
			return
		}
		se, err := s.Ops.Resume(r.Context(), c.Value)
		switch {
		case errors.Is(err, ops.ErrIdle):
			http.SetCookie(w, s.cookie(sessionCookie, "", -1))
			http.Redirect(w, r, "/login?ok=idle", http.StatusSeeOther)
			return
		case errors.Is(err, store.ErrNotFound):
			http.Redirect(w, r, "/login", http.StatusSeeOther)
			return
		case err != nil:
			s.fail(w, r, nil, "", err)
			return
		}
		u, csrf := se.User, se.CSRF
		if r.Method == http.MethodPost && !sameToken(r.PostFormValue("csrf"), csrf) {
			s.render(w, http.StatusForbidden, "error", page{Title: "表单已过期", User: u, CSRF: csrf, Data: "表单已过期或来源不明，请返回刷新页面后重试。"})
			return
		}
		if se.MustChange != "" && !passwordPaths[r.Method+" "+r.URL.Path] {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/admin/password", http.StatusSeeOther)
				return
			}
			s.render(w, http.StatusForbidden, "error", page{Title: "请先修改密码", User: u, CSRF: csrf, Data: se.MustChange})
			return
		}
		h(w, r.WithContext(context.WithValue(r.Context(), userKey, u)), &sessionInfo{user: u, csrf: csrf, token: c.Value, mustChange: se.MustChange})
	}
}

// passwordPaths are what a user who must change their password may reach.
var passwordPaths = map[string]bool{"GET /admin/password": true, "POST /admin/password": true, "POST /admin/email": true, "POST /logout": true,
	"GET /admin/keepalive": true}

// keepalive is what the back office's pages call while someone types or
// clicks (static/app.js): the session counts as used, and the page learns
// its form token, which is new after signing in again in another window.
func (s *Server) keepalive(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(map[string]string{"csrf": si.csrf})
}

// SignedIn says a request comes with a valid session: the server reads a
// large upload to the back office only then (anyone may send a small form).
func (s *Server) SignedIn(r *http.Request) bool {
	u, _ := s.optionalUser(r)
	return u != nil
}

// MayUpload says whether the server should read an upload larger than a
// form: to the back office, from a signed-in user; to the status page's 补正
// form, with the 查询码 (in the address) of an application awaiting one, from
// an address that may still send. No stranger has the server read 10 MB.
func (s *Server) MayUpload(r *http.Request) bool {
	switch {
	case strings.HasPrefix(r.URL.Path, "/admin/"):
		return s.SignedIn(r)
	case r.URL.Path == "/status/correction":
		return s.Ops.MaySendCorrection(r.Context(), statusCode(r), s.ClientIP(r))
	}
	return true
}

// optionalUser is the signed-in user of a public page, if any (for the menu).
func (s *Server) optionalUser(r *http.Request) (*org.User, string) {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return nil, ""
	}
	se, err := s.Ops.Resume(r.Context(), c.Value)
	if err != nil {
		return nil, ""
	}
	return se.User, se.CSRF
}

func sameToken(a, b string) bool {
	return a != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// publicToken returns the visitor's form token, setting the cookie when new.
func (s *Server) publicToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(publicCookie); err == nil && len(c.Value) == 32 {
		return c.Value
	}
	t := randomHex(16)
	http.SetCookie(w, s.cookie(publicCookie, t, 24*time.Hour))
	return t
}

func checkPublicToken(r *http.Request) bool {
	c, err := r.Cookie(publicCookie)
	return err == nil && sameToken(r.PostFormValue("csrf"), c.Value)
}

func remoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

type sessionHandler = func(http.ResponseWriter, *http.Request, *sessionInfo)

// roles lets only the given roles through to h; anyone else signed in is
// refused before the handler reads a field, so that the refusal never
// depends on what the form held. The operations check again: this is the
// page's door, not the only lock.
func (s *Server) roles(h sessionHandler, msg string, allowed ...casework.Role) http.HandlerFunc {
	return s.admin(func(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
		if !slices.Contains(allowed, si.user.Role) {
			s.fail(w, r, si.user, si.csrf, ops.Forbidden(msg))
			return
		}
		h(w, r, si)
	})
}

// acting is for what only an agency's own staff do: register, record,
// save. Supervisors and the administrator read.
func (s *Server) acting(h sessionHandler) http.HandlerFunc {
	return s.roles(h, "只有本机关的办理人员可以办理；主管部门和系统管理员只能查看", casework.Clerk, casework.Approver)
}

// heading is for the head of the office: 报送.
func (s *Server) heading(h sessionHandler) http.HandlerFunc {
	return s.roles(h, "报送须由本机关政府信息公开工作机构负责人操作", casework.Approver)
}

// supervising is for supervising offices and the administrator.
func (s *Server) supervising(h sessionHandler) http.HandlerFunc {
	return s.roles(h, "此功能供主管部门和系统管理员使用", casework.Supervisor, casework.Admin)
}

// administering is for the administrator.
func (s *Server) administering(h sessionHandler) http.HandlerFunc {
	return s.roles(h, "此功能仅供系统管理员使用", casework.Admin)
}
