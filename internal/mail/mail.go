// Package mail sends messages through the office's SMTP server (a 政务邮箱
// or any relay): smtp:// upgrades to TLS with STARTTLS when the server offers
// it, smtps:// speaks TLS from the start (port 465, what most Chinese mail
// services give). A password is only ever sent over TLS, or to a relay on
// this machine.
package mail

import (
	"context"
	"crypto/tls"
	"net"
	"net/smtp"
	"net/url"
	"os"
	"strings"
	"time"

	"gongkai/internal/errs"
	"gongkai/internal/notify"
)

// Sender sends through one SMTP server from one address.
type Sender struct {
	scheme     string // smtp, or smtps: TLS from the first byte
	host, port string
	user, pass string
	from       string
	// TLS is the client's TLS configuration (nil: the system's roots and
	// the server's name); tests give their own roots.
	TLS *tls.Config
	// Timeout bounds one message's whole conversation.
	Timeout time.Duration
}

// Parse reads the server's address (smtp://用户:密码@主机:端口 or
// smtps://…) and the sender's address. where names the flag.
func Parse(where, raw, from string) (*Sender, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Hostname() == "" || (u.Path != "" && u.Path != "/") {
		return nil, errs.New(where, "邮件服务器地址应写成 smtp://主机:端口 或 smtps://用户名:密码@主机:465（用户名、密码中的 @ : / 写成 %%40 %%3A %%2F）")
	}
	s := &Sender{scheme: u.Scheme, host: u.Hostname(), port: u.Port(), Timeout: time.Minute}
	if s.port == "" {
		s.port = "25"
		if s.implicit() {
			s.port = "465"
		}
	}
	if u.User != nil {
		s.user = u.User.Username()
		s.pass, _ = u.User.Password()
	}
	if from == "" && strings.Contains(s.user, "@") {
		from = s.user // most services send only from the account's address
	}
	if s.from, err = notify.Address("--mail-from", from); err != nil {
		return nil, err
	}
	if s.from == "" {
		return nil, errs.New("--mail-from", "请用 --mail-from 指定发件人的电子邮箱地址")
	}
	return s, nil
}

// SetPassword gives the password (or 授权码) from elsewhere than the
// address, e.g. a file only the service may read; it needs a user name.
func (s *Sender) SetPassword(where, pass string) error {
	if s.user == "" {
		return errs.New(where, "给出了密码，但邮件服务器地址中没有用户名：应写成 smtps://用户名@主机:465")
	}
	s.pass = pass
	return nil
}

// implicit: TLS from the first byte (smtps, port 465), not by STARTTLS.
func (s *Sender) implicit() bool { return s.scheme == "smtps" }

// From is the sender's address.
func (s *Sender) From() string { return s.from }

// String is the server without its password (for logs and the start-up lines).
func (s *Sender) String() string {
	u := url.URL{Scheme: s.scheme, Host: net.JoinHostPort(s.host, s.port)}
	if s.user != "" {
		u.User = url.User(s.user)
	}
	return u.String()
}

// Send delivers one message to one address. Its error says in Chinese
// which step failed, the server's own words kept as the cause.
func (s *Sender) Send(ctx context.Context, to string, msg []byte) error {
	ctx, cancel := context.WithTimeout(ctx, s.Timeout)
	defer cancel()
	addr := net.JoinHostPort(s.host, s.port)
	fail := func(err error, format string, args ...any) error {
		return errs.Wrap(errs.Internal, err, "smtp", format, args...)
	}
	conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", addr)
	if err != nil {
		return fail(err, "无法连接邮件服务器 %s", addr)
	}
	defer func() { _ = conn.Close() }() // the outcome is decided by then: accepted or not
	// a server that stops answering ends with the context (its timeout or a cancel)
	stop := context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	tc := s.tlsConfig()
	if s.implicit() {
		tlsConn := tls.Client(conn, tc)
		if err := tlsConn.HandshakeContext(ctx); err != nil {
			return fail(err, "与邮件服务器 %s 建立加密连接失败（smtps:// 要求服务器从连接开始就使用 TLS，端口通常为 465）", addr)
		}
		conn = tlsConn
	}
	c, err := smtp.NewClient(conn, s.host)
	if err != nil {
		return fail(err, "邮件服务器 %s 没有正常应答", addr)
	}
	defer func() { _ = c.Close() }() // as conn
	if err := c.Hello(helloName()); err != nil {
		return fail(err, "邮件服务器 %s 没有正常应答", addr)
	}
	if ok, _ := c.Extension("STARTTLS"); ok && !s.implicit() {
		if err := c.StartTLS(tc); err != nil {
			return fail(err, "与邮件服务器 %s 建立加密连接（STARTTLS）失败", addr)
		}
	}
	if s.user != "" {
		// net/smtp's PLAIN refuses a connection without TLS unless the
		// server is this machine: a password never crosses the network in clear
		if err := c.Auth(smtp.PlainAuth("", s.user, s.pass, s.host)); err != nil {
			return fail(err, "邮件服务器 %s 没有接受用户 %s 的登录：用户名或密码不对（有的邮箱要用“客户端授权码”），或连接未加密（请用 smtps:// 或支持 STARTTLS 的端口）", addr, s.user)
		}
	}
	if err := c.Mail(s.from); err != nil {
		return fail(err, "邮件服务器 %s 不接受发件人 %s", addr, s.from)
	}
	if err := c.Rcpt(to); err != nil {
		return fail(err, "邮件服务器 %s 不接受收件人 %s", addr, to)
	}
	w, err := c.Data()
	if err == nil {
		_, err = w.Write(msg)
	}
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		return fail(err, "邮件服务器 %s 没有接受这封邮件", addr)
	}
	_ = c.Quit() // the message is accepted; a server that drops the line at QUIT changes nothing
	return nil
}

func (s *Sender) tlsConfig() *tls.Config {
	if s.TLS != nil {
		c := s.TLS.Clone()
		if c.ServerName == "" {
			c.ServerName = s.host
		}
		return c
	}
	return &tls.Config{ServerName: s.host, MinVersion: tls.VersionTLS12}
}

// helloName is this machine's name for EHLO (some relays refuse
// "localhost"); a name with characters SMTP does not take falls back.
func helloName() string {
	h, err := os.Hostname()
	if err != nil || h == "" || strings.ContainsAny(h, " \r\n") {
		return "localhost"
	}
	return h
}
