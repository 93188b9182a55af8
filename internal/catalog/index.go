package catalog

import (
	"fmt"
	"strconv"
	"strings"

	"gongkai/internal/errs"
	"gongkai/internal/workday"
)

// 索引号 has no national standard (law.md §7.3, UNCONFIRMED): each agency sets
// a pattern from parts, and a serial per agency and year that is never
// reused. The default is gov.cn's form: code/year-serial (000014349/2017-00110).

// DefaultPattern is the gov.cn form.
const DefaultPattern = "{code}/{year}-{serial:5}"

// PatternParts are the parts a pattern may use: as stored, as a person
// types and reads them (the forms show the Chinese ones), and what they are.
var PatternParts = []struct{ Part, Label, Name string }{
	{"{code}", "{机构代码}", "组织机构代码或统一社会信用代码"},
	{"{year}", "{年}", "生成日期的年份"},
	{"{month}", "{月}", "生成日期的月份（两位）"},
	{"{category}", "{类别}", "条例第二十条的类别（两位，无类别为 00）"},
	{"{serial:", "{流水号:", "流水号，{流水号:5} 为 5 位，不足补零（每年从 1 开始，不重复使用）"},
}

// PatternForForm is a stored pattern as a person reads it.
func PatternForForm(p string) string {
	for _, x := range PatternParts {
		p = strings.ReplaceAll(p, x.Part, x.Label)
	}
	return p
}

// PatternFromForm is a pattern as typed, stored form: the Chinese parts (or
// the stored ones), full-width braces and colons as an input method types
// them.
func PatternFromForm(p string) string {
	p = strings.NewReplacer("｛", "{", "｝", "}", "：", ":").Replace(strings.TrimSpace(p))
	for _, x := range PatternParts {
		p = strings.ReplaceAll(p, x.Label, x.Part)
	}
	return p
}

// IndexParts are the values a 索引号 is built from.
type IndexParts struct {
	Code     string
	FormedOn workday.Date
	Category string
	Serial   int
}

// CheckPattern validates a pattern: known parts only, exactly one serial.
func CheckPattern(p string) error {
	if strings.TrimSpace(p) == "" {
		return errs.New("index_pattern", "请填写索引号格式，例如 %s", PatternForForm(DefaultPattern))
	}
	if len([]rune(p)) > 60 {
		return errs.New("index_pattern", "索引号格式太长，最多 60 字")
	}
	serials := 0
	rest := p
	for {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return errs.New("index_pattern", "索引号格式中“{”没有对应的“}”")
		}
		part := rest[i : i+j+1]
		switch {
		case part == "{code}" || part == "{year}" || part == "{month}" || part == "{category}":
		case strings.HasPrefix(part, "{serial:"):
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(part, "{serial:"), "}"))
			if err != nil || n < 1 || n > 9 {
				return errs.New("index_pattern", "流水号位数应为 1 至 9，例如 {流水号:5}")
			}
			serials++
		default:
			return errs.New("index_pattern", "索引号格式中的“%s”不认识：可用 {机构代码} {年} {月} {类别} {流水号:N}", PatternForForm(part))
		}
		rest = rest[i+j+1:]
	}
	if serials != 1 {
		return errs.New("index_pattern", "索引号格式须含且只含一个流水号 {流水号:N}，才能保证不重复")
	}
	return nil
}

// FormatIndex builds a 索引号. A serial wider than its digits is written in
// full (never cut, which could repeat a number).
func FormatIndex(pattern string, p IndexParts) (string, error) {
	if err := CheckPattern(pattern); err != nil {
		return "", err
	}
	code := strings.NewReplacer("{", "", "}", "").Replace(p.Code)
	if code == "" {
		code = "000000000"
	}
	cat := "00"
	if n, err := strconv.Atoi(p.Category); err == nil {
		cat = fmt.Sprintf("%02d", n)
	}
	t := p.FormedOn.Time()
	r := strings.NewReplacer("{code}", code, "{year}", strconv.Itoa(t.Year()), "{month}", fmt.Sprintf("%02d", int(t.Month())), "{category}", cat)
	out := r.Replace(pattern)
	i := strings.Index(out, "{serial:")
	j := strings.IndexByte(out[i:], '}')
	n, _ := strconv.Atoi(out[i+len("{serial:") : i+j])
	return out[:i] + fmt.Sprintf("%0*d", n, p.Serial) + out[i+j+1:], nil
}

// SerialScope is the run a serial counts in: the year when the pattern
// shows the year, else the agency's whole catalog (a serial that restarted
// each year would repeat numbers under a pattern without the year).
func SerialScope(pattern string, formed workday.Date) string {
	if strings.Contains(pattern, "{year}") {
		return strconv.Itoa(formed.Year())
	}
	return "all"
}
