package report

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"iter"
	"maps"
	"math"
	"mime"
	"mime/multipart"
	"net/mail"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"gongkai/internal/errs"
)

// Line is one line of a published report: its text and, where the source had
// table cells (tabs, <td>, <w:tc>), the cells in order.
type Line struct {
	No         int
	Text       string
	Fields     []string // nil when the line has no cell structure
	Structured bool     // cells come from real table markup (HTML, DOCX): blanks are positional
	Segmented  bool     // cut out of a page that lost its line breaks: no column positions
	OneEach    bool     // each field is one whole cell (a table copied a cell to a line): never glued digits
	Image      bool     // a picture in the flow of the text (<img>, a Word drawing): no text of its own
	Break      bool     // a page starts here (a form feed, a page number line): columns may move
	Subtotal   bool     // a 表三 row whose 小计 column was taken out (dropSubtotals)
	Framed     bool     // a paragraph of a text box (Word's frames: a PDF made into DOCX puts each run in one)
	Placed     bool     // laid out by our PDF reader from the glyphs' own x positions, or from a word list's boxes (pageLines): gaps are to scale (pdftotext -layout closes some up)
	// rare is what few lines have (a radical form, a formula, a vertical
	// merge, hidden text): out of line, so that a line is half the size it
	// would be — lines are made, copied and ranged over more than anything
	// else the reader holds. Shared by copies of the line: set it through
	// the setters, which copy it.
	rare *lineRare
}

// lineRare is a line's rarely set part (Line.rare).
type lineRare struct {
	shown    string
	computed int
	mergedUp []bool
	dropped  string
	ocrRule  bool // cut into cells at "|" that OCR read for a table's rules (ocrRule)
	ocrLayer bool // a PDF's text that OCR laid over its pages' pictures (OCRLayer)
	ocrWords bool // an OCR's word list laid out (OCRWords: tesseract's hOCR or TSV)
	// repaired: on a text's first line, the text was garbled (乱码) and read
	// back to its own encoding (unmojibake): how it was garbled
	repaired string
	// unreadParts: embedded documents or workbooks the file holds past
	// embeddedParts, not read (on a document's first line)
	unreadParts int
}

// Shown is the text as written, when it held radical forms (⼈ for 人) that
// Text reads as what they show; "" otherwise.
func (l *Line) Shown() string {
	if l.rare == nil {
		return ""
	}
	return l.rare.shown
}

// Computed counts the cells of the line that were formulas without their
// results, computed here (a workbook a program wrote).
func (l *Line) Computed() int {
	if l.rare == nil {
		return 0
	}
	return l.rare.computed
}

// MergedUp are the cells of a Word 97 table's row that continue the cell
// above them (a vertical merge): empty here, their value is that cell's
// (nil: none, or the source does not say).
func (l *Line) MergedUp() []bool {
	if l.rare == nil {
		return nil
	}
	return l.rare.mergedUp
}

// Dropped is text the file holds but does not show (a tracked change's
// deletion, hidden text), left out of the text before this line: its
// pieces' first characters, a line each.
func (l *Line) Dropped() string {
	if l.rare == nil {
		return ""
	}
	return l.rare.dropped
}

// setRare changes the line's rare part through a copy (another copy of the
// line keeps what it had); a zero value on a line without one changes
// nothing and allocates nothing.
func (l *Line) setRare(zero bool, set func(*lineRare)) {
	if zero && l.rare == nil {
		return
	}
	var r lineRare
	if l.rare != nil {
		r = *l.rare
	}
	set(&r)
	l.rare = &r
}

func (l *Line) setShown(s string)    { l.setRare(s == "", func(r *lineRare) { r.shown = s }) }
func (l *Line) setComputed(n int)    { l.setRare(n == 0, func(r *lineRare) { r.computed = n }) }
func (l *Line) setMergedUp(m []bool) { l.setRare(m == nil, func(r *lineRare) { r.mergedUp = m }) }
func (l *Line) setDropped(s string)  { l.setRare(s == "", func(r *lineRare) { r.dropped = s }) }
func (l *Line) setOCRRule(b bool)    { l.setRare(!b, func(r *lineRare) { r.ocrRule = b }) }
func (l *Line) setRepaired(s string) { l.setRare(s == "", func(r *lineRare) { r.repaired = s }) }
func (l *Line) setUnreadParts(n int) { l.setRare(n == 0, func(r *lineRare) { r.unreadParts = n }) }

// UnreadParts is how many embedded documents or workbooks past the bound
// (embeddedParts) the document whose first line this is left unread.
func (l *Line) UnreadParts() int {
	if l.rare == nil {
		return 0
	}
	return l.rare.unreadParts
}

// setOCRLayer marks a line of a PDF whose text is an OCR layer.
func (l *Line) setOCRLayer() { l.setRare(false, func(r *lineRare) { r.ocrLayer = true }) }

// setOCRWords marks a line of an OCR's word list (tesseract's hOCR or TSV).
func (l *Line) setOCRWords() { l.setRare(false, func(r *lineRare) { r.ocrWords = true }) }

// OCRWords says a line is of an OCR's word list laid out by the words'
// boxes: as OCRLayer, digits may be misread or lost.
func (l *Line) OCRWords() bool { return l.rare != nil && l.rare.ocrWords }

// OCRLayer says a line is of a PDF whose text is the layer OCR laid,
// invisible, over its scanned pages' pictures: it reads as the pages show,
// by OCR's reading, which may misread or lose a digit.
func (l *Line) OCRLayer() bool { return l.rare != nil && l.rare.ocrLayer }

// Repaired says how a text was garbled that was read back to its own
// encoding (set on its first line); "" for every other.
func (l *Line) Repaired() string {
	if l.rare == nil {
		return ""
	}
	return l.rare.repaired
}

// dropText gathers the text a document holds but does not show, piece by
// piece, for the next line made (Line.Dropped).
type dropText struct {
	pieces []string
	cur    strings.Builder
	long   bool // the piece goes on past what is kept of it
}

func (d *dropText) add(r rune) {
	if d.cur.Len() < 48 { // a few characters say what it is
		d.cur.WriteRune(r)
	} else {
		d.long = true
	}
}

func (d *dropText) addString(s string) {
	for _, r := range s {
		d.add(r)
	}
}

// cut ends a piece: text that shows comes after it.
func (d *dropText) cut() {
	if d.cur.Len() == 0 {
		return
	}
	if t := trimSpace(strings.ReplaceAll(d.cur.String(), "\n", " ")); t != "" && len(d.pieces) < 8 {
		if d.long {
			t += "…"
		}
		d.pieces = append(d.pieces, t)
	}
	d.cur.Reset()
	d.long = false
}

// withUnseen gives what a file holds apart from the text it shows — a
// document's comments (批注), a workbook's hidden sheets and rows — to its
// first line as text it holds but does not show.
func withUnseen(out []Line, unseen []string) []Line {
	if len(unseen) == 0 || len(out) == 0 {
		return out
	}
	pieces := unseen[:min(len(unseen), 8)]
	if d := out[0].Dropped(); d != "" {
		pieces = append([]string{d}, pieces...)
	}
	out[0].setDropped(strings.Join(pieces, "\n"))
	return out
}

// mark gives the lines made from index n on what was dropped before them.
func (d *dropText) mark(out []Line, n int) {
	d.cut()
	if len(d.pieces) == 0 || n >= len(out) {
		return
	}
	out[n].setDropped(strings.Join(d.pieces, "\n"))
	d.pieces = d.pieces[:0]
}

// Input kinds.
const (
	KindText = "text"
	KindHTML = "html"
	KindDOCX = "docx"
	KindXLSX = "xlsx" // a workbook: often the tables alone
	KindDOC  = "doc"
	KindRTF  = "rtf"
	KindPDF  = "pdf"
)

// MaxInput bounds a published report file the auditor reads; published
// reports are tens of KB.
const MaxInput = 32 << 20

// MaxLines bounds the lines of a file's text: a report has a few hundred,
// a compilation of MaxParts reports as laid out by pdftotext -layout a few
// hundred thousand. A text of more (a file of numbers, one to a line) is
// refused before it is read, which would take gigabytes.
const MaxLines = 500_000

// maxLineFields bounds the cells of a line: a row has a few dozen, a page
// run into one line with its tabs (tabPageRows) some hundreds a report. A
// line with more separators is text, not cells.
const maxLineFields = 1 << 16

// fewFields says s has fewer than maxLineFields separators sep (a short
// line at once).
func fewFields(s string, sep byte) bool {
	return len(s) < maxLineFields || strings.Count(s, string(sep)) < maxLineFields
}

// qiTa writes 其它 as 其他, also spaced out letter by letter.
var qiTa = strings.NewReplacer("其它", "其他", "其 它", "其 他", "其\u3000它", "其\u3000他")

// Lines turns a file of any supported kind into lines.
func Lines(name string, data []byte) ([]Line, string, error) {
	ls, kind, err := lines(name, data)
	if err != nil {
		return nil, "", err
	}
	if len(ls) > MaxLines {
		return nil, "", &errs.Error{Kind: errs.TooLarge, Where: name,
			Msg: fmt.Sprintf("文件的文字超过 %d 万行，不像年度报告或报告汇编（一份报告通常几百行）：请确认文件是否正确，汇编请分成几个文件再审核", MaxLines/10000)}
	}
	for i := range ls {
		l := &ls[i]
		// full-width digits (２０２４年, a table typed with the wide input
		// mode) read as the digits they are everywhere: digit runs, years,
		// counts; invisibles go; radical forms read as what they show. A
		// text's went as it was decoded, in one pass; a container's text, or
		// an HTML page's entities (&#65296;, &#8203;), are looked at line by line
		if kind != KindText {
			digits, compat := wideForms(l.Text)
			invisible, _, radicals := oddChars(l.Text)
			// (a page's text had its 〇 seen whole, as decoded: only a
			// container's lines are looked at for it)
			if digits || kind != KindHTML && hasText(l.Text, "〇") {
				l.Text = narrowDigits(l.Text)
				for k, f := range l.Fields {
					l.Fields[k] = narrowDigits(f)
				}
			}
			if invisible {
				l.Text = dropInvisible(l.Text)
				for k, f := range l.Fields {
					l.Fields[k] = dropInvisible(f)
				}
			}
			if compat || radicals {
				foldLine(l)
			}
		}
		// a table whose cells say "64件" lost its cell borders:
		// "…数量64件0件0件2件0件4件70件" is "…数量 64件 0件 0件 …"
		if l.Fields == nil && (hasText(l.Text, "件") || hasText(l.Text, "个")) && unitsGlued(l.Text) {
			l.Text = spaceUnitCells(l.Text)
		}
		// pdf.js's text of a browser's foot sets the fi ligature apart as a
		// word ("fi le:///…/053.html 5/9"), glued to a row's last number
		// where the page ran into one line ("…0 1 1fi le:///…"): the
		// address, as the page printed it
		if strings.Contains(l.Text, "fi le://") {
			l.Text = strings.ReplaceAll(l.Text, "fi le://", "file://")
		}
		// pdf2md (npm; pdf2md.morethan.io) writes a number set a hair
		// higher than the line's first word as a footnote's mark, glued
		// ("### 行政强制 5 -10^8"), one set lower as a footnote ("(^8)"):
		// a table's cells, whose numbers they are
		if l.Fields == nil && strings.IndexByte(l.Text, '^') >= 0 {
			l.Text = unmarkFootnotes(l.Text)
		}
		// 其它 is 其他 as many agencies write it (（六）其它处理, 其它结果,
		// 法人或其它组织): the labels are matched as the template writes them
		if hasText(l.Text, "它") { // (其它, also spaced out by an OCR: qiTa)
			l.Text = qiTa.Replace(l.Text)
			for k, f := range l.Fields {
				l.Fields[k] = qiTa.Replace(f)
			}
		}
	}
	for _, l := range ls {
		if trimSpace(l.Text) != "" {
			return ls, kind, nil
		}
	}
	// nothing to audit is unreadable input (exit 2), not a report missing
	// all six parts (exit 1)
	return nil, "", errs.New(name, "文件中没有文字（空文件，或扫描件等只有图片的文件）：请提供有文字的报告，扫描件须先做文字识别")
}

// wideForms says s holds a full-width digit ０–９ (EF BC 90–99), a
// full-width full stop ． (EF BC 8E, a decimal point typed in the wide mode:
// 12．35) or a punctuation mark of another width (EF BD A1–A4, EF B9 90–AB;
// see otherWidths), and a CJK compatibility ideograph (EF A4 80 – EF AB BF, see
// guard.HanForm): a byte search, as 0xEF leads only the full-width forms and a
// few others.
func wideForms(s string) (digits, compat bool) {
	for i := 0; ; {
		j := strings.IndexByte(s[i:], 0xEF)
		if j < 0 || i+j+2 >= len(s) {
			return digits, compat
		}
		i += j
		switch b1, b2 := s[i+1], s[i+2]; {
		case b1 == 0xBC && (b2 >= 0x90 && b2 <= 0x99 || b2 == 0x8E),
			b1 == 0xBD && b2 >= 0xA1 && b2 <= 0xA4, b1 == 0xB9 && b2 >= 0x90 && b2 <= 0xAB:
			digits = true
		case b1 >= 0xA4 && b1 <= 0xAB:
			compat = true
		}
		i += 3
	}
}

// invisibles are characters that show nothing and join or split nothing a
// reader sees: zero-width space, non-joiner and joiner, word joiner, soft
// hyphen, and the byte order mark inside a text (files with one each, joined
// into one: the agency named after it, U+FEFF first, was another agency).
// Text copied from web pages and WeChat articles is full of them (6\u200b4
// is 64 on the page).
var invisibles = strings.NewReplacer("\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\u00ad", "", "\ufeff", "")

// oddChars says s holds one of invisibles, the line or paragraph separator
// (U+2028, U+2029), and a character of the radical blocks (E2 BA 80 – E2 BF
// 9F, see guard.HanForm), in one pass: each is E2 and two more bytes (0xE2
// also leads the quotes and dashes of Chinese text, so each is looked at),
// but the soft hyphen (C2 AD) and the byte order mark (EF BB BF), looked for
// on their own.
func oddChars(s string) (invisible, separators, radicals bool) {
	for i := 0; ; {
		j := strings.IndexByte(s[i:], 0xE2)
		if j < 0 {
			break
		}
		i += j
		if i+2 >= len(s) {
			break
		}
		switch b1, b2 := s[i+1], s[i+2]; {
		case b1 == 0x80 && b2 >= 0x8B && b2 <= 0x8D, b1 == 0x81 && b2 == 0xA0:
			invisible = true
		case b1 == 0x80 && (b2 == 0xA8 || b2 == 0xA9):
			separators = true
		case b1 >= 0xBA && b1 <= 0xBF:
			radicals = true
		}
		i += 3
	}
	return invisible || hasText(s, "\u00ad") || hasText(s, "\ufeff"), separators, radicals
}

func dropInvisible(s string) string { return invisibles.Replace(s) }

// otherWidths are the half-width and small forms of Chinese punctuation
// (U+FF61–FF64, U+FE50–FE5E) as the marks they show: a font or converter
// that wrote 二､ or ﹙一﹚ hid every heading and row label that has them.
var otherWidths = map[rune]rune{
	'｡': '。', '｢': '「', '｣': '」', '､': '、',
	'﹐': '，', '﹑': '、', '﹒': '.', '﹔': '；', '﹕': '：', '﹖': '？', '﹗': '！',
	'﹙': '（', '﹚': '）', '﹛': '｛', '﹜': '｝', '﹝': '〔', '﹞': '〕',
}

// narrowDigits is s with its full-width digits as ASCII ones, 〇 after
// anything but a Chinese numeral as 0, its
// punctuation of other widths as the usual marks (otherWidths), and a
// full-width full stop between two digits as a decimal point (１２．３５,
// 12．35); elsewhere ． stays (1．属于国家秘密 is an item number).
func narrowDigits(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	prevDigit := false
	var before rune // the rune before the current run of 〇
	for i, r := range s {
		if r >= '０' && r <= '９' {
			r = r - '０' + '0'
		} else if r >= '﹐' { // (the map looked up for the rare runes only)
			if o, ok := otherWidths[r]; ok {
				r = o
			}
		}
		if r == '〇' {
			// the zero of a count written as the Chinese numeral ("〇 〇 2",
			// "数量〇〇〇〇〇〇〇"), but not in a numeral (二〇二四年, 二〇〇〇年)
			if !strings.ContainsRune("一二三四五六七八九十百千万〇", before) {
				r = '0'
			}
		} else {
			before = r
		}
		if r == '．' && prevDigit {
			if next, _ := utf8.DecodeRuneInString(s[i+len("．"):]); isDigit(next) {
				r = '.'
			}
		}
		b.WriteRune(r)
		prevDigit = isDigit(r)
	}
	return b.String()
}

// ocrWordLines marks lines an OCR's word list gave (ocr) as such
// (Line.OCRWords, on the first).
func ocrWordLines(ls []Line, ocr bool) []Line {
	if ocr && len(ls) > 0 {
		ls[0].setOCRWords()
	}
	return ls
}

// placedLines is the lines of a text laid out from glyphs' or words' places
// on the page (pageLines): Line.Placed.
func placedLines(t string) []Line {
	ls := textLines(t)
	for i := range ls {
		ls[i].Placed = true
	}
	return ls
}

func lines(name string, data []byte) ([]Line, string, error) { return linesAt(name, data, 0) }

// linesAt is lines for a part depth altChunks down in a DOCX.
func linesAt(name string, data []byte, depth int) ([]Line, string, error) {
	if len(data) > MaxInput {
		return nil, "", errs.New(name, "文件过大（%d MB）：年度报告通常不超过几百 KB，请确认文件是否正确", len(data)>>20)
	}
	if page, ok := mhtmlPage(data); ok {
		data = page
	}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return docxLines(name, data, depth)
	case bytes.HasPrefix(data, docMagic):
		return docLines(name, data)
	case tarArchive(data):
		// a tar's first file starts 512 bytes in: a PDF there was read as
		// the whole, the files after it left out without a word
		return nil, "", errs.New(name, "%s", archive)
	case pdfStart(data) >= 0: // after the containers, which may hold a PDF near their start
		// from its header: offsets that count the bytes before it are
		// wrong then, and the scan finds the objects
		t, notes, ocr, err := pdfText(name, data[pdfStart(data):])
		if err != nil {
			return nil, "", err
		}
		ls := withUnseen(placedLines(t), notes)
		if ocr {
			for i := range ls {
				ls[i].setOCRLayer()
				ls[i].Text = numbersUnruled(ls[i].Text)
			}
		}
		return ls, KindPDF, nil
	}
	if words, kind, ok := flatODF(data); ok {
		// a flat OpenDocument (.fodt, .fods: LibreOffice's one-file XML):
		// its body read as an ODT's content.xml is, its styles in it too
		ls, err := officeXML(bytes.NewReader(data), words, nil, nil, odfTextStyles(bytes.NewReader(data)))
		if errors.Is(err, errCellText) {
			return nil, "", sheetTextError(name)
		}
		if err != nil {
			return nil, "", errs.Wrap(errs.Invalid, err, name, "文件是 LibreOffice 的单文件 XML 格式（.fodt/.fods），但不是有效的 XML，无法读取：请用 LibreOffice 打开后另存为 ODT 或 DOCX 再试")
		}
		if kind == KindXLSX {
			ls = titledSheet(ls, odfTitle(data[:min(len(data), 64<<10)])) // (its office:meta comes first)
		}
		return ls, kind, nil
	}
	t, err := decodeText(name, data)
	if err != nil {
		return nil, "", err
	}
	t, garbled := unmojibake(t)
	digits, compat := wideForms(t)
	if digits || hasText(t, "〇") {
		t = narrowDigits(t)
	}
	invisible, separators, radicals := oddChars(t)
	if invisible {
		t = dropInvisible(t)
	}
	if separators {
		// the line and paragraph separators of text taken out of a
		// page's script or a CMS's JSON: line breaks
		t = strings.NewReplacer("\u2028", "\n", "\u2029", "\n").Replace(t)
	}
	ls, kind, err := decodedLines(name, t)
	if garbled != "" && len(ls) > 0 {
		ls[0].setRepaired(garbled)
	}
	if kind == KindText && (radicals || compat) { // other kinds are looked at line by line
		unspace := radicals && radicalsSpaced(ls)
		for i := range ls {
			if unspace {
				unspaceRadicals(&ls[i])
			}
			foldLine(&ls[i])
		}
	}
	return ls, kind, err
}

// cellParagraphs is a page's text copied from a browser (innerText) whose
// table cells hold paragraphs (Word's and LibreOffice's HTML: <td><p>):
// each cell's paragraph stands on lines of its own, the tab between two
// cells on a line of its own with empty lines around it, an empty cell a
// few more empty lines, a row's end more again ("规章" / / "\t" / / / / /
// "\t" / / "18" …). Such a text (eight lines or more of a tab alone
// between empty lines, as many as the lines with a tab and words at least)
// has each run of
// whitespace with a tab in it made its tabs — an empty cell two tabs —
// with a line break before them where three or more stood before the
// first (a row whose first cell is empty: 表四's) and after them where
// three or more stood after the last, or a heading follows (a row whose
// last cell is empty).
// Python's html2text writes such cells the same way, a pipe alone on the
// line between two (sep '|'), and ends a row with a Markdown line break
// (two spaces): one after the last pipe ends the row too. Any other text
// is returned as it is.
func cellParagraphs(t string, sep byte) string {
	alone := "\n" + string(sep) + "\n"
	if !strings.Contains(t, alone) {
		return t // (no separator alone on a line: most texts, a pass saved)
	}
	// a separator alone between empty lines, and lines of words with one
	// (a text that ends each line with a tab has no empty line: its empty
	// lines are a tab alone too)
	lone, with := 0, 0
	prev, prevAlone := "x", false // the line before (as if words), and whether it was a separator alone after an empty line
	cut := " \t\r\n" + string(sep)
	for line := range strings.Lines(t) {
		blank := strings.Trim(line, cut) == ""
		has := strings.IndexByte(line, sep) >= 0
		if prevAlone && blank && !has {
			lone++
		}
		prevAlone = false
		switch {
		case has && blank:
			prevAlone = strings.Trim(prev, " \r\n") == ""
		case has:
			with++
		}
		prev = line
	}
	if lone < 8 || lone < with {
		return t
	}
	space := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == sep }
	var b strings.Builder
	b.Grow(len(t))
	for i := 0; i < len(t); {
		if !space(t[i]) {
			b.WriteByte(t[i])
			i++
			continue
		}
		j := i
		seps, before, after := 0, 0, 0
		hardBreak := false  // a Markdown line break (two spaces, a line's end) after the last separator: a row's end
		hardBefore := false // one before the first: the row before ended (and this row's first cell is empty)
		for j < len(t) && space(t[j]) {
			switch t[j] {
			case sep:
				seps++
				after, hardBreak = 0, false
			case '\n':
				if seps == 0 {
					before++
					hardBefore = hardBefore || sep == '|' && j >= 2 && t[j-1] == ' ' && t[j-2] == ' '
				} else {
					after++
					hardBreak = hardBreak || sep == '|' && j >= 2 && t[j-1] == ' ' && t[j-2] == ' '
				}
			}
			j++
		}
		if seps == 0 {
			b.WriteString(t[i:j])
		} else {
			if before >= 3 || hardBefore {
				b.WriteByte('\n')
			}
			b.WriteString(strings.Repeat(string(sep), seps))
			next, _, _ := strings.Cut(t[j:], "\n")
			if after >= 3 || hardBreak || j == len(t) || after > 0 && (headingKey(next) != "" || strings.HasPrefix(next, "第二十条")) {
				// (a section's heading or a group's after a table whose
				// last cells are empty, two line breaks after them as
				// after a cell)
				b.WriteByte('\n')
			}
		}
		i = j
	}
	return b.String()
}

// decodedLines is the lines of a decoded text, and what it was: CSV, RTF, a
// page, Markdown or plain text.
func decodedLines(name, t string) ([]Line, string, error) {
	if strings.IndexByte(t, '\n') < 0 && strings.IndexByte(t, '\r') >= 0 {
		// lines ended by CR alone (Excel for Mac's "CSV (Macintosh)", old
		// Mac text): the CSV reader and every test of lines below split at
		// LF only
		t = strings.ReplaceAll(t, "\r", "\n")
	}
	if strings.HasSuffix(strings.ToLower(name), ".csv") || looksCSV(t) {
		// (a sheet saved as CSV: a workbook's, so that one of the tables
		// alone — Excel and WPS save only the sheet shown — is said to hold
		// no text, not to miss the report's sections)
		ls, err := csvLines(name, t)
		return ls, KindXLSX, err
	}
	if hasText(t, "｜") {
		t = widePipes(t)
	}
	if hasText(t, "│") {
		t = boxRows(t)
	}
	if hasGridBorder(t) {
		t = gridRows(t)
	}
	if hasText(t, "]{") {
		t = pandocSpans(t)
	}
	if hasText(t, "|===") {
		t = asciidocTables(t)
	}
	if strings.IndexByte(t, '\t') >= 0 {
		t = cellParagraphs(t, '\t')
	}
	if strings.IndexByte(t, '|') >= 0 {
		t = cellParagraphs(t, '|')
	}
	switch {
	case looksRTF(t):
		return rtfFramed(t), KindRTF, nil
	case tsvWords(t):
		bs, ocr := tsvBoxes(t)
		return ocrWordLines(placedLines(boxesText(bs)), ocr), KindText, nil
	case strings.IndexByte(t, '<') >= 0 && hocrWords(t):
		return ocrWordLines(placedLines(boxesText(hocrBoxes(t))), true), KindText, nil
	case strings.IndexByte(t, '<') >= 0 && xmlWords(t):
		bs := xmlBoxes(t)
		if len(bs) > 0 && !bs[0].fontBox && runsJoinCells(bs) {
			// pdftohtml's runs join a narrow table's neighbouring cells
			// (Chromium's PDFs: "123 738"), their characters spread over
			// the run's width: not where they stand (a row with blanks
			// placed a column off). Where no run does (LibreOffice's PDFs:
			// a run a cell), the runs stand where their cells do.
			return textLines(boxesText(bs)), KindHTML, nil
		}
		return placedLines(boxesText(bs)), KindHTML, nil
	case textWithTables(t):
		return mixedLines(t, false), KindText, nil
	case strings.IndexByte(t, '<') >= 0 && positionedPage(t):
		return textLines(positionedText(t)), KindHTML, nil
	case strings.IndexByte(t, '<') >= 0 && markdownWithHTML(t):
		return mixedLines(t, true), KindText, nil
	case looksHTML(t):
		return htmlLines(t), KindHTML, nil
	}
	if w := expandedTabs(t); w > 0 {
		t = unexpandTabs(t, w)
	} else if wideTabs(t) {
		t = wideSpacesAsTabs(t)
	}
	return textLines(t), KindText, nil
}

// wideTabs says a text without tabs has an ideographic space for each of a
// table's tabs (a converter's): eight lines at least with one between a
// digit and another cell, and two together between digits somewhere (a
// blank cell, which a row read by columns would put in the wrong one).
func wideTabs(t string) bool {
	if strings.IndexByte(t, '\t') >= 0 || !hasText(t, "\u3000\u3000") {
		return false
	}
	lines, ones, blanks := 0, 0, 0
	for line := range strings.Lines(t) {
		if cellsByWideSpaces(line) {
			if strings.Contains(line, "  ") || strings.Contains(line, " \u3000") || strings.Contains(line, "\u3000 ") {
				return false // a page printed in columns, its spaces of both widths (pdftotext's, copied)
			}
			lines++
			for _, n := range wideRunsBetweenDigits(line) {
				switch {
				case n == 1:
					ones++
				case n <= 8:
					blanks++ // blank cells, up to a row's
				default:
					return false // a table set in columns with ideographic spaces: its gaps are of any width
				}
			}
		}
	}
	// most gaps a tab's (a table set in columns has few of one space), some
	// blanks
	return lines >= 8 && blanks > 0 && ones > blanks
}

// wideRunsBetweenDigits is the length, in characters, of each run of
// ideographic spaces of line with a digit on both sides.
func wideRunsBetweenDigits(line string) []int {
	var out []int
	for r := range wideRuns(line) {
		if isDigit(r.before) && isDigit(r.after) {
			out = append(out, r.n)
		}
	}
	return out
}

// cellsByWideSpaces says a line has an ideographic space after its start
// with a digit next to it.
func cellsByWideSpaces(line string) bool {
	for r := range wideRuns(strings.TrimLeft(line, " \u3000")) {
		if isDigit(r.before) || isDigit(r.after) {
			return true
		}
	}
	return false
}

// wideRun is a run of ideographic spaces: the characters before and after
// it (utf8.RuneError at the text's ends) and its length in characters.
type wideRun struct {
	before, after rune
	n             int
}

// wideRuns yields each run of ideographic spaces of s.
func wideRuns(s string) iter.Seq[wideRun] {
	return func(yield func(wideRun) bool) {
		for i := 0; ; {
			k := strings.Index(s[i:], "\u3000")
			if k < 0 {
				return
			}
			k += i
			rest := strings.TrimLeft(s[k:], "\u3000")
			before, _ := utf8.DecodeLastRuneInString(s[:k])
			after, _ := utf8.DecodeRuneInString(rest)
			if !yield(wideRun{before, after, (len(s) - len(rest) - k) / len("\u3000")}) {
				return
			}
			i = len(s) - len(rest)
		}
	}
}

// wideSpacesAsTabs turns the ideographic spaces of wideTabs' lines of
// cells into tabs, a line's first too (its empty first cell, under a merged
// group label).
func wideSpacesAsTabs(t string) string {
	var b strings.Builder
	b.Grow(len(t))
	for line := range strings.Lines(t) {
		if !cellsByWideSpaces(line) {
			b.WriteString(line)
			continue
		}
		b.WriteString(strings.ReplaceAll(line, "\u3000", "\t"))
	}
	return b.String()
}

// expandedTabs is the width a tab-separated text's tabs were replaced with
// (4 or 8 spaces: an editor's, a CMS's), or 0. Its table rows then keep
// their blank cells as gaps twice as wide, which a row read as a printed
// page's (cells placed by column) puts in the wrong columns: every run of
// two spaces or more on a line of the text is a multiple of the width, on
// eight lines at least, and one run is two widths or more (a blank cell).
// A printed page's gaps are of any width.
func expandedTabs(t string) int {
	if strings.IndexByte(t, '\t') >= 0 || !strings.Contains(t, "    ") {
		return 0
	}
	for _, w := range []int{8, 4} {
		lines, wide := 0, false
		ok := true
		for line := range strings.Lines(t) {
			has := false
			for i := 0; i < len(line) && ok; {
				if line[i] != ' ' {
					i++
					continue
				}
				j := i
				for j < len(line) && line[j] == ' ' {
					j++
				}
				if n := j - i; n >= 2 {
					if n%w != 0 {
						ok = false
					}
					has = true
					wide = wide || n >= 2*w
				}
				i = j
			}
			if !ok {
				break
			}
			if has {
				lines++
			}
		}
		if ok && wide && lines >= 8 {
			return w
		}
	}
	return 0
}

// unexpandTabs turns each run of w spaces of t back into a tab.
func unexpandTabs(t string, w int) string {
	return strings.ReplaceAll(t, strings.Repeat(" ", w), "\t")
}

// csvLines reads a report saved as CSV (a spreadsheet's "save as"): a
// record of one cell is a line of text, a record of several a row of cells.
func csvLines(name string, t string) ([]Line, error) {
	if hasText(t, "\u00a0") { // a no-break space is a space, as in a text's lines
		t = strings.ReplaceAll(t, "\u00a0", " ")
	}
	if len(t) > maxLineFields {
		// a record of millions of cells (no sheet's) would be read whole
		for i, rest, more := 1, t, true; more; i++ {
			var line string
			line, rest, more = strings.Cut(rest, "\n")
			if !fewFields(line, ',') {
				return nil, &errs.Error{Kind: errs.TooLarge, Where: fmt.Sprintf("%s 第 %d 行", name, i),
					Msg: fmt.Sprintf("CSV 的这一行有 %d 个以上的单元格，不是报告的表格：请确认文件是否正确", maxLineFields)}
			}
		}
	}
	r := csv.NewReader(strings.NewReader(t))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var out []Line
	for {
		rec, err := r.Read()
		if err == io.EOF || len(out) > MaxLines { // (more: Lines refuses it)
			return out, nil
		}
		if err != nil {
			line, _ := r.FieldPos(0)
			return nil, errs.Wrap(errs.Invalid, err, fmt.Sprintf("%s 第 %d 行", name, line), "CSV 格式错误：请检查引号和分隔符，或另存为 XLSX 再审核")
		}
		no, _ := r.FieldPos(0) // the file's line, which a quoted field over lines makes no record count
		// a spreadsheet writes every record as wide as the widest: a record
		// with one cell of text is a paragraph; a row keeps its empty last
		// cells, which stand in their columns (a blank total)
		n := len(rec)
		for n > 1 && trimSpace(rec[n-1]) == "" {
			n--
		}
		if n == 1 {
			out = append(out, Line{No: no, Text: rec[0]})
			continue
		}
		rec = bracketedCommas(rec)
		for i := range rec {
			rec[i] = trimSpace(rec[i])
		}
		out = append(out, Line{No: no, Text: strings.Join(rec, "\t"), Fields: rec, Structured: true})
	}
}

// bracketedCommas joins again the fields of a record that an ASCII comma
// inside brackets split (a hand-made CSV that did not quote the label
// "（二）部分公开（区分处理的,只计这一情形,不计其他情形）"): a field that opens a
// bracket it does not close takes the fields after it up to the one that
// closes it, with the comma as the report writes it (，). A bracket never
// closed joins nothing.
func bracketedCommas(rec []string) []string {
	for i := 0; i < len(rec); i++ {
		depth := bracketDepth(rec[i])
		if depth <= 0 {
			continue
		}
		j := i + 1
		for j < len(rec) && depth > 0 {
			depth += bracketDepth(rec[j])
			j++
		}
		if depth != 0 {
			return rec
		}
		rec = slices.Concat(rec[:i], []string{strings.Join(rec[i:j], "，")}, rec[j:])
	}
	return rec
}

// bracketDepth is how many more brackets s opens than it closes.
func bracketDepth(s string) int {
	return strings.Count(s, "（") + strings.Count(s, "(") - strings.Count(s, "）") - strings.Count(s, ")")
}

// looksCSV says a text whatever its name is a spreadsheet saved as CSV: no
// tabs, no markup, and ten lines or more with three or more fields that are
// numbers between ASCII commas (a report's prose uses ， and has no such
// lines; a table written with commas has a line of numbers for each row).
func looksCSV(t string) bool {
	if strings.Count(t, ",") < 60 || strings.IndexByte(t, '\t') >= 0 || strings.IndexByte(t, '<') >= 0 || strings.IndexByte(t, '|') >= 0 {
		return false
	}
	rows := 0
	for line := range strings.Lines(t) {
		nums := 0
		for f := range strings.SplitSeq(line, ",") {
			if d := strings.Trim(trimSpace(f), `"`); d != "" && allASCIIDigits(d) {
				nums++
			}
		}
		if nums >= 3 {
			if rows++; rows >= 10 {
				return true
			}
		}
	}
	return false
}

// pageTags are the tags a web page's text sits in; Markdown or text that
// holds HTML tables has none of them.
var pageTags = []string{"<html", "<body", "<head", "<!doctype", "<p>", "<p ", "<div", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6",
	"<li", "<article", "<section", "<span"}

// textWithTables reports whether t is Markdown or plain text with its tables
// in HTML (PDF converters write a table they cannot draw with pipes so, and
// HTML-to-Markdown converters keep a table with merged cells as HTML): it has
// <table but, outside its tables, no tag of a web page (inside them a
// converter keeps Word's <p> and <span>).
func textWithTables(t string) bool {
	if tableAt(t) < 0 {
		return false
	}
	for seg := range outsideTables(t) {
		for rest := range angles(seg) {
			if prefixFold(rest, pageTags...) {
				return false
			}
		}
	}
	return true
}

// outsideTables yields t's text outside its HTML tables, a piece at a time
// (nested tables inside their outer one).
func outsideTables(t string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for t != "" {
			i := tableAt(t)
			if i < 0 {
				yield(t)
				return
			}
			if !yield(t[:i]) {
				return
			}
			t = t[tableEnd(t, i):]
		}
	}
}

// angles yields s from each '<' on.
func angles(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for {
			i := strings.IndexByte(s, '<')
			if i < 0 || !yield(s[i:]) {
				return
			}
			s = s[i+1:]
		}
	}
}

// prefixFold reports whether s starts with one of the ASCII prefixes, in
// any case.
func prefixFold(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// gridRows joins the lines of each row of a Markdown grid table (pandoc's
// default for tables: rows between +----+----+ lines, a cell's text wrapped
// over as many | … | lines as it needs) into one pipe row, its cells' pieces
// joined; the row's other lines and the borders become empty lines, so that
// line numbers hold. Lines that are not a grid row stay as they are.
func gridRows(t string) string {
	var b strings.Builder
	b.Grow(len(t))
	var row wrappedRow
	in := false // after a border, before a line that is not the grid's
	for line := range strings.Lines(t) {
		l := strings.TrimRight(strings.TrimLeft(line, " "), " \r\n")
		br := strings.Count(line, "\n")
		switch {
		case gridBorder(l):
			row.flush(&b)
			b.WriteString(strings.Repeat("\n", br))
			in = true
			continue
		case in && len(l) >= 2 && l[0] == '|' && l[len(l)-1] == '|' && strings.Count(l, "|") > 2:
			// (a one-column grid is a box round a page's text: its lines stay lines)
			row.add(&b, strings.Split(l[1:len(l)-1], "|"), br)
			continue
		}
		row.flush(&b)
		in = in && len(l) > 0 && l[0] == '|'
		b.WriteString(line)
	}
	row.flush(&b)
	return b.String()
}

// wrappedRow gathers a table row whose cells wrap over several lines (a grid
// table's, a box-drawn one's) and writes it as one pipe row, its cells'
// pieces joined, then as many line breaks as its lines had, so that line
// numbers hold.
type wrappedRow struct {
	cells [][]string // the pieces of each cell
	lines int        // the line breaks of its source lines
}

// add takes the cells of one more line of the row; a line of another
// number of cells starts a new row.
func (w *wrappedRow) add(b *strings.Builder, cells []string, br int) {
	if w.cells != nil && len(cells) != len(w.cells) {
		w.flush(b)
	}
	if w.cells == nil {
		w.cells = make([][]string, len(cells))
	}
	for i, c := range cells {
		if c = strings.TrimSpace(c); c != "" && c != "\\" { // a lone \ is pandoc's line break
			w.cells[i] = append(w.cells[i], c)
		}
	}
	w.lines += br
}

func (w *wrappedRow) flush(b *strings.Builder) {
	if w.cells == nil {
		return
	}
	b.WriteByte('|')
	for _, pieces := range w.cells {
		b.WriteByte(' ')
		b.WriteString(joinWrapped(pieces))
		b.WriteString(" |")
	}
	b.WriteString(strings.Repeat("\n", w.lines))
	w.cells, w.lines = nil, 0
}

// widePipes writes the full-width bars of a pipe table typed in the wide
// input mode ("｜ 一、本年新收… ｜ 64 ｜ 0 ｜") as ASCII ones, on the lines
// that hold three or more, when three such lines are there at least (a bar
// in a sentence stays).
func widePipes(t string) string {
	rows := 0
	for line := range strings.Lines(t) {
		if widePipeRow(line) {
			if rows++; rows >= 3 {
				break
			}
		}
	}
	if rows < 3 {
		return t
	}
	var b strings.Builder
	b.Grow(len(t))
	for line := range strings.Lines(t) {
		if widePipeRow(line) {
			line = strings.ReplaceAll(line, "｜", "|")
		}
		b.WriteString(line)
	}
	return b.String()
}

// widePipeRow says a line holds three full-width bars or more.
func widePipeRow(line string) bool {
	n := 0
	for i := 0; n < 3; {
		k := strings.Index(line[i:], "｜")
		if k < 0 {
			return false
		}
		n++
		i += k + len("｜")
	}
	return true
}

// boxRows turns a table drawn with box-drawing characters, as text browsers
// dump a page with bordered tables (w3m, elinks: ├───┼───┤ between rows, │
// between cells, a cell's text wrapped over as many lines as it needs), into
// one pipe row per row of the table, its cells' pieces joined; the row's
// other lines and the borders become empty lines, so that line numbers hold.
// A border that runs only under some columns (beside a cell that spans rows)
// ends the row too; the text on its line, the spanning cell's, stays as a
// line of its own.
func boxRows(t string) string {
	var b strings.Builder
	b.Grow(len(t))
	var row wrappedRow
	for line := range strings.Lines(t) {
		br := strings.Count(line, "\n")
		l := strings.TrimRight(line, "\r\n")
		horizontal := hasAnyRune(l, "─━═")
		text := strings.TrimSpace(strings.Map(func(r rune) rune {
			if isBoxRune(r) {
				return ' '
			}
			return r
		}, l))
		switch {
		case !strings.ContainsFunc(l, isBoxRune):
			row.flush(&b)
			b.WriteString(line)
		case horizontal:
			row.flush(&b) // a border, under every column or only some
			b.WriteString(text)
			b.WriteString(strings.Repeat("\n", br))
		default:
			// (a cell of no width, two bars side by side, holds nothing and
			// is no column a number may stand in: wvText draws a .doc's
			// merged heading cells so, its numbers in the columns after)
			row.add(&b, slices.DeleteFunc(strings.Split(strings.Trim(trimSpace(l), "│┃║"), "│"), func(c string) bool { return c == "" }), br)
		}
	}
	row.flush(&b)
	return b.String()
}

// isBoxRune reports whether r draws a table: the box-drawing block.
func isBoxRune(r rune) bool { return r >= 0x2500 && r <= 0x257F }

// hasGridBorder reports whether a line of t starts with "+-", a grid table's
// border. ("+-" is looked for, not "\n+-": a search led by a line break would
// stop at every line.)
func hasGridBorder(t string) bool {
	for i := 0; ; {
		j := indexText(t[i:], "+-")
		if j < 0 {
			return false
		}
		i += j
		k := i
		for k > 0 && t[k-1] == ' ' {
			k--
		}
		if k == 0 || t[k-1] == '\n' {
			return true
		}
		i += 2
	}
}

// gridBorder reports whether l is a grid table's border: +---+:==+ only.
func gridBorder(l string) bool {
	if len(l) < 3 || l[0] != '+' || l[len(l)-1] != '+' {
		return false
	}
	return strings.Trim(l, "+-=:") == ""
}

// joinWrapped joins the pieces of a wrapped cell: Chinese runs on without a
// space, words get one, and so do digits but where both pieces are digits
// alone — a count wrapped in a column narrower than it (pandoc's grid table
// of a narrow column: 43 / 05 for 4305, 1 / 23 for 123).
func joinWrapped(pieces []string) string {
	if len(pieces) == 1 {
		return pieces[0]
	}
	var b strings.Builder
	for i, p := range pieces {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(pieces[i-1])
			next, _ := utf8.DecodeRuneInString(p)
			if isASCIIAlnum(prev) && isASCIIAlnum(next) && !(allASCIIDigits(pieces[i-1]) && allASCIIDigits(p)) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(p)
	}
	return b.String()
}

func isASCIIAlnum(r rune) bool { return r < 0x80 && (isASCIILetter(byte(r)) || '0' <= r && r <= '9') }

// asciidocTables writes the tables of an AsciiDoc text (pandoc's asciidoc:
// a table between |=== lines, each cell led by a "|", a row's cells over as
// many lines as they take and rows apart by empty lines) as pipe rows, a row
// on its first line: a row of the table is as many cells as its cols
// attribute names (cols="12%,11%,…" on the line before), or as its first
// line holds. A cell's span ("2+|") counts its columns, the columns after
// its first empty. Other lines stay as they are, and so do line numbers.
func asciidocTables(t string) string {
	lines := strings.SplitAfter(t, "\n")
	out := make([]string, 0, len(lines))
	in, cols := false, 0
	var cells []string
	rowAt := -1 // the line in out that the row being gathered starts on
	flush := func() {
		if rowAt >= 0 && len(cells) > 0 {
			eol := ""
			if strings.HasSuffix(out[rowAt], "\n") {
				eol = "\n"
			}
			out[rowAt] = "| " + strings.Join(cells, " | ") + " |" + eol
		}
		cells, rowAt = nil, -1
	}
	for i, line := range lines {
		l := strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(l) == "|===" {
			flush()
			if in = !in; in {
				cols = 0
				if i > 0 {
					if cols = asciidocCols(lines[i-1]); cols > 0 {
						out[len(out)-1] = strings.Repeat("\n", strings.Count(lines[i-1], "\n")) // (the attributes: no text)
					}
				}
			}
			out = append(out, strings.Repeat("\n", strings.Count(line, "\n")))
			continue
		}
		if !in || !strings.HasPrefix(strings.TrimSpace(l), "|") && !asciidocSpan(strings.TrimSpace(l)) {
			if in && strings.TrimSpace(l) == "" && cols == 0 {
				flush() // rows apart by empty lines when no cols say their width
			}
			out = append(out, line)
			continue
		}
		out = append(out, strings.Repeat("\n", strings.Count(line, "\n")))
		parts := strings.Split(l, "|")
		if cols == 0 && rowAt < 0 {
			cols = -1 // (the first line's cells, counted below)
		}
		if len(cells) == 0 && rowAt < 0 {
			rowAt = len(out) - 1
		}
		span := 1
		for k, part := range parts {
			if k == 0 {
				// what comes before a cell's "|" is its spec ("2+"), or text
				// of the cell before continued on this line
				if n := asciidocSpanOf(strings.TrimSpace(part)); n > 0 {
					span = n
				} else if strings.TrimSpace(part) != "" && len(cells) > 0 {
					cells[len(cells)-1] += " " + strings.TrimSpace(part)
				}
				continue
			}
			text := part
			next := 1
			if k+1 < len(parts) {
				// a spec at the end of this part belongs to the next cell
				if f := strings.Fields(text); len(f) > 0 {
					if n := asciidocSpanOf(f[len(f)-1]); n > 0 {
						next = n
						text = strings.TrimSuffix(strings.TrimRight(text, " "), f[len(f)-1])
					}
				}
			}
			cells = append(cells, strings.TrimSpace(text))
			for range min(span, 64) - 1 {
				cells = append(cells, "")
			}
			span = next
			if cols > 0 && len(cells) >= cols {
				flush()
			}
		}
		if cols < 0 {
			cols = len(cells) // the first line is the first row
			flush()
		}
		if len(cells) == 0 {
			rowAt = -1 // (a line of no cells starts no row)
		} else if rowAt < 0 {
			rowAt = len(out) - 1 // a row begun after one that ended on this line
		}
	}
	flush()
	return strings.Join(out, "")
}

// asciidocCols counts the columns of an AsciiDoc table's cols attribute
// ([cols="12%,11%,28%"] or cols="3*"), 0 when the line names none.
func asciidocCols(line string) int {
	i := strings.Index(line, `cols="`)
	if i < 0 {
		return 0
	}
	spec, _, ok := strings.Cut(line[i+len(`cols="`):], `"`)
	if !ok || spec == "" {
		return 0
	}
	if n, rest, ok := strings.Cut(spec, "*"); ok && !strings.Contains(rest, ",") {
		k, err := strconv.Atoi(n)
		if err != nil || k <= 0 || k > 64 {
			return 0
		}
		return k
	}
	return min(strings.Count(spec, ",")+1, 64)
}

// asciidocSpanOf reads a cell's column span spec (2+, .2+ for rows: 1), 0
// when s is none.
func asciidocSpanOf(s string) int {
	if !strings.HasSuffix(s, "+") || len(s) < 2 {
		return 0
	}
	s = strings.TrimSuffix(s, "+")
	if strings.HasPrefix(s, ".") {
		return 1 // a row span: one column
	}
	cs, _, _ := strings.Cut(s, ".")
	n, err := strconv.Atoi(cs)
	if err != nil || n <= 0 {
		return 0
	}
	return min(n, 64)
}

// asciidocSpan says a line starts with a cell's span spec (2+|…).
func asciidocSpan(l string) bool {
	spec, _, ok := strings.Cut(l, "|")
	return ok && asciidocSpanOf(strings.TrimSpace(spec)) > 0
}

// pandocSpans drops the attributes of pandoc's Markdown ("pandoc in.html -o
// out.md" of a Word page writes [本年新收]{style="font-family:仿宋_GB2312"}[64]{lang="EN-US"
// style=…}): each [text]{attributes} becomes text, the line breaks inside
// attributes moving after their line so that line numbers hold, and the
// ::: lines of its divs become empty. Brackets without attributes stay.
func pandocSpans(t string) string {
	b := make([]byte, 0, len(t))
	var open []int            // positions in b of the '[' not yet closed
	openLine := map[int]int{} // the line each of them is on
	var drop []int            // positions in b of the '[' of spans, to take out
	owed, line := 0, 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch c {
		case '[':
			open = append(open, len(b))
			openLine[len(b)] = line
		case ']':
			if len(open) == 0 || i+1 >= len(t) || t[i+1] != '{' {
				break
			}
			// attributes are short: the search is bounded, or "]{" over and
			// over without a "}" would read the rest of the text each time
			end := strings.IndexByte(t[i+1:min(len(t), i+1+maxAttrs)], '}')
			if end < 0 || !pandocAttrs(t[i+2:i+1+end]) {
				open = open[:len(open)-1]
				break
			}
			drop = append(drop, open[len(open)-1])
			open = open[:len(open)-1]
			owed += strings.Count(t[i+1:i+2+end], "\n")
			i += 1 + end
			continue
		case '\n':
			// a span may wrap over lines (pandoc wraps its paragraphs), but
			// a '[' a few lines back is the text's own
			line++
			open = slices.DeleteFunc(open, func(o int) bool { return openLine[o] < line-3 })
			b = append(b, '\n')
			for ; owed > 0; owed-- {
				b = append(b, '\n')
			}
			continue
		}
		b = append(b, c)
	}
	for ; owed > 0; owed-- {
		b = append(b, '\n')
	}
	if len(drop) > 0 { // take the spans' '[' out, in one pass
		slices.Sort(drop)
		out, k := b[:0], 0
		for j, c := range b {
			if k < len(drop) && drop[k] == j {
				k++
				continue
			}
			out = append(out, c)
		}
		b = out
	}
	var o strings.Builder
	o.Grow(len(b))
	for line := range strings.Lines(string(b)) {
		if strings.HasPrefix(line, ":::") {
			if strings.HasSuffix(line, "\n") {
				o.WriteByte('\n')
			}
			continue
		}
		o.WriteString(line)
	}
	return o.String()
}

// maxAttrs bounds a pandoc attribute list ({style="…" lang="…"}).
const maxAttrs = 4096

// pandocAttrs reports whether s (between { and }) is pandoc's attributes:
// .class, #id or key=value, or empty.
func pandocAttrs(s string) bool {
	s = strings.TrimLeft(s, " \n")
	if s == "" {
		return true
	}
	if s[0] == '.' || s[0] == '#' {
		return true
	}
	i := strings.IndexByte(s, '=')
	return i > 0 && strings.IndexFunc(s[:i], func(r rune) bool {
		return !(r == '-' || r == '_' || r == ':' || isASCIIAlnum(r))
	}) < 0
}

// markdownWithHTML reports whether the page t is Markdown that keeps Word's
// inline HTML, as pandoc writes GitHub Markdown of a Word web page: its
// paragraphs are lines between blank lines (**<span …>一、总体情况</span>**)
// and pipe rows, with no tag of a page's blocks outside its tables, so read
// as HTML it would be one paragraph.
func markdownWithHTML(t string) bool {
	depth := 0 // a page leaves at its first block tag, most often <html>
	for rest := range angles(t) {
		switch {
		case prefixFold(rest, "<table"):
			depth++
		case prefixFold(rest, "</table"):
			depth = max(depth-1, 0)
		case depth == 0 && prefixFold(rest, blockTags...):
			return false
		}
	}
	for seg := range outsideTables(t) {
		if markdownMarks(seg) {
			return true
		}
	}
	return false
}

// blockTags are the tags of a page's blocks that Markdown writers turn into
// Markdown (a <div> or <span> they keep, for its attributes).
var blockTags = []string{"<html", "<body", "<head", "<!doctype", "<p>", "<p ", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6",
	"<li", "<article", "<section", "<tr", "<td"}

// markdownMarks reports whether s has a line that is Markdown's: a pipe row,
// a heading, a paragraph in bold, or an empty line after text (Markdown's
// paragraph break; pandoc writes LibreOffice's page with nothing else).
func markdownMarks(s string) bool {
	text := false
	for line := range strings.Lines(s) {
		l := strings.TrimLeft(line, " \t\u3000")
		if strings.HasPrefix(l, "**") || strings.HasPrefix(l, "# ") || strings.HasPrefix(l, "## ") ||
			strings.HasPrefix(l, "### ") || strings.HasPrefix(l, "|") && markdownRow(l) {
			return true
		}
		empty := trimSpace(l) == ""
		if empty && text {
			return true
		}
		text = !empty
	}
	return false
}

// stripTags drops the tags (and comments) in Markdown's text, keeping its
// line numbers: a line break inside a tag (pandoc wraps <span\nstyle=…>) is
// moved after the line the tag sits in, as an empty line.
func stripTags(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	owed := 0 // line breaks taken out of tags on this line
	for s != "" {
		i := strings.IndexAny(s, "<\n")
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		if s[i] == '\n' {
			b.WriteString(strings.Repeat("\n", owed+1))
			owed, s = 0, s[i+1:]
			continue
		}
		rest := s[i:]
		end := ">"
		if strings.HasPrefix(rest, "<!--") {
			end = "-->"
		} else if len(rest) < 2 || !(isASCIILetter(rest[1]) || rest[1] == '/' || rest[1] == '!') {
			b.WriteByte('<') // a "<" of the text
			s = rest[1:]
			continue
		}
		j := indexText(rest, end)
		if j < 0 {
			b.WriteString(rest)
			break
		}
		tag := rest[:j+len(end)]
		if prefixFold(tag, "<br") {
			b.WriteByte(' ')
		}
		owed += strings.Count(tag, "\n")
		s = rest[j+len(end):]
	}
	if owed > 0 {
		b.WriteString(strings.Repeat("\n", owed))
	}
	return b.String()
}

// mixedLines reads text whose tables are HTML: the text between the tables
// as text lines (Markdown headings and all), each table as the HTML reader
// reads it, its rows numbered with the line the table starts on. With
// inline, the text's own tags are dropped first (markdownWithHTML).
func mixedLines(t string, inline bool) []Line {
	var out []Line
	line := 1 // the source line the next piece starts on
	add := func(ls []Line, base int, same bool) {
		for _, l := range ls {
			if same {
				l.No = base
			} else {
				l.No = base + l.No - 1
			}
			out = append(out, l)
		}
	}
	text := func(s string) []Line {
		if inline {
			s = stripTags(s)
		}
		return textLines(s)
	}
	for t != "" {
		i := tableAt(t)
		if i < 0 {
			add(text(t), line, false)
			break
		}
		add(text(t[:i]), line, false)
		line += strings.Count(t[:i], "\n")
		end := tableEnd(t, i)
		add(htmlLines(t[i:end]), line, true)
		line += strings.Count(t[i:end], "\n")
		t = t[end:]
	}
	return out
}

// tableAt is where the first <table starts in t, in any case, or -1.
func tableAt(t string) int {
	for rest := range angles(t) {
		if prefixFold(rest, "<table") {
			i := len(t) - len(rest)
			return i - len(tableWrapped(t[:i]))
		}
	}
	return -1
}

// tableWrapped is the end of s that wraps the table after it in a page's
// tags of its own, <html><body> (as MinerU writes each table of its
// Markdown), or "".
func tableWrapped(s string) string {
	head := strings.TrimRight(s, " \t\r\n")
	for _, tag := range []string{"<body>", "<html>"} {
		if len(head) < len(tag) || !strings.EqualFold(head[len(head)-len(tag):], tag) {
			return ""
		}
		head = strings.TrimRight(head[:len(head)-len(tag)], " \t\r\n")
	}
	return s[len(head):]
}

// wrapEnd is the length of the </body></html> at the start of s that close
// a table's wrapper (tableWrapped), or 0.
func wrapEnd(s string) int {
	rest := s
	for _, tag := range []string{"</body>", "</html>"} {
		rest = strings.TrimLeft(rest, " \t\r\n")
		if !prefixFold(rest, tag) {
			return 0
		}
		rest = rest[len(tag):]
	}
	return len(s) - len(rest)
}

// tableEnd is the position after the </table> that closes the table at i
// (nested tables counted), or the end of t.
func tableEnd(t string, i int) int {
	depth := 0
	for rest := range angles(t[i:]) {
		switch {
		case prefixFold(rest, "<table"):
			depth++
		case prefixFold(rest, "</table>"):
			if depth--; depth == 0 {
				end := len(t) - len(rest) + len("</table>")
				if prefixFold(t[i:], "<html") {
					end += wrapEnd(t[end:]) // (the wrapper tableAt took in)
				}
				return end
			}
		}
	}
	return len(t)
}

// binaryKinds are the files, by their first bytes, that people send for a
// report and that hold no text to read: what to do instead.
var binaryKinds = []struct {
	magic, advice string
}{
	{"\x89PNG", picture}, {"\xff\xd8\xff", picture}, {"GIF8", picture}, {"II*\x00", picture}, {"MM\x00*", picture}, {"BM", ""},
	{"Rar!\x1a\x07", archive}, {"7z\xbc\xaf\x27\x1c", archive}, {"\x1f\x8b", archive}, {"BZh", ""}, {"\xfd7zXZ\x00", archive},
}

const (
	picture = "这是图片（扫描件或截图），没有可以读取的文字：请提供有文字的报告（网页、Word、PDF 等），或先做文字识别（OCR）"
	archive = "这是压缩包（7z、tar、gz 等）：请先解压，再核查其中的报告；.zip 和 .rar 压缩包可以直接核查（RAR 压缩包的文件名须以 .rar 结尾）"
)

// tarArchive says data is a tar archive (POSIX ustar or GNU tar: the magic
// at byte 257 of its first header).
func tarArchive(data []byte) bool {
	return len(data) >= 512 && bytes.HasPrefix(data[257:], []byte("ustar"))
}

// knownBinary names the kind of a file that is a picture or an archive (""
// for any other). BMP and bzip2 are known by more than their short magic.
func knownBinary(data []byte) string {
	for _, k := range binaryKinds {
		if !bytes.HasPrefix(data, []byte(k.magic)) {
			continue
		}
		switch {
		case k.magic == "BM" && len(data) >= 14 && bytes.IndexByte(data[:14], 0) >= 0:
			return picture
		case k.magic == "BZh" && len(data) > 4 && data[3] >= '1' && data[3] <= '9' && bytes.IndexByte(data, 0) >= 0:
			return archive
		case k.advice != "":
			return k.advice
		}
	}
	if len(data) > 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP" {
		return picture
	}
	return ""
}

// decodeText returns data as UTF-8: a BOM decides when present, valid UTF-8 is
// taken as is, anything else is read as GB18030 (a superset of GBK and GB2312).
func decodeText(name string, data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		d, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", errs.Wrap(errs.Invalid, err, name, "无法读取 UTF-16 文本")
		}
		return string(d), nil
	}
	if kind := knownBinary(data); kind != "" {
		return "", errs.New(name, "%s", kind)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", errs.New(name, "不是可识别的报告文件（含有二进制内容）：支持文本、HTML、DOCX、DOC、ODT、RTF、PDF、OFD 和 XLSX；其他格式请先另存为 DOCX 或文本")
	}
	if validUTF8(data) {
		return string(data), nil
	}
	if mostlyUTF8(data) {
		// a UTF-8 page with a few stray bytes (a copy, a cut): read as UTF-8
		// with U+FFFD for them, not as GB18030, which would garble it all
		return strings.ToValidUTF8(string(data), "\uFFFD"), nil
	}
	d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", errs.Wrap(errs.Invalid, err, name, "文本既不是 UTF-8 也不是 GB18030/GBK 编码，无法读取")
	}
	return string(d), nil
}

// unmojibake reads back a text garbled (乱码) by being shown in another
// encoding than its own and saved so: GBK's or UTF-8's bytes shown as
// Western characters (Latin-1, Windows-1252: "Õþ¸®ÐÅÏ¢" for 政府信息), or
// UTF-8's shown as GBK ("鏀垮簻淇℃伅"). A report names 政府 in its title
// and headings; a text that does not, which read back does, was garbled.
// It returns the text and how it was garbled ("" when it was not).
func unmojibake(t string) (string, string) {
	if hasText(t, "政府") || len(t) < 64 {
		return t, ""
	}
	if b, ok := westernBytes(t); ok {
		if validUTF8(b) && hasText(string(b), "政府") {
			return string(b), "UTF-8 的中文被当作西文（Latin-1/Windows-1252）显示后保存"
		}
		if d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b); err == nil && hasText(string(d), "政府") {
			return string(d), "GBK 的中文被当作西文（Latin-1/Windows-1252）显示后保存"
		}
	}
	if !hasHan(t) {
		return t, ""
	}
	enc := encoding.ReplaceUnsupported(simplifiedchinese.GBK.NewEncoder())
	if b, err := enc.Bytes([]byte(t)); err == nil && mostlyUTF8(b) {
		if s := strings.ToValidUTF8(string(b), "\uFFFD"); hasText(s, "政府") {
			return s, garbledLossy
		}
	}
	return t, ""
}

// garbledLossy is how a text was garbled that reads back with characters
// lost: UTF-8 shown as GBK loses a byte of some characters for good.
const garbledLossy = "UTF-8 的中文被当作 GBK 显示后保存，部分字已无法还原，显示为 �"

// westernBytes is t's characters as the bytes a Western encoding shows them
// as (Latin-1, and Windows-1252's punctuation in 80–9F), false when a
// character is none of them.
func westernBytes(t string) ([]byte, bool) {
	b := make([]byte, 0, len(t))
	for _, r := range t {
		switch {
		case r < 0x100:
			b = append(b, byte(r))
		default:
			k := slices.Index(cp1252High, r) // (doc.go's: Windows-1252's 80–9F)
			if k < 0 {
				return nil, false
			}
			b = append(b, byte(0x80+k))
		}
	}
	return b, true
}

var htmlSigns = []string{"<html", "<!doctype html", "<table", "<body", "<p>", "<div", "<td"}

// mhtmlPage returns the web page inside an MHTML file (a page a browser
// saved as one file, "网页，单个文件": a MIME message whose first text/html
// part is the page, quoted-printable or base64), and whether data is one.
// The page keeps its own charset, which decodeText then finds.
func mhtmlPage(data []byte) ([]byte, bool) {
	// a MIME message starts with a header line ("From: …", "MIME-Version:
	// …"); a report never does: most files are passed over at once
	if len(data) == 0 || !isASCIILetter(data[0]) {
		return nil, false
	}
	if colon := bytes.IndexByte(data[:min(len(data), 80)], ':'); colon < 0 || bytes.ContainsAny(data[:colon], " \t\r\n<") {
		return nil, false
	}
	head := bytes.ToLower(data[:min(len(data), 4096)])
	if !bytes.Contains(head, []byte("multipart/related")) || !bytes.Contains(head, []byte("mime-version")) {
		return nil, false
	}
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return nil, false
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(mt, "multipart/") || params["boundary"] == "" {
		return nil, false
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for range 64 { // a page's parts: the page first, then its pictures and styles
		part, err := mr.NextPart() // quoted-printable is decoded by the reader
		if err != nil {
			return nil, false
		}
		ct, _, _ := mime.ParseMediaType(part.Header.Get("Content-Type"))
		if ct != "text/html" {
			continue
		}
		var r io.Reader = io.LimitReader(part, MaxInput+1)
		if strings.EqualFold(part.Header.Get("Content-Transfer-Encoding"), "base64") {
			r = base64.NewDecoder(base64.StdEncoding, r)
		}
		page, err := io.ReadAll(r)
		if err != nil && len(page) == 0 {
			return nil, false
		}
		return page, true
	}
	return nil, false
}

// mostlyUTF8 says text is UTF-8 but for some bytes: at least 20 multi-byte
// characters and at most one invalid byte for two of them. GB18030 text read
// as UTF-8 has five to seven invalid bytes for each sequence that happens to
// be valid; UTF-8 with damage has far fewer (html2text cuts Chinese
// characters in its tables: one bad byte in seven there).
func mostlyUTF8(data []byte) bool {
	multi, bad := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			multi++
		}
		i += n
	}
	return multi >= 20 && bad*2 <= multi
}

func looksHTML(t string) bool {
	head := t
	if len(head) > 4096 {
		head = head[:4096]
	}
	if !hasText(head, "<") {
		return false
	}
	// each '<' compared without case, instead of lowering a copy of the head
	for rest := range angles(head) {
		if prefixFold(rest, htmlSigns...) {
			return true
		}
	}
	return hasText(t, "<td") || hasText(t, "<TD")
}

// unquoteMarkdown takes the quote marks (> ) off a Markdown table row or
// heading quoted whole (a converter that quotes a table, a copy of a
// quoted message); other lines that start with > stay as they are.
func unquoteMarkdown(s string) string {
	t := strings.TrimLeft(s, " \t\u3000")
	for strings.HasPrefix(t, ">") {
		t = strings.TrimLeft(t[1:], " \t\u3000")
	}
	if strings.HasPrefix(t, "|") || strings.HasPrefix(t, "#") {
		return t
	}
	return s
}

// wideSpacesByDigits writes an ideographic space next to a digit as a
// space: between a table's numbers it is the cell border an ASCII space
// is (a page typed with the wide input mode); elsewhere (a paragraph's
// indent) it stays.
func wideSpacesByDigits(s string) string {
	digit := func(r rune) bool { return r >= '0' && r <= '9' }
	rs := []rune(s)
	for i, r := range rs {
		if r == '\u3000' && (i > 0 && digit(rs[i-1]) || i+1 < len(rs) && digit(rs[i+1])) {
			rs[i] = ' '
		}
	}
	return string(rs)
}

// everyLineEndsInTab says each line of t with text ends in a tab (spaces
// after it aside: a page's copy may leave them, no-break ones too).
func everyLineEndsInTab(t string) bool {
	for more := true; more; {
		var l string
		l, t, more = strings.Cut(t, "\n")
		if l = strings.TrimRight(l, " \r\u00a0"); strings.TrimSpace(l) != "" && !strings.HasSuffix(l, "\t") {
			return false
		}
	}
	return true
}

// innerTabs says a line of t has a tab between two words (a cell border),
// not only tabs at its ends.
func innerTabs(t string) bool {
	for more := true; more; {
		var l string
		l, t, more = strings.Cut(t, "\n")
		if strings.IndexByte(l, '\t') >= 0 && strings.IndexByte(strings.Trim(l, " \t\r\f\u3000\u00a0"), '\t') >= 0 {
			return true
		}
	}
	return false
}

func textLines(t string) []Line {
	if strings.IndexByte(t, '\r') >= 0 {
		t = strings.ReplaceAll(t, "\r\n", "\n")
		t = strings.ReplaceAll(t, "\r", "\n")
	}
	// (MaxLines+1 at the most: Lines refuses a text of more)
	out := make([]Line, 0, min(strings.Count(t, "\n")+1, MaxLines+1))
	// the fields of every tab-separated line in one array: a line has one
	// field more than tabs, and no more lines have tabs than there are tabs
	var fields []string
	edgeTabs, tabAfterEach := false, false
	if tabs := strings.Count(t, "\t"); tabs > 0 {
		fields = make([]string, 0, min(2*tabs, 2*maxLineFields))
		// tabs only at the ends of lines (an indent, the tab a copy leaves
		// after a line) are white space: a text with no tab between two
		// words holds no tab table
		edgeTabs = !innerTabs(t)
		// a tab after every line, prose too: the copy's, not a blank last cell
		tabAfterEach = !edgeTabs && everyLineEndsInTab(t)
	}
	// Markdown's escapes and bold marks, looked for once in the whole text
	escaped, bold := strings.IndexByte(t, '\\') >= 0, hasText(t, "**")
	// a pipe table's rule (|---|---|) anywhere: the text's pipes are
	// Markdown's, not rules an OCR read (ocrRuleText)
	var rule []int // the first rule's place
	if strings.IndexByte(t, '|') >= 0 {
		rule = markdownRule(t)
	}
	mdRule := rule != nil
	// bare: a table whose (first) rule has no outer pipes (---|---), so
	// the rows' pipes are all borders between cells
	bare := mdRule && strings.TrimLeft(t[rule[0]:rule[1]], " \t")[0] != '|' && !outerRule(t)

	ruled := false // in a pipe table past its rule
	for i, more := 0, true; more && len(out) <= MaxLines; i++ {
		var s string
		s, t, more = strings.Cut(t, "\n")
		s = strings.ReplaceAll(s, "\u00a0", " ")
		if strings.IndexByte(s, '>') >= 0 {
			s = unquoteMarkdown(s)
		}
		if hasText(s, "\u3000") {
			s = wideSpacesByDigits(s)
		}
		if edgeTabs {
			s = strings.ReplaceAll(s, "\t", " ")
		}
		if tabAfterEach {
			s = strings.TrimSuffix(strings.TrimRight(s, " "), "\t")
		}
		s = dropBreaks(s)
		if escaped {
			s = unescapeMarkdown(s)
		}
		l := Line{No: i + 1, Text: s}
		switch {
		case hasText(s, "\t") && !piped(s) && fewFields(s, '\t'):
			l.Fields, fields = splitInto(fields, s, "\t")
		case markdownRow(s) && fewFields(s, '|'):
			l.Fields = markdownCells(s, bare)
			l.setOCRRule(l.Fields != nil && !mdRule && ocrRuleText(s))
			if l.Fields == nil {
				if ruled {
					// a table's rule comes once, under its header: a row of
					// single dashes after it is a row of cells written - for
					// 0 (表四's | - | - | … |)
					l.Fields = dashCells(s)
				}
				ruled = true
			}
			switch len(l.Fields) {
			case 0: // the |---|---| line under a header
				l.Text = ""
			case 1: // a line in a box (a converter's frame round a layout table): text, its spacing kept
				in := trimSpace(s)
				if inner := in[1 : len(in)-1]; strings.IndexByte(inner, '\n') >= 0 {
					// the whole page in one box, its line breaks written as
					// &#xA; (remark's GitHub Markdown of a portal page)
					for _, x := range textLines(boxedPage(inner)) {
						x.No = i + 1
						out = append(out, x)
					}
					continue
				}
				l.Text, l.Fields = plainLine(strings.TrimRight(in[1:len(in)-1], " "), bold), nil
			default:
				l.Text = strings.Join(l.Fields, "\t")
			}
		default:
			l.Text = plainLine(s, bold)
		}
		if !markdownRow(s) {
			ruled = false // (a line out of a table: the next table has its own rule)
		}
		out = append(out, l)
	}
	return out
}

// dashCells returns the cells of a pipe-table row each a single dash (| - |
// - |), nil for any other (a rule: | --- | :-: |).
func dashCells(s string) []string {
	t := strings.TrimSuffix(strings.TrimPrefix(trimSpace(s), "|"), "|")
	cells := strings.Split(t, "|")
	for i, c := range cells {
		if cells[i] = trimSpace(c); cells[i] != "-" {
			return nil
		}
	}
	return cells
}

// boxedPage is a page a converter put in one table cell, its line breaks
// given back: remark writes the paragraphs and headings of a portal's layout
// cell one after another ("…326条。### （二）依申请公开…"), so a heading mark
// after text starts a line again, and a section's own heading followed by
// more text (the next paragraph, or a table's first row) ends its line.
func boxedPage(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] != '#') {
			j := i
			for j < len(s) && s[j] == '#' {
				j++
			}
			if j < len(s) && s[j] == ' ' && j-i <= 6 {
				if n := len(b); n > 0 && b[n-1] != '\n' && b[n-1] != ' ' {
					b = append(b, '\n')
				}
				if end := j + 1 + sectionHeadingAt(s[j+1:]); end > j+1 && end < len(s) && s[end] != '\n' {
					b = append(append(b, s[i:end]...), '\n')
					i = end - 1
					continue
				}
			}
		}
		b = append(b, s[i])
	}
	return string(b)
}

// sectionHeadingAt is the length of the section heading s starts with
// (一、总体情况 … in the template's words), or 0. Spaces around the 、, a
// dot for it ("三、 收到…", "三. 收到…") and a long heading without its
// last word (情况, 事项) are the same heading.
func sectionHeadingAt(s string) int {
	for si, sec := range Sections {
		num := sectionNumerals[sec.Key]
		if !strings.HasPrefix(s, num) {
			continue
		}
		const blanks = " \t\u3000"
		rest := strings.TrimLeft(s[len(num):], blanks)
		sep := ""
		for _, d := range []string{"、", "．", "."} {
			if strings.HasPrefix(rest, d) {
				sep = d
				break
			}
		}
		if sep == "" {
			continue
		}
		i := len(s) - len(strings.TrimLeft(rest[len(sep):], blanks)) // where the words start
		words := sectionHeads[si].words
		if strings.HasPrefix(s[i:], words) {
			return i + len(words)
		}
		// without its last word (二、主动公开政府信息), when what is left
		// is more than a word or two
		if short, ok := strings.CutSuffix(words, "情况"); ok && utf8.RuneCountInString(short) >= 6 && strings.HasPrefix(s[i:], short) {
			return i + len(short)
		}
		if short, ok := strings.CutSuffix(words, "事项"); ok && strings.HasPrefix(s[i:], short) {
			return i + len(short)
		}
	}
	return 0
}

// splitInto is strings.Split(s, sep) with its pieces appended to buf: the
// lines of a text share one array. The result's capacity is its length, so
// that appending to one line's fields never writes over the next line's.
func splitInto(buf []string, s, sep string) (fields, grown []string) {
	at := len(buf)
	for {
		f, rest, ok := strings.Cut(s, sep)
		buf = append(buf, f)
		if !ok {
			break
		}
		s = rest
	}
	return buf[at:len(buf):len(buf)], buf
}

// Converters from PDF and Word write Markdown: tables as | a | b | rows, and
// headings as ### 三、… lines.

// piped reports whether s starts and ends with a pipe: a Markdown row even
// when its cells hold tabs.
func piped(s string) bool {
	t := trimSpace(s)
	return len(t) >= 2 && t[0] == '|' && t[len(t)-1] == '|'
}

func markdownRow(s string) bool {
	if strings.IndexByte(s, '|') < 0 {
		return false // most lines: no pipe at all
	}
	t := trimSpace(s)
	// GitHub's tables may leave out the outer pipes ("一、本年新收… | 64 | 0 …"):
	// two pipes inside a line make a row too
	return strings.Count(t, "|") >= 2
}

// outerRule says a line of t is a pipe table's rule with outer pipes
// (|---|---|): a text with one has no bare table throughout.
func outerRule(t string) bool {
	for rest := t; ; {
		i := strings.Index(rest, "\n|")
		if i < 0 {
			return false
		}
		rest = rest[i+2:]
		if r := strings.TrimLeft(rest, " \t:"); strings.HasPrefix(r, "---") {
			return true
		}
	}
}

// markdownRule finds the first pipe table rule line (|---|:--:|, the outer
// pipes optional): from the start of the line to just past the pipe after
// its first dashes, nil when there is none. It looks only at lines with
// three dashes; the pattern it replaces (markdownRuleRe, in its test), which
// has no word to start from, was tried at every place of a page (1.3 % of
// the auditor's time over the benchmark's mix).
func markdownRule(t string) []int {
	for from := 0; ; {
		k := strings.Index(t[from:], "---")
		if k < 0 {
			return nil
		}
		at := from + k
		start := strings.LastIndexByte(t[:at], '\n') + 1
		if end := ruleFrom(t, start); end >= 0 {
			return []int{start, end}
		}
		nl := strings.IndexByte(t[at:], '\n')
		if nl < 0 {
			return nil
		}
		from = at + nl + 1
	}
}

// ruleFrom is where a rule that starts at t[i] ends (past its pipe), -1
// when none starts there: [ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|, whose greedy
// reading is the only one.
func ruleFrom(t string, i int) int {
	blank := func() {
		for i < len(t) && (t[i] == ' ' || t[i] == '\t') {
			i++
		}
	}
	one := func(c byte) {
		if i < len(t) && t[i] == c {
			i++
		}
	}
	blank()
	one('|')
	blank()
	one(':')
	dashes := i
	for i < len(t) && t[i] == '-' {
		i++
	}
	if i-dashes < 3 {
		return -1
	}
	one(':')
	blank()
	if i < len(t) && t[i] == '|' {
		return i + 1
	}
	return -1
}

// dropBreaks turns the HTML line breaks that converters leave in Markdown
// ("三、本年度<br>办理结果" in a table cell, a wrapped sentence) into spaces,
// and the character references they write (&nbsp;) into characters.
func dropBreaks(s string) string {
	if strings.IndexByte(s, '<') < 0 && strings.IndexByte(s, '&') < 0 {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			break
		}
		j := i + 1
		if j+2 <= len(s) && strings.EqualFold(s[j:j+2], "br") {
			j += 2
			for j < len(s) && (s[j] == ' ' || s[j] == '/') {
				j++
			}
			if j < len(s) && s[j] == '>' {
				b.WriteString(s[:i])
				b.WriteByte(' ')
				s = s[j+1:]
				continue
			}
		}
		b.WriteString(s[:i+1])
		s = s[i+1:]
	}
	b.WriteString(s)
	out := b.String()
	if strings.IndexByte(out, '&') >= 0 {
		out = strings.ReplaceAll(html.UnescapeString(out), "\u00a0", " ")
	}
	return out
}

// unescapeMarkdown drops the backslashes Markdown writers put before
// punctuation ("12\\.35", "2\\.重复申请", "首页 \\> 年度报告"); an escaped pipe
// stays escaped, as it is not a cell border.
func unescapeMarkdown(s string) string {
	const asciiPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" // what CommonMark lets a backslash escape
	i := strings.IndexByte(s, '\\')
	if i < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for ; i >= 0; i = strings.IndexByte(s, '\\') {
		b = append(b, s[:i]...)
		if i+1 < len(s) && s[i+1] != '|' && strings.IndexByte(asciiPunct, s[i+1]) >= 0 {
			b = append(b, s[i+1])
			s = s[i+2:]
			continue
		}
		if i+1 < len(s) { // a backslash that ends a line is Markdown's line break
			b = append(b, '\\')
		}
		s = s[i+1:]
	}
	return string(append(b, s...))
}

// markdownCells returns the cells of a pipe-table row, nil for its separator
// line (|---|:---:|).
func markdownCells(s string, bare bool) []string {
	t := trimSpace(s)
	if !bare {
		t = strings.TrimPrefix(t, "|")
		t = strings.TrimSuffix(t, "|")
	}
	// (bare: a table whose rule has no outer pipes, Python's html2text:
	// "---|---", rows "一、本年新收…| 51| 13| 1| | | | 65": every pipe is a
	// border between two cells, one first or last before or after an
	// empty cell — "| 0| 26| …| 13", 表四's first cell empty; "4.保护第三方
	// 合法权益| | | | 0| | |", its last)
	cells := strings.Split(t, "|")
	sep := true
	for i, c := range cells {
		c = trimSpace(strings.ReplaceAll(c, "**", ""))
		cells[i] = c
		if strings.Trim(c, "-: ") != "" {
			sep = false
		}
	}
	if sep {
		return nil
	}
	return cells
}

func markdownHeading(s string) string {
	if strings.IndexByte(s, '#') < 0 {
		return s
	}
	// an indented line ("　　## 一、总体情况", a converter that kept the
	// paragraphs' indent) and an ideographic space after the marks are a
	// heading too
	t := strings.TrimLeft(s, " \t\u3000")
	if !strings.HasPrefix(t, "#") {
		return s
	}
	t = strings.TrimLeft(t, "#")
	if t == "" || (t[0] != ' ' && t[0] != '\t' && !strings.HasPrefix(t, "\u3000")) {
		return s // #hashtag, not a heading
	}
	return strings.ReplaceAll(trimSpace(t), "**", "")
}

// plainLine is a line of text without Markdown's heading marks, its bold
// marks (when the text has any) and markup-only lines.
func plainLine(s string, bold bool) string {
	s = markdownHeading(s)
	if bold {
		s = markdownText(s)
	}
	if markupLine(s) {
		return ""
	}
	return s
}

// markupLine reports whether a line is only Markdown's markup: a setext
// heading's underline or a rule (one run of three or more - or =, as
// turndown writes under <h2>), a fenced div's ::: line, a box's lone pipes.
// A simple table's ruler has gaps between its runs and is kept.
func markupLine(s string) bool {
	t := trimSpace(s)
	if len(t) < 3 {
		return t != "" && strings.Trim(t, "|") == ""
	}
	switch t[0] {
	case '-', '=':
		return strings.Trim(t, t[:1]) == ""
	case ':':
		return strings.HasPrefix(t, ":::")
	case '|':
		return strings.Trim(t, "| ") == ""
	}
	return false
}

// markdownText is a text line without Markdown's bold marks: converters write
// headings and titles as **一、总体情况**, html2text as ***** 一、总体情况 *****
// (a report never writes ** itself).
func markdownText(s string) string {
	if hasText(s, "**") {
		if t := trimSpace(s); strings.HasPrefix(t, "**") && strings.HasSuffix(t, "**") {
			return trimSpace(strings.Trim(t, "*"))
		}
		return strings.ReplaceAll(s, "**", "")
	}
	return s
}

// --- HTML ----------------------------------------------------------------------

var htmlBlocks = map[atom.Atom]bool{atom.P: true, atom.Div: true, atom.Br: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Section: true, atom.Article: true,
	atom.Table: true, atom.Tr: true, atom.Title: true, atom.Header: true, atom.Footer: true, atom.Center: true,
	atom.Blockquote: true, atom.Pre: true, atom.Ul: true, atom.Ol: true, atom.Tbody: true, atom.Thead: true}

// htmlReader reads an HTML page as a stream of tokens, not a tree (building
// the tree was most of an HTML report's cost): paragraphs become lines,
// table rows lines of cells. A row that holds a table is a layout container,
// not a data row: its own text becomes paragraphs and only the innermost
// rows count, as portals nest their layout tables around the report.
type htmlReader struct {
	out    []Line
	cur    textAcc
	tables []*htmlTable
	skip   int // inside script, style, noscript
	pre    int // inside pre: its line breaks are lines, its spaces kept
	// the text of the row being read, as pieces of the page and where its
	// paragraphs end: only the innermost row that is not a container
	// gathers it (a table inside a row makes every row around it one), so
	// one buffer serves every row in turn
	segs   []string
	breaks []int
}

type htmlTable struct {
	row *htmlRow
}

type htmlRow struct {
	cells     []string
	cell      textAcc
	open      bool // a cell is being read
	container bool
}

// textAcc gathers the text of a cell or paragraph. Most hold one piece of
// the page, which is kept as it is; a second piece starts a copy.
type textAcc struct {
	one string
	b   []byte
	n   int // pieces
}

func (a *textAcc) add(s string) {
	switch {
	case s == "":
		return
	case a.n == 0:
		a.one = s
	case a.n == 1:
		a.b = append(append(a.b[:0], a.one...), s...)
	default:
		a.b = append(a.b, s...)
	}
	a.n++
}

func (a *textAcc) String() string {
	if a.n <= 1 {
		return a.one
	}
	return string(a.b)
}

func (a *textAcc) reset() { a.one, a.b, a.n = "", a.b[:0], 0 }

// newRow starts a row: the text gathered is its own from now on.
func (w *htmlReader) newRow() *htmlRow {
	w.segs, w.breaks = w.segs[:0], w.breaks[:0]
	return &htmlRow{} // cells stay nil until one is read: an empty row has no cell structure
}

// flushPara ends a paragraph of the row being read: its text is kept as
// paragraphs too, in case a table inside makes the row a layout container
// after all (most rows never are, so they are joined only then).
func (w *htmlReader) flushPara() { w.breaks = append(w.breaks, len(w.segs)) }

// imageMark stands for a picture among a cell's paragraphs.
const imageMark = "\x00图片"

// appendPara adds a paragraph as a line (a picture's mark as a picture
// line), spaces collapsed; an empty one adds nothing. The HTML, DOCX/ODT
// and DOC readers all emit their paragraphs so.
func appendPara(out []Line, s string) []Line {
	if s == imageMark {
		return append(out, Line{No: len(out) + 1, Image: true})
	}
	if t := trimSpace(collapse(s)); t != "" {
		return append(out, Line{No: len(out) + 1, Text: t})
	}
	return out
}

// paras are the paragraphs of the row being read, so far.
func (w *htmlReader) paras() []string {
	w.flushPara()
	var out []string
	from := 0
	for _, b := range w.breaks {
		if s := trimSpace(collapse(strings.Join(w.segs[from:b], ""))); s != "" {
			out = append(out, s)
		}
		from = b
	}
	w.segs, w.breaks = w.segs[:0], w.breaks[:0]
	return out
}

func (w *htmlReader) flush() {
	s := strings.TrimRight(collapse(w.cur.String()), " ")
	w.cur.reset()
	if trimSpace(s) == "" {
		return
	}
	w.out = append(w.out, Line{No: len(w.out) + 1, Text: trimSpace(s)})
}

func collapse(s string) string {
	if collapsed(s) {
		return s // most cells and paragraphs: nothing to do, nothing to copy
	}
	return collapseSpaces(s)
}

// collapseSpaces turns every run of white space into one space and drops it
// at both ends.
func collapseSpaces(s string) string {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// collapsed reports whether collapse would return s unchanged: no tab, line
// break, no-break space or double space, and no space at either end.
func collapsed(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\n', '\r', '\f':
			return false
		case ' ':
			if s[i+1] == ' ' { // s does not end in a space, so i+1 is in range
				return false
			}
		case 0xC2:
			if i+1 < len(s) && s[i+1] == 0xA0 {
				return false
			}
		}
	}
	return true
}

// openCell is the cell of the innermost data row being read, if any.
func (w *htmlReader) openCell() *htmlRow {
	if len(w.tables) == 0 {
		return nil
	}
	r := w.tables[len(w.tables)-1].row
	if r == nil || r.container || !r.open {
		return nil
	}
	return r
}

func (w *htmlReader) text(s string) {
	if r := w.openCell(); r != nil {
		r.cell.add(s)
		w.segs = append(w.segs, s)
		return
	}
	if w.pre > 0 {
		// preformatted text (pdftotext -htmlmeta's page): a line of the
		// page for each of its lines, spaces as written
		for {
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				break
			}
			w.cur.add(s[:i])
			w.flushPre()
			s = s[i+1:]
		}
	}
	w.cur.add(s)
}

// flushPre ends a line of preformatted text: kept as written but its
// trailing spaces.
func (w *htmlReader) flushPre() {
	s := strings.TrimRight(strings.ReplaceAll(w.cur.String(), "\r", ""), " \t")
	w.cur.reset()
	if trimSpace(s) == "" {
		return
	}
	w.out = append(w.out, Line{No: len(w.out) + 1, Text: s})
}

func (r *htmlRow) closeCell() {
	if r.open {
		if r.cells == nil {
			r.cells = make([]string, 0, 8) // a row of 表三 in one allocation
		}
		r.cells = append(r.cells, trimSpace(collapse(r.cell.String())))
		r.cell.reset()
		r.open = false
	}
}

// endRow emits the table's open row as a line of cells.
func (w *htmlReader) endRow(t *htmlTable) {
	r := t.row
	t.row = nil
	if r == nil || r.container {
		w.flush()
		return
	}
	r.closeCell()
	w.flush()
	// a row of a layout table is its paragraphs, not a row of cells
	if need := layoutParas(r.cells); need > 0 && len(w.breaks) >= need {
		if ps := w.paras(); len(ps) >= need {
			for _, p := range ps {
				w.out = appendPara(w.out, p)
			}
			return
		}
	}
	w.out = append(w.out, Line{No: len(w.out) + 1, Text: strings.Join(r.cells, "\t"), Fields: r.cells, Structured: true})
}

// layoutParas is how many paragraphs a row of these cells needs to be a
// layout table's (0: it is a row of cells whatever it holds): a row of one
// cell holding several paragraphs is a layout cell around the text (a
// portal's <table><tr><td> around a report whose own tables are pictures,
// or are elsewhere); so is a row with a cell of text around many paragraphs
// beside a few short ones (a portal's layout table: its menu cell, then the
// report in the next cell, written in <div>s and <p>s with no table of its
// own).
func layoutParas(cells []string) int {
	switch {
	case len(cells) == 1:
		return 2
	case len(cells) <= 4 && slices.ContainsFunc(cells, longText):
		return len(cells) + 3
	}
	return 0
}

// longText is a cell's text no table cell holds: sentences, 200 characters
// and more (600 bytes).
func longText(c string) bool { return len(c) >= 600 && hasText(c, "。") }

func (w *htmlReader) start(a atom.Atom) {
	switch a {
	case atom.Script, atom.Style, atom.Noscript:
		w.skip++
		return
	case atom.Table:
		// the rows around a table are its layout, not data: what they held
		// so far is paragraphs
		w.flush()
		// only the innermost table's row can be open: each table's row
		// became a container when a table opened inside it, and rows
		// change only in the innermost table (asking every table made
		// tables opened and never closed, a crafted page's, quadratic)
		if n := len(w.tables); n > 0 {
			if r := w.tables[n-1].row; r != nil && !r.container {
				for _, p := range w.paras() {
					w.out = appendPara(w.out, p)
				}
				r.container, r.open = true, false
				r.cell.reset()
			}
		}
		w.tables = append(w.tables, &htmlTable{})
		return
	case atom.Tr:
		if len(w.tables) == 0 {
			w.tables = append(w.tables, &htmlTable{}) // a row without its table
		}
		t := w.tables[len(w.tables)-1]
		w.endRow(t)
		t.row = w.newRow()
		return
	case atom.Td, atom.Th:
		if len(w.tables) == 0 {
			w.tables = append(w.tables, &htmlTable{})
		}
		t := w.tables[len(w.tables)-1]
		if t.row == nil {
			t.row = w.newRow()
		}
		if !t.row.container && len(t.row.cells)+1 < maxLineFields { // (+1: the open one; past them, the rest run into the last)
			t.row.closeCell()
			t.row.open = true
			w.flushPara() // each cell's text its own paragraph, if the row is a layout's
		}
		return
	}
	if a == atom.Img {
		// a picture where a table should be is said so (many reports
		// publish their tables as pictures). In a cell it is kept among the
		// cell's paragraphs, which count only if the cell is a layout cell
		if w.openCell() == nil {
			w.flush()
			w.out = append(w.out, Line{No: len(w.out) + 1, Image: true})
		} else {
			w.flushPara()
			w.segs = append(w.segs, imageMark)
			w.flushPara()
		}
		return
	}
	if r := w.openCell(); r != nil {
		if a == atom.Br || a == atom.P || a == atom.Div {
			r.cell.add(" ")
		}
		if htmlBlocks[a] {
			w.flushPara()
		}
		return
	}
	if htmlBlocks[a] {
		w.flush()
	}
	if a == atom.Pre {
		w.pre++
	}
}

func (w *htmlReader) end(a atom.Atom) {
	switch a {
	case atom.Script, atom.Style, atom.Noscript:
		if w.skip > 0 {
			w.skip--
		}
		return
	case atom.Table:
		if n := len(w.tables); n > 0 {
			w.endRow(w.tables[n-1])
			w.tables = w.tables[:n-1]
		}
		w.flush()
		return
	case atom.Tr:
		if n := len(w.tables); n > 0 {
			w.endRow(w.tables[n-1])
		}
		return
	case atom.Td, atom.Th:
		if n := len(w.tables); n > 0 && w.tables[n-1].row != nil && !w.tables[n-1].row.container {
			w.tables[n-1].row.closeCell()
		}
		return
	}
	if !htmlBlocks[a] {
		return
	}
	if w.openCell() != nil {
		w.flushPara()
		return
	}
	if a == atom.Pre && w.pre > 0 {
		w.pre--
		w.flushPre()
		return
	}
	w.flush()
}

func htmlLines(t string) []Line { return htmlLinesUntil(t, nil) }

// htmlLinesUntil is htmlLines stopping as soon as stop says the lines so far
// are enough (Identify needs only the title, at the top).
func htmlLinesUntil(t string, stop func([]Line) bool) []Line {
	return htmlReadHiding(func() htmlNext { return (&htmlLexer{s: t}).next }, stop)
}

// htmlNext gives a page's tokens one by one, as htmlLexer.next.
type htmlNext func() (htmlTokKind, atom.Atom, string)

// htmlReadHiding reads the lines of a page's tokens (tokens starts them
// again), what its elements hide left out.
func htmlReadHiding(tokens func() htmlNext, stop func([]Line) bool) []Line {
	if out, ok := htmlRead(tokens(), stop, true); ok {
		return out
	}
	// an element hidden and never closed, or hiding more text than the
	// page shows (its content, which a script shows on loading: a tab of
	// the page): read it all, hidden or not, rather than lose the report
	out, _ := htmlRead(tokens(), stop, false)
	return out
}

// htmlRead reads a page's lines, leaving out what an element's own
// attributes hide when hide is set; not ok when such an element runs to
// the page's end or hides more text than is shown.
func htmlRead(next htmlNext, stop func([]Line) bool, hide bool) ([]Line, bool) {
	w := &htmlReader{}
	seen := 0
	var hidden atom.Atom // the element being passed over, and how many of its kind are open in it
	depth := 0
	shown, skipped := 0, 0 // bytes of text
	for {
		if len(w.out) > MaxLines {
			return w.out, true // (Lines refuses it: read no further)
		}
		if stop != nil && len(w.out) > seen {
			seen = len(w.out)
			if stop(w.out) {
				return w.out, true
			}
		}
		kind, a, text := next()
		if depth > 0 {
			switch {
			case kind == htmlEOF:
				return nil, false
			case (kind == htmlStart || kind == htmlHidden || kind == htmlGap) && a == hidden:
				if hidden == atom.P {
					depth = 0 // a p's end may be implied: the next one ends it
					break
				}
				depth++
				continue
			case kind == htmlStart && hidden == atom.P && htmlBlocks[a] && a != atom.Br:
				depth = 0 // so does any block
			case kind == htmlEnd && a == hidden:
				depth--
				continue
			case kind == htmlText:
				skipped += len(text)
				continue
			default:
				continue
			}
		}
		if kind == htmlHidden {
			if hide {
				hidden, depth = a, 1
				continue
			}
			kind = htmlStart
		}
		switch kind {
		case htmlEOF:
			for n := len(w.tables); n > 0; n-- {
				w.endRow(w.tables[n-1])
			}
			w.flush()
			return w.out, skipped <= shown
		case htmlText:
			if w.skip == 0 {
				w.text(text)
				shown += len(text)
			}
		case htmlGap:
			if w.skip == 0 {
				w.text(" ")
			}
			w.start(a)
		case htmlStart:
			w.start(a)
		case htmlSelfClosing:
			w.start(a)
			w.end(a)
		case htmlEnd:
			w.end(a)
		}
	}
}

// odfTitle is an OpenDocument's title property (dc:title in its office:meta:
// meta.xml in an ODS, the file itself in a flat one), "" when it has none.
func odfTitle(meta []byte) string {
	dec := xml.NewDecoder(bytes.NewReader(meta))
	in := false
	var b strings.Builder
	for {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		switch t := tok.(type) {
		case xml.StartElement:
			in = t.Name.Local == "title" && t.Name.Space == "http://purl.org/dc/elements/1.1/"
		case xml.CharData:
			if in && b.Len() < 1024 {
				b.Write(t)
			}
		case xml.EndElement:
			if in {
				return b.String()
			}
			if t.Name.Local == "meta" {
				return "" // office:meta ended without a title
			}
		}
	}
}

// titledSheet puts a workbook's title property before its sheets' lines when
// it names an annual report (propertyTitle), as an XLSX's is: a workbook of
// the tables alone is named by it.
func titledSheet(ls []Line, title string) []Line {
	head := propertyTitle(nil, title)
	if len(head) == 0 {
		return ls
	}
	for i := range ls {
		ls[i].No++
	}
	return append(head, ls...)
}

// flatODF says data is a flat OpenDocument, a text (.fodt) or a spreadsheet
// (.fods): one XML file whose root, office:document, says its kind in
// office:mimetype; the words to read its body with and its kind.
func flatODF(data []byte) (officeWords, string, bool) {
	head := data[:min(len(data), 4096)]
	if !bytes.Contains(head, []byte("<office:document ")) {
		return officeWords{}, "", false
	}
	switch {
	case bytes.Contains(head, []byte(`office:mimetype="application/vnd.oasis.opendocument.text"`)):
		return odtWords, KindDOCX, true
	case bytes.Contains(head, []byte(`office:mimetype="application/vnd.oasis.opendocument.spreadsheet"`)):
		return odsWords, KindXLSX, true
	}
	return officeWords{}, "", false
}

// --- DOCX ----------------------------------------------------------------------

// docxLines reads a zip container: DOCX, ODT, OFD or XLSX, and says which
// kind it is (KindXLSX for a workbook, else KindDOCX); depth counts the
// altChunks it is read inside (see altChunks).
func docxLines(name string, data []byte, depth int) ([]Line, string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, "", errs.Wrap(errs.Invalid, err, name, "文件损坏，无法作为 DOCX 打开：请用 Word/WPS 打开后另存为 DOCX 再试")
	}
	var doc, odt *zip.File
	ofd, xlsx := false, false
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			doc = f
		case "content.xml": // OpenDocument (.odt)
			odt = f
		case "OFD.xml", "/OFD.xml":
			ofd = true
		case "xl/workbook.xml":
			xlsx = true
		}
	}
	switch {
	case doc == nil && odt == nil && ofd:
		ls, err := ofdLines(name, zr)
		return ls, KindDOCX, err
	case doc == nil && odt == nil && xlsx:
		ls, err := xlsxLines(name, data)
		return ls, KindXLSX, err
	}
	words, kind := docxWords, KindDOCX
	if doc == nil && odt != nil {
		doc, words = odt, odtWords
		// a Calc spreadsheet (.ods) is a workbook, its merges read as an
		// XLSX's are
		if strings.TrimSpace(string(readPart(zr, "mimetype", 128))) == "application/vnd.oasis.opendocument.spreadsheet" {
			words, kind = odsWords, KindXLSX
		}
	}
	if doc == nil {
		return nil, "", errs.New(name, "这是一个压缩文件，但不是 DOCX、ODT、OFD 或 XLSX（缺少正文）：请先另存为 DOCX 或文本")
	}
	var num *wordNumbering
	var styles textStyles
	if doc != odt {
		// a DOCX: its lists number its paragraphs, its styles may hide
		// text; styles.xml, which both read, is unpacked once
		stylesXML := readPart(zr, "word/styles.xml", MaxInput)
		stylesXML = stylesXML[:min(len(stylesXML), MaxInput)]
		num = docxNumbering(zr, stylesXML)
		styles = docxTextStyles(bytes.NewReader(stylesXML))
	} else if sr := zipPart(zr, "styles.xml"); sr != nil { // an OpenDocument's named styles
		styles = odfTextStyles(io.LimitReader(sr, MaxInput))
		sr.Close()
	}
	rc, err := doc.Open()
	if err != nil {
		return nil, "", errs.Wrap(errs.Invalid, err, name, "DOCX 文件损坏，无法读取正文")
	}
	defer rc.Close()
	var chunk func(id string, workbook bool) []Line
	unread := map[string]bool{} // the distinct embedded parts past the bound
	if doc != odt {
		chunk = altChunks(name, zr, depth, unread)
	} else {
		chunk = odtObjects(zr, depth, unread)
	}
	ls, err := officeXML(io.LimitReader(rc, MaxInput*4), words, num, chunk, styles)
	if err == nil && framed(ls) && kind == KindDOCX {
		// a PDF made into text boxes: laid out again where they stand
		if fr, ferr := doc.Open(); ferr == nil {
			bs := frameBoxes(io.LimitReader(fr, MaxInput*4), doc == odt)
			fr.Close()
			if len(bs) >= minPositioned && !overlaid(bs) {
				ls = framedLines(bs)
			}
		}
	}
	if err == nil && len(ls) > 0 {
		ls[0].setUnreadParts(len(unread))
	}
	if errors.Is(err, errCellText) {
		return nil, "", sheetTextError(name)
	}
	if err != nil {
		return nil, "", errs.Wrap(errs.Invalid, err, name, "DOCX 正文不是有效的 XML，无法读取")
	}
	if doc != odt {
		ls = withUnseen(ls, docxComments(zr))
	} else if kind == KindXLSX {
		ls = titledSheet(ls, odfTitle(readPart(zr, "meta.xml", 64<<10)))
	}
	return ls, kind, nil
}

// docxComments reads a DOCX's comments (批注, word/comments.xml), a piece for
// each paragraph; nothing when it has none or they cannot be read.
func docxComments(zr *zip.Reader) []string {
	b := readPart(zr, "word/comments.xml", 4<<20)
	if len(b) == 0 || len(b) > 4<<20 {
		return nil
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	var d dropText
	inText := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			inText = t.Name.Local == "t"
		case xml.EndElement:
			inText = false
			if t.Name.Local == "p" {
				d.cut()
			}
		case xml.CharData:
			if inText {
				d.addString(string(t))
			}
		}
	}
	d.cut()
	return d.pieces
}

// zipPart opens a package's part by name (a leading / on either side
// aside), nil when it has none or it cannot be opened.
func zipPart(zr *zip.Reader, name string) io.ReadCloser {
	for _, f := range zr.File {
		if strings.TrimPrefix(f.Name, "/") == strings.TrimPrefix(name, "/") {
			if rc, err := f.Open(); err == nil {
				return rc
			}
		}
	}
	return nil
}

// readPart is a package's part by name, at most limit+1 bytes (so that a
// caller can tell one larger than limit); nil when it has none.
func readPart(zr *zip.Reader, name string, limit int64) []byte {
	rc := zipPart(zr, name)
	if rc == nil {
		return nil
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, limit+1))
	return b
}

// docxNumbering reads the package's list numbering, nil when it has none
// (or it cannot be read: the text is then read without its numbers), with
// its styles part (stylesXML; nil when it has none).
func docxNumbering(zr *zip.Reader, stylesXML []byte) *wordNumbering {
	nr := zipPart(zr, "word/numbering.xml")
	if nr == nil {
		return nil
	}
	defer nr.Close()
	var styles io.Reader
	if stylesXML != nil {
		styles = bytes.NewReader(stylesXML)
	}
	return readWordNumbering(io.LimitReader(nr, MaxInput), styles)
}

// altChunks reads a DOCX's altChunks (ISO/IEC 29500 17.17.2): parts that
// Word imports as they are when it opens the file, which is how web systems
// export a page "to Word" (html-docx-js writes the whole report as one MHT
// part: document.xml holds nothing else) and how generators merge documents
// (a DOCX part). A chunk is read as a file of its own, an HTML, MHT, RTF or
// text part, or a DOCX, two deep at most; one that cannot be read is left
// out. An embedded object (o:OLEObject) is read so too when it is a
// workbook: a worksheet pasted into Word as an object (粘贴为 Excel 工作表对象),
// an XLSX or an XLS, whose table the document shows only as its picture.
func altChunks(name string, zr *zip.Reader, depth int, unread map[string]bool) func(id string, workbook bool) []Line {
	var rels map[string]string // relationship id → part name
	// each part is read once, however often it is referred to (2 000
	// references to one 1 MB page, a 6.6 KB DOCX, were 47 s and 11 GB),
	// and no more parts than embeddedParts allows
	type asked struct {
		part     string
		workbook bool
	}
	read := map[asked][]Line{}
	return func(id string, workbook bool) []Line {
		if depth >= 2 {
			return nil
		}
		if rels == nil {
			rels = map[string]string{}
			dec := xml.NewDecoder(bytes.NewReader(readPart(zr, "word/_rels/document.xml.rels", MaxInput)))
			for len(rels) < 10000 {
				tok, err := dec.Token()
				if err != nil {
					break
				}
				if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Relationship" {
					var rid, target string
					for _, a := range se.Attr {
						switch a.Name.Local {
						case "Id":
							rid = a.Value
						case "Target":
							target = a.Value
						}
					}
					if strings.HasPrefix(target, "/") { // from the package's root, else from word/
						rels[rid] = path.Clean(target)[1:]
					} else {
						rels[rid] = path.Join("word", target)
					}
				}
			}
		}
		key := asked{rels[id], workbook}
		if ls, ok := read[key]; ok {
			return ls
		}
		if len(read) >= embeddedParts(depth) {
			unread[key.part] = true
			return nil
		}
		read[key] = nil
		data := readPart(zr, rels[id], MaxInput)
		if len(data) == 0 {
			return nil
		}
		ls, kind, err := linesAt(name, data, depth+1)
		if err != nil || workbook && kind != KindXLSX {
			return nil
		}
		read[key] = ls
		return ls
	}
}

// embeddedParts is how many distinct parts a document at depth (0: the
// file itself) may have read as embedded documents or workbooks: a report
// embeds its tables, a few. Each may be a workbook of 262 144 cells (about
// 45 ms and 15 MB of lines); 1 000 of them, a 1.4 MB DOCX, took 61 s and
// 12.7 GB before.
func embeddedParts(depth int) int {
	if depth == 0 {
		return 16
	}
	return 2
}

// odtObjects reads an OpenDocument's embedded objects (draw:object, its
// href "./Object 1": a document of its own in the package's directory of
// that name) when they are spreadsheets: a Calc table embedded in a Writer
// document, which shows it as a picture, or saved so from a DOC's or DOCX's
// embedded worksheet. Charts and formulas are left out.
func odtObjects(zr *zip.Reader, depth int, unread map[string]bool) func(href string, _ bool) []Line {
	read := map[string][]Line{} // each object once, however often it is referred to (as altChunks)
	return func(href string, _ bool) []Line {
		dir := strings.TrimSuffix(strings.TrimPrefix(href, "./"), "/")
		if depth >= 2 || dir == "" || strings.Contains(dir, "..") || strings.HasPrefix(dir, "/") {
			return nil
		}
		if ls, ok := read[dir]; ok {
			return ls
		}
		if len(read) >= embeddedParts(depth) {
			unread[dir] = true
			return nil
		}
		read[dir] = nil
		b := readPart(zr, dir+"/content.xml", MaxInput)
		if len(b) > MaxInput || !bytes.Contains(b, []byte("<office:spreadsheet")) {
			return nil
		}
		ls, err := officeXML(bytes.NewReader(b), odsWords, nil, nil, nil)
		if err != nil {
			return nil
		}
		read[dir] = ls
		return ls
	}
}

// skippedElement are the elements whose text is not the document's: what
// mc:Choice already held, again (mc:Fallback: Word's text boxes); text a
// tracked change moved away (w:moveFrom: it stands again where it went);
// the deletions an OpenDocument keeps at its start (text:tracked-changes);
// an OpenDocument's comments (office:annotation, in the paragraph they
// are on).
var skippedElement = map[string]bool{"Fallback": true, "moveFrom": true, "tracked-changes": true, "annotation": true}

// officeWords name the elements officeXML reads: row, cell, paragraph, text
// run, what reads as a space, picture. In OpenDocument the text sits right
// in its paragraph (textInPara), in WordprocessingML only in its runs.
type officeWords struct {
	names      map[string]string
	textInPara bool
}

var docxWords = officeWords{names: map[string]string{"tr": "row", "tc": "cell", "p": "para", "t": "text", "tab": "space",
	"br": "space", "cr": "space", "drawing": "picture", "pict": "picture"}}

// odtWords are OpenDocument's (LibreOffice's and WPS's .odt).
var odtWords = officeWords{names: map[string]string{"table-row": "row", "table-cell": "cell", "covered-table-cell": "cell",
	"p": "para", "h": "para", "s": "space", "tab": "space", "line-break": "space", "frame": "picture"}, textInPara: true}

// odsWords are an OpenDocument spreadsheet's (.ods, or a Calc object in a
// text): a cell a merge covers is none of the row's, as in an XLSX.
var odsWords = officeWords{names: map[string]string{"table-row": "row", "table-cell": "cell",
	"p": "para", "h": "para", "s": "space", "tab": "space", "line-break": "space", "frame": "picture"}, textInPara: true}

// errCellText is officeXML's when a document's table cells hold more than
// maxSheetText: an ODF sheet's cell repeated (number-columns-repeated) is
// its text as many times, so that a 3 KB file of 100 rows of a 12 KB cell
// repeated 1 000 times made 9.6 GB of it.
var errCellText = errors.New("table cells over maxSheetText")

// officeXML reads the body of a word-processing document: paragraphs become
// lines, table rows lines of cells (a cell's paragraphs are joined); a row
// that holds a table is layout, its paragraphs lines.
func officeXML(r io.Reader, words officeWords, num *wordNumbering, chunk func(id string, workbook bool) []Line, styles textStyles) ([]Line, error) {
	if styles == nil {
		styles = textStyles{}
	}
	dec := xml.NewDecoder(r)
	paraDepth := 0
	var props []paraNum // by paragraph depth: its numbering, as its properties say
	oldProps := 0       // inside w:pPrChange
	frames := 0         // inside an ODT draw:frame
	var out []Line
	var para bytes.Buffer
	var nestedAt []int // where each paragraph inside this one started in para (DOCX text boxes)
	type rowState struct {
		fields []string
		cell   *strings.Builder
		nested bool     // it holds a table: layout, its paragraphs are lines
		paras  []string // its cells' paragraphs, in case it turns out layout
		repeat int      // the cell stands for so many (an ODF sheet's table:number-columns-repeated)
		// mergedUp: its cells that continue the cell above (an ODT's covered
		// cell under one spanning rows)
		mergedUp []bool
		// col is the column of the next cell, covered ones counted, and
		// cellCol the cell's being read (OpenDocument's)
		col, cellCol int
		skip         bool // the cell being read is a horizontal span's covered one
		// filled: the row ends in the empty cells that fill a sheet's row
		// to its edge (an ODF sheet's), which hold its blank last cells too;
		// textEnd: the column after its last cell with text
		filled  bool
		textEnd int
	}
	var rows []*rowState
	// an ODT's tables open, innermost last: the row being read in each, and
	// to which row each column's cell spans down (table:number-rows-spanned)
	type spanState struct {
		row       int
		downUntil map[int]int
		// acrossUntil: to which row each column's cell is covered by one on
		// its left spanning it
		acrossUntil map[int]int
		// a sheet's hidden columns (table:visibility collapse: a
		// template's helper columns) and the text of their cells, kept
		// apart; cols counts the columns declared
		hiddenCols map[int][]string
		cols       int
		// filled: the table's rows that ended at the sheet's edge
		// (rowState.filled), by their lines in out; textEnd: the column
		// after the last with text in any row
		filled  []filledRow
		textEnd int
	}
	var tableSpans []*spanState
	inText := false
	fallback := 0 // inside a skippedElement
	// a run's text the file holds but does not show: hidden (w:vanish in
	// the run's properties, not in a change's former ones) or deleted by a
	// tracked change (w:delText)
	var dropped dropText
	runs, oldRunProps, inDeleted := 0, 0, false
	// and whether the run says it hides (w:vanish: 1 hides, 2 shows, 0
	// unsaid), and its character style (w:rStyle) if it says; a paragraph
	// hidden by its style (w:pStyle, an ODT paragraph's style), by depth
	runVanish, runStyleHides, runStyleSet := 0, false, false
	var paraHides []bool
	hiddenParas := 0 // of paraHides, those that hide (OpenDocument's)
	// an OpenDocument's sections open, and whether each is hidden
	// (text:display "none": Writer's 格式 > 区域 > 隐藏)
	var sections []bool
	hiddenSections := 0
	runHidden := func() bool {
		switch {
		case runVanish != 0:
			return runVanish == 1
		case runStyleSet:
			return runStyleHides
		}
		return len(paraHides) > 0 && paraHides[len(paraHides)-1]
	}
	// OpenDocument's: the automatic text styles that hide (text:display
	// "none"), the spans open and whether each hides, and a tracked
	// change's deletion (kept in text:tracked-changes)
	styleName, spans, hiddenSpans, deletions, deletedParas := "", []bool(nil), 0, 0, 0
	// and a spreadsheet's hidden sheets (a table style of table:display
	// "false") and rows (table:visibility collapse or filter): how deep in
	// the one being passed over
	var hiddenTables map[string]bool
	inHiddenTable, inHiddenRow := 0, 0
	cellText := maxSheetText // (see errCellText)
	line := func(s string) {
		n := len(out)
		out = appendPara(out, s)
		dropped.mark(out, n)
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if words.textInPara && (inHiddenTable > 0 || inHiddenRow > 0) {
			switch t := tok.(type) {
			case xml.StartElement:
				switch {
				case t.Name.Local == "table" && inHiddenTable > 0:
					inHiddenTable++
				case t.Name.Local == "table-row" && inHiddenRow > 0:
					inHiddenRow++
				}
			case xml.EndElement:
				switch {
				case t.Name.Local == "table" && inHiddenTable > 0:
					inHiddenTable--
				case t.Name.Local == "table-row" && inHiddenRow > 0:
					if inHiddenRow--; inHiddenRow == 0 {
						dropped.cut()
					}
				}
			case xml.CharData:
				if inHiddenRow > 0 {
					dropped.addString(string(t) + " ")
				}
			}
			continue
		}
		if t, ok := tok.(xml.StartElement); ok && words.textInPara {
			switch t.Name.Local {
			case "table-column":
				if n := len(tableSpans); n > 0 {
					sp, rep := tableSpans[n-1], repeated(t, "number-columns-repeated")
					if v, _ := attr(t, "visibility"); v == "collapse" || v == "filter" {
						for c := sp.cols; c < min(sp.cols+rep, maxColumns); c++ {
							if sp.hiddenCols == nil {
								sp.hiddenCols = map[int][]string{}
							}
							sp.hiddenCols[c] = nil
						}
					}
					sp.cols = min(sp.cols+rep, 1<<20)
				}
			case "table-cell", "covered-table-cell":
				if n := len(rows); n > 0 {
					rs := rows[n-1]
					rs.cellCol, rs.col = rs.col, min(rs.col+repeated(t, "number-columns-repeated"), 1<<20)
				}
			case "table-properties":
				if v, _ := attr(t, "display"); v == "false" && styleName != "" && len(hiddenTables) < 4096 {
					if hiddenTables == nil {
						hiddenTables = map[string]bool{}
					}
					hiddenTables[styleName] = true
				}
			case "table":
				if st, _ := attr(t, "style-name"); hiddenTables[st] {
					name, _ := attr(t, "name")
					dropped.addString(hiddenSheet(name))
					dropped.cut()
					inHiddenTable = 1
					continue
				}
			case "table-row":
				if v, _ := attr(t, "visibility"); v == "collapse" || v == "filter" {
					inHiddenRow = 1
					continue
				}
			}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skippedElement[t.Name.Local] {
				fallback++
			}
			if (t.Name.Local == "deletion" || t.Name.Local == "annotation") && words.textInPara {
				deletions++
			}
			if (t.Name.Local == "p" || t.Name.Local == "h") && deletions > 0 {
				deletedParas++ // (not the change's or the comment's author and date)
			}
		case xml.EndElement:
			if (t.Name.Local == "deletion" || t.Name.Local == "annotation") && words.textInPara {
				deletions = max(deletions-1, 0)
			}
			if (t.Name.Local == "p" || t.Name.Local == "h") && deletions > 0 {
				deletedParas = max(deletedParas-1, 0)
				dropped.cut() // each paragraph a piece
			}
			if skippedElement[t.Name.Local] {
				fallback = max(fallback-1, 0)
				continue
			}
		case xml.CharData:
			if deletedParas > 0 {
				dropped.addString(string(t))
			}
		}
		if fallback > 0 {
			continue
		}
		switch t := tok.(type) {
		case xml.StartElement:
			// (past MaxLines Lines refuses the file: no more is read, an
			// embedded part referred to thousands of times included)
			if (t.Name.Local == "altChunk" || t.Name.Local == "OLEObject" || t.Name.Local == "object") && chunk != nil && len(out) <= MaxLines {
				for _, a := range t.Attr {
					if a.Name.Local == "id" || a.Name.Local == "href" && t.Name.Local == "object" {
						ls := chunk(a.Value, t.Name.Local != "altChunk")
						if n := len(out); len(ls) > 0 && n > 0 && out[n-1].Text == imageMark {
							out = out[:n-1] // the object's picture: its table is read
						}
						for _, l := range ls {
							l.No = len(out) + 1
							out = append(out, l)
						}
					}
				}
			}
			switch words.names[t.Name.Local] {
			case "row":
				// the rows around a table are layout (a page saved as
				// DOCX keeps the portal's table around the text): what
				// their cells held so far are paragraphs, before the table
				// (only the innermost row can be other than nested: each
				// outer one became so when a row opened inside it — asking
				// every row made rows opened and never closed quadratic)
				if n := len(rows); n > 0 && !rows[n-1].nested {
					rs := rows[n-1]
					rs.nested = true
					for _, p := range rs.paras {
						line(p)
					}
					rs.paras = nil
				}
				rows = append(rows, &rowState{})
			case "cell":
				if len(rows) > 0 {
					rs := rows[len(rows)-1]
					rs.cell, rs.repeat = &strings.Builder{}, 1
					if v, ok := attr(t, "number-columns-repeated"); ok && words.textInPara {
						rs.repeat, _ = strconv.Atoi(v)
					}
					if n := len(tableSpans); n > 0 && words.textInPara {
						// (spans by the grid's columns, covered cells counted;
						// mergedUp by the row's fields)
						sp, col, field := tableSpans[n-1], rs.cellCol, len(rs.fields)
						if t.Name.Local == "covered-table-cell" {
							if until, ok := sp.acrossUntil[col]; ok && until >= sp.row {
								// a cell that continues the one on its left
								// (table:number-columns-spanned): no field, as
								// a DOCX's w:gridSpan makes none, so that a
								// row's blank cells are not one more than
								// they are (一 label over two columns, then
								// the seven counts)
								rs.skip = true
							} else if until, ok := sp.downUntil[col]; ok && until >= sp.row && field < 256 {
								rs.mergedUp = setAt(rs.mergedUp, field)
							}
						} else {
							down, across := repeated(t, "number-rows-spanned"), repeated(t, "number-columns-spanned")
							for k := range min(across, 64) {
								if down > 1 {
									sp.downUntil[col+k] = sp.row + down - 1
								}
								if k > 0 {
									sp.acrossUntil[col+k] = sp.row + down - 1
								}
							}
						}
					}
				}
			case "para":
				paraDepth++
				if paraDepth > 1 && !words.textInPara {
					nestedAt = append(nestedAt, para.Len())
				}
				if len(paraHides) < 256 {
					hides := false // a DOCX's says in its w:pStyle, later
					if words.textInPara {
						name, _ := attr(t, "style-name")
						if hides = styles.hides(name); hides {
							hiddenParas++
						}
					}
					paraHides = append(paraHides, hides)
				}
				if num != nil {
					props = append(props[:min(len(props), paraDepth-1)], paraNum{})
				}
			case "text":
				inText = true
			case "picture":
				if words.textInPara {
					frames++ // an ODT frame: what paragraphs it holds are a text box's
				}
				// a picture where a table should be is said so; in a cell
				// it counts only if the row turns out to be layout
				if len(rows) == 0 || rows[len(rows)-1].cell == nil || rows[len(rows)-1].nested {
					line(imageMark)
				} else {
					rows[len(rows)-1].paras = append(rows[len(rows)-1].paras, imageMark)
				}
			case "space":
				para.WriteByte(' ')
			}
			if t.Name.Local == "pPrChange" {
				oldProps++ // a tracked change's former properties: not the paragraph's
			}
			if words.textInPara {
				switch t.Name.Local {
				case "table":
					if len(tableSpans) < 64 {
						tableSpans = append(tableSpans, &spanState{downUntil: map[int]int{}, acrossUntil: map[int]int{}})
					}
				case "style":
					styleName, _ = attr(t, "name")
					parent, _ := attr(t, "parent-style-name")
					styles.define(styleName, parent) // (an automatic style inherits a named one's hiding)
				case "text-properties":
					if v, ok := attr(t, "display"); ok && styleName != "" {
						styles.setHides(styleName, v == "none")
					}
				case "section":
					if v, _ := attr(t, "display"); len(sections) < 256 {
						sections = append(sections, v == "none")
						if v == "none" {
							hiddenSections++
						}
					}
				case "span":
					name, _ := attr(t, "style-name")
					if hidden := styles.hides(name); len(spans) < 256 {
						spans = append(spans, hidden)
						if hidden {
							hiddenSpans++
						}
					}
				}
			} else {
				switch t.Name.Local {
				case "r":
					runs++
					runVanish, runStyleHides, runStyleSet = 0, false, false
				case "rPrChange":
					oldRunProps++
				case "vanish":
					if v, _ := attr(t, "val"); runs > 0 && oldRunProps == 0 {
						runVanish = 2
						if v != "0" && v != "false" && v != "off" {
							runVanish = 1
						}
					}
				case "rStyle":
					if v, _ := attr(t, "val"); runs > 0 && oldRunProps == 0 {
						runStyleHides, runStyleSet = styles.setting(v)
					}
				case "pStyle":
					if v, _ := attr(t, "val"); runs == 0 && oldProps == 0 && len(paraHides) > 0 {
						paraHides[len(paraHides)-1] = styles.hides(v)
					}
				case "delText":
					inDeleted = true
				}
			}
			if num != nil && len(props) > 0 && oldProps == 0 {
				val, _ := attr(t, "val")
				props[len(props)-1].read(t.Name.Local, val)
			}
		case xml.EndElement:
			if t.Name.Local == "pPrChange" {
				oldProps = max(oldProps-1, 0)
			}
			if words.textInPara && t.Name.Local == "table" && len(tableSpans) > 0 {
				sp := tableSpans[len(tableSpans)-1]
				padFilled(out, sp.filled, sp.textEnd)
				for _, c := range slices.Sorted(maps.Keys(sp.hiddenCols)) {
					dropped.addString(strings.Join(sp.hiddenCols[c], " "))
					dropped.cut()
				}
				tableSpans = tableSpans[:len(tableSpans)-1]
			}
			if words.textInPara && t.Name.Local == "section" && len(sections) > 0 {
				if sections[len(sections)-1] {
					hiddenSections--
				}
				sections = sections[:len(sections)-1]
			}
			if words.textInPara && t.Name.Local == "span" && len(spans) > 0 {
				if spans[len(spans)-1] {
					hiddenSpans--
				}
				spans = spans[:len(spans)-1]
			}
			if !words.textInPara {
				switch t.Name.Local {
				case "r":
					runs = max(runs-1, 0)
					runVanish, runStyleHides, runStyleSet = 0, false, false
				case "rPrChange":
					oldRunProps = max(oldRunProps-1, 0)
				case "delText":
					inDeleted = false
				}
			}
			switch words.names[t.Name.Local] {
			case "picture":
				if words.textInPara {
					frames = max(frames-1, 0)
				}
			case "text":
				inText = false
			case "para":
				if n := len(paraHides); n > 0 && len(paraHides) >= paraDepth {
					if paraHides[n-1] && words.textInPara {
						hiddenParas--
					}
					if (paraHides[n-1] || hiddenSections > 0) && words.textInPara {
						dropped.cut() // each hidden paragraph a piece
					}
					paraHides = paraHides[:n-1]
				}
				paraDepth = max(paraDepth-1, 0)
				if paraDepth > 0 && len(nestedAt) > 0 && !words.textInPara {
					// a paragraph of a text box inside this one (Word's
					// frames, a PDF converted to DOCX puts every line in
					// one): a line of its own
					at := nestedAt[len(nestedAt)-1]
					nestedAt = nestedAt[:len(nestedAt)-1]
					s := string(para.Bytes()[at:])
					para.Truncate(at)
					if num != nil && len(props) > paraDepth {
						s = num.label(props[paraDepth]) + s
					}
					n := len(out)
					line(s)
					for i := n; i < len(out); i++ {
						out[i].Framed = true
					}
				}
				if paraDepth > 0 {
					props = props[:min(len(props), paraDepth)]
					break // a paragraph in a paragraph (an ODT note): one line
				}
				nestedAt = nestedAt[:0]
				s := para.String()
				para.Reset()
				if num != nil && len(props) > 0 {
					// the number Word draws before an automatically numbered
					// paragraph (一、 before 总体情况) is no text of it
					s = num.label(props[0]) + s
					props = props[:0]
				}
				if len(rows) == 0 || rows[len(rows)-1].cell == nil || rows[len(rows)-1].nested {
					n := len(out)
					line(s) // outside tables, or a layout row's own paragraph
					for i := n; i < len(out) && frames > 0; i++ {
						out[i].Framed = true
					}
				} else {
					rs := rows[len(rows)-1]
					rs.cell.WriteString(s)
					if trimSpace(s) != "" {
						rs.paras = append(rs.paras, s)
					}
				}
			case "cell":
				if len(rows) > 0 {
					rs := rows[len(rows)-1]
					if rs.cell != nil && rs.skip {
						rs.skip = false
					} else if rs.cell != nil {
						f := trimSpace(collapse(rs.cell.String()))
						// a run of equal cells is one element in an ODF sheet;
						// the empty cells that fill a row to the sheet's edge
						// (a thousand) are none of the table's
						n := max(rs.repeat, 1)
						if f == "" && n > 64 {
							n, rs.filled = 1, true
						}
						if f != "" {
							rs.textEnd = max(rs.textEnd, rs.cellCol+min(n, 256))
						}
						var hidden map[int][]string
						if k := len(tableSpans); k > 0 {
							hidden = tableSpans[k-1].hiddenCols
						}
						for k := range min(n, 256, maxLineFields-len(rs.fields)) {
							if texts, ok := hidden[rs.cellCol+k]; ok {
								// a hidden column's: no cell the sheet shows
								if f != "" && len(texts) < 64 {
									hidden[rs.cellCol+k] = append(texts, f)
								}
								continue
							}
							if cellText -= len(f) + 1; cellText < 0 {
								return nil, errCellText
							}
							rs.fields = append(rs.fields, f)
						}
					}
					rs.cell = nil
				}
			case "row":
				if len(rows) == 0 {
					break
				}
				rs := rows[len(rows)-1]
				rows = rows[:len(rows)-1]
				switch {
				case rs.nested:
				case len(rs.fields) == 1 && len(rs.paras) > 1:
					// one cell of several paragraphs: a layout cell around text
					for _, p := range rs.paras {
						line(p)
					}
				default:
					out = append(out, Line{No: len(out) + 1, Text: strings.Join(rs.fields, "\t"), Fields: rs.fields, Structured: true})
					out[len(out)-1].setMergedUp(rs.mergedUp)
					dropped.mark(out, len(out)-1)
					if n := len(tableSpans); n > 0 {
						sp := tableSpans[n-1]
						sp.textEnd = max(sp.textEnd, rs.textEnd)
						if rs.filled && len(sp.filled) < 1<<16 {
							sp.filled = append(sp.filled, filledRow{len(out) - 1, rs.textEnd})
						}
					}
				}
				if n := len(tableSpans); n > 0 {
					tableSpans[n-1].row++
				}
			}
		case xml.CharData:
			switch {
			case inDeleted || inText && runHidden() || (hiddenSpans > 0 || hiddenParas > 0 || hiddenSections > 0) && paraDepth > 0:
				dropped.addString(string(t))
			case inText || words.textInPara && paraDepth > 0:
				dropped.cut()
				para.Write(t)
			}
		}
	}
	dropped.cut() // (what was dropped after the last line: a hidden last sheet, columns of the last table)
	return withUnseen(out, dropped.pieces), nil
}

// filledRow is a sheet's row that ended at the sheet's edge: its line in
// the lines read and the column after its last cell with text.
type filledRow struct{ line, textEnd int }

// padFilled gives the rows of a sheet's table that ended at the sheet's edge
// the blank cells their end held, up to the table's last column with text
// in any row (textEnd). An ODF sheet writes the blank cells at a row's end
// and the empty ones to the sheet's edge as one run (3.危及… 0 0 0 0 0, then
// 16 376 empty cells, two of them the row's 其他 and 总计), so how many were
// the row's is known only from the table's other rows. A row of a label and
// counts only: a heading's row is left as it is.
func padFilled(out []Line, filled []filledRow, textEnd int) {
	for _, f := range filled {
		fs := out[f.line].Fields
		n := len(fs)
		for n > 0 && trimSpace(fs[n-1]) == "" {
			n--
		}
		if n < 2 || f.textEnd > textEnd || !cellish(fs[n-1]) || textEnd-f.textEnd > 64 {
			continue
		}
		// (the one empty field the run to the edge left is none of the
		// row's cells: a row whose last cell has text ends there)
		padded := make([]string, n+textEnd-f.textEnd)
		copy(padded, fs[:n])
		out[f.line].Fields, out[f.line].Text = padded, strings.Join(padded, "\t")
	}
}

// repeated is an OpenDocument element's count of repeats (a cell's or a
// column's): 1 when it says none, at most 1<<14.
func repeated(t xml.StartElement, name string) int {
	v, _ := attr(t, name)
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 1
	}
	return min(n, 1<<14)
}

// --- PDF -----------------------------------------------------------------------

// maxPDFPages bounds the pages read of a PDF.
const maxPDFPages = 2000

// pdfPageList is the first n pages of a PDF, in the order of its page
// tree, walked once: the library's Page(i) walks the tree from its root to
// the i-th page, each page before it looked up, so that reading every page
// of a tree of one level — LibreOffice's — took work of the pages' number
// squared (2 000 pages: 7.6 s). A tree whose Kids lead back into it is
// walked to its depth bound and no further than n pages and 4 n nodes.
func pdfPageList(r *pdf.Reader, n int) []pdf.Page {
	var out []pdf.Page
	nodes := 0
	var walk func(node pdf.Value, depth int)
	walk = func(node pdf.Value, depth int) {
		kids := node.Key("Kids")
		for i := 0; i < kids.Len() && len(out) < n && nodes < 4*n; i++ {
			nodes++
			switch kid := kids.Index(i); kid.Key("Type").Name() {
			case "Pages":
				if depth < 64 {
					walk(kid, depth+1)
				}
			case "Page":
				out = append(out, pdf.Page{V: kid})
			}
		}
	}
	if root := r.Trailer().Key("Root").Key("Pages"); root.Key("Type").Name() == "Pages" {
		walk(root, 1)
	}
	return out
}

// pdfStart is where a PDF's header is, or -1: anywhere in the first 1024
// bytes, as readers allow (a BOM or a web server's response header saved
// before it by a downloader; such a file was refused as binary).
func pdfStart(data []byte) int {
	return bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-"))
}

// pdfAdvice names the tool to convert a PDF with when it cannot be read here.
const pdfAdvice = "请先用 pdftotext -layout 文件.pdf 文件.txt（Debian 软件包 poppler-utils）转换为文本，再审核转换后的文本"

// pdfText gets the text out of a PDF with a pure-Go reader. Chinese PDFs often
// use fonts without a usable ToUnicode map; then the text is garbage and we say
// which tool to convert with instead of auditing garbage. A file whose
// cross-reference table fails it (a wrong offset after an edit, no %%EOF,
// junk after the end; pdftotext reads these) is read again from its objects
// found by a scan; one read whole but in garbage is not.
func pdfText(name string, data []byte) (string, []string, bool, error) {
	t, notes, ocr, err := pdfPages(name, data, pdf.NewReader, maxPDFContent)
	if err != nil && !errors.Is(err, pdf.ErrInvalidPassword) && errs.KindOf(err) != errs.TooLarge {
		if t2, notes2, ocr2, err2 := pdfPages(name, data, pdf.NewReaderRepair, maxPDFContent); err2 == nil && readableChinese(t2) {
			t, notes, ocr, err = t2, notes2, ocr2, nil
		}
	}
	if err != nil {
		return "", nil, false, err
	}
	switch {
	case readableChinese(t) || plainChinese(t):
		// (a document that is no report reads, and is said to be none)
		return t, notes, ocr, nil
	case utf8.RuneCountInString(strings.Join(strings.Fields(t), "")) < 20:
		return "", nil, false, errs.New(name, "该 PDF 没有文字层（页面是图片，多为扫描件）：须先做文字识别（OCR，如 WPS、Acrobat 的“识别文字”或 ocrmypdf -l chi_sim），再审核识别出的文字")
	}
	// (what this reader cannot decode, pdftotext seldom can: the fonts have
	// no map to text left, as after a "PDF printer"; the original document,
	// or OCR, is the way, pdftotext a try)
	return "", nil, false, errs.New(name, "该 PDF 中的文字无法直接读取（字体没有可用的编码表，读出的是乱码，多见于经“PDF 打印机”或压缩工具重新生成的文件）：请改用原始的 Word/WPS 文件，或对 PDF 做文字识别（OCR，如 WPS、Acrobat 的“识别文字”或 ocrmypdf -l chi_sim）后审核识别出的文字；也可试用 pdftotext -layout 文件.pdf 文件.txt（Debian 软件包 poppler-utils）转换，转换出的是正常汉字时再审核转换后的文本")
}

// pdfNotes are the comments a page's annotations hold (a note's, a
// highlight's: their /Contents, shown only when opened), not its text;
// links, form fields and text boxes drawn on the page are none.
func pdfNotes(d *dropText, p pdf.Page) {
	annots := p.V.Key("Annots")
	for k := 0; k < min(annots.Len(), 256) && len(d.pieces) < 8; k++ {
		a := annots.Index(k)
		switch a.Key("Subtype").Name() {
		case "Link", "Widget", "FreeText", "Popup":
			continue
		}
		if c := a.Key("Contents").Text(); strings.TrimSpace(c) != "" {
			d.addString(strings.Join(strings.Fields(c), " "))
			d.cut()
		}
	}
}

// pdfPages is the text of a PDF's pages, as opened by open, and the
// comments on them (pdfNotes). It reads no more than budget bytes of the
// pages' content streams, unpacked: a file that draws more is refused.
func pdfPages(name string, data []byte, open func(io.ReaderAt, int64) (*pdf.Reader, error), budget int64) (text string, notes []string, ocr bool, err error) {
	defer func() {
		if p := recover(); p != nil { // the reader panics on some malformed files
			text, notes, ocr, err = "", nil, false, errs.New(name, "无法从该 PDF 中读取文字："+pdfAdvice)
		}
	}()
	r, err := open(bytes.NewReader(data), int64(len(data)))
	if errors.Is(err, pdf.ErrInvalidPassword) {
		// a password to open, not only one to edit (those are read)
		return "", nil, false, errs.Wrap(errs.Invalid, err, name, "该 PDF 设有打开密码：请提供未加密的文件，或用密码打开后另存为不加密的 PDF 再审核")
	}
	if err != nil {
		return "", nil, false, errs.Wrap(errs.Invalid, err, name, "PDF 文件无法打开："+pdfAdvice)
	}
	var b strings.Builder
	var d dropText
	// a page count is the file's word: 2 000 000 000 kept this loop going
	// for hours; a report has tens of pages
	// each page's columns are counted from the leftmost glyph of it and
	// the pages before it, so that a table's columns stand at the same
	// places on every page (counted from each page's own leftmost glyph, a
	// page whose text all starts further right — a table's second page, its
	// label column indented — had its columns seven places left of the
	// first page's headings); the pages' glyphs are not all kept to find the
	// leftmost of all: a PDF may have thousands of pages
	left := math.Inf(1)
	glyphs, invisible := 0, 0 // (most of them invisible: an OCR layer)
	// pdfGlyphs spends budget, of the pages' content unpacked; and no more
	// text is read than MaxInput (a few pages of millions of glyphs)
	limit := budget
	fonts := newPDFFonts()
	for i, p := range pdfPageList(r, min(r.NumPage(), maxPDFPages)) {
		if b.Len() > MaxInput {
			break
		}
		if b.Len() > 0 {
			// a page after the first starts with a form feed, as pdftotext
			// writes it: its running head and the last page's bare number
			// are told by it (dropFooters)
			b.WriteByte('\f')
		}
		gs, hidden := pdfGlyphs(p, &budget, fonts)
		if budget <= 0 {
			return "", nil, false, &errs.Error{Kind: errs.TooLarge, Where: name,
				Msg: fmt.Sprintf("PDF 的页面内容解压后超过 %d MB（一份报告通常不到 1 MB），到第 %d 页仍未读完：文件异常，请确认文件是否正确，或用 pdftotext -layout 转换为文本后再审核", limit>>20, i+1)}
		}
		glyphs, invisible = glyphs+len(gs), invisible+hidden
		left = math.Min(left, pageLeft(gs))
		floor := 0.0
		if hidden*2 > len(gs) {
			// OCR's layer: each word's box sets its own baseline and, by
			// Tz, its own size, so a row's numbers stand a point or two off
			// its label's line and a glyph's size is no measure of it: a
			// line takes what is within a quarter of the page's usual line
			// spacing too
			floor = lineSpacing(gs) / 4
		}
		pageColumnsFrom(&b, gs, left, floor)
		b.WriteString("\n")
		pdfNotes(&d, p)
	}
	return b.String(), d.pieces, invisible*2 > glyphs, nil
}

// pageLines rebuilds the lines of a page from its glyphs: glyphs on one
// baseline form a line, in x order; a gap wider than two characters is a
// table cell boundary (a tab), a smaller one a space.
func pageLines(b *strings.Builder, glyphs []pdf.Text) {
	pageLinesFrom(b, glyphs, pageLeft(glyphs), 0)
}

// pageLeft is the x where a page's text starts: its leftmost glyph's.
func pageLeft(glyphs []pdf.Text) float64 {
	left := math.Inf(1)
	for _, g := range glyphs {
		left = math.Min(left, g.X)
	}
	return left
}

// numbersUnruled takes out of a line of OCR's text a "|" standing alone
// between two numbers: a table's rule the recogniser read as a character
// (0 123 | 369), which would make the row no row of numbers. A space takes
// its place, so the numbers keep their columns.
func numbersUnruled(s string) string {
	if strings.IndexByte(s, '|') < 0 {
		return s
	}
	b := []byte(s)
	for i := 0; i < len(b); i++ {
		if b[i] != '|' || i == 0 || i == len(b)-1 || b[i-1] != ' ' || b[i+1] != ' ' {
			continue
		}
		before := bytes.TrimRight(b[:i], " ")
		after := bytes.TrimLeft(b[i+1:], " ")
		if len(before) > 0 && len(after) > 0 && isASCIIDigit(before[len(before)-1]) && isASCIIDigit(after[0]) {
			b[i] = ' '
		}
	}
	return string(b)
}

// lineSpacing is the usual distance between a page's lines: the median of
// the steps down between its glyphs' baselines more than 2 points apart.
func lineSpacing(gs []pdf.Text) float64 {
	ys := make([]float64, 0, len(gs))
	for _, g := range gs {
		ys = append(ys, g.Y)
	}
	slices.Sort(ys)
	var steps []float64
	for i := 1; i < len(ys); i++ {
		if d := ys[i] - ys[i-1]; d > 2 {
			steps = append(steps, d)
		}
	}
	if len(steps) == 0 {
		return 0
	}
	slices.Sort(steps)
	return steps[len(steps)/2]
}

// pageLinesFrom is pageLines with the columns counted from left; a line
// takes what is within floor of its first glyph too.
func pageLinesFrom(b *strings.Builder, glyphs []pdf.Text, left, floor float64) {
	writeLines(b, baselineLines(glyphs, floor), left)
}

// baselineLines groups a copy of glyphs into lines, top to bottom, each in x
// order: a line takes what sits within half its font's size of its first
// (highest) glyph, as pdftotext does — a merged cell's text centred between
// two lines of the next cell's is on the first of them (三、本年度 three
// points under 1.本机关不掌握相关政府, its numbers three more under) — and
// within floor of it too.
func baselineLines(glyphs []pdf.Text, floor float64) [][]pdf.Text {
	gs := append([]pdf.Text(nil), glyphs...)
	sort.SliceStable(gs, func(i, j int) bool {
		if math.Abs(gs[i].Y-gs[j].Y) > 2 {
			return gs[i].Y > gs[j].Y // PDF y grows upwards
		}
		return gs[i].X < gs[j].X
	})
	var lines [][]pdf.Text
	for i := 0; i < len(gs); {
		tol := max(2, 0.45*gs[i].FontSize, floor)
		j := i
		for j < len(gs) && math.Abs(gs[j].Y-gs[i].Y) <= tol {
			j++
		}
		line := gs[i:j]
		sort.SliceStable(line, func(a, c int) bool { return line[a].X < line[c].X })
		lines = append(lines, line)
		i = j
	}
	return lines
}

// writeLines writes lines of glyphs (baselineLines) with the columns counted
// from left.
func writeLines(b *strings.Builder, lines [][]pdf.Text, left float64) {
	// each line is written as pdftotext -layout writes it: what follows a
	// gap wider than a character (a table's next cell) at the column its
	// place gives (half a font size to a column), every character one
	// column, so the numbers of a table line up in a page and a blank cell is
	// a gap the reader can place (alignShort); a word's gap in running text
	// is one space
	for _, line := range lines {
		end, cursor := line[0].X, 0
		prev := rune(0) // the last character written
		// a table row's line: six numbers or more standing apart (a row's
		// cells, whose first may sit less than a character after its label:
		// it is put at its column too, as pdftotext does, not a space after
		// the label, so that rows line up)
		row := numbersApart(line) >= 6 || cellsAfterLabel(line)
		heads := !row && headingWords(line)
		for k, g := range line {
			size := math.Max(g.FontSize, 1)
			first, _ := utf8.DecodeRuneInString(g.S)
			switch gap := g.X - end; {
			case k == 0 || gap > size || row && gap > 0.25*size && isDigit(first) && !isDigit(prev) || heads && gap > 0.25*size:
				// the start of a line or of a table cell: at its column
				pad := int(math.Round((g.X-left)/(size/2))) - cursor
				if k > 0 {
					pad = max(pad, 1)
				}
				pad = min(max(pad, 0), 400) // a stray glyph far right is no reason for a megabyte of spaces
				b.WriteString(strings.Repeat(" ", pad))
				cursor += pad
			case gap > 0.25*size, gap > 0.1*size && isDigit(prev) && isDigit(first):
				// a word's gap in running text; between two digits a
				// smaller one, as pdftotext takes it: the padding between
				// two cells of a narrow table (3003 and 28028 three points
				// apart at twelve), where a number's own digits touch
				b.WriteByte(' ')
				cursor++
			}
			// this reader emits a stray U+FFFD after some runs of CID fonts
			t := strings.ReplaceAll(g.S, string(utf8.RuneError), "")
			b.WriteString(t)
			cursor += utf8.RuneCountInString(t)
			if r, _ := utf8.DecodeLastRuneInString(t); t != "" {
				prev = r
			}
			end = g.X + g.W
		}
		b.WriteByte('\n')
	}
}

// headingWords says a line of glyphs in x order is a table's headings in
// narrow columns: five words or more standing apart (more than a quarter of
// a font size), none longer than four characters, no digit ("维持 纠正 结果
// 审结 计" of 表四, two characters a column). Each word is then put at the
// column its place gives, as a cell's start is: written a space apart, as
// running text's words are, a column of two Chinese characters (two columns
// wide) took three, and the headings drifted left of the numbers under
// them, which then sat under the wrong heading.
func headingWords(line []pdf.Text) bool {
	words, n := 0, 0
	var word []rune // (the current word, when it runs past four characters)
	end := math.Inf(-1)
	for _, g := range line {
		if g.X-end > 0.25*math.Max(g.FontSize, 1) {
			if n > 4 && !wideHeading(word) {
				return false
			}
			words, n, word = words+1, 0, word[:0]
		}
		for _, r := range g.S {
			if isDigit(r) {
				return false
			}
			if r != ' ' && r != '\u3000' {
				n++
				word = append(word, r)
			}
		}
		if n > 6 {
			return false
		}
		end = g.X + g.W
	}
	return words >= 5 && (n <= 4 || wideHeading(word))
}

// wideHeading says a word of more than four characters is a column heading
// of 表三 all the same (社会公益组织, 法律服务机构 on one line in a wide
// table: 商业企业 科研机构 社会公益组织 法律服务机构 其他).
func wideHeading(word []rune) bool {
	w := string(word)
	return w == "社会公益组织" || w == "法律服务机构"
}

// cellsAfterLabel says a line of glyphs in x order ends in two numbers or
// more standing apart, with nothing but numbers and marks for 0 (— /) from
// the first of them on: a table row with blank cells (三、本 （一）予以公开
// 345 150 30 525, 437 — — 46 483), whose
// first number may sit less than a character after its label, as a full
// row's may. (A number in running text has its unit or words after it.)
func cellsAfterLabel(line []pdf.Text) bool {
	n := 0
	end := math.Inf(-1)
	for _, g := range line {
		first, _ := utf8.DecodeRuneInString(g.S)
		apart := g.X-end > 0.1*math.Max(g.FontSize, 1)
		end = g.X + g.W
		if n == 0 && (!isDigit(first) || !apart) {
			continue
		}
		for _, r := range g.S {
			if !isDigit(r) && !strings.ContainsRune(" .—－–-/／", r) {
				return false
			}
		}
		if isDigit(first) && apart {
			n++
		}
	}
	return n >= 2
}

// numbersApart counts the numbers of a line of glyphs in x order that stand
// apart from what is before them (more than a tenth of a font size: what
// pageLines takes for two numbers).
func numbersApart(line []pdf.Text) int {
	n := 0
	end := math.Inf(-1)
	for _, g := range line {
		if first, _ := utf8.DecodeRuneInString(g.S); isDigit(first) && g.X-end > 0.1*math.Max(g.FontSize, 1) {
			n++
		}
		end = g.X + g.W
	}
	return n
}

// readableChinese reports whether t looks like a Chinese report rather than
// glyph ids: it must name the report's fixed headings.
func readableChinese(t string) bool {
	if bad := strings.Count(t, string(utf8.RuneError)); bad > 0 && bad*20 > utf8.RuneCountInString(t) {
		return false // more than 5 % unreadable glyphs: wrong CMaps, not text
	}
	n := 0
	for _, k := range []string{"总体情况", "主动公开", "政府信息公开", "行政复议"} {
		if hasText(t, k) {
			n++
		}
	}
	return n >= 2
}

// unitsGlued says s holds a count with its unit glued to the next count
// ("0件0件2件", a row of the 2019 format's two cells "25件19件", an OCR's
// "27件 12件12件" with a space), by a scan of the bytes (of the lines with 件
// or 个 only: cells that say their unit say one of them).
func unitsGlued(s string) bool {
	n, glued := 0, false
	for i := 1; i < len(s); i++ {
		if !isASCIIDigit(s[i-1]) {
			continue
		}
		u := cellUnitAt(s, i)
		if u == 0 {
			continue
		}
		j := i + u
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j+1 < len(s) && s[j] == '-' && isASCIIDigit(s[j+1]) { // 本年增/减 of the 2019 format: "16件-2件19件"
			j++
		}
		if j < len(s) && isASCIIDigit(s[j]) {
			glued = glued || j == i+u || j == i+u+1 && s[i+u] == '-'
			if n++; glued {
				return true
			}
		}
		i += u - 1
	}
	return false
}

// cellUnitAt is the length of the count unit (countUnitsInCells) s starts
// with at i, 0 when none.
func cellUnitAt(s string, i int) int {
	if i >= len(s) || s[i] < 0xE4 || s[i] > 0xE9 { // the units' first bytes: nearly every digit is followed by another byte
		return 0
	}
	for _, u := range countUnitsInCells {
		if strings.HasPrefix(s[i:], u) {
			return len(u)
		}
	}
	return 0
}

// spaceUnitCells sets apart each run of two or more counts glued with
// their units: a space before the run and after each unit.
func spaceUnitCells(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		var ends []int
		if i == 0 || !isASCIIDigit(s[i-1]) {
			for j := i; ; {
				d := j
				if d+1 < len(s) && s[d] == '-' && isASCIIDigit(s[d+1]) {
					d++ // a decrease (本年增/减 of the 2019 format: "16件-2件19件")
				}
				k := d
				for k < len(s) && isASCIIDigit(s[k]) {
					k++
				}
				u := 0
				if k > d {
					u = cellUnitAt(s, k)
				}
				if u == 0 && k > d && len(ends) > 0 && k+1 < len(s) && s[k] == '.' && isASCIIDigit(s[k+1]) {
					// an amount after counts, without a unit of its own
					// (政府集中采购22件12.07, the 2019 format's): the run's last cell
					for k++; k < len(s) && isASCIIDigit(s[k]); k++ {
					}
					ends = append(ends, k)
					break
				}
				if u == 0 {
					break
				}
				j = k + u
				ends = append(ends, j)
				for j < len(s) && s[j] == ' ' { // the next cell a space on (an OCR's: "0件 0件0件")
					j++
				}
			}
		}
		if len(ends) < 2 {
			_, size := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		if i > 0 && s[i-1] != ' ' {
			b.WriteByte(' ')
		}
		for _, e := range ends {
			b.WriteString(s[i:e])
			if e < len(s) && s[e] != ' ' {
				b.WriteByte(' ')
			}
			i = e
		}
	}
	return b.String()
}

// unmarkFootnotes writes pdf2md's footnote marks in s as the numbers they
// are: a mark glued after a number ("-10^8") a number of its own, one
// alone ("(^8)") the number, an empty one ("总计^") nothing, each among the
// numbers that end the line. A caret in any other place (10^6平方米) leaves
// the line as written.
func unmarkFootnotes(s string) string {
	// the numbers that end the line: no caret before tail is a mark (one
	// pass, not a look at the rest of the line from each caret)
	tail := len(strings.TrimRight(s, " 0123456789-.^()"))
	out := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); i++ {
		if s[i] != '^' {
			out = append(out, s[i])
			continue
		}
		if i < tail {
			return s
		}
		j := i + 1
		for j < len(s) && isDigit(rune(s[j])) {
			j++
		}
		end := j == len(s) || s[j] == ' '
		switch {
		case j == i+1 && end:
			// an empty mark: nothing
		case end && i > 0 && isDigit(rune(s[i-1])) && (i < 2 || s[i-2] == ' ' || s[i-2] == '-' || isDigit(rune(s[i-2]))):
			out = append(append(out, ' '), s[i+1:j]...)
			i = j - 1
		case j < len(s) && s[j] == ')' && i > 0 && s[i-1] == '(' && (j+1 == len(s) || s[j+1] == ' '):
			// "(^8)": the ( written already goes
			out = append(out[:len(out)-1], s[i+1:j]...)
			i = j
		default:
			return s
		}
	}
	return string(out)
}
