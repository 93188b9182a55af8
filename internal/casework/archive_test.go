package casework

import (
	"strings"
	"testing"

	"gongkai/internal/errs"
)

func TestArchiveNumber(t *testing.T) {
	for _, c := range []struct {
		pattern string
		year, n int
		want    string
	}{
		{ArchiveExample, 2026, 1, "Z109-WS·2026-D10-XXGK-0001"},
		{"{年}-{件号:3}", 2025, 12, "2025-012"},
		{"J012-{年}-Y-{件号:2}", 2026, 123, "J012-2026-Y-123"}, // wider than its digits: in full, never cut
		{NormArchivePattern(" 0012-WS·｛年｝-D30-BGS-｛件号：4｝ "), 2026, 7, "0012-WS·2026-D30-BGS-0007"},
	} {
		got, err := ArchiveNumber(c.pattern, c.year, c.n)
		if err != nil || got != c.want {
			t.Errorf("ArchiveNumber(%q, %d, %d) = %q, %v; want %q", c.pattern, c.year, c.n, got, err, c.want)
		}
	}
	for pattern, want := range map[string]string{
		"Z109-WS·2026-D10-{件号:4}":             "一个 {年}",
		"Z109-{年}-D10":                        "一个 {件号:N}",
		"{年}-{件号:4}-{件号:2}":                   "一个 {件号:N}",
		"{年}-{件号:0}":                          "件号位数应为 1 至 9",
		"{年}-{流水号:4}":                         "只能用 {年} 和 {件号:N}",
		"{年}-{件号:4":                           "没有对应的“}”",
		"{年}}-{件号:4}":                         "“}”没有对应的“{”",
		strings.Repeat("长", 55) + "{年}{件号:4}": "太长",
	} {
		err := CheckArchivePattern(pattern)
		var e *errs.Error
		if err == nil || !asError(err, &e) || e.Where != "archive_pattern" || !strings.Contains(e.Msg, want) {
			t.Errorf("CheckArchivePattern(%q) = %v, want %q at archive_pattern", pattern, err, want)
		}
	}
	if _, err := ArchiveNumber("", 2026, 1); err == nil || !strings.Contains(errs.Message(err), "尚未设定档号格式") {
		t.Errorf("no pattern: %v", err)
	}
}

func asError(err error, e **errs.Error) bool {
	x, ok := err.(*errs.Error)
	*e = x
	return ok
}
