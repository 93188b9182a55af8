package report_test

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"gongkai/internal/report"
)

// Row labels as agencies write them — ASCII brackets round （一）, 1、 and
// 1． for 1., the numbers left out, spaced words, 合计 for 总计, straight or
// no quotes round 三安全一稳定, 其它 for 其他, 顿号 between 信访、举报、投诉,
// quotes round “三类”, 本年办理结果 — in every text, Markdown and HTML layout: no cell
// read wrong, 99.5 % read. Before, a page folded at a width whose rows were
// numbered 1、 read seven cells in ten (its row joints were not seen), and
// 其它 lost a fortieth of the cells of every layout (（六）其它处理, 其它结果).
func TestLabelVariantsNeverMisread(t *testing.T) {
	perturbs := map[string]perturbation{
		"ascii-parens": func(_ *rand.Rand, s string) string {
			return regexp.MustCompile(`（([一二三四五六七])）`).ReplaceAllString(s, "($1)")
		},
		"dun-numbers": func(_ *rand.Rand, s string) string {
			return regexp.MustCompile(`(\d)\.([\p{Han}“])`).ReplaceAllString(s, "$1、$2")
		},
		"wide-dot-numbers": func(_ *rand.Rand, s string) string {
			return regexp.MustCompile(`(\d)\.([\p{Han}“])`).ReplaceAllString(s, "$1．$2")
		},
		"no-numbers": func(_ *rand.Rand, s string) string {
			return regexp.MustCompile(`(?m)(^|\t)\d\.([\p{Han}“])`).ReplaceAllString(s, "$1$2")
		},
		"spaced-labels": func(_ *rand.Rand, s string) string {
			return strings.NewReplacer("予以公开", "予 以 公 开", "不予公开", "不 予 公 开", "部分公开", "部 分 公 开").Replace(s)
		},
		"heji": func(_ *rand.Rand, s string) string {
			return strings.ReplaceAll(s, "（七）总计", "（七）合计")
		},
		"english-quotes": func(_ *rand.Rand, s string) string {
			return strings.NewReplacer("“", "\"", "”", "\"").Replace(s)
		},
		"no-quotes": func(_ *rand.Rand, s string) string {
			return strings.NewReplacer("“", "", "”", "").Replace(s)
		},
		"qita": func(_ *rand.Rand, s string) string { return strings.ReplaceAll(s, "其他", "其它") },
		"enumerated": func(_ *rand.Rand, s string) string {
			return strings.NewReplacer("信访举报投诉类申请", "信访、举报、投诉类申请", "其他法律行政法规禁止公开", "其他法律、行政法规禁止公开").Replace(s)
		},
		"benian": func(_ *rand.Rand, s string) string {
			return strings.ReplaceAll(s, "本年度办理结果", "本年办理结果")
		},
		"quoted-classes": func(_ *rand.Rand, s string) string {
			return strings.NewReplacer("属于三类内部事务信息", "属于“三类”内部事务信息", "属于四类过程性信息", "属于“四类”过程性信息").Replace(s)
		},
	}
	underPerturbations(t, []string{".txt", ".md", ".html"}, perturbs, 5, 0.995)
}

// The 2019 format's 表二 whose column headings an OCR misread past the
// words that tell the format (果年新制作数量, 上一年维目数量, 对外公开总存总,
// 政府集中采维), in a report whose year was misread too (2O2O年): the format
// is told by pieces of its headings (新制作数量, 本年增/减). Before, the
// report was read as the 2021 format, 表二's rows under the wrong items and
// several of its cells wrong.
func TestFormatFromMisreadHeadings(t *testing.T) {
	want := truth2019()
	for _, misread := range []*strings.Replacer{
		strings.NewReplacer("2020年政府信息公开", "2O2O年政府信息公开", "本年新制作数量", "果年新制作数量", "上一年项目数量", "上一年维目数量",
			"对外公开总数量", "对外公开总存总", "政府集中采购", "政府集中采维"),
		// a character of every heading lost, as an OCR that drops them
		// does (the 2021 format was read, 行政许可's three cells as one)
		strings.NewReplacer("2020年", "年", "本年新制作数量", "本年新制数量", "本年新公开数量", "年新公开量",
			"对外公开总数量", "对外公开总量", "上一年项目数量", "一年目数量", "本年增/减", "本增/减", "政府集中采购", "政集中采购"),
	} {
		formatDespite(t, want, misread.Replace(textOf(t, want)))
	}
}

func formatDespite(t *testing.T, want *report.Report, src string) {
	t.Helper()
	if strings.Contains(src, "本年新制作数量") || strings.Contains(src, "2020年政府信息公开") {
		t.Fatal("the headings are not misread as the test means")
	}
	got := audit(t, "r.txt", []byte(src))
	if got.Format != report.Format2019 {
		t.Fatalf("read as the %s format", got.Format)
	}
	for _, it := range want.Format.T2Items() {
		for _, c := range it.Cells {
			if g, w := got.Proactive.Cell(it.Key+"."+c), want.Proactive.Cell(it.Key+"."+c); !g.Blank() && g.String() != w.String() {
				t.Errorf("表二 %s.%s read as %v, printed %v", it.Key, c, g, w)
			}
		}
	}
}
