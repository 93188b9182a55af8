package report_test

import (
	"strings"
	"testing"
)

func TestZZFooterInSentence(t *testing.T) {
	for _, brk := range []string{"\n", "\n\n- 3 -\n\f\n", "\n\n                                   3\n\f", "\n\n第 3 页 共 9 页\n\n", "\n\n— 3 —\n\n", "\n\f"} {
		want := truth()
		s := layoutText(t, want)
		i := strings.Index(s, "共收到政府信息公开申请")
		if i < 0 {
			t.Fatal("no sentence")
		}
		// break the sentence after 政府 and make its count wrong
		j := i + len("共收到政府")
		rest := s[j:]
		k := strings.Index(rest, "件")
		rest = "信息公开申请 999" + rest[k:]
		s = s[:j] + brk + rest
		r := audit(t, "x.txt", []byte(s))
		found := false
		for _, f := range r.Findings {
			if f.Rule == "N.TABLE" {
				found = true
				t.Logf("%q: %s", brk, f.Message)
				if k := strings.Index(r.Sections["1"], "共收到政府"); k >= 0 {
					t.Logf("%q", r.Sections["1"][k:k+60])
				}
			}
		}
		if !found {
			t.Errorf("%q: no N.TABLE; section 1: %q", brk, r.Sections["1"][:300])
		}
	}
}
