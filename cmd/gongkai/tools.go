package main

import (
	"fmt"
	"os"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/workday"
)

// calendar returns the embedded national calendar, with an overlay file when given.
func calendar(overlay string) (*workday.Calendar, error) {
	cal := workday.Default()
	if overlay == "" {
		return cal, nil
	}
	f, err := os.Open(overlay)
	if err != nil {
		return nil, errs.Wrap(errs.NotFound, err, overlay, "无法读取地方节假日调整文件")
	}
	defer func() { _ = f.Close() }() // only read
	es, err := workday.ReadEntries(overlay, f)
	if err != nil {
		return nil, err
	}
	return cal.WithOverlay(overlay, es)
}

func (c *cli) cmdWorkday(args []string) int {
	stdout, stderr := c.stdout, c.stderr
	if len(args) == 0 {
		fmt.Fprintln(stderr, "用法：gongkai workday add --from YYYY-MM-DD --days N | between D1 D2 | years")
		return 2
	}
	switch args[0] {
	case "add":
		fs := newFlags("workday add", "workday add --from YYYY-MM-DD --days N [--overlay 地方调整.csv]", stderr)
		from := fs.String("from", "", "起算日（收到申请之日），从次日开始计算")
		days := fs.Int("days", 20, "工作日数")
		overlay := fs.String("overlay", "", "地方节假日调整（CSV：date,kind,holiday,notice_year,notice）")
		if err := flagsOnly(fs, args[1:]); err != nil {
			return usageExit(err)
		}
		d, err := workday.ParseDate(*from)
		if err != nil {
			return fail(stderr, errs.New("--from", "%s", errs.Message(err)))
		}
		cal, err := calendar(*overlay)
		if err != nil {
			return fail(stderr, err)
		}
		due, err := cal.Add(d, *days)
		if err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintln(stdout, due)
		return 0
	case "between":
		fs := newFlags("workday between", "workday between D1 D2 [--overlay 地方调整.csv]", stderr)
		overlay := fs.String("overlay", "", "地方节假日调整 CSV")
		pos, err := parseArgs(fs, args[1:])
		if err != nil {
			return usageExit(err)
		}
		if len(pos) != 2 {
			fs.Usage()
			return 2
		}
		var ds [2]workday.Date
		for i, p := range pos {
			if ds[i], err = workday.ParseDate(p); err != nil {
				return fail(stderr, err)
			}
		}
		cal, err := calendar(*overlay)
		if err != nil {
			return fail(stderr, err)
		}
		n, err := cal.Between(ds[0], ds[1])
		if err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintln(stdout, n)
		return 0
	case "years":
		if err := flagsOnly(newFlags("workday years", "workday years", stderr), args[1:]); err != nil {
			return usageExit(err)
		}
		cal := workday.Default()
		for _, y := range cal.Years() {
			n, _ := cal.Notice(y)
			fmt.Fprintf(stdout, "%d\t%s\t发布于 %s\t%s\n", y, n.Number, n.Published, n.Note)
		}
		return 0
	}
	fmt.Fprintf(stderr, "未知的 workday 子命令“%s”：可用 add、between、years\n", args[0])
	return 2
}

func (c *cli) cmdFee(args []string) int {
	stdout, stderr := c.stdout, c.stderr
	fs := newFlags("fee", "fee --applications N | --pages N", stderr)
	apps := fs.Int("applications", -1, "同一申请人一个自然月内的申请件数（按件计收）")
	pages := fs.Int("pages", -1, "一件申请的页数（按量计收）")
	if err := flagsOnly(fs, args); err != nil {
		return usageExit(err)
	}
	switch {
	case (*apps >= 0) == (*pages >= 0):
		return fail(stderr, errs.New("fee", "请只给出 --applications 或 --pages 其中之一：一件申请只能选一种计收方式"))
	case *apps >= 0:
		fmt.Fprintln(stdout, casework.FeeForApplications(*apps))
	default:
		fmt.Fprintln(stdout, casework.FeeForPages(*pages))
	}
	return 0
}

func (c *cli) cmdValidate(args []string) int {
	stdout, stderr := c.stdout, c.stderr
	if len(args) != 2 || (args[0] != "id" && args[0] != "uscc") {
		fmt.Fprintln(stderr, "用法：gongkai validate id 身份证号码 | validate uscc 统一社会信用代码")
		return 2
	}
	check := casework.ValidateID
	if args[0] == "uscc" {
		check = casework.ValidateUSCC
	}
	v, err := check(args[1])
	if err != nil {
		fmt.Fprintln(stdout, "无效："+errs.Message(err))
		return 1
	}
	fmt.Fprintln(stdout, "有效："+v)
	return 0
}
