package report

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

func TestZZSnapshot(t *testing.T) {
	page, _ := os.ReadFile("../../testdata/audit/page-2021.html")
	cases := []string{string(page)}
	rng := rand.New(rand.NewPCG(11, 12))
	pieces := []string{"<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th colspan=2>", "<p>", "</p>", "<div class=\"a>b\">",
		"</div>", "<br>", "<br/>", "<!-- c -->", "<script>if(a<b){}</script>", "<span>", "</span>", "本年新收", "12", " ", "\n",
		"&nbsp;", "&amp;", "a < b", "<TD>", "</TD>", "<h3>三、收到和处理政府信息公开申请情况</h3>", "<style>p{}</style>", "<li>", "</li>", "  x  y ", "\u00a0"}
	for range 20000 {
		var b strings.Builder
		for range 5 + rng.IntN(80) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	var out [][]Line
	for _, c := range cases {
		out = append(out, htmlLines(c))
	}
	j, _ := json.Marshal(out)
	f := os.Getenv("ZZSNAP")
	if old, err := os.ReadFile(f); err == nil {
		if string(old) != string(j) {
			var prev [][]Line
			json.Unmarshal(old, &prev)
			for i := range out {
				a, _ := json.Marshal(out[i])
				b, _ := json.Marshal(prev[i])
				if string(a) != string(b) {
					t.Fatalf("case %d %q\nnow  %s\nwas  %s", i, cases[i], a, b)
				}
			}
			t.Fatal("snapshot differs")
		}
		return
	}
	os.WriteFile(f, j, 0o644)
}
