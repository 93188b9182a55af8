package main

import (
	"bytes"
	"context"
	"fmt"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/office"
	"gongkai/internal/ops"
	"gongkai/internal/workday"
)

func (c *cli) cmdExport(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	if len(args) == 0 || args[0] != "cases" {
		fmt.Fprintln(stderr, "用法：gongkai export cases [--db URL] --agency 机关 [--year 年度] --format xlsx|csv [--gb18030] -o 文件")
		return 2
	}
	fs := newFlags("export cases", "export cases [--db URL] --agency 机关 [--year 年度] --format xlsx|csv [--gb18030] -o 文件", stderr)
	db := fs.String("db", defaultDB(), dbHelp)
	agency := fs.String("agency", "", "机关名称")
	year := fs.Int("year", 0, "只导出该年度收到的申请")
	format := fs.String("format", "xlsx", "xlsx 或 csv")
	gb := fs.Bool("gb18030", false, "CSV 用 GB18030 编码（默认 UTF-8 带 BOM）")
	out := fs.String("o", "", "输出文件")
	force := fs.Bool("force", false, "覆盖已存在的文件")
	if err := flagsOnly(fs, args[1:]); err != nil {
		return usageExit(err)
	}
	if *out == "" {
		return fail(stderr, errs.New("-o", "请用 -o 指定输出文件"))
	}
	if *format != "xlsx" && *format != "csv" {
		return fail(stderr, errs.New("--format", "只能是 xlsx 或 csv"))
	}
	o, ag, err := c.openAgency(ctx, *db, *agency)
	if err != nil {
		return fail(stderr, err)
	}
	defer c.closeStore(o.Store)
	f := casework.Filter{AgencyIDs: []int64{ag.ID}, Limit: 500}
	if *year != 0 {
		from, to := workday.NewDate(*year, 1, 1), workday.NewDate(*year, 12, 31)
		f.ReceivedFrom, f.ReceivedTo = &from, &to
	}
	p := ops.Operator(ag.ID, "命令行")
	bar := c.progress("导出")
	var all []casework.Row
	for {
		page, total, err := o.Cases(ctx, p, f)
		if err != nil {
			return fail(stderr, err)
		}
		all = append(all, page...)
		f.Offset += len(page)
		bar(f.Offset, total)
		if len(page) == 0 || f.Offset >= total {
			break
		}
	}
	var b bytes.Buffer
	l := office.CaseLedger(all)
	if *format == "xlsx" {
		err = office.LedgerXLSX(&b, l)
	} else {
		err = office.LedgerCSV(&b, l, *gb)
	}
	if err != nil {
		return fail(stderr, err)
	}
	return writeOut(*out, *force, b.Bytes(), stdout, stderr)
}
