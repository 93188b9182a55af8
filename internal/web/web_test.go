package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"gongkai/internal/casework"
	"gongkai/internal/demo"
	"gongkai/internal/report"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

type site struct {
	t   *testing.T
	srv *httptest.Server
	s   *store.Store
}

func newSite(t *testing.T, s *store.Store) *site {
	cal := workday.Default()
	cfg := casework.DefaultConfig()
	now := time.Date(2026, 11, 24, 2, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return now }
	if _, err := demo.Seed(context.Background(), s, cal, cfg, now); err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return now }
	ws, err := web.New(s, cfg, func() *workday.Calendar { return cal }, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ws.Now = func() time.Time { return now }
	mux := http.NewServeMux()
	ws.Routes(mux)
	srv := httptest.NewServer(web.SecurityHeaders(http.NewCrossOriginProtection().Handler(mux)))
	t.Cleanup(srv.Close)
	return &site{t: t, srv: srv, s: s}
}

// browser is a client with its own cookies that does not follow redirects.
func (st *site) browser() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func (st *site) get(c *http.Client, path string) (int, string) {
	resp, err := c.Get(st.srv.URL + path)
	if err != nil {
		st.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func token(body string) string {
	if m := csrfRe.FindStringSubmatch(body); m != nil {
		return m[1]
	}
	return ""
}

// post sends a form the way a browser does: same origin.
func (st *site) post(c *http.Client, path string, form url.Values) (int, string, string) {
	req, _ := http.NewRequest("POST", st.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", st.srv.URL)
	resp, err := c.Do(req)
	if err != nil {
		st.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header.Get("Location")
}

func (st *site) login(name string) (*http.Client, string) {
	c := st.browser()
	_, body := st.get(c, "/login")
	code, _, loc := st.post(c, "/login", url.Values{"csrf": {token(body)}, "login": {name}, "password": {demo.Password}})
	if code != http.StatusSeeOther || loc != "/admin/" {
		st.t.Fatalf("login %s: %d %s", name, code, loc)
	}
	_, body = st.get(c, "/admin/")
	return c, token(body)
}

func caseIDs(st *site, agency string) []int64 {
	ag, err := st.s.AgencyByName(context.Background(), agency)
	if err != nil {
		st.t.Fatal(err)
	}
	rows, _, _ := st.s.ListCases(context.Background(), store.CaseFilter{AgencyIDs: []int64{ag.ID}, Limit: 500})
	var ids []int64
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	return ids
}

func TestBackOffice(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		st := newSite(t, s)
		anon := st.browser()
		if code, _ := st.get(anon, "/admin/"); code != http.StatusSeeOther {
			t.Errorf("anonymous /admin/: %d", code)
		}
		c, csrf := st.login("clerk")
		code, body := st.get(c, "/admin/")
		if code != 200 || !strings.Contains(body, "已超期") || !strings.Contains(body, "待申请人补正") {
			t.Errorf("dashboard %d", code)
		}
		code, body = st.get(c, "/admin/cases?applicant_type=natural")
		if code != 200 || !strings.Contains(body, "110105********002X") || strings.Contains(body, "11010519491231002X") {
			t.Errorf("list masks identity numbers: %d", code)
		}
		if code, body := st.get(c, "/admin/cases?received_from=2026-02-30"); code != 200 || !strings.Contains(body, "日期“2026-02-30”不对") {
			t.Errorf("bad filter: %d", code)
		}
		for _, f := range []string{"csv", "xlsx"} {
			resp, _ := c.Get(st.srv.URL + "/admin/cases?format=" + f)
			if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), "."+f) {
				t.Errorf("export %s: %d", f, resp.StatusCode)
			}
			resp.Body.Close()
		}
		// a clerk of one agency cannot read another agency's case by URL
		other := caseIDs(st, "卫滨区财政局")[0]
		if code, _ := st.get(c, fmt.Sprintf("/admin/cases/%d", other)); code != 404 {
			t.Errorf("foreign case: %d", code)
		}
		if code, _, _ := st.post(c, fmt.Sprintf("/admin/cases/%d/steps", other), url.Values{"csrf": {csrf}, "kind": {"withdraw"}, "on": {"2026-11-24"}}); code != 404 {
			t.Errorf("step on a foreign case: %d", code)
		}
		// the district office (supervisor) sees the case, with personal data masked
		sup, _ := st.login("district")
		code, body = st.get(sup, fmt.Sprintf("/admin/cases/%d", other))
		if code != 200 || strings.Contains(body, "13800000000") {
			t.Errorf("supervisor view: %d", code)
		}
		// registering with a bad identity number: the error sits by the field, the values stay
		form := url.Values{"csrf": {csrf}, "channel": {"in_person"}, "received_on": {"2026-11-24"}, "applicant_type": {"natural"},
			"name": {"钱某"}, "id_type": {"身份证"}, "id_number": {"110105194912310021"}, "phone": {"13912345678"}, "description": {"本区养老机构名录"},
			"form": {"电子"}, "delivery": {"电子邮件"}}
		code, body, _ = st.post(c, "/admin/cases", form)
		if code != 422 || !strings.Contains(body, "校验码不对") || !strings.Contains(body, `value="钱某"`) || !strings.Contains(body, "本区养老机构名录") {
			t.Errorf("validation: %d", code)
		}
		form.Set("id_number", "11010519491231002X")
		code, _, loc := st.post(c, "/admin/cases", form)
		if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/admin/cases/") {
			t.Fatalf("create: %d %s", code, loc)
		}
		code, body = st.get(c, loc)
		if code != 200 || !strings.Contains(body, "答复期限") || !strings.Contains(body, "《条例》第三十三条") || !strings.Contains(body, "11010519491231002X") {
			t.Errorf("case page: %d", code)
		}
		// a clerk cannot extend: refused with the reason, nothing recorded
		code, body, _ = st.post(c, loc+"/steps", url.Values{"csrf": {csrf}, "kind": {"extend"}, "on": {"2026-11-24"}, "note": {"需调取档案"}})
		if code != 409 || !strings.Contains(body, "负责人") {
			t.Errorf("extension by a clerk: %d", code)
		}
		code, _, _ = st.post(c, loc+"/steps", url.Values{"csrf": {csrf}, "kind": {"decide"}, "on": {"2026-11-24"}, "outcome": {"disclosed"}})
		if code != http.StatusSeeOther {
			t.Fatalf("decide: %d", code)
		}
		_, body = st.get(c, loc)
		if !strings.Contains(body, "已办结") || !strings.Contains(body, "letters/2") {
			t.Errorf("after decision")
		}
		code, body = st.get(c, loc+"/letters/2")
		if code != 200 || !strings.Contains(body, "政府信息公开申请答复书") || !strings.Contains(body, "〔2026〕") {
			t.Errorf("letter: %d", code)
		}
		// forms without the session's token are refused, and so are cross-site posts
		if code, _, _ := st.post(c, "/admin/cases", url.Values{"name": {"x"}}); code != 403 {
			t.Errorf("no token: %d", code)
		}
		req, _ := http.NewRequest("POST", st.srv.URL+"/admin/cases", strings.NewReader("csrf="+csrf))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		if resp, _ := c.Do(req); resp.StatusCode != 403 {
			t.Errorf("cross-site post: %d", resp.StatusCode)
		}
	})
}

func TestPublicApplication(t *testing.T) {
	st := newSite(t, storetest.SQLite(t))
	v := st.browser()
	code, body := st.get(v, "/")
	if code != 200 || !strings.Contains(body, "卫滨区教育体育和文化旅游局") {
		t.Fatalf("home %d", code)
	}
	ag, _ := st.s.AgencyByName(context.Background(), "卫滨区教育体育和文化旅游局")
	code, body = st.get(v, fmt.Sprintf("/guide/%d", ag.ID))
	if code != 200 || !strings.Contains(body, "0373-0000000") || !strings.Contains(body, "第三十三条") {
		t.Errorf("guide %d", code)
	}
	path := fmt.Sprintf("/apply/%d", ag.ID)
	_, body = st.get(v, path)
	if !strings.Contains(body, "申请政府信息公开") || strings.Contains(body, "登记申请") || strings.Contains(body, `name="channel"`) {
		t.Errorf("the public form is not the public form")
	}
	form := url.Values{"csrf": {token(body)}, "applicant_type": {"natural"}, "name": {"孙某"}, "id_type": {"身份证"}, "id_number": {"1101051949123100"},
		"phone": {"13700000000"}, "description": {"2026年本区中小学学区划分方案"}, "form": {"电子"}, "delivery": {"电子邮件"}}
	code, body, _ = st.post(v, path, form)
	if code != 422 || !strings.Contains(body, "应为 18 位") || !strings.Contains(body, "学区划分方案") {
		t.Errorf("validation: %d", code)
	}
	form.Set("id_number", "11010519491231002X")
	code, body, _ = st.post(v, path, form)
	if code != 200 || !strings.Contains(body, "请核对申请内容") || !strings.Contains(body, "110105********002X") {
		t.Fatalf("confirm step: %d", code)
	}
	code, body, _ = st.post(v, path+"/confirm", form)
	m := regexp.MustCompile(`class="code">([A-Z0-9]+)<`).FindStringSubmatch(body)
	if code != 200 || m == nil || !strings.Contains(body, "2026年11月24日") {
		t.Fatalf("receipt: %d\n%s", code, body)
	}
	code, body = st.get(st.browser(), "/status?code="+strings.ToLower(m[1]))
	if code != 200 || !strings.Contains(body, "办理中") || strings.Contains(body, "孙某") || strings.Contains(body, "13700000000") {
		t.Errorf("status: %d", code)
	}
	if code, _ := st.get(v, "/status?code=NOPE"); code != 404 {
		t.Errorf("unknown code: %d", code)
	}
	// a post without the visitor's form token is refused
	form.Del("csrf")
	if code, _, _ := st.post(st.browser(), path+"/confirm", form); code != 403 {
		t.Errorf("no token: %d", code)
	}
}

func TestLoginThrottle(t *testing.T) {
	st := newSite(t, storetest.SQLite(t))
	c := st.browser()
	_, body := st.get(c, "/login")
	tok := token(body)
	for i := 0; i < 5; i++ {
		if code, _, _ := st.post(c, "/login", url.Values{"csrf": {tok}, "login": {"clerk"}, "password": {"wrong-password"}}); code != 401 {
			t.Fatalf("attempt %d: %d", i, code)
		}
	}
	code, body, _ := st.post(c, "/login", url.Values{"csrf": {tok}, "login": {"clerk"}, "password": {demo.Password}})
	if code != 429 || !strings.Contains(body, "15 分钟") {
		t.Errorf("after five failures: %d", code)
	}
}

// The report page: the seed's report with its findings; a wrong cell saved is
// marked where it is; the documents download.
func TestReportPage(t *testing.T) {
	st := newSite(t, storetest.SQLite(t))
	c, csrf := st.login("clerk")
	code, body := st.get(c, "/admin/reports?year=2024")
	if code != 200 || !strings.Contains(body, "今年我单位未收到政府信息公开申请") || strings.Count(body, "TXT.LATIN") != 2 || !strings.Contains(body, "错误 0 项") {
		t.Fatalf("seed report page: %d", code)
	}
	form := url.Values{"csrf": {csrf}, "section1": {"2024年，我局未收到政府信息公开申请。"}, "section5": {"一是问题。"}, "section6": {"未收取信息处理费。"}}
	for _, k := range []string{"rules", "normative_documents"} {
		for _, c := range []string{"issued", "repealed", "in_force"} {
			form.Set("proactive."+k+"."+c, "0")
		}
	}
	for _, k := range []string{"licensing", "penalty", "coercion"} {
		form.Set("proactive."+k+".decisions", "0")
	}
	form.Set("proactive.fees.amount_wan_yuan", "0")
	for _, b := range []string{"review", "suit_direct", "suit_after_review"} {
		for _, c := range []string{"upheld", "corrected", "other", "pending", "total"} {
			form.Set("appeals."+b+"."+c, "0")
		}
	}
	form.Set("appeals.review.upheld", "2") // total stays 0: T4.SUM
	code, body, _ = st.post(c, "/admin/reports/2024", form)
	if code != 200 || !strings.Contains(body, "已保存") || !strings.Contains(body, "T4.SUM") || !strings.Contains(body, `class="bad" title="T4.SUM`) {
		t.Errorf("save with a wrong cell: %d", code)
	}
	_, body = st.get(c, "/admin/reports?year=2024")
	if !strings.Contains(body, `value="2"`) || !strings.Contains(body, "我局未收到政府信息公开申请。") {
		t.Error("saved values not shown")
	}
	// the district office checks the report of the bureau below it, without editing it
	sup, _ := st.login("district")
	ag, _ := st.s.AgencyByName(context.Background(), "卫滨区教育体育和文化旅游局")
	if code, body := st.get(sup, fmt.Sprintf("/admin/reports?year=2024&agency=%d", ag.ID)); code != 200 || !strings.Contains(body, "T4.SUM") || strings.Contains(body, "保存并检查") {
		t.Errorf("supervisor's view: %d", code)
	}
	other, _ := st.s.AgencyByName(context.Background(), "红旗区教育局")
	if code, _ := st.get(sup, fmt.Sprintf("/admin/reports?year=2024&agency=%d", other.ID)); code != 404 {
		t.Errorf("another district's report: %d", code)
	}
	for _, f := range []string{"docx", "pdf", "xlsx", "html"} {
		resp, _ := c.Get(st.srv.URL + "/admin/reports/2024/file?format=" + f)
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || len(b) < 500 {
			t.Errorf("%s: %d %d bytes", f, resp.StatusCode, len(b))
		}
	}
}

func TestAdministration(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		st := newSite(t, s)
		clerk, _ := st.login("clerk")
		for _, p := range []string{"/admin/users", "/admin/agencies", "/admin/calendar", "/admin/audit"} {
			if code, _ := st.get(clerk, p); code != 403 {
				t.Errorf("clerk %s: %d", p, code)
			}
		}
		adm, csrf := st.login("admin")
		ag, _ := s.AgencyByName(context.Background(), "卫滨区财政局")
		form := url.Values{"csrf": {csrf}, "agency": {fmt.Sprint(ag.ID)}, "login": {"newclerk"}, "name": {"新办理人"}, "role": {"clerk"}, "password": {"short"}}
		if code, body, _ := st.post(adm, "/admin/users", form); code != 422 || !strings.Contains(body, "至少 8 位") || !strings.Contains(body, `value="newclerk"`) {
			t.Errorf("short password: %d", code)
		}
		form.Set("password", "a-good-password")
		if code, _, _ := st.post(adm, "/admin/users", form); code != http.StatusSeeOther {
			t.Fatalf("create user: %d", code)
		}
		if code, body, _ := st.post(adm, "/admin/users", form); code != 422 || !strings.Contains(body, "已被使用") {
			t.Errorf("duplicate login: %d", code)
		}
		// the new user signs in and sees only their agency
		c := st.browser()
		_, body := st.get(c, "/login")
		if code, _, _ := st.post(c, "/login", url.Values{"csrf": {token(body)}, "login": {"newclerk"}, "password": {"a-good-password"}}); code != http.StatusSeeOther {
			t.Errorf("new user login: %d", code)
		}
		// the agency's 指南 details
		up := url.Values{"csrf": {csrf}, "name": {ag.Name}, "review_organ": {"新乡市卫滨区人民政府"}, "letter_prefix": {"卫财依公"},
			"address": {"卫滨区和平路1号"}, "phone": {"0373-1111111"}, "hours": {"工作日"}, "email": {"cz@example.gov.cn"}, "fax": {"0373-2222222"}}
		if code, _, _ := st.post(adm, fmt.Sprintf("/admin/agencies/%d", ag.ID), up); code != http.StatusSeeOther {
			t.Errorf("save agency: %d", code)
		}
		if _, body := st.get(st.browser(), fmt.Sprintf("/guide/%d", ag.ID)); !strings.Contains(body, "卫滨区和平路1号") || !strings.Contains(body, "0373-2222222") {
			t.Error("guide does not show the new address and fax")
		}
		// the audit log shows what happened
		sup, _ := st.login("district")
		if _, body := st.get(sup, "/admin/audit"); !strings.Contains(body, "agency.update") {
			t.Error("audit log lacks the agency update")
		}
	})
}

// htmx is embedded and served; the pages still work without it.
func TestStaticAssets(t *testing.T) {
	st := newSite(t, storetest.SQLite(t))
	code, body := st.get(st.browser(), "/static/htmx-2.0.11.min.js")
	if code != 200 || !strings.Contains(body, "htmx") {
		t.Errorf("htmx: %d", code)
	}
	if code, _ := st.get(st.browser(), "/static/app.css"); code != 200 {
		t.Errorf("css: %d", code)
	}
}

// Every back-office route: anonymous visitors are sent to the login page, a
// POST without the session's form token is refused, and another agency's
// resources are not found.
func TestEveryAdminRoute(t *testing.T) {
	st := newSite(t, storetest.SQLite(t))
	mine := caseIDs(st, "卫滨区教育体育和文化旅游局")[0]
	theirs := caseIDs(st, "卫滨区财政局")[0]
	routes := []struct{ method, path string }{
		{"GET", "/admin/"}, {"GET", "/admin/cases"}, {"GET", "/admin/cases/new"}, {"POST", "/admin/cases"},
		{"GET", "/admin/cases/%d"}, {"POST", "/admin/cases/%d/steps"}, {"GET", "/admin/cases/%d/letters/1"},
		{"GET", "/admin/reports"}, {"POST", "/admin/reports/2024"}, {"GET", "/admin/reports/2024/file?format=txt"}, {"POST", "/admin/reports/2024/submit"},
		{"GET", "/admin/users"}, {"POST", "/admin/users"}, {"GET", "/admin/agencies"}, {"POST", "/admin/agencies/1"},
		{"GET", "/admin/calendar"}, {"POST", "/admin/calendar"}, {"GET", "/admin/audit"}, {"POST", "/logout"},
		{"POST", "/admin/cases/%d/attachments"}, {"GET", "/admin/cases/%d/attachments/1"},
		{"GET", "/admin/appeals"}, {"POST", "/admin/appeals"}, {"POST", "/admin/appeals/1"},
		{"GET", "/admin/rollup"}, {"GET", "/admin/rollup/file?year=2024&format=xlsx"},
	}
	// the list above covers every back-office route the server registers
	src, err := os.ReadFile("server.go")
	if err != nil {
		t.Fatal(err)
	}
	registered := regexp.MustCompile(`HandleFunc\("(GET|POST) (/admin/[^"]*)"`).FindAllStringSubmatch(string(src), -1)
	for _, m := range registered {
		want := strings.TrimSuffix(regexp.MustCompile(`\{[a-z]+\}`).ReplaceAllString(m[2], "X"), "{$}")
		found := false
		for _, r := range routes {
			got := strings.SplitN(regexp.MustCompile(`%d|\d+`).ReplaceAllString(r.path, "X"), "?", 2)[0]
			found = found || (r.method == m[1] && got == want)
		}
		if !found {
			t.Errorf("route %s %s is not in the list", m[1], m[2])
		}
	}
	if len(registered) < 20 {
		t.Errorf("found only %d routes in server.go", len(registered))
	}
	c, _ := st.login("clerk")
	for _, r := range routes {
		path := r.path
		if strings.Contains(path, "%d") {
			path = fmt.Sprintf(path, mine)
		}
		var code int
		if r.method == "GET" {
			code, _ = st.get(st.browser(), path)
		} else {
			code, _, _ = st.post(st.browser(), path, url.Values{"x": {"1"}})
		}
		if code != http.StatusSeeOther {
			t.Errorf("anonymous %s %s: %d, want a redirect to the login page", r.method, path, code)
		}
		if r.method == "POST" {
			if code, _, _ := st.post(c, path, url.Values{"x": {"1"}}); code != http.StatusForbidden {
				t.Errorf("%s without a form token: %d", path, code)
			}
		}
		if strings.Contains(r.path, "%d") && r.method == "GET" {
			if code, _ := st.get(c, fmt.Sprintf(r.path, theirs)); code != http.StatusNotFound {
				t.Errorf("clerk of another agency, %s: %d", fmt.Sprintf(r.path, theirs), code)
			}
		}
	}
}

func TestAttachments(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		st := newSite(t, s)
		c, csrf := st.login("clerk")
		id := caseIDs(st, "卫滨区教育体育和文化旅游局")[0]
		upload := func(name, content string) (int, string) {
			var b strings.Builder
			mw := multipart.NewWriter(&b)
			mw.WriteField("csrf", csrf)
			fw, _ := mw.CreateFormFile("file", name)
			fw.Write([]byte(content))
			mw.Close()
			req, _ := http.NewRequest("POST", fmt.Sprintf("%s/admin/cases/%d/attachments", st.srv.URL, id), strings.NewReader(b.String()))
			req.Header.Set("Content-Type", mw.FormDataContentType())
			req.Header.Set("Origin", st.srv.URL)
			resp, err := c.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			return resp.StatusCode, string(body)
		}
		if code, _ := upload("检索记录.txt", "已检索档案室 2019—2025 年全部文件，未发现所需信息。"); code != http.StatusSeeOther {
			t.Fatalf("upload: %d", code)
		}
		if code, body := upload("virus.exe", "MZ"); code != 422 || !strings.Contains(body, "只能上传") {
			t.Errorf("exe: %d", code)
		}
		_, page := st.get(c, fmt.Sprintf("/admin/cases/%d", id))
		m := regexp.MustCompile(`href="(/admin/cases/\d+/attachments/\d+)">检索记录.txt`).FindStringSubmatch(page)
		if m == nil {
			t.Fatal("attachment not listed")
		}
		if code, body := st.get(c, m[1]); code != 200 || !strings.Contains(body, "未发现所需信息") {
			t.Errorf("download: %d", code)
		}
		other, _ := st.login("finance")
		if code, _ := st.get(other, m[1]); code != 404 {
			t.Errorf("another agency downloads it: %d", code)
		}
	})
}

// A clerk records a 复议 about one of the agency's applications; once records
// exist, 表四 of the report is counted from them and no longer typed.
func TestAppealsPages(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		st := newSite(t, s)
		c, csrf := st.login("finance")
		ids := caseIDs(st, "卫滨区财政局")
		if len(ids) == 0 {
			t.Fatal("demo agency has no cases")
		}
		id := ids[0]
		if _, body := st.get(c, fmt.Sprintf("/admin/cases/%d", id)); !strings.Contains(body, fmt.Sprintf(`/admin/appeals?case=%d`, id)) {
			t.Fatal("case page has no link to record an appeal")
		}
		// before any record, 表四 is typed on the report page
		if _, body := st.get(c, "/admin/reports?year=2025"); !strings.Contains(body, `name="appeals.review.pending"`) {
			t.Fatal("表四 not editable without records")
		}
		form := url.Values{"csrf": {csrf}, "case": {fmt.Sprint(id)}, "kind": {"review"}, "number": {"卫政复〔2025〕7号"},
			"body": {""}, "applicant": {"张三"}, "filed_on": {"2025-06-03"}}
		code, body, _ := st.post(c, "/admin/appeals", form)
		if code != 422 || !strings.Contains(body, "请填写复议机关或人民法院") || !strings.Contains(body, "卫政复〔2025〕7号") {
			t.Errorf("missing body: %d, error or kept value not shown", code)
		}
		form.Set("body", "新乡市卫滨区人民政府")
		form.Set("filed_on", "2025-02-30")
		if code, body, _ := st.post(c, "/admin/appeals", form); code != 422 || !strings.Contains(body, "2025-02-30") {
			t.Errorf("impossible date: %d", code)
		}
		form.Set("filed_on", "2025-06-03")
		if code, _, _ := st.post(c, "/admin/appeals", form); code != http.StatusSeeOther {
			t.Fatalf("record: %d", code)
		}
		// another agency's case cannot be linked
		other := caseIDs(st, "卫滨区教育体育和文化旅游局")
		if len(other) > 0 {
			form.Set("case", fmt.Sprint(other[0]))
			if code, body, _ := st.post(c, "/admin/appeals", form); code != 422 || !strings.Contains(body, "本机关没有这件申请") {
				t.Errorf("foreign case: %d", code)
			}
		}
		_, body = st.get(c, fmt.Sprintf("/admin/cases/%d", id))
		if !strings.Contains(body, "卫政复〔2025〕7号") || !strings.Contains(body, "尚未审结") {
			t.Error("case page does not list the appeal")
		}
		// 表四 now comes from the records: one pending 复议, not editable
		_, body = st.get(c, "/admin/reports?year=2025")
		if strings.Contains(body, `name="appeals.review.pending"`) || !strings.Contains(body, "复议、诉讼记录</a>自动计算") {
			t.Error("表四 still typed after records exist")
		}
		recs, _ := s.Appeals(context.Background(), mustAgency(st, "卫滨区财政局"), 0)
		if len(recs) != 1 {
			t.Fatalf("%d records", len(recs))
		}
		// conclude it: the result is checked against the filing date
		path := fmt.Sprintf("/admin/appeals/%d", recs[0].ID)
		if code, body, _ := st.post(c, path, url.Values{"csrf": {csrf}, "concluded_on": {"2025-01-01"}, "result": {"upheld"}}); code != 422 || !strings.Contains(body, "审结日期早于") {
			t.Errorf("conclusion before filing: %d", code)
		}
		if code, _, _ := st.post(c, path, url.Values{"csrf": {csrf}, "concluded_on": {"2025-08-01"}, "result": {"upheld"}}); code != http.StatusSeeOther {
			t.Errorf("conclude: %d", code)
		}
		// the clerk of another agency can neither conclude nor see it
		edu, ecsrf := st.login("clerk")
		if code, _, _ := st.post(edu, path, url.Values{"csrf": {ecsrf}, "concluded_on": {"2025-08-01"}, "result": {"corrected"}}); code != 404 {
			t.Errorf("another agency concluded it: %d", code)
		}
		if _, body := st.get(edu, "/admin/appeals"); strings.Contains(body, "卫政复〔2025〕7号") {
			t.Error("another agency sees the record")
		}
		tab, ok, err := s.AppealTable(context.Background(), mustAgency(st, "卫滨区财政局"), 2025, "filed")
		if err != nil || !ok {
			t.Fatal(err)
		}
		if n, _ := tab[0][0].Int(); n != 1 {
			t.Errorf("表四 复议 结果维持 = %d, want 1", n)
		}
	})
}

func mustAgency(st *site, name string) int64 {
	ag, err := st.s.AgencyByName(context.Background(), name)
	if err != nil {
		st.t.Fatal(err)
	}
	return ag.ID
}

// The district office sees every agency of the district with where its report
// stands, and the sum of their tables; a clerk does not.
func TestRollup(t *testing.T) {
	st := newSite(t, storetest.SQLite(t))
	sup, _ := st.login("district")
	code, body := st.get(sup, "/admin/rollup?year=2024")
	if code != 200 {
		t.Fatalf("rollup: %d", code)
	}
	for _, want := range []string{"卫滨区教育体育和文化旅游局", "卫滨区财政局", "卫滨区平原镇人民政府", "逾期未报", "已报送", "汇总表"} {
		if !strings.Contains(body, want) {
			t.Errorf("rollup lacks %q", want)
		}
	}
	// the seed report was saved: its checks are shown (0 errors); unsaved drafts show none
	if !regexp.MustCompile(`(?s)卫滨区教育体育和文化旅游局</td>.*?已报送（李主任，2025-01-22 \d\d:00）</td>\s*<td>0</td><td>\d+</td>`).MatchString(body) || !strings.Contains(body, "<td>—</td>") {
		t.Error("rollup row of the saved seed report lacks its check counts, or drafts are checked")
	}
	if strings.Contains(body, "红旗区教育局") {
		t.Error("the district office sees another district's agency")
	}
	// 表三 一、本年新收 总计 of the sum = the sum of the agencies' own tables
	u, _, err := st.s.UserByLogin(context.Background(), "district")
	if err != nil {
		t.Fatal(err)
	}
	ids, err := st.s.VisibleAgencies(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	var want int64
	for _, id := range ids {
		rows, err := st.s.YearTable(context.Background(), id, 2024)
		if err != nil {
			t.Fatal(err)
		}
		want += rows["new"][report.NumCols-1].Val()
	}
	if want == 0 {
		t.Fatal("demo district has no applications in 2024")
	}
	m := regexp.MustCompile(`一、本年新收政府信息公开申请数量</td>(?:<td[^>]*>[^<]*</td>)*?<td[^>]*>(\d+)</td></tr>`).FindStringSubmatch(body)
	if m == nil || m[1] != fmt.Sprint(want) {
		t.Errorf("summed 本年新收 总计 = %v, want %d", m, want)
	}
	if code, body := st.get(sup, "/admin/rollup/file?year=2024&format=xlsx"); code != 200 || !strings.HasPrefix(body, "PK") {
		t.Errorf("xlsx download: %d", code)
	}
	clerk, _ := st.login("clerk")
	if code, _ := st.get(clerk, "/admin/rollup?year=2024"); code != http.StatusForbidden {
		t.Errorf("clerk sees the rollup: %d", code)
	}
}

// The head of the office submits (报送) the saved report; a report with errors
// cannot be submitted, and a change after submitting is shown.
func TestReportSubmit(t *testing.T) {
	st := newSite(t, storetest.SQLite(t))
	head, hcsrf := st.login("head")
	_, body := st.get(head, "/admin/reports?year=2024")
	if !strings.Contains(body, "已报送（李主任，2025-01-22") || !strings.Contains(body, "重新报送") {
		t.Fatal("the demo's submitted report does not say so")
	}
	clerk, ccsrf := st.login("clerk")
	if code, _, _ := st.post(clerk, "/admin/reports/2024/submit", url.Values{"csrf": {ccsrf}}); code != http.StatusForbidden {
		t.Errorf("a clerk submits: %d", code)
	}
	if _, body := st.get(clerk, "/admin/reports?year=2024"); strings.Contains(body, "/admin/reports/2024/submit") {
		t.Error("the clerk is offered the submit button")
	}
	if code, body, _ := st.post(head, "/admin/reports/2024/submit", url.Values{"csrf": {hcsrf}}); code != 200 || !strings.Contains(body, "已报送。") {
		t.Errorf("resubmit: %d", code)
	}
	// a year never saved cannot be submitted
	if code, body, _ := st.post(head, "/admin/reports/2025/submit", url.Values{"csrf": {hcsrf}}); code != 422 || !strings.Contains(body, "请先保存报告") {
		t.Errorf("unsaved year: %d", code)
	}
	// the clerk saves a wrong figure: the head sees the change and cannot submit
	st.s.Now = func() time.Time { return time.Date(2026, 11, 24, 5, 0, 0, 0, time.UTC) }
	_, page := st.get(clerk, "/admin/reports?year=2024")
	form := url.Values{"csrf": {ccsrf}, "section1": {"2024年概况。"}, "section5": {"问题。"}, "section6": {"无。"}}
	for _, m := range regexp.MustCompile(`name="((?:proactive|appeals)\.[a-z_.]+)" value="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		form.Set(m[1], m[2])
	}
	form.Set("appeals.review.upheld", "2") // total stays 0: T4.SUM
	if code, _, _ := st.post(clerk, "/admin/reports/2024", form); code != 200 {
		t.Fatalf("save: %d", code)
	}
	_, body = st.get(head, "/admin/reports?year=2024")
	if !strings.Contains(body, "报送后又有修改") || !strings.Contains(body, "有错误的报告不能报送") {
		t.Error("the change after submitting or the block is not shown")
	}
	if code, _, _ := st.post(head, "/admin/reports/2024/submit", url.Values{"csrf": {hcsrf}}); code != 422 {
		t.Errorf("a report with errors was submitted: %d", code)
	}
}

// A supervisor's 工作台 names the agency of each case and counts the overdue
// applications per agency; the count links to exactly those cases.
func TestSupervisorDashboard(t *testing.T) {
	st := newSite(t, storetest.SQLite(t))
	sup, _ := st.login("district")
	_, body := st.get(sup, "/admin/")
	if !strings.Contains(body, "各机关超期未答复") {
		t.Fatal("no per-agency overdue section")
	}
	m := regexp.MustCompile(`<td>([^<]+)</td><td><a href="/admin/cases\?agency=(\d+)&amp;overdue=1">(\d+)</a>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no agency is overdue in the demo, or the row is malformed")
	}
	id, _ := strconv.ParseInt(m[2], 10, 64)
	today := workday.FromTime(time.Date(2026, 11, 24, 2, 0, 0, 0, time.UTC))
	_, want, err := st.s.ListCases(context.Background(), store.CaseFilter{AgencyIDs: []int64{id}, OverdueOn: &today, Limit: 1})
	if err != nil || m[3] != strconv.Itoa(want) {
		t.Errorf("%s: %s overdue shown, store says %d (%v)", m[1], m[3], want, err)
	}
	_, list := st.get(sup, "/admin/cases?agency="+m[2]+"&overdue=1")
	caseLink := regexp.MustCompile(`href="/admin/cases/\d+"`)
	if got := len(caseLink.FindAllString(list, -1)); got != min(want, 50) {
		t.Errorf("list of %s's overdue cases has %d rows, want %d", m[1], got, want)
	}
	if m := regexp.MustCompile(`三个工作日内到期（(\d+)）</h2>\s*(<p class="muted">没有。)?`).FindStringSubmatch(body); m == nil || (m[1] == "0") != (m[2] != "") {
		t.Errorf("due-soon count disagrees with its rows: %v", m)
	}
	if !strings.Contains(body, "<th>机关</th><th>申请编号</th>") {
		t.Error("the supervisor's case rows do not name the agency")
	}
	// a clerk sees only the own agency: no such section, and another agency's id filters to nothing
	clerk, _ := st.login("clerk")
	if _, body := st.get(clerk, "/admin/"); strings.Contains(body, "各机关超期未答复") {
		t.Error("clerk sees the per-agency section")
	}
	if _, list := st.get(clerk, "/admin/cases?agency="+m[2]); m[1] != "卫滨区教育体育和文化旅游局" && caseLink.MatchString(list) {
		t.Error("a clerk lists another agency's cases via ?agency=")
	}
}
