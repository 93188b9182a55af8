package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"gongkai/internal/casework"
	"gongkai/internal/demo"
	"gongkai/internal/errs"
	"gongkai/internal/server"
	"gongkai/internal/workday"
)

// cmdBenchHTTP serves the demo on loopback and loads the public 指南 and
// status pages at a fixed rate, against a trivial handler measured the same
// way in the same run.
func (c *cli) cmdBenchHTTP(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	fs := newFlags("bench http", "bench http [--rate 2000] [--duration 10s]", stderr)
	rate := fs.Int("rate", 2000, "每秒请求数（开环，按计划时间发出）")
	dur := fs.Duration("duration", 10*time.Second, "每个页面的压测时长")
	if err := flagsOnly(fs, args); err != nil {
		return usageExit(err)
	}
	if *rate < 1 || *rate > 20000 || *dur <= 0 || *dur > 5*time.Minute {
		return fail(stderr, errs.New("--rate", "速率应在 1–20000 之间，时长不超过 5 分钟"))
	}
	dir, err := os.MkdirTemp("", "gongkai-bench-http-")
	if err != nil {
		return fail(stderr, err)
	}
	defer os.RemoveAll(dir)
	s, err := openStore(ctx, filepath.Join(dir, "bench.db"), c.clock)
	if err != nil {
		return fail(stderr, err)
	}
	defer c.closeStore(s)
	built, err := server.New(server.Options{Store: s, Clock: c.clock, Calendar: workday.Default(), Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		return fail(stderr, err)
	}
	if _, err := demo.Seed(ctx, built.Ops); err != nil {
		return fail(stderr, err)
	}
	ag, err := s.AgencyByName(ctx, demo.Main)
	if err != nil {
		return fail(stderr, err)
	}
	rows, _, err := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{ag.ID}, State: casework.Processing, Limit: 1})
	if err != nil || len(rows) == 0 {
		return fail(stderr, errs.New("demo", "演示数据中没有办理中的申请"))
	}
	cs, err := s.GetCase(ctx, rows[0].ID)
	if err != nil {
		return fail(stderr, err)
	}
	mux := http.NewServeMux()
	mux.Handle("/", built.Handler)
	mux.HandleFunc("GET /bench/baseline", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("ok\n")) })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fail(stderr, err)
	}
	srv := &http.Server{Handler: mux}
	go func() { _ = srv.Serve(ln) }() // returns ErrServerClosed when the bench ends
	defer func() { _ = srv.Close() }()
	base := "http://" + ln.Addr().String()
	fmt.Fprintf(stdout, "gongkai bench http: %d 请求/秒，每项 %v，服务端 SQLite，回环地址（go %s，%d 核）\n", *rate, *dur, runtimeVersion(), runtimeCPUs())
	fmt.Fprintf(stdout, "%-28s %8s %8s %8s %8s %8s %6s\n", "页面", "实际/秒", "p50", "p90", "p99", "最大", "错误")
	for _, p := range []struct{ name, path string }{
		{"baseline（固定文本）", "/bench/baseline"},
		{"政府信息公开指南", fmt.Sprintf("/guide/%d", ag.ID)},
		{"办理进度查询", "/status?code=" + cs.Code},
	} {
		res := load(ctx, base+p.path, *rate, *dur)
		fmt.Fprintf(stdout, "%-28s %8.0f %8v %8v %8v %8v %6d\n", p.name, res.achieved, res.pct(50), res.pct(90), res.pct(99), res.pct(100), res.errors)
	}
	return 0
}

type loadResult struct {
	lat      []time.Duration
	errors   int
	achieved float64
}

func (r loadResult) pct(p float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	i := int(float64(len(r.lat)-1) * p / 100)
	return r.lat[i].Round(10 * time.Microsecond)
}

// load sends rate requests a second for d, each at its scheduled time, and
// measures from that time (so queueing counts); it stops by itself.
func load(ctx context.Context, url string, rate int, d time.Duration) loadResult {
	tr := &http.Transport{MaxIdleConns: 512, MaxIdleConnsPerHost: 512, IdleConnTimeout: 30 * time.Second}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 5 * time.Second}
	n := int(float64(rate) * d.Seconds())
	interval := time.Second / time.Duration(rate)
	lat := make([]time.Duration, n)
	var errCount int
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, 1024) // at most this many requests in flight
	start := time.Now()
	for i := 0; i < n && ctx.Err() == nil; i++ {
		at := start.Add(time.Duration(i) * interval)
		if w := time.Until(at); w > 0 {
			time.Sleep(w)
		}
		sem <- struct{}{}
		wg.Add(1)
		go func(i int, at time.Time) {
			defer func() { <-sem; wg.Done() }()
			resp, err := client.Get(url)
			if err == nil {
				_, err = io.Copy(io.Discard, resp.Body)
				_ = resp.Body.Close() // read to the end; nothing to flush
			}
			lat[i] = time.Since(at)
			if err != nil || resp.StatusCode != http.StatusOK {
				mu.Lock()
				errCount++
				mu.Unlock()
			}
		}(i, at)
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(lat)
	return loadResult{lat: lat, errors: errCount, achieved: float64(n) / elapsed.Seconds()}
}
