package auditor

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"gongkai/internal/render"
	"gongkai/internal/report"
)

// writeDir writes reports of several agencies over several years, in the
// layouts the auditor meets and in an order unrelated to agency or year,
// with a broken carry-over chain, a copied section 五, a wrong cell and two
// files that cannot be read.
func writeDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	n := 0
	for a := range 6 {
		var prev *report.Report
		for y := range 4 {
			r := report.Generate(rand.New(rand.NewPCG(uint64(a*10+y), 5)), fmt.Sprintf("第%d县民政局", a), 2020+y)
			if prev != nil && (a+y)%3 == 0 {
				r.Sections["5"] = prev.Sections["5"]
			}
			if a == 2 && y == 2 { // an HTML page
				x := r.Applications["new"]
				x[report.ColNatural] = report.N(x[report.ColNatural].Val() + 1)
				r.Applications["new"] = x
			}
			prev = r
			var b bytes.Buffer
			var err error
			ext := ".txt"
			switch (a + y) % 4 {
			case 0:
				err, ext = render.HTML(&b, r), ".html"
			case 1:
				err, ext = render.Markdown(&b, r), ".md"
			default:
				err = render.Text(&b, r)
			}
			if err != nil {
				t.Fatal(err)
			}
			data := b.Bytes()
			if (a+y)%4 == 3 { // a page that lost its line breaks
				data = []byte(strings.NewReplacer("\t", "", "\n", "").Replace(b.String()))
			}
			// names sort neither by agency nor by year
			name := fmt.Sprintf("%02d-%d%s", (n*7)%24, a, ext)
			n++
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, bad := range []string{"zz-empty.txt", "zz-binary.txt"} {
		data := []byte{}
		if bad == "zz-binary.txt" {
			data = []byte{0xff, 0xfe, 0x00, 0x01, 0x80, 0x81}
		}
		if err := os.WriteFile(filepath.Join(dir, bad), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Reading a directory once (and keeping what the output needs) writes
// byte for byte what reading every title first and then each agency's files
// in turn writes, in every output mode.
func TestOnePassIsTitleFirst(t *testing.T) {
	dir := writeDir(t)
	files, err := Expand([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, opt := range []Options{{}, {JSON: true}, {ByAgency: true}, {ByAgency: true, JSON: true}, {Workers: 1, JSON: true}} {
		var one, titled bytes.Buffer
		s1, err := Run(context.Background(), files, opt, &one)
		if err != nil {
			t.Fatal(err)
		}
		spilt := opt
		spilt.KeepBytes = 1 // every file's part kept beyond the bound: all in the temporary file
		var fromFile bytes.Buffer
		s3, err := Run(context.Background(), files, spilt, &fromFile)
		if err != nil {
			t.Fatal(err)
		}
		if one.String() != fromFile.String() || s1 != s3 {
			t.Fatalf("%+v: in memory\n%s\n%+v\nfrom the temporary file\n%s\n%+v", opt, one.String(), s1, fromFile.String(), s3)
		}
		opt.KeepBytes, opt.noSpill = 1, true // too much to keep, nowhere to put it: it falls back
		s2, err := Run(context.Background(), files, opt, &titled)
		if err != nil {
			t.Fatal(err)
		}
		if one.String() != titled.String() || s1 != s2 {
			t.Fatalf("%+v: one pass\n%s\n%+v\ntitle first\n%s\n%+v", opt, one.String(), s1, titled.String(), s2)
		}
		out := one.String()
		for _, want := range []string{"X.SAME_TEXT", "X.CARRY", "T3.ROWSUM", "zz-binary.txt"} {
			if !opt.ByAgency && !strings.Contains(out, want) {
				t.Errorf("%+v: no %s in the output: the directory does not exercise it", opt, want)
			}
		}
		if s1.Files != 26 || s1.Unreadable == 0 || s1.WithErrors == 0 {
			t.Errorf("%+v: %+v", opt, s1)
		}
	}
	// the bound is what sends a run to the title-first plan
	show := func(path string, a audited, prev *report.Report) []byte { return nil }
	var out bytes.Buffer
	if _, _, ok := runOnePass(context.Background(), files, Options{KeepBytes: 1, noSpill: true}, 2, show, &out); ok || out.Len() > 0 {
		t.Errorf("one pass over its bound without a temporary file: ok %v, wrote %d bytes", ok, out.Len())
	}
	if _, _, ok := runOnePass(context.Background(), files, Options{KeepBytes: 1}, 2, show, &out); !ok {
		t.Error("one pass over its bound with a temporary file gave up")
	}
	if _, _, ok := runOnePass(context.Background(), files, Options{}, 2, show, &out); !ok {
		t.Error("one pass within its bound gave up")
	}
}

// BenchmarkAuditMix is the work of `gongkai bench audit` for one file, from
// memory on one core: read, check, keep what the directory run keeps. The
// sub-benchmarks are the layouts of the mix; Baseline splits the same bytes
// into lines and nothing more.
func BenchmarkAuditMix(b *testing.B) {
	const n = 200
	names, files := sampleFiles(b, n)
	run := func(b *testing.B, layout string) {
		var which []int // the files of the layout, all for the mix
		for i := range n {
			if layout == "" || SampleLayouts[i%len(SampleLayouts)] == layout {
				which = append(which, i)
			}
		}
		b.ReportAllocs()
		auditEach(b, names, files, which)
	}
	b.Run("mix", func(b *testing.B) { run(b, "") })
	for _, l := range []string{"html", "text", "markdown", "flat"} {
		b.Run(l, func(b *testing.B) { run(b, l) })
	}
	b.Run("baseline", func(b *testing.B) {
		k := 0
		for b.Loop() {
			data := files[k%n]
			k++
			if !utf8.Valid(data) {
				b.Fatal("not UTF-8")
			}
			for _, line := range strings.Split(string(data), "\n") {
				_ = strings.Split(line, "\t")
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
	})
}

// sampleFiles are the first n files of the benchmark mix, named as the
// bench command names them.
func sampleFiles(b *testing.B, n int) (names []string, files [][]byte) {
	for i := range n {
		ext, data, err := Sample(i)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, data)
		names = append(names, fmt.Sprintf("r%d%s", i, ext))
	}
	return names, files
}

// BenchmarkAuditOrder is BenchmarkAuditMix's work over the mix's files in
// the order given (HTML, text, text, Markdown, text in turn) and in the
// order a directory run reads them (byKind): the same instructions, one
// kind's reader at a time.
func BenchmarkAuditOrder(b *testing.B) {
	names, files := sampleFiles(b, 200)
	given := make([]int, len(names))
	for i := range given {
		given[i] = i
	}
	for _, o := range []struct {
		name  string
		order []int
	}{{"given", given}, {"bykind", byKind(names)}} {
		b.Run(o.name, func(b *testing.B) { auditEach(b, names, files, o.order) })
	}
}

// auditEach does a directory run's work for one file in memory — read,
// check, keep what the run keeps — file after file of order, in turn, and
// reports the rate.
func auditEach(b *testing.B, names []string, files [][]byte, order []int) {
	k := 0
	for b.Loop() {
		i := order[k%len(order)]
		k++
		r, err := report.Read(names[i], files[i])
		if err != nil {
			b.Fatal(err)
		}
		report.Check(r, nil)
		_ = r.CrossYear()
		_ = r.ModelJSON()
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
}

// A directory run reads the files of one kind one after another, in the
// order given within a kind, whatever the case of their extensions.
func TestByKind(t *testing.T) {
	files := []string{"a.txt", "b.HTML", "c.md", "d.TXT", "e.html", "f", "g.txt", "h.Md"}
	got := byKind(files)
	want := []int{5, 1, 4, 2, 7, 0, 3, 6} // "", .html, .md, .txt
	if !slices.Equal(got, want) {
		t.Errorf("byKind(%q) = %v, want %v", files, got, want)
	}
}

// byAgencyEveryPlan are --by-agency runs of a directory kept in memory,
// spilled to the temporary file, and read title first.
var byAgencyEveryPlan = []Options{{ByAgency: true}, {ByAgency: true, KeepBytes: 1}, {ByAgency: true, KeepBytes: 1, noSpill: true}}

// A directory of pages saved by a browser: each page's "_files" folder and
// any picture, style sheet or script are no reports and are not audited; a
// file named on the command line is always taken.
func TestExpandSkipsWhatABrowserSavesBesideAPage(t *testing.T) {
	dir := t.TempDir()
	write := func(name string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	page := write("2024年报告.shtml")
	doc := write("2023年报告.docx")
	write("2024年报告_files/main.css")
	write("2024年报告_files/biao3.PNG")
	write("2023年报告.files/x.htm")
	logo := write("logo.png")
	write("site.js")
	got, err := Expand([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{doc, page}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Expand = %q, want %q", got, want)
	}
	if got, _ := Expand([]string{logo}); len(got) != 1 {
		t.Errorf("a file named on the command line: %q", got)
	}
}

// Two files of one agency-year (a page and its PDF's text) are each checked
// against the year before, not one of them against the other, in both plans.
func TestSameYearCopiesShareThePreviousYear(t *testing.T) {
	dir := t.TempDir()
	prev := report.Generate(rand.New(rand.NewPCG(1, 2)), "示例县民政局", 2023)
	cur := report.Generate(rand.New(rand.NewPCG(3, 4)), "示例县民政局", 2024)
	in := cur.Applications["carried_in"]
	in[report.ColNatural] = report.N(prev.Applications["carried_forward"][report.ColNatural].Val() + 1) // a broken chain
	in[report.ColTotal] = report.N(in[report.ColTotal].Val() + 1)
	cur.Applications["carried_in"] = in
	for name, w := range map[string]func(*bytes.Buffer, *report.Report) error{
		"a.txt":  func(b *bytes.Buffer, r *report.Report) error { return render.Text(b, r) },
		"b.html": func(b *bytes.Buffer, r *report.Report) error { return render.HTML(b, r) },
	} {
		var b bytes.Buffer
		if err := w(&b, cur); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := render.Text(&b, prev); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "c.txt"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	files, err := Expand([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	// in memory, from the temporary file, title first
	for _, opt := range byAgencyEveryPlan {
		var out bytes.Buffer
		if _, err := Run(context.Background(), files, opt, &out); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		broken := 0
		for _, l := range lines {
			if strings.Contains(l, "≠ 2023 年结转下年度") {
				broken++
			}
		}
		if broken != 2 {
			t.Errorf("%+v: %d of the two 2024 copies checked against 2023:\n%s", opt, broken, out.String())
		}
	}
}

// Two files of one agency-year whose tables differ (a page and a corrected
// PDF) are compared with each other (X.SAME_YEAR on the second, naming the
// first); copies that agree are said nothing; in every plan and in JSON.
func TestSameYearFilesCompared(t *testing.T) {
	dir := t.TempDir()
	cur := report.Generate(rand.New(rand.NewPCG(3, 4)), "示例县民政局", 2024)
	write := func(name string, r *report.Report) {
		var b bytes.Buffer
		if err := render.Text(&b, r); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", cur)
	write("b.txt", cur)
	changed := report.Generate(rand.New(rand.NewPCG(3, 4)), "示例县民政局", 2024)
	changed.Appeals[0][0] = report.N(changed.Appeals[0][0].Val() + 1)
	changed.Appeals[0][4] = report.N(changed.Appeals[0][4].Val() + 1)
	write("c.txt", changed)
	files, err := Expand([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, opt := range []Options{{}, {KeepBytes: 1}, {KeepBytes: 1, noSpill: true}, {JSON: true}} {
		var out bytes.Buffer
		if _, err := Run(context.Background(), files, opt, &out); err != nil {
			t.Fatal(err)
		}
		got := out.String()
		if n := strings.Count(got, "X.SAME_YEAR"); n != 2 ||
			!strings.Contains(got, fmt.Sprintf("本文件为 %d，同一机关同一年度的另一份报告（%s）为 %d", changed.Appeals[0][0].Val(), files[0], cur.Appeals[0][0].Val())) {
			t.Errorf("%+v: X.SAME_YEAR %d times:\n%s", opt, n, got)
		}
		if i := strings.Index(got, "X.SAME_YEAR"); i < strings.Index(got, "c.txt") {
			t.Errorf("%+v: said of another file than c.txt:\n%s", opt, got)
		}
	}
}

// One agency named a little differently from year to year (人民政府 or 政府,
// a second name in brackets, bracket widths) is one agency: its years are
// chained, and last year's text is compared (X.SAME_TEXT). Another agency
// is not joined to it.
func TestAgencyNamedOtherwiseIsOneAgency(t *testing.T) {
	dir := t.TempDir()
	names := []string{"示例县人民政府办公室", "示例县政府办公室", "示例县政府办公室（示例县政务服务中心）", "示例县政府办公室(示例县政务服务中心)"}
	var prev *report.Report
	for y, name := range names {
		r := report.Generate(rand.New(rand.NewPCG(uint64(y), 9)), name, 2021+y)
		if prev != nil {
			r.Sections["5"] = prev.Sections["5"] // copied year after year
		}
		prev = r
		var b bytes.Buffer
		if err := render.Text(&b, r); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%d.txt", y)), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	other := report.Generate(rand.New(rand.NewPCG(99, 9)), "示例县人民政府", 2025)
	other.Sections["5"] = prev.Sections["5"]
	var b bytes.Buffer
	if err := render.Text(&b, other); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "other.txt"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	same := filesWith(t, dir, "X.SAME_TEXT")
	if !same["r1.txt"] || !same["r2.txt"] || !same["r3.txt"] || same["r0.txt"] || same["other.txt"] {
		t.Errorf("X.SAME_TEXT in %v, want r1, r2 and r3 (one agency's years)", same)
	}
}

// One agency titled with the places above it one year and without them
// another (卫滨区… and 新乡市卫滨区…) is one agency; a name with no place
// (民政局), or a shorter name that two fuller ones end with (示例区民政局 in
// 甲市 and in 乙市), is joined to none.
func TestAgencyWithItsPlacesIsOneAgency(t *testing.T) {
	dir := t.TempDir()
	var text string // section 5 copied year after year within a group
	write := func(file, name string, year int, copied bool) {
		t.Helper()
		r := report.Generate(rand.New(rand.NewPCG(uint64(year), uint64(len(file)))), name, year)
		if text == "" {
			text = r.Sections["5"]
		}
		if copied {
			r.Sections["5"] = text
		}
		var b bytes.Buffer
		if err := render.Text(&b, r); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, file), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a2022.txt", "卫滨区教育体育和文化旅游局", 2022, true)
	write("a2023.txt", "新乡市卫滨区教育体育和文化旅游局", 2023, true)
	write("a2024.txt", "卫滨区教育体育和文化旅游局", 2024, true)
	write("a2025.txt", "河南省新乡市卫滨区教育体育和文化旅游局", 2025, true)
	write("b2023.txt", "民政局", 2023, true)
	write("c2022.txt", "示例区民政局", 2022, true)
	write("c2023.txt", "甲市示例区民政局", 2023, true)
	write("d2023.txt", "乙市示例区民政局", 2023, true)
	write("e2024.txt", "新乡市教育局", 2024, true)
	same := filesWith(t, dir, "X.SAME_TEXT")
	want := map[string]bool{"a2023.txt": true, "a2024.txt": true, "a2025.txt": true}
	if !maps.Equal(same, want) {
		t.Errorf("X.SAME_TEXT in %v, want %v (卫滨区's years only)", same, want)
	}
}

// placePrefixes finds the places a name starts with, and nothing in a name
// that starts with an office.
func TestPlacePrefixes(t *testing.T) {
	for name, want := range map[string][]string{
		"新乡市卫滨区教育体育和文化旅游局":  {"新乡市", "新乡市卫滨区"},
		"中山市市场监督管理局":        {"中山市"},
		"府谷县政府办公室":          {"府谷县"},
		"内蒙古自治区阿拉善盟额济纳旗民政局": {"内蒙古自治区", "内蒙古自治区阿拉善盟", "内蒙古自治区阿拉善盟额济纳旗"},
		"示例市生态环境局示例区分局":     {"示例市"},
		"民政局":      nil,
		"示例市":      nil,
		"教育局示例区分局": nil,
	} {
		var got []string
		for _, i := range placePrefixes(name) {
			got = append(got, name[:i])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
}

// filesWith audits dir as `gongkai audit --json DIR` does and names the files
// (base names) with a finding of the rule.
func filesWith(t *testing.T, dir, rule string) map[string]bool {
	t.Helper()
	files, err := Expand([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := Run(context.Background(), files, Options{JSON: true}, &out); err != nil {
		t.Fatal(err)
	}
	with := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var m struct {
			File     string
			Findings []struct{ Rule string }
		}
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		for _, f := range m.Findings {
			if f.Rule == rule {
				with[filepath.Base(m.File)] = true
			}
		}
	}
	return with
}

// What a directory run keeps beyond its bound goes to a temporary file that
// is gone when the run ends; where none can be made, the run reads the
// files again title first, with the same output.
func TestSpillFile(t *testing.T) {
	dir := writeDir(t)
	files, err := Expand([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if _, err := Run(context.Background(), files, Options{JSON: true}, &want); err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	for _, where := range []string{tmp, filepath.Join(tmp, "missing")} {
		t.Setenv("TMPDIR", where)
		var got bytes.Buffer
		if _, err := Run(context.Background(), files, Options{JSON: true, KeepBytes: 1}, &got); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("TMPDIR %s: the output differs from the run in memory", where)
		}
		left, err := os.ReadDir(tmp)
		if err != nil {
			t.Fatal(err)
		}
		if len(left) > 0 {
			t.Errorf("TMPDIR %s: %s left behind", where, left[0].Name())
		}
	}
	// the file is made only when the bound is passed
	t.Setenv("TMPDIR", tmp)
	sp := newSpill("")
	if sp == nil {
		t.Fatal("no temporary file")
	}
	at, ok := sp.put([]byte("甲"), []byte("乙丙"))
	at2, ok2 := sp.put([]byte("丁"))
	if !ok || !ok2 || at != 0 || at2 != int64(len("甲乙丙")) {
		t.Fatalf("put: %d %v, %d %v", at, ok, at2, ok2)
	}
	if err := sp.done(); err != nil {
		t.Fatal(err)
	}
	k := kept{spilled: true, at: 0, nm: len("甲"), nc: len("乙丙")}
	if err := k.load(sp); err != nil || string(k.model) != "甲" || string(k.cy) != "乙丙" {
		t.Errorf("load: %q %q %v", k.model, k.cy, err)
	}
	sp.remove()
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("remove left %s", left[0].Name())
	}
}

// A county's compilation of its departments' reports, in one file beside
// the departments' reports of the year before: each report of it is audited
// on its own, grouped with its agency's other years (the carry-over chain
// checked against the file of the year before), named by its file and
// which report of it it is, and counted as a report; in a directory (in
// memory, from the temporary file), alone, and as uploads.
func TestCompilationAuditedReportByReport(t *testing.T) {
	dir := t.TempDir()
	agencies := []string{"示例县民政局", "示例县教育局", "示例县财政局"}
	var compiled bytes.Buffer
	for k, a := range agencies {
		prev := report.Generate(rand.New(rand.NewPCG(uint64(k), 2)), a, 2023)
		cur := report.Generate(rand.New(rand.NewPCG(uint64(k), 3)), a, 2024)
		if k != 1 { // 教育局's chain holds; the others' are broken
			in := cur.Applications["carried_in"]
			in[report.ColNatural] = report.N(prev.Applications["carried_forward"][report.ColNatural].Val() + 1)
			in[report.ColTotal] = report.N(in[report.ColTotal].Val() + 1)
			cur.Applications["carried_in"] = in
		} else {
			cur.Applications["carried_in"] = prev.Applications["carried_forward"]
		}
		var b bytes.Buffer
		if err := render.Text(&b, prev); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("2023-%d.txt", k)), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := render.Text(&compiled, cur); err != nil {
			t.Fatal(err)
		}
		compiled.WriteString("\n\n")
	}
	book := filepath.Join(dir, "2024汇编.txt")
	if err := os.WriteFile(book, compiled.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	files, err := Expand([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, opt := range byAgencyEveryPlan {
		var out bytes.Buffer
		sum, err := Run(context.Background(), files, opt, &out)
		if err != nil {
			t.Fatal(err)
		}
		broken, parts := 0, 0
		for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			if strings.Contains(l, "≠ 2023 年结转下年度") {
				broken++
			}
			if strings.Contains(l, "2024汇编.txt（第 ") && strings.Contains(l, " 份，共 3 份，第 ") {
				parts++
			}
		}
		chained := broken == 2
		if opt.noSpill { // the title-first plan groups a compilation by its first report: the others are not chained
			chained = broken == 1
		}
		if !chained || parts != 3 || sum.Files != 4 || sum.Reports != 2 {
			t.Errorf("%+v: %d broken chains, %d parts, %+v:\n%s", opt, broken, parts, sum, out.String())
		}
		if !strings.Contains(sum.Line(), "共审核 4 个文件、6 份报告") {
			t.Errorf("%+v: %s", opt, sum.Line())
		}
	}
	// the compilation alone, as JSON: each report with its part
	var out bytes.Buffer
	if sum, err := Run(context.Background(), []string{book}, Options{JSON: true}, &out); err != nil || sum.Files != 1 || sum.Reports != 2 {
		t.Fatalf("alone: %+v %v", sum, err)
	}
	var got []string
	for l := range strings.Lines(out.String()) {
		var x struct {
			File        string
			Agency      string
			Part, Parts int
		}
		if err := json.Unmarshal([]byte(l), &x); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%s %d/%d %s", filepath.Base(x.File), x.Part, x.Parts, x.Agency))
	}
	if want := "2024汇编.txt 1/3 示例县民政局|2024汇编.txt 2/3 示例县教育局|2024汇编.txt 3/3 示例县财政局"; strings.Join(got, "|") != want {
		t.Errorf("alone: %q, want %q", got, want)
	}
	// uploaded (报告核查)
	var ups []Upload
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ups = append(ups, Upload{Name: filepath.Base(f), Data: data})
	}
	outs, err := AuditUploads(context.Background(), ups, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	prevs := 0
	for _, o := range outs {
		if strings.HasPrefix(o.Name, "2024汇编.txt（第 ") && strings.HasPrefix(o.Prev, "2023-") {
			prevs++
		}
	}
	if sum := Summarize(outs); len(outs) != 6 || prevs != 3 || sum.Files != 4 || sum.Reports != 2 {
		t.Errorf("uploads: %d outcomes, %d checked against 2023, %+v", len(outs), prevs, sum)
	}
}
