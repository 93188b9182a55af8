package casework

import (
	"strings"
	"testing"

	"gongkai/internal/errs"
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
