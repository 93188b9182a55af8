package web

import (
	"fmt"
	"net/http"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/ops"
)

// statsPage shows the 办理情况统计 of a year (this year by default), or sends
// it as XLSX or CSV.
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
	if f := r.URL.Query().Get("format"); f == "xlsx" || f == "csv" {
		s.sendLedger(w, r, si, l, f, l.Title)
		return
	}
	// an agency's counts link to its applications in the list: those
	// received in the year, answered late, still open, overdue, and those
	// answered in the year by result and by step
	type statsCell struct {
		Text, Href string
		Label      string // the column's name, for the phone's cards
		Bad        bool   // a count that needs attention (late, overdue)
	}
	type statsLine struct {
		Timing, Results []statsCell
		Total           bool
	}
	// the 办理结果 table's header has two rows: its cells carry their names
	// (the ledger's, which say what each counts on their own)
	labels := l.Headers
	var rows []statsLine
	for i, cells := range l.Rows {
		line := statsLine{Total: i >= len(st.Rows)}
		links := map[int]string{}
		bad := map[int]bool{4: true, 9: true}
		if !line.Total {
			id := st.Rows[i].Agency.ID
			list := fmt.Sprintf("/admin/cases?agency=%d&received_from=%d-01-01&received_to=%d-12-31", id, year, year)
			answered := fmt.Sprintf("/admin/cases?agency=%d&closed_from=%d-01-01&closed_to=%d-12-31", id, year, year)
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
			cell := statsCell{Text: c, Bad: bad[j] && c != "0", Label: labels[j]}
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
		rows = append(rows, line)
	}
	s.render(w, http.StatusOK, "stats", page{Title: "办理情况统计", User: si.user, CSRF: si.csrf, Data: map[string]any{
		"Stats": st, "Timing": l.Headers[:ops.TimingColumns], "Results": resultOptions(), "Steps": stepOptions(), "Appeals": appealHeads, "Rows": rows}})
}

// appealHeads name the 办理结果's last three columns (ops.Stats.Ledger).
var appealHeads = []string{"被申请复议", "被起诉", "被纠正"}
