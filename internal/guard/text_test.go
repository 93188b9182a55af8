package guard

import (
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
