package report_test

import (
	"regexp"
	"strings"
	"testing"
)

// quoted is the N.TABLE message of the sentence read whole.
var quoted = regexp.MustCompile(`^正文称收到申请 999 件（“本局共收到政府信息公开申请 ?999件”）`)

// A sentence of section 一 broken by a page, in pdftotext -layout's text,
// reads whole whatever the footer: the count it states is compared with
// 表三. Before, a page number without dashes (centred, the form feed on the
// next page's first line) stayed in the sentence: 收到政府3信息公开申请, or
// 申请3 17件 read as 317.
func TestPageNumberInASentence(t *testing.T) {
	for _, brk := range []string{"\n", "\n\n- 3 -\n\f", "\n\n" + strings.Repeat(" ", 35) + "3\n\f", "\n\n" + strings.Repeat(" ", 70) + "12\n\n\f",
		"\n\n第 3 页 共 9 页\n\f", "\n\f"} {
		for _, broken := range []string{"共收到政府" + brk + "信息公开申请 999件", "共收到政府信息公开申请 " + brk + "999件"} {
			at := broken[:strings.Index(broken, brk)]
			s := layoutText(t, truth())
			i := strings.Index(s, "共收到政府信息公开申请")
			if i < 0 {
				t.Fatal("no sentence to break")
			}
			k := i + strings.Index(s[i:], "件") + len("件")
			s = s[:i] + broken + s[k:] // a count 表三 contradicts
			r := audit(t, "x.txt", []byte(s))
			var msgs []string
			for _, f := range r.Findings {
				if f.Rule == "N.TABLE" {
					msgs = append(msgs, f.Message)
				}
			}
			if len(msgs) != 1 || !quoted.MatchString(msgs[0]) {
				t.Errorf("broken after %q by %q: N.TABLE %q, want one of 999", at, brk, msgs)
			}
		}
	}
}
