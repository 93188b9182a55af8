package report_test

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"gongkai/internal/report"
)

// The reader over many generated reports in every layout the fixtures
// imitate, not over the one report the fixtures show: every 表三/表四 cell
// read is right (a wrong cell is worse than an unread one), at least 99.5 %
// are read, and a clean report gets no error finding. This is the held-out
// measure of issue 12 done on reports we generate, as the real ones are not
// in the repository. Busy agencies are the generated reports multiplied
// (counts of three and four digits).
func TestReadingAccuracyOverGeneratedReports(t *testing.T) {
	readingAccuracy(t, []int64{1, 7, 13, 123}, 0.995)
}

// Multiples of 37 and 101 glue into digit strings that split more than one
// way with every identity holding (0 101 0 0 101 reads as 0 1 0 100 101 too):
// such cells are left unread and said to be ambiguous, never guessed.
func TestAmbiguousDigitsAreNeverGuessed(t *testing.T) {
	readingAccuracy(t, []int64{37, 101}, 0)
}

// printedByBrowser is layoutText as a browser prints a page to PDF, through
// pdftotext -layout: every 23 lines a page ends with the page's address and
// number and the next starts with the date, the time and the page's title —
// wherever that falls, between a wrapped label's lines too.
func printedByBrowser(t testing.TB, r *report.Report) string {
	lines := strings.Split(layoutText(t, r), "\n")
	var b strings.Builder
	page := 1
	for i, l := range lines {
		if i > 0 && i%23 == 0 {
			page++
			fmt.Fprintf(&b, "\nfile:///C:/Users/a/Desktop/report.html                                   %d/9\n\f11/30/26, 7:42 PM                 政府信息公开\n\n", page-1)
		}
		b.WriteString(l + "\n")
	}
	return b.String()
}

// wordedHeadings and otherWording word the section headings as some
// agencies do.
var (
	wordedHeadings = strings.NewReplacer("一、总体情况", "一、基本情况", "三、收到和处理政府信息公开申请情况", "三、政府信息公开申请办理情况",
		"四、政府信息公开行政复议、行政诉讼情况", "四、行政复议和行政诉讼情况", "五、存在的主要问题及改进情况", "五、问题及改进", "六、其他需要报告的事项", "六、其他事项")
	otherWording = strings.NewReplacer("一、总体情况", "一、工作概况", "三、收到和处理政府信息公开申请情况", "三、政府信息公开申请办理情况",
		"五、存在的主要问题及改进情况", "五、下一步工作计划", "六、其他需要报告的事项", "六、其他")
)

// layout is a way a report is found online, made from a generated report.
type layout struct {
	name string
	ext  string
	make func(testing.TB, *report.Report) string
}

// allLayouts are every layout the reader is measured on.
func allLayouts() []layout {
	layouts := []layout{
		{"tab", ".txt", textOf}, {"layout", ".txt", layoutText}, {"page", ".html", pageHTML}, {"markdown", ".md", markdownText},
		{"ocr", ".md", ocrText}, {"damaged", ".txt", damagedText}, {"oneline", ".txt", onelineCycling}, {"flat", ".txt", flatText},
		{"markdown-br", ".md", brMarkdown}, {"markdown-quoted", ".md", quotedMarkdown}, {"markdown-html", ".md", htmlTableMarkdown},
		{"cell-per-line", ".txt", cellPerLine}, {"spaced", ".txt", spacedOut},
		{"markdown-bare", ".md", bareMarkdown}, {"cell-per-line-wrapped", ".txt", cellPerLineWrapped},
		{"word", ".html", wordHTML}, {"word-gbk", ".htm", wordGBK}, {"pdf2html", ".html", pdfHTML}, {"div-table", ".html", divTables}, {"grid", ".txt", gridText}, {"grid-narrow", ".txt", gridNarrow}, {"grid-centered", ".txt", gridCentered}, {"docx", ".docx", docxString},
		{"contents", ".txt", contentsLayout}, {"contents-oneline", ".txt", contentsOneline}, {"numbered", ".txt", numberedText}, {"numbered-oneline", ".txt", numberedOneline},
		{"parts", ".txt", partsText}, {"csv", ".csv", csvText}, {"tab-stripped", ".txt", strippedTab}, {"vertical-t4", ".txt", vertical4},
		{"arabic", ".txt", arabicText}, {"roman", ".txt", romanText}, {"oneline-roman", ".txt", romanOneline},
		{"tab-worded-headings", ".txt", func(t testing.TB, r *report.Report) string { return otherWording.Replace(textOf(t, r)) }},
		{"page-worded-headings", ".html", func(t testing.TB, r *report.Report) string { return wordedHeadings.Replace(pageHTML(t, r)) }},
		{"markdown-worded-headings", ".md", func(t testing.TB, r *report.Report) string { return wordedHeadings.Replace(markdownText(t, r)) }},
		{"oneline-worded-headings", ".txt", func(t testing.TB, r *report.Report) string { return otherWording.Replace(onelineCycling(t, r)) }},
		{"layout-printed", ".txt", printedByBrowser}, {"wrapped-page", ".txt", wrappedPageText}, {"unwrapped-page", ".txt", unwrappedPageText},
		{"oneline-folded", ".txt", foldedOneline}, {"oneline-folded-blanks", ".txt", foldedWithBlanks}, {"edge-tabs", ".txt", edgeTabs}, {"wide-spaces", ".txt", wideSpaced}, {"oneline-edge-tabs", ".txt", onelineEdgeTabs}, {"oneline-printed", ".txt", printedOneline}, {"attached", ".txt", attachedText}, {"qita", ".txt", qitaText},
		{"flat-thousands", ".txt", func(t testing.TB, r *report.Report) string { return thousandsText(t, r, false) }},
		{"oneline-thousands", ".txt", func(t testing.TB, r *report.Report) string { return thousandsText(t, r, true) }},
		{"flat-units", ".txt", func(t testing.TB, r *report.Report) string { return unitsText(t, r, false) }},
		{"oneline-units", ".txt", func(t testing.TB, r *report.Report) string { return unitsText(t, r, true) }},
		{"layout-radicals", ".txt", func(t testing.TB, r *report.Report) string { return asRadicals(layoutText(t, r)) }},
	}
	for _, name := range slices.Sorted(maps.Keys(splitT4Layouts)) {
		layouts = append(layouts, layout{name, splitT4Ext(name), splitT4Layouts[name]})
	}
	return layouts
}

func readingAccuracy(t *testing.T, multiples []int64, minRead float64) {
	measureLayouts(t, allLayouts(), multiples, minRead)
}

// measureLayouts reads reports generated in each layout against the truth.
func measureLayouts(t *testing.T, layouts []layout, multiples []int64, minRead float64) {
	n := 60
	if testing.Short() {
		n = 15
	}
	for _, l := range layouts {
		t.Run(l.name, func(t *testing.T) {
			cells, read, wrong, t2cells, t2read := 0, 0, 0, 0, 0
			for i := range n {
				truth := report.Generate(rand.New(rand.NewPCG(uint64(i), 77)), fmt.Sprintf("示例第%d局", i), 2019+i%7) // both formats
				// a busy agency: the tables' identities are sums, so a multiple
				// of a consistent report is consistent (its narrative is not)
				k := multiples[i%len(multiples)]
				scale(truth, k)
				r, err := report.Read("r"+l.ext, []byte(l.make(t, truth)))
				if err != nil {
					t.Fatalf("report %d: %v", i, err)
				}
				report.Check(r, nil)
				for _, row := range truth.Format.T3Rows() {
					for c, want := range truth.Applications[row.Key] {
						cells++
						got := r.Applications[row.Key][c]
						switch {
						case got.Blank():
							said(t, r, "applications."+row.Key, i)
						case got.String() == want.String():
							read++
						default:
							wrong++
							if wrong <= 5 {
								t.Errorf("report %d %s[%d] = %s, want %s", i, row.Key, c, got, want)
							}
						}
					}
				}
				for b := range truth.Appeals {
					for c, want := range truth.Appeals[b] {
						cells++
						got := r.Appeals[b][c]
						switch {
						case got.Blank():
							said(t, r, "appeals", i)
						case got.String() == want.String():
							read++
						default:
							wrong++
							if wrong <= 5 {
								t.Errorf("report %d 表四 %d/%d = %s, want %s", i, b, c, got, want)
							}
						}
					}
				}
				// 表二 (counts and amounts): right or said, never wrong; its
				// glued digits have no sums to split them by, so it is not
				// in the read rate
				for _, it := range truth.Format.T2Items() {
					for k, c := range it.Cells {
						want, got := t2CellString(truth, it, k), t2CellString(r, it, k)
						switch {
						case got == want:
							t2read++
						case got == "":
							said(t, r, report.T2Prefix(truth.Format)+it.Key, i)
						default:
							wrong++
							t.Errorf("report %d 表二 %s.%s = %s, want %s", i, it.Key, c, got, want)
						}
						t2cells++
					}
				}
				for _, f := range r.Findings {
					if k == 1 && f.Rule == "N.TABLE" {
						t.Errorf("report %d: N.TABLE on a clean report: %s", i, f.Message)
					}
					if f.Severity == report.SevError && !(k > 1 && strings.HasPrefix(f.Rule, "N.")) {
						t.Errorf("report %d: an error on a clean report: %s %s %s", i, f.Rule, f.Cell, f.Message)
					}
				}
			}
			rate := float64(read) / float64(cells)
			t.Logf("%s: %d of %d cells read (%.2f %%), %d wrong; 表二 %d of %d", l.name, read, cells, 100*rate, wrong, t2read, t2cells)
			if wrong > 0 || rate < minRead {
				t.Errorf("%s: %d of %d cells read (%.2f %%), %d wrong", l.name, read, cells, 100*rate, wrong)
			}
		})
	}
}

// said fails unless the report says why a cell under prefix was left
// unread (a PARSE.* finding a person can check).
func said(t *testing.T, r *report.Report, prefix string, i int) {
	t.Helper()
	if !saysWhy(r, prefix) {
		t.Fatalf("report %d: a cell of %s left unread without a PARSE finding", i, prefix)
	}
}

// saysWhy says the report has a PARSE finding on a cell under prefix.
func saysWhy(r *report.Report, prefix string) bool {
	table, _, _ := strings.Cut(prefix, ".")
	for _, f := range r.Findings {
		if strings.HasPrefix(f.Rule, "PARSE.") && strings.HasPrefix(f.Cell, prefix) {
			return true
		}
		if f.Rule == "PARSE.TABLE" && f.Cell == table {
			return true // the whole table unread, said once
		}
	}
	return false
}

// scale multiplies every count of 表三 and 表四 by k.
func scale(r *report.Report, k int64) {
	for key, row := range r.Applications {
		for c := range row {
			if v, ok := row[c].Int(); ok {
				row[c] = report.N(v * k)
			}
		}
		r.Applications[key] = row
	}
	for b := range r.Appeals {
		for c := range r.Appeals[b] {
			if v, ok := r.Appeals[b][c].Int(); ok {
				r.Appeals[b][c] = report.N(v * k)
			}
		}
	}
}
