package ops

import (
	"context"
	"errors"
	"net/url"
	"sort"
	"time"

	"gongkai/internal/casework"
	"gongkai/internal/org"
	"gongkai/internal/workday"
)

// DashRow is one case on the dashboard, with how far its deadline is.
type DashRow struct {
	casework.Row
	DaysLeft  int  // working days to the reply deadline (negative: late)
	HasDue    bool // the reply deadline is known and running
	ExtraLate bool // the 补正 or payment period has passed
	// CorrectionSent is when the applicant sent a 补正 online, waiting for
	// the agency to confirm it (zero: none)
	CorrectionSent time.Time
}

// DashGroup is one list of the dashboard.
type DashGroup struct {
	Key   string
	Title string
	Total int
	Rows  []DashRow
	More  string // the case list with the same filter, when Rows holds only the first ones
}

// AgencySummary is one agency on a supervisor's dashboard.
type AgencySummary struct {
	Agency                           *org.Agency
	Open, Overdue, DueSoon, NewToday int
}

// DayLoad is one day of the week's strip: how many open cases are due.
type DayLoad struct {
	Day     workday.Date
	Due     int
	Workday bool
	IsToday bool
	Weekday string
}

// Dashboard is the 工作台 of a person.
type Dashboard struct {
	Today    workday.Date
	Many     bool // a supervisor's view over several agencies
	Agencies []AgencySummary
	Week     []DayLoad
	Groups   []DashGroup
	// NoticeMissing is the year whose holiday notice is not loaded although
	// a deadline counted from today runs into it: a reply and its extension
	// (40 working days) say so weeks ahead; NoticeNow says even the reply
	// period of an application received today cannot be counted. CanLoad: the
	// person may load it (an administrator).
	NoticeMissing int
	NoticeNow     bool
	CanLoad       bool
	// Handles: the viewer handles applications (a 办理人 or 负责人): the
	// open ones they are 承办人 of, how many of those are overdue, and the
	// agency's open ones nobody handles yet.
	Handles                      bool
	Mine, MineOverdue, NoHandler int
	// Workload is, for the head of the office (负责人), each 承办人's open,
	// overdue and due-soon applications, and those of nobody.
	Workload []HandlerLoad
}

// HandlerLoad is one 承办人's share of the agency's open applications
// (ID 0: not assigned).
type HandlerLoad struct {
	ID                     int64
	Name                   string
	Disabled               bool
	Open, Overdue, DueSoon int
}

// dashRows is how many cases each group of the dashboard lists.
const dashRows = 20

// Dashboard builds the 工作台: today's new applications, what is overdue or
// due soon, what waits for the applicant or a third party; for a supervisor
// a summary per agency first.
func (s *Service) Dashboard(ctx context.Context, p Principal) (*Dashboard, error) {
	ids, err := s.Visible(ctx, p)
	if err != nil {
		return nil, err
	}
	cal, st, err := s.rules(ctx)
	if err != nil {
		return nil, err
	}
	today := s.Clock.Today()
	d := &Dashboard{Today: today, Many: len(ids) > 1, CanLoad: p.Role == casework.Admin}
	// a reply and its extension (条例 Art. 33) must be countable from today
	if _, err := cal.Add(today, st.Case.ReplyDays+st.Case.ExtensionDays); errors.Is(err, workday.ErrNoNotice) {
		d.NoticeMissing = missingYear(cal, today)
		_, err := cal.Add(today, st.Case.ReplyDays)
		d.NoticeNow = errors.Is(err, workday.ErrNoNotice)
	}
	soon, _ := cal.Add(today, 3)
	midnight := s.Clock.Midnight(today)
	groups := []struct {
		key, title string
		f          casework.Filter
		link       url.Values
	}{
		{"new", "今日新收", casework.Filter{CreatedFrom: midnight}, url.Values{"received_from": {today.String()}}},
		{"overdue", "已超期", casework.Filter{OverdueOn: &today}, url.Values{"overdue": {"1"}}},
		{"soon", "三个工作日内到期", casework.Filter{DueFrom: &today, DueBy: &soon}, url.Values{"due_by": {soon.String()}}},
		{"asked", "申请人在线提交了补正或撤回申请，待确认", casework.Filter{Asked: true}, url.Values{"asked": {"1"}}},
		{"proposed", "办理人提请的事项，待负责人审批", casework.Filter{Proposed: true}, url.Values{"proposed": {"1"}}},
		{"returned", "负责人退回的提请，待修改后重新提请或另行处理", casework.Filter{Returned: true}, url.Values{"returned": {"1"}}},
		{"correction", "待申请人补正", casework.Filter{State: casework.AwaitingCorrection}, url.Values{"state": {string(casework.AwaitingCorrection)}}},
		{"payment", "待申请人缴费", casework.Filter{State: casework.AwaitingPayment}, url.Values{"state": {string(casework.AwaitingPayment)}}},
		{"consulting", "征求意见中", casework.Filter{State: casework.Consulting}, url.Values{"state": {string(casework.Consulting)}}},
	}
	for _, g := range groups {
		f := g.f
		f.AgencyIDs, f.Limit = ids, dashRows
		rows, total, err := s.Store.ListCases(ctx, f)
		if err != nil {
			return nil, err
		}
		dg := DashGroup{Key: g.key, Title: g.title, Total: total}
		if total > len(rows) {
			dg.More = "/admin/cases?" + g.link.Encode()
		}
		for _, r := range rows {
			dr := DashRow{Row: r, ExtraLate: r.ExtraOn != nil && today > *r.ExtraOn}
			if d := r.DueShown(); d != nil && r.State.Open() {
				if n, err := cal.Between(today, *d); err == nil {
					dr.DaysLeft, dr.HasDue = n, true
				}
			}
			dg.Rows = append(dg.Rows, dr)
		}
		if g.key == "correction" {
			if err := s.markCorrections(ctx, dg.Rows); err != nil {
				return nil, err
			}
		}
		d.Groups = append(d.Groups, dg)
	}
	if d.Handles = p.UserID != 0 && handles(p.Role); d.Handles {
		if err := s.mine(ctx, p, d, today, soon); err != nil {
			return nil, err
		}
	}
	if d.Week, err = s.week(ctx, ids, today, cal); err != nil {
		return nil, err
	}
	if d.Many {
		if d.Agencies, err = s.summaries(ctx, ids, today, soon); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// mine counts the agency's open applications per 承办人 (one grouped query
// each: open, overdue, due soon): the viewer's own, those of nobody, and
// for the head of the office (负责人) everyone's (workload).
func (s *Service) mine(ctx context.Context, p Principal, d *Dashboard, today, soon workday.Date) error {
	count := func(f casework.Filter) (map[int64]int, error) {
		f.AgencyIDs, f.Open = []int64{p.AgencyID}, true
		return s.Store.CountCasesByHandler(ctx, f)
	}
	open, err := count(casework.Filter{})
	if err != nil {
		return err
	}
	late, err := count(casework.Filter{OverdueOn: &today})
	if err != nil {
		return err
	}
	d.Mine, d.MineOverdue, d.NoHandler = open[p.UserID], late[p.UserID], open[0]
	if p.Role != casework.Approver {
		return nil
	}
	due, err := count(casework.Filter{DueFrom: &today, DueBy: &soon})
	if err != nil {
		return err
	}
	d.Workload, err = s.workload(ctx, p.AgencyID, open, late, due)
	return err
}

// workload is each 承办人's share of the agency's open applications: its
// staff who handle applications, a disabled account still holding some, and
// nobody.
func (s *Service) workload(ctx context.Context, agencyID int64, open, late, due map[int64]int) ([]HandlerLoad, error) {
	staff, err := s.Store.ListUsers(ctx, []int64{agencyID})
	if err != nil {
		return nil, err
	}
	var out []HandlerLoad
	for _, u := range staff {
		if (handles(u.Role) && !u.Disabled) || open[u.ID] > 0 {
			out = append(out, HandlerLoad{ID: u.ID, Name: u.Name, Disabled: u.Disabled, Open: open[u.ID], Overdue: late[u.ID], DueSoon: due[u.ID]})
		}
	}
	if open[0] > 0 {
		out = append(out, HandlerLoad{Open: open[0], Overdue: late[0], DueSoon: due[0]})
	}
	return out, nil
}

var weekdays = [...]string{"日", "一", "二", "三", "四", "五", "六"}

// week is the current week, Monday to Sunday, with the cases due each day.
func (s *Service) week(ctx context.Context, ids []int64, today workday.Date, cal *workday.Calendar) ([]DayLoad, error) {
	monday := today - workday.Date((int(today.Weekday())+6)%7)
	due, err := s.Store.DueByDay(ctx, ids, monday, monday+6)
	if err != nil {
		return nil, err
	}
	var out []DayLoad
	for d := monday; d <= monday+6; d++ {
		wd, _ := cal.IsWorkday(d)
		out = append(out, DayLoad{Day: d, Due: due[d], Workday: wd, IsToday: d == today, Weekday: weekdays[d.Weekday()]})
	}
	return out, nil
}

// summaries counts, per agency, the open, overdue, due-soon and new cases:
// one grouped query each, whatever the number of agencies.
func (s *Service) summaries(ctx context.Context, ids []int64, today, soon workday.Date) ([]AgencySummary, error) {
	ags, err := s.Store.Agencies(ctx, ids)
	if err != nil {
		return nil, err
	}
	count := func(f casework.Filter) (map[int64]int, error) {
		f.AgencyIDs = ids
		return s.Store.CountCasesByAgency(ctx, f)
	}
	var open, late, due, fresh map[int64]int
	for _, x := range []struct {
		dst *map[int64]int
		f   casework.Filter
	}{
		{&late, casework.Filter{OverdueOn: &today}},
		{&due, casework.Filter{DueFrom: &today, DueBy: &soon}},
		{&fresh, casework.Filter{CreatedFrom: s.Clock.Midnight(today)}},
	} {
		if *x.dst, err = count(x.f); err != nil {
			return nil, err
		}
	}
	if open, err = s.Store.CountOpenByAgency(ctx, ids); err != nil {
		return nil, err
	}
	var out []AgencySummary
	for _, a := range ags {
		out = append(out, AgencySummary{Agency: a, Open: open[a.ID], Overdue: late[a.ID], DueSoon: due[a.ID], NewToday: fresh[a.ID]})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Overdue > out[j].Overdue })
	return out, nil
}

// missingYear is the first year after today's whose notice is not loaded.
func missingYear(cal *workday.Calendar, today workday.Date) int {
	loaded := map[int]bool{}
	for _, y := range cal.Years() {
		loaded[y] = true
	}
	y := today.Year()
	for loaded[y] {
		y++
	}
	return y
}

// markCorrections marks the rows awaiting a 补正 that the applicant has sent
// online: the agency's turn to confirm it.
func (s *Service) markCorrections(ctx context.Context, rows []DashRow) error {
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	sent, err := s.Store.CorrectionsSent(ctx, ids)
	for i := range rows {
		rows[i].CorrectionSent = sent[rows[i].ID]
	}
	return err
}
