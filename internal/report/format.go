// Package report is the annual report (政府信息公开工作年度报告) as data: the two
// national formats, the model, the checks, and the parser that reads reports as
// they are published.
//
// Every label here is the official one (国办公开办函〔2021〕30号 and the 2019 trial
// format of 国办公开办函〔2019〕60号), with full-width punctuation. Golden tests
// guard them; do not edit a label without the source in hand.
package report

// Format identifies one of the two national report formats.
type Format string

const (
	// Format2021 is 国办公开办函〔2021〕30号, for reporting years 2021 on.
	Format2021 Format = "2021"
	// Format2019 is the trial format of 国办公开办函〔2019〕60号, for 2019 and 2020.
	Format2019 Format = "2019"
)

// FormatForYear is the format a report for year must use.
func FormatForYear(year int) Format {
	if year > 0 && year <= 2020 {
		return Format2019
	}
	return Format2021
}

// Valid reports whether f names a known format.
func (f Format) Valid() bool { return f == Format2021 || f == Format2019 }

// Title is the document name of the format.
func (f Format) Title() string {
	if f == Format2019 {
		return "国办公开办函〔2019〕60号（试行格式）"
	}
	return "国办公开办函〔2021〕30号"
}

// Section is one of the six fixed sections of the report.
type Section struct {
	Key     string // "1".."6"
	Heading string // template heading, exact
	// Keywords identify the heading in published text, where agencies vary the
	// wording (二、行政机关主动公开政府信息情况 …). Each is enough on its own.
	Keywords []string
	// LineKeywords are wordings too common inside a report's text (其他,
	// 不足) to be looked for in a page without line breaks: they name the
	// heading only on a line of its own that starts with the numeral.
	LineKeywords []string
}

// Sections are the six sections in template order.
var Sections = []Section{
	{"1", "一、总体情况", []string{"总体情况", "概述", "基本情况"}, []string{"概况", "总体工作"}},
	{"2", "二、主动公开政府信息情况", []string{"主动公开"}, nil},
	{"3", "三、收到和处理政府信息公开申请情况", []string{"收到和处理", "处理政府信息公开申请", "依申请公开", "信息公开申请"}, nil},
	{"4", "四、政府信息公开行政复议、行政诉讼情况", []string{"行政复议", "行政诉讼"}, nil},
	{"5", "五、存在的主要问题及改进情况", []string{"主要问题", "改进情况", "存在的问题", "存在问题", "改进措施"}, []string{"不足", "问题与改进", "问题和改进", "问题及改进", "下一步"}},
	{"6", "六、其他需要报告的事项", []string{"其他需要报告", "其他事项", "其他需要说明"}, []string{"其他", "需要报告", "需要说明"}},
}

// Subsections of section 一 (headings used when the narrative is authored in parts).
var Subsections1 = []string{
	"（一）主动公开情况",
	"（二）依申请公开办理情况",
	"（三）政府信息管理情况",
	"（四）政府信息公开平台建设情况",
	"（五）政府信息公开监督保障",
}

// Column keys and labels of 表三, in machine order.
var T3Columns = []string{"natural", "business", "research", "public_interest", "legal_service", "other", "total"}

// T3ColumnLabels are the official column headings, same order as T3Columns.
var T3ColumnLabels = []string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}

// Column indexes of a Row.
const (
	ColNatural = iota
	ColBusiness
	ColResearch
	ColPublicInterest
	ColLegalService
	ColOther
	ColTotal
	NumCols
)

// T3HeaderNote is the top-left header cell of 表三 (its balance rule).
const T3HeaderNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

// RowKind says how a row takes part in the table's identities.
type RowKind int

const (
	RowNew RowKind = iota
	RowCarriedIn
	RowOutcome
	RowTotal
	RowCarriedForward
)

// T3Row is one data row of 表三.
type T3Row struct {
	Key   string // model path below "applications", e.g. "withheld.state_secret"
	Label string // official row label
	Group string // outcome group label (（三）不予公开 …); "" for rows that stand alone
	Kind  RowKind
}

// T3Group is the group label "三、本年度办理结果" that spans the outcome rows.
const T3Group = "三、本年度办理结果"

var t3Head = []T3Row{
	{"new", "一、本年新收政府信息公开申请数量", "", RowNew},
	{"carried_in", "二、上年结转政府信息公开申请数量", "", RowCarriedIn},
	{"granted", "（一）予以公开", "", RowOutcome},
	{"partly_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "", RowOutcome},
	{"withheld.state_secret", "1.属于国家秘密", "（三）不予公开", RowOutcome},
	{"withheld.law_forbids", "2.其他法律行政法规禁止公开", "（三）不予公开", RowOutcome},
	{"withheld.security_stability", "3.危及“三安全一稳定”", "（三）不予公开", RowOutcome},
	{"withheld.third_party", "4.保护第三方合法权益", "（三）不予公开", RowOutcome},
	{"withheld.internal_affairs", "5.属于三类内部事务信息", "（三）不予公开", RowOutcome},
	{"withheld.process_info", "6.属于四类过程性信息", "（三）不予公开", RowOutcome},
	{"withheld.enforcement_file", "7.属于行政执法案卷", "（三）不予公开", RowOutcome},
	{"withheld.query_service", "8.属于行政查询事项", "（三）不予公开", RowOutcome},
	{"unavailable.not_held", "1.本机关不掌握相关政府信息", "（四）无法提供", RowOutcome},
	{"unavailable.needs_creation", "2.没有现成信息需要另行制作", "（四）无法提供", RowOutcome},
	{"unavailable.unclear_after_correction", "3.补正后申请内容仍不明确", "（四）无法提供", RowOutcome},
	{"not_processed.petition_complaint", "1.信访举报投诉类申请", "（五）不予处理", RowOutcome},
	{"not_processed.repeat", "2.重复申请", "（五）不予处理", RowOutcome},
	{"not_processed.publication", "3.要求提供公开出版物", "（五）不予处理", RowOutcome},
	{"not_processed.mass_repeat", "4.无正当理由大量反复申请", "（五）不予处理", RowOutcome},
	{"not_processed.confirm_or_reissue", "5.要求行政机关确认或重新出具已获取信息", "（五）不予处理", RowOutcome},
}

var t3Other2021 = []T3Row{
	{"other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）其他处理", RowOutcome},
	{"other.no_fee_paid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "（六）其他处理", RowOutcome},
	{"other.other", "3.其他", "（六）其他处理", RowOutcome},
}

// In the 2019 trial format （六）其他处理 is a single row with no sub-rows.
var t3Other2019 = []T3Row{
	{"other.all", "（六）其他处理", "", RowOutcome},
}

var t3Tail = []T3Row{
	{"total", "（七）总计", "", RowTotal},
	{"carried_forward", "四、结转下年度继续办理", "", RowCarriedForward},
}

func concatRows(parts ...[]T3Row) []T3Row {
	var out []T3Row
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

var (
	t3Rows2021 = concatRows(t3Head, t3Other2021, t3Tail)
	t3Rows2019 = concatRows(t3Head, t3Other2019, t3Tail)
)

// T3Rows returns the data rows of 表三 in template order: 25 for 2021, 23 for 2019.
func (f Format) T3Rows() []T3Row {
	if f == Format2019 {
		return t3Rows2019
	}
	return t3Rows2021
}

// T4Blocks are the three blocks of 表四 in order.
var T4Blocks = []struct{ Key, Label, Parent string }{
	{"review", "行政复议", ""},
	{"suit_direct", "未经复议直接起诉", "行政诉讼"},
	{"suit_after_review", "复议后起诉", "行政诉讼"},
}

// T4Columns are the five columns of every 表四 block.
var T4Columns = []string{"upheld", "corrected", "other", "pending", "total"}

// T4ColumnLabels are their official headings.
var T4ColumnLabels = []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}

// T2Item is one row of 表二: a label, the item of Art. 20 it belongs to, and its cells.
type T2Item struct {
	Key    string   // model key below "proactive" / "proactive_2019"
	Label  string   // official row label
	Item   string   // "第二十条第（一）项" …
	Cells  []string // model keys of the cells, in column order
	Signed []bool   // per cell: may be negative (本年增/减)
	Money  []bool   // per cell: a decimal amount, not a count
}

// T2Header is the column headings of one Art. 20 item group.
type T2Header struct {
	Item    string
	Columns []string // headings after 信息内容
}

var t2Items2021 = []T2Item{
	{"rules", "规章", "第二十条第（一）项", []string{"issued", "repealed", "in_force"}, nil, nil},
	{"normative_documents", "行政规范性文件", "第二十条第（一）项", []string{"issued", "repealed", "in_force"}, nil, nil},
	{"licensing", "行政许可", "第二十条第（五）项", []string{"decisions"}, nil, nil},
	{"penalty", "行政处罚", "第二十条第（六）项", []string{"decisions"}, nil, nil},
	{"coercion", "行政强制", "第二十条第（六）项", []string{"decisions"}, nil, nil},
	{"fees", "行政事业性收费", "第二十条第（八）项", []string{"amount_wan_yuan"}, nil, []bool{true}},
}

var t2Headers2021 = []T2Header{
	{"第二十条第（一）项", []string{"本年制发件数", "本年废止件数", "现行有效件数"}},
	{"第二十条第（五）项", []string{"本年处理决定数量"}},
	{"第二十条第（六）项", []string{"本年处理决定数量"}},
	{"第二十条第（八）项", []string{"本年收费金额（单位：万元）"}},
}

// The 2019 trial table (law.md §1.3). 本年增/减 may be negative.
var t2Items2019 = []T2Item{
	{"rules", "规章", "第二十条第（一）项", []string{"new_made", "new_published", "total_published"}, nil, nil},
	{"normative_documents", "规范性文件", "第二十条第（一）项", []string{"new_made", "new_published", "total_published"}, nil, nil},
	{"licensing", "行政许可", "第二十条第（五）项", []string{"prev_items", "change", "decisions"}, []bool{false, true, false}, nil},
	{"other_services", "其他对外管理服务事项", "第二十条第（五）项", []string{"prev_items", "change", "decisions"}, []bool{false, true, false}, nil},
	{"penalty", "行政处罚", "第二十条第（六）项", []string{"prev_items", "change", "decisions"}, []bool{false, true, false}, nil},
	{"coercion", "行政强制", "第二十条第（六）项", []string{"prev_items", "change", "decisions"}, []bool{false, true, false}, nil},
	{"fees", "行政事业性收费", "第二十条第（八）项", []string{"prev_items", "change"}, []bool{false, true}, nil},
	{"procurement", "政府集中采购", "第二十条第（九）项", []string{"items", "amount"}, nil, []bool{false, true}},
}

var t2Headers2019 = []T2Header{
	{"第二十条第（一）项", []string{"本年新制作数量", "本年新公开数量", "对外公开总数量"}},
	{"第二十条第（五）项", []string{"上一年项目数量", "本年增/减", "处理决定数量"}},
	{"第二十条第（六）项", []string{"上一年项目数量", "本年增/减", "处理决定数量"}},
	{"第二十条第（八）项", []string{"上一年项目数量", "本年增/减"}},
	{"第二十条第（九）项", []string{"采购项目数量", "采购总金额"}},
}

// T2Items returns the rows of 表二 for the format.
func (f Format) T2Items() []T2Item {
	if f == Format2019 {
		return t2Items2019
	}
	return t2Items2021
}

// T2Headers returns the item groups of 表二 with their column headings.
func (f Format) T2Headers() []T2Header {
	if f == Format2019 {
		return t2Headers2019
	}
	return t2Headers2021
}

// T2Cols is the widest item group: the grid width of 表二 after 信息内容.
func (f Format) T2Cols() int { return 3 }

// Level is the kind of agency, which decides its report deadline (Art. 49) and,
// for letters, its 复议机关.
type Level string

// Levels with their Chinese names, in the order a form lists them.
var Levels = []struct {
	ID   Level
	Name string
}{
	{"national_department", "国务院部门"},
	{"province", "省级人民政府"},
	{"province_department", "省级人民政府部门"},
	{"city", "设区的市级人民政府"},
	{"city_department", "设区的市级人民政府部门"},
	{"county", "县级人民政府"},
	{"county_department", "县级人民政府部门"},
	{"township", "乡镇人民政府"},
	{"vertical", "垂直管理部门"},
	{"aggregate", "主管部门汇总报告"},
}

// LevelName returns the Chinese name of a level, or "" when unknown.
func LevelName(l Level) string {
	for _, x := range Levels {
		if x.ID == l {
			return x.Name
		}
	}
	return ""
}
