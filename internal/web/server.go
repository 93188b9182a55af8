// Package web is the HTML side of gongkai: the back office for clerks,
// heads of office, supervisors and administrators under /admin/, and the
// public portal (指南, online application, status lookup). Every page works
// without JavaScript. Handlers bind the form to an operation of internal/ops
// and render its result; they hold no rules of their own.
package web

import (
	"bytes"
	"compress/gzip"
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/fetch"
	"gongkai/internal/ops"
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
	Ops *ops.Service
	Log *slog.Logger
	// ClientIP is the address a request comes from (behind a trusted proxy,
	// the one the proxy reports); used for throttling.
	ClientIP func(*http.Request) string
	// Secure: the site is served over TLS (cookies are Secure).
	Secure bool
	// Fetch downloads the addresses given to 报告核查: public addresses only
	// (fetch.PublicClient), never the server's own network.
	Fetch *http.Client
	// Mailer sends letters to applicants by e-mail (nil: no mail server).
	Mailer ops.Mailer
	// PublicURL starts the links mail carries (忘记密码); "": none sent.
	PublicURL string

	pages map[string]*template.Template
}

// pageNames are every page template; a broken template fails the start.
var pageNames = []string{"login", "dashboard", "cases", "case", "preview", "intake", "edit", "public_home", "guide", "apply", "apply_confirm",
	"receipt", "status", "report", "admin", "appeals", "rollup", "password", "help", "error", "import", "import_live",
	"catalog", "item", "normative", "newmedia", "account", "columns", "versions", "public_catalog", "public_item", "check", "ledgers", "ledger_rows", "stats", "forgot", "reset", "list_import", "status_code"}

// New parses every template at start.
func New(o *ops.Service, log *slog.Logger) (*Server, error) {
	srv := &Server{Ops: o, Log: log, ClientIP: remoteIP, Fetch: fetch.PublicClient(), pages: map[string]*template.Template{}}
	for _, p := range pageNames {
		files := []string{"templates/layout.html", "templates/fields.html", "templates/" + p + ".html"}
		t, err := template.New(p).Funcs(funcs(o)).ParseFS(templateFS, files...)
		if err != nil {
			return nil, err
		}
		srv.pages[p] = t
	}
	return srv, nil
}

// Route is one pattern of the site and its handler.
type Route struct {
	Pattern string
	Handler http.HandlerFunc
}

// RouteTable is every page and form of the site: Routes registers it, and
// the permission matrix test walks it, so that a route cannot be added
// without its row there.
func (s *Server) RouteTable() []Route {
	static, _ := fs.Sub(staticFS, "static")
	return append(append(append(s.catalogRoutes(), s.adminRoutes()...), s.caseRoutes()...), []Route{
		{"GET /static/", (http.StripPrefix("/static/", cached(http.FileServerFS(static)))).ServeHTTP},
		{"GET /login", s.loginPage},
		{"POST /login", s.login},
		{"GET /forgot", s.forgotPage},
		{"POST /forgot", s.forgot},
		{"GET /reset", s.resetPage},
		{"POST /reset", s.reset},
		{"POST /logout", s.admin(s.logout)},
		{"GET /admin/{$}", s.admin(s.dashboard)},
		{"GET /admin/password", s.admin(s.passwordPage)},
		{"GET /admin/help", s.admin(s.helpPage)},
		{"POST /admin/password", s.admin(s.changePassword)},
		{"GET /admin/keepalive", s.admin(s.keepalive)},
		{"POST /admin/email", s.admin(s.setEmail)},
		{"GET /admin/import", s.acting(s.importPage)},
		{"POST /admin/import", s.acting(s.importUpload)},
		{"POST /admin/import/confirm", s.acting(s.importConfirm)},
		{"POST /admin/import/sheets", s.acting(s.importSheets)},
		{"GET /admin/ledgers", s.admin(s.ledgersPage)},
		{"GET /admin/ledgers/rows", s.admin(s.ledgerRowsPage)},
		{"GET /admin/stats", s.admin(s.statsPage)},
		{"POST /admin/ledgers/{id}/undo", s.acting(s.undoLedgerImport)},
		{"GET /admin/reports", s.admin(s.reportPage)},
		{"POST /admin/reports/{year}", s.acting(s.saveReport)},
		{"GET /admin/reports/{year}/file", s.admin(s.reportFile)},
		{"POST /admin/reports/{year}/submit", s.heading(s.submitReport)},
		{"POST /admin/reports/{year}/approve", s.heading(s.approveReport)},
		{"POST /admin/reports/{year}/publish", s.acting(s.publishReport)},
		{"GET /admin/reports/{year}/versions", s.admin(s.reportVersions)},
		{"POST /admin/reports/{year}/prior", s.acting(s.importPrior)},
		{"GET /admin/check", s.admin(s.checkPage)},
		{"POST /admin/check", s.admin(s.checkFiles)},
		{"POST /admin/check/file", s.admin(s.checkFile)},
		{"GET /admin/rollup", s.supervising(s.rollupPage)},
		{"GET /admin/rollup/file", s.supervising(s.rollupFile)},
		{"GET /admin/rollup/status", s.supervising(s.rollupStatus)},
		{"GET /admin/rollup/reports", s.supervising(s.rollupReports)},
		{"GET /admin/rollup/circular", s.supervising(s.rollupCircular)},
		{"GET /admin/appeals", s.admin(s.appeals)},
		{"POST /admin/appeals", s.acting(s.createAppeal)},
		{"POST /admin/appeals/{id}", s.acting(s.updateAppeal)},
		{"GET /{$}", s.home},
		{"GET /guide/{id}", s.guide},
		{"GET /apply/{id}", s.applyForm},
		{"POST /apply/{id}", s.applyCheck},
		{"POST /apply/{id}/confirm", s.applyConfirm},
		{"GET /receipt/{code}", s.receipt},
		{"GET /status", s.status},
		{"GET /status/forgot", s.statusCodePage},
		{"POST /status/forgot", s.statusCodeSend},
		{"GET /status/letters/{seq}", s.statusLetter},
		{"GET /status/receipt", s.statusReceipt},
		{"POST /status/correction", s.statusCorrection},
		{"POST /status/withdraw", s.statusWithdraw},
		{"/", s.notFoundPage},
	}...)
}

// caseRoutes are the applications' pages and forms.
func (s *Server) caseRoutes() []Route {
	return []Route{
		{"GET /admin/cases", s.admin(s.cases)},
		{"GET /admin/cases/new", s.acting(s.newCase)},
		{"POST /admin/cases", s.acting(s.createCase)},
		{"POST /admin/cases/assign", s.acting(s.assignCases)},
		{"POST /admin/cases/archive", s.acting(s.fileCases)},
		{"GET /admin/cases/{id}", s.admin(s.casePage)},
		{"GET /admin/cases/{id}/edit", s.acting(s.editPage)},
		{"POST /admin/cases/{id}/edit", s.acting(s.editCase)},
		{"POST /admin/cases/{id}/letters/{seq}/delivery", s.acting(s.deliverLetter)},
		{"POST /admin/cases/{id}/proposal", s.acting(s.decideProposal)},
		{"POST /admin/cases/{id}/proposal/withdraw", s.acting(s.withdrawProposal)},
		{"POST /admin/cases/{id}/steps", s.acting(s.addStep)},
		{"POST /admin/cases/{id}/phrases/forget", s.acting(s.forgetPhrase)},
		{"POST /admin/cases/{id}/preview", s.acting(s.previewStep)},
		{"GET /admin/cases/{id}/letters/{seq}", s.admin(s.letter)},
		{"GET /admin/cases/{id}/file", s.admin(s.caseFile)},
		{"GET /admin/cases/{id}/receipt", s.acting(s.receiptLetter)},
		{"GET /admin/cases/{id}/letters/{seq}/service", s.acting(s.serviceForm)},
		{"POST /admin/cases/{id}/attachments", s.acting(s.upload)},
		{"POST /admin/cases/{id}/attachments/{aid}/remove", s.acting(s.removeAttachment)},
		{"POST /admin/cases/{id}/letters/{seq}/mail", s.acting(s.mailLetter)},
		{"POST /admin/cases/{id}/archive", s.acting(s.fileCase)},
		{"POST /admin/cases/{id}/handler", s.acting(s.assignCase)},
		{"GET /admin/cases/{id}/attachments/{aid}", s.admin(s.attachment)},
	}
}

// adminRoutes are the administrator's: users, agencies, the calendar, the
// rules, and the log.
func (s *Server) adminRoutes() []Route {
	return []Route{
		{"GET /admin/users", s.administering(s.users)},
		{"POST /admin/users", s.administering(s.createUser)},
		{"POST /admin/users/{id}", s.administering(s.changeUser)},
		{"POST /admin/users/import", s.administering(s.listUpload(ops.UserList))},
		{"POST /admin/users/import/confirm", s.administering(s.listConfirm(ops.UserList))},
		{"GET /admin/agencies", s.administering(s.agencies)},
		{"POST /admin/agencies/{id}", s.administering(s.saveAgency)},
		{"POST /admin/agencies", s.administering(s.addAgency)},
		{"POST /admin/agencies/import", s.administering(s.listUpload(ops.AgencyList))},
		{"POST /admin/agencies/import/confirm", s.administering(s.listConfirm(ops.AgencyList))},
		{"GET /admin/calendar", s.administering(s.calendar)},
		{"POST /admin/calendar", s.administering(s.loadNotice)},
		{"GET /admin/settings", s.administering(s.settingsPage)},
		{"POST /admin/settings", s.administering(s.saveSettings)},
		{"GET /admin/audit", s.supervising(s.audit)},
	}
}

// catalogRoutes are 主动公开, normative documents, new media and website
// columns: the back office and the public catalog.
func (s *Server) catalogRoutes() []Route {
	return []Route{
		{"GET /admin/catalog", s.admin(s.catalogList)},
		{"GET /admin/catalog/new", s.acting(s.newItem)},
		{"POST /admin/catalog", s.acting(s.createItem)},
		{"POST /admin/catalog/art44", s.acting(s.art44Draft)},
		{"GET /admin/catalog/{id}", s.admin(s.itemPage)},
		{"POST /admin/catalog/{id}", s.acting(s.updateItem)},
		{"POST /admin/catalog/{id}/submit", s.acting(s.submitItem)},
		{"POST /admin/catalog/{id}/proof", s.acting(s.proofItem)},
		{"POST /admin/catalog/{id}/review", s.acting(s.reviewItem)},
		{"POST /admin/catalog/{id}/publish", s.acting(s.publishItem)},
		{"POST /admin/catalog/{id}/withdraw", s.heading(s.withdrawItem)},
		{"POST /admin/catalog/{id}/files", s.acting(s.itemUpload)},
		{"GET /admin/catalog/{id}/files/{fid}", s.admin(s.itemFile)},
		{"POST /admin/catalog/{id}/files/{fid}/remove", s.acting(s.itemFileRemove)},
		{"GET /admin/normative", s.admin(s.normative)},
		{"POST /admin/normative", s.acting(s.saveDocument)},
		{"POST /admin/normative/{id}", s.acting(s.saveDocument)},
		{"GET /admin/newmedia", s.admin(s.newmediaList)},
		{"POST /admin/newmedia", s.acting(s.createAccount)},
		{"GET /admin/newmedia/{id}", s.admin(s.account)},
		{"POST /admin/newmedia/{id}", s.acting(s.updateAccount)},
		{"POST /admin/newmedia/{id}/posts", s.acting(s.recordPosts)},
		{"POST /admin/newmedia/{id}/posts/file", s.acting(s.postsFile)},
		{"POST /admin/newmedia/{id}/inspections", s.acting(s.recordInspection)},
		{"POST /admin/newmedia/{id}/inspections/{iid}", s.acting(s.resolveInspection)},
		{"GET /admin/columns", s.admin(s.columns)},
		{"POST /admin/columns", s.acting(s.saveColumn)},
		{"POST /admin/columns/{id}", s.acting(s.saveColumn)},
		{"POST /admin/columns/{id}/remove", s.acting(s.removeColumn)},
		{"GET /catalog", s.publicCatalog},
		{"GET /catalog/items/{id}", s.publicItem},
		{"GET /catalog/items/{id}/files/{fid}", s.publicItemFile},
		{"GET /catalog/feed/{agency}", s.catalogFeed},
	}
}

// Routes registers the pages on mux.
func (s *Server) Routes(mux *http.ServeMux) {
	for _, r := range s.RouteTable() {
		mux.HandleFunc(r.Pattern, r.Handler)
	}
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
	// Back is where the error page's "返回上一页" leads ("" for none).
	Back string
	// Refused: the page answers a refused form (a 4xx), so its flash is a
	// warning, not a confirmation (set by renderTo from the status)
	Refused bool
}

// IsAdmin and SeesBelow decide which menu entries show.
func (p page) IsAdmin() bool   { return p.User != nil && p.User.Role == casework.Admin }
func (p page) SeesBelow() bool { return p.User != nil && p.User.SeesBelow() }

// ActsForCases: the menu offers registration to the agency's own staff only.
func (p page) ActsForCases() bool {
	return p.User != nil && (p.User.Role == casework.Clerk || p.User.Role == casework.Approver)
}

func (p page) RoleName() string {
	if p.User == nil {
		return ""
	}
	return org.RoleName(p.User.Role)
}

// RoleShort is the viewer's role as the page header says it.
func (p page) RoleShort() string {
	if p.User == nil {
		return ""
	}
	return org.RoleShort(p.User.Role)
}

func (s *Server) render(w http.ResponseWriter, code int, name string, p page) {
	s.renderTo(w, nil, code, name, p)
}

// renderBlock renders one named block of a page's template, without the
// layout: the part an htmx request swaps in.
func (s *Server) renderBlock(w http.ResponseWriter, name, block string, p page) {
	var b bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&b, block, p); err != nil {
		s.Log.Error("template", "page", name, "block", block, "err", err)
		http.Error(w, "页面出错，请稍后再试", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if _, err := w.Write(b.Bytes()); err != nil {
		s.Log.Debug("write", "page", name, "err", err)
	}
}

// renderTo renders a page; with r, a large page goes gzipped to a browser
// that takes it. Only for pages that reflect nothing a third party chose
// beside the form token (报告核查's result: the user's own files), so that
// compression cannot be used to guess the token (BREACH).
func (s *Server) renderTo(w http.ResponseWriter, r *http.Request, code int, name string, p page) {
	var b bytes.Buffer
	p.Refused = code >= 400
	if err := s.pages[name].ExecuteTemplate(&b, "layout", p); err != nil {
		s.Log.Error("template", "page", name, "err", err)
		http.Error(w, "页面出错，请稍后再试", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	body := b.Bytes()
	if r != nil && len(body) > 64<<10 && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		var z bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&z, gzip.BestSpeed) // the level is valid
		_, _ = zw.Write(body)                            // to memory
		if zw.Close() == nil {
			body = z.Bytes()
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Add("Vary", "Accept-Encoding")
		}
	}
	w.WriteHeader(code)
	if _, err := w.Write(body); err != nil {
		s.Log.Debug("write", "page", name, "err", err)
	}
}

// fail answers an error of an operation: a page in Chinese with the
// navigation, the status its kind calls for, and the cause in the log.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, u *org.User, csrf string, err error) {
	code, msg := statusOf(err)
	if code == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	if code == http.StatusInternalServerError {
		s.Log.Error("web", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	s.render(w, code, "error", page{Title: "出错了", User: u, CSRF: csrf, Data: msg})
}

// Problem is the error page for what the server refused before any page's
// handler ran (a body too large, text that is not text, a form from another
// site): no session is read, so it offers the page the request came from.
func (s *Server) Problem(w http.ResponseWriter, r *http.Request, code int, msg string) {
	title := map[int]string{
		http.StatusRequestEntityTooLarge: "提交的内容过大",
		http.StatusForbidden:             "请求被拒绝",
	}[code]
	if title == "" {
		title = "无法处理的请求"
	}
	s.render(w, code, "error", page{Title: title, Data: msg, Back: sameSiteReferer(r)})
}

// sameSiteReferer is the path of the page of this site that sent r, or "".
func sameSiteReferer(r *http.Request) string {
	u, err := url.Parse(r.Referer())
	if err != nil || u.Host != r.Host || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "//") {
		return ""
	}
	u.Scheme, u.Host, u.User, u.Fragment = "", "", nil, ""
	return u.String()
}

// formCode is the status of a form shown again with its problem: 422 for
// what was typed, 409 for a state that changed, 503 with Retry-After when
// the database was busy (the form, as typed, is to be sent again).
func formCode(w http.ResponseWriter, err error) int {
	code, _ := statusOf(err)
	if code == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	if code < 400 || code >= 500 && code != http.StatusServiceUnavailable {
		code = http.StatusUnprocessableEntity
	}
	return code
}

// statusOf maps an error to its HTTP status and the message a person reads.
func statusOf(err error) (int, string) {
	var th *ops.ErrThrottled
	switch {
	case errors.As(err, &th):
		return http.StatusTooManyRequests, "操作过于频繁，请稍后再试"
	case errors.Is(err, workday.ErrNoNotice):
		return http.StatusConflict, errs.Readable(err)
	case errors.Is(err, store.ErrBusy):
		return http.StatusServiceUnavailable, errs.Plain(err)
	}
	switch errs.KindOf(err) {
	case errs.NotFound:
		return http.StatusNotFound, "没有找到，或您无权查看"
	case errs.Forbidden:
		return http.StatusForbidden, errs.Readable(err)
	case errs.Invalid:
		return http.StatusUnprocessableEntity, errs.Readable(err)
	case errs.Conflict:
		return http.StatusConflict, errs.Readable(err)
	case errs.TooLarge:
		return http.StatusRequestEntityTooLarge, errs.Readable(err)
	}
	return http.StatusInternalServerError, "服务器内部错误，请稍后再试"
}

// formErrors are an operation's problems by form field (field names as the
// forms use them); problems of no field go under "form".
func formErrors(err error, fieldOf map[string]string) map[string]string {
	if errs.KindOf(err) == errs.Internal {
		return map[string]string{"form": "保存失败，请稍后再试"}
	}
	out := map[string]string{}
	for where, msg := range errs.Fields(err) {
		f := fieldOf[where]
		if f == "" {
			f = where
		}
		if f == "" {
			f = "form"
		}
		if _, dup := out[f]; !dup {
			out[f] = msg
		}
	}
	return out
}

// notFoundPage is every address that is not a page.
func (s *Server) notFoundPage(w http.ResponseWriter, r *http.Request) {
	u, csrf := s.optionalUser(r)
	s.render(w, http.StatusNotFound, "error", page{Title: "页面不存在", User: u, CSRF: csrf, Data: "没有这个页面。请检查网址，或从上方导航进入。"})
}

// cached serves the embedded assets with a long cache life (their names
// carry their version) and compressed when the browser accepts it.
func cached(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			if gz, ok := gzipped(r.URL.Path); ok {
				w.Header().Set("Content-Encoding", "gzip")
				w.Header().Set("Vary", "Accept-Encoding")
				w.Header().Set("Content-Type", contentType(r.URL.Path))
				w.Write(gz)
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}
