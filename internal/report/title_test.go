package report_test

import (
	"strings"
	"testing"

	"gongkai/internal/report"
)

// Titles as agencies write them give the agency and the year, both when
// the file is identified (a directory's grouping) and when it is read.
func TestTitleVariants(t *testing.T) {
	var b strings.Builder
	renderText(t, &b, truth())
	body := b.String()
	body = body[strings.Index(body, "\n"):]
	for _, title := range []string{
		"示例市生态环境局2024年政府信息公开工作年度报告",
		"示例市生态环境局2024年度政府信息公开工作年度报告",
		"示例市生态环境局\n2024年政府信息公开工作年度报告", // the agency on a line of its own
		"示例市生态环境局关于2024年政府信息公开工作的年度报告",
		"2024年示例市生态环境局政府信息公开工作年度报告",
		"示例市生态环境局二〇二四年政府信息公开工作年度报告",
		"示例市生态环境局二○二四年政府信息公开工作年度报告", // ○, the circle typed for 〇
		"示例市生态环境局二O二四年度政府信息公开工作年度报告",
		"示例市生态环境局二零二四年政府信息公开工作年度报告",
		"示例市生态环境局 2024 年政府信息公开工作年度报告",
		"《示例市生态环境局2024年政府信息公开工作年度报告》",
		"示例市生态环境局　2024　年政府信息公开工作年度报告", // centred with wide spaces
		"示例市生态环境局政府信息公开工作2024年度报告",    // as ministries write it
		"示例市生态环境局政府信息公开工作年度报告（2024年）",
		"示例市生态环境局政府信息公开工作年度报告(2024)",
		"示例市生态环境局2024年政府信息公开年报",
		"示例市生态环境局关于2024年度政府信息公开工作情况的报告",
	} {
		data := []byte(title + body)
		if a, y := report.Identify("x.txt", data); a != "示例市生态环境局" || y != 2024 {
			t.Errorf("Identify(%q) = %q %d", title, a, y)
		}
		r, err := report.Read("x.txt", data)
		if err != nil {
			t.Fatal(err)
		}
		if r.Agency != "示例市生态环境局" || r.Year != 2024 {
			t.Errorf("Read(%q) = %q %d", title, r.Agency, r.Year)
		}
	}
	// a title without its year: the agency from the title, the year from the text
	for _, title := range []string{"示例市生态环境局政府信息公开工作年度报告", "示例市生态环境局关于政府信息公开工作年度报告"} {
		r, err := report.Read("x.txt", []byte(title+body))
		if err != nil {
			t.Fatal(err)
		}
		if r.Agency != "示例市生态环境局" || r.Year != 2024 {
			t.Errorf("Read(%q) = %q %d", title, r.Agency, r.Year)
		}
	}
	// a people's government's title says 政府 twice: the first is its own
	title := "示例市人民政府政府信息公开工作2024年度报告"
	if a, y := report.Identify("x.txt", []byte(title+body)); a != "示例市人民政府" || y != 2024 {
		t.Errorf("Identify(%q) = %q %d", title, a, y)
	}
}
