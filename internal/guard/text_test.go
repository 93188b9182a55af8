package guard

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func TestText(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"学区划分方案", "学区划分方案", true},
		{"第一行\n第二行\r\n\t缩进", "第一行\n第二行\r\n\t缩进", true},
		{"幻灯片里的\v换行与\f分页", "幻灯片里的\n换行与\n分页", true},
		{"看不见的\x01\x1b\x7f字符", "看不见的字符", true},
		{"空\x00字符", "", false},
		{"乱码\xff\xfe", "", false},
		{"截断的汉\xe5\xad", "", false},
		{"", "", true},
	} {
		got, ok := Text(c.in)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("Text(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// What Notepad saves — UTF-8 with or without its mark, "Unicode" (UTF-16
// little- and big-endian), "ANSI" on Chinese Windows (GBK) — is UTF-8 after
// UTF8; valid UTF-8 is left as it is.
func TestUTF8(t *testing.T) {
	const text = "year: 2027\nnotice: 国办发明电〔2026〕X号\n"
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(text)
	le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text)
	be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(text)
	for name, in := range map[string]string{"UTF-8": text, "UTF-8 BOM": "\xef\xbb\xbf" + text, "GBK": gbk, "UTF-16LE": le, "UTF-16BE": be} {
		if got := string(UTF8([]byte(in))); got != text {
			t.Errorf("%s: %q", name, got)
		}
	}
}

// The look-alikes of Han characters that PDF fonts map glyphs to are the
// characters they show, in what is kept (Plain) and in what searches compare
// (Fold); a compatibility ideograph that is a character of its own stays.
func TestHanForms(t *testing.T) {
	for _, c := range []struct {
		in, want string
		folds    bool // Fold makes in and want one text
	}{
		{"⼈⺠政府⻔户⽹站", "人民政府门户网站", true},
		{"⻔⼾⽹站", "门户网站", true}, // ⼾ is 户 as a simplified font draws it, not 戶
		{"关于印发《⼯作⽅案》的通知", "关于印发《工作方案》的通知", true},
		{"\uF967予公开", "不予公开", true},
		{"“引号”—破折号，（括号）", "“引号”—破折号，（括号）", true},
		{"\uFA0E\uFA0F", "\uFA0E\uFA0F", true}, // 﨎﨏: no decomposition, characters of their own
		{"⼀、总体情况\v第⼆行\x01", "一、总体情况\n第二行", false},
	} {
		got, ok := Plain(c.in)
		if !ok || got != c.want {
			t.Errorf("Plain(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
		if c.in != c.want && !HasHanForm(c.in) {
			t.Errorf("HasHanForm(%q) = false", c.in)
		}
		if a, b := strings.Map(Fold, c.in), strings.Map(Fold, c.want); c.folds && a != b {
			t.Errorf("Fold(%q) = %q, Fold(%q) = %q", c.in, a, c.want, b)
		}
	}
	if HasHanForm("“引号”—破折号，（括号）") {
		t.Error("HasHanForm of quotes, a dash and full-width punctuation")
	}
	if _, ok := Plain("空\x00字符"); ok {
		t.Error("Plain took a NUL")
	}
}

// Every Kangxi radical has its character.
func TestKangxiForms(t *testing.T) {
	for r := rune(0x2F00); r <= 0x2FD5; r++ {
		if u, ok := HanForm(r); !ok || u == r || u < 0x4E00 || u > 0x9FFF {
			t.Errorf("%U %c: %U %v", r, r, u, ok)
		}
	}
}
