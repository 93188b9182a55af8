package redact

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/internal/errs"
)

// Limits on a Word document's package, far beyond a letter or its
// enclosures: a small crafted file does not make the server inflate
// gigabytes.
const (
	maxEntries  = 5000
	maxPartSize = 64 << 20  // one XML part, inflated
	maxXMLTotal = 256 << 20 // all XML parts read, inflated
)

// textPart says a part of a Word document has text to cover: everything
// under word/ that is XML (the body, headers and footers, footnotes and
// endnotes, comments, text boxes' fallbacks, drawings) or relationships
// (a hyperlink's address: mailto:…), and the document's properties (title,
// author, keywords, custom properties).
func textPart(name string) (word, ok bool) {
	if strings.HasSuffix(name, ".rels") {
		return true, true
	}
	if !strings.HasSuffix(name, ".xml") {
		return false, false
	}
	if strings.HasPrefix(name, "word/") && !strings.HasPrefix(name, "word/theme/") {
		return true, true
	}
	return false, strings.HasPrefix(name, "docProps/")
}

// docx covers the text of a Word document and writes it back, every other
// part copied as it was.
func docx(name string, data []byte, opt Options) (Result, error) {
	bad := errs.New("file", "“%s”不是有效的 Word 文档（.docx），请在 Word 或 WPS 中重新保存后再上传", name)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Result{}, bad
	}
	if len(zr.File) > maxEntries {
		return Result{}, errs.New("file", "“%s”中的部件过多（%d 个），不像是一份 Word 文档", name, len(zr.File))
	}
	hasBody := false // the main part is word/document.xml, or word/document2.xml from some converters: any word/ part will do
	for _, f := range zr.File {
		word, _ := textPart(f.Name)
		hasBody = hasBody || word
	}
	if !hasBody {
		return Result{}, bad
	}
	r := Result{Terms: make([]int, len(opt.Terms))}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	read := int64(0)
	for _, f := range zr.File {
		switch {
		case strings.HasSuffix(f.Name, "/"):
		case strings.HasPrefix(f.Name, "word/media/"):
			r.Pictures++
		case strings.HasPrefix(f.Name, "word/embeddings/"):
			r.Embedded++ // a workbook or another document inside: not opened
		}
		word, ok := textPart(f.Name)
		if !ok {
			if err := zw.Copy(f); err != nil {
				return Result{}, bad
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return Result{}, bad
		}
		part, err := io.ReadAll(io.LimitReader(rc, maxPartSize+1))
		_ = rc.Close()
		if err != nil {
			return Result{}, bad
		}
		if read += int64(len(part)); len(part) > maxPartSize || read > maxXMLTotal {
			return Result{}, errs.New("file", "“%s”的文字部分过大（超过 %d MB），无法处理", name, maxXMLTotal>>20)
		}
		covered := coverXML(part, word, opt, &r)
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			return Result{}, err
		}
		if _, err := w.Write(covered); err != nil {
			return Result{}, err
		}
	}
	if err := zw.Close(); err != nil {
		return Result{}, err
	}
	r.Data = out.Bytes()
	return r, nil
}

// textNode is the text of one element in an XML part: its bytes [from, to)
// as written (escaped) and as read.
type textNode struct {
	from, to int
	text     string
	attr     bool // an attribute's value, not an element's text
}

// coverXML covers the text of one part. In a part of word/ the text is that
// of w:t (and w:delText, a tracked deletion's, w:instrText, a field's, a:t,
// a drawing's or SmartArt's),
// read a paragraph at a time, so that a word split over runs ("张" "三",
// as Word splits text it has checked or edited) is found; elsewhere
// (docProps) each element's text on its own.
func coverXML(part []byte, word bool, opt Options, r *Result) []byte {
	var groups [][]textNode
	var cur, attrs []textNode
	flush := func() {
		if len(cur) > 0 {
			groups = append(groups, cur)
			cur = nil
		}
	}
	inText := false // the last tag opened a text element
	for i := 0; i < len(part); {
		if part[i] != '<' {
			j := bytes.IndexByte(part[i:], '<')
			if j < 0 {
				j = len(part) - i
			}
			if (inText || !word) && j > 0 {
				cur = append(cur, textNode{from: i, to: i + j, text: unescape(part[i : i+j])})
				if !word {
					flush()
				}
			}
			i += j
			continue
		}
		// a tag, a comment, a processing instruction or CDATA: to its end
		end := tagEnd(part, i)
		tag := part[i:end]
		inText = false
		// attributes that hold text: a field's code (w:instr), a picture's
		// alternative text (descr, title), a link's address (Target)
		for _, m := range attrRe.FindAllSubmatchIndex(tag, -1) {
			from, to := m[2], m[3]
			if from < 0 {
				from, to = m[4], m[5]
			}
			attrs = append(attrs, textNode{from: i + from, to: i + to, text: unescape(tag[from:to]), attr: true})
		}
		if word {
			switch name := tagName(tag); {
			case name == "w:p" || name == "/w:p" || name == "a:p" || name == "/a:p" || name == "w:tbl" || name == "/w:tc" || name == "w:br" || name == "w:tab":
				flush() // a paragraph, a cell or a break ends what reads as one text
			case (name == "w:t" || name == "w:delText" || name == "w:instrText" || name == "a:t") && !bytes.HasSuffix(tag, []byte("/>")):
				inText = true
			}
		}
		i = end
	}
	flush()
	for _, a := range attrs {
		groups = append(groups, []textNode{a}) // each on its own
	}
	var changed []textNode
	for _, g := range groups {
		pieces := make([]string, len(g))
		for k, n := range g {
			pieces[k] = n.text
		}
		covered := cover(pieces, opt, r)
		for k, n := range g {
			if covered[k] != pieces[k] {
				n.text = covered[k]
				changed = append(changed, n)
			}
		}
	}
	if len(changed) == 0 {
		return part
	}
	slices.SortFunc(changed, func(a, b textNode) int { return a.from - b.from })
	var b bytes.Buffer
	at := 0
	for _, n := range changed {
		b.Write(part[at:n.from])
		if n.attr {
			b.WriteString(escapeAttr(n.text))
		} else {
			b.WriteString(escape(n.text))
		}
		at = n.to
	}
	b.Write(part[at:])
	return b.Bytes()
}

// attrRe finds the attributes whose values are text to cover.
var attrRe = regexp.MustCompile(`\s(?:w:instr|descr|title|Target)=(?:"([^"]*)"|'([^']*)')`)

// escapeAttr writes text for an attribute's value.
func escapeAttr(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;").Replace(s)
}

// tagEnd is the offset just past the markup that starts at i.
func tagEnd(part []byte, i int) int {
	for _, m := range []struct{ open, close string }{{"<!--", "-->"}, {"<![CDATA[", "]]>"}, {"<?", "?>"}} {
		if bytes.HasPrefix(part[i:], []byte(m.open)) {
			if j := bytes.Index(part[i:], []byte(m.close)); j >= 0 {
				return i + j + len(m.close)
			}
			return len(part)
		}
	}
	if j := bytes.IndexByte(part[i:], '>'); j >= 0 {
		return i + j + 1
	}
	return len(part)
}

// tagName is a tag's name, with a leading / for an end tag.
func tagName(tag []byte) string {
	s := strings.TrimPrefix(string(tag), "<")
	if k := strings.IndexAny(s, " \t\r\n/>"); k > 0 {
		return s[:k]
	} else if k == 0 && strings.HasPrefix(s, "/") {
		if k := strings.IndexAny(s[1:], " \t\r\n>"); k >= 0 {
			return s[:k+1]
		}
	}
	return s
}

// unescape reads an XML text node.
func unescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	var out strings.Builder
	for i := 0; i < len(b); {
		if b[i] != '&' {
			out.WriteByte(b[i])
			i++
			continue
		}
		j := bytes.IndexByte(b[i:], ';')
		if j < 0 || j > 12 {
			out.WriteByte(b[i])
			i++
			continue
		}
		ent := string(b[i+1 : i+j])
		switch ent {
		case "lt":
			out.WriteByte('<')
		case "gt":
			out.WriteByte('>')
		case "amp":
			out.WriteByte('&')
		case "quot":
			out.WriteByte('"')
		case "apos":
			out.WriteByte('\'')
		default:
			var n uint64
			var err error
			switch {
			case strings.HasPrefix(ent, "#x") || strings.HasPrefix(ent, "#X"):
				n, err = strconv.ParseUint(ent[2:], 16, 32)
			case strings.HasPrefix(ent, "#"):
				n, err = strconv.ParseUint(ent[1:], 10, 32)
			default:
				err = strconv.ErrSyntax
			}
			if err != nil || !utf8.ValidRune(rune(n)) {
				out.Write(b[i : i+j+1]) // not ours to read: kept as written
			} else {
				out.WriteRune(rune(n))
			}
		}
		i += j + 1
	}
	return out.String()
}

// escape writes text for an XML text node.
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
