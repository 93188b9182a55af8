package workday_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"gongkai/internal/errs"
	"gongkai/internal/workday"
)

var D = workday.MustDate

// Twenty working days after receipt, counted by hand from the notices
// (国办发明电〔2023〕7号, 〔2024〕12号, 〔2025〕7号). Each comment is the count.
var handWorked = []struct {
	from, due string
	why       string
}{
	// 2/2 Fri(1) 2/4 Sun上班(2) 2/5–2/9(3–7) [2/10–2/17 春节] 2/18 Sun上班(8) 2/19–2/23(9–13) 2/26–3/1(14–18) 3/4(19) 3/5(20)
	{"2024-02-01", "2024-03-05", "2024 春节, make-up Sundays 2/4 and 2/18"},
	// 4/26(1) 4/28 Sun上班(2) 4/29(3) 4/30(4) [5/1–5/5] 5/6–5/10(5–9) 5/11 Sat上班(10) 5/13–5/17(11–15) 5/20–5/24(16–20)
	{"2024-04-25", "2024-05-24", "2024 劳动节, make-up 4/28 Sun and 5/11 Sat"},
	// 9/13(1) 9/14 Sat上班(2) [9/15–17 中秋] 9/18–9/20(3–5) 9/23–9/27(6–10) 9/29 Sun上班(11) 9/30(12) [10/1–7] 10/8–10/11(13–16) 10/12 Sat上班(17) 10/14–10/16(18–20)
	{"2024-09-12", "2024-10-16", "2024 中秋 and 国庆, make-up 9/14, 9/29, 10/12"},
	// 1/26 Sun上班(1) 1/27(2) [1/28–2/4 春节] 2/5–2/7(3–5) 2/8 Sat上班(6) 2/10–2/14(7–11) 2/17–2/21(12–16) 2/24–2/27(17–20)
	{"2025-01-24", "2025-02-27", "2025 春节 from 除夕, make-up 1/26 Sun and 2/8 Sat"},
	// 4/29(1) 4/30(2) [5/1–5/5] 5/6–5/8(3–5) 5/9 Sat上班(6) 5/11–5/15(7–11) 5/18–5/22(12–16) 5/25–5/28(17–20)
	{"2026-04-28", "2026-05-28", "2026 劳动节, make-up 5/9 Sat"},
	// 2/11–2/13(1–3) 2/14 Sat上班(4) [2/15–2/23 春节, 9 days] 2/24–2/27(5–8) 2/28 Sat上班(9) 3/2–3/6(10–14) 3/9–3/13(15–19) 3/16(20)
	{"2026-02-10", "2026-03-16", "2026 春节 of nine days, make-up 2/14 and 2/28"},
	// 9/20 Sun上班(1) 9/21–9/24(2–5) [9/25–27 中秋] 9/28–9/30(6–8) [10/1–7 国庆] 10/8(9) 10/9(10) 10/10 Sat上班(11) 10/12–10/16(12–16) 10/19–10/22(17–20)
	{"2026-09-18", "2026-10-22", "2026 中秋 and 国庆, make-up 9/20 Sun and 10/10 Sat"},
	// 12/25(1) 12/26(2) 12/29–12/31(3–5) [2026 1/1–1/3 元旦] 1/4 Sun上班(6) 1/5–1/9(7–11) 1/12–1/16(12–16) 1/19–1/22(17–20)
	{"2025-12-24", "2026-01-22", "across the year, 2026 元旦 with make-up 1/4 Sun"},
}

func TestHandWorkedDeadlines(t *testing.T) {
	cal := workday.Default()
	for _, c := range handWorked {
		got, err := cal.Add(D(c.from), 20)
		if err != nil {
			t.Fatalf("%s: %v", c.from, err)
		}
		if got != D(c.due) {
			t.Errorf("%s + 20 working days = %s, want %s (%s)", c.from, got, c.due, c.why)
		}
		n, err := cal.Between(D(c.from), D(c.due))
		if err != nil || n != 20 {
			t.Errorf("Between(%s, %s) = %d %v, want 20", c.from, c.due, n, err)
		}
	}
}

// naive is the definition, written as plainly as possible from the CSV.
func naive(t *testing.T) func(workday.Date) bool {
	f, err := os.Open("data/holidays.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, _ := csv.NewReader(f).ReadAll()
	kind := map[string]string{}
	for _, r := range recs[1:] {
		kind[r[0]] = r[1]
	}
	return func(d workday.Date) bool {
		switch kind[d.String()] {
		case "rest":
			return false
		case "work":
			return true
		}
		return d.Weekday() != time.Saturday && d.Weekday() != time.Sunday
	}
}

// Every date of 2019–2026 against the plain definition, and Add against a
// day-by-day count.
func TestAgainstDefinition(t *testing.T) {
	cal := workday.Default()
	isWork := naive(t)
	for d := D("2019-01-01"); d <= D("2026-12-31"); d++ {
		w, err := cal.IsWorkday(d)
		if err != nil {
			t.Fatal(err)
		}
		if w != isWork(d) {
			t.Fatalf("%s: IsWorkday = %v", d, w)
		}
	}
	for d := D("2019-01-01"); d <= D("2026-10-31"); d += 3 {
		for _, n := range []int{1, 7, 15, 20, 40} {
			want, k := d, 0
			for k < n {
				want++
				if isWork(want) {
					k++
				}
			}
			if want.Year() > 2026 {
				continue
			}
			got, err := cal.Add(d, n)
			if err != nil || got != want {
				t.Fatalf("Add(%s, %d) = %s %v, want %s", d, n, got, err, want)
			}
		}
	}
}

func TestMidYearChanges(t *testing.T) {
	cal := workday.Default()
	// 2019 劳动节 became 1–4 May with make-up 28 Apr and 5 May (国办发明电〔2019〕3号)
	for d, want := range map[string]bool{"2019-04-28": true, "2019-05-02": false, "2019-05-04": false, "2019-05-05": true,
		// 2020 春节 extended to 2 Feb; the 1 Feb make-up day lapsed (国办发明电〔2020〕1号)
		"2020-01-19": true, "2020-01-31": false, "2020-02-01": false, "2020-02-03": true} {
		if w, _ := cal.IsWorkday(D(d)); w != want {
			t.Errorf("%s working = %v, want %v", d, w, want)
		}
	}
	n, _ := cal.Notice(2020)
	if n.Number != "国办发明电〔2019〕16号" || !strings.Contains(n.Note, "〔2020〕1号") {
		t.Errorf("2020 notice %+v", n)
	}
}

// A year without a notice is an error naming it, never plain weekends.
func TestMissingYear(t *testing.T) {
	cal := workday.Default()
	_, err := cal.Add(D("2026-12-15"), 20)
	if !errors.Is(err, workday.ErrNoNotice) || !strings.Contains(errs.Message(err), "2027") {
		t.Fatalf("err = %v", err)
	}
	if _, err := cal.IsWorkday(D("2018-06-01")); !errors.Is(err, workday.ErrNoNotice) || !strings.Contains(errs.Message(err), "2018") {
		t.Errorf("2018: %v", err)
	}
	if _, err := cal.Between(D("2026-12-01"), D("2027-01-10")); !errors.Is(err, workday.ErrNoNotice) {
		t.Errorf("between into 2027: %v", err)
	}
}

// An administrator loads next year's notice without a rebuild.
func TestLoadNextYear(t *testing.T) {
	cal := workday.Default()
	src := "date,kind,holiday,notice_year,notice\n" +
		"2027-01-01,rest,元旦,2027,国办发明电〔2026〕X号\n" +
		"2027-01-02,rest,元旦,2027,国办发明电〔2026〕X号\n" +
		"2027-01-03,rest,元旦,2027,国办发明电〔2026〕X号\n"
	es, err := workday.ReadEntries("2027.csv", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	next, err := cal.WithNotice(workday.Notice{Year: 2027, Number: "国办发明电〔2026〕X号", Published: D("2026-11-10")}, es)
	if err != nil {
		t.Fatal(err)
	}
	// 12/16–12/31 is 12 working days; 1/1 is a holiday; 1/4 … the 20th is 1/13
	got, err := next.Add(D("2026-12-15"), 20)
	if err != nil || got != D("2027-01-13") {
		t.Errorf("Add = %s %v", got, err)
	}
	if next.Version() == cal.Version() {
		t.Error("version did not change")
	}
	if _, err := cal.Add(D("2026-12-15"), 20); err == nil {
		t.Error("the old calendar changed")
	}
}

func TestReadEntriesErrors(t *testing.T) {
	for src, want := range map[string]string{
		"2027-02-03,work,春节,2027,X\n":                            "第 1 行：2027-02-03 是星期三，调休上班日应是星期六或星期日",
		"2027-02-30,rest,春节,2027,X\n":                            "第 1 行：日期“2027-02-30”不对",
		"2027-02-06,holiday,春节,2027,X\n":                         "第 2 列应为 rest",
		"2027-02-06,rest,春节,2025,X\n":                            "通知年份",
		"2027-02-06,rest,春节\n":                                   "应有 5 列",
		"2027-02-06,rest,春节,2027,X\n2027-02-06,rest,春节,2027,X\n": "第 2 行：2027-02-06 与第 1 行重复",
	} {
		_, err := workday.ReadEntries("n.csv", strings.NewReader(src))
		if err == nil || !strings.Contains(errs.Message(err), want) {
			t.Errorf("%q: %v, want %q", src, err, want)
		}
	}
}

// A province that extended a holiday by local notice overlays the national calendar.
func TestOverlay(t *testing.T) {
	cal := workday.Default()
	// e.g. 2020: some provinces extended 春节 to 9 Feb by local notice
	var es []workday.Entry
	for d := D("2020-02-03"); d <= D("2020-02-07"); d++ {
		es = append(es, workday.Entry{Date: d, Kind: workday.Rest, Holiday: "春节（延长）", Year: 2020, Notice: "某省通知"})
	}
	local, err := cal.WithOverlay("某省", es)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := cal.Add(D("2020-01-23"), 1)
	b, _ := local.Add(D("2020-01-23"), 1)
	if a != D("2020-02-03") || b != D("2020-02-10") {
		t.Errorf("national %s local %s", a, b)
	}
}

func TestDates(t *testing.T) {
	// no year 0: PostgreSQL refuses it (an API call with it failed with 500)
	for _, bad := range []string{"2025-02-29", "0000-01-01", "0000-12-31"} {
		if _, err := workday.ParseDate(bad); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	if d, err := workday.ParseDate("0001-01-01"); err != nil || d.String() != "0001-01-01" {
		t.Errorf("0001-01-01: %v %v", d, err)
	}
	d := D("2024-02-29")
	if d.Weekday() != time.Thursday || d.Chinese() != "2024年2月29日" || d.WeekdayName() != "星期四" {
		t.Errorf("%v %s %s", d.Weekday(), d.Chinese(), d.WeekdayName())
	}
	var b bytes.Buffer
	b.WriteString(d.String())
	if b.String() != "2024-02-29" {
		t.Error(b.String())
	}
}

// BenchmarkAdd is the deadline arithmetic; target ≥ 1 000 000 calls/s.
func BenchmarkAdd(b *testing.B) {
	cal := workday.Default()
	from := D("2024-01-02")
	i := 0
	for b.Loop() {
		if _, err := cal.Add(from+workday.Date(i%700), 20); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "adds/s")
}

// BenchmarkAddBaseline counts day by day over a map, the obvious implementation.
func BenchmarkAddBaseline(b *testing.B) {
	cal := workday.Default()
	from := D("2024-01-02")
	i := 0
	for b.Loop() {
		d, k := from+workday.Date(i%700), 0
		for k < 20 {
			d++
			if w, _ := cal.IsWorkday(d); w {
				k++
			}
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "adds/s")
}

func TestParseNoticeYAML(t *testing.T) {
	src := `year: 2027
notice: 国办发明电〔2026〕X号
published: 2026-11-10
holidays:
  - name: 元旦
    rest: [2027-01-01, 2027-01-02, 2027-01-03]
  - name: 春节
    rest: [2027-02-06, 2027-02-07, 2027-02-08, 2027-02-09, 2027-02-10, 2027-02-11, 2027-02-12, 2027-02-13]
    work: [2027-01-31, 2027-02-20]
`
	n, es, err := workday.ParseNotice("2027.yaml", []byte(src), 0, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if n.Year != 2027 || len(es) != 13 || n.Published != D("2026-11-10") {
		t.Fatalf("%+v %d", n, len(es))
	}
	cal, err := workday.Default().WithNotice(n, es)
	if err != nil {
		t.Fatal(err)
	}
	if w, _ := cal.IsWorkday(D("2027-01-31")); !w {
		t.Error("make-up Sunday not a working day")
	}
	for bad, want := range map[string]string{
		strings.Replace(src, "work: [2027-01-31", "work: [2027-02-01", 1):         "调休上班日应是星期六或星期日",
		strings.Replace(src, "2027-01-03]", "2027-01-03, 2027-02-06]", 1):         "已出现在",
		strings.Replace(src, "published: 2026-11-10", "published: 2026-11-31", 1): "发布日期",
		strings.Replace(src, "holidays:", "holiday:", 1):                          "YAML",
	} {
		if _, _, err := workday.ParseNotice("2027.yaml", []byte(bad), 0, "", 0); err == nil || !strings.Contains(errs.Message(err), want) {
			t.Errorf("want %q, got %v", want, err)
		}
	}
	csv := "date,kind,holiday,notice_year,notice\n2027-01-01,rest,元旦,2027,X\n"
	if _, _, err := workday.ParseNotice("a.csv", []byte(csv), 2027, "X", D("2026-11-10")); err != nil {
		t.Errorf("csv: %v", err)
	}
	if _, _, err := workday.ParseNotice("a.csv", []byte(csv), 0, "", 0); err == nil {
		t.Error("csv without year accepted")
	}
}

// A tag without a value made the YAML decoder dereference nil (found by
// FuzzNotice): the upload gets a clear error, the server no panic.
func TestNoticeYAMLDecoderPanicIsAnError(t *testing.T) {
	_, _, err := workday.ParseNotice("2027.yaml", []byte("holidays: ! \n"), 0, "", 0)
	if err == nil || !strings.Contains(errs.Plain(err), "YAML 格式错误") || !strings.Contains(err.Error(), "2027.yaml") || strings.Contains(errs.Plain(err), "panic") {
		t.Fatalf("err = %v", err)
	}
}

// A notice saved by Notepad — as GBK ("ANSI" on Chinese Windows), as
// "Unicode" (UTF-16), or as UTF-8 with its mark — reads as the UTF-8 one; it
// had been stored garbled (or refused for a field named "\ufeffyear").
func TestParseNoticeAsNotepadSavesIt(t *testing.T) {
	src := "year: 2027\nnotice: 国办发明电〔2026〕X号\npublished: 2026-11-10\nholidays:\n  - name: 元旦\n    rest: [2027-01-01, 2027-01-02, 2027-01-03]\n"
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(src)
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(src)
	for name, data := range map[string]string{"GBK": gbk, "UTF-16": u16, "BOM": "\xef\xbb\xbf" + src} {
		n, es, err := workday.ParseNotice("2027.yaml", []byte(data), 0, "", 0)
		if err != nil || n.Number != "国办发明电〔2026〕X号" || len(es) != 3 || es[0].Holiday != "元旦" {
			t.Errorf("%s: %+v %v %v", name, n, es, err)
		}
	}
	csvGBK, _ := simplifiedchinese.GBK.NewEncoder().String("date,kind,holiday,notice_year,notice\n2027-01-01,rest,元旦,2027,国办发明电〔2026〕X号\n")
	_, es, err := workday.ParseNotice("2027.csv", []byte(csvGBK), 2027, "国办发明电〔2026〕X号", D("2026-11-10"))
	if err != nil || len(es) != 1 || es[0].Holiday != "元旦" || es[0].Notice != "国办发明电〔2026〕X号" {
		t.Errorf("GBK CSV: %+v %v", es, err)
	}
}

// A date typed into a text box (an old browser shows a date field as one)
// is read in the forms people type; ParseDate stays strict.
func TestParseTyped(t *testing.T) {
	for _, in := range []string{"2026-03-05", "2026-3-5", "2026/3/5", "2026.03.05", "2026年3月5日", " 2026 年 3 月 5 日 ", "２０２６－０３－０５", "２０２６年３月５日"} {
		if d, err := workday.ParseTyped(in); err != nil || d != D("2026-03-05") {
			t.Errorf("%q: %v %v", in, d, err)
		}
	}
	for _, bad := range []string{"2026-02-30", "3月5日", "2026", "明天", "0000-01-01", ""} {
		if _, err := workday.ParseTyped(bad); err == nil || !strings.Contains(errs.Message(err), "应写成 2025-03-05 或 2025年3月5日") {
			t.Errorf("%q: %v", bad, err)
		}
	}
	if _, err := workday.ParseDate("2026/3/5"); err == nil {
		t.Error("ParseDate took 2026/3/5")
	}
}
