package store_test

import (
	"fmt"
	"testing"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// Pending gives an agency's whole backlog of unpublished 主动公开 items
// (it stopped at 500: a supervisor's count of overdue items was capped), and
// none formed after the day asked for (they cannot be due yet).
func TestPendingCountsTheBacklog(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		a := agency(t, s, "甲局")
		var items []catalog.Item
		for i := range 620 {
			on := workday.NewDate(2026, 1, 5) + workday.Date(i%200)
			if i >= 600 {
				on = workday.NewDate(2026, 11, 10) // recent
			}
			items = append(items, catalog.Item{Title: fmt.Sprintf("第%d期简报", i), Summary: "简报", FormedOn: on, Category: "11"})
		}
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.BulkInsertItems(ctx, a.ID, "A", items) }); err != nil {
			t.Fatal(err)
		}
		// drafts, not published (the bulk insert publishes)
		if _, err := s.DB().Exec(`UPDATE catalog_items SET state = 'draft', published_on = NULL`); err != nil {
			t.Fatal(err)
		}
		got, err := s.Pending(ctx, []int64{a.ID}, workday.NewDate(2026, 11, 5))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 600 {
			t.Fatalf("%d pending items formed by 2026-11-05, want 600", len(got))
		}
		for i := 1; i < len(got); i++ {
			if got[i].FormedOn < got[i-1].FormedOn {
				t.Fatalf("not oldest first at %d", i)
			}
		}
		if got, _ := s.Pending(ctx, []int64{a.ID}, workday.NewDate(2026, 11, 10)); len(got) != 620 {
			t.Errorf("by 2026-11-10: %d, want 620", len(got))
		}
	})
}
