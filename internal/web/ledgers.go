package web

import (
	"net/http"
	"strconv"

	"gongkai/internal/errs"
	"gongkai/internal/importer"
	"gongkai/internal/ops"
	"gongkai/internal/org"
	"gongkai/internal/store"
)

// ledgerYear is a row of the 台账 page's table: one year's counts, as 表二
// takes them.
type ledgerYear struct {
	Year                                   int
	Licensing, Penalty, Coercion, FeeCount int
	Yuan                                   string
}

// ledgerImportRow is an import as the page lists it.
type ledgerImportRow struct {
	store.LedgerImport
	What string // its rows by year and kind, in words
}

type ledgerPage struct {
	*ops.LedgerView
	Years    []ledgerYear
	Imports  []ledgerImportRow
	Agencies []*org.Agency // for whoever sees more than one agency
}

func newLedgerPage(v *ops.LedgerView) *ledgerPage {
	d := &ledgerPage{LedgerView: v}
	for _, p := range v.Years {
		if n := len(d.Years); n == 0 || d.Years[n-1].Year != p.Year {
			d.Years = append(d.Years, ledgerYear{Year: p.Year, Yuan: "0.00"})
		}
		y := &d.Years[len(d.Years)-1]
		switch p.Kind {
		case "licensing":
			y.Licensing = p.Count
		case "penalty":
			y.Penalty = p.Count
		case "coercion":
			y.Coercion = p.Count
		case "fee":
			y.FeeCount, y.Yuan = p.Count, ops.Yuan(p.Yuan)
		}
	}
	for _, li := range v.Imports {
		d.Imports = append(d.Imports, ledgerImportRow{LedgerImport: li, What: ops.LedgerImportSummary(li)})
	}
	return d
}

// agencyParam is the agency a page is asked for (?agency=), the user's own
// when none is named; whether the user may see it is the operation's to say.
func agencyParam(r *http.Request, si *sessionInfo) (int64, error) {
	v := r.URL.Query().Get("agency")
	if v == "" {
		return si.user.AgencyID, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, errs.New("agency", "机关不对")
	}
	return n, nil
}

// ledgersPage shows an agency's decision and fee ledgers: what 表二 counts,
// and each file imported, with 撤销 for the agency's own staff.
func (s *Server) ledgersPage(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	id, err := agencyParam(r, si)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	s.showLedgers(w, r, si, id, http.StatusOK, flashOf(r), nil)
}

func (s *Server) showLedgers(w http.ResponseWriter, r *http.Request, si *sessionInfo, agencyID int64, code int, flash string, errors map[string]string) {
	v, err := s.Ops.Ledgers(r.Context(), si.p(), agencyID)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	d := newLedgerPage(v)
	ids, err := s.Ops.Visible(r.Context(), si.p())
	if err == nil && len(ids) > 1 {
		d.Agencies, err = s.Ops.Store.Agencies(r.Context(), ids)
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	s.render(w, code, "ledgers", page{Title: "决定和收费台账", User: si.user, CSRF: si.csrf, Flash: flash, Errors: errors, Data: d})
}

// undoLedgerImport takes back one import of the agency's ledgers.
func (s *Server) undoLedgerImport(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, &errs.Error{Kind: errs.NotFound, Msg: "没有这次导入"})
		return
	}
	_, _, err = s.Ops.UndoLedgerImport(r.Context(), si.p(), id, r.PostFormValue("confirm") == "1")
	if k := errs.KindOf(err); k == errs.Invalid || k == errs.Conflict {
		s.showLedgers(w, r, si, si.user.AgencyID, formCode(w, err), "", map[string]string{strconv.FormatInt(id, 10): errs.Readable(err)})
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, "/admin/ledgers?ok=undone", http.StatusSeeOther)
}

// ledgerRowsPage lists the ledger rows of a year, kind or import (the
// counts of the 台账 page open it), or sends them all as XLSX or CSV.
func (s *Server) ledgerRowsPage(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	q := r.URL.Query()
	f := store.LedgerFilter{AgencyID: si.user.AgencyID, Kind: q.Get("kind"), Limit: ops.MaxLedgerRows}
	for name, dst := range map[string]*int64{"agency": &f.AgencyID, "import": &f.ImportID} {
		if v := q.Get(name); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				s.fail(w, r, si.user, si.csrf, errs.New(name, "参数不对"))
				return
			}
			*dst = n
		}
	}
	if v := q.Get("year"); v != "" {
		y, ok := yearParam(v, 0)
		if !ok {
			s.fail(w, r, si.user, si.csrf, errs.New("year", "年度不对"))
			return
		}
		f.Year = y
	}
	format := q.Get("format")
	if format == "xlsx" || format == "csv" {
		f.Limit = 0
	}
	v, err := s.Ops.LedgerRows(r.Context(), si.p(), f)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	l := v.Ledger()
	if format == "xlsx" || format == "csv" {
		s.sendLedger(w, r, si, l, format, v.Agency.Name+l.Title)
		return
	}
	what := ""
	if f.Year != 0 {
		what = strconv.Itoa(f.Year) + "年"
	}
	if i := importer.DecisionKindIndex(f.Kind); i >= 0 {
		what += importer.DecisionKinds[i].Name
	}
	if f.ImportID != 0 {
		what += v.Imports[f.ImportID] + "的"
	}
	s.render(w, http.StatusOK, "ledger_rows", page{Title: "台账记录", User: si.user, CSRF: si.csrf, Data: map[string]any{
		"V": v, "What": what, "Headers": l.Headers, "Rows": l.Rows, "Query": "/admin/ledgers/rows?" + r.URL.RawQuery}}) // whole: see the 操作记录's links
}
