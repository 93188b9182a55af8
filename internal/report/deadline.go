package report

import (
	"fmt"
	"time"

	"gongkai/internal/workday"
)

// SubmitBy is the civil date by which an agency of level must submit and
// publish its report for year (条例 Art. 49; 国办公开办函〔2021〕30号, law.md
// §1.8): departments and townships by 31 January, the county 主管部门's
// aggregate by 20 February, the city's by 10 March, the province's and
// vertically managed systems' by 31 March. Local calendars are often earlier:
// overrides, keyed by level ("MM-DD"), win.
func SubmitBy(level Level, year int, overrides map[Level]string) (workday.Date, string) {
	if d, ok := overrides[level]; ok {
		if t, err := time.Parse("01-02", d); err == nil {
			return workday.NewDate(year+1, t.Month(), t.Day()), "本地规定"
		}
	}
	md := map[Level][2]int{
		"county_department": {1, 31}, "city_department": {1, 31}, "province_department": {1, 31}, "national_department": {1, 31},
		"township": {1, 31}, "county": {2, 20}, "city": {3, 10}, "province": {3, 31}, "vertical": {3, 31}, "aggregate": {3, 31},
	}[level]
	if md[0] == 0 {
		md = [2]int{1, 31}
	}
	why := "《条例》第四十九条"
	if level == "county" || level == "city" || level == "province" || level == "vertical" {
		why = "国办公开办函〔2021〕30号（汇总报告）"
	}
	return workday.NewDate(year+1, time.Month(md[0]), md[1]), why
}

// SubmitByText is SubmitBy as a sentence for a page.
func SubmitByText(level Level, year int) string {
	d, why := SubmitBy(level, year, nil)
	return fmt.Sprintf("%d年度报告应于%s前报送并公开（%s，%s）", year, d.Chinese(), LevelName(level), why)
}
