package report_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"gongkai/internal/report"
)

// TestCompilationReadsTheFirst: a file that holds several reports one after
// another (a county's compilation of its departments' reports) is read as
// its first report, with the same findings as that report alone and one
// PARSE.MANY that says how many more there are and names the next. Before,
// the others ran into the first's section 六: their tables' headings were
// said to be stray spaces and their narratives' counts contradicted the
// first's tables (N.TABLE on a correct report).
func TestCompilationReadsTheFirst(t *testing.T) {
	layouts := []layout{{"tab", ".txt", textOf}, {"layout", ".txt", layoutText}, {"oneline", ".txt", nil},
		{"markdown", ".md", markdownText}, {"numbered", ".txt", numberedText}}
	for i := range 6 {
		var reps []*report.Report
		for k := range 3 {
			reps = append(reps, report.Generate(rand.New(rand.NewPCG(uint64(10*i+k), 77)), fmt.Sprintf("示例第%d局", 10*i+k), 2021+i%4))
		}
		for _, l := range layouts {
			var parts []string
			for _, r := range reps[:2+i%2] {
				if l.make == nil {
					parts = append(parts, textOf(t, r))
				} else {
					parts = append(parts, l.make(t, r))
				}
			}
			first, compiled := parts[0], strings.Join(parts, "\n\n")
			if l.make == nil { // a compilation's page stored without its line breaks: one line
				rowCounter.n = 0
				first = onelineOf(first, cycling)
				rowCounter.n = 0
				compiled = onelineOf(compiled, cycling)
			}
			alone, err := report.Read("r"+l.ext, []byte(first))
			if err != nil {
				t.Fatal(err)
			}
			got, err := report.Read("r"+l.ext, []byte(compiled))
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tables(alone), tables(got)); d != "" {
				t.Errorf("%d %s: tables (-alone +compiled):\n%s", i, l.name, d)
			}
			for k, s := range alone.Sections {
				if norm(got.Sections[k]) != norm(s) {
					t.Errorf("%d %s: section %s = %.60q…, alone %.60q…", i, l.name, k, got.Sections[k], s)
				}
			}
			isMany := func(f report.Finding) bool { return f.Rule == "PARSE.MANY" }
			a, many := findingsApart(got, isMany)
			if b, _ := findingsApart(alone, isMany); !slices.Equal(a, b) {
				t.Errorf("%d %s: findings\n%s\nalone\n%s", i, l.name, strings.Join(a, "\n"), strings.Join(b, "\n"))
			}
			want := fmt.Sprintf("还有 %d 份报告", 1+i%2)
			if len(many) != 1 || !strings.Contains(many[0], want) || !strings.Contains(many[0], reps[1].Agency) {
				t.Errorf("%d %s: PARSE.MANY %q, want one saying %s and naming %s", i, l.name, many, want, reps[1].Agency)
			}
		}
	}
}

// One report in any layout, a contents list before it or links to other
// reports under it, holds no other report.
func TestOneReportIsNotMany(t *testing.T) {
	for i := range 4 {
		r := report.Generate(rand.New(rand.NewPCG(uint64(i), 78)), fmt.Sprintf("示例第%d局", i), 2019+i*2)
		for _, l := range allLayouts() {
			src := l.make(t, r)
			if l.ext == ".txt" || l.ext == ".md" {
				src += "\n\n相关链接\n示例第9局2023年政府信息公开工作年度报告\n一、总体情况\n示例第9局2022年政府信息公开工作年度报告\n"
			}
			got, err := report.Read("r"+l.ext, []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range report.Check(got, nil) {
				if f.Rule == "PARSE.MANY" {
					t.Errorf("%d %s: %s", i, l.name, f.Message)
				}
			}
		}
	}
}

// findingsApart checks r and gives its findings as "RULE message", but the
// ones pick picks, given apart (their messages).
func findingsApart(r *report.Report, pick func(report.Finding) bool) (rest, picked []string) {
	for _, f := range report.Check(r, nil) {
		if pick(f) {
			picked = append(picked, f.Message)
			continue
		}
		rest = append(rest, f.Rule+" "+f.Message)
	}
	return rest, picked
}

// TestCompilationReadsEach: ReadAll reads each report of a compilation as
// it reads that report alone (its tables, sections and findings, in any
// layout), each knowing which of how many it is and the line it starts at.
func TestCompilationReadsEach(t *testing.T) {
	layouts := []layout{{"tab", ".txt", textOf}, {"layout", ".txt", layoutText}, {"oneline", ".txt", nil},
		{"markdown", ".md", markdownText}, {"numbered", ".txt", numberedText}, {"page", ".html", pageHTML}}
	for i := range 6 {
		var reps []*report.Report
		for k := range 3 {
			reps = append(reps, report.Generate(rand.New(rand.NewPCG(uint64(10*i+k), 77)), fmt.Sprintf("示例第%d局", 10*i+k), 2021+i%4))
		}
		reps = reps[:2+i%2]
		for _, l := range layouts {
			var parts []string
			for _, r := range reps {
				if l.make == nil {
					rowCounter.n = 0
					parts = append(parts, onelineOf(textOf(t, r), cycling))
				} else {
					parts = append(parts, l.make(t, r))
				}
			}
			sep := "\n\n"
			if l.make == nil {
				sep = ""
			}
			got, err := report.ReadAll("r"+l.ext, []byte(strings.Join(parts, sep)))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(reps) {
				t.Errorf("%d %s: %d reports, want %d", i, l.name, len(got), len(reps))
				continue
			}
			for k, g := range got {
				alone, err := report.Read("r"+l.ext, []byte(parts[k]))
				if err != nil {
					t.Fatal(err)
				}
				if g.Agency != reps[k].Agency || g.Year != reps[k].Year || g.Meta.Part != k+1 || g.Meta.Parts != len(reps) {
					t.Errorf("%d %s #%d: %s %d, part %d of %d", i, l.name, k+1, g.Agency, g.Year, g.Meta.Part, g.Meta.Parts)
				}
				if d := cmp.Diff(tables(alone), tables(g)); d != "" {
					t.Errorf("%d %s #%d: tables (-alone +compiled):\n%s", i, l.name, k+1, d)
				}
				for key, s := range alone.Sections {
					if norm(g.Sections[key]) != norm(s) {
						t.Errorf("%d %s #%d: section %s = %.60q…, alone %.60q…", i, l.name, k+1, key, g.Sections[key], s)
					}
				}
				var a, b []string
				for _, f := range report.Check(g, nil) {
					a = append(a, f.Rule+" "+f.Cell)
				}
				for _, f := range report.Check(alone, nil) {
					b = append(b, f.Rule+" "+f.Cell)
				}
				if !slices.Equal(a, b) {
					t.Errorf("%d %s #%d: findings %q, alone %q", i, l.name, k+1, a, b)
				}
				if at := g.Meta.PartLine; l.ext != ".html" && l.make != nil {
					// the line it starts at is its title's, in the file
					file := strings.Split(strings.Join(parts, sep), "\n")
					if at < 1 || at > len(file) || !strings.Contains(strings.Join(file[at-1:min(at+2, len(file))], ""), reps[k].Agency) {
						t.Errorf("%d %s #%d: said to start at line %d", i, l.name, k+1, at)
					}
				}
			}
		}
	}
}

// A compilation of more reports than one file is read for (MaxParts) has
// its first MaxParts read, and the last of them says how many were not.
func TestCompilationPastTheBound(t *testing.T) {
	one := textOf(t, truth())
	got, err := report.ReadAll("r.txt", []byte(strings.Repeat(one+"\n\n", report.MaxParts+2)))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != report.MaxParts {
		t.Fatalf("%d reports read, want %d", len(got), report.MaxParts)
	}
	var many []string
	for _, r := range got {
		for _, f := range report.Check(r, nil) {
			if f.Rule == "PARSE.MANY" {
				many = append(many, fmt.Sprintf("#%d %s", r.Meta.Part, f.Message))
			}
		}
	}
	if len(many) != 1 || !strings.HasPrefix(many[0], fmt.Sprintf("#%d ", report.MaxParts)) || !strings.Contains(many[0], "其后的 2 份未审核") {
		t.Errorf("PARSE.MANY: %q", many)
	}
}

// A compilation of a hundred reports run into one line is cut into each
// of them. Before, a page was cut into 64 reports at most, the 65th holding
// all the rest (its section 六 the others' text), because each cut
// searched the rest of the page again; a heading's other wordings are now
// looked for only before the one found.
func TestCompilationOnOneLineOfMany(t *testing.T) {
	const n = 100
	var parts []string
	var agencies []string
	for k := range n {
		r := report.Generate(rand.New(rand.NewPCG(uint64(k), 99)), fmt.Sprintf("示例第%d局", k), 2024)
		parts = append(parts, textOf(t, r))
		agencies = append(agencies, r.Agency)
	}
	rowCounter.n = 0
	page := onelineOf(strings.Join(parts, "\n\n"), cycling)
	got, err := report.ReadAll("r.txt", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("%d reports read, want %d", len(got), n)
	}
	for k, r := range got {
		if r.Agency != agencies[k] || strings.Contains(r.Sections["6"], "年度报告") {
			t.Fatalf("report %d: agency %q (want %q), section 六 %.80q…", k+1, r.Agency, agencies[k], r.Sections["6"])
		}
	}
}

// compilationPage is a county's compilation as a portal page: its title and
// a contents line, then three departments' reports (the portal page of
// each, a page break before it), a running head (the compilation's title)
// and a page number on each printed page. The fixtures
// chrome-compilation-2024.pdf (Chromium 156, --print-to-pdf
// --no-pdf-header-footer) and pdftotext-layout-compilation-2024.txt
// (pdftotext -layout of it) were made from it.
func compilationPage(t testing.TB) (string, []*report.Report) {
	var b strings.Builder
	b.WriteString("<html><head><meta charset=utf-8><style>@page { size: A4; margin: 20mm; @top-center { content: '示例县2024年度政府信息公开工作年度报告汇编'; font-size: 9pt } @bottom-center { content: counter(page); } } .r { page-break-before: always }</style></head><body><h1>示例县2024年度政府信息公开工作年度报告汇编</h1><p>目录</p>")
	var reps []*report.Report
	for k := range 3 {
		r := report.Generate(rand.New(rand.NewPCG(uint64(k), 5)), fmt.Sprintf("示例县第%d局", k), 2024)
		reps = append(reps, r)
		page := pageHTML(t, r)
		i, j := strings.Index(page, "<body>"), strings.LastIndex(page, "</body>")
		b.WriteString("<div class=r>" + page[i+6:j] + "</div>")
	}
	b.WriteString("</body></html>")
	return b.String(), reps
}

// A compilation printed to PDF, read directly and through pdftotext
// -layout: each department's report read whole, under its own agency. In
// pdftotext's text a report's title wraps around the page's breadcrumb
// (…工作年度 / 首页 > … > 年度报告 / 报告): before, the next report was cut
// at the breadcrumb, its title's first line left at the end of the report
// before, and its agency was not found.
func TestCompilationPrinted(t *testing.T) {
	page, reps := compilationPage(t)
	for _, file := range []string{"chrome-compilation-2024.pdf", "pdftotext-layout-compilation-2024.txt", "compilation.html"} {
		data := []byte(page)
		if file != "compilation.html" {
			data = readFile(t, filepath.Join(auditDir, file))
		}
		got, err := report.ReadAll(file, data)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(reps) {
			t.Errorf("%s: %d reports, want %d", file, len(got), len(reps))
			continue
		}
		for k, g := range got {
			report.Check(g, nil)
			if g.Agency != reps[k].Agency || g.Year != 2024 {
				t.Errorf("%s #%d: %q %d, want %q", file, k+1, g.Agency, g.Year, reps[k].Agency)
			}
			if d := cmp.Diff(tables(reps[k]), tables(g)); d != "" {
				t.Errorf("%s #%d: tables (-want +got):\n%s", file, k+1, d)
			}
			for _, f := range g.Findings {
				if f.Severity == report.SevError || strings.HasPrefix(f.Rule, "PARSE.") && f.Severity != report.SevInfo {
					t.Errorf("%s #%d: %s %s", file, k+1, f.Rule, f.Message)
				}
			}
		}
	}
}

// The reports of a compilation titled otherwise than 年度报告 (…政府信息公开
// 工作情况的报告, …年报) each start at their title: their agencies are found.
func TestCompilationOtherTitles(t *testing.T) {
	var parts []string
	for k, title := range []string{"政府信息公开工作情况的报告", "政府信息公开年报", "政府信息公开工作报告"} {
		r := report.Generate(rand.New(rand.NewPCG(uint64(k), 6)), fmt.Sprintf("示例县第%d局", k), 2024)
		parts = append(parts, strings.Replace(textOf(t, r), "政府信息公开工作年度报告", title, 1))
	}
	got, err := report.ReadAll("r.txt", []byte(strings.Join(parts, "\n\n")))
	if err != nil {
		t.Fatal(err)
	}
	var agencies []string
	for _, g := range got {
		agencies = append(agencies, g.Agency)
	}
	if want := "示例县第0局 示例县第1局 示例县第2局"; strings.Join(agencies, " ") != want {
		t.Errorf("agencies %q, want %s", agencies, want)
	}
}

// Files joined into one (cat a.txt b.txt), each with its byte order mark:
// the mark inside the text shows nothing and is dropped, so the second
// report's agency is its name, not the name after an invisible mark.
func TestJoinedFilesByteOrderMarks(t *testing.T) {
	first := readFile(t, filepath.Join(auditDir, "lo-text-blanks-2021.txt"))
	second := readFile(t, filepath.Join(auditDir, "lo-text-blanks-2019.txt"))
	if !bytes.HasPrefix(second, []byte("\ufeff")) {
		t.Fatal("the fixture has no byte order mark")
	}
	want, _ := auditWithModel(t, "lo-text-blanks-2019.txt")
	rs, err := report.ReadAll("joined.txt", append(slices.Clone(first), second...))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 {
		t.Fatalf("%d reports, want 2", len(rs))
	}
	if got := rs[1].Agency; got != want.Agency {
		t.Errorf("the second report's agency is %q, want %q", got, want.Agency)
	}
	for _, r := range rs {
		for k, sec := range r.Sections {
			if strings.Contains(sec, "\ufeff") {
				t.Errorf("section %s keeps a byte order mark", k)
			}
		}
	}
}
