package report_test

import (
	"path/filepath"
	"strings"
	"testing"

	"gongkai/internal/report"
	"gongkai/internal/testdoc"
)

// allocated is the heap the reader and the checks allocate for text.
func allocated(t *testing.T, text string) uint64 {
	t.Helper()
	return testdoc.Allocated(func() {
		r, err := report.Read("x.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		report.Check(r, nil)
	})
}

// allocatedAll is allocated for every report of text (ReadAll), and how
// many there were.
func allocatedAll(t *testing.T, text string) (uint64, int) {
	t.Helper()
	n := 0
	a := testdoc.Allocated(func() {
		rs, err := report.ReadAll("x.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			report.Check(r, nil)
		}
		n = len(rs)
	})
	return a, n
}

// A compilation of many reports is read whole in linear work: each report's
// lines are read once, not the rest of the file again for each.
func TestCompilationIsLinear(t *testing.T) {
	seed := string(readFile(t, seedPath))
	a, n := allocatedAll(t, strings.Repeat(seed+"\n", 10))
	b, m := allocatedAll(t, strings.Repeat(seed+"\n", 40))
	if n != 10 || m != 40 {
		t.Fatalf("%d and %d reports read, want 10 and 40", n, m)
	}
	if ratio := float64(b) / float64(a); ratio > 6 {
		t.Errorf("4× the reports allocates %.1f× the memory (%d → %d bytes): something is quadratic", ratio, a, b)
	}
}

// Finding 6 of the hardening review: the checks were quadratic (a finding's
// context copied the whole text before it), so a 1 MB report took 45 s.
// Work is measured as memory allocated, which does not depend on the
// machine's speed: four times the text must cost about four times as much,
// where quadratic code costs sixteen.
func TestChecksAreLinear(t *testing.T) {
	seed := string(readFile(t, seedPath))
	for name, c := range map[string]struct{ head, unit string }{
		"seed repeated":    {"", seed},
		"spaced hanzi":     {"一、总体情况\n", strings.Repeat("公 开", 2000) + "\n"},
		"english in hanzi": {"一、总体情况\n", strings.Repeat("公开 and 信息\n", 500)},
	} {
		body := strings.Repeat(c.unit, max(1, (64<<10)/len(c.unit)))
		small, big := c.head+body, c.head+strings.Repeat(body, 4)
		a, b := allocated(t, small), allocated(t, big)
		if ratio := float64(b) / float64(a); ratio > 7 {
			t.Errorf("%s: 4× the text allocates %.1f× the memory (%d → %d bytes): something is quadratic", name, ratio, a, b)
		}
	}
}

// A text with 30 000 stray spaces gets at most 50 findings of the rule and
// one that counts the rest. (Thirty thousand lines of a section are read,
// 210 KB; a section is read up to 256 KB.)
func TestFindingsPerRuleCapped(t *testing.T) {
	r, err := report.Read("x.txt", []byte("一、总体情况\n"+strings.Repeat("公 开\n", 30000)))
	if err != nil {
		t.Fatal(err)
	}
	n, rest := 0, ""
	for _, f := range report.Check(r, nil) {
		if f.Rule == "TXT.SPACE" {
			n++
			rest = f.Message
		}
	}
	if n != 51 || !strings.Contains(rest, "另有 29950 处") {
		t.Errorf("%d TXT.SPACE findings, last %q", n, rest)
	}
}

// A tab row a field short whose one number is enormous (hostile input):
// the test for cells run together tries each split of a number, and must
// not do so for a number no two counts make. Four times the digits cost
// about four times the memory.
func TestHugeNumberInAShortRow(t *testing.T) {
	page := string(readFile(t, filepath.Join(auditDir, "tab-2021.txt")))
	row := "一、本年新收政府信息公开申请数量\t\t\t64\t0\t0\t2\t0\t4\t70"
	if !strings.Contains(page, row) {
		t.Fatalf("tab-2021.txt has no row %q", row)
	}
	text := func(digits int) string {
		return strings.Replace(page, row, "一、本年新收政府信息公开申请数量\t\t\t"+strings.Repeat("9", digits)+"\t0\t2\t0\t4\t70", 1)
	}
	a, b := allocated(t, text(5000)), allocated(t, text(20000))
	if ratio := float64(b) / float64(a); ratio > 7 {
		t.Errorf("4× the digits allocates %.1f× the memory (%d → %d bytes): something is quadratic", ratio, a, b)
	}
}
