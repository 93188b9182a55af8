package report

import "testing"

// OCR's rules are a "|" between Chinese words (a space apart at most), on a
// line of text or on one the text reader cut into cells at two pipes or
// more — but not in a Markdown pipe table, whose pipes a rule line
// (|---|) shows to be Markdown's, nor on a line that starts with its pipe.
func TestOCRRuleLines(t *testing.T) {
	ocr := "申请人情况\n(本列数据的勾稽关系为; 第一项加第二项之和 | 自     法人或其他组织\nj加芝四机之和 )           然 | 商业| 科研 [福会公 法律呈| 其 | 计\n"
	ls, _, err := Lines("r.txt", []byte(ocr))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range ls {
		if ocrRule(l) {
			n++
		}
	}
	if n != 2 {
		t.Errorf("OCR's text: %d lines with its rules, want 2", n)
	}
	md := "申请人情况 | 自然人 | 商业企业\n---|---|---\n一、本年新收 | 1 | 2\n"
	ls, _, err = Lines("r.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range ls {
		if ocrRule(l) {
			t.Errorf("Markdown's row %q taken for OCR's rules", l.Text)
		}
	}
	if ocrRuleText("| 申请人情况 | 自然人 |") || ocrRuleText("一、本年新收 | 64 | 0") || !ocrRuleText("三、本 | (一) 予以公开") {
		t.Error("ocrRuleText: a Markdown row, a row of counts or OCR's rule before a group's label misjudged")
	}
}

// In an OCR layer's text a table's rule read as "|" between two numbers
// (表四's 0 123 | 369) is taken out, a space in its place, so the row is
// fifteen numbers: before, 表四 "had no row of fifteen numbers" and was
// unread. A pipe among words, or glued to a number, stays.
func TestNumbersUnruled(t *testing.T) {
	for in, want := range map[string]string{
		"0  246  0  0  123  |  369": "0  246  0  0  123     369",
		"0 | 1 | 2":                 "0   1   2",
		"三、本 | (一) 予以公开 3":          "三、本 | (一) 予以公开 3",
		"审结 | 7":                    "审结 | 7",
		"12|3 4":                    "12|3 4",
		"| 3":                       "| 3",
	} {
		if got := numbersUnruled(in); got != want {
			t.Errorf("numbersUnruled(%q) = %q, want %q", in, got, want)
		}
	}
}
