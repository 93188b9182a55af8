package casework

import (
	"fmt"
	"strings"

	"gongkai/internal/workday"
)

// ReceiptFor drafts the 接收回执 an agency hands or sends to an applicant
// whose application its staff registered (at the counter, from the post):
// the 申请编号 and 查询码, the reply period the 条例 sets and its date as it
// stood on registration, and where progress is looked up (where). It
// decides nothing, so it has no 文号 and no remedy; the period's exceptions
// are said as the 条例 says them (Arts. 30, 33). The date is that of the
// registration.
func ReceiptFor(c *Case, ag AgencyInfo, cfg Config, cal *workday.Calendar, where string) *Letter {
	a := c.Intake.Applicant
	_, via, _, _ := channelInfo(c.Intake.Channel)
	on := c.Received
	period := fmt.Sprintf("本机关将依照《中华人民共和国政府信息公开条例》第三十三条的规定，自收到申请之日起%d个工作日内予以答复", cfg.ReplyDays)
	if len(c.Events) > 0 {
		on = c.Events[0].Step.On
		if due, err := c.deadlineAt(1, cfg, cal); err == nil && due != 0 {
			period += "（答复期限至" + due.Chinese() + "）"
		}
	}
	l := &Letter{Kind: "receipt", Title: ag.Name + ReceiptTitle, Signer: ag.Name, Date: on, Addressee: a.Name + "：", Contact: ag.Contact}
	you := a.You()
	l.Facts = fmt.Sprintf("本机关于%s收到%s%s的政府信息公开申请，申请获取“%s”。", c.Received.Chinese(), you, via, strings.TrimSpace(c.Intake.Request.Description))
	l.Decision = []string{
		fmt.Sprintf("申请编号：%s，查询码：%s。", c.Serial, c.Code),
		period + "。申请内容需要补正的，本机关将一次性告知，答复期限自收到补正后的申请之日起计算；征求第三方和其他机关意见所需时间不计算在答复期限内；需要延长答复期限或者收取信息处理费的，本机关将另行告知。",
		fmt.Sprintf("凭申请编号和查询码，%s可以在%s查询办理进度、下载答复文书。请妥善保管本回执。", you, where),
	}
	return l
}

// ReceiptTitle is the kind of document a receipt is.
const ReceiptTitle = "政府信息公开申请接收回执"
