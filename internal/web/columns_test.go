package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gongkai/internal/demo"
	"gongkai/internal/org"
	"gongkai/internal/store"
)

// The 网站栏目 page counts the agency's columns against the census's veto
// items, and the 工作台 says when they reach one; a supervising office sees
// every agency below it, the failing first, and opens one agency's columns
// to read, not to change. A column merged away is taken off the register.
func TestColumnsVetoPage(t *testing.T) {
	t.Parallel()
	st := demoSite(t)
	main := mustAgency(st, demo.Main)
	c, csrf := st.login("clerk")
	_, body := st.get(c, "/admin/columns")
	if !strings.Contains(body, "共 4 个栏目：超期未更新 1 个，空白栏目 1 个。未达到单项否决的 5 个。") || strings.Contains(body, "所辖机关网站栏目") {
		t.Fatalf("the clerk's page:\n%s", pageText(body))
	}
	if _, body = st.get(c, "/admin/"); strings.Contains(body, "网站栏目单项否决提醒") {
		t.Error("the 工作台 warns of columns that pass")
	}
	for i := range 4 {
		if code, _, _ := st.post(c, "/admin/columns", url.Values{"csrf": {csrf}, "name": {fmt.Sprintf("专题%d", i)}, "kind": {"notice"}}); code != http.StatusSeeOther {
			t.Fatalf("column %d: %d", i, code)
		}
	}
	_, body = st.get(c, "/admin/columns")
	if !strings.Contains(body, "共 8 个栏目：超期未更新 1 个，空白栏目 5 个。") || !strings.Contains(body, "按政府网站普查指标单项否决：空白栏目 5 个，达到 5 个。") || !strings.Contains(body, "从未更新（空白栏目）") {
		t.Errorf("five blank columns:\n%s", pageText(body))
	}
	ids := regexp.MustCompile(`action="/admin/columns/(\d+)/remove"`).FindAllStringSubmatch(body, -1)
	if len(ids) != 8 {
		t.Fatalf("remove forms: %d", len(ids))
	}
	if _, dash := st.get(c, "/admin/"); !strings.Contains(pageText(dash), "网站栏目单项否决提醒"+demo.Main+"：空白栏目 5 个，达到 5 个") {
		t.Errorf("the 工作台 does not warn:\n%s", pageText(dash))
	}
	if code, _ := st.get(c, "/admin/columns?agency="+fmt.Sprint(mustAgency(st, "卫滨区财政局"))); code != http.StatusNotFound {
		t.Errorf("another agency's columns to its clerk: %d", code)
	}

	d, _ := st.login("district")
	_, body = st.get(d, "/admin/columns")
	text := pageText(body)
	if !strings.Contains(text, "所辖机关网站栏目") || !strings.Contains(body, fmt.Sprintf(`href="/admin/columns?agency=%d&amp;show=&amp;page=1"`, main)) ||
		strings.Index(text, demo.Main) > strings.Index(text, "卫滨区财政局") || !strings.Contains(text, "单项否决：空白栏目 5 个，达到 5 个") ||
		strings.Contains(body, "<h2>登记栏目</h2>") {
		t.Errorf("the district's page:\n%s", text)
	}
	if _, dash := st.get(d, "/admin/"); !strings.Contains(dash, fmt.Sprintf(`<a href="/admin/columns?agency=%d" class="user-text">%s</a>`, main, demo.Main)) {
		t.Error("the district's 工作台 does not name the agency")
	}
	_, body = st.get(d, fmt.Sprintf("/admin/columns?agency=%d", main))
	if !strings.Contains(pageText(body), "网站栏目："+demo.Main) || !strings.Contains(body, "专题3") || strings.Contains(body, "<summary>修改</summary>") || strings.Contains(body, "/remove") {
		t.Errorf("one agency's columns to the district:\n%s", pageText(body))
	}
	// only the failing: the bureau alone
	_, body = st.get(d, "/admin/columns?show=veto")
	if text := pageText(body); !regexp.MustCompile(`共 \d+ 个机关：全部　单项否决 1 个　未登记栏目 \d+ 个`).MatchString(text) ||
		strings.Count(body, `<strong class="bad">单项否决</strong>`) != 1 || strings.Contains(text, "卫滨区财政局") {
		t.Errorf("the failing agencies only:\n%s", text)
	}
	if code, _ := st.get(d, "/admin/columns?agency=x"); code != http.StatusBadRequest && code != http.StatusUnprocessableEntity {
		t.Errorf("a bad agency: %d", code)
	}
	last := "/admin/columns/" + ids[7][1] + "/remove"
	if code, _, _ := st.post(d, last, url.Values{"csrf": {token(body)}, "confirm": {"1"}}); code != http.StatusForbidden && code != http.StatusNotFound {
		t.Errorf("the district removes a column: %d", code)
	}

	// a blank column merged away: refused without the tick, then taken off
	// the register and out of the count
	if code, body, _ := st.post(c, last, url.Values{"csrf": {csrf}}); code != http.StatusUnprocessableEntity || !strings.Contains(body, "请勾选确认后再删除栏目") {
		t.Errorf("without the tick: %d", code)
	}
	if code, body := st.follow(c, last, url.Values{"csrf": {csrf}, "confirm": {"1"}}); code != http.StatusOK || !strings.Contains(body, "已删除。") ||
		!strings.Contains(body, "共 7 个栏目：超期未更新 1 个，空白栏目 4 个。未达到单项否决的 5 个。") || strings.Contains(body, "专题3") {
		t.Errorf("removed: %d\n%s", code, pageText(body))
	}
	if code, _, _ := st.post(c, last, url.Values{"csrf": {csrf}, "confirm": {"1"}}); code != http.StatusNotFound {
		t.Errorf("removed twice: %d", code)
	}
}

var tagRe = regexp.MustCompile(`<[^>]+>`)

// pageText is a page's text, its tags taken out.
func pageText(body string) string { return tagRe.ReplaceAllString(body, "") }

// A province's office sees hundreds of agencies: the table goes a page of
// 50 at a time, and the filter keeps to its page's links.
func TestColumnsOfManyAgencies(t *testing.T) {
	t.Parallel()
	st := demoSite(t)
	gov := mustAgency(st, "新乡市卫滨区人民政府")
	for i := range 60 {
		a := &org.Agency{Name: fmt.Sprintf("卫滨区第%02d局", i), Level: "county_department", ParentID: &gov}
		if err := st.s.InTx(context.Background(), func(tx *store.Tx) error { return tx.CreateAgency(context.Background(), a) }); err != nil {
			t.Fatal(err)
		}
	}
	d, _ := st.login("district")
	_, body := st.get(d, "/admin/columns?show=none")
	text := pageText(body)
	m := regexp.MustCompile(`第 1–50 个，共 (\d+) 个`).FindStringSubmatch(text)
	if m == nil || strings.Count(body, `<span class="muted">未登记栏目</span>`) != 50 || !strings.Contains(body, "show=none&amp;page=2\">下一页") {
		t.Fatalf("the first page of agencies without columns:\n%s", text)
	}
	_, body = st.get(d, "/admin/columns?show=none&page=2")
	if n, _ := strconv.Atoi(m[1]); strings.Count(body, `<span class="muted">未登记栏目</span>`) != n-50 || !strings.Contains(body, "上一页") || strings.Contains(body, "下一页") {
		t.Errorf("the second page:\n%s", pageText(body))
	}
}

// Two people on one column: a save from a form opened before another's is
// refused (409) beside the column, what was typed kept, the difference named.
func TestColumnSavedByTwo(t *testing.T) {
	t.Parallel()
	st := demoSite(t)
	c, csrf := st.login("clerk")
	_, body := st.get(c, "/admin/columns")
	m := regexp.MustCompile(`action="(/admin/columns/\d+)" class="form"><input type="hidden" name="csrf" value="[^"]*"><input type="hidden" name="seen" value="([0-9a-f]+)">`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("a column's form carries no fingerprint")
	}
	path, seen := m[1], m[2]
	i := strings.Index(body, `action="`+path+`"`)
	name := regexp.MustCompile(`name="name" value="([^"]*)"`).FindStringSubmatch(body[i:])[1]
	kind := regexp.MustCompile(`<option value="(\w+)" selected>`).FindStringSubmatch(body[i:])[1]
	if code, _, _ := st.post(c, path, url.Values{"csrf": {csrf}, "seen": {seen}, "name": {name}, "kind": {kind}, "url": {"https://example.gov.cn/a/"}}); code != http.StatusSeeOther {
		t.Fatalf("first save: %d", code)
	}
	code, body, _ := st.post(c, path, url.Values{"csrf": {csrf}, "seen": {seen}, "name": {name + "（新）"}, "kind": {kind}})
	i = strings.Index(body, `action="`+path+`"`)
	if code != http.StatusConflict || i < 0 || !strings.Contains(body, "它已被他人修改") || !strings.Contains(body, "网址 https://example.gov.cn/a/ → （空）") ||
		!strings.Contains(body[i:], `value="`+name+`（新）"`) {
		t.Errorf("a save over another's: %d\n%s", code, pageText(body))
	}
}

// Two administrators on the 办理规则: the page carries the settings as it
// was opened; a save from it after another's is refused (409) with what
// was typed kept and the settings that differ named.
func TestSettingsSavedByTwo(t *testing.T) {
	t.Parallel()
	st := demoSite(t)
	adm, csrf := st.login("admin")
	_, page := st.get(adm, "/admin/settings")
	m := regexp.MustCompile(`name="seen" value="([0-9a-f]+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the settings page carries no fingerprint")
	}
	form := settingsForm(t, st, csrf)
	form.Set("seen", m[1])
	first := url.Values{}
	for k, v := range form {
		first[k] = v
	}
	first.Set("correction_period", "10")
	if code, _, _ := st.post(adm, "/admin/settings", first); code != http.StatusSeeOther {
		t.Fatalf("first save: %d", code)
	}
	form.Set("column_veto_count", "7")
	code, body, _ := st.post(adm, "/admin/settings", form)
	if code != http.StatusConflict || !strings.Contains(body, "它已被他人修改") || !strings.Contains(body, `name="column_veto_count" type="number" min="1" max="`) ||
		!regexp.MustCompile(`name="column_veto_count"[^>]*value="7"`).MatchString(body) {
		t.Errorf("a save over another's: %d\n%s", code, pageText(body))
	}
}
