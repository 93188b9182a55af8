package main

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// `gongkai catalog read-files` reads the files kept before files were read
// on upload (the demo's, made to look so), once: a second run says there
// is nothing to do.
func TestCatalogReadFiles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	if _, stderr, code := gk(t, "demo", "init", "--db", db); code != 0 {
		t.Fatal(stderr)
	}
	if out, _, code := gk(t, "catalog", "read-files", "--db", db); code != 0 || !strings.Contains(out, "没有需要读取的附件") {
		t.Errorf("a new database: %d %s", code, out)
	}
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	res, err := raw.ExecContext(context.Background(), `UPDATE catalog_files SET text = NULL, text_state = ''`)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := res.RowsAffected()
	raw.Close()
	if n == 0 {
		t.Fatal("the demo has no catalog files")
	}
	out, stderr, code := gk(t, "catalog", "read-files", "--db", db)
	if code != 0 || !strings.Contains(out, "已读取") || !strings.Contains(out, "检索索引已更新") {
		t.Errorf("read-files: %d %s %s", code, out, stderr)
	}
	if out, _, _ := gk(t, "catalog", "read-files", "--db", db); !strings.Contains(out, "没有需要读取的附件") {
		t.Errorf("second run: %s", out)
	}
	if _, stderr, code := gk(t, "catalog", "reread"); code != 2 || !strings.Contains(stderr, "用法") {
		t.Errorf("an unknown subcommand: %d %s", code, stderr)
	}
}

// `gongkai redact` writes the covered copy beside the file, says what it
// covered, and refuses to write over the original or to read a PDF.
func TestRedactCommand(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "来信.txt")
	if err := os.WriteFile(in, []byte("王某，电话13912345678，住幸福路8号。"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := gk(t, "redact", "--terms", "王某，幸福路8号", in)
	if code != 0 || !strings.Contains(out, "区分处理：已遮盖手机号码 1 处、指定文字 2 处") {
		t.Fatalf("redact: %d %s %s", code, out, stderr)
	}
	got, err := os.ReadFile(filepath.Join(dir, "来信（区分处理）.txt"))
	if err != nil || string(got) != "■■■，电话■■■，住■■■。" {
		t.Errorf("the covered copy: %q %v", got, err)
	}
	if _, stderr, code := gk(t, "redact", "-o", in, in); code == 0 || !strings.Contains(stderr, "不能是原文件") {
		t.Errorf("over the original: %d %s", code, stderr)
	}
	pdf := filepath.Join(dir, "扫描.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.7"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := gk(t, "redact", pdf); code == 0 || !strings.Contains(stderr, "PDF") {
		t.Errorf("a PDF: %d %s", code, stderr)
	}
}

// serve reads, in the background, the files kept before files were read on
// upload: an upgrade needs no step of its own.
func TestServeReadsFilesOfBefore(t *testing.T) {
	db := demoCopy(t)
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`UPDATE catalog_files SET text = NULL, text_state = ''`); err != nil {
		t.Fatal(err)
	}
	unread := func() int {
		var n int
		if err := raw.QueryRow(`SELECT count(*) FROM catalog_files WHERE text_state = ''`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if unread() == 0 {
		t.Fatal("the demo has no catalog files")
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuf
	done := make(chan int)
	go func() {
		done <- runAt(ctx, testClock, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, strings.NewReader(""), &out, &errb)
	}()
	for i := 0; i < 1200 && unread() > 0; i++ {
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	if code := <-done; code != 0 || unread() != 0 {
		t.Errorf("exit %d, %d files still unread:\n%s", code, unread(), errb.String())
	}
}
