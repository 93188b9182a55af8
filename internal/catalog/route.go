package catalog

import (
	"cmp"
	"iter"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Route is how an answer under Art. 36(1) tells the applicant where the
// item is published: date, column, title, number and 索引号, and its address
// when the site's address is known (base "": none).
func (it *Item) Route(base string) string {
	var b strings.Builder
	b.WriteString("本机关")
	if it.PublishedOn != nil {
		b.WriteString("已于" + it.PublishedOn.Chinese())
	}
	b.WriteString("在政府信息公开目录")
	if it.Column != "" {
		b.WriteString("“" + it.Column + "”栏目")
	}
	b.WriteString("主动公开《" + it.Title + "》")
	var ids []string
	if it.DocNo != "" {
		ids = append(ids, it.DocNo)
	}
	if it.IndexNo != "" {
		ids = append(ids, "索引号："+it.IndexNo)
	}
	if len(ids) > 0 {
		b.WriteString("（" + strings.Join(ids, "，") + "）")
	}
	if base != "" {
		b.WriteString("，网址：" + strings.TrimSuffix(base, "/") + "/catalog/items/" + strconv.FormatInt(it.ID, 10))
	}
	return b.String()
}

// commonPairs are two-character runs every request has (请公开…信息): they
// say nothing about which document is asked for.
var commonPairs = func() map[[2]rune]bool {
	m := map[[2]rune]bool{}
	for _, w := range []string{"请公", "公开", "申请", "信息", "政府", "获取", "提供", "关于", "有关", "相关", "本机", "机关", "情况", "文件"} {
		r := []rune(w)
		m[[2]rune{r[0], r[1]}] = true
	}
	return m
}()

// runs yields the two-character runs of s: letters and digits only,
// lower-cased.
func runs(s string) iter.Seq[[2]rune] {
	return func(yield func([2]rune) bool) {
		var prev rune
		for _, r := range s {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				continue
			}
			r = unicode.ToLower(r)
			if prev != 0 && !yield([2]rune{prev, r}) {
				return
			}
			prev = r
		}
	}
}

// pairs appends the distinct runs of s, the common ones left out, to dst.
func pairs(dst [][2]rune, s string) [][2]rune {
	for p := range runs(s) {
		if !commonPairs[p] && !slices.Contains(dst, p) {
			dst = append(dst, p)
		}
	}
	return dst
}

// runsIn counts the runs of s found in want, repeats included.
func runsIn(s string, want map[[2]rune]bool) int {
	n := 0
	for p := range runs(s) {
		if want[p] {
			n++
		}
	}
	return n
}

// Related picks, among published items, those an application most likely
// asks for: the share of each title's two-character runs that the request
// repeats (applicants name a document by its title, in part), at least half
// of them and three, best first, at most n. It only points; the clerk decides.
func Related(request string, items []Item, n int) []Item {
	want := map[[2]rune]bool{}
	for _, p := range pairs(nil, request) {
		want[p] = true
	}
	type scored struct {
		i     int
		score float64
	}
	var out []scored
	var have [][2]rune
	for i := range items {
		// most titles share nothing with the request: a count of the runs
		// found, repeats included, bounds the shared ones from above
		if runsIn(items[i].Title, want) < 3 {
			continue
		}
		have = pairs(have[:0], items[i].Title)
		shared := 0
		for _, p := range have {
			if want[p] {
				shared++
			}
		}
		if score := float64(shared) / float64(max(len(have), 1)); shared >= 3 && score >= 0.5 {
			out = append(out, scored{i, score})
		}
	}
	slices.SortStableFunc(out, func(a, b scored) int { return cmp.Compare(b.score, a.score) })
	res := make([]Item, 0, min(n, len(out)))
	for i := 0; i < len(out) && i < n; i++ {
		res = append(res, items[out[i].i])
	}
	return res
}
