package report_test

import (
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"gongkai/internal/report"
)

// The layouts of issue 12, each written from a known report the way the
// converters and portals that publish reports write it: a page that lost
// its line breaks, Markdown from PDF/Word converters, OCR'd Markdown, damaged
// pdftotext output, a report in the other format than its year calls for.

// tabRow splits a line of the tab text into its label fields and numbers.
func tabRow(line string) (labels, nums []string, ok bool) {
	if !strings.Contains(line, "\t") {
		return nil, nil, false
	}
	fields := strings.Split(line, "\t")
	if len(fields) == 3+report.NumCols && slices.ContainsFunc(fields[3:], isNum) {
		// a row of 表三: three label columns and the cells, blank ones too
		return fields[:3], fields[3:], true
	}
	for i, f := range fields {
		if f != "" && (isNum(f) || isDecimal(f) || slices.Contains([]string{"/", "—", "-", "无", "空", "——", "／", "－"}, f)) { // (a cell written as a placeholder too)
			nums = append(nums, fields[i:]...)
			break
		}
		labels = append(labels, f)
	}
	for len(nums) > 0 && nums[len(nums)-1] == "" {
		nums = nums[:len(nums)-1]
	}
	return labels, nums, true
}

func isDecimal(s string) bool {
	return strings.Count(s, ".") == 1 && isNum(strings.Replace(s, ".", "", 1))
}

// dialect writes a row's numbers as one of the flattened pages does.
type dialect func(nums []string) string

var (
	glued       dialect = func(n []string) string { return strings.Join(n, "") }
	spaced      dialect = func(n []string) string { return strings.Join(n, " ") }
	lastTwo     dialect = func(n []string) string { return strings.Join(n[:len(n)-2], " ") + " " + n[len(n)-2] + n[len(n)-1] }
	beforeTotal dialect = func(n []string) string { return strings.Join(n[:len(n)-1], "") + " " + n[len(n)-1] }
	// spaces at some borders only: "160 02 0 018"
	irregular dialect = func(n []string) string {
		var b strings.Builder
		for i, x := range n {
			if i > 0 && i%3 == 1 {
				b.WriteString(" ")
			}
			b.WriteString(x)
		}
		return b.String()
	}
)

// onelineText is a page stored without its line breaks: navigation, title,
// narrative, the tables with labels and numbers glued (T3 rows cycling
// through the digit dialects), and the portal's footer, in one line.
func onelineText(t testing.TB, r *report.Report, rows func(label string, nums []string) string) string {
	return onelineOf(textOf(t, r), rows)
}

// onelineOf is onelineText of a report's tab text.
func onelineOf(src string, rows func(label string, nums []string) string) string {
	var b strings.Builder
	b.WriteString("首页 > 政府信息公开 > 年度报告 ")
	for _, line := range strings.Split(src, "\n") {
		labels, nums, ok := tabRow(line)
		if !ok {
			b.WriteString(line)
			continue
		}
		label := strings.Join(labels, "")
		if len(nums) == 0 {
			b.WriteString(label)
			continue
		}
		b.WriteString(rows(label, nums))
	}
	b.WriteString("主办单位：示例市人民政府办公室 版权所有 网站标识码：4107000001\n")
	return b.String()
}

// cycling writes 表三's rows in the five digit dialects in turn, everything
// else glued.
func cycling(label string, nums []string) string {
	if len(nums) != 7 && !(len(nums) == 8 && !slices.Contains(nums, "")) { // (表三 with a 小计 column too)
		return label + strings.Join(nums, "")
	}
	ds := []dialect{glued, lastTwo, spaced, irregular, beforeTotal}
	d := ds[int(rowCounter.Add(1))%len(ds)]
	return label + d(nums)
}

// rowCounter picks the dialect of each row; reset per document.
var rowCounter = new(counter)

type counter struct{ n int64 }

func (c *counter) Add(d int64) int64 { c.n += d; return c.n }

func onelineCycling(t testing.TB, r *report.Report) string {
	rowCounter.n = 0
	return onelineText(t, r, cycling)
}

// withPlaceholders is r with some zero cells of 表二, 表三 and 表四 written as the
// placeholders agencies use, "/" and "—", which a page without line breaks
// glues into the digits around them ("31//—4").
func withPlaceholders(r *report.Report) *report.Report {
	n := 0
	for _, row := range r.Format.T3Rows() {
		v := r.Applications[row.Key]
		for c := range v {
			if x, ok := v[c].Int(); ok && x == 0 && c < report.ColTotal {
				if n++; n%3 == 0 {
					v[c] = report.ParseCount([]string{"/", "—"}[n%2])
				}
			}
		}
		r.Applications[row.Key] = v
	}
	r.Proactive.Set("rules.repealed", report.ParseCount("/")) // 表二: "规章0/0"
	for b := range r.Appeals {
		for j := range report.T4Columns[:4] {
			if x, ok := r.Appeals[b][j].Int(); ok && x == 0 {
				if n++; n%2 == 0 {
					r.Appeals[b][j] = report.ParseCount([]string{"/", "—"}[n/2%2])
				}
			}
		}
	}
	return r
}

// wrongRow is the truth with one row that does not add up and one left blank.
// blankNormative leaves 表二's 行政规范性文件 row unread, as a page without
// line breaks reads it ("行政规范性文件1215": 1,2,15 / 1,21,5 / 12,1,5).
func blankNormative(r *report.Report) {
	for _, c := range []string{"issued", "repealed", "in_force"} {
		r.Proactive.Set("normative_documents."+c, report.Cell{})
	}
}

func wrongRow() *report.Report {
	r := truth()
	row := r.Applications["withheld.third_party"]
	row[report.ColTotal] = report.N(3) // 2 + 0 … = 2, published as 3
	r.Applications["withheld.third_party"] = row
	r.Applications["unavailable.unclear_after_correction"] = report.Row{}
	return r
}

// markdownText is what a PDF/Word-to-Markdown converter writes: headings
// with #, pipe tables whose merged cells are cells of their own, rows with
// a trailing empty cell or without their empty label cells, and 表三 cut by a
// page break into two tables with the header repeated.
// bareMarkdown is Markdown whose pipe tables leave out the outer pipes, as
// GitHub's table syntax allows ("一、本年新收… | 64 | 0 | … | 70").
func bareMarkdown(t testing.TB, r *report.Report) string {
	return perLine(markdownText(t, r), func(line string) string {
		if strings.HasPrefix(line, "|") {
			line = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(line, "|")), "|"))
		}
		return line
	})
}

// perLine rewrites a text line by line.
func perLine(text string, f func(line string) string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = f(l)
	}
	return strings.Join(lines, "\n")
}

// spacedOut is a page that spaces its headings and row labels out letter by
// letter ("三、收 到 和 处 理 …"), as pdftotext does with justified lines, with
// half-width brackets and full-width digits in the cells.
func spacedOut(t testing.TB, r *report.Report) string {
	spaced := func(s string) string { return strings.Join(strings.Split(s, ""), " ") }
	return perLine(textOf(t, r), func(line string) string {
		switch {
		case strings.Contains(line, "\t"):
			fs := strings.Split(line, "\t")
			for i, f := range fs {
				if !isCount(f) {
					fs[i] = spaced(strings.NewReplacer("（", "(", "）", ")").Replace(f))
				} else {
					fs[i] = strings.Map(func(r rune) rune {
						if r >= '0' && r <= '9' {
							return r - '0' + '０'
						}
						return r
					}, f)
				}
			}
			line = strings.Join(fs, "\t")
		case len(line) > 6 && strings.ContainsAny(line[:3], "一二三四五六") && strings.HasPrefix(line[3:], "、"):
			line = line[:6] + spaced(line[6:])
		}
		return line
	})
}

func isCount(s string) bool {
	s = strings.TrimPrefix(strings.TrimSpace(s), "-") // 本年增/减 of 2019
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' {
			return false
		}
	}
	return true
}

// cellPerLine is a table copied out of a PDF viewer (or pdftotext without
// -layout): every cell on a line of its own, a row's label first.
func cellPerLine(t testing.TB, r *report.Report) string {
	var b strings.Builder
	for _, line := range strings.Split(textOf(t, r), "\n") {
		if !strings.Contains(line, "\t") {
			b.WriteString(line + "\n")
			continue
		}
		for _, f := range strings.Split(line, "\t") {
			if f = strings.TrimSpace(f); f != "" {
				b.WriteString(f + "\n")
			}
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// cellPerLineWrapped is cellPerLine from a narrow page: long row labels and
// section headings wrap onto a second line.
func cellPerLineWrapped(t testing.TB, r *report.Report) string {
	lines := strings.Split(cellPerLine(t, r), "\n")
	var b strings.Builder
	for i, line := range lines {
		rs := []rune(line)
		heading := len(rs) > 2 && strings.ContainsRune("一二三四五六", rs[0]) && rs[1] == '、'
		label := i+1 < len(lines) && isCount(lines[i+1]) && !isCount(line)
		if len(rs) >= 12 && (heading || label) {
			line = string(rs[:len(rs)/2]) + "\n" + string(rs[len(rs)/2:])
		}
		b.WriteString(line + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// htmlTableMarkdown is the Markdown of a PDF converter that writes every
// table as HTML on one line (<table><tr><td rowspan="2">…), headings and
// paragraphs staying Markdown.
func htmlTableMarkdown(t testing.TB, r *report.Report) string {
	var b strings.Builder
	inTable, n := false, 0
	for _, line := range strings.Split(markdownText(t, r), "\n") {
		if !strings.HasPrefix(line, "|") {
			if inTable {
				b.WriteString("</table>\n")
				inTable = false
			}
			b.WriteString(line + "\n")
			continue
		}
		if strings.Trim(line, "|-: ") == "" {
			continue // the |---| line
		}
		if !inTable {
			b.WriteString("<table>")
			inTable = true
		}
		b.WriteString("<tr>")
		cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		for _, c := range cells {
			n++
			attr := ""
			if n%5 == 0 {
				attr = ` rowspan="2" style="text-align:center"`
			}
			b.WriteString("<td" + attr + ">" + strings.TrimSpace(c) + "</td>")
		}
		b.WriteString("</tr>")
	}
	if inTable {
		b.WriteString("</table>\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// brMarkdown is the Markdown of a converter that keeps a cell's or a
// paragraph's line breaks as HTML: "| 三、本年度<br>办理结果 |", a wrapped
// sentence "收到政府<br/>信息公开申请", and &nbsp; for a blank.
func brMarkdown(t testing.TB, r *report.Report) string {
	breaks := []string{"<br>", "<br/>", "<BR />"}
	n := 0
	cut := func(s string) string { // a break in the middle of a long run of words
		rs := []rune(s)
		if len(rs) < 8 {
			return s
		}
		n++
		return string(rs[:len(rs)/2]) + breaks[n%len(breaks)] + string(rs[len(rs)/2:])
	}
	return perLine(markdownText(t, r), func(line string) string {
		switch {
		case strings.HasPrefix(line, "|"):
			cells := strings.Split(line, "|")
			for i, c := range cells {
				switch {
				case strings.TrimSpace(c) == "" && i > 0 && i < len(cells)-1 && n%2 == 0:
					cells[i] = " &nbsp; "
				default:
					cells[i] = cut(c)
				}
			}
			line = strings.Join(cells, "|")
		case strings.Contains(line, "申请") && !strings.HasPrefix(line, "#"):
			line = cut(line)
		}
		return line
	})
}

func markdownText(t testing.TB, r *report.Report) string {
	var b strings.Builder
	lines := strings.Split(textOf(t, r), "\n")
	inTable, rowNo := false, 0
	var header []string
	for i, line := range lines {
		labels, nums, ok := tabRow(line)
		if !ok {
			if inTable {
				b.WriteString("\n")
				inTable = false
			}
			switch {
			case i == 0:
				b.WriteString("# " + line + "\n")
			case strings.HasPrefix(line, "一、") || strings.HasPrefix(line, "二、") || strings.HasPrefix(line, "三、") ||
				strings.HasPrefix(line, "四、") || strings.HasPrefix(line, "五、") || strings.HasPrefix(line, "六、"):
				b.WriteString("## " + line + "\n")
			default:
				b.WriteString(line + "\n")
			}
			continue
		}
		cells := append(append([]string{}, labels...), nums...)
		pipe := func(cs []string) string { return "| " + strings.Join(cs, " | ") + " |\n" }
		if !inTable {
			inTable, header = true, nil
		}
		if len(nums) == 0 {
			header = append(header, pipe(cells))
			b.WriteString(pipe(cells))
			if len(header) == 1 {
				b.WriteString("|" + strings.Repeat(" --- |", len(cells)) + "\n")
			}
			continue
		}
		rowNo++
		switch rowNo % 4 {
		case 1: // the converter kept a trailing empty cell
			b.WriteString(strings.TrimSuffix(pipe(cells), "\n") + "  |\n")
		case 2: // the empty label cells dropped: one or two cells short
			var kept []string
			for _, l := range labels {
				if l != "" {
					kept = append(kept, l)
				}
			}
			b.WriteString(pipe(append(kept, nums...)))
		default:
			b.WriteString(pipe(cells))
		}
		if strings.HasPrefix(strings.TrimSpace(strings.Join(labels, "")), "2.没有现成信息") {
			// a page break: the table ends and starts again under its header
			b.WriteString("\n<!-- 第 2 页 -->\n\n")
			for k, h := range header {
				b.WriteString(h)
				if k == 0 {
					b.WriteString("|" + strings.Repeat(" --- |", strings.Count(h, "|")-1) + "\n")
				}
			}
		}
	}
	return b.String()
}

// ocrText is OCR'd Markdown: each row of 表二/表三 became a heading above a
// generic two-line table, and 表四 a table of one row per block.
func ocrText(t testing.TB, r *report.Report) string {
	var b strings.Builder
	group := ""
	section := ""
	for _, line := range strings.Split(textOf(t, r), "\n") {
		labels, nums, ok := tabRow(line)
		if !ok {
			if strings.HasPrefix(line, "四、政府信息公开行政复议") {
				section = "4"
			}
			if strings.HasPrefix(line, "五、") {
				section = ""
			}
			if line != "" {
				b.WriteString("## " + line + "\n")
			}
			continue
		}
		if len(nums) == 0 {
			continue // the header rows: OCR left them out
		}
		if section == "4" {
			// the data row has no label: every field is a cell, blank ones
			// at either end too
			nums = strings.Split(line, "\t")
			for len(nums) < 15 {
				nums = append(nums, "")
			}
			b.WriteString("| 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n| --- | --- | --- | --- | --- | --- |\n")
			for i, blk := range report.T4Blocks {
				b.WriteString("| " + blk.Label + " | " + strings.Join(nums[i*5:i*5+5], " | ") + " |\n")
			}
			continue
		}
		var named []string
		for _, l := range labels {
			if l != "" {
				named = append(named, l)
			}
		}
		for len(named) > 1 {
			if named[0] != group {
				group = named[0]
				b.WriteString("### " + group + "\n")
			}
			named = named[1:]
		}
		b.WriteString("### " + named[0] + "\n\n| 类别 |")
		for i := range nums[:len(nums)-1] {
			b.WriteString(" 数据" + string(rune('1'+i)) + " |")
		}
		b.WriteString(" 总计 |\n|" + strings.Repeat(" --- |", len(nums)+1) + "\n| 数值 | " + strings.Join(nums, " | ") + " |\n\n")
	}
	return b.String()
}

// damagedText is pdftotext -layout output of a damaged PDF: labels that
// lost glyphs, a long label wrapped with its numbers on the second line, the
// merged column 三、本年度办理结果 printed between rows with spaces inside,
// page numbers between rows, and the narrative broken mid-sentence.
func damagedText(t testing.TB, r *report.Report) string {
	r = brokenNarrative(r, "70")
	s := layoutText(t, r)
	s = strings.Replace(s, "2.其他法律行政法规禁止", "2.其他法律行政止", 1)
	s = strings.Replace(s, "5.属于三类内部事务信息", "5.属三类内部事务信息", 1)
	// a wrapped label with its numbers on the second line
	if i := strings.Index(s, "  5.要求行政机关确认或重新出具已获取"); i >= 0 {
		end := i + strings.Index(s[i:], "\n")
		first := s[i:end]
		label := strings.TrimRight(first[:strings.IndexAny(first[2:], " ")+2], " ")
		nums := strings.TrimLeft(first[len(label):], " ")
		rest := s[end+1:]
		k := strings.Index(rest, "\n")
		s = s[:i] + label + "\n" + rest[:k] + strings.Repeat(" ", 40) + nums + rest[k:]
	}
	s = strings.Replace(s, "  （二）部分公开（区分处理的，只计这一", "            三 、本 年 度办 理 结果\n  （二）部分公开（区分处理的，只计这一", 1)
	s = strings.Replace(s, "  （四）无法提供 1.本机关不", "\n                                   -3-\n\n  （四）无法提供 1.本机关不", 1)
	return s
}

// brokenNarrative breaks the sentence with the year's count across two
// lines, the count written as n.
func brokenNarrative(r *report.Report, n string) *report.Report {
	c := *r
	c.Sections = map[string]string{}
	for k, v := range r.Sections {
		c.Sections[k] = v
	}
	c.Sections["1"] = strings.Replace(c.Sections["1"], "共收到政府信息公开申请70件", "共收到政府\n信息公开申请 "+n+" 件", 1)
	return &c
}

// wrappedWrong is damagedText whose narrative, broken across a line, says
// 17 where 表三 says 70: N.TABLE must still see it.
func wrappedWrong(t testing.TB, r *report.Report) string {
	r = brokenNarrative(r, "17")
	s := layoutText(t, r)
	s = strings.Replace(s, "2.其他法律行政法规禁止", "2.其他法律行政止", 1)
	return s
}

// wrongFormat is a 2022 report that still uses the 2019 trial tables.
func wrongFormat() *report.Report {
	r := report.Generate(rand.New(rand.NewPCG(2022, 9)), "示例县交通运输局", 2020)
	r.Year = 2022
	for _, k := range []string{"1", "6"} {
		r.Sections[k] = strings.ReplaceAll(r.Sections[k], "2020", "2022")
	}
	return r
}

// oneline2019 is the 2019 trial format flattened, with its 政府集中采购 amount
// glued to the count: the border cannot be known (PARSE.AMBIGUOUS).
func oneline2019() *report.Report {
	r := truth2019()
	r.Proactive.Set("procurement.items", report.Cell{})
	r.Proactive.SetAmount("procurement.amount", report.Amount{})
	return r
}

// truthWithTypes is the truth whose narrative also counts documents by
// disclosure type ("依申请公开130条"), which is not a count of applications.
func truthWithTypes() *report.Report {
	r := truth()
	r.Sections["1"] = strings.Replace(r.Sections["1"], "2024年，本局在门户网站发布信息326条。", "2024年，本局在门户网站发布信息326条，其中主动公开196条，依申请公开130条。", 1)
	return r
}

// contents is the contents list some reports print before the text (a PDF's
// 目录 page): the six headings, two sub-headings, dot leaders, page numbers
// and the page's footer.
const contents = `目  录
一、总体情况……………………………………………1
（一）主动公开情况……………………………………1
（二）依申请公开办理情况……………………………2
二、主动公开政府信息情况…………………………2
三、收到和处理政府信息公开申请情况……………3
四、政府信息公开行政复议、行政诉讼情况………4
五、存在的主要问题及改进情况……………………5
六、其他需要报告的事项……………………………5
- 1 -
`

// withContents puts the contents list after the title (the first line).
func withContents(s string, join string) string {
	title, rest, _ := strings.Cut(s, "\n")
	return title + join + strings.ReplaceAll(contents, "\n", join) + rest
}

// renumbered is a report whose six sections are numbered another way:
// （一）总体情况 with 1. 2. … under it, or 第一部分 总体情况.
func renumbered(s string, parts bool) string {
	for _, sec := range report.Sections {
		num, title, _ := strings.Cut(sec.Heading, "、")
		h := "（" + num + "）" + title
		if parts {
			h = "第" + num + "部分 " + title
		}
		s = strings.Replace(s, sec.Heading, h, 1)
	}
	if !parts {
		for i, sub := range report.Subsections1 {
			_, title, _ := strings.Cut(sub, "）")
			s = strings.Replace(s, sub, fmt.Sprintf("%d.%s", i+1, title), 1)
		}
	}
	return s
}

// vertical4 is the text report with 表四 turned down the page, a line to a
// cell (a narrow page's layout): the block's name on its first line.
func vertical4(t testing.TB, r *report.Report) string {
	s := textOf(t, r)
	i := strings.Index(s, "四、政府信息公开行政复议、行政诉讼情况")
	j := strings.Index(s, "五、存在的主要问题及改进情况")
	var b strings.Builder
	b.WriteString("四、政府信息公开行政复议、行政诉讼情况\n\n")
	for k, blk := range report.T4Blocks {
		for c, label := range report.T4ColumnLabels {
			name := ""
			if c == 0 {
				name = strings.TrimPrefix(blk.Parent+" "+blk.Label, " ")
			}
			fmt.Fprintf(&b, "%s\t%s\t%s\n", name, label, r.Appeals[k][c].String())
		}
	}
	b.WriteString("\n")
	return s[:i] + b.String() + s[j:]
}

// The new dialects as layouts of any report, for the fixtures and for
// readingAccuracy.
func contentsLayout(t testing.TB, r *report.Report) string {
	return withContents(layoutText(t, r), "\n")
}
func numberedText(t testing.TB, r *report.Report) string { return renumbered(textOf(t, r), false) }
func partsText(t testing.TB, r *report.Report) string    { return renumbered(textOf(t, r), true) }

// arabicText is the tab text with the six section headings numbered in
// Arabic digits, "1.总体情况" … "6、其他需要报告的事项", as some agencies number them.
func arabicText(t testing.TB, r *report.Report) string {
	ls := strings.Split(textOf(t, r), "\n")
	for i, l := range ls {
		for k, sec := range report.Sections {
			if l == sec.Heading {
				sep := "."
				if k%2 == 1 {
					sep = "、"
				}
				ls[i] = strconv.Itoa(k+1) + sep + strings.TrimPrefix(sec.Heading, sec.Heading[:len("一、")])
			}
		}
	}
	return strings.Join(ls, "\n")
}

// romanText is the tab text with the six section headings numbered in
// Roman numerals, the numeral signs (Ⅰ、总体情况) and, for some, Latin
// letters (II.主动公开政府信息情况); romanOneline the page without line
// breaks so.
func romanText(t testing.TB, r *report.Report) string    { return romanHeadings(textOf(t, r)) }
func romanOneline(t testing.TB, r *report.Report) string { return romanHeadings(onelineCycling(t, r)) }

func romanHeadings(s string) string {
	for k, sec := range report.Sections {
		num := string(rune('Ⅰ'+k)) + "、"
		if k%2 == 1 {
			num = []string{"I", "II", "III", "IV", "V", "VI"}[k] + "."
		}
		s = strings.Replace(s, sec.Heading, num+strings.TrimPrefix(sec.Heading, sec.Heading[:len("一、")]), 1)
	}
	return s
}

func numberedOneline(t testing.TB, r *report.Report) string {
	return renumbered(onelineCycling(t, r), false)
}
func contentsOneline(t testing.TB, r *report.Report) string {
	flat := onelineCycling(t, r)
	i := strings.Index(flat, "工作年度报告") + len("工作年度报告")
	return flat[:i] + strings.ReplaceAll(contents, "\n", "") + flat[i:]
}

// csvText is the text report as a spreadsheet saves it as CSV: each line a
// record, a table's cells its fields, every record as wide as the widest
// (Excel's and LibreOffice's way), quoted where a field needs it.
func csvText(t testing.TB, r *report.Report) string {
	var rows [][]string
	width := 0
	for _, l := range strings.Split(textOf(t, r), "\n") {
		f := strings.Split(l, "\t")
		rows = append(rows, f)
		width = max(width, len(f))
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	for _, f := range rows {
		for len(f) < width {
			f = append(f, "")
		}
		if err := w.Write(f); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	return b.String()
}

// strippedTab is the tab text with every line's trailing white space cut,
// as text cleaning scripts do (a row's empty last cells go with it).
func strippedTab(t testing.TB, r *report.Report) string {
	ls := strings.Split(textOf(t, r), "\n")
	for i, l := range ls {
		ls[i] = strings.TrimRight(l, " \t")
	}
	return strings.Join(ls, "\n")
}

func init() {
	fixtures = append(fixtures,
		fixture{file: "csv-2021.csv", make: func(t testing.TB) []byte { return []byte(csvText(t, truth())) }, want: truth},
		fixture{file: "vertical-2021.txt", make: func(t testing.TB) []byte { return []byte(vertical4(t, truth())) }, want: truth,
			findings: []string{"PARSE.READ"}},
		fixture{file: "numbered-2021.txt", make: func(t testing.TB) []byte { return []byte(numberedText(t, truth())) }, want: func() *report.Report {
			r := truth()
			r.Sections["1"] = renumbered(r.Sections["1"], false)
			return r
		}},
		fixture{file: "numbered-oneline-2021.txt", make: func(t testing.TB) []byte { return []byte(numberedOneline(t, truth())) }, want: func() *report.Report {
			r := truth()
			r.Sections["1"] = renumbered(r.Sections["1"], false)
			blankNormative(r) // as oneline-2021.txt
			return r
		}, findings: []string{"PARSE.AMBIGUOUS"}},
		fixture{file: "parts-2021.txt", make: func(t testing.TB) []byte { return []byte(partsText(t, truth())) }, want: truth},
		fixture{file: "arabic-2021.txt", make: func(t testing.TB) []byte { return []byte(arabicText(t, truth())) }, want: truth},
		fixture{file: "roman-2021.txt", make: func(t testing.TB) []byte { return []byte(romanText(t, truth())) }, want: truth},
		fixture{file: "roman-oneline-2021.txt", make: func(t testing.TB) []byte { return []byte(romanOneline(t, truth())) }, want: func() *report.Report {
			r := truth()
			blankNormative(r) // as oneline-2021.txt
			return r
		}, findings: []string{"PARSE.AMBIGUOUS"}},
		fixture{file: "contents-2021.txt", make: func(t testing.TB) []byte { return []byte(contentsLayout(t, truth())) }, want: truth},
		fixture{file: "contents-oneline-2021.txt", make: func(t testing.TB) []byte { return []byte(contentsOneline(t, truth())) }, want: func() *report.Report {
			r := truth()
			blankNormative(r) // as oneline-2021.txt
			return r
		}, findings: []string{"PARSE.AMBIGUOUS"}},
		fixture{file: "oneline-2021.txt", make: func(t testing.TB) []byte { return []byte(onelineCycling(t, truth())) }, want: func() *report.Report {
			r := truth()
			blankNormative(r) // 1215: three ways, no sums
			return r
		}, findings: []string{"PARSE.AMBIGUOUS"}},
		fixture{file: "oneline-errors-2021.txt", make: func(t testing.TB) []byte { return []byte(onelineCycling(t, wrongRow())) }, want: func() *report.Report {
			r := wrongRow()
			blankNormative(r)
			return r
		}, findings: []string{"T3.ROWSUM", "T3.OUTCOMES", "CELL.BLANK", "PARSE.READ"}, errorsExpected: true},
		fixture{file: "oneline-placeholders-2021.txt", make: func(t testing.TB) []byte { return []byte(onelineCycling(t, withPlaceholders(truth()))) },
			want: func() *report.Report {
				r := withPlaceholders(truth())
				blankNormative(r) // as oneline-2021.txt
				return r
			}, findings: []string{"CELL.INVALID", "PARSE.AMBIGUOUS"}, errorsExpected: true},
		fixture{file: "oneline-placeholders-spaced-2021.txt", make: func(t testing.TB) []byte {
			return []byte(onelineText(t, withPlaceholders(truth()), func(label string, nums []string) string {
				if len(nums) < 7 {
					return label + strings.Join(nums, "")
				}
				return label + strings.Join(nums[:2], "") + " " + strings.Join(nums[2:], " ") // "31 / / / / 4"
			}))
		}, want: func() *report.Report {
			r := withPlaceholders(truth())
			blankNormative(r) // as oneline-2021.txt
			return r
		}, findings: []string{"CELL.INVALID", "PARSE.AMBIGUOUS", "PARSE.READ"}, errorsExpected: true}, // 110 — 1…: 11 0 or 1 10, by the columns
		fixture{file: "oneline-2019.txt", make: func(t testing.TB) []byte {
			rowCounter.n = 0
			return []byte(onelineText(t, truth2019(), func(label string, nums []string) string {
				if label == "政府集中采购" {
					return label + strings.Join(nums, "") // 441.81: 4 items and 41.81, or 44 and 1.81 …
				}
				if len(nums) < 7 {
					return label + spaced(nums) // 表二 has no sums: a page that kept its single spaces
				}
				return cycling(label, nums)
			}))
		}, want: oneline2019, findings: []string{"PARSE.AMBIGUOUS"}},
		fixture{file: "markdown-2021.md", make: func(t testing.TB) []byte { return []byte(markdownText(t, truthWithTypes())) }, want: truthWithTypes},
		fixture{file: "ocr-2021.md", make: func(t testing.TB) []byte { return []byte(ocrText(t, truth())) }, want: truth},
		fixture{file: "markdown-br-2021.md", make: func(t testing.TB) []byte { return []byte(brMarkdown(t, truth())) }, want: truth},
		fixture{file: "markdown-bare-2021.md", make: func(t testing.TB) []byte { return []byte(bareMarkdown(t, truth())) }, want: truth},
		fixture{file: "spaced-2021.txt", make: func(t testing.TB) []byte { return []byte(spacedOut(t, truthWithTypes())) }, want: truthWithTypes},
		fixture{file: "percell-wrapped-2021.txt", make: func(t testing.TB) []byte { return []byte(cellPerLineWrapped(t, truth())) }, want: truth},
		fixture{file: "percell-2021.txt", make: func(t testing.TB) []byte { return []byte(cellPerLine(t, truthWithTypes())) }, want: truthWithTypes},
		fixture{file: "markdown-html-2021.md", make: func(t testing.TB) []byte { return []byte(htmlTableMarkdown(t, truthWithTypes())) }, want: truthWithTypes},
		fixture{file: "damaged-2021.txt", make: func(t testing.TB) []byte { return []byte(damagedText(t, truth())) }, want: truth,
			findings: []string{"PARSE.READ"}},
		fixture{file: "wrapped-narrative-2021.txt", make: func(t testing.TB) []byte { return []byte(wrappedWrong(t, truth())) },
			want: func() *report.Report { return brokenNarrative(truth(), "17") }, findings: []string{"N.TABLE"}},
		fixture{file: "wrong-format-2022.txt", make: func(t testing.TB) []byte { return []byte(textOf(t, wrongFormat())) }, want: wrongFormat,
			findings: []string{"S.FORMAT"}},
	)
}

// A blank cell copied one cell to a line leaves no line: its row has a
// number too few, and is never shifted onto the wrong columns. Where the
// rest of the table calls for a row whose zero left out gives its numbers,
// the blank is placed so and said; where it does not (the table has another
// error, so what it calls for is not this row), the row is unread. The rows
// around it are read whole.
func TestCellPerLineBlankIsNotShifted(t *testing.T) {
	for _, otherError := range []bool{false, true} {
		r := truth()
		row := r.Applications["granted"]
		row[report.ColResearch] = report.Cell{}
		r.Applications["granted"] = row
		want := row
		rule := "PARSE.READ"
		if otherError {
			total := r.Applications["total"]
			total[report.ColResearch] = report.N(1) // 0 + … published as 1
			r.Applications["total"] = total
			want, rule = report.Row{}, "PARSE.TABLE"
		}
		got := audit(t, "percell.txt", []byte(cellPerLine(t, r)))
		if got.Applications["granted"] != want {
			t.Errorf("another error %v: 予以公开 read as %v, want %v", otherError, got.Applications["granted"], want)
		}
		found := false
		for _, f := range got.Findings {
			found = found || f.Rule == rule && strings.Contains(f.Cell, "granted")
		}
		if !found {
			t.Errorf("another error %v: no %s for the row: %v", otherError, rule, got.Findings)
		}
		for _, key := range []string{"new", "partly_granted"} {
			if got.Applications[key] != r.Applications[key] {
				t.Errorf("%s: %v, want %v", key, got.Applications[key], r.Applications[key])
			}
		}
	}
}

// A row that already holds its numbers takes no bare page number from the
// next line as a cell.
func TestPageNumberIsNoCell(t *testing.T) {
	text := "一、总体情况\n正文。\n二、主动公开政府信息情况\n第二十条第（六）项\n信息内容 本年处理决定数量\n行政处罚    48\n行政强制    3\n5\n第二十条第（八）项\n"
	r := audit(t, "page.txt", []byte(text))
	if got := r.Proactive.Cell("coercion.decisions"); got.String() != "3" {
		t.Errorf("行政强制 read as %q, want 3", got.String())
	}
}

// gluedPage is a page without line breaks whose 表三 rows are written spaced,
// but for the row labelled with prefix, written by d.
func gluedPage(t *testing.T, r *report.Report, prefix string, d dialect) string {
	return onelineText(t, r, func(label string, nums []string) string {
		if len(nums) != report.NumCols {
			return label + strings.Join(nums, "")
		}
		if strings.HasPrefix(label, prefix) {
			return label + d(nums)
		}
		return label + spaced(nums)
	})
}

// A glued row that does not add up, with a cell of two digits, has more
// digits than cells and no cut that adds up: the one cut that differs from
// what the rest of the table calls for in a single cell is the row as
// printed, read and reported as the error it is (not left unread).
func TestGluedRowErrorSettledByColumns(t *testing.T) {
	for _, c := range []struct {
		name string
		col  int
		val  int64
		d    dialect
	}{
		{"a person's cell", report.ColNatural, 65, beforeTotal}, // 6500204 70
		{"the total", report.ColTotal, 71, glued},               // 640020471
		{"the total, spaced", report.ColTotal, 71, lastTwo},     // 64 0 0 2 0 471
	} {
		t.Run(c.name, func(t *testing.T) {
			r := truth()
			row := r.Applications["new"]
			row[c.col] = report.N(c.val)
			r.Applications["new"] = row
			got := audit(t, "page.txt", []byte(gluedPage(t, r, "一、本年新收", c.d)))
			if got.Applications["new"] != row {
				t.Fatalf("new read as %v, want %v", got.Applications["new"], row)
			}
			errs := rules(got.Findings, report.SevError)
			if !slices.Contains(errs, "T3.ROWSUM") || !slices.Contains(errs, "T3.BALANCE") {
				t.Errorf("errors %v, want T3.ROWSUM and T3.BALANCE", errs)
			}
			said := false
			for _, f := range got.Findings {
				said = said || f.Rule == "PARSE.READ" && f.Cell == "applications.new" && strings.Contains(f.Message, "只差一栏")
			}
			if !said {
				t.Errorf("the reading is not said: %v", got.Findings)
			}
		})
	}
}

// When the rest of the table does not add up either, what it calls for is
// not the row: a glued row no cut of which adds up stays unread.
func TestGluedRowErrorWithAnotherStaysUnread(t *testing.T) {
	r := truth()
	row := r.Applications["new"]
	row[report.ColNatural] = report.N(65)
	r.Applications["new"] = row
	fwd := r.Applications["carried_forward"]
	fwd[report.ColTotal] = report.N(7) // a second error, in the same identity
	r.Applications["carried_forward"] = fwd
	got := audit(t, "page.txt", []byte(gluedPage(t, r, "一、本年新收", beforeTotal)))
	for c, cl := range got.Applications["new"] {
		if !cl.Blank() {
			t.Errorf("column %d read as %s", c, cl)
		}
	}
	if !slices.Contains(rules(got.Findings, report.SevWarning), "PARSE.AMBIGUOUS") {
		t.Errorf("unread without a word: %v", got.Findings)
	}
}

// A clean row with blank cells, glued on a page without line breaks, has
// digits no cut into seven makes add up (or one cut that does not): they are
// the row the table calls for with zeros left out, read with its blanks
// (where a blank could be either of two zeros, unread), and no arithmetic
// error is claimed.
func TestGluedRowWithBlanksIsNoError(t *testing.T) {
	for _, c := range []struct {
		name   string
		blanks []int
		d      dialect
		unread []int
	}{
		// 64 _ _ 2 0 4 70 → 6420470: seven digits, one cut, which does not add up
		{"seven digits", []int{report.ColBusiness, report.ColResearch}, glued, nil},
		// 64 0 _ 2 0 4 70 → 640204 70: which of the two zeros is blank is not known
		{"eight digits", []int{report.ColResearch}, beforeTotal, []int{report.ColBusiness, report.ColResearch}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := truth()
			row := r.Applications["new"]
			for _, b := range c.blanks {
				row[b] = report.Cell{}
			}
			r.Applications["new"] = row
			got := audit(t, "page.txt", []byte(gluedPage(t, r, "一、本年新收", c.d)))
			if errs := rules(got.Findings, report.SevError); len(errs) > 0 {
				t.Errorf("errors %v on a clean row with blanks", errs)
			}
			for col, cl := range got.Applications["new"] {
				want := row[col]
				if slices.Contains(c.unread, col) {
					want = report.Cell{}
				}
				if cl != want {
					t.Errorf("column %d read as %v, want %v", col, cl, want)
				}
			}
			if !slices.Contains(rules(got.Findings, report.SevInfo), "PARSE.READ") {
				t.Errorf("the reading is not said: %v", got.Findings)
			}
		})
	}
}

// Every row of 表三, glued in each dialect of a page without line breaks,
// with one cell misprinted (the report's error) or with zeros left blank
// (no error): the row is read as printed or left unread, never read as
// something else; a misprinted row read is reported as an error, and a row
// with blanks never is.
func TestGluedRowsErrorsAndBlanks(t *testing.T) {
	dialects := map[string]dialect{"glued": glued, "beforeTotal": beforeTotal, "lastTwo": lastTwo, "irregular": irregular}
	var read, runs atomic.Int64 // (the formats' and dialects' subtests run in parallel)
	try := func(t *testing.T, what string, r *report.Report, key string, d dialect, isError bool) {
		t.Helper()
		prefix := ""
		for _, row := range r.Format.T3Rows() {
			if row.Key == key {
				prefix = row.Label
			}
		}
		got := audit(t, "page.txt", []byte(gluedPage(t, r, prefix, d)))
		runs.Add(1)
		printed, g := r.Applications[key], got.Applications[key]
		for c := range g {
			if g[c] != printed[c] && !g[c].Blank() { // a cell not known is unread
				t.Errorf("%s: %s read as %v, printed %v", what, key, g, printed)
				return
			}
		}
		errs := rules(got.Findings, report.SevError)
		if g == printed {
			read.Add(1)
		}
		switch {
		case isError && g == printed && !slices.Contains(errs, "T3.ROWSUM"):
			t.Errorf("%s: %s read as printed %v without T3.ROWSUM: %v", what, key, g, errs)
		case !isError && len(errs) > 0:
			t.Errorf("%s: errors %v on a clean row with blanks", what, errs)
		}
	}
	t.Run("formats", func(t *testing.T) {
		for _, truth := range []func() *report.Report{truth, truth2019} {
			for name, d := range dialects {
				t.Run(string(truth().Format)+" "+name, func(t *testing.T) {
					t.Parallel()
					gluedRowsOf(t, truth, name, d, try)
				})
			}
		}
	})
	t.Logf("%d of %d rows read as printed", read.Load(), runs.Load())
}

// gluedRowsOf tries every row of 表三 of truth's format in dialect d, with
// one cell misprinted and with one or two zeros left blank.
func gluedRowsOf(t *testing.T, truth func() *report.Report, name string, d dialect, try func(*testing.T, string, *report.Report, string, dialect, bool)) {
	for _, row := range truth().Format.T3Rows() {
		if strings.HasPrefix(row.Label, "（") || strings.HasPrefix(row.Label, "3.其他") {
			continue // the labels the page writer cannot tell apart by a prefix
		}
		for c := range report.NumCols {
			for _, delta := range []int64{1, 10} {
				r := truth()
				v := r.Applications[row.Key]
				v[c] = report.N(v[c].Val() + delta)
				r.Applications[row.Key] = v
				try(t, fmt.Sprintf("%s, %s column %d +%d", name, row.Key, c, delta), r, row.Key, d, true)
			}
			for c2 := c; c2 < report.NumCols; c2++ { // one blank, or two
				if r := truth(); r.Applications[row.Key][c].Val() == 0 && r.Applications[row.Key][c2].Val() == 0 {
					v := r.Applications[row.Key]
					v[c], v[c2] = report.Cell{}, report.Cell{}
					r.Applications[row.Key] = v
					try(t, fmt.Sprintf("%s, %s columns %d and %d blank", name, row.Key, c, c2), r, row.Key, d, false)
				}
			}
		}
	}
}

// A glued table with one misprint that breaks a column identity, not its
// row (a cell and the row's total both off by the same): no combination of
// the rows' cuts makes every column add up, and the one that breaks the
// fewest identities — the misprint's — is read, its errors reported; before,
// every row with more than one cut was left unread and the error lost.
func TestGluedTableWithAColumnError(t *testing.T) {
	for _, k := range []struct {
		key     string
		col     int
		delta   int64
		withRow bool // the row's total changed too, so the row adds up
	}{
		{"granted", report.ColNatural, 1, true},
		{"new", report.ColNatural, 1, true},
		{"total", report.ColOther, 1, true},
		{"carried_forward", report.ColNatural, 2, true},
		{"unavailable.not_held", report.ColNatural, 1, true},
		{"total", report.ColTotal, 1, false}, // (七)总计 does not add up: the other identities settle the rest
	} {
		for seed := range uint64(40) {
			r := report.Generate(rand.New(rand.NewPCG(seed, 3)), "示例市生态环境局", 2024)
			row := r.Applications[k.key]
			row[k.col] = report.N(row[k.col].Val() + k.delta)
			if k.withRow {
				row[report.ColTotal] = report.N(row[report.ColTotal].Val() + k.delta)
			}
			r.Applications[k.key] = row
			got := audit(t, "page.txt", []byte(onelineCycling(t, r)))
			for _, rr := range r.Format.T3Rows() {
				if got.Applications[rr.Key] != r.Applications[rr.Key] {
					t.Errorf("%s %d%+d, seed %d: %s read as %v, printed %v", k.key, k.col, k.delta, seed, rr.Key, got.Applications[rr.Key], r.Applications[rr.Key])
				}
			}
			if len(rules(got.Findings, report.SevError)) == 0 {
				t.Errorf("%s %d%+d, seed %d: no error reported", k.key, k.col, k.delta, seed)
			}
		}
	}
}

// A misprinted row whose digits happen to have one cut that adds up
// ("0130020247.属于…": 0 1 3 0 0 20 24) is read as printed (0 13 0 0 2 0 24,
// the total misprinted) when that cut would break five columns and the
// printed one is a cell off what the table calls for.
func TestGluedMisprintThatAddsUpByChance(t *testing.T) {
	r := report.Generate(rand.New(rand.NewPCG(21, 5)), "示例市生态环境局", 2024)
	row := r.Applications["withheld.process_info"]
	if want := (report.Row{report.N(0), report.N(13), report.N(0), report.N(0), report.N(2), report.N(0), report.N(15)}); row != want {
		t.Fatalf("the generated row is %v, not %v", row, want)
	}
	row[report.ColTotal] = report.N(24)
	r.Applications["withheld.process_info"] = row
	page := gluedPage(t, r, "6.属于四类过程性信息", glued)
	if !strings.Contains(page, "0130020247.") {
		t.Fatal("the row is not glued to the next row's number")
	}
	got := audit(t, "page.txt", []byte(page))
	if got.Applications["withheld.process_info"] != row {
		t.Errorf("read as %v, printed %v", got.Applications["withheld.process_info"], row)
	}
	errs := rules(got.Findings, report.SevError)
	if !slices.Contains(errs, "T3.ROWSUM") || slices.Contains(errs, "T3.BALANCE") {
		t.Errorf("errors %v, want the row's T3.ROWSUM (and its T3.OUTCOMES), no T3.BALANCE", errs)
	}
}

// On a page without line breaks, a row of counts a space apart with blanks
// among them ("11 1 0 1 13" for 11 _ _ 1 0 1 13) is not cut into seven
// digits that do not add up (1 1 1 0 1 1 3, a false error): its blanks are
// placed by what the table calls for, or the row is unread when the table
// cannot tell (another row unread).
func TestSpacedRowWithBlanksOnAPage(t *testing.T) {
	for _, otherBlank := range []bool{false, true} {
		r := truth()
		row := r.Applications["unavailable.not_held"]
		row[report.ColBusiness], row[report.ColResearch] = report.Cell{}, report.Cell{}
		r.Applications["unavailable.not_held"] = row
		if otherBlank {
			v := r.Applications["withheld.state_secret"]
			v[report.ColNatural] = report.Cell{}
			r.Applications["withheld.state_secret"] = v
		}
		got := audit(t, "page.txt", []byte(gluedPage(t, r, "1.本机关不掌握", spaced)))
		if errs := rules(got.Findings, report.SevError); len(errs) > 0 {
			t.Errorf("other blank %v: errors %v on a clean table", otherBlank, errs)
		}
		want := row
		if otherBlank {
			want = report.Row{}
		}
		if got.Applications["unavailable.not_held"] != want {
			t.Errorf("other blank %v: read as %v, want %v", otherBlank, got.Applications["unavailable.not_held"], want)
		}
	}
}

// appealsOf builds 表四 from its fifteen cells, -1 for a blank.
func appealsOf(cells ...int64) report.Appeals {
	var a report.Appeals
	for i, x := range cells {
		if x >= 0 {
			a[i/5][i%5] = report.N(x)
		}
	}
	return a
}

// 表四 glued on a page whose counts have two digits splits more than one
// way with every group adding up: the cells every cut agrees on are read,
// the others are unread and said — never the whole table left unread, never
// a cell read wrong. Over generated tables of realistic counts, most cells
// are read (before, half).
func TestGluedT4ReadsWhatEveryCutAgrees(t *testing.T) {
	r := truth()
	r.Appeals = appealsOf(3, 12, 1, 0, 16, 12, 1, 0, 0, 13, 0, 0, 0, 0, 0)
	got := audit(t, "page.txt", []byte(onelineCycling(t, r)))
	read := 0
	for b := range got.Appeals {
		for c, cl := range got.Appeals[b] {
			if !cl.Blank() {
				read++
				if cl != r.Appeals[b][c] {
					t.Errorf("表四 %d,%d read as %v, printed %v", b, c, cl, r.Appeals[b][c])
				}
			}
		}
	}
	if read == 0 || read == 15 || !slices.Contains(rules(got.Findings, report.SevWarning), "PARSE.AMBIGUOUS") {
		t.Errorf("%d cells read, findings %v: want some read and the rest said", read, got.Findings)
	}
	total, readAll := 0, 0
	for seed := range uint64(150) {
		rng := rand.New(rand.NewPCG(seed, 77))
		r := truth()
		for b := range 3 {
			var sum int64
			for c := range 4 {
				v := int64(rng.IntN(4))
				if rng.IntN(8) == 0 {
					v = int64(10 + rng.IntN(11))
				}
				r.Appeals[b][c] = report.N(v)
				sum += v
			}
			r.Appeals[b][4] = report.N(sum)
		}
		got := audit(t, "page.txt", []byte(onelineCycling(t, r)))
		if errs := rules(got.Findings, report.SevError); len(errs) > 0 {
			t.Errorf("seed %d: errors %v on a clean 表四 %v", seed, errs, r.Appeals)
		}
		for b := range got.Appeals {
			for c, cl := range got.Appeals[b] {
				total++
				if cl.Blank() {
					continue
				}
				readAll++
				if cl != r.Appeals[b][c] {
					t.Errorf("seed %d: 表四 %d,%d read as %v, printed %v", seed, b, c, cl, r.Appeals[b][c])
				}
			}
		}
	}
	if readAll*10 < total*8 {
		t.Errorf("%d of %d cells read, want 80 %% at least", readAll, total)
	}
}

// A glued 表四 that no cut makes add up in every group, but many in all but
// one, is the report's error in that group: the other groups are read, and
// the error reported although that group's cells cannot be told.
func TestGluedT4Misprint(t *testing.T) {
	r := truth()
	r.Appeals = appealsOf(2, 12, 0, 1, 16, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0) // 2 + 12 + 0 + 1 = 15, printed 16
	got := audit(t, "page.txt", []byte(onelineCycling(t, r)))
	if got.Appeals[1] != r.Appeals[1] || got.Appeals[2] != r.Appeals[2] {
		t.Errorf("the groups that add up read as %v, printed %v", got.Appeals[1:], r.Appeals[1:])
	}
	found := false
	for _, f := range got.Findings {
		found = found || f.Rule == "T4.SUM" && f.Severity == report.SevError && strings.Contains(f.Cell, "review")
	}
	if !found {
		t.Errorf("no T4.SUM for 行政复议: %v", got.Findings)
	}
}

// A glued 表四 of more digits than cells in a report that leaves no other
// cell blank, read without blanks with one group failing, read with blanks
// with every group adding up: either may be the table ("0102030100100000"
// is 0 10 2 0 3 misprinted, "2460002460024602460000" a 0 left blank), and
// the digits cannot tell. 表四 is unread and both readings said
// (PARSE.AMBIGUOUS), neither a cell nor an error claimed — a false T4.SUM
// on a clean report, and the clean report's cells read wrong, were what
// reading it without blanks gave.
func TestGluedT4MisprintOrBlanks(t *testing.T) {
	for _, c := range []struct {
		appeals report.Appeals
		glued   string
	}{
		{appealsOf(0, 10, 2, 0, 3, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0), "0102030100100000"},
		{appealsOf(246, 0, 0, 0, 246, 0, 0, 246, 0, 246, 0, -1, 0, 0, 0), "2460002460024602460000"},
	} {
		r := truth()
		r.Appeals = c.appeals
		page := onelineCycling(t, r)
		if !strings.Contains(page, c.glued) {
			t.Fatalf("表四 is not glued as %s", c.glued)
		}
		got := audit(t, "page.txt", []byte(page))
		t4AsPrinted(t, c.glued+": ", got.Appeals, r.Appeals)
		if slices.Contains(rules(got.Findings, report.SevError), "T4.SUM") {
			t.Errorf("%s: T4.SUM claimed: %v", c.glued, got.Findings)
		}
		if !slices.ContainsFunc(got.Findings, func(f report.Finding) bool {
			return f.Rule == "PARSE.AMBIGUOUS" && f.Cell == "appeals" && strings.Contains(f.Message, "留出空白")
		}) {
			t.Errorf("%s: both readings not said: %v", c.glued, got.Findings)
		}
	}
}

// A glued 表四 with two groups misprinted (0 0 0 10 2 | 10 0 0 1 0 | 0 8 0 0
// 0) adds up under no cut, and which group fails differs from cut to cut:
// 表四 is unread, and its T4.SUM said of the table as a whole. Before, it was
// unread and nothing said the report was wrong.
func TestGluedT4TwoMisprints(t *testing.T) {
	r := truth()
	r.Appeals = appealsOf(0, 0, 0, 10, 2, 10, 0, 0, 1, 0, 0, 8, 0, 0, 0)
	page := onelineCycling(t, r)
	if !strings.Contains(page, "00010210001008000") {
		t.Fatal("表四 is not glued as the test means")
	}
	got := audit(t, "page.txt", []byte(page))
	t4AsPrinted(t, "", got.Appeals, r.Appeals)
	if !slices.Contains(rules(got.Findings, report.SevError), "T4.SUM") {
		t.Errorf("no T4.SUM: %v", got.Findings)
	}
}

// A glued 表三 row whose digits add up under no cut into seven, and with
// cells left blank only to a total the rest of the table's total column
// rules out ("00101101": 0 0 101 _ _ _ 101, where the others call for 1), is
// the report's error; and so is a row of counts written with thousands
// separators no cut of which adds up. Before, each was only a
// PARSE.AMBIGUOUS warning: the report's error went unsaid.
func TestGluedRowThatNeverAddsUp(t *testing.T) {
	for _, c := range []struct {
		seed   uint64
		scale  int64
		key    string
		col    int
		v      int64
		layout func(testing.TB, *report.Report) string
		glued  string
	}{
		{5, 1, "withheld.third_party", 4, 11, flatText, "00101101"},
		{62, 123, "partly_granted", 3, 14, func(t testing.TB, r *report.Report) string { return thousandsText(t, r, false) }, "1,5990014001,599"},
	} {
		r := report.Generate(rand.New(rand.NewPCG(c.seed, 177)), fmt.Sprintf("示例第%d局", c.seed), 2019+int(c.seed)%7)
		scale(r, c.scale)
		row := r.Applications[c.key]
		row[c.col] = report.N(c.v)
		r.Applications[c.key] = row
		page := c.layout(t, r)
		if !strings.Contains(page, c.glued) {
			t.Fatalf("%s is not glued as %s", c.key, c.glued)
		}
		got := audit(t, "page.txt", []byte(page))
		for col, cl := range got.Applications[c.key] {
			if !cl.Blank() && cl != row[col] {
				t.Errorf("%s[%d] read as %v, printed %v", c.key, col, cl, row[col])
			}
		}
		found := false
		for _, f := range got.Findings {
			found = found || f.Rule == "T3.ROWSUM" && f.Severity == report.SevError && strings.Contains(f.Cell, c.key)
		}
		if !found {
			t.Errorf("%s: no T3.ROWSUM: %v", c.glued, got.Findings)
		}
	}
}

// In a report that leaves cells blank, a glued row of seven digits that does
// not add up ("0020218": 0 0 2 _ 0 2 18, its total misprinted) is not read
// digit by digit (0 0 2 0 2 1 8, four cells wrong): it may be fewer numbers
// with blanks. It is unread, and as no reading adds up, with blanks or
// without, its T3.ROWSUM is said. And a glued 表四 there whose groups no
// reading makes add up is not read by the cuts without blanks (which read
// the groups that do add up wrong): the cells every reading, with blanks or
// without, agrees on, and the error said.
func TestGluedMisprintInAReportWithBlanks(t *testing.T) {
	r, _ := blankTruth(9)
	row := r.Applications["carried_in"]
	row[report.ColTotal] = report.N(18)
	r.Applications["carried_in"] = row
	page := flatText(t, r)
	if !strings.Contains(page, "二、上年结转政府信息公开申请数量0020218") {
		t.Fatal("the row is not glued as the test means")
	}
	got := audit(t, "page.txt", []byte(page))
	for c, cl := range got.Applications["carried_in"] {
		if !cl.Blank() && cl != row[c] {
			t.Errorf("carried_in[%d] read as %v, printed %v", c, cl, row[c])
		}
	}
	if !slices.ContainsFunc(got.Findings, func(f report.Finding) bool {
		return f.Rule == "T3.ROWSUM" && f.Severity == report.SevError && strings.Contains(f.Cell, "carried_in")
	}) {
		t.Errorf("no T3.ROWSUM for 上年结转: %v", got.Findings)
	}

	r, _ = blankTruth(26)
	r.Appeals[0][0] = report.N(254) // 行政复议's 维持 246, printed 254
	page = flatText(t, r)
	if !strings.Contains(page, "254012303690000024600246") {
		t.Fatal("表四 is not glued as the test means")
	}
	got = audit(t, "page.txt", []byte(page))
	t4AsPrinted(t, "", got.Appeals, r.Appeals)
	if !slices.Contains(rules(got.Findings, report.SevError), "T4.SUM") {
		t.Errorf("no T4.SUM: %v", got.Findings)
	}
}

// Fifteen digits of a glued 表四 with zeros left blank cut one digit a cell
// break a group; when leaving cells blank makes every group add up, that is
// the reading (what every such cut agrees on), not the report's error.
func TestGluedT4Blanks(t *testing.T) {
	for _, a := range []report.Appeals{
		appealsOf(0, 3, 2, 0, 5, 3, 2, 10, -1, 15, 0, 1, 1, -1, 2), // 03205 321015 0112
		appealsOf(3, 2, 0, 3, 8, 3, 1, 3, 3, 10, 2, 2, 2, -1, 6),
	} {
		r := truth()
		r.Appeals = a
		got := audit(t, "page.txt", []byte(onelineCycling(t, r)))
		for _, f := range got.Findings {
			if f.Severity == report.SevError {
				t.Errorf("%v: %s %s", a, f.Rule, f.Message)
			}
		}
		for b := range got.Appeals {
			for c, cl := range got.Appeals[b] {
				if !cl.Blank() && cl != a[b][c] {
					t.Errorf("%v: %d,%d read as %v", a, b, c, cl)
				}
			}
		}
	}
}

// 表四 one cell to a line whose groups do not add up in the order read was
// left unread as a converter's scrambled order; one group alone not adding up,
// the other two doing so, is the order of the table and the report's error.
func TestCellPerLineT4Misprint(t *testing.T) {
	r := truth()
	r.Appeals = appealsOf(2, 1, 0, 1, 5, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0) // 2 + 1 + 0 + 1 = 4, printed 5
	got := audit(t, "percell.txt", []byte(cellPerLine(t, r)))
	if got.Appeals != r.Appeals {
		t.Errorf("表四 read as %v, printed %v", got.Appeals, r.Appeals)
	}
	if !slices.Contains(rules(got.Findings, report.SevError), "T4.SUM") {
		t.Errorf("no T4.SUM: %v", got.Findings)
	}
	// in the order of its columns (each block's 维持, then …) no group adds up: unread
	r.Appeals = appealsOf(2, 1, 0, 2, 1, 0, 1, 0, 0, 0, 0, 0, 4, 1, 0)
	got = audit(t, "percell.txt", []byte(cellPerLine(t, r)))
	if got.Appeals != (report.Appeals{}) || slices.Contains(rules(got.Findings, report.SevError), "T4.SUM") {
		t.Errorf("a scrambled 表四 read as %v, findings %v", got.Appeals, got.Findings)
	}
}

// A page without line breaks whose section headings lost their 、 (a space
// for it, or nothing: "一 总体情况", "三收到和处理…") or their numbers
// altogether (Word's automatic numbering, dropped when the page was made)
// reads as the page with its headings: every section found, every table read.
// On lines too.
func TestPageHeadingsWithoutNumbers(t *testing.T) {
	want := audit(t, "page.txt", []byte(onelineCycling(t, truth())))
	for name, rewrite := range map[string]func(num, words string) string{
		"a space for 、":    func(num, words string) string { return num + " " + words },
		"no 、":             func(num, words string) string { return num + words },
		"no number at all": func(num, words string) string { return words },
		"arabic numbers": func(num, words string) string {
			return strconv.Itoa(strings.Index("一二三四五六", num)/len("一")+1) + "." + words
		},
		"arabic in brackets": func(num, words string) string {
			return "（" + strconv.Itoa(strings.Index("一二三四五六", num)/len("一")+1) + "）" + words
		},
		"【】": func(num, words string) string { return "【" + num + "】" + words },
	} {
		for _, layout := range []string{"page", "lines"} {
			text := onelineCycling(t, truth())
			if layout == "lines" {
				text = textOf(t, truth())
			}
			for _, sec := range report.Sections {
				num, words, _ := strings.Cut(sec.Heading, "、")
				if !strings.Contains(text, sec.Heading) {
					t.Fatalf("%s: no %s to rewrite", layout, sec.Heading)
				}
				text = strings.Replace(text, sec.Heading, rewrite(num, words), 1)
			}
			got := audit(t, "page.txt", []byte(text))
			for _, f := range got.Findings {
				if strings.HasPrefix(f.Rule, "S.") || f.Severity == report.SevError {
					t.Errorf("%s, %s: %s %s", name, layout, f.Rule, f.Message)
				}
			}
			if got.Agency != want.Agency || got.Year != want.Year || got.Applications["new"] != want.Applications["new"] ||
				got.Applications["carried_forward"] != want.Applications["carried_forward"] || got.Appeals != want.Appeals {
				t.Errorf("%s, %s: read %s %d %v %v %v", name, layout, got.Agency, got.Year, got.Applications["new"], got.Applications["carried_forward"], got.Appeals)
			}
		}
	}
}

// A page's text whose table cells kept their tabs but lost every line break
// (a browser's innerText with its line breaks removed) is one line of many
// tab-separated fields: a page, not a table's row, and it reads as the page
// does.
func TestPageWithTabs(t *testing.T) {
	r := truth()
	text := strings.ReplaceAll(textOf(t, r), "\n", "")
	if !strings.Contains(text, "\t") {
		t.Fatal("no tabs in the text")
	}
	got := audit(t, "page.txt", []byte(text))
	for _, f := range got.Findings {
		if f.Severity == report.SevError || strings.HasPrefix(f.Rule, "S.") {
			t.Errorf("%s %s", f.Rule, f.Message)
		}
	}
	if got.Agency != r.Agency || got.Applications["new"] != r.Applications["new"] || got.Applications["total"] != r.Applications["total"] || got.Appeals != r.Appeals {
		t.Errorf("read %s %v %v %v", got.Agency, got.Applications["new"], got.Applications["total"], got.Appeals)
	}
}

// Markdown run into one line: a heading's marks ("## 三、…") stand apart from
// the table row before them, and the title's from the agency.
func TestMarkdownRunIntoOneLine(t *testing.T) {
	r := truthWithTypes()
	text := strings.ReplaceAll(markdownText(t, r), "\n", " ")
	got := audit(t, "page.txt", []byte(text))
	if got.Agency != r.Agency {
		t.Errorf("agency %q", got.Agency)
	}
	for _, f := range got.Findings {
		if strings.HasPrefix(f.Rule, "S.") || f.Severity == report.SevError {
			t.Errorf("%s %s", f.Rule, f.Message)
		}
	}
	if got.Proactive.Amount("fees.amount_wan_yuan") != r.Proactive.Amount("fees.amount_wan_yuan") || got.Applications["carried_forward"] != r.Applications["carried_forward"] {
		t.Errorf("the rows before headings read as %v %v", got.Proactive.Amount("fees.amount_wan_yuan"), got.Applications["carried_forward"])
	}
}

// A PDF's text repeats the title at the top of each page (Word's 页眉): between
// the two lines of a wrapped sentence it is not part of the sentence, and the
// sentence's count is still compared with 表三.
func TestRunningHeaderInNarrative(t *testing.T) {
	text := wrappedWrong(t, truth())
	title := audit(t, "x.txt", []byte(text)).Title
	at := strings.Index(text, "信息公开申请 17 件")
	if at < 0 || title == "" || !strings.Contains(title, "2024年") {
		t.Fatal("no wrapped sentence or no title")
	}
	at = strings.LastIndex(text[:at], "\n") + 1
	// the title, or its end from the year on
	for _, header := range []string{title, title[strings.Index(title, "2024年"):]} {
		page := text[:at] + "\n                — 1 —\n\f                " + header + "\n\n" + text[at:]
		got := audit(t, "x.txt", []byte(page))
		found := false
		for _, f := range got.Findings {
			if f.Rule == "N.TABLE" {
				found = true
				if strings.Contains(f.Message, "年度报告") {
					t.Errorf("%s: the header read into the sentence: %s", header, f.Message)
				}
			}
		}
		if !found {
			t.Errorf("%s: no N.TABLE: %v", header, got.Findings)
		}
		if strings.Contains(got.Sections["1"], header) {
			t.Errorf("the running header %q is in section 一: %q", header, got.Sections["1"])
		}
	}
}

// Text copied from web pages and WeChat articles carries characters that show
// nothing — zero-width spaces, joiners, soft hyphens — inside headings, labels
// and numbers (6\u200b4 is 64 on the page), as characters or as HTML
// entities: they are not read.
func TestInvisibleCharacters(t *testing.T) {
	r := truth()
	text := textOf(t, r)
	zw := strings.NewReplacer("一、总体情况", "一、总体\u200b情况", "\t64\t", "\t6\u200b4\t", "\t44\t", "\t4\u00ad4\t",
		"收到和处理", "收到\u200d和处理", "共收到政府信息公开申请", "共收到政府信息\u2060公开申请").Replace(text)
	if zw == text {
		t.Fatal("nothing replaced")
	}
	page := pageHTML(t, r)
	ent := strings.Replace(page, ">64<", ">6&#8203;4<", 1)
	if ent == page {
		t.Fatal("no 64 cell in the page")
	}
	for name, data := range map[string]string{"x.txt": zw, "x.html": ent} {
		got := audit(t, name, []byte(data))
		for _, f := range got.Findings {
			if f.Severity == report.SevError || strings.HasPrefix(f.Rule, "PARSE") || strings.HasPrefix(f.Rule, "S.") {
				t.Errorf("%s: %s %s", name, f.Rule, f.Message)
			}
		}
		for _, key := range []string{"new", "granted"} {
			if got.Applications[key] != r.Applications[key] {
				t.Errorf("%s: %s read %v, want %v", name, key, got.Applications[key], r.Applications[key])
			}
		}
	}
}

// Text taken out of a page's script or a CMS's JSON may break its lines with
// the Unicode line and paragraph separators: they are line breaks.
func TestUnicodeLineSeparators(t *testing.T) {
	r := truth()
	for _, sep := range []string{"\u2028", "\u2029"} {
		got := audit(t, "x.txt", []byte(strings.ReplaceAll(textOf(t, r), "\n", sep)))
		if got.Applications["new"] != r.Applications["new"] || got.Appeals != r.Appeals {
			t.Errorf("%U: read %v %v", []rune(sep)[0], got.Applications["new"], got.Appeals)
		}
		for _, f := range got.Findings {
			if strings.HasPrefix(f.Rule, "PARSE") || strings.HasPrefix(f.Rule, "S.") {
				t.Errorf("%U: %s %s", []rune(sep)[0], f.Rule, f.Message)
			}
		}
	}
}

// 表二 written as OCR tools may transpose it — each item a heading, then a
// table of key and value (数据1 1 / 数据2 2 / 总计 15) — is never read into the
// wrong item: "总计 15" before "行政许可" is not 行政许可's wrapped label.
func TestT2KeyValueBlocksNotShifted(t *testing.T) {
	r := truth()
	text := textOf(t, r)
	a, b := strings.Index(text, "二、主动公开政府信息情况"), strings.Index(text, "三、收到和处理政府信息公开申请情况")
	kv := "二、主动公开政府信息情况\n\n规章\n\n类别\t数量\n数据1\t0\n数据2\t0\n总计\t0\n\n行政规范性文件\n\n类别\t数量\n数据1\t1\n数据2\t2\n总计\t15\n\n" +
		"行政许可\n\n类别\t数量\n总计\t356\n\n行政处罚\n\n类别\t数量\n总计\t48\n\n行政强制\n\n类别\t数量\n总计\t3\n\n行政事业性收费\n\n类别\t数量\n总计\t12.35\n\n"
	got := audit(t, "x.txt", []byte(text[:a]+kv+text[b:]))
	for _, it := range got.Format.T2Items() {
		for _, c := range it.Cells {
			g, w := got.Proactive.Cell(it.Key+"."+c), r.Proactive.Cell(it.Key+"."+c)
			if !g.Blank() && g != w {
				t.Errorf("%s.%s read %v, want %v", it.Key, c, g, w)
			}
		}
	}
}

// kvMarkdown is OCR'd Markdown (ocrText) as some tools transpose it: each row
// group's table becomes a table of key and value, one line to a column —
// 表三's keyed by its columns' names, the others by the generic header's.
func kvMarkdown(t testing.TB, r *report.Report) string {
	table := regexp.MustCompile(`(\| 类别 \|[^\n]*)\n\| ---[^\n]*\n(\| 数值 \|[^\n]*)\n`)
	cells := func(row string) []string {
		var out []string
		for _, c := range strings.Split(strings.Trim(row, "|"), "|")[1:] {
			out = append(out, strings.TrimSpace(c))
		}
		return out
	}
	return table.ReplaceAllStringFunc(ocrText(t, r), func(m string) string {
		g := table.FindStringSubmatch(m)
		heads, vals := cells(g[1]), cells(g[2])
		if len(vals) == report.NumCols {
			heads = report.T3ColumnLabels
		}
		var b strings.Builder
		b.WriteString("| 类别 | 数量 |\n| --- | --- |\n")
		for i, v := range vals {
			fmt.Fprintf(&b, "| %s | %s |\n", heads[i], v)
		}
		return b.String()
	})
}

// 表三 of OCR'd Markdown transposed into key-value tables (自然人 64 / 商业企业 0 /
// … / 总计 70 under each row's heading) reads whole.
func TestT3KeyValueRows(t *testing.T) {
	r := truth()
	md := kvMarkdown(t, r)
	if !strings.Contains(md, "| 自然人 | 64 |") {
		t.Fatal("not transposed")
	}
	got := audit(t, "x.md", []byte(md))
	for _, row := range r.Format.T3Rows() {
		if got.Applications[row.Key] != r.Applications[row.Key] {
			t.Errorf("%s read %v, want %v", row.Key, got.Applications[row.Key], r.Applications[row.Key])
		}
	}
	for _, f := range got.Findings {
		if strings.HasPrefix(f.Cell, "applications") || f.Severity == report.SevError {
			t.Errorf("%s %s", f.Rule, f.Message)
		}
	}
}

// wrappedPageText imitates html-to-text's default text of a page: each
// table one paragraph (a row's cells glued, the rows a space apart), and
// every paragraph wrapped at eighty columns (a Chinese character two) where
// it has a space. unwrappedPageText is the same without wrapping
// (wordwrap: false): each table a line.
func wrappedPageText(t testing.TB, r *report.Report) string { return pageParagraphs(t, r, 80) }

func unwrappedPageText(t testing.TB, r *report.Report) string { return pageParagraphs(t, r, 1<<30) }

func pageParagraphs(t testing.TB, r *report.Report, width int) string {
	var paras, table []string
	flush := func() {
		if len(table) > 0 {
			paras = append(paras, strings.Join(table, " "))
			table = nil
		}
	}
	for _, line := range strings.Split(textOf(t, r), "\n") {
		if strings.Contains(line, "\t") {
			table = append(table, strings.ReplaceAll(line, "\t", ""))
			continue
		}
		flush()
		if strings.TrimSpace(line) != "" {
			paras = append(paras, line)
		}
	}
	flush()
	var b strings.Builder
	for _, p := range paras {
		b.WriteString(wrapAtSpaces(p, width) + "\n\n")
	}
	return b.String()
}

// wrapAtSpaces breaks a paragraph at its spaces so that no line is wider
// than width columns (wider where a word is).
func wrapAtSpaces(p string, width int) string {
	cols := func(s string) int {
		n := 0
		for _, r := range s {
			n++
			if r > 0x2E80 {
				n++
			}
		}
		return n
	}
	var lines []string
	line := ""
	for _, w := range strings.Split(p, " ") {
		switch {
		case line == "":
			line = w
		case cols(line)+1+cols(w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	return strings.Join(append(lines, line), "\n")
}

// foldedOneline is a page without line breaks given line breaks again
// every forty characters, wherever they fall (inside a number too), as a
// program that wraps text at a width does.
func foldedOneline(t testing.TB, r *report.Report) string {
	return foldAt(onelineCycling(t, r), 40, false)
}

// printedOneline is that page as a browser prints it and a PDF's text
// gives it back: a line breaks after about forty characters, anywhere in
// Chinese text but never inside a run of Latin letters or digits (the run
// goes to the next line, and a space before it is gone).
func printedOneline(t testing.TB, r *report.Report) string {
	return foldAt(onelineCycling(t, r), 40, true)
}

func foldAt(text string, width int, words bool) string {
	var b strings.Builder
	for _, line := range strings.Split(text, "\n") {
		rs := []rune(line)
		for len(rs) > width {
			cut := width
			ascii := func(r rune) bool { return r < 0x80 && r != ' ' }
			if words {
				for cut > 1 && ascii(rs[cut-1]) && ascii(rs[cut]) {
					cut--
				}
				if cut == 1 {
					cut = width
				}
			}
			b.WriteString(strings.TrimRight(string(rs[:cut]), " ") + "\n")
			rs = rs[cut:]
			if words {
				for len(rs) > 0 && rs[0] == ' ' {
					rs = rs[1:]
				}
			}
		}
		b.WriteString(string(rs) + "\n")
	}
	return b.String()
}

// attachedText is the tab text with its three tables printed after the
// text as attachments (附件：附表1 …), sections 二 to 四 pointing to them.
func attachedText(t testing.TB, r *report.Report) string {
	lines := strings.Split(strings.TrimRight(textOf(t, r), "\n"), "\n")
	at := func(word string, from int) int {
		for i := from; i < len(lines); i++ {
			if strings.HasPrefix(lines[i], word) {
				return i
			}
		}
		t.Fatalf("no %s in the text", word)
		return -1
	}
	i2 := at("二、主动公开", 0)
	i3 := at("三、收到和处理", i2+1)
	i4 := at("四、政府信息公开行政复议", i3+1)
	i5 := at("五、", i4+1)
	var out []string
	out = append(out, lines[:i2+1]...)
	out = append(out, "详见附表1。", lines[i3], "详见附表2。", lines[i4], "详见附表3。")
	out = append(out, lines[i5:]...)
	out = append(out, "", "附件：", "附表1")
	out = append(out, lines[i2+1:i3]...)
	out = append(out, "附表2")
	out = append(out, lines[i3+1:i4]...)
	out = append(out, "附表3")
	out = append(out, lines[i4+1:i5]...)
	return strings.Join(out, "\n") + "\n"
}

// edgeTabs is pdftotext's layout text as copied out of a program that
// leaves a tab after each line and indents some with one: tabs at the ends
// of lines only, which are white space, not the cell borders of a tab
// table (before, a text with them read a twelfth of its cells, a page
// without line breaks none).
func edgeTabs(t testing.TB, r *report.Report) string { return withEdgeTabs(layoutText(t, r)) }

// onelineEdgeTabs is a page without line breaks with a tab after it.
func onelineEdgeTabs(t testing.TB, r *report.Report) string {
	return withEdgeTabs(onelineCycling(t, r))
}

func withEdgeTabs(text string) string {
	ls := strings.Split(text, "\n")
	for i := range ls {
		if i%4 == 1 {
			ls[i] = "\t" + ls[i]
		}
		ls[i] += "\t"
	}
	return strings.Join(ls, "\n")
}

// foldedWithBlanks is a page without line breaks folded at a width, with a
// blank line after every fifth line (a copy that doubles some breaks):
// a blank line between two digits is a break inside a number, never a
// cell border (before, 19 7 1… read as 1 9 7 10…, a split that adds up
// too, and was wrong).
func foldedWithBlanks(t testing.TB, r *report.Report) string {
	ls := strings.Split(foldedOneline(t, r), "\n")
	var out []string
	for i, l := range ls {
		out = append(out, l)
		if i%5 == 4 {
			out = append(out, "")
		}
	}
	return strings.Join(out, "\n")
}

func init() {
	fixtures = append(fixtures,
		fixture{file: "edge-tabs-2021.txt", make: func(t testing.TB) []byte { return []byte(edgeTabs(t, truth())) }, want: truth},
		fixture{file: "oneline-edge-tabs-2021.txt", make: func(t testing.TB) []byte { return []byte(onelineEdgeTabs(t, truth())) }, want: func() *report.Report {
			r := truth()
			blankNormative(r) // as oneline-2021.txt
			return r
		}, findings: []string{"PARSE.AMBIGUOUS"}},
		fixture{file: "folded-blanks-2021.txt", make: func(t testing.TB) []byte { return []byte(foldedWithBlanks(t, truth())) }, want: func() *report.Report {
			r := truth()
			blankNormative(r) // as oneline-2021.txt
			return r
		}, findings: []string{"PARSE.AMBIGUOUS"}},
	)
}

// wideSpaced is a page without line breaks typed with the wide input mode
// on: every other space between its numbers is an ideographic one (U+3000),
// which is the cell border the ASCII space is.
func wideSpaced(t testing.TB, r *report.Report) string {
	var b strings.Builder
	n := 0
	for _, c := range unwrappedPageText(t, r) {
		if c == ' ' {
			if n++; n%2 == 0 {
				c = '\u3000'
			}
		}
		b.WriteRune(c)
	}
	return b.String()
}

func init() {
	fixtures = append(fixtures,
		fixture{file: "wide-spaces-2021.txt", make: func(t testing.TB) []byte { return []byte(wideSpaced(t, truth())) }, want: func() *report.Report {
			r := truth()
			blankNormative(r) // 表二's 1 2 15 glued on such a page: as oneline-2021.txt
			return r
		}, findings: []string{"PARSE.AMBIGUOUS"}})
}

// quotedMarkdown is converter Markdown whose tables and headings were
// quoted whole (> | … |), as a copy of a quoted message gives them.
func quotedMarkdown(t testing.TB, r *report.Report) string {
	ls := strings.Split(markdownText(t, r), "\n")
	for i, l := range ls {
		if strings.HasPrefix(l, "|") || strings.HasPrefix(l, "#") {
			ls[i] = "> " + l
		}
	}
	return strings.Join(ls, "\n")
}

func init() {
	fixtures = append(fixtures,
		fixture{file: "markdown-quoted-2021.md", make: func(t testing.TB) []byte { return []byte(quotedMarkdown(t, truthWithTypes())) }, want: truthWithTypes})
}

// dunNumbered is a page folded at a width whose rows are numbered 1、 for
// 1. (its row joints are seen by that number too).
func dunNumbered(t testing.TB, r *report.Report) string {
	return regexp.MustCompile(`(\d)\.([\p{Han}“])`).ReplaceAllString(wrappedPageText(t, r), "$1、$2")
}

func init() {
	fixtures = append(fixtures,
		fixture{file: "wrapped-dun-2021.txt", make: func(t testing.TB) []byte { return []byte(dunNumbered(t, truth())) }, want: func() *report.Report {
			r := truth()
			blankNormative(r) // as oneline-2021.txt
			return r
		}, findings: []string{"PARSE.AMBIGUOUS"}})
}

// qitaText is the tab text written with 其它 for 其他, as many agencies
// write it: （六）其它处理, 其它结果, 法人或其它组织, 六、其它需要报告的事项.
func qitaText(t testing.TB, r *report.Report) string {
	return strings.ReplaceAll(textOf(t, r), "其他", "其它")
}

func init() {
	fixtures = append(fixtures,
		fixture{file: "qita-2021.txt", make: func(t testing.TB) []byte { return []byte(qitaText(t, truth())) }, want: truth})
}

// thousandsText is the tab text of a busy agency whose spreadsheet grouped
// its thousands (1,234), as the page's text keeps it with the cells glued
// ("…（一）予以公开1,2340001,234"); with oneline its line breaks are gone too.
// A separator is a cell's inside, never a border.
func thousandsText(t testing.TB, r *report.Report, oneline bool) string {
	return gluedCells(t, r, oneline, func(c string) string {
		if v, err := strconv.Atoi(c); err == nil && v >= 1000 {
			return grouped(v)
		} else if whole, frac, ok := strings.Cut(c, "."); ok {
			if v, err := strconv.Atoi(whole); err == nil && v >= 1000 {
				return grouped(v) + "." + frac // an amount: 1,234.56
			}
		}
		return c
	})
}

// gluedCells is the tab text with each cell of its tables written by cell
// and glued to the next; with oneline, its line breaks removed too.
func gluedCells(t testing.TB, r *report.Report, oneline bool, cell func(string) string) string {
	var out []string
	for _, line := range strings.Split(textOf(t, r), "\n") {
		if strings.Contains(line, "\t") {
			cs := strings.Split(line, "\t")
			for i, c := range cs {
				cs[i] = cell(c)
			}
			line = strings.Join(cs, "")
		}
		out = append(out, line)
	}
	if oneline {
		return strings.Join(out, "")
	}
	return strings.Join(out, "\n")
}

// grouped writes v with a comma before each group of three digits.
func grouped(v int) string {
	s := strconv.Itoa(v)
	var b strings.Builder
	for j := range len(s) {
		if j > 0 && (len(s)-j)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[j])
	}
	return b.String()
}

// busy is r of an agency 137 times as busy: most counts in the thousands,
// the narrative's too, and its fees in thousands of 万元 (1,234.56).
func busy(r *report.Report) *report.Report {
	scale(r, 137)
	r.Proactive.SetAmount("fees.amount_wan_yuan", report.ParseAmount("1234.56"))
	r.Sections["1"] = strings.NewReplacer("申请70件", "申请9,590件", "结转4件", "结转548件", "复议4件", "复议548件", "诉讼1件", "诉讼137件").Replace(r.Sections["1"])
	return r
}

// busyWrongRow is busy(truth()) with a row that does not add up, in the
// thousands: 1,370 and five zeros make 1,371, as published.
func busyWrongRow() *report.Report {
	r := busy(truth())
	r.Applications["withheld.third_party"] = report.Row{report.N(1370), report.N(0), report.N(0), report.N(0), report.N(0), report.N(0), report.N(1371)}
	return r
}

func init() {
	fixtures = append(fixtures,
		fixture{file: "oneline-thousands-2021.txt", make: func(t testing.TB) []byte { return []byte(thousandsText(t, busy(truth()), true)) }, want: func() *report.Report {
			r := busy(truth())
			blankNormative(r) // as oneline-2021.txt
			return r
		}, findings: []string{"PARSE.AMBIGUOUS"}},
		fixture{file: "oneline-thousands-errors-2021.txt", make: func(t testing.TB) []byte { return []byte(thousandsText(t, busyWrongRow(), true)) }, want: func() *report.Report {
			r := busyWrongRow()
			blankNormative(r)
			return r
		}, findings: []string{"T3.ROWSUM", "T3.OUTCOMES", "PARSE.AMBIGUOUS"}, errorsExpected: true})
}

// unitsText is the tab text of a table whose every count cell says its unit
// ("64件"), as the page's text keeps it with the cells glued ("…数量64件0件0件
// 2件0件4件70件"); with oneline its line breaks are gone too. The unit is a
// cell's end.
func unitsText(t testing.TB, r *report.Report, oneline bool) string {
	return gluedCells(t, r, oneline, func(c string) string {
		if _, err := strconv.Atoi(c); err == nil {
			return c + "件"
		}
		return c
	})
}

func init() {
	fixtures = append(fixtures,
		fixture{file: "oneline-units-2021.txt", make: func(t testing.TB) []byte { return []byte(unitsText(t, truth(), true)) }, want: truth},
		// the 2019 format's 表二 rows of two cells, a decrease among them
		// ("其他对外管理服务事项16件-2件19件"), set apart as the 2021 format's three
		// (and "政府集中采购4件41.81": a count with its unit, then an amount
		// without one)
		fixture{file: "oneline-units-2019.txt", make: func(t testing.TB) []byte { return []byte(unitsText(t, truth2019(), true)) }, want: truth2019})
}

// t4AsPrinted reports each cell of 表四 read otherwise than printed (a cell
// left unread is no such cell).
func t4AsPrinted(t *testing.T, what string, got, printed report.Appeals) {
	t.Helper()
	for b := range got {
		for c, cl := range got[b] {
			if !cl.Blank() && cl != printed[b][c] {
				t.Errorf("%s表四 %d,%d read as %v, printed %v", what, b, c, cl, printed[b][c])
			}
		}
	}
}
