package store_test

import (
	"fmt"
	"testing"

	"gongkai/internal/catalog"
	"gongkai/internal/search"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// A search of a word with more matches than are ranked: the page holds only
// the newest matches, ranked with title matches first; the count is of all
// of them; filters narrow inside the index; tag tokens are not words.
func TestSearchRanksTheNewestMatches(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		defer store.SetCandidates(10)()
		a, b := agency(t, s, "甲局"), agency(t, s, "乙局")
		var items []catalog.Item
		for i := range 60 {
			pub := workday.NewDate(2025, 1, 1) + workday.Date(i*6) // over ten months
			title, body := fmt.Sprintf("第%d期工作简报", i), "本期内容涉及招生工作。"
			if i%7 == 0 {
				title = fmt.Sprintf("第%d期招生简报", i)
			}
			items = append(items, catalog.Item{Title: title, Summary: "简报", FormedOn: pub - 2, PublishedOn: &pub, Category: []string{"11", "7"}[i%2], Body: body})
		}
		err := s.InTx(ctx, func(tx *store.Tx) error {
			if err := tx.BulkInsertItems(ctx, a.ID, "A", items[:30]); err != nil {
				return err
			}
			return tx.BulkInsertItems(ctx, b.ID, "B", items[30:])
		})
		if err != nil {
			t.Fatal(err)
		}
		hits, total, err := s.PublicItems(ctx, store.PublicQuery{Q: search.Parse("招生"), Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		// more than the ten ranked: "more than ten"
		if total != 11 || len(hits) != 10 {
			t.Fatalf("total %d, hits %d", total, len(hits))
		}
		// the newest ten are items 50–59; of them 56 has 招生 in its title
		if hits[0].Title != "第56期招生简报" {
			t.Errorf("the title match is not first: %s", hits[0].Title)
		}
		for _, h := range hits {
			var n int
			fmt.Sscanf(h.Title, "第%d期", &n)
			if n < 50 {
				t.Errorf("an older match ranked: %s", h.Title)
			}
		}
		hits, total, _ = s.PublicItems(ctx, store.PublicQuery{Q: search.Parse("招生"), AgencyIDs: []int64{a.ID}, Category: "11", Limit: 20})
		if total != 11 || len(hits) != 10 || hits[0].AgencyName != "甲局" {
			t.Errorf("filtered: %d %d", total, len(hits))
		}
		for _, h := range hits {
			if h.AgencyID != a.ID || h.Category != "11" {
				t.Errorf("the filter let through %+v", h.Item)
			}
		}
		if _, n, _ := s.PublicItems(ctx, store.PublicQuery{Q: search.Parse(fmt.Sprintf("ag%d", a.ID))}); n != 0 {
			t.Errorf("a tag token matched as a word: %d", n)
		}
		if _, n, _ := s.PublicItems(ctx, store.PublicQuery{Q: search.Parse("招生"), Year: 2024}); n != 0 {
			t.Errorf("year filter: %d", n)
		}
		// fewer matches than are ranked: counted exactly
		if _, n, _ := s.PublicItems(ctx, store.PublicQuery{Q: search.Parse("招生简报")}); n != 9 {
			t.Errorf("招生简报: %d, want 9", n)
		}
	})
}

func TestSearchWindows(t *testing.T) {
	m := func(y, mo int) int { return y*12 + mo - 1 }
	if got := fmt.Sprint(store.Cover(m(2021, 8), m(2025, 3))); got != "[ym202503 ym202502 ym202501 yr2024 yr2023 yr2022 ym202112 ym202111 ym202110 ym202109 ym202108]" {
		t.Errorf("cover: %s", got)
	}
	// every month once, whatever the window
	for lo := m(2019, 1); lo < m(2021, 1); lo += 5 {
		for hi := lo; hi < m(2027, 1); hi += 7 {
			n := 0
			for _, tok := range store.Cover(lo, hi) {
				if tok[:2] == "yr" {
					n += 12
				} else {
					n++
				}
			}
			if n != hi-lo+1 {
				t.Fatalf("%d..%d: %d months covered", lo, hi, n)
			}
		}
	}
}

// What the public types into the search box reaches FTS5 and to_tsquery
// only as tokens: operators, quotes, wildcards, keywords and column filters
// of either syntax are searched as text (or ignored), never an error.
func TestSearchHostileQueries(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		a := agency(t, s, "甲局")
		pub := workday.NewDate(2025, 3, 3)
		err := s.InTx(ctx, func(tx *store.Tx) error {
			return tx.BulkInsertItems(ctx, a.ID, "A", []catalog.Item{
				{Title: "招生 AND 简章", Summary: "招生", FormedOn: pub - 1, PublishedOn: &pub, Body: "NEAR or not"},
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{
			`"招生" OR 1=1`, `招生 & !简章 | 学`, `'; DROP TABLE catalog_items; --`, `招*`, `NEAR(招生 简章)`, `title:招生`,
			`招生:*`, `\`, `"`, `-招生`, `AND`, `OR NOT`, `^招生`, `{招生}`, `招生<->简章`, `😀招生`, "\x00招生", `：*`,
			`学`, `a:A`, `()`, `!!`, `(招生`, `*`,
		} {
			_, _, err := s.PublicItems(ctx, store.PublicQuery{Q: search.Parse(q), Limit: 20})
			if err != nil {
				t.Errorf("%q: %v", q, err)
			}
		}
		// the operators are words: AND in a title is found as a word
		if _, n, err := s.PublicItems(ctx, store.PublicQuery{Q: search.Parse("AND"), Limit: 20}); err != nil || n != 1 {
			t.Errorf("AND as a word: %d %v", n, err)
		}
	})
}

// A word in Latin letters (PPP, APP, the letters of an index number) is
// found whatever its case, on both databases: SQLite's LIKE ignores ASCII
// case and PostgreSQL's did not, so the back office's list and the public
// search's one-letter terms found different items on each.
func TestLatinLettersInAnyCase(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		a := agency(t, s, "甲局")
		pub := workday.NewDate(2025, 3, 1)
		items := []catalog.Item{
			{Title: "PPP项目管理办法", Summary: "政府和社会资本合作", FormedOn: pub - 2, PublishedOn: &pub, Category: "11", Body: "正文"},
			{Title: "政务App适老化改造", Summary: "X 型号说明", FormedOn: pub - 1, PublishedOn: &pub, Category: "11", Body: "正文"},
		}
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.BulkInsertItems(ctx, a.ID, "A", items) }); err != nil {
			t.Fatal(err)
		}
		for text, want := range map[string]string{"ppp": "PPP项目管理办法", "Ppp项目": "PPP项目管理办法", "APP": "政务App适老化改造"} {
			rows, n, err := s.Items(ctx, store.ItemFilter{AgencyID: a.ID, Text: text, Limit: 10})
			if err != nil || n != 1 || len(rows) != 1 || rows[0].Title != want {
				t.Errorf("back office %q: %d %v", text, n, err)
			}
		}
		hits, n, err := s.PublicItems(ctx, store.PublicQuery{Q: search.Parse("x"), Limit: 10})
		if err != nil || n != 1 || len(hits) != 1 || hits[0].Title != "政务App适老化改造" {
			t.Errorf("public one-letter term: %d %v", n, err)
		}
	})
}
