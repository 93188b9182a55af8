package report_test

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gongkai/internal/report"
)

// Section 三 headed as agencies also word it (政府信息公开申请办理情况 …) is
// found; one headed in words no keyword knows is not "missing" when its table
// is read (S.MISSING was an error on a report with every table right), and a
// section whose heading and table are both gone still is.
func TestSectionWithItsTableIsNotMissing(t *testing.T) {
	src := string(readFile(t, filepath.Join(auditDir, "tab-2021.txt")))
	const heading = "三、收到和处理政府信息公开申请情况"
	for _, h := range []string{"三、政府信息公开申请办理情况", "三、收到和办理政府信息公开申请情况", "三、政府信息公开申请情况"} {
		r := audit(t, "t.txt", []byte(strings.Replace(src, heading, h, 1)))
		if _, ok := r.Sections["3"]; !ok || len(rules(r.Findings, report.SevError, report.SevWarning)) > 0 {
			t.Errorf("%s: sections %v, findings %v", h, slices.Sorted(maps.Keys(r.Sections)), r.Findings)
		}
	}
	r := audit(t, "t.txt", []byte(strings.Replace(src, heading, "三、本局2024年数据", 1)))
	if slices.Contains(rules(r.Findings, report.SevError), "S.MISSING") || r.Applications["new"] != truth().Applications["new"] {
		t.Errorf("a section with its table read said missing: %v", r.Findings)
	}
	i, j := strings.Index(src, heading), strings.Index(src, "四、政府信息公开行政复议")
	r = audit(t, "t.txt", []byte(src[:i]+src[j:]))
	if !slices.Contains(rules(r.Findings, report.SevError), "S.MISSING") {
		t.Errorf("section 三 and 表三 gone, not said: %v", r.Findings)
	}
}
