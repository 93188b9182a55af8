package ops_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"gongkai/internal/errs"
	"gongkai/internal/ops"
	"gongkai/internal/report"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// An agency's report of a year before it kept its reports here is read from
// the file it published and becomes the previous year of its first report:
// the cross-year checks run against it. What cannot be that previous year is
// refused with what to do: a year not over, a year whose report is kept
// here, another agency's or another year's file, a file whose 表三 cannot be
// read; supervisors read only.
func TestPriorReport(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-03-02")
		prior := report.NewReport(report.Format2021)
		prior.Agency, prior.Year = "示例区教育局", 2024
		prior.Zero()
		prior.Sections = map[string]string{"1": "概况。", "5": "公开意识有待加强。", "6": "未收取信息处理费。"}
		prior.Applications["new"] = report.Row{report.N(3), report.N(0), report.N(0), report.N(0), report.N(0), report.N(0), report.N(3)}
		prior.Applications["carried_forward"] = prior.Applications["new"]
		var y bytes.Buffer
		if err := report.WriteYAML(&y, prior); err != nil {
			t.Fatal(err)
		}
		seed, err := os.ReadFile("../../testdata/seed/weibin-2024.txt")
		if err != nil {
			t.Fatal(err)
		}
		for name, c := range map[string]struct {
			p          ops.Principal
			year       int
			file       string
			data       []byte
			kind       errs.Kind
			where, say string
		}{
			"a year not over": {f.clerk, 2026, "2026.yaml", y.Bytes(), errs.Invalid, "year", "只能导入 2019 年至 2025 年"},
			"another agency":  {f.clerk, 2024, "卫滨.txt", seed, errs.Invalid, "file", "这是“卫滨区教育体育和文化旅游局”的报告，不是本机关（示例区教育局）的"},
			"another year":    {f.clerk, 2023, "2024.yaml", y.Bytes(), errs.Invalid, "file", "这是2024年度的报告，不是2023年度的"},
			"no 表三":           {f.clerk, 2024, "通知.txt", []byte("示例区教育局2024年政府信息公开工作年度报告\n一、总体情况\n本年度……\n"), errs.Invalid, "file", "没有从文件中读出表三"},
			"empty":           {f.clerk, 2024, "空.docx", nil, errs.Invalid, "file", "请选择"},
			"a supervisor":    {f.super, 2024, "2024.yaml", y.Bytes(), errs.Forbidden, "", ""},
		} {
			_, err := o.ImportPriorReport(ctx, c.p, c.year, c.file, c.data)
			var e *errs.Error
			if !errors.As(err, &e) || e.Kind != c.kind || e.Where != c.where || !strings.Contains(e.Msg, c.say) {
				t.Errorf("%s: %v", name, err)
			}
		}
		if _, err := s.GetPriorReport(ctx, f.a.ID, 2024); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("a refused import was kept: %v", err)
		}
		// the 报告汇总 of 2024 before: the agency's 表三 from its records
		rowOf := func(ru *ops.Rollup) ops.RollupRow {
			for _, r := range ru.Rows {
				if r.Agency.ID == f.a.ID {
					return r
				}
			}
			t.Fatal("no row of the agency")
			return ops.RollupRow{}
		}
		before, err := o.Rollup(ctx, f.super, 2024)
		if err != nil || rowOf(before).Published {
			t.Fatalf("rollup before: %v", err)
		}
		recs, err := o.Report(ctx, f.clerk, f.a.ID, 2024)
		if err != nil || recs.Published != nil {
			t.Fatalf("2024 before: %v", err)
		}
		v, err := o.Report(ctx, f.clerk, f.a.ID, 2025)
		if err != nil || !v.PrevMissing || v.Prior != nil {
			t.Fatalf("before: missing %v prior %v %v", v.PrevMissing, v.Prior, err)
		}
		// the published text of the seed, as this agency's, then its YAML
		// (a later file replaces the earlier)
		mine := bytes.ReplaceAll(seed, []byte("卫滨区教育体育和文化旅游局"), []byte("示例区教育局"))
		pv, err := o.ImportPriorReport(ctx, f.clerk, 2024, `C:\Users\张\2024年报.txt`, mine)
		if err != nil || pv.FileName != "2024年报.txt" || pv.Report.Applications["new"][6] != report.N(0) {
			t.Fatalf("the published text: %+v %v", pv, err)
		}
		if _, err := o.ImportPriorReport(ctx, f.clerk, 2024, "2024.yaml", y.Bytes()); err != nil {
			t.Fatal(err)
		}
		v, err = o.Report(ctx, f.clerk, f.a.ID, 2025)
		if err != nil || v.PrevMissing || v.Prior == nil || v.Prior.FileName != "2024.yaml" || v.Prior.By != "张办理" {
			t.Fatalf("after: missing %v prior %+v %v", v.PrevMissing, v.Prior, err)
		}
		// the 报告汇总 of 2024 counts the published report, not the records
		// it replaces, as published (neither 报送 nor late), with its checks
		after, err := o.Rollup(ctx, f.super, 2024)
		if err != nil {
			t.Fatal(err)
		}
		row := rowOf(after)
		if !row.Published || row.Status != "已发布（导入）" || row.Late || !row.Checked || !strings.Contains(row.Note, "2024.yaml") {
			t.Errorf("the agency's row: %+v", row)
		}
		total := func(r *report.Report) int64 { n, _ := r.Applications["new"][6].Int(); return n }
		if got, want := total(after.Sum), total(before.Sum)-total(recs.Report)+3; got != want {
			t.Errorf("new applications summed: %d, want %d", got, want)
		}
		if v24, err := o.Report(ctx, f.clerk, f.a.ID, 2024); err != nil || v24.Published == nil || v24.Published.FileName != "2024.yaml" {
			t.Errorf("the 2024 page does not say the published report counts: %v", err)
		}
		// 3 carried into 2025 by the published report; none in the records
		carry := false
		for _, x := range v.Findings {
			carry = carry || x.Rule == "X.CARRY"
		}
		if !carry {
			t.Errorf("no X.CARRY against the imported report: %v", v.Findings)
		}
		// a year whose report is kept here is not replaced by a file
		if _, err := o.SaveReport(ctx, f.bClerk, 2024, ops.ReportEdits{}); err != nil {
			t.Fatal(err)
		}
		if _, err := o.ImportPriorReport(ctx, f.bClerk, 2024, "2024.yaml", bytes.ReplaceAll(y.Bytes(), []byte("示例区教育局"), []byte("示例区财政局"))); errs.KindOf(err) != errs.Conflict {
			t.Errorf("over a report kept here: %v", err)
		}
	})
}
