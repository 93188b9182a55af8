package ops_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/importer"
	"gongkai/internal/ops"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// monthly is a register kept a sheet a month, behind a cover page.
func monthly(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "填表说明")
	f.SetSheetRow("填表说明", "A1", &[]any{"每月一个工作表。"})
	head := []any{"收到申请日期", "申请方式", "申请人类型", "申请人", "申请内容", "承办人"}
	for i, month := range []string{"1月", "2月", "3月"} {
		f.NewSheet(month)
		f.SetSheetRow(month, "A1", &head)
		f.SetSheetRow(month, "A2", &[]any{"2026-0" + string(rune('1'+i)) + "-05", "当面", "自然人", month + "甲", "预算", "王五"})
		f.SetSheetRow(month, "A3", &[]any{"2026-0" + string(rune('1'+i)) + "-06", "当面", "自然人", month + "乙", "决算"})
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The sheet a clerk previewed is the sheet the confirmation imports (it
// imported the first sheet whatever was previewed), and a workbook read
// whole is imported whole, in one transaction, its problems and notes
// naming their sheets.
func TestImportTheSheetPreviewed(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-04-10")
		names := func() []string {
			rows, _, err := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{f.a.ID}, Limit: 50})
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, r := range rows {
				out = append(out, r.ApplicantName)
			}
			slices.Sort(out)
			return out
		}
		data := monthly(t)
		token, res, err := o.StageImport(ctx, f.clerk, ops.ImportRequest{Kind: ops.ImportCases, Name: "台账.xlsx", Data: data, Sheet: "2月"})
		if err != nil || res.Ready != 2 {
			t.Fatalf("preview of 2月: %v %+v", err, res)
		}
		if res, err = o.ConfirmImport(ctx, f.clerk, token, false, nil); err != nil || res.Imported != 2 {
			t.Fatalf("confirm: %v %+v", err, res)
		}
		if got := names(); strings.Join(got, " ") != "2月乙 2月甲" {
			t.Fatalf("imported %q, want the sheet previewed", got)
		}

		// the first sheet a cover page: refused, but kept to be read whole
		// without an upload again (the old preview goes)
		cover, res, err := o.StageImport(ctx, f.clerk, ops.ImportRequest{Kind: ops.ImportCases, Name: "台账.xlsx", Data: data})
		if err == nil || cover == "" || strings.Join(res.OtherSheets, " ") != "1月 2月 3月" {
			t.Fatalf("a cover page first: %q %v %+v", cover, err, res)
		}
		token, res, err = o.RestageImport(ctx, f.clerk, cover, importer.AllSheets, nil)
		if err != nil || res.Ready != 6 || len(res.OtherSheets) != 0 {
			t.Fatalf("preview of every sheet: %v %+v", err, res)
		}
		if _, err := o.ConfirmImport(ctx, f.clerk, cover, false, nil); errs.KindOf(err) != errs.NotFound {
			t.Errorf("the cover page's preview still confirms: %v", err)
		}
		if _, _, err := o.RestageImport(ctx, f.bClerk, token, importer.AllSheets, nil); errs.KindOf(err) != errs.NotFound {
			t.Errorf("another agency's clerk restaged a file: %v", err)
		}
		notes := strings.Join(res.Mapping.Notes, "\n")
		if !strings.Contains(notes, "读取了 3 个工作表：1月（2 行）、2月（2 行）、3月（2 行）") || !strings.Contains(notes, "“填表说明”") {
			t.Errorf("notes: %q", res.Mapping.Notes)
		}
		if len(res.Unassigned) != 1 || !strings.Contains(res.Unassigned[0], "承办人“王五”（工作表“1月”第 2 行、工作表“2月”第 2 行、工作表“3月”第 2 行，共 3 行）") {
			t.Errorf("the unknown 承办人: %q", res.Unassigned)
		}
		if res, err = o.ConfirmImport(ctx, f.clerk, token, false, nil); err != nil || res.Imported != 4 || res.Skipped != 2 {
			t.Fatalf("confirm every sheet: %v %+v", err, res)
		}
		if got := names(); strings.Join(got, " ") != "1月乙 1月甲 2月乙 2月甲 3月乙 3月甲" {
			t.Fatalf("imported %q", got)
		}

		// a bad row in one sheet keeps every sheet out, and is named by its sheet
		f2 := excelize.NewFile()
		f2.SetSheetRow("Sheet1", "A1", &[]any{"收到申请日期", "申请方式", "申请人类型", "申请人", "申请内容"})
		f2.SetSheetRow("Sheet1", "A2", &[]any{"2026-04-01", "当面", "自然人", "四月甲", "预算"})
		f2.NewSheet("Sheet2")
		f2.SetSheetRow("Sheet2", "A1", &[]any{"收到申请日期", "申请方式", "申请人类型", "申请人", "申请内容"})
		f2.SetSheetRow("Sheet2", "A2", &[]any{"2026-04-02", "飞鸽", "自然人", "四月乙", "决算"})
		var b bytes.Buffer
		if err := f2.Write(&b); err != nil {
			t.Fatal(err)
		}
		res, err = o.Import(ctx, f.clerk, f.a.ID, ops.ImportRequest{Kind: ops.ImportCases, Name: "四月.xlsx", Data: b.Bytes(), Sheet: importer.AllSheets, Commit: true})
		if err != nil || res.Committed || len(res.Bad) != 1 || !strings.HasPrefix(res.Bad[0].String(), "工作表“Sheet2”第 2 行 B 列（申请方式）：") {
			t.Fatalf("a bad row: %v %+v", err, res)
		}
		if got := names(); len(got) != 6 {
			t.Errorf("a refused import wrote %q", got)
		}
	})
}

// A platform's export writes its times in UTC (ISO 8601 with Z): the import
// reads each as the day it was in the deployment's zone, the day the
// statutory clock counts from (20:00 UTC on 1 April is 2 April in Beijing).
func TestImportReadsInstantsInTheDeploymentsZone(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-04-10")
		csv := "收到申请日期,申请方式,申请人类型,申请人,申请内容\n" +
			"2026-04-01T20:00:00Z,当面,自然人,甲,预算\n" +
			"2026-04-01T15:59:00Z,当面,自然人,乙,决算\n"
		res, err := o.Import(ctx, f.clerk, f.a.ID, ops.ImportRequest{Kind: ops.ImportCases, Name: "导出.csv", Data: []byte(csv), Commit: true})
		if err != nil || !res.Committed || len(res.Bad) != 0 {
			t.Fatalf("import: %v %+v", err, res)
		}
		rows, _, err := s.ListCases(ctx, casework.Filter{AgencyIDs: []int64{f.a.ID}, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, r := range rows {
			got[r.ApplicantName] = r.Received.String()
		}
		if got["甲"] != "2026-04-02" || got["乙"] != "2026-04-01" {
			t.Errorf("received on %v, want 甲 2026-04-02 and 乙 2026-04-01", got)
		}
	})
}
