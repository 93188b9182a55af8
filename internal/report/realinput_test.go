package report_test

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"mime/quotedprintable"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/internal/report"
)

// Many reports publish their tables as pictures. Such a table is said to be
// a picture (PARSE.TABLE, a warning to check against the original), never
// reported missing (S.MISSING, an error), and nothing else is lost: a
// portal's layout table around the whole text, as in pageHTML, is read as
// the paragraphs it holds.
func TestTablesAsPictures(t *testing.T) {
	page := pageHTML(t, truth())
	table := regexp.MustCompile(`(?s)<table class="t([234])">.*?</table>`)
	pictures := table.ReplaceAllString(page, `<p style="text-align:center"><img src="/u/cms/2025/01/biao$1.png" width="600" alt=""></p>`)
	bare := strings.Replace(strings.Replace(pictures, `<table width="100%"><tr><td>`, "", 1), "</td></tr></table>", "", 1)
	// a DOCX whose tables are drawings (pictures pasted into Word)
	document := docxDocument(t, truth())
	drawn := regexp.MustCompile(`<w:tbl>.*?</w:tbl>`).ReplaceAllString(document, `<w:p><w:r><w:drawing><wp:inline xmlns:wp="wp"><wp:extent cx="5274310" cy="3000000"/></wp:inline></w:drawing></w:r></w:p>`)
	// and a DOC that LibreOffice made of the page with pictures for its tables
	// and a link in section 一 (a HYPERLINK field: its code is not text)
	doc := readFile(t, filepath.Join(auditDir, "word97-pictures-2021.doc"))
	lo := readFile(t, filepath.Join(auditDir, "lo-pictures-2021.docx"))
	rtf := readFile(t, filepath.Join(auditDir, "lo-pictures-2021.rtf"))
	for name, doc := range map[string][]byte{"in a layout table": []byte(pictures), "bare": []byte(bare), "docx": zipDocx(drawn), "doc": doc, "libreoffice docx": lo, "rtf": rtf} {
		t.Run(name, func(t *testing.T) {
			file := "pictures.html"
			switch name {
			case "docx", "libreoffice docx":
				file = "pictures.docx"
			case "doc":
				file = "pictures.doc"
			case "rtf":
				file = "pictures.rtf"
			}
			r := audit(t, file, doc)
			if r.Agency != "示例市生态环境局" || r.Year != 2024 {
				t.Errorf("agency %q year %d", r.Agency, r.Year)
			}
			for _, k := range []string{"1", "5", "6"} {
				if norm(r.Sections[k]) != norm(truth().Sections[k]) {
					t.Errorf("section %s: %q", k, r.Sections[k])
				}
			}
			pictured := map[string]bool{}
			for _, f := range r.Findings {
				switch {
				case f.Rule == "PARSE.TABLE" && strings.Contains(f.Message, "图片"):
					pictured[f.Cell] = true
				case f.Severity == report.SevError:
					t.Errorf("an error on a report whose tables are pictures: %s %s", f.Rule, f.Message)
				}
			}
			for _, cell := range []string{"proactive", "applications", "appeals"} {
				if !pictured[cell] {
					t.Errorf("%s not said to be a picture; findings %v", cell, r.Findings)
				}
			}
		})
	}
}

// A page that only links to the report, and a text that is no report, get
// one finding that says so (with the attachment's name), not nine S.MISSING.
func TestNoReportInTheText(t *testing.T) {
	page := `<html><body><div class="nav">首页 &gt; 年度报告</div><h1>示例市生态环境局2024年政府信息公开工作年度报告</h1>` +
		`<p>发布时间：2025-01-20</p><p>附件：<a href="/u/2025/bg.pdf">示例市生态环境局2024年政府信息公开工作年度报告.pdf</a></p></body></html>`
	for name, c := range map[string]struct {
		file, text, says string
	}{
		"attachment": {"page.html", page, "本页只有附件“示例市生态环境局2024年政府信息公开工作年度报告.pdf”"},
		"no report":  {"x.txt", "随便一段文字，不是年度报告。\n", "这可能不是年度报告的正文"},
	} {
		t.Run(name, func(t *testing.T) {
			r := audit(t, c.file, []byte(c.text))
			if len(r.Findings) != 1 || r.Findings[0].Rule != "S.MISSING" || !strings.Contains(r.Findings[0].Message, c.says) {
				t.Fatalf("findings %v, want one S.MISSING saying %q", r.Findings, c.says)
			}
			if name == "attachment" && r.Agency != "示例市生态环境局" {
				t.Errorf("agency %q", r.Agency)
			}
		})
	}
}

// Some agencies write the unit in the cell ("356件", "12.35万元"): the
// number is read. A unit that is not the column's (元 for 万元, 万元 on a
// count) is not converted: the cell is quoted as invalid.
func TestUnitsInCells(t *testing.T) {
	with := func(repl ...string) *report.Report {
		text := textOf(t, truth())
		text = strings.NewReplacer(repl...).Replace(text)
		return audit(t, "units.txt", []byte(text))
	}
	r := with("行政许可\t356", "行政许可\t356件", "行政事业性收费\t12.35", "行政事业性收费\t12.35万元", "（一）予以公开\t\t40", "（一）予以公开\t\t40件")
	if v, _ := r.Proactive.Cell("licensing.decisions").Int(); v != 356 {
		t.Errorf("356件 read as %v", r.Proactive.Cell("licensing.decisions"))
	}
	if a, _ := r.Proactive.Amount("fees.amount_wan_yuan").Text(); a != "12.35" {
		t.Errorf("12.35万元 read as %q", a)
	}
	if v, _ := r.Applications["granted"][0].Int(); v != 40 {
		t.Errorf("40件 read as %v", r.Applications["granted"][0])
	}
	for _, f := range r.Findings {
		t.Errorf("a finding on a clean report with units: %s %s", f.Rule, f.Message)
	}
	// 万 alone for 万元
	r = with("行政事业性收费\t12.35", "行政事业性收费\t12.35万")
	if a, _ := r.Proactive.Amount("fees.amount_wan_yuan").Text(); a != "12.35" || len(r.Findings) > 0 {
		t.Errorf("12.35万 read as %q, findings %v", a, r.Findings)
	}
	r = with("行政许可\t356", "行政许可\t356万元", "行政事业性收费\t12.35", "行政事业性收费\t123500元")
	invalid := map[string]bool{}
	for _, f := range r.Findings {
		if f.Rule == "CELL.INVALID" {
			invalid[f.Cell] = true
		}
	}
	if !invalid["proactive.licensing.decisions"] || !invalid["proactive.fees.amount_wan_yuan"] {
		t.Errorf("units not the column's were not said: %v", r.Findings)
	}
}

// Some agencies write a word more after a 表二 label (行政许可事项, 行政处罚
// 决定, 行政强制措施): the row is still the template's. A label that only
// begins like one and goes on to name more is not taken for it.
func TestT2LabelWithAWordMore(t *testing.T) {
	text := strings.NewReplacer("行政许可\t", "行政许可事项\t", "行政处罚\t", "行政处罚决定\t", "行政强制\t", "行政强制措施\t").Replace(textOf(t, truth()))
	r := audit(t, "words.txt", []byte(text))
	want := truth()
	for _, k := range []string{"licensing.decisions", "penalty.decisions", "coercion.decisions"} {
		if got := r.Proactive.Cell(k); got != want.Proactive.Cell(k) {
			t.Errorf("%s read as %v, want %v", k, got, want.Proactive.Cell(k))
		}
	}
	for _, f := range r.Findings {
		t.Errorf("finding %s %s", f.Rule, f.Message)
	}
	r = audit(t, "more.txt", []byte(strings.Replace(textOf(t, truth()), "行政许可\t", "行政许可和行政确认\t", 1)))
	if !r.Proactive.Cell("licensing.decisions").Blank() {
		t.Errorf("行政许可和行政确认 read as 行政许可: %v", r.Proactive.Cell("licensing.decisions"))
	}
}

// A 2021 report whose 表三 writes （六）其他处理 as one row, as the 2019
// trial format does: one finding quoting the row, not its numbers lost and
// three rows "not found".
func TestGroupWrittenAsOneRow(t *testing.T) {
	var lines []string
	skip := 0
	for _, l := range strings.Split(textOf(t, truth()), "\n") {
		switch {
		case skip > 0:
			skip--
			continue
		case strings.Contains(l, "（六）其他处理"):
			lines = append(lines, "\t（六）其他处理\t\t1\t0\t0\t0\t0\t0\t1")
			skip = 2
			continue
		}
		lines = append(lines, l)
	}
	r := audit(t, "mixed.txt", []byte(strings.Join(lines, "\n")))
	var got []string
	for _, f := range r.Findings {
		got = append(got, f.Rule+" "+f.Cell)
		if f.Rule == "PARSE.TABLE" && (!strings.Contains(f.Message, "1 0 0 0 0 0 1") || f.Cell != "applications.other") {
			t.Errorf("finding %s %s: %s", f.Rule, f.Cell, f.Message)
		}
	}
	if len(got) != 1 || got[0] != "PARSE.TABLE applications.other" {
		t.Errorf("findings %v, want one PARSE.TABLE on applications.other", got)
	}
}

// A mark where the format asks for a number (“/”, “—”, “无”) is quoted, with
// what to write instead.
func TestMarkInACell(t *testing.T) {
	text := strings.Replace(textOf(t, truth()), "规章\t0\t0\t0", "规章\t/\t—\t无", 1)
	r := audit(t, "marks.txt", []byte(text))
	n := countFindings(r, func(f report.Finding) bool {
		return f.Rule == "CELL.INVALID" && strings.HasPrefix(f.Cell, "proactive.rules.") && strings.HasSuffix(f.Message, "格式要求填写数字，没有的填 0")
	})
	if n != 3 {
		t.Errorf("%d of the 3 marks said with advice: %v", n, r.Findings)
	}
}

// A page a browser saved as one file (MHTML): Chrome's, quoted-printable
// UTF-8 with the page's pictures after it, and the older kind, base64 GB2312
// with the page not first. It reads as the page.
func TestSavedAsOneFile(t *testing.T) {
	page := pageHTML(t, truth())
	var qp bytes.Buffer
	w := quotedprintable.NewWriter(&qp)
	w.Write([]byte(page))
	w.Close()
	chrome := "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.example.gov.cn/art/2025/1/20/art_1.html\r\n" +
		"Subject: =?utf-8?Q?=E5=B9=B4=E5=BA=A6=E6=8A=A5=E5=91=8A?=\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n\r\n" +
		"------MultipartBoundary--abc----\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n" +
		"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: https://www.example.gov.cn/art_1.html\r\n\r\n" +
		qp.String() + "\r\n------MultipartBoundary--abc----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n" +
		"Content-Location: https://www.example.gov.cn/logo.png\r\n\r\niVBORw0KGgo=\r\n------MultipartBoundary--abc------\r\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(strings.Replace(page, "charset=\"utf-8\"", "charset=\"gb2312\"", 1))
	if err != nil {
		t.Fatal(err)
	}
	b64 := base64.StdEncoding.EncodeToString([]byte(gbk))
	var wrapped strings.Builder
	for len(b64) > 76 {
		wrapped.WriteString(b64[:76] + "\r\n")
		b64 = b64[76:]
	}
	wrapped.WriteString(b64)
	ie := "MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\tboundary=\"----=_NextPart_000_0000_01DB0000.12345678\";\r\n\ttype=\"text/html\"\r\n\r\n" +
		"This is a multi-part message in MIME format.\r\n\r\n------=_NextPart_000_0000_01DB0000.12345678\r\nContent-Type: text/css\r\n\r\np{}\r\n" +
		"------=_NextPart_000_0000_01DB0000.12345678\r\nContent-Type: text/html;\r\n\tcharset=\"gb2312\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		wrapped.String() + "\r\n------=_NextPart_000_0000_01DB0000.12345678--\r\n"
	want := tables(truth())
	for name, data := range map[string]string{"chrome": chrome, "ie": ie} {
		t.Run(name, func(t *testing.T) {
			if a, y := report.Identify("page.mhtml", []byte(data)); a != "示例市生态环境局" || y != 2024 {
				t.Errorf("Identify = %q %d", a, y)
			}
			r := audit(t, "page.mhtml", []byte(data))
			if d := cmp.Diff(want, tables(r)); d != "" {
				t.Errorf("tables (-want +got):\n%s", d)
			}
			for _, f := range r.Findings {
				if f.Severity == report.SevError {
					t.Errorf("%s %s", f.Rule, f.Message)
				}
			}
		})
	}
}

// 表四 down the page is read by its lines' headings, and said; with a line
// missing, or the headings out of order, it is not read by position.
func TestVerticalT4(t *testing.T) {
	src := string(readFile(t, filepath.Join(auditDir, "vertical-2021.txt")))
	r := audit(t, "v.txt", []byte(src))
	if v, _ := r.Appeals[0][4].Int(); v != 4 || !slices.ContainsFunc(r.Findings, func(f report.Finding) bool { return f.Rule == "PARSE.READ" && f.Cell == "appeals" }) {
		t.Errorf("review total %v, findings %v", r.Appeals[0][4], r.Findings)
	}
	for name, text := range map[string]string{
		"a line missing": strings.Replace(src, "\t结果纠正\t1\n", "", 1),
		"out of order":   strings.Replace(strings.Replace(src, "\t结果纠正\t1\n", "", 1), "\t其他结果\t0\n", "\t其他结果\t0\n\t结果纠正\t1\n", 1),
	} {
		r := audit(t, "v.txt", []byte(text))
		for b := range r.Appeals {
			for c, cell := range r.Appeals[b] {
				if !cell.Blank() {
					t.Errorf("%s: 表四 [%d][%d] read as %v", name, b, c, cell)
				}
			}
		}
	}
}

// 表四 down the page with an OCR's misread headings is still read by the
// order of its lines: 其他结果 as 其他万果 (not taken for 其他 short for
// 其他结果, which made it 其他结果万果 and ended the table) and 总计 as 总人 (a
// two-character heading alone on its line, one character misread). Before,
// 表四 was unread.
func TestVerticalT4Misread(t *testing.T) {
	src := string(readFile(t, filepath.Join(auditDir, "vertical-2021.txt")))
	want := audit(t, "v.txt", []byte(src)).Appeals
	i := strings.Index(src, "\t其他结果\t")
	j := strings.LastIndex(src, "\t总计\t")
	if i < 0 || j < i {
		t.Fatal("fixture changed")
	}
	text := src[:i] + "\t其他万果\t" + src[i+len("\t其他结果\t"):j] + "\t总人\t" + src[j+len("\t总计\t"):]
	r := audit(t, "v.txt", []byte(text))
	if r.Appeals != want {
		t.Errorf("表四 read as %v, want %v", r.Appeals, want)
	}
	if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
		return f.Rule == "PARSE.READ" && f.Cell == "appeals" && strings.Contains(f.Message, "其他万果") && strings.Contains(f.Message, "总人")
	}) {
		t.Errorf("the misread headings are not said: %v", r.Findings)
	}
}

// The 2019 format's 本年增/减 written in words ("增加23", "减少7") reads as
// the signed number, and is said.
func TestChangeInWords(t *testing.T) {
	for file, words := range map[string]*strings.Replacer{
		"tab-2019.txt": strings.NewReplacer("行政许可\t30\t23\t38", "行政许可\t30\t增加23\t38", "行政事业性收费\t22\t-7", "行政事业性收费\t22\t减少7"),
		"pdftotext-layout-2019.txt": strings.NewReplacer("行政许可             30            23                38", "行政许可             30            增加23            38",
			"行政事业性收费          22                    -7", "行政事业性收费          22                    减少7"),
	} {
		src := string(readFile(t, filepath.Join(auditDir, file)))
		text := words.Replace(src)
		if strings.Count(text, "增加23")+strings.Count(text, "减少7") != 2 {
			t.Fatalf("%s: fixture changed", file)
		}
		r := audit(t, "w.txt", []byte(text))
		sameReport(t, truth2019(), r)
		n := 0
		for _, f := range r.Findings {
			if f.Rule == "PARSE.READ" && strings.Contains(f.Message, "读作 ") {
				n++
			} else if f.Rule != "PARSE.READ" {
				t.Errorf("%s: finding %s %s", file, f.Rule, f.Message)
			}
		}
		if n != 2 {
			t.Errorf("%s: %d lines said, want 2", file, n)
		}
	}
}

// Full-width digits (typed in the wide input mode, or a converter's) read as
// the digits they are, in every layout: a page without line breaks, a
// spaced table with blanks, pipe tables, a title's year.
func TestFullWidthDigits(t *testing.T) {
	wide := strings.NewReplacer("0", "０", "1", "１", "2", "２", "3", "３", "4", "４", "5", "５", "6", "６", "7", "７", "8", "８", "9", "９")
	for _, file := range []string{"oneline-2021.txt", "elinks-blanks-2021.txt", "markdown-2021.md", "tab-2021.txt", "oneline-2019.txt"} {
		src := string(readFile(t, filepath.Join(auditDir, file)))
		want := audit(t, file, []byte(src))
		r := audit(t, file, []byte(wide.Replace(src)))
		if d := cmp.Diff(tables(want), tables(r)); d != "" {
			t.Errorf("%s (-ASCII +full width):\n%s", file, d)
		}
	}
}

// Some reports leave out the item numbers of 表三's outcome groups (予以公开
// for （一）予以公开, 总计 for （七）总计): the rows read as before, in a page
// without line breaks too, where 总计 is looked for only between the rows
// around it, and in docling's Markdown, which repeats a merged label in each
// column it spans ("予以公开 | 予以公开").
func TestOutcomeGroupsWithoutNumbers(t *testing.T) {
	drop := regexp.MustCompile(`（[一二三四五六七]）(予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总计)`)
	for _, file := range []string{"oneline-2021.txt", "oneline-2019.txt", "tab-2021.txt", "pdftotext-layout-2021.txt", "markdown-2021.md", "docling-2021.md", "docling-seed-2024.md"} {
		src := string(readFile(t, filepath.Join(auditDir, file)))
		want := audit(t, file, []byte(src))
		r := audit(t, file, []byte(drop.ReplaceAllString(src, "$1")))
		if d := cmp.Diff(tables(want), tables(r)); d != "" {
			t.Errorf("%s (-numbered +not):\n%s", file, d)
		}
	}
}

// 合计 for 总计 ("（七）合计", or a bare 合计) is the same row of 表三, in every
// layout.
func TestTotalWrittenHeJi(t *testing.T) {
	for _, c := range []struct{ file, to string }{
		{"tab-2021.txt", "（七）合计"}, {"tab-2021.txt", "合计"}, {"pdftotext-layout-2021.txt", "（七）合计"},
		{"oneline-2021.txt", "（七）合计"}, {"markdown-2021.md", "（七）合计"}, {"page-2021.html", "（七）合计"},
	} {
		src := string(readFile(t, filepath.Join(auditDir, c.file)))
		want := audit(t, c.file, []byte(src))
		r := audit(t, c.file, []byte(strings.ReplaceAll(src, "（七）总计", c.to)))
		if d := cmp.Diff(tables(want), tables(r)); d != "" {
			t.Errorf("%s with %s (-总计 +合计):\n%s", c.file, c.to, d)
		}
	}
}

// Sections numbered 第一章 read as 第一部分 do, on lines and in a page without
// line breaks.
func TestChapterNumbering(t *testing.T) {
	src := strings.ReplaceAll(string(readFile(t, filepath.Join(auditDir, "parts-2021.txt"))), "部分 ", "章 ")
	want := audit(t, "parts.txt", readFile(t, filepath.Join(auditDir, "parts-2021.txt")))
	for name, text := range map[string]string{"lines": src, "flat": strings.NewReplacer("\n", "", "\t", "").Replace(src)} {
		r := audit(t, name+".txt", []byte(text))
		if len(r.Meta.Order) != 6 {
			t.Errorf("%s: sections found %v", name, r.Meta.Order)
		}
		if name == "lines" {
			if d := cmp.Diff(tables(want), tables(r)); d != "" {
				t.Errorf("%s (-部分 +章):\n%s", name, d)
			}
		}
	}
}

// A portal page whose sidebar, before the report, links to a part of it
// ("一、总体情况说明") and to other years' reports: the report's section 一
// and its title are the ones after.
func TestSidebarBeforeTheReport(t *testing.T) {
	src := string(readFile(t, filepath.Join(auditDir, "page-2021.html")))
	side := `<ul class="side"><li><a>示例市生态环境局2023年政府信息公开工作年度报告</a></li><li><a>一、总体情况说明</a></li></ul>`
	text := strings.Replace(src, `<div class="nav">`, side+`<div class="nav">`, 1)
	if text == src {
		t.Fatal("fixture changed")
	}
	want := audit(t, "page.html", []byte(src))
	r := audit(t, "page.html", []byte(text))
	if d := cmp.Diff(tables(want), tables(r)); d != "" {
		t.Errorf("tables (-page +with sidebar):\n%s", d)
	}
	if norm(r.Sections["1"]) != norm(want.Sections["1"]) {
		t.Errorf("section 一: %q", r.Sections["1"])
	}
}

// A word before 表四's row of fifteen numbers (数量, 件数（件）), in a column
// the format does not have, does not hide the row; a word that names no such
// thing still does.
func TestT4RowWithAWord(t *testing.T) {
	src := string(readFile(t, filepath.Join(auditDir, "tab-2021.txt")))
	const row = "\n2\t1\t0\t1\t4\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0\n"
	if !strings.Contains(src, row) {
		t.Fatal("fixture changed")
	}
	want := audit(t, "t.txt", []byte(src))
	for _, word := range []string{"数量", "件数（件）", "数据"} {
		r := audit(t, "t.txt", []byte(strings.Replace(src, row, "\n"+word+"\t"+row[1:], 1)))
		if d := cmp.Diff(tables(want), tables(r)); d != "" {
			t.Errorf("%s (-without +with):\n%s", word, d)
		}
	}
	r := audit(t, "t.txt", []byte(strings.Replace(src, row, "\n备注"+"\t"+row[1:], 1)))
	if !r.Appeals[0][4].Blank() {
		t.Errorf("a row after 备注 read: %v", r.Appeals)
	}
}

// A row whose cells go on on the next line (catdoc wraps a long row: "…11 0 0
// 1 0" then "1 13") is not a row whose last cells were stripped: it is never
// padded with blanks (which read 13 as missing and made a false T3.ROWSUM).
func TestWrappedRowIsNotStripped(t *testing.T) {
	src := string(readFile(t, filepath.Join(auditDir, "tab-2021.txt")))
	var b strings.Builder
	for _, l := range strings.Split(src, "\n") {
		l = strings.TrimRight(l, "\t") // the lines stripped …
		if strings.Contains(l, "1.本机关不掌握相关政府信息\t11\t0\t0\t1\t0\t1\t13") {
			l = strings.Replace(l, "\t1\t13", "\n1\t13", 1) // … and this row wrapped
		}
		b.WriteString(l + "\n")
	}
	r := audit(t, "w.txt", []byte(b.String()))
	for _, f := range r.Findings {
		if f.Severity == report.SevError {
			t.Errorf("%s %s", f.Rule, f.Message)
		}
	}
	row := r.Applications["unavailable.not_held"]
	if v := row[report.ColTotal]; !v.Blank() && v.String() != "13" {
		t.Errorf("total read as %v", v)
	}
}

// A text in which every run is written twice (a Word file a converter made
// from a PDF, keeping each text box and its copy: "行政许可行政许可356356") has
// its digits doubled too: its tables are said unreadable, never read as
// 356356.
func TestDoubledText(t *testing.T) {
	var b strings.Builder
	for _, l := range strings.Split(string(readFile(t, filepath.Join(auditDir, "tab-2021.txt"))), "\n") {
		b.WriteString(strings.ReplaceAll(l, "\t", "") + strings.ReplaceAll(l, "\t", ""))
	}
	r := audit(t, "d.txt", []byte(b.String()))
	if v := r.Proactive.Cell("licensing.decisions"); !v.Blank() {
		t.Errorf("行政许可 read as %v", v)
	}
	said := 0
	for _, f := range r.Findings {
		if f.Severity == report.SevError {
			t.Errorf("%s %s", f.Rule, f.Message)
		}
		if f.Rule == "PARSE.TABLE" && strings.Contains(f.Message, "重复了两次") {
			said++
		}
	}
	if said != 3 {
		t.Errorf("%d tables said doubled, want 3: %v", said, r.Findings)
	}
}

// A page number written with wide or no-break spaces ("—　3　—", as Word
// writes a 公文's footer) is a footer, not a number of the table it falls in.
func TestFooterWithWideSpaces(t *testing.T) {
	for _, sp := range []string{"\u3000", "\u00a0"} {
		src := string(readFile(t, filepath.Join(auditDir, "pdfjs-glued-2021.txt")))
		want := audit(t, "p.txt", []byte(src))
		text := regexp.MustCompile(`(?m)^— ([0-9]) —$`).ReplaceAllString(src, "—"+sp+"$1"+sp+"—")
		if text == src {
			t.Fatal("fixture changed")
		}
		r := audit(t, "p.txt", []byte(text))
		if d := cmp.Diff(tables(want), tables(r)); d != "" {
			t.Errorf("%q (-plain +wide):\n%s", sp, d)
		}
	}
}

// A 表二 label that lost or misread a character (行政规范口文件, 行政处大)
// is still its row, with a PARSE.READ hint quoting it; 规章, two
// characters, is read only as it is written, and a label one edit from a
// row further down is not taken for it.
func TestT2LabelMisread(t *testing.T) {
	want := truth()
	text := strings.NewReplacer("行政规范性文件\t", "行政规范口文件\t", "行政处罚\t", "行政处大\t", "行政事业性收费\t", "行政事业收费\t").Replace(textOf(t, want))
	r := audit(t, "t2.txt", []byte(text))
	for _, it := range report.Format2021.T2Items() {
		for _, c := range it.Cells {
			k := it.Key + "." + c
			if got := r.Proactive.Cell(k); got != want.Proactive.Cell(k) {
				t.Errorf("%s read as %v, want %v", k, got, want.Proactive.Cell(k))
			}
			if got := r.Proactive.Amount(k); got != want.Proactive.Amount(k) {
				t.Errorf("%s read as %v, want %v", k, got, want.Proactive.Amount(k))
			}
		}
	}
	said := map[string]bool{}
	for _, f := range r.Findings {
		if f.Rule != "PARSE.READ" {
			t.Errorf("finding %s %s", f.Rule, f.Message)
		}
		said[f.Cell] = true
	}
	for _, k := range []string{"proactive.normative_documents", "proactive.penalty", "proactive.fees"} {
		if !said[k] {
			t.Errorf("%s read without a PARSE.READ hint: %v", k, r.Findings)
		}
	}
	r = audit(t, "t2.txt", []byte(strings.Replace(textOf(t, want), "规章\t", "规口\t", 1)))
	if !r.Proactive.Cell("rules.issued").Blank() {
		t.Errorf("规口 read as 规章: %v", r.Proactive.Cell("rules.issued"))
	}
}

// Row labels written shorter than the template's (a few words left out), or
// misread in both the group and the row (OCR, overlapping glyphs), are
// still placed by template order and likeness, each with a PARSE.READ hint
// that quotes it; a row whose label reads as nothing leaves its numbers and
// the label-less ones after it blank, never in the next row.
func TestT3LabelsShortenedOrMisread(t *testing.T) {
	want := truth()
	text := strings.NewReplacer(
		"本年新收政府信息公开申请数量", "本年新收申请数量",
		"上年结转政府信息公开申请数量", "上年结转申请数量",
		"结转下年度继续办理", "结转下年度办理",
		"要求行政机关确认或重新出具已获取信息", "要求确认或重新出具已获取信息",
		"其他法律行政法规禁止公开", "其他法律法规禁止公开",
		"本机关不掌握相关政府信息", "本机关不掌握相关信息",
		"不予公开\t1.属于国家秘密", "不大公开\t1.属于中家秘密",
		"无法提供\t1.", "无中提供\t1.",
	).Replace(textOf(t, want))
	r := audit(t, "short.txt", []byte(text))
	for _, row := range report.Format2021.T3Rows() {
		if got := r.Applications[row.Key]; got != want.Applications[row.Key] {
			t.Errorf("%s: %v, want %v", row.Label, got, want.Applications[row.Key])
		}
	}
	hints := 0
	for _, f := range r.Findings {
		if f.Rule != "PARSE.READ" {
			t.Errorf("finding %s %s", f.Rule, f.Message)
		}
		hints++
	}
	if hints != 7 {
		t.Errorf("%d PARSE.READ hints, want one for each of the 7 rows written otherwise: %v", hints, r.Findings)
	}

	page, err := os.ReadFile(filepath.Join(auditDir, "pdftotext-layout-2021.txt"))
	if err != nil {
		t.Fatal(err)
	}
	clean := audit(t, "layout.txt", page)
	// "三、本 （一）予大公开 40 1 0 1 0 2 44": pieces of the merged column,
	// then the label misread by one character
	r = audit(t, "layout.txt", bytes.ReplaceAll(page, []byte("（一）予以公开"), []byte("（一）予大公开")))
	for key, v := range clean.Applications {
		if r.Applications[key] != v {
			t.Errorf("予大公开: %s read %v, want %v", key, r.Applications[key], v)
		}
	}
	if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
		return f.Rule == "PARSE.READ" && f.Cell == "applications.granted" && strings.Contains(f.Message, "予大公开")
	}) {
		t.Errorf("予大公开 read without a PARSE.READ hint: %v", r.Findings)
	}
	// a label that reads as nothing: no row is shifted; the wrapped one
	// after it, whose numbers sit on a line of their own, is known by its
	// words after the merged column's piece (年度办 （二）部分公开…) and
	// reads its own numbers; and its own row, the one the table lacks
	// between the rows read around it, is read from it by the table's order
	// (表三's identities hold so), and said
	r = audit(t, "layout.txt", bytes.ReplaceAll(page, []byte("（一）予以公开"), []byte("（一）甲乙丙丁戊己")))
	for key, v := range clean.Applications {
		if r.Applications[key] != v {
			t.Errorf("甲乙丙丁戊己: %s read %v, want %v", key, r.Applications[key], v)
		}
	}
	if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
		return f.Rule == "PARSE.READ" && f.Cell == "applications.granted" && strings.Contains(f.Message, "甲乙丙丁戊己") && strings.Contains(f.Message, "正是表中缺少的")
	}) {
		t.Errorf("甲乙丙丁戊己 read by its place without a PARSE.READ hint: %v", r.Findings)
	}
	// and with one of its numbers changed, 表三's columns no longer add up
	// with it: the row stays blank, nothing shifted
	lost := bytes.ReplaceAll(page, []byte("（一）予以公开"), []byte("（一）甲乙丙丁戊己"))
	odd := regexp.MustCompile(`(（一）甲乙丙丁戊己\s+)40`).ReplaceAll(lost, []byte("${1}41"))
	if bytes.Equal(odd, lost) {
		t.Fatal("the fixture's 予以公开 row no longer starts 40")
	}
	r = audit(t, "layout.txt", odd)
	for key, v := range clean.Applications {
		switch key {
		case "granted":
			if !blankRow(r.Applications[key]) {
				t.Errorf("甲乙丙丁戊己 41: %s read %v, want blank", key, r.Applications[key])
			}
		default:
			if r.Applications[key] != v {
				t.Errorf("甲乙丙丁戊己 41: %s read %v, want %v", key, r.Applications[key], v)
			}
		}
	}
}

func blankRow(row report.Row) bool {
	for _, c := range row {
		if !c.Blank() {
			return false
		}
	}
	return true
}

// Headings whose numbers were Word's automatic list numbers, lost on the
// way (a DOC or ODT read without its lists, a converter): the headings'
// words alone on their lines are the sections, said by one PARSE.READ; a
// text that has fewer than three of them is not taken for a report so.
func TestHeadingsWithoutNumbers(t *testing.T) {
	want := truth()
	var b strings.Builder
	head := regexp.MustCompile(`^[一二三四五六]、`)
	for _, line := range strings.Split(textOf(t, want), "\n") {
		if !strings.Contains(line, "\t") {
			line = head.ReplaceAllString(line, "")
		}
		b.WriteString(line + "\n")
	}
	r := audit(t, "bare.txt", []byte(b.String()))
	for _, row := range report.Format2021.T3Rows() {
		if r.Applications[row.Key] != want.Applications[row.Key] {
			t.Errorf("%s: %v, want %v", row.Label, r.Applications[row.Key], want.Applications[row.Key])
		}
	}
	said := 0
	for _, f := range r.Findings {
		if f.Rule == "PARSE.READ" && f.Cell == "sections" {
			said++
			continue
		}
		t.Errorf("finding %s %s", f.Rule, f.Message)
	}
	if said != 1 {
		t.Errorf("%d PARSE.READ on the unnumbered headings, want 1", said)
	}
	// a heading worded otherwise among them is found by its keywords
	other := strings.Replace(b.String(), "\n存在的主要问题及改进情况\n", "\n存在的问题和改进措施\n", 1)
	r = audit(t, "other.txt", []byte(other))
	if _, ok := r.Sections["5"]; !ok || countFindings(r, func(f report.Finding) bool { return f.Rule == "S.MISSING" }) > 0 {
		t.Errorf("section 5 worded otherwise not found: %v", r.Findings)
	}
	r = audit(t, "two.txt", []byte("总体情况\n本局全年公开信息。\n其他需要报告的事项\n无。\n"))
	for _, f := range r.Findings {
		if f.Rule == "PARSE.READ" && f.Cell == "sections" {
			t.Errorf("two bare headings taken for a report's sections: %s", f.Message)
		}
	}
}

// A title that does not name the agency ("2024年政府信息公开工作年度报告"):
// the agency is the signature above the date at the end, else a portal's
// 发布机构 (or 来源) line, each said by PARSE.READ; what is no agency's name
// ("来源：本网", a person's name) is not taken.
func TestAgencyOutsideTheTitle(t *testing.T) {
	text := strings.Replace(textOf(t, truth()), "示例市生态环境局2024年", "2024年", 1)
	said := func(r *report.Report, quote string) bool {
		return slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
			return f.Rule == "PARSE.READ" && f.Cell == "agency" && strings.Contains(f.Message, quote)
		})
	}
	for name, c := range map[string]struct{ text, agency, quote string }{
		"signature":       {text + "\n示例市生态环境局\n2025年1月20日\n", "示例市生态环境局", "落款"},
		"signature cn":    {text + "\n\u3000\u3000示例市生态环境局\n二〇二五年一月二十日\n", "示例市生态环境局", "落款"},
		"portal":          {"首页 > 信息公开\n发布机构：示例市生态环境局\t生成日期：2025-01-20\n" + text, "示例市生态环境局", "发布机构：示例市生态环境局"},
		"portal source":   {"来源：本网\n" + text, "", ""},
		"under the title": {strings.Replace(text, "政府信息公开工作年度报告\n", "政府信息公开工作年度报告\n（示例市生态环境局）\n", 1), "示例市生态环境局", "标题下"},
		"opening 由":       {strings.Replace(text, "年度报告\n", "年度报告\n本报告由示例市生态环境局根据《中华人民共和国政府信息公开条例》编制。\n", 1), "示例市生态环境局", "正文开头"},
		"opening 现将":      {strings.Replace(text, "年度报告\n", "年度报告\n根据《条例》规定，现将示例市生态环境局2024年度政府信息公开工作情况报告如下。\n", 1), "示例市生态环境局", "正文开头"},
		"opening 公布":      {strings.Replace(text, "年度报告\n", "年度报告\n现将示例市生态环境局2024年度政府信息公开工作年度报告公布如下。\n", 1), "示例市生态环境局", "正文开头"},
		"opening 本局":      {strings.Replace(text, "年度报告\n", "年度报告\n本报告由本局根据《条例》编制。\n", 1), "", ""},
		"person":          {text + "\n张三\n2025年1月20日\n", "", ""},
		"nothing":         {text, "", ""},
	} {
		t.Run(name, func(t *testing.T) {
			r := audit(t, "t.txt", []byte(c.text))
			if r.Agency != c.agency {
				t.Errorf("agency %q, want %q", r.Agency, c.agency)
			}
			// the auditor's grouping of a directory finds it too
			if a, y := report.Identify("t.txt", []byte(c.text)); a != c.agency || y != 2024 {
				t.Errorf("Identify: %q %d, want %q 2024", a, y, c.agency)
			}
			if c.quote != "" && !said(r, c.quote) {
				t.Errorf("the agency's source not said (%q): %v", c.quote, r.Findings)
			}
		})
	}
}

// countFindings is how many of a report's findings are such.
func countFindings(r *report.Report, such func(report.Finding) bool) int {
	n := 0
	for _, f := range r.Findings {
		if such(f) {
			n++
		}
	}
	return n
}

// A page without line breaks whose 表三 labels are worded otherwise or
// misread ("一、本年新收申请数量640020470二、上年结转申请数量…", "1.属于中家秘密"):
// each row is cut at its own number followed by words, before the next
// label found, and read as the page that writes the template's labels.
func TestFlatPageLabelsWordedOtherwise(t *testing.T) {
	page := readFile(t, filepath.Join(auditDir, "oneline-2021.txt"))
	want := audit(t, "oneline.txt", page)
	i := bytes.Index(page, []byte("三、收到和处理"))
	changed := strings.NewReplacer(
		"本年新收政府信息公开申请数量", "本年新收申请数量",
		"上年结转政府信息公开申请数量", "上年结转申请数量",
		"结转下年度继续办理", "结转下年度办理",
		"其他法律行政法规禁止公开", "其他法律法规禁止公开",
		"属于国家秘密", "属于中家秘密",
		"本机关不掌握相关政府信息", "本机关不掌握相关信息",
	).Replace(string(page[i:]))
	r := audit(t, "short.txt", append(append([]byte{}, page[:i]...), changed...))
	for _, row := range report.Format2021.T3Rows() {
		if r.Applications[row.Key] != want.Applications[row.Key] {
			t.Errorf("%s: %v, want %v", row.Label, r.Applications[row.Key], want.Applications[row.Key])
		}
	}
	if n := countFindings(r, func(f report.Finding) bool { return f.Rule == "PARSE.TABLE" }); n > 0 {
		t.Errorf("%d rows not read: %v", n, r.Findings)
	}
	// 表二's 行政事业性收费 without 行政, as 规范性文件 may be
	r = audit(t, "fees.txt", bytes.Replace(page, []byte("行政事业性收费"), []byte("事业性收费"), 1))
	if got, w := r.Proactive.Amount("fees.amount_wan_yuan"), want.Proactive.Amount("fees.amount_wan_yuan"); got != w || got.Blank() {
		t.Errorf("事业性收费 read %v, want %v", got, w)
	}
	// 表二 labels misread: one glued to the numbers of the row before
	// ("规章000行政中范性文件1215"), one to its column headings
	// ("…（单位：万元）行政事业性日费12.35"); both read as written clean, and said
	t2 := strings.NewReplacer("行政规范性文件", "行政中范性文件", "行政事业性收费", "行政事业性日费", "本年制发件数", "本年制中件数").Replace(string(page))
	r = audit(t, "t2.txt", []byte(t2))
	if d := cmp.Diff(tables(want), tables(r)); d != "" {
		t.Errorf("表二 misread (-clean +misread):\n%s", d)
	}
	for _, key := range []string{"proactive.normative_documents", "proactive.fees"} {
		if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool { return f.Rule == "PARSE.READ" && f.Cell == key }) {
			t.Errorf("%s read without a PARSE.READ hint: %v", key, r.Findings)
		}
	}
	if n := countFindings(r, rule("PARSE.TABLE")); n > 0 {
		t.Errorf("%d rows not read: %v", n, r.Findings)
	}
	// the 2019 table's （六）其他处理 misread: a row of its own, not cut at
	// 其他 as the 2021 table's "3.其他" with its number dropped
	page = readFile(t, filepath.Join(auditDir, "oneline-2019.txt"))
	want = audit(t, "oneline-2019.txt", page)
	r = audit(t, "other-2019.txt", bytes.Replace(page, []byte("其他处理"), []byte("其他中理"), 1))
	if got, w := r.Applications["other.all"], want.Applications["other.all"]; got != w {
		t.Errorf("（六）其他中理 read %v, want %v", got, w)
	}
	if n := countFindings(r, rule("PARSE.TABLE")); n > 0 {
		t.Errorf("%d rows not read: %v", n, r.Findings)
	}
}

// 表四's headings misread by a character (OCR, overlapping glyphs) in each
// layout that names them: one row per block (OCR's Markdown), the cells down
// the page, and fixed-width text whose blank cell is placed by the column
// headings. The cells read as they do clean, each reading choice is said,
// and a block whose label reads as nothing is unread, not left blank.
func TestT4LabelsMisread(t *testing.T) {
	misread := strings.NewReplacer("结果维持", "结中维持", "结果纠正", "结人纠正", "其他结果", "其大结果", "尚未审结", "尚未大结",
		"未经复议直接起诉", "未经复议直接大诉", "复议后起诉", "复口后起诉")
	for _, name := range []string{"ocr-2021.md", "vertical-2021.txt", "links-blanks-2021.txt"} {
		page, err := os.ReadFile(filepath.Join(auditDir, name))
		if err != nil {
			t.Fatal(err)
		}
		clean := audit(t, name, page)
		r := audit(t, name, []byte(misread.Replace(string(page))))
		if r.Appeals != clean.Appeals {
			t.Errorf("%s: 表四 read %v, want %v", name, r.Appeals, clean.Appeals)
		}
		if got, want := countFindings(r, rule("CELL.BLANK")), countFindings(clean, rule("CELL.BLANK")); got != want {
			t.Errorf("%s: %d CELL.BLANK, want %d as clean: %v", name, got, want, r.Findings)
		}
		if n := countFindings(r, rule("PARSE.TABLE")); n != 0 {
			t.Errorf("%s: %d PARSE.TABLE: %v", name, n, r.Findings)
		}
		if name != "links-blanks-2021.txt" && !slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
			return f.Rule == "PARSE.READ" && f.Cell == "appeals" && strings.Contains(f.Message, "复口后起诉")
		}) {
			t.Errorf("%s: the misread labels are not said: %v", name, r.Findings)
		}
	}

	page, err := os.ReadFile(filepath.Join(auditDir, "ocr-2021.md"))
	if err != nil {
		t.Fatal(err)
	}
	clean := audit(t, "ocr.md", page)
	r := audit(t, "ocr.md", bytes.Replace(page, []byte("| 复议后起诉 |"), []byte("| 后来的诉讼 |"), 1))
	if r.Appeals[0] != clean.Appeals[0] || r.Appeals[1] != clean.Appeals[1] {
		t.Errorf("the blocks read by their labels changed: %v, want %v", r.Appeals, clean.Appeals)
	}
	if !r.Appeals[2][0].Blank() {
		t.Errorf("a row labelled like no block was read as 复议后起诉: %v", r.Appeals[2])
	}
	if countFindings(r, rule("CELL.BLANK")) != countFindings(clean, rule("CELL.BLANK")) || countFindings(r, rule("PARSE.TABLE")) != 1 {
		t.Errorf("an unread block must be said once by PARSE.TABLE, never claimed blank: %v", r.Findings)
	}
}

// rule selects findings of one rule, for countFindings.
func rule(id string) func(report.Finding) bool {
	return func(f report.Finding) bool { return f.Rule == id }
}

// An amount typed in the wide input mode (１２．３５, or 12．35 with only the
// point wide) is the amount, in text and in a page; item numbers with a wide
// point (1．属于国家秘密) stay item numbers.
func TestWideDecimalPoint(t *testing.T) {
	for _, name := range []string{"tab-2021.txt", "word-2021.html"} {
		page := readFile(t, filepath.Join(auditDir, name))
		want := audit(t, name, page)
		for _, wide := range []string{"１２．３５", "12．35"} {
			changed := bytes.Replace(page, []byte("12.35"), []byte(wide), 1)
			changed = bytes.ReplaceAll(changed, []byte("1.属于"), []byte("1．属于"))
			r := audit(t, name, changed)
			if d := cmp.Diff(tables(want), tables(r)); d != "" {
				t.Errorf("%s with %s (-narrow +wide):\n%s", name, wide, d)
			}
			if got, w := len(r.Findings), len(want.Findings); got != w {
				t.Errorf("%s with %s: %d findings, want %d: %v", name, wide, got, w, r.Findings)
			}
		}
	}
}

// A converter that runs two cells of a row together in one field: "00" is
// two zeros (no count is written with a leading zero) and reads as the clean
// row; "2|15" run together as "215" leaves six numbers that add up only when
// split, so whether a cell was left blank or two were run together cannot be
// known (PARSE.AMBIGUOUS, no arithmetic error claimed); a row with a blank
// that no split makes add up is still the report's own error.
func TestTabRowCellsRunTogether(t *testing.T) {
	seed := readFile(t, seedPath)
	want := audit(t, "seed.txt", seed)
	row := "一、本年新收政府信息公开申请数量\t\t0\t0\t"
	if !bytes.Contains(seed, []byte(row)) {
		t.Fatalf("the seed has no row %q", row)
	}
	r := audit(t, "seed.txt", bytes.Replace(seed, []byte(row), []byte("一、本年新收政府信息公开申请数量\t\t00\t"), 1))
	if d := cmp.Diff(tables(want), tables(r)); d != "" {
		t.Errorf("00 (-clean +run together):\n%s", d)
	}
	if n := countFindings(r, rule("CELL.BLANK")); n > 0 {
		t.Errorf("00 read as a blank cell: %v", r.Findings)
	}
	t4 := "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"
	if !bytes.Contains(seed, []byte(t4)) {
		t.Fatalf("the seed has no 表四 row %q", t4)
	}
	r = audit(t, "seed.txt", bytes.Replace(seed, []byte(t4), []byte("0\t0\t0\t00\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"), 1))
	if r.Appeals != want.Appeals || countFindings(r, rule("PARSE.TABLE")) > 0 {
		t.Errorf("表四 with 00 read %v, want %v: %v", r.Appeals, want.Appeals, r.Findings)
	}

	page := readFile(t, filepath.Join(auditDir, "tab-2019.txt"))
	row = "\t0\t6\t0\t3\t4\t2\t15\n"
	if !bytes.Contains(page, []byte(row)) {
		t.Fatalf("tab-2019.txt has no row %q", row)
	}
	r = audit(t, "tab.txt", bytes.Replace(page, []byte(row), []byte("\t0\t6\t0\t3\t4\t215\n"), 1))
	if v := r.Applications["new"]; v != (report.Row{}) {
		t.Errorf("215 read as %v, want the row unread", v)
	}
	if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
		return f.Rule == "PARSE.AMBIGUOUS" && f.Cell == "applications.new" && strings.Contains(f.Message, "2 15")
	}) {
		t.Errorf("the two readings of 215 are not said: %v", r.Findings)
	}
	for _, f := range r.Findings {
		if f.Severity == report.SevError {
			t.Errorf("an error claimed from a reading that cannot be known: %s %s", f.Rule, f.Message)
		}
	}
	r = audit(t, "tab.txt", bytes.Replace(page, []byte(row), []byte("\t0\t6\t0\t3\t4\t99\n"), 1))
	if countFindings(r, rule("T3.ROWSUM")) != 1 || countFindings(r, rule("PARSE.AMBIGUOUS")) != 0 {
		t.Errorf("a blank cell in a row that does not add up is the report's error: %v", r.Findings)
	}
	// a count written with a leading zero in a row with every field (05 for
	// 5) is the count, as it always read
	r = audit(t, "tab.txt", bytes.Replace(page, []byte(row), []byte("\t0\t6\t0\t3\t4\t02\t15\n"), 1))
	if got, want := r.Applications["new"], audit(t, "tab.txt", page).Applications["new"]; got != want {
		t.Errorf("02 in a full row read %v, want %v", got, want)
	}
	// a blank that kept its empty field (the row has as many fields as the
	// others) is a blank, even where splitting a number would add up (16: 1 6)
	r = audit(t, "tab.txt", bytes.Replace(page, []byte(row), []byte("\t\t5\t0\t0\t0\t0\t16\n"), 1))
	if countFindings(r, rule("T3.ROWSUM")) != 1 || countFindings(r, rule("PARSE.AMBIGUOUS")) != 0 || countFindings(r, rule("CELL.BLANK")) != 1 {
		t.Errorf("a blank field in a row that does not add up is the report's error: %v", r.Findings)
	}
}

// 本年增/减 written with the minus sign (−7), or the en or em dash Word's
// autocorrect or a typesetter puts for it (–7, —7), is the negative number
// in every layout; a dash alone stays a cell that is no number.
func TestMinusWrittenAsDash(t *testing.T) {
	for _, name := range []string{"tab-2019.txt", "pdftotext-layout-2019.txt", "oneline-2019.txt", "pandoc-gfm-2019.md"} {
		page := readFile(t, filepath.Join(auditDir, name))
		want := audit(t, name, page)
		if got := want.Proactive.Cell("fees.change"); got != report.N(-7) {
			t.Fatalf("%s: 本年增/减 of 行政事业性收费 reads %v clean, want -7", name, got)
		}
		for _, minus := range []string{"−", "–", "—"} {
			r := audit(t, name, bytes.Replace(page, []byte("-7"), []byte(minus+"7"), 1))
			if d := cmp.Diff(tables(want), tables(r)); d != "" {
				t.Errorf("%s with %s7 (-clean +dash):\n%s", name, minus, d)
			}
			if got, w := len(r.Findings), len(want.Findings); got != w {
				t.Errorf("%s with %s7: %d findings, want %d: %v", name, minus, got, w, r.Findings)
			}
		}
	}
	page := readFile(t, filepath.Join(auditDir, "tab-2019.txt"))
	r := audit(t, "tab.txt", bytes.Replace(page, []byte("\t-7"), []byte("\t—"), 1))
	if c := r.Proactive.Cell("fees.change"); !c.IsInvalid() {
		t.Errorf("a dash alone read as %v, want a cell that is no number", c)
	}
}

// 表三 written as its labels and then all its numbers (a PDF's text order):
// row by row, or down each column in turn (the rows' first cells, then their
// second cells …). Either reads as the table when every row and the table's
// columns add up, said by PARSE.READ; a column order whose rows do not add up
// is left unread, never read in the wrong order.
func TestT3NumbersAfterLabels(t *testing.T) {
	page := string(readFile(t, filepath.Join(auditDir, "tab-2021.txt")))
	want := audit(t, "tab.txt", []byte(page))
	i, j := strings.Index(page, "三、收到和处理政府信息公开申请情况"), strings.Index(page, "四、政府信息公开行政复议")
	var head, labels []string
	var nums [][]string
	for _, l := range strings.Split(page[i:j], "\n") {
		f := strings.Split(l, "\t")
		if len(f) < 8 || !isCount(f[len(f)-1]) {
			head = append(head, l)
			continue
		}
		labels = append(labels, strings.Join(f[:len(f)-7], " "))
		nums = append(nums, f[len(f)-7:])
	}
	build := func(byColumn bool) string {
		out := append(append([]string{}, head...), labels...)
		if byColumn {
			for c := range 7 {
				for r := range nums {
					out = append(out, nums[r][c])
				}
			}
		} else {
			for r := range nums {
				out = append(out, nums[r]...)
			}
		}
		return page[:i] + strings.Join(out, "\n") + "\n\n" + page[j:]
	}
	for _, byColumn := range []bool{false, true} {
		r := audit(t, "order.txt", []byte(build(byColumn)))
		if d := cmp.Diff(tables(want), tables(r)); d != "" {
			t.Errorf("by column %v (-table +labels first):\n%s", byColumn, d)
		}
		if countFindings(r, rule("PARSE.READ")) != 1 || countFindings(r, rule("PARSE.TABLE")) != 0 {
			t.Errorf("by column %v: want the order said once: %v", byColumn, r.Findings)
		}
	}
	nums[2][0] = "41" // 予以公开 no longer adds up
	r := audit(t, "order.txt", []byte(build(true)))
	for key, v := range r.Applications {
		for c, cell := range v {
			if !cell.Blank() && cell != want.Applications[key][c] {
				t.Errorf("%s[%d] read %v from a column order that does not add up", key, c, cell)
			}
		}
	}
	if countFindings(r, rule("PARSE.TABLE")) == 0 {
		t.Errorf("an order that does not add up is not said: %v", r.Findings)
	}
}

// A PDF re-distilled by Ghostscript from Chrome's (gs-chrome-page-2021.pdf:
// its Type 3 fonts' codes map to Latin letters, 政府信息}开, 年度ç告) is said
// to be garbled, once, and its sections and wording are not checked: no
// S.MISSING error for the headings it cannot spell. The clean text of the
// same page says nothing of the kind.
func TestGarbledPDFText(t *testing.T) {
	r := audit(t, "gs.pdf", readFile(t, filepath.Join(auditDir, "gs-chrome-page-2021.pdf")))
	if n := countFindings(r, rule("PARSE.TEXT")); n != 1 {
		t.Errorf("%d PARSE.TEXT findings, want 1: %v", n, r.Findings)
	}
	for _, f := range r.Findings {
		if f.Severity == report.SevError || strings.HasPrefix(f.Rule, "S.") || strings.HasPrefix(f.Rule, "TXT.") {
			t.Errorf("a finding from a garbled text: %s %s", f.Rule, f.Message)
		}
	}
	clean := audit(t, "chrome.pdf", readFile(t, filepath.Join(auditDir, "chrome-page-2021.pdf")))
	if n := countFindings(clean, rule("PARSE.TEXT")); n != 0 {
		t.Errorf("the clean PDF said garbled: %v", clean.Findings)
	}
}

// A 2021 表二 that kept the trial format's 政府集中采购 (or 其他对外管理服务事项)
// row is read as the 2021 table it is, the extra row said and not read; a table with the trial
// format's headings is the 2019 one, 政府集中采购 or not.
func TestT2WithTheTrialFormatsProcurementRow(t *testing.T) {
	page := string(readFile(t, filepath.Join(auditDir, "tab-2021.txt")))
	want := audit(t, "tab.txt", []byte(page))
	i := strings.Index(page, "三、收到和处理政府信息公开申请情况")
	extra := "第二十条第（九）项\t\t\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t5\t123.4\n\n"
	r := audit(t, "tab.txt", []byte(page[:i]+extra+page[i:]))
	if r.Format != report.Format2021 {
		t.Fatalf("read as %s", r.Format)
	}
	if d := cmp.Diff(tables(want), tables(r)); d != "" {
		t.Errorf("(-without +with the row):\n%s", d)
	}
	if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
		return f.Rule == "PARSE.READ" && strings.Contains(f.Message, "政府集中采购")
	}) || len(r.Findings) != len(want.Findings)+1 {
		t.Errorf("the extra row is not said once: %v", r.Findings)
	}
	r = audit(t, "tab.txt", []byte(strings.Replace(page, "行政许可\t356\t\t\n", "行政许可\t356\t\t\n其他对外管理服务事项\t12\t\t\n", 1)))
	if d := cmp.Diff(tables(want), tables(r)); d != "" || countFindings(r, rule("PARSE.READ")) != 1 {
		t.Errorf("其他对外管理服务事项 in a 2021 table: %v (-without +with):\n%s", r.Findings, d)
	}
	old := audit(t, "tab-2019.txt", readFile(t, filepath.Join(auditDir, "tab-2019.txt")))
	if old.Format != report.Format2019 {
		t.Errorf("the trial format's table read as %s", old.Format)
	}
}

// 表二 rows written as their labels and then their numbers, each number on a
// line of its own (pdfminer's text blocks): rows of one cell each are read
// in order (行政处罚 / 行政强制 / 48 / 3), said by PARSE.READ; rows of three
// cells are not (their numbers may run along the rows or down the columns:
// 31 35 31 13 27 7 is either), nor are the last three taken for the last row.
func TestT2LabelsThenNumbers(t *testing.T) {
	r := audit(t, "pm.txt", readFile(t, filepath.Join(auditDir, "pdfminer-page-2021.txt")))
	if p, c := r.Proactive.Cell("penalty.decisions"), r.Proactive.Cell("coercion.decisions"); p != report.N(48) || c != report.N(3) {
		t.Errorf("行政处罚 %v 行政强制 %v, want 48 and 3", p, c)
	}
	if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
		return f.Rule == "PARSE.READ" && strings.Contains(f.Message, "行政处罚 48、行政强制 3")
	}) {
		t.Errorf("the order read is not said: %v", r.Findings)
	}
	for _, f := range r.Findings {
		if f.Rule == "PARSE.TABLE" && (f.Cell == "proactive.penalty" || f.Cell == "proactive.coercion") {
			t.Errorf("a row read in order also said not found: %s", f.Message)
		}
	}
	// a row's last number on the next item's heading line ("356第二十条第（六）项",
	// "3 第二十条第（八）项"): the row's
	r = audit(t, "pm.txt", readFile(t, filepath.Join(auditDir, "pdfminer-cairo-page-2021.txt")))
	for key, want := range map[string]int64{"licensing.decisions": 356, "penalty.decisions": 48, "coercion.decisions": 3} {
		if got := r.Proactive.Cell(key); got != report.N(want) {
			t.Errorf("%s read %v, want %d", key, got, want)
		}
	}
	r = audit(t, "pm.txt", readFile(t, filepath.Join(auditDir, "pdfminer-2019.txt")))
	for _, k := range []string{"rules", "normative_documents", "licensing", "other_services"} {
		for _, c := range []string{"new_made", "prev_items"} {
			if v := r.Proactive.Cell(k + "." + c); !v.Blank() {
				t.Errorf("%s.%s read %v from numbers whose order cannot be known", k, c, v)
			}
		}
	}
}

// pdfminer's text of 表三 (markitdown's) gives a band of rows at a time, each
// band down its columns in turn, apart from the labels: with every number
// there, the only cut into bands whose rows and columns all add up is read,
// said once; with one number changed no cut holds and the table is unread
// and said, with no error claimed.
func TestT3InBands(t *testing.T) {
	for file, truth := range map[string]func() *report.Report{"pdfminer-2021.txt": truth, "pdfminer-2019.txt": truth2019} {
		page := readFile(t, filepath.Join(auditDir, file))
		r := audit(t, file, page)
		want := truth()
		for _, row := range want.Format.T3Rows() {
			if got := r.Applications[row.Key]; got != want.Applications[row.Key] {
				t.Errorf("%s: %s read %v, want %v", file, row.Key, got, want.Applications[row.Key])
			}
		}
		// (the 2019 text's 处理, a piece of （五）不予处理 between two of its
		// labels, is no row: its runs are then read down their columns,
		// each said, before the bands are tried)
		if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
			return f.Rule == "PARSE.READ" && strings.HasPrefix(f.Cell, "applications") && (strings.Contains(f.Message, "一段") || strings.Contains(f.Message, "按栏序"))
		}) {
			t.Errorf("%s: the reading is not said: %v", file, r.Findings)
		}
		// 64 (the first number, 本年新收 of persons) printed 65: nothing holds
		changed := bytes.Replace(page, []byte("\n64\n"), []byte("\n65\n"), 1)
		if bytes.Equal(changed, page) {
			continue // the 2019 report has no 64
		}
		r = audit(t, file, changed)
		for _, row := range want.Format.T3Rows() {
			for c, cl := range r.Applications[row.Key] {
				if !cl.Blank() && cl != want.Applications[row.Key][c] {
					t.Errorf("%s changed: %s[%d] read %v", file, row.Key, c, cl)
				}
			}
		}
		for _, f := range r.Findings {
			if f.Severity == report.SevError {
				t.Errorf("%s changed: %s %s", file, f.Rule, f.Message)
			}
		}
	}
}

// 表三 whose every row's numbers come before its label (PyMuPDF's text
// sorted by position) reads by the numbers' order when every row and column
// adds up, said once; with one number changed, its row does not add up and
// the columns are off as that one cell makes them, in the only reading
// where they are (readDisplaced): read so, the error said, never a row off.
func TestT3NumbersBeforeLabels(t *testing.T) {
	page := readFile(t, filepath.Join(auditDir, "pymupdf-sorted-narrow-2021.txt"))
	r := audit(t, "sorted.txt", page)
	want := truth()
	for _, row := range report.Format2021.T3Rows() {
		if got := r.Applications[row.Key]; got != want.Applications[row.Key] {
			t.Errorf("%s read %v, want %v", row.Key, got, want.Applications[row.Key])
		}
	}
	if countFindings(r, rule("PARSE.READ")) != 1 {
		t.Errorf("the order read is not said once: %v", r.Findings)
	}
	changed := bytes.Replace(page, []byte("\n64\n"), []byte("\n65\n"), 1)
	if bytes.Equal(changed, page) {
		t.Fatal("the fixture has no line 64")
	}
	r = audit(t, "sorted.txt", changed)
	wrong := want.Applications["new"]
	wrong[report.ColNatural] = report.N(65)
	for _, row := range report.Format2021.T3Rows() {
		w := want.Applications[row.Key]
		if row.Key == "new" {
			w = wrong
		}
		if got := r.Applications[row.Key]; got != w {
			t.Errorf("changed: %s read %v, want %v", row.Key, got, w)
		}
	}
	if !saysOf(r, "T3.ROWSUM", "applications.new[total]", "") {
		t.Errorf("the changed row's error not said: %v", r.Findings)
	}
	if !saysOf(r, "PARSE.READ", "applications", "这一格填错") {
		t.Errorf("the reading not said: %v", r.Findings)
	}
}

// A 表四 row written with units (0件) or with 无 for none is still the row:
// counts with a unit are read, 无 is an invalid cell the report is told of
// (as in 表三), and the other cells are read.
func TestT4RowWithWords(t *testing.T) {
	text := textOf(t, truth())
	at := strings.Index(text, "行政诉讼")
	lines := strings.Split(text[at:], "\n")
	row := -1
	for i, l := range lines {
		if l != "" && l[0] >= '0' && l[0] <= '9' {
			row = i
			break
		}
	}
	if row < 0 {
		t.Fatal("no 表四 row in the text")
	}
	for _, word := range []string{"件", "无"} {
		cells := strings.Split(lines[row], "\t")
		for i, c := range cells {
			if c == "0" {
				cells[i] = map[string]string{"件": "0件", "无": "无"}[word] // the others as numbers
			}
		}
		changed := slices.Clone(lines)
		changed[row] = strings.Join(cells, "\t")
		r := audit(t, "t4-"+word+".txt", []byte(text[:at]+strings.Join(changed, "\n")))
		want, invalid, zeros := truth(), 0, 0
		for _, f := range r.Findings {
			if f.Rule == "CELL.INVALID" {
				invalid += markedCells(f.Message) // a block's cells of the same mark are said at once
			} else if f.Severity != report.SevInfo {
				t.Errorf("%s: %s %s", word, f.Rule, f.Message)
			}
		}
		for b := range want.Appeals {
			for c, w := range want.Appeals[b] {
				got := r.Appeals[b][c]
				switch v, _ := w.Int(); {
				case word == "无" && v == 0:
					zeros++
					if _, ok := got.Int(); ok {
						t.Errorf("无 in 表四 %d/%d read as %v", b, c, got)
					}
				case got.String() != w.String():
					t.Errorf("%s: 表四 %d/%d = %v, want %v", word, b, c, got, w)
				}
			}
		}
		if word == "无" && (zeros == 0 || invalid != zeros) {
			t.Errorf("无 in %d cells of 表四, %d said invalid: %v", zeros, invalid, r.Findings)
		}
	}
}

// A supervising office receives scans and archives too: a picture says that
// it has no text to read, an archive the auditor does not unpack (7z, tar,
// gz; a RAR not named .rar) that it is to be unpacked; any other binary file says which files are read. A text that
// starts like one of them by chance is read as text.
func TestPicturesAndArchivesSaySo(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"扫描件.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "这是图片"},
		{"扫描件.jpg", "\xff\xd8\xff\xe0\x00\x10JFIF\x00", "这是图片"},
		{"扫描件.tif", "II*\x00\x08\x00\x00\x00", "这是图片"},
		{"截图.bmp", "BM\x36\x00\x0c\x00\x00\x00\x00\x00\x36\x00\x00\x00", "这是图片"},
		{"截图.webp", "RIFF\x24\x00\x00\x00WEBPVP8 ", "这是图片"},
		{"年报.rar", "Rar!\x1a\x07\x01\x00\x33\x92\xb5\xe5", "请先解压"},
		{"年报.7z", "7z\xbc\xaf\x27\x1c\x00\x04", "请先解压"},
		{"年报.tar.gz", "\x1f\x8b\x08\x00\x00\x00\x00\x00", "请先解压"},
		// a tar whose first file is a PDF (512 bytes of header, then %PDF-)
		// was read as that PDF, the files after it left out
		{"年报.tar", strings.Repeat("\x00", 100) + "0000644\x00" + strings.Repeat("\x00", 149) + "ustar\x0000" + strings.Repeat("\x00", 249) + "%PDF-1.4\n", "请先解压"},
		{"年报.bin", "\x00\x01\x02\x03", "不是可识别的报告文件"},
	} {
		_, err := report.Read(c.name, []byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	// BM and BZh begin words of text too
	for _, text := range []string{"BMW 集团…\n一、总体情况\n", "BZh9 一、总体情况\n"} {
		if _, err := report.Read("a.txt", []byte(text)); err != nil {
			t.Errorf("%q: %v", text, err)
		}
	}
}

// A page number between dashes of any kind a PDF's text gives — the minus
// sign U+2212 some fonts map their dash to among them, mixed or not — is a
// footer between a table's rows, not a row's number (−3- read as a cell).
func TestFooterDashes(t *testing.T) {
	src := damagedText(t, truth())
	want := audit(t, "d.txt", []byte(src))
	for _, f := range []string{"−3−", "−3-", "–3–", "－3－", "~3~"} {
		text := strings.Replace(src, "-3-", f, 1)
		if text == src {
			t.Fatal("the layout has no footer")
		}
		if d := cmp.Diff(tables(want), tables(audit(t, "d.txt", []byte(text)))); d != "" {
			t.Errorf("%q (-plain +dashes):\n%s", f, d)
		}
	}
}

// Lines ended by CR alone (Excel for Mac's "CSV (Macintosh)", old Mac text)
// read as lines ended by LF: a CSV named so or not, tab text and Markdown.
func TestLinesEndedByCR(t *testing.T) {
	for _, c := range []struct{ file, as string }{
		{"csv-2021.csv", "r.csv"}, {"csv-2021.csv", "r.txt"}, {"tab-2021.txt", "r.txt"}, {"markdown-2021.md", "r.md"},
	} {
		src := strings.ReplaceAll(string(readFile(t, filepath.Join(auditDir, c.file))), "\r\n", "\n")
		want := audit(t, c.file, []byte(src))
		r := audit(t, c.as, []byte(strings.ReplaceAll(src, "\n", "\r")))
		sameReading(t, fmt.Sprintf("%s as %s", c.file, c.as), want, r)
	}
}

// Markdown whose lines keep the paragraphs' indent ("　　## 一、总体情况") or
// with an ideographic space after a heading's marks ("##　一、总体情况"):
// the headings are headings, no section is said to be missing.
func TestMarkdownHeadingsIndented(t *testing.T) {
	src := string(readFile(t, filepath.Join(auditDir, "markdown-2021.md")))
	want := audit(t, "r.md", []byte(src))
	for name, variant := range map[string]string{
		"indented":          strings.ReplaceAll(src, "\n", "\n\u3000\u3000"),
		"ideographic space": strings.ReplaceAll(src, "# ", "#\u3000"),
	} {
		r := audit(t, "r.md", []byte(variant))
		sameReading(t, name, want, r)
	}
}

// Numbered with a point for the 、 (三.本年度办理结果, 六.其他), by hand or by
// OCR: in a page without line breaks the group label of 表三 still ends the
// row before it (上年结转 was left unread), and the headings worded
// otherwise (一.工作概况, 六.其他) are found between the others.
func TestNumberedWithPoints(t *testing.T) {
	points := strings.NewReplacer("一、", "一.", "二、", "二.", "三、", "三.", "四、", "四.", "五、", "五.", "六、", "六.")
	worded := strings.NewReplacer("一、总体情况", "一、工作概况", "六、其他需要报告的事项", "六、其他")
	for _, file := range []string{"oneline-2021.txt", "oneline-2019.txt", "tab-2021.txt"} {
		src := string(readFile(t, filepath.Join(auditDir, file)))
		want := audit(t, file, []byte(src))
		for name, variant := range map[string]string{"points": points.Replace(src), "worded": points.Replace(worded.Replace(src))} {
			r := audit(t, file, []byte(variant))
			sameReading(t, fmt.Sprintf("%s %s", file, name), want, r)
		}
	}
}

// Punctuation of other widths (二､ of a half-width font, ﹙一﹚ of the small
// forms) reads as the usual marks: every heading and row label with them
// was missed, and in a page 表三's rows were shared out wrong.
func TestPunctuationOfOtherWidths(t *testing.T) {
	other := strings.NewReplacer("、", "､", "（", "﹙", "）", "﹚", "，", "﹐")
	for _, file := range []string{"oneline-2021.txt", "tab-2021.txt", "page-2021.html", "markdown-2021.md", "oneline-2019.txt"} {
		src := string(readFile(t, filepath.Join(auditDir, file)))
		want := audit(t, file, []byte(src))
		r := audit(t, file, []byte(other.Replace(src)))
		sameReading(t, file, want, r)
	}
}

// With the headings before 表三 not found (every 、 of the page misread), 表三
// is read from its own first line (申请人情况), not from the top of the page:
// 表二's first row was read as 表三's 一 and 一 as 二. Each cell is as in
// the page read well, or unread and said.
func TestT3WithoutTheHeadingsBefore(t *testing.T) {
	for _, file := range []string{"page-2021.html", "grid-2021.txt", "tab-2021.txt", "oneline-2021.txt"} {
		src := string(readFile(t, filepath.Join(auditDir, file)))
		want := audit(t, file, []byte(src))
		r := audit(t, file, []byte(strings.ReplaceAll(src, "、", "`")))
		for _, row := range want.Format.T3Rows() {
			for c, w := range want.Applications[row.Key] {
				if g := r.Applications[row.Key][c]; !g.Blank() && g.String() != w.String() {
					t.Errorf("%s: %s[%d] = %s, want %s", file, row.Key, c, g, w)
				} else if g.Blank() && !saysWhy(r, "applications."+row.Key) {
					t.Errorf("%s: %s[%d] unread, not said", file, row.Key, c)
				}
			}
		}
	}
}

// 表四 without its section's heading (left out, or lost by a converter)
// is still read after 表三, by its header: "缺少表四" was said of a table that
// is there, and in a text of a cell to a line its numbers were joined to its
// header's 总计 as a row of 表三; in a page without line breaks 表三's own
// 四、结转下年度继续办理 was taken for section 四's heading.
func TestT4WithoutItsHeading(t *testing.T) {
	for name, make := range map[string]func(testing.TB, *report.Report) string{
		"tab": textOf, "cell-per-line": cellPerLine, "layout": layoutText, "page": pageHTML, "oneline": onelineCycling, "flat": flatText,
	} {
		src := make(t, truth())
		heading := "四、政府信息公开行政复议、行政诉讼情况"
		if !strings.Contains(src, heading) {
			t.Fatalf("%s: no heading %s", name, heading)
		}
		file := "r.txt"
		if name == "page" {
			file = "r.html"
		}
		// as read with the heading (表二's glued digits aside, the truth)
		want := audit(t, file, []byte(src))
		r := audit(t, file, []byte(strings.Replace(src, heading, "", 1)))
		if d := cmp.Diff(tables(want), tables(r)); d != "" {
			t.Errorf("%s: tables (-with the heading +without):\n%s", name, d)
		}
		if errs := rules(r.Findings, report.SevError); len(errs) > 0 {
			t.Errorf("%s: errors %v", name, errs)
		}
	}
}

// A portal that lays its page out with a table puts the report in a cell
// beside its menu's: a report written in <div>s and <p>s (CSS tables,
// pdftohtml's page) is its paragraphs, not one cell of a row (nothing of it
// was found).
func TestReportInALayoutCell(t *testing.T) {
	for _, file := range []string{"divtable-2021.html", "pdf2html-2021.html", "page-2021.html"} {
		src := string(readFile(t, filepath.Join(auditDir, file)))
		want := audit(t, file, []byte(src))
		laid := strings.Replace(src, "<body>", `<body><table width="100%"><tr><td class="menu">首页</td><td class="main">`, 1)
		laid = strings.Replace(laid, "</body>", `</td></tr><tr><td colspan="2">版权所有 联系我们</td></tr></table></body>`, 1)
		r := audit(t, file, []byte(laid))
		sameReading(t, file, want, r)
	}
}

// sameReading fails unless r reads the tables as want does, with the same
// error and warning findings.
func sameReading(t *testing.T, what string, want, r *report.Report) {
	t.Helper()
	if d := cmp.Diff(tables(want), tables(r)); d != "" {
		t.Errorf("%s (-want +got):\n%s", what, d)
	}
	if g, w := rules(r.Findings, report.SevError, report.SevWarning), rules(want.Findings, report.SevError, report.SevWarning); !slices.Equal(g, w) {
		t.Errorf("%s: findings %v, want %v", what, g, w)
	}
}

// A zero written as the Chinese numeral 〇 (a clerk's, or an OCR's) is 0 in
// every layout; 〇 inside a Chinese numeral (二〇二四年) stays as it is.
func TestZeroWrittenAsLing(t *testing.T) {
	for _, file := range []string{"tab-2021.txt", "oneline-2021.txt", "page-2021.html", "markdown-2021.md", "oneline-2019.txt"} {
		src := string(readFile(t, filepath.Join(auditDir, file)))
		want := audit(t, file, []byte(src))
		sameReading(t, file, want, audit(t, file, []byte(strings.ReplaceAll(src, "0", "〇"))))
	}
	src := strings.Replace(string(readFile(t, filepath.Join(auditDir, "tab-2021.txt"))), "2024年", "二〇二四年", 1)
	if r := audit(t, "r.txt", []byte(src)); r.Year != 2024 || !strings.Contains(r.Title, "二〇二四年") {
		t.Errorf("title %q, year %d: want 二〇二四年 kept, 2024", r.Title, r.Year)
	}
}

// Headings numbered with a comma or a space for the 、 (六，其他; 四 政府信息
// 公开…, Word's tab after an automatic number): in a page without line
// breaks a heading worded otherwise is found between the others, and in
// pdftohtml's page the last row of 表三 is not joined to the heading under
// it as the heading's first line (四、结转下年度继续办理 was left unread).
func TestHeadingsNumberedWithCommaOrSpace(t *testing.T) {
	for _, c := range []struct{ file, from, to string }{
		{"oneline-2021.txt", "六、其他需要报告的事项", "六，其他"},
		{"oneline-2021.txt", "六、其他需要报告的事项", "六 其他"},
		{"oneline-2019.txt", "六、其他需要报告的事项", "六，其他"},
		{"pdf2html-2021.html", "四、政府信息公开行政复议", "四 政府信息公开行政复议"},
		{"tab-2021.txt", "四、政府信息公开行政复议", "四 政府信息公开行政复议"},
	} {
		src := string(readFile(t, filepath.Join(auditDir, c.file)))
		if !strings.Contains(src, c.from) {
			t.Fatalf("%s: no %s", c.file, c.from)
		}
		want := audit(t, c.file, []byte(src))
		sameReading(t, c.file+" "+c.to, want, audit(t, c.file, []byte(strings.Replace(src, c.from, c.to, 1))))
	}
}

// A section heading wrapped over two lines (a narrow column) is read whole
// when it is numbered with a space for the 、 ("五 存在的主要" / "问题及改进
// 情况") and when a double-spaced text puts an empty line between its lines:
// sections 四 and 五 were said missing, and 表四 with 四.
func TestWrappedHeadingSpacedOrDoubleSpaced(t *testing.T) {
	src := cellPerLineWrapped(t, truth())
	if !strings.Contains(src, "五、存在的主要\n") {
		t.Fatalf("the heading is not wrapped in the layout:\n%s", src)
	}
	want := audit(t, "r.txt", []byte(src))
	spaced := strings.NewReplacer("四、政府", "四 政府", "五、存在", "五 存在").Replace(src)
	for name, variant := range map[string]string{
		"spaced":        spaced,
		"double-spaced": strings.ReplaceAll(src, "\n", "\n\n"),
		"both":          strings.ReplaceAll(spaced, "\n", "\n\n"),
	} {
		sameReading(t, name, want, audit(t, "r.txt", []byte(variant)))
	}
	// but a row of 表三 with its numbers is no heading's first line, the
	// heading after it numbered 4、 (all the headings were lost with it)
	arabic := arabicText(t, truth())
	sameReading(t, "arabic, spaced", audit(t, "r.txt", []byte(arabic)), audit(t, "r.txt", []byte(strings.ReplaceAll(arabic, "\t", "  "))))
}

// A CSV made by hand, its labels not quoted: the ASCII commas inside
// 部分公开's brackets ("（二）部分公开（区分处理的,只计这一情形,不计其他情形）")
// split the label into three fields, which moved the row's cells two
// columns right. The fields are joined again up to the closing bracket.
// Before, a row with a blank total was read with its first cell blank and
// its total 0 (a wrong cell, blanks in the wrong place).
func TestCSVWithUnquotedCommasInALabel(t *testing.T) {
	for i := range 12 {
		truth, _ := blankTruth(i)
		src := strings.ReplaceAll(csvText(t, truth), "，", ",")
		if !strings.Contains(src, "（区分处理的,只计这一情形,不计其他情形）") {
			t.Fatal("no label with ASCII commas")
		}
		r := audit(t, "r.csv", []byte(src))
		eachCount(truth, r, func(got, want report.Cell, prefix, cname string) {
			if strings.HasPrefix(prefix, "applications") && got.String() != want.String() {
				t.Errorf("report %d: %s read %q, want %q", i, cname, got, want)
			}
		})
	}
}

// Headings a virtual printer made bold by drawing them twice come out of
// pdftotext -raw twice, one line after the other (一、总体情况 / 一、总体情况):
// read once. Before, TXT.NUMBERING said each sub-heading followed itself
// ("（二）" after "（二）"). The same in a tab-separated text, a heading and a
// row's label doubled; a line said twice that is no numbered heading stays.
func TestDoubledHeadingsReadOnce(t *testing.T) {
	r := audit(t, "raw.txt", readFile(t, filepath.Join(auditDir, "pdftotext-raw-bold-doubled-2021.txt")))
	sameReport(t, truth(), r)
	for _, f := range r.Findings {
		t.Errorf("a finding on a clean report: %s %s", f.Rule, f.Message)
	}
	page := string(readFile(t, filepath.Join(auditDir, "tab-2021.txt")))
	want := audit(t, "tab.txt", []byte(page))
	doubled := page
	for _, l := range []string{"（二）依申请公开办理情况\n", "二、主动公开政府信息情况\n", "五、存在的主要问题及改进情况\n"} {
		if !strings.Contains(doubled, l) {
			t.Fatalf("%q not in tab-2021.txt", l)
		}
		doubled = strings.Replace(doubled, l, l+l, 1)
	}
	r = audit(t, "tab.txt", []byte(doubled))
	sameReport(t, want, r)
	if len(r.Findings) != len(want.Findings) {
		t.Errorf("findings %v, want %v", r.Findings, want.Findings)
	}
	prose := "2024年，本局在门户网站发布信息326条。\n"
	if !strings.Contains(page, prose) {
		t.Fatalf("%q not in tab-2021.txt", prose)
	}
	r = audit(t, "tab.txt", []byte(strings.Replace(page, prose, prose+prose, 1)))
	if strings.Count(r.Sections["1"], "发布信息326条") != 2 {
		t.Errorf("a sentence said twice read once: %q", r.Sections["1"])
	}
}
