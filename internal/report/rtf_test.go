package report_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/internal/report"
)

// gbkRTF writes a report as RTF with its Chinese as GBK bytes (\'hh, code
// page 936) and no \uN, as older WPS versions do: a paragraph to a line, a
// table row of cells (\cell, \row) to each tab line, an escaped brace and a
// skipped \* destination for good measure.
func gbkRTF(t testing.TB, r *report.Report) string {
	esc := func(s string) string {
		g, err := simplifiedchinese.GBK.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for i := 0; i < len(g); i++ {
			switch c := g[i]; {
			case c >= 0x80:
				fmt.Fprintf(&b, `\'%02x`, c)
			case c == '\\' || c == '{' || c == '}':
				b.WriteByte('\\')
				b.WriteByte(c)
			default:
				b.WriteByte(c)
			}
		}
		return b.String()
	}
	var b strings.Builder
	b.WriteString(`{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 ` + esc("宋体") + `;}}{\*\generator WPS Office;}` + "\n")
	for _, line := range strings.Split(textOf(t, r), "\n") {
		if !strings.Contains(line, "\t") {
			b.WriteString(`\pard\plain ` + esc(line) + `\par` + "\n")
			continue
		}
		b.WriteString(`\trowd\trgaph108`)
		for i := range strings.Split(line, "\t") {
			fmt.Fprintf(&b, `\cellx%d`, 1000*(i+1))
		}
		b.WriteString("\n")
		for _, f := range strings.Split(line, "\t") {
			b.WriteString(`\pard\intbl ` + esc(f) + `\cell `)
		}
		b.WriteString(`\row` + "\n")
	}
	b.WriteString("}")
	return b.String()
}

func init() {
	fixtures = append(fixtures,
		fixture{file: "wps-2021.rtf", make: func(t testing.TB) []byte { return []byte(gbkRTF(t, truth())) }, want: truth},
	)
}
