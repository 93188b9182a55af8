package newmedia

import (
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"gongkai/internal/errs"
	"gongkai/internal/workday"
)

var D = workday.MustDate

func TestFreshness(t *testing.T) {
	last := D("2026-11-15")
	a := Account{State: Running, LastPostOn: &last}
	if f := a.Fresh(D("2026-11-29"), 14); f.Stale || !f.Soon || f.Days != 14 {
		t.Errorf("14 days: %+v", f)
	}
	if f := a.Fresh(D("2026-11-30"), 14); !f.Stale {
		t.Errorf("15 days: %+v", f)
	}
	if f := a.Fresh(D("2026-11-30"), 30); f.Stale || f.Soon {
		t.Errorf("a stricter or looser limit is the setting's: %+v", f)
	}
	a.State = "closed"
	if f := a.Fresh(D("2026-12-30"), 14); f.Stale {
		t.Error("a closed account is not flagged")
	}
	if f := (&Account{State: Running}).Fresh(D("2026-11-30"), 14); !f.Stale || f.Days != -1 {
		t.Errorf("never posted: %+v", f)
	}
}

func TestColumnStale(t *testing.T) {
	last := D("2026-05-31")
	if !ColumnStale("dynamic", &last, D("2026-06-15"), 14, 6) || ColumnStale("dynamic", &last, D("2026-06-14"), 14, 6) {
		t.Error("dynamic: 14 days")
	}
	if ColumnStale("notice", &last, D("2026-11-30"), 14, 6) || !ColumnStale("notice", &last, D("2026-12-01"), 14, 6) {
		t.Error("notice: 6 months")
	}
	if ColumnStale("static", nil, D("2026-12-01"), 14, 6) || !ColumnStale("dynamic", nil, D("2026-12-01"), 14, 6) {
		t.Error("static never; a dynamic column never updated is stale")
	}
}

func TestColumnTallyVetoes(t *testing.T) {
	today := D("2026-12-01")
	old, recent := D("2026-01-05"), D("2026-11-30")
	var tl ColumnTally
	for range 4 { // stale dynamic columns
		tl.Count(&old, ColumnStale("dynamic", &old, today, 14, 6))
	}
	tl.Count(&recent, ColumnStale("dynamic", &recent, today, 14, 6))
	for range 5 { // never updated, of any kind: blank, not also stale
		tl.Count(nil, ColumnStale("dynamic", nil, today, 14, 6))
	}
	tl.Count(&old, ColumnStale("static", &old, today, 14, 6)) // a fixed column is never stale
	if tl != (ColumnTally{Columns: 11, Stale: 4, Blank: 5}) {
		t.Fatalf("tally %+v", tl)
	}
	v := tl.Vetoes(5)
	if len(v) != 1 || v[0] != "空白栏目 5 个，达到 5 个" {
		t.Errorf("limit 5: %q", v)
	}
	if v := tl.Vetoes(4); len(v) != 2 || v[0] != "栏目不更新：超期未更新的栏目 4 个，达到 4 个" {
		t.Errorf("limit 4: %q", v)
	}
	if v := tl.Vetoes(6); v != nil {
		t.Errorf("limit 6: %q", v)
	}
}

const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>卫滨教体</title>
<item><title>一</title><pubDate>Mon, 30 Nov 2026 16:30:00 +0000</pubDate></item>
<item><title>二</title><pubDate>Tue, 03 Nov 2026 09:00:00 +0800</pubDate></item>
<item><title>无日期</title></item></channel></rss>`

const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>a</title><updated>2026-10-09T08:00:00+08:00</updated><published>2026-10-08T08:00:00+08:00</published></entry>
<entry><title>b</title><updated>2026-10-10T08:00:00Z</updated></entry></feed>`

func TestParseFeed(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Shanghai")
	dates, skipped, err := ParseFeed([]byte(rss), "", loc)
	// 16:30 UTC on the 30th is the 1st of December in Beijing
	if err != nil || skipped != 1 || len(dates) != 2 || dates[0] != D("2026-12-01") || dates[1] != D("2026-11-03") {
		t.Errorf("rss: %v %d %v", dates, skipped, err)
	}
	dates, _, err = ParseFeed([]byte(atom), "", loc)
	if err != nil || len(dates) != 2 || dates[0] != D("2026-10-08") || dates[1] != D("2026-10-10") {
		t.Errorf("atom (published wins over updated): %v %v", dates, err)
	}
	counts, last := CountByMonth(dates)
	if counts["2026-10"] != 2 || *last != D("2026-10-10") {
		t.Errorf("counts %v last %v", counts, last)
	}
	for name, bad := range map[string]string{
		"not xml":  "hello",
		"not feed": "<html><body/></html>",
		"deep":     "<rss>" + strings.Repeat("<a>", 100) + strings.Repeat("</a>", 100) + "</rss>",
		"encoding": `<?xml version="1.0" encoding="x-klingon"?><rss/>`,
	} {
		if _, _, err := ParseFeed([]byte(bad), "", loc); errs.KindOf(err) != errs.Invalid {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, _, err := ParseFeed([]byte(`<?xml version="1.0" encoding="x-klingon"?><rss/>`), "", loc); !strings.Contains(errs.Message(err), "x-klingon") {
		t.Errorf("an unknown encoding is named: %v", err)
	}
}

// Feeds as Chinese site systems publish them: GB2312/GBK, said in the XML
// declaration, only by the server, or not at all; UTF-16; UTF-8 with a BOM
// or a stray byte; dates without a zone, with slashes or 年月日.
func TestFeedEncodingsAndDates(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Shanghai")
	body := `<rss version="2.0"><channel><title>卫滨区教育体育和文化旅游局</title>` +
		`<item><title>关于2026年秋季学期开学的通知</title><pubDate>2026-11-02 09:00:00</pubDate></item>` +
		`<item><title>招生公告（第二批）</title><pubDate>2026/11/3 16:05</pubDate></item>` +
		`<item><title>教育惠民政策解读</title><pubDate>2026年11月4日</pubDate></item>` +
		`<item><title>𠀀扩展汉字</title><pubDate>2026-1-5</pubDate></item>` +
		`<item><title>带时区</title><pubDate>2026-11-06T23:30:00+0000</pubDate></item></channel></rss>`
	gbk := func(s string) []byte {
		b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	utf16 := func(s string) []byte {
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	want := []workday.Date{D("2026-11-02"), D("2026-11-03"), D("2026-11-04"), D("2026-01-05"), D("2026-11-07")}
	for name, c := range map[string]struct {
		data    []byte
		charset string
	}{
		"gb2312 declared":                 {gbk(`<?xml version="1.0" encoding="gb2312"?>` + body), ""},
		"GBK declared, server says utf-8": {gbk(`<?xml version='1.0' encoding='GBK' ?>` + "\n" + body), "utf-8"},
		"GBK from the server":             {gbk(body), "GBK"},
		"GBK said by no one":              {gbk(`<?xml version="1.0"?>` + body), ""},
		"UTF-16 with a BOM":               {utf16(`<?xml version="1.0" encoding="UTF-16"?>` + body), ""},
		"UTF-8 with a BOM":                {append([]byte("\xef\xbb\xbf"), body...), ""},
		"UTF-8 with a stray byte":         {[]byte(`<?xml version="1.0" encoding="UTF-8"?>` + strings.Replace(body, "招生", "招\xff生", 1)), ""},
	} {
		dates, skipped, err := ParseFeed(c.data, c.charset, loc)
		if err != nil || skipped != 0 || !slices.Equal(dates, want) {
			t.Errorf("%s: %v skipped %d: %v", name, dates, skipped, err)
		}
	}
}

func FuzzParseFeed(f *testing.F) {
	f.Add([]byte(rss), "")
	f.Add([]byte(atom), "")
	gb, _ := simplifiedchinese.GBK.NewEncoder().String(strings.Replace(rss, "UTF-8", "GB2312", 1))
	f.Add([]byte(gb), "")
	f.Add([]byte(gb), "gbk")
	u16, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(atom)
	f.Add([]byte(u16), "")
	loc, _ := time.LoadLocation("Asia/Shanghai")
	f.Fuzz(func(t *testing.T, data []byte, charset string) {
		dates, skipped, err := ParseFeed(data, charset, loc)
		if err == nil && len(dates)+skipped > maxFeedItems {
			t.Fatal("item limit not kept")
		}
	})
}

func TestValidation(t *testing.T) {
	a := Account{Platform: "myspace", FeedURL: "javascript:alert(1)"}
	f := errs.Fields(a.Validate())
	for _, k := range []string{"platform", "name", "sponsor", "feed_url"} {
		if f[k] == "" {
			t.Errorf("account %s not checked: %v", k, f)
		}
	}
	resolved := D("2026-11-01")
	in := Inspection{Kind: "daily", On: D("2026-11-02"), Problems: []string{"typo", "nonsense"}, ResolvedOn: &resolved}
	f = errs.Fields(in.Validate())
	for _, k := range []string{"problems", "note", "resolved_on", "resolution"} {
		if f[k] == "" {
			t.Errorf("inspection %s not checked: %v", k, f)
		}
	}
	for in, want := range map[string]Month{"2024-3": "2024-03", "2024年3月": "2024-03", "2024/12": "2024-12"} {
		if m, err := ParseMonth(in); err != nil || m != want {
			t.Errorf("month %q: %q %v", in, m, err)
		}
	}
	if _, err := ParseMonth("3月"); err == nil {
		t.Error("a month without a year")
	}
}
