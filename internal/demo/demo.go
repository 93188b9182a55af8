// Package demo fills a database with a small, realistic set of agencies and
// applications in every state, for `gongkai serve --demo` and `gongkai demo init`.
package demo

import (
	"context"
	_ "embed"
	"fmt"
	"math/rand/v2"
	"time"

	"gongkai/internal/appeal"
	"gongkai/internal/casework"
	"gongkai/internal/org"
	"gongkai/internal/report"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// The seed report, as authored in examples/weibin-2024.yaml (a test keeps the two equal).
//
//go:embed weibin-2024.yaml
var seedReport []byte

// Password of every demo login.
const Password = "gongkai-demo"

// Logins are the demo users, printed at start.
var Logins = []struct{ Login, Agency, Name, Desc string }{
	{"clerk", "卫滨区教育体育和文化旅游局", "张办理", "教体文旅局办理人"},
	{"head", "卫滨区教育体育和文化旅游局", "李主任", "教体文旅局公开工作机构负责人"},
	{"finance", "卫滨区财政局", "王办理", "财政局办理人"},
	{"district", "新乡市卫滨区人民政府", "赵科长", "区政府办公室（主管部门，可查看全区）"},
	{"admin", "河南省人民政府", "系统管理员", "系统管理员（用户、机关、节假日）"},
	{"city", "新乡市人民政府", "钱处长", "市政府办公室（主管部门，可查看全市）"},
}

// Keys are the demo API keys, printed at start.
type Keys struct {
	Agency   string
	Clerk    string
	Approver string
}

// agencies is the demo hierarchy: a province, a city, its districts and
// counties, their departments and a township: parent first.
var agencies = []struct {
	store.Agency
	Parent string
	Cases  bool // seeded with applications
}{
	{store.Agency{Name: "河南省人民政府", Level: "province", ReviewOrgan: "河南省人民政府", LetterPrefix: "豫政依公"}, "", false},
	{store.Agency{Name: "河南省教育厅", Level: "province_department", ReviewOrgan: "河南省人民政府", LetterPrefix: "豫教依公"}, "河南省人民政府", false},
	{store.Agency{Name: "河南省自然资源厅", Level: "province_department", ReviewOrgan: "河南省人民政府", LetterPrefix: "豫自然依公"}, "河南省人民政府", false},
	{store.Agency{Name: "新乡市人民政府", Level: "city", ReviewOrgan: "河南省人民政府", LetterPrefix: "新政依公"}, "河南省人民政府", false},
	{store.Agency{Name: "新乡市教育局", Level: "city_department", ReviewOrgan: "新乡市人民政府", LetterPrefix: "新教依公"}, "新乡市人民政府", true},
	{store.Agency{Name: "新乡市财政局", Level: "city_department", ReviewOrgan: "新乡市人民政府", LetterPrefix: "新财依公"}, "新乡市人民政府", false},
	{store.Agency{Name: "新乡市自然资源和规划局", Level: "city_department", ReviewOrgan: "新乡市人民政府", LetterPrefix: "新自然依公"}, "新乡市人民政府", true},
	{store.Agency{Name: "新乡市生态环境局", Level: "city_department", ReviewOrgan: "新乡市人民政府", LetterPrefix: "新环依公"}, "新乡市人民政府", false},
	{store.Agency{Name: "新乡市住房和城乡建设局", Level: "city_department", ReviewOrgan: "新乡市人民政府", LetterPrefix: "新建依公"}, "新乡市人民政府", false},
	{store.Agency{Name: "新乡市卫滨区人民政府", Level: "county", ReviewOrgan: "新乡市人民政府", LetterPrefix: "卫政依公"}, "新乡市人民政府", true},
	{store.Agency{Name: "卫滨区教育体育和文化旅游局", Level: "county_department", ReviewOrgan: "新乡市卫滨区人民政府", LetterPrefix: "卫教体依公",
		Address: "新乡市卫滨区自由路（示例地址）", Phone: "0373-0000000", Fax: "0373-0000001", Hours: "法定工作日 上午8:30—12:00，下午14:30—17:30", Email: "gongkai@example.gov.cn"}, "新乡市卫滨区人民政府", true},
	{store.Agency{Name: "卫滨区财政局", Level: "county_department", ReviewOrgan: "新乡市卫滨区人民政府", LetterPrefix: "卫财依公"}, "新乡市卫滨区人民政府", true},
	{store.Agency{Name: "卫滨区自然资源局", Level: "county_department", ReviewOrgan: "新乡市卫滨区人民政府", LetterPrefix: "卫自然依公"}, "新乡市卫滨区人民政府", true},
	{store.Agency{Name: "卫滨区卫生健康委员会", Level: "county_department", ReviewOrgan: "新乡市卫滨区人民政府", LetterPrefix: "卫卫健依公"}, "新乡市卫滨区人民政府", false},
	{store.Agency{Name: "卫滨区住房和城乡建设局", Level: "county_department", ReviewOrgan: "新乡市卫滨区人民政府", LetterPrefix: "卫建依公"}, "新乡市卫滨区人民政府", false},
	{store.Agency{Name: "卫滨区平原镇人民政府", Level: "township", ReviewOrgan: "新乡市卫滨区人民政府", LetterPrefix: "平原依公"}, "新乡市卫滨区人民政府", false},
	{store.Agency{Name: "新乡市红旗区人民政府", Level: "county", ReviewOrgan: "新乡市人民政府", LetterPrefix: "红政依公"}, "新乡市人民政府", false},
	{store.Agency{Name: "红旗区教育局", Level: "county_department", ReviewOrgan: "新乡市红旗区人民政府", LetterPrefix: "红教依公"}, "新乡市红旗区人民政府", true},
	{store.Agency{Name: "红旗区财政局", Level: "county_department", ReviewOrgan: "新乡市红旗区人民政府", LetterPrefix: "红财依公"}, "新乡市红旗区人民政府", false},
	{store.Agency{Name: "红旗区自然资源局", Level: "county_department", ReviewOrgan: "新乡市红旗区人民政府", LetterPrefix: "红自然依公"}, "新乡市红旗区人民政府", false},
	{store.Agency{Name: "红旗区住房和城乡建设局", Level: "county_department", ReviewOrgan: "新乡市红旗区人民政府", LetterPrefix: "红建依公"}, "新乡市红旗区人民政府", false},
	{store.Agency{Name: "红旗区洪门镇人民政府", Level: "township", ReviewOrgan: "新乡市红旗区人民政府", LetterPrefix: "洪门依公"}, "新乡市红旗区人民政府", false},
	{store.Agency{Name: "新乡县人民政府", Level: "county", ReviewOrgan: "新乡市人民政府", LetterPrefix: "新县政依公"}, "新乡市人民政府", false},
	{store.Agency{Name: "新乡县教育局", Level: "county_department", ReviewOrgan: "新乡县人民政府", LetterPrefix: "新县教依公"}, "新乡县人民政府", false},
	{store.Agency{Name: "新乡县财政局", Level: "county_department", ReviewOrgan: "新乡县人民政府", LetterPrefix: "新县财依公"}, "新乡县人民政府", false},
	{store.Agency{Name: "新乡县自然资源局", Level: "county_department", ReviewOrgan: "新乡县人民政府", LetterPrefix: "新县自然依公"}, "新乡县人民政府", true},
	{store.Agency{Name: "新乡县七里营镇人民政府", Level: "township", ReviewOrgan: "新乡县人民政府", LetterPrefix: "七里营依公"}, "新乡县人民政府", false},
	{store.Agency{Name: "国家税务总局新乡市税务局", Level: "vertical", ReviewOrgan: "国家税务总局河南省税务局", LetterPrefix: "新税依公"}, "", false},
	{store.Agency{Name: "新乡市市场监督管理局", Level: "city_department", ReviewOrgan: "新乡市人民政府", LetterPrefix: "新市监依公"}, "新乡市人民政府", false},
	{store.Agency{Name: "新乡市公安局", Level: "city_department", ReviewOrgan: "新乡市人民政府", LetterPrefix: "新公依公"}, "新乡市人民政府", false},
}

var requests = []string{
	"2025年本区义务教育阶段学区划分方案", "区财政2025年部门预算及“三公”经费", "某小区规划许可及总平面图",
	"2024年度校外培训机构行政处罚决定书", "本区体育场馆免费开放名单", "某地块土地征收补偿安置方案",
	"区政府常务会议纪要（2025年第3次）", "2025年教师招聘考试成绩及录用名单", "某路段道路改造工程招标文件",
}

var names = []string{"王某", "李某", "张某", "刘某", "陈某", "杨某", "赵某", "黄某", "某科技有限公司", "某律师事务所", "某大学城市研究中心", "某环保公益协会"}

// Seed writes the demo agencies, API keys and applications. now is the
// present; every application is dated before it.
func Seed(ctx context.Context, s *store.Store, cal *workday.Calendar, cfg casework.Config, now time.Time) (Keys, error) {
	var keys Keys
	ids := map[string]int64{}
	var withCases []string
	for _, x := range agencies {
		a := x.Agency
		if x.Parent != "" {
			p := ids[x.Parent]
			a.ParentID = &p
		}
		if err := s.CreateAgency(ctx, &a); err != nil {
			return keys, err
		}
		ids[a.Name] = a.ID
		if x.Cases {
			withCases = append(withCases, a.Name)
		}
	}
	hash, err := org.HashPassword(Password)
	if err != nil {
		return keys, err
	}
	roles := map[string]casework.Role{"clerk": casework.Clerk, "head": casework.Approver, "finance": casework.Clerk, "district": casework.Supervisor,
		"admin": casework.Admin, "city": casework.Supervisor}
	for _, l := range Logins {
		u := &org.User{AgencyID: ids[l.Agency], Login: l.Login, Name: l.Name, Role: roles[l.Login]}
		if err := s.CreateUser(ctx, u, hash); err != nil {
			return keys, err
		}
	}
	main := ids["卫滨区教育体育和文化旅游局"]
	seed, err := report.Load("weibin-2024.yaml", seedReport)
	if err != nil {
		return keys, err
	}
	// saved in the January after the year, as a punctual agency would
	clockNow := s.Now
	s.Now = func() time.Time { return time.Date(seed.Year+1, 1, 20, 10, 0, 0, 0, time.UTC) }
	err = s.SaveReport(ctx, main, seed, "演示数据")
	if err == nil {
		s.Now = func() time.Time { return time.Date(seed.Year+1, 1, 22, 9, 0, 0, 0, time.UTC) }
		err = s.SubmitReport(ctx, main, seed.Year, "李主任")
	}
	s.Now = clockNow
	if err != nil {
		return keys, err
	}
	keys.Agency = "卫滨区教育体育和文化旅游局"
	if keys.Clerk, err = s.CreateAPIKey(ctx, main, "演示办理人", casework.Clerk); err != nil {
		return keys, err
	}
	if keys.Approver, err = s.CreateAPIKey(ctx, main, "演示负责人", casework.Approver); err != nil {
		return keys, err
	}
	rng := rand.New(rand.NewPCG(2024, 11))
	today := workday.FromTime(now)
	restore := s.Now
	defer func() { s.Now = restore }()
	clerk := casework.Actor{Name: "张办理", Role: casework.Clerk}
	boss := casework.Actor{Name: "李主任", Role: casework.Approver}
	var appealed []appealed1
	for _, ag := range withCases {
		for i := 0; i < 40; i++ {
			// spread over two years, the last ones recent enough to be open
			back := 730 - i*18 + rng.IntN(10)
			rec, err := cal.NextWorkday(today - workday.Date(back))
			if err != nil || rec >= today {
				continue
			}
			day := func(d workday.Date) time.Time { return d.Time().Add(2 * time.Hour) }
			s.Now = func() time.Time { return day(rec) }
			in := intake(rng, rec, i)
			c, err := casework.NewCase(in, clerk, day(rec), cal)
			if err != nil {
				return keys, fmt.Errorf("demo intake: %w", err)
			}
			if err := s.CreateCase(ctx, ids[ag], c, cal, cfg); err != nil {
				return keys, err
			}
			step := func(a casework.Actor, st casework.Step) {
				if st.On >= today {
					return
				}
				s.Now = func() time.Time { return day(st.On) }
				s.ApplyStep(ctx, c.ID, st, a, cal, cfg) // a refused demo step just leaves the case where it is
			}
			add := func(d workday.Date, n int) workday.Date { x, _ := cal.Add(d, n); return x }
			switch i % 8 {
			case 0, 1, 2: // answered
				outcomes := []string{"disclosed", "already_public", "partly_disclosed", "not_exist", "not_this_agency", "third_party", "repeat", "process_info"}
				o := outcomes[rng.IntN(len(outcomes))]
				decided := add(rec, 5+rng.IntN(12))
				step(boss, casework.Step{Kind: casework.KindDecide, On: decided, Outcome: o, Referral: "新乡市卫滨区住房和城乡建设局，0373-5000000"})
				if ag == appealsAgency && decided+90 < today && len(appealed) < 3 {
					appealed = append(appealed, appealed1{c.ID, c.Intake.Applicant.Name, decided})
				}
			case 3: // 补正
				step(clerk, casework.Step{Kind: casework.KindRequestCorrection, On: add(rec, 2), Note: "请明确所需信息的名称、文号或者时间范围。"})
				if i%16 == 3 {
					step(clerk, casework.Step{Kind: casework.KindCorrectionReceived, On: add(rec, 6)})
				}
			case 4: // third party
				step(clerk, casework.Step{Kind: casework.KindConsult, On: add(rec, 3), Party: "某建设工程有限公司"})
				step(clerk, casework.Step{Kind: casework.KindConsultEnd, On: add(rec, 10)})
				step(boss, casework.Step{Kind: casework.KindExtend, On: add(rec, 18), Note: "所需信息涉及多个科室，需调取核实"})
			case 5: // fee
				step(clerk, casework.Step{Kind: casework.KindFeeNotice, On: add(rec, 4), Method: casework.FeeByPages, Pages: 150 + rng.IntN(300)})
			case 6: // withdrawn or left open
				if rng.IntN(2) == 0 {
					step(clerk, casework.Step{Kind: casework.KindWithdraw, On: add(rec, 3)})
				}
			}
		}
	}
	return keys, demoAppeals(ctx, s, ids[appealsAgency], appealed)
}

// appealsAgency keeps 复议/诉讼 records in the demo, so its 表四 is counted
// from them (卫滨区教育体育和文化旅游局 keeps the seed's typed 表四).
const appealsAgency = "卫滨区自然资源局"

type appealed1 struct {
	caseID    int64
	applicant string
	decided   workday.Date
}

// demoAppeals records, for answered applications, a 复议 upheld, a 复议
// corrected and a suit still pending.
func demoAppeals(ctx context.Context, s *store.Store, agencyID int64, cases []appealed1) error {
	for i, c := range cases {
		id := c.caseID
		a := &appeal.Record{AgencyID: agencyID, CaseID: &id, Applicant: c.applicant, FiledOn: c.decided + 20, CreatedBy: "演示数据"}
		switch i {
		case 0, 1:
			a.Kind, a.Body, a.Number = appeal.Review, "新乡市卫滨区人民政府", fmt.Sprintf("卫政复〔%d〕%d号", a.FiledOn.Year(), 11+i)
			on := a.FiledOn + 55
			a.ConcludedOn, a.Result = &on, []appeal.Result{appeal.Upheld, appeal.Corrected}[i]
		default:
			a.Kind, a.Body, a.Number = appeal.SuitDirect, "新乡市卫滨区人民法院", fmt.Sprintf("（%d）示例行初%d号", a.FiledOn.Year(), 30+i)
		}
		if err := s.AddAppeal(ctx, a); err != nil {
			return fmt.Errorf("demo appeal: %w", err)
		}
	}
	return nil
}

func intake(rng *rand.Rand, rec workday.Date, i int) casework.Intake {
	chs := []casework.Channel{casework.Online, casework.Online, casework.InPerson, casework.LetterSigned, casework.Email, casework.Fax, casework.LetterUnsigned}
	ch := chs[rng.IntN(len(chs))]
	in := casework.Intake{Channel: ch, Request: casework.Request{Description: requests[rng.IntN(len(requests))], Form: "电子", Delivery: "电子邮件"}}
	in.SetReceivedOn(rec)
	n := names[rng.IntN(len(names))]
	a := casework.Applicant{Name: n, Phone: fmt.Sprintf("138%08d", rng.IntN(1e8)), Address: "新乡市卫滨区某路1号"}
	switch {
	case len([]rune(n)) <= 2:
		a.Type, a.IDType, a.IDNum = "natural", "身份证", "11010519491231002X"
	case n == "某科技有限公司":
		a.Type, a.IDType, a.IDNum = "business", "统一社会信用代码", "91110000100011743X"
	case n == "某律师事务所":
		a.Type, a.IDType, a.IDNum = "legal_service", "统一社会信用代码", "91350100M000100Y43"
	case n == "某大学城市研究中心":
		a.Type = "research"
	default:
		a.Type = "public_interest"
	}
	in.Applicant = a
	return in
}
