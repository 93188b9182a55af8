package demo_test

import (
	"context"
	"testing"
	"time"

	"gongkai/internal/audit"
	"gongkai/internal/clock"
	"gongkai/internal/demo"
	"gongkai/internal/ops"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
	"gongkai/internal/workday"
)

// The example report is written as published (the operations would refuse
// to submit it), with the audit lines the operations write: the 操作记录 of
// the demo shows who saved, approved and submitted it.
func TestSeedReportIsAudited(t *testing.T) {
	s := storetest.SQLite(t)
	clk := clock.At(time.Date(2026, 11, 24, 2, 0, 0, 0, time.UTC))
	s.Clock = clk
	o := ops.New(s, clk, workday.Default(), nil)
	if _, err := demo.Seed(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	ag, err := s.AgencyByName(context.Background(), demo.Main)
	if err != nil {
		t.Fatal(err)
	}
	for action, who := range map[string]string{"report.save": "张办理", "report.approve": "李主任", "report.submit": "李主任"} {
		rows, _, err := s.SearchAudit(context.Background(), store.AuditFilter{AgencyIDs: []int64{ag.ID}, Action: audit.Action(action), Limit: 100})
		if err != nil || len(rows) == 0 || rows[len(rows)-1].Object != "2024" || rows[len(rows)-1].Actor != who {
			t.Errorf("%s: %v %+v", action, err, rows)
		}
	}
}
