package web_test

import (
	"testing"

	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// Numbers in addresses that no record has, past int32 and int64, negative:
// every page answers them without a server error, on both databases (a
// year of 2147483648 in the public catalog had failed on PostgreSQL with
// 500 when made into a date).
func TestOutlandishNumbersInAddresses(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		st := newSite(t, s)
		v := st.browser()
		big := []string{"9999999999", "99999999999999999999", "-1", "2147483648", "0"}
		for _, n := range big {
			for _, p := range []string{"/guide/" + n, "/apply/" + n, "/catalog?year=" + n, "/catalog?agency=" + n, "/catalog?page=" + n, "/catalog/items/" + n, "/catalog/items/1/files/" + n, "/catalog/feed/" + n, "/?page=" + n, "/status/letters/" + n + "?code=X"} {
				code, _ := st.get(v, p)
				if code >= 500 {
					t.Errorf("public %s %d", p, code)
				}
			}
		}
		for _, who := range []string{"clerk", "district"} {
			c, _ := st.login(who)
			for _, n := range big {
				for _, p := range []string{"/admin/cases?page=" + n, "/admin/cases/" + n, "/admin/cases/" + n + "/edit", "/admin/cases/1/letters/" + n, "/admin/cases/1/attachments/" + n,
					"/admin/reports?year=" + n, "/admin/reports/" + n + "/file", "/admin/reports/" + n + "/versions", "/admin/rollup?year=" + n, "/admin/rollup/file?year=" + n,
					"/admin/appeals?year=" + n, "/admin/catalog?page=" + n, "/admin/catalog/" + n, "/admin/catalog/1/files/" + n, "/admin/newmedia/" + n, "/admin/audit?page=" + n,
					"/admin/cases?agency=" + n, "/admin/catalog?agency=" + n, "/admin/rollup?agency=" + n, "/admin/?year=" + n, "/admin/normative?year=" + n, "/admin/columns?account=" + n,
					"/admin/cases?received_from=" + n, "/admin/reports?year=" + n + "&agency=" + n, "/admin/audit?agency=" + n} {
					code, _ := st.get(c, p)
					if code >= 500 {
						t.Errorf("%s %s %d", who, p, code)
					}
				}
			}
		}
	})
}
