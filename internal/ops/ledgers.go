package ops

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"gongkai/internal/audit"
	"gongkai/internal/errs"
	"gongkai/internal/importer"
	"gongkai/internal/org"
	"gongkai/internal/store"
)

// LedgerView is an agency's decision and fee ledgers as the 台账 page shows
// them: its rows by year and kind (what 表二 counts), and the files they
// came from.
type LedgerView struct {
	Agency  *org.Agency
	Years   []store.LedgerPart
	Imports []store.LedgerImport
	CanUndo bool // the agency's own staff
}

// maxLedgerImports is how many of an agency's imports the page lists.
const maxLedgerImports = 200

// Ledgers is the agency's ledgers for whoever may read the agency.
func (s *Service) Ledgers(ctx context.Context, p Principal, agencyID int64) (*LedgerView, error) {
	if err := s.canRead(ctx, p, agencyID); err != nil {
		return nil, err
	}
	ag, err := s.Store.GetAgency(ctx, agencyID)
	if err != nil {
		return nil, notFoundOr(err)
	}
	v := &LedgerView{Agency: ag, CanUndo: actsFor(p, agencyID)}
	err = parallel(
		func() (err error) { v.Years, err = s.Store.LedgerYears(ctx, agencyID); return },
		func() (err error) { v.Imports, err = s.Store.LedgerImports(ctx, agencyID, maxLedgerImports); return },
	)
	return v, err
}

// UndoLedgerImport takes back an import of the principal's agency: the rows
// it added are removed in one transaction with its audit entry, and the
// import stays listed as undone. Rows that the file shared with an earlier
// import belong to that one and stay. confirmed is the clerk's tick.
func (s *Service) UndoLedgerImport(ctx context.Context, p Principal, id int64, confirmed bool) (*store.LedgerImport, int, error) {
	if err := s.mustAct(ctx, p, p.AgencyID); err != nil {
		return nil, 0, err
	}
	// another agency's import is not found before the form is looked at
	if _, err := s.Store.LedgerImportOf(ctx, p.AgencyID, id); err != nil {
		return nil, 0, notFoundOr(err)
	}
	if !confirmed {
		return nil, 0, errs.New("confirm", "请勾选确认后再撤销：撤销后，这次导入的记录从台账中删除")
	}
	var li *store.LedgerImport
	var n int
	err := s.write(ctx, p, "decision.undo", func(tx *store.Tx, e *audit.Entry) error {
		var err error
		li, n, err = tx.UndoLedgerImport(ctx, p.AgencyID, id, p.Name)
		switch {
		case errors.Is(err, store.ErrConflict):
			return &errs.Error{Kind: errs.Conflict, Where: "confirm", Cause: err, Msg: "这次导入已经撤销"}
		case err != nil:
			return notFoundOr(err)
		}
		e.Object, e.Detail = fmt.Sprintf("导入 #%d", id), fmt.Sprintf("撤销从“%s”导入的记录 %d 条", li.FileName, n)
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	return li, n, nil
}

// Yuan is an amount of fees as the pages show it, in yuan with fen.
func Yuan(r *big.Rat) string {
	if r == nil {
		return "0.00"
	}
	return r.FloatString(2)
}

// LedgerImportSummary says what an import added, by year (newest first)
// and kind in 表二's order: 2025年许可 2 条，2025年收费 1 条（1200.50 元）.
func LedgerImportSummary(li store.LedgerImport) string {
	order := func(kind string) int {
		return slices.IndexFunc(importer.DecisionKinds, func(k struct{ ID, Name, Short string }) bool { return k.ID == kind })
	}
	parts := slices.Clone(li.Parts)
	slices.SortStableFunc(parts, func(a, b store.LedgerPart) int {
		return cmp.Or(cmp.Compare(b.Year, a.Year), cmp.Compare(order(a.Kind), order(b.Kind)))
	})
	var out []string
	for _, p := range parts {
		name := p.Kind
		if i := order(p.Kind); i >= 0 {
			name = importer.DecisionKinds[i].Short
		}
		s := fmt.Sprintf("%d年%s %d 条", p.Year, name, p.Count)
		if p.Kind == "fee" {
			s += "（" + Yuan(p.Yuan) + " 元）"
		}
		out = append(out, s)
	}
	return strings.Join(out, "，")
}
