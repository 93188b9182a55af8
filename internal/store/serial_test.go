package store_test

import (
	"fmt"
	"strings"
	"testing"

	"gongkai/internal/store"
)

// 找回查询码 finds the application by 申请编号 and address among many
// agencies' of the same number (each numbers its own: 2026-0001 at each), the
// address compared without regard to case; a wrong address, or none, finds
// nothing. On SQLite the number is looked up by its index.
func TestCasesWithSerialEmail(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		setClock(s, "2026-11-20")
		var want int64
		for i := range 30 {
			a := agency(t, s, fmt.Sprintf("第%d局", i))
			c := newCase(t, i, "2026-11-02")
			c.Serial, c.Code = "2026-0001", fmt.Sprintf("CODE%04d", i)
			c.Intake.Applicant.Email = fmt.Sprintf("a%d@example.cn", i%3) // the same address at several agencies
			if i == 28 {
				c.Intake.Applicant.Email = "Qian@Example.cn"
			}
			if err := insert(s, a.ID, c); err != nil {
				t.Fatal(err)
			}
			if i == 28 {
				want = c.ID
			}
		}
		cs, err := s.CasesWithSerialEmail(ctx, " 2026-0001 ", "qian@example.cn")
		if err != nil || len(cs) != 1 || cs[0].ID != want {
			t.Fatalf("found %d cases (%v), want the 29th agency's", len(cs), err)
		}
		if cs, _ := s.CasesWithSerialEmail(ctx, "2026-0001", "a1@example.cn"); len(cs) != 9 {
			t.Errorf("an address at nine agencies: %d found", len(cs))
		}
		for _, miss := range [][2]string{{"2026-0001", "other@example.cn"}, {"2026-0002", "qian@example.cn"}, {"2026-0001", " "}} {
			if cs, err := s.CasesWithSerialEmail(ctx, miss[0], miss[1]); err != nil || len(cs) != 0 {
				t.Errorf("%q: %d found (%v)", miss, len(cs), err)
			}
		}
		if s.Dialect() == store.SQLite {
			var x, y, z int
			var p string
			if err := s.DB().QueryRow(`EXPLAIN QUERY PLAN SELECT id, intake FROM cases WHERE serial = $1 ORDER BY id`, "2026-0001").Scan(&x, &y, &z, &p); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(p, "cases_serial") {
				t.Errorf("the number is not looked up by its index: %s", p)
			}
		}
	})
}
