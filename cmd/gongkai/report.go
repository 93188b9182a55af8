package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gongkai/internal/auditor"
	"gongkai/internal/errs"
	"gongkai/internal/fetch"
	"gongkai/internal/office"
	"gongkai/internal/ops"
	"gongkai/internal/render"
	"gongkai/internal/report"
)

// newFlags makes a FlagSet whose usage is the Chinese synopsis.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "用法：gongkai %s\n\n参数：\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseArgs lets flags come before or after the file names, as people type them.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// oneArg parses a command that takes flags and one file or name; ok is
// false when the command ends with code instead (help, a wrong flag, no
// file, or more than one).
func oneArg(fs *flag.FlagSet, args []string) (arg string, code int, ok bool) {
	pos, err := parseArgs(fs, args)
	if err != nil {
		return "", usageExit(err), false
	}
	if len(pos) != 1 {
		if len(pos) > 1 {
			fmt.Fprintf(fs.Output(), "只能给出一个文件，多出了“%s”\n", strings.Join(pos[1:], " "))
		}
		fs.Usage()
		return "", 2, false
	}
	return pos[0], 0, true
}

// errStrayArgs is a word on the command line that is neither a flag nor one
// of the command's inputs.
var errStrayArgs = errors.New("stray arguments")

// flagsOnly parses a command that takes flags and nothing else. A stray word
// is refused, not ignored: "gongkai serve demo" had started a server on an
// empty gongkai.db, not the demo.
func flagsOnly(fs *flag.FlagSet, args []string) error {
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	return refuseStray(fs, pos)
}

// refuseStray says a command takes none of the words pos holds.
func refuseStray(fs *flag.FlagSet, pos []string) error {
	if len(pos) == 0 {
		return nil
	}
	hint := ""
	if fs.Lookup(strings.TrimLeft(pos[0], "-—－")) != nil {
		hint = fmt.Sprintf("（参数名前要加 --，如 --%s）", strings.TrimLeft(pos[0], "-—－"))
	}
	fmt.Fprintf(fs.Output(), "多余的参数“%s”%s\n", strings.Join(pos, " "), hint)
	fs.Usage()
	return errStrayArgs
}

// usageExit is the exit code after a flag error: 0 when help was asked for
// (as with the flag package's own convention), 2 otherwise.
func usageExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

func fail(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, "错误："+errs.Message(err))
	// The person at a terminal is the operator: an unexpected error gets its
	// cause too, as the server would log it.
	var e *errs.Error
	if !errors.As(err, &e) {
		fmt.Fprintln(stderr, "详情（供技术人员）："+err.Error())
	}
	return 2
}

// loadAny reads an authored report (YAML/JSON) or a published one (anything else).
func loadAny(path string) (*report.Report, error) {
	limit := int64(report.MaxInput)
	if report.Authored(path) {
		limit = report.MaxLoad
	}
	data, err := readFile(path, limit)
	if err != nil {
		return nil, err
	}
	return report.ReadAny(path, data)
}

func (c *cli) cmdAudit(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	fs := newFlags("audit", "audit [--json] [--prev 上年报告] [--by-agency] [--urls 网址列表] [--db URL] [--xlsx 结果.xlsx] 文件、目录、zip 压缩包、eml、msg 邮件（审核其附件）或网址...（目录和压缩包中的隐藏文件、网页另存时的“_files”文件夹、图片、样式表和脚本不审核；汇编在一个文件中的多份报告逐份审核；多个文件按机关分组，逐年与上年报告核对，同一机关同一年度的几份报告相互核对）", stderr)
	byAgency := fs.Bool("by-agency", false, "每个机关每个年度一行：新收、结转和与上年报告的衔接（多个文件时按机关分组、按年度排序）")
	asJSON := fs.Bool("json", false, "每个文件（汇编文件中的每份报告）输出一行 JSON（JSON Lines）")
	prevPath := fs.String("prev", "", "上年的报告，用于跨年度检查（X.CARRY、X.IN_FORCE、X.SAME_TEXT）")
	workers := fs.Int("workers", 0, "并行数，默认为 CPU 核数")
	urls := fs.String("urls", "", "网址列表文件：每行一个已发布报告的网址（也可以是从 Excel 另存的文本或 CSV，取每行的第一个网址）")
	db := fs.String("db", "", "与此数据库中各机关保存（报送）的同年度报告逐项核对（PUB.DIFF）："+dbHelp)
	xlsx := fs.String("xlsx", "", "把核查结果写成 Excel 工作簿（每个问题一行，同“报告核查”页面下载的），屏幕上只输出汇总")
	force := fs.Bool("force", false, "与 --xlsx 一起：覆盖已有的文件")
	files, err := parseArgs(fs, args)
	if err != nil {
		return usageExit(err)
	}
	if *xlsx != "" && (*prevPath != "" || *asJSON || *byAgency) {
		return fail(stderr, errs.New("--xlsx", "--xlsx 不能与 --prev、--json、--by-agency 同用：同一机关的几个年度一起给出即可逐年核对"))
	}
	if *urls != "" {
		list, err := readURLList(*urls)
		if err != nil {
			return fail(stderr, err)
		}
		files = append(files, list...)
	}
	if len(files) == 0 {
		fs.Usage()
		return 2
	}
	opt := auditor.Options{JSON: *asJSON, Workers: *workers, ByAgency: *byAgency}
	if *db != "" {
		compare, closeDB, err := c.savedComparer(ctx, *db)
		if err != nil {
			return fail(stderr, err)
		}
		defer closeDB()
		opt.Compare = compare
	}
	if *xlsx != "" {
		return auditToWorkbook(ctx, files, opt, *xlsx, *force, stdout, stderr)
	}
	return audit(ctx, files, opt, *prevPath, stdout, stderr)
}

// maxWorkbookFiles bounds audit --xlsx, which holds every report until the
// workbook is written (a directory audited to the screen holds a few).
const maxWorkbookFiles = 20000

// auditToWorkbook is audit --xlsx: the files (addresses fetched, zips
// unpacked) checked as 报告核查 checks uploads — grouped by agency, years in
// order — and written as its workbook; the summary line goes to the screen.
func auditToWorkbook(ctx context.Context, args []string, opt auditor.Options, out string, force bool, stdout, stderr io.Writer) int {
	in := &auditInputs{}
	defer in.cleanup()
	files, names, failed, err := in.gather(ctx, args, isTerminal(stdout) && isTerminal(stderr), stderr)
	if err != nil {
		return fail(stderr, err)
	}
	if len(files) > maxWorkbookFiles {
		return fail(stderr, errs.New("--xlsx", "一次最多把 %d 个文件写入工作簿，现在有 %d 个：请分批核查，或去掉 --xlsx 输出到屏幕", maxWorkbookFiles, len(files)))
	}
	var ups []auditor.Upload
	for _, f := range failed {
		ups = append(ups, auditor.Upload{Name: f.url, Err: f.err})
	}
	for _, f := range files {
		name := cmp.Or(names[f], f)
		data, err := readFile(f, report.MaxInput)
		ups = append(ups, auditor.Upload{Name: name, ReadAs: f, Data: data, Err: err})
	}
	outs, err := auditor.AuditUploads(ctx, ups, opt.Workers, opt.Compare)
	if err != nil {
		return fail(stderr, err)
	}
	var b bytes.Buffer
	if err := office.LedgerXLSX(&b, office.AuditLedger(outs)); err != nil {
		return fail(stderr, err)
	}
	if code := writeOut(out, force, b.Bytes(), stdout, stderr); code != 0 {
		return code
	}
	sum := auditor.Summarize(outs)
	fmt.Fprintln(stdout, sum.Line())
	return sum.ExitCode()
}

// savedComparer opens an existing database for audit --db (a SQLite file
// that is not there is refused, not created) and compares each report with
// the one its agency keeps there for the year (PUB.DIFF).
func (c *cli) savedComparer(ctx context.Context, db string) (auditor.Compare, func(), error) {
	if path := strings.TrimPrefix(db, "file:"); !strings.Contains(db, "://") {
		if _, err := os.Stat(strings.SplitN(path, "?", 2)[0]); err != nil {
			return nil, nil, errs.Wrap(errs.NotFound, err, "--db", "找不到数据库文件“%s”", db)
		}
	}
	o, err := c.openOps(ctx, db)
	if err != nil {
		return nil, nil, err
	}
	compare, err := o.SavedComparer(ctx)
	if err != nil {
		c.closeStore(o.Store)
		return nil, nil, err
	}
	return func(r *report.Report) (string, error) {
		saved, err := compare(r)
		if err != nil {
			return "", errs.Wrap(errs.Internal, err, "--db", "无法与数据库中的报告核对")
		}
		return saved, nil
	}, func() { c.closeStore(o.Store) }, nil
}

func audit(ctx context.Context, args []string, opt auditor.Options, prevPath string, stdout, stderr io.Writer) int {
	in := &auditInputs{}
	defer in.cleanup()
	files, names, failed, err := in.gather(ctx, args, isTerminal(stdout) && isTerminal(stderr), stderr)
	if err != nil {
		return fail(stderr, err)
	}
	opt.Names = names
	if prevPath != "" {
		if len(files) != 1 {
			return fail(stderr, errs.New("--prev", "上年报告只能与一个文件一起审核，现在有 %d 个文件", len(files)))
		}
		if opt.Prev, err = loadAny(prevPath); err != nil {
			return fail(stderr, err)
		}
	}
	// a bar for a directory, unless the findings themselves scroll past on
	// the same terminal
	if len(files) > 1 && !(isTerminal(stdout) && isTerminal(stderr)) {
		opt.Progress = progressTo(stderr, "审核")
	}
	if len(files) > 1 {
		tuneGC()
	}
	flush := func() error { return nil }
	if len(files) > 1 && !isTerminal(stdout) {
		// to a file or a pipe: one write per 64 KB, not one per report
		bw := bufio.NewWriterSize(stdout, 64<<10)
		stdout, flush = bw, bw.Flush
	}
	defer func() { _ = flush() }() // on the paths that fail anyway; the others flush below and say if it failed
	for _, f := range failed {     // what could not be fetched comes first, as files that could not be read
		if _, err := stdout.Write(auditor.Unreadable(f.url, f.err, opt)); err != nil {
			return fail(stderr, errs.Wrap(errs.Internal, err, "", "无法输出结果"))
		}
	}
	sum, err := auditor.Run(ctx, files, opt, stdout)
	sum.AddUnreadable(len(failed))
	if ferr := flush(); ferr != nil && err == nil {
		err = errs.Wrap(errs.Internal, ferr, "", "无法输出结果")
	}
	if errors.Is(err, context.Canceled) {
		// Ctrl-C or SIGTERM: what was audited is printed; 130 as a shell would
		fmt.Fprintf(stderr, "已中断：审核了 %d 个文件（共 %d 个）。\n", sum.Files, len(files)+len(failed))
		return 130
	}
	if err != nil {
		return fail(stderr, err)
	}
	if !opt.JSON {
		fmt.Fprintln(stdout, sum.Line())
		if err := flush(); err != nil {
			return fail(stderr, errs.Wrap(errs.Internal, err, "", "无法输出结果"))
		}
	}
	return sum.ExitCode()
}

// auditInputs turns the arguments of audit into files: web addresses
// fetched, directories expanded, zip archives unpacked, into one temporary
// directory that cleanup removes.
type auditInputs struct{ tmp string }

func (in *auditInputs) dir() (string, error) {
	if in.tmp == "" {
		d, err := os.MkdirTemp("", "gongkai-audit-")
		if err != nil {
			return "", errs.Wrap(errs.Internal, err, "", "无法创建临时目录")
		}
		in.tmp = d
	}
	return in.tmp, nil
}

func (in *auditInputs) cleanup() {
	if in.tmp != "" {
		_ = os.RemoveAll(in.tmp)
	}
}

// gather returns the files to audit, the names to show for those that are
// not what the user gave, and the addresses that could not be fetched.
func (in *auditInputs) gather(ctx context.Context, args []string, tty bool, stderr io.Writer) ([]string, map[string]string, []fetchFailure, error) {
	names := map[string]string{}
	var failed []fetchFailure
	if slices.ContainsFunc(args, fetch.IsURL) { // web addresses: fetched, then read as the files they are
		dir, err := in.dir()
		if err != nil {
			return nil, nil, nil, err
		}
		var progress func(done, total int)
		if !tty {
			progress = progressTo(stderr, "下载")
		}
		args, names, failed = fetchAll(ctx, http.DefaultClient, args, dir, progress)
	}
	files, err := auditor.Expand(args)
	if err != nil || !auditor.HasZip(files) {
		return files, names, failed, err
	}
	// a zip's reports are audited as if unpacked where it stands
	dir, err := in.dir()
	if err == nil {
		dir = filepath.Join(dir, "zip")
		if err = os.Mkdir(dir, 0o700); err != nil {
			err = errs.Wrap(errs.Internal, err, "", "无法创建临时目录")
		}
	}
	if err != nil {
		return nil, nil, nil, err
	}
	files, unzipped, err := auditor.UnzipAll(files, dir)
	if err != nil {
		return nil, nil, nil, err
	}
	for path, name := range unzipped { // a fetched zip's entries are named after its address
		for file, addr := range names {
			if rest, ok := strings.CutPrefix(name, file+"/"); ok {
				name = addr + "/" + rest
			}
		}
		names[path] = name
	}
	return files, names, failed, nil
}

func (c *cli) cmdReport(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	if len(args) == 0 {
		fmt.Fprint(stderr, "用法：gongkai report new|check|render|generate|prior|rules ...\n")
		return 2
	}
	switch args[0] {
	case "new":
		return reportNew(args[1:], stdout, stderr)
	case "check":
		return c.reportCheckCmd(ctx, args[1:])
	case "render":
		return c.reportRender(args[1:])
	case "generate":
		return c.reportGenerate(ctx, args[1:])
	case "prior":
		return c.reportPrior(ctx, args[1:])
	case "rules":
		if err := flagsOnly(newFlags("report rules", "report rules", stderr), args[1:]); err != nil {
			return usageExit(err)
		}
		for _, r := range report.Rules {
			extra := ""
			if r.NeedPrev {
				extra = "（需 --prev）"
			}
			fmt.Fprintf(stdout, "%-16s %-7s %s%s\n", r.ID, r.Severity, r.Doc, extra)
		}
		return 0
	}
	fmt.Fprintf(stderr, "未知的 report 子命令“%s”：可用 new、check、render、generate、prior、rules\n", args[0])
	return 2
}

func reportNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("report new", "report new --agency 机关名称 --year 年度 [--level 级别] [--format 2021|2019] [-o 文件] [--force]", stderr)
	agency := fs.String("agency", "", "机关名称，如 卫滨区教育体育和文化旅游局")
	year := fs.Int("year", 0, "报告年度，如 2024")
	var levels []string
	for _, l := range report.Levels {
		levels = append(levels, string(l.ID)+"="+l.Name)
	}
	level := fs.String("level", "", "机关级别："+strings.Join(levels, "，"))
	format := fs.String("format", "", "报告格式，默认按年度：2019、2020 年为 2019，之后为 2021")
	out := fs.String("o", "", "写入的文件，默认输出到屏幕")
	force := fs.Bool("force", false, "覆盖已存在的文件")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return usageExit(err)
	}
	if len(rest) > 0 {
		return fail(stderr, errs.New(rest[0], "多余的参数：文件名请用 -o 指定"))
	}
	if strings.TrimSpace(*agency) == "" {
		return fail(stderr, errs.New("--agency", "请填写机关名称"))
	}
	if *year < 2019 || *year > 2200 {
		return fail(stderr, errs.New("--year", "年度应为 2019 年以后的年份，如 --year 2024（2019 年起适用新条例的报告格式）"))
	}
	f := report.FormatForYear(*year)
	if *format != "" {
		f = report.Format(*format)
		if !f.Valid() {
			return fail(stderr, errs.New("--format", "格式只能是 2021 或 2019"))
		}
	}
	if *level != "" && report.LevelName(report.Level(*level)) == "" {
		return fail(stderr, errs.New("--level", "级别“%s”不对，应为：%s", *level, strings.Join(levels, "，")))
	}
	r := report.NewReport(f)
	r.Agency, r.Year, r.Level = strings.TrimSpace(*agency), *year, report.Level(*level)
	r.Zero()
	var b bytes.Buffer
	if err := report.WriteYAML(&b, r); err != nil {
		return fail(stderr, err)
	}
	return writeOut(*out, *force, b.Bytes(), stdout, stderr)
}

func writeOut(path string, force bool, data []byte, stdout, stderr io.Writer) int {
	if path == "" || path == "-" {
		if _, err := stdout.Write(data); err != nil {
			return fail(stderr, errs.Wrap(errs.Invalid, err, "-", "写入标准输出失败"))
		}
		return 0
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if errors.Is(err, os.ErrExist) {
		return fail(stderr, errs.New(path, "文件已存在，未覆盖：换一个文件名，或加 --force 覆盖"))
	}
	if err != nil {
		return fail(stderr, errs.Wrap(errs.Invalid, err, path, "无法写入文件"))
	}
	if _, err := f.Write(data); err != nil {
		_ = f.Close() // the write error is the one to report
		return fail(stderr, errs.Wrap(errs.Invalid, err, path, "写入文件失败"))
	}
	if err := f.Close(); err != nil {
		return fail(stderr, errs.Wrap(errs.Invalid, err, path, "写入文件失败"))
	}
	fmt.Fprintf(stderr, "已写入 %s\n", path)
	return 0
}

// reportCheckCmd is `report check`: the rules, and with --db and --agency
// the comparison with the agency's records.
func (c *cli) reportCheckCmd(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	fs := newFlags("report check", "report check [--json] [--prev 上年报告] [--db URL --agency 机关] 文件", stderr)
	asJSON := fs.Bool("json", false, "输出 JSON")
	prevPath := fs.String("prev", "", "上年的报告（YAML、JSON 或已发布的文本）")
	db := fs.String("db", "", "与此数据库中该机关的记录核对（REC.MISMATCH）："+dbHelp)
	agency := fs.String("agency", "", "与 --db 一起：报告所属的机关")
	file, code, ok := oneArg(fs, args)
	if !ok {
		return code
	}
	if (*db == "") != (*agency == "") {
		return fail(stderr, errs.New("--agency", "与记录核对须同时给出 --db 和 --agency"))
	}
	var records func(*report.Report) ([]report.Finding, error)
	if *db != "" {
		o, err := c.openOps(ctx, *db)
		if err != nil {
			return fail(stderr, err)
		}
		defer c.closeStore(o.Store)
		ag, err := o.Store.AgencyByName(ctx, *agency)
		if err != nil {
			return fail(stderr, errs.Wrap(errs.NotFound, err, "--agency", "没有名为“%s”的机关", *agency))
		}
		records = func(r *report.Report) ([]report.Finding, error) { return o.MismatchFindings(ctx, ag, r) }
	}
	return reportCheck(file, *prevPath, *asJSON, records, stdout, stderr)
}

// reportCheck runs every rule on a report file; records, when given, adds
// REC.MISMATCH against the agency's records.
func reportCheck(path, prevPath string, asJSON bool, records func(*report.Report) ([]report.Finding, error), stdout, stderr io.Writer) int {
	r, err := loadAny(path)
	if err != nil {
		return fail(stderr, err)
	}
	var prev *report.Report
	if prevPath != "" {
		if prev, err = loadAny(prevPath); err != nil {
			return fail(stderr, err)
		}
	}
	report.Check(r, prev)
	if records != nil {
		mm, err := records(r)
		if err != nil {
			return fail(stderr, err)
		}
		r.Findings = append(r.Findings, mm...)
	}
	if asJSON {
		if err := render.JSON(stdout, r); err != nil {
			return fail(stderr, err)
		}
	} else {
		fmt.Fprintf(stdout, "== %s ==\n", path)
		auditor.WriteText(stdout, r)
	}
	if e, _, _ := r.Counts(); e > 0 {
		return 1
	}
	return 0
}

func (c *cli) reportRender(args []string) int {
	stdout, stderr := c.stdout, c.stderr
	fs := newFlags("report render", "report render 文件 --format txt|md|html|json|docx|pdf|xlsx [-o 输出文件] [--force]", stderr)
	format := fs.String("format", "txt", "输出格式："+strings.Join(append(append([]string{}, render.Formats...), office.Formats...), "、")+"（docx、pdf、xlsx 须用 -o）")
	out := fs.String("o", "", "写入的文件，默认输出到屏幕")
	force := fs.Bool("force", false, "覆盖已存在的文件")
	file, code, ok := oneArg(fs, args)
	if !ok {
		return code
	}
	r, err := loadAny(file)
	if err != nil {
		return fail(stderr, err)
	}
	var b bytes.Buffer
	if *format == "json" {
		report.Check(r, nil)
	}
	if office.IsOffice(*format) && (*out == "" || *out == "-") {
		return fail(stderr, errs.New("-o", "%s 是二进制文件，请用 -o 指定输出文件，如 -o 报告.%s", *format, *format))
	}
	if err := office.RenderReport(&b, r, *format, c.clock.Now()); err != nil {
		return fail(stderr, err)
	}
	return writeOut(*out, *force, b.Bytes(), stdout, stderr)
}

// reportGenerate builds the year's report from the records (ops.Generate):
// 表二 from the normative documents and ledgers, 表三 from the cases, 表四
// from the 复议/诉讼 records when the agency keeps them, and sections 一、五、
// 六 drafted from the year's catalog items, posts, inspections and fees.
func (c *cli) reportGenerate(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	fs := newFlags("report generate", "report generate [--db URL] --agency 机关 --year 年度 [--format yaml|txt|md|html|json|docx|pdf|xlsx] [-o 文件]", stderr)
	db := fs.String("db", defaultDB(), dbHelp)
	agency := fs.String("agency", "", "机关名称")
	year := fs.Int("year", 0, "报告年度")
	format := fs.String("format", "yaml", "输出格式：yaml（可继续编辑）、txt、md、html、json、docx、pdf、xlsx")
	out := fs.String("o", "", "写入的文件，默认输出到屏幕")
	force := fs.Bool("force", false, "覆盖已存在的文件")
	if err := flagsOnly(fs, args); err != nil {
		return usageExit(err)
	}
	if *year < 2019 {
		return fail(stderr, errs.New("--year", "请给出报告年度，如 --year 2025"))
	}
	if office.IsOffice(*format) && (*out == "" || *out == "-") {
		return fail(stderr, errs.New("-o", "%s 是二进制文件，请用 -o 指定输出文件", *format))
	}
	o, ag, err := c.openAgency(ctx, *db, *agency)
	if err != nil {
		return fail(stderr, err)
	}
	defer c.closeStore(o.Store)
	r, _, err := o.Generate(ctx, ag, *year)
	if err != nil {
		return fail(stderr, err)
	}
	var b bytes.Buffer
	if *format == "yaml" {
		err = report.WriteYAML(&b, r)
	} else {
		err = office.RenderReport(&b, r, *format, c.clock.Now())
	}
	if err != nil {
		return fail(stderr, err)
	}
	return writeOut(*out, *force, b.Bytes(), stdout, stderr)
}

// reportPrior records an agency's report of a past year, published before
// it kept its reports here, from the published file: the previous year of
// the cross-year checks. It prints the report's findings as read.
func (c *cli) reportPrior(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	fs := newFlags("report prior", "report prior [--db URL] --agency 机关 --year 年度 已发布的报告文件", stderr)
	db := fs.String("db", defaultDB(), dbHelp)
	agency := fs.String("agency", "", "机关名称")
	year := fs.Int("year", 0, "报告年度（使用本系统之前的年度）")
	file, code, ok := oneArg(fs, args)
	if !ok {
		return code
	}
	data, o, ag, err := c.agencyFile(ctx, file, report.MaxInput, *db, *agency)
	if err != nil {
		return fail(stderr, err)
	}
	defer c.closeStore(o.Store)
	pv, err := o.ImportPriorReport(ctx, ops.Operator(ag.ID, "往年报告导入（命令行）"), *year, file, data)
	var e *errs.Error
	if errors.As(err, &e) {
		// the operation names the web form's fields
		switch e.Where {
		case "year":
			e.Where = "--year"
		case "file":
			e.Where = file
		}
	}
	if err != nil {
		return fail(stderr, err)
	}
	pv.Report.Findings = pv.Findings
	fmt.Fprintf(stdout, "已导入“%s”%d年度报告（%s），%d年度报告的跨年核对将以它为准。报告本身的检查结果：\n", ag.Name, pv.Year, filepath.Base(file), pv.Year+1)
	auditor.WriteText(stdout, pv.Report)
	return 0
}
