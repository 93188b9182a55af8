package report

import "testing"

// A piece of a group's words (the merged column's 三、本年度办理结果,
// （四）无法提供 … wrapped into pieces of a few characters) printed on the
// line of a numbered row is taken off its label, which then matches the
// row; words that are no group's piece, and labels without a number after
// the piece, are kept.
func TestStripGroupPieces(t *testing.T) {
	for in, want := range map[string]string{
		"三本年度办理结果1本机关不掌握相关政府信息": "1本机关不掌握相关政府信息", // the whole group (as before)
		"三本年度1本机关不掌握相关政府":       "1本机关不掌握相关政府",
		"办理结果1本机关不掌握相关政府信":      "1本机关不掌握相关政府信",
		"度办理结3补正后申请内容仍不明":       "3补正后申请内容仍不明",
		"四无法2没有现成信息需要另行":        "2没有现成信息需要另行",
		"处理4无正当理由大量反复申":         "4无正当理由大量反复申",
		"予公开6属于四类过程性信息":         "6属于四类过程性信息",
		"五1信访举报":                "1信访举报",        // a group's numeral, its bracket split: （五 1.信访举报 / ）不 投诉类申请
		"一1信访举报":                "一1信访举报",       // no group's numeral
		"予2没有现成信息需要另行":          "予2没有现成信息需要另行", // one character of words: not known to be a piece
		"本机关2没有现成信息":            "本机关2没有现成信息",   // no group's words
		"一本年新收政府信息公开申请数量":       "一本年新收政府信息公开申请数量",
		"七总计": "七总计",
	} {
		if got := stripGroups(in); got != want {
			t.Errorf("stripGroups(%q) = %q, want %q", in, got, want)
		}
	}
}
