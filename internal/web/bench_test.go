package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"gongkai/internal/casework"
	"gongkai/internal/org"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
	"gongkai/internal/web"
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
	now := time.Date(2026, 11, 24, 2, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return now }
	top := &store.Agency{Name: "某市人民政府办公室", Level: "city"}
	if err := s.CreateAgency(ctx, top); err != nil {
		b.Fatal(err)
	}
	actor := casework.Actor{Name: "基准", Role: casework.Approver}
	for i := range 300 {
		a := &store.Agency{Name: fmt.Sprintf("某市第%d局", i), Level: "city_department", ParentID: &top.ID}
		if err := s.CreateAgency(ctx, a); err != nil {
			b.Fatal(err)
		}
		var cs []*casework.Case
		for j := range 60 {
			d := workday.MustDate("2025-01-06") + workday.Date((i*7+j*5)%330)
			in := casework.Intake{Channel: casework.Online, ConfirmedOn: &d,
				Applicant: casework.Applicant{Type: casework.ApplicantTypes[j%6].ID, Name: fmt.Sprintf("申请人%d", j), Phone: "13800000000"},
				Request:   casework.Request{Description: "请公开某文件"}}
			if in.Applicant.Type == "natural" {
				in.Applicant.IDType, in.Applicant.IDNum = "身份证", "11010519491231002X"
			}
			c, err := casework.NewCase(in, actor, d.Time().Add(10*time.Hour), cal)
			if err != nil {
				b.Fatal(err)
			}
			if j%4 != 0 {
				on := d + 10
				if _, err := c.Apply(casework.Step{Kind: casework.KindDecide, On: on, Outcome: []string{"disclosed", "not_exist", "third_party"}[j%3]}, actor, on.Time().Add(10*time.Hour), cfg, cal); err != nil {
					b.Fatal(err)
				}
			}
			cs = append(cs, c)
		}
		if err := s.CreateCases(ctx, a.ID, cs, cal, cfg); err != nil {
			b.Fatal(err)
		}
	}
	hash, _ := org.HashPassword("benchmark-pass")
	if err := s.CreateUser(ctx, &org.User{AgencyID: top.ID, Login: "sup", Name: "主管", Role: casework.Supervisor}, hash); err != nil {
		b.Fatal(err)
	}
	ws, err := web.New(s, cfg, func() *workday.Calendar { return cal }, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	ws.Now = func() time.Time { return now }
	mux := http.NewServeMux()
	ws.Routes(mux)
	srv := httptest.NewServer(web.SecurityHeaders(http.NewCrossOriginProtection().Handler(mux)))
	defer srv.Close()
	st := &site{srv: srv, s: s} // its helpers fail through t only on transport errors
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
