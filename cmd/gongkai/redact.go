package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gongkai/internal/errs"
	"gongkai/internal/redact"
)

// maxRedactInput bounds a document covered from the command line, as an
// attachment is bounded on the pages.
const maxRedactInput = 64 << 20

// cmdRedact covers personal information in a Word document or text file
// (区分处理), as the pages' 遮盖后上传 does, and writes the covered copy.
func (c *cli) cmdRedact(_ context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	fs := newFlags("redact", "redact [--id=false] [--mobile=false] [--email=false] [--terms 词语,词语] [--terms-file 文件] [-o 输出文件] 文件.docx|文件.txt", stderr)
	ids := fs.Bool("id", true, "遮盖身份证号码")
	mobiles := fs.Bool("mobile", true, "遮盖手机号码")
	emails := fs.Bool("email", true, "遮盖电子邮箱")
	terms := fs.String("terms", "", "其他需要遮盖的文字，以逗号分隔")
	termsFile := fs.String("terms-file", "", "其他需要遮盖的文字，每行一个")
	out := fs.String("o", "", "输出文件，默认为原文件名加“（区分处理）”，与原文件在同一目录")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return usageExit(err)
	}
	if len(pos) != 1 {
		fs.Usage()
		return 2
	}
	list := strings.ReplaceAll(strings.ReplaceAll(*terms, "，", "\n"), ",", "\n")
	if *termsFile != "" {
		data, err := readFile(*termsFile, 1<<20)
		if err != nil {
			return fail(stderr, err)
		}
		list += "\n" + string(data)
	}
	opt := redact.Options{IDNumbers: *ids, Mobiles: *mobiles, Emails: *emails}
	if opt.Terms, err = redact.CleanTerms(list); err != nil {
		return fail(stderr, err)
	}
	data, err := readFile(pos[0], maxRedactInput)
	if err != nil {
		return fail(stderr, err)
	}
	res, err := redact.File(filepath.Base(pos[0]), data, opt)
	if err != nil {
		return fail(stderr, err)
	}
	dst := *out
	if dst == "" {
		dst = filepath.Join(filepath.Dir(pos[0]), redact.Name(filepath.Base(pos[0])))
	}
	if filepath.Clean(dst) == filepath.Clean(pos[0]) {
		return fail(stderr, errs.New("-o", "输出文件不能是原文件：原文件须保留，请另取文件名"))
	}
	if err := os.WriteFile(dst, res.Data, 0o644); err != nil {
		return fail(stderr, errs.Wrap(errs.Invalid, err, dst, "无法写入输出文件"))
	}
	fmt.Fprintf(stdout, "%s\n已写入 %s：提供前请打开核对。\n", res.Summary(), dst)
	return 0
}
