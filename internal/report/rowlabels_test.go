package report_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gongkai/internal/report"
)

// A label as short as 3.其他 with one character misread between its number
// and its last character (3.w他: a font that lost a glyph) is its row, said;
// two characters misread is no row, and its numbers are not given to the row
// above whose label came without numbers (they were the wrong row's: a
// wrapped label's first line, 2.申请人逾期未按…, waiting for its numbers).
func TestShortLabelMisread(t *testing.T) {
	src := string(readFile(t, filepath.Join(auditDir, "tab-2021.txt")))
	want := truth().Applications["other.other"]

	got := audit(t, "t.txt", []byte(strings.Replace(src, "\t\t3.其他\t", "\t\t3.w他\t", 1)))
	if got.Applications["other.other"] != want || !slices.Contains(rules(got.Findings, report.SevInfo), "PARSE.READ") {
		t.Errorf("3.w他 read as %v, findings %v", got.Applications["other.other"], got.Findings)
	}

	// its last character misread, the row expected next: 3.其年, （七）总属
	got = audit(t, "t.txt", []byte(strings.NewReplacer("\t\t3.其他\t", "\t\t3.其年\t", "（七）总计\t", "（七）总属\t").Replace(src)))
	for _, key := range []string{"other.other", "total"} {
		if got.Applications[key] != truth().Applications[key] || !slices.ContainsFunc(got.Findings, func(f report.Finding) bool {
			return f.Rule == "PARSE.READ" && f.Cell == "applications."+key
		}) {
			t.Errorf("%s read as %v, findings %v", key, got.Applications[key], got.Findings)
		}
	}

	// the row above without its numbers (a label alone), then 3.口口 with 1 0 0 0 0 0 1
	i := strings.Index(src, "\t\t2.申请人逾期未按收费通知")
	j := strings.Index(src[i:], "\t0\t") + i
	end := strings.Index(src[i:], "\n") + i
	text := src[:j] + src[end:]
	text = strings.Replace(text, "\t\t3.其他\t", "\t\t3.口口\t", 1)
	got = audit(t, "t.txt", []byte(text))
	if v := got.Applications["other.no_fee_paid"]; !v[0].Blank() || !v[6].Blank() {
		t.Errorf("3.口口's numbers given to the row above: %v", v)
	}
	if v := got.Applications["other.other"]; !v[0].Blank() || !slices.ContainsFunc(got.Findings, func(f report.Finding) bool {
		return f.Rule == "PARSE.TABLE" && f.Cell == "applications.other.other"
	}) {
		t.Errorf("other.other read as %v without saying: %v", v, got.Findings)
	}
	for _, f := range got.Findings {
		if f.Severity == report.SevError {
			t.Errorf("error from a row not read: %s %s", f.Rule, f.Message)
		}
	}
}

// A row known only by the last characters of its label on a line of their
// own (开申请: its label's first lines misread), that no numbers come to, was
// not read: "not found" (PARSE.TABLE), not a row the report left blank
// (CELL.BLANK). The PDF re-distilled by Ghostscript has such a row.
func TestRowKnownByAPieceOnly(t *testing.T) {
	r := audit(t, "gs.pdf", readFile(t, filepath.Join(auditDir, "gs-chrome-page-2021.pdf")))
	for _, f := range r.Findings {
		if f.Rule == "CELL.BLANK" {
			t.Errorf("a row not read said blank: %s", f.Message)
		}
	}
	if v := r.Applications["other.no_fee_paid"]; !v[0].Blank() && v != truth().Applications["other.no_fee_paid"] {
		t.Errorf("no_fee_paid read as %v", v)
	}
}

// A wrapped label with a character misread on the line that holds its
// numbers is its row, said (PARSE.READ), known by the words of the lines
// without numbers before and after that line: pdftotext -layout prints a
// wrapped label's numbers on its first line (1.本机关不掌握相关 / 政府信息),
// a narrow column beside the label's middle (1.申请人无正当理 / 由逾期不补
// 正、行 0 0 1 … / 政机关不再处理其 / …). That line's start alone is too
// short to be known with an error in it; before, the numbers were dropped
// and the row was said to be left blank (CELL.BLANK), and with a number
// in it 表三's sums gave false errors. A generic converter's 数值 with the
// heading of the next row under it is still no row's label.
func TestWrappedLabelMisreadOnItsNumbersLine(t *testing.T) {
	damages := []struct {
		layout  string
		make    func(testing.TB, *report.Report) string
		misread []string // pairs: the text, as misread
		row     string
	}{
		{"layout", layoutText, []string{"1.本机关不掌握相关 ", "1.本数关不掌握相关 "}, "unavailable.not_held"},
		{"layout", layoutText, []string{"1.申请人无正当理由 ", "1.申请人无正当理维 "}, "other.no_correction"},
		// the label's first line, without numbers, misread too
		{"grid-narrow", gridNarrow, []string{"1.申请人无正当理", "1.申请人三正当理", "由逾期不补正、行", "由逾期不补维、行"}, "other.no_correction"},
	}
	for _, d := range damages {
		for i := range 8 {
			truth := generated(i)
			src := d.make(t, truth)
			for k := 0; k < len(d.misread); k += 2 {
				if !strings.Contains(src, d.misread[k]) {
					t.Fatalf("%s report %d: no %q to damage", d.layout, i, d.misread[k])
				}
				src = strings.Replace(src, d.misread[k], d.misread[k+1], 1)
			}
			r := audit(t, "r.txt", []byte(src))
			if got, want := r.Applications[d.row], truth.Applications[d.row]; got != want {
				t.Errorf("%s %q report %d: %s read %v, want %v", d.layout, d.misread[1], i, d.row, got, want)
			}
			if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
				return f.Rule == "PARSE.READ" && f.Cell == "applications."+d.row
			}) {
				t.Errorf("%s %q report %d: the misread label not said", d.layout, d.misread[1], i)
			}
			for _, f := range r.Findings {
				if f.Severity == report.SevError || f.Rule == "CELL.BLANK" {
					t.Errorf("%s %q report %d: %s %s", d.layout, d.misread[1], i, f.Rule, f.Message)
				}
			}
		}
	}
	// the generic table's 数值 and the next row's heading under it
	src := ocrText(t, generated(1))
	at := strings.Index(src, "### （七）总计")
	if at < 0 {
		t.Fatal("no （七）总计 heading in the OCR layout")
	}
	r := audit(t, "r.md", []byte(src[:at]+strings.Replace(src[at:], "### （七）总计", "### （七）收计", 1)))
	if got, want := r.Applications["carried_forward"], generated(1).Applications["carried_forward"]; got != want {
		t.Errorf("（七）收计's numbers given to the next row: carried_forward read %v, want %v", got, want)
	}
}

// （七）总计 with its ordinal misread into a character no numeral ((无)总计)
// is the total row, known by its words, said; （六）其他, the words of a
// group's merged cell, is still not 3.其他. Before, the total row was not
// found (PARSE.TABLE) and 表三's sums went unchecked.
func TestTotalRowWithItsOrdinalMisread(t *testing.T) {
	src := string(readFile(t, filepath.Join(auditDir, "tab-2021.txt")))
	if !strings.Contains(src, "（七）总计\t") {
		t.Fatal("no （七）总计 row in the fixture")
	}
	r := audit(t, "t.txt", []byte(strings.Replace(src, "（七）总计\t", "（无）总计\t", 1)))
	if got, want := r.Applications["total"], truth().Applications["total"]; got != want {
		t.Errorf("（无）总计 read as %v, want %v", got, want)
	}
	if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
		return f.Rule == "PARSE.READ" && f.Cell == "applications.total"
	}) {
		t.Errorf("the misread ordinal not said: %v", r.Findings)
	}
	r = audit(t, "raw.txt", readFile(t, filepath.Join(auditDir, "pdftotext-raw-2021.txt")))
	for _, f := range r.Findings {
		if f.Cell == "applications.other.other" {
			t.Errorf("（六）其他 taken for 3.其他: %s", f.Message)
		}
	}
}

// In a text without line breaks, 表三's own 四、结转下年度继续办理 with a
// character misread (四、政转下年度…) is still a row of 表三, not section
// 四's heading: before, with the heading's 行政复议 misread too, it was
// taken for the heading, the real heading after it was missed (S.MISSING,
// 表四 unread), the row was left blank and 表三's balance gave false errors.
func TestCarriedForwardMisreadIsNoHeading(t *testing.T) {
	for i := range 8 {
		truth := generated(i)
		src := onelineCycling(t, truth)
		if !strings.Contains(src, "四、结转下年度继续办理") {
			t.Fatal("no 四、结转下年度继续办理 row")
		}
		src = strings.Replace(src, "四、结转下年度继续办理", "四、政转下年度继续办理", 1)
		// the heading's 行政复议 misread too (行政诉讼 is left)
		src = strings.Replace(src, "四、政府信息公开行政复议", "四、政府信息公开行性复议", 1)
		r := audit(t, "r.txt", []byte(src))
		for _, f := range r.Findings {
			if f.Severity == report.SevError || f.Rule == "CELL.BLANK" {
				t.Errorf("report %d: %s %s", i, f.Rule, f.Message)
			}
		}
		if got, want := r.Applications["carried_forward"], truth.Applications["carried_forward"]; got != want {
			t.Errorf("report %d: carried_forward read %v, want %v", i, got, want)
		}
		if r.Appeals != truth.Appeals {
			t.Errorf("report %d: 表四 read %v, want %v", i, r.Appeals, truth.Appeals)
		}
	}
}

// The end of a wrapped label that two rows share (信息公开申请数量 ends both
// 一、本年新收… and 二、上年结转…), read after a row that was not read and
// without its own start, names no row: before, 二's numbers (after its
// misread start 二、上年告改政府) went to 一, whose own label was misread past
// knowing — a wrong row, its sums silent.
func TestSharedLabelEndNamesNoRow(t *testing.T) {
	for i := range 8 {
		truth := generated(i)
		src := cellPerLineWrapped(t, truth)
		for _, m := range [][2]string{{"一、本年新收政府", "万、本年处政政府"}, {"信息公开申请数量", "信息公开申公数量"}, {"二、上年结转政府", "二、上年告改政府"}} {
			if !strings.Contains(src, m[0]) {
				t.Fatalf("no %q to misread", m[0])
			}
			src = strings.Replace(src, m[0], m[1], 1)
		}
		readRightOrSaid(t, fmt.Sprintf("report %d", i), truth, audit(t, "r.txt", []byte(src)))
	}
}

// A label not read that starts with the next item's number (5.要其行政机关确,
// its 求 misread) ends the row whose label was waiting for its numbers
// (4.无正当理由大量 / 反复申请 in a narrow column, after a row not read and
// its group's 处理 misread): the numbers beside the label's misread middle
// (认存重信出具已获) are not 4.'s. Before, 4. took 5.'s numbers and 5. was
// read 0: two wrong rows that still added up.
func TestNextItemNumberEndsTheWaitingRow(t *testing.T) {
	for i := range 8 {
		truth := generated(i)
		src := gridNarrow(t, truth)
		for _, m := range [][2]string{
			{"3.要求提供公开出", "3.果求提容息督出"}, {"处理          4.无正当理由大量", "处条          4.无正当理由大量"},
			{"5.要求行政机关确", "5.要其行政机关确"}, {"认或重新出具已获", "认存重信出具已获"},
		} {
			if !strings.Contains(src, m[0]) {
				t.Fatalf("report %d: no %q to misread", i, m[0])
			}
			src = strings.Replace(src, m[0], m[1], 1)
		}
		readRightOrSaid(t, fmt.Sprintf("report %d", i), truth, audit(t, "r.txt", []byte(src)))
	}
}

// readRightOrSaid fails on a cell of r read other than truth's, or left
// unread without a PARSE finding.
func readRightOrSaid(t *testing.T, where string, truth, r *report.Report) {
	t.Helper()
	eachCount(truth, r, func(got, want report.Cell, prefix, cname string) {
		if !got.Blank() && got.String() != want.String() {
			t.Errorf("%s: %s read %q, want %q", where, cname, got, want)
		}
		if got.Blank() && !saysWhy(r, prefix) {
			t.Errorf("%s: %s unread, not said", where, cname)
		}
	})
}

// A 表三 item whose group's words are misread past knowing (（三）不予项量
// 1.属于国行秘密: an OCR, a re-distilled PDF's glyphs) is known by its item,
// the number and words after the group, within 30 % edits, and said; a
// wrapped item's start is still matched as a piece (no misread said). In
// the Ghostscript PDF four rows were unread this way, now read as the page
// prints them.
func TestItemAfterAMisreadGroup(t *testing.T) {
	for i := range 6 {
		truth := generated(i)
		src := textOf(t, truth)
		if !strings.Contains(src, "（三）不予公开\t1.属于国家秘密") {
			t.Fatal("no 1.属于国家秘密 row")
		}
		r := audit(t, "r.txt", []byte(strings.Replace(src, "（三）不予公开\t1.属于国家秘密", "（三）不予项量\t1.属于国行秘密", 1)))
		if got, want := r.Applications["withheld.state_secret"], truth.Applications["withheld.state_secret"]; got != want {
			t.Errorf("report %d: state_secret read %v, want %v", i, got, want)
		}
		if !slices.ContainsFunc(r.Findings, func(f report.Finding) bool {
			return f.Rule == "PARSE.READ" && f.Cell == "applications.withheld.state_secret"
		}) {
			t.Errorf("report %d: the misread not said", i)
		}
	}
	r := audit(t, "gs.pdf", readFile(t, filepath.Join(auditDir, "gs-chrome-page-2021.pdf")))
	for _, k := range []string{"withheld.third_party", "withheld.internal_affairs", "not_processed.publication", "not_processed.mass_repeat"} {
		if got, want := r.Applications[k], truth().Applications[k]; got != want {
			t.Errorf("gs-chrome-page-2021.pdf: %s read %v, want %v", k, got, want)
		}
	}
}

// In 表二 written a cell to a line, a label that lost a character past
// knowing (行政处, its 罚 lost) leaves its number on a line of its own; the
// next line, a whole label by itself (行政强制), is that row's, not the end
// of a label wrapped over the number's line. Before, 行政强制 took the lost
// row's 0 and its own 32 went nowhere: a wrong cell nothing flagged.
func TestT2NumberBeforeAWholeLabel(t *testing.T) {
	for _, head := range []string{"", "二、主动公开政府信息情况\n"} {
		src := head + "第二十条第（六）项\n信息内容\n本年处理决定数量\n行政处\n0\n行政强制\n32\n"
		r := audit(t, "r.txt", []byte(src))
		if got := r.Proactive.Cell("coercion.decisions"); got.String() != "32" {
			t.Errorf("%q: 行政强制 read %q, want 32", head, got)
		}
		if got := r.Proactive.Cell("penalty.decisions"); !got.Blank() {
			t.Errorf("%q: 行政处罚 read %q, want unread", head, got)
		}
	}
	// a label wrapped in a narrow column is still read whole
	src := "第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n规章\n1\n2\n3\n行政规\n范性文  4  5  6\n件\n"
	r := audit(t, "r.txt", []byte(src))
	if got := r.Proactive.Cell("normative_documents.issued"); got.String() != "4" {
		t.Errorf("a wrapped label's row read %q, want 4", got)
	}
}
