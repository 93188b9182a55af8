package mail

import (
	"context"
	"net"
	"net/url"
	"strings"
	"testing"
	"time"

	"gongkai/internal/errs"
	"gongkai/internal/mail/mailtest"
)

func start(t *testing.T, implicit bool) *mailtest.Server {
	t.Helper()
	srv, err := mailtest.Start(implicit)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	return srv
}

func sender(t *testing.T, raw, from string, srv *mailtest.Server) *Sender {
	t.Helper()
	s, err := Parse("--smtp", raw, from)
	if err != nil {
		t.Fatalf("Parse(%q): %v", raw, err)
	}
	s.TLS, s.Timeout = srv.Roots, 5*time.Second
	return s
}

const msg = "Subject: t\r\n\r\nline one\r\n.leading dot\r\n"

func TestSendStartTLSWithLogin(t *testing.T) {
	srv := start(t, false)
	srv.User, srv.Pass = "gongkai@example.gov.cn", "p@ss:word"
	s := sender(t, "smtp://"+url.UserPassword(srv.User, srv.Pass).String()+"@"+srv.Addr, "", srv)
	if s.From() != srv.User {
		t.Fatalf("From = %q: the account's address is the sender when --mail-from is not given", s.From())
	}
	if strings.Contains(s.String(), "word") {
		t.Fatalf("String() shows the password: %s", s)
	}
	if err := s.Send(context.Background(), "clerk@example.gov.cn", []byte(msg)); err != nil {
		t.Fatal(err)
	}
	got := srv.Messages()
	if len(got) != 1 || !got[0].TLS || got[0].User != srv.User || got[0].From != srv.User || got[0].To[0] != "clerk@example.gov.cn" || got[0].Data != msg {
		t.Fatalf("received %+v", got)
	}
}

func TestSendImplicitTLS(t *testing.T) {
	srv := start(t, true)
	_, port, _ := net.SplitHostPort(srv.Addr)
	s := sender(t, "smtps://127.0.0.1:"+port, "noreply@example.gov.cn", srv)
	if err := s.Send(context.Background(), "head@example.gov.cn", []byte(msg)); err != nil {
		t.Fatal(err)
	}
	if got := srv.Messages(); len(got) != 1 || !got[0].TLS || got[0].From != "noreply@example.gov.cn" {
		t.Fatalf("received %+v", got)
	}
}

func TestSendFailuresSayWhichStep(t *testing.T) {
	srv := start(t, false)
	srv.User, srv.Pass = "u@example.gov.cn", "right"
	srv.Refuse = func(to string) bool { return strings.HasPrefix(to, "nobody@") }
	good := sender(t, "smtp://"+url.UserPassword(srv.User, srv.Pass).String()+"@"+srv.Addr, "", srv)
	wrong := sender(t, "smtp://"+url.UserPassword(srv.User, "wrong").String()+"@"+srv.Addr, "", srv)
	closed, _ := net.Listen("tcp", "127.0.0.1:0")
	gone := closed.Addr().String()
	closed.Close()
	silent, _ := net.Listen("tcp", "127.0.0.1:0") // accepts, never greets
	defer silent.Close()
	mute := sender(t, "smtp://"+silent.Addr().String(), "a@example.gov.cn", srv)
	mute.Timeout = 300 * time.Millisecond
	for _, c := range []struct {
		s    *Sender
		to   string
		want string
	}{
		{good, "nobody@example.gov.cn", "不接受收件人 nobody@example.gov.cn"},
		{wrong, "clerk@example.gov.cn", "没有接受用户 u@example.gov.cn 的登录"},
		{sender(t, "smtp://"+gone, "a@example.gov.cn", srv), "clerk@example.gov.cn", "无法连接邮件服务器"},
		{mute, "clerk@example.gov.cn", "没有正常应答"},
	} {
		err := c.s.Send(context.Background(), c.to, []byte(msg))
		if err == nil || !strings.Contains(errs.Message(err), c.want) {
			t.Errorf("Send to %s via %s: %v, want %q", c.to, c.s, err, c.want)
		}
	}
	if n := len(srv.Messages()); n != 0 {
		t.Fatalf("%d messages accepted by failures", n)
	}
}

func TestParse(t *testing.T) {
	for _, c := range []struct{ raw, from, want, wantFrom string }{
		{"smtp://mail.example.gov.cn", "a@example.gov.cn", "smtp://mail.example.gov.cn:25", "a@example.gov.cn"},
		{"smtps://u%40x.cn:pw@mail.example.gov.cn", "", "smtps://u%40x.cn@mail.example.gov.cn:465", "u@x.cn"},
		{" smtp://mail.example.gov.cn:587/ ", "张三 <a＠example.gov.cn>", "smtp://mail.example.gov.cn:587", "a@example.gov.cn"},
	} {
		s, err := Parse("--smtp", c.raw, c.from)
		if err != nil || s.String() != c.want || s.From() != c.wantFrom {
			t.Errorf("Parse(%q, %q) = %v, %v; want %s from %s", c.raw, c.from, s, err, c.want, c.wantFrom)
		}
	}
	for _, c := range []struct{ raw, from, where string }{
		{"mail.example.gov.cn:25", "a@example.gov.cn", "--smtp"},
		{"http://mail.example.gov.cn", "a@example.gov.cn", "--smtp"},
		{"smtp://mail.example.gov.cn/inbox", "a@example.gov.cn", "--smtp"},
		{"smtp://mail.example.gov.cn", "", "--mail-from"},
		{"smtp://mail.example.gov.cn", "not an address", "--mail-from"},
	} {
		_, err := Parse("--smtp", c.raw, c.from)
		var e *errs.Error
		if err == nil || !asErr(err, &e) || e.Where != c.where {
			t.Errorf("Parse(%q, %q) = %v; want an error at %s", c.raw, c.from, err, c.where)
		}
	}
}

func asErr(err error, e **errs.Error) bool {
	x, ok := err.(*errs.Error)
	*e = x
	return ok
}
