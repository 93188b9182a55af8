package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"gongkai/internal/errs"
	"gongkai/internal/render"
	"gongkai/internal/report"
)

// The server fetches public addresses only: never itself, its local
// networks or the cloud's metadata service, whatever name or redirect
// leads there.
func TestPublicOnly(t *testing.T) {
	for addr, public := range map[string]bool{
		"203.0.113.7": true, "8.8.8.8": true, "2001:4860:4860::8888": true,
		"127.0.0.1": false, "10.1.2.3": false, "172.16.0.1": false, "192.168.1.1": false, "169.254.169.254": false,
		"100.64.0.1": false, "0.0.0.0": false, "::1": false, "fc00::1": false, "fe80::1": false, "::ffff:127.0.0.1": false,
		"224.0.0.1": false, "198.18.0.1": false,
	} {
		if got := Public(netip.MustParseAddr(addr)); got != public {
			t.Errorf("%s public: %v, want %v", addr, got, public)
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("内部")) }))
	defer srv.Close()
	f := &Fetcher{Client: PublicClient()}
	res := f.All(context.Background(), []string{srv.URL + "/a.html", "ftp://example.gov.cn/a.pdf"})
	if res[0].Err == nil || !strings.Contains(errs.Message(res[0].Err), "内部网络") {
		t.Errorf("a loopback address: %v", res[0].Err)
	}
	if res[1].Err == nil || !strings.Contains(errs.Message(res[1].Err), "网址不对") {
		t.Errorf("not http: %v", res[1].Err)
	}
}

// What one check keeps is bounded in all, not only per document.
func TestMaxBytes(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		_, _ = w.Write(make([]byte, 600))
	}))
	defer srv.Close()
	f := &Fetcher{Client: srv.Client(), MaxBytes: 1000, Workers: 1}
	res := f.All(context.Background(), []string{srv.URL + "/1", srv.URL + "/2"})
	if res[0].Err != nil || len(res[0].Docs) != 1 || res[0].Docs[0].Ext != ".pdf" {
		t.Errorf("the first: %+v", res[0])
	}
	if res[1].Err == nil || errs.KindOf(res[1].Err) != errs.TooLarge {
		t.Errorf("past the bound: %v", res[1].Err)
	}
}

func TestReadList(t *testing.T) {
	got, err := ReadList("list", []byte("\ufeff单位,网址\r\n甲,https://a.gov.cn/1.html\r\n# 乙\r\n乙，\"http://b.gov.cn/2.pdf\"\r\n\r\n丙\thttps://c.gov.cn/x?id=3 备注\n"))
	if err != nil || strings.Join(got, " ") != "https://a.gov.cn/1.html http://b.gov.cn/2.pdf https://c.gov.cn/x?id=3" {
		t.Errorf("%q %v", got, err)
	}
	if got, err := ReadList("list", []byte("ｈｔｔｐｓ：／／ｗｗｗ．ａ．ｇｏｖ．ｃｎ／ａｒｔ／１．ｈｔｍｌ，甲局\n")); err != nil || len(got) != 1 || got[0] != "https://www.a.gov.cn/art/1.html" {
		t.Errorf("a wide address: %q %v", got, err)
	}
	if got, err := ReadList("list", []byte("甲局 www.a.gov.cn/art/1.html\n乙局,hnb.gov.cn\n丙局,2025年报.pdf,张三\n")); err != nil || strings.Join(got, " ") != "http://www.a.gov.cn/art/1.html http://hnb.gov.cn" {
		t.Errorf("addresses without http://: %q %v", got, err)
	}
	if _, err := ReadList("list", []byte("单位,网址\n")); err == nil {
		t.Error("a list without addresses")
	}
}

// fakeDNS answers for the test's names.
type fakeDNS map[string][]netip.Addr

func (f fakeDNS) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	if a, ok := f[host]; ok {
		return a, nil
	}
	return nil, errors.New("no such host")
}

// Behind an agency's proxy the server reaches public addresses through it
// and nothing else: an address or a name that is (or resolves, even in part,
// to) the local network is refused before the proxy sees it, a redirect there
// too, and no connection is made but to the proxy.
func TestPublicClientVia(t *testing.T) {
	var seen []string
	var mu sync.Mutex
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.URL.String()) // a forward proxy gets the whole address
		mu.Unlock()
		if r.URL.Path == "/moved.html" {
			http.Redirect(w, r, "http://192.168.1.1/report.html", http.StatusFound)
			return
		}
		_, _ = w.Write([]byte("<html><body>年度报告</body></html>"))
	}))
	defer proxy.Close()
	u, _ := url.Parse(proxy.URL)
	c := PublicClientVia(u)
	pt := c.Transport.(publicOnly)
	pt.dns = fakeDNS{"www.example.gov.cn": {netip.MustParseAddr("203.0.113.7")}, "intra.example.gov.cn": {netip.MustParseAddr("10.0.0.5")},
		"both.example.gov.cn": {netip.MustParseAddr("203.0.113.8"), netip.MustParseAddr("127.0.0.1")}}
	c.Transport = pt
	f := &Fetcher{Client: c}
	res := f.All(context.Background(), []string{"http://203.0.113.7/a.html", "http://www.example.gov.cn/b.html", "http://127.0.0.1/c.html",
		"http://intra.example.gov.cn/d.html", "http://both.example.gov.cn/e.html", "http://203.0.113.7/moved.html"})
	for i, ok := range []bool{true, true, false, false, false, false} {
		if got := res[i].Err == nil; got != ok {
			t.Errorf("%d: error %v", i, res[i].Err)
		} else if !ok && !strings.Contains(errs.Message(res[i].Err), "内部网络") {
			t.Errorf("%d: %v", i, errs.Message(res[i].Err))
		}
	}
	if want := []string{"http://203.0.113.7/a.html", "http://203.0.113.7/moved.html", "http://www.example.gov.cn/b.html"}; !slices.Equal(sorted(seen), want) {
		t.Errorf("the proxy saw %v, want %v", seen, want)
	}
	// a connection anywhere but the proxy is refused
	if _, err := pt.next.(*http.Transport).DialContext(context.Background(), "tcp", "203.0.113.7:80"); !errors.Is(err, errPrivate) {
		t.Errorf("a direct connection: %v", err)
	}
}

func sorted(s []string) []string { return slices.Sorted(slices.Values(s)) }

// A page shows its report in a frame or through a viewer as often as it
// links to it: each is taken as the attachment; a frame of another site (a
// video, a map) or a page's own links are not.
func TestAttachmentLinks(t *testing.T) {
	const page = "https://www.example.gov.cn/art/2025/1/20/art_9.html"
	for name, c := range map[string]struct{ html, want string }{
		"link": {`<a href="/uploads/r.docx">2024年度报告</a><a href="/index.html">首页</a>`,
			"https://www.example.gov.cn/uploads/r.docx"},
		"iframe pdf": {`<iframe src="/uploads/2025/r.pdf" width="100%"></iframe>`,
			"https://www.example.gov.cn/uploads/2025/r.pdf"},
		"embed": {`<embed src="r.pdf" type="application/pdf">`,
			"https://www.example.gov.cn/art/2025/1/20/r.pdf"},
		"object": {`<object data="//cdn.example.gov.cn/r.ofd" type="application/ofd"></object>`,
			"https://cdn.example.gov.cn/r.ofd"},
		"pdf.js viewer": {`<iframe src="/pdfjs/web/viewer.html?file=%2Fuploads%2F%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf"></iframe>`,
			"https://www.example.gov.cn/uploads/%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf"},
		"viewer link": {`<a href="/viewer/index.html?fileUrl=https://files.example.gov.cn/a.pdf">查看</a>`,
			"https://files.example.gov.cn/a.pdf"},
		"frame of the same site": {`<iframe src="/content/9.html" title="正文"></iframe><iframe src="https://player.example.com/v.html"></iframe>`,
			"https://www.example.gov.cn/content/9.html"},
		"named among many": {`<iframe src="/a.pdf"></iframe><a href="/b.pdf">指南</a><a href="/c.pdf">目录</a><a href="/d.pdf" title="x">2024年年报</a>`,
			"https://www.example.gov.cn/d.pdf"},
		"another site's frame":    {`<iframe src="https://map.example.com/embed.html"></iframe><iframe src="javascript:void(0)"></iframe>`, ""},
		"a viewer of no document": {`<iframe src="/viewer.html?file=/index.html"></iframe>`, ""},
	} {
		base, _ := url.Parse(page)
		links, _ := attachmentLinks(base, report.PageLinks([]byte("<html><body>"+c.html+"</body></html>")))
		if got := strings.Join(links, " "); got != c.want {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
}

// A column page that lists a county's departments' reports (no report of
// its own, more than a page attaches) gives each report it links to: a
// page of a report, a document, a page that attaches its report; one that
// cannot be fetched stands as a failure with why. The page's other links
// are not fetched, nor is a listed page's own list.
func TestListPage(t *testing.T) {
	var page bytes.Buffer
	if err := render.HTML(&page, report.Generate(rand.New(rand.NewPCG(1, 1)), "示例县民政局", 2024)); err != nil {
		t.Fatal(err)
	}
	fetched := map[string]int{}
	mux := http.NewServeMux()
	serve := func(path, body string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			fetched[path]++
			_, _ = w.Write([]byte(body))
		})
	}
	serve("/list.html", `<html><body><a href="/index.html">首页</a><ul>
<li><a href="/a.html">示例县民政局2024年政府信息公开工作年度报告</a></li>
<li><a href="/b.pdf" title="示例县教育局2024年政府信息公开工作年度报告">示例县教育局2024年政府信息公开工作年…</a></li>
<li><a href="c.html">示例县财政局2024年年报</a></li>
<li><a href="/missing.html">示例县卫健委 2024 年政府信息公开工作年度报告</a></li>
<li><a href="/guide.html">政府信息公开指南</a></li></ul></body></html>`)
	serve("/a.html", page.String())
	serve("/b.pdf", "%PDF-1.4 教育局")
	serve("/c.html", `<html><body><h1>示例县财政局2024年年报</h1><p>附件：<a href="/c.docx">年度报告.docx</a></p>
<a href="/other.html">示例县财政局2023年政府信息公开工作年度报告</a><a href="/o2.html">示例县财政局2022年年报</a><a href="/o3.html">示例县财政局2021年年报</a><a href="/o4.html">示例县财政局2020年年报</a></body></html>`)
	serve("/c.docx", "PK docx")
	serve("/index.html", "home")
	serve("/guide.html", "guide")
	serve("/other.html", "other")
	mux.HandleFunc("/missing.html", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := &Fetcher{Client: srv.Client()}
	res := f.All(context.Background(), []string{srv.URL + "/list.html"})
	if res[0].Err != nil {
		t.Fatal(res[0].Err)
	}
	var got []string
	for _, d := range res[0].Docs {
		g := strings.ReplaceAll(d.Name, srv.URL, "")
		switch {
		case d.Err != nil:
			g += " ! " + strings.ReplaceAll(errs.Message(d.Err), srv.URL, "")
		default:
			g += " " + strconv.Itoa(len(d.Data))
		}
		got = append(got, g)
	}
	want := []string{
		"/list.html → /a.html " + strconv.Itoa(page.Len()),
		"/list.html → /b.pdf 18",
		"/list.html → /c.html → /c.docx 7",
		"/list.html → /missing.html ! /missing.html：网站返回 404（页面不存在）：请在浏览器中确认地址",
	}
	if !slices.Equal(got, want) {
		t.Errorf("docs:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, p := range []string{"/index.html", "/guide.html", "/other.html"} {
		if fetched[p] > 0 {
			t.Errorf("%s fetched", p)
		}
	}
	// a page that attaches its report, with links to other years' reports
	// beside it, gives its attachment alone
	serve("/notice.html", `<html><body><p>附件：<a href="/c.docx">示例县财政局2024年度报告.docx</a></p><ul>
<li><a href="/other.html">示例县财政局2023年政府信息公开工作年度报告</a></li><li><a href="/o2.html">示例县财政局2022年年报</a></li>
<li><a href="/o3.html">示例县财政局2021年年报</a></li><li><a href="/o4.html">示例县财政局2020年年报</a></li></ul></body></html>`)
	res = f.All(context.Background(), []string{srv.URL + "/notice.html"})
	if len(res[0].Docs) != 1 || !strings.HasSuffix(res[0].Docs[0].Name, "/notice.html → "+srv.URL+"/c.docx") || fetched["/other.html"] > 0 {
		t.Errorf("a page attaching its report: %v %+v", res[0].Err, res[0].Docs)
	}
	// a report whose tables are pictures, with links to other years' beside
	// it, is the report (said to be pictures), not a list
	serve("/pictures.html", `<html><body><h1>示例县财政局2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本局公开信息。</p>
<p>二、主动公开政府信息情况</p><img src="/t2.png"><p>三、收到和处理政府信息公开申请情况</p><img src="/t3.png"><ul>
<li><a href="/other.html">示例县财政局2023年政府信息公开工作年度报告</a></li><li><a href="/o2.html">示例县财政局2022年年报</a></li>
<li><a href="/o3.html">示例县财政局2021年年报</a></li><li><a href="/o4.html">示例县财政局2020年年报</a></li></ul></body></html>`)
	res = f.All(context.Background(), []string{srv.URL + "/pictures.html"})
	if len(res[0].Docs) != 1 || res[0].Docs[0].Name != srv.URL+"/pictures.html" || fetched["/other.html"] > 0 {
		t.Errorf("a report with its tables as pictures: %v %+v", res[0].Err, res[0].Docs)
	}
}

// A list whose reports never come is fetched within five times one
// address's time: the reports past it are not even asked for (each would
// have waited its own time), and all are failures, not a wait without end.
func TestListPageBounded(t *testing.T) {
	mux := http.NewServeMux()
	var list strings.Builder
	var asked atomic.Int64
	for k := range 12 {
		fmt.Fprintf(&list, `<a href="/r%d.html">示例县第%d局2024年政府信息公开工作年度报告</a>`, k, k)
		mux.HandleFunc(fmt.Sprintf("/r%d.html", k), func(w http.ResponseWriter, r *http.Request) {
			asked.Add(1)
			<-r.Context().Done() // never answers: each takes its whole time
		})
	}
	mux.HandleFunc("/list.html", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(list.String())) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := &Fetcher{Client: srv.Client(), Timeout: 40 * time.Millisecond}
	res := f.All(context.Background(), []string{srv.URL + "/list.html"})
	if len(res[0].Docs) != 12 {
		t.Fatalf("%d docs, want 12 failures", len(res[0].Docs))
	}
	for _, d := range res[0].Docs {
		if d.Err == nil {
			t.Errorf("%s fetched", d.Name)
		}
	}
	if n := asked.Load(); n > 7 {
		t.Errorf("%d of the 12 reports asked for: the list's time bound did not hold", n)
	}
}

// A list's later pages are read too: by its 下一页 link, or by the page
// numbers a TRS site's script writes (createPageHTML: index_1.html …), each
// while it lists reports, on the list's own site, a page named once; a page
// that cannot be fetched ends the list and says so.
func TestListPageLaterPages(t *testing.T) {
	mux := http.NewServeMux()
	fetched := map[string]int{}
	var mu sync.Mutex
	serve := func(path, body string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			fetched[path]++
			mu.Unlock()
			_, _ = w.Write([]byte(body))
		})
	}
	reports := func(from, to int) string {
		var b strings.Builder
		for k := from; k < to; k++ {
			fmt.Fprintf(&b, `<li><a href="/docs/r%d.pdf">示例县第%d局2024年政府信息公开工作年度报告</a></li>`, k, k)
			serve(fmt.Sprintf("/docs/r%d.pdf", k), fmt.Sprintf("%%PDF-1.4 %d", k))
		}
		return "<ul>" + b.String() + "</ul>"
	}
	// 下一页 links: page 3 links back to page 1 (a cycle), and to another site
	serve("/col/list.html", `<html><body>`+reports(0, 4)+`<a href="list_2.html">下一页 &gt;</a><a href="list_9.html">尾页</a></body></html>`)
	serve("/col/list_2.html", `<html><body>`+reports(4, 6)+`<a href="list.html">上一页</a> <a href="/col/list_3.html">下一页</a></body></html>`)
	serve("/col/list_3.html", `<html><body>`+reports(6, 7)+`<a href="http://elsewhere.example/list_4.html">下一页</a></body></html>`)
	// TRS: the script numbers the pages; the last page's says it is the last
	trs := func(cur int, body string) string {
		return `<html><body>` + body + `<script>createPageHTML(3, ` + strconv.Itoa(cur) + `, "index", "shtml");</script></body></html>`
	}
	serve("/trs/", trs(0, reports(10, 14)))
	serve("/trs/index_1.shtml", trs(1, reports(14, 16)))
	serve("/trs/index_2.shtml", trs(2, reports(16, 17)))
	// a later page that cannot be fetched
	serve("/broken/list.html", `<html><body>`+reports(20, 24)+`<a href="/broken/list_2.html">下一页</a></body></html>`)
	// a later page that lists no report: the list ends
	serve("/ends/list.html", `<html><body>`+reports(30, 34)+`<a href="/ends/list_2.html">下一页</a></body></html>`)
	serve("/ends/list_2.html", `<html><body><p>暂无内容</p><a href="/ends/list_3.html">下一页</a></body></html>`)
	serve("/ends/list_3.html", `<html><body>`+reports(34, 36)+`</body></html>`)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := &Fetcher{Client: srv.Client()}
	for _, c := range []struct {
		list string
		want []string
	}{
		{"/col/list.html", []string{"r0", "r1", "r2", "r3", "r4", "r5", "r6"}},
		{"/trs/", []string{"r10", "r11", "r12", "r13", "r14", "r15", "r16"}},
		{"/broken/list.html", []string{"! /broken/list_2.html", "r20", "r21", "r22", "r23"}},
		{"/ends/list.html", []string{"r30", "r31", "r32", "r33"}},
	} {
		res := f.All(context.Background(), []string{srv.URL + c.list})
		if res[0].Err != nil {
			t.Fatal(res[0].Err)
		}
		var got []string
		for _, d := range res[0].Docs {
			name := strings.ReplaceAll(d.Name, srv.URL, "")
			if d.Err != nil {
				got = append(got, "! "+name[strings.LastIndex(name, " ")+1:])
				continue
			}
			if !strings.HasPrefix(name, c.list+" → /docs/") {
				t.Errorf("%s: named %q", c.list, name)
			}
			got = append(got, strings.TrimSuffix(name[strings.LastIndex(name, "/")+1:], ".pdf"))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.list, got, c.want)
		}
	}
	for _, p := range []string{"/col/list.html", "/col/list_2.html", "/col/list_3.html", "/trs/index_2.shtml"} {
		if fetched[p] != 1 {
			t.Errorf("%s fetched %d times", p, fetched[p])
		}
	}
	if fetched["/ends/list_3.html"] > 0 {
		t.Error("a page after one listing nothing was read")
	}
}

// A list of many pages is read for at most maxListPages pages and
// maxListed reports.
func TestListPageLaterPagesBounded(t *testing.T) {
	mux := http.NewServeMux()
	var pages atomic.Int64
	mux.HandleFunc("/list/", func(w http.ResponseWriter, r *http.Request) {
		pages.Add(1)
		k, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/list/"))
		fmt.Fprint(w, "<html><body>")
		for j := range 4 {
			fmt.Fprintf(w, `<a href="/r/%d-%d.pdf">示例县第%d局2024年年报</a>`, k, j, j)
		}
		fmt.Fprintf(w, `<a href="/list/%d">下一页</a></body></html>`, k+1)
	})
	mux.HandleFunc("/r/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "%PDF-1.4") })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := &Fetcher{Client: srv.Client()}
	res := f.All(context.Background(), []string{srv.URL + "/list/0"})
	if n := pages.Load(); n != maxListPages {
		t.Errorf("%d pages read, want %d", n, maxListPages)
	}
	if len(res[0].Docs) != 4*maxListPages {
		t.Errorf("%d reports, want %d", len(res[0].Docs), 4*maxListPages)
	}
	// twenty reports a page: the list stops at maxListed
	mux.HandleFunc("/wide/", func(w http.ResponseWriter, r *http.Request) {
		k, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/wide/"))
		fmt.Fprint(w, "<html><body>")
		for j := range 20 {
			fmt.Fprintf(w, `<a href="/r/w%d-%d.pdf">示例县第%d局2024年年报</a>`, k, j, j)
		}
		fmt.Fprintf(w, `<a href="/wide/%d">下一页</a></body></html>`, k+1)
	})
	res = f.All(context.Background(), []string{srv.URL + "/wide/0"})
	if len(res[0].Docs) != maxListed {
		t.Errorf("%d reports, want %d", len(res[0].Docs), maxListed)
	}
}
