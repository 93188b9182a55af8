package report_test

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"gongkai/internal/report"
)

// splitT4 is the tab text of r with 表四 cut into parts of the given numbers
// of blocks (2 and 1: 复议 and 直接起诉, then 复议后起诉), each part with
// headings of its own, as reports whose page is too narrow for fifteen
// columns print it.
func splitT4(t testing.TB, r *report.Report, blocks ...int) string {
	cols := strings.Join(report.T4ColumnLabels, "\t")
	var b strings.Builder
	at := 0
	for k, n := range blocks {
		if k > 0 {
			b.WriteString("\n")
		}
		var names, heads, nums []string
		for x := at; x < at+n; x++ {
			blk := report.T4Blocks[x]
			name := blk.Label
			if blk.Parent != "" {
				name = blk.Parent + "（" + blk.Label + "）"
			}
			names = append(names, name+strings.Repeat("\t", 4))
			heads = append(heads, cols)
			for _, c := range r.Appeals[x] {
				nums = append(nums, c.String())
			}
		}
		at += n
		b.WriteString(strings.Join(names, "\t") + "\n" + strings.Join(heads, "\t") + "\n" + strings.Join(nums, "\t") + "\n")
	}
	return withT4(t, r, b.String())
}

// splitT4Page is splitT4 as a page without line breaks: cells glued.
func splitT4Page(t testing.TB, r *report.Report, blocks ...int) string {
	return flattened(splitT4(t, r, blocks...))
}

// splitT4HTML is splitT4 as a page with each part its own <table>.
func splitT4HTML(t testing.TB, r *report.Report, blocks ...int) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n")
	numbers := regexp.MustCompile(`^[0-9\t]+$`)
	var rows []string
	flush := func() {
		if len(rows) == 0 {
			return
		}
		b.WriteString("<table border=\"1\">")
		for _, row := range rows {
			b.WriteString("<tr><td>" + strings.ReplaceAll(row, "\t", "</td><td>") + "</td></tr>")
		}
		b.WriteString("</table>\n")
		rows = nil
	}
	for _, l := range strings.Split(splitT4(t, r, blocks...), "\n") {
		if strings.Contains(l, "\t") || len(rows) > 0 && numbers.MatchString(l) {
			rows = append(rows, l)
			continue
		}
		flush()
		if strings.TrimSpace(l) != "" {
			b.WriteString("<p>" + l + "</p>\n")
		}
	}
	flush()
	b.WriteString("</body></html>\n")
	return b.String()
}

// splitT4CellPerLine is splitT4 with 表四's numbers a number to a line and its
// headings' cells a space apart (mutool's text of a PDF).
func splitT4CellPerLine(t testing.TB, r *report.Report, blocks ...int) string {
	src := splitT4(t, r, blocks...)
	i := strings.Index(src, "四、政府信息公开行政复议")
	var b strings.Builder
	for _, l := range strings.Split(src[i:], "\n") {
		if regexp.MustCompile(`^[0-9\t]+$`).MatchString(l) {
			l = strings.ReplaceAll(l, "\t", "\n")
		} else {
			l = strings.Join(strings.Fields(l), " ")
		}
		b.WriteString(l + "\n")
	}
	return src[:i] + b.String()
}

// splitT4Layouts are 表四 in parts in each layout the tests read it in, cut
// each its own way.
var splitT4Layouts = map[string]func(testing.TB, *report.Report) string{
	"split-t4":               func(t testing.TB, r *report.Report) string { return splitT4(t, r, 2, 1) },
	"split-t4-html":          func(t testing.TB, r *report.Report) string { return splitT4HTML(t, r, 1, 2) },
	"split-t4-page":          func(t testing.TB, r *report.Report) string { return splitT4Page(t, r, 1, 1, 1) },
	"split-t4-layout":        func(t testing.TB, r *report.Report) string { return layoutOf(splitT4(t, r, 1, 2)) },
	"split-t4-cell-per-line": func(t testing.TB, r *report.Report) string { return splitT4CellPerLine(t, r, 2, 1) },
	"t4-rows-page":           func(t testing.TB, r *report.Report) string { return flattened(t4Rows(t, r)) },
}

// t4Rows is the tab text of r with 表四 a row to a block under one row of
// column headings (行政复议 | 2 | 1 | 0 | 1 | 4 …), as some agencies lay it out.
func t4Rows(t testing.TB, r *report.Report) string {
	var b strings.Builder
	b.WriteString("\t" + strings.Join(report.T4ColumnLabels, "\t") + "\n")
	for x, blk := range report.T4Blocks {
		name := blk.Label
		if blk.Parent != "" {
			name = blk.Parent + "（" + blk.Label + "）"
		}
		var cells []string
		for _, c := range r.Appeals[x] {
			cells = append(cells, c.String())
		}
		b.WriteString(name + "\t" + strings.Join(cells, "\t") + "\n")
	}
	return withT4(t, r, b.String())
}

// t4Transposed is the tab text of r with 表四 turned on its side: a column
// to each block and a row to each of its five headings.
func t4Transposed(t testing.TB, r *report.Report) string {
	var b strings.Builder
	b.WriteString("\t行政复议\t行政诉讼（未经复议直接起诉）\t行政诉讼（复议后起诉）\n")
	for c, lab := range report.T4ColumnLabels {
		b.WriteString(lab)
		for x := range report.T4Blocks {
			b.WriteString("\t" + r.Appeals[x][c].String())
		}
		b.WriteString("\n")
	}
	return withT4(t, r, b.String())
}

// withT4 is the tab text of r with its 表四 (the table, not its heading)
// replaced by table.
func withT4(t testing.TB, r *report.Report, table string) string {
	src := textOf(t, r)
	i := strings.Index(src, "行政复议\t")
	j := strings.Index(src, "五、存在的主要问题")
	if i < 0 || j < i {
		t.Fatal("no 表四 in the tab text")
	}
	return src[:i] + table + "\n" + src[j:]
}

// flattened is a tab text as a page without line breaks, each row's digits
// run together.
func flattened(src string) string { return strings.NewReplacer("\n", "", "\t", "").Replace(src) }

// splitT4Ext is the file extension a layout of splitT4Layouts is read by.
func splitT4Ext(name string) string {
	if strings.HasSuffix(name, "html") {
		return ".html"
	}
	return ".txt"
}

func init() {
	fixtures = append(fixtures,
		fixture{file: "split4-2021.txt", make: func(t testing.TB) []byte { return []byte(splitT4(t, truth(), 2, 1)) }, want: truth,
			findings: []string{"PARSE.READ"}},
		fixture{file: "split4-2021.html", make: func(t testing.TB) []byte { return []byte(splitT4HTML(t, truth(), 1, 2)) }, want: truth,
			findings: []string{"PARSE.READ"}},
		fixture{file: "split4-oneline-2021.txt", make: func(t testing.TB) []byte { return []byte(splitT4Page(t, truth(), 1, 1, 1)) }, want: func() *report.Report {
			r := truth()
			blankNormative(r) // as oneline-2021.txt
			return r
		}, findings: []string{"PARSE.AMBIGUOUS", "PARSE.READ"}},
		// a row with a blank cell that left no trace: 2 1 1 4 (its total read, the rest not)
		fixture{file: "t4-rows-spaced-blank-2021.txt", make: func(t testing.TB) []byte {
			r := truth()
			r.Appeals[0] = [5]report.Cell{report.N(2), report.N(1), {}, report.N(1), report.N(4)}
			return []byte(strings.Join(strings.Fields(strings.NewReplacer("\n", " ", "\t", " ").Replace(t4Rows(t, r))), " "))
		}, want: func() *report.Report {
			r := truth()
			r.Appeals[0] = [5]report.Cell{{}, {}, {}, {}, report.N(4)}
			return r
		}, findings: []string{"PARSE.READ"}},
		fixture{file: "t4-transposed-2021.txt", make: func(t testing.TB) []byte { return []byte(t4Transposed(t, truth())) }, want: truth,
			findings: []string{"PARSE.READ"}},
		// turned on its side on a page without line breaks, its cells set apart by spaces
		fixture{file: "t4-transposed-oneline-2021.txt", make: func(t testing.TB) []byte {
			return []byte(strings.Join(strings.Fields(strings.NewReplacer("\n", " ", "\t", " ").Replace(t4Transposed(t, truth()))), " "))
		}, want: truth, findings: []string{"PARSE.READ"}},
		fixture{file: "t4-transposed-glued-2021.txt", make: func(t testing.TB) []byte { return []byte(flattened(t4Transposed(t, truth()))) }, want: func() *report.Report {
			r := truth()
			blankNormative(r) // as oneline-2021.txt
			return r
		}, findings: []string{"PARSE.AMBIGUOUS", "PARSE.READ"}},
		fixture{file: "t4-rows-oneline-2021.txt", make: func(t testing.TB) []byte { return []byte(flattened(t4Rows(t, truth()))) }, want: func() *report.Report {
			r := truth()
			blankNormative(r) // as oneline-2021.txt
			return r
		}, findings: []string{"PARSE.AMBIGUOUS", "PARSE.READ"}},
	)
}

// 表四 cut into parts, each under headings of its own, reads as one table in
// the order of its headings, whatever the layout and however it is cut; the
// reading is said (PARSE.READ), and a part's group that does not add up is
// the report's error. Before, only the first part was read, and 表四 was
// said unreadable.
func TestSplitT4(t *testing.T) {
	layouts := map[string]func(testing.TB, *report.Report, ...int) string{
		"tab": splitT4, "page": splitT4Page, "html": splitT4HTML,
		"spaced": func(t testing.TB, r *report.Report, blocks ...int) string {
			return strings.ReplaceAll(splitT4(t, r, blocks...), "\t", "   ")
		},
		"cell per line": splitT4CellPerLine,
		"markdown": func(t testing.TB, r *report.Report, blocks ...int) string {
			var b strings.Builder
			for _, l := range strings.Split(splitT4(t, r, blocks...), "\n") {
				if strings.Contains(l, "\t") || regexp.MustCompile(`^[0-9]+$`).MatchString(l) {
					l = "| " + strings.ReplaceAll(l, "\t", " | ") + " |"
				}
				b.WriteString(l + "\n")
			}
			return b.String()
		},
	}
	misprinted := truth()
	misprinted.Appeals[0][4] = report.N(5) // 2 + 1 + 0 + 1 = 4, printed 5
	for name, layout := range layouts {
		for _, cut := range [][]int{{2, 1}, {1, 2}, {1, 1, 1}} {
			file := fmt.Sprintf("%s-%v.txt", name, cut)
			if name == "html" {
				file = fmt.Sprintf("%v.html", cut)
			}
			got := audit(t, file, []byte(layout(t, truth(), cut...)))
			if got.Appeals != truth().Appeals {
				t.Errorf("%s %v: 表四 read as %v", name, cut, got.Appeals)
			}
			if all := rules(got.Findings, report.SevInfo, report.SevWarning); !slices.Contains(all, "PARSE.READ") || slices.Contains(all, "PARSE.TABLE") {
				t.Errorf("%s %v: findings %v", name, cut, got.Findings)
			}
			got = audit(t, file, []byte(layout(t, misprinted, cut...)))
			if got.Appeals != misprinted.Appeals || !slices.Contains(rules(got.Findings, report.SevError), "T4.SUM") {
				t.Errorf("%s %v misprinted: 表四 read as %v, findings %v", name, cut, got.Appeals, got.Findings)
			}
		}
	}
}

// The same through LibreOffice's PDF: read directly, and pdftotext -layout's
// text, whose narrow columns wrap their headings a piece to a line.
func TestSplitT4ThroughPDF(t *testing.T) {
	for _, file := range []string{"lo-split4-2021.pdf", "pdftotext-layout-split4-2021.txt"} {
		got := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
		if got.Appeals != truth().Appeals {
			t.Errorf("%s: 表四 read as %v, findings %v", file, got.Appeals, got.Findings)
		}
	}
}

// A part of 表四 followed by anything else than the rest of the table — prose,
// a part whose numbers make no whole blocks — is read as before: the first
// part alone, which has too few numbers, said unread; nothing is joined.
func TestSplitT4PartsThatMakeNoTable(t *testing.T) {
	src := splitT4(t, truth(), 2, 1)
	for name, text := range map[string]string{
		"prose after the first part":  strings.Replace(src, "行政诉讼（复议后起诉）", "本年度行政诉讼情况如下", 1),
		"three numbers in the second": src[:strings.LastIndex(src, "0\t0\t0\t0\t0\n")] + "0\t0\t0\n" + src[strings.LastIndex(src, "0\t0\t0\t0\t0\n")+len("0\t0\t0\t0\t0\n"):],
		"the second part missing":     src[:strings.Index(src, "行政诉讼（复议后起诉）")] + src[strings.Index(src, "五、存在的主要问题"):],
		// a number to a line, two parts in an order whose groups do not add up (column by column)
		"scrambled, a number to a line": func() string {
			r := truth()
			r.Appeals = appealsOf(2, 4, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0)
			s := splitT4(t, r, 1, 1, 1)
			i := strings.Index(s, "四、政府信息公开行政复议")
			t4 := s[i:]
			for _, row := range []string{"2\t4\t1\t0\t1", "1\t1\t0\t0\t0", "0\t0\t0\t0\t0"} {
				t4 = strings.Replace(t4, row+"\n", strings.ReplaceAll(row, "\t", "\n")+"\n", 1)
			}
			return s[:i] + t4
		}(),
	} {
		got := audit(t, "t.txt", []byte(text))
		if got.Appeals != (report.Appeals{}) {
			t.Errorf("%s: 表四 read as %v", name, got.Appeals)
		}
		if !slices.Contains(rules(got.Findings, report.SevWarning), "PARSE.TABLE") || slices.Contains(rules(got.Findings, report.SevError), "T4.SUM") {
			t.Errorf("%s: findings %v", name, got.Findings)
		}
	}
}

// 表四's numbers a few short with a space between each (a PDF's text keeps no
// trace of a blank cell): the blanks go where every group adds up, and the
// cells every such place agrees on are read, said; a group of zeros with a
// blank in it stays unread, and numbers no place makes add up are not read.
func TestT4BlanksPlacedBySums(t *testing.T) {
	src := textOf(t, truth())
	row := "2\t1\t0\t1\t4\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0"
	if !strings.Contains(src, row) {
		t.Fatal("no 表四 row in the tab text")
	}
	for _, c := range []struct {
		nums    string
		want    report.Appeals // blank: unread or blank
		readSum bool           // a T4.SUM error is expected
	}{
		{"2 1 0 1 4 1 0 0 0 1 0 0 0 0", appealsOf(2, 1, 0, 1, 4, 1, 0, 0, 0, 1, -1, -1, -1, -1, -1), false},
		{"2 1 1 4 1 0 0 0 1 0 0 0 0 0", appealsOf(-1, -1, -1, -1, 4, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0), false}, // the blank may be any of the first four
		{"2 1 0 1 5 1 0 0 0 1 0 0 0 0", appealsOf(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1), false},
	} {
		got := audit(t, "t.txt", []byte(strings.Replace(src, row, c.nums, 1)))
		if got.Appeals != c.want {
			t.Errorf("%s: read as %v, want %v", c.nums, got.Appeals, c.want)
		}
		said := slices.ContainsFunc(got.Findings, func(f report.Finding) bool {
			return f.Cell == "appeals" && (f.Rule == "PARSE.READ" || f.Rule == "PARSE.TABLE")
		})
		if !said || slices.Contains(rules(got.Findings, report.SevError), "T4.SUM") != c.readSum {
			t.Errorf("%s: findings %v", c.nums, got.Findings)
		}
	}
}

// Generated reports with one 表四 cell misprinted (its group no longer adds
// up), in 表四's one-part layouts and in its parts: every cell is read as
// printed or left unread, and a misprinted group read is reported (T4.SUM;
// in a page without line breaks it often is when its cells are not read).
func TestT4MisprintsInParts(t *testing.T) {
	layouts := map[string]func(testing.TB, *report.Report) string{"tab": textOf, "page": onelineCycling, "html": pageHTML}
	maps.Copy(layouts, splitT4Layouts)
	for name, layout := range layouts {
		t.Run(name, func(t *testing.T) {
			reported, runs := 0, 0
			for i := range 40 {
				rng := rand.New(rand.NewPCG(uint64(i), 41))
				truth := report.Generate(rng, fmt.Sprintf("示例第%d局", i), 2019+i%7)
				scale(truth, []int64{1, 7, 123}[i%3])
				b, c := rng.IntN(3), rng.IntN(5)
				truth.Appeals[b][c] = report.N(truth.Appeals[b][c].Val() + 1 + int64(rng.IntN(9)))
				r := audit(t, "r"+splitT4Ext(name), []byte(layout(t, truth)))
				runs++
				for bb := range r.Appeals {
					for cc, g := range r.Appeals[bb] {
						if !g.Blank() && g != truth.Appeals[bb][cc] {
							t.Errorf("report %d: 表四 %d/%d read as %v, printed %v", i, bb, cc, g, truth.Appeals[bb][cc])
						}
					}
				}
				sum := slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
					return f.Rule == "T4.SUM" && f.Cell == "appeals."+report.T4Blocks[b].Key+".total"
				})
				if r.Appeals[b] == truth.Appeals[b] && !sum {
					t.Errorf("report %d: the misprinted group %d read, not reported: %v", i, b, r.Findings)
				}
				if sum {
					reported++
				}
			}
			t.Logf("%s: %d of %d misprints reported", name, reported, runs)
		})
	}
}

// 表四 cut into parts whose second part's headings an OCR misread (行政诉息
// for 行政诉讼, 复议后二诉 for 复议后起诉, 处未审理 for 尚未审结) is still one
// table: a heading line between the parts may hold a character in five that
// is none of the headings'. Before, only the first part was read, 表四 was
// unread, and the misprint in the second part went unsaid.
func TestT4PartHeadingsMisread(t *testing.T) {
	r := truth()
	r.Appeals[1][0] = report.N(r.Appeals[1][0].Val() + 8) // 直接起诉 维持, misprinted
	misread := strings.NewReplacer("行政诉讼（未经复议直接起诉）", "行政诉息（未经复议直接起诉）", "行政诉讼（复议后起诉）", "行政诉讼（复议后二诉）")
	for name, layout := range map[string]func(testing.TB, *report.Report) string{
		"split-t4":      func(t testing.TB, r *report.Report) string { return splitT4(t, r, 1, 2) },
		"split-t4-html": func(t testing.TB, r *report.Report) string { return splitT4HTML(t, r, 1, 2) },
	} {
		src := layout(t, r)
		second := strings.Index(src, "行政诉讼（未经复议直接起诉）")
		if second < 0 {
			t.Fatalf("%s: no second part", name)
		}
		// the second part's headings only: the first's 尚未审结 stays whole
		src = src[:second] + strings.Replace(misread.Replace(src[second:]), "尚未审结", "处未审理", 1)
		got := audit(t, "r"+splitT4Ext(name), []byte(src))
		if got.Appeals != r.Appeals {
			t.Errorf("%s: 表四 read as %v, printed %v", name, got.Appeals, r.Appeals)
		}
		if !slices.ContainsFunc(got.Findings, func(f report.Finding) bool {
			return f.Rule == "T4.SUM" && f.Severity == report.SevError && f.Cell == "appeals."+report.T4Blocks[1].Key+".total"
		}) {
			t.Errorf("%s: the misprint in 直接起诉 not reported: %v", name, got.Findings)
		}
	}
}

// 表四 a row to a block on a page without line breaks, the last block's name
// misread (行政诉讼（复议年起诉）00800): the row is still that block's, known
// by its name within one character when no name is whole, and its misprint
// (8 ≠ 0) reported. Before, the rows could not be told apart and 表四 was
// unread. So is a part's heading line wrapped and misread in pdftotext's
// layout (讼（复议年起诉）, five of the headings' characters and one other).
func TestT4BlockNameMisread(t *testing.T) {
	r := truth()
	r.Appeals = appealsOf(2, 1, 0, 1, 4, 1, 0, 0, 0, 1, 0, 0, 8, 0, 0)
	src := strings.Replace(flattened(t4Rows(t, r)), "行政诉讼（复议后起诉）", "行政诉讼（复议年起诉）", 1)
	if !strings.Contains(src, "行政诉讼（复议年起诉）00800") {
		t.Fatal("表四 is not laid out as the test means")
	}
	got := audit(t, "r.txt", []byte(src))
	if got.Appeals != r.Appeals {
		t.Errorf("表四 read as %v, printed %v", got.Appeals, r.Appeals)
	}
	if !slices.ContainsFunc(got.Findings, func(f report.Finding) bool {
		return f.Rule == "T4.SUM" && f.Severity == report.SevError && f.Cell == "appeals."+report.T4Blocks[2].Key+".total"
	}) {
		t.Errorf("the misprint in 复议后起诉 not reported: %v", got.Findings)
	}

	src = layoutOf(splitT4(t, r, 1, 2))
	wrapped := regexp.MustCompile(`讼（复议后起诉）`)
	if !wrapped.MatchString(src) {
		t.Fatal("the heading is not wrapped as the test means")
	}
	got = audit(t, "r.txt", []byte(wrapped.ReplaceAllString(src, "讼（复议年起诉）")))
	if got.Appeals != r.Appeals {
		t.Errorf("layout: 表四 read as %v, printed %v", got.Appeals, r.Appeals)
	}
}

// Chromium's PDF of split4-2021.html printed with its header and footer (the
// date and time and the page's title at the top, its address and "2/3" at the
// foot of each page), read directly and through pdftotext -layout: a page
// break falls inside 表三's （六）, and the footer's page number had joined
// the rows around it (a row's numbers read as the next row's, one row
// unread). The browser's lines are page furniture.
func TestBrowserPrintedPage(t *testing.T) {
	for _, file := range []string{"chrome-print-split4-2021.pdf", "pdftotext-layout-chrome-print-split4-2021.txt"} {
		r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
		if d := cmp.Diff(tables(truth()), tables(r)); d != "" {
			t.Errorf("%s: tables (-want +got):\n%s", file, d)
		}
	}
}

// 表四 in parts on a page whose digits ran together, in a report that leaves
// cells blank (a row of 表三 with fewer digits than cells): a part whose
// digits no cut without blanks makes add up, and whose readings with blanks
// are too many to weigh ("111122145141951252", 行政复议 and 直接起诉), may be
// blanks as well as a misprint, so it is unread and said, as 表四 in one part
// is — not reported as a group that does not add up "however it is cut".
func TestT4PartWithTooManyBlankReadings(t *testing.T) {
	r := truth()
	r.Applications["carried_in"] = report.Row{report.N(3), report.N(1), {}, report.N(0), report.N(0), report.N(0), report.N(4)}
	r.Appeals = appealsOf(1, 11, 12, 21, 45, 14, 19, 5, 12, 52, 1, 0, 0, 0, 1)
	got := audit(t, "t.txt", []byte(splitT4Page(t, r, 2, 1)))
	if slices.Contains(rules(got.Findings, report.SevError), "T4.SUM") {
		t.Errorf("a part that may leave cells blank reported as not adding up: %v", got.Findings)
	}
	if got.Appeals[0] != (report.Appeals{})[0] || got.Appeals[1] != (report.Appeals{})[1] || got.Appeals[2] != r.Appeals[2] {
		t.Errorf("表四 read as %v", got.Appeals)
	}
	if !slices.ContainsFunc(got.Findings, func(f report.Finding) bool {
		return f.Rule == "PARSE.AMBIGUOUS" && f.Cell == "appeals" && strings.Contains(f.Message, "111122145141951252")
	}) {
		t.Errorf("the unread part not said: %v", got.Findings)
	}
}

// 表四 in parts on a page whose digits ran together, in reports that leave
// cells blank: a part may have fewer digits than a block has cells ("00"
// under 复议后起诉: 0, three blanks, 0). It is a part all the same, and the
// table leaves blanks; before, the first part alone had been cut into
// fifteen cells (44 cells read wrong in 600 reports cut 2 + 1). No cell may
// be read wrong, nor a false error found.
func TestT4PartsLeavingBlanks(t *testing.T) {
	layouts := map[string]func(testing.TB, *report.Report) string{
		"t4-rows-page": splitT4Layouts["t4-rows-page"], // a row to a block, "00" under its name
	}
	for _, cut := range [][]int{{2, 1}, {1, 2}, {1, 1, 1}} {
		layouts[fmt.Sprint(cut)] = func(t testing.TB, r *report.Report) string { return splitT4Page(t, r, cut...) }
	}
	for name, layout := range layouts {
		t.Run(name, func(t *testing.T) {
			cells, right := blankReadsRight(t, 300, layout)
			t.Logf("%s: %d of %d cells read right", name, right, cells)
		})
	}
}

// 表四 in three parts whose digits ran together, each run a block of single
// digits that looks like a count ("21014", "10001", "10001"): a run a part
// is digits run together, not three numbers; before, the parts were taken
// for counts that make no table, and only the first was read (unread).
func TestT4PartsThatLookLikeCounts(t *testing.T) {
	r := truth()
	r.Appeals = appealsOf(2, 1, 0, 1, 4, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1)
	got := audit(t, "t.txt", []byte(splitT4Page(t, r, 1, 1, 1)))
	if got.Appeals != r.Appeals {
		t.Errorf("表四 read as %v, want %v; findings %v", got.Appeals, r.Appeals, got.Findings)
	}
}

// 表四 a row to a block with a space between cells, in lines and as a page
// without line breaks, in reports that leave cells blank: a row with fewer
// than five numbers has blanks that left no trace, placed where its group
// adds up (the cells every place agrees on read, said); every row with its
// five cells is read, whatever the others. Before, a short row was unread,
// and on a page without line breaks it left the whole of 表四 unread (2 051
// of 4 500 cells read in 300 reports, now 3 645).
func TestT4RowsWithBlankCells(t *testing.T) {
	spaces := regexp.MustCompile(` +`)
	layouts := map[string]func(string) string{
		"lines": func(s string) string { return spaces.ReplaceAllString(strings.ReplaceAll(s, "\t", " "), " ") },
		"page": func(s string) string {
			return spaces.ReplaceAllString(strings.NewReplacer("\n", " ", "\t", " ").Replace(s), " ")
		},
	}
	for name, layout := range layouts {
		t.Run(name, func(t *testing.T) {
			for i := range 300 {
				truth, _ := blankTruth(i)
				r := audit(t, "r.txt", []byte(layout(t4Rows(t, truth))))
				for b, blk := range truth.Appeals {
					whole := !slices.ContainsFunc(blk[:], report.Cell.Blank)
					for c, want := range blk {
						got := r.Appeals[b][c]
						if whole && got != want || !got.Blank() && got != want {
							t.Errorf("report %d: 表四 %d/%d read as %q, printed %q", i, b, c, got, want)
						}
					}
				}
				if slices.ContainsFunc(r.Findings, func(f report.Finding) bool { return strings.HasPrefix(f.Rule, "T4.") && f.Severity == report.SevError }) {
					t.Errorf("report %d: a false T4 error: %v", i, r.Findings)
				}
			}
			r := truth()
			r.Appeals[0] = [5]report.Cell{report.N(2), report.N(1), {}, report.N(1), report.N(4)}
			got := audit(t, "r.txt", []byte(layout(t4Rows(t, r))))
			if want := appealsOf(-1, -1, -1, -1, 4, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0); got.Appeals != want {
				t.Errorf("2 1 1 4: 表四 read as %v, want %v", got.Appeals, want)
			}
			if !slices.ContainsFunc(got.Findings, func(f report.Finding) bool {
				return f.Rule == "PARSE.READ" && strings.Contains(f.Message, "（2 1 1 4）")
			}) {
				t.Errorf("2 1 1 4: the placing not said: %v", got.Findings)
			}
		})
	}
}

// 表四 in three parts on a page whose digits ran together, the first part's
// group with blanks ("123" for 1, two blanks, 2, 3) in a report that leaves
// cells blank: the parts after it are read all the same. Before, a first
// run shorter than a block was not taken for a part, and all of 表四 was
// unread.
func TestT4FirstPartWithBlanks(t *testing.T) {
	r := truth()
	r.Applications["carried_in"] = report.Row{report.N(3), report.N(1), {}, report.N(0), report.N(0), report.N(0), report.N(4)}
	r.Appeals = appealsOf(1, -1, -1, 2, 3, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0)
	got := audit(t, "t.txt", []byte(splitT4Page(t, r, 1, 1, 1)))
	if got.Appeals[1] != r.Appeals[1] || got.Appeals[2] != r.Appeals[2] {
		t.Errorf("表四 read as %v, want its last two groups %v", got.Appeals, r.Appeals)
	}
	for c, g := range got.Appeals[0] {
		if !g.Blank() && g != r.Appeals[0][c] {
			t.Errorf("行政复议 %d read as %v, printed %v", c, g, r.Appeals[0][c])
		}
	}
	if slices.Contains(rules(got.Findings, report.SevError), "T4.SUM") {
		t.Errorf("a false T4.SUM: %v", got.Findings)
	}
}

// 表四 turned on its side (a column to each block, a row to each heading:
// 结果维持 2 1 0 … 总计 4 1 0) in tab text, with spaces and as a pipe table is
// read by its rows' headings and said; a group that does not add up is the
// report's error; a row with a blank is read in tab text, where the blank
// keeps its field. Before, 表四 was unread.
func TestT4Transposed(t *testing.T) {
	layouts := map[string]func(string) string{
		"tab":      func(s string) string { return s },
		"spaced":   func(s string) string { return strings.ReplaceAll(s, "\t", " ") },
		"markdown": func(s string) string { return strings.ReplaceAll(s, "\t", " | ") },
	}
	for name, layout := range layouts {
		t.Run(name, func(t *testing.T) {
			for i := range 60 {
				truth := report.Generate(rand.New(rand.NewPCG(uint64(i), 77)), fmt.Sprintf("示例第%d局", i), 2019+i%7)
				scale(truth, []int64{1, 7, 123}[i%3])
				misprinted := i%4 == 1
				if misprinted {
					truth.Appeals[i%3][4] = report.N(truth.Appeals[i%3][4].Val() + 1)
				}
				r := audit(t, "r.txt", []byte(layout(t4Transposed(t, truth))))
				if r.Appeals != truth.Appeals {
					t.Errorf("report %d: 表四 read as %v, printed %v", i, r.Appeals, truth.Appeals)
				}
				if sum := slices.Contains(rules(r.Findings, report.SevError), "T4.SUM"); sum != misprinted {
					t.Errorf("report %d: T4.SUM %v, misprinted %v: %v", i, sum, misprinted, r.Findings)
				}
			}
		})
	}
	// with a space between cells a blank leaves no trace: placed where each
	// block adds up to its 总计 (before, 表四 was unread)
	cells, right := blankReadsRight(t, 300, func(t testing.TB, r *report.Report) string {
		lines := strings.Split(t4Transposed(t, r), "\n")
		for i, l := range lines {
			lines[i] = strings.Join(strings.Fields(l), " ")
		}
		return strings.Join(lines, "\n")
	})
	t.Logf("spaced with blanks: %d of %d cells read right", right, cells)
	r := truth()
	r.Appeals = appealsOf(2, 1, 0, 1, 4, 1, -1, 0, 0, 1, 0, 0, 0, 0, 0) // 结果纠正 1 0: 1, a blank, 0 or 1, 0, a blank
	got := audit(t, "r.txt", []byte(strings.ReplaceAll(t4Transposed(t, r), "1\t\t0", "1 0")))
	if want := appealsOf(2, 1, 0, 1, 4, 1, -1, 0, 0, 1, 0, -1, 0, 0, 0); got.Appeals != want {
		t.Errorf("a row short of a number: 表四 read as %v, want %v", got.Appeals, want)
	}
	if !slices.ContainsFunc(got.Findings, func(f report.Finding) bool {
		return f.Rule == "PARSE.READ" && strings.Contains(f.Message, "定出空白的位置")
	}) {
		t.Errorf("the placing is not said: %v", got.Findings)
	}
	got = audit(t, "r.txt", []byte(t4Transposed(t, r)))
	if got.Appeals != r.Appeals {
		t.Errorf("a blank cell: 表四 read as %v, printed %v", got.Appeals, r.Appeals)
	}
	// the blocks named over two heading rows (行政复议 行政诉讼 / 未经复议直接起诉
	// 复议后起诉), a unit line before the first row
	two := strings.Replace(t4Transposed(t, r), "\t行政复议\t行政诉讼（未经复议直接起诉）\t行政诉讼（复议后起诉）\n",
		"\t行政复议\t行政诉讼\t\n\t\t未经复议直接起诉\t复议后起诉\n单位：件\n", 1)
	for _, text := range []string{two, strings.ReplaceAll(two, "\t", " | ")} {
		if got := audit(t, "r.txt", []byte(text)); got.Appeals != r.Appeals {
			t.Errorf("headings over two rows: 表四 read as %v, printed %v", got.Appeals, r.Appeals)
		}
	}
	if !slices.ContainsFunc(got.Findings, func(f report.Finding) bool {
		return f.Rule == "PARSE.READ" && strings.Contains(f.Message, "横竖互换") && strings.Contains(f.Message, "总计 4 1 0")
	}) {
		t.Errorf("the reading is not said with the rows it read: %v", got.Findings)
	}
}

// 表四 turned on its side on a page without line breaks or spaces: a row
// of exactly three digits run together is a digit to a cell (as many digits
// as cells: one way to split them), and a block that then does not add up is
// the report's own error, reported; a row of more digits (a cell of two) is
// cells whose bounds nothing tells: unread, never read as one number a row.
func TestT4TransposedGlued(t *testing.T) {
	got := audit(t, "glued.txt", []byte(flattened(t4Transposed(t, truth()))))
	if got.Appeals != truth().Appeals || !slices.Contains(rules(got.Findings, report.SevInfo), "PARSE.READ") {
		t.Errorf("three digits a row: %v %v", got.Appeals, got.Findings)
	}
	wrong := truth()
	wrong.Appeals[0][0] = report.N(3) // 3 + 1 + 0 + 1 ≠ 4
	got = audit(t, "wrong.txt", []byte(flattened(t4Transposed(t, wrong))))
	if got.Appeals != wrong.Appeals || !slices.Contains(rules(got.Findings, report.SevError), "T4.SUM") {
		t.Errorf("a block that does not add up: %v %v", got.Appeals, got.Findings)
	}
	wide := truth()
	wide.Appeals[0][0], wide.Appeals[0][4] = report.N(12), report.N(14)
	got = audit(t, "wide.txt", []byte(flattened(t4Transposed(t, wide))))
	for b := range got.Appeals {
		for c, x := range got.Appeals[b] {
			if !x.Blank() {
				t.Errorf("a cell of two digits: 表四 block %d column %d read as %v", b, c, x)
			}
		}
	}
	if !slices.Contains(rules(got.Findings, report.SevWarning), "PARSE.TABLE") {
		t.Errorf("a cell of two digits: not said unread: %v", got.Findings)
	}
}

// 表四's numbers a space apart with blank cells that left nothing
// (pdftotext -raw of a Word table): "123" is one cell as the spaces say,
// and may be 1 2 3 only if the digits ran together. Both readings add up
// in every group, so the cells they disagree on are not read — never
// 1 2 3 where the table has 123.
func TestT4WholeCellsAreNotCutForBlanks(t *testing.T) {
	for _, tc := range []struct{ review, printed string }{
		{"0 123 0 0 123", "0 123 0 0 123 0 0 0 0"},     // six blanks: 123 whole, or 1 2 3 with two
		{"0 12 0 0 12", "0 12 0 0 12 0 0 0 0 0 0"},     // four blanks
		{"0 246 0 0 246", "0 246 0 0 246 0 0 0 0 0 0"}, // 2 4 6 adds up too
	} {
		r := report.Generate(rand.New(rand.NewPCG(3, 77)), "示例局", 2021)
		var review [5]int64
		for i, f := range strings.Fields(tc.review) {
			fmt.Sscan(f, &review[i])
		}
		for b := range r.Appeals {
			for c := range r.Appeals[b] {
				r.Appeals[b][c] = report.N(0)
				if b == 0 {
					r.Appeals[b][c] = report.N(review[c])
				}
			}
		}
		text := textOf(t, r)
		tab := strings.TrimSuffix(strings.Repeat("0\t", 15), "\t")
		row := strings.Replace(tab, "0\t0\t0\t0\t0", strings.Join(strings.Fields(tc.review), "\t"), 1)
		if !strings.Contains(text, "\n"+row+"\n") {
			t.Fatalf("%s: no 表四 row %q in the text", tc.printed, row)
		}
		t4NoneWrong(t, tc.printed, r, strings.Replace(text, "\n"+row+"\n", "\n"+tc.printed+"\n", 1))
	}
}

// t4NoneWrong reads text, r's tables with 表四 printed otherwise (what): no
// cell of 表四 is read other than r's, what is not read is said, and no
// error is reported.
func t4NoneWrong(t *testing.T, what string, r *report.Report, text string) {
	t.Helper()
	got, err := report.Read("r.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	report.Check(got, nil)
	for b := range r.Appeals {
		for c, want := range r.Appeals[b] {
			if g := got.Appeals[b][c]; !g.Blank() && g.Val() != want.Val() {
				t.Errorf("%s: 表四 %d/%d read %s, want %s or unread", what, b, c, g, want)
			}
		}
	}
	if !saysWhy(got, "appeals") {
		t.Errorf("%s: 表四 not all read, and not said", what)
	}
	for _, f := range got.Findings {
		if f.Severity == report.SevError {
			t.Errorf("%s: a false error %s %s", what, f.Rule, f.Message)
		}
	}
}

// pdftotext's default text of a Word table whose blank cells left nothing:
// 表四's headings and numbers in the order of the page's columns. A number
// after a group's name is no row of that group when more numbers follow
// before the next section: the table is not read (it was read as a row to a
// group, 复议后起诉 0 2 2 with its total 2 where the table has 1).
func TestT4ColumnsAfterAGroupNameAreNoRow(t *testing.T) {
	r := report.Generate(rand.New(rand.NewPCG(36, 77)), "示例局", 2021)
	for b := range r.Appeals {
		for c := range r.Appeals[b] {
			r.Appeals[b][c] = report.N(0)
		}
	}
	r.Appeals[1][3], r.Appeals[1][4], r.Appeals[2][3], r.Appeals[2][4] = report.N(2), report.N(2), report.N(1), report.N(1)
	text := textOf(t, r)
	from, to := strings.Index(text, "四、政府信息公开行政复议"), strings.Index(text, "五、存在的主要问题")
	if from < 0 || to < from {
		t.Fatal("no 表四 in the text")
	}
	page := "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n\n行政诉讼\n未经复议直接起诉\n\n结果\n\n结果\n\n其他\n\n尚未\n总计\n\n维持\n\n纠正\n\n结果\n\n结果\n\n结果\n\n其他\n\n尚未\n\n审结\n\n结果\n\n结果\n\n其他\n\n尚未\n\n总计\n维持\n\n0\n\n复议后起诉\n\n纠正\n\n结果\n\n审结\n\n0\n\n2\n\n2\n\n总计\n维持\n\n纠正\n\n结果\n\n审结\n\n0\n\n0\n\n0\n\n1\n\n1\n\n"
	t4NoneWrong(t, "pdftotext", r, text[:from]+page+text[to:])
}

// 表四's digits run together with blank cells that left nothing, fewer
// digits than cells ("012301230000", a page without line breaks): each digit
// a cell with three blanks (0 1 2 3 0 1 2 3 0 0 0 0) adds up in every
// group, and so does 0 123 0 123 0 0 0 0 with seven — the table as printed
// (_ 0 123 0 123, _ 0 _ _ _, 0 _ 0 _ 0). Only the first kind was asked,
// and cells they disagree on were read as the first says (行政复议总计 3
// for 123: wrong cells, and a false N.TABLE). Every cut with any number of
// blanks is asked now, and what they disagree on is not read.
func TestT4GluedDigitsMayHoldLongerCells(t *testing.T) {
	file := "flat-blanks-t4longcells-2020.txt"
	want, r := auditWithModel(t, file)
	cellsAsTruth(t, file, want, r) // (errors on a cell read wrong, or unread and not said)
	t4NoneWrong(t, file, want, string(readFile(t, filepath.Join(auditDir, file))))
}

// 表四 a line of whole numbers with four or five blanks that left no trace
// (pdftotext -layout squeezes a column no glyph stands in: Chromium's PDF of
// a 表四 whose blanks are whole columns): the places where every group adds
// up are found as for three blanks or fewer, and the cells they all agree
// on are read (before: more than three blanks, 表四 unread). More than five
// are not tried: in the probe sets with an error in 表四, six blanks let a
// wrong place add up.
func TestT4FourOrFiveBlanksPlacedBySums(t *testing.T) {
	file := "pdftotext-layout-chrome-t4-fourblanks-2024.txt"
	want, r := auditWithModel(t, file)
	noWrongCells(t, file, want, r, "appeals")
	noFalseErrors(t, file, r)
	read := 0
	for _, b := range r.Appeals {
		for _, c := range b {
			if !c.Blank() {
				read++
			}
		}
	}
	if read == 0 || !saysOf(r, "PARSE.READ", "appeals", "有 4 个空白单元格") {
		t.Errorf("%s: 表四 not read where its blanks go (%d cells read): %v", file, read, r.Findings)
	}
}

// A report whose 表三 is a table of fields with blank cells, its 表四 one
// line of numbers a space apart with its blanks dropped ("123 0 123 0 246
// 123 369 246 0 0 0 246": twelve numbers, three blanks). The report was not
// taken to leave cells blank — only rows with fewer numbers than cells told
// so, not fields left empty — so 表四's twelve numbers were cut into fifteen
// digits' worth of cells with two blanks at the most: no cut added up and
// the numbers were reported as the report's error (T4.SUM, with cells that
// are not the report's). A row of fields with an empty one says so now, and
// 表四 is read with its blanks where every group adds up.
func TestT4LineBlanksInAReportWithBlankFields(t *testing.T) {
	file := "tab-t4-line-blanks-dropped-2021.txt"
	want, r := auditWithModel(t, file)
	noWrongCells(t, file, want, r, "")
	noFalseErrors(t, file, r)
	if !saysOf(r, "PARSE.READ", "appeals", "留出空白") {
		t.Errorf("%s: the blanks of 表四 not said: %v", file, r.Findings)
	}
}
