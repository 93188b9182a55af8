package casework

import "testing"

// A 送达回证 fills in a delivery of its own letter only, the latest one, with
// its 邮件号; without one the ways are left to tick.
func TestServiceFormFor(t *testing.T) {
	c := &Case{}
	c.Intake.Applicant.Name, c.Intake.Applicant.Address = "钱某", " 新乡市某路1号 "
	l := &Letter{Title: "某局政府信息公开申请答复书", Signer: "某局", Number: "某依公〔2026〕2号"}
	f := ServiceFormFor(c, l, []Delivery{{Number: "某依公〔2026〕1号", Method: "当面送达", SentOn: D("2026-11-20")}})
	if f.Method != "" || f.Document != "政府信息公开申请答复书" || f.Address != "新乡市某路1号" || len(f.Methods) != len(DeliveryMethods) {
		t.Errorf("another letter's delivery: %+v", f)
	}
	f = ServiceFormFor(c, l, []Delivery{
		{Number: l.Number, Method: "当面送达", SentOn: D("2026-11-24")},
		{Number: l.Number, Method: "邮寄送达", SentOn: D("2026-11-25"), Tracking: "1181234567890"},
	})
	if f.Method != "邮寄送达（邮件号 1181234567890）" || f.SentOn != "2026年11月25日" {
		t.Errorf("the latest delivery: %+v", f)
	}
	if f.FileName() != "送达回证 某依公〔2026〕2号 政府信息公开申请答复书" {
		t.Errorf("file name %q", f.FileName())
	}
}
