package report_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"gongkai/internal/report"
)

// base is a minimal correct report: every cell 0, a narrative for 一、五、六.
func base() *report.Report {
	r := report.NewReport(report.Format2021)
	r.Agency, r.Year = "测试局", 2024
	r.Zero()
	r.Sections["1"] = "2024年，本机关未收到政府信息公开申请。"
	r.Sections["5"] = "一是公开深度不够；二是解读形式单一。"
	r.Sections["6"] = "本年度未收取信息处理费。"
	r.Meta.Lines = map[string]int{"1": 10, "5": 50, "6": 60}
	return r
}

func setCell(r *report.Report, key string, col int, v int64) {
	x := r.Applications[key]
	x[col] = report.N(v)
	r.Applications[key] = x
}

// add1 changes one 表三 cell and keeps the row sums right: a consistent
// change of n applications in one applicant column.
func add(r *report.Report, key string, col int, v int64) {
	x := r.Applications[key]
	x[col] = report.N(x[col].Val() + v)
	if col != report.ColTotal {
		x[report.ColTotal] = report.N(x[report.ColTotal].Val() + v)
	}
	r.Applications[key] = x
}

func findingRules(fs []report.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	sort.Strings(out)
	return out
}

func parseText(t *testing.T, text string) *report.Report {
	t.Helper()
	r, err := report.Read("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

type ruleCase struct {
	fail func(r *report.Report) *report.Report // returns prev when the rule needs one
	pass func(r *report.Report) *report.Report
	// rules about reading start from the base report as text, changed by mut
	mut, passMut func(string) string
}

// baseText is the base report as published text.
func baseText(t testing.TB) string {
	var b strings.Builder
	renderText(t, &b, base())
	return b.String()
}

// rtfOf writes a text report as RTF (\uN characters, \tab, \par), with
// gone — a group of hidden text ({\v …}) and a tracked deletion
// ({\deleted …}) — put after the text's first 。 when it is not empty.
func rtfOf(s, gone string) string {
	var b strings.Builder
	b.WriteString(`{\rtf1\ansi\ansicpg936\uc0 `)
	esc := func(t string) {
		for _, r := range t {
			switch {
			case r == '\t':
				b.WriteString(`\tab `)
			case r == '\n':
				b.WriteString("\\par\n")
			case r < 0x80 && r != '\\' && r != '{' && r != '}':
				b.WriteRune(r)
			default:
				fmt.Fprintf(&b, `\u%d `, r)
			}
		}
	}
	if i := strings.Index(s, "。"); gone != "" && i >= 0 {
		esc(s[:i])
		b.WriteString(`{\v `)
		esc(gone)
		b.WriteString(`}{\deleted `)
		esc("68")
		b.WriteString(`}`)
		s = s[i:]
	}
	esc(s)
	b.WriteString("}")
	return b.String()
}

var ruleCases = map[string]ruleCase{
	"TXT.HIDDEN": {
		// text a Word or RTF file holds but does not show: here an RTF's
		mut:     func(s string) string { return rtfOf(s, "（此处填写）") },
		passMut: func(s string) string { return rtfOf(s, "") },
	},
	"PARSE.TABLE": {
		mut: func(s string) string {
			return strings.Replace(s, "（七）总计\t\t0\t0\t0\t0\t0\t0\t0", "（七）总计\t\t0\t0\t0\t0\t0", 1)
		},
		passMut: func(s string) string { return s },
	},
	"PARSE.AMBIGUOUS": {
		// 1,1,0,0,0,10,12 and 11,0,0,0,0,1,12 … both sum right; the table cannot decide
		mut: func(s string) string {
			return strings.Replace(s, "2.重复申请\t0\t0\t0\t0\t0\t0\t0", "2.重复申请1100101212", 1)
		},
		passMut: func(s string) string {
			return strings.Replace(s, "2.重复申请\t0\t0\t0\t0\t0\t0\t0", "2.重复申请0000000", 1)
		},
	},
	"S.MISSING": {
		fail: func(r *report.Report) *report.Report { delete(r.Sections, "5"); return nil },
		pass: func(r *report.Report) *report.Report { return nil },
	},
	"PARSE.TEXT": {
		// a PDF font whose codes map to Latin letters: 公开 read as Ï开 on every line
		mut:     func(s string) string { return strings.ReplaceAll(s, "公开", "Ï开") },
		passMut: func(s string) string { return strings.Replace(s, "公开", "Ï开", 1) }, // one: a stray letter, not a garbled text
	},
	"PARSE.MANY": {
		// a compilation: the report, then another (here the same again)
		mut:     func(s string) string { return s + "\n\n" + s },
		passMut: func(s string) string { return s },
	},
	"PARSE.READ": {
		// a row label that lost characters, read as its row
		mut: func(s string) string {
			return strings.Replace(s, "2.其他法律行政法规禁止公开\t", "2.其他法律行政止公开\t", 1)
		},
		passMut: func(s string) string { return s },
	},
	"S.FORMAT": {
		// a 2024 report with the 2019 trial format's 表二 headings
		mut: func(s string) string {
			return strings.Replace(s, "本年制发件数\t本年废止件数\t现行有效件数", "本年新制作数量\t本年新公开数量\t对外公开总数量", 1)
		},
		passMut: func(s string) string { return s },
	},
	"S.ORDER": {
		mut: func(s string) string {
			i, j := strings.Index(s, "五、存在的主要问题"), strings.Index(s, "六、其他需要报告")
			return s[:i] + s[j:] + "\n" + s[i:j]
		},
		passMut: func(s string) string { return s },
	},
	"CELL.INVALID": {
		fail: func(r *report.Report) *report.Report {
			x := r.Applications["granted"]
			x[0] = report.Invalid("1.5")
			r.Applications["granted"] = x
			return nil
		},
		pass: func(r *report.Report) *report.Report { add(r, "new", 0, 2); add(r, "granted", 0, 2); return nil },
	},
	"CELL.BLANK": {
		fail: func(r *report.Report) *report.Report { r.Appeals[1] = [5]report.Cell{}; return nil },
		pass: func(r *report.Report) *report.Report { return nil },
	},
	"T3.ROWSUM": {
		fail: func(r *report.Report) *report.Report { setCell(r, "carried_forward", report.ColTotal, 1); return nil },
		pass: func(r *report.Report) *report.Report { return nil },
	},
	"T3.OUTCOMES": {
		fail: func(r *report.Report) *report.Report { add(r, "granted", 1, 1); add(r, "carried_in", 1, 1); return nil },
		pass: func(r *report.Report) *report.Report {
			add(r, "granted", 1, 1)
			add(r, "total", 1, 1)
			add(r, "carried_in", 1, 1)
			return nil
		},
	},
	"T3.BALANCE": {
		fail: func(r *report.Report) *report.Report { add(r, "carried_in", 2, 3); return nil },
		pass: func(r *report.Report) *report.Report {
			add(r, "carried_in", 2, 3)
			add(r, "carried_forward", 2, 3)
			return nil
		},
	},
	"T4.SUM": {
		fail: func(r *report.Report) *report.Report { r.Appeals[2][0] = report.N(2); return nil },
		pass: func(r *report.Report) *report.Report {
			r.Appeals[2][0] = report.N(2)
			r.Appeals[2][4] = report.N(2)
			return nil
		},
	},
	"S.LENGTH": {
		fail: func(r *report.Report) *report.Report { r.Sections["1"] += strings.Repeat("公开", 500); return nil },
		pass: func(r *report.Report) *report.Report { r.Sections["1"] += strings.Repeat("公开", 450); return nil },
	},
	"S.FEES": {
		fail: func(r *report.Report) *report.Report {
			r.Sections["6"] = "无其他需要报告的事项。"
			return nil
		},
		pass: func(r *report.Report) *report.Report {
			r.Sections["6"] = "本机关2024年度收取信息处理费300元。"
			return nil
		},
	},
	"S.PERIOD": {
		fail: func(r *report.Report) *report.Report {
			r.Sections["1"] = "本报告统计期限为2023年1月1日至2023年12月31日。" + r.Sections["1"]
			return nil
		},
		pass: func(r *report.Report) *report.Report {
			r.Sections["1"] = "本报告统计期限为2024年1月1日至2024年12月31日。" + r.Sections["1"]
			return nil
		},
	},
	"N.TABLE": {
		fail: func(r *report.Report) *report.Report {
			r.Sections["1"] = "2024年，本机关共收到政府信息公开申请5件。"
			add(r, "new", 0, 4)
			add(r, "granted", 0, 4)
			add(r, "total", 0, 4)
			return nil
		},
		pass: func(r *report.Report) *report.Report {
			r.Sections["1"] = "2024年，本机关共收到政府信息公开申请5件，被申请行政复议1件。"
			add(r, "new", 0, 5)
			add(r, "granted", 0, 5)
			add(r, "total", 0, 5)
			r.Appeals[0][0], r.Appeals[0][4] = report.N(1), report.N(1)
			return nil
		},
	},
	"X.CARRY": {
		fail: func(r *report.Report) *report.Report {
			p := base()
			p.Year = 2023
			add(p, "carried_forward", 0, 2)
			return p
		},
		pass: func(r *report.Report) *report.Report {
			p := base()
			p.Year = 2023
			add(p, "carried_forward", 0, 2)
			add(r, "carried_in", 0, 2)
			add(r, "granted", 0, 2)
			add(r, "total", 0, 2)
			return p
		},
	},
	"X.IN_FORCE": {
		fail: func(r *report.Report) *report.Report {
			p := base()
			p.Proactive.Set("rules.in_force", report.N(10))
			r.Proactive.Set("rules.issued", report.N(2))
			r.Proactive.Set("rules.in_force", report.N(10))
			return p
		},
		pass: func(r *report.Report) *report.Report {
			p := base()
			p.Proactive.Set("rules.in_force", report.N(10))
			r.Proactive.Set("rules.issued", report.N(2))
			r.Proactive.Set("rules.repealed", report.N(1))
			r.Proactive.Set("rules.in_force", report.N(11))
			return p
		},
	},
	"X.SAME_TEXT": {
		fail: func(r *report.Report) *report.Report { p := base(); p.Sections["5"] = r.Sections["5"]; return p },
		pass: func(r *report.Report) *report.Report {
			p := base()
			p.Sections["5"] = "主要问题是网站栏目更新不及时，今后将建立栏目巡查制度。"
			return p
		},
	},
	"TXT.LATIN": {
		fail: func(r *report.Report) *report.Report {
			r.Sections["5"] = "缺乏主动公开的意识 and 积极性。"
			return nil
		},
		pass: func(r *report.Report) *report.Report {
			r.Sections["5"] = "通过政务APP和OA系统发布，缺乏主动公开的意识和积极性。"
			return nil
		},
	},
	"TXT.GARBLED": {
		fail: func(r *report.Report) *report.Report {
			r.Sections["5"] = "一是公开的锟斤拷锟斤拷不够；二是解读形式单一。"
			return nil
		},
		pass: func(r *report.Report) *report.Report {
			r.Sections["5"] = "一是公开的深度不够；二是解读形式单一。"
			return nil
		},
	},
	"N.PROACTIVE": {
		fail: func(r *report.Report) *report.Report {
			r.Sections["1"] = "2024年，本机关制发行政规范性文件2件，废止1件。"
			return nil
		},
		pass: func(r *report.Report) *report.Report {
			r.Sections["1"] = "2024年，本机关未制发规章和规范性文件，印发通知20件，清理党内规范性文件3件。"
			return nil
		},
	},
	"TXT.DOUBLE": {
		fail: func(r *report.Report) *report.Report {
			r.Sections["5"] = "一是公开的的深度不够。。二是解读形式单一。"
			return nil
		},
		pass: func(r *report.Report) *report.Report {
			r.Sections["5"] = "一是公开的深度不够；二是解读形式单一……难道不该改进？！"
			return nil
		},
	},
	"TXT.TITLEMARK": {
		fail: func(r *report.Report) *report.Report {
			r.Sections["1"] = "2024年，本机关依据《中华人民共和国政府信息公开条例开展工作。"
			return nil
		},
		pass: func(r *report.Report) *report.Report {
			r.Sections["1"] = "2024年，本机关依据《中华人民共和国政府信息公开条例》开展工作。"
			return nil
		},
	},
	"TXT.PLACEHOLDER": {
		fail: func(r *report.Report) *report.Report {
			r.Sections["1"] = "2024年，XX局共收到政府信息公开申请X件。"
			return nil
		},
		pass: func(r *report.Report) *report.Report {
			r.Sections["1"] = "2024年，本局共收到政府信息公开申请3件，X光机采购信息已公开。"
			return nil
		},
	},
	"TXT.SPACE": {
		fail: func(r *report.Report) *report.Report {
			r.Sections["5"] = "加强信息发布的管理和 监督。"
			return nil
		},
		pass: func(r *report.Report) *report.Report {
			r.Sections["5"] = "加强信息发布的管理和监督，发布 145 篇。"
			return nil
		},
	},
	"TXT.NUMBERING": {
		fail: func(r *report.Report) *report.Report {
			r.Sections["5"] = "一是制度不全。二是培训不足。二是更新不及时。"
			return nil
		},
		pass: func(r *report.Report) *report.Report {
			r.Sections["5"] = "问题：一是制度不全；二是培训不足。\n改进：一是健全制度；二是加强培训；三是定期检查。"
			return nil
		},
	},
}

// Every rule has a minimal failing and a minimal passing report.
func TestEveryRuleFailsAndPasses(t *testing.T) {
	for _, rule := range report.Rules {
		if rule.ID == "REC.MISMATCH" || rule.ID == "PUB.DIFF" || rule.ID == "X.SAME_YEAR" {
			continue // raised by report.Mismatch, report.Published and report.SameYear against the records or another file (TestMismatch, TestPublished, TestSameYear)
		}
		t.Run(rule.ID, func(t *testing.T) {
			c, ok := ruleCases[rule.ID]
			if !ok {
				t.Fatalf("rule %s has no test case", rule.ID)
			}
			run := func(mk func(*report.Report) *report.Report, mut func(string) string) []report.Finding {
				if mut != nil {
					return report.Check(parseText(t, mut(baseText(t))), nil)
				}
				r := base()
				prev := mk(r)
				if rule.NeedPrev && prev == nil {
					t.Fatal("cross-year case without prev")
				}
				return report.Check(r, prev)
			}
			failing := run(c.fail, c.mut)
			if !slices.Contains(findingRules(failing), rule.ID) {
				t.Errorf("failing case: want %s, got %v", rule.ID, failing)
			}
			for _, f := range failing {
				if f.Rule == rule.ID {
					if f.Severity != rule.Severity || f.Message == "" {
						t.Errorf("finding %+v: severity %s expected", f, rule.Severity)
					}
				}
			}
			passing := run(c.pass, c.passMut)
			if slices.Contains(findingRules(passing), rule.ID) {
				t.Errorf("passing case: unexpected %s: %v", rule.ID, passing)
			}
		})
	}
}

// A report with one wrong cell gives exactly the rules that cell breaks, at
// that cell: checked for each of the 175 cells of 表三 and the 15 of 表四.
func TestOneWrongCell(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	good := report.Generate(rng, "测试局", 2024)
	if fs := report.Check(good, nil); len(fs) != 0 {
		t.Fatalf("generated report not clean: %v", fs)
	}
	for _, row := range good.Format.T3Rows() {
		for col := 0; col < report.NumCols; col++ {
			r := report.Generate(rand.New(rand.NewPCG(1, 2)), "测试局", 2024)
			x := r.Applications[row.Key]
			x[col] = report.N(x[col].Val() + 1)
			r.Applications[row.Key] = x
			colName := report.T3Columns[col]
			want := []string{"T3.ROWSUM@applications." + row.Key + "[total]"}
			switch row.Kind {
			case report.RowOutcome:
				want = append(want, "T3.OUTCOMES@applications.total["+colName+"]")
			case report.RowTotal:
				want = append(want, "T3.OUTCOMES@applications.total["+colName+"]", "T3.BALANCE@applications.total["+colName+"]")
			default:
				want = append(want, "T3.BALANCE@applications.total["+colName+"]")
			}
			if row.Key == "new" && col == report.ColTotal {
				// the narrative states how many applications came in
				want = append(want, "N.TABLE@applications.new[total]")
			}
			var got []string
			for _, f := range report.Check(r, nil) {
				got = append(got, f.Rule+"@"+f.Cell)
			}
			sort.Strings(want)
			sort.Strings(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s[%s]+1: got %v, want %v", row.Key, colName, got, want)
			}
		}
	}
	for b := 0; b < 3; b++ {
		for j := 0; j < 5; j++ {
			r := report.Generate(rand.New(rand.NewPCG(1, 2)), "测试局", 2024)
			r.Appeals[b][j] = report.N(r.Appeals[b][j].Val() + 1)
			var got []string
			for _, f := range report.Check(r, nil) {
				got = append(got, f.Rule+"@"+f.Cell)
			}
			want := []string{"T4.SUM@appeals." + report.T4Blocks[b].Key + ".total"}
			// the narrative states the totals, so a wrong total also contradicts it
			if j == 4 {
				if b == 0 {
					want = append(want, "N.TABLE@appeals.review.total")
				} else {
					want = append(want, "N.TABLE@appeals.suit_direct.total")
				}
			}
			sort.Strings(want)
			sort.Strings(got)
			if !slices.Equal(got, want) {
				t.Errorf("appeals[%d][%d]+1: got %v, want %v", b, j, got, want)
			}
		}
	}
}

// Generated reports (both formats) are clean: the checks do not cry wolf.
func TestGeneratedReportsClean(t *testing.T) {
	for i := range 300 {
		year := 2019 + i%7
		r := report.Generate(rand.New(rand.NewPCG(uint64(i), 9)), fmt.Sprintf("局%d", i), year)
		if fs := report.Check(r, nil); len(fs) != 0 {
			t.Fatalf("report %d (%d): %v", i, year, fs)
		}
	}
}

func TestFindingMessagesStateNumbers(t *testing.T) {
	r := base()
	add(r, "new", 0, 26)
	add(r, "granted", 0, 20)
	add(r, "total", 0, 20)
	add(r, "carried_forward", 0, 0)
	fs := report.Check(r, nil)
	var msgs []string
	for _, f := range fs {
		msgs = append(msgs, f.Message)
	}
	joined := strings.Join(msgs, "\n")
	if !strings.Contains(joined, "26") || !strings.Contains(joined, "20") {
		t.Errorf("messages do not state the numbers: %s", joined)
	}
}

// docs/CHECKS.md lists every rule with its severity.
func TestChecksDoc(t *testing.T) {
	doc := string(readFile(t, "../../docs/CHECKS.md"))
	for _, r := range report.Rules {
		if !strings.Contains(doc, "| "+r.ID+" | "+string(r.Severity)+" |") {
			t.Errorf("docs/CHECKS.md lacks %s (%s)", r.ID, r.Severity)
		}
	}
}

// Wordings that real reports use, each with whether the rule should fire:
//   - TXT.NUMBERING: a list may start after a lead-in word ("我局将一是…，二是…"):
//     that 一是 starts a new list, and the 二是 after it is no repeat;
//   - TXT.LATIN: lower-case Latin that belongs in Chinese prose is no stray word
//     (an app's name i深圳, page views pv); an English word between Chinese is;
//   - S.PERIOD in 一: the year section 一 opens with is the report's; a year in a
//     title, a revision, a "since" or a range is not where it opens;
//   - S.PERIOD in 六: a fee sentence of another year is last year's copied; other
//     sentences may name last year (the rectification of its report's problems);
//   - S.FEES: a 2024 report must say whether it collected fees (a 2020 one need not:
//     TestNoFeeRuleBefore2021).
func TestRulesOnWordings(t *testing.T) {
	const fee = "2024年度本机关未收取信息处理费。"
	for _, c := range []struct {
		rule, sect, text string
		want             bool
	}{
		{"TXT.NUMBERING", "5", "主要问题：一是深度不够，二是形式单一。下一步，我局将一是加强培训，二是丰富形式。", false},
		{"TXT.NUMBERING", "5", "主要问题：一是深度不够，二是形式单一。下一步，我局将加强培训，二是丰富形式。", true},
		{"TXT.NUMBERING", "5", "一是标准统一是关键，二是加强培训，三是定期检查。", false},
		{"TXT.LATIN", "5", "通过“i 深圳”APP 办理。", false},
		{"TXT.LATIN", "5", "平台日均 pv 达 1 万次。", false},
		{"TXT.LATIN", "5", "缺乏公开的意识 and 积极性。", true},
		{"TXT.LATIN", "5", "开展 citywalk 活动。", true},
		{"TXT.LATIN", "5", "网址为 www.example.gov.cn。", false},
		{"TXT.GARBLED", "5", "全年收到申请锟斤拷件。", true},
		{"TXT.GARBLED", "5", "栏目名称为烫烫烫烫。", true},
		{"TXT.GARBLED", "5", "全年收到申请\uFFFD件。", false}, // (a converter's or our PDF reader's mark: not counted)
		{"TXT.GARBLED", "5", "本局对辖区内的烫伤事故开展宣传。", false},
		{"N.PROACTIVE", "1", "2024年，本局印发规范性文件1件、废止3件、现行有效15件。", true},
		{"N.PROACTIVE", "1", "2024年，本局清理规范性文件30件，其中废止3件。", true},
		{"N.PROACTIVE", "1", "本年制发规章 0 件、行政规范性文件 2 件，废止 2 件，现行有效 15 件。", true},  // 2 issued: 表二 1
		{"N.PROACTIVE", "1", "本年制发规章 0 件、行政规范性文件 1 件，废止 9 件，现行有效 99 件。", false}, // of both: not known whose
		{"N.PROACTIVE", "1", "2024年，本局现行有效的行政规范性文件共16件。", true},
		{"N.PROACTIVE", "1", "2024年，本局未制发规章和规范性文件。", true}, // 表二: 1 issued
		{"N.PROACTIVE", "1", "2024年，本局制发行政规范性文件1件，废止2件，现行有效15件。", false},
		{"N.PROACTIVE", "1", "2024年，本局印发通知20件，公开规范性文件12件。", false},
		{"N.PROACTIVE", "1", "2024年，全区各部门制发规范性文件25件。", false},
		{"N.PROACTIVE", "1", "2024年，本局制发党内规范性文件5件。", false},
		{"N.PROACTIVE", "1", "2023年，本局制发规范性文件4件。", false},
		{"N.PROACTIVE", "1", "本局累计制发规范性文件56件。", false},
		{"N.PROACTIVE", "1", "2024年，本局制定规范性文件管理办法1件，无规章制定权。", false},
		{"N.PROACTIVE", "1", "2024年，本局起草规范性文件3件，尚未印发。", false},   // those 3, not the year's
		{"N.PROACTIVE", "1", "2024年，本局起草管理办法3件，未印发规范性文件。", true}, // its own subject: none issued (表二: 1)
		// 表二's decisions: 行政许可 356, 行政处罚 48, 行政强制 3
		{"N.PROACTIVE", "1", "2024年，本局共作出行政许可决定356件，作出行政处罚决定48件。", false},
		{"N.PROACTIVE", "1", "2024年，本局作出行政处罚决定50件。", true},
		{"N.PROACTIVE", "1", "2024年，本局作\n  出行政处罚决定50件。", true}, // broken by an indented line
		{"N.PROACTIVE", "1", "2024年，本局作出行政处罚\n决定50件。", true},
		{"N.PROACTIVE", "1", "2024年，本局作出行政处罚决定书48份，作出行政强制决定5件。", true},
		{"N.PROACTIVE", "1", "2024年，本局未作出行政强制决定。", true},
		{"N.PROACTIVE", "1", "2024年，本局办理行政许可事项500件，受理行政处罚案件60件。", false},
		{"N.PROACTIVE", "1", "2024年，本局作出准予行政许可决定300件。", false},
		{"N.PROACTIVE", "1", "2024年，本局作出行政许可、行政处罚决定共404件。", false},
		{"N.PROACTIVE", "1", "2023年，本局作出行政处罚决定30件。", false},
		{"N.PROACTIVE", "1", "2024年，全区各部门作出行政处罚决定480件。", false},
		{"N.PROACTIVE", "1", "本局累计作出行政处罚决定1200件。", false},
		{"N.PROACTIVE", "1", "2024年上半年，本局作出行政处罚决定20件。", false}, // a part of the year
		{"N.PROACTIVE", "1", "第一季度，本局制发规范性文件5件。", false},
		{"N.PROACTIVE", "1", "近三年，本局制发规范性文件9件。", false},
		{"N.PROACTIVE", "1", "2024年，本局印发规范性\n    文件1件、废止3件、现行有效15件。", true}, // a word broken by an indented line
		{"N.PROACTIVE", "1", "截至2024年12月31日，本局现行有效的行政规范性文件共16件。", true},     // the year's end
		{"TXT.SPACE", "5", "加强信息发布的管理和　监督。", true},                          // an ideographic space typed
		{"TXT.SPACE", "5", "加强信息发布的管理和  监督。", true},                         // two spaces
		{"TXT.SPACE", "6", "示例市生态环境局      2025年1月20日", false},               // a signature set apart
		{"TXT.SPACE", "1", "栏目名称　　发布条数", false},                             // two ideographic spaces: a column's gap
		{"TXT.DOUBLE", "1", "本局发布信息326条，，其中政策解读12条。", true},
		{"TXT.DOUBLE", "5", "主要问题：一是深度不够、；二是形式单一。", true},
		{"TXT.DOUBLE", "5", "目标是“公开为常态”。下一步，将继续加强。", false},
		{"TXT.DOUBLE", "1", "本局的目的的确是公开。", false}, // 的 and 的确
		{"TXT.PLACEHOLDER", "1", "本局于2024年X月X日召开专题会议。", true},
		{"TXT.PLACEHOLDER", "5", "××局存在公开不及时的问题。", true},
		{"TXT.PLACEHOLDER", "6", "本年度收取信息处理费（填写金额）元。", true},
		{"TXT.PLACEHOLDER", "1", "门户网站 www.xx.gov.cn 发布信息。", true},
		{"TXT.PLACEHOLDER", "5", "请填写存在的主要问题。", true},
		// a Word content control's placeholder, left as it was
		{"TXT.PLACEHOLDER", "5", "一是单击或点击此处输入文字。二是形式单一。", true},
		{"TXT.PLACEHOLDER", "6", "单击此处输入文字。", true},
		{"TXT.PLACEHOLDER", "1", "本局于单击或点击此处输入日期。召开专题会议。", true},
		{"TXT.PLACEHOLDER", "6", "Click or tap here to enter text.", true},
		{"TXT.PLACEHOLDER", "1", "网站单击量达到3万次，点击此处可查看全文。", false},
		{"TXT.PLACEHOLDER", "1", "**一、总体情况** 本局发布信息326条。", false}, // Markdown bold
		{"TXT.PLACEHOLDER", "1", "采购XXL号服装、X86服务器和X光机。", false},
		{"TXT.PLACEHOLDER", "1", "场地面积为3×4平方米。", false},
		{"S.PERIOD", "1", "2023年，本局坚持以公开为常态。", true},
		{"S.PERIOD", "1", "2023年度，我局坚持以公开为常态。", true},
		{"S.PERIOD", "1", "依据2019年修订的《条例》，2024年，本局坚持以公开为常态。", false},
		{"S.PERIOD", "1", "依据《2019年修订的条例》，2023年我局坚持以公开为常态。", true},
		{"S.PERIOD", "1", "自2008年《条例》施行以来，本局坚持以公开为常态。", false},
		{"S.PERIOD", "1", "对照“十四五”规划（2021—2025年），本局坚持以公开为常态。", false},
		{"S.PERIOD", "1", "2021年以来，本局坚持以公开为常态。", false},
		{"S.PERIOD", "1", "2024年，本局坚持以公开为常态，较2023年，发布信息增加一成。", false},
		{"S.PERIOD", "6", "2023年度本机关未收取信息处理费。", true},
		{"S.PERIOD", "6", fee + "本机关2023年度政府信息公开工作年度报告中发现的问题已整改。", false},
		{"S.PERIOD", "6", fee + "与2023年度相比，信息公开工作更加规范。", false},
		{"S.PERIOD", "6", fee + "《2023年度考核办法》要求的收费公示均已落实。", false},
		{"S.FEES", "6", "无其他需要报告的事项。", true},
		{"S.FEES", "6", "本机关未收取信息处理费。", false},
		{"S.FEES", "6", "本机关依申请公开均为免费提供。", false},
		{"S.FEES", "6", "本年度未产生信息处理费。", false},
		{"S.FEES", "6", "本 机 关 未 收 取 信 息 处 理 费 。", false}, // a justified PDF line, letter by letter
		{"S.FEES", "6", "无 其 他 需 要 报 告 的 事 项 。", true},
	} {
		if got := fires(t, c.rule, c.sect, c.text); got != c.want {
			t.Errorf("%s in section %s: %s %v, want %v", c.text, c.sect, c.rule, got, c.want)
		}
	}
}

// fires says whether rule finds something in the truth report whose section
// sect is text.
func fires(t *testing.T, rule, sect, text string) bool {
	t.Helper()
	r := truth()
	r.Sections[sect] = text
	for _, f := range report.Check(r, nil) {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// The fee rules (国办函〔2020〕109号) apply from 2021 and only the 2021 format
// asks for them in section 六: a 2019 or 2020 report that does not mention
// fees is not warned.
//
// Nor the thousand characters of section 一: they are 30号's.
func TestNoFeeRuleBefore2021(t *testing.T) {
	r := truth2019()
	r.Sections["6"] = "无其他需要报告的事项。"
	r.Sections["1"] = strings.Repeat("本机关坚持以公开为常态、不公开为例外。", 80)
	for _, f := range report.Check(r, nil) {
		if f.Rule == "S.FEES" || f.Rule == "S.LENGTH" {
			t.Errorf("a %d report warned: %s %s", r.Year, f.Rule, f.Message)
		}
	}
}

// A placeholder is one finding however the template wrote it (X月X日 is one
// date left blank), in the title as in the text.
func TestPlaceholderFindings(t *testing.T) {
	r := base()
	r.Title = "XX局2024年政府信息公开工作年度报告"
	r.Sections["1"] = "本局于2024年X月X日召开专题会议，XXXX年XX月XX日再次部署。"
	report.Check(r, nil)
	var got []string
	for _, f := range r.Findings {
		if f.Rule == "TXT.PLACEHOLDER" {
			got = append(got, f.Cell+" "+f.Message)
		}
	}
	if len(got) != 3 || !strings.HasPrefix(got[0], "title 留有模板的占位符“XX”") || !strings.Contains(got[1], "“X月X日”") || !strings.Contains(got[2], "“XXXX年XX月XX日”") {
		t.Errorf("findings:\n%s", strings.Join(got, "\n"))
	}
}

// The narrative gongkai drafts from an agency's records agrees with the
// tables it fills from the same records: N.PROACTIVE has nothing to say of
// it, rules and documents both issued, repealed and in force.
func TestDraftAgreesWithProactive(t *testing.T) {
	r := base()
	for k, v := range map[string]int64{"rules.issued": 1, "rules.repealed": 1, "rules.in_force": 5, "normative_documents.issued": 2,
		"normative_documents.repealed": 2, "normative_documents.in_force": 15} {
		r.Proactive.Set(k, report.N(v))
	}
	for _, f := range []report.Facts{{Agency: r.Agency, Year: r.Year, Rules: 1, Normative: 2, Repealed: 3, InForce: 20},
		{Agency: r.Agency, Year: r.Year}} {
		if f.Rules == 0 {
			for _, k := range []string{"rules.issued", "normative_documents.issued"} {
				r.Proactive.Set(k, report.N(0))
			}
		}
		r.Sections["1"] = report.Draft(f)["1"]
		for _, x := range report.Check(r, nil) {
			if x.Rule == "N.PROACTIVE" {
				t.Errorf("the draft %q: %s", r.Sections["1"], x.Message)
			}
		}
	}
}

// In the 2019 trial format N.PROACTIVE compares 制发 with 本年新制作数量
// (the format counts no 废止 or 现行有效).
func TestProactiveNarrative2019(t *testing.T) {
	r := truth2019()
	made := r.Proactive.Cell("normative_documents.new_made").Val()
	for text, want := range map[string]bool{
		fmt.Sprintf("%d年，本机关制发规范性文件%d件。", r.Year, made):           false,
		fmt.Sprintf("%d年，本机关制发规范性文件%d件。", r.Year, made+1):         true,
		fmt.Sprintf("%d年，本机关废止规范性文件%d件，现行有效99件。", r.Year, made+5): false,
	} {
		r.Sections["1"] = text
		got := slices.ContainsFunc(report.Check(r, nil), func(f report.Finding) bool {
			return f.Rule == "N.PROACTIVE" && f.Cell == "proactive_2019.normative_documents.new_made"
		})
		if got != want {
			t.Errorf("%s: N.PROACTIVE %v, want %v", text, got, want)
		}
	}
}

// 《》 pair up in the narrative; a title that wraps onto the next line is
// one title.
func TestTitleMarks(t *testing.T) {
	for text, want := range map[string]int{
		"依据《中华人民共和国政府信息公开条例》和《国务院办公厅关于…的通知》开展工作。": 0,
		"依据《中华人民共和国政府信息\n公开条例》开展工作。":              0,
		"依据《中华人民共和国政府信息公开条例开展工作。":                 1,
		"依据中华人民共和国政府信息公开条例》开展工作。":                 1,
		"依据《政府信息公开条例《实施办法》开展工作。":                  1,
		"依据《政府信息公开条例":                             1,
		"没有书名号。":                                  0,
	} {
		r := base()
		r.Sections["1"] = text
		n := 0
		for _, f := range report.Check(r, nil) {
			if f.Rule == "TXT.TITLEMARK" {
				n++
			}
		}
		if n != want {
			t.Errorf("%q: %d findings, want %d", text, n, want)
		}
	}
}
