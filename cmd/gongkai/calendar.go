package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/workday"
)

// cmdCalendar loads a new year's holiday notice into the database, without a
// rebuild, and recomputes the open deadlines.
func cmdCalendar(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || (args[0] != "load" && args[0] != "list") {
		fmt.Fprintln(stderr, "用法：gongkai calendar load [--db URL] 通知文件（YAML 或 CSV） | calendar list [--db URL]")
		return 2
	}
	fs := newFlags("calendar "+args[0], "calendar load [--db URL] [--by 操作人] [--year 年 --notice 文号 --published 日期（CSV 时）] 通知文件", stderr)
	db := fs.String("db", defaultDB(), dbHelp)
	by := fs.String("by", "管理员", "操作人，记入导入记录")
	year := fs.Int("year", 0, "CSV 格式时：通知所属年份")
	number := fs.String("notice", "", "CSV 格式时：通知文号")
	published := fs.String("published", "", "CSV 格式时：发布日期")
	pos, err := parseArgs(fs, args[1:])
	if err != nil {
		return usageExit(err)
	}
	s, cal, err := openStore(ctx, *db)
	if err != nil {
		return fail(stderr, err)
	}
	defer s.Close()
	if args[0] == "list" {
		for _, y := range cal.Years() {
			n, _ := cal.Notice(y)
			fmt.Fprintf(stdout, "%d\t%s\t发布于 %s\n", y, n.Number, n.Published)
		}
		return 0
	}
	if len(pos) != 1 {
		fs.Usage()
		return 2
	}
	data, err := os.ReadFile(pos[0])
	if err != nil {
		return fail(stderr, errs.Wrap(errs.NotFound, err, pos[0], "无法读取通知文件"))
	}
	var pub workday.Date
	if *published != "" {
		if pub, err = workday.ParseDate(*published); err != nil {
			return fail(stderr, errs.New("--published", "%s", errs.Message(err)))
		}
	}
	n, es, err := workday.ParseNotice(pos[0], data, *year, *number, pub)
	if err != nil {
		return fail(stderr, err)
	}
	next, err := cal.WithNotice(n, es)
	if err != nil {
		return fail(stderr, err)
	}
	if err := s.SaveNotice(ctx, n, es, *by); err != nil {
		return fail(stderr, err)
	}
	moved, err := s.RecomputeDeadlines(ctx, next, casework.DefaultConfig())
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stdout, "已导入 %d 年节假日安排（%s，%d 个日期），重新计算了未办结申请的答复期限。\n", n.Year, n.Number, len(es))
	if len(moved) == 0 {
		fmt.Fprintln(stdout, "没有答复期限发生变化。")
	}
	for _, r := range moved {
		fmt.Fprintf(stdout, "答复期限变化：申请编号 %s（机关 %d）由 %s 改为 %s\n", r.Serial, r.AgencyID, r.DueMovedFrom, r.DueOn)
	}
	return 0
}
