package web_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"gongkai/internal/demo"
)

// Every page as each kind of user sees it can be used without seeing it
// (GB/T 37668-2019, WCAG 2.x level A, what a screen reader needs): the
// document's language, one main heading, a name for every field, button,
// link and picture.
func TestPagesAreAccessible(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	st := demoSite(t)
	ids := caseIDs(st, demo.Main)
	ag := mustAgency(st, demo.Main)
	// an application awaiting a 补正: its status page has the form to send it
	clerk, _ := st.login("clerk")
	waiting, _ := awaitingCorrection(t, st, clerk)
	pages := map[string][]string{
		"clerk": {"/admin/", "/admin/cases", "/admin/cases/new", "/admin/reports", "/admin/appeals", "/admin/password", "/admin/help", "/admin/import",
			"/admin/catalog", "/admin/catalog/new", "/admin/normative", "/admin/newmedia", "/admin/columns", "/admin/ledgers", "/admin/check", "/admin/stats",
			fmt.Sprintf("/admin/cases/%d", ids[0]), fmt.Sprintf("/admin/cases/%d", ids[len(ids)/2]), fmt.Sprintf("/admin/cases/%d", ids[len(ids)-1]),
			fmt.Sprintf("/admin/cases/%d/edit", ids[0])},
		"head":     {"/admin/", "/admin/reports?year=2024", "/admin/reports/2024/versions"},
		"district": {"/admin/", "/admin/cases", "/admin/rollup?year=2024", "/admin/audit"},
		"admin":    {"/admin/users", "/admin/agencies", "/admin/calendar", "/admin/settings", "/admin/audit"},
		"": {"/", fmt.Sprintf("/guide/%d", ag), fmt.Sprintf("/apply/%d", ag), "/status", "/status?code=" + waiting.Code, "/login", "/forgot", "/status/forgot", "/catalog",
			"/no-such-page"},
	}
	eachPage(st, pages, func(u, p string, code int, body string) {
		if code >= 500 {
			t.Errorf("%s as %q: %d", p, u, code)
			return
		}
		for _, problem := range a11yProblems(body) {
			t.Errorf("%s as %q: %s", p, u, problem)
		}
	})
}

// a11yProblems lists what a screen reader would miss on a page.
func a11yProblems(page string) []string {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return []string{err.Error()}
	}
	var out []string
	labelled := map[string]bool{} // ids named by a <label for>
	var walk func(n *html.Node, f func(n *html.Node, inLabel bool), inLabel bool)
	walk = func(n *html.Node, f func(*html.Node, bool), inLabel bool) {
		if n.Type == html.ElementNode {
			f(n, inLabel)
			if n.Data == "label" {
				inLabel = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, f, inLabel)
		}
	}
	h1 := 0
	walk(doc, func(n *html.Node, _ bool) {
		if n.Data == "label" && attr(n, "for") != "" {
			labelled[attr(n, "for")] = true
		}
		if n.Data == "html" && attr(n, "lang") == "" {
			out = append(out, "<html> without lang")
		}
		if n.Data == "h1" {
			h1++
		}
	}, false)
	if h1 != 1 {
		out = append(out, fmt.Sprintf("%d <h1> (want one)", h1))
	}
	walk(doc, func(n *html.Node, inLabel bool) {
		named := attr(n, "aria-label") != "" || attr(n, "aria-labelledby") != "" || attr(n, "title") != ""
		switch n.Data {
		case "input", "select", "textarea":
			switch attr(n, "type") {
			case "hidden", "submit", "button", "reset", "image":
				return
			}
			if !inLabel && !named && !labelled[attr(n, "id")] {
				out = append(out, fmt.Sprintf("<%s name=%q> has no label", n.Data, attr(n, "name")))
			}
		case "button", "a":
			if !named && strings.TrimSpace(text(n)) == "" && !hasAlt(n) {
				out = append(out, fmt.Sprintf("<%s %s> has no text", n.Data, attr(n, "href")))
			}
		case "img":
			if _, ok := attrOK(n, "alt"); !ok {
				out = append(out, fmt.Sprintf("<img src=%q> has no alt", attr(n, "src")))
			}
		}
	}, false)
	return out
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func attr(n *html.Node, key string) string { v, _ := attrOK(n, key); return v }

func text(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(text(c))
	}
	return b.String()
}

// hasAlt: a link or button whose content is a picture named by its alt.
func hasAlt(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == "img" && attr(c, "alt") != "" || c.Data == "svg" && attr(c, "aria-label") != "" || hasAlt(c)) {
			return true
		}
	}
	return false
}

// The checker finds what it looks for.
func TestA11yProblems(t *testing.T) {
	bad := `<html><body><h1>一</h1><h1>二</h1><input name="q"><select name="s"></select><a href="/x"></a><button></button><img src="a.png">` +
		`<label>好<input name="ok"></label><label for="f">好</label><input id="f" name="ok2"><input type="hidden" name="h"><input name="t" aria-label="好">` +
		`<a href="/y"><img src="b.png" alt="好"></a><img src="c.png" alt=""></body></html>`
	got := strings.Join(a11yProblems(bad), "\n")
	for _, want := range []string{"without lang", "2 <h1>", `<input name="q"> has no label`, `<select name="s"> has no label`, "<a /x> has no text",
		"<button > has no text", `<img src="a.png"> has no alt`} {
		if !strings.Contains(got, want) {
			t.Errorf("missed %q in:\n%s", want, got)
		}
	}
	for _, not := range []string{`"ok"`, `"ok2"`, `"h"`, `"t"`, "/y", "c.png"} {
		if strings.Contains(got, not) {
			t.Errorf("flagged %s:\n%s", not, got)
		}
	}
}
