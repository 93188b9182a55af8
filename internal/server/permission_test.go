package server_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gongkai/internal/appeal"
	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/demo"
	"gongkai/internal/newmedia"
	"gongkai/internal/ops"
	"gongkai/internal/server"
	"gongkai/internal/workday"
)

// access is who may use a route.
type access int

const (
	public           access = iota // anyone, signed in or not
	staff                          // any signed-in user
	actAgency                      // the own agency's 办理人 and 负责人 (register, record, save)
	approve                        // the own agency's 负责人 only (报送)
	approveTarget                  // the target agency's own 负责人 (撤回已发布的信息)
	supervise                      // supervisors and the administrator (汇总, 操作记录)
	adminOnly                      // the administrator
	readTarget                     // whoever may read the target agency: its own staff, and those above it
	actTarget                      // the target agency's own 办理人 and 负责人
	apiKey                         // any valid API key
	apiTarget                      // a key of the target agency
	apiApproveTarget               // a 负责人's key of the target agency
	loopback                       // only from the machine itself (or with the metrics token)
)

// matrix is the expected access of every route the server has. A route
// added without a row here fails TestPermissionMatrix.
var matrix = map[string]access{
	"GET /static/":                                    public,
	"GET /login":                                      public,
	"POST /login":                                     public,
	"GET /forgot":                                     public,
	"POST /forgot":                                    public,
	"GET /reset":                                      public,
	"POST /reset":                                     public,
	"POST /logout":                                    staff,
	"GET /admin/{$}":                                  staff,
	"GET /admin/password":                             staff,
	"GET /admin/help":                                 staff,
	"POST /admin/password":                            staff,
	"GET /admin/keepalive":                            staff,
	"POST /admin/email":                               staff,
	"GET /admin/cases":                                staff,
	"GET /admin/cases/new":                            actAgency,
	"POST /admin/cases":                               actAgency,
	"POST /admin/cases/assign":                        actAgency,
	"POST /admin/cases/archive":                       actAgency,
	"GET /admin/cases/{id}":                           readTarget,
	"GET /admin/cases/{id}/edit":                      actTarget,
	"POST /admin/cases/{id}/edit":                     actTarget,
	"POST /admin/cases/{id}/steps":                    actTarget,
	"POST /admin/cases/{id}/phrases/forget":           actTarget,
	"POST /admin/cases/{id}/proposal":                 approveTarget,
	"POST /admin/cases/{id}/letters/{seq}/delivery":   actTarget,
	"POST /admin/cases/{id}/proposal/withdraw":        actTarget,
	"POST /admin/cases/{id}/preview":                  actTarget,
	"GET /admin/cases/{id}/letters/{seq}":             readTarget,
	"GET /admin/cases/{id}/file":                      readTarget,
	"GET /admin/cases/{id}/receipt":                   actTarget,
	"GET /admin/cases/{id}/letters/{seq}/service":     actTarget,
	"POST /admin/cases/{id}/attachments":              actTarget,
	"POST /admin/cases/{id}/handler":                  actTarget,
	"POST /admin/cases/{id}/letters/{seq}/mail":       actTarget,
	"POST /admin/cases/{id}/archive":                  actTarget,
	"GET /admin/cases/{id}/attachments/{aid}":         readTarget,
	"POST /admin/cases/{id}/attachments/{aid}/remove": actTarget,
	"GET /admin/import":                               actAgency,
	"POST /admin/import":                              actAgency,
	"POST /admin/import/confirm":                      actAgency,
	"POST /admin/import/sheets":                       actAgency,
	"GET /admin/ledgers":                              staff,
	"GET /admin/ledgers/rows":                         staff,
	"GET /admin/stats":                                staff,
	"POST /admin/ledgers/{id}/undo":                   actTarget,
	"GET /admin/reports":                              staff,
	"POST /admin/reports/{year}":                      actAgency,
	"GET /admin/reports/{year}/file":                  staff,
	"POST /admin/reports/{year}/submit":               approve,
	"POST /admin/reports/{year}/approve":              approve,
	"POST /admin/reports/{year}/publish":              actAgency,
	"GET /admin/reports/{year}/versions":              staff,
	"POST /admin/reports/{year}/prior":                actAgency,
	"GET /admin/catalog":                              staff,
	"GET /admin/catalog/new":                          actAgency,
	"POST /admin/catalog":                             actAgency,
	"POST /admin/catalog/art44":                       actAgency,
	"GET /admin/catalog/{id}":                         readTarget,
	"POST /admin/catalog/{id}":                        actTarget,
	"POST /admin/catalog/{id}/submit":                 actTarget,
	"POST /admin/catalog/{id}/proof":                  actTarget,
	"POST /admin/catalog/{id}/review":                 actTarget,
	"POST /admin/catalog/{id}/publish":                actTarget,
	"POST /admin/catalog/{id}/withdraw":               approveTarget,
	"POST /admin/catalog/{id}/files":                  actTarget,
	"GET /admin/catalog/{id}/files/{fid}":             readTarget,
	"POST /admin/catalog/{id}/files/{fid}/remove":     actTarget,
	"GET /admin/normative":                            staff,
	"POST /admin/normative":                           actAgency,
	"POST /admin/normative/{id}":                      actTarget,
	"GET /admin/newmedia":                             staff,
	"POST /admin/newmedia":                            actAgency,
	"GET /admin/newmedia/{id}":                        readTarget,
	"POST /admin/newmedia/{id}":                       actTarget,
	"POST /admin/newmedia/{id}/posts":                 actTarget,
	"POST /admin/newmedia/{id}/posts/file":            actTarget,
	"POST /admin/newmedia/{id}/inspections":           actTarget,
	"POST /admin/newmedia/{id}/inspections/{iid}":     actTarget,
	"GET /admin/columns":                              staff,
	"POST /admin/columns":                             actAgency,
	"POST /admin/columns/{id}":                        actTarget,
	"POST /admin/columns/{id}/remove":                 actTarget,
	"GET /catalog":                                    public,
	"GET /catalog/items/{id}":                         public,
	"GET /catalog/items/{id}/files/{fid}":             public,
	"GET /catalog/feed/{agency}":                      public,
	"GET /admin/check":                                staff,
	"POST /admin/check":                               staff,
	"POST /admin/check/file":                          staff,
	"GET /admin/rollup":                               supervise,
	"GET /admin/rollup/file":                          supervise,
	"GET /admin/rollup/status":                        supervise,
	"GET /admin/rollup/reports":                       supervise,
	"GET /admin/rollup/circular":                      supervise,
	"GET /admin/appeals":                              staff,
	"POST /admin/appeals":                             actAgency,
	"POST /admin/appeals/{id}":                        actTarget,
	"GET /admin/users":                                adminOnly,
	"POST /admin/users":                               adminOnly,
	"POST /admin/users/{id}":                          adminOnly,
	"POST /admin/users/import":                        adminOnly,
	"POST /admin/users/import/confirm":                adminOnly,
	"POST /admin/agencies/import":                     adminOnly,
	"POST /admin/agencies/import/confirm":             adminOnly,
	"GET /admin/agencies":                             adminOnly,
	"POST /admin/agencies/{id}":                       adminOnly,
	"POST /admin/agencies":                            adminOnly,
	"GET /admin/calendar":                             adminOnly,
	"POST /admin/calendar":                            adminOnly,
	"GET /admin/settings":                             adminOnly,
	"POST /admin/settings":                            adminOnly,
	"GET /admin/audit":                                supervise,
	"GET /{$}":                                        public,
	"GET /guide/{id}":                                 public,
	"GET /apply/{id}":                                 public,
	"POST /apply/{id}":                                public,
	"POST /apply/{id}/confirm":                        public,
	"GET /receipt/{code}":                             public,
	"GET /status":                                     public,
	"POST /status/correction":                         public,
	"POST /status/withdraw":                           public,
	"GET /status/letters/{seq}":                       public,
	"GET /status/receipt":                             public,
	"/":                                               public,
	"GET /api/v1/openapi.json":                        public,
	"GET /api/v1/cases":                               apiKey,
	"POST /api/v1/cases":                              apiKey,
	"GET /api/v1/cases/{id}":                          apiTarget,
	"POST /api/v1/cases/{id}/steps":                   apiTarget,
	"POST /api/v1/cases/{id}/handler":                 apiTarget,
	"POST /api/v1/cases/{id}/proposal":                apiTarget,
	"POST /api/v1/cases/{id}/letters/{seq}/delivery":  apiTarget,
	"POST /api/v1/cases/{id}/proposal/decision":       apiApproveTarget,
	"POST /api/v1/cases/{id}/proposal/withdraw":       apiTarget,
	"POST /api/v1/cases/{id}/archive":                 apiTarget,
	"POST /api/v1/cases/{id}/letters/{seq}/mail":      apiTarget,
	"GET /api/v1/cases/{id}/letters/{seq}":            apiTarget,
	"GET /api/v1/cases/{id}/file":                     apiTarget,
	"GET /api/v1/cases/{id}/receipt":                  apiTarget,
	"GET /api/v1/cases/{id}/letters/{seq}/service":    apiTarget,
	"GET /api/v1/reports/{year}/applications":         apiKey,
	"GET /api/v1/appeals":                             apiKey,
	"POST /api/v1/audit":                              apiKey,
	"POST /api/v1/appeals":                            apiKey,
	"POST /api/v1/appeals/{id}/conclusion":            apiTarget,
	"GET /api/v1/catalog/items":                       apiKey,
	"POST /api/v1/catalog/items":                      apiKey,
	"GET /api/v1/catalog/items/{id}":                  apiTarget,
	"POST /api/v1/catalog/items/{id}/submit":          apiTarget,
	"POST /api/v1/catalog/items/{id}/proof":           apiTarget,
	"POST /api/v1/catalog/items/{id}/review":          apiTarget,
	"POST /api/v1/catalog/items/{id}/publish":         apiTarget,
	"GET /api/v1/catalog/search":                      apiKey,
	"GET /api/v1/normative":                           apiKey,
	"POST /api/v1/normative":                          apiKey,
	"GET /api/v1/newmedia/accounts":                   apiKey,
	"POST /api/v1/newmedia/accounts":                  apiKey,
	"POST /api/v1/newmedia/accounts/{id}/posts":       apiTarget,
	"POST /api/v1/newmedia/accounts/{id}/inspections": apiTarget,
	"GET /api/v1/columns":                             apiKey,
	"POST /api/v1/columns":                            apiKey,
	"POST /api/v1/columns/{id}/remove":                apiTarget,
	"GET /api/v1/columns/sites":                       apiKey,
	"GET /api/v1/reports/{year}":                      apiKey,
	"GET /api/v1/stats":                               apiKey,
	"GET /status/forgot":                              public,
	"POST /status/forgot":                             public,
	"GET /healthz":                                    public,
	"GET /metrics":                                    loopback,
}

// An actor is a demo login (web) or an API key, and how it stands to the
// two target agencies: the seed's agency and the district government above it.
type actor struct {
	name     string
	role     casework.Role     // "" for the anonymous visitor
	relation map[string]string // target → own | peer | lower | upper
	client   *http.Client
	csrf     string
	key      string
}

// target is an agency with a case (with a letter and an attachment), an
// appeal and a user, whose ids fill the route patterns.
type target struct {
	name                             string
	agencyID, caseID, appealID, user int64
	letterSeq                        int
	attachmentID                     int64
	code                             string
	// catalog and new media records of the agency
	itemID, fileID, docID, accountID, inspectionID, columnID int64
	ledgerImport                                             int64 // a decision ledger file imported
	// a published item with a file (the public routes)
	publicItem, publicFile int64
}

func (a *actor) allowed(acc access, t string) bool {
	rel := a.relation[t]
	acts := a.role == casework.Clerk || a.role == casework.Approver
	switch acc {
	case public, loopback:
		return true
	case staff:
		return a.role != "" && a.key == ""
	case actAgency:
		return acts && a.key == ""
	case approve:
		return a.role == casework.Approver && a.key == ""
	case supervise:
		return a.role == casework.Supervisor || a.role == casework.Admin
	case adminOnly:
		return a.role == casework.Admin
	case readTarget:
		return a.key == "" && a.role != "" && (rel == "own" || rel == "lower")
	case actTarget:
		return a.key == "" && acts && rel == "own"
	case approveTarget:
		return a.key == "" && a.role == casework.Approver && rel == "own"
	case apiKey:
		return a.key != ""
	case apiTarget:
		return a.key != "" && rel == "own"
	case apiApproveTarget:
		return a.key != "" && a.role == casework.Approver && rel == "own"
	}
	return false
}

// TestPermissionMatrix walks every route the server registers, as every
// kind of user and API key, against a record of their own agency, a peer's,
// a lower one's and an upper one's, and checks allowed or denied. Denied is
// 401/403/404 or the login page; allowed is anything else (a 422 for the
// empty form is fine: the refusal must come before validation).
func TestPermissionMatrix(t *testing.T) {
	srv, hs := newServer(t, server.Options{})
	ctx := context.Background()
	targets := map[string]*target{"main": setupTarget(t, srv, demo.Main, "clerk"), "district": setupTarget(t, srv, "新乡市卫滨区人民政府", "district")}
	actors := []*actor{
		{name: "anonymous", relation: map[string]string{}},
		{name: "clerk", role: casework.Clerk, relation: map[string]string{"main": "own", "district": "upper"}},
		{name: "head", role: casework.Approver, relation: map[string]string{"main": "own", "district": "upper"}},
		{name: "finance", role: casework.Clerk, relation: map[string]string{"main": "peer", "district": "upper"}},
		{name: "district", role: casework.Supervisor, relation: map[string]string{"main": "lower", "district": "own"}},
		{name: "city", role: casework.Supervisor, relation: map[string]string{"main": "lower", "district": "lower"}},
		{name: "admin", role: casework.Admin, relation: map[string]string{"main": "lower", "district": "lower"}},
	}
	for _, a := range actors[1:] {
		a.client, a.csrf = login(t, hs.URL, a.name)
	}
	anonJar, _ := cookiejar.New(nil)
	actors[0].client = noRedirects(anonJar)
	for _, k := range []struct {
		name, agency, rel string
		role              casework.Role
	}{
		{"key:main", demo.Main, "own", casework.Clerk}, {"key:main-head", demo.Main, "own", casework.Approver},
		{"key:finance", "卫滨区财政局", "peer", casework.Clerk}, {"key:finance-head", "卫滨区财政局", "peer", casework.Approver},
		{"key:district", "新乡市卫滨区人民政府", "upper", casework.Clerk},
	} {
		ag, err := srv.Ops.Store.AgencyByName(ctx, k.agency)
		if err != nil {
			t.Fatal(err)
		}
		key, err := srv.Ops.CreateAPIKey(ctx, ops.Operator(ag.ID, "test"), ag.ID, "矩阵测试", k.role)
		if err != nil {
			t.Fatal(err)
		}
		rel := map[string]string{"main": k.rel, "district": map[string]string{"own": "upper", "peer": "upper", "upper": "own"}[k.rel]}
		jar, _ := cookiejar.New(nil)
		actors = append(actors, &actor{name: k.name, role: k.role, key: key, relation: rel, client: noRedirects(jar)})
	}
	seen := map[string]bool{}
	var last []string // POST /logout ends each session: run it after the rest
	for _, pat := range srv.Patterns {
		seen[pat] = true
		acc, ok := matrix[pat]
		if !ok {
			t.Errorf("route %q has no row in the permission matrix", pat)
			continue
		}
		if pat == "POST /logout" {
			last = append(last, pat)
			continue
		}
		checkRoute(t, hs.URL, pat, acc, actors, targets)
	}
	for _, pat := range last {
		checkRoute(t, hs.URL, pat, matrix[pat], actors, targets)
	}
	for pat := range matrix {
		if !seen[pat] {
			t.Errorf("the matrix has %q, which the server does not serve", pat)
		}
	}
}

func checkRoute(t *testing.T, base, pat string, acc access, actors []*actor, targets map[string]*target) {
	method, path, ok := strings.Cut(pat, " ")
	if !ok {
		method, path = "GET", pat
	}
	path = strings.TrimSuffix(path, "{$}")
	if path == "/" && pat == "/" {
		path = "/no-such-page"
	}
	names := []string{"-"}
	if strings.Contains(path, "{id}") && acc != public {
		names = []string{"main", "district"}
	}
	for _, a := range actors {
		isAPI := strings.HasPrefix(path, "/api/")
		if isAPI != (a.key != "") && acc != public && acc != loopback && a.role != "" {
			continue // web users are not API callers and keys are not web users
		}
		for _, tn := range names {
			tg := targets[tn]
			if tg == nil {
				tg = targets["main"]
			}
			p := fill(path, tg)
			if pat == "/" || pat == "GET /status/letters/{seq}" || pat == "GET /status/receipt" {
				continue // a 404 page for everyone; a letter and the receipt need the applicant's 查询码
			}
			token := a.csrf
			if method == "POST" && acc == public {
				form := strings.TrimSuffix(strings.Replace(p, "/confirm", "", 1), "/")
				if p == "/status/correction" || p == "/status/withdraw" {
					form = "/login" // the status page shows its form only with a code; the token is the visitor's, one for every public form
				}
				token = publicToken(t, a.client, base+form)
			}
			code, loc := send(t, a, method, base+p, token)
			denied := code == 401 || code == 403 || code == 404 || (code == 303 && strings.HasPrefix(loc, "/login"))
			want := a.allowed(acc, tn)
			switch pat {
			case "POST /logout":
				// the way out is the login page, for the signed-in and the rest
				denied, want = code != http.StatusSeeOther, true
			case "POST /login":
				// 401 answers a wrong password and 429 many of them from one
				// address: the door itself is open
				denied = code == 403
			case "POST /forgot", "POST /status/forgot", "GET /reset", "POST /reset":
				// public, but their forms exist only where they can work (a
				// mail server; a live link): the test has no form token (403)
				// nor a live link (404), and is never sent to sign in
				denied = code == 401 || (code == 303 && strings.HasPrefix(loc, "/login"))
			}
			if denied == want {
				t.Errorf("%s %s as %s (target %s): %d %s, want %s", method, p, a.name, tn, code, loc, map[bool]string{true: "allowed", false: "denied"}[want])
			}
		}
	}
}

func fill(path string, tg *target) string {
	r := strings.NewReplacer("{id}", fmt.Sprint(tg.caseID), "{seq}", fmt.Sprint(tg.letterSeq), "{aid}", fmt.Sprint(tg.attachmentID),
		"{year}", "2025", "{code}", tg.code)
	switch {
	case strings.HasPrefix(path, "/admin/appeals/") || strings.HasPrefix(path, "/api/v1/appeals/"):
		r = strings.NewReplacer("{id}", fmt.Sprint(tg.appealID))
	case strings.HasPrefix(path, "/admin/users/"):
		r = strings.NewReplacer("{id}", fmt.Sprint(tg.user))
	case strings.HasPrefix(path, "/admin/agencies/"), strings.HasPrefix(path, "/guide/"), strings.HasPrefix(path, "/apply/"):
		r = strings.NewReplacer("{id}", fmt.Sprint(tg.agencyID))
	case strings.HasPrefix(path, "/admin/catalog/"), strings.HasPrefix(path, "/api/v1/catalog/items/"):
		r = strings.NewReplacer("{id}", fmt.Sprint(tg.itemID), "{fid}", fmt.Sprint(tg.fileID))
	case strings.HasPrefix(path, "/catalog/"):
		r = strings.NewReplacer("{id}", fmt.Sprint(tg.publicItem), "{fid}", fmt.Sprint(tg.publicFile), "{agency}", fmt.Sprint(tg.agencyID))
	case strings.HasPrefix(path, "/admin/normative/"):
		r = strings.NewReplacer("{id}", fmt.Sprint(tg.docID))
	case strings.HasPrefix(path, "/admin/newmedia/"), strings.HasPrefix(path, "/api/v1/newmedia/accounts/"):
		r = strings.NewReplacer("{id}", fmt.Sprint(tg.accountID), "{iid}", fmt.Sprint(tg.inspectionID))
	case strings.HasPrefix(path, "/admin/columns/"), strings.HasPrefix(path, "/api/v1/columns/"):
		r = strings.NewReplacer("{id}", fmt.Sprint(tg.columnID))
	case strings.HasPrefix(path, "/admin/ledgers/"):
		r = strings.NewReplacer("{id}", fmt.Sprint(tg.ledgerImport))
	}
	return r.Replace(path)
}

// send makes the request with an empty form (and the session's token), or
// an empty JSON object for the API.
func send(t *testing.T, a *actor, method, u, token string) (int, string) {
	var body io.Reader
	req, _ := http.NewRequest(method, u, nil)
	if method == "POST" {
		if strings.Contains(u, "/api/") {
			body = strings.NewReader(`{}`)
			req, _ = http.NewRequest(method, u, body)
			req.Header.Set("Content-Type", "application/json")
		} else {
			form := url.Values{"csrf": {token}}
			if strings.HasSuffix(u, "/confirm") {
				form.Set("submission", strings.Repeat("0", 32)) // a confirmation never issued: the form is checked
			}
			req, _ = http.NewRequest(method, u, strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
	}
	if a.key != "" {
		req.Header.Set("Authorization", "Bearer "+a.key)
	}
	resp, err := a.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("Location")
}

// publicToken is the form token of a public page (the login or application
// form), as a visitor gets it by opening the page.
func publicToken(t *testing.T, c *http.Client, page string) string {
	resp, err := c.Get(page)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, _ := io.ReadAll(resp.Body)
	if m := csrfRe.FindSubmatch(b); m != nil {
		return string(m[1])
	}
	return ""
}

func noRedirects(jar http.CookieJar) *http.Client {
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func login(t *testing.T, base, name string) (*http.Client, string) {
	jar, _ := cookiejar.New(nil)
	c := noRedirects(jar)
	page := func(path string) string {
		resp, err := c.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = resp.Body.Close() }()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	m := csrfRe.FindStringSubmatch(page("/login"))
	resp, err := c.PostForm(base+"/login", url.Values{"csrf": {m[1]}, "login": {name}, "password": {demo.Password}})
	if err != nil || resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("login %s: %v", name, err)
	}
	_ = resp.Body.Close()
	m = csrfRe.FindStringSubmatch(page("/admin/"))
	if m == nil {
		t.Fatalf("%s: no token on the dashboard", name)
	}
	return c, m[1]
}

// setupTarget finds the agency's case with a letter, and gives it an
// attachment, an appeal and a known user.
func setupTarget(t *testing.T, srv *server.Server, agency, userLogin string) *target {
	ctx := context.Background()
	st := srv.Ops.Store
	ag, err := st.AgencyByName(ctx, agency)
	if err != nil {
		t.Fatal(err)
	}
	tg := &target{name: agency, agencyID: ag.ID}
	rows, _, err := st.ListCases(ctx, casework.Filter{AgencyIDs: []int64{ag.ID}, Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		c, err := st.GetCase(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range c.Events {
			if c.HasLetter(e.Seq) && tg.caseID == 0 {
				tg.caseID, tg.letterSeq, tg.code = c.ID, e.Seq, c.Code
			}
		}
	}
	if tg.caseID == 0 {
		t.Fatalf("%s: no case with a letter in the demo", agency)
	}
	op := ops.Operator(ag.ID, "测试")
	att, err := srv.Ops.Attach(ctx, op, tg.caseID, "检索记录.txt", []byte("检索记录"))
	if err != nil {
		t.Fatal(err)
	}
	tg.attachmentID = att.ID
	rec, err := srv.Ops.RecordAppeal(ctx, op, appeal.Record{AgencyID: ag.ID, Kind: appeal.Review, Body: "某复议机关", FiledOn: workday.MustDate("2026-03-02")})
	if err != nil {
		t.Fatal(err)
	}
	tg.appealID = rec.ID
	u, _, err := st.UserByLogin(ctx, userLogin)
	if err != nil {
		t.Fatal(err)
	}
	tg.user = u.ID
	setupCatalog(t, srv, tg, op)
	res, err := srv.Ops.Import(ctx, op, ag.ID, ops.ImportRequest{Kind: ops.ImportDecisions, Name: "许可台账.csv", Commit: true,
		Data: []byte("类别,决定书文号,作出决定日期\n许可,测许〔2026〕1号,2026-03-02\n")})
	if err != nil || !res.Committed {
		t.Fatalf("ledger: %+v %v", res, err)
	}
	lv, err := srv.Ops.Ledgers(ctx, op, ag.ID)
	if err != nil || len(lv.Imports) == 0 {
		t.Fatalf("ledger imports: %v", err)
	}
	tg.ledgerImport = lv.Imports[0].ID
	if !slices.Contains([]string{demo.Main, "新乡市卫滨区人民政府"}, agency) {
		t.Fatal(agency)
	}
	return tg
}

// setupCatalog gives the target a draft item with a file, a normative
// document, an account with an inspection and a column; and finds the
// seed agency's published annual report with its files for the public routes.
func setupCatalog(t *testing.T, srv *server.Server, tg *target, op ops.Principal) {
	ctx := context.Background()
	o := srv.Ops
	v, err := o.CreateItem(ctx, op, catalog.Item{Title: "测试信息", Summary: "测试信息的内容概述", FormedOn: o.Clock.Today(), Body: "正文"})
	if err != nil {
		t.Fatal(err)
	}
	tg.itemID = v.Item.ID
	if v, err = o.AttachItemFile(ctx, op, tg.itemID, "附件.txt", []byte("附件")); err != nil {
		t.Fatal(err)
	}
	tg.fileID = v.Files[0].ID
	d, err := o.SaveDocument(ctx, op, catalog.Document{Kind: catalog.Normative, Title: "测试文件", DocNo: "测〔2026〕1号", IssuedOn: workday.MustDate("2026-01-05")}, "")
	if err != nil {
		t.Fatal(err)
	}
	tg.docID = d.ID
	a, err := o.SaveAccount(ctx, op, newmedia.Account{Platform: "weibo", Name: "测试账号", Sponsor: "测试单位"}, "")
	if err != nil {
		t.Fatal(err)
	}
	tg.accountID = a.ID
	in, err := o.RecordInspection(ctx, op, newmedia.Inspection{AccountID: a.ID, Kind: "daily", On: o.Clock.Today(), Problems: []string{"typo"}, Note: "错别字"})
	if err != nil {
		t.Fatal(err)
	}
	tg.inspectionID = in.ID
	c, err := o.SaveColumn(ctx, op, newmedia.Column{Name: "测试栏目", Kind: "dynamic"}, "")
	if err != nil {
		t.Fatal(err)
	}
	tg.columnID = c.ID
	main, err := o.Store.AgencyByName(ctx, demo.Main)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := o.Store.ItemByReport(ctx, main.ID, 2024)
	if err != nil {
		t.Fatal("the demo's 2024 report is not published: ", err)
	}
	files, err := o.Store.ItemFiles(ctx, rep.ID)
	if err != nil || len(files) == 0 {
		t.Fatal("the published report has no files", err)
	}
	tg.publicItem, tg.publicFile = rep.ID, files[0].ID
}
