package web

import (
	"bytes"
	"fmt"
	"net/http"

	"gongkai/internal/errs"
	"gongkai/internal/office"
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
	switch f := r.URL.Query().Get("format"); f {
	case "xlsx", "csv":
		var b bytes.Buffer
		ctype := "text/csv; charset=utf-8"
		if f == "xlsx" {
			err, ctype = office.LedgerXLSX(&b, l), office.ContentType["xlsx"]
		} else {
			err = office.LedgerCSV(&b, l, false)
		}
		if err != nil {
			s.fail(w, r, si.user, si.csrf, err)
			return
		}
		download(w, ctype, fmt.Sprintf("%s.%s", l.Title, f), b.Bytes())
		return
	}
	rows, total := l.Rows, []string(nil)
	if st.Total != nil {
		rows, total = rows[:len(rows)-1], rows[len(rows)-1]
	}
	s.render(w, http.StatusOK, "stats", page{Title: "办理情况统计", User: si.user, CSRF: si.csrf, Data: map[string]any{
		"Stats": st, "Headers": l.Headers, "Rows": rows, "Total": total}})
}
