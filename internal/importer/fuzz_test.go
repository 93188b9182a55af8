package importer_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/clock"
	"gongkai/internal/importer"
	"gongkai/internal/org"
	"gongkai/internal/report"
	"gongkai/internal/testdoc"
	"gongkai/internal/workday"
)

// FuzzXLSX feeds arbitrary bytes to the XLSX reader (a ZIP of XML from any
// converter): nothing panics, and what reads maps and parses.
func FuzzXLSX(f *testing.F) {
	good := register(f, [][]any{
		{"2025-001", 45660, "网上申请", "自然人", "王某", "11010519491231002X", "13800000000", "学区划分方案", "2025年1月20日", "予以公开"},
		{"2025-002", "2025/2/10", "挂号信", "企业", "某科技有限公司", "91110000100011743X", "", "招标文件", "", ""},
	})
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add(bytes.Replace(good, []byte("sheet1"), []byte("sheet9"), 1))
	f.Add([]byte("PK\x03\x04"))
	// merged cells, in an archive stored without compression so that the
	// fuzzer can reach the ranges' text
	mf, _ := excelize.OpenReader(bytes.NewReader(good))
	mf.MergeCell("Sheet1", "B4", "B5")
	mf.MergeCell("Sheet1", "H5", "G4")
	var mb bytes.Buffer
	mf.Write(&mb)
	f.Add(storedZip(f, mb.Bytes()))
	// the same register as a legacy XLS (ReadFile reads both by content)
	f.Add(testdoc.XLSOf(f, mb.Bytes(), testdoc.XLSOptions{Chunk: 40}))
	// and as an OpenDocument spreadsheet, stored so that its XML can be reached
	f.Add(storedZip(f, readTestdata(f, "台账-2025-libreoffice.ods")))
	// as a table in Word documents
	f.Add(storedZip(f, readTestdata(f, "台账-word.docx")))
	f.Add(readTestdata(f, "台账-word97.doc"))
	f.Add(readTestdata(f, "台账-word.rtf"))
	f.Add(readTestdata(f, "台账-word97-merged.doc"))
	f.Add(readTestdata(f, "台账-word-merged.rtf"))
	f.Add(storedZip(f, readTestdata(f, "台账-writer-merged.odt")))
	// and as a platform's "Excel" that is a web page or an XML Spreadsheet
	f.Add([]byte(`<table><tr><td rowspan="3" colspan="2">收到日期</td><td>申请人</td></tr><tr><td>王某</td></tr></table>`))
	f.Add([]byte(`<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet Name="a"><Table><Row Index="3"><Cell Index="2" MergeDown="2"><Data Type="String">x</Data></Cell></Row></Table></Worksheet></Workbook>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, sheet := range []string{"", importer.AllSheets} { // the first sheet, and the workbook whole
			sh, err := importer.ReadFile("f.xlsx", data, sheet)
			if err != nil {
				if sh != nil {
					t.Fatal("sheet and error")
				}
				continue
			}
			m, err := sh.Map(nil)
			if err != nil {
				continue
			}
			rows, _ := sh.Parse(m)
			importer.Cases(rows, casework.Actor{Name: "f", Role: casework.Approver}, now, casework.DefaultConfig(), workday.Default())
		}
	})
}

// FuzzLedger feeds arbitrary CSV to the decision and fee ledger parser:
// nothing panics, and every row either parses or is reported with its line.
func FuzzLedger(f *testing.F) {
	f.Add([]byte("决定书文号,作出决定日期,行政相对人,事项\n卫教许〔2025〕1号,2025-03-05,某学校,办学许可\n"))
	f.Add([]byte("类别,收费日期,缴费人,收费项目,收费金额\n行政事业性收费,2025-05-06,某公司,考试费,\"1,200.50\"\n收费,2025-06-01,某人,证书工本费,99.5元\n"))
	f.Add([]byte("类别,日期,金额\n罚款,2025年13月1日,-1\n,,\n\"未闭合"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sh, err := importer.ReadFile("f.csv", data, "")
		if err != nil {
			return
		}
		m, err := sh.MapSchema(importer.DecisionFields, nil)
		if err != nil {
			return
		}
		for _, kind := range []string{"", "licensing", "fee"} {
			ds, bad := sh.ParseDecisions(m, kind)
			for _, d := range ds {
				if d.Line < 1 || d.Key == "" {
					t.Fatalf("a decision without its line or key: %+v", d)
				}
			}
			for _, e := range bad {
				if e.Row < 1 || e.String() == "" {
					t.Fatalf("a problem without its row: %+v", e)
				}
			}
		}
	})
}

// FuzzPosts feeds arbitrary CSV to the reader of a platform's export of
// posts: nothing panics, and every row is either a date or an error.
func FuzzPosts(f *testing.F) {
	f.Add("群发时间,标题\n2024-03-05 10:21:33,开学第一课\n2024/3/6,读书月\n")
	f.Add("发布时间\n45660\n昨天\n")
	f.Add("发布时间\n2024-03-04T20:00:00Z\n2024-03-05T09:30+0800\n2024-02-30T01:00:00+08:00\n")
	f.Fuzz(func(t *testing.T, data string) {
		sh, err := importer.ReadFile("f.csv", []byte(data), "")
		if err != nil {
			return
		}
		sh.Loc = clock.Shanghai() // instants with an offset read too
		m, err := sh.MapSchema(importer.PostFields, nil)
		if err != nil {
			return
		}
		dates, bad := sh.PostDates(m)
		rows := 0
		for i := m.HeaderRow + 1; i < len(sh.Rows); i++ {
			if len(bytes.TrimSpace([]byte(joined(sh.Rows[i])))) > 0 {
				rows++
			}
		}
		if len(dates)+len(bad) != rows {
			t.Fatalf("%d rows, %d dates, %d errors", rows, len(dates), len(bad))
		}
	})
}

func joined(r []string) string {
	var b bytes.Buffer
	for _, c := range r {
		b.WriteString(c)
	}
	return b.String()
}

func TestPostExport(t *testing.T) {
	sh, err := importer.ReadFile("导出.csv", []byte("序号,文章标题,群发时间,阅读数\n1,开学第一课,2024-03-05 10:21:33,120\n2,读书月,2024/3/6,80\n3,错,三月七日,1\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	m, err := sh.MapSchema(importer.PostFields, nil)
	if err != nil {
		t.Fatal(err)
	}
	dates, bad := sh.PostDates(m)
	if len(dates) != 2 || dates[0] != workday.MustDate("2024-03-05") || len(bad) != 1 || bad[0].Row != 4 || bad[0].Column != "C" ||
		!bytes.Contains([]byte(bad[0].String()), []byte("群发时间")) {
		t.Errorf("dates %v errors %v", dates, bad)
	}
}

// FuzzDocuments feeds arbitrary CSV to the reader of normative-document
// ledgers: nothing panics, every row is a document or has a problem with
// its row, and every document read is valid.
func FuzzDocuments(f *testing.F) {
	f.Add("文件名称,文号,类型,印发日期,有效期至,修订日期,状态\n甲办法,甲〔2024〕1号,规章,2024-01-02,2029-01-01,\"2025-01-01、2025-06-01\",有效\n")
	f.Add("标题\n文件名称,文号,印发日期,废止日期\n乙,乙1,2024年1月2日,2023-01-01\n丙,乙1,45660,\n")
	f.Fuzz(func(t *testing.T, data string) {
		sh, err := importer.ReadFile("f.csv", []byte(data), "")
		if err != nil {
			return
		}
		m, err := sh.MapSchema(importer.DocumentFields, nil)
		if err != nil {
			return
		}
		docs, bad := sh.ParseDocuments(m, catalog.Normative)
		for _, d := range docs {
			if err := d.Validate(); err != nil {
				t.Fatalf("an invalid document was read: %+v: %v", d, err)
			}
		}
		for _, e := range bad {
			if e.Row < 1 || e.Reason == "" {
				t.Fatalf("a problem without its row: %+v", e)
			}
		}
	})
}

// storedZip rewrites an archive with every member stored, not deflated.
func storedZip(t testing.TB, data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, r); err != nil {
			t.Fatal(err)
		}
		r.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// A list of agencies: never a panic; every agency read has a name and a
// known level, every problem its row.
func FuzzAgencies(f *testing.F) {
	f.Add([]byte("机关名称,级别,上级机关,复议机关,文号前缀\n甲局,县级人民政府部门,,甲县人民政府,甲依公\n乙局,county_department,甲局,,\n"))
	f.Add([]byte("单位,层级\n,部门\n甲,甲\n甲,乡镇人民政府\n\"未闭合"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sh, err := importer.ReadFile("f.csv", data, "")
		if err != nil {
			return
		}
		m, err := sh.MapSchema(importer.AgencyFields, nil)
		if err != nil {
			return
		}
		rows, bad := sh.ParseAgencies(m)
		for _, r := range rows {
			if r.Line < 1 || r.Agency.Name == "" || report.LevelName(r.Agency.Level) == "" {
				t.Fatalf("an agency without its line, name or level: %+v", r)
			}
		}
		for _, e := range bad {
			if e.Row < 1 || e.String() == "" {
				t.Fatalf("a problem without its row: %+v", e)
			}
		}
	})
}

// A list of users: never a panic; every user read has a line and a known
// role, every problem its row.
func FuzzUsers(f *testing.F) {
	f.Add([]byte("机关,用户名,姓名,角色,电子邮箱\n甲局,u1,张,办理人,a@b.cn\n甲局,u1,李,admin,\n"))
	f.Add([]byte("单位,账号,姓名,权限\n,,,\n甲,,,办事员\n\"未闭合"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sh, err := importer.ReadFile("f.csv", data, "")
		if err != nil {
			return
		}
		m, err := sh.MapSchema(importer.UserFields, nil)
		if err != nil {
			return
		}
		rows, bad := sh.ParseUsers(m)
		for _, r := range rows {
			if r.Line < 1 || org.RoleName(r.Role) == string(r.Role) {
				t.Fatalf("a user without its line or role: %+v", r)
			}
		}
		for _, e := range bad {
			if e.Row < 1 || e.String() == "" {
				t.Fatalf("a problem without its row: %+v", e)
			}
		}
	})
}

// readTestdata is a file of testdata/import.
func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "import", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
