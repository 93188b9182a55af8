package report_test

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/richardlehane/mscfb"

	"gongkai/internal/report"
	"gongkai/internal/testdoc"
)

// A report published as a legacy Excel workbook (.xls, or WPS's .et) reads
// as its XLSX does, whoever wrote it: Excel 97's BIFF8 with its shared
// strings cut across records (a string's characters too), with rich text
// and phonetic runs, or Excel 95's BIFF5 in GBK. Before, every .xls was
// refused ("无法直接读取"). LibreOffice's own .xls is in TestSpreadsheets.
func TestLegacyWorkbooks(t *testing.T) {
	for file, want := range map[string]func() *report.Report{"lo-calc-2021.xlsx": truth, "lo-calc-2019.xlsx": truth2019} {
		src := readFile(t, filepath.Join(auditDir, file))
		for name, opt := range map[string]testdoc.XLSOptions{
			"excel97": {},
			"cut":     {Chunk: 23, RichText: true},
			"excel95": {BIFF5: true},
		} {
			t.Run(file+"/"+name, func(t *testing.T) {
				readsAsSource(t, "报告.xls", testdoc.XLSOf(t, src, opt), want(), nil)
			})
		}
	}
}

// A legacy workbook that cannot be read says why, in the words of the
// thing to do.
func TestLegacyWorkbookNotRead(t *testing.T) {
	for what, c := range map[string]struct {
		data []byte
		said string
	}{
		"password": {testdoc.XLS(t, testdoc.XLSOptions{FilePass: true}, testdoc.XLSSheet{Name: "a", Rows: [][]string{{"x"}}}), "打开密码"},
		"excel 4":  {testdoc.Compound(t, testdoc.Stream{Path: "Workbook", Data: []byte{0x09, 0x04, 6, 0, 0, 0, 0x10, 0, 0, 0}}), "Excel 4.0 以前"},
		"damaged":  {testdoc.Compound(t, testdoc.Stream{Path: "Workbook", Data: []byte("not a workbook")}), "损坏"},
	} {
		if _, err := report.Read("报告.xls", c.data); err == nil || !strings.Contains(err.Error(), c.said) || !strings.Contains(err.Error(), "另存为") && what != "password" {
			t.Errorf("%s: %v", what, err)
		}
	}
}

// A Word 97 document with a worksheet pasted into it as an object holds
// that workbook in a storage of its own (ObjectPool/_…/Workbook): it is
// read as the document it is. Before, it was refused as a workbook.
func TestDocWithEmbeddedWorkbook(t *testing.T) {
	doc := readFile(t, filepath.Join(auditDir, "word97-2021.doc"))
	cf, err := mscfb.New(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	var streams []testdoc.Stream
	for e, err := cf.Next(); err == nil; e, err = cf.Next() {
		if len(e.Path) > 0 || e.FileInfo().IsDir() {
			continue // (the document has no storage of its own)
		}
		b, err := io.ReadAll(e)
		if err != nil {
			t.Fatal(err)
		}
		streams = append(streams, testdoc.Stream{Path: e.Name, Data: b})
	}
	book := testdoc.XLS(t, testdoc.XLSOptions{}, testdoc.XLSSheet{Name: "Sheet1", Rows: [][]string{{"嵌入的表格", "1"}}})
	embedded := append([]testdoc.Stream{{Path: "ObjectPool/_1274362310/Workbook", Data: testdoc.StreamOf(t, book, "Workbook")},
		{Path: "ObjectPool/_1274362310/\x01Ole", Data: make([]byte, 20)}}, streams...)
	want, got := audit(t, "报告.doc", doc), audit(t, "报告.doc", testdoc.Compound(t, embedded...))
	sameReport(t, want, got)
	if len(got.Findings) != len(want.Findings) {
		t.Errorf("%d findings, the document alone %d", len(got.Findings), len(want.Findings))
	}
}

// gongkai's own XLSX of the seed report's tables, saved as XLS by
// LibreOffice: the report is named by the title property LibreOffice keeps
// (as UTF-8), and its tables read as the report's. Before, its agency and
// year were 未识别.
func TestOwnExportSavedAsXLS(t *testing.T) {
	want, err := report.Load(examplePath, readFile(t, examplePath))
	if err != nil {
		t.Fatal(err)
	}
	got := audit(t, "lo-own-export-2024.xls", readFile(t, filepath.Join(auditDir, "lo-own-export-2024.xls")))
	if d := cmp.Diff(tables(want), tables(got)); d != "" {
		t.Errorf("tables (-want +got):\n%s", d)
	}
}

// A DOCX whose 表三 is a worksheet pasted as an object (Word's 粘贴为 Microsoft
// Excel 工作表对象: the document holds its picture and, as a part of its own,
// the workbook, an XLSX, or an XLS for an Excel 97–2003 object) reads the
// table from the workbook. Before, the table was not read (the report lacked
// 表三). An object that is no workbook (a PDF) is not read.
func TestDOCXEmbeddedWorksheet(t *testing.T) {
	want := truth()
	document := docxDocument(t, want)
	// 表三 as the text's tab lines: from its header to 结转下年度
	src := strings.Split(textOf(t, want), "\n")
	first := slices.IndexFunc(src, func(l string) bool { return strings.Contains(l, "申请人情况") })
	last := slices.IndexFunc(src, func(l string) bool { return strings.HasPrefix(l, "四、结转下年度继续办理") })
	if first < 0 || last < first {
		t.Fatalf("表三 not found in the text: %d %d", first, last)
	}
	// (its title property names the report, as gongkai's export writes it: not
	// a second title in the middle of the document)
	sheet := workbook(t, strings.Join(src[first:last+1], "\n"), "示例市生态环境局2024年政府信息公开工作年度报告")
	tbl := regexp.MustCompile(`(?s)<w:tbl>.*?</w:tbl>`)
	k := 0
	replaced := tbl.ReplaceAllStringFunc(document, func(tb string) string {
		if !strings.Contains(tb, "本年新收政府信息公开申请数量") {
			return tb
		}
		k++
		return `<w:p><w:r><w:object w:dxaOrig="9000" w:dyaOrig="6000"><v:shape id="_x0000_i1025" type="#_x0000_t75" xmlns:v="urn:schemas-microsoft-com:vml"><v:imagedata r:id="rId90" xmlns:r="r"/></v:shape>` +
			`<o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" Type="Embed" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025" DrawAspect="Content" ObjectID="_1796543210" r:id="rId91"/></w:object></w:r></w:p>`
	})
	if k != 1 {
		t.Fatalf("%d tables replaced", k)
	}
	rels := `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.emf"/>` +
		`<Relationship Id="rId91" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="embeddings/%s"/></Relationships>`
	pkg := func(part string, data []byte) []byte {
		return testdoc.Zip(t, testdoc.Part{Name: "[Content_Types].xml", Content: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Default Extension="emf" ContentType="image/x-emf"/><Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>` +
			`<Default Extension="xls" ContentType="application/vnd.ms-excel"/><Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
			testdoc.Part{Name: "_rels/.rels", Content: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
			testdoc.Part{Name: "word/document.xml", Content: replaced},
			testdoc.Part{Name: "word/_rels/document.xml.rels", Content: fmt.Sprintf(rels, part)},
			testdoc.Part{Name: "word/media/image1.emf", Content: "EMF"},
			testdoc.Part{Name: "word/embeddings/" + part, Content: string(data)})
	}
	readsAsSource(t, "xlsx.docx", pkg("Microsoft_Excel_Worksheet1.xlsx", sheet), want, nil)
	readsAsSource(t, "xls.docx", pkg("Microsoft_Excel_97-2003_Worksheet1.xls", testdoc.XLSOf(t, sheet, testdoc.XLSOptions{})), want, nil)
	// a PDF embedded where the table was: no table, and none of its text
	r := audit(t, "pdf.docx", pkg("oleObject1.bin", readFile(t, filepath.Join(auditDir, "lo-2021.pdf"))))
	if v := r.Applications["new"][6].String(); v != "" {
		t.Errorf("a PDF object read as the table: %v", r.Applications["new"])
	}
}
