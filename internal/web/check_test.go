package web_test

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"fmt"
	"html"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"gongkai/internal/render"
	"gongkai/internal/report"
)

// A supervising office checks published reports on the web: the seed with
// last year's report of the same bureau (the carry-over compared across the
// two), another agency's report inside a zip, a file that is no report. The
// page lists each file's findings; the result downloads as a workbook with
// formulas neutralised, without uploading the files again.
func TestWebCheckReports(t *testing.T) {
	st := demoSite(t)
	seed, err := os.ReadFile("../../testdata/seed/weibin-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	prev := report.Generate(rand.New(rand.NewPCG(7, 7)), "卫滨区教育体育和文化旅游局", 2023)
	var prevPage, other bytes.Buffer
	if err := render.HTML(&prevPage, prev); err != nil {
		t.Fatal(err)
	}
	if err := render.Markdown(&other, report.Generate(rand.New(rand.NewPCG(8, 8)), "示例县财政局", 2024)); err != nil {
		t.Fatal(err)
	}
	var z bytes.Buffer
	zw := zip.NewWriter(&z)
	w, _ := zw.Create("各县/财政局2024.md")
	_, _ = w.Write(other.Bytes())
	_ = zw.Close()

	c, csrf := st.login("city")
	code, body := st.get(c, "/admin/check")
	if code != http.StatusOK || !strings.Contains(body, `href="/admin/check">报告核查</a>`) || !strings.Contains(body, `name="files" multiple`) {
		t.Fatalf("%d: no check form or menu entry:\n%s", code, body)
	}
	code, _, page := st.uploadFiles(c, "/admin/check", map[string]string{"csrf": csrf}, "files",
		upFile{"C:\\报告\\2024年报.txt", seed}, upFile{"2023年报.html", prevPage.Bytes()}, upFile{"各县.zip", z.Bytes()}, upFile{"=HYPERLINK(1).pdf", []byte("%PDF-1.4 damaged")})
	if code != http.StatusOK {
		t.Fatalf("%d\n%s", code, page)
	}
	for _, want := range []string{"共核查 4 个文件", "1 个无法读取", "2024年报.txt", "各县.zip/各县/财政局2024.md", "示例县财政局",
		"已与上年报告“<span translate=\"no\">2023年报.html</span>”逐年核对", "X.IN_FORCE", "卫滨区教育体育和文化旅游局", "下载核查结果（Excel）"} {
		if !strings.Contains(page, want) {
			t.Errorf("the result lacks %q", want)
		}
	}
	if strings.Contains(page, `C:\报告`) {
		t.Error("the client's path is shown")
	}
	// the seed's findings, as gongkai audit --prev gives them
	r, err := report.Read("2024年报.txt", seed)
	if err != nil {
		t.Fatal(err)
	}
	p, err := report.Read("2023年报.html", prevPage.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	report.Check(r, p)
	if len(r.Findings) == 0 {
		t.Fatal("the seed reads clean: the test shows nothing")
	}
	for _, f := range r.Findings {
		if !strings.Contains(html.UnescapeString(page), f.Message) {
			t.Errorf("the seed's finding %s is not shown: %s", f.Rule, f.Message)
		}
	}

	m := regexp.MustCompile(`name="rows" value="([^"]*)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no result to download")
	}
	rows := html.UnescapeString(m[1])
	code, body, _ = st.post(c, "/admin/check/file", url.Values{"csrf": {csrf}, "rows": {rows}})
	if code != http.StatusOK {
		t.Fatalf("download: %d %s", code, body)
	}
	f, err := excelize.OpenReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	cells, err := f.GetRows("报告核查结果")
	if err != nil {
		t.Fatal(err)
	}
	var seedRows, bad int
	for _, row := range cells[1:] {
		if row[0] == "2024年报.txt" {
			seedRows++
		}
		if strings.Contains(row[0], "HYPERLINK") {
			bad++
			if !strings.HasPrefix(row[0], "'") || row[5] != "无法读取" || !strings.HasPrefix(row[9], "PDF 文件无法打开") {
				t.Errorf("the unreadable file's row: %q", row)
			}
		}
	}
	if cells[0][0] != "文件" || seedRows != len(r.Findings) || bad != 1 {
		t.Errorf("workbook: header %q, %d rows of the seed (want %d), %d of the bad file", cells[0], seedRows, len(r.Findings), bad)
	}

	// nothing chosen, a result tampered with: said on the page
	code, _, page = st.uploadFiles(c, "/admin/check", map[string]string{"csrf": csrf}, "files")
	if code != http.StatusUnprocessableEntity || !strings.Contains(page, "请选择要核查的年度报告文件") {
		t.Errorf("no files: %d", code)
	}
	if code, body, _ = st.post(c, "/admin/check/file", url.Values{"csrf": {csrf}, "rows": {`[["x"]]`}}); code != http.StatusUnprocessableEntity || !strings.Contains(body, "请重新核查") {
		t.Errorf("a tampered result: %d", code)
	}
	// a clerk checks too; without signing in, no
	c2, csrf2 := st.login("clerk")
	if code, _, page = st.uploadFiles(c2, "/admin/check", map[string]string{"csrf": csrf2}, "files", upFile{"a.txt", seed}); code != http.StatusOK || !strings.Contains(page, "共核查 1 个文件") {
		t.Errorf("clerk: %d", code)
	}
	if code, loc, _ := st.uploadFiles(st.browser(), "/admin/check", nil, "files", upFile{"a.txt", seed}); code == http.StatusOK || strings.Contains(loc, "check") {
		t.Errorf("anonymous: %d %s", code, loc)
	}
}

// The supervising office opens 报告核查 from the menu, chooses two files in
// the browser's file dialog and reads the result, at desktop and phone width.
func TestBrowserReportCheck(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	b := newBrowserTest(t)
	dir := t.TempDir()
	seed, err := os.ReadFile("../../testdata/seed/weibin-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	var prev bytes.Buffer
	if err := render.HTML(&prev, report.Generate(rand.New(rand.NewPCG(7, 7)), "卫滨区教育体育和文化旅游局", 2023)); err != nil {
		t.Fatal(err)
	}
	// and a county's compilation of two departments' reports, and a file of
	// junk too long to be a report, refused with why beside the others
	var book bytes.Buffer
	for k, a := range []string{"卫滨区民政局", "卫滨区财政局"} {
		if err := render.Text(&book, report.Generate(rand.New(rand.NewPCG(uint64(k), 8)), a, 2024)); err != nil {
			t.Fatal(err)
		}
		book.WriteString("\n\n")
	}
	files := []string{filepath.Join(dir, "2024年报.txt"), filepath.Join(dir, "2023年报.html"), filepath.Join(dir, "各部门汇编.txt"), filepath.Join(dir, "导出的数字.txt")}
	for i, data := range [][]byte{seed, prev.Bytes(), book.Bytes(), []byte(strings.Repeat("1\n", report.MaxLines+1))} {
		if err := os.WriteFile(files[i], data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b.login("district")
	b.do(chromedp.Click(chromedp.CSS(`nav.wide a[href="/admin/check"]`)))
	b.waitPath(`^/admin/check$`)
	b.do(chromedp.SetUploadFiles(`input[type=file]`, files), chromedp.Click(chromedp.CSS(`main form button`)))
	b.waitText("main", "共核查 4 个文件")
	if body := b.text("main"); !strings.Contains(body, "已与上年报告“2023年报.html”逐年核对") || !strings.Contains(body, "现行有效件数") ||
		!strings.Contains(body, "各部门汇编.txt（第 2 份，共 2 份，第 ") || !strings.Contains(body, "卫滨区财政局") ||
		!strings.Contains(body, "1 个文件无法读取") || !strings.Contains(body, "文件的文字超过 50 万行") {
		t.Errorf("the result: %s", body)
	}
	for _, w := range []int{1280, 390} {
		b.do(chromedp.EmulateViewport(int64(w), 900))
		wide, _ := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
		if wide {
			t.Errorf("the check result at %d px is wider than the screen", w)
		}
		b.shot(fmt.Sprintf("30-check-%d", w))
	}
}

// A published file of an agency the checker may see is compared with the
// report that agency keeps here for the year (the demo's 2024 report of
// 卫滨区教育体育和文化旅游局, saved and 报送): the seed as published agrees; a copy
// with one number changed does not (PUB.DIFF); another agency's clerk, who
// may not see that report, gets no comparison.
func TestWebCheckComparesSaved(t *testing.T) {
	st := demoSite(t)
	seed, err := os.ReadFile("../../testdata/seed/weibin-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(seed), "行政许可\t0\t", "行政许可\t5\t", 1)
	if changed == string(seed) {
		t.Fatal("the seed has no 行政许可 line to change")
	}
	c, csrf := st.login("district")
	_, _, page := st.uploadFiles(c, "/admin/check", map[string]string{"csrf": csrf}, "files", upFile{"原样.txt", seed}, upFile{"改过.txt", []byte(changed)})
	plain := html.UnescapeString(page)
	if strings.Count(plain, "已与本系统中保存的卫滨区教育体育和文化旅游局2024年度报告核对") != 2 {
		t.Errorf("the files were not compared with the saved report")
	}
	if n := strings.Count(page, `<code class="rule">PUB.DIFF</code>`); n != 1 || !strings.Contains(plain, "表二“行政许可”本年处理决定数量栏：发布的报告为 5") || !strings.Contains(plain, "发布的报告为 5，本系统中保存的报告为 0") {
		t.Errorf("PUB.DIFF %d times:\n%s", n, plain[strings.Index(plain, "改过.txt</span></h2>"):])
	}
	// the two files of one agency and year are compared with each other too
	if n := strings.Count(page, `<code class="rule">X.SAME_YEAR</code>`); n != 1 || !strings.Contains(plain, "本文件为 5，同一机关同一年度的另一份报告（原样.txt）为 0") {
		t.Errorf("X.SAME_YEAR %d times", n)
	}
	// the tables as read, the differing cell marked with why
	// (with both findings on it, the other file's first)
	if !strings.Contains(page, "读出的表格") || !strings.Contains(page, `class="bad" title="同年度报告不一致：表二“行政许可”`) ||
		!strings.Contains(page, "\n与系统中的报告不一致：表二“行政许可”") {
		t.Error("the tables as read do not mark the cell that differs")
	}
	f, fcsrf := st.login("finance")
	if _, _, page := st.uploadFiles(f, "/admin/check", map[string]string{"csrf": fcsrf}, "files", upFile{"改过.txt", []byte(changed)}); strings.Contains(page, "PUB.DIFF") || strings.Contains(page, "已与本系统中保存的") {
		t.Error("another agency's clerk compared with a report they may not see")
	}
}

// Addresses typed on 报告核查 are fetched by the server — public ones only:
// a test server on this machine is refused as the server's own network
// until the test lets the site reach it; a dead address is a file that
// could not be read, beside the others.
func TestWebCheckAddresses(t *testing.T) {
	st := demoSite(t)
	seed, err := os.ReadFile("../../testdata/seed/weibin-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/art/1.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write(seed)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c, csrf := st.login("district")
	urls := "单位,网址\n卫滨区," + srv.URL + "/art/1.html\n失效," + srv.URL + "/gone.html\n"
	_, _, page := st.uploadFiles(c, "/admin/check", map[string]string{"csrf": csrf, "urls": urls}, "files")
	if !strings.Contains(page, "共核查 2 个文件") || !strings.Contains(page, "内部网络") {
		t.Errorf("the server's own network was fetched:\n%s", page)
	}
	st.b.Web.Fetch = srv.Client()
	_, _, page = st.uploadFiles(c, "/admin/check", map[string]string{"csrf": csrf, "urls": urls}, "files")
	plain := html.UnescapeString(page)
	if !strings.Contains(plain, "共核查 2 个文件：0 个有错误，1 个仅有警告或提示，0 个未发现问题") || !strings.Contains(plain, "1 个无法读取") ||
		!strings.Contains(plain, srv.URL+"/art/1.html") || !strings.Contains(plain, "网站返回 404（页面不存在）") || !strings.Contains(plain, "卫滨区教育体育和文化旅游局") {
		t.Errorf("the addresses:\n%s", plain[strings.Index(plain, "<main>"):])
	}
	if !strings.Contains(page, srv.URL+"/gone.html") { // the list stays in its box, to check again
		t.Error("the addresses are not kept in the form")
	}
	many := strings.Repeat(srv.URL+"/art/1.html\n", 51)
	if code, _, page := st.uploadFiles(c, "/admin/check", map[string]string{"csrf": csrf, "urls": many}, "files"); code != http.StatusUnprocessableEntity || !strings.Contains(page, "一次最多核查 50 个网址") {
		t.Errorf("51 addresses: %d", code)
	}
}

// A large result (each file's tables as read) goes gzipped to a browser that
// takes it: a 200-file check is megabytes of HTML.
func TestWebCheckCompressed(t *testing.T) {
	st := demoSite(t)
	c, csrf := st.login("district")
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	_ = mw.WriteField("csrf", csrf)
	for i := range 10 {
		var page bytes.Buffer
		if err := render.HTML(&page, report.Generate(rand.New(rand.NewPCG(uint64(i), 1)), fmt.Sprintf("第%d局", i), 2024)); err != nil {
			t.Fatal(err)
		}
		fw, _ := mw.CreateFormFile("files", fmt.Sprintf("%d.html", i))
		_, _ = fw.Write(page.Bytes())
	}
	_ = mw.Close()
	req, _ := http.NewRequest("POST", st.srv.URL+"/admin/check", &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", st.srv.URL)
	req.Header.Set("Accept-Encoding", "gzip") // set by hand: the client leaves the body compressed
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("%d, not compressed", resp.StatusCode)
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	page, err := io.ReadAll(zr)
	if err != nil || !strings.Contains(string(page), "共核查 10 个文件") {
		t.Errorf("%v: %d bytes", err, len(page))
	}
}
