package report_test

import (
	"path/filepath"
	"testing"
)

// pdftotext's default text of LibreOffice's PDF of a table that leaves whole
// rows blank writes some blank rows' labels away from their rows (after the
// last row printed, or the later rows' before earlier ones), and at times a
// later row's numbers right after a blank row's label: 5.属于三类内部事务信息
// with （四）2.没有现成信息需要另行制作's 0 0 0 0 1 0 1 (the 2022 fixture, the
// row its numbers belong to named among the later rows without numbers).
// Neither the text nor 表三's identities tell which (outcome rows trade
// places in them), and most such rows are their own (the 2020 fixture, read
// whole): the row is read as written and said, naming the rows the numbers
// may be. Before, the 2022 fixture's row was read wrong without a word.
func TestT3LabelsOutOfOrderSaid(t *testing.T) {
	const said = "紧接在它的行名之后，读作该行的；但它前后的行名不按表中的次序"
	own := "pdftotext-lo-blanks-labelsoutoforder-2020.txt"
	readsAsTruth(t, own)
	if r := audit(t, own, readFile(t, filepath.Join(auditDir, own))); !saysOf(r, "PARSE.READ", "applications.withheld.query_service", said) {
		t.Errorf("%s: the reading not said: %v", own, r.Findings)
	}
	const other = "pdftotext-lo-blanks-labelsoutoforder-2022.txt"
	want, r := auditWithModel(t, other)
	if got := r.Applications["withheld.internal_affairs"]; got != want.Applications["unavailable.needs_creation"] {
		t.Fatalf("%s: 5.属于三类内部事务信息 read %v", other, got)
	}
	if !saysOf(r, "PARSE.READ", "applications.withheld.internal_affairs", said) ||
		!saysOf(r, "PARSE.READ", "applications.withheld.internal_affairs", "“（四）无法提供2.没有现成信息需要另行制作”") {
		t.Errorf("%s: the reading, or the row the numbers are, not said: %v", other, r.Findings)
	}
	// a later row of another kind named too, without the outcome rows'
	// caveat: pdfminer's text writes （七）总计's label, which reads no
	// numbers, before （六）2.'s
	const mined = "pdfminer-blanks-2021.txt"
	r = audit(t, mined, readFile(t, filepath.Join(auditDir, mined)))
	if !saysOf(r, "PARSE.READ", "applications.other.no_fee_paid", "也可能是没有读到数字的“（七）总计”的，请对照原文核对") {
		t.Errorf("%s: （七）总计 not named: %v", mined, r.Findings)
	}
	// a row read in a table whose labels keep their order is not said so
	for _, f := range []string{"pdftotext-lo-docx-blanks-laterrow-2019.txt", "pdftotext-lo-docx-large-blanks-labelafter-2021.txt", "pdftotext-lo-a5-blanks-t4tail-2022.txt"} {
		if r := audit(t, f, readFile(t, filepath.Join(auditDir, f))); saysOf(r, "PARSE.READ", "applications", "不按表中的次序") {
			t.Errorf("%s: said out of order", f)
		}
	}
}

// pdftotext -layout of a portal's narrow print: a row's last cells printed
// at the height of the next row's first line, each over that row's cell in
// the same column, so their digits run together (4.保护第三方合法权益 0 /
// 5.属于三类内部事务信息 0 0 00 0 00 10 10: 4.'s 0 0 1 1 over 5.'s zeros).
// Read as seven numbers, the line added up by chance (10 = 10): 5. read
// 0 0 0 0 0 10 10. A row of a laid-out text with a number written as no
// count is (a leading 0: 00, 01) is unread, said.
func TestT3RowsRunTogetherInALaidOutLine(t *testing.T) {
	readsAndSays(t, []string{"pdftotext-layout-portal-gluedrows-2022.txt"}, func(t *testing.T, file string) { readsAsTruth(t, file) },
		"PARSE.TABLE", "applications.withheld.internal_affairs", "中有以 0 开头的多位数")
}
