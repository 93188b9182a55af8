package report

import (
	"html"
	"strings"

	"golang.org/x/net/html/atom"
)

// htmlLexer splits an HTML page into the tokens the reader uses: text, and
// the names of start and end tags. It is not a general tokenizer: attributes
// are stepped over, never read, and nothing is allocated for a tag. It
// follows the HTML tokenizer where a report can tell the difference:
// comments, doctypes and processing instructions are dropped, a '<' that
// does not open a tag is text, an attribute value in quotes may hold '>',
// and the contents of script, style, textarea, title and the other raw text
// elements are text up to their own end tag (golang.org/x/net/html's
// tokenizer was a third of an HTML report's cost, mostly for attributes).
type htmlLexer struct {
	s   string
	i   int
	raw atom.Atom // the raw text element just opened, if any
}

type htmlTokKind uint8

const (
	htmlEOF htmlTokKind = iota
	htmlText
	htmlStart
	htmlSelfClosing
	htmlEnd
	// htmlGap is the start of a span that stands for the space between two
	// runs of text: pdf2htmlEX places a PDF's words apart with empty
	// <span class="_ _3"></span> (the gap is the class's margin), so the
	// cells of a table row touch in the page's text ("0<span…></span>0")
	htmlGap
	// htmlHidden is the start of an element its own attributes hide
	// (style="display:none", visibility:hidden, the hidden attribute): a
	// page's hidden copy, template or pop-up is none of its text
	htmlHidden
)

// hideable are the elements whose hiding is read: those a page hides its
// parts in, each closed by its own end tag (a p's may be implied)
var hideable = map[atom.Atom]bool{atom.Div: true, atom.Span: true, atom.P: true, atom.Section: true, atom.Table: true,
	atom.Ul: true, atom.Ol: true, atom.Font: true, atom.Article: true, atom.Aside: true}

// rawText are the elements whose content is not markup; rcData those whose
// content still has character references.
var rawText = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Textarea: true, atom.Title: true,
	atom.Xmp: true, atom.Iframe: true, atom.Noembed: true, atom.Noframes: true, atom.Noscript: true, atom.Plaintext: true}

// next returns the next token: its kind, its tag (for tags) or its text
// (for text, character references resolved).
func (z *htmlLexer) next() (htmlTokKind, atom.Atom, string) {
	if z.raw != 0 {
		return z.rawContent()
	}
	s := z.s
	start := z.i
	for z.i < len(s) {
		lt := strings.IndexByte(s[z.i:], '<')
		if lt < 0 {
			z.i = len(s)
			break
		}
		at := z.i + lt
		if !opensMarkup(s, at) {
			z.i = at + 1 // a '<' that is text
			continue
		}
		if at > start {
			z.i = at // the text first, the markup on the next call
			return htmlText, 0, unescape(s[start:at])
		}
		z.i = at
		if k, a, ok := z.markup(); ok {
			return k, a, ""
		}
		start = z.i // a comment or declaration, dropped
	}
	if start < len(s) {
		return htmlText, 0, unescape(s[start:])
	}
	return htmlEOF, 0, ""
}

func unescape(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	return html.UnescapeString(s)
}

// opensMarkup reports whether the '<' at i starts a tag, comment or
// declaration rather than being text ("a < b").
func opensMarkup(s string, i int) bool {
	if i+1 >= len(s) {
		return false
	}
	c := s[i+1]
	switch {
	case isASCIILetter(c), c == '!', c == '?':
		return true
	case c == '/':
		return i+2 < len(s) // an end tag, "</>" or a bogus comment; "</" at the end is text
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// markup reads the markup at z.i, a '<' that opensMarkup. A tag returns
// ok; a comment, declaration or "</>" moves z.i past itself and returns not
// ok.
func (z *htmlLexer) markup() (htmlTokKind, atom.Atom, bool) {
	s, i := z.s, z.i
	if i+1 >= len(s) {
		z.i = len(s)
		return 0, 0, false
	}
	switch c := s[i+1]; {
	case c == '!':
		if strings.HasPrefix(s[i:], "<!--") {
			// "<!-->" and "<!--->" end at once, as the tokenizer has it
			body := i + 4
			if strings.HasPrefix(s[body:], ">") {
				z.i = body + 1
			} else if strings.HasPrefix(s[body:], "->") {
				z.i = body + 2
			} else if e := indexText(s[body:], "-->"); e >= 0 {
				z.i = body + e + 3
			} else {
				z.i = len(s)
			}
			return 0, 0, false
		}
		z.i = skipTo(s, i+2, '>')
		return 0, 0, false
	case c == '?':
		z.i = skipTo(s, i+2, '>')
		return 0, 0, false
	case c == '/':
		if i+2 >= len(s) {
			z.i = len(s)
			return 0, 0, false
		}
		if s[i+2] == '>' { // "</>" is nothing
			z.i = i + 3
			return 0, 0, false
		}
		if !isASCIILetter(s[i+2]) { // a bogus comment up to '>'
			z.i = skipTo(s, i+2, '>')
			return 0, 0, false
		}
		a, after := tagName(s, i+2)
		z.i = skipTag(s, after)
		return htmlEnd, a, true
	case isASCIILetter(c):
		a, after := tagName(s, i+1)
		end := skipTag(s, after)
		z.i = end
		kind := htmlStart
		if end-2 >= after && s[end-1] == '>' && s[end-2] == '/' {
			kind = htmlSelfClosing
		} else if rawText[a] {
			z.raw = a
		}
		if a == atom.Span && gapClass(s[after:end]) {
			kind = htmlGap
		} else if kind == htmlStart && hideable[a] && hiddenAttrs(s[after:end]) {
			kind = htmlHidden
		}
		return kind, a, true
	}
	z.i = i + 1 // not markup after all: always move on
	return 0, 0, false
}

// gapClass reports whether a tag's attributes hold class="_ …", the class
// pdf2htmlEX gives its spacing spans (the first class exactly "_"). Only a
// span's attributes are walked, and only here.
func gapClass(attrs string) bool {
	gap := false
	eachAttr(attrs, func(key, v string, valued bool) bool {
		if valued && strings.EqualFold(key, "class") {
			gap = v == "_" || strings.HasPrefix(v, "_ ") || strings.HasPrefix(v, "_\t")
			return true
		}
		return false
	})
	return gap
}

// hiddenAttrs reports whether a tag's attributes hide it: the hidden
// attribute, or a style of display:none or visibility:hidden (any case,
// spaces around the colon). Most tags have neither word and are passed
// over by a look for "n" and "N" in "none", "hidden".
func hiddenAttrs(attrs string) bool {
	if len(attrs) < 7 || strings.IndexByte(attrs, 'n') < 0 && strings.IndexByte(attrs, 'N') < 0 {
		return false
	}
	hidden := false
	eachAttr(attrs, func(key, v string, valued bool) bool {
		hidden = strings.EqualFold(key, "hidden") || valued && strings.EqualFold(key, "style") && hidingStyle(v)
		return hidden
	})
	return hidden
}

// eachAttr calls fn with each attribute of a tag (attrs: the text after its
// name, to its '>'): its name, its value unquoted, and whether it has one,
// until fn says to stop.
func eachAttr(attrs string, fn func(key, val string, valued bool) bool) {
	for i := 0; i < len(attrs); {
		for i < len(attrs) && (isSpace(attrs[i]) || attrs[i] == '/') {
			i++
		}
		name := i
		for i < len(attrs) && !isSpace(attrs[i]) && attrs[i] != '=' && attrs[i] != '>' && attrs[i] != '/' {
			i++
		}
		key := attrs[name:i]
		for i < len(attrs) && isSpace(attrs[i]) {
			i++
		}
		if i >= len(attrs) || attrs[i] != '=' {
			if key != "" && fn(key, "", false) || i < len(attrs) && attrs[i] == '>' {
				return
			}
			if i == name {
				i++ // a stray character: always move on
			}
			continue
		}
		i++
		for i < len(attrs) && isSpace(attrs[i]) {
			i++
		}
		var v string
		if i < len(attrs) && (attrs[i] == '"' || attrs[i] == '\'') {
			end := skipTo(attrs, i+1, attrs[i])
			v = attrs[i+1 : max(i+1, end-1)]
			i = end
		} else {
			start := i
			for i < len(attrs) && !isSpace(attrs[i]) && attrs[i] != '>' {
				i++
			}
			v = attrs[start:i]
		}
		if fn(key, v, true) {
			return
		}
	}
}

// hidingStyle reports whether an inline style hides its element: a
// declaration display:none or visibility:hidden (the last of each wins, as
// in CSS; !important aside).
func hidingStyle(style string) bool {
	none, invisible := false, false
	for _, d := range strings.Split(style, ";") {
		k, v, ok := strings.Cut(d, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important")))
		switch k {
		case "display":
			none = v == "none"
		case "visibility":
			invisible = v == "hidden" || v == "collapse"
		}
	}
	return none || invisible
}

// isSpace is HTML's white space, the same bytes as a regular expression's \s.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// skipTo returns the position after the next c from i, or the end.
func skipTo(s string, i int, c byte) int {
	if k := strings.IndexByte(s[i:], c); k >= 0 {
		return i + k + 1
	}
	return len(s)
}

// tagName reads a tag name from i and returns its atom (0 when not a known
// element) and the position after it.
func tagName(s string, i int) (atom.Atom, int) {
	j := i
	for j < len(s) {
		c := s[j]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>' {
			break
		}
		j++
	}
	var buf [16]byte
	name := s[i:j]
	if len(name) > len(buf) {
		return 0, j // longer than any element the reader knows
	}
	for k := 0; k < len(name); k++ {
		c := name[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return atom.Lookup(buf[:len(name)]), j
}

// skipTag steps over a tag's attributes to just after its '>': a value in
// quotes may hold '>'.
func skipTag(s string, i int) int {
	eq := false // after '=': a quote opens a value
	for i < len(s) {
		switch c := s[i]; c {
		case '>':
			return i + 1
		case '=':
			eq = true
		case '"', '\'':
			if eq {
				i = skipTo(s, i+1, c) - 1
			}
			eq = false
		case ' ', '\t', '\n', '\r', '\f':
		default:
			eq = false
		}
		i++
	}
	return len(s)
}

// rawContent returns the text of a raw text element up to its end tag, then
// the end tag.
func (z *htmlLexer) rawContent() (htmlTokKind, atom.Atom, string) {
	a := z.raw
	s, start := z.s, z.i
	if a == atom.Plaintext {
		z.raw, z.i = 0, len(s)
		return htmlText, 0, s[start:]
	}
	name := a.String()
	for i := start; ; {
		k := indexText(s[i:], "</")
		if k < 0 {
			break
		}
		at := i + k
		e := at + 2 + len(name)
		if e <= len(s) && strings.EqualFold(s[at+2:e], name) && (e == len(s) || strings.IndexByte(" \t\n\r\f/>", s[e]) >= 0) {
			if at > start {
				z.i = at // the text first, the end tag on the next call
				return htmlText, 0, z.rawText(a, s[start:at])
			}
			z.raw = 0
			z.i = skipTag(s, e)
			return htmlEnd, a, ""
		}
		i = at + 2
	}
	z.raw, z.i = 0, len(s)
	if start < len(s) {
		return htmlText, 0, z.rawText(a, s[start:])
	}
	return htmlEOF, 0, ""
}

func (z *htmlLexer) rawText(a atom.Atom, s string) string {
	if a == atom.Title || a == atom.Textarea {
		return unescape(s)
	}
	return s
}
