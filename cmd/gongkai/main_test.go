package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/internal/clock"
	"gongkai/internal/mail"
	"gongkai/internal/mail/mailtest"
	"gongkai/internal/org"
	"gongkai/internal/render"
	"gongkai/internal/report"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

const seed = "../../testdata/seed/weibin-2024.txt"

// testClock is every command's clock in these tests: Tuesday 2026-11-24,
// 10:00 Beijing time. No test reads the wall clock.
var testClock = clock.At(time.Date(2026, 11, 24, 2, 0, 0, 0, time.UTC))

func gk(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runAt(context.Background(), testClock, args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func TestAuditSeedJSON(t *testing.T) {
	out, stderr, code := gk(t, "audit", "--json", seed)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	if m["agency"] != "卫滨区教育体育和文化旅游局" || m["year"] != float64(2024) || m["format"] != "2021" || m["file"] != seed {
		t.Errorf("header: %v %v %v %v", m["agency"], m["year"], m["format"], m["file"])
	}
	var latin int
	for _, f := range m["findings"].([]any) {
		f := f.(map[string]any)
		if f["severity"] == "error" {
			t.Errorf("error finding %v", f)
		}
		if f["severity"] == "warning" {
			if f["rule"] != "TXT.LATIN" {
				t.Errorf("unexpected warning %v", f)
			}
			latin++
		}
	}
	if latin != 2 {
		t.Errorf("TXT.LATIN = %d, want 2", latin)
	}
}

// The JSON the auditor prints renders back to the seed's tables.
func TestAuditJSONRendersBack(t *testing.T) {
	dir := t.TempDir()
	out, _, _ := gk(t, "audit", "--json", seed)
	p := filepath.Join(dir, "seed.json")
	os.WriteFile(p, []byte(out), 0o644)
	txt, stderr, code := gk(t, "report", "render", p, "--format", "txt")
	if code != 0 {
		t.Fatalf("render: %d %s", code, stderr)
	}
	for _, want := range []string{"一、本年新收政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0\t0", "行政事业性收费\t0", "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"} {
		if !strings.Contains(txt, want) {
			t.Errorf("rendered text lacks %q", want)
		}
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile(seed)
	bad := strings.Replace(string(src), "二、上年结转政府信息公开申请数量\t\t0", "二、上年结转政府信息公开申请数量\t\t3", 1)
	os.WriteFile(filepath.Join(dir, "bad.txt"), []byte(bad), 0o644)
	os.WriteFile(filepath.Join(dir, "junk.bin"), []byte("\x00\x01\x02"), 0o644)

	out, _, code := gk(t, "audit", filepath.Join(dir, "bad.txt"))
	if code != 1 {
		t.Errorf("wrong cell: exit %d, want 1\n%s", code, out)
	}
	for _, rule := range []string{"T3.ROWSUM", "T3.BALANCE"} {
		if !strings.Contains(out, rule) {
			t.Errorf("output lacks %s:\n%s", rule, out)
		}
	}
	if _, _, code := gk(t, "audit", filepath.Join(dir, "junk.bin")); code != 2 {
		t.Errorf("unreadable: exit %d, want 2", code)
	}
	if _, stderr, code := gk(t, "audit", filepath.Join(dir, "nope.txt")); code != 2 || !strings.Contains(stderr, "找不到") {
		t.Errorf("missing file: exit %d %q", code, stderr)
	}
}

// --help prints the command's flags and succeeds; an unknown flag is a usage error.
func TestHelpExitCodes(t *testing.T) {
	for _, args := range [][]string{{"serve", "--help"}, {"audit", "-h"}, {"import", "cases", "--help"}, {"calendar", "load", "--help"}} {
		_, stderr, code := gk(t, args...)
		if code != 0 || !strings.Contains(stderr, "用法") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	if _, _, code := gk(t, "serve", "--no-such-flag"); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
}

// Several files print JSON Lines in argument order; a directory stands for its files.
func TestAuditManyAndDirectory(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile(seed)
	for _, n := range []string{"a.txt", "b.txt", "c.txt"} {
		os.WriteFile(filepath.Join(dir, n), src, 0o644)
	}
	os.WriteFile(filepath.Join(dir, ".hidden"), []byte("x"), 0o644)
	out, _, code := gk(t, "audit", "--json", dir, seed)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var files []string
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		files = append(files, filepath.Base(m["file"].(string)))
	}
	if strings.Join(files, ",") != "a.txt,b.txt,c.txt,weibin-2024.txt" {
		t.Errorf("files = %v", files)
	}
	out, _, _ = gk(t, "audit", dir)
	if !strings.Contains(out, "共审核 3 个文件：0 个有错误，3 个仅有警告或提示") {
		t.Errorf("summary line missing:\n%s", out)
	}
}

func TestReportNewCheckRender(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.yaml")
	if _, stderr, code := gk(t, "report", "new", "--agency", "示例县财政局", "--year", "2025", "--level", "county_department", "-o", p); code != 0 {
		t.Fatalf("new: %s", stderr)
	}
	if _, stderr, code := gk(t, "report", "new", "--agency", "示例县财政局", "--year", "2025", "-o", p); code != 2 || !strings.Contains(stderr, "--force") {
		t.Errorf("overwrite not refused: %d %s", code, stderr)
	}
	// the skeleton is all zeros: only the empty narrative is reported
	out, _, code := gk(t, "report", "check", p)
	if code != 1 || !strings.Contains(out, "S.MISSING") || strings.Contains(out, "T3.") {
		t.Errorf("check skeleton: %d\n%s", code, out)
	}
	y, _ := os.ReadFile(p)
	filled := strings.Replace(string(y), `"1": ""`, `"1": "2025年，本局未收到政府信息公开申请。"`, 1)
	filled = strings.Replace(filled, `"5": ""`, `"5": "一是公开不够及时。"`, 1)
	filled = strings.Replace(filled, `"6": ""`, `"6": "本年度未收取信息处理费。"`, 1)
	os.WriteFile(p, []byte(filled), 0o644)
	if out, _, code := gk(t, "report", "check", p); code != 0 {
		t.Errorf("filled skeleton: %d\n%s", code, out)
	}
	// one wrong cell gives exactly the rules it breaks
	wrong := strings.Replace(filled, "granted: [0, 0, 0, 0, 0, 0, 0]", "granted: [1, 0, 0, 0, 0, 0, 1]", 1)
	os.WriteFile(p, []byte(wrong), 0o644)
	out, _, code = gk(t, "report", "check", "--json", p)
	var m struct {
		Findings []struct{ Rule, Cell string }
	}
	json.Unmarshal([]byte(out), &m)
	var got []string
	for _, f := range m.Findings {
		got = append(got, f.Rule+"@"+f.Cell)
	}
	if code != 1 || strings.Join(got, " ") != "T3.OUTCOMES@applications.total[natural] T3.OUTCOMES@applications.total[total]" {
		t.Errorf("exit %d, findings %v", code, got)
	}
	for _, f := range []string{"txt", "md", "html", "json"} {
		out, stderr, code := gk(t, "report", "render", "--format", f, p)
		if code != 0 || !strings.Contains(out, "示例县财政局") {
			t.Errorf("render %s: %d %s", f, code, stderr)
		}
	}
	if _, stderr, code := gk(t, "report", "render", "--format", "rtf", p); code != 2 || !strings.Contains(stderr, "不支持") {
		t.Errorf("unknown format: %d %s", code, stderr)
	}
}

// A broken authoring file is refused with file:line:column and what to do.
func TestReportCheckBadYAML(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.yaml")
	os.WriteFile(p, []byte("agency: 局\nyear: 2024\napplications:\n  new: [1, 2, 3, 4, 5, 6]\n"), 0o644)
	_, stderr, code := gk(t, "report", "check", p)
	if code != 2 || !strings.Contains(stderr, "r.yaml:4:") || !strings.Contains(stderr, "有 6 个数，应为 7 个") {
		t.Errorf("%d %q", code, stderr)
	}
}

func TestUsage(t *testing.T) {
	out, _, code := gk(t, "--help")
	if code != 0 || !strings.Contains(out, "audit") || !strings.Contains(out, "退出码") {
		t.Errorf("help: %d %s", code, out)
	}
	if _, _, code := gk(t, "frobnicate"); code != 2 {
		t.Errorf("unknown command exit %d", code)
	}
	out, _, _ = gk(t, "report", "rules")
	if strings.Count(out, "\n") < 20 || !strings.Contains(out, "T3.BALANCE") {
		t.Errorf("rules:\n%s", out)
	}
}

func TestWorkdayFeeValidate(t *testing.T) {
	for _, c := range []struct {
		args []string
		out  string
		code int
	}{
		{[]string{"workday", "add", "--from", "2024-02-01", "--days", "20"}, "2024-03-05\n", 0},
		{[]string{"workday", "between", "2025-01-24", "2025-02-27"}, "20\n", 0},
		{[]string{"fee", "--applications", "35"}, "3000\n", 0},
		{[]string{"fee", "--pages", "2219"}, "83460\n", 0},
		{[]string{"validate", "id", "11010519491231002X"}, "有效：11010519491231002X\n", 0},
		{[]string{"validate", "uscc", "91110000100011743X"}, "有效：91110000100011743X\n", 0},
		{[]string{"validate", "id", "110105194912310021"}, "无效：身份证号码：校验码不对：最后一位应为“X”，请核对号码是否抄错\n", 1},
	} {
		out, stderr, code := gk(t, c.args...)
		if out != c.out || code != c.code {
			t.Errorf("%v: %q %q exit %d", c.args, out, stderr, code)
		}
	}
	_, stderr, code := gk(t, "workday", "add", "--from", "2026-12-20", "--days", "20")
	if code != 2 || !strings.Contains(stderr, "缺少 2027 年的节假日安排") {
		t.Errorf("missing year: %d %s", code, stderr)
	}
	_, stderr, code = gk(t, "workday", "add", "--from", "2025-02-30")
	if code != 2 || !strings.Contains(stderr, "--from") {
		t.Errorf("impossible date: %d %s", code, stderr)
	}
	if _, _, code := gk(t, "fee", "--pages", "3", "--applications", "3"); code != 2 {
		t.Error("both fee methods accepted")
	}
}

func TestMigrateBackupRestore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	out, stderr, code := gk(t, "migrate", "--db", db, "--status")
	if code != 0 || !strings.Contains(out, "0001_init\t未执行") {
		t.Fatalf("status before: %d %q %q", code, out, stderr)
	}
	if out, _, code := gk(t, "migrate", "--db", db); code != 0 || strings.Contains(out, "未执行") {
		t.Fatalf("migrate: %d %s", code, out)
	}
	bak := filepath.Join(dir, "b.db")
	if _, stderr, code := gk(t, "backup", "--db", db, bak); code != 0 {
		t.Fatalf("backup: %s", stderr)
	}
	if _, stderr, code := gk(t, "backup", "--db", db, bak); code != 2 || !strings.Contains(stderr, "已存在") {
		t.Errorf("backup over a file: %d %s", code, stderr)
	}
	if _, stderr, code := gk(t, "restore", "--db", db, bak); code != 2 || !strings.Contains(stderr, "--force") {
		t.Errorf("restore without --force: %d %s", code, stderr)
	}
	if out, stderr, code := gk(t, "restore", "--db", db, "--force", bak); code != 0 {
		t.Errorf("restore --force: %d %s %s", code, out, stderr)
	}
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("not a database"), 0o644)
	if _, _, code := gk(t, "restore", "--db", filepath.Join(dir, "new.db"), junk); code != 2 {
		t.Error("restored from junk")
	}
	// a file that is not a database, or a backup cut short, is named and
	// said as such (not "check the address and password"), and the
	// database it was to replace is left as it was
	full, err := os.ReadFile(bak)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(dir, "cut.db")
	os.WriteFile(cut, full[:len(full)/3], 0o644)
	before, _ := os.ReadFile(db)
	for src, want := range map[string]string{junk: "这不是 SQLite 数据库文件", cut: "文件已损坏或不完整"} {
		_, stderr, code := gk(t, "restore", "--db", db, "--force", src)
		if code != 2 || !strings.Contains(stderr, src+"：") || !strings.Contains(stderr, want) || strings.Contains(stderr, "密码") {
			t.Errorf("restore from %s: %d %s", filepath.Base(src), code, stderr)
		}
		if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
			t.Errorf("restore from %s changed the database", filepath.Base(src))
		}
	}
	if _, stderr, _ := gk(t, "migrate", "--db", junk, "--status"); !strings.Contains(stderr, "这不是 SQLite 数据库文件") {
		t.Errorf("migrate of a file that is not a database: %s", stderr)
	}
	// a backup that a newer gongkai wrote is not restored, and a database
	// it migrated is not opened by this one
	newer := filepath.Join(dir, "newer.db")
	if _, stderr, code := gk(t, "backup", "--db", db, newer); code != 0 {
		t.Fatal(stderr)
	}
	ns, err := store.Open(context.Background(), newer, testClock)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ns.DB().Exec(`INSERT INTO schema_migrations (version, applied_at) VALUES ('0999_future', '2027-01-01T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	ns.Close()
	if _, stderr, code := gk(t, "restore", "--db", db, "--force", newer); code == 0 || !strings.Contains(stderr, "较新版本") {
		t.Errorf("restore of a newer backup: %d %s", code, stderr)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the refused restore changed the database")
	}
	if _, stderr, code := gk(t, "migrate", "--db", newer); code == 0 || !strings.Contains(stderr, "0999_future") {
		t.Errorf("migrate of a newer database: %d %s", code, stderr)
	}
	// a backup of a database that does not exist is refused, and writes nothing (issue 14, finding 5)
	nosuch := filepath.Join(dir, "nosuchsrc.db")
	if out, stderr, code := gk(t, "backup", "--db", nosuch, filepath.Join(dir, "b2.db")); code != 2 || strings.Contains(out, "已备份") || !strings.Contains(stderr, "不存在") {
		t.Errorf("backup of a missing database: %d %s %s", code, out, stderr)
	}
	for _, p := range []string{nosuch, filepath.Join(dir, "b2.db")} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s was created", p)
		}
	}
	// a restore from a backup that does not exist leaves nothing behind
	if _, stderr, code := gk(t, "restore", "--db", filepath.Join(dir, "r.db"), filepath.Join(dir, "nosuch.db")); code != 2 || !strings.Contains(stderr, "不存在") {
		t.Errorf("restore from nothing: %d %s", code, stderr)
	}
	for _, p := range []string{"nosuch.db", "r.db", "r.db.restore-tmp"} {
		if _, err := os.Stat(filepath.Join(dir, p)); !os.IsNotExist(err) {
			t.Errorf("%s left behind", p)
		}
	}
	if out, _, _ := gk(t, "backup", "--db", db, filepath.Join(dir, "b3.db")); !strings.Contains(out, "完整性检查通过") {
		t.Errorf("backup does not say it verified: %s", out)
	}
}

// syncBuf is a buffer the server goroutine writes while the test reads.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) { s.mu.Lock(); defer s.mu.Unlock(); return s.b.Write(p) }
func (s *syncBuf) String() string              { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func TestServeDemo(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuf
	done := make(chan int)
	go func() {
		done <- runAt(ctx, testClock, []string{"serve", "--demo", "--addr", "127.0.0.1:0"}, strings.NewReader(""), &out, &errb)
	}()
	var url, key string
	// up to a minute: seeding the demo on a loaded 2-core machine took over
	// the 10 s this waited before (a readiness wait, not a speed check)
	for i := 0; i < 1200 && (url == "" || key == ""); i++ {
		time.Sleep(50 * time.Millisecond)
		for _, line := range strings.Split(out.String(), "\n") {
			if u, ok := strings.CutPrefix(line, "gongkai 已启动："); ok {
				url = u
			}
			if k, ok := strings.CutPrefix(line, "  演示 API 密钥（办理人）："); ok {
				key = k
			}
		}
	}
	if url == "" || key == "" {
		t.Fatalf("no URL or key printed:\n%s\n%s", out.String(), errb.String())
	}
	if strings.Contains(out.String(), "还没有机关") {
		t.Error("the demo is told it has no agency")
	}
	get := func(path, key string) (int, string) {
		req, _ := http.NewRequest("GET", url+strings.TrimPrefix(path, "/"), nil)
		if key != "" {
			req.Header.Set("Authorization", "Bearer "+key)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := get("/healthz", ""); code != 200 || !strings.Contains(body, `"status":"ok"`) {
		t.Errorf("healthz %d %q", code, body)
	}
	code, body := get("/api/v1/cases?limit=500", key)
	var list struct {
		Total int
		Items []struct {
			ID    int64
			State string
		}
	}
	json.Unmarshal([]byte(body), &list)
	states := map[string]bool{}
	for _, it := range list.Items {
		states[it.State] = true
	}
	if code != 200 || list.Total < 8 || len(states) < 4 {
		t.Errorf("demo cases: %d total %d states %v", code, list.Total, states)
	}
	// the public status page shows the stage, never personal data
	_, body = get(fmt.Sprintf("/api/v1/cases/%d", list.Items[0].ID), key)
	var c struct{ Code string }
	if err := json.Unmarshal([]byte(body), &c); err != nil {
		t.Fatal(err)
	}
	code, page := get("/status?code="+c.Code, "")
	// (the form token is random hex: it may hold "138")
	shown := regexp.MustCompile(`name="csrf" value="[^"]*"`).ReplaceAllString(page, "")
	if code != 200 || !strings.Contains(page, "办理状态") || strings.Contains(shown, "11010519491231002X") || strings.Contains(shown, "138") {
		t.Errorf("status page %d:\n%s", code, page)
	}
	if code, page := get("/status?code=NOPE", ""); code != 404 || !strings.Contains(page, "没有找到") {
		t.Errorf("unknown code: %d", code)
	}
	if code, m := get("/metrics", ""); code != 200 || !strings.Contains(m, `gongkai_http_requests_total{code="404",method="GET",route="GET /status"} 1`) {
		t.Errorf("metrics: %d\n%.2000s", code, m)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exit %d: %s", code, errb.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not shut down")
	}
}

// A new year's notice is loaded without a rebuild; the report comes from the records.
func TestCalendarLoadAndGenerate(t *testing.T) {
	dir := t.TempDir()
	db := demoCopy(t)
	notice := filepath.Join(dir, "2027.yaml")
	os.WriteFile(notice, []byte("year: 2027\nnotice: 国办发明电〔2026〕X号\npublished: 2026-11-10\nholidays:\n  - name: 元旦\n    rest: [2027-01-01]\n"), 0o644)
	out, stderr, code := gk(t, "calendar", "load", "--db", db, notice)
	if code != 0 || !strings.Contains(out, "已导入 2027 年节假日安排") {
		t.Fatalf("%d %s %s", code, out, stderr)
	}
	if out, _, _ := gk(t, "calendar", "list", "--db", db); !strings.Contains(out, "2027\t国办发明电〔2026〕X号") {
		t.Errorf("list: %s", out)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("year: 2027\nnotice: X\npublished: 2026-11-10\nholidays:\n  - name: 元旦\n    work: [2027-01-01]\n"), 0o644)
	if _, stderr, code := gk(t, "calendar", "load", "--db", db, bad); code != 2 || !strings.Contains(stderr, "星期六或星期日") {
		t.Errorf("bad notice: %d %s", code, stderr)
	}
	out, stderr, code = gk(t, "report", "generate", "--db", db, "--agency", "卫滨区教育体育和文化旅游局", "--year", "2025")
	if code != 0 || !strings.Contains(out, "agency: \"卫滨区教育体育和文化旅游局\"") || !strings.Contains(out, "new: [") {
		t.Fatalf("generate: %d %s %s", code, out, stderr)
	}
	p := filepath.Join(dir, "2025.yaml")
	os.WriteFile(p, []byte(out), 0o644)
	check, _, _ := gk(t, "report", "check", "--json", p)
	for _, rule := range []string{"T3.ROWSUM", "T3.OUTCOMES", "T3.BALANCE"} {
		if strings.Contains(check, rule) {
			t.Errorf("表三 from the records breaks %s:\n%s", rule, check)
		}
	}
	key, stderr, code := gk(t, "apikey", "create", "--db", db, "--agency", "卫滨区财政局", "--name", "测试", "--role", "approver")
	if code != 0 || !strings.HasPrefix(key, "gk_") || !strings.Contains(stderr, "只显示这一次") {
		t.Errorf("apikey: %d %q %s", code, key, stderr)
	}
	if _, _, code := gk(t, "apikey", "create", "--db", db, "--agency", "卫滨区财政局", "--name", "x", "--role", "boss"); code != 2 {
		t.Error("bad role accepted")
	}
	if _, stderr, code := gk(t, "report", "generate", "--db", db, "--agency", "没有这个局", "--year", "2025"); code != 2 || !strings.Contains(stderr, "没有名为") {
		t.Errorf("unknown agency: %s", stderr)
	}
}

func TestImportCases(t *testing.T) {
	dir := t.TempDir()
	db := demoCopy(t)
	csv := "收到申请日期,申请方式,申请人类型,申请人,证件号码,联系电话,申请内容,答复日期,答复结果\n" +
		"2025-03-05,当面,自然人,张某,11010519491231002X,13800000000,预算公开,2025-03-20,予以公开\n" +
		"2025-03-06,网上,企业,某公司,91110000100011743X,,招标文件,,\n" +
		"2025-03-07,飞鸽,自然人,李某,11010519491231002X,,会议纪要,,\n"
	p := filepath.Join(dir, "台账.csv")
	os.WriteFile(p, []byte(csv), 0o644)
	count := func() int {
		out, _, _ := gk(t, "export", "cases", "--db", db, "--agency", "卫滨区财政局", "--format", "csv", "-o", filepath.Join(dir, "x.csv"), "--force")
		_ = out
		b, _ := os.ReadFile(filepath.Join(dir, "x.csv"))
		return strings.Count(string(b), "\n") - 1
	}
	before := count()
	out, _, code := gk(t, "import", "cases", p, "--db", db, "--agency", "卫滨区财政局")
	if code != 1 || !strings.Contains(out, "第 4 行 B 列（申请方式）") || !strings.Contains(out, "未写入任何数据") {
		t.Fatalf("preview: %d\n%s", code, out)
	}
	out, _, code = gk(t, "import", "cases", p, "--db", db, "--agency", "卫滨区财政局", "--commit")
	if code != 1 || !strings.Contains(out, "未导入任何数据") || count() != before {
		t.Fatalf("commit with errors: %d\n%s", code, out)
	}
	out, _, code = gk(t, "import", "cases", p, "--db", db, "--agency", "卫滨区财政局", "--commit", "--valid-only")
	if code != 0 || !strings.Contains(out, "已导入 2 条") || count() != before+2 {
		t.Fatalf("valid-only: %d\n%s", code, out)
	}
	out, _, _ = gk(t, "import", "cases", p, "--db", db, "--agency", "卫滨区财政局", "--commit", "--valid-only")
	if !strings.Contains(out, "已导入 0 条") || !strings.Contains(out, "2 条此前已导入") || count() != before+2 {
		t.Fatalf("re-import duplicated: %s", out)
	}
	x := filepath.Join(dir, "cases.xlsx")
	if _, stderr, code := gk(t, "export", "cases", "--db", db, "--agency", "卫滨区财政局", "--format", "xlsx", "-o", x); code != 0 {
		t.Fatal(stderr)
	}
	if b, _ := os.ReadFile(x); !bytes.HasPrefix(b, []byte("PK")) {
		t.Error("xlsx export")
	}
	b, _ := os.ReadFile(filepath.Join(dir, "x.csv"))
	if strings.Contains(string(b), "11010519491231002X") || !strings.Contains(string(b), "110105********002X") {
		t.Error("export shows identity numbers in full")
	}

	// a register kept a sheet a month: --all-sheets reads them all
	f := excelize.NewFile()
	for i, month := range []string{"Sheet1", "二月"} {
		if i > 0 {
			f.NewSheet(month)
		}
		f.SetSheetRow(month, "A1", &[]any{"收到申请日期", "申请方式", "申请人类型", "申请人", "申请内容"})
		f.SetSheetRow(month, "A2", &[]any{fmt.Sprintf("2025-0%d-10", i+1), "当面", "自然人", month + "某", "预算"})
	}
	wb := filepath.Join(dir, "分月台账.xlsx")
	if err := f.SaveAs(wb); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := gk(t, "import", "cases", wb, "--db", db, "--agency", "卫滨区财政局", "--sheet", "二月", "--all-sheets"); code != 2 || !strings.Contains(stderr, "只能用一个") {
		t.Errorf("--sheet with --all-sheets: %d %s", code, stderr)
	}
	out, _, code = gk(t, "import", "cases", wb, "--db", db, "--agency", "卫滨区财政局", "--all-sheets", "--commit")
	if code != 0 || !strings.Contains(out, "读取了 2 个工作表：Sheet1（1 行）、二月（1 行）") || !strings.Contains(out, "已导入 2 条") || count() != before+4 {
		t.Fatalf("--all-sheets: %d\n%s", code, out)
	}
}

func TestRenderOfficeFormats(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"docx", "pdf", "xlsx"} {
		out := filepath.Join(dir, "r."+f)
		if _, stderr, code := gk(t, "report", "render", "../../examples/weibin-2024.yaml", "--format", f, "-o", out); code != 0 {
			t.Fatalf("%s: %s", f, stderr)
		}
		b, _ := os.ReadFile(out)
		if len(b) < 1000 {
			t.Errorf("%s: %d bytes", f, len(b))
		}
	}
	if _, stderr, code := gk(t, "report", "render", "../../examples/weibin-2024.yaml", "--format", "pdf"); code != 2 || !strings.Contains(stderr, "-o") {
		t.Errorf("binary to the terminal: %d %s", code, stderr)
	}
	// the PDF written by gongkai audits like the seed
	out, _, code := gk(t, "audit", "--json", filepath.Join(dir, "r.pdf"))
	if code != 0 || !strings.Contains(out, `"agency":"卫滨区教育体育和文化旅游局"`) || strings.Count(out, "TXT.LATIN") != 2 {
		t.Errorf("audit of our PDF: %d %s", code, out)
	}
}

// Decision and fee ledgers feed 表二 of the generated report.
func TestImportDecisions(t *testing.T) {
	dir := t.TempDir()
	db := demoCopy(t)
	ledger := "决定书文号,作出决定日期,行政相对人,事项\n卫教许〔2025〕1号,2025-03-05,某学校,办学许可\n卫教许〔2025〕2号,2025年4月1日,某幼儿园,办学许可\n卫教许〔2024〕9号,2024-12-30,某学校,办学许可\n"
	fees := "类别,收费日期,缴费人,收费项目,收费金额\n行政事业性收费,2025-05-06,某公司,考试费,\"1,200.50\"\n收费,2025-06-01,某人,证书工本费,99.5元\n处罚,2025-07-01,某机构,,\n"
	lp, fp := filepath.Join(dir, "许可.csv"), filepath.Join(dir, "收费.csv")
	os.WriteFile(lp, []byte(ledger), 0o644)
	os.WriteFile(fp, []byte(fees), 0o644)
	for i := 0; i < 2; i++ { // twice: the second import adds nothing
		if out, _, code := gk(t, "import", "decisions", lp, "--db", db, "--agency", "卫滨区财政局", "--kind", "licensing", "--commit"); code != 0 {
			t.Fatalf("licensing: %s", out)
		}
		if out, _, code := gk(t, "import", "decisions", fp, "--db", db, "--agency", "卫滨区财政局", "--commit"); code != 0 {
			t.Fatalf("fees: %s", out)
		}
	}
	out, _, _ := gk(t, "report", "generate", "--db", db, "--agency", "卫滨区财政局", "--year", "2025", "--format", "json")
	var m struct {
		Proactive map[string]map[string]any
	}
	json.Unmarshal([]byte(out), &m)
	if m.Proactive["licensing"]["decisions"] != float64(2) || m.Proactive["penalty"]["decisions"] != float64(1) ||
		m.Proactive["fees"]["amount_wan_yuan"] != "0.13" {
		t.Errorf("表二 from ledgers: %v", m.Proactive)
	}
	// the imports are listed (the second run of each file added nothing and
	// is not), the newest first; the fee ledger is taken back, once
	out, _, code := gk(t, "import", "undo", "--db", db, "--agency", "卫滨区财政局")
	ids := regexp.MustCompile(`(?m)^  #(\d+) .*  (\S+\.csv)  新增 (\d+) 条`).FindAllStringSubmatch(out, -1)
	if code != 0 || len(ids) != 2 || ids[0][2] != "收费.csv" || ids[0][3] != "3" || !strings.Contains(out, "2025年处罚 1 条，2025年收费 2 条（1300.00 元）") {
		t.Fatalf("the list: %d\n%s", code, out)
	}
	if out, _, code := gk(t, "import", "undo", "--db", db, "--agency", "卫滨区财政局", "--id", ids[0][1]); code != 0 || !strings.Contains(out, "（收费.csv，") || !strings.Contains(out, "删除记录 3 条") {
		t.Errorf("undo: %d %s", code, out)
	}
	if _, stderr, code := gk(t, "import", "undo", "--db", db, "--agency", "卫滨区财政局", "--id", ids[0][1]); code == 0 || !strings.Contains(stderr, "这次导入已经撤销") {
		t.Errorf("undo twice: %d %s", code, stderr)
	}
	if _, stderr, code := gk(t, "import", "undo", "--db", db, "--agency", "卫滨区教育体育和文化旅游局", "--id", ids[1][1]); code == 0 || strings.Contains(stderr, "已撤销") {
		t.Errorf("another agency's import: %d %s", code, stderr)
	}
	out, _, _ = gk(t, "report", "generate", "--db", db, "--agency", "卫滨区财政局", "--year", "2025", "--format", "json")
	m.Proactive = nil
	json.Unmarshal([]byte(out), &m)
	if m.Proactive["licensing"]["decisions"] != float64(2) || m.Proactive["penalty"]["decisions"] != float64(0) || m.Proactive["fees"]["amount_wan_yuan"] != "0" {
		t.Errorf("表二 after the undo: %v", m.Proactive)
	}
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("类别,决定日期,金额\n罚款,2025-01-01,\n行政事业性收费,2025-01-02,\n"), 0o644)
	out, _, code = gk(t, "import", "decisions", bad, "--db", db, "--agency", "卫滨区财政局", "--commit")
	if code != 1 || !strings.Contains(out, "第 2 行 A 列（类别）：类别“罚款”无法识别") || !strings.Contains(out, "第 3 行 C 列（金额）：收费记录须有金额") {
		t.Errorf("bad ledger: %d\n%s", code, out)
	}
}

// A ledger of normative documents (a title row above its header) feeds
// 表二 (一); a wrong row is named by row and column and nothing lands.
func TestImportDocuments(t *testing.T) {
	dir := t.TempDir()
	db := demoCopy(t)
	if _, stderr, code := gk(t, "import"); code != 2 || !strings.Contains(stderr, "documents") || !strings.Contains(stderr, "规章和行政规范性文件台账") {
		t.Errorf("usage: %d %s", code, stderr)
	}
	ledger := filepath.Join(dir, "规范性文件.csv")
	os.WriteFile(ledger, []byte("卫滨区教育体育和文化旅游局规范性文件台账,,,\n文件名称,发文字号,印发日期,状态\n甲办法,卫教规〔2025〕1号,2025-03-01,有效\n乙办法,卫教规〔2025〕2号,2025-04-01,废止\n"), 0o644)
	out, _, code := gk(t, "import", "documents", ledger, "--db", db, "--agency", "卫滨区教育体育和文化旅游局", "--kind", "normative", "--commit")
	if code != 1 || !strings.Contains(out, "第 4 行 D 列（状态）：状态为“废止”，但没有废止日期") || !strings.Contains(out, "未导入任何数据") {
		t.Fatalf("bad ledger: %d\n%s", code, out)
	}
	os.WriteFile(ledger, []byte("文件名称,发文字号,印发日期,废止日期\n甲办法,卫教规〔2025〕1号,2025-03-01,\n乙办法,卫教规〔2025〕2号,2025-04-01,2025-12-01\n"), 0o644)
	if out, _, code := gk(t, "import", "documents", ledger, "--db", db, "--agency", "卫滨区教育体育和文化旅游局", "--kind", "normative", "--commit"); code != 0 || !strings.Contains(out, "已导入 2 条") {
		t.Fatalf("import: %d\n%s", code, out)
	}
	out, _, _ = gk(t, "report", "generate", "--db", db, "--agency", "卫滨区教育体育和文化旅游局", "--year", "2025", "--format", "json")
	var m struct {
		Proactive map[string]map[string]any
	}
	json.Unmarshal([]byte(out), &m)
	if n := m.Proactive["normative_documents"]; n["issued"] != float64(2) || n["repealed"] != float64(1) || n["in_force"] != float64(1) {
		t.Errorf("表二 (一) from the ledger: %v", n)
	}
}

// 表四 of a generated report is counted from the demo agency's 复议/诉讼
// records: under "filed" each of its three records counts once, in the year
// it was filed; "filed_or_concluded" counts at least as many.
func TestReportGenerateAppeals(t *testing.T) {
	db := demoCopy(t)
	// totals of the three blocks in the data row of 表四
	totals := func(year int, counting string) int {
		if _, stderr, code := gk(t, "settings", "set", "--db", db, "appeal_counting="+counting); code != 0 {
			t.Fatal(stderr)
		}
		out, stderr, code := gk(t, "report", "generate", "--db", db, "--agency", "卫滨区自然资源局", "--year", strconv.Itoa(year), "--format", "txt")
		if code != 0 {
			t.Fatal(stderr)
		}
		lines := strings.Split(out, "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, "四、政府信息公开行政复议") && i+5 < len(lines) {
				f := strings.Split(lines[i+5], "\t")
				if len(f) != 15 {
					t.Fatalf("表四 row %q", lines[i+5])
				}
				n := 0
				for _, j := range []int{4, 9, 14} {
					x, err := strconv.Atoi(f[j])
					if err != nil {
						t.Fatalf("表四 row %q", lines[i+5])
					}
					n += x
				}
				return n
			}
		}
		t.Fatalf("no 表四 in\n%s", out)
		return 0
	}
	now := testClock.Today().Year()
	filed, both := 0, 0
	for y := now - 3; y <= now; y++ {
		f, b := totals(y, "filed"), totals(y, "filed_or_concluded")
		if b < f {
			t.Errorf("%d: filed_or_concluded %d < filed %d", y, b, f)
		}
		filed, both = filed+f, both+b
	}
	if filed != 3 || both < 3 {
		t.Errorf("records counted: filed %d (want 3), filed_or_concluded %d", filed, both)
	}
	if _, stderr, code := gk(t, "settings", "set", "--db", db, "appeal_counting=monthly"); code != 2 || !strings.Contains(stderr, "表四统计哪些复议、诉讼") {
		t.Errorf("bad setting: %d %s", code, stderr)
	}
}

// Finding 6: an empty file is unreadable input (exit 2); an interrupted
// audit stops feeding files and says how far it got.
func TestAuditEmptyAndInterrupted(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := gk(t, "audit", empty); code != 2 {
		t.Errorf("empty file: exit %d %s", code, stderr)
	}
	out, _, _ := gk(t, "audit", empty)
	if !strings.Contains(out, "没有文字") || !strings.Contains(out, "1 个无法读取") {
		t.Errorf("empty file: %s", out)
	}
	src, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%02d.txt", i)), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Remove(empty); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // as if Ctrl-C came before the first file
	var o, e bytes.Buffer
	code := runAt(ctx, testClock, []string{"audit", dir}, strings.NewReader(""), &o, &e)
	if code != 130 || !strings.Contains(e.String(), "已中断") || strings.Count(o.String(), "== ") >= 50 {
		t.Errorf("interrupted: exit %d, %d files printed, %s", code, strings.Count(o.String(), "== "), e.String())
	}
}

// Finding 7: a small file nested 100 000 levels deep is refused before a
// parser builds it (it took 15 GB), by report check and calendar load alike.
func TestYAMLBombsRefused(t *testing.T) {
	dir := t.TempDir()
	flow := filepath.Join(dir, "flow.yaml")
	block := filepath.Join(dir, "block.yaml")
	for p, data := range map[string]string{
		flow:  "agency: x\nyear: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n",
		block: "year: 2027\nholidays:\n" + strings.Repeat("- ", 50000) + "x\n",
	} {
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"report", "check", flow}, {"report", "check", block},
		{"calendar", "load", "--db", filepath.Join(dir, "c.db"), flow}, {"calendar", "load", "--db", filepath.Join(dir, "c.db"), block},
	} {
		_, stderr, code := gk(t, args...)
		if code != 2 || !strings.Contains(stderr, "层") {
			t.Errorf("%v: exit %d: %s", args, code, stderr)
		}
	}
}

// Long work shows progress on standard error: a line per 10 % when it is
// not a terminal (as here), the findings staying alone on standard output.
func TestAuditProgress(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%02d.txt", i)), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, stderr, _ := gk(t, "audit", dir)
	if !strings.Contains(stderr, "审核：10%（2/20）") || !strings.Contains(stderr, "审核：100%（20/20）") || strings.Contains(out, "审核：") {
		t.Errorf("progress:\n%s", stderr)
	}
	if _, stderr, _ := gk(t, "audit", seed); strings.Contains(stderr, "审核：") {
		t.Errorf("a single file shows progress: %s", stderr)
	}
}

// Several reports are grouped by agency and each is checked against its
// agency's report of the year before (X.CARRY without --prev); --by-agency
// prints the carry-over chain.
func TestAuditGroupsByAgency(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, r *report.Report) {
		var b strings.Builder
		if err := render.Text(&b, r); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a22 := report.Generate(rand.New(rand.NewPCG(1, 1)), "甲县教育局", 2022)
	a23 := report.Generate(rand.New(rand.NewPCG(2, 2)), "甲县教育局", 2023)
	// 2023's 上年结转 is one more than 2022's 结转下年度 (its own table still balances)
	in, fwd := a22.Applications["carried_forward"], a23.Applications["carried_forward"]
	for c := range in {
		in[c] = report.N(in[c].Val())
	}
	in[report.ColNatural], in[report.ColTotal] = report.N(in[report.ColNatural].Val()+1), report.N(in[report.ColTotal].Val()+1)
	fwd[report.ColNatural], fwd[report.ColTotal] = report.N(fwd[report.ColNatural].Val()+1), report.N(fwd[report.ColTotal].Val()+1)
	a23.Applications["carried_in"], a23.Applications["carried_forward"] = in, fwd
	b23 := report.Generate(rand.New(rand.NewPCG(3, 3)), "乙县财政局", 2023)
	write("1-a-2023.txt", a23)
	write("2-b-2023.txt", b23)
	write("3-a-2022.txt", a22)
	out, _, _ := gk(t, "audit", "--json", dir)
	var order []string
	carry := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m struct {
			File     string
			Findings []struct{ Rule string }
		}
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		order = append(order, filepath.Base(m.File))
		for _, f := range m.Findings {
			if f.Rule == "X.CARRY" {
				carry[filepath.Base(m.File)] = true
			}
		}
	}
	if strings.Join(order, ",") != "3-a-2022.txt,1-a-2023.txt,2-b-2023.txt" {
		t.Errorf("order %v", order)
	}
	if !carry["1-a-2023.txt"] || len(carry) != 1 {
		t.Errorf("X.CARRY on %v, want only 1-a-2023.txt", carry)
	}
	out, _, _ = gk(t, "audit", "--by-agency", dir)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || !strings.Contains(lines[0], "甲县教育局　2022") || !strings.Contains(lines[0], "没有上年报告") ||
		!strings.Contains(lines[1], "甲县教育局　2023") || !strings.Contains(lines[1], "≠ 2022 年结转下年度") || !strings.Contains(lines[2], "乙县财政局　2023") {
		t.Errorf("--by-agency:\n%s", out)
	}

	// the same reports sent as a zip (with what a Mac and a browser put
	// beside them, and a damaged PDF): audited as the directory is, named
	// by the archive's names; nothing is left in the temporary directory
	zipPath := filepath.Join(t.TempDir(), "各县年报.zip")
	zf, err := os.Create(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(zf)
	for _, name := range []string{"1-a-2023.txt", "2-b-2023.txt", "3-a-2022.txt"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		w, _ := zw.Create("年报/" + name)
		_, _ = w.Write(data)
	}
	for name, data := range map[string]string{"__MACOSX/年报/._1-a-2023.txt": "x", "年报/封面.png": "x", "../../逃出.txt": "x", "年报/坏.pdf": "%PDF-1.4 damaged"} {
		w, _ := zw.Create(name)
		_, _ = w.Write([]byte(data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	_ = zf.Close()
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	out, _, code := gk(t, "audit", "--json", zipPath)
	order, carry = nil, map[string]bool{}
	for l := range strings.Lines(out) {
		var m struct {
			File     string
			Error    string
			Findings []struct{ Rule string }
		}
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		order = append(order, strings.TrimPrefix(m.File, zipPath+"/"))
		if m.Error != "" && !strings.HasPrefix(m.Error, zipPath+"/年报/坏.pdf：PDF 文件无法打开") {
			t.Errorf("the damaged entry: %s", m.Error)
		}
		for _, f := range m.Findings {
			if f.Rule == "X.CARRY" {
				carry[m.File] = true
			}
		}
	}
	if strings.Join(order, ",") != "年报/3-a-2022.txt,年报/1-a-2023.txt,年报/2-b-2023.txt,年报/坏.pdf" || code != 2 {
		t.Errorf("zip: order %v, exit %d", order, code)
	}
	if !carry[zipPath+"/年报/1-a-2023.txt"] || len(carry) != 1 {
		t.Errorf("zip: X.CARRY on %v", carry)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("left in the temporary directory: %v", left)
	}
}

// The seed's story from the records: demo init, then the 2024 report of its
// agency generated as text has the seed's tables, cell by cell and row by
// row in the template's order, and a section 一 that counts 145 posts, 46
// items and 17 accounts.
func TestGenerateTellsTheSeed(t *testing.T) {
	db := demoCopy(t)
	out, stderr, code := gk(t, "report", "generate", "--db", db, "--agency", "卫滨区教育体育和文化旅游局", "--year", "2024", "--format", "txt")
	if code != 0 {
		t.Fatalf("generate: %d %s", code, stderr)
	}
	seedText, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	gen, err := report.Read("generated.txt", []byte(out))
	if err != nil {
		t.Fatal(err)
	}
	want, err := report.Read("seed.txt", seedText)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range want.Format.T2Items() {
		for _, c := range it.Cells {
			path := it.Key + "." + c
			if it.Money != nil {
				if g, w := gen.Proactive.Amount(path).String(), want.Proactive.Amount(path).String(); g != w {
					t.Errorf("表二 %s %s: generated %s, seed %s", it.Label, c, g, w)
				}
				continue
			}
			if g, w := gen.Proactive.Cell(path), want.Proactive.Cell(path); g != w || g.Blank() {
				t.Errorf("表二 %s %s: generated %v, seed %v", it.Label, c, g, w)
			}
		}
	}
	for _, row := range want.Format.T3Rows() {
		if g, w := gen.Applications[row.Key], want.Applications[row.Key]; g != w {
			t.Errorf("表三 %s: generated %v, seed %v", row.Label, g, w)
		}
	}
	if gen.Appeals != want.Appeals {
		t.Errorf("表四: generated %v, seed %v", gen.Appeals, want.Appeals)
	}
	// the rows come in the template's order, as the seed has them
	last := 0
	for _, row := range want.Format.T3Rows() {
		i := strings.Index(out[last:], row.Label)
		if i < 0 {
			t.Errorf("表三 row %q missing or out of order", row.Label)
			continue
		}
		last += i
	}
	one := gen.Sections["1"]
	for _, n := range []string{"145", "46", "17"} {
		if !strings.Contains(one, " "+n+" ") {
			t.Errorf("section 一 does not count %s:\n%s", n, one)
		}
	}
	if !strings.Contains(one, "今年我单位未收到政府信息公开申请") || !strings.Contains(gen.Sections["6"], "不存在信息公开收费情况") {
		t.Errorf("sections 一/六 do not say there were no applications and no fees:\n%s\n%s", one, gen.Sections["6"])
	}
	report.Check(gen, nil)
	if e, _, _ := gen.Counts(); e > 0 {
		t.Errorf("the generated report has errors: %v", gen.Findings)
	}
}

// A report file checked against the agency's records: the seed matches the
// demo's records; a figure typed differently is named with both values.
func TestReportCheckAgainstRecords(t *testing.T) {
	dir := t.TempDir()
	db := demoCopy(t)
	out, _, code := gk(t, "report", "check", "--db", db, "--agency", "卫滨区教育体育和文化旅游局", seed)
	if code != 0 || strings.Contains(out, "REC.MISMATCH") {
		t.Errorf("the seed against the records: %d\n%s", code, out)
	}
	y, _, _ := gk(t, "report", "generate", "--db", db, "--agency", "新乡市教育局", "--year", "2024")
	if !strings.Contains(y, "normative_documents: {issued: 2, repealed: 1, in_force: 3}") {
		t.Fatalf("新乡市教育局's 2024 表二 (一) is not counted from its documents:\n%s", y)
	}
	p := filepath.Join(dir, "2024.yaml")
	os.WriteFile(p, []byte(strings.Replace(y, "normative_documents: {issued: 2,", "normative_documents: {issued: 3,", 1)), 0o644)
	out, _, _ = gk(t, "report", "check", "--db", db, "--agency", "新乡市教育局", p)
	if !strings.Contains(out, "REC.MISMATCH") || !strings.Contains(out, "报告为 3，记录为 2") {
		t.Errorf("a figure that differs from the records:\n%s", out)
	}
	if _, stderr, code := gk(t, "report", "check", "--db", db, p); code != 2 || !strings.Contains(stderr, "--agency") {
		t.Errorf("--db without --agency: %d %s", code, stderr)
	}
}

// newmedia fetch reads each account's feed and records its posts by month;
// a feed that cannot be read is named and the run exits 1. The feed is GBK,
// said only in the server's Content-Type, as older site systems serve it,
// with one date as such systems write it.
func TestNewMediaFetch(t *testing.T) {
	feed, err := simplifiedchinese.GBK.NewEncoder().String(`<rss version="2.0"><channel><title>卫滨教体</title><item><title>开学通知</title><pubDate>Mon, 02 Nov 2026 09:00:00 +0800</pubDate></item>` +
		`<item><title>招生公告</title><pubDate>2026-11-03 09:00</pubDate></item></channel></rss>`)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/bad" {
			http.Error(w, "gone", http.StatusGone)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=GBK")
		w.Write([]byte(feed))
	}))
	defer srv.Close()
	db := demoCopy(t)
	s, err := store.Open(context.Background(), db, testClock)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`UPDATE newmedia_accounts SET feed_url = ? WHERE name = '卫滨教体'`, srv.URL+"/rss"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`UPDATE newmedia_accounts SET feed_url = ? WHERE name = '卫滨区实验小学'`, srv.URL+"/bad"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out, _, code := gk(t, "newmedia", "fetch", "--db", db, "--agency", "卫滨区教育体育和文化旅游局")
	if code != 1 || !strings.Contains(out, "卫滨教体：读到 2 篇") || !strings.Contains(out, "卫滨区实验小学：未能读取（订阅地址返回 410）") {
		t.Errorf("fetch: %d\n%s", code, out)
	}
	s, _ = store.Open(context.Background(), db, testClock)
	defer s.Close()
	var n int
	var src string
	if err := s.DB().QueryRow(`SELECT count, source FROM newmedia_posts p JOIN newmedia_accounts a ON a.id = p.account_id WHERE a.name = '卫滨教体' AND month = '2026-11'`).Scan(&n, &src); err != nil || n != 2 || src != "feed" {
		t.Errorf("November from the feed: %d %s %v", n, src, err)
	}
}

// A word that is neither a flag nor an input is refused, not ignored
// ("gongkai serve demo" had served an empty gongkai.db), and the demo does
// not take a database of its own: it would seed invented cases into it.
func TestStrayArgumentsRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"serve", "demo", "--db", db}, "多余的参数“demo”（参数名前要加 --，如 --demo）"},
		{[]string{"migrate", "--db", db, "status"}, "多余的参数“status”（参数名前要加 --，如 --status）"},
		{[]string{"newmedia", "fetch", "--db", db, "--agency", "局", "卫滨"}, "多余的参数“卫滨”"},
		{[]string{"settings", "list", "--db", db, "correction_period"}, "多余的参数“correction_period”"},
		{[]string{"calendar", "list", "--db", db, "2027"}, "多余的参数“2027”"},
		{[]string{"report", "rules", "T3"}, "多余的参数“T3”"},
		{[]string{"workday", "years", "2026"}, "多余的参数“2026”"},
		{[]string{"serve", "--demo", "--db", db}, "--demo 使用临时的演示数据库，不能与 --db 同时使用"},
	} {
		_, stderr, code := gk(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.says) {
			t.Errorf("%v: %d %s", c.args, code, stderr)
		}
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a refused command created the database: %v", err)
	}
}

// report prior records a report published before the agency used gongkai
// and prints its own findings; a wrong year or agency is said at the flag
// or the file.
func TestReportPrior(t *testing.T) {
	dir := t.TempDir()
	db := demoCopy(t)
	seed, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(dir, "财政局2024年报.txt")
	os.WriteFile(mine, bytes.ReplaceAll(seed, []byte("卫滨区教育体育和文化旅游局"), []byte("卫滨区财政局")), 0o644)
	out, stderr, code := gk(t, "report", "prior", "--db", db, "--agency", "卫滨区财政局", "--year", "2024", mine)
	if code != 0 || !strings.Contains(out, "已导入“卫滨区财政局”2024年度报告（财政局2024年报.txt），2025年度报告的跨年核对将以它为准") || !strings.Contains(out, "TXT.LATIN") {
		t.Errorf("import: %d %s %s", code, out, stderr)
	}
	if _, stderr, code := gk(t, "report", "prior", "--db", db, "--agency", "卫滨区财政局", "--year", "2023", mine); code != 2 || !strings.Contains(stderr, mine+"：这是2024年度的报告，不是2023年度的") {
		t.Errorf("another year: %d %s", code, stderr)
	}
	if _, stderr, code := gk(t, "report", "prior", "--db", db, "--agency", "卫滨区教育体育和文化旅游局", "--year", "2024", mine); code != 2 || !strings.Contains(stderr, "--year：本机关2024年度报告已在本系统中编写") {
		t.Errorf("a year kept here: %d %s", code, stderr)
	}
}

// gongkai stats prints the 办理情况统计 of an agency and those below it, as a
// table or as CSV; a year to come is refused.
// demoCopy is the path of a copy of the demo database `demo init` wrote
// once for the package's run (each init took a second and a half).
func demoCopy(t *testing.T) string {
	return storetest.SeededFile(t, func(path string) error {
		if _, stderr, code := gk(t, "demo", "init", "--db", path); code != 0 {
			return errors.New(stderr)
		}
		return nil
	})
}

func TestStatsCommand(t *testing.T) {
	db := demoCopy(t)
	out, stderr, code := gk(t, "stats", "--db", db, "--agency", "新乡市卫滨区人民政府", "--year", "2026")
	if code != 0 || !strings.Contains(out, "2026年度依申请公开办理情况统计") || !strings.Contains(out, "机关\t本年收到\t本年答复\t按期答复") ||
		!strings.Contains(out, "\n卫滨区教育体育和文化旅游局\t") || !strings.Contains(out, "\n合计\t") {
		t.Errorf("stats: %d %s\n%s", code, stderr, out)
	}
	out, _, code = gk(t, "stats", "--db", db, "--agency", "卫滨区财政局", "--year", "2026", "--csv")
	if code != 0 || !strings.HasPrefix(out, "\ufeff机关,本年收到") || strings.Contains(out, "合计") || !strings.Contains(out, "\r\n卫滨区财政局,") {
		t.Errorf("one agency's CSV: %d\n%s", code, out)
	}
	if _, stderr, code := gk(t, "stats", "--db", db, "--agency", "卫滨区财政局", "--year", "2099"); code == 0 || !strings.Contains(stderr, "年度应为 2019 年至") {
		t.Errorf("a year to come: %d %s", code, stderr)
	}
}

// --fetch-proxy takes an HTTP proxy's address and refuses anything else at
// its flag, before the server starts.
func TestFetchProxyFlag(t *testing.T) {
	for _, bad := range []string{"ftp://10.1.2.3:21", "10.1.2.3:3128", "http://", "http://10.1.2.3:3128/path"} {
		_, stderr, code := gk(t, "serve", "--db", filepath.Join(t.TempDir(), "d.db"), "--fetch-proxy", bad)
		if code == 0 || !strings.Contains(stderr, "--fetch-proxy") || !strings.Contains(stderr, "代理地址") {
			t.Errorf("%q: %d %s", bad, code, stderr)
		}
	}
	for v, host := range map[string]string{"http://10.1.2.3:3128": "10.1.2.3:3128", " https://proxy.example.gov.cn ": "proxy.example.gov.cn", "": ""} {
		u, err := parseFetchProxy(v)
		if err != nil || (u == nil) != (host == "") || (u != nil && u.Host != host) {
			t.Errorf("%q: %v %v", v, u, err)
		}
	}
}

// remind sends each person's reminder through a real SMTP conversation, once
// a day; --dry-run only lists; --test checks the settings.
func TestRemindCommand(t *testing.T) {
	db := demoCopy(t)
	out, stderr, code := gk(t, "remind", "--db", db, "--dry-run")
	if code != 0 || !strings.Contains(out, "张办理（卫滨区教育体育和文化旅游局，clerk@weibin-demo.example）：") || !strings.Contains(out, "2026年11月24日：") {
		t.Fatalf("dry run: %d %s\n%s", code, stderr, out)
	}
	people := strings.Count(out, "@weibin-demo.example")
	srv, err := mailtest.Start(false)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	srv.Plain = true // a relay on the office's network
	flags := []string{"--db", db, "--smtp", "smtp://" + srv.Addr, "--mail-from", "noreply@weibin-demo.example", "--public-url", "https://gk.example/"}
	out, stderr, code = gk(t, append([]string{"remind"}, flags...)...)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("发送 %d 封，今天已发过 0 封，失败 0 封", people)) || len(srv.Messages()) != people {
		t.Fatalf("send: %d %s\n%s (%d received, %d listed)", code, stderr, out, len(srv.Messages()), people)
	}
	if out, _, code = gk(t, append([]string{"remind"}, flags...)...); code != 0 || !strings.Contains(out, fmt.Sprintf("发送 0 封，今天已发过 %d 封", people)) {
		t.Fatalf("again: %d %s", code, out)
	}
	if out, stderr, code = gk(t, "remind", "--smtp", "smtp://"+srv.Addr, "--mail-from", "noreply@weibin-demo.example", "--test", "me@weibin-demo.example"); code != 0 ||
		!strings.Contains(out, "测试邮件已由 smtp://"+srv.Addr+" 发往 me@weibin-demo.example") {
		t.Fatalf("test: %d %s %s", code, out, stderr)
	}
	if got := srv.Messages(); len(got) != people+1 || got[people].To[0] != "me@weibin-demo.example" {
		t.Fatalf("received %+v", got)
	}
	for _, c := range []struct {
		args  []string
		where string
	}{
		{[]string{"remind", "--db", db}, "--smtp"},
		{[]string{"remind", "--db", db, "--mail-from", "a@b.example"}, "--smtp"},
		{[]string{"remind", "--db", db, "--smtp", "mail.example:25", "--mail-from", "a@b.example"}, "--smtp"},
		{[]string{"remind", "--db", db, "--dry-run", "--public-url", "gk.example"}, "--public-url"},
		{[]string{"serve", "--db", db, "--smtp", "smtp://" + srv.Addr, "--mail-from", "a@b.example", "--remind-at", "25:00"}, "--remind-at"},
	} {
		if _, stderr, code := gk(t, c.args...); code == 0 || !strings.Contains(stderr, c.where) {
			t.Errorf("%v: %d %s", c.args, code, stderr)
		}
	}
}

// serve's loop sends a working day's reminders once the clock passes
// --remind-at, once a day, and again the next working day.
func TestRemindLoop(t *testing.T) {
	db := demoCopy(t)
	var mu sync.Mutex
	now := time.Date(2026, 11, 24, 8, 0, 0, 0, clock.Shanghai())
	clk := clock.Func(clock.Shanghai(), func() time.Time { mu.Lock(); defer mu.Unlock(); return now })
	set := func(t time.Time) { mu.Lock(); now = t; mu.Unlock() }
	c := &cli{clock: clk, stdout: io.Discard, stderr: io.Discard}
	o, err := c.openOps(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Store.Close()
	srv, err := mailtest.Start(false)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	srv.Plain = true
	m, err := mail.Parse("--smtp", "smtp://"+srv.Addr, "noreply@weibin-demo.example")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	tick := make(chan time.Time)
	done := make(chan struct{})
	go func() {
		remindLoop(ctx, o, m, "", 8*time.Hour+30*time.Minute, tick, slog.New(slog.DiscardHandler))
		close(done)
	}()
	// an unbuffered tick is taken only when the previous one is handled
	step := func(at time.Time) int {
		set(at)
		tick <- at
		tick <- at
		return len(srv.Messages())
	}
	if n := step(now); n != 0 {
		t.Fatalf("%d sent before 08:30", n)
	}
	first := step(time.Date(2026, 11, 24, 8, 31, 0, 0, clock.Shanghai()))
	if first == 0 {
		t.Fatal("nothing sent after 08:30")
	}
	if n := step(time.Date(2026, 11, 24, 15, 0, 0, 0, clock.Shanghai())); n != first {
		t.Fatalf("%d sent later the same day, want %d", n, first)
	}
	if n := step(time.Date(2026, 11, 25, 9, 0, 0, 0, clock.Shanghai())); n <= first {
		t.Fatalf("nothing sent the next working day: %d", n)
	}
	cancel()
	<-done
}

// The mail server's password can come from a file (a command line is
// visible to every user of the machine); it needs a user name.
func TestSMTPPasswordFile(t *testing.T) {
	srv, err := mailtest.Start(false)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	srv.Plain, srv.User, srv.Pass = true, "gk@weibin-demo.example", "授权码-1234"
	dir := t.TempDir()
	pw := filepath.Join(dir, "smtp.pass")
	if err := os.WriteFile(pw, []byte(srv.Pass+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := gk(t, "remind", "--smtp", "smtp://gk%40weibin-demo.example@"+srv.Addr, "--smtp-password-file", pw, "--test", "me@weibin-demo.example")
	if code != 0 || !strings.Contains(out, "测试邮件已由") {
		t.Fatalf("with the password file: %d %s %s", code, out, stderr)
	}
	if got := srv.Messages(); len(got) != 1 || got[0].User != srv.User {
		t.Fatalf("received %+v", got)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--smtp", "smtp://gk%40weibin-demo.example@" + srv.Addr, "--smtp-password-file", filepath.Join(dir, "missing")}, "无法读取密码文件"},
		{[]string{"--smtp", "smtp://" + srv.Addr, "--mail-from", "a@b.example", "--smtp-password-file", pw}, "没有用户名"},
	} {
		_, stderr, code := gk(t, append(append([]string{"remind"}, c.args...), "--test", "me@weibin-demo.example")...)
		if code == 0 || !strings.Contains(stderr, "--smtp-password-file") || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: %d %s", c.args, code, stderr)
		}
	}
}

// A new database is set up from the command line: its top agency, the ones
// below, the first administrator (whose printed password signs in), a new
// password for one who forgot theirs; every refusal names its flag.
func TestSetUpNewDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "new.db")
	if out, _, code := gk(t, "agency", "list", "--db", db); code != 0 || !strings.Contains(out, "还没有机关") {
		t.Fatalf("empty: %d %s", code, out)
	}
	steps := []struct {
		args       []string
		code       int
		out, where string
	}{
		{[]string{"agency", "add", "--name", "甲县人民政府", "--level", "县级人民政府", "--review-organ", "甲市人民政府", "--letter-prefix", "甲政依公"}, 0, "已新建机关“甲县人民政府”（县级人民政府），上级：（最上级）", ""},
		{[]string{"agency", "add", "--name", "甲县教育局", "--level", "county_department"}, 2, "", "--parent"},
		{[]string{"agency", "add", "--name", "甲县教育局", "--level", "county_department", "--parent", "甲县人民政府", "--letter-prefix", "甲教依公"}, 0, "上级：甲县人民政府", ""},
		{[]string{"agency", "add", "--name", "甲县教育局", "--level", "county_department", "--parent", "甲县人民政府"}, 2, "", "--name"},
		{[]string{"agency", "add", "--name", "甲县财政局", "--level", "部门", "--parent", "甲县人民政府"}, 2, "", "--level"},
		{[]string{"agency", "add", "--name", "甲县财政局", "--level", "county_department", "--parent", "乙县人民政府"}, 2, "", "--parent"},
		{[]string{"user", "add", "--agency", "甲县教育局", "--login", "c1", "--name", "", "--role", "clerk", "--email", "bad"}, 2, "", "--email"},
		{[]string{"user", "add", "--agency", "甲县教育局", "--login", "c1", "--name", "张", "--role", "办事员"}, 2, "", "--role"},
	}
	for _, s := range steps {
		out, stderr, code := gk(t, append(append([]string{}, s.args...), "--db", db)...)
		if code != s.code || !strings.Contains(out, s.out) || (s.where != "" && !strings.Contains(stderr, s.where+"：")) {
			t.Errorf("%v: %d %q %q", s.args, code, out, stderr)
		}
	}
	if out, _, _ := gk(t, "agency", "list", "--db", db); out != "甲县人民政府（县级人民政府）\n  甲县教育局（县级人民政府部门）\n" {
		t.Errorf("list:\n%s", out)
	}
	password := func(out string) string {
		for _, l := range strings.Split(out, "\n") {
			if _, p, ok := strings.Cut(l, "密码："); ok {
				return p
			}
		}
		return ""
	}
	signsIn := func(login, pass string) bool {
		s, err := store.Open(context.Background(), db, testClock)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		_, hash, err := s.UserByLogin(context.Background(), login)
		return err == nil && org.CheckPassword(hash, pass)
	}
	out, stderr, code := gk(t, "user", "add", "--db", db, "--agency", "甲县人民政府", "--login", "admin", "--name", "管理员", "--role", "系统管理员", "--email", "admin@jia.example")
	first := password(out)
	if code != 0 || len(first) != 16 || !signsIn("admin", first) {
		t.Fatalf("first administrator: %d %q %q", code, out, stderr)
	}
	out, _, code = gk(t, "user", "password", "--db", db, "--login", "admin")
	if second := password(out); code != 0 || second == first || !signsIn("admin", second) || signsIn("admin", first) {
		t.Errorf("new password: %d %q", code, out)
	}
	if _, stderr, code := gk(t, "user", "password", "--db", db, "--login", "nobody"); code == 0 || !strings.Contains(stderr, "--login") {
		t.Errorf("no such user: %d %s", code, stderr)
	}
}

// A county's agencies from a spreadsheet: a preview with the columns and
// every problem by row, nothing written until --commit.
func TestAgencyImportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "new.db")
	if _, stderr, code := gk(t, "agency", "add", "--db", db, "--name", "甲县人民政府", "--level", "county"); code != 0 {
		t.Fatal(stderr)
	}
	list := filepath.Join(dir, "机关名单.csv")
	write := func(s string) {
		if err := os.WriteFile(list, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("单位名称,级别,主管部门,文号前缀\n甲县教育局,县级人民政府部门,,甲教依公\n甲县第一中学,事业单位,甲县教育局,\n")
	out, _, code := gk(t, "agency", "import", list, "--db", db, "--under", "甲县人民政府", "--commit")
	if code != 1 || !strings.Contains(out, "机关名称(name)") || !strings.Contains(out, "A 列“单位名称”") ||
		!strings.Contains(out, "第 3 行 B 列（级别）：级别“事业单位”无法识别") || !strings.Contains(out, "未新建任何机关") {
		t.Fatalf("bad row: %d\n%s", code, out)
	}
	write("单位名称,级别,主管部门,文号前缀\n甲县教育局,县级人民政府部门,,甲教依公\n甲县第一中学,县级人民政府部门,甲县教育局,\n")
	if out, _, code = gk(t, "agency", "import", list, "--db", db, "--under", "甲县人民政府"); code != 0 || !strings.Contains(out, "2 个机关可以新建，0 处问题") || !strings.Contains(out, "以上为预览") {
		t.Fatalf("preview: %d\n%s", code, out)
	}
	if out, _, code = gk(t, "agency", "import", list, "--db", db, "--under", "甲县人民政府", "--commit"); code != 0 || !strings.Contains(out, "已在“甲县人民政府”之下新建 2 个机关") {
		t.Fatalf("commit: %d\n%s", code, out)
	}
	if out, _, _ = gk(t, "agency", "list", "--db", db); out != "甲县人民政府（县级人民政府）\n  甲县教育局（县级人民政府部门）\n    甲县第一中学（县级人民政府部门）\n" {
		t.Errorf("list:\n%s", out)
	}
	if _, stderr, code := gk(t, "agency", "import", list, "--db", db, "--under", "乙县"); code == 0 || !strings.Contains(stderr, "--under") {
		t.Errorf("under nothing: %d %s", code, stderr)
	}
}

// Users from a spreadsheet: a preview; --commit needs a new passwords file,
// which then holds each one's first password (and signs them in); a bad
// list writes neither users nor the file.
func TestUserImportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "new.db")
	for _, args := range [][]string{{"agency", "add", "--name", "甲县人民政府", "--level", "county"},
		{"agency", "add", "--name", "甲县教育局", "--level", "county_department", "--parent", "甲县人民政府"}} {
		if _, stderr, code := gk(t, append(args, "--db", db)...); code != 0 {
			t.Fatal(stderr)
		}
	}
	list := filepath.Join(dir, "用户名单.csv")
	pw := filepath.Join(dir, "初始密码.csv")
	if err := os.WriteFile(list, []byte("单位名称,账号,姓名,角色\n甲县教育局,jy1,赵一,办理人\n甲县教育局,jy2,钱二,办事员\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := gk(t, "user", "import", list, "--db", db, "--under", "甲县人民政府", "--commit"); code == 0 || !strings.Contains(stderr, "--passwords") {
		t.Fatalf("commit without a passwords file: %d %s", code, stderr)
	}
	out, _, code := gk(t, "user", "import", list, "--db", db, "--under", "甲县人民政府", "--commit", "--passwords", pw)
	if _, err := os.Stat(pw); code != 1 || !strings.Contains(out, "第 3 行 D 列（角色）：角色“办事员”无法识别") || err == nil {
		t.Fatalf("a bad row: %d %v\n%s", code, err, out)
	}
	if err := os.WriteFile(list, []byte("单位名称,账号,姓名,角色\n甲县教育局,jy1,赵一,办理人\n甲县教育局,jy2,钱二,公开工作机构负责人\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code = gk(t, "user", "import", list, "--db", db, "--under", "甲县人民政府", "--commit", "--passwords", pw)
	if code != 0 || !strings.Contains(out, "新建 2 个用户") {
		t.Fatalf("commit: %d\n%s", code, out)
	}
	data, err := os.ReadFile(pw)
	if err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(pw); info.Mode().Perm() != 0o600 {
		t.Errorf("the passwords file is %v", info.Mode().Perm())
	}
	lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(string(data), "\ufeff")), "\r\n")
	if len(lines) != 3 || lines[0] != "机关,用户名,姓名,初始密码" || !strings.HasPrefix(lines[1], "甲县教育局,jy1,赵一,") {
		t.Fatalf("passwords file:\n%s", data)
	}
	s, err := store.Open(context.Background(), db, testClock)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, l := range lines[1:] {
		f := strings.Split(l, ",")
		if _, hash, err := s.UserByLogin(context.Background(), f[1]); err != nil || !org.CheckPassword(hash, f[3]) {
			t.Errorf("%s does not sign in with its password: %v", f[1], err)
		}
	}
	if _, stderr, code := gk(t, "user", "import", list, "--db", db, "--under", "甲县人民政府", "--commit", "--passwords", pw); code == 0 || !strings.Contains(stderr, "已存在的文件不会覆盖") {
		t.Errorf("an existing passwords file: %d %s", code, stderr)
	}
}

// serve on a new database says how to get in: it has no one to sign in yet.
func TestServeNewDatabaseSaysHowToStart(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuf
	done := make(chan int)
	go func() {
		done <- runAt(ctx, testClock, []string{"serve", "--db", filepath.Join(t.TempDir(), "new.db"), "--addr", "127.0.0.1:0"}, strings.NewReader(""), &out, &errb)
	}()
	for i := 0; i < 1200 && !strings.Contains(out.String(), "按 Ctrl+C 停止"); i++ {
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	if code := <-done; code != 0 || !strings.Contains(out.String(), "数据库中还没有机关和用户，还无法登录：先用 gongkai agency add") {
		t.Errorf("%d:\n%s\n%s", code, out.String(), errb.String())
	}
}

// TestOptimizeLoop: serve gives SQLite's planner statistics at start, with
// the data as it is then (store.Optimize), and again on each tick; it stops
// with the server.
func TestOptimizeLoop(t *testing.T) {
	db := demoCopy(t)
	s, err := openStore(context.Background(), db, testClock)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	stats := func() int {
		var n int
		// the table exists only once ANALYZE ran
		if err := s.DB().QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'`).Scan(&n); err != nil || n == 0 {
			return 0
		}
		if err := s.DB().QueryRow(`SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'cases'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := stats(); n != 0 {
		t.Fatalf("statistics before the loop ran: %d", n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	tick := make(chan time.Time)
	done := make(chan struct{})
	go func() {
		optimizeLoop(ctx, s, tick, slog.New(slog.DiscardHandler))
		close(done)
	}()
	tick <- time.Time{} // taken once the first round is over
	if n := stats(); n == 0 {
		t.Error("no statistics of cases after the first round")
	}
	tick <- time.Time{}
	cancel()
	<-done
}
