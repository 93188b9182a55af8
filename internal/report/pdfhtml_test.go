package report_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"gongkai/internal/report"
)

// pdfHTML is a PDF report converted to a web page the way pdf2htmlEX does
// it: every printed line an absolutely placed <div>, the gaps between a
// row's cells empty <span>s of a width class (so the numbers' text touches,
// "0<span class="_ _3"></span>0"), or a span holding one space.
func pdfHTML(t testing.TB, r *report.Report) string {
	gap := regexp.MustCompile(`  +`)
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"/><meta name="generator" content="pdf2htmlEX"/><style type="text/css">.t{position:absolute;white-space:pre}._3{margin-left:12.4px}</style><title></title></head><body><div id="sidebar"><div id="outline"></div></div><div id="page-container">` + "\n")
	page, n := 1, 0
	b.WriteString(`<div id="pf1" class="pf w0 h0" data-page-no="1"><div class="pc pc1 w0 h0">`)
	for i, line := range strings.Split(layoutText(t, r), "\n") {
		if strings.HasPrefix(line, "\f") {
			page++
			fmt.Fprintf(&b, "</div></div>\n<div id=\"pf%d\" class=\"pf w0 h0\" data-page-no=\"%d\"><div class=\"pc pc%d w0 h0\">", page, page, page)
			line = line[1:]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		line = gap.ReplaceAllStringFunc(line, func(string) string {
			n++
			if n%2 == 0 {
				return `<span class="_ _3"> </span>`
			}
			return fmt.Sprintf(`<span class="_ _%d"></span>`, n%7)
		})
		fmt.Fprintf(&b, `<div class="t m0 x%d h2 y%x ff1 fs0 fc0 sc0 ls0 ws0">%s</div>`+"\n", i%4, 1000-i, line)
	}
	b.WriteString("</div></div>\n</div></body></html>")
	return b.String()
}

func init() {
	fixtures = append(fixtures,
		fixture{file: "pdf2html-2021.html", make: func(t testing.TB) []byte { return []byte(pdfHTML(t, truth())) }, want: truth},
	)
}
