package report

import "testing"

// pdftohtml names a run's class ft + page + font and writes on each page
// only the fonts new there: a run on page 7 in font 12 first used on page 5
// has the class ft712, its size in the rule .ft512. Before, such a run took
// the size of the run before it, and a page's numbers stood at columns that
// disagreed from line to line (a blank-leaving row's cells placed one off).
func TestClassSizeAcrossPages(t *testing.T) {
	doc := `<!-- Page 5 -->
<a name="5"></a>
<style type="text/css">
<!--
	p {margin: 0; padding: 0;}	.ft510{font-size:14px;line-height:24px;}
	.ft512{font-size:13px;line-height:17px;}
-->
</style>
<div id="page5-div"></div>
<!-- Page 7 -->
<a name="7"></a>
<style type="text/css">
<!--
	.ft719{font-size:24px;}
-->
</style>`
	sizes := classSizes(doc)
	for _, c := range []struct {
		class, page string
		want        float64
		ok          bool
	}{
		{"ft712", "7", 13, true},   // font 12 of page 5
		{"ft710", "7", 14, true},   // font 10 of page 5
		{"ft719", "7", 24, true},   // its own rule
		{"ft512", "", 13, true},    // its own rule, no page needed
		{"ft712", "", 0, false},    // no page known: not guessed
		{"ft7", "7", 0, false},     // no font number
		{"ft1299", "12", 0, false}, // a font never defined
	} {
		got, ok := classSize(sizes, c.class, c.page)
		if got != c.want || ok != c.ok {
			t.Errorf("classSize(%s, page %q) = %v, %v; want %v, %v", c.class, c.page, got, ok, c.want, c.ok)
		}
	}
	for in, want := range map[string]string{`x<a name="12"></a>`: "12", `<a name="top">`: "", "": "", `<a name="3`: ""} {
		if got := lastPageName(in); got != want {
			t.Errorf("lastPageName(%q) = %q, want %q", in, got, want)
		}
	}
}
