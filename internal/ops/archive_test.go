package ops_test

import (
	"strings"
	"testing"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// 归档: answered applications get the next 档号 of the agency's form for
// the year they were closed, in the order closed, all or none; an open one,
// one filed already, an agency without a form, a supervisor: refused, and
// nothing written.
func TestFileCases(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		a, b, open := f.register("2026-03-02", "王某"), f.register("2026-03-03", "李某"), f.register("2026-03-04", "赵某")
		f.decide(b.ID, "2026-03-09")
		f.decide(a.ID, "2026-03-10")
		o := f.on("2026-03-20")
		before := f.audits()
		if _, err := o.FileCases(ctx, f.clerk, []int64{a.ID}); errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), "尚未设定档号格式") {
			t.Fatalf("without a form: %v", err)
		}
		ag := *f.a
		ag.ArchivePattern = "Z109-WS·｛年｝-D10-XXGK-｛件号：4｝"
		if err := o.UpdateAgency(ctx, f.admin, &ag, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := o.FileCases(ctx, f.clerk, []int64{a.ID, open.ID, b.ID}); errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), open.Serial+" 尚未办结") {
			t.Errorf("with an open one: %v", err)
		}
		if _, err := o.FileCases(ctx, f.super, []int64{a.ID}); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("a supervisor filed: %v", err)
		}
		if _, err := o.FileCases(ctx, f.clerk, nil); errs.KindOf(err) != errs.Invalid {
			t.Errorf("nothing ticked: %v", err)
		}
		if n := f.audits() - before; n != 1 { // the agency's form only
			t.Fatalf("%d audit entries after refusals, want 1", n)
		}
		filed, err := o.FileCases(ctx, f.clerk, []int64{a.ID, b.ID, a.ID})
		if err != nil || len(filed) != 2 || filed[0].Serial != b.Serial || filed[0].ArchiveNo != "Z109-WS·2026-D10-XXGK-0001" ||
			filed[1].Serial != a.Serial || filed[1].ArchiveNo != "Z109-WS·2026-D10-XXGK-0002" {
			t.Fatalf("filed: %v %+v", err, filed)
		}
		if _, err := o.FileCases(ctx, f.clerk, []int64{a.ID}); errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), "已经归档") {
			t.Errorf("twice: %v", err)
		}
		v, err := o.Case(ctx, f.super, a.ID)
		if err != nil || v.ArchiveNo != "Z109-WS·2026-D10-XXGK-0002" || v.ArchivedOn == nil || *v.ArchivedOn != D("2026-03-20") {
			t.Errorf("the case: %v %+v %v", err, v.ArchiveNo, v.ArchivedOn)
		}
		rows, _, err := s.SearchAudit(ctx, store.AuditFilter{AgencyIDs: []int64{f.a.ID}, Action: "case.archive", Limit: 5})
		if err != nil || len(rows) != 1 || rows[0].Object != b.Serial+"、"+a.Serial || !strings.HasPrefix(rows[0].Detail, "档号 Z109-WS·2026-D10-XXGK-0001、") {
			t.Errorf("audit: %v %+v", err, rows)
		}
		for filter, want := range map[string]int{"filed": 2, "unfiled": 0} {
			_, n, err := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{f.a.ID}, Filed: filter})
			if err != nil || n != want {
				t.Errorf("filter %s: %d %v, want %d", filter, n, err, want)
			}
		}
		// the refused attempt with the open one used up no 件号
		f.decide(open.ID, "2026-03-25")
		if filed, err := f.on("2026-03-26").FileCases(ctx, f.head, []int64{open.ID}); err != nil || filed[0].ArchiveNo != "Z109-WS·2026-D10-XXGK-0003" {
			t.Errorf("the third: %v %+v", err, filed)
		}
	})
}
