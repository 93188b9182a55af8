package web_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/clock"
	"gongkai/internal/demo"
)

// browserTest drives Debian's chromium headless against a real server. A
// missing chromium fails the test (make test installs it), never skips it.
type browserTest struct {
	t     *testing.T
	ctx   context.Context
	base  string
	shots string
	site  *site
}

func newBrowserTest(t *testing.T) *browserTest {
	// a fixed clock: the test never depends on the hour it runs at
	return browserOn(t, demoSite(t))
}

// newBrowserTestAt is a browser on a site whose clock the test moves.
func newBrowserTestAt(t *testing.T, clk clock.Clock) *browserTest {
	return browserOn(t, demoSiteAt(t, clk))
}

// browserOn is a headless Chromium on the site.
func browserOn(t *testing.T, st *site) *browserTest {
	path, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatal("chromium is missing: make test installs Debian's chromium (scripts/ensure-tools.sh)")
	}
	srv := st.srv

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 1000),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.Flag("disable-gpu", true),
		// the browser's own labels (the file input's button) in Chinese, as our
		// users see them, when Debian's chromium-l10n is there
		chromedp.Flag("lang", "zh-CN"), chromedp.Env("LANGUAGE=zh_CN"),
		// Chromium keeps its singleton socket in TMPDIR, and a browser the
		// test stops leaves it there: here it goes with the test's directory
		chromedp.Env("TMPDIR="+t.TempDir()))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelT(); cancel(); cancelA() })
	return &browserTest{t: t, ctx: ctx, base: srv.URL, shots: os.Getenv("GONGKAI_SHOTS"), site: st}
}

// domRace is the error of a query that ran while the document was being
// replaced by a navigation; such a query did nothing, so it is safe to retry.
func domRace(err error) bool {
	if err == nil {
		return false
	}
	// the page navigated between finding a node and reading it
	for _, race := range []string{"DOM Error while querying", "Cannot find context with specified id", "No node with given id found"} {
		if strings.Contains(err.Error(), race) {
			return true
		}
	}
	return false
}

func (b *browserTest) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	for _, st := range steps {
		err := chromedp.Do(b.ctx, st)
		for i := 0; i < 30 && domRace(err); i++ {
			time.Sleep(100 * time.Millisecond)
			err = chromedp.Do(b.ctx, st)
		}
		if err != nil {
			b.t.Fatal(err)
		}
	}
}

func (b *browserTest) text(sel string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	for i := 0; i < 30 && domRace(err); i++ {
		time.Sleep(100 * time.Millisecond)
		s, err = chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	}
	if err != nil {
		b.t.Fatalf("%s: %v", sel, err)
	}
	return s
}

// waitPath waits until the page is at a path matching re.
func (b *browserTest) waitPath(re string) string {
	b.t.Helper()
	rx := regexp.MustCompile(re)
	for i := 0; i < 100; i++ {
		loc, err := chromedp.Run(b.ctx, chromedp.Location())
		if err == nil && rx.MatchString(strings.TrimPrefix(loc, b.base)) {
			b.do(chromedp.WaitVisible(chromedp.CSS("body")))
			return strings.TrimPrefix(loc, b.base)
		}
		time.Sleep(100 * time.Millisecond)
	}
	loc, _ := chromedp.Run(b.ctx, chromedp.Location())
	b.t.Fatalf("still at %s, want %s", loc, re)
	return ""
}

// waitText waits until the element's text contains want (a form posted back
// to the same address shows the new page only after the redirect).
func (b *browserTest) waitText(sel, want string) {
	b.t.Helper()
	for i := 0; i < 100; i++ {
		s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
		if err == nil && strings.Contains(s, want) {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	if b.shots == "" {
		b.shots = b.t.TempDir()
	}
	b.shot("failed")
	b.t.Fatalf("%s never showed %q; it shows: %s (screenshot in %s)", sel, want, b.text(sel), b.shots)
}

func (b *browserTest) shot(name string) {
	if b.shots == "" {
		return
	}
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100)) // 100: PNG, below: JPEG
	if err != nil {
		b.t.Fatal(err)
	}
	os.MkdirAll(b.shots, 0o755)
	os.WriteFile(filepath.Join(b.shots, name+".png"), png, 0o644)
}

func (b *browserTest) login(name string) {
	b.do(chromedp.Navigate(b.base + "/login"))
	b.do(chromedp.WaitVisible(chromedp.CSS(`input[name=login]`)))
	b.do(chromedp.SetValue(chromedp.CSS(`input[name=login]`), name))
	b.do(chromedp.SetValue(chromedp.CSS(`input[name=password]`), demo.Password))
	b.do(chromedp.Click(chromedp.CSS(`main form button`)))
	b.waitPath(`^/admin/$`)
}

// step opens the form of a next step on the case page, fills it and submits.
func (b *browserTest) step(kind string, fields map[string]string) {
	form := `#step-` + kind + ` form[method=post]`
	b.do(chromedp.Click(chromedp.CSS(`#step-` + kind + ` summary`)))
	for name, v := range fields {
		b.do(chromedp.SetValue(chromedp.CSS(form+` [name=`+name+`]`), v))
	}
	b.do(chromedp.Click(chromedp.CSS(form + ` button`)))
}

func TestBrowserClerkAndApplicant(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	b := newBrowserTest(t)

	// a clerk registers an application and asks for 补正, then receives it
	b.login("clerk")
	if !strings.Contains(b.text("main h1"), "工作台") {
		t.Fatal("no dashboard")
	}
	b.shot("01-dashboard")
	b.do(chromedp.Navigate(b.base+"/admin/cases/new"),
		chromedp.SetValue(chromedp.CSS(`[name=name]`), "周某"),
		chromedp.SetValue(chromedp.CSS(`[name=id_number]`), "11010519491231002X"),
		chromedp.SetValue(chromedp.CSS(`[name=phone]`), "13600000000"),
		chromedp.SetValue(chromedp.CSS(`[name=description]`), "2026年本区义务教育招生计划"))
	b.shot("02-intake")
	b.do(chromedp.Click(chromedp.CSS(`main form button`)))
	casePath := strings.SplitN(b.waitPath(`^/admin/cases/\d+(\?.*)?$`), "?", 2)[0]
	if !strings.Contains(b.text("main"), "答复期限") {
		t.Fatal("case page without its deadline")
	}
	b.step("request_correction", map[string]string{"note": "请明确所需招生计划的学段。"})
	b.waitText("p.summary", "待补正")
	b.step("correction_received", nil)
	b.waitText("p.summary", "办理中")
	b.waitText("main", "收到补正后的申请")
	b.shot("03-case")

	// the head of the office extends and decides
	b.do(chromedp.Click(chromedp.CSS(`form.who button`)))
	b.waitPath(`^/login$`)
	b.login("head")
	b.do(chromedp.Navigate(b.base + casePath))
	b.waitPath(`^` + casePath + `$`)
	b.step("extend", map[string]string{"note": "所需信息需多个学校汇总"})
	b.waitText("main", "经政府信息公开工作机构负责人同意延长")
	b.step("decide", map[string]string{"outcome": "disclosed"})
	// the reply is shown first; the case closes only when confirmed
	b.waitText("main h1", "确认答复")
	if body := b.text("main"); !strings.Contains(body, "政府信息公开申请答复书") || !strings.Contains(body, "周某") {
		t.Fatalf("preview: %s", body)
	}
	b.shot("04a-preview")
	b.do(chromedp.Click(chromedp.CSS(`form.actions button`)))
	b.waitPath(`^` + casePath + `\?ok=`)
	b.waitText("p.summary", "已办结")
	b.shot("04-decided")
	// print the reply letter
	href, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector('a[href$="/letters/5"]').getAttribute('href')`))
	if err != nil || href == "" {
		t.Fatalf("no letter link for the decision: %v", err)
	}
	b.do(chromedp.Navigate(b.base + href))
	b.waitPath(`/letters/5$`)
	if h := b.text("h1"); !strings.Contains(h, "政府信息公开申请答复书") {
		t.Fatalf("letter title %q", h)
	}
	if body := b.text("body"); !strings.Contains(body, "周某") || !strings.Contains(body, "〔") || !strings.Contains(body, "印章") {
		t.Fatalf("letter body: %s", body)
	}
	b.shot("05-letter")
	// the applicant asks for 复议: the clerk records it from the case page
	b.do(chromedp.Navigate(b.base + casePath))
	b.waitPath(`^` + casePath + `$`)
	b.do(chromedp.Click(chromedp.CSS(`a[href^="/admin/appeals?case="]`)))
	b.waitPath(`^/admin/appeals\?case=[0-9-]+$`)
	b.do(chromedp.SetValue(chromedp.CSS(`form.narrow [name=number]`), "卫政复〔2026〕1号"),
		chromedp.SetValue(chromedp.CSS(`form.narrow [name=body]`), "新乡市卫滨区人民政府"),
		chromedp.SetValue(chromedp.CSS(`form.narrow [name=filed_on]`), "2026-11-20"),
		chromedp.Click(chromedp.CSS(`form.narrow button`)))
	b.waitText("table.list", "卫政复〔2026〕1号")
	if row := b.text("table.list"); !strings.Contains(row, "尚未审结") {
		t.Fatalf("appeal row: %s", row)
	}
	b.shot("05b-appeals")

	// an applicant applies online and looks up the status
	b.do(chromedp.Navigate(b.base + "/"))
	b.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`a.apply[href="/apply/%d"]`, mustAgency(b.site, demo.Main)))))
	b.waitPath(`^/apply/\d+$`)
	b.do(chromedp.SetValue(chromedp.CSS(`[name=name]`), "吴某"),
		chromedp.SetValue(chromedp.CSS(`[name=id_number]`), "11010519491231002X"),
		chromedp.SetValue(chromedp.CSS(`[name=phone]`), "13500000000"),
		chromedp.SetValue(chromedp.CSS(`[name=email]`), "wu@example.cn"),
		chromedp.SetValue(chromedp.CSS(`[name=description]`), "本区公办幼儿园收费标准"))
	b.shot("06-apply")
	b.do(chromedp.Click(chromedp.CSS(`main form button`)))
	b.waitText("main h1", "请核对") // the form posts back to the same address
	b.do(chromedp.Click(chromedp.CSS(`form[action$="/confirm"] button`)))
	b.waitPath(`^/receipt/[A-Z0-9]+$`)
	code := b.text(".code")
	if len(code) != 10 {
		t.Fatalf("receipt without a 查询码: %q", b.text("main"))
	}
	b.shot("07-receipt")
	b.do(chromedp.Navigate(b.base + "/status"))
	b.do(chromedp.SetValue(chromedp.CSS(`[name=code]`), strings.ToLower(code)), chromedp.Click(chromedp.CSS(`main form button`)))
	b.waitPath(`^/status\?code=`)
	if st := b.text("main"); !strings.Contains(st, "办理中") || strings.Contains(st, "吴某") {
		t.Fatalf("status page: %s", st)
	}
	b.shot("08-status")

	// the district office looks at where the reports of its area stand
	b.do(chromedp.Navigate(b.base + "/admin/"))
	b.do(chromedp.Click(chromedp.CSS(`form.who button`)))
	b.waitPath(`^/login$`)
	b.login("district")
	b.waitText("main", "各机关概况")
	b.shot("09-supervisor")
	b.do(chromedp.Click(chromedp.CSS(`nav.wide a[href="/admin/rollup"]`)))
	b.waitPath(`^/admin/rollup$`)
	b.waitText("h1", "年度报告汇总")
	if body := b.text("main"); !strings.Contains(body, "卫滨区财政局") || !strings.Contains(body, "汇总表") {
		t.Fatalf("rollup page: %s", body)
	}
	b.shot("10-rollup")
	if svg := b.text("figure.chart figcaption"); !strings.Contains(svg, "各月收到申请件数") {
		t.Fatalf("the rollup draws no chart: %q", svg)
	}
	// and one agency's report, with its charts and tables
	b.do(chromedp.Navigate(fmt.Sprintf("%s/admin/reports?year=2025&agency=%d", b.base, mustAgency(b.site, "卫滨区财政局"))))
	b.waitText("h1", "年度报告")
	b.shot("10b-report")
	// Ctrl+P prints the tables and the charts, not the forms and menus
	pdf, err := chromedp.Run(b.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
	if err != nil {
		t.Fatal(err)
	}
	printed := pdfToText(t, pdf)
	for _, want := range []string{"本年新收政府信息公开申请数量", "行政许可", "复议后起诉", "办理结果构成"} {
		if !strings.Contains(printed, want) {
			t.Errorf("the printed report lacks %q:\n%s", want, printed)
		}
	}
	if strings.Contains(printed, "退出") || strings.Contains(printed, "打开") {
		t.Error("the printed report shows the menu or the filter form")
	}
}

// pdfToText reads a PDF's text with poppler's pdftotext (make test installs it).
func pdfToText(t *testing.T, pdf []byte) string {
	t.Helper()
	cmd := exec.Command("pdftotext", "-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// caseIn finds a demo case of the agency in the state.
func caseIn(b *browserTest, agency string, state casework.State) *casework.Case {
	b.t.Helper()
	ag := mustAgency(b.site, agency)
	rows, _, err := b.site.s.ListCases(context.Background(), casework.Filter{AgencyIDs: []int64{ag}, State: state, Limit: 10})
	if err != nil || len(rows) == 0 {
		b.t.Fatalf("no %s case in the demo of %s: %v", state, agency, err)
	}
	c, err := b.site.s.GetCase(context.Background(), rows[0].ID)
	if err != nil {
		b.t.Fatal(err)
	}
	return c
}

// The corrections and checks of issue 13: undoing a step, a supervisor's
// agency filter, the status of an application awaiting payment, and the
// public flow on a phone with every field error at once and a double tap on
// the confirmation creating one application.
func TestBrowserCorrectionsAndPhone(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	b := newBrowserTest(t)

	// the head undoes the 补正 notice sent by mistake, with a reason
	c := caseIn(b, demo.Main, casework.AwaitingCorrection)
	b.login("head")
	path := fmt.Sprintf("/admin/cases/%d", c.ID)
	b.do(chromedp.Navigate(b.base + path))
	b.waitPath(`^` + path + `$`)
	b.step("undo", map[string]string{"note": "补正告知发错了申请"})
	b.waitText("main", "已撤销")
	if s := b.text("p.summary"); strings.Contains(s, "待补正") {
		t.Fatalf("still awaiting correction after the undo: %s", s)
	}
	b.shot("11-undone")

	// the head imports a register: preview with its problem, then the good rows
	dir := t.TempDir()
	file := filepath.Join(dir, "台账.csv")
	if err := os.WriteFile(file, []byte("收到日期,申请方式,申请人类型,申请人,申请内容\n2026-03-02,当面,自然人,浏览器导入甲,学区划分方案\n2026-02-30,当面,自然人,浏览器导入乙,招生计划\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.Navigate(b.base+"/admin/import"),
		chromedp.SetUploadFiles(`input[type=file]`, []string{file}),
		chromedp.Click(chromedp.CSS(`main form button`)))
	b.waitText("main", "1 行可以导入，1 处问题")
	if body := b.text("main"); !strings.Contains(body, "第 3 行") || !strings.Contains(body, "收到日期") {
		t.Fatalf("import preview: %s", body)
	}
	b.shot("11b-import-preview")
	b.do(chromedp.Click(chromedp.CSS(`input[name=valid_only]`)), chromedp.Click(chromedp.CSS(`form[action="/admin/import/confirm"] button`)))
	b.waitText("main", "已导入 1 条")

	// the district office narrows its case list to one agency
	b.do(chromedp.Click(chromedp.CSS(`form.who button`)))
	b.waitPath(`^/login$`)
	b.login("district")
	finance := mustAgency(b.site, "卫滨区财政局")
	b.do(chromedp.Navigate(b.base+"/admin/cases"),
		chromedp.SetValue(chromedp.CSS(`select[name=agency]`), fmt.Sprint(finance)),
		chromedp.Click(chromedp.CSS(`form.filters button`)))
	b.waitPath(`^/admin/cases\?.*agency=`)
	cells, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('table.list tbody tr td:nth-child(1)')].map(td => td.textContent.trim())`))
	if err != nil || len(cells) == 0 {
		t.Fatalf("filtered list: %v %v", err, cells)
	}
	for _, cell := range cells {
		if cell != "卫滨区财政局" {
			t.Fatalf("a row of %q in the list filtered to 卫滨区财政局", cell)
		}
	}
	b.shot("12-supervisor-filter")

	// the applicant of an application awaiting payment sees what to pay
	paying := caseIn(b, demo.Main, casework.AwaitingPayment)
	b.do(chromedp.Navigate(b.base + "/status?code=" + paying.Code))
	b.waitText("main", "待缴费")
	if body := b.text("main"); !strings.Contains(body, "元") || !strings.Contains(body, "缴") {
		t.Fatalf("status awaiting payment: %s", body)
	}

	// on a phone: every mistake at once, then one application for a double tap
	b.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	ag := mustAgency(b.site, demo.Main)
	b.do(chromedp.Navigate(fmt.Sprintf("%s/apply/%d", b.base, ag)),
		chromedp.SetValue(chromedp.CSS(`[name=name]`), "郑某"),
		chromedp.SetValue(chromedp.CSS(`[name=id_number]`), "11010519491231002X"),
		chromedp.SetValue(chromedp.CSS(`[name=phone]`), "电话号码"),
		chromedp.SetValue(chromedp.CSS(`[name=email]`), "zheng@"),
		chromedp.SetValue(chromedp.CSS(`[name=delivery]`), "邮寄"),
		chromedp.Click(chromedp.CSS(`main form button`)))
	b.waitText("main", "请填写所需政府信息")
	body := b.text("main")
	for _, want := range []string{"电话“电话号码”不对", "电子邮箱“zheng@”不对", "请填写通信地址", "请填写所需政府信息"} {
		if !strings.Contains(body, want) {
			t.Errorf("the form does not say %q at once: %s", want, body)
		}
	}
	if v := b.text(`[name=name]`); v != "" { // an input's text is empty; its value must survive
		t.Logf("name text %q", v)
	}
	kept, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector('[name=name]').value`))
	if kept != "郑某" {
		t.Errorf("the refused form lost the name: %q", kept)
	}
	b.shot("13-phone-errors")
	b.do(chromedp.SetValue(chromedp.CSS(`[name=phone]`), "13700000000"),
		chromedp.SetValue(chromedp.CSS(`[name=email]`), "zheng@example.cn"),
		chromedp.SetValue(chromedp.CSS(`[name=address]`), "卫滨区某路8号"),
		chromedp.SetValue(chromedp.CSS(`[name=description]`), "本区中小学课后服务收费文件"),
		chromedp.Click(chromedp.CSS(`main form button`)))
	b.waitText("main h1", "请核对")
	wide, _ := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
	if wide {
		t.Error("the confirmation page is wider than the phone")
	}
	b.shot("14-phone-confirm")
	b.do(chromedp.DoubleClick(chromedp.CSS(`form[action$="/confirm"] button`)))
	b.waitPath(`^/receipt/[A-Z0-9]+$`)
	b.shot("15-phone-receipt")
	if n := strings.Count(strings.Join(casesOf(b.site, ag), ","), "郑某"); n != 1 {
		t.Errorf("a double tap registered %d applications", n)
	}

	// the back office on the phone: the header on one line, wide tables
	// scrolling inside their box, never the page
	b.login("clerk")
	for i, p := range []string{"/admin/", "/admin/cases", fmt.Sprintf("/admin/cases/%d", c.ID), "/admin/reports", "/admin/import"} {
		b.do(chromedp.Navigate(b.base + p))
		b.waitPath(`^` + regexp.QuoteMeta(p) + `$`)
		wide, _ := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
		high, _ := chromedp.Run(b.ctx, chromedp.Evaluate[float64](`document.querySelector('header').getBoundingClientRect().height`))
		if wide || high > 64 {
			t.Errorf("%s on a phone: wider than the screen %v, header %.0f px high", p, wide, high)
		}
		if p == "/admin/cases" || p == "/admin/" { // one card per row, each field named, not columns squeezed to a character
			cards, _ := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`getComputedStyle(document.querySelector('table.cards thead')).display === 'none' &&
				getComputedStyle(document.querySelector('table.cards tbody tr')).display === 'block' &&
				[...document.querySelectorAll('table.cards tbody td[data-label]')].length > 3`))
			if !cards {
				t.Errorf("%s on a phone: the lists are not shown as cards with their fields named", p)
			}
		}
		b.shot(fmt.Sprintf("16-phone-%d", i))
	}
	// the longest name and role (系统管理员（系统管理员）) keeps the header on
	// one line too: phones show the name without the role
	b.logout()
	b.login("admin")
	b.do(chromedp.Navigate(b.base + "/admin/"))
	b.waitPath(`^/admin/$`)
	if high, _ := chromedp.Run(b.ctx, chromedp.Evaluate[float64](`document.querySelector('header').getBoundingClientRect().height`)); high > 64 {
		t.Errorf("the administrator's header on a phone is %.0f px high", high)
	}
	// a tablet or a narrow window: the menu folds before the links wrap
	// onto a third line (fourteen of them for the administrator)
	for _, w := range []int{800, 1024, 1280} {
		b.do(chromedp.EmulateViewport(int64(w), 900))
		if high, _ := chromedp.Run(b.ctx, chromedp.Evaluate[float64](`document.querySelector('header').getBoundingClientRect().height`)); high > 70 {
			t.Errorf("the administrator's header at %d px is %.0f px high", w, high)
		}
	}
}

// logout signs the current user out.
func (b *browserTest) logout() {
	b.do(chromedp.Click(chromedp.CSS(`form.who button`)))
	b.waitPath(`^/(login)?$`)
}

// An item through 三审三校 to the public catalog, found by a two-character
// search; the same person cannot give two of the reviews.
func TestBrowserCatalog(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	b := newBrowserTest(t)
	title := "卫滨区小学学区划分范围（测试）"
	b.login("clerk")
	b.do(chromedp.Navigate(b.base + "/admin/catalog"))
	b.waitText("main h1", "主动公开")
	b.shot("20-catalog")
	b.do(chromedp.Click(chromedp.CSS(`a[href="/admin/catalog/new"]`)))
	b.waitPath(`^/admin/catalog/new$`)
	b.do(chromedp.SetValue(chromedp.CSS(`[name=title]`), title),
		chromedp.SetValue(chromedp.CSS(`[name=summary]`), "公布各小学的学区划分范围，供适龄儿童家长查阅。"),
		chromedp.SetValue(chromedp.CSS(`[name=column]`), "义务教育"),
		chromedp.SetValue(chromedp.CSS(`[name=category]`), "11"),
		chromedp.SetValue(chromedp.CSS(`[name=body]`), "一、划分原则\n\n二、各校学区范围"))
	for _, c := range catalogChecklist() {
		b.do(chromedp.Click(chromedp.CSS(`input[name=checklist][value=` + c + `]`)))
	}
	b.do(chromedp.Click(chromedp.CSS(`main form button`)))
	path := b.waitPath(`^/admin/catalog/\d+(\?|$)`)
	b.waitText("main", "索引号")
	b.shot("21-item-draft")
	b.do(chromedp.Click(chromedp.CSS(`form[action$="/submit"] button`)))
	b.waitText("main", "待一校、初审")
	b.do(chromedp.SetValue(chromedp.CSS(`#proof [name=note]`), "核对标题和日期，未发现问题。"), chromedp.Click(chromedp.CSS(`#proof button`)))
	b.waitText("main", "核对标题和日期，未发现问题。") // the page after the proof, not the one before it
	if strings.Contains(b.text("main"), "提交初审意见") {
		t.Error("the author is offered the review")
	}
	b.logout()

	// 初审 by the reviewer, who then proof-reads and may not also give 复审
	b.login("reviewer")
	b.do(chromedp.Navigate(b.base + path))
	b.do(chromedp.Click(chromedp.CSS(`#review button`)))
	b.waitText("main", "待二校、复审")
	b.do(chromedp.SetValue(chromedp.CSS(`#proof [name=note]`), "正文未发现错别字。"), chromedp.Click(chromedp.CSS(`#proof button`)))
	b.waitText("main", "正文未发现错别字。") // the proof is recorded
	b.waitText("main", "同一人不能审核两次")
	b.shot("22-item-refused")
	b.logout()

	b.login("deputy")
	b.do(chromedp.Navigate(b.base + path))
	b.do(chromedp.Click(chromedp.CSS(`#review button`)))
	b.waitText("main", "待三校、终审")
	b.do(chromedp.SetValue(chromedp.CSS(`#proof [name=note]`), "附件与正文一致。"), chromedp.Click(chromedp.CSS(`#proof button`)))
	b.waitText("main", "附件与正文一致。") // the proof is recorded
	b.waitText("main", "同一人不能审核两次")
	b.logout()

	b.login("head")
	b.do(chromedp.Navigate(b.base + path))
	b.do(chromedp.Click(chromedp.CSS(`#review button`)))
	b.waitText("main", "待发布")
	b.do(chromedp.Click(chromedp.CSS(`#publish button`)))
	b.waitText("main", "已发布")
	if body := b.text("main"); !strings.Contains(body, "一校") || !strings.Contains(body, "终审") || !strings.Contains(body, "王审核") || !strings.Contains(body, "陈分管") {
		t.Errorf("the record of 三审三校 is incomplete: %s", body)
	}
	b.shot("23-item-published")
	b.logout()

	// the public finds it by a two-character word, on a phone too
	for _, w := range []int{1280, 390} {
		b.do(chromedp.EmulateViewport(int64(w), 900))
		b.do(chromedp.Navigate(b.base + "/catalog"))
		b.do(chromedp.SetValue(chromedp.CSS(`[name=q]`), "学区"), chromedp.Click(chromedp.CSS(`main form button`)))
		b.waitText("main", title)
		if mark := b.text("ol.results mark"); mark != "学区" {
			t.Errorf("the match is not marked: %q", mark)
		}
		wide, _ := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
		if wide {
			t.Errorf("the catalog at %d px is wider than the screen", w)
		}
		b.shot(fmt.Sprintf("24-catalog-search-%d", w))
	}
	b.do(chromedp.Click(chromedp.CSS(`ol.results a`)))
	b.waitPath(`^/catalog/items/\d+$`)
	if body := b.text("main"); !strings.Contains(body, "索引号") || !strings.Contains(body, "MB1234567/") || !strings.Contains(body, "内容概述") {
		t.Errorf("the item page lacks its metadata: %s", body)
	}
	b.shot("25-catalog-item")

	// the new back-office pages at desktop and phone width: nothing wider
	// than the screen, as a supervisor reads them too
	for _, who := range []string{"clerk", "district"} {
		b.do(chromedp.EmulateViewport(1280, 900))
		b.login(who)
		for _, w := range []int{1280, 390} {
			b.do(chromedp.EmulateViewport(int64(w), 900))
			pages := []string{"/admin/", "/admin/catalog", "/admin/newmedia", "/admin/normative", "/admin/columns", "/admin/reports?year=2024",
				"/admin/reports/2024/versions"}
			if who == "clerk" {
				pages = append(pages, "/admin/import")
			}
			for i, p := range pages {
				b.do(chromedp.Navigate(b.base + p))
				b.waitText("main h1", "")
				wide, _ := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
				if wide {
					t.Errorf("%s as %s at %d px is wider than the screen", p, who, w)
				}
				b.shot(fmt.Sprintf("26-%s-%d-%d", who, w, i))
			}
		}
		b.do(chromedp.EmulateViewport(1280, 900))
		b.logout()
	}
}

func catalogChecklist() []string {
	var out []string
	for _, c := range catalog.Checklist {
		out = append(out, c.ID)
	}
	return out
}

// A session that ended while a form was open keeps the form: sending it
// says the sign-in has ended instead of leaving the page; after signing in
// again in another tab, the same form is sent and saved.
func TestBrowserSessionEndsFormKept(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	var mu sync.Mutex
	moved := now
	b := newBrowserTestAt(t, clock.Func(clock.Shanghai(), func() time.Time { mu.Lock(); defer mu.Unlock(); return moved }))
	b.login("clerk")
	b.do(chromedp.Navigate(b.base + "/admin/password"))
	email := `form[action="/admin/email"] input[name=email]`
	b.do(chromedp.WaitVisible(chromedp.CSS(email)), chromedp.SetValue(chromedp.CSS(email), "kept@weibin.example"))
	// 31 minutes pass, for the server and for the page
	mu.Lock()
	moved = moved.Add(31 * time.Minute)
	mu.Unlock()
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`(() => { const real = Date.now; Date.now = () => real() + 31 * 60000; return true })()`)); err != nil {
		t.Fatal(err)
	}
	send := chromedp.Click(chromedp.CSS(`form[action="/admin/email"] button:not([name])`))
	b.do(send)
	b.waitText("#session-ended", "登录已超时")
	b.shot("session-ended")
	if loc := b.waitPath(`^/admin/password$`); loc != "/admin/password" {
		t.Fatalf("the page was left: %s", loc)
	}
	if v, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector('`+email+`').value`)); v != "kept@weibin.example" {
		t.Fatalf("the typed address is gone: %q", v)
	}
	// another tab signs in again
	tab, cancel := chromedp.NewContext(b.ctx)
	defer cancel()
	err := chromedp.Do(tab, chromedp.Navigate(b.base+"/login"), chromedp.WaitVisible(chromedp.CSS(`input[name=login]`)),
		chromedp.SetValue(chromedp.CSS(`input[name=login]`), "clerk"), chromedp.SetValue(chromedp.CSS(`input[name=password]`), demo.Password),
		chromedp.Click(chromedp.CSS(`main form button`)), chromedp.WaitVisible(chromedp.CSS(`header form.who`))) // signed in: the 退出 form
	if err != nil {
		t.Fatal(err)
	}
	b.do(send)
	b.waitText("main", "已保存")
	row, err := b.site.s.User(context.Background(), mustUser(t, b.site, "clerk"))
	if err != nil || row.Email != "kept@weibin.example" {
		t.Fatalf("the address was not saved: %v %+v", err, row)
	}
}

// The case page's link to a step's form (the hint under a withdrawal the
// applicant asked for online) unfolds that form.
func TestBrowserStepLinkOpensForm(t *testing.T) {
	b := newBrowserTest(t)
	st := b.site
	c, csrf := st.login("clerk")
	id, loc := mustCreate(st, c, csrf)
	cs, err := st.s.GetCase(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.b.Ops.RequestWithdraw(context.Background(), cs.Code, "不再需要", true); err != nil {
		t.Fatal(err)
	}
	b.login("clerk")
	b.do(chromedp.Navigate(b.base + loc))
	b.do(chromedp.Click(chromedp.CSS(`#withdraw-sent a[href="#step-withdraw"]`)))
	for range 40 {
		if open, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.getElementById('step-withdraw').open`)); err == nil && open {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the link did not unfold the step's form")
}

// The applicant sends a 补正 with a file from the status page in a browser:
// the file goes with the 查询码 in the form's address, and lands.
func TestBrowserOnlineCorrection(t *testing.T) {
	b := newBrowserTest(t)
	st := b.site
	c, _ := st.login("clerk")
	cs, _ := awaitingCorrection(t, st, c)
	id := cs.ID
	file := filepath.Join(t.TempDir(), "身份证明.pdf")
	if err := os.WriteFile(file, append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("0"), 300<<10)...), 0o644); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.Navigate(b.base+"/status?code="+cs.Code), chromedp.WaitVisible(chromedp.CSS(`#correction textarea`)))
	b.do(chromedp.SetValue(chromedp.CSS(`#correction textarea`), "初中学段。"), chromedp.SetUploadFiles(`#correction input[type=file]`, []string{file}))
	b.do(chromedp.Click(chromedp.CSS(`#correction button`)))
	b.waitText("main", "补正已提交")
	sent, err := st.s.OnlineCorrections(context.Background(), id)
	if err != nil || len(sent) != 1 || sent[0].Text != "初中学段。" || sent[0].AttachmentID == 0 {
		t.Fatalf("sent: %+v %v", sent, err)
	}
}

// The decision form fetches the published items when it is unfolded, and
// 引用 fills the route and chooses 已主动公开 (htmx and app.js, in Chromium).
func TestBrowserPublishedSuggestions(t *testing.T) {
	b := newBrowserTest(t)
	ag := mustAgency(b.site, demo.Main)
	rows, _, _ := b.site.s.ListCases(context.Background(), casework.Filter{AgencyIDs: []int64{ag}, Limit: 100})
	var loc string
	for _, r := range rows {
		if c, _ := b.site.s.GetCase(context.Background(), r.ID); c.Intake.Request.Description == "本区2024年小学一年级学区划分范围" {
			loc = fmt.Sprintf("/admin/cases/%d", r.ID)
		}
	}
	b.login("clerk")
	b.do(chromedp.Navigate(b.base + loc))
	b.waitPath(`^` + loc + `$`)
	b.do(chromedp.Click(chromedp.CSS(`#step-decide summary`)))
	b.do(chromedp.WaitVisible(chromedp.CSS(`#published button[data-route]`)))
	b.do(chromedp.Click(chromedp.CSS(`#published button[data-route]`)))
	route, err := chromedp.Run(b.ctx, chromedp.Value(chromedp.CSS(`#step-decide textarea[name=route]`)))
	if err != nil || !strings.Contains(route, "《卫滨区2024年小学一年级学区划分范围》") {
		t.Errorf("route: %q %v", route, err)
	}
	if o, _ := chromedp.Run(b.ctx, chromedp.Value(chromedp.CSS(`#step-decide select[name=outcome]`))); o != "already_public" {
		t.Errorf("outcome: %q", o)
	}
}

// TestBrowserPhrases: a 常用语 fills the note when clicked; its × takes it off
// the list (app.js posts a form of its own), and Enter in the step form's
// fields still sends the step, not the ×.
func TestBrowserPhrases(t *testing.T) {
	b := newBrowserTest(t)
	st := b.site
	c, csrf := st.login("clerk")
	notes := []string{"请写明所需信息的具体年份和学段。", "请补充身份证明复印件。"}
	for _, note := range append(notes, notes...) {
		_, loc := mustCreate(st, c, csrf)
		if code, _, _ := st.post(c, loc+"/steps", url.Values{"csrf": {csrf}, "kind": {"request_correction"}, "on": {"2026-11-24"}, "note": {note}}); code != http.StatusSeeOther {
			t.Fatalf("补正: %d", code)
		}
	}
	_, loc := mustCreate(st, c, csrf)
	b.login("clerk")
	b.do(chromedp.Navigate(b.base + loc + "#step-request_correction"))
	b.waitPath(`^` + loc)
	sel := func(note string) string { return fmt.Sprintf(`#step-request_correction button[data-%%s=%q]`, note) }
	b.do(chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(sel(notes[1]), "phrase"))))
	b.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(sel(notes[1]), "phrase"))))
	if v, err := chromedp.Run(b.ctx, chromedp.Value(chromedp.CSS(`#step-request_correction textarea[name=note]`))); err != nil || v != notes[1] {
		t.Errorf("note: %q %v", v, err)
	}
	b.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(sel(notes[0]), "forget"))))
	b.waitText("main", "这条常用语不再提示")
	b.do(chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(sel(notes[1]), "phrase"))))
	n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, fmt.Sprintf(sel(notes[0]), "phrase"))))
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Error("the forgotten phrase is still offered")
	}
	// Enter in the date field sends the step (the form's own button)
	b.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(sel(notes[1]), "phrase"))))
	b.do(chromedp.SendKeys(chromedp.CSS(`#step-request_correction input[name=on]`), "\r"))
	b.waitText("main", "待补正")
	_, fresh := mustCreate(st, c, csrf)
	if _, body := st.get(c, fresh); !strings.Contains(body, `data-phrase="`+notes[1]+`"`) {
		t.Error("Enter forgot a phrase")
	}
}

// The header's navigation stays on one line for every role from 1024 px
// (the administrator's system pages in one 系统管理 list, 我的账号 by the
// name), and the list opens and closes as a menu does.
func TestBrowserHeaderOneLine(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	b := newBrowserTest(t)
	for _, u := range []string{"admin", "head", "clerk", "district", "city", "finance"} {
		b.login(u)
		for _, w := range []int64{1366, 1280, 1024} {
			b.do(chromedp.EmulateViewport(w, 600), chromedp.Navigate(b.base+"/admin/"), chromedp.WaitVisible(chromedp.CSS(`nav.wide`)))
			// every entry and the name at the same height: one line
			rows, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]float64](`[...document.querySelectorAll('nav.wide > a, nav.wide > details > summary, .who .name')].map(e => { const r = e.getBoundingClientRect(); return Math.round(r.top + r.height / 2) })`))
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) < 6 || slices.Max(rows)-slices.Min(rows) > 4 {
				t.Errorf("%s at %d px: the header's entries stand at %v", u, w, rows)
			}
		}
		b.do(chromedp.Navigate(b.base + "/logout"))
	}
	b.login("admin")
	b.do(chromedp.EmulateViewport(1280, 600), chromedp.Navigate(b.base+"/admin/"))
	visible := func() bool {
		v, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.querySelector('.navgroup a[href="/admin/users"]').checkVisibility()`))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if visible() {
		t.Fatal("the 系统管理 list is open before it is clicked")
	}
	b.do(chromedp.Click(chromedp.CSS(`.navgroup summary`)))
	if !visible() {
		t.Fatal("系统管理 does not open")
	}
	b.do(chromedp.Click(chromedp.CSS(`main h1`)))
	if visible() {
		t.Error("the 系统管理 list stays open after a click elsewhere")
	}
	b.do(chromedp.Click(chromedp.CSS(`.navgroup summary`)), chromedp.Click(chromedp.CSS(`.navgroup a[href="/admin/calendar"]`)))
	b.waitPath(`^/admin/calendar$`)
	b.do(chromedp.Click(chromedp.CSS(`.who .name`)))
	b.waitPath(`^/admin/password$`)
}
