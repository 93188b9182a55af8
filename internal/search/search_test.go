package search

import (
	"slices"
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"招生通知", []string{"招生", "生通", "通知"}},
		{"2024年义务教育招生", []string{"2024", "年义", "义务", "务教", "教育", "育招", "招生"}},
		{"ＡＢＣ公开，学区", []string{"abc", "公开", "学区"}},
		{"局", []string{"局"}},
		{"PDF 文件 v2", []string{"pdf", "文件", "v2"}},
		{"", []string{}},
	} {
		if got := Tokens(c.in); !slices.Equal(got, c.want) {
			t.Errorf("Tokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParse(t *testing.T) {
	q := Parse("义务教育 招生 局")
	if len(q.Phrases) != 2 || strings.Join(q.Phrases[0], " ") != "义务 务教 教育" || !slices.Equal(q.Single, []string{"局"}) {
		t.Fatalf("%+v", q)
	}
	if got := q.FTS5(); got != `"义务 务教 教育" AND "招生"` {
		t.Errorf("FTS5 %s", got)
	}
	if got := q.TSQuery(); got != `(义务 <-> 务教 <-> 教育) & (招生)` {
		t.Errorf("TSQuery %s", got)
	}
	if !Parse("  ，。 ").Empty() {
		t.Error("punctuation only is empty")
	}
	long := strings.Repeat("招", 1000)
	if n := len(Parse(long).Phrases[0]); n != MaxQueryRunes-1 {
		t.Errorf("long query cut to %d bigrams", n)
	}
}

func TestHighlight(t *testing.T) {
	got := Highlight("关于2024年义务教育招生工作的通知", Parse("招生 义务教育"))
	want := []string{"关于2024年", "义务教育招生", "工作的通知"}
	if !slices.Equal(got, want) {
		t.Errorf("%q", got)
	}
	got = Highlight("招生", Parse("招生"))
	if !slices.Equal(got, []string{"", "招生"}) {
		t.Errorf("%q", got)
	}
	if got := Highlight("ABC公开", Parse("ａｂｃ")); !slices.Equal(got, []string{"", "ABC", "公开"}) {
		t.Errorf("%q", got)
	}
}

func FuzzTokens(f *testing.F) {
	f.Add("关于2024年义务教育招生工作的通知")
	f.Fuzz(func(t *testing.T, s string) {
		q := Parse(s)
		_ = q.FTS5()
		_ = q.TSQuery()
		parts := Highlight(s, q)
		if strings.Join(parts, "") != s && strings.ToValidUTF8(s, "\uFFFD") == s {
			t.Fatalf("highlight lost text: %q", parts)
		}
		for _, tok := range Tokens(s) {
			if strings.ContainsAny(tok, "\" '()&|!<>:*^") {
				t.Fatalf("token %q holds query syntax", tok)
			}
		}
	})
}
