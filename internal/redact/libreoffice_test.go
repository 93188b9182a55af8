package redact

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A document as a word processor writes it (LibreOffice's .docx of a page
// with a name split by bold, a table, a header), covered, opens again in
// LibreOffice with the covered words gone and the rest of the text there.
func TestLibreOfficeDocx(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice is missing: make test installs Debian's libreoffice-writer-nogui (scripts/ensure-tools.sh)")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command(soffice, append([]string{"--headless", "--norestore"}, args...)...)
		cmd.Env = append(os.Environ(), "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice %v: %v\n%s", args, err, out)
		}
	}
	page := `<html><head><meta charset="utf-8"><title>关于张三来信的答复</title></head><body>
<p>申请人张<b>三</b>，身份证号11010519491231002X，手机139-1234-5678，邮箱 zhangsan@example.cn。</p>
<table border="1"><tr><td>联系人</td><td>李四 13812345678</td></tr></table>
<p>经审查，上述信息依法予以部分公开。</p></body></html>`
	in := filepath.Join(dir, "答复.html")
	if err := os.WriteFile(in, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	run("--convert-to", `docx:MS Word 2007 XML`, "--outdir", dir, in)
	data, err := os.ReadFile(filepath.Join(dir, "答复.docx"))
	if err != nil {
		t.Fatalf("LibreOffice wrote no .docx: %v", err)
	}
	r, err := File("答复.docx", data, Options{IDNumbers: true, Mobiles: true, Emails: true, Terms: []string{"张三", "李四"}})
	if err != nil {
		t.Fatal(err)
	}
	if r.IDNumbers != 1 || r.Mobiles != 2 || r.Emails != 1 || r.Terms[0] == 0 || r.Terms[1] == 0 {
		t.Errorf("counts %+v", r)
	}
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	covered := filepath.Join(out, "covered.docx")
	if err := os.WriteFile(covered, r.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	run("--convert-to", "txt:Text (encoded):UTF8", "--outdir", out, covered)
	text, err := os.ReadFile(filepath.Join(out, "covered.txt"))
	if err != nil {
		t.Fatalf("LibreOffice could not open the covered copy: %v", err)
	}
	s := string(text)
	for _, gone := range []string{"张三", "李四", "11010519491231002X", "1234-5678", "13812345678", "zhangsan"} {
		if strings.Contains(s, gone) {
			t.Errorf("%q is still in the covered copy:\n%s", gone, s)
		}
	}
	for _, kept := range []string{"申请人" + Mark, "身份证号" + Mark, "联系人", "经审查，上述信息依法予以部分公开。"} {
		if !strings.Contains(s, kept) {
			t.Errorf("the covered copy lacks %q:\n%s", kept, s)
		}
	}
}
