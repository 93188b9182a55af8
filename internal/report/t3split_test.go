package report_test

import (
	"path/filepath"
	"strings"
	"testing"

	"gongkai/internal/report"
)

// pdftotext's default text of a narrow print of the 2019 trial format, zeros
// written: the table cut into two blocks of columns. Each of the first 20
// rows gives its 自然人 and 商业企业 beside its label or just before it (43 /
// 6 / 一、本年新收…, 1.属于国家秘密 2 0), the other five columns' cells come
// after those rows, a cell to a line, row by row (joined to the header's last
// word, 构), and the page's last three rows come whole. Read so where the
// rows add up and the columns hold in that cut only. Before, 表三 was unread
// (20 rows "读到 2 个", （六）其他处理 with 21 numbers). Its 表四's first
// number stands after the first column's heading, before the groups' names:
// read as TestT4FirstColumnBeforeTheGroups says, not as a blank cell (the
// report writes its zeros).
func TestTableInTwoBlocksOfColumns(t *testing.T) {
	const file = "pdftotext-chrome-narrow-splitcolumns-2019.txt"
	runTruthCases(t, []truthCase{
		{file: file, min: 171, said: func(r *report.Report) bool {
			return saysOf(r, "PARSE.READ", "applications", "表三的数字在原文中分成左右两块（PDF 转换的文字顺序）：“一、本年新收政府信息公开申请数量”至“（五）不予处理5.要求行政机关确认或重新出具已获取信息”20 行的前 2 栏（自然人、商业企业）在各自的行名旁") &&
				saysOf(r, "PARSE.READ", "appeals", "表四的第一个数（0）紧接在“结果维持”的表头之后") &&
				!saysOf(r, "PARSE.READ", "appeals", "空白单元格")
		}},
	})
	// a row that does not add up (一's 总计 52 made 53, line 172): no cut
	// holds, nothing is read so, and no cell is read wrong
	lines := strings.Split(string(readFile(t, filepath.Join(auditDir, file))), "\n")
	if lines[171] != "52" {
		t.Fatalf("line 172 is %q", lines[171])
	}
	lines[171] = "53"
	r := audit(t, file, []byte(strings.Join(lines, "\n")))
	if saysOf(r, "PARSE.READ", "applications", "分成左右两块") {
		t.Error("read in two blocks with a row not adding up")
	}
	for _, key := range []string{"new", "granted", "total"} {
		if r.Applications[key] != (report.Row{}) {
			t.Errorf("%s read: %v", key, r.Applications[key])
		}
	}
}

// The same cut in Chromium's A5 print of a 2021 report (zeros written), a
// row's first cells beside its label and the next row's just before its own
// with no words between (5.属于三类内部事务信息 0 0 / 0 / 0 / 6.属于四类…):
// runs of first cells between words are two rows' at most, not one. Before,
// 表三 was unread ("表三大多数行少了数"). Its 表四's first number stands
// after the first column's heading, before the first group's name: read as
// TestT4FirstColumnBeforeTheGroups says (the text's order of 表四 is not the
// table's in such a print: where a group's numbers can be traded and still
// add up, those cells are unread).
func TestTableInTwoBlocksOfColumnsRowsBeforeLabels(t *testing.T) {
	const file = "pdftotext-chrome-a5-splitcolumns-2022.txt"
	runTruthCases(t, []truthCase{
		{file: file, min: 175, said: func(r *report.Report) bool {
			return saysOf(r, "PARSE.READ", "applications", "分成左右两块") &&
				saysOf(r, "PARSE.READ", "appeals", "表四的第一个数（1）紧接在“结果维持”的表头之后")
		}},
	})
}

// pdftotext's default text of a landscape US Letter print of the trial
// format (zeros written): every label, then the header, then the table's
// 161 numbers a cell to a line, the header's last words joined to the
// first. No row read a number beside its label, but 四、结转 took a few
// placed under the header's words, so 表三 did not count as unread and no
// reading of the numbers apart from the labels was tried: every row unread.
// A table most of whose rows read nothing is tried so too. (The header's
// last line, 社会公益组织 法律服务机构 其他 总计, was also taken for a row's
// label with the numbers after it as its cells and blanks, a cell every two
// lines: no label of 表三 is, since TestHeaderWordsOverNumbersAreNoRow; the
// numbers are read in one run, as they stand.)
func TestMostRowsEmptyTriesTheNumbersApart(t *testing.T) {
	runTruthCases(t, []truthCase{
		{file: "pdftotext-chrome-letterland-numbersafterheader-2019.txt", min: 161, said: func(r *report.Report) bool {
			return saysOf(r, "PARSE.READ", "applications.new", "表三的 23 行数字在原文中连成一串（161 个数），与行名分开")
		}},
	})
}

// A PDF whose fonts map to wrong letters (Ghostscript's from Chromium's) read
// row by row under its misspelt labels, but one label was lost (（六）2.):
// its 175 numbers apart from the labels read several ways where a 0 may be
// left for a later 0, so none was taken. The numbers in the text's order,
// where every row and column holds, are read: the table as the clean print
// of the same page reads.
func TestNumbersInOrderWhereSeveralReadingsHold(t *testing.T) {
	r := audit(t, "gs.pdf", readFile(t, filepath.Join(auditDir, "gs-chrome-page-2021.pdf")))
	clean := audit(t, "chrome.pdf", readFile(t, filepath.Join(auditDir, "chrome-page-2021.pdf")))
	for _, row := range r.Format.T3Rows() {
		if r.Applications[row.Key] != clean.Applications[row.Key] {
			t.Errorf("%s: %v, the clean print %v", row.Key, r.Applications[row.Key], clean.Applications[row.Key])
		}
	}
	if !saysOf(r, "PARSE.READ", "applications", "按格式各行的次序每 7 个数读作一行，各行之和、表三各栏的勾稽关系均相符；把有的格看作排在本行之后的读法也有相符的") {
		t.Error("the reading in order not said")
	}
}

// pdftotext -layout of a landscape US Letter print (zeros written): beside
// the merged （三）不予公开 cell, 4.保护第三方合法权益 and 5.属于三类内部事务信息
// stand without numbers and their fourteen cells follow a line each, column
// by column, each column's two one under the other (0 / 15 / 0 / 0 / …).
// All fourteen had gone to the first row and both rows were unread: read as
// seven pairs, the first of each the first row's. A pair out of place (the
// second 15 moved a column on) is no such run: read as before.
func TestTwoRowsGivenColumnByColumn(t *testing.T) {
	const file = "pdftotext-layout-chrome-letterland-pairedrows-2019.txt"
	runTruthCases(t, []truthCase{
		{file: file, min: 176, said: func(r *report.Report) bool {
			return saysOf(r, "PARSE.READ", "applications", "两行的 14 个数在原文中逐栏排列（每栏上下两个数，各占一行：PDF 转换的文字顺序），按每栏的上一个数属于前一行、下一个数属于后一行读取：0 0 0 0 0 0 0；15 0 0 0 0 0 15")
		}},
	})
	data := string(readFile(t, filepath.Join(auditDir, file)))
	moved := strings.Replace(data, "\n                                                                           15\n", "\n                                                                                15\n", 1)
	if moved == data {
		t.Fatal("the last 15 not found")
	}
	if r := audit(t, file, []byte(moved)); saysOf(r, "PARSE.READ", "applications", "逐栏排列") || r.Applications["withheld.internal_affairs"] != (report.Row{}) {
		t.Errorf("read as pairs with a pair out of place: %v", r.Applications["withheld.internal_affairs"])
	}
}

// pdftotext's default text of a browser's landscape print of a table that
// leaves cells blank: every label, then the header's words a piece to a
// line (…/ 他 计), then the numbers a line each, an empty line between every
// two. The header's last line was taken for a row's label, the numbers after
// it for its seven cells with blanks (0 / / 0 / / 0 / / 0: LibreOffice's text
// export writes blank cells so) and given to a row by the table's order: 4
// numbers in the wrong cells of 3.要求提供公开出版物 (A4), of （七）总计 (US
// Letter, 5 and 8 read 0). Only a label of 表三 starts such a row now.
func TestHeaderWordsOverNumbersAreNoRow(t *testing.T) {
	for _, file := range []string{
		"pdftotext-chrome-land-blanks-headerwords-2024.txt",
		"pdftotext-chrome-letterland-blanks-headerwords-2024.txt",
	} {
		readsAsTruth(t, file)
		if r := audit(t, file, readFile(t, filepath.Join(auditDir, file))); saysOf(r, "PARSE.READ", "applications", "已按空行的位置读取空白单元格") {
			t.Errorf("%s: read as cells with their blanks on lines of their own", file)
		}
	}
}
