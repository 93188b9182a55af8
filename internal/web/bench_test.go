package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"gongkai/internal/auditor"
	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/clock"
	"gongkai/internal/demo"
	"gongkai/internal/org"
	"gongkai/internal/server"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
	"gongkai/internal/workday"
)

// BenchmarkRollup is the 报告汇总 page of a supervising office with 300
// agencies below it and 60 applications each (18 000 cases) on SQLite, served
// over HTTP, against a baseline measured in the same run: one raw GROUP BY of
// every case of those agencies by agency, applicant type and outcome.
func BenchmarkRollup(b *testing.B) {
	ctx := context.Background()
	s := storetest.SQLite(b)
	cal, cfg := workday.Default(), casework.DefaultConfig()
	clk := clock.At(now)
	s.Clock = clk
	actor := casework.Actor{Name: "基准", Role: casework.Approver}
	top := &org.Agency{Name: "某市人民政府办公室", Level: "city"}
	hash, _ := org.HashPassword("benchmark-pass")
	err := s.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateAgency(ctx, top); err != nil {
			return err
		}
		if err := tx.CreateUser(ctx, &org.User{AgencyID: top.ID, Login: "sup", Name: "主管", Role: casework.Supervisor}, hash); err != nil {
			return err
		}
		for i := range 300 {
			a := &org.Agency{Name: fmt.Sprintf("某市第%d局", i), Level: "city_department", ParentID: &top.ID}
			if err := tx.CreateAgency(ctx, a); err != nil {
				return err
			}
			for j := range 60 {
				d := workday.MustDate("2025-01-06") + workday.Date((i*7+j*5)%330)
				in := casework.Intake{Channel: casework.Online, ConfirmedOn: &d,
					Applicant: casework.Applicant{Type: casework.ApplicantTypes[j%6].ID, Name: fmt.Sprintf("申请人%d", j), Phone: "13800000000"},
					Request:   casework.Request{Description: "请公开某文件"}}
				c, err := casework.NewCase(in, actor, clock.At(d.Time().Add(2*time.Hour)), cal)
				if err != nil {
					return err
				}
				if j%4 != 0 {
					on := d + 10
					o := []casework.OutcomeID{"disclosed", "not_exist", "third_party"}[j%3]
					if _, err := c.Apply(casework.Step{Kind: casework.KindDecide, On: on, Outcome: o}, actor, clock.At(on.Time().Add(2*time.Hour)), cfg, cal); err != nil {
						return err
					}
				}
				dl, _ := c.Deadline(cfg, cal, clk.Today())
				if err := tx.InsertCase(ctx, a.ID, c, dl); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	built, err := server.New(server.Options{Store: s, Clock: clk, Calendar: cal})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(built.Handler)
	defer srv.Close()
	st := &site{t: b, srv: srv, s: s}
	c := st.browser()
	_, page := st.get(c, "/login")
	if code, _, _ := st.post(c, "/login", url.Values{"csrf": {token(page)}, "login": {"sup"}, "password": {"benchmark-pass"}}); code != http.StatusSeeOther {
		b.Fatalf("login: %d", code)
	}

	b.Run("page", func(b *testing.B) {
		for b.Loop() {
			resp, err := c.Get(srv.URL + "/admin/rollup?year=2025")
			if err != nil || resp.StatusCode != 200 {
				b.Fatalf("%v %v", err, resp)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	})
	b.Run("baseline_groupby", func(b *testing.B) {
		for b.Loop() {
			rows, err := s.DB().Query(`SELECT agency_id, applicant_type, outcome, count(*) FROM cases GROUP BY agency_id, applicant_type, outcome`)
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for rows.Next() {
				n++
			}
			rows.Close()
			if n < 300 {
				b.Fatalf("%d groups", n)
			}
		}
	})
}

// BenchmarkCheckPage is 报告核查 of 100 published reports (the benchmark mix
// of `gongkai bench audit`: pages, text, Markdown, pages without line
// breaks) uploaded in one form, served over HTTP with the result page and
// each file's tables as read, against a baseline measured in the same run:
// auditor.AuditUploads of the same files in memory (reading and checking
// alone).
func BenchmarkCheckPage(b *testing.B) {
	st := newSite(b, storetest.SQLite(b))
	c, csrf := st.login("district")
	var files []upFile
	var ups []auditor.Upload
	for i := range 100 {
		ext, data, err := auditor.Sample(i)
		if err != nil {
			b.Fatal(err)
		}
		name := fmt.Sprintf("%03d%s", i, ext)
		files = append(files, upFile{name, data})
		ups = append(ups, auditor.Upload{Name: name, Data: data})
	}
	b.Run("baseline_audit_uploads", func(b *testing.B) {
		for b.Loop() {
			if _, err := auditor.AuditUploads(context.Background(), ups, 0, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("check_page", func(b *testing.B) {
		for b.Loop() {
			if code, _, _ := st.uploadFiles(c, "/admin/check", map[string]string{"csrf": csrf}, "files", files...); code != http.StatusOK {
				b.Fatal(code)
			}
		}
	})
}

// BenchmarkCasePage is an open application's page as each role sees it, on
// the demo with 1 000 more published items (the decision form compares their
// titles with the request), over HTTP on SQLite: the clerk's (next steps,
// published items, 常用语), the head's (and the letter a waiting proposal
// would issue), the supervisor's (read only), against a baseline measured in
// the same run: reading the case alone from the store.
func BenchmarkCasePage(b *testing.B) {
	ctx := context.Background()
	st := newSite(b, storetest.SQLite(b))
	ag := mustAgency(st, demo.Main)
	items := make([]catalog.Item, 1000)
	for i := range items {
		on := workday.MustDate("2025-01-02") + workday.Date(i/3)
		items[i] = catalog.Item{Title: fmt.Sprintf("卫滨区教育体育和文化旅游局工作动态第%d期", i), Summary: "工作动态", FormedOn: on, PublishedOn: &on, Column: "部门动态"}
	}
	if err := st.s.InTx(ctx, func(tx *store.Tx) error { return tx.BulkInsertItems(ctx, ag, "MB1234567", items) }); err != nil {
		b.Fatal(err)
	}
	rows, _, err := st.s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{ag}, Proposed: true, Limit: 1})
	if err != nil || len(rows) != 1 {
		b.Fatalf("the demo's proposal: %v %d", err, len(rows))
	}
	id := rows[0].ID
	path := fmt.Sprintf("/admin/cases/%d", id)
	for _, who := range []string{"clerk", "clerk_unfolded", "head", "district"} {
		c, _ := st.login(strings.TrimSuffix(who, "_unfolded"))
		p := path
		if who == "clerk_unfolded" {
			p += "?suggest=1" // what the decision form fetches when unfolded
		}
		b.Run(who, func(b *testing.B) {
			for b.Loop() {
				req, _ := http.NewRequest("GET", st.srv.URL+p, nil)
				if who == "clerk_unfolded" {
					req.Header.Set("HX-Request", "true") // htmx's request: the suggestions alone
				}
				resp, err := c.Do(req)
				if err != nil || resp.StatusCode != 200 {
					b.Fatal(err, resp)
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
	b.Run("baseline_getcase", func(b *testing.B) {
		for b.Loop() {
			if _, err := st.s.GetCase(ctx, id); err != nil {
				b.Fatal(err)
			}
		}
	})
}
