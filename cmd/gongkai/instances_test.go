package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"gongkai/internal/demo"
	"gongkai/internal/storetest"
)

// TestTwoInstances runs two `serve` processes on one PostgreSQL database, as
// a province deploys gongkai behind a load balancer: they migrate once when
// started together; a session, a login throttle, a rate limit and a public
// form token made on one hold on the other; concurrent writers on both never
// share a 申请编号, 文号 or 查询码; and SIGTERM drains before the process exits.
func TestTwoInstances(t *testing.T) {
	dsn := storetest.EmptyPostgres(t)
	var a, b *child
	var wg sync.WaitGroup
	wg.Go(func() { a = startServe(t, dsn) })
	wg.Go(func() { b = startServe(t, dsn) })
	wg.Wait()
	defer a.kill(t)
	defer b.kill(t)
	s := openChecked(t, dsn)
	var versions, distinct int
	if err := s.DB().QueryRowContext(context.Background(), `SELECT count(*), count(DISTINCT version) FROM schema_migrations`).Scan(&versions, &distinct); err != nil {
		t.Fatal(err)
	}
	closeChecked(t, s)
	if versions == 0 || versions != distinct {
		t.Fatalf("migrations: %d rows, %d versions", versions, distinct)
	}
	if _, stderr, code := gk(t, "demo", "init", "--db", dsn); code != 0 {
		t.Fatal(stderr)
	}
	t.Run("session", func(t *testing.T) { sharedSession(t, a, b) })
	t.Run("login throttle", func(t *testing.T) { sharedThrottle(t, a, b) })
	t.Run("public form and rate limit", func(t *testing.T) { sharedPublicForm(t, a, b, dsn) })
	t.Run("concurrent writers", func(t *testing.T) { concurrentWriters(t, a, b, dsn) })
	t.Run("graceful shutdown", func(t *testing.T) { gracefulShutdown(t, dsn) })
}

type browser struct {
	c  *http.Client
	ip string
}

func newBrowser(ip string) *browser {
	jar, _ := cookiejar.New(nil) // cookies ignore the port: both instances see them, as behind one host name
	return &browser{c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}, ip: ip}
}

func (br *browser) do(t *testing.T, method, u string, form url.Values) (int, string, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, u, body)
	req.Header.Set("X-Forwarded-For", br.ip)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := br.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header.Get("Location")
}

func (br *browser) token(t *testing.T, u string) string {
	_, page, _ := br.do(t, "GET", u, nil)
	m := crashCSRF.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no form token on %s", u)
	}
	return m[1]
}

func sharedSession(t *testing.T, a, b *child) {
	br := newBrowser("10.1.0.1")
	code, _, loc := br.do(t, "POST", a.base+"/login", url.Values{"csrf": {br.token(t, a.base+"/login")}, "login": {"clerk"}, "password": {demo.Password}})
	if code != http.StatusSeeOther || loc != "/admin/" {
		t.Fatalf("login on A: %d %s", code, loc)
	}
	if code, page, loc := br.do(t, "GET", b.base+"/admin/", nil); code != 200 || !strings.Contains(page, "张办理") {
		t.Errorf("the session from A on B: %d %s", code, loc)
	}
}

// Five wrong passwords of one account from one address are free, counted
// over both instances together (neither saw more than three): the next
// attempt waits, even with the right password, while the right password from
// a clean address still gets in.
func sharedThrottle(t *testing.T, a, b *child) {
	br := newBrowser("10.2.0.1")
	for i := range 5 {
		inst := []*child{a, b}[i%2]
		code, _, _ := br.do(t, "POST", inst.base+"/login", url.Values{"csrf": {br.token(t, inst.base+"/login")}, "login": {"head"}, "password": {"wrong"}})
		if code != http.StatusUnauthorized && code != http.StatusUnprocessableEntity {
			t.Fatalf("wrong password %d: %d", i, code)
		}
	}
	code, _, _ := br.do(t, "POST", a.base+"/login", url.Values{"csrf": {br.token(t, a.base+"/login")}, "login": {"head"}, "password": {demo.Password}})
	if code != http.StatusTooManyRequests {
		t.Errorf("after five failures over both instances the pair still gets in: %d", code)
	}
	clean := newBrowser("10.2.0.2")
	code, _, loc := clean.do(t, "POST", b.base+"/login", url.Values{"csrf": {clean.token(t, b.base+"/login")}, "login": {"head"}, "password": {demo.Password}})
	if code != http.StatusSeeOther || loc != "/admin/" {
		t.Errorf("the right password from a clean address: %d %s", code, loc)
	}
}

// The form token from A is good on B; ten applications from one address an
// hour are allowed over both instances together, the eleventh is not.
func sharedPublicForm(t *testing.T, a, b *child, dsn string) {
	s := openChecked(t, dsn)
	ag, err := s.AgencyByName(context.Background(), demo.Main)
	closeChecked(t, s)
	if err != nil {
		t.Fatal(err)
	}
	br := newBrowser("10.3.0.1")
	for i := range 11 {
		first, second := []*child{a, b}[i%2], []*child{b, a}[i%2]
		path := fmt.Sprintf("/apply/%d", ag.ID)
		form := url.Values{"csrf": {br.token(t, first.base+path)}, "applicant_type": {"natural"}, "name": {fmt.Sprintf("两实例%d", i)},
			"id_type": {"身份证"}, "id_number": {"11010519491231002X"}, "phone": {"13700000000"}, "email": {"p@example.cn"},
			"address": {"卫滨区某路1号"}, "description": {fmt.Sprintf("两个实例 %d", i)}, "form": {"电子"}, "delivery": {"电子邮件"}}
		code, page, _ := br.do(t, "POST", second.base+path, form)
		m := crashSubmission.FindStringSubmatch(page)
		if code != 200 || m == nil {
			t.Fatalf("check on the other instance: %d", code)
		}
		form.Set("submission", m[1])
		code, _, loc := br.do(t, "POST", first.base+path+"/confirm", form)
		switch {
		case i < 10 && (code != http.StatusSeeOther || !strings.HasPrefix(loc, "/receipt/")):
			t.Fatalf("application %d: %d %s", i+1, code, loc)
		case i == 10 && code != http.StatusTooManyRequests:
			t.Errorf("the eleventh application in the hour, split over both instances: %d", code)
		}
	}
}

// Eight writers per instance register, decide and open the reply letter
// (which allocates its 文号); no number is handed out twice.
func concurrentWriters(t *testing.T, a, b *child, dsn string) {
	key, stderr, code := gk(t, "apikey", "create", "--db", dsn, "--agency", demo.Main, "--name", "两实例", "--role", "approver")
	if code != 0 {
		t.Fatal(stderr)
	}
	key = strings.TrimSpace(key)
	call := func(method, u, body string) (int, map[string]any) {
		req, _ := http.NewRequest(method, u, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+key)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
			return 0, nil
		}
		defer func() { _ = resp.Body.Close() }()
		var m map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&m)
		return resp.StatusCode, m
	}
	var wg sync.WaitGroup
	for w := range 16 {
		base := []*child{a, b}[w%2].base
		wg.Go(func() {
			for i := range 6 {
				code, m := call("POST", base+"/api/v1/cases", fmt.Sprintf(`{"channel":"online","confirmed_on":"2026-03-02",`+
					`"applicant":{"type":"natural","name":"并发%d-%d","phone":"13800000000"},"request":{"description":"并发 %d-%d","form":"电子","delivery":"电子邮件"}}`, w, i, w, i))
				if code != http.StatusCreated {
					t.Errorf("register: %d %v", code, m)
					return
				}
				id := int64(m["id"].(float64))
				if code, m := call("POST", fmt.Sprintf("%s/api/v1/cases/%d/steps", base, id), `{"kind":"decide","on":"2026-03-10","outcome":"disclosed"}`); code != 200 {
					t.Errorf("decide: %d %v", code, m)
					return
				}
				if code, m := call("GET", fmt.Sprintf("%s/api/v1/cases/%d/letters/2", base, id), ""); code != 200 || m["number"] == "" {
					t.Errorf("letter: %d %v", code, m)
				}
			}
		})
	}
	wg.Wait()
	s := openChecked(t, dsn)
	defer closeChecked(t, s)
	for what, q := range map[string]string{
		"申请编号": `SELECT agency_id || ' ' || serial, count(*) FROM cases GROUP BY 1 HAVING count(*) > 1`,
		"查询码":  `SELECT code, count(*) FROM cases GROUP BY 1 HAVING count(*) > 1`,
		"文号":   `SELECT c.agency_id || ' ' || l.number, count(*) FROM letters l JOIN cases c ON c.id = l.case_id GROUP BY 1 HAVING count(*) > 1`,
	} {
		var dup string
		var n int
		err := s.DB().QueryRowContext(context.Background(), q).Scan(&dup, &n)
		if err == nil {
			t.Errorf("%s %s handed out %d times", what, dup, n)
		}
	}
	var letters int
	if err := s.DB().QueryRowContext(context.Background(), `SELECT count(*) FROM letters`).Scan(&letters); err != nil || letters < 96 {
		t.Errorf("%d letters numbered (%v)", letters, err)
	}
}

// SIGTERM: /healthz turns 503 for the drain period while pages are still
// served (the load balancer stops sending), then the process exits 0.
func gracefulShutdown(t *testing.T, dsn string) {
	c := startServe(t, dsn, "--drain", "1500ms")
	if err := c.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- c.cmd.Wait() }()
	time.Sleep(300 * time.Millisecond)
	get := func(path string) int {
		resp, err := http.Get(c.base + path)
		if err != nil {
			t.Errorf("%s while draining: %v", path, err)
			return 0
		}
		_ = resp.Body.Close()
		return resp.StatusCode
	}
	if code := get("/healthz"); code != http.StatusServiceUnavailable {
		t.Errorf("/healthz while draining: %d", code)
	}
	if code := get("/login"); code != 200 {
		t.Errorf("a page while draining: %d", code)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after SIGTERM: %v (%s)", err, c.log.String())
		}
	case <-time.After(30 * time.Second):
		_ = c.cmd.Process.Kill()
		t.Fatal("serve did not stop within 30 s of SIGTERM")
	}
}
