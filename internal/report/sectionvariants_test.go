package report_test

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

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

// On a page without line breaks, headings worded with none of the words a
// heading is looked for by (一、工作概况 run into the title's 年度报告, 六、其他,
// 三、政府信息公开申请办理情况, 三、本局数据) are found by their numbers between
// the headings that are: every section there, every table read as on the page
// with the template's headings. Before, 表三 went unread under such a 三 and
// 一/六 were said missing.
func TestPageHeadingsWorded(t *testing.T) {
	page := onelineCycling(t, truth())
	want := audit(t, "page.txt", []byte(page))
	for from, to := range map[string]string{
		"一、总体情况": "一、工作概况",
		"三、收到和处理政府信息公开申请情况": "三、政府信息公开申请办理情况",
		"五、存在的主要问题及改进情况":    "五、问题及改进",
		"六、其他需要报告的事项":       "六、其他",
	} {
		if !strings.Contains(page, from) {
			t.Fatalf("no %s in the page", from)
		}
		r := audit(t, "page.txt", []byte(strings.Replace(page, from, to, 1)))
		if d := cmp.Diff(tables(want), tables(r)); d != "" {
			t.Errorf("%s: tables (-want +got):\n%s", to, d)
		}
		if len(r.Sections) != 6 || slices.Contains(rules(r.Findings, report.SevError), "S.MISSING") {
			t.Errorf("%s: sections %v, findings %v", to, slices.Sorted(maps.Keys(r.Sections)), r.Findings)
		}
	}
	// a heading in words of its own: not found, but its table is read, and
	// it is not said missing
	r := audit(t, "page.txt", []byte(strings.Replace(page, "三、收到和处理政府信息公开申请情况", "三、本局数据", 1)))
	if d := cmp.Diff(tables(want), tables(r)); d != "" || slices.Contains(rules(r.Findings, report.SevError), "S.MISSING") {
		t.Errorf("三、本局数据: %v (-want +got):\n%s", r.Findings, d)
	}
}
