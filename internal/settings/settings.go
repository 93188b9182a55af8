// Package settings holds the rules the law leaves open, as one document an
// administrator changes on a page (stored in the database, audited, and so
// carried in every backup). Each setting is described once, in Fields: the
// page, the validation and the audit log's description of a change all come
// from that list. docs/CASEWORK.md gives the sources on each side.
package settings

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gongkai/internal/appeal"
	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/errs"
	"gongkai/internal/fingerprint"
	"gongkai/internal/org"
)

// Key is the settings document's key in the database.
const Key = "rules"

// Settings is the whole document.
type Settings struct {
	Case           casework.Config `json:"case"`
	AppealCounting appeal.Counting `json:"appeal_counting"`
	// NewMediaStaleDays: an account without an update for this many days is
	// flagged (national inspection indicator: 2 weeks; some places use 10).
	NewMediaStaleDays int `json:"newmedia_stale_days"`
	// ColumnStaleDays: a dynamic website column without an update for this
	// many days is flagged (the census threshold: 2 weeks).
	ColumnStaleDays int `json:"column_stale_days"`
	// ColumnNoticeMonths: a 通知公告/政策文件 column without an update for this
	// many months is flagged (the census threshold: 6 months).
	ColumnNoticeMonths int `json:"column_notice_months"`
	// ColumnVetoCount: this many stale columns, or this many blank ones,
	// fail a website's inspection outright (the census threshold: 5).
	ColumnVetoCount int `json:"column_veto_count"`
	// Reviews is the length of the 三审 chain before publishing (no national
	// text fixes it; law.md §5.5).
	Reviews int `json:"catalog_reviews"`
	// Normative is how 表二 (一) counts what the format leaves open.
	Normative catalog.Counting `json:"normative_counting"`
	// ExpiryNoticeDays: a normative document whose 有效期 ends within this
	// many days is listed on the 工作台 (0: none are; no national text sets
	// a lead time, provinces set review periods of their own).
	ExpiryNoticeDays int `json:"expiry_notice_days"`
	// Account is the back office's account security.
	Account Account `json:"account"`
	// ApplicantNotices: an applicant with an e-mail address hears of the
	// receipt of an application the staff registered, of the steps that ask
	// something of them and of the answer (a courtesy no
	// text requires; needs a mail server).
	ApplicantNotices bool `json:"applicant_notices"`
}

// Account is what GB/T 22239-2019 (等级保护) asks of sign-in without
// setting any figure: sessions that end when unused, strong passwords
// changed from time to time.
type Account struct {
	IdleMinutes     int              `json:"idle_minutes"`      // a session unused this long ends (0: only after 12 hours)
	PasswordRule    org.PasswordRule `json:"password_rule"`     // of every new password
	PasswordMaxDays int              `json:"password_max_days"` // a password older must be changed at sign-in (0: never)
	FirstChange     bool             `json:"first_change"`      // a password an administrator set must be changed at sign-in
}

// Catalog is the review chain in force.
func (s Settings) Catalog() catalog.Config { return catalog.Config{Reviews: s.Reviews} }

// Default is the national reading.
func Default() Settings {
	return Settings{Case: casework.DefaultConfig(), AppealCounting: appeal.FiledInYear, NewMediaStaleDays: 14, ColumnStaleDays: 14,
		ColumnNoticeMonths: 6, ColumnVetoCount: 5, Reviews: catalog.DefaultConfig().Reviews, ExpiryNoticeDays: catalog.ExpiryNoticeDays, Account: Account{IdleMinutes: 30, PasswordRule: org.PasswordLength},
		ApplicantNotices: true}
}

// Parse reads a stored document over the defaults: a setting added in a
// later version keeps its default until someone changes it.
func Parse(doc string) (Settings, error) {
	s := Default()
	if strings.TrimSpace(doc) == "" {
		return s, nil
	}
	if err := json.Unmarshal([]byte(doc), &s); err != nil {
		return Default(), fmt.Errorf("settings document: %w", err)
	}
	return s, s.Check()
}

// Fingerprint identifies the settings as stored: the settings form carries
// the one it was opened with, so that a save over another administrator's
// change is refused.
func (s Settings) Fingerprint() string { return fingerprint.Of(s.JSON()) }

// JSON is the document as stored.
func (s Settings) JSON() string {
	b, _ := json.Marshal(s)
	return string(b)
}

// Kind of a setting's value.
type Kind string

const (
	Int    Kind = "int"
	Bool   Kind = "bool"
	Choice Kind = "choice"
	Multi  Kind = "multi"
)

// Option is one value of a choice.
type Option struct{ ID, Name string }

// Field describes one setting.
type Field struct {
	Key      string
	Label    string
	Help     string // what the law says and what it leaves open
	Kind     Kind
	Options  []Option
	Min, Max int
	get      func(*Settings) string
	set      func(*Settings, string) error
}

func intField(key, label, help string, min, max int, p func(*Settings) *int) Field {
	return Field{Key: key, Label: label, Help: help, Kind: Int, Min: min, Max: max,
		get: func(s *Settings) string { return strconv.Itoa(*p(s)) },
		set: func(s *Settings, v string) error {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < min || n > max {
				return errs.New(key, "%s应为 %d 到 %d 之间的整数", label, min, max)
			}
			*p(s) = n
			return nil
		}}
}

func choiceField(key, label, help string, opts []Option, p func(*Settings) *string) Field {
	return Field{Key: key, Label: label, Help: help, Kind: Choice, Options: opts,
		get: func(s *Settings) string { return *p(s) },
		set: func(s *Settings, v string) error {
			for _, o := range opts {
				if o.ID == v {
					*p(s) = v
					return nil
				}
			}
			return errs.New(key, "请选择%s", label)
		}}
}

// Fields is every setting, in the order the page shows them.
var Fields = []Field{
	intField("correction_period", "补正期限（工作日）",
		"《条例》第三十条只要求“合理的补正期限”；国办公开办函〔2020〕2号转发的江苏规范建议一般不超过15个工作日。", 1, 60,
		func(s *Settings) *int { return &s.Case.CorrectionPeriod }),
	intField("consult_days", "第三方、共同制作机关答复期限（工作日）",
		"《条例》第三十二条、第三十四条：自收到征求意见书之日起15个工作日；超过的时间计入答复期限。", 1, 60,
		func(s *Settings) *int { return &s.Case.ConsultDays }),
	intField("organ_consult_days", "征求其他机关意见的期限（工作日，0 为不限）",
		"《条例》第三十三条第三款只规定征求意见时间不计入答复期限，未规定其他机关的答复期限；0 表示全部征求时间不计入。", 0, 60,
		func(s *Settings) *int { return &s.Case.OrganConsultDays }),
	intField("payment_days", "缴费期限（工作日）",
		"国办函〔2020〕109号的全国条文未能查证；各省实施通知为自收到收费通知次日起20个工作日。", 1, 60,
		func(s *Settings) *int { return &s.Case.PaymentDays }),
	{Key: "fee_pauses_clock", Label: "缴费期间暂停答复期限", Kind: Bool,
		Help: "全国性规定未明确缴费期间是否暂停答复期限；部分地方规定暂停。",
		get:  func(s *Settings) string { return strconv.FormatBool(s.Case.FeePausesClock) },
		set: func(s *Settings, v string) error {
			s.Case.FeePausesClock = v == "true" || v == "on" || v == "1"
			return nil
		}},
	{Key: "review_first", Label: "答复书写明“应当先申请行政复议”的结果", Kind: Multi, Options: outcomeOptions(),
		Help: "《行政复议法》（2023）第二十三条第一款第（四）项：申请政府信息公开，行政机关不予公开的，应当先申请行政复议；法释〔2025〕8号第一条、第十条。部分公开的不予公开部分实践中同样处理。",
		get:  func(s *Settings) string { return joinOutcomes(s.Case.ReviewFirst) },
		set: func(s *Settings, v string) error {
			var out []casework.OutcomeID
			for _, id := range strings.Split(v, ",") {
				if id = strings.TrimSpace(id); id == "" {
					continue
				}
				if o := casework.OutcomeByID(casework.OutcomeID(id)); o == nil || !o.Decidable {
					return errs.New("review_first", "答复结果“%s”不对", id)
				}
				out = append(out, casework.OutcomeID(id))
			}
			s.Case.ReviewFirst = out
			return nil
		}},
	choiceField("non_litigable_remedy", "法院不予受理的答复如何告知救济",
		"法释〔2025〕8号第十条：不予重复处理、告知按特别规定查询、不予加工分析、信访类申请、要求提供出版物等答复单独起诉的，法院不予立案或驳回起诉。法律未要求此类答复载明救济途径，是否写明属政策选择。",
		[]Option{{casework.RemedyStandard, "照常告知复议或诉讼"}, {casework.RemedyReviewOnly, "只告知可以申请行政复议"}, {casework.RemedyNone, "不写救济途径"}},
		func(s *Settings) *string { return &s.Case.NonLitigableRemedy }),
	choiceField("unit_of_count", "表三的统计单位",
		"国家年报格式未规定一件申请含多项内容时按件还是按项统计；信息处理费办法允许按“一事一申请”拆分，但只用于计费。",
		[]Option{{casework.UnitApplication, "按申请件数（一件申请一个结果）"}, {casework.UnitItem, "按申请事项（每项一个结果）"}},
		func(s *Settings) *string { return &s.Case.UnitOfCount }),
	intField("mass_request_days", "大量申请的合理延迟期限（工作日）",
		"《条例》第三十五条：理由合理但无法在规定期限内答复的，可以确定延迟答复的合理期限；法规未规定具体天数，此为建议的默认值。", 1, 120,
		func(s *Settings) *int { return &s.Case.MassRequestDays }),
	choiceField("appeal_counting", "表四统计哪些复议、诉讼",
		"国家年报格式未规定表四按立案年度还是审结年度统计。",
		[]Option{{string(appeal.FiledInYear), "按当年申请或起诉的案件（年底未审结的计入“尚未审结”）"},
			{string(appeal.FiledOrConcluded), "另计往年起诉、当年审结的案件"}},
		func(s *Settings) *string { return (*string)(&s.AppealCounting) }),
	boolField("applicant_notices", "以电子邮件告知申请人办理进展",
		"申请人留有电子邮箱、本系统设置了邮件服务器时，工作人员登记的申请（当面、邮寄等）登记后发送回执（含查询码），发出补正告知、收费通知、延长答复期限或确定合理期限以及办结时，自动发邮件告诉申请人，并请其凭查询码查看办理进度。邮件不附文书，不代替送达。法规未作要求，属便民措施。",
		func(s *Settings) *bool { return &s.ApplicantNotices }),
	intField("newmedia_stale_days", "政务新媒体超期未更新（天）",
		"国办秘函〔2019〕19号检查指标：监测时间点前2周内无更新的单项否决；部分地方要求10天内更新。", 3, 60,
		func(s *Settings) *int { return &s.NewMediaStaleDays }),
	intField("column_stale_days", "网站动态类栏目超期未更新（天）",
		"政府网站普查指标：动态、要闻类栏目2周未更新计入“栏目不更新”。", 3, 180,
		func(s *Settings) *int { return &s.ColumnStaleDays }),
	intField("column_notice_months", "网站通知公告、政策文件类栏目超期未更新（月）",
		"政府网站普查指标：通知公告、政策文件类栏目6个月未更新计入“栏目不更新”。", 1, 24,
		func(s *Settings) *int { return &s.ColumnNoticeMonths }),
	intField("column_veto_count", "网站栏目单项否决的栏目数",
		"政府网站普查指标：超期未更新的栏目合计达到5个，或空白栏目达到5个，即“栏目不更新”单项否决。从未更新（既无发布的信息、也未登记更新日期）的栏目计为空白栏目，不再计入超期未更新。", 1, 50,
		func(s *Settings) *int { return &s.ColumnVetoCount }),
	intField("catalog_reviews", "主动公开信息发布前的审核级数",
		"“三审三校”是各地的内容发布制度，未见全国性条文规定级数；默认三审（初审、复审、终审），终审由负责人进行，每审之前登记一次校对。", 1, 5,
		func(s *Settings) *int { return &s.Reviews }),
	boolField("expiry_is_repeal", "有效期届满的文件计入“本年废止件数”",
		"国家年报格式只列“本年废止件数”，未规定有效期届满自然失效的规范性文件是否计入。默认不计入（只计明文废止的）。",
		func(s *Settings) *bool { return &s.Normative.ExpiryIsRepeal }),
	intField("expiry_notice_days", "规范性文件有效期届满提前提醒（天，0 为不提醒）",
		"未见全国性条文规定提前多久评估有效期届满的规范性文件，各省自定评估时限。有效期在此天数内届满的现行有效文件列在本机关工作台上，以便及时决定是否延续。", 0, 365,
		func(s *Settings) *int { return &s.ExpiryNoticeDays }),
	boolField("amendment_issues", "修订（修正）计入“本年制发件数”",
		"国家年报格式未规定修订已有规章、规范性文件是否计为本年制发。默认不计入。",
		func(s *Settings) *bool { return &s.Normative.AmendmentIssues }),
	intField("idle_minutes", "后台多长时间未操作自动退出（分钟，0 为不限）",
		"《网络安全等级保护基本要求》（GB/T 22239—2019）要求登录连接超时自动退出，未规定时长。页面上有输入或点击时保持登录；为 0 时只在登录 12 小时后退出。", 0, 720,
		func(s *Settings) *int { return &s.Account.IdleMinutes }),
	choiceField("password_rule", "新密码的复杂度",
		"《网络安全等级保护基本要求》（GB/T 22239—2019）要求身份鉴别信息具有复杂度要求，未规定具体规则。适用于此后设置的密码。",
		[]Option{{string(org.PasswordLength), "至少 8 位"}, {string(org.PasswordClasses), "至少 8 位，含大写字母、小写字母、数字、符号中的至少三种"}},
		func(s *Settings) *string { return (*string)(&s.Account.PasswordRule) }),
	intField("password_max_days", "密码定期更换（天，0 为不要求）",
		"《网络安全等级保护基本要求》（GB/T 22239—2019）要求身份鉴别信息定期更换，未规定期限。超过天数未修改的，登录后须先修改密码。", 0, 730,
		func(s *Settings) *int { return &s.Account.PasswordMaxDays }),
	boolField("first_change", "管理员设置的密码，本人登录后须先修改",
		"新增用户、批量导入和重置密码时由管理员设置的密码，本人登录后须先改为只有自己知道的密码。",
		func(s *Settings) *bool { return &s.Account.FirstChange }),
}

func boolField(key, label, help string, p func(*Settings) *bool) Field {
	return Field{Key: key, Label: label, Help: help, Kind: Bool,
		get: func(s *Settings) string { return strconv.FormatBool(*p(s)) },
		set: func(s *Settings, v string) error {
			*p(s) = v == "true" || v == "on" || v == "1"
			return nil
		}}
}

func outcomeOptions() []Option {
	var out []Option
	for _, o := range casework.DecideOutcomes() {
		out = append(out, Option{string(o.ID), o.Name})
	}
	return out
}

func joinOutcomes(ids []casework.OutcomeID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, ",")
}

// Get returns a setting's value as text.
func (s Settings) Get(key string) string {
	for _, f := range Fields {
		if f.Key == key {
			return f.get(&s)
		}
	}
	return ""
}

// Has reports whether a multi-valued setting contains id.
func (s Settings) Has(key, id string) bool {
	return slices.Contains(strings.Split(s.Get(key), ","), id)
}

// Set changes one setting, checking its value.
func (s *Settings) Set(key, value string) error {
	for _, f := range Fields {
		if f.Key == key {
			return f.set(s, value)
		}
	}
	return errs.New(key, "没有这项设置")
}

// Check validates every setting (a document edited by hand).
func (s Settings) Check() error {
	var l errs.List
	for _, f := range Fields {
		cp := s
		if err := f.set(&cp, f.get(&s)); err != nil {
			var e *errs.Error
			if ok := asErr(err, &e); ok {
				l = append(l, e)
			}
		}
	}
	return l.Err()
}

func asErr(err error, e **errs.Error) bool {
	x, ok := err.(*errs.Error)
	*e = x
	return ok
}

// Diff describes what changed from a to b, for the audit log: 补正期限：15 → 10.
func Diff(a, b Settings) string {
	var out []string
	for _, f := range Fields {
		if x, y := f.get(&a), f.get(&b); x != y {
			out = append(out, fmt.Sprintf("%s：%s → %s", f.Label, f.show(x), f.show(y)))
		}
	}
	return strings.Join(out, "；")
}

// show is a value as a person reads it.
func (f Field) show(v string) string {
	switch f.Kind {
	case Bool:
		if v == "true" {
			return "是"
		}
		return "否"
	case Choice, Multi:
		var names []string
		for _, id := range strings.Split(v, ",") {
			for _, o := range f.Options {
				if o.ID == id {
					names = append(names, o.Name)
				}
			}
		}
		if len(names) == 0 {
			return "（无）"
		}
		return strings.Join(names, "、")
	}
	return v
}
