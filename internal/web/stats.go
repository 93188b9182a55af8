package web

import (
	"fmt"
	"net/http"

	"gongkai/internal/errs"
)

// statsPage shows the 办理情况统计 of a year (this year by default), or sends
// it as XLSX or CSV.
func (s *Server) statsPage(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	year, ok := yearParam(r.URL.Query().Get("year"), s.Ops.Clock.Today().Year())
	if !ok {
		s.fail(w, r, si.user, si.csrf, errs.New("year", "年度不对"))
		return
	}
	st, err := s.Ops.Stats(r.Context(), si.p(), year)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	l := st.Ledger()
	if f := r.URL.Query().Get("format"); f == "xlsx" || f == "csv" {
		s.sendLedger(w, r, si, l, f, l.Title)
		return
	}
	// an agency's counts link to its applications in the list: those
	// received in the year, answered late, still open, and overdue
	type statsLine struct {
		Cells []string
		List  string // the list of the agency's applications of the year ("" for the total)
		Late  string // the list of those it answered late in the year
	}
	var rows []statsLine
	for i, cells := range l.Rows {
		line := statsLine{Cells: cells}
		if i < len(st.Rows) {
			id := st.Rows[i].Agency.ID
			line.List = fmt.Sprintf("/admin/cases?agency=%d&received_from=%d-01-01&received_to=%d-12-31", id, year, year)
			line.Late = fmt.Sprintf("/admin/cases?agency=%d&closed_from=%d-01-01&closed_to=%d-12-31&late=1", id, year, year)
		}
		rows = append(rows, line)
	}
	s.render(w, http.StatusOK, "stats", page{Title: "办理情况统计", User: si.user, CSRF: si.csrf, Data: map[string]any{
		"Stats": st, "Headers": l.Headers, "Rows": rows}})
}
