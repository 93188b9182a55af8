package report_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"gongkai/internal/report"
)

// tenKB is a realistic 10 KB published report: the tables of a busy agency and
// a long narrative.
func tenKB(tb testing.TB) []byte {
	r := report.Generate(rand.New(rand.NewPCG(10, 10)), "示例市人力资源和社会保障局", 2024)
	var extra strings.Builder
	for extra.Len() < 6100 {
		extra.WriteString("\n本机关坚持以公开为常态、不公开为例外，围绕群众关切做好就业、社保、人才等领域信息公开，及时发布政策文件并同步开展解读。")
	}
	r.Sections["1"] += extra.String()
	var b strings.Builder
	renderText(tb, &b, r)
	return []byte(b.String())
}

// BenchmarkAudit is parse + every check of one 10 KB report on one core.
// Target (issue 3): at least 1 000 reports/s.
func BenchmarkAudit(b *testing.B) { benchAudit(b, tenKB(b)) }

// benchAudit reads and checks data, as a text report, b.N times, and
// reports the rate in reports/s.
func benchAudit(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r, err := report.Read("r.txt", data)
		if err != nil {
			b.Fatal(err)
		}
		report.Check(r, nil)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
}

// BenchmarkAuditBaseline is the floor to compare against, measured in the
// same run: validate the UTF-8, split into lines and fields, no parsing.
func BenchmarkAuditBaseline(b *testing.B) {
	data := tenKB(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if !utf8.Valid(data) {
			b.Fatal("invalid")
		}
		n := 0
		for _, l := range bytes.Split(data, []byte("\n")) {
			n += len(bytes.Fields(l))
		}
		if n == 0 {
			b.Fatal("empty")
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
}

func TestTenKB(t *testing.T) {
	if n := len(tenKB(t)); n < 9500 || n > 11000 {
		t.Errorf("benchmark report is %d bytes, want about 10 KB", n)
	}
}

// BenchmarkAuditSize audits the seed repeated to growing sizes: a linear
// auditor keeps its MB/s as the file grows (the quadratic one took 45 s for
// 1 MB). The baseline is the same tokenising as BenchmarkAuditBaseline.
func BenchmarkAuditSize(b *testing.B) {
	seed := readFile(b, seedPath)
	for _, kb := range []int{64, 256, 1024, 4096} {
		data := bytes.Repeat(seed, kb*1024/len(seed)+1)
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				r, err := report.Read("r.txt", data)
				if err != nil {
					b.Fatal(err)
				}
				report.Check(r, nil)
			}
		})
		b.Run(fmt.Sprintf("%dKB_baseline", kb), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				n := 0
				for _, l := range bytes.Split(data, []byte("\n")) {
					n += len(bytes.Fields(l))
				}
				if n == 0 || !utf8.Valid(data) {
					b.Fatal("empty")
				}
			}
		})
	}
}

// What a directory's audit adds to every report to compare two files of
// one agency and year (X.SAME_YEAR): its table cells kept as text, against
// the CrossYear it is part of.
func BenchmarkYearCells(b *testing.B) {
	r := report.Generate(rand.New(rand.NewPCG(1, 2)), "测试局", 2024)
	b.Run("CrossYear", func(b *testing.B) {
		for b.Loop() {
			c := r.CrossYear()
			_ = c.Pack()
		}
	})
	b.Run("YearCells", func(b *testing.B) {
		for b.Loop() {
			_ = r.YearCells()
		}
	})
}

// BenchmarkStreamBudget is the worst page of a cell to a line (pdftotext's
// default text of a narrow page writing — for 0): 表三 read from its
// numbers' order searches the whole step budget and finds nothing sure.
// Against the 10 KB report of BenchmarkAudit in the same run.
func BenchmarkStreamBudget(b *testing.B) {
	b.Run("budget-spent", func(b *testing.B) {
		benchAudit(b, readFile(b, "../../testdata/audit/pdftotext-chrome-a5-marks-2021.txt"))
	})
	b.Run("ten-kb", func(b *testing.B) { benchAudit(b, tenKB(b)) })
}

// BenchmarkDisplacedBudget is what readDisplaced costs: a table whose 175
// numbers are each a 0 beside a word (every one may be a cell read later
// than its place: the search spends its budget), LibreOffice's default text
// read that way (pdftotext-lo-big-displaced-2021.txt), a narrow page read
// only by the second way tried (pdftotext-chrome-a5-marks-totalsgathered),
// against the 10 KB report of BenchmarkAudit in the same run.
func BenchmarkDisplacedBudget(b *testing.B) {
	crafted := withT3(strings.Repeat("字 0\n", 175))
	b.Run("budget-spent", func(b *testing.B) { benchAudit(b, crafted) })
	b.Run("read", func(b *testing.B) {
		benchAudit(b, readFile(b, "../../testdata/audit/pdftotext-lo-big-displaced-2021.txt"))
	})
	b.Run("second-way", func(b *testing.B) {
		benchAudit(b, readFile(b, "../../testdata/audit/pdftotext-chrome-a5-marks-totalsgathered-2023.txt"))
	})
	b.Run("ten-kb", func(b *testing.B) { benchAudit(b, tenKB(b)) })
}

// BenchmarkPageTails is what readPageTails costs: Chromium's A5 print through
// pdftotext's default text (read, each row's first cell with its label and
// the rest after the page's rows), the same run into one line (flat), and
// every row's label with one number then one long run of small numbers that
// never read (crafted: each group may be a row's first cells or the rest of
// the rows waiting; crafted-glued, the same without spaces), a page of the
// A5 print run into one line without spaces with a row in error (glued),
// against the 10 KB report of BenchmarkAudit.
func BenchmarkPageTails(b *testing.B) {
	var rows strings.Builder
	rng := rand.New(rand.NewPCG(3, 3))
	t3 := report.FormatForYear(2021).T3Rows()
	for _, row := range t3 {
		rows.WriteString(row.Group + row.Label + " " + strconv.Itoa(rng.IntN(3)) + "\n")
	}
	for range len(t3) * (report.NumCols - 1) {
		rows.WriteString(strconv.Itoa(rng.IntN(3)) + " ")
	}
	crafted := withT3(rows.String() + "\n")
	// the same glued (no spaces): each group's digits cut every way
	glued := withT3(strings.ReplaceAll(rows.String(), " ", "") + "\n")
	b.Run("read", func(b *testing.B) {
		benchAudit(b, readFile(b, "../../testdata/audit/pdftotext-chrome-a5-pagetails-2019.txt"))
	})
	b.Run("flat", func(b *testing.B) {
		benchAudit(b, readFile(b, "../../testdata/audit/flat-spaced-default-chrome-a5-pagetails-2019.txt"))
	})
	b.Run("crafted", func(b *testing.B) { benchAudit(b, crafted) })
	b.Run("crafted-glued", func(b *testing.B) { benchAudit(b, glued) })
	b.Run("glued", func(b *testing.B) {
		benchAudit(b, readFile(b, "../../testdata/audit/flat-default-chrome-a5-pagetails-rowerror-2024.txt"))
	})
	b.Run("ten-kb", func(b *testing.B) { benchAudit(b, tenKB(b)) })
}

// BenchmarkBlankTotals is a report that leaves its zeros blank, run into one
// line, whose rows' 总计 readBlankTotals reads (read), the same of pdftotext's
// default text where it finds them not the rows' own (layout), and a page of
// short rows each of many digits that never add up (crafted: the most
// candidates a row can bring), beside the 10 KB report.
func BenchmarkBlankTotals(b *testing.B) {
	var rows strings.Builder
	for _, row := range report.FormatForYear(2021).T3Rows() {
		rows.WriteString(row.Group + row.Label + " 98 76 54 32 19 87\n")
	}
	crafted := withT3(rows.String())
	b.Run("read", func(b *testing.B) { benchAudit(b, readFile(b, "../../testdata/audit/flat-blanks-totals-2023.txt")) })
	b.Run("layout", func(b *testing.B) {
		benchAudit(b, readFile(b, "../../testdata/audit/flat-default-chrome-blanks-2021.txt"))
	})
	b.Run("crafted", func(b *testing.B) { benchAudit(b, crafted) })
	b.Run("ten-kb", func(b *testing.B) { benchAudit(b, tenKB(b)) })
}

// BenchmarkDigitsInOrder is what readDigitsInOrder costs: LibreOffice's
// default text of a report run into one line, 表三 read from its digits in
// order (read), the same with a row that adds up in no cut (rowerror), and
// a page of rows of twelve digits none zero, glued after their labels, that
// never add up (crafted: every cut of every row tried, the budget spent), a
// page whose digits no reading in order takes (crafted-displaced: each
// row's 总计 tried after the others), beside the 10 KB report.
func BenchmarkDigitsInOrder(b *testing.B) {
	var page strings.Builder
	page.WriteString("某局2021年政府信息公开工作年度报告一、总体情况文字。二、主动公开政府信息情况三、收到和处理政府信息公开申请情况")
	for _, row := range report.FormatForYear(2021).T3Rows() {
		page.WriteString(row.Group + row.Label + "123456789123")
	}
	page.WriteString("四、政府信息公开行政复议、行政诉讼情况五、存在的主要问题及改进情况无。六、其他需要报告的事项无。")
	crafted := []byte(page.String())
	// rows of zeros, one not adding up and a stray digit after the last:
	// no reading in order, so every row's 总计 is tried after the others,
	// with and without a row in error (the most that path does)
	page.Reset()
	page.WriteString("某局2021年政府信息公开工作年度报告一、总体情况文字。二、主动公开政府信息情况三、收到和处理政府信息公开申请情况")
	for i, row := range report.FormatForYear(2021).T3Rows() {
		cells := "0000000"
		if i == 5 {
			cells = "1000002"
		}
		page.WriteString(row.Group + row.Label + cells)
	}
	page.WriteString("9四、政府信息公开行政复议、行政诉讼情况五、存在的主要问题及改进情况无。六、其他需要报告的事项无。")
	displaced := []byte(page.String())
	b.Run("read", func(b *testing.B) { benchAudit(b, readFile(b, "../../testdata/audit/flat-default-lo-blocks-2021.txt")) })
	b.Run("rowerror", func(b *testing.B) {
		benchAudit(b, readFile(b, "../../testdata/audit/flat-default-lo-blocks-rowerror-2023.txt"))
	})
	b.Run("crafted", func(b *testing.B) { benchAudit(b, crafted) })
	b.Run("crafted-displaced", func(b *testing.B) { benchAudit(b, displaced) })
	b.Run("ten-kb", func(b *testing.B) { benchAudit(b, tenKB(b)) })
}

// BenchmarkT4Glued is what parseT4Glued costs: LibreOffice's default text
// of a report run into one line whose 表四 is read by its headings' words,
// one group not adding up (read), and a 表四 of runs of digits each cut
// every way, the most readings weighed (crafted: three runs of five 1s,
// 16 cuts each, 4 096 readings in all), beside the 10 KB report.
func BenchmarkT4Glued(b *testing.B) {
	page := readFile(b, "../../testdata/audit/flat-default-lo-docx-t4error-2020.txt")
	crafted := page
	for _, run := range []string{"审结0结果", "审结00202总计", "审结10000五"} {
		if !bytes.Contains(crafted, []byte(run)) {
			b.Fatalf("the fixture's 表四 has no %s", run)
		}
		five := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return -1
			}
			return r
		}, run)
		five = strings.Replace(five, "审结", "审结11111", 1)
		crafted = bytes.Replace(crafted, []byte(run), []byte(five), 1)
	}
	b.Run("read", func(b *testing.B) { benchAudit(b, page) })
	b.Run("crafted", func(b *testing.B) { benchAudit(b, crafted) })
	b.Run("ten-kb", func(b *testing.B) { benchAudit(b, tenKB(b)) })
}

// withT3 is a 2021 report of six sections, the text of its 表三 given.
func withT3(t3 string) []byte {
	return []byte("某局2021年政府信息公开工作年度报告\n一、总体情况\n文字。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n" +
		t3 + "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n")
}

// BenchmarkPageColumns is what placeByIdentities costs where it runs:
// pdftotext -layout of LibreOffice's PDF of a report that leaves cells
// blank, whose page after a page break is laid out anew (every row placed
// by the one way the column identities hold), the same with a row in error
// (the identities hold but for its column), beside the 10 KB report.
func BenchmarkPageColumns(b *testing.B) {
	b.Run("read", func(b *testing.B) {
		benchAudit(b, readFile(b, "../../testdata/audit/pdftotext-layout-lo-docx-blanks-pagecolumns-2022.txt"))
	})
	b.Run("rowerror", func(b *testing.B) {
		benchAudit(b, readFile(b, "../../testdata/audit/pdftotext-layout-lo-docx-blanks-pagecolumns-rowerror-2022.txt"))
	})
	b.Run("ten-kb", func(b *testing.B) { benchAudit(b, tenKB(b)) })
}
