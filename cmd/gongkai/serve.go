package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"gongkai/internal/clock"
	"gongkai/internal/demo"
	"gongkai/internal/errs"
	"gongkai/internal/ops"
	"gongkai/internal/server"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// openStore opens and migrates the database.
func openStore(ctx context.Context, db string, clk clock.Clock) (*store.Store, error) {
	s, err := store.Open(ctx, db, clk)
	if err != nil {
		return nil, err
	}
	if err := s.Migrate(ctx); err != nil {
		_ = s.Close() // the migration error is the one to report
		return nil, err
	}
	return s, nil
}

// demoDB points db at the demo's throwaway database. A --db given too is
// refused: seeding the demo into it would fill a real database with
// invented cases.
func demoDB(fs *flag.FlagSet, db *string) error {
	dbSet := false
	fs.Visit(func(f *flag.Flag) { dbSet = dbSet || f.Name == "db" })
	if dbSet {
		return errs.New("--db", "--demo 使用临时的演示数据库，不能与 --db 同时使用：要用自己的数据库时请去掉 --demo")
	}
	*db = filepath.Join(os.TempDir(), fmt.Sprintf("gongkai-demo-%d.db", os.Getpid()))
	return nil
}

// openOps opens the database and the operations over it.
func (c *cli) openOps(ctx context.Context, db string) (*ops.Service, error) {
	s, err := openStore(ctx, db, c.clock)
	if err != nil {
		return nil, err
	}
	return ops.New(s, c.clock, workday.Default(), nil), nil
}

// parseProxies reads --trusted-proxies: addresses or CIDR prefixes.
func parseProxies(v string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' }) {
		if p, err := netip.ParsePrefix(f); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, errs.New("--trusted-proxies", "“%s”不是 IP 地址或网段（如 10.0.0.0/8）", f)
		}
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}

func (c *cli) cmdServe(ctx context.Context, args []string) int {
	stderr := c.stderr
	fs := newFlags("serve", "serve [--demo] [--addr 127.0.0.1:8080] [--db URL] [--tls-cert 证书 --tls-key 私钥] [--trusted-proxies 地址] [--fetch-proxy 代理]", stderr)
	demoFlag := fs.Bool("demo", false, "使用新建的演示数据库（临时目录），并打印演示登录和 API 密钥")
	addr := fs.String("addr", envOr("GONGKAI_ADDR", "127.0.0.1:8080"), "监听地址（环境变量 GONGKAI_ADDR）")
	db := fs.String("db", defaultDB(), dbHelp)
	cert := fs.String("tls-cert", envOr("GONGKAI_TLS_CERT", ""), "TLS 证书文件（PEM）；与 --tls-key 一起使用时以 HTTPS 提供服务")
	key := fs.String("tls-key", envOr("GONGKAI_TLS_KEY", ""), "TLS 私钥文件（PEM）")
	behindTLS := fs.Bool("behind-tls", os.Getenv("GONGKAI_BEHIND_TLS") != "", "由前面的反向代理提供 HTTPS：Cookie 加 Secure，发送 HSTS")
	drain := fs.Duration("drain", 0, "收到停止信号后先让 /healthz 返回 503 这么长时间（如 10s），负载均衡器据此停止转发，然后再停止接收请求；进行中的请求都会处理完")
	metricsToken := fs.String("metrics-token", os.Getenv("GONGKAI_METRICS_TOKEN"), "监控指标 /metrics 的访问令牌（Authorization: Bearer 令牌）；不设时只对本机开放（环境变量 GONGKAI_METRICS_TOKEN）")
	proxies := fs.String("trusted-proxies", os.Getenv("GONGKAI_TRUSTED_PROXIES"), "可信反向代理的地址或网段，逗号分隔：只信任它们的 X-Forwarded-For")
	fetchProxy := fs.String("fetch-proxy", os.Getenv("GONGKAI_FETCH_PROXY"), "报告核查按网址下载报告时经过的 HTTP 代理（如 http://10.1.2.3:3128，内网服务器不能直接访问互联网时使用；仍只访问互联网上的公开地址；环境变量 GONGKAI_FETCH_PROXY）")
	mf := addMailFlags(fs)
	remindAt := fs.String("remind-at", envOr("GONGKAI_REMIND_AT", "08:30"), "给出 --smtp 时，每个工作日几点发送到期提醒邮件（按 --tz 的时区；环境变量 GONGKAI_REMIND_AT）")
	if err := flagsOnly(fs, args); err != nil {
		return usageExit(err)
	}
	opts, ms, err := networkOptions(*proxies, *fetchProxy, *cert, *key, mf, *remindAt)
	if err != nil {
		return fail(stderr, err)
	}
	log := slog.New(slog.NewJSONHandler(stderr, nil))
	var keys demo.Keys
	if *demoFlag {
		if err := demoDB(fs, db); err != nil {
			return fail(stderr, err)
		}
		defer os.Remove(*db)
	}
	s, err := openStore(ctx, *db, c.clock)
	if err != nil {
		return fail(stderr, err)
	}
	defer c.closeStore(s)
	opts.Store, opts.Clock, opts.Calendar, opts.Log, opts.AccessLog = s, c.clock, workday.Default(), log, true
	opts.TLS, opts.MetricsToken = *cert != "" || *behindTLS, *metricsToken
	srv, err := server.New(opts)
	if err != nil {
		return fail(stderr, errs.Wrap(errs.Internal, err, "templates", "网页模板有误"))
	}
	if *demoFlag {
		if keys, err = demo.Seed(ctx, srv.Ops); err != nil {
			return fail(stderr, errs.Wrap(errs.Internal, err, "demo", "生成演示数据失败"))
		}
	}
	defer readFilesAtStart(ctx, srv.Ops, log)() // waited for before the store closes
	reminders := ms.start(ctx, srv.Ops, log)
	optimize := time.NewTicker(time.Hour)
	defer optimize.Stop()
	go optimizeLoop(ctx, s, optimize.C, log)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fail(stderr, errs.Wrap(errs.Invalid, err, "--addr", "无法监听 %s：端口可能已被占用，可用 --addr 换一个", *addr))
	}
	hs := &http.Server{Handler: srv.Handler, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 60 * time.Second, WriteTimeout: 120 * time.Second,
		MaxHeaderBytes: 64 << 10}
	if ln, err = listenTLS(hs, ln, *cert, *key); err != nil {
		return fail(stderr, err)
	}
	c.printStart(scheme(*cert)+"://"+ln.Addr().String()+"/", *db, *demoFlag, keys, reminders, setupHint(ctx, s))
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		if !errors.Is(err, http.ErrServerClosed) {
			return fail(stderr, err)
		}
	case <-ctx.Done():
		srv.Draining.Store(true)
		time.Sleep(*drain)
		sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if err := srv.Shutdown(sctx, hs); err != nil { // finish the requests in flight
			log.Error("shutdown", "err", err)
		}
	}
	return 0
}

// readFilesAtStart reads, in the background, the text of the catalog files
// kept before files were read on upload (migration 0043), so that an
// upgrade needs no step of its own; `gongkai catalog read-files` does the
// same at once. A stopped server goes on at its next start.
// It returns the wait for it to end.
func readFilesAtStart(ctx context.Context, o *ops.Service, log *slog.Logger) (wait func()) {
	var wg sync.WaitGroup
	wg.Go(func() {
		n, err := o.ReadFiles(ctx, ops.Principal{Name: "系统（启动时读取）", Via: "serve"}, nil)
		if err != nil && ctx.Err() == nil {
			log.Error("catalog files", "err", err)
		}
		if n.Read+n.None > 0 {
			log.Info("catalog files read", "read", n.Read, "without text", n.None)
		}
	})
	return wg.Wait
}

// optimizeLoop keeps the query planner's statistics current (store.Optimize):
// at once, with the data as it is at start, then on each tick.
func optimizeLoop(ctx context.Context, s *store.Store, tick <-chan time.Time, log *slog.Logger) {
	for {
		if err := s.Optimize(ctx); err != nil && ctx.Err() == nil {
			log.Error("optimize", "err", err) // the pages still work, only slower
		}
		select {
		case <-ctx.Done():
			return
		case <-tick:
		}
	}
}

// scheme is the server's URL scheme: https with a certificate of its own.
func scheme(cert string) string {
	if cert != "" {
		return "https"
	}
	return "http"
}

// listenTLS serves HTTPS on ln when a certificate is given.
func listenTLS(hs *http.Server, ln net.Listener, cert, key string) (net.Listener, error) {
	if cert == "" {
		return ln, nil
	}
	pair, err := tls.LoadX509KeyPair(cert, key)
	if err != nil {
		return nil, errs.Wrap(errs.Invalid, err, "--tls-cert", "无法读取 TLS 证书或私钥")
	}
	hs.TLSConfig = &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12}
	return tls.NewListener(ln, hs.TLSConfig), nil
}

// setupHint tells the operator of a new database how to get in: it has no
// agency and no one to sign in until the command line creates them.
func setupHint(ctx context.Context, s *store.Store) string {
	if all, err := s.ListAgencies(ctx); err != nil || len(all) > 0 {
		return ""
	}
	return "数据库中还没有机关和用户，还无法登录：先用 gongkai agency add 新建最上级的机关，再用 gongkai user add --role admin 新建系统管理员（见 docs/OPERATIONS.md“A new database”）"
}

func (c *cli) printStart(url, db string, isDemo bool, keys demo.Keys, notes ...string) {
	stdout := c.stdout
	fmt.Fprintf(stdout, "gongkai 已启动：%s\n", url)
	fmt.Fprintf(stdout, "  数据库：%s\n  时区：%s\n  后台：%sadmin/（登录 %slogin）\n  接口文档：%sapi/v1/openapi.json\n  办理进度查询：%sstatus\n  监控指标：%smetrics\n",
		db, c.clock.Location(), url, url, url, url, url)
	if isDemo {
		fmt.Fprintf(stdout, "  演示机关：%s\n", keys.Agency)
		for _, l := range demo.Logins {
			fmt.Fprintf(stdout, "  演示登录：%s / %s（%s）\n", l.Login, demo.Password, l.Desc)
		}
		fmt.Fprintf(stdout, "  演示 API 密钥（办理人）：%s\n  演示 API 密钥（负责人）：%s\n", keys.Clerk, keys.Approver)
	}
	for _, n := range notes {
		if n != "" {
			fmt.Fprintf(stdout, "  %s\n", n)
		}
	}
	fmt.Fprintln(stdout, "  按 Ctrl+C 停止。")
}

func (c *cli) cmdDemo(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	if len(args) == 0 || args[0] != "init" {
		fmt.Fprintln(stderr, "用法：gongkai demo init --db 文件")
		return 2
	}
	fs := newFlags("demo init", "demo init --db 文件", stderr)
	db := fs.String("db", "", "要写入演示数据的新数据库")
	if err := flagsOnly(fs, args[1:]); err != nil {
		return usageExit(err)
	}
	if *db == "" {
		return fail(stderr, errs.New("--db", "请指定数据库文件"))
	}
	if !store.IsPostgres(*db) {
		if _, err := os.Stat(*db); err == nil {
			return fail(stderr, errs.New(*db, "文件已存在：演示数据只写入新数据库"))
		}
	}
	o, err := c.openOps(ctx, *db)
	if err != nil {
		return fail(stderr, err)
	}
	defer c.closeStore(o.Store)
	keys, err := demo.Seed(ctx, o)
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stdout, "已写入演示数据：%s\n演示 API 密钥（办理人）：%s\n演示 API 密钥（负责人）：%s\n", *db, keys.Clerk, keys.Approver)
	return 0
}

// networkOptions reads the flags about the network around the server:
// reverse proxies in front, the proxy out, the certificate pair.
func networkOptions(proxies, fetchProxy, cert, key string, mf mailFlags, remindAt string) (server.Options, *mailSetup, error) {
	var o server.Options
	var err error
	if o.FetchProxy, err = parseFetchProxy(fetchProxy); err != nil {
		return o, nil, err
	}
	if o.TrustedProxies, err = parseProxies(proxies); err != nil {
		return o, nil, err
	}
	if (cert == "") != (key == "") {
		return o, nil, errs.New("--tls-key", "--tls-cert 和 --tls-key 须同时给出")
	}
	ms, err := mf.setup(remindAt)
	if err != nil {
		return o, nil, err
	}
	o.Mailer = ms.mailer()
	o.PublicURL, err = mf.base()
	return o, ms, err
}

// parseFetchProxy reads --fetch-proxy: nil when not given.
func parseFetchProxy(v string) (*url.URL, error) {
	if strings.TrimSpace(v) == "" {
		return nil, nil
	}
	u, err := url.Parse(strings.TrimSpace(v))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" || (u.Path != "" && u.Path != "/") {
		return nil, errs.New("--fetch-proxy", "代理地址“%s”不对：应写成 http://主机:端口，如 http://10.1.2.3:3128", v)
	}
	return u, nil
}
