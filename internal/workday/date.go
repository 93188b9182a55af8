// Package workday is the statutory clock: civil dates, and working days on the
// official holiday calendar with its 调休 make-up days.
//
// A working day is Monday–Friday that is not a rest day of the State Council's
// yearly 节假日安排 notice, plus the weekend days that notice marks 上班. Counting
// starts on the day after the starting date (民法典 Art. 201). A date in a year
// whose notice is not loaded is an error naming the missing notice; the
// calendar never falls back to plain weekends.
package workday

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gongkai/internal/errs"
	"gongkai/internal/guard"
)

// Date is a civil date (no time zone): days since 1970-01-01.
type Date int32

// NewDate returns the date y-m-d (normalised as time.Date does).
func NewDate(y int, m time.Month, d int) Date {
	return Date(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// FromTime returns the civil date of t in t's location.
func FromTime(t time.Time) Date { return NewDate(t.Date()) }

// ParseDate reads YYYY-MM-DD and refuses impossible dates such as 2025-02-30
// and 0000-01-01.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	t, err := time.Parse("2006-01-02", s)
	// there was no year 0 (1 BC is followed by AD 1): PostgreSQL refuses
	// 0000-01-01, which failed there with 500 where SQLite stored it
	if err != nil || t.Year() < 1 {
		return 0, errs.New("", "日期“%s”不对：应写成 YYYY-MM-DD，如 2025-03-05，且须是日历上存在的日期", s)
	}
	return FromTime(t), nil
}

// typedDate is a date as people type one: 2025-3-5, 2025/3/5, 2025.3.5,
// 2025年3月5日.
var typedDate = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$`)

// ParseTyped reads a date as people type it where no date picker helps (an
// old browser, or a browser in IE mode, shows a date field as a text box):
// YYYY-MM-DD and the forms of typedDate, in full-width digits too.
// ParseDate, which the API and data files use, takes only YYYY-MM-DD.
func ParseTyped(s string) (Date, error) {
	t := strings.Map(guard.HalfWidth, strings.TrimSpace(s))
	if m := typedDate.FindStringSubmatch(t); m != nil {
		if d, err := ParseDate(fmt.Sprintf("%s-%02s-%02s", m[1], m[2], m[3])); err == nil {
			return d, nil
		}
	}
	return 0, errs.New("", "日期“%s”不对：应写成 2025-03-05 或 2025年3月5日，且须是日历上存在的日期", strings.TrimSpace(s))
}

// MustDate parses a date known to be valid (tests, tables).
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// Year returns the calendar year.
func (d Date) Year() int { return d.Time().Year() }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return time.Weekday((int(d)%7 + 7 + 4) % 7) } // 1970-01-01 was a Thursday

// String is YYYY-MM-DD.
func (d Date) String() string { return d.Time().Format("2006-01-02") }

// Chinese is the date as letters write it: 2025年3月5日.
func (d Date) Chinese() string {
	t := d.Time()
	return strconv.Itoa(t.Year()) + "年" + strconv.Itoa(int(t.Month())) + "月" + strconv.Itoa(t.Day()) + "日"
}

// AddDays returns the date n calendar days later.
func (d Date) AddDays(n int) Date { return d + Date(n) }

var weekdayNames = [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

// WeekdayName is 星期一 …
func (d Date) WeekdayName() string { return weekdayNames[d.Weekday()] }

// MarshalText writes YYYY-MM-DD (JSON, YAML).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	x, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = x
	return nil
}

// GoString helps test failure messages.
func (d Date) GoString() string { return fmt.Sprintf("workday.MustDate(%q)", d.String()) }
