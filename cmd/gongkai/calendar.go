package main

import (
	"context"
	"fmt"
	"os"

	"gongkai/internal/errs"
	"gongkai/internal/guard"
	"gongkai/internal/ops"
	"gongkai/internal/workday"
)

// cmdCalendar loads a new year's holiday notice into the database, without a
// rebuild, and recomputes the open deadlines in the same transaction.
func (c *cli) cmdCalendar(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	if len(args) == 0 || (args[0] != "load" && args[0] != "list") {
		fmt.Fprintln(stderr, "用法：gongkai calendar load [--db URL] 通知文件（YAML 或 CSV） | calendar list [--db URL]")
		return 2
	}
	fs := newFlags("calendar "+args[0], "calendar load [--db URL] [--by 操作人] [--year 年 --notice 文号 --published 日期（CSV 时）] 通知文件", stderr)
	db := fs.String("db", defaultDB(), dbHelp)
	by := fs.String("by", "管理员（命令行）", "操作人，记入导入记录和操作记录")
	year := fs.Int("year", 0, "CSV 格式时：通知所属年份")
	number := fs.String("notice", "", "CSV 格式时：通知文号")
	published := fs.String("published", "", "CSV 格式时：发布日期")
	pos, err := parseArgs(fs, args[1:])
	if err == nil && args[0] == "list" {
		err = refuseStray(fs, pos)
	}
	if err != nil {
		return usageExit(err)
	}
	o, err := c.openOps(ctx, *db)
	if err != nil {
		return fail(stderr, err)
	}
	defer c.closeStore(o.Store)
	cal, err := o.Calendar(ctx)
	if err != nil {
		return fail(stderr, err)
	}
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
	data, err := readFile(pos[0], workday.MaxNoticeSize)
	if err != nil {
		return fail(stderr, err)
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
	moved, err := o.LoadCalendar(ctx, ops.Principal{Name: *by, Via: "cli"}, n, es)
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stdout, "已导入 %d 年节假日安排（%s，%d 个日期），重新计算了未办结申请的答复期限。\n", n.Year, n.Number, len(es))
	if len(moved) == 0 {
		fmt.Fprintln(stdout, "没有答复期限发生变化。")
	}
	for _, m := range moved {
		fmt.Fprintf(stdout, "答复期限变化：申请编号 %s（机关 %d）由 %s 改为 %s\n", m.Serial, m.AgencyID, m.From, m.To)
	}
	return 0
}

// readFile reads a file of at most max bytes: a larger one is refused
// before it is read into memory.
func readFile(path string, max int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, errs.Wrap(errs.NotFound, err, path, "无法读取文件")
	}
	if err := guard.Size(path, st.Size(), max); err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, errs.Wrap(errs.NotFound, err, path, "无法读取文件")
	}
	return data, nil
}
