package ops

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/notify"
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
// days, and those of the agency nobody handles yet. None on a day off (the
// next working day's says it all) and none for someone with nothing due.
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
	for i := 0; i < len(users); {
		j := i
		for j < len(users) && users[j].AgencyID == users[i].AgencyID {
			j++
		}
		rs, err := s.agencyReminders(ctx, users[i:j], cal, day, soon, base)
		if err != nil {
			return nil, err
		}
		out, i = append(out, rs...), j
	}
	return out, nil
}

// agencyReminders are the reminders of one agency's staff.
func (s *Service) agencyReminders(ctx context.Context, staff []store.UserRow, cal *workday.Calendar, day, soon workday.Date, base string) ([]Reminder, error) {
	agencyID := staff[0].AgencyID
	count := func(f casework.Filter) (map[int64]int, error) {
		f.AgencyIDs, f.Open = []int64{agencyID}, true
		return s.Store.CountCasesByHandler(ctx, f)
	}
	late, err := count(casework.Filter{OverdueOn: &day})
	if err != nil {
		return nil, err
	}
	due, err := count(casework.Filter{DueFrom: &day, DueBy: &soon})
	if err != nil {
		return nil, err
	}
	list := func(f casework.Filter) ([]notify.Item, error) {
		f.AgencyIDs, f.DueBy, f.Limit = []int64{agencyID}, &soon, 1000
		rows, _, err := s.Store.ListCases(ctx, f)
		return remindItems(rows, cal, day), err
	}
	var none []notify.Item
	if late[0]+due[0] > 0 {
		if none, err = list(casework.Filter{Unassigned: true}); err != nil {
			return nil, err
		}
	}
	var out []Reminder
	for _, u := range staff {
		d := notify.Digest{To: u.Email, Name: u.Name, Agency: u.Agency, Today: day, Soon: RemindDays, Base: base,
			Overdue: late[u.ID], DueSoon: due[u.ID], Unassigned: late[0] + due[0]}
		if d.Overdue+d.DueSoon > 0 {
			mine, err := list(casework.Filter{Handler: u.ID})
			if err != nil {
				return nil, err
			}
			i := slices.IndexFunc(mine, func(it notify.Item) bool { return it.Due >= day })
			if i < 0 {
				i = len(mine)
			}
			d.Groups = appendGroup(d.Groups, "您承办的已逾期", mine[:i], d.Overdue)
			d.Groups = appendGroup(d.Groups, fmt.Sprintf("您承办的 %d 个工作日内到期", RemindDays), mine[i:], d.DueSoon)
		}
		d.Groups = appendGroup(d.Groups, "本机关尚未指派承办人的（已逾期或即将到期）", none, d.Unassigned)
		if len(d.Groups) > 0 {
			out = append(out, Reminder{UserID: u.ID, AgencyID: u.AgencyID, Login: u.Login, Digest: d})
		}
	}
	return out, nil
}

// remindItems are the rows as a reminder lists them, the most urgent first.
func remindItems(rows []casework.Row, cal *workday.Calendar, day workday.Date) []notify.Item {
	var out []notify.Item
	for _, r := range rows {
		if r.DueOn == nil {
			continue
		}
		it := notify.Item{ID: r.ID, Serial: r.Serial, Received: r.Received, Due: *r.DueOn, State: casework.StateName(r.State)}
		if n, err := cal.Between(day, it.Due); err == nil {
			it.DaysLeft, it.Counted = n, true
		}
		out = append(out, it)
	}
	slices.SortFunc(out, func(a, b notify.Item) int {
		return cmp.Or(cmp.Compare(a.Due, b.Due), strings.Compare(a.Serial, b.Serial))
	})
	return out
}

// appendGroup adds a group of n applications, the first remindRows of items listed.
func appendGroup(gs []notify.Group, title string, items []notify.Item, n int) []notify.Group {
	if n == 0 {
		return gs
	}
	items = items[:min(len(items), remindRows)]
	return append(gs, notify.Group{Title: title, Items: items, More: max(n-len(items), 0)})
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
