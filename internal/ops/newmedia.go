package ops

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gongkai/internal/audit"
	"gongkai/internal/catalog"
	"gongkai/internal/errs"
	"gongkai/internal/newmedia"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// Documents lists an agency's normative documents with their validity today.
func (s *Service) Documents(ctx context.Context, p Principal, agencyID int64) ([]catalog.Document, error) {
	if err := s.canRead(ctx, p, agencyID); err != nil {
		return nil, err
	}
	return s.Store.Documents(ctx, agencyID)
}

// ExpiringDocuments are the normative documents of the principal's own
// agency whose 有效期 ends within the days the settings say
// (expiry_notice_days), for the 工作台 of those who keep the register
// (none for others, none when the setting is 0).
func (s *Service) ExpiringDocuments(ctx context.Context, p Principal) ([]catalog.Document, error) {
	if !actsFor(p, p.AgencyID) {
		return nil, nil
	}
	st, err := s.Settings(ctx)
	if err != nil || st.ExpiryNoticeDays == 0 {
		return nil, err
	}
	docs, err := s.Store.Documents(ctx, p.AgencyID)
	if err != nil {
		return nil, err
	}
	return catalog.Expiring(docs, s.Clock.Today(), st.ExpiryNoticeDays), nil
}

// SaveDocument records a normative document of the principal's agency, or
// a change in its life (amended, repealed, its 有效期).
//
// seen is, for a document edited, its Fingerprint as the form showed it
// ("": as stored now): a document changed since by someone else is not
// written over, the refusal (Conflict) naming how it differs from what was
// typed. The catalog item a document is linked to stays when the edit
// names none (the back office's form does not show it).
func (s *Service) SaveDocument(ctx context.Context, p Principal, d catalog.Document, seen string) (*catalog.Document, error) {
	if !actsFor(p, p.AgencyID) {
		return nil, Forbidden("只有本机关的工作人员可以登记规范性文件")
	}
	d.AgencyID = p.AgencyID
	if d.ID != 0 { // another agency's document is not found, whatever the form holds
		if _, err := s.Store.Document(ctx, p.AgencyID, d.ID); err != nil {
			return nil, notFoundOr(err)
		}
	}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	err := s.write(ctx, p, "normative.record", func(tx *store.Tx, e *audit.Entry) error {
		e.Object, e.Detail = d.DocNo, catalog.DocKindName(d.Kind)+"："+d.Title
		if d.ID != 0 { // read again, locked, to compare with what the form showed
			cur, err := tx.Document(ctx, p.AgencyID, d.ID)
			if err != nil {
				return err
			}
			if d.ItemID == nil {
				d.ItemID = cur.ItemID
			}
			if err := savedOver(e, seen, cur.Fingerprint(), catalog.DocDiff(*cur, d), "这份文件的登记", "登记"); err != nil {
				return err
			}
		} else if d.RepealedOn != nil {
			e.Detail += "（" + d.RepealedOn.String() + " 废止）"
		}
		return tx.SaveDocument(ctx, &d)
	})
	switch {
	case errors.Is(err, errUnchanged):
		return &d, nil
	case errors.Is(err, store.ErrConflict):
		return nil, errs.New("doc_no", "本机关已登记文号为“%s”的文件", d.DocNo)
	case errors.Is(err, store.ErrNotFound):
		return nil, notFound
	}
	return &d, err
}

// AccountView is an account with its freshness, posts and recent inspections.
type AccountView struct {
	newmedia.Account
	Fresh       newmedia.Freshness
	YearPosts   int // posts counted this year
	Posts       []newmedia.Posts
	Inspections []newmedia.Inspection
	Open        int // inspections with problems not yet resolved
}

// NewMedia is the 政务新媒体 page: every account the principal may see,
// stale ones first.
type NewMedia struct {
	Accounts []AccountView
	Stale    int
	Limit    int // the freshness limit in days
	Year     int
	CanAct   bool
}

// Accounts lists the accounts the principal may see: its agency's, and for
// a supervisor every account below it.
func (s *Service) Accounts(ctx context.Context, p Principal) (*NewMedia, error) {
	ids, err := s.Visible(ctx, p)
	if err != nil {
		return nil, err
	}
	st, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	accts, err := s.Store.Accounts(ctx, ids)
	if err != nil {
		return nil, err
	}
	today := s.Clock.Today()
	out := &NewMedia{Limit: st.NewMediaStaleDays, Year: today.Year(), CanAct: actsFor(p, p.AgencyID)}
	if err := s.fillAccounts(ctx, out, accts, today, today-90); err != nil {
		return nil, err
	}
	sort.SliceStable(out.Accounts, func(i, j int) bool { return out.Accounts[i].Fresh.Stale && !out.Accounts[j].Fresh.Stale })
	return out, nil
}

// accountRecords reads the accounts' posts, and their inspections in [from, to].
func (s *Service) accountRecords(ctx context.Context, accts []newmedia.Account, from, to workday.Date) (map[int64][]newmedia.Posts, []newmedia.Inspection, error) {
	ids := make([]int64, len(accts))
	for i, a := range accts {
		ids[i] = a.ID
	}
	posts, err := s.Store.Posts(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	ins, err := s.Store.Inspections(ctx, ids, from, to)
	return posts, ins, err
}

func (s *Service) fillAccounts(ctx context.Context, out *NewMedia, accts []newmedia.Account, today, since workday.Date) error {
	posts, ins, err := s.accountRecords(ctx, accts, since, today)
	if err != nil {
		return err
	}
	byAcct := map[int64][]newmedia.Inspection{}
	for _, x := range ins {
		byAcct[x.AccountID] = append(byAcct[x.AccountID], x)
	}
	for _, a := range accts {
		v := AccountView{Account: a, Fresh: a.Fresh(today, out.Limit), Posts: posts[a.ID], Inspections: byAcct[a.ID]}
		for _, p := range v.Posts {
			if p.Month.Year() == today.Year() {
				v.YearPosts += p.Count
			}
		}
		for _, x := range v.Inspections {
			if x.Open() {
				v.Open++
			}
		}
		if v.Fresh.Stale {
			out.Stale++
		}
		out.Accounts = append(out.Accounts, v)
	}
	return nil
}

// Account loads an account the principal may see, with a year of its inspections.
func (s *Service) Account(ctx context.Context, p Principal, id int64) (*AccountView, error) {
	a, err := s.Store.AccountByID(ctx, id)
	if err != nil {
		return nil, notFoundOr(err)
	}
	if err := s.canRead(ctx, p, a.AgencyID); err != nil {
		return nil, err
	}
	st, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	today := s.Clock.Today()
	nm := &NewMedia{Limit: st.NewMediaStaleDays}
	if err := s.fillAccounts(ctx, nm, []newmedia.Account{*a}, today, today-366); err != nil {
		return nil, err
	}
	return &nm.Accounts[0], nil
}

// SaveAccount registers (ID 0) or updates an account of the principal's agency.
//
// seen is, for an account edited, its Fingerprint as the form showed it
// ("": as stored now): an account changed since by someone else is not
// written over (Conflict, naming how it differs from what was typed).
func (s *Service) SaveAccount(ctx context.Context, p Principal, a newmedia.Account, seen string) (*newmedia.Account, error) {
	if !actsFor(p, p.AgencyID) {
		return nil, Forbidden("只有本机关的工作人员可以登记政务新媒体账号")
	}
	a.AgencyID = p.AgencyID
	if a.ID != 0 {
		if _, err := s.Store.Account(ctx, p.AgencyID, a.ID); err != nil {
			return nil, notFoundOr(err)
		}
	}
	if err := a.Validate(); err != nil {
		return nil, err
	}
	err := s.write(ctx, p, "newmedia.account", func(tx *store.Tx, e *audit.Entry) error {
		e.Object, e.Detail = a.Name, newmedia.PlatformName(a.Platform)+"，"+newmedia.StateName(a.State)
		if a.ID != 0 {
			cur, err := tx.Account(ctx, p.AgencyID, a.ID)
			if err != nil {
				return err
			}
			if err := savedOver(e, seen, cur.Fingerprint(), newmedia.AccountDiff(*cur, a), "这个账号的登记", "登记"); err != nil {
				return err
			}
		}
		return tx.SaveAccount(ctx, &a)
	})
	switch {
	case errors.Is(err, errUnchanged):
		return &a, nil
	case errors.Is(err, store.ErrConflict):
		return nil, errs.New("name", "本机关已登记%s账号“%s”", newmedia.PlatformName(a.Platform), a.Name)
	case errors.Is(err, store.ErrNotFound):
		return nil, notFound
	}
	return &a, err
}

// RecordPosts records an account's post counts (entered by hand, read from
// the platform's export, or from its feed) in one transaction.
func (s *Service) RecordPosts(ctx context.Context, p Principal, accountID int64, counts []newmedia.Posts, last *workday.Date) error {
	if !actsFor(p, p.AgencyID) {
		return Forbidden("只有本机关的工作人员可以登记发布数量")
	}
	a, err := s.Store.Account(ctx, p.AgencyID, accountID)
	if err != nil {
		return notFoundOr(err)
	}
	var l errs.List
	today := s.Clock.Today()
	for _, c := range counts {
		if c.Count < 0 || c.Count > 100000 {
			l.Add("count", "%s 的发布数量 %d 不对", c.Month, c.Count)
		}
		if string(c.Month) > string(newmedia.MonthOf(today)) {
			l.Add("month", "%s 还没有到", c.Month)
		}
		if newmedia.SourceName(c.Source) == c.Source {
			l.Add("source", "来源“%s”不对", c.Source)
		}
	}
	if last != nil && *last > today {
		l.Add("last_on", "最近发布日期 %s 晚于今天", last)
	}
	if len(counts) == 0 {
		l.Add("month", "没有要登记的发布数量")
	}
	if err := l.Err(); err != nil {
		return err
	}
	return s.write(ctx, p, "newmedia.posts", func(tx *store.Tx, e *audit.Entry) error {
		total := 0
		var months []string
		for _, c := range counts {
			total += c.Count
			months = append(months, string(c.Month))
		}
		slices.Sort(months)
		e.Object = a.Name
		e.Detail = newmedia.SourceName(counts[0].Source) + "：" + months[0]
		if len(months) > 1 {
			e.Detail += " 至 " + months[len(months)-1]
		}
		e.Detail += "，共 " + strconv.Itoa(total) + " 篇"
		return tx.SetPosts(ctx, accountID, counts, last)
	})
}

// PostsFromDates turns post dates (from an export or a feed) into month counts.
func PostsFromDates(dates []workday.Date, source string) ([]newmedia.Posts, *workday.Date) {
	byMonth, last := newmedia.CountByMonth(dates)
	var out []newmedia.Posts
	for m, n := range byMonth {
		out = append(out, newmedia.Posts{Month: m, Count: n, Source: source})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Month < out[j].Month })
	for i := range out {
		var lastOfMonth *workday.Date
		for _, d := range dates {
			if newmedia.MonthOf(d) == out[i].Month && (lastOfMonth == nil || d > *lastOfMonth) {
				x := d
				lastOfMonth = &x
			}
		}
		out[i].LastOn = lastOfMonth
	}
	return out, last
}

// RecordInspection records a 日巡查 or 周普查 of an account of the
// principal's agency.
func (s *Service) RecordInspection(ctx context.Context, p Principal, in newmedia.Inspection) (*newmedia.Inspection, error) {
	if !actsFor(p, p.AgencyID) {
		return nil, Forbidden("只有本机关的工作人员可以登记巡查")
	}
	a, err := s.Store.Account(ctx, p.AgencyID, in.AccountID)
	if err != nil {
		return nil, notFoundOr(err)
	}
	if in.Inspector == "" {
		in.Inspector = p.Name
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if today := s.Clock.Today(); in.On > today {
		return nil, errs.New("on", "巡查日期 %s 晚于今天", in.On)
	}
	err = s.write(ctx, p, "newmedia.inspect", func(tx *store.Tx, e *audit.Entry) error {
		e.Object = a.Name
		e.Detail = newmedia.InspectionKindName(in.Kind) + " " + in.On.String()
		if len(in.Problems) == 0 {
			e.Detail += "：未发现问题"
		} else {
			var names []string
			for _, x := range in.Problems {
				names = append(names, newmedia.ProblemName(x))
			}
			e.Detail += "：" + strings.Join(names, "、")
		}
		return tx.AddInspection(ctx, &in)
	})
	return &in, err
}

// ResolveInspection records how an inspection's problems were put right.
func (s *Service) ResolveInspection(ctx context.Context, p Principal, accountID, id int64, on workday.Date, resolution string) error {
	if !actsFor(p, p.AgencyID) {
		return Forbidden("只有本机关的工作人员可以登记整改")
	}
	resolution = strings.TrimSpace(resolution)
	if resolution == "" {
		return errs.New("resolution", "请写明整改情况")
	}
	if on > s.Clock.Today() {
		return errs.New("resolved_on", "整改日期晚于今天")
	}
	a, err := s.Store.Account(ctx, p.AgencyID, accountID)
	if err != nil {
		return notFoundOr(err)
	}
	return s.write(ctx, p, "newmedia.inspect", func(tx *store.Tx, e *audit.Entry) error {
		e.Object, e.Detail = a.Name, "整改："+resolution
		return notFoundOr(tx.ResolveInspection(ctx, accountID, id, on, resolution))
	})
}

// ColumnView is a website column with its items of the year and freshness.
type ColumnView struct {
	newmedia.Column
	YearItems int
	Last      *workday.Date
	Stale     bool
}

// Columns lists an agency's website columns with their freshness: the
// last update is the newer of the last item published in the column and
// the date entered by hand.
func (s *Service) Columns(ctx context.Context, p Principal, agencyID int64) ([]ColumnView, error) {
	sc, err := s.SiteColumns(ctx, p, agencyID)
	if err != nil {
		return nil, err
	}
	return sc.Columns, nil
}

// Site is an agency's website columns counted against the census's veto
// items for 栏目 (law.md §5.3).
type Site struct {
	AgencyID int64
	Agency   string
	Columns  []ColumnView
	Tally    newmedia.ColumnTally
	// Vetoes are the veto items reached (none: the columns pass)
	Vetoes []string
	Limit  int // the veto's count of columns
}

// SiteColumns is one agency's columns with their tally, for whoever may see
// the agency.
func (s *Service) SiteColumns(ctx context.Context, p Principal, agencyID int64) (*Site, error) {
	if err := s.canRead(ctx, p, agencyID); err != nil {
		return nil, err
	}
	sites, err := s.sites(ctx, []int64{agencyID})
	if err != nil {
		return nil, err
	}
	return &sites[0], nil
}

// SitesBelow is every agency the principal sees with its columns' tally, the
// ones that fail a veto item first, then by the columns past their limit:
// the supervising office's view of who would fail an inspection.
func (s *Service) SitesBelow(ctx context.Context, p Principal) ([]Site, error) {
	ids, err := s.Visible(ctx, p)
	if err != nil {
		return nil, err
	}
	sites, err := s.sites(ctx, ids)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(sites, func(a, b Site) int {
		return cmp.Or(cmp.Compare(len(b.Vetoes), len(a.Vetoes)), cmp.Compare(b.Tally.Stale+b.Tally.Blank, a.Tally.Stale+a.Tally.Blank))
	})
	return sites, nil
}

// sites reads the columns of agencies ids and counts them, in the order of ids.
func (s *Service) sites(ctx context.Context, ids []int64) ([]Site, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	ags, err := s.Store.Agencies(ctx, ids)
	if err != nil {
		return nil, err
	}
	cols, err := s.Store.ColumnsIn(ctx, ids)
	if err != nil {
		return nil, err
	}
	today := s.Clock.Today()
	stats, err := s.Store.ColumnStatsIn(ctx, ids, workday.NewDate(today.Year(), 1, 1), today)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	for _, a := range ags {
		names[a.ID] = a.Name
	}
	at := map[int64]int{}
	out := make([]Site, len(ids))
	for i, id := range ids {
		out[i] = Site{AgencyID: id, Agency: names[id], Limit: st.ColumnVetoCount}
		at[id] = i
	}
	for _, c := range cols {
		site := &out[at[c.AgencyID]]
		stat := stats[c.AgencyID][c.Name]
		v := ColumnView{Column: c, YearItems: stat.Items, Last: c.LastUpdate}
		if l := stat.Last; l != nil && (v.Last == nil || *l > *v.Last) {
			v.Last = l
		}
		v.Stale = newmedia.ColumnStale(c.Kind, v.Last, today, st.ColumnStaleDays, st.ColumnNoticeMonths)
		site.Columns = append(site.Columns, v)
		site.Tally.Count(v.Last, v.Stale)
	}
	for i := range out {
		out[i].Vetoes = out[i].Tally.Vetoes(out[i].Limit)
	}
	return out, nil
}

// SaveColumn registers (ID 0) or updates a website column of the principal's agency.
//
// seen is, for a column edited, its Fingerprint as the form showed it ("":
// as stored now): a column changed since by someone else is not written over.
func (s *Service) SaveColumn(ctx context.Context, p Principal, c newmedia.Column, seen string) (*newmedia.Column, error) {
	if !actsFor(p, p.AgencyID) {
		return nil, Forbidden("只有本机关的工作人员可以登记网站栏目")
	}
	c.AgencyID = p.AgencyID
	if c.ID != 0 {
		if _, err := s.Store.Column(ctx, p.AgencyID, c.ID); err != nil {
			return nil, notFoundOr(err)
		}
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if c.LastUpdate != nil && *c.LastUpdate > s.Clock.Today() {
		return nil, errs.New("last_update", "最近更新日期晚于今天")
	}
	err := s.write(ctx, p, "column.update", func(tx *store.Tx, e *audit.Entry) error {
		e.Object, e.Detail = c.Name, newmedia.ColumnKindName(c.Kind)
		if c.ID != 0 {
			cur, err := tx.Column(ctx, p.AgencyID, c.ID)
			if err != nil {
				return err
			}
			if err := savedOver(e, seen, cur.Fingerprint(), newmedia.ColumnDiff(*cur, c), "这个栏目的登记", "登记"); err != nil {
				return err
			}
		}
		return tx.SaveColumn(ctx, &c)
	})
	switch {
	case errors.Is(err, errUnchanged):
		return &c, nil
	case errors.Is(err, store.ErrConflict):
		return nil, errs.New("name", "本机关已登记栏目“%s”", c.Name)
	case errors.Is(err, store.ErrNotFound):
		return nil, notFound
	}
	return &c, err
}

// RemoveColumn takes a website column of the principal's agency off the
// register (a column merged into another or closed, as the census asks of
// blank ones), once confirm is ticked. The items published under its name
// stay in the catalog.
func (s *Service) RemoveColumn(ctx context.Context, p Principal, id int64, confirm bool) (string, error) {
	if !actsFor(p, p.AgencyID) {
		return "", Forbidden("只有本机关的工作人员可以删除网站栏目")
	}
	if _, err := s.Store.Column(ctx, p.AgencyID, id); err != nil {
		return "", notFoundOr(err) // another agency's: not found, whether ticked or not
	}
	if !confirm {
		return "", errs.New("confirm", "请勾选确认后再删除栏目")
	}
	var name string
	err := s.write(ctx, p, "column.remove", func(tx *store.Tx, e *audit.Entry) error {
		var err error
		if name, err = tx.RemoveColumn(ctx, p.AgencyID, id); err != nil {
			return notFoundOr(err)
		}
		e.Object, e.Detail = name, "已发布在该栏目下的信息不受影响"
		return nil
	})
	return name, err
}

// RecordFeed counts an account's posts from its RSS/Atom feed as read (the
// caller fetched or uploaded it) and records them: the months the feed
// covers are replaced, older months stay. It returns the posts counted.
func (s *Service) RecordFeed(ctx context.Context, p Principal, accountID int64, data []byte, charset string) (int, error) {
	dates, _, err := newmedia.ParseFeed(data, charset, s.Clock.Location())
	if err != nil {
		return 0, err
	}
	if len(dates) == 0 {
		return 0, errs.New("feed", "订阅源中没有读到带日期的文章")
	}
	counts, last := PostsFromDates(dates, "feed")
	return len(dates), s.RecordPosts(ctx, p, accountID, counts, last)
}
