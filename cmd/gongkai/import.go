package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/importer"
	"gongkai/internal/store"
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

func cmdImport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "cases" {
		fmt.Fprintln(stderr, "用法：gongkai import cases 台账.xlsx|台账.csv --agency 机关 [--map 列名=字段] [--commit [--valid-only]]")
		return 2
	}
	fs := newFlags("import cases", "import cases 文件 [--db URL] --agency 机关 [--sheet 工作表] [--map 列名=字段]... [--commit [--valid-only]]", stderr)
	db := fs.String("db", defaultDB(), dbHelp)
	agency := fs.String("agency", "", "导入到哪个机关")
	sheet := fs.String("sheet", "", "XLSX 的工作表名，默认第一个")
	commit := fs.Bool("commit", false, "确认导入（不加时只预览，不写入任何数据）")
	validOnly := fs.Bool("valid-only", false, "有问题的行跳过，只导入没有问题的行（须与 --commit 一起使用）")
	overrides := mapFlags{}
	fs.Var(overrides, "map", "指定列对应的字段，可重复，如 --map \"来信日期=received_on\"")
	pos, err := parseArgs(fs, args[1:])
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		fs.Usage()
		return 2
	}
	data, err := os.ReadFile(pos[0])
	if err != nil {
		return fail(stderr, errs.Wrap(errs.NotFound, err, pos[0], "无法读取文件"))
	}
	sh, err := importer.ReadFile(pos[0], data, *sheet)
	if err != nil {
		return fail(stderr, err)
	}
	m, err := sh.Map(overrides)
	if m != nil {
		fmt.Fprintf(stdout, "表头在第 %d 行，列的对应关系：\n", m.HeaderRow+1)
		for _, f := range importer.Fields {
			if c, ok := m.Columns[f.ID]; ok {
				fmt.Fprintf(stdout, "  %-14s ← %s 列“%s”\n", f.Name+"("+f.ID+")", colLetter(c), m.Headers[c])
			}
		}
		for _, c := range m.Unused {
			if c < len(m.Headers) && strings.TrimSpace(m.Headers[c]) != "" {
				fmt.Fprintf(stdout, "  （未使用）      %s 列“%s”\n", colLetter(c), m.Headers[c])
			}
		}
	}
	if err != nil {
		return fail(stderr, err)
	}
	s, cal, err := openStore(ctx, *db)
	if err != nil {
		return fail(stderr, err)
	}
	defer s.Close()
	ag, err := s.AgencyByName(ctx, strings.TrimSpace(*agency))
	if errors.Is(err, store.ErrNotFound) {
		return fail(stderr, errs.New("--agency", "没有名为“%s”的机关", *agency))
	}
	if err != nil {
		return fail(stderr, err)
	}
	rows, bad := sh.Parse(m)
	cfg := casework.DefaultConfig()
	ready, bad2 := importer.Cases(rows, casework.Actor{Name: "台账导入", Role: casework.Approver}, time.Now(), cfg, cal)
	bad = append(bad, bad2...)
	items := make([]store.Imported, len(ready))
	for i, r := range ready {
		items[i] = store.Imported{Key: r.Key, Case: r.Case}
	}
	fmt.Fprintf(stdout, "%d 行可以导入，%d 处问题。\n", len(items), len(bad))
	for _, e := range bad {
		fmt.Fprintln(stdout, "  "+e.String())
	}
	if !*commit {
		fmt.Fprintln(stdout, "以上为预览，未写入任何数据。确认无误后加 --commit 导入。")
		if len(bad) > 0 {
			return 1
		}
		return 0
	}
	if len(bad) > 0 && !*validOnly {
		fmt.Fprintf(stdout, "有问题的行未改正，未导入任何数据。请改正后重试，或加 --valid-only 只导入没有问题的 %d 行。\n", len(items))
		return 1
	}
	imported, skipped, err := s.ImportCases(ctx, ag.ID, items, cal, cfg)
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stdout, "已导入 %d 件申请到“%s”；%d 件此前已导入，已跳过。\n", imported, ag.Name, skipped)
	return 0
}

func colLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}
