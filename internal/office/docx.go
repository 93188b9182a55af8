package office

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// GB/T 9704 page: A4, 天头 37 mm, 订口 28 mm; in twips (1 mm = 56.7 twips).
const (
	pageW       = 11906
	pageH       = 16838
	marginTop   = 2098 // 37 mm
	marginBot   = 1984 // 35 mm
	marginLeft  = 1588 // 28 mm
	marginRight = 1474 // 26 mm
	bodyTwips   = pageW - marginLeft - marginRight
)

// East Asian fonts of official documents; a machine without them substitutes,
// and a deployment can install the licensed ones.
const (
	fontTitle = "方正小标宋简体"
	fontBody  = "仿宋_GB2312"
	fontHei   = "黑体"
	fontKai   = "楷体_GB2312"
	fontLatin = "Times New Roman"
)

func esc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// plainXML says esc would return s unchanged: no markup characters, no
// control characters, nothing outside XML's character range.
func plainXML(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r < 0x20, r == '<', r == '>', r == '&', r == '\'', r == '"', r == utf8.RuneError && n == 1, r == 0xFFFE, r == 0xFFFF:
			return false
		}
		i += n
	}
	return true
}

// run writes a run of text: written piece by piece, as a report has
// hundreds of them (formatting each was a third of a DOCX's cost).
func run(b *strings.Builder, text, eastAsia string, halfPoints int) {
	sz := strconv.Itoa(halfPoints)
	b.WriteString(`<w:r><w:rPr><w:rFonts w:ascii="` + fontLatin + `" w:hAnsi="` + fontLatin + `" w:eastAsia="`)
	b.WriteString(eastAsia)
	b.WriteString(`" w:cs="` + fontLatin + `"/><w:sz w:val="`)
	b.WriteString(sz)
	b.WriteString(`"/><w:szCs w:val="`)
	b.WriteString(sz)
	b.WriteString(`"/></w:rPr><w:t xml:space="preserve">`)
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString(`</w:t><w:br/><w:t xml:space="preserve">`) // a line end the text asks for
		}
		if plainXML(line) {
			b.WriteString(line)
		} else {
			b.WriteString(esc(line))
		}
	}
	b.WriteString(`</w:t></w:r>`)
}

func para(b *strings.Builder, blk Block) {
	jc, ind, font, size := "both", ` w:firstLineChars="200" w:firstLine="640"`, fontBody, 32
	spacing := `<w:spacing w:line="579" w:lineRule="exact"/>` // 28.95 pt: 22 lines a page
	switch blk.Style {
	case StyleTitle:
		jc, ind, font, size = "center", "", fontTitle, 44
		spacing = `<w:spacing w:before="0" w:after="240" w:line="600" w:lineRule="atLeast"/>`
	case StyleSubtitle:
		jc, ind = "center", ""
	case StyleHeading1:
		font = fontHei
	case StyleHeading2:
		font = fontKai
	case StyleAddress:
		jc, ind = "left", ""
	case StyleSign:
		jc, ind = "right", ` w:right="640"`
	case StyleSeal:
		jc, ind = "right", ` w:right="960"`
	}
	if ind != "" {
		ind = "<w:ind" + ind + "/>"
	}
	level := "" // a part's heading is an outline level: Word's navigation pane lists the parts
	switch blk.Style {
	case StyleHeading1:
		level = `<w:outlineLvl w:val="0"/>`
	case StyleHeading2:
		level = `<w:outlineLvl w:val="1"/>`
	}
	// (in the schema's order: spacing, ind, jc, outlineLvl)
	b.WriteString(`<w:p><w:pPr>` + spacing + ind + `<w:jc w:val="` + jc + `"/>` + level + `</w:pPr>`)
	run(b, blk.Text, font, size)
	b.WriteString(`</w:p>`)
}

func table(b *strings.Builder, t *Table) error {
	grid, err := t.Grid()
	if err != nil {
		return err
	}
	total := 0.0
	for _, w := range t.Widths {
		total += w
	}
	cols := make([]int, len(t.Widths))
	for i, w := range t.Widths {
		cols[i] = int(float64(bodyTwips) * w / total)
	}
	// owner of every position: which anchor (row, index) covers it
	type anchor struct{ row, idx int }
	owner := make([][]anchor, len(t.Rows))
	for i := range owner {
		owner[i] = make([]anchor, len(cols))
		for x := range owner[i] {
			owner[i][x] = anchor{-1, -1}
		}
	}
	for i := range t.Rows {
		for x, k := range grid[i] {
			if k < 0 {
				continue
			}
			c := t.Rows[i][k]
			for r := i; r < i+max(c.Rows, 1); r++ {
				for dx := 0; dx < max(c.Cols, 1); dx++ {
					owner[r][x+dx] = anchor{i, k}
				}
			}
		}
	}
	size := int(t.FontSize * 2)
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="` + fmt.Sprint(bodyTwips) + `" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, c := range cols {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, c)
	}
	b.WriteString(`</w:tblGrid>`)
	for i := range t.Rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for x := 0; x < len(cols); {
			o := owner[i][x]
			c := t.Rows[o.row][o.idx]
			span := max(c.Cols, 1)
			width := 0
			for dx := 0; dx < span; dx++ {
				width += cols[x+dx]
			}
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(width) + `" w:type="dxa"/>`)
			if span > 1 {
				fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span)
			}
			if max(c.Rows, 1) > 1 {
				if o.row == i {
					b.WriteString(`<w:vMerge w:val="restart"/>`)
				} else {
					b.WriteString(`<w:vMerge/>`)
				}
			}
			b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
			jc := "center"
			if c.Left {
				jc = "left"
			}
			keep := ""
			if i < len(t.Rows)-1 {
				keep = "<w:keepNext/>" // keep the template's table on one page, as the PDF does
			}
			b.WriteString(`<w:p><w:pPr>` + keep + `<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="` + jc + `"/></w:pPr>`)
			if o.row == i {
				font := fontBody
				if c.Header {
					font = fontHei
				}
				run(b, c.Text, font, size)
			}
			b.WriteString(`</w:p></w:tc>`)
			x += span
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	// Word needs a paragraph between two tables
	b.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:p>`)
	return nil
}

const docxStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="579" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
</w:styles>`

const docxFooter = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>
<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">— </w:t></w:r>
<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>
<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>
<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>
<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:t>1</w:t></w:r>
<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>
<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`

// Write writes d as Word ("docx", dated now) or, for any other format, as
// PDF: the two downloads every letter and form offers.
func Write(w io.Writer, format string, d *Doc, now time.Time) error {
	if format == "docx" {
		return DOCX(w, d, now)
	}
	return PDF(w, d)
}

// DOCX writes the document as a Word file.
func DOCX(w io.Writer, d *Doc, now time.Time) error {
	var body strings.Builder
	body.Grow(64 << 10) // a report's document.xml is about this size
	body.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>`)
	for _, blk := range d.Blocks {
		if blk.Table != nil {
			if err := table(&body, blk.Table); err != nil {
				return err
			}
			continue
		}
		para(&body, blk)
	}
	fmt.Fprintf(&body, `<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="992" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr></w:body></w:document>`,
		pageW, pageH, marginTop, marginRight, marginBot, marginLeft)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`},
		{"word/document.xml", body.String()},
		{"word/styles.xml", docxStyles},
		{"word/footer1.xml", docxFooter},
		{"docProps/core.xml", fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>%s</dc:title><dc:creator>gongkai</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created></cp:coreProperties>`,
			esc(d.Title), now.UTC().Format("2006-01-02T15:04:05Z"))},
	}
	zw := newZip(w)
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: now})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return err
		}
	}
	return zw.Close()
}
