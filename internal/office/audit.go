package office

import (
	"strconv"

	"gongkai/internal/auditor"
	"gongkai/internal/errs"
	"gongkai/internal/report"
)

// SeverityName is a finding's level as the report pages say it.
var SeverityName = map[report.Severity]string{report.SevError: "错误", report.SevWarning: "警告", report.SevInfo: "提示"}

// AuditLedger is the result of checking published reports as a workbook:
// one row per finding (a file without any, or that could not be read, has
// one row saying so), in the order the files were checked.
func AuditLedger(outs []auditor.Outcome) *Ledger {
	l := &Ledger{Title: "报告核查结果", Headers: []string{"文件", "机关", "年度", "格式", "与上年报告核对", "级别", "规则", "规则编号", "行", "说明"},
		Numeric: []bool{false, false, true, false, false, false, false, false, true, false}}
	for _, o := range outs {
		if o.Err != nil {
			l.Rows = append(l.Rows, []string{o.Name, "", "", "", "", "无法读取", "", "", "", errs.Plain(o.Err)})
			continue
		}
		r := o.Report
		year := ""
		if r.Year != 0 {
			year = strconv.Itoa(r.Year)
		}
		head := []string{o.Name, r.Agency, year, r.Format.Title(), o.Prev}
		if len(r.Findings) == 0 {
			l.Rows = append(l.Rows, append(head, "", "", "", "", "未发现问题"))
			continue
		}
		for _, f := range r.Findings {
			line := ""
			if f.Line > 0 {
				line = strconv.Itoa(f.Line)
			}
			l.Rows = append(l.Rows, append(head[:len(head):len(head)], SeverityName[f.Severity], report.RuleTitle(f.Rule), f.Rule, line, f.Message))
		}
	}
	return l
}
