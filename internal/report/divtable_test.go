package report_test

import (
	"regexp"
	"strings"
	"testing"

	"gongkai/internal/report"
)

// divTables is a portal page whose editor drew the tables with <div>s
// (display:table or a CSS grid) instead of <table>: every cell a block of
// its own, so the page's text has a cell to a line.
func divTables(t testing.TB, r *report.Report) string {
	page := pageHTML(t, r)
	inner := page[strings.Index(page, "<h1>"):strings.LastIndex(page, "</td></tr></table>")]
	cell := regexp.MustCompile(`<t[dh]([^>]*)>(.*?)</t[dh]>`)
	inner = cell.ReplaceAllString(inner, `<div class="td"$1>$2</div>`)
	inner = regexp.MustCompile(`<table[^>]*>`).ReplaceAllString(inner, `<div class="table" style="display:table">`)
	inner = strings.NewReplacer("</table>", "</div>", "<tr>", `<div class="tr" style="display:table-row">`, "</tr>", "</div>").Replace(inner)
	return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告</title></head><body><div class="article">` + inner + `</div></body></html>`
}

func init() {
	fixtures = append(fixtures,
		fixture{file: "divtable-2021.html", make: func(t testing.TB) []byte { return []byte(divTables(t, truthWithTypes())) }, want: truthWithTypes},
	)
}
