package report_test

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// 表四's headings as agencies also write them — 合计 or 小计 for 总计, the
// results without 结果 (维持 纠正 其他 未审结), 直接起诉 for 未经复议直接起诉 —
// on top of every layout: nothing read wrong, 99.5 % read. Before, a 表四
// cut into parts, laid out down the page or a row to a block went unread
// with 合计, and one down the page with the short results.
func TestT4HeadingVariants(t *testing.T) {
	inT4 := func(f func(string) string) perturbation {
		return func(_ *rand.Rand, s string) string {
			i := strings.Index(s, "四、政府信息公开行政复议")
			j := strings.Index(s, "五、存在的主要问题")
			if i < 0 || j < i {
				return s
			}
			return s[:i] + f(s[i:j]) + s[j:]
		}
	}
	perturbs := map[string]perturbation{
		"heji":   inT4(func(s string) string { return strings.ReplaceAll(s, "总计", "合计") }),
		"xiaoji": inT4(func(s string) string { return strings.ReplaceAll(s, "总计", "小计") }),
		"short":  inT4(strings.NewReplacer("结果维持", "维持", "结果纠正", "纠正", "其他结果", "其他", "尚未审结", "未审结").Replace),
		"direct": inT4(strings.NewReplacer("未经复议直接起诉", "直接起诉", "复议后起诉", "经复议后起诉").Replace),
		"spaced": inT4(strings.NewReplacer("结果维持", "结果 维持", "结果纠正", "结果 纠正", "其他结果", "其他 结果", "尚未审结", "尚未 审结").Replace),
	}
	underPerturbations(t, []string{".txt", ".md", ".html"}, perturbs, 3, 0.995)
}

// Cells of 表三 and 表四 that say their unit (64件, in table cells of tabs,
// pipes or HTML), on top of every layout: nothing read wrong, 99.5 % read.
// Before, a 表四 cut into parts stopped at the first part.
func TestUnitsInTableCells(t *testing.T) {
	cell := regexp.MustCompile(`(\t|\| |<td[^>]*>)(\d+)(\t|\n| \||</td>)`)
	perturbs := map[string]perturbation{
		"jian": func(_ *rand.Rand, s string) string {
			i := strings.Index(s, "三、收到和处理")
			if i < 0 {
				return s
			}
			// twice: a match takes the separator the next one needs
			return s[:i] + cell.ReplaceAllString(cell.ReplaceAllString(s[i:], "${1}${2}件${3}"), "${1}${2}件${3}")
		},
	}
	underPerturbations(t, []string{".txt", ".md", ".html"}, perturbs, 3, 0.995)
}
