package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/errs"
	"gongkai/internal/office"
	"gongkai/internal/ops"
	"gongkai/internal/org"
	"gongkai/internal/report"
	"gongkai/internal/settings"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

type userView struct {
	store.UserRow
	RoleName string
	Handles  int  // open applications this user is 承办人 of: to reassign before disabling
	Reminded bool // handles applications or oversees agencies: gets the daily reminder at its address
	// LastIn is the user's last sign-in (zero: never), DaysOut the days since;
	// Dormant: long enough to consider disabling the account
	LastIn  time.Time
	DaysOut int
	Dormant bool
}

// dormantDays is when the 用户 page points out an account nobody uses (a
// hint to disable it; no rule fixes a period).
const dormantDays = 90

type adminData struct {
	Kind     string
	Users    []userView
	Agencies []*org.Agency
	Roles    []option
	Notices  []workday.Notice
	Moved    []ops.Moved
	Settings shownSettings // the stored settings, or what was typed when refused
	Seen     string        // the stored settings' Fingerprint, which their form carries
	Opened   string        // and their values as the form shows them (see merge.go)
	Fields   []settings.Field
	Audit    []store.AuditRow
	Total    int
	Prev     string
	Next     string
	// the 操作记录's filter as typed, its actions, and its query for the downloads
	Filter  map[string]string
	Actions []option
	Query   string // the page's address with its filters, which the downloads extend
}

// managed are the agencies an administrator manages (their own and below).
func (s *Server) managed(r *http.Request, si *sessionInfo) ([]*org.Agency, error) {
	if si.user.Role != casework.Admin {
		return nil, ops.Forbidden("此功能仅供系统管理员使用")
	}
	ids, err := s.Ops.Visible(r.Context(), si.p())
	if err != nil {
		return nil, err
	}
	return s.Ops.Store.Agencies(r.Context(), ids)
}

func (s *Server) usersPage(w http.ResponseWriter, r *http.Request, si *sessionInfo, code int, form, fieldErrs map[string]string) {
	ags, err := s.managed(r, si)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	ids := make([]int64, len(ags))
	for i, a := range ags {
		ids[i] = a.ID
	}
	rows, err := s.Ops.Store.ListUsers(r.Context(), ids)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	handled, err := s.Ops.Store.CountCasesByHandler(r.Context(), casework.Filter{AgencyIDs: ids, Open: true})
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	uids := make([]int64, len(rows))
	for i, u := range rows {
		uids[i] = u.ID
	}
	last, err := s.Ops.Store.LastSignIns(r.Context(), uids)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	now := s.Ops.Clock.Now()
	d := adminData{Kind: "users", Agencies: ags}
	for _, u := range rows {
		v := userView{UserRow: u, RoleName: org.RoleName(u.Role), Handles: handled[u.ID], Reminded: u.Role != casework.Admin, LastIn: last[u.ID]}
		if !v.LastIn.IsZero() {
			v.DaysOut = int(now.Sub(v.LastIn).Hours() / 24)
			v.Dormant = !u.Disabled && v.DaysOut >= dormantDays
		}
		d.Users = append(d.Users, v)
	}
	d.Roles = optionsN(len(org.Roles), func(i int) (string, string) { return string(org.Roles[i].ID), org.Roles[i].Name })
	if form == nil {
		form = map[string]string{"role": "clerk"}
	}
	s.render(w, code, "admin", page{Title: "用户管理", User: si.user, CSRF: si.csrf, Form: form, Errors: fieldErrs, Flash: flashOf(r), Data: d})
}

func (s *Server) users(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.usersPage(w, r, si, http.StatusOK, nil, nil)
}

func (s *Server) createUser(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	f := formValues(r, []string{"agency", "login", "name", "role", "email"})
	agencyID, _ := strconv.ParseInt(f["agency"], 10, 64)
	_, err := s.Ops.CreateUser(r.Context(), si.p(), ops.NewUser{AgencyID: agencyID, Login: f["login"], Name: f["name"],
		Role: casework.Role(f["role"]), Password: r.PostFormValue("password"), Email: f["email"]})
	if errs.KindOf(err) == errs.Invalid {
		s.usersPage(w, r, si, http.StatusUnprocessableEntity, f, formErrors(err, nil))
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, "/admin/users?ok=created", http.StatusSeeOther)
}

// changeUser disables, enables, resets the password or sets the e-mail
// address of a user.
func (s *Server) changeUser(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	var err error
	switch r.PostFormValue("do") {
	case "disable":
		err = s.Ops.SetUserDisabled(r.Context(), si.p(), id, true)
	case "enable":
		err = s.Ops.SetUserDisabled(r.Context(), si.p(), id, false)
	case "reset":
		err = s.Ops.ResetPassword(r.Context(), si.p(), id, r.PostFormValue("password"))
	case "email":
		_, err = s.Ops.SetUserEmail(r.Context(), si.p(), id, r.PostFormValue("email"))
	default:
		err = errs.New("form", "请选择操作")
	}
	if errs.KindOf(err) == errs.Invalid {
		var form map[string]string
		if r.PostFormValue("do") == "email" { // the address as typed, in that user's row
			form = map[string]string{"_email": r.PathValue("id"), "email": r.PostFormValue("email")}
		}
		s.usersPage(w, r, si, http.StatusUnprocessableEntity, form, map[string]string{"form": errs.Readable(err)})
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, "/admin/users?ok=saved", http.StatusSeeOther)
}

func (s *Server) agenciesPage(w http.ResponseWriter, r *http.Request, si *sessionInfo, code int, editing int64, form, fieldErrs map[string]string) {
	ags, err := s.managed(r, si)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	levels := optionsN(len(report.Levels), func(i int) (string, string) { return string(report.Levels[i].ID), report.Levels[i].Name })
	s.render(w, code, "admin", page{Title: "机关设置", User: si.user, CSRF: si.csrf, Form: form, Errors: fieldErrs, Flash: flashOf(r),
		Data: map[string]any{"Kind": "agencies", "Agencies": ags, "Editing": editing, "Adding": editing < 0, "Levels": levels,
			"DefaultPattern": catalog.PatternForForm(catalog.DefaultPattern), "PatternParts": catalog.PatternParts, "ArchiveExample": casework.ArchiveExample}})
}

func (s *Server) agencies(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.agenciesPage(w, r, si, http.StatusOK, 0, nil, nil)
}

var agencyFields = []string{"name", "review_organ", "upper_department", "letter_prefix", "address", "phone", "hours", "email", "fax", "code", "index_pattern", "handler_only", "archive_pattern", "apply_note"}

// addAgency adds an agency below one the administrator manages.
func (s *Server) addAgency(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	f := formValues(r, []string{"parent", "name", "level", "review_organ", "letter_prefix"})
	a := &org.Agency{Name: f["name"], Level: report.Level(f["level"]), ReviewOrgan: f["review_organ"], LetterPrefix: f["letter_prefix"]}
	if id, err := strconv.ParseInt(f["parent"], 10, 64); err == nil {
		a.ParentID = &id
	}
	err := s.Ops.AddAgency(r.Context(), si.p(), a)
	if errs.KindOf(err) == errs.Invalid {
		s.agenciesPage(w, r, si, http.StatusUnprocessableEntity, -1, f, formErrors(err, nil))
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, "/admin/agencies?ok=created", http.StatusSeeOther)
}

// agencyValues are an agency's fields as its edit form shows them.
func agencyValues(a *org.Agency) map[string]string {
	v := map[string]string{"name": a.Name, "review_organ": a.ReviewOrgan, "upper_department": a.UpperDepartment, "letter_prefix": a.LetterPrefix,
		"address": a.Address, "phone": a.Phone, "hours": a.Hours, "email": a.Email, "fax": a.Fax, "code": a.Code,
		"index_pattern": catalog.PatternForForm(a.IndexPattern), "archive_pattern": a.ArchivePattern, "apply_note": a.ApplyNote}
	if a.HandlerOnly {
		v["handler_only"] = "1"
	}
	return v
}

func (s *Server) saveAgency(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	f := formValues(r, agencyFields)
	save := func(f map[string]string, seen string) error {
		a := &org.Agency{ID: id, Name: f["name"], ReviewOrgan: f["review_organ"], UpperDepartment: f["upper_department"], LetterPrefix: f["letter_prefix"],
			Address: f["address"], Phone: f["phone"], Hours: f["hours"], Email: f["email"], Fax: f["fax"], Code: f["code"],
			IndexPattern: catalog.PatternFromForm(f["index_pattern"]), HandlerOnly: f["handler_only"] != "", ArchivePattern: f["archive_pattern"], ApplyNote: f["apply_note"]}
		return s.Ops.UpdateAgency(r.Context(), si.p(), a, seen)
	}
	f, merged, err := saveMerged(r, f, func() (map[string]string, string) { // changed by another since the form was opened
		ags, _ := s.managed(r, si)
		for _, a := range ags {
			if a.ID == id {
				return agencyValues(a), a.Fingerprint()
			}
		}
		return nil, ""
	}, save)
	if merged {
		http.Redirect(w, r, "/admin/agencies?ok=merged", http.StatusSeeOther)
		return
	}
	if k := errs.KindOf(err); k == errs.Invalid || k == errs.Conflict { // Conflict: saved by another since
		code, _ := statusOf(err)
		s.agenciesPage(w, r, si, code, id, f, formErrors(err, nil))
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, "/admin/agencies?ok=saved", http.StatusSeeOther)
}

func (s *Server) calendarPage(w http.ResponseWriter, r *http.Request, si *sessionInfo, code int, form, fieldErrs map[string]string, moved []ops.Moved) {
	if si.user.Role != casework.Admin {
		s.fail(w, r, si.user, si.csrf, ops.Forbidden("此功能仅供系统管理员使用"))
		return
	}
	cal, err := s.Ops.Calendar(r.Context())
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	d := adminData{Kind: "calendar", Moved: moved}
	for _, y := range cal.Years() {
		n, _ := cal.Notice(y)
		d.Notices = append(d.Notices, n)
	}
	s.render(w, code, "admin", page{Title: "节假日安排", User: si.user, CSRF: si.csrf, Form: form, Errors: fieldErrs, Data: d})
}

func (s *Server) calendar(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.calendarPage(w, r, si, http.StatusOK, nil, nil, nil)
}

// loadNotice takes a year's notice, stores it and recomputes the open
// deadlines in one transaction, listing the ones that moved.
func (s *Server) loadNotice(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	bad := func(err error) {
		// the CSV's year, 文号 and date as typed (the file is chosen again)
		s.calendarPage(w, r, si, http.StatusUnprocessableEntity, formValues(r, []string{"year", "notice", "published"}), map[string]string{"form": errs.Readable(err)}, nil)
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		bad(errs.New("file", "请选择通知文件"))
		return
	}
	defer file.Close()
	data, err := readAll(file, workday.MaxNoticeSize)
	if err != nil {
		bad(errs.New("file", "通知文件过大或无法读取（最大 %d KB）", workday.MaxNoticeSize>>10))
		return
	}
	year, _ := strconv.Atoi(r.PostFormValue("year"))
	var pub workday.Date
	if p := strings.TrimSpace(r.PostFormValue("published")); p != "" {
		if pub, err = workday.ParseTyped(p); err != nil {
			bad(err)
			return
		}
	}
	n, es, err := workday.ParseNotice(hdr.Filename, data, year, r.PostFormValue("notice"), pub)
	if err != nil {
		bad(err)
		return
	}
	moved, err := s.Ops.LoadCalendar(r.Context(), si.p(), n, es)
	if k := errs.KindOf(err); k == errs.Invalid || k == errs.Conflict {
		bad(err)
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	s.calendarPage(w, r, si, http.StatusOK, nil, nil, moved)
}

func (s *Server) settingsPage(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.showSettings(w, r, si, http.StatusOK, nil, nil)
}

// shownSettings is what the settings form shows: the stored settings, or
// the values typed (typedSettings) when saving them was refused.
type shownSettings interface {
	Get(key string) string
	Has(key, id string) bool
}

// typedSettings are the settings form's values as sent (multi-valued ones
// joined with commas, as Settings.Get gives them).
type typedSettings map[string]string

func (t typedSettings) Get(key string) string { return t[key] }
func (t typedSettings) Has(key, id string) bool {
	return slices.Contains(strings.Split(t[key], ","), id)
}

func (s *Server) showSettings(w http.ResponseWriter, r *http.Request, si *sessionInfo, code int, st shownSettings, fieldErrs map[string]string) {
	if si.user.Role != casework.Admin {
		s.fail(w, r, si.user, si.csrf, ops.Forbidden("此功能仅供系统管理员使用"))
		return
	}
	cur, err := s.Ops.Settings(r.Context())
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	if st == nil {
		st = cur
	}
	s.render(w, code, "admin", page{Title: "办理规则设置", User: si.user, CSRF: si.csrf, Errors: fieldErrs, Flash: flashOf(r),
		Data: adminData{Kind: "settings", Settings: st, Seen: cur.Fingerprint(), Opened: openedJSON(settingsValues(cur)), Fields: settings.Fields}})
}

// settingsValues are the settings as their form sends them untouched: a
// box not ticked "", the ticked options of a multi-valued setting in the
// form's order, joined with commas.
func settingsValues(st shownSettings) map[string]string {
	v := map[string]string{}
	for _, f := range settings.Fields {
		switch f.Kind {
		case settings.Bool:
			if st.Get(f.Key) == "true" {
				v[f.Key] = "true"
			}
		case settings.Multi:
			var on []string
			for _, o := range f.Options {
				if st.Has(f.Key, o.ID) {
					on = append(on, o.ID)
				}
			}
			v[f.Key] = strings.Join(on, ",")
		default:
			v[f.Key] = st.Get(f.Key)
		}
	}
	return v
}

// saveSettings changes the rules where the law is open; the audit log says what changed.
func (s *Server) saveSettings(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	values := map[string]string{}
	for _, f := range settings.Fields {
		switch f.Kind {
		case settings.Multi:
			values[f.Key] = strings.Join(r.PostForm[f.Key], ",")
		default:
			values[f.Key] = strings.TrimSpace(r.PostFormValue(f.Key))
		}
	}
	save := func(f map[string]string, seen string) error {
		_, err := s.Ops.SaveSettings(r.Context(), si.p(), f, seen)
		return err
	}
	values, merged, err := saveMerged(r, values, func() (map[string]string, string) { // changed by another since the form was opened
		if cur, err := s.Ops.Settings(r.Context()); err == nil {
			return settingsValues(cur), cur.Fingerprint()
		}
		return nil, ""
	}, save)
	if merged {
		http.Redirect(w, r, "/admin/settings?ok=merged", http.StatusSeeOther)
		return
	}
	if k := errs.KindOf(err); k == errs.Invalid || k == errs.Conflict { // Conflict: saved by another since
		code, _ := statusOf(err)
		s.showSettings(w, r, si, code, typedSettings(values), formErrors(err, nil))
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, "/admin/settings?ok=saved", http.StatusSeeOther)
}

// audit shows the log of the agencies a supervisor oversees, filtered by
// agency, action and dates, a page at a time, or sends it as XLSX or CSV.
func (s *Server) audit(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	qv := r.URL.Query()
	q := ops.AuditQuery{Action: audit.Action(qv.Get("action")), Text: qv.Get("q"), Limit: 100}
	q.Offset, _ = strconv.Atoi(qv.Get("offset"))
	q.Offset = max(q.Offset, 0)
	format := qv.Get("format")
	if format == "xlsx" || format == "csv" {
		q.Limit, q.Offset = maxAuditExport, 0
	}
	problems := map[string]string{}
	if v := qv.Get("agency"); v != "" {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			q.Agency = n
		} else {
			problems["agency"] = "机关不对"
		}
	}
	for name, dst := range map[string]*workday.Date{"from": &q.From, "to": &q.To} {
		if v := strings.TrimSpace(qv.Get(name)); v != "" {
			d, err := workday.ParseTyped(v)
			if err != nil {
				problems[name] = "日期“" + v + "”不对：应写成 2025-03-05 或 2025年3月5日"
				continue
			}
			*dst = d
		}
	}
	rows, total, err := s.Ops.Audit(r.Context(), si.p(), q)
	if len(problems) == 0 && err != nil {
		if f := errs.Fields(err); len(f) > 0 && errs.KindOf(err) == errs.Invalid {
			problems, err = f, nil
		}
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	if len(problems) == 0 && (format == "xlsx" || format == "csv") {
		s.sendLedger(w, r, si, auditLedger(rows, s.Ops.Clock.Format), format, "操作记录")
		return
	}
	d := adminData{Kind: "audit", Audit: rows, Total: total, Filter: map[string]string{}, Actions: auditActions()}
	for _, k := range []string{"agency", "action", "from", "to", "q"} {
		d.Filter[k] = strings.TrimSpace(qv.Get(k))
	}
	keep := url.Values{}
	for k, v := range d.Filter {
		if v != "" {
			keep.Set(k, v)
		}
	}
	d.Query = "/admin/audit?" + keep.Encode() // whole: a query put after "?" in a template is escaped as one value
	at := func(off int) string { keep.Set("offset", strconv.Itoa(off)); return "/admin/audit?" + keep.Encode() }
	if q.Offset > 0 {
		d.Prev = at(max(q.Offset-q.Limit, 0))
	}
	if q.Offset+q.Limit < total {
		d.Next = at(q.Offset + q.Limit)
	}
	if ids, err := s.Ops.Visible(r.Context(), si.p()); err == nil && len(ids) > 1 {
		d.Agencies, _ = s.Ops.Store.Agencies(r.Context(), ids)
	}
	code := http.StatusOK
	if len(problems) > 0 {
		code = http.StatusUnprocessableEntity
	}
	s.render(w, code, "admin", page{Title: "操作记录", User: si.user, CSRF: si.csrf, Errors: problems, Data: d})
}

// maxAuditExport bounds a download of the 操作记录: a longer one is narrowed
// by its dates.
const maxAuditExport = 50000

// auditActions are the actions the log's filter offers.
func auditActions() []option {
	out := []option{{"", "全部"}}
	out = append(out, optionsN(len(audit.Actions), func(i int) (string, string) { return string(audit.Actions[i].ID), audit.Actions[i].Name })...)
	return out
}

// auditLedger is the log as a table to download.
func auditLedger(rows []store.AuditRow, format func(time.Time) string) *office.Ledger {
	l := &office.Ledger{Title: "操作记录", Headers: []string{"时间", "机关", "人员", "操作", "对象", "内容"}}
	for _, r := range rows {
		l.Rows = append(l.Rows, []string{format(r.At), r.Agency, r.User, audit.Name(r.Action), r.Object, r.Detail})
	}
	return l
}
