package guard

import "testing"

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
