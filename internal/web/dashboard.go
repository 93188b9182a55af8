package web

import (
	"net/http"

	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/ops"
)

type dashboardData struct {
	*ops.Dashboard
	Overdue, Soon []ops.ItemRowView // catalog items due under Art. 26
	StaleAccounts []ops.AccountView
	// FailingSites are the agencies whose website columns reach a veto item
	FailingSites []ops.Site
	// Expiring are the agency's normative documents whose 有效期 ends soon
	Expiring []catalog.Document
	// AskEmail: the server sends reminders and this person, who would get
	// them, has not given an address
	AskEmail bool
	SignIn   *ops.SignIn
}

// dashboard: today's new applications, what is overdue or due soon, what
// waits for the applicant or a third party; for a supervisor each agency
// first; then the catalog items Art. 26 makes due and the new media
// accounts past their update limit, and the websites whose columns
// reach a veto item of the census.
func (s *Server) dashboard(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	d, err := s.Ops.Dashboard(r.Context(), si.p())
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	dd := &dashboardData{Dashboard: d}
	dd.Overdue, dd.Soon, err = s.Ops.Due(r.Context(), si.p())
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	nm, err := s.Ops.Accounts(r.Context(), si.p())
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	for _, a := range nm.Accounts {
		if a.Fresh.Stale || a.Fresh.Soon {
			dd.StaleAccounts = append(dd.StaleAccounts, a)
		}
	}
	sites, err := s.Ops.SitesBelow(r.Context(), si.p())
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	for _, x := range sites {
		if len(x.Vetoes) > 0 {
			dd.FailingSites = append(dd.FailingSites, x)
		}
	}
	if dd.Expiring, err = s.Ops.ExpiringDocuments(r.Context(), si.p()); err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	if s.Mailer != nil && si.user.Role != casework.Admin {
		u, err := s.Ops.Store.User(r.Context(), si.user.ID)
		if err != nil {
			s.fail(w, r, si.user, si.csrf, err)
			return
		}
		dd.AskEmail = u.Email == ""
	}
	if dd.SignIn, err = s.Ops.LastSignIn(r.Context(), si.p()); err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	s.render(w, http.StatusOK, "dashboard", page{Title: "工作台", User: si.user, CSRF: si.csrf, Data: dd})
}
