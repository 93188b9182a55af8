package web_test

import (
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gongkai/internal/demo"
)

var (
	hrefRe  = regexp.MustCompile(`href="(/[^"#]*)`)
	digitRe = regexp.MustCompile(`\d+`)
)

// Every link on every page works: each demo user (and a visitor) follows
// the links of the pages they can reach, from the 工作台 outwards, and none
// leads to a page that is missing, refused or fails (4xx, 5xx: a link the
// page should not have offered), or to one with English on it. A few addresses of each shape are followed (a case page
// stands for all case pages), so that the walk ends.
func TestEveryLinkWorks(t *testing.T) {
	t.Parallel()
	st := demoSite(t)
	users := []string{""}
	for _, l := range demo.Logins {
		users = append(users, l.Login)
	}
	const perShape, most = 3, 160
	for _, u := range users {
		c := st.browser()
		start := "/"
		if u != "" {
			c, _ = st.login(u)
			start = "/admin/"
		}
		seen := map[string]bool{start: true}
		shapes := map[string]int{}
		queue := []string{start}
		from := map[string]string{}
		pages := 0
		for len(queue) > 0 && pages < most {
			p := queue[0]
			queue = queue[1:]
			pages++
			resp, err := c.Get(st.srv.URL + p)
			if err != nil {
				t.Fatal(err)
			}
			ct := resp.Header.Get("Content-Type")
			var body string
			if strings.HasPrefix(ct, "text/html") {
				b, _ := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
				body = string(b)
			}
			resp.Body.Close()
			switch code := resp.StatusCode; {
			case code >= 400:
				t.Errorf("%q: %s (linked from %s): %d", u, p, from[p], code)
				continue
			case code == http.StatusSeeOther || code == http.StatusFound:
				if loc := resp.Header.Get("Location"); strings.HasPrefix(loc, "/login") && u != "" {
					t.Errorf("%q: %s (linked from %s) sends a signed-in user to sign in", u, p, from[p])
				}
				continue
			}
			if body == "" {
				continue
			}
			if words := englishIn(body); len(words) > 0 {
				t.Errorf("%q: %s has English: %v", u, p, words)
			}
			for _, m := range hrefRe.FindAllStringSubmatch(body, -1) {
				next := strings.ReplaceAll(m[1], "&amp;", "&")
				if next == "/logout" || strings.HasPrefix(next, "/static/") || seen[next] {
					continue
				}
				seen[next] = true
				pu, err := url.Parse(next)
				if err != nil {
					t.Errorf("%q: %s links to %q: %v", u, p, next, err)
					continue
				}
				shape := digitRe.ReplaceAllString(pu.Path, "N") + "?" + digitRe.ReplaceAllString(sortedKeys(pu.Query()), "N")
				if shapes[shape]++; shapes[shape] > perShape {
					continue
				}
				from[next] = p
				queue = append(queue, next)
			}
		}
		if u != "" && pages < 40 || pages < 10 {
			t.Errorf("%q: only %d pages reached", u, pages)
		}
	}
}

// sortedKeys is the names of a query's parameters, in order.
func sortedKeys(q url.Values) string {
	var ks []string
	for k := range q {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return strings.Join(ks, "&")
}
