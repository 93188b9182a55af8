package catalog

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"gongkai/internal/casework"
	"gongkai/internal/report"
)

// ItemRules are the checks run on an item before each review and at
// publication, besides the report engine's TXT.* rules. An error-level
// finding blocks publication.
var ItemRules = []struct {
	ID       string
	Title    string
	Severity report.Severity
	Doc      string
}{
	{"SEC.MARK", "密级标志", report.SevError, "正文或标题含“绝密”“机密”“秘密★”“内部资料”“不得外传”等标志，须经保密审查确认后删除或不予公开"},
	{"SEC.IDNUM", "身份证号码", report.SevError, "含有效的 18 位居民身份证号码（个人隐私，《条例》第十五条），须删除或作去标识化处理"},
	{"SEC.PHONE", "手机号码", report.SevWarning, "含手机号码：若是个人号码，须删除或作去标识化处理；公开的办公电话可保留"},
	{"SEC.UNREAD", "附件无法检查", report.SevWarning, "附件中没有可读的文字（扫描件、图片），其中的个人信息和密级标志未经检查，须人工核对"},
	{"META.ATTRIBUTE", "公开属性", report.SevError, "公开属性不是“主动公开”的信息不在主动公开目录中发布"},
	{"META.SUMMARY", "内容概述", report.SevWarning, "内容概述与名称相同：请概括信息的主要内容"},
}

var (
	markRe  = regexp.MustCompile(`绝密|机密|秘密★|★秘密|内部资料|内部文件|不得外传|注意保存`)
	idRe    = regexp.MustCompile(`[1-9]\d{16}[\dXx]`)
	phoneRe = regexp.MustCompile(`(^|[^\d])(1[3-9]\d{9})([^\d]|$)`)
)

// Check runs every item check and the TXT.* rules on the item's title,
// summary and body; lines are those of the body (title and summary are
// reported without one).
func Check(it *Item) []report.Finding {
	var out []report.Finding
	add := adder(&out)
	fields := []struct{ cell, name, text string }{{"title", "名称", it.Title}, {"summary", "内容概述", it.Summary}, {"body", "正文", it.Body}}
	for _, f := range fields {
		secrets(f.text, f.cell, f.name, "", add)
	}
	if it.Attribute != Active {
		add("META.ATTRIBUTE", "attribute", "公开属性为“%s”，不在主动公开目录中发布", AttributeName(it.Attribute))
	}
	if it.Summary != "" && strings.TrimSpace(it.Summary) == strings.TrimSpace(it.Title) {
		add("META.SUMMARY", "summary", "内容概述与名称相同，请概括信息的主要内容")
	}
	for _, f := range fields {
		for _, t := range report.CheckText(f.text) {
			t.Cell = f.cell
			if f.cell != "body" {
				t.Line = 0
			}
			out = append(out, t)
		}
	}
	return out
}

// adder adds to out a finding of an item rule, at its severity.
func adder(out *[]report.Finding) func(id, cell, format string, args ...any) {
	return func(id, cell, format string, args ...any) {
		for _, r := range ItemRules {
			if r.ID == id {
				*out = append(*out, report.Finding{Rule: id, Severity: r.Severity, Cell: cell, Message: fmt.Sprintf(format, args...)})
			}
		}
	}
}

// secrets adds what the SEC.* rules find in text, said of the field named
// name; then is what to do besides (for a file: how to cover it).
func secrets(text, cell, name, then string, add func(id, cell, format string, args ...any)) {
	if m := markRe.FindString(text); m != "" {
		add("SEC.MARK", cell, "%s中有“%s”字样：请确认是否涉密，经保密审查后删除标志或改为不予公开", name, m)
	}
	for _, m := range idRe.FindAllString(text, 5) {
		if _, err := casework.ValidateID(m); err == nil {
			add("SEC.IDNUM", cell, "%s中有居民身份证号码“%s”：请删除或作去标识化处理%s", name, casework.MaskID(m), then)
		}
	}
	for _, m := range phoneRe.FindAllStringSubmatch(text, 5) {
		add("SEC.PHONE", cell, "%s中有手机号码“%s”：若是个人号码，请删除或作去标识化处理%s", name, casework.MaskPhone(m[2]), then)
	}
}

// FileText is the text of a file kept with an item, as read when it was
// uploaded; Read is false when none could be read (a scan, a picture) and
// Before when the file was kept before files were read on upload (serve
// reads them after it starts; `gongkai catalog read-files` at once).
type FileText struct {
	Name   string
	Text   string
	Read   bool
	Before bool
}

// CheckFiles runs the SEC.* rules on the text of an item's files, as
// Check does on its own text: a document published with an item says what
// the item says. A file without readable text is said to be unchecked.
func CheckFiles(files []FileText) []report.Finding {
	var out []report.Finding
	add := adder(&out)
	for _, f := range files {
		name := "附件“" + f.Name + "”"
		switch {
		case f.Before:
			continue // as before the upgrade: not read, not said, until serve reads it (docs/OPERATIONS.md)
		case !f.Read:
			add("SEC.UNREAD", "files", "%s中没有可读的文字（扫描件或图片）：其中的身份证号码、手机号码和密级标志未经检查，请人工核对", name)
			continue
		}
		then := ""
		if strings.EqualFold(path.Ext(f.Name), ".docx") || strings.EqualFold(path.Ext(f.Name), ".txt") {
			then = "（可删除此附件，用“区分处理”遮盖后重新上传）"
		}
		secrets(f.Text, "files", name, then, add)
	}
	return out
}

// FirstError is the first error-level finding, the one a refusal names.
func FirstError(fs []report.Finding) (report.Finding, bool) {
	for _, f := range fs {
		if f.Severity == report.SevError {
			return f, true
		}
	}
	return report.Finding{}, false
}

// Errors counts the error-level findings.
func Errors(fs []report.Finding) int {
	n := 0
	for _, f := range fs {
		if f.Severity == report.SevError {
			n++
		}
	}
	return n
}

// RuleTitle is the Chinese name of an item rule or a report rule.
func RuleTitle(id string) string {
	for _, r := range ItemRules {
		if r.ID == id {
			return r.Title
		}
	}
	return report.RuleTitle(id)
}
