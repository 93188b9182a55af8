package casework

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"gongkai/internal/errs"
	"gongkai/internal/workday"
)

// Config holds the rules the law leaves open (law.md marks them UNCONFIRMED);
// each is a setting, documented in docs/CASEWORK.md.
type Config struct {
	ReplyDays        int  // 20 working days (Art. 33)
	ExtensionDays    int  // at most 20 more (Art. 33)
	CorrectionNotice int  // the 补正 notice within 7 working days of receipt (Art. 30)
	CorrectionPeriod int  // the applicant's period to correct; "reasonable", generally ≤ 15 (Jiangsu 规范)
	ConsultDays      int  // a third party answers within 15 working days (Art. 32, 34)
	PaymentDays      int  // 20 working days to pay a fee notice (provincial restatements of 109号)
	FeePausesClock   bool // whether the reply clock stops while a fee is unpaid: UNCONFIRMED nationally
}

// DefaultConfig is the national reading.
func DefaultConfig() Config {
	return Config{ReplyDays: 20, ExtensionDays: 20, CorrectionNotice: 7, CorrectionPeriod: 15, ConsultDays: 15, PaymentDays: 20, FeePausesClock: true}
}

// State of a case.
type State string

const (
	Processing         State = "processing"          // 办理中
	AwaitingCorrection State = "awaiting_correction" // 待补正（期限未开始）
	Consulting         State = "consulting"          // 征求意见中（期限暂停）
	AwaitingPayment    State = "awaiting_payment"    // 待缴费
	Closed             State = "closed"              // 已办结
	Merged             State = "merged"              // 已合并，随主申请合并答复
)

var stateNames = map[State]string{Processing: "办理中", AwaitingCorrection: "待补正", Consulting: "征求意见中", AwaitingPayment: "待缴费", Closed: "已办结", Merged: "已合并办理"}

// StateName is the Chinese name of a state.
func StateName(s State) string { return stateNames[s] }

// Role of the person acting.
type Role string

const (
	Clerk      Role = "clerk"      // 办理人
	Approver   Role = "approver"   // 公开工作机构负责人
	Supervisor Role = "supervisor" // 主管部门
	Admin      Role = "admin"
)

// Actor is who records a step.
type Actor struct {
	Name string `json:"name"`
	Role Role   `json:"role"`
}

// Step kinds.
const (
	KindReceive            = "receive"
	KindRequestCorrection  = "request_correction"
	KindCorrectionReceived = "correction_received"
	KindCorrectionLapsed   = "correction_lapsed"
	KindConsult            = "consult"
	KindConsultEnd         = "consult_end"
	KindExtend             = "extend"
	KindFeeNotice          = "fee_notice"
	KindFeePaid            = "fee_paid"
	KindFeeLapsed          = "fee_lapsed"
	KindDecide             = "decide"
	KindWithdraw           = "withdraw"
	KindMerge              = "merge"
	KindTransfer           = "transfer"
)

// StepKinds describes every step: its Chinese name and legal basis.
var StepKinds = []struct{ Kind, Name, Basis string }{
	{KindReceive, "登记收到申请", "《条例》第三十一条"},
	{KindRequestCorrection, "发出补正告知", "《条例》第三十条：收到申请之日起7个工作日内一次性告知申请人作出补正"},
	{KindCorrectionReceived, "收到补正后的申请", "《条例》第三十条：答复期限自行政机关收到补正的申请之日起计算"},
	{KindCorrectionLapsed, "逾期未补正，不再处理", "《条例》第三十条：申请人无正当理由逾期不补正的，视为放弃申请"},
	{KindConsult, "征求第三方或其他机关意见", "《条例》第三十二条、第三十四条；第三十三条第三款：征求意见所需时间不计算在答复期限内"},
	{KindConsultEnd, "征求意见结束", "《条例》第三十二条：第三方应当自收到征求意见书之日起15个工作日内提出意见"},
	{KindExtend, "延长答复期限", "《条例》第三十三条第二款：经政府信息公开工作机构负责人同意，延长不超过20个工作日"},
	{KindFeeNotice, "发出收费通知", "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"},
	{KindFeePaid, "申请人已缴费", "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"},
	{KindFeeLapsed, "逾期未缴费，不再处理", "申请人逾期未按收费通知要求缴纳费用的，视为放弃申请"},
	{KindDecide, "作出答复", "《条例》第三十三条、第三十六条"},
	{KindWithdraw, "申请人撤回申请", ""},
	{KindMerge, "与同一申请人的相同申请合并办理", "对同一申请人就相同政府信息提出的多个申请合并答复（法释〔2025〕8号第十四条第（三）项）"},
	{KindTransfer, "告知并转送负责公开的机关", "《条例》第三十六条第（五）项：能够确定负责公开该政府信息的行政机关的，告知申请人该行政机关的名称、联系方式"},
}

// StepName returns the Chinese name of a step kind.
func StepName(kind string) string {
	for _, s := range StepKinds {
		if s.Kind == kind {
			return s.Name
		}
	}
	return kind
}

func stepBasis(kind string) string {
	for _, s := range StepKinds {
		if s.Kind == kind {
			return s.Basis
		}
	}
	return ""
}

// Step is what a person asks to record.
type Step struct {
	Kind     string       `json:"kind"`
	On       workday.Date `json:"on"`                 // the date of the fact (notice sent, answer received …)
	Note     string       `json:"note,omitempty"`     // 补正事项, 延期理由, 征求意见对象 …
	Party    string       `json:"party,omitempty"`    // third party / other organ consulted
	Outcome  string       `json:"outcome,omitempty"`  // decide
	Method   FeeMethod    `json:"method,omitempty"`   // fee_notice
	Pages    int          `json:"pages,omitempty"`    // fee_notice, per page
	Count    int          `json:"count,omitempty"`    // fee_notice, per application: the applicant's nth this month
	Amount   int64        `json:"amount,omitempty"`   // fee_notice, computed
	Referral string       `json:"referral,omitempty"` // not_this_agency: the agency to turn to
	Into     int64        `json:"into,omitempty"`     // merge: the case this one is answered with
	To       int64        `json:"to,omitempty"`       // transfer: the agency (in this system) that is responsible
}

// Event is a recorded step: append-only, with who, when and the legal basis.
type Event struct {
	Seq    int       `json:"seq"`
	At     time.Time `json:"at"`
	Actor  Actor     `json:"actor"`
	Basis  string    `json:"basis"`
	Step   Step      `json:"step"`
	Before State     `json:"before"`
	After  State     `json:"after"`
}

// Case is an application with its events; everything else is derived from them.
type Case struct {
	ID       int64        `json:"id"`
	AgencyID int64        `json:"agency_id"`
	Serial   string       `json:"serial"` // 申请编号
	Code     string       `json:"code"`   // 查询码, for the public status page
	Intake   Intake       `json:"intake"`
	Received workday.Date `json:"received_on"`
	Events   []Event      `json:"events"`

	State      State         `json:"state"`
	Outcome    string        `json:"outcome,omitempty"`
	ClosedOn   *workday.Date `json:"closed_on,omitempty"`
	MergedInto int64         `json:"merged_into,omitempty"`
	Version    int           `json:"version"`
}

// Derived facts from the events.
type facts struct {
	state         State
	start         workday.Date // the clock starts the day after
	startWhy      string
	corrected     bool // a 补正 was asked for
	restarted     bool // the corrected application came in: the clock runs from it
	correctionDue workday.Date
	extended      bool
	pauses        []pause
	feeDue        workday.Date
	outcome       string
	closedOn      *workday.Date
	last          workday.Date
	mergedInto    int64
}

type pause struct {
	from, to workday.Date // to == 0 while open
	kind     string
	party    string
}

// NewCase validates the intake and records its receipt as the first event.
func NewCase(in Intake, actor Actor, now time.Time, cal *workday.Calendar) (*Case, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	rd, basis, _ := in.ReceiptDate()
	if rd > workday.FromTime(now) {
		return nil, errs.New(channelFact(in.Channel), "收到申请之日 %s 晚于今天，请核对日期", rd)
	}
	if _, err := cal.IsWorkday(rd); err != nil {
		return nil, err // the receipt date itself must be on a known calendar
	}
	c := &Case{Intake: in, Received: rd, State: Processing}
	c.Events = []Event{{Seq: 1, At: now, Actor: actor, Basis: basis, Step: Step{Kind: KindReceive, On: rd}, After: Processing}}
	return c, nil
}

func channelFact(ch Channel) string {
	for _, c := range Channels {
		if c.ID == ch {
			return c.Fact
		}
	}
	return "channel"
}

func (c *Case) replay(cfg Config, cal *workday.Calendar) (facts, error) {
	f := facts{state: Processing, start: c.Received, startWhy: "收到申请"}
	for _, e := range c.Events {
		s := e.Step
		f.last = s.On
		switch s.Kind {
		case KindReceive:
		case KindRequestCorrection:
			f.corrected = true
			f.state = AwaitingCorrection
			d, err := cal.Add(s.On, cfg.CorrectionPeriod)
			if err != nil && !errors.Is(err, workday.ErrNoNotice) {
				return f, err
			}
			f.correctionDue = d // 0 until next year's notice is loaded
		case KindCorrectionReceived:
			f.state = Processing
			f.restarted = true
			f.start, f.startWhy = s.On, "收到补正后的申请"
			f.pauses = nil
			f.extended = false
		case KindConsult:
			f.state = Consulting
			f.pauses = append(f.pauses, pause{from: s.On, kind: KindConsult, party: s.Party})
		case KindConsultEnd:
			f.state = Processing
			if n := len(f.pauses); n > 0 {
				f.pauses[n-1].to = s.On
			}
		case KindExtend:
			f.extended = true
		case KindFeeNotice:
			f.state = AwaitingPayment
			d, err := cal.Add(s.On, cfg.PaymentDays)
			if err != nil && !errors.Is(err, workday.ErrNoNotice) {
				return f, err
			}
			f.feeDue = d // 0 until next year's notice is loaded
			if cfg.FeePausesClock {
				f.pauses = append(f.pauses, pause{from: s.On, kind: KindFeeNotice})
			}
		case KindFeePaid:
			f.state = Processing
			if n := len(f.pauses); cfg.FeePausesClock && n > 0 {
				f.pauses[n-1].to = s.On
			}
		case KindMerge:
			f.state, f.mergedInto = Merged, s.Into
		case KindCorrectionLapsed, KindFeeLapsed, KindDecide, KindWithdraw, KindTransfer:
			f.state = Closed
			on := s.On
			f.closedOn = &on
			switch s.Kind {
			case KindCorrectionLapsed:
				f.outcome = "no_correction"
			case KindFeeLapsed:
				f.outcome = "no_fee_paid"
			case KindWithdraw:
				f.outcome = "withdrawn"
			case KindTransfer:
				f.outcome = "not_this_agency"
			default:
				f.outcome = s.Outcome
			}
		}
	}
	return f, nil
}

// Deadline is where the statutory clock stands, with the reasons.
type Deadline struct {
	Due       workday.Date `json:"due,omitzero"` // the reply deadline (0 while it has not started)
	Running   bool         `json:"running"`      // false while paused or waiting for 补正
	DaysLeft  int          `json:"days_left"`    // working days from today to Due (negative: overdue)
	Overdue   bool         `json:"overdue"`
	Remaining int          `json:"remaining,omitempty"` // while paused: working days left when it resumes
	Extra     workday.Date `json:"extra_due,omitzero"`  // the other pending deadline: 补正 period, third party's answer, payment
	ExtraWhat string       `json:"extra_what,omitempty"`
	Why       []string     `json:"why"`      // every step of the computation, in Chinese
	Calendar  string       `json:"calendar"` // calendar version used
	OnTime    *bool        `json:"on_time,omitempty"`
}

// Deadline computes the reply deadline of the case on cal as of today.
func (c *Case) Deadline(cfg Config, cal *workday.Calendar, today workday.Date) (Deadline, error) {
	f, err := c.replay(cfg, cal)
	if err != nil {
		return Deadline{}, err
	}
	d := Deadline{Calendar: cal.Version()}
	days := cfg.ReplyDays
	d.Why = append(d.Why, fmt.Sprintf("%s %s，自次日起计算 %d 个工作日（《条例》第三十三条第二款；节假日按国务院办公厅通知，含调休上班日）",
		c.Received.Chinese(), "收到申请（"+ChannelName(c.Intake.Channel)+"）", days))
	if f.corrected {
		for _, e := range c.Events {
			if e.Step.Kind == KindRequestCorrection {
				d.Why = append(d.Why, fmt.Sprintf("%s 发出补正告知，答复期限待收到补正后的申请重新计算；补正期限至 %s", e.Step.On.Chinese(), f.correctionDue.Chinese()))
			}
		}
	}
	if f.state == AwaitingCorrection {
		d.Extra, d.ExtraWhat = f.correctionDue, "补正期限"
		if today > f.correctionDue {
			d.Why = append(d.Why, fmt.Sprintf("补正期限已过（%s），可登记“逾期未补正，不再处理”", f.correctionDue.Chinese()))
		}
		return d, nil
	}
	if f.state == Merged {
		d.Why = append(d.Why, "已与另一件申请合并办理，随该申请一并答复，答复期限以该申请为准")
		return d, nil
	}
	if f.corrected && !f.restarted {
		// closed (not corrected in time, or withdrawn) before the clock started
		d.Why = append(d.Why, "未收到补正后的申请，答复期限未开始计算")
		return d, nil
	}
	if f.restarted {
		d.Why = append(d.Why, fmt.Sprintf("%s 收到补正后的申请，答复期限自该日重新计算 %d 个工作日（《条例》第三十条）", f.start.Chinese(), days))
	}
	if f.extended {
		days += cfg.ExtensionDays
		d.Why = append(d.Why, fmt.Sprintf("经政府信息公开工作机构负责人同意延长 %d 个工作日（《条例》第三十三条第二款）", cfg.ExtensionDays))
	}
	excluded := 0
	var open *pause
	for i := range f.pauses {
		p := &f.pauses[i]
		what := "征求" + orDefault(p.party, "第三方") + "意见"
		if p.kind == KindFeeNotice {
			what = "等待申请人缴纳信息处理费"
		}
		if p.to == 0 {
			open = p
			continue
		}
		n, err := cal.Between(p.from, p.to)
		if err != nil {
			return d, err
		}
		if p.kind == KindConsult && n > cfg.ConsultDays {
			d.Why = append(d.Why, fmt.Sprintf("%s 自 %s 至 %s 共 %d 个工作日，超过第三方答复期限 %d 个工作日的部分计入答复期限", what, p.from.Chinese(), p.to.Chinese(), n, cfg.ConsultDays))
			n = cfg.ConsultDays
		} else {
			d.Why = append(d.Why, fmt.Sprintf("%s 自 %s 至 %s，%d 个工作日不计入答复期限（%s）", what, p.from.Chinese(), p.to.Chinese(), n, pauseBasis(p.kind)))
		}
		excluded += n
	}
	if open != nil {
		used, err := cal.Between(f.start, open.from)
		if err != nil {
			return d, err
		}
		used -= excluded
		d.Remaining = days - used
		what := "征求" + orDefault(open.party, "第三方") + "意见"
		if open.kind == KindFeeNotice {
			what = "等待申请人缴纳信息处理费"
			d.Extra, d.ExtraWhat = f.feeDue, "缴费期限"
		} else {
			due, err := cal.Add(open.from, cfg.ConsultDays)
			if err != nil {
				return d, err
			}
			d.Extra, d.ExtraWhat = due, "第三方答复期限"
		}
		d.Why = append(d.Why, fmt.Sprintf("自 %s 起%s，期限暂停（%s）；恢复计算后还剩 %d 个工作日", open.from.Chinese(), what, pauseBasis(open.kind), d.Remaining))
		return d, nil
	}
	due, err := cal.Add(f.start, days+excluded)
	if err != nil {
		return d, err
	}
	d.Due = due
	d.Why = append(d.Why, fmt.Sprintf("答复期限：%s（%s）", due.Chinese(), due.WeekdayName()))
	if f.state == AwaitingPayment {
		d.Extra, d.ExtraWhat = f.feeDue, "缴费期限"
	}
	if f.state == Closed {
		onTime := f.closedOn != nil && *f.closedOn <= due
		d.OnTime = &onTime
		return d, nil
	}
	d.Running = true
	n, err := cal.Between(today, due)
	if err != nil {
		return d, err
	}
	d.DaysLeft = n
	d.Overdue = today > due
	return d, nil
}

func pauseBasis(kind string) string {
	if kind == KindFeeNotice {
		return "缴费期间是否暂停答复期限，全国性规定未明确，按本机关设置执行"
	}
	return "《条例》第三十三条第三款"
}

func orDefault(s, d string) string {
	if strings.TrimSpace(s) == "" {
		return d
	}
	return s
}

// Allowed lists the steps that can be recorded now, for the buttons of the case page.
func (c *Case) Allowed(cfg Config, cal *workday.Calendar) []string {
	f, err := c.replay(cfg, cal)
	if err != nil {
		return nil
	}
	switch f.state {
	case Processing:
		out := []string{KindDecide, KindConsult, KindFeeNotice, KindWithdraw, KindMerge, KindTransfer}
		if !f.corrected {
			out = append(out, KindRequestCorrection)
		}
		if !f.extended {
			out = append(out, KindExtend)
		}
		return out
	case AwaitingCorrection:
		return []string{KindCorrectionReceived, KindCorrectionLapsed, KindWithdraw}
	case Consulting:
		return []string{KindConsultEnd, KindWithdraw}
	case AwaitingPayment:
		return []string{KindFeePaid, KindFeeLapsed, KindWithdraw}
	case Merged:
		// answered with the case it was merged into (the store records the decision)
		return []string{KindDecide, KindWithdraw}
	}
	return nil
}

func conflict(field, format string, args ...any) error {
	return &errs.Error{Kind: errs.Conflict, Where: field, Msg: fmt.Sprintf(format, args...)}
}

// Apply records a step: it is checked against the state, the dates and the
// actor's role, and on success appended as an event. Nothing changes on error.
func (c *Case) Apply(s Step, actor Actor, now time.Time, cfg Config, cal *workday.Calendar) (*Event, error) {
	f, err := c.replay(cfg, cal)
	if err != nil {
		return nil, err
	}
	today := workday.FromTime(now)
	if s.On == 0 {
		return nil, errs.New("on", "请填写日期")
	}
	if s.On > today {
		return nil, errs.New("on", "日期 %s 晚于今天，不能预先登记", s.On)
	}
	if s.On < f.last {
		return nil, errs.New("on", "日期 %s 早于上一步骤的日期 %s，请核对", s.On, f.last)
	}
	allowed := false
	for _, k := range c.Allowed(cfg, cal) {
		if k == s.Kind {
			allowed = true
		}
	}
	if !allowed {
		if StepName(s.Kind) == s.Kind {
			return nil, errs.New("kind", "未知的办理步骤“%s”", s.Kind)
		}
		if s.Kind == KindRequestCorrection && f.corrected {
			return nil, conflict("kind", "补正只能告知一次（《条例》第三十条要求一次性告知）；补正后仍不明确的，可答复“无法提供：补正后申请内容仍不明确”")
		}
		if s.Kind == KindExtend && f.extended {
			return nil, conflict("kind", "答复期限已经延长过一次，延长不得超过 20 个工作日（《条例》第三十三条第二款）")
		}
		return nil, conflict("kind", "案件当前为“%s”，不能进行“%s”", StateName(f.state), StepName(s.Kind))
	}
	// A deadline that runs into a year without a notice is unknown, which
	// must not stop a clerk from recording what happened.
	dl, err := c.Deadline(cfg, cal, today)
	if err != nil && !errors.Is(err, workday.ErrNoNotice) {
		return nil, err
	}
	calendarGap := err
	switch s.Kind {
	case KindRequestCorrection:
		last, err := cal.Add(c.Received, cfg.CorrectionNotice)
		if err != nil {
			return nil, err
		}
		if s.On > last {
			return nil, conflict("on", "补正告知应在收到申请之日起 %d 个工作日内（即 %s 前）发出，%s 已超过（《条例》第三十条）", cfg.CorrectionNotice, last.Chinese(), s.On.Chinese())
		}
		if strings.TrimSpace(s.Note) == "" {
			return nil, errs.New("note", "请写明需要补正的事项（《条例》第三十条：一次性告知需要补正的事项）")
		}
	case KindCorrectionReceived:
		if f.correctionDue == 0 {
			return nil, calendarGap
		}
		if s.On > f.correctionDue {
			return nil, conflict("on", "补正期限已于 %s 届满；逾期补正的，可登记“逾期未补正”，并将补正材料作为新申请登记", f.correctionDue.Chinese())
		}
	case KindCorrectionLapsed:
		if f.correctionDue == 0 {
			return nil, calendarGap
		}
		if s.On <= f.correctionDue {
			return nil, conflict("on", "补正期限至 %s 才届满，届满前不能按逾期未补正处理", f.correctionDue.Chinese())
		}
	case KindMerge:
		if s.Into == 0 || s.Into == c.ID {
			return nil, errs.New("into", "请填写要合并到的申请（另一件申请的编号）")
		}
	case KindTransfer:
		if strings.TrimSpace(s.Referral) == "" {
			return nil, errs.New("referral", "请填写负责公开该信息的机关名称和联系方式（《条例》第三十六条第（五）项）")
		}
	case KindConsult:
		if strings.TrimSpace(s.Party) == "" {
			return nil, errs.New("party", "请填写征求意见的第三方或机关名称")
		}
	case KindExtend:
		if actor.Role != Approver && actor.Role != Admin {
			return nil, &errs.Error{Kind: errs.Conflict, Where: "role", Msg: "延长答复期限须经政府信息公开工作机构负责人同意（《条例》第三十三条第二款）：请由负责人（审批人角色）办理"}
		}
		if dl.Due != 0 && s.On > dl.Due {
			return nil, conflict("on", "答复期限已于 %s 届满，期限届满后不能再延长", dl.Due.Chinese())
		}
		if strings.TrimSpace(s.Note) == "" {
			return nil, errs.New("note", "请写明延期理由，延期答复告知书须告知申请人")
		}
	case KindFeeNotice:
		switch s.Method {
		case FeeByApplications:
			if s.Count < 1 {
				return nil, errs.New("count", "请填写该申请人本月第几件申请")
			}
			s.Amount = FeeForNextApplication(s.Count)
		case FeeByPages:
			if s.Pages < 1 {
				return nil, errs.New("pages", "请填写页数")
			}
			s.Amount = FeeForPages(s.Pages)
		default:
			return nil, errs.New("method", "请选择计收方式：按件（per_application）或按量（per_page），一件申请只能选一种")
		}
		if s.Amount == 0 {
			return nil, conflict("amount", "按所选方式该申请不收费（按件每月前 10 件、按量前 30 页免费），无需发出收费通知")
		}
		if dl.Due != 0 && s.On > dl.Due {
			return nil, conflict("on", "收费通知应在答复期限（%s）内发出", dl.Due.Chinese())
		}
	case KindFeeLapsed:
		if f.feeDue == 0 {
			return nil, calendarGap
		}
		if s.On <= f.feeDue {
			return nil, conflict("on", "缴费期限至 %s 才届满", f.feeDue.Chinese())
		}
	case KindDecide:
		o := OutcomeByID(s.Outcome)
		if o == nil || o.Row == "other.no_correction" || o.Row == "other.no_fee_paid" || s.Outcome == "withdrawn" {
			var ids []string
			for _, x := range Outcomes {
				if x.ID != "no_correction" && x.ID != "no_fee_paid" && x.ID != "withdrawn" {
					ids = append(ids, x.ID+"（"+x.Name+"）")
				}
			}
			return nil, errs.New("outcome", "请选择答复结果：%s", strings.Join(ids, "、"))
		}
		if o.ID == "unclear_after_correction" && !f.corrected {
			return nil, conflict("outcome", "“补正后申请内容仍不明确”只适用于已经补正过的申请")
		}
		if o.ReviewFirst && actor.Role != Approver && actor.Role != Admin {
			return nil, &errs.Error{Kind: errs.Conflict, Where: "role", Msg: "不予公开、部分公开的答复须由负责人（审批人角色）作出"}
		}
		if o.ID == "not_this_agency" && strings.TrimSpace(s.Referral) == "" {
			return nil, errs.New("referral", "请填写负责公开该信息的机关名称和联系方式（《条例》第三十六条第（五）项）")
		}
	}
	before := f.state
	e := Event{Seq: len(c.Events) + 1, At: now, Actor: actor, Basis: stepBasis(s.Kind), Step: s, Before: before}
	c.Events = append(c.Events, e)
	nf, err := c.replay(cfg, cal)
	if err != nil {
		c.Events = c.Events[:len(c.Events)-1]
		return nil, err
	}
	c.Events[len(c.Events)-1].After = nf.state
	c.State, c.Outcome, c.ClosedOn, c.MergedInto = nf.state, nf.outcome, nf.closedOn, nf.mergedInto
	return &c.Events[len(c.Events)-1], nil
}

// Refresh sets the derived fields from the events (after loading from a store).
func (c *Case) Refresh(cfg Config, cal *workday.Calendar) error {
	f, err := c.replay(cfg, cal)
	if err != nil {
		return err
	}
	c.State, c.Outcome, c.ClosedOn, c.MergedInto = f.state, f.outcome, f.closedOn, f.mergedInto
	return nil
}

// RecordHistoricalOutcome closes a case imported from an older register with
// the outcome that register states. The steps that led to it (补正, fee notice
// …) are not in the register, so the process rules are not replayed; the date
// must still be on or after receipt and not in the future.
func (c *Case) RecordHistoricalOutcome(outcome string, on workday.Date, actor Actor, now time.Time, cfg Config, cal *workday.Calendar) error {
	o := OutcomeByID(outcome)
	if o == nil {
		return errs.New("outcome", "未知的答复结果“%s”", outcome)
	}
	if on < c.Received {
		return errs.New("replied_on", "答复日期 %s 早于收到申请日期 %s", on, c.Received)
	}
	if on > workday.FromTime(now) {
		return errs.New("replied_on", "答复日期 %s 晚于今天", on)
	}
	f, err := c.replay(cfg, cal)
	if err != nil {
		return err
	}
	kind := KindDecide
	if outcome == "withdrawn" {
		kind = KindWithdraw
	}
	c.Events = append(c.Events, Event{Seq: len(c.Events) + 1, At: now, Actor: actor, Basis: "据历史台账导入：" + o.Basis,
		Step: Step{Kind: kind, On: on, Outcome: outcome, Note: "导入"}, Before: f.state})
	nf, err := c.replay(cfg, cal)
	if err != nil {
		c.Events = c.Events[:len(c.Events)-1]
		return err
	}
	c.Events[len(c.Events)-1].After = nf.state
	c.State, c.Outcome, c.ClosedOn = nf.state, nf.outcome, nf.closedOn
	return nil
}
