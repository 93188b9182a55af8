package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/casework"
	"gongkai/internal/demo"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// The clerk hands an application to the head of the office (承办人); the
// list and the dashboard find it by 承办人, the export names them; a
// supervising office sees who handles it and cannot assign.
func TestWebAssignCase(t *testing.T) {
	t.Parallel() // its own site and browser: the package runs alone at the end of make test
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		st := newSite(t, s)
		ctx := context.Background()
		head, _, err := s.UserByLogin(ctx, "head")
		if err != nil {
			t.Fatal(err)
		}
		clerk, _, err := s.UserByLogin(ctx, "clerk")
		if err != nil {
			t.Fatal(err)
		}
		main := []int64{mustAgency(st, demo.Main)}
		rows, _, err := s.ListCases(ctx, casework.Filter{AgencyIDs: main, Open: true, Handler: clerk.ID, Limit: 1})
		if err != nil || len(rows) == 0 {
			t.Fatalf("no open demo case of the clerk's: %v", err)
		}
		c := rows[0]
		_, headOpen, err := s.ListCases(ctx, casework.Filter{AgencyIDs: main, Open: true, Handler: head.ID})
		if err != nil {
			t.Fatal(err)
		}
		if _, none, _ := s.ListCases(ctx, casework.Filter{AgencyIDs: main, Open: true, Unassigned: true}); none == 0 {
			t.Error("the demo has no application without a 承办人 (the one from the portal)")
		}
		cl, csrf := st.login("clerk")
		path := fmt.Sprintf("/admin/cases/%d", c.ID)
		if _, body := st.get(cl, path); !strings.Contains(body, `action="`+path+`/handler"`) || !strings.Contains(body, "张办理（我）") {
			t.Fatal("no 承办人 form on the case page")
		}
		code, _, loc := st.post(cl, path+"/handler", url.Values{"csrf": {csrf}, "handler": {fmt.Sprint(head.ID)}})
		if code != http.StatusSeeOther || loc != path+"?ok=assigned" {
			t.Fatalf("assign: %d %s", code, loc)
		}
		if _, body := st.get(cl, loc); !strings.Contains(body, "已指派承办人") || !strings.Contains(body, fmt.Sprintf(`<option value="%d" selected>李主任</option>`, head.ID)) {
			t.Error("the case page does not show the new 承办人")
		}
		if code, body, _ := st.post(cl, path+"/handler", url.Values{"csrf": {csrf}, "handler": {"abc"}}); code != http.StatusUnprocessableEntity || !strings.Contains(body, "请从列表中选择承办人") {
			t.Errorf("a handler that is no number: %d", code)
		}

		hc, _ := st.login("head")
		if _, body := st.get(hc, "/admin/"); !strings.Contains(body, fmt.Sprintf("我承办的未办结申请 %d 件", headOpen+1)) ||
			!strings.Contains(body, fmt.Sprintf(`<a href="/admin/cases?handler=%d&amp;open=1">%d</a>`, head.ID, headOpen+1)) {
			t.Error("the head's dashboard does not count the case")
		}
		if _, body := st.get(cl, "/admin/"); strings.Contains(body, `id="workload"`) {
			t.Error("the clerk's dashboard has the 承办情况")
		}
		if _, body := st.get(hc, "/admin/cases?handler=me&open=1"); !strings.Contains(body, fmt.Sprintf("共 %d 件", headOpen+1)) || !strings.Contains(body, c.Serial) {
			t.Error("the head's list of own cases")
		}
		if _, body := st.get(cl, "/admin/cases?handler=me&open=1"); strings.Contains(body, ">"+c.Serial+"<") {
			t.Error("the clerk's own list still has the case")
		}
		code, body := st.get(cl, "/admin/cases?handler="+fmt.Sprint(head.ID)+"&format=xlsx")
		if code != http.StatusOK {
			t.Fatalf("export: %d", code)
		}
		f, err := excelize.OpenReader(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		sheet, _ := f.GetRows(f.GetSheetName(0))
		col := slices.Index(sheet[0], "承办人")
		found := false
		for _, row := range sheet[1:] {
			found = found || row[0] == c.Serial
			if col < 0 || len(row) <= col || row[col] != "李主任" {
				t.Errorf("export of the head's: %q", row)
			}
		}
		if !found || col < 0 {
			t.Errorf("export: %q", sheet)
		}

		// several at once from the list: back to the list as it was
		mine, _, err := s.ListCases(ctx, casework.Filter{AgencyIDs: main, Open: true, Handler: clerk.ID})
		if err != nil || len(mine) < 2 {
			t.Fatalf("the clerk has %d open cases: %v", len(mine), err)
		}
		if _, body := st.get(cl, "/admin/cases?handler=me"); !strings.Contains(body, `action="/admin/cases/assign"`) || !strings.Contains(body, `name="case" value="`+fmt.Sprint(mine[0].ID)+`"`) {
			t.Fatal("no ticks on the list")
		}
		back := "/admin/cases?handler=me&offset=0"
		code, _, loc = st.post(cl, "/admin/cases/assign", url.Values{"csrf": {csrf}, "back": {back}, "handler": {fmt.Sprint(head.ID)},
			"case": {fmt.Sprint(mine[0].ID), fmt.Sprint(mine[1].ID)}})
		if code != http.StatusSeeOther || loc != back+"&ok=assigned" {
			t.Fatalf("bulk: %d %s", code, loc)
		}
		if _, body := st.get(cl, loc); !strings.Contains(body, "已指派承办人") || strings.Contains(body, ">"+mine[0].Serial+"<") {
			t.Error("after assigning two: still the clerk's, or no word of it")
		}
		if _, n, _ := s.ListCases(ctx, casework.Filter{AgencyIDs: main, Open: true, Handler: head.ID}); n != headOpen+3 {
			t.Errorf("the head handles %d open, want %d", n, headOpen+3)
		}
		code, body, _ = st.post(cl, "/admin/cases/assign", url.Values{"csrf": {csrf}, "back": {"https://evil.example/"}, "handler": {fmt.Sprint(head.ID)}})
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, "请先勾选要指派的申请") || !strings.Contains(body, "申请列表") {
			t.Errorf("nothing ticked: %d", code)
		}

		// the administrator sees what each account handles before disabling it
		ac, acsrf := st.login("admin")
		if _, body := st.get(ac, "/admin/users"); !strings.Contains(body, "承办中的申请") || !strings.Contains(body, fmt.Sprintf("<td>%d 件</td>", headOpen+3)) {
			t.Error("the users page does not count what each handles")
		}
		if code, _, _ := st.post(ac, fmt.Sprintf("/admin/users/%d", head.ID), url.Values{"csrf": {acsrf}, "do": {"disable"}}); code != http.StatusSeeOther {
			t.Fatalf("disable: %d", code)
		}
		if _, body := st.get(ac, "/admin/users"); !strings.Contains(body, fmt.Sprintf("%d 件，需改派", headOpen+3)) {
			t.Error("a disabled account's applications are not flagged for reassignment")
		}

		dc, dcsrf := st.login("district")
		if _, body := st.get(dc, path); strings.Contains(body, `/handler"`) || !strings.Contains(body, "承办人：李主任") {
			t.Error("the supervisor's case page")
		}
		if code, _, _ := st.post(dc, path+"/handler", url.Values{"csrf": {dcsrf}, "handler": {fmt.Sprint(head.ID)}}); code != http.StatusForbidden {
			t.Errorf("a supervisor assigned: %d", code)
		}
	})
}
