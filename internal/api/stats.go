package api

import (
	"net/http"
	"strconv"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/ops"
)

// StatsRow is one agency's 办理情况 of a year as the API gives it; the rates
// and days are null when nothing could be measured.
type StatsRow struct {
	AgencyID   int64    `json:"agency_id,omitempty"`
	Agency     string   `json:"agency"`
	Received   int      `json:"received"`
	Closed     int      `json:"closed"`
	OnTime     int      `json:"on_time"`
	Late       int      `json:"late"`
	OnTimeRate *float64 `json:"on_time_rate"`
	MeanDays   *float64 `json:"mean_days"`
	MedianDays *float64 `json:"median_days"`
	Open       int      `json:"open"`
	Overdue    int      `json:"overdue"`
	// Results counts the year's answers by 表三 result group, Steps by the
	// steps they took (keys as casework.OutcomeGroups and MarkKinds)
	Results   map[string]int `json:"results"`
	Steps     map[string]int `json:"steps"`
	Reviews   int            `json:"reviews"`
	Suits     int            `json:"suits"`
	Corrected int            `json:"corrected"`
}

// StatsResult is the 办理情况统计 of a year.
type StatsResult struct {
	Year  int        `json:"year"`
	Items []StatsRow `json:"items"`
	Total *StatsRow  `json:"total"`
}

func statsRow(r ops.StatsRow) StatsRow {
	opt := func(v float64) *float64 {
		if v < 0 {
			return nil
		}
		return &v
	}
	out := StatsRow{Agency: "合计", Received: r.Received, Closed: r.Closed, OnTime: r.OnTime, Late: r.Late,
		OnTimeRate: opt(r.OnTimeRate), MeanDays: opt(r.MeanDays), MedianDays: opt(r.MedianDays), Open: r.Open, Overdue: r.Overdue,
		Results: map[string]int{}, Steps: map[string]int{}, Reviews: r.Reviews, Suits: r.Suits, Corrected: r.Corrected}
	for _, g := range casework.OutcomeGroups {
		out.Results[g.Key] = r.Results[g.Key]
	}
	for _, m := range casework.MarkKinds {
		out.Steps[m.Key] = r.Marked[m.Mark]
	}
	if r.Agency != nil {
		out.AgencyID, out.Agency = r.Agency.ID, r.Agency.Name
	}
	return out
}

// stats answers GET /api/v1/stats?year=: the key's agency (and those it
// supervises), as the 办理情况统计 page counts them.
func (s *Server) stats(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	year := s.Ops.Clock.Today().Year()
	if v := r.URL.Query().Get("year"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			s.fail(w, r, errs.New("year", "year 应为年份，如 2025"))
			return
		}
		year = n
	}
	st, err := s.Ops.Stats(r.Context(), p, year)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := StatsResult{Year: st.Year, Items: []StatsRow{}}
	for _, row := range st.Rows {
		out.Items = append(out.Items, statsRow(row))
	}
	if st.Total != nil {
		t := statsRow(*st.Total)
		out.Total = &t
	}
	writeJSON(w, http.StatusOK, out)
}

func statsSchemas() obj {
	count := func(desc string) obj { return obj{"type": "integer", "description": desc} }
	num := func(desc string) obj { return obj{"type": "number", "nullable": true, "description": desc} }
	results, steps := obj{}, obj{}
	for _, g := range casework.OutcomeGroups {
		results[g.Key] = count(g.Name)
	}
	for _, m := range casework.MarkKinds {
		steps[m.Key] = count(m.Name)
	}
	return obj{
		"StatsResult": obj{"type": "object", "properties": obj{"year": count("年度"),
			"items": obj{"type": "array", "items": ref("StatsRow")}, "total": obj{"allOf": []obj{ref("StatsRow")}, "nullable": true, "description": "多个机关时的合计"}}},
		"StatsRow": obj{"type": "object", "properties": obj{
			"agency_id": count("机关编号（合计行没有）"), "agency": str("机关名称，或“合计”"),
			"received": count("本年收到"), "closed": count("本年答复"), "on_time": count("其中按期答复（按每件申请自己的答复期限）"), "late": count("其中逾期答复"),
			"on_time_rate": num("按期率（%），没有可计算的答复时为 null"), "mean_days": num("平均用时：自收到申请至答复的工作日数"),
			"median_days": num("用时中位数（工作日）"), "open": count("本年收到、尚未办结"), "overdue": count("其中已超过答复期限（截至今天）"),
			"results": obj{"type": "object", "properties": results, "description": "本年答复按办理结果（年度报告表三的六类）计数"},
			"steps":   obj{"type": "object", "properties": steps, "description": "本年答复中办理过这些环节的件数（撤销的环节不计）"},
			"reviews": count("本年被申请行政复议"), "suits": count("本年被提起行政诉讼（直接起诉和复议后起诉）"),
			"corrected": count("本年审结、结果为纠正的复议和诉讼")}},
	}
}
