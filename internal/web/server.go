// Package web is the HTML side of gongkai: the back office for clerks and
// approvers under /admin/, and the public portal (指南, online application,
// status lookup). Every page works without JavaScript.
package web

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"gongkai/internal/appeal"
	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/org"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Server serves the web pages.
type Server struct {
	Store    *store.Store
	Config   casework.Config
	Calendar func() *workday.Calendar
	// SetCalendar swaps the calendar in use after a notice is loaded.
	SetCalendar func(*workday.Calendar)
	Log         *slog.Logger
	Now         func() time.Time
	// AppealCounting says which 复议/诉讼 records 表四 of a year counts
	// (the format leaves it open: docs/CASEWORK.md).
	AppealCounting appeal.Counting

	pages   map[string]*template.Template
	logins  *limiter // failed logins per login name and per address
	applies *limiter // public applications per address
}

// New parses every template at start: a broken template fails the start, not a request.
func New(s *store.Store, cfg casework.Config, cal func() *workday.Calendar, log *slog.Logger) (*Server, error) {
	srv := &Server{Store: s, Config: cfg, Calendar: cal, Log: log, Now: time.Now, AppealCounting: appeal.FiledInYear, pages: map[string]*template.Template{},
		logins: newLimiter(5, 15*time.Minute), applies: newLimiter(10, time.Hour)}
	funcs := template.FuncMap{"mul": func(a, b float64) float64 { return a * b }}
	for _, p := range []string{"login", "dashboard", "cases", "case", "intake", "public_home", "guide", "apply", "apply_confirm", "receipt", "status", "report", "admin", "appeals", "rollup"} {
		files := []string{"templates/layout.html", "templates/" + p + ".html"}
		if p == "apply" || p == "intake" {
			files = append(files, "templates/fields.html") // the applicant's fields, shared
		}
		t, err := template.New(p).Funcs(funcs).ParseFS(templateFS, dedupe(files)...)
		if err != nil {
			return nil, err
		}
		srv.pages[p] = t
	}
	return srv, nil
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// Routes registers the pages on mux.
func (s *Server) Routes(mux *http.ServeMux) {
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /login", s.loginPage)
	mux.HandleFunc("POST /login", s.login)
	mux.HandleFunc("POST /logout", s.admin(s.logout))
	mux.HandleFunc("GET /admin/{$}", s.admin(s.dashboard))
	mux.HandleFunc("GET /admin/cases", s.admin(s.cases))
	mux.HandleFunc("GET /admin/cases/new", s.admin(s.newCase))
	mux.HandleFunc("POST /admin/cases", s.admin(s.createCase))
	mux.HandleFunc("GET /admin/cases/{id}", s.admin(s.casePage))
	mux.HandleFunc("POST /admin/cases/{id}/steps", s.admin(s.addStep))
	mux.HandleFunc("GET /admin/cases/{id}/letters/{seq}", s.admin(s.letter))
	mux.HandleFunc("POST /admin/cases/{id}/attachments", s.admin(s.upload))
	mux.HandleFunc("GET /admin/cases/{id}/attachments/{aid}", s.admin(s.attachment))
	mux.HandleFunc("GET /admin/reports", s.admin(s.reportPage))
	mux.HandleFunc("POST /admin/reports/{year}", s.admin(s.saveReport))
	mux.HandleFunc("GET /admin/reports/{year}/file", s.admin(s.reportFile))
	mux.HandleFunc("POST /admin/reports/{year}/submit", s.admin(s.submitReport))
	mux.HandleFunc("GET /admin/rollup", s.admin(s.rollupPage))
	mux.HandleFunc("GET /admin/rollup/file", s.admin(s.rollupFile))
	mux.HandleFunc("GET /admin/appeals", s.admin(s.appeals))
	mux.HandleFunc("POST /admin/appeals", s.admin(s.createAppeal))
	mux.HandleFunc("POST /admin/appeals/{id}", s.admin(s.concludeAppeal))
	mux.HandleFunc("GET /admin/users", s.admin(s.users))
	mux.HandleFunc("POST /admin/users", s.admin(s.createUser))
	mux.HandleFunc("GET /admin/agencies", s.admin(s.agencies))
	mux.HandleFunc("POST /admin/agencies/{id}", s.admin(s.saveAgency))
	mux.HandleFunc("GET /admin/calendar", s.admin(s.calendar))
	mux.HandleFunc("POST /admin/calendar", s.admin(s.loadNotice))
	mux.HandleFunc("GET /admin/audit", s.admin(s.audit))
	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("GET /guide/{id}", s.guide)
	mux.HandleFunc("GET /apply/{id}", s.applyForm)
	mux.HandleFunc("POST /apply/{id}", s.applyCheck)
	mux.HandleFunc("POST /apply/{id}/confirm", s.applyConfirm)
	mux.HandleFunc("GET /status", s.status)
}

// page is what every template receives.
type page struct {
	Title  string
	User   *org.User
	CSRF   string
	Flash  string
	Form   map[string]string
	Errors map[string]string
	Data   any
}

// IsAdmin and SeesBelow decide which menu entries show.
func (p page) IsAdmin() bool   { return p.User != nil && p.User.Role == casework.Admin }
func (p page) SeesBelow() bool { return p.User != nil && p.User.SeesBelow() }

func (p page) RoleName() string {
	if p.User == nil {
		return ""
	}
	return org.RoleName(p.User.Role)
}

func (s *Server) render(w http.ResponseWriter, code int, name string, p page) {
	var b bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&b, "layout", p); err != nil {
		s.Log.Error("template", "page", name, "err", err)
		http.Error(w, "页面出错，请稍后再试", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	w.Write(b.Bytes())
}

// --- sessions and form tokens ------------------------------------------------------

const (
	sessionCookie = "gk_session"
	publicCookie  = "gk_form" // form token of visitors without a session
	sessionTTL    = 12 * time.Hour
)

type ctxKey int

const userKey ctxKey = 1

type sessionInfo struct {
	user  *org.User
	csrf  string
	token string
}

func cookie(r *http.Request, name string, value string, maxAge time.Duration) *http.Cookie {
	return &http.Cookie{Name: name, Value: value, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: r.TLS != nil, MaxAge: int(maxAge.Seconds())}
}

// admin wraps a back-office handler: a signed-in user is required, and every
// POST must carry the session's form token (on top of the cross-origin
// check and SameSite cookies, for old browsers that send neither header).
func (s *Server) admin(h func(http.ResponseWriter, *http.Request, *sessionInfo)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(sessionCookie)
		if err != nil {
			http.Redirect(w, r, "/login", http.StatusSeeOther)
			return
		}
		u, csrf, err := s.Store.SessionUser(r.Context(), c.Value)
		if errors.Is(err, store.ErrNotFound) {
			http.Redirect(w, r, "/login", http.StatusSeeOther)
			return
		}
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		if r.Method == http.MethodPost && !sameToken(r.PostFormValue("csrf"), csrf) {
			http.Error(w, "表单已过期或来源不明，请返回刷新页面后重试", http.StatusForbidden)
			return
		}
		h(w, r.WithContext(context.WithValue(r.Context(), userKey, u)), &sessionInfo{user: u, csrf: csrf, token: c.Value})
	}
}

func sameToken(a, b string) bool {
	return a != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// publicToken returns the visitor's form token, setting the cookie when new.
func publicToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(publicCookie); err == nil && len(c.Value) == 32 {
		return c.Value
	}
	b := make([]byte, 16)
	rand.Read(b)
	t := hex.EncodeToString(b)
	http.SetCookie(w, cookie(r, publicCookie, t, 24*time.Hour))
	return t
}

func checkPublicToken(r *http.Request) bool {
	c, err := r.Cookie(publicCookie)
	return err == nil && sameToken(r.PostFormValue("csrf"), c.Value)
}

func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	s.Log.Error("web", "method", r.Method, "path", r.URL.Path, "err", err)
	http.Error(w, "服务器内部错误，请稍后再试", http.StatusInternalServerError)
}

func (s *Server) today() workday.Date { return workday.FromTime(s.Now().In(beijing)) }

var beijing = time.FixedZone("CST", 8*3600)

// fieldErrors turns a casework error into a message next to its form field.
func fieldErrors(err error, fieldOf map[string]string) map[string]string {
	var e *errs.Error
	if !errors.As(err, &e) {
		return map[string]string{"form": "保存失败，请稍后再试"}
	}
	f := fieldOf[e.Where]
	if f == "" {
		f = "form"
	}
	return map[string]string{f: e.Msg}
}

// --- rate limiting --------------------------------------------------------------

// limiter counts events per key in a sliding window (in memory: one server).
type limiter struct {
	mu     sync.Mutex
	max    int
	window time.Duration
	hits   map[string][]time.Time
}

func newLimiter(max int, window time.Duration) *limiter {
	return &limiter{max: max, window: window, hits: map[string][]time.Time{}}
}

// blocked reports whether key has reached the limit (without counting).
func (l *limiter) blocked(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.prune(key, now)
	return len(l.hits[key]) >= l.max
}

func (l *limiter) add(key string, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.prune(key, now)
	l.hits[key] = append(l.hits[key], now)
}

func (l *limiter) reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.hits, key)
}

func (l *limiter) prune(key string, now time.Time) {
	h := l.hits[key]
	i := 0
	for i < len(h) && now.Sub(h[i]) > l.window {
		i++
	}
	if i == len(h) {
		delete(l.hits, key)
		return
	}
	l.hits[key] = h[i:]
}

// SecurityHeaders sets the headers every page carries.
func SecurityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("X-Frame-Options", "DENY")
		w.Header().Set("Referrer-Policy", "same-origin")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'")
		h.ServeHTTP(w, r)
	})
}
