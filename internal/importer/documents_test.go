package importer_test

import (
	"strings"
	"testing"

	"gongkai/internal/catalog"
	"gongkai/internal/importer"
)

// A 规范性文件清理台账 as agencies keep it: a title row above the header,
// their own column names, dates in several spellings, several 修订 in one
// cell. Every problem is reported at its row and column, and nothing is
// guessed: a 状态 of 废止 without its date, a 有效期 of “5年”, a 文号 twice. A
// 有效期 of 长期有效 has no end; one written from … to … ends at its end.
func TestParseDocuments(t *testing.T) {
	csv := "示例区教育局规范性文件清理台账,,,,,,,\n" +
		"序号,文件名称,发文字号,类型,印发日期,有效期至,修改日期,状态,备注\n" +
		"1,示例区义务教育招生管理办法,示教规〔2023〕1号,行政规范性文件,2023年3月1日,2028-02-29,\"2024-05-01、2025/6/1\",有效,\n" +
		"2,示例区校外培训管理规定,示教规〔2020〕2号,规范性文件,2020-06-01,,,废止,已清理\n" +
		"3,示例区教育收费办法,示教规〔2021〕3号,行政规范性文件,2021-01-05,5年,,有效,\n" +
		"4,示例区教育督导规定,示政令〔2022〕1号,政府规章,2022-04-01,,,有效,\n" +
		"5,重复的文件,示教规〔2023〕1号,行政规范性文件,2023-05-01,,,有效,\n" +
		"6,类型不明的文件,示教规〔2024〕6号,通知,2024-01-01,,,有效,\n" +
		"7,没有日期的文件,示教规〔2024〕7号,行政规范性文件,,,,有效,\n" +
		"8,有效期早于印发,示教规〔2024〕8号,行政规范性文件,2024-03-01,2024-01-01,,有效,\n" +
		"9,长期有效的文件,示教规〔2024〕9号,行政规范性文件,2024-03-01,长期有效,,有效,\n" +
		"10,写了起止的文件,示教规〔2024〕10号,行政规范性文件,2024-03-01,2024年4月1日至2029年3月31日,,有效,\n"
	sh := mapped(t, csv, importer.DocumentFields)
	docs, bad := sh.ParseDocuments(sh.m, "")
	if len(docs) != 4 {
		t.Fatalf("docs %+v", docs)
	}
	if docs[2].ExpiresOn != nil || docs[3].ExpiresOn == nil || docs[3].ExpiresOn.String() != "2029-03-31" {
		t.Errorf("长期有效 and a term from … to …: %v %v", docs[2].ExpiresOn, docs[3].ExpiresOn)
	}
	d := docs[0]
	if d.Kind != catalog.Normative || d.DocNo != "示教规〔2023〕1号" || d.IssuedOn.String() != "2023-03-01" || d.ExpiresOn == nil ||
		d.ExpiresOn.String() != "2028-02-29" || len(d.Amended) != 2 || d.Amended[1].String() != "2025-06-01" {
		t.Errorf("first: %+v", d)
	}
	if docs[1].Kind != catalog.Rule || docs[1].DocNo != "示政令〔2022〕1号" {
		t.Errorf("the 规章: %+v", docs[1])
	}
	var got []string
	for _, e := range bad {
		got = append(got, e.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"第 4 行 H 列（状态）：状态为“废止”，但没有废止日期",
		"第 5 行 F 列（有效期至）：“5年”不是日期",
		"第 7 行 C 列（发文字号）：文号“示教规〔2023〕1号”与第 3 行重复",
		"第 8 行 D 列（类型）：类型“通知”无法识别",
		"第 9 行 E 列（印发日期）：请填写印发日期",
		"第 10 行 F 列（有效期至）：有效期至（2024-01-01）早于印发日期（2024-03-01）",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in\n%s", want, all)
		}
	}
	if len(bad) != 6 {
		t.Errorf("%d problems:\n%s", len(bad), all)
	}
	// without a 类型 column, the kind given applies; without either, each row says so
	sh = mapped(t, "文件名称,文号,发布日期\n甲办法,甲〔2024〕1号,2024-01-02\n", importer.DocumentFields)
	m := sh.m
	if docs, bad := sh.ParseDocuments(m, catalog.Rule); len(docs) != 1 || docs[0].Kind != catalog.Rule || len(bad) != 0 {
		t.Errorf("given kind: %+v %v", docs, bad)
	}
	if _, bad := sh.ParseDocuments(m, ""); len(bad) != 1 || !strings.Contains(bad[0].Reason, "没有文件类型") {
		t.Errorf("no kind: %v", bad)
	}
}
