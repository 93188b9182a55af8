package ops_test

import (
	"fmt"
	"strings"
	"testing"

	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/ops"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
	"gongkai/internal/workday"
)

// publishItems gives agency n published items, the first ones titled as
// given (the newest), the rest filler, eight a day.
func publishItems(t testing.TB, s *store.Store, agency int64, n int, titles ...string) {
	t.Helper()
	items := make([]catalog.Item, n)
	for i := range items {
		on := workday.NewDate(2024, 1, 2) + workday.Date((n-1-i)/8)
		title := fmt.Sprintf("区教育局第%d期工作动态", i)
		if i < len(titles) {
			title = titles[i]
		}
		items[i] = catalog.Item{Title: title, Summary: title, FormedOn: on, PublishedOn: &on, Column: "通知公告", Publisher: "示例区教育局"}
	}
	if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.BulkInsertItems(ctx, agency, "JY", items) }); err != nil {
		t.Fatal(err)
	}
}

// The people who answer an application are pointed to the published items
// it names, and find others by searching; nobody else is, and nothing is
// offered once the application is answered.
func TestPublishedFor(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		publishItems(t, s, f.a.ID, 50, "示例区2025年学区划分方案", "示例区2024年学区划分方案", "关于做好2025年招生工作的通知")
		c := f.register("2026-03-02", "张三") // asks for 2025年学区划分方案
		o := f.on("2026-03-03")
		got, err := o.PublishedFor(ctx, f.clerk, c.ID, "", "https://gk.example.cn")
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].Title != "示例区2025年学区划分方案" || got[1].Title != "示例区2024年学区划分方案" ||
			!strings.HasPrefix(got[0].Route, "本机关已于") || !strings.Contains(got[0].Route, fmt.Sprintf("https://gk.example.cn/catalog/items/%d", got[0].ID)) {
			t.Fatalf("related: %+v", got)
		}
		if got, err = o.PublishedFor(ctx, f.clerk, c.ID, "招生工作", ""); err != nil || len(got) != 1 || got[0].Title != "关于做好2025年招生工作的通知" || strings.Contains(got[0].Route, "网址") {
			t.Errorf("search: %+v %v", got, err)
		}
		if got, err = o.PublishedFor(ctx, f.super, c.ID, "", ""); err != nil || got != nil {
			t.Errorf("a supervisor is pointed to %d items (%v)", len(got), err)
		}
		if _, err = o.PublishedFor(ctx, f.peerClerk, c.ID, "", ""); err == nil {
			t.Error("another county's clerk reads the case")
		}
		step := casework.Step{Kind: casework.KindDecide, On: workday.MustDate("2026-03-03"), Outcome: "already_public", Route: got0(t, o, f, c.ID)}
		if _, err := o.AddStep(ctx, f.head, c.ID, step); err != nil {
			t.Fatal(err)
		}
		if got, err = o.PublishedFor(ctx, f.clerk, c.ID, "", ""); err != nil || got != nil {
			t.Errorf("an answered application: %d items (%v)", len(got), err)
		}
	})
}

func got0(t *testing.T, o *ops.Service, f *fx, id int64) string {
	got, err := o.PublishedFor(ctx, f.clerk, id, "", "")
	if err != nil || len(got) == 0 {
		t.Fatal(err)
	}
	return got[0].Route
}

// BenchmarkPublishedFor is what the decision form adds to a case page: the
// agency's newest 1 000 published titles read and compared with the
// request, the few alike read in full, against reading the titles alone in
// the same run.
func BenchmarkPublishedFor(b *testing.B) {
	storetest.BenchBoth(b, func(b *testing.B, s *store.Store) {
		f := newFx(b, s)
		publishItems(b, s, f.a.ID, 5000, "示例区2025年学区划分方案")
		c := f.register("2026-03-02", "张三")
		o := f.on("2026-03-03")
		againstBaseline(b, 200, func() {
			if _, err := s.RecentTitles(ctx, f.a.ID, ops.RelatedWindow); err != nil {
				b.Fatal(err)
			}
		}, func() {
			if got, err := o.PublishedFor(ctx, f.clerk, c.ID, "", ""); err != nil || len(got) == 0 {
				b.Fatal(err)
			}
		})
	})
}
