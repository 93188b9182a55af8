package casework

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"gongkai/internal/errs"
	"gongkai/internal/workday"
)

// StepKind names a step of the process.
type StepKind string

// Step kinds.
const (
	KindReceive            StepKind = "receive"
	KindRequestCorrection  StepKind = "request_correction"
	KindCorrectionReceived StepKind = "correction_received"
	KindCorrectionLapsed   StepKind = "correction_lapsed"
	KindConsult            StepKind = "consult"
	KindConsultEnd         StepKind = "consult_end"
	KindExtend             StepKind = "extend"
	KindSetPeriod          StepKind = "set_period"
	KindFeeNotice          StepKind = "fee_notice"
	KindFeeDelivered       StepKind = "fee_delivered"
	KindFeePaid            StepKind = "fee_paid"
	KindFeeLapsed          StepKind = "fee_lapsed"
	KindDecide             StepKind = "decide"
	KindWithdraw           StepKind = "withdraw"
	KindMerge              StepKind = "merge"
	KindTransfer           StepKind = "transfer"
	KindUndo               StepKind = "undo"
)

// stepCtx is what a step's check sees.
type stepCtx struct {
	c     *Case
	f     *facts
	s     *Step
	actor Actor
	today workday.Date
	cfg   Config
	cal   *workday.Calendar
	dl    Deadline
	dlErr error // ErrNoNotice: the deadline runs into a year whose notice is not loaded
}

// stepRule is one step of the process: when it may be taken, by whom, and
// what it requires (as report.Rules is for the report's checks).
type stepRule struct {
	Kind   StepKind
	Name   string
	Basis  string
	From   []State           // the states it may be taken in
	offer  func(*facts) bool // a further condition (nil: none)
	head   bool              // only the head of the disclosure office (负责人)
	check  func(*stepCtx) error
	Letter string // the kind of letter it produces (LetterKinds), "" for none
}

var stepRules []stepRule

func init() {
	open := []State{Processing, AwaitingCorrection, Consulting, AwaitingPayment, Merged}
	stepRules = []stepRule{
		{Kind: KindReceive, Name: "登记收到申请", Basis: "《条例》第三十一条"},
		{Kind: KindDecide, Name: "作出答复", Basis: "《条例》第三十三条、第三十六条", From: []State{Processing, Merged}, check: checkDecide, Letter: "reply"},
		{Kind: KindRequestCorrection, Name: "发出补正告知", Basis: "《条例》第三十条：收到申请之日起7个工作日内一次性告知申请人作出补正",
			From: []State{Processing}, offer: func(f *facts) bool { return !f.corrected }, check: checkCorrection, Letter: "correction"},
		{Kind: KindCorrectionReceived, Name: "收到补正后的申请", Basis: "《条例》第三十条：答复期限自行政机关收到补正的申请之日起计算",
			From: []State{AwaitingCorrection}, check: checkCorrectionReceived},
		{Kind: KindCorrectionLapsed, Name: "逾期未补正，不再处理", Basis: "《条例》第三十条：申请人无正当理由逾期不补正的，视为放弃申请",
			From: []State{AwaitingCorrection}, check: checkCorrectionLapsed, Letter: "closure"},
		{Kind: KindConsult, Name: "征求第三方或其他机关意见", Basis: "《条例》第三十二条、第三十四条；第三十三条第三款：征求意见所需时间不计算在答复期限内",
			From: []State{Processing}, check: checkConsult, Letter: "consultation"},
		{Kind: KindConsultEnd, Name: "征求意见结束", Basis: "《条例》第三十二条：第三方应当自收到征求意见书之日起15个工作日内提出意见", From: []State{Consulting}},
		{Kind: KindExtend, Name: "延长答复期限", Basis: "《条例》第三十三条第二款：经政府信息公开工作机构负责人同意，延长不超过20个工作日",
			From: []State{Processing}, offer: func(f *facts) bool { return !f.extended }, head: true, check: checkExtend, Letter: "extension"},
		{Kind: KindSetPeriod, Name: "确定合理答复期限（大量申请）", Basis: "《条例》第三十五条：申请理由合理，但无法在规定期限内答复的，可以确定延迟答复的合理期限并告知申请人",
			From: []State{Processing}, offer: func(f *facts) bool { return f.until == 0 }, head: true, check: checkSetPeriod, Letter: "period"},
		{Kind: KindFeeNotice, Name: "发出收费通知", Basis: "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", From: []State{Processing}, check: checkFeeNotice, Letter: "fee"},
		{Kind: KindFeeDelivered, Name: "收费通知已送达", Basis: "缴费期限自申请人收到收费通知之日起计算（收到申请之日的认定规则同《条例》第三十一条）",
			From: []State{AwaitingPayment}, offer: func(f *facts) bool { return f.feeDelivered == 0 }, check: checkFeeDelivered},
		{Kind: KindFeePaid, Name: "申请人已缴费", Basis: "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", From: []State{AwaitingPayment}},
		{Kind: KindFeeLapsed, Name: "逾期未缴费，不再处理", Basis: "申请人逾期未按收费通知要求缴纳费用的，视为放弃申请", From: []State{AwaitingPayment}, check: checkFeeLapsed, Letter: "closure"},
		{Kind: KindWithdraw, Name: "申请人撤回申请", From: open},
		{Kind: KindMerge, Name: "与同一申请人的相同申请合并办理", Basis: "对同一申请人就相同政府信息提出的多个申请合并答复（法释〔2025〕8号第十四条第（三）项）",
			From: []State{Processing}, check: checkMerge},
		{Kind: KindTransfer, Name: "告知并转送负责公开的机关", Basis: "《条例》第三十六条第（五）项：能够确定负责公开该政府信息的行政机关的，告知申请人该行政机关的名称、联系方式",
			From: []State{Processing}, check: checkReferral, Letter: "closure"},
		{Kind: KindUndo, Name: "撤销误登记的步骤", Basis: "更正误登记：原记录保留，标注撤销",
			From: append(open, Closed), offer: func(f *facts) bool { return f.lastSeq > 1 }, head: true, check: checkUndo},
	}
}

// StepKinds lists every step with its Chinese name and basis (forms, the OpenAPI).
func StepKinds() []stepRule { return stepRules }

func ruleFor(k StepKind) *stepRule {
	for i := range stepRules {
		if stepRules[i].Kind == k {
			return &stepRules[i]
		}
	}
	return nil
}

// StepName returns the Chinese name of a step kind.
func StepName(k StepKind) string {
	if r := ruleFor(k); r != nil {
		return r.Name
	}
	return string(k)
}

// StepBasis returns the legal basis of a step kind.
func StepBasis(k StepKind) string {
	if r := ruleFor(k); r != nil {
		return r.Basis
	}
	return ""
}

// StepLetter is the letter kind a step produces ("" for none).
func StepLetter(k StepKind) string {
	if r := ruleFor(k); r != nil {
		return r.Letter
	}
	return ""
}

// HeadOnly reports whether only the head of the disclosure office may take the step.
func HeadOnly(k StepKind) bool {
	r := ruleFor(k)
	return r != nil && r.head
}

func (r *stepRule) offered(c *Case, f *facts) bool {
	return slices.Contains(r.From, f.state) && (r.offer == nil || r.offer(f))
}

func (r *stepRule) refusal(f *facts) error {
	switch {
	case r.Kind == KindRequestCorrection && f.corrected:
		return conflict("kind", "补正只能告知一次（《条例》第三十条要求一次性告知）；补正后仍不明确的，可答复“无法提供：补正后申请内容仍不明确”")
	case r.Kind == KindExtend && f.extended:
		return conflict("kind", "答复期限已经延长过一次，延长不得超过规定期限（《条例》第三十三条第二款）")
	case r.Kind == KindUndo:
		return conflict("kind", "没有可以撤销的步骤")
	}
	return conflict("kind", "案件当前为“%s”，不能进行“%s”", StateName(f.state), r.Name)
}

// RouteNeeded is the message when an answer that the information is public
// does not say where.
const RouteNeeded = "请填写获取该信息的方式和途径（如发布的网站、栏目、标题、发布日期、网址，《条例》第三十六条第（一）项）"

func required(v, field, msg string) error {
	if strings.TrimSpace(v) == "" {
		return errs.New(field, "%s", msg)
	}
	return maxLen(v, field)
}

func maxLen(v, field string) error {
	if n := utf8.RuneCountInString(v); n > MaxNote {
		return errs.New(field, "内容太长（%d 字），最多 %d 字", n, MaxNote)
	}
	return nil
}

// beforeDue refuses a step taken after the reply period expired: an
// extension, a fee notice and a consultation all must come within it.
func (x *stepCtx) beforeDue(what string) error {
	if x.dl.Due != 0 && x.s.On > x.dl.Due {
		return conflict("on", "答复期限已于 %s 届满，期限届满后不能再%s", x.dl.Due.Chinese(), what)
	}
	return nil
}

func checkCorrection(x *stepCtx) error {
	last, err := x.cal.Add(x.c.Received, x.cfg.CorrectionNotice)
	if err != nil {
		return err
	}
	if x.s.On > last {
		return conflict("on", "补正告知应在收到申请之日起 %d 个工作日内（即 %s 前）发出，%s 已超过（《条例》第三十条）", x.cfg.CorrectionNotice, last.Chinese(), x.s.On.Chinese())
	}
	return required(x.s.Note, "note", "请写明需要补正的事项（《条例》第三十条：一次性告知需要补正的事项）")
}

func (x *stepCtx) correctionDue() (workday.Date, error) {
	if x.f.correctionDue == 0 {
		// the period runs into a year whose notice is not loaded
		_, err := x.cal.Add(x.f.correctionNotice, x.cfg.CorrectionPeriod)
		return 0, err
	}
	return x.f.correctionDue, nil
}

func checkCorrectionReceived(x *stepCtx) error {
	due, err := x.correctionDue()
	if err != nil {
		return err
	}
	if x.s.On > due {
		return conflict("on", "补正期限已于 %s 届满；逾期补正的，可登记“逾期未补正”，并将补正材料作为新申请登记", due.Chinese())
	}
	return nil
}

func checkCorrectionLapsed(x *stepCtx) error {
	due, err := x.correctionDue()
	if err != nil {
		return err
	}
	if x.s.On <= due {
		return conflict("on", "补正期限至 %s 才届满，届满前不能按逾期未补正处理", due.Chinese())
	}
	return nil
}

func checkConsult(x *stepCtx) error {
	if err := required(x.s.Party, "party", "请填写征求意见的第三方或机关名称"); err != nil {
		return err
	}
	if x.s.PartyKind == "" {
		x.s.PartyKind = partyFallback
	}
	known := false
	for _, p := range PartyKinds {
		known = known || p.ID == x.s.PartyKind
	}
	if !known {
		return errs.New("party_kind", "征求意见对象的类别不对")
	}
	if x.s.Delivered != 0 && x.s.Delivered < x.s.On {
		return errs.New("delivered_on", "送达日期 %s 早于发出日期 %s", x.s.Delivered, x.s.On)
	}
	return x.beforeDue("征求意见")
}

func checkExtend(x *stepCtx) error {
	if err := x.beforeDue("延长"); err != nil {
		return err
	}
	return required(x.s.Note, "note", "请写明延期理由，延期答复告知书须告知申请人")
}

func checkSetPeriod(x *stepCtx) error {
	if err := x.beforeDue("确定延迟答复的期限"); err != nil {
		return err
	}
	if x.s.Until == 0 {
		return errs.New("until", "请填写合理的答复日期")
	}
	if x.dl.Due != 0 && x.s.Until <= x.dl.Due {
		return errs.New("until", "合理答复日期应晚于现在的答复期限 %s", x.dl.Due.Chinese())
	}
	return required(x.s.Note, "note", "请写明申请数量、频次明显超过合理范围而理由合理的情况（《条例》第三十五条）")
}

func checkFeeNotice(x *stepCtx) error {
	s := x.s
	switch s.Method {
	case FeeByApplications:
		if s.Count < 1 {
			return errs.New("count", "该申请人本月的申请件数未能统计，请稍后再试")
		}
		s.Amount = FeeForNextApplication(s.Count)
	case FeeByPages:
		if s.Pages < 1 {
			return errs.New("pages", "请填写页数")
		}
		s.Amount = FeeForPages(s.Pages)
	default:
		return errs.New("method", "请选择计收方式：按件或按量，一件申请只能选一种")
	}
	if s.Amount == 0 {
		return conflict("method", "按所选方式该申请不收费（按件每月前 10 件、按量前 30 页免费），无需发出收费通知")
	}
	if s.Delivered != 0 && s.Delivered < s.On {
		return errs.New("delivered_on", "送达日期 %s 早于通知日期 %s", s.Delivered, s.On)
	}
	if x.dl.Due != 0 && s.On > x.dl.Due {
		return conflict("on", "收费通知应在答复期限（%s）内发出", x.dl.Due.Chinese())
	}
	return nil
}

func checkFeeDelivered(x *stepCtx) error {
	if x.s.On < x.f.feeNotice {
		return errs.New("on", "送达日期 %s 早于收费通知日期 %s", x.s.On, x.f.feeNotice)
	}
	return nil
}

func checkFeeLapsed(x *stepCtx) error {
	if x.f.feeDelivered == 0 {
		return conflict("kind", "收费通知的送达日期未登记：缴费期限自申请人收到通知之日起计算，请先登记“收费通知已送达”")
	}
	due := x.f.feeDue
	if due == 0 {
		_, err := x.cal.Add(x.f.feeDelivered, x.cfg.PaymentDays)
		return err
	}
	if x.s.On <= due {
		return conflict("on", "缴费期限至 %s 才届满（收到通知次日起 %d 个工作日），届满前不能按逾期未缴费处理", due.Chinese(), x.cfg.PaymentDays)
	}
	return nil
}

func checkDecide(x *stepCtx) error {
	s := x.s
	if err := x.checkItems(); err != nil {
		return err
	}
	outcomes := []OutcomeID{s.Outcome}
	if len(s.Items) > 0 {
		s.Outcome, outcomes = s.Items[0].Outcome, nil
		for _, it := range s.Items {
			outcomes = append(outcomes, it.Outcome)
		}
	}
	o := OutcomeByID(s.Outcome)
	if o == nil || !o.Decidable {
		var names []string
		for _, d := range DecideOutcomes() {
			names = append(names, d.Name)
		}
		return errs.New("outcome", "请选择答复结果：%s", strings.Join(names, "、"))
	}
	if o.ID == "unclear_after_correction" && !x.f.corrected {
		return conflict("outcome", "“补正后申请内容仍不明确”只适用于已经补正过的申请")
	}
	if o.Withholds && x.actor.Role != Approver {
		return &errs.Error{Kind: errs.Conflict, Where: "role", Msg: "不予公开、部分公开的答复须由负责人（负责人角色）作出"}
	}
	if slices.Contains(outcomes, "not_this_agency") {
		if err := required(s.Referral, "referral", "请填写负责公开该信息的机关名称和联系方式（《条例》第三十六条第（五）项）"); err != nil {
			return err
		}
	}
	// Art. 36(1) makes the route the answer itself: a letter that only says
	// the information is public answers nothing
	if slices.Contains(outcomes, "already_public") {
		if err := required(s.Route, "route", RouteNeeded); err != nil {
			return err
		}
	} else {
		s.Route = ""
	}
	if !slices.Contains(outcomes, "disclosed") && !slices.Contains(outcomes, "partly_disclosed") {
		s.Provision = ""
	} else if err := maxLen(s.Provision, "provision"); err != nil {
		return err
	}
	if slices.Contains(outcomes, "partly_disclosed") {
		if len(s.Grounds) == 0 {
			return errs.New("grounds", "部分公开须说明不予公开部分的理由（《条例》第三十七条）：请选择依据")
		}
		for _, g := range s.Grounds {
			if _, ok := groundReason(g); !ok {
				return errs.New("grounds", "不予公开的依据“%s”不对", g)
			}
		}
	} else {
		s.Grounds = nil
	}
	return maxLen(s.Note, "note")
}

// checkItems: when 表三 counts items, an application with several gets one
// outcome per item, and the decision's own outcome is the first item's.
func (x *stepCtx) checkItems() error {
	s, items := x.s, x.c.Intake.Request.Items
	if x.cfg.UnitOfCount != UnitItem || len(items) < 2 {
		s.Items = nil
		return nil
	}
	if len(s.Items) != len(items) {
		return errs.New("items", "本申请有 %d 项申请事项，请逐项选择答复结果", len(items))
	}
	for i := range s.Items {
		s.Items[i].Item = items[i]
		io := OutcomeByID(s.Items[i].Outcome)
		if io == nil || !io.Decidable {
			return errs.New(fmt.Sprintf("items[%d].outcome", i), "第 %d 项的答复结果不对", i+1)
		}
		if io.Withholds && x.actor.Role != Approver {
			return &errs.Error{Kind: errs.Conflict, Where: "role", Msg: "不予公开、部分公开的答复须由负责人（负责人角色）作出"}
		}
	}
	return nil
}

// ItemOutcomes are what 表三 counts for a case: one outcome per item when the
// decision gave them, otherwise its outcome once per item.
func (c *Case) ItemOutcomes() []OutcomeID {
	for i := len(c.Events) - 1; i >= 0; i-- {
		e := c.Events[i]
		if e.Step.Kind == KindDecide && !c.Undone(e.Seq) && len(e.Step.Items) > 0 && c.State == Closed {
			out := make([]OutcomeID, len(e.Step.Items))
			for j, it := range e.Step.Items {
				out[j] = it.Outcome
			}
			return out
		}
	}
	if c.Outcome == "" {
		return nil
	}
	out := make([]OutcomeID, c.Intake.Request.Units())
	for i := range out {
		out[i] = c.Outcome
	}
	return out
}

func checkReferral(x *stepCtx) error {
	return required(x.s.Referral, "referral", "请填写负责公开该信息的机关名称和联系方式（《条例》第三十六条第（五）项）")
}

func checkMerge(x *stepCtx) error {
	if x.s.Into == 0 || x.s.Into == x.c.ID {
		return errs.New("into", "请选择要合并到的申请（同一申请人的另一件申请）")
	}
	return nil
}

func checkUndo(x *stepCtx) error {
	if x.s.Undoes == 0 {
		x.s.Undoes = x.f.lastSeq
	}
	if x.s.Undoes != x.f.lastSeq {
		return conflict("undoes", "只能撤销最后一个步骤（第 %d 步）", x.f.lastSeq)
	}
	return required(x.s.Note, "note", "请写明撤销的原因")
}

// CheckMerge says whether c may be merged into into: the same applicant, and
// a case still open (the rule of 法释〔2025〕8号 Art. 14(3) on combined replies).
func CheckMerge(c, into *Case) error {
	if into.AgencyID != c.AgencyID {
		return errs.New("into", "要合并到的申请不存在或不属于本机关")
	}
	if !into.State.Open() {
		return &errs.Error{Kind: errs.Conflict, Where: "into", Msg: "只能合并到尚未办结的申请（申请编号 " + into.Serial + " " + StateName(into.State) + "）"}
	}
	a, b := c.Intake.Applicant, into.Intake.Applicant
	if !((a.IDNum != "" && a.IDNum == b.IDNum) || (a.IDNum == "" && SameName(a.Name, b.Name))) {
		return &errs.Error{Kind: errs.Conflict, Where: "into", Msg: "只能合并同一申请人的申请"}
	}
	return nil
}

// TransferIntake is the application as the responsible agency registers it
// after a transfer: the same content, received on the day of the transfer.
func TransferIntake(c *Case, s Step) Intake {
	in := c.Intake
	in.SetReceivedOn(s.On)
	return in
}
