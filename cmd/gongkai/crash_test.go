package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"gongkai/internal/clock"
	"gongkai/internal/demo"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// TestMain lets the test binary stand in for the gongkai binary: the crash
// and two-instance tests start it as `serve` and kill it, which an
// in-process server cannot survive.
func TestMain(m *testing.M) {
	if args := os.Getenv("GONGKAI_TEST_MAIN"); args != "" {
		ctx, stop := signalContext()
		code := run(ctx, strings.Split(args, "\x1f"), os.Stdin, os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	code := m.Run()
	storetest.RemoveSeeded()
	os.Exit(code)
}

// child is a `gongkai serve` process.
type child struct {
	cmd  *exec.Cmd
	base string
	log  *strings.Builder
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	if err := ln.Close(); err != nil {
		t.Fatal(err)
	}
	return addr
}

// startServe runs `serve` on db and waits until /healthz answers.
func startServe(t *testing.T, db string, extra ...string) *child {
	t.Helper()
	addr := freeAddr(t)
	args := append([]string{"serve", "--db", db, "--addr", addr, "--trusted-proxies", "127.0.0.1"}, extra...)
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "GONGKAI_TEST_MAIN="+strings.Join(args, "\x1f"))
	log := &strings.Builder{}
	cmd.Stdout, cmd.Stderr = io.Discard, &syncWriter{w: log}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, base: "http://" + addr, log: log}
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(c.base + "/healthz")
		if err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode == 200 {
				return c
			}
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			t.Fatalf("serve did not come up: %s", log.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// kill is kill -9: no shutdown, no flush.
func (c *child) kill(t *testing.T) {
	if err := c.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = c.cmd.Wait() // "signal: killed"
}

type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// acks are the applications the server acknowledged: by id and serial
// (API, 201) and by 查询码 (public form, the receipt).
type acks struct {
	mu      sync.Mutex
	serials map[int64]string
	codes   []string
}

func (a *acks) api(id int64, serial string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.serials[id] = serial
}

func (a *acks) public(code string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.codes = append(a.codes, code)
}

// apiWriter registers applications through the API until it fails.
func apiWriter(base, key string, n int, a *acks) {
	for i := 0; ; i++ {
		body := fmt.Sprintf(`{"channel":"online","confirmed_on":"2026-03-02","applicant":{"type":"natural","name":"压测%d-%d","phone":"13800000000"},`+
			`"request":{"description":"崩溃测试 %d-%d","form":"电子","delivery":"电子邮件"}}`, n, i, n, i)
		req, _ := http.NewRequest("POST", base+"/api/v1/cases", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+key)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return
		}
		var v struct {
			ID     int64
			Serial string
		}
		err = json.NewDecoder(resp.Body).Decode(&v)
		_ = resp.Body.Close()
		if resp.StatusCode == http.StatusCreated && err == nil {
			a.api(v.ID, v.Serial)
		}
	}
}

var (
	crashCSRF       = regexp.MustCompile(`name="csrf" value="([^"]+)"`)
	crashSubmission = regexp.MustCompile(`name="submission" value="([0-9a-f]{32})"`)
)

// publicWriter applies through the public form, each time from another
// address (behind the trusted proxy), until it fails.
func publicWriter(base string, agency int64, n int, a *acks) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	path := fmt.Sprintf("%s/apply/%d", base, agency)
	do := func(method, u string, form url.Values, ip string) (int, string, string, error) {
		var body io.Reader
		if form != nil {
			body = strings.NewReader(form.Encode())
		}
		req, _ := http.NewRequest(method, u, body)
		req.Header.Set("X-Forwarded-For", ip)
		if form != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		resp, err := c.Do(req)
		if err != nil {
			return 0, "", "", err
		}
		defer func() { _ = resp.Body.Close() }()
		b, err := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), resp.Header.Get("Location"), err
	}
	for i := 0; ; i++ {
		ip := fmt.Sprintf("10.%d.%d.%d", n, i/250%250, i%250+1)
		_, page, _, err := do("GET", path, nil, ip)
		if err != nil {
			return
		}
		m := crashCSRF.FindStringSubmatch(page)
		if m == nil {
			return
		}
		form := url.Values{"csrf": {m[1]}, "applicant_type": {"natural"}, "name": {fmt.Sprintf("公众%d-%d", n, i)}, "id_type": {"身份证"},
			"id_number": {"11010519491231002X"}, "phone": {"13700000000"}, "email": {"p@example.cn"}, "address": {"卫滨区某路1号"},
			"description": {fmt.Sprintf("崩溃测试公开申请 %d-%d", n, i)}, "form": {"电子"}, "delivery": {"电子邮件"}}
		_, page, _, err = do("POST", path, form, ip)
		if err != nil {
			return
		}
		s := crashSubmission.FindStringSubmatch(page)
		if s == nil {
			continue
		}
		form.Set("submission", s[1])
		code, _, loc, err := do("POST", path+"/confirm", form, ip)
		if err != nil {
			return
		}
		if code == http.StatusSeeOther && strings.HasPrefix(loc, "/receipt/") {
			a.public(strings.TrimPrefix(loc, "/receipt/"))
		}
	}
}

// TestCrash is the crash harness: `serve` on SQLite and on PostgreSQL with
// concurrent writers through the API and the public form, killed with
// SIGKILL at random moments and restarted. Afterwards every acknowledged
// application exists with its events, the 申请编号 of the agency run without
// gaps or duplicates, and the database passes its integrity check.
// make test runs a few rounds; make crash runs GONGKAI_CRASH_ROUNDS of them.
func TestCrash(t *testing.T) {
	rounds := 3
	if n, err := strconv.Atoi(os.Getenv("GONGKAI_CRASH_ROUNDS")); err == nil && n > 0 {
		rounds = n
	}
	for _, kind := range []string{"sqlite", "postgres"} {
		t.Run(kind, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "crash.db")
			if kind == "postgres" {
				db = storetest.EmptyPostgres(t)
			}
			crashRounds(t, db, rounds)
		})
	}
}

func crashRounds(t *testing.T, db string, rounds int) {
	if _, stderr, code := gk(t, "demo", "init", "--db", db); code != 0 {
		t.Fatal(stderr)
	}
	key, stderr, code := gk(t, "apikey", "create", "--db", db, "--agency", demo.Main, "--name", "崩溃测试")
	if code != 0 {
		t.Fatal(stderr)
	}
	key = strings.TrimSpace(key)
	agency := func() int64 {
		s := openChecked(t, db)
		defer closeChecked(t, s)
		ag, err := s.AgencyByName(context.Background(), demo.Main)
		if err != nil {
			t.Fatal(err)
		}
		return ag.ID
	}()
	a := &acks{serials: map[int64]string{}}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	for round := range rounds {
		c := startServe(t, db)
		var wg sync.WaitGroup
		for n := range 4 {
			wg.Go(func() { apiWriter(c.base, key, round*10+n, a) })
			wg.Go(func() { publicWriter(c.base, agency, round*10+n, a) })
		}
		time.Sleep(time.Duration(200+rng.IntN(1300)) * time.Millisecond)
		c.kill(t)
		wg.Wait()
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.serials) < rounds || len(a.codes) < 1 {
		t.Fatalf("too few writes acknowledged to test anything: %d API, %d public", len(a.serials), len(a.codes))
	}
	verifyAfterCrashes(t, db, agency, a)
	t.Logf("%d rounds: %d API and %d public applications acknowledged, all present", rounds, len(a.serials), len(a.codes))
}

func openChecked(t *testing.T, db string) *store.Store {
	s, err := store.Open(context.Background(), db, clock.At(time.Date(2026, 11, 24, 2, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func closeChecked(t *testing.T, s *store.Store) {
	if err := s.Close(); err != nil {
		t.Error(err)
	}
}

func verifyAfterCrashes(t *testing.T, db string, agency int64, a *acks) {
	ctx := context.Background()
	s := openChecked(t, db)
	defer closeChecked(t, s)
	if err := s.Verify(ctx); err != nil {
		t.Fatalf("integrity: %v", err)
	}
	for id, serial := range a.serials {
		c, err := s.GetCase(ctx, id)
		if err != nil {
			t.Errorf("acknowledged case %d (%s) is gone: %v", id, serial, err)
			continue
		}
		if c.Serial != serial || len(c.Events) == 0 || c.Events[0].Step.Kind != "receive" {
			t.Errorf("case %d: serial %s (acknowledged %s), %d events", id, c.Serial, serial, len(c.Events))
		}
	}
	for _, code := range a.codes {
		if c, err := s.CaseByCode(ctx, code); err != nil || len(c.Events) == 0 {
			t.Errorf("acknowledged public application %s is gone: %v", code, err)
		}
	}
	rows, err := s.DB().QueryContext(ctx, `SELECT serial FROM cases WHERE agency_id = $1`, agency)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = rows.Close() }()
	byYear := map[string][]int{}
	for rows.Next() {
		var serial string
		if err := rows.Scan(&serial); err != nil {
			t.Fatal(err)
		}
		year, num, ok := strings.Cut(serial, "-")
		n, err := strconv.Atoi(num)
		if !ok || err != nil {
			t.Fatalf("serial %q", serial)
		}
		byYear[year] = append(byYear[year], n)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for year, ns := range byYear {
		sort.Ints(ns)
		for i, n := range ns {
			if n != i+1 {
				t.Errorf("%s: serial %04d where %04d was due (a gap or a duplicate)", year, n, i+1)
				break
			}
		}
	}
}
