package office

import (
	"gongkai/internal/casework"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// CaseLedger is the case register as exported: identity numbers masked.
func CaseLedger(rows []store.CaseRow) *Ledger {
	l := &Ledger{Title: "申请台账", Headers: []string{"申请编号", "收到申请日期", "申请方式", "申请人类型", "申请人", "证件号码",
		"申请内容", "办理状态", "答复结果", "办结日期", "答复期限"}}
	date := func(d *workday.Date) string {
		if d == nil {
			return ""
		}
		return d.String()
	}
	for _, r := range rows {
		outcome := ""
		if o := casework.OutcomeByID(r.Outcome); o != nil {
			outcome = o.Name
		}
		l.Rows = append(l.Rows, []string{r.Serial, r.Received.String(), casework.ChannelName(r.Channel), r.ApplicantType.Name(),
			r.ApplicantName, r.IDNumber, r.Description, casework.StateName(r.State), outcome, date(r.ClosedOn), date(r.DueOn)})
	}
	return l
}
