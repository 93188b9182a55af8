package main

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"gongkai/internal/errs"
	"gongkai/internal/newmedia"
	"gongkai/internal/ops"
)

// cmdNewMedia is `newmedia fetch`: read the feeds of an agency's accounts
// and record their posts (for a timer: each run replaces the months the
// feeds cover).
func (c *cli) cmdNewMedia(ctx context.Context, args []string) int {
	if len(args) == 0 || args[0] != "fetch" {
		fmt.Fprintln(c.stderr, "用法：gongkai newmedia fetch [--db URL] --agency 机关 [--timeout 15s]")
		return 2
	}
	fs := newFlags("newmedia fetch", "newmedia fetch [--db URL] --agency 机关 [--timeout 15s]", c.stderr)
	db := fs.String("db", defaultDB(), dbHelp)
	agency := fs.String("agency", "", "机关名称")
	timeout := fs.Duration("timeout", 15*time.Second, "每个订阅源的超时")
	if err := flagsOnly(fs, args[1:]); err != nil {
		return usageExit(err)
	}
	o, ag, err := c.openAgency(ctx, *db, *agency)
	if err != nil {
		return fail(c.stderr, err)
	}
	defer c.closeStore(o.Store)
	p := ops.Operator(ag.ID, "订阅源读取（命令行）")
	nm, err := o.Accounts(ctx, p)
	if err != nil {
		return fail(c.stderr, err)
	}
	client := &http.Client{Timeout: *timeout}
	failed := 0
	for _, a := range nm.Accounts {
		if a.FeedURL == "" || a.State != newmedia.Running || a.AgencyID != ag.ID {
			continue
		}
		data, charset, err := fetchFeed(ctx, client, a.FeedURL)
		n := 0
		if err == nil {
			n, err = o.RecordFeed(ctx, p, a.ID, data, charset)
		}
		if err != nil {
			failed++
			fmt.Fprintf(c.stdout, "%s：未能读取（%s）\n", a.Name, errs.Plain(err))
			continue
		}
		fmt.Fprintf(c.stdout, "%s：读到 %d 篇\n", a.Name, n)
	}
	if failed > 0 {
		return 1
	}
	return 0
}

// fetchFeed reads a feed over HTTP(S), at most newmedia.MaxFeedBytes, and
// the charset its Content-Type names, if any.
func fetchFeed(ctx context.Context, client *http.Client, url string) (data []byte, charset string, err error) {
	if !strings.HasPrefix(url, "https://") && !strings.HasPrefix(url, "http://") {
		return nil, "", errs.New("feed_url", "订阅地址应以 http:// 或 https:// 开头")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, "", errs.Wrap(errs.Invalid, err, "feed_url", "订阅地址不对")
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, "", errs.Wrap(errs.Invalid, err, "feed_url", "无法连接订阅地址")
	}
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode != http.StatusOK {
		return nil, "", errs.New("feed_url", "订阅地址返回 %d", resp.StatusCode)
	}
	data, err = io.ReadAll(io.LimitReader(resp.Body, newmedia.MaxFeedBytes+1))
	if err != nil {
		return nil, "", errs.Wrap(errs.Invalid, err, "feed_url", "读取订阅源失败")
	}
	if len(data) > newmedia.MaxFeedBytes {
		return nil, "", errs.New("feed_url", "订阅源太大（超过 %d MB）", newmedia.MaxFeedBytes>>20)
	}
	if _, params, err := mime.ParseMediaType(resp.Header.Get("Content-Type")); err == nil {
		charset = params["charset"]
	}
	return data, charset, nil
}
