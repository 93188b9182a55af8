// Package catalog is 主动公开: the items of an agency's 政府信息公开目录 with
// their metadata (条例 Art. 12 and what disclosure platforms show), the
// 三审三校 review before anything is published, the Art. 26 publishing
// period, and the normative documents that make 表二 (一). No I/O: the
// clock, the calendar and the settings come in as values.
package catalog

import (
	"strings"
	"time"
	"unicode/utf8"

	"gongkai/internal/errs"
	"gongkai/internal/workday"
)

// State is where an item is in its life.
type State string

const (
	Draft     State = "draft"     // being written; only the author's agency sees it
	InReview  State = "review"    // in 三审: Stage says which review is next
	Approved  State = "approved"  // every review passed; ready to publish
	Published State = "published" // on the public catalog
	Withdrawn State = "withdrawn" // taken off the public catalog, with a reason
)

// States in the order of an item's life, with their Chinese names.
var States = []struct {
	ID   State
	Name string
}{
	{Draft, "草稿"}, {InReview, "审核中"}, {Approved, "待发布"}, {Published, "已发布"}, {Withdrawn, "已撤回"},
}

// StateName is the Chinese name of a state.
func StateName(s State) string {
	for _, x := range States {
		if x.ID == s {
			return x.Name
		}
	}
	return string(s)
}

// Attribute is the 公开属性, decided when the document is made.
type Attribute string

const (
	Active    Attribute = "active"     // 主动公开
	OnRequest Attribute = "on_request" // 依申请公开
	Withheld  Attribute = "withheld"   // 不予公开, with its ground
)

// Attributes with their Chinese names.
var Attributes = []struct {
	ID   Attribute
	Name string
}{
	{Active, "主动公开"}, {OnRequest, "依申请公开"}, {Withheld, "不予公开"},
}

// AttributeName is the Chinese name of an attribute.
func AttributeName(a Attribute) string {
	for _, x := range Attributes {
		if x.ID == a {
			return x.Name
		}
	}
	return string(a)
}

// Grounds for 不予公开, with the article that gives each (条例 Arts. 14–16;
// law.md §2.2).
var Grounds = []struct {
	ID, Name, Basis string
}{
	{"state_secret", "属于国家秘密", "《条例》第十四条"},
	{"law_forbids", "法律、行政法规禁止公开", "《条例》第十四条"},
	{"three_safety", "公开后可能危及国家安全、公共安全、经济安全、社会稳定", "《条例》第十四条"},
	{"third_party", "涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害", "《条例》第十五条"},
	{"internal", "属于人事管理、后勤管理、内部工作流程等内部事务信息", "《条例》第十六条第一款"},
	{"process", "属于讨论记录、过程稿、磋商信函、请示报告等过程性信息", "《条例》第十六条第二款"},
	{"enforcement", "属于行政执法案卷信息", "《条例》第十六条第二款"},
}

// GroundName is the Chinese text of a ground, "" when unknown.
func GroundName(id string) string {
	for _, g := range Grounds {
		if g.ID == id {
			return g.Name + "（" + g.Basis + "）"
		}
	}
	return ""
}

// Validity is the 有效性 a catalog page shows.
type Validity string

const (
	Valid    Validity = "valid"    // 有效
	Expired  Validity = "expired"  // 失效
	Repealed Validity = "repealed" // 废止
)

// Validities with their Chinese names.
var Validities = []struct {
	ID   Validity
	Name string
}{
	{Valid, "有效"}, {Expired, "失效"}, {Repealed, "废止"},
}

// ValidityName is the Chinese name.
func ValidityName(v Validity) string {
	for _, x := range Validities {
		if x.ID == v {
			return x.Name
		}
	}
	return string(v)
}

// Categories are the 15 items of 条例 Art. 20 (law.md §2.3), which an item
// may belong to; "" is information outside them (news of the agency's work).
var Categories = []struct {
	ID   string
	Name string
}{
	{"1", "（一）行政法规、规章和规范性文件"},
	{"2", "（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名"},
	{"3", "（三）国民经济和社会发展规划、专项规划、区域规划及相关政策"},
	{"4", "（四）国民经济和社会发展统计信息"},
	{"5", "（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果"},
	{"6", "（六）实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定"},
	{"7", "（七）财政预算、决算信息"},
	{"8", "（八）行政事业性收费项目及其依据、标准"},
	{"9", "（九）政府集中采购项目的目录、标准及实施情况"},
	{"10", "（十）重大建设项目的批准和实施情况"},
	{"11", "（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况"},
	{"12", "（十二）突发公共事件的应急预案、预警信息及应对情况"},
	{"13", "（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"},
	{"14", "（十四）公务员招考的职位、名额、报考条件等事项以及录用结果"},
	{"15", "（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"},
}

// CategoryName is the Chinese name of an Art. 20 category ("" for none).
func CategoryName(id string) string {
	for _, c := range Categories {
		if c.ID == id {
			return c.Name
		}
	}
	return ""
}

// Genres are the 体裁: the kinds of 公文 (《党政机关公文处理工作条例》 Art. 8)
// and what websites publish besides.
var Genres = []string{"通知", "公告", "通告", "意见", "决定", "命令（令）", "公报", "通报", "报告", "请示", "批复", "函", "纪要", "议案", "决议",
	"办法", "规定", "方案", "规划", "工作动态", "政策解读", "年度报告", "其他"}

// ReportColumn is the catalog column the annual reports are published in.
const ReportColumn = "政府信息公开工作年度报告"

// Item is one entry of the catalog.
type Item struct {
	ID       int64  `json:"id"`
	AgencyID int64  `json:"agency_id"`
	IndexNo  string `json:"index_no"` // 索引号, assigned when the item is created, never reused
	Title    string `json:"title"`    // 名称
	Summary  string `json:"summary"`  // 内容概述
	// FormedOn is the 生成日期: when the information was formed or last
	// changed; Art. 26 counts the 20 working days from it.
	FormedOn  workday.Date `json:"formed_on"`
	Publisher string       `json:"publisher"` // 发布机构
	DocNo     string       `json:"doc_no"`    // 文号
	Topic     string       `json:"topic"`     // 主题分类
	Genre     string       `json:"genre"`     // 体裁
	Category  string       `json:"category"`  // Art. 20 item, "" for none
	Column    string       `json:"column"`    // 栏目
	Attribute Attribute    `json:"attribute"` // 公开属性
	Ground    string       `json:"ground,omitempty"`
	Validity  Validity     `json:"validity"`
	Keywords  string       `json:"keywords"`
	Body      string       `json:"body"` // the document as text (paragraphs separated by blank lines)
	// Checklist holds the 保密审查 points the author has confirmed.
	Checklist []string `json:"checklist"`

	State       State         `json:"state"`
	Stage       int           `json:"stage"` // next review (1-based) while in review
	Cycle       int           `json:"cycle"` // review round: a return to draft starts a new one
	PublishedOn *workday.Date `json:"published_on,omitempty"`
	Reason      string        `json:"reason,omitempty"` // why it was withdrawn

	CreatedBy   string    `json:"created_by"`
	CreatedByID string    `json:"-"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
	// Source says where the draft came from: "" typed, "report" an annual
	// report, "art44" a suggestion from repeated applications.
	Source string `json:"source,omitempty"`
}

// Limits on an item's fields (runes).
const (
	MaxTitle   = 200
	MaxSummary = 1000
	MaxBody    = 200_000
)

// Normalize trims the text fields.
func (it *Item) Normalize() {
	for _, p := range []*string{&it.Title, &it.Summary, &it.Publisher, &it.DocNo, &it.Topic, &it.Genre, &it.Column, &it.Keywords, &it.Ground} {
		*p = strings.TrimSpace(*p)
	}
	it.DocNo = NormalizeDocNo(it.DocNo)
	it.Body = strings.TrimSpace(strings.ReplaceAll(it.Body, "\r\n", "\n"))
	if it.Validity == "" {
		it.Validity = Valid
	}
	if it.Attribute == "" {
		it.Attribute = Active
	}
}

// Validate checks the metadata, every problem at its form field.
func (it *Item) Validate() error {
	it.Normalize()
	var l errs.List
	need := func(field, name, v string, max int) {
		if v == "" {
			l.Add(field, "请填写%s", name)
		} else if n := utf8.RuneCountInString(v); n > max {
			l.Add(field, "%s太长（%d 字），最多 %d 字", name, n, max)
		}
	}
	need("title", "名称", it.Title, MaxTitle)
	need("summary", "内容概述", it.Summary, MaxSummary)
	need("publisher", "发布机构", it.Publisher, 100)
	for _, f := range []struct {
		field, name, v string
		max            int
	}{{"doc_no", "文号", it.DocNo, 60}, {"topic", "主题分类", it.Topic, 60}, {"column", "栏目", it.Column, 60}, {"keywords", "关键词", it.Keywords, 200}} {
		if n := utf8.RuneCountInString(f.v); n > f.max {
			l.Add(f.field, "%s太长（%d 字），最多 %d 字", f.name, n, f.max)
		}
	}
	if utf8.RuneCountInString(it.Body) > MaxBody {
		l.Add("body", "正文太长，最多 %d 字；较长的文件请作为附件上传", MaxBody)
	}
	if it.FormedOn == 0 {
		l.Add("formed_on", "请填写生成日期（信息形成或者变更之日）")
	}
	if it.Genre != "" && !contains(Genres, it.Genre) {
		l.Add("genre", "体裁“%s”不在列表中", it.Genre)
	}
	if it.Category != "" && CategoryName(it.Category) == "" {
		l.Add("category", "条例第二十条的类别不对")
	}
	if AttributeName(it.Attribute) == string(it.Attribute) {
		l.Add("attribute", "公开属性不对")
	}
	if it.Attribute == Withheld && GroundName(it.Ground) == "" {
		l.Add("ground", "不予公开的，请选择理由（《条例》第十四条至第十六条）")
	}
	if it.Attribute != Withheld {
		it.Ground = ""
	}
	if ValidityName(it.Validity) == string(it.Validity) {
		l.Add("validity", "有效性不对")
	}
	for _, c := range it.Checklist {
		if checklistText(c) == "" {
			l.Add("checklist", "保密审查项“%s”不存在", c)
		}
	}
	return l.Err()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Due is the last day of the Art. 26 period: 20 working days from the day
// the information was formed or changed.
func (it *Item) Due(cal *workday.Calendar) (workday.Date, error) {
	return cal.Add(it.FormedOn, 20)
}

// Timeliness is where an item stands against Art. 26.
type Timeliness struct {
	Due      workday.Date
	Left     int  // working days left (negative: late by)
	Overdue  bool // not published and past due
	Soon     bool // not published and due within SoonDays working days
	Late     bool // published after the due date
	Unknown  bool // the calendar does not cover the dates
	NotAsked bool // not for 主动公开 (依申请公开 or 不予公开): no period
}

// SoonDays is how near the due date an unpublished item is shown as due soon.
const SoonDays = 5

// Timeliness computes the item's Art. 26 status on today.
func (it *Item) Timeliness(cal *workday.Calendar, today workday.Date) Timeliness {
	var t Timeliness
	if it.Attribute != Active {
		t.NotAsked = true
		return t
	}
	due, err := it.Due(cal)
	if err != nil {
		t.Unknown = true
		return t
	}
	t.Due = due
	if it.PublishedOn != nil {
		t.Late = *it.PublishedOn > due
		return t
	}
	if it.State == Withdrawn {
		return t
	}
	if today > due {
		n, err := cal.Between(due, today)
		if err != nil {
			t.Unknown = true
		}
		t.Left, t.Overdue = -n, true
		return t
	}
	n, err := cal.Between(today, due)
	if err != nil {
		t.Unknown = true
		return t
	}
	t.Left, t.Soon = n, n <= SoonDays
	return t
}
