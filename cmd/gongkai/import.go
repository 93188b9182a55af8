package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"gongkai/internal/importer"
	"gongkai/internal/ops"
)

// mapFlags collects repeated --map "列名=字段" options.
type mapFlags map[string]string

func (m mapFlags) String() string { return fmt.Sprint(map[string]string(m)) }
func (m mapFlags) Set(v string) error {
	col, field, ok := strings.Cut(v, "=")
	if !ok {
		return fmt.Errorf("应写成 列名=字段，如 --map \"来信日期=received_on\"")
	}
	m[strings.TrimSpace(col)] = strings.TrimSpace(field)
	return nil
}

func (c *cli) cmdImport(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	if len(args) > 0 && args[0] == "undo" {
		return c.cmdImportUndo(ctx, args[1:])
	}
	var kinds []string
	known := false
	for _, k := range ops.ImportKinds {
		kinds = append(kinds, string(k.ID))
		known = known || len(args) > 0 && args[0] == string(k.ID)
	}
	if !known {
		fmt.Fprintf(stderr, "用法：gongkai import %s 文件.xlsx|文件.csv|文件.txt --agency 机关 [--kind 类别] [--map 列名=字段] [--commit [--valid-only]]\n", strings.Join(kinds, "|"))
		for _, k := range ops.ImportKinds {
			fmt.Fprintf(stderr, "  %-10s %s\n", k.ID, k.Name)
		}
		fmt.Fprintln(stderr, "       gongkai import undo --agency 机关 [--id 编号]   列出决定和收费台账的导入记录，或撤销其中一次")
		return 2
	}
	what := args[0]
	fs := newFlags("import "+what, "import "+what+" 文件 [--db URL] --agency 机关 [--kind 类别] [--sheet 工作表|--all-sheets] [--map 列名=字段]... [--commit [--valid-only]]", stderr)
	kind := fs.String("kind", "", "文件没有“类别”或“类型”列时，全部记录的类别：decisions 为 licensing 行政许可、penalty 行政处罚、coercion 行政强制、fee 行政事业性收费；documents 为 rule 规章、normative 行政规范性文件")
	db := fs.String("db", defaultDB(), dbHelp)
	agency := fs.String("agency", "", "导入到哪个机关")
	sheet := fs.String("sheet", "", "XLSX 的工作表名，默认第一个")
	allSheets := fs.Bool("all-sheets", false, "导入 XLSX 的全部工作表（按月或按类分表登记的台账；每个工作表按自己的表头读取，找不到表头的不读取）")
	commit := fs.Bool("commit", false, "确认导入（不加时只预览，不写入任何数据）")
	validOnly := fs.Bool("valid-only", false, "有问题的行跳过，只导入没有问题的行（须与 --commit 一起使用）")
	overrides := mapFlags{}
	fs.Var(overrides, "map", "指定列对应的字段，可重复，如 --map \"来信日期=received_on\"")
	file, code, ok := oneArg(fs, args[1:])
	if !ok {
		return code
	}
	if *allSheets {
		if *sheet != "" {
			fmt.Fprintln(stderr, "--sheet 与 --all-sheets 只能用一个")
			return 2
		}
		*sheet = importer.AllSheets
	}
	data, o, ag, err := c.agencyFile(ctx, file, importer.MaxFile, *db, *agency)
	if err != nil {
		return fail(stderr, err)
	}
	defer c.closeStore(o.Store)
	res, err := o.Import(ctx, ops.Operator(ag.ID, "台账导入（命令行）"), ag.ID, ops.ImportRequest{Kind: ops.ImportKind(what), Name: file, Data: data,
		Sheet: *sheet, Category: *kind, Map: overrides, Commit: *commit, ValidOnly: *validOnly, Progress: importBar(c.progress("导入"))})
	if res != nil && res.Mapping != nil {
		printMapping(stdout, res.Schema, res.Mapping)
	}
	if err != nil {
		return fail(stderr, err)
	}
	return printImport(stdout, res, *commit, *validOnly, ag.Name)
}

// printMapping shows which column became which field, and what was left.
func printMapping(stdout io.Writer, schema importer.Schema, m *importer.Mapping) {
	fmt.Fprintf(stdout, "表头在第 %d 行，列的对应关系：\n", m.HeaderRow+1)
	for _, f := range schema {
		if c, ok := m.Columns[f.ID]; ok {
			fmt.Fprintf(stdout, "  %-14s ← %s 列“%s”\n", f.Name+"("+f.ID+")", colLetter(c), m.Headers[c])
		}
	}
	for _, c := range m.Unused {
		if c < len(m.Headers) && strings.TrimSpace(m.Headers[c]) != "" {
			fmt.Fprintf(stdout, "  （未使用）      %s 列“%s”\n", colLetter(c), m.Headers[c])
		}
	}
	for _, n := range m.Notes {
		fmt.Fprintln(stdout, "  "+n)
	}
}

// printImport reports the rows, their problems and what was written; exit 1
// when bad rows kept the file (or a preview found them).
func printImport(stdout io.Writer, res *ops.ImportResult, commit, validOnly bool, agency string) int {
	fmt.Fprintf(stdout, "%d 行可以导入，%d 处问题。\n", res.Ready, len(res.Bad))
	for _, e := range res.Bad {
		fmt.Fprintln(stdout, "  "+e.String())
	}
	if len(res.Defects) > 0 {
		fmt.Fprintf(stdout, "%d 处申请内容不完整（照常导入，未办结的将提示补正）：\n", len(res.Defects))
		for _, d := range res.Defects {
			fmt.Fprintln(stdout, "  "+d)
		}
	}
	if len(res.Unassigned) > 0 {
		fmt.Fprintf(stdout, "%d 件申请的承办人不是本机关在用的办理人或负责人（照常导入，不指派承办人）：\n", len(res.Unassigned))
		for _, d := range res.Unassigned {
			fmt.Fprintln(stdout, "  "+d)
		}
	}
	if !commit {
		fmt.Fprintln(stdout, "以上为预览，未写入任何数据。确认无误后加 --commit 导入。")
		if len(res.Bad) > 0 {
			return 1
		}
		return 0
	}
	if len(res.Bad) > 0 && !validOnly {
		fmt.Fprintf(stdout, "有问题的行未改正，未导入任何数据。请改正后重试，或加 --valid-only 只导入没有问题的 %d 行。\n", res.Ready)
		return 1
	}
	if res.Updated > 0 {
		fmt.Fprintf(stdout, "已导入 %d 条记录到“%s”，更新 %d 条已登记的记录；%d 条此前已导入且未变，已跳过。\n", res.Imported, agency, res.Updated, res.Skipped)
		return 0
	}
	fmt.Fprintf(stdout, "已导入 %d 条记录到“%s”；%d 条此前已导入，已跳过。\n", res.Imported, agency, res.Skipped)
	return 0
}

func colLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// importBar shows the writing of the rows as a bar (checking is quick).
func importBar(bar func(done, total int)) func(ops.ImportProgress) {
	return func(p ops.ImportProgress) {
		if p.Stage == "写入" {
			bar(p.Done, p.Total)
		}
	}
}

// cmdImportUndo lists an agency's decision and fee ledger imports, or with
// --id takes one back (the flag is the confirmation the web asks a tick for).
func (c *cli) cmdImportUndo(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	fs := newFlags("import undo", "import undo [--db URL] --agency 机关 [--id 编号]", stderr)
	db := fs.String("db", defaultDB(), dbHelp)
	agency := fs.String("agency", "", "哪个机关的台账")
	id := fs.Int64("id", 0, "撤销哪一次导入（编号见不加 --id 时的列表）；不加时只列出")
	if err := flagsOnly(fs, args); err != nil {
		return usageExit(err)
	}
	o, ag, err := c.openAgency(ctx, *db, *agency)
	if err != nil {
		return fail(stderr, err)
	}
	defer c.closeStore(o.Store)
	p := ops.Operator(ag.ID, "台账导入（命令行）")
	if *id != 0 {
		li, n, err := o.UndoLedgerImport(ctx, p, *id, true)
		if err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintf(stdout, "已撤销 %s 的导入 #%d（%s，%s 导入）：删除记录 %d 条。\n", ag.Name, *id, li.FileName, o.Clock.Format(li.At), n)
		return 0
	}
	v, err := o.Ledgers(ctx, p, ag.ID)
	if err != nil {
		return fail(stderr, err)
	}
	if len(v.Imports) == 0 {
		fmt.Fprintf(stdout, "%s还没有决定和收费台账的导入记录。\n", ag.Name)
		return 0
	}
	fmt.Fprintf(stdout, "%s决定和收费台账的导入记录（新的在前）：\n", ag.Name)
	for _, li := range v.Imports {
		state := ops.LedgerImportSummary(li)
		if !li.UndoneAt.IsZero() {
			state = fmt.Sprintf("已撤销（%s，%s）", li.UndoneBy, o.Clock.Format(li.UndoneAt))
		}
		fmt.Fprintf(stdout, "  #%d  %s  %s  %s  新增 %d 条  %s\n", li.ID, o.Clock.Format(li.At), li.By, li.FileName, li.Rows, state)
	}
	fmt.Fprintln(stdout, "撤销一次导入：gongkai import undo --agency 机关 --id 编号")
	return 0
}
