package casework

import (
	"errors"
	"fmt"
	"time"

	"gongkai/internal/clock"
	"gongkai/internal/errs"
	"gongkai/internal/workday"
)

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

// States is every state with its Chinese name, in the order a list offers them.
var States = []struct {
	ID   State
	Name string
}{
	{Processing, "办理中"}, {AwaitingCorrection, "待补正"}, {Consulting, "征求意见中"},
	{AwaitingPayment, "待缴费"}, {Merged, "已合并办理"}, {Closed, "已办结"},
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

// Open reports whether a case in this state still waits for an answer.
func (s State) Open() bool { return s != Closed && s != Merged }

// DueGap says why an open application has no reply deadline to show: its
// state stops the clock, or else the date cannot be computed yet (a year's
// holiday notice is not loaded). "" for a closed one.
func (s State) DueGap() string {
	switch s {
	case AwaitingCorrection:
		return "待补正后计算"
	case AwaitingPayment:
		return "缴费期间不计算"
	case Consulting:
		return "征求意见期间不计算"
	case Closed, Merged:
		return ""
	}
	return "暂无法计算"
}

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

// PartyKind is who is consulted (Arts. 32–34).
type PartyKind string

const (
	PartyThird    PartyKind = "third_party" // 第三方 (Art. 32)
	PartyCoMaker  PartyKind = "co_maker"    // 共同制作机关 (Art. 34)
	PartyOrgan    PartyKind = "organ"       // 其他机关 (Art. 33 para 3)
	partyFallback           = PartyThird
)

// PartyKinds for forms and the API.
var PartyKinds = []struct {
	ID   PartyKind
	Name string
}{{PartyThird, "第三方（第三十二条）"}, {PartyCoMaker, "共同制作的行政机关（第三十四条）"}, {PartyOrgan, "其他机关（第三十三条第三款）"}}

// Step is what a person asks to record.
type Step struct {
	Kind      StepKind     `json:"kind"`
	On        workday.Date `json:"on"`                    // the date of the fact (notice sent, answer received …)
	Note      string       `json:"note,omitempty"`        // 补正事项, 延期理由, 撤销理由 …
	Party     string       `json:"party,omitempty"`       // consult: the third party or organ
	PartyKind PartyKind    `json:"party_kind,omitempty"`  // consult
	Outcome   OutcomeID    `json:"outcome,omitempty"`     // decide
	Grounds   []OutcomeID  `json:"grounds,omitempty"`     // decide, 部分公开: the reasons for the withheld part (Art. 37)
	Method    FeeMethod    `json:"method,omitempty"`      // fee_notice
	Pages     int          `json:"pages,omitempty"`       // fee_notice, per page
	Count     int          `json:"count,omitempty"`       // fee_notice, per application: the applicant's nth this month (from the records)
	Amount    int64        `json:"amount,omitempty"`      // fee_notice, computed
	Delivered workday.Date `json:"delivered_on,omitzero"` // fee_notice, consult: the day the notice reached its addressee, when known
	Until     workday.Date `json:"until,omitzero"`        // set_period: the reasonable reply date (Art. 35)
	Referral  string       `json:"referral,omitempty"`    // not_this_agency: the agency to turn to
	Route     string       `json:"route,omitempty"`       // already_public: how and where to obtain it (Art. 36(1))
	Provision string       `json:"provision,omitempty"`   // disclosed, partly_disclosed: the form and way it is provided (Art. 40)
	Into      int64        `json:"into,omitempty"`        // merge: the case this one is answered with
	To        int64        `json:"to,omitempty"`          // transfer: the agency (in this system) that is responsible
	Undoes    int          `json:"undoes,omitempty"`      // undo: the event withdrawn
	Items     []ItemResult `json:"items,omitempty"`       // decide, when 表三 counts items: one outcome per item
}

// ItemResult is the outcome of one item of an application with several.
type ItemResult struct {
	Item    string    `json:"item"`
	Outcome OutcomeID `json:"outcome"`
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
	Serial   string       `json:"serial"` // 申请编号, per agency and year: 2025-0001
	Code     string       `json:"code"`   // 查询码, for the public status page
	Intake   Intake       `json:"intake"`
	Received workday.Date `json:"received_on"`
	Events   []Event      `json:"events"`

	State      State         `json:"state"`
	Outcome    OutcomeID     `json:"outcome,omitempty"`
	ClosedOn   *workday.Date `json:"closed_on,omitempty"`
	MergedInto int64         `json:"merged_into,omitempty"`
	Version    int           `json:"version"`
}

// Undone reports whether event seq was withdrawn by a later undo.
func (c *Case) Undone(seq int) bool {
	for _, e := range c.Events {
		if e.Step.Kind == KindUndo && e.Step.Undoes == seq {
			return true
		}
	}
	return false
}

// NewCase checks the intake and records its receipt as the first event.
// Defects of content (Art. 29) do not stop the registration: Defects lists
// them and the 补正 notice comes first among the next steps.
func NewCase(in Intake, actor Actor, clk clock.Clock, cal *workday.Calendar) (*Case, error) {
	if problems, _ := in.Check(); len(problems) > 0 {
		return nil, problems
	}
	rd, basis, _ := in.ReceiptDate()
	if rd > clk.Today() {
		_, _, fact, _ := channelInfo(in.Channel)
		return nil, errs.New(fact, "收到申请之日 %s 晚于今天（%s），请核对日期", rd, clk.Today())
	}
	if _, err := cal.IsWorkday(rd); err != nil {
		return nil, err // the receipt date itself must be on a known calendar
	}
	c := &Case{Intake: in, Received: rd, State: Processing}
	c.Events = []Event{{Seq: 1, At: clk.Now(), Actor: actor, Basis: basis, Step: Step{Kind: KindReceive, On: rd}, After: Processing}}
	return c, nil
}

// facts are what the events establish, folded one event at a time.
type facts struct {
	state            State
	start            workday.Date // the clock starts the day after
	corrected        bool         // a 补正 was asked for
	correctionNotice workday.Date
	restarted        bool // the corrected application came in: the clock runs from it
	correctionDue    workday.Date
	extended         bool
	until            workday.Date // Art. 35 reasonable reply date
	pauses           []pause
	feeNotice        workday.Date
	feeDelivered     workday.Date
	feeDue           workday.Date // 0 until delivered (or until next year's notice is loaded)
	outcome          OutcomeID
	closedOn         *workday.Date
	last             workday.Date
	lastSeq          int // the last effective event
	mergedInto       int64
}

type pause struct {
	from, to  workday.Date // to == 0 while open
	delivered workday.Date // the consulted party's receipt, when known
	kind      StepKind
	party     string
	partyKind PartyKind
}

// add is cal.Add where a year without a notice leaves the date unknown (0):
// the clerk can still record what happened.
func add(cal *workday.Calendar, d workday.Date, n int) workday.Date {
	x, err := cal.Add(d, n)
	if err != nil {
		return 0
	}
	return x
}

// replay folds every effective event (not undone, not an undo) into facts.
func (c *Case) replay(cfg Config, cal *workday.Calendar) *facts {
	undone := map[int]bool{}
	for _, e := range c.Events {
		if e.Step.Kind == KindUndo {
			undone[e.Step.Undoes] = true
		}
	}
	f := &facts{state: Processing, start: c.Received}
	for _, e := range c.Events {
		if e.Step.Kind != KindUndo && !undone[e.Seq] {
			f.fold(e, cfg, cal)
		}
	}
	return f
}

// fold applies one event to the facts.
func (f *facts) fold(e Event, cfg Config, cal *workday.Calendar) {
	s := e.Step
	f.last, f.lastSeq = s.On, e.Seq
	switch s.Kind {
	case KindRequestCorrection:
		f.corrected, f.correctionNotice = true, s.On
		f.state = AwaitingCorrection
		f.correctionDue = add(cal, s.On, cfg.CorrectionPeriod)
	case KindCorrectionReceived:
		f.state = Processing
		f.restarted = true
		f.start = s.On
		f.pauses, f.extended, f.until = nil, false, 0
	case KindConsult:
		f.state = Consulting
		pk := s.PartyKind
		if pk == "" {
			pk = partyFallback
		}
		f.pauses = append(f.pauses, pause{from: s.On, delivered: s.Delivered, kind: KindConsult, party: s.Party, partyKind: pk})
	case KindConsultEnd:
		f.state = Processing
		if n := len(f.pauses); n > 0 {
			f.pauses[n-1].to = s.On
		}
	case KindExtend:
		f.extended = true
	case KindSetPeriod:
		f.until = s.Until
	case KindFeeNotice:
		f.state = AwaitingPayment
		f.feeNotice, f.feeDelivered, f.feeDue = s.On, 0, 0
		if s.Delivered != 0 {
			f.feeDelivered = s.Delivered
			f.feeDue = add(cal, s.Delivered, cfg.PaymentDays)
		}
		if cfg.FeePausesClock {
			f.pauses = append(f.pauses, pause{from: s.On, kind: KindFeeNotice})
		}
	case KindFeeDelivered:
		f.feeDelivered = s.On
		f.feeDue = add(cal, s.On, cfg.PaymentDays)
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
		f.outcome = map[StepKind]OutcomeID{KindCorrectionLapsed: "no_correction", KindFeeLapsed: "no_fee_paid",
			KindWithdraw: "withdrawn", KindTransfer: "not_this_agency", KindDecide: s.Outcome}[s.Kind]
	}
}

// Allowed lists the steps that can be recorded now, in the order the case
// page offers them: a 补正 first when the application is defective.
func (c *Case) Allowed(cfg Config, cal *workday.Calendar) []StepKind {
	return c.allowed(c.replay(cfg, cal))
}

func (c *Case) allowed(f *facts) []StepKind {
	var out []StepKind
	first := len(c.Defects()) > 0 && f.state == Processing && !f.corrected
	if first {
		out = append(out, KindRequestCorrection)
	}
	for _, r := range stepRules {
		if r.offered(c, f) && (r.Kind != KindRequestCorrection || !first) {
			out = append(out, r.Kind)
		}
	}
	return out
}

// Apply records a step: it is checked against the state, the dates, the
// actor's role and the step's own rules, and on success appended as an
// event. Nothing changes on error.
func (c *Case) Apply(s Step, actor Actor, clk clock.Clock, cfg Config, cal *workday.Calendar) (*Event, error) {
	f := c.replay(cfg, cal)
	today := clk.Today()
	r := ruleFor(s.Kind)
	if r == nil || s.Kind == KindReceive {
		return nil, errs.New("kind", "未知的办理步骤“%s”", s.Kind)
	}
	if s.On == 0 {
		return nil, errs.New("on", "请填写日期")
	}
	if s.On > today {
		return nil, errs.New("on", "日期 %s 晚于今天（%s），不能预先登记", s.On, today)
	}
	if s.On < f.last {
		return nil, errs.New("on", "日期 %s 早于上一步骤的日期 %s，请核对", s.On, f.last)
	}
	if !r.offered(c, f) {
		return nil, r.refusal(f)
	}
	if r.head && actor.Role != Approver {
		return nil, &errs.Error{Kind: errs.Conflict, Where: "role", Msg: r.Name + "须由政府信息公开工作机构负责人办理（负责人角色）"}
	}
	x := &stepCtx{c: c, f: f, s: &s, actor: actor, today: today, cfg: cfg, cal: cal}
	x.dl, x.dlErr = c.deadlineFrom(f, cfg, cal, today)
	if x.dlErr != nil && !errors.Is(x.dlErr, workday.ErrNoNotice) {
		return nil, x.dlErr // a deadline in a year without a notice stays unknown, which must not stop a step
	}
	if r.check != nil {
		if err := r.check(x); err != nil {
			return nil, err
		}
	}
	e := Event{Seq: len(c.Events) + 1, At: clk.Now(), Actor: actor, Basis: r.Basis, Step: s, Before: f.state}
	c.Events = append(c.Events, e)
	if s.Kind == KindUndo {
		f = c.replay(cfg, cal)
	} else {
		f.fold(e, cfg, cal)
	}
	c.Events[len(c.Events)-1].After = f.state
	c.set(f)
	return &c.Events[len(c.Events)-1], nil
}

func (c *Case) set(f *facts) {
	c.State, c.Outcome, c.ClosedOn, c.MergedInto = f.state, f.outcome, f.closedOn, f.mergedInto
}

// Refresh sets the derived fields from the events (after loading from a store).
func (c *Case) Refresh(cfg Config, cal *workday.Calendar) {
	c.set(c.replay(cfg, cal))
}

// RecordHistoricalOutcome closes a case imported from an older register with
// the outcome that register states. The steps that led to it (补正, fee notice
// …) are not in the register, so the process rules are not replayed; the date
// must still be on or after receipt and not in the future.
func (c *Case) RecordHistoricalOutcome(outcome OutcomeID, on workday.Date, actor Actor, clk clock.Clock, cfg Config, cal *workday.Calendar) error {
	o := OutcomeByID(outcome)
	if o == nil {
		return errs.New("outcome", "未知的答复结果“%s”", outcome)
	}
	if on < c.Received {
		return errs.New("replied_on", "答复日期 %s 早于收到申请日期 %s", on, c.Received)
	}
	if on > clk.Today() {
		return errs.New("replied_on", "答复日期 %s 晚于今天", on)
	}
	f := c.replay(cfg, cal)
	kind := KindDecide
	if outcome == "withdrawn" {
		kind = KindWithdraw
	}
	e := Event{Seq: len(c.Events) + 1, At: clk.Now(), Actor: actor, Basis: "据历史台账导入：" + o.Basis,
		Step: Step{Kind: kind, On: on, Outcome: outcome, Note: "导入"}, Before: f.state}
	f.fold(e, cfg, cal)
	e.After = f.state
	c.Events = append(c.Events, e)
	c.set(f)
	return nil
}

// LastEffective is the seq of the last event that an undo would withdraw (0: none).
func (c *Case) LastEffective(cfg Config, cal *workday.Calendar) int {
	f := c.replay(cfg, cal)
	if f.lastSeq <= 1 {
		return 0
	}
	return f.lastSeq
}

func conflict(field, format string, args ...any) error {
	return &errs.Error{Kind: errs.Conflict, Where: field, Msg: fmt.Sprintf(format, args...)}
}

// Mark is a step the 办理情况统计 counts an application by: taken and not
// withdrawn. The values are stored (cases.marks): never renumber them.
type Mark int

const (
	MarkExtended   Mark = 1 << iota // 延期答复 (Art. 33 para 2)
	MarkCorrection                  // 补正 asked for (Art. 30)
	MarkConsulted                   // 征求意见 of a third party or another organ (Arts. 32–34)
)

// MarkKind is a mark with the query key and the name the lists show.
type MarkKind struct {
	Mark      Mark
	Key, Name string
}

// MarkKinds are the marks in the order the statistics show them.
var MarkKinds = []MarkKind{{MarkExtended, "extended", "延期答复"}, {MarkCorrection, "correction", "要求补正"}, {MarkConsulted, "consulted", "征求意见"}}

// MarkByKey returns the mark of a query key, or 0.
func MarkByKey(key string) Mark {
	for _, m := range MarkKinds {
		if m.Key == key {
			return m.Mark
		}
	}
	return 0
}

// Names are the names of the marks in m, in MarkKinds' order; Keys their keys.
func (m Mark) Names() []string { return m.each(func(k MarkKind) string { return k.Name }) }

// Keys are the query keys of the marks in m.
func (m Mark) Keys() []string { return m.each(func(k MarkKind) string { return k.Key }) }

func (m Mark) each(f func(MarkKind) string) []string {
	var out []string
	for _, k := range MarkKinds {
		if m&k.Mark != 0 {
			out = append(out, f(k))
		}
	}
	return out
}

// Marks are the counted steps the case's effective events hold.
func (c *Case) Marks() Mark {
	var m Mark
	for _, e := range c.Events {
		if c.Undone(e.Seq) {
			continue
		}
		switch e.Step.Kind {
		case KindExtend:
			m |= MarkExtended
		case KindRequestCorrection:
			m |= MarkCorrection
		case KindConsult:
			m |= MarkConsulted
		}
	}
	return m
}
