package report_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"gongkai/internal/report"
)

// pdftotext without -layout (its default, the commonest way a PDF becomes
// text) of Chromium's PDF of our 2019-format report. Two orders it writes
// that were misread:
//   - 表二's last two items give both labels first, then each item's
//     column headings with its numbers (行政事业性收费 / 第二十条第（九）项 /
//     政府集中采购 / 上一年项目数量 / 本年增/减 / 2 -7 / 采购项目数量 / 采购总金额 /
//     …): the numbers under 上一年项目数量 are 行政事业性收费's, not those of
//     the label read last. Before, 政府集中采购 was given them, with a false
//     CELL.INVALID error for its negative amount, and 行政事业性收费 went unread.
//   - 表三's numbers of three rows in one run after the first's label, two
//     of whose labels come after the whole table (3.危及… then 21 numbers,
//     then 6.属于四类过程性信息 with its own; 4. and 5. at the end), and
//     （五）不予处理's piece 处理 on a line of its own, which was taken for the
//     end of （六）其他处理: the run's rest goes to the rows between, in the
//     table's order, when they are exactly as many. Before, twelve rows went
//     unread.
//
// Every cell of the three tables is read, with no finding but PARSE.READ.
func TestRawTextOfA2019Report(t *testing.T) {
	file := "pdftotext-raw-chrome-2019.txt"
	r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
	sameReport(t, truth2019(), r)
	for _, f := range r.Findings {
		if f.Rule != "PARSE.READ" {
			t.Errorf("%s %s %s", f.Rule, f.Cell, f.Message)
		}
	}
}

// More of pdftotext's default text of Chromium's PDFs of generated reports
// with counts in the thousands (their models beside the tests), each read
// whole where some rows had gone unread:
//   - grouppiece (2019 format): （五）不予处理's piece 处理 on a line of its
//     own between the wrapped label 4.无正当理由大量反复申 / 请 was taken for
//     the end of （六）其他处理, a row far on, and given a third of the run
//     after it; and 四、结转下年度继续办理's total came after the merged
//     cells' words, which pdftotext writes after the table;
//   - lasttotal: that last total alone, joined to the last piece of those
//     words ("他处理 861");
//   - tailtotals: two rows' totals there (二、上年结转's and 四、结转下年度's),
//     given back in the table's order, each row adding up.
//
// A row short of numbers there had made every run shared out among labels
// unread too, as the table's columns could not be checked.
func TestRawTextTotalsAfterTheTable(t *testing.T) {
	for _, file := range []string{"pdftotext-raw-chrome-grouppiece-2019.txt", "pdftotext-raw-chrome-lasttotal-2021.txt", "pdftotext-raw-chrome-tailtotals-2021.txt"} {
		t.Run(file, func(t *testing.T) { readsWhole(t, file) })
	}
}

// pdftotext's default text of a report whose 表三 leaves cells blank (no
// trace of them in the text) comes out scrambled: labels out of the table's
// order, a row's numbers one to a line mixed with other rows', or run down
// the columns. A row of seven there may hold other rows' numbers (（四）3.'s
// 0 0 0 0 0 0 0, where the report has 0, a blank, 0 0 0 0 and a blank):
// with labels out of order (three or more, before the table's last row), or
// most rows short of numbers, and a row short, nothing of 表三 is placed,
// and that is said. Before, such rows were read wrong. The fixtures:
// Chromium's PDF of a generated 2019 report and LibreOffice's PDF of our
// DOCX of a 2021 one, both with blank cells, through pdftotext.
func TestScrambledTableWithBlanksIsNotPlaced(t *testing.T) {
	for _, file := range []string{"pdftotext-raw-chrome-scrambled-blanks-2019.txt", "pdftotext-raw-lo-blanks-2021.txt"} {
		t.Run(file, func(t *testing.T) {
			readsAsTruth(t, file) // every cell right or unread and said, no false error
			r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
			if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
				return f.Rule == "PARSE.TABLE" && f.Cell == "applications" && (strings.Contains(f.Message, "次序错乱") || strings.Contains(f.Message, "大多数行少了数"))
			}) {
				t.Errorf("not said: %v", r.Findings)
			}
		})
	}
	// the guard keeps to such texts: a layout text reads its rows
	for _, f := range audit(t, "l.txt", []byte(layoutOf(textOf(t, truth2019())))).Findings {
		if strings.Contains(f.Message, "次序错乱") || strings.Contains(f.Message, "大多数行少了数") {
			t.Errorf("layout text said scrambled: %s", f.Message)
		}
	}
}

// mutool's text (PyMuPDF's get_text) of a report that leaves its zeros blank
// writes each row's numbers a line each after its label, its blank cells
// leaving nothing: most rows short, which a text run down the columns gives
// too. Where every row adds up as its numbers stand (the last its 总计), three
// rows or more adding two counts or more other than 0, the numbers are the
// rows' own: 表三 is read as any text with blanks is (each row's 总计 where
// the column holds, the places of the others not known), not refused. A row
// that does not add up keeps the refusal. Before, 表三 was unread whole. The
// fixture: LibreOffice's PDF of our DOCX of a generated 2020 report with
// blanks, through mutool draw -F txt.
func TestRowsEachAddingUpAreTheirOwn(t *testing.T) {
	const file = "mutool-lo-docx-blanks-rowwise-2020.txt"
	if right := readsAsTruth(t, file); right < 140 {
		t.Errorf("%d cells of 表三 read right, want 140 or more", right)
	}
	text := string(readFile(t, filepath.Join(auditDir, file)))
	r := audit(t, file, []byte(text))
	if got := r.Applications["total"][report.ColTotal].String(); got != "35" {
		t.Errorf("（七）总计's 总计 %q, want 35", got)
	}
	refused := func(r *report.Report) bool {
		return saysOf(r, "PARSE.TABLE", "applications", "大多数行少了数")
	}
	if refused(r) {
		t.Errorf("表三 refused: %v", r.Findings)
	}
	// 本年新收's 总计 written before its last applicant's count: the row does
	// not add up as its numbers stand
	r = audit(t, file, []byte(strings.Replace(text, "3\n28\n", "28\n3\n", 1)))
	if !refused(r) {
		t.Errorf("a row not adding up, 表三 not refused: %v", r.Findings)
	}
}

// pdftotext's default text of LibreOffice's PDF of a table that leaves whole
// rows blank writes a row's numbers after its wrapped label's first line,
// but a later row's right after the last piece of （二）部分公开's label
// (split by 三、本年度办理结果's words: …只计这一情形， / 理结果 / 不计其他情形）
// / 1 / 0 / … / 1), the blank rows' labels after them or further on. The
// numbers are then any of those rows', not known: the row and those rows are
// unread and said. Before, the numbers were read as （二）部分公开's (7 wrong
// cells in each such report). Where the label's pieces stand together, the
// numbers are the row's. The fixtures: LibreOffice's PDF of our DOCX of
// generated 2019 reports with blanks, through pdftotext without -layout.
func TestNumbersAfterAWrappedLabelAmongBlankRows(t *testing.T) {
	readsAndSays(t, []string{"pdftotext-lo-docx-blanks-laterrow-2019.txt", "pdftotext-lo-docx-blanks-skippedrows-2019.txt"},
		func(t *testing.T, file string) { readsAsTruth(t, file) }, "PARSE.TABLE", "applications.partly_granted", "可能是其中某一行的")
	const file = "pdftotext-lo-docx-blanks-laterrow-2019.txt"
	text := strings.Replace(string(readFile(t, filepath.Join(auditDir, file))), "\n理结果\n", "\n", 1)
	if got := audit(t, file, []byte(text)).Applications["partly_granted"][report.ColTotal].String(); got != "1" {
		t.Errorf("the label's pieces together: （二）部分公开's 总计 %q, want 1", got)
	}
}

// The same text of a table set large writes （六）3.其他's label after the
// table (after 四、结转下年度继续办理's numbers) and its numbers where they
// stand in the table, after 2.申请人逾期…'s label and a page break, right
// before （七）总计: 2.'s or 3.'s, not known. Read as 2.'s before (7 wrong
// cells); now 2. is unread and said, as 3. is. Without 3.'s label after the
// table, the numbers are 2.'s. The fixture: as the ones above, the table's
// text 12 and 13 pt.
func TestNumbersBeforeALabelWrittenAfterTheTable(t *testing.T) {
	const file = "pdftotext-lo-docx-large-blanks-labelafter-2021.txt"
	readsAndSays(t, []string{file}, func(t *testing.T, file string) { readsAsTruth(t, file) }, "PARSE.TABLE", "applications.other.no_fee_paid", "行名写在了表格之后")
	text := strings.Replace(string(readFile(t, filepath.Join(auditDir, file))), "\n3.其他\n", "\n", 1)
	if got := audit(t, file, []byte(text)).Applications["other.no_fee_paid"][report.ColTotal].String(); got != "2" {
		t.Errorf("no label after the table: 2.'s 总计 %q, want 2", got)
	}
}

// pdftotext's default text of our own PDF of a report (what an agency using
// gongkai publishes): the header's 总计 is written after the table and the
// first row's label after its numbers.
//   - ours: every row of seven adds up though the header before the first
//     row has no 总计; the table is read whole. Before, it was taken for a
//     table without a total column and every row went unread.
//   - ours (2019 format): the first row's label written after the table,
//     the header's 其他 joined to the row's first six numbers, its total the
//     table's very last number, and the total row's numbers run on with
//     四、结转下年度's: read whole. Before, all of 表三 went unread.
//   - ours-firstrow: the first row's label is written after the table and
//     the header's last word (其他) joined to its numbers; 其他 is no row
//     (3.其他, far on), and the rows after are read by their labels. Before,
//     the table was taken for one whose every row's numbers come before its
//     label and went unread whole.
func TestOurPDFsDefaultText(t *testing.T) {
	readsWhole(t, "pdftotext-raw-ours-2021.txt")
	readsWhole(t, "pdftotext-raw-ours-2019.txt")
	if right := readsAsTruth(t, "pdftotext-raw-ours-firstrow-2021.txt"); right < 21*report.NumCols {
		t.Errorf("ours-firstrow: %d cells of 表三 read right, want 147 at least (21 rows)", right)
	}
}

// readsWhole checks a fixture against its model in testdata/truth: its
// three tables read as they are, with no finding but PARSE.READ among the
// reader's and no error.
func readsWhole(t *testing.T, file string) {
	t.Helper()
	want, r := auditWithModel(t, file)
	if d := cmp.Diff(tables(want), tables(r)); d != "" {
		t.Errorf("%s: tables (-want +got):\n%s", file, d)
	}
	for _, f := range r.Findings {
		if strings.HasPrefix(f.Rule, "PARSE.") && f.Rule != "PARSE.READ" || f.Severity == report.SevError {
			t.Errorf("%s: %s %s %s", file, f.Rule, f.Cell, f.Message)
		}
	}
}

// Labels written apart from their rows without numbers of their own ((一)
// and (二)'s words after the table, their numbers in a run before) do not
// make 表三 scrambled: only labels with numbers out of the table's order do.
// Chromium's PDF of a generated report with counts in the thousands, through
// pdftotext: 19 of its 25 rows read right (before, the guard left all of
// 表三 unread); all 25 since the table's numbers in the text's order are
// its rows where one reading only holds (t3Stream: 二's 总计 put after the
// table).
func TestLabelsWrittenApartAreNotScrambled(t *testing.T) {
	if right := readsAsTruth(t, "pdftotext-raw-chrome-labelsafter-2021.txt"); right < 25*report.NumCols {
		t.Errorf("%d cells of 表三 read right, want 175", right)
	}
}

// pdftotext -layout of Chromium's print writes a row's numbers, set in the
// middle of its tall row, after the next row's label when that label shares
// its line with the merged cells' words ("度办理结 法提供 3.补正后申请内容仍不
// 明确", then the numbers of 2.没有现成信息需要另行制作); where every row has
// numbers the row above has its own and they are this row's, but in a
// report that leaves rows blank either row may be theirs. Both are left
// unread and said. Before, 3.补正后申请内容仍不明确 read 2.'s numbers and
// 2. read blank: seven wrong cells without a word (3 of 40 such prints).
// The fixtures: generated reports that leave their zeros blank, printed by
// Chromium, through pdftotext -layout: 2022 (seed 21, 27), the row's seven
// numbers on their line; 2024 (seed 43, 5), its two (3  3), which the
// reader joins to the label's line as a few cells (before, one wrong cell
// and a 总计 read where there is none).
func TestNumbersUnderTheNextRowsLabel(t *testing.T) {
	for _, c := range []struct {
		file, nums string
		right      int
	}{
		{"pdftotext-layout-chrome-blanks-rowabove-2022.txt", "3 0 0 0 0 0 3", 23 * report.NumCols},
		{"pdftotext-layout-chrome-blanks-rowabove-few-2024.txt", "3 3", 150}, // (rows with blanks the narrow columns do not place)
	} {
		t.Run(c.file, func(t *testing.T) {
			if right := readsAsTruth(t, c.file); right < c.right {
				t.Errorf("%d cells of 表三 read right, want %d at least", right, c.right)
			}
			r := audit(t, c.file, readFile(t, filepath.Join(auditDir, c.file)))
			for _, key := range []string{"unavailable.needs_creation", "unavailable.unclear_after_correction"} {
				if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
					return f.Rule == "PARSE.TABLE" && f.Cell == "applications."+key && strings.Contains(f.Message, "（"+c.nums+"）")
				}) {
					t.Errorf("%s: not said to be either row's: %v", key, r.Findings)
				}
			}
		})
	}
}

// pdftotext's default text of Chromium's print of a portal page puts
// （七）总计's numbers after 四、结转下年度继续办理's label and the next page's
// running head; in a report that leaves rows blank they read as 结转下年度's
// and （七）总计 read blank: five false T3.OUTCOMES errors (2 of 39 such
// prints). Where 表三, read whole, breaks some of its identities so and
// holds all of them with the numbers given to the blank row above, they are
// that row's, and said. The fixture: a generated 2020 report that leaves its
// zeros blank (seed 21, 1) in a portal page, printed by Chromium.
func TestNumbersGivenToTheBlankRowAbove(t *testing.T) {
	file := "pdftotext-chrome-portal-totalafter-2020.txt"
	readsAsTruth(t, file)
	r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
	if got := tables(r); !strings.Contains(got, "total:0,1,3,0,4,2,10\n") || !strings.Contains(got, "carried_forward:,,,,,,\n") {
		t.Errorf("tables:\n%s", got)
	}
	if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
		return f.Rule == "PARSE.READ" && f.Cell == "applications.total" && strings.Contains(f.Message, "0 1 3 0 4 2 10")
	}) {
		t.Errorf("the move not said: %v", r.Findings)
	}
}

// pdftotext -layout of Chromium's print of a portal page: the site's menu
// stands beside the report's first lines (规划计划 … 一、总体情况), and the
// heading is read without it (before, 第一部分 was said to be missing in
// each of 40 such prints); and a wrapped label whose second line follows
// both merged cells' pieces (三、本年 法提供 2.没有现成信息需要另行制 1 / 度办理
// 结 … 作 … 1) is one row, its numbers on both lines (before, its first
// line's 1 alone was read and a false T3.ROWSUM claimed). The fixtures:
// generated reports that leave their zeros blank in portal pages (seed 21,
// 3 and 34), printed by Chromium.
func TestPortalPrintThroughPdftotext(t *testing.T) {
	for _, file := range []string{"pdftotext-layout-chrome-portal-leftmenu-2022.txt", "pdftotext-layout-chrome-portal-wrapmerged-2023.txt"} {
		t.Run(file, func(t *testing.T) {
			readsAsTruth(t, file)
			r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
			if _, ok := r.Sections["1"]; !ok {
				t.Error("第一部分 not found")
			}
		})
	}
}

// pdftotext -layout of Chromium's A5 print whose table's labels wrap two
// characters to a line (3.补 / 正后 / 申请 / 1 0 0 0 0 0 1 / 内容 …): the
// piece 申请 was taken for the end of （五）1.信访举报投诉类申请, a row further
// on, which then read 3.补正后申请内容仍不明确's numbers — wrong cells in 15
// of 15 such prints, no error said. Two characters that start or end
// several rows further on name none of them.
func TestTwoCharacterPieceNamesNoLaterRow(t *testing.T) {
	file := "pdftotext-layout-chrome-a5-twochar-labels-2021.txt"
	want, r := auditClean(t, file)
	for _, k := range []string{"unavailable.unclear_after_correction", "not_processed.petition_complaint"} {
		rowAsTruth(t, file, want, r, k)
	}
}

// pdftotext -layout of Chromium's A4 print with the tables at 16 pt (三号,
// as many agencies set them): a label wrapped over three lines has its
// numbers level with the first and the last ("1.本机关不掌握 1 0 0" /
// "（四） 相关政府信息" / "0 0 0 1"). The last line's numbers were taken for
// the next row's: two false T3.ROWSUM, and where some rows were left unread
// the page-tails reading then gave 2.重复申请's numbers to 3.要求提供公开出版物
// (wrong cells, no error). Numbers alone after one line of the label's
// rest join the row above's first numbers as the row's.
func TestThreeLineLabelNumbersOnFirstAndLast(t *testing.T) {
	for _, file := range []string{"pdftotext-layout-chrome-16pt-threeline-labels-2021.txt", "pdftotext-layout-chrome-16pt-threeline-labels-2024.txt"} {
		want, r := auditClean(t, file)
		for _, k := range []string{"unavailable.not_held", "unavailable.needs_creation", "not_processed.repeat", "not_processed.publication"} {
			rowAsTruth(t, file, want, r, k)
		}
	}
}

// pdftotext's default text of Chromium's A4 print with the tables at 16 pt
// puts the last rows' numbers before their labels (3.其他 / 45 2 2 / 2 / 4 0
// 55 / （七）总计 / 0 0 0 / 0 / 1 0 1 / 四、结转下年度继续办理): 3.其他 read
// 总计's numbers and 总计 四's, wrong cells in 8 of 14 prints and no error
// (every row adding up). The table's last label with no number after it
// says so: the rows read from numbers alone after their labels since the
// last row read from its own line are unread, and said. (This print's
// table is cut into two blocks of columns too, 6.属于四类过程性信息 to
// 5.要求行政机关确认… giving three cells beside their labels and the rest
// after them: read whole so, TestTableInTwoBlocksOfColumns; with a number of
// that rest changed, the cut holds nowhere and the rows are read as before.)
func TestTailNumbersBeforeLabels(t *testing.T) {
	file := "pdftotext-chrome-16pt-tail-before-labels-2021.txt"
	if right := readsAsTruth(t, file); right != 175 {
		t.Errorf("%s: %d cells of 表三 right, want 175", file, right)
	}
	data := string(readFile(t, filepath.Join(auditDir, file)))
	r := audit(t, file, []byte(strings.Replace(data, "\n0 35\n", "\n0 36\n", 1)))
	if saysOf(r, "PARSE.READ", "applications", "分成左右两块") {
		t.Fatalf("%s with a number of the cut's rest changed: read in two blocks", file)
	}
	for _, k := range []string{"other.other", "total"} {
		if got := r.Applications[k]; got != (report.Row{}) {
			t.Errorf("%s: %s %v, want unread", file, k, got)
		}
	}
	if !saysOf(r, "PARSE.TABLE", "applications", "的行名之后没有数") {
		t.Errorf("%s: not said: %v", file, r.Findings)
	}
	// the last row's numbers after its label: each row's numbers are its own
	r = audit(t, file, []byte(strings.Replace(data, "0 0 0\n0\n1 0 1\n四、结转下年度继续办理\n", "0 0 0\n0\n1 0 1\n四、结转下年度继续办理\n0 0 0 0 1 0 1\n", 1)))
	if saysOf(r, "PARSE.TABLE", "applications", "的行名之后没有数") {
		t.Errorf("%s with 四's numbers after its label: said before their labels", file)
	}
}

// pdftotext's default text of Chromium's A5 print of a report that leaves
// its zeros blank put （七）总计's first cell after the blank 3.其他 and the
// rest after 四、结转下年度继续办理 (3.其他 / 2 / （七）总计 / 四、… / 1 0 3 0 0
// 6): 3.其他 read 2, a false T3.ROWSUM (1 of 16 such prints). A row whose
// numbers, with the next short row's, are exactly seven that add up is the
// text's split, unread and said.
func TestRowSplitWithTheNextShortRow(t *testing.T) {
	file := "pdftotext-chrome-a5-blanks-splittotal-2022.txt"
	readsAsTruth(t, file)
	r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
	if !saysOf(r, "PARSE.TABLE", "applications.other.other", "合起来正好是一行的 7 个数") {
		t.Errorf("the split not said: %v", r.Findings)
	}
	// the next row's numbers not seven with it: the report's error
	data := strings.Replace(string(readFile(t, filepath.Join(auditDir, file))), "四、结转下年度继续办理\n\n1\n", "四、结转下年度继续办理\n\n", 1)
	r = audit(t, file, []byte(data))
	if !saysOf(r, "T3.ROWSUM", "applications.other.other[total]", "") {
		t.Errorf("3.其他's 2 with five numbers after it not an error: %v", r.Findings)
	}
}

// pdftotext's default text of a portal page's print whose main column is
// narrow cuts each row's numbers over two lines ("41 6 0 3" / "0 3 53"),
// and in a report that leaves cells blank the next row takes the second:
// thirteen rows then add up wherever their blanks are, and each was
// claimed as the report's error (T3.ROWSUM). Three such rows or more are
// the text's, not the report's: unread and said once. The fixture: a
// generated 2020 report that leaves its zeros blank (seed 21, 19) in a
// portal page with the site's menu, printed by Chromium.
func TestManyRowsNotAddingUpAreTheTexts(t *testing.T) {
	file := "pdftotext-chrome-portal-leftmenu-splitrows-2020.txt"
	readsAsTruth(t, file)
	r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
	if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
		return f.Rule == "PARSE.TABLE" && f.Cell == "applications" && strings.Contains(f.Message, "（41 6 0 3）")
	}) {
		t.Errorf("the rows not said: %v", r.Findings)
	}
}

// pdftotext's default text of LibreOffice's PDF of a Word table gives 表二's
// items of one row (行政许可, 行政事业性收费) their numbers between the item's
// column headings and the row's label ("本年处理决定数量" / "19" / "行政许可"),
// and the items of two rows theirs after the labels, as usual. Such a
// number is the row's where every row before it was read and none follows
// its label; before, both rows were unread ("不属于任何一行的数字"). The
// fixture: a generated 2021 report written as DOCX by gongkai, made a PDF
// by LibreOffice, through pdftotext without -layout.
func TestT2OneRowItemsNumbersBeforeLabel(t *testing.T) {
	const file = "pdftotext-lo-docx-singlerowitems-2021.txt"
	readsWhole(t, file)
	r := audit(t, file, readFile(t, filepath.Join(auditDir, file)))
	if !saysOf(r, "PARSE.READ", "proactive.licensing", "排在行名之前、紧接在它所属项目的表头之后（第 48 行") {
		t.Errorf("the reading not said: %v", r.Findings)
	}
	text := string(readFile(t, filepath.Join(auditDir, file)))
	for name, data := range map[string]string{
		// a number after the label too: which is the row's is not known
		"number after the label": strings.Replace(text, "行政许可\n", "行政许可\n7\n", 1),
		// a row before it short of a number: the 19 may be that row's
		"row before it short": strings.Replace(text, "36\n\n37\n", "36\n\n", 1),
	} {
		r := audit(t, file, []byte(data))
		if r.Proactive.Cell("licensing.decisions").String() == "19" {
			t.Errorf("%s: 行政许可 read 19", name)
		}
	}
}

// The same text of a table set in a narrow column gives an item of two rows
// (the 2019 format's 行政许可 and 其他对外管理服务事项) all its numbers between
// its column headings and its first label, row by row ("处理决定数量" / "27" /
// "16" / "6" / "11" / "27" / "15" / "量" / "行政许可" / "其他对外管理服务事" /
// "项"), and cuts 行政事业性收费's row at the page's foot: its second number
// after the next item's heading and the page's number ("31" / "第二十条第（九）项"
// / "—2—" / "18", a page then). Read so where no number follows the labels
// up to the next item and every row before is read whole, and where a page
// starts right after; said. Before, the three rows were unread. The same
// where the item's numbers come before its own heading, after its column
// headings alone ("规范性文件" 26 6 33 / "本年增/减" / "处理决定数量" / 31 … 25 /
// "信息内容" / "第二十条第（五）项" / …): not after another item's headings.
// The fixtures: as the one above, the table 3/4 as wide.
func TestT2ItemRowsNumbersFirst(t *testing.T) {
	const file = "pdftotext-lo-docx-narrow-t2itemfirst-2019.txt"
	readsWhole(t, file)
	text := string(readFile(t, filepath.Join(auditDir, file)))
	r := audit(t, file, []byte(text))
	if !saysOf(r, "PARSE.READ", "proactive_2019.licensing", "按行序每 3 个数读作一行：27 16 6 11 27 15") {
		t.Errorf("the item's rows not said: %v", r.Findings)
	}
	if !saysOf(r, "PARSE.READ", "proactive_2019.fees", "排在下一个项目的标题之后、页末（第 110 行") {
		t.Errorf("the row cut by the page's foot not said: %v", r.Findings)
	}
	for name, c := range map[string]struct{ data, cell string }{
		// a number after the labels: the numbers before them may be laid
		// out otherwise
		"number after the labels": {strings.Replace(text, "其他对外管理服务事\n项\n", "其他对外管理服务事\n项\n8\n", 1), "licensing.prev_items"},
		// no page's foot nor page after the 18: it may be the next item's
		"no page after": {strings.Replace(strings.Replace(text, "18\n\n\f", "18\n\n", 1), "—2—\n", "", 1), "fees.change"},
	} {
		r := audit(t, file, []byte(c.data))
		if got := r.Proactive.Cell(c.cell).String(); got != "" {
			t.Errorf("%s: %s read %s", name, c.cell, got)
		}
	}
	const before = "pdftotext-lo-docx-narrow-t2headedbefore-2019.txt"
	readsAndSays(t, []string{before}, readsWhole, "PARSE.READ", "proactive_2019.licensing", "按行序每 3 个数读作一行：31 27 12 8 27 25")
	// under a heading of the item before (本年新制作数量): not the item's
	other := strings.Replace(string(readFile(t, filepath.Join(auditDir, before))), "本年增/减\n\n处理决定数量\n\n31\n", "本年增/减\n\n本年新制作数量\n\n31\n", 1)
	if got := audit(t, before, []byte(other)).Proactive.Cell("licensing.prev_items").String(); got != "" {
		t.Errorf("under another item's heading: 行政许可 read %s", got)
	}
}
