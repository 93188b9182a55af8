package web

import (
	"net/http"
	"strings"

	"gongkai/internal/casework"
	"gongkai/internal/ops"
	"gongkai/internal/report"
)

// helpRow is a line of one of the help page's tables, all drawn from the
// lists the rest of the program uses, so that the page cannot say other
// than what the program does.
type helpRow struct {
	Name, Basis, Who, Letter, Row string
	Review                        bool // the reply says 复议前置 (a setting)
}

type helpData struct {
	*ops.HelpView
	Channels, Steps, Outcomes []helpRow
	Role                      casework.Role
	Supervises                bool // the reader oversees other agencies' reports
}

// helpPage is 使用帮助: the daily work, the clock and its settings in
// force, every step and every answer with its 表三 row.
func (s *Server) helpPage(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	v, err := s.Ops.Help(r.Context(), si.p())
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	d := &helpData{HelpView: v, Role: si.user.Role, Supervises: si.user.Role == casework.Supervisor || si.user.Role == casework.Admin}
	for _, c := range casework.Channels {
		d.Channels = append(d.Channels, helpRow{Name: c.Name, Basis: c.Basis})
	}
	letters := map[string]string{}
	for _, l := range casework.LetterKinds {
		letters[l.Kind] = l.Title
	}
	for _, k := range casework.StepKinds() {
		if k.Kind == casework.KindReceive {
			continue // registering is its own section
		}
		who := "办理人、负责人"
		if casework.HeadOnly(k.Kind) {
			who = "负责人"
		}
		d.Steps = append(d.Steps, helpRow{Name: k.Name, Basis: k.Basis, Who: who, Letter: letters[k.Letter]})
	}
	rows := map[string]string{}
	for _, row := range report.Format2021.T3Rows() {
		rows[row.Key] = strings.TrimSpace(row.Group + " " + row.Label)
	}
	// the answers no one chooses follow from a step
	from := map[casework.OutcomeID]casework.StepKind{"no_correction": casework.KindCorrectionLapsed, "no_fee_paid": casework.KindFeeLapsed,
		"withdrawn": casework.KindWithdraw}
	for _, o := range casework.Outcomes {
		who := "办理人、负责人"
		switch {
		case o.Withholds:
			who = "负责人"
		case !o.Decidable:
			who = "登记“" + casework.StepName(from[o.ID]) + "”"
		}
		d.Outcomes = append(d.Outcomes, helpRow{Name: o.Name, Basis: o.Basis, Row: rows[o.Row], Who: who, Review: v.Settings.Case.IsReviewFirst(o.ID)})
	}
	s.render(w, http.StatusOK, "help", page{Title: "使用帮助", User: si.user, CSRF: si.csrf, Data: d})
}
