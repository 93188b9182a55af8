package clock_test

import (
	"testing"
	"time"

	"gongkai/internal/clock"
	"gongkai/internal/workday"
)

// The civil date is Beijing's whatever the machine's zone: 23:30 UTC on
// 29 November is already 30 November in Beijing.
func TestTodayIsBeijings(t *testing.T) {
	for _, machine := range []string{"UTC", "America/New_York", "Asia/Shanghai"} {
		loc, err := time.LoadLocation(machine)
		if err != nil {
			t.Fatal(err)
		}
		saved := time.Local
		time.Local = loc
		c := clock.At(time.Date(2026, 11, 29, 23, 30, 0, 0, time.UTC))
		if got := c.Today(); got != workday.MustDate("2026-11-30") {
			t.Errorf("machine in %s: today %s", machine, got)
		}
		if got := c.Format(time.Date(2026, 11, 29, 22, 21, 0, 0, time.UTC)); got != "2026-11-30 06:21" {
			t.Errorf("machine in %s: shown %s", machine, got)
		}
		time.Local = saved
	}
}

func TestZone(t *testing.T) {
	if loc, err := clock.Zone(""); err != nil || loc.String() != "Asia/Shanghai" {
		t.Errorf("default zone: %v %v", loc, err)
	}
	if loc, err := clock.Zone("Asia/Urumqi"); err != nil || loc.String() != "Asia/Urumqi" {
		t.Errorf("another zone: %v %v", loc, err)
	}
	if _, err := clock.Zone("Mars/Olympus"); err == nil {
		t.Error("an unknown zone accepted")
	}
	c := clock.AtIn(clock.Shanghai(), time.Date(2026, 3, 2, 16, 0, 0, 0, time.UTC))
	if m := c.Midnight(c.Today()); m.Format(time.RFC3339) != "2026-03-03T00:00:00+08:00" {
		t.Errorf("midnight %s", m)
	}
}

func TestZeroClockFailsLoudly(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("a zero clock told the time")
		}
	}()
	var c clock.Clock
	c.Now()
}
