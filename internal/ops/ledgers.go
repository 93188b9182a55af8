package ops

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strings"

	"gongkai/internal/audit"
	"gongkai/internal/errs"
	"gongkai/internal/importer"
	"gongkai/internal/office"
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
	if v.Imports, err = s.Store.LedgerImports(ctx, agencyID, maxLedgerImports); err != nil {
		return nil, err
	}
	v.Years, err = s.Store.LedgerCounts(ctx, agencyID, v.Imports)
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
		e.Object, e.Detail = li.FileName, fmt.Sprintf("撤销 %s 从“%s”导入的记录 %d 条", s.Clock.Format(li.At), li.FileName, n)
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
	order := importer.DecisionKindIndex
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

// MaxLedgerRows is how many rows the 台账记录 page lists; the download
// holds them all.
const MaxLedgerRows = 2000

// LedgerRowsView is a selection of an agency's ledger rows.
type LedgerRowsView struct {
	Agency *org.Agency
	Filter store.LedgerFilter
	Rows   []store.LedgerRow
	Total  int
	// Imports name the agency's imports as a person knows them: the file
	// and when it was imported
	Imports map[int64]string
}

// LedgerRows are the agency's ledger rows of a year, kind or import, for
// whoever may read the agency (limit 0: all of them, for a download).
func (s *Service) LedgerRows(ctx context.Context, p Principal, f store.LedgerFilter) (*LedgerRowsView, error) {
	if err := s.canRead(ctx, p, f.AgencyID); err != nil {
		return nil, err
	}
	ag, err := s.Store.GetAgency(ctx, f.AgencyID)
	if err != nil {
		return nil, notFoundOr(err)
	}
	if !validCategory(f.Kind) {
		return nil, errs.New("kind", "类别应为 licensing（行政许可）、penalty（行政处罚）、coercion（行政强制）或 fee（行政事业性收费）")
	}
	if f.Limit <= 0 {
		f.Limit = math.MaxInt32
	}
	v := &LedgerRowsView{Agency: ag, Filter: f, Imports: map[int64]string{}}
	imports, err := s.Store.LedgerImports(ctx, ag.ID, math.MaxInt32)
	if err != nil {
		return nil, err
	}
	for _, li := range imports {
		v.Imports[li.ID] = fmt.Sprintf("“%s”（%s导入）", li.FileName, s.Clock.Format(li.At))
	}
	v.Rows, v.Total, err = s.Store.LedgerRows(ctx, f)
	return v, err
}

// Ledger is the rows as one table, for the page and the downloads alike.
func (v *LedgerRowsView) Ledger() *office.Ledger {
	l := &office.Ledger{Title: "决定和收费台账", Headers: []string{"类别", "决定或收费日期", "文号", "相对人", "事项", "金额（元）", "来自"},
		Numeric: []bool{false, false, false, false, false, true, false}}
	for _, r := range v.Rows {
		kind := r.Kind
		if i := importer.DecisionKindIndex(r.Kind); i >= 0 {
			kind = importer.DecisionKinds[i].Name
		}
		from := "早先导入"
		if r.ImportID != 0 {
			from = v.Imports[r.ImportID]
		}
		l.Rows = append(l.Rows, []string{kind, r.On.String(), r.DocNo, r.Subject, r.Item, r.Amount, from})
	}
	return l
}
