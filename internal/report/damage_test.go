package report_test

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"gongkai/internal/report"
)

// damage is a way a published text is changed on its way to us — by a
// converter, a font, a CMS, an OCR or a clerk — that leaves it a report a
// person reads as before.
type damage struct {
	name string
	do   func(string) string
	html bool // applies to a web page too (it does not touch the markup)
}

var (
	wordList = regexp.MustCompile(`>([一二三四五六]、)`)
	damages  = []damage{
		{"CRLF", func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }, true},
		{"CR alone", func(s string) string { return strings.ReplaceAll(s, "\n", "\r") }, true},
		{"tabs as ideographic spaces", func(s string) string { return strings.ReplaceAll(s, "\t", "\u3000") }, true},
		{"tabs as spaces", func(s string) string { return strings.ReplaceAll(s, "\t", "    ") }, true},
		{"spaces doubled", func(s string) string { return strings.ReplaceAll(s, " ", "  ") }, false},
		{"no-break spaces", func(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }, false},
		{"spaces as ideographic spaces", func(s string) string { return strings.ReplaceAll(s, " ", "\u3000") }, false},
		{"full-width digits", func(s string) string {
			return strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r - '0' + '０'
				}
				return r
			}, s)
		}, true},
		{"zero as 〇", func(s string) string { return strings.ReplaceAll(s, "0", "〇") }, true},
		{"trailing blanks", func(s string) string { return strings.ReplaceAll(s, "\n", "  \t\n") }, true},
		{"indented", func(s string) string { return strings.ReplaceAll(s, "\n", "\n\u3000\u3000") }, true},
		{"double-spaced", func(s string) string { return strings.ReplaceAll(s, "\n", "\n\n") }, true},
		{"half-width brackets", func(s string) string { return strings.NewReplacer("（", "(", "）", ")").Replace(s) }, true},
		{"half-width 、", func(s string) string { return strings.ReplaceAll(s, "、", "､") }, true},
		{"small forms", func(s string) string { return strings.NewReplacer("（", "﹙", "）", "﹚", "，", "﹐").Replace(s) }, true},
		{"ASCII comma and stop", func(s string) string { return strings.NewReplacer("，", ",", "。", ".").Replace(s) }, true},
		{"zero-width spaces", func(s string) string {
			var b strings.Builder
			for i, r := range s {
				b.WriteRune(r)
				if i%7 == 0 && r > 0x4e00 && r < 0x9fff {
					b.WriteString("\u200b")
				}
			}
			return b.String()
		}, true},
		{"headings numbered with a point", headingMarks("."), true},
		{"headings numbered with a comma", headingMarks("，"), true},
		{"headings numbered with a space", headingMarks(" "), true},
		{"form feeds", func(s string) string { // pdftotext starts each page after the first with one
			ls := strings.Split(s, "\n")
			for i := 37; i < len(ls); i += 37 {
				ls[i] = "\f" + ls[i]
			}
			return strings.Join(ls, "\n")
		}, true},
		{"full-width bars", func(s string) string { return strings.ReplaceAll(s, "|", "｜") }, false},
		{"a year in the heading", func(s string) string {
			return strings.Replace(s, "一、总体情况", "一、总体情况（2024年度）", 1)
		}, true},
		{"a colon after 申请数量", func(s string) string { return strings.ReplaceAll(s, "申请数量", "申请数量：") }, true},
		{"Word's list numbers", func(s string) string {
			return wordList.ReplaceAllString(s, `><![if !supportLists]><span style='mso-list:Ignore'>$1<span>&nbsp; </span></span><![endif]>`)
		}, true},
		{"a portal's layout table", func(s string) string {
			s = strings.Replace(s, "<body>", `<body><table width="100%"><tr><td>首页</td><td>`, 1)
			return strings.Replace(s, "</body>", `</td></tr><tr><td colspan="2">版权所有</td></tr></table></body>`, 1)
		}, true},
		{"character references", func(s string) string {
			if !strings.Contains(s, "<") {
				return s
			}
			var b strings.Builder
			for _, r := range s {
				if r > 127 {
					fmt.Fprintf(&b, "&#%d;", r)
				} else {
					b.WriteRune(r)
				}
			}
			return b.String()
		}, true},
	}
)

// headingMarks numbers the six sections' headings with sep for 、.
func headingMarks(sep string) func(string) string {
	r := strings.NewReplacer("一、总体", "一"+sep+"总体", "二、主动", "二"+sep+"主动", "三、收到", "三"+sep+"收到",
		"四、政府", "四"+sep+"政府", "五、存在", "五"+sep+"存在", "六、其他", "六"+sep+"其他")
	return r.Replace
}

// Every layout the reader knows, damaged in each of those ways: no cell of
// 表三 or 表四 is read wrong, every cell left unread is said (a PARSE
// finding), 95 % of them at least are read, and a clean report gets no error. Each damage here once hid a
// table, a heading or a row, or gave a wrong cell (the commits that fixed
// them name their own tests); this holds them all together, in every
// layout, so that a reader change that breaks one is seen.
func TestDamageNeverMisreads(t *testing.T) {
	reports := []int{0, 5} // the 2019 format, and a busy agency in the 2021 format
	if testing.Short() {
		reports = reports[:1]
	}
	for _, l := range allLayouts() {
		if l.name == "docx" || l.name == "word-gbk" {
			continue // not text a string edit leaves whole
		}
		page := l.ext == ".html" || l.ext == ".htm" || l.name == "markdown-html"
		for _, d := range damages {
			if page && !d.html {
				continue
			}
			cells, read := 0, 0
			for _, i := range reports {
				truth := report.Generate(rand.New(rand.NewPCG(uint64(i), 77)), fmt.Sprintf("示例第%d局", i), 2019+i%7)
				k := []int64{1, 7, 13, 123}[i%4]
				scale(truth, k)
				r, err := report.Read("r"+l.ext, []byte(d.do(l.make(t, truth))))
				if err != nil {
					t.Errorf("%s, %s, report %d: %v", l.name, d.name, i, err)
					continue
				}
				report.Check(r, nil)
				where := fmt.Sprintf("%s, %s, report %d", l.name, d.name, i)
				for _, row := range truth.Format.T3Rows() {
					for c, want := range truth.Applications[row.Key] {
						cells++
						if checkCell(t, where, r, "applications."+row.Key, fmt.Sprintf("%s[%d]", row.Key, c), r.Applications[row.Key][c], want) {
							read++
						}
					}
				}
				for b := range truth.Appeals {
					for c, want := range truth.Appeals[b] {
						cells++
						if checkCell(t, where, r, "appeals", fmt.Sprintf("表四 %d/%d", b, c), r.Appeals[b][c], want) {
							read++
						}
					}
				}
				for _, f := range r.Findings {
					if f.Severity == report.SevError && !(k > 1 && strings.HasPrefix(f.Rule, "N.")) {
						t.Errorf("%s: an error on a clean report: %s %s %s", where, f.Rule, f.Cell, f.Message)
					}
				}
			}
			// and nearly all of it read (a double-spaced printout's page
			// breaks leave a few rows unread, said)
			if read < cells*95/100 {
				t.Errorf("%s, %s: %d of %d cells read", l.name, d.name, read, cells)
			}
		}
	}
}

// checkCell fails on a cell read wrong, or left unread without a PARSE
// finding under prefix; it says whether the cell was read right.
func checkCell(t *testing.T, where string, r *report.Report, prefix, cell string, got, want report.Cell) bool {
	t.Helper()
	switch {
	case got.Blank():
		if !saysWhy(r, prefix) {
			t.Errorf("%s: %s unread, not said", where, cell)
		}
		return false
	case got.String() != want.String():
		t.Errorf("%s: %s = %s, want %s", where, cell, got, want)
		return false
	}
	return true
}

// A tab text whose tabs became spaces — four or eight of them (an editor's,
// a CMS's), or one ideographic space each (a converter's) — keeps a blank
// cell as a gap twice as wide. Read as a printed page's row (cells placed by
// their columns) the blanks went into the wrong columns: each tab is given
// back, and every blank is read in its own column.
func TestBlanksWhereTabsBecameSpaces(t *testing.T) {
	for _, make := range []func(testing.TB, *report.Report) string{textOf, strippedTab} {
		for name, tab := range map[string]string{"4 spaces": "    ", "8 spaces": "        ", "ideographic space": "\u3000"} {
			blanks, inPlace := 0, 0
			for i := range 12 {
				truth, n := blankTruth(i)
				blanks += n
				r := audit(t, "r.txt", []byte(strings.ReplaceAll(make(t, truth), "\t", tab)))
				eachCount(truth, r, func(got, want report.Cell, prefix, cell string) {
					switch {
					case got.String() == want.String():
						if want.Blank() {
							inPlace++
						}
					case got.Blank() && saysWhy(r, prefix):
					default:
						t.Errorf("tabs as %s, report %d: %s = %q, want %q", name, i, cell, got, want)
					}
				})
				for _, f := range r.Findings {
					if f.Severity == report.SevError {
						t.Errorf("tabs as %s, report %d: %s %s", name, i, f.Rule, f.Message)
					}
				}
			}
			if inPlace < blanks {
				t.Errorf("tabs as %s: %d of %d blanks read in their place", name, inPlace, blanks)
			}
		}
	}
}

// An OCR's misreads: a share of the Han characters of every layout (labels,
// headings, headers, text) replaced at random by others of a report, or
// dropped, or doubled by another. No
// cell of 表二, 表三 or 表四 is read wrong and no arithmetic rule fails on
// the clean report, however much goes unread; at 3 % most of each table is
// still read. (Before the reader knew misread labels, headings and headers
// by their likeness, rows were dropped and said blank, 表三's sums then gave
// false errors, a header's misread 总计 split a row wrong, and the shared
// end of two rows' labels gave one row the other's numbers.)
func TestOCRMisreadsNeverMisread(t *testing.T) {
	var pool []rune
	for _, r := range textOf(t, generated(0)) {
		if unicode.Is(unicode.Han, r) {
			pool = append(pool, r)
		}
	}
	n := 10
	if testing.Short() {
		n = 3
	}
	for _, m := range []struct {
		how  string // replace, drop or insert
		rate float64
	}{{"replace", 0.03}, {"replace", 0.12}, {"drop", 0.03}, {"insert", 0.03}} {
		rate := m.rate
		for _, l := range allLayouts() {
			if l.name == "docx" || l.name == "word-gbk" {
				continue // not text a string edit leaves whole
			}
			cells, read := 0, 0
			for i := range n {
				truth := generated(i)
				rng := rand.New(rand.NewPCG(uint64(i), 99))
				var b strings.Builder
				for _, r := range l.make(t, truth) {
					if unicode.Is(unicode.Han, r) && rng.Float64() < rate {
						switch m.how {
						case "drop":
							continue
						case "insert":
							b.WriteRune(r)
						}
						r = pool[rng.IntN(len(pool))]
					}
					b.WriteRune(r)
				}
				r, err := report.Read("r"+l.ext, []byte(b.String()))
				if err != nil {
					t.Errorf("%s, %s %.0f%%, report %d: %v", l.name, m.how, rate*100, i, err)
					continue
				}
				report.Check(r, nil)
				eachCount(truth, r, func(got, want report.Cell, prefix, cname string) {
					cells++
					switch {
					case got.String() == want.String():
						read++
					case !got.Blank():
						t.Errorf("%s, %s %.0f%%, report %d: %s read %q, want %q", l.name, m.how, rate*100, i, cname, got, want)
					}
				})
				for _, f := range r.Findings {
					if f.Severity == report.SevError && !strings.HasPrefix(f.Rule, "S.") && !strings.HasPrefix(f.Rule, "N.") && f.Rule != "CELL.BLANK" {
						t.Errorf("%s, %s %.0f%%, report %d: %s %s", l.name, m.how, rate*100, i, f.Rule, f.Message)
					}
				}
			}
			if rate < 0.05 && read < cells/2 {
				t.Errorf("%s, %s %.0f%%: %d of %d cells read", l.name, m.how, rate*100, read, cells)
			}
		}
	}
}

// 表三 written a cell to a line with wrapped labels, 一's label misread past
// knowing (一、本年新收题府 / 信二公开制请数量): the end of 二's wrapped label
// with its numbers (二、上年结转政府 / 信息公开申请数量 3 1 0 …) is 二's, not 一's
// — both labels end 政府信息公开申请数量, and 一 was the row expected next.
// Before, 一 was read with 二's numbers, a wrong row nothing flagged. 一 is
// read right by the numbers' order (t3Stream), or unread and said.
func TestWrappedEndOfTheWaitingRow(t *testing.T) {
	want := truth()
	src := cellPerLineWrapped(t, want)
	misread := strings.Replace(src, "一、本年新收政府\n信息公开申请数量", "一、本年新收题府\n信二公开制请数量", 1)
	if misread == src || !strings.Contains(src, "二、上年结转政府\n信息公开申请数量") {
		t.Fatal("the labels are not wrapped as the test means")
	}
	got := audit(t, "r.txt", []byte(misread))
	for _, key := range []string{"new", "carried_in"} {
		for c, cl := range got.Applications[key] {
			if !cl.Blank() && cl != want.Applications[key][c] {
				t.Errorf("%s[%d] read as %v, printed %v", key, c, cl, want.Applications[key][c])
			}
		}
	}
	if got.Applications["carried_in"] != want.Applications["carried_in"] {
		t.Errorf("二 read as %v, printed %v", got.Applications["carried_in"], want.Applications["carried_in"])
	}
	// (read right by the table's numbers in the text's order, its rows in
	// the template's, where they add up and the columns hold; else unread
	// and said)
	if got.Applications["new"] != want.Applications["new"] && !saysWhy(got, "applications.new") {
		t.Errorf("一 unread and not said: %v", got.Findings)
	}
}

// A page without line breaks with a contents list whose entries an OCR
// misread (二、行动公开政府信息情况, 四、政府信依公开…, 六、其他需要报告的事十):
// the entries still found are a contents list by their dot leaders and page
// numbers, and the report's headings are looked for after the last of them.
// Before, the list was taken for the report (its 三 and 四 each a dot
// leader, "no table": false S.MISSING errors), or cut off as a report of its
// own.
func TestFlatContentsWithEntriesMisread(t *testing.T) {
	want := truth()
	for _, misread := range []*strings.Replacer{
		strings.NewReplacer("二、主动公开政府信息情况…", "二、行动公开政府信息情况…", "四、政府信息公开行政复议、行政诉讼情况…", "四、政府信依公开行政复议、行政诉讼情况…"),
		strings.NewReplacer("四、政府信息公开行政复议、行政诉讼情况…", "四、政府复息公开行政复议、行政诉讼情况…", "六、其他需要报告的事项…", "六、其他式要报开的事项…"),
	} {
		readsDespite(t, want, contentsOneline(t, want), misread)
	}
}

// A page without line breaks whose headings are numbered in Roman numerals
// (Ⅰ、总体情况, II.主动公开…), some misread by an OCR: three numbered headings
// whole are enough to know the others (IV. and Ⅲ、 with their words
// misread, found by their numerals between), and a numbered heading whose
// words are one character off the template's (II.主动公开政府信息总况) is
// found as the numbering and a keyword whole say. Before, fewer than four
// headings whole found nothing: every table unread under a single
// S.MISSING.
func TestFlatRomanHeadingsMisread(t *testing.T) {
	want := truth()
	for _, misread := range []*strings.Replacer{
		strings.NewReplacer("Ⅲ、收到和处理政府信息公开申请情况", "Ⅲ、收到和处理政府信情公开申请情况", "IV.政府信息公开行政复议、行政诉讼情况", "IV.政府信息公开行政复果、行政诉讼情况",
			"Ⅴ、存在的主要问题及改进情况", "Ⅴ、存在的主要况题及改进情况"),
		strings.NewReplacer("II.主动公开政府信息情况", "II.主动公开政府信息总况", "Ⅲ、收到和处理政府信息公开申请情况", "Ⅲ、收到和处理政府信息公总申请情况",
			"IV.政府信息公开行政复议、行政诉讼情况", "IV.政府信息公开行政复果、行政诉讼情况", "VI.其他需要报告的事项", "VI.其他需要报告的信项"),
	} {
		readsDespite(t, want, romanOneline(t, want), misread)
	}
}

// A heading whose numeral and one character of its words an OCR misread
// (内、主动公开政府信息务况) on a page without line breaks is found between the
// headings read, and said: section 二 was missing, with 表二; so for
// sections 三 to 六.
func TestFlatHeadingNumeralAndWordMisread(t *testing.T) {
	want := truth()
	for _, misread := range []*strings.Replacer{
		strings.NewReplacer("二、主动公开政府信息情况", "内、主动公开政府信息务况"),
		strings.NewReplacer("三、收到和处理政府信息公开申请情况", "王、收到和处理政府信息公开申请情务"),
		strings.NewReplacer("四、政府信息公开行政复议、行政诉讼情况", "内、政府信息公开行政复议、行政诉讼况况"),
		strings.NewReplacer("五、存在的主要问题及改进情况", "正、存在的主要问题及改进情务", "六、其他需要报告的事项", "大、其他需要报告的事务"),
	} {
		readsDespite(t, want, onelineCycling(t, want), misread)
	}
	// the last heading so misread, on a line of its own
	readsDespite(t, want, textOf(t, want), strings.NewReplacer("六、其他需要报告的事项", "大、其他需要报告的事务"))
}

// readsDespite audits src with misread's replacements made (each must
// change it) and wants no S.MISSING and every count of 表三 and 表四 read as
// printed (表二's glued rows may stay unread).
func readsDespite(t *testing.T, want *report.Report, src string, misread *strings.Replacer) {
	t.Helper()
	damaged := misread.Replace(src)
	if damaged == src {
		t.Fatal("the text is not misread as the test means")
	}
	got := audit(t, "r.txt", []byte(damaged))
	for _, f := range got.Findings {
		if f.Rule == "S.MISSING" {
			t.Errorf("S.MISSING: %s", f.Message)
		}
	}
	eachCount(want, got, func(g, w report.Cell, prefix, name string) {
		if !strings.HasPrefix(prefix, "proactive") && g.String() != w.String() {
			t.Errorf("%s read as %v, printed %v", name, g, w)
		}
	})
}

// A narrow grid (pdftotext -layout of a table whose label column wraps)
// with a character of a wrapped label misread on the line of its numbers
// ("三、 （四）无法 2.没有现收信息需 0 0 …" / "本年 提供 要另行制作"): the
// label is known by that line's words and the last word of the line after
// (the label column's; the words before it are pieces of the merged
// columns). Before, the row was unread.
// So in a centred grid, whose line after starts with a piece of the merged
// 三、本年度办理结果 (三、本 / 供 / 行制作): no other row's start.
func TestNarrowGridWrappedLabelMisread(t *testing.T) {
	want := truth()
	for name, layout := range map[string]func(testing.TB, *report.Report) string{"narrow": gridNarrow, "centred": gridCentered} {
		src := layout(t, want)
		damaged := strings.Replace(src, "2.没有现成信息需", "2.没有现收信息需", 1)
		if damaged == src {
			t.Fatalf("%s: the label is not laid out as the test means", name)
		}
		got := audit(t, "r.txt", []byte(damaged))
		if g, w := got.Applications["unavailable.needs_creation"], want.Applications["unavailable.needs_creation"]; g != w {
			t.Errorf("%s: needs_creation read as %v, printed %v", name, g, w)
		}
		if !slices.ContainsFunc(got.Findings, func(f report.Finding) bool {
			return f.Rule == "PARSE.READ" && f.Cell == "applications.unavailable.needs_creation"
		}) {
			t.Errorf("%s: the misread label is not said: %v", name, got.Findings)
		}
	}
}

// 表四 with a blank cell under headings whose last 总计 an OCR misread
// (补计), or whose 总计s are misread each its own way in a text a cell to a
// line (总科, 类计), or dropped: fourteen numbers are not a table cut off at
// the page's right edge (its last column gone from the headings and the row
// alike) — each heading is counted by either of its characters, 总计 also by
// words one character off it, and a cut-off table's two whole groups add
// up. Before, the fourteen were read into the first fourteen columns, the
// blank's column wrong.
func TestT4BlankUnderMisreadTotals(t *testing.T) {
	want := truth()
	want.Appeals = appealsOf(2, 1, 0, 1, 4, -1, 1, 0, 1, 2, 0, 0, 0, 0, 0)
	grid := gridCentered(t, want)
	i := strings.LastIndex(grid, "总计")
	perLine := cellPerLine(t, want)
	j := strings.Index(perLine, "\n总计\n")
	k := strings.LastIndex(perLine, "\n总计\n")
	if i < 0 || j < 0 || k <= j {
		t.Fatal("the headings are not laid out as the test means")
	}
	for name, src := range map[string]string{
		"grid":     grid[:i] + "补计" + grid[i+len("总计"):],
		"per line": perLine[:j] + "\n总科\n" + perLine[j+len("\n总计\n"):k] + "\n类计\n" + perLine[k+len("\n总计\n"):],
		// the last 总计 dropped by an OCR, and fourteen numbers because of
		// a blank before it: the first two groups do not add up so read,
		// so this is no table cut off at the page's edge
		"per line, a heading dropped": perLine[:k] + "\n" + perLine[k+len("\n总计\n"):],
	} {
		got := audit(t, "r.txt", []byte(src))
		t4AsPrinted(t, name+": ", got.Appeals, want.Appeals)
	}
}

// An OCR that drops characters on a page without line breaks: 表三's row
// 四、结转年度继续办理 (下 lost) is no section heading though section 四's own
// numeral is lost too (、政府信息公开行政复议…): it was cut from its numbers,
// CELL.BLANK and a false T3.BALANCE (now unread and said); and a header
// that lost its 总计 is no table without a total column when its rows hold
// the 其他 and 总计 cells glued ("4 0 0 0 0 04"): read as six columns, their
// cells were wrong.
func TestFlatDroppedCharacters(t *testing.T) {
	want := truth()
	got := audit(t, "r.txt", []byte(strings.NewReplacer("四、结转下年度继续办理", "四、结转年度继续办理",
		"四、政府信息公开行政复议、行政诉讼情况", "、政府信息公开行政复议、行政诉讼情况").Replace(onelineCycling(t, want))))
	for _, f := range got.Findings {
		if f.Severity == report.SevError {
			t.Errorf("an error on a clean report: %s %s", f.Rule, f.Message)
		}
	}
	eachCount(want, got, func(g, w report.Cell, prefix, name string) {
		if !g.Blank() && g.String() != w.String() {
			t.Errorf("%s read as %v, printed %v", name, g, w)
		}
	})
	for i := range 4 {
		truth := generated2019(i)
		// every row of 表三 so, 表四's and 表二's glued
		src := onelineText(t, truth, func(label string, nums []string) string {
			if len(nums) != report.NumCols {
				return label + strings.Join(nums, "")
			}
			return label + lastTwo(nums)
		})
		damaged := strings.Replace(src, "法人或其他组织总计", "法人或其他组织", 1)
		if damaged == src {
			t.Fatal("no header to damage")
		}
		got := audit(t, "r.txt", []byte(damaged))
		eachCount(truth, got, func(g, w report.Cell, prefix, name string) {
			if !g.Blank() && g.String() != w.String() {
				t.Errorf("report %d: %s read as %v, printed %v", i, name, g, w)
			}
		})
	}
}
