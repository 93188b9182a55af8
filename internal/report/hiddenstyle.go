package report

import (
	"encoding/xml"
	"io"
)

// Text a document hides by a style rather than by its own properties: a
// Word character or paragraph style whose run properties hold w:vanish
// (内部批注, 隐藏文字 styles of an agency's template), an OpenDocument style
// whose text properties say text:display "none" — named in styles.xml, or an
// automatic style in content.xml that inherits it. LibreOffice turns a DOCX's
// hidden styles into such named styles.

// textStyles are a document's styles as far as hiding text goes, by name (a
// DOCX's style id, an OpenDocument style's name).
type textStyles map[string]textStyle

// textStyle is a style's own setting, if any (set: it hides or shows text
// itself), and the style it is based on.
type textStyle struct {
	parent     string
	set, hides bool
}

// maxStyles bounds the styles kept: a document has a few hundred.
const maxStyles = 8192

// define records a style and its parent.
func (ts textStyles) define(name, parent string) {
	if name == "" || len(ts) >= maxStyles {
		return
	}
	s := ts[name]
	s.parent = parent
	ts[name] = s
}

// setHides records that a style hides (or shows) text itself.
func (ts textStyles) setHides(name string, hides bool) {
	if _, ok := ts[name]; !ok && len(ts) >= maxStyles || name == "" {
		return
	}
	s := ts[name]
	s.set, s.hides = true, hides
	ts[name] = s
}

// setting is whether a style hides text, and whether it or a style it is
// based on says (set); a chain of parents is followed 16 deep at most (a
// cycle, in a damaged file).
func (ts textStyles) setting(name string) (hides, set bool) {
	for range 16 {
		s, ok := ts[name]
		if !ok {
			return false, false
		}
		if s.set {
			return s.hides, true
		}
		name = s.parent
	}
	return false, false
}

// hides says a style hides text.
func (ts textStyles) hides(name string) bool {
	h, _ := ts.setting(name)
	return h
}

// docxTextStyles reads word/styles.xml: each style, its basedOn, and the
// w:vanish of its run properties (w:val 0, false or off shows).
func docxTextStyles(r io.Reader) textStyles {
	ts := textStyles{}
	id, inRPr := "", 0
	eachElement(r, func(t xml.StartElement) {
		switch t.Name.Local {
		case "style":
			id, _ = attr(t, "styleId")
			ts.define(id, "")
		case "basedOn":
			if s, ok := ts[id]; ok && id != "" {
				s.parent, _ = attr(t, "val")
				ts[id] = s
			}
		case "rPr":
			inRPr++
		case "vanish":
			if inRPr > 0 && id != "" {
				v, _ := attr(t, "val")
				ts.setHides(id, v != "0" && v != "false" && v != "off")
			}
		}
	}, func(t xml.EndElement) {
		switch t.Name.Local {
		case "style":
			id = ""
		case "rPr":
			inRPr = max(inRPr-1, 0)
		}
	})
	return ts
}

// odfTextStyles reads an OpenDocument's styles.xml: its named styles (and
// automatic ones), their parents and text:display.
func odfTextStyles(r io.Reader) textStyles {
	ts := textStyles{}
	name := ""
	eachElement(r, func(t xml.StartElement) {
		switch t.Name.Local {
		case "style":
			name, _ = attr(t, "name")
			parent, _ := attr(t, "parent-style-name")
			ts.define(name, parent)
		case "text-properties":
			if v, ok := attr(t, "display"); ok && name != "" {
				ts.setHides(name, v == "none")
			}
		}
	}, func(t xml.EndElement) {
		if t.Name.Local == "style" {
			name = ""
		}
	})
	return ts
}

// eachElement calls start and end with each element's start and end tags
// until the document ends or is found damaged (what was read counts).
func eachElement(r io.Reader, start func(xml.StartElement), end func(xml.EndElement)) {
	dec := xml.NewDecoder(r)
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			start(t)
		case xml.EndElement:
			end(t)
		}
	}
}
