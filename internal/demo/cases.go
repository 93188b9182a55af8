package demo

import (
	"fmt"

	"gongkai/internal/appeal"
	"gongkai/internal/casework"
	"gongkai/internal/workday"
)

// mainAgency gives 卫滨区教育体育和文化旅游局 this year's applications,
// dated from today: one a little overdue, two due within three working days
// (for one the clerk proposes an extension to the head),
// one waiting for 补正, one for payment, one with a third party, a defective
// one just in, one from the portal today (no 承办人 yet), and two answered;
// the clerk handles most, the head of the office three. It had none in
// 2024 (the seed report says so), so nothing is dated before 2025.
func (sd *seeder) mainAgency() error {
	clerk, head := sd.staff(Main)
	type plan struct {
		back   int // working days before today it was received
		do     func(c *casework.Case, rec workday.Date)
		mod    func(in *casework.Intake)
		handle string // the 承办人's login, when not the clerk who registered it; "-": none
	}
	plans := []plan{
		{back: 22, do: nil}, // 2 working days overdue
		{back: 18, do: func(c *casework.Case, rec workday.Date) { // due in 2 working days: the clerk asks the head to extend
			ext := casework.Step{Kind: casework.KindExtend, On: sd.today, Note: "所需信息涉及多所学校，需逐校调取核实"}
			if _, err := sd.at(sd.today).ProposeStep(sd.ctx, clerk, c.ID, ext, "请负责人同意延长答复期限20个工作日"); err != nil {
				sd.refused++
			}
		}},
		{back: 17, do: nil}, // due in 3
		{back: 4, do: func(c *casework.Case, rec workday.Date) {
			sd.step(c, clerk, casework.Step{Kind: casework.KindRequestCorrection, On: sd.add(rec, 1), Note: "请明确所需信息的学段和年份。"})
		}},
		{back: 9, handle: "head", do: func(c *casework.Case, rec workday.Date) {
			sd.step(c, clerk, casework.Step{Kind: casework.KindFeeNotice, On: sd.add(rec, 3), Method: casework.FeeByPages, Pages: 260, Delivered: sd.add(rec, 3)})
		}},
		{back: 11, do: func(c *casework.Case, rec workday.Date) {
			sd.step(c, clerk, casework.Step{Kind: casework.KindConsult, On: sd.add(rec, 4), Party: "某培训学校", PartyKind: casework.PartyThird})
		}},
		{back: 2, mod: func(in *casework.Intake) { in.Applicant.IDType, in.Applicant.IDNum = "", "" }},
		{back: 0, handle: "-", mod: func(in *casework.Intake) { in.Channel = casework.Online; in.SetReceivedOn(sd.today) }},
		{back: 30, handle: "head", do: func(c *casework.Case, rec workday.Date) {
			sd.step(c, head, casework.Step{Kind: casework.KindDecide, On: sd.add(rec, 12), Outcome: "disclosed"})
		}},
		{back: 45, handle: "head", do: func(c *casework.Case, rec workday.Date) {
			sd.step(c, head, casework.Step{Kind: casework.KindDecide, On: sd.add(rec, 8), Outcome: "not_exist"})
		}},
	}
	for i, p := range plans {
		rec := sd.back(p.back)
		if rec.Year() <= 2024 {
			continue // the seed's year had no applications
		}
		in := sd.intake(rec, i)
		in.Applicant.Type, in.Applicant.Name, in.Applicant.IDType, in.Applicant.IDNum = "natural", names[i%8], "身份证", "11010519491231002X"
		in.Request.Description = []string{"本区2024年小学一年级学区划分范围", "公办幼儿园收费标准", "教师招聘考试成绩及录用名单", "体育场馆免费开放名单",
			"校外培训机构行政处罚决定书", "某培训学校办学许可材料", "区属学校食堂承包合同", "本年度义务教育招生计划", "学生资助资金发放情况", "校舍维修工程验收资料"}[i]
		if p.mod != nil {
			p.mod(&in)
		}
		c, err := sd.register(Main, in, rec)
		if err != nil {
			return err
		}
		if p.handle != "" {
			if _, err := sd.at(rec).AssignCase(sd.ctx, clerk, c.ID, sd.users[p.handle]); err != nil { // "-": no user, 0
				return err
			}
		}
		if p.do != nil {
			p.do(c, rec)
		}
	}
	return nil
}

// history gives an agency two years of applications: the ones received more
// than about two months ago are all answered (or closed otherwise); only
// recent ones are still open, so the demo never shows cases hundreds of days late.
func (sd *seeder) history(agency string) ([]appealed1, error) {
	clerk, head := sd.staff(agency)
	var appealed []appealed1
	for i := 0; i < 40; i++ {
		rec, err := sd.cal.NextWorkday(sd.today - workday.Date(730-i*18+sd.rng.IntN(10)))
		if err != nil || rec >= sd.today {
			continue
		}
		c, err := sd.register(agency, sd.intake(rec, i), rec)
		if err != nil {
			return nil, err
		}
		old := sd.today-rec > 60
		switch {
		case i%8 == 3: // 补正
			sd.step(c, clerk, casework.Step{Kind: casework.KindRequestCorrection, On: sd.add(rec, 2), Note: "请明确所需信息的名称、文号或者时间范围。"})
			if old || i%16 == 3 {
				sd.step(c, clerk, casework.Step{Kind: casework.KindCorrectionReceived, On: sd.add(rec, 6)})
				sd.step(c, head, casework.Step{Kind: casework.KindDecide, On: sd.add(rec, 15), Outcome: "disclosed"})
			}
		case i%8 == 4: // third party, extension, answer
			sd.step(c, clerk, casework.Step{Kind: casework.KindConsult, On: sd.add(rec, 3), Party: "某建设工程有限公司", PartyKind: casework.PartyThird, Delivered: sd.add(rec, 3)})
			sd.step(c, clerk, casework.Step{Kind: casework.KindConsultEnd, On: sd.add(rec, 10)})
			sd.step(c, head, casework.Step{Kind: casework.KindExtend, On: sd.add(rec, 18), Note: "所需信息涉及多个科室，需调取核实"})
			sd.step(c, head, casework.Step{Kind: casework.KindDecide, On: sd.add(rec, 30), Outcome: "partly_disclosed", Grounds: []casework.OutcomeID{"third_party"}})
		case i%8 == 5: // fee
			sd.step(c, clerk, casework.Step{Kind: casework.KindFeeNotice, On: sd.add(rec, 4), Method: casework.FeeByPages, Pages: 150 + sd.rng.IntN(300), Delivered: sd.add(rec, 5)})
			if old {
				sd.step(c, clerk, casework.Step{Kind: casework.KindFeePaid, On: sd.add(rec, 12)})
				sd.step(c, head, casework.Step{Kind: casework.KindDecide, On: sd.add(rec, 20), Outcome: "disclosed"})
			}
		case i%8 == 6: // withdrawn
			sd.step(c, clerk, casework.Step{Kind: casework.KindWithdraw, On: sd.add(rec, 3)})
		case i%8 == 7 && !old: // left open: recent
		default: // answered
			outcomes := []casework.OutcomeID{"disclosed", "already_public", "not_exist", "not_this_agency", "third_party", "repeat", "process_info"}
			o := outcomes[sd.rng.IntN(len(outcomes))]
			decided := sd.add(rec, 5+sd.rng.IntN(12))
			sd.step(c, head, casework.Step{Kind: casework.KindDecide, On: decided, Outcome: o, Referral: "新乡市卫滨区住房和城乡建设局，0373-5000000",
				Route: "已在本机关政府信息公开网站“政府信息公开目录”中主动公开，可在“公开目录”页面按标题检索查阅"})
			if decided+90 < sd.today && len(appealed) < 3 {
				appealed = append(appealed, appealed1{c.ID, c.Intake.Applicant.Name, decided})
			}
		}
	}
	return appealed, nil
}

// appealsAgency keeps 复议/诉讼 records in the demo, so its 表四 is counted
// from them (卫滨区教育体育和文化旅游局 keeps the seed's typed 表四).
const appealsAgency = "卫滨区自然资源局"

type appealed1 struct {
	caseID    int64
	applicant string
	decided   workday.Date
}

// appeals records, for answered applications, a 复议 upheld, a 复议
// corrected and a suit still pending.
func (sd *seeder) appeals(cases []appealed1) error {
	clerk, _ := sd.staff(appealsAgency)
	for i, c := range cases {
		id := c.caseID
		a := appeal.Record{CaseID: &id, Applicant: c.applicant, FiledOn: c.decided + 20}
		switch i {
		case 0, 1:
			a.Kind, a.Body, a.Number = appeal.Review, "新乡市卫滨区人民政府", fmt.Sprintf("卫政复〔%d〕%d号", a.FiledOn.Year(), 11+i)
			on := a.FiledOn + 55
			a.ConcludedOn, a.Result = &on, []appeal.Result{appeal.Upheld, appeal.Corrected}[i]
		default:
			a.Kind, a.Body, a.Number = appeal.SuitDirect, "新乡市卫滨区人民法院", fmt.Sprintf("（%d）示例行初%d号", a.FiledOn.Year(), 30+i)
		}
		if _, err := sd.at(a.FiledOn).RecordAppeal(sd.ctx, clerk, a); err != nil {
			return fmt.Errorf("demo appeal: %w", err)
		}
	}
	return nil
}
