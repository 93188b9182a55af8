package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"gongkai/internal/demo"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// What is not text never reaches the database: PostgreSQL refuses a NUL and
// bytes that are not UTF-8, and such a form, search or status query failed
// there with 500 (SQLite stored them). Each is refused with 400, on both
// databases, and nothing is saved; control characters pasted with text
// (a slide's line break is a vertical tab) are taken out of form fields.
func TestNotTextIsRefused(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		st := newSite(t, s)
		ag := mustAgency(st, demo.Main)
		before := len(caseIDs(st, demo.Main))

		v := st.browser()
		path := fmt.Sprintf("/apply/%d", ag)
		_, body := st.get(v, path)
		form := url.Values{"csrf": {token(body)}, "applicant_type": {"natural"}, "name": {"孙某"}, "id_type": {"身份证"}, "id_number": {"11010519491231002X"},
			"phone": {"13700000000"}, "email": {"sun@example.cn"}, "address": {"卫滨区某路2号"}, "description": {"学区划分方案"}, "form": {"电子"}, "delivery": {"电子邮件"}}
		for field, bad := range map[string]string{"name": "孙\x00某", "address": "卫滨区某路\xff\xfe2号", "description": "学区\xe5\xad"} {
			f := url.Values{}
			for k, vs := range form {
				f[k] = slices.Clone(vs)
			}
			f.Set(field, bad)
			for _, p := range []string{path, path + "/confirm"} {
				code, body, _ := st.post(v, p, f)
				if code != http.StatusBadRequest || !strings.Contains(body, "无法识别的字符") {
					t.Errorf("%s with %s %q: %d %.200s", p, field, bad, code, body)
				}
			}
		}

		c, csrf := st.login("clerk")
		for _, p := range []string{"/status?code=%00", "/status?code=%FF%FE", "/catalog?q=%00", "/catalog?q=%01", "/?q=%FF", "/receipt/%00"} {
			if code, body := st.get(v, p); code != http.StatusBadRequest || !strings.Contains(body, "网址中有无法识别的字符") {
				t.Errorf("%s: %d %.200s", p, code, body)
			}
		}
		for _, p := range []string{"/admin/cases?q=%00", "/admin/cases?q=%FF", "/admin/catalog?q=%00"} {
			if code, _ := st.get(c, p); code != http.StatusBadRequest {
				t.Errorf("%s: %d", p, code)
			}
		}
		if n := len(caseIDs(st, demo.Main)); n != before {
			t.Errorf("%d cases saved from bad input", n-before)
		}

		f := intakeForm(csrf)
		f.Set("description", "第一行\v第二行\x01\x1b⼈⺠政府")
		if code, _, loc := st.post(c, "/admin/cases", f); code != http.StatusSeeOther || !strings.HasPrefix(loc, "/admin/cases/") {
			t.Fatalf("intake with pasted control characters: %d %s", code, loc)
		}
		ids := caseIDs(st, demo.Main)
		cs, err := st.s.GetCase(context.Background(), slices.Max(ids))
		if err != nil {
			t.Fatal(err)
		}
		if got := cs.Intake.Request.Description; got != "第一行\n第二行人民政府" { // (a PDF's look-alikes ⼈⺠ are 人民)
			t.Errorf("description = %q", got)
		}
	})
}
