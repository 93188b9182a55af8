package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"gongkai/internal/report"
)

// FuzzAudit feeds arbitrary bytes to the reader and the checks. Properties:
// nothing panics, and whatever the auditor prints as JSON loads back (so that
// `gongkai report render out.json` always works) and prints the same again.
// `make test` runs it briefly; `make fuzz` runs it longer.
func FuzzAudit(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(auditDir, "*"))
	files = append(files, seedPath)
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		// a few damaged versions of each
		f.Add(b[:len(b)/2])
		f.Add(bytes.ReplaceAll(b, []byte("\t"), nil))
	}
	f.Add(docx(f, truth()))
	f.Add([]byte("一、本年新收政府信息公开申请数量640020470\n"))
	f.Add([]byte("三、收到和处理政府信息公开申请情况\n（七）总计99999999999999999999999999999\n"))
	f.Add([]byte("%PDF-1.7\n"))
	f.Add([]byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>=E4=B8=80=E3=80=81</p>\r\n--b--\r\n"))
	f.Add([]byte("<table><tr><td>行政复议<td>0<table><tr><td>1</table></table>"))
	one := []byte(textOf(f, truth()))
	f.Add(bytes.Repeat(one, 3)) // a compilation
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := report.Read("fuzz", data)
		if err != nil {
			if r != nil {
				t.Fatal("report and error")
			}
			return
		}
		report.Check(r, r)
		j1, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		back, err := report.Load("fuzz.json", j1)
		if err != nil {
			t.Fatalf("auditor output does not load back: %v\n%s", err, j1)
		}
		back.Findings = r.Findings
		j2, _ := json.Marshal(back)
		if !bytes.Equal(j1, j2) {
			t.Fatalf("reload changed the model:\n%s\n%s", j1, j2)
		}
		// every report of it, the first as Read reads it
		all, err := report.ReadAll("fuzz", data)
		if err != nil || len(all) == 0 || len(all) > report.MaxParts {
			t.Fatalf("ReadAll: %d reports, %v", len(all), err)
		}
		if fmt.Sprint(tables(all[0])) != fmt.Sprint(tables(r)) {
			t.Fatalf("ReadAll's first report differs from Read's")
		}
		for _, p := range all {
			report.Check(p, nil)
		}
	})
}

// FuzzLoad feeds arbitrary bytes to the YAML/JSON report loader (`report
// check`, `report render`): nothing panics, a file that loads can be
// checked, and what it writes back loads again to the same cells.
func FuzzLoad(f *testing.F) {
	for _, p := range []string{"../../examples/weibin-2024.yaml"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(b[:len(b)/3])
	}
	f.Add([]byte("agency: 局\nyear: 2024\napplications:\n  new: [1, 2, 3, 4, 5, 6]\n"))
	f.Add([]byte("agency: 局\nyear: [[[[[[[[]]]]]]]]\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte(`{"agency":"局","year":2024,"applications":{"new":[1,null,"无",-1,2.5,0,0]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := report.Load("fuzz.yaml", data)
		if err != nil {
			return
		}
		report.Check(r, nil)
		var b bytes.Buffer
		if err := report.WriteYAML(&b, r); err != nil {
			return
		}
		back, err := report.Load("back.yaml", b.Bytes())
		if err != nil {
			t.Fatalf("written YAML does not load back: %v\n%s", err, b.Bytes())
		}
		j1, _ := json.Marshal(r.Applications)
		j2, _ := json.Marshal(back.Applications)
		if !bytes.Equal(j1, j2) {
			t.Fatalf("表三 changed on the way back:\n%s\n%s", j1, j2)
		}
	})
}

// FuzzHTML feeds arbitrary markup to the HTML reader (portal pages with
// nested layout tables): nothing panics and the checks run.
func FuzzHTML(f *testing.F) {
	b, err := os.ReadFile(filepath.Join(auditDir, "page-2021.html"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("<table><tr><td rowspan=99999 colspan=99999>1</td></tr></table>"))
	f.Add([]byte("<table><tr><td>行政复议<td>0<table><tr><td>1</table></table>"))
	f.Add([]byte("<div><div><div><p>三、收到和处理政府信息公开申请情况</p></div></div></div><table>" + "<tr><td>x</td></tr>"))
	f.Add([]byte(`<div class="t">规章<span class="_ _3"></span>1<span class='_'> </span>2<SPAN CLASS=_ >15</div>`))
	f.Add([]byte("<pre>\n表三\n一、本年新收政府信息公开申请数量  1 0 0 0 0 0 1\n\f— 2 —\n</pre><pre>x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		page := append([]byte("<!DOCTYPE html><html><body>"), data...)
		r, err := report.Read("fuzz.html", page)
		if err != nil {
			return
		}
		report.Check(r, nil)
	})
}

// FuzzContainers feeds damaged DOC, PDF, DOCX, ODT, RTF and MHTML files to the reader:
// each is read or refused with an error, never a panic or a hang. Seeded with
// the fixtures LibreOffice made, which FuzzAudit reaches only slowly among its
// many text seeds.
func FuzzContainers(f *testing.F) {
	for _, name := range []string{"word97-pictures-2021.doc", "word97-2021.doc", "lo-2021.pdf", "lo-narrow-aes256-2021.pdf", "lo-narrow-rc4-40-2021.pdf", "chrome-blanks-2021.pdf", "stsong-ucs2-2021.pdf", "gbk-euc-2021.pdf", "turned-2021.pdf", "form-xobject-2021.pdf", "html-docx-js-2021.docx", "ocr-layer-2021.pdf", "simple-subsets-2021.pdf", "ofd-2021.ofd", "lo-calc-2021.xls", "lo-object-2021.doc", "lo-object-2021.docx", "lo-object-2021.odt", "lo-calc-blanks-2021.ods", "lo-calc-2021.xlsx", "program-formulas-2021.xlsx", "lo-pictures-2021.docx", "lo-page-2021.odt", "wps-2021.rtf", "tracked-2021.doc", "tracked-2021.docx", "tracked-2021.odt", "tracked-2021.rtf", "commented-2021.odt", "commented-2021.docx", "commented-2021.doc", "commented-2021.rtf", "commented-2021.pdf", "hidden-2021.xlsx", "hidden-2021.xls", "hidden-2021.ods", "noted-2021.xlsx", "noted-2021.ods", "noted-2021.xls", "hidden-cols-2021.xlsx", "hidden-cols-2021.xls", "hidden-cols-2021.ods", "styled-hidden-2021.docx", "styled-hidden-2021.odt", "styled-hidden-2021.doc", "lo-frames-chrome-blanks-2022.docx", "lo-frames-chrome-blanks-2022.odt", "lo-frames-page3-2021.rtf", "lo-frames-page3-2021.doc"} {
		b, err := os.ReadFile(filepath.Join(auditDir, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\nPHA+5LiA44CBPC9wPg==\r\n--b--\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := report.Read("fuzz", data)
		if err != nil {
			return
		}
		report.Check(r, nil)
	})
}
