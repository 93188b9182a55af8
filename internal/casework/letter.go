package casework

import (
	"fmt"
	"html/template"
	"strings"

	"gongkai/internal/errs"
	"gongkai/internal/report"
	"gongkai/internal/workday"
)

// AgencyInfo is what a letter needs of the agency that signs it.
type AgencyInfo struct {
	Name         string
	Level        report.Level
	ReviewOrgan  string // 复议机关, named in the remedy paragraph
	LetterPrefix string // 文号 prefix, e.g. 卫教体依公
	Contact      string // 联系人及电话, optional
}

// DefaultReviewOrgan names the 复议机关 under the 行政复议法 as revised in 2023
// (in force 2024-01-01; law.md §4.5): a local department → the government of
// the same level; a local government → the next higher government; a
// vertically led organ → the next higher department; a State Council
// department or a provincial government → itself. parent is the agency above
// (the government for a department). "" when it cannot be derived.
func DefaultReviewOrgan(level report.Level, self, parent string) string {
	switch level {
	case "national_department", "province":
		return self
	case "province_department", "city_department", "county_department", "city", "county", "township", "vertical":
		return parent
	}
	return ""
}

// Letter is a reply or notice with the nine elements of the Jiangsu 规范 §五
// (forwarded nationally by 国办公开办函〔2020〕2号): 标题, 文号, 申请人, 申请事实,
// 法律依据, 处理决定, 救济权利和期限, 答复主体, 答复日期及印章.
type Letter struct {
	Kind      string       `json:"kind"`
	Title     string       `json:"title"`
	Number    string       `json:"number"`
	Addressee string       `json:"addressee"`
	Facts     string       `json:"facts"`
	Decision  []string     `json:"decision"` // paragraphs, the legal basis cited in them
	Basis     string       `json:"basis"`
	Remedy    string       `json:"remedy,omitempty"`
	Signer    string       `json:"signer"`
	Date      workday.Date `json:"date"`
	Contact   string       `json:"contact,omitempty"`
}

// LetterNumber formats a 文号: 卫教体依公〔2025〕12号.
func LetterNumber(prefix string, year, n int) string {
	return fmt.Sprintf("%s〔%d〕%d号", prefix, year, n)
}

// remedyNewLaw is the first day of the 行政复议法 as revised in 2023, which made
// 复议 mandatory before a lawsuit against 不予公开 (Art. 23 para 1 item 4).
var remedyNewLaw = workday.MustDate("2024-01-01")

// Remedy is the remedy paragraph of a reply dated on, for outcome o.
func Remedy(o *Outcome, on workday.Date, reviewOrgan, doc string) string {
	if on >= remedyNewLaw && o.ReviewFirst {
		return fmt.Sprintf("如对本%s不服，可以自收到本%s之日起60日内向%s申请行政复议；对行政复议决定不服的，可以依法向人民法院提起行政诉讼。", doc, doc, reviewOrgan)
	}
	return fmt.Sprintf("如对本%s不服，可以自收到本%s之日起60日内向%s申请行政复议，或者自知道或者应当知道该行政行为之日起6个月内依法向人民法院提起行政诉讼。", doc, doc, reviewOrgan)
}

var decisionText = map[string]string{
	"disclosed":                "经审查，您申请获取的信息属于可以公开的政府信息。根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定，本机关决定予以公开，现将该信息提供给您。",
	"already_public":           "经审查，您申请获取的信息本机关已经主动公开。根据《中华人民共和国政府信息公开条例》第三十六条第（一）项的规定，现告知您获取该信息的方式和途径。",
	"partly_disclosed":         "经审查，您申请获取的信息中含有不应当公开的内容，但能够作区分处理。根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关向您提供可以公开的部分，其余部分不予公开。",
	"state_secret":             "经审查，您申请获取的信息属于国家秘密。根据《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项的规定，本机关决定不予公开。",
	"law_forbids":              "经审查，您申请获取的信息属于法律、行政法规禁止公开的政府信息。根据《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项的规定，本机关决定不予公开。",
	"security_stability":       "经审查，您申请获取的信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。根据《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项的规定，本机关决定不予公开。",
	"third_party":              "经审查，您申请获取的信息涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的内容。根据《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项的规定，本机关决定不予公开。",
	"internal_affairs":         "经审查，您申请获取的信息属于本机关的人事管理、后勤管理、内部工作流程等方面的信息。根据《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第（三）项的规定，本机关决定不予公开。",
	"process_info":             "经审查，您申请获取的信息属于本机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息。根据《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项的规定，本机关决定不予公开。",
	"enforcement_file":         "经审查，您申请获取的信息属于行政执法案卷信息。根据《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项的规定，本机关决定不予公开。",
	"query_service":            "经审查，您申请获取的信息属于法律、行政法规对信息的获取有特别规定的行政查询事项。根据《中华人民共和国政府信息公开条例》第三十六条第（七）项的规定，请您按照有关法律、行政法规的规定办理。",
	"not_exist":                "经检索，本机关未制作或者获取您申请的信息。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，告知您该政府信息不存在。",
	"not_this_agency":          "经审查，您申请获取的信息不属于本机关负责公开。根据《中华人民共和国政府信息公开条例》第三十六条第（五）项的规定，告知您该信息的公开机关及联系方式。",
	"needs_creation":           "经审查，本机关没有现成的您所申请的信息，需要对现有政府信息进行加工、分析方能形成。根据《中华人民共和国政府信息公开条例》第三十八条的规定，本机关不予提供。",
	"unclear_after_correction": "本机关已于此前告知您补正申请内容，但补正后申请内容仍不明确，本机关无法确定您所需的政府信息。根据《中华人民共和国政府信息公开条例》第三十条的规定，告知您无法提供。",
	"petition":                 "经审查，您提出的申请实为信访、投诉、举报等诉求。根据《中华人民共和国政府信息公开条例》第三十九条第一款的规定，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。",
	"repeat":                   "经审查，本机关已就您提出的同一政府信息公开申请作出答复，您重复申请公开相同政府信息。根据《中华人民共和国政府信息公开条例》第三十六条第（六）项的规定，本机关不予重复处理。",
	"publication":              "经审查，您申请获取的信息属于公开出版物。根据《中华人民共和国政府信息公开条例》第三十九条第二款的规定，您可以通过公开渠道获取。",
	"mass_repeat":              "经审查，您的申请数量、频次明显超过合理范围，经要求您说明理由，本机关认为理由不合理。根据《中华人民共和国政府信息公开条例》第三十五条的规定，本机关不予处理。",
	"confirm_or_reissue":       "经审查，您要求本机关确认或者重新出具您已获取的信息，不属于政府信息公开申请的范围。根据《中华人民共和国政府信息公开条例》第三十六条的规定，本机关不予处理。",
	"no_correction":            "本机关已一次性告知您补正申请内容，您无正当理由逾期未补正。根据《中华人民共和国政府信息公开条例》第三十条的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。",
	"no_fee_paid":              "本机关已向您发出收费通知，您逾期未按收费通知要求缴纳信息处理费。根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。",
}

// LetterKinds are the documents a case can produce.
var LetterKinds = []struct{ Kind, Title, Step string }{
	{"reply", "政府信息公开申请答复书", KindDecide},
	{"correction", "政府信息公开申请补正告知书", KindRequestCorrection},
	{"extension", "政府信息公开申请延期答复告知书", KindExtend},
	{"consultation", "政府信息公开征求意见书", KindConsult},
	{"fee", "政府信息公开信息处理费收费通知书", KindFeeNotice},
	{"closure", "政府信息公开申请终止处理告知书", ""},
}

// LetterFor drafts the letter that goes with event seq of the case: the reply
// for a decision, or the notice for a procedural step. number is the 文号.
func LetterFor(c *Case, seq int, ag AgencyInfo, number string, cfg Config, cal *workday.Calendar) (*Letter, error) {
	if seq < 1 || seq > len(c.Events) {
		return nil, errs.New("seq", "案件没有第 %d 个办理步骤", seq)
	}
	e := c.Events[seq-1]
	s := e.Step
	if strings.TrimSpace(ag.ReviewOrgan) == "" {
		return nil, errs.New("review_organ", "请先在机关设置中填写复议机关（本级人民政府等），答复书须写明申请复议的机关")
	}
	a := c.Intake.Applicant
	l := &Letter{Number: number, Signer: ag.Name, Date: s.On, Addressee: a.Name + "：", Contact: ag.Contact}
	l.Facts = fmt.Sprintf("本机关于%s收到您（单位）通过%s提交的政府信息公开申请，申请获取“%s”。", c.Received.Chinese(), ChannelName(c.Intake.Channel), strings.TrimSpace(c.Intake.Request.Description))
	title := func(kind string) string {
		for _, k := range LetterKinds {
			if k.Kind == kind {
				return ag.Name + k.Title
			}
		}
		return ""
	}
	switch s.Kind {
	case KindDecide, KindCorrectionLapsed, KindFeeLapsed, KindTransfer:
		outcome := c.Outcome
		if s.Kind == KindDecide {
			outcome = s.Outcome
		}
		if s.Kind == KindTransfer {
			outcome = "not_this_agency"
		}
		o := OutcomeByID(outcome)
		text, ok := decisionText[outcome]
		if o == nil || !ok {
			return nil, errs.New("outcome", "“%s”没有答复书模板", outcome)
		}
		l.Kind = "reply"
		if s.Kind != KindDecide {
			l.Kind = "closure"
		}
		l.Title = title(l.Kind)
		l.Facts += "经研究，现答复如下："
		l.Decision = []string{text}
		if outcome == "not_this_agency" && s.Kind == KindTransfer && s.To != 0 {
			l.Decision = append(l.Decision, "本机关已将您的申请转送该机关处理。")
		}
		if outcome == "not_this_agency" {
			l.Decision = append(l.Decision, "该信息的公开机关及联系方式："+strings.TrimSpace(s.Referral)+"。")
		}
		if note := strings.TrimSpace(s.Note); note != "" {
			l.Decision = append(l.Decision, note)
		}
		l.Basis = o.Basis
		l.Remedy = Remedy(o, s.On, ag.ReviewOrgan, "答复")
		if s.Kind != KindDecide {
			l.Remedy = Remedy(o, s.On, ag.ReviewOrgan, "告知")
		}
	case KindRequestCorrection:
		due, err := cal.Add(s.On, cfg.CorrectionPeriod)
		if err != nil {
			return nil, err
		}
		l.Kind, l.Title = "correction", title("correction")
		l.Basis = "《中华人民共和国政府信息公开条例》第三十条"
		l.Decision = []string{
			"经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，现一次性告知您需要补正的事项：" + strings.TrimSpace(s.Note),
			fmt.Sprintf("请您于%s前向本机关提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。", due.Chinese()),
		}
	case KindExtend:
		dl, err := c.deadlineAt(seq, cfg, cal)
		if err != nil {
			return nil, err
		}
		l.Kind, l.Title = "extension", title("extension")
		l.Basis = "《中华人民共和国政府信息公开条例》第三十三条第二款"
		l.Decision = []string{fmt.Sprintf("因%s，本机关不能在法定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长20个工作日，本机关将于%s前作出答复。",
			strings.TrimSuffix(strings.TrimSpace(s.Note), "。"), dl.Chinese())}
	case KindConsult:
		due, err := cal.Add(s.On, cfg.ConsultDays)
		if err != nil {
			return nil, err
		}
		l.Kind, l.Title = "consultation", title("consultation")
		l.Addressee = strings.TrimSpace(s.Party) + "："
		l.Facts = fmt.Sprintf("本机关于%s收到政府信息公开申请，申请获取“%s”。经审查，该信息的公开可能损害贵方合法权益。", c.Received.Chinese(), strings.TrimSpace(c.Intake.Request.Description))
		l.Basis = "《中华人民共和国政府信息公开条例》第三十二条"
		l.Decision = []string{fmt.Sprintf("根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见。请于收到本征求意见书之日起15个工作日内（%s前）以书面形式提出是否同意公开的意见及理由；逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。", due.Chinese())}
	case KindFeeNotice:
		due, err := cal.Add(s.On, cfg.PaymentDays)
		if err != nil {
			return nil, err
		}
		l.Kind, l.Title = "fee", title("fee")
		l.Basis = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
		method := fmt.Sprintf("按件计收（您本月第%d件申请）", s.Count)
		if s.Method == FeeByPages {
			method = fmt.Sprintf("按量计收（共%d页）", s.Pages)
		}
		l.Decision = []string{
			fmt.Sprintf("根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，您的申请需缴纳信息处理费。计收方式：%s；收费标准：按该办法规定的超额累进标准；金额：%d元。", method, s.Amount),
			fmt.Sprintf("请您自收到本通知之日起20个工作日内（%s前）缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。", due.Chinese()),
		}
	default:
		return nil, errs.New("seq", "“%s”这一步骤不需要文书", StepName(s.Kind))
	}
	return l, nil
}

// deadlineAt is the reply deadline right after event seq (for the extension notice).
func (c *Case) deadlineAt(seq int, cfg Config, cal *workday.Calendar) (workday.Date, error) {
	cp := *c
	cp.Events = c.Events[:seq]
	dl, err := cp.Deadline(cfg, cal, c.Events[seq-1].Step.On)
	return dl.Due, err
}

// Text renders the letter as plain text, in the order of the nine elements.
func (l *Letter) Text() string {
	var b strings.Builder
	b.WriteString(l.Title + "\n")
	b.WriteString(l.Number + "\n\n")
	b.WriteString(l.Addressee + "\n")
	b.WriteString("    " + l.Facts + "\n")
	for _, p := range l.Decision {
		b.WriteString("    " + p + "\n")
	}
	if l.Remedy != "" {
		b.WriteString("    " + l.Remedy + "\n")
	}
	if l.Contact != "" {
		b.WriteString("    联系方式：" + l.Contact + "\n")
	}
	b.WriteString("\n" + l.Signer + "\n")
	b.WriteString(l.Date.Chinese() + "\n")
	b.WriteString("（印章）\n")
	return b.String()
}

var letterTmpl = template.Must(template.New("letter").Parse(`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{.Title}}</title>
<style>@page{size:A4;margin:37mm 26mm 35mm 28mm}body{font-family:"FangSong","仿宋",serif;font-size:16pt;line-height:1.8;max-width:160mm;margin:0 auto}
h1{font-family:"方正小标宋简体","SimSun",serif;font-size:22pt;font-weight:normal;text-align:center;margin-bottom:0}
.no{text-align:center;margin:.5em 0 1.5em}p{text-indent:2em;margin:0;text-align:justify}p.to{text-indent:0}
.sign{text-align:right;margin-top:2em}.seal{text-align:right;color:#c00}</style></head>
<body><h1>{{.Title}}</h1><div class="no">{{.Number}}</div>
<p class="to">{{.Addressee}}</p><p>{{.Facts}}</p>{{range .Decision}}<p>{{.}}</p>{{end}}{{if .Remedy}}<p>{{.Remedy}}</p>{{end}}{{if .Contact}}<p>联系方式：{{.Contact}}</p>{{end}}
<div class="sign">{{.Signer}}<br>{{.Date.Chinese}}</div><div class="seal">（印章）</div></body></html>
`))

// HTML renders the letter as a printable page (A4, seal placeholder).
func (l *Letter) HTML() string {
	var b strings.Builder
	letterTmpl.Execute(&b, l)
	return b.String()
}
