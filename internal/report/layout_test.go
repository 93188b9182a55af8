package report_test

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"html"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/internal/errs"
	"gongkai/internal/render"
	"gongkai/internal/report"
)

var update = flag.Bool("update", false, "rewrite the layout fixtures in testdata/audit")

const auditDir = "../../testdata/audit"

// truth is the report every 2021 layout fixture shows, with the example of the
// issue: 本年新收 64,0,0,2,0,4,70, which flattened reads "640020470".
func truth() *report.Report {
	r := report.NewReport(report.Format2021)
	r.Agency, r.Year, r.Level = "示例市生态环境局", 2024, "city_department"
	r.Zero()
	rows := map[string][7]int64{
		"new":                        {64, 0, 0, 2, 0, 4, 70},
		"carried_in":                 {3, 1, 0, 0, 0, 0, 4},
		"granted":                    {40, 1, 0, 1, 0, 2, 44},
		"partly_granted":             {6, 0, 0, 0, 0, 0, 6},
		"withheld.third_party":       {2, 0, 0, 0, 0, 0, 2},
		"unavailable.not_held":       {11, 0, 0, 1, 0, 1, 13},
		"not_processed.repeat":       {2, 0, 0, 0, 0, 0, 2},
		"other.other":                {1, 0, 0, 0, 0, 0, 1},
		"total":                      {62, 1, 0, 2, 0, 3, 68},
		"carried_forward":            {5, 0, 0, 0, 0, 1, 6},
		"unavailable.needs_creation": {0, 0, 0, 0, 0, 0, 0},
	}
	for k, v := range rows {
		var row report.Row
		for i, x := range v {
			row[i] = report.N(x)
		}
		r.Applications[k] = row
	}
	r.Proactive.Set("rules.issued", report.N(0))
	r.Proactive.Set("normative_documents.issued", report.N(1))
	r.Proactive.Set("normative_documents.repealed", report.N(2))
	r.Proactive.Set("normative_documents.in_force", report.N(15))
	r.Proactive.Set("licensing.decisions", report.N(356))
	r.Proactive.Set("penalty.decisions", report.N(48))
	r.Proactive.Set("coercion.decisions", report.N(3))
	r.Proactive.SetAmount("fees.amount_wan_yuan", report.ParseAmount("12.35"))
	r.Appeals[0] = [5]report.Cell{report.N(2), report.N(1), report.N(0), report.N(1), report.N(4)}
	r.Appeals[1] = [5]report.Cell{report.N(1), report.N(0), report.N(0), report.N(0), report.N(1)}
	r.Sections["1"] = "（一）主动公开情况\n2024年，本局在门户网站发布信息326条。\n（二）依申请公开办理情况\n2024年，本局共收到政府信息公开申请70件，上年结转4件，均已按期答复。\n（三）政府信息管理情况\n一是完善制度。二是加强审核。三是规范归档。\n（四）政府信息公开平台建设情况\n持续优化政府信息公开专栏。\n（五）政府信息公开监督保障\n本年度因政府信息公开被申请行政复议4件，被提起行政诉讼1件。"
	r.Sections["5"] = "存在的问题：一是政策解读形式单一；二是部分栏目更新不够及时。\n改进措施：一是丰富解读形式；二是建立栏目更新提醒机制。"
	r.Sections["6"] = "2024年度本局未收取政府信息公开信息处理费。"
	return r
}

func textOf(t testing.TB, r *report.Report) string {
	var b strings.Builder
	renderText(t, &b, r)
	return b.String()
}

// layoutText imitates `pdftotext -layout`: columns aligned with spaces, long
// labels wrapped onto the next line, prose hard-wrapped, a form feed between
// pages and a page number line.
func layoutText(t testing.TB, r *report.Report) string { return layoutOf(textOf(t, r)) }

// layoutOf is layoutText of a tab text.
func layoutOf(src string) string {
	var b strings.Builder
	width := func(s string) int { return utf8.RuneCountInString(s) }
	inTable := false
	for _, line := range strings.Split(src, "\n") {
		if strings.HasPrefix(line, "三、收到和处理") {
			b.WriteString("\n                                   — 2 —\n\f")
		}
		if !strings.Contains(line, "\t") {
			inTable = false
			// hard-wrap prose at 36 characters
			rs := []rune(line)
			for len(rs) > 36 {
				b.WriteString("    " + string(rs[:36]) + "\n")
				rs = rs[36:]
			}
			b.WriteString("    " + string(rs) + "\n")
			continue
		}
		inTable = true
		_ = inTable
		fields := strings.Split(line, "\t")
		var label []string
		var nums []string
		for i, f := range fields {
			if f == "" {
				continue
			}
			if placeholderCell[f] {
				nums = append(nums, f) // a cell written as a dash or 无: in its column
				continue
			}
			if !isAmount(f) && (report.ParseCount(f).IsInvalid() || i < 3 && !isNum(f)) {
				label = append(label, f)
			} else {
				nums = append(nums, f)
			}
		}
		lab := []rune(strings.Join(label, " "))
		first := lab
		var rest []rune
		if len(lab) > 18 {
			first, rest = lab[:18], lab[18:]
		}
		l := "  " + string(first)
		for i, n := range nums {
			col := 46 + i*7
			for width(l) < col-width(n) {
				l += " "
			}
			l += n
		}
		b.WriteString(l + "\n")
		for len(rest) > 0 {
			k := min(18, len(rest))
			b.WriteString("  " + string(rest[:k]) + "\n")
			rest = rest[k:]
		}
	}
	return b.String()
}

// placeholderCell are what a cell with nothing to count is written as.
var placeholderCell = map[string]bool{"—": true, "/": true, "无": true, "-": true, "－": true, "——": true, "／": true}

func isNum(s string) bool { v := report.ParseCount(s); _, ok := v.Int(); return ok }

// isAmount is a figure with decimals (万元, 采购金额): a number column too.
func isAmount(s string) bool { return regexp.MustCompile(`^\d+\.\d+$`).MatchString(s) }

// flatText imitates a web page that dropped the table cells: a row's numbers
// run together with its label.
func flatText(t testing.TB, r *report.Report) string {
	var b strings.Builder
	for _, line := range strings.Split(textOf(t, r), "\n") {
		if strings.Contains(line, "\t") {
			line = strings.ReplaceAll(line, "\t", "")
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// pageHTML wraps the rendered tables the way a portal does: a layout table
// around everything, navigation, a script, &nbsp; in cells and one blank cell.
func pageHTML(t testing.TB, r *report.Report) string {
	var b bytes.Buffer
	if err := render.HTML(&b, r); err != nil {
		t.Fatal(err)
	}
	body := b.String()
	body = body[strings.Index(body, "<body>")+6 : strings.Index(body, "</body>")]
	body = strings.Replace(body, `<td class="n">356</td>`, `<td class="n">&nbsp;356&nbsp;</td>`, 1)
	return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>政府信息公开</title><script>var x = '<td>1</td>';</script></head><body>" +
		"<div class=\"nav\">首页 &gt; 政府信息公开 &gt; 年度报告</div><table width=\"100%\"><tr><td>" + body +
		"</td></tr></table><div class=\"foot\">主办单位：示例市人民政府办公室</div></body></html>"
}

// docx builds a minimal WordprocessingML package: paragraphs, and tables whose
// merged cells are empty continuation cells, as Word writes them.
func docx(t testing.TB, r *report.Report) []byte {
	var x strings.Builder
	x.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	para := func(s string) {
		x.WriteString(`<w:p><w:r><w:t xml:space="preserve">` + html.EscapeString(s) + `</w:t></w:r></w:p>`)
	}
	inTbl := false
	for _, line := range strings.Split(textOf(t, r), "\n") {
		if !strings.Contains(line, "\t") {
			if inTbl {
				x.WriteString(`</w:tbl>`)
				inTbl = false
			}
			if line != "" {
				// Word splits a paragraph into runs at arbitrary places
				rs := []rune(line)
				if len(rs) > 6 {
					x.WriteString(`<w:p><w:r><w:t>` + html.EscapeString(string(rs[:5])) + `</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>` + html.EscapeString(string(rs[5:])) + `</w:t></w:r></w:p>`)
				} else {
					para(line)
				}
			}
			continue
		}
		if !inTbl {
			x.WriteString(`<w:tbl>`)
			inTbl = true
		}
		x.WriteString(`<w:tr>`)
		for _, f := range strings.Split(line, "\t") {
			if f == "" {
				x.WriteString(`<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>`)
			} else {
				x.WriteString(`<w:tc><w:p><w:r><w:t>` + html.EscapeString(f) + `</w:t></w:r></w:p></w:tc>`)
			}
		}
		x.WriteString(`</w:tr>`)
	}
	if inTbl {
		x.WriteString(`</w:tbl>`)
	}
	x.WriteString(`</w:body></w:document>`)
	return zipDocx(x.String())
}

// docxDocument is the document.xml of docx(t, r), to change by hand.
func docxDocument(t testing.TB, r *report.Report) string {
	data := docx(t, r)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatal("no word/document.xml")
	return ""
}

// docxString is docx as the layouts' string.
func docxString(t testing.TB, r *report.Report) string { return string(docx(t, r)) }

// zipDocx packages a document.xml as a DOCX file.
func zipDocx(document string) []byte {
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	for name, content := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml":   document,
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(content))
	}
	zw.Close()
	return zb.Bytes()
}

type fixture struct {
	file string
	make func(testing.TB) []byte
	want func() *report.Report // the model the reader must give back
	// findings are rules the reader must report (the layout's ambiguities,
	// the report's own errors); errorsExpected allows errors among them
	findings       []string
	errorsExpected bool
}

func truth2019() *report.Report {
	r := report.Generate(rand.New(rand.NewPCG(2020, 7)), "示例县人民政府办公室", 2020)
	return r
}

var fixtures = []fixture{
	{file: "tab-2021.txt", make: func(t testing.TB) []byte { return []byte(textOf(t, truth())) }, want: truth},
	{file: "layout-2021.txt", make: func(t testing.TB) []byte { return []byte(layoutText(t, truth())) }, want: truth},
	{file: "flat-2021.txt", make: func(t testing.TB) []byte { return []byte(flatText(t, truth())) }, want: func() *report.Report {
		r := truth()
		// 表二 has no identities: "行政规范性文件1215" splits as 1,2,15 / 1,21,5 / 12,1,5
		blankNormative(r)
		return r
	}},
	{file: "page-2021.html", make: func(t testing.TB) []byte { return []byte(pageHTML(t, truth())) }, want: truth},
	{file: "tab-2019.txt", make: func(t testing.TB) []byte { return []byte(textOf(t, truth2019())) }, want: truth2019},
}

// tables is the part of a report the layouts must agree on.
func tables(r *report.Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "agency=%s year=%d format=%s\n", r.Agency, r.Year, r.Format)
	for _, it := range r.Format.T2Items() {
		b.WriteString(it.Key + ":" + strings.Join(render.T2Values(r, it), ",") + "\n")
	}
	for _, row := range r.Format.T3Rows() {
		var cs []string
		for _, c := range r.Applications[row.Key] {
			cs = append(cs, c.String())
		}
		b.WriteString(row.Key + ":" + strings.Join(cs, ",") + "\n")
	}
	for i := range r.Appeals {
		var cs []string
		for _, c := range r.Appeals[i] {
			cs = append(cs, c.String())
		}
		b.WriteString(report.T4Blocks[i].Key + ":" + strings.Join(cs, ",") + "\n")
	}
	return b.String()
}

// TestLayouts audits each committed fixture of testdata/audit (committed so
// that reviewers can read them and the fuzzer can start from them); -update
// rewrites them first.
func TestLayouts(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.file, func(t *testing.T) {
			path := filepath.Join(auditDir, f.file)
			if *update {
				if err := os.WriteFile(path, f.make(t), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			data := readFile(t, path)
			if !bytes.Equal(data, f.make(t)) {
				t.Fatalf("%s is stale: go test ./internal/report -run TestLayouts -update", f.file)
			}
			r := audit(t, f.file, data)
			want := f.want()
			if d := cmp.Diff(tables(want), tables(r)); d != "" {
				t.Errorf("tables (-want +got):\n%s", d)
			}
			for _, k := range []string{"1", "5", "6"} {
				if norm(r.Sections[k]) != norm(want.Sections[k]) {
					t.Errorf("section %s:\n got %q\nwant %q", k, r.Sections[k], want.Sections[k])
				}
			}
			var errsFound []report.Finding
			rules := map[string]bool{}
			for _, x := range r.Findings {
				rules[x.Rule] = true
				if (x.Severity == report.SevError || x.Rule == "N.TABLE") && !slices.Contains(f.findings, x.Rule) {
					errsFound = append(errsFound, x)
				}
			}
			if len(errsFound) > 0 {
				t.Errorf("findings on a correct report: %v", errsFound)
			}
			for _, want := range f.findings {
				if !rules[want] {
					t.Errorf("%s not reported; findings: %v", want, r.Findings)
				}
			}
			for _, x := range r.Findings {
				if w := englishWord.FindString(x.Message); w != "" {
					t.Errorf("%s says %q, English in a Chinese message: %s", x.Rule, w, x.Message)
				}
			}
		})
	}
}

// englishWord is a word of English (an internal key such as upheld or
// withheld) in a finding's message, which is Chinese.
var englishWord = regexp.MustCompile(`[A-Za-z]{4,}`)

func norm(s string) string { return strings.Join(strings.Fields(s), "") }

// The example, alone: the digits split by the table's own identities.
func TestFlatSplitsByIdentities(t *testing.T) {
	r := audit(t, "flat", readFile(t, filepath.Join(auditDir, "flat-2021.txt")))
	got := r.Applications["new"]
	want := []int64{64, 0, 0, 2, 0, 4, 70}
	for i, c := range got {
		if v, ok := c.Int(); !ok || v != want[i] {
			t.Fatalf("new = %v, want %v", got, want)
		}
	}
	var amb []string
	for _, f := range r.Findings {
		if f.Rule == "PARSE.AMBIGUOUS" {
			amb = append(amb, f.Cell)
		}
	}
	if !cmp.Equal(amb, []string{"proactive.normative_documents"}) {
		t.Errorf("ambiguous = %v", amb)
	}
	// blank because unknown: no CELL.BLANK on top of PARSE.AMBIGUOUS
	for _, f := range r.Findings {
		if f.Rule == "CELL.BLANK" {
			t.Errorf("CELL.BLANK on an ambiguous cell: %v", f)
		}
	}
}

// When two splits of a row both satisfy every identity, the cells that differ
// stay null.
func TestFlatAmbiguousRowLeftNull(t *testing.T) {
	r := truth()
	// 11 and 1,1 read alike once run together: 1,11,0,0,0,0,12 vs 11,1,0,0,0,0,12
	r.Applications["new"] = report.Row{report.N(1), report.N(11), report.N(0), report.N(0), report.N(0), report.N(0), report.N(12)}
	r.Applications["carried_in"] = report.Row{report.N(11), report.N(1), report.N(0), report.N(0), report.N(0), report.N(0), report.N(12)}
	r.Applications["granted"] = report.Row{report.N(12), report.N(12), report.N(0), report.N(0), report.N(0), report.N(0), report.N(24)}
	for _, k := range []string{"partly_granted", "withheld.third_party", "unavailable.not_held", "not_processed.repeat", "other.other", "carried_forward"} {
		r.Applications[k] = report.Row{report.N(0), report.N(0), report.N(0), report.N(0), report.N(0), report.N(0), report.N(0)}
	}
	r.Applications["total"] = r.Applications["granted"]
	got := audit(t, "amb", []byte(flatText(t, r)))
	n, in := got.Applications["new"], got.Applications["carried_in"]
	if !n[0].Blank() || !n[1].Blank() || !in[0].Blank() || !in[1].Blank() {
		t.Errorf("ambiguous cells were guessed: new=%v carried_in=%v", n, in)
	}
	if v, _ := n[6].Int(); v != 12 {
		t.Errorf("the total is the same in every reading and should be kept: %v", n)
	}
	found := false
	for _, f := range got.Findings {
		if f.Rule == "PARSE.AMBIGUOUS" && f.Cell == "applications.new" {
			found = true
		}
	}
	if !found {
		t.Errorf("no PARSE.AMBIGUOUS: %v", got.Findings)
	}
}

func TestDOCX(t *testing.T) {
	want := truth()
	r := audit(t, "r.docx", docx(t, want))
	if d := cmp.Diff(tables(want), tables(r)); d != "" {
		t.Errorf("tables (-want +got):\n%s", d)
	}
	if norm(r.Sections["5"]) != norm(want.Sections["5"]) {
		t.Errorf("section 5 = %q", r.Sections["5"])
	}
}

func TestEncodings(t *testing.T) {
	src := readFile(t, seedPath)
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(src)
	if err != nil {
		t.Fatal(err)
	}
	bom := append([]byte{0xEF, 0xBB, 0xBF}, src...)
	crlf := bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))
	// UTF-8 with a stray byte in its last section (a copy cut a character):
	// still UTF-8, the bad byte a U+FFFD, not the whole file read as GB18030
	cut := bytes.LastIndex(src, []byte("六、"))
	stray := append(append(append([]byte{}, src[:cut+4]...), 0xFF), src[cut+4:]...)
	want := tables(audit(t, "seed", src))
	for name, data := range map[string][]byte{"gb18030": gb, "bom": bom, "crlf": crlf, "stray byte": stray} {
		r := audit(t, name, data)
		if d := cmp.Diff(want, tables(r)); d != "" {
			t.Errorf("%s: %s", name, d)
		}
		if r.Agency != "卫滨区教育体育和文化旅游局" {
			t.Errorf("%s: agency %q", name, r.Agency)
		}
	}
}

func TestUnreadableInputs(t *testing.T) {
	// a PDF whose text cannot be had: the message names the tool to convert with
	pdf := []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
	zipOf := func(name string) []byte {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		w, _ := zw.Create(name)
		w.Write([]byte("<x/>"))
		zw.Close()
		return b.Bytes()
	}
	// a ZIP whose first part is a PDF, stored: a container, not a PDF with
	// bytes before its header
	var pz bytes.Buffer
	zw := zip.NewWriter(&pz)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "a.pdf", Method: zip.Store})
	w.Write(pdf)
	zw.Close()
	cases := map[string]struct {
		data []byte
		want string
	}{
		"pdf":               {pdf, "pdftotext -layout"},
		"xlsx":              {zipOf("xl/workbook.xml"), "Excel 文件损坏"}, // a workbook that is no workbook
		"zip":               {zipOf("a.txt"), "不是 DOCX"},
		"zip holding a PDF": {pz.Bytes(), "不是 DOCX"},
		"binary":            {[]byte("abc\x00\x01\x02def"), "二进制"},
		"badzip":            {[]byte("PK\x03\x04garbage"), "DOCX"},
		// finding 6: nothing to audit is unreadable, not a report lacking six parts
		"empty":      {nil, "没有文字"},
		"blank":      {[]byte("\xEF\xBB\xBF \r\n\u3000\n\t"), "没有文字"},
		"empty html": {[]byte("<html><body><p> </p></body></html>"), "没有文字"},
	}
	for name, c := range cases {
		_, err := report.Read(name, c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want mention of %q", name, err, c.want)
		}
	}
}

func TestMissingAndOrder(t *testing.T) {
	src := string(readFile(t, seedPath))
	i := strings.Index(src, "四、政府信息公开行政复议")
	j := strings.Index(src, "五、存在的主要问题")
	r := audit(t, "cut", []byte(src[:i]+src[j:]))
	var got []string
	for _, f := range r.Findings {
		if f.Severity == report.SevError {
			got = append(got, f.Rule+":"+f.Cell)
		}
	}
	if !cmp.Equal(got, []string{"S.MISSING:sections.4", "S.MISSING:"}) {
		t.Errorf("errors = %v", got)
	}
}

// Word writes a text box twice, as a drawing (mc:Choice) and as VML for
// older readers (mc:Fallback): its text is read once, and a report whose
// title sits in a text box still has one title and a clean audit.
func TestDOCXTextBoxOnce(t *testing.T) {
	want := truth()
	doc := docxDocument(t, want)
	box := func(s string) string {
		p := `<w:p><w:r><w:t>` + s + `</w:t></w:r></w:p>`
		return `<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
			`<mc:Choice Requires="wps"><w:drawing><wps:wsp xmlns:wps="w"><wps:txbx><w:txbxContent>` + p + `</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>` +
			`<mc:Fallback><w:pict><v:shape xmlns:v="v"><v:textbox><w:txbxContent>` + p + `</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>` +
			`</mc:AlternateContent></w:r></w:p>`
	}
	doc = strings.Replace(doc, "<w:body>", "<w:body>"+box("（盖章）示例文本框"), 1)
	if n := timesRead(t, "box.docx", zipDocx(doc), "示例文本框"); n != 1 {
		t.Errorf("the text box's text read %d times, want once", n)
	}
	r := audit(t, "box.docx", zipDocx(doc))
	if d := cmp.Diff(tables(want), tables(r)); d != "" {
		t.Errorf("tables (-want +got):\n%s", d)
	}
}

// Word's automatic numbering: the 一、 of a heading and the （一） of a
// sub-heading are drawn from numbering.xml (directly, or through the
// paragraph's style), not written in document.xml. They are read back, so
// a report whose headings are numbered so reads as one that typed them.
func TestDOCXListNumbers(t *testing.T) {
	want := truth()
	var x strings.Builder
	x.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	head := regexp.MustCompile(`^[一二三四五六]、`)
	sub := regexp.MustCompile(`^（[一二三四五六七]）`)
	inTbl := false
	heads, subs := 0, 0
	for _, line := range strings.Split(textOf(t, want), "\n") {
		if strings.Contains(line, "\t") {
			if !inTbl {
				x.WriteString(`<w:tbl>`)
				inTbl = true
			}
			x.WriteString(`<w:tr>`)
			for _, f := range strings.Split(line, "\t") {
				x.WriteString(`<w:tc><w:p><w:r><w:t>` + html.EscapeString(f) + `</w:t></w:r></w:p></w:tc>`)
			}
			x.WriteString(`</w:tr>`)
			continue
		}
		if inTbl {
			x.WriteString(`</w:tbl>`)
			inTbl = false
		}
		ppr := ""
		switch {
		case head.MatchString(line):
			line, heads = head.ReplaceAllString(line, ""), heads+1
			ppr = `<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr><w:pPrChange><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:pPrChange></w:pPr>`
		case sub.MatchString(line):
			line, subs = sub.ReplaceAllString(line, ""), subs+1
			ppr = `<w:pPr><w:pStyle w:val="Sub"/></w:pPr>`
		}
		x.WriteString(`<w:p>` + ppr + `<w:r><w:t>` + html.EscapeString(line) + `</w:t></w:r></w:p>`)
	}
	if inTbl {
		x.WriteString(`</w:tbl>`)
	}
	x.WriteString(`</w:body></w:document>`)
	if heads != 6 || subs < 3 {
		t.Fatalf("the test report has %d headings and %d sub-headings", heads, subs)
	}
	numbering := `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>`
	styles := `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:style w:type="paragraph" w:styleId="SubBase"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Sub"><w:basedOn w:val="SubBase"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	for name, content := range map[string]string{"word/document.xml": x.String(), "word/numbering.xml": numbering, "word/styles.xml": styles,
		// the package's parts and relations, as Word writes them (LibreOffice opens the file only with them)
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
		"_rels/.rels":                  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(content))
	}
	zw.Close()
	if out := os.Getenv("GONGKAI_WRITE_NUMBERED"); out != "" {
		os.WriteFile(out, zb.Bytes(), 0o644) // to convert with LibreOffice by hand
	}
	r := audit(t, "numbered.docx", zb.Bytes())
	if d := cmp.Diff(tables(want), tables(r)); d != "" {
		t.Errorf("tables (-want +got):\n%s", d)
	}
	for _, f := range r.Findings {
		t.Errorf("finding %s %s", f.Rule, f.Message)
	}
	lines, _, err := report.Lines("numbered.docx", zb.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range lines {
		if head.MatchString(l.Text) && l.Fields == nil || sub.MatchString(l.Text) {
			got = append(got, l.Text)
		}
	}
	// Word puts a tab after the number unless told otherwise (w:suff): read as a space
	if len(got) < 9 || got[0] != "一、 总体情况" || got[1] != "（一） 主动公开情况" || !slices.Contains(got, "六、 其他需要报告的事项") {
		t.Errorf("numbered headings read as %q", got)
	}
}

// A PDF made into DOCX (LibreOffice) puts each run of the page in a text
// box of its own: every cell of a row in another frame, the rows' numbers
// apart from their labels. Each frame's paragraph is a line, once. Frames
// that do not say where they stand leave the tables unreadable, said with
// what to do, not read as rows of one number each.
func TestDOCXFramedPage(t *testing.T) {
	var frames strings.Builder
	for _, line := range strings.Split(textOf(t, truth()), "\n") {
		for _, f := range strings.Split(line, "\t") {
			if f == "" {
				continue
			}
			p := `<w:p><w:r><w:t>` + html.EscapeString(f) + `</w:t></w:r></w:p>`
			frames.WriteString(`<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>` + p +
				`</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>` + p +
				`</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent>`)
		}
	}
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="w" xmlns:mc="mc" xmlns:wps="wps" xmlns:v="v"><w:body><w:p><w:r>` +
		frames.String() + `</w:r></w:p></w:body></w:document>`
	lines, _, err := report.Lines("framed.docx", zipDocx(doc))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range lines {
		if l.Text == "行政许可" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the frame 行政许可 read %d times, want once", n)
	}
	r := audit(t, "framed.docx", zipDocx(doc))
	said := countFindings(r, func(f report.Finding) bool {
		return f.Rule == "PARSE.TABLE" && strings.Contains(f.Message, "文本框") && strings.Contains(f.Message, "pdftotext -layout")
	})
	if said != 3 {
		t.Errorf("%d tables said to be in text boxes, want 3: %v", said, r.Findings)
	}
	if v, ok := r.Applications["new"][report.ColTotal].Int(); ok {
		t.Errorf("a framed page's 表三 read: new total %d", v)
	}
}

// LibreOffice's DOCX and ODT of a PDF (its PDF import: 7.4's of its own PDF
// of the report, 7.5's of Chromium's and of LibreOffice's, zeros written
// and left blank) place each frame on its page: a DOCX anchor's offsets
// (all pages' anchored in one paragraph, each page's from its top), an ODT
// frame's page, x and y. The pages are laid out again from them and read as
// the report, with a note that they were.
func TestFramesLaidOut(t *testing.T) {
	for _, name := range []string{"lo-frames-2021.docx", "lo-frames-2021.odt"} {
		r := audit(t, name, readFile(t, filepath.Join(auditDir, name)))
		noFalseErrors(t, name, r)
		if d := cmp.Diff(tables(truth()), tables(r)); d != "" {
			t.Errorf("%s: tables (-want +got):\n%s", name, d)
		}
		framesSaid(t, name, r)
	}
	// Chromium's PDF: its 表三 page's first frame 272 points above its 表二
	// page's last (a page is told by a frame at the page's top too); with
	// blanks, its narrow column headings 8 points apart (科研 | 社会公: a
	// frame's width is its text's, no gap closed as a guessed width's error)
	for _, name := range []string{"lo-frames-chrome-2021.docx", "lo-frames-chrome-blanks-2022.docx", "lo-frames-chrome-blanks-2022.odt"} {
		want, r := auditClean(t, name)
		if d := cmp.Diff(tables(want), tables(r)); d != "" {
			t.Errorf("%s: tables (-want +got):\n%s", name, d)
		}
		framesSaid(t, name, r)
	}
}

// LibreOffice's RTF of such a document keeps each shape's place
// (\shpleft, \shptop, \shpright in twips) and its text box (\shptxt): a
// page's shapes are laid out by place as a DOCX's frames are (its 表三 page
// read whole), but where it mixes two pages' shapes, each placed from its
// own page's top, boxes cover one another: their text is read a box to a
// line and the tables said unreadable (before, the RTF had "no text" and was
// refused). Its DOC keeps the boxes in a story of their own, not placed
// here: refused with the advice to save it as DOCX.
func TestFramesInRTFAndDOC(t *testing.T) {
	want, r := auditWithModel(t, "lo-frames-page3-2021.rtf")
	for _, row := range want.Format.T3Rows() {
		rowAsTruth(t, "lo-frames-page3-2021.rtf", want, r, row.Key)
	}
	framesSaid(t, "lo-frames-page3-2021.rtf", r)
	r = audit(t, "lo-frames-2pages-2021.rtf", readFile(t, filepath.Join(auditDir, "lo-frames-2pages-2021.rtf")))
	said := countFindings(r, func(f report.Finding) bool {
		return f.Rule == "PARSE.TABLE" && strings.Contains(f.Message, "文本框")
	})
	if said != 3 || slices.ContainsFunc(r.Findings, func(f report.Finding) bool { return f.Severity == report.SevError }) {
		t.Errorf("two pages' frames mixed: %d tables said unreadable, want 3: %v", said, r.Findings)
	}
	_, err := report.Read("lo-frames-page3-2021.doc", readFile(t, filepath.Join(auditDir, "lo-frames-page3-2021.doc")))
	if err == nil || !strings.Contains(errs.Message(err), "文本框") || !strings.Contains(errs.Message(err), "DOCX") {
		t.Errorf("a DOC of text boxes: %v, want it refused with the advice to save it as DOCX", err)
	}
}

func framesSaid(t *testing.T, name string, r *report.Report) {
	t.Helper()
	if countFindings(r, func(f report.Finding) bool { return f.Rule == "PARSE.READ" && strings.Contains(f.Message, "文本框") }) != 1 {
		t.Errorf("%s: the frames laid out again not said: %v", name, r.Findings)
	}
}

// A row whose glued digits split more than one way, each adding up, when
// the table's identities cannot tell them apart (cells blank elsewhere):
// the cells every split agrees on are read, the others said. In pdf.js's
// glued text of the report with blanks, "110010113" is 11 0 0 1 0 1 13,
// 1 10 0 1 0 1 13 or 1 1 0 10 0 1 13: 科研机构 0, 其他 1 and 总计 13 are
// known (before, the whole row was left unread).
func TestAmbiguousRowKeepsAgreedCells(t *testing.T) {
	r := audit(t, "glued.txt", readFile(t, filepath.Join(auditDir, "pdfjs-glued-blanks-2021.txt")))
	got := r.Applications["unavailable.not_held"]
	for c, want := range map[int]string{report.ColResearch: "0", report.ColOther: "1", report.ColTotal: "13"} {
		if got[c].String() != want {
			t.Errorf("column %d = %q, want %s", c, got[c].String(), want)
		}
	}
	said := false
	for _, f := range r.Findings {
		if f.Cell == "applications.unavailable.not_held" {
			said = f.Rule == "PARSE.AMBIGUOUS" && strings.Contains(f.Message, "自然人、商业企业、社会公益组织、法律服务机构栏无法确定")
		}
	}
	for _, c := range []int{report.ColNatural, report.ColBusiness, report.ColPublicInterest, report.ColLegalService} {
		if !got[c].Blank() {
			t.Errorf("column %d read as %v from an ambiguous split", c, got[c])
		}
	}
	if !said {
		t.Errorf("the columns not known are not said: %v", r.Findings)
	}
}

// A workbook whose shared strings claim 20 MB and hold five bytes: excelize
// unpacks such a part to a temporary file, then fails; reading it is an
// error and leaves nothing in the temporary directory (each upload or
// audited file had left a file there for good).
func TestBrokenWorkbookLeavesNoTemporaryFile(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("xl/workbook.xml")
	w.Write([]byte("<workbook/>"))
	w, _ = zw.CreateRaw(&zip.FileHeader{Name: "xl/sharedStrings.xml", CompressedSize64: 5, UncompressedSize64: 20 << 20, CRC32: 1})
	w.Write([]byte("<sst>"))
	zw.Close()
	if _, err := report.Read("a.xlsx", b.Bytes()); err == nil || !strings.Contains(err.Error(), "Excel 文件损坏") {
		t.Errorf("err = %v", err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left in the temporary directory: %v", left)
	}
}

// squeezedBlanks is truth with two 表三 rows whose blank cells a layout text
// closes up (layoutText writes a row's numbers in the first columns): 新收
// 64 _ 0 2 _ 4 70 and 保护第三方合法权益 2 _ _ _ _ _ 2, which read 64 0 2 4 70
// and 2 2 under the first five and two columns.
func squeezedBlanks() *report.Report {
	r := truth()
	blank := func(key string, cols ...int) {
		row := r.Applications[key]
		for _, c := range cols {
			row[c] = report.Cell{}
		}
		r.Applications[key] = row
	}
	blank("new", 1, 4)
	blank("withheld.third_party", 1, 2, 3, 4, 5)
	return r
}

// A layout text whose rows with blank cells lost their columns (the blanks
// closed up, the numbers under the first columns) while their numbers still
// add up to the last: the columns would put the 总计 in another cell and
// leave 总计 blank, with false T3.ROWSUM, T3.OUTCOMES and T3.BALANCE errors
// (57 of 60 such generated reports in each of seven layouts). The columns are
// not trusted for such a row: it is read as the numbers run together are, by
// the row the table's other rows give (PARSE.READ), its blanks where that
// row has 0 — 保护第三方合法权益 as it was written; of 新收's 0 0 in 商业企业 and
// 科研机构, which is the blank cannot be known (both null).
func init() {
	fixtures = append(fixtures, fixture{file: "layout-squeezed-blanks-2021.txt",
		make: func(t testing.TB) []byte { return []byte(layoutText(t, squeezedBlanks())) },
		want: func() *report.Report {
			r := squeezedBlanks()
			row := r.Applications["new"]
			row[report.ColResearch] = report.Cell{}
			r.Applications["new"] = row
			return r
		}, findings: []string{"PARSE.READ", "CELL.BLANK"}})
}

// squeezedBlanks2019 is truth2019 with 其他对外管理服务事项's 上一年项目数量
// blank and its 本年增/减 -6, which a layout text closing up blank cells
// writes as -6 and its 处理决定数量 under the first two columns.
func squeezedBlanks2019() *report.Report {
	r := truth2019()
	r.Proactive.Set("other_services.prev_items", report.Cell{})
	r.Proactive.Set("other_services.change", report.N(-6))
	return r
}

// There the columns would put -6 in 上一年项目数量, a count (a false
// CELL.INVALID, 件数不能为负): the negative goes in the one column that may
// hold it, the number after it in the next, the blank before it.
func init() {
	fixtures = append(fixtures, fixture{file: "layout-squeezed-blanks-2019.txt",
		make: func(t testing.TB) []byte { return []byte(layoutText(t, squeezedBlanks2019())) },
		want: squeezedBlanks2019, findings: []string{"CELL.BLANK"}})
}

// zerosAs is r with every 0 of 表三 and 表四 written as mark, as some
// agencies fill them.
func zerosAs(r *report.Report, mark string) *report.Report {
	return zerosBy(r, func() report.Cell { return report.Invalid(mark) })
}

// zerosBy is r with each 0 of 表三 and 表四 replaced by what cell gives
// (called once a 0, in the tables' order).
func zerosBy(r *report.Report, cell func() report.Cell) *report.Report {
	for _, row := range r.Format.T3Rows() {
		x := r.Applications[row.Key]
		for c := range x {
			if v, ok := x[c].Int(); ok && v == 0 {
				x[c] = cell()
			}
		}
		r.Applications[row.Key] = x
	}
	for b := range r.Appeals {
		for c := range r.Appeals[b] {
			if v, ok := r.Appeals[b][c].Int(); ok && v == 0 {
				r.Appeals[b][c] = cell()
			}
		}
	}
	return r
}

// attachedMarks is truth with one 行政诉讼 after 复议 pending and no other
// appeal, every 0 written as mark: its 表四 holds two digits.
func attachedMarks(mark string) *report.Report {
	r := truth()
	r.Appeals = report.Appeals{}
	r.Zero()
	r.Appeals[2][3], r.Appeals[2][4] = report.N(1), report.N(1)
	return zerosAs(r, mark)
}

// The tables a report prints after its text (附表) whose 表四 is all — but
// for two digits: it is the table (marksIn); before, 表四 was said missing
// (S.MISSING). (The narrative's 复议 and 诉讼 are truth's: N.TABLE.)
func init() {
	fixtures = append(fixtures,
		fixture{file: "attached-marks-2021.txt", make: func(t testing.TB) []byte { return []byte(attachedText(t, attachedMarks("—"))) },
			want: func() *report.Report { return attachedMarks("—") }, findings: []string{"CELL.INVALID", "N.TABLE"}, errorsExpected: true})
}

// A page without line breaks folded at a width, every 0 of its tables written
// as — (oneline-folded-marks-2021.txt), / or 无: a row's last — glued to the next
// row's item number (— —4.保护…) is where its lines join, as the digits of one
// are (rowJoints), and the page reads as a page without line breaks: every
// cell it reads right, most of them read (where a fold took the space
// between two —, —— may be one cell or two: such a row is said and left, as
// unfolded where rows glue so), its sections found. Before, it was not taken
// for a folded page: its lines were read apart, sections 一, 五 and 六
// missing and every table row unfound.
func TestFoldedPageOfMarks(t *testing.T) {
	for _, mark := range []string{"—", "/", "无"} {
		t.Run(mark, func(t *testing.T) {
			src := zerosAs(truth(), mark)
			folded := []byte(foldedOneline(t, src))
			if mark == "—" { // the one kept in testdata/audit
				path := filepath.Join(auditDir, "oneline-folded-marks-2021.txt")
				if *update {
					if err := os.WriteFile(path, folded, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				if !bytes.Equal(readFile(t, path), folded) {
					t.Fatalf("%s is stale: go test ./internal/report -run TestFoldedPageOfMarks -update", path)
				}
			}
			got := audit(t, "oneline-folded-marks-2021.txt", folded)
			readRight := func(r *report.Report) int {
				read := 0
				for _, row := range src.Format.T3Rows() {
					for c, want := range src.Applications[row.Key] {
						switch g := r.Applications[row.Key][c]; {
						case g.Blank():
						case g.String() == want.String():
							read++
						default:
							t.Errorf("%s[%d] = %v, want %v", row.Key, c, g, want)
						}
					}
				}
				return read
			}
			// (as many as the page unfolded gives, give or take a row)
			if read, unfolded := readRight(got), readRight(audit(t, "oneline-marks.txt", []byte(onelineCycling(t, src)))); read < 50 || read < unfolded-report.NumCols {
				t.Errorf("%d cells of 表三 read, %d unfolded", read, unfolded)
			}
			for _, k := range []string{"1", "5", "6"} {
				if norm(got.Sections[k]) != norm(src.Sections[k]) {
					t.Errorf("section %s: %q", k, got.Sections[k])
				}
			}
			for _, f := range got.Findings {
				if f.Rule == "S.MISSING" || f.Severity == report.SevError && f.Rule != "CELL.INVALID" {
					t.Errorf("finding %v", f)
				}
			}
			// and its tables printed after its text (附表), 表四 two digits
			// among its marks
			for _, f := range audit(t, "attached.txt", []byte(attachedText(t, attachedMarks(mark)))).Findings {
				if f.Rule == "S.MISSING" {
					t.Errorf("attached: %v", f)
				}
			}
		})
	}
}

// A table printed after the text (附表3) with every cell left blank (an
// agency with no 复议 or 诉讼 that fills nothing in) is the table, said to
// hold no number (CELL.BLANK), not missing: before, an attached table had to
// hold three digits or marks, and 表四 was said missing (S.MISSING: 第四部分只
// 写了“详见附表3”). So is such a table in the text, of a tab text, a page, a
// DOCX — with its rows' cells there and empty — where it had been said
// unreadable (PARSE.TABLE: 未找到“本年新收”“予以公开”等行, where they are); in
// text without cells, whose numbers may stand elsewhere (pdfminer's after the
// next heading), it still is.
func TestBlankTables(t *testing.T) {
	src := truth()
	src.Appeals = report.Appeals{}
	r := audit(t, "attached.txt", []byte(attachedText(t, src)))
	said := false
	for _, f := range r.Findings {
		if f.Rule == "S.MISSING" {
			t.Errorf("said missing: %v", f)
		}
		said = said || f.Rule == "CELL.BLANK" && f.Cell == "appeals" && strings.Contains(f.Message, "没有一个数字")
	}
	if !said || !r.Meta.Tables["3"] || r.Applications["new"][report.ColTotal] != src.Applications["new"][report.ColTotal] {
		t.Errorf("表四 said %v, 表三 read %v: %v", said, r.Meta.Tables["3"], r.Findings)
	}
	for _, row := range src.Format.T3Rows() {
		src.Applications[row.Key] = report.Row{}
	}
	for _, l := range []layout{{"tab", ".txt", textOf}, {"page", ".html", pageHTML}, {"docx", ".docx", docxString}, {"layout", ".txt", layoutText}} {
		r := audit(t, l.name+l.ext, []byte(l.make(t, src)))
		rules := map[string]string{}
		for _, f := range r.Findings {
			if f.Cell == "applications" || f.Cell == "appeals" {
				rules[f.Cell] = f.Rule
			}
		}
		want := "CELL.BLANK"
		if l.name == "layout" {
			want = "PARSE.TABLE"
		}
		if rules["applications"] != want || rules["appeals"] != want {
			t.Errorf("%s: 表三 said %q, 表四 %q, want %s", l.name, rules["applications"], rules["appeals"], want)
		}
	}
}

// A page without line breaks folded at a width (and as a browser prints it)
// whose 表三 and 表四 are left blank, every cell: no digit or mark ends a row,
// and the page is known by 表三's empty rows' labels glued to the next row's
// item number (…申请数量二、上年结转…; not a group's label before its first
// row's, glued in any text without its cells' borders). Before, its lines
// were read apart: sections 一, 五 and 六 missing, 表二 misread.
func TestFoldedPageOfBlankTables(t *testing.T) {
	src := truth()
	for _, row := range src.Format.T3Rows() {
		src.Applications[row.Key] = report.Row{}
	}
	src.Appeals = report.Appeals{}
	for name, text := range map[string]string{"folded": foldedOneline(t, src), "printed": printedOneline(t, src)} {
		t.Run(name, func(t *testing.T) {
			r := audit(t, name+".txt", []byte(text))
			for _, k := range []string{"1", "5", "6"} {
				if norm(r.Sections[k]) != norm(src.Sections[k]) {
					t.Errorf("section %s: %q", k, r.Sections[k])
				}
			}
			for _, f := range r.Findings {
				if f.Rule == "S.MISSING" || f.Severity == report.SevError {
					t.Errorf("finding %v", f)
				}
			}
			if got := r.Proactive.Cell("licensing.decisions"); got != src.Proactive.Cell("licensing.decisions") {
				t.Errorf("表二 行政许可 %v", got)
			}
		})
	}
}

// A page whose tables are each a line (html-to-text without wrapping: a
// row's label and cells glued, the rows a space apart), every 0 written as
// —: a row of marks ends before the next row's item number
// (…国家秘密——————— 2.其他…, markRunJoint) as a row of digits does, and digits
// after a mark are a row's cells (————448 二、…): the page is run together
// and cut as one. Before, no row joint was seen in it, its tables' lines
// were left whole and not one row of 表三 or 表四 was found (PARSE.TABLE).
// A number between dashes in such a row (信息—9————9, —11—211—24—————) is
// no page's number (-3-): before, it was cut out as one.
func init() {
	fixtures = append(fixtures,
		fixture{file: "unwrapped-marks-2021.txt", make: func(t testing.TB) []byte { return []byte(unwrappedPageText(t, zerosAs(truth(), "—"))) },
			want: func() *report.Report {
				r := zerosAs(truth(), "—")
				blankNormative(r) // (表二's 1215, as in flat-2021.txt)
				return r
			}, findings: []string{"CELL.INVALID", "PARSE.AMBIGUOUS"}, errorsExpected: true})
}

// The same with a mark for 0 among a squeezed row's numbers (新收 64 _ — 2 _
// 4 70 written 64 — 2 4 70 under the first five columns): a mark counts as
// nothing in the sum that says the columns are not to be trusted. Before,
// the mark made the row's numbers no sum at all, the columns were trusted,
// and 70 stood under 法律服务机构 with 总计 blank (false T3.ROWSUM and
// T3.BALANCE errors).
func TestSqueezedBlanksWithMarks(t *testing.T) {
	src := squeezedBlanks()
	row := src.Applications["new"]
	row[report.ColResearch] = report.Invalid("—")
	src.Applications["new"] = row
	r := audit(t, "r.txt", []byte(layoutText(t, src)))
	for _, f := range r.Findings {
		if strings.HasPrefix(f.Rule, "T3.") {
			t.Errorf("%s %s %s", f.Rule, f.Cell, f.Message)
		}
	}
	for c, got := range r.Applications["new"] {
		if !got.Blank() && (got.String() != row[c].String() || got.Raw() != row[c].Raw()) {
			t.Errorf("new[%d] = %v (%q), want %v (%q)", c, got, got.Raw(), row[c], row[c].Raw())
		}
	}
}

// A page without line breaks writing every 0 as —— (the Chinese dash), its
// rows spaced in each of the ways such pages are (oneline-doubledash-2021.txt):
// a —— glued to a label is one cell, and a run of dashes is read as the
// report writes its dash where a cell stands alone (reportDash: ————— is
// then two cells of —— only). Before, five rows and 表四 were left unread as
// cutting several ways (—— as one cell or two), and cells agreed to be marks
// were quoted as —; the message naming 表四's unread cells said upheld,
// corrected… (the columns' keys) for 结果维持, 结果纠正….
func init() {
	fixtures = append(fixtures,
		fixture{file: "oneline-doubledash-2021.txt", make: func(t testing.TB) []byte { return []byte(onelineCycling(t, zerosAs(truth(), "——"))) },
			want: func() *report.Report {
				r := zerosAs(truth(), "——")
				blankNormative(r) // (表二's 1215, as in flat-2021.txt)
				return r
			}, findings: []string{"CELL.INVALID", "PARSE.AMBIGUOUS"}, errorsExpected: true})
}

// A portal page that holds no report but shows one: in a PDF viewer's
// frame (pdf.js's viewer.html?file=…), behind a download link whose words
// name no file, or filled by a script in the browser. Each was one
// S.MISSING ("这可能不是年度报告的正文") that named nothing; now the file the
// page embeds or links to is named (a frame's before a link's), or the
// scripts are.
func TestPageShells(t *testing.T) {
	for file, want := range map[string]string{
		"page-shell-pdfviewer-2023.html": "本页只有附件“ndbg.pdf”",
		"page-shell-link-2023.html":      "本页只有附件“年报.docx”",
		"page-shell-script-2023.html":    "正文可能由网页脚本在浏览器中加载",
	} {
		r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
		if !saysOf(r, "S.MISSING", "sections", want) {
			t.Errorf("%s: not said %q: %v", file, want, r.Findings)
		}
	}
	// a page with a report is no shell, scripts or not
	r := audit(t, "page-2021.html", readFile(t, filepath.Join(auditDir, "page-2021.html")))
	if r.Meta.Empty || r.Meta.Scripted || r.Meta.Attachment != "" {
		t.Errorf("page-2021.html taken for a shell: %+v", r.Meta)
	}
}
