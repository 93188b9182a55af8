package ops_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"gongkai/internal/errs"
	"gongkai/internal/ops"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// An applicant who lost the 查询码 gets it by e-mail, at the address the
// application gave, for the 申请编号 given: both agencies' applications
// numbered alike are looked at, only the one with that address answered;
// a wrong address or number sends nothing and says nothing; a sixth request
// in the hour from one address is refused; each sending is audited.
func TestSendStatusCode(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		srv, m := mailer(t)
		o := f.on("2026-03-02")
		mine := f.register("2026-03-02", "张某") // a@example.cn
		in := intake("李某", "2026-03-02")
		in.Applicant.Email = "li@example.cn"
		theirs, err := o.Register(ctx, f.bClerk, f.b.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if mine.Serial != theirs.Serial {
			t.Fatalf("the test wants two agencies' applications numbered alike: %s %s", mine.Serial, theirs.Serial)
		}
		if err := o.SendStatusCode(ctx, " "+mine.Serial+" ", "A@Example.cn", "192.0.2.1", "https://gk.example", m); err != nil {
			t.Fatal(err)
		}
		o.Background()
		got := srv.Messages()
		if len(got) != 1 || got[0].To[0] != "a@example.cn" {
			t.Fatalf("sent %+v", got)
		}
		body := bodyOf(t, got[0])
		for _, want := range []string{"张某：", "的查询码是：" + mine.Code, "https://gk.example/status"} {
			if !strings.Contains(body, want) {
				t.Errorf("the mail lacks %q:\n%s", want, body)
			}
		}
		if strings.Contains(body, theirs.Code) {
			t.Error("another agency's code was sent")
		}
		for _, x := range []struct{ serial, email string }{{mine.Serial, "b@example.cn"}, {"2026-9999", "a@example.cn"}} {
			if err := o.SendStatusCode(ctx, x.serial, x.email, "192.0.2.1", "", m); err != nil {
				t.Errorf("%v: %v", x, err)
			}
		}
		o.Background()
		if n := len(srv.Messages()); n != 1 {
			t.Errorf("a wrong pair sent mail: %d", n)
		}
		for _, x := range []struct{ serial, email, field string }{{"", "a@example.cn", "serial"}, {mine.Serial, "a@", "email"}} {
			if err := o.SendStatusCode(ctx, x.serial, x.email, "192.0.2.9", "", m); errs.Fields(err)[x.field] == "" {
				t.Errorf("%v: %v", x, err)
			}
		}
		// three more from the address make five in the hour; the sixth waits
		for range 2 {
			if err := o.SendStatusCode(ctx, mine.Serial, "x@example.cn", "192.0.2.1", "", m); err != nil {
				t.Fatal(err)
			}
		}
		var th *ops.ErrThrottled
		if err := o.SendStatusCode(ctx, mine.Serial, "a@example.cn", "192.0.2.1", "", m); !errors.As(err, &th) {
			t.Errorf("a sixth request: %v", err)
		}
		if err := o.SendStatusCode(ctx, mine.Serial, "a@example.cn", "192.0.2.1", "", nil); errs.KindOf(err) != errs.Conflict {
			t.Errorf("without a mail server: %v", err)
		}
		rows, _, err := s.ListAudit(context.Background(), []int64{f.a.ID}, 1, 0)
		if err != nil || rows[0].Action != "case.code_sent" || rows[0].Object != mine.Serial || !strings.Contains(rows[0].Detail, "a***@example.cn") {
			t.Errorf("audit: %+v %v", rows, err)
		}
	})
}
