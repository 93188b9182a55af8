package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"maps"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/textproto"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/clock"
	"gongkai/internal/demo"
	"gongkai/internal/mail"
	"gongkai/internal/mail/mailtest"
	"gongkai/internal/office"
	"gongkai/internal/ops"
	"gongkai/internal/report"
	"gongkai/internal/server"
	"gongkai/internal/settings"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
	"gongkai/internal/testdoc"
	"gongkai/internal/workday"
)

// now is the site's fixed clock: Tuesday 2026-11-24, 10:00 Beijing time.
var now = time.Date(2026, 11, 24, 2, 0, 0, 0, time.UTC)

type site struct {
	t   testing.TB
	srv *httptest.Server
	s   *store.Store
	b   *server.Server
}

// newSite serves the demo as `serve --demo` does, on a fixed clock.
func newSite(t testing.TB, s *store.Store) *site {
	return newSiteAt(t, s, clock.At(now))
}

func newSiteAt(t testing.TB, s *store.Store, clk clock.Clock) *site {
	return serveSite(t, s, clk, true)
}

// serveSite serves s on clk, seeding the demo into it first if asked.
func serveSite(t testing.TB, s *store.Store, clk clock.Clock, seed bool) *site {
	s.Clock = clk
	b, err := server.New(server.Options{Store: s, Clock: clk, Calendar: workday.Default()})
	if err != nil {
		t.Fatal(err)
	}
	if seed {
		if _, err := demo.Seed(context.Background(), b.Ops); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(b.Handler)
	t.Cleanup(srv.Close)
	return &site{t: t, srv: srv, s: s, b: b}
}

// TestMain removes the seeded demo's file after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	storetest.RemoveSeeded()
	os.Exit(code)
}

// demoSite is newSite on SQLite: the demo as `serve --demo` has it, in a
// database of the test's own (a copy of one seeded once: most of this
// package's tests start from the same demo).
func demoSite(t testing.TB) *site {
	s := storetest.Seeded(t, clock.At(now), seedDemo)
	return serveSite(t, s, clock.At(now), false)
}

// demoSiteAt is demoSite on clk: the demo seeded at now, served on clk
// (for tests of the hour or of a moving clock, which need no demo of their
// own day).
func demoSiteAt(t testing.TB, clk clock.Clock) *site {
	return serveSite(t, storetest.Seeded(t, clk, seedDemo), clk, false)
}

// seedDemo seeds the demo as `serve --demo` does, at now whatever clock
// the store was opened with (the seeded file is one for the package's
// tests, whichever asks first).
func seedDemo(s *store.Store) error {
	s.Clock = clock.At(now)
	b, err := server.New(server.Options{Store: s, Clock: clock.At(now), Calendar: workday.Default()})
	if err == nil {
		_, err = demo.Seed(context.Background(), b.Ops)
	}
	return err
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

// follow posts and, after a redirect, gets the page it points to.
func (st *site) follow(c *http.Client, path string, form url.Values) (int, string) {
	code, body, loc := st.post(c, path, form)
	if code == http.StatusSeeOther {
		return st.get(c, loc)
	}
	return code, body
}

// upload posts a form with one file as a browser sends it: the fields, the
// file under "file"; it returns the status, the redirect and the page.
func (st *site) upload(c *http.Client, path string, fields map[string]string, name string, data []byte) (int, string, string) {
	st.t.Helper()
	return st.uploadFiles(c, path, fields, "file", upFile{name, data})
}

// upFile is one file of a form.
type upFile struct {
	name string
	data []byte
}

// uploadFiles posts a form with files under one field (an input with
// multiple), as a browser sends it.
func (st *site) uploadFiles(c *http.Client, path string, fields map[string]string, field string, files ...upFile) (int, string, string) {
	st.t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		_ = mw.WriteField(k, v)
	}
	for _, f := range files {
		fw, _ := mw.CreateFormFile(field, f.name)
		_, _ = fw.Write(f.data)
	}
	_ = mw.Close()
	req, _ := http.NewRequest("POST", st.srv.URL+path, &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", st.srv.URL)
	resp, err := c.Do(req)
	if err != nil {
		st.t.Fatal(err)
	}
	defer resp.Body.Close()
	page, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(page)
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
	rows, _, _ := st.s.ListCases(context.Background(), casework.Filter{AgencyIDs: []int64{ag.ID}, Limit: 500})
	var ids []int64
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	return ids
}

func mustAgency(st *site, name string) int64 {
	ag, err := st.s.AgencyByName(context.Background(), name)
	if err != nil {
		st.t.Fatal(err)
	}
	return ag.ID
}

var intakeForm = func(csrf string) url.Values {
	return url.Values{"csrf": {csrf}, "channel": {"in_person"}, "received_on": {"2026-11-24"}, "applicant_type": {"natural"},
		"name": {"钱某"}, "id_type": {"身份证"}, "id_number": {"11010519491231002X"}, "phone": {"13912345678"}, "email": {"qian@example.cn"},
		"description": {"本区养老机构名录"}, "form": {"电子"}, "delivery": {"电子邮件"}}
}

func TestBackOffice(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		st := newSite(t, s)
		anon := st.browser()
		if code, _ := st.get(anon, "/admin/"); code != http.StatusSeeOther {
			t.Errorf("anonymous /admin/: %d", code)
		}
		c, csrf := st.login("clerk")
		code, body := st.get(c, "/admin/")
		for _, want := range []string{"今日新收", "已超期", "逾期 2 个工作日", "待申请人补正", "待申请人缴费", "本周到期"} {
			if code != 200 || !strings.Contains(body, want) {
				t.Errorf("dashboard %d lacks %q", code, want)
			}
		}
		if strings.Contains(body, "剩余工作日") || regexp.MustCompile(`逾期 \d{3,} 个工作日`).MatchString(body) {
			t.Error("the demo aged: cases hundreds of working days late")
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
		// the district office (supervisor) sees the case, with personal data masked, and no next steps
		sup, _ := st.login("district")
		code, body = st.get(sup, fmt.Sprintf("/admin/cases/%d", other))
		if code != 200 || regexp.MustCompile(`138\d{8}`).MatchString(body) || strings.Contains(body, "下一步") {
			t.Errorf("supervisor view: %d", code)
		}
		// every problem of a registration at once, each by its field, the values kept
		form := intakeForm(csrf)
		form.Set("email", "not-an-address")
		form.Set("description", "")
		code, body, _ = st.post(c, "/admin/cases", form)
		if code != 422 || !strings.Contains(body, "电子邮箱“not-an-address”不对") || !strings.Contains(body, "请填写所需政府信息") || !strings.Contains(body, `value="钱某"`) {
			t.Errorf("validation: %d", code)
		}
		// a wrong check digit is registered, flagged, with 补正 first (条例 Art. 30)
		form = intakeForm(csrf)
		form.Set("id_number", "110105194912310021")
		code, _, loc := st.post(c, "/admin/cases", form)
		if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/admin/cases/") {
			t.Fatalf("create: %d %s", code, loc)
		}
		loc = strings.SplitN(loc, "?", 2)[0]
		code, body = st.get(c, loc)
		if code != 200 || !strings.Contains(body, "申请内容需补正") || !strings.Contains(body, "校验码不对") ||
			strings.Index(body, `id="step-request_correction"`) > strings.Index(body, `id="step-decide"`) {
			t.Errorf("defective case page: %d", code)
		}
		// a clerk cannot extend: refused with the reason, what was typed kept, nothing recorded
		code, body, _ = st.post(c, loc+"/steps", url.Values{"csrf": {csrf}, "kind": {"extend"}, "on": {"2026-11-24"}, "note": {"需调取档案"}})
		if code != 409 || !strings.Contains(body, "负责人") || !strings.Contains(body, "需调取档案") {
			t.Errorf("extension by a clerk: %d", code)
		}
		// a decision is previewed first, recorded only when confirmed
		decide := url.Values{"csrf": {csrf}, "kind": {"decide"}, "on": {"2026-11-24"}, "outcome": {"disclosed"}}
		code, body, _ = st.post(c, loc+"/steps", decide)
		if code != 200 || !strings.Contains(body, "确认作出答复") || !strings.Contains(body, "（确认后编号）") {
			t.Fatalf("preview: %d", code)
		}
		if _, page := st.get(c, loc); strings.Contains(page, "已办结") {
			t.Fatal("the preview recorded the decision")
		}
		decide.Set("confirmed", "1")
		if code, _, _ = st.post(c, loc+"/steps", decide); code != http.StatusSeeOther {
			t.Fatalf("decide: %d", code)
		}
		_, body = st.get(c, loc)
		if !strings.Contains(body, "已办结") || !strings.Contains(body, "letters/2") {
			t.Errorf("after decision")
		}
		resp, err := c.Get(st.srv.URL + loc + "/letters/2?format=docx")
		if err != nil || resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), url.PathEscape("卫教体依公〔2026〕")) {
			t.Errorf("letter file name: %v %v", err, resp.Header.Get("Content-Disposition"))
		}
		resp.Body.Close()
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

// Undo: the head of the office withdraws the last step with a reason; the
// history keeps both, and a clerk is not offered it.
func TestUndoStep(t *testing.T) {
	st := demoSite(t)
	c, csrf := st.login("clerk")
	_, loc := mustCreate(st, c, csrf)
	if code, _, _ := st.post(c, loc+"/steps", url.Values{"csrf": {csrf}, "kind": {"consult"}, "on": {"2026-11-24"}, "party": {"某公司"}}); code != http.StatusSeeOther {
		t.Fatal(code)
	}
	// a clerk cannot undo, only propose the undo to the head
	if _, body := st.get(c, loc); !strings.Contains(body, `id="step-undo"`) || strings.Contains(body, `name="undoes" value="2"><label>撤销原因<textarea name="note" rows="2" maxlength="2000"></textarea></label>
<p class="hint">更正误登记：原记录保留，标注撤销</p>
<label>拟办意见（提请负责人审批时写给负责人）<textarea name="proposal_note" rows="2" maxlength="2000"></textarea></label>
<button>确认</button>`) {
		t.Error("a clerk is offered the undo itself, or not its proposal")
	}
	head, hcsrf := st.login("head")
	if code, body, _ := st.post(head, loc+"/steps", url.Values{"csrf": {hcsrf}, "kind": {"undo"}, "on": {"2026-11-24"}, "undoes": {"2"}}); code != 422 || !strings.Contains(body, "请写明撤销的原因") {
		t.Errorf("undo without a reason: %d", code)
	}
	if code, _, _ := st.post(head, loc+"/steps", url.Values{"csrf": {hcsrf}, "kind": {"undo"}, "on": {"2026-11-24"}, "undoes": {"2"}, "note": {"误登记"}}); code != http.StatusSeeOther {
		t.Fatalf("undo: %d", code)
	}
	_, body := st.get(head, loc)
	if !strings.Contains(body, "已撤销") || !strings.Contains(body, "误登记") || !strings.Contains(body, "办理中") {
		t.Error("the undone step is not kept in the history")
	}
}

func mustCreate(st *site, c *http.Client, csrf string) (int64, string) {
	code, _, loc := st.post(c, "/admin/cases", intakeForm(csrf))
	if code != http.StatusSeeOther {
		st.t.Fatalf("create: %d", code)
	}
	loc = strings.SplitN(loc, "?", 2)[0]
	id, _ := strconv.ParseInt(strings.TrimPrefix(loc, "/admin/cases/"), 10, 64)
	return id, loc
}

func TestPublicApplication(t *testing.T) {
	st := demoSite(t)
	v := st.browser()
	code, body := st.get(v, "/")
	if code != 200 || !strings.Contains(body, "卫滨区教育体育和文化旅游局") {
		t.Fatalf("home %d", code)
	}
	if _, body := st.get(v, "/?q="+url.QueryEscape("财政")); !strings.Contains(body, "卫滨区财政局") || strings.Contains(body, "卫滨区教育体育和文化旅游局") {
		t.Error("agency search")
	}
	ag := mustAgency(st, demo.Main)
	code, body = st.get(v, fmt.Sprintf("/guide/%d", ag))
	if code != 200 || !strings.Contains(body, "0373-0000000") || !strings.Contains(body, "第三十三条") {
		t.Errorf("guide %d", code)
	}
	path := fmt.Sprintf("/apply/%d", ag)
	_, body = st.get(v, path)
	if !strings.Contains(body, "申请政府信息公开") || strings.Contains(body, "登记申请") || strings.Contains(body, `name="channel"`) {
		t.Errorf("the public form is not the public form")
	}
	// every problem at once, each beside its field
	form := url.Values{"csrf": {token(body)}, "applicant_type": {"natural"}, "name": {strings.Repeat("名", 101)}, "id_type": {"身份证"},
		"id_number": {"1101051949123100"}, "phone": {"call me"}, "email": {"x@"}, "address": {""}, "description": {""}, "form": {"纸质"}, "delivery": {"邮寄"}}
	code, body, _ = st.post(v, path, form)
	for _, want := range []string{"应为 18 位", "姓名或名称太长", "电话“call me”不对", "电子邮箱“x@”不对", "请填写通信地址", "请填写所需政府信息"} {
		if code != 422 || !strings.Contains(body, want) {
			t.Errorf("validation %d lacks %q", code, want)
		}
	}
	form = url.Values{"csrf": {form.Get("csrf")}, "applicant_type": {"natural"}, "name": {"孙某"}, "id_type": {"身份证"}, "id_number": {"11010519491231002X"},
		"phone": {"13700000000"}, "email": {"sun@example.cn"}, "address": {"卫滨区某路2号"}, "description": {"2026年本区中小学学区划分方案"}, "form": {"电子"}, "delivery": {"电子邮件"}}
	code, body, _ = st.post(v, path, form)
	if code != 200 || !strings.Contains(body, "请核对申请内容") || !strings.Contains(body, "110105********002X") || !strings.Contains(body, "sun@example.cn") || !strings.Contains(body, "卫滨区某路2号") {
		t.Fatalf("confirm step: %d", code)
	}
	form.Set("submission", regexp.MustCompile(`name="submission" value="([0-9a-f]{32})"`).FindStringSubmatch(body)[1])
	// a double tap: two posts of the same confirmation create one case
	_, _, loc1 := st.post(v, path+"/confirm", form)
	code, _, loc2 := st.post(v, path+"/confirm", form)
	if code != http.StatusSeeOther || loc1 != loc2 || !strings.HasPrefix(loc1, "/receipt/") {
		t.Fatalf("confirm: %d %s %s", code, loc1, loc2)
	}
	code, body = st.get(v, loc1)
	m := regexp.MustCompile(`class="code" translate="no">([A-Z0-9]+)<`).FindStringSubmatch(body)
	if code != 200 || m == nil || !strings.Contains(body, "2026年11月24日") {
		t.Fatalf("receipt: %d\n%s", code, body)
	}
	// its 接收回执 to keep, as a PDF
	if !strings.Contains(body, `href="/status/receipt?code=`+m[1]+`&amp;format=pdf"`) {
		t.Error("the receipt page offers no 接收回执")
	} else if code, pdf := st.get(st.browser(), "/status/receipt?code="+m[1]+"&format=pdf"); code != 200 || !strings.HasPrefix(pdf, "%PDF-") {
		t.Errorf("the 接收回执 PDF: %d", code)
	}
	if n := strings.Count(strings.Join(casesOf(st, ag), ","), "孙某"); n != 1 {
		t.Errorf("%d cases registered", n)
	}
	code, body = st.get(st.browser(), "/status?code="+strings.ToLower(m[1]))
	if code != 200 || !strings.Contains(body, "办理中") || !strings.Contains(body, demo.Main) || strings.Contains(body, "孙某") || strings.Contains(body, "13700000000") {
		t.Errorf("status: %d", code)
	}
	// the code as people type it: full width (a Chinese input method), in
	// groups with spaces or dashes
	wide := strings.Map(func(r rune) rune {
		if r < 0x80 {
			return r - '!' + '！'
		}
		return r
	}, m[1])
	for _, typed := range []string{wide, m[1][:4] + " " + m[1][4:7] + "-" + m[1][7:]} {
		if code, body := st.get(st.browser(), "/status?code="+url.QueryEscape(typed)); code != 200 || !strings.Contains(body, "办理中") {
			t.Errorf("status for %q: %d", typed, code)
		}
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

func casesOf(st *site, agencyID int64) []string {
	rows, _, _ := st.s.ListCases(context.Background(), casework.Filter{AgencyIDs: []int64{agencyID}, Limit: 500})
	var out []string
	for _, r := range rows {
		out = append(out, r.ApplicantName)
	}
	return out
}

// codesByState is a 查询码 of the main demo agency's applications in each state.
func codesByState(t *testing.T, st *site) map[casework.State]string {
	rows, _, err := st.s.ListCases(context.Background(), casework.Filter{AgencyIDs: []int64{mustAgency(st, demo.Main)}, Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	codes := map[casework.State]string{}
	for _, r := range rows {
		c, err := st.s.GetCase(context.Background(), r.ID)
		if err != nil {
			t.Fatal(err)
		}
		codes[r.State] = c.Code
	}
	return codes
}

// The status page of an application awaiting payment shows the amount and
// the period; one awaiting 补正 says what and by when; a decided one offers
// its reply letter once the agency has issued it.
func TestStatusPage(t *testing.T) {
	st := demoSite(t)
	codes := codesByState(t, st)
	_, body := st.get(st.browser(), "/status?code="+codes[casework.AwaitingPayment])
	if !strings.Contains(body, "待缴费") || !strings.Contains(body, "5100 元") || !strings.Contains(body, "缴费期限至") {
		t.Errorf("awaiting payment:\n%s", body)
	}
	_, body = st.get(st.browser(), "/status?code="+codes[casework.AwaitingCorrection])
	if !strings.Contains(body, "请明确所需信息的学段和年份") || !strings.Contains(body, "前提交补正后的申请") {
		t.Errorf("awaiting correction:\n%s", body)
	}
	// how the date came about, the consulted party left unnamed (Art. 32)
	_, body = st.get(st.browser(), "/status?code="+codes[casework.Consulting])
	if !strings.Contains(body, "答复期限是怎样计算的") || !strings.Contains(body, "起征求第三方意见，期限暂停") || !strings.Contains(body, "暂停计算，恢复计算后还剩") || strings.Contains(body, "某培训学校") {
		t.Errorf("consulting:\n%s", body)
	}
	closed := codes[casework.Closed]
	_, body = st.get(st.browser(), "/status?code="+closed)
	if strings.Contains(body, "/status/letters/") {
		t.Error("a letter not yet issued is offered")
	}
	// the clerk issues the reply; then the applicant can download it
	c, _ := st.login("clerk")
	cs, _ := st.s.CaseByCode(context.Background(), closed)
	if code, _ := st.get(c, fmt.Sprintf("/admin/cases/%d/letters/%d", cs.ID, len(cs.Events))); code != 200 {
		t.Fatal(code)
	}
	_, body = st.get(st.browser(), "/status?code="+closed)
	m := regexp.MustCompile(`href="(/status/letters/\d+\?code=[A-Z0-9]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no letter to download:\n%s", body)
	}
	if code, body := st.get(st.browser(), m[1]); code != 200 || !strings.Contains(body, "政府信息公开申请答复书") {
		t.Errorf("letter download: %d", code)
	}
}

// Wrong 查询码 are throttled per address, whether guessed on the status page
// or through a document it offers (a letter, the receipt) or the online
// receipt page: each answers
// whether a code exists. A right code with a letter that is not there is
// no guess.
func TestStatusThrottle(t *testing.T) {
	st := demoSite(t)
	v := st.browser()
	right := codesByState(t, st)[casework.Processing]
	for i := range 30 {
		path := []string{"/status?code=WRONG%05d", "/status/receipt?code=WRONG%05d", "/status/letters/2?code=WRONG%05d", "/receipt/WRONG%05d"}[i%4]
		if code, _ := st.get(v, fmt.Sprintf(path, i)); code != 404 {
			t.Fatalf("guess %d (%s): %d", i, path, code)
		}
		if i == 0 {
			if code, _ := st.get(v, "/status/letters/99?code="+right); code != 404 {
				t.Fatalf("a letter not there: %d", code)
			}
		}
	}
	for _, path := range []string{"/status?code=WRONG99999", "/status/receipt?code=WRONG99999", "/status/letters/2?code=WRONG99999", "/receipt/WRONG99999"} {
		if code, _ := st.get(v, path); code != 429 {
			t.Errorf("%s after 30 wrong codes: %d", path, code)
		}
	}
}

func TestLoginThrottle(t *testing.T) {
	st := demoSite(t)
	c := st.browser()
	_, body := st.get(c, "/login")
	tok := token(body)
	for i := 0; i < 5; i++ {
		if code, _, _ := st.post(c, "/login", url.Values{"csrf": {tok}, "login": {"clerk"}, "password": {"wrong-password"}}); code != 401 {
			t.Fatalf("attempt %d: %d", i, code)
		}
	}
	code, body, _ := st.post(c, "/login", url.Values{"csrf": {tok}, "login": {"clerk"}, "password": {demo.Password}})
	if code != 429 || !strings.Contains(body, "登录失败次数过多") {
		t.Errorf("after five failures: %d", code)
	}
	// the colleague behind the same address is not locked out
	if _, body := st.get(st.browser(), "/login"); body == "" {
		t.Fatal("login page")
	}
	other := st.browser()
	_, body = st.get(other, "/login")
	if code, _, _ := st.post(other, "/login", url.Values{"csrf": {token(body)}, "login": {"head"}, "password": {demo.Password}}); code != http.StatusSeeOther {
		t.Errorf("colleague: %d", code)
	}
}

// The report page: the seed's report with its findings; a wrong cell saved is
// marked where it is; the documents download.
func TestReportPage(t *testing.T) {
	st := demoSite(t)
	c, csrf := st.login("clerk")
	code, body := st.get(c, "/admin/reports?year=2024")
	if code != 200 || !strings.Contains(body, "今年我单位未收到政府信息公开申请") || strings.Count(body, "TXT.LATIN") != 2 || !strings.Contains(body, "错误 0 项") ||
		!strings.Contains(body, "中文中混入英文") {
		t.Fatalf("seed report page: %d", code)
	}
	// the seed's report is published: a change is a correction, with its reason
	form := url.Values{"csrf": {csrf}, "section1": {"2024年，我局未收到政府信息公开申请。"}, "section5": {"一是问题。"}, "section6": {"未收取信息处理费。"},
		"base": {formBase(t, body)}}
	if code, body, _ := st.post(c, "/admin/reports/2024", form); code != 422 || !strings.Contains(body, "请写明更正原因") ||
		!strings.Contains(body, ">2024年，我局未收到政府信息公开申请。</textarea>") || !strings.Contains(body, "尚未保存的修改") {
		t.Errorf("a correction without a reason: %d (or what was typed is not shown)", code)
	}
	form.Set("reason", "表四数字核对有误")
	for _, m := range regexp.MustCompile(`name="((?:proactive|appeals)\.[a-z_.]+)" value="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		form.Set(m[1], m[2])
	}
	form.Set("appeals.review.upheld", "2") // total stays 0: T4.SUM
	code, body = st.follow(c, "/admin/reports/2024", form)
	if code != 200 || !strings.Contains(body, "已保存。") || !strings.Contains(body, "T4.SUM") || !strings.Contains(body, `class="bad" title="表四合计不符`) {
		t.Errorf("save with a wrong cell: %d", code)
	}
	if !strings.Contains(body, `value="2"`) || !strings.Contains(body, "我局未收到政府信息公开申请。") {
		t.Error("saved values not shown")
	}
	if strings.Contains(body, `aria-label="proactive.`) || !strings.Contains(body, `aria-label="行政复议 结果维持"`) {
		t.Error("form labels are not Chinese")
	}
	// the district office checks the report of the bureau below it, without editing it
	sup, _ := st.login("district")
	ag := mustAgency(st, demo.Main)
	if code, body := st.get(sup, fmt.Sprintf("/admin/reports?year=2024&agency=%d", ag)); code != 200 || !strings.Contains(body, "T4.SUM") || strings.Contains(body, "保存并检查") {
		t.Errorf("supervisor's view: %d", code)
	}
	if code, _ := st.get(sup, fmt.Sprintf("/admin/reports?year=2024&agency=%d", mustAgency(st, "红旗区教育局"))); code != 404 {
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
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		st := newSite(t, s)
		clerk, _ := st.login("clerk")
		for _, p := range []string{"/admin/users", "/admin/agencies", "/admin/calendar", "/admin/audit", "/admin/settings"} {
			if code, _ := st.get(clerk, p); code != 403 {
				t.Errorf("clerk %s: %d", p, code)
			}
		}
		adm, csrf := st.login("admin")
		ag := mustAgency(st, "卫滨区财政局")
		form := url.Values{"csrf": {csrf}, "agency": {fmt.Sprint(ag)}, "login": {"newclerk"}, "name": {"新办理人"}, "role": {"clerk"}, "password": {"short"}}
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
		// the new user signs in, changes their password, and must sign in again
		c := st.browser()
		_, body := st.get(c, "/login")
		if code, _, _ := st.post(c, "/login", url.Values{"csrf": {token(body)}, "login": {"newclerk"}, "password": {"a-good-password"}}); code != http.StatusSeeOther {
			t.Errorf("new user login: %d", code)
		}
		_, body = st.get(c, "/admin/password")
		ctok := token(body)
		// their own address for the reminders: a wrong one is said at the field and kept
		if code, body, _ := st.post(c, "/admin/email", url.Values{"csrf": {ctok}, "email": {"xin@example"}}); code != 422 ||
			!strings.Contains(body, "不是电子邮箱地址") || !strings.Contains(body, `value="xin@example"`) {
			t.Errorf("a wrong address: %d", code)
		}
		if code, _, loc := st.post(c, "/admin/email", url.Values{"csrf": {ctok}, "email": {"xin＠example.gov.cn"}}); code != http.StatusSeeOther || loc != "/admin/password?ok=saved" {
			t.Errorf("own address: %d %s", code, loc)
		}
		if _, body := st.get(c, "/admin/password"); !strings.Contains(body, `value="xin@example.gov.cn"`) || !strings.Contains(body, "到期提醒邮件") {
			t.Errorf("the account page does not show the address")
		}
		// the administrator sees it in the list and can change it
		if _, body := st.get(adm, "/admin/users"); !strings.Contains(body, "<summary>xin@example.gov.cn</summary>") {
			t.Errorf("the users page does not show the address")
		}
		nu, _, err := s.UserByLogin(context.Background(), "newclerk")
		if err != nil {
			t.Fatal(err)
		}
		if code, _, _ := st.post(adm, fmt.Sprintf("/admin/users/%d", nu.ID), url.Values{"csrf": {csrf}, "do": {"email"}, "email": {""}}); code != http.StatusSeeOther {
			t.Errorf("clear the address: %d", code)
		}
		if row, err := s.User(context.Background(), nu.ID); err != nil || row.Email != "" {
			t.Errorf("after clearing: %q %v", row.Email, err)
		}
		if code, body, _ := st.post(c, "/admin/password", url.Values{"csrf": {ctok}, "old": {"wrong"}, "password": {"another-good-one"}, "again": {"different"}}); code != 422 ||
			!strings.Contains(body, "原密码不对") || !strings.Contains(body, "两次输入的新密码不一致") {
			t.Errorf("change password, wrong: %d", code)
		}
		if code, _, loc := st.post(c, "/admin/password", url.Values{"csrf": {ctok}, "old": {"a-good-password"}, "password": {"another-good-one"}, "again": {"another-good-one"}}); code != http.StatusSeeOther || loc != "/login" {
			t.Errorf("change password: %d %s", code, loc)
		}
		// the administrator disables the user: they cannot sign in
		u, _, err := s.UserByLogin(context.Background(), "newclerk")
		if err != nil {
			t.Fatal(err)
		}
		if code, _, _ := st.post(adm, fmt.Sprintf("/admin/users/%d", u.ID), url.Values{"csrf": {csrf}, "do": {"disable"}}); code != http.StatusSeeOther {
			t.Errorf("disable: %d", code)
		}
		c = st.browser()
		_, body = st.get(c, "/login")
		if code, _, _ := st.post(c, "/login", url.Values{"csrf": {token(body)}, "login": {"newclerk"}, "password": {"another-good-one"}}); code != 401 {
			t.Errorf("disabled user signed in: %d", code)
		}
		// the agency's 指南 details
		up := url.Values{"csrf": {csrf}, "name": {"卫滨区财政局"}, "review_organ": {"新乡市卫滨区人民政府"}, "letter_prefix": {"卫财依公"},
			"address": {"卫滨区和平路1号"}, "phone": {"0373-1111111"}, "hours": {"工作日"}, "email": {"cz@example.gov.cn"}, "fax": {"0373-2222222"}}
		if code, _, _ := st.post(adm, fmt.Sprintf("/admin/agencies/%d", ag), up); code != http.StatusSeeOther {
			t.Errorf("save agency: %d", code)
		}
		if _, body := st.get(st.browser(), fmt.Sprintf("/guide/%d", ag)); !strings.Contains(body, "卫滨区和平路1号") || !strings.Contains(body, "0373-2222222") {
			t.Error("guide does not show the new address and fax")
		}
		// the agency's own 申请须知, a paragraph a line, above the online form and in the 指南
		up.Set("apply_note", "本局掌握财政预算、决算信息。\r\n\r\n税收信息请向税务机关申请。")
		if code, _, _ := st.post(adm, fmt.Sprintf("/admin/agencies/%d", ag), up); code != http.StatusSeeOther {
			t.Errorf("save agency with its 申请须知: %d", code)
		}
		const note = "<p>本局掌握财政预算、决算信息。</p><p>税收信息请向税务机关申请。</p>"
		if _, body := st.get(st.browser(), fmt.Sprintf("/apply/%d", ag)); !strings.Contains(body, "<h2>申请须知</h2>"+note) {
			t.Error("the online form does not show the 申请须知")
		}
		if _, body := st.get(st.browser(), fmt.Sprintf("/guide/%d", ag)); !strings.Contains(body, "<h3>本机关申请须知</h3>"+note) {
			t.Error("the 指南 does not show the 申请须知")
		}
		up.Set("apply_note", strings.Repeat("长", 2001))
		if code, body, _ := st.post(adm, fmt.Sprintf("/admin/agencies/%d", ag), up); code != 422 || !strings.Contains(body, "申请须知太长（2001 字），最多 2000 字") {
			t.Errorf("a 申请须知 too long: %d", code)
		}
		up.Del("apply_note")
		// the 索引号 pattern typed with Chinese parts, stored as the
		// program's; one it cannot read refused at its field; the rule
		// that keeps an application to its 承办人
		up.Set("index_pattern", "｛机构代码｝-{年}-{流水号：4}")
		up.Set("handler_only", "1")
		if code, _, _ := st.post(adm, fmt.Sprintf("/admin/agencies/%d", ag), up); code != http.StatusSeeOther {
			t.Errorf("save agency with a pattern: %d", code)
		}
		if a, err := st.s.GetAgency(context.Background(), ag); err != nil || a.IndexPattern != "{code}-{year}-{serial:4}" || !a.HandlerOnly {
			t.Errorf("stored: %v %q %v", err, a.IndexPattern, a.HandlerOnly)
		}
		if _, body := st.get(adm, "/admin/agencies"); !strings.Contains(body, `value="{机构代码}-{年}-{流水号:4}"`) || !strings.Contains(body, `name="handler_only" value="1" checked`) {
			t.Error("the agency page does not show the pattern in Chinese, or the rule")
		}
		up.Set("index_pattern", "{机构代码}-{部门}")
		if code, body, _ := st.post(adm, fmt.Sprintf("/admin/agencies/%d", ag), up); code != 422 || !strings.Contains(body, "“{部门}”不认识") {
			t.Errorf("a pattern with an unknown part: %d", code)
		}
		// the 档号 form: typed with full-width braces, one without its 件号 refused at its field
		up.Del("index_pattern")
		up.Set("archive_pattern", "J012-WS·｛年｝-D10-｛件号：4｝")
		if code, _, _ := st.post(adm, fmt.Sprintf("/admin/agencies/%d", ag), up); code != http.StatusSeeOther {
			t.Errorf("save agency with a 档号 form: %d", code)
		}
		if a, _ := st.s.GetAgency(context.Background(), ag); a.ArchivePattern != "J012-WS·{年}-D10-{件号:4}" {
			t.Errorf("stored 档号 form: %q", a.ArchivePattern)
		}
		up.Set("archive_pattern", "J012-WS·{年}-D10")
		if code, body, _ := st.post(adm, fmt.Sprintf("/admin/agencies/%d", ag), up); code != 422 || !strings.Contains(body, "一个 {件号:N}") {
			t.Errorf("a 档号 form without its 件号: %d", code)
		}
		up.Del("archive_pattern")
		up.Del("index_pattern")
		up.Del("handler_only")
		if code, _, _ := st.post(adm, fmt.Sprintf("/admin/agencies/%d", ag), up); code != http.StatusSeeOther {
			t.Errorf("save agency back: %d", code)
		}
		if a, _ := st.s.GetAgency(context.Background(), ag); a.IndexPattern != "" || a.HandlerOnly {
			t.Errorf("not cleared: %q %v", a.IndexPattern, a.HandlerOnly)
		}
		// a new agency below the district: said at its field when wrong, listed when added
		district := mustAgency(st, "新乡市卫滨区人民政府")
		add := url.Values{"csrf": {csrf}, "parent": {fmt.Sprint(district)}, "name": {"卫滨区文化馆"}, "level": {"county_department"},
			"review_organ": {"新乡市卫滨区人民政府"}, "letter_prefix": {"卫文馆依公"}}
		if code, _, loc := st.post(adm, "/admin/agencies", add); code != http.StatusSeeOther || loc != "/admin/agencies?ok=created" {
			t.Errorf("add agency: %d %s", code, loc)
		}
		if a, err := st.s.AgencyByName(context.Background(), "卫滨区文化馆"); err != nil || a.ParentID == nil || *a.ParentID != district || a.LetterPrefix != "卫文馆依公" {
			t.Errorf("added: %v %+v", err, a)
		}
		if code, body, _ := st.post(adm, "/admin/agencies", add); code != 422 || !strings.Contains(body, "已有名为“卫滨区文化馆”的机关") || !strings.Contains(body, `value="卫滨区文化馆"`) {
			t.Errorf("added twice: %d", code)
		}
		add.Set("name", "卫滨区图书馆")
		add.Set("level", "museum")
		if code, body, _ := st.post(adm, "/admin/agencies", add); code != 422 || !strings.Contains(body, "机关级别不对") {
			t.Errorf("a level that is none: %d", code)
		}
		// the rules where the law is open: changed on a page, audited
		_, body = st.get(adm, "/admin/settings")
		if !strings.Contains(body, "补正期限（工作日）") || !strings.Contains(body, "法释〔2025〕8号") {
			t.Error("settings page")
		}
		sf := url.Values{"csrf": {csrf}, "correction_period": {"10"}, "consult_days": {"15"}, "organ_consult_days": {"0"}, "payment_days": {"20"},
			"fee_pauses_clock": {"true"}, "review_first": {"state_secret", "third_party"}, "non_litigable_remedy": {"standard"}, "unit_of_count": {"application"},
			"mass_request_days": {"20"}, "appeal_counting": {"filed"}, "newmedia_stale_days": {"14"}, "column_stale_days": {"14"},
			"column_notice_months": {"6"}, "column_veto_count": {"5"}, "catalog_reviews": {"3"}, "idle_minutes": {"30"}, "password_rule": {"length"}, "password_max_days": {"0"},
			"expiry_notice_days": {"90"}}
		if code, _, _ := st.post(adm, "/admin/settings", sf); code != http.StatusSeeOther {
			t.Errorf("save settings: %d", code)
		}
		sf.Set("payment_days", "-3")
		if code, body, _ := st.post(adm, "/admin/settings", sf); code != 422 || !strings.Contains(body, "缴费期限（工作日）应为") {
			t.Errorf("bad setting: %d", code)
		}
		// the audit log shows what happened, in Chinese
		sup, _ := st.login("district")
		if _, body := st.get(sup, "/admin/audit"); !strings.Contains(body, "<td>修改机关设置</td>") || strings.Contains(body, "<td>agency.update</td>") {
			t.Error("audit log lacks the agency update, or shows the action id")
		}
	})
}

// Static assets: embedded, cached, compressed.
func TestStaticAssets(t *testing.T) {
	st := demoSite(t)
	code, body := st.get(st.browser(), "/static/htmx-2.0.11.min.js")
	if code != 200 || !strings.Contains(body, "htmx") {
		t.Errorf("htmx: %d", code)
	}
	req, _ := http.NewRequest("GET", st.srv.URL+"/static/htmx-2.0.11.min.js", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.Header.Get("Content-Encoding") != "gzip" || len(b) > 25000 || !strings.Contains(resp.Header.Get("Cache-Control"), "max-age") {
		t.Errorf("htmx served %d bytes, %q, %q", len(b), resp.Header.Get("Content-Encoding"), resp.Header.Get("Cache-Control"))
	}
}

// An unknown address is a Chinese page with the navigation, not Go's text.
func TestNotFoundPage(t *testing.T) {
	st := demoSite(t)
	code, body := st.get(st.browser(), "/no/such/page")
	if code != 404 || strings.Contains(body, "404 page not found") || !strings.Contains(body, "没有这个页面") || !strings.Contains(body, `href="/status"`) {
		t.Errorf("404: %d %s", code, body)
	}
}

func TestAttachments(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		st := newSite(t, s)
		c, csrf := st.login("clerk")
		id := caseIDs(st, demo.Main)[0]
		upload := func(client *http.Client, tok, name, content string) (int, string) {
			var b strings.Builder
			mw := multipart.NewWriter(&b)
			mw.WriteField("csrf", tok)
			disposition := fmt.Sprintf(`form-data; name="file"; filename="%s"`, strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(name))
			if encoded, ok := strings.CutPrefix(name, "*"); ok { // RFC 2231, as a browser may send a name
				disposition = `form-data; name="file"; filename*=UTF-8''` + encoded
			}
			fw, _ := mw.CreatePart(textproto.MIMEHeader{"Content-Disposition": {disposition}, "Content-Type": {"application/octet-stream"}})
			fw.Write([]byte(content))
			mw.Close()
			req, _ := http.NewRequest("POST", fmt.Sprintf("%s/admin/cases/%d/attachments", st.srv.URL, id), strings.NewReader(b.String()))
			req.Header.Set("Content-Type", mw.FormDataContentType())
			req.Header.Set("Origin", st.srv.URL)
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			return resp.StatusCode, string(body)
		}
		if code, _ := upload(c, csrf, `..\..\检索记录.txt`, "已检索档案室 2019—2025 年全部文件，未发现所需信息。"); code != http.StatusSeeOther {
			t.Fatalf("upload: %d", code)
		}
		// a name PostgreSQL cannot hold (it failed there with 500)
		for _, name := range []string{"*%E8%AE%B0%00.txt", "*%E8%AE%B0%FF.txt", "记录\xff.txt"} {
			if code, body := upload(c, csrf, name, "内容"); code != http.StatusBadRequest || !strings.Contains(body, "文件名中有无法识别的字符") {
				t.Errorf("%q: %d %s", name, code, body)
			}
		}
		if code, body := upload(c, csrf, "virus.exe", "MZ"); code != 422 || !strings.Contains(body, "只能上传") {
			t.Errorf("exe: %d", code)
		}
		if code, body := upload(c, csrf, "scan.pdf", "MZ this is not a PDF"); code != 422 || !strings.Contains(body, "内容与扩展名.pdf不符") {
			t.Errorf("content not matching its extension: %d", code)
		}
		_, page := st.get(c, fmt.Sprintf("/admin/cases/%d", id))
		m := regexp.MustCompile(`href="(/admin/cases/\d+/attachments/\d+)">检索记录.txt<`).FindStringSubmatch(page)
		if m == nil {
			t.Fatal("attachment not listed under its own name")
		}
		if code, body := st.get(c, m[1]); code != 200 || !strings.Contains(body, "未发现所需信息") {
			t.Errorf("download: %d", code)
		}
		other, _ := st.login("finance")
		if code, _ := st.get(other, m[1]); code != 404 {
			t.Errorf("another agency downloads it: %d", code)
		}
		sup, scsrf := st.login("district")
		if code, _ := upload(sup, scsrf, "a.txt", "x"); code != 403 {
			t.Errorf("a supervisor uploaded: %d", code)
		}
		// taken out as uploaded by mistake: a reason at the form, then the line struck through, the file gone
		if _, body := st.get(sup, fmt.Sprintf("/admin/cases/%d", id)); strings.Contains(body, m[1]+"/remove") {
			t.Error("a supervisor is offered to remove it")
		}
		if !strings.Contains(page, `action="`+m[1]+`/remove"`) {
			t.Fatal("no form to remove it")
		}
		if code, body, _ := st.post(c, m[1]+"/remove", url.Values{"csrf": {csrf}, "reason": {""}}); code != 422 || !strings.Contains(section(body, `id="files"`), "请写明删除的原因") {
			t.Errorf("no reason: %d", code)
		}
		if code, _, _ := st.post(sup, m[1]+"/remove", url.Values{"csrf": {scsrf}, "reason": {"误传"}}); code != 403 {
			t.Errorf("a supervisor removed it: %d", code)
		}
		if code, _, to := st.post(c, m[1]+"/remove", url.Values{"csrf": {csrf}, "reason": {"误传了其他申请的材料"}}); code != http.StatusSeeOther || !strings.Contains(to, "ok=detached") {
			t.Fatalf("remove: %d %s", code, to)
		}
		_, page = st.get(c, fmt.Sprintf("/admin/cases/%d", id))
		files := section(page, `id="files"`)
		if !strings.Contains(files, "<s>检索记录.txt</s>") || !strings.Contains(files, "删除，原因：误传了其他申请的材料") || strings.Contains(files, `href="`+m[1]+`"`) {
			t.Errorf("the page's files:\n%s", files)
		}
		if code, _ := st.get(c, m[1]); code != 404 {
			t.Errorf("a removed file is served: %d", code)
		}
		if rec := caseRecord(t, st, c, fmt.Sprintf("/admin/cases/%d", id)); !strings.Contains(rec, "删除的误传附件") || !strings.Contains(rec, "误传了其他申请的材料") || strings.Contains(rec, "附件：检索记录.txt") {
			t.Errorf("the 案卷's record:\n%s", rec)
		}
	})
}

// A clerk records a 复议 about one of the agency's applications; once records
// exist, 表四 of the report is counted from them and no longer typed.
func TestAppealsPages(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		st := newSite(t, s)
		c, csrf := st.login("finance")
		ids := caseIDs(st, "卫滨区财政局")
		if len(ids) == 0 {
			t.Fatal("demo agency has no cases")
		}
		cs, _ := s.GetCase(context.Background(), ids[0])
		if _, body := st.get(c, fmt.Sprintf("/admin/cases/%d", cs.ID)); !strings.Contains(body, "/admin/appeals?case="+cs.Serial) {
			t.Fatal("case page has no link to record an appeal")
		}
		if _, body := st.get(c, "/admin/reports?year=2025"); !strings.Contains(body, `name="appeals.review.pending"`) {
			t.Fatal("表四 not editable without records")
		}
		form := url.Values{"csrf": {csrf}, "case": {cs.Serial}, "kind": {"review"}, "number": {"卫政复〔2025〕7号"},
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
		form.Set("case", "1999-9999")
		if code, body, _ := st.post(c, "/admin/appeals", form); code != 422 || !strings.Contains(body, "本机关没有申请编号为") {
			t.Errorf("unknown case: %d", code)
		}
		_, body = st.get(c, fmt.Sprintf("/admin/cases/%d", cs.ID))
		if !strings.Contains(body, "卫政复〔2025〕7号") || !strings.Contains(body, "尚未审结") {
			t.Error("case page does not list the appeal")
		}
		_, body = st.get(c, "/admin/reports?year=2025")
		if strings.Contains(body, `name="appeals.review.pending"`) || !strings.Contains(body, "复议、诉讼记录</a>自动计算") {
			t.Error("表四 still typed after records exist")
		}
		recs, _ := s.Appeals(context.Background(), mustAgency(st, "卫滨区财政局"), 0)
		if len(recs) != 1 {
			t.Fatalf("%d records", len(recs))
		}
		path := fmt.Sprintf("/admin/appeals/%d", recs[0].ID)
		edit := url.Values{"csrf": {csrf}, "kind": {"review"}, "number": {"卫政复〔2025〕7号"}, "body": {"新乡市卫滨区人民政府"}, "applicant": {"张三"},
			"case": {cs.Serial}, "filed_on": {"2025-06-03"}, "concluded_on": {"2025-01-01"}, "result": {"upheld"}}
		if code, body, _ := st.post(c, path, edit); code != 422 || !strings.Contains(body, "审结日期早于") {
			t.Errorf("conclusion before filing: %d", code)
		}
		// the refused edit shows what was typed in the record's own form,
		// not in the form that records a new one
		_, body = st.get(c, "/admin/appeals")
		seen := regexp.MustCompile(`name="seen" value="([0-9a-f]+)"`).FindStringSubmatch(body)
		if seen == nil {
			t.Fatal("the edit form carries no fingerprint")
		}
		edit.Set("seen", seen[1])
		edit.Set("note", "复议机关已受理")
		_, body, _ = st.post(c, path, edit)
		if i, j := strings.Index(body, `action="`+path+`"`), strings.Index(body, `action="/admin/appeals"`); i < 0 || j < 0 ||
			!strings.Contains(body[i:j], `value="复议机关已受理"`) || !strings.Contains(body[i:j], `value="2025-01-01"`) || strings.Contains(body[j:], "复议机关已受理") {
			t.Errorf("the refused edit does not show what was typed in its own form")
		}
		// two people on one record: the first save lands, the second, from
		// a form opened before it, is refused with the difference and what
		// was typed, and lands when sent again from what it shows
		other := url.Values{}
		for k, v := range edit {
			other[k] = v
		}
		other.Set("concluded_on", "2025-08-01")
		other.Set("note", "")
		if code, _, _ := st.post(c, path, other); code != http.StatusSeeOther {
			t.Fatalf("conclude: %d", code)
		}
		edit.Set("concluded_on", "2025-09-01")
		edit.Set("result", "corrected")
		code, body, _ = st.post(c, path, edit)
		if code != http.StatusConflict || !strings.Contains(body, "它已被他人修改") || !strings.Contains(body, "结果 结果维持 → 结果纠正") ||
			!strings.Contains(body, "审结日期 2025-08-01 → 2025-09-01") {
			t.Fatalf("a save over another's: %d", code)
		}
		if recs, _ := s.Appeals(context.Background(), mustAgency(st, "卫滨区财政局"), 0); recs[0].Result != "upheld" {
			t.Fatalf("written over: %+v", recs[0])
		}
		again := regexp.MustCompile(`name="seen" value="([0-9a-f]+)"`).FindStringSubmatch(body)
		if again == nil || again[1] == seen[1] || !strings.Contains(body, `value="2025-09-01"`) {
			t.Fatal("the refusal does not show the record as it is now with what was typed")
		}
		edit.Set("seen", again[1])
		edit.Set("concluded_on", "2025-08-01")
		edit.Set("result", "upheld")
		if code, _, _ := st.post(c, path, edit); code != http.StatusSeeOther {
			t.Errorf("saved again from what the refusal showed: %d", code)
		}
		edu, ecsrf := st.login("clerk")
		edit.Set("csrf", ecsrf)
		if code, _, _ := st.post(edu, path, edit); code != 404 {
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

// The district office sees every agency of the district with where its report
// stands, and the sum of their tables; a clerk does not.
func TestRollup(t *testing.T) {
	st := demoSite(t)
	sup, _ := st.login("district")
	code, body := st.get(sup, "/admin/rollup?year=2024")
	if code != 200 {
		t.Fatalf("rollup: %d", code)
	}
	for _, want := range []string{demo.Main, "卫滨区财政局", "卫滨区平原镇人民政府", "逾期未报", "已报送", "汇总表"} {
		if !strings.Contains(body, want) {
			t.Errorf("rollup lacks %q", want)
		}
	}
	// the seed report was saved and submitted in Beijing time
	if !regexp.MustCompile(`(?s)卫滨区教育体育和文化旅游局</td>.*?已报送（李主任，2025-01-22 10:00）</td>\s*<td>0</td><td>\d+</td>`).MatchString(body) || !strings.Contains(body, "<td>—</td>") {
		t.Error("rollup row of the saved seed report lacks its check counts, or drafts are checked")
	}
	if strings.Contains(body, "红旗区教育局") {
		t.Error("the district office sees another district's agency")
	}
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
	checkRollupDownloads(t, st, sup)
	clerk, _ := st.login("clerk")
	if code, _ := st.get(clerk, "/admin/rollup?year=2024"); code != http.StatusForbidden {
		t.Errorf("clerk sees the rollup: %d", code)
	}
}

// The head of the office submits (报送) the saved report, confirming it; a
// report with errors cannot be submitted, and a change after submitting is shown.
func TestReportSubmit(t *testing.T) {
	st := demoSite(t)
	head, hcsrf := st.login("head")
	_, body := st.get(head, "/admin/reports?year=2024")
	if !strings.Contains(body, "已报送（李主任，2025-01-22 10:00）") || !strings.Contains(body, "重新报送") {
		t.Fatal("the demo's submitted report does not say so")
	}
	clerk, ccsrf := st.login("clerk")
	if code, _, _ := st.post(clerk, "/admin/reports/2024/submit", url.Values{"csrf": {ccsrf}, "confirm": {"1"}}); code != http.StatusForbidden {
		t.Errorf("a clerk submits: %d", code)
	}
	if _, body := st.get(clerk, "/admin/reports?year=2024"); strings.Contains(body, "/admin/reports/2024/submit") {
		t.Error("the clerk is offered the submit button")
	}
	if code, _, _ := st.post(head, "/admin/reports/2024/submit", url.Values{"csrf": {hcsrf}}); code != 422 {
		t.Errorf("submit without confirming: %d", code)
	}
	_, body = st.get(head, "/admin/reports?year=2024")
	if code, body := st.follow(head, "/admin/reports/2024/submit", url.Values{"csrf": {hcsrf}, "confirm": {"1"}, "version": {shownVersion(t, body)}}); code != 200 || !strings.Contains(body, "已报送。") {
		t.Errorf("resubmit: %d", code)
	}
	if code, body, _ := st.post(head, "/admin/reports/2025/submit", url.Values{"csrf": {hcsrf}, "confirm": {"1"}}); code != 422 || !strings.Contains(body, "请先保存报告") {
		t.Errorf("unsaved year: %d", code)
	}
	// the clerk saves a wrong figure a little later: the head sees the change and cannot submit
	st.b.Ops.Clock = clock.At(now.Add(3 * time.Hour))
	st.s.Clock = st.b.Ops.Clock
	// three hours unused: both sign in again
	head, hcsrf = st.login("head")
	clerk, ccsrf = st.login("clerk")
	_, page := st.get(clerk, "/admin/reports?year=2024")
	form := url.Values{"csrf": {ccsrf}, "section1": {"2024年概况。"}, "section5": {"问题。"}, "section6": {"无。"}, "reason": {"更正表四"}, "base": {formBase(t, page)}}
	for _, m := range regexp.MustCompile(`name="((?:proactive|appeals)\.[a-z_.]+)" value="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		form.Set(m[1], m[2])
	}
	form.Set("appeals.review.upheld", "2")
	if code, _, _ := st.post(clerk, "/admin/reports/2024", form); code != http.StatusSeeOther {
		t.Fatalf("save: %d", code)
	}
	_, body = st.get(head, "/admin/reports?year=2024")
	if !strings.Contains(body, "报送后又有修改") || !strings.Contains(body, "有错误的报告不能报送") {
		t.Error("the change after submitting or the block is not shown")
	}
	if code, _, _ := st.post(head, "/admin/reports/2024/submit", url.Values{"csrf": {hcsrf}, "confirm": {"1"}}); code != 422 {
		t.Errorf("a report with errors was submitted: %d", code)
	}
}

// formBase is the version a report page's edit form was opened at.
func formBase(t *testing.T, page string) string {
	t.Helper()
	m := regexp.MustCompile(`name="base" value="(\d+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the report page's form does not carry its version")
	}
	return m[1]
}

// shownVersion is the report version a report page's 审定, 发布 or 报送 form
// carries.
func shownVersion(t *testing.T, page string) string {
	t.Helper()
	m := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the report page has no form carrying its version")
	}
	return m[1]
}

// The head approves, and the clerk publishes, the version their page showed:
// when the report was saved again in between, the button is refused with the
// newer version shown, and nothing changes until it is pressed on that one.
func TestReportApprovedAsShown(t *testing.T) {
	st := demoSite(t)
	clerk, ccsrf := st.login("clerk")
	head, hcsrf := st.login("head")
	save := func(reason string) {
		t.Helper()
		_, page := st.get(clerk, "/admin/reports?year=2024")
		form := url.Values{"csrf": {ccsrf}, "section1": {"2024年概况。"}, "section5": {"问题。"}, "section6": {"本年度未收取信息处理费。"}, "reason": {reason}, "base": {formBase(t, page)}}
		for _, m := range regexp.MustCompile(`name="((?:proactive|appeals)\.[a-z_.]+)" value="([^"]*)"`).FindAllStringSubmatch(page, -1) {
			form.Set(m[1], m[2])
		}
		if code, _, _ := st.post(clerk, "/admin/reports/2024", form); code != http.StatusSeeOther {
			t.Fatalf("save: %d", code)
		}
	}
	save("更正概况")
	_, page := st.get(head, "/admin/reports?year=2024")
	if !strings.Contains(page, `action="/admin/reports/2024/approve"`) {
		t.Fatal("the head is not offered 审定 of the checked report")
	}
	seen := shownVersion(t, page)
	save("再次更正概况") // while the head reads
	code, body, _ := st.post(head, "/admin/reports/2024/approve", url.Values{"csrf": {hcsrf}, "version": {seen}})
	n, _ := strconv.Atoi(seen)
	if code != http.StatusConflict || !strings.Contains(body, fmt.Sprintf("报告在您打开之后又保存过（现为第 %d 版）", n+1)) {
		t.Fatalf("approving version %s after a save: %d", seen, code)
	}
	if shownVersion(t, body) != strconv.Itoa(n+1) {
		t.Error("the refusal does not show the newer version to approve")
	}
	if code, body, _ := st.post(head, "/admin/reports/2024/approve", url.Values{"csrf": {hcsrf}}); code != http.StatusConflict || !strings.Contains(body, "请刷新报告页面") {
		t.Errorf("approving without saying which version: %d", code)
	}
	if _, page := st.get(clerk, "/admin/reports?year=2024"); strings.Contains(page, `action="/admin/reports/2024/publish"`) {
		t.Error("the refused approval approved the report")
	}
	if code, _, _ := st.post(head, "/admin/reports/2024/approve", url.Values{"csrf": {hcsrf}, "version": {strconv.Itoa(n + 1)}}); code != http.StatusSeeOther {
		t.Fatalf("approving the version shown: %d", code)
	}
	_, page = st.get(clerk, "/admin/reports?year=2024")
	if !strings.Contains(page, "李主任于") || shownVersion(t, page) != strconv.Itoa(n+1) {
		t.Fatal("the approval is not shown")
	}
	if code, body := st.follow(clerk, "/admin/reports/2024/publish", url.Values{"csrf": {ccsrf}, "version": {strconv.Itoa(n + 1)}}); code != 200 || !strings.Contains(body, "公开目录中的报告") {
		t.Errorf("publishing the approved version: %d", code)
	}
}

// A save from a page opened before someone else's save is refused (409)
// with the page holding the newer version plus what this person typed, and
// naming what both changed; nothing is lost or written over unseen.
func TestReportSavedByTwo(t *testing.T) {
	st := demoSite(t)
	clerk, ccsrf := st.login("clerk")
	head, hcsrf := st.login("head")
	_, page := st.get(clerk, "/admin/reports?year=2024")
	base := formBase(t, page)
	form := func(csrf, s1, s5 string) url.Values {
		f := url.Values{"csrf": {csrf}, "section1": {s1}, "section5": {s5}, "section6": {"本年度未收取信息处理费。"}, "reason": {"更正"}, "base": {base}}
		for _, m := range regexp.MustCompile(`name="((?:proactive|appeals)\.[a-z_.]+)" value="([^"]*)"`).FindAllStringSubmatch(page, -1) {
			f.Set(m[1], m[2])
		}
		return f
	}
	if code, _, _ := st.post(clerk, "/admin/reports/2024", form(ccsrf, "概况，办理人改写。", "问题。")); code != http.StatusSeeOther {
		t.Fatalf("the first save: %d", code)
	}
	late := form(hcsrf, "概况，负责人改写。", "问题，负责人补充。")
	code, body, _ := st.post(head, "/admin/reports/2024", late)
	if code != http.StatusConflict || !strings.Contains(body, "尚未保存的修改") || !strings.Contains(body, "已放在张办理刚保存的新一版上") ||
		!strings.Contains(body, "双方都改了的地方") || !strings.Contains(body, "概况，办理人改写。") || !strings.Contains(body, ">问题，负责人补充。</textarea>") ||
		!strings.Contains(body, ">概况，负责人改写。</textarea>") {
		t.Fatalf("the second save from the same page: %d", code)
	}
	n, _ := strconv.Atoi(base)
	if formBase(t, body) != strconv.Itoa(n+1) {
		t.Errorf("the refused page's form is not of the newer version: %s", formBase(t, body))
	}
	if _, now := st.get(clerk, "/admin/reports?year=2024"); strings.Contains(now, "负责人") {
		t.Error("the refused save was written")
	}
	late.Set("base", formBase(t, body))
	if code, body := st.follow(head, "/admin/reports/2024", late); code != 200 || !strings.Contains(body, "已保存。") || !strings.Contains(body, ">问题，负责人补充。</textarea>") {
		t.Errorf("saving again from the newer version: %d", code)
	}
}

// A correction of an application's registration saved from a form opened
// before someone else's is merged with it when it changes other fields; when
// it changes the same field otherwise it is refused (409) with what was typed
// kept over the other's changes, saying how it differs from what is stored;
// sent again from that page it is saved.
func TestEditIntakeFromWhatWasShown(t *testing.T) {
	st := demoSite(t)
	clerk, ccsrf := st.login("clerk")
	head, hcsrf := st.login("head")
	id := caseIDs(st, demo.Main)[0]
	action := fmt.Sprintf("/admin/cases/%d/edit", id)
	_, page := st.get(clerk, action)
	mine := formFields(page, action)
	if mine.Get("seen") == "" || mine.Get("name") == "" {
		t.Fatalf("the edit form: %v", mine)
	}
	theirs := formFields(page, action)
	theirs.Set("csrf", hcsrf)
	theirs.Set("address", "示例区人民路 2 号")
	if code, _, _ := st.post(head, action, theirs); code != http.StatusSeeOther {
		t.Fatalf("the first correction: %d", code)
	}
	mine.Set("csrf", ccsrf)
	stale := formFields(page, action)
	stale.Set("csrf", ccsrf)
	mine.Set("email", "wang@example.cn")
	if code, body := st.follow(clerk, action, mine); code != 200 || !strings.Contains(body, "wang@example.cn") || !strings.Contains(body, "示例区人民路 2 号") {
		t.Fatalf("a correction of another field from the page opened before: %d", code)
	}
	stale.Set("address", "示例区人民路 3 号")
	code, body, _ := st.post(clerk, action, stale)
	if code != http.StatusConflict || !strings.Contains(body, "已被他人更正") || !strings.Contains(body, "通信地址：示例区人民路 2 号 → 示例区人民路 3 号") ||
		!strings.Contains(body, `value="wang@example.cn"`) {
		t.Fatalf("a correction of the same field from the page opened before: %d", code)
	}
	again := formFields(body, action)
	if again.Get("seen") == stale.Get("seen") {
		t.Fatal("the refused page's form still carries the old registration's mark")
	}
	if code, body := st.follow(clerk, action, again); code != 200 || !strings.Contains(body, "wang@example.cn") || !strings.Contains(body, "示例区人民路 3 号") {
		t.Errorf("saved from the refused page: %d %s", code, errorsOf(body))
	}
}

// A supervisor's 工作台 starts with a summary per agency and counts the overdue
// applications; the count links to exactly those cases; lists name the agency.
func TestSupervisorDashboard(t *testing.T) {
	st := demoSite(t)
	sup, _ := st.login("district")
	_, body := st.get(sup, "/admin/")
	if !strings.Contains(body, "各机关概况") || strings.Index(body, "各机关概况") > strings.Index(body, "已超期（") {
		t.Fatal("no per-agency summary first")
	}
	m := regexp.MustCompile(`<td>([^<]+)</td><td><a href="/admin/cases\?agency=(\d+)">\d+</a></td><td><a href="/admin/cases\?agency=\d+&amp;overdue=1"><strong class="bad">(\d+)</strong>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no agency is overdue in the demo, or the row is malformed")
	}
	id, _ := strconv.ParseInt(m[2], 10, 64)
	today := workday.NewDate(2026, 11, 24)
	_, want, err := st.s.ListCases(context.Background(), casework.Filter{AgencyIDs: []int64{id}, OverdueOn: &today, Limit: 1})
	if err != nil || m[3] != strconv.Itoa(want) {
		t.Errorf("%s: %s overdue shown, store says %d (%v)", m[1], m[3], want, err)
	}
	_, list := st.get(sup, "/admin/cases?agency="+m[2]+"&overdue=1")
	caseLink := regexp.MustCompile(`href="/admin/cases/\d+"`)
	if got := len(caseLink.FindAllString(list, -1)); got != min(want, 50) {
		t.Errorf("list of %s's overdue cases has %d rows, want %d", m[1], got, want)
	}
	if !strings.Contains(list, "<th>机关</th><th>申请编号</th>") || !strings.Contains(list, `<select name="agency">`) {
		t.Error("the supervisor's list has no 机关 column or filter")
	}
	clerk, _ := st.login("clerk")
	if _, body := st.get(clerk, "/admin/"); strings.Contains(body, "各机关概况") {
		t.Error("clerk sees the per-agency section")
	}
	if _, list := st.get(clerk, "/admin/cases?agency="+m[2]); m[1] != demo.Main && caseLink.MatchString(list) {
		t.Error("a clerk lists another agency's cases via ?agency=")
	}
}

// The clock is the deployment's (Beijing), whatever the machine's zone and
// whatever the hour: a case registered in the morning in Beijing — the
// evening before in UTC — walks register → 补正 → received → decide through
// the web forms, each step dated with the date the form pre-fills; the
// operation log shows Beijing time (issue 9).
func TestAnyHour(t *testing.T) {
	for _, zone := range []string{"UTC", "Asia/Shanghai"} {
		for _, hm := range []string{"23:30", "07:30"} {
			t.Run(zone+" "+hm, func(t *testing.T) {
				machine, err := time.LoadLocation(zone)
				if err != nil {
					t.Fatal(err)
				}
				saved := time.Local
				time.Local = machine
				defer func() { time.Local = saved }()
				bj, _ := time.ParseInLocation("2006-01-02 15:04", "2026-11-30 "+hm, clock.Shanghai())
				st := demoSiteAt(t, clock.At(bj))
				c, csrf := st.login("clerk")
				_, page := st.get(c, "/admin/cases/new")
				prefilled := regexp.MustCompile(`name="received_on" value="([0-9-]+)"`).FindStringSubmatch(page)
				if prefilled == nil || prefilled[1] != "2026-11-30" {
					t.Fatalf("the intake form pre-fills %v, want the Beijing date 2026-11-30", prefilled)
				}
				form := intakeForm(csrf)
				form.Set("received_on", prefilled[1])
				code, _, loc := st.post(c, "/admin/cases", form)
				if code != http.StatusSeeOther {
					t.Fatalf("register: %d", code)
				}
				loc = strings.SplitN(loc, "?", 2)[0]
				for _, step := range []url.Values{
					{"kind": {"request_correction"}, "note": {"请明确学段"}},
					{"kind": {"correction_received"}},
					{"kind": {"decide"}, "outcome": {"disclosed"}, "confirmed": {"1"}},
				} {
					_, page := st.get(c, loc)
					on := regexp.MustCompile(`id="step-` + step.Get("kind") + `"(?s:.*?)name="on" value="([0-9-]+)"`).FindStringSubmatch(page)
					if on == nil || on[1] != "2026-11-30" {
						t.Fatalf("%s form pre-fills %v", step.Get("kind"), on)
					}
					step.Set("csrf", csrf)
					step.Set("on", on[1])
					if code, body, _ := st.post(c, loc+"/steps", step); code != http.StatusSeeOther {
						t.Fatalf("%s refused: %d\n%s", step.Get("kind"), code, regexp.MustCompile(`class="err"[^>]*>[^<]*`).FindString(body))
					}
				}
				if _, page := st.get(c, loc); !strings.Contains(page, "已办结") || !strings.Contains(page, "2026-11-30 "+hm) {
					t.Errorf("case not closed, or its history not in Beijing time")
				}
				sup, _ := st.login("district")
				if _, page := st.get(sup, "/admin/audit"); !strings.Contains(page, "2026-11-30 "+hm) {
					t.Errorf("the audit log does not show Beijing time %s", hm)
				}
				// and through the API: registered and consulted today, in Beijing
				key, err := st.b.Ops.CreateAPIKey(context.Background(), ops.Operator(mustAgency(st, demo.Main), "测试"), mustAgency(st, demo.Main), "测试", casework.Clerk)
				if err != nil {
					t.Fatal(err)
				}
				api := func(path, body string) (int, string) {
					req, _ := http.NewRequest("POST", st.srv.URL+path, strings.NewReader(body))
					req.Header.Set("Authorization", "Bearer "+key)
					resp, err := http.DefaultClient.Do(req)
					if err != nil {
						t.Fatal(err)
					}
					defer resp.Body.Close()
					b, _ := io.ReadAll(resp.Body)
					return resp.StatusCode, string(b)
				}
				code, body := api("/api/v1/cases", `{"channel":"online","confirmed_on":"2026-11-30","applicant":{"type":"natural","name":"王某","id_type":"身份证",`+
					`"id_number":"11010519491231002X","email":"w@example.cn"},"request":{"description":"学区","form":"电子","delivery":"电子邮件"}}`)
				id := regexp.MustCompile(`"id":(\d+)`).FindStringSubmatch(body)
				if code != 201 || id == nil {
					t.Fatalf("API register today: %d %s", code, body)
				}
				if code, body := api("/api/v1/cases/"+id[1]+"/steps", `{"kind":"consult","on":"2026-11-30","party":"某公司"}`); code != 200 {
					t.Errorf("API step today: %d %s", code, body)
				}
			})
		}
	}
}

// Every back-office route: anonymous visitors are sent to the login page, a
// POST without the session's form token is refused, and another agency's
// resources are not found.
func TestEveryAdminRoute(t *testing.T) {
	st := demoSite(t)
	mine := caseIDs(st, demo.Main)[0]
	theirs := caseIDs(st, "卫滨区财政局")[0]
	routes := []struct{ method, path string }{
		{"GET", "/admin/"}, {"GET", "/admin/cases"}, {"GET", "/admin/cases/new"}, {"POST", "/admin/cases"},
		{"GET", "/admin/cases/%d"}, {"POST", "/admin/cases/%d/steps"}, {"POST", "/admin/cases/%d/preview"}, {"GET", "/admin/cases/%d/letters/1"},
		{"GET", "/admin/cases/%d/edit"}, {"POST", "/admin/cases/%d/edit"},
		{"GET", "/admin/reports"}, {"POST", "/admin/reports/2024"}, {"GET", "/admin/reports/2024/file?format=txt"}, {"POST", "/admin/reports/2024/submit"},
		{"GET", "/admin/users"}, {"POST", "/admin/users"}, {"POST", "/admin/users/1"}, {"GET", "/admin/agencies"}, {"POST", "/admin/agencies/1"},
		{"GET", "/admin/calendar"}, {"POST", "/admin/calendar"}, {"GET", "/admin/settings"}, {"POST", "/admin/settings"},
		{"GET", "/admin/audit"}, {"POST", "/logout"}, {"GET", "/admin/password"}, {"POST", "/admin/password"},
		{"POST", "/admin/cases/%d/attachments"}, {"GET", "/admin/cases/%d/attachments/1"},
		{"GET", "/admin/appeals"}, {"POST", "/admin/appeals"}, {"POST", "/admin/appeals/1"},
		{"GET", "/admin/rollup"}, {"GET", "/admin/rollup/file?year=2024&format=xlsx"},
	}
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

// Finding 2 of the hardening review: a name the public typed as a formula
// reaches the clerk's CSV and XLSX export as text.
func TestExportNeutralisesFormulas(t *testing.T) {
	st := demoSite(t)
	v := st.browser()
	ag := mustAgency(st, demo.Main)
	path := fmt.Sprintf("/apply/%d", ag)
	_, body := st.get(v, path)
	evil := `=HYPERLINK("http://evil.example","x")`
	form := url.Values{"csrf": {token(body)}, "applicant_type": {"natural"}, "name": {evil}, "id_type": {"身份证"}, "id_number": {"11010519491231002X"},
		"phone": {"13700000000"}, "email": {"a@example.cn"}, "address": {"@SUM(1,2)"}, "description": {"+1+1 学区划分"}, "form": {"电子"}, "delivery": {"电子邮件"}}
	_, body, _ = st.post(v, path, form)
	m := regexp.MustCompile(`name="submission" value="([0-9a-f]{32})"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no confirmation step:\n%s", body)
	}
	form.Set("submission", m[1])
	if code, _, _ := st.post(v, path+"/confirm", form); code != http.StatusSeeOther {
		t.Fatalf("confirm: %d", code)
	}
	c, _ := st.login("clerk")
	code, csv := st.get(c, "/admin/cases?format=csv")
	if code != 200 || !strings.Contains(csv, `"'=HYPERLINK(""http://evil.example"",""x"")"`) || strings.Contains(csv, `,"=HYPERLINK`) || strings.Contains(csv, ",+1+1") {
		t.Errorf("CSV export: %d\n%s", code, csv[:min(len(csv), 600)])
	}
	code, x := st.get(c, "/admin/cases?format=xlsx")
	f, err := excelize.OpenReader(strings.NewReader(x))
	if code != 200 || err != nil {
		t.Fatalf("xlsx: %d %v", code, err)
	}
	rows, _ := f.GetRows(f.GetSheetName(0))
	found := false
	for _, r := range rows {
		for _, cell := range r {
			if strings.Contains(cell, "HYPERLINK") {
				found = true
				if !strings.HasPrefix(cell, "'") {
					t.Errorf("XLSX cell %q", cell)
				}
			}
		}
	}
	if !found {
		t.Error("the application is not in the XLSX export")
	}
}

// The 报告汇总 of a big area lists its agencies a page at a time and by state.
func TestRollupFilterAndPages(t *testing.T) {
	st := demoSite(t)
	c, _ := st.login("city")
	_, all := st.get(c, "/admin/rollup?year=2025")
	m := regexp.MustCompile(`共 (\d+) 个</p>`).FindStringSubmatch(all)
	if m == nil {
		t.Fatalf("no count on the rollup page")
	}
	_, late := st.get(c, "/admin/rollup?year=2025&show=late")
	_, done := st.get(c, "/admin/rollup?year=2025&show=submitted")
	nl := regexp.MustCompile(`共 (\d+) 个</p>`).FindStringSubmatch(late)
	nd := regexp.MustCompile(`共 (\d+) 个</p>`).FindStringSubmatch(done)
	if nl == nil || nd == nil {
		t.Fatal("filtered pages without their count")
	}
	a, l, d := atoi(m[1]), atoi(nl[1]), atoi(nd[1])
	if l+d > a || l == 0 || strings.Count(done, "逾期未报</strong>") > 0 {
		t.Errorf("all %d, late %d, submitted %d", a, l, d)
	}
	if _, p := st.get(c, "/admin/rollup?year=2025&page=99"); !strings.Contains(p, "年度报告汇总") {
		t.Error("a page beyond the last")
	}
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// A clerk imports a register through the back office: the preview streams
// the rows checked and lists each problem by row and column, writes nothing
// of the rows, and the confirmation imports the good ones from the staged file
// (which cannot be confirmed twice).
func TestWebImport(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		st := newSite(t, s)
		c, csrf := st.login("clerk")
		ag := mustAgency(st, demo.Main)
		before := len(casesOf(st, ag))
		csv := "收到日期,申请方式,申请人类型,申请人,申请内容,联系电话\n" +
			"2026-03-02,当面,自然人,导入甲,学区划分方案,13800000001\n" +
			"2026-13-40,当面,自然人,导入乙,招生计划,13800000002\n" +
			"2026-03-04,网上,企业,导入丙公司,收费文件,13800000003\n"
		_, _, body := st.upload(c, "/admin/import", map[string]string{"csrf": csrf, "kind": "cases"}, "台账.csv", []byte(csv))
		for _, want := range []string{"导入预览", "检查：2 / 2 行", "2 行可以导入，1 处问题", "第 3 行 A 列（收到日期）", "确认导入", "只导入没有问题的 2 行"} {
			if !strings.Contains(body, want) {
				t.Errorf("preview lacks %q", want)
			}
		}
		if n := len(casesOf(st, ag)); n != before {
			t.Fatalf("the preview registered %d applications", n-before)
		}
		m := regexp.MustCompile(`name="token" value="([0-9a-f]{32})"`).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("no confirmation token:\n%s", body)
		}
		confirm := url.Values{"csrf": {csrf}, "token": {m[1]}, "name": {"台账.csv"}}
		// without choosing to skip the bad row, nothing lands
		if _, body, _ := st.post(c, "/admin/import/confirm", confirm); !strings.Contains(body, "未导入任何数据") || len(casesOf(st, ag)) != before {
			t.Errorf("a file with a bad row imported without valid_only:\n%s", body)
		}
		confirm.Set("valid_only", "1")
		_, body, _ = st.post(c, "/admin/import/confirm", confirm)
		if !strings.Contains(body, "已导入 2 条") || len(casesOf(st, ag)) != before+2 {
			t.Errorf("confirm: %d new\n%s", len(casesOf(st, ag))-before, body)
		}
		if _, body, _ := st.post(c, "/admin/import/confirm", confirm); !strings.Contains(body, "可能已经导入") {
			t.Errorf("the staged file was confirmed twice:\n%s", body)
		}
		// a ledger of normative documents through the same page
		_, _, page := st.upload(c, "/admin/import", map[string]string{"csrf": csrf, "kind": "documents", "category": "normative"},
			"规范性文件台账.csv", []byte("文件名称,文号,印发日期\n卫滨区中小学学籍管理办法,卫教规〔2026〕1号,2026-02-02\n"))
		dm := regexp.MustCompile(`name="token" value="([0-9a-f]{32})"`).FindStringSubmatch(string(page))
		if dm == nil || !strings.Contains(string(page), "1 行可以导入，0 处问题") {
			t.Fatalf("documents preview:\n%s", page)
		}
		if _, body, _ := st.post(c, "/admin/import/confirm", url.Values{"csrf": {csrf}, "token": {dm[1]}, "name": {"规范性文件台账.csv"}}); !strings.Contains(body, "已导入 1 条") {
			t.Errorf("documents confirm:\n%s", body)
		}
		if _, body := st.get(c, "/admin/normative"); !strings.Contains(body, "卫教规〔2026〕1号") || !strings.Contains(body, "从台账导入") {
			t.Errorf("the imported document is not listed")
		}
		// a supervisor cannot import
		d, dcsrf := st.login("district")
		if code, _, _ := st.post(d, "/admin/import/confirm", url.Values{"csrf": {dcsrf}, "token": {m[1]}}); code != http.StatusForbidden {
			t.Errorf("a supervisor's confirmation: %d", code)
		}
	})
}

// New media in the back office: a platform's export counts posts by month
// (a file with a bad date is refused whole, at its row and column), an
// inspection with a problem is recorded and resolved, a supervisor reads
// the accounts below it and cannot act on them.
func TestNewMediaPages(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		st := newSite(t, s)
		c, csrf := st.login("clerk")
		var acct int64
		if err := s.DB().QueryRow(`SELECT id FROM newmedia_accounts WHERE name = '卫滨区实验小学'`).Scan(&acct); err != nil {
			t.Fatal(err)
		}
		upload := func(name, content string) (int, string) {
			code, _, body := st.upload(c, fmt.Sprintf("/admin/newmedia/%d/posts/file", acct), map[string]string{"csrf": csrf}, name, []byte(content))
			return code, body
		}
		if code, body := upload("导出.csv", "文章标题,群发时间\n开学,2026-09-01 08:00\n运动会,二〇二六年\n"); code != 422 || !strings.Contains(body, "第 3 行 B 列（群发时间）") {
			t.Errorf("a bad date: %d", code)
		}
		if code, _ := upload("导出.csv", "文章标题,群发时间\n开学,2026-09-01 08:00\n运动会,2026/9/15\n安全,2026-10-08\n"); code != http.StatusSeeOther {
			t.Fatalf("export: %d", code)
		}
		// a feed saved from the site: GB2312 as older site systems write
		// it, and as Notepad saves it ("Unicode", UTF-16 with its mark)
		feed := `<?xml version="1.0" encoding="gb2312"?><rss version="2.0"><channel><title>实验小学</title>` +
			`<item><title>暑期安全提示</title><pubDate>2026-08-03 09:00</pubDate></item>` +
			`<item><title>新生报到</title><pubDate>2026/8/28 10:00:00</pubDate></item></channel></rss>`
		gb, _ := simplifiedchinese.GBK.NewEncoder().String(feed)
		if code, body := upload("订阅.xml", gb); code != http.StatusSeeOther {
			t.Errorf("a GB2312 feed: %d\n%s", code, body)
		}
		u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(strings.ReplaceAll(feed, "2026-08-03", "2026-07-03"))
		if code, body := upload("订阅.xml", u16); code != http.StatusSeeOther {
			t.Errorf("a UTF-16 feed: %d\n%s", code, body)
		}
		_, body := st.get(c, fmt.Sprintf("/admin/newmedia/%d", acct))
		if !strings.Contains(body, "<td>2026-09</td><td>2</td><td>平台导出表导入</td>") {
			t.Error("September's posts from the export are not shown")
		}
		if !strings.Contains(body, "<td>2026-08</td><td>1</td><td>订阅源读取</td>") || !strings.Contains(body, "<td>2026-07</td><td>1</td><td>订阅源读取</td>") {
			t.Error("the months of the saved feeds are not shown")
		}
		form := url.Values{"csrf": {csrf}, "kind": {"daily"}, "on": {"2026-11-23"}, "problems": {"typo", "broken_link"}}
		if code, body, _ := st.post(c, fmt.Sprintf("/admin/newmedia/%d/inspections", acct), form); code != 422 || !strings.Contains(body, "请写明问题所在") {
			t.Errorf("a problem without its note: %d", code)
		}
		form.Set("note", "11月20日推文《开学第一课》有错别字")
		if code, _, _ := st.post(c, fmt.Sprintf("/admin/newmedia/%d/inspections", acct), form); code != http.StatusSeeOther {
			t.Fatalf("inspection: %d", code)
		}
		var iid int64
		s.DB().QueryRow(`SELECT max(id) FROM newmedia_inspections WHERE account_id = $1`, acct).Scan(&iid)
		if code, _, _ := st.post(c, fmt.Sprintf("/admin/newmedia/%d/inspections/%d", acct, iid), url.Values{"csrf": {csrf}, "resolved_on": {"2026-11-24"}, "resolution": {"已更正"}}); code != http.StatusSeeOther {
			t.Errorf("resolve: %d", code)
		}
		sup, scsrf := st.login("district")
		_, body = st.get(sup, "/admin/newmedia")
		if !strings.Contains(body, "卫滨区实验小学") || strings.Contains(body, "登记账号") {
			t.Error("the supervisor does not see the accounts below, or is offered to register one")
		}
		if code, _, _ := st.post(sup, fmt.Sprintf("/admin/newmedia/%d/posts", acct), url.Values{"csrf": {scsrf}, "month": {"2026-11"}, "count": {"3"}}); code != http.StatusForbidden {
			t.Errorf("a supervisor recorded posts: %d", code)
		}
	})
}

// A register whose 收到日期 is merged down one day's applications previews
// with each row read; the merge, the rows left out (合计, 填表人) and the
// sheets not read are said in a box of their own above the counts.
func TestWebImportMergedCells(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		st := newSite(t, s)
		c, csrf := st.login("clerk")
		f := excelize.NewFile()
		f.SetSheetRow("Sheet1", "A1", &[]any{"收到日期", "申请方式", "申请人类型", "申请人", "申请内容", "联系电话"})
		f.SetSheetRow("Sheet1", "A2", &[]any{"2026-03-02", "当面", "自然人", "导入甲", "学区划分方案", "13800000001"})
		f.SetSheetRow("Sheet1", "A3", &[]any{"", "当面", "自然人", "导入乙", "招生计划", "13800000002"})
		f.MergeCell("Sheet1", "A2", "A3")
		// the register's 合计 and sign-off, and a second month on its own sheet
		f.SetSheetRow("Sheet1", "A4", &[]any{"合计", "", "", "", "2件"})
		f.SetSheetRow("Sheet1", "A5", &[]any{"填表人：张办理"})
		f.NewSheet("4月")
		f.SetSheetRow("4月", "A1", &[]any{"收到日期", "申请方式", "申请人类型", "申请人", "申请内容"})
		var x bytes.Buffer
		f.Write(&x)
		_, _, page := st.upload(c, "/admin/import", map[string]string{"csrf": csrf, "kind": "cases"}, "台账.xlsx", x.Bytes())
		for _, want := range []string{"2 行可以导入，0 处问题", "第 2–3 行 A 列是合并单元格：每行都按“2026-03-02”读取",
			"<h2>请注意</h2>", "第 4 行“合计 2件”是合计行，不是数据行，未导入", "第 5 行“填表人：张办理”是落款",
			"只读取了第一个工作表“Sheet1”；工作簿中还有 1 个工作表（4月）没有读取"} {
			if !strings.Contains(page, want) {
				t.Errorf("preview lacks %q:\n%s", want, page)
			}
		}
		// the same register kept as a legacy .xls previews the same
		_, _, xlsPage := st.upload(c, "/admin/import", map[string]string{"csrf": csrf, "kind": "cases"}, "台账.xls", testdoc.XLSOf(t, x.Bytes(), testdoc.XLSOptions{}))
		for _, want := range []string{"2 行可以导入，0 处问题", "第 2–3 行 A 列是合并单元格：每行都按“2026-03-02”读取", "第 4 行“合计 2件”是合计行"} {
			if !strings.Contains(xlsPage, want) {
				t.Errorf("XLS preview lacks %q:\n%s", want, xlsPage)
			}
		}

		// every sheet: ticked on the upload, or from the preview that named
		// the sheets not read; previewed and confirmed whole, problems by sheet
		f.SetSheetRow("4月", "A2", &[]any{"2026-04-01", "当面", "自然人", "导入丙", "收费标准"})
		f.SetSheetRow("4月", "A3", &[]any{"2026-04-31", "当面", "自然人", "导入丁", "食堂合同"})
		x.Reset()
		f.Write(&x)
		token := regexp.MustCompile(`name="token" value="([0-9a-f]+)"`)
		wholeBook := func(how, page string) string {
			for _, want := range []string{"3 行可以导入，1 处问题", "读取了 2 个工作表：Sheet1（4 行）、4月（2 行）",
				"工作表“Sheet1”：第 2–3 行 A 列是合并单元格", "工作表“4月”第 3 行 A 列（收到日期）："} {
				if !strings.Contains(page, want) {
					t.Errorf("%s: preview of every sheet lacks %q:\n%s", how, want, page)
				}
			}
			if strings.Contains(page, "改为导入全部工作表") {
				t.Errorf("%s: every sheet read, and offered again", how)
			}
			m := token.FindStringSubmatch(page)
			if m == nil {
				t.Fatalf("%s: no confirmation", how)
			}
			return m[1]
		}
		_, _, page = st.upload(c, "/admin/import", map[string]string{"csrf": csrf, "kind": "cases", "all_sheets": "1"}, "台账.xlsx", x.Bytes())
		wholeBook("ticked", page)
		_, _, page = st.upload(c, "/admin/import", map[string]string{"csrf": csrf, "kind": "cases"}, "台账.xlsx", x.Bytes())
		first := token.FindStringSubmatch(page)
		if !strings.Contains(page, `action="/admin/import/sheets"`) || first == nil {
			t.Fatalf("no offer to read every sheet:\n%s", page)
		}
		_, page, _ = st.post(c, "/admin/import/sheets", url.Values{"csrf": {csrf}, "token": {first[1]}, "name": {"台账.xlsx"}})
		whole := wholeBook("offered", page)
		if _, body, _ := st.post(c, "/admin/import/confirm", url.Values{"csrf": {csrf}, "token": {first[1]}}); !strings.Contains(body, "可能已经导入") {
			t.Error("the first sheet's preview still confirms")
		}
		_, body, _ := st.post(c, "/admin/import/confirm", url.Values{"csrf": {csrf}, "token": {whole}, "name": {"台账.xlsx"}, "valid_only": {"1"}})
		if !strings.Contains(body, "已导入 3 条") {
			t.Errorf("confirming every sheet: %s", body)
		}
		names := map[string]bool{}
		for _, n := range casesOf(st, mustAgency(st, demo.Main)) {
			names[n] = true
		}
		if !names["导入甲"] || !names["导入乙"] || !names["导入丙"] || names["导入丁"] {
			t.Errorf("imported: %v", names)
		}
	})
}

// An agency new to gongkai uploads last year's published report on its
// report page; the page then says what the cross-year checks compare with.
// Another agency's file is refused on the page, and supervisors read only.
func TestWebPriorReport(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		st := newSite(t, s)
		c, csrf := st.login("finance")
		if _, body := st.get(c, "/admin/reports?year=2025"); !strings.Contains(body, "本系统中没有2024年度报告") || !strings.Contains(body, `action="/admin/reports/2025/prior"`) {
			t.Fatal("no offer to upload last year's report")
		}
		seed, err := os.ReadFile("../../testdata/seed/weibin-2024.txt")
		if err != nil {
			t.Fatal(err)
		}
		upload := func(c *http.Client, csrf, name string, data []byte) (int, string, string) {
			return st.upload(c, "/admin/reports/2025/prior", map[string]string{"csrf": csrf}, name, data)
		}
		if code, _, body := upload(c, csrf, "教体局2024年报.txt", seed); code != http.StatusUnprocessableEntity || !strings.Contains(body, "上年报告未导入：这是“卫滨区教育体育和文化旅游局”的报告，不是本机关（卫滨区财政局）的") {
			t.Errorf("another agency's report: %d", code)
		}
		mine := bytes.ReplaceAll(seed, []byte("卫滨区教育体育和文化旅游局"), []byte("卫滨区财政局"))
		if code, loc, _ := upload(c, csrf, "财政局2024年报.txt", mine); code != http.StatusSeeOther || loc != "/admin/reports?year=2025&ok=prior" {
			t.Fatalf("upload: %d %s", code, loc)
		}
		_, body := st.get(c, "/admin/reports?year=2025&ok=prior")
		for _, want := range []string{"已导入上年报告", "按2024年度已发布的报告进行", "财政局2024年报.txt"} {
			if !strings.Contains(body, want) {
				t.Errorf("the page lacks %q", want)
			}
		}
		sup, scsrf := st.login("district")
		if code, _, _ := upload(sup, scsrf, "财政局2024年报.txt", mine); code != http.StatusForbidden {
			t.Errorf("a supervisor uploaded: %d", code)
		}
		// the 2024 报告汇总 counts the published report for the agency, and
		// its 2024 page says so
		_, body = st.get(sup, "/admin/rollup?year=2024")
		if !regexp.MustCompile(`(?s)卫滨区财政局</td>.*?<td>已发布（导入），王办理于 \d{4}-\d\d-\d\d 从发布的文件“财政局2024年报.txt”读取</td>`).MatchString(body) {
			t.Errorf("the rollup does not count the published report:\n%s", body)
		}
		if !strings.Contains(body, "已保存或导入的报告中") {
			t.Error("the rollup's summary does not count the imported report")
		}
		if _, body = st.get(sup, "/admin/rollup?year=2024&show=pending"); strings.Contains(body, "已发布（导入）") {
			t.Error("a published report is listed as not submitted")
		}
		if _, body = st.get(c, "/admin/reports?year=2024"); !strings.Contains(body, "读取了本年度已发布的报告，报告汇总按它计算") {
			t.Error("the 2024 page does not say which report the rollup counts")
		}
	})
}

// An applicant whose name a PDF font lacks (CJK extension B): the case page
// says the PDF letters show 〓 for it and to use the Word ones; an ordinary
// name says nothing.
func TestCasePageSaysPDFLacksCharacters(t *testing.T) {
	st := demoSite(t)
	c, csrf := st.login("clerk")
	for name, want := range map[string]bool{"王𬌗": true, "王某某": false} {
		f := intakeForm(csrf)
		f.Set("name", name)
		code, _, loc := st.post(c, "/admin/cases", f)
		if code != http.StatusSeeOther {
			t.Fatalf("%s: %d", name, code)
		}
		_, body := st.get(c, loc)
		if got := strings.Contains(body, "申请中有 PDF 字体没有的字（𬌗），PDF 文书中以“〓”代替"); got != want {
			t.Errorf("%s: hint shown %v", name, got)
		}
	}
}

// From the day a reply and its extension would run into a year whose
// holiday notice is not loaded, the 工作台 says so, more urgently once an
// application received today cannot be given its deadline; the
// administrator gets the link to load it. Before that day it says nothing.
func TestDashboardSaysNoticeMissing(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	for _, c := range []struct {
		day, who string
		want     []string
		not      []string
	}{
		{"2026-09-01", "clerk", nil, []string{"节假日安排尚未导入"}},
		{"2026-12-01", "clerk", []string{"2027年节假日安排尚未导入", "延长答复期限后的期限将跨入2027年", "请联系系统管理员导入"}, []string{"今天收到的申请"}},
		{"2026-12-10", "admin", []string{"今天收到的申请，答复期限已跨入2027年", `href="/admin/calendar"`}, nil},
	} {
		t.Run(c.day, func(t *testing.T) {
			day, _ := time.ParseInLocation("2006-01-02 15:04", c.day+" 10:00", clock.Shanghai())
			st := newSiteAt(t, storetest.SQLite(t), clock.At(day))
			cl, _ := st.login(c.who)
			_, body := st.get(cl, "/admin/")
			for _, w := range c.want {
				if !strings.Contains(body, w) {
					t.Errorf("lacks %q", w)
				}
			}
			for _, w := range c.not {
				if strings.Contains(body, w) {
					t.Errorf("says %q", w)
				}
			}
		})
	}
}

// A form sent while another program holds SQLite's writer past the busy
// timeout (a large import from the command line) comes back with what was
// typed and says to try again, as 503 with Retry-After; nothing is
// registered.
func TestBusyDatabaseIsSaid(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.db")
	s, err := store.Open(context.Background(), path, clock.At(now))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	st := newSite(t, s)
	c, csrf := st.login("clerk")
	before := len(caseIDs(st, demo.Main))
	// the server's store waits 100 ms, not a server's 10 s
	s.DB().SetMaxOpenConns(1)
	if _, err := s.DB().Exec(`PRAGMA busy_timeout = 100`); err != nil {
		t.Fatal(err)
	}
	other, err := store.Open(context.Background(), path, clock.At(now))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	holding, release, done := make(chan struct{}), make(chan struct{}), make(chan error)
	go func() {
		done <- other.InTx(context.Background(), func(*store.Tx) error { close(holding); <-release; return nil })
	}()
	<-holding
	req, _ := http.NewRequest("POST", st.srv.URL+"/admin/cases", strings.NewReader(intakeForm(csrf).Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", st.srv.URL)
	resp, err := c.Do(req)
	close(release)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(string(body), "数据库正忙（另一项操作正在写入，如导入大量数据），本次操作未保存：请稍后重试") ||
		!strings.Contains(string(body), `value="钱某"`) || !strings.Contains(string(body), "本区养老机构名录") {
		t.Errorf("%d\n%s", resp.StatusCode, body)
	}
	if n := len(caseIDs(st, demo.Main)); n != before {
		t.Errorf("%d registered while busy", n-before)
	}
}

// A browser that shows a date field as a text box (an old one, or a browser
// in IE mode) sends the date as it was typed: the intake reads 2026/11/24
// and 2026年11月24日 as it reads 2026-11-24; an impossible date is said.
func TestDatesTypedIntoTextBoxes(t *testing.T) {
	st := demoSite(t)
	c, csrf := st.login("clerk")
	for _, typed := range []string{"2026/11/24", "2026年11月24日"} {
		f := intakeForm(csrf)
		f.Set("received_on", typed)
		f.Set("name", "日期"+typed)
		code, _, loc := st.post(c, "/admin/cases", f)
		if code != http.StatusSeeOther {
			t.Fatalf("%s: %d", typed, code)
		}
		if _, body := st.get(c, loc); !strings.Contains(body, "2026年11月24日") {
			t.Errorf("%s: the received date is not shown", typed)
		}
	}
	f := intakeForm(csrf)
	f.Set("received_on", "2026/2/30")
	if code, body, _ := st.post(c, "/admin/cases", f); code != http.StatusUnprocessableEntity || !strings.Contains(body, "日期“2026/2/30”不对：应写成 2025-03-05 或 2025年3月5日") {
		t.Errorf("an impossible date: %d", code)
	}
}

// The 台账 page lists what 表二 counts and each file imported; a clerk
// takes a wrong one back after ticking to confirm (without the tick the
// page says so at its row); a supervisor reads it and undoes nothing.
func TestWebLedgers(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		st := newSite(t, s)
		ag := mustAgency(st, "卫滨区财政局")
		res, err := st.b.Ops.Import(context.Background(), ops.Operator(ag, "王办理"), ag, ops.ImportRequest{Kind: ops.ImportDecisions, Name: "处罚台账.csv", Commit: true,
			Data: []byte("类别,决定书文号,作出决定日期,金额\n处罚,卫教罚〔2025〕1号,2025-06-01,\n收费,,2025-05-07,1200.50\n")})
		if err != nil || res.Imported != 2 {
			t.Fatalf("import: %+v %v", res, err)
		}
		c, csrf := st.login("finance")
		_, body := st.get(c, "/admin/ledgers")
		rows := fmt.Sprintf("/admin/ledgers/rows?agency=%d&amp;year=2025", ag)
		for _, want := range []string{"决定和收费台账", `<td><a href="` + rows + `">2025年</a></td><td>0</td><td><a href="` + rows + `&amp;kind=penalty">1</a></td><td>0</td><td><a href="` + rows + `&amp;kind=fee">1</a></td><td>1200.50</td>`,
			"处罚台账.csv", "2025年处罚 1 条，2025年收费 1 条（1200.50 元）", "确认撤销这次导入的 2 条记录"} {
			if !strings.Contains(body, want) {
				t.Errorf("the page lacks %q:\n%s", want, body)
			}
		}
		// a count opens its rows, which download as a workbook
		_, page := st.get(c, strings.ReplaceAll(rows, "&amp;", "&")+"&kind=penalty")
		if !strings.Contains(page, "2025年行政处罚记录共 1 条") || !strings.Contains(page, "卫教罚〔2025〕1号") || strings.Contains(page, "1200.50") {
			t.Errorf("the penalty of 2025:\n%s", page)
		}
		// the page's own download link keeps its filters
		link := regexp.MustCompile(`href="([^"]*format=csv)"`).FindStringSubmatch(page)
		if link == nil {
			t.Fatal("no CSV link on the rows")
		}
		if _, csv := st.get(c, strings.ReplaceAll(link[1], "&amp;", "&")); strings.Contains(csv, "1200.50") || !strings.Contains(csv, "卫教罚〔2025〕1号") {
			t.Errorf("the penalty rows' own CSV link:\n%s", csv)
		}
		if _, csv := st.get(c, strings.ReplaceAll(rows, "&amp;", "&")+"&format=csv"); !strings.Contains(csv, "卫教罚〔2025〕1号") || !strings.Contains(csv, "1200.50") ||
			!strings.Contains(csv, "“处罚台账.csv”（2026-11-24 10:00导入）") {
			t.Errorf("the year's rows as CSV:\n%s", csv)
		}
		if code, _ := st.get(c, strings.ReplaceAll(rows, "&amp;", "&")+"&kind=bribes"); code != http.StatusUnprocessableEntity {
			t.Errorf("a kind that is none: %d", code)
		}
		other, _ := st.login("clerk") // another agency's clerk
		if code, page := st.get(other, strings.ReplaceAll(rows, "&amp;", "&")); code == http.StatusOK || strings.Contains(page, "卫教罚") {
			t.Errorf("another agency's clerk read the rows: %d", code)
		}
		action := regexp.MustCompile(`action="(/admin/ledgers/\d+/undo)"`).FindStringSubmatch(body)
		if action == nil {
			t.Fatal("no undo form")
		}
		if code, body, _ := st.post(c, action[1], url.Values{"csrf": {csrf}}); code != http.StatusUnprocessableEntity || !strings.Contains(body, "请勾选确认后再撤销") {
			t.Errorf("without the tick: %d", code)
		}
		if code, _, loc := st.post(c, action[1], url.Values{"csrf": {csrf}, "confirm": {"1"}}); code != http.StatusSeeOther || loc != "/admin/ledgers?ok=undone" {
			t.Fatalf("undo: %d %s", code, loc)
		}
		_, body = st.get(c, "/admin/ledgers?ok=undone")
		if !strings.Contains(body, "已撤销（") || strings.Contains(body, "<td>2025年</td>") {
			t.Errorf("after the undo:\n%s", body)
		}
		sup, _ := st.login("district")
		_, body = st.get(sup, fmt.Sprintf("/admin/ledgers?agency=%d", ag))
		if !strings.Contains(body, "处罚台账.csv") || strings.Contains(body, "确认撤销") {
			t.Error("the supervisor's view")
		}
	})
}

// 归档: a closed application's 案卷 downloads as one ZIP — the 办理记录 (its
// registration, every step, the 卷内目录) and every letter as PDF, numbered,
// and its attachments as uploaded; a supervising office's copy masks the
// identity number. The list exports the 案卷 of what it shows, a folder each.
func TestCaseFileForArchive(t *testing.T) {
	st := demoSite(t)
	ctx := context.Background()
	ag := mustAgency(st, demo.Main)
	rows, _, err := st.s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{ag}, State: casework.Closed, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var c *casework.Case
	for _, r := range rows {
		x, err := st.s.GetCase(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if x.Intake.Applicant.IDNum != "" && slices.ContainsFunc(x.Events, func(e casework.Event) bool { return x.HasLetter(e.Seq) }) {
			c = x
			break
		}
	}
	if c == nil {
		t.Fatal("no closed demo case with a letter and an identity number")
	}
	if _, err := st.b.Ops.Attach(ctx, ops.Operator(ag, "张办理"), c.ID, "送达回证.txt", []byte("送达回证")); err != nil {
		t.Fatal(err)
	}
	read := func(body string) map[string][]byte {
		t.Helper()
		zr, err := zip.NewReader(strings.NewReader(body), int64(len(body)))
		if err != nil {
			t.Fatalf("not a zip: %v", err)
		}
		out := map[string][]byte{}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			out[f.Name] = b
		}
		return out
	}
	clerk, _ := st.login("clerk")
	code, body := st.get(clerk, fmt.Sprintf("/admin/cases/%d/file", c.ID))
	if code != 200 {
		t.Fatalf("case file: %d", code)
	}
	files := read(body)
	var letters []string
	for name := range files {
		if strings.HasSuffix(name, ".pdf") && !strings.HasPrefix(name, "01 ") {
			letters = append(letters, name)
		}
	}
	attach := fmt.Sprintf("%02d 送达回证.txt", len(letters)+2)
	if files["01 办理记录.pdf"] == nil || len(letters) == 0 || string(files[attach]) != "送达回证" {
		t.Fatalf("the 案卷 holds %v", slices.Collect(maps.Keys(files)))
	}
	record := pdfToText(t, files["01 办理记录.pdf"])
	for _, want := range []string{"政府信息公开申请办理记录", c.Serial, "一、申请登记", "二、办理过程", "三、卷内文件目录", c.Intake.Applicant.IDNum, attach} {
		if !strings.Contains(strings.Join(strings.Fields(record), ""), strings.Join(strings.Fields(want), "")) {
			t.Errorf("the record lacks %q:\n%s", want, record)
		}
	}
	// the 接收回执 first, as given but for the 查询码
	receipt := ""
	for _, l := range letters {
		text := strings.Join(strings.Fields(pdfToText(t, files[l])), "")
		if strings.Contains(l, casework.ReceiptTitle) {
			receipt = l
			if !strings.HasPrefix(l, "02 ") || !strings.Contains(text, c.Serial) || strings.Contains(text, c.Code) || !strings.Contains(text, ops.ReceiptCodeWithheld) {
				t.Errorf("the 案卷's 接收回执 %s:\n%s", l, text)
			}
			continue
		}
		if !strings.Contains(text, "〔") {
			t.Errorf("%s is not a numbered letter:\n%s", l, text)
		}
	}
	_, directory, _ := strings.Cut(record, "三、卷内文件目录")
	if receipt == "" || !strings.Contains(directory, c.Events[0].Step.On.String()) { // the 卷内目录 lists it, dated the day of registration
		t.Errorf("the 案卷 lacks the 接收回执, or its record does not list it: %v\n%s", letters, record)
	}
	// a supervising office reads the 案卷 with the identity number masked
	sup, _ := st.login("district")
	_, body = st.get(sup, fmt.Sprintf("/admin/cases/%d/file", c.ID))
	if record := pdfToText(t, read(body)["01 办理记录.pdf"]); strings.Contains(record, c.Intake.Applicant.IDNum) || !strings.Contains(record, casework.MaskID(c.Intake.Applicant.IDNum)) {
		t.Errorf("the supervisor's copy shows the identity number:\n%s", record)
	}
	// the list's export: a folder per listed application
	_, body = st.get(clerk, "/admin/cases?state=closed&format=zip")
	folders := map[string]bool{}
	listed := read(body)
	if x, err := excelize.OpenReader(bytes.NewReader(listed["00 申请台账.xlsx"])); err != nil {
		t.Errorf("the list's 案卷 lack the register of the exported applications: %v", err)
	} else {
		table, _ := x.GetRows(x.GetSheetList()[0])
		if len(table) != len(rows)+1 || !strings.Contains(fmt.Sprint(table), c.Serial) {
			t.Errorf("the register has %d lines for %d applications", len(table), len(rows))
		}
	}
	for name := range listed {
		if strings.Contains(name, "/") {
			folders[strings.SplitN(name, "/", 2)[0]] = true
		}
	}
	if len(folders) != len(rows) || !folders[office.CaseFolder(c)] {
		t.Errorf("the list's 案卷: %d folders for %d closed cases", len(folders), len(rows))
	}
	logged, _, _ := st.s.ListAudit(ctx, []int64{ag}, 50, 0)
	if !slices.ContainsFunc(logged, func(e store.AuditRow) bool {
		return e.Action == "case.file" && strings.HasSuffix(e.Object, fmt.Sprintf("等 %d 件", len(rows)))
	}) {
		t.Errorf("the export is not in the audit log: %+v", logged)
	}
	// a supervising office's export of many agencies' files is in each one's log
	st.get(sup, "/admin/cases?state=closed&format=zip")
	u, _, _ := st.s.UserByLogin(ctx, "district")
	all, _, _ := st.b.Ops.Cases(ctx, ops.User(u), casework.Filter{State: casework.Closed, Limit: 500})
	seen := map[int64]bool{}
	for _, r := range all {
		if seen[r.AgencyID] {
			continue
		}
		seen[r.AgencyID] = true
		logged, _, _ := st.s.ListAudit(ctx, []int64{r.AgencyID}, 50, 0)
		if !slices.ContainsFunc(logged, func(e store.AuditRow) bool { return e.Action == "case.file" && e.Actor == u.Name }) {
			t.Errorf("agency %d's log lacks the supervisor's export", r.AgencyID)
		}
	}
	if len(seen) < 2 {
		t.Fatalf("the demo's closed applications are of %d agencies; the test needs several", len(seen))
	}
	// without a 复议机关 the answer cannot be drafted: the 案卷 is still
	// written, without it, and its record says which letter and what to set
	err = st.s.InTx(ctx, func(tx *store.Tx) error {
		a, err := tx.GetAgency(ctx, ag)
		if err != nil {
			return err
		}
		a.ReviewOrgan = ""
		return tx.UpdateAgency(ctx, a)
	})
	if err != nil {
		t.Fatal(err)
	}
	code, body = st.get(clerk, fmt.Sprintf("/admin/cases/%d/file", c.ID))
	if code != 200 {
		t.Fatalf("case file without a 复议机关: %d %s", code, body)
	}
	short := read(body)
	record = strings.Join(strings.Fields(pdfToText(t, short["01 办理记录.pdf"])), "")
	if len(short) >= len(files) || !strings.Contains(record, "未能生成的文书") || !strings.Contains(record, "请先在机关设置中填写复议机关") {
		t.Errorf("the 案卷 without a 复议机关 holds %v, its record:\n%s", slices.Collect(maps.Keys(short)), record)
	}
}

// 办理情况统计 for a supervising office: a row per agency below and the
// total, as the operation computes them, and the same table as a workbook;
// a clerk sees the own agency.
func TestWebStats(t *testing.T) {
	st := demoSite(t)
	sup, _ := st.login("district")
	code, body := st.get(sup, "/admin/stats?year=2026")
	if code != 200 {
		t.Fatalf("stats: %d", code)
	}
	u, _, err := st.s.UserByLogin(context.Background(), "district")
	if err != nil {
		t.Fatal(err)
	}
	want, err := st.b.Ops.Stats(context.Background(), ops.User(u), 2026)
	if err != nil || want.Total == nil || want.Total.Received == 0 {
		t.Fatalf("the demo's 2026: %+v %v", want, err)
	}
	plain := regexp.MustCompile(`<a [^>]*>|</a>|<strong[^>]*>|</strong>| data-label="[^"]*"`).ReplaceAllString(body, "")
	plain = strings.ReplaceAll(plain, "<td>—</td>", "<td></td>")
	// two tables: 办理时效, then 办理结果 (the agency's name again)
	for _, r := range want.Ledger().Rows {
		for _, part := range [][]string{r[1:ops.TimingColumns], r[ops.TimingColumns:]} {
			if cells := "<td>" + r[0] + "</td><td>" + strings.Join(part, "</td><td>") + "</td>"; !strings.Contains(plain, cells) {
				t.Errorf("the page lacks the row of %s (%s)", r[0], cells)
			}
		}
	}
	// the refusals of an agency lead to those applications
	if want.Total.Results["withheld"] == 0 {
		t.Fatal("the demo's 2026 has no refusal to follow")
	}
	for _, r := range want.Rows {
		if r.Results["withheld"] == 0 {
			continue
		}
		link := fmt.Sprintf("/admin/cases?agency=%d&closed_from=2026-01-01&closed_to=2026-12-31&result=withheld", r.Agency.ID)
		if !strings.Contains(body, strings.ReplaceAll(link, "&", "&amp;")) {
			t.Errorf("no link to %s's refusals", r.Agency.Name)
		}
		if _, list := st.get(sup, link); !strings.Contains(list, fmt.Sprintf("共 %d 件", r.Results["withheld"])) {
			t.Errorf("%s's refusals are not the %d counted", r.Agency.Name, r.Results["withheld"])
		}
	}
	// an agency's overdue count leads to those applications
	for _, r := range want.Rows {
		if r.Overdue == 0 {
			continue
		}
		link := fmt.Sprintf("/admin/cases?agency=%d&received_from=2026-01-01&received_to=2026-12-31&overdue=1", r.Agency.ID)
		if !strings.Contains(body, strings.ReplaceAll(link, "&", "&amp;")) {
			t.Errorf("no link to %s's overdue applications", r.Agency.Name)
		}
		if _, list := st.get(sup, link); !strings.Contains(list, fmt.Sprintf("共 %d 件", r.Overdue)) {
			t.Errorf("%s's overdue applications are not the %d counted", r.Agency.Name, r.Overdue)
		}
	}
	// the list marks each application's counted steps
	_, list := st.get(sup, "/admin/cases?step=extended")
	m := regexp.MustCompile(`共 (\d+) 件`).FindStringSubmatch(list)
	if m == nil || m[1] == "0" || strings.Count(list, `<span class="tag">延期答复</span>`) != min(atoi(m[1]), 50) {
		t.Errorf("the extended applications are not marked so in the list (%v)", m)
	}
	code, xlsx := st.get(sup, "/admin/stats?year=2026&format=xlsx")
	if code != 200 || !strings.HasPrefix(xlsx, "PK") {
		t.Errorf("workbook: %d", code)
	}
	clerk, _ := st.login("clerk")
	_, body = st.get(clerk, "/admin/stats?year=2026")
	if !strings.Contains(body, `<td data-label="机关">`+demo.Main+"</td>") || strings.Contains(body, "卫滨区财政局") || strings.Contains(body, "合计") {
		t.Error("the clerk's statistics are not the own agency's only")
	}
	if code, _ := st.get(clerk, "/admin/stats?year=2030"); code != http.StatusUnprocessableEntity && code != http.StatusBadRequest {
		t.Errorf("a year to come: %d", code)
	}
	// the head of the office sees its work by 承办人, each count leading to
	// those applications; a clerk neither sees nor downloads it
	if strings.Contains(body, "按承办人") {
		t.Error("a clerk sees the statistics by 承办人")
	}
	if code, _ := st.get(clerk, "/admin/stats?year=2026&by=handler&format=xlsx"); code != http.StatusForbidden {
		t.Errorf("a clerk downloads the statistics by 承办人: %d", code)
	}
	head, _ := st.login("head")
	_, body = st.get(head, "/admin/stats?year=2026")
	hu, _, err := st.s.UserByLogin(context.Background(), "head")
	if err != nil {
		t.Fatal(err)
	}
	byHandler, err := st.b.Ops.HandlerStats(context.Background(), ops.User(hu), 2026)
	if err != nil || !strings.Contains(body, "<h2>按承办人</h2>") {
		t.Fatalf("the head's page: %v", err)
	}
	followed := 0
	for _, r := range byHandler.Rows {
		if r.Received == 0 {
			continue
		}
		who := fmt.Sprint(r.HandlerID)
		if r.HandlerID == 0 {
			who = "none"
		}
		link := "/admin/cases?handler=" + who + "&received_from=2026-01-01&received_to=2026-12-31"
		if !strings.Contains(body, strings.ReplaceAll(link, "&", "&amp;")) {
			t.Errorf("no link to %s's applications", r.Name)
		}
		if _, list := st.get(head, link); !strings.Contains(list, fmt.Sprintf("共 %d 件", r.Received)) {
			t.Errorf("%s's applications are not the %d counted", r.Name, r.Received)
		}
		followed++
	}
	if followed == 0 {
		t.Error("the demo's 2026 has no application by 承办人 to follow")
	}
	if code, x := st.get(head, "/admin/stats?year=2026&by=handler&format=csv"); code != 200 || !strings.Contains(x, "承办人,本年收到") || !strings.Contains(x, "合计") {
		t.Errorf("the head's CSV: %d %.80q", code, x)
	}
}

// The 操作记录 page filters by action and dates, downloads what it shows,
// and says which filter it could not read.
func TestWebAuditFilter(t *testing.T) {
	st := demoSite(t)
	sup, _ := st.login("district")
	_, all := st.get(sup, "/admin/audit")
	code, body := st.get(sup, "/admin/audit?action=case.step")
	if code != 200 || !strings.Contains(body, "<td>办理步骤</td>") || strings.Contains(body, "<td>登记申请</td>") || !strings.Contains(all, "<td>登记申请</td>") {
		t.Errorf("filtered by action: %d", code)
	}
	if !strings.Contains(body, `<option value="case.step" selected>办理步骤</option>`) {
		t.Error("the filter does not show what it filters")
	}
	// the page's own download link (it lost its filters: %3d for =)
	m := regexp.MustCompile(`href="([^"]*format=csv)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no CSV link")
	}
	_, csv := st.get(sup, strings.ReplaceAll(m[1], "&amp;", "&"))
	if !strings.Contains(csv, "时间,机关,人员,操作,对象,内容") || !strings.Contains(csv, "办理步骤") || strings.Contains(csv, "登记申请") {
		t.Errorf("the download:\n%s", csv)
	}
	if code, body := st.get(sup, "/admin/audit?from=2026-13-01"); code != http.StatusUnprocessableEntity || !strings.Contains(body, "日期“2026-13-01”不对") {
		t.Errorf("a date that is no date: %d", code)
	}
	if _, body := st.get(sup, "/admin/audit?from=2030-01-01"); !strings.Contains(body, "共 0 条") {
		t.Error("entries after 2030")
	}
	// by what a line is about: one application's history, kept in the download's link
	code, body = st.get(sup, "/admin/audit?q=2026-0004")
	rows := strings.Count(body, "<tr><td>")
	if code != 200 || rows == 0 || strings.Count(body, `<td translate="no">2026-0004</td>`) != rows || !strings.Contains(body, `name="q" value="2026-0004"`) ||
		!strings.Contains(body, `href="/admin/audit?q=2026-0004&amp;format=xlsx"`) {
		t.Errorf("filtered by 申请编号: %d, %d rows", code, rows)
	}
	if code, body := st.get(sup, "/admin/audit?q="+strings.Repeat("查", 65)); code != http.StatusUnprocessableEntity || !strings.Contains(body, "最多 64 个字") {
		t.Errorf("a search too long: %d", code)
	}
}

// An agency that keeps applications to their 承办人: a colleague's page of
// another's open application says who handles it and offers no step, no
// correction, no upload, no assignment; the 承办人's page offers them.
func TestWebHandlerOnly(t *testing.T) {
	st := demoSite(t)
	ctx := context.Background()
	ag, err := st.s.AgencyByName(ctx, demo.Main)
	if err != nil {
		t.Fatal(err)
	}
	ag.HandlerOnly = true
	if err := st.s.InTx(ctx, func(tx *store.Tx) error { return tx.UpdateAgency(ctx, ag) }); err != nil {
		t.Fatal(err)
	}
	u, _, err := st.s.UserByLogin(ctx, "clerk")
	if err != nil {
		t.Fatal(err)
	}
	rows, _, err := st.s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{ag.ID}, Handler: u.ID, Open: true, Limit: 1})
	if err != nil || len(rows) == 0 {
		t.Fatalf("an open application of the clerk's: %v", err)
	}
	path := fmt.Sprintf("/admin/cases/%d", rows[0].ID)
	colleague, _ := st.login("reviewer")
	_, body := st.get(colleague, path)
	if !strings.Contains(body, "这件申请的承办人是张办理") || strings.Contains(body, `action="`+path+`/steps"`) ||
		strings.Contains(body, `action="`+path+`/handler"`) || strings.Contains(body, `action="`+path+`/attachments"`) || strings.Contains(body, path+"/edit") {
		t.Error("the colleague's page offers to act, or does not say who handles it")
	}
	// taking it from the list is refused there, at the 承办人 field, not on an error page
	_, list := st.get(colleague, "/admin/cases")
	code, body, _ := st.post(colleague, "/admin/cases/assign", url.Values{"csrf": {token(list)}, "case": {fmt.Sprint(rows[0].ID)},
		"handler": {fmt.Sprint(mustUser(t, st, "reviewer"))}, "back": {"/admin/cases?"}})
	if code == http.StatusSeeOther || !strings.Contains(body, "本机关设定由负责人指派承办人") || !strings.Contains(body, "<h1>申请列表</h1>") {
		t.Errorf("a colleague takes another's application from the list: %d", code)
	}
	clerk, _ := st.login("clerk")
	if _, body := st.get(clerk, path); strings.Contains(body, "这件申请的承办人是") || !strings.Contains(body, `action="`+path+`/handler"`) ||
		!strings.Contains(body, `action="`+path+`/steps"`) || !strings.Contains(body, `action="`+path+`/attachments"`) {
		t.Error("the 承办人's page")
	}
}

// mustUser is the id of a demo login.
func mustUser(t *testing.T, st *site, login string) int64 {
	t.Helper()
	u, _, err := st.s.UserByLogin(context.Background(), login)
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

// With a mail server the case page sends a letter to the applicant: the
// address is asked where the application gives none, a wrong one is said at
// its field, and a letter sent says to whom and when.
func TestWebMailLetter(t *testing.T) {
	st := demoSite(t)
	ctx := context.Background()
	ag, err := st.s.AgencyByName(ctx, demo.Main)
	if err != nil {
		t.Fatal(err)
	}
	rows, _, err := st.s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{ag.ID}, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var c *casework.Case
	seq := 0
	for _, r := range rows {
		if c, err = st.s.GetCase(ctx, r.ID); err != nil {
			t.Fatal(err)
		}
		for _, e := range c.Events {
			if c.HasLetter(e.Seq) && !c.Undone(e.Seq) {
				seq = e.Seq
			}
		}
		if seq > 0 {
			break
		}
	}
	if seq == 0 {
		t.Fatal("no letter among the demo's applications")
	}
	path := fmt.Sprintf("/admin/cases/%d", c.ID)
	action := fmt.Sprintf(`action="%s/letters/%d/mail"`, path, seq)
	clerk, _ := st.login("clerk")
	if _, body := st.get(clerk, path); strings.Contains(body, action) {
		t.Fatal("a letter can be mailed without a mail server")
	}
	if _, body := st.get(clerk, "/admin/password"); !strings.Contains(body, "本系统尚未设置邮件服务器") || strings.Contains(body, "发一封测试邮件") {
		t.Error("the account page does not say there is no mail server")
	}
	reviewer, _ := st.login("reviewer") // handles applications, has no address
	if _, body := st.get(reviewer, "/admin/"); strings.Contains(body, `id="ask-email"`) {
		t.Error("the 工作台 asks for an address without a mail server")
	}
	srv, m := mailServer(t)
	st.b.Web.Mailer = m
	_, body := st.get(clerk, path)
	if !strings.Contains(body, action) {
		t.Fatal("no form to mail the letter")
	}
	code, body, _ := st.post(clerk, fmt.Sprintf("%s/letters/%d/mail", path, seq), url.Values{"csrf": {token(body)}, "to": {"wang@"}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "不是电子邮箱地址") || !strings.Contains(body, "<details class=\"inline\" open><summary>发送邮件</summary>") {
		t.Fatalf("a wrong address: %d", code)
	}
	code, body = st.follow(clerk, fmt.Sprintf("%s/letters/%d/mail", path, seq), url.Values{"csrf": {token(body)}, "to": {"wang@weibin-demo.example"}})
	if code != http.StatusOK || !strings.Contains(body, "已发送。") || !strings.Contains(body, "已发至 wang@weibin-demo.example（2026-11-24 10:00，张办理）") {
		t.Fatalf("sent: %d", code)
	}
	if got := srv.Messages(); len(got) != 1 || got[0].To[0] != "wang@weibin-demo.example" {
		t.Fatalf("received %+v", got)
	}
	if _, body := st.get(reviewer, "/admin/"); !strings.Contains(body, `id="ask-email"`) {
		t.Error("the 工作台 does not ask for an address with a mail server")
	}
	if _, body := st.get(clerk, "/admin/"); strings.Contains(body, `id="ask-email"`) {
		t.Error("the 工作台 asks the clerk, who has an address")
	}
	// the account page sends a test message to one's own address
	_, body = st.get(clerk, "/admin/password")
	if !strings.Contains(body, "发一封测试邮件") || strings.Contains(body, "本系统尚未设置邮件服务器") {
		t.Fatal("no test message offered with a mail server")
	}
	if code, _, loc := st.post(clerk, "/admin/email", url.Values{"csrf": {token(body)}, "do": {"test"}}); code != http.StatusSeeOther || loc != "/admin/password?ok=testmail" {
		t.Fatalf("test message: %d %s", code, loc)
	}
	if got := srv.Messages(); len(got) != 2 || got[1].To[0] != "clerk@weibin-demo.example" {
		t.Fatalf("received %+v", got)
	}
	// the 案卷's 办理记录 lists the sending
	record := caseRecord(t, st, clerk, path)
	for _, want := range []string{"三、以电子邮件发送的文书", "wang@weibin-demo.example", "2026-11-2410:00", "四、卷内文件目录"} {
		if !strings.Contains(record, want) {
			t.Errorf("the 办理记录 lacks %q:\n%s", want, record)
		}
	}
	// a supervisor reads the page: what was sent, no form
	district, _ := st.login("district")
	if _, body := st.get(district, path); strings.Contains(body, action) || !strings.Contains(body, "已发至 wang@weibin-demo.example") {
		t.Error("the supervisor's page offers to mail, or does not say it was sent")
	}
}

// 归档 from the case page and from the list: the 档号 shown on the page, in
// the list's tag and filter; an open application ticked is said on the list.
func TestWebFileCases(t *testing.T) {
	st := demoSite(t)
	ctx := context.Background()
	ag, err := st.s.AgencyByName(ctx, demo.Main)
	if err != nil {
		t.Fatal(err)
	}
	closed, _, err := st.s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{ag.ID}, State: casework.Closed, Limit: 2})
	if err != nil || len(closed) < 2 {
		t.Fatalf("two closed applications: %v", err)
	}
	open, _, err := st.s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{ag.ID}, Open: true, Limit: 1})
	if err != nil || len(open) == 0 {
		t.Fatalf("an open application: %v", err)
	}
	ag.ArchivePattern = "" // the demo's agency has one: first without
	if err := st.s.InTx(ctx, func(tx *store.Tx) error { return tx.UpdateAgency(ctx, ag) }); err != nil {
		t.Fatal(err)
	}
	clerk, _ := st.login("clerk")
	path := fmt.Sprintf("/admin/cases/%d", closed[0].ID)
	_, body := st.get(clerk, path)
	if !strings.Contains(body, `action="`+path+`/archive"`) {
		t.Fatal("no 归档 on a closed application's page")
	}
	// without the agency's form: said beside the button
	code, body, _ := st.post(clerk, path+"/archive", url.Values{"csrf": {token(body)}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "尚未设定档号格式") {
		t.Fatalf("without a form: %d", code)
	}
	ag.ArchivePattern = "J012-WS·{年}-D10-{件号:4}"
	if err := st.s.InTx(ctx, func(tx *store.Tx) error { return tx.UpdateAgency(ctx, ag) }); err != nil {
		t.Fatal(err)
	}
	year := closed[0].ClosedOn.Year()
	code, body = st.follow(clerk, path+"/archive", url.Values{"csrf": {token(body)}})
	want := fmt.Sprintf("档号：<span class=\"mono\">J012-WS·%d-D10-0001</span>（2026-11-24 归档）", year)
	if code != http.StatusOK || !strings.Contains(body, "已归档。") || !strings.Contains(body, want) || strings.Contains(body, `action="`+path+`/archive"`) {
		t.Fatalf("filed: %d", code)
	}
	// from the list: an open one ticked is refused there, nothing filed
	_, list := st.get(clerk, "/admin/cases")
	code, body, _ = st.post(clerk, "/admin/cases/archive", url.Values{"csrf": {token(list)}, "back": {"/admin/cases?"},
		"case": {fmt.Sprint(closed[1].ID), fmt.Sprint(open[0].ID)}})
	if code == http.StatusSeeOther || !strings.Contains(body, open[0].Serial+" 尚未办结") || !strings.Contains(body, "<h1>申请列表</h1>") {
		t.Fatalf("an open one ticked: %d", code)
	}
	code, _, loc := st.post(clerk, "/admin/cases/archive", url.Values{"csrf": {token(list)}, "back": {"/admin/cases?filed=filed"}, "case": {fmt.Sprint(closed[1].ID)}})
	if code != http.StatusSeeOther || loc != "/admin/cases?filed=filed&ok=archived" {
		t.Fatalf("filed from the list: %d %s", code, loc)
	}
	_, body = st.get(clerk, "/admin/cases?filed=filed")
	if !strings.Contains(body, "共 2 件。") || strings.Count(body, `<span class="tag" title="档号 J012-WS·`) != 2 {
		t.Errorf("the list of filed applications")
	}
}

// 忘记密码 from the login page: without a mail server it says to ask the
// administrator; with one, the same answer for any login, a link that sets
// the new password once, then the login page.
func TestWebForgotPassword(t *testing.T) {
	st := demoSite(t)
	c := st.browser()
	if _, body := st.get(c, "/login"); !strings.Contains(body, `href="/forgot"`) {
		t.Fatal("no 忘记密码 on the login page")
	}
	if _, body := st.get(c, "/forgot"); !strings.Contains(body, "请联系系统管理员为您重设密码") {
		t.Error("without a mail server the page does not say whom to ask")
	}
	srv, m := mailServer(t)
	st.b.Web.Mailer, st.b.Web.PublicURL = m, "https://gk.example"
	for _, login := range []string{"nobody", "clerk"} {
		_, page := st.get(c, "/forgot")
		code, body, _ := st.post(c, "/forgot", url.Values{"csrf": {token(page)}, "login": {login}})
		if code != 200 || !strings.Contains(body, "如果该用户名存在并填写了电子邮箱，重设密码的链接已发到该邮箱") {
			t.Fatalf("%s: %d", login, code)
		}
	}
	got := srv.Messages()
	if len(got) != 1 || got[0].To[0] != "clerk@weibin-demo.example" {
		t.Fatalf("received %+v", got)
	}
	raw, _ := base64.StdEncoding.DecodeString(strings.Join(strings.Split(strings.SplitN(got[0].Data, "\r\n\r\n", 2)[1], "\r\n"), ""))
	_, rest, ok := strings.Cut(string(raw), "https://gk.example/reset?token=")
	if !ok {
		t.Fatalf("no link:\n%s", raw)
	}
	link := "/reset?token=" + strings.Fields(rest)[0]
	_, page := st.get(c, link)
	if !strings.Contains(page, `<strong translate="no">clerk</strong>`) {
		t.Fatal("the reset page does not name the account")
	}
	form := url.Values{"csrf": {token(page)}, "token": {strings.TrimPrefix(link, "/reset?token=")}, "password": {"a-new-password"}, "again": {"another"}}
	if code, body, _ := st.post(c, "/reset", form); code != 422 || !strings.Contains(body, "两次输入的新密码不一致") {
		t.Errorf("mismatch: %d", code)
	}
	form.Set("again", "a-new-password")
	if code, body := st.follow(c, "/reset", form); code != 200 || !strings.Contains(body, "密码已重设，请用新密码登录。") {
		t.Fatalf("reset: %d", code)
	}
	if code, body := st.get(st.browser(), link); code != 404 || !strings.Contains(body, "链接已失效") {
		t.Errorf("the link used twice: %d", code)
	}
	_, lp := st.get(c, "/login")
	if code, _, _ := st.post(c, "/login", url.Values{"csrf": {token(lp)}, "login": {"clerk"}, "password": {"a-new-password"}}); code != http.StatusSeeOther {
		t.Errorf("sign in with the new password: %d", code)
	}
}

// An online applicant who gave an address gets the receipt by e-mail as
// well: serial, day received, 查询码 and where to use it; once for a double tap.
func TestWebReceiptByMail(t *testing.T) {
	st := demoSite(t)
	srv, m := mailServer(t)
	st.b.Web.Mailer, st.b.Web.PublicURL = m, "https://gk.example"
	v := st.browser()
	path := fmt.Sprintf("/apply/%d", mustAgency(st, demo.Main))
	_, body := st.get(v, path)
	form := url.Values{"csrf": {token(body)}, "applicant_type": {"natural"}, "name": {"孙某"}, "id_type": {"身份证"}, "id_number": {"11010519491231002X"},
		"phone": {"13700000000"}, "email": {"sun@example.cn"}, "address": {"卫滨区某路2号"}, "description": {"2026年本区中小学学区划分方案"}, "form": {"电子"}, "delivery": {"电子邮件"}}
	_, body, _ = st.post(v, path, form)
	form.Set("submission", regexp.MustCompile(`name="submission" value="([0-9a-f]{32})"`).FindStringSubmatch(body)[1])
	_, _, loc := st.post(v, path+"/confirm", form)
	st.post(v, path+"/confirm", form) // a double tap
	st.b.Ops.Background()
	got := srv.Messages()
	if len(got) != 1 || got[0].To[0] != "sun@example.cn" {
		t.Fatalf("received %+v", got)
	}
	raw, _ := base64.StdEncoding.DecodeString(strings.Join(strings.Split(strings.SplitN(got[0].Data, "\r\n\r\n", 2)[1], "\r\n"), ""))
	code := strings.TrimPrefix(loc, "/receipt/")
	for _, want := range []string{"孙某：", "卫滨区教育体育和文化旅游局已收到您的政府信息公开申请", "查询码：" + code, "收到申请日期：2026年11月24日", "https://gk.example/status"} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("the receipt lacks %q:\n%s", want, raw)
		}
	}
	if !strings.Contains(got[0].Data, "Reply-To: gongkai@example.gov.cn") {
		t.Error("an answer would not go to the agency")
	}
	if rows, _, err := st.s.ListAudit(context.Background(), []int64{mustAgency(st, demo.Main)}, 1, 0); err != nil || rows[0].Action != "case.notice" || rows[0].Detail != "申请回执 → s***@example.cn" {
		t.Errorf("the receipt's audit line: %+v %v", rows, err)
	}
	// the case shows it under its first step
	cs, err := st.s.CaseByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := st.b.Ops.Case(context.Background(), ops.Principal{AgencyID: cs.AgencyID, Role: casework.Clerk, Name: "测试"}, cs.ID); err != nil || len(v.Notices) != 1 || v.Notices[0].Seq != 1 || v.Notices[0].What != "申请回执" {
		t.Errorf("the case's notices: %+v %v", v, err)
	}
}

// An applicant who gave an address hears of a 补正告知, an extension and the
// answer by e-mail, in the status page's words, pointed to the status page;
// a step that asks nothing of them sends nothing; the setting turns it off.
func TestWebStepNotices(t *testing.T) {
	st := demoSite(t)
	srv, m := mailServer(t)
	st.b.Web.Mailer, st.b.Web.PublicURL = m, "https://gk.example"
	c, csrf := st.login("clerk")
	_, loc := mustCreate(st, c, csrf) // 钱某, qian@example.cn
	bodies := func() []string {
		st.b.Ops.Background()
		var out []string
		for _, msg := range srv.Messages() {
			parts := strings.SplitN(msg.Data, "\r\n\r\n", 2)
			raw, _ := base64.StdEncoding.DecodeString(strings.Join(strings.Split(parts[1], "\r\n"), ""))
			if msg.To[0] != "qian@example.cn" || !strings.Contains(parts[0], "Reply-To: gongkai@example.gov.cn") {
				t.Errorf("sent to %v:\n%s", msg.To, parts[0])
			}
			out = append(out, string(raw))
		}
		return out
	}
	step := func(c *http.Client, csrf string, f url.Values) {
		t.Helper()
		f.Set("csrf", csrf)
		if code, body, _ := st.post(c, loc+"/steps", f); code != http.StatusSeeOther {
			t.Fatalf("%s: %d\n%s", f.Get("kind"), code, body)
		}
	}
	// registered by the staff, the application's receipt goes first: the
	// 查询码 the notices' status page asks for
	got := bodies()
	if len(got) != 1 || !strings.Contains(got[0], "查询码：") || !strings.Contains(got[0], "已收到您的政府信息公开申请") {
		t.Fatalf("the receipt: %q", got)
	}
	step(c, csrf, url.Values{"kind": {"request_correction"}, "on": {"2026-11-24"}, "note": {"请写明所需名录的年份。"}})
	got = bodies()
	if len(got) != 2 {
		t.Fatalf("%d mails after the 补正告知", len(got))
	}
	for _, want := range []string{"钱某：", "（申请编号：", "2026年11月24日，本机关向您发出补正告知。需要补正：请写明所需名录的年份。", "在线提交", "https://gk.example/status", "以本机关送达的文书为准"} {
		if !strings.Contains(got[1], want) {
			t.Errorf("the notice lacks %q:\n%s", want, got[1])
		}
	}
	// kept in the 案卷 (made before the extension: its date would need 2027's holidays)
	if rec := caseRecord(t, st, c, loc); !strings.Contains(rec, "以电子邮件提示申请人的记录") || !strings.Contains(rec, "发出补正告知q***@example.cn") {
		t.Errorf("the 案卷 lacks the notice:\n%s", rec)
	}
	step(c, csrf, url.Values{"kind": {"correction_received"}, "on": {"2026-11-24"}})
	if n := len(bodies()); n != 2 {
		t.Errorf("收到补正 mailed the applicant: %d mails", n)
	}
	h, hcsrf := st.login("head")
	step(h, hcsrf, url.Values{"kind": {"extend"}, "on": {"2026-11-24"}, "note": {"需要调取档案。"}})
	if got = bodies(); len(got) != 3 || !strings.Contains(got[2], "2026年11月24日，本机关延长答复期限") || !strings.Contains(got[2], "理由：需要调取档案。") {
		t.Errorf("the extension's notice: %q", got[2:])
	}
	// the answer: after the preview, confirmed
	step(c, csrf, url.Values{"kind": {"decide"}, "on": {"2026-11-24"}, "outcome": {"not_exist"}, "confirmed": {"1"}})
	if got = bodies(); len(got) != 4 || !strings.Contains(got[3], "2026年11月24日，您的申请已办结，办理结果：") {
		t.Errorf("the answer's notice: %q", got[3:])
	}
	// each sent notice is an audit line, the address masked
	rows, _, err := st.s.ListAudit(context.Background(), []int64{mustAgency(st, demo.Main)}, 30, 0)
	if err != nil {
		t.Fatal(err)
	}
	var noticed []string
	for _, r := range rows {
		if r.Action == "case.notice" {
			noticed = append(noticed, r.Detail)
		}
	}
	if len(noticed) != 4 || !strings.Contains(strings.Join(noticed, "|"), "发出补正告知 → q***@example.cn") || !strings.Contains(noticed[0], "已办结") ||
		!strings.Contains(noticed[3], "申请回执") {
		t.Errorf("audited notices: %q", noticed)
	}
	// and shown under the step it told of, on the case page
	_, page := st.get(c, loc)
	rows2 := strings.Split(section(page, "<h2>办理过程</h2>"), "<tr")
	var shown []string
	for _, r := range rows2 {
		if i := strings.Index(r, "已以电子邮件提示申请人"); i >= 0 {
			step := r[strings.Index(r, "<td>")+4:]
			shown = append(shown, step[:strings.Index(step, "</td>")]+"|"+r[i:i+strings.Index(r[i:], "</span>")])
		}
	}
	if len(shown) != 4 || !strings.HasPrefix(shown[0], "1|") || !strings.Contains(shown[0], "（申请回执）") || !strings.HasPrefix(shown[1], "2|") ||
		!strings.Contains(shown[1], "已以电子邮件提示申请人（发出补正告知）：q***@example.cn，2026-") ||
		!strings.Contains(shown[2], "（延长答复期限）") || !strings.Contains(shown[3], "（已办结）") {
		t.Errorf("the case page's notices: %q", shown)
	}
	// turned off, nothing more is sent
	cur, err := st.b.Ops.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	vals := map[string]string{}
	for _, f := range settings.Fields {
		vals[f.Key] = cur.Get(f.Key)
	}
	vals["applicant_notices"] = "false"
	if _, err := st.b.Ops.SaveSettings(context.Background(), ops.Administrator(0), vals, ""); err != nil {
		t.Fatal(err)
	}
	_, loc = mustCreate(st, c, csrf)
	step(c, csrf, url.Values{"kind": {"request_correction"}, "on": {"2026-11-24"}, "note": {"请写明年份。"}})
	if n := len(bodies()); n != 4 {
		t.Errorf("notices off, yet %d mails (a receipt or a notice)", n)
	}
}

// 找回查询码: linked from the status page; without a mail server the page
// says whom to ask; with one, the same answer whatever was typed, the code
// at the application's address, a wrong field said at the field.
func TestWebStatusCode(t *testing.T) {
	st := demoSite(t)
	v := st.browser()
	if _, body := st.get(v, "/status"); !strings.Contains(body, `href="/status/forgot"`) {
		t.Error("the status page does not link to 找回查询码")
	}
	if code, body := st.get(v, "/status/forgot"); code != 200 || !strings.Contains(body, "请带身份证明联系受理机关") || strings.Contains(body, `name="serial"`) {
		t.Errorf("without a mail server: %d", code)
	}
	srv, m := mailServer(t)
	st.b.Web.Mailer, st.b.Web.PublicURL = m, "https://gk.example"
	c, csrf := st.login("clerk")
	id, _ := mustCreate(st, c, csrf) // qian@example.cn
	cs, err := st.s.GetCase(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	st.b.Ops.Background()
	receipt := len(srv.Messages()) // the registration's receipt
	_, body := st.get(v, "/status/forgot")
	send := func(serial, email string) (int, string) {
		code, body, _ := st.post(v, "/status/forgot", url.Values{"csrf": {token(body)}, "serial": {serial}, "email": {email}})
		return code, body
	}
	const said = "如果申请编号和电子邮箱与申请时填写的一致，查询码已发到该邮箱"
	if code, body := send(cs.Serial, "someone@example.cn"); code != 200 || !strings.Contains(body, said) {
		t.Errorf("a wrong address: %d", code)
	}
	if code, body := send(cs.Serial, "qian@example.cn"); code != 200 || !strings.Contains(body, said) {
		t.Errorf("the right pair: %d", code)
	}
	st.b.Ops.Background()
	got := srv.Messages()[receipt:]
	if len(got) != 1 || got[0].To[0] != "qian@example.cn" {
		t.Fatalf("sent %+v", got)
	}
	raw, _ := base64.StdEncoding.DecodeString(strings.Join(strings.Split(strings.SplitN(got[0].Data, "\r\n\r\n", 2)[1], "\r\n"), ""))
	if !strings.Contains(string(raw), "查询码是："+cs.Code) || !strings.Contains(string(raw), "https://gk.example/status") {
		t.Errorf("the mail:\n%s", raw)
	}
	if code, body := send("", "qian@"); code != 422 || !strings.Contains(body, "请填写申请编号") || !strings.Contains(body, "请填写申请时留下的电子邮箱") {
		t.Errorf("empty fields: %d", code)
	}
}

// mailServer is a real SMTP server on the loopback and a sender to it.
func mailServer(t *testing.T) (*mailtest.Server, *mail.Sender) {
	t.Helper()
	srv, err := mailtest.Start(false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	m, err := mail.Parse("--smtp", "smtp://"+srv.Addr, "noreply@weibin-demo.example")
	if err != nil {
		t.Fatal(err)
	}
	m.TLS = srv.Roots
	return srv, m
}

// checkRollupDownloads: the 报送情况 as a sheet (filtered as the page is),
// and every report kept here in one ZIP after that sheet.
func checkRollupDownloads(t *testing.T, st *site, sup *http.Client) {
	t.Helper()
	rows := func(data []byte) [][]string {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := f.GetRows(f.GetSheetName(0))
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	find := func(rows [][]string, name string) []string {
		for _, r := range rows {
			if len(r) > 0 && r[0] == name {
				return r
			}
		}
		return nil
	}
	_, body := st.get(sup, "/admin/rollup/status?year=2024&format=xlsx")
	all := rows([]byte(body))
	if r := find(all, demo.Main); len(r) < 9 || r[3] != "已报送" || r[5] != "李主任" || r[7] != "0" {
		t.Errorf("the seed agency's row: %q", r)
	}
	if r := find(all, "卫滨区平原镇人民政府"); len(r) < 5 || r[3] != "逾期未报" || r[4] != "逾期" {
		t.Errorf("a late agency's row: %q", r)
	}
	_, body = st.get(sup, "/admin/rollup/status?year=2024&format=xlsx&show=late")
	if late := rows([]byte(body)); find(late, demo.Main) != nil || find(late, "卫滨区平原镇人民政府") == nil {
		t.Error("the filtered sheet is not the page's filter")
	}
	if code, _ := st.get(sup, "/admin/rollup/status?year=2024&format=exe"); code != http.StatusUnprocessableEntity {
		t.Errorf("a format that is none: %d", code)
	}
	// the draft 通报: the counts, the agencies late, the office that issues it
	code, body := st.get(sup, "/admin/rollup/circular?year=2024&format=docx")
	if code != 200 {
		t.Fatalf("circular: %d", code)
	}
	text := docxText(t, []byte(body))
	lateList := text[strings.Index(text, "一、逾期未报送的单位"):strings.Index(text, "二、报告经检查存在错误的单位")]
	if !strings.Contains(text, "关于2024年度政府信息公开工作年度报告报送情况的通报") || !strings.Contains(text, "第四十九条") ||
		!strings.Contains(lateList, "卫滨区平原镇人民政府") || strings.Contains(lateList, demo.Main) || !strings.Contains(text, "新乡市卫滨区人民政府") {
		t.Errorf("circular:\n%s", text)
	}
	if code, body := st.get(sup, "/admin/rollup/circular?year=2024&format=pdf"); code != 200 || !strings.HasPrefix(body, "%PDF") {
		t.Errorf("circular as PDF: %d", code)
	}
	code, body = st.get(sup, "/admin/rollup/reports?year=2024&format=docx")
	zr, err := zip.NewReader(strings.NewReader(body), int64(len(body)))
	if code != 200 || err != nil {
		t.Fatalf("reports zip: %d %v", code, err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if len(names) < 2 || names[0] != "00 报送情况.xlsx" || !slices.Contains(names, demo.Main+"2024年政府信息公开工作年度报告.docx") ||
		slices.Contains(names, "卫滨区平原镇人民政府2024年政府信息公开工作年度报告.docx") {
		t.Errorf("reports zip holds %q", names)
	}
	_, body = st.get(sup, "/admin/rollup/reports?year=2024&format=pdf")
	if zr, err := zip.NewReader(strings.NewReader(body), int64(len(body))); err != nil || len(zr.File) != len(names) || !strings.HasSuffix(zr.File[1].Name, ".pdf") {
		t.Errorf("the PDF zip: %v", err)
	} else if rc, err := zr.File[1].Open(); err == nil {
		head := make([]byte, 5)
		_, _ = io.ReadFull(rc, head)
		_ = rc.Close()
		if string(head) != "%PDF-" {
			t.Errorf("%s is no PDF: %q", zr.File[1].Name, head)
		}
	}
}

// caseRecord is the text of the 办理记录 in the 案卷 of the case at path, its
// spaces and line ends taken out.
func caseRecord(t *testing.T, st *site, c *http.Client, path string) string {
	t.Helper()
	_, zipped := st.get(c, path+"/file")
	zr, err := zip.NewReader(strings.NewReader(zipped), int64(len(zipped)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open("01 办理记录.pdf")
	if err != nil {
		t.Fatal(err)
	}
	rec, _ := io.ReadAll(rc)
	return strings.Join(strings.Fields(pdfToText(t, rec)), "")
}

// An application may ask for what is already published (Art. 36(1)): the
// decision form points to the agency's items the request names, finds
// others on demand, and an answer that it is public must say where.
func TestCasePagePointsToPublished(t *testing.T) {
	st := demoSite(t)
	ag := mustAgency(st, demo.Main)
	rows, _, _ := st.s.ListCases(context.Background(), casework.Filter{AgencyIDs: []int64{ag}, Limit: 100})
	var loc string
	for _, r := range rows {
		if c, _ := st.s.GetCase(context.Background(), r.ID); c.Intake.Request.Description == "本区2024年小学一年级学区划分范围" {
			loc = fmt.Sprintf("/admin/cases/%d", r.ID)
		}
	}
	if loc == "" {
		t.Fatal("the demo has no application for a published item")
	}
	c, csrf := st.login("clerk")
	// fetched when the form is unfolded (the comparison costs more than the page)
	_, body := st.get(c, loc)
	if strings.Contains(body, "data-route") || !strings.Contains(body, `hx-get="`+loc+`?suggest=1"`) {
		t.Errorf("the suggestions are not left to the unfolded form:\n%s", section(body, `id="step-decide"`))
	}
	_, body = st.get(c, loc+"?suggest=1")
	first := strings.Index(body, "主动公开《卫滨区2024年小学一年级学区划分范围》")
	second := strings.Index(body, "主动公开《卫滨区2024年初中一年级招生学区划分范围》")
	if first < 0 || second < first || strings.Contains(body, "主动公开《区教体文旅局召开2024年教育工作会议》") {
		t.Errorf("suggestions (%d, %d):\n%s", first, second, body)
	}
	// the unfolded form's request gets the suggestions alone, not the page
	req, _ := http.NewRequest("GET", st.srv.URL+loc+"?suggest=1", nil)
	req.Header.Set("HX-Request", "true")
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	frag, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(string(frag), `<div class="published" id="published">`) || strings.Contains(string(frag), "<html") ||
		!strings.Contains(string(frag), "主动公开《卫滨区2024年小学一年级学区划分范围》") {
		t.Errorf("the suggestions' fragment (%d, %d bytes):\n%s", resp.StatusCode, len(frag), frag)
	}
	if _, body = st.get(c, loc+"?find="+url.QueryEscape("寒暑假")); !strings.Contains(body, `data-route="本机关已于`) || !strings.Contains(body, "《卫滨区2024年中小学寒暑假放假时间安排》") ||
		!strings.Contains(body, `<details id="step-decide" open>`) {
		t.Errorf("search:\n%s", body)
	}
	if _, body = st.get(c, loc+"?find="+url.QueryEscape("无此文件")); !strings.Contains(body, "本机关公开目录中没有找到“无此文件”") {
		t.Error("an empty search is not said")
	}
	// 已主动公开 without the route is refused at its field; with it the
	// letter says where
	form := url.Values{"csrf": {csrf}, "kind": {"decide"}, "on": {"2026-11-24"}, "outcome": {"already_public"}}
	if code, body, _ := st.post(c, loc+"/steps", form); code != 422 || !strings.Contains(body, casework.RouteNeeded) {
		t.Errorf("no route: %d", code)
	}
	form.Set("route", "本机关已于2024年3月1日在政府信息公开目录“义务教育”栏目主动公开")
	if code, body, _ := st.post(c, loc+"/steps", form); code != 200 || !strings.Contains(body, "获取该信息的方式和途径：本机关已于2024年3月1日在政府信息公开目录“义务教育”栏目主动公开。") ||
		!strings.Contains(body, `name="route" value="本机关已于2024年3月1日`) {
		t.Errorf("preview: %d\n%s", code, body)
	}
	// 予以公开 starts from the form and way the applicant asked for (Art. 40)
	cs, _ := st.s.GetCase(context.Background(), mustID(t, loc))
	want := cs.Intake.Request.Provision()
	if _, body = st.get(c, loc); want == "" || !strings.Contains(body, `name="provision" value="`+want+`"`) {
		t.Errorf("provision %q not offered", want)
	}
	form = url.Values{"csrf": {csrf}, "kind": {"decide"}, "on": {"2026-11-24"}, "outcome": {"disclosed"}, "provision": {"请到本机关档案室查阅"}, "route": {"不应出现"}}
	if code, body, _ := st.post(c, loc+"/steps", form); code != 200 || !strings.Contains(body, "提供方式：请到本机关档案室查阅。") || strings.Contains(body, "方式和途径：不应出现") {
		t.Errorf("preview of 予以公开: %d\n%s", code, body)
	}
	// answered: the applicant reads where it is on the status page
	form = url.Values{"csrf": {csrf}, "kind": {"decide"}, "on": {"2026-11-24"}, "outcome": {"already_public"}, "confirmed": {"1"},
		"route": {"本机关已于2024年9月5日在政府信息公开目录“义务教育”栏目主动公开《卫滨区2024年小学一年级学区划分范围》"}}
	if code, _, _ := st.post(c, loc+"/steps", form); code != http.StatusSeeOther {
		t.Fatalf("decide: %d", code)
	}
	if _, body := st.get(st.browser(), "/status?code="+cs.Code); !strings.Contains(body, "<th>获取方式和途径</th>") || !strings.Contains(body, "《卫滨区2024年小学一年级学区划分范围》") {
		t.Errorf("the status page lacks the route:\n%s", body)
	}
	// who only reads the case is pointed to nothing
	sup, _ := st.login("district")
	if _, body = st.get(sup, loc); strings.Contains(body, "data-route") || !strings.Contains(body, "学区划分范围") || strings.Contains(body, "在本机关公开目录中查找") {
		t.Error("a supervisor is offered the published items")
	}
}

func mustID(t *testing.T, loc string) int64 {
	id, err := strconv.ParseInt(strings.TrimPrefix(loc, "/admin/cases/"), 10, 64)
	if err != nil {
		t.Fatal(loc)
	}
	return id
}

// A 办理人 proposes what only the head may take (a refusal), the head reads
// the letter it would issue, returns it with a reason, then agrees to the
// corrected one, which is recorded as the head's; the 工作台 lists what waits.
func TestWebProposal(t *testing.T) {
	st := demoSite(t)
	c, csrf := st.login("clerk")
	_, loc := mustCreate(st, c, csrf)
	refuse := url.Values{"csrf": {csrf}, "kind": {"decide"}, "on": {"2026-11-24"}, "outcome": {"process_info"}, "propose": {"1"},
		"proposal_note": {"属于内部讨论记录"}}
	if code, _, to := st.post(c, loc+"/steps", refuse); code != http.StatusSeeOther || !strings.Contains(to, "ok=proposed") {
		t.Fatalf("propose: %d %s", code, to)
	}
	if _, body := st.get(c, loc); !strings.Contains(body, "提请负责人审批") || !strings.Contains(body, "拟办意见：属于内部讨论记录") ||
		!strings.Contains(body, "等待负责人审批") || !strings.Contains(body, "撤回提请") || strings.Contains(body, "同意并登记") {
		t.Errorf("the proposer's page:\n%s", body)
	}
	if _, body := st.get(c, "/admin/cases?proposed=1"); !strings.Contains(body, `href="`+loc+`"`) || !strings.Contains(body, "待负责人审批</span>") {
		t.Errorf("the list does not show what waits:\n%s", section(body, `id="results"`))
	}
	head, hcsrf := st.login("head")
	_, body := st.get(head, "/admin/")
	if !strings.Contains(section(body, `id="g-proposed"`), loc+`"`) {
		t.Errorf("the head's 工作台 does not list it:\n%s", body)
	}
	_, body = st.get(head, loc)
	if !strings.Contains(body, "同意并登记") || !strings.Contains(body, "将出具的文书") || !strings.Contains(body, "第十六条第二款") || strings.Contains(body, "撤回提请") {
		t.Errorf("the head's page:\n%s", body)
	}
	// a return without a reason is refused at the proposal
	if code, body, _ := st.post(head, loc+"/proposal", url.Values{"csrf": {hcsrf}, "decision": {"return"}}); code != 422 || !strings.Contains(body, "请写明退回的理由") {
		t.Errorf("return without a reason: %d", code)
	}
	if code, _, _ := st.post(head, loc+"/proposal", url.Values{"csrf": {hcsrf}, "decision": {"return"}, "comment": {"请补充形成过程"}}); code != http.StatusSeeOther {
		t.Fatalf("return: %d", code)
	}
	if _, body = st.get(c, loc); !strings.Contains(body, "提请已退回") || !strings.Contains(body, "请补充形成过程") {
		t.Error("the proposer is not told why it came back")
	}
	if _, body = st.get(c, "/admin/"); !strings.Contains(section(body, `id="g-returned"`), loc+`"`) {
		t.Error("the proposer's 工作台 does not list what came back")
	}
	if _, body = st.get(c, "/admin/cases?returned=1"); !strings.Contains(body, `href="`+loc+`"`) {
		t.Error("the list's filter does not find what came back")
	}
	refuse.Set("proposal_note", "已补充形成过程")
	if code, _, _ := st.post(c, loc+"/steps", refuse); code != http.StatusSeeOther {
		t.Fatal("propose again")
	}
	if code, _, _ := st.post(head, loc+"/proposal", url.Values{"csrf": {hcsrf}, "decision": {"approve"}}); code != http.StatusSeeOther {
		t.Fatalf("approve: %d", code)
	}
	cs, _ := st.s.GetCase(context.Background(), mustID(t, loc))
	if last := cs.Events[len(cs.Events)-1]; cs.State != casework.Closed || last.Step.Outcome != "process_info" || last.Actor.Role != casework.Approver {
		t.Errorf("approved: %s %+v", cs.State, last)
	}
	if _, body = st.get(head, "/admin/"); strings.Contains(section(body, `id="g-proposed"`), loc+`"`) {
		t.Error("the 工作台 still lists it")
	}
	// the 案卷 keeps the 审批: both proposals, the return and its reason, the approval
	if rec := caseRecord(t, st, head, loc); !strings.Contains(rec, "提请负责人审批记录") || !strings.Contains(rec, "退回（李主任") ||
		!strings.Contains(rec, "同意（李主任") || !strings.Contains(rec, "张办理：已补充形成过程") {
		t.Errorf("the 办理记录 lacks the proposals:\n%s", rec)
	}
}

// A letter's 送达 is recorded under it on the case page (by post with its
// number, then the day the 回执 came back), shown to the applicant on the
// status page and kept in the 案卷's 办理记录.
func TestWebDelivery(t *testing.T) {
	st := demoSite(t)
	c, csrf := st.login("clerk")
	id, loc := mustCreate(st, c, csrf)
	mustDecide(t, st, c, csrf, loc)
	if _, body := st.get(c, loc); strings.Contains(body, "登记送达") {
		t.Error("a delivery offered before the letter is issued")
	}
	st.get(c, loc+"/letters/2") // issued
	if code, body, _ := st.post(c, loc+"/letters/2/delivery", url.Values{"csrf": {csrf}, "method": {"邮寄送达"}, "sent_on": {"2026-11-23"}}); code != 422 || !strings.Contains(body, "早于文书的日期") {
		t.Errorf("sent before the letter: %d", code)
	}
	if code, _, to := st.post(c, loc+"/letters/2/delivery", url.Values{"csrf": {csrf}, "method": {"邮寄送达"}, "sent_on": {"2026-11-24"}, "tracking": {"1181234567890"}}); code != http.StatusSeeOther || !strings.Contains(to, "ok=delivered") {
		t.Fatalf("deliver: %d %s", code, to)
	}
	_, body := st.get(c, loc)
	m := regexp.MustCompile(`name="id" value="(\d+)"`).FindStringSubmatch(body)
	if !strings.Contains(body, "2026年11月24日邮寄送达（邮件号 1181234567890）") || m == nil {
		t.Fatalf("the case page:\n%s", body)
	}
	if code, _, _ := st.post(c, loc+"/letters/2/delivery", url.Values{"csrf": {csrf}, "id": {m[1]}, "received_on": {"2026年11月24日"}}); code != http.StatusSeeOther {
		t.Fatalf("receipt: %d", code)
	}
	cs, _ := st.s.GetCase(context.Background(), id)
	want := "2026年11月24日邮寄送达（邮件号 1181234567890），2026年11月24日签收"
	if _, body := st.get(st.browser(), "/status?code="+cs.Code); !strings.Contains(body, want) {
		t.Errorf("the status page lacks %s", want)
	}
	if rec := caseRecord(t, st, c, loc); !strings.Contains(rec, "文书送达记录") || !strings.Contains(rec, "2026年11月24日邮寄送达") || !strings.Contains(rec, "2026年11月24日签收") {
		t.Errorf("the 办理记录 lacks the delivery:\n%s", rec)
	}
}

// An issued letter's 送达回证 is printed from the case page: the letter, its
// 文号, the applicant and address, the ways to tick until a delivery is
// recorded, then that one; refused before the letter is issued and to a
// supervising office.
func TestWebServiceForm(t *testing.T) {
	st := demoSite(t)
	c, csrf := st.login("clerk")
	_, loc := mustCreate(st, c, csrf)
	mustDecide(t, st, c, csrf, loc)
	if code, body := st.get(c, loc+"/letters/2/service"); code != http.StatusConflict || !strings.Contains(body, "请先打开文书") {
		t.Errorf("a 送达回证 of a letter not issued: %d", code)
	}
	if _, body := st.get(c, loc); strings.Contains(body, "/letters/2/service") {
		t.Error("the case page offers a 送达回证 before the letter is issued")
	}
	st.get(c, loc+"/letters/2") // issued
	_, body := st.get(c, loc)
	if !strings.Contains(body, loc+`/letters/2/service"`) {
		t.Fatal("the case page lacks the 送达回证")
	}
	number := regexp.MustCompile(`<span class="small">([^<]*〔2026〕\d+号)</span>`).FindStringSubmatch(body)
	if number == nil {
		t.Fatal("no 文号 on the case page")
	}
	code, pdf := st.get(c, loc+"/letters/2/service")
	if code != 200 || !strings.HasPrefix(pdf, "%PDF-") {
		t.Fatalf("送达回证: %d", code)
	}
	text := strings.Join(strings.Fields(pdfToText(t, []byte(pdf))), "")
	for _, want := range []string{"送达回证", "政府信息公开申请答复书", number[1], "钱某", "□当面送达□邮寄送达□电子邮件□其他", "受送达人（签名或盖章）"} {
		if !strings.Contains(text, want) {
			t.Errorf("the 送达回证 lacks %s:\n%s", want, text)
		}
	}
	if code, _, _ := st.post(c, loc+"/letters/2/delivery", url.Values{"csrf": {csrf}, "method": {"邮寄送达"}, "sent_on": {"2026-11-24"}, "tracking": {"1181234567890"}}); code != http.StatusSeeOther {
		t.Fatalf("deliver: %d", code)
	}
	code, docx := st.get(c, loc+"/letters/2/service?format=docx")
	if code != 200 {
		t.Fatalf("送达回证 in Word: %d", code)
	}
	if doc := docxText(t, []byte(docx)); !strings.Contains(doc, "邮寄送达（邮件号 1181234567890）") || !strings.Contains(doc, "2026年11月24日") || strings.Contains(doc, "□当面送达") {
		t.Errorf("the 送达回证 after the delivery:\n%s", doc)
	}
	sup, _ := st.login("district")
	if code, _ := st.get(sup, loc+"/letters/2/service"); code != http.StatusForbidden {
		t.Errorf("a supervising office prints a 送达回证: %d", code)
	}
}

// A fee notice's delivery, once its day is known, is proposed for 收费通知已送达:
// the form opens with that day and says where it comes from.
func TestWebFeeDeliveryProposed(t *testing.T) {
	st := demoSite(t)
	c, csrf := st.login("clerk")
	_, loc := mustCreate(st, c, csrf)
	if code, _, _ := st.post(c, loc+"/steps", url.Values{"csrf": {csrf}, "kind": {"fee_notice"}, "on": {"2026-11-24"}, "method": {"per_page"}, "pages": {"150"}}); code != http.StatusSeeOther {
		t.Fatalf("fee notice: %d", code)
	}
	form := func() string {
		_, body := st.get(c, loc)
		return section(body, `id="step-fee_delivered"`)
	}
	if f := form(); f == "" || strings.Contains(f, "送达记录") || strings.Contains(f, `id="step-fee_delivered" open`) {
		t.Fatalf("proposed before any delivery:\n%s", f)
	}
	st.get(c, loc+"/letters/2") // issued
	if code, _, _ := st.post(c, loc+"/letters/2/delivery", url.Values{"csrf": {csrf}, "method": {"当面送达"}, "sent_on": {"2026-11-24"}}); code != http.StatusSeeOther {
		t.Fatalf("deliver: %d", code)
	}
	f := form()
	if !strings.Contains(f, `id="step-fee_delivered" open`) || !strings.Contains(f, `name="on" value="2026-11-24"`) || !strings.Contains(f, "送达记录：申请人于 2026年11月24日 收到收费通知") {
		t.Errorf("not proposed:\n%s", f)
	}
	if code, _, _ := st.post(c, loc+"/steps", url.Values{"csrf": {csrf}, "kind": {"fee_delivered"}, "on": {"2026-11-24"}}); code != http.StatusSeeOther {
		t.Fatalf("fee delivered: %d", code)
	}
	if f := form(); strings.Contains(f, "送达记录") {
		t.Errorf("proposed again once recorded:\n%s", f)
	}
}

// section is the part of a page from the element with attr to the end of its
// section ("" when there is none).
func section(body, attr string) string {
	i := strings.Index(body, attr)
	if i < 0 {
		return ""
	}
	rest := body[i:]
	if j := strings.Index(rest, "</section>"); j >= 0 {
		return rest[:j]
	}
	return rest
}

// A 补正 note written twice is offered on the next application's form.
func TestWebPhrases(t *testing.T) {
	st := demoSite(t)
	c, csrf := st.login("clerk")
	note := "请写明所需信息的具体年份和学段。"
	for range 2 {
		_, loc := mustCreate(st, c, csrf)
		if code, _, _ := st.post(c, loc+"/steps", url.Values{"csrf": {csrf}, "kind": {"request_correction"}, "on": {"2026-11-24"}, "note": {note}}); code != http.StatusSeeOther {
			t.Fatalf("补正: %d", code)
		}
	}
	_, loc := mustCreate(st, c, csrf)
	if _, body := st.get(c, loc); !strings.Contains(section(body, `id="step-request_correction"`), `data-phrase="`+note+`"`) {
		t.Errorf("the note is not offered:\n%s", section(body, `id="step-request_correction"`))
	}
	// × posts what app.js sends: the step form's token and kind, the phrase
	forget := url.Values{"csrf": {csrf}, "kind": {"request_correction"}, "phrase": {note}}
	sc, scsrf := st.login("district")
	if code, _, _ := st.post(sc, loc+"/phrases/forget", url.Values{"csrf": {scsrf}, "kind": {"request_correction"}, "phrase": {note}}); code != http.StatusForbidden {
		t.Errorf("a supervisor forgets a phrase: %d", code)
	}
	code, _, back := st.post(c, loc+"/phrases/forget", forget)
	if code != http.StatusSeeOther || back != loc+"?ok=forgot#step-request_correction" {
		t.Fatalf("forget: %d %s", code, back)
	}
	if _, body := st.get(c, back); strings.Contains(body, `data-phrase="`+note+`"`) || !strings.Contains(body, "这条常用语不再提示") {
		t.Errorf("still offered, or not said:\n%s", section(body, `id="step-request_correction"`))
	}
	// a second click on a stale page is said on the page
	if code, body, _ := st.post(c, loc+"/phrases/forget", forget); code != http.StatusUnprocessableEntity || !strings.Contains(body, "已不在列表中") {
		t.Errorf("forgotten twice: %d", code)
	}
}

// The staff print the 接收回执 of an application they registered from its
// first step (page, Word, PDF): its 查询码, its period, where to look it up;
// a supervisor who reads the case is not offered it and cannot draft it.
func TestWebReceiptLetter(t *testing.T) {
	st := demoSite(t)
	st.b.Web.PublicURL = "https://gk.example"
	c, csrf := st.login("clerk")
	id, loc := mustCreate(st, c, csrf)
	_, page := st.get(c, loc)
	if !strings.Contains(section(page, "<h2>办理过程</h2>"), `href="`+loc+`/receipt?format=pdf"`) {
		t.Fatal("no 接收回执 under the registration")
	}
	cs, err := st.s.GetCase(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	code, body := st.get(c, loc+"/receipt")
	for _, want := range []string{"政府信息公开申请接收回执", "查询码：" + cs.Code, "2026年12月22日", "https://gk.example/status"} {
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("the receipt (%d) lacks %q", code, want)
		}
	}
	if code, body := st.get(c, loc+"/receipt?format=pdf"); code != 200 || !strings.HasPrefix(body, "%PDF-") || !strings.Contains(pdfToText(t, []byte(body)), cs.Code) {
		t.Errorf("the PDF: %d", code)
	}
	sup, _ := st.login("district")
	if _, page := st.get(sup, loc); strings.Contains(page, loc+"/receipt") {
		t.Error("a supervisor is offered the receipt")
	}
	if code, _ := st.get(sup, loc+"/receipt"); code != 403 {
		t.Errorf("a supervisor drafted it: %d", code)
	}
}

// Where an open application has no running deadline, the 工作台 and the list
// say why (补正, 缴费, 征求意见) instead of leaving the cell empty; the list
// marks the overdue ones as the 工作台 does.
func TestListsSayWhyNoDeadline(t *testing.T) {
	st := demoSite(t)
	c, _ := st.login("clerk")
	_, dash := st.get(c, "/admin/")
	for group, want := range map[string]string{"correction": "待补正后计算", "payment": "缴费期间不计算", "consulting": "征求意见期间不计算"} {
		if !strings.Contains(section(dash, `id="g-`+group+`"`), want) {
			t.Errorf("the 工作台's %s group does not say %q", group, want)
		}
	}
	_, list := st.get(c, "/admin/cases")
	rows := strings.Split(list, "<tr")
	var late, waiting int
	for _, r := range rows {
		if strings.Contains(r, `class="overdue"`) {
			late++
			if !strings.Contains(r, "已超期") || !strings.Contains(r, "办理中") {
				t.Errorf("an overdue row: %s", r)
			}
		}
		if strings.Contains(r, "缴费期间不计算") || strings.Contains(r, "征求意见期间不计算") || strings.Contains(r, "待补正后计算") {
			waiting++
		}
	}
	if late != 1 || waiting != 3 {
		t.Errorf("the list: %d overdue, %d waiting rows, want 1 and 3", late, waiting)
	}
}

// The applicant keeps the 接收回执 from the status page: the proof of the
// day the agency received the application; without the 查询码, nothing.
func TestStatusReceipt(t *testing.T) {
	st := demoSite(t)
	c, csrf := st.login("clerk")
	id, _ := mustCreate(st, c, csrf)
	cs, err := st.s.GetCase(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	v := st.browser()
	if _, page := st.get(v, "/status?code="+cs.Code); !strings.Contains(page, `href="/status/receipt?code=`+cs.Code+`&amp;format=pdf"`) {
		t.Fatal("the status page does not offer the receipt")
	}
	code, body := st.get(v, "/status/receipt?code="+cs.Code)
	if code != 200 || !strings.Contains(body, "政府信息公开申请接收回执") || !strings.Contains(body, "申请编号："+cs.Serial) || !strings.Contains(body, "2026年11月24日收到您当面提交") {
		t.Errorf("the receipt: %d\n%s", code, body)
	}
	if code, body := st.get(v, "/status/receipt?code="+cs.Code+"&format=pdf"); code != 200 || !strings.HasPrefix(body, "%PDF-") {
		t.Errorf("the PDF: %d", code)
	}
	for _, q := range []string{"", "?code=", "?code=NOSUCHCODE"} {
		if code, _ := st.get(v, "/status/receipt"+q); code != 404 {
			t.Errorf("%q: %d", q, code)
		}
	}
}

// A normative document whose 有效期 ends within 90 days (a setting) is on
// the 工作台 of the agency's staff, its link opening the document's form;
// not on a supervisor's (the window itself: catalog's TestExpiring).
func TestWebExpiringDocuments(t *testing.T) {
	st := demoSite(t)
	c, csrf := st.login("clerk")
	if _, dash := st.get(c, "/admin/"); strings.Contains(dash, `id="g-expiring"`) {
		t.Fatal("the demo has a document ending soon already")
	}
	code, _, _ := st.post(c, "/admin/normative", url.Values{"csrf": {csrf}, "kind": {"normative"}, "title": {"卫滨区校外培训机构管理暂行办法"},
		"doc_no": {"卫教规〔2025〕3号"}, "issued_on": {"2025-01-15"}, "expires_on": {"2027-01-15"}})
	if code != http.StatusSeeOther {
		t.Fatalf("register: %d", code)
	}
	_, dash := st.get(c, "/admin/")
	sec := section(dash, `id="g-expiring"`)
	m := regexp.MustCompile(`href="(/admin/normative\?edit=\d+)#doc-\d+"`).FindStringSubmatch(sec)
	if m == nil || !strings.Contains(sec, "卫滨区校外培训机构管理暂行办法") || !strings.Contains(sec, "有效期至 2027-01-15，还有 52 天") {
		t.Fatalf("the 工作台's section:\n%s", sec)
	}
	_, page := st.get(c, m[1])
	if !strings.Contains(page, "<details open><summary>修改、废止或登记修订") {
		t.Error("the link does not open the document's form")
	}
	d, _ := st.login("district")
	if _, dash := st.get(d, "/admin/"); strings.Contains(dash, `id="g-expiring"`) {
		t.Error("a supervisor is shown the agency's register")
	}
	// the window is a setting: 30 days leaves the 52 out, 0 lists none
	adm, acsrf := st.login("admin")
	form := settingsForm(t, st, acsrf)
	for _, days := range []string{"30", "0"} {
		form.Set("expiry_notice_days", days)
		if code, _, _ := st.post(adm, "/admin/settings", form); code != http.StatusSeeOther {
			t.Fatalf("expiry_notice_days %s: %d", days, code)
		}
		if _, dash := st.get(c, "/admin/"); strings.Contains(dash, `id="g-expiring"`) {
			t.Errorf("with %s days the 工作台 lists a document ending in 52", days)
		}
	}
	form.Set("expiry_notice_days", "400")
	if code, body, _ := st.post(adm, "/admin/settings", form); code != 422 || !strings.Contains(body, "规范性文件有效期届满提前提醒") {
		t.Errorf("400 days: %d", code)
	}
	// two people on it: the repeal of one, then another's save from a form
	// opened before it is refused with the difference, in its own row
	seen := regexp.MustCompile(`action="(/admin/normative/\d+)" class="form grid"><input type="hidden" name="csrf" value="[^"]*"><input type="hidden" name="seen" value="([0-9a-f]+)"`).FindStringSubmatch(page)
	if seen == nil {
		t.Fatal("the document's form carries no fingerprint")
	}
	edit := url.Values{"csrf": {csrf}, "seen": {seen[2]}, "kind": {"normative"}, "title": {"卫滨区校外培训机构管理暂行办法"},
		"doc_no": {"卫教规〔2025〕3号"}, "issued_on": {"2025-01-15"}, "expires_on": {"2027-01-15"}, "repealed_on": {"2026-11-01"}}
	if code, _, _ := st.post(c, seen[1], edit); code != http.StatusSeeOther {
		t.Fatalf("repeal: %d", code)
	}
	edit.Set("repealed_on", "")
	edit.Set("note", "经合法性审核")
	code, page, _ = st.post(c, seen[1], edit)
	if i, j := strings.Index(page, `action="`+seen[1]+`"`), strings.Index(page, `action="/admin/normative"`); code != http.StatusConflict || i < 0 || j < 0 ||
		!strings.Contains(page, "废止日期 2026-11-01 → （空）；备注 （空） → 经合法性审核") || !strings.Contains(page[i:j], `value="经合法性审核"`) || strings.Contains(page[j:], "经合法性审核") {
		t.Errorf("a save over another's: %d", code)
	}
	edit.Set("seen", seen[2])
	edit.Set("issued_on", "2025-02-30")
	code, page, _ = st.post(c, seen[1], edit)
	if i, j := strings.Index(page, `action="`+seen[1]+`"`), strings.Index(page, `action="/admin/normative"`); code != 422 || i < 0 || j < 0 ||
		!strings.Contains(page, "未能保存") || !strings.Contains(page[i:j], `value="2025-02-30"`) || strings.Contains(page[j:], "2025-02-30") {
		t.Errorf("a refused edit: %d", code)
	}
}

// The page header names the viewer's role short, the full name on hover,
// and leads to 我的账号 by the name (the navigation stays on one line: see
// TestBrowserHeaderOneLine).
func TestHeaderRole(t *testing.T) {
	st := demoSite(t)
	h, _ := st.login("head")
	if _, page := st.get(h, "/admin/"); !strings.Contains(page, `<a class="name" href="/admin/password" title="我的账号：公开工作机构负责人">李主任<span class="role">（负责人）</span></a>`) {
		t.Error("the head's header")
	}
	a, _ := st.login("admin")
	if _, page := st.get(a, "/admin/"); !strings.Contains(page, `title="我的账号：系统管理员">系统管理员<span class="role">（管理员）</span></a>`) {
		t.Error("the administrator's header")
	}
}

// An application answered after its deadline is tagged 逾期答复 in the list,
// as the filter 只看逾期答复 finds it; one answered in time is not.
func TestListTagsLateAnswers(t *testing.T) {
	st := demoSite(t)
	c, csrf := st.login("clerk")
	// received in September, answered today: long after its deadline
	form := intakeForm(csrf)
	form.Set("received_on", "2026-09-01")
	code, _, loc := st.post(c, "/admin/cases", form)
	if code != http.StatusSeeOther {
		t.Fatalf("create: %d", code)
	}
	loc = strings.SplitN(loc, "?", 2)[0]
	if code, _, _ := st.post(c, loc+"/steps", url.Values{"csrf": {csrf}, "kind": {"decide"}, "on": {"2026-11-24"}, "outcome": {"not_exist"}, "confirmed": {"1"}}); code != http.StatusSeeOther {
		t.Fatalf("decide: %d", code)
	}

	_, late := st.get(c, "/admin/cases?late=1")
	_, all := st.get(c, "/admin/cases")
	n := strings.Count(late, ">逾期答复</span>")
	if n == 0 || n != strings.Count(late, "<td class=\"head\">") || !strings.Contains(late, `href="`+loc+`"`) {
		t.Errorf("the late ones: %d tagged of %d", n, strings.Count(late, "<td class=\"head\">"))
	}
	if strings.Count(all, ">逾期答复</span>") != n {
		t.Errorf("the whole list tags %d, the filter finds %d", strings.Count(all, ">逾期答复</span>"), n)
	}
}

// docxText is the text of a Word file's body, its tags taken out.
func docxText(t *testing.T, docx []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatalf("not a Word file: %v", err)
	}
	rc, err := zr.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	raw, _ := io.ReadAll(rc)
	return regexp.MustCompile(`<[^>]+>`).ReplaceAllString(string(raw), "")
}

// mustDecide answers the application at loc (予以公开, 2026-11-24).
func mustDecide(t *testing.T, st *site, c *http.Client, csrf, loc string) {
	t.Helper()
	if code, _, _ := st.post(c, loc+"/steps", url.Values{"csrf": {csrf}, "kind": {"decide"}, "on": {"2026-11-24"}, "outcome": {"disclosed"}, "confirmed": {"1"}}); code != http.StatusSeeOther {
		t.Fatalf("decide: %d", code)
	}
}

// settingsForm is the 办理规则 page's form as the settings in force fill it.
func settingsForm(t *testing.T, st *site, csrf string) url.Values {
	t.Helper()
	cur, err := st.b.Ops.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	form := url.Values{"csrf": {csrf}}
	for _, f := range settings.Fields {
		v := cur.Get(f.Key)
		switch {
		case f.Kind == settings.Multi:
			for _, id := range strings.Split(v, ",") {
				if id != "" {
					form.Add(f.Key, id)
				}
			}
		case f.Kind == settings.Bool && v != "true":
		default:
			form.Set(f.Key, v)
		}
	}
	return form
}

// The 工作台's Art. 26 section counts every overdue item and lists the 20
// most overdue, saying how many more there are.
func TestWebDueItemsShownInPart(t *testing.T) {
	st := demoSite(t)
	ctx := context.Background()
	ag := mustAgency(st, demo.Main)
	c, _ := st.login("clerk")
	u, _, err := st.s.UserByLogin(ctx, "clerk")
	if err != nil {
		t.Fatal(err)
	}
	before, _, err := st.b.Ops.Due(ctx, ops.User(u))
	if err != nil {
		t.Fatal(err)
	}
	var items []catalog.Item
	for i := range 25 {
		items = append(items, catalog.Item{Title: fmt.Sprintf("积压的第%d期简报", i), Summary: "简报", FormedOn: workday.NewDate(2026, 3, 2) + workday.Date(i), Category: "11"})
	}
	if err := st.s.InTx(ctx, func(tx *store.Tx) error { return tx.BulkInsertItems(ctx, ag, "ZZ", items) }); err != nil {
		t.Fatal(err)
	}
	if _, err := st.s.DB().Exec(`UPDATE catalog_items SET state = 'draft', published_on = NULL WHERE title LIKE '积压的%'`); err != nil {
		t.Fatal(err)
	}
	_, dash := st.get(c, "/admin/")
	sec := section(dash, `id="g-catalog"`)
	total := len(before) + 25
	if !strings.Contains(sec, fmt.Sprintf("%d 条逾期）", total)) || !strings.Contains(sec, fmt.Sprintf("另有 %d 条逾期未公开", total-20)) ||
		strings.Count(sec, `<strong class="bad">`) != 20 {
		t.Errorf("the 工作台's Art. 26 section with %d overdue:\n%s", total, sec)
	}
}
