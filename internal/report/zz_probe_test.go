package report_test

import (
	"fmt"
	"strings"
	"testing"

	"gongkai/internal/report"
)

func TestZZProbeMore(t *testing.T) {
	agree := []string{
		"{Y}年，共收到政府信息公开申请{N}件，较上年增加3件；其中，网上申请{NET}件、信函申请{MAIL}件。",
		"从申请渠道看，网上申请{NET}件，占50%；信函申请{MAIL}件，占50%。",
		"从申请主体看，自然人申请{NAT}件，法人或其他组织申请{ORG}件。",
		"从办理结果看，予以公开5件，部分公开3件，不予公开1件，无法提供2件，不予处理1件。",
		"办理结果方面，按期答复{D}件，按期答复率100%。",
		"申请内容主要涉及征地拆迁（5件）、规划建设（3件）等方面。",
		"收到的申请中，涉及征地拆迁类5件，占比40%。",
		"全年共收到政府信息公开申请{N}件，申请量同比上升25%。",
		"全年收到政府信息公开申请{N}件（其中1件为重复申请）。",
		"全年收到政府信息公开申请{N}件（含撤回申请1件）。",
		"本机关收到并处理政府信息公开申请{N}件。",
		"共收到各类政府信息公开申请{N}件。",
		"本年度共收到政府信息公开申请（含网上申请）{N}件。",
		"2.依申请公开情况。{Y}年，共受理政府信息公开申请{N}件。",
		"（二）依申请公开办理情况。全年共收到政府信息公开申请{N}件。",
		"全年共办结政府信息公开申请{D}件。",
		"全年共收到政府信息公开申请{N}件，均在法定期限内予以答复，无逾期答复情况。",
		"全年共收到政府信息公开申请{N}件，办结率100%，未发生行政复议和行政诉讼。",
		"因政府信息公开被申请行政复议{R}件、被提起行政诉讼{S}件，未发生被纠错的情况。",
		"全年未发生因政府信息公开引起的行政复议、行政诉讼案件。",
	}
	for i := range 20 {
		g := generated(i)
		a := g.Applications
		n, c, f := a["new"][report.ColTotal].Val(), a["carried_in"][report.ColTotal].Val(), a["carried_forward"][report.ColTotal].Val()
		R, S := g.Appeals[0][4].Val(), g.Appeals[1][4].Val()+g.Appeals[2][4].Val()
		vals := map[string]int64{"N": n, "C": c, "NC": n + c, "F": f, "D": n + c - f, "NAT": a["new"][report.ColNatural].Val(),
			"ORG": n - a["new"][report.ColNatural].Val(), "Y": int64(g.Year), "NET": n / 2, "MAIL": n - n/2, "R": R, "S": S}
		fill := func(s string) string {
			for k, v := range vals {
				s = strings.ReplaceAll(s, "{"+k+"}", fmt.Sprint(v))
			}
			return s
		}
		for _, s := range agree {
			r := generated(i)
			r.Sections["1"] += "\n" + fill(s)
			msg := ntableOf(r)
			zeroAppeals := R == 0 && S == 0
			if strings.Contains(s, "未发生") && strings.Contains(s, "复议") && !zeroAppeals {
				if len(msg) == 0 {
					t.Errorf("wrong none %d with %q: no N.TABLE", i, fill(s))
				}
				continue
			}
			if len(msg) > 0 {
				t.Errorf("agree %d with %q: %s", i, fill(s), msg)
			}
		}
	}
}
