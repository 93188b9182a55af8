package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"gongkai/internal/org"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

var (
	listTokenRe = regexp.MustCompile(`name="token" value="([0-9a-f]+)"`)
	passwordRe  = regexp.MustCompile(`<td translate="no">(bulk\d)</td><td>[^<]*</td><td translate="no"><code>([^<]+)</code>`)
)

// The administrator uploads a county's agencies and then its staff on the
// 机关 and 用户 pages: a preview with every problem by row and column (and
// no way to confirm), then a clean list confirmed once; each first password
// is shown on that page only, never cached, and signs its user in.
func TestWebListImports(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		st := newSite(t, s)
		ctx := context.Background()
		ac, csrf := st.login("admin")
		county, err := s.AgencyByName(ctx, "新乡县人民政府")
		if err != nil {
			t.Fatal(err)
		}
		if _, body := st.get(ac, "/admin/agencies"); !strings.Contains(body, `action="/admin/agencies/import"`) || !strings.Contains(body, "机关名称（必填）") {
			t.Fatal("no upload form on the 机关 page")
		}
		under := map[string]string{"csrf": csrf, "under": fmt.Sprint(county.ID)}
		bad := "机关名称,级别,上级机关\n新乡县文化馆,县级人民政府部门,\n新乡县教育局,县级人民政府部门,\n新乡县图书馆,馆,\n"
		code, _, body := st.upload(ac, "/admin/agencies/import", under, "机关.csv", []byte(bad))
		if code != http.StatusOK || !strings.Contains(body, "1 个机关可以新建，2 处问题") || !strings.Contains(body, "第 3 行 A 列（机关名称）：已有名为“新乡县教育局”的机关") ||
			strings.Contains(body, "确认导入") {
			t.Fatalf("a list with problems: %d %s", code, body)
		}
		if _, err := s.AgencyByName(ctx, "新乡县文化馆"); err == nil {
			t.Fatal("the preview created an agency")
		}
		good := "机关名称,级别,上级机关\n新乡县文化馆,县级人民政府部门,\n新乡县文化馆分馆,县级人民政府部门,新乡县文化馆\n"
		_, _, body = st.upload(ac, "/admin/agencies/import", under, "机关.csv", []byte(good))
		m := listTokenRe.FindStringSubmatch(body)
		if m == nil || !strings.Contains(body, "2 个机关可以新建，0 处问题") ||
			!strings.Contains(body, "<td>3</td><td>新乡县文化馆分馆</td><td>县级人民政府部门</td><td>新乡县文化馆</td>") ||
			!strings.Contains(body, "<td>2</td><td>新乡县文化馆</td><td>县级人民政府部门</td><td>新乡县人民政府</td>") {
			t.Fatalf("a clean list: %s", body)
		}
		confirm := url.Values{"csrf": {csrf}, "token": {m[1]}, "name": {"机关.csv"}}
		if code, body, _ := st.post(ac, "/admin/users/import/confirm", confirm); code == http.StatusOK || strings.Contains(body, "已新建") {
			t.Fatalf("a list of agencies confirmed on the users' page: %d", code)
		}
		if code, body, _ := st.post(ac, "/admin/agencies/import/confirm", confirm); code != http.StatusOK || !strings.Contains(body, "已新建 2 个机关") {
			t.Fatalf("confirm: %d %s", code, body)
		}
		hall, err := s.AgencyByName(ctx, "新乡县文化馆分馆")
		if err != nil || hall.ParentID == nil {
			t.Fatalf("the branch: %v", err)
		}
		if code, body, _ := st.post(ac, "/admin/agencies/import/confirm", confirm); code == http.StatusOK || !strings.Contains(body, "没有找到待导入的名单") {
			t.Errorf("confirmed twice: %d", code)
		}

		users := "机关,用户名,姓名,角色,电子邮箱\n新乡县文化馆,bulk1,周一,办理人,\n新乡县文化馆分馆,bulk2,吴二,负责人,wu@example.gov.cn\n"
		_, _, body = st.upload(ac, "/admin/users/import", under, "用户.csv", []byte(users))
		if m = listTokenRe.FindStringSubmatch(body); m == nil {
			t.Fatalf("users: %s", body)
		}
		req, _ := http.NewRequest("POST", st.srv.URL+"/admin/users/import/confirm", strings.NewReader(url.Values{"csrf": {csrf}, "token": {m[1]}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", st.srv.URL)
		resp, err := ac.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		page, _ := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		body = string(page)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, "已新建 2 个用户") || resp.Header.Get("Cache-Control") != "no-store" ||
			!strings.Contains(body, `download="初始密码.csv"`) || !strings.Contains(body, `href="data:text/csv;charset=utf-8;base64,`) {
			t.Fatalf("users confirmed: %d %q %s", resp.StatusCode, resp.Header.Get("Cache-Control"), body)
		}
		got := passwordRe.FindAllStringSubmatch(body, -1)
		if len(got) != 2 {
			t.Fatalf("%d passwords shown", len(got))
		}
		for _, g := range got {
			u, hash, err := s.UserByLogin(ctx, g[1])
			if err != nil || !org.CheckPassword(hash, g[2]) {
				t.Errorf("%s cannot sign in with the password shown: %v", g[1], err)
			}
			if g[1] == "bulk2" && (u.Role != "approver" || u.AgencyID != hall.ID) {
				t.Errorf("bulk2: %+v", u)
			}
		}

		cl, ccsrf := st.login("clerk")
		if code, _, _ := st.upload(cl, "/admin/agencies/import", map[string]string{"csrf": ccsrf, "under": fmt.Sprint(county.ID)}, "机关.csv", []byte(good)); code != http.StatusForbidden {
			t.Errorf("a clerk uploaded a list: %d", code)
		}
	})
}
