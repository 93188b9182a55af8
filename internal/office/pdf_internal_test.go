package office

import (
	"strings"
	"testing"

	"github.com/signintech/gopdf"
)

// A line of a PDF table breaks between Chinese characters, not inside a
// postal number or a serial; a run longer than the line still breaks.
func TestWrapKeepsNumbersWhole(t *testing.T) {
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	fc, err := parsedFonts()
	if err != nil {
		t.Fatal(err)
	}
	if err := gp.AddTTFFontFromFontContainer("song", fc); err != nil {
		t.Fatal(err)
	}
	p := &pdfWriter{gp: gp, widths: map[glyphKey]float64{}}
	const size = 10.5
	text := "2026年11月24日邮寄送达（邮件号 1181234567890），2026年11月24日签收"
	for _, width := range []float64{90, 100, 110, 120, 130, 150, 170} {
		lines := p.wrap(text, "song", size, width, 0)
		if got := strings.Join(lines, ""); got != text {
			t.Fatalf("width %v lost text: %q", width, lines)
		}
		for i, l := range lines {
			if p.textWidth(l, "song", size) > width+0.01 && !strings.Contains(l, "1181234567890") {
				t.Errorf("width %v: line %q is too wide", width, l)
			}
			if i > 0 && latinWord([]rune(lines[i-1])[len([]rune(lines[i-1]))-1]) && latinWord([]rune(l)[0]) {
				t.Errorf("width %v: a number broken: %q", width, lines)
			}
		}
	}
	// longer than a line: broken, nothing lost
	long := strings.Repeat("1234567890", 6)
	if lines := p.wrap(long, "song", size, 60, 0); len(lines) < 2 || strings.Join(lines, "") != long {
		t.Errorf("a run longer than the line: %q", lines)
	}
}
