package xls_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/xls"
)

// BenchmarkRead reads LibreOffice's XLS of a report (one sheet of 66 rows on
// a grid of 291 merges); BenchmarkExcelizeBaseline reads the same sheet
// from its XLSX with excelize, rows and merges, as the auditor does: the
// ratio is the figure docs/PERFORMANCE.md records.
func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "audit", "lo-calc-2021.xls"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := xls.Read(data, xls.DefaultLimits); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExcelizeBaseline(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "audit", "lo-calc-2021.xlsx"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range f.GetSheetList() {
			if _, err := f.GetRows(s); err != nil {
				b.Fatal(err)
			}
			if _, err := f.GetMergeCells(s); err != nil {
				b.Fatal(err)
			}
		}
		f.Close()
	}
}
