package report

import (
	"strings"
	"unicode/utf8"
)

// Section 一 often says what 表二 (一) counts: "本年度制发行政规范性文件3件，
// 废止1件，现行有效15件". N.PROACTIVE compares such counts with the table
// (2021 format: 本年制发件数, 本年废止件数, 现行有效件数; the 2019 trial
// format: 本年新制作数量 for 制发). Only a count that
// follows its verb (制发, 印发, 出台, 制定; 废止; 现行有效) with nothing but its
// subject between is read; a part without the subject takes the one named
// before it in the sentence ("…3件，废止1件"). 党内规范性文件, counts of a region
// (各部门…) and of other years, running totals, 规章 and 规范性文件 counted
// together are not.

// normVerbs are the verbs of each column.
var normVerbs = []struct {
	col   string
	verbs []string
}{
	{"issued", []string{"制发", "印发", "出台", "制定"}},
	{"repealed", []string{"废止"}},
	{"in_force", []string{"现行有效"}},
}

// normSubjects are 表二 (一)'s rows as a narrative names them.
var normSubjects = []struct{ key, word string }{{"normative_documents", "规范性文件"}, {"rules", "规章"}}

// normativeClaims are the counts of 表二 (一) section 一 states, What being
// the cell's path (normative_documents.issued, rules.in_force …).
func normativeClaims(r *Report) []Claim {
	t := r.Sections["1"]
	if !namesWords(t, "规范性文件", "规章") {
		return nil
	}
	var out []Claim
	eachSentence(t, func(s string, off int, _ bool) {
		out = append(out, sentenceNormClaims(s, off, r.Year)...)
	})
	return out
}

// namesWords says t holds one of words, also broken by a line end
// ("规范性\n    文件"): the text is joined only when none is there as written.
func namesWords(t string, words ...string) bool {
	if indexAny(t, words...) >= 0 {
		return true
	}
	if !hasText(t, "\n") {
		return false
	}
	for _, w := range words {
		first, n := utf8.DecodeRuneInString(w)
		for i := 0; ; {
			k := strings.IndexRune(t[i:], first)
			if k < 0 {
				break
			}
			i += k + n
			// (only where a line end follows within the word's length and
			// some white space: 工作 is everywhere, 作⏎出 rare)
			if strings.IndexByte(t[i:min(len(t), i+len(w)+12)], '\n') >= 0 && brokenAt(t[i:], w[n:]) {
				return true
			}
		}
	}
	return false
}

// brokenAt says s starts with rest, its characters maybe parted by one
// line end and the white space around it.
func brokenAt(s, rest string) bool {
	broken := false
	for _, r := range rest {
		got, n := utf8.DecodeRuneInString(s)
		if got != r && !broken {
			if t, crossed := skipBreak(s); crossed {
				s, broken = t, true
				got, n = utf8.DecodeRuneInString(s)
			}
		}
		if got != r {
			return false
		}
		s = s[n:]
	}
	return true
}

// sentenceNormClaims reads one sentence's counts of 表二 (一).
func sentenceNormClaims(s string, off, year int) []Claim {
	s = joinLines(s)
	if !hasText(s, "规范性文件") && !hasText(s, "规章") {
		return nil
	}
	if widerScope(s) || regionWide(s) || hasText(s, "累计") || sinceLong(s) || notTheYear(s) {
		return nil
	}
	var out []Claim
	subject := ""             // the row named last in the sentence
	seen := map[string]bool{} // the rows named so far
	lastCol := ""             // the column of the last count read: "制发规章1件、行政规范性文件2件"
	earlier := false          // a part named another year: the parts after it are of that year too
	counted := false          // the part before holds a count
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '，' || r == ',' || r == '、' }) {
		after := counted
		counted = hasCount(part)
		if y, ok := partYear(part); ok {
			earlier = y != year
		}
		if earlier || otherYear(part, year) {
			subject, lastCol = "", ""
			continue
		}
		named := ""
		for _, sub := range normSubjects {
			if hasText(part, sub.word) {
				seen[sub.key] = true
				if named != "" {
					named = "both" // 规章和规范性文件: counted together
					break
				}
				named = sub.key
			}
		}
		if hasText(part, "党内") {
			named = "other" // the Party's documents: not 表二's
		}
		switch {
		case named != "":
			subject = named
		case len(seen) > 1:
			// "…规章1件、行政规范性文件2件，废止3件": of both, or of either
			subject = "both"
		}
		if subject == "" || subject == "other" {
			lastCol = ""
			continue
		}
		col, v, ok := normCount(part, lastCol)
		lastCol = ""
		switch {
		case !ok:
		case v == 0 && named == "" && after && !counted:
			// "起草规范性文件3件，尚未印发": those 3 are not issued yet, which
			// says nothing of the year's count
		case subject == "both" && v == 0 && named == "both":
			// "未制发规章和规范性文件": none of either
			for _, sub := range normSubjects {
				out = append(out, Claim{What: sub.key + "." + col, Value: 0, Text: trimSpace(s), Off: off, Sect: "1"})
			}
		case subject != "both":
			out = append(out, Claim{What: subject + "." + col, Value: v, Text: trimSpace(s), Off: off, Sect: "1"})
			lastCol = col
		}
	}
	return out
}

// normCount reads a part's count of one column: the verb, then the count,
// with only the subject between; "未制发" is a count of 0. A part without a
// verb that is only the subject and its count takes the column of the part
// before (prev: "制发规章1件、行政规范性文件2件").
func normCount(part, prev string) (col string, v int64, ok bool) {
	if prev != "" && !hasNormVerb(part) {
		if start, num, _, found := findCount(part); found && onlySubject(part[:start]) {
			if n, isNum := parseNumber(part[start:num]); isNum {
				return prev, n, true
			}
		}
		return "", 0, false
	}
	for _, nv := range normVerbs {
		for _, verb := range nv.verbs {
			j := indexText(part, verb)
			if j < 0 {
				continue
			}
			if strings.HasSuffix(part[:j], "未") || strings.HasSuffix(part[:j], "没有") || strings.HasSuffix(part[:j], "无") {
				if !hasCount(part) {
					return nv.col, 0, true
				}
				return "", 0, false
			}
			rest := part[j+len(verb):]
			start, num, _, found := findCount(rest)
			if !found {
				return "", 0, false
			}
			if !onlySubject(rest[:start]) {
				return "", 0, false // another noun's count: 印发通知20件
			}
			n, isNum := parseNumber(rest[start:num])
			if !isNum {
				return "", 0, false
			}
			return nv.col, n, true
		}
	}
	return "", 0, false
}

// hasNormVerb says a part names one of normVerbs.
func hasNormVerb(part string) bool {
	for _, nv := range normVerbs {
		if indexAny(part, nv.verbs...) >= 0 {
			return true
		}
	}
	return false
}

// onlySubject says the words before a count are only 表二 (一)'s subject and
// filler (的, 共, 为 …).
func onlySubject(s string) bool {
	return onlyWords(s, "行政规范性文件", "规范性文件", "规章", "了", "共计", "合计", "共", "的", "为", "达", " ", "\u3000")
}

// Section 一 may say what 表二 counts of decisions too: "全年共作出行政处罚决定
// 12件". Only a count after 作出 and the decision's name (行政许可决定,
// 行政处罚决定, 行政强制决定, maybe 书), with nothing else between, is read
// (未作出… is 0): 办理, 受理 or 办结 行政许可事项 count applications or
// matters, 准予行政许可决定 only the grants, and decisions named together
// (行政许可、行政处罚决定共15件) are of neither.

// decisionSubjects are 表二's rows of decisions as a narrative names them.
var decisionSubjects = []struct{ key, word string }{{"licensing", "行政许可决定"}, {"penalty", "行政处罚决定"}, {"coercion", "行政强制决定"}}

// decisionClaims are the counts of decisions section 一 states, What being
// the cell's path (licensing.decisions …).
func decisionClaims(r *Report) []Claim {
	t := r.Sections["1"]
	if !namesWords(t, "决定") || !namesWords(t, "作出") {
		return nil
	}
	var out []Claim
	eachSentence(t, func(s string, off int, _ bool) {
		out = append(out, sentenceDecisionClaims(s, off, r.Year)...)
	})
	return out
}

// sentenceDecisionClaims reads one sentence's counts of decisions.
func sentenceDecisionClaims(s string, off, year int) []Claim {
	s = joinLines(s)
	if !hasText(s, "决定") || widerScope(s) || regionWide(s) || hasText(s, "累计") || sinceLong(s) || notTheYear(s) {
		return nil
	}
	var out []Claim
	earlier := false // a part named another year: the parts after it are of that year too
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '，' || r == ',' || r == '、' || r == '；' || r == ';' }) {
		if y, ok := partYear(part); ok {
			earlier = y != year
		}
		if earlier || otherYear(part, year) {
			continue
		}
		for _, sub := range decisionSubjects {
			i := indexText(part, sub.word)
			if i < 0 {
				continue
			}
			j := strings.LastIndex(part[:i], "作出")
			if j < 0 || !onlyWords(part[j+len("作出"):i], "了", " ", "\u3000") {
				continue // another word between: 准予, 不予, or a second subject
			}
			rest := strings.TrimPrefix(part[i+len(sub.word):], "书")
			if pre := part[:j]; strings.HasSuffix(pre, "未") || strings.HasSuffix(pre, "没有") || strings.HasSuffix(pre, "无") {
				if !hasCount(rest) {
					out = append(out, Claim{What: sub.key + ".decisions", Value: 0, Text: trimSpace(s), Off: off, Sect: "1"})
				}
				continue
			}
			start, num, _, found := findCount(rest)
			if !found || !onlyWords(rest[:start], "共计", "合计", "共", "为", "达", " ", "\u3000") {
				continue
			}
			if n, ok := parseNumber(rest[start:num]); ok {
				out = append(out, Claim{What: sub.key + ".decisions", Value: n, Text: trimSpace(s), Off: off, Sect: "1"})
			}
		}
	}
	return out
}

// checkProactiveNarrative: section 一's counts of 规章 and 规范性文件 agree
// with 表二 (一) (in the 2019 trial format: 制发 with 本年新制作数量), and its
// counts of 行政许可, 行政处罚 and 行政强制 decisions with 表二's.
func checkProactiveNarrative(c *ctx) {
	r := c.r
	if !r.Meta.Tables["2"] {
		return
	}
	for _, cl := range append(normativeClaims(r), decisionClaims(r)...) {
		path := cl.What
		if key, col, _ := strings.Cut(path, "."); r.Format == Format2019 && col != "decisions" {
			// the trial format counts what was made (本年新制作数量), not
			// what was repealed or is in force
			if col != "issued" {
				continue
			}
			path = key + ".new_made"
		}
		cell := r.Proactive.Cell(path)
		if cell.Blank() || r.ambiguous(r.t2Prefix()+path) {
			continue
		}
		if cell.Val() != cl.Value {
			row, col := normNames(path)
			c.add(r.t2Prefix()+path, c.lineAt(cl.Sect, cl.Off), "正文称%s%s %d 件（“%s”），表二%s%s为 %d 件", row, col, cl.Value, clip(cl.Text), row, col, cell.Val())
		}
	}
}

// normNames are a 表二 cell's row and column as the table names them.
func normNames(path string) (row, col string) {
	key, c, _ := strings.Cut(path, ".")
	row = map[string]string{"normative_documents": "行政规范性文件", "rules": "规章", "licensing": "行政许可", "penalty": "行政处罚", "coercion": "行政强制"}[key]
	col = map[string]string{"issued": "本年制发件数", "repealed": "本年废止件数", "in_force": "现行有效件数", "new_made": "本年新制作数量", "decisions": "处理决定数量"}[c]
	return row, col
}
