// Package newmedia is 政务新媒体 and the agency's website columns: accounts
// with their posts per period, the 日巡查 and 周普查 logs, and the freshness
// rule of the State Council's inspection indicators (国办秘函〔2019〕19号: an
// account without an update in the two weeks before a check fails; law.md
// §5.4, configurable because some places are stricter). No I/O.
package newmedia

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gongkai/internal/errs"
	"gongkai/internal/fingerprint"
	"gongkai/internal/workday"
)

// Platform of an account.
type Platform string

// Platforms with their Chinese names, in the order a form lists them.
var Platforms = []struct {
	ID   Platform
	Name string
}{
	{"wechat", "微信公众号"}, {"weibo", "微博"}, {"douyin", "抖音"}, {"toutiao", "头条号"}, {"kuaishou", "快手"},
	{"channels", "微信视频号"}, {"app", "客户端"}, {"other", "其他"},
}

// PlatformName is the Chinese name.
func PlatformName(p Platform) string {
	for _, x := range Platforms {
		if x.ID == p {
			return x.Name
		}
	}
	return string(p)
}

// State of an account.
type State string

// States with their Chinese names.
var States = []struct {
	ID   State
	Name string
}{
	{"running", "运行"}, {"closed", "关停"}, {"merged", "整合"},
}

// StateName is the Chinese name.
func StateName(s State) string {
	for _, x := range States {
		if x.ID == s {
			return x.Name
		}
	}
	return string(s)
}

// Running is the state of an account in use.
const Running State = "running"

// Account is a 政务新媒体 account an agency runs or supervises.
type Account struct {
	ID       int64         `json:"id"`
	AgencyID int64         `json:"agency_id"` // the agency that keeps the record (runs or supervises it)
	Platform Platform      `json:"platform"`
	Name     string        `json:"name"`
	Sponsor  string        `json:"sponsor"`             // 主办单位
	OpenedOn *workday.Date `json:"opened_on,omitempty"` // 开设审核
	FiledOn  *workday.Date `json:"filed_on,omitempty"`  // 备案
	State    State         `json:"state"`
	FeedURL  string        `json:"feed_url,omitempty"`
	// Own marks the agency's own account (the others are those of units
	// under its supervision, such as the district's schools).
	Own        bool          `json:"own"`
	LastPostOn *workday.Date `json:"last_post_on,omitempty"`
	Note       string        `json:"note"`
}

// accountFields name the fields of an account its edit form shows, in the
// order of shown's values.
var accountFields = []string{"平台", "账号名称", "主办单位", "开设审核日期", "备案日期", "状态", "订阅源地址", "本机关自办", "备注"}

func (a Account) shown() []string {
	return []string{PlatformName(a.Platform), fingerprint.Text(a.Name), fingerprint.Text(a.Sponsor), fingerprint.Date(a.OpenedOn),
		fingerprint.Date(a.FiledOn), StateName(a.State), fingerprint.Text(a.FeedURL), fingerprint.Yes(a.Own), fingerprint.Text(a.Note)}
}

// Fingerprint identifies the account as its edit form shows it (the form
// carries it; its last post, recorded apart, does not count).
func (a Account) Fingerprint() string { return fingerprint.Of(a.shown()) }

// AccountDiff names the fields in which b differs from a, a → b each.
func AccountDiff(a, b Account) string { return fingerprint.Diff(accountFields, a.shown(), b.shown()) }

// Validate checks an account, every problem at its field.
func (a *Account) Validate() error {
	for _, p := range []*string{&a.Name, &a.Sponsor, &a.FeedURL, &a.Note} {
		*p = strings.TrimSpace(*p)
	}
	var l errs.List
	if PlatformName(a.Platform) == string(a.Platform) {
		l.Add("platform", "请选择平台")
	}
	if a.State == "" {
		a.State = Running
	}
	if StateName(a.State) == string(a.State) {
		l.Add("state", "账号状态不对")
	}
	if a.Name == "" {
		l.Add("name", "请填写账号名称")
	} else if utf8.RuneCountInString(a.Name) > 100 {
		l.Add("name", "账号名称太长，最多 100 字")
	}
	if a.Sponsor == "" {
		l.Add("sponsor", "请填写主办单位")
	} else if utf8.RuneCountInString(a.Sponsor) > 100 {
		l.Add("sponsor", "主办单位太长，最多 100 字")
	}
	if a.FeedURL != "" && !strings.HasPrefix(a.FeedURL, "https://") && !strings.HasPrefix(a.FeedURL, "http://") || len(a.FeedURL) > 500 {
		l.Add("feed_url", "订阅地址应以 http:// 或 https:// 开头")
	}
	if utf8.RuneCountInString(a.Note) > 500 {
		l.Add("note", "备注太长，最多 500 字")
	}
	if a.OpenedOn != nil && a.FiledOn != nil && *a.FiledOn < *a.OpenedOn {
		l.Add("filed_on", "备案日期早于开设审核日期")
	}
	return l.Err()
}

// Freshness is an account's standing against the update rule on a day.
type Freshness struct {
	Days  int  // calendar days since the last post (-1: none known)
	Stale bool // running and past the limit
	Soon  bool // running and within three days of the limit
}

// Fresh computes an account's freshness on today with the limit in days.
func (a *Account) Fresh(today workday.Date, limit int) Freshness {
	f := Freshness{Days: -1}
	if a.LastPostOn != nil {
		f.Days = int(today - *a.LastPostOn)
	}
	if a.State != Running {
		return f
	}
	f.Stale = f.Days < 0 || f.Days > limit
	f.Soon = !f.Stale && f.Days > limit-3
	return f
}

// Month is a calendar month, "2024-03".
type Month string

// MonthOf is the month of a day.
func MonthOf(d workday.Date) Month { return Month(d.String()[:7]) }

// ParseMonth reads "2024-03" (or "2024-3", "2024年3月").
func ParseMonth(s string) (Month, error) {
	s = strings.TrimSpace(s)
	s = strings.NewReplacer("年", "-", "月", "", "/", "-", ".", "-").Replace(s)
	t, err := time.Parse("2006-1", s)
	if err != nil || t.Year() < 2000 || t.Year() > 2100 {
		return "", errs.New("month", "月份“%s”看不懂，请写成 2024-03", s)
	}
	return Month(t.Format("2006-01")), nil
}

// Year of a month.
func (m Month) Year() int {
	t, _ := time.Parse("2006-01", string(m))
	return t.Year()
}

// Posts is an account's post count of a month and where it came from.
type Posts struct {
	AccountID int64         `json:"account_id"`
	Month     Month         `json:"month"`
	Count     int           `json:"count"`
	Source    string        `json:"source"` // entered, import, feed
	LastOn    *workday.Date `json:"last_on,omitempty"`
}

// Sources of post counts.
var Sources = []struct{ ID, Name string }{{"entered", "手工填报"}, {"import", "平台导出表导入"}, {"feed", "订阅源读取"}}

// SourceName is the Chinese name.
func SourceName(id string) string {
	for _, x := range Sources {
		if x.ID == id {
			return x.Name
		}
	}
	return id
}

// CountByMonth counts posts by month from their dates, and returns the
// latest date.
func CountByMonth(dates []workday.Date) (map[Month]int, *workday.Date) {
	out := map[Month]int{}
	var last *workday.Date
	for _, d := range dates {
		out[MonthOf(d)]++
		if last == nil || d > *last {
			d := d
			last = &d
		}
	}
	return out, last
}

// InspectionKind is 日巡查 or 周普查.
type InspectionKind string

// InspectionKinds with their names.
var InspectionKinds = []struct {
	ID   InspectionKind
	Name string
}{
	{"daily", "日巡查"}, {"weekly", "周普查"},
}

// InspectionKindName is the Chinese name.
func InspectionKindName(k InspectionKind) string {
	for _, x := range InspectionKinds {
		if x.ID == k {
			return x.Name
		}
	}
	return string(k)
}

// Problems an inspection finds (the indicators' vocabulary).
var Problems = []struct{ ID, Name string }{
	{"typo", "错别字"}, {"broken_link", "链接失效"}, {"stale", "超期未更新"}, {"slow_reply", "互动回应不及时"},
	{"wrong_content", "内容表述错误"}, {"security", "安全、泄密隐患"}, {"other", "其他"},
}

// ProblemName is the Chinese name.
func ProblemName(id string) string {
	for _, x := range Problems {
		if x.ID == id {
			return x.Name
		}
	}
	return id
}

// Inspection is one 巡查 of an account.
type Inspection struct {
	ID         int64          `json:"id"`
	AccountID  int64          `json:"account_id"`
	Kind       InspectionKind `json:"kind"`
	On         workday.Date   `json:"on"`
	Inspector  string         `json:"inspector"`
	Problems   []string       `json:"problems"`
	Note       string         `json:"note"`
	ResolvedOn *workday.Date  `json:"resolved_on,omitempty"`
	Resolution string         `json:"resolution"`
	// LastPostSeen is the date of the newest post the inspector saw, which
	// keeps the freshness current for accounts whose posts are not counted.
	LastPostSeen *workday.Date `json:"last_post_seen,omitempty"`
}

// Validate checks an inspection.
func (in *Inspection) Validate() error {
	in.Note, in.Resolution, in.Inspector = strings.TrimSpace(in.Note), strings.TrimSpace(in.Resolution), strings.TrimSpace(in.Inspector)
	var l errs.List
	if InspectionKindName(in.Kind) == string(in.Kind) {
		l.Add("kind", "请选择日巡查或周普查")
	}
	if in.On == 0 {
		l.Add("on", "请填写巡查日期")
	}
	for _, p := range in.Problems {
		if ProblemName(p) == p {
			l.Add("problems", "问题类型“%s”不对", p)
		}
	}
	if len(in.Problems) > 0 && in.Note == "" {
		l.Add("note", "发现问题的，请写明问题所在（栏目、文章标题或链接）")
	}
	if in.ResolvedOn != nil && *in.ResolvedOn < in.On {
		l.Add("resolved_on", "整改日期早于巡查日期")
	}
	if in.ResolvedOn != nil && in.Resolution == "" {
		l.Add("resolution", "请写明整改情况")
	}
	if in.LastPostSeen != nil && *in.LastPostSeen > in.On {
		l.Add("last_post_seen", "最近更新日期晚于巡查日期")
	}
	for _, s := range []struct{ f, v string }{{"note", in.Note}, {"resolution", in.Resolution}} {
		if utf8.RuneCountInString(s.v) > 1000 {
			l.Add(s.f, "内容太长，最多 1000 字")
		}
	}
	return l.Err()
}

// Open reports whether problems were found and not yet resolved.
func (in *Inspection) Open() bool { return len(in.Problems) > 0 && in.ResolvedOn == nil }

// ColumnKind is how often a website column must be updated.
type ColumnKind string

// ColumnKinds with their names and the census rule each follows (law.md §5.3).
var ColumnKinds = []struct {
	ID   ColumnKind
	Name string
}{
	{"dynamic", "动态、要闻类"}, {"notice", "通知公告、政策文件类"}, {"static", "相对固定（机构职能、指南等）"},
}

// ColumnKindName is the Chinese name.
func ColumnKindName(k ColumnKind) string {
	for _, x := range ColumnKinds {
		if x.ID == k {
			return x.Name
		}
	}
	return string(k)
}

// Column is a website column (栏目) of an agency. Its items are the catalog
// items published under its name; LastUpdate may also be entered for a
// column whose items are published elsewhere.
type Column struct {
	ID         int64         `json:"id"`
	AgencyID   int64         `json:"agency_id"`
	Name       string        `json:"name"`
	Kind       ColumnKind    `json:"kind"`
	URL        string        `json:"url,omitempty"`
	LastUpdate *workday.Date `json:"last_update,omitempty"`
}

// columnFields name the fields of a column its edit form shows.
var columnFields = []string{"栏目名称", "类别", "网址", "最近更新日期"}

func (c Column) shown() []string {
	return []string{fingerprint.Text(c.Name), ColumnKindName(c.Kind), fingerprint.Text(c.URL), fingerprint.Date(c.LastUpdate)}
}

// Fingerprint identifies the column as its edit form shows it.
func (c Column) Fingerprint() string { return fingerprint.Of(c.shown()) }

// ColumnDiff names the fields in which b differs from a, a → b each.
func ColumnDiff(a, b Column) string { return fingerprint.Diff(columnFields, a.shown(), b.shown()) }

// Validate checks a column.
func (c *Column) Validate() error {
	c.Name, c.URL = strings.TrimSpace(c.Name), strings.TrimSpace(c.URL)
	var l errs.List
	if c.Name == "" {
		l.Add("name", "请填写栏目名称")
	} else if utf8.RuneCountInString(c.Name) > 60 {
		l.Add("name", "栏目名称太长，最多 60 字")
	}
	if ColumnKindName(c.Kind) == string(c.Kind) {
		l.Add("kind", "请选择栏目类型")
	}
	if len(c.URL) > 500 || c.URL != "" && !strings.HasPrefix(c.URL, "http://") && !strings.HasPrefix(c.URL, "https://") {
		l.Add("url", "栏目地址应以 http:// 或 https:// 开头")
	}
	return l.Err()
}

// ColumnStale says whether a column is past its update limit on today:
// dynamic columns after dynamicDays days, notice columns after
// noticeMonths months; fixed columns never. A column never updated is stale.
func ColumnStale(kind ColumnKind, last *workday.Date, today workday.Date, dynamicDays, noticeMonths int) bool {
	switch kind {
	case "dynamic":
		return last == nil || int(today-*last) > dynamicDays
	case "notice":
		if last == nil {
			return true
		}
		return addMonths(*last, noticeMonths) < today
	}
	return false
}

// ColumnTally is a website's columns counted against the census's 栏目
// veto items (law.md §5.3): columns past their update limit and blank
// columns, each a veto once it reaches the limit (5 in the census).
type ColumnTally struct {
	Columns int
	// Stale are columns updated once but past their limit since
	Stale int
	// Blank are columns with no update known at all: no item published in
	// them and no date entered. They count here and not among Stale, so
	// that one column is not counted twice.
	Blank int
}

// Count adds a column with its last update (nil: none known) and whether it
// is past its limit (ColumnStale).
func (t *ColumnTally) Count(last *workday.Date, stale bool) {
	t.Columns++
	switch {
	case last == nil:
		t.Blank++
	case stale:
		t.Stale++
	}
}

// Vetoes are the census's veto items the tally reaches with limit columns
// (0: none): what an inspection would fail the website for, in Chinese.
func (t ColumnTally) Vetoes(limit int) []string {
	if limit < 1 {
		return nil
	}
	var out []string
	if t.Stale >= limit {
		out = append(out, fmt.Sprintf("栏目不更新：超期未更新的栏目 %d 个，达到 %d 个", t.Stale, limit))
	}
	if t.Blank >= limit {
		out = append(out, fmt.Sprintf("空白栏目 %d 个，达到 %d 个", t.Blank, limit))
	}
	return out
}

// addMonths is the same day n months later, or the month's last day when it
// has no such day (6 months after 31 May is 30 November, not 1 December).
func addMonths(d workday.Date, n int) workday.Date {
	t := d.Time()
	first := time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return workday.NewDate(first.Year(), first.Month(), min(t.Day(), last))
}
