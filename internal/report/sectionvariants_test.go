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

// A section heading with a character misread or lost, none of its
// keywords left whole (an OCR's 三、收到和总理政府息息公开申请情况), is its
// section, said (PARSE.READ): its numeral and a 、 then the template's words
// within a quarter, between the headings before and after it. The numeral
// may be misread too between two headings read (布、主部公开…), or before the
// first and after the last with the words exact (请、总体情况, 他、其他需要报告
// 的事项). Before, each was S.MISSING (with four of the six misread, the
// report had no section at all). A
// heading taken out is still missing: no other line stands in for it.
func TestMisreadHeadingsAreTheirSections(t *testing.T) {
	misread := strings.NewReplacer(
		"一、总体情况", "请、总体情况",
		"二、主动公开政府信息情况", "布、主部公开政府信息情况",
		"三、收到和处理政府信息公开申请情况", "三、收到和总理政府息息公开申请情况",
		"四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复仪、行政诉松情况",
		"五、存在的主要问题及改进情况", "五、存在的主耍问題及改进倩况",
		"六、其他需要报告的事项", "他、其他需要报告的事项",
	)
	layouts := []struct {
		name string
		make func(testing.TB, *report.Report) string
	}{{"tab", textOf}, {"layout", layoutText}, {"markdown", markdownText}, {"page", pageHTML}, {"cell-per-line", cellPerLine}, {"csv", csvText}}
	for _, l := range layouts {
		for i := range 6 {
			truth := generated(i)
			clean := l.make(t, truth)
			src := misread.Replace(clean)
			if src == clean {
				t.Fatalf("%s: no heading to misread", l.name)
			}
			name := "r.txt"
			switch l.name {
			case "page":
				name = "r.html"
			case "csv":
				name = "r.csv"
			}
			r := audit(t, name, []byte(src))
			said := map[string]bool{}
			for _, f := range r.Findings {
				if f.Rule == "S.MISSING" || f.Severity == report.SevError {
					t.Errorf("%s report %d: %s %s", l.name, i, f.Rule, f.Message)
				}
				if f.Rule == "PARSE.READ" && strings.HasPrefix(f.Cell, "sections.") {
					said[f.Cell] = true
				}
			}
			// (section 四 may be found by its table's header instead)
			if !said["sections.1"] || !said["sections.2"] || !said["sections.3"] || !said["sections.5"] || !said["sections.6"] {
				t.Errorf("%s report %d: misread headings said for %v, want 1, 2, 3, 5 and 6", l.name, i, said)
			}
			eachCount(truth, r, func(got, want report.Cell, prefix, cname string) {
				if got.String() != want.String() {
					t.Errorf("%s report %d: %s read %q, want %q", l.name, i, cname, got, want)
				}
			})
		}
	}
	// section 五's heading taken out (it has no table to be found by):
	// still missing
	src := strings.Replace(textOf(t, generated(0)), "五、存在的主要问题及改进情况\n", "", 1)
	r := audit(t, "r.txt", []byte(src))
	if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool { return f.Rule == "S.MISSING" && f.Cell == "sections.5" }) {
		t.Errorf("a heading taken out is not missing: %v", r.Findings)
	}
}

// A contents list with an entry misread past being a heading (本、存在的主要
// 问题及改进情况……5) is still one list: an entry is words, a leader and a
// page number. Before, the list was cut at that entry, its 六 read as the
// first report's last section and the report after it as a second report
// (PARSE.MANY), every section of the first missing.
func TestContentsWithAnEntryMisread(t *testing.T) {
	for i := range 6 {
		truth := generated(i)
		src := contentsLayout(t, truth)
		entry := "五、存在的主要问题及改进情况……"
		if !strings.Contains(src, entry) {
			t.Fatal("no contents entry of section 五")
		}
		r := audit(t, "r.txt", []byte(strings.Replace(src, entry, "本、存在的主要问题及改进情况……", 1)))
		for _, f := range r.Findings {
			if f.Rule == "PARSE.MANY" || f.Rule == "S.MISSING" {
				t.Errorf("report %d: %s %s", i, f.Rule, f.Message)
			}
		}
		eachCount(truth, r, func(got, want report.Cell, prefix, cname string) {
			if got.String() != want.String() {
				t.Errorf("report %d: %s read %q, want %q", i, cname, got, want)
			}
		})
	}
}

// 表四 attached after the report (附表3) is known by its header's 行政复议
// with a piece of 行政诉讼 misread (行政诉依, 用政诉讼: an OCR). Before, it
// was not found, and section 四 said to have no table (S.MISSING).
func TestAttachedT4HeaderMisread(t *testing.T) {
	for _, misread := range []string{"行政诉依", "用政诉讼"} {
		for i := range 6 {
			truth := generated(i)
			src := attachedText(t, truth)
			at := strings.LastIndex(src, "附表3")
			k := strings.Index(src[max(at, 0):], "行政诉讼")
			if at < 0 || k < 0 {
				t.Fatal("no attached 表四 header")
			}
			src = src[:at+k] + misread + src[at+k+len("行政诉讼"):]
			r := audit(t, "r.txt", []byte(src))
			for _, f := range r.Findings {
				if f.Severity == report.SevError {
					t.Errorf("%s report %d: %s %s", misread, i, f.Rule, f.Message)
				}
			}
			if r.Appeals != truth.Appeals {
				t.Errorf("%s report %d: 表四 read %v, want %v", misread, i, r.Appeals, truth.Appeals)
			}
		}
	}
}

// In a page without line breaks, a heading whose numeral is misread (行、主动
// 公开政府信息情况) with its words whole is its section, between the headings
// found, and said; a 、 inside a sentence before the same words is not one.
// Before, section 二 and 表二 were missing.
func TestFlatHeadingWithItsNumeralMisread(t *testing.T) {
	for _, l := range []struct {
		name string
		make func(testing.TB, *report.Report) string
	}{{"oneline", onelineCycling}, {"wrapped-page", wrappedPageText}} {
		for i := range 6 {
			truth := generated(i)
			src := l.make(t, truth)
			if !strings.Contains(src, "二、主动公开政府信息情况") {
				t.Fatalf("%s: no heading 二", l.name)
			}
			r := audit(t, "r.txt", []byte(strings.Replace(src, "二、主动公开政府信息情况", "行、主动公开政府信息情况", 1)))
			for _, f := range r.Findings {
				if f.Rule == "S.MISSING" {
					t.Errorf("%s report %d: %s", l.name, i, f.Message)
				}
			}
			if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool { return f.Rule == "PARSE.READ" && f.Cell == "sections.2" }) {
				t.Errorf("%s report %d: the misread numeral not said", l.name, i)
			}
		}
	}
	// a sentence's 、 before the words, section 二's heading gone: no
	// heading is read there (its table is found by its header)
	src := onelineCycling(t, generated(0))
	src = strings.Replace(src, "二、主动公开政府信息情况", "", 1)
	src = strings.Replace(src, "一、总体情况", "一、总体情况本机关统一部署、主动公开政府信息情况良好。", 1)
	r := audit(t, "r.txt", []byte(src))
	if slices.ContainsFunc(r.Findings, func(f report.Finding) bool { return f.Rule == "PARSE.READ" && f.Cell == "sections.2" }) {
		t.Errorf("a sentence taken for section 二's heading: %v", r.Findings)
	}
}

// Characters lost (an OCR's, overlapping glyphs'): a heading's numeral
// before its 、 (、主动公开政府信息情况), a middle character of a
// four-character 表二 label (行许可, 行处罚), the 议 of 表四's attached
// header (行政复). Each is still read, and the heading and labels said.
// Before, section 二, those 表二 rows and the attached 表四 were missing.
func TestLostCharacters(t *testing.T) {
	lose := strings.NewReplacer(
		"\n二、主动公开政府信息情况\n", "\n、主动公开政府信息情况\n",
		"\n行政许可\t", "\n行许可\t",
		"\n行政处罚\t", "\n行处罚\t",
		"\n行政复议\t", "\n行政复\t",
	)
	for i := range 6 {
		truth := generated(i)
		src := attachedText(t, truth)
		damaged := lose.Replace(src)
		if strings.Count(src, "\n")-strings.Count(damaged, "\n") != 0 || damaged == src {
			t.Fatal("nothing lost")
		}
		for _, w := range []string{"\n、主动公开", "\n行许可\t", "\n行处罚\t", "\n行政复\t"} {
			if !strings.Contains(damaged, w) {
				t.Fatalf("report %d: %q not made", i, w)
			}
		}
		r := audit(t, "r.txt", []byte(damaged))
		for _, f := range r.Findings {
			if f.Severity == report.SevError {
				t.Errorf("report %d: %s %s", i, f.Rule, f.Message)
			}
		}
		said := map[string]bool{}
		for _, f := range r.Findings {
			if f.Rule == "PARSE.READ" {
				said[f.Cell] = true
			}
		}
		for _, c := range []string{"sections.2", "proactive.licensing", "proactive.penalty"} {
			if !said[c] {
				t.Errorf("report %d: %s not said", i, c)
			}
		}
		eachCount(truth, r, func(got, want report.Cell, prefix, cname string) {
			if got.String() != want.String() {
				t.Errorf("report %d: %s read %q, want %q", i, cname, got, want)
			}
		})
	}
}

// An OCR reads a heading's 、 as another mark (` ' ,): with the template's
// words after it, between the headings found, it is the section's heading,
// said. Before, 一、总体情况 and 五、 and 六、 (whose keywords need the 、) were
// missing.
func TestHeadingMarkMisread(t *testing.T) {
	for _, mark := range []string{"`", "'"} {
		misread := headingMarks(mark)
		for _, l := range []struct {
			name string
			make func(testing.TB, *report.Report) string
		}{{"tab", textOf}, {"layout", layoutText}, {"markdown", markdownText}, {"page", pageHTML}} {
			for i := range 4 {
				truth := generated(i)
				src := l.make(t, truth)
				damaged := misread(src)
				if damaged == src {
					t.Fatalf("%s: no heading to misread", l.name)
				}
				name := "r.txt"
				if l.name == "page" {
					name = "r.html"
				}
				r := audit(t, name, []byte(damaged))
				for _, f := range r.Findings {
					if f.Rule == "S.MISSING" {
						t.Errorf("%s %q report %d: %s", l.name, mark, i, f.Message)
					}
				}
			}
		}
	}
}
