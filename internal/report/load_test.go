package report_test

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"gongkai/internal/errs"
	"gongkai/internal/report"
)

// Bad authoring files are refused with the place and what to do, in Chinese.
func TestLoadErrors(t *testing.T) {
	cases := []struct {
		name, src string
		where     string // file:line[:col] prefix expected
		says      string
	}{
		{"syntax", "agency: 局\nyear: [2024\n", "r.yaml:", "YAML 格式错误"},
		{"unknown key", "agency: 局\nyaer: 2024\n", "r.yaml:2:1", "没有“yaer”这一项"},
		{"year", "year: 二〇二四\n", "r.yaml:1:7", "年份"},
		{"format", "year: 2024\nformat: 2020\n", "r.yaml:2:9", "format 只能是"},
		{"short row", "year: 2024\napplications:\n  new: [1, 2]\n", "r.yaml:3:8", "有 2 个数，应为 7 个"},
		{"2019 other in 2021", "year: 2024\napplications:\n  other: {all: [0,0,0,0,0,0,0]}\n", "r.yaml:3", "“all”只用于 2019"},
		{"2021 other in 2019", "year: 2020\napplications:\n  other: {no_correction: [0,0,0,0,0,0,0]}\n", "r.yaml:3", "只有一行"},
		{"wrong table key", "year: 2020\nproactive: {rules: {issued: 1}}\n", "r.yaml:2", "proactive_2019"},
		{"duplicate", "year: 2024\nyear: 2025\n", "r.yaml:2", "重复"},
		{"level", "year: 2024\nlevel: 县\n", "r.yaml:2", "level“县”不对"},
		{"empty", "", "r.yaml", "文件是空的"},
		{"anchor", "year: 2024\napplications:\n  new: &a [0,0,0,0,0,0,0]\n  total: *a\n", "r.yaml:4", "锚点"},
		// a Chinese input method types the list's commas as ，or 、
		{"chinese commas", "year: 2024\napplications:\n  new: [3，0，0，0，0，0，3]\n", "r.yaml:3:8", "用了中文逗号“，”或顿号“、”（“3，0，0，0，0，0，3”被读成一个数）"},
		{"顿号", "year: 2024\napplications:\n  new: [3、0、0、0, 0, 0, 3]\n", "r.yaml:3:8", "请改用英文逗号"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := report.Load("r.yaml", []byte(c.src))
			if err == nil {
				t.Fatal("accepted")
			}
			msg := errs.Message(err)
			if !strings.HasPrefix(msg, c.where) || !strings.Contains(msg, c.says) {
				t.Errorf("message %q, want prefix %q and %q", msg, c.where, c.says)
			}
		})
	}
}

// Wrong values in cells load, so that every one of them is listed at once.
func TestLoadKeepsInvalidCells(t *testing.T) {
	r, err := report.Load("r.yaml", []byte("year: 2024\napplications:\n  new: [1.5, -1, 无, null, 0, 0, \"3\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	row := r.Applications["new"]
	if !row[0].IsInvalid() || row[0].Raw() != "1.5" || !row[2].IsInvalid() || !row[3].Blank() {
		t.Errorf("row = %v", row)
	}
	if v, _ := row[6].Int(); v != 3 {
		t.Errorf("quoted number = %v", row[6])
	}
	var invalid []string
	for _, f := range report.Check(r, nil) {
		if f.Rule == "CELL.INVALID" {
			invalid = append(invalid, f.Cell)
		}
	}
	if strings.Join(invalid, " ") != "applications.new[natural] applications.new[business] applications.new[research]" {
		t.Errorf("CELL.INVALID at %v", invalid)
	}
	if line := r.Line("new"); line != 3 {
		t.Errorf("line of new = %d", line)
	}
	// a map typed with Chinese commas is one value: said so; a number
	// with a Chinese thousands separator is a number
	r, err = report.Load("r.yaml", []byte("year: 2024\nproactive:\n  rules: {issued: 0，repealed: 0，in_force: 0}\n  penalty: {decisions: 1，234}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := r.Proactive.Cell("penalty.decisions").Int(); n != 1234 {
		t.Errorf("1，234 read as %v", r.Proactive.Cell("penalty.decisions"))
	}
	found := false
	for _, f := range report.Check(r, nil) {
		if f.Rule == "CELL.INVALID" && strings.Contains(f.Cell, "penalty") {
			t.Errorf("1，234: %s", f.Message)
		}
		if f.Rule == "CELL.INVALID" && strings.Contains(f.Message, "“0，repealed: 0，in_force: 0”不是整数：几项之间用了中文逗号") {
			found = true
		}
	}
	if !found {
		t.Error("the Chinese commas in a map are not said")
	}
}

func TestAmounts(t *testing.T) {
	// also as a Chinese input method types it, and with the column's unit
	for in, want := range map[string]string{"0": "0", "12.50": "12.5", "1,234.5": "1234.5", "0.00": "0", "-0": "0",
		"１．５": "1.5", "１２.３": "12.3", "1.5万元": "1.5", "0.8 万": "0.8", "１，２３４．５": "1234.5",
		// a double printed to 20 or 17 digits (Gnumeric's CSV of a sheet, a
		// program's float) is the amount the sheet showed; 15 digits are
		// as written
		"37.630000000000000001": "37.63", "48.619999999999999999": "48.62", "48.619999999999997": "48.62",
		"0.10000000000000001": "0.1", "123456789012.345": "123456789012.345", "12345678901234.5": "12345678901234.5"} {
		if got, ok := report.ParseAmount(in).Text(); !ok || got != want {
			t.Errorf("ParseAmount(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"约1万", "1e3", "--", "1.2.3", "15000元", "万元"} {
		if !report.ParseAmount(bad).IsInvalid() {
			t.Errorf("ParseAmount(%q) accepted", bad)
		}
	}
	// an amount in 元 is said to be one, with how to write it in 万元
	r, err := report.Load("r.yaml", []byte("year: 2024\nproactive:\n  fees: {amount_wan_yuan: \"15000元\"}\n"))
	if err != nil {
		t.Fatal(err)
	}
	said := false
	for _, f := range report.Check(r, nil) {
		said = said || f.Rule == "CELL.INVALID" && strings.Contains(f.Message, "金额“15000元”不是数字，应填写如 0 或 12.5 的金额（本栏单位为万元：如 15000 元填 1.5）")
	}
	if !said {
		t.Error("an amount in 元 is not said")
	}
	if !report.ParseAmount("  ").Blank() {
		t.Error("blank amount")
	}
}

// A report YAML saved by Notepad as GBK or "Unicode" reads as the UTF-8 one
// (the agency's name had come out garbled).
func TestLoadAsNotepadSavesIt(t *testing.T) {
	src := "agency: 卫滨区财政局\nyear: 2024\nsections:\n  \"5\": 公开意识有待加强。\n"
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(src)
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(src)
	for name, data := range map[string]string{"GBK": gbk, "UTF-16": u16} {
		r, err := report.Load("r.yaml", []byte(data))
		if err != nil || r.Agency != "卫滨区财政局" || r.Sections["5"] != "公开意识有待加强。" {
			t.Errorf("%s: %v", name, err)
		}
	}
}
