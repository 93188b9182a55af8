package ops_test

import (
	"strings"
	"testing"

	"gongkai/internal/appeal"
	"gongkai/internal/errs"
	"gongkai/internal/ops"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// Two people on one 复议 record: a save from a form opened before another's
// is refused (Conflict) naming how the record differs from what was typed,
// nothing written; what was typed lands when saved from the record as it is
// now; the same change saved twice is no conflict; each save is audited
// with what it changed.
func TestAppealSavedByTwo(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-04-10")
		a, err := o.RecordAppeal(ctx, f.clerk, appeal.Record{Kind: appeal.Review, Body: "示例区人民政府", FiledOn: D("2026-03-02")})
		if err != nil {
			t.Fatal(err)
		}
		opened := a.Fingerprint()
		conclude := func(on string, r appeal.Result) func(*appeal.Record) error {
			return func(x *appeal.Record) error {
				d := D(on)
				x.ConcludedOn, x.Result = &d, r
				return nil
			}
		}
		before := f.audits()
		first, err := o.UpdateAppeal(ctx, f.head, a.ID, opened, conclude("2026-04-01", appeal.Upheld))
		if err != nil {
			t.Fatal(err)
		}
		if f.audits() != before+1 {
			t.Error("no audit entry")
		}
		_, err = o.UpdateAppeal(ctx, f.clerk, a.ID, opened, conclude("2026-04-02", appeal.Corrected))
		if errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), "审结日期 2026-04-01 → 2026-04-02；结果 结果维持 → 结果纠正") {
			t.Fatalf("a save over another's: %v", err)
		}
		stored, _ := s.Appeal(ctx, f.a.ID, a.ID)
		if stored.Result != appeal.Upheld || f.audits() != before+1 {
			t.Fatalf("written over: %+v", stored)
		}
		// the same change as the other's: nothing to refuse, nothing written
		if _, err := o.UpdateAppeal(ctx, f.clerk, a.ID, opened, conclude("2026-04-01", appeal.Upheld)); err != nil || f.audits() != before+1 {
			t.Errorf("the same change twice: %v", err)
		}
		// from the record as it is now
		if _, err := o.UpdateAppeal(ctx, f.clerk, a.ID, first.Fingerprint(), conclude("2026-04-02", appeal.Corrected)); err != nil {
			t.Fatal(err)
		}
		rows, _, err := o.Audit(ctx, f.super, ops.AuditQuery{Action: "appeal.update", Limit: 10})
		if err != nil || len(rows) != 2 || !strings.Contains(rows[0].Detail, "结果 结果维持 → 结果纠正") {
			t.Errorf("audit: %v %+v", err, rows)
		}
		// the API's conclusion, without a form: as read
		if _, err := o.UpdateAppeal(ctx, f.clerk, a.ID, "", func(x *appeal.Record) error { x.Note = "已归档"; return nil }); err != nil {
			t.Error(err)
		}
	})
}
