package casework

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gongkai/internal/errs"
	"gongkai/internal/workday"
)

// DeliveryMethods are the ways a letter is delivered (送达) that a clerk
// records by hand; a letter sent from the system by e-mail is recorded by
// the sending itself (LetterMail).
var DeliveryMethods = []string{"当面送达", "邮寄送达", "电子邮件", "其他"}

// DeliveryAsked is the DeliveryMethods entry for the way the application
// asked to be given the information (Request.Delivery), "" for none such.
func DeliveryAsked(requested string) string {
	return map[string]string{"邮寄": "邮寄送达", "电子邮件": "电子邮件", "自行领取": "当面送达"}[requested]
}

// Delivery is the record that a letter was delivered to the applicant:
// how, when it went, the postal tracking number, when it was signed for
// (the 回执, which may come back later). The periods of 复议 and 诉讼 run
// from the applicant's receipt, so an agency keeps the proof.
type Delivery struct {
	ID         int64         `json:"id"`
	Seq        int           `json:"seq"`    // the event whose letter it is
	Number     string        `json:"number"` // the letter's 文号
	Method     string        `json:"method"`
	SentOn     workday.Date  `json:"sent_on"`
	Tracking   string        `json:"tracking,omitempty"` // 邮件号 (EMS, 挂号信)
	ReceivedOn *workday.Date `json:"received_on,omitempty"`
	Note       string        `json:"note,omitempty"`
	By         string        `json:"by"`
	At         time.Time     `json:"at"`
}

// Limits of a delivery's text fields (runes).
const (
	MaxTracking     = 40
	MaxDeliveryNote = 200
)

// Check tells every problem of a delivery of a letter issued on letterOn,
// recorded today, each at its field.
func (d *Delivery) Check(letterOn, today workday.Date) error {
	d.Method, d.Tracking, d.Note = strings.TrimSpace(d.Method), strings.TrimSpace(d.Tracking), strings.TrimSpace(d.Note)
	var bad errs.List
	if !slices.Contains(DeliveryMethods, d.Method) {
		bad.Add("method", "请选择送达方式：%s", strings.Join(DeliveryMethods, "、"))
	}
	switch {
	case d.SentOn == 0:
		bad.Add("sent_on", "请填写送达（寄出）日期")
	case d.SentOn < letterOn:
		bad.Add("sent_on", "送达日期 %s 早于文书的日期 %s", d.SentOn, letterOn)
	case d.SentOn > today:
		bad.Add("sent_on", "送达日期 %s 晚于今天，不能预先登记", d.SentOn)
	}
	if r := d.ReceivedOn; r != nil && (*r < d.SentOn || *r > today) {
		bad.Add("received_on", "签收日期 %s 应在送达日期 %s 和今天之间", *r, d.SentOn)
	}
	if n := utf8.RuneCountInString(d.Tracking); n > MaxTracking {
		bad.Add("tracking", "邮件号太长（%d 字），最多 %d 字", n, MaxTracking)
	}
	if n := utf8.RuneCountInString(d.Note); n > MaxDeliveryNote {
		bad.Add("note", "备注太长（%d 字），最多 %d 字", n, MaxDeliveryNote)
	}
	return bad.Err()
}

// Text is the delivery in a line (the case page, the status page, the 案卷).
func (d Delivery) Text() string {
	s := d.SentOn.Chinese() + d.Method
	if d.Tracking != "" {
		s += "（邮件号 " + d.Tracking + "）"
	}
	if d.ReceivedOn != nil {
		s += "，" + d.ReceivedOn.Chinese() + "签收"
	}
	return s
}

// FeeNoticeReceived is the day the applicant received the fee notice in
// force, as the agency's delivery records of its letter show it (signed for;
// or handed over, which is received the same day), 0 when they do not or
// the case already has the day: the case page proposes it for 收费通知已送达,
// the step from whose next day the payment period runs. Recording the
// delivery does not take the step: the clerk confirms it.
func FeeNoticeReceived(c *Case, ds []Delivery) workday.Date {
	seq := 0
	for _, e := range c.Events {
		switch {
		case c.Undone(e.Seq):
		case e.Step.Kind == KindFeeNotice && e.Step.Delivered == 0:
			seq = e.Seq
		case e.Step.Kind == KindFeeNotice, e.Step.Kind == KindFeeDelivered:
			seq = 0 // the day is known
		}
	}
	var on workday.Date
	for _, d := range ds {
		switch {
		case d.Seq != seq || seq == 0:
		case d.ReceivedOn != nil:
			on = *d.ReceivedOn
		case d.Method == "当面送达":
			on = d.SentOn
		}
	}
	return on
}
