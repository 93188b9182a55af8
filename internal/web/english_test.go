package web_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"gongkai/internal/demo"
)

// asciiWord is a run of Latin letters a reader would read as an English word
// (or an internal id such as case.decide or proactive.rules.issued).
var asciiWord = regexp.MustCompile(`[A-Za-z][A-Za-z_.\-]*[A-Za-z]`)

// allowedASCII are the Latin words a Chinese office reads every day: file
// formats and units.
var allowedASCII = map[string]bool{"PDF": true, "Word": true, "Excel": true, "WPS": true, "XLSX": true, "DOCX": true, "CSV": true, "OFD": true,
	"MB": true, "KB": true, "GB": true, "API": true, "JPG": true, "PNG": true, "TXT": true, "HTML": true, "YAML": true, "JSON": true,
	"RSS": true, "Atom": true, "http": true, "https": true}

// ruleID is a check's stable id, shown small beside its Chinese title.
var ruleID = regexp.MustCompile(`^[A-Z0-9]+\.[A-Z_]+$`)

// visibleAttrs are the attributes a reader sees or hears (value only on
// buttons made of inputs).
var visibleAttrs = map[string]bool{"placeholder": true, "title": true, "aria-label": true, "alt": true}

// englishIn lists the English words of a page: text nodes and visible
// attributes, outside scripts, styles, URLs, what people typed (textareas
// and class="user-text") and elements marked translate="no" (logins, file
// names: data, not words).
func englishIn(src string) []string {
	var out []string
	check := func(text string) {
		text = quoted.ReplaceAllString(text, "“”") // a quotation of data (a finding quoting the stray word)
		for _, f := range strings.FieldsFunc(text, func(r rune) bool { return r > 0x7f || r == ' ' || r == '\n' || r == '\t' || r == '/' || r == ',' }) {
			if strings.Contains(f, "://") || strings.Contains(f, "@") || strings.HasPrefix(f, "www.") || strings.HasPrefix(f, ".") {
				continue // URLs, e-mail addresses and file extensions (.xlsx)
			}
			for _, w := range asciiWord.FindAllString(f, -1) {
				if !allowedASCII[w] && !ruleID.MatchString(w) && !isCode(f) {
					out = append(out, w)
				}
			}
		}
	}
	z := html.NewTokenizer(strings.NewReader(src))
	skip := 0
	var stack []string // the opaque elements open around the text
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.TextToken:
			if skip == 0 {
				check(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			attr := map[string]string{}
			for _, a := range tok.Attr {
				attr[a.Key] = a.Val
			}
			opaque := tok.Data == "script" || tok.Data == "style" || tok.Data == "textarea" || attr["translate"] == "no" ||
				slices.Contains(strings.Fields(attr["class"]), "user-text")
			if opaque && tok.Type == html.StartTagToken && !voidElement[tok.Data] {
				skip++
				stack = append(stack, tok.Data)
			}
			if attr["type"] == "hidden" || skip > 0 {
				continue
			}
			for k, v := range attr {
				if visibleAttrs[k] || (k == "value" && tok.Data == "input" && (attr["type"] == "submit" || attr["type"] == "button" || attr["type"] == "reset")) {
					check(v)
				}
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); len(stack) > 0 && string(name) == stack[len(stack)-1] {
				stack = stack[:len(stack)-1]
				skip--
			}
		}
	}
}

var voidElement = map[string]bool{"input": true, "br": true, "img": true, "meta": true, "link": true, "hr": true}

// isCode is an identifier printed as data: an ID number, a 统一社会信用代码, a
// 查询码 or 文号 with digits in it.
func isCode(s string) bool {
	return strings.ContainsAny(s, "0123456789") || queryCode.MatchString(s)
}

// queryCode is a 查询码 (store.queryCode), which is random and so may be all
// letters: in a letter's text (the 接收回执) it is data, not a word.
var queryCode = regexp.MustCompile(`^[2-9A-HJ-NP-Z]{10}$`)

var quoted = regexp.MustCompile(`“[^”]*”`)

var action = regexp.MustCompile(`\{\{.*?\}\}`)

// Every template, its actions blanked out, has no English a reader would see.
func TestTemplatesHaveNoEnglish(t *testing.T) {
	files, err := filepath.Glob("templates/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("templates: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if words := englishIn(action.ReplaceAllString(string(b), " ")); len(words) > 0 {
			t.Errorf("%s: %v", f, words)
		}
	}
}

// Every page as each kind of user sees it, with the demo's data, has no
// English and no internal ids either (what templates print from data:
// audit actions, outcome ids, field names).
func TestPagesHaveNoEnglish(t *testing.T) {
	st := demoSite(t)
	ids := caseIDs(st, demo.Main)
	ag := mustAgency(st, demo.Main)
	pages := map[string][]string{
		"clerk": {"/admin/", "/admin/cases", "/admin/cases/new", "/admin/reports", "/admin/appeals", "/admin/password", "/admin/help",
			fmt.Sprintf("/admin/cases/%d", ids[0]), fmt.Sprintf("/admin/cases/%d", ids[len(ids)/2]), fmt.Sprintf("/admin/cases/%d", ids[len(ids)-1]),
			fmt.Sprintf("/admin/cases/%d/edit", ids[0]), "/admin/nothing"},
		"head":     {"/admin/", "/admin/reports?year=2024"},
		"district": {"/admin/", "/admin/cases", "/admin/rollup", "/admin/audit", fmt.Sprintf("/admin/cases/%d", ids[0])},
		"admin":    {"/admin/users", "/admin/agencies", "/admin/calendar", "/admin/settings", "/admin/audit"},
		"":         {"/", fmt.Sprintf("/guide/%d", ag), fmt.Sprintf("/apply/%d", ag), "/status", "/status/forgot", "/login", "/no-such-page"},
	}
	eachPage(st, pages, func(u, p string, _ int, body string) {
		if words := englishIn(body); len(words) > 0 {
			t.Errorf("%s as %q: %v", p, u, words)
		}
	})
}

// eachPage opens each page as its user ("": a visitor), users in order.
func eachPage(st *site, pages map[string][]string, f func(user, path string, code int, body string)) {
	users := make([]string, 0, len(pages))
	for u := range pages {
		users = append(users, u)
	}
	sort.Strings(users)
	for _, u := range users {
		c := st.browser()
		if u != "" {
			c, _ = st.login(u)
		}
		for _, p := range pages[u] {
			code, body := st.get(c, p)
			f(u, p, code, body)
		}
	}
}
