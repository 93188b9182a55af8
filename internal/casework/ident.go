// Package casework is 依申请公开: applications from receipt to reply on the
// statutory clock, their outcomes, fees and letters. It holds no I/O: the
// store, the clock and the calendar are passed in.
package casework

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gongkai/internal/errs"
	"gongkai/internal/guard"
)

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// NormalizeCode writes an identity number or credit code as the standard
// does: full-width characters (a Chinese input method's １１０１…Ｘ) in ASCII,
// letters upper-case, and without the spaces it is often copied with
// (110105 19491231 002X).
func NormalizeCode(s string) string {
	return strings.ToUpper(strings.Map(func(r rune) rune {
		if r = guard.HalfWidth(r); unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s))
}

// asciiCode refuses a code that still holds other characters after
// NormalizeCode, at the first of them, counting characters as people do.
func asciiCode(field, c string) error {
	for i, r := range []rune(c) {
		if r >= utf8.RuneSelf {
			return errs.New(field, "第 %d 位“%c”不是数字或字母", i+1, r)
		}
	}
	return nil
}

// ValidateID checks a 居民身份证号码 (GB 11643-1999): 18 characters, a real birth
// date, and the check character. It returns the normalised number (upper-case X).
func ValidateID(s string) (string, error) {
	id := NormalizeCode(s)
	const field = "身份证号码"
	if err := asciiCode(field, id); err != nil {
		return "", err
	}
	if len(id) == 15 {
		return "", errs.New(field, "15 位身份证号码已停止使用，请填写 18 位号码")
	}
	if len(id) != 18 {
		return "", errs.New(field, "应为 18 位，现在是 %d 位", len(id))
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := id[i]
		if c < '0' || c > '9' {
			return "", errs.New(field, "前 17 位应全部是数字，第 %d 位是“%c”", i+1, rune(c))
		}
		sum += int(c-'0') * idWeights[i]
	}
	if id[0] < '1' || id[0] > '9' {
		return "", errs.New(field, "前 6 位地址码“%s”不对", id[:6])
	}
	if _, err := time.Parse("20060102", id[6:14]); err != nil || id[6:8] < "18" || id[6:8] > "20" {
		return "", errs.New(field, "第 7–14 位出生日期“%s”不是有效日期", id[6:14])
	}
	want := "10X98765432"[sum%11]
	if id[17] != want {
		return "", errs.New(field, "校验码不对：最后一位应为“%c”，请核对号码是否抄错", rune(want))
	}
	return id, nil
}

const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// ValidateUSCC checks a 统一社会信用代码 (GB 32100-2015): 18 characters from the
// code's alphabet (no I, O, Z, S, V), the embedded 组织机构代码 (GB 11714) check
// character, and the code's own check character.
func ValidateUSCC(s string) (string, error) {
	c := NormalizeCode(s)
	const field = "统一社会信用代码"
	if err := asciiCode(field, c); err != nil {
		return "", err
	}
	if len(c) != 18 {
		return "", errs.New(field, "应为 18 位，现在是 %d 位", len(c))
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(usccAlphabet, c[i])
		if v < 0 {
			return "", errs.New(field, "第 %d 位“%c”不是有效字符（代码不使用 I、O、Z、S、V）", i+1, rune(c[i]))
		}
		sum += v * usccWeights[i]
	}
	for i := 2; i < 8; i++ {
		if c[i] < '0' || c[i] > '9' {
			return "", errs.New(field, "第 3–8 位应为行政区划码（数字），第 %d 位是“%c”", i+1, rune(c[i]))
		}
	}
	if err := checkOrgCode(c[8:17]); err != nil {
		return "", err
	}
	check := (31 - sum%31) % 31
	if c[17] != usccAlphabet[check] {
		return "", errs.New(field, "校验码不对：最后一位应为“%c”，请核对代码是否抄错", rune(usccAlphabet[check]))
	}
	return c, nil
}

var orgWeights = [8]int{3, 7, 9, 10, 5, 8, 4, 2}

// checkOrgCode checks the 9-character 组织机构代码 (GB 11714-1997) inside a USCC.
func checkOrgCode(s string) error {
	sum := 0
	for i := 0; i < 8; i++ {
		var v int
		switch ch := s[i]; {
		case ch >= '0' && ch <= '9':
			v = int(ch - '0')
		case ch >= 'A' && ch <= 'Z':
			v = int(ch-'A') + 10
		default:
			return errs.New("统一社会信用代码", "第 9–17 位组织机构代码含无效字符“%c”", rune(ch))
		}
		sum += v * orgWeights[i]
	}
	want := 11 - sum%11
	var w byte
	switch want {
	case 10:
		w = 'X'
	case 11:
		w = '0'
	default:
		w = byte('0' + want)
	}
	if s[8] != w {
		return errs.New("统一社会信用代码", "第 9–17 位组织机构代码的校验位应为“%c”，请核对代码是否抄错", rune(w))
	}
	return nil
}

// MaskID shows a personal number in lists: first 6 and last 4 characters.
func MaskID(id string) string {
	if len(id) < 10 {
		return strings.Repeat("*", len(id))
	}
	return id[:6] + strings.Repeat("*", len(id)-10) + id[len(id)-4:]
}

// MaskEmail shows an e-mail address as w***@example.cn (the status page:
// who holds the 查询码 learns where the letter went, not the address).
func MaskEmail(a string) string {
	i := strings.LastIndexByte(a, '@')
	if i < 1 {
		return "***"
	}
	r := []rune(a[:i])
	return string(r[0]) + "***" + a[i:]
}

// MaskPhone shows a phone number as 138****1234.
func MaskPhone(p string) string {
	if len(p) < 7 {
		return strings.Repeat("*", len(p))
	}
	return p[:3] + strings.Repeat("*", len(p)-7) + p[len(p)-4:]
}
