package report_test

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// 表三's row labels written shorter, as agencies also write them — without
// 属于, without the words of a reason (本机关不掌握, 需要另行制作), the
// first rows without 政府信息公开 — on top of every layout: nothing read
// wrong, 99.5 % read. Before, a grid whose merged column printed a piece of
// 三、本年度办理结果 on the line of 8.行政查询事项 (属于 left out) left that
// row unread.
func TestShortenedT3Labels(t *testing.T) {
	replace := func(pairs ...string) perturbation {
		r := strings.NewReplacer(pairs...)
		return func(_ *rand.Rand, s string) string { return r.Replace(s) }
	}
	perturbs := map[string]perturbation{
		"no-shuyu": replace("属于国家秘密", "国家秘密", "属于三类内部事务信息", "三类内部事务信息", "属于四类过程性信息", "四类过程性信息",
			"属于行政执法案卷", "行政执法案卷", "属于行政查询事项", "行政查询事项"),
		"short-withheld":    replace("其他法律行政法规禁止公开", "法律行政法规禁止公开", "危及“三安全一稳定”", "危及三安全一稳定", "保护第三方合法权益", "第三方合法权益"),
		"short-unavailable": replace("本机关不掌握相关政府信息", "本机关不掌握", "没有现成信息需要另行制作", "需要另行制作", "补正后申请内容仍不明确", "补正后仍不明确"),
		"short-np":          replace("信访举报投诉类申请", "信访举报投诉类", "无正当理由大量反复申请", "大量反复申请", "要求行政机关确认或重新出具已获取信息", "要求确认或重新出具已获取信息"),
		"short-rows":        replace("本年新收政府信息公开申请数量", "本年新收申请数量", "上年结转政府信息公开申请数量", "上年结转申请数量", "结转下年度继续办理", "结转下年度办理"),
	}
	underPerturbations(t, []string{".txt", ".md", ".html"}, perturbs, 3, 0.995)
}
