package server_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"gongkai/internal/clock"
	"gongkai/internal/demo"
	"gongkai/internal/fetch"
	"gongkai/internal/server"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
	"gongkai/internal/workday"
)

// testClock is the servers' clock: 2026-11-24 10:00 Beijing time.
var testClock = clock.At(time.Date(2026, 11, 24, 2, 0, 0, 0, time.UTC))

// newServer is a server with options o on the demo, in a SQLite database of
// the test's own (a copy of the demo seeded once for the package).
func newServer(t *testing.T, o server.Options) (*server.Server, *httptest.Server) {
	t.Helper()
	o.Store = storetest.Seeded(t, testClock, func(s *store.Store) error {
		b, err := server.New(server.Options{Store: s, Clock: testClock, Calendar: workday.Default()})
		if err == nil {
			_, err = demo.Seed(context.Background(), b.Ops)
		}
		return err
	})
	o.Clock, o.Calendar = testClock, workday.Default()
	srv, err := server.New(o)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler)
	t.Cleanup(hs.Close)
	return srv, hs
}

// TestMain removes the seeded demo's file after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	storetest.RemoveSeeded()
	os.Exit(code)
}

// countingReader is an endless multipart field that counts what the server
// took.
type countingReader struct {
	n    atomic.Int64
	head []byte
}

const partHead = "--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n"

func (c *countingReader) Read(p []byte) (int, error) {
	if c.n.Load() == 0 {
		c.head = []byte(partHead)
	}
	for i := range p {
		if len(c.head) > 0 {
			p[i], c.head = c.head[0], c.head[1:]
			continue
		}
		p[i] = 'a'
	}
	c.n.Add(int64(len(p)))
	if c.n.Load() > 200<<20 {
		return len(p), io.EOF
	}
	return len(p), nil
}

// Finding 1: a large body to a public form is refused with 413 before it is
// read, whether it declares its length or streams without one.
func TestBodyLimits(t *testing.T) {
	_, hs := newServer(t, server.Options{})
	for _, path := range []string{"/apply/1/confirm", "/apply/1", "/login", "/admin/cases", "/api/v1/cases"} {
		for _, declared := range []bool{true, false} {
			body := &countingReader{}
			req, _ := http.NewRequest("POST", hs.URL+path, body)
			if declared {
				req.ContentLength = 100 << 20
			}
			req.Header.Set("Content-Type", "multipart/form-data; boundary=x")
			if strings.HasPrefix(path, "/api/") {
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer gk_nothing")
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				// the server may close the connection while the client still sends
				if read := body.n.Load(); read > 8<<20 {
					t.Errorf("%s: %v after %d bytes", path, err, read)
				}
				continue
			}
			_ = resp.Body.Close()
			// an API call with a bad key may be refused as 401 before its body
			if resp.StatusCode != http.StatusRequestEntityTooLarge && !(strings.HasPrefix(path, "/api/") && resp.StatusCode == 401) {
				t.Errorf("%s (declared %v): %d, want 413", path, declared, resp.StatusCode)
			}
			if read := body.n.Load(); read > 8<<20 {
				t.Errorf("%s (declared %v): the server read %d MB of a body it should have refused", path, declared, read>>20)
			}
		}
	}
	// the routes that take whole reports (a zip of them) have their own,
	// larger limit, and refuse what declares more before reading it
	for _, path := range []string{"/admin/check", "/api/v1/audit"} {
		body := &countingReader{}
		req, _ := http.NewRequest("POST", hs.URL+path, body)
		req.ContentLength = 200 << 20
		req.Header.Set("Content-Type", "multipart/form-data; boundary=x")
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode != http.StatusRequestEntityTooLarge {
				t.Errorf("%s: %d, want 413", path, resp.StatusCode)
			}
		}
		if read := body.n.Load(); read > 8<<20 {
			t.Errorf("%s: the server read %d MB of a body it should have refused", path, read>>20)
		}
	}
	// a stranger's upload to the back office, streamed without a length: sent
	// to the login page before the server reads it
	for _, path := range []string{"/admin/check", "/admin/import", "/admin/cases/1/attachments"} {
		body := &countingReader{}
		req, _ := http.NewRequest("POST", hs.URL+path, body)
		req.Header.Set("Content-Type", "multipart/form-data; boundary=x")
		req.AddCookie(&http.Cookie{Name: "gk_session", Value: "forged"})
		c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := c.Do(req)
		if err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode != http.StatusSeeOther {
				t.Errorf("%s from a stranger: %d, want 303 to the login page", path, resp.StatusCode)
			}
		}
		if read := body.n.Load(); read > 8<<20 {
			t.Errorf("%s: the server read %d MB of a stranger's upload", path, read>>20)
		}
	}
	// a stranger's file to the status page's 补正 form, without a 查询码 that
	// may send one: refused before the server reads it
	for _, path := range []string{"/status/correction", "/status/correction?code=NOSUCHCODE"} {
		body := &countingReader{}
		req, _ := http.NewRequest("POST", hs.URL+path, body)
		req.Header.Set("Content-Type", "multipart/form-data; boundary=x")
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode != http.StatusNotFound {
				t.Errorf("%s from a stranger: %d, want 404", path, resp.StatusCode)
			}
		}
		if read := body.n.Load(); read > 8<<20 {
			t.Errorf("%s: the server read %d MB of a stranger's upload", path, read>>20)
		}
	}
	// a form within its limit still works
	resp, err := http.Get(hs.URL + "/login")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("login page: %v", err)
	}
	_ = resp.Body.Close()
}

// Finding 8: behind TLS the session cookie is Secure and HSTS is sent;
// without TLS neither (a Secure cookie over plain HTTP is never sent back).
func TestTLSCookiesAndHSTS(t *testing.T) {
	for _, tls := range []bool{false, true} {
		_, hs := newServer(t, server.Options{TLS: tls})
		resp, err := http.Get(hs.URL + "/login")
		if err != nil {
			t.Fatal(err)
		}
		page, _ := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		if got := resp.Header.Get("Strict-Transport-Security") != ""; got != tls {
			t.Errorf("tls=%v: HSTS sent %v", tls, got)
		}
		csrf := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindSubmatch(page)
		var cookies []*http.Cookie
		cookies = append(cookies, resp.Cookies()...)
		form := url.Values{"login": {"clerk"}, "password": {demo.Password}}
		if csrf != nil {
			form.Set("csrf", string(csrf[1]))
		}
		req, _ := http.NewRequest("POST", hs.URL+"/login", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for _, c := range cookies {
			req.AddCookie(c)
		}
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err = client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
		cookies = append(cookies, resp.Cookies()...)
		if len(cookies) == 0 {
			t.Fatalf("tls=%v: no cookies (login %d)", tls, resp.StatusCode)
		}
		for _, c := range cookies {
			if c.Secure != tls {
				t.Errorf("tls=%v: cookie %s Secure=%v", tls, c.Name, c.Secure)
			}
		}
	}
}

// The client address comes from X-Forwarded-For only when the peer is a
// trusted proxy; otherwise anyone could pick the address they are throttled as.
func TestClientIP(t *testing.T) {
	ip := server.ClientIP([]netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")})
	for _, c := range []struct{ peer, xff, want string }{
		{"203.0.113.5:1234", "198.51.100.7", "203.0.113.5"}, // an untrusted peer's header is ignored
		{"10.0.0.2:1234", "198.51.100.7", "198.51.100.7"},
		{"10.0.0.2:1234", "1.2.3.4, 198.51.100.7, 10.0.0.9", "198.51.100.7"}, // the nearest untrusted hop
		{"10.0.0.2:1234", "", "10.0.0.2"},
		{"10.0.0.2:1234", "garbage", "10.0.0.2"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = c.peer
		if c.xff != "" {
			r.Header.Set("X-Forwarded-For", c.xff)
		}
		if got := ip(r); got != c.want {
			t.Errorf("peer %s XFF %q: %s, want %s", c.peer, c.xff, got, c.want)
		}
	}
	if got := server.ClientIP(nil)(&http.Request{RemoteAddr: "10.0.0.2:1", Header: http.Header{"X-Forwarded-For": {"1.1.1.1"}}}); got != "10.0.0.2" {
		t.Errorf("no trusted proxies: %s", got)
	}
}

// /healthz answers 200 with the database reachable and 503 while draining,
// so that a load balancer stops sending requests before shutdown.
func TestHealthz(t *testing.T) {
	srv, hs := newServer(t, server.Options{})
	get := func() (int, string) {
		resp, err := http.Get(hs.URL + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = resp.Body.Close() }()
		var b bytes.Buffer
		_, _ = b.ReadFrom(resp.Body)
		return resp.StatusCode, b.String()
	}
	if code, body := get(); code != 200 || !strings.Contains(body, `"ok"`) {
		t.Errorf("healthy: %d %s", code, body)
	}
	srv.Draining.Store(true)
	if code, _ := get(); code != 503 {
		t.Errorf("draining: %d", code)
	}
	srv.Draining.Store(false)
	if err := srv.Ops.Store.Close(); err != nil {
		t.Fatal(err)
	}
	if code, body := get(); code != 503 || !strings.Contains(body, "database") {
		t.Errorf("database closed: %d %s", code, body)
	}
}

// /metrics answers the machine itself, or a scraper with the token; not the
// public.
func TestMetricsGate(t *testing.T) {
	for _, token := range []string{"", "s3cret"} {
		srv, _ := newServer(t, server.Options{MetricsToken: token})
		for _, c := range []struct {
			remote, auth string
			want         int
		}{
			{"127.0.0.1:5000", "", 200},
			{"[::1]:5000", "", 200},
			{"198.51.100.7:5000", "", 403},
			{"198.51.100.7:5000", "Bearer wrong", 403},
			{"198.51.100.7:5000", "Bearer s3cret", map[bool]int{true: 200, false: 403}[token != ""]},
		} {
			r := httptest.NewRequest("GET", "/metrics", nil)
			r.RemoteAddr = c.remote
			if c.auth != "" {
				r.Header.Set("Authorization", c.auth)
			}
			w := httptest.NewRecorder()
			srv.Handler.ServeHTTP(w, r)
			if w.Code != c.want {
				t.Errorf("token %q, from %s with %q: %d, want %d", token, c.remote, c.auth, w.Code, c.want)
			}
		}
	}
}

// What the server refuses before any page's handler runs is said on the
// site's own error page in Chinese, with a way back to the page the request
// came from; the API answers its JSON error. net/http's own refusal of a
// form from another site is a line of English.
func TestRefusalsAreThePagesOwn(t *testing.T) {
	_, hs := newServer(t, server.Options{})
	do := func(path, contentType, referer string, body io.Reader, header ...string) (int, string, string) {
		t.Helper()
		req, _ := http.NewRequest("POST", hs.URL+path, body)
		req.Header.Set("Content-Type", contentType)
		if referer != "" {
			req.Header.Set("Referer", referer)
		}
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
	}
	big := strings.NewReader("name=" + strings.Repeat("a", 2<<20))
	code, ct, body := do("/apply/1/confirm", "application/x-www-form-urlencoded", hs.URL+"/apply/1?x=1", big)
	if code != http.StatusRequestEntityTooLarge || !strings.HasPrefix(ct, "text/html") ||
		!strings.Contains(body, "<h1>提交的内容过大</h1>") || !strings.Contains(body, "没有保存任何内容") ||
		!strings.Contains(body, `<a href="/apply/1?x=1">返回上一页</a>`) {
		t.Errorf("too large: %d %s\n%s", code, ct, body)
	}
	// a referer of another site is not offered as the way back
	_, _, body = do("/apply/1", "application/x-www-form-urlencoded", "http://evil.example/apply/1", strings.NewReader("name=%00"))
	if !strings.Contains(body, "无法识别的字符") || strings.Contains(body, "返回上一页") || !strings.Contains(body, `<a href="/">返回首页</a>`) {
		t.Errorf("NUL in a form:\n%s", body)
	}
	code, ct, body = do("/login", "application/x-www-form-urlencoded", "", strings.NewReader("username=clerk"), "Sec-Fetch-Site", "cross-site", "Origin", "http://evil.example")
	if code != http.StatusForbidden || !strings.HasPrefix(ct, "text/html") || !strings.Contains(body, "请求来自其他网站") || strings.Contains(body, "cross-origin") {
		t.Errorf("cross-site form: %d %s\n%s", code, ct, body)
	}
	code, ct, body = do("/api/v1/cases", "application/json", "", strings.NewReader("{}"), "Sec-Fetch-Site", "cross-site", "Origin", "http://evil.example")
	if code != http.StatusForbidden || !strings.HasPrefix(ct, "application/json") || !strings.Contains(body, `"code":"cross_origin"`) {
		t.Errorf("cross-site API call: %d %s\n%s", code, ct, body)
	}
}

// A server started with a fetch proxy (an intranet with no direct route
// out) fetches 报告核查's public addresses through it and refuses internal
// ones before the proxy sees them.
func TestFetchThroughProxy(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/seed/weibin-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	var asked atomic.Int64
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		if r.URL.Host != "203.0.113.9" { // a forward proxy is given the whole address
			http.Error(w, "not via the proxy", http.StatusBadGateway)
			return
		}
		_, _ = w.Write(seed)
	}))
	defer proxy.Close()
	via, _ := url.Parse(proxy.URL)
	srv, _ := newServer(t, server.Options{FetchProxy: via})
	ups := fetch.ForCheck(t.Context(), srv.Web.Fetch, []string{"http://203.0.113.9/art/2025/1.html", "http://192.168.10.2/report.html"})
	if len(ups) != 2 || ups[0].Err != nil || !strings.Contains(string(ups[0].Data), "卫滨区教育体育和文化旅游局") {
		t.Fatalf("through the proxy: %+v", ups)
	}
	if ups[1].Err == nil || asked.Load() != 1 {
		t.Errorf("an internal address: %v, the proxy asked %d times", ups[1].Err, asked.Load())
	}
	if srv.API.Fetch != srv.Web.Fetch {
		t.Error("the API fetches another way")
	}
}
