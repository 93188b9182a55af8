package report_test

import (
	"slices"
	"strings"
	"testing"

	"gongkai/internal/report"
)

// Chromium's print of a report's page, through pdftotext: what the text's
// order does to a table whose labels wrap, and to the default text, which
// gives a block's labels before its numbers. Each fixture a generated
// report, read against its model.

// pdftotext -layout of Chromium's print: a wrapped label's row set its
// numbers on both of the label's lines ("（二）部分公开（区分处理的，只计这一情形，
// 9 0 0 0" / "不计其他情形） 0 0 9"; "2.其他法律行政法规禁止公 0 2 0" / "开 0 0 0 2").
// The two pieces, seven numbers adding up, are the row's. Before, the first
// piece was the row's with blanks (a false T3.ROWSUM where they could not
// be placed, or the row unread) and the second the next row's: 12 of 60
// such reports with a false error, 17 wrong cells.
func TestLayoutWrappedRowNumbersOnBothLines(t *testing.T) {
	for _, file := range []string{"pdftotext-layout-chrome-splitwrap-2019.txt", "pdftotext-layout-chrome-splitwrap-2021.txt"} {
		t.Run(file, func(t *testing.T) {
			want, r := auditWithModel(t, file)
			all := 0
			eachTableCell(want, r, func(string, report.Cell, report.Cell) { all++ })
			if right := marksAsTruth(t, file); right != all {
				t.Errorf("%d cells read right, want all %d", right, all)
			}
			if !saysLike(r, "PARSE.READ", "applications.", "折成两行") {
				t.Error("the joined pieces not said")
			}
			t2AsTruth(t, file, want, r)
		})
	}
}

// pdftotext's default text of Chromium's print gives 表二's labels first,
// then each item's column headings with its numbers ("本年处理决定数量 22",
// "本年处理决定数量 11 24", "本年收费金额（单位：万元） 17.68"). A line's own
// headings name the rows its numbers may be: the one row of the first item
// so headed that waits (行政许可 22) is read; the numbers of an item of
// several rows (规章 and 规范性文件's six, which Chromium writes 规范性文件's
// first) are no row's, said. Before, every such line went to the last label
// read: 行政事业性收费 = 22, and in the 2019 format 规章 = 规范性文件's numbers;
// 148 wrong 表二 cells on 60 such reports, none now.
func TestT2LabelsBeforeHeadedNumbers(t *testing.T) {
	for _, c := range []struct {
		file string
		min  int
	}{{"pdftotext-chrome-labelsfirst-2021.txt", 2}, {"pdftotext-chrome-labelsfirst-2019.txt", 0}} {
		t.Run(c.file, func(t *testing.T) {
			want, r := auditWithModel(t, c.file)
			if right := t2RightOrSaid(t, c.file, want, r); right < c.min {
				t.Errorf("%d 表二 cells read right, want %d at least", right, c.min)
			}
			marksAsTruth(t, c.file)
		})
	}
}

// The same text with its line breaks made spaces, or removed: every row's
// numbers before its label (…他 计 32 0 2 0 0 3 37 一、本年新收…数量 1 0 0 0 0 0 1
// 二、上年结转…), the last label with none after it (四、结转下年度继续办理
// file:///…). Read in order when that reads (in blocks; a wrapped row's two
// pieces the second first: TestTurnedPiecesOfARow), else unread and said,
// never each row given the next row's numbers. 表二's numbers, all after all
// its labels, are no row's when the headings that told them apart were
// left out. Before: 1 536 and 1 426 wrong 表三 cells on 60 such reports, 40
// wrong 表二 cells, 13 false errors; none now.
func TestNumbersBeforeLabelsRunTogether(t *testing.T) {
	for _, c := range []struct {
		file, said string
		min        int
	}{
		{"flat-default-chrome-numbersfirst-2021.txt", "按后一处在前读取", 190},
		{"flat-default-chrome-numbersfirst-glued-2021.txt", "按后一处在前读取", 190},
		{"flat-default-chrome-numbersfirst-blocks-2022.txt", "成块连在一起", 190},
	} {
		t.Run(c.file, func(t *testing.T) {
			want, r := auditWithModel(t, c.file)
			if right := marksAsTruth(t, c.file); right < c.min {
				t.Errorf("%d cells read right, want %d at least", right, c.min)
			}
			if !saysLike(r, "PARSE.", "applications", c.said) {
				t.Error("the reading not said")
			}
			t2RightOrSaid(t, c.file, want, r)
		})
	}
}

// pdftotext's default text of Chromium's print puts a wrapped row's last
// cells, a cell to a line, before its label's line with its first ones; run
// into one line the two pieces glue ("…缴纳011他处理 费用、…政府信息 0 0 0
// 0公开申请" for 0 0 0 0 0 1 1, "…开0001 3.危及“三安全一稳定” 0 0 1" for
// 0 0 1 0 0 0 1). No cut of the digits in order held the table (or one held
// it by chance, 0 0 0 1 0 0 1 adding up): the whole table was unread, and a
// report's own error elsewhere not said. The digits are read with such a row
// taken from its two pieces the second first where exactly one reading then
// holds the table, or breaks it only by one row's one wrong cell (said).
// Before: 14 of 60 such reports unread whole and 14 errors of 60 missed;
// now 3 unread (the 2019 format's three-line labels) and 4 missed.
func TestTurnedPiecesOfARow(t *testing.T) {
	readsSaying(t, "flat-default-chrome-numbersfirst-turned-2020.txt", 176,
		saying{"PARSE.READ", "applications", "“（三）不予公开3.危及“三安全一稳定””的数字在原文中分在行名前后两处"})
	readsSaying(t, "flat-default-chrome-numbersfirst-turned-rowerror-2021.txt", 190,
		saying{"PARSE.READ", "applications", "按后一处在前读取"},
		saying{"T3.ROWSUM", "applications.granted[total]", "六类申请人之和 10 ≠ 总计 9"})
}

// t2RightOrSaid checks each cell of a fixture's 表二 against its model: read
// as it is, or unread and said. It returns the cells read right.
func t2RightOrSaid(t *testing.T, file string, want, r *report.Report) int {
	t.Helper()
	right := 0
	prefix := report.T2Prefix(want.Format)
	for _, it := range want.Format.T2Items() {
		for k, c := range it.Cells {
			w, got := t2CellString(want, it, k), t2CellString(r, it, k)
			switch {
			case got == w:
				right++
			case got != "":
				t.Errorf("%s: 表二 %s.%s = %s, want %s", file, it.Key, c, got, w)
			case !saysWhy(r, strings.TrimSuffix(prefix, ".")):
				t.Errorf("%s: 表二 %s.%s unread, and not said", file, it.Key, c)
			}
		}
	}
	return right
}

// saysLike says r has a finding whose rule and cell start so and whose
// message holds text.
func saysLike(r *report.Report, rule, cell, text string) bool {
	return slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
		return strings.HasPrefix(f.Rule, rule) && strings.HasPrefix(f.Cell, cell) && strings.Contains(f.Message, text)
	})
}

// pdftotext's default text of Chromium's A5 print gives each of 表二's rows
// its numbers before its label, a wrapped label's between its pieces
// (数量 27 12 12 / 规章 33 28 11 / 规范性文件; 其他对外管理服 29 / 9 / 36 /
// 务事项): read by the numbers before each label, when every item shows it.
// A last row whose numbers stand both sides of its label (数量 19 /
// 行政事业性收费 25, 25 its first cell) is unread, said. Before, each row got
// the next row's numbers: 236 wrong 表二 cells on 60 such reports, none now
// (798 of 816 read, 187 before).
func TestT2NumbersBeforeLabels(t *testing.T) {
	for _, c := range []struct {
		file, said string
		right      int
	}{
		{"pdftotext-chrome-a5-t2numbersfirst-2019.txt", "按行名之前的数字读取", 22},
		{"pdftotext-chrome-a5-t2numbersfirst-2022.txt", "按行名之前的数字读取", 10},
		{"pdftotext-chrome-a5-t2numbersaround-2020.txt", "分在行名前后", 20},
		// the same run into one line, breaks made spaces: each line's words
		// and numbers apart as the lines gave them (t2Pieces), an item's
		// headings run into its first label's start (…（单位：万元）行政事业性收
		// 17.68 费), a short last row's later cells after their own heading
		// and the page's count (政府集中采购 … 采购总金额 26.31 4/9). Before,
		// read as labels before numbers: each row the next row's numbers
		// (515 wrong cells of 2 246 on 167 such reports, none now; 2 198
		// read)
		{"flat-spaced-default-chrome-a5-t2numbersfirst-2019.txt", "按行名之前的数字读取", 22},
		{"flat-spaced-default-chrome-a5-t2numbersfirst-2021.txt", "按行名之前的数字读取", 10},
		{"flat-spaced-default-chrome-a5-t2numbersaround-2020.txt", "分在行名前后", 20},
		// and with its spaces lost too ("…数数数9839规章行政规范性文17169件…"):
		// a row's numbers are one run of digits, read where each digit must
		// be a cell, else unread, said; the page's foot (date, time, count
		// and address run into the words) left out. Before, 82 and 233
		// wrong cells on 60 and 167 such reports, none now.
		{"flat-default-chrome-a5-t2numbersfirst-2021.txt", "连在一起", 4},
	} {
		t.Run(c.file, func(t *testing.T) {
			want, r := auditWithModel(t, c.file)
			if right := t2RightOrSaid(t, c.file, want, r); right != c.right {
				t.Errorf("%d 表二 cells read right, want %d", right, c.right)
			}
			if !saysLike(r, "PARSE.", strings.TrimSuffix(report.T2Prefix(want.Format), "."), c.said) {
				t.Error("the reading not said")
			}
		})
	}
}

// Chromium's print through pdftotext, rows of 表三 read against their model
// (marksAsTruth) with at least min cells right, and what said must find said:
func TestChromeRowsAsTruth(t *testing.T) {
	runTruthCases(t, []truthCase{
		// A5, -layout: a merged group's label printed in pieces beside its
		// rows, one piece on a wrapped label's second line before the
		// label's rest and the row's later numbers ("3.要求提供公 3" / "（五）
		// 开出版物 0 0 0 0 0 3"): the piece is the group's, the two lines one
		// row. Before, 3 was the row with blanks (a false T3.ROWSUM) and the
		// six numbers no row's: false errors on 60 such reports 14 -> 10,
		// cells read 89.0 -> 91.4 %.
		//
		// Labels wrapped over three lines or more, the numbers on two of the
		// middle ones, are found the same way (wrappedLabelRest): the line
		// before the rest may be the label's middle ("5.要求行政机" / "关确认或
		// 重新 0" / "出具已获取信 0 0 0 0 0 0" / "息"), after a piece of the
		// group's cell ("无法提 息需要另行制 0" / "供 作 0 0 0 0 2 2"). Before,
		// the first number was the row with six blanks (said as CELL.BLANK, or
		// a false T3.ROWSUM) and the rest no row's: on 60 such reports 24
		// wrong cells and 10 false errors, none now; every cell of this one.
		{file: "pdftotext-layout-chrome-a5-groupwrap-2022.txt", min: 190, said: func(r *report.Report) bool {
			return saysLike(r, "PARSE.READ", "applications.not_processed.publication", "折成两行")
		}},
		// -layout of a report that leaves cells blank: a wrapped label's row
		// with its numbers on both lines, fewer than seven ("（二）部分公开（区分
		// 处理的，只计这一情形， 9 0 0 0" / "不计其他情形） 0 9"), the first line's
		// squeezed after its words where their columns are lost. Both pieces
		// are the row's, unread and said; before, the first was the row with
		// blanks no placement made add up (a false T3.ROWSUM) and the second
		// the next row's: 17 false errors on 60 such reports, none now.
		{file: "pdftotext-layout-chrome-blanks-splitwrap-2024.txt", min: 170, said: func(r *report.Report) bool {
			return saysLike(r, "PARSE.TABLE", "applications.partly_granted", "空白的位置无法确定")
		}},
		// The same on a narrow page, a label wrapped over four lines with
		// numbers on two of them ("关确认或重新 2" / "出具已获取信 0 1 3"):
		// unread and said. Before, 2 was the row (a false T3.ROWSUM).
		{file: "pdftotext-layout-chrome-a5-blanks-longwrap-2023.txt", min: 91, said: func(r *report.Report) bool {
			return saysLike(r, "PARSE.TABLE", "applications.not_processed.confirm_or_reissue", "空白的位置无法确定")
		}},
		// And beside an outcome's row, pieces of 三、本年度办理结果's merged
		// cell ("度办 处理的，只计这一情 16" / "理结 形，不计其他情形） 0 1 0
		// 17"). Before, 16 was the row (a false T3.ROWSUM: 7 of 167 such
		// reports, none now). Its blanks, with the other short rows', are
		// placed by the table's identities where they agree (16 … 1 0 17).
		{file: "pdftotext-layout-chrome-a5-blanks-outcomepieces-2023.txt", min: 155, said: func(r *report.Report) bool {
			return saysLike(r, "PARSE.READ", "applications.partly_granted", "它的数分在两处（“16”与“0 1 0 17”）") &&
				saysLike(r, "PARSE.READ", "applications.partly_granted", "读作：16 ？ ？ ？ 1 0 17")
		}},
		// The default text of the same, run into one line: every row's digits
		// before its label, glued, fewer than seven where cells are blank
		// (…务机构 他00448一、本年新收…数量202004二、上年结转…). Found as such
		// (the first digits right after the header's words, the last label
		// bare before the page's foot) and unread, said; before, each row took
		// the next row's digits: 142 wrong cells and 15 false errors on 60
		// such reports, none now.
		{file: "flat-default-chrome-blanks-numbersfirst-2019.txt", said: func(r *report.Report) bool {
			return saysLike(r, "PARSE.TABLE", "applications", "都排在行名之前")
		}},
		// The same where the page's foot after the last label holds a
		// browser's address with digits ("四、结转下年度继续办理file:///…/
		// 004.html3/4") and the next page's title a number ("示例第4"): no
		// cells, the last label bare. Before, they were taken for its
		// numbers, the order not found, and each row took the next row's
		// digits (14 wrong cells in 78 Chromium A4 pages leaving six zeros
		// in ten blank, none now).
		{file: "flat-default-chrome-blanks-numbersfirst-address-2023.txt", said: func(r *report.Report) bool {
			return saysLike(r, "PARSE.TABLE", "applications", "都排在行名之前")
		}},
		// And with its line breaks, a cell to a line: the first row's
		// numbers, fewer than seven where its cells are blank, right after
		// the header's words (…务机构 他 / 35 / 2 / 1 / 2 / 4 / 44 / 一、本年
		// 新收…). Before, only seven to a row were seen so, and （一）予以公开's
		// 20 0 1 1 0 6 28 were read as 二、上年结转's (6 wrong cells in 59
		// Chromium A4 pages leaving three zeros in ten blank, none now).
		{file: "pdftotext-chrome-blanks-numbersfirst-2019.txt", said: func(r *report.Report) bool {
			return saysLike(r, "PARSE.TABLE", "applications", "都排在行名之前")
		}},
	})
}

// The same wrapped row where the report's own error is (0 0 0 0 / 不计其他
// 情形） 1 0 0: 1 ≠ 0): seven whole numbers on the two lines are the row's
// even where they do not add up, and the error is said (T3.ROWSUM). Before,
// the row was four numbers with blanks, unread, and the error missed (2 of
// 60 such reports with one wrong cell in Chromium A4, 9 of 60 in A5; 0 and
// 3 now).
func TestWrappedRowErrorOnBothLines(t *testing.T) {
	const file = "pdftotext-layout-chrome-splitwrap-rowerror-2021.txt"
	want, r := auditWithModel(t, file)
	all := 0
	eachTableCell(want, r, func(string, report.Cell, report.Cell) { all++ })
	if right := cellsAsTruth(t, file, want, r); right != all {
		t.Errorf("%d cells read right, want all %d", right, all)
	}
	if !saysLike(r, "T3.ROWSUM", "applications.partly_granted", "") {
		t.Error("the row's error not said")
	}
}

// t2CellString is cell k of 表二's row it in r, an amount where the column
// is money.
func t2CellString(r *report.Report, it report.T2Item, k int) string {
	path := it.Key + "." + it.Cells[k]
	if len(it.Money) > k && it.Money[k] {
		return r.Proactive.Amount(path).String()
	}
	return r.Proactive.Cell(path).String()
}

// pdftotext's default text of LibreOffice Calc's PDF of the tables (a
// sheet's print, no title) gives 表二 column by column: 规章 / 行政规范性文件 /
// 信息内容 / 行政许可 / 本年制发件数 / 23 / 10 / … / 行政强制 / 第二十条第（六）项 /
// 本年处理决定数量 / 21 / 16 / … / 行政处罚. Bare numbers after a column's
// read under its heading, of another item than the last label's, are not
// that label's (行政许可 took 10, 行政规范性文件's 制发); and a label standing
// before its own item's heading has numbers after it that may be any row's
// of the item (行政强制 took 21, 行政处罚's): unread and said. Before, two
// wrong cells in each of four such reports and no word.
func TestT2ColumnOrderOfASheetsPrint(t *testing.T) {
	file := "pdftotext-lo-calc-tables-2021.txt"
	want, r := auditWithModel(t, file)
	noWrongCells(t, file, want, r, "")
	noFalseErrors(t, file, r)
	if !saysOf(r, "PARSE.TABLE", "proactive.coercion", "排在它所属项目的标题之前") {
		t.Errorf("行政强制 before its item's heading not said: %v", r.Findings)
	}
	if v := r.Proactive.Cell("licensing.decisions"); v.String() != want.Proactive.Cell("licensing.decisions").String() {
		t.Errorf("行政许可 read %q, want %q under its own heading", v, want.Proactive.Cell("licensing.decisions"))
	}
}

// Calc's PDF of the tables of a report that leaves cells blank, through
// pdftotext -raw and mutool's text: the outcome groups' merged cells are
// drawn by the row at their middle, so a group's name comes right before
// one of its rows' numbers, the rows' labels after the table:
// （二）部分公开… / （三）不予公开 / 0 0 1 0 0 0 1 / （四）无法提供 / 1 0 0 0 0 0 1.
// Numbers after a group's name are one of its rows', not known which: not
// the row waiting before it (（二）, which is blank) nor the next in order
// (1.属于国家秘密). Before, 21 and 7 wrong cells, no word. Where zeros are
// written, each row draws its numbers: as many lines of them after the name
// as the group has rows are its rows in order (pdftotext -raw, read whole).
func TestT3GroupNameBeforeARowsNumbers(t *testing.T) {
	if right := readsAsTruth(t, "pdftotext-raw-lo-calc-2021.txt"); right != 175 {
		t.Errorf("pdftotext -raw of Calc's print, zeros written: %d cells of 表三 read right, want 175", right)
	}
	for _, file := range []string{"pdftotext-raw-lo-calc-blanks-2020.txt", "mutool-lo-calc-blanks-2020.txt"} {
		want, r := auditWithModel(t, file)
		noWrongCells(t, file, want, r, "")
		noFalseErrors(t, file, r)
		for _, key := range []string{"partly_granted", "withheld.state_secret", "withheld.law_forbids"} {
			if r.Applications[key] != (report.Row{}) {
				t.Errorf("%s: %s read %v", file, key, r.Applications[key])
			}
		}
	}
}

// pdftotext's default text of our PDF of a report that leaves cells blank:
// a row given numbers from a run before its label (（六）1.申请人无正当理由
// 逾期不补正、) has its label wrapped over three lines, and its second piece
// (行政机关不再处理其政府信息公) is the next row's words too. It is that
// row's label going on, not the next row's start: before, （六）2. took
// （六）1.'s own numbers after the label's last piece (three wrong cells).
func TestRunRowsLabelGoesOn(t *testing.T) {
	file := "pdftotext-ours-blanks-runlabel-2023.txt"
	want, r := auditWithModel(t, file)
	noWrongCells(t, file, want, r, "")
	noFalseErrors(t, file, r)
}
