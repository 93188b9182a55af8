package store_test

import (
	"errors"
	"testing"

	"gongkai/internal/appeal"
	"gongkai/internal/errs"
	"gongkai/internal/report"
	"gongkai/internal/store"
)

// Records round-trip on both engines, are scoped to their agency, and 表四
// is counted from them.
func TestAppeals(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		a, b := agency(t, s, "示例区教育局"), agency(t, s, "示例区财政局")
		setClock(s, "2024-09-12")
		c := newCase(t, 0, "2024-09-12")
		if err := insert(s, a.ID, c); err != nil {
			t.Fatal(err)
		}
		if _, ok, err := s.AppealTable(ctx, a.ID, 2024, appeal.FiledInYear); err != nil || ok {
			t.Fatalf("no records yet: ok=%v err=%v", ok, err)
		}
		r := &appeal.Record{AgencyID: a.ID, CaseID: &c.ID, Kind: appeal.Review, Number: "卫政复〔2024〕3号", Body: "示例区人民政府",
			Applicant: "申请人0", FiledOn: D("2024-10-08"), CreatedBy: "张办理"}
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.AddAppeal(ctx, r) }); err != nil || r.ID == 0 {
			t.Fatalf("add: %v", err)
		}
		suit := &appeal.Record{AgencyID: a.ID, Kind: appeal.SuitAfterReview, Body: "示例区人民法院", FiledOn: D("2024-11-01"), CoDefendantOnly: true}
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.AddAppeal(ctx, suit) }); err != nil {
			t.Fatal(err)
		}
		// a case of another agency cannot be linked; an invalid record is refused by field
		other := &appeal.Record{AgencyID: b.ID, CaseID: &c.ID, Kind: appeal.Review, Body: "示例区人民政府", FiledOn: D("2024-10-08")}
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.AddAppeal(ctx, other) }); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("foreign case linked: %v", err)
		}
		bad := &appeal.Record{AgencyID: a.ID, Kind: appeal.Review, FiledOn: D("2024-10-08")}
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.AddAppeal(ctx, bad) }); err == nil || errs.Fields(err)["body"] == "" {
			t.Errorf("missing body: %v", err)
		}

		tab, ok, err := s.AppealTable(ctx, a.ID, 2024, appeal.FiledInYear)
		if err != nil || !ok {
			t.Fatal(ok, err)
		}
		if n, _ := tab[0][3].Int(); n != 1 {
			t.Errorf("pending 复议 = %d, want 1", n)
		}
		if n, _ := tab[2][4].Int(); n != 0 {
			t.Errorf("co-defendant suit counted: %d", n)
		}

		// conclusion in the next year: 2024 still shows it pending, 2025 counts it under filed_or_concluded
		got, err := s.Appeal(ctx, a.ID, r.ID)
		if err != nil || got.CaseSerial != c.Serial || got.Number != r.Number || got.ConcludedOn != nil {
			t.Fatalf("read back: %+v %v", got, err)
		}
		on := D("2025-01-15")
		got.ConcludedOn, got.Result = &on, appeal.Corrected
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.UpdateAppeal(ctx, got) }); err != nil {
			t.Fatal(err)
		}
		got.AgencyID = b.ID
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.UpdateAppeal(ctx, got) }); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another agency updated the record: %v", err)
		}
		tab, _, _ = s.AppealTable(ctx, a.ID, 2024, appeal.FiledOrConcluded)
		if n, _ := tab[0][3].Int(); n != 1 {
			t.Errorf("2024 pending after a 2025 conclusion = %d, want 1", n)
		}
		tab, _, _ = s.AppealTable(ctx, a.ID, 2025, appeal.FiledOrConcluded)
		if n, _ := tab[0][1].Int(); n != 1 {
			t.Errorf("2025 corrected = %d, want 1", n)
		}
		if list, _ := s.Appeals(ctx, a.ID, c.ID); len(list) != 1 || list[0].Result != appeal.Corrected || list[0].ConcludedOn == nil || *list[0].ConcludedOn != on {
			t.Errorf("case's appeals: %+v", list)
		}
		if list, _ := s.Appeals(ctx, b.ID, 0); len(list) != 0 {
			t.Errorf("other agency sees %d records", len(list))
		}
	})
}

// ReportsSaved says which agencies saved their report of a year, on both engines.
func TestReportsSaved(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		a, b := agency(t, s, "示例区教育局"), agency(t, s, "示例区财政局")
		setClock(s, "2025-01-20")
		r := report.NewReport(report.Format2021)
		r.Agency, r.Year = a.Name, 2024
		r.Zero()
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.SaveReport(ctx, a.ID, r, "张办理") }); err != nil {
			t.Fatal(err)
		}
		got, err := s.ReportsSaved(ctx, []int64{a.ID, b.ID}, 2024)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[a.ID].By != "张办理" || got[a.ID].At.UTC().Format("2006-01-02") != "2025-01-20" {
			t.Errorf("saved: %+v", got)
		}
		if !got[a.ID].SubmittedAt.IsZero() {
			t.Error("submitted before anyone submitted it")
		}
		setClock(s, "2025-01-22")
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.SubmitReport(ctx, a.ID, 2024, 2, "李主任") }); !errors.Is(err, store.ErrConflict) {
			t.Errorf("submitting version 2 of a report at version 1: %v", err)
		}
		if got, _ := s.ReportsSaved(ctx, []int64{a.ID}, 2024); !got[a.ID].SubmittedAt.IsZero() {
			t.Error("the refused submission was recorded")
		}
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.SubmitReport(ctx, a.ID, 2024, 1, "李主任") }); err != nil {
			t.Fatal(err)
		}
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.SubmitReport(ctx, b.ID, 2024, 1, "李主任") }); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("submitting a report never saved: %v", err)
		}
		got, _ = s.ReportsSaved(ctx, []int64{a.ID, b.ID}, 2024)
		if sv := got[a.ID]; sv.SubmittedBy != "李主任" || sv.SubmittedAt.UTC().Format("2006-01-02") != "2025-01-22" || sv.By != "张办理" {
			t.Errorf("after submitting: %+v", sv)
		}
		if got, _ := s.ReportsSaved(ctx, []int64{a.ID}, 2025); len(got) != 0 {
			t.Errorf("another year: %+v", got)
		}
	})
}

// A report's state moves only at the version it was read at: a save in
// between (a new version) makes approving the old one a conflict, and the
// new version keeps its own state. On both engines.
func TestReportStateAtAVersion(t *testing.T) {
	both(t, func(t *testing.T, s *store.Store) {
		a := agency(t, s, "示例区教育局")
		setClock(s, "2025-01-20")
		r := report.NewReport(report.Format2021)
		r.Agency, r.Year = a.Name, 2024
		r.Zero()
		save := func() int {
			var v int
			err := s.InTx(ctx, func(tx *store.Tx) (err error) {
				v, err = tx.SaveReportAs(ctx, a.ID, r, "张办理", report.StateChecked, "")
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		approve := func(v int) error {
			return s.InTx(ctx, func(tx *store.Tx) error {
				return tx.SetReportState(ctx, a.ID, 2024, v, report.StateApproved, "李主任", 0)
			})
		}
		v1 := save()
		v2 := save()
		if err := approve(v1); !errors.Is(err, store.ErrConflict) {
			t.Errorf("approving version %d of a report at %d: %v", v1, v2, err)
		}
		vs, err := s.ReportVersions(ctx, a.ID, 2024)
		if err != nil || len(vs) != 2 {
			t.Fatalf("versions: %+v %v", vs, err)
		}
		for _, v := range vs {
			if v.State != report.StateChecked {
				t.Errorf("version %d is %s after the refused approval", v.Version, v.State)
			}
		}
		if err := approve(v2); err != nil {
			t.Fatal(err)
		}
		got, _ := s.ReportsSaved(ctx, []int64{a.ID}, 2024)
		if sv := got[a.ID]; sv.State != report.StateApproved || sv.ApprovedBy != "李主任" || sv.Version != v2 {
			t.Errorf("after approving version %d: %+v", v2, sv)
		}
		if err := s.InTx(ctx, func(tx *store.Tx) error {
			return tx.SetReportState(ctx, a.ID, 2023, 1, report.StateApproved, "李主任", 0)
		}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("approving a report never saved: %v", err)
		}
	})
}
