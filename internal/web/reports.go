package web

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"gongkai/internal/casework"
	"gongkai/internal/office"
	"gongkai/internal/report"
	"gongkai/internal/store"
)

// reportInfo says where a report's figures come from.
type reportInfo struct {
	Saved     string // "已保存" once the report has been saved
	T4Records bool   // 表四 is counted from the 复议/诉讼 records
}

// reportFor is the agency's report of a year (see reportOf).
func (s *Server) reportFor(r *http.Request, agencyID int64, year int) (*report.Report, reportInfo, error) {
	ag, err := s.Store.GetAgency(r.Context(), agencyID)
	if err != nil {
		return nil, reportInfo{}, err
	}
	return s.reportOf(r, ag, year)
}

// reportOf is the agency's report of a year: the saved one, or a new one;
// 表三 always comes from the records, 表四 too once the agency keeps 复议/诉讼 records.
func (s *Server) reportOf(r *http.Request, ag *store.Agency, year int) (*report.Report, reportInfo, error) {
	var info reportInfo
	rep, err := s.Store.GetReport(r.Context(), ag.ID, year)
	switch {
	case errors.Is(err, store.ErrNotFound):
		rep = report.NewReport(report.FormatForYear(year))
		rep.Agency, rep.Year, rep.Level = ag.Name, year, ag.Level
		rep.Zero()
		if err := s.Store.ProactiveFromLedgers(r.Context(), ag.ID, year, rep); err != nil {
			return nil, info, err
		}
	case err != nil:
		return nil, info, err
	default:
		info.Saved = "已保存"
	}
	info.T4Records, err = s.Store.FillFromRecords(r.Context(), ag.ID, year, rep, s.AppealCounting)
	return rep, info, err
}

func yearParam(v string, def int) (int, bool) {
	if v == "" {
		return def, true
	}
	y, err := strconv.Atoi(v)
	return y, err == nil && y >= 2019 && y <= 2200
}

// tableHTML draws a template table with its merged cells; cells whose key
// starts with an editable prefix are inputs, and cells a finding names are marked.
func tableHTML(t *office.Table, editable []string, findings []report.Finding) template.HTML {
	grid, err := t.Grid()
	if err != nil {
		return template.HTML("<p class=\"err\">" + template.HTMLEscapeString(err.Error()) + "</p>")
	}
	var b strings.Builder
	b.WriteString(`<table class="list report">`)
	for i, row := range t.Rows {
		b.WriteString("<tr>")
		for _, k := range grid[i] {
			if k < 0 {
				continue
			}
			c := row[k]
			tag := "td"
			if c.Header {
				tag = "th"
			}
			var title []string
			for _, f := range findings {
				if c.Key != "" && (f.Cell == c.Key || strings.HasPrefix(c.Key, f.Cell+"[") || strings.HasPrefix(c.Key, f.Cell+".")) {
					title = append(title, f.Rule+"："+f.Message)
				}
			}
			class := ""
			if len(title) > 0 {
				class = ` class="bad"`
			}
			fmt.Fprintf(&b, `<%s colspan="%d" rowspan="%d"%s title="%s">`, tag, max(c.Cols, 1), max(c.Rows, 1), class, template.HTMLEscapeString(strings.Join(title, "\n")))
			edit := false
			for _, p := range editable {
				edit = edit || (c.Key != "" && strings.HasPrefix(c.Key, p))
			}
			if edit {
				fmt.Fprintf(&b, `<input name="%s" value="%s" size="5" aria-label="%s">`, template.HTMLEscapeString(c.Key), template.HTMLEscapeString(c.Text), template.HTMLEscapeString(c.Key))
			} else {
				b.WriteString(template.HTMLEscapeString(c.Text))
			}
			fmt.Fprintf(&b, "</%s>", tag)
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</table>")
	return template.HTML(b.String())
}

// reportAgency is the agency whose report is shown: the user's own, or for
// a supervisor any agency below (?agency=ID); ok is false when not allowed.
func (s *Server) reportAgency(r *http.Request, si *sessionInfo) (int64, bool, error) {
	v := r.URL.Query().Get("agency")
	if v == "" {
		return si.user.AgencyID, true, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, false, nil
	}
	ids, err := s.Store.VisibleAgencies(r.Context(), si.user)
	if err != nil {
		return 0, false, err
	}
	for _, x := range ids {
		if x == id {
			return id, true, nil
		}
	}
	return 0, false, nil
}

func (s *Server) reportPage(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	year, ok := yearParam(r.URL.Query().Get("year"), s.today().Year()-1)
	if !ok {
		http.Error(w, "年度不对", http.StatusUnprocessableEntity)
		return
	}
	agencyID, ok, err := s.reportAgency(r, si)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if !ok {
		http.Error(w, "没有这个机关，或您无权查看", http.StatusNotFound)
		return
	}
	s.showReport(w, r, si, agencyID, year, http.StatusOK, "")
}

func (s *Server) showReport(w http.ResponseWriter, r *http.Request, si *sessionInfo, agencyID int64, year, code int, flash string) {
	rep, info, err := s.reportFor(r, agencyID, year)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	prev, err := s.Store.GetReport(r.Context(), agencyID, year-1)
	if err != nil {
		prev = nil
	}
	fs := report.Check(rep, prev)
	e, wn, inf := rep.Counts()
	var tables []template.HTML
	edit := []string{office.T2Prefix(rep.Format)}
	if !info.T4Records {
		edit = append(edit, "appeals.")
	}
	for _, t := range office.ReportTables(rep) {
		tables = append(tables, tableHTML(t, edit, fs))
	}
	below, err := s.visibleAgencies(r, si)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	savedBy, err := s.Store.ReportsSaved(r.Context(), []int64{agencyID}, year)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	sv := savedBy[agencyID]
	sub := map[string]any{"Done": !sv.SubmittedAt.IsZero(), "By": sv.SubmittedBy, "At": sv.SubmittedAt.In(s.Now().Location()).Format("2006-01-02 15:04"),
		"ChangedSince": !sv.SubmittedAt.IsZero() && sv.At.After(sv.SubmittedAt),
		"May":          mayApprove(si) && agencyID == si.user.AgencyID && info.Saved != "", "Blocked": e > 0}
	s.render(w, code, "report", page{Title: "年度报告", User: si.user, CSRF: si.csrf, Flash: flash, Data: map[string]any{
		"Agency": rep.Agency, "AgencyID": agencyID, "SubmitBy": report.SubmitByText(rep.Level, year), "Own": agencyID == si.user.AgencyID, "Agencies": below, "Year": year, "FormatTitle": rep.Format.Title(), "Saved": info.Saved, "T4Records": info.T4Records, "Submit": sub, "Findings": fs,
		"Errors": e, "Warnings": wn, "Infos": inf, "Tables": tables, "S1": rep.Sections["1"], "S5": rep.Sections["5"], "S6": rep.Sections["6"],
		"Formats": []string{"docx", "pdf", "xlsx", "html", "txt", "json"}}})
}

// ownReport is the user's own agency's report of the year in the path; it
// answers the request itself (and returns false) when it cannot.
func (s *Server) ownReport(w http.ResponseWriter, r *http.Request, si *sessionInfo) (int, *report.Report, reportInfo, bool) {
	year, ok := yearParam(r.PathValue("year"), 0)
	if !ok {
		http.Error(w, "年度不对", http.StatusUnprocessableEntity)
		return 0, nil, reportInfo{}, false
	}
	rep, info, err := s.reportFor(r, si.user.AgencyID, year)
	if err != nil {
		s.serverError(w, r, err)
		return 0, nil, reportInfo{}, false
	}
	return year, rep, info, true
}

// saveReport takes the narrative, 表二 and 表四 from the form (表三 comes from
// the records), saves, and shows the checks.
func (s *Server) saveReport(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	year, rep, info, ok := s.ownReport(w, r, si)
	if !ok {
		return
	}
	for k, f := range map[string]string{"1": "section1", "5": "section5", "6": "section6"} {
		rep.Sections[k] = strings.TrimSpace(strings.ReplaceAll(r.PostFormValue(f), "\r\n", "\n"))
	}
	prefix := office.T2Prefix(rep.Format)
	for _, it := range rep.Format.T2Items() {
		for i, c := range it.Cells {
			v, path := r.PostFormValue(prefix+it.Key+"."+c), it.Key+"."+c
			if len(it.Money) > i && it.Money[i] {
				rep.Proactive.SetAmount(path, report.ParseAmount(v))
			} else {
				rep.Proactive.Set(path, report.ParseCount(v)) // a wrong value is kept and shown as CELL.INVALID
			}
		}
	}
	for b, blk := range report.T4Blocks {
		for j, c := range report.T4Columns {
			if info.T4Records {
				break // counted from the records, not typed
			}
			rep.Appeals[b][j] = report.ParseCount(r.PostFormValue("appeals." + blk.Key + "." + c))
		}
	}
	if err := s.Store.SaveReport(r.Context(), si.user.AgencyID, rep, si.user.Name); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.Store.Audit(r.Context(), store.AuditEntry{UserID: si.user.ID, AgencyID: si.user.AgencyID, Action: "report.save", Object: strconv.Itoa(year)})
	s.showReport(w, r, si, si.user.AgencyID, year, http.StatusOK, "已保存。")
}

// reportFile downloads the report in any supported format.
func (s *Server) reportFile(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	year, ok := yearParam(r.PathValue("year"), 0)
	if !ok {
		http.Error(w, "年度不对", http.StatusUnprocessableEntity)
		return
	}
	agencyID, ok, err := s.reportAgency(r, si)
	if err != nil || !ok {
		http.Error(w, "没有这个机关，或您无权查看", http.StatusNotFound)
		return
	}
	rep, _, err := s.reportFor(r, agencyID, year)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f := r.URL.Query().Get("format")
	report.Check(rep, nil)
	var b bytes.Buffer
	if err := office.RenderReport(&b, rep, f, s.Now()); err != nil {
		http.Error(w, "不支持的格式", http.StatusUnprocessableEntity)
		return
	}
	ctype := office.ContentType[f]
	switch f {
	case "html":
		ctype = "text/html; charset=utf-8"
	case "txt", "md":
		ctype = "text/plain; charset=utf-8"
	case "json":
		ctype = "application/json"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename*=UTF-8''`+url.PathEscape(fmt.Sprintf("%s%d年政府信息公开工作年度报告.%s", rep.Agency, year, f)))
	w.Write(b.Bytes())
}

func mayApprove(si *sessionInfo) bool {
	return si.user.Role == casework.Approver || si.user.Role == casework.Admin
}

// submitReport records the 报送 of the agency's saved report: by the head of
// the disclosure office, and only when the checks find no error.
func (s *Server) submitReport(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	if !mayApprove(si) {
		forbidden(w)
		return
	}
	year, rep, info, ok := s.ownReport(w, r, si)
	if !ok {
		return
	}
	report.Check(rep, nil)
	if e, _, _ := rep.Counts(); info.Saved == "" || e > 0 {
		s.showReport(w, r, si, si.user.AgencyID, year, http.StatusUnprocessableEntity, "未能报送：请先保存报告，并改正检查发现的全部错误。")
		return
	}
	if err := s.Store.SubmitReport(r.Context(), si.user.AgencyID, year, si.user.Name); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.Store.Audit(r.Context(), store.AuditEntry{UserID: si.user.ID, AgencyID: si.user.AgencyID, Action: "report.submit", Object: strconv.Itoa(year)})
	s.showReport(w, r, si, si.user.AgencyID, year, http.StatusOK, "已报送。")
}
