// Command gongkai does the 政府信息公开 work of an agency and of the office that
// supervises many: annual reports, their checks and an auditor for published ones.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"gongkai/internal/clock"
	"gongkai/internal/store"
)

const usage = `gongkai — 政府信息公开工作平台

用法：gongkai <命令> [参数]

命令：
  audit [--json] [--prev 上年报告] [--urls 网址列表] [--db URL] [--xlsx 结果.xlsx] 文件、目录、zip 或 rar 压缩包、eml、msg 邮件（审核其附件）或网址...
                        审核已发布的年度报告（文本、pdftotext 输出、HTML、DOCX、DOC、ODT、RTF、PDF、OFD、XLSX、XLS、ODS、CSV）
  report new --agency 机关 --year 年度 [--level 级别] [-o 文件]
                        生成填好 0 的年度报告 YAML 框架
  report check [--json] [--prev 上年报告] [--db URL --agency 机关] 文件
                        检查自行编写的年度报告（YAML 或 JSON）；给出 --db 和 --agency 时与机关的记录核对
  report render 文件 --format txt|md|html|json|docx|pdf|xlsx [-o 输出文件]
                        按国家格式排版年度报告（DOCX/PDF 按 GB/T 9704 公文格式）
  report generate [--db URL] --agency 机关 --year 年度 [--format yaml|txt|md|html|json|docx|pdf|xlsx]
                        按记录生成整份年度报告：表二来自规范性文件和决定/收费台账，表三来自申请，
                        表四来自复议、诉讼记录；第一、五、六部分按当年的主动公开、政务新媒体、巡查、
                        申请和收费记录起草，供修改
  report prior [--db URL] --agency 机关 --year 年度 已发布的报告文件
                        导入使用本系统之前已发布的往年报告（Word、PDF、网页等），作为下一年度
                        跨年核对（上年结转、现行有效件数、与上年雷同）的上年报告
  report rules          列出全部检查规则
  workday add --from YYYY-MM-DD --days N
                        收到申请之日后第 N 个工作日（按国务院节假日安排，含调休）
  workday between 日期1 日期2
                        两个日期之间的工作日数（不含日期1，含日期2）
  workday years         已内置的节假日安排通知
  fee --applications N | --pages N
                        信息处理费（国办函〔2020〕109号）：按件（同一申请人一个自然月）或按页
  validate id|uscc 号码 校验身份证号码（GB 11643）或统一社会信用代码（GB 32100）
  import cases 台账.xlsx|.xls|.ods|.csv|.docx --agency 机关 [--map 列名=字段] [--commit [--valid-only]]
                        导入依申请公开台账：先预览（列对应关系、每一处问题的行和列），加 --commit 才导入；
                        有问题时不导入任何数据，除非明确加 --valid-only；重复导入同一文件不会重复登记
  import decisions 台账.xlsx --agency 机关 [--kind licensing|penalty|coercion|fee] [--commit]
                        导入行政许可、处罚、强制决定台账或收费台账（表二的决定数量和收费金额由此生成）
  import documents 台账.xlsx --agency 机关 [--kind rule|normative] [--commit]
                        导入规章和行政规范性文件台账（表二第一项由此生成）；按文号对应，台账改过的内容更新已登记的文件
  import undo [--db URL] --agency 机关 [--id 编号]
                        列出决定和收费台账的导入记录；加 --id 撤销其中一次导入（只删除那次新增的记录）
  export cases [--db URL] --agency 机关 [--year 年度] --format xlsx|csv [--gb18030] -o 文件
                        导出申请台账（证件号码、电话已隐去部分数字）
  stats [--db URL] --agency 机关 [--year 年度] [--csv]
                        办理情况统计：本机关及所辖机关某年度收到、按期和逾期答复、答复用时（工作日）、
                        尚未办结和已逾期的申请
  apikey create [--db URL] --agency 机关 --name 用途 [--role clerk|approver]
                        为机关创建 JSON 接口密钥（只显示一次）
  calendar load [--db URL] 通知文件
                        导入新一年的节假日安排（YAML 或 CSV），并重新计算未办结申请的答复期限
  calendar list [--db URL]
                        已有的节假日安排通知
  catalog read-files [--db URL]
                        读取升级前上传的主动公开附件的文字，供发布前检查和公开目录检索
  redact [--terms 词语,词语] [--id=false] [--mobile=false] [--email=false] [-o 输出] 文件.docx|文件.txt
                        区分处理：遮盖 Word 文档或文本文件中的身份证号码、手机号码、电子邮箱和指定文字，
                        另存为“（区分处理）”副本
  settings list [--db URL] | settings set [--db URL] 设置=值 ...
                        查看或修改法律未明确、由本系统设置的办理规则（补正期限、复议前置的结果、表四统计口径等）
  newmedia fetch [--db URL] --agency 机关
                        读取机关各政务新媒体账号的订阅源（RSS/Atom），按月登记发布数量
  agency add [--db URL] --name 机关名称 --level 级别 [--parent 上级机关] [--review-organ 复议机关] [--letter-prefix 文号前缀]
                        新建机关（新数据库先建最上级的机关，再建其下的机关；也可在后台“机关”页新增）
  agency list [--db URL]
                        按层级列出全部机关
  agency import 机关名单.xlsx|.xls|.ods|.csv [--db URL] --under 机关 [--commit]
                        从表格批量新建机关（机关名称、级别、上级机关、复议机关、文号前缀等列）：先预览，
                        每一处问题给出行和列；加 --commit 才写入，有问题时不写入任何机关
  user add [--db URL] --agency 机关 --login 用户名 --name 姓名 --role admin|supervisor|approver|clerk [--email 电子邮箱]
                        新建用户（新数据库的第一个系统管理员由此建立），随机初始密码只显示一次
  user import 用户名单.xlsx|.xls|.ods|.csv [--db URL] --under 机关 [--commit --passwords 初始密码.csv]
                        从表格批量新建用户（机关、用户名、姓名、角色、电子邮箱列）：先预览；加 --commit 导入，
                        每人的随机初始密码写入 --passwords 指定的新文件（只有本人可读）
  user password [--db URL] --login 用户名
                        为用户设置新密码（如系统管理员忘记密码），随机密码只显示一次
  remind [--db URL] --smtp 邮件服务器 [--mail-from 发件人] [--public-url 网址] [--dry-run] [--test 收件人]
                        发送今天的到期提醒邮件：办理人、负责人收到已逾期、3 个工作日内到期、补正等期限
                        已过和未指派承办人的申请及将到公开期限的主动公开信息，负责人和主管部门还收到尚未
                        报送的年度报告；每人每天一封。serve 加 --smtp 时每个工作日自动发送
  migrate [--db URL] [--status]
                        执行数据库迁移（--status 只查看）
  backup [--db 文件] 备份文件
                        SQLite 在线一致性备份（PostgreSQL 用 pg_dump）
  restore [--db 文件] [--force] 备份文件
                        从备份恢复；数据库已存在时须加 --force
  bench http [--rate 2000] [--duration 10s]
                        在回环地址压测公开的指南和进度查询页面（开环，报告 p50/p90/p99）
  bench export [--n 5000]
                        并行导出 DOCX、PDF、XLSX 并计时
  bench audit [--n 10000]
                        生成一批报告并测量审核速度和内存
  bench search --db URL [--items 1000000]
                        生成一百万条已发布信息并测量公开目录的全文检索
  serve [--demo] [--addr 127.0.0.1:8080] [--db URL]
                        启动服务：公开门户 /、后台 /admin/（登录 /login）、办理进度查询 /status、
                        JSON 接口 /api/v1、/healthz、监控指标 /metrics；--demo 使用新建的演示数据并打印演示登录
  demo init --db 文件   写入演示数据（不启动服务）
  version               显示版本

全局参数：--tz 时区（放在命令之前，默认 Asia/Shanghai，环境变量 GONGKAI_TZ）：
                        日期和显示的时间按此时区，不论服务器的时区设置。

退出码：0 = 没有错误；1 = 发现错误；2 = 输入无法读取或参数错误。
每个命令的参数见 gongkai <命令> --help。
`

var version = "dev"

func main() {
	ctx, stop := signalContext()
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// signalContext is cancelled by the first SIGINT or SIGTERM, which lets the
// command finish what it is doing (serve drains its requests, audit stops
// between files); a second signal ends the process at once, as it would
// without a handler (a command waiting on a pipe no one writes to had
// ignored every Ctrl-C).
func signalContext() (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // the default handling again, for the next signal
	}()
	return ctx, stop
}

// cli is one run of the command: its streams and its clock.
type cli struct {
	clock          clock.Clock
	stdin          io.Reader
	stdout, stderr io.Writer
}

// closeStore closes the database at the end of a command. The command's
// writes are committed by then; a failed close (an unflushed WAL file, say)
// is still worth telling the operator.
func (c *cli) closeStore(s *store.Store) {
	if err := s.Close(); err != nil {
		fmt.Fprintf(c.stderr, "关闭数据库时出错：%v\n", err)
	}
}

// run is main without the process: the wall clock, shown in the zone of
// --tz or GONGKAI_TZ (Asia/Shanghai by default). The only wall-clock read of
// the program is here.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	zone := os.Getenv("GONGKAI_TZ")
	if len(args) > 1 && args[0] == "--tz" {
		zone, args = args[1], args[2:]
	} else if len(args) > 0 && strings.HasPrefix(args[0], "--tz=") {
		zone, args = strings.TrimPrefix(args[0], "--tz="), args[1:]
	}
	loc, err := clock.Zone(zone)
	if err != nil {
		return fail(stderr, err)
	}
	return runAt(ctx, clock.System(loc), args, stdin, stdout, stderr)
}

// runAt runs a command with a given clock (tests fix it).
func runAt(ctx context.Context, clk clock.Clock, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	c := &cli{clock: clk, stdin: stdin, stdout: stdout, stderr: stderr}
	cmds := map[string]func(context.Context, []string) int{
		"audit": c.cmdAudit, "report": c.cmdReport, "import": c.cmdImport, "export": c.cmdExport, "stats": c.cmdStats, "apikey": c.cmdAPIKey,
		"calendar": c.cmdCalendar, "migrate": c.cmdMigrate, "backup": c.cmdBackup, "restore": c.cmdRestore, "bench": c.cmdBench,
		"serve": c.cmdServe, "demo": c.cmdDemo, "remind": c.cmdRemind, "agency": c.cmdAgency, "user": c.cmdUser, "settings": c.cmdSettings, "newmedia": c.cmdNewMedia, "catalog": c.cmdCatalog, "redact": c.cmdRedact,
		"workday":  func(_ context.Context, a []string) int { return c.cmdWorkday(a) },
		"fee":      func(_ context.Context, a []string) int { return c.cmdFee(a) },
		"validate": func(_ context.Context, a []string) int { return c.cmdValidate(a) },
	}
	if f, ok := cmds[args[0]]; ok {
		return f(ctx, args[1:])
	}
	switch args[0] {
	case "version", "--version":
		fmt.Fprintln(stdout, "gongkai", version)
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "未知命令“%s”\n\n%s", args[0], usage)
	return 2
}
