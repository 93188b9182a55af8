package report

import (
	"slices"
	"strings"
	"testing"
)

// tableDigits takes 表三's digits in order, leaving out an item's number
// glued after a row's digits, and a page's or address's numbers, a date,
// a year and an agency's number.
func TestTableDigits(t *testing.T) {
	d, runs, _ := tableDigits("总计其他0813401600000001.属于国家秘密2.其他0000000" +
		"file:///tmp/r021.html3/4示例第21局2020年报告12/5/26, 5:05 AM" +
		"3.其他1000001（七）总计")
	if want := "08134016000000000000001000001"; d != want {
		t.Errorf("digits %q, want %q", d, want)
	}
	if want := []string{"0813401600000001"[:15], "0000000", "1000001"}; !slices.Equal(runs, want) {
		t.Errorf("runs %q, want %q", runs, want)
	}
}

// Whether words stand before each digit (an item's number left out is
// words too), not only spaces: a row's cells on its label's line ("0 0 0
// 0") are one piece, and the ones on lines of their own before it, glued
// ("100"), another.
func TestTableDigitsPieces(t *testing.T) {
	d, _, afterWords := tableDigits("3.补正后申请 0 0 0 0000取信息（六）其 2.申请人逾期未按收费通知要求缴纳100他处理 费用、政府信息 0 0 0 0公开申请0000000")
	if want := "000000010000000000000"; d != want {
		t.Errorf("digits %q, want %q", d, want)
	}
	var at []int
	for i, w := range afterWords {
		if w {
			at = append(at, i)
		}
	}
	if want := []int{0, 7, 10, 14}; !slices.Equal(at, want) {
		t.Errorf("pieces start at %v, want %v", at, want)
	}
	if !inPieces([NumCols]int64{1, 0, 0, 0, 0, 0, 0}, afterWords, 7) {
		t.Error("1 0 0 | 0 0 0 0 not in pieces")
	}
	if inPieces([NumCols]int64{0, 0, 0, 0, 0, 0, 0}, afterWords, 14) {
		t.Error("0000000 in pieces")
	}
	if laidOut(strings.Repeat("0 0 0 0000取信息（六）其 2.申请人逾期0  0  1", 20)) || !laidOut(strings.Repeat("6.属于四类过 1                   程性信息        0   0   0   0   0   0", 2)) {
		t.Error("pdftotext's default and -layout text not told apart")
	}
}

// A page's last rows' cells glued after the browser's address at its foot
// are cells, its page's number not (fewer than ten pages; the count glued to
// the next page's printed date, or left out already): before, the whole
// run was left out as the address's.
func TestTableDigitsAfterAnAddress(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"物file:///tmp/000.html0000000000007/9示例第0局", "000000000000"},
		{"物file:///tmp/000.html0000000000006/912/5/26, 10:05 AM示例", "000000000000"},
		{"物file:///tmp/000.html0000000000006/ 局", "000000000000"},
		{"物file:///tmp/000.html000000000000 局", "000000000000"},
		{"file:///tmp/r021.html3/4示例", ""},                 // (the page's number alone)
		{"file:///tmp/r021.html00012/15示例", ""},            // (a count of two digits: not known)
		{"见https://www.example.gov.cn/a.htm 1.属于国家秘密", ""}, // (an item's number)
	} {
		if d, _, _ := tableDigits(c.text); d != c.want {
			t.Errorf("%q: digits %q, want %q", c.text, d, c.want)
		}
	}
}

// A page's number between dashes is none of the table's digits; a row's
// digits before the merged 三、本 / 年度办 are, a year alone is not.
func TestTableDigitsPagesAndYears(t *testing.T) {
	d, _, _ := tableDigits("情况—2—申请人…三、本（一）予以公开0203106年度办…（五）不予—3—处理2.重复申请0010001示例局2020年报告")
	if want := "02031060010001"; d != want {
		t.Errorf("digits %q, want %q", d, want)
	}
}

// expectedRow and cutsNear cut the digits of a row that does not add up as
// the table's columns want it, but for one cell; none when two cells
// differ.
func TestCutsNear(t *testing.T) {
	if got := cutsNear("100222014", [NumCols]int64{10, 0, 1, 2, 2, 0, 14}, -1); len(got) != 1 || got[0] != [NumCols]int64{10, 0, 2, 2, 2, 0, 14} {
		t.Errorf("cutsNear = %v, want one: 10 0 2 2 2 0 14", got)
	}
	if got := cutsNear("100222014", [NumCols]int64{10, 0, 1, 1, 2, 0, 14}, -1); got != nil {
		t.Errorf("two cells off: %v, want none", got)
	}
	// a row's 总计 standing elsewhere (given): its six cells, and the 总计
	// the cell in error when the six are as wanted
	want := [NumCols]int64{28, 6, 0, 1, 3, 1, 39}
	if got := cutsNear("2860131", want, 40); len(got) != 1 || got[0] != [NumCols]int64{28, 6, 0, 1, 3, 1, 40} {
		t.Errorf("总计 given 40: %v, want one: 28 6 0 1 3 1 40", got)
	}
	if got := cutsNear("2960131", want, 39); len(got) != 1 || got[0] != [NumCols]int64{29, 6, 0, 1, 3, 1, 39} {
		t.Errorf("总计 given 39: %v, want one: 29 6 0 1 3 1 39", got)
	}
	if got := cutsNear("2860131", want, 140); got != nil {
		t.Errorf("总计 given 140 (a digit more than wanted): %v, want none", got)
	}
	if got := cutsNear("2860131", want, 39); got != nil {
		t.Errorf("总计 given 39 (the row adds up): %v, want none", got)
	}
}

// paragraphsApart tells numbers that were paragraphs each (two spaces
// apart, or one where two shared a line) from -layout's column gaps and
// from a row's numbers one space apart.
func TestParagraphsApart(t *testing.T) {
	for text, want := range map[string]bool{
		"（一）予以公开  11  2  49  2  2  4  15":            true,
		"6.属于四类过程性信息  0  0  49  0  2  0  15  0  0 0": true,
		"（一）予以公开 11 0 4 0 0 0 15":                    false,
		"（一）予以公开      11     4       15":             false,
		"（一）予以公开  11     4  15":                      false,
		"（一）予以公开":                                    false,
	} {
		if got := paragraphsApart(text); got != want {
			t.Errorf("paragraphsApart(%q) = %v, want %v", text, got, want)
		}
	}
}

// Counts a space apart, one of two digits or more not the last, are whole
// counts; a page that glues a row's last two cells glues them in its last
// token, one that spaces only the 总计 makes two tokens, and digits run
// together ("02") are no count written on its own.
func TestWholeCountsApart(t *testing.T) {
	for _, c := range []struct {
		toks string
		want bool
	}{
		{"0 12 2 1 17", true},
		{"1 0 0 0 0 312", false},
		{"160 02 0 018", false},
		{"5800000 58", false},
		{"400000 4", false},
		{"11 0 0 0 0 0 11", false},
	} {
		if got := wholeCountsApart(strings.Fields(c.toks)); got != c.want {
			t.Errorf("wholeCountsApart(%s) = %v, want %v", c.toks, got, c.want)
		}
	}
}

// A browser's address and the next page's title hold no cells' digits; a
// row's digits after its label are.
func TestCellDigitsIn(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"四、结转下年度继续办理file:///tmp/s57/cb6/004.html3/4", false},
		{"示例第4", false},
		{"3.其他152161 16", true},
		{"1.属于国家秘密000", true},
	} {
		if got := cellDigitsIn(c.text); got != c.want {
			t.Errorf("cellDigitsIn(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
