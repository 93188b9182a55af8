package auditor

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"mime/quotedprintable"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/internal/testdoc"
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
	seed, docx := attachments(t)
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
	got := unpackedAs(t, "来信.eml", eml)
	// (a text sent quoted-printable comes back with CRLF line ends, as mail
	// carries text)
	if !bytes.Equal(got[0].Data, docx) || !bytes.Equal(bytes.ReplaceAll(got[1].Data, []byte("\r\n"), []byte("\n")), seed) || !bytes.Equal(got[2].Data, seed) {
		t.Errorf("an attachment's bytes changed: %d %d %d", len(got[0].Data), len(got[1].Data), len(got[2].Data))
	}
	none, err := Unpack([]Upload{{Name: "空.eml", Data: mailOf(t, "附件见下。")}})
	if err != nil || len(none) != 1 || none[0].Err == nil || !strings.Contains(none[0].Err.Error(), "没有可以核查的附件") {
		t.Errorf("a mail without attachments: %v %v", none, err)
	}

	var want []string
	for _, u := range got {
		want = append(want, u.Name)
	}
	if shownNames := unzippedAs(t, "来信.eml", eml); !slices.Equal(shownNames, want) {
		t.Errorf("gongkai audit unpacked %q, want %q", shownNames, want)
	}
}

// unzippedAs is what gongkai audit unpacks a file named name into (the
// names it shows them by), failing unless HasZip says it unpacks it.
func unzippedAs(t *testing.T, name string, data []byte) []string {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if !HasZip([]string{file}) {
		t.Errorf("%s is not unpacked by gongkai audit", name)
	}
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o700); err != nil {
		t.Fatal(err)
	}
	files, shown, err := UnzipAll([]string{file}, out)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, strings.TrimPrefix(shown[f], dir+"/"))
	}
	return names
}

// FuzzMail: a mail from anyone (.eml or .msg) never panics the unpacker, and what it
// unpacks keeps to the limits, each attachment named inside its mail.
func FuzzMail(f *testing.F) {
	f.Add(mailOf(f, "x", [4]string{"Content-Disposition: attachment; filename=\"a.txt\"", "text/plain", "base64", "一、总体情况"}))
	f.Add(mailOf(f, "x", [4]string{"Content-Disposition: attachment; filename=\"../../b.zip\"", "application/zip", "base64", string(zipOf(f, [2]string{"c.txt", "x"}))}))
	f.Add([]byte("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b--\r\n"))
	f.Add(testdoc.Compound(f, testdoc.Stream{Path: "__attach_version1.0_#00000000/__substg1.0_3707001F", Data: utf16le("a.txt")},
		testdoc.Stream{Path: "__attach_version1.0_#00000000/__substg1.0_37010102", Data: []byte("一、总体情况")}))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"信.eml", "信.msg"} { // (an Outlook message too)
			outs, err := Unpack([]Upload{{Name: name, Data: data}})
			if err == nil {
				withinLimits(t, outs, name)
			}
		}
	})
}

// utf16le is s as an Outlook .msg stores a Unicode string.
func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return append(b, 0, 0)
}

// An Outlook message saved as a file (.msg, what Outlook drags out to the
// desktop) is checked as its attachments too: the long file name, else the
// short one, in Unicode or (an older Outlook) in GBK; a zip attached
// unpacked; a picture and an attached message left out; in the order
// attached. Before, a .msg was read as a Word 97 file: "不是 Word 文档".
func TestOutlookMessageAttachments(t *testing.T) {
	seed, docx := attachments(t)
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("卫滨区2024.txt")
	att := func(i int, stream string) string { return fmt.Sprintf("__attach_version1.0_#%08X/%s", i, stream) }
	msg := testdoc.Compound(t,
		testdoc.Stream{Path: "__substg1.0_0037001F", Data: utf16le("年度报告")},
		testdoc.Stream{Path: "__substg1.0_1000001F", Data: utf16le("请查收。")},
		testdoc.Stream{Path: att(0, "__substg1.0_3707001F"), Data: utf16le("示例局2024年报.docx")},
		testdoc.Stream{Path: att(0, "__substg1.0_3704001F"), Data: utf16le("示例局~1.DOC")},
		testdoc.Stream{Path: att(0, "__substg1.0_37010102"), Data: docx},
		testdoc.Stream{Path: att(1, "__substg1.0_3707001E"), Data: []byte(gbk + "\x00")},
		testdoc.Stream{Path: att(1, "__substg1.0_37010102"), Data: seed},
		testdoc.Stream{Path: att(2, "__substg1.0_3704001F"), Data: utf16le("各县.zip")},
		testdoc.Stream{Path: att(2, "__substg1.0_37010102"), Data: zipOf(t, [2]string{"a/2023.txt", string(seed)})},
		testdoc.Stream{Path: att(3, "__substg1.0_3707001F"), Data: utf16le("image001.png")},
		testdoc.Stream{Path: att(3, "__substg1.0_37010102"), Data: []byte("\x89PNG")},
		testdoc.Stream{Path: att(4, "__substg1.0_3707001F"), Data: utf16le("转发.msg")},
		testdoc.Stream{Path: att(4, "__substg1.0_3701000D/__substg1.0_0037001F"), Data: utf16le("x")},
	)
	got := unpackedAs(t, "来信.msg", msg)
	// (the names, small, are read from the mini stream; the files from
	// sectors of their own)
	if !bytes.Equal(got[0].Data, docx) || !bytes.Equal(got[1].Data, seed) || !bytes.Equal(got[2].Data, seed) {
		t.Error("an attachment's bytes changed")
	}
	outs, err := AuditUploads(context.Background(), got[:1], 1, nil)
	if err != nil || len(outs) != 1 || outs[0].Err != nil || outs[0].Report.Agency != "示例市生态环境局" {
		t.Errorf("the Word attachment, audited: %+v %v", outs, err)
	}
	if _, err := Unpack([]Upload{{Name: "坏.msg", Data: []byte("not a compound file")}}); err == nil || !strings.Contains(err.Error(), "Outlook") {
		t.Errorf("a damaged .msg: %v", err)
	}
}

// An Outlook message whose attachments' chains of sectors loop back on
// themselves is refused as damaged, having read no more than the file
// holds: each attachment was read to the size its entry claims, up to
// 32 MB, and kept until all were read (200 of them: 6.4 GB from a few KB).
func TestOutlookMessageLoopedRefused(t *testing.T) {
	seed, _ := attachments(t)
	att := func(i int, stream string) string { return fmt.Sprintf("__attach_version1.0_#%08X/%s", i, stream) }
	var streams []testdoc.Stream
	for i := range 4 {
		streams = append(streams,
			testdoc.Stream{Path: att(i, "__substg1.0_3707001F"), Data: utf16le(fmt.Sprintf("%d.txt", i))},
			testdoc.Stream{Path: att(i, "__substg1.0_37010102"), Data: seed})
	}
	msg := testdoc.LoopStreams(t, testdoc.Compound(t, streams...), 8<<20, "__substg1.0_37010102")
	var err error
	a := testdoc.Allocated(func() { _, err = Unpack([]Upload{{Name: "来信.msg", Data: msg}}) })
	if err == nil || !strings.Contains(err.Error(), "结构损坏") {
		t.Errorf("err = %v, want the message said damaged", err)
	}
	if a > 8*uint64(len(msg)) {
		t.Errorf("%d KB allocated for a message of %d KB", a>>10, len(msg)>>10)
	}
}

// attachments are the files the test mails carry: the seed report's text
// and a DOCX.
func attachments(t *testing.T) (seed, docx []byte) {
	t.Helper()
	seed, err := os.ReadFile("../../testdata/seed/weibin-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	docx, err = os.ReadFile("../../testdata/audit/lo-page-2021.docx")
	if err != nil {
		t.Fatal(err)
	}
	return seed, docx
}

// unpackedAs unpacks a test mail, named name, and fails unless it gives the
// three attachments both test mails carry, in order.
func unpackedAs(t *testing.T, name string, data []byte) []Upload {
	t.Helper()
	got, err := Unpack([]Upload{{Name: name, Data: data}})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, u := range got {
		names = append(names, u.Name)
	}
	if want := []string{name + "/示例局2024年报.docx", name + "/卫滨区2024.txt", name + "/各县.zip/a/2023.txt"}; !slices.Equal(names, want) {
		t.Fatalf("unpacked %q, want %q", names, want)
	}
	return got
}
