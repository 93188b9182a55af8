package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Rule is one named check. The table below is the only place rules are defined;
// ids are stable (report-model.md §2), messages are Chinese and state numbers.
type Rule struct {
	ID       string
	Title    string // a short Chinese name, shown with the id
	Severity Severity
	Doc      string // what the rule checks, in Chinese, for --help and docs
	NeedPrev bool   // runs only when last year's report is given
	fn       func(c *ctx)
}

// Rules lists every check in the order findings are reported.
var Rules = []Rule{
	{"PARSE.TABLE", "表格无法读取", SevWarning, "表格无法读取，其单元格记为空", false, nil},
	{"PARSE.AMBIGUOUS", "数字无法拆分", SevWarning, "数字连在一起且有多种拆分都满足表内勾稽关系，相关单元格记为空", false, nil},
	{"PARSE.TEXT", "文字无法还原", SevWarning, "文件中的汉字有多处读成了西文字母（PDF 字体的编码无法还原为文字）或都变成了问号（另存或转换时用了不能表示中文的编码），各部分、正文和文字不检查", false, nil},
	{"PARSE.MANY", "文件中有多份报告", SevWarning, "文件中有多份报告（汇编）：审核时逐份审核，一个文件超过 500 份的部分未审核；只读取一份时（导入往年报告、report check）其后的报告未读取", false, nil},
	{"PARSE.READ", "读取方式说明", SevInfo, "原文与模板不完全相同时的读法（行名有字丢失、连在一起的数字只有一种拆法但不合计），供人工核对", false, nil},
	{"S.MISSING", "缺少部分或表格", SevError, "缺少六个部分之一，或缺少表二、表三、表四", false, checkMissing},
	{"S.FORMAT", "表格格式与年度不符", SevWarning, "报告使用的表格格式与报告年度不符（2021 年起用国办公开办函〔2021〕30号格式，2019、2020 年用试行格式）；按实际使用的表格读取", false, nil},
	{"S.ORDER", "部分顺序不对", SevWarning, "六个部分的顺序与格式不一致", false, checkOrder},
	{"CELL.INVALID", "数值无效", SevError, "单元格为负数、小数或非数字；金额不是数字", false, checkInvalid},
	{"CELL.BLANK", "应填未填", SevWarning, "格式要求填数字的单元格为空白", false, checkBlank},
	{"T3.ROWSUM", "表三行合计不符", SevError, "表三每行：总计 = 六类申请人之和", false, checkRowSum},
	{"T3.OUTCOMES", "表三办理结果合计不符", SevError, "表三每列：（七）总计 = （一）至（六）各项之和", false, checkOutcomes},
	{"T3.BALANCE", "表三收结平衡不符", SevError, "表三每列：本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理", false, checkBalance},
	{"T4.SUM", "表四合计不符", SevError, "表四每组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结", false, checkT4},
	{"S.LENGTH", "总体情况过长", SevWarning, "第一部分“总体情况”超过一千字（格式要求原则上不超过一千字）", false, checkLength},
	{"S.FEES", "未说明收费情况", SevWarning, "第六部分未说明是否收取信息处理费", false, checkFees},
	{"S.PERIOD", "统计期间不符", SevWarning, "正文所写的统计期间或年度与报告年度不一致", false, checkPeriod},
	{"N.TABLE", "正文与表格不一致", SevWarning, "正文中的数字（收到申请、复议、诉讼、收费）与表格不一致", false, checkNarrative},
	{"N.PROACTIVE", "正文与表二不一致", SevWarning, "第一部分所写的规章、行政规范性文件本年制发、本年废止、现行有效件数，或作出的行政许可、行政处罚、行政强制决定数，与表二不一致", false, checkProactiveNarrative},
	{"X.CARRY", "上年结转不符", SevWarning, "本年“上年结转”与上年报告的“结转下年度继续办理”不一致", true, checkCarry},
	{"X.IN_FORCE", "现行有效件数不符", SevWarning, "现行有效件数 ≠ 上年现行有效 + 本年制发 − 本年废止", true, checkInForce},
	{"X.SAME_TEXT", "与上年雷同", SevWarning, "第五部分与上年报告雷同（格式禁止年年照抄）", true, checkSameText},
	{"X.SAME_YEAR", "同年度报告不一致", SevWarning, "一次审核的文件中，同一机关同一年度的两份报告（如网页与附件、更正前后的版本）表格中的数字不一致，或使用的格式不同", false, nil},
	{"REC.MISMATCH", "与记录不符", SevWarning, "报告中的数字与本机关在系统中的记录（规范性文件、决定和收费台账、申请、复议诉讼）不一致", false, nil},
	{"PUB.DIFF", "与系统中的报告不一致", SevWarning, "发布的报告文件中的数字与本系统中保存（报送）的该机关该年度报告不一致", false, nil},
	{"TXT.LATIN", "中文中混入英文", SevWarning, "中文正文中混入英文单词", false, checkLatin},
	{"TXT.GARBLED", "正文中有乱码", SevWarning, "正文中留有乱码（锟斤拷、烫烫烫、屯屯屯）：原文的字在转换或保存中丢失", false, checkGarbled},
	{"TXT.SPACE", "多余空格", SevInfo, "两个汉字之间多余的空格", false, checkSpace},
	{"TXT.NUMBERING", "序号重复或跳号", SevWarning, "序号重复或跳号（一是、二是…；（一）（二）…）", false, checkNumbering},
	{"TXT.DOUBLE", "字或标点重复", SevWarning, "正文中重复的“的的”或连用的标点（。。，，、，）", false, checkDouble},
	{"TXT.TITLEMARK", "书名号不成对", SevWarning, "正文中的书名号《》不成对（缺《或》，或《》内又用了《》）", false, checkTitleMarks},
	{"TXT.PLACEHOLDER", "模板占位符未替换", SevWarning, "标题或正文中留有模板的占位符（XX局、××年、X月X日、请填写…）", false, checkPlaceholder},
	{"TXT.HIDDEN", "留有修订、批注或隐藏内容", SevWarning, "Word、WPS、RTF、Excel 或 PDF 文件中留有未接受的修订（删除的文字仍在文件中）、批注，或设为隐藏的文字、行、列、工作表：页面上看不到，打开修订或批注、取消隐藏或复制、转换时会出现；按显示的内容审核", false, nil},
}

type ctx struct {
	r, prev *Report
	rule    *Rule
	out     []Finding
	n       int              // findings of the current rule
	lines   map[string][]int // section key → byte offsets of its line starts
}

// maxPerRule bounds the findings one rule lists for one report: a file of
// 40 000 stray spaces gets 50 and a count, not 40 000 lines.
const maxPerRule = 50

func (c *ctx) add(cell string, line int, format string, args ...any) {
	c.n++
	if c.n > maxPerRule {
		return
	}
	msg := fmt.Sprintf(format, args...)
	if c.r.Meta.OCR && (strings.HasPrefix(c.rule.ID, "T3.") || strings.HasPrefix(c.rule.ID, "T4.")) {
		msg += "（本文件是文字识别的结果，也可能是数字识别有误，请对照原件核对）"
	}
	c.out = append(c.out, Finding{Rule: c.rule.ID, Severity: c.rule.Severity, Cell: cell, Line: line, Message: msg})
}

// Check runs every rule on r (and the cross-year rules when prev is given) and
// stores the findings in r.Findings, reading problems first.
func Check(r, prev *Report) []Finding {
	c := &ctx{r: r, prev: prev}
	for i := range Rules {
		rule := &Rules[i]
		for _, f := range r.Meta.Parse {
			if f.Rule == rule.ID {
				c.out = append(c.out, f)
			}
		}
		if rule.fn == nil || (rule.NeedPrev && prev == nil) {
			continue
		}
		if r.Meta.Scrambled && (strings.HasPrefix(rule.ID, "S.") || strings.HasPrefix(rule.ID, "N.") || strings.HasPrefix(rule.ID, "TXT.")) {
			continue // sections, sentences and words out of order: nothing to say of them
		}
		c.run(rule)
	}
	r.Findings = c.out
	return c.out
}

// run adds one rule's findings, at most maxPerRule and a count of the rest.
func (c *ctx) run(rule *Rule) {
	c.rule, c.n = rule, 0
	rule.fn(c)
	if c.n > maxPerRule {
		c.out = append(c.out, Finding{Rule: rule.ID, Severity: rule.Severity,
			Message: fmt.Sprintf("另有 %d 处同类问题，未逐一列出", c.n-maxPerRule)})
	}
}

// AddCrossYear runs the cross-year rules (X.*) on a report already checked
// without last year's, and puts their findings where Check(r, prev) would
// have: so a directory can be read once, in any order, and each report
// compared with its predecessor once both are known. r and prev may be
// CrossYearPart()s.
func AddCrossYear(r, prev *Report) {
	if prev == nil {
		return
	}
	c := &ctx{r: r, prev: prev}
	last := -1 // index in Rules of the last cross-year rule
	for i := range Rules {
		if Rules[i].NeedPrev && Rules[i].fn != nil {
			c.run(&Rules[i])
			last = i
		}
	}
	if len(c.out) > 0 {
		insertFindings(r, c.out, last)
	}
}

// insertFindings puts fs among r's findings after those of the rules up to
// Rules[last], keeping the rules' order.
func insertFindings(r *Report, fs []Finding, last int) {
	at := len(r.Findings)
	for j, f := range r.Findings {
		if ruleIndex(f.Rule) > last {
			at = j
			break
		}
	}
	r.Findings = slices.Insert(slices.Clip(r.Findings), at, fs...)
}

var ruleIndexes = sync.OnceValue(func() map[string]int {
	m := make(map[string]int, len(Rules))
	for i, r := range Rules {
		m[r.ID] = i
	}
	return m
})

// ruleIndex is a rule's place in Rules; an unknown id sorts last.
func ruleIndex(id string) int {
	if i, ok := ruleIndexes()[id]; ok {
		return i
	}
	return len(Rules)
}

// CrossYear is what the cross-year rules and a carry-over line need of a
// report, in a few words of memory and no maps: the auditor keeps one for
// every file of a directory until the file's predecessor is known, and the
// garbage collector scans what is kept again and again.
type CrossYear struct {
	Agency, Title string
	Year          int
	Level         Level
	Format        Format
	Findings      []Finding
	section5      string
	has5          bool
	rows          [3]Row  // crossRows
	cells         [6]Cell // crossCells
	hasCell       [6]bool
	lines         [6]int // "5", then crossRows, then proactive.rules, proactive.normative_documents
	hasLine       [6]bool
	yearCells     string // YearCells: to compare two files of one agency and year (X.SAME_YEAR)
}

var (
	crossRows  = [3]string{"new", "carried_in", "carried_forward"}
	crossCells = [6]string{"rules.in_force", "rules.issued", "rules.repealed",
		"normative_documents.in_force", "normative_documents.issued", "normative_documents.repealed"}
	crossLines = [6]string{"5", "new", "carried_in", "carried_forward", "proactive.rules", "proactive.normative_documents"}
)

// CrossYear keeps what the cross-year rules need. The strings are copied:
// read from a file they are slices of its whole text, which they would
// otherwise keep in memory.
func (r *Report) CrossYear() CrossYear {
	c := CrossYear{Agency: strings.Clone(r.Agency), Title: strings.Clone(r.Title), Year: r.Year, Level: r.Level,
		Format: r.Format, Findings: slices.Clip(r.Findings), yearCells: r.YearCells()}
	c.section5, c.has5 = r.Sections["5"]
	c.section5 = strings.Clone(c.section5)
	for i, k := range crossRows {
		c.rows[i] = r.Applications[k]
	}
	for i, k := range crossCells {
		c.cells[i], c.hasCell[i] = r.Proactive.Cells[k]
	}
	for i, k := range crossLines {
		c.lines[i], c.hasLine[i] = r.Meta.Lines[k]
	}
	return c
}

// Report is the small report the cross-year rules and the auditor's output
// read: identity, findings, the carry-over rows, the in-force counts and
// section 五.
func (c *CrossYear) Report() *Report {
	r := &Report{Agency: c.Agency, Year: c.Year, Level: c.Level, Format: c.Format, Title: c.Title,
		Findings: c.Findings, Sections: map[string]string{}, Applications: make(map[string]Row, len(crossRows)), yearCells: c.yearCells}
	if c.has5 {
		r.Sections["5"] = c.section5
	}
	for i, k := range crossRows {
		r.Applications[k] = c.rows[i]
	}
	for i, k := range crossCells {
		if c.hasCell[i] {
			r.Proactive.Set(k, c.cells[i])
		}
	}
	for i, k := range crossLines {
		if c.hasLine[i] {
			r.setLine(k, c.lines[i])
		}
	}
	return r
}

// CrossYearPart is the report reduced to what the cross-year rules read.
func (r *Report) CrossYearPart() *Report {
	c := r.CrossYear()
	return c.Report()
}

// RuleTitle is the Chinese name of a rule (its id when unknown).
func RuleTitle(id string) string {
	if r := RuleByID(id); r != nil {
		return r.Title
	}
	return id
}

// RuleByID returns the rule with id, or nil.
func RuleByID(id string) *Rule {
	for i := range Rules {
		if Rules[i].ID == id {
			return &Rules[i]
		}
	}
	return nil
}

// --- cell naming -------------------------------------------------------------

func t3Cell(key string, col int) string { return "applications." + key + "[" + T3Columns[col] + "]" }

func t3Name(row T3Row, col int) string {
	return "表三“" + row.Group + row.Label + "”" + T3ColumnLabels[col] + "栏"
}

// T2Prefix is the model path of 表二 in the format.
func T2Prefix(f Format) string {
	if f == Format2019 {
		return "proactive_2019."
	}
	return "proactive."
}

func (r *Report) t2Prefix() string { return T2Prefix(r.Format) }

func t4Cell(b, col int) string { return "appeals." + T4Blocks[b].Key + "." + T4Columns[col] }

func t4Name(b, col int) string {
	return "表四“" + T4Blocks[b].Parent + T4Blocks[b].Label + "”" + T4ColumnLabels[col] + "栏"
}

// ambiguous reports whether any of the cells was left null because the reader
// could not decide: identities over unknown cells are not checked.
// anyAmbiguous is ambiguous for cells named only when needed: most reports
// have no ambiguous cell, and naming every cell of every row costs more than
// the check itself (a province's 汇总 checks thousands of reports).
func (r *Report) anyAmbiguous(table string, cells func() []string) bool {
	if len(r.Meta.Ambiguous) == 0 {
		return false
	}
	// the cells' names are built only when that table has an ambiguous
	// cell: a 表二 left null by its glued amounts must not make every
	// 表三 sum build its names
	return r.ambiguousIn(table) && r.ambiguous(cells()...)
}

// ambiguousIn says a cell whose name starts with table ("applications.")
// was left null because the reader could not decide.
func (r *Report) ambiguousIn(table string) bool {
	for k := range r.Meta.Ambiguous {
		if strings.HasPrefix(k, table) {
			return true
		}
	}
	return false
}

func (r *Report) ambiguous(cells ...string) bool {
	if len(r.Meta.Ambiguous) == 0 {
		return false
	}
	for _, c := range cells {
		if r.Meta.Ambiguous[c] {
			return true
		}
	}
	return false
}

// num shows a cell for a message, saying when a blank was counted as 0.
func num(c Cell) string {
	if v, ok := c.Int(); ok {
		return fmt.Sprint(v)
	}
	if c.IsInvalid() {
		return "0（“" + c.Raw() + "”按0计）"
	}
	return "0（空白按0计）"
}

// --- structure ---------------------------------------------------------------

func checkMissing(c *ctx) {
	r := c.r
	if r.Meta.Parsed && r.Meta.Empty {
		// one finding, not nine: this is not the report's text
		msg := "未找到年度报告的任何部分或表格（一、总体情况……表三、表四），这可能不是年度报告的正文"
		switch {
		case r.Meta.Attachment != "":
			msg += "：本页只有附件“" + r.Meta.Attachment + "”，请下载附件后审核该文件（按网址审核时会自动读取附件）"
		case r.Meta.Scripted:
			msg += "：网页文件中没有正文，正文可能由网页脚本在浏览器中加载：请在浏览器中打开该网页，复制正文或“另存为”完整网页后审核"
		}
		c.add("sections", 0, "%s", msg)
		return
	}
	for _, s := range Sections {
		if _, ok := r.Sections[s.Key]; ok {
			if s.Key == "1" || s.Key == "5" || s.Key == "6" {
				if trimSpace(r.Sections[s.Key]) == "" {
					c.add("sections."+s.Key, r.Line(s.Key), "第%s部分“%s”没有内容", s.Key, s.Heading)
				}
			}
			continue
		}
		if r.Meta.Parsed && (r.Meta.Tables[s.Key] || r.Meta.Unreadable[s.Key]) {
			continue // its heading worded otherwise, but its table is there (read, or its headers): the section is
		}
		if r.Meta.TablesOnly && (s.Key == "1" || s.Key == "5" || s.Key == "6") {
			continue // a workbook of the tables: said once by the reader
		}
		if r.Meta.Parsed || s.Key == "1" || s.Key == "5" || s.Key == "6" {
			c.add("sections."+s.Key, 0, "缺少第%s部分“%s”", s.Key, s.Heading)
		}
	}
	for _, k := range []string{"2", "3", "4"} {
		if said := r.Meta.Instead[k]; said != "" && !r.Meta.Tables[k] {
			where := "国家格式要求照列此表，没有的项填 0"
			if hasText(said, "附") { // 详见附表1: the tables in a file of their own
				where = "表格如在另一个文件（附件）中，请一并审核该文件；国家格式要求在报告中照列此表"
			}
			c.add("", r.Line(k), "缺少%s：第%s部分只写了“%s”，没有表格；%s", tableNames[k], sectionNumerals[k], said, where)
		} else if !r.Meta.Tables[k] && !r.Meta.Unreadable[k] {
			c.add("", r.Line(k), "缺少%s", tableNames[k])
		}
	}
}

func checkOrder(c *ctx) {
	o := c.r.Meta.Order
	for i := 1; i < len(o); i++ {
		if o[i] < o[i-1] {
			c.add("sections."+o[i], c.r.Line(o[i]), "第%s部分出现在第%s部分之后，顺序应为一至六", o[i], o[i-1])
			return
		}
	}
}

// --- cells -------------------------------------------------------------------

// yuanAdvice: an amount written in 元 where the column counts 万元.
func yuanAdvice(raw string) string {
	if strings.HasSuffix(strings.TrimSpace(raw), "元") {
		return "（本栏单位为万元：如 15000 元填 1.5）"
	}
	return ""
}

// markAdvice is what to write instead of a mark (“/”, “—”, “无”) put where
// the format asks for a number, or of a list typed with Chinese commas.
func markAdvice(raw string) string {
	if isPlaceholder(raw) {
		return "：格式要求填写数字，没有的填 0"
	}
	if raw == "一" {
		// a cell of its own among numbers: an OCR's dash, or a clerk's 一 for 1
		return "：可能是占位的“—”被识别成了“一”（文字识别的 PDF 或图片），也可能是数字 1；格式要求填写阿拉伯数字，没有的填 0，请对照原文核对"
	}
	if cnSeparated(raw) {
		return "：几项之间用了中文逗号“，”或顿号“、”，被读成了一项，请改用英文逗号“,”"
	}
	return ""
}

func checkInvalid(c *ctx) {
	r := c.r
	for _, it := range r.Format.T2Items() {
		counts := make([]Cell, len(it.Cells)) // (an amount's place left empty)
		for i, k := range it.Cells {
			if len(it.Money) <= i || !it.Money[i] {
				counts[i] = r.Proactive.Cell(it.Key + "." + k)
			}
		}
		marks := placeholderCells(counts)
		for i, k := range it.Cells {
			p := it.Key + "." + k
			line := r.Line("proactive." + it.Key)
			if cols := marks[counts[i].Raw()]; len(cols) > 1 {
				if cols[0] == i {
					nums := make([]string, len(cols))
					for n, col := range cols {
						nums[n] = strconv.Itoa(col + 1)
					}
					which := "第 " + strings.Join(nums, "、") + " "
					if len(cols) == len(it.Cells) {
						which = "各"
					}
					c.add(r.t2Prefix()+it.Key, line, "表二“%s”%s栏填的是“%s”，不是整数%s", it.Label, which, counts[i].Raw(), markAdvice(counts[i].Raw()))
				}
				continue
			}
			if len(it.Money) > i && it.Money[i] {
				a := r.Proactive.Amount(p)
				if a.IsInvalid() {
					c.add(r.t2Prefix()+p, line, "表二“%s”金额“%s”不是数字，应填写如 0 或 12.5 的金额%s", it.Label, a.raw, yuanAdvice(a.raw))
				} else if a.Negative() {
					c.add(r.t2Prefix()+p, line, "表二“%s”金额 %s 为负数", it.Label, a.text)
				}
				continue
			}
			cl := r.Proactive.Cell(p)
			signed := len(it.Signed) > i && it.Signed[i]
			if cl.IsInvalid() {
				c.add(r.t2Prefix()+p, line, "表二“%s”第 %d 栏“%s”不是整数%s", it.Label, i+1, cl.Raw(), markAdvice(cl.Raw()))
			} else if v, ok := cl.Int(); ok && v < 0 && !signed {
				c.add(r.t2Prefix()+p, line, "表二“%s”第 %d 栏为负数 %d：件数不能为负", it.Label, i+1, v)
			}
		}
	}
	for _, row := range r.Format.T3Rows() {
		v := r.Applications[row.Key]
		marks := placeholderCells(v[:])
		for i, cl := range v {
			if cols := marks[cl.Raw()]; len(cols) > 1 {
				if cols[0] == i { // a mark in several of the row's cells: said once, as CELL.BLANK says blanks
					c.add("applications."+row.Key, r.Line(row.Key), "表三“%s%s”%s栏填的是“%s”，不是整数%s", row.Group, row.Label, columnNames(T3ColumnLabels, cols), cl.Raw(), markAdvice(cl.Raw()))
				}
			} else if cl.IsInvalid() {
				c.add(t3Cell(row.Key, i), r.Line(row.Key), "%s“%s”不是整数%s", t3Name(row, i), cl.Raw(), markAdvice(cl.Raw()))
			} else if n, ok := cl.Int(); ok && n < 0 {
				c.add(t3Cell(row.Key, i), r.Line(row.Key), "%s为负数 %d：申请件数不能为负", t3Name(row, i), n)
			}
		}
	}
	for b := range r.Appeals {
		marks := placeholderCells(r.Appeals[b][:])
		for j, cl := range r.Appeals[b] {
			if cols := marks[cl.Raw()]; len(cols) > 1 {
				if cols[0] == j {
					c.add("appeals."+T4Blocks[b].Key, r.Line("appeals"), "表四“%s%s”%s栏填的是“%s”，不是整数%s", T4Blocks[b].Parent, T4Blocks[b].Label, columnNames(T4ColumnLabels, cols), cl.Raw(), markAdvice(cl.Raw()))
				}
			} else if cl.IsInvalid() {
				c.add(t4Cell(b, j), r.Line("appeals"), "%s“%s”不是整数%s", t4Name(b, j), cl.Raw(), markAdvice(cl.Raw()))
			} else if n, ok := cl.Int(); ok && n < 0 {
				c.add(t4Cell(b, j), r.Line("appeals"), "%s为负数 %d：案件数不能为负", t4Name(b, j), n)
			}
		}
	}
}

// placeholderCells finds the marks (—, /, 无) written for 0 in a row's
// cells: each mark, the columns it stands in.
func placeholderCells(cells []Cell) map[string][]int {
	var out map[string][]int
	for i, cl := range cells {
		if cl.IsInvalid() && isPlaceholder(cl.Raw()) {
			if out == nil {
				out = map[string][]int{}
			}
			out[cl.Raw()] = append(out[cl.Raw()], i)
		}
	}
	return out
}

// columnNames names the columns of a row: 商业企业、科研机构, or 各 for
// every one.
func columnNames(labels []string, cols []int) string {
	if len(cols) == len(labels) {
		return "各"
	}
	names := make([]string, len(cols))
	for k, i := range cols {
		names[k] = labels[i]
	}
	return strings.Join(names, "、")
}

// checkBlank reports blanks one row at a time: a report that leaves the whole
// 总计 column empty gets one finding per row, not a finding per cell.
func checkBlank(c *ctx) {
	r := c.r
	if r.Meta.Tables["2"] {
		for _, it := range r.Format.T2Items() {
			for i, k := range it.Cells {
				p := it.Key + "." + k
				blank := r.Proactive.Cell(p).Blank()
				if len(it.Money) > i && it.Money[i] {
					blank = r.Proactive.Amount(p).Blank()
				}
				if blank && !r.ambiguous(r.t2Prefix()+p) {
					c.add(r.t2Prefix()+p, r.Line("proactive."+it.Key), "表二“%s”第 %d 栏为空白，应填写数字（没有的填 0）", it.Label, i+1)
				}
			}
		}
	}
	if r.Meta.Tables["3"] {
		for _, row := range r.Format.T3Rows() {
			v := r.Applications[row.Key]
			var cols []string
			first := -1
			for i, cl := range v {
				if cl.Blank() && !r.ambiguous(t3Cell(row.Key, i)) {
					cols = append(cols, T3ColumnLabels[i])
					if first < 0 {
						first = i
					}
				}
			}
			if len(cols) == 0 {
				continue
			}
			cell := "applications." + row.Key
			if len(cols) == 1 {
				cell = t3Cell(row.Key, first)
			}
			c.add(cell, r.Line(row.Key), "表三“%s%s”%s栏为空白，应填写数字（没有的填 0）", row.Group, row.Label, strings.Join(cols, "、"))
		}
	}
	if r.Meta.Tables["4"] {
		for b := range r.Appeals {
			var cols []string
			for j, cl := range r.Appeals[b] {
				if cl.Blank() && !r.ambiguous(t4Cell(b, j)) {
					cols = append(cols, T4ColumnLabels[j])
				}
			}
			if len(cols) > 0 {
				c.add("appeals."+T4Blocks[b].Key, r.Line("appeals"), "表四“%s%s”%s栏为空白，应填写数字（没有的填 0）",
					T4Blocks[b].Parent, T4Blocks[b].Label, strings.Join(cols, "、"))
			}
		}
	}
}

func allBlank(cells ...Cell) bool {
	for _, c := range cells {
		if !c.Blank() {
			return false
		}
	}
	return true
}

// --- arithmetic --------------------------------------------------------------

func checkRowSum(c *ctx) {
	r := c.r
	if !r.Meta.Tables["3"] {
		return
	}
	for _, row := range r.Format.T3Rows() {
		v := r.Applications[row.Key]
		if allBlank(v[:]...) {
			continue
		}
		if len(r.Meta.Ambiguous) > 0 && r.anyAmbiguous("applications.", func() []string {
			var cells []string
			for i := range v {
				cells = append(cells, t3Cell(row.Key, i))
			}
			return cells
		}) {
			continue
		}
		var sum int64
		for i := 0; i < ColTotal; i++ {
			sum += v[i].Val()
		}
		if sum != v[ColTotal].Val() || (v[ColTotal].Blank() && sum != 0) {
			c.add(t3Cell(row.Key, ColTotal), r.Line(row.Key), "表三“%s%s”：六类申请人之和 %d ≠ 总计 %s",
				row.Group, row.Label, sum, num(v[ColTotal]))
		}
	}
}

func checkOutcomes(c *ctx) {
	r := c.r
	if !r.Meta.Tables["3"] {
		return
	}
	rows := r.Format.T3Rows()
	for col := 0; col < NumCols; col++ {
		var sum int64
		blank := true
		for _, row := range rows {
			if row.Kind == RowOutcome {
				cl := r.Applications[row.Key][col]
				sum += cl.Val()
				blank = blank && cl.Blank()
			}
		}
		tot := r.Applications["total"][col]
		if (blank && tot.Blank()) || len(r.Meta.Ambiguous) > 0 && r.anyAmbiguous("applications.", func() []string {
			cells := []string{t3Cell("total", col)}
			for _, row := range rows {
				if row.Kind == RowOutcome {
					cells = append(cells, t3Cell(row.Key, col))
				}
			}
			return cells
		}) {
			continue
		}
		if sum != tot.Val() {
			c.add(t3Cell("total", col), r.Line("total"), "表三%s栏：办理结果（一）至（六）各项之和 %d ≠ （七）总计 %s",
				T3ColumnLabels[col], sum, num(tot))
		}
	}
}

func checkBalance(c *ctx) {
	r := c.r
	if !r.Meta.Tables["3"] {
		return
	}
	a := r.Applications
	for col := 0; col < NumCols; col++ {
		n, in, tot, out := a["new"][col], a["carried_in"][col], a["total"][col], a["carried_forward"][col]
		if allBlank(n, in, tot, out) || len(r.Meta.Ambiguous) > 0 && r.anyAmbiguous("applications.", func() []string {
			return []string{t3Cell("new", col), t3Cell("carried_in", col), t3Cell("total", col), t3Cell("carried_forward", col)}
		}) {
			continue
		}
		left, right := n.Val()+in.Val(), tot.Val()+out.Val()
		if left != right {
			c.add(t3Cell("total", col), r.Line("carried_forward"),
				"表三%s栏：本年新收 %s + 上年结转 %s = %d，不等于（七）总计 %s + 结转下年度 %s = %d",
				T3ColumnLabels[col], num(n), num(in), left, num(tot), num(out), right)
		}
	}
}

func checkT4(c *ctx) {
	r := c.r
	if !r.Meta.Tables["4"] {
		return
	}
	for b := range r.Appeals {
		v := r.Appeals[b]
		if allBlank(v[:]...) {
			continue
		}
		if len(r.Meta.Ambiguous) > 0 && r.anyAmbiguous("appeals.", func() []string {
			var cells []string
			for j := range v {
				cells = append(cells, t4Cell(b, j))
			}
			return cells
		}) {
			continue
		}
		sum := v[0].Val() + v[1].Val() + v[2].Val() + v[3].Val()
		if sum != v[4].Val() {
			c.add(t4Cell(b, 4), r.Line("appeals"), "表四“%s%s”：结果维持 %s + 结果纠正 %s + 其他结果 %s + 尚未审结 %s = %d ≠ 总计 %s",
				T4Blocks[b].Parent, T4Blocks[b].Label, num(v[0]), num(v[1]), num(v[2]), num(v[3]), sum, num(v[4]))
		}
	}
}

// --- cross-year --------------------------------------------------------------

func checkCarry(c *ctx) {
	r, p := c.r, c.prev
	for col := 0; col < NumCols; col++ {
		now, before := r.Applications["carried_in"][col], p.Applications["carried_forward"][col]
		if now.Blank() && before.Blank() {
			continue
		}
		if now.Val() != before.Val() {
			c.add(t3Cell("carried_in", col), r.Line("carried_in"), "表三%s栏：本年“上年结转”%s ≠ %s年报告“结转下年度继续办理”%s",
				T3ColumnLabels[col], num(now), yearOr(p.Year, "上"), num(before))
		}
	}
}

func yearOr(y int, alt string) string {
	if y == 0 {
		return alt
	}
	return fmt.Sprint(y)
}

func checkInForce(c *ctx) {
	r, p := c.r, c.prev
	if r.Format != Format2021 || p.Format != Format2021 {
		return
	}
	for _, k := range []string{"rules", "normative_documents"} {
		label := "规章"
		if k == "normative_documents" {
			label = "行政规范性文件"
		}
		now := r.Proactive.Cell(k + ".in_force")
		prevIn := p.Proactive.Cell(k + ".in_force")
		iss, rep := r.Proactive.Cell(k+".issued"), r.Proactive.Cell(k+".repealed")
		if now.Blank() || prevIn.Blank() {
			continue
		}
		want := prevIn.Val() + iss.Val() - rep.Val()
		if want != now.Val() {
			c.add(r.t2Prefix()+k+".in_force", r.Line("proactive."+k),
				"表二“%s”现行有效件数 %d ≠ 上年现行有效 %d + 本年制发 %s − 本年废止 %s = %d（修订、清理也会造成差异，请核实）",
				label, now.Val(), prevIn.Val(), num(iss), num(rep), want)
		}
	}
}

func checkSameText(c *ctx) {
	a, b := c.r.Sections["5"], c.prev.Sections["5"]
	if trimSpace(a) == "" || trimSpace(b) == "" {
		return
	}
	s := Similarity(a, b)
	if s >= 0.85 {
		c.add("sections.5", c.r.Line("5"), "第五部分“存在的主要问题及改进情况”与%s年报告的相似度为 %.0f%%：格式要求不得年年雷同，请结合本年实际撰写",
			yearOr(c.prev.Year, "上"), s*100)
	}
}

// CheckText runs the text rules (TXT.*) on a piece of prose that is not a
// report, such as a catalog item before review; lines are counted in text.
func CheckText(text string) []Finding {
	c := &ctx{r: &Report{Sections: map[string]string{"1": text}}}
	for i := range Rules {
		rule := &Rules[i]
		if !strings.HasPrefix(rule.ID, "TXT.") || rule.fn == nil {
			continue
		}
		c.rule, c.n = rule, 0
		rule.fn(c)
	}
	for i := range c.out {
		c.out[i].Cell = ""
	}
	return c.out
}
