package web

import (
	"strings"
	"testing"

	"gongkai/internal/ops"
	"gongkai/internal/report"
)

func TestMonthChart(t *testing.T) {
	tr := &ops.Trend{Year: 2025}
	tr.Received[0][0], tr.Received[1][0], tr.Received[1][11] = 10, 12, 3
	svg := string(monthChart(tr, "收到申请", tr.Received))
	for _, want := range []string{"<svg", "2025年1月：12件", "2024年1月：10件", "2025年12月：3件", "2025年共 15 件，2024年共 10 件，比上年增加 50%", `aria-label="2025年与2024年各月收到申请件数"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("chart lacks %q", want)
		}
	}
	if niceMax(12) != 20 || niceMax(0) != 1 || niceMax(100) != 100 || niceMax(101) != 200 || niceMax(4900) != 5000 {
		t.Error("niceMax")
	}
}

func TestOutcomeChart(t *testing.T) {
	r := report.NewReport(report.Format2021)
	r.Year = 2025
	r.Zero()
	set := func(key string, n int64) {
		row := r.Applications[key]
		row[report.ColTotal] = report.N(n)
		r.Applications[key] = row
	}
	set("granted", 6)
	set("withheld.third_party", 2)
	set("withheld.state_secret", 1)
	set("unavailable.not_held", 1)
	svg := string(outcomeChart(r))
	for _, want := range []string{"予以公开 6 件（60.0%）", "不予公开 3 件（30.0%）", "无法提供 1 件（10.0%）", "共 10 件"} {
		if !strings.Contains(svg, want) {
			t.Errorf("chart lacks %q:\n%s", want, svg)
		}
	}
	if strings.Contains(svg, "部分公开") {
		t.Error("an empty outcome in the legend")
	}
	empty := report.NewReport(report.Format2021)
	empty.Zero()
	if !strings.Contains(string(outcomeChart(empty)), "没有办结的申请") {
		t.Error("empty year")
	}
}
