package report_test

import (
	"bytes"
	"encoding/json"
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
	f.Add([]byte("<table><tr><td>行政复议<td>0<table><tr><td>1</table></table>"))
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
	})
}
