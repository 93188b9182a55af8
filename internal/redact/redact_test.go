package redact

import (
	"strings"
	"testing"

	"gongkai/internal/errs"
	"gongkai/internal/testdoc"
)

const (
	id      = "11010519491231002X" // a valid 居民身份证号码 (check character X)
	badID   = "110105194912310021" // its check character wrong
	aMobile = "13912345678"
)

func TestTextCovered(t *testing.T) {
	all := Options{IDNumbers: true, Mobiles: true, Emails: true, Terms: []string{"张三", "幸福路8号"}}
	for _, c := range []struct {
		name, in, want string
		opt            Options
		ids, mobiles   int
	}{
		{"identity number", "身份证号" + id + "，", "身份证号" + Mark + "，", all, 1, 0},
		{"full-width identity number", "证号１１０１０５１９４９１２３１００２Ｘ。", "证号" + Mark + "。", all, 1, 0},
		{"wrong check character: not a number of a person", "编号" + badID, "编号" + badID, all, 0, 0},
		{"mobile", "电话" + aMobile + "或139-1234-5678、139 1234 5678", "电话" + Mark + "或" + Mark + "、" + Mark, all, 0, 3},
		{"a landline and a longer number are not mobiles", "电话0373-1234567，账号139123456789", "电话0373-1234567，账号139123456789", all, 0, 0},
		{"a code among letters is not a number of a person", "批次AB13912345678C", "批次AB13912345678C", all, 0, 0},
		{"e-mail", "邮箱 zhang.san@example.com.cn 联系", "邮箱 " + Mark + " 联系", all, 0, 0},
		{"named words, each time", "张三住幸福路8号，张三的邻居", Mark + "住" + Mark + "，" + Mark + "的邻居", all, 0, 0},
		{"only what is asked", "张三 " + aMobile, "张三 " + Mark, Options{Mobiles: true}, 0, 1},
		{"overlapping ranges are one mark", "联系人张三13912345678", "联系人" + Mark, Options{Mobiles: true, Terms: []string{"张三1"}}, 0, 1},
		{"a name in Latin letters, in any case", "Zhang San、ZHANG SAN、zhang san", Mark + "、" + Mark + "、" + Mark, Options{Terms: []string{"zhang San"}}, 0, 0},
		{"dates and 文号 stay", "卫教体依公〔2026〕12号，2026年11月24日，第20260001号", "卫教体依公〔2026〕12号，2026年11月24日，第20260001号", all, 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := File("a.txt", []byte(c.in), c.opt)
			if err != nil {
				t.Fatal(err)
			}
			if string(r.Data) != c.want || r.IDNumbers != c.ids || r.Mobiles != c.mobiles {
				t.Errorf("got %q (ids %d, mobiles %d), want %q (%d, %d)", r.Data, r.IDNumbers, r.Mobiles, c.want, c.ids, c.mobiles)
			}
		})
	}
}

func TestSummary(t *testing.T) {
	r, err := File("a.txt", []byte("张三"+aMobile+"，张三，"+id), Options{IDNumbers: true, Mobiles: true, Emails: true, Terms: []string{"张三", "李四"}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Summary(), "区分处理：已遮盖身份证号码 1 处、手机号码 1 处、指定文字 2 处（2 项中 1 项未找到）"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	if strings.Contains(r.Summary(), "张三") || strings.Contains(r.Summary(), "李四") {
		t.Error("the summary names a covered word")
	}
	r, _ = File("a.txt", []byte("没有个人信息"), Options{Mobiles: true, Terms: []string{"李四"}})
	if got, want := r.Summary(), "区分处理：未找到需要遮盖的内容（指定文字 1 项均未找到）"; got != want || r.Total() != 0 {
		t.Errorf("summary %q, want %q", got, want)
	}
}

func TestRefused(t *testing.T) {
	for _, c := range []struct {
		name  string
		data  []byte
		opt   Options
		where string
	}{
		{"a.txt", []byte("x"), Options{}, "redact"},
		{"a.pdf", []byte("%PDF-1.7"), Options{Mobiles: true}, "file"},
		{"a.doc", []byte{0xD0, 0xCF, 0x11, 0xE0}, Options{Mobiles: true}, "file"},
		{"a.txt", []byte{0xff, 0xfe, 'a'}, Options{Mobiles: true}, "file"},
		{"a.docx", []byte("PK\x03\x04 not a zip"), Options{Mobiles: true}, "file"},
		{"a.docx", zipOf(t, map[string]string{"xl/workbook.xml": "<x/>"}), Options{Mobiles: true}, "file"},
	} {
		_, err := File(c.name, c.data, c.opt)
		if err == nil || errs.KindOf(err) != errs.Invalid || errs.Fields(err)[c.where] == "" {
			t.Errorf("%s %q: %v, want an error at %s", c.name, c.data[:min(len(c.data), 8)], err, c.where)
		}
	}
	if _, err := CleanTerms(strings.Repeat("长", MaxTermLen+1)); err == nil {
		t.Error("a term too long is taken")
	}
	terms, err := CleanTerms(" 张三 \n\n李四\r\n张三\n")
	if err != nil || strings.Join(terms, "|") != "张三|李四" {
		t.Errorf("terms %q %v", terms, err)
	}
}

// A Word document: a name split over runs is found, in the body, a table,
// a header, a comment, a tracked deletion and the properties; the markup
// and every other part stay as they were.
func TestDocxCovered(t *testing.T) {
	body := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		`<w:p><w:r><w:t>申请人</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>张</w:t></w:r><w:r><w:t xml:space="preserve">三 电话139</w:t></w:r><w:r><w:t>12345678。</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>张</w:t></w:r></w:p><w:p><w:r><w:t>三是另一段的开头 &amp; &lt;标记&gt;</w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>` + id + `</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:p><w:del><w:r><w:delText>删去的张三</w:delText></w:r></w:del></w:p>` +
		`<w:p><w:fldSimple w:instr="HYPERLINK &quot;mailto:zhangsan@example.cn&quot;"><w:r><w:t>写信</w:t></w:r></w:fldSimple></w:p>` +
		`<w:p><w:r><w:drawing><wp:docPr id="1" name="图片 1" descr="张三的身份证照片"/></w:drawing></w:r></w:p>` +
		`</w:body></w:document>`
	data := zipOf(t, map[string]string{
		"[Content_Types].xml":                            `<Types/>`,
		"word/document.xml":                              body,
		"word/header1.xml":                               `<w:hdr xmlns:w="w"><w:p><w:r><w:t>抄送张三</w:t></w:r></w:p></w:hdr>`,
		"word/comments.xml":                              `<w:comments xmlns:w="w"><w:comment><w:p><w:r><w:t>问张三</w:t></w:r></w:p></w:comment></w:comments>`,
		"docProps/core.xml":                              `<cp:coreProperties><dc:title>张三的申请</dc:title><dc:creator>办公室</dc:creator></cp:coreProperties>`,
		"word/media/image1.png":                          "\x89PNG",
		"word/diagrams/data1.xml":                        `<dgm:dataModel><dgm:ptLst><dgm:pt><dgm:t><a:p><a:r><a:t>联系人张三</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>`,
		"word/embeddings/Microsoft_Excel_Worksheet.xlsx": "PK",
		"word/_rels/document.xml.rels":                   `<Relationships><Relationship Id="rId1" Type="http://x/image" Target="media/image1.png"/><Relationship Id="rId2" Type="http://x/hyperlink" Target="mailto:zhangsan@example.cn" TargetMode="External"/></Relationships>`,
	})
	r, err := File("答复.docx", data, Options{IDNumbers: true, Mobiles: true, Emails: true, Terms: []string{"张三"}})
	if err != nil {
		t.Fatal(err)
	}
	parts := testdoc.Parts(t, r.Data)
	doc := parts["word/document.xml"]
	for _, want := range []string{
		`<w:t>申请人</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>` + Mark + `</w:t></w:r><w:r><w:t xml:space="preserve"> 电话` + Mark + `</w:t></w:r><w:r><w:t>。</w:t>`,
		`<w:t>张</w:t></w:r></w:p><w:p><w:r><w:t>三是另一段的开头 &amp; &lt;标记&gt;</w:t>`, // two paragraphs: not one name
		`<w:tc><w:p><w:r><w:t>` + Mark + `</w:t>`,
		`<w:delText>删去的` + Mark + `</w:delText>`,
		`w:instr="HYPERLINK &quot;mailto:` + Mark + `&quot;"`, // a field's code
		`descr="` + Mark + `的身份证照片"`,                          // a picture's alternative text
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the body lacks %s:\n%s", want, doc)
		}
	}
	for name, want := range map[string]string{"word/header1.xml": "抄送" + Mark, "word/comments.xml": "问" + Mark, "docProps/core.xml": Mark + "的申请",
		"word/diagrams/data1.xml": "<a:t>联系人" + Mark + "</a:t>", "word/_rels/document.xml.rels": `Target="mailto:` + Mark + `" TargetMode="External"`} {
		if !strings.Contains(parts[name], want) || strings.Contains(parts[name], "张三") {
			t.Errorf("%s: %s", name, parts[name])
		}
	}
	if parts["word/media/image1.png"] != "\x89PNG" || parts["[Content_Types].xml"] != "<Types/>" || len(parts) != 9 || !strings.Contains(parts["word/_rels/document.xml.rels"], `Target="media/image1.png"`) {
		t.Errorf("the other parts changed: %q", parts)
	}
	if r.Terms[0] != 7 || r.Mobiles != 1 || r.IDNumbers != 1 || r.Emails != 2 || r.Pictures != 1 || r.Embedded != 1 {
		t.Errorf("counts: %+v", r)
	}
	for name, text := range parts {
		if strings.Contains(text, "张三") || strings.Contains(text, id) || strings.Contains(text, "12345678") || strings.Contains(text, "zhangsan") {
			t.Errorf("%s still holds what was covered", name)
		}
	}
	if !strings.Contains(r.Summary(), "1 张图片里的文字未检查") || !strings.Contains(r.Summary(), "1 个嵌入的对象") {
		t.Errorf("summary %q", r.Summary())
	}
}

// A document whose parts inflate beyond the bound is refused, not read.
func TestDocxBounded(t *testing.T) {
	huge := strings.Repeat("<w:p/>", (maxPartSize/6)+2)
	_, err := File("a.docx", zipOf(t, map[string]string{"word/document.xml": huge}), Options{Mobiles: true})
	if err == nil || errs.KindOf(err) != errs.Invalid {
		t.Errorf("a part over %d MB: %v", maxPartSize>>20, err)
	}
}

func FuzzFile(f *testing.F) {
	f.Add([]byte("张三 13912345678 "+id), true)
	f.Add(zipOf(f, map[string]string{"word/document.xml": `<w:p><w:r><w:t>张</w:t></w:r><w:r><w:t>三&#x5f20;&bad;</w:t></w:r></w:p><!-- c --><![CDATA[x]]><w:t`}), false)
	f.Fuzz(func(t *testing.T, data []byte, text bool) {
		name := "a.docx"
		if text {
			name = "a.txt"
		}
		r, err := File(name, data, Options{IDNumbers: true, Mobiles: true, Emails: true, Terms: []string{"张三"}})
		if err != nil {
			return
		}
		if text && strings.Contains(string(r.Data), "张三") {
			t.Errorf("张三 left in %q", r.Data)
		}
	})
}

// zipOf is a ZIP of the parts, in a fixed order.
func zipOf(t testing.TB, parts map[string]string) []byte {
	var ps []testdoc.Part
	for _, name := range []string{"[Content_Types].xml", "word/document.xml", "word/header1.xml", "word/comments.xml", "docProps/core.xml", "word/media/image1.png",
		"word/diagrams/data1.xml", "word/embeddings/Microsoft_Excel_Worksheet.xlsx", "word/_rels/document.xml.rels", "xl/workbook.xml"} {
		if content, ok := parts[name]; ok {
			ps = append(ps, testdoc.Part{Name: name, Content: content})
		}
	}
	return testdoc.Zip(t, ps...)
}
