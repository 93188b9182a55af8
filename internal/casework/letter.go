package casework

import (
	"errors"
	"fmt"
	"html/template"
	"slices"
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
	// UpperDepartment is the 上一级主管部门: before 2024-01-01 a department's
	// applicant could apply for 复议 there as well as to the government.
	UpperDepartment string
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

// remedyNewLaw is the first day of the 行政复议法 as revised in 2023: one 复议机关
// for local departments (the government of the same level, Art. 24) and 复议前置
// for 不予公开 (Art. 23 para 1 item 4).
var remedyNewLaw = workday.MustDate("2024-01-01")

func isDepartment(l report.Level) bool {
	return strings.HasSuffix(string(l), "_department")
}

// reviewOrgans names where 复议 is applied for on a date: before 2024-01-01 a
// local department's applicant could choose the government of the same level
// or the department one level up (行政复议法 1999 Art. 12).
func reviewOrgans(ag AgencyInfo, on workday.Date) string {
	if on >= remedyNewLaw || !isDepartment(ag.Level) || ag.Level == "national_department" {
		return ag.ReviewOrgan
	}
	upper := strings.TrimSpace(ag.UpperDepartment)
	if upper == "" {
		upper = "上一级主管部门"
	}
	return ag.ReviewOrgan + "或者" + upper
}

// Remedy is the remedy paragraph of a reply dated on, for outcome o; "" when
// the settings leave it out.
func Remedy(o *Outcome, on workday.Date, ag AgencyInfo, doc string, cfg Config) string {
	organ := reviewOrgans(ag, on)
	if on >= remedyNewLaw && o.NonLitigable {
		switch cfg.NonLitigableRemedy {
		case RemedyNone:
			return ""
		case RemedyReviewOnly:
			return fmt.Sprintf("如对本%s不服，可以自收到本%s之日起60日内向%s申请行政复议。", doc, doc, organ)
		}
	}
	if on >= remedyNewLaw && cfg.IsReviewFirst(o.ID) {
		return fmt.Sprintf("如对本%s不服，应当先自收到本%s之日起60日内向%s申请行政复议（《中华人民共和国行政复议法》第二十三条）；对行政复议决定不服的，可以依法向人民法院提起行政诉讼。", doc, doc, organ)
	}
	return fmt.Sprintf("如对本%s不服，可以自收到本%s之日起60日内向%s申请行政复议，或者自知道或者应当知道该行政行为之日起6个月内依法向人民法院提起行政诉讼。", doc, doc, organ)
}

// LetterKinds are the documents a case can produce, by the kind of its step
// (stepRule.Letter).
var LetterKinds = []struct{ Kind, Title string }{
	{"reply", "政府信息公开申请答复书"},
	{"correction", "政府信息公开申请补正告知书"},
	{"extension", "政府信息公开申请延期答复告知书"},
	{"period", "政府信息公开申请延期答复告知书"},
	{"consultation", "政府信息公开征求意见书"},
	{"fee", "政府信息公开信息处理费收费通知书"},
	{"closure", "政府信息公开申请终止处理告知书"},
}

// HasLetter reports whether event seq produces a letter (an undone step does not).
func (c *Case) HasLetter(seq int) bool {
	return seq >= 1 && seq <= len(c.Events) && StepLetter(c.Events[seq-1].Step.Kind) != "" && !c.Undone(seq)
}

// letterCtx is what each kind of letter is written from.
type letterCtx struct {
	c   *Case
	e   Event
	ag  AgencyInfo
	cfg Config
	cal *workday.Calendar
	l   *Letter
}

// LetterFor drafts the letter that goes with event seq of the case: the reply
// for a decision, or the notice for a procedural step. number is the 文号.
func LetterFor(c *Case, seq int, ag AgencyInfo, number string, cfg Config, cal *workday.Calendar) (*Letter, error) {
	if seq < 1 || seq > len(c.Events) {
		return nil, errs.New("seq", "案件没有第 %d 个办理步骤", seq)
	}
	e := c.Events[seq-1]
	kind := StepLetter(e.Step.Kind)
	if kind == "" {
		return nil, errs.New("seq", "“%s”这一步骤不需要文书", StepName(e.Step.Kind))
	}
	if c.Undone(seq) {
		return nil, errs.New("seq", "这一步骤已撤销，不再出具文书")
	}
	if strings.TrimSpace(ag.ReviewOrgan) == "" {
		return nil, errs.New("review_organ", "请先在机关设置中填写复议机关（本级人民政府等），答复书须写明申请复议的机关")
	}
	a := c.Intake.Applicant
	_, via, _, _ := channelInfo(c.Intake.Channel)
	l := &Letter{Kind: kind, Number: number, Signer: ag.Name, Date: e.Step.On, Addressee: a.Name + "：", Contact: ag.Contact}
	for _, k := range LetterKinds {
		if k.Kind == kind {
			l.Title = ag.Name + k.Title
		}
	}
	l.Facts = fmt.Sprintf("本机关于%s收到%s%s的政府信息公开申请，申请获取“%s”。", c.Received.Chinese(), a.You(), via, strings.TrimSpace(c.Intake.Request.Description))
	x := &letterCtx{c: c, e: e, ag: ag, cfg: cfg, cal: cal, l: l}
	var err error
	switch kind {
	case "reply", "closure":
		err = x.reply()
	case "correction":
		err = x.correction()
	case "extension", "period":
		err = x.extension()
	case "consultation":
		err = x.consultation()
	case "fee":
		x.fee()
	}
	if err != nil {
		return nil, err
	}
	return l, nil
}

func (x *letterCtx) reply() error {
	s, l := x.e.Step, x.l
	outcome := s.Outcome
	switch s.Kind {
	case KindTransfer:
		outcome = "not_this_agency"
	case KindCorrectionLapsed:
		outcome = "no_correction"
	case KindFeeLapsed:
		outcome = "no_fee_paid"
	}
	o := OutcomeByID(outcome)
	if o == nil || o.Decision == "" {
		return errs.New("outcome", "“%s”没有答复书模板", outcome)
	}
	you := x.c.Intake.Applicant.You()
	l.Facts += "经研究，现答复如下："
	l.Decision = []string{o.DecisionFor(you)}
	l.Basis = o.Basis
	remedyOf := o
	if len(s.Items) > 0 {
		// answered item by item: each item gets its own decision; the remedy
		// is the strictest any item calls for
		l.Decision = nil
		var bases []string
		for i, it := range s.Items {
			io := OutcomeByID(it.Outcome)
			if io == nil {
				continue
			}
			l.Decision = append(l.Decision, fmt.Sprintf("%s、关于“%s”：%s", chineseNumber(i+1), it.Item, io.DecisionFor(you)))
			if !slices.Contains(bases, io.Basis) && io.Basis != "" {
				bases = append(bases, io.Basis)
			}
			switch {
			case x.cfg.IsReviewFirst(io.ID):
				remedyOf = io
			case !x.cfg.IsReviewFirst(remedyOf.ID) && remedyOf.NonLitigable && !io.NonLitigable:
				remedyOf = io // an item a court hears keeps the full remedy
			}
			if io.ID == "not_this_agency" {
				outcome = io.ID
			}
		}
		l.Basis = strings.Join(bases, "；")
	}
	if len(s.Grounds) > 0 {
		var rs []string
		for _, g := range s.Grounds {
			if r, ok := groundReason(g); ok {
				rs = append(rs, r)
			}
		}
		l.Decision = append(l.Decision, "不予公开部分的理由："+strings.Join(rs, "；")+"。")
	}
	if s.Kind == KindTransfer && s.To != 0 {
		l.Decision = append(l.Decision, "本机关已将"+you+"的申请转送该机关处理。")
	}
	if how := strings.TrimSuffix(strings.TrimSpace(s.Provision), "。"); how != "" {
		l.Decision = append(l.Decision, "提供方式："+how+"。")
	}
	if route := strings.TrimSuffix(strings.TrimSpace(s.Route), "。"); route != "" {
		l.Decision = append(l.Decision, "获取该信息的方式和途径："+route+"。")
	}
	if outcome == "not_this_agency" {
		l.Decision = append(l.Decision, "该信息的公开机关及联系方式："+strings.TrimSuffix(strings.TrimSpace(s.Referral), "。")+"。")
	}
	if note := strings.TrimSpace(s.Note); note != "" {
		l.Decision = append(l.Decision, note)
	}
	doc := "答复"
	if l.Kind == "closure" {
		doc = "告知"
	}
	l.Remedy = Remedy(remedyOf, s.On, x.ag, doc, x.cfg)
	return nil
}

// chineseNumber is 一 … 九十九, for numbered paragraphs.
func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	case n < 100:
		return digits[n/10] + "十" + digits[n%10]
	}
	return fmt.Sprint(n)
}

func (x *letterCtx) correction() error {
	s, l := x.e.Step, x.l
	you := x.c.Intake.Applicant.You()
	by := ""
	switch due, err := x.cal.Add(s.On, x.cfg.CorrectionPeriod); {
	case err == nil:
		by = "于" + due.Chinese() + "前"
	case errors.Is(err, workday.ErrNoNotice):
		// the last day falls in a year whose holiday notice is not loaded
		// yet: the same period, said as a period (counted from the day after)
		by = fmt.Sprintf("自本告知书发出之日起%d个工作日内", x.cfg.CorrectionPeriod)
	default:
		return err
	}
	l.Basis = "《中华人民共和国政府信息公开条例》第三十条"
	l.Decision = []string{
		"经审查，" + you + "的申请内容需要补正。根据《中华人民共和国政府信息公开条例》第三十条的规定，现一次性告知" + you + "需要补正的事项：" + strings.TrimSpace(s.Note),
		fmt.Sprintf("请%s%s向本机关提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。%s无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。", you, by, you),
	}
	return nil
}

func (x *letterCtx) extension() error {
	s, l := x.e.Step, x.l
	due, err := x.c.deadlineAt(x.e.Seq, x.cfg, x.cal)
	switch {
	case err == nil:
	case s.Kind == KindSetPeriod && s.Until != 0:
		due = s.Until // the date the agency set, whatever the calendar holds
	case errors.Is(err, workday.ErrNoNotice) && s.Kind == KindExtend:
		// the new date falls in a year whose holiday notice is not loaded
		// yet (December): the 条例 asks that the applicant be told of the
		// extension, not of its date, so the notice goes without it
		due = 0
	default:
		return err
	}
	reason := strings.TrimSuffix(strings.TrimSpace(s.Note), "。")
	if s.Kind == KindSetPeriod {
		l.Basis = "《中华人民共和国政府信息公开条例》第三十五条"
		l.Decision = []string{fmt.Sprintf("%s，本机关认为申请理由合理，但无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复。根据《中华人民共和国政府信息公开条例》第三十五条的规定，本机关将于%s前作出答复。", reason, due.Chinese())}
		return nil
	}
	_, extension, basis := x.cfg.periods(x.c.Received)
	l.Basis = strings.ReplaceAll(basis, "《条例》", "《中华人民共和国政府信息公开条例》")
	when := "。"
	if due != 0 {
		when = fmt.Sprintf("，本机关将于%s前作出答复。", due.Chinese())
	}
	l.Decision = []string{fmt.Sprintf("因%s，本机关不能在法定期限内作出答复。根据%s的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长%d个工作日%s",
		reason, l.Basis, extension, when)}
	return nil
}

func (x *letterCtx) consultation() error {
	s, l := x.e.Step, x.l
	l.Addressee = strings.TrimSpace(s.Party) + "："
	l.Facts = fmt.Sprintf("本机关于%s收到政府信息公开申请，申请获取“%s”。", x.c.Received.Chinese(), strings.TrimSpace(x.c.Intake.Request.Description))
	days := x.cfg.consultDays(s.PartyKind)
	switch s.PartyKind {
	case PartyOrgan:
		l.Basis = "《中华人民共和国政府信息公开条例》第三十三条第三款"
		l.Decision = []string{"该信息的公开需要征求贵机关意见。根据《中华人民共和国政府信息公开条例》的规定，现书面征求贵机关意见，请以书面形式提出是否同意公开的意见及理由。"}
		if days > 0 {
			l.Decision[0] = strings.TrimSuffix(l.Decision[0], "。") + fmt.Sprintf("，请于收到本征求意见书之日起%d个工作日内答复。", days)
		}
		return nil
	case PartyCoMaker:
		l.Basis = "《中华人民共和国政府信息公开条例》第三十四条"
		l.Decision = []string{fmt.Sprintf("该信息由贵机关与本机关共同制作。根据《中华人民共和国政府信息公开条例》第三十四条的规定，现征求贵机关意见，请于收到本征求意见书之日起%d个工作日内提出意见；逾期未提出意见的，视为同意公开。", days)}
		return nil
	}
	l.Facts += "经审查，该信息的公开可能损害贵方合法权益。"
	l.Basis = "《中华人民共和国政府信息公开条例》第三十二条"
	l.Decision = []string{fmt.Sprintf("根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见。请于收到本征求意见书之日起%d个工作日内以书面形式提出是否同意公开的意见及理由；逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。", days)}
	if s.Delivered != 0 {
		if due := add(x.cal, s.Delivered, days); due != 0 {
			l.Decision[0] = strings.Replace(l.Decision[0], "个工作日内", fmt.Sprintf("个工作日内（%s前）", due.Chinese()), 1)
		}
	}
	return nil
}

func (x *letterCtx) fee() {
	s, l := x.e.Step, x.l
	you := x.c.Intake.Applicant.You()
	l.Basis = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
	method := fmt.Sprintf("按件计收（%s本月第%d件申请）", you, s.Count)
	if s.Method == FeeByPages {
		method = fmt.Sprintf("按量计收（共%d页）", s.Pages)
	}
	pay := fmt.Sprintf("请%s自收到本通知之日起%d个工作日内缴纳。", you, x.cfg.PaymentDays)
	if s.Delivered != 0 {
		if due := add(x.cal, s.Delivered, x.cfg.PaymentDays); due != 0 {
			pay = fmt.Sprintf("请%s自收到本通知之日起%d个工作日内（%s前）缴纳。", you, x.cfg.PaymentDays, due.Chinese())
		}
	}
	l.Decision = []string{
		fmt.Sprintf("根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，%s的申请需缴纳信息处理费。计收方式：%s；收费标准：按该办法规定的超额累进标准；金额：%d元。", you, method, s.Amount),
		pay + "逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。",
	}
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

// letterBody is the letter without its page: the title breaks only between
// the agency's name and the kind of document, never inside a word.
const letterBody = `<h1>{{if .Kind}}<span>{{.Signer}}</span><span>{{.KindTitle}}</span>{{else}}{{.Title}}{{end}}</h1><div class="no">{{.Number}}</div>
<p class="to">{{.Addressee}}</p><p>{{.Facts}}</p>{{range .Decision}}<p>{{.}}</p>{{end}}{{if .Remedy}}<p>{{.Remedy}}</p>{{end}}{{if .Contact}}<p>联系方式：{{.Contact}}</p>{{end}}
<div class="sign">{{.Signer}}<br>{{.Date.Chinese}}</div><div class="seal">（印章）</div>`

// LetterCSS is the style of a printed letter (A4, GB/T 9704 margins).
const LetterCSS = `@page{size:A4;margin:37mm 26mm 35mm 28mm}.letter{font-family:"FangSong","仿宋",serif;font-size:16pt;line-height:1.8;max-width:160mm;margin:0 auto}
.letter h1{font-family:"方正小标宋简体","SimSun",serif;font-size:22pt;font-weight:normal;text-align:center;margin-bottom:0}
.letter h1 span{display:inline-block}.letter .no{text-align:center;margin:.5em 0 1.5em}.letter p{text-indent:2em;margin:0;text-align:justify}.letter p.to{text-indent:0}
.letter .sign{text-align:right;margin-top:2em}.letter .seal{text-align:right;color:#c00}`

var (
	fragmentTmpl = template.Must(template.New("fragment").Parse(`<div class="letter">` + letterBody + `</div>`))
	letterTmpl   = template.Must(template.New("letter").Parse(`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{.Title}}</title><style>body{margin:0}` + LetterCSS + `</style></head>
<body><div class="letter">` + letterBody + `</div></body></html>
`))
)

// KindTitle is the title without the agency's name (政府信息公开申请答复书).
func (l *Letter) KindTitle() string { return strings.TrimPrefix(l.Title, l.Signer) }

// FileName is the name a downloaded letter gets: its 文号 when it has one,
// and its title.
func (l *Letter) FileName() string {
	n := strings.TrimSpace(l.Number)
	if n == "" || strings.HasPrefix(n, "（") {
		return l.Title
	}
	return n + " " + l.KindTitle()
}

// Fragment is the letter as part of a page (the preview before a decision).
func (l *Letter) Fragment() string {
	var b strings.Builder
	if err := fragmentTmpl.Execute(&b, l); err != nil {
		return template.HTMLEscapeString(l.Text())
	}
	return b.String()
}

// HTML renders the letter as a printable page (A4, seal placeholder).
func (l *Letter) HTML() string {
	var b strings.Builder
	if err := letterTmpl.Execute(&b, l); err != nil {
		return template.HTMLEscapeString(l.Text())
	}
	return b.String()
}
