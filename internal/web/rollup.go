package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"

	"gongkai/internal/office"
	"gongkai/internal/report"
)

// rollupRow is one agency on the supervising office's overview.
type rollupRow struct {
	ID               int64
	Name, Level, Due string
	Status           string
	Late             bool
	Errors, Warnings int
	Checked          bool   // saved, so its checks are shown
	By, At, Note     string // who saved or submitted it, and when
}

// rollup builds the year's overview for a supervisor: each agency in its area
// with where its report stands, and the sum of all their tables.
func (s *Server) rollup(r *http.Request, si *sessionInfo, year int) ([]rollupRow, *report.Report, error) {
	ags, err := s.visibleAgencies(r, si)
	if err != nil {
		return nil, nil, err
	}
	ids := make([]int64, len(ags))
	for i, a := range ags {
		ids[i] = a.ID
	}
	saved, err := s.Store.ReportsSaved(r.Context(), ids, year)
	if err != nil {
		return nil, nil, err
	}
	today := s.Now()
	var rows []rollupRow
	var reps []*report.Report
	for _, a := range ags {
		rep, _, err := s.reportOf(r, a, year)
		if err != nil {
			return nil, nil, err
		}
		reps = append(reps, rep)
		due, _ := report.SubmitBy(a.Level, year, nil)
		row := rollupRow{ID: a.ID, Name: a.Name, Level: report.LevelName(a.Level), Due: due.Format("2006-01-02")}
		pastDue := today.After(due.AddDate(0, 0, 1))
		sv, ok := saved[a.ID]
		if ok {
			// only a saved report is checked: a draft lacks its narrative by definition
			report.Check(rep, nil)
			row.Errors, row.Warnings, _ = rep.Counts()
			row.Checked = true
		}
		local := func(t time.Time) string { return t.In(today.Location()).Format("2006-01-02 15:04") }
		switch {
		case ok && !sv.SubmittedAt.IsZero():
			row.Status, row.By, row.At = "已报送", sv.SubmittedBy, local(sv.SubmittedAt)
			var notes []string
			if sv.SubmittedAt.After(due.AddDate(0, 0, 1)) {
				notes = append(notes, "截止日后报送")
			}
			if sv.At.After(sv.SubmittedAt) {
				notes = append(notes, "报送后有修改")
			}
			row.Note = strings.Join(notes, "，")
		case ok:
			row.Status, row.By, row.At, row.Late = "已保存未报送", sv.By, local(sv.At), pastDue
		case pastDue:
			row.Status, row.Late = "逾期未报", true
		default:
			row.Status = "未开始"
		}
		rows = append(rows, row)
	}
	var own string
	if len(ags) > 0 {
		own = ags[0].Name
		for _, a := range ags {
			if a.ID == si.user.AgencyID {
				own = a.Name
			}
		}
	}
	return rows, report.Sum(report.FormatForYear(year), year, own+"（汇总）", reps), nil
}

func (s *Server) rollupPage(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	if !si.user.SeesBelow() {
		forbidden(w)
		return
	}
	year, ok := yearParam(r.URL.Query().Get("year"), s.today().Year()-1)
	if !ok {
		http.Error(w, "年度不对", http.StatusUnprocessableEntity)
		return
	}
	rows, sum, err := s.rollup(r, si, year)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	late, withErrors := 0, 0
	for _, x := range rows {
		if x.Late {
			late++
		}
		if x.Checked && x.Errors > 0 {
			withErrors++
		}
	}
	fs := report.Check(sum, nil)
	var tables []template.HTML
	for _, t := range office.ReportTables(sum) {
		tables = append(tables, tableHTML(t, nil, fs))
	}
	s.render(w, http.StatusOK, "rollup", page{Title: "年度报告汇总", User: si.user, CSRF: si.csrf, Data: map[string]any{
		"Year": year, "Rows": rows, "Late": late, "WithErrors": withErrors, "Tables": tables, "Formats": []string{"xlsx", "docx", "pdf", "html"}}})
}

// rollupFile downloads the summed tables.
func (s *Server) rollupFile(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	if !si.user.SeesBelow() {
		forbidden(w)
		return
	}
	year, ok := yearParam(r.URL.Query().Get("year"), 0)
	f := r.URL.Query().Get("format")
	if !ok || year == 0 || !office.IsOffice(f) && f != "html" {
		http.Error(w, "请指定年度和格式（xlsx、docx、pdf、html）", http.StatusUnprocessableEntity)
		return
	}
	_, sum, err := s.rollup(r, si, year)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	report.Check(sum, nil)
	var b bytes.Buffer
	if err := office.RenderReport(&b, sum, f, s.Now()); err != nil {
		s.serverError(w, r, err)
		return
	}
	ctype := office.ContentType[f]
	if f == "html" {
		ctype = "text/html; charset=utf-8"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename*=UTF-8''`+url.PathEscape(fmt.Sprintf("%d年政府信息公开工作年度报告汇总.%s", year, f)))
	w.Write(b.Bytes())
}
