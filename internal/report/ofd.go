package report

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"

	"gongkai/internal/errs"
)

// OFD (GB/T 33190-2016) is the fixed-layout format Chinese government
// documents are published in, beside PDF: a ZIP whose OFD.xml names each
// document's root (Document.xml), which lists its pages; a page's
// Content.xml draws text as TextObjects, each with its Boundary ("x y w h",
// millimetres from the page's top left), a font Size, an optional CTM, and
// TextCodes: the characters themselves, at X/Y within the boundary (a
// TextCode without X or Y takes the previous one's), each advanced by its
// DeltaX ("g 3 4.2" is 4.2 three times). The characters
// are Unicode: nothing to decode, only to place, a page at a time, as a
// PDF's glyphs are (pageLines).

// maxOFDPages bounds the pages read, as a PDF's are by MaxInput.
const maxOFDPages = 2000

func ofdLines(name string, zr *zip.Reader) ([]Line, error) {
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.TrimPrefix(f.Name, "/")] = f
	}
	budget := int64(4 * MaxInput) // all the XML unpacked, whatever the ZIP claims (a bomb's pages)
	read := func(p string) ([]byte, error) {
		f, ok := files[strings.TrimPrefix(path.Clean("/"+p), "/")]
		if !ok || budget <= 0 {
			return nil, io.ErrUnexpectedEOF
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, min(budget, MaxInput)))
		budget -= int64(len(b))
		return b, err
	}
	bad := func(err error) ([]Line, error) {
		return nil, errs.Wrap(errs.Invalid, err, name, "OFD 文件损坏，无法读取其中的文字：请用 OFD 阅读器（如数科、福昕）打开后另存为 PDF 或文本再试")
	}
	root, err := read("OFD.xml")
	if err != nil {
		return bad(err)
	}
	docRoot := firstElementText(root, "DocRoot")
	doc, err := read(docRoot)
	if err != nil {
		return bad(err)
	}
	pages := ofdPageLocs(doc)
	if len(pages) == 0 {
		return bad(io.ErrUnexpectedEOF)
	}
	var b strings.Builder
	for i, loc := range pages {
		if i >= maxOFDPages {
			break
		}
		// a location is the package's from its root when absolute, else
		// from the document's directory (GB/T 33190's ST_Loc)
		if !strings.HasPrefix(loc, "/") {
			loc = path.Join(path.Dir(docRoot), loc)
		}
		content, err := read(loc)
		if err != nil {
			continue // a page that is not there: the others are still read
		}
		glyphs := ofdGlyphs(content)
		if len(glyphs) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\f')
		}
		pageLines(&b, glyphs)
		if b.Len() > MaxInput {
			break
		}
	}
	t := b.String()
	if strings.TrimSpace(t) == "" {
		return nil, errs.New(name, "该 OFD 中没有可以读取的文字（可能是扫描件，页面是图片）：扫描件须先做文字识别")
	}
	return textLines(t), nil
}

// firstElementText is the text of the first element named local in x.
func firstElementText(x []byte, local string) string {
	dec := xml.NewDecoder(strings.NewReader(string(x)))
	for {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == local {
			var s string
			if dec.DecodeElement(&s, &se) == nil {
				return strings.TrimSpace(s)
			}
			return ""
		}
	}
}

// ofdPageLocs are the BaseLoc of a document's pages, in order.
func ofdPageLocs(doc []byte) []string {
	dec := xml.NewDecoder(strings.NewReader(string(doc)))
	var out []string
	for len(out) <= maxOFDPages {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Page" {
			for _, a := range se.Attr {
				if a.Name.Local == "BaseLoc" {
					out = append(out, a.Value)
				}
			}
		}
	}
	return out
}

// ofdGlyphs are the characters a page draws, each at its place (y down the
// page, turned into a PDF's y up for pageLines). As a PDF's are, text drawn
// turned (a CTM of a quarter turn: a wide table printed across a portrait
// page) is turned upright, a watermark's slanted text is left out, and a
// character drawn again over itself (bold) is read once.
func ofdGlyphs(content []byte) (out []pdf.Text) {
	dec := xml.NewDecoder(strings.NewReader(string(content)))
	var angles []float64 // each glyph's direction, as upright takes it
	defer func() {
		out = upright(out, angles)
		out = dropOverprinted(out)
	}()
	var box [4]float64
	var ctm []float64
	var size float64
	var x, y float64 // a TextCode without X or Y takes the previous one's (§11.3)
	// (a page's glyphs bounded as a PDF's: 8 million characters of one
	// TextCode, a 24 KB file, were 2.7 GB)
	for len(out) < maxPageGlyphs {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "TextObject":
			box, ctm, size, x, y = [4]float64{}, nil, 0, 0, 0
			for _, a := range se.Attr {
				switch a.Name.Local {
				case "Boundary":
					copy(box[:], ofdNumbers(a.Value, 4))
				case "Size":
					size, _ = strconv.ParseFloat(a.Value, 64)
				case "CTM":
					if c := ofdNumbers(a.Value, 6); len(c) == 6 {
						ctm = c
					}
				}
			}
		case "TextCode":
			deltas := ""
			for _, a := range se.Attr {
				switch a.Name.Local {
				case "X":
					x, _ = strconv.ParseFloat(a.Value, 64)
				case "Y":
					y, _ = strconv.ParseFloat(a.Value, 64)
				case "DeltaX":
					deltas = a.Value
				}
			}
			var text string
			if dec.DecodeElement(&text, &se) != nil {
				continue
			}
			// (no more deltas than characters: "g 65536 3" on each of
			// 200 000 one-character TextCodes, a 105 KB file, took 15 s)
			dx := ofdDeltas(deltas, min(utf8.RuneCountInString(text), 1<<16))
			// a CTM that scales the text scales its size; its direction is
			// the CTM's x axis (y down the page: up, as upright takes it)
			scale, angle := 1.0, 0.0
			if len(ctm) == 6 {
				scale, angle = math.Hypot(ctm[0], ctm[1]), math.Atan2(-ctm[1], ctm[0])
			}
			fs := size * scale
			if fs <= 0 {
				fs = 3.5 // five-point text, OFD's common default in millimetres
			}
			k, cx := 0, x // (x stays the attribute, for the next TextCode)
			for _, r := range text {
				if len(out) >= maxPageGlyphs {
					break
				}
				w := glyphWidth(r, fs)
				if k < len(dx) {
					w = dx[k]
				}
				px, py := cx, y
				if len(ctm) == 6 {
					px, py = ctm[0]*cx+ctm[2]*y+ctm[4], ctm[1]*cx+ctm[3]*y+ctm[5]
				}
				if r != ' ' && r != '\u3000' && r != '\u00a0' && r != '\t' && r != '\n' && r != '\r' {
					out = append(out, pdf.Text{FontSize: fs, X: box[0] + px, Y: -(box[1] + py), W: w * scale, S: string(r)})
					angles = append(angles, angle)
				}
				cx += w
				k++
			}
		}
	}
	return out
}

// ofdNumbers reads up to n numbers from a space-separated list.
func ofdNumbers(s string, n int) []float64 {
	var out []float64
	for _, f := range strings.Fields(s) {
		if len(out) == n {
			break
		}
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return nil
		}
		out = append(out, v)
	}
	return out
}

// ofdDeltas reads a DeltaX list, "g N d" standing for d N times, at most
// most of them (the TextCode's characters), as a damaged file may ask for
// millions.
func ofdDeltas(s string, most int) []float64 {
	fs := strings.Fields(s)
	var out []float64
	for i := 0; i < len(fs) && len(out) < most; i++ {
		if fs[i] == "g" && i+2 < len(fs) {
			n, err1 := strconv.Atoi(fs[i+1])
			d, err2 := strconv.ParseFloat(fs[i+2], 64)
			if err1 == nil && err2 == nil {
				out = append(out, slices.Repeat([]float64{d}, min(max(n, 0), most-len(out)))...)
			}
			i += 2
			continue
		}
		if v, err := strconv.ParseFloat(fs[i], 64); err == nil {
			out = append(out, v)
		}
	}
	return out
}
