package importer_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"gongkai/internal/casework"
	"gongkai/internal/clock"
	"gongkai/internal/importer"
	"gongkai/internal/testdoc"
	"gongkai/internal/workday"
)

// register builds an XLSX register as agencies keep them: a title row, a
// two-row header with merged cells, dates as Excel serial numbers and as text.
func register(t testing.TB, rows [][]any) []byte {
	f := excelize.NewFile()
	sh := "Sheet1"
	f.SetSheetRow(sh, "A1", &[]any{"2025年依申请公开登记台账"})
	f.MergeCell(sh, "A1", "J1")
	f.SetSheetRow(sh, "A2", &[]any{"申请编号", "收到日期", "申请方式", "申请人", "", "", "联系电话", "申请内容", "答复日期", "答复结果"})
	f.MergeCell(sh, "D2", "F2")
	f.SetSheetRow(sh, "A3", &[]any{"", "", "", "类型", "姓名", "证件号码", "", "", "", ""})
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, 4+i)
		f.SetSheetRow(sh, cell, &r)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var now = clock.At(time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC))

// A register reads the same whether kept as XLSX or as a legacy XLS: Excel
// 97–2003's BIFF8 (its strings shared, its shared strings cut across
// records), or Excel 95's BIFF5 in GBK; or exported by a platform as .xls
// that is a GBK web page's table or Excel 2003's XML Spreadsheet. Before, an
// .xls was refused, and the page or the XML read as a CSV.
func TestRegisterXLSX(t *testing.T) {
	xlsx := register(t, [][]any{
		{"2025-001", 45660, "网上申请", "自然人", "王某", "11010519491231002X", "13800000000", "学区划分方案", "2025年1月20日", "予以公开"},
		{"2025-002", "2025/2/10", "挂号信", "企业", "某科技有限公司", "91110000100011743X", "", "招标文件", "2025-03-01", "不予公开（涉及第三方商业秘密）"},
		{"2025-003", "2025.3.3", "当面", "个人", "李某", 110105194912310000.0, "13900000000", "会议纪要", "", ""},
		{"2025-004", "2025-13-01", "飞鸽", "外星人", "", "", "", "", "2025-01-01", ""},
		{},
		{"2025-005", "20250305", "电子邮件", "律师事务所", "某律师事务所", "", "x@y.cn", "处罚决定书", "2025-03-20", "不予公开"},
		{"2025-001", 45660, "网上申请", "自然人", "王某", "11010519491231002X", "13800000000", "学区划分方案", "", ""},
	})
	for file, data := range map[string][]byte{"台账.xlsx": xlsx, "台账.xls": testdoc.XLSOf(t, xlsx, testdoc.XLSOptions{Chunk: 31}),
		"台账95.xls": testdoc.XLSOf(t, xlsx, testdoc.XLSOptions{BIFF5: true}),
		// a platform's "导出 Excel" that is a web page, or an XML Spreadsheet
		"台账-网页.xls": markupOf(t, xlsx, "html"), "台账-xml.xls": markupOf(t, xlsx, "xml"),
		// kept as a table in a Word document
		"台账.docx": wordRegister(t, xlsx, false), "台账-布局.docx": wordRegister(t, xlsx, true)} {
		t.Run(file, func(t *testing.T) { registerReads(t, file, data) })
	}
}

func registerReads(t *testing.T, file string, data []byte) {
	sh, m := readMapped(t, file, data, "")
	if m.HeaderRow != 2 || m.Columns["name"] != 4 || m.Columns["id_number"] != 5 || m.Columns["applicant_type"] != 3 || m.Columns["received_on"] != 1 {
		t.Fatalf("mapping %+v %v", m.Columns, m.Headers)
	}
	rows, bad := sh.Parse(m)
	var msgs []string
	for _, e := range bad {
		msgs = append(msgs, e.String())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		"第 6 行 F 列（申请人证件号码）：证件号码“110105194912310000”校验不通过，末尾的 0 很可能是 Excel 把号码当成数字后丢失的位数",
		"第 7 行 B 列（收到日期）：日期“2025-13-01”不对",
		"第 7 行 C 列（申请方式）：申请方式“飞鸽”无法识别",
		"第 7 行 D 列（申请人类型）：申请人类型“外星人”无法识别",
		"第 7 行 E 列（申请人姓名）：申请人为空",
		"第 7 行 J 列（答复结果）：写了答复日期，但答复结果为空",
		"第 9 行 J 列（答复结果）：答复结果“不予公开”无法对应到表三的行",
		"第 10 行：与第 4 行重复",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing error %q in:\n%s", want, all)
		}
	}
	if len(rows) != 2 {
		t.Fatalf("%d good rows: %+v", len(rows), rows)
	}
	if d, _, _ := rows[0].Intake.ReceiptDate(); d != workday.MustDate("2025-01-03") { // Excel serial 45660
		t.Errorf("serial date read as %s", d)
	}
	if rows[1].Outcome != "third_party" || rows[1].Intake.Channel != casework.LetterSigned || rows[1].Intake.Applicant.IDType != "统一社会信用代码" {
		t.Errorf("row 2: %+v", rows[1])
	}
	ready, bad := importer.Cases(rows, casework.Actor{Name: "导入", Role: casework.Approver}, now, casework.DefaultConfig(), workday.Default())
	if len(bad) != 0 || len(ready) != 2 || ready[0].Case.Outcome != "disclosed" || ready[0].Key != "serial:2025-001" {
		t.Fatalf("%v %+v", bad, ready)
	}
}

func TestRegisterCSVGB18030(t *testing.T) {
	csv := "收到申请日期,申请方式,申请人类型,申请人,身份证号码,联系电话,申请内容\r\n2025年3月5日,现场,自然人,张某,11010519491231002X,13800000000,预算公开\r\n"
	gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(csv))
	// Excel's "文本文件（制表符分隔）" (GBK) and "Unicode 文本" (UTF-16 with a
	// BOM): tab-separated; the second had been read as GB18030 and garbled
	tabs := strings.ReplaceAll(csv, ",", "\t")
	tabGB, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(tabs))
	utf16LE, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(tabs))
	utf16BE, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("2025年台账\r\n" + tabs))
	for name, data := range map[string][]byte{"gb18030": gb, "bom": append([]byte{0xEF, 0xBB, 0xBF}, csv...),
		"tabs": tabGB, "utf-16le": utf16LE, "utf-16be with a title": utf16BE} {
		sh, err := importer.ReadFile("a.csv", data, "")
		if err != nil {
			t.Fatal(err)
		}
		m, err := sh.Map(nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		rows, bad := sh.Parse(m)
		if len(bad) != 0 || len(rows) != 1 || rows[0].Intake.Applicant.Name != "张某" || !strings.HasPrefix(rows[0].Key, "row:") {
			t.Errorf("%s: %+v %v", name, rows, bad)
		}
	}
}

// An outcome that says the information was not disclosed without saying
// why is no row of 表三: it is an error to fix, never read as 予以公开.
func TestOutcomeThatSaysNo(t *testing.T) {
	csv := "收到申请日期,申请方式,申请人类型,申请人,申请内容,答复日期,答复结果\n"
	outcomes := []string{"不公开", "不能公开", "无法公开", "暂不公开", "不予公开", "予以公开", "同意公开", "不公开（国家秘密）"}
	for i, o := range outcomes {
		csv += fmt.Sprintf("2025-03-05,当面,自然人,张某,预算%d,2025-03-20,%s\n", i, o)
	}
	rows, bad := mapped(t, csv, importer.Fields).Parse()
	var want []string
	for _, o := range outcomes[:5] {
		want = append(want, fmt.Sprintf("答复结果“%s”无法对应到表三的行", o))
	}
	errorsSay(t, bad, want)
	var got []string
	for _, r := range rows {
		got = append(got, string(r.Outcome))
	}
	if strings.Join(got, " ") != "disclosed disclosed state_secret" {
		t.Errorf("outcomes read %v", got)
	}
}

// An applicant type is one of 表三's six columns: the group 法人或其他组织
// is not one, and a 民办非企业单位 is not a 商业企业 for the 企业 in its name.
func TestApplicantTypeThatIsNoColumn(t *testing.T) {
	csv := "收到申请日期,申请方式,申请人类型,申请人,申请内容\n"
	types := []string{"法人或其他组织", "法人", "民办非企业单位", "企业", "律师事务所", "其他组织"}
	for i, ty := range types {
		csv += fmt.Sprintf("2025-03-05,当面,%s,某单位,预算%d\n", ty, i)
	}
	rows, bad := mapped(t, csv, importer.Fields).Parse()
	errorsSay(t, bad, []string{"“法人或其他组织”是表三的大类", "“法人”是表三的大类", "“民办非企业单位”无法识别"})
	var got []string
	for _, r := range rows {
		got = append(got, string(r.Intake.Applicant.Type))
	}
	if strings.Join(got, " ") != "business legal_service other" {
		t.Errorf("types read %v", got)
	}
}

// A fee ledger's amounts as clerks write them are read as yuan; what is not
// an amount is named by row and column.
func TestFeeAmounts(t *testing.T) {
	csv := "类别,收费日期,缴费人,收费金额\n"
	amounts := []string{"\"1,200.50\"", "￥99.5", "99.5元", "0.12万元", "1/2", "-5", "1e3", "约100元"}
	for i, a := range amounts {
		csv += fmt.Sprintf("收费,2025-05-%02d,某人,%s\n", i+1, a)
	}
	sh := mapped(t, csv, importer.DecisionFields)
	ds, bad := sh.ParseDecisions(sh.m, "")
	var got []string
	for _, d := range ds {
		got = append(got, d.Amount)
	}
	if strings.Join(got, " ") != "1200.50 99.50 99.50 1200.00" {
		t.Errorf("amounts read %v", got)
	}
	errorsSay(t, bad, []string{"第 6 行 D 列（收费金额）：金额“1/2”不是数字", "“-5”是负数", "“1e3”不是数字", "“约100元”不是数字"})
}

func TestMappingStep(t *testing.T) {
	csv := "来信日期,方式,类别,申请人,证件号码,要求公开的内容\n2025-03-05,当面,自然人,张某,11010519491231002X,预算\n"
	sh, _ := importer.ReadFile("a.csv", []byte(csv), "")
	if _, err := sh.Map(nil); err == nil || !strings.Contains(err.Error(), "收到申请日期") {
		t.Fatalf("missing columns not reported: %v", err)
	}
	m, err := sh.Map(map[string]string{"来信日期": "received_on", "要求公开的内容": "description"})
	if err != nil {
		t.Fatal(err)
	}
	if _, bad := sh.Parse(m); len(bad) != 0 {
		t.Errorf("%v", bad)
	}
	if _, err := sh.Map(map[string]string{"来信日期": "nonsense"}); err == nil {
		t.Error("unknown field accepted")
	}
	if _, err := importer.ReadFile("a.xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0, 0}, ""); err == nil || !strings.Contains(err.Error(), ".xlsx") {
		t.Errorf("xls: %v", err)
	}
}

func FuzzRegister(f *testing.F) {
	f.Add([]byte("收到申请日期,申请方式,申请人类型,申请人,申请内容\n2025-03-05,当面,自然人,张某,预算\n"))
	f.Add([]byte("申请人,申请内容,收到日期\n\"a,b\",\"x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sh, err := importer.ReadFile("f.csv", data, "")
		if err != nil {
			return
		}
		m, err := sh.Map(nil)
		if err != nil {
			return
		}
		rows, _ := sh.Parse(m)
		importer.Cases(rows, casework.Actor{Name: "f", Role: casework.Approver}, now, casework.DefaultConfig(), workday.Default())
	})
}

// sheet is a CSV read and mapped to a schema, failing the test if it cannot be.
type sheet struct {
	*importer.Sheet
	m *importer.Mapping
}

func (s sheet) Parse() ([]importer.Row, []importer.RowError) { return s.Sheet.Parse(s.m) }

func mapped(t *testing.T, csv string, sc importer.Schema) sheet {
	t.Helper()
	sh, err := importer.ReadFile("a.csv", []byte(csv), "")
	if err != nil {
		t.Fatal(err)
	}
	m, err := sh.MapSchema(sc, nil)
	if err != nil {
		t.Fatal(err)
	}
	return sheet{sh, m}
}

// errorsSay fails unless the row errors are as many as want and each says
// its want, in order.
func errorsSay(t *testing.T, bad []importer.RowError, want []string) {
	t.Helper()
	if len(bad) != len(want) {
		t.Fatalf("%d errors, want %d: %v", len(bad), len(want), bad)
	}
	for i, e := range bad {
		if !strings.Contains(e.String(), want[i]) {
			t.Errorf("error %d: %s, want %q", i, e, want[i])
		}
	}
}

// A register whose shared strings claim 20 MB and hold five bytes: excelize
// unpacks such a part to a temporary file, then fails; the import is refused
// and leaves nothing in the temporary directory.
func TestBrokenRegisterLeavesNoTemporaryFile(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.CreateRaw(&zip.FileHeader{Name: "xl/sharedStrings.xml", CompressedSize64: 5, UncompressedSize64: 20 << 20, CRC32: 1})
	w.Write([]byte("<sst>"))
	zw.Close()
	if _, err := importer.ReadFile("台账.xlsx", b.Bytes(), ""); err == nil || !strings.Contains(err.Error(), "无法作为 XLSX 打开") {
		t.Errorf("err = %v", err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left in the temporary directory: %v", left)
	}
}

// A cell that is not text (a NUL, bytes that are not UTF-8 after a BOM said
// UTF-8) is an error at its row and column: it had gone on to the database,
// where PostgreSQL refused the whole import at its end. Control characters
// are taken out, and a cell cut at its limit is cut between characters.
func TestCellsAreText(t *testing.T) {
	head := "\xEF\xBB\xBF收到申请日期,申请人,申请内容\n"
	for data, where := range map[string]string{
		head + "2025-03-05,王\x00某,预算\n":                   "a.csv 第 2 行 B 列",
		head + "2025-03-05,王某,预算\n2025-03-06,李某,决算\xff\n": "a.csv 第 3 行 C 列",
	} {
		_, err := importer.ReadFile("a.csv", []byte(data), "")
		if err == nil || !strings.Contains(err.Error(), where+": 含有无法识别的字符") {
			t.Errorf("%q: %v", data, err)
		}
	}
	long := strings.Repeat("预", 10001)
	sh, err := importer.ReadFile("a.csv", []byte(head+"2025-03-05,王\v某\x01,a"+long+"\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := sh.Rows[1]; got[1] != "王\n某" || got[2] != "a"+strings.Repeat("预", 9999) {
		t.Errorf("cells %q, %d bytes", got[1], len(got[2]))
	}
}

// A value merged down several data rows (the 收到日期 and 申请方式 of one
// day's applications) is read for each of them, and said; an application
// number merged down rows is one application written over several rows:
// refused at those rows with what to do. A merge inside the header is the
// header's.
func TestMergedDataCells(t *testing.T) {
	build := func(merges ...[2]string) []byte {
		data := register(t, [][]any{
			{"2025-001", "2025-01-06", "网上申请", "自然人", "王某", "11010519491231002X", "13800000000", "学区划分方案", "2025-01-20", "予以公开"},
			{"2025-002", "", "", "自然人", "李某", "", "13900000000", "招生计划", "2025-01-21", "予以公开"},
			{"2025-003", "", "", "自然人", "赵某", "", "13700000000", "收费标准", "2025-01-22", "予以公开"},
		})
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range merges {
			if err := f.MergeCell("Sheet1", m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
		b, err := f.WriteToBuffer()
		if err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	for _, file := range []string{"台账.xlsx", "台账.xls", "台账.docx"} {
		t.Run(file, func(t *testing.T) { mergedDataCells(t, file, build) })
	}
}

func mergedDataCells(t *testing.T, file string, build func(merges ...[2]string) []byte) {
	if strings.HasSuffix(file, ".xls") {
		xlsx := build
		build = func(merges ...[2]string) []byte { return testdoc.XLSOf(t, xlsx(merges...), testdoc.XLSOptions{}) }
	}
	if strings.HasSuffix(file, ".docx") { // kept as a Word table, merged down by w:vMerge
		xlsx := build
		build = func(merges ...[2]string) []byte { return wordRegister(t, xlsx(merges...), false) }
	}
	sh, m := readMapped(t, file, build([2]string{"B4", "B6"}, [2]string{"C4", "C6"}), "")
	rows, bad := sh.Parse(m)
	if len(bad) != 0 || len(rows) != 3 {
		t.Fatalf("%d rows, problems %v", len(rows), bad)
	}
	for _, r := range rows {
		if on, _, err := r.Intake.ReceiptDate(); err != nil || on != workday.MustDate("2025-01-06") || r.Intake.Channel != casework.Online {
			t.Errorf("row %d: %v %v %v", r.Line, on, r.Intake.Channel, err)
		}
	}
	if strings.Join(m.Notes, "\n") != "第 4–6 行 B 列是合并单元格：每行都按“2025-01-06”读取\n第 4–6 行 C 列是合并单元格：每行都按“网上申请”读取" {
		t.Errorf("notes: %q", m.Notes)
	}

	sh, _ = importer.ReadFile(file, build([2]string{"A4", "A5"}, [2]string{"B4", "B6"}, [2]string{"C4", "C6"}), "")
	m, _ = sh.Map(nil)
	_, bad = sh.Parse(m)
	if len(bad) != 1 || bad[0].String() != "第 5 行 A 列（申请编号）：申请编号与第 4 行是同一个合并单元格：一件申请占了多行。请在台账中把它合为一行（申请内容写在一格）后再导入" {
		t.Errorf("an application over two rows: %v", bad)
	}
}

// The 承办人 column is the one named so (or 经办人); a column of the 承办人's
// telephone, department or signature is not.
func TestHandlerColumn(t *testing.T) {
	for header, want := range map[string]bool{"承办人": true, "经办人": true, "承办 人员": true, "经办人电话": false, "承办科室": false,
		"承办人（签字）": false, "承办部门": false} {
		csv := "收到日期,申请方式,申请人类型,申请人,申请内容," + header + "\n2026-03-02,当面,自然人,甲某,学区划分方案,张三\n"
		sh, err := importer.ReadFile("a.csv", []byte(csv), "")
		if err != nil {
			t.Fatal(err)
		}
		m, err := sh.Map(nil)
		if err != nil {
			t.Fatal(err)
		}
		_, got := m.Columns["handler"]
		if got != want {
			t.Errorf("%s taken for the 承办人: %v", header, got)
		}
		if rows, _ := sh.Parse(m); want && (len(rows) != 1 || rows[0].Handler != "张三") {
			t.Errorf("%s: %+v", header, rows)
		}
	}
}

// A staff list names a role by its full name, its id, or the shorter word
// the back office uses; anything else is not guessed.
func TestRoleWords(t *testing.T) {
	for v, want := range map[string]casework.Role{"办理人": casework.Clerk, " 经办人 ": casework.Clerk, "负责人": casework.Approver,
		"公开工作机构负责人": casework.Approver, "approver": casework.Approver, "管理员": casework.Admin, "主管部门": casework.Supervisor} {
		if got, ok := importer.Role(v); !ok || got != want {
			t.Errorf("%q: %q %v, want %q", v, got, ok, want)
		}
	}
	for _, v := range []string{"", "局长", "负责"} {
		if got, ok := importer.Role(v); ok {
			t.Errorf("%q read as %q", v, got)
		}
	}
}

// A list with only the required columns (机关名称, 级别) has a header; a
// sheet naming one of them does not.
func TestHeaderOfRequiredColumns(t *testing.T) {
	sh, err := importer.ReadFile("机关.csv", []byte("机关名称,级别\n示例区文化馆,县级人民政府部门\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	m, err := sh.MapSchema(importer.AgencyFields, nil)
	if err != nil {
		t.Fatalf("two required columns: %v", err)
	}
	rows, bad := sh.ParseAgencies(m)
	if len(bad) != 0 || len(rows) != 1 || rows[0].Agency.Name != "示例区文化馆" || rows[0].Agency.Level != "county_department" {
		t.Fatalf("%+v %v", rows, bad)
	}
	sh, err = importer.ReadFile("机关.csv", []byte("机关名称,备注\n示例区文化馆,新设\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sh.MapSchema(importer.AgencyFields, nil); err == nil || !strings.Contains(err.Error(), "找不到表头") {
		t.Fatalf("one column of three: %v", err)
	}
}

// Registers end (or break up by month) with rows that are no application: a
// 小计 or 合计, the form's sign-off (填表人、审核人、填表日期), a 备注. They are
// left out and said so, not refused as applications with every field empty
// (which kept the whole file out) nor counted.
func TestTotalsAndSignOffAreNoData(t *testing.T) {
	data := register(t, [][]any{
		{"2025-001", 45660, "网上申请", "自然人", "王某", "11010519491231002X", "13800000000", "学区划分方案", "2025年1月20日", "予以公开"},
		{"1月小计", "", "", "", "", "", "", "1件"},
		{"2025-002", "2025/2/10", "当面", "自然人", "李某", "11010519491231002X", "13900000000", "会议纪要", "2025-03-01", "予以公开"},
		{"合  计", "", "", "", "", "", "", "2件"},
		{"填表人：张办理", "", "审核人：李主任", "", "", "", "", "填表日期：2026年1月5日"},
		{"备注：本台账按收到日期排列。"},
	})
	sh, m := readMapped(t, "台账.xlsx", data, "")
	rows, bad := sh.Parse(m)
	if len(bad) != 0 || len(rows) != 2 || rows[1].Intake.Applicant.Name != "李某" {
		t.Fatalf("rows %+v, problems %v", rows, bad)
	}
	notes := strings.Join(m.Notes, "\n")
	for _, want := range []string{"第 5 行“1月小计 1件”是合计行，不是数据行，未导入", "第 7 行“合 计 2件”是合计行", "第 8 行“填表人：张办理 审核人：李主任 填表日期…”是落款",
		"第 9 行“备注：本台账按收到日期排列。”是说明文字"} {
		if !strings.Contains(notes, want) {
			t.Errorf("note %q missing in:\n%s", want, notes)
		}
	}

	// a record whose first cell happens to start with such a word, with the
	// rest of its cells filled, is a record
	csv := "申请内容,收到申请日期,申请方式,申请人类型,申请人\n说明书样本,2025-03-05,现场,自然人,张某\n"
	sh, m = readMapped(t, "a.csv", []byte(csv), "")
	if rows, bad := sh.Parse(m); len(rows) != 1 || len(bad) != 0 || len(m.Notes) != 0 {
		t.Errorf("a record starting with 说明: %+v %v %q", rows, bad, m.Notes)
	}

	// a fee ledger's 合计 is not one more fee: the year's total stays the sum
	fees := "收费日期,缴费人,收费金额\n2025-03-05,张某,10\n2025-04-01,李某,20\n合计,,30\n"
	sh, _ = importer.ReadFile("收费.csv", []byte(fees), "")
	m, err := sh.MapSchema(importer.DecisionFields, nil)
	if err != nil {
		t.Fatal(err)
	}
	ds, bad := sh.ParseDecisions(m, "fee")
	if len(ds) != 2 || len(bad) != 0 || ds[0].Amount != "10.00" || ds[1].Amount != "20.00" || len(m.Notes) != 1 {
		t.Errorf("fees: %+v %v %q", ds, bad, m.Notes)
	}
}

// A register kept a sheet a month: reading the first sheet by default says
// which others were not read (so that a year is not taken for January), and
// a first sheet without a header (a cover page) names the sheets to choose.
func TestOtherSheetsAreNamed(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "1月")
	head := []any{"收到申请日期", "申请方式", "申请人类型", "申请人", "申请内容"}
	f.SetSheetRow("1月", "A1", &head)
	f.SetSheetRow("1月", "A2", &[]any{"2025-01-06", "当面", "自然人", "王某", "预算"})
	for _, n := range []string{"2月", "3月", "空白"} {
		f.NewSheet(n)
		if n != "空白" {
			f.SetSheetRow(n, "A1", &head)
			f.SetSheetRow(n, "A2", &[]any{"2025-02-06", "当面", "自然人", "李某", "决算"})
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	_, m := readMapped(t, "台账.xlsx", b.Bytes(), "")
	if len(m.Notes) == 0 || !strings.Contains(m.Notes[0], "只读取了第一个工作表“1月”；工作簿中还有 2 个工作表（2月、3月）没有读取") {
		t.Errorf("notes: %q", m.Notes)
	}
	sh, m := readMapped(t, "台账.xlsx", b.Bytes(), "2月")
	if len(m.Notes) != 0 {
		t.Errorf("a sheet named: %q", m.Notes)
	}
	if rows, bad := sh.Parse(m); len(rows) != 1 || len(bad) != 0 || rows[0].Intake.Applicant.Name != "李某" {
		t.Errorf("the sheet named: %+v %v", rows, bad)
	}

	// a cover sheet first
	g := excelize.NewFile()
	g.SetSheetName("Sheet1", "填表说明")
	g.SetSheetRow("填表说明", "A1", &[]any{"本台账按月登记，每月一个工作表。"})
	g.NewSheet("台账")
	g.SetSheetRow("台账", "A1", &head)
	b.Reset()
	if err := g.Write(&b); err != nil {
		t.Fatal(err)
	}
	sh, _ = importer.ReadFile("台账.xlsx", b.Bytes(), "")
	if _, err := sh.Map(nil); err == nil || !strings.Contains(err.Error(), "工作簿中还有工作表：台账；请在“工作表名”中填写数据所在的工作表") {
		t.Errorf("a cover sheet first: %v", err)
	}
}

// readMapped reads a register and maps its columns, failing the test on
// either.
func readMapped(t *testing.T, name string, data []byte, sheet string) (*importer.Sheet, *importer.Mapping) {
	t.Helper()
	return readSchema(t, name, data, sheet, importer.Fields)
}

// readSchema is readMapped for a ledger of another schema.
func readSchema(t *testing.T, name string, data []byte, sheet string, sc importer.Schema) (*importer.Sheet, *importer.Mapping) {
	t.Helper()
	sh, err := importer.ReadFile(name, data, sheet)
	if err != nil {
		t.Fatal(err)
	}
	m, err := sh.MapSchema(sc, nil)
	if err != nil {
		t.Fatal(err)
	}
	return sh, m
}

// A register kept a sheet a month, read whole (AllSheets): each sheet by its
// own header and in order, a cover page left out and named, a sheet whose
// columns differ named with the difference, the rows that are no record
// left out per sheet, every problem naming its sheet, and a row repeated in
// another sheet a duplicate as in one sheet.
func TestWholeWorkbook(t *testing.T) {
	head := []any{"收到申请日期", "申请方式", "申请人类型", "申请人", "申请内容"}
	book := func(edit func(f *excelize.File)) []byte {
		f := excelize.NewFile()
		f.SetSheetName("Sheet1", "填表说明")
		f.SetSheetRow("填表说明", "A1", &[]any{"本台账按月登记，每月一个工作表。"})
		f.NewSheet("1月")
		f.SetSheetRow("1月", "A1", &head)
		f.SetSheetRow("1月", "A2", &[]any{"2025-01-06", "当面", "自然人", "王某", "预算"})
		f.SetSheetRow("1月", "A3", &[]any{"1月小计", "", "", "", "1"})
		f.NewSheet("2月")
		f.SetSheetRow("2月", "A1", &[]any{"2025年2月依申请公开登记"})
		f.SetSheetRow("2月", "A2", &[]any{"申请人", "申请内容", "收到申请日期", "申请方式", "申请人类型", "联系电话"})
		f.SetSheetRow("2月", "A3", &[]any{"李某", "决算", "2025-02-06", "信函", "自然人", "13800000000"})
		f.SetSheetRow("2月", "A4", &[]any{"赵某", "采购", "2025-02-30", "当面", "自然人"})
		f.SetSheetRow("2月", "A5", &[]any{"王某", "预算", "2025-01-06", "当面", "自然人"})
		f.NewSheet("空白")
		if edit != nil {
			edit(f)
		}
		var b bytes.Buffer
		if err := f.Write(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	for _, file := range []string{"台账.xlsx", "台账.xls"} {
		t.Run(file, func(t *testing.T) { wholeWorkbook(t, file, book) })
	}
}

func wholeWorkbook(t *testing.T, file string, book func(edit func(f *excelize.File)) []byte) {
	if strings.HasSuffix(file, ".xls") {
		xlsx := book
		book = func(edit func(f *excelize.File)) []byte { return testdoc.XLSOf(t, xlsx(edit), testdoc.XLSOptions{}) }
	}
	sh, m := readMapped(t, file, book(nil), importer.AllSheets)
	rows, bad := sh.Parse(m)
	var got []string
	for _, r := range rows {
		got = append(got, r.Where()+" "+r.Intake.Applicant.Name)
	}
	if want := []string{"工作表“1月”第 2 行 王某", "工作表“2月”第 3 行 李某"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("rows %q, want %q", got, want)
	}
	var problems []string
	for _, e := range bad {
		problems = append(problems, e.String())
	}
	for _, want := range []string{"工作表“2月”第 4 行 C 列（收到申请日期）：", "工作表“2月”第 5 行：与工作表“1月”第 2 行重复"} {
		if !strings.Contains(strings.Join(problems, "\n"), want) {
			t.Errorf("problems %q lack %q", problems, want)
		}
	}
	if len(bad) != 2 || bad[0].Sheet != "2月" {
		t.Errorf("problems: %+v", bad)
	}
	notes := strings.Join(m.Notes, "\n")
	for _, want := range []string{"读取了 2 个工作表：1月（2 行）、2月（3 行）", "工作表“1月”第 3 行“1月小计 1”是合计行",
		"工作表“2月”的列与“1月”不同（多了“联系电话”）", "工作表“填表说明”在前 15 行中找不到表头，没有读取"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes %q lack %q", m.Notes, want)
		}
	}
	if _, ok := m.Columns["phone"]; !ok {
		t.Errorf("a field of some sheets is the ledger's: %v", m.Columns)
	}

	// a sheet whose header lacks a required column refuses the file, by name
	sh, err := importer.ReadFile(file, book(func(f *excelize.File) {
		f.NewSheet("3月")
		f.SetSheetRow("3月", "A1", &[]any{"收到申请日期", "申请方式", "申请人", "申请内容"})
	}), importer.AllSheets)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sh.Map(nil); err == nil || !strings.Contains(err.Error(), "工作表“3月”：缺少必需的列：申请人类型") {
		t.Errorf("a sheet without a required column: %v", err)
	}
	// no sheet with a header at all
	sh, err = importer.ReadFile(file, book(func(f *excelize.File) { f.DeleteSheet("1月"); f.DeleteSheet("2月") }), importer.AllSheets)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sh.Map(nil); err == nil || !strings.Contains(err.Error(), "都在前 15 行中找不到表头") {
		t.Errorf("no sheet with a header: %v", err)
	}
	// a CSV is its one sheet
	sh, m = readMapped(t, "台账.csv", []byte("收到日期,申请方式,申请人类型,申请人,申请内容\n2026-02-03,当面,自然人,某,预算\n"), importer.AllSheets)
	if rows, bad := sh.Parse(m); len(rows) != 1 || len(bad) != 0 || rows[0].Sheet != "" || rows[0].Where() != "第 2 行" {
		t.Errorf("a CSV read whole: %+v %v", rows, bad)
	}
}

// A fee ledger kept a sheet a month, read whole: each sheet's rows and its
// 小计 left out, a fee repeated in another month's sheet is a duplicate
// named by its sheet, and a fee without an amount is named by its sheet.
func TestWholeFeeLedger(t *testing.T) {
	f := excelize.NewFile()
	head := []any{"收费日期", "缴费人", "收费项目", "收费金额"}
	f.SetSheetName("Sheet1", "一月")
	f.SetSheetRow("一月", "A1", &head)
	f.SetSheetRow("一月", "A2", &[]any{"2025-01-06", "某公司", "考试费", "1,200.50"})
	f.SetSheetRow("一月", "A3", &[]any{"小计", "", "", "1200.50"})
	f.NewSheet("二月")
	f.SetSheetRow("二月", "A1", &head)
	f.SetSheetRow("二月", "A2", &[]any{"2025-02-03", "某人", "证书工本费", "99.5元"})
	f.SetSheetRow("二月", "A3", &[]any{"2025-01-06", "某公司", "考试费", "1200.50"})
	f.SetSheetRow("二月", "A4", &[]any{"2025-02-10", "某校", "考试费", ""})
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	sh, m := readSchema(t, "收费台账.xlsx", b.Bytes(), importer.AllSheets, importer.DecisionFields)
	ds, bad := sh.ParseDecisions(m, "fee")
	var problems []string
	for _, e := range bad {
		problems = append(problems, e.String())
	}
	if len(ds) != 2 || ds[0].Amount != "1200.50" || ds[1].Amount != "99.50" {
		t.Errorf("fees: %+v", ds)
	}
	want := []string{"工作表“二月”第 3 行：与工作表“一月”第 2 行重复", "工作表“二月”第 4 行 D 列（收费金额）：收费记录须有金额"}
	if fmt.Sprint(problems) != fmt.Sprint(want) {
		t.Errorf("problems %q, want %q", problems, want)
	}
	if notes := strings.Join(m.Notes, "\n"); !strings.Contains(notes, "工作表“一月”第 3 行“小计 1200.50”是合计行") {
		t.Errorf("notes: %q", m.Notes)
	}
}

// A register exported from an application platform writes its dates with
// the time of day (2025-03-05 09:30:00), some clerks with the weekday (also
// glued after 日, or without brackets), 号 for 日 or a full stop after the
// day: the date is read, the rest dropped; a date that is not one, or written
// month first (3/5/2025, which could be 5 March), is still refused.
func TestDatesWithTimes(t *testing.T) {
	for _, s := range []string{"2025-03-05 09:30", "2025/3/5 9:30:00", "2025-03-05 09:30:00.000", "2025-03-05T09:30:00",
		"2025年3月5日 上午", "2025年3月5日下午3时20分", "2025/3/5（周三）", "2025.3.5 (星期三)", "２０２５－０３－０５　０９：３０",
		// 号 for 日, a separator after the day, a time or weekday glued after 日, a weekday without brackets
		"2025年3月5号", "2025.3.5.", "2025/3/5/", "2025年3月5日09:30", "2025年3月5日星期三", "2025-03-05 周三", "2025年3月5日 礼拜三"} {
		if d, err := importer.ParseDate(s); err != nil || d != workday.NewDate(2025, 3, 5) {
			t.Errorf("%q: %v %v", s, d, err)
		}
	}
	for _, s := range []string{"3/5/2025", "2025-02-30 09:30", "2025-03-05 是日", "2025-03-05 9:30 补", "2025年3月32号", "2025.3.5..", "2025年3月5日星期八", "2025年3月5日补"} {
		if _, err := importer.ParseDate(s); err == nil {
			t.Errorf("%q read", s)
		}
	}
	csv := "收到时间,申请方式,申请人类型,申请人,申请内容,办结时间,答复结果\n" +
		"2025-03-05 09:30:12,网上,自然人,王某,学区划分方案,2025-03-20 16:02:45,予以公开\n"
	sh, m := readMapped(t, "平台导出.csv", []byte(csv), "")
	rows, bad := sh.Parse(m)
	if len(rows) != 1 || len(bad) != 0 || rows[0].Replied == nil || *rows[0].Replied != workday.NewDate(2025, 3, 20) {
		t.Errorf("a platform's export: %+v %v", rows, bad)
	}
}

// A date written as an instant with its zone's offset (ISO 8601, a
// platform's export) is read as the date it is in the deployment's zone:
// 20:00 UTC on the 4th is the 5th in Beijing. Without a zone to read it in,
// or when the date is impossible, it is refused.
func TestDatesWithZones(t *testing.T) {
	sh := clock.Shanghai()
	for s, want := range map[string]workday.Date{
		"2025-03-05T09:30:00+08:00":     workday.NewDate(2025, 3, 5),
		"2025-03-05T09:30:00.123+08:00": workday.NewDate(2025, 3, 5),
		"2025-03-05T09:30+0800":         workday.NewDate(2025, 3, 5),
		"2025-03-04T20:00:00Z":          workday.NewDate(2025, 3, 5), // 04:00 on the 5th in Beijing
		"2025-03-04T15:59:59Z":          workday.NewDate(2025, 3, 4),
		"2025-03-04 16:00:00 +00:00":    workday.NewDate(2025, 3, 5),
		"2025-03-05T01:00:00+09:00":     workday.NewDate(2025, 3, 5), // 00:00 on the 5th in Beijing
		"2025-03-05T00:30:00+09:00":     workday.NewDate(2025, 3, 4),
		"２０２５－０３－０５Ｔ０９：３０：００＋０８：００": workday.NewDate(2025, 3, 5),
		"2025-03-05T09:30:00": workday.NewDate(2025, 3, 5), // no zone: as written, as before
	} {
		if d, err := importer.ParseDateIn(s, sh); err != nil || d != want {
			t.Errorf("%q: %v %v, want %v", s, d, err, want)
		}
	}
	for _, s := range []string{"2025-02-30T09:30:00+08:00", "2025-03-05T25:30:00+08:00", "2025-03-05T09:30:00+8", "2025-03-05T09:30:00 东八区"} {
		if d, err := importer.ParseDateIn(s, sh); err == nil {
			t.Errorf("%q read as %v", s, d)
		}
	}
	if _, err := importer.ParseDateIn("2025-03-04T20:00:00Z", nil); err == nil {
		t.Error("an instant read without a zone to read it in")
	}
	// in a register: the file's rows read in the zone the sheet is given
	csv := "收到时间,申请方式,申请人类型,申请人,申请内容,办结时间,答复结果\n" +
		"2025-03-04T20:00:00Z,网上,自然人,王某,学区划分方案,2025-03-20T08:02:45Z,予以公开\n"
	s, m := readMapped(t, "平台导出.csv", []byte(csv), "")
	s.Loc = sh
	rows, bad := s.Parse(m)
	if len(rows) != 1 || len(bad) != 0 {
		t.Fatalf("a platform's export in UTC: %+v %v", rows, bad)
	}
	if got, _, err := rows[0].Intake.ReceiptDate(); err != nil || got != workday.NewDate(2025, 3, 5) || rows[0].Replied == nil || *rows[0].Replied != workday.NewDate(2025, 3, 20) {
		t.Errorf("a platform's export in UTC: received %v (%v), replied %v", got, err, rows[0].Replied)
	}
}

// Words registers use for a channel, an applicant and an outcome: each of
// the law's is read (来信, 信件; 线上, 依申请公开系统; 群众), and what could be
// more than one row of 表三 or more than one channel (不予公开 without its
// reason, 书面, 线下, 邮件 — post or e-mail —, 信箱 — e-mail or a portal's
// 领导信箱 —, 事业单位, 个体工商户, 政务服务中心) is refused, for the clerk to
// write which.
func TestRegisterWords(t *testing.T) {
	var b strings.Builder
	b.WriteString("收到日期,申请方式,申请人类型,申请人,申请内容,答复日期,答复结果\n")
	read := [][3]string{
		{"微信公众号", "律所", "告知获取方式"}, {"政务服务网", "律师事务所", "已告知获取途径"}, {"一网通办", "公民", "告知向有关机关申请"},
		{"小程序", "个人", "告知向其他行政机关申请"}, {"APP", "企业", "予以公开"},
		{"来信", "群众", "予以公开"}, {"信件", "高等院校", "予以公开"}, {"E-mail", "公民", "予以公开"}, {"依申请公开系统", "个人", "予以公开"}, {"线上", "个人", "予以公开"},
	}
	refused := [][3]string{
		{"书面", "个人", "予以公开"}, {"当面", "事业单位", "予以公开"}, {"当面", "个体工商户", "予以公开"},
		{"政务服务中心", "个人", "予以公开"}, {"当面", "个人", "不予公开"}, {"当面", "个人", "已答复"},
		{"线下", "个人", "予以公开"}, {"邮件", "个人", "予以公开"}, {"信箱", "个人", "予以公开"},
	}
	for i, r := range append(read, refused...) {
		fmt.Fprintf(&b, "2025-03-%02d,%s,%s,某%d,内容%d,2025-03-28,%s\n", i+1, r[0], r[1], i, i, r[2])
	}
	sh, m := readMapped(t, "台账.csv", []byte(b.String()), "")
	rows, bad := sh.Parse(m)
	if len(rows) != len(read) || len(bad) != len(refused) {
		t.Fatalf("%d read, %d refused: %v", len(rows), len(bad), bad)
	}
	want := []string{"online/legal_service/already_public", "online/legal_service/already_public", "online/natural/not_this_agency",
		"online/natural/not_this_agency", "online/business/disclosed", "letter_signed/natural/disclosed", "letter_signed/research/disclosed",
		"email/natural/disclosed", "online/natural/disclosed", "online/natural/disclosed"}
	for i, r := range rows {
		if got := fmt.Sprintf("%s/%s/%s", r.Intake.Channel, r.Intake.Applicant.Type, r.Outcome); got != want[i] {
			t.Errorf("row %d: %s, want %s", r.Line, got, want[i])
		}
	}
}

// Headers as registers write them map to their fields (申请公开内容,
// 申请形式, 来件日期, 申请者类型 …); 联系方式 is the applicant's telephone,
// or e-mail when it holds an address with @, never the channel; 答复方式 is
// the reply's, never the channel.
func TestRegisterHeaders(t *testing.T) {
	for _, c := range []struct{ header, want string }{
		{"序号,受理编号,申请时间,申请人姓名/名称,申请人类别,联系方式,申请公开内容,答复方式,申请方式,答复时间,答复类型,经办人",
			"serial=受理编号 received_on=申请时间 channel=申请方式 applicant_type=申请人类别 name=申请人姓名/名称 phone=联系方式 description=申请公开内容 replied_on=答复时间 outcome=答复类型 handler=经办人"},
		{"编号,收件日期,申请人,类型,申请形式,申请公开的政府信息内容,办理结果,办结日期",
			"received_on=收件日期 channel=申请形式 applicant_type=类型 name=申请人 description=申请公开的政府信息内容 replied_on=办结日期 outcome=办理结果"},
		{"登记号,来件日期,申请人名称,申请人性质,提出方式,所需信息描述,答复日期",
			"received_on=来件日期 channel=提出方式 applicant_type=申请人性质 name=申请人名称 description=所需信息描述 replied_on=答复日期"},
		{"收到申请时间,申请者,申请者类型,申请渠道,申请信息内容,处理结果,回复日期",
			"received_on=收到申请时间 channel=申请渠道 applicant_type=申请者类型 name=申请者 description=申请信息内容 replied_on=回复日期 outcome=处理结果"},
	} {
		_, m := readMapped(t, "台账.csv", []byte(c.header+"\n"), "")
		var got []string
		for _, f := range importer.Fields {
			if col, ok := m.Columns[f.ID]; ok {
				got = append(got, f.ID+"="+m.Headers[col])
			}
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.header, strings.Join(got, " "), c.want)
		}
	}
	sh, m := readMapped(t, "台账.csv", []byte("收到日期,申请方式,申请人类型,申请人,联系方式,申请内容\n2025-03-05,网上,个人,王某,wang@example.cn,预算\n2025-03-06,网上,个人,李某,13800000000,决算\n"), "")
	rows, bad := sh.Parse(m)
	if len(rows) != 2 || len(bad) != 0 || rows[0].Intake.Applicant.Email != "wang@example.cn" || rows[0].Intake.Applicant.Phone != "" || rows[1].Intake.Applicant.Phone != "13800000000" {
		t.Errorf("联系方式: %+v %v", rows, bad)
	}
}

// A fee ledger whose amount column gives its unit as 万元 in its header
// holds 万元 (0.12 is 1 200 yuan, not 0.12 yuan: before, it was read as
// yuan, ten thousand times too little), unless a cell says its own unit;
// ledgers' own header words map (缴款人, 印发时间, 生效时间, 失效时间).
func TestLedgerUnitsAndWords(t *testing.T) {
	csv := "收费日期,缴款单位,收费项目,金额（万元）\n2025-03-05,某公司,考试费,0.12\n2025-03-06,某校,考试费,1200元\n2025-03-07,某人,工本费,0.005万元\n"
	sh, m := readSchema(t, "收费.csv", []byte(csv), "", importer.DecisionFields)
	ds, bad := sh.ParseDecisions(m, "fee")
	if len(bad) != 0 || len(ds) != 3 || ds[0].Amount != "1200.00" || ds[1].Amount != "1200.00" || ds[2].Amount != "50.00" || ds[0].Subject != "某公司" {
		t.Errorf("amounts in 万元: %+v %v", ds, bad)
	}
	sh, m = readSchema(t, "文件.csv", []byte("标题,文号,印发时间,生效时间,失效时间,修订时间\n甲办法,示〔2024〕1号,2024-03-01,2024-04-01,2029-03-31,\n"), "", importer.DocumentFields)
	docs, bad := sh.ParseDocuments(m, "normative")
	if len(bad) != 0 || len(docs) != 1 || docs[0].IssuedOn != workday.NewDate(2024, 3, 1) || docs[0].EffectiveOn == nil || docs[0].ExpiresOn == nil {
		t.Errorf("a ledger's own words: %+v %v", docs, bad)
	}
}

// A register of one year often writes its days without the year (3月5日,
// 3.5). In a sheet whose title or name states the year they read as days
// of it, a reply before its receipt as one of the next year, and the
// preview says how many were read so; without a stated year (or with two)
// each is refused at its cell, saying what to write.
func TestDatesWithoutTheYear(t *testing.T) {
	head := "收到日期,申请方式,申请人类型,申请人,申请内容,答复日期,答复结果\n"
	rows := "3月5日,当面,自然人,王某,预算,3.20,予以公开\n12月28日,网上,自然人,李某,决算,1月8日,予以公开\n"
	sh, m := readMapped(t, "台账.csv", []byte("2025年政府信息公开申请登记台账,,,,,,\n"+head+rows), "")
	got, bad := sh.Parse(m)
	if len(bad) != 0 || len(got) != 2 {
		t.Fatalf("rows %v, problems %v", got, bad)
	}
	if received(got[0]) != workday.NewDate(2025, 3, 5) || *got[0].Replied != workday.NewDate(2025, 3, 20) ||
		received(got[1]) != workday.NewDate(2025, 12, 28) || *got[1].Replied != workday.NewDate(2026, 1, 8) {
		t.Errorf("read %v %v, %v %v", received(got[0]), *got[0].Replied, received(got[1]), *got[1].Replied)
	}
	if !strings.Contains(strings.Join(m.Notes, "\n"), "台账有 4 个日期没有写年份（如“3月5日”），按台账的名称或标题中的 2025 年读取") {
		t.Errorf("notes %q", m.Notes)
	}
	for name, title := range map[string]string{"no title": "", "two years": "2024—2025年政府信息公开申请登记台账,,,,,,\n"} {
		sh, m := readMapped(t, "台账.csv", []byte(title+head+rows), "")
		if got, bad := sh.Parse(m); len(got) != 0 || len(bad) != 4 || !strings.Contains(bad[0].String(), "A 列（收到日期）：日期“3月5日”没有写年份：请写完整的日期，如 2025-03-05") {
			t.Errorf("%s: rows %v, problems %v", name, got, bad)
		}
	}
	// no year stated, but the receipt's full date: its reply's year is its
	sh, m = readMapped(t, "台账.csv", []byte(head+"2025-03-05,当面,自然人,王某,预算,3.20,予以公开\n2025-12-28,网上,自然人,李某,决算,1月8日,予以公开\n"), "")
	if got, bad := sh.Parse(m); len(bad) != 0 || len(got) != 2 || *got[0].Replied != workday.NewDate(2025, 3, 20) || *got[1].Replied != workday.NewDate(2026, 1, 8) ||
		!strings.Contains(strings.Join(m.Notes, "\n"), "台账有 2 个答复日期没有写年份，按同一行收到日期的年份读取") {
		t.Errorf("replies by their receipts: %v %v %q", got, bad, m.Notes)
	}
	// a decisions ledger too
	dsh, dm := readSchema(t, "收费.csv", []byte("2025年收费台账,,,\n收费日期,缴款单位,收费项目,金额\n3月5日,某公司,考试费,120\n"), "", importer.DecisionFields)
	if ds, bad := dsh.ParseDecisions(dm, "fee"); len(bad) != 0 || len(ds) != 1 || ds[0].On != workday.NewDate(2025, 3, 5) {
		t.Errorf("a fee ledger: %+v %v", ds, bad)
	}
	// a sheet named for its year, read whole with another
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "2024")
	f.SetSheetRow("2024", "A1", &[]any{"收到日期", "申请方式", "申请人类型", "申请人", "申请内容"})
	f.SetSheetRow("2024", "A2", &[]any{"12月30日", "当面", "自然人", "赵某", "预算"})
	f.NewSheet("2025年")
	f.SetSheetRow("2025年", "A1", &[]any{"收到日期", "申请方式", "申请人类型", "申请人", "申请内容"})
	f.SetSheetRow("2025年", "A2", &[]any{"1月2日", "当面", "自然人", "钱某", "决算"})
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	sh, m = readMapped(t, "台账.xlsx", b.Bytes(), importer.AllSheets)
	if got, bad := sh.Parse(m); len(bad) != 0 || len(got) != 2 || received(got[0]) != workday.NewDate(2024, 12, 30) || received(got[1]) != workday.NewDate(2025, 1, 2) {
		t.Errorf("by the sheets' names: %v %v", got, bad)
	}
	if notes := strings.Join(m.Notes, "\n"); !strings.Contains(notes, "按工作表“2024”的名称或标题中的 2024 年读取") || !strings.Contains(notes, "按工作表“2025年”的名称或标题中的 2025 年读取") {
		t.Errorf("notes %q", m.Notes)
	}
}

// received is a row's date of receipt, whichever channel's fact holds it.
func received(r importer.Row) workday.Date {
	for _, d := range []*workday.Date{r.Intake.SubmittedOn, r.Intake.SignedOn, r.Intake.ConfirmedOn} {
		if d != nil {
			return *d
		}
	}
	return 0
}

// An applicant type of 律师 alone counts in 表三 as the firm's application
// (法律服务机构) or the lawyer's own (自然人): the name or the papers say
// which, or the row is refused at that cell asking the clerk to say. Before,
// every 律师 was counted as a 法律服务机构.
func TestLawyerIsTheFirmOrThePerson(t *testing.T) {
	csv := "收到申请日期,申请方式,申请人类型,申请人,证件类型,证件号码,申请内容\n" +
		"2025-03-05,当面,律师,某律师事务所,,,预算1\n" +
		"2025-03-05,当面,律师,张某,统一社会信用代码,,预算2\n" +
		"2025-03-05,当面,律师,张某,,91110108MA01ABCD2X,预算3\n" +
		"2025-03-05,当面,律师,张某,身份证,,预算4\n" +
		"2025-03-05,当面,执业律师,张某,,11010519491231002X,预算5\n" +
		"2025-03-05,当面,律师事务所,某所,,,预算6\n"
	rows, bad := mapped(t, csv, importer.Fields).Parse()
	if len(bad) > 0 {
		t.Fatalf("refused: %v", bad)
	}
	var got []string
	for _, r := range rows {
		got = append(got, string(r.Intake.Applicant.Type))
	}
	if want := "legal_service legal_service legal_service natural natural legal_service"; strings.Join(got, " ") != want {
		t.Errorf("types read %v, want %s", got, want)
	}
	_, bad = mapped(t, "收到申请日期,申请方式,申请人类型,申请人,申请内容\n2025-03-05,当面,律师,张某,预算\n", importer.Fields).Parse()
	errorsSay(t, bad, []string{"“律师”无法确定计入表三哪一栏：律师事务所申请的，请写 法律服务机构；律师本人申请的，请写 自然人"})
}

// A register LibreOffice Calc saved as XLS (Excel 97) and as ODS from its
// XLSX (all in testdata/import: dates as date cells, a date and a channel
// merged down two applications, a second sheet) reads as the XLSX does: the
// same rows, problems and notes, the other sheet named. The XLS's dates are
// numbers, as in the XLSX; the ODS's are its dates' values (2025-01-03).
// Before, both were refused.
func TestRegisterSavedAsXLS(t *testing.T) {
	read := func(file string) string {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "import", file))
		if err != nil {
			t.Fatal(err)
		}
		sh, m := readMapped(t, file, data, "")
		rows, bad := sh.Parse(m)
		var out []string
		for _, r := range rows {
			on, _, err := r.Intake.ReceiptDate()
			out = append(out, fmt.Sprintf("%s %s %v %s %s %s %s", r.Where(), on, err, r.Intake.Channel, r.Intake.Applicant.Name, r.Intake.Applicant.IDNum, r.Outcome))
		}
		for _, e := range bad {
			out = append(out, e.String())
		}
		return strings.Join(append(append(out, m.Notes...), sh.Others...), "\n")
	}
	xlsx, xls, ods := read("台账-2025.xlsx"), read("台账-2025-libreoffice.xls"), read("台账-2025-libreoffice.ods")
	if xlsx != xls {
		t.Errorf("XLSX:\n%s\nXLS:\n%s", xlsx, xls)
	}
	if xlsx != ods {
		t.Errorf("XLSX:\n%s\nODS:\n%s", xlsx, ods)
	}
	// the register in the 1904 date system (old Mac Excel's; Apache POI
	// set it and took 1 462 from each date's day number, LibreOffice saved
	// that as XLSX): the same dates
	for _, file := range []string{"台账-2025-1904.xls", "台账-2025-1904.xlsx"} {
		if got := read(file); got != xlsx {
			t.Errorf("XLSX:\n%s\n%s:\n%s", xlsx, file, got)
		}
	}
	for _, want := range []string{"第 4 行 2025-01-03 <nil> online 王某", "第 8 行 2025-01-06 <nil> letter_signed 钱某", "第 7–8 行 C 列是合并单元格：每行都按“信函”读取", "2月",
		// a date merged down is said as the date, not as Excel's day number 45663
		"第 7–8 行 B 列是合并单元格：每行都按“2025-01-06”读取"} {
		if !strings.Contains(xls, want) {
			t.Errorf("XLS lacks %q:\n%s", want, xls)
		}
	}
}

// markupOf writes a workbook's first sheet again as platforms export "Excel"
// that is none: kind "html", a GBK web page of one table (inside a layout
// table, beside a smaller one), merges as rowspan and colspan, the covered
// cells left out; kind "xml", Excel 2003's XML Spreadsheet, empty cells
// skipped by ss:Index, merges as ss:MergeAcross and ss:MergeDown.
func markupOf(t *testing.T, xlsx []byte, kind string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetList()[0]
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	merges, _ := f.GetMergeCells(sheet)
	type span struct{ down, across int }
	spans := map[[2]int]span{}
	covered := map[[2]int]bool{}
	for _, m := range merges {
		c0, r0, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		spans[[2]int{r0 - 1, c0 - 1}] = span{r1 - r0, c1 - c0}
		for r := r0 - 1; r < r1; r++ {
			for c := c0 - 1; c < c1; c++ {
				if r != r0-1 || c != c0-1 {
					covered[[2]int{r, c}] = true
				}
			}
		}
	}
	var b strings.Builder
	if kind == "html" {
		b.WriteString(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>导出</title></head><body>` +
			`<table><tr><td>登记台账导出</td><td>共 7 条</td></tr></table><table width="100%"><tr><td><table border="1">`)
		for r, row := range rows {
			b.WriteString("<tr>")
			for c := 0; c < 10; c++ {
				if covered[[2]int{r, c}] {
					continue
				}
				v := ""
				if c < len(row) {
					v = row[c]
				}
				attrs := ""
				if s, ok := spans[[2]int{r, c}]; ok {
					attrs = fmt.Sprintf(` rowspan="%d" colspan="%d"`, s.down+1, s.across+1)
				}
				fmt.Fprintf(&b, "<td%s>%s</td>", attrs, v)
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</table></td></tr></table></body></html>")
		gbk, err := simplifiedchinese.GBK.NewEncoder().String(b.String())
		if err != nil {
			t.Fatal(err)
		}
		return []byte(gbk)
	}
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><?mso-application progid="Excel.Sheet"?>` +
		`<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="登记"><Table>`)
	for r, row := range rows {
		if len(row) == 0 {
			continue // the next row says its index
		}
		fmt.Fprintf(&b, `<Row ss:Index="%d">`, r+1)
		for c, v := range row {
			if covered[[2]int{r, c}] || v == "" {
				continue
			}
			attrs := fmt.Sprintf(` ss:Index="%d"`, c+1)
			if s, ok := spans[[2]int{r, c}]; ok {
				attrs += fmt.Sprintf(` ss:MergeAcross="%d" ss:MergeDown="%d"`, s.across, s.down)
			}
			typ := "String"
			if _, err := strconv.ParseFloat(v, 64); err == nil {
				typ = "Number"
			}
			fmt.Fprintf(&b, `<Cell%s><Data ss:Type="%s">%s</Data></Cell>`, attrs, typ, v)
		}
		b.WriteString("</Row>")
	}
	b.WriteString("</Table></Worksheet></Workbook>")
	return []byte(b.String())
}

// wordRegister writes a workbook's first sheet as a Word table after a
// paragraph: its title row one cell across the table and the header's merge
// across 申请人 as gridSpan, a paragraph of sign-off after the table; layout
// puts it all in a cell of a layout table.
func wordRegister(t *testing.T, xlsx []byte, layout bool) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(f.GetSheetList()[0], excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	// merges down one column: w:vMerge, "restart" at the first cell
	down := map[[2]int]string{}
	merges, _ := f.GetMergeCells(f.GetSheetList()[0])
	for _, m := range merges {
		c0, r0, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		if c0 == c1 && r1 > r0 {
			down[[2]int{r0 - 1, c0 - 1}] = `<w:vMerge w:val="restart"/>`
			for r := r0; r < r1; r++ {
				down[[2]int{r, c0 - 1}] = `<w:vMerge/>`
			}
		}
	}
	var b strings.Builder
	b.WriteString(testdoc.Paragraph("附件1") + "<w:tbl>")
	for r, row := range rows {
		b.WriteString("<w:tr>")
		for c := 0; c < 10; c++ {
			v := ""
			if c < len(row) {
				v = row[c]
			}
			switch {
			case r == 0: // the title across the table
				b.WriteString(`<w:tc><w:tcPr><w:gridSpan w:val="10"/></w:tcPr>` + testdoc.Paragraph(v) + `</w:tc>`)
				c = 10
			case r == 1 && c == 3: // 申请人 over 类型、姓名、证件号码
				b.WriteString(`<w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr>` + testdoc.Paragraph(v) + `</w:tc>`)
				c += 2
			case down[[2]int{r, c}] != "":
				b.WriteString("<w:tc><w:tcPr>" + down[[2]int{r, c}] + "</w:tcPr>" + testdoc.Paragraph(v) + "</w:tc>")
			default:
				b.WriteString("<w:tc>" + testdoc.Paragraph(v) + "</w:tc>")
			}
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>" + testdoc.Paragraph("填表人：张办理"))
	if layout { // inside a page's layout table, beside its menu
		return testdoc.Docx(t, "<w:tbl><w:tr><w:tc>"+testdoc.Paragraph("首页")+"</w:tc><w:tc>"+b.String()+"</w:tc></w:tr></w:tbl>")
	}
	return testdoc.Docx(t, b.String())
}

// A register kept as a table in a Word document — LibreOffice's DOCX, Word
// 97 DOC, ODT and RTF of one (testdata/import: a title paragraph, the table, a
// sign-off paragraph) — is read as its table, rows numbered as the table's.
// Before, a DOCX was "无法作为 XLSX 打开" and a DOC "旧的 .xls 格式".
func TestRegisterInWord(t *testing.T) {
	for _, file := range []string{"台账-word.docx", "台账-word97.doc", "台账-writer.odt", "台账-word.rtf"} {
		t.Run(file, func(t *testing.T) {
			sh, m := readMapped(t, file, readTestdata(t, file), "")
			rows, bad := sh.Parse(m)
			var got []string
			for _, r := range rows {
				on, _, _ := r.Intake.ReceiptDate()
				got = append(got, fmt.Sprintf("%s %s %s %s", r.Where(), on, r.Intake.Applicant.Name, r.Outcome))
			}
			// (the second application's 申请人类型 is 表三's heading, not a
			// type: said at its row and column, as from a workbook)
			want := []string{"第 2 行 2025-01-03 王某 disclosed", "第 4 行 2025-03-03 李某 "}
			if !slices.Equal(got, want) || len(bad) != 1 || !strings.HasPrefix(bad[0].String(), "第 3 行 D 列（申请人类型）：申请人类型“法人或其他组织”是表三的大类") {
				t.Errorf("rows %q, problems %v; want %q", got, bad, want)
			}
		})
	}
	if _, err := importer.ReadFile("说明.docx", testdoc.Docx(t, testdoc.Paragraph("本台账按月登记。")), ""); err == nil || !strings.Contains(err.Error(), "没有表格") {
		t.Errorf("a document without a table: %v", err)
	}
}

// A register kept in Word 97 (.doc) with a date and a channel merged down
// two rows (台账-word97-merged.doc: LibreOffice's DOC of a page whose table
// has rowspan="2" on them; 台账-word-merged.rtf its RTF of that DOC;
// 台账-writer-merged.odt its ODT of the page): both rows read the merged
// values, and the preview says so, as from a workbook. Before, the second
// row's 收到日期 was empty (the merges were not read: a DOC's sprmTDefTable
// TC80 vertMerge, an RTF's \clvmrg, an ODT's covered cells under
// table:number-rows-spanned).
func TestRegisterInWord97WithMerges(t *testing.T) {
	for _, file := range []string{"台账-word97-merged.doc", "台账-word-merged.rtf", "台账-writer-merged.odt"} {
		t.Run(file, func(t *testing.T) { registerWithMerges(t, file) })
	}
}

func registerWithMerges(t *testing.T, file string) {
	sh, m := readMapped(t, file, readTestdata(t, file), "")
	rows, bad := sh.Parse(m)
	var got []string
	for _, r := range rows {
		on, _, _ := r.Intake.ReceiptDate()
		got = append(got, fmt.Sprintf("%s %s %s %s", r.Where(), on, r.Intake.Channel, r.Intake.Applicant.Name))
	}
	want := []string{"第 2 行 2025-01-03 online 王某", "第 3 行 2025-01-06 letter_signed 赵某", "第 4 行 2025-01-06 letter_signed 钱某"}
	if !slices.Equal(got, want) || len(bad) != 0 {
		t.Errorf("rows %q, problems %v; want %q", got, bad, want)
	}
	if notes := strings.Join(m.Notes, "\n"); !strings.Contains(notes, "第 3–4 行 B 列是合并单元格：每行都按“2025-01-06”读取") {
		t.Errorf("notes %q", m.Notes)
	}
}

// A register workbook whose first sheet is hidden (a template's lookup
// lists for its drop-downs, as clerks' templates keep them) reads its first
// sheet that is shown, and the whole workbook leaves the hidden one out; a
// hidden sheet named is read. XLSX (excelize), XLS (testdoc) and ODS
// (LibreOffice's of the XLSX: 台账-2025-hidden-lists.ods). Before, the
// hidden lists were read as the register and no header was found.
func TestHiddenSheetOfLists(t *testing.T) {
	src := readTestdata(t, "台账-2025.xlsx")
	f, err := excelize.OpenReader(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	first := f.GetSheetList()[0]
	rows, err := f.GetRows(first, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	lists := [][]string{{"申请方式", "申请人类型", "答复结果"}, {"当面", "自然人", "予以公开"}, {"信函", "商业企业", "部分公开"}}
	if _, err := f.NewSheet("字典"); err != nil {
		t.Fatal(err)
	}
	for r, row := range lists {
		for c, v := range row {
			ax, _ := excelize.CoordinatesToCellName(c+1, r+1)
			f.SetCellValue("字典", ax, v)
		}
	}
	if err := f.MoveSheet("字典", first); err != nil {
		t.Fatal(err)
	}
	f.SetActiveSheet(1)
	if err := f.SetSheetVisible("字典", false); err != nil {
		t.Fatal(err)
	}
	var xlsx bytes.Buffer
	if err := f.Write(&xlsx); err != nil {
		t.Fatal(err)
	}
	xls := testdoc.XLS(t, testdoc.XLSOptions{}, testdoc.XLSSheet{Name: "字典", Rows: lists, Hidden: true}, testdoc.XLSSheet{Name: "台账", Rows: rows})
	for name, data := range map[string][]byte{"台账.xlsx": xlsx.Bytes(), "台账.xls": xls, "台账.ods": readTestdata(t, "台账-2025-hidden-lists.ods")} {
		sh, m := readMapped(t, name, data, "")
		if got, _ := sh.Parse(m); len(got) == 0 {
			t.Errorf("%s: no row read from the sheet shown", name)
		}
		all, err := importer.ReadFile(name, data, importer.AllSheets)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := all.MapSchema(importer.Fields, nil); err != nil {
			t.Errorf("%s, every sheet: %v", name, err)
		}
		named, err := importer.ReadFile(name, data, "字典")
		if err != nil {
			t.Fatal(err)
		}
		if len(named.Rows) != 3 || named.Rows[1][0] != "当面" {
			t.Errorf("%s, the hidden sheet named: %q", name, named.Rows)
		}
	}
}

// A workbook whose cells all hold one long shared string is refused before
// excelize copies the string into every cell: 22 000 cells of 12 KB, a
// 49 KB file, were 264 MB of text, each copy kept (508 MB allocated).
func TestXLSXSharedTextBounded(t *testing.T) {
	rows := make([][]string, 2200)
	for i := range rows {
		rows[i] = slices.Repeat([]string{strings.Repeat("公开 ", 3000)}, 10)
	}
	b := testdoc.XLSX(t, rows)
	// the same with each cell's index written as text that is no number,
	// which excelize reads as string 0 (uncounted before: 2.9 GB)
	unnumbered := testdoc.RewritePart(t, b, "xl/worksheets/sheet1.xml", func(x string) string {
		return strings.ReplaceAll(x, "<v>0</v>", "<v>x</v>")
	})
	for _, data := range [][]byte{b, unnumbered} {
		var err error
		a := testdoc.Allocated(func() { _, err = importer.ReadFile("登记.xlsx", data, "") })
		if err == nil || !strings.Contains(err.Error(), "单元格的文字合计超过 256 MB") {
			t.Errorf("err = %v, want too large", err)
		}
		if a>>20 > 64 {
			t.Errorf("%d MB allocated for a file of %d KB", a>>20, len(data)>>10)
		}
	}
}

// A register whose rows each hold a value in their last column is a grid of
// millions of empty cells from a few KB: excelize and the XLS reader lay out
// the cells before a row's last (16 384 to column XFD), and excelize's model
// of the sheet, loaded to read its merged ranges, took hundreds of bytes a
// cell (a 22 KB XLSX: 14 GB). The cells laid out are counted (an XLSX's
// before excelize reads it), and past 16 000 000 the file is refused with
// why; so is an ODS row repeated into as many. A register within the bound
// keeps only its 200 columns: before, each row kept the 16 384 it was read as.
func TestWorkbookGridBounded(t *testing.T) {
	wide := func(n int) []byte {
		rows := make([][]string, n)
		for i := range rows {
			rows[i] = []string{"x"}
		}
		return testdoc.RewritePart(t, testdoc.XLSX(t, rows), "xl/worksheets/sheet1.xml", func(x string) string {
			return strings.ReplaceAll(x, "</c></row>", `</c><c r="XFD1"><v>1</v></c></row>`) // each row's value also in column XFD
		})
	}
	row := make([]string, 256)
	row[255] = "1" // column IV, the last of an XLS
	repeated := `<table:table table:name="a"><table:table-row table:number-rows-repeated="100000">` + strings.Repeat(odsCell("x"), 200) + `</table:table-row></table:table>`
	for _, c := range []struct {
		name string
		data []byte
		mb   uint64
	}{
		{"登记.xlsx", wide(1000), 64},      // (16 384 000 cells)
		{"登记.ods", ods(t, repeated), 64}, // (20 000 000 cells: 380 MB at its peak before)
		{"登记.xls", testdoc.XLS(t, testdoc.XLSOptions{}, testdoc.XLSSheet{Name: "a", Rows: slices.Repeat([][]string{row}, 1<<16)}), 400}, // (16 777 216 cells: laid out to the bound)
	} {
		var err error
		a := testdoc.Allocated(func() { _, err = importer.ReadFile(c.name, c.data, "") })
		if err == nil || !strings.Contains(err.Error(), "单元格") {
			t.Errorf("%s: err = %v, want too many cells", c.name, err)
		}
		if a>>20 > c.mb {
			t.Errorf("%s: %d MB allocated for a file of %d KB", c.name, a>>20, len(c.data)>>10)
		}
	}

	// an XLSX of 2 000 001 shared strings, each empty (a 10 KB file), is
	// refused before excelize keeps 200 bytes and more for each (the check
	// keeps 8)
	strs := testdoc.RewritePart(t, testdoc.XLSX(t, [][]string{{"申请人"}}), "xl/sharedStrings.xml", func(x string) string {
		return strings.Replace(x, "</sst>", strings.Repeat("<si/>", 2_000_000)+"</sst>", 1)
	})
	var serr error
	if a := testdoc.Allocated(func() { _, serr = importer.ReadFile("登记.xlsx", strs, "") }); serr == nil || !strings.Contains(serr.Error(), "不同文字超过 200 万条") || a>>20 > 128 {
		t.Errorf("2 000 001 shared strings: %v, %d MB allocated", serr, a>>20)
	}

	// the parts excelize reads whole are bounded: 300 000 cell formats
	// (<xf/>), 1 001 sheets listed
	book := testdoc.XLSX(t, [][]string{{"申请人"}})
	var sheets strings.Builder
	for i := range 1001 {
		fmt.Fprintf(&sheets, `<sheet name="S%d" sheetId="%d" r:id="rId4"/>`, i, i+2)
	}
	for what, data := range map[string][]byte{
		"300 000 formats": testdoc.RewritePart(t, book, "xl/styles.xml", func(x string) string {
			return strings.Replace(x, "</cellXfs>", strings.Repeat("<xf/>", 300000)+"</cellXfs>", 1)
		}),
		"1 001 sheets": testdoc.RewritePart(t, book, "xl/workbook.xml", func(x string) string {
			return strings.Replace(x, "</sheets>", sheets.String()+"</sheets>", 1)
		}),
	} {
		var err error
		if a := testdoc.Allocated(func() { _, err = importer.ReadFile("登记.xlsx", data, "") }); err == nil || a>>20 > 16 {
			t.Errorf("%s: %v, %d MB allocated", what, err, a>>20)
		}
	}

	// 300 such rows (4 915 200 cells) are read, and keep 200 columns each
	data := wide(300)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	sh, err := importer.ReadFile("登记.xlsx", data, "")
	runtime.GC()
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if len(sh.Rows) != 300 || len(sh.Rows[0]) != 200 || sh.Rows[0][0] != "x" {
		t.Fatalf("read %d rows, the first %d cells", len(sh.Rows), len(sh.Rows[0]))
	}
	if kept := int64(after.HeapAlloc) - int64(before.HeapAlloc); kept > 16<<20 {
		t.Errorf("%d MB kept for 300 rows of 200 columns", kept>>20)
	}
	runtime.KeepAlive(sh)
}
