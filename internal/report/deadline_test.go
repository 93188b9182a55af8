package report

import (
	"testing"
	"time"
)

func TestSubmitBy(t *testing.T) {
	for level, want := range map[Level]string{"county_department": "2025-01-31", "township": "2025-01-31", "county": "2025-02-20",
		"city": "2025-03-10", "province": "2025-03-31", "vertical": "2025-03-31"} {
		if got, _ := SubmitBy(level, 2024, nil); got.Format("2006-01-02") != want {
			t.Errorf("%s: %s, want %s", level, got.Format("2006-01-02"), want)
		}
	}
	if got, why := SubmitBy("city_department", 2024, map[Level]string{"city_department": "01-26"}); got != time.Date(2025, 1, 26, 0, 0, 0, 0, time.UTC) || why != "本地规定" {
		t.Errorf("override: %v %s", got, why)
	}
}
