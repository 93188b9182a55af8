package auditor

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"

	"gongkai/internal/render"
	"gongkai/internal/report"
)

// SampleLayouts are the layouts of the benchmark mix, in turn: a portal's
// HTML page, tab text twice, a converter's Markdown, and a page that lost
// all its line breaks.
var SampleLayouts = []string{"html", "text", "text", "markdown", "flat"}

// Sample is the i-th report of the benchmark mix (`gongkai bench audit`,
// BenchmarkAuditMix): a generated report of its own agency, one in ten with
// a wrong cell, in layout SampleLayouts[i%5]. It returns the file's
// extension and its bytes.
func Sample(i int) (string, []byte, error) {
	r := report.Generate(rand.New(rand.NewPCG(uint64(i), 42)), fmt.Sprintf("示例第%d局", i), 2021+i%4)
	if i%10 == 0 { // some reports with an error, as in real life
		x := r.Applications["new"]
		x[report.ColNatural] = report.N(x[report.ColNatural].Val() + 1)
		r.Applications["new"] = x
	}
	var b bytes.Buffer
	var err error
	ext := ".txt"
	switch SampleLayouts[i%len(SampleLayouts)] {
	case "html":
		err, ext = render.HTML(&b, r), ".html"
	case "markdown":
		err, ext = render.Markdown(&b, r), ".md"
	case "flat": // the text with every line break and tab lost
		err = render.Text(&b, r)
		return ext, []byte(strings.NewReplacer("\t", "", "\n", "").Replace(b.String())), err
	default:
		err = render.Text(&b, r)
	}
	return ext, b.Bytes(), err
}
