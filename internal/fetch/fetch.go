// Package fetch downloads published reports from their web addresses for the
// auditor: a page, or a document, each within report.MaxInput and a minute;
// a page that only announces the report gives the documents it attaches.
// The command line fetches anything its user can reach; the web server
// fetches only public addresses (PublicClient), never its own network.
package fetch

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/atom"

	"gongkai/internal/auditor"
	"gongkai/internal/errs"
	"gongkai/internal/guard"
	"gongkai/internal/report"
)

// Doc is one fetched document.
type Doc struct {
	Name string // the address it is shown by ("页面 → 附件" for an attachment)
	Ext  string // the extension its kind is read by (".html", ".pdf"… or "")
	Data []byte
	// Err is why a report a list page links to could not be fetched: the
	// Doc stands for it, without Data
	Err error
}

// Result is what one address gave: its documents, or why none.
type Result struct {
	URL  string
	Docs []Doc
	Err  error
}

// Fetcher downloads addresses.
type Fetcher struct {
	Client    *http.Client
	UserAgent string                // "": UserAgent
	Workers   int                   // at once; 0: 4
	Timeout   time.Duration         // per address; 0: a minute
	Progress  func(done, total int) // told after each address, when set
	// MaxBytes bounds what one All keeps in all (0: no bound beyond each
	// document's report.MaxInput): a document past it is an error.
	MaxBytes int64
	used     atomic.Int64
}

// MaxAddresses bounds the addresses of one check on the web or the API.
const MaxAddresses = 50

// ForCheck fetches the addresses given to a report check (报告核查, POST
// /api/v1/audit) with client, within the check's own bound on what it
// holds: each document becomes a file, and an address that gave none one
// that could not be read, with why.
func ForCheck(ctx context.Context, client *http.Client, urls []string) []auditor.Upload {
	f := &Fetcher{Client: client, MaxBytes: auditor.MaxUploadBytes}
	var ups []auditor.Upload
	for _, res := range f.All(ctx, urls) {
		if res.Err != nil {
			ups = append(ups, auditor.Upload{Name: res.URL, Err: res.Err})
			continue
		}
		for _, d := range res.Docs {
			ups = append(ups, auditor.Upload{Name: d.Name, Data: d.Data, ReadAs: "document" + d.Ext, Err: d.Err})
		}
	}
	return ups
}

// UserAgent is how gongkai names itself to the websites it fetches from
// (Fetcher.UserAgent "").
const UserAgent = "Mozilla/5.0 (compatible; gongkai; 政府信息公开工作年度报告核查)"

// IsURL says a string is a web address to fetch.
func IsURL(a string) bool {
	return strings.HasPrefix(a, "https://") || strings.HasPrefix(a, "http://")
}

// All fetches the addresses, a few at a time; the results are in their order.
func (f *Fetcher) All(ctx context.Context, urls []string) []Result {
	out := make([]Result, len(urls))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	workers := f.Workers
	if workers <= 0 {
		workers = 4
	}
	for range min(workers, len(urls)) {
		wg.Go(func() {
			for i := range next {
				docs, err := f.report(ctx, urls[i])
				out[i] = Result{URL: urls[i], Docs: docs, Err: err}
				if f.Progress != nil {
					mu.Lock()
					done++
					f.Progress(done, len(urls))
					mu.Unlock()
				}
			}
		})
	}
	for i := range urls {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// maxAttachments is how many attachments of one page are fetched.
const maxAttachments = 3

// report downloads an address; a page without a report's tables that links
// to documents named as the report (or to one to three documents at all)
// gives those documents instead, each shown as "page → attachment".
func (f *Fetcher) report(ctx context.Context, addr string) ([]Doc, error) {
	return f.reportFrom(ctx, addr, true)
}

// reportFrom is report; list says a page that lists reports (a column of a
// county's departments' reports) gives each report it links to, itself a
// page (with its attachments) or a document, each shown as "列表页 → 报告".
// A listed page's own list is not followed.
func (f *Fetcher) reportFrom(ctx context.Context, addr string, list bool) ([]Doc, error) {
	d, final, err := f.one(ctx, addr)
	if err != nil {
		return nil, err
	}
	if !isPage(d.Ext) {
		return []Doc{d}, nil
	}
	r, err := report.Read("page"+d.Ext, d.Data)
	if err != nil || len(r.Meta.Tables) > 0 {
		return []Doc{d}, nil
	}
	base, err := url.Parse(final)
	if err != nil {
		return []Doc{d}, nil
	}
	var out []Doc
	links := report.PageLinks(d.Data) // one pass over the page for both uses
	attached, named := attachmentLinks(base, links)
	// a list: a page with nothing of a report (a report whose tables are
	// pictures is one), more reports named than a page attaches, and not a
	// page that attaches its own (whose links to other years' are no list)
	var listed []string
	seen := map[string]bool{base.String(): true}
	if list && r.Meta.Empty {
		listed = listedReports(base, links, seen, maxListed)
	}
	if len(listed) > maxAttachments && (named == 0 || named > maxAttachments) {
		// all of a list within five times what one address may take: a
		// slow site cannot hold a check for fifty minutes
		ctx, cancel := context.WithTimeout(ctx, 5*cmp.Or(f.Timeout, time.Minute))
		defer cancel()
		more, failed := f.laterPages(ctx, base, d.Data, links, seen, maxListed-len(listed))
		listed = append(listed, more...)
		if failed != nil {
			out = append(out, *failed)
		}
		for _, l := range listed {
			docs, err := f.reportFrom(ctx, l, false)
			if err != nil {
				out = append(out, Doc{Name: addr + " → " + l, Err: err})
				continue
			}
			for _, x := range docs {
				x.Name = addr + " → " + x.Name
				out = append(out, x)
			}
		}
		return out, nil
	}
	for _, l := range attached {
		a, _, err := f.one(ctx, l)
		if err != nil {
			continue // the page itself is audited then, and says what it lacks
		}
		a.Name = addr + " → " + l
		out = append(out, a)
	}
	if len(out) == 0 {
		return []Doc{d}, nil
	}
	return out, nil
}

// maxListed is how many reports of one list page are fetched.
const maxListed = 50

// maxListPages is how many pages of one list are read (the first included).
const maxListPages = 10

// laterPages are the reports a list's later pages list (下一页, or the
// pages a TRS site's script numbers index_1.html, index_2.html …), page by
// page while each lists some, on the list's own site, within maxListPages
// and up to max reports; failed is a page that could not be fetched, which
// ends the list there.
func (f *Fetcher) laterPages(ctx context.Context, base *url.URL, data []byte, links []report.PageLink, seen map[string]bool, max int) (out []string, failed *Doc) {
	first := base
	visited := map[string]bool{base.String(): true}
	for pages := 1; pages < maxListPages && len(out) < max; pages++ {
		next := nextPage(base, data, links)
		if next == nil || next.Host != first.Host || visited[next.String()] {
			return out, nil
		}
		visited[next.String()] = true
		d, final, err := f.one(ctx, next.String())
		if err != nil {
			return out, &Doc{Name: first.String() + " → " + next.String(), Err: err}
		}
		if base, err = url.Parse(final); err != nil || !isPage(d.Ext) {
			return out, nil
		}
		data, links = d.Data, report.PageLinks(d.Data)
		listed := listedReports(base, links, seen, max-len(out))
		if len(listed) == 0 {
			return out, nil
		}
		out = append(out, listed...)
	}
	return out, nil
}

// nextWords are a list's link to its next page, spaces and arrows taken off.
var nextWords = map[string]bool{"下一页": true, "下页": true, "后一页": true, "下一頁": true}

// trsPages is the call by which a TRS site's list page writes its page
// links: createPageHTML(pages, current, "index", "html"), the pages being
// index.html, index_1.html … index_{pages-1}.html.
var trsPages = regexp.MustCompile(`createPageHTML\(\s*(\d{1,4})\s*,\s*(\d{1,4})\s*,\s*["']([\w-]{1,40})["']\s*,\s*["'](\w{1,10})["']`)

// nextPage is the address of a list page's next page: its 下一页 link, or
// the next page its TRS script numbers; nil on the last page.
func nextPage(base *url.URL, data []byte, links []report.PageLink) *url.URL {
	for _, l := range links {
		w := strings.Trim(strings.Join(strings.Fields(l.Text), ""), ">»›》＞")
		if l.Frame == 0 && nextWords[w] && !strings.HasPrefix(strings.ToLower(l.Raw), "javascript:") && !strings.HasPrefix(l.Raw, "#") {
			if u, err := base.Parse(l.Raw); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
				return u
			}
		}
	}
	if m := trsPages.FindSubmatch(data); m != nil {
		pages, _ := strconv.Atoi(string(m[1]))
		cur, _ := strconv.Atoi(string(m[2]))
		if cur+1 < pages {
			if u, err := base.Parse(fmt.Sprintf("%s_%d.%s", m[3], cur+1, m[4])); err == nil {
				return u
			}
		}
	}
	return nil
}

// listedReports are the reports a page lists: the links (to pages or
// documents) whose text names a report of a year (示例县民政局2024年政府信息
// 公开工作年度报告, …年报), other than the page itself and those in seen
// (which it adds to); absolute addresses, at most max.
func listedReports(base *url.URL, links []report.PageLink, seen map[string]bool, max int) []string {
	var out []string
	for _, l := range links {
		if len(out) == max {
			break
		}
		u, err := base.Parse(l.Raw)
		// (a list cuts long titles short and keeps them whole in the title)
		if l.Frame == 0 && err == nil && (u.Scheme == "http" || u.Scheme == "https") && !seen[u.String()] && namesAReport(l.Title+l.Text) {
			seen[u.String()] = true
			out = append(out, u.String())
		}
	}
	return out
}

// namesAReport says a link's text names an annual report of a year.
func namesAReport(t string) bool {
	t = strings.Join(strings.Fields(t), "")
	if utf8.RuneCountInString(t) > 120 || !strings.Contains(t, "年度报告") && !strings.Contains(t, "年报") {
		return false
	}
	for i := 0; i+4 <= len(t); i++ {
		if (t[i] == '1' && t[i+1] == '9' || t[i] == '2' && t[i+1] == '0') && isDigit(t[i+2]) && isDigit(t[i+3]) {
			return true
		}
	}
	return strings.ContainsAny(t, "〇○零") // 二〇二四年
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// isPage says an extension is a web page's.
func isPage(ext string) bool { return ext == ".html" || ext == ".htm" || ext == ".shtml" }

// extOf is the extension a fetched report is read by: its address's, when it
// names a kind of file, else its Content-Type's. The reader tells most kinds
// by their bytes; a CSV and a zip are known by their names.
var extOf = map[string]string{"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt", "text/csv": ".csv",
	"application/pdf": ".pdf", "application/msword": ".doc", "application/vnd.ms-excel": ".xls", "application/zip": ".zip",
	"application/x-zip-compressed": ".zip", "application/ofd": ".ofd", "application/rtf": ".rtf", "text/rtf": ".rtf",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":       ".xlsx",
	"application/vnd.oasis.opendocument.text":                                 ".odt",
	"application/vnd.oasis.opendocument.spreadsheet":                          ".ods",
	"application/vnd.oasis.opendocument.text-flat-xml":                        ".fodt",
	"application/vnd.oasis.opendocument.spreadsheet-flat-xml":                 ".fods",
	"application/vnd.rar": ".rar", "application/x-rar-compressed": ".rar", "application/x-rar": ".rar"}

var knownExt = map[string]bool{".html": true, ".htm": true, ".shtml": true, ".txt": true, ".csv": true, ".pdf": true, ".doc": true,
	".docx": true, ".wps": true, ".xls": true, ".xlsx": true, ".et": true, ".zip": true, ".ofd": true, ".rtf": true, ".odt": true,
	".ods": true, ".fodt": true, ".fods": true, ".rar": true, ".md": true, ".mht": true, ".mhtml": true}

// one downloads one address: the document and the address it came from
// after redirects.
func (f *Fetcher) one(ctx context.Context, addr string) (Doc, string, error) {
	u, err := url.Parse(addr)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return Doc{}, "", errs.New(addr, "网址不对：应为 http:// 或 https:// 开头的完整网址")
	}
	ctx, cancel := context.WithTimeout(ctx, cmp.Or(f.Timeout, time.Minute))
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, addr, nil)
	if err != nil {
		return Doc{}, "", errs.Wrap(errs.Invalid, err, addr, "网址不对")
	}
	req.Header.Set("User-Agent", cmp.Or(f.UserAgent, UserAgent))
	resp, err := f.Client.Do(req)
	if errors.Is(err, errPrivate) {
		return Doc{}, "", errs.Wrap(errs.Invalid, err, addr, "这个网址指向内部网络（本机或局域网地址）：服务器只下载互联网上公开的网址；内部网址请下载后上传文件")
	}
	if err != nil {
		return Doc{}, "", errs.Wrap(errs.Invalid, err, addr, "无法打开这个网址（网络不通、地址有误或超时）")
	}
	defer func() { _ = resp.Body.Close() }() // read only
	if resp.StatusCode != http.StatusOK {
		return Doc{}, "", errs.New(addr, "网站返回 %d%s：请在浏览器中确认地址", resp.StatusCode, statusWords[resp.StatusCode])
	}
	if err := guard.Size(addr, resp.ContentLength, report.MaxInput); err != nil {
		return Doc{}, "", err
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, report.MaxInput+1))
	if err != nil {
		return Doc{}, "", errs.Wrap(errs.Invalid, err, addr, "下载中断")
	}
	if len(data) > report.MaxInput {
		return Doc{}, "", &errs.Error{Kind: errs.TooLarge, Where: addr, Msg: fmt.Sprintf("文件过大：超过 %d MB 的上限", report.MaxInput>>20)}
	}
	if f.MaxBytes > 0 && f.used.Add(int64(len(data))) > f.MaxBytes {
		return Doc{}, "", &errs.Error{Kind: errs.TooLarge, Where: addr, Msg: fmt.Sprintf("下载的文件合计超过 %d MB：请分批核查", f.MaxBytes>>20)}
	}
	ext := strings.ToLower(path.Ext(resp.Request.URL.Path)) // after redirects
	if !knownExt[ext] {
		ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
		ext = extOf[ct]
	}
	return Doc{Name: addr, Ext: ext, Data: data}, resp.Request.URL.String(), nil
}

// statusWords say the common answers of a website in Chinese.
var statusWords = map[int]string{401: "（需要登录）", 403: "（禁止访问）", 404: "（页面不存在）", 410: "（页面已删除）",
	429: "（访问过于频繁）", 500: "（网站内部错误）", 502: "（网站暂时无法访问）", 503: "（网站暂时无法访问）", 504: "（网站响应超时）"}

// attachmentLinks are the documents a page links to or shows in a frame
// that are its report: those whose link text, frame title or address says
// 年度报告 or 年报, else all when there are one to three; absolute
// addresses, at most maxAttachments, and how many were named so. A frame
// showing a document counts as a link to it, and so does a viewer's address
// that names the document (pdf.js: viewer.html?file=/uploads/a.pdf); a
// frame showing a page of the same site (without a query: not a viewer) is
// the page whose text the report is.
func attachmentLinks(base *url.URL, links []report.PageLink) ([]string, int) {
	var named, all []string
	seen := map[string]bool{}
	add := func(u *url.URL, words string) {
		if seen[u.String()] {
			return
		}
		seen[u.String()] = true
		all = append(all, u.String())
		name, _ := url.PathUnescape(u.Path)
		if strings.Contains(words+name, "年度报告") || strings.Contains(words+name, "年报") {
			named = append(named, u.String())
		}
	}
	for _, l := range links {
		words := l.Text
		if l.Frame != 0 {
			words = l.Title
		}
		if u, ok := report.DocLink(base, l.Raw); ok {
			add(u, words)
			continue
		}
		u, err := base.Parse(l.Raw)
		switch {
		case err != nil:
		case l.Frame == atom.Iframe && u.Host == base.Host && u.RawQuery == "" && isPage(strings.ToLower(path.Ext(u.Path))):
			add(u, words)
		case l.Frame == 0 && (u.Scheme == "http" || u.Scheme == "https") && report.DocExt[strings.ToLower(path.Ext(strings.TrimSpace(l.Text)))]:
			add(u, words) // a download address named by its link's text (下载.do?id=3 "报告.pdf")
		}
	}
	switch {
	case len(named) > 0:
		return named[:min(len(named), maxAttachments)], len(named)
	case len(all) <= maxAttachments:
		return all, 0
	}
	return nil, 0
}

// ReadList reads the addresses of a list (a file of --urls, a text box):
// the first address of each line (a line of a spreadsheet saved as text or
// CSV keeps only its address); lines without one (a header, a blank line, a
// # comment) are skipped. where names the list in errors.
func ReadList(where string, data []byte) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(guard.UTF8(data)))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		// an address copied from a document typed in an input method's wide
		// mode (ｈｔｔｐｓ：／／…) is the address it shows
		line := strings.Map(guard.HalfWidth, strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff")))
		if strings.HasPrefix(line, "#") {
			continue
		}
		split := func(r rune) bool { return r == ' ' || r == '\t' || r == ',' || r == '，' || r == '\u3000' || r == '"' }
		at := strings.Index(line, "http://")
		if h := strings.Index(line, "https://"); h >= 0 && (at < 0 || h < at) {
			at = h
		}
		if at >= 0 {
			out = append(out, strings.FieldsFunc(line[at:], split)[0])
			continue
		}
		for _, f := range strings.FieldsFunc(line, split) { // www.example.gov.cn/art/1.html, as a spreadsheet shows it
			if bareAddress(f) {
				out = append(out, "http://"+f)
				break
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, errs.Wrap(errs.Invalid, err, where, "无法读取网址列表")
	}
	if len(out) == 0 {
		return nil, errs.New(where, "没有网址：每行写一个以 http:// 或 https:// 开头的网址")
	}
	return out, nil
}

// bareAddress says a word is a web address written without http:// — a
// host of letters, digits, dots and hyphens ending in a domain the
// government's sites use, then a path or nothing.
func bareAddress(w string) bool {
	host, _, _ := strings.Cut(strings.ToLower(w), "/")
	if !strings.Contains(host, ".") || strings.Trim(host, "abcdefghijklmnopqrstuvwxyz0123456789.-:") != "" {
		return false
	}
	for _, tld := range []string{".cn", ".com", ".net", ".org"} {
		if strings.HasSuffix(strings.Split(host, ":")[0], tld) {
			return true
		}
	}
	return false
}

// errPrivate is a connection refused because it would reach a non-public
// address.
var errPrivate = errors.New("address not public")

// PublicClient is a client that connects only to public addresses: never
// the machine itself, its local networks (10/8, 172.16/12, 192.168/16,
// 100.64/10, fc00::/7), link-local ones (169.254/16, the cloud's metadata
// service) or anything reserved — checked on the address each connection
// is made to, so that a name resolving there, or a redirect, is refused too.
// It keeps the environment's proxy setting off: a proxy would connect for it.
func PublicClient() *http.Client {
	d := &net.Dialer{Timeout: 15 * time.Second, Control: func(network, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil || !Public(ap.Addr()) {
			return errPrivate
		}
		return nil
	}}
	t := &http.Transport{DialContext: d.DialContext, TLSHandshakeTimeout: 15 * time.Second, MaxIdleConns: 8, IdleConnTimeout: 30 * time.Second}
	return &http.Client{Transport: t}
}

// PublicClientVia is PublicClient for a server that reaches the internet
// only through an HTTP proxy (an agency's intranet): it connects to the
// proxy alone, and before each request — each redirect too — resolves the
// address's host and refuses it unless every address it has is public, as
// PublicClient refuses a connection (the proxy then resolves it again: a
// name that changes its addresses in between is the proxy's to stop).
func PublicClientVia(proxy *url.URL) *http.Client {
	at := proxy.Host
	if proxy.Port() == "" {
		port := "80"
		if proxy.Scheme == "https" {
			port = "443"
		}
		at = net.JoinHostPort(proxy.Hostname(), port)
	}
	d := &net.Dialer{Timeout: 15 * time.Second}
	t := &http.Transport{Proxy: http.ProxyURL(proxy), TLSHandshakeTimeout: 15 * time.Second, MaxIdleConns: 8, IdleConnTimeout: 30 * time.Second,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if addr != at {
				return nil, errPrivate // only the proxy: never a direct connection
			}
			return d.DialContext(ctx, network, addr)
		}}
	return &http.Client{Transport: publicOnly{t, net.DefaultResolver}}
}

// publicOnly refuses a request whose host is not public before the proxy
// sees it.
type publicOnly struct {
	next http.RoundTripper
	dns  interface {
		LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
	}
}

func (p publicOnly) RoundTrip(r *http.Request) (*http.Response, error) {
	host := r.URL.Hostname()
	addrs := []netip.Addr{}
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = append(addrs, a)
	} else if addrs, err = p.dns.LookupNetIP(r.Context(), "ip", host); err != nil {
		return nil, err
	}
	if len(addrs) == 0 || slices.ContainsFunc(addrs, func(a netip.Addr) bool { return !Public(a) }) {
		return nil, errPrivate
	}
	return p.next.RoundTrip(r)
}

// Public says an address is on the public internet.
func Public(a netip.Addr) bool {
	a = a.Unmap()
	return a.IsValid() && a.IsGlobalUnicast() && !a.IsPrivate() && !sharedSpace.Contains(a) && !benchmark.Contains(a)
}

var (
	sharedSpace = netip.MustParsePrefix("100.64.0.0/10") // carrier-grade NAT
	benchmark   = netip.MustParsePrefix("198.18.0.0/15")
)
