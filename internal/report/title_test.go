package report_test

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"gongkai/internal/report"
)

// Titles as agencies write them give the agency and the year, both when
// the file is identified (a directory's grouping) and when it is read.
func TestTitleVariants(t *testing.T) {
	var b strings.Builder
	renderText(t, &b, truth())
	body := b.String()
	body = body[strings.Index(body, "\n"):]
	for _, title := range []string{
		"示例市生态环境局2024年政府信息公开工作年度报告",
		"示例市生态环境局2024年度政府信息公开工作年度报告",
		"示例市生态环境局\n2024年政府信息公开工作年度报告", // the agency on a line of its own
		"示例市生态环境局关于2024年政府信息公开工作的年度报告",
		"2024年示例市生态环境局政府信息公开工作年度报告",
		"示例市生态环境局二〇二四年政府信息公开工作年度报告",
		"示例市生态环境局二○二四年政府信息公开工作年度报告", // ○, the circle typed for 〇
		"示例市生态环境局二O二四年度政府信息公开工作年度报告",
		"示例市生态环境局二零二四年政府信息公开工作年度报告",
		"示例市生态环境局 2024 年政府信息公开工作年度报告",
		"《示例市生态环境局2024年政府信息公开工作年度报告》",
		"示例市生态环境局　2024　年政府信息公开工作年度报告", // centred with wide spaces
		"示例市生态环境局政府信息公开工作2024年度报告",    // as ministries write it
		"示例市生态环境局政府信息公开工作年度报告（2024年）",
		"示例市生态环境局政府信息公开工作年度报告(2024)",
		"示例市生态环境局2024年政府信息公开年报",
		"示例市生态环境局关于2024年度政府信息公开工作情况的报告",
		"关于示例市生态环境局2024年政府信息公开工作年度报告",      // written as a notice's title
		"关于印发示例市生态环境局2024年政府信息公开工作年度报告的通知", // the notice that publishes it
		"【示例市生态环境局】2024年政府信息公开工作年度报告",
		"索引号：11410700/2025-00012 示例市生态环境局2024年政府信息公开工作年度报告", // a portal's index number on its line
		"示例市生态环境局\n2024年政府信息公开\n工作年度报告",                     // a PDF's title over three short lines
		"示例市\n生态环境局2024年政府信息公开工作年度报告",                       // the place alone on the line above
		"示例市\n生态环境局\n2024年政府信息公开工作年度报告",                     // the place alone above the agency's line
		"【年度报告】示例市生态环境局2024年政府信息公开工作年度报告",                   // a portal's tag before the title
		"【政务公开】示例市生态环境局2024年政府信息公开工作年度报告",
	} {
		data := []byte(title + body)
		if a, y := report.Identify("x.txt", data); a != "示例市生态环境局" || y != 2024 {
			t.Errorf("Identify(%q) = %q %d", title, a, y)
		}
		r, err := report.Read("x.txt", data)
		if err != nil {
			t.Fatal(err)
		}
		if r.Agency != "示例市生态环境局" || r.Year != 2024 {
			t.Errorf("Read(%q) = %q %d", title, r.Agency, r.Year)
		}
	}
	// a title without its year: the agency from the title, the year from the text
	for _, title := range []string{"示例市生态环境局政府信息公开工作年度报告", "示例市生态环境局关于政府信息公开工作年度报告"} {
		r, err := report.Read("x.txt", []byte(title+body))
		if err != nil {
			t.Fatal(err)
		}
		if r.Agency != "示例市生态环境局" || r.Year != 2024 {
			t.Errorf("Read(%q) = %q %d", title, r.Agency, r.Year)
		}
	}
	// a people's government's title says 政府 twice: the first is its own
	title := "示例市人民政府政府信息公开工作2024年度报告"
	if a, y := report.Identify("x.txt", []byte(title+body)); a != "示例市人民政府" || y != 2024 {
		t.Errorf("Identify(%q) = %q %d", title, a, y)
	}
}

// A portal's page run into one line puts its breadcrumbs, its metadata and
// links to the agency's other years' reports before the title, and a preface
// may follow it: the title is the last piece before section 一 that reads as
// one and is no sentence, both when the file is identified and when it is
// read. So too on lines, where such a run is one long line.
func TestTitleInAPortalPage(t *testing.T) {
	const title = "示例市生态环境局2024年政府信息公开工作年度报告"
	const preface = "根据《中华人民共和国政府信息公开条例》规定，现向社会公布示例市生态环境局2024年政府信息公开工作年度报告。本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。"
	page := onelineCycling(t, truth())
	lines := textOf(t, truth())
	if !strings.Contains(page, title) || !strings.HasPrefix(lines, title) {
		t.Fatal("the title is not where the test puts things before it")
	}
	for _, before := range []string{
		"相关文章 示例市生态环境局2023年政府信息公开工作年度报告 示例市生态环境局2022年政府信息公开工作年度报告 正文 ",
		"索引号：11410700MB1234567X/2025-00012 发布机构：示例市生态环境局 生成日期：2025-01-20 主题分类：政府信息公开年报 ",
		"标题：示例市生态环境局2024年政府信息公开工作年度报告 发布日期：2025-01-20 来源：示例市生态环境局 浏览次数：128 字号：大 中 小 ",
	} {
		for name, text := range map[string]string{
			"page":  strings.Replace(page, title, before+title+preface, 1),
			"lines": before + "\n" + strings.Replace(lines, title, title+"\n"+preface, 1),
		} {
			if name == "lines" && !strings.Contains(before, "相关文章") {
				continue // on lines, metadata is short lines of its own
			}
			data := []byte(text)
			if a, y := report.Identify("x.txt", data); a != "示例市生态环境局" || y != 2024 {
				t.Errorf("%s after %q: Identify = %q %d", name, before, a, y)
			}
			r := audit(t, "x.txt", data)
			if r.Agency != "示例市生态环境局" || r.Year != 2024 || r.Title != title {
				t.Errorf("%s after %q: Read = %q %q %d", name, before, r.Title, r.Agency, r.Year)
			}
			for _, f := range r.Findings {
				if f.Cell == "agency" || f.Cell == "title" {
					t.Errorf("%s after %q: %s %s", name, before, f.Rule, f.Message)
				}
			}
		}
	}
}

// A line before section 一 that holds a link to last year's report, or the
// portal's breadcrumb, and then the title — the title with spaces of its own,
// its agency's name too — gives this year's title and the whole agency, not
// the link's year or the portal's words before it.
func TestTitleAfterALinkOnItsLine(t *testing.T) {
	body := textOf(t, truth())
	body = body[strings.Index(body, "\n"):]
	for _, line := range []string{
		"相关链接 示例市生态环境局2023年政府信息公开工作年度报告 示例市生态环境局 2024 年政府信息公开 工作年度报告",
		"当前位置：首页 > 政务公开 > 年度报告 示例市 生态环境局 2024 年政府信息公开工作年度报告",
	} {
		data := []byte(line + body)
		if a, y := report.Identify("x.txt", data); a != "示例市生态环境局" || y != 2024 {
			t.Errorf("Identify(%q) = %q %d", line, a, y)
		}
		r := audit(t, "x.txt", data)
		if r.Agency != "示例市生态环境局" || r.Year != 2024 {
			t.Errorf("Read(%q) = %q %d", line, r.Agency, r.Year)
		}
	}
}

// A title that ends in a bracketed part after 报告 (（一）, （2024年）), on a
// line with another 报告 before it, is cut after its closing bracket, whole:
// the wide bracket is three bytes, and the cut had left one of them (an
// invalid title, found by the fuzzer: its JSON did not load back the same).
func TestTitlePieceEndsAfterAWideBracket(t *testing.T) {
	body := textOf(t, truth())
	body = body[strings.Index(body, "\n"):]
	for _, want := range []string{"示例市生态环境局2024年政府信息公开工作年度报告（一）", "示例市生态环境局2024年政府信息公开工作年度报告(一)"} {
		r := audit(t, "x.txt", []byte("报告 "+want+body))
		if r.Title != want || !utf8.ValidString(r.Title) || r.Agency != "示例市生态环境局" {
			t.Errorf("title %q (agency %q), want %q", r.Title, r.Agency, want)
		}
	}
}

// `audit DIR` groups files by what Identify finds, which reads only a file's
// head when it can: for every fixture whose agency and year Read finds,
// Identify finds the same. Before, an RTF whose pictures come first and a
// pdftohtml page whose pieces come out of order were grouped alone (Identify
// found nothing in their heads), so no cross-year rule ran on them.
func TestIdentifyAgreesWithRead(t *testing.T) {
	for _, f := range auditFixtures(t) {
		data := readFile(t, f)
		r, err := report.Read(filepath.Base(f), data)
		if err != nil || r.Agency == "" || r.Year == 0 {
			continue
		}
		if a, y := report.Identify(filepath.Base(f), data); a != r.Agency || y != r.Year {
			t.Errorf("%s: Identify %q %d, Read %q %d", filepath.Base(f), a, y, r.Agency, r.Year)
		}
	}
}

// A centred title wrapped so that pdftotext -layout prints its end after
// section 一's heading ("…工作年" / "一、总体情况" / "度报告": Chromium's A5
// PDF of Word's HTML) is read whole, by Read and by Identify. Before, the
// agency was not found. A short line after the heading that is no title's
// end is not taken.
func TestTitleEndAfterTheHeading(t *testing.T) {
	r := audit(t, "a5.txt", readFile(t, filepath.Join(auditDir, "pdftotext-layout-a5-word-2021.txt")))
	if r.Agency != "示例市生态环境局" || r.Year != 2024 {
		t.Errorf("agency %q year %d", r.Agency, r.Year)
	}
	text := "示例市生态环境局2024年政府信息公开工作年\n 一、总体情况\n         度报告\n（一）主动公开情况\n本局公开信息。\n"
	if a, y := report.Identify("t.txt", []byte(text)); a != "示例市生态环境局" || y != 2024 {
		t.Errorf("Identify: %q %d", a, y)
	}
	other := "示例市生态环境局2024年政府信息公开工作年\n 一、总体情况\n本局公开信息。\n"
	if r := audit(t, "o.txt", []byte(other)); r.Agency != "" {
		t.Errorf("a title without its end: agency %q", r.Agency)
	}
}
