// Package notify writes the daily reminder a person who handles
// applications receives by e-mail: their applications past the reply
// deadline or due within a few working days, and the agency's that nobody
// handles yet. It only writes the message; internal/mail sends it and
// internal/ops decides who gets what.
//
// The message names applications by their serial, dates and state, never
// by the applicant or the request: mail systems keep and forward copies,
// and the case page behind the link is where the personal data stays.
package notify

import (
	"bytes"
	"cmp"
	"encoding/base64"
	"fmt"
	"mime"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"gongkai/internal/errs"
	"gongkai/internal/workday"
)

// Item is one application of a reminder.
type Item struct {
	ID       int64
	Serial   string
	Received workday.Date
	Due      workday.Date
	DueWhat  string // the deadline's name ("": 答复期限; 补正期限, 缴费期限 …)
	// Since names Received ("": 收到, an application; 形成, a catalog item)
	// and Path is the page ("": the application's); Passed is the word
	// for a deadline gone by ("": 已逾期; 已过 for the applicant's periods)
	Since, Path, Passed string
	DaysLeft            int    // working days to the deadline; negative: that many late
	Counted             bool   // DaysLeft is known (the calendar covers the days between)
	State               string // the state's Chinese name
}

// Group is one list of a reminder.
type Group struct {
	Title string
	Items []Item
	More  int    // listed beyond Items (the message names the first ones only)
	Unit  string // what it counts ("": 件, applications; 条, catalog items)
}

// Digest is one person's reminder of a day.
type Digest struct {
	To, Name, Agency string
	Today            workday.Date
	Soon             int // "due soon" is within this many working days
	Overdue, DueSoon int // of the person's own applications
	Lapsed           int // own ones whose 补正 or payment period has passed: to record
	Corrected        int // own ones whose applicant sent the 补正 or a request to withdraw online: to confirm
	Proposed         int // the agency's steps proposed to the head of the office, waiting (the head's reminder)
	Returned         int // own ones whose proposal the head returned
	Items            int // the agency's 主动公开 items due under Art. 26 within days or late
	Unassigned       int // the agency's due or overdue ones nobody handles
	Groups           []Group
	// Reports are annual reports not yet submitted as their deadline nears:
	// the agency's own for the head of the office, those of every agency
	// it oversees for a supervising office; ReportLink is the page of them.
	Reports    []ReportDue
	ReportLink string
	Base       string // the server's address for links ("": no links)
}

// ReportDue is an annual report not yet submitted (报送) as its deadline nears.
type ReportDue struct {
	Agency   string
	Year     int
	Due      workday.Date
	Why      string // the deadline's basis (《条例》第四十九条 …)
	DaysLeft int    // working days to Due; negative: late
	Counted  bool
	Saved    bool // drafted and saved, not yet submitted
}

// Text is the report's line of the message.
func (r ReportDue) Text() string {
	state := "尚未填写"
	if r.Saved {
		state = "已保存，尚未报送"
	}
	left := ""
	if r.Counted {
		left = reportLeft(r.DaysLeft) + "；"
	}
	return fmt.Sprintf("%s  %d年度报告%s，应于 %s 前报送并公开（%s%s）", r.Agency, r.Year, state, r.Due.Chinese(), left, r.Why)
}

func reportLeft(n int) string {
	switch {
	case n < 0:
		return fmt.Sprintf("已逾期 %d 个工作日", -n)
	case n == 0:
		return "今天截止"
	default:
		return fmt.Sprintf("还有 %d 个工作日", n)
	}
}

// remindReports bounds the reports a message lists.
const remindReports = 50

// Cases is how many applications the reminder names.
func (d Digest) Cases() int {
	n := 0
	for _, g := range d.Groups {
		n += len(g.Items) + g.More
	}
	return n
}

// Summary is the reminder in a phrase (its subject, the audit log's detail).
func (d Digest) Summary() string {
	var parts []string
	if d.Overdue > 0 {
		parts = append(parts, fmt.Sprintf("已逾期 %d 件", d.Overdue))
	}
	if d.DueSoon > 0 {
		parts = append(parts, fmt.Sprintf("%d 个工作日内到期 %d 件", d.Soon, d.DueSoon))
	}
	if d.Lapsed > 0 {
		parts = append(parts, fmt.Sprintf("补正、缴费等期限已过待登记 %d 件", d.Lapsed))
	}
	if d.Corrected > 0 {
		parts = append(parts, fmt.Sprintf("申请人在线补正或撤回待确认 %d 件", d.Corrected))
	}
	if d.Proposed > 0 {
		parts = append(parts, fmt.Sprintf("待您审批的提请 %d 件", d.Proposed))
	}
	if d.Returned > 0 {
		parts = append(parts, fmt.Sprintf("提请被退回 %d 件", d.Returned))
	}
	if d.Unassigned > 0 {
		parts = append(parts, fmt.Sprintf("未指派承办人且将到期或已逾期 %d 件", d.Unassigned))
	}
	if d.Items > 0 {
		parts = append(parts, fmt.Sprintf("主动公开信息将到或已过公开期限 %d 条", d.Items))
	}
	switch {
	case len(d.Reports) == 1 && d.Reports[0].Agency == d.Agency:
		parts = append(parts, fmt.Sprintf("%d年度报告尚未报送", d.Reports[0].Year))
	case len(d.Reports) > 0:
		parts = append(parts, fmt.Sprintf("%d 个机关的%d年度报告尚未报送", len(d.Reports), d.Reports[0].Year))
	}
	return strings.Join(parts, "，")
}

// Subject is the message's subject line.
func (d Digest) Subject() string {
	return "【政府信息公开到期提醒】" + d.Summary()
}

// Body is the message's text.
func (d Digest) Body() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s：\n\n截至 %s，%s需要您关注的事项如下（期限按工作日计算，已计入节假日和调休）。\n", d.Name, d.Today.Chinese(), d.Agency)
	for _, g := range d.Groups {
		fmt.Fprintf(&b, "\n%s（%d %s）：\n", g.Title, len(g.Items)+g.More, cmp.Or(g.Unit, "件"))
		for _, it := range g.Items {
			fmt.Fprintf(&b, "  %s  %s %s  %s %s（%s）  %s\n", it.Serial, cmp.Or(it.Since, "收到"), it.Received.Chinese(), cmp.Or(it.DueWhat, "答复期限"), it.Due.Chinese(), left(it), it.State)
			if d.Base != "" {
				fmt.Fprintf(&b, "    %s%s\n", d.Base, cmp.Or(it.Path, fmt.Sprintf("/admin/cases/%d", it.ID)))
			}
		}
		if g.More > 0 {
			fmt.Fprintf(&b, "  另有 %d %s，请登录系统查看。\n", g.More, cmp.Or(g.Unit, "件"))
		}
	}
	if len(d.Reports) > 0 {
		fmt.Fprintf(&b, "\n年度报告尚未报送（%d 个）：\n", len(d.Reports))
		for i, r := range d.Reports {
			if i == remindReports {
				fmt.Fprintf(&b, "  另有 %d 个，请登录系统查看。\n", len(d.Reports)-i)
				break
			}
			fmt.Fprintf(&b, "  %s\n", r.Text())
		}
		if d.Base != "" && d.ReportLink != "" {
			fmt.Fprintf(&b, "    %s%s\n", d.Base, d.ReportLink)
		}
	}
	if d.Base != "" {
		fmt.Fprintf(&b, "\n工作台：%s/admin/\n", d.Base)
	}
	b.WriteString("\n本邮件由政府信息公开工作平台在工作日自动发送，不必回复。不想再收到时，请在“我的账号”页删去电子邮箱，或请系统管理员删去。\n")
	return b.String()
}

func left(it Item) string {
	n := it.DaysLeft
	switch {
	case !it.Counted:
		return "节假日安排未导入，工作日数未计"
	case n < 0:
		return fmt.Sprintf("%s %d 个工作日", cmp.Or(it.Passed, "已逾期"), -n)
	case n == 0:
		return "今天到期"
	default:
		return fmt.Sprintf("还有 %d 个工作日", n)
	}
}

// fromName is the display name of the sender.
const fromName = "政府信息公开工作平台"

// Message is the reminder as an RFC 5322 message from the address from,
// dated now, its text UTF-8 in base64 (every mail system reads it; a line
// never exceeds 76 characters).
func Message(from string, d Digest, now time.Time, id string) []byte {
	return compose(from, "", &mail.Address{Name: d.Name, Address: d.To}, d.Subject(), d.Body(), now, id)
}

// Test is a message that shows the mail settings work.
func Test(from, to string, now time.Time) []byte {
	id := fmt.Sprintf("test.%d@%s", now.UnixNano(), from[strings.LastIndexByte(from, '@')+1:])
	return compose(from, "", &mail.Address{Address: to}, "【"+fromName+"】测试邮件",
		"这是一封测试邮件：邮件服务器的设置可用，依申请公开到期提醒将这样发送。\n", now, id)
}

// Compose is a plain message of text to one address (a 忘记密码 link, an
// applicant's receipt); replyTo, when given, is where an answer goes.
func Compose(from, replyTo, to, subject, text string, now time.Time, id string) []byte {
	return compose(from, replyTo, &mail.Address{Address: to}, subject, text, now, id)
}

func compose(from, replyTo string, to *mail.Address, subject, text string, now time.Time, id string) []byte {
	var b bytes.Buffer
	header(&b, from, to, subject, now, id)
	if replyTo != "" {
		b.WriteString("Reply-To: " + replyTo + "\r\n")
	}
	h := func(k, v string) { b.WriteString(fold(k+": "+v) + "\r\n") }
	h("Content-Type", "text/plain; charset=UTF-8")
	h("Content-Transfer-Encoding", "base64")
	b.WriteString("\r\n")
	base64Lines(&b, []byte(strings.ReplaceAll(text, "\n", "\r\n")))
	return b.Bytes()
}

// header writes the headers every message has.
func header(b *bytes.Buffer, from string, to *mail.Address, subject string, now time.Time, id string) {
	h := func(k, v string) { b.WriteString(fold(k+": "+v) + "\r\n") }
	h("From", (&mail.Address{Name: fromName, Address: from}).String())
	h("To", to.String())
	h("Subject", mime.BEncoding.Encode("UTF-8", subject))
	h("Date", now.Format(time.RFC1123Z))
	h("Message-ID", "<"+id+">")
	h("MIME-Version", "1.0")
	h("Auto-Submitted", "auto-generated") // RFC 3834: no vacation replies
}

// base64Lines writes data in base64, 76 characters a line.
func base64Lines(b *bytes.Buffer, data []byte) {
	enc := base64.StdEncoding.EncodeToString(data)
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n")
}

// File is a document sent with a message.
type File struct {
	Name, Type string
	Data       []byte
}

// WithFile is a message with a text and one attached file (a letter as PDF).
// The file's Chinese name is written as encoded words, which every mail
// program reads (Foxmail, Outlook, QQ and 163 mail, Gmail, Thunderbird);
// RFC 2231's form is read by fewer of them and cannot be folded as simply.
//
// replyTo, when given, is where an answer goes (the office's address, not
// the server's).
func WithFile(from, replyTo, to, subject, text string, f File, now time.Time, id string) []byte {
	var b bytes.Buffer
	header(&b, from, &mail.Address{Address: to}, subject, now, id)
	if replyTo != "" {
		b.WriteString("Reply-To: " + replyTo + "\r\n")
	}
	boundary := fmt.Sprintf("gongkai-%x", now.UnixNano())
	b.WriteString("Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n")
	b.WriteString("--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
	base64Lines(&b, []byte(strings.ReplaceAll(text, "\n", "\r\n")))
	// Q rather than B: base64 may hold "/", which a reader taking the name
	// for a path cuts at (Go's own multipart does)
	name := mime.QEncoding.Encode("UTF-8", f.Name)
	b.WriteString("--" + boundary + "\r\n")
	b.WriteString(fold("Content-Type: "+f.Type+"; name=\""+name+"\"") + "\r\n")
	b.WriteString(fold("Content-Disposition: attachment; filename=\""+name+"\"") + "\r\n")
	b.WriteString("Content-Transfer-Encoding: base64\r\n\r\n")
	base64Lines(&b, f.Data)
	b.WriteString("--" + boundary + "--\r\n")
	return b.Bytes()
}

// fold breaks a header line at its spaces (between encoded words) so that
// no line passes 78 characters, as RFC 5322 asks.
func fold(line string) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Split(line, " ") {
		if i > 0 {
			if n+1+len(w) > 78 {
				b.WriteString("\r\n")
				n = 0
			}
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}

// maxAddress is RFC 5321's limit on a path.
const maxAddress = 254

// readsBack reports whether a bare address parses as itself, unquoted.
func readsBack(addr string) bool {
	b, err := mail.ParseAddress(addr)
	return err == nil && b.Name == "" && b.Address == addr
}

// Address checks an e-mail address as a person types it (a bare address,
// or one written 姓名 <a@b.cn>) and returns the bare address; "" stays ""
// (no reminders). where names the form field.
func Address(where, s string) (string, error) {
	s = strings.TrimSpace(strings.NewReplacer("＠", "@", "．", ".", "。", ".").Replace(s))
	if s == "" {
		return "", nil
	}
	a, err := mail.ParseAddress(s)
	// a quoted local part comes back unquoted ("x<"@n.c is x<@n.c, "n."@n.c
	// is n.@n.c): only an address that reads back as itself is taken
	if err != nil || !utf8.ValidString(s) || len(a.Address) > maxAddress || strings.ContainsAny(a.Address, " \r\n\"") ||
		!readsBack(a.Address) ||
		!strings.Contains(a.Address[strings.LastIndexByte(a.Address, '@')+1:], ".") {
		return "", errs.New(where, "“%s”不是电子邮箱地址：请写成 name@example.gov.cn 的样子", s)
	}
	for _, r := range a.Address {
		if r >= utf8.RuneSelf {
			// most mail servers take no SMTPUTF8: a Chinese character in an address fails at sending
			return "", errs.New(where, "“%s”含有汉字或全角字符：电子邮箱地址只能用英文字母、数字和 . _ - @ 等半角符号", s)
		}
	}
	return a.Address, nil
}
