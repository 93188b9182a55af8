package report_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	unorm "golang.org/x/text/unicode/norm"

	"gongkai/internal/report"
)

// asRadicals writes every character of s that has a look-alike in the
// radical blocks as that look-alike (⼀ for 一, ⼈ for 人, ⾏ for 行), and a few
// more from the supplement and the compatibility block: the text a PDF whose
// fonts map glyphs so gives when it is copied or converted.
func asRadicals(s string) string {
	var pairs []string
	for r := rune(0x2F00); r <= 0x2FD5; r++ {
		pairs = append(pairs, unorm.NFKC.String(string(r)), string(r))
	}
	pairs = append(pairs, "民", "⺠", "门", "⻔", "长", "⻓", "见", "⻅", "车", "⻋", "页", "⻚", "不", "\uF967", "年", "\uF98E")
	return strings.NewReplacer(pairs...).Replace(s)
}

// TestRadicalFormsReadAsShown: a report whose text holds the radical
// look-alikes of its characters (⼀、总体情况, ⾃然⼈, ⼈⺠政府) reads as the
// same report does without them: the same agency, year, cells, sections and
// findings, and one PARSE.READ that counts them and shows the first. Before,
// no heading or label with such a character matched: a page without line
// breaks read seven cells in eight, and a clean report was said not to add up.
//
// Text taken out of a PDF by pdf.js (pdf-parse, officeparser) sets each
// radical form apart by spaces ("通过 ⻔ ⼾ ⽹ 站发布"): the same report, and
// no TXT.SPACE for those spaces (spacedRadicals).
func TestRadicalFormsReadAsShown(t *testing.T) {
	texts := []layout{{"tab", ".txt", textOf}, {"oneline", ".txt", onelineCycling}, {"layout", ".txt", layoutText}, {"markdown", ".md", markdownText}}
	for i := range 14 {
		truth := report.Generate(rand.New(rand.NewPCG(uint64(i), 9)), fmt.Sprintf("示例县第%d人民政府办公室", i), 2019+i%7)
		ls := append(texts[:len(texts):len(texts)], layout{"page", ".html", pageHTML}, layout{"word", ".html", wordHTML})
		for _, l := range texts {
			ls = append(ls, layout{l.name + " spaced", l.ext, func(t testing.TB, r *report.Report) string { return spacedRadicals(asRadicals(l.make(t, r))) }})
		}
		for _, l := range ls {
			src := l.make(t, truth)
			odd := asRadicals(src)
			if strings.HasSuffix(l.name, " spaced") {
				src, odd = texts[slices.IndexFunc(texts, func(x layout) bool { return x.name+" spaced" == l.name })].make(t, truth), src
			}
			if odd == src || !strings.Contains(odd, "⼀") || !strings.Contains(odd, "⺠") {
				t.Fatalf("%s: the text holds no radical forms", l.name)
			}
			clean, err := report.Read("r"+l.ext, []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			got, err := report.Read("r"+l.ext, []byte(odd))
			if err != nil {
				t.Fatal(err)
			}
			if got.Agency != clean.Agency || got.Year != clean.Year || got.Agency == "" {
				t.Errorf("%d %s: agency %q %d, want %q %d", i, l.name, got.Agency, got.Year, clean.Agency, clean.Year)
			}
			// the directory run groups by what Identify reads
			if a, y := report.Identify("r"+l.ext, []byte(odd)); a != clean.Agency || y != clean.Year {
				t.Errorf("%d %s: identified as %q %d, want %q %d", i, l.name, a, y, clean.Agency, clean.Year)
			}
			for _, row := range truth.Format.T3Rows() {
				if got.Applications[row.Key] != clean.Applications[row.Key] {
					t.Errorf("%d %s: 表三 %s = %v, want %v", i, l.name, row.Key, got.Applications[row.Key], clean.Applications[row.Key])
				}
			}
			if got.Appeals != clean.Appeals {
				t.Errorf("%d %s: 表四 %v, want %v", i, l.name, got.Appeals, clean.Appeals)
			}
			for k, s := range clean.Sections {
				if got.Sections[k] != s {
					t.Errorf("%d %s: section %s = %.40q…, want %.40q…", i, l.name, k, got.Sections[k], s)
				}
			}
			isRadicals := func(f report.Finding) bool { return f.Rule == "PARSE.READ" && strings.Contains(f.Message, "部首") }
			a, said := findingsApart(got, isRadicals)
			if b, _ := findingsApart(clean, isRadicals); !slices.Equal(a, b) {
				t.Errorf("%d %s: findings\n%s\nwant\n%s", i, l.name, strings.Join(a, "\n"), strings.Join(b, "\n"))
			}
			if len(said) != 1 || !strings.Contains(said[0], "文件中是字符 U+") {
				t.Errorf("%d %s: the radical forms were said %d times: %q", i, l.name, len(said), said)
			}
		}
	}
}

// spacedRadicals sets each radical form of s apart from the Han characters
// and Chinese punctuation beside it by a space, as pdf.js's text does.
func spacedRadicals(s string) string {
	rs := []rune(s)
	form := func(r rune) bool {
		return r >= 0x2E80 && r <= 0x2FDF || r >= 0xF900 && r <= 0xFAFF
	}
	chinese := func(r rune) bool {
		return form(r) || unicode.Is(unicode.Han, r) || r >= 0x3001 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF0F
	}
	var b strings.Builder
	for i, r := range rs {
		if i > 0 && chinese(rs[i-1]) && chinese(r) && (form(r) || form(rs[i-1])) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func init() {
	fixtures = append(fixtures,
		fixture{file: "layout-radicals-2021.txt", make: func(t testing.TB) []byte { return []byte(asRadicals(layoutText(t, truth()))) }, want: truth, findings: []string{"PARSE.READ"}},
		fixture{file: "oneline-radicals-2021.txt", make: func(t testing.TB) []byte { return []byte(asRadicals(onelineCycling(t, truth()))) }, want: func() *report.Report {
			r := truth()
			blankNormative(r) // as oneline-2021.txt
			return r
		}, findings: []string{"PARSE.READ", "PARSE.AMBIGUOUS"}})
}

// A portal page is identified from its head, read apart from Lines: its
// title's radical forms are folded there too, or the directory run would
// group it apart from the agency's other years.
func TestRadicalFormsIdentified(t *testing.T) {
	page := "<html><body><p>示例县⼈⺠政府2024年政府信息公开⼯作年度报告</p><p>⼀、总体情况</p><p>本年度…</p></body></html>"
	if a, y := report.Identify("r.html", []byte(page)); a != "示例县人民政府" || y != 2024 {
		t.Errorf("identified as %q %d", a, y)
	}
}

// A space typed beside a radical form, in a text that writes its radical
// forms glued to their neighbours, is the report's: still a TXT.SPACE.
func TestTypedSpaceBesideRadicalForm(t *testing.T) {
	src := textOf(t, truth())
	if !strings.Contains(src, "门户网站") {
		t.Fatal("the text has no 门户网站")
	}
	odd := asRadicals(strings.Replace(src, "门户网站", "门户 网站", 1))
	if !strings.Contains(odd, "户 ⽹站") {
		t.Fatalf("no radical form beside the space: %.200q", odd)
	}
	r, err := report.Read("r.txt", []byte(odd))
	if err != nil {
		t.Fatal(err)
	}
	report.Check(r, nil)
	if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
		return f.Rule == "TXT.SPACE" && strings.Contains(f.Message, "户 网")
	}) {
		t.Error("the typed space was not said")
	}
}
