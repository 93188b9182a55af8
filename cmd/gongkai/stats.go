package main

import (
	"context"
	"fmt"
	"strings"

	"gongkai/internal/casework"
	"gongkai/internal/office"
	"gongkai/internal/ops"
)

// cmdStats prints the 办理情况统计 of an agency and those it supervises, as
// the web page counts them: a table to read, or CSV to keep.
func (c *cli) cmdStats(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	fs := newFlags("stats", "stats [--db URL] --agency 机关 [--year 年度] [--csv]", stderr)
	db := fs.String("db", defaultDB(), dbHelp)
	agency := fs.String("agency", "", "机关名称（主管部门时包括其所辖机关）")
	year := fs.Int("year", c.clock.Today().Year(), "年度")
	csv := fs.Bool("csv", false, "输出 CSV（UTF-8 带 BOM），供 Excel 打开")
	if err := flagsOnly(fs, args); err != nil {
		return usageExit(err)
	}
	o, ag, err := c.openAgency(ctx, *db, *agency)
	if err != nil {
		return fail(stderr, err)
	}
	defer c.closeStore(o.Store)
	// as the agency's supervising office sees it: itself and those below
	p := ops.Principal{AgencyID: ag.ID, Name: "命令行", Role: casework.Supervisor, Via: "cli"}
	st, err := o.Stats(ctx, p, *year)
	if err != nil {
		return fail(stderr, err)
	}
	l := st.Ledger()
	if *csv {
		if err := office.LedgerCSV(stdout, l, false); err != nil {
			return fail(stderr, err)
		}
		return 0
	}
	fmt.Fprintln(stdout, l.Title)
	for _, row := range append([][]string{l.Headers}, l.Rows...) {
		cells := make([]string, len(row))
		for i, v := range row {
			if v == "" {
				v = "—"
			}
			cells[i] = v
		}
		fmt.Fprintln(stdout, strings.Join(cells, "\t"))
	}
	if st.Unmeasured > 0 {
		fmt.Fprintf(stdout, "有 %d 件答复的办理时间跨入节假日安排尚未导入的年度，未计入用时（gongkai calendar load 导入该年度的通知）\n", st.Unmeasured)
	}
	return 0
}
