package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/importer"
	"gongkai/internal/office"
	"gongkai/internal/ops"
	"gongkai/internal/org"
	"gongkai/internal/report"
)

// asFlags names an operation's form fields as the command's flags
// (login → --login), so that a refusal points at what to type again.
func asFlags(err error) error {
	flag := func(e *errs.Error) *errs.Error {
		if e.Where == "" || strings.HasPrefix(e.Where, "--") {
			return e
		}
		c := *e
		c.Where = "--" + strings.ReplaceAll(e.Where, "_", "-")
		return &c
	}
	var l errs.List
	if errors.As(err, &l) {
		out := make(errs.List, len(l))
		for i, e := range l {
			out[i] = flag(e)
		}
		return out
	}
	var e *errs.Error
	if errors.As(err, &e) {
		return flag(e)
	}
	return err
}

// cmdAgency adds and lists agencies: the way a new database gets its top
// agency (an administrator adds the others on the 机关 page or here).
func (c *cli) cmdAgency(ctx context.Context, args []string) int {
	switch {
	case len(args) > 0 && args[0] == "add":
		return c.agencyAdd(ctx, args[1:])
	case len(args) > 0 && args[0] == "list":
		return c.agencyList(ctx, args[1:])
	case len(args) > 0 && args[0] == "import":
		return c.agencyImport(ctx, args[1:])
	}
	fmt.Fprintln(c.stderr, "用法：gongkai agency add --name 机关名称 --level 级别 [--parent 上级机关] …｜gongkai agency list｜gongkai agency import 机关名单.xlsx --under 机关 [--commit]")
	return 2
}

// listFlags are the flags of both list imports (agencies, users).
func listFlags(fs *flag.FlagSet, underHelp, mapExample string) (db, under *string, commit *bool, overrides mapFlags) {
	db = fs.String("db", defaultDB(), dbHelp)
	under = fs.String("under", "", underHelp)
	commit = fs.Bool("commit", false, "确认导入（不加时只预览，不写入任何数据）")
	overrides = mapFlags{}
	fs.Var(overrides, "map", "指定列对应的字段，可重复，如 --map \""+mapExample+"\"")
	return db, under, commit, overrides
}

// agencyImport creates the agencies of a spreadsheet below one: a preview
// first (columns, every problem by row and column), --commit to write.
func (c *cli) agencyImport(ctx context.Context, args []string) int {
	fs := newFlags("agency import", "agency import 机关名单.xlsx|.csv [--db URL] --under 机关 [--map 列名=字段]... [--commit]", c.stderr)
	db, under, commit, overrides := listFlags(fs, "名单中的机关都在这个机关之下；“上级机关”列空白的行直接在它之下", "单位全称=name")
	file, code, ok := oneArg(fs, args)
	if !ok {
		return code
	}
	data, o, ag, err := c.agencyFile(ctx, file, importer.MaxFile, *db, *under)
	if err != nil {
		return fail(c.stderr, errs.New("--under", "%s", errs.Plain(err)))
	}
	defer c.closeStore(o.Store)
	p := ops.Administrator(ag.ID)
	res, err := o.ImportAgencies(ctx, p, ops.ListFile{Under: ag.ID, Name: file, Data: data, Overrides: overrides, Commit: *commit})
	if res != nil && res.Mapping != nil {
		printMapping(c.stdout, res.Schema, res.Mapping)
	}
	if err != nil {
		return fail(c.stderr, err)
	}
	if code, done := c.listChecked("机关", res.Ready, res.Bad, *commit, "--commit"); !done {
		return code
	}
	fmt.Fprintf(c.stdout, "已在“%s”之下新建 %d 个机关。\n", ag.Name, res.Created)
	return 0
}

// listChecked says what a list of agencies or users holds: how many rows can
// be created, every problem by row; then why nothing was written (problems:
// exit 1; a preview: 0, flags says what to add) or done, for the caller to
// say what was.
func (c *cli) listChecked(what string, ready int, bad []importer.RowError, commit bool, flags string) (code int, done bool) {
	fmt.Fprintf(c.stdout, "%d 个%s可以新建，%d 处问题。\n", ready, what, len(bad))
	for _, e := range bad {
		fmt.Fprintln(c.stdout, "  "+e.String())
	}
	switch {
	case len(bad) > 0:
		fmt.Fprintf(c.stdout, "有问题的行未改正，未新建任何%s。请改正后重试。\n", what)
		return 1, false
	case !commit:
		fmt.Fprintf(c.stdout, "以上为预览，未写入任何数据。确认无误后加 %s 导入。\n", flags)
		return 0, false
	}
	return 0, true
}

// levelOf reads a level as its id or its Chinese name.
func levelOf(v string) (report.Level, error) {
	if l, ok := importer.Level(v); ok {
		return l, nil
	}
	return "", errs.New("--level", "级别“%s”不对，应为：%s（或其英文代码，如 county_department）", v, importer.LevelNames())
}

func (c *cli) agencyAdd(ctx context.Context, args []string) int {
	fs := newFlags("agency add", "agency add [--db URL] --name 机关名称 --level 级别 [--parent 上级机关] [--review-organ 复议机关] [--letter-prefix 文号前缀] [--code 机构代码]", c.stderr)
	db := fs.String("db", defaultDB(), dbHelp)
	name := fs.String("name", "", "机关名称")
	level := fs.String("level", "", "级别：county_department（县级人民政府部门）、county（县级人民政府）等，或其中文名称")
	parent := fs.String("parent", "", "上级机关（主管部门）的名称；新数据库的第一个机关不写")
	review := fs.String("review-organ", "", "复议机关（答复书的救济途径中写明）")
	prefix := fs.String("letter-prefix", "", "文号前缀，如 卫教体依公")
	code := fs.String("code", "", "组织机构代码或统一社会信用代码（主动公开索引号的第一部分）")
	if err := flagsOnly(fs, args); err != nil {
		return usageExit(err)
	}
	lv, err := levelOf(*level)
	if err != nil {
		return fail(c.stderr, err)
	}
	o, err := c.openOps(ctx, *db)
	if err != nil {
		return fail(c.stderr, err)
	}
	defer c.closeStore(o.Store)
	a := &org.Agency{Name: strings.TrimSpace(*name), Level: lv, ReviewOrgan: *review, LetterPrefix: *prefix, Code: *code}
	above := "（最上级）"
	if strings.TrimSpace(*parent) != "" {
		pa, err := agencyNamed(ctx, o.Store, *parent)
		if err != nil {
			return fail(c.stderr, errs.New("--parent", "%s", errs.Message(err)))
		}
		a.ParentID, above = &pa.ID, pa.Name
	} else if all, err := o.Store.ListAgencies(ctx); err != nil {
		return fail(c.stderr, err)
	} else if len(all) > 0 {
		return fail(c.stderr, errs.New("--parent", "数据库中已有机关（%s 等）：新机关请用 --parent 写明上级机关，所有机关在一个层级之下", all[0].Name))
	}
	if err := o.CreateAgency(ctx, ops.Administrator(0), a); err != nil {
		return fail(c.stderr, asFlags(err))
	}
	fmt.Fprintf(c.stdout, "已新建机关“%s”（%s），上级：%s\n", a.Name, report.LevelName(a.Level), above)
	return 0
}

func (c *cli) agencyList(ctx context.Context, args []string) int {
	fs := newFlags("agency list", "agency list [--db URL]", c.stderr)
	db := fs.String("db", defaultDB(), dbHelp)
	if err := flagsOnly(fs, args); err != nil {
		return usageExit(err)
	}
	o, err := c.openOps(ctx, *db)
	if err != nil {
		return fail(c.stderr, err)
	}
	defer c.closeStore(o.Store)
	all, err := o.Store.ListAgencies(ctx)
	if err != nil {
		return fail(c.stderr, err)
	}
	depth := map[int64]int{}
	for _, a := range all { // created top down: a parent comes before its agencies
		if a.ParentID != nil {
			depth[a.ID] = depth[*a.ParentID] + 1
		}
		fmt.Fprintf(c.stdout, "%s%s（%s）\n", strings.Repeat("  ", depth[a.ID]), a.Name, report.LevelName(a.Level))
	}
	if len(all) == 0 {
		fmt.Fprintln(c.stdout, "还没有机关：先用 gongkai agency add 新建最上级的机关")
	}
	return 0
}

// cmdUser adds a user (the first administrator of a new database) or gives
// one a new password (an administrator who forgot theirs).
func (c *cli) cmdUser(ctx context.Context, args []string) int {
	switch {
	case len(args) > 0 && args[0] == "add":
		return c.userAdd(ctx, args[1:])
	case len(args) > 0 && args[0] == "password":
		return c.userPassword(ctx, args[1:])
	case len(args) > 0 && args[0] == "import":
		return c.userImport(ctx, args[1:])
	}
	fmt.Fprintln(c.stderr, "用法：gongkai user add --agency 机关 --login 用户名 --name 姓名 --role 角色｜gongkai user password --login 用户名｜gongkai user import 用户名单.xlsx --under 机关 --passwords 初始密码.csv [--commit]")
	return 2
}

// userImport creates the users of a spreadsheet: a preview first, --commit
// to write, the first passwords into a new file only its owner reads.
func (c *cli) userImport(ctx context.Context, args []string) int {
	fs := newFlags("user import", "user import 用户名单.xlsx|.csv [--db URL] --under 机关 [--map 列名=字段]... [--commit --passwords 初始密码.csv]", c.stderr)
	db, under, commit, overrides := listFlags(fs, "名单中的机关都是这个机关或其下的机关", "登录账号=login")
	out := fs.String("passwords", "", "导入时把每个用户的随机初始密码写入这个新文件（CSV，只有本人可读），以便分发")
	file, code, ok := oneArg(fs, args)
	if !ok {
		return code
	}
	var pwFile *os.File
	if *commit {
		if *out == "" {
			return fail(c.stderr, errs.New("--passwords", "导入时须用 --passwords 指定一个新文件，写入每个用户的初始密码"))
		}
		f, err := os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return fail(c.stderr, errs.Wrap(errs.Invalid, err, "--passwords", "无法新建 %s（已存在的文件不会覆盖）", *out))
		}
		pwFile = f
		defer func() { _ = f.Close() }() // closed and checked below when written
	}
	data, o, ag, err := c.agencyFile(ctx, file, importer.MaxFile, *db, *under)
	if err != nil {
		return c.userImportFailed(pwFile, errs.New("--under", "%s", errs.Plain(err)))
	}
	defer c.closeStore(o.Store)
	p := ops.Administrator(ag.ID)
	res, err := o.ImportUsers(ctx, p, ops.ListFile{Under: ag.ID, Name: file, Data: data, Overrides: overrides, Commit: *commit}, org.NewPassword)
	if res != nil && res.Mapping != nil {
		printMapping(c.stdout, res.Schema, res.Mapping)
	}
	if err != nil {
		return c.userImportFailed(pwFile, err)
	}
	if code, done := c.listChecked("用户", res.Ready, res.Bad, *commit, "--commit --passwords 初始密码.csv"); !done {
		_ = c.userImportFailed(pwFile, nil) // nothing written: no passwords file either
		return code
	}
	if err := office.LedgerCSV(pwFile, res.Passwords(), false); err != nil {
		return fail(c.stderr, errs.Wrap(errs.Internal, err, "--passwords", "用户已新建，但初始密码未能写入 %s：请用 gongkai user password 为他们重设密码", *out))
	}
	if err := pwFile.Close(); err != nil {
		return fail(c.stderr, errs.Wrap(errs.Internal, err, "--passwords", "用户已新建，但初始密码未能写入 %s：请用 gongkai user password 为他们重设密码", *out))
	}
	fmt.Fprintf(c.stdout, "已在“%s”及其下的机关新建 %d 个用户，初始密码在 %s（请分发后删除）。\n", ag.Name, res.Created, *out)
	return 0
}

// userImportFailed removes the passwords file nothing was written to and
// reports err (nil: only the removal).
func (c *cli) userImportFailed(f *os.File, err error) int {
	if f != nil {
		_ = f.Close()
		_ = os.Remove(f.Name()) // empty: no user was created
	}
	if err == nil {
		return 1
	}
	return fail(c.stderr, err)
}

// roleOf reads a role as its id or its Chinese name.
func roleOf(v string) (casework.Role, error) {
	if r, ok := importer.Role(v); ok {
		return r, nil
	}
	return "", errs.New("--role", "角色“%s”不对，应为：%s（或其英文代码：admin、supervisor、approver、clerk）", v, importer.RoleNames())
}

// passwordFrom is the password of --password-file, or a new one to show.
func passwordFrom(file string) (pass string, shown bool, err error) {
	if file == "" {
		return org.NewPassword(), true, nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", false, errs.Wrap(errs.Invalid, err, "--password-file", "无法读取密码文件 %s", file)
	}
	return strings.TrimRight(string(b), "\r\n"), false, nil
}

func (c *cli) userAdd(ctx context.Context, args []string) int {
	fs := newFlags("user add", "user add [--db URL] --agency 机关 --login 用户名 --name 姓名 --role admin|supervisor|approver|clerk [--email 电子邮箱] [--password-file 文件]", c.stderr)
	db := fs.String("db", defaultDB(), dbHelp)
	agency := fs.String("agency", "", "用户所在机关的名称")
	login := fs.String("login", "", "用户名（登录用）")
	name := fs.String("name", "", "姓名")
	role := fs.String("role", "", "admin（系统管理员）、supervisor（主管部门）、approver（公开工作机构负责人）或 clerk（办理人），或其中文名称")
	email := fs.String("email", "", "电子邮箱（到期提醒发到这里；可不写）")
	pwFile := fs.String("password-file", "", "从这个文件读取初始密码；不写时生成一个随机密码并只显示这一次")
	if err := flagsOnly(fs, args); err != nil {
		return usageExit(err)
	}
	r, err := roleOf(*role)
	if err != nil {
		return fail(c.stderr, err)
	}
	pass, shown, err := passwordFrom(*pwFile)
	if err != nil {
		return fail(c.stderr, err)
	}
	o, ag, err := c.openAgency(ctx, *db, *agency)
	if err != nil {
		return fail(c.stderr, err)
	}
	defer c.closeStore(o.Store)
	p := ops.Administrator(ag.ID)
	u, err := o.CreateUser(ctx, p, ops.NewUser{AgencyID: ag.ID, Login: *login, Name: *name, Role: r, Password: pass, Email: *email})
	if err != nil {
		return fail(c.stderr, asFlags(err))
	}
	fmt.Fprintf(c.stdout, "已为“%s”新建用户 %s（%s，%s）\n", ag.Name, u.Login, u.Name, org.RoleName(u.Role))
	if shown {
		fmt.Fprintf(c.stdout, "初始密码：%s\n（只显示这一次；请登录后在“我的账号”中修改）\n", pass)
	}
	return 0
}

func (c *cli) userPassword(ctx context.Context, args []string) int {
	fs := newFlags("user password", "user password [--db URL] --login 用户名 [--password-file 文件]", c.stderr)
	db := fs.String("db", defaultDB(), dbHelp)
	login := fs.String("login", "", "用户名")
	pwFile := fs.String("password-file", "", "从这个文件读取新密码；不写时生成一个随机密码并只显示这一次")
	if err := flagsOnly(fs, args); err != nil {
		return usageExit(err)
	}
	pass, shown, err := passwordFrom(*pwFile)
	if err != nil {
		return fail(c.stderr, err)
	}
	o, err := c.openOps(ctx, *db)
	if err != nil {
		return fail(c.stderr, err)
	}
	defer c.closeStore(o.Store)
	u, _, err := o.Store.UserByLogin(ctx, strings.TrimSpace(*login))
	if err != nil {
		return fail(c.stderr, errs.New("--login", "没有在用的用户“%s”", *login))
	}
	p := ops.Administrator(u.AgencyID)
	if err := o.ResetPassword(ctx, p, u.ID, pass); err != nil {
		return fail(c.stderr, asFlags(err))
	}
	fmt.Fprintf(c.stdout, "已为用户 %s（%s）设置新密码，其已登录的会话均已退出\n", u.Login, u.Name)
	if shown {
		fmt.Fprintf(c.stdout, "新密码：%s\n（只显示这一次）\n", pass)
	}
	return 0
}
