package ops_test

import (
	"strings"
	"testing"

	"gongkai/internal/errs"
	"gongkai/internal/ops"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// A ledger imported by mistake is taken back: the 台账 page lists each
// import with its rows by year and kind, and undoing one removes the rows it
// added — not those another file added, nor those it shared with an earlier
// file — in one transaction with its audit entry; 表二 follows. Only the
// agency's own staff undo, only once, and only when they tick to confirm.
func TestUndoLedgerImport(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-03-02")
		imp := func(name, csv string) *ops.ImportResult {
			t.Helper()
			res, err := o.Import(ctx, f.clerk, f.a.ID, ops.ImportRequest{Kind: ops.ImportDecisions, Name: name, Data: []byte(csv), Commit: true})
			if err != nil || !res.Committed {
				t.Fatalf("%s: %+v %v", name, res, err)
			}
			return res
		}
		imp("许可台账.csv", "类别,决定书文号,作出决定日期\n许可,示许〔2025〕1号,2025-03-05\n许可,示许〔2025〕2号,2025-04-01\n许可,示许〔2024〕9号,2024-12-30\n")
		// the second file, imported by mistake, shares one licence with the first
		wrong := imp("错误的台账.csv", "类别,决定书文号,作出决定日期,金额\n许可,示许〔2025〕2号,2025-04-01,\n处罚,示罚〔2025〕1号,2025-06-01,\n收费,,2025-05-07,1200.50\n收费,,2025-05-08,99.5\n")
		if wrong.Imported != 3 || wrong.Skipped != 1 {
			t.Fatalf("second file: %+v", wrong)
		}
		v, err := o.Ledgers(ctx, f.clerk, f.a.ID)
		if err != nil || len(v.Imports) != 2 || !v.CanUndo {
			t.Fatalf("ledgers: %+v %v", v, err)
		}
		last := v.Imports[0]
		if last.FileName != "错误的台账.csv" || last.Rows != 3 || last.By != "张办理" || len(last.Parts) != 2 {
			t.Errorf("newest import: %+v", last)
		}
		yuan := func(parts []store.LedgerPart, year int, kind string) (int, string) {
			for _, p := range parts {
				if p.Year == year && p.Kind == kind {
					if p.Yuan != nil {
						return p.Count, p.Yuan.FloatString(2)
					}
					return p.Count, ""
				}
			}
			return 0, ""
		}
		if n, y := yuan(last.Parts, 2025, "fee"); n != 2 || y != "1300.00" {
			t.Errorf("its fees: %d %s", n, y)
		}
		if n, _ := yuan(v.Years, 2025, "licensing"); n != 2 {
			t.Errorf("licences of 2025: %d", n)
		}
		// who may undo: not a supervisor, not another agency's clerk (not
		// found), not without the tick
		if _, _, err := o.UndoLedgerImport(ctx, f.super, last.ID, true); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("a supervisor: %v", err)
		}
		if _, _, err := o.UndoLedgerImport(ctx, f.bClerk, last.ID, true); errs.KindOf(err) != errs.NotFound {
			t.Errorf("another agency's clerk: %v", err)
		}
		if _, _, err := o.UndoLedgerImport(ctx, f.clerk, last.ID, false); errs.KindOf(err) != errs.Invalid || !strings.Contains(errs.Message(err), "请勾选确认") {
			t.Errorf("without the tick: %v", err)
		}
		li, n, err := o.UndoLedgerImport(ctx, f.clerk, last.ID, true)
		if err != nil || n != 3 || li.FileName != "错误的台账.csv" {
			t.Fatalf("undo: %+v %d %v", li, n, err)
		}
		if _, _, err := o.UndoLedgerImport(ctx, f.clerk, last.ID, true); errs.KindOf(err) != errs.Conflict {
			t.Errorf("twice: %v", err)
		}
		v, _ = o.Ledgers(ctx, f.clerk, f.a.ID)
		if v.Imports[0].UndoneAt.IsZero() || v.Imports[0].UndoneBy != "张办理" || len(v.Imports[0].Parts) != 0 {
			t.Errorf("the undone import: %+v", v.Imports[0])
		}
		// the shared licence belongs to the first file and stays; the fees
		// and the penalty went
		if n, _ := yuan(v.Years, 2025, "licensing"); n != 2 {
			t.Errorf("licences after the undo: %d", n)
		}
		if n, _ := yuan(v.Years, 2025, "penalty"); n != 0 {
			t.Errorf("penalties after the undo: %d", n)
		}
		ls, err := s.Ledgers(ctx, []int64{f.a.ID}, 2025)
		if err != nil || ls[f.a.ID].Decisions["penalty"] != 0 || ls[f.a.ID].Decisions["licensing"] != 2 {
			t.Errorf("表二's source after the undo: %+v %v", ls[f.a.ID], err)
		}
		entries, _, err := s.ListAudit(ctx, []int64{f.a.ID}, 10, 0)
		if err != nil || len(entries) == 0 || entries[0].Action != "decision.undo" || !strings.Contains(entries[0].Detail, "从“错误的台账.csv”导入的记录 3 条") || entries[0].Object != "错误的台账.csv" {
			t.Errorf("audit: %+v %v", entries, err)
		}
		// the file imported again adds its rows again
		if again := imp("错误的台账.csv", "类别,决定书文号,作出决定日期,金额\n处罚,示罚〔2025〕1号,2025-06-01,\n"); again.Imported != 1 {
			t.Errorf("again: %+v", again)
		}
		// a supervisor reads the agency's ledgers, undoes nothing
		if v, err := o.Ledgers(ctx, f.super, f.a.ID); err != nil || v.CanUndo || len(v.Imports) != 3 {
			t.Errorf("the supervisor's view: %+v %v", v, err)
		}
	})
}
