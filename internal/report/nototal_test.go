package report_test

import (
	"fmt"
	"html"
	"slices"
	"strings"
	"testing"

	"gongkai/internal/report"
)

// withoutT3Total is a tab text with 表三's 总计 column taken out: its
// heading, and the last cell of each row.
func withoutT3Total(src string) string { return withoutT3Columns(src, 1) }

// withoutT3Columns is a tab text with 表三's last n columns taken out (1: 总计;
// 2: 其他 too, a table cut off at its page's right edge): their headings,
// and the last n cells of each row.
func withoutT3Columns(src string, n int) string {
	i, j := strings.Index(src, "三、收到和处理"), strings.Index(src, "四、政府信息公开行政复议")
	ls := strings.Split(src[i:j], "\n")
	for k, l := range ls {
		if f := strings.Split(l, "\t"); len(f) >= 8 && allNumbers(f[len(f)-7:]) {
			ls[k] = strings.Join(f[:len(f)-n], "\t")
		}
		ls[k] = strings.Replace(ls[k], "\t总计", "", 1)
		if n > 1 {
			ls[k] = strings.Replace(ls[k], "\t其他\t", "\t", 1)
			ls[k] = strings.TrimSuffix(ls[k], "\t其他")
		}
	}
	return src[:i] + strings.Join(ls, "\n") + src[j:]
}

func allNumbers(fs []string) bool {
	for _, f := range fs {
		if f == "" || strings.Trim(f, "0123456789") != "" {
			return false
		}
	}
	return true
}

// asTableHTML writes a tab text as a page, each line with tabs a table row.
func asTableHTML(src string) string {
	var b strings.Builder
	b.WriteString("<html><body>")
	in := false
	for _, l := range strings.Split(src, "\n") {
		if !strings.Contains(l, "\t") {
			if in {
				b.WriteString("</table>")
				in = false
			}
			b.WriteString("<p>" + html.EscapeString(l) + "</p>")
			continue
		}
		if !in {
			b.WriteString("<table>")
			in = true
		}
		b.WriteString("<tr>")
		for _, f := range strings.Split(l, "\t") {
			b.WriteString("<td>" + html.EscapeString(f) + "</td>")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</body></html>")
	return b.String()
}

// A 表三 whose 总计 column was taken out is read as the six applicants'
// columns, its totals unread, and said once; no cell is read into another
// column. Before, a row of tabs read its 自然人 cell blank and each number a
// column to the right (64 as 商业企业, 4 as 总计), and the rest of the table
// went unread.
func TestT3WithoutTotal(t *testing.T) {
	want := truth()
	src := withoutT3Total(textOf(t, want))
	if strings.Contains(src[strings.Index(src, "三、收到"):strings.Index(src, "本年新收")], "总计") {
		t.Fatal("the header still has 总计")
	}
	readFirstColumns(t, want, src, report.NumCols-1, "表三的表头没有“总计”栏")
}

// A 表三 cut off at its page's right edge (a table too wide for the page,
// printed to PDF: its 其他 and 总计 columns gone, headings and cells) is read
// as its first five columns, the two others unread, and said once; before,
// every row was said to have 5 numbers of 7 and went unread.
func TestT3CutOffAtTheRight(t *testing.T) {
	want := truth()
	src := withoutT3Columns(textOf(t, want), 2)
	if h := src[strings.Index(src, "三、收到"):strings.Index(src, "本年新收")]; strings.Contains(h, "总计") || strings.Count(h, "其他") != 1 {
		t.Fatalf("the header still has 其他 or 总计: %q", h)
	}
	readFirstColumns(t, want, src, report.NumCols-2, "表三的表头没有“其他”“总计”两栏")
}

// readFirstColumns checks src (a tab text of want whose 表三 has its first n
// columns), as tab text, as pdftotext -layout and as a page: those columns
// read right, the others unread, and said once as what.
func readFirstColumns(t *testing.T, want *report.Report, src string, n int, what string) {
	t.Helper()
	for name, text := range map[string]string{"t.txt": src, "l.txt": layoutOf(src), "h.html": asTableHTML(src)} {
		r := audit(t, name, []byte(text))
		for _, row := range want.Format.T3Rows() {
			got, w := r.Applications[row.Key], want.Applications[row.Key]
			for c := range report.NumCols {
				switch {
				case c < n && got[c] != w[c]:
					t.Errorf("%s %s column %d: %v, want %v", name, row.Key, c, got[c], w[c])
				case c >= n && !got[c].Blank():
					t.Errorf("%s %s column %d: %v read from a table without it", name, row.Key, c, got[c])
				}
			}
		}
		saidOnce(t, name, r, what)
	}
}

// withoutT4Total is a tab text with 表四's three 总计 columns taken out.
func withoutT4Total(src string) string {
	i, j := strings.Index(src, "四、政府信息公开行政复议"), strings.Index(src, "五、存在的主要问题")
	ls := strings.Split(src[i:j], "\n")
	for k, l := range ls {
		if f := strings.Split(l, "\t"); len(f) == 15 && allNumbers(f) {
			var out []string
			for x, v := range f {
				if x%5 != 4 {
					out = append(out, v)
				}
			}
			ls[k] = strings.Join(out, "\t")
		}
		ls[k] = strings.ReplaceAll(ls[k], "\t总计", "")
	}
	return src[:i] + strings.Join(ls, "\n") + src[j:]
}

// A 表四 without its three 总计 columns is read as four results a block,
// its totals unread, and said once; before, it went unread.
func TestT4WithoutTotal(t *testing.T) {
	want := truth()
	src := withoutT4Total(textOf(t, want))
	if strings.Contains(src[strings.Index(src, "四、政府信息公开行政复议"):strings.Index(src, "五、存在的主要问题")], "总计") {
		t.Fatal("表四 still has 总计")
	}
	for name, text := range map[string]string{"t.txt": src, "l.txt": layoutOf(src), "h.html": asTableHTML(src)} {
		r := audit(t, name, []byte(text))
		for b := range r.Appeals {
			for c := range 4 {
				if r.Appeals[b][c] != want.Appeals[b][c] {
					t.Errorf("%s block %d column %d: %v, want %v", name, b, c, r.Appeals[b][c], want.Appeals[b][c])
				}
			}
			if !r.Appeals[b][4].Blank() {
				t.Errorf("%s block %d: a total %v read", name, b, r.Appeals[b][4])
			}
		}
		saidOnce(t, name, r, "表四的表头没有“总计”栏")
	}
}

// saidOnce checks that r says what, as PARSE.READ, once, and has no
// CELL.BLANK and no error: the cells a table lacks are not blanks.
func saidOnce(t *testing.T, name string, r *report.Report, what string) {
	t.Helper()
	said := 0
	for _, f := range r.Findings {
		switch {
		case f.Rule == "PARSE.READ" && strings.Contains(f.Message, what):
			said++
		case f.Rule == "CELL.BLANK" || f.Severity == report.SevError:
			t.Errorf("%s: %s %s", name, f.Rule, f.Message)
		}
	}
	if said != 1 {
		t.Errorf("%s: %q said %d times", name, what, said)
	}
}

// withoutT4Last is a tab text whose 表四 lost its last n columns, headings
// and numbers, as a table wider than its page loses them in a PDF.
func withoutT4Last(src string, n int) string {
	i, j := strings.Index(src, "四、政府信息公开行政复议"), strings.Index(src, "五、存在的主要问题")
	ls := strings.Split(src[i:j], "\n")
	for k, l := range ls {
		f := strings.Split(l, "\t")
		switch {
		case len(f) == 15 && allNumbers(f):
			ls[k] = strings.Join(f[:15-n], "\t")
		case strings.HasSuffix(l, "\t总计") && strings.Count(l, "总计") == 2: // the two 行政诉讼 blocks' headings
			ls[k] = strings.Join(f[:len(f)-n], "\t")
		}
	}
	return src[:i] + strings.Join(ls, "\n") + src[j:]
}

// A 表四 cut off at its page's right edge (LibreOffice's PDF of a wide DOCX
// table: 13 columns, 复议后起诉's 尚未审结 and 总计 gone, or 14) is read as
// the columns it has, the others unread and said once; a narrative count of
// 行政诉讼 is not compared with a total that was not read. Before, the 13
// numbers were taken for a row with two blank cells, 复议后起诉 went unread,
// and its total counted as 0 gave a false N.TABLE.
func TestT4CutOffAtTheRight(t *testing.T) {
	want := truth()
	want.Appeals[2] = [5]report.Cell{report.N(1), report.N(0), report.N(0), report.N(0), report.N(1)}
	want.Sections["1"] = strings.Replace(want.Sections["1"], "被提起行政诉讼1件", "被提起行政诉讼2件", 1)
	for _, gone := range []int{2, 1} {
		src := withoutT4Last(textOf(t, want), gone)
		if h := src[strings.Index(src, "四、政府信息公开行政复议"):strings.Index(src, "五、存在的主要问题")]; strings.Count(h, "总计") != 2 || strings.Count(h, "尚未审结") != 4-gone {
			t.Fatalf("%d cut: the headings still have all the columns: %q", gone, h)
		}
		for name, text := range map[string]string{"t.txt": src, "l.txt": layoutOf(src), "h.html": asTableHTML(src)} {
			name = fmt.Sprintf("%d cut, %s", gone, name)
			r := audit(t, name, []byte(text))
			for b := range want.Appeals {
				for c := range report.T4Columns {
					got, w := r.Appeals[b][c], want.Appeals[b][c]
					switch {
					case b*5+c < 15-gone && got != w:
						t.Errorf("%s block %d column %d: %v, want %v", name, b, c, got, w)
					case b*5+c >= 15-gone && !got.Blank():
						t.Errorf("%s block %d column %d: %v read from a table without it", name, b, c, got)
					}
				}
			}
			saidOnce(t, name, r, fmt.Sprintf("表四的表头只有前 %d 栏", 15-gone))
			for _, f := range r.Findings {
				if f.Rule == "N.TABLE" || f.Rule == "T4.SUM" {
					t.Errorf("%s: %s %s", name, f.Rule, f.Message)
				}
			}
		}
	}
}

// A narrative count smaller than what the cut-off 表四 already holds without
// the total it lost is still compared: the direct suits alone exceed it.
func TestT4CutOffStillExceeded(t *testing.T) {
	want := truth()
	want.Appeals[2] = [5]report.Cell{report.N(1), report.N(0), report.N(0), report.N(0), report.N(1)}
	want.Sections["1"] = strings.Replace(want.Sections["1"], "被提起行政诉讼1件", "被提起行政诉讼0件", 1)
	r := audit(t, "t.txt", []byte(withoutT4Last(textOf(t, want), 2)))
	if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
		return f.Rule == "N.TABLE" && strings.Contains(f.Message, "表四仅直接起诉就有 1 件")
	}) {
		t.Errorf("no N.TABLE for a claim of 0 against 1 direct suit: %v", r.Findings)
	}
}

// A header whose 总计 lost a character (总审, 息计: an OCR) still has the
// total column: a 总 or a 计 among the header's words is no other word's.
// Before, the table was read without it, in a text without line breaks a
// row of seven glued numbers split into six with a wrong cell (17 15 1 0 3
// 339 read as 其他 339, the total 39 gone), and the rest of 表三 unread. A
// 计 of a row's label after the header (只计这一情形) is not the header's:
// a table without its 总计 column is still read as one (TestT3WithoutTotal).
func TestT3HeaderTotalMisread(t *testing.T) {
	for _, l := range []struct {
		name string
		make func(testing.TB, *report.Report) string
	}{{"oneline", onelineCycling}, {"flat", flatText}, {"tab", textOf}, {"cell-per-line", cellPerLine}} {
		for _, misread := range []string{"总审", "息计"} {
			for i := range 8 {
				truth := generated(i)
				src := l.make(t, truth)
				at := strings.Index(src, "申请人情况")
				if at < 0 {
					t.Fatalf("%s report %d: no 表三 header", l.name, i)
				}
				k := strings.Index(src[at:], "总计")
				if k < 0 {
					t.Fatalf("%s report %d: no header 总计", l.name, i)
				}
				src = src[:at+k] + misread + src[at+k+len("总计"):]
				r := audit(t, "r.txt", []byte(src))
				eachCount(truth, r, func(got, want report.Cell, prefix, cname string) {
					// (表二 in a text without line breaks has its own glued cells)
					if strings.HasPrefix(prefix, "applications") && got.String() != want.String() {
						t.Errorf("%s %s report %d: %s read %q, want %q", l.name, misread, i, cname, got, want)
					}
				})
			}
		}
	}
}
