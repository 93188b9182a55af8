package casework

import (
	"fmt"
	"strings"

	"gongkai/internal/workday"
)

// Deadline is where the statutory clock stands, with the reasons.
type Deadline struct {
	Due       workday.Date `json:"due,omitzero"` // the reply deadline (0 while it has not started)
	Running   bool         `json:"running"`      // false while paused or waiting for 补正
	DaysLeft  int          `json:"days_left"`    // working days from today to Due (negative: overdue)
	Overdue   bool         `json:"overdue"`
	Remaining int          `json:"remaining,omitempty"` // while paused: working days left when it resumes
	// Extra is the other pending deadline: the 补正 notice or period, the
	// consulted party's answer, the payment. ExtraWhat names it; ExtraNote says
	// why it is not known yet (a delivery date not recorded).
	Extra     workday.Date `json:"extra_due,omitzero"`
	ExtraWhat string       `json:"extra_what,omitempty"`
	ExtraNote string       `json:"extra_note,omitempty"`
	ExtraLate bool         `json:"extra_passed,omitempty"` // Extra has passed
	Why       []string     `json:"why"`                    // every step of the computation, in Chinese
	// Public is the same computation for the applicant (the status page):
	// no consulted party's name, no hint meant for the clerk.
	Public   []string `json:"-"`
	Calendar string   `json:"calendar"` // calendar version used
	OnTime   *bool    `json:"on_time,omitempty"`
}

// OverdueDays is how many working days late an open case is (0 when not).
func (d Deadline) OverdueDays() int {
	if !d.Overdue {
		return 0
	}
	return -d.DaysLeft
}

// Deadline computes the reply deadline of the case on cal as of today.
func (c *Case) Deadline(cfg Config, cal *workday.Calendar, today workday.Date) (Deadline, error) {
	return c.deadlineFrom(c.replay(cfg, cal), cfg, cal, today)
}

// why explains a step to the clerk and to the applicant alike.
func (d *Deadline) why(format string, args ...any) {
	line := fmt.Sprintf(format, args...)
	d.Why = append(d.Why, line)
	d.Public = append(d.Public, line)
}

// staff explains a step to the clerk only; public (possibly empty) is what
// the applicant reads instead.
func (d *Deadline) staff(line, public string) {
	d.Why = append(d.Why, line)
	if public != "" {
		d.Public = append(d.Public, public)
	}
}

// pauseWhy explains a pause: the format's first verb is what was paused
// for, the consulted party named to the clerk, only its kind to the
// applicant (Art. 32 protects the third party's identity too).
func (d *Deadline) pauseWhy(p *pause, format string, args ...any) {
	d.Why = append(d.Why, fmt.Sprintf(format, append([]any{p.what()}, args...)...))
	d.Public = append(d.Public, fmt.Sprintf(format, append([]any{p.publicWhat()}, args...)...))
}

func (d *Deadline) extra(on workday.Date, what string, today workday.Date) {
	d.Extra, d.ExtraWhat = on, what
	d.ExtraLate = on != 0 && today > on
}

func (c *Case) deadlineFrom(f *facts, cfg Config, cal *workday.Calendar, today workday.Date) (Deadline, error) {
	d := Deadline{Calendar: cal.Version()}
	days, extension, basis := cfg.periods(c.Received)
	d.why("%s 收到申请（%s），自次日起计算 %d 个工作日（%s；节假日按国务院办公厅通知，含调休上班日）",
		c.Received.Chinese(), ChannelName(c.Intake.Channel), days, basis)
	if defects := c.Defects(); len(defects) > 0 && !f.corrected && f.state.Open() {
		last := add(cal, c.Received, cfg.CorrectionNotice)
		var what []string
		for _, e := range defects {
			what = append(what, e.Msg)
		}
		// whether the application is incomplete is the agency's call, made
		// by its notice: the applicant reads of it only when one is sent
		d.staff(fmt.Sprintf("申请内容不完整：%s。应于收到申请之日起 %d 个工作日内（%s 前）一次性告知补正（《条例》第三十条）",
			strings.Join(what, "；"), cfg.CorrectionNotice, last.Chinese()), "")
		d.extra(last, "补正告知期限", today)
	}
	if f.corrected {
		d.why("%s 发出补正告知，答复期限待收到补正后的申请重新计算；补正期限至 %s", f.correctionNotice.Chinese(), f.correctionDue.Chinese())
	}
	switch {
	case f.state == AwaitingCorrection:
		d.extra(f.correctionDue, "补正期限", today)
		if d.ExtraLate {
			d.staff(fmt.Sprintf("补正期限已过（%s），可登记“逾期未补正，不再处理”", f.correctionDue.Chinese()),
				fmt.Sprintf("补正期限已过（%s）", f.correctionDue.Chinese()))
		}
		return d, nil
	case f.state == Merged:
		d.why("已与另一件申请合并办理，随该申请一并答复，答复期限以该申请为准")
		return d, nil
	case f.corrected && !f.restarted:
		// closed (not corrected in time, or withdrawn) before the clock started
		d.why("未收到补正后的申请，答复期限未开始计算")
		return d, nil
	}
	if f.restarted {
		d.why("%s 收到补正后的申请，答复期限自该日重新计算 %d 个工作日（《条例》第三十条）", f.start.Chinese(), days)
	}
	if f.extended {
		days += extension
		d.why("经政府信息公开工作机构负责人同意延长 %d 个工作日（%s）", extension, basis)
	}
	excluded, open, err := c.pauses(f, cfg, cal, &d)
	if err != nil {
		return d, err
	}
	if open != nil {
		return c.paused(f, open, days, excluded, cfg, cal, today, d)
	}
	due, err := cal.Add(f.start, days+excluded)
	if err != nil {
		return d, err
	}
	if f.until > due {
		d.why("申请数量、频次明显超过合理范围但理由合理，确定在 %s 前答复（《条例》第三十五条）", f.until.Chinese())
		due = f.until
	}
	d.Due = due
	d.why("答复期限：%s（%s）", due.Chinese(), due.WeekdayName())
	if f.state == AwaitingPayment {
		c.feeExtra(f, cfg, today, &d)
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
	if d.Overdue {
		d.why("已逾期 %d 个工作日", -n)
	}
	return d, nil
}

// pauses adds up the working days excluded by the closed pauses and returns
// the open one, if any.
func (c *Case) pauses(f *facts, cfg Config, cal *workday.Calendar, d *Deadline) (int, *pause, error) {
	excluded := 0
	var open *pause
	for i := range f.pauses {
		p := &f.pauses[i]
		if p.to == 0 {
			open = p
			continue
		}
		n, err := cal.Between(p.from, p.to)
		if err != nil {
			return 0, nil, err
		}
		if p.kind == KindConsult {
			if limit := cfg.consultDays(p.partyKind); limit > 0 {
				answer, err := cal.Add(p.received(), limit)
				if err != nil {
					return 0, nil, err
				}
				if p.to > answer {
					capped, err := cal.Between(p.from, answer)
					if err != nil {
						return 0, nil, err
					}
					d.pauseWhy(p, "%s 自 %s 至 %s 共 %d 个工作日；答复期限为%s后 %d 个工作日（至 %s），超过的 %d 个工作日计入答复期限",
						p.from.Chinese(), p.to.Chinese(), n, p.receivedWhat(), limit, answer.Chinese(), n-capped)
					excluded += capped
					continue
				}
			}
		}
		d.pauseWhy(p, "%s 自 %s 至 %s，%d 个工作日不计入答复期限（%s）", p.from.Chinese(), p.to.Chinese(), n, pauseBasis(p.kind))
		excluded += n
	}
	return excluded, open, nil
}

// paused is the deadline while a pause is open: how much of the period is
// left when the clock resumes, and when the other side must answer.
func (c *Case) paused(f *facts, p *pause, days, excluded int, cfg Config, cal *workday.Calendar, today workday.Date, d Deadline) (Deadline, error) {
	used, err := cal.Between(f.start, p.from)
	if err != nil {
		return d, err
	}
	d.Remaining = days - (used - excluded)
	if p.kind == KindFeeNotice {
		c.feeExtra(f, cfg, today, &d)
	} else if limit := cfg.consultDays(p.partyKind); limit > 0 {
		due, err := cal.Add(p.received(), limit)
		if err != nil {
			return d, err
		}
		d.extra(due, "征求意见答复期限", today)
		if p.delivered == 0 {
			d.ExtraNote = fmt.Sprintf("对方应自收到征求意见书之日起 %d 个工作日内答复；送达日期未登记，暂按发出之日计算", limit)
		}
	}
	d.pauseWhy(p, "自 %[2]s 起%[1]s，期限暂停（%[3]s）；恢复计算后还剩 %[4]d 个工作日", p.from.Chinese(), pauseBasis(p.kind), d.Remaining)
	return d, nil
}

// feeExtra sets the payment period: 20 working days from the day after the
// applicant receives the notice, unknown until the delivery is recorded.
func (c *Case) feeExtra(f *facts, cfg Config, today workday.Date, d *Deadline) {
	if f.feeDelivered == 0 {
		d.ExtraWhat = "缴费期限"
		d.ExtraNote = fmt.Sprintf("自申请人收到收费通知次日起 %d 个工作日；送达日期尚未登记", cfg.PaymentDays)
		return
	}
	d.extra(f.feeDue, "缴费期限", today)
	d.why("收费通知于 %s 送达，缴费期限至 %s（收到通知次日起 %d 个工作日）", f.feeDelivered.Chinese(), f.feeDue.Chinese(), cfg.PaymentDays)
}

func (p *pause) what() string {
	if p.kind == KindFeeNotice {
		return "等待申请人缴纳信息处理费"
	}
	party := strings.TrimSpace(p.party)
	if party == "" {
		party = "第三方"
	}
	return "征求" + party + "意见"
}

// publicWhat is what for the applicant: the kind of party consulted,
// never its name.
func (p *pause) publicWhat() string {
	if p.kind == KindFeeNotice {
		return p.what()
	}
	switch p.partyKind {
	case PartyCoMaker:
		return "征求共同制作机关意见"
	case PartyOrgan:
		return "征求有关机关意见"
	}
	return "征求第三方意见"
}

// received is when the consulted party got the request: its answer period
// runs from then (the sending date while the delivery is not recorded).
func (p *pause) received() workday.Date {
	if p.delivered != 0 {
		return p.delivered
	}
	return p.from
}

func (p *pause) receivedWhat() string {
	if p.delivered != 0 {
		return "对方收到征求意见书（" + p.delivered.Chinese() + "）"
	}
	return "发出征求意见书（送达日期未登记）"
}

func pauseBasis(kind StepKind) string {
	if kind == KindFeeNotice {
		return "缴费期间是否暂停答复期限，全国性规定未明确，按本系统设置执行"
	}
	return "《条例》第三十三条第三款"
}
