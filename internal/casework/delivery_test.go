package casework

import (
	"strings"
	"testing"

	"gongkai/internal/errs"
	"gongkai/internal/workday"
)

func TestDeliveryCheck(t *testing.T) {
	on, today := D("2026-03-02"), D("2026-03-10")
	ok := Delivery{Method: " 邮寄送达 ", SentOn: D("2026-03-03"), Tracking: " 1234567890123 ", ReceivedOn: ptr(D("2026-03-05"))}
	if err := ok.Check(on, today); err != nil || ok.Method != "邮寄送达" || ok.Tracking != "1234567890123" {
		t.Fatalf("%v %+v", err, ok)
	}
	if got := ok.Text(); got != "2026年3月3日邮寄送达（邮件号 1234567890123），2026年3月5日签收" {
		t.Errorf("text: %s", got)
	}
	bad := Delivery{Method: "飞鸽传书", SentOn: D("2026-03-01"), ReceivedOn: ptr(D("2026-02-28")), Tracking: strings.Repeat("1", 41)}
	fields := errs.Fields(bad.Check(on, today))
	for _, f := range []string{"method", "sent_on", "received_on", "tracking"} {
		if fields[f] == "" {
			t.Errorf("%s not said: %v", f, fields)
		}
	}
	if fields := errs.Fields((&Delivery{Method: "当面送达", SentOn: D("2026-03-11")}).Check(on, today)); !strings.Contains(fields["sent_on"], "晚于今天") {
		t.Errorf("a delivery after today: %v", fields)
	}
}

// The day a fee notice reached the applicant comes from its delivery record
// (signed for, or handed over) until the case itself has the day.
func TestFeeNoticeReceived(t *testing.T) {
	c, _ := NewCase(intake(2, Online, "2026-04-28"), clerk, at("2026-04-28"), cal)
	ev, err := c.Apply(Step{Kind: KindFeeNotice, On: D("2026-05-06"), Method: FeeByPages, Pages: 120}, clerk, at("2026-05-06"), cfg, cal)
	if err != nil {
		t.Fatal(err)
	}
	post := Delivery{Seq: ev.Seq, Method: "邮寄送达", SentOn: D("2026-05-06")}
	signed := post
	signed.ReceivedOn = ptr(D("2026-05-08"))
	for _, x := range []struct {
		ds   []Delivery
		want workday.Date
	}{
		{nil, 0},
		{[]Delivery{post}, 0}, // posted, not yet signed for
		{[]Delivery{signed}, D("2026-05-08")},
		{[]Delivery{{Seq: ev.Seq, Method: "当面送达", SentOn: D("2026-05-07")}}, D("2026-05-07")},
		{[]Delivery{{Seq: ev.Seq - 1, Method: "当面送达", SentOn: D("2026-05-07")}}, 0}, // another letter's
	} {
		if got := FeeNoticeReceived(c, x.ds); got != x.want {
			t.Errorf("%+v: %v, want %v", x.ds, got, x.want)
		}
	}
	if _, err := c.Apply(Step{Kind: KindFeeDelivered, On: D("2026-05-08")}, clerk, at("2026-05-08"), cfg, cal); err != nil {
		t.Fatal(err)
	}
	if got := FeeNoticeReceived(c, []Delivery{signed}); got != 0 {
		t.Errorf("the case has the day, yet %v is proposed", got)
	}
	// a notice whose delivery day was given with it
	c2, _ := NewCase(intake(2, Online, "2026-04-28"), clerk, at("2026-04-28"), cal)
	ev, _ = c2.Apply(Step{Kind: KindFeeNotice, On: D("2026-05-06"), Method: FeeByPages, Pages: 120, Delivered: D("2026-05-06")}, clerk, at("2026-05-06"), cfg, cal)
	if got := FeeNoticeReceived(c2, []Delivery{{Seq: ev.Seq, Method: "当面送达", SentOn: D("2026-05-06")}}); got != 0 {
		t.Errorf("a notice delivered with it: %v", got)
	}
}
