// Package redact covers personal information in a document before it is
// given to an applicant (区分处理, 《条例》第三十七条; 个人隐私, 第十五条):
// 居民身份证号码, mobile numbers, e-mail addresses and the words a clerk
// names (a third party's name, an address). Each is replaced by Mark, the
// text itself, not a box drawn over it: what is covered is gone from the
// file. It reads Word documents (.docx: the body, headers and footers,
// footnotes, comments, tracked deletions and the document's properties)
// and UTF-8 text; PDF and pictures it refuses, since text drawn on a page
// cannot be taken out of it reliably.
package redact

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/guard"
)

// Mark is what stands where text was covered: the same whatever its
// length, so that the length of a name says nothing.
const Mark = "■■■"

// MaxTerms bounds the words one request may name, and MaxTermLen each.
const (
	MaxTerms   = 50
	MaxTermLen = 100
)

// Options say what to cover.
type Options struct {
	IDNumbers bool     // 18-digit 居民身份证号码 with a valid check character
	Mobiles   bool     // 11-digit mobile numbers (1[3-9]…, also 139-1234-5678)
	Emails    bool     // e-mail addresses
	Terms     []string // words to cover wherever they stand
}

// Any says something is to be covered.
func (o Options) Any() bool {
	return o.IDNumbers || o.Mobiles || o.Emails || len(o.Terms) > 0
}

// Result is the covered file and what was covered, by kind and count —
// never the covered text itself.
type Result struct {
	Data                       []byte
	IDNumbers, Mobiles, Emails int
	Terms                      []int // how often each of Options.Terms was found
	Pictures                   int   // pictures in the document, whose text is not read
	Embedded                   int   // objects embedded in it (a workbook, another document), not opened
}

// Total is how many places were covered.
func (r Result) Total() int {
	n := r.IDNumbers + r.Mobiles + r.Emails
	for _, t := range r.Terms {
		n += t
	}
	return n
}

// Summary says in a sentence what was covered (for the file's note and the
// audit log): kinds and counts, and how many named words were not found.
func (r Result) Summary() string {
	var parts []string
	for _, k := range []struct {
		name string
		n    int
	}{{"身份证号码", r.IDNumbers}, {"手机号码", r.Mobiles}, {"电子邮箱", r.Emails}} {
		if k.n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 处", k.name, k.n))
		}
	}
	if len(r.Terms) > 0 {
		found, missing := 0, 0
		for _, t := range r.Terms {
			found += t
			if t == 0 {
				missing++
			}
		}
		s := fmt.Sprintf("指定文字 %d 处", found)
		if missing > 0 {
			s += fmt.Sprintf("（%d 项中 %d 项未找到）", len(r.Terms), missing)
		}
		parts = append(parts, s)
	}
	s := "区分处理：未找到需要遮盖的内容"
	if r.Total() > 0 {
		s = "区分处理：已遮盖" + strings.Join(parts, "、")
	} else if len(r.Terms) > 0 {
		s += fmt.Sprintf("（指定文字 %d 项均未找到）", len(r.Terms))
	}
	if r.Pictures > 0 {
		s += fmt.Sprintf("；文中 %d 张图片里的文字未检查", r.Pictures)
	}
	if r.Embedded > 0 {
		s += fmt.Sprintf("；文中 %d 个嵌入的对象（表格、文档等）未检查", r.Embedded)
	}
	return s
}

// CleanTerms are the words of a textarea, one per line: trimmed, blank
// lines and repeats dropped, within MaxTerms and MaxTermLen.
func CleanTerms(text string) ([]string, error) {
	var out []string
	for i, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || slices.Contains(out, t) {
			continue
		}
		if utf8.RuneCountInString(t) > MaxTermLen {
			return nil, errs.New("terms", "第 %d 行超过 %d 个字：每行写一个需要遮盖的词语（如姓名、地址）", i+1, MaxTermLen)
		}
		out = append(out, t)
		if len(out) > MaxTerms {
			return nil, errs.New("terms", "需要遮盖的词语最多 %d 个", MaxTerms)
		}
	}
	return out, nil
}

// Name is the covered copy's file name: 答复材料.docx → 答复材料（区分处理）.docx.
func Name(name string) string {
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "（区分处理）" + ext
}

// File covers what opt asks in the file named name: .docx or .txt.
func File(name string, data []byte, opt Options) (Result, error) {
	if !opt.Any() {
		return Result{}, errs.New("redact", "请至少选择一类需要遮盖的内容，或写出需要遮盖的词语")
	}
	switch ext := strings.ToLower(path.Ext(name)); ext {
	case ".docx":
		return docx(name, data, opt)
	case ".txt":
		if !utf8.Valid(data) {
			return Result{}, errs.New("file", "“%s”不是 UTF-8 编码的文本文件，请另存为 UTF-8 后再上传", name)
		}
		r := Result{Terms: make([]int, len(opt.Terms))}
		out := cover([]string{string(data)}, opt, &r)
		r.Data = []byte(out[0])
		return r, nil
	case ".doc", ".wps":
		return Result{}, errs.New("file", "“%s”是旧版 Word 格式：请在 Word 或 WPS 中另存为 .docx 后再上传", name)
	default:
		return Result{}, errs.New("file", "只能遮盖 Word 文档（.docx）或文本文件（.txt）中的文字：PDF 和图片上的文字无法可靠地去除，请用原始的 Word 文档遮盖后再转换")
	}
}

var emailRe = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)

// span is a byte range of the joined text to cover.
type span struct{ from, to int }

// cover covers what opt asks in pieces, which read as one text (a
// paragraph's runs: a name split over two runs is still found), and
// returns the pieces covered: a covered range is Mark in the piece where
// it starts and nothing in the pieces it runs on into. Counts go to r.
func cover(pieces []string, opt Options, r *Result) []string {
	text := strings.Join(pieces, "")
	var spans []span
	if opt.IDNumbers || opt.Mobiles {
		for _, run := range digitRuns(text) {
			digits := casework.NormalizeCode(strings.NewReplacer("-", "", "－", "").Replace(text[run.from:run.to]))
			switch {
			case opt.IDNumbers && len(digits) == 18 && validID(digits):
				spans = append(spans, run)
				r.IDNumbers++
			case opt.Mobiles && mobile(text[run.from:run.to], digits):
				spans = append(spans, run)
				r.Mobiles++
			}
		}
	}
	if opt.Emails {
		for _, m := range emailRe.FindAllStringIndex(text, -1) {
			spans = append(spans, span{m[0], m[1]})
			r.Emails++
		}
	}
	folded := "" // text with Latin letters in lower case (the same bytes long): a name in Latin letters is found in any case
	for k, t := range opt.Terms {
		hay := text
		if hasUpperASCII(t) || hasUpperASCII(text) {
			if folded == "" {
				folded = lowerASCII(text)
			}
			hay, t = folded, lowerASCII(t)
		}
		for at := 0; ; {
			i := strings.Index(hay[at:], t)
			if i < 0 {
				break
			}
			spans = append(spans, span{at + i, at + i + len(t)})
			r.Terms[k]++
			at += i + len(t)
		}
	}
	if len(spans) == 0 {
		return pieces
	}
	spans = merge(spans)
	out := make([]string, len(pieces))
	start := 0 // the piece's place in text
	for i, p := range pieces {
		end := start + len(p)
		var b strings.Builder
		at := start
		for _, s := range spans {
			if s.to <= start || s.from >= end {
				continue
			}
			from, to := max(s.from, start), min(s.to, end)
			b.WriteString(text[at:from])
			if s.from >= start { // the range starts here: the mark; else it ran on from an earlier piece
				b.WriteString(Mark)
			}
			at = to
		}
		b.WriteString(text[at:end])
		out[i] = b.String()
		start = end
	}
	return out
}

// lowerASCII is s with A–Z in lower case, each byte where it was.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func hasUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// merge sorts spans and joins those that overlap or touch.
func merge(spans []span) []span {
	slices.SortFunc(spans, func(a, b span) int { return a.from - b.from })
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.from <= last.to {
			last.to = max(last.to, s.to)
			continue
		}
		out = append(out, s)
	}
	return out
}

// digitRuns are the runs of digits in text (half- or full-width), with an
// X at the end (an identity number's check character) and single hyphens
// or spaces between digits ("139-1234-5678", "139 1234 5678"), not
// touching a letter or another digit.
func digitRuns(text string) []span {
	var out []span
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isDigit(r) {
			i += n
			continue
		}
		from, j := i, i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			switch {
			case isDigit(r):
				j += n
				continue
			case r == 'X' || r == 'x' || r == 'Ｘ' || r == 'ｘ':
				j += n // the last character of an identity number
			case r == '-' || r == ' ' || r == '－':
				if r2, _ := utf8.DecodeRuneInString(text[j+n:]); isDigit(r2) {
					j += n
					continue
				}
			}
			break
		}
		// a code with letters round it (a 文号's year, a serial) is not one
		before, _ := utf8.DecodeLastRuneInString(text[:from])
		after, _ := utf8.DecodeRuneInString(text[j:])
		if !isASCIILetter(before) && !isASCIILetter(after) {
			out = append(out, span{from, j})
		}
		i = j
	}
	return out
}

func isDigit(r rune) bool { r = guard.HalfWidth(r); return r >= '0' && r <= '9' }

func isASCIILetter(r rune) bool {
	r = guard.HalfWidth(r)
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// validID is a 居民身份证号码 by its check character and birth date.
func validID(id string) bool {
	_, err := casework.ValidateID(id)
	return err == nil
}

// mobile is a mainland mobile number: 11 digits from 13 to 19, written
// whole or as 3-4-4.
func mobile(raw, digits string) bool {
	if len(digits) != 11 || digits[0] != '1' || digits[1] < '3' || digits[1] > '9' || strings.ContainsAny(digits, "Xx") {
		return false
	}
	groups := strings.FieldsFunc(raw, func(r rune) bool { return r == '-' || r == ' ' || r == '－' })
	if len(groups) == 1 {
		return true
	}
	return len(groups) == 3 && utf8.RuneCountInString(groups[0]) == 3 && utf8.RuneCountInString(groups[1]) == 4
}
