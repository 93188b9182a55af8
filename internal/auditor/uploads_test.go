package auditor

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/internal/errs"
	"gongkai/internal/report"
)

// TestUploadsAuditAsTheDirectory: files checked from memory (a web upload)
// come out as `gongkai audit --json DIR` gives them: the same order (by
// agency, years in turn), the same findings, the cross-year ones included,
// the same counts.
func TestUploadsAuditAsTheDirectory(t *testing.T) {
	dir := writeDir(t)
	files, err := Expand([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	want, err := Run(context.Background(), files, Options{JSON: true}, &out)
	if err != nil {
		t.Fatal(err)
	}
	type line struct {
		File     string
		Error    string
		Findings []struct{ Rule, Message string }
	}
	var lines []line
	for l := range strings.Lines(out.String()) {
		var x line
		if err := json.Unmarshal([]byte(l), &x); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, x)
	}
	var ups []Upload
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ups = append(ups, Upload{Name: f, Data: data})
	}
	outs, err := AuditUploads(context.Background(), ups, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := Summarize(outs)
	if got != want || len(outs) != len(lines) {
		t.Fatalf("summary %+v, %d outcomes; the directory run: %+v, %d", got, len(outs), want, len(lines))
	}
	prevs := 0
	for i, o := range outs {
		l := lines[i]
		if o.Name != l.File {
			t.Fatalf("outcome %d is %s, the directory run's %s", i, o.Name, l.File)
		}
		if (o.Err != nil) != (l.Error != "") {
			t.Fatalf("%s: error %v, the directory run's %q", o.Name, o.Err, l.Error)
		}
		if o.Err != nil {
			continue
		}
		var a, b []string
		for _, f := range o.Report.Findings {
			a = append(a, f.Rule+" "+f.Message)
		}
		for _, f := range l.Findings {
			b = append(b, f.Rule+" "+f.Message)
		}
		if !slices.Equal(a, b) {
			t.Errorf("%s: findings\n%s\nthe directory run's\n%s", o.Name, strings.Join(a, "\n"), strings.Join(b, "\n"))
		}
		if o.Prev != "" {
			prevs++
			if o.Prev == o.Name || !strings.HasSuffix(o.Prev, filepath.Ext(o.Prev)) {
				t.Errorf("%s checked against %s", o.Name, o.Prev)
			}
		}
	}
	if prevs == 0 {
		t.Error("no file was checked against the year before it")
	}
}

// zipOf makes a zip archive; a name given as GBK bytes is written without
// the UTF-8 flag, as Windows' own zip tool writes it.
func zipOf(t testing.TB, entries ...[2]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e[0], Method: zip.Deflate, NonUTF8: true}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(e[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestUnpack(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/seed/weibin-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("2024年度报告.txt")
	z := zipOf(t,
		[2]string{"报告/2023.html", "<p>x</p>"},
		[2]string{gbk, string(seed)},
		[2]string{"报告/", ""},
		[2]string{"__MACOSX/报告/._2023.html", "x"},
		[2]string{"报告/.DS_Store", "x"},
		[2]string{"报告/2023_files/style.css", "x"},
		[2]string{"报告/2023.files/a.htm", "x"},
		[2]string{"报告/图.png", "x"},
	)
	got, err := Unpack([]Upload{{Name: "a.pdf", Data: []byte("%PDF")}, {Name: "各县.ZIP", Data: z}})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, u := range got {
		names = append(names, u.Name)
	}
	if want := []string{"a.pdf", "各县.ZIP/2024年度报告.txt", "各县.ZIP/报告/2023.html"}; !slices.Equal(names, want) {
		t.Fatalf("unpacked %q, want %q", names, want)
	}
	if !bytes.Equal(got[1].Data, seed) {
		t.Error("the entry's bytes changed")
	}
	outs, err := AuditUploads(context.Background(), got, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	sum := Summarize(outs)
	if sum.Files != 3 {
		t.Errorf("%+v", sum)
	}
	for _, o := range outs {
		if o.Name == "各县.ZIP/2024年度报告.txt" && (o.Err != nil || o.Report.Agency != "卫滨区教育体育和文化旅游局" || o.Report.Year != 2024) {
			t.Errorf("the seed inside the zip: %+v", o)
		}
	}

	for _, c := range []struct {
		name  string
		ups   []Upload
		where string
		msg   string
	}{
		{"not a zip", []Upload{{Name: "x.zip", Data: []byte("not a zip")}}, "x.zip", "压缩包已损坏"},
		{"too many", func() []Upload {
			var es [][2]string
			for i := range UploadLimits.Files + 1 {
				es = append(es, [2]string{strings.Repeat("a", i%7+1) + string(rune('A'+i%26)) + ".txt", "x"})
			}
			return []Upload{{Name: "many.zip", Data: zipOf(t, es...)}}
		}(), "many.zip/", "一次最多核查 200 个文件"},
		{"bomb", []Upload{{Name: "bomb.zip", Data: zipOf(t, [2]string{"big.txt", strings.Repeat("0", report.MaxInput+1)})}}, "bomb.zip/big.txt", "超过 32 MB"},
		{"total", func() []Upload {
			big := strings.Repeat("0", report.MaxInput-1)
			return []Upload{{Name: "t.zip", Data: zipOf(t, [2]string{"1.txt", big}, [2]string{"2.txt", big}, [2]string{"3.txt", big}, [2]string{"4.txt", big}, [2]string{"5.txt", big})}}
		}(), "t.zip/5.txt", "合计不超过 128 MB"},
	} {
		_, err := Unpack(c.ups)
		var e *errs.Error
		if !errors.As(err, &e) || !strings.HasPrefix(e.Where, c.where) || !strings.Contains(e.Msg, c.msg) {
			t.Errorf("%s: %v (%#v)", c.name, err, e)
		}
	}
}

// FuzzUnpack: a zip from anyone never panics the unpacker, and what it
// unpacks keeps to the limits, each entry named inside its archive.
func FuzzUnpack(f *testing.F) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("年报.txt")
	f.Add(zipOf(f, [2]string{"a/2024.txt", "一、总体情况"}, [2]string{gbk, "x"}, [2]string{"__MACOSX/._a", "x"}))
	f.Add(zipOf(f, [2]string{"../x.txt", "x"}, [2]string{"a_files/b.htm", "x"}, [2]string{"c.html", strings.Repeat("<p>", 100)}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		outs, err := Unpack([]Upload{{Name: "包.zip", Data: data}})
		if err == nil {
			withinLimits(t, outs, "包.zip/")
		}
	})
}

// withinLimits fails unless what was unpacked keeps to the limits, each
// file named inside its archive or mail (prefix), no name leaving it.
func withinLimits(t *testing.T, outs []Upload, prefix string) {
	t.Helper()
	var total int
	for _, u := range outs {
		if u.Err != nil && len(u.Data) == 0 && u.Name == strings.TrimSuffix(prefix, "/") {
			continue // an archive that held no report, said so (RAR: 没有可以核查的文件)
		}
		total += len(u.Data)
		if !strings.HasPrefix(u.Name, prefix) || !utf8.ValidString(u.Name) || len(u.Data) > report.MaxInput || strings.Contains(u.Name, "/../") {
			t.Fatalf("unpacked %q (%d bytes)", u.Name, len(u.Data))
		}
	}
	if len(outs) > UploadLimits.Files || int64(total) > UploadLimits.Bytes {
		t.Fatalf("%d files, %d bytes: over the limits", len(outs), total)
	}
}
