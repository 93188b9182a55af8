package main

import (
	"context"
	"errors"
	"fmt"
	"gongkai/internal/appeal"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"gongkai/internal/api"
	"gongkai/internal/casework"
	"gongkai/internal/demo"
	"gongkai/internal/errs"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// openStore opens and migrates the database, and loads the stored holiday notices.
func openStore(ctx context.Context, db string) (*store.Store, *workday.Calendar, error) {
	s, err := store.Open(ctx, db)
	if err != nil {
		return nil, nil, err
	}
	if err := s.Migrate(ctx); err != nil {
		s.Close()
		return nil, nil, err
	}
	cal, err := s.Calendar(ctx, workday.Default())
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	return s, cal, nil
}

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "serve [--demo] [--addr 127.0.0.1:8080] [--db URL]", stderr)
	demoFlag := fs.Bool("demo", false, "使用新建的演示数据库（临时目录），并打印演示登录和 API 密钥")
	addr := fs.String("addr", envOr("GONGKAI_ADDR", "127.0.0.1:8080"), "监听地址（环境变量 GONGKAI_ADDR）")
	db := fs.String("db", defaultDB(), dbHelp)
	counting := fs.String("appeal-counting", envOr("GONGKAI_APPEAL_COUNTING", string(appeal.FiledInYear)), appealCountingHelp)
	if _, err := parseArgs(fs, args); err != nil {
		return usageExit(err)
	}
	ac, err := appeal.ParseCounting(*counting)
	if err != nil {
		return fail(stderr, err)
	}
	log := slog.New(slog.NewJSONHandler(stderr, nil))
	var keys demo.Keys
	if *demoFlag {
		*db = filepath.Join(os.TempDir(), fmt.Sprintf("gongkai-demo-%d.db", os.Getpid()))
		defer os.Remove(*db)
	}
	s, cal, err := openStore(ctx, *db)
	if err != nil {
		return fail(stderr, err)
	}
	defer s.Close()
	cfg := casework.DefaultConfig()
	if *demoFlag {
		if keys, err = demo.Seed(ctx, s, cal, cfg, time.Now()); err != nil {
			return fail(stderr, errs.Wrap(errs.Internal, err, "demo", "生成演示数据失败"))
		}
	}
	a := api.New(s, cal, cfg, log)
	ws, err := web.New(s, cfg, a.Calendar, log)
	if err != nil {
		return fail(stderr, errs.Wrap(errs.Internal, err, "templates", "网页模板有误"))
	}
	ws.AppealCounting = ac
	mux := http.NewServeMux()
	mux.Handle("/api/v1/", a.Handler())
	ws.SetCalendar = a.SetCalendar
	ws.Routes(mux)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if err := s.DB().PingContext(r.Context()); err != nil {
			http.Error(w, "database unavailable", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok\n"))
	})
	metrics := web.NewMetrics()
	mux.Handle("GET /metrics", metrics.Handler())
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fail(stderr, errs.Wrap(errs.Invalid, err, "--addr", "无法监听 %s：端口可能已被占用，可用 --addr 换一个", *addr))
	}
	srv := &http.Server{Handler: web.SecurityHeaders(http.NewCrossOriginProtection().Handler(metrics.Instrument(mux, log))),
		ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second, WriteTimeout: 60 * time.Second}
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(stdout, "gongkai 已启动：%s\n", url)
	fmt.Fprintf(stdout, "  数据库：%s\n  后台：%sadmin/（登录 %slogin）\n  接口文档：%sapi/v1/openapi.json\n  办理进度查询：%sstatus\n  监控指标：%smetrics\n", *db, url, url, url, url, url)
	if *demoFlag {
		fmt.Fprintf(stdout, "  演示机关：%s\n", keys.Agency)
		for _, l := range demo.Logins {
			fmt.Fprintf(stdout, "  演示登录：%s / %s（%s）\n", l.Login, demo.Password, l.Desc)
		}
		fmt.Fprintf(stdout, "  演示 API 密钥（办理人）：%s\n  演示 API 密钥（负责人）：%s\n", keys.Clerk, keys.Approver)
	}
	fmt.Fprintln(stdout, "  按 Ctrl+C 停止。")
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		if !errors.Is(err, http.ErrServerClosed) {
			return fail(stderr, err)
		}
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(sctx) // finish the requests in flight
	}
	return 0
}

func cmdDemo(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "init" {
		fmt.Fprintln(stderr, "用法：gongkai demo init --db 文件")
		return 2
	}
	fs := newFlags("demo init", "demo init --db 文件", stderr)
	db := fs.String("db", "", "要写入演示数据的新数据库")
	if _, err := parseArgs(fs, args[1:]); err != nil {
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
	s, cal, err := openStore(ctx, *db)
	if err != nil {
		return fail(stderr, err)
	}
	defer s.Close()
	keys, err := demo.Seed(ctx, s, cal, casework.DefaultConfig(), time.Now())
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stdout, "已写入演示数据：%s\n演示 API 密钥（办理人）：%s\n演示 API 密钥（负责人）：%s\n", *db, keys.Clerk, keys.Approver)
	return 0
}
