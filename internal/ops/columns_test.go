package ops_test

import (
	"fmt"
	"testing"

	"gongkai/internal/errs"
	"gongkai/internal/newmedia"
	"gongkai/internal/ops"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
	"gongkai/internal/workday"
)

// A website's columns are counted against the census's veto items: five
// columns past their update limit, or five blank ones, fail the site. The
// supervising office sees every agency below it, the failing first; another
// county's clerk sees nothing of them; the count of columns is a setting.
func TestSiteColumnsVetoes(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-03-02")
		publishItems(t, s, f.a.ID, 3) // in 通知公告, published in January 2024
		save := func(p ops.Principal, name string, kind newmedia.ColumnKind, last string) {
			t.Helper()
			c := newmedia.Column{Name: name, Kind: kind}
			if last != "" {
				d := workday.MustDate(last)
				c.LastUpdate = &d
			}
			if _, err := o.SaveColumn(ctx, p, c, ""); err != nil {
				t.Fatal(err)
			}
		}
		save(f.clerk, "通知公告", "notice", "")            // its items: 2024, over six months
		save(f.clerk, "工作动态", "dynamic", "2026-03-01") // fresh
		for i := range 4 {
			save(f.clerk, fmt.Sprintf("动态%d", i), "dynamic", "2026-02-10") // 20 days
		}
		save(f.clerk, "机构职能", "static", "") // nothing in it: blank
		for i := range 5 {
			save(f.bClerk, fmt.Sprintf("栏目%d", i), "notice", "")
		}

		a, err := o.SiteColumns(ctx, f.clerk, f.a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a.Tally != (newmedia.ColumnTally{Columns: 7, Stale: 5, Blank: 1}) || len(a.Vetoes) != 1 || a.Vetoes[0] != "栏目不更新：超期未更新的栏目 5 个，达到 5 个" {
			t.Errorf("the agency's columns: %+v %q", a.Tally, a.Vetoes)
		}
		if a.Columns[0].Name != "通知公告" || a.Columns[0].Last == nil || a.Columns[0].Last.String() != "2024-01-02" || !a.Columns[0].Stale {
			t.Errorf("通知公告 from its items: %+v", a.Columns[0])
		}
		if _, err := o.SiteColumns(ctx, f.peerClerk, f.a.ID); errs.KindOf(err) != errs.NotFound {
			t.Errorf("another county's clerk: %v", err)
		}

		sites, err := o.SitesBelow(ctx, f.super)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, x := range sites {
			got = append(got, fmt.Sprintf("%s %d/%d/%d %d", x.Agency, x.Tally.Columns, x.Tally.Stale, x.Tally.Blank, len(x.Vetoes)))
		}
		if fmt.Sprint(got) != "[示例区教育局 7/5/1 1 示例区财政局 5/0/5 1 示例区人民政府 0/0/0 0]" {
			t.Errorf("below the supervisor: %q", got)
		}
		if sites[1].Vetoes[0] != "空白栏目 5 个，达到 5 个" {
			t.Errorf("blank columns: %q", sites[1].Vetoes)
		}
		if mine, err := o.SitesBelow(ctx, f.clerk); err != nil || len(mine) != 1 || mine[0].AgencyID != f.a.ID {
			t.Errorf("a clerk's own: %+v %v", mine, err)
		}

		// a column merged away is taken off the register by the agency's own
		// staff, once confirmed; its items stay
		col := a.Columns[0]
		if _, err := o.RemoveColumn(ctx, f.super, col.ID, true); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("a supervisor removes: %v", err)
		}
		if _, err := o.RemoveColumn(ctx, f.bClerk, col.ID, true); errs.KindOf(err) != errs.NotFound {
			t.Errorf("another agency's clerk removes: %v", err)
		}
		if _, err := o.RemoveColumn(ctx, f.clerk, col.ID, false); errs.KindOf(err) != errs.Invalid {
			t.Errorf("without the tick: %v", err)
		}
		if name, err := o.RemoveColumn(ctx, f.clerk, col.ID, true); err != nil || name != "通知公告" {
			t.Fatalf("remove: %q %v", name, err)
		}
		entries, _, err := s.ListAudit(ctx, []int64{f.a.ID}, 1, 0)
		if err != nil || entries[0].Action != "column.remove" || entries[0].Object != "通知公告" {
			t.Errorf("audit: %+v %v", entries, err)
		}
		if a, _ := o.SiteColumns(ctx, f.clerk, f.a.ID); a.Tally != (newmedia.ColumnTally{Columns: 6, Stale: 4, Blank: 1}) {
			t.Errorf("after the removal: %+v", a.Tally)
		}
		if items, err := s.PublishedIn(ctx, f.a.ID, workday.MustDate("2024-01-01"), workday.MustDate("2024-12-31")); err != nil || len(items) != 3 || items[0].Column != "通知公告" {
			t.Errorf("its items: %d %v", len(items), err)
		}

		if _, err := o.SaveSettings(ctx, f.admin, map[string]string{"column_veto_count": "6"}, ""); err != nil {
			t.Fatal(err)
		}
		save(f.clerk, "动态9", "dynamic", "2026-01-10")
		if a, _ := o.SiteColumns(ctx, f.clerk, f.a.ID); a.Limit != 6 || a.Vetoes != nil || a.Tally.Stale != 5 {
			t.Errorf("with six: %+v %q", a.Tally, a.Vetoes)
		}
	})
}
