package report

import (
	"slices"
	"strings"
	"testing"
)

// "— —" alone on a line is a footer whose page number a converter lost,
// between prose or before a page's start after a count; among cells written
// a line each (pdftotext's default text of a row of marks, a page ending
// after a mark too) it is two of them.
func TestLostPageNumberFooter(t *testing.T) {
	for _, c := range []struct {
		text   string
		footer bool
	}{
		{"一、总体情况\n本机关全年公开信息。\n— —\n二、主动公开政府信息情况\n", true},
		{"家秘密\n\n—\n\n0\n\n— —\n\f2.其他法律\n", true},
		{"家秘密\n\n—\n\n—\n\n— —\n\f2.其他法律\n", false},
		{"家秘密\n\n—\n\n—\n\n— —\n\n2.其他法律\n", false},
		{"家秘密\n\n3\n\n— —\n\n2.其他法律\n", false},
		{"第 3 页\n\n— 2 —\n\n2.其他法律\n", true},
	} {
		var ls []Line
		for i, t := range strings.Split(c.text, "\n") {
			ls = append(ls, Line{No: i + 1, Text: t})
		}
		kept := slices.ContainsFunc(dropFooters(ls), func(l Line) bool { t := strings.TrimSpace(l.Text); return t == "— —" || t == "— 2 —" })
		if kept == c.footer {
			t.Errorf("%q: the dashes kept: %v", c.text, kept)
		}
	}
}
