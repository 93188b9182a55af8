package casework

import (
	"strings"
	"testing"

	"gongkai/internal/errs"
)

var ag = AgencyInfo{Name: "卫滨区教育体育和文化旅游局", Level: "county_department", ReviewOrgan: "新乡市卫滨区人民政府", LetterPrefix: "卫教体依公"}

func decided(t *testing.T, outcome OutcomeID, day string) *Case {
	c, err := NewCase(intake(0, Online, "2025-12-24"), clerk, at("2025-12-24"), cal)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Apply(Step{Kind: KindDecide, On: D(day), Outcome: outcome, Referral: "新乡市教育局，0373-1234567", Route: "卫滨区人民政府网站“政府信息公开”栏目", Provision: "以电子邮件方式提供电子文件", Grounds: []OutcomeID{"third_party", "process_info"}}, approver, at(day), cfg, cal); err != nil {
		t.Fatal(err)
	}
	return c
}

// Every reply has the nine elements, cites the outcome's article, and names
// the 复议机关 with the wording the outcome requires.
func TestReplyLetters(t *testing.T) {
	for _, o := range Outcomes {
		if o.ID == "no_correction" || o.ID == "no_fee_paid" || o.ID == "withdrawn" || o.ID == "other" || o.ID == "unclear_after_correction" {
			continue
		}
		c := decided(t, o.ID, "2026-01-05")
		l, err := LetterFor(c, 2, ag, LetterNumber(ag.LetterPrefix, 2026, 3), cfg, cal)
		if err != nil {
			t.Fatalf("%s: %v", o.ID, err)
		}
		txt := l.Text()
		for _, must := range []string{
			"卫滨区教育体育和文化旅游局政府信息公开申请答复书", // 标题
			"卫教体依公〔2026〕3号",            // 文号
			"申请人0：",                    // 申请人
			"2025年12月24日收到",            // 申请事实
			"第",                        // 法律依据 (checked below)
			"新乡市卫滨区人民政府",               // 复议机关 in the remedy
			"2026年1月5日",                // 答复日期
			"（印章）",                     // 印章
		} {
			if !strings.Contains(txt, must) {
				t.Errorf("%s: letter lacks %q\n%s", o.ID, must, txt)
			}
		}
		article, ok := strings.CutPrefix(o.Basis, "《中华人民共和国政府信息公开条例》")
		if !ok { // a reference text, not an article of the 条例
			article, _, _ = strings.Cut(o.Basis, "转发")
		}
		if first, _, _ := strings.Cut(article, "、"); !strings.Contains(txt, first) {
			t.Errorf("%s: article %q not cited", o.ID, first)
		}
		review := strings.Contains(l.Remedy, "应当先") && strings.Contains(l.Remedy, "对行政复议决定不服的")
		if review != cfg.IsReviewFirst(o.ID) {
			t.Errorf("%s: 复议前置 wording = %v, want %v: %s", o.ID, review, cfg.IsReviewFirst(o.ID), l.Remedy)
		}
		if !cfg.IsReviewFirst(o.ID) && !strings.Contains(l.Remedy, "6个月内") {
			t.Errorf("%s: remedy lacks the 6-month lawsuit: %s", o.ID, l.Remedy)
		}
		if !strings.Contains(l.HTML(), "<h1><span>卫滨区教育体育和文化旅游局</span><span>政府信息公开申请答复书</span></h1>") {
			t.Errorf("%s: HTML", o.ID)
		}
	}
	c := decided(t, "not_this_agency", "2026-01-05")
	l, _ := LetterFor(c, 2, ag, "x", cfg, cal)
	if !strings.Contains(l.Text(), "新乡市教育局，0373-1234567") {
		t.Error("referral missing")
	}
	// 已主动公开: the letter says where (Art. 36(1)); another outcome drops a
	// route sent with it
	c = decided(t, "already_public", "2026-01-05")
	l, _ = LetterFor(c, 2, ag, "x", cfg, cal)
	if !strings.Contains(l.Text(), "获取该信息的方式和途径：卫滨区人民政府网站“政府信息公开”栏目。") {
		t.Errorf("route missing:\n%s", l.Text())
	}
	if strings.Contains(l.Text(), "提供方式") {
		t.Errorf("a provision on an answer that provides nothing:\n%s", l.Text())
	}
	c = decided(t, "disclosed", "2026-01-05")
	if l, _ = LetterFor(c, 2, ag, "x", cfg, cal); strings.Contains(l.Text(), "方式和途径：") || c.Events[1].Step.Route != "" {
		t.Errorf("a route kept on another outcome:\n%s", l.Text())
	}
	// 予以公开 says how it is provided (Art. 40)
	if !strings.Contains(l.Text(), "现将该信息提供给您。\n    提供方式：以电子邮件方式提供电子文件。") {
		t.Errorf("provision missing:\n%s", l.Text())
	}
	// and without one the decision is refused, at its field
	c, _ = NewCase(intake(0, Online, "2025-12-24"), clerk, at("2025-12-24"), cal)
	_, err := c.Apply(Step{Kind: KindDecide, On: D("2026-01-05"), Outcome: "already_public", Route: "  "}, approver, at("2026-01-05"), cfg, cal)
	if e, ok := err.(*errs.Error); !ok || e.Where != "route" || len(c.Events) != 1 {
		t.Errorf("no route: %v", err)
	}
}

// Before 2024-01-01 不予公开 was not subject to 复议前置.
func TestRemedyBeforeNewLaw(t *testing.T) {
	o := OutcomeByID("state_secret")
	if r := Remedy(o, D("2023-12-29"), ag, "答复", cfg); strings.Contains(r, "对行政复议决定不服的") {
		t.Errorf("old-law remedy: %s", r)
	}
	if r := Remedy(o, D("2024-01-02"), ag, "答复", cfg); !strings.Contains(r, "对行政复议决定不服的") {
		t.Errorf("new-law remedy: %s", r)
	}
}

func TestProcedureLetters(t *testing.T) {
	c, _ := NewCase(intake(0, Online, "2025-01-24"), clerk, at("2025-01-24"), cal)
	c.Apply(Step{Kind: KindExtend, On: D("2025-02-20"), Note: "所需信息涉及多个档案，需调取核实"}, approver, at("2025-02-20"), cfg, cal)
	l, err := LetterFor(c, 2, ag, "卫教体依延〔2025〕1号", cfg, cal)
	// 2025-03-27 worked out by hand in TestFiftyCases
	if err != nil || !strings.Contains(l.Text(), "2025年3月27日前作出答复") || !strings.Contains(l.Text(), "第三十三条第二款") || l.Remedy != "" {
		t.Errorf("extension: %v\n%s", err, l.Text())
	}
	// extended in December, the new date in a year whose holiday notice is
	// not loaded: the applicant is told of the extension without a date; an
	// Art. 35 period keeps the date the agency set
	dec, _ := NewCase(intake(0, Online, "2026-12-01"), clerk, at("2026-12-01"), cal)
	if _, err := dec.Apply(Step{Kind: KindExtend, On: D("2026-12-20"), Note: "需调取档案"}, approver, at("2026-12-20"), cfg, cal); err != nil {
		t.Fatal(err)
	}
	if l, err := LetterFor(dec, 2, ag, "x", cfg, cal); err != nil || !strings.Contains(l.Text(), "答复期限延长20个工作日。") || strings.Contains(l.Text(), "前作出答复") {
		t.Errorf("an extension into an unloaded year: %v\n%v", err, l)
	}
	late, _ := NewCase(intake(0, Online, "2026-12-14"), clerk, at("2026-12-14"), cal)
	if _, err := late.Apply(Step{Kind: KindRequestCorrection, On: D("2026-12-15"), Note: "请写明年份。"}, clerk, at("2026-12-15"), cfg, cal); err != nil {
		t.Fatal(err)
	}
	if l, err := LetterFor(late, 2, ag, "x", cfg, cal); err != nil || !strings.Contains(l.Text(), "请您自本告知书发出之日起15个工作日内向本机关提交补正后的申请") {
		t.Errorf("a 补正 period into an unloaded year: %v\n%v", err, l)
	}
	many, _ := NewCase(intake(0, Online, "2026-12-01"), clerk, at("2026-12-01"), cal)
	if _, err := many.Apply(Step{Kind: KindSetPeriod, On: D("2026-12-21"), Until: D("2027-03-31"), Note: "申请数量巨大"}, approver, at("2026-12-21"), cfg, cal); err != nil {
		t.Fatal(err)
	}
	if l, err := LetterFor(many, 2, ag, "x", cfg, cal); err != nil || !strings.Contains(l.Text(), "将于2027年3月31日前作出答复") {
		t.Errorf("an Art. 35 period into an unloaded year: %v\n%v", err, l)
	}
	c2, _ := NewCase(intake(1, Online, "2024-04-22"), clerk, at("2024-04-22"), cal)
	c2.Apply(Step{Kind: KindRequestCorrection, On: D("2024-04-24"), Note: "请明确所需文件的名称或文号。"}, clerk, at("2024-04-24"), cfg, cal)
	l, _ = LetterFor(c2, 2, ag, "x", cfg, cal)
	if !strings.Contains(l.Text(), "2024年5月16日前") || !strings.Contains(l.Text(), "视为放弃申请") {
		t.Errorf("correction:\n%s", l.Text())
	}
	c3, _ := NewCase(intake(2, Online, "2026-04-28"), clerk, at("2026-04-28"), cal)
	c3.Apply(Step{Kind: KindFeeNotice, On: D("2026-05-06"), Method: FeeByPages, Pages: 2219, Delivered: D("2026-05-06")}, clerk, at("2026-05-06"), cfg, cal)
	l, _ = LetterFor(c3, 2, ag, "x", cfg, cal)
	if !strings.Contains(l.Text(), "83460元") || !strings.Contains(l.Text(), "2026年6月2日前") {
		t.Errorf("fee:\n%s", l.Text())
	}
	c4, _ := NewCase(intake(3, Online, "2024-09-12"), clerk, at("2024-09-12"), cal)
	c4.Apply(Step{Kind: KindConsult, On: D("2024-09-20"), Party: "某科技有限公司", Delivered: D("2024-09-20")}, clerk, at("2024-09-20"), cfg, cal)
	l, _ = LetterFor(c4, 2, ag, "x", cfg, cal)
	if l.Addressee != "某科技有限公司：" || !strings.Contains(l.Text(), "2024年10月16日前") {
		t.Errorf("consultation:\n%s", l.Text())
	}
	if _, err := LetterFor(c4, 2, AgencyInfo{Name: "x"}, "x", cfg, cal); err == nil {
		t.Error("letter without a 复议机关")
	}
	if DefaultReviewOrgan("county_department", "卫滨区教育局", "新乡市卫滨区人民政府") != "新乡市卫滨区人民政府" ||
		DefaultReviewOrgan("province", "河南省人民政府", "") != "河南省人民政府" {
		t.Error("default review organ")
	}
}

// The request's own form and way, as a reply words them.
func TestRequestProvision(t *testing.T) {
	for _, c := range []struct{ form, delivery, want string }{
		{"电子", "电子邮件", "以电子邮件方式提供电子文件"},
		{"纸质", "邮寄", "以邮寄方式提供纸质文件"},
		{"纸质", "自行领取", "请到本机关领取纸质文件"},
		{"", "网上获取", "通过网络提供所申请的信息"},
		{"电子", "", ""},
	} {
		if got := (Request{Form: c.form, Delivery: c.delivery}).Provision(); got != c.want {
			t.Errorf("%s/%s: %q, want %q", c.form, c.delivery, got, c.want)
		}
	}
}

// What only the head of the office may take, and so what a 办理人 proposes.
func TestNeedsHead(t *testing.T) {
	for _, c := range []struct {
		s    Step
		want bool
	}{
		{Step{Kind: KindExtend}, true},
		{Step{Kind: KindSetPeriod}, true},
		{Step{Kind: KindUndo}, true},
		{Step{Kind: KindDecide, Outcome: "third_party"}, true},
		{Step{Kind: KindDecide, Outcome: "partly_disclosed"}, true},
		{Step{Kind: KindDecide, Outcome: "disclosed"}, false},
		{Step{Kind: KindDecide, Outcome: "disclosed", Items: []ItemResult{{Outcome: "disclosed"}, {Outcome: "process_info"}}}, true},
		{Step{Kind: KindConsult}, false},
	} {
		if got := NeedsHead(c.s); got != c.want {
			t.Errorf("%+v: %v", c.s, got)
		}
	}
}
