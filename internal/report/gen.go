package report

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Generate returns a random report whose tables satisfy every identity and
// whose narrative states the same numbers: the raw material for tests and for
// `gongkai bench audit`. The same rng state gives the same report.
func Generate(rng *rand.Rand, agency string, year int) *Report {
	f := FormatForYear(year)
	r := NewReport(f)
	r.Agency, r.Year, r.Level = agency, year, "county_department"
	rows := f.T3Rows()
	var outcomes []string
	for _, row := range rows {
		if row.Kind == RowOutcome {
			outcomes = append(outcomes, row.Key)
		}
	}
	set := func(key string, col int, v int64) {
		x := r.Applications[key]
		x[col] = N(v)
		r.Applications[key] = x
	}
	for _, row := range rows {
		for c := 0; c < NumCols; c++ {
			set(row.Key, c, 0)
		}
	}
	// per applicant column: new + carried_in distributed over outcomes + carried_forward
	weights := []int{60, 15, 2, 3, 5, 4} // natural persons dominate real reports
	for c := 0; c < ColTotal; c++ {
		n := int64(rng.IntN(weights[c] + 1))
		if rng.IntN(3) == 0 {
			n = 0
		}
		in := int64(rng.IntN(3))
		if rng.IntN(2) == 0 {
			in = 0
		}
		set("new", c, n)
		set("carried_in", c, in)
		left := n + in
		out := int64(0)
		if left > 0 && rng.IntN(2) == 0 {
			out = int64(rng.IntN(int(left/4) + 1))
		}
		set("carried_forward", c, out)
		left -= out
		set("total", c, left)
		for left > 0 {
			k := outcomes[0]
			if rng.IntN(2) == 0 {
				k = outcomes[rng.IntN(len(outcomes))]
			}
			v := int64(rng.IntN(int(left)) + 1)
			x := r.Applications[k]
			x[c] = N(x[c].Val() + v)
			r.Applications[k] = x
			left -= v
		}
	}
	for _, row := range rows {
		x := r.Applications[row.Key]
		var sum int64
		for c := 0; c < ColTotal; c++ {
			sum += x[c].Val()
		}
		x[ColTotal] = N(sum)
		r.Applications[row.Key] = x
	}
	for b := range r.Appeals {
		var sum int64
		for j := 0; j < 4; j++ {
			v := int64(0)
			if rng.IntN(4) == 0 {
				v = int64(rng.IntN(3))
			}
			r.Appeals[b][j] = N(v)
			sum += v
		}
		r.Appeals[b][4] = N(sum)
	}
	for _, it := range f.T2Items() {
		for i, c := range it.Cells {
			p := it.Key + "." + c
			if len(it.Money) > i && it.Money[i] {
				r.Proactive.SetAmount(p, ParseAmount(fmt.Sprintf("%d.%02d", rng.IntN(50), rng.IntN(100))))
				continue
			}
			v := int64(rng.IntN(40))
			if len(it.Signed) > i && it.Signed[i] {
				v -= 10
			}
			r.Proactive.Set(p, N(v))
		}
	}
	newTotal := r.Applications["new"][ColTotal].Val()
	review := r.Appeals[0][4].Val()
	suits := r.Appeals[1][4].Val() + r.Appeals[2][4].Val()
	var s1 strings.Builder
	fmt.Fprintf(&s1, "（一）主动公开情况\n%d年，本机关坚持以公开为常态、不公开为例外，通过门户网站发布各类信息%d条，政务新媒体发布信息%d篇。\n",
		year, 100+rng.IntN(900), 50+rng.IntN(500))
	fmt.Fprintf(&s1, "（二）依申请公开办理情况\n全年共收到政府信息公开申请%d件，均在法定期限内答复。\n", newTotal)
	fmt.Fprintf(&s1, "（三）政府信息管理情况\n一是健全制度。二是规范发布流程，落实信息发布审核制度。三是加强保密审查。\n")
	fmt.Fprintf(&s1, "（四）政府信息公开平台建设情况\n持续优化政府信息公开专栏，及时更新栏目内容。\n")
	fmt.Fprintf(&s1, "（五）政府信息公开监督保障\n因政府信息公开被申请行政复议%d件，提起行政诉讼%d件。", review, suits)
	r.Sections["1"] = s1.String()
	problems := []string{"主动公开的深度和广度仍需拓展", "政策解读形式较为单一", "信息发布的及时性有待提高", "基层工作人员业务能力参差不齐"}
	fixes := []string{"加强业务培训", "丰富解读形式，推出图解、视频解读", "建立更新提醒机制", "开展常态化自查"}
	i, j := rng.IntN(len(problems)), rng.IntN(len(fixes))
	r.Sections["5"] = fmt.Sprintf("存在的问题：一是%s；二是%s。\n改进措施：一是%s；二是%s。", problems[i], problems[(i+1)%len(problems)], fixes[j], fixes[(j+1)%len(fixes)])
	if rng.IntN(3) == 0 {
		r.Sections["6"] = fmt.Sprintf("%d年度本机关收取政府信息公开信息处理费%d元。", year, 100*(1+rng.IntN(30)))
	} else {
		r.Sections["6"] = fmt.Sprintf("%d年度本机关未收取政府信息公开信息处理费。", year)
	}
	return r
}
