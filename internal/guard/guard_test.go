package guard

import (
	"strings"
	"testing"
)

func TestYAMLDepth(t *testing.T) {
	ok := "year: 2027\nholidays:\n  - name: 春节\n    rest: [2027-02-06, 2027-02-07]\n    note: \"含 [ 和 { 的文字\"\n"
	if err := YAML("a.yaml", []byte(ok), 1<<20); err != nil {
		t.Errorf("a normal document: %v", err)
	}
	for name, doc := range map[string]string{
		"flow":    "x: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000),
		"dashes":  strings.Repeat("- ", 50000) + "x",
		"indent":  "a:\n" + strings.Repeat(" ", 5000) + "b: 1\n",
		"aliases": "a: &a x\n" + strings.Repeat("- *a\n", 100),
	} {
		if err := YAML("bomb.yaml", []byte(doc), 1<<20); err == nil {
			t.Errorf("%s bomb accepted", name)
		}
	}
	if err := YAML("big.yaml", make([]byte, 2<<20), 1<<20); err == nil || !strings.Contains(err.Error(), "过大") {
		t.Errorf("size: %v", err)
	}
}
