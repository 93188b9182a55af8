// Package mailtest is a small SMTP server on the loopback interface for
// tests: it speaks the protocol for real (EHLO, STARTTLS, AUTH PLAIN, MAIL,
// RCPT, DATA), keeps what it received and can refuse a recipient.
package mailtest

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"math/big"
	"net"
	"net/textproto"
	"strings"
	"sync"
	"time"
)

// Message is one message the server accepted.
type Message struct {
	From string
	To   []string
	User string // who logged in ("": nobody)
	TLS  bool   // received over TLS
	Data string // as sent, dot-unstuffed, CRLF line ends
}

// Server is a running test server.
type Server struct {
	Addr string
	// Roots trusts the server's certificate (for the client's tls.Config).
	Roots *tls.Config
	// Implicit: TLS from the first byte (smtps); otherwise STARTTLS is
	// offered, unless Plain (a relay on the office's network that has none).
	Implicit, Plain bool
	// User and Pass, when set, are required (AUTH PLAIN).
	User, Pass string
	// Refuse, when set, refuses a recipient with 550.
	Refuse func(to string) bool

	ln    net.Listener
	cert  tls.Certificate
	mu    sync.Mutex
	msgs  []Message
	conns []net.Conn
	wg    sync.WaitGroup
}

// Start listens on 127.0.0.1; Close stops it.
func Start(implicit bool) (*Server, error) {
	cert, pool, err := selfSigned()
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &Server{Addr: ln.Addr().String(), Implicit: implicit, ln: ln, cert: cert,
		Roots: &tls.Config{RootCAs: pool, ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12}}
	s.wg.Add(1)
	go s.accept()
	return s, nil
}

// Close stops the server, ends its connections and waits for them.
func (s *Server) Close() {
	_ = s.ln.Close() // a test's server: closing twice or late changes nothing
	s.mu.Lock()
	for _, c := range s.conns {
		_ = c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
}

// Messages are the messages received so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

func (s *Server) accept() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		s.conns = append(s.conns, c)
		s.mu.Unlock()
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer func() { _ = c.Close() }()
			s.serve(c)
		}()
	}
}

func (s *Server) tlsConfig() *tls.Config {
	return &tls.Config{Certificates: []tls.Certificate{s.cert}, MinVersion: tls.VersionTLS12}
}

// serve runs one session.
func (s *Server) serve(c net.Conn) {
	secure := false
	if s.Implicit {
		c, secure = tls.Server(c, s.tlsConfig()), true
	}
	tp := textproto.NewConn(c)
	_ = tp.PrintfLine("220 mailtest ESMTP")
	var m Message
	var user string
	for {
		line, err := tp.ReadLine()
		if err != nil {
			return
		}
		verb, arg, _ := strings.Cut(line, " ")
		switch strings.ToUpper(verb) {
		case "EHLO", "HELO":
			exts := []string{"250-mailtest"}
			if !secure && !s.Plain {
				exts = append(exts, "250-STARTTLS")
			}
			_ = tp.PrintfLine("%s\r\n250 AUTH PLAIN", strings.Join(exts, "\r\n"))
		case "STARTTLS":
			_ = tp.PrintfLine("220 go ahead")
			c = tls.Server(c, s.tlsConfig())
			tp, secure = textproto.NewConn(c), true
		case "AUTH":
			mech, resp, _ := strings.Cut(arg, " ")
			b, _ := base64.StdEncoding.DecodeString(resp)
			parts := strings.Split(string(b), "\x00")
			if strings.ToUpper(mech) != "PLAIN" || len(parts) != 3 || parts[1] != s.User || parts[2] != s.Pass {
				_ = tp.PrintfLine("535 authentication failed")
				continue
			}
			user = parts[1]
			_ = tp.PrintfLine("235 ok")
		case "MAIL":
			if s.User != "" && user == "" {
				_ = tp.PrintfLine("530 authentication required")
				continue
			}
			m = Message{From: addrOf(arg), User: user, TLS: secure}
			_ = tp.PrintfLine("250 ok")
		case "RCPT":
			to := addrOf(arg)
			if s.Refuse != nil && s.Refuse(to) {
				_ = tp.PrintfLine("550 no such user")
				continue
			}
			m.To = append(m.To, to)
			_ = tp.PrintfLine("250 ok")
		case "DATA":
			_ = tp.PrintfLine("354 go ahead")
			b, err := readData(tp.R)
			if err != nil {
				return
			}
			m.Data = b
			s.mu.Lock()
			s.msgs = append(s.msgs, m)
			s.mu.Unlock()
			_ = tp.PrintfLine("250 queued")
		case "RSET", "NOOP":
			_ = tp.PrintfLine("250 ok")
		case "QUIT":
			_ = tp.PrintfLine("221 bye")
			return
		default:
			_ = tp.PrintfLine("502 not implemented")
		}
	}
}

// readData reads a DATA section to its lone dot, undoing dot-stuffing.
func readData(r *bufio.Reader) (string, error) {
	var b strings.Builder
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return "", err
		}
		if line == ".\r\n" {
			return b.String(), nil
		}
		b.WriteString(strings.TrimPrefix(line, "."))
	}
}

// addrOf is the address of "FROM:<a@b>" or "TO:<a@b>".
func addrOf(arg string) string {
	i, j := strings.IndexByte(arg, '<'), strings.IndexByte(arg, '>')
	if i < 0 || j < i {
		return ""
	}
	return arg[i+1 : j]
}

// selfSigned makes a certificate for 127.0.0.1 and a pool trusting it.
func selfSigned() (tls.Certificate, *x509.CertPool, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "mailtest"},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, NotBefore: time.Unix(0, 0), NotAfter: time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), // valid whatever the day
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: cert}, pool, nil
}
