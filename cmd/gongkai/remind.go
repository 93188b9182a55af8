package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"gongkai/internal/errs"
	"gongkai/internal/mail"
	"gongkai/internal/notify"
	"gongkai/internal/ops"
	"gongkai/internal/workday"
)

// mailFlags are the flags of the reminder e-mail, shared by serve and remind.
type mailFlags struct {
	smtp, from, url, passFile *string
}

func addMailFlags(fs *flag.FlagSet) mailFlags {
	return mailFlags{
		smtp: fs.String("smtp", os.Getenv("GONGKAI_SMTP"), "邮件服务器（到期提醒、以邮件发送文书、申请回执、给申请人的办理进展提示、找回查询码、忘记密码都经它发送），如 smtps://用户名@mail.example.gov.cn:465 或 smtp://10.1.2.3:25（环境变量 GONGKAI_SMTP）"),
		from: fs.String("mail-from", os.Getenv("GONGKAI_MAIL_FROM"), "发件人电子邮箱；不写时用邮件服务器的用户名（环境变量 GONGKAI_MAIL_FROM）"),
		url:  fs.String("public-url", os.Getenv("GONGKAI_PUBLIC_URL"), "本系统的访问地址，如 https://gk.example.gov.cn：邮件中的链接（提醒、申请回执、办理进展提示、查询码、重设密码）和接收回执上的查询网址以它开头；不写时邮件不带链接，也不能通过邮件重设密码（环境变量 GONGKAI_PUBLIC_URL）"),
		passFile: fs.String("smtp-password-file", os.Getenv("GONGKAI_SMTP_PASSWORD_FILE"),
			"从这个文件读取邮件服务器的密码（或授权码），--smtp 中就不必写密码：命令行参数他人可用 ps 看到（环境变量 GONGKAI_SMTP_PASSWORD_FILE）"),
	}
}

// sender is the configured mail server (nil when --smtp is not given).
func (m mailFlags) sender() (*mail.Sender, error) {
	if *m.smtp == "" {
		if *m.from != "" {
			return nil, errs.New("--smtp", "给出了 --mail-from，但没有给出邮件服务器 --smtp")
		}
		return nil, nil
	}
	s, err := mail.Parse("--smtp", *m.smtp, *m.from)
	if err != nil || *m.passFile == "" {
		return s, err
	}
	b, err := os.ReadFile(*m.passFile)
	if err != nil {
		return nil, errs.Wrap(errs.Invalid, err, "--smtp-password-file", "无法读取密码文件 %s", *m.passFile)
	}
	pass := strings.TrimRight(string(b), "\r\n")
	if pass == "" || len(pass) > 1024 || strings.ContainsAny(pass, "\r\n") {
		return nil, errs.New("--smtp-password-file", "密码文件 %s 应只有一行：密码或授权码", *m.passFile)
	}
	return s, s.SetPassword("--smtp-password-file", pass)
}

// base is --public-url checked.
func (m mailFlags) base() (string, error) {
	u := strings.TrimRight(strings.TrimSpace(*m.url), "/")
	if u != "" && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		return "", errs.New("--public-url", "“%s”不是网址：请写成 https://gk.example.gov.cn 的样子", u)
	}
	return u, nil
}

// parseRemindAt reads --remind-at (时:分, Beijing time) as time after midnight.
func parseRemindAt(v string) (time.Duration, error) {
	t, err := time.Parse("15:04", strings.TrimSpace(strings.ReplaceAll(v, "：", ":")))
	if err != nil {
		return 0, errs.New("--remind-at", "“%s”不是时间：请写成 08:30 的样子（24 小时制，按 --tz 的时区）", v)
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, nil
}

// mailSetup is the mail server of serve (nil: none) and its reminders'
// address for links and time of day.
type mailSetup struct {
	m    *mail.Sender
	base string
	at   time.Duration
}

// setup reads the mail flags of serve: nil without --smtp.
func (m mailFlags) setup(at string) (*mailSetup, error) {
	sender, err := m.sender()
	if sender == nil || err != nil {
		return nil, err
	}
	ms := &mailSetup{m: sender}
	if ms.base, err = m.base(); err != nil {
		return nil, err
	}
	if ms.at, err = parseRemindAt(at); err != nil {
		return nil, err
	}
	return ms, nil
}

// mailer is the sender for the pages (letters by e-mail), nil without one.
func (ms *mailSetup) mailer() ops.Mailer {
	if ms == nil {
		return nil // not a typed nil: the pages test for "no mail server"
	}
	return ms.m
}

// start runs the daily reminders in the background and says so ("" without
// a mail server).
func (ms *mailSetup) start(ctx context.Context, o *ops.Service, log *slog.Logger) string {
	if ms == nil {
		return ""
	}
	t := time.NewTicker(time.Minute)
	go func() {
		defer t.Stop()
		remindLoop(ctx, o, ms.m, ms.base, ms.at, t.C, log)
	}()
	return fmt.Sprintf("到期提醒邮件：每个工作日 %02d:%02d 起经 %s 由 %s 发送", int(ms.at.Hours()), int(ms.at.Minutes())%60, ms.m, ms.m.From())
}

// remindLoop sends each working day's reminders once the clock passes at (a
// time after midnight in the deployment's zone), on each tick. The database
// keeps one reminder a person a day, so a restart or a second instance
// sends none twice; one that failed is tried again half an hour later.
func remindLoop(ctx context.Context, o *ops.Service, m ops.Mailer, base string, at time.Duration, tick <-chan time.Time, log *slog.Logger) {
	var done workday.Date // the day whose round went out in full
	var retry time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
		}
		now, day := o.Clock.Now(), o.Clock.Today()
		if day == done || now.Sub(o.Clock.Midnight(day)) < at || now.Before(retry) {
			continue
		}
		res, err := o.SendReminders(ctx, m, base)
		if err != nil {
			log.Error("reminders", "day", day.String(), "err", err)
			retry = now.Add(30 * time.Minute)
			continue
		}
		log.Info("reminders", "day", day.String(), "sent", len(res.Sent), "taken", res.Taken, "failed", len(res.Failed))
		if len(res.Failed) > 0 {
			retry = now.Add(30 * time.Minute)
			continue
		}
		done = day
	}
}

// cmdRemind sends today's reminders once (for a scheduler of the system's
// own instead of serve's), shows them without sending (--dry-run), or sends
// a test message to see that the mail server takes it (--test).
func (c *cli) cmdRemind(ctx context.Context, args []string) int {
	stdout, stderr := c.stdout, c.stderr
	fs := newFlags("remind", "remind [--db URL] --smtp 邮件服务器 [--mail-from 发件人] [--public-url 网址] [--dry-run] [--test 收件人]", stderr)
	db := fs.String("db", defaultDB(), dbHelp)
	mf := addMailFlags(fs)
	dry := fs.Bool("dry-run", false, "只列出今天每人会收到的提醒，不发送，也不记录为已发送")
	test := fs.String("test", "", "向这个地址发一封测试邮件，检查邮件服务器设置（不发送提醒）")
	if err := flagsOnly(fs, args); err != nil {
		return usageExit(err)
	}
	m, err := mf.sender()
	if err != nil {
		return fail(stderr, err)
	}
	base, err := mf.base()
	if err != nil {
		return fail(stderr, err)
	}
	if m == nil && !*dry {
		return fail(stderr, errs.New("--smtp", "请用 --smtp 给出邮件服务器（或加 --dry-run 只查看）"))
	}
	if *test != "" {
		return c.remindTest(ctx, m, *test)
	}
	o, err := c.openOps(ctx, *db)
	if err != nil {
		return fail(stderr, err)
	}
	defer c.closeStore(o.Store)
	if *dry {
		rs, err := o.Reminders(ctx, c.clock.Today(), base)
		if err != nil {
			return fail(stderr, err)
		}
		for _, r := range rs {
			fmt.Fprintf(stdout, "%s（%s，%s）：%s\n", r.Name, r.Agency, r.To, r.Summary())
		}
		fmt.Fprintf(stdout, "%s：%d 人有到期提醒（未发送）\n", c.clock.Today().Chinese(), len(rs))
		return 0
	}
	res, err := o.SendReminders(ctx, m, base)
	if err != nil {
		return fail(stderr, err)
	}
	for _, r := range res.Sent {
		fmt.Fprintf(stdout, "已发送 %s（%s）：%s\n", r.Name, r.To, r.Summary())
	}
	for _, f := range res.Failed {
		fmt.Fprintf(stderr, "未发送 %s（%s）：%s\n", f.Name, f.To, errs.Message(f.Err))
	}
	fmt.Fprintf(stdout, "%s：发送 %d 封，今天已发过 %d 封，失败 %d 封\n", res.Day.Chinese(), len(res.Sent), res.Taken, len(res.Failed))
	if len(res.Failed) > 0 {
		return 1
	}
	return 0
}

// remindTest sends one test message.
func (c *cli) remindTest(ctx context.Context, m *mail.Sender, to string) int {
	addr, err := notify.Address("--test", to)
	if err != nil || addr == "" {
		return fail(c.stderr, errs.New("--test", "请给出收件人的电子邮箱地址"))
	}
	if err := m.Send(ctx, addr, notify.Test(m.From(), addr, c.clock.Now())); err != nil {
		return fail(c.stderr, err)
	}
	fmt.Fprintf(c.stdout, "测试邮件已由 %s 发往 %s，请到收件箱（或垃圾邮件）查看\n", m, addr)
	return 0
}
