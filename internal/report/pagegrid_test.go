package report_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"gongkai/internal/report"
)

// A report that leaves most zeros blank may have no complete row of 表三 on
// a page: alignShort then has nothing to place the rows with blanks by. Its
// rows' numbers still stand in seven clear columns all together, and each
// row is placed by them (placeByGrid), when it adds up. The fixtures:
// LibreOffice's PDF of a generated 2021-format report with a third of its
// zeros blank, read by our PDF reader and through pdftotext -layout. Before,
// 18 of its 25 rows were unread in both.
func TestRowsPlacedByTheirPagesColumns(t *testing.T) {
	readsWhole(t, "lo-blanks-nocomplete-2021.pdf")
	readsWhole(t, "pdftotext-layout-lo-blanks-nocomplete-2021.txt")
}

// A row of one digit (the 2019 format's （六）其他处理 with a 0 in 科研机构
// and the rest blank) is placed by its page's columns too: one digit is no
// digits run together. pdftotext -layout of LibreOffice's PDF.
func TestLoneDigitPlacedByThePagesColumns(t *testing.T) {
	readsWhole(t, "pdftotext-layout-lo-blanks-lone-2019.txt")
}

// A wrapped label's numbers on a line of their own, two or three counts far
// apart in a laid-out table ("（二）部分公开（区分处理的…" / "0    0" /
// "不计其他情形）"), stand in the table's columns: they are not joined to
// the label as cells one after another (as mutool's "246 246" is), which
// had left the row unread ("应有 7 个数，读到 2 个"). The fixture:
// pdftotext -layout of LibreOffice's PDF of a 2019-format report with blanks.
func TestFewCountsInColumnsAreNotJoined(t *testing.T) {
	readsWhole(t, "pdftotext-layout-lo-blanks-wrapped-2019.txt")
}

// 表四's row with a blank, in our PDF reader's text: its numbers' gaps are
// to scale, and a gap about twice the usual holds the blank (14 _ 0 14 28,
// where the sums alone allow the blank in any of four places). Before, only
// the block's total was read. The fixture: LibreOffice's PDF of a generated
// report with blank cells in 表三 and 表四. Its headings place the numbers
// too (TestT4HeadingsInNarrowColumnsPlaceBlanks), so the gaps are asked
// with the headings' lines taken out of its text.
func TestT4BlankPlacedByItsGap(t *testing.T) {
	const file = "lo-t4blanks-2021.pdf"
	readsWhole(t, file)
	want, _ := auditWithModel(t, file)
	lines, _, err := report.Lines(file, readFile(t, filepath.Join(auditDir, file)))
	if err != nil {
		t.Fatal(err)
	}
	var kept []report.Line
	for _, l := range lines {
		if !strings.Contains(l.Text, "维持") && !strings.Contains(l.Text, "审结") {
			kept = append(kept, l)
		}
	}
	if len(kept) == len(lines) {
		t.Fatal("no heading line of 表四 taken out")
	}
	r := report.Parse(kept)
	report.Check(r, nil)
	if fmt.Sprint(want.Appeals) != fmt.Sprint(r.Appeals) {
		t.Errorf("表四 = %v, want %v", r.Appeals, want.Appeals)
	}
	said := false
	for _, f := range r.Findings {
		said = said || f.Rule == "PARSE.READ" && strings.Contains(f.Message, "按数字之间的间距")
	}
	if !said {
		t.Errorf("the blank's place by the gaps not said: %v", r.Findings)
	}
}

// readSaid checks that auditing a fixture says (PARSE.READ) a reading whose
// message holds words.
func readSaid(t *testing.T, file, words string) {
	t.Helper()
	r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
	for _, f := range r.Findings {
		if f.Rule == "PARSE.READ" && strings.Contains(f.Message, words) {
			return
		}
	}
	t.Errorf("%s: no PARSE.READ saying %q", file, words)
}

// A narrow table's gaps, in whole columns, are 3 and 4 for one cell's
// width: the usual gap is their mean, so a 4 is no blank (with the median, 3,
// it was 1.33 gaps, and the row's spacing was not used). Chromium's A5 PDF
// of a 2019-format report whose 表四 leaves its first cell blank: the sums
// alone allow the blank first or last; the even gaps say no blank between.
func TestT4NarrowGapsAreOneCell(t *testing.T) {
	if right := t4AsTruth(t, "chrome-a5-t4blank-2019.pdf"); right != 15 {
		t.Errorf("%d cells of 表四 read right, want 15", right)
	}
}

// Our PDF reader writes a run of table headings in narrow columns (表四's
// 维持 纠正 结果 审结, two characters a column) each word at the column its
// place gives, as it does a cell's start; written a space apart, as running
// text's words are, the headings drifted left of the numbers under them, and
// a row with blanks was placed a column off with every block adding up (the
// row _ _ _ _ _ 1 _ _ _ 1 _ 2 _ _ 2 read as 1 in 结果纠正 and 2 in 尚未审结,
// silently). Chromium's PDF of a generated 2022 report with blank cells: 13
// cells of 表四 read wrong in 9 of 30 such pages; none now.
func TestT4HeadingsInNarrowColumnsPlaceBlanks(t *testing.T) {
	if right := t4AsTruth(t, "chrome-t4headers-blanks-2022.pdf"); right != 15 {
		t.Errorf("%d cells of 表四 read right, want 15", right)
	}
}

// A report that leaves every 0 blank may have no complete row in 表三 to
// place the others by, and columns blank on the whole page (社会公益组织,
// 法律服务机构) leave the page's grid of numbers fewer than seven columns: in
// our PDF reader's text the rows are placed by the headings above them
// (自/然/人, 商业/企业 … 总/计 in narrow columns), each word written where it
// starts on the page. Chromium's PDFs of generated reports with every 0
// blank: 150 and 163 of their cells read before (the rest unread, said),
// all now. In the first, 表三's row 1.本机关不掌握相关政府信(息) shares its
// line with 办理结果, the end of the merged 三、本年度办理结果 wrapped beside
// it: that piece is taken off the row's label (before, the label matched no
// row, and its numbers went to the blank row above it, 8.属于行政查询事项).
func TestT3HeadingsPlaceRowsWithBlanks(t *testing.T) {
	for _, file := range []string{"chrome-grouptail-blanks-2019.pdf", "chrome-t4headers-blanks-2022.pdf"} {
		want, _ := auditWithModel(t, file)
		if right, all := readsAsTruth(t, file), len(want.Format.T3Rows())*report.NumCols; right != all {
			t.Errorf("%s: %d of 表三's %d cells read right", file, right, all)
		}
	}
}

// The spacing of pdftotext -layout is not to scale: it closes up a row's
// gaps, blanks or not. A 表四 row with blanks there is placed by the sums
// alone, never by its even gaps (which would say there is no blank between
// any two numbers). Built here: the row 14 0 0 14 with blanks in a -layout
// text (evenly spaced).
func TestT4EvenGapsOfLayoutTextAreNoPlaces(t *testing.T) {
	text := strings.Join([]string{
		"四、政府信息公开行政复议、行政诉讼情况",
		"                   行政复议                                  行政诉讼",
		"                                          未经复议直接起诉                 复议后起诉",
		"结果   结果   其他   尚未   总计   结果   结果   其他   尚未   总计   结果   结果   其他   尚未   总计",
		"维持   纠正   结果   审结          维持   纠正   结果   审结          维持   纠正   结果   审结",
		"14   0   0   14   0   0   0   0   0   0   0   0",
	}, "\n")
	r := audit(t, "t4.txt", []byte(text))
	for b := range r.Appeals {
		for c, v := range r.Appeals[b] {
			if !v.Blank() && b == 0 && c < 4 {
				t.Errorf("行政复议[%d] = %s: the blank's place is not known", c, v)
			}
		}
	}
}

// pdftotext without -layout writes a table a number to a line; a blank cell
// leaves no line, so a row's seven numbers may run into the next row's. In
// a 表三 with rows short of numbers, a row of seven that does not add up is
// not the report's error (四、结转下年度继续办理 read as 1 0 0 0 26 0 1,
// the total row's 26 among them, was a false T3.ROWSUM): it is unread and
// said. Chromium's PDF of a 2019-format report with blanks.
func TestRunOnRowOfABlankyTableIsNoError(t *testing.T) {
	readsAsTruth(t, "pdftotext-raw-chrome-blanks-runon-2019.txt")
	r := audit(t, "runon.txt", readFile(t, filepath.Join(auditDir, "pdftotext-raw-chrome-blanks-runon-2019.txt")))
	if !saysWhy(r, "applications.carried_forward") {
		t.Error("四、结转下年度继续办理 unread and not said")
	}
}

// Our PDF's default text writes the header's 总计 after the table; with
// blank cells, some rows hold six numbers, which a table without 总计 would
// have. Two or more rows of seven that add up to more than 0 say the column
// is there; and a row of six whose last is the others' sum may be five
// cells, a blank and the total: it is not read as the first six columns.
// Before, such rows were (42 7 14 28 0 91 for 42 7 14 _ 28 0 91).
func TestBlankRowsOfSixAreNotTheFirstSixColumns(t *testing.T) {
	readsAsTruth(t, "pdftotext-raw-ours-blanks-2021.txt")
	readsAsTruth(t, "pdftotext-raw-ours-blanks-2019.txt")
}

// One row of seven adding up to 10 or more from two numbers or more says
// the 总计 column is there too, in a report that leaves most rows a cell
// short (rows of six then abound): our PDF's default text with its header's
// 总计 written after the table and its breaks made spaces, 17 15 1 0 3 3 39
// its only row of seven. Before, its rows of six were read as the first six
// columns (1.属于国家秘密 0 0 1 0 0 0 for 0 _ 0 1 0 0 1: 1 and 0 swapped).
func TestOneRowOfSevenSaysTheTotalColumn(t *testing.T) {
	const file = "flat-spaced-default-ours-blanks-onetotal-2024.txt"
	want, r := auditWithModel(t, file)
	cellsAsTruth(t, file, want, r)
	if saysOf(r, "PARSE.READ", "applications", "表头没有“总计”栏") {
		t.Error("read as a table without 总计")
	}
}

// In a table that leaves cells blank, a row of counts a space apart, fewer
// than its cells, is not cut a digit to a cell where that splits a count
// that is not its last: "0 12 2 1 17" (予以公开 0 12 2 _ 3 1 17 with the 3
// lost to the text) cut as 0 1 2 2 1 1 7 added up by chance and was read,
// unsaid. Now unread and said. (A page that glues a row's last two cells
// glues them in its last token: 1 0 0 0 0 312 is still cut.)
func TestCountsApartNotCutIntoDigits(t *testing.T) {
	readsSaying(t, "flat-spaced-default-ours-blanks-rowerror-apart-2024.txt", 0,
		saying{"PARSE.TABLE", "applications.granted", "逐位拆成 7 栏虽能凑成行内之和"})
}

// A header without 总计, rows of six (the real first six columns): a row
// whose last count is the others' sum is not placed, the others are.
func TestRowOfSixSummingToItsLast(t *testing.T) {
	text := strings.Join([]string{
		"三、收到和处理政府信息公开申请情况",
		"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
		"申请人情况",
		"自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他",
		"一、本年新收政府信息公开申请数量\t5\t1\t0\t0\t0\t2",
		"二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t1",
	}, "\n")
	r := audit(t, "six.txt", []byte(text))
	if got := r.Applications["new"][0]; got.String() != "5" {
		t.Errorf("new[自然人] = %q, want 5", got)
	}
	if got := r.Applications["carried_in"][0]; !got.Blank() || !saysWhy(r, "applications.carried_in") {
		t.Errorf("carried_in[自然人] = %q, want unread and said", got)
	}
}

// appealsUnread says no cell of r's 表四 is read, and that is said.
func appealsUnread(t *testing.T, what string, r *report.Report) {
	t.Helper()
	for b := range r.Appeals {
		for c, v := range r.Appeals[b] {
			if !v.Blank() {
				t.Errorf("%s: 表四 %d/%d read as %q, want unread", what, b, c, v)
			}
		}
	}
	if !saysWhy(r, "appeals") {
		t.Errorf("%s: 表四 unread, and not said", what)
	}
}

// t4AsTruth audits a fixture against its model in testdata/truth and checks
// 表四: each cell read as it is, or unread and said; no T4 finding. It
// returns the cells read right.
func t4AsTruth(t *testing.T, file string) int {
	t.Helper()
	want, r := auditWithModel(t, file)
	right := 0
	for b := range want.Appeals {
		for c, w := range want.Appeals[b] {
			switch got := r.Appeals[b][c]; {
			case got.String() == w.String():
				right++
			case !got.Blank():
				t.Errorf("%s: 表四 %d/%d = %q, want %q", file, b, c, got, w)
			case !saysWhy(r, "appeals"):
				t.Errorf("%s: 表四 %d/%d unread, and not said", file, b, c)
			}
		}
	}
	for _, f := range r.Findings {
		if strings.HasPrefix(f.Rule, "T4.") {
			t.Errorf("%s: a false %s: %s", file, f.Rule, f.Message)
		}
	}
	return right
}

// 表四 written a count to a line among its headings' words (pdftotext's
// default text of LibreOffice's PDF: … 维持 / 0 / 纠正 / 0 / 结果 / 1 /
// 复议后起诉 …) is read in the order written when there are fifteen counts
// and every group adds up, and said. Before, one number was read and 表四
// left unread.
func TestT4InterleavedWithHeadings(t *testing.T) {
	if right := t4AsTruth(t, "pdftotext-raw-lo-t4interleaved-2019.txt"); right != 15 {
		t.Errorf("%d cells of 表四 read right, want 15", right)
	}
	readSaid(t, "pdftotext-raw-lo-t4interleaved-2019.txt", "与表头的文字交错")
}

// pdftotext -layout of LibreOffice's PDF of a Word table (a generated 2020
// report, three zeros in ten blank): the characters' columns drift, a
// Chinese heading's against the digits under it, up to four characters by
// the row's right (其他 at 11, its 1 at 15; 复议后起诉's 其他 at 82, its 0 at
// 86), so no number is centred under its heading; in their order they lie
// nearest their headings one way only, and every group adds up so: read so,
// and said. Before, 表四 was unread.
//
// The headings' middles by characters may tie a number between two of them
// (其他 at 11 and 尚未 at 19, the number at 15: t4tie); by width (a Chinese
// character about two digits wide) it is nearer 其他, and the two measures
// must not disagree. The last block's 尚未审结 may drift five or six
// characters (尚未 at 85, its 0 at 91, 总计's at 95; t4error, whose one
// block not adding up is the report's error, said by T4.SUM: see
// TestT4ErrorAmongHeadings). Before, both were unread.
func TestT4DriftedUnderHeadings(t *testing.T) {
	for _, file := range []string{"pdftotext-layout-lo-docx-blanks-t4drift-2020.txt", "pdftotext-layout-lo-docx-blanks-t4tie-2019.txt"} {
		if right := t4AsTruth(t, file); right != 15 {
			t.Errorf("%s: %d cells of 表四 read right, want 15", file, right)
		}
		readSaid(t, file, "按先后次序与表头各栏最接近的唯一排法")
	}
}

// The same text may give 表四's counts a column across the blocks (… 维持 纠正
// 结果 审结 / 0 / 0 / 0 / 0 that are 行政复议's 尚未审结 and 总计 and the next
// block's first two, its own 尚未审结 after them): with all counts zero but
// the last block's 其他结果 and 总计 (0 0 1 0 1) the groups added up in the
// order written, and 1 was read as 结果维持. The words before a run of counts
// must name the cells they fill; fifteen zeros are the same in any order.
// Those words place each count (维持 / 0 / 纠正 / 0 / 结果 / 0 the first
// block's, each 维持 纠正 结果 审结 run the next block's four, 审结 / 0 and
// 总计 / 0 / 0 / 总计 / 1 the first block with that cell free): all fifteen
// are read (before, left unread).
func TestT4InterleavedOutOfOrder(t *testing.T) {
	if right := t4AsTruth(t, "pdftotext-lo-t4mixed-2021.txt"); right != 15 {
		t.Errorf("%d cells of 表四 read right, want 15", right)
	}
	readSaid(t, "pdftotext-lo-t4mixed-2021.txt", "按每个数前面的表头文字定出它所在的栏")
	if right := t4AsTruth(t, "pdftotext-lo-t4mixed-zeros-2021.txt"); right != 15 {
		t.Errorf("%d cells of 表四 read right, want 15", right)
	}
}

// The same text run into one line glues 表四's counts to its headings' words
// and to each other (…其他总计维持0纠正0结果2复议后起诉尚未…维持纠正结果审结
// 0000审结1…维持纠正结果审结0000总计3—4—0总计0, or with 总计 floating:
// …总计维持纠正结果审结00202): each run of digits is cut every way and
// placed by the words before it, and read when one reading alone has every
// group adding up (the page's number —4— between two counts left out).
// Before, no line of fifteen numbers was found and 表四 was left unread (900
// of 900 cells of 60 such pages; none now, none wrong). The fixtures:
// LibreOffice's PDF of the DOCX gongkai renders, pdftotext default, run
// into one line.
func TestT4GluedAmongHeadings(t *testing.T) {
	for _, file := range []string{"flat-default-lo-docx-2021.txt", "flat-default-lo-docx-twocuts-2021.txt", "flat-default-lo-docx-rowerror-2020.txt"} {
		if right := t4AsTruth(t, file); right != 15 {
			t.Errorf("%s: %d cells of 表四 read right, want 15", file, right)
		}
		readSaid(t, file, "表四的数字与表头的文字交错、连在一起")
	}
}

// 表四 placed among its headings' words, with one group that does not add up
// (the report's error), is read and the error said: the words (or the
// digits, one to a cell) say where each count goes, and the other two
// groups add up. Before, any group not adding up left 表四 unread and its
// error missed (60 of 60 such reports, LibreOffice's PDF of the DOCX
// gongkai renders through pdftotext's default text, run into one line or
// not; 12 of 60 in our own PDF's text run into one line, whose 表三 seemed
// to leave cells blank until its digits in order were read). The fixtures:
// those texts of generated reports with one cell of 表四 made one more. The
// same for 表四 placed in order under headings its numbers drift from
// (TestT4DriftedUnderHeadings; pdftotext -layout of the same PDF of a report
// that leaves cells blank): one group not adding up is the report's error,
// where a number placed in a wrong group would put two out. Before, 表四 was
// unread (the 60 such reports of the probe: 20.89 % of the cells read).
func TestT4ErrorAmongHeadings(t *testing.T) {
	for _, file := range []string{"pdftotext-lo-docx-t4error-2021.txt", "flat-default-lo-docx-t4error-2020.txt", "flat-default-ours-t4error-2020.txt", "pdftotext-layout-lo-docx-blanks-t4error-2025.txt"} {
		t.Run(file, func(t *testing.T) { t4ReadWithItsError(t, file) })
	}
}

// t4ReadWithItsError checks that the fixture's 表四 reads as its model, whose
// one group does not add up, and that T4.SUM says that group and no other
// error is said.
func t4ReadWithItsError(t *testing.T, file string) {
	t.Helper()
	want, r := auditWithModel(t, file)
	cellsAsTruth(t, file, want, r) // (none of 表三 or 表四 wrong)
	if want.Appeals != r.Appeals {
		t.Errorf("表四 read %v, want %v", r.Appeals, want.Appeals)
	}
	var wrong []string // the groups of the model that do not add up
	for b := range report.T4Blocks {
		var sum int64
		for c := range 4 {
			sum += want.Appeals[b][c].Val()
		}
		if sum != want.Appeals[b][4].Val() {
			wrong = append(wrong, "appeals."+report.T4Blocks[b].Key+".total")
		}
	}
	if len(wrong) != 1 {
		t.Fatalf("the model's groups not adding up: %v, want one", wrong)
	}
	if !saysOf(r, "T4.SUM", wrong[0], "") {
		t.Errorf("the report's error not said at %s", wrong[0])
	}
	for _, f := range r.Findings {
		if f.Severity == report.SevError && f.Rule != "T4.SUM" {
			t.Errorf("a false %s: %s", f.Rule, f.Message)
		}
	}
}

// Placed in order by the headings' middles by characters, 复议后起诉's last
// number (its 0 at 90: 尚未 at 84, 总计 at 94) would go under 总计, four
// characters off against six; it is 尚未审结's — the drift grows by the
// row's right — and by width it lies as near either, so 表四 is left unread
// and said, not read with a 总计 it has not (before the width decided, the
// probe's 100 such reports read two 总计 wrong). Its error is still said:
// no place of the blanks makes every group add up.
func TestT4DriftTiedByWidthUnread(t *testing.T) {
	file := "pdftotext-layout-lo-docx-blanks-t4lastdrift-2025.txt"
	want, r := auditWithModel(t, file)
	cellsAsTruth(t, file, want, r)
	if !saysOf(r, "PARSE.TABLE", "appeals", "无法确定空白的位置") {
		t.Error("表四 not said unread")
	}
	if !saysOf(r, "T4.SUM", "appeals", "无论空白在哪里") {
		t.Error("the report's error in 表四 not said")
	}
}

// Lines of whole counts with only blank lines between them (pdftotext's
// default text of Chromium's A5 PDF: 14 / 0 14 28 0 14 7 / 0 21 0 / 0 …) are
// one 表四 row wrapped, its counts whole cells. Before, the row ended at the
// first blank line, or its counts were cut as digits run together: false
// T4.SUM errors (结果维持 1 + 结果纠正 4 … ≠ 总计 4).
func TestT4RowWrappedOverLines(t *testing.T) {
	if right := t4AsTruth(t, "pdftotext-raw-chrome-a5-t4wrapped-2021.txt"); right < 11 {
		t.Errorf("%d cells of 表四 read right, want 11 at least (the first group's blank has four places)", right)
	}
	if right := t4AsTruth(t, "pdftotext-raw-chrome-a5-t4lines-2021.txt"); right != 15 {
		t.Errorf("%d cells of 表四 read right, want 15", right)
	}
}

// With one complete row to a page (pdftotext -layout of Chromium's A5 PDF
// of a report with blanks) the complete rows cannot tell whether the
// columns line up by characters or by display width; the short rows can
// (shortRowsMeasure). Before, a row that fitted by characters nowhere was
// placed by display width, a column off (2.其他法律行政法规禁止公开's six
// zeros from 商业企业 on, for 自然人 to 其他).
func TestShortRowsTellTheMeasure(t *testing.T) {
	if right := readsAsTruth(t, "pdftotext-layout-chrome-a5-blanks-2021.txt"); right < 20*report.NumCols {
		t.Errorf("%d cells of 表三 read right, want 140 at least", right)
	}
}

// pdftotext lays each page out anew: a Word table's page after a page break
// may hold no complete row, and its numbers in groups the page's grid does
// not trust (1 at 46, 11 at 51, 0 at 55: a two-digit number four characters
// left of its column's digits; on Chromium's A5 pages, a narrow 其他 four
// characters from 总计). Where the page's groups of two numbers or more
// make seven columns, its rows placed in their order nearest them one way
// only, and 表三's column identities all hold (or all but one column, as
// one wrong cell of a row not adding up breaks them), they are read so, and
// said.
// Before, such rows were unread (LibreOffice's PDFs of our DOCX through
// pdftotext -layout, three zeros in ten blank: 118 cells of 10 080, now
// none; six in ten: 872 of 16 800, now 480; none wrong). A page whose
// groups of two numbers or more are fewer than five, but whose groups of
// one count other than 0 make five with them (a report that leaves every 0
// blank: 3.要求提供公开出版物 3 … 3, （七）总计 55 2 3 4 64 after a page
// break), is read by those groups the same way; before, its three rows
// were unread (LibreOffice's PDFs of our DOCX, every 0 blank: 20 cells of
// 7 972).
func TestRowsPlacedByTheIdentities(t *testing.T) {
	for _, c := range []struct {
		file string
		rows int
	}{
		{"pdftotext-layout-lo-docx-blanks-pagecolumns-2022.txt", 25},
		{"pdftotext-layout-chrome-a5-blanks-2021.txt", 25},
		{"pdftotext-layout-lo-docx-blanks-pagealone-2022.txt", 25},
	} {
		if right := readsAsTruth(t, c.file); right != c.rows*report.NumCols {
			t.Errorf("%s: %d cells of 表三 read right, want %d", c.file, right, c.rows*report.NumCols)
		}
		readSaid(t, c.file, "只有这一种读法使全表各栏的勾稽关系都成立")
	}
	// The same with the report's own error in a row (（五）不予处理1.'s
	// 商业企业 one more): the identities hold but for that row's one wrong
	// cell's column, and that row is read too, its error said.
	file := "pdftotext-layout-lo-docx-blanks-pagecolumns-rowerror-2022.txt"
	want, r := auditWithModel(t, file)
	if right := cellsAsTruth(t, file, want, r); right != 25*report.NumCols+15 {
		t.Errorf("%s: %d cells of 表三 and 表四 read right, want %d", file, right, 25*report.NumCols+15)
	}
	readSaid(t, file, "除“（五）不予处理1.信访举报投诉类申请”一行的一个错数所在的一栏外都成立")
	if !saysOf(r, "T3.ROWSUM", "applications.not_processed.petition_complaint[total]", "") {
		t.Errorf("%s: the row's error not said", file)
	}
	// Seven groups apart, some of them a number alone (columns of zeros left
	// blank but one: the 1 of （七）总计's 科研机构), are the seven columns
	// too. Taken as six groups of two or more with the lone number set
	// aside, each way of giving the six to seven columns tried, a way held
	// the identities with four zeros a column off (they cannot see where
	// zeros go): a number alone is set aside only beside seven such groups.
	// (Their 表四 has the report's error, said.)
	// (…-wrapped: （二）部分公开's one number stands on a line of its own
	// between its wrapped label's lines, set far right at its column; taken
	// into the label's line as a cell to a line, it had lost its place, and
	// no page of 表三 placed by its columns could be asked.)
	for _, file := range []string{"pdftotext-layout-lo-docx-blanks-pagecolumns-lone-2020.txt", "pdftotext-layout-lo-docx-blanks-pagecolumns-zeros-2020.txt", "pdftotext-layout-lo-docx-blanks-pagecolumns-wrapped-2019.txt"} {
		want, r := auditWithModel(t, file)
		if right, all := cellsAsTruth(t, file, want, r), len(want.Format.T3Rows())*report.NumCols+15; right != all {
			t.Errorf("%s: %d cells of 表三 and 表四 read right, want %d", file, right, all)
		}
		readSaid(t, file, "只有这一种读法使全表各栏的勾稽关系都成立")
	}
}

// pdftotext lays a page out at a scale of its own: on the second page of a
// Word table (LibreOffice's PDF of our DOCX, six zeros in ten blank) the
// columns stand nine characters apart where they stood six on the first,
// and a number of two or three digits stands three or four characters left
// of its column's single digits (（七）总计's 312 at 40, the 0s of 自然人 at
// 43, 商业企业 at 52). The page's numbers then made eight groups, and no
// way of seeing them as seven columns was tried: the page's rows were
// unread (566 cells of 11 586 over sixty such reports, now 47, all of them
// 表四's; none wrong). Now each way of merging neighbouring groups into
// seven, four characters wide at most, is tried too, and the identities
// choose:
//   - pagescale: 312 and 52 merged with the 0s to their right;
//   - pagescale-narrow: two ways (15 at 44 with 商业企业's 0s at 48, or a
//     narrow 其他 at 82 with 总计 at 86) each add up row by row; only the
//     first holds the identities;
//   - pagescale-alike: the page's groups of two numbers or more and a
//     merge of its one number alone place every row alike, which is one
//     way, not two;
//   - pagescale-sixcols: 其他 blank on the whole page, the groups merged
//     into six (4305 and 369 at 41 with the 0s at 43, 492 and 123 at 49
//     with the 0s at 52); merged into seven instead, 49 and 52 three apart
//     where columns are nine, its zeros placed otherwise hold the
//     identities as well: of the ways of merging, those with fewest gaps
//     under half the usual (the last aside, 其他 to 总计, which may be
//     narrow) are tried. （七）总计's six numbers are one to each of the six
//     groups;
//   - pagescale-blankrow: 四、结转下年度继续办理 has no number at all (each
//     cell left blank): the identities count it 0, where they had found
//     the row missing and held no way;
//   - a5-blanks: a narrow (A5) page whose columns stand four characters
//     apart in seven groups is read by those groups alone: merged, its true
//     columns made other ways that held the identities too, and its rows
//     went unread (55 cells unread of 12 028 in sixty such reports became
//     582) — groups are merged only where their middles are closer than
//     half the page's usual gap.
func TestPageOfAnotherScalePlacedByMergedGroups(t *testing.T) {
	for _, file := range []string{
		"pdftotext-layout-lo-docx-blanks-pagescale-2021.txt",
		"pdftotext-layout-lo-docx-blanks-pagescale-narrow-2023.txt",
		"pdftotext-layout-lo-docx-blanks-pagescale-alike-2022.txt",
		"pdftotext-layout-lo-docx-blanks-pagescale-sixcols-2025.txt",
		"pdftotext-layout-lo-docx-blanks-pagescale-blankrow-2023.txt",
		"pdftotext-layout-lo-docx-a5-blanks-2023.txt",
	} {
		want, r := auditWithModel(t, file)
		if right, all := cellsAsTruth(t, file, want, r), len(want.Format.T3Rows())*report.NumCols+15; right != all {
			t.Errorf("%s: %d cells of 表三 and 表四 read right, want %d", file, right, all)
		}
		readSaid(t, file, "只有这一种读法使全表各栏的勾稽关系都成立")
	}
}

// pdftotext -layout of Chromium's PDF of a report that leaves cells blank:
// the rows with blanks are placed by a complete row near them (alignShort),
// and three kinds of complete row kept no columns to place by. Before, each
// put zeros a column off (wrong cells, blank ones read 0), now right or
// unread and said:
//   - a row whose first number stands one space after its long label was
//     pushed against it ("4.无正当理由大量反复申请 11 0 0 …", its first three
//     numbers a character or two left of the columns of 一、本年新收's): it
//     places only a row pushed so too, where the page has another;
//   - two complete rows that line up by display width by chance (a label's
//     characters making up a shift of one) where every other row lines up
//     by characters: the measure is the short rows' too (shortRowsMeasure
//     first);
//   - on a narrow (A5) page, a complete row pushed against its label and
//     closed up, a space between each number ("二、上年结转政府信息公开申请
//     2 0 2 0 1 1 6" under columns four apart): none of its places are
//     columns, and it places no row;
//   - a complete row pushed against its label and closed up at its start
//     only ("1.信访举报投诉类申请 984 0 0         0    0  0 984") where no
//     other complete row is on the page: its first places are none of the
//     columns', and a row that stands clear of its label ("（一）予以公开
//     123               246 0 369") was put a column right by them; such a
//     row places only rows pushed against their labels as it was.
//
// The fixtures: generated reports with three (A4) and six (A5) zeros in ten
// blank, and (sparse) one with whole rows and about half the other cells
// blank.
func TestRowsWithBlanksPlacedByRowsThatKeptTheirColumns(t *testing.T) {
	readsSaying(t, "pdftotext-layout-chrome-blanks-pushedrow-2020.txt", 157)
	readsSaying(t, "pdftotext-layout-chrome-blanks-measure-2025.txt", 164)
	readsSaying(t, "pdftotext-layout-chrome-a5-blanks-closedrow-2024.txt", 114)
	readsSaying(t, "pdftotext-layout-chrome-sparse-closedup-2019.txt", 86)
}

// A web page's narrow table printed from the browser (the report in a
// portal's right-hand column), through pdftotext -layout, where the report
// leaves its zeros blank: the one complete row, （一）予以公开, is closed up a
// space between each number ("12 13 0 1 0 3 29", 29 at 41) while the other
// rows' numbers stand up to 45, so its places are not the page's columns and
// it places no row (numbersRightOf). Before, it put three rows' last 0
// under 总计 (four wrong cells, blank ones read 0); now those rows are unread
// and said. And where the complete rows above and below a row with blanks
// place it differently (二、上年结转's "0 2 0 0" and （七）总计's "42 2 1 2"
// closed up, columns two apart, a character left or right from row to
// row), neither is trusted: （一）予以公开's 1 1 were put under 科研机构 and
// 社会公益组织, not 商业企业 and 科研机构. The fixtures: Chromium's prints
// of generated 2019 and 2020 reports inside a portal page, zeros blank.
func TestRowsWithBlanksNotPlacedByRowsClosedUp(t *testing.T) {
	readsSaying(t, "pdftotext-layout-portal-right-closedrow-2019.txt", 85)
	const file = "pdftotext-layout-portal-left-rowsdisagree-2020.txt"
	want, r := auditWithModel(t, file)
	if got := r.Applications["granted"]; got != want.Applications["granted"] && got != (report.Row{}) {
		t.Errorf("（一）予以公开 read %v, want %v or unread", got, want.Applications["granted"])
	}
	if !saysOf(r, "PARSE.TABLE", "applications.granted", "无法确定空白的位置") {
		t.Error("（一）予以公开 unread and not said")
	}
}

// Our PDF reader writes a character to a column, at the column its place
// gives: its rows line up by characters, always. A page with two complete
// rows whose first numbers stand a column apart by rounding (56 and 57), and
// the same by display width, had seemed to line up by width: the rows with
// blanks after a long label (2.其他法律行政法规禁止公开 0 0 0 0) were then
// placed a column right, wrong cells that still added up (10 of 300 such
// reports). The fixture: our PDF of a generated 2025 report, three zeros in
// ten left blank.
func TestPlacedTextLinesUpByCharacters(t *testing.T) {
	if right := readsAsTruth(t, "ours-blanks-longlabel-2025.pdf"); right < 175 {
		t.Errorf("%d cells of 表三 read right, want all 175", right)
	}
}

// 表四's headings stacked a character to a line (总 / 计: pdftotext -raw of
// Chromium's PDF) still name 总计: twelve numbers there are fifteen cells
// with three blank, not a table without 总计 read four results a block (that
// put 14 0 0 14 in 行政复议's first four cells for 14 0 0 _ 14).
func TestT4StackedTotalIsATotal(t *testing.T) {
	t4AsTruth(t, "pdftotext-raw-chrome-t4stacked-2021.txt")
	r := audit(t, "t4.txt", readFile(t, filepath.Join(auditDir, "pdftotext-raw-chrome-t4stacked-2021.txt")))
	for _, f := range r.Findings {
		if strings.Contains(f.Message, "表四的表头没有“总计”栏") {
			t.Errorf("read as a 表四 without 总计: %s", f.Message)
		}
	}
}

// pdftotext's default text of our PDF may put 表三's header cell 总计
// between the first row's sixth and seventh numbers ("一、本年新收…" / 6765 /
// … / 0 / 总计 / 8856). It is the header's, not the row （七）总计 far on:
// taken so, it left every row between unread (25 rows in 5 of 24 reports of
// counts ×123), and the table was read as one without 总计, so that a row of
// six zeros and a blank was read as six cells and a blank total.
func TestT3HeaderTotalAmongFirstRow(t *testing.T) {
	readsWhole(t, "pdftotext-ours-headertotal-2021.txt")
	readsAsTruth(t, "pdftotext-ours-headertotal-blanks-2021.txt")
	for _, file := range []string{"pdftotext-ours-headertotal-2021.txt", "pdftotext-ours-headertotal-blanks-2021.txt"} {
		r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
		for _, f := range r.Findings {
			if strings.Contains(f.Message, "表头没有“总计”栏") {
				t.Errorf("%s: read as a 表三 without 总计: %s", file, f.Message)
			}
		}
	}
}

// pdftotext's default text of a landscape page (Chromium's PDF) may put the
// right end of 表四's row after the sections beside it: its last counts a
// line each after 五's text or at the end of the report. Before, the counts
// before were taken for a row with blanks and placed by the sums, and one
// was wrong (复议后起诉's 总计 read as 2 for 4: its 2 0 2 took the last three
// places). Those after are read on when they make fifteen that add up, and
// said; otherwise 表四 is unread, and said.
func TestT4TailAfterLaterSections(t *testing.T) {
	for _, file := range []string{"pdftotext-chrome-landscape-t4tail-2019.txt", "pdftotext-chrome-landscape-t4tail-2021.txt"} {
		if right := t4AsTruth(t, file); right != 15 {
			t.Errorf("%s: %d cells of 表四 read right, want 15", file, right)
		}
		readSaid(t, file, "在其后的文字中各占一行")
	}
	// one of the two counts after 五's text gone: fourteen, no reading
	data := readFile(t, filepath.Join(auditDir, "pdftotext-chrome-landscape-t4tail-2021.txt"))
	cut := strings.Replace(string(data), "视频解读；二是建立更新提醒机制。\n\n0\n", "视频解读；二是建立更新提醒机制。\n\n", 1)
	if cut == string(data) {
		t.Fatal("the fixture's counts after 五 are not where the test takes one out")
	}
	appealsUnread(t, "a count missing", audit(t, "cut.txt", []byte(cut)))
	// bare page numbers at the pages' ends (1, 2, 3 …) are no cells, of 表四
	// nor of any table (page 2's number joined 表二's fee: "19.41" / "2")
	pages := strings.Split(string(data), "\f")
	for i := range pages[:len(pages)-1] {
		pages[i] += fmt.Sprintf("\n%d\n", i+1)
	}
	numbered := strings.Join(pages, "\f")
	if !strings.Contains(numbered, "19.41\n\n\n2\n\f") {
		t.Fatal("the fixture's 表二 fee no longer ends page 2: the test does not exercise page numbers in a table")
	}
	if d := cmp.Diff(tables(audit(t, "plain.txt", data)), tables(audit(t, "numbered.txt", []byte(numbered)))); d != "" {
		t.Errorf("with page numbers (-without +with):\n%s", d)
	}
}

// Pages numbered with a bare count at their foot (Chromium's PDF of a page
// whose @page footer is its number, as Word's often is): pdftotext's default
// text writes each number as a page's last line, or before a cell written
// after the footer (… / 3 / 369 / \f: 四's 总计). Left in, a number joined a
// table's rows (表三 read as runs of 21 numbers shared among labels it could
// not place: 11 rows unread), or was taken for 表四's displaced last count
// (a wrong reading: 4 read as 复议后起诉's 总计). Page numbers are the counts
// that end most pages as their places in the text do.
func TestBarePageNumbersAreNoCells(t *testing.T) {
	if right, all := readsAsTruth(t, "pdftotext-chrome-pagenumbers-2019.txt"), 7*len(report.Format2019.T3Rows()); right != all {
		t.Errorf("%d cells of 表三 read right, want all %d", right, all)
	}
	readsAsTruth(t, "pdftotext-chrome-pagenumbers-blanks-2019.txt")
	t4AsTruth(t, "pdftotext-chrome-pagenumbers-blanks-2019.txt")
	t4AsTruth(t, "pdftotext-chrome-pagenumbers-2019.txt")
	// with a running head at each page's top too (Word's header and footer),
	// a line below the form feed: its lines dropped count no pages of their own
	plain := readFile(t, filepath.Join(auditDir, "pdftotext-chrome-pagenumbers-2019.txt"))
	title, _, _ := strings.Cut(string(plain), "\n")
	headed := strings.ReplaceAll(string(plain), "\f", "\f\n"+title+"\n")
	if d := cmp.Diff(tables(audit(t, "plain.txt", plain)), tables(audit(t, "headed.txt", []byte(headed)))); d != "" {
		t.Errorf("with a running head (-without +with):\n%s", d)
	}
	// without its page breaks (pdftotext -nopgbrk) the last page's number
	// (4, after 六's text) cannot be told from 表四's displaced last count:
	// 表四, fourteen counts and a blank, is unread, not given the 4
	want, _ := auditWithModel(t, "pdftotext-chrome-pagenumbers-blanks-2019.txt")
	data := readFile(t, filepath.Join(auditDir, "pdftotext-chrome-pagenumbers-blanks-2019.txt"))
	r := audit(t, "nopgbrk.txt", bytes.ReplaceAll(data, []byte("\f"), nil))
	for b := range want.Appeals {
		for c, w := range want.Appeals[b] {
			if got := r.Appeals[b][c]; !got.Blank() && got.String() != w.String() {
				t.Errorf("without page breaks: 表四 %d/%d = %q, want %q or unread", b, c, got, w)
			}
		}
	}
}

// A complete row whose first number ran into its wrapped label ("…政府信息0":
// pdftohtml's runs have guessed widths, and a label filling its cell ends
// where the number's begins) gives no column to place other rows by: taken
// as one, its "column" at the label's end made the table seem aligned by
// display width, and rows with blanks were placed a column off (2.没有现成信息
// 需要另行制作's 0 0 _ 0 read as _ 0 _ 0 _ 0 _). pdftohtml -s of Chromium's PDF
// of a report with blanks.
func TestGluedFirstNumberPlacesNoRow(t *testing.T) {
	readsAsTruth(t, "pdftohtml-s-chrome-blanks-2021.html")
}

// pdftotext's default text of a table whose every 0 is a mark (—): the
// marks of three rows come in one run of 21 after the first row's label,
// the other two labels elsewhere (beside the merged （三）不予公开), as a
// run of numbers does, which is shared out seven at a time when every row
// adds up and the columns hold. A mark counts as 0 there (and stays the
// mark the report wrote); before, the three rows were unread. Chromium's
// PDF of a generated 2019 report with every 0 written —.
func TestRunOfMarksSharedOutAmongRows(t *testing.T) {
	const file = "pdftotext-raw-chrome-marks-runon-2019.txt"
	want := zerosAs(report.Generate(rand.New(rand.NewPCG(0, 99)), "示例第0局", 2019), "—")
	r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
	if d := cmp.Diff(tables(want), tables(r)); d != "" {
		t.Errorf("tables (-want +got):\n%s", d)
	}
	said := false
	for _, f := range r.Findings {
		said = said || f.Rule == "PARSE.READ" && strings.Contains(f.Message, "连成一串")
		if f.Rule == "PARSE.TABLE" {
			t.Errorf("%s %s", f.Cell, f.Message)
		}
	}
	if !said {
		t.Error("the run shared out is not said")
	}
}

// LibreOffice's PDFs of generated reports that leave every 0 blank, read
// by our PDF reader. In the first, 表三 goes on to a second page whose text
// all starts further right (its label column indented): each page's
// columns were counted from its own leftmost glyph, seven places left of the
// first page's headings, and no row there was placed; they are counted
// from the document's leftmost glyph now. In the second, 1.信访举报投诉类申请
// is printed beside its group's numeral and half its bracket ("（五 1.信访举
// 报", then "）不 投诉类申请"): the label matched no row until the numeral was
// taken off, and the row's numbers went to the blank row above it. Before,
// 163 and 169 of their 表三's 175 cells read; all now.
func TestLibreOfficePagesAndSplitGroupNumerals(t *testing.T) {
	for file, least := range map[string]int{"lo-pages-blanks-2022.pdf": 175, "lo-groupnumeral-blanks-2024.pdf": 175} {
		if right := readsAsTruth(t, file); right < least {
			t.Errorf("%s: %d cells of 表三 read right, want %d", file, right, least)
		}
	}
}

// 表四's numbers placed among blanks by the headings over them are kept only
// if each block then adds up with its blanks as 0 (or is all blank): a
// table that leaves its zeros blank and adds up has no block such as
// _ 1 _ 1 _. pdftotext -layout of LibreOffice's PDF of a generated report
// lost one of 表四's four numbers (1 … 1 … 1 for _ _ 1 _ 1 and _ _ _ 1 1):
// they were placed, by headings it closes up, with two false T4.SUM errors;
// now 表四 is unread and said. In LibreOffice's PDF of another such report,
// read by our PDF reader, 1 1 went under 其他结果 and 尚未审结 for 尚未审结
// and 总计, a false T4.SUM, placed by display width, which that text's
// columns (the page's places) do not follow: the sums keep it out now, and
// such text is no longer measured by display width at all.
func TestT4PlacedAmongBlanksAddsUp(t *testing.T) {
	for _, file := range []string{"pdftotext-layout-lo-t4lost-blanks-2023.txt", "lo-t4narrow-blanks-2021.pdf"} {
		t4AsTruth(t, file)
		_, r := auditWithModel(t, file)
		for _, f := range r.Findings {
			if f.Severity == report.SevError {
				t.Errorf("%s: a false %s: %s", file, f.Rule, f.Message)
			}
		}
	}
}

// A 表四 left all blank in our PDF reader's text, its headings stacked in
// pieces in narrow columns (结果 over 维持), is a blank table (CELL.BLANK,
// 表头都在), as one of cells is: before, it was said to be unreadable.
func TestBlankT4OfPlacedTextIsBlank(t *testing.T) {
	const file = "chrome-grouptail-blanks-2019.pdf"
	r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
	blank := false
	for _, f := range r.Findings {
		if f.Cell == "appeals" && f.Rule == "PARSE.TABLE" {
			t.Errorf("%s: %s", f.Rule, f.Message)
		}
		blank = blank || f.Cell == "appeals" && f.Rule == "CELL.BLANK" && strings.Contains(f.Message, "表头都在")
	}
	if !blank {
		t.Error("the blank 表四 is not said to be blank")
	}
}

// pdftotext -layout closes a narrow table's gaps up unevenly: in a report
// that leaves every 0 blank, a page's numbers may fall in seven groups that
// are not its columns, one of them a single number, and rows were placed
// a column off, each still adding up (no finding said it). In such text a
// page's grid needs two numbers or more in each column; our PDF reader's,
// whose gaps are to scale, does not. The fixtures: pdftotext -layout of
// Chromium's A5 PDF of a generated report, and of LibreOffice's PDF of the
// report gongkai renders as DOCX, both with every 0 blank: 5 and 6 cells of
// 表三 read wrong before (20 and 6 in the 30 and 20 such pages probed);
// none now, the rows unread and said.
//
// The rows left so then have their 总计 read where the 总计 column holds
// (readBlankTotals): the A5 fixture's blank rows were first said to have
// their numbers elsewhere (the unread rows' numbers counted as no row's),
// which kept that reading from being tried (145 cells of 表三 right).
func TestPageGridOfOneNumberColumnsIsNotTrusted(t *testing.T) {
	for _, c := range []struct {
		file string
		min  int
	}{{"pdftotext-layout-chrome-a5-allblank-2023.txt", 156}, {"pdftotext-layout-lo-docx-allblank-2019.txt", 0}} {
		if right := readsAsTruth(t, c.file); right < c.min {
			t.Errorf("%s: %d cells of 表三 read right, want %d at least", c.file, right, c.min)
		}
	}
}

// pdftotext -layout sets each word where it starts on the page, a column to
// a narrow character's width, so 表三's column headings stand over their
// numbers by the headings' starts and their characters' count (a Chinese
// character two such widths, written as one column). In a report that
// leaves most cells blank no row is complete and the page's groups of
// numbers are not its columns, so rows on the headings' page were unread
// (LibreOffice's PDF of 150 such reports: 1 452 cells of 表三 unread, none
// wrong). They are placed by the headings now — only where every number of
// the page stands within two columns of a heading's middle (our own PDF
// sets its headings otherwise: there they give no places), and a row only
// when it adds up; the next page, set by its own measure, is not (653
// unread, none wrong). Said, with the rows.
func TestT3PlacedByLaidHeadings(t *testing.T) {
	file := "pdftotext-layout-lo-blanks-headings-2022.txt"
	if right := readsAsTruth(t, file); right < 175 {
		t.Errorf("%s: %d cells of 表三 read right, want 175 at least", file, right)
	}
	readSaid(t, file, "各数按表头各栏在本页的位置读取")
}

// pdftotext -raw of a narrow table writes a label a few characters to a
// line and its numbers after the last ("2.申请人逾" / "期未按收费" / … /
// "政机关不再" / "处理其政府" / "信息公开申" / "请" / "240 240"). A piece that
// an earlier row's label has too (处理其政府 of （六）1.…行政机关不再处理其
// 政府信息公开申请) made that row the one waiting for numbers, and it took
// （六）2.'s; the numbers after "由大量反复" / "申请" went to （五）1.…投诉类
// 申请, not （五）4.…大量反复申请. A piece that goes on from the waiting row's
// last piece in its label is that row's. And a row's own numbers, left
// unread because its blanks cannot be placed, are not numbers apart from
// every row, which made the rows truly blank unread too. The fixtures:
// pdftotext -raw of Chromium's A5 PDF of a generated 2024 report and of
// LibreOffice's PDF of a generated 2019 report, every 0 blank.
func TestNarrowLabelPiecesKeepTheirRow(t *testing.T) {
	r := audit(t, "t4whole.txt", readFile(t, filepath.Join(auditDir, "pdftotext-raw-chrome-a5-blanks-t4whole-2024.txt")))
	if got := r.Applications["other.no_fee_paid"][report.ColTotal]; got.String() != "240" {
		t.Errorf("（六）2.'s 总计 = %q, want 240", got)
	}
	if saysOf(r, "PARSE.TABLE", "applications.other.no_correction", "") || r.Applications["other.no_correction"] != (report.Row{}) {
		t.Error("（六）1. took numbers, or was said unread: it is blank")
	}
	r = audit(t, "rowerror.txt", readFile(t, filepath.Join(auditDir, "pdftotext-raw-lo-blanks-rowerror-2019.txt")))
	if !saysOf(r, "PARSE.TABLE", "applications.not_processed.mass_repeat", "读到 2 个（4 4）") || saysOf(r, "PARSE.TABLE", "applications.not_processed.petition_complaint", "") {
		t.Error("（五）4.'s numbers 4 4 not said as its own")
	}
}

// A report that writes some zeros as — and leaves the others blank: a row
// with blanks placed by position (by a complete row, the page's grid or the
// headings) adds up with a mark as 0, as a row of digits does; before, such
// a row did not add up and stayed unread. pdftotext -layout of Chromium's
// PDF of a generated report (seed 2, its zeros — or blank at random): 74 of
// its 190 cells of 表三 and 表四 read before, 181 now, none wrong. (Over 30
// such pages: 61 % before, 93 % now; our PDF reader's text 67 % and 99 %.)
func TestRowsWithMarksAndBlanksPlaced(t *testing.T) {
	const file = "pdftotext-layout-chrome-marks-blanks-2021.txt"
	want := zerosAsOrBlank(report.Generate(rand.New(rand.NewPCG(2, 99)), "示例第2局", 2021), "—", rand.New(rand.NewPCG(2, 5)))
	r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
	right := 0
	check := func(cell string, got, w report.Cell) {
		switch {
		case got.String() == w.String():
			right++
		case !got.Blank():
			t.Errorf("%s = %q, want %q", cell, got, w)
		}
	}
	eachTableCell(want, r, check)
	if right < 181 {
		t.Errorf("%d of 190 cells read right, want 181", right)
	}
}

// pdftotext's default text of a narrow table (Chromium's A5 PDF): three
// rows' numbers in one run after 二、上年结转's label, the labels （一）予以公开
// and （二）部分公开 printed later (after the merged 三、本年度办理结果), and
// the next rows' labels wrapped ("1.属于国" / "家秘密" / their numbers). The
// first of those labels, read without numbers, took the run's next row; now
// a label whose own numbers follow it, after a run with as many rows left
// as the rows skipped between, gives the run's rest to those rows in the
// table's order (said), as a row with numbers on its line did. Before, 126
// of its 161 cells of 表三 read; all now.
func TestRunSharedByOrderBeforeAWrappedLabel(t *testing.T) {
	const file = "pdftotext-raw-chrome-a5-labelsafter-2019.txt"
	want, _ := auditWithModel(t, file)
	if right, all := readsAsTruth(t, file), len(want.Format.T3Rows())*report.NumCols; right != all {
		t.Errorf("%d of 表三's %d cells read right", right, all)
	}
	readSaid(t, file, "按表格的行序分给")
}

// eachTableCell calls fn with each cell of 表三 and 表四 of the truth and of
// the report read, and where it is.
func eachTableCell(truth, r *report.Report, fn func(where string, got, want report.Cell)) {
	for _, row := range truth.Format.T3Rows() {
		for c, w := range truth.Applications[row.Key] {
			fn(fmt.Sprintf("%s[%d]", row.Key, c), r.Applications[row.Key][c], w)
		}
	}
	for b := range truth.Appeals {
		for c, w := range truth.Appeals[b] {
			fn(fmt.Sprintf("表四 %d.%d", b, c), r.Appeals[b][c], w)
		}
	}
}

// pdftotext without -layout of LibreOffice's PDF writes 表三's first labels
// wrapped and without numbers (一、本年新收政府信息 / 公开申请数量 / 二、上年结转
// 政府信息 / 公开申请数量 / 三、本 （一）予以公开), then the header, then five
// rows' numbers in one run. The end of 二's label is 二's, not 一's, which
// ends the same way: 一 waited twice and the run was shared out a row off
// (表三 all unread). The fixture: a generated 2022 report's page printed by
// LibreOffice (writer_web).
func TestWrappedLabelEndIsThePendingRows(t *testing.T) {
	if right := readsAsTruth(t, "pdftotext-lo-wrappedtwice-2022.txt"); right != 175 {
		t.Errorf("%d cells of 表三 read right, want 175", right)
	}
}

// pdftotext without -layout of LibreOffice's PDF can put 表三's first row's
// numbers among the words of the column headings level with them (商业企业 /
// 0 / 0 / 科研 / 机构 / 1 / … / 总计 / 其他 / 0 / 1): the numbers up to the
// next row's label are that row's, in the order written, when they are seven
// and add up, and the reading is said. Before, the row read two numbers and
// was left unread, and with it the run of the next seven rows. The fixture:
// a generated 2020 report's page printed by LibreOffice (writer_web), where
// the table's numbers in blocks read more than one way (mostly zeros).
func TestFirstRowAmongColumnWords(t *testing.T) {
	if right := readsAsTruth(t, "pdftotext-lo-columnwords-2020.txt"); right != 161 {
		t.Errorf("%d cells of 表三 read right, want 161", right)
	}
	r := audit(t, "columnwords.txt", readFile(t, filepath.Join(auditDir, "pdftotext-lo-columnwords-2020.txt")))
	if !saysOf(r, "PARSE.READ", "applications.new", "0 0 1 0 0 0 1") {
		t.Error("the first row read among the column words, and not said with its numbers")
	}
}

// saysOf says r has a finding of rule on cell whose message holds text.
func saysOf(r *report.Report, rule, cell, text string) bool {
	return slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
		return f.Rule == rule && f.Cell == cell && strings.Contains(f.Message, text)
	})
}

// readsAndSays checks each fixture's reading with reads (readsWhole,
// readsAsTruth) and fails the test where its audit has no finding of rule
// on cell whose message holds text.
func readsAndSays(t *testing.T, files []string, reads func(*testing.T, string), rule, cell, text string) {
	t.Helper()
	for _, file := range files {
		reads(t, file)
		if r := audit(t, file, readFile(t, filepath.Join(auditDir, file))); !saysOf(r, rule, cell, text) {
			t.Errorf("%s: the reading not said (%s %s): %v", file, rule, text, r.Findings)
		}
	}
}

// Our PDF reader writes a 表三 row with blank cells with its first number at
// that number's column, as it writes a full row's (LibreOffice's PDF sets
// it less than a character after its label: 三、本 （一）予以公开 345 … 150 …
// 30 … 525). Before, only a line of six numbers or more was a row: the 345
// came a space after the label, a column of its own on the page, and the
// page's rows fell into seven columns by chance, one off (540 in 商业企业,
// the row still adding up) — wrong cells and a false T3.BALANCE. The
// fixture: a generated 2021 report with counts scaled, every 0 blank,
// printed by LibreOffice (writer_web).
//
// Its 6.属于四类过程性信息 row (30 30 on a line of its own under a wrapped
// label) is read since TestPlacedOneNumberUnderAWrappedLabel: every cell.
func TestPDFRowWithBlanksAfterItsLabel(t *testing.T) {
	if right := readsAsTruth(t, "lo-blanks-afterlabel-2021.pdf"); right < 175 {
		t.Errorf("%d cells of 表三 read right, want all 175", right)
	}
}

// Our PDF reader's text sets a row's cells on one line, each at its column:
// one number on a line of its own after a label's line (（二）部分公开（区分
// 处理的，只计这一情形， / 0 / 不计其他情形）) is a wrapped label's row of one
// cell, placed by its column. Before, it was taken for a table written a
// cell to a line (pdftotext's default text), its place lost: the row unread
// (70 rows of 300 reports that leave most zeros blank), or not found at
// all. The fixture: our PDF of a generated 2019 report, six zeros in ten
// left blank.
func TestPlacedOneNumberUnderAWrappedLabel(t *testing.T) {
	if right := readsAsTruth(t, "ours-blanks-wrappedone-2019.pdf"); right < 161 {
		t.Errorf("%d cells of 表三 read right, want all 161", right)
	}
}

// marksAsTruth audits a fixture against its model in testdata/truth, where
// the fixture writes some of the model's blank cells as a mark (—): each
// cell of 表三 and 表四 read as it is (a mark for a blank), or unread and
// said; no arithmetic error. It returns the cells read right.
func marksAsTruth(t *testing.T, file string) int {
	t.Helper()
	want, r := auditWithModel(t, file)
	right := cellsAsTruth(t, file, want, r)
	for _, f := range r.Findings {
		if strings.HasPrefix(f.Rule, "T3.") || strings.HasPrefix(f.Rule, "T4.") {
			t.Errorf("%s: a false %s: %s", file, f.Rule, f.Message)
		}
	}
	return right
}

// cellsAsTruth checks each cell of 表三 and 表四 of r against the model: read
// as it is (a mark for a blank), or unread and said. It returns the cells
// read right.
func cellsAsTruth(t *testing.T, file string, want, r *report.Report) int {
	t.Helper()
	right := 0
	eachTableCell(want, r, func(where string, got, w report.Cell) {
		switch {
		case got.String() == w.String(), w.Blank() && got.String() == "—":
			right++
		case !got.Blank():
			t.Errorf("%s: %s = %q, want %q", file, where, got, w)
		case !saysWhy(r, "applications") && !saysWhy(r, "appeals"):
			t.Errorf("%s: %s unread, and not said", file, where)
		}
	})
	return right
}

// truthCase is a fixture read against its model by marksAsTruth, with at
// least min cells right, and what said must find said (nil: nothing).
type truthCase struct {
	file string
	min  int
	said func(*report.Report) bool
}

// runTruthCases runs each case as a subtest.
func runTruthCases(t *testing.T, cases []truthCase) {
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			if right := marksAsTruth(t, c.file); right < c.min {
				t.Errorf("%d cells read right, want %d at least", right, c.min)
			}
			if _, r := auditWithModel(t, c.file); c.said != nil && !c.said(r) {
				t.Error("the reading not said")
			}
		})
	}
}

// Rows with blank cells and marks for 0 as real converters write them: each
// fixture a generated report, its counts scaled, each 0 blank or — (the
// model's blank cells), read against its model (marksAsTruth: every cell
// right, a mark for a blank, or unread and said; no false arithmetic error),
// with at least min cells right, and what said must find said.
func TestBlanksAndMarksAsTruth(t *testing.T) {
	runTruthCases(t, []truthCase{
		// A 表三 row with blank cells and marks (437 — — 46 483) is a row for our
		// PDF reader as one of numbers alone is (TestPDFRowWithBlanksAfterItsLabel):
		// its first number at its column, not a space after its label. The fixture:
		// a generated 2023 report, counts scaled, each 0 blank or — at random,
		// printed by LibreOffice (writer_web).
		{file: "lo-mixed-afterlabel-2023.pdf", min: 186},
		// A narrow page's 表三 headings stacked a character to a line, 自 a space
		// after the table's note (…第三项加 自 / 然 / 人): our PDF reader writes a
		// word so close to Chinese text a space after it, one column to each
		// character, not at its place, so 自 stood fifteen columns left of 然
		// and 人 and the headings made eight columns, not seven; the rows of a
		// report that leaves every 0 blank were then placed by nothing. That
		// word is left out of the headings' columns. The fixture: Chromium's A5
		// PDF of a generated 2021 report, every 0 blank (the same report as
		// flat-default-chrome-blanks-2021.txt). Before: 166 cells of 190.
		{file: "chrome-a5-blanks-headingnote-2021.pdf", min: 190},
		// 表四's numbers and marks set apart by wide gaps, fewer than fifteen
		// (44 — 44 44 22 — 66 44 —), are whole cells with blanks among them: not
		// digits and marks run together, cut into fifteen (4 4 — 4 4 2 2 …: wrong
		// cells and false T4.SUM). The fixture: pdftotext's default text of
		// Chromium's PDF of a generated 2022 report, counts scaled, each 0 blank or
		// — at random.
		{file: "pdftotext-chrome-mixed-t4spaced-2022.txt", min: 151},
		// A row of whole counts and marks standing alone a single space apart
		// (pdftotext -raw: — — — 44 44, 表四 44 — 44 44 22 — 66 44 —), fewer than
		// its cells, whose digits no cut makes add up, is not cut: the blanks of a
		// report that mixes blanks and marks left no trace there, and digits run
		// together are no likelier. Before, 44 was cut as 4 4 and the rows read
		// wrong, with a false T3.ROWSUM and T4.SUM. The fixture: a generated 2022
		// report, counts scaled, each 0 blank or — at random, LibreOffice's PDF
		// through pdftotext -raw.
		{file: "pdftotext-raw-lo-mixed-lonemarks-2022.txt", min: 172},
		// A report whose 表三 rows are whole counts a space apart, fewer than seven,
		// that add up (660 390 60 60 30 1200) leaves cells blank, even where those
		// rows are not placed (pdftotext -raw keeps no places): its 表四 of fifteen digits in whole
		// counts (60 60 120 30 30 30 30) is read with blanks where every group adds
		// up, not as fifteen one-digit cells said to be the report's error (false
		// T4.SUM, fifteen wrong cells). The fixture: pdftotext -raw of Chromium's A5
		// PDF of a generated 2024 report, counts scaled, every 0 blank. (表三 was
		// unread whole, 148 cells right, until rows on their lines were read
		// one by one; 155 until （六）2.'s numbers stopped going to （六）1.
		// and the rows' totals were read: TestNarrowLabelPiecesKeepTheirRow.)
		{file: "pdftotext-raw-chrome-a5-blanks-t4whole-2024.txt", min: 164},
		// pdftotext -layout of a narrow table closes gaps up: a row with blanks may
		// have a number under its neighbour's column (二、上年结转's 34 of 自然人 under
		// the row above's 136 of 商业企业), the row still adding up. When the table's
		// identities then fail in those two columns and hold in both with the
		// number moved, the row is unread and both readings said, not a false
		// T3.BALANCE. The fixture: Chromium's A5 PDF of a generated 2023 report,
		// counts scaled, each 0 blank or — at random, through pdftotext -layout.
		{file: "pdftotext-layout-chrome-a5-mixed-shifted-2023.txt", min: 177, said: func(r *report.Report) bool {
			return saysOf(r, "PARSE.AMBIGUOUS", "applications.carried_in", "移到自然人栏")
		}},
		// 表四 of whole counts and marks standing alone (170 — — 170 85 — — 85 85 —
		// 85 170), fewer than fifteen, that no cut of digits makes add up, is whole
		// cells with blanks among them: unread and said as such, not digits run
		// together that no cut makes add up (a false T4.SUM). The fixture:
		// pdftotext -raw of Chromium's PDF of a generated 2019 report, counts
		// scaled, each 0 blank or — at random.
		{file: "pdftotext-raw-chrome-mixed-t4lonemarks-2019.txt", min: 147, said: func(r *report.Report) bool {
			return saysWhy(r, "appeals")
		}},
	})
}

// A number in one glyph run with its label (LibreOffice's "2.重复申请 254")
// is written after the label, not at its column, and may make a column of
// its own on the page: the page's numbers then fell into seven columns one
// off (（七）总计's 635 of 自然人 read as 商业企业's, the row adding up, false
// T3.BALANCE and T3.OUTCOMES). In our PDF reader's text a page grid is
// taken only where 表三's headings, when they make seven columns, stand in
// its columns. The fixture: a generated 2019 report, counts scaled to
// thousands, every 0 blank, printed by LibreOffice (writer_web). (157 until
// the 总计 of rows whose blanks cannot be placed were read, the 总计 column
// holding: readBlankTotals.)
func TestPDFGridUnderItsHeadings(t *testing.T) {
	if right := readsAsTruth(t, "lo-blanks-big-gluedlabel-2019.pdf"); right < 159 {
		t.Errorf("%d cells of 表三 read right, want 159 at least", right)
	}
}

// pdftotext without -layout of LibreOffice's PDF may write a 表三 row's first
// number on its label's line and the rest a line each ("三、本 （一）予以公开
// 437" / "0" / "0" / …, a run of three rows' numbers): that line's numbers go
// on, as those of a label alone do (joinCellLines), so the run is shared out
// among the rows in order. Before, each number after went to a row of its
// own, and every row from （一） on was unread. The fixture: a generated
// 2023 report, counts scaled, printed by LibreOffice (writer_web).
func TestFirstCellOnLabelLineRunGoesOn(t *testing.T) {
	if right := readsAsTruth(t, "pdftotext-lo-firstcell-onlabel-2023.txt"); right != 175 {
		t.Errorf("%d cells of 表三 read right, want 175", right)
	}
}

// A row's first number run into its label ("…处理其政府信息公123", pdftohtml
// -xml of LibreOffice's PDF: a long label filling its cell) has no place of
// its own (its center -1). It was counted among the page's numbers' places
// as a column at -1, left of every other: the page's groups then made seven
// with it, the true first column taken for the second, and the rows with
// blanks were read a column off by their zeros, which the identities cannot
// see (2 cells wrong in 150 reports, six zeros in ten blank). A number
// without a place is no column's now: such a row is unread, and the
// page's columns are no longer made wrong by glued numbers (of those
// reports: 2 wrong -> 0, 2 522 cells unread -> 1 832; through pdftohtml's
// HTML, 116 -> 68).
//
// pdftohtml -xml's runs of LibreOffice's PDFs are a cell each, and stand
// where their cells do: such a page is now laid out as our PDF reader's
// (Line.Placed, the runs' places to scale), and this fixture reads whole
// (1 576 cells unread -> 976 in those reports). Chromium's PDFs join cells
// in one run ("123 738"), their characters spread over its width: laid out
// so, rows with blanks were read a column off (4 wrong cells in 170 such
// reports); such a page is read as text, as before (runsJoinCells).
func TestGluedFirstNumberMakesNoColumn(t *testing.T) {
	file := "pdftohtml-xml-lo-docx-blanks-gluedfirst-2025.xml"
	want, r := auditWithModel(t, file)
	if right, all := cellsAsTruth(t, file, want, r), len(want.Format.T3Rows())*report.NumCols+15; right != all {
		t.Errorf("%s: %d cells of 表三 and 表四 read right, want all %d", file, right, all)
	}
	file = "pdftohtml-xml-chrome-blanks-joinedruns-2022.xml"
	want, r = auditWithModel(t, file)
	noWrongCells(t, file, want, r, "")
}

// Such a row's other numbers may show where its glued one belongs: when
// they stand under the page's columns (its grid, or 表三's headings) from
// the second column (商业企业) on, the glued number can only be the first
// column's, 自然人 — the one left of them — and the row is read so when it
// adds up, and said (pdftohtml's HTML and -xml of LibreOffice's PDFs: …公1353 /
// 0 0 0 1353 under 商业企业, 科研机构, 法律服务机构 and 总计). The probe: 68 -> 63 and
// 1 716 -> 1 576 cells unread, none wrong; these two fixtures read whole.
func TestGluedFirstNumberIsTheFirstColumn(t *testing.T) {
	for _, file := range []string{"pdftohtml-lo-blanks-gluedfirst-2023.html", "pdftohtml-xml-lo-blanks-gluedfirst-placed-2025.xml"} {
		if right := readsAsTruth(t, file); right != 175 {
			t.Errorf("%s: %d cells of 表三 read right, want all 175", file, right)
		}
		readSaid(t, file, "它只能是自然人栏的")
	}
}

// A 表二 row with blank cells in a laid-out page (pdftotext -layout of
// LibreOffice's PDF, pdftotext-layout-lo-docx-t2blanks; our PDF through our
// reader, ours-t2blanks, whose 本年增/减 heading comes out "本年增 减") has
// fewer numbers than cells and often no complete row of its group to place
// it by. Its numbers lie under its group's column headings on the line
// above: each nearest its own heading (in 120 such reports, every number of
// a complete row, ten characters or more nearer than the next heading), so
// a number is placed where its nearest heading is four characters or more
// nearer than the next, in order. Before, such rows were unread (表二: 290
// cells of 24 050 through pdftotext -layout and 215 through our reader;
// now 76 and 1, none wrong). Running text's headings a space apart
// (pdftotext -raw, pdfminer) give no places: a row there stays unread.
func TestT2BlankCellsUnderTheHeadings(t *testing.T) {
	for _, file := range []string{"pdftotext-layout-lo-docx-t2blanks-2024.txt", "ours-t2blanks-2019.pdf"} {
		t2ReadsAsTruth(t, file)
		readSaid(t, file, "各数按表头各栏的位置读取")
	}
	// the same row in running text, its headings a space apart: unread
	for _, file := range []string{"pdfminer-page-2021.txt", "pdftotext-raw-chrome-page-2021.txt"} {
		r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
		if c := r.Proactive.Cell("normative_documents.issued"); !c.Blank() {
			t.Errorf("%s: 行政规范性文件 read %s by a place running text does not have", file, c)
		}
	}
}

// t2ReadsAsTruth audits a fixture whose 表二 has blank cells: every cell of
// 表二 read as its model in testdata/truth has it, blanks in their places,
// and no cell of 表三 or 表四 read wrong.
func t2ReadsAsTruth(t *testing.T, file string) {
	t.Helper()
	want, r := auditWithModel(t, file)
	blank := 0
	eachCount(want, r, func(got, w report.Cell, prefix, name string) {
		t2 := strings.HasPrefix(name, "表二")
		if got.String() != w.String() && (t2 || !got.Blank()) {
			t.Errorf("%s: %s = %q, want %q", file, name, got, w)
		}
		if t2 && w.Blank() {
			blank++
		}
	})
	if blank == 0 {
		t.Fatalf("%s: no blank cell in 表二", file)
	}
}

// pdftotext -layout of a wide table (Chromium's A4 landscape print of a
// report that leaves its 0s blank) drifts: 表四's numbers stand a column or
// two right of their headings, more the further right (2 2 4 of 纠正,
// 尚未审结 and 总计 under 纠正, 总计 and the next block's 维持; 74 74 148
// of 维持, 其他 and 总计 one and two columns off). Placed as they stand, one
// block does not add up, and that was claimed as the report's error (a
// false T4.SUM in three prints of 40, seven wrong cells). Where the numbers
// moved, in their order, a column or two each make every block add up, no
// error is claimed: 表四 unread, both placings said.
func TestT4DriftNoError(t *testing.T) {
	for _, file := range []string{"pdftotext-layout-chrome-a4land-blanks-t4drift-2021.txt", "pdftotext-layout-chrome-a4land-blanks-t4drift-2019.txt", "pdftotext-layout-chrome-a4land-blanks-t4drift-2020.txt"} {
		t.Run(file, func(t *testing.T) {
			t4AsTruth(t, file)
			_, r := auditWithModel(t, file)
			if !saysOf(r, "PARSE.AMBIGUOUS", "appeals", "把数挪到相邻一两栏") {
				t.Error("表四's two placings not said")
			}
		})
	}
}
