package casework

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"gongkai/internal/errs"
	"gongkai/internal/guard"
)

// Field limits: generous for real names and requests, small enough that a
// pasted book is refused at the form instead of stored.
const (
	MaxName        = 100
	MaxIDNumber    = 40
	MaxPhone       = 40
	MaxEmail       = 120
	MaxAddress     = 200
	MaxDescription = 4000
	MaxNote        = 2000
)

var (
	phoneRe = regexp.MustCompile(`^[0-9０-９+\-－()（） 转]{5,}$`)
	emailRe = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s.]+$`)
)

// Normalize trims the fields and normalises identity numbers (upper-case X):
// what is stored is what was meant, not the stray spaces around it.
func (in *Intake) Normalize() {
	a := &in.Applicant
	for _, p := range []*string{&a.Name, &a.IDType, &a.IDNum, &a.Phone, &a.Email, &a.Address, &in.Request.Description, &in.Request.Form, &in.Request.Delivery} {
		*p = strings.TrimSpace(*p)
	}
	var items []string
	for _, it := range in.Request.Items {
		if it = strings.TrimSpace(it); it != "" {
			items = append(items, it)
		}
	}
	if len(items) < 2 {
		items = nil // one item is the description itself
	}
	in.Request.Items = items
	a.IDNum = NormalizeCode(a.IDNum)
	// an e-mail address and a phone number are ASCII, whatever was typed
	a.Email, a.Phone = strings.TrimSpace(strings.Map(guard.HalfWidth, a.Email)), strings.TrimSpace(strings.Map(guard.HalfWidth, a.Phone))
}

// Check looks at the whole intake at once. Problems are what cannot be
// recorded as typed (an unknown channel, no name, a malformed e-mail, a
// description longer than any request): they are refused, every one at its
// field. Defects are Art. 29 content the application lacks or gets wrong (no
// 身份证明, a wrong check digit, no way to deliver the reply): the agency
// still registers the application, the clock starts, and it asks for 补正
// within 7 working days (Art. 30). The public form treats defects as
// problems, to help the applicant fix them before sending.
func (in *Intake) Check() (problems errs.List, defects errs.List) {
	in.Normalize()
	if _, _, err := in.ReceiptDate(); err != nil {
		var e *errs.Error
		errors.As(err, &e)
		problems = append(problems, e)
	}
	a := &in.Applicant
	if a.Type.Column() < 0 {
		var names []string
		for _, t := range ApplicantTypes {
			names = append(names, t.Name)
		}
		problems.Add("applicant.type", "申请人类型不对，应为：%s", strings.Join(names, "、"))
	}
	tooLong := func(field, what, v string, max int) bool {
		if n := utf8.RuneCountInString(v); n > max {
			problems.Add(field, "%s太长（%d 字），最多 %d 字", what, n, max)
			return true
		}
		return false
	}
	if a.Name == "" {
		problems.Add("applicant.name", "请填写申请人姓名或名称")
	} else {
		tooLong("applicant.name", "姓名或名称", a.Name, MaxName)
	}
	if in.Request.Description == "" {
		problems.Add("request.description", "请填写所需政府信息的名称、文号或者便于查询的其他特征性描述")
	} else {
		tooLong("request.description", "所需信息的描述", in.Request.Description, MaxDescription)
	}
	if a.Phone != "" && !tooLong("applicant.phone", "电话", a.Phone, MaxPhone) && !phoneRe.MatchString(a.Phone) {
		problems.Add("applicant.phone", "电话“%s”不对：只能包含数字、空格、“-”、“+”和括号，如 0373-1234567 或 13800000000", a.Phone)
	}
	if a.Email != "" && !tooLong("applicant.email", "电子邮箱", a.Email, MaxEmail) && !emailRe.MatchString(a.Email) {
		problems.Add("applicant.email", "电子邮箱“%s”不对，应写成 name@example.com", a.Email)
	}
	tooLong("applicant.address", "通信地址", a.Address, MaxAddress)
	if len(in.Request.Items) > MaxItems {
		problems.Add("request.items", "申请事项太多（%d 项），最多 %d 项", len(in.Request.Items), MaxItems)
	}
	for i, it := range in.Request.Items {
		tooLong("request.items", fmt.Sprintf("第 %d 项申请事项", i+1), it, MaxName*2)
	}
	if in.Request.Form != "" && !slices.Contains(Forms, in.Request.Form) {
		problems.Add("request.form", "获取形式应为：%s", strings.Join(Forms, "、"))
	}
	if in.Request.Delivery != "" && !slices.Contains(Deliveries, in.Request.Delivery) {
		problems.Add("request.delivery", "获取途径应为：%s", strings.Join(Deliveries, "、"))
	}
	if a.IDType != "" && !slices.Contains(IDTypes, a.IDType) {
		problems.Add("applicant.id_type", "身份证明类型应为：%s", strings.Join(IDTypes, "、"))
	}
	if tooLong("applicant.id_number", "证件号码", a.IDNum, MaxIDNumber) {
		return problems, defects
	}
	defects = in.defects()
	return problems, defects
}

// defects are the Art. 29 gaps that make a 补正 necessary.
func (in *Intake) defects() errs.List {
	var d errs.List
	a := &in.Applicant
	switch a.IDType {
	case "身份证":
		if a.IDNum == "" {
			d.Add("applicant.id_number", "未填写身份证号码（《条例》第二十九条第二款第（一）项要求提供身份证明）")
		} else if v, err := ValidateID(a.IDNum); err != nil {
			d.Add("applicant.id_number", "身份证号码有误：%s", msgOf(err))
		} else {
			a.IDNum = v
		}
	case "统一社会信用代码":
		if a.IDNum == "" {
			d.Add("applicant.id_number", "未填写统一社会信用代码")
		} else if v, err := ValidateUSCC(a.IDNum); err != nil {
			d.Add("applicant.id_number", "统一社会信用代码有误：%s", msgOf(err))
		} else {
			a.IDNum = v
		}
	case "":
		if a.Type == "natural" {
			d.Add("applicant.id_type", "未提供身份证明（《条例》第二十九条第二款第（一）项）：请选择证件类型并填写号码")
		} else if a.IDNum == "" {
			d.Add("applicant.id_type", "未提供组织的身份证明（如统一社会信用代码）")
		}
	default:
		if a.IDNum == "" {
			d.Add("applicant.id_number", "未填写%s号码", a.IDType)
		}
	}
	if a.Phone == "" && a.Email == "" && a.Address == "" {
		d.Add("applicant.phone", "未留联系方式（电话、电子邮箱或通信地址，《条例》第二十九条第二款第（一）项）")
	}
	switch in.Request.Delivery {
	case "邮寄":
		if a.Address == "" {
			d.Add("applicant.address", "选择邮寄的，请填写通信地址")
		}
	case "电子邮件":
		if a.Email == "" {
			d.Add("applicant.email", "选择电子邮件的，请填写电子邮箱")
		}
	case "":
		if in.Request.Form == "" {
			d.Add("request.delivery", "未说明获取信息的形式和途径（《条例》第二十九条第二款第（三）项）")
		}
	}
	return d
}

func msgOf(err error) string {
	if e, ok := err.(*errs.Error); ok {
		return e.Msg
	}
	return errs.Message(err)
}

// Defects lists what the registered application lacks under Art. 29, each at
// its field ("" when complete): the reason for a 补正 notice.
func (c *Case) Defects() errs.List {
	in := c.Intake
	return in.defects()
}

// Validate is Check for callers that refuse defects too (the public form):
// every problem and every defect, at their fields.
func (in *Intake) Validate() error {
	p, d := in.Check()
	return append(p, d...).Err()
}
