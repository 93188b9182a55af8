package office

import (
	"strings"
	"testing"

	"gongkai/internal/workday"
)

// The 通报 counts each state, names the late and lists the reports with
// errors (only those whose checks count); with none of either it says 无.
func TestCircularDoc(t *testing.T) {
	text := func(d *Doc) string {
		var b strings.Builder
		for _, bl := range d.Blocks {
			b.WriteString(bl.Text + "\n")
			if bl.Table != nil {
				for _, r := range bl.Table.Rows {
					for _, c := range r {
						b.WriteString(c.Text + "|")
					}
					b.WriteString("\n")
				}
			}
		}
		return b.String()
	}
	c := Circular{Year: 2025, From: "某区人民政府办公室", Today: workday.MustDate("2026-02-10"), Rows: []CircularRow{
		{Agency: "甲局", Status: "已报送", Checked: true, Errors: 2, Warnings: 1},
		{Agency: "乙局", Status: "逾期未报", Late: true},
		{Agency: "丙局", Status: "已保存未报送", Checked: true},
		{Agency: "丁局", Status: "逾期未报", Late: true, Errors: 5}, // not checked: its errors are not counted
	}}
	got := text(CircularDoc(c))
	for _, want := range []string{"应报送单位 4 个，其中已报送 1 个，已保存未报送 1 个，逾期未报 2 个。", "截至2026年2月10日",
		"乙局、丁局。", "甲局|2|1|", "某区人民政府办公室"} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "丁局|5") {
		t.Errorf("an unchecked report's errors listed:\n%s", got)
	}
	c.Rows = c.Rows[2:3]
	if got := text(CircularDoc(c)); strings.Count(got, "无。") != 2 {
		t.Errorf("none late, none with errors:\n%s", got)
	}
}
