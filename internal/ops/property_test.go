package ops_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"gongkai/internal/appeal"
	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/clock"
	"gongkai/internal/importer"
	"gongkai/internal/newmedia"
	"gongkai/internal/org"
	"gongkai/internal/report"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
	"gongkai/internal/workday"
)

// A report generated from any records passes every error-level check: the
// tables add up and balance whatever the agency did, and the drafted
// narrative is complete. Random agencies of random records, in both formats.
func TestGeneratedReportsPassChecks(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-03-02")
		cal, err := o.Calendar(ctx)
		if err != nil {
			t.Fatal(err)
		}
		n := 30
		if s.Dialect() == store.Postgres {
			n = 10
		}
		for seed := range n {
			rng := rand.New(rand.NewPCG(uint64(seed), 7))
			ag := &org.Agency{Name: fmt.Sprintf("随机局%d", seed), Level: "county_department", ReviewOrgan: "示例区人民政府", ParentID: &f.gov.ID}
			if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.CreateAgency(ctx, ag) }); err != nil {
				t.Fatal(err)
			}
			randomRecords(t, s, rng, ag.ID, cal)
			for _, year := range []int{2020, 2024, 2025} {
				r, _, err := o.Generate(ctx, ag, year)
				if err != nil {
					t.Fatalf("seed %d %d: %v", seed, year, err)
				}
				for _, x := range report.Check(r, nil) {
					if x.Severity == report.SevError {
						t.Errorf("seed %d, %d: %s %s %s", seed, year, x.Rule, x.Cell, x.Message)
					}
				}
			}
		}
	})
}

// randomRecords gives an agency a random mix of everything the report counts.
func randomRecords(t *testing.T, s *store.Store, rng *rand.Rand, agency int64, cal *workday.Calendar) {
	t.Helper()
	actor := casework.Actor{Name: "随机", Role: casework.Approver}
	cfg := casework.DefaultConfig()
	outcomes := casework.DecideOutcomes()
	var cs []*casework.Case
	var dls []casework.Deadline
	for j := range rng.IntN(40) {
		d, err := cal.NextWorkday(workday.NewDate(2019, 6, 1) + workday.Date(rng.IntN(2400)))
		if err != nil {
			t.Fatal(err)
		}
		in := casework.Intake{Channel: casework.Online, ConfirmedOn: &d,
			Applicant: casework.Applicant{Type: casework.ApplicantTypes[rng.IntN(6)].ID, Name: fmt.Sprintf("申请人%d", j), Phone: "13800000000"},
			Request:   casework.Request{Description: "请公开某文件", Form: "电子", Delivery: "电子邮件"}}
		c, err := casework.NewCase(in, actor, clock.At(d.Time().Add(2*time.Hour)), cal)
		if err != nil {
			t.Fatal(err)
		}
		if rng.IntN(5) > 0 {
			on, _ := cal.Add(d, 1+rng.IntN(30))
			step := casework.Step{Kind: casework.KindDecide, On: on, Outcome: outcomes[rng.IntN(len(outcomes))].ID}
			if o := casework.OutcomeByID(step.Outcome); o.Withholds {
				step.Grounds = []casework.OutcomeID{"third_party"}
			}
			step.Referral, step.Route = "某局，电话 0000-0000000", "本机关网站"
			if rng.IntN(8) == 0 {
				step = casework.Step{Kind: casework.KindWithdraw, On: on}
			}
			// a step the process refuses (an outcome that needs an
			// earlier 补正) leaves the case open, as it would in use
			_, _ = c.Apply(step, actor, clock.At(on.Time().Add(2*time.Hour)), cfg, cal)
		}
		dl, _ := c.Deadline(cfg, cal, workday.NewDate(2026, 3, 2))
		cs, dls = append(cs, c), append(dls, dl)
	}
	err := s.InTx(ctx, func(tx *store.Tx) error {
		if len(cs) > 0 {
			if err := tx.BulkInsertCases(ctx, agency, cs, dls); err != nil {
				return err
			}
		}
		for k := range rng.IntN(6) {
			d := catalog.Document{AgencyID: agency, Kind: []catalog.DocKind{catalog.Rule, catalog.Normative}[rng.IntN(2)], Title: "文件",
				DocNo: fmt.Sprintf("随〔%d〕%d号", 2019+k, k), IssuedOn: workday.NewDate(2019+rng.IntN(7), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))}
			if rng.IntN(3) == 0 {
				x := d.IssuedOn + workday.Date(rng.IntN(900))
				d.RepealedOn = &x
			}
			if err := tx.SaveDocument(ctx, &d); err != nil {
				return err
			}
		}
		for k := range rng.IntN(8) {
			dec := importer.Decision{Key: fmt.Sprint(k), Kind: importer.DecisionKinds[rng.IntN(4)].ID, On: workday.NewDate(2019+rng.IntN(7), 3, 2)}
			if dec.Kind == "fee" {
				dec.Amount = fmt.Sprintf("%d.%02d", rng.IntN(50000), rng.IntN(100))
			}
			if _, err := tx.InsertDecision(ctx, agency, 0, dec); err != nil {
				return err
			}
		}
		for range rng.IntN(4) {
			a := &appeal.Record{AgencyID: agency, Kind: appeal.Kinds[rng.IntN(3)], Body: "某机关", FiledOn: workday.NewDate(2019+rng.IntN(7), 4, 1)}
			if rng.IntN(2) == 0 {
				on := a.FiledOn + workday.Date(30+rng.IntN(400))
				a.ConcludedOn, a.Result = &on, appeal.Results[rng.IntN(3)]
			}
			if err := tx.AddAppeal(ctx, a); err != nil {
				return err
			}
		}
		for k := range rng.IntN(10) {
			pub := workday.NewDate(2019+rng.IntN(7), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
			it := catalog.Item{AgencyID: agency, Title: fmt.Sprintf("信息%d", k), Summary: "概述", FormedOn: pub - workday.Date(rng.IntN(40)), Publisher: "随机局",
				Column: []string{"部门动态", "通知公告", ""}[rng.IntN(3)], Attribute: catalog.Active, Validity: catalog.Valid, State: catalog.Published,
				PublishedOn: &pub, CreatedBy: "随机", CreatedByID: "x", Cycle: 1}
			if err := tx.CreateItem(ctx, &it, catalog.DefaultPattern, ""); err != nil {
				return err
			}
		}
		for k := range rng.IntN(4) {
			a := &newmedia.Account{AgencyID: agency, Platform: "wechat", Name: fmt.Sprintf("账号%d", k), Sponsor: "某校", Own: k == 0, State: newmedia.Running}
			if err := tx.SaveAccount(ctx, a); err != nil {
				return err
			}
			last := workday.NewDate(2024, 12, 1+rng.IntN(28))
			posts := []newmedia.Posts{{Month: "2024-12", Count: rng.IntN(30), Source: "entered"}, {Month: "2025-01", Count: rng.IntN(30), Source: "entered"}}
			if err := tx.SetPosts(ctx, a.ID, posts, &last); err != nil {
				return err
			}
			in := &newmedia.Inspection{AccountID: a.ID, Kind: "weekly", On: workday.NewDate(2024, 5, 6), Inspector: "随机"}
			if rng.IntN(2) == 0 {
				in.Problems, in.Note = []string{"typo"}, "错字"
			}
			if err := tx.AddInspection(ctx, in); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
