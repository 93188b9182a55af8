package web_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gongkai/internal/appeal"
	"gongkai/internal/catalog"
	"gongkai/internal/demo"
	"gongkai/internal/ops"
	"gongkai/internal/workday"

	"golang.org/x/net/html"
)

var (
	hrefRe  = regexp.MustCompile(`href="(/[^"#]*)`)
	digitRe = regexp.MustCompile(`\d+`)
)

// Every link on every page works: each demo user (and a visitor) follows
// the links of the pages they can reach, from the 工作台 outwards, and none
// leads to a page that is missing, refused or fails (4xx, 5xx: a link the
// page should not have offered), or to one with English on it. A few
// addresses of each shape are followed (a case page stands for all case
// pages), so that the walk ends.
func TestEveryLinkWorks(t *testing.T) {
	t.Parallel()
	st := demoSite(t)
	for _, u := range demoUsers() {
		pages := 0
		walk(t, st, u, func(p, body string) {
			pages++
			if words := englishIn(body); len(words) > 0 {
				t.Errorf("%q: %s has English: %v", u, p, words)
			}
		})
		if u != "" && pages < 40 || pages < 10 {
			t.Errorf("%q: only %d pages reached", u, pages)
		}
	}
}

// Every form sent empty or typed wrong is answered, not failed: each demo
// user sends every form of the pages they reach (a couple of each address)
// with only what the page itself put in it (the token, the version, hidden
// ids), as a click on its button without typing does, and then with every
// field filled with what no field takes. The answer is a page or a redirect,
// never a server error; what it says has no English (a field's id in a
// message) and shows what was typed as text, never as markup.
func TestEveryFormAnswers(t *testing.T) {
	t.Parallel()
	st := demoSite(t)
	for _, u := range demoUsers() {
		c, forms := walkForms(t, st, u)
		for _, f := range forms {
			// empty, then every field the person fills in with what no field
			// takes: a number too large for any column, a day that does not
			// exist with markup after it
			for _, typed := range []string{"", "-99999999999999999999", "2026-02-30<b>粗</b>"} {
				v := url.Values{}
				for k, vs := range f.values {
					v[k] = vs
				}
				if typed != "" {
					for _, name := range f.fields {
						v.Set(name, typed)
					}
				}
				code, body, _ := st.post(c, f.action, v)
				if code >= 500 {
					t.Errorf("%q: %s with %q: %d", u, f.action, typed, code)
				}
				if words := englishIn(body); len(words) > 0 {
					t.Errorf("%q: %s with %q says: %v", u, f.action, typed, words)
				}
				if strings.Contains(body, "<b>粗</b>") {
					t.Errorf("%q: %s shows what was typed as markup", u, f.action)
				}
			}
		}
		if u != "" && len(forms) < 3 {
			t.Errorf("%q: only %d forms", u, len(forms))
		}
	}
}

// demoUsers are the demo's logins and a visitor ("").
func demoUsers() []string {
	users := []string{""}
	for _, l := range demo.Logins {
		users = append(users, l.Login)
	}
	return users
}

// walk signs u in ("": a visitor) and follows the links of the pages it
// reaches, a few of each address shape, calling visit with each HTML page;
// a link answered 4xx or 5xx is an error. It returns u's client.
func walk(t *testing.T, st *site, u string, visit func(path, body string)) *http.Client {
	return walkWide(t, st, u, 3, 160, visit)
}

// walkWide is walk taking perShape pages of each address shape, most pages
// in all.
func walkWide(t *testing.T, st *site, u string, perShape, most int, visit func(path, body string)) *http.Client {
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
	for pages := 0; len(queue) > 0 && pages < most; pages++ {
		p := queue[0]
		queue = queue[1:]
		resp, err := c.Get(st.srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		var body string
		if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
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
		if visit != nil {
			visit(p, body)
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
	return c
}

// walkForms walks u's pages (walkWide) and gathers their POST forms, two of
// each address shape, signing in and out left out.
func walkForms(t *testing.T, st *site, u string) (*http.Client, []postForm) {
	var forms []postForm
	shapes := map[string]int{}
	// wide: the forms of a case's letters, a proposal, an inspection's
	// 整改 are on a few of many pages of one shape
	c := walkWide(t, st, u, 15, 800, func(p, body string) {
		for _, f := range postForms(body) {
			if f.action == "/logout" || f.action == "/login" {
				continue
			}
			shape := digitRe.ReplaceAllString(f.action, "N")
			if shapes[shape]++; shapes[shape] > 2 {
				continue
			}
			forms = append(forms, f)
		}
	})
	return c, forms
}

// postForm is a form a page posts, with the values the page put in it and
// the names of the fields a person fills in.
type postForm struct {
	action string
	values url.Values
	fields []string
	// choices are, for each select and set of radio buttons, the value of
	// its last option; boxes the checkboxes' names and values
	choices map[string]string
	boxes   [][2]string
	texts   []string // the fields typed as text: text, search, e-mail, telephone inputs and textareas
}

// postForms are the POST forms of a page with their hidden inputs' values.
func postForms(body string) []postForm {
	var out []postForm
	z := html.NewTokenizer(strings.NewReader(body))
	var cur *postForm
	sel := ""
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			attr := map[string]string{}
			for _, a := range tok.Attr {
				attr[a.Key] = a.Val
			}
			switch {
			case tok.Data == "form" && strings.EqualFold(attr["method"], "post") && strings.HasPrefix(attr["action"], "/"):
				out = append(out, postForm{action: attr["action"], values: url.Values{}, choices: map[string]string{}})
				cur = &out[len(out)-1]
			case tok.Data == "form":
				cur = nil
			case tok.Data == "input" && cur != nil && attr["type"] == "hidden" && attr["name"] != "":
				cur.values.Add(attr["name"], attr["value"])
			case tok.Data == "input" && cur != nil && attr["type"] == "checkbox" && attr["name"] != "":
				cur.boxes = append(cur.boxes, [2]string{attr["name"], attr["value"]})
			case tok.Data == "input" && cur != nil && attr["type"] == "radio" && attr["name"] != "":
				cur.choices[attr["name"]] = attr["value"]
			case tok.Data == "option" && cur != nil && sel != "":
				if v, ok := attr["value"]; ok {
					cur.choices[sel] = v
				}
			case (tok.Data == "input" || tok.Data == "textarea" || tok.Data == "select") && cur != nil && attr["name"] != "" &&
				attr["type"] != "file" && attr["type"] != "submit" && attr["type"] != "checkbox" && attr["type"] != "radio":
				cur.fields = append(cur.fields, attr["name"])
				if tok.Data == "select" {
					sel = attr["name"]
				}
				if tok.Data == "textarea" || tok.Data == "input" && slices.Contains([]string{"", "text", "search", "email", "tel"}, attr["type"]) {
					cur.texts = append(cur.texts, attr["name"])
				}
			}
		case html.EndTagToken:
			switch name, _ := z.TagName(); string(name) {
			case "form":
				cur = nil
			case "select":
				sel = ""
			}
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

// A refused form keeps what was typed: every POST form of the pages each
// demo user (and a visitor) reaches is sent with a different word in each
// field a person types into; when the answer refuses it (4xx) with the form
// again, each word typed into a text field that form shows again must be
// there — a person corrects the one thing that was wrong, and retypes
// nothing. (Passwords are never shown back; an answer that is an error page
// without the form is the browser's 返回 to recover from, not checked here.)
func TestRefusedFormsKeepWhatWasTyped(t *testing.T) {
	t.Parallel()
	st := demoSite(t)
	// a 复议 record and a normative document of the clerk's agency, so
	// that their edit forms are walked
	op := ops.Operator(mustAgency(st, demo.Main), "测试")
	if _, err := st.b.Ops.RecordAppeal(context.Background(), op,
		appeal.Record{Kind: appeal.Review, Body: "新乡市卫滨区人民政府", FiledOn: workday.NewDate(2026, 3, 2)}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.b.Ops.SaveDocument(context.Background(), op,
		catalog.Document{Kind: catalog.Normative, Title: "测试办法", DocNo: "卫教〔2026〕1号", IssuedOn: workday.NewDate(2026, 2, 2)}, ""); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, u := range demoUsers() {
		c, forms := walkForms(t, st, u)
		for _, f := range forms {
			v := url.Values{}
			for k, vs := range f.values {
				v[k] = vs
			}
			typed := map[string]string{}
			for i, name := range f.fields {
				if c, ok := f.choices[name]; ok { // a select: its last option
					v.Set(name, c)
					continue
				}
				w := "留存字样" + strconv.Itoa(i+1) + "号"
				v.Set(name, w)
				typed[name] = w
			}
			for name, c := range f.choices {
				v.Set(name, c)
			}
			for _, b := range f.boxes { // every box ticked
				if !slices.Contains(v[b[0]], b[1]) {
					v.Add(b[0], b[1])
				}
			}
			code, body, _ := st.post(c, f.action, v)
			if code < 400 || code >= 500 {
				continue
			}
			// the form shown again: of those posting to the same address,
			// the one sharing most of the sent form's hidden values (a step's kind)
			shown, now := map[string]bool{}, url.Values{}
			for _, g := range postForms(body) {
				if g.action == f.action {
					for _, n := range g.texts {
						shown[n] = true
					}
				}
			}
			best := -1
			for _, g := range formsAt(body, f.action) {
				n := 0
				for k, vs := range f.values {
					if k != "csrf" && slices.Equal(g[k], vs) {
						n++
					}
				}
				if n > best {
					best, now = n, g
				}
			}
			for name, w := range typed {
				if !shown[name] {
					continue
				}
				checked++
				if now.Get(name) != w {
					t.Errorf("%q: %s refused (%d) shows its field %s again without what was typed", u, f.action, code, name)
				}
			}
			// what was chosen and ticked, where the form shown again has it
			again := postForms(body)
			i := slices.IndexFunc(again, func(g postForm) bool { return g.action == f.action })
			if i < 0 {
				continue
			}
			for name, c := range f.choices {
				if _, ok := again[i].choices[name]; ok && now.Get(name) != c {
					t.Errorf("%q: %s refused (%d) shows %s again as %q, not as chosen (%q)", u, f.action, code, name, now.Get(name), c)
				}
				checked++
			}
			for _, b := range f.boxes {
				// a confirmation (确认…) is ticked afresh after a refusal, on purpose
				if b[0] != "confirm" && slices.Contains(again[i].boxes, b) && !slices.Contains(now[b[0]], b[1]) {
					t.Errorf("%q: %s refused (%d) shows the box %s=%s again unticked", u, f.action, code, b[0], b[1])
				}
				checked++
			}
		}
	}
	t.Logf("%d typed fields shown again by refused forms", checked)
	if checked < 20 {
		t.Errorf("only %d fields checked: the walk found too few refused forms", checked)
	}
}

// formFields are the values a browser would send for the page's (first)
// form posting to action, as the page fills it: inputs (checked boxes
// only), textareas and each select's selected option.
func formFields(body, action string) url.Values {
	if fs := formsAt(body, action); len(fs) > 0 {
		return fs[0]
	}
	return url.Values{}
}

// formsAt is formFields for each of the page's forms posting to action (a
// case page has a form for each next step, all posting to …/steps).
func formsAt(body, action string) []url.Values {
	var all []url.Values
	var out url.Values
	z := html.NewTokenizer(strings.NewReader(body))
	in, area, sel := false, "", ""
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return all
		case html.TextToken:
			if area != "" {
				out.Set(area, out.Get(area)+string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			attr := map[string]string{}
			for _, a := range tok.Attr {
				attr[a.Key] = a.Val
			}
			switch tok.Data {
			case "form":
				in = attr["action"] == action
				if in {
					out = url.Values{}
					all = append(all, out)
				}
			case "input":
				if in && attr["name"] != "" && attr["type"] != "file" && attr["type"] != "submit" {
					if (attr["type"] != "checkbox" && attr["type"] != "radio") || hasAttr(tok, "checked") {
						out.Add(attr["name"], attr["value"])
					}
				}
			case "textarea":
				if in {
					area = attr["name"]
					out.Set(area, "")
				}
			case "select":
				if in {
					sel = attr["name"]
				}
			case "option":
				if in && sel != "" && hasAttr(tok, "selected") {
					out.Set(sel, attr["value"])
				}
			}
		case html.EndTagToken:
			switch name, _ := z.TagName(); string(name) {
			case "form":
				in = false
			case "textarea":
				area = ""
			case "select":
				sel = ""
			}
		}
	}
}

func hasAttr(tok html.Token, key string) bool {
	return slices.ContainsFunc(tok.Attr, func(a html.Attribute) bool { return a.Key == key })
}
