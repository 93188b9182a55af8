package report

import (
	"testing"

	"gongkai/internal/workday"
)

func TestSubmitBy(t *testing.T) {
	for level, want := range map[Level]string{"county_department": "2025-01-31", "township": "2025-01-31", "county": "2025-02-20",
		"city": "2025-03-10", "province": "2025-03-31", "vertical": "2025-03-31"} {
		if got, _ := SubmitBy(level, 2024, nil); got.String() != want {
			t.Errorf("%s: %s, want %s", level, got, want)
		}
	}
	if got, why := SubmitBy("city_department", 2024, map[Level]string{"city_department": "01-26"}); got != workday.MustDate("2025-01-26") || why != "本地规定" {
		t.Errorf("override: %v %s", got, why)
	}
}
