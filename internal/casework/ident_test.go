package casework

import (
	"strings"
	"testing"

	"gongkai/internal/errs"
)

func TestValidateID(t *testing.T) {
	// as typed with a Chinese input method (full width) or copied with spaces
	for _, ok := range []string{"11010519491231002X", "440524188001010014", " 11010519491231002x ", "１１０１０５１９４９１２３１００２Ｘ", "110105 19491231 002x", "110105\u300019491231\u3000002X"} {
		if n, err := ValidateID(ok); err != nil || (ok != "440524188001010014" && n != "11010519491231002X") {
			t.Errorf("%s: %s %v", ok, n, err)
		}
	}
	for id, want := range map[string]string{
		"11010519491231002号": "第 18 位“号”不是数字或字母",
		"身份证１２３":             "第 1 位“身”不是数字或字母",
		"１１０１０５":             "应为 18 位，现在是 6 位",
		"110105194912310021": "校验码不对：最后一位应为“X”",
		"11010519491331002X": "出生日期",
		"11010519491231002":  "应为 18 位",
		"110105491231002":    "15 位",
		"1101051949123100AX": "前 17 位应全部是数字，第 17 位",
	} {
		_, err := ValidateID(id)
		if err == nil || !strings.Contains(errs.Message(err), want) {
			t.Errorf("%s: %v, want %q", id, err, want)
		}
	}
}

func TestValidateUSCC(t *testing.T) {
	for _, ok := range []string{"91350100M000100Y43", "91110000100011743X", "９１１１００００１０００１１７４３Ｘ", "9111 0000 1000 1174 3x"} {
		if _, err := ValidateUSCC(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for c, want := range map[string]string{
		"91350100M000100Y44": "校验码不对",
		"91110000100011753X": "组织机构代码的校验位",
		"9111000010001174IX": "不是有效字符",
		"911100001000117":    "应为 18 位",
	} {
		_, err := ValidateUSCC(c)
		if err == nil || !strings.Contains(errs.Message(err), want) {
			t.Errorf("%s: %v, want %q", c, err, want)
		}
	}
	if MaskID("11010519491231002X") != "110105********002X" || MaskPhone("13812341234") != "138****1234" {
		t.Error(MaskID("11010519491231002X"), MaskPhone("13812341234"))
	}
}

func TestMaskEmail(t *testing.T) {
	for in, want := range map[string]string{"wang@example.cn": "w***@example.cn", "张@example.cn": "张***@example.cn", "@x.cn": "***", "nobody": "***"} {
		if got := MaskEmail(in); got != want {
			t.Errorf("MaskEmail(%q) = %q, want %q", in, got, want)
		}
	}
}
