package report_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gongkai/internal/report"
)

// withSubtotal is tab text with a 小计 column in 表三, before 总计: the five
// organisation columns summed, as some agencies add it to the national
// format's table.
func withSubtotal(t testing.TB, r *report.Report) string {
	lines := strings.Split(textOf(t, r), "\n")
	in := false
	for i, l := range lines {
		cells := strings.Split(l, "\t")
		switch {
		case strings.Contains(l, "商业企业\t科研机构"):
			in = true
			for j, c := range cells {
				if c == "其他" {
					cells = append(cells[:j+1], append([]string{"小计"}, cells[j+1:]...)...)
					break
				}
			}
			lines[i] = strings.Join(cells, "\t")
			continue
		case !in:
			continue
		}
		if len(cells) >= 7 {
			nums := cells[len(cells)-7:]
			sum, ok := 0, true
			for k, c := range nums {
				v, err := strconv.Atoi(c)
				ok = ok && err == nil
				if k >= 1 && k <= 5 {
					sum += v
				}
			}
			if ok {
				cells = append(cells[:len(cells)-1:len(cells)-1], strconv.Itoa(sum), cells[len(cells)-1])
				lines[i] = strings.Join(cells, "\t")
			}
		}
		if strings.HasPrefix(l, "四、结转下年度") {
			break
		}
	}
	return strings.Join(lines, "\n")
}

// subtotalHTML is the web page with a 小计 column in 表三, as a cell of the
// header's third row and before each row's 总计.
func subtotalHTML(t testing.TB, r *report.Report) string {
	page := pageHTML(t, r)
	i, j := strings.Index(page, `<table class="t3">`), strings.Index(page, `<h2>四、`)
	if i < 0 || j < i {
		t.Fatal("no 表三 in the page")
	}
	t3 := strings.Replace(page[i:j], `<th colspan="7">申请人情况</th>`, `<th colspan="8">申请人情况</th>`, 1)
	t3 = strings.Replace(t3, `<th colspan="5">法人或其他组织</th>`, `<th colspan="6">法人或其他组织</th>`, 1)
	t3 = strings.Replace(t3, `<th>其他</th></tr>`, `<th>其他</th><th>小计</th></tr>`, 1)
	cell := regexp.MustCompile(`((?:<td class="n">[^<]*</td>){7})</tr>`)
	num := regexp.MustCompile(`<td class="n">([^<]*)</td>`)
	t3 = cell.ReplaceAllStringFunc(t3, func(row string) string {
		cells := num.FindAllStringSubmatch(row, -1)
		sum := 0
		for _, c := range cells[1:6] {
			v, err := strconv.Atoi(c[1])
			if err != nil {
				return row // a blank row stays as it is
			}
			sum += v
		}
		last := strings.LastIndex(row, `<td class="n">`)
		return row[:last] + `<td class="n">` + strconv.Itoa(sum) + `</td>` + row[last:]
	})
	return page[:i] + t3 + page[j:]
}

// pipeTables writes the tab rows of a text as Markdown pipe tables.
func pipeTables(src string) string {
	var b strings.Builder
	in := false
	for _, l := range strings.Split(src, "\n") {
		if !strings.Contains(l, "\t") {
			in = false
			b.WriteString(l + "\n")
			continue
		}
		cells := strings.Split(l, "\t")
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
		if !in {
			b.WriteString("|" + strings.Repeat(" --- |", len(cells)) + "\n")
			in = true
		}
	}
	return b.String()
}

// subtotalOneline is a page without line breaks whose 表三 has a 小计
// column: each row's eight numbers in the digit dialects in turn (glued,
// spaced, the last two glued …), the first glued to the label.
func subtotalOneline(t testing.TB, r *report.Report) string {
	rowCounter.n = 0
	return onelineOf(withSubtotal(t, r), cycling)
}

// A 小计 column in 表三 is read past: every cell right, nothing said wrong;
// in tab text, as pdftotext -layout prints it, in a web page's table, in
// Markdown pipe tables, and on pages without cell borders or line breaks
// (its digits cut by 小计 = the five, 总计 = 自然人 + 小计, and the table's
// columns where several cuts hold).
func TestSubtotalColumn(t *testing.T) {
	measureLayouts(t, []layout{
		{"subtotal-tab", ".txt", withSubtotal},
		{"subtotal-layout", ".txt", func(t testing.TB, r *report.Report) string { return layoutOf(withSubtotal(t, r)) }},
		{"subtotal-page", ".html", subtotalHTML},
		{"subtotal-markdown", ".md", func(t testing.TB, r *report.Report) string { return pipeTables(withSubtotal(t, r)) }},
		{"subtotal-flat", ".txt", func(t testing.TB, r *report.Report) string { return flattened(withSubtotal(t, r)) }},
		{"subtotal-oneline", ".txt", subtotalOneline},
	}, []int64{1, 7, 13, 123}, 0.995)
}

// withNote is tab text with a note under 表三, as some reports print one
// (note: what it says; one that says 小计 says a word, not a column).
func withNote(t testing.TB, r *report.Report, note string) string {
	return perLine(textOf(t, r), func(l string) string {
		if strings.HasPrefix(l, "四、结转下年度") {
			return l + "\n" + note
		}
		return l
	})
}

// A note under 表三 is a line of its own, also on a page without line
// breaks where it runs into the last row's numbers ("…5000016注：本表…");
// one that says 小计 under a table without the column changes nothing.
func TestNoteUnderTable(t *testing.T) {
	var layouts []layout
	for name, note := range map[string]string{"note": "注：本表数据截至12月31日。", "subtotal-note": "注：总计为自然人与法人或其他组织小计之和。", "remark": "备注：无。"} {
		layouts = append(layouts,
			layout{name + "-layout", ".txt", func(t testing.TB, r *report.Report) string { return layoutOf(withNote(t, r, note)) }},
			layout{name + "-oneline", ".txt", func(t testing.TB, r *report.Report) string {
				rowCounter.n = 0
				return onelineOf(withNote(t, r, note), cycling)
			}},
			layout{name + "-flat", ".txt", func(t testing.TB, r *report.Report) string { return flattened(withNote(t, r, note)) }})
	}
	measureLayouts(t, layouts, []int64{1, 7}, 0.995)
}

func init() {
	fixtures = append(fixtures,
		// read past, and said: the table is not the national format's
		fixture{file: "subtotal-2021.txt", make: func(t testing.TB) []byte { return []byte(withSubtotal(t, truth())) }, want: truth, findings: []string{"PARSE.READ"}},
		fixture{file: "subtotal-page-2021.html", make: func(t testing.TB) []byte { return []byte(subtotalHTML(t, truth())) }, want: truth, findings: []string{"PARSE.READ"}},
		fixture{file: "subtotal-oneline-2021.txt", make: func(t testing.TB) []byte { return []byte(subtotalOneline(t, truth())) }, want: func() *report.Report {
			r := truth()
			blankNormative(r) // as oneline-2021.txt
			return r
		}, findings: []string{"PARSE.READ", "PARSE.AMBIGUOUS"}},
		fixture{file: "subtotal-oneline-errors-2021.txt", make: func(t testing.TB) []byte { return []byte(subtotalOneline(t, wrongRow())) }, want: func() *report.Report {
			r := wrongRow()
			blankNormative(r)
			return r
		}, findings: []string{"PARSE.READ", "T3.ROWSUM", "T3.OUTCOMES", "CELL.BLANK"}, errorsExpected: true},
		// a row that does not add up, its 小计 right: read, and the error its own
		fixture{file: "subtotal-errors-2021.txt", make: func(t testing.TB) []byte { return []byte(withSubtotal(t, wrongRow())) }, want: wrongRow,
			findings: []string{"PARSE.READ", "T3.ROWSUM", "T3.OUTCOMES", "CELL.BLANK"}, errorsExpected: true},
		fixture{file: "subtotal-errors-layout-2021.txt", make: func(t testing.TB) []byte { return []byte(layoutOf(withSubtotal(t, wrongRow()))) }, want: wrongRow,
			findings: []string{"PARSE.READ", "T3.ROWSUM", "T3.OUTCOMES", "CELL.BLANK"}, errorsExpected: true},
		// a note under 表三 on a page without line breaks, that says 小计 besides
		fixture{file: "note-oneline-2021.txt", make: func(t testing.TB) []byte {
			rowCounter.n = 0
			return []byte(onelineOf(withNote(t, truth(), "注：总计为自然人与法人或其他组织小计之和。"), cycling))
		}, want: func() *report.Report {
			r := truth()
			blankNormative(r)
			return r
		}, findings: []string{"PARSE.AMBIGUOUS"}},
	)
}
