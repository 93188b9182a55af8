package main

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

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
