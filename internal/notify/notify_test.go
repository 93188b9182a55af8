package notify

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"net/mail"
	"strings"
	"testing"
	"time"

	"gongkai/internal/workday"
)

func digest() Digest {
	d := workday.MustDate
	return Digest{To: "clerk@example.gov.cn", Name: "张三", Agency: "卫滨区教育体育和文化旅游局", Today: d("2026-12-01"), Soon: 3,
		Overdue: 1, DueSoon: 32, Base: "https://gk.example.gov.cn",
		Groups: []Group{
			{Title: "您承办的已逾期", Items: []Item{{ID: 7, Serial: "2026-0007", Received: d("2026-10-20"), Due: d("2026-11-30"), DaysLeft: -1, Counted: true, State: "办理中"}}},
			{Title: "您承办的 3 个工作日内到期", Items: []Item{{ID: 9, Serial: "2026-0009", Received: d("2026-11-03"), Due: d("2026-12-01"), Counted: true, State: "办理中"},
				{ID: 10, Serial: "2026-0010", Received: d("2026-11-04"), Due: d("2026-12-03"), DaysLeft: 2, Counted: true, State: "征求意见中"}}, More: 30},
		}}
}

func TestMessageReadsBack(t *testing.T) {
	now := time.Date(2026, 12, 1, 8, 30, 0, 0, time.FixedZone("CST", 8*3600))
	raw := Message("noreply@example.gov.cn", digest(), now, "remind.1@example.gov.cn")
	for _, l := range bytes.Split(raw, []byte("\r\n")) {
		if len(l) > 78 {
			t.Fatalf("line of %d bytes: %q", len(l), l)
		}
	}
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	subj, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if want := "【政府信息公开到期提醒】已逾期 1 件，3 个工作日内到期 32 件"; err != nil || subj != want {
		t.Fatalf("subject %q (%v), want %q", subj, err, want)
	}
	from, _ := m.Header.AddressList("From")
	to, _ := m.Header.AddressList("To")
	if len(from) != 1 || from[0].Address != "noreply@example.gov.cn" || from[0].Name != "政府信息公开工作平台" || len(to) != 1 || to[0].Name != "张三" {
		t.Fatalf("from %v to %v", from, to)
	}
	if d, err := m.Header.Date(); err != nil || !d.Equal(now) {
		t.Fatalf("date %v %v", d, err)
	}
	b, _ := io.ReadAll(base64.NewDecoder(base64.StdEncoding, m.Body))
	body := string(b)
	for _, want := range []string{
		"张三：", "截至 2026年12月1日，卫滨区教育体育和文化旅游局需要您关注的事项如下",
		"您承办的已逾期（1 件）：\r\n  2026-0007  收到 2026年10月20日  答复期限 2026年11月30日（已逾期 1 个工作日）  办理中\r\n    https://gk.example.gov.cn/admin/cases/7",
		"2026-0009  收到 2026年11月3日  答复期限 2026年12月1日（今天到期）",
		"（还有 2 个工作日）  征求意见中",
		"您承办的 3 个工作日内到期（32 件）", "另有 30 件，请登录系统查看。", "工作台：https://gk.example.gov.cn/admin/",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
}

func TestBodyWithoutLinksOrCalendar(t *testing.T) {
	d := digest()
	d.Base = ""
	d.Groups[0].Items[0].Counted = false
	body := d.Body()
	if strings.Contains(body, "http") || strings.Contains(body, "工作台：") {
		t.Fatalf("links without a base address:\n%s", body)
	}
	if !strings.Contains(body, "（节假日安排未导入，工作日数未计）") {
		t.Fatalf("an uncounted deadline is not said:\n%s", body)
	}
}

func TestSummary(t *testing.T) {
	d := Digest{Soon: 3, Unassigned: 2}
	if got := d.Summary(); got != "未指派承办人且将到期或已逾期 2 件" {
		t.Fatalf("Summary = %q", got)
	}
	if got := digest().Cases(); got != 33 {
		t.Fatalf("Cases = %d, want 33 (listed and more)", got)
	}
}

func TestAddress(t *testing.T) {
	for in, want := range map[string]string{
		"":                                   "",
		"  clerk@example.gov.cn ":            "clerk@example.gov.cn",
		"张三 <zhang.san@example.gov.cn>":      "zhang.san@example.gov.cn",
		"zhangsan＠example．gov．cn":            "zhangsan@example.gov.cn",
		"\"Zhang San\" <zs@mail.example.cn>": "zs@mail.example.cn",
	} {
		if got, err := Address("email", in); err != nil || got != want {
			t.Errorf("Address(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"zhangsan", "zhangsan@localhost", "张三@example.gov.cn", "zs@例子.中国", "a@b.cn\r\nBcc: x@y.cn", "a b@c.cn", "@example.gov.cn", `"x<"@n.c`, `"a@b"@c.cn`, `"a,b"@c.cn`, `"n."@n.c`,
		strings.Repeat("a", 250) + "@example.gov.cn"} {
		if got, err := Address("email", in); err == nil {
			t.Errorf("Address(%q) = %q, want an error", in, got)
		}
	}
}

// An address typed into a form: never a panic; what is taken is a bare
// address that reads back as itself and cannot add a header.
func FuzzAddress(f *testing.F) {
	for _, s := range []string{"a@b.cn", "张三 <a@b.cn>", "a＠b．cn", "\"x\" <a@b.cn>", "a@b.cn\r\nBcc: c@d.cn", "=?utf-8?b?5byg?= <a@b.cn>", "<>", "a@[1.2.3.4]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Address("email", s)
		if err != nil || got == "" {
			return
		}
		if strings.ContainsAny(got, "\r\n <>\"") || len(got) > maxAddress {
			t.Fatalf("Address(%q) = %q", s, got)
		}
		if again, err := Address("email", got); err != nil || again != got {
			t.Fatalf("Address(%q) = %q, which reads back as %q, %v", s, got, again, err)
		}
	})
}
