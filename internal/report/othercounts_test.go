package report_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gongkai/internal/report"
)

// Reports count other things in words the narrative check reads — permits
// applied for, 复议 cases the agency decided or that were not about
// disclosure, other fees, hotline requests, training — and none of them is
// a claim about 表三, 表四 or the 信息处理费: appended to clean generated
// reports, they raise no N.TABLE. The same reports with a sentence that
// does contradict 表三 raise one, so the check is on.
func TestOtherCountsAreNoClaims(t *testing.T) {
	others := []string{
		"全年共受理行政许可申请3456件，办结率100%。",
		"本年度办理行政复议案件（不含政府信息公开类）12件，行政应诉案件5件。",
		"全年收取不动产登记费12.5万元，均按规定上缴国库。",
		"全年依申请公开130条信息。",
		"共收到人大代表建议和政协委员提案申请答复28件。",
		"受理群众信访件96件，均已办结。",
		"全年办理政务服务事项申请10余万件。",
		"本单位作为被申请人参加行政复议7次。",
		"组织政府信息公开培训3次，参训人员达120人次。",
		"申请人对答复不服提起行政复议的，依法按期答复。",
		"全年共收到各类申请材料2000余份。",
		"完成2023年度行政复议案件统计报送工作。",
		"收到市民热线转办申请类诉求355件。",
		"累计减免各类收费36件。",
	}
	ntable := func(r *report.Report) string {
		for _, f := range report.Check(r, nil) {
			if f.Rule == "N.TABLE" {
				return f.Message
			}
		}
		return ""
	}
	for i := range 14 {
		gen := func() *report.Report {
			return report.Generate(rand.New(rand.NewPCG(uint64(i), 77)), fmt.Sprintf("示例第%d局", i), 2019+i%7)
		}
		if msg := ntable(gen()); msg != "" {
			t.Fatalf("report %d is not clean: %s", i, msg)
		}
		for _, s := range others {
			r := gen()
			r.Sections["1"] += "\n" + s
			if msg := ntable(r); msg != "" {
				t.Errorf("report %d with %q: %s", i, s, msg)
			}
		}
		r := gen()
		r.Sections["1"] += "\n全年共收到政府信息公开申请9999件。"
		if ntable(r) == "" {
			t.Errorf("report %d: a count of applications that contradicts 表三 raised no N.TABLE", i)
		}
	}
}
