package report_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"gongkai/internal/report"
)

// letterSpacedWords writes each of words letter by letter (本 年 新 制 作 数 量), as a
// PDF's text gives a table's header cells aligned to both edges.
func letterSpacedWords(s string, words ...string) string {
	var pairs []string
	for _, w := range words {
		pairs = append(pairs, w, strings.Join(strings.Split(w, ""), " "))
	}
	return strings.NewReplacer(pairs...).Replace(s)
}

// TestSpacedHeadersTellTheFormat: the 2019 trial format is told by its 表二
// headings (and its 政府集中采购 row) also when they are spaced out letter by
// letter. Before, such a report without a year in its text was read in the
// 2021 format: its 表二 rows said to hold too many numbers and its single
// （六）其他处理 row left blank.
func TestSpacedHeadersTellTheFormat(t *testing.T) {
	want := truth2019()
	heads := []string{"本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "处理决定数量", "本年增/减", "政府集中采购", "行政事业性收费"}
	for _, l := range []layout{{"tab", ".txt", textOf}, {"layout", ".txt", layoutText}, {"markdown", ".md", markdownText}} {
		src := letterSpacedWords(l.make(t, want), heads...)
		if !strings.Contains(src, "本 年 新 制 作 数 量") {
			t.Fatalf("%s: no spaced heading", l.name)
		}
		// a 2019 report's year says its format: take the year away so that
		// only the headings can tell it
		src = strings.ReplaceAll(src, "2020年", "")
		r, err := report.Read("r"+l.ext, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if r.Format != report.Format2019 {
			t.Errorf("%s: read as format %s", l.name, r.Format)
		}
		w := *want
		w.Year, r.Year = 0, 0
		if d := cmp.Diff(tables(&w), tables(r)); d != "" {
			t.Errorf("%s: tables (-want +got):\n%s", l.name, d)
		}
	}
}
