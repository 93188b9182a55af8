package api_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"gongkai/internal/casework"
	"gongkai/internal/org"
	"gongkai/internal/render"
	"gongkai/internal/report"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// A supervising office's own system sends published reports to be checked:
// one file, or a zip of one agency's years, which are checked against each
// other; the answer names each finding's rule in Chinese and holds the
// report as read.
func TestAuditAPI(t *testing.T) {
	e := setup(t, storetest.SQLite(t))
	seed, err := os.ReadFile("../../testdata/seed/weibin-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	code, m, raw := e.do("POST", "/api/v1/audit?name="+url.QueryEscape("卫滨2024.txt"), e.keyB, string(seed))
	if code != 200 {
		t.Fatalf("%d %s", code, raw)
	}
	files := m["files"].([]any)
	f := files[0].(map[string]any)
	sum := m["summary"].(map[string]any)
	rep := f["report"].(map[string]any)
	if len(files) != 1 || sum["files"] != 1.0 || f["file"] != "卫滨2024.txt" || rep["agency"] != "卫滨区教育体育和文化旅游局" || f["warnings"].(float64) < 1 {
		t.Fatalf("%s", raw)
	}
	first := f["findings"].([]any)[0].(map[string]any)
	if first["rule"] == "" || first["title"] == first["rule"] || first["message"] == "" {
		t.Errorf("a finding: %v", first)
	}

	var z bytes.Buffer
	zw := zip.NewWriter(&z)
	for _, y := range []int{2023, 2024} {
		var b bytes.Buffer
		if err := render.Text(&b, report.Generate(rand.New(rand.NewPCG(uint64(y), 1)), "甲区教育局", y)); err != nil {
			t.Fatal(err)
		}
		w, _ := zw.Create(fmtKey(y))
		_, _ = w.Write(b.Bytes())
	}
	_ = zw.Close()
	code, m, raw = e.do("POST", "/api/v1/audit?name=a.zip", e.keyA, z.String())
	files, _ = m["files"].([]any)
	if code != 200 || len(files) != 2 || files[1].(map[string]any)["prev"] != "a.zip/"+fmtKey(2023) {
		t.Fatalf("zip: %d %s", code, raw)
	}

	for _, c := range []struct {
		path, key, body string
		code            int
		field           string
	}{
		{"/api/v1/audit", e.keyA, "x", 422, "name"},
		{"/api/v1/audit?name=a.zip", e.keyA, "not a zip", 422, "a.zip"},
		{"/api/v1/audit?name=a.txt", "", "x", 401, ""},
		{"/api/v1/audit?name=a.txt", e.keyA, "", 422, "body"},
	} {
		code, m, raw := e.do("POST", c.path, c.key, c.body)
		if _, field, _ := errField(m); code != c.code || field != c.field {
			t.Errorf("%s: %d %s", c.path, code, raw)
		}
	}
}

func fmtKey(y int) string { return fmt.Sprintf("年报/%d年.txt", y) }

// An agency's own system names the 承办人 of an application registered
// through it; another agency's key cannot, and the 承办人 must be a member of
// the agency's staff who handles applications.
func TestAssignAPI(t *testing.T) {
	e := setup(t, storetest.SQLite(t))
	ctx := context.Background()
	mine := &org.User{AgencyID: e.agency, Login: "jia", Name: "甲办理人", Role: casework.Clerk}
	var other *org.User
	err := e.s.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateUser(ctx, mine, "x"); err != nil {
			return err
		}
		b, err := e.s.AgencyByName(ctx, "乙区教育局")
		if err != nil {
			return err
		}
		other = &org.User{AgencyID: b.ID, Login: "yi", Name: "乙办理人", Role: casework.Clerk}
		return tx.CreateUser(ctx, other, "x")
	})
	if err != nil {
		t.Fatal(err)
	}
	code, m, raw := e.do("POST", "/api/v1/cases", e.keyA, intake("2024-09-12"))
	if code != 201 || m["handler"] != nil {
		t.Fatalf("%d %s", code, raw)
	}
	path := fmt.Sprintf("/api/v1/cases/%d/handler", int64(m["id"].(float64)))
	code, m, raw = e.do("POST", path, e.keyA, map[string]any{"handler_id": mine.ID})
	if code != 200 || m["handler"] != "甲办理人" || m["handler_id"] != float64(mine.ID) {
		t.Fatalf("assign: %d %s", code, raw)
	}
	if _, m, _ := e.do("GET", fmt.Sprintf("/api/v1/cases?handler=%d", mine.ID), e.keyA, nil); m["total"] != 1.0 {
		t.Errorf("the list by 承办人: %v", m["total"])
	}
	for _, c := range []struct {
		key   string
		body  any
		code  int
		field string
	}{
		{e.keyB, map[string]any{"handler_id": other.ID}, 404, ""},
		{e.keyA, map[string]any{"handler_id": other.ID}, 422, "handler_id"},
		{e.keyA, map[string]any{}, 422, "handler_id"},
		{e.keyA, map[string]any{"handler_id": "甲"}, 422, "handler_id"},
	} {
		code, m, raw := e.do("POST", path, c.key, c.body)
		if _, field, _ := errField(m); code != c.code || field != c.field {
			t.Errorf("%v: %d %s", c.body, code, raw)
		}
	}
	if code, m, _ = e.do("POST", path, e.keyA, map[string]any{"handler_id": 0}); code != 200 || m["handler"] != nil {
		t.Errorf("unassign: %d %v", code, m["handler"])
	}
}

// POST /api/v1/audit?url=… has the server fetch published reports — public
// addresses only: this machine's test server is refused as an internal
// address until the test lets the API reach it.
func TestAuditAPIAddresses(t *testing.T) {
	e := setup(t, storetest.SQLite(t))
	seed, err := os.ReadFile("../../testdata/seed/weibin-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/art/1.html" {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write(seed)
	}))
	defer srv.Close()
	q := "/api/v1/audit?url=" + url.QueryEscape(srv.URL+"/art/1.html") + "&url=" + url.QueryEscape(srv.URL+"/gone")
	code, m, raw := e.do("POST", q, e.keyA, nil)
	files, _ := m["files"].([]any)
	if code != 200 || len(files) != 2 || !strings.Contains(files[0].(map[string]any)["error"].(string), "内部网络") {
		t.Fatalf("an internal address: %d %s", code, raw)
	}
	e.api.Fetch = srv.Client()
	code, m, raw = e.do("POST", q, e.keyA, nil)
	files, _ = m["files"].([]any)
	if code != 200 || len(files) != 2 || files[0].(map[string]any)["report"].(map[string]any)["agency"] != "卫滨区教育体育和文化旅游局" ||
		!strings.Contains(files[1].(map[string]any)["error"].(string), "网站返回 404") {
		t.Fatalf("%d %s", code, raw)
	}
	many := "/api/v1/audit?" + strings.Repeat("url="+url.QueryEscape(srv.URL+"/art/1.html")+"&", 51)
	if code, m, _ := e.do("POST", many, e.keyA, nil); code != 422 || fieldOf(m) != "url" {
		t.Errorf("51 addresses: %d %v", code, m)
	}
}
