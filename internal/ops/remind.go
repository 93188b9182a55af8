package ops

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/notify"
	"gongkai/internal/org"
	"gongkai/internal/report"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// RemindDays is "due soon" in a reminder, as on the 工作台 (三个工作日内到期).
const RemindDays = 3

// remindRows bounds the applications a reminder lists in each group (the
// counts are all of them).
const remindRows = 30

// Reminder is one person's reminder of a day.
type Reminder struct {
	UserID, AgencyID int64
	Login            string
	notify.Digest
}

// Mailer sends one message to one address (internal/mail over SMTP).
type Mailer interface {
	From() string
	Send(ctx context.Context, to string, msg []byte) error
}

// Reminders are the day's reminders: for each person in service who handles
// applications (办理人, 负责人) and gave an e-mail address, their open
// applications past the reply deadline or due within RemindDays working
// days, and those of the agency nobody handles yet; for a supervising
// office's staff, the annual reports of the agencies it oversees not yet
// submitted as their deadlines near. None on a day off (the next working
// day's says it all) and none for someone with nothing due.
// base is the server's address for the links ("": none).
func (s *Service) Reminders(ctx context.Context, day workday.Date, base string) ([]Reminder, error) {
	cal, err := s.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	if ok, err := cal.IsWorkday(day); err == nil && !ok {
		return nil, nil
	} else if err != nil && (day.Weekday() == 0 || day.Weekday() == 6) {
		return nil, nil // a year without its notice yet: weekends off
	}
	soon, err := cal.Add(day, RemindDays)
	if err != nil {
		soon = day // the notice is not loaded: what is due today or late
	}
	users, err := s.Store.Remindable(ctx)
	if err != nil {
		return nil, err
	}
	base = strings.TrimRight(base, "/")
	var out []Reminder
	var staff []store.UserRow // 办理人 and 负责人, by agency
	for _, u := range users {
		if u.Role != casework.Supervisor {
			staff = append(staff, u)
			continue
		}
		r, err := s.supervisorReminder(ctx, u, cal, day, base)
		if err != nil {
			return nil, err
		}
		if r != nil {
			out = append(out, *r)
		}
	}
	for i := 0; i < len(staff); {
		j := i
		for j < len(staff) && staff[j].AgencyID == staff[i].AgencyID {
			j++
		}
		rs, err := s.agencyReminders(ctx, staff[i:j], cal, day, soon, base)
		if err != nil {
			return nil, err
		}
		out, i = append(out, rs...), j
	}
	return out, nil
}

// remindScan bounds the applications of one agency a round reads (each
// list: due or overdue, periods passed); an agency with more is told the first.
const remindScan = 5000

// agencyReminders are the reminders of one agency's staff: two reads of the
// agency's open applications (deadline within RemindDays working days or
// passed; 补正 or payment period passed), shared out by 承办人.
func (s *Service) agencyReminders(ctx context.Context, staff []store.UserRow, cal *workday.Calendar, day, soon workday.Date, base string) ([]Reminder, error) {
	read := func(f casework.Filter) ([]casework.Row, error) {
		f.AgencyIDs = []int64{staff[0].AgencyID}
		return s.Store.CaseRows(ctx, f, remindScan)
	}
	due, err := read(casework.Filter{DueBy: &soon})
	if err != nil {
		return nil, err
	}
	lapsed, err := read(casework.Filter{ExtraBefore: &day})
	if err != nil {
		return nil, err
	}
	corrected, err := read(casework.Filter{Asked: true})
	if err != nil {
		return nil, err
	}
	returned, err := read(casework.Filter{Returned: true})
	if err != nil {
		return nil, err
	}
	by := shareOut(cal, day, due, lapsed, corrected)
	back := map[int64][]notify.Item{} // returned proposals, by 承办人
	for _, it := range remindItems(returned, cal, day, false) {
		back[it.Handler] = append(back[it.Handler], it.Item)
	}
	var reps []notify.ReportDue
	var proposed []notify.Item // what waits for the head's approval
	if slices.ContainsFunc(staff, func(u store.UserRow) bool { return u.Role == casework.Approver }) {
		a, err := s.Store.GetAgency(ctx, staff[0].AgencyID)
		if err != nil {
			return nil, err
		}
		if reps, err = s.reportsDue(ctx, []*org.Agency{a}, cal, day); err != nil {
			return nil, err
		}
		rows, err := read(casework.Filter{Proposed: true})
		if err != nil {
			return nil, err
		}
		for _, it := range remindItems(rows, cal, day, false) {
			proposed = append(proposed, it.Item)
		}
	}
	items, err := s.remindItemsDue(ctx, staff[0].AgencyID, cal, day)
	if err != nil {
		return nil, err
	}
	none := by.of(0)
	unassigned := slices.SortedFunc(slices.Values(slices.Concat(none.late, none.soon, none.lapsed, none.corrected)), byDue)
	var out []Reminder
	for _, u := range staff {
		mine := by.of(u.ID)
		d := notify.Digest{To: u.Email, Name: u.Name, Agency: u.Agency, Today: day, Soon: RemindDays, Base: base,
			Overdue: len(mine.late), DueSoon: len(mine.soon), Lapsed: len(mine.lapsed), Corrected: len(mine.corrected), Unassigned: len(unassigned), Items: len(items)}
		if u.Role == casework.Approver {
			d.Reports, d.ReportLink = reps, fmt.Sprintf("/admin/reports?year=%d", day.Year()-1)
			d.Proposed = len(proposed)
			d.Groups = appendGroup(d.Groups, notify.Group{Title: "办理人提请您审批的（延期、不予公开等须由负责人登记的事项），请在申请页面同意或退回"}, proposed)
		}
		d.Returned = len(back[u.ID])
		d.Groups = appendGroup(d.Groups, notify.Group{Title: "您承办的、负责人退回的提请，请按意见修改后重新提请或另行处理"}, back[u.ID])
		d.Groups = appendGroup(d.Groups, notify.Group{Title: "您承办的已逾期"}, mine.late)
		d.Groups = appendGroup(d.Groups, notify.Group{Title: fmt.Sprintf("您承办的 %d 个工作日内到期", RemindDays)}, mine.soon)
		d.Groups = appendGroup(d.Groups, notify.Group{Title: "您承办的补正、缴费等期限已过，请登记处理结果"}, mine.lapsed)
		d.Groups = appendGroup(d.Groups, notify.Group{Title: "您承办的申请人已在线提交补正或申请撤回，请核对后登记“收到补正后的申请”或“申请人撤回申请”"}, mine.corrected)
		d.Groups = appendGroup(d.Groups, notify.Group{Title: "本机关尚未指派承办人的（已逾期、即将到期、补正等期限已过或申请人已在线提交补正、撤回）"}, unassigned)
		d.Groups = appendGroup(d.Groups, notify.Group{Unit: "条",
			Title: fmt.Sprintf("本机关尚未公开的主动公开信息（《条例》第二十六条：形成或变更之日起 20 个工作日内公开；%d 个工作日内到期或已逾期）", catalog.SoonDays)}, items)
		if len(d.Groups) > 0 || len(d.Reports) > 0 {
			out = append(out, Reminder{UserID: u.ID, AgencyID: u.AgencyID, Login: u.Login, Digest: d})
		}
	}
	return out, nil
}

// remindLists are one 承办人's applications in a reminder.
type remindLists struct{ late, soon, lapsed, corrected []notify.Item }

// byHandler are the lists by 承办人 (0: nobody).
type byHandler map[int64]*remindLists

// of is the handler's lists, empty ones when they have none.
func (by byHandler) of(h int64) *remindLists {
	if by[h] == nil {
		by[h] = &remindLists{}
	}
	return by[h]
}

// shareOut shares the agency's applications out by 承办人 (0: nobody):
// those due (late or soon), those whose other period has passed, and those
// whose 补正 was sent online. An application is said once: a payment wait
// may have both a deadline and a period, a 补正 sent online is said as such
// whether its period has passed or not.
func shareOut(cal *workday.Calendar, day workday.Date, due, lapsed, corrected []casework.Row) byHandler {
	by := byHandler{}
	asked := map[int64]bool{}
	for _, r := range corrected {
		asked[r.ID] = true
	}
	due = slices.DeleteFunc(slices.Clone(due), func(r casework.Row) bool { return asked[r.ID] }) // said with what the applicant sent
	listed := maps.Clone(asked)
	for _, r := range due {
		listed[r.ID] = true
	}
	for _, it := range remindItems(due, cal, day, false) {
		l := by.of(it.Handler)
		if it.Due < day {
			l.late = append(l.late, it.Item)
		} else {
			l.soon = append(l.soon, it.Item)
		}
	}
	for _, it := range remindItems(lapsed, cal, day, true) {
		if !listed[it.ID] {
			by.of(it.Handler).lapsed = append(by.of(it.Handler).lapsed, it.Item)
		}
	}
	// a 补正 waits under its period, a request to withdraw under the reply deadline
	var waiting, running []casework.Row
	for _, r := range corrected {
		if r.State == casework.AwaitingCorrection {
			waiting = append(waiting, r)
		} else {
			running = append(running, r)
		}
	}
	items := append(remindItems(waiting, cal, day, true), remindItems(running, cal, day, false)...)
	slices.SortFunc(items, func(a, b remindItem) int { return byDue(a.Item, b.Item) })
	for _, it := range items {
		by.of(it.Handler).corrected = append(by.of(it.Handler).corrected, it.Item)
	}
	return by
}

// ReportRemindDays: the head of an office (负责人) is reminded of the
// previous year's annual report from this many working days before its
// deadline until it is submitted (报送) or published.
const ReportRemindDays = 10

// reportsDue are, of the agencies and in their order, those whose report of
// last year is due within ReportRemindDays working days or late and not yet
// submitted. A report published before the agency used gongkai and
// imported as such (report prior) counts as done.
func (s *Service) reportsDue(ctx context.Context, ags []*org.Agency, cal *workday.Calendar, day workday.Date) ([]notify.ReportDue, error) {
	year := day.Year() - 1
	var near []notify.ReportDue
	var ids []int64
	for _, a := range ags {
		due, why := report.SubmitBy(a.Level, year, nil)
		n, err := cal.Between(day, due)
		counted := err == nil
		if (counted && n > ReportRemindDays) || (!counted && day.AddDays(2*ReportRemindDays) < due) {
			continue
		}
		near = append(near, notify.ReportDue{Agency: a.Name, Year: year, Due: due, Why: why, DaysLeft: n, Counted: counted})
		ids = append(ids, a.ID)
	}
	if len(near) == 0 {
		return nil, nil
	}
	saved, err := s.Store.ReportsSaved(ctx, ids, year)
	if err != nil {
		return nil, err
	}
	prior, err := s.Store.PriorReports(ctx, ids, year)
	if err != nil {
		return nil, err
	}
	var out []notify.ReportDue
	for i, r := range near {
		sv, ok := saved[ids[i]]
		if (ok && (!sv.SubmittedAt.IsZero() || !sv.PublishedAt.IsZero())) || prior[ids[i]] != nil {
			continue
		}
		r.Saved = ok
		out = append(out, r)
	}
	return out, nil
}

// supervisorReminder is a supervising office's reminder: the reports of
// last year of the agencies it oversees (itself too) not yet submitted as
// their deadlines near. It has no applications to handle.
func (s *Service) supervisorReminder(ctx context.Context, u store.UserRow, cal *workday.Calendar, day workday.Date, base string) (*Reminder, error) {
	_, ags, err := s.visibleAgencies(ctx, User(&u.User))
	if err != nil {
		return nil, err
	}
	reps, err := s.reportsDue(ctx, ags, cal, day)
	if err != nil || len(reps) == 0 {
		return nil, err
	}
	d := notify.Digest{To: u.Email, Name: u.Name, Agency: u.Agency, Today: day, Soon: RemindDays, Base: base,
		Reports: reps, ReportLink: fmt.Sprintf("/admin/rollup?year=%d", day.Year()-1)}
	return &Reminder{UserID: u.ID, AgencyID: u.AgencyID, Login: u.Login, Digest: d}, nil
}

// remindItemsDue are the agency's 主动公开 items not yet published whose
// Art. 26 period ends within catalog.SoonDays working days or has passed
// (ops.Due's items), the most urgent first.
func (s *Service) remindItemsDue(ctx context.Context, agencyID int64, cal *workday.Calendar, day workday.Date) ([]notify.Item, error) {
	overdue, soon, err := s.dueItems(ctx, []int64{agencyID}, cal, day)
	if err != nil {
		return nil, err
	}
	var out []notify.Item
	for _, v := range slices.Concat(overdue, soon) {
		it, t := v.Item, v.Time
		title := []rune(it.Title)
		if len(title) > 30 {
			title = append(title[:29], '…')
		}
		out = append(out, notify.Item{ID: it.ID, Serial: string(title), Received: it.FormedOn, Since: "形成", Due: t.Due, DueWhat: "公开期限",
			DaysLeft: t.Left, Counted: !t.Unknown, State: catalog.StateName(it.State), Path: fmt.Sprintf("/admin/catalog/%d", it.ID)})
	}
	slices.SortFunc(out, byDue)
	return out, nil
}

// remindItem is an item with its 承办人.
type remindItem struct {
	notify.Item
	Handler int64
}

// remindItems are the rows as a reminder lists them, the most urgent first:
// by the reply deadline, or (extra) by the 补正 or payment period.
func remindItems(rows []casework.Row, cal *workday.Calendar, day workday.Date, extra bool) []remindItem {
	var out []remindItem
	for _, r := range rows {
		due, what := r.DueOn, ""
		if extra {
			due, what = r.ExtraOn, r.ExtraWhat
		}
		if due == nil {
			continue
		}
		it := notify.Item{ID: r.ID, Serial: r.Serial, Received: r.Received, Due: *due, DueWhat: what, State: casework.StateName(r.State)}
		if extra {
			it.Passed = "已过"
		}
		if n, err := cal.Between(day, it.Due); err == nil {
			it.DaysLeft, it.Counted = n, true
		}
		out = append(out, remindItem{it, r.HandlerID})
	}
	slices.SortFunc(out, func(a, b remindItem) int { return byDue(a.Item, b.Item) })
	return out
}

func byDue(a, b notify.Item) int {
	return cmp.Or(cmp.Compare(a.Due, b.Due), strings.Compare(a.Serial, b.Serial))
}

// appendGroup adds g with the items, the first remindRows listed.
func appendGroup(gs []notify.Group, g notify.Group, items []notify.Item) []notify.Group {
	if len(items) == 0 {
		return gs
	}
	n := min(len(items), remindRows)
	g.Items, g.More = items[:n], len(items)-n
	return append(gs, g)
}

// RemindResult is what a round of reminders did.
type RemindResult struct {
	Day    workday.Date
	Sent   []Reminder
	Taken  int // sent before today, or being sent by another instance
	Failed []RemindFailure
}

// RemindFailure is a reminder that could not be sent (to be tried again).
type RemindFailure struct {
	Reminder
	Err error
}

// remindPrincipal is the server sending reminders for an agency.
func remindPrincipal(agencyID int64) Principal {
	return Principal{AgencyID: agencyID, Name: "到期提醒（自动发送）", Via: "system"}
}

// SendReminders sends today's reminders through m: each person's once a day
// (claimed in the database first, so that several instances send it once),
// each sent one with its audit entry. One that fails is given back to be
// tried again and reported; the others still go.
func (s *Service) SendReminders(ctx context.Context, m Mailer, base string) (*RemindResult, error) {
	day := s.Clock.Today()
	rs, err := s.Reminders(ctx, day, base)
	if err != nil {
		return nil, err
	}
	res := &RemindResult{Day: day}
	for _, r := range rs {
		var claimed bool
		if err := s.Store.InTx(ctx, func(tx *store.Tx) (err error) {
			claimed, err = tx.ClaimReminder(ctx, r.UserID, day)
			return err
		}); err != nil {
			return res, err
		}
		if !claimed {
			res.Taken++
			continue
		}
		now := s.Clock.Now()
		id := fmt.Sprintf("remind.%d.%s.%d@%s", r.UserID, day, now.UnixNano(), domainOf(m.From()))
		if err := m.Send(ctx, r.To, notify.Message(m.From(), r.Digest, now, id)); err != nil {
			s.Log.Warn("reminder not sent", "user", r.Login, "to", r.To, "err", err)
			res.Failed = append(res.Failed, RemindFailure{Reminder: r, Err: err})
			if err := s.Store.InTx(ctx, func(tx *store.Tx) error { return tx.ReleaseReminder(ctx, r.UserID, day) }); err != nil {
				return res, err
			}
			continue
		}
		if err := s.write(ctx, remindPrincipal(r.AgencyID), "remind.send", func(tx *store.Tx, e *audit.Entry) error {
			e.Object, e.Detail = r.Login, r.Summary()+"；发至 "+r.To
			return tx.ReminderSent(ctx, r.UserID, day, r.Cases())
		}); err != nil {
			return res, err
		}
		res.Sent = append(res.Sent, r)
	}
	return res, nil
}

// domainOf is the domain of an address (for a Message-ID).
func domainOf(addr string) string {
	if i := strings.LastIndexByte(addr, '@'); i >= 0 {
		return addr[i+1:]
	}
	return "gongkai"
}
