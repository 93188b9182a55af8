// Package appeal records the 行政复议 and 行政诉讼 brought against an agency's
// disclosure work and counts them into 表四 of the annual report.
package appeal

import (
	"strings"

	"gongkai/internal/errs"
	"gongkai/internal/fingerprint"
	"gongkai/internal/report"
	"gongkai/internal/workday"
)

// Kind is the block of 表四 a record belongs to.
type Kind string

const (
	Review          Kind = "review"            // 行政复议
	SuitDirect      Kind = "suit_direct"       // 行政诉讼：未经复议直接起诉
	SuitAfterReview Kind = "suit_after_review" // 行政诉讼：复议后起诉
)

// Kinds in the order of 表四's blocks (report.T4Blocks).
var Kinds = []Kind{Review, SuitDirect, SuitAfterReview}

// KindName is the label a person sees.
func KindName(k Kind) string {
	switch k {
	case Review:
		return "行政复议"
	case SuitDirect:
		return "行政诉讼（未经复议直接起诉）"
	case SuitAfterReview:
		return "行政诉讼（复议后起诉）"
	}
	return string(k)
}

// Result of a concluded record, in the order of 表四's columns.
type Result string

const (
	Upheld    Result = "upheld"    // 结果维持
	Corrected Result = "corrected" // 结果纠正
	Other     Result = "other"     // 其他结果（驳回、撤回、终止等）
)

// Results in column order.
var Results = []Result{Upheld, Corrected, Other}

// ResultName is the column label of a result.
func ResultName(r Result) string {
	switch r {
	case Upheld:
		return "结果维持"
	case Corrected:
		return "结果纠正"
	case Other:
		return "其他结果"
	case "":
		return "尚未审结"
	}
	return string(r)
}

// Record is one 复议 or 诉讼 case.
type Record struct {
	ID         int64        `json:"id"`
	AgencyID   int64        `json:"-"`
	CaseID     *int64       `json:"case_id,omitempty"` // the application it is about, when known
	CaseSerial string       `json:"case_serial,omitempty"`
	Kind       Kind         `json:"kind"`
	Number     string       `json:"number,omitempty"`    // 复议案号 or 法院案号
	Body       string       `json:"body"`                // 复议机关 or 人民法院
	Applicant  string       `json:"applicant,omitempty"` // 申请人 / 原告
	FiledOn    workday.Date `json:"filed_on"`
	// ConcludedOn and Result are set together when the 复议决定 or judgment
	// is made; until then the record is 尚未审结.
	ConcludedOn *workday.Date `json:"concluded_on,omitempty"`
	Result      Result        `json:"result,omitempty"`
	// CoDefendantOnly marks a suit in which this agency is sued only as the
	// 复议机关 alongside the original agency: such a case counts for the
	// original agency alone (国办公开办函〔2016〕201号, 〔2021〕30号).
	CoDefendantOnly bool   `json:"co_defendant_only,omitempty"`
	Note            string `json:"note,omitempty"`
	CreatedBy       string `json:"created_by,omitempty"`
}

// Fingerprint identifies the record as its edit form shows it: the form
// carries the one it was opened with, so that a save over a change made
// since is refused instead of undoing it unseen. Only what the form shows
// counts (a record is not changed for the form by what it does not show).
func (r Record) Fingerprint() string { return fingerprint.Of(r.shown()) }

// shownFields name the fields of a record its edit form shows, in the
// order of shown's values.
var shownFields = []string{"类别", "案号", "复议机关或人民法院", "申请人或原告", "关联申请", "申请复议或起诉日期", "审结日期", "结果", "仅作为复议机关共同被告", "备注"}

// shown is the record's fields as a person reads them, in shownFields' order.
func (r Record) shown() []string {
	return []string{KindName(r.Kind), fingerprint.Text(r.Number), fingerprint.Text(r.Body), fingerprint.Text(r.Applicant),
		fingerprint.Text(r.CaseSerial), r.FiledOn.String(), fingerprint.Date(r.ConcludedOn), ResultName(r.Result),
		fingerprint.Yes(r.CoDefendantOnly), fingerprint.Text(r.Note)}
}

// Diff names the fields in which b differs from a, a → b each
// (案号 行复〔2026〕1号 → 行复〔2026〕2号；结果 尚未审结 → 结果维持); "" when none.
func Diff(a, b Record) string { return fingerprint.Diff(shownFields, a.shown(), b.shown()) }

// Validate says what is missing or inconsistent, naming the form field.
func (r *Record) Validate() error {
	switch r.Kind {
	case Review, SuitDirect, SuitAfterReview:
	default:
		return errs.New("kind", "请选择类别：行政复议、直接起诉或复议后起诉")
	}
	r.Body = strings.TrimSpace(r.Body)
	if r.Body == "" {
		return errs.New("body", "请填写复议机关或人民法院")
	}
	if r.FiledOn == 0 {
		return errs.New("filed_on", "请填写申请复议或起诉的日期（YYYY-MM-DD）")
	}
	if r.CoDefendantOnly && r.Kind != SuitAfterReview {
		return errs.New("co_defendant_only", "只有复议后起诉的案件，本机关才可能作为复议机关共同被告")
	}
	switch r.Result {
	case "", Upheld, Corrected, Other:
	default:
		return errs.New("result", "结果只能是结果维持、结果纠正或其他结果")
	}
	switch {
	case r.ConcludedOn == nil && r.Result != "":
		return errs.New("concluded_on", "已选择结果，请同时填写审结日期")
	case r.ConcludedOn != nil && r.Result == "":
		return errs.New("result", "已填写审结日期，请同时选择结果")
	case r.ConcludedOn != nil && *r.ConcludedOn < r.FiledOn:
		return errs.New("concluded_on", "审结日期早于申请复议或起诉的日期")
	}
	return nil
}

// Counting says which records 表四 of a year counts. The national format
// does not define it (law.md: UNCONFIRMED), so it is a setting.
type Counting string

const (
	// FiledInYear counts the records filed in the year, each with its
	// state on 31 December: concluded by then under its result, otherwise 尚未审结.
	FiledInYear Counting = "filed"
	// FiledOrConcluded also counts, under its result, a record filed in an
	// earlier year and concluded in this one (last year's 尚未审结 settled).
	FiledOrConcluded Counting = "filed_or_concluded"
)

// ParseCounting reads the setting.
func ParseCounting(s string) (Counting, error) {
	switch Counting(s) {
	case FiledInYear, FiledOrConcluded:
		return Counting(s), nil
	}
	return "", errs.New("appeal-counting", "只能是 filed（按当年申请或起诉的案件）或 filed_or_concluded（另计往年起诉、当年审结的案件）")
}

// Table counts records into 表四 for a year.
func Table(recs []Record, year int, c Counting) report.Appeals {
	first, last := workday.NewDate(year, 1, 1), workday.NewDate(year, 12, 31)
	var n [3][5]int64
	for _, r := range recs {
		if r.CoDefendantOnly {
			continue
		}
		b := blockOf(r.Kind)
		if b < 0 {
			continue
		}
		filedIn := r.FiledOn >= first && r.FiledOn <= last
		concludedBy := r.ConcludedOn != nil && *r.ConcludedOn <= last
		concludedIn := concludedBy && *r.ConcludedOn >= first
		switch {
		case filedIn && concludedBy:
			n[b][colOf(r.Result)]++
		case filedIn:
			n[b][3]++
		case c == FiledOrConcluded && r.FiledOn < first && concludedIn:
			n[b][colOf(r.Result)]++
		default:
			continue
		}
		n[b][4]++
	}
	var t report.Appeals
	for b := range n {
		for j := range n[b] {
			t[b][j] = report.N(n[b][j])
		}
	}
	return t
}

func blockOf(k Kind) int {
	for i, x := range Kinds {
		if x == k {
			return i
		}
	}
	return -1
}

func colOf(r Result) int {
	for i, x := range Results {
		if x == r {
			return i
		}
	}
	return 2 // an unknown result is not 维持 or 纠正
}
