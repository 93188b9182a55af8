//go:build unix

package auditor

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"gongkai/internal/errs"
	"gongkai/internal/report"
)

// A regular file is read by its size; a pipe (<(curl …)) to its end.
func TestReadLimited(t *testing.T) {
	dir := t.TempDir()
	want := bytes.Repeat([]byte("一、总体情况\n"), 1000)
	file := filepath.Join(dir, "r.txt")
	if err := os.WriteFile(file, want, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := readLimited(file, file); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("file: %d bytes, %v", len(got), err)
	}
	fifo := filepath.Join(dir, "p")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.Write(want)
		f.Close()
	}()
	if got, err := readLimited(fifo, fifo); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("pipe: %d bytes, %v", len(got), err)
	}
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := readLimited(empty, empty); err != nil || len(got) != 0 {
		t.Errorf("empty file: %d bytes, %v", len(got), err)
	}
	// larger than the auditor reads: refused by its size, before any read
	// (a sparse file: no disk is spent)
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(report.MaxInput + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := readLimited(big, "big.txt"); errs.KindOf(err) != errs.TooLarge || !strings.Contains(err.Error(), "big.txt") {
		t.Errorf("too large: %v (%v)", err, errs.KindOf(err))
	}
	for _, bad := range []string{filepath.Join(dir, "missing.txt"), dir} {
		if _, err := readLimited(bad, "名"); err == nil || errs.KindOf(err) != errs.NotFound || !strings.Contains(err.Error(), "无法读取文件") {
			t.Errorf("%s: %v", bad, err)
		}
	}
}
