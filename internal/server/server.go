// Package server builds gongkai's one HTTP handler: the web pages, the JSON
// API, /healthz and /metrics behind one middleware chain (security headers,
// cross-origin protection, request body limits, metrics and the access log).
// serve, bench http and the tests all use it, so that what is tested is what
// runs.
package server

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"gongkai/internal/auditor"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"

	"gongkai/internal/api"
	"gongkai/internal/clock"
	"gongkai/internal/fetch"
	"gongkai/internal/guard"
	"gongkai/internal/importer"
	"gongkai/internal/ops"
	"gongkai/internal/report"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// Options configure the server.
type Options struct {
	Store    *store.Store
	Clock    clock.Clock
	Calendar *workday.Calendar // the embedded calendar; notices in the database apply over it
	Log      *slog.Logger
	// AccessLog logs one line per request.
	AccessLog bool
	// TLS: the site is served over HTTPS (here or by a proxy in front):
	// cookies are Secure and HSTS is sent.
	TLS bool
	// TrustedProxies are the addresses of reverse proxies whose
	// X-Forwarded-For is believed; from anyone else it is ignored.
	TrustedProxies []netip.Prefix
	// MetricsToken, when set, lets a scraper on another machine read
	// /metrics with "Authorization: Bearer <token>"; without it /metrics
	// answers the machine itself only.
	MetricsToken string
	// FetchProxy, when set, is the HTTP proxy through which 报告核查 fetches
	// the addresses it is given (an intranet without a direct route out);
	// public addresses only, as without it (fetch.PublicClientVia).
	FetchProxy *url.URL
	// Mailer, when set, sends mail: the case page and the API can then send
	// a letter to the applicant by e-mail (the daily reminders are serve's).
	Mailer ops.Mailer
	// PublicURL is the server's address as people open it: the links that
	// mail carries start with it (never with a request's Host header).
	PublicURL string
}

// Server is the built handler and the parts tests reach into.
type Server struct {
	Handler http.Handler
	Ops     *ops.Service
	Web     *web.Server
	API     *api.Server
	// Patterns are every route the handler serves, pages and API: the
	// permission matrix test walks them.
	Patterns []string
	// Draining makes /healthz fail so that a load balancer stops sending
	// requests while the server finishes those in flight.
	Draining atomic.Bool
}

// New builds the server.
func New(o Options) (*Server, error) {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	svc := ops.New(o.Store, o.Clock, o.Calendar, o.Log)
	ws, err := web.New(svc, o.Log)
	if err != nil {
		return nil, err
	}
	ws.Secure, ws.Mailer, ws.PublicURL = o.TLS, o.Mailer, o.PublicURL
	ws.ClientIP = ClientIP(o.TrustedProxies)
	srv := &Server{Ops: svc, Web: ws, API: api.New(svc, o.Log)}
	srv.API.Mailer, srv.API.PublicURL = o.Mailer, o.PublicURL
	if o.FetchProxy != nil {
		ws.Fetch = fetch.PublicClientVia(o.FetchProxy)
		srv.API.Fetch = ws.Fetch
	}
	mux := http.NewServeMux()
	mux.Handle("/api/v1/", srv.API.Handler())
	ws.Routes(mux)
	mux.HandleFunc("GET /healthz", srv.healthz)
	metrics := web.NewMetrics()
	mux.Handle("GET /metrics", metricsGate(o.MetricsToken, ClientIP(o.TrustedProxies), metrics.Handler()))
	for _, rt := range ws.RouteTable() {
		srv.Patterns = append(srv.Patterns, rt.Pattern)
	}
	srv.Patterns = append(append(srv.Patterns, srv.API.Patterns()...), "GET /healthz", "GET /metrics")
	var log *slog.Logger
	if o.AccessLog {
		log = o.Log
	}
	ans := answerer(ws.Problem)
	cop := http.NewCrossOriginProtection()
	// net/http's own refusal is an English line of text
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ans(w, r, http.StatusForbidden, "cross_origin", "请求来自其他网站，没有执行：为防止他人借用您的登录身份，只接受从本站页面提交的表单。请打开本站的页面重新操作")
	}))
	srv.Handler = securityHeaders(o.TLS, cop.Handler(limitBodies(ans, ws.MayUpload, plainText(ans, metrics.Instrument(mux, log)))))
	return srv, nil
}

// healthz answers the load balancer: 200 while the database answers and the
// server is not shutting down.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	if s.Draining.Load() {
		w.WriteHeader(http.StatusServiceUnavailable)
		_ = json.NewEncoder(w).Encode(map[string]string{"status": "draining"})
		return
	}
	if err := s.Ops.Store.DB().PingContext(r.Context()); err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		_ = json.NewEncoder(w).Encode(map[string]string{"status": "database unavailable"})
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]string{"status": "ok", "database": string(s.Ops.Store.Dialect())})
}

// metricsGate keeps the counters from the public: they tell how busy each
// page is and how many logins fail.
func metricsGate(token string, clientIP func(*http.Request) string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		bearer, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		a, err := netip.ParseAddr(clientIP(r))
		local := err == nil && a.IsLoopback()
		if !local && (token == "" || subtle.ConstantTimeCompare([]byte(bearer), []byte(token)) != 1) {
			http.Error(w, "监控指标只对本机或持有令牌的采集程序开放（serve --metrics-token）", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// securityHeaders sets the headers every response carries; behind TLS also
// HSTS.
func securityHeaders(tls bool, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("X-Frame-Options", "DENY")
		w.Header().Set("Referrer-Policy", "same-origin")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:")
		if tls {
			w.Header().Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		}
		h.ServeHTTP(w, r)
	})
}

// Body limits: every request body is bounded before anything reads it.
const (
	limitForm       = 256 << 10 // public and back-office forms
	limitAttachment = ops.MaxAttachment + 1<<20
	limitNotice     = 1 << 20
	limitItem       = 2 << 20  // a catalog item's text (up to 200 000 characters)
	limitCheckRows  = 16 << 20 // a report check's result posted back to download
)

func bodyLimit(r *http.Request) int64 {
	switch {
	case r.URL.Path == "/api/v1/audit":
		return api.MaxAudit
	case strings.HasPrefix(r.URL.Path, "/api/"):
		return api.MaxBody
	case strings.HasSuffix(r.URL.Path, "/attachments"), strings.HasSuffix(r.URL.Path, "/files"):
		return limitAttachment
	case strings.HasSuffix(r.URL.Path, "/posts/file"):
		return importer.MaxFile + 1<<20
	case strings.HasPrefix(r.URL.Path, "/admin/reports/") && strings.HasSuffix(r.URL.Path, "/prior"):
		return report.MaxInput + 1<<20
	case strings.HasPrefix(r.URL.Path, "/admin/catalog"):
		return limitItem
	case r.URL.Path == "/status/correction":
		return ops.MaxCorrectionFile + 1<<20
	case r.URL.Path == "/admin/calendar":
		return limitNotice
	case r.URL.Path == "/admin/import", r.URL.Path == "/admin/agencies/import", r.URL.Path == "/admin/users/import":
		return importer.MaxFile + 1<<20
	case r.URL.Path == "/admin/check":
		return auditor.UploadLimits.Bytes + 1<<20
	case r.URL.Path == "/admin/check/file":
		return limitCheckRows
	}
	return limitForm
}

// limitBodies refuses a body larger than its route allows with 413, before
// reading it (a declared length) or while reading it; forms are parsed here,
// within the limit, so that no handler reads an unbounded body. An upload to
// the back office larger than a form is read only from a signed-in user:
// anyone else is sent to the login page first, so that no stranger has the
// server spool 100 MB to its disk; the public one (a 补正's file) only with a
// 查询码 that may send it (mayUpload says which).
func limitBodies(ans answerFunc, mayUpload func(*http.Request) bool, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		max := bodyLimit(r)
		if r.ContentLength > max {
			tooLarge(ans, w, r, max)
			return
		}
		if r.Method == http.MethodPost && max > limitForm && (r.ContentLength < 0 || r.ContentLength > limitForm) && !mayUpload(r) {
			if strings.HasPrefix(r.URL.Path, "/admin/") {
				http.Redirect(w, r, "/login", http.StatusSeeOther)
			} else {
				ans(w, r, http.StatusNotFound, "not_found", "查询码不对、这件申请不需要补正，或提交过于频繁：请从进度查询页面查询后再提交")
			}
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, max)
		if r.Method == http.MethodPost && !strings.HasPrefix(r.URL.Path, "/api/") {
			ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
			var err error
			switch ct {
			case "multipart/form-data":
				// beyond 1 MB the parts go to temporary files, which
				// net/http removes after the request
				err = r.ParseMultipartForm(min(max, 1<<20))
			case "application/x-www-form-urlencoded":
				err = r.ParseForm()
			}
			var me *http.MaxBytesError
			if errors.As(err, &me) {
				tooLarge(ans, w, r, max)
				return
			}
			if err != nil {
				ans(w, r, http.StatusBadRequest, "invalid", "表单内容无法读取（传输中断或格式不对），没有保存任何内容：请返回上一页重新提交")
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// plainText lets only text through in the address, the form fields and the
// names of uploaded files (not their contents): a value that is not UTF-8 or holds a NUL is refused
// with 400 before any handler runs, other control characters are taken out
// of form fields (guard.Text says which and why), and the look-alikes of Han
// characters that text copied from a PDF carries are the characters they
// show (guard.Plain). An address is typed or
// linked, not pasted from a slide, so any control character in it is
// refused.
func plainText(ans answerFunc, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !urlText(r) {
			ans(w, r, http.StatusBadRequest, "invalid", "网址中有无法识别的字符（控制字符或不是 UTF-8 编码的乱码）：请检查网址后重试")
			return
		}
		forms := []map[string][]string{r.Form, r.PostForm}
		if r.MultipartForm != nil {
			forms = append(forms, r.MultipartForm.Value)
			// an uploaded file's name is kept as the attachment's name
			for _, fhs := range r.MultipartForm.File {
				for _, fh := range fhs {
					clean, ok := guard.Plain(fh.Filename)
					if !ok {
						ans(w, r, http.StatusBadRequest, "invalid", "上传文件的文件名中有无法识别的字符（空字符或不是 UTF-8 编码的乱码），没有保存任何内容：请改名后重新上传")
						return
					}
					fh.Filename = clean
				}
			}
		}
		for _, f := range forms {
			for _, vs := range f {
				for i, v := range vs {
					clean, ok := guard.Plain(v)
					if !ok {
						ans(w, r, http.StatusBadRequest, "invalid", "提交的内容中有无法识别的字符（空字符或不是 UTF-8 编码的乱码），没有保存任何内容：请删除这些字符后重新提交")
						return
					}
					vs[i] = clean
				}
			}
		}
		h.ServeHTTP(w, r)
	})
}

// urlText is whether the request's path and query, decoded, are text
// without control characters.
func urlText(r *http.Request) bool {
	plain := func(s string) bool {
		clean, ok := guard.Text(s)
		return ok && clean == s
	}
	if !plain(r.URL.Path) {
		return false
	}
	for k, vs := range r.URL.Query() {
		if !plain(k) {
			return false
		}
		for _, v := range vs {
			if !plain(v) {
				return false
			}
		}
	}
	return true
}

func tooLarge(ans answerFunc, w http.ResponseWriter, r *http.Request, max int64) {
	w.Header().Set("Connection", "close")
	ans(w, r, http.StatusRequestEntityTooLarge, "too_large", "提交的内容过大（最大 "+size(max)+"），没有保存任何内容：请减少或压缩文件后分几次提交")
}

// answerFunc writes an error the middleware found before any handler.
type answerFunc func(w http.ResponseWriter, r *http.Request, status int, code, msg string)

// answerer answers as the API's JSON error on the API and with the site's
// error page (msg and a way back) elsewhere.
func answerer(page func(w http.ResponseWriter, r *http.Request, status int, msg string)) answerFunc {
	return func(w http.ResponseWriter, r *http.Request, status int, code, msg string) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.WriteHeader(status)
			_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": code, "message": msg}})
			return
		}
		page(w, r, status, msg)
	}
}

func size(n int64) string {
	if n >= 1<<20 {
		return strconv.FormatInt(n>>20, 10) + " MB"
	}
	return strconv.FormatInt(n>>10, 10) + " KB"
}

// ClientIP is the address a request comes from. Behind trusted proxies it
// is the nearest address in X-Forwarded-For that is not itself a trusted
// proxy; a header from an untrusted peer is ignored (anyone can write it).
func ClientIP(trusted []netip.Prefix) func(*http.Request) string {
	isTrusted := func(a netip.Addr) bool {
		for _, p := range trusted {
			if p.Contains(a.Unmap()) {
				return true
			}
		}
		return false
	}
	return func(r *http.Request) string {
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			host = r.RemoteAddr
		}
		peer, err := netip.ParseAddr(host)
		if err != nil || len(trusted) == 0 || !isTrusted(peer) {
			return host
		}
		hops := strings.Split(r.Header.Get("X-Forwarded-For"), ",")
		for i := len(hops) - 1; i >= 0; i-- {
			a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
			if err != nil {
				break
			}
			if !isTrusted(a) {
				return a.Unmap().String()
			}
		}
		return host
	}
}

// Shutdown marks the server draining (health checks fail) before the HTTP
// server stops taking requests and finishes those in flight.
func (s *Server) Shutdown(ctx context.Context, hs *http.Server) error {
	s.Draining.Store(true)
	err := hs.Shutdown(ctx)
	s.Ops.Background() // receipts and notices being mailed finish too
	return err
}
