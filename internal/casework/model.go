package casework

import (
	"strings"

	"gongkai/internal/errs"
	"gongkai/internal/fingerprint"
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
	Via   string // how a letter says it came: 收到您当面提交的申请
	Fact  string // which intake field is the receipt date
	Basis string
}{
	{InPerson, "当面提交", "当面提交", "submitted_on", "《条例》第三十一条第（一）项：申请人当面提交的，以提交之日为收到申请之日"},
	{LetterSigned, "信函（需签收）", "以邮寄方式提交", "signed_on", "《条例》第三十一条第（二）项：以邮寄方式提交需要签收的，以行政机关签收之日为收到申请之日"},
	{LetterUnsigned, "信函（平信）", "以平常信函方式提交", "confirmed_on", "《条例》第三十一条第（二）项：以平常信函等无需签收的邮寄方式提交的，以与申请人确认之日为收到申请之日"},
	{Online, "网络平台", "通过互联网申请平台提交", "confirmed_on", "《条例》第三十一条第（三）项：通过互联网渠道提交的，以双方确认之日为收到申请之日"},
	{Fax, "传真", "通过传真提交", "confirmed_on", "《条例》第三十一条第（三）项：通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日"},
	{Email, "电子邮件", "通过电子邮件提交", "confirmed_on", "《条例》第三十一条第（三）项：以数据电文形式通过互联网渠道提交的，以双方确认之日为收到申请之日"},
}

func channelInfo(c Channel) (name, via, fact string, ok bool) {
	for _, x := range Channels {
		if x.ID == c {
			return x.Name, x.Via, x.Fact, true
		}
	}
	return string(c), "提交", "channel", false
}

// ChannelName returns the Chinese name of a channel.
func ChannelName(c Channel) string {
	name, _, _, _ := channelInfo(c)
	return name
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

// You is how a letter addresses the applicant: a person is 您, an
// organisation 贵单位.
func (a Applicant) You() string {
	if a.Type == "natural" {
		return "您"
	}
	return "贵单位"
}

// IDTypes are the 身份证明 a form offers; 身份证 and 统一社会信用代码 are checked digit by digit.
var IDTypes = []string{"身份证", "统一社会信用代码", "护照", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "其他"}

// Forms and Deliveries are the 获取形式 and 获取途径 of Art. 29(三).
var (
	Forms      = []string{"纸质", "电子"}
	Deliveries = []string{"邮寄", "电子邮件", "自行领取", "网上获取"}
)

// Request is what is sought (Art. 29(二)(三)).
type Request struct {
	Description string `json:"description"`        // 名称、文号或者便于查询的其他特征性描述
	Form        string `json:"form,omitempty"`     // 纸质 / 电子
	Delivery    string `json:"delivery,omitempty"` // 邮寄 / 电子邮件 / 自行领取 / 网上获取
	// Items are the separate pieces of information one application asks
	// for, when it asks for several; empty is one item, the description.
	Items []string `json:"items,omitempty"`
}

// Provision is how the request asked to be given the information, in the
// words of a reply (以电子邮件方式提供电子文件): what the answer's 提供方式 starts
// from (Art. 40 lets the agency decide otherwise). "" when the request
// did not say.
func (r Request) Provision() string {
	what := map[string]string{"纸质": "纸质文件", "电子": "电子文件"}[r.Form]
	if what == "" {
		what = "所申请的信息"
	}
	switch r.Delivery {
	case "邮寄", "电子邮件":
		return "以" + r.Delivery + "方式提供" + what
	case "自行领取":
		return "请到本机关领取" + what
	case "网上获取":
		return "通过网络提供" + what
	}
	return ""
}

// MaxItems bounds the items of one application.
const MaxItems = 50

// Units is how many items the application asks for (1 when it lists none).
func (r Request) Units() int { return max(1, len(r.Items)) }

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

// Fingerprint stands for the intake as it is: an edit form carries the one
// it was opened with, so that a correction saved by someone else in the
// meantime is not written over unseen.
func (in Intake) Fingerprint() string { return fingerprint.Of(in) }

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
	var names []string
	for _, c := range Channels {
		names = append(names, c.Name)
	}
	return 0, "", errs.New("channel", "申请方式“%s”不对，应为：%s", in.Channel, strings.Join(names, "、"))
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
