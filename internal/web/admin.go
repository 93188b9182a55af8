package web

import (
	"net/http"
	"strconv"
	"strings"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/ops"
	"gongkai/internal/org"
	"gongkai/internal/settings"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

type userView struct {
	store.UserRow
	RoleName string
	Handles  int // open applications this user is 承办人 of: to reassign before disabling
}

type adminData struct {
	Kind     string
	Users    []userView
	Agencies []*org.Agency
	Roles    []option
	Notices  []workday.Notice
	Moved    []ops.Moved
	Settings settings.Settings
	Fields   []settings.Field
	Audit    []store.AuditRow
	Total    int
	Prev     string
	Next     string
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
	d := adminData{Kind: "users", Agencies: ags}
	for _, u := range rows {
		d.Users = append(d.Users, userView{u, org.RoleName(u.Role), handled[u.ID]})
	}
	for _, x := range org.Roles {
		d.Roles = append(d.Roles, option{string(x.ID), x.Name})
	}
	if form == nil {
		form = map[string]string{"role": "clerk"}
	}
	s.render(w, code, "admin", page{Title: "用户管理", User: si.user, CSRF: si.csrf, Form: form, Errors: fieldErrs, Flash: flashOf(r), Data: d})
}

func (s *Server) users(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.usersPage(w, r, si, http.StatusOK, nil, nil)
}

func (s *Server) createUser(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	f := formValues(r, []string{"agency", "login", "name", "role"})
	agencyID, _ := strconv.ParseInt(f["agency"], 10, 64)
	_, err := s.Ops.CreateUser(r.Context(), si.p(), ops.NewUser{AgencyID: agencyID, Login: f["login"], Name: f["name"],
		Role: casework.Role(f["role"]), Password: r.PostFormValue("password")})
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

// changeUser disables, enables or resets the password of a user.
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
	default:
		err = errs.New("form", "请选择操作")
	}
	if errs.KindOf(err) == errs.Invalid {
		s.usersPage(w, r, si, http.StatusUnprocessableEntity, nil, map[string]string{"form": errs.Message(err)})
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
	s.render(w, code, "admin", page{Title: "机关设置", User: si.user, CSRF: si.csrf, Form: form, Errors: fieldErrs, Flash: flashOf(r),
		Data: map[string]any{"Kind": "agencies", "Agencies": ags, "Editing": editing}})
}

func (s *Server) agencies(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.agenciesPage(w, r, si, http.StatusOK, 0, nil, nil)
}

var agencyFields = []string{"name", "review_organ", "upper_department", "letter_prefix", "address", "phone", "hours", "email", "fax", "code"}

func (s *Server) saveAgency(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	f := formValues(r, agencyFields)
	a := &org.Agency{ID: id, Name: f["name"], ReviewOrgan: f["review_organ"], UpperDepartment: f["upper_department"], LetterPrefix: f["letter_prefix"],
		Address: f["address"], Phone: f["phone"], Hours: f["hours"], Email: f["email"], Fax: f["fax"], Code: f["code"]}
	err := s.Ops.UpdateAgency(r.Context(), si.p(), a)
	if errs.KindOf(err) == errs.Invalid {
		s.agenciesPage(w, r, si, http.StatusUnprocessableEntity, id, f, formErrors(err, nil))
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, "/admin/agencies?ok=saved", http.StatusSeeOther)
}

func (s *Server) calendarPage(w http.ResponseWriter, r *http.Request, si *sessionInfo, code int, fieldErrs map[string]string, moved []ops.Moved) {
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
	s.render(w, code, "admin", page{Title: "节假日安排", User: si.user, CSRF: si.csrf, Errors: fieldErrs, Data: d})
}

func (s *Server) calendar(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.calendarPage(w, r, si, http.StatusOK, nil, nil)
}

// loadNotice takes a year's notice, stores it and recomputes the open
// deadlines in one transaction, listing the ones that moved.
func (s *Server) loadNotice(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	bad := func(err error) {
		s.calendarPage(w, r, si, http.StatusUnprocessableEntity, map[string]string{"form": errs.Message(err)}, nil)
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
	s.calendarPage(w, r, si, http.StatusOK, nil, moved)
}

func (s *Server) settingsPage(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.showSettings(w, r, si, http.StatusOK, nil, nil)
}

func (s *Server) showSettings(w http.ResponseWriter, r *http.Request, si *sessionInfo, code int, st *settings.Settings, fieldErrs map[string]string) {
	if si.user.Role != casework.Admin {
		s.fail(w, r, si.user, si.csrf, ops.Forbidden("此功能仅供系统管理员使用"))
		return
	}
	if st == nil {
		cur, err := s.Ops.Settings(r.Context())
		if err != nil {
			s.fail(w, r, si.user, si.csrf, err)
			return
		}
		st = &cur
	}
	s.render(w, code, "admin", page{Title: "办理规则设置", User: si.user, CSRF: si.csrf, Errors: fieldErrs, Flash: flashOf(r),
		Data: adminData{Kind: "settings", Settings: *st, Fields: settings.Fields}})
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
	_, err := s.Ops.SaveSettings(r.Context(), si.p(), values)
	if errs.KindOf(err) == errs.Invalid {
		cur, _ := s.Ops.Settings(r.Context())
		s.showSettings(w, r, si, http.StatusUnprocessableEntity, &cur, formErrors(err, nil))
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, "/admin/settings?ok=saved", http.StatusSeeOther)
}

// audit shows the log of the agencies a supervisor oversees, a page at a time.
func (s *Server) audit(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	offset = max(offset, 0)
	const per = 100
	rows, total, err := s.Ops.Audit(r.Context(), si.p(), per, offset)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	d := adminData{Kind: "audit", Audit: rows, Total: total}
	if offset > 0 {
		d.Prev = "/admin/audit?offset=" + strconv.Itoa(max(offset-per, 0))
	}
	if offset+per < total {
		d.Next = "/admin/audit?offset=" + strconv.Itoa(offset+per)
	}
	s.render(w, http.StatusOK, "admin", page{Title: "操作记录", User: si.user, CSRF: si.csrf, Data: d})
}
