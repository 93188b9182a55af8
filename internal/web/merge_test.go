package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// editRace is two people on one record's edit form, in an editor: the form
// (posting to action) is on the page at path; a and b are two of its
// fields, each with two values a person may type.
type editRace struct {
	name, path, action string
	a, b               string
	a1, a2, b1         string
}

// run plays it out. The first saves a change of a. The second, from a form
// opened before that save, a change of b: saved, merged — a keeps the
// first's value (?ok=merged says so). A third, from the same stale form,
// changes a to another value: refused (409), its form showing the third's
// a and the second's b (the stale b, saved again, would undo the second's
// change unseen); that form sent as shown is saved.
func (e editRace) run(t *testing.T, st *site, c *http.Client) {
	t.Helper()
	_, page := st.get(c, e.path)
	stale := formFields(page, e.action)
	if stale.Get("seen") == "" || stale.Get("opened") == "" {
		t.Fatalf("%s: the form carries no fingerprint or values: %v", e.name, stale)
	}
	if stale.Get(e.a) == e.a1 || stale.Get(e.b) == e.b1 {
		t.Fatalf("%s: the form shows %s=%q %s=%q already", e.name, e.a, stale.Get(e.a), e.b, stale.Get(e.b))
	}
	with := func(f url.Values, kv ...string) url.Values {
		out := url.Values{}
		for k, v := range f {
			out[k] = append([]string(nil), v...)
		}
		for i := 0; i < len(kv); i += 2 {
			out.Set(kv[i], kv[i+1])
		}
		return out
	}
	if code, body, _ := st.post(c, e.action, with(stale, e.a, e.a1)); code != http.StatusSeeOther {
		t.Fatalf("%s: the first save: %d %s", e.name, code, errorsOf(body))
	}
	code, body, loc := st.post(c, e.action, with(stale, e.b, e.b1))
	if code != http.StatusSeeOther || !strings.Contains(loc, "ok=merged") {
		t.Fatalf("%s: the second save, of another field: %d %s %s", e.name, code, loc, errorsOf(body))
	}
	if _, said := st.get(c, loc); !strings.Contains(said, "已一并保留") {
		t.Errorf("%s: the page after the merge does not say so", e.name)
	}
	_, page = st.get(c, e.path)
	now := formFields(page, e.action)
	if now.Get(e.a) != e.a1 || now.Get(e.b) != e.b1 {
		t.Fatalf("%s: after the merge %s=%q %s=%q, want %q and %q", e.name, e.a, now.Get(e.a), e.b, now.Get(e.b), e.a1, e.b1)
	}
	code, body, _ = st.post(c, e.action, with(stale, e.a, e.a2))
	if code != http.StatusConflict {
		t.Fatalf("%s: a change of the field another changed: %d %s", e.name, code, errorsOf(body))
	}
	shown := formFields(body, e.action)
	if shown.Get(e.a) != e.a2 || shown.Get(e.b) != e.b1 {
		t.Errorf("%s: the refused form shows %s=%q %s=%q, want %q and %q", e.name, e.a, shown.Get(e.a), e.b, shown.Get(e.b), e.a2, e.b1)
	}
	if msg := errorsOf(body); !strings.Contains(msg, e.a1) || !strings.Contains(msg, e.a2) || !strings.Contains(msg, "已填入表中") {
		t.Errorf("%s: the refusal does not name the field both changed, or say the other's change is kept: %s", e.name, msg)
	}
	if code, body, _ := st.post(c, e.action, shown); code != http.StatusSeeOther {
		t.Fatalf("%s: the refused form sent again: %d %s", e.name, code, errorsOf(body))
	}
	_, page = st.get(c, e.path)
	if now := formFields(page, e.action); now.Get(e.a) != e.a2 || now.Get(e.b) != e.b1 {
		t.Errorf("%s: at the end %s=%q %s=%q", e.name, e.a, now.Get(e.a), e.b, now.Get(e.b))
	}
}

// errorsOf is the error lines of a page, to say why a save failed.
func errorsOf(body string) string {
	var out []string
	for _, m := range regexp.MustCompile(`class="err"[^>]*>([^<]*)<`).FindAllStringSubmatch(body, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return strings.Join(out, " | ")
}

// Two people editing one record in each back-office editor: a change of
// another field is merged, a change of the same field is the second's to
// decide on a form that keeps the first's other changes.
func TestEditsMergedOrRefused(t *testing.T) {
	st := demoSite(t)
	c, csrf := st.login("clerk")
	if code, _, _ := st.post(c, "/admin/normative", url.Values{"csrf": {csrf}, "kind": {"normative"}, "title": {"卫滨区校外培训机构管理暂行办法"},
		"doc_no": {"卫教规〔2025〕3号"}, "issued_on": {"2025-01-15"}}); code != http.StatusSeeOther {
		t.Fatalf("register: %d", code)
	}
	if code, _, _ := st.post(c, "/admin/appeals", url.Values{"csrf": {csrf}, "kind": {"review"}, "body": {"新乡市卫滨区人民政府"},
		"applicant": {"王某"}, "filed_on": {"2026-03-02"}}); code != http.StatusSeeOther {
		t.Fatalf("a 复议: %d", code)
	}
	if code, body, _ := st.post(c, "/admin/newmedia", url.Values{"csrf": {csrf}, "platform": {"wechat"}, "name": {"卫滨教体资讯"},
		"sponsor": {"卫滨区教育体育和文化旅游局"}, "state": {"running"}, "own": {"1"}}); code != http.StatusSeeOther {
		t.Fatalf("an account: %d %s", code, errorsOf(body))
	}
	if code, _, _ := st.post(c, "/admin/columns", url.Values{"csrf": {csrf}, "name": {"校外培训公示"}, "kind": {"notice"}}); code != http.StatusSeeOther {
		t.Fatalf("a column: %d", code)
	}
	last := func(path, pattern string) string {
		_, page := st.get(c, path)
		m := regexp.MustCompile(pattern).FindAllStringSubmatch(page, -1)
		if m == nil {
			t.Fatalf("%s: no form like %s", path, pattern)
		}
		return m[len(m)-1][1]
	}
	doc := last("/admin/normative", `action="(/admin/normative/\d+)"`)
	rec := last("/admin/appeals", `action="(/admin/appeals/\d+)"`)
	_, list := st.get(c, "/admin/newmedia")
	acc := regexp.MustCompile(`href="((/admin/newmedia/\d+)\?agency=\d+)"[^>]*>卫滨教体资讯<`).FindStringSubmatch(list)
	if acc == nil {
		t.Fatal("the account is not listed")
	}
	kase := regexp.MustCompile(`href="(/admin/cases/\d+)"`).FindStringSubmatch(func() string { _, p := st.get(c, "/admin/cases"); return p }())
	if kase == nil {
		t.Fatal("no case listed")
	}
	col := last("/admin/columns", `action="(/admin/columns/\d+)" class="form"><input type="hidden" name="csrf" value="[^"]*"><input type="hidden" name="seen"`)
	for _, e := range []editRace{
		{name: "registration", path: kase[1] + "/edit", action: kase[1] + "/edit", a: "address", b: "description",
			a1: "卫滨区胜利路1号", a2: "卫滨区胜利路2号", b1: "申请公开2025年本区学区划分方案\n及其依据"},
		{name: "normative", path: "/admin/normative", action: doc, a: "title", b: "note",
			a1: "卫滨区校外培训机构管理办法", a2: "卫滨区校外培训机构管理规定", b1: "经合法性审核"},
		{name: "appeal", path: "/admin/appeals", action: rec, a: "number", b: "note",
			a1: "卫政复〔2026〕1号", a2: "卫政复〔2026〕2号", b1: "申请人要求公开征收补偿方案"},
		{name: "account", path: acc[1], action: acc[2], a: "sponsor", b: "feed_url",
			a1: "卫滨区教育局", a2: "卫滨区文化旅游局", b1: "https://example.cn/feed.xml"},
		{name: "account's box", path: acc[1], action: acc[2], a: "note", b: "own", // unticked by the second
			a1: "主要发布教育动态", a2: "已备案", b1: ""},
		{name: "column", path: "/admin/columns", action: col, a: "name", b: "last_update",
			a1: "校外培训机构公示", a2: "校外培训公告", b1: "2026-11-20"},
	} {
		e.run(t, st, c)
	}
	adm, _ := st.login("admin")
	_, page := st.get(adm, "/admin/agencies")
	ag := regexp.MustCompile(`action="(/admin/agencies/\d+)"`).FindStringSubmatch(page)
	if ag == nil {
		t.Fatal("no agency form")
	}
	for _, e := range []editRace{
		{name: "settings", path: "/admin/settings", action: "/admin/settings", a: "correction_period", b: "column_veto_count",
			a1: "10", a2: "12", b1: "6"},
		{name: "settings' box", path: "/admin/settings", action: "/admin/settings", a: "correction_period", b: "fee_pauses_clock",
			a1: "11", a2: "13", b1: ""}, // unticked
		{name: "agency", path: "/admin/agencies", action: ag[1], a: "phone", b: "hours",
			a1: "0373-5000001", a2: "0373-5000002", b1: "工作日 8:30–12:00，14:30–17:30"},
	} {
		e.run(t, st, adm)
	}
}
