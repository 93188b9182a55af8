package report

import (
	"regexp"
	"testing"
)

// TestCollapsedMeansUnchanged: every string the fast check lets through is
// one collapseSpaces would return unchanged (all strings of up to five runes
// over the characters that matter).
func TestCollapsedMeansUnchanged(t *testing.T) {
	alphabet := []string{" ", "\t", "\n", "\r", "\f", "\u00a0", "a", "中"}
	var walk func(s string, n int)
	checked, fast := 0, 0
	walk = func(s string, n int) {
		checked++
		want := collapseSpaces(s)
		if collapsed(s) {
			fast++
			if want != s {
				t.Fatalf("collapsed(%q) but collapseSpaces gives %q", s, want)
			}
		}
		if got := collapse(s); got != want {
			t.Fatalf("collapse(%q) = %q, want %q", s, got, want)
		}
		if n == 0 {
			return
		}
		for _, a := range alphabet {
			walk(s+a, n-1)
		}
	}
	walk("", 5)
	if fast == 0 || fast == checked {
		t.Fatalf("fast path taken %d times of %d: the test does not exercise both paths", fast, checked)
	}
}

func TestLooksHTMLIgnoresCase(t *testing.T) {
	for in, want := range map[string]bool{
		"<TABLE><TR><TD>1</TD></TR></TABLE>": true,
		"<!DOCTYPE HTML><p>x":                true,
		"<Div>年度报告</Div>":                    true,
		"a < b 并且 c > d":                     false,
		"纯文本报告":                              false,
		"<tdx":                               true, // as before: a <td prefix
	} {
		if got := looksHTML(in); got != want {
			t.Errorf("looksHTML(%q) = %v, want %v", in, got, want)
		}
	}
}

// isNumber agrees with the pattern it stands for on every string of up to
// four runes over the characters that matter.
func TestIsNumberIsItsPattern(t *testing.T) {
	re := regexp.MustCompile(`^[+\-－＋]?[0-9０-９][0-9０-９,，]*(?:\.[0-9０-９]+)?$`)
	alphabet := []string{"1", "９", "-", "＋", ",", "，", ".", "件", "a", "\xff"}
	var walk func(s string, n int)
	yes := 0
	walk = func(s string, n int) {
		if got, want := isNumber(s), re.MatchString(s); got != want {
			t.Fatalf("isNumber(%q) = %v, pattern says %v", s, got, want)
		} else if got {
			yes++
		}
		if n == 0 {
			return
		}
		for _, a := range alphabet {
			walk(s+a, n-1)
		}
	}
	walk("", 4)
	if yes == 0 {
		t.Fatal("no number among the strings: the test does not test")
	}
}
