// Package demo fills a database with a small, realistic set of agencies and
// their work, for `gongkai serve --demo` and `gongkai demo init`. It tells
// the seed report's story (卫滨区教育体育和文化旅游局 in 2024) and, for the
// present, generates data relative to today: a few applications due in the
// next days, one overdue, some waiting for the applicant, so that the demo
// never ages into a list of cases hundreds of days late.
package demo

import (
	"context"
	_ "embed"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/clock"
	"gongkai/internal/ops"
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

// Main is the agency of the seed report, whose clerk the demo signs in as.
const Main = "卫滨区教育体育和文化旅游局"

// Logins are the demo users, printed at start.
var Logins = []struct{ Login, Agency, Name, Desc string }{
	{"clerk", Main, "张办理", "教体文旅局办理人"},
	{"head", Main, "李主任", "教体文旅局公开工作机构负责人"},
	{"reviewer", Main, "王审核", "教体文旅局股室负责人（初审）"},
	{"deputy", Main, "陈分管", "教体文旅局分管领导（复审）"},
	{"finance", "卫滨区财政局", "王办理", "财政局办理人"},
	{"district", "新乡市卫滨区人民政府", "赵科长", "区政府办公室（主管部门，可查看全区）"},
	{"admin", "河南省人民政府", "系统管理员", "系统管理员（用户、机关、节假日、办理规则）"},
	{"city", "新乡市人民政府", "钱处长", "市政府办公室（主管部门，可查看全市）"},
}

var loginRoles = map[string]casework.Role{"clerk": casework.Clerk, "head": casework.Approver, "reviewer": casework.Clerk, "deputy": casework.Approver, "finance": casework.Clerk,
	"district": casework.Supervisor, "admin": casework.Admin, "city": casework.Supervisor}

// Keys are the demo API keys, printed at start.
type Keys struct {
	Agency   string
	Clerk    string
	Approver string
}

// agencies is the demo hierarchy: a province, a city, its districts and
// counties, their departments and townships, parent first. History marks
// the agencies with two years of applications.
var agencies = []struct {
	org.Agency
	Parent  string
	History bool
}{
	{org.Agency{Name: "河南省人民政府", Level: "province", ReviewOrgan: "河南省人民政府", LetterPrefix: "豫政依公"}, "", false},
	{org.Agency{Name: "河南省教育厅", Level: "province_department", ReviewOrgan: "河南省人民政府", LetterPrefix: "豫教依公"}, "河南省人民政府", false},
	{org.Agency{Name: "河南省自然资源厅", Level: "province_department", ReviewOrgan: "河南省人民政府", LetterPrefix: "豫自然依公"}, "河南省人民政府", false},
	{org.Agency{Name: "新乡市人民政府", Level: "city", ReviewOrgan: "河南省人民政府", LetterPrefix: "新政依公"}, "河南省人民政府", false},
	{org.Agency{Name: "新乡市教育局", Level: "city_department", ReviewOrgan: "新乡市人民政府", LetterPrefix: "新教依公"}, "新乡市人民政府", true},
	{org.Agency{Name: "新乡市财政局", Level: "city_department", ReviewOrgan: "新乡市人民政府", LetterPrefix: "新财依公"}, "新乡市人民政府", false},
	{org.Agency{Name: "新乡市自然资源和规划局", Level: "city_department", ReviewOrgan: "新乡市人民政府", LetterPrefix: "新自然依公"}, "新乡市人民政府", true},
	{org.Agency{Name: "新乡市生态环境局", Level: "city_department", ReviewOrgan: "新乡市人民政府", LetterPrefix: "新环依公"}, "新乡市人民政府", false},
	{org.Agency{Name: "新乡市住房和城乡建设局", Level: "city_department", ReviewOrgan: "新乡市人民政府", LetterPrefix: "新建依公"}, "新乡市人民政府", false},
	{org.Agency{Name: "新乡市卫滨区人民政府", Level: "county", ReviewOrgan: "新乡市人民政府", LetterPrefix: "卫政依公"}, "新乡市人民政府", true},
	{org.Agency{Name: Main, Level: "county_department", ReviewOrgan: "新乡市卫滨区人民政府", UpperDepartment: "新乡市教育局", LetterPrefix: "卫教体依公",
		Address: "新乡市卫滨区自由路（示例地址）", Phone: "0373-0000000", Fax: "0373-0000001", Hours: "法定工作日 上午8:30—12:00，下午14:30—17:30",
		Email: "gongkai@example.gov.cn", Code: "MB1234567", ArchivePattern: casework.ArchiveExample,
		ApplyNote: "本局掌握全区教育、体育、文化和旅游管理工作中制作或者获取的政府信息。\n学生学籍、成绩、毕业证书等个人信息，请向就读或者毕业的学校咨询办理。\n学校用地、规划等信息，请向卫滨区自然资源局申请。"}, "新乡市卫滨区人民政府", false},
	{org.Agency{Name: "卫滨区财政局", Level: "county_department", ReviewOrgan: "新乡市卫滨区人民政府", LetterPrefix: "卫财依公"}, "新乡市卫滨区人民政府", true},
	{org.Agency{Name: "卫滨区自然资源局", Level: "county_department", ReviewOrgan: "新乡市卫滨区人民政府", LetterPrefix: "卫自然依公"}, "新乡市卫滨区人民政府", true},
	{org.Agency{Name: "卫滨区卫生健康委员会", Level: "county_department", ReviewOrgan: "新乡市卫滨区人民政府", LetterPrefix: "卫卫健依公"}, "新乡市卫滨区人民政府", false},
	{org.Agency{Name: "卫滨区住房和城乡建设局", Level: "county_department", ReviewOrgan: "新乡市卫滨区人民政府", LetterPrefix: "卫建依公"}, "新乡市卫滨区人民政府", false},
	{org.Agency{Name: "卫滨区平原镇人民政府", Level: "township", ReviewOrgan: "新乡市卫滨区人民政府", LetterPrefix: "平原依公"}, "新乡市卫滨区人民政府", false},
	{org.Agency{Name: "新乡市红旗区人民政府", Level: "county", ReviewOrgan: "新乡市人民政府", LetterPrefix: "红政依公"}, "新乡市人民政府", false},
	{org.Agency{Name: "红旗区教育局", Level: "county_department", ReviewOrgan: "新乡市红旗区人民政府", LetterPrefix: "红教依公"}, "新乡市红旗区人民政府", true},
	{org.Agency{Name: "红旗区财政局", Level: "county_department", ReviewOrgan: "新乡市红旗区人民政府", LetterPrefix: "红财依公"}, "新乡市红旗区人民政府", false},
	{org.Agency{Name: "红旗区自然资源局", Level: "county_department", ReviewOrgan: "新乡市红旗区人民政府", LetterPrefix: "红自然依公"}, "新乡市红旗区人民政府", false},
	{org.Agency{Name: "红旗区住房和城乡建设局", Level: "county_department", ReviewOrgan: "新乡市红旗区人民政府", LetterPrefix: "红建依公"}, "新乡市红旗区人民政府", false},
	{org.Agency{Name: "红旗区洪门镇人民政府", Level: "township", ReviewOrgan: "新乡市红旗区人民政府", LetterPrefix: "洪门依公"}, "新乡市红旗区人民政府", false},
	{org.Agency{Name: "新乡县人民政府", Level: "county", ReviewOrgan: "新乡市人民政府", LetterPrefix: "新县政依公"}, "新乡市人民政府", false},
	{org.Agency{Name: "新乡县教育局", Level: "county_department", ReviewOrgan: "新乡县人民政府", LetterPrefix: "新县教依公"}, "新乡县人民政府", false},
	{org.Agency{Name: "新乡县财政局", Level: "county_department", ReviewOrgan: "新乡县人民政府", LetterPrefix: "新县财依公"}, "新乡县人民政府", false},
	{org.Agency{Name: "新乡县自然资源局", Level: "county_department", ReviewOrgan: "新乡县人民政府", LetterPrefix: "新县自然依公"}, "新乡县人民政府", true},
	{org.Agency{Name: "新乡县七里营镇人民政府", Level: "township", ReviewOrgan: "新乡县人民政府", LetterPrefix: "七里营依公"}, "新乡县人民政府", false},
	{org.Agency{Name: "国家税务总局新乡市税务局", Level: "vertical", ReviewOrgan: "国家税务总局河南省税务局", LetterPrefix: "新税依公"}, "", false},
	{org.Agency{Name: "新乡市市场监督管理局", Level: "city_department", ReviewOrgan: "新乡市人民政府", LetterPrefix: "新市监依公"}, "新乡市人民政府", false},
	{org.Agency{Name: "新乡市公安局", Level: "city_department", ReviewOrgan: "新乡市人民政府", LetterPrefix: "新公依公"}, "新乡市人民政府", false},
}

var requests = []string{
	"本区义务教育阶段学区划分方案", "区财政部门预算及“三公”经费", "某小区规划许可及总平面图",
	"校外培训机构行政处罚决定书", "本区体育场馆免费开放名单", "某地块土地征收补偿安置方案",
	"区政府常务会议纪要", "教师招聘考试成绩及录用名单", "某路段道路改造工程招标文件",
}

var names = []string{"王某", "李某", "张某", "刘某", "陈某", "杨某", "赵某", "黄某", "某科技有限公司", "某律师事务所", "某大学城市研究中心", "某环保公益协会"}

// seeder writes the demo through the operations, each at the moment it happened.
type seeder struct {
	ctx   context.Context
	o     *ops.Service
	cal   *workday.Calendar
	today workday.Date
	ids   map[string]int64
	users map[string]int64 // demo logins' user ids
	rng   *rand.Rand
	// refused counts the demo steps the process refused (a period running
	// into a year whose holiday notice is not published yet).
	refused int
}

// at is the service as of 10:00 Beijing time on day d.
func (sd *seeder) at(d workday.Date) *ops.Service {
	t := d.Time()
	return sd.o.At(clock.AtIn(sd.o.Clock.Location(), time.Date(t.Year(), t.Month(), t.Day(), 10, 0, 0, 0, sd.o.Clock.Location())))
}

func (sd *seeder) add(d workday.Date, n int) workday.Date {
	x, err := sd.cal.Add(d, n)
	if err != nil {
		return d + workday.Date(n*7/5)
	}
	return x
}

// back is the working day n working days before today.
func (sd *seeder) back(n int) workday.Date {
	d := sd.today
	for n > 0 {
		d--
		if ok, err := sd.cal.IsWorkday(d); ok || err != nil {
			n--
		}
	}
	return d
}

// Seed writes the demo agencies, users, keys, the seed report and the
// applications, as of the service's clock.
func Seed(ctx context.Context, o *ops.Service) (Keys, error) {
	cal, err := o.Calendar(ctx)
	if err != nil {
		return Keys{}, err
	}
	sd := &seeder{ctx: ctx, o: o, cal: cal, today: o.Clock.Today(), ids: map[string]int64{}, users: map[string]int64{}, rng: rand.New(rand.NewPCG(2024, 11))}
	keys, err := sd.organisation()
	if err != nil {
		return keys, err
	}
	if err := sd.seedReport(); err != nil {
		return keys, err
	}
	if err := sd.mainAgency(); err != nil {
		return keys, err
	}
	if err := sd.catalog(); err != nil {
		return keys, err
	}
	if err := sd.accounts(); err != nil {
		return keys, err
	}
	if err := sd.documents(); err != nil {
		return keys, err
	}
	if err := sd.ledger(); err != nil {
		return keys, err
	}
	var appealed []appealed1
	for _, x := range agencies {
		if x.History {
			got, err := sd.history(x.Name)
			if err != nil {
				return keys, err
			}
			if x.Name == appealsAgency {
				appealed = got
			}
		}
	}
	return keys, sd.appeals(appealed)
}

// organisation creates the agencies, the users and the API keys.
func (sd *seeder) organisation() (Keys, error) {
	keys := Keys{Agency: Main}
	hash, err := org.HashPassword(Password)
	if err != nil {
		return keys, err
	}
	err = sd.o.Store.InTx(sd.ctx, func(tx *store.Tx) error {
		for _, x := range agencies {
			a := x.Agency
			if x.Parent != "" {
				p := sd.ids[x.Parent]
				a.ParentID = &p
			}
			if err := tx.CreateAgency(sd.ctx, &a); err != nil {
				return fmt.Errorf("demo agency %s: %w", a.Name, err)
			}
			sd.ids[a.Name] = a.ID
		}
		for _, l := range Logins {
			u := &org.User{AgencyID: sd.ids[l.Agency], Login: l.Login, Name: l.Name, Role: loginRoles[l.Login]}
			if err := tx.CreateUser(sd.ctx, u, hash); err != nil {
				return err
			}
			sd.users[l.Login] = u.ID
			if l.Login == "clerk" || l.Login == "head" || l.Login == "finance" {
				// .example is reserved (RFC 2606): a demo run with --smtp
				// never mails a real person
				if err := tx.SetEmail(sd.ctx, u.ID, l.Login+"@weibin-demo.example"); err != nil {
					return err
				}
			}
		}
		var err error
		if keys.Clerk, err = tx.CreateAPIKey(sd.ctx, sd.ids[Main], "演示办理人", casework.Clerk); err != nil {
			return err
		}
		keys.Approver, err = tx.CreateAPIKey(sd.ctx, sd.ids[Main], "演示负责人", casework.Approver)
		return err
	})
	return keys, err
}

// staff are the people of an agency who act in the demo.
func (sd *seeder) staff(agency string) (clerk, head ops.Principal) {
	id := sd.ids[agency]
	clerk = ops.Principal{AgencyID: id, Name: "张办理", Role: casework.Clerk, Via: "web"}
	head = ops.Principal{AgencyID: id, Name: "李主任", Role: casework.Approver, Via: "web"}
	if agency == Main { // the people who sign in: their actions are theirs
		clerk.UserID, head.UserID = sd.users["clerk"], sd.users["head"]
	}
	return clerk, head
}

// person is a demo login of the main agency as a principal.
func (sd *seeder) person(login string) ops.Principal {
	for _, l := range Logins {
		if l.Login == login {
			return ops.Principal{UserID: sd.users[login], AgencyID: sd.ids[l.Agency], Name: l.Name, Role: loginRoles[login], Via: "web"}
		}
	}
	panic("demo: no login " + login)
}

// seedReport saves and submits the seed report of 2024, in the January
// after its year, as a punctual agency would.
func (sd *seeder) seedReport() error {
	seed, err := report.Load("weibin-2024.yaml", seedReport)
	if err != nil {
		return err
	}
	clerk, head := sd.staff(Main)
	saved := workday.NewDate(seed.Year+1, 1, 20)
	// written as published, errors and all (the operations would refuse to
	// submit it: it is the auditor's example), with the audit lines the
	// operations write
	logged := func(tx *store.Tx, p ops.Principal, action audit.Action) error {
		return tx.Audit(sd.ctx, audit.Entry{UserID: p.UserID, AgencyID: sd.ids[Main], Actor: p.Name, Action: action,
			Object: strconv.Itoa(seed.Year), Detail: "演示数据：按发布时的原文"})
	}
	var version int
	err = sd.at(saved).Store.InTx(sd.ctx, func(tx *store.Tx) (err error) {
		if version, err = tx.SaveReportAs(sd.ctx, sd.ids[Main], seed, clerk.Name, report.StateChecked, ""); err != nil {
			return err
		}
		return logged(tx, clerk, "report.save")
	})
	if err != nil {
		return err
	}
	err = sd.at(saved+1).Store.InTx(sd.ctx, func(tx *store.Tx) error {
		if err := tx.SetReportState(sd.ctx, sd.ids[Main], seed.Year, version, report.StateApproved, head.Name, 0); err != nil {
			return err
		}
		return logged(tx, head, "report.approve")
	})
	if err != nil {
		return err
	}
	err = sd.at(saved+2).Store.InTx(sd.ctx, func(tx *store.Tx) error {
		if err := tx.SubmitReport(sd.ctx, sd.ids[Main], seed.Year, version, head.Name); err != nil {
			return err
		}
		return logged(tx, head, "report.submit")
	})
	if err != nil {
		return err
	}
	_, err = sd.at(saved+3).PublishReport(sd.ctx, clerk, seed.Year, version)
	return err
}

func (sd *seeder) intake(rec workday.Date, i int) casework.Intake {
	rng := sd.rng
	chs := []casework.Channel{casework.Online, casework.Online, casework.InPerson, casework.LetterSigned, casework.Email, casework.Fax, casework.LetterUnsigned}
	in := casework.Intake{Channel: chs[rng.IntN(len(chs))], Request: casework.Request{Description: requests[rng.IntN(len(requests))], Form: "电子", Delivery: "电子邮件"}}
	in.SetReceivedOn(rec)
	n := names[(i+rng.IntN(3))%len(names)]
	a := casework.Applicant{Name: n, Phone: fmt.Sprintf("138%08d", rng.IntN(1e8)), Email: "applicant@example.cn", Address: "新乡市卫滨区某路1号"}
	switch {
	case len([]rune(n)) <= 2:
		a.Type, a.IDType, a.IDNum = "natural", "身份证", "11010519491231002X"
	case n == "某科技有限公司":
		a.Type, a.IDType, a.IDNum = "business", "统一社会信用代码", "91110000100011743X"
	case n == "某律师事务所":
		a.Type, a.IDType, a.IDNum = "legal_service", "统一社会信用代码", "91350100M000100Y43"
	case n == "某大学城市研究中心":
		a.Type, a.IDType, a.IDNum = "research", "统一社会信用代码", "12410700416000012P"
	default:
		a.Type, a.IDType, a.IDNum = "public_interest", "统一社会信用代码", "53410700516000028F"
	}
	in.Applicant = a
	return in
}

// register records an application received on rec.
func (sd *seeder) register(agency string, in casework.Intake, rec workday.Date) (*casework.Case, error) {
	clerk, _ := sd.staff(agency)
	c, err := sd.at(rec).Register(sd.ctx, clerk, sd.ids[agency], in)
	if err != nil {
		return nil, fmt.Errorf("demo intake %s: %w", agency, err)
	}
	return c, nil
}

// step records a step on its day; one the process refuses (a period that
// runs into a year without a notice) leaves the case where it is.
func (sd *seeder) step(c *casework.Case, p ops.Principal, st casework.Step) {
	if st.On > sd.today {
		return
	}
	if _, err := sd.at(st.On).AddStep(sd.ctx, p, c.ID, st); err != nil {
		sd.refused++ // the case stays where it is, as a real one would
	}
}
