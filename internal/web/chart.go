package web

import (
	"fmt"
	"html/template"
	"strings"

	"gongkai/internal/ops"
	"gongkai/internal/report"
)

// Charts are drawn on the server as inline SVG: they need no script and no
// chart service, print with the page and read the same on a phone (the
// viewBox scales). Each has a title for screen readers and a figure with the
// numbers for those who would rather read.

// niceMax rounds a maximum up to 1, 2 or 5 times a power of ten, so that the
// axis has round marks.
func niceMax(v int64) int64 {
	if v <= 0 {
		return 1
	}
	p := int64(1)
	for p*10 <= v {
		p *= 10
	}
	for _, m := range []int64{1, 2, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}

// monthChart draws this year's and last year's applications by month, as
// paired bars.
func monthChart(t *ops.Trend, what string, series [2][12]int64) template.HTML {
	const w, h, left, bottom, top = 640, 230, 40, 30, 24
	var peak int64
	for _, s := range series {
		for _, v := range s {
			peak = max(peak, v)
		}
	}
	peak = niceMax(peak)
	plotH := float64(h - bottom - top)
	slot := float64(w-left-10) / 12
	var b strings.Builder
	title := fmt.Sprintf("%d年与%d年各月%s件数", t.Year, t.Year-1, what)
	fmt.Fprintf(&b, `<figure class="chart"><svg viewBox="0 0 %d %d" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg"><title>%s</title>`, w, h, title, title)
	ticks := int64(5) // whole numbers on every mark: 1 and 2 have fewer
	if peak < 5 {
		ticks = peak
	}
	for i := int64(0); i <= ticks; i++ { // grid lines and the axis numbers
		y := float64(top) + plotH*float64(ticks-i)/float64(ticks)
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" class="grid"/><text x="%d" y="%.1f" class="axis" text-anchor="end">%d</text>`,
			left, w-10, y, y, left-4, y+4, peak*i/ticks)
	}
	for m := range 12 {
		x := float64(left) + slot*float64(m)
		for k, cls := range []string{"last", "this"} {
			v := series[k][m]
			bh := plotH * float64(v) / float64(peak)
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" class="%s"><title>%d年%d月：%d件</title></rect>`,
				x+slot*0.15+slot*0.35*float64(k), float64(top)+plotH-bh, slot*0.33, bh, cls, t.Year-1+k, m+1, v)
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" class="axis" text-anchor="middle">%d月</text>`, x+slot/2, h-bottom+16, m+1)
	}
	fmt.Fprintf(&b, `<rect x="%d" y="4" width="10" height="10" class="last"/><text x="%d" y="13" class="axis">%d年</text>`, left, left+14, t.Year-1)
	fmt.Fprintf(&b, `<rect x="%d" y="4" width="10" height="10" class="this"/><text x="%d" y="13" class="axis">%d年</text>`, left+70, left+84, t.Year)
	var sums [2]int64
	for k := range 2 {
		for _, v := range series[k] {
			sums[k] += v
		}
	}
	fmt.Fprintf(&b, `</svg><figcaption>%s：%d年共 %d 件，%d年共 %d 件%s。</figcaption></figure>`, title, t.Year, sums[1], t.Year-1, sums[0], change(sums[1], sums[0]))
	return template.HTML(b.String())
}

// change says how this year compares with last year.
func change(now, before int64) string {
	switch {
	case before == 0:
		return ""
	case now == before:
		return "，与上年持平"
	case now > before:
		return fmt.Sprintf("，比上年增加 %.0f%%", float64(now-before)*100/float64(before))
	}
	return fmt.Sprintf("，比上年减少 %.0f%%", float64(before-now)*100/float64(before))
}

// outcomeGroups are the outcome blocks of 表三 as the chart names them.
var outcomeGroups = []struct{ name, prefix string }{
	{"予以公开", "granted"}, {"部分公开", "partly_granted"}, {"不予公开", "withheld."}, {"无法提供", "unavailable."},
	{"不予处理", "not_processed."}, {"其他处理", "other."},
}

// outcomeChart draws the shares of the year's outcomes as one bar.
func outcomeChart(r *report.Report) template.HTML {
	counts := make([]int64, len(outcomeGroups))
	var total int64
	for key, row := range r.Applications {
		for i, g := range outcomeGroups {
			if key == g.prefix || (strings.HasSuffix(g.prefix, ".") && strings.HasPrefix(key, g.prefix)) {
				n, _ := row[report.ColTotal].Int()
				counts[i] += n
				total += n
			}
		}
	}
	title := fmt.Sprintf("%d年办理结果构成", r.Year)
	if total == 0 {
		return template.HTML(`<figure class="chart"><figcaption>` + title + `：本年没有办结的申请。</figcaption></figure>`)
	}
	const w, h = 640, 40
	var b, legend strings.Builder
	fmt.Fprintf(&b, `<figure class="chart"><svg viewBox="0 0 %d %d" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg"><title>%s</title>`, w, h, title, title)
	x := 0.0
	for i, n := range counts {
		if n == 0 {
			continue
		}
		bw := float64(w) * float64(n) / float64(total)
		pct := float64(n) * 100 / float64(total)
		fmt.Fprintf(&b, `<rect x="%.1f" y="0" width="%.1f" height="%d" class="o%d"><title>%s：%d件（%.1f%%）</title></rect>`, x, bw, h, i, outcomeGroups[i].name, n, pct)
		x += bw
		fmt.Fprintf(&legend, `<li><span class="swatch o%d"></span>%s %d 件（%.1f%%）</li>`, i, outcomeGroups[i].name, n, pct)
	}
	fmt.Fprintf(&b, `</svg><figcaption>%s（共 %d 件）</figcaption><ul class="legend">%s</ul></figure>`, title, total, legend.String())
	return template.HTML(b.String())
}
