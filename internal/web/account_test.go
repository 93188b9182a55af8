package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"gongkai/internal/casework"
	"gongkai/internal/clock"
	"gongkai/internal/ops"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// A session unused for longer than 办理规则 allows ends: the next page goes
// to the login page, which says why. The keepalive the pages call while
// someone types keeps it, and gives the page its form token.
func TestWebIdleSession(t *testing.T) {
	var mu sync.Mutex
	t0 := now
	moved := t0
	clk := clock.Func(clock.Shanghai(), func() time.Time { mu.Lock(); defer mu.Unlock(); return moved })
	wait := func(d time.Duration) { mu.Lock(); moved = moved.Add(d); mu.Unlock() }
	st := demoSiteAt(t, clk)
	c, csrf := st.login("clerk")
	if _, body := st.get(c, "/admin/"); !strings.Contains(body, `data-keepalive="30"`) {
		t.Fatal("the back office's pages do not say the idle limit to their script")
	}
	for range 4 {
		wait(25 * time.Minute)
		resp, err := c.Get(st.srv.URL + "/admin/keepalive")
		if err != nil {
			t.Fatal(err)
		}
		var got struct{ CSRF string }
		err = json.NewDecoder(resp.Body).Decode(&got)
		_ = resp.Body.Close()
		if err != nil || resp.StatusCode != 200 || got.CSRF != csrf || resp.Header.Get("Cache-Control") != "no-store" {
			t.Fatalf("keepalive: %d %v %q", resp.StatusCode, err, got.CSRF)
		}
	}
	wait(31 * time.Minute)
	code, _, loc := st.post(c, "/admin/cases", url.Values{"csrf": {csrf}})
	if code != http.StatusSeeOther || loc != "/login?ok=idle" {
		t.Fatalf("after 31 minutes unused: %d %s", code, loc)
	}
	if _, body := st.get(c, loc); !strings.Contains(body, "长时间未操作，已自动退出") {
		t.Error("the login page does not say why")
	}
	if code, _ := st.get(c, "/admin/"); code != http.StatusSeeOther {
		t.Errorf("the ended session opened a page: %d", code)
	}
}

// With 管理员设置的密码须修改 on, a user whose password the administrator
// reset reaches only 我的账号 until they change it: pages lead there, forms
// are refused with the reason; then everything opens again.
func TestWebMustChangePassword(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		st := newSite(t, s)
		ac, acsrf := st.login("admin")
		admin, _, err := s.UserByLogin(context.Background(), "admin")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.b.Ops.SaveSettings(context.Background(), ops.User(admin), map[string]string{"first_change": "true", "password_rule": "classes"}, ""); err != nil {
			t.Fatal(err)
		}
		u, _, err := s.UserByLogin(context.Background(), "clerk")
		if err != nil {
			t.Fatal(err)
		}
		reset := fmt.Sprintf("/admin/users/%d", u.ID)
		if code, body, _ := st.post(ac, reset, url.Values{"csrf": {acsrf}, "do": {"reset"}, "password": {"weakpassword"}}); code != http.StatusUnprocessableEntity || !strings.Contains(body, "至少三种") {
			t.Fatalf("a weak reset: %d", code)
		}
		if code, _, _ := st.post(ac, reset, url.Values{"csrf": {acsrf}, "do": {"reset"}, "password": {"Temp-Pass-1"}}); code != http.StatusSeeOther {
			t.Fatalf("reset: %d", code)
		}
		c := st.browser()
		_, body := st.get(c, "/login")
		if code, _, _ := st.post(c, "/login", url.Values{"csrf": {token(body)}, "login": {"clerk"}, "password": {"Temp-Pass-1"}}); code != http.StatusSeeOther {
			t.Fatalf("login: %d", code)
		}
		if code, _ := st.get(c, "/admin/cases"); code != http.StatusSeeOther {
			t.Fatalf("the case list opened: %d", code)
		}
		code, body := st.get(c, "/admin/password")
		csrf := token(body)
		if code != 200 || !strings.Contains(body, "您的密码是管理员设置的") || !strings.Contains(body, "含大写字母、小写字母、数字、符号中的至少三种") {
			t.Fatalf("我的账号: %d", code)
		}
		if code, body, _ := st.post(c, "/admin/cases", url.Values{"csrf": {csrf}}); code != http.StatusForbidden || !strings.Contains(body, "请先修改") {
			t.Fatalf("a form before the change: %d", code)
		}
		// the rest of 我的账号 stays usable
		if code, _, _ := st.post(c, "/admin/email", url.Values{"csrf": {csrf}, "email": {"zhang@example.gov.cn"}}); code != http.StatusSeeOther {
			t.Errorf("the address on 我的账号 before the change: %d", code)
		}
		// emptied, the page says plainly that no reminder will come
		if code, body := st.follow(c, "/admin/email", url.Values{"csrf": {csrf}, "email": {""}}); code != 200 || !strings.Contains(body, "已清除电子邮箱：今后不再收到到期提醒邮件") {
			t.Errorf("the address emptied: %d", code)
		}
		if code, body := st.follow(c, "/admin/email", url.Values{"csrf": {csrf}, "email": {"zhang@example.gov.cn"}}); code != 200 || strings.Contains(body, "已清除") {
			t.Errorf("the address set again: %d", code)
		}
		if code, _, loc := st.post(c, "/admin/password", url.Values{"csrf": {csrf}, "old": {"Temp-Pass-1"}, "password": {"Mine-Only-2"}, "again": {"Mine-Only-2"}}); code != http.StatusSeeOther || loc != "/login" {
			t.Fatalf("change: %d %s", code, loc)
		}
		_, body = st.get(c, "/login")
		if code, _, _ := st.post(c, "/login", url.Values{"csrf": {token(body)}, "login": {"clerk"}, "password": {"Mine-Only-2"}}); code != http.StatusSeeOther {
			t.Fatalf("login again: %d", code)
		}
		if code, _ := st.get(c, "/admin/cases"); code != http.StatusOK {
			t.Fatalf("after the change: %d", code)
		}
	})
}

// The 工作台 says when the user last signed in, and the wrong passwords
// tried on the account since.
func TestWebLastSignIn(t *testing.T) {
	st := demoSite(t)
	c, _ := st.login("clerk")
	if _, body := st.get(c, "/admin/"); !strings.Contains(body, "这是您第一次登录") {
		t.Error("the first sign-in is not said")
	}
	other := st.browser()
	_, page := st.get(other, "/login")
	if code, _, _ := st.post(other, "/login", url.Values{"csrf": {token(page)}, "login": {"clerk"}, "password": {"not-the-password"}}); code != http.StatusUnauthorized {
		t.Fatalf("a wrong password: %d", code)
	}
	c, _ = st.login("clerk")
	_, body := st.get(c, "/admin/")
	if !strings.Contains(body, "上次登录：2026-11-24 10:00，来自 127.0.0.1") || !strings.Contains(body, "此后有 1 次密码错误的登录尝试") {
		t.Errorf("the 工作台 does not say the last sign-in and the failed one: %s", body[strings.Index(body, "<main>"):][:600])
	}
}

// The applicant sends the 补正 asked for from the status page: a file the
// form refuses keeps what was typed; a good one lands on the case page and
// the 工作台, and the status page says it awaits confirmation.
func TestWebOnlineCorrection(t *testing.T) {
	st := demoSite(t)
	c, _ := st.login("clerk")
	cs, loc := awaitingCorrection(t, st, c)
	v := st.browser()
	_, page := st.get(v, "/status?code="+cs.Code)
	if !strings.Contains(page, "在线提交补正") || !strings.Contains(page, "请明确学段") {
		t.Fatal("the status page offers no 补正 form")
	}
	if !strings.Contains(page, `action="/status/correction?code=`+cs.Code+`"`) {
		t.Fatal("the form does not carry the 查询码 in its address")
	}
	fields := map[string]string{"csrf": token(page), "text": "申请初中学段的招生计划。"}
	code, _, body := st.upload(v, "/status/correction?code="+cs.Code, fields, "身份证.pdf", []byte("not a pdf"))
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "内容与扩展名.pdf不符") || !strings.Contains(body, "申请初中学段的招生计划。</textarea>") {
		t.Fatalf("a bad file: %d", code)
	}
	code, where, _ := st.upload(v, "/status/correction?code="+cs.Code, fields, "身份证.pdf", []byte("%PDF-1.4\n"))
	if code != http.StatusSeeOther || !strings.HasPrefix(where, "/status?ok=correction") {
		t.Fatalf("send: %d %s", code, where)
	}
	if _, page = st.get(v, where); !strings.Contains(page, "补正已提交，待受理机关确认收到") || !strings.Contains(page, "在线提交补正，待受理机关确认收到") {
		t.Error("the status page does not say it was sent")
	}
	if _, page = st.get(c, loc); !strings.Contains(page, "申请人在线提交的补正") || !strings.Contains(page, "<p>申请初中学段的招生计划。</p>") || !strings.Contains(page, "申请人（在线补正）") {
		t.Error("the case page does not show the 补正 and its file")
	}
	if _, page = st.get(c, "/admin/"); !strings.Contains(page, "申请人已在线提交补正，待确认") {
		t.Error("the 工作台 does not mark it")
	}
	// the 案卷: the 办理记录 has what was typed, the file is among its files
	record := caseRecord(t, st, c, loc)
	for _, want := range []string{"三、申请人在线提交的补正和撤回申请", "申请初中学段的招生计划。", "四、卷内文件目录", "附件：身份证.pdf（申请人", "04身份证.pdf"} {
		if !strings.Contains(record, want) {
			t.Errorf("the 办理记录 lacks %q:\n%s", want, record)
		}
	}
}

// The applicant asks to withdraw from the status page: unticked, the page
// says so and keeps the reason; ticked, it is sent, said on the status page
// and on the case page, and listed on the 工作台.
func TestWebWithdrawRequest(t *testing.T) {
	st := demoSite(t)
	c, csrf := st.login("clerk")
	id, loc := mustCreate(st, c, csrf)
	cs, err := st.s.GetCase(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if _, page := st.get(c, "/admin/"); strings.Contains(page, `id="g-asked"`) {
		t.Error("the 工作台 shows the list of what applicants sent while it is empty")
	}
	v := st.browser()
	_, page := st.get(v, "/status?code="+cs.Code)
	if !strings.Contains(page, "撤回这件申请") {
		t.Fatal("no withdrawal offered")
	}
	form := url.Values{"csrf": {token(page)}, "code": {cs.Code}, "reason": {"已从政府网站查到"}}
	code, body, _ := st.post(v, "/status/withdraw", form)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "请勾选确认撤回这件申请") || !strings.Contains(body, "已从政府网站查到</textarea>") ||
		!strings.Contains(body, `id="withdraw" open`) {
		t.Fatalf("unticked: %d", code)
	}
	form.Set("confirm", "1")
	code, _, where := st.post(v, "/status/withdraw", form)
	if code != http.StatusSeeOther {
		t.Fatalf("sent: %d", code)
	}
	if _, page = st.get(v, where); !strings.Contains(page, "撤回申请已提交，待受理机关确认") || strings.Contains(page, "撤回这件申请</summary>") {
		t.Error("the status page after")
	}
	if _, page = st.get(c, loc); !strings.Contains(page, "申请人在线申请撤回") || !strings.Contains(page, "理由：已从政府网站查到") {
		t.Error("the case page does not show the request")
	}
	if _, page = st.get(c, "/admin/"); !strings.Contains(page, "申请人在线提交了补正或撤回申请，待确认") || !strings.Contains(page, cs.Serial) {
		t.Error("the 工作台 does not list it")
	}
	if _, page = st.get(c, "/admin/cases?asked=1"); !strings.Contains(page, cs.Serial) {
		t.Error("the list's filter")
	}
}

// The 用户 page says when each user last signed in, never for one who has
// not, and points out an account unused for 90 days.
func TestWebUsersLastSignIn(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	var mu sync.Mutex
	moved := now
	st := demoSiteAt(t, clock.Func(clock.Shanghai(), func() time.Time { mu.Lock(); defer mu.Unlock(); return moved }))
	st.login("clerk")
	mu.Lock()
	moved = moved.Add(91 * 24 * time.Hour)
	mu.Unlock()
	st.login("head")
	ac, _ := st.login("admin")
	_, page := st.get(ac, "/admin/users")
	row := func(login string) string {
		i := strings.Index(page, `<td translate="no">`+login+`</td>`)
		if i < 0 {
			t.Fatalf("no row of %s", login)
		}
		return page[i : i+strings.Index(page[i:], "</tr>")]
	}
	if r := row("clerk"); !strings.Contains(r, "2026-11-24 10:00") || !strings.Contains(r, "已 91 天未登录") {
		t.Errorf("clerk's row: %s", r)
	}
	if r := row("head"); strings.Contains(r, "天未登录") || !strings.Contains(r, "2027-02-23 10:00") {
		t.Errorf("head's row: %s", r)
	}
	if r := row("deputy"); !strings.Contains(r, "从未登录") {
		t.Errorf("deputy's row: %s", r)
	}
}

// awaitingCorrection is a new application of the clerk's (c), sent a 补正告知
// (请明确学段), and its page.
func awaitingCorrection(t *testing.T, st *site, c *http.Client) (*casework.Case, string) {
	t.Helper()
	_, page := st.get(c, "/admin/")
	csrf := token(page)
	id, loc := mustCreate(st, c, csrf)
	if code, _, _ := st.post(c, loc+"/steps", url.Values{"csrf": {csrf}, "kind": {"request_correction"}, "note": {"请明确学段"}, "on": {"2026-11-24"}}); code != http.StatusSeeOther {
		t.Fatalf("补正告知: %d", code)
	}
	cs, err := st.s.GetCase(context.Background(), id)
	if err != nil || cs.State != casework.AwaitingCorrection {
		t.Fatalf("not awaiting a 补正: %v", err)
	}
	return cs, loc
}
