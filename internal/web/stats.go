package web

import (
	"fmt"
	"net/http"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/office"
	"gongkai/internal/ops"
)

// statsPage shows the 办理情况统计 of a year (this year by default), or sends
// it as XLSX or CSV; by=handler is the head of an office's table by 承办人.
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
	format, handlerFile := r.URL.Query().Get("format"), r.URL.Query().Get("by") == "handler"
	download := format == "xlsx" || format == "csv"
	// the head of an office also sees its work by 承办人 (ops says who may)
	var byHandler *ops.Stats
	if !download && si.user.Role == casework.Approver || download && handlerFile {
		if byHandler, err = s.Ops.HandlerStats(r.Context(), si.p(), year); err != nil {
			s.fail(w, r, si.user, si.csrf, err)
			return
		}
	}
	if download {
		if handlerFile {
			l = byHandler.Ledger()
		}
		s.sendLedger(w, r, si, l, format, l.Title)
		return
	}
	rows := statsLines(st, l, year, func(r ops.StatsRow) string { return fmt.Sprintf("agency=%d", r.Agency.ID) })
	var handlerRows []statsLine
	if byHandler != nil {
		handlerRows = statsLines(byHandler, byHandler.Ledger(), year, func(r ops.StatsRow) string {
			if r.HandlerID == 0 {
				return "handler=none"
			}
			return fmt.Sprintf("handler=%d", r.HandlerID)
		})
	}
	s.render(w, http.StatusOK, "stats", page{Title: "办理情况统计", User: si.user, CSRF: si.csrf, Data: map[string]any{
		"Stats": st, "Timing": l.Headers[:ops.TimingColumns], "Results": resultOptions(), "Steps": stepOptions(), "Appeals": appealHeads, "Rows": rows,
		"ByHandler": byHandler, "HandlerRows": handlerRows}})
}

// appealHeads name the 办理结果's last three columns (ops.Stats.Ledger).
var appealHeads = []string{"被申请复议", "被起诉", "被纠正"}

// statsCell is a count of the statistics, linking to the applications it counts.
type statsCell struct {
	Text, Href string
	Label      string // the column's name, for the phone's cards
	Bad        bool   // a count that needs attention (late, overdue)
}

// statsLine is a row of the statistics, cut into its two tables.
type statsLine struct {
	Timing, Results []statsCell
	Total           bool
}

// statsLines are the ledger's rows for the page: a row's counts link to its
// applications in the list (filter names the row's: its agency or 承办人) —
// those received in the year, answered, answered late, still open, overdue,
// and those answered in the year by result and by step.
func statsLines(st *ops.Stats, l *office.Ledger, year int, filter func(ops.StatsRow) string) []statsLine {
	var out []statsLine
	for i, cells := range l.Rows {
		line := statsLine{Total: i >= len(st.Rows)}
		links := map[int]string{}
		bad := map[int]bool{4: true, 9: true}
		if !line.Total {
			f := filter(st.Rows[i])
			list := fmt.Sprintf("/admin/cases?%s&received_from=%d-01-01&received_to=%d-12-31", f, year, year)
			answered := fmt.Sprintf("/admin/cases?%s&closed_from=%d-01-01&closed_to=%d-12-31", f, year, year)
			links[1], links[2], links[4], links[8], links[9] = list, answered, answered+"&late=1", list+"&open=1", list+"&overdue=1"
			col := ops.TimingColumns
			for _, g := range casework.OutcomeGroups {
				links[col] = answered + "&result=" + g.Key
				col++
			}
			for _, m := range casework.MarkKinds {
				links[col] = answered + "&step=" + m.Key
				col++
			}
		}
		for j, c := range cells {
			// the 办理结果 table's header has two rows: its cells carry
			// their names (the ledger's, which say what each counts alone)
			cell := statsCell{Text: c, Bad: bad[j] && c != "0", Label: l.Headers[j]}
			if c != "0" && c != "" {
				cell.Href = links[j]
			}
			if j < ops.TimingColumns {
				line.Timing = append(line.Timing, cell)
			}
			if j == 0 || j >= ops.TimingColumns {
				line.Results = append(line.Results, cell)
			}
		}
		out = append(out, line)
	}
	return out
}
