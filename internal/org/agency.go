package org

import (
	"strings"
	"unicode/utf8"

	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/errs"
	"gongkai/internal/fingerprint"
	"gongkai/internal/report"
)

// Agency is an administrative organ that discloses information and answers
// applications; ParentID places it in the hierarchy a supervisor sees.
type Agency struct {
	ID           int64        `json:"id"`
	Name         string       `json:"name"`
	Level        report.Level `json:"level"`
	ParentID     *int64       `json:"parent_id,omitempty"`
	ReviewOrgan  string       `json:"review_organ"`  // 复议机关 named in letters
	LetterPrefix string       `json:"letter_prefix"` // 文号 prefix, e.g. 卫教体依公
	// UpperDepartment is the 上一级主管部门, named beside the government in
	// letters dated before 2024-01-01 (the old 行政复议法 allowed either).
	UpperDepartment string `json:"upper_department,omitempty"`
	// What the 政府信息公开指南 states (条例 Art. 12).
	Address string `json:"address,omitempty"`
	Phone   string `json:"phone,omitempty"`
	Hours   string `json:"hours,omitempty"`
	Fax     string `json:"fax,omitempty"`
	Email   string `json:"email,omitempty"`
	// Code is the agency's organisation or credit code, the first part of
	// its catalog's 索引号.
	Code string `json:"code,omitempty"`
	// IndexPattern is the agency's 索引号 form ("" is catalog.DefaultPattern).
	IndexPattern string `json:"index_pattern,omitempty"`
	// HandlerOnly: once an application has a 承办人, only they and the
	// office's 负责人 act on it, and only a 负责人 assigns (a colleague may
	// still take an unassigned one). An office's own rule, not the law's.
	HandlerOnly bool `json:"handler_only,omitempty"`
	// ArchivePattern is the form of the 档号 a closed application is filed
	// under ("": not set, no filing), casework.ArchiveNumber.
	ArchivePattern string `json:"archive_pattern,omitempty"`
	// ApplyNote is the agency's own 申请须知 for the public: what it holds,
	// what it does not and where to ask instead (shown above the online
	// form and in the 指南), so that fewer requests go astray.
	ApplyNote string `json:"apply_note,omitempty"`
}

// Pattern is the agency's 索引号 pattern in force.
func (a *Agency) Pattern() string {
	if a.IndexPattern == "" {
		return catalog.DefaultPattern
	}
	return a.IndexPattern
}

// Info is what a letter needs of the agency.
func (a *Agency) Info() casework.AgencyInfo {
	return casework.AgencyInfo{Name: a.Name, Level: a.Level, ReviewOrgan: a.ReviewOrgan, LetterPrefix: a.LetterPrefix,
		UpperDepartment: a.UpperDepartment}
}

// Check validates the agency's settings, every problem at its field.
func (a *Agency) Check() error {
	var l errs.List
	for _, f := range []struct {
		field, name string
		v           *string
		max         int
	}{
		{"name", "机关名称", &a.Name, 100}, {"review_organ", "复议机关", &a.ReviewOrgan, 100}, {"letter_prefix", "文号前缀", &a.LetterPrefix, 30},
		{"upper_department", "上一级主管部门", &a.UpperDepartment, 100}, {"address", "办公地址", &a.Address, 200}, {"phone", "电话", &a.Phone, 40},
		{"hours", "办公时间", &a.Hours, 200}, {"fax", "传真", &a.Fax, 40}, {"email", "电子邮箱", &a.Email, 120}, {"code", "机构代码", &a.Code, 40},
		{"apply_note", "申请须知", &a.ApplyNote, 2000},
	} {
		*f.v = strings.TrimSpace(*f.v)
		if n := utf8.RuneCountInString(*f.v); n > f.max {
			l.Add(f.field, "%s太长（%d 字），最多 %d 字", f.name, n, f.max)
		}
	}
	if a.Name == "" {
		l.Add("name", "请填写机关名称")
	}
	a.IndexPattern = strings.TrimSpace(a.IndexPattern)
	if a.IndexPattern != "" {
		if err := catalog.CheckPattern(a.IndexPattern); err != nil {
			l.Add("index_pattern", "%s", errs.Plain(err))
		}
	}
	a.ArchivePattern = casework.NormArchivePattern(a.ArchivePattern)
	if err := casework.CheckArchivePattern(a.ArchivePattern); err != nil {
		l.Add("archive_pattern", "%s", errs.Plain(err))
	}
	if report.LevelName(a.Level) == "" {
		l.Add("level", "机关级别不对")
	}
	return l.Err()
}

// APIKey is an agency's key to the JSON API.
type APIKey struct {
	ID       int64         `json:"id"`
	AgencyID int64         `json:"agency_id"`
	Name     string        `json:"name"`
	Role     casework.Role `json:"role"`
}

// Changes says what an edit changed in an agency's settings, one line a
// field ("文号前缀：卫教依公 → 卫教体依公"), for the audit log: a
// supervising office reads who changed the letters' wording or the rule of
// who may act.
func Changes(old, now *Agency) []string {
	x, y := old.shown(), now.shown()
	var out []string
	for i, name := range settingsFields {
		if x[i] != y[i] {
			out = append(out, name+"："+x[i]+" → "+y[i])
		}
	}
	return out
}

// settingsFields name the settings of an agency its form shows, in the
// order of shown's values.
var settingsFields = []string{"名称", "复议机关", "上一级主管部门", "文号前缀", "机构代码", "办公地址", "办公时间", "联系电话", "传真", "电子邮箱",
	"索引号格式", "已指派承办人的申请只有承办人和负责人可以办理", "档号格式", "申请须知"}

func (a *Agency) shown() []string {
	t := fingerprint.Text
	return []string{t(a.Name), t(a.ReviewOrgan), t(a.UpperDepartment), t(a.LetterPrefix), t(a.Code), t(a.Address), t(a.Hours), t(a.Phone),
		t(a.Fax), t(a.Email), t(catalog.PatternForForm(a.Pattern())), fingerprint.Yes(a.HandlerOnly), t(a.ArchivePattern), t(a.ApplyNote)}
}

// Fingerprint identifies the agency's settings as their form shows them:
// the form carries it, so that a save over another's change is refused.
func (a *Agency) Fingerprint() string { return fingerprint.Of(a.shown()) }
