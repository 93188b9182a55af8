package casework

import (
	"strings"
	"testing"
)

// The 接收回执 of an application registered at the counter: the 申请编号 and
// 查询码, the 条例's period and its date as at registration (not moved by a
// later step), where to look progress up, no 文号 and no remedy; a legal
// person is 贵单位; a date the holiday notices cannot yet give is left out,
// the period stays.
func TestReceiptFor(t *testing.T) {
	c, err := NewCase(intake(0, InPerson, "2026-11-24"), clerk, at("2026-11-24"), cal)
	if err != nil {
		t.Fatal(err)
	}
	c.Serial, c.Code = "2026-0011", "GM5DFLXBRE"
	if _, err := c.Apply(Step{Kind: KindRequestCorrection, On: D("2026-11-25"), Note: "请写明年份"}, clerk, at("2026-11-25"), cfg, cal); err != nil {
		t.Fatal(err)
	}
	l := ReceiptFor(c, ag, cfg, cal, "https://gk.example/status")
	txt := l.Text()
	for _, must := range []string{
		"卫滨区教育体育和文化旅游局政府信息公开申请接收回执",
		"申请人0：",
		"本机关于2026年11月24日收到您当面提交的政府信息公开申请，申请获取“第0号文件”。",
		"申请编号：2026-0011，查询码：GM5DFLXBRE。",
		"自收到申请之日起20个工作日内予以答复（答复期限至2026年12月22日）。",
		"答复期限自收到补正后的申请之日起计算",
		"征求第三方和其他机关意见所需时间不计算在答复期限内",
		"您可以在https://gk.example/status查询办理进度",
		"2026年11月24日\n（印章）",
	} {
		if !strings.Contains(txt, must) {
			t.Errorf("the receipt lacks %q:\n%s", must, txt)
		}
	}
	if l.Number != "" || l.Remedy != "" || l.FileName() != "卫滨区教育体育和文化旅游局政府信息公开申请接收回执" {
		t.Errorf("a receipt numbered or with a remedy: %q %q %q", l.Number, l.Remedy, l.FileName())
	}
	// a company, registered where the period runs into a year not yet loaded
	c, err = NewCase(intake(1, InPerson, "2026-12-15"), clerk, at("2026-12-15"), cal)
	if err != nil {
		t.Fatal(err)
	}
	txt = ReceiptFor(c, ag, cfg, cal, "本机关政府信息公开网站").Text()
	if !strings.Contains(txt, "收到贵单位当面提交") || !strings.Contains(txt, "20个工作日内予以答复。") || strings.Contains(txt, "答复期限至") ||
		!strings.Contains(txt, "贵单位可以在本机关政府信息公开网站查询") {
		t.Errorf("a company's receipt past the calendar:\n%s", txt)
	}
}
