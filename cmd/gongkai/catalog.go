package main

import (
	"context"
	"fmt"

	"gongkai/internal/ops"
)

// cmdCatalog runs the 主动公开 catalog's maintenance: read-files reads the
// text of the files kept before files were read on upload.
func (c *cli) cmdCatalog(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	if len(args) == 0 || args[0] != "read-files" {
		fmt.Fprintln(stderr, "用法：gongkai catalog read-files [--db URL] [--by 操作人]")
		return 2
	}
	fs := newFlags("catalog read-files", "catalog read-files [--db URL] [--by 操作人]", stderr)
	db := fs.String("db", defaultDB(), dbHelp)
	by := fs.String("by", "管理员（命令行）", "操作人，记入操作记录")
	if err := flagsOnly(fs, args[1:]); err != nil {
		return usageExit(err)
	}
	o, err := c.openOps(ctx, *db)
	if err != nil {
		return fail(stderr, err)
	}
	defer c.closeStore(o.Store)
	n, err := o.ReadFiles(ctx, ops.Principal{Name: *by, Via: "cli"}, func(done int) {
		if done%100 == 0 {
			fmt.Fprintf(stderr, "已读取 %d 个附件……\n", done)
		}
	})
	if err != nil {
		return fail(stderr, err)
	}
	if n.Read+n.None == 0 {
		fmt.Fprintln(stdout, "没有需要读取的附件：每个附件的文字都已在上传时读取。")
		return 0
	}
	fmt.Fprintf(stdout, "已读取 %d 个附件的文字，其中 %d 个没有可读的文字（扫描件或图片，检查时会提示人工核对）；已发布信息的检索索引已更新。\n", n.Read+n.None, n.None)
	return 0
}
