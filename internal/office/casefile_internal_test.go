package office

import (
	"strings"
	"testing"
	"time"

	"gongkai/internal/casework"
	"gongkai/internal/clock"
)

// The 办理记录 numbers its sections in order whichever records the case
// has, up to all of them; a file taken out is listed with who, when and
// why, and is not among the 卷内文件.
func TestCaseRecordSections(t *testing.T) {
	at := time.Date(2026, 11, 24, 2, 0, 0, 0, time.UTC)
	clk := clock.At(at)
	c := &casework.Case{Serial: "2026-0001"}
	c.Intake.Applicant.Name = "钱某"
	all := CaseFileParts{Case: c, Agency: "某局", Clock: clk,
		Mails:       []casework.LetterMail{{Seq: 2, Number: "某依公〔2026〕1号", To: "q@example.cn", At: at, By: "张办理"}},
		Notices:     []casework.ApplicantNotice{{Seq: 2, What: "发出补正告知", To: "q***@example.cn", At: at}},
		Proposals:   []casework.Proposal{{At: at, By: "张办理"}},
		Deliveries:  []casework.Delivery{{Seq: 2, Number: "某依公〔2026〕1号", Method: "当面送达", At: at, By: "张办理"}},
		Corrections: []casework.OnlineCorrection{{At: at, Text: "2025年的"}},
		Unwritten:   []UnwrittenLetter{{Seq: 3, Step: "答复", Why: "请先在机关设置中填写复议机关"}},
		Removed:     []casework.Attachment{{Name: "王某身份证.jpg", UploadedAt: at, UploadedBy: "张办理", RemovedAt: &at, RemovedBy: "李主任", RemovedReason: "误传了其他申请的材料"}},
	}
	headings := func(p CaseFileParts) []string {
		var out []string
		for _, b := range caseRecordDoc(p, nil).Blocks {
			if b.Style == StyleHeading1 {
				out = append(out, b.Text)
			}
		}
		return out
	}
	got := strings.Join(headings(all), "|")
	want := "一、申请登记|二、办理过程|三、以电子邮件发送的文书|四、以电子邮件提示申请人的记录|五、提请负责人审批记录|六、文书送达记录|七、申请人在线提交的补正和撤回申请|八、删除的误传附件|九、未能生成的文书|十、卷内文件目录"
	if got != want {
		t.Errorf("headings:\n%s\nwant\n%s", got, want)
	}
	some := CaseFileParts{Case: c, Agency: "某局", Clock: clk, Removed: all.Removed}
	if got := strings.Join(headings(some), "|"); !strings.HasSuffix(got, "|三、删除的误传附件|四、卷内文件目录") {
		t.Errorf("headings with one record: %s", got)
	}
	var removed *Table
	for _, b := range caseRecordDoc(some, nil).Blocks {
		if b.Table != nil {
			removed = b.Table // the last table before the contents is the removals'
		}
		if b.Text == "四、卷内文件目录" {
			break
		}
	}
	if row := removed.Rows[1]; row[0].Text != "王某身份证.jpg" || !strings.HasPrefix(row[2].Text, "李主任\n2026-11-24") || row[3].Text != "误传了其他申请的材料" {
		t.Errorf("the removal's row: %+v", row)
	}
}
