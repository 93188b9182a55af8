package report

import (
	"fmt"
	"strings"
)

// Facts are the year's records an agency's narrative is drafted from:
// every number in the draft counts something the agency did.
type Facts struct {
	Agency string
	Year   int

	Items      int            // 主动公开 items published in the year
	Columns    []ColumnFacts  // website columns with items published in the year
	Accounts   []AccountFacts // the agency's own new media accounts
	Supervised int            // accounts in its records running in the year (own and supervised)
	Scope      string         // who the supervised accounts belong to, e.g. "我区教育系统"
	Daily      int            // 日巡查 in the year
	Weekly     int            // 周普查 in the year
	Problems   int            // problems inspections found
	Resolved   int            // of which resolved
	Reviewed   int            // items published after 三审三校
	OnTime     int            // items published within the Art. 26 period
	Late       int            // items published after it
	StaleAccts int            // accounts past the update limit at the end of the year

	Received, Carried, Closed, CarryOver int64 // 表三 totals
	Disclosed, Partly                    int64 // 予以公开, 部分公开
	LateReplies                          int   // applications answered after their due date

	Rules, Normative, Repealed, InForce int64 // 表二 (一)
	Reviews, Suits                      int64 // 表四 totals
	FeeCases                            int   // applications that paid 信息处理费
	FeeYuan                             int64 // and how much
}

// ColumnFacts is a website column and its items of the year.
type ColumnFacts struct {
	Name  string
	Items int
}

// AccountFacts is an account and its posts of the year.
type AccountFacts struct {
	Platform, Name string
	Posts          int
}

// We is how an agency's report calls itself: 我局, 我委, 我办, 我厅, 我区 …
func We(agency string) string {
	for _, s := range []struct{ suffix, we string }{
		{"局", "我局"}, {"厅", "我厅"}, {"委员会", "我委"}, {"委", "我委"}, {"办公室", "我办"}, {"署", "我署"},
		{"乡人民政府", "我乡"}, {"镇人民政府", "我镇"}, {"街道办事处", "我街道"}, {"区人民政府", "我区"}, {"县人民政府", "我县"},
		{"市人民政府", "我市"}, {"省人民政府", "我省"}, {"中心", "我中心"},
	} {
		if strings.HasSuffix(agency, s.suffix) {
			return s.we
		}
	}
	return "我单位"
}

// quoted names columns the way reports do: “部门动态”和“义务教育”.
func quoted(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "“" + n + "”"
	}
	if len(q) == 2 {
		return q[0] + "和" + q[1]
	}
	return strings.Join(q, "、")
}

// Draft writes sections 一、五、六 from the facts, in the register of the
// reports agencies publish, for the clerk to edit. It states only what the
// facts hold; where there is nothing to report it says so plainly.
func Draft(f Facts) map[string]string {
	return map[string]string{"1": draftOverview(f), "5": draftProblems(f), "6": draftFees(f)}
}

func draftOverview(f Facts) string {
	we := We(f.Agency)
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	p("（一）主动公开情况\n\n%d 年，%s认真贯彻落实《中华人民共和国政府信息公开条例》，及时、准确公开政府信息。", f.Year, we)
	var pub []string
	for _, a := range f.Accounts {
		if a.Posts > 0 {
			pub = append(pub, fmt.Sprintf("%s%s推送信息 %d 篇", a.Name, platformSuffix(a), a.Posts))
		}
	}
	if len(f.Columns) > 0 {
		var names []string
		n := 0
		for _, c := range f.Columns {
			names = append(names, c.Name)
			n += c.Items
		}
		which := "专栏"
		if len(names) == 1 {
			which = "栏目"
		}
		pub = append(pub, fmt.Sprintf("在政府网站%s%s发布信息 %d 条", quoted(names), which, n))
	}
	switch {
	case len(pub) > 0:
		p("全年%s。", strings.Join(pub, "，"))
	case f.Items == 0:
		p("本年度未在政府信息公开目录中发布信息。")
	}
	if f.Items > 0 {
		p("全年在政府信息公开目录主动公开政府信息 %d 条。", f.Items)
	}
	if f.Rules+f.Normative > 0 {
		p("本年制发规章 %d 件、行政规范性文件 %d 件，废止 %d 件，现行有效 %d 件。", f.Rules, f.Normative, f.Repealed, f.InForce)
	} else {
		p("本年度未制发规章和行政规范性文件。")
	}

	p("\n\n（二）依申请公开办理情况\n\n")
	if f.Received == 0 && f.Carried == 0 {
		p("今年我单位未收到政府信息公开申请。")
	} else {
		p("%d 年，%s新收政府信息公开申请 %d 件，上年结转 %d 件，办结 %d 件", f.Year, we, f.Received, f.Carried, f.Closed)
		if f.Disclosed+f.Partly > 0 {
			p("，其中予以公开 %d 件、部分公开 %d 件", f.Disclosed, f.Partly)
		}
		p("，结转下年度继续办理 %d 件。", f.CarryOver)
		if f.LateReplies > 0 {
			p("有 %d 件申请超过法定期限答复。", f.LateReplies)
		} else if f.Closed > 0 {
			p("全部申请均在法定期限内答复。")
		}
	}
	if f.Reviews+f.Suits > 0 {
		p("因政府信息公开工作被申请行政复议 %d 件、提起行政诉讼 %d 件。", f.Reviews, f.Suits)
	}

	p("\n\n（三）政府信息管理情况\n\n")
	var m []string
	if f.Reviewed > 0 {
		m = append(m, fmt.Sprintf("严格落实内容发布三审三校制度，本年发布的 %d 条信息均经三审三校和保密审查后公开", f.Reviewed))
	}
	if f.Supervised > 0 {
		s := fmt.Sprintf("采取日巡查、周普查等方式，常态化监管%s %d 个政务新媒体账号运维情况", f.Scope, f.Supervised)
		if f.Daily+f.Weekly > 0 {
			s += fmt.Sprintf("，全年开展日巡查 %d 次、周普查 %d 次", f.Daily, f.Weekly)
		}
		if f.Problems > 0 {
			s += fmt.Sprintf("，发现问题 %d 个，已整改 %d 个", f.Problems, f.Resolved)
		}
		m = append(m, s)
	}
	if len(m) == 0 {
		m = append(m, "按照“先审核、后发布”的要求做好政府信息发布审核")
	}
	p("%s。", strings.Join(m, "；"))

	p("\n\n（四）政府信息公开平台建设情况\n\n")
	var plat []string
	if len(f.Columns) > 0 {
		var names []string
		for _, c := range f.Columns {
			names = append(names, c.Name)
		}
		plat = append(plat, fmt.Sprintf("依托政府网站政府信息公开平台，在%s等栏目集中发布政府信息", quoted(names)))
	}
	if len(f.Accounts) > 0 {
		var names []string
		for _, a := range f.Accounts {
			names = append(names, a.Name+platformSuffix(a))
		}
		plat = append(plat, fmt.Sprintf("运行%s，及时发布工作动态", strings.Join(names, "、")))
	}
	if len(plat) == 0 {
		plat = append(plat, "依托政府网站政府信息公开平台发布政府信息")
	}
	p("%s。", strings.Join(plat, "；"))

	p("\n\n（五）政府信息公开监督保障\n\n")
	if f.OnTime+f.Late > 0 {
		p("%s对主动公开信息的发布时限逐条跟踪，本年发布的信息中 %d 条在信息形成之日起 20 个工作日内公开", we, f.OnTime)
		if f.Late > 0 {
			p("，%d 条超过期限", f.Late)
		}
		p("。")
	} else {
		p("%s按照《中华人民共和国政府信息公开条例》第二十六条的规定，跟踪政府信息形成后 20 个工作日内公开的时限要求。", we)
	}
	return b.String()
}

func platformSuffix(a AccountFacts) string {
	if hasText(a.Name, a.Platform) || a.Platform == "" {
		return ""
	}
	return a.Platform
}

func draftProblems(f Facts) string {
	we := We(f.Agency)
	var probs, fixes []string
	if f.Late > 0 {
		probs = append(probs, fmt.Sprintf("%d 条主动公开信息超过 20 个工作日才公开，信息发布的时效性有待提高", f.Late))
		fixes = append(fixes, "对主动公开信息实行台账管理，逐条跟踪发布时限")
	}
	if f.LateReplies > 0 {
		probs = append(probs, fmt.Sprintf("%d 件政府信息公开申请超过法定期限答复", f.LateReplies))
		fixes = append(fixes, "对依申请公开实行期限预警，办理中的申请临近期限时提前提醒")
	}
	if f.Problems > f.Resolved {
		probs = append(probs, fmt.Sprintf("日常巡查发现的问题中尚有 %d 个未整改到位", f.Problems-f.Resolved))
		fixes = append(fixes, "对巡查发现的问题建立整改台账，逐项销号")
	}
	if f.StaleAccts > 0 {
		probs = append(probs, fmt.Sprintf("%d 个政务新媒体账号更新不够及时", f.StaleAccts))
		fixes = append(fixes, "督促更新不及时的账号按要求更新，对长期不更新的账号予以整合或关停")
	}
	var b strings.Builder
	if len(probs) == 0 {
		fmt.Fprintf(&b, "%d 年，%s的记录中未发现信息逾期公开、申请逾期答复或巡查问题未整改的情况，但政务公开工作的深度和广度仍有提升空间。", f.Year, we)
		fmt.Fprintf(&b, "\n\n改进情况：%s将继续严格执行内容发布三审三校和保密审查制度，坚持日巡查、周普查，提高信息发布的准确性和时效性。", we)
		return b.String()
	}
	fmt.Fprintf(&b, "%d 年，%s政务公开工作存在以下问题：", f.Year, we)
	for i, p := range probs {
		fmt.Fprintf(&b, "%s是%s。", cnNumeral(i+1), p)
	}
	b.WriteString("\n\n改进情况：")
	for i, x := range fixes {
		fmt.Fprintf(&b, "%s是%s。", cnNumeral(i+1), x)
	}
	return b.String()
}

func draftFees(f Facts) string {
	if f.FeeCases == 0 {
		return fmt.Sprintf("%d 年度%s不存在信息公开收费情况。", f.Year, "我单位")
	}
	return fmt.Sprintf("%d 年度%s依据《政府信息公开信息处理费管理办法》收取信息处理费 %d 件，共计 %d 元。", f.Year, We(f.Agency), f.FeeCases, f.FeeYuan)
}
