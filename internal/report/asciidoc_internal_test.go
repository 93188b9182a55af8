package report

import (
	"strings"
	"testing"
)

// asciidocTables gathers a row's cells over lines by the cols attribute, or
// by the first line's cells when there is none; a span counts its columns;
// the lines keep their number, a row on its first line.
func TestAsciidocTables(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"cols", "[cols=\"40%,20%,20%,20%\",]\n|===\n|规章 |1 |2\n|3\n\n|规范性文件 |4 |5 |6\n|===\n",
			"\n\n| 规章 | 1 | 2 | 3 |\n\n\n| 规范性文件 | 4 | 5 | 6 |\n\n"},
		{"first line", "|===\n|信息内容 |本年制发件数\n|规章 |7\n|===\n",
			"\n| 信息内容 | 本年制发件数 |\n| 规章 | 7 |\n\n"},
		{"span", "[cols=\"1,1,1\"]\n|===\n2+|行政复议 |3\n|===\n",
			"\n\n| 行政复议 |  | 3 |\n\n"},
		{"outside", "正文|第一段\n", "正文|第一段\n"},
	} {
		got := asciidocTables(c.in)
		if got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
		if strings.Count(got, "\n") != strings.Count(c.in, "\n") {
			t.Errorf("%s: %d lines, want %d", c.name, strings.Count(got, "\n"), strings.Count(c.in, "\n"))
		}
	}
}
