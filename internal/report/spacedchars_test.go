package report_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"gongkai/internal/report"
)

// spacedChars puts a space after a share (rate) of the Han characters and
// Chinese punctuation marks of s, as an OCR's text layer does (Tesseract's
// chi_sim writes a space after every character: "全 年 共 收 到 政 府 信 息 公
// 开 申 请 36件") or a PDF's justified lines taken as text do here and there
// ("三 、本 年 度办 理 结果").
func spacedChars(s string, rate float64, seed uint64) string {
	return spacedWith(s, " ", rate, seed)
}

// spacedWith is spacedChars with another space (U+3000, the ideographic
// space a Chinese text is often spaced out with).
func spacedWith(s, space string, rate float64, seed uint64) string {
	rng := rand.New(rand.NewPCG(seed, 5))
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
		if (unicode.Is(unicode.Han, r) || strings.ContainsRune("、，。：；（）", r)) && (rate >= 1 || rng.Float64() < rate) {
			b.WriteString(space)
		}
	}
	return b.String()
}

func init() {
	fixtures = append(fixtures,
		fixture{file: "oneline-ocr-spaced-2021.txt", make: func(t testing.TB) []byte { return []byte(spacedChars(onelineCycling(t, truth()), 1, 1)) }, want: func() *report.Report {
			r := truth()
			blankNormative(r) // as oneline-2021.txt
			return r
		}, findings: []string{"PARSE.AMBIGUOUS"}},
		fixture{file: "oneline-spaced-here-and-there-2021.txt", make: func(t testing.TB) []byte { return []byte(spacedChars(onelineCycling(t, truth()), 0.2, 1)) }, want: func() *report.Report {
			r := truth()
			blankNormative(r)
			return r
		}, findings: []string{"PARSE.AMBIGUOUS"}},
		fixture{file: "layout-ocr-spaced-2021.txt", make: func(t testing.TB) []byte { return []byte(spacedChars(layoutText(t, truth()), 1, 1)) }, want: truth},
	)
}

// A text whose characters an OCR or a PDF's justified lines spaced apart
// (with ASCII, ideographic or no-break spaces) reads as the text without them, in every layout: the same cells,
// the same agency and year, the same findings (but the spaces themselves,
// TXT.SPACE). A page run into one line found no heading, a table's rows
// were not cut, and an unread row of 表三 made a false T3.BALANCE; a spaced
// title named no agency; "收 取 … 处 理 费" was no word of fees (S.FEES);
// "（ 一 ）总体情况", "第 一 部 分", "二 是" and "（ 四 ）" were no numbers
// (S.MISSING, TXT.NUMBERING).
func TestSpacedCharacters(t *testing.T) {
	names := []string{"tab", "layout", "page", "markdown", "oneline", "contents-oneline", "numbered", "numbered-oneline",
		"parts", "oneline-roman", "oneline-worded-headings", "wrapped-page", "unwrapped-page", "oneline-folded", "wide-spaces",
		"oneline-printed", "oneline-thousands", "split-t4-page", "t4-rows-page", "qita", "vertical-t4", "flat-units", "oneline-units", "csv"}
	layouts := map[string]layout{}
	for _, l := range allLayouts() {
		layouts[l.name] = l
	}
	reports := []int{0, 1, 2, 3}
	if testing.Short() {
		reports = reports[:1]
	}
	for _, name := range names {
		l, ok := layouts[name]
		if !ok {
			t.Fatalf("no layout %s", name)
		}
		for _, v := range []struct {
			space string
			rate  float64
		}{{" ", 1}, {" ", 0.3}, {" ", 0.1}, {"\u3000", 1}, {"\u3000", 0.3}, {"\u00a0", 0.3}} {
			for _, i := range reports {
				truth := generated(i)
				if i%2 == 1 {
					truth = generated2019(i) // the trial format's 表二 too
				}
				src := l.make(t, truth)
				spaced := spacedWith(src, v.space, v.rate, uint64(i))
				want := audit(t, "r"+l.ext, []byte(src))
				got := audit(t, "r"+l.ext, []byte(spaced))
				what := fmt.Sprintf("%s, %.0f %% spaced with %q, report %d", name, v.rate*100, v.space, i)
				if d := cmp.Diff(tables(want), tables(got)); d != "" {
					t.Errorf("%s: tables (-unspaced +spaced):\n%s", what, d)
				}
				if d := cmp.Diff(rulesAndCells(want), rulesAndCells(got)); d != "" {
					t.Errorf("%s: findings (-unspaced +spaced):\n%s", what, d)
				}
			}
		}
	}
}

// rulesAndCells are a report's findings as rule and cell, in order, but
// TXT.SPACE.
func rulesAndCells(r *report.Report) []string {
	var out []string
	for _, f := range r.Findings {
		if f.Rule != "TXT.SPACE" {
			out = append(out, f.Rule+" "+f.Cell)
		}
	}
	slices.Sort(out)
	return out
}

// The narrative checks read a text spaced out: a list still numbered in
// order is no TXT.NUMBERING, a skip still is one; 六's fees are said.
func TestSpacedNarrativeChecks(t *testing.T) {
	base := textOf(t, generated(0))
	for _, c := range []struct {
		name, from, to string
		want           bool
	}{
		{"a list in order", "二是", "二 是", false},
		{"sub-headings in order", "（四）", "（ 四 ）", false},
		{"a list that skips", "二是", "三 是", true},
		{"sub-headings that skip", "（四）", "（ 五）", true},
	} {
		if !strings.Contains(base, c.from) {
			t.Fatalf("%s: no %q in the text", c.name, c.from)
		}
		r := audit(t, "r.txt", []byte(strings.Replace(base, c.from, c.to, 1)))
		if got := hasRule(r, "TXT.NUMBERING"); got != c.want {
			t.Errorf("%s: TXT.NUMBERING %v, want %v: %v", c.name, got, c.want, r.Findings)
		}
	}
	fees := spacedChars(base, 1, 0)
	if !strings.Contains(fees, "处 理 费") {
		t.Fatalf("no fee sentence in the text")
	}
	r := audit(t, "r.txt", []byte(fees))
	if hasRule(r, "S.FEES") {
		t.Errorf("S.FEES on a 六 that says its fees, spaced out: %v", r.Findings)
	}
	if r.Agency != "示例第0局" || r.Year != 2021 {
		t.Errorf("a spaced title read as %q %d", r.Agency, r.Year)
	}
	if agency, year := report.Identify("r.txt", []byte(fees)); agency != "示例第0局" || year != 2021 {
		t.Errorf("a spaced title identified as %q %d", agency, year)
	}
}

func hasRule(r *report.Report, rule string) bool {
	return slices.ContainsFunc(r.Findings, func(f report.Finding) bool { return f.Rule == rule })
}

// A narrative whose characters an OCR spaced out, its digits not ("全 年 共
// 收 到 … 申 请 36件"), is said once a section (逐字隔开), not space by space
// (fifty findings and a count of the rest, for every report).
func TestSpacedNarrativeSaidOnce(t *testing.T) {
	r := audit(t, "r.txt", []byte(spacedChars(textOf(t, generated(3)), 1, 3)))
	n := 0
	for _, f := range r.Findings {
		if f.Rule != "TXT.SPACE" {
			continue
		}
		n++
		if !strings.Contains(f.Message, "逐字隔开") {
			t.Errorf("space by space: %s", f.Message)
		}
	}
	if n == 0 || n > len(report.NarrativeKeys) {
		t.Errorf("%d TXT.SPACE findings, want one a narrative section", n)
	}
}

// An OCR spaces the characters out and misreads some: a numeral between
// spaces is a heading's only before a heading's words. 第一项加第二项 with 加
// misread (第 一 项 四 第 二 项), 二 是 of a list misread (二 开 主 动 公 开 的
// 深度: section 二's heading misread too) were cut as section 四's and 二's
// headings: tables unread, sections missing.
func TestSpacedNumeralsAreNoHeadings(t *testing.T) {
	misread := strings.NewReplacer("加第二项", "四第二项", "二、主动公开", "二、尚动公开", "二是", "二开")
	for i := range 4 {
		src := misread.Replace(onelineCycling(t, generated(i)))
		want := audit(t, "r.txt", []byte(src))
		got := audit(t, "r.txt", []byte(spacedChars(src, 1, uint64(i))))
		if d := cmp.Diff(tables(want), tables(got)); d != "" {
			t.Errorf("report %d: tables (-unspaced +spaced):\n%s", i, d)
		}
		if d := cmp.Diff(rulesAndCells(want), rulesAndCells(got)); d != "" {
			t.Errorf("report %d: findings (-unspaced +spaced):\n%s", i, d)
		}
	}
}

// BenchmarkSpacedPage is the cost of a page without line breaks whose
// characters an OCR spaced apart, against the same page unspaced, in the
// same run (the spaces are taken out before the page is cut).
func BenchmarkSpacedPage(b *testing.B) {
	page := onelineCycling(b, generated(5))
	for _, c := range []struct{ name, text string }{
		{"unspaced", page},
		{"spaced", spacedChars(page, 1, 5)},
		{"spaced-30pct", spacedChars(page, 0.3, 5)},
	} {
		b.Run(c.name, func(b *testing.B) { benchAudit(b, []byte(c.text)) })
	}
}

// generated2019 is a generated report in the 2019 trial format.
func generated2019(i int) *report.Report {
	return report.Generate(rand.New(rand.NewPCG(uint64(i), 77)), fmt.Sprintf("示例第%d局", i), 2019+i%2)
}
