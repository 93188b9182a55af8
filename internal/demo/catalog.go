package demo

import (
	"fmt"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/newmedia"
	"gongkai/internal/ops"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// The seed's 主动公开 (section 一): 145 posts on the bureau's WeChat account
// in 2024, 46 items in the website's 部门动态 and 义务教育 columns, all
// through 三审三校, and 17 accounts of the district's education system
// inspected daily and weekly.

// ownAccount is the bureau's own WeChat account.
const ownAccount = "卫滨教体"

// posts2024 are its posts per month of 2024: 145 in all.
var posts2024 = [12]int{9, 8, 12, 13, 14, 11, 10, 9, 15, 14, 13, 17}

var schools = []string{"卫滨区实验小学", "卫滨区第一中学", "卫滨区第二中学", "卫滨区育才小学", "卫滨区南关小学", "卫滨区平原镇中心学校",
	"卫滨区铁路小学", "卫滨区胜利路小学", "卫滨区自由路小学", "卫滨区健康路小学", "卫滨区中同街小学", "卫滨区解放路幼儿园",
	"卫滨区实验幼儿园", "卫滨区少年宫", "卫滨区青少年校外活动中心", "卫滨区教师发展中心"}

var deptNews = []string{"区教体文旅局召开2024年教育工作会议", "我区开展中小学校园安全大检查", "区教体文旅局部署寒假安全教育工作",
	"我区举办中小学生剪纸艺术展", "区教体文旅局开展师德师风专题教育", "我区校园足球联赛开幕", "区教体文旅局召开学校心理健康教育推进会",
	"我区开展“信用法治进校园”活动", "区教体文旅局组织教师志愿者开展扶贫实践", "我区举办青少年科技创新大赛", "区教体文旅局开展食品安全专项检查",
	"我区教师获评见义勇为先进个人", "区教体文旅局召开防溺水安全工作会议", "我区举行教师节表彰大会", "区教体文旅局开展校外培训机构联合检查",
	"我区中小学开展读书月活动", "区教体文旅局部署秋季开学工作", "我区举办中小学生田径运动会", "区教体文旅局开展校园消防演练",
	"我区推进“双减”工作取得新进展", "区教体文旅局召开教育系统安全生产会议", "我区开展文明校园创建活动", "区教体文旅局组织开展教学质量分析会",
	"我区举办“红色经典”诵读比赛", "区教体文旅局开展冬季校园安全隐患排查", "我区中小学生在市级艺术展演中获奖", "区教体文旅局召开政务公开工作推进会",
	"我区开展全民健身进社区活动", "区教体文旅局开展文旅市场安全检查", "我区举办非遗文化进校园活动"}

var compulsory = []string{"卫滨区2024年义务教育阶段学校招生入学工作实施方案", "关于做好2024年义务教育招生入学工作的通知", "卫滨区2024年小学一年级学区划分范围",
	"卫滨区2024年初中一年级招生学区划分范围", "卫滨区2024年义务教育阶段随迁子女入学办法", "卫滨区2024年义务教育学校招生咨询电话",
	"卫滨区2024年春季学期中小学课后服务工作安排", "卫滨区2024年义务教育阶段学生资助政策", "卫滨区2024年秋季学期教材征订目录",
	"卫滨区2024年义务教育阶段学校作息时间安排", "卫滨区2024年义务教育质量监测工作安排", "卫滨区2024年中小学寒暑假放假时间安排",
	"卫滨区2024年义务教育阶段学校收费项目和标准公示", "卫滨区2024年特殊教育学校招生公告", "卫滨区2024年义务教育学校教师交流轮岗方案",
	"卫滨区2024年义务教育阶段学籍管理工作通知"}

// catalog seeds the website columns, the 2024 items and this year's.
func (sd *seeder) catalog() error {
	clerk := sd.person("clerk")
	for _, c := range []newmedia.Column{{Name: "部门动态", Kind: "dynamic"}, {Name: "义务教育", Kind: "dynamic"},
		{Name: "通知公告", Kind: "notice"}, {Name: catalog.ReportColumn, Kind: "static"}} {
		if _, err := sd.at(workday.NewDate(2024, 1, 2)).SaveColumn(sd.ctx, clerk, c, ""); err != nil {
			return fmt.Errorf("demo column: %w", err)
		}
	}
	// 46 items over 2024, each published a few working days after it was formed
	year := workday.NewDate(2024, 1, 3)
	titles := append(append([]string{}, deptNews...), compulsory...)
	for i, t := range titles {
		col, cat := "部门动态", ""
		if i >= len(deptNews) {
			col, cat = "义务教育", "11"
		}
		formed := sd.add(year, (i*241)/len(titles))
		it := catalog.Item{Title: t, Summary: summaryOf(t, col), FormedOn: formed, Genre: genreOf(t), Category: cat, Column: col,
			Topic: "科技、教育", Body: bodyOf(t), Keywords: "教育"}
		if err := sd.publish(it, formed, 2+i%6); err != nil {
			return err
		}
	}
	return sd.currentItems()
}

func summaryOf(title, col string) string {
	if col == "义务教育" {
		return "公布" + title + "的主要内容，供学生家长和社会公众查阅。"
	}
	return "报道" + title + "的有关情况。"
}

func genreOf(title string) string {
	for _, g := range []string{"通知", "方案", "公告", "办法"} {
		if strings.Contains(title, g) {
			return g
		}
	}
	if strings.HasPrefix(title, "卫滨区2024") {
		return "其他"
	}
	return "工作动态"
}

func bodyOf(title string) string {
	return title + "。\n\n为做好相关工作，现将有关事项公布如下。具体内容详见附件，如有疑问请拨打区教体文旅局办公室电话0373-0000000咨询。"
}

// publish takes an item through 三审三校 and publication, each step on a
// working day after formed; the last step is `after` working days in.
func (sd *seeder) publish(it catalog.Item, formed workday.Date, after int) error {
	clerk, reviewer, deputy, head := sd.person("clerk"), sd.person("reviewer"), sd.person("deputy"), sd.person("head")
	it.Attribute, it.Checklist = catalog.Active, checklistAll()
	v, err := sd.at(formed).CreateItem(sd.ctx, clerk, it)
	if err != nil {
		return fmt.Errorf("demo item %s: %w", it.Title, err)
	}
	return sd.review(v.Item.ID, formed, after, clerk, reviewer, deputy, head, true)
}

// review walks an item from draft through the reviews given (nil stops
// there) and, when publish is set, publishes it.
func (sd *seeder) review(id int64, formed workday.Date, after int, clerk, r1, r2, r3 ops.Principal, publish bool) error {
	day := func(k int) workday.Date { return sd.add(formed, max(1, k*after/8)) }
	steps := []func(d workday.Date) error{
		func(d workday.Date) error { _, err := sd.at(d).SubmitItem(sd.ctx, clerk, id, 0); return err },
	}
	for i, r := range []ops.Principal{r1, r2, r3} {
		if r.Name == "" {
			break
		}
		proofer := []ops.Principal{clerk, r1, r2}[i]
		steps = append(steps,
			func(d workday.Date) error {
				_, err := sd.at(d).ProofItem(sd.ctx, proofer, id, 0, []string{"核对标题、文号和日期，未发现问题。", "核对正文表述，未发现错别字。", "核对附件与正文一致，未发现问题。"}[i], ops.ProofEdits{})
				return err
			},
			func(d workday.Date) error {
				_, err := sd.at(d).ReviewItem(sd.ctx, r, id, 0, catalog.Pass, "")
				return err
			})
	}
	if publish {
		steps = append(steps, func(d workday.Date) error { _, err := sd.at(d).PublishItem(sd.ctx, clerk, id, 0); return err })
	}
	for k, step := range steps {
		d := day(k)
		if d > sd.today {
			d = sd.today
		}
		if err := step(d); err != nil {
			return fmt.Errorf("demo review of item %d: %w", id, err)
		}
	}
	return nil
}

func checklistAll() []string {
	var out []string
	for _, c := range catalog.Checklist {
		out = append(out, c.ID)
	}
	return out
}

// currentItems gives this year a few published items, one waiting for 复审,
// one draft due within days and one overdue, dated from today.
func (sd *seeder) currentItems() error {
	clerk, reviewer := sd.person("clerk"), sd.person("reviewer")
	y := sd.today.Year()
	for i, t := range []string{"区教体文旅局开展秋季学期开学安全检查", "我区举办中小学生运动会", "区教体文旅局召开教育系统安全生产会议",
		"我区开展校园食品安全专项整治"} {
		formed := sd.back(30 - i*6)
		it := catalog.Item{Title: t, Summary: "报道" + t + "的有关情况。", FormedOn: formed, Genre: "工作动态", Column: "部门动态", Topic: "科技、教育", Body: bodyOf(t)}
		if err := sd.publish(it, formed, 4); err != nil {
			return err
		}
	}
	// waiting for 复审: proof-read and passed 初审
	formed := sd.back(6)
	it := catalog.Item{Title: fmt.Sprintf("卫滨区%d年义务教育阶段学校招生入学工作实施方案", y+1), Summary: "公布下一学年义务教育阶段学校招生入学的对象、学区划分、报名时间和办理流程。",
		FormedOn: formed, Genre: "方案", Category: "11", Column: "义务教育", Topic: "科技、教育", Attribute: catalog.Active, Checklist: checklistAll(),
		Body: "一、招生对象\n\n二、学区划分\n\n三、报名时间和办理流程\n\n四、咨询电话：0373-0000000"}
	v, err := sd.at(formed).CreateItem(sd.ctx, clerk, it)
	if err != nil {
		return err
	}
	if err := sd.review(v.Item.ID, formed, 3, clerk, reviewer, ops.Principal{}, ops.Principal{}, false); err != nil {
		return err
	}
	// a draft due within days, and one already late
	for _, d := range []struct {
		back  int
		title string
	}{{17, "卫滨区中小学校课后服务工作指引"}, {24, "卫滨区学生资助资金发放情况公示"}} {
		formed := sd.back(d.back)
		it := catalog.Item{Title: d.title, Summary: "公布" + d.title + "的有关内容。", FormedOn: formed, Genre: "其他", Category: "11", Column: "通知公告",
			Topic: "科技、教育", Attribute: catalog.Active, Body: d.title + "。"}
		if _, err := sd.at(formed).CreateItem(sd.ctx, clerk, it); err != nil {
			return err
		}
	}
	return nil
}

// accounts seeds the bureau's WeChat account and the 16 accounts of the
// district's schools it supervises, their posts from 2024 to this month,
// and the inspections of 2024 and of the last eight weeks.
func (sd *seeder) accounts() error {
	clerk := sd.person("clerk")
	opened := workday.NewDate(2019, 3, 12)
	var ids []int64
	for i := -1; i < len(schools); i++ {
		a := newmedia.Account{Platform: "wechat", Name: ownAccount, Sponsor: Main, Own: true, State: newmedia.Running}
		if i >= 0 {
			a = newmedia.Account{Platform: []newmedia.Platform{"wechat", "wechat", "douyin", "wechat"}[i%4], Name: schools[i], Sponsor: schools[i], State: newmedia.Running}
		}
		o := opened + workday.Date(37*(i+1))
		f := o + 10
		a.OpenedOn, a.FiledOn = &o, &f
		saved, err := sd.at(o).SaveAccount(sd.ctx, clerk, a, "")
		if err != nil {
			return fmt.Errorf("demo account %s: %w", a.Name, err)
		}
		ids = append(ids, saved.ID)
		if err := sd.posts(saved.ID, i); err != nil {
			return err
		}
	}
	return sd.inspections(ids)
}

// posts records an account's monthly posts from 2024 to this month; i < 0
// is the bureau's own account. School i's last post is a few days ago, the
// third school's 12 days ago (about to go stale).
func (sd *seeder) posts(id int64, i int) error {
	clerk := sd.person("clerk")
	var counts []newmedia.Posts
	thisMonth := newmedia.MonthOf(sd.today)
	for y := 2024; y <= sd.today.Year(); y++ {
		for m := 1; m <= 12; m++ {
			month := newmedia.Month(fmt.Sprintf("%d-%02d", y, m))
			if month > thisMonth {
				break
			}
			n := 3 + (i+m+y)%6
			if i < 0 {
				n = posts2024[m-1] + (y-2024)*(m%3)
			}
			counts = append(counts, newmedia.Posts{Month: month, Count: n, Source: "entered"})
		}
	}
	last := sd.today - workday.Date(1+(i+1)%4)
	if i == 2 {
		last = sd.today - 12
	}
	return sd.at(sd.today).RecordPosts(sd.ctx, clerk, id, counts, &last)
}

// inspections writes 日巡查 of the bureau's account on working days and 周普查
// of every account each Monday, in 2024 and in the last eight weeks; a few
// find problems, resolved within days (one recent one still open).
func (sd *seeder) inspections(ids []int64) error {
	periods := [][2]workday.Date{{workday.NewDate(2024, 1, 1), workday.NewDate(2024, 12, 31)}, {sd.today - 56, sd.today}}
	return sd.o.Store.InTx(sd.ctx, func(tx *store.Tx) error {
		n := 0
		for _, p := range periods {
			for d := p[0]; d <= p[1]; d++ {
				work, err := sd.cal.IsWorkday(d)
				if err != nil || !work {
					continue
				}
				for k, id := range ids {
					kind := newmedia.InspectionKind("")
					switch {
					case k == 0:
						kind = "daily"
					case d.Weekday() == 1:
						kind = "weekly"
					default:
						continue
					}
					n++
					in := newmedia.Inspection{AccountID: id, Kind: kind, On: d, Inspector: "张办理"}
					if n%97 == 0 {
						in.Problems, in.Note = []string{[]string{"typo", "broken_link", "slow_reply"}[n%3]}, "巡查发现的问题（示例）：第 "+fmt.Sprint(n%7+1)+" 条推文"
						if d+5 < sd.today {
							r := d + 3
							in.ResolvedOn, in.Resolution = &r, "已通知主办单位改正，复查已整改。"
						}
					}
					if err := tx.AddInspection(sd.ctx, &in); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
}

// documents gives 新乡市教育局 normative documents, so that its 表二 (一) counts
// something: two issued in 2024, one of them repealing an older one.
func (sd *seeder) documents() error {
	agency := "新乡市教育局"
	clerk, _ := sd.staff(agency)
	exp := workday.NewDate(2026, 12, 31)
	rep := workday.NewDate(2024, 9, 1)
	docs := []catalog.Document{
		{Kind: catalog.Normative, Title: "新乡市中小学校课后服务管理办法", DocNo: "新教〔2021〕12号", IssuedOn: workday.NewDate(2021, 8, 20), RepealedOn: &rep},
		{Kind: catalog.Normative, Title: "新乡市民办学校办学行为管理规定", DocNo: "新教〔2022〕5号", IssuedOn: workday.NewDate(2022, 3, 15), ExpiresOn: &exp},
		{Kind: catalog.Normative, Title: "新乡市中小学校课后服务工作实施办法", DocNo: "新教〔2024〕18号", IssuedOn: workday.NewDate(2024, 8, 25)},
		{Kind: catalog.Normative, Title: "新乡市义务教育阶段学校招生入学管理办法", DocNo: "新教〔2024〕9号", IssuedOn: workday.NewDate(2024, 4, 10)},
	}
	for _, d := range docs {
		if _, err := sd.at(d.IssuedOn).SaveDocument(sd.ctx, clerk, d, ""); err != nil {
			return fmt.Errorf("demo document %s: %w", d.DocNo, err)
		}
	}
	return nil
}

// ledger imports last year's 行政许可 and 行政处罚 decisions of the main
// agency as its clerk would, from a register file: 表二 of that year's draft
// counts them, and the 台账 page lists the import.
func (sd *seeder) ledger() error {
	y := sd.today.Year() - 1
	csv := fmt.Sprintf(`类别,决定书文号,作出决定日期,行政相对人,事项
许可,卫教体许〔%[1]d〕1号,%[1]d-03-06,新乡市卫滨区阳光幼儿园,民办学校办学许可
许可,卫教体许〔%[1]d〕2号,%[1]d-05-20,新乡市卫滨区启明培训学校,民办学校办学许可
许可,卫教体许〔%[1]d〕3号,%[1]d-08-28,新乡市卫滨区育才幼儿园,民办学校办学许可（变更）
处罚,卫教体罚〔%[1]d〕1号,%[1]d-07-15,新乡市卫滨区某校外培训机构,未经许可举办校外培训
`, y)
	res, err := sd.o.Import(sd.ctx, sd.person("clerk"), sd.ids[Main], ops.ImportRequest{Kind: ops.ImportDecisions,
		Name: fmt.Sprintf("%d年行政许可和处罚决定台账.csv", y), Data: []byte(csv), Commit: true})
	if err == nil && !res.Committed {
		err = fmt.Errorf("%d rows refused: %v", len(res.Bad), res.Bad)
	}
	if err != nil {
		return fmt.Errorf("demo ledger: %w", err)
	}
	return nil
}
