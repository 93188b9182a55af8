package web

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"gongkai/internal/errs"
	"gongkai/internal/office"
	"gongkai/internal/ops"
	"gongkai/internal/org"
	"gongkai/internal/report"
	"gongkai/internal/store"
)

// tableHTML draws a template table with its merged cells; cells whose key
// starts with an editable prefix are inputs, and cells a finding names are
// marked with the finding's title in Chinese (its rule id small beside it).
func tableHTML(t *office.Table, editable []string, findings []report.Finding) template.HTML {
	grid, err := t.Grid()
	if err != nil {
		return template.HTML("<p class=\"err\">表格无法显示</p>")
	}
	var b strings.Builder
	b.WriteString(`<div class="scroll"><table class="list report">`)
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
					title = append(title, report.RuleTitle(f.Rule)+"："+f.Message)
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
				fmt.Fprintf(&b, `<input name="%s" value="%s" size="5" inputmode="decimal" aria-label="%s">`, template.HTMLEscapeString(c.Key),
					template.HTMLEscapeString(c.Text), template.HTMLEscapeString(c.Label))
			} else {
				b.WriteString(template.HTMLEscapeString(c.Text))
			}
			fmt.Fprintf(&b, "</%s>", tag)
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</table></div>")
	return template.HTML(b.String())
}

func yearParam(v string, def int) (int, bool) {
	if v == "" {
		return def, true
	}
	y, err := strconv.Atoi(v)
	return y, err == nil && y >= 2019 && y <= 2200
}

type reportData struct {
	*ops.ReportView
	Agencies                []*org.Agency
	Tables                  []template.HTML
	Errors, Warnings, Infos int
	Formats                 []string
	Charts                  []template.HTML
}

// PrevYear is the year the cross-year checks compare with.
func (d *reportData) PrevYear() int { return d.Year - 1 }

func (s *Server) reportPageData(r *http.Request, si *sessionInfo, v *ops.ReportView) (*reportData, error) {
	d := &reportData{ReportView: v, Formats: []string{"docx", "pdf", "xlsx", "html", "txt", "json"}}
	d.Errors, d.Warnings, d.Infos = v.Report.Counts()
	var edit []string
	if v.CanEdit {
		edit = []string{report.T2Prefix(v.Report.Format)}
		if !v.T4Records {
			edit = append(edit, "appeals.")
		}
	}
	for _, t := range office.ReportTables(v.Report) {
		d.Tables = append(d.Tables, tableHTML(t, edit, v.Findings))
	}
	t, err := s.Ops.Trend(r.Context(), si.p(), v.Agency.ID, v.Year, false)
	if err != nil {
		return nil, err
	}
	d.Charts = []template.HTML{monthChart(t, "收到申请", t.Received), monthChart(t, "办结申请", t.Closed), outcomeChart(v.Report)}
	ids, err := s.Ops.Visible(r.Context(), si.p())
	if err != nil {
		return nil, err
	}
	if len(ids) > 1 {
		d.Agencies, err = s.Ops.Store.Agencies(r.Context(), ids)
	}
	return d, err
}

func (s *Server) showReport(w http.ResponseWriter, r *http.Request, si *sessionInfo, v *ops.ReportView, code int, flash string) {
	d, err := s.reportPageData(r, si, v)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	s.render(w, code, "report", page{Title: "年度报告", User: si.user, CSRF: si.csrf, Flash: flash, Data: d})
}

// reportTarget is the agency and year a report page is about: the user's own
// agency unless ?agency= names one they oversee.
func (s *Server) reportTarget(r *http.Request, si *sessionInfo, defYear int) (int64, int, bool) {
	year, ok := yearParam(r.URL.Query().Get("year"), defYear)
	if y := r.PathValue("year"); y != "" {
		year, ok = yearParam(y, 0)
	}
	id := si.user.AgencyID
	if v := r.URL.Query().Get("agency"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		ok = ok && err == nil
		id = n
	}
	return id, year, ok
}

func (s *Server) reportPage(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	id, year, ok := s.reportTarget(r, si, s.Ops.Clock.Today().Year()-1)
	if !ok {
		s.fail(w, r, si.user, si.csrf, errs.New("year", "年度不对"))
		return
	}
	v, err := s.Ops.Report(r.Context(), si.p(), id, year)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	s.showReport(w, r, si, v, http.StatusOK, flashOf(r))
}

// saveReport takes the narrative, 表二 and 表四 from the form (表三 comes from
// the records), saves, and shows the checks.
func (s *Server) saveReport(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	_, year, ok := s.reportTarget(r, si, 0)
	if !ok {
		s.fail(w, r, si.user, si.csrf, errs.New("year", "年度不对"))
		return
	}
	ed := ops.ReportEdits{Sections: map[string]string{}, Cells: map[string]string{}}
	for k, f := range map[string]string{"1": "section1", "5": "section5", "6": "section6"} {
		if r.PostForm.Has(f) {
			ed.Sections[k] = r.PostFormValue(f)
		}
	}
	for k, v := range r.PostForm {
		if strings.HasPrefix(k, "proactive") || strings.HasPrefix(k, "appeals.") {
			ed.Cells[k] = v[0]
		}
	}
	ed.Reason = r.PostFormValue("reason")
	ed.Base = seenVersion(r, "base")
	v, err := s.Ops.SaveReport(r.Context(), si.p(), year, ed)
	if err != nil && v != nil && v.Unsaved != nil { // refused: the page again with what was typed
		msg := errs.Plain(err)
		if errs.KindOf(err) == errs.Invalid {
			msg = "未保存：" + msg
		}
		s.showReport(w, r, si, v, formCode(w, err), msg)
		return
	}
	s.reportDone(w, r, si, year, err, []errs.Kind{errs.Invalid}, "未保存：", "saved")
}

// reportDone ends a form of the report page: a refusal of one of the kinds
// shows the page again with what was wrong (prefixed), another error the
// error page, success the page with its flash.
func (s *Server) reportDone(w http.ResponseWriter, r *http.Request, si *sessionInfo, year int, err error, shown []errs.Kind, prefix, ok string) {
	if err != nil && slices.Contains(shown, errs.KindOf(err)) {
		v, verr := s.Ops.Report(r.Context(), si.p(), si.user.AgencyID, year)
		if verr != nil {
			s.fail(w, r, si.user, si.csrf, verr)
			return
		}
		s.showReport(w, r, si, v, http.StatusUnprocessableEntity, prefix+errs.Plain(err))
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/admin/reports?year=%d&ok=%s", year, ok), http.StatusSeeOther)
}

// importPrior reads the previous year's report from the file the agency
// published (before it kept its reports here) for the cross-year checks.
func (s *Server) importPrior(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	_, year, ok := s.reportTarget(r, si, 0)
	if !ok {
		s.fail(w, r, si.user, si.csrf, errs.New("year", "年度不对"))
		return
	}
	var data []byte
	file, hdr, err := r.FormFile("file")
	if err == nil {
		defer file.Close()
		data, err = readAll(file, report.MaxInput)
	}
	if err != nil {
		err = errs.New("file", "请选择上年已发布的年度报告文件（Word、PDF、网页、Excel 等），不超过 %d MB", report.MaxInput>>20)
	} else {
		_, err = s.Ops.ImportPriorReport(r.Context(), si.p(), year-1, hdr.Filename, data)
	}
	s.reportDone(w, r, si, year, err, []errs.Kind{errs.Invalid, errs.Conflict, errs.TooLarge}, "上年报告未导入：", "prior")
}

// reportFile downloads the report in any supported format.
func (s *Server) reportFile(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	id, year, ok := s.reportTarget(r, si, 0)
	f := r.URL.Query().Get("format")
	if !ok || !office.IsReportFormat(f) {
		s.fail(w, r, si.user, si.csrf, errs.New("format", "请指定年度和格式（docx、pdf、xlsx、html、txt、json）"))
		return
	}
	v, err := s.Ops.Report(r.Context(), si.p(), id, year)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	s.sendReport(w, r, si, v.Report, f, fmt.Sprintf("%s%d年政府信息公开工作年度报告.%s", v.Report.Agency, year, f))
}

func (s *Server) sendReport(w http.ResponseWriter, r *http.Request, si *sessionInfo, rep *report.Report, f, name string) {
	var b bytes.Buffer
	if err := office.RenderReport(&b, rep, f, s.Ops.Clock.Now()); err != nil {
		s.fail(w, r, si.user, si.csrf, err)
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
	download(w, ctype, name, b.Bytes())
}

// submitReport records the 报送 of the agency's saved report: by the head of
// the disclosure office, and only when the checks find no error.
func (s *Server) submitReport(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	_, year, ok := s.reportTarget(r, si, 0)
	if !ok {
		s.fail(w, r, si.user, si.csrf, errs.New("year", "年度不对"))
		return
	}
	if r.PostFormValue("confirm") != "1" {
		s.fail(w, r, si.user, si.csrf, errs.New("confirm", "请勾选确认后再报送"))
		return
	}
	_, err := s.Ops.SubmitReport(r.Context(), si.p(), year, seenVersion(r, "version"))
	if errs.KindOf(err) == errs.Conflict {
		v, verr := s.Ops.Report(r.Context(), si.p(), si.user.AgencyID, year)
		if verr != nil {
			s.fail(w, r, si.user, si.csrf, verr)
			return
		}
		s.showReport(w, r, si, v, http.StatusUnprocessableEntity, errs.Fields(err)["form"])
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/admin/reports?year=%d&ok=submitted", year), http.StatusSeeOther)
}

func (s *Server) rollupPage(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	year, ok := yearParam(r.URL.Query().Get("year"), s.Ops.Clock.Today().Year()-1)
	if !ok {
		s.fail(w, r, si.user, si.csrf, errs.New("year", "年度不对"))
		return
	}
	ru, err := s.Ops.Rollup(r.Context(), si.p(), year)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	var tables []template.HTML
	for _, t := range office.ReportTables(ru.Sum) {
		tables = append(tables, tableHTML(t, nil, ru.Sum.Findings))
	}
	// the charts are the page's, beside the 汇总 (bench rollup times the 汇总)
	tr, err := s.Ops.Trend(r.Context(), si.p(), si.user.AgencyID, year, true)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	charts := []template.HTML{monthChart(tr, "收到申请", tr.Received), outcomeChart(ru.Sum)}
	show := r.URL.Query().Get("show")
	rows, pg := pageOf(rollupFilter(ru.Rows, show), r.URL.Query().Get("page"), 100)
	s.render(w, http.StatusOK, "rollup", page{Title: "年度报告汇总", User: si.user, CSRF: si.csrf, Data: map[string]any{
		"R": ru, "Rows": rows, "Page": pg, "Show": show, "Shows": rollupShows, "Tables": tables, "Charts": charts,
		"Formats": []string{"xlsx", "docx", "pdf", "html"}}})
}

// rollupFile downloads the summed tables.
func (s *Server) rollupFile(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	year, ok := yearParam(r.URL.Query().Get("year"), 0)
	f := r.URL.Query().Get("format")
	if !ok || year == 0 || !office.IsOffice(f) && f != "html" {
		s.fail(w, r, si.user, si.csrf, errs.New("format", "请指定年度和格式（xlsx、docx、pdf、html）"))
		return
	}
	ru, err := s.Ops.Rollup(r.Context(), si.p(), year)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	s.sendReport(w, r, si, ru.Sum, f, fmt.Sprintf("%d年政府信息公开工作年度报告汇总.%s", year, f))
}

// rollupStatus downloads the list of agencies and where each one's report
// stands (报送情况), as the page filters it: for a 通报.
func (s *Server) rollupStatus(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	ru, year, f, ok := s.rollupDownload(w, r, si, "xlsx", "csv")
	if !ok {
		return
	}
	s.sendLedger(w, r, si, rollupLedger(year, rollupFilter(ru.Rows, r.URL.Query().Get("show")), s.Ops.Clock.Format), f, fmt.Sprintf("%d年度报告报送情况", year))
}

// rollupReports downloads every report of the year kept here (saved, or
// published and read from its file) as one ZIP, with the 报送情况 first.
func (s *Server) rollupReports(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	ru, year, f, ok := s.rollupDownload(w, r, si, "docx", "pdf")
	if !ok {
		return
	}
	var reps []office.NamedReport
	for _, row := range ru.Rows {
		if row.Report != nil {
			reps = append(reps, office.NamedReport{Name: fmt.Sprintf("%s%d年政府信息公开工作年度报告", row.Agency.Name, year), Report: row.Report})
		}
	}
	attachment(w, "application/zip", fmt.Sprintf("%d年政府信息公开工作年度报告（各机关）.zip", year))
	if err := office.ReportsZip(w, rollupLedger(year, ru.Rows, s.Ops.Clock.Format), reps, f, s.Ops.Clock.Now()); err != nil {
		s.Log.Error("rollup reports", "err", err) // the download ends short
	}
}

// rollupDownload reads a download's year and format (one of formats) and
// the year's 报告汇总; false when it answered with the problem instead.
func (s *Server) rollupDownload(w http.ResponseWriter, r *http.Request, si *sessionInfo, formats ...string) (*ops.Rollup, int, string, bool) {
	year, ok := yearParam(r.URL.Query().Get("year"), 0)
	f := r.URL.Query().Get("format")
	if !ok || year == 0 || !slices.Contains(formats, f) {
		s.fail(w, r, si.user, si.csrf, errs.New("format", "请指定年度和格式（%s）", strings.Join(formats, "、")))
		return nil, 0, "", false
	}
	ru, err := s.Ops.Rollup(r.Context(), si.p(), year)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return nil, 0, "", false
	}
	return ru, year, f, true
}

// rollupCircular is a draft 通报 of the year's reports, as Word or PDF.
func (s *Server) rollupCircular(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	ru, year, f, ok := s.rollupDownload(w, r, si, "docx", "pdf")
	if !ok {
		return
	}
	from, err := s.Ops.Store.GetAgency(r.Context(), si.user.AgencyID)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	c := office.Circular{Year: year, From: from.Name, Today: s.Ops.Clock.Today()}
	for _, row := range ru.Rows {
		c.Rows = append(c.Rows, office.CircularRow{Agency: row.Agency.Name, Status: row.Status, Late: row.Late, Checked: row.Checked,
			Errors: row.Errors, Warnings: row.Warnings})
	}
	var b bytes.Buffer
	err = office.Write(&b, f, office.CircularDoc(c), s.Ops.Clock.Now())
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	download(w, office.ContentType[f], fmt.Sprintf("%d年度政府信息公开工作年度报告报送情况通报（草稿）.%s", year, f), b.Bytes())
}

// rollupLedger is the 报送情况 as a table.
func rollupLedger(year int, rows []ops.RollupRow, format func(time.Time) string) *office.Ledger {
	l := &office.Ledger{Title: fmt.Sprintf("%d年度报告报送情况", year), Headers: []string{"机关", "级别", "报送截止", "状态", "是否逾期", "报送或保存人", "时间", "错误", "警告", "说明"}}
	for _, r := range rows {
		at, errCount, warnCount := "", "", ""
		if !r.At.IsZero() {
			at = format(r.At)
		}
		if r.Checked {
			errCount, warnCount = strconv.Itoa(r.Errors), strconv.Itoa(r.Warnings)
		}
		late := ""
		if r.Late {
			late = "逾期"
		}
		l.Rows = append(l.Rows, []string{r.Agency.Name, report.LevelName(r.Agency.Level), r.Due.String(), r.Status, late, r.By, at, errCount, warnCount, r.Note})
	}
	return l
}

// rollupShows are the 报告汇总's filters of its agency list.
var rollupShows = []option{{"", "全部"}, {"late", "逾期未报"}, {"errors", "有错误"}, {"pending", "未报送"}, {"submitted", "已报送"}}

func rollupFilter(rows []ops.RollupRow, show string) []ops.RollupRow {
	if show == "" {
		return rows
	}
	var out []ops.RollupRow
	for _, r := range rows {
		ok := false
		switch show {
		case "late":
			ok = r.Late
		case "errors":
			ok = r.Checked && r.Errors > 0
		case "pending":
			ok = r.Status != "已报送" && !r.Published
		case "submitted":
			ok = r.Status == "已报送"
		}
		if ok {
			out = append(out, r)
		}
	}
	return out
}

// pager is one page of a long list.
type pager struct {
	N, Of, Total, From, To int
	Prev, Next             int // 0 when there is none
}

// pageOf cuts the page named by p (1-based) out of rows.
func pageOf[T any](rows []T, p string, size int) ([]T, pager) {
	n, _ := strconv.Atoi(p)
	of := max(1, (len(rows)+size-1)/size)
	n = min(max(n, 1), of)
	from, to := (n-1)*size, min(n*size, len(rows))
	pg := pager{N: n, Of: of, Total: len(rows), From: from + 1, To: to}
	if n > 1 {
		pg.Prev = n - 1
	}
	if n < of {
		pg.Next = n + 1
	}
	return rows[from:to], pg
}

// seenVersion is the version of the report the page showed when a form
// was sent (field: version for 审定, 发布 and 报送, base for a save); 0 when
// the form did not say.
func seenVersion(r *http.Request, field string) int {
	v, err := strconv.Atoi(r.PostFormValue(field))
	if err != nil || v < 0 {
		return 0
	}
	return v
}

// reportAction answers 审定 and 发布 of the agency's report.
func (s *Server) reportAction(w http.ResponseWriter, r *http.Request, si *sessionInfo, ok string,
	act func(ctx context.Context, p ops.Principal, year, seen int) (*ops.ReportView, error)) {
	_, year, valid := s.reportTarget(r, si, 0)
	if !valid {
		s.fail(w, r, si.user, si.csrf, errs.New("year", "年度不对"))
		return
	}
	_, err := act(r.Context(), si.p(), year, seenVersion(r, "version"))
	if errs.KindOf(err) == errs.Conflict {
		v, verr := s.Ops.Report(r.Context(), si.p(), si.user.AgencyID, year)
		if verr != nil {
			s.fail(w, r, si.user, si.csrf, verr)
			return
		}
		s.showReport(w, r, si, v, http.StatusConflict, errs.Readable(err))
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/admin/reports?year=%d&ok=%s", year, ok), http.StatusSeeOther)
}

func (s *Server) approveReport(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.reportAction(w, r, si, "approved", s.Ops.ApproveReport)
}

func (s *Server) publishReport(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.reportAction(w, r, si, "published", s.Ops.PublishReport)
}

type versionsData struct {
	Agency   *org.Agency
	Year     int
	Versions []store.ReportVersion
	From, To int
	Changes  []report.Change
}

// reportVersions lists a report's saved versions and, given two, what
// changed between them.
func (s *Server) reportVersions(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	id, year, ok := s.reportTarget(r, si, 0)
	if !ok {
		s.fail(w, r, si.user, si.csrf, errs.New("year", "年度不对"))
		return
	}
	vs, err := s.Ops.ReportVersions(r.Context(), si.p(), id, year)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	d := versionsData{Year: year, Versions: vs}
	if d.Agency, err = s.Ops.Store.GetAgency(r.Context(), id); err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	d.From, _ = strconv.Atoi(r.URL.Query().Get("from"))
	d.To, _ = strconv.Atoi(r.URL.Query().Get("to"))
	if d.From == 0 && d.To == 0 && len(vs) > 1 {
		d.From, d.To = vs[1].Version, vs[0].Version
	}
	if d.From != 0 && d.To != 0 {
		if d.Changes, err = s.Ops.ReportDiff(r.Context(), si.p(), id, year, d.From, d.To); err != nil {
			s.fail(w, r, si.user, si.csrf, err)
			return
		}
	}
	s.render(w, http.StatusOK, "versions", page{Title: "报告版本", User: si.user, CSRF: si.csrf, Data: d})
}
