package office

import (
	"fmt"
	"strings"

	"gongkai/internal/workday"
)

// Circular is what a supervising office's 通报 on a year's annual reports
// says: where each agency's report stands and what its checks found.
type Circular struct {
	Year  int
	From  string // the supervising office
	Today workday.Date
	Rows  []CircularRow
}

// CircularRow is one agency in the 通报.
type CircularRow struct {
	Agency           string
	Status           string // 已报送, 已保存未报送, 逾期未报, 未开始, 已发布（导入）
	Late             bool
	Checked          bool // its checks are counted (a report saved or read)
	Errors, Warnings int
}

// CircularDoc is a draft 通报 of the year's reports (Word or PDF), for the
// supervising office to edit and issue: the counts, the agencies late, the
// reports whose checks found errors, and a place for its requirements.
func CircularDoc(c Circular) *Doc {
	title := fmt.Sprintf("关于%d年度政府信息公开工作年度报告报送情况的通报", c.Year)
	d := &Doc{Title: title}
	d.add(StyleTitle, title)
	d.add(StyleAddress, "各有关单位：")
	count := map[string]int{}
	var late []string
	errTable := &Table{Widths: []float64{4, 1, 1}, FontSize: 12}
	errTable.Rows = append(errTable.Rows, []Cell{hdr("单位", 1, 1), hdr("错误", 1, 1), hdr("警告", 1, 1)})
	for _, r := range c.Rows {
		count[r.Status]++
		if r.Late {
			late = append(late, r.Agency)
		}
		if r.Checked && r.Errors > 0 {
			errTable.Rows = append(errTable.Rows, []Cell{{Text: r.Agency, Cols: 1, Rows: 1, Left: true},
				{Text: fmt.Sprint(r.Errors), Cols: 1, Rows: 1}, {Text: fmt.Sprint(r.Warnings), Cols: 1, Rows: 1}})
		}
	}
	parts := []string{}
	for _, st := range []string{"已报送", "已保存未报送", "逾期未报", "未开始", "已发布（导入）"} {
		if n := count[st]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 个", st, n))
		}
	}
	d.add(StyleBody, fmt.Sprintf("根据《中华人民共和国政府信息公开条例》第四十九条的规定，现将%d年度政府信息公开工作年度报告报送情况通报如下。截至%s，应报送单位 %d 个，其中%s。",
		c.Year, c.Today.Chinese(), len(c.Rows), strings.Join(parts, "，")))
	d.add(StyleHeading1, "一、逾期未报送的单位")
	if len(late) == 0 {
		d.add(StyleBody, "无。")
	} else {
		d.add(StyleBody, strings.Join(late, "、")+"。")
	}
	d.add(StyleHeading1, "二、报告经检查存在错误的单位")
	if len(errTable.Rows) == 1 {
		d.add(StyleBody, "无。")
	} else {
		d.add(StyleBody, "以下单位的报告经按国家格式检查（表格勾稽关系、正文与表格数字一致性等），存在错误，请对照报告汇总中的检查结果逐项核改：")
		d.Blocks = append(d.Blocks, Block{Table: errTable})
	}
	d.add(StyleHeading1, "三、有关要求")
	d.add(StyleBody, "（请在此填写整改要求和时限。）")
	d.add(StyleSign, c.From)
	d.add(StyleSign, c.Today.Chinese())
	return d
}
