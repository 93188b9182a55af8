package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"gongkai/internal/errs"
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
		if got := strings.Join(attachmentLinks(page, []byte("<html><body>"+c.html+"</body></html>")), " "); got != c.want {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
}
