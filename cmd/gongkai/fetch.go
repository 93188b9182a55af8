package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"

	"gongkai/internal/errs"
	"gongkai/internal/fetch"
)

// fetchFailure is an address that could not be fetched: reported as a file
// that could not be read.
type fetchFailure struct {
	url string
	err error
}

// fetchAll downloads the web addresses among args into dir (which exists),
// four at a time, each within report.MaxInput and a minute: it returns args
// with each address replaced by its files (in place; one that failed left
// out), the address each file is shown by, and what failed. A page that
// holds no report's tables but links to it as an attachment (附件：….pdf) is
// replaced by its attachments (internal/fetch).
func fetchAll(ctx context.Context, client *http.Client, args []string, dir string, progress func(done, total int)) ([]string, map[string]string, []fetchFailure) {
	var urls []string
	for _, a := range args {
		if fetch.IsURL(a) {
			urls = append(urls, a)
		}
	}
	f := &fetch.Fetcher{Client: client, Progress: progress,
		UserAgent: "Mozilla/5.0 (compatible; gongkai/" + version + "; 政府信息公开工作年度报告核查)"}
	results := f.All(ctx, urls)
	var out []string
	shown := map[string]string{}
	var failed []fetchFailure
	k := 0
	for _, a := range args {
		if !fetch.IsURL(a) {
			out = append(out, a)
			continue
		}
		res := results[k]
		k++
		if res.Err != nil {
			failed = append(failed, fetchFailure{a, res.Err})
			continue
		}
		for _, d := range res.Docs {
			if d.Err != nil { // a report a list page links to, not fetched
				failed = append(failed, fetchFailure{d.Name, d.Err})
				continue
			}
			p := filepath.Join(dir, fmt.Sprintf("%06d%s", len(shown), d.Ext))
			if err := os.WriteFile(p, d.Data, 0o600); err != nil {
				failed = append(failed, fetchFailure{d.Name, errs.Wrap(errs.Internal, err, d.Name, "无法写入临时目录")})
				continue
			}
			out = append(out, p)
			shown[p] = d.Name
		}
	}
	return out, shown, failed
}

// readURLList reads the addresses of a list file (--urls): the first
// address of each line; lines without one are skipped (fetch.ReadList).
func readURLList(name string) ([]string, error) {
	data, err := readFile(name, 16<<20)
	if err != nil {
		return nil, err
	}
	return fetch.ReadList(name, data)
}
