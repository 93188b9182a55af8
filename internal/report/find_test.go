package report

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The search helpers answer as the standard library does, for every text
// and needle: they are used in its place throughout the package.
func TestFindAsStrings(t *testing.T) {
	texts := []string{"", "申", "申请", "本机关收到政府信息公开申请17件，其中其它1件。", "其它其它其", "a其它b",
		"\xe5\x85", "其\xff它", "件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件件",
		strings.Repeat("政府信息公开", 40) + "第二十条", "费\uFFFD", "×2", "x", "—— -"}
	subs := []string{"", "申", "申请", "其它", "件", "第二十条", "七）合计", "\uFFFD", "a", "ab", "×", "其它b", "它其", "\x85"}
	for _, s := range texts {
		for _, sub := range subs {
			check(t, s, sub)
		}
		for _, set := range []string{"季半来间近月历至", "未没无", "×x", "", "-—"} {
			if got, want := hasAnyRune(s, set), strings.ContainsAny(s, set); got != want {
				t.Errorf("hasAnyRune(%q, %q) = %v, strings.ContainsAny %v", s, set, got, want)
			}
		}
		if got, want := hasBadRune(s), strings.ContainsRune(s, utf8.RuneError); got != want {
			t.Errorf("hasBadRune(%q) = %v, strings.ContainsRune %v", s, got, want)
		}
	}
}

func check(t *testing.T, s, sub string) {
	t.Helper()
	if got, want := indexText(s, sub), strings.Index(s, sub); got != want {
		t.Errorf("indexText(%q, %q) = %d, strings.Index %d", s, sub, got, want)
	}
}

func FuzzIndexText(f *testing.F) {
	f.Add("本机关收到政府信息公开申请17件", "申请", "未没无")
	f.Add("其\xff它其它", "其它", "它")
	f.Fuzz(func(t *testing.T, s, sub, set string) {
		check(t, s, sub)
		if !strings.ContainsRune(set, utf8.RuneError) {
			if got, want := hasAnyRune(s, set), strings.ContainsAny(s, set); got != want {
				t.Errorf("hasAnyRune(%q, %q) = %v, strings.ContainsAny %v", s, set, got, want)
			}
		}
		if got, want := hasBadRune(s), strings.ContainsRune(s, utf8.RuneError); got != want {
			t.Errorf("hasBadRune(%q) = %v, strings.ContainsRune %v", s, got, want)
		}
	})
}
