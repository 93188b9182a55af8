package report

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NarrativeKeys are the sections written as prose, the ones a person
// edits (二–四 are the tables).
var NarrativeKeys = []string{"1", "5", "6"}

// lineAt returns the source line of byte offset off inside section k.
// lineAt is the source line of byte off in section k. The line starts of a
// section are indexed once, so that many findings in a long text stay linear.
func (c *ctx) lineAt(k string, off int) int {
	base := c.r.Line(k)
	if base == 0 {
		return 0
	}
	if c.lines == nil {
		c.lines = map[string][]int{}
	}
	starts, ok := c.lines[k]
	if !ok {
		t := c.r.Sections[k]
		starts = []int{0}
		for i := 0; ; {
			j := strings.IndexByte(t[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			starts = append(starts, i)
		}
		c.lines[k] = starts
	}
	n, _ := slices.BinarySearch(starts, off+1)
	return base + n - 1
}

func checkLength(c *ctx) {
	if before2021(c.r) {
		return // the thousand characters are the 2021 format's (30号); the trial format's text is not known here
	}
	t := c.r.Sections["1"]
	if len(t) <= 1000 {
		return // a thousand bytes are no more than a thousand characters
	}
	n := 0
	for _, r := range t {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	if n > 1000 {
		c.add("sections.1", c.r.Line("1"), "第一部分“总体情况”共 %d 字（不计空白），超过格式要求的原则上一千字", n)
	}
}

var feeMention = regexp.MustCompile(`信息处理费|收费|收取.{0,12}费|费用|免费|免收`)

// before2021 says a report is for 2019 or 2020 (or, its year unknown, in the
// trial format of those years): before 国办公开办函〔2021〕30号.
func before2021(r *Report) bool {
	return r.Year != 0 && r.Year < 2021 || r.Year == 0 && r.Format == Format2019
}

func checkFees(c *ctx) {
	if before2021(c.r) {
		// the fee rules (国办函〔2020〕109号) apply from 2021, and only the
		// 2021 format asks for them in 六
		return
	}
	t, ok := c.r.Sections["6"]
	if !ok || trimSpace(t) == "" {
		return // S.MISSING says it
	}
	// "未 收 取 … 费": a PDF's justified line spaced out letter by letter
	t = joinSpacedLines(t)
	if spacedPair(t) { // "收 取 … 处 理 费": an OCR's text spaced out
		t, _ = squeezeSpaced(t, false)
	}
	if !hasText(t, "费") || !feeMention.MatchString(t) { // every way of saying it has 费
		c.add("sections.6", c.r.Line("6"), "第六部分未说明是否收取政府信息公开信息处理费：按格式要求，收取信息处理费的情况在此报告，未收取的也应写明")
	}
}

var (
	periodRe = regexp.MustCompile(`(\d{4})\s*年\s*1\s*月\s*1\s*日\s*(?:至|到|—|－|-|~|～)\s*(\d{4})\s*年\s*12\s*月\s*31\s*日`)
	// yearRe (a year in a title too) and yearDuRe are what yearWord finds by hand, which a test holds it to
	yearRe       = regexp.MustCompile(`(\d{4})\s*年`)
	yearDuRe     = regexp.MustCompile(`(\d{4})\s*年度`)
	plausibleMin = 1990
)

func checkPeriod(c *ctx) {
	r := c.r
	if r.Year == 0 {
		return
	}
	want := r.Year
	bad := func(y int) bool { return y >= plausibleMin && y <= 2200 && y != want }
	if m := yearRe.FindStringSubmatch(r.Title); m != nil {
		if y, _ := strconv.Atoi(m[1]); bad(y) {
			c.add("title", 0, "标题写的是 %d 年，报告年度为 %d 年", y, want)
		}
	}
	for _, k := range NarrativeKeys {
		t := r.Sections[k]
		if !monthDay31(t) {
			continue // no "…12月31日": no period stated
		}
		for _, m := range periodRe.FindAllStringSubmatchIndex(t, -1) {
			y1, _ := strconv.Atoi(t[m[2]:m[3]])
			y2, _ := strconv.Atoi(t[m[4]:m[5]])
			if bad(y1) || bad(y2) {
				c.add("sections."+k, c.lineAt(k, m[0]), "统计期间“%s”与报告年度 %d 年不一致", t[m[0]:m[1]], want)
			}
		}
	}
	// The first year section 一 opens a sentence with is the year it reports
	// on ("2024年，我局…"; a year in a title, 2019年修订, 2021年以来 or a
	// range 2021—2025年 is not).
	if t := r.Sections["1"]; t != "" {
		if m, ok := openingYear(t); ok {
			if y, _ := strconv.Atoi(t[m[2]:m[3]]); bad(y) {
				c.add("sections.1", c.lineAt("1", m[0]), "第一部分开头写的是 %d 年，报告年度为 %d 年", y, want)
			}
		}
	}
	// Section 六 reports the fees of the reporting year: a fee sentence of
	// another year is last year's copied (other sentences of 六 may well
	// name last year: the rectification of its report's problems).
	if t := r.Sections["6"]; t != "" {
		depth, from := 0, 0 // 《》 open before the match, counted once over the text
		// a section 六 states its year a few times: 32 is plenty, and keeps a
		// hostile text of a million years linear
		for _, m := range yearWords(t, "年度", 32) {
			depth += strings.Count(t[from:m[0]], "《") - strings.Count(t[from:m[0]], "》")
			from = m[0]
			if depth > 0 || !hasText(sentenceAt(t, m[0]), "费") {
				continue
			}
			if y, _ := strconv.Atoi(t[m[2]:m[3]]); bad(y) {
				c.add("sections.6", c.lineAt("6", m[0]), "第六部分写的是“%s”，报告年度为 %d 年", t[m[0]:m[1]], want)
			}
		}
	}
}

// yearWord is the first (\d{4})\s*word in t, the indexes as a regular
// expression's FindStringSubmatchIndex gives them (nil: none), found from
// the word back: yearRe's and yearDuRe's patterns start with no literal, and
// tried a match at every byte of a section. (The match of the first word
// with four digits and spaces before it is the leftmost: a later word's
// digits come after an earlier word.)
func yearWord(t, word string) []int {
	for at := 0; at < len(t); {
		k := indexText(t[at:], word)
		if k < 0 {
			return nil
		}
		w := at + k
		d := w
		for d > 0 && isSpace(t[d-1]) {
			d--
		}
		if d >= 4 && allASCIIDigits(t[d-4:d]) {
			return []int{d - 4, w + len(word), d - 4, d}
		}
		at = w + len(word)
	}
	return nil
}

// yearWords is yearWord's FindAllStringSubmatchIndex, n matches at most.
func yearWords(t, word string, n int) [][]int {
	var out [][]int
	for off := 0; len(out) < n; {
		m := yearWord(t[off:], word)
		if m == nil {
			break
		}
		for k := range m {
			m[k] += off
		}
		out = append(out, m)
		off = m[1]
	}
	return out
}

// monthDay31 says t holds 月\s*31\s*日, which every match of periodRe ends in
// (asked first: the pattern starts with no literal, and most sections
// hold a 31 that is no date).
func monthDay31(t string) bool {
	for at := 0; ; {
		k := strings.Index(t[at:], "31")
		if k < 0 {
			return false
		}
		b, e := at+k, at+k+2
		for b > 0 && isSpace(t[b-1]) {
			b--
		}
		for e < len(t) && isSpace(t[e]) {
			e++
		}
		if strings.HasSuffix(t[:b], "月") && strings.HasPrefix(t[e:], "日") {
			return true
		}
		at += k + 1
	}
}

// widerScope says a count is of more bodies than the agency whose tables
// these are: 全市各级行政机关, 各部门, 教育系统, 所属单位 (a government's
// report may give its region's total beside its own table).
func widerScope(part string) bool {
	if !hasAnyRune(part, "各统属直级及乡") {
		return false // every word below has one of these: most parts have none
	}
	for _, w := range []string{"各级", "各部门", "各单位", "各乡镇", "各街道", "各县", "各区", "各地", "系统", "所属", "下属", "直属",
		"及其部门", "及部门", "两级", "三级", "县直", "市直", "区直", "旗直", "州直", "乡镇"} {
		if hasText(part, w) {
			return true
		}
	}
	return false
}

// regionWide says a part counts for a whole region (全市, 全县 …), which
// may or may not be the agency's own table: only another count after it,
// of the agency itself, tells them apart (ownCountAfter).
func regionWide(part string) bool {
	if !hasText(part, "全") {
		return false
	}
	for _, w := range []string{"全市", "全县", "全区", "全省", "全州", "全盟", "全旗", "全镇", "全乡", "全街道"} {
		if hasText(part, w) {
			return true
		}
	}
	return false
}

// disclosureShare reads a part with one count followed by a share of it that
// is the disclosure cases ("其中政府信息公开申请70件", "其中涉及政府信息公开1件",
// "其中依申请公开70件"): the part with the share's count in place of its own.
func disclosureShare(part, next string) (string, bool) {
	n := trimSpace(next)
	if !strings.HasPrefix(n, "其中") || !hasText(n, "信息公开") && !hasText(n, "依申请公开") {
		return "", false
	}
	start, _, end, ok := findCount(part)
	if !ok {
		return "", false
	}
	if _, _, _, again := findCount(part[end:]); again {
		return "", false // counts of several things: which one the share is of is not known
	}
	ns, _, ne, ok := findCount(n)
	if !ok {
		return "", false
	}
	return part[:start] + n[ns:ne] + part[end:], true
}

// countsBefore reads a part that puts each count before its subject ("共有4件
// 政府信息公开行政复议案件和1件行政诉讼案件"): the first count comes before the
// first of 复议 and 诉讼, and each subject's count is the last one between
// it and the subject before. ok is false for the usual order (复议4件).
func countsBefore(sc string) (map[string]int64, bool) {
	first := indexAny(sc, "复议", "诉讼")
	m := countIndex(sc)
	if first < 0 || m == nil || m[1] > first {
		return nil, false
	}
	if r, _ := utf8.DecodeRuneInString(strings.TrimPrefix(sc[first+len("复议"):], "案件")); isDigit(r) {
		// a count right after its subject is the usual order, whatever came
		// before ("二起行政诉讼0件": 提起 misread, not two lawsuits)
		return nil, false
	}
	out := map[string]int64{}
	from := 0
	for from < len(sc) {
		k := indexAny(sc[from:], "复议", "诉讼")
		if k < 0 {
			break
		}
		k += from
		last := ""
		for seg := sc[from:k]; ; {
			start, num, end, ok := findCount(seg)
			if !ok {
				break
			}
			last, seg = seg[start:num], seg[end:]
		}
		what := map[string]string{"复议": "review", "诉讼": "suit"}[sc[k:k+len("复议")]]
		if last != "" {
			if v, ok := parseNumber(last); ok {
				if _, seen := out[what]; !seen {
					out[what] = v
				}
			}
		}
		from = k + len("复议")
	}
	return out, len(out) > 0
}

// newCount is the number of a part that gives 本年新收 alone ("其中新收70件",
// "本年度新收70件"), "" for any other part.
func newCount(part string) string {
	p := strings.TrimPrefix(trimSpace(part), "其中")
	for _, w := range []string{"本年度", "本年", "全年"} {
		p = strings.TrimPrefix(p, w)
	}
	p, ok := strings.CutPrefix(p, "新收")
	if !ok || !bareCount(p) {
		return ""
	}
	m := countSubmatch(strings.TrimLeft(p, "共计合总达约"))
	if m == nil {
		return ""
	}
	return m[1]
}

// carriedFrom takes out the words that name the applications carried into
// this year from the last (上年度结转, 结转上一年度…): they are of this
// year's table, row 二.
// shareApart sets a share in brackets after a count apart as after a comma.
var shareApart = strings.NewReplacer("（其中", "，其中", "(其中", "，其中")

var carriedFrom = strings.NewReplacer("上一年度结转", "结转", "上年度结转", "结转", "结转上一年度", "结转", "结转上年度", "结转")

// carryCount reads a part that counts 表三's carried applications: 上年结转
// (row 二) or 结转下年度 (row 四), the count after the words with nothing but
// filler between ("上年结转的政府信息公开申请4件", "结转下年度继续办理2件").
func carryCount(part string) (what string, v int64, ok bool) {
	if !hasText(part, "结转") {
		return "", 0, false
	}
	for _, k := range []struct{ what, words string }{
		{"carried_in", "上年结转"}, {"carried_in", "上年度结转"}, {"carried_in", "上一年度结转"},
		{"carried_in", "结转上年度"}, {"carried_in", "结转上一年度"},
		{"carried_forward", "结转下年度"}, {"carried_forward", "结转至下年度"}, {"carried_forward", "结转到下年度"},
		{"carried_forward", "结转下一年度"}, {"carried_forward", "结转至下一年度"}, {"carried_forward", "结转到下一年度"},
		// without 度 ("结转下年1件"), after the forms with it so that 度 is not left as filler
		{"carried_forward", "结转下年"}, {"carried_forward", "结转至下年"}, {"carried_forward", "结转到下年"},
	} {
		j := indexText(part, k.words)
		if j < 0 {
			continue
		}
		rest := part[j+len(k.words):]
		start, num, _, found := findCount(rest)
		if !found {
			return countBefore(k.what, part[:j], rest)
		}
		if !onlyWords(rest[:start], "政府信息公开申请", "信息公开申请", "申请", "继续办理", "办理", "的", "了", "共计", "共", "为", "数量", " ", "\u3000") {
			return "", 0, false
		}
		n, isNum := parseNumber(rest[start:num])
		return k.what, n, isNum
	}
	return "", 0, false
}

// countBefore reads a carried count written before its words
// ("有2件申请结转下一年度办理"): before, the count with only filler round it;
// after, only 办理 and filler.
func countBefore(what, before, after string) (string, int64, bool) {
	start, num, end, found := findCount(before)
	if !found || !onlyWords(trimSpace(before[:start]), "其中", "尚有", "仍有", "另有", "共有", "有", "年底", "截至", "本年度") ||
		!onlyWords(before[end:], "政府信息公开申请", "信息公开申请", "申请", "需要", "需", "将", "均", " ", "\u3000") ||
		!onlyWords(after, "继续办理", "继续处理", "办理", "处理", "的", "了", " ", "\u3000") {
		return "", 0, false
	}
	n, ok := parseNumber(before[start:num])
	return what, n, ok
}

// nextYearNamed writes the year after the report's, named where carried
// applications go ("结转至2025年办理1件" in a 2024 report), as 下年.
func nextYearNamed(part string, year int) string {
	if year <= 0 || !hasText(part, "结转") {
		return part
	}
	next := strconv.Itoa(year+1) + "年" // (年度 too: 结转至下年度)
	for _, w := range []string{"结转至", "结转到", "结转"} {
		part = strings.ReplaceAll(part, w+next, w+"下年")
	}
	return part
}

// onlyWords says s holds nothing but the words (taken out in their order:
// the longer of two that overlap first).
func onlyWords(s string, words ...string) bool {
	for _, w := range words {
		s = strings.ReplaceAll(s, w, "")
	}
	return s == ""
}

// yearShare reads a running total's part by the year's count after it
// ("累计收到申请356件" then "本年度70件", "其中2024年70件", the year the
// report's): the part with that count in its total's place.
func yearShare(part, next string, year int) (string, bool) {
	n := strings.TrimPrefix(trimSpace(next), "其中")
	j := indexAny(n, "本年", "今年", "全年", "当年")
	if j != 0 {
		// "2024年70件": the report's year first
		y := yearRe.FindStringSubmatchIndex(n)
		if y == nil || y[0] != 0 || year > 0 && n[y[2]:y[3]] != strconv.Itoa(year) {
			return "", false
		}
	}
	start, _, end, ok := findCount(part)
	if !ok {
		return "", false
	}
	ns, _, ne, ok := findCount(n)
	if !ok || utf8.RuneCountInString(n[:ns]) > 12 {
		return "", false
	}
	return part[:start] + n[ns:ne] + part[end:], true
}

// sinceLong says a text counts over many years: since the 条例 came into
// force, since the agency or its platform began, over the years.
func sinceLong(s string) bool {
	return indexAny(s, "实施以来", "施行以来", "公布以来", "颁布以来", "成立以来", "开通以来", "上线以来", "历年", "至今") >= 0
}

// notDisclosure says a part's 复议/诉讼 are said not to be about disclosure:
// "（非政府信息公开类）" in it, or "均不涉及政府信息公开" in the part after.
func notDisclosure(part string, after []string) bool {
	if hasText(part, "非政府信息公开") || hasText(part, "非信息公开") ||
		indexAny(part, "不含政府信息公开", "不包括政府信息公开", "不含信息公开", "不包括信息公开", "不涉及政府信息公开", "政府信息公开类以外", "政府信息公开以外") >= 0 {
		return true // "办理行政复议案件（不含政府信息公开类）12件"
	}
	if len(after) == 0 {
		return false
	}
	for _, w := range []string{"不涉及政府信息公开", "不涉及信息公开", "不属于政府信息公开", "与政府信息公开无关"} {
		if hasText(after[0], w) {
			return true
		}
	}
	return false
}

// departmentAgency says an agency is a department (局, 委, 厅 …), whose
// tables are its own, not a people's government (or its 办公室, a 街道办事处,
// a 管委会), whose report may give its region's. Unknown: not a department.
func departmentAgency(agency string) bool {
	if agency == "" {
		return false
	}
	for _, w := range []string{"政府", "办事处", "管委会", "管理委员会"} {
		if hasText(agency, w) {
			return false
		}
	}
	return !strings.HasSuffix(agency, "办公室")
}

// ownCountAfter is the first of the parts that counts what the agency itself
// received ("本局收到70件", "其中本机关受理12件"), -1 for none. Only the next
// three parts are looked at: the own count follows the region's, and a
// sentence of thousands of parts must not be read again for each.
func ownCountAfter(parts []string) int {
	for i, part := range parts[:min(len(parts), 3)] {
		p := strings.TrimPrefix(trimSpace(part), "其中")
		j := indexAny(p, "收到", "受理", "接收", "新收")
		// (本局…, 我委…, 县政府本级…: the agency itself)
		if !strings.HasPrefix(p, "本") && !strings.HasPrefix(p, "我") && !(j > 0 && hasText(p[:j], "本级")) {
			continue
		}
		if j < 0 || utf8.RuneCountInString(p[:j]) > 6 || applicationCount(p[j:]) == nil {
			continue
		}
		return i
	}
	return -1
}

// ownAppeals says a part counting 复议 or 诉讼 may count 表四's: the cases
// brought against the agency over disclosure. It names them so (被申请, 因
// 政府信息公开, 引起, 涉及), or at least does not name the agency's other
// roles: handling reviews (办理, 受理, 收到, 审结 — as 复议机关), defending
// suits in general (应诉), or publishing decisions (决定书).
func ownAppeals(part string) bool {
	if hasText(part, "作为复议机关") || hasText(part, "作为行政复议机关") || hasText(part, "复议机关") && !hasText(part, "被") {
		// the agency deciding others' reviews, of disclosure too ("作为复议
		// 机关办理政府信息公开类行政复议案件30件")
		return false
	}
	for _, w := range []string{"被", "信息公开", "依申请", "引起", "涉及"} {
		if hasText(part, w) {
			return true
		}
	}
	for _, w := range []string{"办理", "受理", "收到", "审结", "决定书", "复议机关", "应诉"} {
		if hasText(part, w) {
			return false
		}
	}
	return true
}

// leadInReviewer says the parts before a part, back to the last that holds
// a count, set the agency as the reviewing body ("作为复议机关，受理政府信息
// 公开类行政复议案件30件"): the count after is of others' reviews.
func leadInReviewer(before []string) bool {
	for k := len(before) - 1; k >= 0 && !hasCount(before[k]); k-- {
		if hasText(before[k], "复议机关") && !hasText(before[k], "被") {
			return true
		}
	}
	return false
}

// sentenceAt is the sentence of t around byte i: from the end of the one
// before to its own end (。；！？ or a line end).
func sentenceAt(t string, i int) string {
	isEnd := func(r rune) bool { return strings.ContainsRune("。；;！？!?\n", r) }
	lo := 0
	if j := strings.LastIndexFunc(t[:i], isEnd); j >= 0 {
		_, size := utf8.DecodeRuneInString(t[j:])
		lo = j + size
	}
	hi := strings.IndexFunc(t[i:], isEnd)
	if hi < 0 {
		return t[lo:]
	}
	return t[lo : i+hi]
}

// openingYear finds the first "YYYY年" (or 年度) that a sentence is about:
// followed by a comma or the subject (2024年，…; 2024年我局…; 2024年度全年…),
// not inside a 《title》, not the end of a range.
func openingYear(t string) ([]int, bool) {
	for n, off := 0, 0; n < 8; n++ { // one match at a time: most often the first is the one
		m := yearWord(t[off:], "年")
		if m == nil {
			break
		}
		for k := range m {
			m[k] += off
		}
		off = m[1]
		before := t[:m[0]]
		if strings.Count(before, "《") > strings.Count(before, "》") || strings.HasSuffix(before, "—") ||
			strings.HasSuffix(before, "-") || strings.HasSuffix(before, "至") || strings.HasSuffix(before, "～") {
			continue
		}
		after := strings.TrimPrefix(t[m[1]:], "度")
		if r, _ := utf8.DecodeRuneInString(after); r != utf8.RuneError && strings.ContainsRune("，,我本全共各是", r) {
			return m, true
		}
	}
	return nil, false
}

// --- narrative numbers (N.TABLE) -----------------------------------------------

// Claim is a number the narrative states about something the tables count.
type Claim struct {
	What  string // "applications", "carried_in", "carried_forward", "review", "suit", "appeals" (both, one count), "fee_yuan"
	Value int64
	Text  string // the clause it was read from
	Off   int    // byte offset in the section
	Sect  string
	// Wide says the count is a whole region's (全市…, 全县…) with no count of
	// the agency's own after it.
	Wide bool
	// Region is, for the agency's own count said after its region's
	// ("全市共收到申请70件，其中本机关收到12件"), the region's: a
	// government's tables may be either. 0 when there is none.
	Region int64
	// Share says the count is of the applications that came in one way
	// (通过信函收到申请10件): with the other channels' counts of its sentence
	// it makes the total; the only count read in its sentence, it is no
	// total (the others were said without a verb of their own).
	Share bool
}

var (
	countRe     = regexp.MustCompile(`([0-9０-９]+|[零〇一二两三四五六七八九十百千]+)[\s\x{3000}\x{a0}]*(?:件|宗|起|个|份|人次)`)
	yuanRe      = regexp.MustCompile(`([0-9０-９]+(?:\.[0-9]+)?)\s*(万?)元`)
	noneApplyRe = regexp.MustCompile(`(?:未|没有|无)(?:收到|受理|新收|接到)[^，,。；]{0,24}申请|申请数量?为\s*(?:0|零)`)
	noneFeeRe   = regexp.MustCompile(`(?:未|不|没有|无)(?:存在)?[^，,]{0,10}(?:收取|收费)|收费情况[^，,]{0,4}(?:无|为\s*0|为零)|不存在[^，,]{0,12}收费`)
	noneAppeal  = regexp.MustCompile(`(?:未|没有|无)(?:发生|出现|收到)?[^，,]{0,20}(?:行政复议|行政诉讼)`)
)

// Each pattern below is tried only on text that holds a word it cannot
// match without: the regular expressions were a tenth of an audit.

// countIndex is countRe.FindStringIndex, and countSubmatch its
// FindStringSubmatch, read by hand (findCount): they ran on every clause.
func countIndex(s string) []int {
	start, _, end, ok := findCount(s)
	if !ok {
		return nil
	}
	return []int{start, end}
}

func countSubmatch(s string) []string {
	start, num, end, ok := findCount(s)
	if !ok {
		return nil
	}
	return []string{s[start:end], s[start:num]}
}

// findCount finds the leftmost count: a run of Arabic digits (ASCII or
// full width) or of Chinese numerals, then white space (ASCII, U+3000, U+00A0), then a unit
// (件 宗 起 个 份 人次). The two kinds of numeral do not mix, as in countRe.
func findCount(s string) (start, numEnd, end int, ok bool) {
	if !hasAnyRune(s, "件宗起个份次") {
		return 0, 0, 0, false
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		kind := numeralKind(r)
		if kind == 0 {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if numeralKind(r2) != kind {
				break
			}
			j += n2
		}
		if kind == 1 && fractionAt(s, i) {
			i = j // the decimals of 8.5: no count
			continue
		}
		k := j
		if kind == 1 {
			k += zeroDecimals(s[j:]) // 8.00件, a spreadsheet's number in a merged letter, is 8
		}
		for k < len(s) {
			// white space, the ideographic space and the no-break space
			// (Word's 17　件) between the number and its unit
			if c := s[k]; c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' {
				k++
				continue
			}
			if strings.HasPrefix(s[k:], "\u3000") || strings.HasPrefix(s[k:], "\u00a0") {
				_, n := utf8.DecodeRuneInString(s[k:])
				k += n
				continue
			}
			break
		}
		for _, u := range countUnits {
			if strings.HasPrefix(s[k:], u) {
				return i, j, k + len(u), true
			}
		}
		i = j
	}
	return 0, 0, 0, false
}

// fractionAt says the digits at s[i:] are a number's decimals: a point
// (ASCII or full width) with a digit before it.
func fractionAt(s string, i int) bool {
	for _, p := range []string{".", "．"} {
		if strings.HasSuffix(s[:i], p) {
			r, _ := utf8.DecodeLastRuneInString(s[:i-len(p)])
			return isDigit(r)
		}
	}
	return false
}

// zeroDecimals is the length of a point and the zeros after it (".00") at
// the start of s, 0 when s does not start so or a digit not 0 follows.
func zeroDecimals(s string) int {
	for _, p := range []string{".", "．"} {
		if !strings.HasPrefix(s, p) {
			continue
		}
		k := len(p)
		for k < len(s) && (s[k] == '0' || strings.HasPrefix(s[k:], "０")) {
			if s[k] == '0' {
				k++
			} else {
				k += len("０")
			}
		}
		if k == len(p) {
			return 0
		}
		if r, _ := utf8.DecodeRuneInString(s[k:]); isDigit(r) {
			return 0
		}
		return k
	}
	return 0
}

var countUnits = []string{"件", "宗", "起", "个", "份", "人次"}

// numeralKind is 1 for an Arabic digit, 2 for a Chinese numeral of counts,
// 0 for anything else.
func numeralKind(r rune) int {
	switch {
	case isDigit(r):
		return 1
	case strings.ContainsRune("零〇一二两三四五六七八九十百千", r):
		return 2
	}
	return 0
}

// saysNone* are the none… patterns: each needs a negation (or 为 0).
// A none is of the applications only when what was not received is them:
// not 申请人's (未收到申请人的异议) nor a complaint about them (未收到对依申请
// 公开工作的投诉); the applicants may be named before them (未收到公民、法人或
// 其他组织提出的政府信息公开申请).
func saysNoApplication(s string) bool {
	return (hasAnyRune(s, "未没无") || hasText(s, "为")) && noneApplication(s)
}

// noneApplication is saysNoApplication without its shortcut.
func noneApplication(s string) bool {
	return noneApplyRe.MatchString(strings.ReplaceAll(s, "申请人", "人")) && indexAny(s, "投诉", "举报", "异议", "意见", "质疑") < 0
}

// tabular says a clause holds a table's row, not a sentence: three tabs or
// more, five counts or more one after another with only spaces between
// them (0 0 0 0 0, 0件 0件 …: a sentence's counts have words between them,
// 收到申请 70 件，办结 65 件), or seven digits run together without a unit
// after them (a page without line breaks glues a row's cells: 0000000). A
// section's text holds a table where its headings were misread past
// knowing, or the tables were printed after the text ("未按收费通知要求缴纳
// 费用" is a row of 表三, no statement that no fee was charged). (Text
// spaced out letter by letter is joined up before this is asked.)
func tabular(s string) bool {
	tabs, digits := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\t':
			tabs++
		case isASCIIDigit(s[i]):
			digits++
		case s[i] == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99:
			digits++ // a full-width digit (０ is EF BC 90)
		}
	}
	if tabs >= 3 {
		return true
	}
	if digits < 5 {
		return false // five counts or seven digits need more (most sentences)
	}
	row, count := 0, false
	for f := range strings.FieldsSeq(s) {
		switch n := strings.TrimSuffix(strings.TrimSuffix(f, "件"), "个"); {
		case n != "" && allDigits(n):
			if row++; row >= 5 {
				return true
			}
			count = true
		case count && (f == "件" || f == "个"):
			// the unit of the count before, set apart
		default:
			row, count = 0, false
		}
	}
	run := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && isASCIIDigit(s[i]) {
			run++
			continue
		}
		if run >= 7 && !strings.HasPrefix(s[i:], "元") {
			return true
		}
		run = 0
	}
	return false
}

func saysNoFee(s string) bool {
	return (hasAnyRune(s, "未不没无") || hasText(s, "收费情况")) && noneFeeRe.MatchString(s)
}

func saysNoAppeal(s string) bool {
	return hasAnyRune(s, "未没无") && noneAppeal.MatchString(s)
}

// appealCounted says a none… pattern's 复议 or 诉讼 is followed by a count:
// no none, whatever word an OCR misread before it ("…监督保障因…被申请行政
// 复议1息": 监督 read 未督, 件 read 息).
func appealCounted(s string) bool {
	for _, m := range noneAppeal.FindAllStringIndex(s, -1) {
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[m[1]:], " ")); isDigit(r) {
			return true
		}
	}
	return false
}

// Claims extracts the narrative's numeric statements from sections 一、五、六.
func Claims(r *Report) []Claim {
	var out []Claim
	for _, k := range NarrativeKeys {
		// most sentences state no count the tables hold: only one that
		// names 申请, 复议, 诉讼, 费 or 结转 is read
		eachSentence(r.Sections[k], func(s string, off int, named bool) {
			if named {
				out = append(out, clauseClaims(s, off, k, r.Year)...)
			}
		})
	}
	return out
}

// eachSentence calls fn with each sentence of a section's text, its byte
// offset, and whether it names 申请, 复议, 诉讼, 费 or 结转 (seen on the way, so
// that the text is walked once). A line end is not a sentence end: PDF text
// wraps sentences ("受理政府\n信息公开申请 17 件"); but a sub-heading's line
// ("（二）依申请公开办理情况") is a clause of its own, not the start of the
// sentence under it.
func eachSentence(t string, fn func(s string, off int, named bool)) {
	start, line := 0, 0 // where the sentence and the current line start
	named := false
	for i, c := range t {
		if c == '\n' {
			if isSubHeading(t[line:i]) {
				fn(t[start:i], start, named)
				start, named = i+1, false
			}
			line = i + 1
			continue
		}
		switch c {
		case '。', '；', ';', '！', '!', '？', '?':
			fn(t[start:i], start, named)
			start, named = i+utf8.RuneLen(c), false
		case '申': // "申 请": a line spaced out letter by letter, or the word broken by a line end
			named = named || brokenWord(t[i+len("申"):], "请")
		case '复':
			named = named || brokenWord(t[i+len("复"):], "议")
		case '诉':
			named = named || brokenWord(t[i+len("诉"):], "讼")
		case '费':
			named = true
		case '结': // "结转下年度继续办理2件。", a sentence of its own after the applications'
			named = named || brokenWord(t[i+len("结"):], "转")
		}
	}
	fn(t[start:], start, named)
}

// brokenWord says s starts with second after white space, across one line
// end and any blank lines after it: the rest of a two-character word whose
// first character came before s ("申请", "申 请", "申\n  请", and "申\n\n\n请"
// where a page's footer between them was taken out).
func brokenWord(s, second string) bool {
	if strings.HasPrefix(s, second) {
		return true
	}
	rest, crossed := skipBreak(s)
	for crossed && strings.HasPrefix(rest, "\n") {
		rest, crossed = skipBreak(rest)
	}
	return len(rest) < len(s) && strings.HasPrefix(rest, second)
}

// skipBreak is s after its leading white space, across at most one line
// end, and whether it crossed one.
func skipBreak(s string) (rest string, crossed bool) {
	const space = " \t\r\u3000\u00a0"
	rest = strings.TrimLeft(s, space)
	if strings.HasPrefix(rest, "\n") {
		return strings.TrimLeft(rest[1:], space), true
	}
	return rest, false
}

// isSubHeading says a line is a numbered sub-heading: （一）…, (二)… or
// 一、…, short and without a sentence's end.
func isSubHeading(line string) bool {
	l := trimSpace(line)
	if r, _ := utf8.DecodeRuneInString(l); r != '（' && r != '(' && !strings.ContainsRune(cnDigits, r) {
		return false // most lines: no numbering to look at
	}
	if l == "" || moreRunes(l, 30) || hasAnyRune(l, "。；;") {
		return false
	}
	if len(subHeadings(l)) == 1 {
		return true
	}
	k := 0
	for _, r := range l {
		if !strings.ContainsRune(cnDigits, r) {
			break
		}
		k += utf8.RuneLen(r)
	}
	return k > 0 && strings.HasPrefix(l[k:], "、")
}

// outcomeCount says a clause counts 复议/诉讼 cases by how they ended or
// stand (审理中, 撤回), or counts their decisions (针对1件行政复议决定).
// appealHead is a part up to a bracket after its count of 复议 or 诉讼
// ("被申请行政复议3件（维持2件"), or the part itself when nothing so comes
// before a bracket.
func appealHead(part string) string {
	k := strings.IndexAny(part, "（(")
	if k <= 0 {
		return part
	}
	if h := part[:k]; (hasText(h, "复议") || hasText(h, "诉讼")) && hasCount(h) {
		return h
	}
	return part
}

func outcomeCount(part string) bool {
	for _, w := range []string{"败诉", "胜诉", "纠错", "纠正", "维持", "撤销", "确认违法", "驳回", "审结", "结案", "办结", "撤诉", "调解",
		"审理中", "撤回", "终止", "复议决定", "判决", "裁定"} {
		if hasText(part, w) {
			return true
		}
	}
	return false
}

// otherYear says a clause is about another year than the report's: a
// comparison (较上年, 去年, 同期, 同比, 上一年度 …; not 上年结转, which is this
// year's table) or a year written out that is not the report's. Its counts
// are not this year's and are not compared with the tables.
// partYear is the year a part of a sentence names ("2023年", "2023年度"),
// when it names one.
func partYear(part string) (int, bool) {
	y := 0
	eachYear(part, func(v int) bool { y = v; return true })
	return y, y != 0
}

// eachYear calls f with each year (1991–2099) yearRe finds in s, in order,
// until f says it is done. By hand: most parts name 本年 or 年度 only, and
// a regular expression for each part of each sentence cost more.
func eachYear(s string, f func(y int) bool) {
	for i := 0; ; {
		k := indexText(s[i:], "年")
		if k < 0 {
			return
		}
		k += i
		j := k
		for j > 0 && isSpaceRe(rune(s[j-1])) {
			j--
		}
		if j >= 4 && allASCIIDigits(s[j-4:j]) {
			if y, _ := strconv.Atoi(s[j-4 : j]); y > 1990 && y < 2100 && f(y) {
				return
			}
		}
		i = k + len("年")
	}
}

func otherYear(part string, year int) bool {
	if hasText(part, "结转") {
		part = carriedFrom.Replace(part) // this year's carried applications, not last year's
	}
	for _, w := range []string{"去年", "上一年", "同期", "同比", "前年", "往年"} {
		if hasText(part, w) {
			return true
		}
	}
	for i := 0; ; {
		k := indexText(part[i:], "上年")
		if k < 0 {
			break
		}
		k += i
		if !strings.HasPrefix(part[k+len("上年"):], "结转") {
			return true
		}
		i = k + len("上年")
	}
	other := false
	if year > 0 {
		eachYear(part, func(y int) bool { other = y != year; return other })
	}
	return other
}

func clauseClaims(cl string, off int, sect string, year int) []Claim {
	// a word or a number broken by a line end reads whole ("受\n理")
	cl = joinLines(cl)
	if letterSpaced(cl) {
		cl = withoutSpaces(cl) // "收 到 申 请 7 1 件": justified text spaced out letter by letter
	}
	if tabular(cl) {
		return nil
	}
	cl = joinThousands(cl) // "1,234件" is one count, not "1" and "234件"
	var out []Claim
	quote := ""   // the text a claim quotes, when it is not the part read
	wide := false // the part read counts for a whole region
	add := func(what string, v int64, text string) {
		if quote != "" {
			text = quote
		}
		out = append(out, Claim{What: what, Value: v, Text: trimSpace(text), Off: off, Sect: sect, Wide: wide})
	}
	// Work on the comma-separated parts of the sentence, so that in
	// "收到申请5件，被申请行政复议1件" each number goes with its own subject.
	// a share in brackets after a count ("行政诉讼3件（其中直接起诉2件，…）")
	// is a part of its own, as after a comma: the count before it is whole
	if hasText(cl, "其中") {
		cl = shareApart.Replace(cl)
	}
	parts := strings.FieldsFunc(cl, func(r rune) bool { return r == '，' || r == ',' })
	timeWords := hasAnyRune(cl, notTheYearRunes) // (most clauses name no time notTheYear looks for)
	earlier := false                             // a part before named another year ("2023年，本局收到申请58件")
	ownPart := -1                                // the agency's own count after a region's, already taken
	wideClause := false                          // a part since the last one naming the agency was a region's
	for i, sc := range parts {
		quote, wide = "", false
		if i == ownPart {
			continue
		}
		if i+1 < len(parts) && strings.HasPrefix(trimSpace(parts[i+1]), "其中") && !hasText(sc, "信息公开") {
			// "收到各类申请100件，其中政府信息公开申请70件", "被提起行政诉讼5件，其中
			// 涉及政府信息公开1件": the count before is of more than the
			// disclosure cases; the share after is theirs, read in its place
			if share, ok := disclosureShare(sc, parts[i+1]); ok {
				quote, sc = sc+"，"+parts[i+1], share
				ownPart = i + 1
			}
		}
		if hasText(sc, "累计") {
			// a running total since the 条例 or the agency began, not the
			// year's: the year's own count after it is read in its place
			// ("累计收到申请356件，本年度70件"); without one, nothing is
			if i+1 < len(parts) {
				if share, ok := yearShare(sc, parts[i+1], year); ok {
					quote, sc = sc+"，"+parts[i+1], share
					ownPart = i + 1
				}
			}
			// "…，其中2023年58件": a total of several years
			ofYears := i+1 < len(parts) && strings.HasPrefix(trimSpace(parts[i+1]), "其中") && otherYear(parts[i+1], year)
			if ownPart != i+1 && (ofYears || sinceLong(strings.Join(parts[:i+1], "，"))) {
				continue
			}
		}
		hasReview := hasText(sc, "复议")
		hasSuit := hasText(sc, "诉讼")
		if (hasReview || hasSuit) && notDisclosure(sc, parts[i+1:]) {
			continue // "被申请行政复议3件，均不涉及政府信息公开"
		}
		if year > 0 {
			if y, ok := partYear(sc); ok {
				earlier = y != year
			} else if earlier {
				continue
			}
		}
		// a part that names its subject but not the number: "收到申请，共计12件"
		// (only when the next part is a bare count: in "收到的申请中，予以
		// 公开44件" the count is the next part's own)
		// Not after a part ending 中 ("收到的申请中，9件属于重复申请"): what
		// follows is a share of them.
		withNext := sc
		if i+1 < len(parts) && !hasCount(sc) && bareCount(parts[i+1]) && !strings.HasSuffix(trimSpace(sc), "中") {
			withNext = sc + "，" + parts[i+1]
		}
		// a comparison after the part's first count is of that count
		// ("收到申请17件（同比增长20%）"): only what comes up to it says
		// whose year the count is
		if hasReview || hasSuit || hasText(withNext, "申请") {
			// (otherYear of the part first: it is the head's only when it is the part's)
			if otherYear(sc, year) && otherYear(upToCount(sc), year) || timeWords && (notTheYear(upToCount(sc)) || leadInNotTheYear(parts[:i])) {
				continue
			}
		}
		own := -1 // the part after a region's count that counts the agency's own
		region := regionWide(sc)
		if region && namesApplication(withNext) {
			own = ownCountAfter(parts[i+1:])
		}
		// a region's count goes on in the parts after it ("全市…行政复议40件，
		// 行政诉讼10件") until one names the agency itself
		if wideClause {
			if t := strings.TrimPrefix(trimSpace(sc), "其中"); strings.HasPrefix(t, "本") || strings.HasPrefix(t, "我") || hasText(t, "本级") {
				wideClause = false
			}
		}
		if region && own < 0 {
			wideClause = true
		}
		wide = wideClause
		cs := nextYearNamed(sc, year)
		if what, v, ok := carryCount(cs); ok && !wide && !otherYear(cs, year) {
			add(what, v, sc) // (the part may count the new ones too: 其中新收70件、上年结转4件)
		}
		newNum := newCount(sc)
		if hasReview || hasSuit {
			// a count with its outcomes in brackets after it ("被申请行政复议3件
			// （维持2件" of …3件（维持2件，纠正1件）): the count is the part's;
			// what is in the brackets is a share of it
			if h := appealHead(sc); h != sc {
				sc = h
				hasReview, hasSuit = hasText(sc, "复议"), hasText(sc, "诉讼")
			}
		}
		switch {
		case (hasReview || hasSuit) && outcomeCount(sc),
			hasReview && (hasText(sc, "复议后起诉") || hasText(sc, "直接起诉")),
			(hasReview || hasSuit) && hasText(sc, "其中"):
			// "行政诉讼败诉0件", "行政复议结果维持3件": a part of the cases by
			// how they ended, not how many there were; "复议后起诉0件" is
			// a kind of 诉讼, not the 复议; "其中…" a share
		case (hasReview || hasSuit) && (!ownAppeals(sc) || widerScope(sc) || leadInReviewer(parts[:i])):
			// "办理行政复议案件120件", "公开行政复议决定书80件": the agency as
			// the reviewing body, or what it published, not 表四's cases
		case hasReview || hasSuit:
			if saysNoAppeal(sc) && !hasCount(sc) && !appealCounted(sc) {
				// (not "未发生…复议以外的纠纷": nothing of the 复议 themselves)
				if indexAny(sc, "以外", "之外") < 0 {
					if hasReview {
						add("review", 0, sc)
					}
					if hasSuit {
						add("suit", 0, sc)
					}
				}
				continue
			}
			counts := map[string]int64{}
			each := false // "复议和诉讼各1件", "均为0件": the count is each's
			if before, ok := countsBefore(sc); ok {
				// "共有4件…行政复议案件和1件行政诉讼案件": each count before its subject
				for _, what := range []string{"review", "suit"} {
					if v, ok := before[what]; ok {
						add(what, v, sc)
					}
				}
				continue
			}
			for _, k := range []struct{ kw, what string }{{"复议", "review"}, {"诉讼", "suit"}} {
				j := indexText(sc, k.kw)
				if j < 0 {
					continue
				}
				rest := sc[j:]
				// "行政复议1件、行政诉讼2件": stop at the other subject
				if o := indexText(rest[len(k.kw):], map[string]string{"复议": "诉讼", "诉讼": "复议"}[k.kw]); o >= 0 {
					rest = rest[:len(k.kw)+o]
				}
				if m := countSubmatch(rest); m != nil && !approximate(rest, m[0]) {
					if v, ok := parseNumber(m[1]); ok {
						counts[k.what] = v
						before := strings.TrimRight(rest[:indexText(rest, m[0])], " ")
						each = strings.HasSuffix(before, "各") || strings.HasSuffix(before, "均") || strings.HasSuffix(before, "各为") || strings.HasSuffix(before, "均为")
					}
				}
			}
			_, review := counts["review"]
			suit, hasCount := counts["suit"]
			switch {
			case hasReview && hasSuit && !review && hasCount && indexText(sc, "复议") < indexText(sc, "诉讼") && each:
				// "被申请行政复议和提起行政诉讼各1件": that many of each
				add("review", suit, sc)
				add("suit", suit, sc)
			case hasReview && hasSuit && !review && hasCount && indexText(sc, "复议") < indexText(sc, "诉讼"):
				// "被申请行政复议、提起行政诉讼共5件": one count for both
				add("appeals", suit, sc)
			default:
				for _, what := range []string{"review", "suit"} {
					if v, ok := counts[what]; ok {
						add(what, v, sc)
					}
				}
			}
		case own >= 0:
			// "全市共收到申请1200件，本局收到70件": the region's count, then
			// the agency's own, which is 表三's
			k := i + 1 + own
			ownPart = k // counted here, not again as a part of its own
			if m := applicationCount(parts[k]); m != nil {
				if v, ok := parseNumber(m[1]); ok {
					add("applications", v, parts[k])
					if m := applicationCount(withNext); m != nil {
						out[len(out)-1].Region, _ = parseNumber(m[1])
					}
				}
			}
		case i > 0 && newNum != "" && namesApplication(strings.Join(parts[:i], "，")):
			// "共办理申请74件，其中新收70件、上年结转4件": 表三's first row
			if v, ok := parseNumber(newNum); ok {
				add("applications", v, sc)
			}
		case namesApplication(sc) || namesApplication(withNext):
			if saysNoApplication(sc) {
				add("applications", 0, sc)
			} else if j := receivedAt(sc, parts[:i]); j >= 0 && namesApplication(withNext) && !hasText(sc, "其中") {
				// (a part "其中…" is a share of the whole: 其中网络收到申请60件)
				rest := withNext[j:]
				if applicantShare(rest) && i+1 < len(parts) && bareCount(parts[i+1]) && indexAny(trimSpace(parts[i+1]), "共", "合计", "总计") == 0 {
					// "收到自然人申请64件、法人或其他组织申请6件，共70件": the
					// shares by applicant, then their total
					if m := applicationCount(parts[i+1]); m != nil {
						if v, ok := parseNumber(m[1]); ok {
							add("applications", v, withNext+"，"+parts[i+1])
							ownPart = i + 1
						}
					}
					continue
				}
				if otherApplication(rest) || applicantShare(rest) {
					continue
				}
				if m := applicationCount(rest); m != nil {
					before := rest[:indexText(rest, m[0])] // the words between the verb and the count
					// (人次 counts people, who may each apply more than once)
					if hasText(before, "结转") || categoryCount(before) || approximate(rest, m[0]) || widerScope(withNext) ||
						topicShare(before) || otherThanApplications(before) || strings.HasSuffix(m[0], "人次") {
						continue
					}
					if v, ok := parseNumber(m[1]); ok {
						add("applications", v, withNext)
						out[len(out)-1].Share = channelShare(withNext[:len(withNext)-len(rest)+len(before)])
					}
				}
			} else if n := statedCount(sc); n != "" {
				if v, ok := parseNumber(n); ok {
					add("applications", v, sc)
				}
			}
		}
	}
	quote, wide = "", false
	if hasText(cl, "费") && !hasText(cl, "行政事业性收费") {
		if saysNoFee(cl) {
			add("fee_yuan", 0, cl)
		} else if m := feeAmount(cl); m != nil && (hasText(cl, "收取") || hasText(cl, "收费")) && !otherFee(cl) {
			if f, err := strconv.ParseFloat(foldDigits(m[1]), 64); err == nil {
				if m[2] == "万" {
					f *= 10000
				}
				add("fee_yuan", int64(f+0.5), cl)
			}
		}
	}
	return out
}

// leadInNotTheYear says the parts before a part, back to the last that
// holds a count, name a time notTheYear's: the words that set its scene
// ("第一季度，收到申请3件").
func leadInNotTheYear(before []string) bool {
	for k := len(before) - 1; k >= 0 && !hasCount(before[k]); k-- {
		if notTheYear(before[k]) {
			return true
		}
	}
	return false
}

// notTheYear says the words up to a count name a time that is not the
// report's year as a whole: a part of it (第一季度, 上半年, 3月份, 截至9月底)
// or several years (近三年, 多年来, 自条例实施以来). Its count is not 表三's.
func notTheYear(s string) bool {
	if !hasAnyRune(s, notTheYearRunes) {
		return false // every word below has one of these: most parts have none
	}
	if indexAny(s, "季度", "半年", "年来", "年间") >= 0 || sinceLong(s) || sinceEarlier(s) {
		return true
	}
	for i := 0; ; {
		k := indexText(s[i:], "近")
		if k < 0 {
			break
		}
		k += i + len("近")
		j := k
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if numeralKind(r) == 0 && r != '几' {
				break
			}
			j += n
		}
		if j > k && strings.HasPrefix(s[j:], "年") {
			return true // 近三年, 近5年, 近几年
		}
		i = k
	}
	return partMonth(s)
}

// notTheYearRunes are the runes one of which every word notTheYear looks
// for holds.
const notTheYearRunes = "季半来间近月历至"

// sinceEarlier says a text counts since a time before the year (…以来),
// not since its start (今年以来, 本年度以来, 2024年以来: the year so far, in
// its report the year; another year named is otherYear's).
func sinceEarlier(s string) bool {
	for i := 0; ; {
		k := indexText(s[i:], "以来")
		if k < 0 {
			return false
		}
		k += i
		if hasSuffixAny(s[:k], "近年", "多年") || !hasSuffixAny(s[:k], "今年", "本年", "本年度", "年初", "全年", "年") {
			return true
		}
		i = k + len("以来")
	}
}

// partMonth says a text names a month that is not the year's end: 3月份,
// 截至9月底, 截至9月30日 (not a date alone, 1月1日, nor a range to December,
// 1-12月, 1月至12月).
func partMonth(s string) bool {
	for i := 0; ; {
		k := indexText(s[i:], "月")
		if k < 0 {
			return false
		}
		k += i
		i = k + len("月")
		j := k
		for j > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:j])
			if numeralKind(r) == 0 {
				break
			}
			j -= n
		}
		if j == k {
			continue // 本月, 岁月: no month's number
		}
		m, ok := parseNumber(s[j:k])
		if !ok || m < 1 || m > 12 {
			continue
		}
		head, next := s[:j], s[i:]
		if y := strings.TrimSuffix(head, "年"); len(y) < len(head) && len(y) >= 4 && allASCIIDigits(y[len(y)-4:]) {
			head = y[:len(y)-4] // 截至2024年12月: what stands before the year
		}
		day := strings.TrimLeftFunc(next, func(r rune) bool { return numeralKind(r) != 0 })
		date := len(day) < len(next) && prefixFold(day, "日", "号")
		if date {
			next = day[len("日"):] // (日 and 号 are both three bytes)
		}
		if prefixFold(next, "至", "到", "-", "—", "－", "~", "～") {
			continue // a range's start
		}
		ranged := hasSuffixAny(head, "至", "到", "-", "—", "－", "~", "～")
		until := hasSuffixAny(head, "截至", "截止", "截止到", "截至到", "至")
		if m == 12 && (ranged || until || prefixFold(next, "底", "末")) {
			continue // to the year's end
		}
		if date && !until {
			continue // a date
		}
		return true
	}
}

func hasSuffixAny(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// joinLines joins a sentence's lines, with the white space around each
// line end: a word broken by one and an indented line read whole
// ("收到政府信息公开申\n    请17件").
func joinLines(s string) string {
	if !hasText(s, "\n") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, rest := 0, s; ; i++ {
		l, after, more := strings.Cut(rest, "\n")
		if i > 0 {
			l = strings.TrimLeft(l, " \t\u3000\u00a0")
		}
		if strings.HasSuffix(l, " ") || strings.HasSuffix(l, "\t") || strings.HasSuffix(l, "\u3000") || strings.HasSuffix(l, "\u00a0") {
			l = strings.TrimRight(l, " \t\u3000\u00a0")
		}
		b.WriteString(l)
		if !more {
			return b.String()
		}
		rest = after
	}
}

// upToCount is s up to the end of its first count (all of s when it has
// none).
func upToCount(s string) string {
	if _, _, end, ok := findCount(s); ok {
		return s[:end]
	}
	return s
}

// hasCount says s holds a count (countIndex without its slice).
func hasCount(s string) bool {
	_, _, _, ok := findCount(s)
	return ok
}

// joinSpacedLines is t with the spaces taken out of its lines spaced out
// letter by letter (offsets into it are not t's).
func joinSpacedLines(t string) string {
	if strings.Count(t, " ") < 8 {
		return t
	}
	some := false
	for rest := t; rest != "" && !some; {
		line, after, _ := strings.Cut(rest, "\n")
		some, rest = letterSpaced(line), after
	}
	if !some {
		return t // spaces, but no line spaced out: nothing to copy
	}
	lines := strings.Split(t, "\n")
	for i, l := range lines {
		if letterSpaced(l) {
			lines[i] = withoutSpaces(l)
		}
	}
	return strings.Join(lines, "\n")
}

// letterSpaced says a clause is spaced out letter by letter (a PDF's
// justified line as pdftotext writes it): of its eight or more characters,
// nearly all stand between single spaces, digits too ("7 1" is 71 there).
func letterSpaced(s string) bool {
	if strings.Count(s, " ") < 8 {
		return false // nearly every clause: too few spaces to look further
	}
	chars, spaced := 0, 0
	prevSpace, prevChar := false, false
	for _, r := range s {
		if r == ' ' {
			if prevSpace {
				return false // two spaces: a gap between words, not letter spacing
			}
			prevSpace = true
			continue
		}
		chars++
		if prevSpace && prevChar {
			spaced++
		}
		prevSpace, prevChar = false, true
	}
	return chars >= 8 && spaced*10 >= (chars-1)*9
}

// hanSpaced says a line has its Chinese characters spaced out, its digits
// not (an OCR's text layer: "全 年 共 收 到 政 府 信 息 公 开 申 请 36件"): of its
// eight or more Han characters, two in three at least stand before a space
// and another Han character or a mark.
func hanSpaced(s string) bool {
	if strings.Count(s, " ") < 8 {
		return false // nearly every line
	}
	han, spaced := hanSpacing(s, true)
	return han >= 8 && spaced*3 >= han*2
}

// joinThousands drops the commas of numbers grouped by thousands (1,234 and
// 12,345,678: one to three digits, then groups of three), before a sentence
// is cut at its commas.
func joinThousands(s string) string {
	if !hasText(s, ",") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if !isASCIIDigit(s[i]) || i > 0 && isASCIIDigit(s[i-1]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIIDigit(s[j]) {
			j++
		}
		end := j
		for end-i <= 3 && j+4 <= len(s) && s[j] == ',' && allASCIIDigits(s[j+1:j+4]) && (j+4 == len(s) || !isASCIIDigit(s[j+4])) {
			j += 4
		}
		if j == end {
			b.WriteString(s[i:j])
		} else {
			for k := i; k < j; k++ {
				if s[k] != ',' {
					b.WriteByte(s[k])
				}
			}
		}
		i = j
	}
	return b.String()
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

func allASCIIDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) {
			return false
		}
	}
	return true
}

// bareCount says a part of a sentence is only a count, as in "收到申请，
// 共计12件": the number, maybe after 共/计/合计/总计/累计/达/约.
func bareCount(part string) bool {
	p := trimSpace(part)
	for _, w := range []string{"共计", "合计", "总计", "累计", "共", "计", "达", "约"} {
		p = strings.TrimPrefix(p, w)
	}
	start, _, _, ok := findCount(p)
	return ok && start == 0
}

// namesApplication says a text names an application (申请), not only the
// applicant (申请人).
func namesApplication(s string) bool {
	for i := 0; ; {
		k := indexText(s[i:], "申请")
		if k < 0 {
			return false
		}
		i += k + len("申请")
		if !strings.HasPrefix(s[i:], "人") {
			return true
		}
	}
}

// approximate says the count in text (whole: the number and its unit, as
// found) is a round or a bound — 约10件, 近10件, 超过5件, 10件左右, 5件以上 — and
// states no number a table can contradict.
func approximate(text, whole string) bool {
	i := indexText(text, whole)
	if i < 0 {
		return false
	}
	before, after := strings.TrimRight(text[:i], " "), strings.TrimLeft(text[i+len(whole):], " ")
	for _, w := range []string{"约", "近", "逾", "超", "超过", "不足", "不到", "多于", "少于", "大约", "将近", "接近", "上百", "上千"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	for _, w := range []string{"以上", "以下", "左右", "上下", "之多"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	// 数十件, 几百件: no count (数 before an Arabic number is 申请数 70 件's)
	if strings.HasSuffix(before, "数") || strings.HasSuffix(before, "几") {
		if r, _ := utf8.DecodeRuneInString(whole); r == '十' || r == '百' || r == '千' {
			return true
		}
	}
	return false
}

// otherFees name fees that are not the 信息处理费 (a report may say what
// else the agency collected: 收取不动产登记费12.5万元).
var otherFees = []string{"登记费", "工本费", "检测费", "检验费", "服务费", "培训费", "鉴定费", "考试费", "手续费", "诉讼费", "排污费",
	"污水处理费", "垃圾处理费", "停车费", "管理费", "评审费", "报名费", "证书费", "押金", "保证金", "罚款", "罚没"}

// feeAmount is yuanRe's first match in cl that is an amount collected, not
// a rate (收费标准为每件100元, 按每页10元): nil when there is none.
func feeAmount(cl string) []string {
	for _, ix := range yuanRe.FindAllStringSubmatchIndex(cl, -1) {
		before := cl[max(0, ix[0]-18):ix[0]] // six characters
		if hasText(before, "每") || hasText(before, "标准") || strings.HasPrefix(cl[ix[1]:], "/") || strings.HasPrefix(cl[ix[1]:], "／") {
			continue
		}
		return []string{cl[ix[0]:ix[1]], cl[ix[2]:ix[3]], cl[ix[4]:ix[5]]}
	}
	return nil
}

// otherFee says a clause counts money of another fee than the 信息处理费.
func otherFee(cl string) bool {
	return !hasText(cl, "信息处理费") && indexAny(cl, otherFees...) >= 0
}

// otherKinds name applications that are not for government information:
// "受理政务服务事项申请3000件", "收到行政许可申请", "低保申请".
var otherKinds = []string{"政务服务", "行政许可", "许可", "审批", "事项", "登记", "低保", "救助", "补贴", "听证", "人才",
	"资格", "认定", "备案", "建议", "提案", "信访", "办件", "入学", "就业", "职称", "项目", "咨询", "投诉", "举报", "热线", "转办", "12345",
	"补正", "撤回"} // (补正申请: the applications asked to be completed, a share, or the completions)

// applicantShare says the applications a count follows are those of one
// kind of applicant, a column of 表三 ("收到自然人申请64件", "法人或其他组织
// 申请6件"), not all of them: persons or organisations are named before the
// count, not both ("公民、法人和其他组织提出的申请70件" is the total).
func applicantShare(rest string) bool {
	has := func(q string) (person, org bool) {
		person = hasText(q, "自然人") || hasText(q, "公民") || hasText(q, "个人")
		org = hasText(q, "法人") || hasText(q, "组织") || hasText(q, "企业")
		return person, org
	}
	if person, org := has(rest); !person && !org {
		return false // most sentences name no applicant: no need to find the count
	}
	q := rest
	if m := applicationCount(rest); m != nil {
		q = rest[:indexText(rest, m[0])]
	}
	person, org := has(q)
	return person != org
}

// categoryCount says the words between a verb and its count name the
// applications of one subject, the most or the main one ("收到申请量最多
// 的是规划类，共32件", "收到的申请主要集中在征收领域，共45件").
func categoryCount(before string) bool {
	return indexAny(before, "最多", "最少", "居多", "为主", "集中", "主要") >= 0
}

// topicShare says the words between a verb and its count name the
// applications' subject (收到涉及征地拆迁的申请3件, 关于…的申请): a share of
// them, not all ("有关政府信息公开的申请" is all).
func topicShare(before string) bool {
	i := indexAny(before, "涉及", "关于", "有关")
	if i < 0 {
		return false
	}
	seg := before[i:]
	if j := indexText(seg, "的"); j >= 0 {
		seg = seg[:j]
	}
	return !hasText(seg, "信息公开")
}

// otherThanApplications says what the count follows, after the words
// naming the applications, is something else about them: 依申请公开咨询电话30个.
func otherThanApplications(before string) bool {
	if k := strings.LastIndex(before, "申请"); k >= 0 {
		return indexAny(before[k:], "咨询", "电话", "来电", "留言", "热线", "信访", "诉求", "举报", "投诉") >= 0
	}
	// the applications named before the verb, and after it what came in
	// by them ("通过政府信息公开申请渠道收到举报9件")
	return indexAny(before, "咨询", "电话", "来电", "留言", "热线", "举报", "投诉", "信访", "来信") >= 0
}

// applicationChannels are the ways an application comes in, as reports
// count them.
var applicationChannels = []string{"信函", "网络", "网上", "网站", "平台", "在线", "线上", "当面", "现场", "窗口", "传真", "电子邮件", "邮件", "邮寄", "来信"}

// channelShare says the applications a count follows are those that came
// in one way ("通过信函方式提交的申请20件"), a share, not all of them: one
// channel named in q, the words before the count, without 共, 合计, 累计 or
// 等 (通过网络、信函等方式共收到申请70件 is the total).
//
// Channel words not set apart by 、 和 及 或 与 name one channel: 门户网站依申请
// 公开平台 is the website's platform, not the website and a platform.
func channelShare(q string) bool {
	if indexAny(q, "共", "合计", "累计", "等", "各类", "全部") >= 0 {
		return false
	}
	n := 0
	for _, seg := range strings.FieldsFunc(q, func(r rune) bool { return strings.ContainsRune("、和及或与/", r) }) {
		for _, c := range applicationChannels {
			if hasText(seg, c) {
				n++
				break
			}
		}
	}
	return n == 1
}

// receivedAt is where a part says applications were received (新收, 收到,
// 受理, 接收), or 0 for a part that names the disclosure applications first
// and counts them after a part that received others ("收到咨询申请12件，
// 政府信息公开申请71件": the verb is the part before's), or -1.
func receivedAt(part string, before []string) int {
	if j := indexAny(part, receiveVerbs...); j >= 0 {
		return j
	}
	if len(before) == 0 {
		return -1
	}
	t := trimSpace(part)
	prev := before[len(before)-1]
	if (strings.HasPrefix(t, "政府信息公开申请") || strings.HasPrefix(t, "信息公开申请")) && hasCount(t) &&
		indexAny(prev, receiveVerbs...) >= 0 && hasText(prev, "申请") && hasCount(prev) {
		return 0
	}
	return -1
}

// receiveVerbs say applications were received.
var receiveVerbs = []string{"新收", "收到", "受理", "接收", "接到"}

// statedCountRe is a part that states the year's applications without a
// verb of receipt: "本年度政府信息公开申请数量为19件", "政府信息公开申请共19件",
// "本年度共有19件政府信息公开申请". Before the subject stand only the
// year's and the agency's own words: a part that qualifies the
// applications (予以公开的, 网络, 自然人, 全市) is a share or a region's, and
// a part that goes on after them (…申请予以公开, …申请涉及征收) says
// something else of them.
var statedCountRe = regexp.MustCompile(`^(?:本年度?|全年|年内|今年|20[0-9]{2}年度?|本(?:机关|局|单位|部门|委|办|中心|院|厅|府|所|站)|我(?:局|单位|部门|委|办|中心|院|厅|府|所|站)|\s)*` +
	`(?:共有\s*([0-9０-９]+|[零〇一二两三四五六七八九十百千]+)\s*(?:件|宗)\s*(?:政府)?信息公开申请` +
	`|(?:政府)?信息公开申请(?:(?:数量|总数|总量|件数|量)\s*(?:为|是|共计|共|合计|总计|达)?|\s*(?:共计|共|合计|总计|达)?)\s*[：:]?\s*([0-9０-９]+|[零〇一二两三四五六七八九十百千]+)\s*(?:件|宗))\s*$`)

// statedCount is the count statedCountRe reads in part ("" when none).
func statedCount(part string) string {
	if !hasText(part, "信息公开申请") {
		return ""
	}
	m := statedCountRe.FindStringSubmatch(trimSpace(part))
	if m == nil {
		return ""
	}
	return m[1] + m[2]
}

// otherApplication says the applications a count follows are of another
// kind: between the verb and 申请 stand words naming another kind, and not
// 公开 or 信息 (收到政府信息公开申请, 收到申请人提出的信息公开申请).
func otherApplication(rest string) bool {
	k := 0
	for {
		i := indexText(rest[k:], "申请")
		if i < 0 {
			return false
		}
		k += i
		if !strings.HasPrefix(rest[k+len("申请"):], "人") {
			break
		}
		k += len("申请")
	}
	q := rest[:k]
	after := rest[k+len("申请"):]
	if strings.HasPrefix(after, "类") || strings.HasPrefix(after, "材料") || strings.HasPrefix(after, "事项") {
		return true // "申请类诉求", "申请材料": not the applications themselves
	}
	if indexAny(q, "以外", "之外") >= 0 || strings.HasPrefix(after, "以外") || strings.HasPrefix(after, "之外") {
		return true // "政府信息公开申请以外的其他申请": the others
	}
	if hasText(q, "公开") || hasText(q, "信息") {
		return false
	}
	for _, w := range otherKinds {
		if hasText(q, w) {
			return true
		}
	}
	return false
}

// durationWords follow a 个 that counts time or bodies, not applications
// ("20个工作日内答复", "涉及8个部门").
var durationWords = []string{"工作日", "自然日", "月", "小时", "日", "天", "星期", "季度", "年", "部门", "单位", "乡镇", "街道"}

// applicationCount is the first count of rest that can count applications:
// countSubmatch, passing over "20个工作日" and the like.
func applicationCount(rest string) []string {
	for off := 0; off < len(rest); {
		start, num, end, ok := findCount(rest[off:])
		if !ok {
			return nil
		}
		m := []string{rest[off+start : off+end], rest[off+start : off+num]}
		if !strings.HasSuffix(m[0], "个") || !prefixFold(rest[off+end:], durationWords...) {
			return m
		}
		off += end
	}
	return nil
}

func indexAny(s string, subs ...string) int {
	best := -1
	for _, x := range subs {
		if i := indexText(s, x); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

// parseNumber reads Arabic digits or a small Chinese numeral (两件, 十二件, 一百零五件).
func parseNumber(s string) (int64, bool) {
	s = foldDigits(s)
	if s != "" && s[0] < utf8.RuneSelf { // Chinese numerals are tried without an error allocated for them
		if v, err := strconv.ParseInt(s, 10, 64); err == nil {
			return v, true
		}
	}
	var total, cur int64
	seen := false
	for _, r := range s {
		if d := cnDigit(r); d >= 0 {
			cur, seen = d, true
		} else if u := cnUnit(r); u > 0 {
			if cur == 0 {
				cur = 1
			}
			total += cur * u
			cur, seen = 0, true
		} else {
			return 0, false
		}
	}
	return total + cur, seen
}

// cnDigit is the value of a Chinese digit, -1 for another rune.
func cnDigit(r rune) int64 {
	switch r {
	case '零', '〇':
		return 0
	case '一':
		return 1
	case '二', '两':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// cnUnit is the value of 十, 百 or 千, 0 for another rune.
func cnUnit(r rune) int64 {
	switch r {
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	}
	return 0
}

func checkNarrative(c *ctx) {
	r := c.r
	a := r.Applications
	newTotal, inTotal := a["new"][ColTotal], a["carried_in"][ColTotal]
	var sawFeeZero *Claim
	claims := Claims(r)
	// a sentence that counts the applications by channel ("通过信函收到申请10件，
	// 通过网络收到申请60件") states the total as the sum of its counts
	type sentence struct {
		sect string
		off  int
	}
	bySentence, inSentence := map[sentence]int64{}, map[sentence]int{}
	for _, cl := range claims {
		if cl.What == "applications" {
			bySentence[sentence{cl.Sect, cl.Off}] += cl.Value
			inSentence[sentence{cl.Sect, cl.Off}]++
		}
	}
	department := departmentAgency(r.Agency)
	for _, cl := range claims {
		line := func() int { return c.lineAt(cl.Sect, cl.Off) } // only for a finding
		if cl.Wide && department {
			continue // a department's tables are its own, never its region's
		}
		switch cl.What {
		case "applications":
			if !r.Meta.Tables["3"] || newTotal.Blank() || r.ambiguous(t3Cell("new", ColTotal)) {
				continue
			}
			if sum := bySentence[sentence{cl.Sect, cl.Off}]; sum != cl.Value && (sum == newTotal.Val() || sum == newTotal.Val()+inTotal.Val()) {
				continue
			}
			if cl.Share && inSentence[sentence{cl.Sect, cl.Off}] == 1 {
				continue // one channel's count, the others not counted (通过信函提交的申请20件，通过网络提交的申请50件)
			}
			if cl.Region > 0 && (cl.Region == newTotal.Val() || cl.Region == newTotal.Val()+inTotal.Val()) {
				continue // the tables are the region's
			}
			if cl.Value != newTotal.Val() && cl.Value != newTotal.Val()+inTotal.Val() {
				c.add("applications.new[total]", line(), "正文称收到申请 %d 件（“%s”），表三本年新收总计为 %d 件", cl.Value, clip(cl.Text), newTotal.Val())
			}
		case "carried_in", "carried_forward":
			t := a[cl.What][ColTotal]
			if !r.Meta.Tables["3"] || t.Blank() || r.ambiguous(t3Cell(cl.What, ColTotal)) || cl.Value == t.Val() {
				continue
			}
			row := map[string]string{"carried_in": "二、上年结转政府信息公开申请数量", "carried_forward": "四、结转下年度继续办理"}[cl.What]
			c.add("applications."+cl.What+"[total]", line(), "正文称%s %d 件（“%s”），表三“%s”总计为 %d 件",
				map[string]string{"carried_in": "上年结转", "carried_forward": "结转下年度"}[cl.What], cl.Value, clip(cl.Text), row, t.Val())
		case "review":
			t := r.Appeals[0][4]
			if r.Meta.Tables["4"] && !t.Blank() && !r.ambiguous(t4Cell(0, 4)) && cl.Value != t.Val() {
				c.add("appeals.review.total", line(), "正文称行政复议 %d 件（“%s”），表四行政复议总计为 %d 件", cl.Value, clip(cl.Text), t.Val())
			}
		case "appeals":
			rv, t1, t2 := r.Appeals[0][4], r.Appeals[1][4], r.Appeals[2][4]
			if !r.Meta.Tables["4"] || rv.Blank() && t1.Blank() && t2.Blank() {
				continue
			}
			// (a total left unread is no 0: a table cut off at the page's
			// edge; the others may still exceed the claim alone)
			sum := rv.Val() + t1.Val() + t2.Val()
			switch {
			case !r.ambiguous(t4Cell(0, 4), t4Cell(1, 4), t4Cell(2, 4)) && cl.Value != sum:
				c.add("appeals.review.total", line(), "正文称行政复议、行政诉讼共 %d 件（“%s”），表四行政复议 %s + 行政诉讼 %d = %d 件",
					cl.Value, clip(cl.Text), num(rv), t1.Val()+t2.Val(), sum)
			case r.ambiguous(t4Cell(0, 4), t4Cell(1, 4), t4Cell(2, 4)) && cl.Value < sum:
				c.add("appeals.review.total", line(), "正文称行政复议、行政诉讼共 %d 件（“%s”），表四读到的总计已有 %d 件（有的组的总计未能读取）",
					cl.Value, clip(cl.Text), sum)
			}
		case "suit":
			t1, t2 := r.Appeals[1][4], r.Appeals[2][4]
			if !r.Meta.Tables["4"] || t1.Blank() && t2.Blank() {
				continue
			}
			switch u1, u2 := r.ambiguous(t4Cell(1, 4)), r.ambiguous(t4Cell(2, 4)); {
			case !u1 && !u2 && cl.Value != t1.Val()+t2.Val():
				c.add("appeals.suit_direct.total", line(), "正文称行政诉讼 %d 件（“%s”），表四行政诉讼总计为 %d 件（直接起诉 %s + 复议后起诉 %s）",
					cl.Value, clip(cl.Text), t1.Val()+t2.Val(), num(t1), num(t2))
			case u1 != u2 && cl.Value < t1.Val()+t2.Val():
				// one total unread: the other alone already exceeds the
				// claim (counts are never negative)
				known, name := t1, "直接起诉"
				if u1 {
					known, name = t2, "复议后起诉"
				}
				c.add("appeals.suit_direct.total", line(), "正文称行政诉讼 %d 件（“%s”），表四仅%s就有 %d 件（另一组的总计未能读取）",
					cl.Value, clip(cl.Text), name, known.Val())
			}
		case "fee_yuan":
			if cl.Value == 0 {
				x := cl
				sawFeeZero = &x
			}
		}
	}
	if sawFeeZero != nil {
		for _, cl := range claims {
			if cl.What == "fee_yuan" && cl.Value > 0 {
				c.add("sections."+cl.Sect, c.lineAt(cl.Sect, cl.Off), "正文既称未收取信息处理费（“%s”），又称收取 %d 元（“%s”）",
					clip(sawFeeZero.Text), cl.Value, clip(cl.Text))
			}
		}
	}
}

func clip(s string) string {
	if !moreRunes(s, 40) {
		return s
	}
	rs := []rune(s)
	return string(rs[:40]) + "…"
}

// --- proofreading (TXT.*) ---------------------------------------------------------

var latinRe = regexp.MustCompile(`[A-Za-z]+`)

// Words in lower case that are at home in Chinese government prose.
var latinAllowed = map[string]bool{"app": true, "wifi": true, "www": true, "http": true, "https": true,
	"email": true, "e": true, "pdf": true, "doc": true, "docx": true, "xls": true, "xlsx": true, "ofd": true,
	"wps": true, "word": true, "excel": true, "gov": true, "cn": true, "com": true, "html": true, "ip": true, "ai": true,
	"i": true, "pv": true, "uv": true} // i深圳, i襄阳: apps' names; pv, uv: page views

// checkDouble: the narrative has no doubled 的 and no two punctuation marks
// of a sentence in a row (。。 ，， 、， ；。; ？！ is an emphasis, not a
// slip), the slips a proofreader marks first. A scan of the runes, not a
// regular expression: it runs on every report's every section.
func checkDouble(c *ctx) {
	for _, k := range NarrativeKeys {
		t := c.r.Sections[k]
		for i := 0; i < len(t); {
			r, size := utf8.DecodeRuneInString(t[i:])
			if r != '的' && !sentencePunct(r) && r != '！' && r != '？' {
				i += size
				continue
			}
			// the run of slips that starts here
			j, n := i+size, 1
			for j < len(t) {
				r2, size2 := utf8.DecodeRuneInString(t[j:])
				if !doubled(r, r2) {
					break
				}
				r, j, n = r2, j+size2, n+1
			}
			if n > 1 && !(t[i:i+size] == "的" && strings.HasPrefix(t[j:], "确")) { // 目的的确是…: 的 and 的确
				c.add("sections."+k, c.lineAt(k, i), "重复的字或标点“%s”：“%s”，请删去多余的", t[i:j], context(t, i, j))
			}
			i = j
		}
	}
}

// checkTitleMarks: the narrative's 《》 pair up: a 》 with no 《 before it, a
// 《 opened inside another (nested titles take 〈〉), or one never closed is a
// slip. A title may wrap onto the next line (PDF text): the section is one
// text, not a line at a time.
func checkTitleMarks(c *ctx) {
	for _, k := range NarrativeKeys {
		t := c.r.Sections[k]
		if !hasText(t, "《") && !hasText(t, "》") {
			continue
		}
		open := -1 // where the title being read opened
		say := func(at int, what string) {
			c.add("sections."+k, c.lineAt(k, at), "书名号不成对：%s：“%s”", what, context(t, at, at+len("《")))
		}
		// from mark to mark (a byte search each, not a walk over every rune)
		for pos := 0; ; {
			a, b := indexText(t[pos:], "《"), indexText(t[pos:], "》")
			if a < 0 && b < 0 {
				break
			}
			j := a
			if a < 0 || b >= 0 && b < a {
				j = b
			}
			j += pos
			if open >= 0 {
				// a sentence that ends inside a title on its own line: the 》
				// was left out
				if seg := t[open:j]; hasText(seg, "。") && !hasText(seg[:indexText(seg, "。")], "\n") {
					say(open, "《之后到句末没有》")
					open = -1
				}
			}
			switch {
			case strings.HasPrefix(t[j:], "《") && open >= 0:
				say(open, "《之后没有》就又有《")
				open = j
			case strings.HasPrefix(t[j:], "《"):
				open = j
			case open < 0:
				say(j, "》之前没有《")
			default:
				open = -1
			}
			pos = j + len("《")
		}
		if open >= 0 {
			say(open, "《之后没有》")
		}
	}
}

// sentencePunct are the marks inside and at the end of a sentence that never
// stand twice in a row.
func sentencePunct(r rune) bool {
	return r == '，' || r == '。' || r == '、' || r == '；' || r == '：'
}

// doubled says b after a is a slip: 的的, two of the sentence's marks, or one
// of them beside ！ or ？ (but not ？！).
func doubled(a, b rune) bool {
	switch {
	case a == '的' || b == '的':
		return a == b
	case sentencePunct(a):
		return sentencePunct(b) || b == '！' || b == '？'
	case a == '！' || a == '？':
		return sentencePunct(b)
	}
	return false
}

// placeholderRe finds what a template leaves to fill in: two or more X or
// × (XX局, ××年, XXX), one before a unit of date or count (X月X日, X件), or
// the template's instruction (请填写, 此处填写, 待补充). Asterisks are not
// among them: a converter's Markdown writes bold as **…**.
var placeholderRe = regexp.MustCompile(`[XxＸｘ×]+年[XxＸｘ×]+月[XxＸｘ×]+日|[XxＸｘ×]{1,2}月[XxＸｘ×]{1,2}日|[XxＸｘ×]{2,}|[XxＸｘ×][月日件条项个次年]|请填写|此处填写|此处填入|待补充|待填写|（填写[^）]{0,20}）|` +
	// the placeholder text of a Word content control or a WPS text box,
	// shown grey on the page until something is typed in
	`单击(?:或点击)?此处(?:输入|添加)(?:文字|日期|文本|标题)|Click (?:or tap )?here to (?:enter|add) (?:text|a date)`)

// checkPlaceholder: the title and the narrative keep no placeholder of the
// template they were written from ("XX局2024年政府信息公开工作年度报告").
func checkPlaceholder(c *ctx) {
	say := func(where string, line int, t string, m []int) {
		c.add(where, line, "留有模板的占位符“%s”：“%s”，请填写实际内容", t[m[0]:m[1]], context(t, m[0], m[1]))
	}
	if t := c.r.Title; mayHavePlaceholder(t) {
		for _, m := range placeholderRe.FindAllStringIndex(t, -1) {
			if placeholderAt(t, m) {
				say("title", 0, t, m)
			}
		}
	}
	for _, k := range NarrativeKeys {
		t := c.r.Sections[k]
		if !mayHavePlaceholder(t) {
			continue
		}
		for _, m := range placeholderRe.FindAllStringIndex(t, -1) {
			if placeholderAt(t, m) {
				say("sections."+k, c.lineAt(k, m[0]), t, m)
			}
		}
	}
}

// mayHavePlaceholder says placeholderRe can match t: most texts have no X
// and none of the template's instructions, and are not searched.
func mayHavePlaceholder(t string) bool {
	// one pass over the bytes, by the first byte of each (it runs on every
	// report's narrative: eight searches cost as much as a rule)
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case 'X', 'x':
			return true
		case 'C':
			if strings.HasPrefix(t[i:], "Click") {
				return true
			}
		case 0xC3, 0xEF, 0xE5: // × Ｘ ｘ; 填 待 单
			if i+1 < len(t) && t[i+1] != 0x97 && t[i+1] != 0xBC && t[i+1] != 0xBD && t[i+1] != 0xA1 && t[i+1] != 0xBE && t[i+1] != 0x8D {
				continue // the second byte of none of them: most of 0xE5's CJK
			}
			r := t[i:]
			if strings.HasPrefix(r, "×") || strings.HasPrefix(r, "Ｘ") || strings.HasPrefix(r, "ｘ") || strings.HasPrefix(r, "填写") ||
				strings.HasPrefix(r, "填入") || strings.HasPrefix(r, "待补充") || strings.HasPrefix(r, "单击") {
				return true
			}
		}
	}
	return false
}

// placeholderAt says a match of placeholderRe stands in Chinese text: X's
// beside Latin letters or digits are a word or a code (XXL, 0x1F, X86),
// not a blank of the template.
func placeholderAt(t string, m []int) bool {
	if r, _ := utf8.DecodeRuneInString(t[m[0]:]); !strings.ContainsRune("XxＸｘ×", r) {
		return true // the template's words
	}
	before, after := neighbour(t, m[0], true), neighbour(t, m[1], false)
	latin := func(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
	return !latin(before) && !latin(after)
}

func isHanOrCJKPunct(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFF0F) ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '、'
}

func neighbour(t string, i int, back bool) rune {
	for {
		var r rune
		var size int
		if back {
			if i <= 0 {
				return 0
			}
			r, size = utf8.DecodeLastRuneInString(t[:i])
			i -= size
		} else {
			if i >= len(t) {
				return 0
			}
			r, size = utf8.DecodeRuneInString(t[i:])
			i += size
		}
		if r != ' ' && r != '\t' && r != '\u3000' {
			return r
		}
	}
}

func checkLatin(c *ctx) {
	for _, k := range NarrativeKeys {
		t := c.r.Sections[k]
		if !strings.ContainsFunc(t, func(r rune) bool { return r < 0x80 && (r|0x20) >= 'a' && (r|0x20) <= 'z' }) {
			continue
		}
		for _, m := range latinRe.FindAllStringIndex(t, -1) {
			w := t[m[0]:m[1]]
			if strings.ToUpper(w) == w || latinAllowed[strings.ToLower(w)] {
				continue // acronyms (APP, OA, PDF) belong in Chinese prose
			}
			before, after := neighbour(t, m[0], true), neighbour(t, m[1], false)
			if !isHanOrCJKPunct(before) || !isHanOrCJKPunct(after) {
				continue
			}
			c.add("sections."+k, c.lineAt(k, m[0]), "中文正文中混入英文单词“%s”：“%s”，请删除或改为中文", w, context(t, m[0], m[1]))
		}
	}
}

// garbledMarks are what a published text shows where its characters were
// lost in an encoding's round trip: 锟斤拷 (UTF-8's replacement character
// read as GBK), 烫烫烫 and 屯屯屯 (a program's uninitialised memory shown as
// GBK). Real characters, on the page as published; a replacement character
// (U+FFFD) may be a converter's or our PDF reader's, so it is not one.
var garbledMarks = []string{"锟斤拷", "烫烫烫", "屯屯屯"}

// checkGarbled says where the sections hold garbled text (乱码), once for
// each run of marks.
func checkGarbled(c *ctx) {
	for _, k := range NarrativeKeys {
		t := c.r.Sections[k]
		for i := 0; i < len(t); {
			at, mark := -1, ""
			for _, m := range garbledMarks {
				if j := indexText(t[i:], m); j >= 0 && (at < 0 || j < at) {
					at, mark = j, m
				}
			}
			if at < 0 {
				break
			}
			a := i + at
			b := a
			for b < len(t) && slices.ContainsFunc(garbledMarks, func(m string) bool { return strings.HasPrefix(t[b:], m) }) {
				for _, m := range garbledMarks {
					if strings.HasPrefix(t[b:], m) {
						b += len(m)
						break
					}
				}
			}
			c.add("sections."+k, c.lineAt(k, a), "正文中有乱码“%s”：“%s”，原文的字在转换或保存中丢失（UTF-8 与 GBK 编码混用所致），请按原稿改正", mark, context(t, a, b))
			i = b
		}
	}
}

// context is t[a:b] with up to six runes either side: it walks only those
// runes, so that it costs the same in a long text as in a short one.
func context(t string, a, b int) string {
	lo := a
	for i := 0; i < 6 && lo > 0; i++ {
		_, size := utf8.DecodeLastRuneInString(t[:lo])
		lo -= size
	}
	hi := b
	for i := 0; i < 6 && hi < len(t); i++ {
		_, size := utf8.DecodeRuneInString(t[hi:])
		hi += size
	}
	return trimSpace(t[lo:hi])
}

func isBlank(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' }

// nextBlank is where the first space, tab or ideographic space of t[i:hi]
// starts, hi if none: by bytes, as no byte of them is ever inside another
// character (a rune-by-rune walk decoded every character of the sections).
func nextBlank(t string, i, hi int) int {
	for ; i < hi; i++ {
		switch t[i] {
		case ' ', '\t':
			return i
		case 0xE3: // (U+3000 is E3 80 80)
			if i+2 < len(t) && t[i+1] == 0x80 && t[i+2] == 0x80 {
				return i
			}
		}
	}
	return hi
}

func checkSpace(c *ctx) {
	if c.r.Meta.Flattened {
		return // its spaces stand for the line breaks the page lost, not for the report's
	}
	for _, k := range NarrativeKeys {
		t := c.r.Sections[k]
		spaced, first := 0, 0 // lines spaced out letter by letter: said once, not space by space
		for lo := 0; lo < len(t); {
			hi := strings.IndexByte(t[lo:], '\n')
			if hi < 0 {
				hi = len(t)
			} else {
				hi += lo
			}
			if letterSpaced(t[lo:hi]) || hanSpaced(t[lo:hi]) {
				if spaced++; spaced == 1 {
					first = c.lineAt(k, lo)
				}
				lo = hi + 1
				continue
			}
			for i := lo; i < hi; {
				if i = nextBlank(t, i, hi); i == hi {
					break
				}
				j := i
				for j < hi {
					r2, s2 := utf8.DecodeRuneInString(t[j:])
					if !isBlank(r2) {
						break
					}
					j += s2
				}
				before, _ := utf8.DecodeLastRuneInString(t[:i])
				after, _ := utf8.DecodeRuneInString(t[j:])
				// a tab is a border between a table's cells (a table in the
				// section, of a page or a document, or its tab-separated
				// text), not a space typed in a sentence; so is a gap of three
				// spaces or two ideographic ones (a PDF's text laid out:
				// 栏目名称      发布条数; a signature set apart from its date)
				gap := strings.Count(t[i:j], " ") >= 3 || strings.Count(t[i:j], "\u3000") >= 2
				if i > 0 && j < len(t) && unicode.Is(unicode.Han, before) && unicode.Is(unicode.Han, after) && strings.IndexByte(t[i:j], '\t') < 0 && !gap {
					c.add("sections."+k, c.lineAt(k, i), "汉字之间有多余的空格：“%s”", context(t[lo:hi], i-lo, j-lo))
				}
				i = j
			}
			lo = hi + 1
		}
		if spaced > 0 {
			c.add("sections."+k, first, "第 %d 行起有 %d 行文字逐字隔开（多见于 PDF 两端对齐的文字转换成文本，或 OCR 识别的文字），请对照原文确认是否原文如此；这些行不逐处列出", first, spaced)
		}
	}
}

// subHeadings finds the （一） that start lines: [line start, numeral start,
// numeral end] for each.
func subHeadings(t string) [][3]int {
	var out [][3]int
	for start := 0; start <= len(t); {
		end := strings.IndexByte(t[start:], '\n')
		if end < 0 {
			end = len(t)
		} else {
			end += start
		}
		i := start
		for i < end && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r') {
			i++
		}
		if rest := t[i:end]; strings.HasPrefix(rest, "（") || strings.HasPrefix(rest, "(") {
			_, size := utf8.DecodeRuneInString(rest)
			j := i + size
			j = overRunes(t[:end], j, isGap) // "（ 四 ）": an OCR's spaces
			k := j
			for k < end {
				r, n := utf8.DecodeRuneInString(t[k:end])
				if !strings.ContainsRune(cnDigits, r) {
					break
				}
				k += n
			}
			if c := strings.TrimLeft(t[k:end], " \u3000"); k > j && (strings.HasPrefix(c, "）") || strings.HasPrefix(c, ")")) {
				out = append(out, [3]int{start, j, k})
			}
		}
		start = end + 1
	}
	return out
}

const cnDigits = "一二三四五六七八九十"

// enumerators finds "一是、二是 …" in para: a run of numerals before 是 that
// starts the text or follows punctuation or a space. It returns byte ranges of
// the numerals.
func enumerators(para string) [][2]int {
	var out [][2]int
	for i := 0; ; {
		j := indexText(para[i:], "是")
		if j < 0 {
			return out
		}
		at := i + j
		// "二 是": an OCR's space between the numeral and 是
		end := backOver(para, at, isGap)
		start := end
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(para[:start])
			if !strings.ContainsRune(cnDigits, r) {
				break
			}
			start -= size
		}
		if start < end {
			ok := start == 0
			if !ok {
				r, _ := utf8.DecodeLastRuneInString(para[:start])
				// a list starts after a lead-in word too ("我局将一是…，二是…");
				// only a first item, so that 统一是 counts nothing
				ok = strings.ContainsRune("。；;：:，,、 \t\u3000", r) || para[start:end] == "一" && strings.ContainsRune("将要即为有括下", r)
			}
			if ok {
				out = append(out, [2]int{start, end})
			}
		}
		i = at + len("是")
	}
}

func cnOrdinal(s string) int {
	v, _ := parseNumber(s)
	return int(v)
}

func checkNumbering(c *ctx) {
	for _, k := range NarrativeKeys {
		t := c.r.Sections[k]
		// 一是、二是 … inside each paragraph; a new 一是 starts a new list.
		pos := 0
		for _, para := range strings.Split(t, "\n") {
			prev := 0
			for _, e := range enumerators(para) {
				m := []int{0, 0, 0, 0, e[0], e[1]}
				n := cnOrdinal(para[m[4]:m[5]])
				switch {
				case n == 1:
				case prev == 0:
				case n == prev:
					c.add("sections."+k, c.lineAt(k, pos+m[4]), "序号重复：“%s是”出现了两次（%s）", para[m[4]:m[5]], context(para, m[4], m[5]+3))
				case n > prev+1:
					c.add("sections."+k, c.lineAt(k, pos+m[4]), "序号跳号：“%s是”之前缺少“%s是”（%s）", para[m[4]:m[5]], cnNumeral(prev+1), context(para, m[4], m[5]+3))
				case n < prev:
					c.add("sections."+k, c.lineAt(k, pos+m[4]), "序号顺序错乱：“%s是”出现在“%s是”之后", para[m[4]:m[5]], cnNumeral(prev))
				}
				prev = n
			}
			pos += len(para) + 1
		}
		// （一）（二）… sub-headings of the section.
		prev := 0
		for _, m := range subHeadings(t) {
			n := cnOrdinal(t[m[1]:m[2]])
			if prev != 0 && n != prev+1 && n != 1 {
				c.add("sections."+k, c.lineAt(k, m[0]), "小标题序号“（%s）”接在“（%s）”之后，应为“（%s）”", t[m[1]:m[2]], cnNumeral(prev), cnNumeral(prev+1))
			}
			prev = n
		}
	}
}

func cnNumeral(n int) string {
	ds := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return ds[n]
	case n < 20:
		if n == 10 {
			return "十"
		}
		return "十" + ds[n-10]
	case n < 100:
		s := ds[n/10] + "十"
		if n%10 != 0 {
			s += ds[n%10]
		}
		return s
	}
	return fmt.Sprint(n)
}

// Similarity is the Jaccard index of the character bigrams of a and b, ignoring
// spaces and punctuation: 1 for a copy, high for a copy with a few words changed.
func Similarity(a, b string) float64 {
	ga, gb := bigrams(a), bigrams(b)
	if len(ga) == 0 || len(gb) == 0 {
		return 0
	}
	inter := 0
	for g := range ga {
		if gb[g] {
			inter++
		}
	}
	return float64(inter) / float64(len(ga)+len(gb)-inter)
}

func bigrams(s string) map[[2]rune]bool {
	var rs []rune
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			rs = append(rs, r)
		}
	}
	out := map[[2]rune]bool{}
	for i := 0; i+1 < len(rs); i++ {
		out[[2]rune{rs[i], rs[i+1]}] = true
	}
	return out
}
