package report

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
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
		if got, want := validUTF8([]byte(s)), utf8.ValidString(s); got != want {
			t.Errorf("validUTF8(%q) = %v, utf8.ValidString %v", s, got, want)
		}
		checkNextBlank(t, s)
	}
	for _, s := range []string{"汉字 汉字", "汉\t字", "汉\u3000字", "\xe3\x80", "\xe4\xe3\x80\x80", "ab\xe3\x80\x80", "丢\xe4\xb8 x"} {
		checkNextBlank(t, s)
	}
}

// checkNextBlank holds nextBlank to the rune-by-rune walk it replaced: the same
// place, from every place a walk may start.
func checkNextBlank(t *testing.T, s string) {
	t.Helper()
	for i := 0; i <= len(s); {
		want := i
		for want < len(s) {
			r, size := utf8.DecodeRuneInString(s[want:])
			if isBlank(r) {
				break
			}
			want += size
		}
		if got := nextBlank(s, i, len(s)); got != want {
			t.Errorf("nextBlank(%q, %d) = %d, the rune walk %d", s, i, got, want)
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += max(size, 1)
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
	// one odd sequence each (a run of eight ASCII bytes before some): U+FFFD
	// written out, a cut character, a surrogate, an overlong form, a rune
	// past U+10FFFF, the last three-byte characters
	for _, s := range []string{"ascii only, eight bytes and more\xef\xbf\xbd丢", "丢\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\xaf", "\xf4\x90\x80\x80", "鿿\uffff\ud7ff"} {
		f.Add(s, "丢", "\u00a0")
	}
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
		if got, want := validUTF8([]byte(s)), utf8.ValidString(s); got != want {
			t.Errorf("validUTF8(%q) = %v, utf8.ValidString %v", s, got, want)
		}
		checkNextBlank(t, s)
	})
}

// splitFields' short path answers as the general one for every row of
// fields in the audit fixtures that it takes, whatever the cells a row should
// have, rows with empty fields under merged headings before their counts too.
const fixtureDir = "../../testdata/audit"

// fixtureLines calls fn with every line of every audit fixture that reads
// as text (the fixtures of files that are no report give none).
func fixtureLines(t *testing.T, fn func(file string, l Line)) {
	t.Helper()
	entries, err := os.ReadDir(fixtureDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(fixtureDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		ls, _, err := Lines(e.Name(), data)
		if err != nil {
			continue
		}
		for _, l := range ls {
			fn(e.Name(), l)
		}
	}
}

func TestSplitFieldsShortPath(t *testing.T) {
	taken := 0
	fixtureLines(t, func(file string, l Line) {
		if l.Fields == nil {
			return
		}
		for _, n := range []int{2, 3, NumCols, len(T4Blocks) * len(T4Columns)} {
			got, want := splitFields(l, n), splitAnyFields(l, n)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s:%d n=%d: short path %+v, general %+v", file, l.No, n, got, want)
			}
			if k := len(l.Fields) - NumCols; n == NumCols && got.ok && len(got.windows) == 1 && k > 0 && l.Fields[k-1] == "" {
				taken++ // a row with empty fields under merged headings before its counts
			}
		}
	})
	if taken < 100 {
		t.Errorf("rows with empty fields before their counts: %d, want the fixtures' (over 100)", taken)
	}
}

// ReadAll keeps nothing of the bytes it is given: the auditor reads each
// file into a buffer it then reuses for the next. Every fixture read, its
// bytes overwritten, then checked, gives the same model and findings as one
// read and checked with its bytes left alone.
func TestReadAllKeepsNoInput(t *testing.T) {
	entries, err := os.ReadDir(fixtureDir)
	if err != nil {
		t.Fatal(err)
	}
	outcome := func(rs []*Report) string {
		var b strings.Builder
		for _, r := range rs {
			Check(r, nil)
			b.Write(r.ModelJSON())
			for _, f := range r.Findings {
				fmt.Fprintf(&b, "\n%s %s %d %s", f.Rule, f.Cell, f.Line, f.Message)
			}
		}
		return b.String()
	}
	read := 0
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(fixtureDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		want, err := ReadAll(e.Name(), slices.Clone(data))
		if err != nil {
			continue // no report: nothing kept either
		}
		buf := slices.Clone(data)
		got, err := ReadAll(e.Name(), buf)
		if err != nil {
			t.Fatalf("%s: %v on the second reading", e.Name(), err)
		}
		for i := range buf {
			buf[i] = 'x'
		}
		if a, b := outcome(got), outcome(want); a != b {
			t.Errorf("%s: the report changed with the bytes it was read from", e.Name())
		}
		read++
	}
	if read < 200 {
		t.Errorf("%d fixtures read, want every report of testdata/audit", read)
	}
}

// A text where nearly every character has the needle's third byte (one
// character over and over) goes on with the standard search: the answers
// are still strings.Index's, first place, last place and none.
func TestIndexTextManyCandidates(t *testing.T) {
	long := strings.Repeat("一", 5000) // E4 B8 80: every third byte is 一二's third
	for _, s := range []string{long, long + "一二", "一二" + long, long[:3000] + "一二" + long, long + "一"} {
		check(t, s, "一二")
		check(t, s, "一一二")
		check(t, s, "一一一")
	}
}
