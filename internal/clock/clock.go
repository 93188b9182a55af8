// Package clock is gongkai's one clock: the present instant and the civil date
// in the deployment's time zone (Asia/Shanghai unless configured otherwise),
// whatever zone the machine runs in. Every part of the program gets a Clock
// as a value; only main reads the wall clock.
package clock

import (
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // the zone database travels in the binary: servers without zoneinfo still know Asia/Shanghai

	"gongkai/internal/errs"
	"gongkai/internal/workday"
)

// DefaultZone is the zone of every deployment unless --tz / GONGKAI_TZ says otherwise.
const DefaultZone = "Asia/Shanghai"

// Clock tells the time in a zone. The zero value is not usable: a Clock is
// made by System (main) or At/Func (tests, demo data), so that a forgotten
// clock fails loudly instead of silently reading the machine's zone.
type Clock struct {
	loc *time.Location
	src func() time.Time
}

// Zone loads a zone by its IANA name ("" is DefaultZone).
func Zone(name string) (*time.Location, error) {
	if strings.TrimSpace(name) == "" {
		name = DefaultZone
	}
	loc, err := time.LoadLocation(strings.TrimSpace(name))
	if err != nil {
		return nil, errs.Wrap(errs.Invalid, err, "--tz", "时区“%s”不对：应为 IANA 时区名，如 Asia/Shanghai", name)
	}
	return loc, nil
}

// System is the wall clock shown in loc. Only main calls it.
func System(loc *time.Location) Clock { return Clock{loc: loc, src: time.Now} }

// Func is a clock whose instants come from f, shown in loc.
func Func(loc *time.Location, f func() time.Time) Clock { return Clock{loc: loc, src: f} }

// At is a clock stopped at t, shown in the default zone (tests, demo data).
func At(t time.Time) Clock {
	return Clock{loc: mustZone(DefaultZone), src: func() time.Time { return t }}
}

// AtIn is a clock stopped at t, shown in loc.
func AtIn(loc *time.Location, t time.Time) Clock {
	return Clock{loc: loc, src: func() time.Time { return t }}
}

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(fmt.Sprintf("embedded zone %s: %v", name, err))
	}
	return loc
}

// Shanghai is the default zone.
func Shanghai() *time.Location { return mustZone(DefaultZone) }

func (c Clock) check() {
	if c.src == nil || c.loc == nil {
		panic("clock: zero Clock used; pass clock.System or clock.At")
	}
}

// Now is the present instant in the deployment's zone.
func (c Clock) Now() time.Time {
	c.check()
	return c.src().In(c.loc)
}

// Today is the civil date of now in the deployment's zone.
func (c Clock) Today() workday.Date { return workday.FromTime(c.Now()) }

// Location is the deployment's zone.
func (c Clock) Location() *time.Location {
	c.check()
	return c.loc
}

// Valid reports whether the clock was set.
func (c Clock) Valid() bool { return c.src != nil && c.loc != nil }

// Local is t in the deployment's zone (stored times are UTC).
func (c Clock) Local(t time.Time) time.Time {
	c.check()
	return t.In(c.loc)
}

// Date is the civil date of t in the deployment's zone.
func (c Clock) Date(t time.Time) workday.Date { return workday.FromTime(c.Local(t)) }

// Format shows t as a person reads it: 2026-11-30 06:21, in the deployment's zone.
func (c Clock) Format(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return c.Local(t).Format("2006-01-02 15:04")
}

// Midnight is the first instant of civil date d in the deployment's zone.
func (c Clock) Midnight(d workday.Date) time.Time {
	c.check()
	t := d.Time()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, c.loc)
}
