package report

import (
	"slices"
	"strings"
	"testing"
)

// browserPageNumbers finds a browser's "7/10" where a page broke a table in
// a text run into one line, glued to a row's digits or not, and leaves
// dates (12/5/26, 2026/12/5) and numbers it cannot tell apart.
func TestBrowserPageNumbers(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		// the page after the last one found, glued to the row's 0000202
		{"…html5/10示例局12/5/26, 5:16 AM表三…html6/10示例局…申请00002027/10示例局12/5/26, 5:16 AM2.重复申请…html8/10", []string{"5/10", "6/10", "7/10", "8/10"}},
		// one ending only can be a page (27 > 10)
		{"a3/10b申请00000027/10c", []string{"3/10", "7/10"}},
		// two endings can (2 and 12 of 15), and no page before tells: left
		{"申请0000312/15x…申请00001312/15y", nil},
		// a date's numbers: another slash beside them; a count seen once
		{"2026/12/5 05:16 12/5/26, 5:16 AM 共3/4", nil},
		// the address's own digits (…/cb65/081.html) are no page, though
		// they come at every page's foot; the count glued to the next
		// page's printed date (…6/912/5/26, 12:34 PM) or to the next row's
		// item number (pdftotext -raw: 6/94.保护…) is the page's
		{"file:///tmp/cb65/081.html1/912/5/26, 12:52 PM示例…file:///tmp/cb65/081.html2/9示例…file:///tmp/cb65/081.html010000101230010013907/9示例…file:///tmp/cb65/081.html 6/94.保护第三方合法权益0 0…file:///tmp/cb65/081.html8/94.无正当理由…file:///tmp/cb65/081.html9/9",
			[]string{"1/9", "2/9", "7/9", "6/9", "8/9", "9/9"}},
	} {
		var got []string
		for _, m := range browserPageNumbers(c.text) {
			got = append(got, c.text[m[0]:m[1]])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}

// inAddress looks back a bounded way: a long run of ASCII with many hits in
// it (1/2a1/2a…) costs its length, not its square.
func TestInAddressBounded(t *testing.T) {
	long := strings.Repeat("1/2a", 1<<18) // 1 MB, 262 144 hits
	for _, c := range []struct {
		text string
		want bool
	}{
		{"file:///tmp/cb65/081.html", true},
		{"x 65/081.html", false},
		{"file:///" + strings.Repeat("a", maxAddress) + "/65/081.html", false},
	} {
		s := strings.Index(c.text, "65/081")
		if got := inAddress(c.text, s, s+len("65/081")); got != c.want {
			t.Errorf("inAddress(%q) = %v, want %v", c.text, got, c.want)
		}
	}
	n := 0
	for _, loc := range slashNumberRe.FindAllStringIndex(long, -1) {
		if inAddress(long, loc[0], loc[1]) {
			n++
		}
	}
	if n != 0 {
		t.Errorf("%d hits taken for an address's", n)
	}
}

// The date and time a browser printed at each page's head is the one the
// pages write most, also where a page's count ran into it (pdf.js's text:
// "…/000.html 3/412/5/26, 9:47 AM", where 412/5/26 is no date); and the
// foot before it is its address with that count.
func TestPrintedStampAfterPageCount(t *testing.T) {
	page := "12/5/26, 9:47 AM 示例局2019年政府信息公开工作年度报告一、总体情况…file:///tmp/r/000.html 1/412/5/26, 9:47 AM 示例局2019年政府信息公开工作年度报告二、…file:///tmp/r/000.html 2/412/5/26, 9:47 AM 示例局…"
	if got := printedStamp(page); got != "12/5/26, 9:47 AM" {
		t.Errorf("printedStamp = %q, want 12/5/26, 9:47 AM", got)
	}
	i := strings.Index(page, "12/5/26, 9:47 AM 示例局2019年政府信息公开工作年度报告二")
	if a := footAddressBefore(page, i); a < 0 || !strings.HasPrefix(page[a:], "file:///tmp/r/000.html 1/4") {
		t.Errorf("footAddressBefore = %d, want the foot's address", a)
	}
	if a := footAddressBefore("…申请0件。 12/5/26, 9:47 AM", len("…申请0件。 ")); a != -1 {
		t.Errorf("footAddressBefore without a foot = %d, want -1", a)
	}
}
