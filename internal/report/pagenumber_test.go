package report_test

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
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

// An OCR's Markdown that kept a page number between a heading of 表二 or
// 表三 and the generic table under it ("### 行政处罚" / "2" / "| 数值 |
// 11 |") reads the table's numbers, and says each number it sets aside under
// a row's heading (PARSE.READ).
// Before, a page number was read as a 表二 item's, and left a 表三 row
// unread. A number under a heading with no table after it is still the
// item's.
func TestPageNumberUnderAHeading(t *testing.T) {
	for i := range 8 {
		want := generated(i)
		ls := strings.Split(ocrText(t, want), "\n")
		rng := rand.New(rand.NewPCG(uint64(i), 3))
		var out []string
		pages := 0
		for _, l := range ls {
			out = append(out, l)
			if strings.HasPrefix(l, "### ") && rng.IntN(3) == 0 {
				out = append(out, "", "7")
				pages++
			}
		}
		r := audit(t, "ocr.md", []byte(strings.Join(out, "\n")))
		if d := cmp.Diff(tables(want), tables(r)); d != "" {
			t.Errorf("report %d, %d page numbers under headings (-want +got):\n%s", i, pages, d)
		}
		said := 0
		for _, f := range r.Findings {
			if f.Rule == "PARSE.READ" && strings.Contains(f.Message, "“7”（多半是页码）") {
				said++
			}
		}
		// (one under a group's heading, 三、本年度办理结果 or （五）不予处理,
		// is passed over with the heading, which has no numbers of its own)
		if said == 0 || said > pages {
			t.Errorf("report %d: %d page numbers said, %d put in: %v", i, said, pages, r.Findings)
		}
	}
	// cells a line each, no table under the headings: the numbers are the items'
	text := "二、主动公开政府信息情况\n\n行政许可\n\n356\n\n行政处罚\n\n48\n\n行政强制\n\n3\n"
	r := audit(t, "cells.txt", []byte(text))
	for key, want := range map[string]string{"licensing.decisions": "356", "penalty.decisions": "48", "coercion.decisions": "3"} {
		if got := r.Proactive.Cell(key).String(); got != want {
			t.Errorf("%s = %s, want %s", key, got, want)
		}
	}
}

// A page without line breaks made from a printed report keeps what the
// page break printed inside 表三: the table's header again, or the page's
// number ("-3-", "— 3 —", 第3页). The header is its own line and the
// number is left out, not the last cell of the row before it (a false
// CELL.INVALID "0-3-", or the row unread).
func TestPageBreakInsideAFlatTable(t *testing.T) {
	for _, file := range []string{"oneline-2021.txt", "oneline-2019.txt"} {
		src := string(readFile(t, filepath.Join(auditDir, file)))
		want := audit(t, file, []byte(src))
		at := strings.Index(src, "（四）无法提供")
		head := src[strings.Index(src, "申请人情况"):strings.Index(src, "一、本年新收")]
		for _, brk := range []string{head, " -3- " + head, " -3- ", "-3-", "— 3 —", "第3页", " 第 3 页 共 9 页 "} {
			r := audit(t, file, []byte(src[:at]+brk+src[at:]))
			sameReading(t, fmt.Sprintf("%s broken by %q", file, brk), want, r)
		}
	}
}
