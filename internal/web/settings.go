package web

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/org"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// forbidden answers a page the role may not use.
func forbidden(w http.ResponseWriter) {
	http.Error(w, "您的角色不能使用此功能", http.StatusForbidden)
}

func (s *Server) visibleAgencies(r *http.Request, si *sessionInfo) ([]*store.Agency, error) {
	ids, err := s.Store.VisibleAgencies(r.Context(), si.user)
	if err != nil {
		return nil, err
	}
	var out []*store.Agency
	for _, id := range ids {
		a, err := s.Store.GetAgency(r.Context(), id)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

type userView struct {
	store.UserRow
	RoleName string
}

// adminAgencies is the start of every administrator page: it refuses anyone
// else and returns the agencies the administrator manages.
func (s *Server) adminAgencies(w http.ResponseWriter, r *http.Request, si *sessionInfo) ([]*store.Agency, bool) {
	if si.user.Role != casework.Admin {
		forbidden(w)
		return nil, false
	}
	ags, err := s.visibleAgencies(r, si)
	if err != nil {
		s.serverError(w, r, err)
		return nil, false
	}
	return ags, true
}

func (s *Server) usersPage(w http.ResponseWriter, r *http.Request, si *sessionInfo, code int, form, fieldErrs map[string]string) {
	ags, ok := s.adminAgencies(w, r, si)
	if !ok {
		return
	}
	var ids []int64
	for _, a := range ags {
		ids = append(ids, a.ID)
	}
	rows, err := s.Store.ListUsers(r.Context(), ids)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var users []userView
	for _, u := range rows {
		users = append(users, userView{u, org.RoleName(u.Role)})
	}
	var roles []option
	for _, x := range org.Roles {
		roles = append(roles, option{string(x.ID), x.Name})
	}
	if form == nil {
		form = map[string]string{"role": "clerk"}
	}
	s.render(w, code, "admin", page{Title: "用户管理", User: si.user, CSRF: si.csrf, Form: form, Errors: fieldErrs,
		Data: map[string]any{"Kind": "users", "Users": users, "Agencies": ags, "Roles": roles}})
}

func (s *Server) users(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.usersPage(w, r, si, http.StatusOK, nil, nil)
}

func (s *Server) createUser(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	if si.user.Role != casework.Admin {
		forbidden(w)
		return
	}
	f := formValues(r, []string{"agency", "login", "name", "role"})
	agencyID, _ := strconv.ParseInt(f["agency"], 10, 64)
	ids, err := s.Store.VisibleAgencies(r.Context(), si.user)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	fail := func(field, msg string) {
		s.usersPage(w, r, si, http.StatusUnprocessableEntity, f, map[string]string{field: msg})
	}
	allowed := false
	for _, id := range ids {
		allowed = allowed || id == agencyID
	}
	role := casework.Role(f["role"])
	switch {
	case !allowed:
		fail("form", "只能为本机关及下级机关新增用户")
		return
	case f["login"] == "" || strings.ContainsAny(f["login"], " \t"):
		fail("login", "请填写用户名（不含空格）")
		return
	case org.RoleName(role) == string(role):
		fail("form", "角色不对")
		return
	}
	hash, err := org.HashPassword(r.PostFormValue("password"))
	if err != nil {
		fail("password", errs.Message(err))
		return
	}
	u := &org.User{AgencyID: agencyID, Login: f["login"], Name: f["name"], Role: role}
	if err := s.Store.CreateUser(r.Context(), u, hash); err != nil {
		if errors.Is(err, store.ErrConflict) {
			fail("login", "用户名“"+f["login"]+"”已被使用")
			return
		}
		s.serverError(w, r, err)
		return
	}
	s.Store.Audit(r.Context(), store.AuditEntry{UserID: si.user.ID, AgencyID: agencyID, Action: "user.create", Object: u.Login, Detail: string(role)})
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
}

func (s *Server) agencies(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	ags, ok := s.adminAgencies(w, r, si)
	if !ok {
		return
	}
	s.render(w, http.StatusOK, "admin", page{Title: "机关设置", User: si.user, CSRF: si.csrf, Data: map[string]any{"Kind": "agencies", "Agencies": ags}})
}

func (s *Server) saveAgency(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	if si.user.Role != casework.Admin {
		forbidden(w)
		return
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	ids, err := s.Store.VisibleAgencies(r.Context(), si.user)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	found := false
	for _, x := range ids {
		found = found || x == id
	}
	if !found {
		http.Error(w, "没有这个机关，或您无权修改", http.StatusNotFound)
		return
	}
	a, err := s.Store.GetAgency(r.Context(), id)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f := formValues(r, []string{"name", "review_organ", "letter_prefix", "address", "phone", "hours", "email", "fax"})
	if f["name"] != "" {
		a.Name = f["name"]
	}
	a.ReviewOrgan, a.LetterPrefix, a.Address, a.Phone, a.Hours, a.Email, a.Fax = f["review_organ"], f["letter_prefix"], f["address"], f["phone"], f["hours"], f["email"], f["fax"]
	if err := s.Store.UpdateAgency(r.Context(), a); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.Store.Audit(r.Context(), store.AuditEntry{UserID: si.user.ID, AgencyID: a.ID, Action: "agency.update", Object: a.Name})
	http.Redirect(w, r, "/admin/agencies", http.StatusSeeOther)
}

func (s *Server) calendarPage(w http.ResponseWriter, r *http.Request, si *sessionInfo, code int, fieldErrs map[string]string, moved []store.CaseRow) {
	if si.user.Role != casework.Admin {
		forbidden(w)
		return
	}
	cal := s.Calendar()
	var ns []workday.Notice
	for _, y := range cal.Years() {
		n, _ := cal.Notice(y)
		ns = append(ns, n)
	}
	s.render(w, code, "admin", page{Title: "节假日安排", User: si.user, CSRF: si.csrf, Errors: fieldErrs,
		Data: map[string]any{"Kind": "calendar", "Notices": ns, "Moved": moved}})
}

func (s *Server) calendar(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.calendarPage(w, r, si, http.StatusOK, nil, nil)
}

// loadNotice takes a year's notice, stores it, swaps the calendar in use and
// recomputes the open deadlines, listing the ones that moved.
func (s *Server) loadNotice(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	if si.user.Role != casework.Admin {
		forbidden(w)
		return
	}
	bad := func(msg string) {
		s.calendarPage(w, r, si, http.StatusUnprocessableEntity, map[string]string{"form": msg}, nil)
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		bad("请选择通知文件")
		return
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, 1<<20))
	if err != nil {
		bad("无法读取上传的文件")
		return
	}
	year, _ := strconv.Atoi(r.PostFormValue("year"))
	var pub workday.Date
	if p := r.PostFormValue("published"); p != "" {
		if pub, err = workday.ParseDate(p); err != nil {
			bad(errs.Message(err))
			return
		}
	}
	n, es, err := workday.ParseNotice(hdr.Filename, data, year, r.PostFormValue("notice"), pub)
	if err != nil {
		bad(errs.Message(err))
		return
	}
	next, err := s.Calendar().WithNotice(n, es)
	if err != nil {
		bad(errs.Message(err))
		return
	}
	if err := s.Store.SaveNotice(r.Context(), n, es, si.user.Name); err != nil {
		s.serverError(w, r, err)
		return
	}
	moved, err := s.Store.RecomputeDeadlines(r.Context(), next, s.Config)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if s.SetCalendar != nil {
		s.SetCalendar(next)
	}
	s.Store.Audit(r.Context(), store.AuditEntry{UserID: si.user.ID, AgencyID: si.user.AgencyID, Action: "calendar.load", Object: strconv.Itoa(n.Year), Detail: n.Number})
	s.calendarPage(w, r, si, http.StatusOK, nil, moved)
}

// audit shows the log of the agencies a supervisor oversees.
func (s *Server) audit(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	if !si.user.SeesBelow() {
		forbidden(w)
		return
	}
	ids, err := s.Store.VisibleAgencies(r.Context(), si.user)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	rows, err := s.Store.ListAudit(r.Context(), ids, 200)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, http.StatusOK, "admin", page{Title: "操作记录", User: si.user, CSRF: si.csrf, Data: map[string]any{"Kind": "audit", "Audit": rows}})
}
