package ops

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/office"
	"gongkai/internal/org"
	"gongkai/internal/store"
)

// StatsRow is one agency's 办理情况 of a year (or the total of all).
type StatsRow struct {
	Agency *org.Agency // nil for the total and for a 承办人's row
	// Name is the row's: the agency's, the 承办人's (未指派 for nobody), 合计
	Name string
	// HandlerID is the 承办人 of a row by 承办人 (0: nobody)
	HandlerID int64
	store.CaseStats
	// OnTimeRate is OnTime / (OnTime + Late) in per cent, -1 when nothing
	// with a deadline was answered
	OnTimeRate float64
	// MeanDays and MedianDays are the working days from receipt to the
	// answer of those answered in the year (-1: none)
	MeanDays, MedianDays float64
}

// Stats is the 办理情况统计 of a year: each agency the principal sees, and
// their total when there are several.
type Stats struct {
	Year  int
	Rows  []StatsRow
	Total *StatsRow
	// Unmeasured counts the answers left out of the days: their span runs
	// into a year whose holiday notice is not loaded
	Unmeasured int
	// ByHandler: the rows are an agency's 承办人 (HandlerStats), not agencies
	ByHandler bool
}

// Stats counts, for each agency the principal may see, the year's
// applications: received, answered on time or late, the working days an
// answer took, and those still open (overdue ones today). The figures an
// applicant feels, not a league table: agencies stay in their order.
func (s *Service) Stats(ctx context.Context, p Principal, year int) (*Stats, error) {
	if this := s.Clock.Today().Year(); year < 2019 || year > this {
		return nil, errs.New("year", "年度应为 2019 年至 %d 年", this)
	}
	ids, ags, err := s.visibleAgencies(ctx, p)
	if err != nil {
		return nil, err
	}
	cal, err := s.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	counts, err := s.Store.CaseStats(ctx, ids, year, s.Clock.Today(), cal)
	if err != nil {
		return nil, err
	}
	out := &Stats{Year: year}
	total := newTotal()
	for _, a := range ags {
		c := counts[a.ID]
		total.add(c)
		out.Unmeasured += c.Unmeasured
		row := StatsRow{Agency: a, Name: a.Name, CaseStats: *c}
		row.measure()
		out.Rows = append(out.Rows, row)
	}
	if len(out.Rows) > 1 {
		total.measure()
		out.Total = total
	}
	return out, nil
}

func newTotal() *StatsRow {
	return &StatsRow{Name: "合计", CaseStats: *store.NewCaseStats()}
}

// HandlerStats is the 办理情况统计 of the principal's agency by 承办人, for
// the head of its office (负责人): each of its staff who handle
// applications (a disabled account with applications of the year too),
// then those nobody was named for, and the total. Names in the staff list's
// order: a share of the work, not a ranking. Appeals are not counted (they
// are the agency's, not a person's).
func (s *Service) HandlerStats(ctx context.Context, p Principal, year int) (*Stats, error) {
	if this := s.Clock.Today().Year(); year < 2019 || year > this {
		return nil, errs.New("year", "年度应为 2019 年至 %d 年", this)
	}
	if !actsFor(p, p.AgencyID) || p.Role != casework.Approver {
		return nil, Forbidden("按承办人的统计供本机关负责人查看")
	}
	cal, err := s.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	counts, err := s.Store.HandlerStats(ctx, p.AgencyID, year, s.Clock.Today(), cal)
	if err != nil {
		return nil, err
	}
	staff, err := s.Store.ListUsers(ctx, []int64{p.AgencyID})
	if err != nil {
		return nil, err
	}
	out, total := &Stats{Year: year, ByHandler: true}, newTotal()
	add := func(id int64, name string) {
		c := counts[id]
		if c == nil {
			c = store.NewCaseStats()
		}
		total.add(c)
		out.Unmeasured += c.Unmeasured
		row := StatsRow{Name: name, HandlerID: id, CaseStats: *c}
		row.measure()
		out.Rows = append(out.Rows, row)
	}
	for _, u := range staff {
		if handles(u.Role) && !u.Disabled || counts[u.ID] != nil {
			name := u.Name
			if u.Disabled {
				name += "（账号已停用）"
			}
			add(u.ID, name)
		}
	}
	if counts[0] != nil {
		add(0, "未指派")
	}
	total.measure()
	out.Total = total
	return out, nil
}

// add sums an agency's counts into the total.
func (r *StatsRow) add(c *store.CaseStats) {
	r.Received += c.Received
	r.Closed += c.Closed
	r.OnTime += c.OnTime
	r.Late += c.Late
	r.Open += c.Open
	r.Overdue += c.Overdue
	r.Unmeasured += c.Unmeasured
	r.Reviews += c.Reviews
	r.Suits += c.Suits
	r.Corrected += c.Corrected
	for d, n := range c.Days {
		r.Days[d] += n
	}
	for g, n := range c.Results {
		r.Results[g] += n
	}
	for m, n := range c.Marked {
		r.Marked[m] += n
	}
}

// measure computes the rate and the mean and median days from the counts.
func (r *StatsRow) measure() {
	r.OnTimeRate, r.MeanDays, r.MedianDays = -1, -1, -1
	if n := r.OnTime + r.Late; n > 0 {
		r.OnTimeRate = float64(r.OnTime) * 100 / float64(n)
	}
	days := slices.Sorted(maps.Keys(r.Days))
	sum, n := 0, 0
	for _, d := range days {
		sum += d * r.Days[d]
		n += r.Days[d]
	}
	if n == 0 {
		return
	}
	r.MeanDays = float64(sum) / float64(n)
	// the middle value of the n, or the mean of the two middle ones
	at := func(k int) int {
		for _, d := range days {
			if k < r.Days[d] {
				return d
			}
			k -= r.Days[d]
		}
		return days[len(days)-1]
	}
	r.MedianDays = float64(at((n-1)/2)+at(n/2)) / 2
}

// TimingColumns is the number of columns of the ledger's first table, the
// 办理时效 (the agency's name included); the 办理结果 follow.
const TimingColumns = 10

// Ledger is the statistics as one table, for the page and the downloads
// alike: a row per agency, then the total. Its first TimingColumns columns
// are the 办理时效, the rest (after the agency's name) the 办理结果: the
// answers of the year by 表三 result, by the steps they took, and the
// 复议 and 诉讼 of the year.
func (st *Stats) Ledger() *office.Ledger {
	l := &office.Ledger{Title: fmt.Sprintf("%d年度依申请公开办理情况统计", st.Year),
		Headers: []string{"机关", "本年收到", "本年答复", "按期答复", "逾期答复", "按期率（%）", "平均用时（工作日）", "用时中位数（工作日）", "本年收到尚未办结", "其中已逾期"}}
	for _, g := range casework.OutcomeGroups {
		l.Headers = append(l.Headers, "答复结果："+g.Name)
	}
	for _, m := range casework.MarkKinds {
		l.Headers = append(l.Headers, "办理中"+m.Name)
	}
	if st.ByHandler {
		l.Title = fmt.Sprintf("%d年度依申请公开办理情况统计（按承办人）", st.Year)
		l.Headers[0] = "承办人"
	} else {
		l.Headers = append(l.Headers, "被申请行政复议", "被提起行政诉讼", "复议诉讼被纠正")
	}
	l.Numeric = make([]bool, len(l.Headers))
	for i := 1; i < len(l.Numeric); i++ {
		l.Numeric[i] = true
	}
	num := func(v float64) string {
		if v < 0 {
			return ""
		}
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	add := func(name string, r *StatsRow) {
		row := []string{name, strconv.Itoa(r.Received), strconv.Itoa(r.Closed), strconv.Itoa(r.OnTime), strconv.Itoa(r.Late),
			num(r.OnTimeRate), num(r.MeanDays), num(r.MedianDays), strconv.Itoa(r.Open), strconv.Itoa(r.Overdue)}
		for _, g := range casework.OutcomeGroups {
			row = append(row, strconv.Itoa(r.Results[g.Key]))
		}
		for _, m := range casework.MarkKinds {
			row = append(row, strconv.Itoa(r.Marked[m.Mark]))
		}
		if !st.ByHandler {
			row = append(row, strconv.Itoa(r.Reviews), strconv.Itoa(r.Suits), strconv.Itoa(r.Corrected))
		}
		l.Rows = append(l.Rows, row)
	}
	for i := range st.Rows {
		add(st.Rows[i].Name, &st.Rows[i])
	}
	if st.Total != nil {
		add(st.Total.Name, st.Total)
	}
	return l
}
