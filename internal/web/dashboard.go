package web

import "net/http"

// dashboard: today's new applications, what is overdue or due soon, what
// waits for the applicant or a third party; for a supervisor each agency first.
func (s *Server) dashboard(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	d, err := s.Ops.Dashboard(r.Context(), si.p())
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	s.render(w, http.StatusOK, "dashboard", page{Title: "工作台", User: si.user, CSRF: si.csrf, Data: d})
}
