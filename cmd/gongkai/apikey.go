package main

import (
	"context"
	"fmt"

	"gongkai/internal/casework"
	"gongkai/internal/ops"
	"gongkai/internal/org"
)

// cmdAPIKey issues an API key for an agency; the secret is shown once.
func (c *cli) cmdAPIKey(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	if len(args) == 0 || args[0] != "create" {
		fmt.Fprintln(stderr, "用法：gongkai apikey create [--db URL] --agency 机关 --name 用途 [--role clerk|approver]")
		return 2
	}
	fs := newFlags("apikey create", "apikey create [--db URL] --agency 机关 --name 用途 [--role clerk|approver]", stderr)
	db := fs.String("db", defaultDB(), dbHelp)
	agency := fs.String("agency", "", "机关名称")
	name := fs.String("name", "", "密钥用途，如 网上申请平台")
	role := fs.String("role", "clerk", "clerk（办理人）或 approver（公开工作机构负责人：可延期、作不予公开答复）")
	if err := flagsOnly(fs, args[1:]); err != nil {
		return usageExit(err)
	}
	o, ag, err := c.openAgency(ctx, *db, *agency)
	if err != nil {
		return fail(stderr, err)
	}
	defer c.closeStore(o.Store)
	key, err := o.CreateAPIKey(ctx, ops.Operator(ag.ID, "命令行"), ag.ID, *name, casework.Role(*role))
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stdout, "%s\n", key)
	fmt.Fprintf(stderr, "已为“%s”创建 API 密钥（%s）。密钥只显示这一次，请妥善保存。\n", ag.Name, org.RoleName(casework.Role(*role)))
	return 0
}
