package auditor

import (
	"bytes"
	"encoding/base64"
	"mime/quotedprintable"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// mailOf is an e-mail as Foxmail and Outlook write one: a letter and its
// attachments, each given as [name header, content type, encoding, body].
func mailOf(t testing.TB, letter string, atts ...[4]string) []byte {
	t.Helper()
	var b strings.Builder
	b.WriteString("From: =?GBK?B?yr7A/bXYx/g=?= <office@example.gov.cn>\r\nTo: collect@example.gov.cn\r\nSubject: =?UTF-8?B?5bm05bqm5oql5ZGK?=\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=\"=_outer\"\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n" +
		"--=_outer\r\nContent-Type: multipart/alternative; boundary=\"=_alt\"\r\n\r\n" +
		"--=_alt\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + letter + "\r\n" +
		"--=_alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>" + letter + "</p>\r\n--=_alt--\r\n")
	for _, a := range atts {
		b.WriteString("--=_outer\r\nContent-Type: " + a[1] + "\r\n" + a[0] + "\r\n")
		switch a[2] {
		case "base64":
			b.WriteString("Content-Transfer-Encoding: base64\r\n\r\n")
			enc := base64.StdEncoding.EncodeToString([]byte(a[3]))
			for len(enc) > 76 { // lines of 76, as mail clients wrap them
				b.WriteString(enc[:76] + "\r\n")
				enc = enc[76:]
			}
			b.WriteString(enc + "\r\n")
		case "quoted-printable":
			b.WriteString("Content-Transfer-Encoding: quoted-printable\r\n\r\n")
			var qp bytes.Buffer
			w := quotedprintable.NewWriter(&qp)
			if _, err := w.Write([]byte(a[3])); err != nil {
				t.Fatal(err)
			}
			w.Close()
			b.WriteString(qp.String() + "\r\n")
		}
	}
	b.WriteString("--=_outer--\r\n")
	return []byte(b.String())
}

// A mail saved as a file (.eml) is checked as its attachments: their names
// decoded as clients write them (GBK and UTF-8 encoded words, RFC 2231, an
// old client's Content-Type name), base64 and quoted-printable bodies, a zip
// attached unpacked; the letter's text and a picture are left out. A mail
// without attachments says so. `gongkai audit` unpacks it as it does a zip.
func TestMailAttachments(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/seed/weibin-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	docx, err := os.ReadFile("../../testdata/audit/lo-page-2021.docx")
	if err != nil {
		t.Fatal(err)
	}
	gbkName := "=?GBK?B?" + func() string {
		s, _ := simplifiedchinese.GBK.NewEncoder().String("示例局2024年报.docx")
		return base64.StdEncoding.EncodeToString([]byte(s))
	}() + "?="
	eml := mailOf(t, "请查收本局年度报告。",
		[4]string{"Content-Disposition: attachment; filename=\"" + gbkName + "\"", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "base64", string(docx)},
		[4]string{"Content-Disposition: attachment; filename*=UTF-8''%E5%8D%AB%E6%BB%A8%E5%8C%BA2024.txt", "text/plain; charset=utf-8", "quoted-printable", string(seed)},
		[4]string{"Content-Disposition: attachment", "application/zip; name=\"=?UTF-8?B?5ZCE5Y6/LnppcA==?=\"", "base64", string(zipOf(t, [2]string{"a/2023.txt", string(seed)}))},
		[4]string{"Content-Disposition: inline; filename=\"logo.png\"", "image/png", "base64", "\x89PNG"},
	)
	got, err := Unpack([]Upload{{Name: "来信.eml", Data: eml}})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, u := range got {
		names = append(names, u.Name)
	}
	want := []string{"来信.eml/示例局2024年报.docx", "来信.eml/卫滨区2024.txt", "来信.eml/各县.zip/a/2023.txt"}
	if !slices.Equal(names, want) {
		t.Fatalf("unpacked %q, want %q", names, want)
	}
	// (a text sent quoted-printable comes back with CRLF line ends, as mail
	// carries text)
	if !bytes.Equal(got[0].Data, docx) || !bytes.Equal(bytes.ReplaceAll(got[1].Data, []byte("\r\n"), []byte("\n")), seed) || !bytes.Equal(got[2].Data, seed) {
		t.Errorf("an attachment's bytes changed: %d %d %d", len(got[0].Data), len(got[1].Data), len(got[2].Data))
	}
	none, err := Unpack([]Upload{{Name: "空.eml", Data: mailOf(t, "附件见下。")}})
	if err != nil || len(none) != 1 || none[0].Err == nil || !strings.Contains(none[0].Err.Error(), "没有可以核查的附件") {
		t.Errorf("a mail without attachments: %v %v", none, err)
	}

	dir := t.TempDir()
	file := filepath.Join(dir, "来信.eml")
	if err := os.WriteFile(file, eml, 0o600); err != nil {
		t.Fatal(err)
	}
	if !HasZip([]string{file}) {
		t.Error("a mail is not unpacked by gongkai audit")
	}
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o700); err != nil {
		t.Fatal(err)
	}
	files, shown, err := UnzipAll([]string{file}, out)
	if err != nil {
		t.Fatal(err)
	}
	var shownNames []string
	for _, f := range files {
		shownNames = append(shownNames, strings.TrimPrefix(shown[f], dir+"/"))
	}
	if !slices.Equal(shownNames, want) {
		t.Errorf("gongkai audit unpacked %q, want %q", shownNames, want)
	}
}

// FuzzMail: a mail from anyone never panics the unpacker, and what it
// unpacks keeps to the limits, each attachment named inside its mail.
func FuzzMail(f *testing.F) {
	f.Add(mailOf(f, "x", [4]string{"Content-Disposition: attachment; filename=\"a.txt\"", "text/plain", "base64", "一、总体情况"}))
	f.Add(mailOf(f, "x", [4]string{"Content-Disposition: attachment; filename=\"../../b.zip\"", "application/zip", "base64", string(zipOf(f, [2]string{"c.txt", "x"}))}))
	f.Add([]byte("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b--\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		outs, err := Unpack([]Upload{{Name: "信.eml", Data: data}})
		if err == nil {
			withinLimits(t, outs, "信.eml")
		}
	})
}
