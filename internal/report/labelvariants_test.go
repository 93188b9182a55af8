package report_test

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
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
