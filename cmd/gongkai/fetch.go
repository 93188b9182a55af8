package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"gongkai/internal/errs"
	"gongkai/internal/guard"
	"gongkai/internal/report"
)

// isURL says an argument of audit is a web address to fetch.
func isURL(a string) bool {
	return strings.HasPrefix(a, "https://") || strings.HasPrefix(a, "http://")
}

// fetchFailure is an address that could not be fetched: reported as a file
// that could not be read.
type fetchFailure struct {
	url string
	err error
}

// extOf is the extension a fetched report is kept under: its address's, when
// it names a kind of file, else its Content-Type's. The reader tells most kinds
// by their bytes; a CSV and a zip are known by their names.
var extOf = map[string]string{"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt", "text/csv": ".csv",
	"application/pdf": ".pdf", "application/msword": ".doc", "application/vnd.ms-excel": ".xls", "application/zip": ".zip",
	"application/x-zip-compressed": ".zip", "application/ofd": ".ofd", "application/rtf": ".rtf", "text/rtf": ".rtf",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":       ".xlsx",
	"application/vnd.oasis.opendocument.text":                                 ".odt"}

var knownExt = map[string]bool{".html": true, ".htm": true, ".shtml": true, ".txt": true, ".csv": true, ".pdf": true, ".doc": true,
	".docx": true, ".wps": true, ".xls": true, ".xlsx": true, ".et": true, ".zip": true, ".ofd": true, ".rtf": true, ".odt": true,
	".md": true, ".mht": true, ".mhtml": true}

// fetchAll downloads the web addresses among args into dir (which exists),
// four at a time, each within report.MaxInput and a minute: it returns args
// with each address replaced by its file (in place; one that failed left
// out), the address each file is shown by, and what failed. A page that
// holds no report's tables but links to it as an attachment (附件：….pdf) is
// replaced by its attachments.
func fetchAll(ctx context.Context, client *http.Client, args []string, dir string, progress func(done, total int)) ([]string, map[string]string, []fetchFailure) {
	got := make([][]fetched, len(args))
	names := make([][]string, len(args))
	fails := make([]error, len(args))
	var urls []int
	for i, a := range args {
		if isURL(a) {
			urls = append(urls, i)
		}
	}
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for range min(4, len(urls)) {
		wg.Go(func() {
			for i := range next {
				got[i], names[i], fails[i] = fetchReport(ctx, client, args[i], filepath.Join(dir, fmt.Sprintf("%06d", i)))
				if progress != nil {
					mu.Lock()
					done++
					progress(done, len(urls))
					mu.Unlock()
				}
			}
		})
	}
	for _, i := range urls {
		next <- i
	}
	close(next)
	wg.Wait()
	var out []string
	shown := map[string]string{}
	var failed []fetchFailure
	for i, a := range args {
		switch {
		case !isURL(a):
			out = append(out, a)
		case fails[i] != nil:
			failed = append(failed, fetchFailure{a, fails[i]})
		default:
			for k, f := range got[i] {
				out = append(out, f.path)
				shown[f.path] = names[i][k]
			}
		}
	}
	return out, shown, failed
}

// maxAttachments is how many attachments of one page are fetched.
const maxAttachments = 3

// fetchReport downloads an address; a page without a report's tables that
// links to documents named as the report (or to one to three documents at
// all) gives those documents instead, each shown as "page → attachment".
func fetchReport(ctx context.Context, client *http.Client, addr, base string) ([]fetched, []string, error) {
	f, err := fetchOne(ctx, client, addr, base)
	if err != nil {
		return nil, nil, err
	}
	if !isPage(f.path) {
		return []fetched{f}, []string{addr}, nil
	}
	if r, err := report.Read(f.path, f.data); err != nil || len(r.Meta.Tables) > 0 {
		return []fetched{f}, []string{addr}, nil
	}
	links := attachmentLinks(f.final, f.data)
	var out []fetched
	var shown []string
	for k, l := range links {
		a, err := fetchOne(ctx, client, l, fmt.Sprintf("%s-%d", base, k+1))
		if err != nil {
			continue // the page itself is audited then, and says what it lacks
		}
		out, shown = append(out, a), append(shown, addr+" → "+l)
	}
	if len(out) == 0 {
		return []fetched{f}, []string{addr}, nil
	}
	_ = os.Remove(f.path)
	return out, shown, nil
}

// isPage says a fetched file is a web page.
func isPage(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm", ".shtml":
		return true
	}
	return false
}

// docExt are the kinds of file a page attaches a report as.
var docExt = map[string]bool{".pdf": true, ".doc": true, ".docx": true, ".wps": true, ".ofd": true, ".xls": true, ".xlsx": true,
	".et": true, ".rtf": true, ".odt": true, ".zip": true}

// attachmentLinks are the documents a page links to that are its report:
// those whose link text or address says 年度报告 or 年报, else all when there
// are one to three; absolute addresses, at most maxAttachments.
func attachmentLinks(page string, data []byte) []string {
	base, err := url.Parse(page)
	if err != nil {
		return nil
	}
	var named, all []string
	seen := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(guard.UTF8(data)))
	href, text := "", ""
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		switch tok := z.Token(); {
		case tt == html.StartTagToken && tok.DataAtom == atom.A:
			href, text = "", ""
			for _, a := range tok.Attr {
				if a.Key == "href" {
					href = strings.TrimSpace(a.Val)
				}
			}
		case tt == html.TextToken && href != "":
			text += tok.Data
		case tt == html.EndTagToken && tok.DataAtom == atom.A && href != "":
			u, err := base.Parse(href)
			if err == nil && (u.Scheme == "http" || u.Scheme == "https") && !seen[u.String()] {
				name, _ := url.PathUnescape(u.Path)
				if docExt[strings.ToLower(path.Ext(name))] || docExt[strings.ToLower(path.Ext(strings.TrimSpace(text)))] {
					seen[u.String()] = true
					all = append(all, u.String())
					if strings.Contains(text+name, "年度报告") || strings.Contains(text+name, "年报") {
						named = append(named, u.String())
					}
				}
			}
			href = ""
		}
	}
	switch {
	case len(named) > 0:
		return named[:min(len(named), maxAttachments)]
	case len(all) <= maxAttachments:
		return all
	}
	return nil
}

// fetched is one downloaded file: where it was written, the address it was
// fetched from (after redirects) and its bytes.
type fetched struct {
	path, final string
	data        []byte
}

// fetchOne downloads one address to base plus the report's extension.
func fetchOne(ctx context.Context, client *http.Client, addr, base string) (fetched, error) {
	u, err := url.Parse(addr)
	if err != nil || u.Host == "" {
		return fetched{}, errs.New(addr, "网址不对：应为 http:// 或 https:// 开头的完整网址")
	}
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, addr, nil)
	if err != nil {
		return fetched{}, errs.Wrap(errs.Invalid, err, addr, "网址不对")
	}
	req.Header.Set("User-Agent", "Mozilla/5.0 (compatible; gongkai/"+version+"; 政府信息公开工作年度报告核查)")
	resp, err := client.Do(req)
	if err != nil {
		return fetched{}, errs.Wrap(errs.Invalid, err, addr, "无法打开这个网址（网络不通、地址有误或超时）")
	}
	defer func() { _ = resp.Body.Close() }() // read only
	if resp.StatusCode != http.StatusOK {
		return fetched{}, errs.New(addr, "网站返回 %d（%s）：请在浏览器中确认地址", resp.StatusCode, http.StatusText(resp.StatusCode))
	}
	if err := guard.Size(addr, resp.ContentLength, report.MaxInput); err != nil {
		return fetched{}, err
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, report.MaxInput+1))
	if err != nil {
		return fetched{}, errs.Wrap(errs.Invalid, err, addr, "下载中断")
	}
	if len(data) > report.MaxInput {
		return fetched{}, &errs.Error{Kind: errs.TooLarge, Where: addr, Msg: fmt.Sprintf("文件过大：超过 %d MB 的上限", report.MaxInput>>20)}
	}
	ext := strings.ToLower(path.Ext(resp.Request.URL.Path)) // after redirects
	if !knownExt[ext] {
		ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
		ext = extOf[ct]
	}
	p := base + ext
	if err := os.WriteFile(p, data, 0o600); err != nil {
		return fetched{}, errs.Wrap(errs.Internal, err, addr, "无法写入临时目录")
	}
	return fetched{path: p, final: resp.Request.URL.String(), data: data}, nil
}

// readURLList reads the addresses of a list file (--urls): the first
// address of each line (a line of a spreadsheet saved as text or CSV keeps
// only its address); lines without one (a header, a blank line, a # comment)
// are skipped.
func readURLList(name string) ([]string, error) {
	data, err := readFile(name, 16<<20)
	if err != nil {
		return nil, err
	}
	var out []string
	sc := bufio.NewScanner(strings.NewReader(string(guard.UTF8(data))))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if strings.HasPrefix(line, "#") {
			continue
		}
		at := strings.Index(line, "http://")
		if h := strings.Index(line, "https://"); h >= 0 && (at < 0 || h < at) {
			at = h
		}
		if at < 0 {
			continue
		}
		out = append(out, strings.FieldsFunc(line[at:], func(r rune) bool {
			return r == ' ' || r == '\t' || r == ',' || r == '，' || r == '\u3000' || r == '"'
		})[0])
	}
	if err := sc.Err(); err != nil {
		return nil, errs.Wrap(errs.Invalid, err, name, "无法读取网址列表")
	}
	if len(out) == 0 {
		return nil, errs.New(name, "文件中没有网址：每行写一个以 http:// 或 https:// 开头的网址")
	}
	return out, nil
}
