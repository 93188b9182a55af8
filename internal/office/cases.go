package office

import (
	"strings"

	"gongkai/internal/casework"
	"gongkai/internal/workday"
)

// CaseLedger is the case register as exported: identity numbers masked; a
// 机关 column when the rows come from several agencies.
func CaseLedger(rows []casework.Row) *Ledger {
	many := false
	for _, r := range rows {
		many = many || r.AgencyID != rows[0].AgencyID
	}
	l := &Ledger{Title: "申请台账", Headers: []string{"申请编号", "收到申请日期", "申请方式", "申请人类型", "申请人", "证件号码",
		"申请内容", "办理状态", "答复结果", "办结日期", "答复期限", "承办人", "办理中经过", "档号"}}
	if many {
		l.Headers = append([]string{"机关"}, l.Headers...)
	}
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
		row := []string{r.Serial, r.Received.String(), casework.ChannelName(r.Channel), r.ApplicantType.Name(),
			r.ApplicantName, r.IDNumber, r.Description, casework.StateName(r.State), outcome, date(r.ClosedOn), date(r.DueOn), r.Handler,
			strings.Join(r.Marks.Names(), "、"), r.ArchiveNo}
		if many {
			row = append([]string{r.Agency}, row...)
		}
		l.Rows = append(l.Rows, row)
	}
	return l
}
