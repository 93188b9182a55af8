// Package render writes an annual report in the forms people read: text laid
// out like the national template (tab-separated, as agencies paste it), Markdown,
// printable HTML with the template's merged cells, and the JSON model.
package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"strings"

	"gongkai/internal/errs"
	"gongkai/internal/report"
)

// Formats lists the formats this package renders.
var Formats = []string{"txt", "md", "html", "json"}

// Render writes r in format to w.
func Render(w io.Writer, r *report.Report, format string) error {
	switch format {
	case "txt", "text":
		return Text(w, r)
	case "md", "markdown":
		return Markdown(w, r)
	case "html":
		return HTML(w, r)
	case "json":
		return JSON(w, r)
	}
	return errs.New("--format", "不支持的格式“%s”：可用 %s", format, strings.Join(Formats, "、"))
}

// Title is the document title: as written, or composed from agency and year.
func Title(r *report.Report) string {
	if r.Title != "" {
		return r.Title
	}
	agency := r.Agency
	if agency == "" {
		agency = "（机关名称）"
	}
	if r.Year == 0 {
		return agency + "政府信息公开工作年度报告"
	}
	return fmt.Sprintf("%s%d年政府信息公开工作年度报告", agency, r.Year)
}

// JSON writes the JSON model (report-model.md §1), indented.
func JSON(w io.Writer, r *report.Report) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

// --- text ----------------------------------------------------------------------

// Text writes the report as plain text. Tables are tab-separated grids in the
// template's shape: a spanned cell is its text followed by empty cells.
func Text(w io.Writer, r *report.Report) error {
	var b strings.Builder
	line := func(fields ...string) { b.WriteString(strings.Join(fields, "\t") + "\n") }
	b.WriteString(Title(r) + "\n\n")
	for _, s := range report.Sections {
		b.WriteString(s.Heading + "\n\n")
		switch s.Key {
		case "2":
			for _, g := range T2Groups(r.Format) {
				line(pad([]string{g.Header.Item}, 4)...)
				line(pad(append([]string{"信息内容"}, g.Header.Columns...), 4)...)
				for _, it := range g.Items {
					line(pad(append([]string{it.Label}, T2Values(r, it)...), 4)...)
				}
			}
			b.WriteString("\n")
		case "3":
			line(pad([]string{report.T3HeaderNote, "", "", "申请人情况"}, 10)...)
			line(append(pad([]string{"", "", "", "自然人", "法人或其他组织"}, 9), "总计")...)
			line(pad([]string{"", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"}, 10)...)
			prevGroup := ""
			for _, row := range r.Format.T3Rows() {
				var lead []string
				switch {
				case row.Kind != report.RowOutcome && row.Kind != report.RowTotal:
					lead = []string{row.Label, "", ""}
				case row.Group == "":
					first := ""
					if row.Key == "granted" {
						first = report.T3Group
					}
					lead = []string{first, row.Label, ""}
				default:
					g := ""
					if row.Group != prevGroup {
						g = row.Group
					}
					lead = []string{"", g, row.Label}
				}
				prevGroup = row.Group
				line(append(lead, rowValues(r.Applications[row.Key])...)...)
			}
			b.WriteString("\n")
		case "4":
			line(pad([]string{"行政复议", "", "", "", "", "行政诉讼"}, 15)...)
			line(pad(append(append([]string{}, report.T4ColumnLabels...), "未经复议直接起诉", "", "", "", "", "复议后起诉"), 15)...)
			line(append(pad(nil, 5), append(append([]string{}, report.T4ColumnLabels...), report.T4ColumnLabels...)...)...)
			var vals []string
			for b := range report.T4Blocks {
				for j := range report.T4Columns {
					vals = append(vals, r.Appeals[b][j].String())
				}
			}
			line(vals...)
			b.WriteString("\n")
		default:
			if t := strings.TrimSpace(r.Sections[s.Key]); t != "" {
				b.WriteString(t + "\n\n")
			}
		}
	}
	_, err := io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}

func pad(fs []string, n int) []string {
	for len(fs) < n {
		fs = append(fs, "")
	}
	return fs
}

func rowValues(v report.Row) []string {
	out := make([]string, len(v))
	for i, c := range v {
		out[i] = c.String()
	}
	return out
}

// T2Group is one item of Art. 20 with its column headings and rows.
type T2Group struct {
	Header report.T2Header
	Items  []report.T2Item
}

// T2Groups arranges 表二 for display.
func T2Groups(f report.Format) []T2Group {
	var out []T2Group
	for _, h := range f.T2Headers() {
		g := T2Group{Header: h}
		for _, it := range f.T2Items() {
			if it.Item == h.Item {
				g.Items = append(g.Items, it)
			}
		}
		out = append(out, g)
	}
	return out
}

// T2Values returns the cells of one 表二 row as text.
func T2Values(r *report.Report, it report.T2Item) []string {
	var out []string
	for i, c := range it.Cells {
		p := it.Key + "." + c
		if len(it.Money) > i && it.Money[i] {
			out = append(out, r.Proactive.Amount(p).String())
		} else {
			out = append(out, r.Proactive.Cell(p).String())
		}
	}
	return out
}

// --- Markdown --------------------------------------------------------------------

// Markdown writes the report with pipe tables (merged cells are spelled out
// in the row labels, since Markdown has no spans).
func Markdown(w io.Writer, r *report.Report) error {
	var b strings.Builder
	row := func(fields ...string) {
		for i := range fields {
			fields[i] = strings.ReplaceAll(fields[i], "|", "\\|")
		}
		b.WriteString("| " + strings.Join(fields, " | ") + " |\n")
	}
	sep := func(n int) { b.WriteString("|" + strings.Repeat(" --- |", n) + "\n") }
	b.WriteString("# " + Title(r) + "\n\n")
	for _, s := range report.Sections {
		b.WriteString("## " + s.Heading + "\n\n")
		switch s.Key {
		case "2":
			for _, g := range T2Groups(r.Format) {
				b.WriteString("**" + g.Header.Item + "**\n\n")
				row(append([]string{"信息内容"}, g.Header.Columns...)...)
				sep(len(g.Header.Columns) + 1)
				for _, it := range g.Items {
					row(append([]string{it.Label}, T2Values(r, it)...)...)
				}
				b.WriteString("\n")
			}
		case "3":
			row(append([]string{"项目"}, report.T3ColumnLabels...)...)
			sep(8)
			for _, x := range r.Format.T3Rows() {
				label := x.Label
				if x.Group != "" {
					label = x.Group + " " + x.Label
				}
				row(append([]string{label}, rowValues(r.Applications[x.Key])...)...)
			}
			b.WriteString("\n")
		case "4":
			row(append([]string{"类别"}, report.T4ColumnLabels...)...)
			sep(6)
			for i, blk := range report.T4Blocks {
				var vals []string
				for j := range report.T4Columns {
					vals = append(vals, r.Appeals[i][j].String())
				}
				row(append([]string{strings.TrimSpace(blk.Parent + " " + blk.Label)}, vals...)...)
			}
			b.WriteString("\n")
		default:
			if t := strings.TrimSpace(r.Sections[s.Key]); t != "" {
				for _, p := range paragraphs(t) {
					b.WriteString(p + "\n\n")
				}
			}
		}
	}
	_, err := io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}

func paragraphs(t string) []string {
	var out []string
	for _, l := range strings.Split(t, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// --- HTML ----------------------------------------------------------------------

var subheadRe = regexp.MustCompile(`^[（(][一二三四五六七八九十]+[）)]\s*\S{1,30}$`)

const css = `@page{size:A4;margin:37mm 26mm 35mm 28mm}
body{font-family:"FangSong","仿宋","仿宋_GB2312","STFangsong",serif;font-size:16pt;line-height:1.6;color:#000;max-width:210mm;margin:0 auto;padding:1em}
h1{font-family:"方正小标宋简体","SimSun","宋体",serif;font-size:22pt;text-align:center;font-weight:normal;margin:0 0 1em}
h2{font-family:"SimHei","黑体",sans-serif;font-size:16pt;font-weight:normal;margin:1em 0 .5em}
h3{font-family:"KaiTi","楷体",serif;font-size:16pt;font-weight:normal;margin:.5em 0}
p{text-indent:2em;margin:0 0 .3em;text-align:justify}
table{border-collapse:collapse;width:100%;margin:.5em 0 1em;font-size:10.5pt;line-height:1.3;page-break-inside:avoid}
th,td{border:1px solid #000;padding:2pt 3pt;text-align:center;vertical-align:middle}
td.l,th.l{text-align:left}
td.n{font-family:"Times New Roman",serif}
.t3 th,.t3 td{font-size:9pt}
@media print{body{padding:0;max-width:none}h2{page-break-after:avoid}}`

// HTML writes a complete, valid HTML document with the template's merged cells
// and print CSS for A4.
func HTML(w io.Writer, r *report.Report) error {
	var b strings.Builder
	esc := template.HTMLEscapeString
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	td := func(c string, attrs string) string {
		if attrs != "" {
			attrs = " " + attrs
		}
		return "<td" + attrs + ">" + esc(c) + "</td>"
	}
	num := func(c string) string { return td(c, `class="n"`) }
	p("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n")
	p("<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n", esc(Title(r)), css)
	p("<h1>%s</h1>\n", esc(Title(r)))
	for _, s := range report.Sections {
		p("<h2>%s</h2>\n", esc(s.Heading))
		switch s.Key {
		case "2":
			p("<table class=\"t2\">\n")
			for _, g := range T2Groups(r.Format) {
				p("<tr><th colspan=\"4\" class=\"l\">%s</th></tr>\n", esc(g.Header.Item))
				p("<tr><th>信息内容</th>")
				for i, c := range g.Header.Columns {
					span := ""
					if i == len(g.Header.Columns)-1 && len(g.Header.Columns) < 3 {
						span = fmt.Sprintf(` colspan="%d"`, 4-len(g.Header.Columns))
					}
					p("<th%s>%s</th>", span, esc(c))
				}
				p("</tr>\n")
				for _, it := range g.Items {
					p("<tr>%s", td(it.Label, `class="l"`))
					vals := T2Values(r, it)
					for i, v := range vals {
						if i == len(vals)-1 && len(vals) < 3 {
							p("%s", td(v, fmt.Sprintf(`class="n" colspan="%d"`, 4-len(vals))))
						} else {
							p("%s", num(v))
						}
					}
					p("</tr>\n")
				}
			}
			p("</table>\n")
		case "3":
			rows := r.Format.T3Rows()
			outcomes := 0
			groupSpan := map[string]int{}
			for _, x := range rows {
				if x.Kind == report.RowOutcome || x.Kind == report.RowTotal {
					outcomes++
				}
				if x.Group != "" {
					groupSpan[x.Group]++
				}
			}
			p("<table class=\"t3\">\n")
			p("<tr><th colspan=\"3\" rowspan=\"3\">%s</th><th colspan=\"7\">申请人情况</th></tr>\n", esc(report.T3HeaderNote))
			p("<tr><th rowspan=\"2\">自然人</th><th colspan=\"5\">法人或其他组织</th><th rowspan=\"2\">总计</th></tr>\n")
			p("<tr><th>商业企业</th><th>科研机构</th><th>社会公益组织</th><th>法律服务机构</th><th>其他</th></tr>\n")
			prevGroup := ""
			for _, x := range rows {
				p("<tr>")
				switch {
				case x.Kind == report.RowNew || x.Kind == report.RowCarriedIn || x.Kind == report.RowCarriedForward:
					p("%s", td(x.Label, `colspan="3" class="l"`))
				default:
					if x.Key == "granted" {
						p("%s", td(report.T3Group, fmt.Sprintf(`rowspan="%d"`, outcomes)))
					}
					if x.Group == "" {
						p("%s", td(x.Label, `colspan="2" class="l"`))
					} else {
						if x.Group != prevGroup {
							p("%s", td(x.Group, fmt.Sprintf(`rowspan="%d"`, groupSpan[x.Group])))
						}
						p("%s", td(x.Label, `class="l"`))
					}
				}
				prevGroup = x.Group
				for _, v := range rowValues(r.Applications[x.Key]) {
					p("%s", num(v))
				}
				p("</tr>\n")
			}
			p("</table>\n")
		case "4":
			p("<table class=\"t4\">\n")
			p("<tr><th colspan=\"5\">行政复议</th><th colspan=\"10\">行政诉讼</th></tr>\n")
			p("<tr>")
			for _, l := range report.T4ColumnLabels {
				p("<th rowspan=\"2\">%s</th>", esc(l))
			}
			p("<th colspan=\"5\">未经复议直接起诉</th><th colspan=\"5\">复议后起诉</th></tr>\n<tr>")
			for i := 0; i < 2; i++ {
				for _, l := range report.T4ColumnLabels {
					p("<th>%s</th>", esc(l))
				}
			}
			p("</tr>\n<tr>")
			for bk := range report.T4Blocks {
				for j := range report.T4Columns {
					p("%s", num(r.Appeals[bk][j].String()))
				}
			}
			p("</tr>\n</table>\n")
		default:
			for _, para := range paragraphs(r.Sections[s.Key]) {
				if subheadRe.MatchString(para) {
					p("<h3>%s</h3>\n", esc(para))
				} else {
					p("<p>%s</p>\n", esc(para))
				}
			}
		}
	}
	p("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}
