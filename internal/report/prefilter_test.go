package report

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestCollapsedMeansUnchanged: every string the fast check lets through is
// one collapseSpaces would return unchanged (all strings of up to five runes
// over the characters that matter).
func TestCollapsedMeansUnchanged(t *testing.T) {
	alphabet := []string{" ", "\t", "\n", "\r", "\f", "\u00a0", "a", "中"}
	checked, fast := 0, 0
	eachString(alphabet, 5, func(s string) {
		checked++
		want := collapseSpaces(s)
		if collapsed(s) {
			fast++
			if want != s {
				t.Fatalf("collapsed(%q) but collapseSpaces gives %q", s, want)
			}
		}
		if got := collapse(s); got != want {
			t.Fatalf("collapse(%q) = %q, want %q", s, got, want)
		}
	})
	if fast == 0 || fast == checked {
		t.Fatalf("fast path taken %d times of %d: the test does not exercise both paths", fast, checked)
	}
}

func TestLooksHTMLIgnoresCase(t *testing.T) {
	eachCase(t, "looksHTML", looksHTML, map[string]bool{
		"<TABLE><TR><TD>1</TD></TR></TABLE>": true,
		"<!DOCTYPE HTML><p>x":                true,
		"<Div>年度报告</Div>":                    true,
		"a < b 并且 c > d":                     false,
		"纯文本报告":                              false,
		"<tdx":                               true, // as before: a <td prefix
	})
}

// isNumber agrees with the pattern it stands for on every string of up to
// four runes over the characters that matter.
func TestIsNumberIsItsPattern(t *testing.T) {
	re := regexp.MustCompile(`^[+\-－＋]?[0-9０-９][0-9０-９,，]*(?:\.[0-9０-９]+)?$`)
	alphabet := []string{"1", "９", "-", "＋", ",", "，", ".", "件", "a", "\xff"}
	yes := 0
	eachString(alphabet, 4, func(s string) {
		if got, want := isNumber(s), re.MatchString(s); got != want {
			t.Fatalf("isNumber(%q) = %v, pattern says %v", s, got, want)
		} else if got {
			yes++
		}
	})
	if yes == 0 {
		t.Fatal("no number among the strings: the test does not test")
	}
}

// Each shortcut taken before a regular expression rejects only text the
// expression rejects: random strings over the characters the patterns name.
func TestPrefiltersAgreeWithPatterns(t *testing.T) {
	words := []string{"未", "没有", "无", "不", "为", "收到", "受理", "申请", "数量", "0", "零", "1", "２", "件", "个", "人次", "份",
		"十二", "3十", "一百零五", "人", "起", "宗", "两", "\n", "１２",
		"行政复议", "行政诉讼", "复议", "信息处理费", "费用", "收取", "收费", "收费情况", "不存在", "，", ",", "-", "—", "第", "页", "/",
		" ", "\t", "\u3000", "\u00a0", "中", "次", "申请人", "投诉", "−"}
	rng := rand.New(rand.NewPCG(3, 4))
	matched := map[string]int{}
	for range 100000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(words[rng.IntN(len(words))])
		}
		s := b.String()
		if got, want := countIndex(s), countRe.FindStringIndex(s); !slices.Equal(got, want) {
			t.Fatalf("countIndex(%q) = %v, pattern %v", s, got, want)
		}
		if got, want := countSubmatch(s), countRe.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Fatalf("countSubmatch(%q) = %q, pattern %q", s, got, want)
		}
		for name, c := range map[string]struct{ fast, slow bool }{
			"count":       {countIndex(s) != nil, countRe.FindStringIndex(s) != nil},
			"application": {saysNoApplication(s), noneApplication(s)},
			"fee":         {saysNoFee(s), noneFeeRe.MatchString(s)},
			"appeal":      {saysNoAppeal(s), noneAppeal.MatchString(s)},
			"footer":      {maybeFooter(s) && footerRe.MatchString(s), footerRe.MatchString(s)},
			"feeMention":  {strings.Contains(s, "费") && feeMention.MatchString(s), feeMention.MatchString(s)},
		} {
			if c.fast != c.slow {
				t.Fatalf("%s(%q): shortcut %v, pattern %v", name, s, c.fast, c.slow)
			}
			if c.slow {
				matched[name]++
			}
		}
	}
	for _, name := range []string{"count", "application", "fee", "appeal", "footer", "feeMention"} {
		if matched[name] == 0 {
			t.Errorf("no random string matched %s: the test does not test it", name)
		}
	}
}

// numberRun is numberTokens' verdict, and cellish's length shortcut skips
// no placeholder.
func TestNumberRunIsNumberTokens(t *testing.T) {
	alphabet := []string{"1", "９", "-", "－", "＋", " ", "\u3000", "\u00a0", "\t", "，", "a", "件"}
	eachString(alphabet, 4, func(s string) {
		_, want := numberTokens(s)
		if got := numberRun(s); got != want {
			t.Fatalf("numberRun(%q) = %v, numberTokens says %v", s, got, want)
		}
	})
	for p := range placeholders {
		if len(p) > maxPlaceholder || !cellish(p) || !isPlaceholder(p) {
			t.Errorf("placeholder %q is longer than maxPlaceholder, starts with a digit or is not cellish", p)
		}
	}
}

// editDistance keeps short labels on the stack and long ones on the heap;
// both give the distance the textbook table gives.
func TestEditDistance(t *testing.T) {
	naive := func(a, b []rune) int {
		d := make([][]int, len(a)+1)
		for i := range d {
			d[i] = make([]int, len(b)+1)
			d[i][0] = i
		}
		for j := range d[0] {
			d[0][j] = j
		}
		for i := 1; i <= len(a); i++ {
			for j := 1; j <= len(b); j++ {
				c := d[i-1][j-1]
				if a[i-1] != b[j-1] {
					c++
				}
				d[i][j] = min(c, d[i-1][j]+1, d[i][j-1]+1)
			}
		}
		return d[len(a)][len(b)]
	}
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := []rune("其他法律行政规禁止公开ab")
	for range 3000 {
		a, b := make([]rune, rng.IntN(70)), make([]rune, rng.IntN(70))
		for i := range a {
			a[i] = alphabet[rng.IntN(len(alphabet))]
		}
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		want := naive(a, b)
		if got := editDistance(string(a), string(b)); got != want {
			t.Fatalf("editDistance(%q, %q) = %d, want %d", string(a), string(b), got, want)
		}
		// bounded: exact up to the bound, above it past the bound
		for _, max := range []int{0, 1, 2, want - 1, want, want + 1, rng.IntN(20)} {
			if max < 0 {
				continue
			}
			got := editWithin(string(a), string(b), max)
			if want <= max && got != want || want > max && got <= max {
				t.Fatalf("editWithin(%q, %q, %d) = %d, distance %d", string(a), string(b), max, got, want)
			}
		}
	}
}

// An anchor finds what its pattern finds, on running text made of its own
// label (whole, cut, spaced), item numbers, digits and other words.
func TestAnchorFindIsItsPattern(t *testing.T) {
	anchorsOnce.Do(buildAnchors)
	rng := rand.New(rand.NewPCG(8, 9))
	shortcut, need := 0, 0
	for _, a := range append(append([]anchor{}, anchorT2...), anchorT3...) {
		if a.key != nil {
			shortcut++
			if a.need {
				need++
			}
		}
		key := []rune(a.re.String())
		if a.key != nil {
			key = a.key
		}
		pieces := []string{string(key), " ", "\u3000", "1.", "（一）", "一、", "12．", "３", "0", "7", "其他", "本年", "、", "\t"}
		for d, cn := range []rune("一二三四五六七八九") {
			pieces = append(pieces, fmt.Sprintf("%d.", d+1), fmt.Sprintf("%d ．", d+1), "（"+string(cn)+"）", "("+string(cn)+")", string(cn)+"、")
		}
		for i := 1; i < len(key); i++ {
			pieces = append(pieces, string(key[:i]), string(key[i:]), string(key[:i])+" "+string(key[i:]))
		}
		for range 3000 {
			var b strings.Builder
			for range 1 + rng.IntN(10) {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			s := b.String()
			if got, want := a.find(s), a.re.FindStringIndex(s); !slices.Equal(got, want) {
				t.Fatalf("%s on %q: find %v, pattern %v", a.re, s, got, want)
			}
		}
	}
	if need == 0 {
		t.Error("no anchor with a required item number takes the shortcut")
	}
	if shortcut < len(anchorT3)/2 {
		t.Errorf("only %d anchors take the shortcut", shortcut)
	}
}

// moreRunes is RuneCountInString(s) > n.
func TestMoreRunes(t *testing.T) {
	for _, s := range []string{"", "a", "中", "中文ab", strings.Repeat("中", 40), strings.Repeat("中", 41), strings.Repeat("a", 161), strings.Repeat("中a", 30)} {
		for _, n := range []int{0, 1, 2, 39, 40, 41, 60} {
			if got, want := moreRunes(s, n), utf8.RuneCountInString(s) > n; got != want {
				t.Errorf("moreRunes(%q, %d) = %v", s, n, got)
			}
		}
	}
	// no page-furniture word overlaps itself, so cutting at each place of
	// each word in one pass is what searching each word in turn did
	for _, f := range pageFurniture {
		for k := 1; k < len(f); k++ {
			if strings.HasPrefix(f, f[k:]) && utf8.RuneStart(f[k]) {
				t.Errorf("%q overlaps itself", f)
			}
		}
	}
}

// An amount already written canonically is kept as it is: the same text the
// full parse gives, on every short string of digits, points and signs.
func TestCanonicalAmount(t *testing.T) {
	slow := func(s string) Amount {
		t := strings.ReplaceAll(s, ",", "")
		if !decimalRe.MatchString(t) {
			return Amount{state: cellInvalid, raw: s}
		}
		r, _ := new(big.Rat).SetString(t)
		return Amount{text: canonicalDecimal(r, t), state: cellOK}
	}
	alphabet := []string{"0", "1", "9", ".", "-", ","}
	fast := 0
	eachString(alphabet, 6, func(s string) {
		if s != "" {
			if got, want := ParseAmount(s), slow(s); got != want {
				t.Fatalf("ParseAmount(%q) = %+v, want %+v", s, got, want)
			}
			if canonical(s) {
				fast++
			}
		}
	})
	if fast == 0 {
		t.Fatal("no canonical amount: the shortcut is not tested")
	}
}

// numberish's shortcut for labels: a Chinese first character that is not a
// placeholder is never a number.
func TestNumberishLabels(t *testing.T) {
	for _, s := range []string{"无", " 空", "本年新收", "１２", "\u3000３", "一", "12 0 3"} {
		want := cellish(s) || numberRun(s)
		if got := numberish(s); got != want {
			t.Errorf("numberish(%q) = %v, want %v", s, got, want)
		}
	}
}

// trimSpace is strings.TrimSpace on every string of up to four pieces of
// spaces, letters, CJK and broken UTF-8.
func TestTrimSpace(t *testing.T) {
	pieces := []string{" ", "\t", "\n", "\v", "\x01", "\u3000", "\u00a0", "\u2003", "\u0085", "\u2029", "a", "中", "\x7f", "\xe4\xb8", "\xb8", "\xe4", "１", "。", "\U0001F600"}
	eachString(pieces, 4, func(s string) {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

// norm keeps what the rune-by-rune reading kept, on every short string of
// the characters labels are made of (broken UTF-8 included).
func TestNorm(t *testing.T) {
	slow := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			switch {
			case r >= '０' && r <= '９':
				b.WriteByte(byte('0' + r - '０'))
			case r >= 0x4E00 && r <= 0x9FFF, r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'):
				b.WriteRune(r)
			case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	pieces := []string{"a", "Z", "7", "９", "（", "一", "、", " ", "\u3000", "㐀", "䷀", "鿿", "\xe4\xb8", "\xe9", "é", "Ⅻ", "."}
	eachString(pieces, 4, func(s string) {
		if got, want := norm(s), slow(s); got != want {
			t.Fatalf("norm(%q) = %q, want %q", s, got, want)
		}
	})
}

// wordThenNumber finds where t4Numbers finds.
func TestWordThenNumber(t *testing.T) {
	pieces := []string{"复议", "）", ")", " ", "\t", "\u3000", "1", "０", "a", "、", "\xe4"}
	eachString(pieces, 4, func(s string) {
		want := -1
		if m := t4Numbers.FindStringIndex(s); m != nil {
			want = m[0]
		}
		if got := wordThenNumber(s); got != want {
			t.Fatalf("wordThenNumber(%q) = %d, pattern %d", s, got, want)
		}
	})
}

// splitTokens finds every cut a plain walk of all cuts finds, in the same
// order: the pruning only leaves out branches that cannot end in one.
func TestSplitTokensIsEveryCut(t *testing.T) {
	all := func(tokens []string, n, g int) [][]int64 {
		var out [][]int64
		var rec func(tok, pos int, parts []int64)
		rec = func(tok, pos int, parts []int64) {
			if tok == len(tokens) {
				if len(parts) == n {
					out = append(out, append([]int64(nil), parts...))
				}
				return
			}
			d := tokens[tok]
			for l := 1; pos+l <= len(d) && l <= maxCellDigits; l++ {
				if l > 1 && d[pos] == '0' {
					break
				}
				v, _ := strconv.ParseInt(d[pos:pos+l], 10, 64)
				if g > 0 && len(parts)%g == g-1 {
					var sum int64
					for _, x := range parts[len(parts)-(g-1):] {
						sum += x
					}
					if v != sum {
						continue
					}
				}
				next := append(parts, v)
				if pos+l == len(d) {
					rec(tok+1, 0, next)
				} else {
					rec(tok, pos+l, next)
				}
			}
		}
		rec(0, 0, nil)
		return out
	}
	rng := rand.New(rand.NewPCG(13, 14))
	found := 0
	for range 3000 {
		var toks []string
		for range 1 + rng.IntN(3) {
			var b strings.Builder
			for range 1 + rng.IntN(6) {
				b.WriteByte(byte('0' + rng.IntN(4)))
			}
			toks = append(toks, b.String())
		}
		for _, g := range []int{0, 7} {
			want := all(toks, 7, g)
			got := splitTokens(toks, 7, g, 1<<20)
			if len(want) == 0 && got == nil {
				continue
			}
			found += len(want)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q g=%d: %v, every cut %v", toks, g, got, want)
			}
		}
	}
	if found == 0 {
		t.Fatal("no token set could be cut: the test does not test")
	}
}

// eachString calls f with every string of up to n pieces, the empty one
// included: the shortcut tests hold a fast path to its reference on all of
// them.
func eachString(pieces []string, n int, f func(s string)) {
	var walk func(s string, n int)
	walk = func(s string, n int) {
		f(s)
		if n == 0 {
			return
		}
		for _, p := range pieces {
			walk(s+p, n-1)
		}
	}
	walk("", n)
}

func TestDropBreaks(t *testing.T) {
	eachCase(t, "dropBreaks", dropBreaks, map[string]string{
		"三、本年度<br>办理结果":           "三、本年度 办理结果",
		"a<br/>b<BR />c<Br  / >d": "a b c d",
		"<b>粗</b><bra>":           "<b>粗</b><bra>",
		"尾巴<br":                   "尾巴<br",
		"a < b":                   "a < b",
		"&nbsp;1&amp;2":           " 1&2",
		"R&D":                     "R&D",
		"纯文本":                     "纯文本",
	})
}

// A web page is read as HTML; Markdown or text whose tables are HTML is read
// as text with its tables read as HTML, its lines numbered as in the file.
func TestTextWithTables(t *testing.T) {
	eachCase(t, "textWithTables", textWithTables, map[string]bool{
		"## 三、收到\n<table><tr><td>1</td></tr></table>\n正文":      true,
		"<!DOCTYPE html><table><tr><td>1</td></tr></table>":    false,
		"<div>x</div><table><tr><td>1</td></tr></table>":       false,
		"<P CLASS=a>x</P><TABLE><TR><TD>1</TD></TR></TABLE>":   false,
		"纯文本，没有表格 a<b":                                         false,
		"<TABLE><tr><td>1<br></td></tr></TABLE><span>x</span>": false,
	})
	ls := mixedLines("# 标题\n正文一\n<table>\n<tr><td>本年新收</td><td>1</td></tr>\n<tr><td>x</td><td><table><tr><td>9</td></tr></table></td></tr>\n</table>\n## 四、复议\n末行", false)
	var got []string
	for _, l := range ls {
		got = append(got, fmt.Sprintf("%d:%s", l.No, l.Text))
	}
	want := []string{"1:标题", "2:正文一", "3:", "3:本年新收\t1", "3:x", "3:9", "6:", "7:四、复议", "8:末行"}
	if !slices.Equal(got, want) {
		t.Errorf("mixedLines:\n%q\nwant\n%q", got, want)
	}
}

// claimsOf lists the counts a 2024 report's section 一 states, as what=value.
func claimsOf(text string) string {
	r := &Report{Year: 2024, Sections: map[string]string{"1": text}}
	var got []string
	for _, c := range Claims(r) {
		got = append(got, fmt.Sprintf("%s=%d", c.What, c.Value))
	}
	return strings.Join(got, ",")
}

// A clause about another year is not compared with this year's tables (the
// carry-over of this year's table is not another year), nor one that counts
// 复议/诉讼 by how they ended.
func TestClaimsOfOtherYears(t *testing.T) {
	eachCase(t, "claims", claimsOf, map[string]string{
		"本年共收到政府信息公开申请70件，较上年收到的申请50件增长40%。":     "applications=70",
		"本年共收到政府信息公开申请70件，比去年同期收到申请数量（50件）有所增加。": "applications=70",
		"2023年收到申请50件，2024年收到申请70件。":             "applications=70",
		"本年新收申请70件、上年结转4件。":                      "carried_in=4,applications=70",
		"上年度被申请行政复议3件，本年度被申请行政复议1件。":             "review=1",
		"被申请行政复议、提起行政诉讼共5件。":                     "appeals=5",
		"被申请行政复议和提起行政诉讼各1件。":                     "review=1,suit=1", // each
		"政府信息公开行政复议、行政诉讼均为0件。":                   "review=0,suit=0",
		"被申请行政复议1件、行政诉讼2件。":                      "review=1,suit=2",
		"被提起行政诉讼1件，行政诉讼败诉0件。":                    "suit=1",
		"行政复议结果维持3件，纠正1件。":                       "",
		"共发生行政复议4件，其中复议后起诉0件。":                   "review=4",
		"行政诉讼1件，其中未经复议直接起诉1件。":                   "suit=1",
		"2024年收到政府信息公开申请50件。":                    "applications=50",
		// a year named in a part before the count's
		"2023年，本局收到政府信息公开申请58件；2024年收到申请70件。": "applications=70",
		"2023年，本局收到政府信息公开申请58件。":              "",
		"截至2024年底，本局共收到政府信息公开申请70件。":          "applications=70",
		"2024年，本局收到申请70件，2023年为58件。":          "applications=70",
		// a running total over the years, and the year's own count after it
		"截至2024年底，本局累计收到政府信息公开申请356件，本年度70件。": "applications=70",
		"本局累计受理政府信息公开申请356件，其中2024年70件。":      "applications=70",
		"本局累计受理政府信息公开申请356件，其中2023年58件。":      "",
		"《条例》施行以来，本局累计收到政府信息公开申请356件。":        "",
		"本局历年累计收到政府信息公开申请356件。":               "",
		"2024年，本局累计收到政府信息公开申请70件。":            "applications=70",
		"今年以来，本局累计收到政府信息公开申请70件，均已按时答复。":      "applications=70",
		// the outcomes in brackets after the count are a share of it
		"被申请行政复议3件（维持2件，纠正1件），被提起行政诉讼2件（维持1件）。": "review=3,suit=2",
		"因政府信息公开被申请行政复议4件(维持2件,纠正1件)。":          "review=4",
		"行政复议结果维持3件（均为2023年受理）。":                "",
	})
}

// A count written before its subject (4件行政复议案件) is that subject's,
// each its own when both are named; "…以外的…" is not of the 复议 itself.
func TestClaimsCountBeforeSubject(t *testing.T) {
	eachCase(t, "claims", claimsOf, map[string]string{
		"本年度共有4件政府信息公开行政复议案件和1件行政诉讼案件。": "review=4,suit=1",
		"本年度发生4起政府信息公开行政复议案件。":          "review=4",
		"本年度共发生1件行政诉讼、2件行政复议。":          "review=2,suit=1",
		"本年度被申请行政复议4件，被提起行政诉讼1件。":       "review=4,suit=1",
		"本年度未发生行政复议以外的纠纷。":              "",
		"本年度未发生因政府信息公开引起的行政复议。":         "review=0",
	})
}

// 上年结转 and 结转下年度 counted in the narrative are 表三's rows 二 and 四,
// the count after the words with only filler between; a region's and
// another year's are not.
func TestClaimsCarried(t *testing.T) {
	eachCase(t, "claims", claimsOf, map[string]string{
		"本局共收到政府信息公开申请70件，上年结转4件。":          "applications=70,carried_in=4",
		"上年结转的政府信息公开申请4件已全部办结，结转下年度继续办理2件。": "carried_in=4,carried_forward=2",
		"本年度收到申请70件，结转至下年度办理的申请0件。":         "applications=70,carried_forward=0",
		"全县上年结转申请40件。":                      "",
		"2023年结转下年度申请5件。":                   "",
		"上年结转2023年底未办结的申请4件。":               "",
		"本局收到申请70件，上年结转申请均已办结。":             "applications=70",
		"本局收到申请70件，上年度结转申请4件。":              "applications=70,carried_in=4",
		"本局收到申请70件，上一年度结转的4件申请已办结。":         "applications=70,carried_in=4",
		"本局收到申请70件，结转上年度申请4件。":              "applications=70,carried_in=4",
		"本局收到申请70件，有2件结转下一年度办理。":            "applications=70,carried_forward=2",
		"本局收到申请70件，2件申请结转到下年度办理。":           "applications=70,carried_forward=2",
		"本局收到申请70件，较上年度结转申请减少2件。":           "applications=70",
		"本局收到申请70件，有2件申请涉及征收，结转下年度办理。":      "applications=70",
		"本局收到申请70件，结转下年1件。":                 "applications=70,carried_forward=1",
		"本局收到申请70件，2件结转至下年继续办理。":            "applications=70,carried_forward=2",
		"本局收到申请70件，结转下年的申请均在法定期限内。":         "applications=70",
		"本局收到申请70件，结转至2025年办理1件。":           "applications=70,carried_forward=1",
		"本局收到申请70件，有2件申请结转到2025年度继续办理。":     "applications=70,carried_forward=2",
		"本局收到申请70件，2023年结转至2024年的申请4件。":     "applications=70",
	})
}

// A count stated without a verb of receipt (申请数量为19件, 共有19件…申请) or
// after 接到 is the year's; one whose applications are qualified or go on
// to something else is not.
func TestClaimsStatedWithoutReceipt(t *testing.T) {
	eachCase(t, "claims", claimsOf, map[string]string{
		"本单位全年接到政府信息公开申请共计19件。":       "applications=19",
		"共有19件政府信息公开申请，已全部答复。":        "applications=19",
		"本年度政府信息公开申请数量为19件。":          "applications=19",
		"本年度政府信息公开申请共19件。":            "applications=19",
		"本年度政府信息公开申请：19件。":            "applications=19",
		"本年度政府信息公开申请数量：19件。":          "applications=19",
		"全年政府信息公开申请总数十九件。":            "applications=19",
		"全年共接到政府信息公开申请19件（含网络申请15件）。": "applications=19",
		"本年度共有19个部门收到政府信息公开申请。":       "",
		"共有19件政府信息公开申请予以公开。":          "",
		"共有19件政府信息公开申请涉及征收。":          "",
		"予以公开的政府信息公开申请共19件。":          "",
		"全市政府信息公开申请数量为190件。":          "",
		"2023年政府信息公开申请数量为15件。":        "",
		"本年度本局接到电话咨询19件。":             "",
		"被提起行政诉讼5件（其中涉及政府信息公开1件）。":    "suit=1",
		"行政诉讼3件（其中直接起诉2件，复议后起诉1件）。":   "suit=3",
	})
}

// The year's new applications given as a share (其中新收70件) or as the total
// after the shares by applicant (…，共70件) are read.
func TestClaimsNewAndApplicantTotal(t *testing.T) {
	eachCase(t, "claims", claimsOf, map[string]string{
		"本局共办理政府信息公开申请74件，其中新收70件、上年结转4件。":   "carried_in=4,applications=70",
		"本局共受理政府信息公开申请74件，其中本年新收70件，上年结转4件。": "applications=74,applications=70,carried_in=4",
		"本局收到自然人申请64件、法人或其他组织申请6件，共70件。":     "applications=70",
		"本局收到自然人申请64件、法人或其他组织申请6件。":          "",
		"其中新收70件。": "",
		"本局共办理行政复议案件5件，其中新收3件。": "",
	})
}

// Counts that are not of applications: the next part's own count (收到的申请
// 中，予以公开44件), days and bodies (20个工作日, 8个部门), the applicant's
// papers (收到申请人提交的补正材料3份), a sub-heading's words before the
// sentence; a bare count after the subject is still read (收到申请，共计12件).
func TestClaimsThatAreNoApplicationCount(t *testing.T) {
	eachCase(t, "claims", claimsOf, map[string]string{
		"收到的申请中，予以公开44件，部分公开6件。":                              "",
		"收到申请后，均在20个工作日内答复。":                                  "",
		"收到申请的，于15个工作日内答复。":                                   "",
		"受理申请70件，涉及8个部门。":                                     "applications=70",
		"收到申请后5个工作日内登记，全年收到申请70件。":                            "applications=70",
		"（二）依申请公开办理情况\n收到申请人提交的补正材料3份。":                       "",
		"收到申请人提出的政府信息公开申请70件。":                                "applications=70",
		"收到政府信息公开申请，共计12件。":                                   "applications=12",
		"全年收到申请，70件均已办结。":                                     "applications=70",
		"（二）依申请公开办理情况：全年收到申请65件\n其他工作。":                       "applications=65",
		"2024年，本局共收到政府\n信息公开申请 17 件。":                         "applications=17",
		"2024年，本局共收到政府信息公开申 \n    请17件，上年结转\n\u3000\u30002件。": "applications=17,carried_in=2", // a word broken by an indented line
		"全年共收到政府信息公开申请 17\n   件。":                             "applications=17",
		"全年共收到政府信息公开申请1,234件。":                                "applications=1234",
		"全年共收到申请12,345,678件，较上年增长5%。":                         "applications=12345678",
		"收到申请1,2345件。":                                        "applications=2345",
		"全年受理政务服务事项申请3000件。":                                  "",
		"全年共收到政府信息公开申请约10件。":                                  "",
		"全年共收到政府信息公开申请数十件。":                                   "",
		"全年共收到政府信息公开申请几百件。":                                   "",
		"全年收到政府信息公开申请数70件。":                                   "applications=70",
		"全年共收到政府信息公开申请超过5件。":                                  "",
		"全年共收到政府信息公开申请10件左右。":                                 "",
		"全年共收到政府信息公开申请5件以上，均按时答复。":                            "",
		"被申请行政复议近3件。":                                         "",
		"全年共办理行政复议案件120件，公开行政复议决定书80件。":                       "",
		"本局作为复议机关办理政府信息公开类行政复议案件30件，本局因政府信息公开被申请行政复议4件。":      "review=4",
		"收到申请量最多的是规划类，共32件。":                                  "",
		"收到的申请主要集中在征收领域，共45件。":                                "",
		"全年共收到行政复议申请120件，依法受理100件。":                           "",
		"在网站公开行政诉讼应诉案件信息30件。":                                 "",
		"全年因政府信息公开被申请行政复议2件。":                                 "review=2",
		"本年度收到因政府信息公开引起的行政复议申请1件。":                            "review=1",
		"全年行政复议0件，行政诉讼0件。":                                    "review=0,suit=0",
		"全年共收到政府信息公开申请\u300017\u3000件。":                       "applications=17",
		"全市各级行政机关共收到政府信息公开申请500件。":                            "",
		"全区教育系统共收到政府信息公开申请30件。":                               "",
		"本局收到政府信息公开申请8件，含所属单位共12件。":                           "applications=8",
		"全县各部门被申请行政复议5件。":                                     "",
		"全年共收到政府信息公开申请12件，约占上年的一半。":                           "applications=12",
		"收到行政许可申请120件，均按时办结。":                                 "",
		"受理低保申请45件。":                                          "",
		"受理申请人提出的信息公开申请7件。":                                   "applications=7",
		"收到涉及征收项目的政府信息公开申请9件。":                                "", // a share by subject
		"收到政府信息公开申请12人次。":                                     "", // people, not applications
		"收到有关政府信息公开的申请9件。":                                    "applications=9",
		// one kind of applicant: a column of 表三, not the whole
		"收到自然人申请64件、法人或其他组织申请6件。":      "",
		"收到个人提出的政府信息公开申请64件。":          "",
		"收到企业申请3件。":                    "",
		"共收到公民、法人和其他组织提出的政府信息公开申请70件。": "applications=70",
		// a justified PDF line spaced out letter by letter: its digits are one number
		"2 0 2 4 年 ， 本 局 共 收 到 政 府 信 息 公 开 申 请 7 1 件 。": "applications=71",
		"被 申 请 行 政 复 议 4 件 ， 被 提 起 行 政 诉 讼 1 件 。":       "review=4,suit=1",
		"收 到 申 请 后 ， 均 在 2 0 个 工 作 日 内 答 复 。":           "",
		// a region's count, then the agency's own: the own one is 表三's
		"全市共收到政府信息公开申请1200件，本局收到70件。":        "applications=70",
		"全市各级行政机关共受理申请1200件，其中本局受理70件。":      "applications=70",
		"全市共收到政府信息公开申请1200件，本局收到申请70件，均已答复。": "applications=70",
		"全县共受理政府信息公开申请17件。":                  "applications=17", // a county government's own table may be the county's
		"全市共收到政府信息公开申请1200件，本局工作人员参加培训3次。":   "applications=1200",
		"全县共收到政府信息公开申请1200件，县政府本级收到70件。":     "applications=70",
		// more bodies than the agency
		"县政府及其部门共收到政府信息公开申请1200件。": "",
		"县直部门和乡镇共收到政府信息公开申请1200件。": "",
		"市县两级共收到政府信息公开申请1200件。":    "",
		"县政府本级收到政府信息公开申请70件。":      "applications=70",
	})
}

// Counts by channel that add up to the table are no contradiction; a share
// (其中…, one channel's count alone) is not the whole; counts that add up to
// something else are.
func TestNarrativeBreakdowns(t *testing.T) {
	eachCase(t, "N.TABLE", func(text string) bool { return contradicts("", text) }, map[string]bool{
		"本年共收到政府信息公开申请70件，其中通过网络收到申请60件。": false,
		"通过信函收到申请10件，通过网络收到申请60件。":        false,
		"通过信函收到申请10件，通过网络收到申请50件。":        true,
		// one channel's count the only one read (the next part has no verb of
		// its own): a share, not the whole
		"收到申请人通过信函方式提交的政府信息公开申请20件，通过网络方式提交的申请50件。": false,
		"通过当面方式收到申请10件。": false,
		// one channel in several words (the website's platform), not two
		"通过门户网站依申请公开平台收到申请10件。": false,
		"通过门户网站、信函收到申请69件。":     true,
		"通过网络、信函等方式共收到申请69件。":   true,
		"通过网络、信函等方式共收到申请70件。":   false,
		"本年共收到政府信息公开申请69件。":     true,
		// a region's count, then the agency's own: the table may be either
		"全市共收到政府信息公开申请70件，其中本机关收到12件。": false,
		"全市共收到政府信息公开申请1200件，本局收到70件。":  false,
		"全市共收到政府信息公开申请1200件，本局收到69件。":  true,
		"全市共收到政府信息公开申请69件，其中本机关收到12件。": true,
	})
}

// contradicts says N.TABLE is found when section 一 of agency's report says
// text and its tables say: 70 applications received (all from persons), 4
// reviews, 1 suit.
func contradicts(agency, text string) bool {
	r := NewReport(Format2021)
	r.Year, r.Agency = 2024, agency
	r.Sections["1"] = text
	row := r.Applications["new"]
	row[ColNatural], row[ColTotal] = N(70), N(70)
	r.Applications["new"] = row
	in, out := r.Applications["carried_in"], r.Applications["carried_forward"]
	in[ColNatural], in[ColTotal], out[ColNatural], out[ColTotal] = N(4), N(4), N(0), N(0)
	r.Applications["carried_in"], r.Applications["carried_forward"] = in, out
	r.Appeals[0][4], r.Appeals[1][4], r.Appeals[2][4] = N(4), N(1), N(0)
	r.Meta.Tables["3"], r.Meta.Tables["4"] = true, true
	for _, f := range Check(r, nil) {
		if f.Rule == "N.TABLE" {
			return true
		}
	}
	return false
}

// Section headings as agencies word them, spaced out or not.
func TestHeadingVariants(t *testing.T) {
	eachCase(t, "headingKey", headingKey, map[string]string{
		"一、概述": "1",
		"三、依申请公开政府信息情况":        "3",
		"五、政府信息公开工作存在的问题及改进措施": "5",
		"六、其他事项":          "6",
		"一、工作概况":          "1",
		"一、总体工作情况":        "1",
		"五、存在的不足及下一步工作打算": "5",
		"五、问题与改进":         "5",
		"五、问题及改进":         "5",
		"五、下一步工作计划":       "5",
		"五是下一步加强培训":       "",
		"六、其他":            "6",
		"六、需要说明的事项":       "6",
		"六、需要报告的其他事项":     "6",
		"三、收 到 和 处 理 政 府 信 息 公 开 申 请 情 况": "3",
		"（二）依申请公开办理情况":                    "",
		"三是依申请公开":                         "",
		// a space for 、 (Word's tab after an automatic number; a PDF's gap)
		"一 总体情况": "1",
		"三\u3000收到和处理政府信息公开申请情况": "3",
		"一 是完善制度": "",
	})
}

// eachCase checks f against a table of inputs and the results wanted.
func eachCase[T comparable](t *testing.T, name string, f func(string) T, cases map[string]T) {
	t.Helper()
	for in, want := range cases {
		if got := f(in); got != want {
			t.Errorf("%s(%q) = %v, want %v", name, in, got, want)
		}
	}
}

// 本年增/减 of the 2019 表二 may be negative: a row whose digits ran together
// keeps its minus inside the run, and the run splits at it.
func TestSignedRun(t *testing.T) {
	head, run, ok := tailRun("其他对外管理服务事项16-219")
	if !ok || head != "其他对外管理服务事项" || run != "16-219" {
		t.Fatalf("tailRun = %q %q %v", head, run, ok)
	}
	if _, run, _ := tailRun("行政许可5-"); run != "" {
		t.Errorf("a minus at the end is no sign: run %q", run)
	}
	got := fmt.Sprint(splitTokens([]string{"16-219"}, 3, 0, 64))
	for _, want := range []string{"[16 -2 19]", "[16 -21 9]"} {
		if !strings.Contains(got, want) {
			t.Errorf("splitTokens(16-219) = %s, want %s among them", got, want)
		}
	}
	if got := fmt.Sprint(splitTokens([]string{"3-1-2"}, 3, 0, 64)); got != "[[3 -1 -2]]" {
		t.Errorf("splitTokens(3-1-2) = %s", got)
	}
}

// The rewrites of converters' Markdown keep every line where it was (a
// finding's line number is the file's), and do what they say.
func TestMarkdownRewrites(t *testing.T) {
	keepsLines := func(name string, f func(string) string, cases map[string]string) {
		t.Helper()
		for in, want := range cases {
			got := f(in)
			if got != want {
				t.Errorf("%s(%q) =\n%q, want\n%q", name, in, got, want)
			}
			if strings.Count(got, "\n") != strings.Count(in, "\n") {
				t.Errorf("%s(%q): %d lines, want %d", name, in, strings.Count(got, "\n"), strings.Count(in, "\n"))
			}
		}
	}
	keepsLines("stripTags", stripTags, map[string]string{
		"**<span\nstyle=\"x\">一、总体情况</span>**\n\n正文":           "**一、总体情况**\n\n\n正文",
		"1<span\nlang=\"EN-US\">96</span>条 1<2 与 <!-- c\n-->d": "196条 1<2 与 d\n\n",
		"甲<br />乙": "甲 乙",
	})
	keepsLines("pandocSpans", pandocSpans, map[string]string{
		"::: {.WordSection1}\n**[一、总体情况]{style=\"a\"}**\n:::":                          "\n**一、总体情况**\n",
		"[7]{lang=\"EN-US\"\nstyle=\"b\"}[0]{lang=\"EN-US\"}件，见[链接](http://x) [注]{.c}": "70件，见[链接](http://x) 注\n",
		"[[本年]{#a}新收]{.b} [不是]{属性}":                                                    "本年新收 [不是]{属性}",
	})
	keepsLines("gridRows", gridRows, map[string]string{
		"+----+----+\n| [行 | 1  |\n| 政规范性文件] | \\ |\n| {a=b} |    |\n+====+====+\n正文": "\n| [行政规范性文件]{a=b} | 1 |\n\n\n\n正文",
		"+--+\n| 一、总体情况 |\n| 正文 |\n+--+":                                              "\n| 一、总体情况 |\n| 正文 |\n",
		"+--+--+\n| a | b |\n| c | d |\n+--+--+\n| e | f |":                           "\n| a c | b d |\n\n\n| e | f |",
		"| a | b |\n|---|---|\n| c | d |":                                             "| a | b |\n|---|---|\n| c | d |",
	})
	eachCase(t, "unescapeMarkdown", unescapeMarkdown, map[string]string{
		`12\.35`: "12.35", `2\.重复申请`: "2.重复申请", `首页 \> 年度报告`: "首页 > 年度报告", `a\|b`: `a\|b`,
		`C:\路径`: `C:\路径`, `换行\`: "换行",
	})
	eachCase(t, "markdownWithHTML", markdownWithHTML, map[string]bool{
		"<span>一、总体情况</span>\n\n正文":                                     true,
		"**<span>一</span>**\n<table><tr><td><p>1</p></td></tr></table>": true,
		"<html><body><span>一</span>\n\n正文</body></html>":                false,
		"<p>一</p>\n\n<p>二</p>":                                          false,
		"<div>一、总体情况</div><div>正文</div>":                                false,
	})
}

// A row with blanks is placed by the columns of a complete row as the table
// measures them: pdftotext by characters, pandoc by display width; when the
// table cannot tell and the two measures disagree, it is not placed.
func TestPlaceMeasured(t *testing.T) {
	last := func(s string, n int) []tok { ts := tokens(s); return ts[len(ts)-n:] }
	centers := func(ts []tok) []int {
		var out []int
		for _, t := range ts {
			out = append(out, t.center)
		}
		return out
	}
	// pandoc pads 规章 (2 wide characters) to 行政规范性文件's width
	ref, short := "  行政规范性文件       1     2     15", "  规章                 0           0"
	rows := []alignedRow{{ref, 3, 1}, {"  行政许可             356", 1, 2}}
	if m := columnMeasure(rows, nil); m != measureWidth {
		t.Errorf("pandoc table measured %v, want by width", m)
	}
	cells, ok := placeMeasured(short, last(short, 2), ref, centers(last(ref, 3)), measureWidth)
	if !ok || !slices.Equal(cells, []string{"0", "", "0"}) {
		t.Errorf("by width: %q %v", cells, ok)
	}
	// pdftotext pads by characters
	ref, short = "  行政规范性文件  1     2     15", "  规章       0           0"
	rows = []alignedRow{{ref, 3, 1}, {"  行政许可    356", 1, 2}}
	if m := columnMeasure(rows, nil); m != measureChars {
		t.Errorf("pdftotext table measured %v, want by characters", m)
	}
	cells, ok = placeMeasured(short, last(short, 2), ref, centers(last(ref, 3)), measureChars)
	if !ok || !slices.Equal(cells, []string{"0", "", "0"}) {
		t.Errorf("by characters: %q %v", cells, ok)
	}
	// not told, and the measures place it differently: unplaced
	if _, ok := placeMeasured("  规章  0     0", []tok{{s: "0", center: 8}, {s: "0", center: 14}}, "  行政规范性文件  1     2     15",
		[]int{18, 24, 30}, measureUnknown); ok {
		t.Errorf("placed although the measures disagree")
	}
}

// A page remark put in one table cell gets its lines back: a heading mark
// after text starts a line, a section heading followed by more text ends one.
func TestBoxedPage(t *testing.T) {
	eachCase(t, "boxedPage", boxedPage, map[string]string{
		"# 标题## 一、总体情况### （一）主动公开情况2024年，发布326条。### （二）依申请": "# 标题\n## 一、总体情况\n### （一）主动公开情况2024年，发布326条。\n### （二）依申请",
		"行政事业性收费\t12.35## 三、收到和处理政府信息公开申请情况（本列数据）\t申请人情况":   "行政事业性收费\t12.35\n## 三、收到和处理政府信息公开申请情况\n（本列数据）\t申请人情况",
		"## 六、其他需要报告的事项": "## 六、其他需要报告的事项",
		// spaces around the 、, a dot for it: the same heading
		"收费\t12.35## 三、 收到和处理政府信息公开申请情况（本列数据）": "收费\t12.35\n## 三、 收到和处理政府信息公开申请情况\n（本列数据）",
		"2件。## 四 、政府信息公开行政复议、行政诉讼情况行政复议\t行政诉讼": "2件。\n## 四 、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼",
		"改进。## 六.　其他需要报告的事项2024年度本局未收取费用。":     "改进。\n## 六.　其他需要报告的事项\n2024年度本局未收取费用。",
		"## 三、收到和处理政府信息公开申请":                   "## 三、收到和处理政府信息公开申请",
		"12.35## 三、收到和处理政府信息公开申请（本列数据）":        "12.35\n## 三、收到和处理政府信息公开申请\n（本列数据）",
		"326条。## 二、主动公开政府信息第二十条第（一）项":          "326条。\n## 二、主动公开政府信息\n第二十条第（一）项",
		"## 一、总体要求":        "## 一、总体要求",
		"第#1号文件 ####### 七": "第#1号文件 ####### 七",
	})
}

// A page of positioned runs (pdftohtml -c) is laid out by place; a portal
// page that places only its furniture so is still read as HTML.
func TestPositionedPage(t *testing.T) {
	var runs strings.Builder
	for i := range 25 {
		fmt.Fprintf(&runs, `<p style="position:absolute;top:%dpx;left:100px" class="ft1">行%d</p>`+"\n", 100+i*40, i)
	}
	if !positionedPage(runs.String()) {
		t.Error("25 positioned runs: not taken for a laid-out page")
	}
	var portal strings.Builder
	for i := range 25 {
		fmt.Fprintf(&portal, `<div style="position:absolute;top:%dpx;left:0">菜单%d</div>`, i*20, i)
	}
	portal.WriteString("<table>" + strings.Repeat("<tr><td>本年新收</td><td>1</td><td>2</td><td>3</td></tr>", 7) + "</table>")
	if positionedPage(portal.String()) {
		t.Error("a portal with positioned menus taken for a laid-out page")
	}
	// runs on one line, cut where the font changes, join without a space;
	// a run whose class no style sheet defines takes the size before it
	page := `<style>.ft1{font-size:24px}</style>` + strings.Repeat(`<p style="position:absolute;top:10px;left:0px" class="ft1">x</p>`, 20) +
		`<p style="position:absolute;top:100px;left:100px;white-space:nowrap" class="ft1">行政复议</p>` +
		`<p style="position:absolute;top:100px;left:198px;white-space:nowrap" class="ft9">4</p>` +
		`<p style="position:absolute;top:100px;left:212px;white-space:nowrap" class="ft1">件</p>` +
		`<p style="position:absolute;top:140px;left:100px;white-space:nowrap" class="ft1">规章</p>` +
		`<p style="position:absolute;top:140px;left:400px;white-space:nowrap" class="ft1">0</p>`
	got := positionedText(page)
	if !strings.Contains(got, "行政复议4件") {
		t.Errorf("runs of one line not joined:\n%s", got)
	}
	if !regexp.MustCompile(`规章 {3,}0`).MatchString(got) {
		t.Errorf("a table cell's gap lost:\n%s", got)
	}
}

// FuzzRewrites feeds converters' text to the rewrites that run before the
// lines are read (box-drawn and grid tables, pandoc's spans, inline tags, a
// page of positioned runs). Properties: nothing panics, and the rewrites that
// keep line numbers keep them (a finding's line is the file's).
func FuzzRewrites(f *testing.F) {
	for _, name := range []string{"pandoc-md-blanks-2021.md", "pandoc-md-word-2021.md", "pandoc-gfm-2019.md", "w3m-word-2021.txt",
		"remark-page-2021.md", "pandoc-plain-page-2021.txt", "pdftohtml-c-2021.html"} {
		b, err := os.ReadFile(filepath.Join("../../testdata/audit", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b[:min(len(b), 8<<10)]))
	}
	f.Add("+--+--+\n| a | b |\n| c | d |\n+==+==+\n")
	f.Add("┌──┬──┐\n│甲│1 │\n├──┼──┤\n│  │2 │\n└──┴──┘")
	f.Add("[[a]{#x}b]{.c}[d]{k=v\nw=x}")
	f.Add("<span\nx>a</span>**<b>b</b>**\n\n<!--c\n-->")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<16 {
			return
		}
		lines := strings.Count(s, "\n")
		for name, rewrite := range map[string]func(string) string{
			"gridRows": gridRows, "pandocSpans": pandocSpans, "stripTags": stripTags, "boxRows": boxRows,
		} {
			if got := strings.Count(rewrite(s), "\n"); got != lines {
				t.Fatalf("%s: %d lines, want %d", name, got, lines)
			}
		}
		boxedPage(s)
		unescapeMarkdown(s)
		markdownWithHTML(s)
		if positionedPage(s) {
			positionedText(s)
		}
		Lines("fuzz.md", []byte(s))
	})
}

func TestHasOCRZero(t *testing.T) {
	for _, r := range ocrZeroRunes + ocrOneRunes {
		if !hasOCRZero("12" + string(r) + "3") {
			t.Errorf("%q not found", r)
		}
	}
	eachCase(t, "hasOCRZero", hasOCRZero, map[string]bool{"一、本年新收，（三）：1 2 3": false, "": false, "、。，（）“”": false})
}

// A CID font's widths: W's two forms ([c [w1 w2 …]] and [first last w]) in any
// order, DW for the rest.
func TestCIDWidths(t *testing.T) {
	c := &cidWidths{dw: 1000, ranges: []cidRange{{100, 102, []float64{500}}, {10, 12, []float64{1, 2, 3}}, {50, 50, []float64{7}}}}
	slices.SortStableFunc(c.ranges, func(a, b cidRange) int { return a.first - b.first })
	for cid, want := range map[int]float64{10: 1, 11: 2, 12: 3, 13: 1000, 50: 7, 51: 1000, 100: 500, 102: 500, 103: 1000, 5: 1000} {
		if got := c.width(cid); got != want {
			t.Errorf("width(%d) = %v, want %v", cid, got, want)
		}
	}
}

// Runs placed inside a placed box are read, not skipped with the box.
func TestPositionedBoxOfBoxes(t *testing.T) {
	var page strings.Builder
	for i := range 20 {
		fmt.Fprintf(&page, `<div style="position:absolute;top:%dpx;left:0px"><span style="position:absolute;top:%dpx;left:10px;font-size:20px">行%d</span></div>`, i*30, i*30, i)
	}
	got := positionedText(page.String())
	for _, want := range []string{"行0", "行19"} {
		if !strings.Contains(got, want) {
			t.Errorf("%s not read:\n%s", want, got)
		}
	}
}

func TestMarkupLine(t *testing.T) {
	eachCase(t, "markupLine", markupLine, map[string]bool{
		"------": true, "  =====  ": true, "::: footer": true, "|": true, "| |": true,
		"---------- ----------": false, // a simple table's ruler
		"--":                    false, "一、总体情况": false, "— 1 —": false, "-1-": false, "| 规章 | 0 |": false,
	})
}

// 表四's fifteen numbers add up block by block in any digits a page uses;
// a blank block passes, a placeholder is nothing (as the checks count it),
// a word fails.
func TestT4BlocksAddUp(t *testing.T) {
	row := func(s string) []string { return strings.Fields(s) }
	for s, want := range map[string]bool{
		"2 1 0 1 4 1 0 0 0 1 0 0 0 0 0":      true,
		"２ １ ０ １ ４ １ ０ ０ ０ １ ０ ０ ０ ０ ０":      true,
		"2 1 0 1 5 1 0 0 0 1 0 0 0 0 0":      false,
		"2件 1件 0件 1件 4件 1 0 0 0 1 0 0 0 0 0": true,
		"2 1 0 1 4 1 0 0 0 1 0 0 0 无 0":      true,
		"2 1 / 1 4 1 — 0 0 1 0 0 0 0 0":      true,
		"2 1 / 1 5 1 — 0 0 1 0 0 0 0 0":      false,
		"2 1 0 1 4 1 0 0 0 1 0 0 0 合计 0":     false,
	} {
		if got := t4BlocksAddUp(row(s)); got != want {
			t.Errorf("t4BlocksAddUp(%s) = %v, want %v", s, got, want)
		}
	}
	if !t4BlocksAddUp([]string{"", "", "", "", "", "1", "0", "0", "0", "1"}) {
		t.Error("a blank block does not pass")
	}
}

// A 表三 label is placed among the next rows by its likeness: shortened,
// misread in a group word, after the merged column's pieces; a line that is
// like none of them is placed nowhere.
func TestMatchT3(t *testing.T) {
	norms := t3Norms(Format2021)
	row := func(key string) int {
		for i, r := range Format2021.T3Rows() {
			if r.Key == key {
				return i
			}
		}
		t.Fatalf("no row %s", key)
		return -1
	}
	for label, want := range map[string]string{
		"一、本年新收申请数量":               "new",
		"四、结转下年度办理":                "carried_forward",
		"（三）不大公开 1.属于中家秘密":         "withheld.state_secret",
		"（五）不予处理 5.要求确认或重新出具已获取信息": "not_processed.confirm_or_reissue",
		"2.其他法律法规禁止公开":             "withheld.law_forbids",
		"三、本年（四）无中提供2.没有现成信息需要另行制": "unavailable.needs_creation",
		"三、本 （一）予大公开":              "granted",
		"1.本机关不掌握相关信息":             "unavailable.not_held",
	} {
		L := totalWord(norm(label))
		S := stripGroups(L)
		next := max(row(want)-2, 0)
		j, _ := matchT3(S, L, norms, next)
		if j < 0 {
			j, _ = matchAfterPieces(S, norms, next)
		}
		if j < 0 || Format2021.T3Rows()[j].Key != want {
			t.Errorf("%s: row %d, want %s", label, j, want)
		}
	}
	for _, label := range []string{"（一）甲乙丙丁戊己", "一、本年度工作总结数量", "三、本年度办理结果"} {
		L := totalWord(norm(label))
		S := stripGroups(L)
		if j, _ := matchT3(S, L, norms, 0); j >= 0 {
			t.Errorf("%s: placed in row %s", label, Format2021.T3Rows()[j].Key)
		}
		if j, _ := matchAfterPieces(S, norms, 0); j >= 0 {
			t.Errorf("%s: placed after pieces in row %s", label, Format2021.T3Rows()[j].Key)
		}
	}
}

// A 表二 label one or two characters off is its row; one with a digit in
// it (cells ran into it), a short one, or one like no row near is not.
func TestMatchT2Fuzzy(t *testing.T) {
	items := Format2021.T2Items()
	for label, want := range map[string]int{"行政规范口文件": 1, "行政处大": 3, "行政事业收费": 5, "行政强制": -1 /* exact: matchT2's */, "行政3制": -1, "规口": -1, "行政复议": -1} {
		if label == "行政强制" {
			if got := matchT2(norm(label), items, 0); got != 4 {
				t.Errorf("matchT2(%s) = %d, want 4", label, got)
			}
			continue
		}
		if got := matchT2Fuzzy(norm(label), items, max(want-1, 0)); got != want {
			t.Errorf("matchT2Fuzzy(%s) = %d, want %d", label, got, want)
		}
	}
	if got := matchT2Fuzzy(norm("行政事业口收费"), items, 1); got != -1 {
		t.Errorf("a row four places on was taken: %d", got)
	}
}

// partYear is yearRe's first year in range, on every short string of the
// characters around years.
func TestPartYear(t *testing.T) {
	slow := func(s string) (int, bool) {
		for _, m := range yearRe.FindAllStringSubmatch(s, -1) {
			if y, err := strconv.Atoi(m[1]); err == nil && y > 1990 && y < 2100 {
				return y, true
			}
		}
		return 0, false
	}
	eachString([]string{"2", "0", "1", "9", " ", "\u3000", "年", "度", "x"}, 6, func(s string) {
		y, ok := partYear(s)
		wy, wok := slow(s)
		if y != wy || ok != wok {
			t.Fatalf("partYear(%q) = %d %v, want %d %v", s, y, ok, wy, wok)
		}
	})
}

// Word's list numbers: each level counts on, a deeper one starts again
// under a new number of the level above, a list started over (a
// startOverride) counts on its own, a bullet draws no number.
func TestWordListLabels(t *testing.T) {
	numbering := `<w:numbering xmlns:w="w">` +
		`<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>` +
		`<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimalEnclosedCircle"/><w:suff w:val="nothing"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>` +
		`<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
		`<w:num w:numId="4"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
		`<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num></w:numbering>`
	w := readWordNumbering(strings.NewReader(numbering), nil)
	var got []string
	for _, p := range []paraNum{
		{numID: "1", hasIlvl: true}, {numID: "1", ilvl: 1, hasIlvl: true}, {numID: "1", ilvl: 1, hasIlvl: true},
		{numID: "1", ilvl: 2, hasIlvl: true}, {numID: "2", hasIlvl: true}, {numID: "1", ilvl: 1, hasIlvl: true},
		{numID: "4", hasIlvl: true}, {numID: "5", hasIlvl: true}, {numID: "4", hasIlvl: true}, {numID: "0", hasIlvl: true}, {numID: "9", hasIlvl: true},
	} {
		got = append(got, w.label(p))
	}
	want := []string{"一、 ", "一.1 ", "一.2 ", "", "二、 ", "二.1 ", "①", "③", "②", "", ""}
	if !slices.Equal(got, want) {
		t.Errorf("labels %q, want %q", got, want)
	}
	for n, s := range map[int]string{1: "一", 10: "十", 11: "十一", 20: "二十", 99: "九十九"} {
		if g := formatListNumber(n, "chineseCounting"); g != s {
			t.Errorf("chineseCounting %d = %q, want %q", n, g, s)
		}
	}
	if g := formatListNumber(4, "upperRoman") + formatListNumber(2, "ideographTraditional") + formatListNumber(12, "decimalFullWidth"); g != "IV乙１２" {
		t.Errorf("formats: %q", g)
	}
	// a level whose text is the number alone: Word's tab after it keeps the
	// heading a heading
	plain := readWordNumbering(strings.NewReader(`<w:numbering><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>`+
		`<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>`), nil)
	if k := headingKey(plain.label(paraNum{numID: "1", hasIlvl: true}) + "总体情况"); k != "1" {
		t.Errorf("a heading numbered %%1 alone: section %q, want 1", k)
	}
	if readWordNumbering(strings.NewReader("<w:numbering"), nil) != nil {
		t.Error("a damaged numbering part with no list gave a numbering")
	}
}

// FuzzWordNumbering: any numbering and styles part, any paragraphs: a
// label, never a panic, and never longer than a level's bounded text with
// its numbers.
func FuzzWordNumbering(f *testing.F) {
	f.Add(`<w:numbering><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="-5"/></w:lvlOverride></w:num></w:numbering>`,
		`<w:styles><w:style w:styleId="a"><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/><w:ilvl w:val="8"/></w:numPr></w:pPr></w:style></w:styles>`, []byte{0, 1, 2, 3, 9, 0xff})
	f.Fuzz(func(t *testing.T, numbering, styles string, paras []byte) {
		w := readWordNumbering(strings.NewReader(numbering), strings.NewReader(styles))
		for i, b := range paras {
			p := paraNum{numID: strconv.Itoa(int(b % 4)), ilvl: int(b>>4) % maxLevels, hasIlvl: b&8 != 0}
			if i%2 == 1 {
				p.style = "a"
			}
			if l := w.label(p); len(l) > maxLvlText*8 {
				t.Fatalf("label of %d bytes", len(l))
			}
		}
	})
}

// splitInto is strings.Split; the lines sharing one array do not write over
// each other when one line's fields grow.
func TestSplitInto(t *testing.T) {
	var buf []string
	var lines [][]string
	for _, s := range []string{"a\tb", "\t", "x", "中\t\t文\t"} {
		var f []string
		f, buf = splitInto(buf, s, "\t")
		if want := strings.Split(s, "\t"); !slices.Equal(f, want) {
			t.Errorf("splitInto(%q) = %q, want %q", s, f, want)
		}
		lines = append(lines, f)
	}
	lines[0] = append(lines[0], "more")
	if lines[1][0] != "" || len(lines[1]) != 2 {
		t.Errorf("growing the first line's fields wrote over the second's: %q", lines[1])
	}
}

// Every template string's norm in the table is norm's.
func TestTemplateNorms(t *testing.T) {
	for s, n := range templateNorms {
		if n != normFrom(s, 0) || norm(s) != n {
			t.Errorf("templateNorms[%q] = %q, norm %q", s, n, normFrom(s, 0))
		}
	}
	if len(templateNorms) < 60 {
		t.Errorf("only %d template strings", len(templateNorms))
	}
}

// A 表四 block label one character off (two in 未经复议直接起诉) is the
// block at or after the next one expected; a block already passed, a label
// like none, or one with a digit in it is not.
func TestT4BlockFuzzy(t *testing.T) {
	for _, c := range []struct {
		label string
		next  int
		want  int
	}{
		{"行政复口", 0, 0},
		{"行政诉讼未经复议直接大诉", 0, 1},
		{"未经复口直接大诉", 1, 1},
		{"行政诉讼复口后起诉", 1, 2},
		{"复议后诉", 2, 2},
		{"行政复口", 1, -1},
		{"行政诉讼", 0, -1},
		{"复口后起3", 0, -1},
		{"其他情况", 0, -1},
	} {
		if got := t4BlockFuzzy(norm(c.label), c.next); got != c.want {
			t.Errorf("t4BlockFuzzy(%s, %d) = %d, want %d", c.label, c.next, got, c.want)
		}
	}
}

// In a 表二 without line breaks, words after a number that are followed by
// numbers start a row; a unit (元, 件, 年 …) or a single character does not,
// and a 无 or 空 right after the numbers is a cell of the row before.
func TestWordsAfterNumbers(t *testing.T) {
	for s, want := range map[string][]int{
		"规章000行政中范性文件1215":   {len("规章000")},
		"政府集中采购328291965元":   nil,
		"发布2件，废止1件":          nil,
		"2024年本局收到3件":        nil,
		"规章0行1":              nil,
		"行政许可356行政处罚48行政强制3": {len("行政许可356"), len("行政许可356行政处罚48")},
		"现行有效15规章之外的一段很长很长的说明文字没有数字":                   nil,
		"规章无13无行政规范性文件341738":                          {len("规章无13无")}, // 无 after the numbers is the row's last cell
		"行政处罚无22空行政强制3":                                {len("行政处罚无22空")},
		"其他对外管理服23   8            17务事项第二十条第（六）项":      {len("其他对外管理服23   8            17")},
		"行政事业性收费34          -1第二十条":                    nil,
		"其他对外管理服务事项上一年项目数本年增/减处理决定数量27-61434-718量第二十条": nil, // a heading's word, not the label's
	} {
		var got []int
		wordsAfterNumbers(s, func(k int) { got = append(got, k) })
		if !slices.Equal(got, want) {
			t.Errorf("wordsAfterNumbers(%s) = %v, want %v", s, got, want)
		}
	}
}

// A 表二 label glued after its item's column headings is its row when the
// words after a heading's last word are within 30 % edits of it; the
// headings alone, or words after no heading, are no row.
func TestMatchT2AfterHeader(t *testing.T) {
	items := Format2021.T2Items()
	for label, want := range map[string]int{
		"第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性日费":      5,
		"第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数行政中范性文件": 1,
		"第二十条第（八）项信息内容本年收费金额（单位：万元）":             -1,
		"第二十条第（八）项信息内容本年收费金额（单位：万元）说明如下行政事业性日费":  -1,
	} {
		if got := matchT2Fuzzy(norm(label), items, max(want-1, 0)); got != want {
			t.Errorf("matchT2Fuzzy(%s) = %d, want %d", label, got, want)
		}
	}
}

// A year in Chinese numerals is written in digits, with 〇's look-alikes;
// other text, and text with no such year, is returned as it is.
func TestDigitYears(t *testing.T) {
	eachCase(t, "digitYears", digitYears, map[string]string{
		"二〇二四年政府信息公开": "2024年政府信息公开",
		"示例局二○二四年度报告": "示例局2024年度报告",
		"二O二三年至二零二四年": "2023年至2024年",
		"一九九九年":       "1999年",
		"2024年":       "2024年",
		"三〇二四年":       "三〇二四年", // no 19xx or 20xx
		"二〇二年":        "二〇二年",
		"年":           "年",
		"本局在二〇二四年共收到申请二〇件": "本局在2024年共收到申请二〇件",
	})
}

// The agency's own count is looked for in the few parts after a region's
// count, never in the whole of a sentence of thousands of parts (read again
// for each part, such a sentence took minutes).
func TestOwnCountAfterLooksNear(t *testing.T) {
	own := "本局收到70件"
	for _, c := range []struct {
		before int
		want   int
	}{{0, 0}, {2, 2}, {3, -1}, {1000, -1}} {
		parts := append(slices.Repeat([]string{"全市收到申请1件"}, c.before), own)
		if got := ownCountAfter(parts); got != c.want {
			t.Errorf("own count after %d parts: %d, want %d", c.before, got, c.want)
		}
	}
}

// A region's count (全县…, 全市…) with no count of the agency's own after it
// is compared with the tables of a people's government (its report may be
// its region's) and not with a department's, whose tables are its own; the
// region's count goes on in the parts after it until one names the agency.
func TestNarrativeRegionCounts(t *testing.T) {
	for _, c := range []struct {
		agency string
		text   string
		want   bool
	}{
		{"示例县人民政府", "全县共受理政府信息公开申请17件。", true},
		{"示例县人民政府办公室", "全县共受理政府信息公开申请17件。", true},
		{"示例县生态环境局", "全县共受理政府信息公开申请17件。", false},
		{"示例县生态环境局", "本局共受理政府信息公开申请17件。", true},
		{"", "全县共受理政府信息公开申请17件。", true},
		{"示例县生态环境局", "全县因政府信息公开引发行政复议案件40件，行政诉讼案件10件。", false},
		{"示例县人民政府", "全县因政府信息公开引发行政复议案件40件，行政诉讼案件10件。", true},
		{"示例县生态环境局", "全县因政府信息公开引发行政复议案件40件，本局被申请行政复议9件。", true},
		{"示例县生态环境局", "全县因政府信息公开引发行政复议案件40件，本局被申请行政复议4件。", false},
	} {
		got := contradicts(c.agency, c.text)
		if got != c.want {
			t.Errorf("%s: %q: N.TABLE %v, want %v", c.agency, c.text, got, c.want)
		}
	}
}

// A count of more than the disclosure cases followed by their share (其中
// 政府信息公开申请70件) is compared by its share; 复议/诉讼 said not to be
// about disclosure are not compared at all.
func TestNarrativeDisclosureShare(t *testing.T) {
	tableSays := func(text string) bool { return contradicts("示例县生态环境局", text) }
	eachCase(t, "N.TABLE", tableSays, map[string]bool{
		"本局共收到各类申请100件，其中政府信息公开申请70件。":     false,
		"本局共收到各类申请100件，其中政府信息公开申请71件。":     true,
		"本局共收到申请100件，其中依申请公开70件。":          false,
		"本局作为被申请人的行政复议案件共6件，其中涉及政府信息公开4件。": false,
		"本局作为被申请人的行政复议案件共6件，其中涉及政府信息公开3件。": true,
		"本局被提起行政诉讼5件，其中涉及政府信息公开1件。":        false,
		"本局本年度收到行政复议申请3件（非政府信息公开类）。":       false,
		"本局被申请行政复议3件，均不涉及政府信息公开。":          false,
		"本局被申请行政复议3件。":                     true,
		"本局收到申请70件，上年结转5件。":                true,
		"本局收到申请70件，上年结转4件，结转下年度0件。":        false,
		"本局收到申请70件，结转下年度继续办理1件。":           true,
		// a running total over the years is compared by the year's count after it
		"截至2024年底，本局累计收到政府信息公开申请356件，本年度70件。": false,
		"截至2024年底，本局累计收到政府信息公开申请356件，本年度71件。": true,
		"《条例》施行以来，本局累计收到政府信息公开申请356件。":        false,
	})
}

// Applications of another kind counted in the same sentence (咨询, 投诉举报)
// are not the disclosure applications; those counted after them in a part
// without a verb of its own are (the part before's verb is theirs).
func TestNarrativeOtherRequests(t *testing.T) {
	tableSays := func(text string) bool { return contradicts("示例县生态环境局", text) }
	eachCase(t, "N.TABLE", tableSays, map[string]bool{
		"本局共收到咨询类申请12件，政府信息公开申请70件。":     false,
		"本局共收到咨询申请12件，政府信息公开申请71件。":      true,
		"本局共收到投诉举报申请5件，收到政府信息公开申请70件。":   false,
		"本局共收到投诉举报申请5件，收到政府信息公开申请71件。":   true,
		"本局共收到政府信息公开申请70件，上年结转4件，共计74件。": false,
		"本局共办结申请68件，政府信息公开申请70件已全部答复。":   false,
	})
}

// What a browser prints at the top and foot of each page of a PDF, and
// nothing else: a line that starts with a date is furniture only with the
// time after it.
func TestPrintedPageLines(t *testing.T) {
	eachCase(t, "printedPage", printedPage, map[string]bool{
		"11/30/26, 7:40 PM": true,
		"11/30/26, 7:42 PM                 政府信息公开":     true,
		"2026/11/30 19:40   示例市生态环境局2024年政府信息公开工作年度报告": true,
		"2026-11-30 19:40:05":                                       true,
		"file:///tmp/s4pdf/split4-2021.html      2/3":               true,
		"\ufb01le:///tmp/s4pdf/split4-2021.html  2/3":               true,
		"https://www.example.gov.cn/zwgk/2025/a.html   1/5":         true,
		"https://www.example.gov.cn/zwgk/2025/a.html   1 of 5":      true,
		"https://www.example.gov.cn/zwgk/2025/a.html   第 1 页，共 5 页": true,
		"2024/1/20 召开政务公开工作会议":                                      false,
		"2024/1/20": false,
		"3/9":       false,
		"https://www.example.gov.cn/zwgk/2025/a.html": false,
		"64 0 0 2 0 4 70": false,
		"":                false,
	})
}

// Counts glued with their units, two or more in a row (the 2019 format's
// 表二 rows have two cells), are set apart (a space before the run and
// after each unit), a decrease and an amount after them too, and across an
// OCR's spaces; one in a sentence, or a run only a space apart, is left as
// written.
// pdf2md's footnote marks among a row's numbers are those numbers; a caret
// anywhere else is left as written.
func TestUnmarkFootnotes(t *testing.T) {
	eachCase(t, "unmarkFootnotes", unmarkFootnotes, map[string]string{
		"### 行政强制 5 -10^8 ":  "### 行政强制 5 -10 8 ",
		"### 行政许可 32 -8^10":  "### 行政许可 32 -8 10",
		"### 行政处罚 0 0 (^24)": "### 行政处罚 0 0 24",
		"#### 审结 总计^ ":       "#### 审结 总计 ",
		"面积10^6平方米":          "面积10^6平方米",
		"面积达10^6 平方米":        "面积达10^6 平方米",
		"x^2 + 1":            "x^2 + 1",
		"规章 12 3^":           "规章 12 3",
		"^":                  "",
		"12^":                "12",
		"a^b 1":              "a^b 1",
	})
}

func TestSpaceUnitCells(t *testing.T) {
	eachCase(t, "spaceUnitCells", func(s string) string {
		if !unitsGlued(s) {
			return s
		}
		return spaceUnitCells(s)
	}, map[string]string{
		"（一）予以公开40件1件0件1件0件2件44件": "（一）予以公开 40件 1件 0件 1件 0件 2件 44件",
		"64件0件0件": "64件 0件 0件",
		"共收到申请70件，上年结转4件。": "共收到申请70件，上年结转4件。",
		"规章0件0件":                "规章 0件 0件",
		"行政事业性收费25件19件":         "行政事业性收费 25件 19件",
		"其他对外管理服务事项16件-2件19件":   "其他对外管理服务事项 16件 -2件 19件",
		"政府集中采购22件12.07":        "政府集中采购 22件 12.07",
		"规章 27件 12件12件":         "规章 27件 12件 12件",
		"共收到申请3件，2件已办结":         "共收到申请3件，2件已办结",
		"申请3件4件5件（二）部分公开6件0件0件": "申请 3件 4件 5件 （二）部分公开 6件 0件 0件",
		"行政处罚48件 行政强制3件":        "行政处罚48件 行政强制3件",
		"1人次2人次3人次":             "1人次 2人次 3人次",
	})
}

// What an OCR's misread characters make of sentences that are none: 提起
// misread 二起 before a count of its own ("二起行政诉讼0件" counts 0
// lawsuits, not 2), and a table's row in a section's text (tables printed
// after the text, or headings misread past knowing) whose 未按收费通知 is no
// statement that no fee was charged.
func TestClaimsOfMisreadText(t *testing.T) {
	eachCase(t, "claims", claimsOf, map[string]string{
		"因政府信息公开被申请行政复议0件，二起行政诉讼0件。":                                 "review=0,suit=0",
		"下政府信息公开被申请行政复议0件，二起行政诉讼0件":                                  "review=0,suit=0",
		"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0": "",
		"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请0000000":               "",
		"本年度未收取信息处理费。":        "fee_yuan=0",
		"本年度收取信息处理费1200000元。": "fee_yuan=1200000",
		// a rate is no fee collected; the amount after it is
		"本年度信息处理费收费标准为每件100元。":     "",
		"按照每件100元的标准，收取信息处理费300元。": "fee_yuan=300",
		"按每页10元/页收取信息处理费。":         "",
		// what came in by the applications' way is not applications
		"收到群众通过政府信息公开申请方式提出的信访诉求12件。": "",
		// 监督 read 未督 and 件 read 息: a count after 复议, no none
		"（五）政府信息公开未督保府因息府信息公开被申请行政复议1息": "",
		"本年度未发生因政府信息公开被申请行政复议的情况":       "review=0",
	})
}

// A table's row spaced out is no sentence; a sentence whose counts are set
// apart by spaces (pdftotext's text) still is one.
func TestClaimsOfSpacedText(t *testing.T) {
	eachCase(t, "claims", claimsOf, map[string]string{
		"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0件 0件 0件 0件 0件 0件 0件":                                     "",
		"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况 自然人 法人或其他组织 总计 一、本年新收政府信息公开申请数量 42 0 0 0 0 0 42":    "",
		"等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量 42件 0件 0件 3件 2件 3件 50件": "",
		"本年新收政府信息公开申请数量\t42\t0\t0\t3\t2\t3\t50":           "",
		"全年共收到申请 70 件，其中自然人 60 件、法人 10 件，办结 65 件，结转 5 件。": "applications=70",
		"本年度未收取信息处理费 0 元。":                                "fee_yuan=0",
	})
}

// yearWord and yearWords find what yearRe and yearDuRe find, at the same
// places, and monthDay31 holds wherever periodRe matches: on every short
// string of the characters around years (digits, the spaces a regular
// expression's \s takes and one it does not).
func TestYearWordIsItsPattern(t *testing.T) {
	eachString([]string{"2", "0", "1", " ", "\n", "\u3000", "年", "度", "月", "x"}, 6, func(s string) {
		if got, want := yearWord(s, "年"), yearRe.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Fatalf("yearWord(%q, 年) = %v, yearRe %v", s, got, want)
		}
		for _, n := range []int{1, 32} {
			got, want := yearWords(s, "年度", n), yearDuRe.FindAllStringSubmatchIndex(s, n)
			if len(got) != len(want) {
				t.Fatalf("yearWords(%q, 年度, %d) = %v, yearDuRe %v", s, n, got, want)
			}
			for i := range got {
				if !slices.Equal(got[i], want[i]) {
					t.Fatalf("yearWords(%q, 年度, %d) = %v, yearDuRe %v", s, n, got, want)
				}
			}
		}
	})
	for _, s := range []string{"2024年1月1日至2024年12月31日", "2024 年 1 月 1 日—2024 年 12 月\n31\t日", "12月31", "31日", "月 31日，月31 号"} {
		if got, want := monthDay31(s), periodRe.MatchString(s); want && !got {
			t.Errorf("monthDay31(%q) = false, but periodRe matches", s)
		}
	}
	dec31 := regexp.MustCompile(`月\s*31\s*日`)
	eachString([]string{"月", "3", "1", " ", "\n", "日", "x"}, 6, func(s string) {
		want := dec31.MatchString(s)
		if got := monthDay31(s); got != want {
			t.Fatalf("monthDay31(%q) = %v, want %v", s, got, want)
		}
	})
}

// markdownRuleRe finds a pipe table's rule line: what markdownRule replaces.
var markdownRuleRe = regexp.MustCompile(`(?m)^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|`)

// markdownRule finds what markdownRuleRe finds, on random texts of the
// characters a rule is made of and on every fixture's text.
func TestMarkdownRuleIsItsPattern(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 7))
	pieces := []string{" ", "\t", "|", ":", "-", "--", "---", "----", "\n", "\r\n", "a", "表三", "| --- |", ":---:", "|---|"}
	for range 200000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := markdownRule(s), markdownRuleRe.FindStringIndex(s); !slices.Equal(got, want) {
			t.Fatalf("on %q: markdownRule %v, pattern %v", s, got, want)
		}
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "audit", "*"))
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if got, want := markdownRule(s), markdownRuleRe.FindStringIndex(s); !slices.Equal(got, want) {
			t.Errorf("%s: markdownRule %v, pattern %v", f, got, want)
		}
	}
}
