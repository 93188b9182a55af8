package report

import "testing"

// A line without a character that ends an item number has no row joint:
// wrappedPage passes it over on that word (itemEndIn), so rowJoints must
// find none there, on every line of the fixtures and on every short string
// of the characters joints are made of.
func TestNoJointWithoutItemEnd(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if itemEndIn(s) {
			return
		}
		for _, labels := range []bool{false, true} {
			if n := rowJoints(s, labels); n != 0 {
				t.Fatalf("rowJoints(%q, %v) = %d, but itemEndIn says no item number ends there", s, labels, n)
			}
		}
	}
	lines := 0
	fixtureLines(t, func(_ string, l Line) {
		check(l.Text)
		lines++
	})
	if lines < 10000 {
		t.Fatalf("only %d lines read from the fixtures", lines)
	}
	eachString([]string{"4", "0", " ", "—", "/", "无", "数", "量", "二", "（", "三", "）", "、", ".", "．", "("}, 5, check)
	// and the joints themselves are found (so that the above can fail)
	for _, s := range []string{"…数量640020470 二、上年结转", "申请数量3100004三、本年度办理结果", "— —4.保护第三方", "国家秘密——————— 2.其他", "申请数量二、上年结转"} {
		if rowJoints(s, true) == 0 || !itemEndIn(s) {
			t.Errorf("rowJoints(%q) found no joint, or itemEndIn none", s)
		}
	}
}
