package report_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/internal/report"
	"gongkai/internal/testdoc"
)

// wordHTML is a report as Word's "save as web page" writes it and portals
// publish it pasted into their editor: no <th> or headings, every cell and
// paragraph a <p class=MsoNormal> of <span>s with the digits in spans of
// their own (lang=EN-US), empty <o:p></o:p> markers, a cell's label in two
// paragraphs, conditional comments holding XML, a style sheet inside a
// comment, and the hidden row Word adds for misaligned columns.
func wordHTML(t testing.TB, r *report.Report) string {
	page := pageHTML(t, r)
	body := page[strings.Index(page, "<h1>"):strings.LastIndex(page, "</td></tr></table>")]
	digits := regexp.MustCompile(`[0-9][0-9.]*`)
	n := 0
	run := func(s string) string { // Word's runs: digits apart, some numbers cut in two by an edit
		s = digits.ReplaceAllStringFunc(s, func(d string) string {
			n++
			if len(d) > 1 && n%3 == 0 {
				d = d[:1] + `</span><span lang=EN-US style='mso-bidi-font-size:10.5pt'>` + d[1:]
			}
			return `</span><span lang=EN-US style='font-size:10.5pt;font-family:"Times New Roman"'>` + d + `</span><span style='font-family:仿宋_GB2312'>`
		})
		return "<span style='font-family:仿宋_GB2312'>" + s + "</span>"
	}
	para := func(style, s string) string {
		return "<p class=MsoNormal style='" + style + "'>" + run(s) + "<span lang=EN-US><o:p></o:p></span></p>"
	}
	cell := regexp.MustCompile(`<t[dh]([^>]*)>(.*?)</t[dh]>`)
	body = cell.ReplaceAllStringFunc(body, func(m string) string {
		p := cell.FindStringSubmatch(m)
		attr := strings.NewReplacer(` class="n"`, "", ` class="l"`, "", `"`, "").Replace(p[1])
		text := p[2]
		var ps string
		if i := strings.Index(text, "（"); i > 0 && len(text) > 30 {
			ps = para("text-align:center", text[:i]) + "\n" + para("text-align:center", text[i:])
		} else {
			ps = para("text-align:center", text)
		}
		return "<td width=64" + attr + " valign=center style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>\n" + ps + "</td>"
	})
	heading := regexp.MustCompile(`<h([123])>(.*?)</h[123]>`)
	body = heading.ReplaceAllStringFunc(body, func(m string) string {
		p := heading.FindStringSubmatch(m)
		if p[1] == "1" {
			return "<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>" + p[2] + "</span></b></p>"
		}
		return "<p class=MsoNormal style='text-indent:32.0pt'><b>" + run(p[2]) + "</b></p>"
	})
	text := regexp.MustCompile(`<p>(.*?)</p>`)
	body = text.ReplaceAllStringFunc(body, func(m string) string {
		return para("text-indent:32.0pt;line-height:28.0pt", text.FindStringSubmatch(m)[1]) + "\n<p class=MsoNormal><span lang=EN-US>&nbsp;</span></p>"
	})
	body = strings.NewReplacer(`<table class="t2">`, `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>`,
		`<table class="t3">`, `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=604 style='width:453.0pt;border-collapse:collapse'>`,
		`<table class="t4">`, `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>`,
		"<tr>", "<tr style='height:20.0pt'>",
		"</table>", "<![if !supportMisalignedColumns]><tr height=0>"+strings.Repeat("<td width=64 style='border:none'></td>", 10)+"</tr><![endif]></table>").Replace(body)
	return `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<title>政府信息公开工作年度报告</title>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>办公室</o:Author><o:Pages>1</o:Pages><o:Words>2100</o:Words></o:DocumentProperties></xml><![endif]-->
<style><!-- /* Font Definitions */ @font-face {font-family:宋体;} p.MsoNormal, li.MsoNormal {margin:0cm;text-align:justify;font-size:10.5pt;} td {mso-line-height-rule:exactly} --></style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'><div class=WordSection1 style='layout-grid:15.6pt'>
` + body + `
</div></body></html>`
}

// wordGBK is the Word page as many portals still serve it: in GB2312 (here
// GBK, its superset) with the charset said in a meta tag.
func wordGBK(t testing.TB, r *report.Report) string {
	page := strings.Replace(wordHTML(t, r), "charset=utf-8", "charset=gb2312", 1)
	b, err := simplifiedchinese.GBK.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func init() {
	fixtures = append(fixtures,
		fixture{file: "word-2021.html", make: func(t testing.TB) []byte { return []byte(wordHTML(t, truthWithTypes())) }, want: truthWithTypes},
	)
}

// Text a tracked change took out — deleted (w:delText) or moved away
// (w:moveFrom, whose text stands again where it was moved to) — is not the
// document's text: a count in it is not compared with the tables.
func TestDocxTrackedChanges(t *testing.T) {
	doc := docxDocument(t, truth())
	h := strings.Index(doc, "总体情况")
	if h < 0 {
		t.Fatal("no section 一")
	}
	i := h + strings.Index(doc[h:], "</w:p>") + len("</w:p>") // after its heading
	gone := `<w:p><w:del><w:r><w:delText>本年度因政府信息公开被申请行政复议8件。</w:delText></w:r></w:del>` +
		`<w:moveFrom><w:r><w:t>本年度因政府信息公开被申请行政复议9件。</w:t></w:r></w:moveFrom></w:p>`
	got := audit(t, "x.docx", zipDocx(doc[:i]+gone+doc[i:]))
	for _, f := range got.Findings {
		if f.Rule == "N.TABLE" {
			t.Errorf("%s %s", f.Rule, f.Message)
		}
	}
	if strings.Contains(got.Sections["1"], "9件") || strings.Contains(got.Sections["1"], "8件") {
		t.Errorf("text taken out read: %q", got.Sections["1"])
	}
}

// An OpenDocument keeps the text its tracked changes deleted at the start of
// its body (text:tracked-changes): not the document's text.
func TestODTTrackedChanges(t *testing.T) {
	data, err := os.ReadFile("../../testdata/audit/lo-2021.odt")
	if err != nil {
		t.Fatal(err)
	}
	const body = `<office:text text:use-soft-page-breaks="true">`
	out := testdoc.RewritePart(t, data, "content.xml", func(b string) string {
		if !strings.Contains(b, body) {
			t.Fatal("no office:text")
		}
		return strings.Replace(b, body, body+`<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion>`+
			`<text:p>一、总体情况</text:p><text:p>本年度因政府信息公开被申请行政复议9件。</text:p></text:deletion></text:changed-region></text:tracked-changes>`, 1)
	})
	lines, _, err := report.Lines("x.odt", out)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		if strings.Contains(l.Text, "9件") {
			t.Errorf("deleted text read: line %d %q", l.No, l.Text)
		}
	}
	got := audit(t, "x.odt", out)
	for _, f := range got.Findings {
		if f.Rule == "N.TABLE" || strings.HasPrefix(f.Rule, "S.") {
			t.Errorf("%s %s", f.Rule, f.Message)
		}
	}
}
