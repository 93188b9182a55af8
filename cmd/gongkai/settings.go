package main

import (
	"context"
	"fmt"
	"strings"

	"gongkai/internal/errs"
	"gongkai/internal/ops"
	"gongkai/internal/settings"
)

// cmdSettings shows or changes the rules where the law is open (the
// administrator's 办理规则 page, from the command line).
func (c *cli) cmdSettings(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	if len(args) == 0 || (args[0] != "list" && args[0] != "set") {
		fmt.Fprintln(stderr, "用法：gongkai settings list [--db URL] | settings set [--db URL] 设置=值 ...")
		return 2
	}
	fs := newFlags("settings "+args[0], "settings list|set [--db URL] [设置=值 ...]", stderr)
	db := fs.String("db", defaultDB(), dbHelp)
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
	st, err := o.Settings(ctx)
	if err != nil {
		return fail(stderr, err)
	}
	if args[0] == "list" {
		for _, f := range settings.Fields {
			fmt.Fprintf(stdout, "%s=%s\t%s\n", f.Key, st.Get(f.Key), f.Label)
		}
		return 0
	}
	values := map[string]string{}
	for _, f := range settings.Fields {
		values[f.Key] = st.Get(f.Key)
	}
	for _, p := range pos {
		k, v, ok := strings.Cut(p, "=")
		if _, known := values[k]; !ok || !known {
			return fail(stderr, errs.New(p, "应写成 设置=值，可用的设置见 gongkai settings list"))
		}
		values[k] = v
	}
	admin := ops.Administrator(0)
	next, err := o.SaveSettings(ctx, admin, values, "")
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stdout, "已保存：%s\n", settings.Diff(st, next))
	return 0
}
