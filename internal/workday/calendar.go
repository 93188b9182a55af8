package workday

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"gongkai/internal/errs"
)

//go:embed data/holidays.csv
var embeddedDays []byte

//go:embed data/notices.csv
var embeddedNotices []byte

// Kind of a calendar entry.
type Kind string

const (
	Rest Kind = "rest" // a day off inside a holiday period (weekends included)
	Work Kind = "work" // a weekend day that is a working day (调休上班)
)

// Entry is one dated line of a holiday notice.
type Entry struct {
	Date    Date
	Kind    Kind
	Holiday string // 春节 …
	Year    int    // the notice year the entry belongs to
	Notice  string // 国办发明电〔2023〕7号
}

// Notice describes one year's 节假日安排 notice.
type Notice struct {
	Year      int
	Number    string // 国办发明电〔2023〕7号
	Published Date
	Source    string
	Note      string
	Overlay   string // non-empty for a local overlay: the jurisdiction's notice
}

// ErrNoNotice is returned (wrapped in *errs.Error) for a date in a year whose
// notice is not loaded.
var ErrNoNotice = errors.New("holiday notice missing")

// Calendar answers working-day questions for the years whose notices it has.
// It is immutable; build a new one to change it (Load, WithOverlay).
type Calendar struct {
	notices map[int]Notice
	entries map[Date]Entry
	overlay []string // names of overlays applied, in order

	// index over [lo, hi): rank[i] = working days in [lo, lo+i)
	lo, hi   Date
	working  []bool
	rank     []int32
	workdays []Date
	version  string
}

// Default returns the national calendar embedded in the binary (2019–2026).
func Default() *Calendar {
	c, err := Load(bytes.NewReader(embeddedDays), bytes.NewReader(embeddedNotices))
	if err != nil {
		panic("embedded holiday data: " + err.Error())
	}
	return c
}

// Load builds a calendar from a days CSV (date,kind,holiday,notice_year,notice)
// and a notices CSV (year,notice,published,source,note).
func Load(days, notices io.Reader) (*Calendar, error) {
	ns, err := readNotices(notices)
	if err != nil {
		return nil, err
	}
	es, err := ReadEntries("节假日数据", days)
	if err != nil {
		return nil, err
	}
	c := &Calendar{notices: map[int]Notice{}, entries: map[Date]Entry{}}
	for _, n := range ns {
		c.notices[n.Year] = n
	}
	for _, e := range es {
		if _, ok := c.notices[e.Year]; !ok {
			return nil, errs.New("节假日数据", "%s 属于 %d 年的通知，但没有该年通知的文号和发布日期", e.Date, e.Year)
		}
		c.entries[e.Date] = e
	}
	c.build()
	return c, nil
}

func readNotices(r io.Reader) ([]Notice, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		return nil, errs.Wrap(errs.Invalid, err, "通知列表", "无法读取 CSV")
	}
	var out []Notice
	for i, rec := range recs {
		if i == 0 && len(rec) > 0 && rec[0] == "year" {
			continue
		}
		if len(rec) < 3 {
			return nil, errs.New(fmt.Sprintf("通知列表第 %d 行", i+1), "应有 year,notice,published 等列")
		}
		y, err := strconv.Atoi(rec[0])
		if err != nil {
			return nil, errs.New(fmt.Sprintf("通知列表第 %d 行", i+1), "年份“%s”不是数字", rec[0])
		}
		pub, err := ParseDate(rec[2])
		if err != nil {
			return nil, errs.New(fmt.Sprintf("通知列表第 %d 行", i+1), "发布日期“%s”不对", rec[2])
		}
		n := Notice{Year: y, Number: rec[1], Published: pub}
		if len(rec) > 3 {
			n.Source = rec[3]
		}
		if len(rec) > 4 {
			n.Note = rec[4]
		}
		out = append(out, n)
	}
	return out, nil
}

// ReadEntries reads notice lines in the CSV form date,kind,holiday,notice_year,notice.
// Every bad line is an error with its line number; make-up working days must
// fall on a weekend (the notices only ever move weekend days to 上班).
func ReadEntries(name string, r io.Reader) ([]Entry, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	var out []Entry
	seen := map[Date]int{}
	for line := 1; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		where := fmt.Sprintf("%s 第 %d 行", name, line)
		if err != nil {
			return nil, errs.Wrap(errs.Invalid, err, where, "CSV 格式错误")
		}
		if line == 1 && len(rec) > 0 && rec[0] == "date" {
			continue
		}
		if len(rec) < 5 {
			return nil, errs.New(where, "应有 5 列：date,kind,holiday,notice_year,notice（如 2027-02-06,rest,春节,2027,国办发明电〔2026〕X号）")
		}
		d, err := ParseDate(rec[0])
		if err != nil {
			return nil, errs.New(where, "日期“%s”不对：应写成 YYYY-MM-DD", rec[0])
		}
		k := Kind(strings.TrimSpace(rec[1]))
		if k != Rest && k != Work {
			return nil, errs.New(where, "第 2 列应为 rest（放假）或 work（调休上班），不能是“%s”", rec[1])
		}
		if k == Work && d.Weekday() != time.Saturday && d.Weekday() != time.Sunday {
			return nil, errs.New(where, "%s 是%s，调休上班日应是星期六或星期日", d, d.WeekdayName())
		}
		y, err := strconv.Atoi(strings.TrimSpace(rec[3]))
		if err != nil || d.Year() < y-1 || d.Year() > y {
			return nil, errs.New(where, "通知年份“%s”与日期 %s 不符（日期应在该年或上一年年底）", rec[3], d)
		}
		if prev, dup := seen[d]; dup {
			return nil, errs.New(where, "%s 与第 %d 行重复", d, prev)
		}
		seen[d] = line
		out = append(out, Entry{Date: d, Kind: k, Holiday: strings.TrimSpace(rec[2]), Year: y, Notice: strings.TrimSpace(rec[4])})
	}
	return out, nil
}

// WithNotice returns a calendar with one more year's notice (or a replaced one).
// The entries must all belong to n.Year.
func (c *Calendar) WithNotice(n Notice, entries []Entry) (*Calendar, error) {
	if len(entries) == 0 {
		return nil, errs.New(fmt.Sprintf("%d 年通知", n.Year), "没有任何放假或调休日期")
	}
	for _, e := range entries {
		if e.Year != n.Year {
			return nil, errs.New(e.Date.String(), "属于 %d 年的通知，不是 %d 年", e.Year, n.Year)
		}
	}
	nc := c.clone()
	for d, e := range nc.entries {
		if e.Year == n.Year && n.Overlay == "" {
			delete(nc.entries, d)
		}
	}
	nc.notices[n.Year] = n
	for _, e := range entries {
		nc.entries[e.Date] = e
	}
	nc.build()
	return nc, nil
}

// WithOverlay returns a calendar where a jurisdiction's own notice (a province
// that extended a holiday) overrides the national entries on its dates. The
// year's national notice must already be loaded.
func (c *Calendar) WithOverlay(name string, entries []Entry) (*Calendar, error) {
	nc := c.clone()
	for _, e := range entries {
		if _, ok := nc.notices[e.Date.Year()]; !ok {
			return nil, errs.New(e.Date.String(), "缺少 %d 年的全国节假日安排通知，不能只加地方调整", e.Date.Year())
		}
		nc.entries[e.Date] = e
	}
	nc.overlay = append(nc.overlay, name)
	nc.build()
	return nc, nil
}

func (c *Calendar) clone() *Calendar {
	nc := &Calendar{notices: map[int]Notice{}, entries: map[Date]Entry{}, overlay: append([]string(nil), c.overlay...)}
	for k, v := range c.notices {
		nc.notices[k] = v
	}
	for k, v := range c.entries {
		nc.entries[k] = v
	}
	return nc
}

// build indexes the covered range so that Add and Between are O(1).
func (c *Calendar) build() {
	years := c.Years()
	h := sha256.New()
	if len(years) == 0 {
		c.lo, c.hi = 0, 0
		c.working, c.rank, c.workdays = nil, nil, nil
		c.version = ""
		return
	}
	c.lo = NewDate(years[0], 1, 1)
	c.hi = NewDate(years[len(years)-1]+1, 1, 1)
	n := int(c.hi - c.lo)
	c.working = make([]bool, n)
	c.rank = make([]int32, n+1)
	c.workdays = c.workdays[:0]
	for i := 0; i < n; i++ {
		d := c.lo + Date(i)
		w := d.Weekday() != time.Saturday && d.Weekday() != time.Sunday
		if e, ok := c.entries[d]; ok {
			w = e.Kind == Work
			fmt.Fprintf(h, "%s%s", d, e.Kind)
		}
		c.working[i] = w
		c.rank[i+1] = c.rank[i]
		if w {
			c.rank[i+1]++
			c.workdays = append(c.workdays, d)
		}
	}
	for _, y := range years {
		fmt.Fprintf(h, "|%d", y)
	}
	c.version = hex.EncodeToString(h.Sum(nil))[:12]
}

// Years lists the years whose notice is loaded, ascending.
func (c *Calendar) Years() []int {
	var ys []int
	for y := range c.notices {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

// Notice returns the notice of a year.
func (c *Calendar) Notice(year int) (Notice, bool) { n, ok := c.notices[year]; return n, ok }

// Entry returns the notice entry of a date, if any.
func (c *Calendar) Entry(d Date) (Entry, bool) { e, ok := c.entries[d]; return e, ok }

// Version identifies the calendar's content: a deadline records it, and a
// deadline computed on another version may have moved.
func (c *Calendar) Version() string { return c.version }

// Overlays lists the local overlays applied.
func (c *Calendar) Overlays() []string { return c.overlay }

func (c *Calendar) missing(d Date) error {
	y := d.Year()
	return &errs.Error{Kind: errs.Conflict, Where: d.String(), Cause: ErrNoNotice,
		Msg: fmt.Sprintf("缺少 %d 年的节假日安排（《国务院办公厅关于%d年部分节假日安排的通知》），无法计算工作日：请管理员导入该年通知后再计算", y, y)}
}

func (c *Calendar) covered(d Date) bool {
	if d < c.lo || d >= c.hi {
		return false
	}
	_, ok := c.notices[d.Year()]
	return ok
}

// IsWorkday reports whether d is a working day.
func (c *Calendar) IsWorkday(d Date) (bool, error) {
	if !c.covered(d) {
		return false, c.missing(d)
	}
	return c.working[d-c.lo], nil
}

// Add returns the n-th working day after from (counting starts the day after;
// n ≥ 1). n = 0 returns from itself.
func (c *Calendar) Add(from Date, n int) (Date, error) {
	if n < 0 {
		return 0, errs.New("days", "工作日数不能为负数")
	}
	if !c.covered(from) {
		return 0, c.missing(from)
	}
	if n == 0 {
		return from, nil
	}
	k := int(c.rank[from-c.lo+1]) + n - 1 // index into workdays
	if k >= len(c.workdays) {
		return 0, c.missing(c.hi)
	}
	d := c.workdays[k]
	if !c.covered(d) { // a gap year inside the range
		return 0, c.missing(firstGap(c, from, d))
	}
	return d, nil
}

func firstGap(c *Calendar, a, b Date) Date {
	for y := a.Year(); y <= b.Year(); y++ {
		if _, ok := c.notices[y]; !ok {
			return NewDate(y, 1, 1)
		}
	}
	return b
}

// Between counts the working days in (a, b]: Add(a, Between(a, b)) ≤ b.
// It is negative when b is before a.
func (c *Calendar) Between(a, b Date) (int, error) {
	if b < a {
		n, err := c.Between(b, a)
		return -n, err
	}
	for _, d := range []Date{a, b} {
		if !c.covered(d) {
			return 0, c.missing(d)
		}
	}
	if y := firstGap(c, a, b); y != b {
		return 0, c.missing(y)
	}
	return int(c.rank[b-c.lo+1] - c.rank[a-c.lo+1]), nil
}

// NextWorkday returns the first working day on or after d.
func (c *Calendar) NextWorkday(d Date) (Date, error) {
	for {
		w, err := c.IsWorkday(d)
		if err != nil {
			return 0, err
		}
		if w {
			return d, nil
		}
		d++
	}
}
