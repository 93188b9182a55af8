package report

import (
	"strings"
	"testing"
)

// A DOCX frame's offsets are read from its anchor, not from Word's VML copy
// of it (mc:Fallback); a frame whose place is no number a page has (NaN, a
// kilometre off) is left out, and frames past the bound on their text are
// not laid out at all.
func TestFrameBoxesHostile(t *testing.T) {
	frame := func(x, y, text string) string {
		return `<w:r><mc:AlternateContent><mc:Choice><w:drawing><wp:anchor><wp:positionH relativeFrom="page"><wp:posOffset>` + x +
			`</wp:posOffset></wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>` + y + `</wp:posOffset></wp:positionV>` +
			`<wp:extent cx="254000" cy="127000"/><wps:txbx><w:txbxContent><w:p><w:r><w:rPr><w:sz w:val="21"/></w:rPr><w:t>` + text +
			`</w:t></w:r></w:p></w:txbxContent></wps:txbx></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>` +
			text + `</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
	}
	doc := func(frames string) string {
		return `<w:document xmlns:w="w" xmlns:wp="wp" xmlns:wps="wps" xmlns:mc="mc" xmlns:v="v"><w:body><w:p>` + frames + `</w:p></w:body></w:document>`
	}
	bs := frameBoxes(strings.NewReader(doc(frame("127000", "254000", "规章")+frame("NaN", "254000", "坏")+frame("127000", "1e20", "远"))), false)
	if len(bs) != 1 || bs[0].text != "规章" || bs[0].left != 10 || bs[0].top != 20 || bs[0].height != 10.5 {
		t.Errorf("frames read as %+v, want 规章 alone at (10, 20) in 10.5 points", bs)
	}
	big := strings.Repeat(frame("127000", "254000", strings.Repeat("字", maxRun/3)), maxFrameText/maxRun+2)
	if bs := frameBoxes(strings.NewReader(doc(big)), false); bs != nil {
		t.Errorf("%d frames read past the bound on their text", len(bs))
	}
}
