package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/internal/office"
	"gongkai/internal/render"
	"gongkai/internal/report"
)

// An auditor checks reports where they are published: pages and files at
// their addresses (a GBK page, a file whose address names no kind, a zip),
// named by their addresses in the output; an address that cannot be fetched
// is a file that could not be read, and the others are still audited. A list
// of addresses comes from a file saved from a spreadsheet.
func TestAuditURLs(t *testing.T) {
	gen := func(agency string, year int) []byte {
		var b bytes.Buffer
		if err := render.HTML(&b, report.Generate(rand.New(rand.NewPCG(uint64(year), 3)), agency, year)); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	seed, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(seed)
	if err != nil {
		t.Fatal(err)
	}
	var z bytes.Buffer
	zw := zip.NewWriter(&z)
	for _, y := range []int{2022, 2023} {
		w, _ := zw.Create(filepath.Join("乙县", strings.Repeat("x", y-2021)+".html"))
		_, _ = w.Write(gen("乙县民政局", y))
	}
	_ = zw.Close()
	mux := http.NewServeMux()
	mux.HandleFunc("/art/2024/3/31/art_1.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=gbk")
		_, _ = w.Write(gbk)
	})
	mux.HandleFunc("/download", func(w http.ResponseWriter, r *http.Request) { // an address that names no kind of file
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write(gen("甲县教育局", 2023))
	})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/download", http.StatusFound) })
	mux.HandleFunc("/all.zip", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write(z.Bytes()) })
	mux.HandleFunc("/big.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "999999999")
		w.WriteHeader(http.StatusOK)
	})
	// a page that only announces the report and attaches it (a Word file),
	// beside the agency's guide, which is no report
	var docx bytes.Buffer
	if err := office.RenderReport(&docx, report.Generate(rand.New(rand.NewPCG(9, 9)), "丙县卫健委", 2024), "docx", testClock.Now()); err != nil {
		t.Fatal(err)
	}
	fetchedGuide := false
	mux.HandleFunc("/art/2025/1/20/art_9.html", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`<html><body><h1>丙县卫健委2024年度政府信息公开工作年度报告</h1><p>附件：<a href="/uploads/202501/%E4%B8%99%E5%8E%BF2024%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.docx"><span>丙县卫健委2024年度报告</span></a></p>
<p><a href="/uploads/guide.pdf">政府信息公开指南.pdf</a> <a href="/index.html">首页</a></p></body></html>`))
	})
	mux.HandleFunc("/uploads/202501/", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write(docx.Bytes()) })
	mux.HandleFunc("/uploads/guide.pdf", func(w http.ResponseWriter, r *http.Request) { fetchedGuide = true })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	out, errOut, code := gk(t, "audit", "--json", srv.URL+"/art/2025/1/20/art_9.html")
	var page struct{ File, Agency, Error string }
	if err := json.Unmarshal([]byte(out), &page); err != nil || code != 0 || page.Agency != "丙县卫健委" ||
		page.File != srv.URL+"/art/2025/1/20/art_9.html → "+srv.URL+"/uploads/202501/%E4%B8%99%E5%8E%BF2024%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.docx" || fetchedGuide {
		t.Errorf("a page with its report attached: exit %d, %+v, guide fetched %v\n%s", code, page, fetchedGuide, errOut)
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)

	out, errOut, code = gk(t, "audit", "--json", srv.URL+"/art/2024/3/31/art_1.html", srv.URL+"/old", srv.URL+"/missing", srv.URL+"/all.zip", srv.URL+"/big.pdf")
	type line struct {
		File, Error, Agency string
		Year                int
	}
	var got []line
	for l := range strings.Lines(out) {
		var x line
		if err := json.Unmarshal([]byte(l), &x); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		got = append(got, x)
	}
	if code != 2 || len(got) != 6 {
		t.Fatalf("exit %d, %d lines:\n%s\n%s", code, len(got), out, errOut)
	}
	if !strings.HasSuffix(got[0].File, "/missing") || !strings.Contains(got[0].Error, "网站返回 404") ||
		!strings.HasSuffix(got[1].File, "/big.pdf") || !strings.Contains(got[1].Error, "文件过大") {
		t.Errorf("the failures first: %+v", got[:2])
	}
	byFile := map[string]line{}
	for _, l := range got[2:] {
		byFile[strings.TrimPrefix(l.File, srv.URL)] = l
	}
	for file, want := range map[string]string{"/art/2024/3/31/art_1.html": "卫滨区教育体育和文化旅游局", "/old": "甲县教育局",
		"/all.zip/乙县/x.html": "乙县民政局", "/all.zip/乙县/xx.html": "乙县民政局"} {
		if l, ok := byFile[file]; !ok || l.Agency != want || l.Error != "" {
			t.Errorf("%s: %+v", file, l)
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("left in the temporary directory: %v", left)
	}

	// a list saved from a spreadsheet: a header, the address in the second column
	list := filepath.Join(t.TempDir(), "网址.csv")
	if err := os.WriteFile(list, []byte("\ufeff单位,网址\n甲县教育局,"+srv.URL+"/old\n\n# 乙县\n乙县,\""+srv.URL+"/all.zip\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = gk(t, "audit", "--by-agency", "--urls", list)
	if code != 0 || strings.Count(out, "\n") != 4 || !strings.Contains(out, "乙县民政局　2023") || !strings.Contains(out, srv.URL+"/old") {
		t.Errorf("--urls: exit %d\n%s\n%s", code, out, errOut)
	}
	if _, errOut, code = gk(t, "audit", "--urls", filepath.Join(t.TempDir(), "none.txt")); code != 2 || !strings.Contains(errOut, "无法读取文件") {
		t.Errorf("a list that is not there: %d %s", code, errOut)
	}
	empty := filepath.Join(t.TempDir(), "空.txt")
	_ = os.WriteFile(empty, []byte("单位,网址\n"), 0o644)
	if _, errOut, code = gk(t, "audit", "--urls", empty); code != 2 || !strings.Contains(errOut, "没有网址") {
		t.Errorf("a list without addresses: %d %s", code, errOut)
	}
}

// audit --db compares each published file with the report its agency keeps
// in the database for the year (PUB.DIFF): the demo's 2024 report of
// 卫滨区教育体育和文化旅游局 agrees with the seed as published, not with a copy with
// one number changed; a database file that is not there is refused, not
// created.
func TestAuditAgainstDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	if _, stderr, code := gk(t, "demo", "init", "--db", db); code != 0 {
		t.Fatal(stderr)
	}
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	changed := filepath.Join(dir, "改过.txt")
	if err := os.WriteFile(changed, []byte(strings.Replace(string(data), "行政许可\t0\t", "行政许可\t5\t", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, _ := gk(t, "audit", "--db", db, seed, changed)
	sections := strings.Split(out, "== ")
	if len(sections) != 3 || strings.Contains(sections[1], "PUB.DIFF") || !strings.Contains(sections[2], "PUB.DIFF") ||
		!strings.Contains(sections[2], "发布的报告为 5，本系统中保存的报告为 0") {
		t.Errorf("%s\n%s", out, stderr)
	}
	missing := filepath.Join(dir, "没有.db")
	if _, stderr, code := gk(t, "audit", "--db", missing, seed); code != 2 || !strings.Contains(stderr, "找不到数据库文件") {
		t.Errorf("a database that is not there: %d %s", code, stderr)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Error("audit --db created the database")
	}
}

// audit --xlsx writes the result as 报告核查's workbook — one row per
// finding, each agency's years checked against each other — and prints the
// summary; an existing file is kept unless --force.
func TestAuditToWorkbook(t *testing.T) {
	dir := t.TempDir()
	for _, y := range []int{2023, 2024} {
		var b strings.Builder
		r := report.Generate(rand.New(rand.NewPCG(uint64(y), 5)), "甲县教育局", y)
		if y == 2024 {
			r.Sections["5"] = "存在的问题：公开内容不够全面。改进：加强培训。"
		}
		if err := render.Text(&b, r); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", y)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "卫滨.txt"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "结果.xlsx")
	stdout, stderr, code := gk(t, "audit", "--xlsx", out, dir)
	if code != 0 || !strings.Contains(stdout, "共审核 3 个文件") {
		t.Fatalf("%d\n%s\n%s", code, stdout, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("报告核查结果")
	seen := map[string]bool{}
	for _, row := range rows[1:] {
		seen[filepath.Base(row[0])] = true
		if filepath.Base(row[0]) == "2024.txt" && row[4] == "" {
			t.Errorf("2024 not checked against 2023: %q", row)
		}
	}
	if rows[0][0] != "文件" || !seen["2023.txt"] || !seen["2024.txt"] || !seen["卫滨.txt"] {
		t.Errorf("the workbook: %q", rows)
	}
	if _, stderr, code := gk(t, "audit", "--xlsx", out, dir); code != 2 || !strings.Contains(stderr, "文件已存在") {
		t.Errorf("an existing workbook: %d %s", code, stderr)
	}
	if _, stderr, code := gk(t, "audit", "--xlsx", out, "--json", dir); code != 2 || !strings.Contains(stderr, "不能与") {
		t.Errorf("--xlsx with --json: %d %s", code, stderr)
	}
}

// The address of a column page listing a county's departments' reports
// audits each report it links to, grouped by agency; a listed report that
// cannot be fetched is a file that could not be read, named by its address.
func TestAuditListPage(t *testing.T) {
	mux := http.NewServeMux()
	var list strings.Builder
	list.WriteString("<html><body><ul>")
	for k, a := range []string{"丁县民政局", "丁县教育局", "丁县财政局"} {
		var b bytes.Buffer
		if err := render.HTML(&b, report.Generate(rand.New(rand.NewPCG(uint64(k), 4)), a, 2024)); err != nil {
			t.Fatal(err)
		}
		path := fmt.Sprintf("/art/%d.html", k)
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write(b.Bytes()) })
		fmt.Fprintf(&list, `<li><a href="%s">%s2024年政府信息公开工作年度报告</a></li>`, path, a)
	}
	list.WriteString(`<li><a href="/art/gone.html">丁县卫健委2024年政府信息公开工作年度报告</a></li></ul></body></html>`)
	mux.HandleFunc("/col/list.html", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(list.String())) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	out, errOut, code := gk(t, "audit", "--by-agency", srv.URL+"/col/list.html")
	for _, want := range []string{"丁县民政局　2024", "丁县教育局　2024", "丁县财政局　2024", "/col/list.html → " + srv.URL + "/art/gone.html：无法读取：", "共审核 4 个文件"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s\n%s", want, out, errOut)
		}
	}
	if code != 2 {
		t.Errorf("exit %d, want 2 (a listed report could not be fetched)", code)
	}
}
