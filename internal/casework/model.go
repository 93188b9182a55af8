package casework

import (
	"strings"

	"gongkai/internal/errs"
	"gongkai/internal/report"
	"gongkai/internal/workday"
)

// Channel is how an application arrived. Each has its own receipt-date rule
// (条例 Art. 31; law.md §2.4, §2.8).
type Channel string

const (
	InPerson       Channel = "in_person"       // 当面提交（含口头申请由工作人员代填）: the day of submission
	LetterSigned   Channel = "letter_signed"   // 需签收的邮件: the day the agency signs for it
	LetterUnsigned Channel = "letter_unsigned" // 平信等无需签收的邮件: the day of confirmation with the applicant
	Online         Channel = "online"          // 互联网渠道（政府信息公开申请平台）: 双方确认之日
	Fax            Channel = "fax"             // 本机关传真: 双方确认之日
	Email          Channel = "email"           // 电子邮件（数据电文）: 双方确认之日
)

// Channels lists every channel with its Chinese name and the fact that fixes
// the receipt date.
var Channels = []struct {
	ID    Channel
	Name  string
	Fact  string // which intake field is the receipt date
	Basis string
}{
	{InPerson, "当面提交", "submitted_on", "《条例》第三十一条第（一）项：申请人当面提交的，以提交之日为收到申请之日"},
	{LetterSigned, "信函（需签收）", "signed_on", "《条例》第三十一条第（二）项：以邮寄方式提交需要签收的，以行政机关签收之日为收到申请之日"},
	{LetterUnsigned, "信函（平信）", "confirmed_on", "《条例》第三十一条第（二）项：以平常信函等无需签收的邮寄方式提交的，以与申请人确认之日为收到申请之日"},
	{Online, "网络平台", "confirmed_on", "《条例》第三十一条第（三）项：通过互联网渠道提交的，以双方确认之日为收到申请之日"},
	{Fax, "传真", "confirmed_on", "《条例》第三十一条第（三）项：通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日"},
	{Email, "电子邮件", "confirmed_on", "《条例》第三十一条第（三）项：以数据电文形式通过互联网渠道提交的，以双方确认之日为收到申请之日"},
}

// ChannelName returns the Chinese name of a channel.
func ChannelName(c Channel) string {
	for _, x := range Channels {
		if x.ID == c {
			return x.Name
		}
	}
	return string(c)
}

// ApplicantType is a column of 表三.
type ApplicantType string

// ApplicantTypes in 表三 column order (natural persons first).
var ApplicantTypes = []struct {
	ID   ApplicantType
	Name string
}{
	{"natural", "自然人"}, {"business", "商业企业"}, {"research", "科研机构"},
	{"public_interest", "社会公益组织"}, {"legal_service", "法律服务机构"}, {"other", "其他"},
}

// Column returns the 表三 column index of an applicant type, -1 if unknown.
func (t ApplicantType) Column() int {
	for i, x := range ApplicantTypes {
		if x.ID == t {
			return i
		}
	}
	return -1
}

// Name is the Chinese name.
func (t ApplicantType) Name() string {
	if i := t.Column(); i >= 0 {
		return ApplicantTypes[i].Name
	}
	return string(t)
}

// Applicant is who applies (条例 Art. 29(一)).
type Applicant struct {
	Type    ApplicantType `json:"type"`
	Name    string        `json:"name"`
	IDType  string        `json:"id_type,omitempty"`   // 身份证 / 护照 / 港澳居民来往内地通行证 …; organisations: 统一社会信用代码
	IDNum   string        `json:"id_number,omitempty"` // validated for 身份证 and 统一社会信用代码
	Phone   string        `json:"phone,omitempty"`
	Email   string        `json:"email,omitempty"`
	Address string        `json:"address,omitempty"`
}

// Request is what is sought (Art. 29(二)(三)).
type Request struct {
	Description string `json:"description"`        // 名称、文号或者便于查询的其他特征性描述
	Form        string `json:"form,omitempty"`     // 纸质 / 电子
	Delivery    string `json:"delivery,omitempty"` // 邮寄 / 电子邮件 / 自行领取 / 网上获取
}

// Intake is what the clerk records when an application arrives. The receipt
// date is derived from the channel's confirmation fact, never typed freely.
type Intake struct {
	Channel     Channel       `json:"channel"`
	SubmittedOn *workday.Date `json:"submitted_on,omitempty"`
	SignedOn    *workday.Date `json:"signed_on,omitempty"`
	ConfirmedOn *workday.Date `json:"confirmed_on,omitempty"`
	Applicant   Applicant     `json:"applicant"`
	Request     Request       `json:"request"`
}

// ReceiptDate applies Art. 31 to the intake facts.
func (in Intake) ReceiptDate() (workday.Date, string, error) {
	for _, c := range Channels {
		if c.ID != in.Channel {
			continue
		}
		var d *workday.Date
		switch c.Fact {
		case "submitted_on":
			d = in.SubmittedOn
		case "signed_on":
			d = in.SignedOn
		default:
			d = in.ConfirmedOn
		}
		if d == nil {
			what := map[string]string{"submitted_on": "提交日期", "signed_on": "签收日期", "confirmed_on": "与申请人确认的日期"}[c.Fact]
			return 0, "", errs.New(c.Fact, "%s方式须填写%s，据此确定收到申请之日（%s）", c.Name, what, c.Basis)
		}
		return *d, c.Basis, nil
	}
	var ids []string
	for _, c := range Channels {
		ids = append(ids, string(c.ID)+"（"+c.Name+"）")
	}
	return 0, "", errs.New("channel", "申请方式“%s”不对，应为：%s", in.Channel, strings.Join(ids, "、"))
}

// SetReceivedOn records d as the channel's confirmation fact (the date the
// receipt rule reads), clearing the others: for registers, transfers and
// generated data, where only the receipt date is known.
func (in *Intake) SetReceivedOn(d workday.Date) {
	in.SubmittedOn, in.SignedOn, in.ConfirmedOn = nil, nil, nil
	switch in.Channel {
	case InPerson:
		in.SubmittedOn = &d
	case LetterSigned:
		in.SignedOn = &d
	default:
		in.ConfirmedOn = &d
	}
}

// Validate checks the intake for Art. 29 content and the identity numbers.
// The first problem is returned with its field.
func (in *Intake) Validate() error {
	if _, _, err := in.ReceiptDate(); err != nil {
		return err
	}
	a := &in.Applicant
	if a.Type.Column() < 0 {
		return errs.New("applicant.type", "申请人类型“%s”不对，应为自然人(natural)、商业企业(business)、科研机构(research)、社会公益组织(public_interest)、法律服务机构(legal_service)或其他(other)", a.Type)
	}
	a.Name = strings.TrimSpace(a.Name)
	if a.Name == "" {
		return errs.New("applicant.name", "请填写申请人姓名或名称")
	}
	switch a.IDType {
	case "身份证", "居民身份证":
		v, err := ValidateID(a.IDNum)
		if err != nil {
			e := err.(*errs.Error)
			e.Where = "applicant.id_number"
			return e
		}
		a.IDNum = v
	case "统一社会信用代码":
		v, err := ValidateUSCC(a.IDNum)
		if err != nil {
			e := err.(*errs.Error)
			e.Where = "applicant.id_number"
			return e
		}
		a.IDNum = v
	case "":
		if a.Type == "natural" {
			return errs.New("applicant.id_type", "请填写身份证明类型（如 身份证、护照）：2019 年《条例》第二十九条要求申请人提供身份证明")
		}
	}
	if a.IDType != "" && strings.TrimSpace(a.IDNum) == "" {
		return errs.New("applicant.id_number", "请填写%s号码", a.IDType)
	}
	if strings.TrimSpace(a.Phone) == "" && strings.TrimSpace(a.Email) == "" && strings.TrimSpace(a.Address) == "" {
		return errs.New("applicant.phone", "请至少填写一种联系方式（电话、电子邮箱或通信地址）")
	}
	if strings.TrimSpace(in.Request.Description) == "" {
		return errs.New("request.description", "请填写所需政府信息的名称、文号或者便于查询的其他特征性描述")
	}
	return nil
}

// Outcome is a final result of an application, mapped to its 表三 row.
type Outcome struct {
	ID    string
	Name  string
	Row   string // report.T3Row key (2021 format)
	Basis string // the article the reply cites
	// Withheld outcomes need 复议 before a lawsuit (行政复议法 2023 Art. 23).
	ReviewFirst bool
}

// Outcomes is the full list of law.md §2.6. 部分公开 is counted only there.
var Outcomes = []Outcome{
	{"disclosed", "予以公开", "granted", "《中华人民共和国政府信息公开条例》第三十六条第（二）项", false},
	{"already_public", "已主动公开，告知获取方式", "granted", "《中华人民共和国政府信息公开条例》第三十六条第（一）项", false},
	{"partly_disclosed", "部分公开", "partly_granted", "《中华人民共和国政府信息公开条例》第三十七条", true},
	{"state_secret", "不予公开：属于国家秘密", "withheld.state_secret", "《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项", true},
	{"law_forbids", "不予公开：其他法律行政法规禁止公开", "withheld.law_forbids", "《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项", true},
	{"security_stability", "不予公开：危及“三安全一稳定”", "withheld.security_stability", "《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项", true},
	{"third_party", "不予公开：保护第三方合法权益", "withheld.third_party", "《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项", true},
	{"internal_affairs", "不予公开：属于三类内部事务信息", "withheld.internal_affairs", "《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第（三）项", true},
	{"process_info", "不予公开：属于四类过程性信息", "withheld.process_info", "《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项", true},
	{"enforcement_file", "不予公开：属于行政执法案卷", "withheld.enforcement_file", "《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项", true},
	{"query_service", "不予公开：属于行政查询事项", "withheld.query_service", "《中华人民共和国政府信息公开条例》第三十六条第（七）项", true},
	{"not_exist", "无法提供：经检索没有所需信息", "unavailable.not_held", "《中华人民共和国政府信息公开条例》第三十六条第（四）项", false},
	{"not_this_agency", "无法提供：不属于本机关负责公开", "unavailable.not_held", "《中华人民共和国政府信息公开条例》第三十六条第（五）项", false},
	{"needs_creation", "无法提供：没有现成信息需要另行制作", "unavailable.needs_creation", "《中华人民共和国政府信息公开条例》第三十八条", false},
	{"unclear_after_correction", "无法提供：补正后申请内容仍不明确", "unavailable.unclear_after_correction", "《中华人民共和国政府信息公开条例》第三十条", false},
	{"petition", "不予处理：信访举报投诉类申请", "not_processed.petition_complaint", "《中华人民共和国政府信息公开条例》第三十九条第一款", false},
	{"repeat", "不予处理：重复申请", "not_processed.repeat", "《中华人民共和国政府信息公开条例》第三十六条第（六）项", false},
	{"publication", "不予处理：要求提供公开出版物", "not_processed.publication", "《中华人民共和国政府信息公开条例》第三十九条第二款", false},
	{"mass_repeat", "不予处理：无正当理由大量反复申请", "not_processed.mass_repeat", "《中华人民共和国政府信息公开条例》第三十五条", false},
	{"confirm_or_reissue", "不予处理：要求行政机关确认或重新出具已获取信息", "not_processed.confirm_or_reissue", "《中华人民共和国政府信息公开条例》第三十六条", false},
	{"no_correction", "其他处理：申请人无正当理由逾期不补正", "other.no_correction", "《中华人民共和国政府信息公开条例》第三十条", false},
	{"no_fee_paid", "其他处理：申请人逾期未缴纳信息处理费", "other.no_fee_paid", "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", false},
	{"withdrawn", "其他处理：申请人撤回申请", "other.other", "", false},
	{"other", "其他处理：其他", "other.other", "", false},
}

// OutcomeByID returns an outcome, or nil.
func OutcomeByID(id string) *Outcome {
	for i := range Outcomes {
		if Outcomes[i].ID == id {
			return &Outcomes[i]
		}
	}
	return nil
}

// RowFor is the 表三 row an outcome counts in for a report format: in the 2019
// trial format （六）其他处理 is one row.
func (o *Outcome) RowFor(f report.Format) string {
	if f == report.Format2019 && strings.HasPrefix(o.Row, "other.") {
		return "other.all"
	}
	return o.Row
}
