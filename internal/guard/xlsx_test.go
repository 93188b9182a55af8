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

// XLSXSharedText counts each cell that refers to a shared string, by the
// string's bytes, whatever prefix the parts' elements carry; inline strings
// and numbers count nothing, and what is not a workbook passes.
func TestXLSXSharedText(t *testing.T) {
	book := func(sheet string) []byte {
		var b bytes.Buffer
		z := zip.NewWriter(&b)
		for name, body := range map[string]string{
			"xl/sharedStrings.xml":     `<x:sst xmlns:x="s"><x:si><x:t>abcdefghij</x:t></x:si><x:si><x:r><x:t>12</x:t></x:r><x:r><x:t>345</x:t></x:r></x:si></x:sst>`,
			"xl/worksheets/sheet1.xml": sheet,
		} {
			w, err := z.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.Write([]byte(body)); err != nil {
				t.Fatal(err)
			}
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	// 10 + 10 + 5 bytes of shared text; an inline string and a number
	data := book(`<x:worksheet xmlns:x="s"><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v> 0 </x:v></x:c><x:c t="s"><x:v>1</x:v></x:c>` +
		`<x:c t="inlineStr"><x:is><x:t>` + string(bytes.Repeat([]byte("a"), 100)) + `</x:t></x:is></x:c><x:c><x:v>1</x:v></x:c><x:c t="s"><x:v>9</x:v></x:c></x:row></x:sheetData></x:worksheet>`)
	for limit, want := range map[int64]bool{25: true, 24: false, 1000: true, 0: false} {
		if got := XLSXSharedText(data, limit, 1<<20); got != want {
			t.Errorf("limit %d: %v, want %v", limit, got, want)
		}
	}
	if !XLSXSharedText([]byte("not a zip"), 0, 1<<20) {
		t.Error("not a workbook: refused")
	}
}
