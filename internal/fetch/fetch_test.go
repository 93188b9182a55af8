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
