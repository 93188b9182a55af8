package report_test

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"gongkai/internal/report"
)

// A narrative count that contradicts the tables is found wherever a line end
// breaks its sentence in the page's text: between any two characters, with
// the next line indented, across a page's footer (taken out, it leaves blank
// lines: "申\n\n\n\n请" had not named the applications), or a form feed. A
// sentence of its own stating 结转下年度继续办理 N 件 is read too (it names no
// 申请, and was not).
func TestNarrativeCountBrokenAnywhere(t *testing.T) {
	breaks := []string{"\n", "\n    ", "\n\n- 2 -\n\n", "\n\f", "\n\n第 2 页 共 5 页\n\n", " \n"}
	for _, s := range []string{
		"本年度共收到政府信息公开申请9997件，上年结转0件。",
		"全年受理政府信息公开申请9997件。",
		"本年度因政府信息公开被申请行政复议9997件。",
		"结转下年度继续办理9997件。",
	} {
		for _, br := range breaks {
			var missed []string
			for k := 1; k < len(s); k++ {
				if !utf8.RuneStart(s[k]) {
					continue
				}
				r := report.Generate(rand.New(rand.NewPCG(3, 77)), "示例第3局", 2024)
				r.Sections["1"] = "本机关认真贯彻落实条例。" + s[:k] + br + s[k:] + "全年发布信息326条。"
				got, err := report.Read("r.txt", []byte(textOf(t, r)))
				if err != nil {
					t.Fatal(err)
				}
				found := false
				for _, f := range report.Check(got, nil) {
					found = found || f.Rule == "N.TABLE" && strings.Contains(f.Message, "9997")
				}
				if !found {
					missed = append(missed, s[:k]+"|")
				}
			}
			if len(missed) > 0 {
				t.Errorf("%q broken by %q: no N.TABLE when broken after %v", s, br, missed)
			}
		}
	}
}
