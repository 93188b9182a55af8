package web_test

import (
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func TestZZFormCoverage(t *testing.T) {
	src, _ := os.ReadFile("server.go")
	routes := regexp.MustCompile(`"POST (/[^"]*)"`).FindAllStringSubmatch(string(src), -1)
	st := demoSite(t)
	seen := map[string]bool{}
	for _, u := range demoUsers() {
		_, forms := walkForms(t, st, u)
		for _, f := range forms {
			seen[regexp.MustCompile(`/\d+`).ReplaceAllString(f.action, "/{id}")] = true
		}
	}
	var missing []string
	for _, r := range routes {
		p := regexp.MustCompile(`\{[a-z_]+\}`).ReplaceAllString(r[1], "{id}")
		if !seen[p] {
			missing = append(missing, r[1])
		}
	}
	sort.Strings(missing)
	t.Logf("%d routes, not walked:\n%s", len(routes), strings.Join(missing, "\n"))
}
