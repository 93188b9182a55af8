package office_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/ledongthuc/pdf"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/internal/casework"
	"gongkai/internal/clock"
	"gongkai/internal/office"
	"gongkai/internal/report"
	"gongkai/internal/workday"
)

func seed(t testing.TB) *report.Report {
	data, err := os.ReadFile("../../examples/weibin-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.Load("weibin-2024.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// busy is a report with every cell different from its neighbours, so that a
// misplaced number shows.
func busy() *report.Report {
	return report.Generate(rand.New(rand.NewPCG(6, 6)), "示例市交通运输局", 2025)
}

func words(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// labels are every label of the report's three tables.
func labels(r *report.Report) []string {
	out := []string{report.T3HeaderNote, "申请人情况", "法人或其他组织", "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", report.T3Group}
	out = append(out, report.T3ColumnLabels...)
	out = append(out, report.T4ColumnLabels...)
	for _, h := range r.Format.T2Headers() {
		out = append(out, h.Item)
		out = append(out, h.Columns...)
	}
	for _, it := range r.Format.T2Items() {
		out = append(out, it.Label)
	}
	for _, row := range r.Format.T3Rows() {
		out = append(out, row.Label)
		if row.Group != "" {
			out = append(out, row.Group)
		}
	}
	return out
}

// numbers are the cells of 表三 row by row, as they must appear in order.
func numbers(r *report.Report) [][]string {
	var out [][]string
	for _, row := range r.Format.T3Rows() {
		var cs []string
		for _, c := range r.Applications[row.Key] {
			cs = append(cs, c.String())
		}
		out = append(out, cs)
	}
	return out
}

func docxXML(t *testing.T, b []byte, part string) string {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == part {
			rc, _ := f.Open()
			defer rc.Close()
			x, _ := io.ReadAll(rc)
			return string(x)
		}
	}
	t.Fatalf("%s missing", part)
	return ""
}

func TestReportDOCX(t *testing.T) {
	for _, r := range []*report.Report{seed(t), busy()} {
		var b bytes.Buffer
		if err := office.DOCX(&b, office.ReportDoc(r), time.Unix(0, 0)); err != nil {
			t.Fatal(err)
		}
		doc := docxXML(t, b.Bytes(), "word/document.xml")
		// well-formed
		if err := xml.Unmarshal([]byte(doc), new(struct{})); err != nil {
			t.Fatalf("document.xml: %v", err)
		}
		var text strings.Builder
		for _, m := range regexp.MustCompile(`<w:t[^>]*>([^<]*)</w:t>`).FindAllStringSubmatch(doc, -1) {
			text.WriteString(m[1] + "\n")
		}
		all := words(text.String())
		for _, l := range labels(r) {
			if !strings.Contains(all, words(l)) {
				t.Errorf("%s: DOCX lacks label %q", r.Agency, l)
			}
		}
		// every run names an East Asian font, and the body is 三号 (16 pt)
		runs := strings.Count(doc, "<w:r>")
		if ea := strings.Count(doc, `w:eastAsia="`); ea < runs || runs == 0 {
			t.Errorf("%d runs, %d with an East Asian font", runs, ea)
		}
		for _, must := range []string{`w:eastAsia="方正小标宋简体"`, `w:eastAsia="黑体"`, `w:eastAsia="仿宋_GB2312"`, `<w:sz w:val="44"/>`, `<w:sz w:val="32"/>`,
			`<w:pgSz w:w="11906" w:h="16838"/>`, `w:top="2098"`, `w:left="1588"`, `<w:vMerge w:val="restart"/>`, `<w:gridSpan w:val="7"/>`} {
			if !strings.Contains(doc, must) {
				t.Errorf("%s: DOCX lacks %s", r.Agency, must)
			}
		}
		// 三、本年度办理结果 spans the 22 outcome rows: one restart, 21 continuations in column 1
		if n := strings.Count(doc, "<w:vMerge/>"); n < 21 {
			t.Errorf("only %d vertical-merge continuations", n)
		}
		if !strings.Contains(docxXML(t, b.Bytes(), "word/footer1.xml"), "PAGE") {
			t.Error("no page number field")
		}
		// the six parts' headings are outline levels (Word's navigation
		// pane), and each paragraph's properties come in the schema's order
		if n := strings.Count(doc, `<w:outlineLvl w:val="0"/>`); n != 6 {
			t.Errorf("%s: %d headings at outline level 0, want the six parts'", r.Agency, n)
		}
		order := []string{"<w:keepNext", "<w:spacing", "<w:ind", "<w:jc", "<w:outlineLvl"}
		for _, m := range regexp.MustCompile(`<w:pPr>(.*?)</w:pPr>`).FindAllStringSubmatch(doc, -1) {
			at := -1
			for _, tag := range order {
				if i := strings.Index(m[1], tag); i >= 0 {
					if i < at {
						t.Errorf("%s: %s out of the schema's order in %s", r.Agency, tag, m[0])
						break
					}
					at = i
				}
			}
		}
		// the numbers of 表三 appear row by row
		for i, row := range numbers(r) {
			if !strings.Contains(all, words(strings.Join(row, ""))) {
				t.Errorf("row %d numbers %v not found in order", i, row)
			}
		}
	}
}

// needTool fails (never skips) when a checking tool is missing: make test installs it.
func needTool(t *testing.T, name string) string {
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is missing: install Debian's poppler-utils (make test does: scripts/ensure-tools.sh)", name)
	}
	return p
}

type word struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

var bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

func pdfWords(t *testing.T, pdf []byte) ([]word, float64, float64) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.pdf")
	os.WriteFile(p, pdf, 0o644)
	out, err := exec.Command(needTool(t, "pdftotext"), "-bbox", p, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var ws []word
	page := 0
	var w, h float64
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, "<page ") {
			page++
			fmt.Sscanf(line[strings.Index(line, "width"):], `width="%g" height="%g"`, &w, &h)
		}
		if m := bboxWord.FindStringSubmatch(line); m != nil {
			f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
			ws = append(ws, word{page, f(m[1]), f(m[2]), f(m[3]), f(m[4]), m[5]})
		}
	}
	return ws, w, h
}

func TestReportPDF(t *testing.T) {
	for _, r := range []*report.Report{seed(t), busy()} {
		var b bytes.Buffer
		if err := office.PDF(&b, office.ReportDoc(r)); err != nil {
			t.Fatal(err)
		}
		ws, pw, ph := pdfWords(t, b.Bytes())
		if pw < 595 || pw > 596 || ph < 841 || ph > 842 {
			t.Errorf("page %gx%g, want A4", pw, ph)
		}
		var all strings.Builder
		t3page := map[int]int{}
		for _, w := range ws {
			all.WriteString(w.text)
			// nothing outside the page box: the tables fit the page
			if w.xMin < 0 || w.xMax > pw || w.yMin < 0 || w.yMax > ph {
				t.Errorf("%q at (%g,%g)-(%g,%g) leaves the page", w.text, w.xMin, w.yMin, w.xMax, w.yMax)
			}
			if w.xMax > pw-60 && !strings.Contains(w.text, "—") {
				t.Errorf("%q runs into the right margin (x %g)", w.text, w.xMax)
			}
			if strings.Contains(w.text, "本年度办理结果") || strings.Contains(w.text, "结转下年度继续办理") || strings.Contains(w.text, "勾稽关系") {
				t3page[w.page]++
			}
		}
		text := words(all.String())
		for _, l := range labels(r) {
			if !strings.Contains(text, words(l)) {
				t.Errorf("%s: PDF lacks label %q", r.Agency, l)
			}
		}
		for i, row := range numbers(r) {
			if !strings.Contains(text, words(strings.Join(row, ""))) {
				t.Errorf("%s: row %d numbers %v not found", r.Agency, i, row)
			}
		}
		if len(t3page) != 1 {
			t.Errorf("表三 is split over pages %v", t3page)
		}
		toUnicodeWellFormed(t, b.Bytes())
		// a bookmark for each of the six parts, each a child of the
		// document's outline (gopdf named the page tree as their parent)
		doc, err := pdf.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
		if err != nil {
			t.Fatal(err)
		}
		var marks []string
		for _, o := range doc.Outline().Child {
			marks = append(marks, o.Title)
		}
		var want []string
		for _, s := range report.Sections {
			want = append(want, s.Heading)
		}
		if !slices.Equal(marks, want) {
			t.Errorf("%s: bookmarks %q, want %q", r.Agency, marks, want)
		}
		root := regexp.MustCompile(`/Outlines (\d+) 0 R`).FindSubmatch(b.Bytes())
		for _, m := range regexp.MustCompile(`(?s)obj\s*<<\s*/Parent (\d+) 0 R[^>]*?/Title <FEFF`).FindAllSubmatch(b.Bytes(), -1) {
			if root == nil || string(m[1]) != string(root[1]) {
				t.Errorf("%s: a bookmark's parent is object %s, not the outline %q", r.Agency, m[1], root)
			}
		}
		// the text's language and the title shown (the catalog)
		for _, must := range []string{"/Lang (zh-CN)", "/DisplayDocTitle true"} {
			if !bytes.Contains(b.Bytes(), []byte(must)) {
				t.Errorf("%s: the catalog lacks %s", r.Agency, must)
			}
		}
		// the document's title in an information dictionary the trailer
		// refers to (PDF reference 7.5.5), not written into the trailer
		if !regexp.MustCompile(`trailer\s*<<[^<>]*/Info \d+ 0 R\s*>>`).Match(b.Bytes()) {
			t.Errorf("%s: the trailer's Info is no indirect reference:\n%s", r.Agency, b.Bytes()[max(0, b.Len()-400):])
		}
	}
}

// toUnicodeWellFormed holds each font's ToUnicode CMap to the CMap format:
// every code it maps within its code space, read byte by byte, and at most
// 100 mappings a block. gopdf wrote the lowest and highest glyph index as
// the code space (<0020><1D31>: second byte 20-31), leaving most codes
// outside it; poppler and our reader read them anyway, but Ghostscript
// (and the "PDF printers" built on it) dropped the map, and a report PDF
// run through one had no text left.
func toUnicodeWellFormed(t *testing.T, data []byte) {
	t.Helper()
	doc, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	hex := regexp.MustCompile(`<([0-9A-Fa-f]+)>`)
	block := regexp.MustCompile(`(?s)(\d+) begin(codespacerange|bfchar|bfrange)\s(.*?)end(?:codespacerange|bfchar|bfrange)`)
	seen := map[string]bool{}
	for i := 1; i <= doc.NumPage(); i++ {
		page := doc.Page(i)
		for _, name := range page.Fonts() {
			v := page.Font(name).V.Key("ToUnicode")
			if v.IsNull() || seen[v.String()] {
				continue
			}
			seen[v.String()] = true
			rc := v.Reader()
			cmap, _ := io.ReadAll(rc)
			rc.Close()
			var space [][2]uint64
			mapped := 0
			for _, m := range block.FindAllStringSubmatch(string(cmap), -1) {
				n, _ := strconv.Atoi(m[1])
				var codes []uint64
				for _, h := range hex.FindAllStringSubmatch(m[3], -1) {
					c, _ := strconv.ParseUint(h[1], 16, 64)
					codes = append(codes, c)
				}
				per := map[string]int{"codespacerange": 2, "bfchar": 2, "bfrange": 3}[m[2]]
				if n > 100 || len(codes) != n*per {
					t.Errorf("%s: a %s block of %d entries (%d codes read); at most 100, each of %d codes", name, m[2], n, len(codes), per)
					continue
				}
				for k := 0; k < len(codes); k += per {
					if m[2] == "codespacerange" {
						space = append(space, [2]uint64{codes[k], codes[k+1]})
						continue
					}
					mapped++
					c := codes[k]
					if !slices.ContainsFunc(space, func(r [2]uint64) bool {
						return c>>8 >= r[0]>>8 && c>>8 <= r[1]>>8 && c&0xFF >= r[0]&0xFF && c&0xFF <= r[1]&0xFF
					}) {
						t.Errorf("%s: code <%04X> outside the code space %X", name, c, space)
						return
					}
				}
			}
			if mapped == 0 {
				t.Errorf("%s: ToUnicode maps no code", name)
			}
		}
	}
	if len(seen) == 0 {
		t.Error("no font has a ToUnicode CMap")
	}
}

// The first pages rendered to PNG; with GONGKAI_SHOTS=DIR they are kept for a reviewer.
func TestPDFRendersToPNG(t *testing.T) {
	var b bytes.Buffer
	if err := office.PDF(&b, office.ReportDoc(seed(t))); err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("GONGKAI_SHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	os.MkdirAll(dir, 0o755)
	p := filepath.Join(dir, "weibin-2024.pdf")
	os.WriteFile(p, b.Bytes(), 0o644)
	if out, err := exec.Command(needTool(t, "pdftoppm"), "-r", "60", "-png", "-f", "1", "-l", "4", p, filepath.Join(dir, "weibin-2024")).CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "weibin-2024-*.png"))
	if len(pngs) != 4 {
		t.Fatalf("pages rendered: %v", pngs)
	}
	for _, f := range pngs {
		st, _ := os.Stat(f)
		if st.Size() < 5000 {
			t.Errorf("%s is nearly empty (%d bytes)", f, st.Size())
		}
	}
	// every font embedded as a subset, named so (a tag, ABCDEF+: PDF
	// reference 9.6.4), with its map to text
	out, _ := exec.Command(needTool(t, "pdffonts"), p).CombinedOutput()
	fonts := regexp.MustCompile(`(?m)^([A-Z]{6}\+)?\S+\s+CID TrueType\s+Identity-H\s+(\w+)\s+(\w+)\s+(\w+)`).FindAllStringSubmatch(string(out), -1)
	if len(fonts) < 2 {
		t.Errorf("fonts not embedded:\n%s", out)
	}
	for _, f := range fonts {
		if f[1] == "" || f[2] != "yes" || f[3] != "yes" || f[4] != "yes" {
			t.Errorf("a font not embedded as a named subset with its map to text (%q):\n%s", f[0], out)
		}
	}
}

func TestReportXLSX(t *testing.T) {
	r := busy()
	var b bytes.Buffer
	if err := office.ReportXLSX(&b, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(f.GetSheetList(), ","); got != "表二 主动公开,表三 依申请公开,表四 复议诉讼" {
		t.Fatalf("sheets %s", got)
	}
	merged, _ := f.GetMergeCells("表三 依申请公开")
	var ranges []string
	for _, m := range merged {
		ranges = append(ranges, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	for _, want := range []string{"A1:C3", "D1:J1", "D2:D3", "E2:I2", "J2:J3", "A4:C4", "A6:A27"} {
		if !strings.Contains(strings.Join(ranges, " "), want) {
			t.Errorf("merged ranges %v lack %s", ranges, want)
		}
	}
	// 一、本年新收 is row 4; its cells are numbers, equal to the report's
	for i, c := range r.Applications["new"] {
		axis, _ := excelize.CoordinatesToCellName(4+i, 4)
		typ, _ := f.GetCellType("表三 依申请公开", axis)
		v, _ := f.GetCellValue("表三 依申请公开", axis)
		if v != c.String() || (typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset) {
			t.Errorf("%s = %q (%v), want number %s", axis, v, typ, c.String())
		}
	}
	// a merged range is styled (bordered) throughout, as its anchor is; columns have their widths
	a1, _ := f.GetCellStyle("表三 依申请公开", "A1")
	for _, covered := range []string{"B1", "C3", "A27"} {
		if st, _ := f.GetCellStyle("表三 依申请公开", covered); st != a1 && covered != "A27" || st == 0 {
			t.Errorf("%s has style %d (A1 %d)", covered, st, a1)
		}
	}
	if w, _ := f.GetColWidth("表三 依申请公开", "C"); w != 40 {
		t.Errorf("column C is %v wide", w)
	}
	panes, _ := f.GetPanes("表三 依申请公开")
	if !panes.Freeze || panes.YSplit != 3 || panes.XSplit != 3 {
		t.Errorf("panes %+v", panes)
	}
	// printed on A4 landscape a page wide, the header rows on each page:
	// printed as it stood, 表三's last six columns came on a page of their
	// own (LibreOffice, as Excel and WPS do), and the auditor read 693 of
	// 1 005 cells of such a PDF; all now
	for _, sheet := range []string{"表二 主动公开", "表三 依申请公开", "表四 复议诉讼"} {
		props, _ := f.GetSheetProps(sheet)
		layout, _ := f.GetPageLayout(sheet)
		if props.FitToPage == nil || !*props.FitToPage || layout.FitToWidth == nil || *layout.FitToWidth != 1 ||
			layout.FitToHeight == nil || *layout.FitToHeight != 0 || *layout.Orientation != "landscape" || *layout.Size != 9 {
			t.Errorf("%s: page setup %+v %+v", sheet, props, layout)
		}
	}
	if titles := f.GetDefinedName(); !slices.ContainsFunc(titles, func(d excelize.DefinedName) bool {
		return d.Name == "_xlnm.Print_Titles" && d.Scope == "表三 依申请公开" && strings.HasSuffix(d.RefersTo, "!$1:$3")
	}) {
		t.Errorf("表三's header rows not printed on each page: %+v", titles)
	}
	// the group's label down its merged column (三、本年度办理结果 in A6:A27, 8
	// wide) wraps: in the figures' style it showed cut, 本年度办理结
	if id, _ := f.GetCellStyle("表三 依申请公开", "A6"); id != 0 {
		if style, _ := f.GetStyle(id); style == nil || style.Alignment == nil || !style.Alignment.WrapText {
			t.Errorf("A6's style does not wrap: %+v", style)
		}
	} else {
		t.Error("A6 has no style")
	}
	// a label that wraps makes its row as tall as its lines (（六）1., row 25)
	if h, _ := f.GetRowHeight("表三 依申请公开", 25); h < 27 {
		t.Errorf("row 25 (a label of two lines) is %v points high", h)
	}
	if h, _ := f.GetRowHeight("表三 依申请公开", 4); h > 20 {
		t.Errorf("row 4 (a label of one line) is %v points high", h)
	}
	// 表二: four item groups of a heading row and a column-heading row; 行政事业性收费 is row 14
	fee, _ := f.GetCellValue("表二 主动公开", "B14")
	if s, _ := r.Proactive.Amount("fees.amount_wan_yuan").Text(); words(fee) != words(s) && !strings.HasPrefix(fee, s) {
		t.Errorf("fee %q, want %s", fee, s)
	}
}

func TestLedgers(t *testing.T) {
	l := &office.Ledger{Title: "申请台账", Headers: []string{"申请编号", "申请人", "件数"}, Numeric: []bool{false, false, true},
		Rows: [][]string{{"2025-0001", "王某", "3"}, {"2025-0002", "某科技有限公司", "1"}}}
	var x bytes.Buffer
	if err := office.LedgerXLSX(&x, l); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&x)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("申请台账")
	if len(rows) != 3 || rows[2][1] != "某科技有限公司" {
		t.Errorf("%v", rows)
	}
	if typ, _ := f.GetCellType("申请台账", "C2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("count stored as %v", typ)
	}
	var c bytes.Buffer
	office.LedgerCSV(&c, l, false)
	if !bytes.HasPrefix(c.Bytes(), []byte{0xEF, 0xBB, 0xBF, 0xE7, 0x94, 0xB3}) {
		t.Errorf("UTF-8 CSV without BOM: % x", c.Bytes()[:8])
	}
	var g bytes.Buffer
	office.LedgerCSV(&g, l, true)
	back, _ := simplifiedchinese.GB18030.NewDecoder().Bytes(g.Bytes())
	if !strings.HasPrefix(string(back), "申请编号,申请人,件数\r\n2025-0001,王某,3") {
		t.Errorf("GB18030 CSV: %q", back)
	}
}

func TestLetterDocuments(t *testing.T) {
	cal := workday.Default()
	cfg := casework.DefaultConfig()
	d := workday.MustDate("2026-02-10")
	in := casework.Intake{Channel: casework.Online, ConfirmedOn: &d,
		Applicant: casework.Applicant{Type: "natural", Name: "王某", IDType: "身份证", IDNum: "11010519491231002X", Phone: "13800000000"},
		Request:   casework.Request{Description: "2025年本区学区划分方案"}}
	c, err := casework.NewCase(in, casework.Actor{Name: "张", Role: casework.Clerk}, clock.At(d.Time().Add(2*time.Hour)), cal)
	if err != nil {
		t.Fatal(err)
	}
	on := workday.MustDate("2026-02-26")
	if _, err := c.Apply(casework.Step{Kind: casework.KindDecide, On: on, Outcome: "third_party"}, casework.Actor{Name: "李", Role: casework.Approver}, clock.At(on.Time().Add(2*time.Hour)), cfg, cal); err != nil {
		t.Fatal(err)
	}
	l, err := casework.LetterFor(c, 2, casework.AgencyInfo{Name: "卫滨区教育体育和文化旅游局", ReviewOrgan: "新乡市卫滨区人民政府"}, "卫教体依公〔2026〕7号", cfg, cal)
	if err != nil {
		t.Fatal(err)
	}
	var docx, pdf bytes.Buffer
	if err := office.DOCX(&docx, office.LetterDoc(l), time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	if err := office.PDF(&pdf, office.LetterDoc(l)); err != nil {
		t.Fatal(err)
	}
	doc := docxXML(t, docx.Bytes(), "word/document.xml")
	ws, _, _ := pdfWords(t, pdf.Bytes())
	var pt strings.Builder
	for _, w := range ws {
		pt.WriteString(w.text)
	}
	for _, must := range []string{"卫教体依公〔2026〕7号", "王某", "第十五条", "新乡市卫滨区人民政府申请行政复议", "2026年2月26日", "（印章）"} {
		if !strings.Contains(doc, must) {
			t.Errorf("DOCX letter lacks %q", must)
		}
		if !strings.Contains(words(pt.String()), words(must)) {
			t.Errorf("PDF letter lacks %q", must)
		}
	}
}

func TestTableGridRejectsBadSpans(t *testing.T) {
	bad := &office.Table{Widths: []float64{1, 1}, Rows: [][]office.Cell{{{Text: "a", Cols: 3}}}}
	if _, err := bad.Grid(); err == nil {
		t.Error("a span wider than the table accepted")
	}
	gap := &office.Table{Widths: []float64{1, 1}, Rows: [][]office.Cell{{{Text: "a"}}}}
	if _, err := gap.Grid(); err == nil {
		t.Error("a row with a hole accepted")
	}
}

// What gongkai writes in any of its formats — PDF, DOCX, XLSX, HTML, text,
// Markdown — its auditor reads back to the same agency, year and tables,
// with no error, the PDF directly with the pure-Go reader. The workbook,
// which holds the tables alone, is named by its title property and is not
// said to lack the text (before, it read as no agency, no year and three
// missing sections). A report that leaves its zeros blank, 表四 whole,
// reads back blank: before, the workbook's 表四 of headers alone was not
// found, and 第四部分 and 表四 were said to be missing (two false errors);
// so is one blank whole, said once for each table.
func TestAuditReadsOwnDocuments(t *testing.T) {
	trial := report.Generate(rand.New(rand.NewPCG(7, 7)), "示例县人民政府办公室", 2020) // the 2019 trial format
	blanks := report.Generate(rand.New(rand.NewPCG(5, 12)), "示例第13局", 2019)
	for b := range blanks.Appeals {
		blanks.Appeals[b] = [5]report.Cell{}
	}
	for key, row := range blanks.Applications {
		for c := range row {
			if v, ok := row[c].Int(); ok && v == 0 {
				row[c] = report.Cell{}
			}
		}
		blanks.Applications[key] = row
	}
	// and one that leaves 表三 and 表四 blank whole (before, the workbook's
	// 表三 of labels alone was said to be unreadable, and missing)
	empty := report.Generate(rand.New(rand.NewPCG(3, 2)), "示例第3局", 2021)
	for key := range empty.Applications {
		empty.Applications[key] = report.Row{}
	}
	empty.Appeals = blanks.Appeals
	for _, r := range []*report.Report{seed(t), busy(), trial, blanks, empty} {
		files := map[string][]byte{}
		for _, format := range []string{"pdf", "docx", "xlsx", "html", "txt", "md"} {
			var b bytes.Buffer
			if err := office.RenderReport(&b, r, format, time.Unix(0, 0)); err != nil {
				t.Fatal(err)
			}
			files["r."+format] = b.Bytes()
		}
		for name, data := range files {
			back, err := report.Read(name, data)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			report.Check(back, nil)
			if back.Agency != r.Agency || back.Year != r.Year {
				t.Errorf("%s: %q %d", name, back.Agency, back.Year)
			}
			if a, y := report.Identify(name, data); a != r.Agency || y != r.Year { // as a directory run groups it
				t.Errorf("%s identified as %q %d", name, a, y)
			}
			for _, row := range r.Format.T3Rows() {
				if fmt.Sprint(back.Applications[row.Key]) != fmt.Sprint(r.Applications[row.Key]) {
					t.Errorf("%s %s: %v, want %v", name, row.Key, back.Applications[row.Key], r.Applications[row.Key])
				}
			}
			if fmt.Sprint(back.Appeals) != fmt.Sprint(r.Appeals) {
				t.Errorf("%s 表四: %v", name, back.Appeals)
			}
			for _, it := range r.Format.T2Items() {
				for _, c := range it.Cells {
					k := it.Key + "." + c
					if back.Proactive.Cell(k) != r.Proactive.Cell(k) || back.Proactive.Amount(k) != r.Proactive.Amount(k) {
						t.Errorf("%s 表二 %s: %v %v, want %v %v", name, k, back.Proactive.Cell(k), back.Proactive.Amount(k), r.Proactive.Cell(k), r.Proactive.Amount(k))
					}
				}
			}
			said := map[string]bool{}
			for _, f := range back.Findings {
				if f.Severity == report.SevError || f.Rule == "PARSE.TABLE" {
					t.Errorf("%s: %s %s", name, f.Rule, f.Message)
				}
				table, _, _ := strings.Cut(f.Cell, ".") // (表四 said as a whole, or block by block)
				said[f.Rule+" "+table] = true
			}
			if r == empty && (!said["CELL.BLANK applications"] || !said["CELL.BLANK appeals"]) {
				t.Errorf("%s: the blank tables not said: %v", name, back.Findings)
			}
		}
	}
}

// LibreOffice opens the DOCX files and converts them headlessly: they are
// valid for a real word processor, not just for our own reader.
func TestDOCXOpensInLibreOffice(t *testing.T) {
	soffice := needTool(t, "soffice")
	dir := t.TempDir()
	for name, r := range map[string]*report.Report{"seed": seed(t), "busy": busy()} {
		var b bytes.Buffer
		if err := office.DOCX(&b, office.ReportDoc(r), time.Unix(0, 0)); err != nil {
			t.Fatal(err)
		}
		in := filepath.Join(dir, name+".docx")
		os.WriteFile(in, b.Bytes(), 0o644)
		cmd := exec.Command(soffice, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, in)
		cmd.Env = append(os.Environ(), "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		pdf, err := os.ReadFile(filepath.Join(dir, name+".pdf"))
		if err != nil {
			t.Fatalf("%s: LibreOffice wrote no PDF: %v", name, err)
		}
		ws, _, _ := pdfWords(t, pdf)
		var all strings.Builder
		for _, w := range ws {
			all.WriteString(w.text)
		}
		text := []rune(words(all.String()))
		for _, l := range labels(r) {
			if !nearlyInOrder(text, []rune(words(l))) {
				t.Errorf("%s: LibreOffice's rendering lacks %q", name, l)
			}
		}
	}
}

// nearlyInOrder: the label's characters appear in order within a short window.
// A label wrapped inside a narrow cell is read back interleaved with its
// neighbours' words, line by line.
func nearlyInOrder(text, label []rune) bool {
	for start := range text {
		if text[start] != label[0] {
			continue
		}
		k, limit := 1, start+40*len(label)+12 // a label in a tall narrow cell spreads over the rows beside it
		for i := start + 1; i < len(text) && i < limit && k < len(label); i++ {
			if text[i] == label[k] {
				k++
			}
		}
		if k == len(label) {
			return true
		}
	}
	return false
}

// BenchmarkExport is DOCX + PDF + XLSX of one report (target: < 200 ms
// together), against rendering the same report as text in the same run.
func BenchmarkExport(b *testing.B) {
	r := busy()
	b.Run("docx+pdf+xlsx", func(b *testing.B) {
		for b.Loop() {
			if err := office.DOCX(io.Discard, office.ReportDoc(r), time.Unix(0, 0)); err != nil {
				b.Fatal(err)
			}
			if err := office.PDF(io.Discard, office.ReportDoc(r)); err != nil {
				b.Fatal(err)
			}
			if err := office.ReportXLSX(io.Discard, r); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, f := range []string{"docx", "pdf", "xlsx"} {
		b.Run(f, func(b *testing.B) {
			for b.Loop() {
				if err := office.RenderReport(io.Discard, r, f, time.Unix(0, 0)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("baseline_txt", func(b *testing.B) {
		for b.Loop() {
			office.RenderReport(io.Discard, r, "txt", time.Unix(0, 0))
		}
	})
}

// Finding 2 of the hardening review: text from the public that a
// spreadsheet would run as a formula is neutralised in every export.
func TestFormulaNeutralised(t *testing.T) {
	evil := []string{`=HYPERLINK("http://evil.example","x")`, "@SUM(1+1)", "+1+1", "-2+3", "\t=1", "\r=1", "＝1+1"}
	for _, s := range evil {
		if got := office.SafeCell(s); !strings.HasPrefix(got, "'") {
			t.Errorf("SafeCell(%q) = %q", s, got)
		}
	}
	for _, s := range []string{"-3", "+5", "王某", "2025-0001", ""} {
		if got := office.SafeCell(s); got != s {
			t.Errorf("SafeCell(%q) = %q, want it unchanged", s, got)
		}
	}
	rows := make([][]string, len(evil))
	for i, s := range evil {
		rows[i] = []string{s, "-3"}
	}
	l := &office.Ledger{Title: "台账", Headers: []string{"申请人", "件数"}, Numeric: []bool{false, true}, Rows: rows}
	var c bytes.Buffer
	if err := office.LedgerCSV(&c, l, false); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(c.Bytes(), []byte{0xEF, 0xBB, 0xBF}))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range recs[1:] {
		if !strings.HasPrefix(r[0], "'") || r[1] != "-3" {
			t.Errorf("CSV row %d: %q", i+1, r)
		}
	}
	var x bytes.Buffer
	if err := office.LedgerXLSX(&x, l); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&x)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := f.GetRows("台账")
	for i, r := range got[1:] {
		if !strings.HasPrefix(r[0], "'") {
			t.Errorf("XLSX row %d: %q", i+1, r)
		}
		if formula, _ := f.GetCellFormula("台账", fmt.Sprintf("A%d", i+2)); formula != "" {
			t.Errorf("XLSX row %d has a formula %q", i+1, formula)
		}
	}
}

// The fast path of run writes exactly what escaping would.
func TestPlainXMLMatchesEscaping(t *testing.T) {
	for _, s := range []string{"", "招生", "a<b", "x&y", "他说\"好\"", "it's", "行\n二", "\t", "\x01", "\xff", "\uFFFE", "\uFFFD", "𠀀", "２０２５年"} {
		var b bytes.Buffer
		_ = xml.EscapeText(&b, []byte(s))
		if office.PlainXML(s) != (b.String() == s) {
			t.Errorf("%q: plain %v, escaped %q", s, office.PlainXML(s), b.String())
		}
	}
}

// A character no embedded font has (CJK extension B and beyond, emoji) is
// drawn as 〓 in a PDF, where it had been drawn as nothing, and listed by
// MissingInPDF; GB 2312, GBK and extension A characters are drawn.
func TestMissingCharacters(t *testing.T) {
	if got := office.MissingInPDF("申请人：王𬌗、李䶮", "地址：𠀀路😀号，𬌗村"); got != "𬌗𠀀😀" {
		t.Errorf("missing %q", got)
	}
	if got := office.MissingInPDF("卫滨区教育体育和文化旅游局", "喆堃䶮㐂", "abc\n"); got != "" {
		t.Errorf("missing %q in characters the fonts have", got)
	}
	d := &office.Doc{Title: "t", Blocks: []office.Block{{Style: office.StyleBody, Text: "王𬌗、李䶮：您好。"}}}
	var pdf bytes.Buffer
	if err := office.PDF(&pdf, d); err != nil {
		t.Fatal(err)
	}
	ws, _, _ := pdfWords(t, pdf.Bytes())
	var pt strings.Builder
	for _, w := range ws {
		pt.WriteString(w.text)
	}
	if !strings.Contains(pt.String(), "王〓、李䶮：您好。") {
		t.Errorf("PDF text %q", pt.String())
	}
}

// A file name in a 案卷 is one name every unzip tool writes where it belongs:
// no folders, nothing Windows refuses, not empty, not endless.
func TestCaseFileNames(t *testing.T) {
	for in, want := range map[string]string{
		"送达回证.pdf":                        "送达回证.pdf",
		"../../etc/passwd":                ".._.._etc_passwd",
		`C:\扫描\回执?.jpg`:                   "C__扫描_回执_.jpg",
		" 答复书 \x01.docx ":                 "答复书 _.docx",
		"..":                              "_",
		"":                                "_",
		strings.Repeat("长", 100) + ".pdf": strings.Repeat("长", 76) + ".pdf",
		strings.Repeat("长", 100):          strings.Repeat("长", 80),
	} {
		if got := office.SafeName(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// The register as exported says which applications went through an
// extension, a 补正 request or a consultation: a column a clerk filters on.
func TestCaseLedgerSteps(t *testing.T) {
	rows := []casework.Row{
		{Serial: "2025-0001", Received: workday.MustDate("2025-03-03"), Marks: casework.MarkExtended | casework.MarkConsulted},
		{Serial: "2025-0002", Received: workday.MustDate("2025-03-04")},
	}
	l := office.CaseLedger(rows)
	col := slices.Index(l.Headers, "办理中经过")
	if col < 0 || l.Rows[0][col] != "延期答复、征求意见" || l.Rows[1][col] != "" {
		t.Errorf("headers %v, rows %v", l.Headers, l.Rows)
	}
}

// A letter's title longer than a line breaks between the agency's name and
// the kind of document, in the PDF and in Word; a short one stays whole; a
// line end asked for inside a table cell (a name and a time) is one in both.
func TestLetterTitleAndLineEnds(t *testing.T) {
	long := &casework.Letter{Kind: "reply", Title: "卫滨区教育体育和文化旅游局政府信息公开申请答复书", Signer: "卫滨区教育体育和文化旅游局", Number: "卫教体依公〔2026〕1号",
		Addressee: "钱某：", Facts: "本机关收到您的申请。"}
	short := &casework.Letter{Kind: "reply", Title: "某局政府信息公开申请答复书", Signer: "某局", Addressee: "钱某：", Facts: "本机关收到您的申请。"}
	lines := func(l *casework.Letter) map[float64]string {
		var b bytes.Buffer
		if err := office.PDF(&b, office.LetterDoc(l)); err != nil {
			t.Fatal(err)
		}
		ws, _, _ := pdfWords(t, b.Bytes())
		byY := map[float64]string{}
		for _, w := range ws {
			byY[w.yMin] += w.text
		}
		return byY
	}
	got := slices.Collect(maps.Values(lines(long)))
	if !slices.Contains(got, "卫滨区教育体育和文化旅游局") || !slices.Contains(got, "政府信息公开申请答复书") {
		t.Errorf("the long title's lines: %q", got)
	}
	if got := slices.Collect(maps.Values(lines(short))); !slices.Contains(got, "某局政府信息公开申请答复书") {
		t.Errorf("the short title's lines: %q", got)
	}
	var b bytes.Buffer
	if err := office.DOCX(&b, office.LetterDoc(long), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if doc := docxXML(t, b.Bytes(), "word/document.xml"); !strings.Contains(doc, "卫滨区教育体育和文化旅游局</w:t><w:br/><w:t xml:space=\"preserve\">政府信息公开申请答复书") {
		t.Errorf("the Word title does not break between agency and kind:\n%.600s", doc)
	}
	d := &office.Doc{Title: "表", Blocks: []office.Block{{Table: &office.Table{Widths: []float64{2, 2}, FontSize: 10.5,
		Rows: [][]office.Cell{{{Text: "张办理\n2026-11-24 10:00", Cols: 1, Rows: 1}, {Text: "b", Cols: 1, Rows: 1}}}}}}}
	b.Reset()
	if err := office.PDF(&b, d); err != nil {
		t.Fatal(err)
	}
	ws, _, _ := pdfWords(t, b.Bytes())
	var name, at word
	for _, w := range ws {
		switch w.text {
		case "张办理":
			name = w
		case "2026-11-24":
			at = w
		}
	}
	if name.text == "" || at.text == "" || at.yMin <= name.yMax {
		t.Errorf("the cell's two lines: %+v %+v", name, at)
	}
}
