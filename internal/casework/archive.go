package casework

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/internal/errs"
)

// 档号 of a filed application (条例 Art. 45 asks for rules on 归档; the form
// of the number is the archive's, not the 条例's). DA/T 22-2015 writes it
// 全宗号-门类代码·年度-保管期限代码-机构（问题）代码-件号, e.g.
// Z109-WS·2026-D10-BGS-0001; offices and their archives vary the codes, so
// the agency writes its own form with two parts gongkai fills: the year
// the application was closed and the 件号, numbered per agency and year,
// never reused.

// ArchiveExample is the form the settings page suggests.
const ArchiveExample = "Z109-WS·{年}-D10-XXGK-{件号:4}"

// NormArchivePattern is a typed form as stored: full-width braces and
// colons as an input method types them made half-width.
func NormArchivePattern(p string) string {
	return strings.NewReplacer("｛", "{", "｝", "}", "：", ":").Replace(strings.TrimSpace(p))
}

// CheckArchivePattern validates a 档号 form: exactly one {年} and one
// {件号:N}, nothing else in braces. "" is allowed (no filing yet).
func CheckArchivePattern(p string) error {
	if p == "" {
		return nil
	}
	if utf8.RuneCountInString(p) > 60 {
		return errs.New("archive_pattern", "档号格式太长，最多 60 字")
	}
	years, nos := 0, 0
	rest := p
	for {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			break
		}
		if strings.ContainsRune(rest[:i], '}') {
			return errs.New("archive_pattern", "档号格式中“}”没有对应的“{”")
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 || strings.ContainsRune(rest[i+1:i+j], '{') {
			return errs.New("archive_pattern", "档号格式中“{”没有对应的“}”")
		}
		switch part := rest[i : i+j+1]; {
		case part == "{年}":
			years++
		case strings.HasPrefix(part, "{件号:"):
			if n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(part, "{件号:"), "}")); err != nil || n < 1 || n > 9 {
				return errs.New("archive_pattern", "件号位数应为 1 至 9，例如 {件号:4}")
			}
			nos++
		default:
			return errs.New("archive_pattern", "档号格式中的“%s”不认识：只能用 {年} 和 {件号:N}，全宗号等写成文字，例如 %s", part, ArchiveExample)
		}
		rest = rest[i+j+1:]
	}
	if strings.ContainsRune(rest, '}') {
		return errs.New("archive_pattern", "档号格式中“}”没有对应的“{”")
	}
	if years != 1 || nos != 1 {
		return errs.New("archive_pattern", "档号格式须含一个 {年} 和一个 {件号:N}（件号每年从 1 开始），例如 %s", ArchiveExample)
	}
	return nil
}

// ArchiveNumber is the 档号 of the n-th application filed of a year. A 件号
// wider than its digits is written in full (never cut, which could repeat).
func ArchiveNumber(pattern string, year, n int) (string, error) {
	if pattern == "" {
		return "", errs.New("archive_pattern", "本机关尚未设定档号格式：请系统管理员在“机关”页填写，例如 %s", ArchiveExample)
	}
	if err := CheckArchivePattern(pattern); err != nil {
		return "", err
	}
	out := strings.Replace(pattern, "{年}", strconv.Itoa(year), 1)
	i := strings.Index(out, "{件号:")
	j := strings.IndexByte(out[i:], '}')
	w, _ := strconv.Atoi(out[i+len("{件号:") : i+j])
	return out[:i] + fmt.Sprintf("%0*d", w, n) + out[i+j+1:], nil
}

// FiledStates are the case list's filter on filing (Filter.Filed).
var FiledStates = []struct{ Key, Name string }{
	{"filed", "已归档"},
	{"unfiled", "已办结未归档"},
}

// FiledKey is the filter's key if it is one ("" otherwise).
func FiledKey(k string) string {
	for _, f := range FiledStates {
		if f.Key == k {
			return k
		}
	}
	return ""
}
