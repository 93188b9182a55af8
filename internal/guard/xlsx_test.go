package guard

import (
	"archive/zip"
	"bytes"
	"os"
	"testing"

	"github.com/xuri/excelize/v2"
)

// brokenWorkbook is a ZIP whose shared strings claim 20 MB and hold a few
// bytes: excelize starts unpacking it to a temporary file, then fails.
func brokenWorkbook(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	w, err := z.CreateRaw(&zip.FileHeader{Name: "xl/sharedStrings.xml", Method: zip.Store,
		CompressedSize64: 5, UncompressedSize64: 20 << 20, CRC32: 1})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("<sst>"))
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestOpenXLSXLeavesNoTemporaryFiles(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	opts := excelize.Options{UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 16 << 20}

	// Without the guard excelize leaves its file behind: the test's premise.
	if _, err := excelize.OpenReader(bytes.NewReader(brokenWorkbook(t)), opts); err == nil {
		t.Fatal("a broken workbook opened")
	}
	if left, _ := os.ReadDir(tmp); len(left) == 0 {
		t.Fatal("excelize no longer leaves a file on a broken workbook: this guard may go")
	}
	if err := os.RemoveAll(tmp); err != nil || os.Mkdir(tmp, 0o700) != nil {
		t.Fatal(err)
	}

	if _, done, err := OpenXLSX(brokenWorkbook(t), opts); err == nil {
		done()
		t.Fatal("a broken workbook opened")
	}
	good := excelize.NewFile()
	good.SetCellStr("Sheet1", "A1", "本年新收政府信息公开申请数量")
	var g bytes.Buffer
	if err := good.Write(&g); err != nil {
		t.Fatal(err)
	}
	f, done, err := OpenXLSX(g.Bytes(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue("Sheet1", "A1"); v != "本年新收政府信息公开申请数量" {
		t.Errorf("A1 = %q", v)
	}
	done()
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left in the temporary directory: %v", left)
	}
}
