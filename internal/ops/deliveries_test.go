package ops_test

import (
	"strings"
	"testing"

	"gongkai/internal/casework"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// A letter's 送达 is recorded once it is issued: by post with its number,
// then the day the 回执 says it was signed for; the applicant reads both on
// the status page, the 案卷 keeps them; a supervisor records nothing.
func TestDeliveries(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		c := f.register("2026-03-02", "张三")
		f.decide(c.ID, "2026-03-05")
		o := f.on("2026-03-06")
		post := casework.Delivery{Method: "邮寄送达", SentOn: D("2026-03-06"), Tracking: "1181234567890"}
		if _, err := o.RecordDelivery(ctx, f.clerk, c.ID, 2, post); whereOf(err) != "seq" {
			t.Errorf("a letter not yet issued: %v", err)
		}
		if _, err := o.Letter(ctx, f.clerk, c.ID, 2); err != nil { // issued: numbered
			t.Fatal(err)
		}
		if _, err := o.RecordDelivery(ctx, f.clerk, c.ID, 1, post); whereOf(err) != "seq" {
			t.Errorf("the registration has no letter: %v", err)
		}
		if _, err := o.RecordDelivery(ctx, f.super, c.ID, 2, post); err == nil {
			t.Error("a supervisor recorded a delivery")
		}
		bad := post
		bad.SentOn = D("2026-03-04") // before the letter
		if _, err := o.RecordDelivery(ctx, f.clerk, c.ID, 2, bad); whereOf(err) != "sent_on" {
			t.Errorf("sent before the letter: %v", err)
		}
		d, err := o.RecordDelivery(ctx, f.clerk, c.ID, 2, post)
		if err != nil || d.ID == 0 || d.Number == "" || d.By != f.clerk.Name {
			t.Fatalf("%+v %v", d, err)
		}
		// the 回执 comes back
		got := D("2026-03-09")
		o = f.on("2026-03-10")
		if _, err := o.RecordDelivery(ctx, f.clerk, c.ID, 2, casework.Delivery{ID: d.ID + 99, ReceivedOn: &got}); whereOf(err) != "id" {
			t.Errorf("another delivery's receipt: %v", err)
		}
		if _, err := o.RecordDelivery(ctx, f.clerk, c.ID, 2, casework.Delivery{ID: d.ID, ReceivedOn: &got}); err != nil {
			t.Fatal(err)
		}
		v, err := o.Case(ctx, f.clerk, c.ID)
		if err != nil || len(v.Deliveries) != 1 || v.Deliveries[0].ReceivedOn == nil || *v.Deliveries[0].ReceivedOn != got || v.Deliveries[0].Tracking != "1181234567890" {
			t.Fatalf("recorded: %+v %v", v.Deliveries, err)
		}
		st, err := o.Status(ctx, c.Code)
		if err != nil || len(st.Letters) != 1 || !strings.Contains(strings.Join(st.Letters[0].Mailed, ""), "2026年3月6日邮寄送达（邮件号 1181234567890），2026年3月9日签收") {
			t.Errorf("status: %+v %v", st, err)
		}
	})
}
