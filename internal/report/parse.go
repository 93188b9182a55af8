package report

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"math/bits"
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"gongkai/internal/guard"
)

// Authored says a file is a report written for gongkai (YAML or JSON, as
// gongkai report new writes one), not a published one to read.
func Authored(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json", ".jsonl":
		return true
	}
	return false
}

// ReadAny reads an authored report (Load) or a published one (Read), each
// within its own size limit.
func ReadAny(name string, data []byte) (*Report, error) {
	if Authored(name) {
		return Load(name, data)
	}
	return Read(name, data)
}

// Read parses a published report (text, pdftotext output, HTML, DOCX or PDF)
// into the model. It fills in what it could read and leaves the rest blank; it
// never invents a number. Reading problems become PARSE.* findings. An error is
// returned only when the file cannot be read at all.
func Read(name string, data []byte) (*Report, error) {
	lines, kind, err := Lines(name, data)
	if err != nil {
		return nil, err
	}
	r := Parse(lines)
	readAs(r, name, kind, data)
	return r, nil
}

// readAs completes a report read from a file of the kind.
func readAs(r *Report, name, kind string, data []byte) {
	r.Meta.Source = name
	if kind == KindHTML && r.Meta.Empty && r.Meta.Attachment == "" {
		// a page's shell: what it embeds or links to, or its scripts
		// (looked at only here, where nothing of a report was found)
		r.Meta.Attachment, r.Meta.Scripted = pageDocument(data)
	}
	switch {
	case !r.Meta.Parsed || r.Meta.Empty:
	case kind == KindXLSX:
		tablesOnly(r, "这个电子表格")
	case kind == KindHTML && sheetPage(data):
		tablesOnly(r, "这个由电子表格另存的网页")
	case r.Agency == "" && r.Year == 0 && !r.Meta.Scrambled && !r.Meta.Prose && (r.Meta.Tables["2"] || r.Meta.Tables["3"]) &&
		(r.Meta.Tables["2"] || r.Meta.Unreadable["2"]) && (r.Meta.Tables["3"] || r.Meta.Unreadable["3"]):
		// no title, the tables and no text (no sentence: a report whose
		// title and headings were lost has its narrative still): the
		// tables printed or saved apart (a report's 附表, a sheet's PDF;
		// its 表四 may be left blank, read as none, and one of 表二 and 表三
		// be there but not read)
		tablesOnly(r, "这个文件没有标题，")
	}
	if kind == KindPDF {
		// the pure-Go reader gets most PDFs right, not all (fonts whose codes
		// it maps wrongly, two-byte fonts without widths): say so
		r.Meta.Parse = append(r.Meta.Parse, Finding{Rule: "PARSE.READ", Severity: SevInfo, Cell: "",
			Message: "本文件是 PDF，文字由内置的 PDF 读取器直接取出，个别字体的字可能读错；如有“未找到”某行或数字、文字与原文不符，请用 pdftotext -layout 转换为文本后再审核"})
	}
}

// MaxParts bounds the reports ReadAll reads from one file: a province's
// compilation of its departments' reports holds a few dozen.
const MaxParts = 500

// ReadAll reads every report of a file: one, or each report of a
// compilation (a county's departments' reports in one PDF), in order. Each
// of a compilation knows which it is (Meta.Part of Meta.Parts, from line
// Meta.PartLine) where Read says of the first that there are more
// (PARSE.MANY); the line numbers are the file's. It keeps nothing of data:
// the caller may use the buffer again once ReadAll returns.
func ReadAll(name string, data []byte) ([]*Report, error) {
	lines, kind, err := Lines(name, data)
	if err != nil {
		return nil, err
	}
	r, rest := parseOne(lines, false)
	readAs(r, name, kind, data)
	out, starts := []*Report{r}, []int{1}
	for len(rest) > 0 && len(out) < MaxParts {
		part := rest[0]
		starts = append(starts, max(part[0].No, 1))
		next, more := parseOne(part, true) // (more: none, as a rule; in their place if any)
		rest = append(more, rest[1:]...)
		readAs(next, name, kind, data)
		out = append(out, next)
	}
	if len(out) == 1 {
		return out, nil
	}
	for i, r := range out {
		// the first's "more after it" is said by each part's name instead
		r.Meta.Parse = slices.DeleteFunc(r.Meta.Parse, func(f Finding) bool { return f.Rule == "PARSE.MANY" })
		r.Meta.Part, r.Meta.Parts, r.Meta.PartLine = i+1, len(out), starts[i]
	}
	if len(rest) > 0 {
		last := out[len(out)-1]
		at := max(rest[0][0].No, 1)
		last.Meta.Parse = append(last.Meta.Parse, Finding{Rule: "PARSE.MANY", Severity: SevWarning, Cell: "sections", Line: at,
			Message: fmt.Sprintf("文件中第 %d 行起还有报告：一个文件最多审核 %d 份，其后的 %d 份未审核；请把汇编分成几个文件再审核", at, MaxParts, len(rest))})
	}
	return out, nil
}

// sentences counts the full stops (。) of the lines' text, up to 3: a
// report's narrative has many, its tables none.
func sentences(lines []Line) int {
	n := 0
	for _, l := range lines {
		if n += strings.Count(l.Text, "。"); n >= 3 {
			return n
		}
	}
	return n
}

// sheetPage says data is a web page a spreadsheet program saved of a
// workbook (Excel's and WPS's 另存为网页: ProgId Excel.Sheet; LibreOffice
// Calc's HTML, its sheets anchored table0, table1…): often the tables alone,
// as the workbook was.
func sheetPage(data []byte) bool {
	head := string(data[:min(len(data), 64<<10)])
	if strings.IndexByte(head, '<') < 0 {
		return false
	}
	switch {
	case hasText(head, "ProgId") && (hasText(head, "content=Excel.Sheet") || hasText(head, `content="Excel.Sheet"`)):
		return true
	case hasText(head, `content="LibreOffice`):
		lower := strings.ToLower(head)
		return hasText(lower, `name="generator" content="libreoffice`) && hasText(lower, `<a name="table0">`)
	}
	return false
}

// tablesOnly marks a workbook (or a web page saved of one, or a file of
// the three tables and no title) that holds the tables and none of the text
// (sections 一, 五 and 六): what agencies publish beside the report, or
// export for it. Its text is not there to check, which is said once
// (PARSE.READ, of what, "这个电子表格") instead of three missing sections.
func tablesOnly(r *Report, what string) {
	for _, k := range NarrativeKeys {
		if _, ok := r.Sections[k]; ok {
			return
		}
	}
	if !r.Meta.Tables["2"] && !r.Meta.Tables["3"] && !r.Meta.Tables["4"] {
		return
	}
	r.Meta.TablesOnly = true
	r.Meta.Parse = append(r.Meta.Parse, Finding{Rule: "PARSE.READ", Severity: SevInfo, Cell: "sections",
		Message: what + "只有表格（表二、表三、表四），没有年度报告的正文：只核对了表格；第一、五、六部分请对照发布的报告全文审核"})
}

// computedCells counts the cells of lines that were formulas without their
// results, computed as the workbook was read (computeFormulas).
func computedCells(lines []Line) int {
	n := 0
	for _, l := range lines {
		n += l.Computed()
	}
	return n
}

// unreadParts counts the embedded parts past the bound that the lines'
// documents left unread (Line.UnreadParts).
func unreadParts(lines []Line) int {
	n := 0
	for _, l := range lines {
		n += l.UnreadParts()
	}
	return n
}

// droppedText lists the pieces of text the file holds but does not show
// (Line.Dropped).
func droppedText(lines []Line) []string {
	var out []string
	for _, l := range lines {
		if d := l.Dropped(); d != "" {
			out = append(out, strings.Split(d, "\n")...)
		}
	}
	return out
}

// Parse reads a report from lines.
func Parse(lines []Line) *Report {
	r, _ := parseOne(lines, false)
	return r
}

// parseOne reads the first report of lines, and returns the lines of the
// reports after it (a compilation). cut says lines are those: their footers
// already dropped and their pages already segmented.
func parseOne(lines []Line, cut bool) (*Report, [][]Line) {
	radicals, read, first, as := radicalsRead(lines)
	p := &parser{lines: lines, ocrLayer: len(lines) > 0 && (lines[0].OCRLayer() || lines[0].OCRWords())}
	if !cut {
		p.lines = segment(dropFooters(lines))
	}
	p.lines = cutLongLines(p.lines)
	r := p.parse()
	r.Meta.Prose = sentences(p.lines) >= 3
	if p.cutAt > 0 {
		r.Meta.Parse = append(r.Meta.Parse, Finding{Rule: "PARSE.READ", Severity: SevInfo, Cell: "sections", Line: p.cutAt,
			Message: fmt.Sprintf("文件中有一部分的文字超过 %d KB（一份报告的一部分通常不过几十 KB），第 %d 行起未读取：请确认文件是否正确", maxRegionBytes>>10, p.cutAt)})
	}
	if n := computedCells(lines); n > 0 {
		r.Meta.Parse = append(r.Meta.Parse, Finding{Rule: "PARSE.READ", Severity: SevInfo,
			Message: fmt.Sprintf("表格中有 %d 个单元格是公式，文件里没有保存计算结果（由程序生成、没有在 Excel 或 WPS 中打开保存过的文件）：已按公式算出后审核；请在 Excel 或 WPS 中打开核对", n)})
	}
	if n := unreadParts(lines); n > 0 {
		r.Meta.Parse = append(r.Meta.Parse, Finding{Rule: "PARSE.TABLE", Severity: SevWarning,
			Message: fmt.Sprintf("文件中嵌入的文档或表格对象太多（一份报告嵌入的通常只有几个，如作为对象插入的表格；最多读取 %d 个，嵌入文档中再嵌入的各 %d 个），另有 %d 个没有读取：其中的表格和文字没有审核，表格可能因此显示为缺失或未读到；请对照原文核对，或把表格直接放在正文中后重新审核",
				embeddedParts(0), embeddedParts(1), n)})
	}
	if pieces := droppedText(lines); len(pieces) > 0 {
		r.Meta.Parse = append(r.Meta.Parse, Finding{Rule: "TXT.HIDDEN", Severity: SevWarning, Cell: "sections",
			Message: fmt.Sprintf("文件中有 %d 处内容看不到却仍在文件里（未接受的修订删除的文字、批注，或设为隐藏的文字、行、列、工作表），如“%s”：打开修订或批注、取消隐藏，或复制、转换文件时，这些内容都会出现；已按页面上显示的内容审核。发布前请接受或拒绝全部修订，删去批注和隐藏的内容",
				len(pieces), strings.Join(pieces[:min(len(pieces), 3)], "”“"))})
	}
	if radicals > 0 {
		r.Meta.Parse = append(r.Meta.Parse, Finding{Rule: "PARSE.READ", Severity: SevInfo,
			Message: fmt.Sprintf("文件中有 %d 个汉字用的是部首或兼容区的同形字符（如“%s”的“%c”，文件中是字符 U+%04X；多见于从 PDF 复制或转换的文字）：已按所示的字读取；这些字符在网页上看起来一样，但检索、复制和读屏软件认不出，发布的文本宜改正", radicals, read, as, first)})
	}
	if len(r.Meta.Parse) > 0 { // a doubled text reads with findings (digits that split no way): a clean one is not searched
		if doubled := doubledText(lines); doubled != "" {
			p.unreadTables(func(table string) string {
				return fmt.Sprintf("文件中的文字每段都重复了两次（如“%s”，多见于从 PDF 转换成的 Word 文件），数字也随之重复（356 成了 356356），%s无法可靠读取，各栏记为空：请改用原 PDF 或 pdftotext -layout 的输出审核", doubled, table)
			})
		} else if framed(lines) && !lines[0].Placed {
			p.unreadTables(func(table string) string {
				return fmt.Sprintf("文件的文字分散在一个个文本框中（多见于从 PDF 转换成的 Word 或 ODT 文件），文字和数字已不在原来的行里，%s无法可靠读取，各栏记为空，正文也不按原文顺序检查：请改用原 PDF 或 pdftotext -layout 的输出审核", table)
			})
			scramble(r)
		}
	}
	if len(lines) > 0 && lines[0].Placed && framed(lines) {
		r.Meta.Parse = append(r.Meta.Parse, Finding{Rule: "PARSE.READ", Severity: SevInfo,
			Message: "文件的文字分散在一个个文本框中（多见于从 PDF 转换成的 Word 或 ODT 文件）：已按各文本框在页面上的位置重新排成行后读取；表格中读出的数字请对照原 PDF 核对"})
	}
	if p.ocrLayer && lines[0].OCRWords() {
		r.Meta.OCR = true
		r.Meta.Parse = append(r.Meta.Parse, Finding{Rule: "PARSE.READ", Severity: SevInfo,
			Message: "本文件是文字识别（OCR）给出的逐词位置（如 tesseract 的 hOCR 或 TSV），已按各词在页面上的位置排成行后读取：识别可能认错或漏掉字和数字，表格中数不够的行不据以判断有误；未读出的行、与原文不符的数字请对照扫描件核对"})
	} else if p.ocrLayer {
		r.Meta.OCR = true
		r.Meta.Parse = append(r.Meta.Parse, Finding{Rule: "PARSE.READ", Severity: SevInfo,
			Message: "本文件是扫描件的 PDF，文字来自文字识别（OCR）叠加在页面图片上的文字层：识别可能认错或漏掉字和数字，表格中数不够的行不据以判断有误；未读出的行、与原文不符的数字请对照页面核对"})
	} else if p.ocrText() && p.ocrSpacedRules() {
		r.Meta.OCR = true
		r.Meta.Parse = append(r.Meta.Parse, Finding{Rule: "PARSE.READ", Severity: SevInfo,
			Message: "本文件的文字像是文字识别（OCR）的结果（表格的框线识别成了“|”）：识别可能认错或漏掉字和数字，表格中数不够的行不据以判断有误；报出的计算错误、未读出的行，请先对照原件核对"})
	}
	if n, sample := garbledText(lines); n >= minGarbled {
		scramble(r) // its headings and words are not what the page says
		r.Meta.Parse = append(r.Meta.Parse, Finding{Rule: "PARSE.TEXT", Severity: SevWarning,
			Message: fmt.Sprintf("文件中有 %d 处汉字读成了西文字母（如“%s”）：PDF 的字体编码无法还原为文字（多见于经过重新压缩或转换的 PDF），各部分、正文和文字未检查，表格中读错的行名已按字形和次序尽量对上；请用原文件或其他文字版核对", n, sample)})
	}
	how := ""
	if len(lines) > 0 {
		how = lines[0].Repaired()
	}
	switch {
	case how == garbledLossy:
		// its headings and words lost characters: what is said of the
		// sections and the text is moot, its tables read as far as they go
		scramble(r)
		r.Meta.Parse = append(r.Meta.Parse, Finding{Rule: "PARSE.TEXT", Severity: SevWarning, Cell: "sections",
			Message: fmt.Sprintf("文件的文字是乱码（%s）：已尽量还原，表格按能辨认的行读取，各部分、正文和文字不检查；请用原文件审核", how)})
	case how != "":
		r.Meta.Parse = append(r.Meta.Parse, Finding{Rule: "PARSE.READ", Severity: SevInfo, Cell: "sections",
			Message: fmt.Sprintf("文件的文字是乱码（%s）：已还原为原来的中文后审核；发布的文本应改正，请用原文件核对", how)})
	}
	if n, sample := questionedText(lines); n > 0 {
		// its words are gone: no row's label tells its numbers' row, and
		// nothing of the text is there to check
		p.unreadTables(func(table string) string {
			return fmt.Sprintf("文件中的汉字都变成了问号，%s的行名无法辨认，各栏记为空", table)
		})
		scramble(r)
		r.Meta.Parse = append(r.Meta.Parse, Finding{Rule: "PARSE.TEXT", Severity: SevWarning,
			Message: fmt.Sprintf("文件中的汉字都变成了问号（%d 处，如“%s”）：文件转换或另存为文本时用了不能表示中文的编码（如 ASCII 或西文编码），文字已经丢失，各部分、正文和表格都无法审核；请用原文件审核，或另存时选择 UTF-8 或 GB18030 编码", n, sample)})
	}
	for _, l := range p.lines {
		if l.Segmented {
			r.Meta.Flattened = true // a page that lost its line breaks, cut again
			break
		}
	}
	return r, p.rest
}

// scramble marks r's text as not what the page says (Meta.Scrambled: no S.,
// N. or TXT. rule runs), and what was said of its sections (missing, empty)
// as moot.
func scramble(r *Report) {
	r.Meta.Scrambled = true
	r.Meta.Parse = slices.DeleteFunc(r.Meta.Parse, func(f Finding) bool { return strings.HasPrefix(f.Rule, "S.") })
}

// questionedText counts the question marks that stand in runs of two or more
// ("???????"), with the first such line as a sample, when they are most of
// the text's characters that are not ASCII letters or digits and the text
// holds fewer than a tenth as many Han characters: a text written in an
// encoding that has no Chinese characters (unrtf's text of an RTF, a file
// saved as plain text in a Western code page), each character a '?'. 0
// otherwise.
func questionedText(lines []Line) (n int, sample string) {
	marks := 0
	for _, l := range lines {
		marks += strings.Count(l.Text, "?")
	}
	if marks < minQuestioned {
		return 0, "" // (almost every text: no pass over its characters)
	}
	han := 0
	for _, l := range lines {
		t := l.Text
		if strings.IndexByte(t, '?') < 0 {
			if han += hanCount(t); han > 1<<16 {
				return 0, ""
			}
			continue
		}
		han += hanCount(t)
		for i := 0; i < len(t); i++ {
			if t[i] != '?' {
				continue
			}
			j := i
			for j < len(t) && t[j] == '?' {
				j++
			}
			if j-i >= 2 {
				if n += j - i; sample == "" {
					sample = runeContext(t, i, 8)
				}
			}
			i = j
		}
	}
	if n < minQuestioned || han*10 >= n {
		return 0, ""
	}
	return n, sample
}

// minQuestioned is how many question marks in runs make a text one that
// lost its Chinese characters: a report has hundreds, a sentence or two
// asking "??" none to speak of.
const minQuestioned = 50

// hanCount counts the Han characters of s.
func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// minGarbled is how many Han characters read as Latin letters make a text
// garbled: a report never writes é or Ï beside a Chinese character, a font
// whose codes map to the wrong characters does so on every line.
const minGarbled = 5

// garbledText counts the Latin-1 letters (À–ÿ) that stand right beside a
// Han character ("政府信息}开", "行政Ï业性收费", "年度ç告": a PDF font whose
// codes map to Latin characters), with the first one in its context. Such
// letters are C3 80–BF in UTF-8: a byte search finds none in almost every text.
func garbledText(lines []Line) (n int, sample string) {
	for _, l := range lines {
		t := l.Text
		for i := 0; ; {
			k := strings.IndexByte(t[i:], 0xC3)
			if k < 0 {
				break
			}
			i += k
			r, size := utf8.DecodeRuneInString(t[i:])
			if r >= 0xC0 && r <= 0xFF && r != 0xD7 && r != 0xF7 { // not × or ÷
				before, _ := utf8.DecodeLastRuneInString(t[:i])
				after, _ := utf8.DecodeRuneInString(t[i+size:])
				if unicode.Is(unicode.Han, before) || unicode.Is(unicode.Han, after) {
					if n++; sample == "" {
						sample = runeContext(t, i, 4)
					}
				}
			}
			i += size
		}
	}
	return n, sample
}

// runesBefore is where in s the k runes before byte i start (0 when there
// are fewer).
func runesBefore(s string, i, k int) int {
	for range k {
		if i == 0 {
			break
		}
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return i
}

// runesAfter is where in s the k runes from byte i end (len(s) when there
// are fewer).
func runesAfter(s string, i, k int) int {
	for range k {
		if i == len(s) {
			break
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// runeContext is up to k runes either side of byte i of s, and the rune at i.
func runeContext(s string, i, k int) string {
	return trimSpace(s[runesBefore(s, i, k):runesAfter(s, i, k+1)])
}

// doubledText finds a text in which every run is written twice over
// ("一、总体情况一、总体情况", "行政许可行政许可356356": a Word file made from a
// PDF by a converter that kept each text box and its copy): three of the
// section headings doubled, and it returns one of them; "" otherwise. Such a
// text's digits are doubled too (356356 for 356), so its tables cannot be
// read.
func doubledText(lines []Line) string {
	found, first := 0, ""
	for _, sec := range Sections[:4] {
		hh := sec.Heading + sec.Heading
		for _, l := range lines {
			if len(l.Text) >= len(hh) && hasText(l.Text, hh) {
				found++
				if first == "" {
					first = hh
				}
				break
			}
		}
		if found == 0 && sec.Key == "2" {
			return "" // neither 一、 nor 二、 doubled: most texts stop here
		}
	}
	if found >= 3 {
		return first
	}
	return ""
}

// framed says most of a text's lines are text boxes' paragraphs, many of
// them: a page laid out in frames, whose reading order is not the page's.
func framed(lines []Line) bool {
	n, boxes := 0, 0
	for _, l := range lines {
		if trimSpace(l.Text) == "" {
			continue
		}
		n++
		if l.Framed {
			boxes++
		}
	}
	return boxes >= 20 && 2*boxes >= n
}

// unreadTables sets the three tables aside as unreadable, with one finding
// each (said by why) instead of what was said about their rows.
func (p *parser) unreadTables(why func(table string) string) {
	r := p.r
	r.Proactive = Proactive{}
	r.Applications = NewReport(r.Format).Applications
	r.Appeals = Appeals{}
	// what was said about the tables' rows is moot: one finding a table
	r.Meta.Parse = slices.DeleteFunc(r.Meta.Parse, func(f Finding) bool {
		return strings.HasPrefix(f.Cell, "proactive") || strings.HasPrefix(f.Cell, "applications") || strings.HasPrefix(f.Cell, "appeals")
	})
	for _, key := range []string{"2", "3", "4"} {
		r.Meta.Tables[key], r.Meta.Unreadable[key] = false, true
		p.warn("PARSE.TABLE", tableKeys[key], 0, "%s", why(tableNames[key]))
	}
}

// footerRe is a page number printed in a footer: "-1-", "— 2 —", "--- 2 ---"
// (pandoc's Markdown for "— 2 —"), "— —" (a converter that lost the page
// number field), "— PAGE 5 —" (one that printed the field's code: catdoc),
// "第 3 页 共 9 页", "3/9".
var footerRe = regexp.MustCompile(`^[\s\f\x{3000}\x{a0}]*(?:[-—–－~−]{1,3}[\s\x{3000}\x{a0}]*(?:PAGE[\s\x{3000}\x{a0}]*)?[0-9０-９]{1,3}[\s\x{3000}\x{a0}]*[-—–－~−]{1,3}|—[\s\x{3000}\x{a0}]+—|第[\s\x{3000}\x{a0}]*[0-9０-９]{1,3}[\s\x{3000}\x{a0}]*页(?:[\s\x{3000}\x{a0}]*[，,/]?[\s\x{3000}\x{a0}]*共[\s\x{3000}\x{a0}]*[0-9０-９]{1,3}[\s\x{3000}\x{a0}]*页)?|[0-9]{1,3}[\s\x{3000}\x{a0}]*/[\s\x{3000}\x{a0}]*[0-9]{1,3})[\s\f\x{3000}\x{a0}]*$`) // a Word footer's spaces may be wide or no-break: "—　3　—"

// dropFooters blanks the page numbers and form feeds that pdftotext leaves
// between a table's rows (a "-1-" line would otherwise read as numbers).
// maybeFooter is false for a line footerRe cannot match: a footer starts,
// after white space, with a dash, 第 or a digit (most lines are prose).
func maybeFooter(s string) bool {
	s = strings.TrimLeft(s, " \t\n\f\r\u3000\u00a0")
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '—', '–', '－', '~', '−', '第': // (− U+2212: some PDF fonts' dash)
		return true
	}
	return r >= '0' && r <= '9'
}

// marksAmongCells says lines[i], a footer's dashes without a number ("— —",
// a page number field a converter lost), is two cells written — instead:
// pdftotext's default text puts a cell to a line and two on one where they
// stand close, so next to a cell alone on its line the dashes are a row's —
// at a page's end (the next line starting a page) only after a mark alone
// (a row of marks that the page ends, not a footer after a count).
func marksAmongCells(lines []Line, i int) bool {
	if strings.ContainsFunc(lines[i].Text, isDigit) || strings.ContainsRune(lines[i].Text, '\f') {
		return false
	}
	near := func(k int) (cell, page bool) {
		if k < 0 || k >= len(lines) {
			return false, true
		}
		return oneCellLine(lines[k]), strings.ContainsRune(lines[k].Text, '\f')
	}
	prev, next := i-1, i+1
	for prev >= 0 && lines[prev].Fields == nil && trimSpace(lines[prev].Text) == "" {
		prev--
	}
	for next < len(lines) && lines[next].Fields == nil && trimSpace(lines[next].Text) == "" {
		next++
	}
	before, _ := near(prev)
	after, page := near(next)
	if page {
		return before && isPlaceholder(trimSpace(lines[prev].Text))
	}
	return before || after
}

func dropFooters(lines []Line) []Line {
	lines = dropDoubledHeadings(lines)
	var pages []int // the lines that start a page (a form feed in them)
	text := false   // a line with text came before (a table's row is one)
	for i := range lines {
		l := &lines[i]
		if l.Fields != nil {
			text = true
			continue
		}
		if strings.ContainsRune(l.Text, '\f') {
			l.Text = strings.ReplaceAll(l.Text, "\f", "")
			l.Break = true
			pages = append(pages, i)
		}
		printed := printedPage(l.Text)
		if printed && !text && printedDateRe.MatchString(strings.TrimLeft(l.Text, " \t\u3000")) {
			// the first page's: the page's title after the date is kept
			// (a portal's page printed, its title line crowded by the
			// portal's side column, has the title whole only here)
			l.Text = printedDateRe.ReplaceAllString(strings.TrimLeft(l.Text, " \t\u3000"), "")
			text = true
			continue
		}
		text = text || trimSpace(l.Text) != ""
		if printed && moreRunes(l.Text, segmentMin) {
			// a page run into one line that starts with the printed
			// date: the date goes, the page stays
			l.Text = printedDateRe.ReplaceAllString(strings.TrimLeft(l.Text, " \t\u3000"), "")
			continue
		}
		if maybeFooter(l.Text) && footerRe.MatchString(l.Text) && !marksAmongCells(lines, i) || printed || barePageNumber(lines, i) {
			l.Text = ""
			l.Break = true
		}
	}
	if len(pages) > 0 {
		dropRunningHeads(lines, pages)
		for _, k := range barePageEnds(lines, pages) {
			lines[k].Text = "" // in a table they joined a row's numbers ("19.41" / "2": 表二's fee)
		}
	}
	return lines
}

// dropDoubledHeadings drops a heading or a row's label printed twice, one
// line after the other (a virtual printer's bold: two strings one over the
// other, which pdftotext -raw prints as two lines). lines is left as it is:
// a new slice holds the lines without them, when there are any.
func dropDoubledHeadings(lines []Line) []Line {
	var out []Line
	prev := -1 // the last line with text
	for i, l := range lines {
		t := trimSpace(l.Text)
		if l.Fields == nil && t != "" && prev >= 0 && lines[prev].Fields == nil && !strings.ContainsRune(l.Text, '\f') &&
			trimSpace(lines[prev].Text) == t && itemNumbered(t) && hasHan(t) {
			if out == nil {
				out = slices.Clone(lines[:i])
			}
			continue
		}
		if l.Fields != nil || t != "" {
			prev = i
		}
		if out != nil {
			out = append(out, l)
		}
	}
	if out == nil {
		return lines
	}
	return out
}

// dropRunningHeads blanks a PDF's running head: the line a page starts
// with (pages: the lines with its form feed), when it is the document's
// first line (the title, printed again at the top of each page) or starts
// half the pages or more (two at least) and is no section's heading. In a table it broke a row's cells apart; in the text,
// its sentence.
func dropRunningHeads(lines []Line, pages []int) {
	first, firstAt := "", 0
	for i, l := range lines {
		if t := trimSpace(l.Text); t != "" {
			first, firstAt = t, i
			break
		}
	}
	heads := make([]int, 0, len(pages)) // the first line with text of each page
	count := map[string]int{}
	for _, i := range pages {
		for k := i; k < len(lines) && k < i+3; k++ {
			if t := trimSpace(lines[k].Text); t != "" {
				if lines[k].Fields == nil && moreRunes(t, 3) && hasHan(t) {
					heads = append(heads, k)
					count[t]++
				}
				break
			}
		}
	}
	for _, k := range heads {
		// (a line that starts half the pages or more, and no section's
		// heading: in a compilation of reports laid out alike, 三、收到和处理…
		// starts a page of each)
		if t := trimSpace(lines[k].Text); k > firstAt && (t == first || count[t] >= 2 && 2*count[t] >= len(pages) && headingKey(t) == "") {
			lines[k].Text = ""
			lines[k].Break = true
		}
	}
}

// barePageNumber says line i is a page number without dashes, as pdftotext
// -layout prints a centred or right-aligned one: a number of one to three
// digits alone on its line, set in by 8 spaces or more, the page's last
// text: before the form feed, on the next line or the one after a blank
// (the text above may end at the page's foot: a heading right above it).
// Left in a sentence broken by the page, it joined its words
// ("收到政府⏎⏎                3⏎\f信息公开申请": 政府3信息).
func barePageNumber(lines []Line, i int) bool {
	t := lines[i].Text
	if len(t) < 9 || t[0] != ' ' || i == 0 || i+1 >= len(lines) || lines[i-1].Fields != nil {
		return false
	}
	n := len(t) - len(strings.TrimLeft(t, " "))
	d := strings.TrimRight(t[n:], " ")
	if n < 8 || d == "" || len(d) > 3 || !allASCIIDigits(d) {
		return false
	}
	next := lines[i+1].Text
	if trimSpace(next) == "" && !strings.ContainsRune(next, '\f') && i+2 < len(lines) {
		next = lines[i+2].Text
	}
	return strings.HasPrefix(strings.TrimLeft(next, " "), "\f")
}

// printedPage says a line is what a browser prints at the top and foot of a
// page saved as PDF: the date and time, then the page's title ("11/30/26,
// 7:40 PM  示例局…年度报告", "2026/11/30 19:40 …"), and the address, then the
// page's number of the pages ("file:///…/report.html  2/3",
// "https://www.example.gov.cn/…  1 of 5", "… 第 1 页，共 5 页"). In a table they fall between two
// rows, whose numbers the page number would otherwise join.
func printedPage(s string) bool {
	t := strings.TrimLeft(s, " \t\u3000")
	if t == "" {
		return false
	}
	if strings.IndexByte(t, ':') < 0 {
		return false // (both have one: the time's, the address's)
	}
	if rest, ok := strings.CutPrefix(t, "\ufb01"); ok {
		t = "fi" + rest // "ﬁle://": a PDF's fi ligature, as its text gives it
	}
	switch {
	case t[0] >= '0' && t[0] <= '9':
		return printedDateRe.MatchString(t)
	case t[0] == 'f' || t[0] == 'h':
		return printedAddressRe.MatchString(t)
	}
	return false
}

var (
	printedDateRe    = regexp.MustCompile(`^\d{1,4}[/-]\d{1,2}[/-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?(?:\s|$)`)
	addressOnlyRe    = regexp.MustCompile(`^(?:file|https?)://\S+$`)
	printedAddressRe = regexp.MustCompile(`^(?:file|https?)://\S*\s+(?:\d{1,3}\s*/\s*\d{1,3}|\d{1,3}\s+of\s+\d{1,3}|第\s*\d{1,3}\s*页(?:[，,]?\s*共\s*\d{1,3}\s*页)?)\s*$`)
)

type parser struct {
	lines []Line
	r     *Report
	// cutAt is the first line left out of a section longer than
	// maxRegionBytes (boundRegion), 0 when none was: said once, at the end
	cutAt int
	// rest are the lines of each report after the first (a compilation),
	// cut off by firstReport: ReadAll reads them next
	rest  [][]Line
	heads map[string]int // section key → index into lines
	// attached are the tables printed after the report's text (附表1 …)
	// instead of in their sections, by section key; attachedAt is where
	// they start (the last section's text ends there)
	attached   map[string]lineSpan
	attachedAt int
	// dropped3 is 表三's first line of numbers under a label that matched
	// no row, for droppedNumbers
	dropped3 droppedLine
	// blanks3 are 表三's rows left with blanks whose places are not known,
	// for readBlankTotals
	blanks3 blanksLeft
	// upRows: 表三 rows read from numbers right after their labels, whose
	// row above, its label right before, read none (swapUp)
	upRows []upRow
	// missing3 are the rows of 表三 whose labels were not found, by the
	// format's order (missingRows)
	missing3 []bool
	// midway is groupsMidway's answer once asked (solveT3 asks it of each
	// run, settleGluedSums once more)
	midway struct{ known, is bool }
	// garbled is brokenMap's answer once asked
	garbled struct{ known, is bool }
	// regions are region's answers by section number once the headings
	// and attachments are known (it is asked often; the headings are a map)
	regions [7]struct { // by section number, 1 to 6
		lineSpan
		ok bool
	}
	regionsFixed bool
	// measure is how 表三's space-aligned rows line up their columns, when
	// they tell: the same converter laid out 表四
	measure measure
	// t2Wide: 表二's rows placed under their headings otherwise by display
	// width than by characters, settled once 表三 shows the measure
	// (settleT2Width)
	t2Wide []t2WideRow
	// wideEdge: 表三's rows with blanks placed under its headings in a
	// text browser's dump (placeByWideHeader), at their columns' left
	// edges (1), middles (2) or right edges (3); 0: not so
	wideEdge int
	// laidOne: 表三's rows whose numbers joinCellLines took from one line
	// after their label's (a wrapped label's middle line in pdftotext
	// -layout, its last in -raw), by the row's line number: that line as
	// it stood (ownNumbers)
	laidOne map[int]string
	// byteCut: 表三's lines hold stray bytes (U+FFFD) — a table set out by
	// bytes, not characters (html2text), whose columns do not line up
	// from row to row — or OCR's rules between its words (ocrRule): no
	// number is placed by where it stands
	byteCut bool
	// t2Waited: 表二's rows read from numbers a cell to a line that came
	// after other words, not after the row's own label: numbers given to
	// the label that waited for them (unreadT2Shared takes them back in a
	// report that leaves cells blank)
	t2Waited []int
	// t4Blanks: 表四 read fewer digits than its cells, each count as
	// written: the report leaves cells blank (as t3Blanks for 表三)
	t4Blanks bool
	// ocrRuled: 表三's lines show OCR's rules (ocrRule): OCR loses digits
	// (a 7 of a row's eight numbers), so a row short of numbers is no
	// proof of blank cells, and no error is claimed from where its blanks
	// may be
	ocrRuled bool
	// ocrLayer: a PDF's text is the layer OCR laid over its scanned pages
	// (Line.OCRLayer): its places are the page's, but OCR loses digits,
	// so as in ocrRuled text no row short of numbers is an error
	ocrLayer bool
	// slotStride: the lines a cell of 表三 read by its places (slotRows),
	// 0 when it was not: the text's layout, known for 表二 and 表四 after
	// it (joinCellLines reads 表三 first)
	slotStride int
	// runsKnown: whether the text caps its runs of empty lines (cappedRuns):
	// 0 not asked yet, 1 yes, -1 no
	runsKnown int
	// t3Staired: 表三's rows of fields stand further right row after row
	// (stairedFields): a field's place says nothing of its column
	t3Staired bool
	// ocrKnown: whether the whole text shows OCR's rules (ocrText): 0 not
	// asked yet, 1 yes, -1 no
	ocrKnown int
	// t3Blanks: 表三 shows that the report leaves cells blank (leavesBlanks),
	// as blanky but for what 表二 showed
	t3Blanks bool
	// t2Shared: pairs of 表二's rows of one group, the first read from
	// numbers a cell to a line that may hold some of the second's
	// (unreadT2Shared)
	t2Shared [][2]int
	// blanky: the report leaves cells blank (a row of 表二 or 表三 has
	// digits, fewer than its cells), so digits run together elsewhere may
	// hide blank cells too
	blanky bool
	// strays are 表三's rows whose runs of digits were left unread holding
	// more than a row's (several rows' digits run together, their labels
	// elsewhere), and tails the rows whose line has digits glued after the
	// browser's address at a page's foot: the rows beside them that read no
	// number are not known blank (strayUnread)
	strays, tails []stray
	// gluedSums are the T3.ROWSUM findings of 表三's glued rows that no
	// reading makes add up, said once the table is read (settleGluedSums)
	gluedSums []Finding
	// severalRuns are 表三's runs of glued digits that cut into several
	// rows, each adding up, but not into the one row they follow (solveT3):
	// spreadSeveralRows gives them to that row and its neighbours
	severalRuns []severalRun
	// t4InColumns: 表四's numbers, fewer than its cells, sit centred one
	// under each of fifteen column headings in our PDF reader's text, but
	// its blocks do not add up placed so (placeByT4Header): they are its
	// cells, unplaced; the places, by heading
	t4InColumns []string
	// inCells: the cells of 表三's rows with blanks whose numbers stand one
	// to a column (t3Line.inColumns) as they stand there (the page's seven
	// columns, or 表三's headings), by row key; none where which columns is
	// not known (kept here, not in each t3Line: most reports have none)
	inCells map[string][]string
	// rowsKept: most of 表三's rows hold their numbers on one line
	// (rowsOnLines): a text that keeps a printed row's cells on a line
	rowsKept bool
	// t3Rows and t3Seen: 表三's rows and which of them had a label read,
	// as parseT3 left them before placing rows (blankT3)
	t3Rows []T3Row
	t3Seen []bool
	// t4Laid: 表四's numbers, fewer than fifteen, are all one line holds in
	// a text that keeps a printed row on a line (t4LaidWhole), under
	// headings that name all three 总计: they are all its cells (parseT4)
	t4Laid bool
	// dashMark: the dash a report's tables write for 0 where it stands
	// alone ("—" or "——"; "" for neither or both), asked once (dashMarkOnce)
	dashMark     string
	dashMarkDone bool
	dashSure     bool // dashMark shown alone or by a run of odd length, not guessed from even runs
	// t2Glued are 表二's rows read by the only cut of their digits into
	// cells that would also read as fewer numbers (165: 1 6 5, or 16 and
	// 5 with a blank): unread once the report is known to leave blanks
	t2Glued []t2Glued
	// subtotals: 表三's header has a 小计 column (not the national
	// format's), so a row's glued digits hold eight numbers, not seven
	subtotals bool
}

// t2Glued is a row of 表二 read from digits run together (p.t2Glued).
type t2Glued struct {
	it   T2Item
	line int
	read string
}

func (p *parser) warn(rule, cell string, line int, format string, args ...any) {
	sev := SevWarning
	if x := RuleByID(rule); x != nil {
		sev = x.Severity
	}
	p.r.Meta.Parse = append(p.r.Meta.Parse, Finding{Rule: rule, Severity: sev, Cell: cell, Line: line, Message: fmt.Sprintf(format, args...)})
}

// paraText is the text of a line read as prose: a one-cell table row (layout
// tables on government sites) is a paragraph too.
func paraText(l Line) string {
	if l.Fields == nil {
		return trimSpace(l.Text)
	}
	one, n := "", 0 // the only field with text, if only one has any
	for _, f := range l.Fields {
		if t := trimSpace(f); t != "" {
			one, n = t, n+1
		}
	}
	if n == 1 {
		return one
	}
	return trimSpace(l.Text)
}

var sectionNumerals = map[string]string{"1": "一", "2": "二", "3": "三", "4": "四", "5": "五", "6": "六"}

func headingKey(text string) string { return headingKeyOf(text, true) }

// headingKeyOf is headingKey, with the too common LineKeywords (其他, 不足)
// only when lineWords.
func headingKeyOf(text string, lineWords bool) string {
	t := trimSpace(text)
	if strings.HasPrefix(t, "【") || strings.HasPrefix(t, "（") || strings.HasPrefix(t, "(") {
		if k := bracketedSection(t); k != "" {
			return k
		}
	}
	// a heading starts with its numeral 一 … 六: most lines do not
	switch r, _ := utf8.DecodeRuneInString(t); r {
	case '一', '二', '三', '四', '五', '六':
	default:
		return ""
	}
	if moreRunes(t, 80) {
		return ""
	}
	// the number, then a space where 、 would be ("一 总体情况": Word's tab
	// after an automatic number, read as a space)
	if _, n := utf8.DecodeRuneInString(t); strings.HasPrefix(t[n:], " ") || strings.HasPrefix(t[n:], "\u3000") {
		t = t[:n] + "、" + strings.TrimLeft(t[n:], " \u3000")
	}
	// a letter-spaced heading (pdftotext of a justified line, a page that
	// spaces its headings out: "三、收 到 和 处 理 …") reads without its spaces
	if hasAnyRune(t, " \u3000") {
		t = withoutSpaces(t)
	}
	if moreRunes(t, 40) {
		return ""
	}
	for i, s := range Sections {
		num := sectionNumerals[s.Key]
		rest, ok := strings.CutPrefix(t, num)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, " \u3000")
		sep := false
		for _, x := range []string{"、", "，", ".", "．", ",", " "} {
			if strings.HasPrefix(rest, x) {
				sep = true
				break
			}
		}
		if !sep {
			// the 、 lost but the template's words right after the
			// numeral: "三收到和处理政府信息公开申请情况"
			if strings.HasPrefix(rest, sectionHeads[i].words) {
				return s.Key
			}
			continue
		}
		for _, ks := range [2][]string{s.Keywords, s.LineKeywords} {
			for _, k := range ks {
				if hasText(rest, k) {
					return s.Key
				}
			}
			if !lineWords {
				break
			}
		}
	}
	return ""
}

// bracketedSection is the section a heading numbered in brackets names —
// "【三】收到和处理政府信息公开申请情况", "（3）收到和处理…" — when the template's
// heading words follow the number exactly ("（一）主动公开情况" is a part of
// section 一, not section 一: its words are not the template's).
func bracketedSection(t string) string {
	for _, s := range sectionHeads {
		for _, pre := range s.pres {
			if rest, ok := strings.CutPrefix(t, pre); ok && strings.HasPrefix(strings.TrimLeft(rest, " \u3000"), s.words) {
				return s.key
			}
		}
	}
	return ""
}

// sectionHeads are Sections' headings in pieces, made once: the heading
// tests ask them of nearly every line.
var sectionHeads = func() (hs []sectionHead) {
	for _, s := range Sections {
		num := sectionNumerals[s.Key]
		hs = append(hs, sectionHead{s.Key, strings.TrimPrefix(s.Heading, num+"、"),
			[4]string{"【" + num + "】", "【" + s.Key + "】", "（" + s.Key + "）", "(" + s.Key + ")"}})
	}
	return hs
}()

type sectionHead struct {
	key   string
	words string    // the heading without its numeral (总体情况)
	pres  [4]string // the bracketed numberings before the words (【一】, （1）)
}

// tablesFormat is the format the text of the 表二 and 表三 regions shows by
// its words, "" when they show none.
func tablesFormat(t2, t3 string) Format {
	headers2019 := hasText(t2, "本年新制作数量") || hasText(t2, "上一年项目数量") || hasText(t2, "对外公开总数量")
	headers2021 := hasText(t2, "本年制发件数") || hasText(t2, "现行有效件数")
	switch {
	case headers2019:
		return Format2019
	case headers2021:
		// a 2021 table that kept the trial format's 政府集中采购 row is still 2021's
		return Format2021
	case hasText(t2, "政府集中采购"):
		return Format2019
	}
	// pieces of the headings, some of whose characters an OCR misread
	// (果年新制作数量, 上一年维目数量): the format whose pieces are more
	pieces2019, pieces2021 := piecesIn(t2, headingPieces2019), piecesIn(t2, headingPieces2021)
	if pieces2019 == pieces2021 {
		// shorter pieces still, when an OCR lost a character of every
		// heading (本年新制数量, 一年目数量, 本增/减, 政集中采购)
		pieces2019, pieces2021 = piecesIn(t2, shortPieces2019), piecesIn(t2, shortPieces2021)
	}
	switch {
	case pieces2019 > pieces2021:
		return Format2019
	case pieces2021 > pieces2019:
		return Format2021
	case hasText(t3, "逾期不补正") || hasText(t3, "未按收费通知"):
		return Format2021
	}
	return ""
}

// piecesIn counts the pieces t holds.
func piecesIn(t string, pieces []string) int {
	n := 0
	for _, w := range pieces {
		if hasText(t, w) {
			n++
		}
	}
	return n
}

// shortPieces2019 and shortPieces2021 are two or three characters of 表二's
// column headings and rows that only the one format has.
var (
	shortPieces2019 = []string{"增/减", "项目数", "目数量", "采购", "对外管理", "新制", "新公开", "总数量"}
	shortPieces2021 = []string{"制发", "废止", "有效件", "收费金"}
)

// headingPieces2019 and headingPieces2021 are pieces of 表二's column
// headings that only the one format has.
var (
	headingPieces2019 = []string{"新制作数量", "新公开数量", "公开总数量", "本年增/减", "一年项目数量"}
	headingPieces2021 = []string{"制发件数", "废止件数", "有效件数", "收费金额"}
)

// withoutSpaces is s without its ASCII and ideographic spaces (a heading
// spaced out letter by letter).
func withoutSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}

// otherNumbering reads a heading numbered as some reports number their six
// sections — （一）总体情况, 第一部分 总体情况 — as headingKey would the
// usual 一、总体情况; only the section keywords count (（六）其他处理 is a
// row of 表三, not section 六).
func otherNumbering(text string) string {
	t := trimSpace(text)
	var rest string
	switch {
	case strings.HasPrefix(t, "（") || strings.HasPrefix(t, "("):
		_, n := utf8.DecodeRuneInString(t)
		in := strings.TrimLeft(t[n:], " \u3000") // "（ 一 ）": an OCR's spaces
		num, size := utf8.DecodeRuneInString(in)
		after := strings.TrimLeft(in[size:], " \u3000")
		if !strings.ContainsRune("一二三四五六", num) || !(strings.HasPrefix(after, "）") || strings.HasPrefix(after, ")")) {
			return ""
		}
		_, m := utf8.DecodeRuneInString(after)
		rest = string(num) + "、" + after[m:]
	case strings.HasPrefix(t, "第"):
		if !moreRunes(t, 40) {
			t = withoutSpaces(t) // "第 一 部 分  总 体 情 况": an OCR's spaces
		}
		num, size := utf8.DecodeRuneInString(t[len("第"):])
		after := strings.TrimLeft(t[len("第")+size:], " \u3000")
		word := ""
		for _, w := range []string{"部分", "章", "节"} {
			if strings.HasPrefix(after, w) {
				word = w
			}
		}
		if !strings.ContainsRune("一二三四五六", num) || word == "" {
			return ""
		}
		rest = string(num) + "、" + strings.TrimLeft(strings.TrimPrefix(after[len(word):], "："), " \u3000")
	default:
		num, after, ok := romanNumber(t)
		if !ok {
			return ""
		}
		rest = num + "、" + after
	}
	return headingKeyOf(rest, false)
}

// romanNumber reads a heading's Roman number, one to six (Ⅰ、 Ⅱ. ⅲ． or in
// Latin letters II、), as its Chinese numeral and the words after its
// separator.
func romanNumber(t string) (num, after string, ok bool) {
	r, n := utf8.DecodeRuneInString(t)
	v := -1
	switch {
	case r >= 'Ⅰ' && r <= 'Ⅵ':
		v = int(r - 'Ⅰ')
	case r >= 'ⅰ' && r <= 'ⅵ':
		v = int(r - 'ⅰ')
	default:
		n = 0
		for i, w := range latinRoman { // the longest that starts t: VI, not V
			if len(w) > n && strings.HasPrefix(t, w) {
				v, n = i, len(w)
			}
		}
	}
	if v < 0 {
		return "", "", false
	}
	rest := strings.TrimLeft(t[n:], " \u3000")
	for _, sep := range []string{"、", "．", ".", "，"} {
		if a, cut := strings.CutPrefix(rest, sep); cut {
			rest = a
			break
		}
	}
	if len(rest) == len(t[n:]) {
		return "", "", false // no separator nor space: a word
	}
	return sectionNumerals[string(rune('1'+v))], strings.TrimLeft(rest, " \u3000"), true
}

// latinRoman are one to six in Latin letters, as headings number sections.
var latinRoman = []string{"I", "II", "III", "IV", "V", "VI"}

// headingsInOrder is the lines that key names a section of, each of a
// section after the one before.
func (p *parser) headingsInOrder(key func(string) string) []headAt {
	var out []headAt
	for i, l := range p.lines {
		if l.Fields != nil && !oneCell(l) {
			continue
		}
		if k := key(paraText(l)); k != "" && (len(out) == 0 || k > out[len(out)-1].k) {
			out = append(out, headAt{i, k})
		}
	}
	return out
}

// arabicHeading is the section a heading numbered in Arabic digits names
// ("1.总体情况", "3、收到和处理政府信息公开申请情况"), as headingKey reads
// 一、总体情况; "" for any other line.
func arabicHeading(text string) string {
	t := trimSpace(text)
	if t == "" || moreRunes(t, 40) {
		return ""
	}
	d := t[0]
	if d < '1' || d > '6' || len(t) < 2 || t[1] >= '0' && t[1] <= '9' {
		return ""
	}
	rest := strings.TrimLeft(t[1:], " \u3000")
	for _, sep := range []string{"、", "．", ".", " "} {
		if after, ok := strings.CutPrefix(rest, sep); ok {
			return headingKeyOf(sectionNumerals[string(d)]+"、"+strings.TrimLeft(after, " \u3000"), false)
		}
	}
	return ""
}

// bareGaps finds, once three headings without numbers are known, the ones
// between them worded otherwise ("存在的主要问题和改进措施"): between the
// headings found before and after it, the first short line of no sentence
// that has one of the section's keywords.
func (p *parser) bareGaps(bare []headAt) []headAt {
	out := make([]headAt, 0, len(Sections))
	k := 0 // bare[k] is the next heading found
	for _, s := range Sections {
		if k < len(bare) && bare[k].k == s.Key {
			out = append(out, bare[k])
			k++
			continue
		}
		if len(out) == 0 {
			continue // before the first heading: the title and the preface
		}
		lo, hi := out[len(out)-1].i+1, len(p.lines)
		if k < len(bare) {
			hi = bare[k].i
		}
		for i := lo; i < hi; i++ {
			l := p.lines[i]
			if l.Fields != nil && !oneCell(l) {
				continue
			}
			t := paraText(l)
			if t == "" || moreRunes(t, 24) || hasAnyRune(t, "。；;，,") {
				continue
			}
			if slices.ContainsFunc(s.Keywords, func(w string) bool { return hasText(t, w) }) {
				out = append(out, headAt{i, s.Key})
				break
			}
		}
	}
	return out
}

// bareHeading is the section a line names with its heading's words alone,
// without its number ("总体情况", "收到和处理政府信息公开申请情况"): the
// whole line, spaces aside, the template's words or, for a long heading,
// the words without their last (情况, 事项).
func bareHeading(text string) string {
	if moreRunes(text, 40) {
		return ""
	}
	t := withoutSpaces(text)
	for _, s := range sectionHeads {
		if t == s.words {
			return s.key
		}
		for _, last := range []string{"情况", "事项"} {
			if short, ok := strings.CutSuffix(s.words, last); ok && moreRunes(short, 5) && t == short {
				return s.key
			}
		}
	}
	return ""
}

func (p *parser) findHeads() {
	p.r = NewReport(Format2021)
	r := p.r
	r.Meta.Parsed = true
	r.Meta.Lines = make(map[string]int, 64) // a line for every row and section: grown once
	r.Meta.Tables = map[string]bool{}
	r.Meta.Unreadable = map[string]bool{}
	p.heads = map[string]int{}
	found := make([]headAt, 0, 8) // six headings, a few more for a contents list
	for i, l := range p.lines {
		if l.Fields != nil && !oneCell(l) {
			continue
		}
		t := paraText(l)
		k := headingKey(t)
		if k == "" && l.Fields == nil && !l.Segmented && numberedHead(t) && !strings.ContainsFunc(t, isDigit) {
			if j := p.nextNonEmpty(i, 2); j > 0 && p.lines[j].Fields == nil && wrapTail(paraText(p.lines[j])) {
				// a heading wrapped onto the next line ("四、政府信息公开行" /
				// "政复议、行政诉讼情况"), an empty line between them in a
				// double-spaced text: read whole, the next line taken in (not
				// a heading of its own: "四、结转下年度继续办理 0 … 1" then "四
				// 政府信息公开行政复议…" numbered with a space)
				if k = headingKey(t + paraText(p.lines[j])); k != "" {
					p.lines[i].Text, p.lines[j].Text = t+paraText(p.lines[j]), ""
				}
			}
		}
		if k == "" && l.Fields == nil && !l.Segmented && strings.Contains(t, "      ") {
			if head, ok := besideSide(t); ok {
				// a heading beside a side column's words (pdftotext -layout
				// of a portal page's print: 规划计划 … 一、总体情况, or
				// 一、总体情况 … 2024-07-13): the heading alone
				if k = headingKey(head); k != "" {
					p.lines[i].Text = head
				}
			}
		}
		if k != "" {
			found = append(found, headAt{i, k})
		}
	}
	found = p.misreadHeads(found)
	if len(found) == 0 {
		// no section numbered 一、 … 六、: perhaps numbered another way
		for i, l := range p.lines {
			if l.Fields != nil && !oneCell(l) {
				continue
			}
			if k := otherNumbering(paraText(l)); k != "" {
				found = append(found, headAt{i, k})
			}
		}
	}
	if len(found) == 0 {
		// numbered 1. 2. … (or 1、): three of them at least, each its own
		// section's number, so that a list in the text is not taken
		if arabic := p.headingsInOrder(arabicHeading); len(arabic) >= 3 {
			found = arabic
		}
	}
	if len(found) == 0 {
		// no numbers at all: Word's automatic numbering, lost with the
		// list (a DOC, an ODT, a converter), leaves the headings' words
		// alone on their lines; three of them in order make the sections
		if bare := p.headingsInOrder(bareHeading); len(bare) >= 3 {
			bare = p.bareGaps(bare)
			found = bare
			p.warn("PARSE.READ", "sections", p.lines[bare[0].i].No, "各部分的标题没有“一、”“二、”等编号（Word 的自动编号在另存或转换时丢失会如此），已按标题的文字认出 %d 个部分", len(bare))
		}
	}
	toc := p.contentsList(found)
	found = p.firstReport(found, toc)
	for n, h := range found {
		if _, dup := p.heads[h.k]; dup || toc[h.i] {
			continue
		}
		if h.k == "1" && n+1 < len(found) && found[n+1].k == "1" {
			// 一、 found again before any other heading: a page's link or
			// caption ("一、总体情况说明" in its sidebar) before the report's
			// title; the section starts at the last one
			continue
		}
		p.heads[h.k] = h.i
		r.Meta.Order = append(r.Meta.Order, h.k)
	}
}

// misreadHeads adds to found (the headings read, in the lines' order) the
// sections whose heading has a character misread or lost (an OCR's 三、收到
// 和总理政府息息公开申请情况, a dropped glyph's 二、主动公政府信息情况), none of
// whose words is left whole: a line of its own, its numeral and a 、 (or its
// like) followed by the template's words within a quarter of them, between
// the headings of the sections before and after it. The numeral itself may
// be misread (布、主部公开政府信息情况) between two headings read, or before
// the first or after the last when the words are the template's exactly
// (or but one character of eight or more: 大、其他需要报告的事务).
// Each is said (PARSE.READ).
func (p *parser) misreadHeads(found []headAt) []headAt {
	var has [7]bool // by section key 1–6
	missing := 6
	for _, h := range found {
		if !has[h.key()] {
			has[h.key()] = true
			missing--
		}
	}
	if missing == 0 {
		return found
	}
	if len(found) == 0 {
		// none read: three or more misread headings with their own
		// numerals, in order, bound the search for the rest
		var own []headAt
		var says []Finding
		for _, sh := range sectionHeads {
			for i := range p.lines {
				if said, ok := p.misreadAt(i, sh, true, false); ok {
					if len(own) == 0 || own[len(own)-1].i < i {
						own = append(own, headAt{i, sh.key})
						says = append(says, said)
					}
					break
				}
			}
		}
		if len(own) < 3 {
			return found
		}
		found = own
		for n, f := range says {
			has[own[n].key()] = true
			p.r.Meta.Parse = append(p.r.Meta.Parse, f)
		}
	}
	// a heading found bounds the search for the others: again until none is
	for more := true; more; {
		more = false
		for _, sh := range sectionHeads {
			if k := sh.key[0] - '0'; !has[k] {
				if i, said, ok := p.misreadHead(sh, found); ok {
					at := slices.IndexFunc(found, func(h headAt) bool { return h.i > i })
					if at < 0 {
						at = len(found)
					}
					found = slices.Insert(found, at, headAt{i, sh.key})
					p.r.Meta.Parse = append(p.r.Meta.Parse, said)
					has[k], more = true, true
				}
			}
		}
	}
	return found
}

// misreadHead looks for sh's misread heading between the headings found:
// its line, and the finding that says so.
func (p *parser) misreadHead(sh sectionHead, found []headAt) (int, Finding, bool) {
	lo, hi, bounded := -1, len(p.lines), false
	for _, h := range found {
		switch {
		case h.k < sh.key && h.i > lo:
			lo = h.i
		case h.k > sh.key && h.i < hi:
			hi, bounded = h.i, true
		}
	}
	if lo < 0 && !bounded {
		return 0, Finding{}, false
	}
	for i := lo + 1; i < hi; i++ {
		if said, ok := p.misreadAt(i, sh, lo < 0 || !bounded, true); ok {
			return i, said, true
		}
	}
	return 0, Finding{}, false
}

// misreadAt says line i is sh's heading misread, and the finding that says
// so: its numeral and a 、 (or its like) then sh's words within a quarter of
// them. The numeral may be another Han character, or lost before its 、,
// when others is set; then the words must be exact when open (the line is
// bounded by one heading only).
func (p *parser) misreadAt(i int, sh sectionHead, open, others bool) (Finding, bool) {
	l := p.lines[i]
	if l.Fields != nil && !oneCell(l) {
		return Finding{}, false
	}
	words := utf8.RuneCountInString(sh.words)
	lim := max(1, words/4)
	t := []rune(withoutSpaces(paraText(l))) // (a heading spaced out letter by letter)
	if len(t) < 3 || len(t) > words+lim+2 || slices.ContainsFunc(t, isDigit) {
		return Finding{}, false
	}
	if others && !open && len(t) >= 8 && len(t) < words && strings.HasPrefix(sh.words, string(t)) {
		// its numeral lost and its last characters wrapped onto a line of
		// their own, a blank line between (OCR's 存在的主要问题及改进 / 情，)
		for k := i + 1; k < len(p.lines) && k <= i+2; k++ {
			rest := []rune(withoutSpaces(paraText(p.lines[k])))
			if len(rest) == 0 && k == i+1 {
				continue
			}
			if len(rest) > 0 && len(rest) <= 3 && p.lines[k].Fields == nil {
				t = append(t, rest...)
			}
			break
		}
	}
	// the numeral and its 、, or the 、 alone (the numeral lost); an OCR
	// reads 、 as any mark (` ' ,)
	at := 2
	switch {
	case others && string(t) == sh.words:
		at = 0 // both lost, the words exact on a line of their own (OCR's 其他需要报告的事项)
	case others && !open && words >= 8 && editWithin(strings.TrimRight(string(t), ";；:：,，.。"), sh.words, 1) <= 1:
		// both lost and one character misread, on a line of its own
		// between two headings read (OCR's 存在的主要问题及改进情;)
		at = 0
	case strings.ContainsRune("、，.．,", t[0]):
		at = 1
	case !unicode.IsPunct(t[1]) && !unicode.IsSymbol(t[1]):
		return Finding{}, false
	}
	d := editWithin(string(t[at:]), sh.words, lim)
	// (a numeral an OCR read as a mark, its 、 and words exact: ，、总体情况)
	markNumeral := others && at == 1 && len(t) > 2 && t[1] == '、' && t[0] != '、' && string(t[2:]) == sh.words
	if markNumeral {
		at, d = 2, 0
	}
	switch own := at == 2 && string(t[0]) == sectionNumerals[sh.key]; {
	case d > lim:
		return Finding{}, false
	case !own && !markNumeral && (!others || at == 2 && !unicode.Is(unicode.Han, t[0])):
		return Finding{}, false
	case !own && open && (d > 1 || d == 1 && words < 8):
		// (one character of eight or more misread too: 大、其他需要报告的事务)
		return Finding{}, false
	}
	num := sectionNumerals[sh.key]
	return Finding{Rule: "PARSE.READ", Severity: SevInfo, Cell: "sections." + sh.key, Line: l.No,
		Message: fmt.Sprintf("原文“%s”与第%s部分的标题“%s、%s”不完全相同（可能有字丢失或识别错误），按该部分的标题读取", string(t), num, num, sh.words)}, true
}

// firstReport cuts the lines where a second report starts, when the file
// holds several (a county's compilation of its departments' reports, a page
// that shows one report twice): its section 一 after the first's 六, with
// two more of its sections after it, and its title just above. Only the
// first is read, and that is said (PARSE.MANY); read together, the others'
// tables and text ran into the first's section 六 and contradicted its own.
// It returns the headings of the first.
func (p *parser) firstReport(found []headAt, toc map[int]bool) []headAt {
	starts := p.reportStarts(found, toc)
	if len(starts) == 0 {
		return found
	}
	n, cut := starts[0][0], starts[0][1]
	others := 1
	for _, x := range found[n+1:] {
		if x.k == "1" && !toc[x.i] {
			others++
		}
	}
	second := trimSpace(paraText(p.lines[cut]))
	if rs := []rune(second); len(rs) > 60 {
		second = string(rs[:60]) + "…"
	}
	at := p.lines[cut].No
	// the others' lines, each report's apart, for ReadAll (cloned: the
	// parser may write past its lines' end)
	for k, st := range starts {
		end := len(p.lines)
		if k+1 < len(starts) {
			end = starts[k+1][1]
		}
		p.rest = append(p.rest, slices.Clone(p.lines[st[1]:end]))
	}
	p.lines = p.lines[:cut]
	p.warn("PARSE.MANY", "sections", at, "文件中第 %d 行起还有 %d 份报告（第一份之后是“%s”）：只审核了第一份；汇编在一个文件中的报告，请分成每份一个文件再审核", at, others, second)
	return found[:n]
}

// reportTitled says a line names a report: …年度报告, …年报, or
// 政府信息公开工作（情况）的报告.
func reportTitled(t string) bool {
	return hasText(t, "年度报告") || hasText(t, "年报") ||
		hasText(t, "政府信息公开") && hasText(t, "报告")
}

// reportStarts finds where each report after the first starts, as the
// index of its 一 in found and the line it starts at (its title, just
// above): a section 一 after a 六, with two more of its sections after it.
func (p *parser) reportStarts(found []headAt, toc map[int]bool) [][2]int {
	var out [][2]int
	six := false
	for n, h := range found {
		if toc[h.i] {
			continue
		}
		if h.k == "6" {
			six = true
			continue
		}
		if !six || h.k != "1" {
			continue
		}
		var after [7]bool // its other sections, up to the next 一
		count := 0
		for _, x := range found[n+1:] {
			if toc[x.i] {
				continue
			}
			if x.k == "1" {
				break
			}
			if k := int(x.k[0] - '0'); len(x.k) == 1 && k >= 2 && k <= 6 && !after[k] {
				after[k] = true
				count++
			}
		}
		if count < 2 {
			continue // a heading quoted, a link under the report
		}
		cut := h.i
		for i := h.i - 1; i > found[n-1].i && i >= h.i-8; i-- { // (n > 0: a 六 came before)
			if t := paraText(p.lines[i]); reportTitled(t) && !moreRunes(t, 80) {
				cut = i
				break
			}
		}
		// a title wraps, and a page's breadcrumb (首页 > … > 年度报告) may
		// print between its lines (pdftotext): the short lines just above
		// without a sentence's marks are the title's too
		for k, i := 0, cut-1; k < 3 && cut < h.i && i > found[n-1].i; i-- {
			t := trimSpace(paraText(p.lines[i]))
			if t == "" {
				continue
			}
			if moreRunes(t, 40) || hasAnyRune(t, "。，；：:,;") || isPageFurniture(t) || !hasText(t, "政府信息公开") && !hasText(t, "年") {
				break
			}
			cut, k = i, k+1
			if p.lines[i].Break {
				break // the page starts with it
			}
		}
		out = append(out, [2]int{n, cut})
		six = false // the next report's 六 first
	}
	return out
}

// contentsList finds a contents list among the headings found (the six
// headings one under another, before the report itself), which is not
// where the sections are: a run of three or more headings in order, with
// nothing but sub-headings and page numbers between them, whose headings
// come again after it. It returns the list's lines.
func (p *parser) contentsList(found []headAt) map[int]bool {
	var toc map[int]bool
	again := 0      // headings found a second time: a list makes three or more
	var last [7]int // by section key 1–6: where it is found last (linear in a file of a million headings)
	for i := range last {
		last[i] = -1
	}
	for i, h := range found {
		if last[h.key()] >= 0 {
			again++
		}
		last[h.key()] = i
	}
	for a := 0; again >= 3 && a < len(found); {
		b := a + 1
		for b < len(found) && found[b].k > found[b-1].k && p.onlyContentsBetween(found[b-1].i, found[b].i) {
			b++
		}
		if b-a >= 3 {
			after := 0 // of the run's headings, found after it
			for _, h := range found[a:b] {
				if last[h.key()] >= b {
					after++
				}
			}
			if after >= 3 {
				if toc == nil {
					toc = map[int]bool{}
				}
				for _, h := range found[a:b] {
					toc[h.i] = true
				}
			}
		}
		a = b
	}
	return toc
}

// headAt is a heading line found: its index and its section's key.
type headAt struct {
	i int
	k string
}

// key is the section's number, 1–6.
func (h headAt) key() int { return int(h.k[0] - '0') }

// onlyContentsBetween says the lines strictly between two heading lines are
// what a contents list holds between its entries: nothing, sub-headings,
// page numbers.
func (p *parser) onlyContentsBetween(i, j int) bool {
	for _, l := range p.lines[i+1 : j] {
		t := trimSpace(paraText(l))
		if t == "" || isSubHeading(withoutLeader(t)) || maybeFooter(t) && (footerRe.MatchString(t) || isNumber(t)) || contentsEntry(t) {
			continue
		}
		return false // prose: most often the first line looked at
	}
	return true
}

// contentsEntry says a line is an entry of a contents list whatever its
// words (a heading misread, 本、存在的主要问题……5): words, a leader of three
// dots or more, a page number.
func contentsEntry(t string) bool {
	d := strings.TrimRight(t, "0123456789 \u3000")
	if len(d) == len(t) {
		return false
	}
	w := strings.TrimRight(d, "…．.·-—_ \u3000")
	return w != "" && utf8.RuneCountInString(d)-utf8.RuneCountInString(w) >= 3
}

// withoutLeader drops a contents entry's dot leader and page number:
// "（一）主动公开情况…………1" is "（一）主动公开情况".
func withoutLeader(t string) string {
	t = strings.TrimRight(t, "0123456789 \u3000")
	return strings.TrimRight(t, "…．.·-—_ \u3000")
}

// numberedHead says t starts as a section heading does: 一 … 六 and a
// separator.
func numberedHead(t string) bool {
	r, n := utf8.DecodeRuneInString(t)
	if !strings.ContainsRune("一二三四五六", r) {
		return false
	}
	rest := strings.TrimLeft(t[n:], " \u3000")
	sep, _ := utf8.DecodeRuneInString(rest)
	// or a space for the 、 ("五 存在的主要", Word's tab after its number)
	return strings.ContainsRune("、，.．,", sep) || len(rest) < len(t)-n && unicode.Is(unicode.Han, sep)
}

// wrapTail says a line may be the rest of a heading wrapped onto it: not a
// heading or numbered line itself (四、…, 4、…, 四 政府信息公开…: the line
// before it, a row of 表三 with its numbers, is no heading's start either).
func wrapTail(s string) bool {
	r, _ := utf8.DecodeRuneInString(trimSpace(s))
	return !numberedHead(s) && headingKey(s) == "" && !isDigit(r)
}

// nextNonEmpty is the first line after i, within the next 'within' lines,
// that is not empty, or -1.
func (p *parser) nextNonEmpty(i, within int) int {
	for j := i + 1; j < len(p.lines) && j <= i+within; j++ {
		if l := p.lines[j]; l.Fields != nil || l.Image || trimSpace(l.Text) != "" {
			return j
		}
	}
	return -1
}

// Identify reads only what a report says it is: the agency and the year
// of its title, from the first 16 KB of a text, Markdown or HTML file (the
// whole of a DOCX or PDF). The auditor groups a directory's reports by it.
func Identify(name string, data []byte) (agency string, year int) {
	if page, ok := mhtmlPage(data); ok {
		data = page
	}
	whole := data
	const head = 16 << 10
	binary := pdfStart(data) >= 0 || bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, docMagic)
	if len(data) > head && !binary {
		cut := bytes.LastIndexByte(data[:head], '\n')
		if cut < head/2 {
			cut = head
			for cut > 0 && !utf8.RuneStart(data[cut]) {
				cut-- // not in the middle of a character
			}
		}
		data = data[:cut]
	}
	var lines []Line
	complete := false // lines holds the whole file, not its head
	if t, err := decodeText(name, data); err == nil && !binary && looksHTML(t) && !textWithTables(t) {
		// a portal page: read up to section 一, no further
		lines = htmlLinesUntil(t, func(ls []Line) bool { return len(ls) > 60 || headingKey(ls[len(ls)-1].Text) != "" })
		for i := range lines { // (Lines folds them)
			if guard.HasHanForm(lines[i].Text) {
				foldLine(&lines[i])
			}
		}
	} else if lines, _, err = Lines(name, data); err != nil {
		if len(data) == len(whole) {
			return "", 0
		}
		lines = nil // the head alone does not read: the whole, below
	} else {
		complete = len(data) == len(whole)
	}
	if wrappedPage(lines) {
		// a page folded at a width: its title runs over lines as Read
		// joins them, the portal's path before it (首页 > …) cut off
		lines = joinWrappedPage(lines)
	}
	p := &parser{r: NewReport(Format2021), lines: lines} // (the lines: brokenMap's)
	p.pickTitle(titleLines(lines))
	if p.r.Agency == "" && p.r.Year == 0 && !complete {
		// no title in the head: read as Read reads it (an RTF whose pictures
		// come first, a page whose pieces pdftohtml placed out of order):
		// rare, and the grouping needs it
		if all, _, err := Lines(name, whole); err == nil {
			lines, complete = all, true
			p.lines, p.garbled = all, struct{ known, is bool }{}
			p.pickTitle(titleLines(all))
		}
	}
	if p.r.Agency == "" && p.r.Year != 0 {
		// a title that names no agency: the signature at the end, or the
		// page's 发布机构 line, as Read finds them (the whole file is read
		// when only its head was: rare, and the grouping needs it)
		all, err := lines, error(nil)
		if !complete {
			all, _, err = Lines(name, whole)
		}
		if err == nil {
			p.lines = all
			p.agencyElsewhere()
		}
	}
	return p.r.Agency, p.r.Year
}

// titleLines are the lines before section 一 that may hold the title: the
// title is among the first lines; a page without line breaks starts with it
// (no need to cut the page into its pieces).
func titleLines(lines []Line) []titleLine {
	var pre []titleLine
	for i, l := range lines {
		t := trimSpace(paraText(l))
		if t == "" {
			continue
		}
		if len(pre) == 0 && printedPage(t) && printedDateRe.MatchString(t) {
			t = printedDateRe.ReplaceAllString(t, "") // the page's title after a browser's date, as dropFooters keeps it
		}
		if moreRunes(t, 120) {
			// a page run into one line: its title is the last that reads
			// as one before section 一 (after a portal's links to other
			// years' reports and its metadata)
			head := t
			if len(head) > 6000 {
				cut := 6000
				for cut > 0 && !utf8.RuneStart(head[cut]) {
					cut--
				}
				head = head[:cut]
			}
			if k := indexText(head, "总体情况"); k > 0 { // its numbering, if any, is a piece of its own
				pre = append(pre, titleLineOf(head[:k]))
				break
			}
			k := 0
			for range 120 {
				_, n := utf8.DecodeRuneInString(head[k:])
				k += n
			}
			t = head[:k]
		}
		if headingKey(t) != "" || len(pre) >= 40 {
			if len(pre) > 0 && headingKey(t) != "" {
				// the end of a wrapped title printed after section 一's
				// heading (pdftotext -layout of a centred title whose second
				// line sits lower than the heading beside it: "…工作年" /
				// "一、总体情况" / "度报告")
				if end := titleEndAfter(lines[i+1:]); end != "" {
					pre = append(pre, titleLineOf(end))
				}
			}
			break
		}
		pre = append(pre, titleLineOf(t))
	}
	return pre
}

// besideSide is a line's text without a side column's words set apart from
// it by six spaces or more: a menu's item before it (a few Chinese
// characters, no digit) or an item's words or date after it (no count
// standing alone); false when the line is not so.
func besideSide(t string) (string, bool) {
	parts := strings.Split(trimSpace(t), "      ")
	var words []string
	for _, p := range parts {
		if p = trimSpace(p); p != "" {
			words = append(words, p)
		}
	}
	if len(words) != 2 {
		return "", false
	}
	first, second := words[0], words[1]
	if !moreRunes(first, 8) && hasHan(first) && !strings.ContainsFunc(first, isDigit) {
		return second, true
	}
	if !slices.ContainsFunc(strings.Fields(second), isNumber) && !moreRunes(second, 20) {
		return first, true
	}
	return "", false
}

// titleEndAfter is the next line with text, when it is a title's end: a
// few characters ending in 报告 or 年报 (度报告, 工作年度报告).
func titleEndAfter(lines []Line) string {
	for _, l := range lines[:min(len(lines), 3)] {
		t := trimSpace(paraText(l))
		if t == "" {
			continue
		}
		if !moreRunes(t, 8) && (strings.HasSuffix(t, "报告") || strings.HasSuffix(t, "年报")) && headingKey(t) == "" {
			return t
		}
		return ""
	}
	return ""
}

// keyValueRows puts back together 表三's rows written as OCR tools may
// transpose them: the row's label (a heading), then a table of the columns'
// names and their values, one to a line (自然人 64 / 商业企业 0 / … / 总计 70).
// Only the seven columns' own names, in order, make such a row; the label's
// line takes the seven numbers, the lines taken in are left empty.
func (p *parser) keyValueRows() {
	for key, sp := range p.tableRegions {
		if key != "3" || !slices.ContainsFunc(p.lines[sp.lo:sp.hi], func(l Line) bool {
			return len(l.Fields) == 2 && hasText(l.Fields[0], T3ColumnLabels[0])
		}) {
			continue // no key-value rows: nearly every table
		}
		label := -1 // the last line of words only
		for i := sp.lo + 1; i < sp.hi; i++ {
			l := p.lines[i]
			if len(l.Fields) != 2 || norm(l.Fields[0]) != norm(T3ColumnLabels[0]) {
				if rc := splitLabel(l, NumCols); l.Fields == nil && hasHan(rc.label) && !rc.ok && len(rc.tokens) == 0 {
					label = i // words only ("1.属于国家秘密": an item number is words too)
				}
				continue
			}
			var cells []string
			var taken []int
			for k := i; k < sp.hi && len(cells) < NumCols; k++ {
				f := p.lines[k].Fields
				if f == nil && trimSpace(p.lines[k].Text) == "" {
					continue
				}
				if len(f) != 2 || norm(f[0]) != norm(T3ColumnLabels[len(cells)]) || !isNumber(trimSpace(f[1])) {
					break
				}
				cells, taken = append(cells, trimSpace(f[1])), append(taken, k)
			}
			if len(cells) != NumCols || label < 0 {
				continue
			}
			fields := append([]string{trimSpace(p.lines[label].Text)}, cells...)
			p.lines[label].Fields, p.lines[label].Text = fields, strings.Join(fields, "\t")
			for _, k := range taken {
				p.lines[k].Fields, p.lines[k].Text = nil, ""
			}
			i, label = taken[len(taken)-1], -1
		}
	}
}

// farRight says a line holds one number and nothing else, set far right (24
// spaces or more before it), as pdftotext -layout writes a cell at its
// column; pdftotext without -layout starts each cell at the line's start.
func farRight(l Line) bool {
	t := l.Text
	n := 0
	for n < len(t) && t[n] == ' ' {
		n++
	}
	return n >= 24 && isNumber(trimSpace(t))
}

// t4ColumnsAfter says that after a block's numbers (from index from, up to
// hi) come 表四's column headings and then a number a line: the table's
// text column by column (pdftotext's default text of a table with blank
// cells: "复议后起诉" / "246" / "246" / "纠正" / "结果" / "审结" / "0"), where
// a block's name is one heading among the others, not a row's label. A
// block's row is followed by the next block's row, or by the headings
// repeated over a page break and then a row.
func (p *parser) t4ColumnsAfter(from, hi int) bool {
	headed := false
	for _, l := range p.lines[from:hi] {
		t := trimSpace(l.Text)
		switch {
		case l.Fields == nil && t == "":
		case oneCellLine(l):
			return headed
		case t4HeadingOnly(t) && !hasText(t, "复议") && !hasText(t, "起诉"):
			headed = true
		default:
			return false
		}
	}
	return false
}

// joinCellLines puts back together the rows of tables copied one cell to a
// line (a PDF viewer's copy, pdftotext without -layout): in 表二, 表三 and
// 表四, a line of words followed by lines that each hold one number or
// placeholder is one row, read as table cells (a missing blank stays
// missing: the row is then unreadable, never shifted). The lines taken in
// are left empty, so that line indexes keep their meaning.
func (p *parser) joinCellLines() {
	// 表三 looked at first: read by its places (slotRows), it shows the
	// text's layout to the smaller tables, whose few numbers may not
	// (slotStride); each table is then read in turn
	var t3Starts []int
	for key, sp := range p.tableRegions {
		if key == "3" {
			t3Starts, p.slotStride = p.slotRowsFit(sp.lo, sp.hi)
			break
		}
	}
	for key, sp := range p.tableRegions {
		if key == "2" && p.slotT2(sp.lo, sp.hi) || key == "3" && p.slotRows(t3Starts) || key == "4" && p.slotT4(sp.lo, sp.hi) {
			continue
		}
		for i := sp.lo + 1; i < sp.hi; i++ {
			l := &p.lines[i]
			if l.Fields != nil || l.Segmented || trimSpace(l.Text) == "" || oneCellLine(*l) {
				continue
			}
			// the one-number lines after it, if any (most lines have none),
			// blank lines between them passed over: pdftotext without
			// -layout puts one between every two cells
			last := i
			glued, heading, gluedAt := "", "", -1 // a last number run into the next item's heading ("3 第二十条第（八）项")
			for k := i + 1; k < sp.hi; k++ {
				if n := &p.lines[k]; n.Fields == nil && !n.Image && trimSpace(n.Text) == "" {
					continue
				}
				if !oneCellLine(p.lines[k]) {
					if key == "3" && headerTotal(*l, p.lines[k]) {
						continue // the header's 总计 among the first row's numbers: left where it is, the row goes on
					}
					if key == "3" && fewCells(p.lines[k].Text) && !inColumns(p.lines[k].Text) {
						last = k // two or three cells close enough to share a line (mutool: "246 246")
						continue
					}
					if key == "2" && last == i && signedRunLine(p.lines[k]) {
						last = k // 表二's numbers run together under their label, a sign among them ("22-7")
					} else if key == "2" {
						glued, heading, gluedAt = numberBeforeHeading(p.lines[k], k)
					}
					break
				}
				last = k
			}
			if last == i && gluedAt < 0 {
				continue
			}
			if key == "3" && gluedAt < 0 && p.nonEmptyBetween(i, last+1) == 1 && (l.Placed && p.lines[last].Placed || farRight(p.lines[last])) {
				// our PDF reader's text sets a row's cells on one line, each
				// at its column: one number on a line of its own after a
				// label's line is a wrapped label's row of one cell (（二）部分
				// 公开（区分处理的，只计这一情形， / 0 / 不计其他情形）), whose
				// column its place tells, not a cell to a line; so is one set
				// far right, as pdftotext -layout writes it (joined, it lost
				// its place: a page's rows then could not be placed by their
				// columns)
				continue
			}
			j := last + 1
			// 表四's numbers under its header lines (…结果维持…总计) are one row
			// of fifteen that parseT4 gathers across lines: only a block's
			// own label (行政复议 1 0 …) takes them in
			if key == "4" && (!hasText(l.Text, "复议") && !hasText(l.Text, "起诉") || p.t4ColumnsAfter(last+1, sp.hi)) {
				continue
			}
			// a line that already ends in its numbers ("行政强制    3" of
			// pdftotext -layout) is a row; a bare page number after it is not
			// one of its cells
			first := "" // a 表三 row's first number on its label's line, the rest a line each
			if rc := splitLabel(*l, 1); rc.ok || len(rc.tokens) > 0 {
				// (in 表三, a label's line ending in one number with six
				// numbers a line each after it, pdftotext without -layout:
				// "三、本 （一）予以公开 345" / "150" / "0" / …, is a row whose
				// numbers go on; a page's number is one line, not six)
				switch {
				case rc.ok && len(rc.cells) == 1:
					first = rc.cells[0]
				case !rc.ok && len(rc.tokens) == 1:
					first = rc.tokens[0].s
				}
				if key != "3" || first == "" || trimSpace(rc.label) == "" || !wellFormed([]string{first}) || p.nonEmptyBetween(i, j) < NumCols-1 || !p.countsBetween(i, j) {
					continue
				}
			}
			// nor is one after an item's heading with its own generic table
			// under it ("### 行政处罚" / "2" / "| 数值 | 11 |"): parseT2
			// reads the table's row and says the number alone
			if key == "2" && gluedAt < 0 && p.genericRowAhead(j, sp.hi, p.namesT2Item) ||
				key == "3" && p.nonEmptyBetween(i, j) == 1 && p.genericRowAhead(j, sp.hi, p.namesT3Row) {
				continue
			}
			if key == "3" && first == "" && gluedAt < 0 && p.pairedRun(i, j) {
				i = j - 1
				continue
			}
			fields := []string{trimSpace(l.Text)}
			if first != "" {
				fields = []string{trimSpace(strings.TrimSuffix(trimSpace(l.Text), first)), first}
			}
			taken := 0
			for k := i + 1; k < j; k++ {
				if t := trimSpace(p.lines[k].Text); t != "" && !(key == "3" && headerTotal(*l, p.lines[k])) {
					if taken++; key == "3" && first == "" && taken == 1 {
						if p.laidOne == nil {
							p.laidOne = map[int]string{}
						}
						p.laidOne[l.No] = p.lines[k].Text
					} else {
						delete(p.laidOne, l.No)
					}
					if key == "3" && fewCells(t) {
						fields = append(fields, strings.Fields(t)...)
					} else {
						fields = append(fields, t)
					}
					p.lines[k].Text = ""
				}
			}
			if gluedAt >= 0 {
				fields = append(fields, glued)
				p.lines[gluedAt].Text = heading
			}
			l.setCells(fields)
			i = j - 1
		}
	}
}

// pairedRun reads the one-number lines i+1 … j-1 after 表三's label on line
// i as two rows' cells given column by column (pdftotext -layout of a
// landscape print, a merged group cell beside the two labels: （三）不予公开
// 4.保护第三方合法权益 / 5.属于三类内部事务信息 / 0 / 15 / 0 / 0 / …, each
// column's two cells one under the other): fourteen numbers in seven pairs,
// the two of a pair set a character apart at most and each pair right of
// the one before, the label line before line i a row's too and without
// numbers, and each row so read adding up. The first of each pair goes to
// that row, the second to line i's; it reports whether it read them so.
func (p *parser) pairedRun(i, j int) bool {
	var ts []tok
	for k := i + 1; k < j; k++ {
		if trimSpace(p.lines[k].Text) == "" {
			continue
		}
		t := tokens(p.lines[k].Text)
		if len(t) != 1 || t[0].center < 0 || p.lines[k].Fields != nil {
			return false
		}
		ts = append(ts, t[0])
	}
	if len(ts) != 2*NumCols {
		return false
	}
	h := i - 1
	for h > 0 && trimSpace(p.lines[h].Text) == "" {
		h--
	}
	above, here := &p.lines[h], &p.lines[i]
	for _, l := range []*Line{above, here} {
		rc := splitLabel(*l, NumCols)
		if l.Fields != nil || l.Segmented || len(rc.tokens) > 0 || rc.ok || !p.namesT3Row(norm(rc.label)) {
			return false
		}
	}
	var first, second []string
	for m := 0; m < len(ts); m += 2 {
		x, y := ts[m], ts[m+1]
		if abs(x.center-y.center) > 1 || m > 0 && min(x.center, y.center) <= max(ts[m-2].center, ts[m-1].center)+2 {
			return false
		}
		first, second = append(first, x.s), append(second, y.s)
	}
	if !wellFormed(first) || !wellFormed(second) || !addsUpMarked(first) || !addsUpMarked(second) {
		return false
	}
	for k := i + 1; k < j; k++ {
		p.lines[k].Text = ""
	}
	a, b := trimSpace(above.Text), trimSpace(here.Text)
	above.setCells(append([]string{a}, first...))
	here.setCells(append([]string{b}, second...))
	p.warn("PARSE.READ", "applications", here.No, "表三“%s”与“%s”两行的 14 个数在原文中逐栏排列（每栏上下两个数，各占一行：PDF 转换的文字顺序），按每栏的上一个数属于前一行、下一个数属于后一行读取：%s；%s，两行各自合计相符",
		a, b, strings.Join(first, " "), strings.Join(second, " "))
	return true
}

// slotRows reads 表三 written a cell to a line with its blank cells as
// empty lines: LibreOffice's text export of a Word table writes each cell as
// a paragraph, the cells of the merged column as empty lines before a row's
// label. Every row's label is then followed by exactly seven lines, each a
// number or empty, and the line after them is no number. The table is read
// so only when each row that has numbers fits, one row has four numbers or
// more (or, a cell a line, two on lines next to each other; two lines a
// cell, an empty cell before a number) and one an empty line among its
// seven: pdftotext's default text puts an empty line between every two
// cells, which none of them fits. A text that writes each cell
// as a paragraph and an empty line after it (mammoth's raw text of a Word
// file) is the same layout two lines a cell (slotRowsEvery). slotRowsFit
// finds the rows (starts, and p.slotStride), slotRows reads them; it
// returns whether it read the table.
func (p *parser) slotRows(starts []int) bool {
	if p.slotStride == 0 {
		return false
	}
	for _, i := range starts {
		p.lines[i].setCells(append([]string{trimSpace(p.lines[i].Text)}, p.takeSlots(i, NumCols, p.slotStride)...))
	}
	p.warn("PARSE.READ", "applications", p.lines[starts[0]].No, "%s的单元格各占一行，%s：已按空行的位置读取空白单元格", tableNames["3"], slotsHow(p.slotStride))
	return true
}

// slotRowsFit is whether 表三 in lines lo:hi is written so (slotRows): the
// lines of its rows' labels and the lines a cell (1 or 2); nil and 0 when
// it is not. It changes nothing.
func (p *parser) slotRowsFit(lo, hi int) ([]int, int) {
	if starts := p.slotRowsEvery(lo, hi, 1); starts != nil {
		return starts, 1
	}
	if !p.cappedRuns() {
		if starts := p.slotRowsEvery(lo, hi, 2); starts != nil {
			return starts, 2
		}
	}
	return nil, 0
}

// slotRowsEvery is slotRowsFit for cells every stride lines, the lines
// between them empty: the rows' labels' lines, or nil.
func (p *parser) slotRowsEvery(lo, hi, stride int) []int {
	blank := func(k int) bool { return emptyLine(p.lines[k]) }
	// the line of cell c (0 …) of the row labelled on line i, and whether
	// the lines before it since the cell before are empty
	slot := func(i, c int) (int, bool) {
		k := i + stride*(c+1)
		return k, p.emptyBefore(k, stride, hi)
	}
	span := stride * NumCols // the lines of a row's cells
	var starts []int
	many, gaps := false, false
	inner := false // an empty line before a number among a row's seven: blanks keep their places here
	for i := lo + 1; i < hi; i++ {
		if l := p.lines[i]; l.Fields != nil || l.Segmented || l.Image || trimSpace(l.Text) == "" || oneCellLine(l) {
			continue
		}
		// a row's label when a number follows within its seven cells
		// (else a heading, or a row left all blank)
		numbered := false
		for c := 0; c < NumCols && !numbered; c++ {
			k, apart := slot(i, c)
			if k >= hi || !apart {
				break
			}
			if numbered = oneCellLine(p.lines[k]); !numbered && !blank(k) {
				break
			}
		}
		if !numbered || !t3AnyLabel(p.lines[i]) {
			// (a line of the header's words over the first numbers —
			// pdftotext's default text of a table that leaves cells blank:
			// 他 计 / 0 / / 0 … — is no row)
			continue
		}
		if i+span >= hi {
			return nil
		}
		n, gap := 0, false
		adjacent, prev := false, false // two numbers in slots side by side
		rowInner := false              // this row's empty cell before a number
		for c := range NumCols {
			k, apart := slot(i, c)
			switch {
			case !apart:
				return nil // a cell's line where an empty one should be: not this layout
			case oneCellLine(p.lines[k]):
				n++
				inner = inner || gap
				rowInner = rowInner || gap
				adjacent = adjacent || prev
				prev = true
				continue
			case blank(k):
				gaps, gap = true, true
			default:
				return nil // words among the seven: not this layout
			}
			prev = false
		}
		if next, _ := slot(i, NumCols); next < hi && oneCellLine(p.lines[next]) {
			return nil // more numbers than cells
		}
		// (two lines a cell, an empty cell before a number — three empty
		// lines — is evidence too: pdftotext's default text writes so many
		// only where a page's foot was dropped, as slotT2Every finds)
		many = many || n >= 4 || adjacent && stride == 1 || rowInner && stride > 1 && !p.breakAmong(i+1, i+span)
		starts = append(starts, i)
		i += span
	}
	if !many || !gaps || len(starts) < 2 {
		// no evidence for the layout, or no blank to place: the general
		// path (a table with a count has two rows with numbers at least,
		// one and its 总计: a row alone fitting is chance, the table's last
		// label and the numbers of a text that wrote them all after it)
		return nil
	}
	// the last row's empty last line may be the break after the table (a
	// row short of a blank that left no line), not a blank cell: taken as a
	// cell only where an empty line among a row's seven stands before a
	// number, or with the break after it
	if last := starts[len(starts)-1] + span; !inner && blank(last) && (last+1 >= hi || !blank(last+1)) {
		return nil
	}
	return starts
}

// t3AnyLabel says line l is the label of a row of 表三 in either format.
func t3AnyLabel(l Line) bool {
	for _, norms := range [][]string{t3Norms2021, t3Norms2019} {
		if row, _, _ := t3LabelRow(l, norms, 0); row >= 0 {
			return true
		}
	}
	return false
}

// slotT2 is slotRows for 表二: LibreOffice's text export of a Word table
// writes each item group's headings a cell to a line (信息内容, then its
// columns' headings), and each row's label followed by as many lines as the
// group has columns, a blank cell an empty line ("规章" / "" / "26" / "6").
// The headings after each 信息内容 must be a group's of either format, each
// row's lines after its label numbers or empty and no number after them;
// some row must hold two numbers on lines next to each other (pdftotext's
// default text puts an empty line between every two cells, and a blank
// leaves none there) and some row an empty line among its cells; a row's
// last cell empty only where words follow at once (a row or a heading: the
// break after the table is an empty line). It returns whether it read the
// table.
func (p *parser) slotT2(lo, hi int) bool {
	return p.slotT2Every(lo, hi, 1) || !p.cappedRuns() && p.slotT2Every(lo, hi, 2)
}

// slotT2Every is slotT2 for cells (and headings) every stride lines, the
// lines between them empty (mammoth's raw text: a paragraph and an empty
// line a cell).
func (p *parser) slotT2Every(lo, hi, stride int) bool {
	type slotted struct{ at, n int }
	var rows []slotted
	apart := func(k int) bool { return p.emptyBefore(k, stride, hi) }
	cols := 0 // the current group's columns, once its headings were read
	adjacent, gaps := false, false
	// tight: a group's headings on lines next to each other, which
	// pdftotext's default text (an empty line after every line) never
	// writes: the lines are a cell each as well as two numbers next to
	// each other would show
	tight := false
	// inner: two lines a cell, a row's empty cell before a number — three
	// empty lines, which pdftotext's default text (an empty line after
	// every line) writes only where a page's foot was dropped (Line.Break)
	inner := false
	for i := lo + 1; i < hi; i++ {
		l := p.lines[i]
		t := trimSpace(l.Text)
		if l.Fields != nil || l.Segmented || l.Image {
			return false
		}
		switch {
		case t == "" || oneCellLine(l):
			if cols == 0 && t != "" {
				return false // a number before any heading: not this layout
			}
			continue
		case t == "信息内容":
			var words []string
			k := i + stride
			for ; k < hi && len(words) < 3 && apart(k); k += stride {
				w := trimSpace(p.lines[k].Text)
				if w == "" || oneCellLine(p.lines[k]) || !t2HeadingWord(w) {
					break
				}
				words = append(words, w)
			}
			if !t2HeadingRun(words) {
				return false
			}
			if stride == 1 && p.labelAfterEmpty(k, hi) {
				// an empty line between the headings and the first row's
				// label: blocks' breaks again (mutool), where a text a
				// cell to a line goes on to the label
				return false
			}
			tight = tight || stride == 1 && len(words) > 1
			cols, i = len(words), k-stride
			continue
		case cols == 0 || strings.HasPrefix(t, "第二十条"):
			continue // the group's item heading, the table's title
		}
		// a row's label: its cells on the lines after it
		span := stride * cols
		if i+span >= hi {
			return false
		}
		numbers, lastEmpty := 0, false
		broken := stride > 1 && p.breakAmong(i+1, i+span) // (asked only two lines a cell, by inner)
		for k := i + stride; k <= i+span; k += stride {
			switch {
			case !apart(k):
				return false // a cell's line where an empty one should be
			case oneCellLine(p.lines[k]):
				inner = inner || stride > 1 && lastEmpty && !broken
				numbers++
				adjacent = adjacent || k > i+stride && oneCellLine(p.lines[k-stride])
				lastEmpty = false
			case emptyLine(p.lines[k]):
				gaps, lastEmpty = true, true
			default:
				return false // words among the cells: not this layout
			}
		}
		next := i + span + stride // where the next row or heading should be
		if next < hi && apart(next) && oneCellLine(p.lines[next]) {
			return false // more numbers than cells
		}
		if lastEmpty && (next >= hi || !apart(next) || emptyLine(p.lines[next])) {
			return false // the last empty line may be the break after the table
		}
		if stride == 1 && numbers == cols && p.labelAfterEmpty(next, hi) {
			// a row whole, then an empty line, then the next row's label:
			// the empty lines are blocks' breaks (mutool's text of a PDF:
			// 规章 / 26 / 12 / 26 / / 行政规范性文件 / 10 / 32 / — its blank
			// left no line), never a text a cell to a line
			return false
		}
		if numbers > 0 {
			rows = append(rows, slotted{i, cols})
		}
		i += span
	}
	// (a text whose 表三 read so, as many lines a cell, is of the layout
	// already: a row's one number is enough)
	known := p.slotStride == stride
	if len(rows) == 0 || !known && !adjacent && !tight && !inner || !gaps {
		return false
	}
	for _, r := range rows {
		p.lines[r.at].setCells(append([]string{trimSpace(p.lines[r.at].Text)}, p.takeSlots(r.at, r.n, stride)...))
	}
	p.warn("PARSE.READ", "proactive", p.lines[rows[0].at].No, "%s的单元格各占一行，%s：已按空行的位置读取空白单元格", tableNames["2"], slotsHow(stride))
	return true
}

// labelAfterEmpty says line k (before hi) is empty and the first line
// after the empty ones is a 表二 row's label: words, not a number, a group's
// heading (第二十条…) or 信息内容.
func (p *parser) labelAfterEmpty(k, hi int) bool {
	if k >= hi || !emptyLine(p.lines[k]) {
		return false
	}
	for k < hi && emptyLine(p.lines[k]) {
		k++
	}
	if k >= hi {
		return false
	}
	l := p.lines[k]
	t := trimSpace(l.Text)
	return l.Fields == nil && t != "" && !oneCellLine(l) && t != "信息内容" && !strings.HasPrefix(t, "第二十条")
}

// t2HeadingWord says w is one of 表二's column headings (of either format).
func t2HeadingWord(w string) bool {
	for _, f := range []Format{Format2021, Format2019} {
		for _, h := range f.T2Headers() {
			if slices.Contains(h.Columns, w) {
				return true
			}
		}
	}
	return false
}

// t2HeadingRun says words are the column headings of one of 表二's item
// groups, in order (of either format).
func t2HeadingRun(words []string) bool {
	for _, f := range []Format{Format2021, Format2019} {
		for _, h := range f.T2Headers() {
			if slices.Equal(h.Columns, words) {
				return true
			}
		}
	}
	return false
}

// emptyBefore says the lines between line k-stride and line k are empty
// and before hi (none when stride is 1): a cell every stride lines.
func (p *parser) emptyBefore(k, stride, hi int) bool {
	for j := k - stride + 1; j < k; j++ {
		if j >= hi || !emptyLine(p.lines[j]) {
			return false
		}
	}
	return true
}

// slotTexts are the texts of n cells every stride lines after line at.
func (p *parser) slotTexts(at, n, stride int) []string {
	cells := make([]string, 0, n+1)
	for k := at + stride; k <= at+stride*n; k += stride {
		cells = append(cells, trimSpace(p.lines[k].Text))
	}
	return cells
}

// takeSlots is slotTexts, the lines they took emptied (so that line
// indexes keep their meaning).
func (p *parser) takeSlots(at, n, stride int) []string {
	cells := p.slotTexts(at, n, stride)
	for k := at + 1; k <= at+stride*n; k++ {
		p.lines[k].Text = ""
	}
	return cells
}

// slotsHow is how a table read a cell every stride lines is said.
func slotsHow(stride int) string {
	if stride > 1 {
		return "之间各隔一个空行，空白单元格是空行（两行一格，从 Word 文件提取的纯文本会如此）"
	}
	return "空白单元格是空行（LibreOffice 另存为文本会如此）"
}

// emptyLine says a line holds nothing: no cells, no picture, no text.
func emptyLine(l Line) bool {
	return l.Fields == nil && !l.Image && !l.Segmented && trimSpace(l.Text) == ""
}

// setCells makes a line the row of whole cells joined from lines a cell to
// a line.
func (l *Line) setCells(fields []string) {
	l.Fields, l.Text, l.Structured, l.OneEach = fields, strings.Join(fields, "\t"), true, true
}

// slotT4 is slotRows for 表四: LibreOffice's text export writes its
// headings' cells (the merged ones as empty lines), then the fifteen cells of
// its one row, a blank one as an empty line. They are read by their places
// when the table before them is headings' words alone, the fifteen lines
// after the last word are numbers or empty (eight or more numbers, or
// three or more whose blocks add up, two of them next to each other, one
// empty; the last empty only after an empty
// line before a number, or with an empty line after it, the break
// LibreOffice writes after a table), and no number follows them in the
// table. It returns whether it read the table.
func (p *parser) slotT4(lo, hi int) bool {
	return p.slotT4Every(lo, hi, 1) || !p.cappedRuns() && p.slotT4Every(lo, hi, 2)
}

// calibreMark says a line is one calibre writes and mammoth does not: an
// empty paragraph of its Markdown formatting (&nbsp;, read as a space), or a
// count indented as its plain text indents a table's cells (three tabs and
// a space, read as four spaces).
func calibreMark(t string) bool {
	if t == " " {
		return true
	}
	return len(t) > 4 && strings.HasPrefix(t, "    ") && isASCIIDigit(t[4])
}

// cappedRuns says the text's runs of empty lines among its cells stop at
// five, three runs of five there: calibre's text of a Word file writes a cell as a
// paragraph and an empty line, as mammoth's raw text does, but two more
// empty lines where a table's row ends and at most five in a row, so that
// two lines a cell its empty lines do not count its blank cells (a run of
// five is a row's end and one blank, or two blanks, or more). Mammoth's
// text that happens to leave no three blanks in a row has the same runs, so
// calibre's marks must be there too (calibreMark). Asked once.
func (p *parser) cappedRuns() bool {
	if p.runsKnown == 0 {
		p.runsKnown = -1
		run, fives, longer, marks := 0, 0, 0, 0
		for _, l := range p.lines {
			if calibreMark(l.Text) {
				marks++
			}
			if emptyLine(l) {
				run++
				continue
			}
			switch {
			case run == 5:
				fives++
			case run > 5 && run < 12: // (much longer runs are no cells': a page's empty paragraphs)
				longer++
			}
			run = 0
		}
		if fives >= 3 && longer == 0 && marks >= 3 {
			p.runsKnown = 1
		}
	}
	return p.runsKnown > 0
}

// slotT4Every is slotT4 for cells every stride lines, the lines between
// them empty (mammoth's raw text of a Word file: a paragraph and an empty
// line a cell). Two lines a cell, an empty cell before a number must show
// that blanks keep their places: pdftotext's default text, a number and an
// empty line each, leaves none.
func (p *parser) slotT4Every(lo, hi, stride int) bool {
	n := len(T4Blocks) * len(T4Columns)
	head := -1 // the headings' last line
	// wholeHeads: two of the column headings whole on lines next to each
	// other (结果维持 / 结果纠正), or stride lines apart: a text that writes
	// a cell to a line — pdftotext's default text writes a heading by its
	// printed lines (结果 / 维持) with an empty line between them
	wholeHeads := false
	lastWhole := -1 // the last line of a whole heading
	// printed: a heading's two printed lines with an empty line between
	// them (结果 / / 维持: mutool's and pdftotext's text of a PDF, each
	// printed line a block of its own); a cell's two lines in a text a
	// cell to a line (LibreOffice's) have none between them
	printed := false
	lastPiece := "" // a heading's first printed line, just before (empty lines aside)
scan:
	for i := lo + 1; i < hi; i++ {
		l := p.lines[i]
		t := trimSpace(l.Text)
		switch {
		case l.Fields != nil || l.Image || l.Segmented:
			return false
		case t == "":
			continue
		case oneCellLine(l):
			break scan // the numbers start: the headings are over
		case !t4HeadingOnly(t):
			return false // words other than the headings': not this layout
		default:
			if slices.Contains(T4ColumnLabels[:4], t) { // (总计, a printed line too, not counted)
				wholeHeads = wholeHeads || lastWhole == i-stride && p.emptyBefore(i, stride, hi)
				lastWhole = i
			}
			if lastPiece != "" && i > 0 && emptyLine(p.lines[i-1]) && slices.Contains(T4ColumnLabels[:4], lastPiece+t) {
				printed = true
			}
			head = i
		}
		lastPiece = ""
		if utf8.RuneCountInString(t) == 2 && slices.ContainsFunc(T4ColumnLabels[:4], func(lb string) bool { return strings.HasPrefix(lb, t) }) {
			lastPiece = t
		}
	}
	if printed && stride == 1 {
		// its empty lines are the blocks' breaks, not blank cells (the
		// numbers after the headings an empty line too, a block's break)
		return false
	}
	span := stride * n // the lines of the cells
	if head < 0 || head+span >= hi {
		return false
	}
	numbers, gaps, adjacent, inner := 0, 0, false, false
	for k := head + stride; k <= head+span; k += stride {
		l := p.lines[k]
		if !p.emptyBefore(k, stride, hi) {
			return false // a cell's line where an empty one should be
		}
		switch {
		case oneCellLine(l):
			numbers++
			adjacent = adjacent || k > head+stride && oneCellLine(p.lines[k-stride])
			inner = inner || gaps > 0
		case emptyLine(l):
			gaps++
		default:
			return false
		}
	}
	// pdftotext's spacing (a number, an empty line, a number …) gives eight
	// numbers in fifteen lines too, none next to another, and more numbers
	// after them
	// (fewer than three numbers say little of the layout: with whole
	// headings, only when the fifteen lines end where LibreOffice's table
	// ends, one empty line after them and then the next text — a line
	// more or less before them would not)
	// (two lines a cell, whole headings are no sign: pdftotext's default
	// text of a wide page may write them so, an empty line between; there
	// an empty cell before a number, three empty lines, is the sign, inner)
	// (a text whose 表三 read so, as many lines a cell, is of the layout
	// already: then one number is enough, the fifteen lines fitting — a
	// table left all but blank, 0 / … / 0, as mammoth's raw text writes it)
	few := numbers < 3 && !(numbers > 0 && stride == 1 && wholeHeads && p.oneBreakAfter(head+span, hi))
	known := p.slotStride == stride && numbers > 0
	if !known && (few || !adjacent && !wholeHeads || stride > 1 && !inner) || gaps == 0 {
		return false
	}
	// an empty line last may be the break after the table, not a blank
	// cell: taken as a cell only after an empty line before a number, or
	// with that break after it
	if !inner && emptyLine(p.lines[head+span]) && (head+span+1 >= hi || !emptyLine(p.lines[head+span+1])) {
		return false
	}
	for k := head + span + 1; k < hi; k++ {
		if oneCellLine(p.lines[k]) {
			return false
		}
	}
	if numbers < 8 && blanksAsZerosFailing(p.slotTexts(head, n, stride)) > 0 {
		// most cells blank (a table of zeros left blank): fewer numbers
		// say less of the layout, so the blocks must add up too, blanks
		// as 0 (246 0 _ _ 246, _ _ _ _ _, 246 _ 0 123 369)
		return false
	}
	l := &p.lines[head+1]
	l.setCells(p.takeSlots(head, n, stride))
	p.warn("PARSE.READ", "appeals", l.No, "%s的单元格各占一行，%s：已按空行的位置读取空白单元格", tableNames["4"], slotsHow(stride))
	return true
}

// oneBreakAfter says line k is followed by one empty line and then text,
// or the end (hi): the break LibreOffice's text writes after a table.
func (p *parser) oneBreakAfter(k, hi int) bool {
	return k+1 < hi && emptyLine(p.lines[k+1]) && (k+2 >= hi || !emptyLine(p.lines[k+2]))
}

// headerTotal says a line is 表三's header word 总计 alone among the first
// row's numbers: pdftotext's default text of our PDF puts the header cell
// where its height falls, between the row's sixth and seventh number
// ("一、本年新收…" / 6765 / … / 0 / 总计 / 8856).
func headerTotal(label, l Line) bool {
	return l.Fields == nil && trimSpace(l.Text) == "总计" && hasText(label.Text, "本年新收")
}

// inColumns says a line of a few counts stands in a laid-out table's
// columns (pdftotext -layout, our PDF reader: indented, each count three
// spaces or more from the next), where blanks between them are cells a
// row's neighbours place; not counts that merely share a line (mutool).
func inColumns(t string) bool {
	if !strings.HasPrefix(t, strings.Repeat(" ", 8)) {
		return false
	}
	ts := tokens(t)
	for i := 1; i < len(ts); i++ {
		if ts[i].start-ts[i-1].end < 3 {
			return false
		}
	}
	return true
}

// fewCells says a line is two or three counts a space apart, each written
// as a count is on its own, or two or three marks for 0: cells of one row
// that a converter put on one line because they stood close (mutool's text:
// "3198 0", "246 246"; pdftotext's default text of a narrow page: "— —").
func fewCells(t string) bool {
	if toks, ok := numberTokens(t); ok {
		return len(toks) >= 2 && len(toks) <= 3 && wellFormed(toks) && !strings.ContainsFunc(t, isMinus)
	}
	n := 0
	for f := range strings.FieldsSeq(t) {
		if n++; n > 3 || !isPlaceholder(f) {
			return false
		}
	}
	return n >= 2
}

// numberBeforeHeading reads line k, l, when it starts with a number and goes
// on with 表二's next item heading ("3 第二十条第（八）项", "356第二十条…":
// pdfminer puts a row's last number on the heading's line): the number, the
// heading, and k; -1 for k otherwise.
func numberBeforeHeading(l Line, k int) (num, heading string, at int) {
	if l.Fields != nil || l.Segmented {
		return "", "", -1
	}
	t := trimSpace(l.Text)
	h := indexText(t, "第二十条")
	if h <= 0 || !isNumber(trimSpace(t[:h])) {
		return "", "", -1
	}
	return trimSpace(t[:h]), t[h:], k
}

// signedRunLine is a plain line of digits run together with a minus sign
// among them, as pdf.js writes 表二's row of the 2019 format ("22-7" for 22
// and −7), and nothing else.
func signedRunLine(l Line) bool {
	t := trimSpace(l.Text)
	return l.Fields == nil && !l.Segmented && t != "" && !hasAnyRune(t, " \t\u3000") &&
		hasAnyRune(t, "-－") && numberRun(t)
}

// ocrZeros reads a digit that text recognition wrote as a letter — a zero as
// O or 〇 ("7O", "O", "1〇5"), a one as l or I ("l2", "I") — in the cells of
// the tables as the digit it is, and says so once for each line (PARSE.READ,
// quoting what it read). Only a cell made of digits and such letters is read
// so; a table's cells hold nothing else.
func (p *parser) ocrZeros() {
	for key, sp := range p.tableRegions {
		for i := sp.lo + 1; i < sp.hi; i++ {
			l := &p.lines[i]
			if l.Segmented || !hasOCRZero(l.Text) {
				continue
			}
			if fixed := rewriteCells(l, ocrDigits, true); len(fixed) > 0 {
				p.warn("PARSE.READ", tableKeys[key], l.No, "%s中有文字识别把数字写成字母（0 写成 O 或“〇”，1 写成 l 或 I）的单元格：%s", tableNames[key], strings.Join(fixed, "、"))
			}
		}
	}
}

// rewriteCells applies read to the cells of a table line — each field of a
// row of cells; of a spaced line its tokens (only those after its label,
// read from the end, when onlyCells) — rebuilds the line's text when it read
// anything, and returns what it read ("“7O”读作 70"), in the line's order.
func rewriteCells(l *Line, read func(string) (string, bool), onlyCells bool) []string {
	var said []string
	fix := func(c string) string {
		t := trimSpace(c)
		if v, ok := read(t); ok {
			said = append(said, "“"+t+"”读作 "+v)
			return v
		}
		return c
	}
	if l.Fields != nil {
		for k, f := range l.Fields {
			l.Fields[k] = fix(f)
		}
		if len(said) > 0 {
			l.Text = strings.Join(l.Fields, "\t")
		}
		return said
	}
	ts := strings.Fields(l.Text) // a spaced line: its cells keep their columns
	if onlyCells {
		for k := len(ts) - 1; k >= 0; k-- {
			d := fix(ts[k])
			if d == ts[k] && !cellish(d) {
				break
			}
			ts[k] = d
		}
		slices.Reverse(said)
	} else {
		for k := range ts {
			ts[k] = fix(ts[k])
		}
	}
	if len(said) > 0 {
		l.Text = rebuildSpaced(l.Text, ts)
	}
	return said
}

// changeWords reads a change written in words in 表二 of the 2019 trial
// format (本年增/减: "增加3", "减少2", "新增1") as the signed number it is, and
// says so (PARSE.READ, quoting it). Only a cell of such a word and digits, in
// a row of cells or a spaced line.
func (p *parser) changeWords() {
	lo, hi := p.region("2")
	if lo < 0 {
		return
	}
	for i := lo + 1; i < hi; i++ {
		l := &p.lines[i]
		if l.Segmented || !hasText(l.Text, "增") && !hasText(l.Text, "减") { // not ContainsAny: it decodes every rune
			continue
		}
		if read := rewriteCells(l, changeInWords, false); len(read) > 0 {
			p.warn("PARSE.READ", "proactive", l.No, "表二的增减写成了文字：%s", strings.Join(read, "、"))
		}
	}
}

// changeInWords reads "增加3", "增3", "新增3", "减少2", "减2" as +3 or -2.
func changeInWords(s string) (string, bool) {
	for _, w := range []struct{ word, sign string }{{"新增", "+"}, {"增加", "+"}, {"增", "+"}, {"减少", "-"}, {"减", "-"}} {
		if rest, ok := strings.CutPrefix(s, w.word); ok {
			if n := strings.TrimSpace(rest); n != "" && allASCIIDigits(n) {
				return w.sign + n, true
			}
		}
	}
	return "", false
}

// tableKeys are the model paths of the tables.
var tableKeys = map[string]string{"2": "proactive", "3": "applications", "4": "appeals"}

const ocrZeroRunes, ocrOneRunes = "Oo〇", "lI"

// hasOCRZero reports whether s has one of ocrZeroRunes or ocrOneRunes, with
// the vectorised byte search (strings.ContainsAny with a non-ASCII set
// decodes every rune of every table line: a tenth of the reading time): 〇 is
// E3 80 87, and 87 ends a Chinese character only now and then.
func hasOCRZero(s string) bool {
	for _, c := range []byte("OolI") {
		if strings.IndexByte(s, c) >= 0 {
			return true
		}
	}
	for i := 0; ; {
		j := strings.IndexByte(s[i:], 0x87)
		if j < 0 {
			return false
		}
		if k := i + j; k >= 2 && s[k-2] == 0xE3 && s[k-1] == 0x80 {
			return true
		}
		i += j + 1
	}
}

// ocrDigits reads a cell of digits in which some are letters (O, 〇 for 0;
// l, I for 1): ok only if it had such a letter and nothing else but digits.
func ocrDigits(s string) (string, bool) {
	if s == "" || !hasOCRZero(s) || utf8.RuneCountInString(s) > maxCellDigits {
		return s, false
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case strings.ContainsRune(ocrZeroRunes, r):
			b.WriteByte('0')
		case strings.ContainsRune(ocrOneRunes, r):
			b.WriteByte('1')
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '０' && r <= '９':
			b.WriteRune(r - '０' + '0')
		default:
			return s, false
		}
	}
	return b.String(), true
}

// rebuildSpaced puts tokens back into a spaced line in place of its old
// ones, keeping each token's start column (positions place blank cells).
func rebuildSpaced(line string, ts []string) string {
	old := tokens(line)
	if len(old) != len(ts) {
		return strings.Join(ts, " ")
	}
	var b strings.Builder
	col := 0
	for i, t := range old {
		if pad := t.start - col; pad > 0 {
			b.WriteString(strings.Repeat(" ", pad))
			col += pad
		} else if i > 0 {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(ts[i])
		col += utf8.RuneCountInString(ts[i])
	}
	return b.String()
}

// attachTables finds the tables a report prints after its text (附表1 …
// 附表3 after 六、其他需要报告的事项, its sections 二 to 四 saying 详见附表) and
// reads each there: a table section whose own lines hold no numbers, and
// after the last section's heading the table's own first line (表二's
// 第二十条 or a row label, 表三's 申请人情况 or 本年新收, 表四's 行政复议 with
// 行政诉讼 or 结果维持), in the tables' order.
func (p *parser) attachTables() {
	last := -1
	for _, k := range []string{"5", "6"} {
		if i, ok := p.heads[k]; ok && i > last {
			last = i
		}
	}
	if last < 0 {
		return
	}
	var empty []string
	for _, k := range []string{"2", "3", "4"} {
		i, ok := p.heads[k]
		if !ok || i > last {
			return // a table section after the text: not attached
		}
		lo, hi := p.sectionRegion(k)
		if numbersIn(p.lines[lo+1 : hi]) {
			continue
		}
		empty = append(empty, k)
	}
	if len(empty) == 0 {
		return
	}
	starts := map[string]int{}
	from := last + 1
	for _, k := range []string{"2", "3", "4"} {
		for i := from; i < len(p.lines); i++ {
			if tableStart(k, p.lines[i]) {
				starts[k], from = i, i+1
				break
			}
		}
	}
	first := len(p.lines)
	empty = slices.DeleteFunc(empty, func(k string) bool {
		i, ok := starts[k]
		if !ok {
			return true
		}
		stretch := p.lines[i:min(i+400, len(p.lines))]
		return !numbersIn(stretch) && !marksIn(stretch) && !headedIn(k, stretch[:min(len(stretch), 6)])
	})
	if len(empty) == 0 {
		return
	}
	for _, k := range empty {
		first = min(first, starts[k])
	}
	// a marker line just before (附表1, 附件：) goes with its table
	withMarker := func(i int) int {
		j := i - 1
		for j > last && trimSpace(p.lines[j].Text) == "" {
			j--
		}
		if j > last && attachMarker(p.lines[j].Text) {
			return j
		}
		return i
	}
	p.attached = map[string]lineSpan{}
	for _, k := range empty {
		lo, hi := withMarker(starts[k]), len(p.lines)
		for _, o := range starts {
			if o > starts[k] && withMarker(o) < hi {
				hi = withMarker(o)
			}
		}
		p.attached[k] = lineSpan{lo, hi}
		name, _, _ := strings.Cut(tableNames[k], "（")
		p.warn("PARSE.READ", tableKeys[k], p.lines[lo].No, "%s不在“%s”部分中，而在报告正文之后（附表），按附表读取", name, Sections[k[0]-'1'].Heading)
	}
	p.attachedAt = withMarker(first)
	for i := p.attachedAt - 1; i > last && (attachMarker(p.lines[i].Text) || trimSpace(p.lines[i].Text) == ""); i-- {
		if attachMarker(p.lines[i].Text) {
			p.attachedAt = i // 附件： then 附表1
		}
	}
}

// numbersIn says lines hold three digits at least that are not an
// attachment's number: a table's (its cells apart or glued), not a sentence
// that points to one (详见附表1).
func numbersIn(lines []Line) bool {
	n := 0
	for _, l := range lines {
		t := l.Text
		for i := 0; i < len(t); i++ {
			if c := t[i]; c >= 0xE0 {
				i += 2 // a Chinese character's other bytes
				continue
			}
			if isASCIIDigit(t[i]) && !refDigit(t, i) {
				n++
			}
		}
		if n >= 3 {
			return true
		}
	}
	return false
}

// marksIn says lines of three cells or more hold three cells or more that
// are marks for 0 (— — — — 1 1: a 表四 that writes every 0 as —, or 无, with
// two digits).
func marksIn(lines []Line) bool {
	n := 0
	for _, l := range lines {
		fs := strings.Fields(l.Text)
		if len(fs) < 3 {
			continue // (a sentence's 无, a line of one mark)
		}
		for _, f := range fs {
			if placeholders[f] && f != "空" && f != "*" && f != "x" {
				if n++; n >= 3 {
					return true
				}
			}
		}
	}
	return false
}

// dashRow reads a line of dashes alone as n cells of — (n dashes) or of
// —— (2n): 表四 all 0, written — and glued (a page's table run into a line).
// A run of another length is no row (a rule, a Markdown table's).
func dashRow(s string, n int) ([]tok, bool) {
	s = trimSpace(s)
	if !dashesOnly(s) {
		return nil, false
	}
	rs := []rune(s)
	w := len(rs) / n
	if len(rs)%n != 0 || w < 1 || w > 2 {
		return nil, false
	}
	cells := make([]tok, n)
	for i := range cells {
		cells[i] = tok{s: string(rs[i*w : (i+1)*w]), center: -1}
	}
	return cells, true
}

// spacedDashes says a field is two dashes a space apart ("— —"), nothing
// else but spaces around.
func spacedDashes(f string) bool {
	f = trimSpace(f)
	a, size := utf8.DecodeRuneInString(f)
	if !dashLike(a) || len(f) <= size {
		return false
	}
	rest := strings.TrimLeft(f[size:], " ")
	b, size2 := utf8.DecodeRuneInString(rest)
	return len(rest) < len(f)-size && b == a && len(rest) == size2
}

// marksOnly says a line is two cells or more, each a mark for 0 (无 无 无
// …: a row of 表四 in a report that writes 0 as 无, which holds Han
// characters and no digit, as its headings do), or marks glued.
func marksOnly(t string) bool {
	n := 0
	for f := range strings.FieldsSeq(t) {
		switch {
		case isPlaceholder(f):
			n++
		case placeholderRun(f, countMarks) || dashesOnly(f):
			n += 2 // marks glued (无无无无无: a part of 表四 in a page run together)
		default:
			return false
		}
	}
	return n >= 2
}

// blankTable says a table's lines, lo to hi, hold its words (two of its
// labels or headers), the first in a row of cells (a web page's, a
// document's, a tab text's: a row whose cells are there and empty), and not
// one count or mark for 0: a table left blank, every cell, rather than one
// that could not be read. (Text without cells may hold a table's numbers
// elsewhere: pdfminer's after the next heading.)
func (p *parser) blankTable(lo, hi int, words ...string) bool {
	lines := p.lines[lo:hi]
	// a table of cells, or our PDF reader's text, whose places are the
	// page's: there a heading in a narrow column is stacked in pieces
	// (结果 over 维持), and no number anywhere in the section means none in
	// the table (other text may hold a table's numbers apart from it)
	placed := len(lines) > 0 && lines[0].Placed
	// (a row of cells that names the table's rows or columns: in a
	// workbook, a label alone in its row, the counts' cells dressed
	// otherwise, is a paragraph's line, but 予以公开's row holds 三、本年度
	// 办理结果 too)
	celled := func(l Line) bool {
		return l.Fields != nil && slices.ContainsFunc(words, func(w string) bool { return hasText(withoutSpaces(l.Text), w) })
	}
	if marksIn(lines) || !placed && !slices.ContainsFunc(lines, celled) {
		return false
	}
	var b strings.Builder
	for _, l := range lines {
		t := withoutSpaces(l.Text)
		if attachMarker(t) {
			continue // 附表2 before the table printed after the text
		}
		for i := 0; i < len(t); i++ {
			if !isASCIIDigit(t[i]) {
				continue
			}
			j := i
			for j < len(t) && isASCIIDigit(t[j]) {
				j++
			}
			// an item number (1.属于国家秘密, 2、) is no count
			if j == len(t) || t[j] != '.' && !strings.HasPrefix(t[j:], "．") && !strings.HasPrefix(t[j:], "、") {
				return false
			}
			i = j
		}
		b.WriteString(t)
	}
	for _, w := range words {
		if hasText(b.String(), w) {
			continue
		}
		if half := len(w) / 2; !placed || utf8.RuneCountInString(w) != 4 || !hasText(b.String(), w[:half]) || !hasText(b.String(), w[half:]) {
			return false
		}
	}
	return true
}

// headedIn says lines hold table k's column headers (a table printed apart
// with every cell left blank: an agency with nothing to count): 表二's 信息内容
// with a column of counts, 表三's applicants, 表四's results.
func headedIn(k string, lines []Line) bool {
	words := tableHeaderWords[k]
	for _, l := range lines {
		if t := withoutSpaces(l.Text); hasText(t, words[0]) && hasText(t, words[1]) && !hasText(t, "。") {
			return true
		}
	}
	return false
}

// tableStart says a line is the first of table k (2, 3, 4) printed apart.
func tableStart(k string, l Line) bool {
	t := withoutSpaces(l.Text)
	if hasText(t, "。") {
		return false // a sentence (六's text naming 行政复议), not a table's words
	}
	if k == "4" {
		// (pieces of 行政复议 and 行政诉讼 will do: an OCR's 行政复, 行政诉依,
		// 用政诉讼)
		if !hasText(t, "复") {
			return false // most lines: one scan
		}
		review := hasText(t, "行政复") || hasText(t, "复议")
		suit := hasText(t, "行政诉") || hasText(t, "诉讼") || hasText(t, "起诉") || hasText(t, "结果维持")
		return t == "行政复议" || review && suit
	}
	return slices.ContainsFunc(tableFirstWords[k], func(w string) bool { return hasText(t, w) })
}

// tableHeaderWords are two words of each table's column headers, both on
// one of its header lines (headedIn).
var tableHeaderWords = map[string][2]string{"2": {"信息内容", "数量"}, "3": {"自然人", "商业企业"}, "4": {"结果维持", "尚未审结"}}

// tableFirstWords are what 表二's and 表三's first lines hold when they are
// printed apart from their sections (表四's start is its 行政复议 header).
var tableFirstWords = map[string][]string{"2": {"第二十条", "本年制发件数", "本年新制作数量"}, "3": {"申请人情况", "本列数据", "一、本年新收"}}

// attachMarker is a short line that names an attachment: 附表1, 附件：, 附表二.
func attachMarker(s string) bool {
	t := withoutSpaces(s)
	return (strings.HasPrefix(t, "附表") || strings.HasPrefix(t, "附件") || t == "附：" || t == "附:") && utf8.RuneCountInString(t) <= 30
}

// lineSpan is the lines lo:hi of a section, its heading at lo.
type lineSpan struct{ lo, hi int }

// tableRegions yields each table section found (表二, 表三, 表四 by their
// section keys) with its lines.
func (p *parser) tableRegions(yield func(string, lineSpan) bool) {
	for _, key := range []string{"2", "3", "4"} {
		_, headed := p.heads[key]
		if !headed && key == "2" {
			continue
		}
		lo, hi := p.region(key)
		if !headed && (lo < 0 || lo >= hi || !tableStart(key, p.lines[lo])) {
			continue // no heading, and not found by its first line either
		}
		if !yield(key, lineSpan{lo, hi}) {
			return
		}
	}
}

// oneCellLine is a plain line holding one count (at most maxCellDigits
// digits: a longer run is several cells glued, as in a page that lost its
// tabs), amount or placeholder, and nothing else.
func oneCellLine(l Line) bool {
	t := trimSpace(l.Text)
	if l.Fields != nil || l.Segmented || t == "" || hasAnyRune(t, " \t\u3000") || !cellish(t) {
		return false
	}
	digits := 0
	for _, r := range t {
		if isDigit(r) {
			digits++
		} else if r == '.' {
			return true // an amount of 表二
		}
	}
	return digits <= maxCellDigits
}

func (p *parser) parse() *Report {
	p.findHeads()
	p.attachTables()
	p.regionsFixed = true
	r := p.r
	p.title()
	if r.Agency == "" {
		p.agencyElsewhere()
	}
	for _, s := range Sections {
		i, ok := p.heads[s.Key]
		if !ok {
			continue
		}
		if s.Key == "2" || s.Key == "3" || s.Key == "4" {
			r.Sections[s.Key] = paraText(p.lines[i])
			r.setLine(s.Key, p.lines[i].No)
			continue
		}
		lo, hi := p.region(s.Key)
		var buf []string
		first := 0
		title := withoutSpaces(trimSpace(r.Title))
		for _, l := range p.lines[lo+1 : hi] {
			t := strings.TrimRight(paraText(l), " \t\u3000")
			if isPageFurniture(t) {
				break
			}
			if runningHeader(t, title) {
				continue // a page's running header (Word's 页眉 in a PDF's text)
			}
			if first == 0 && trimSpace(t) == "" {
				continue
			}
			if first == 0 {
				first = l.No
			}
			buf = append(buf, t)
		}
		for len(buf) > 0 && trimSpace(buf[len(buf)-1]) == "" {
			buf = buf[:len(buf)-1]
		}
		r.Sections[s.Key] = strings.Join(buf, "\n")
		if first == 0 {
			first = p.lines[i].No
		}
		r.setLine(s.Key, first)
	}
	p.keyValueRows()
	p.ocrZeros() // before joinCellLines: an OCR's O alone on its line is a cell's 0
	p.joinCellLines()
	p.changeWords()
	p.detectFormat()
	p.year()
	p.parseT2()
	blanky2 := p.blanky
	p.parseT3()
	p.settleT2Width() // (表三 tells the measure)
	// (a table most of whose rows read no number, their numbers elsewhere
	// — all after the header's words — is no table read either)
	unread := func() bool { return p.t3RowsUnread() || p.t3MostlyEmpty() }
	if unread() {
		lo, hi := p.region("3")
		p.readDisplaced(lo, hi)
		if unread() && p.readDigitsInOrder(lo, hi) {
			// every row cut into seven counts: the rows that seemed to
			// leave cells blank (fewer digits beside their labels) did not
			p.blanky, p.t3Blanks = blanky2, false
		}
		if unread() {
			p.readPageTails(lo, hi)
		}
		if unread() && p.readSplitColumns(lo, hi) {
			// (every cell a count: no blank cells either)
			p.blanky, p.t3Blanks = blanky2, false
		}
	}
	p.unreadT2Glued()
	p.parseT4()
	p.unreadT2Shared() // (after 表四, which may show blanks too)
	p.apartNumbers()
	p.droppedNumbers()
	p.strayUnread()
	p.readBlankTotals()
	p.swapUp()
	if len(p.heads) == 0 && !r.Meta.Tables["2"] && !r.Meta.Tables["3"] && !r.Meta.Tables["4"] {
		r.Meta.Empty = true
		for _, l := range p.lines {
			if m := attachmentRe.FindString(l.Text); m != "" {
				r.Meta.Attachment = m
				break
			}
		}
	}
	return r
}

// attachmentRe is a file name a page links to instead of holding the text.
var attachmentRe = regexp.MustCompile(`[^\s：:，,、“”"<>（）()]+\.(?i:pdf|docx?|wps|ofd|xlsx?|zip|rar)`)

// shellBase resolves a saved page's addresses: only their names matter.
var shellBase = &url.URL{Scheme: "http", Host: "page.invalid", Path: "/"}

// pageDocument is the file name of the document a page shell shows in a
// frame (an <iframe>, <embed> or <object>; a viewer's address names its
// document: pdf.js's ?file=) or, failing that, links to — as the fetcher
// reads a page (PageLinks, DocLink) — and whether the page has scripts,
// which may fill it in a browser.
func pageDocument(data []byte) (doc string, scripted bool) {
	data = data[:min(len(data), MaxInput)]
	var link string
	for _, l := range PageLinks(data) {
		u, ok := DocLink(shellBase, l.Raw)
		if !ok {
			continue
		}
		name, _ := url.PathUnescape(u.Path)
		name = path.Base(name)
		if l.Frame != 0 {
			return name, false
		}
		if link == "" {
			link = name
		}
	}
	if link != "" {
		return link, false
	}
	return "", bytes.Contains(bytes.ToLower(data), []byte("<script"))
}

// pageFurniture are what portals print after an article: the report ends there.
var pageFurniture = []string{"主办单位", "承办单位", "版权所有", "ICP备", "网站标识码", "网站识别码", "公网安备",
	"关闭窗口", "打印本页", "【打印】", "【关闭】", "分享到", "扫一扫在手机", "技术支持", "联系我们"}

// furnitureAt says which runes start a pageFurniture word: a line is
// scanned once, looking up each rune in a table, and compared only where a
// word may start (narrative lines are many; furniture is rare).
var furnitureAt = func() *[0x10000]bool {
	var t [0x10000]bool
	for _, f := range pageFurniture {
		r, _ := utf8.DecodeRuneInString(f)
		t[r] = true
	}
	return &t
}()

// runningHeader says a line of a narrative section is the report's title
// (without its spaces) again, or its end ("2024年政府信息公开工作年度报告"), as
// Word's 页眉 puts it at the top of each page. Most lines are long or do not
// end in 报告, and are not looked at further.
func runningHeader(line, title string) bool {
	if title == "" || len(line) > len(title)+32 || !strings.HasSuffix(strings.TrimRight(line, " \t\u3000"), "报告") {
		return false
	}
	t := withoutSpaces(trimSpace(line))
	return t == title || strings.HasSuffix(title, t) && moreRunes(t, 8)
}

func isPageFurniture(t string) bool {
	if len(t) > 180 {
		return false
	}
	for i, r := range t {
		if r < 0x10000 && furnitureAt[r] {
			for _, f := range pageFurniture {
				if strings.HasPrefix(t[i:], f) {
					return !moreRunes(t, 60)
				}
			}
		}
	}
	return false
}

// moreRunes is utf8.RuneCountInString(s) > n without counting a long
// paragraph to its end: most lines asked are short or far too long.
func moreRunes(s string, n int) bool {
	switch {
	case len(s) <= n:
		return false // a rune is at least a byte
	case len(s) > n*utf8.UTFMax:
		return true
	}
	c := 0
	for range s {
		if c++; c > n {
			return true
		}
	}
	return false
}

func oneCell(l Line) bool {
	n := 0
	for _, f := range l.Fields {
		if trimSpace(f) != "" {
			n++
		}
	}
	return n <= 1
}

// region returns the line range [lo, hi) of section k: from its heading (or,
// when the heading is missing, from the heading before it) to the next heading.
func (p *parser) region(k string) (int, int) {
	n := -1
	if len(k) == 1 && k[0] >= '1' && k[0] <= '6' {
		n = int(k[0] - '0')
		if c := p.regions[n]; p.regionsFixed && c.ok {
			return c.lo, c.hi
		}
	}
	lo, hi := p.sectionRegion(k)
	if span, ok := p.attached[k]; ok {
		lo, hi = span.lo, span.hi
	} else if p.attachedAt > lo && p.attachedAt < hi {
		hi = p.attachedAt
	}
	hi = p.boundRegion(lo, hi)
	if n >= 0 && p.regionsFixed {
		p.regions[n].lineSpan, p.regions[n].ok = lineSpan{lo, hi}, true
	}
	return lo, hi
}

// maxRegionBytes bounds the text of a section the readers read: a
// section of a report is a few KB, its table's lines tens of KB at the most
// (a wide layout's spaces). Beyond it a "section" is a file's junk (a page
// of numbers without a heading, read whole as where 表三 may be), which the
// readers would hold word by word, many times over.
const maxRegionBytes = 256 << 10

// boundRegion is hi, or where lo:hi passes maxRegionBytes of text.
func (p *parser) boundRegion(lo, hi int) int {
	size := 0
	for i := max(lo, 0); i < hi; i++ {
		if size += len(p.lines[i].Text); size > maxRegionBytes {
			if p.cutAt == 0 {
				p.cutAt = p.lines[i].No
			}
			return i
		}
	}
	return hi
}

// sectionRegion is the lines of section k by the headings found: from its
// heading to the next one.
func (p *parser) sectionRegion(k string) (int, int) {
	lo, found := p.heads[k]
	if !found {
		lo = 0
		for _, s := range Sections {
			if s.Key >= k {
				break
			}
			if i, ok := p.heads[s.Key]; ok && i >= lo {
				lo = i
			}
		}
	}
	hi := len(p.lines)
	for _, i := range p.heads {
		if i > lo && i < hi {
			hi = i
		}
	}
	if !found {
		// the missing heading's table may sit anywhere up to the next later section
		hi = len(p.lines)
		for _, s := range Sections {
			if s.Key > k {
				if i, ok := p.heads[s.Key]; ok && i > lo && i < hi {
					hi = i
				}
			}
		}
		if k == "3" || k == "4" {
			// but not before its own first line when it has one (申请人情况,
			// 行政复议 with 行政诉讼): with the headings before it missing
			// too, the region began at the top, and 表二's rows were read as
			// 表三's first
			if i := p.tableStartIn(k, lo, hi); i >= 0 {
				lo = i
			}
		}
	}
	if _, ok := p.heads["4"]; k == "3" && !ok {
		// 表四 after 表三 without its own heading: 表三 ends where 表四's
		// header starts, and 表四's lines are its own (its one-number lines
		// were joined to its header's last word as a row of 表三)
		if i := p.tableStartIn("4", lo+1, hi); i >= 0 {
			hi = i
		}
	}
	return lo, hi
}

// tableStartIn is the first line of lo:hi that starts table k (tableStart),
// or -1.
func (p *parser) tableStartIn(k string, lo, hi int) int {
	for i := max(lo, 0); i < hi; i++ {
		if tableStart(k, p.lines[i]) {
			return i
		}
	}
	return -1
}

// wideSpaces are the spaces a title is centred with, read as spaces.
var wideSpaces = strings.NewReplacer("\u3000", " ", "\u00a0", " ")

var (
	titleRe      = regexp.MustCompile(`^(.*?)\s*(?:关于)?\s*(\d{4})\s*年\s*(?:度)?\s*(?:的)?\s*(?:政府信息公开|政务公开|信息公开)`)
	titleYearFst = regexp.MustCompile(`^\s*(\d{4})\s*年\s*(?:度)?\s*(.+?)\s*(?:政府信息公开|政务公开|信息公开)`)
	// the year after the subject, as ministries write it: "商务部政府信息公开
	// 工作2022年度报告", "…政府信息公开工作年度报告（2022年）" (the agency as
	// long as it can be: 人民政府 before 政府信息公开 is the agency's)
	titleYearLast = regexp.MustCompile(`^(.*)(?:政府信息公开|政务公开)(?:工作)?\s*(?:(\d{4})\s*年\s*度?\s*(?:工作)?报告|年度报告\s*[（(]\s*(\d{4})\s*年?\s*度?\s*[)）])`)
)

// title reads the document title and from it the agency and the year. Portal
// pages put navigation ("首页 > 年度报告") and site names before it, and some
// titles break the agency and the rest onto two lines.
func (p *parser) title() {
	end := len(p.lines)
	for _, i := range p.heads {
		if i < end {
			end = i
		}
	}
	texts := make([]string, 0, 8) // the lines before section 一 are few
	for _, l := range p.lines[:end] {
		if t := paraText(l); t != "" {
			texts = append(texts, t)
		}
	}
	if len(texts) > 0 && end < len(p.lines) {
		if t := titleEndAfter(p.lines[end+1:]); t != "" {
			texts = append(texts, t) // as titleLines
		}
	}
	switch {
	case len(texts) > 12 && len(p.heads) == 0:
		texts = texts[:12] // no section found (a workbook of the tables): the title is at the top
	case len(texts) > 12:
		// and the first, tried last: a browser's print of a portal's page
		// has the page's title whole at its top (dropFooters), its title
		// line below crowded by the portal's side column
		texts = append(texts[:1:1], texts[len(texts)-12:]...)
	}
	// (the candidates of the lines kept only: a page of junk, no section in
	// it, is all before section 一)
	pre := make([]titleLine, len(texts))
	for i, t := range texts {
		pre[i] = titleLineOf(t)
	}
	p.pickTitle(pre)
}

// titleLine is a line before section 一 as a title may be found in it: the
// line itself (a title, or an agency above a title wrapped onto the next), and
// when it holds more than one title or is too long to be one, the pieces of it
// that may be (titlePieces), tried first.
type titleLine struct {
	text  string
	cands [][]string // by piece, the last first; each from its first word on, longest first
}

func titleLineOf(t string) titleLine {
	if moreRunes(t, 80) {
		// a portal's page run into one line before section 一: its
		// metadata, links to other years' reports, then the title (at its
		// end)
		if moreRunes(t, 2000) {
			t = t[runesBefore(t, len(t), 2000):]
		}
		return titleLine{cands: titlePieces(t)}
	}
	if strings.Contains(t, `\`) {
		t = strings.ReplaceAll(t, `\`, "") // an OCR's stray stroke (政府信 息公 \开工作): no title has one
	}
	l := titleLine{text: t}
	if strings.Count(t, "报告") > 1 {
		l.cands = titlePieces(t) // "相关链接 示例局2023年…报告 示例局 2024 年…报告"
	}
	return l
}

// placeWord says a word (and the space after it) names a place, as the
// start of an agency's name does: 示例市, 卫滨区, 某某街道.
func placeWord(w string) bool {
	w = trimSpace(w)
	if w == "" || strings.ContainsFunc(w, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) {
		return false
	}
	for _, suf := range []string{"省", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "街道", "自治区", "自治州", "自治县"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// titlePieces cuts a run of text before section 一 into the candidates for
// its title: after each 报告 (not one a bracketed year follows: "年度报告
// （2022年）") a piece ends, and each piece is offered from each of its
// space-separated words on, longest first; the pieces come last first (the
// title is the last before section 一). Candidates over 80 characters or that
// are sentences (a title has no ，。；, a preface does: "根据…，现公布示例局
// 2024年…年度报告。") are left out.
func titlePieces(t string) [][]string {
	var segs [][]string // each piece's candidates, longest first
	offer := func(piece string) {
		var cs []string
		words := strings.Fields(piece)
		// only the last words can make 80 characters or fewer: the first
		// of them found from the end (each candidate joined from each word
		// on was work of the words' number squared, for every line of a
		// page of junk before section 一)
		first, n := len(words), -1
		for first > 0 {
			if n += utf8.RuneCountInString(words[first-1]) + 1; n > 80 {
				break
			}
			first--
		}
		for i := first; i < len(words); i++ {
			if c := strings.Join(words[i:], " "); !hasAnyRune(c, "，。；,;") {
				cs = append(cs, c)
			}
		}
		segs = append(segs, cs)
	}
	for t != "" {
		k := indexText(t, "报告")
		if k < 0 {
			offer(t)
			break
		}
		k += len("报告")
		if rest := strings.TrimLeft(t[k:], " "); strings.HasPrefix(rest, "（") || strings.HasPrefix(rest, "(") {
			if j := strings.IndexAny(rest, "）)"); j >= 0 {
				_, size := utf8.DecodeRuneInString(rest[j:]) // （…） closes with a wide bracket: three bytes
				k = len(t) - len(rest) + j + size
			}
		}
		offer(t[:k])
		t = t[k:]
	}
	slices.Reverse(segs) // the last piece's first: the title is the last before section 一
	return segs
}

// pickTitle finds the title among the lines before section 一, the last
// one that names an agency and a year and says 报告 (or two lines that do
// together), and from it the agency and the year.
func (p *parser) pickTitle(pre []titleLine) {
	r := p.r
	pick := func(title string) bool {
		if !hasText(title, "公开") {
			// a title spaced out letter by letter (an OCR's: "政 府 信 息 公 开")
			if !spacedOut(title) || !hasText(wideSpaces.Replace(title), "公 开") {
				return false
			}
		}
		// a Markdown heading's marks, run into a page; the end of a tag
		// before the title that a cut at its 报告 left ("【年度报告】示例局…")
		title = strings.TrimLeft(title, "# 】]")
		// a sentence is no title: a preface names the report ("根据…，现
		// 公布示例局2024年…年度报告。")
		if hasAnyRune(strings.TrimRight(title, "。 "), "，。；") {
			return false
		}
		// nor one without a comma ("现将示例局2024年度…年度报告公布如下。")
		if prefixFold(title, "现将", "现公布", "现予", "特此", "根据", "按照", "依据") || hasText(title, "如下") {
			return false
		}
		// 二〇二四年 → 2024年; a title centred with wide or no-break spaces
		t := digitYears(title)
		if hasText(t, "\u3000") || hasText(t, "\u00a0") {
			t = wideSpaces.Replace(t)
		}
		if spacedOut(t) { // "政 府 信 息 公 开 工 作 年 度 报 告"
			t, _ = squeezeSpaced(t, false)
		}
		// both patterns need a year in digits and 公开
		if !hasAnyRune(t, "0123456789") {
			return false
		}
		report := hasText(t, "报告") || hasText(t, "年报") // 年报: "…政府信息公开年报"
		misread := !report && misreadReportEnd(t)
		if m := titleRe.FindStringSubmatch(t); m != nil && cleanAgency(m[1]) != "" && (report || misread) {
			r.Title, r.Agency = title, cleanAgency(m[1])
			r.Year = reportYear(m[2])
			if misread {
				p.warn("PARSE.READ", "", 0, "标题“%s”的末字与“年度报告”不同（多半是识别有误），仍按标题读取机关“%s”和年度 %d，请对照原文核对", trimSpace(title), r.Agency, r.Year)
			}
			return true
		}
		if m := titleYearFst.FindStringSubmatch(t); m != nil && cleanAgency(m[2]) != "" && report {
			r.Title, r.Agency = title, cleanAgency(m[2])
			r.Year = reportYear(m[1])
			return true
		}
		if !hasText(t, "报告") {
			return false
		}
		if m := titleYearLast.FindStringSubmatch(t); m != nil && cleanAgency(m[1]) != "" {
			r.Title, r.Agency = title, cleanAgency(m[1])
			r.Year = reportYear(m[2] + m[3])
			return true
		}
		return false
	}
	for i := len(pre) - 1; i >= 0; i-- {
		for _, cs := range pre[i].cands {
			// the shortest that reads as a title leaves a portal's words
			// before it out ("相关链接 示例局…", "字号：大 中 小 示例局…");
			// a word before it naming a place is the agency's own
			// ("示例市 生态环境局 2024 年…")
			for j := len(cs) - 1; j >= 0; j-- {
				if !pick(cs[j]) {
					continue
				}
				for j > 0 && placeWord(cs[j-1][:len(cs[j-1])-len(cs[j])]) && pick(cs[j-1]) {
					j--
				}
				return
			}
		}
		if pre[i].text != "" && spacedPair(pre[i].text) && !spacedOut(pre[i].text) {
			// a title with a space here and there ("示例市生 态环境局2024年政府信
			// 息公开工作年度报告": a PDF's justified line): whole, without them
			// (a portal's words before it are then the agency's: rare)
			if t, _ := squeezeSpaced(pre[i].text, false); pick(t) {
				return
			}
		}
		if pre[i].text != "" && pick(pre[i].text) {
			// the place alone on the line above ("示例市" / "生态环境局2024年…")
			if i > 0 && placeWord(pre[i-1].text) {
				agency, title, year := r.Agency, r.Title, r.Year
				if !pick(pre[i-1].text + pre[i].text) {
					r.Agency, r.Title, r.Year = agency, title, year
				}
			}
			return
		}
		// a title wrapped onto a second line: the agency above, or just
		// the end of it ("…工作年度报" / "告", a PDF's line); or onto a
		// third, each line short ("示例局" / "2024年政府信息公开" / "工作年度报告")
		if i > 0 && pre[i].text != "" && pre[i-1].text != "" && (hasText(pre[i].text, "报告") || !moreRunes(pre[i].text, 4)) {
			if pick(pre[i-1].text + pre[i].text) {
				// the place alone on the line above those ("示例市" /
				// "生态环境局" / "2024年…")
				if i > 1 && placeWord(pre[i-2].text) {
					agency, title, year := r.Agency, r.Title, r.Year
					if !pick(pre[i-2].text + pre[i-1].text + pre[i].text) {
						r.Agency, r.Title, r.Year = agency, title, year
					}
				}
				return
			}
			if i > 1 && pre[i-2].text != "" && !moreRunes(pre[i-2].text, 30) && !moreRunes(pre[i-1].text, 30) && pick(pre[i-2].text+pre[i-1].text+pre[i].text) {
				return
			}
		}
	}
	if p.brokenMap() && p.garbledTitle(pre) {
		return
	}
	for _, l := range pre {
		if t := l.text; hasText(t, "年度报告") {
			r.Title = t
			if m := yearRe.FindStringSubmatch(t); m != nil {
				r.Year = reportYear(m[1])
			}
			// a title without its year ("示例局政府信息公开工作年度报告"):
			// the agency before its subject (the year is the text's)
			if m := titleNoYear.FindStringSubmatch(wideSpaces.Replace(t)); m != nil && r.Year == 0 {
				r.Agency = cleanAgency(m[1])
			}
			return
		}
	}
}

// misreadReportEnd says a title ends in 工作年度报告 with one of its last two
// characters misread (an OCR reads 告 as 后 at 300 dpi: "…公开工作年度报后"),
// or the last lost.
func misreadReportEnd(t string) bool {
	t = strings.TrimRight(t, " \u3000")
	if strings.HasSuffix(t, "工作年度报") {
		return true // (告 lost, or wrapped onto a line the OCR misread: "寻-")
	}
	rest, ok := strings.CutSuffix(t[:len(t)-lastRuneLen(t)], "工作年度报")
	if !ok {
		rest, ok = strings.CutSuffix(t, "告")
		ok = ok && strings.HasSuffix(rest[:len(rest)-lastRuneLen(rest)], "工作年度")
	}
	return ok && rest != ""
}

// lastRuneLen is the length in bytes of s's last rune (0 when s is empty).
func lastRuneLen(s string) int {
	_, n := utf8.DecodeLastRuneInString(s)
	return n
}

// garbledTitleRe is a title as a broken font map leaves it: the agency in
// Chinese, a year, then the rest with some of its characters garbled.
var garbledTitleRe = regexp.MustCompile(`^\s*(\p{Han}[\p{Han}（）()0-9]{0,40}?\p{Han})\s*((?:19|20)\d\d)(.{6,24})$`)

// garbledTitle reads the title of a text whose font map is broken
// (brokenMap: "示例第1501局2022\x80政府信息}开工作\x80度ç告", 年 and 公 and 报
// garbled): the last line before section 一 with an agency and a year whose
// rest holds most of 年政府信息公开工作年度报告's characters in order. Said,
// as a reading choice.
func (p *parser) garbledTitle(pre []titleLine) bool {
	const subject = "年政府信息公开工作年度报告"
	for i := len(pre) - 1; i >= 0; i-- {
		t := pre[i].text
		m := garbledTitleRe.FindStringSubmatch(t)
		if m == nil || !strings.ContainsFunc(m[3], markedLatin) {
			continue
		}
		if a := cleanAgency(m[1]); a != "" && commonInOrder(m[3], subject) >= 8 {
			p.r.Title, p.r.Agency, p.r.Year = t, a, reportYear(m[2])
			p.warn("PARSE.READ", "", 0, "标题“%s”中有乱码（PDF 的字体编码无法还原为文字），按其中的机关“%s”和年度 %d 读取，请对照原文核对", t, a, p.r.Year)
			return true
		}
	}
	return false
}

// commonInOrder is how many characters of b a appears to hold in order (the
// length of their longest common subsequence), for short strings.
func commonInOrder(a, b string) int {
	x, y := []rune(a), []rune(b)
	prev, cur := make([]int, len(y)+1), make([]int, len(y)+1)
	for i := range x {
		for j := range y {
			switch {
			case x[i] == y[j]:
				cur[j+1] = prev[j] + 1
			default:
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(y)]
}

// titleNoYear is a title that names no year: the agency, then the subject.
var titleNoYear = regexp.MustCompile(`^\s*(\p{Han}[\p{Han}（）()\s]{1,40}?)\s*(?:关于)?\s*(?:政府信息公开|政务公开)(?:工作)?\s*年度报告`)

// agencyElsewhere finds the agency of a report whose title does not name it
// ("2024年政府信息公开工作年度报告"): the signature at its end (the agency's
// name above the date), else a portal page's 发布机构/发文机关 or 来源 line.
// Either is said (PARSE.READ), as a reading choice.
func (p *parser) agencyElsewhere() {
	r := p.r
	seen := 0
	for i := len(p.lines) - 1; i >= 0 && seen < 12; i-- {
		t := paraText(p.lines[i])
		if t == "" || footerRe.MatchString(t) {
			continue
		}
		seen++
		if !signatureDate.MatchString(digitYears(t)) {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			a := paraText(p.lines[j])
			if a == "" {
				continue
			}
			if agencyLike(a) {
				r.Agency = a
				p.warn("PARSE.READ", "agency", p.lines[j].No, "标题中没有机关名称，机关名称取自文末落款“%s”", a)
				return
			}
			break
		}
	}
	if a, no, how := agencyInOpening(p.lines); a != "" {
		r.Agency = a
		p.warn("PARSE.READ", "agency", no, "标题中没有机关名称，机关名称取自%s", how)
		return
	}
	look := func(l Line, labels []string) string {
		m := sourceLine.FindStringSubmatch(l.Text)
		if m == nil || !slices.Contains(labels, m[1]) || !agencyLike(m[2]) {
			return ""
		}
		return m[2]
	}
	// who published it, before where it came from
	for _, labels := range [][]string{{"发布机构", "发文机关", "发文单位", "发布单位", "公开主体"}, {"信息来源", "来源"}} {
		for i, l := range p.lines {
			if i >= 80 && i < len(p.lines)-40 {
				continue // a portal's lines are at the top and the bottom of its page
			}
			if !hasAnyRune(l.Text, "：:") {
				continue
			}
			if a := look(l, labels); a != "" {
				r.Agency = a
				p.warn("PARSE.READ", "agency", l.No, "标题中没有机关名称，机关名称取自页面上的“%s”", trimSpace(l.Text))
				return
			}
		}
	}
}

// agencyInOpening finds the agency in the lines before section 一 of a
// report whose title names none: a line of its name alone under the title
// ("（示例县教育局）"), or the opening sentence's (本报告由示例县教育局编制,
// 现将示例县教育局2024年度政府信息公开工作情况报告如下). It returns the
// name, its line and how it was found (for PARSE.READ); "" when none.
func agencyInOpening(lines []Line) (agency string, no int, how string) {
	title := false
	for i, l := range lines {
		if i >= 40 {
			break
		}
		t := trimSpace(paraText(l))
		if t == "" {
			continue
		}
		if headingKey(t) != "" {
			break
		}
		if title {
			title = false
			if a := strings.Trim(t, "（）() \u3000"); agencyLike(a) && !ownWord(a) {
				return a, l.No, "标题下的“" + t + "”"
			}
		}
		// (a title names its year: not a portal's path, 首页 > … > 年度报告)
		if indexAny(t, "年度报告", "工作报告", "年报") >= 0 && !moreRunes(t, 50) && !hasText(t, "。") && hasAnyRune(digitYears(t), "0123456789") {
			title = true
			continue
		}
		for _, re := range openingAgency {
			if m := re.FindStringSubmatch(t); m != nil && agencyLike(m[1]) && !ownWord(m[1]) {
				return m[1], l.No, "正文开头“" + clip(t) + "”"
			}
		}
	}
	return "", 0, ""
}

// ownWord says a name is the report's word for itself (本局, 我委, 该中心),
// not a name.
func ownWord(a string) bool {
	return strings.HasPrefix(a, "本") || strings.HasPrefix(a, "我") || strings.HasPrefix(a, "该")
}

// openingAgency are the opening sentence's ways of naming the agency.
var openingAgency = []*regexp.Regexp{
	regexp.MustCompile(`由([\p{Han}（）()]{2,30}?)(?:根据|依据|按照|依照|编制|负责编制)`),
	regexp.MustCompile(`(?:现将|现公布|特公布|予以公布)([\p{Han}（）()]{2,30}?)(?:[0-9]{4}|[〇零一二三四五六七八九]{4})\s*年`),
}

var (
	// signatureDate is the date under a report's signature.
	signatureDate = regexp.MustCompile(`^[\s\x{3000}]*\d{4}[\s\x{3000}]*年[\s\x{3000}]*[0-9一二三四五六七八九十〇]{1,3}[\s\x{3000}]*月[\s\x{3000}]*[0-9一二三四五六七八九十〇]{1,3}[\s\x{3000}]*日[\s\x{3000}]*$`)
	// sourceLine is a portal's line naming who published a page.
	sourceLine = regexp.MustCompile(`(发布机构|发文机关|发文单位|发布单位|公开主体|信息来源|来源)[\s\x{3000}]*[：:][\s\x{3000}]*([\p{Han}（）()]{2,30})`)
)

// agencySuffixes end an agency's name.
var agencySuffixes = []string{"局", "委", "办", "厅", "院", "政府", "中心", "委员会", "办公室", "办事处", "管委会", "署", "所", "站", "馆", "处", "队", "会", "部", "室",
	"镇", "乡", "街道", "县", "区", "市"}

// agencyLike says a line is an agency's name alone: Han characters (and
// brackets), 2 to 30 of them, ending as agencies' names end, no year or
// report in it.
func agencyLike(s string) bool {
	s = trimSpace(s)
	if !moreRunes(s, 1) || moreRunes(s, 30) || hasText(s, "报告") || hasText(s, "年") {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) && !strings.ContainsRune("（）()", r) {
			return false
		}
	}
	for _, suf := range agencySuffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

func cleanAgency(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSuffix(s, "关于")
	// "附件：示例局…", "标题：示例局…": an agency's name has no colon; what
	// follows one is an agency's name only if it looks like one ("来源：本网"
	// above a title that names none is a portal's line)
	colon := false
	if i := strings.LastIndexAny(s, "：:"); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		// (a portal's index number before the title on its line:
		// "索引号：11410700/2025-00012 示例局2024年…")
		s, colon = strings.TrimLeft(s[i+n:], "0123456789/-._"), true
	}
	s = strings.Trim(s, "《》“”\"")
	// "关于示例局2024年…" (a title written as a notice's), "【示例局】2024年…"
	if rest, ok := strings.CutPrefix(s, "关于"); ok {
		s = rest
		for _, w := range []string{"印发", "发布", "公布"} { // 关于印发…年度报告的通知
			s = strings.TrimPrefix(s, w)
		}
	}
	if inner, ok := strings.CutPrefix(s, "【"); ok && strings.HasSuffix(inner, "】") && !hasText(inner, "【") {
		s = strings.TrimSuffix(inner, "】")
	} else if i := indexText(s, "】"); ok && i >= 0 && !agencyLike(s[len("【"):i]) {
		// a portal's tag before the title ("【年度报告】示例局2024年…"): not the agency
		s = s[i+len("】"):]
	}
	if colon && !agencyLike(s) || !strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		return "" // a date, a number ("2025-01-20"): a portal's line, no agency
	}
	// "2024年政府信息公开…" under the agency's own line: 政府 is the start
	// of 政府信息公开, not an agency
	if utf8.RuneCountInString(s) < 2 || s == "政府" || s == "政务" {
		return ""
	}
	return s
}

// hanZeros are what a year in Chinese numerals is written with for 〇:
// 零, and the look-alikes typed for it (○ and ◯ circles, the letter O, a
// zero among the Chinese digits: 二○二四年, 二O二四年).
const hanZeros = "〇零○◯ＯO0０"

// digitYears writes a year in Chinese numerals (二〇二四年) in digits, so
// that a title written so gives its year.
func digitYears(s string) string {
	// only the four runes before a 年 can be such a year: most titles have
	// one 年 after digits, and are returned as they are without a copy
	var out []byte
	done := 0 // s[:done] is in out
	for from := 0; ; {
		k := indexText(s[from:], "年")
		if k < 0 {
			break
		}
		k += from
		from = k + len("年")
		start, d, ok := hanYearBefore(s, k)
		if !ok {
			continue
		}
		out = append(append(out, s[done:start]...), d[:]...)
		done = k
	}
	if out == nil {
		return s
	}
	return string(append(out, s[done:]...))
}

// hanYearBefore reads the four runes that end at byte k of s as a year in
// Chinese numerals (19xx or 20xx), returning where they start.
func hanYearBefore(s string, k int) (start int, d [4]byte, ok bool) {
	const cn = "〇一二三四五六七八九"
	start = k
	for i := 3; i >= 0; i-- {
		c, size := utf8.DecodeLastRuneInString(s[:start])
		if size == 0 {
			return 0, d, false
		}
		start -= size
		if strings.ContainsRune(hanZeros, c) {
			c = '〇'
		}
		n := strings.IndexRune(cn, c)
		if n < 0 {
			return 0, d, false
		}
		d[i] = byte('0' + n/len("〇"))
	}
	return start, d, d[0] == '2' || d[0] == '1' && d[1] == '9'
}

// year falls back to the statistical period, then to the first year of section 一.
func (p *parser) year() {
	r := p.r
	if r.Year != 0 {
		return
	}
	for _, k := range NarrativeKeys {
		if !monthDay31(r.Sections[k]) {
			continue
		}
		if m := periodRe.FindStringSubmatch(r.Sections[k]); m != nil {
			r.Year = reportYear(m[1])
			return
		}
	}
	t := r.Sections["1"]
	if m := yearWord(t, "年"); m != nil {
		r.Year = reportYear(t[m[2]:m[3]])
	}
}

// reportYear is a year read from the text if it can be a report's (the
// range the loader accepts, so that what the auditor writes loads back),
// else 0: not read.
func reportYear(s string) int {
	if y, err := strconv.Atoi(s); err == nil && y >= minReportYear && y <= maxReportYear {
		return y
	}
	return 0
}

func (p *parser) detectFormat() {
	lo2, hi2 := p.region("2")
	lo3, hi3 := p.region("3")
	text := func(lo, hi int) string {
		// joined without a separator: a label wrapped over two lines
		// still reads whole
		n := 0
		for _, l := range p.lines[lo:hi] {
			n += len(l.Text)
		}
		var b strings.Builder
		b.Grow(n)
		for _, l := range p.lines[lo:hi] {
			b.WriteString(l.Text)
		}
		return b.String()
	}
	t2, t3 := text(lo2, hi2), text(lo3, hi3)
	f := tablesFormat(t2, t3)
	if f == "" && (hasAnyRune(t2, " \u3000") || hasAnyRune(t3, " \u3000")) {
		// the words spaced out (本 年 新 制 作 数 量, as a PDF's text gives
		// a justified line): looked at again without the spaces
		t2, t3 = withoutSpaces(t2), withoutSpaces(t3)
		f = tablesFormat(t2, t3)
	}
	y := p.r.Year
	if y == 0 {
		if m := yearRe.FindStringSubmatch(p.r.Title); m != nil {
			y, _ = strconv.Atoi(m[1])
		}
	}
	if f == "" {
		f = FormatForYear(y)
	} else if y > 0 && f != FormatForYear(y) {
		// read the tables it has, and say it is the wrong table
		want := FormatForYear(y)
		p.warn("S.FORMAT", "", p.lines[lo2].No, "%d 年度报告应使用%s的表格，实际使用的是%s的表格（“%s”）；已按实际使用的表格读取",
			y, want.Title(), f.Title(), formatClue(f, t2+t3))
	}
	if f == Format2021 && (hasText(t2, "本年制发件数") || hasText(t2, "现行有效件数")) {
		// rows of the trial format's 表二 that some 2021 tables kept
		for _, row := range []string{"其他对外管理服务事项", "政府集中采购"} {
			if i := slices.IndexFunc(p.lines[lo2:hi2], func(l Line) bool { return hasText(l.Text, row) }); i >= 0 {
				p.warn("PARSE.READ", "proactive", p.lines[lo2+i].No, "表二有“%s”一行，这是 2019 年试行格式的行，国办公开办函〔2021〕30号的表格没有这一行，未读取", row)
			}
		}
	}
	if f != p.r.Format {
		fresh := NewReport(f)
		p.r.Format = f
		p.r.Applications = fresh.Applications
	}
}

// t4Headings writes a line of 表四's headings in the template's words where
// agencies write them otherwise: 合计 or 小计 for 总计, and the results
// without 结果 (维持 纠正 其他 未审结, on a line naming two of them at least,
// or starting a line), 直接起诉 for 未经复议直接起诉. In 表四 each can only
// be that heading.
func t4Headings(l *Line) {
	if indexAny(l.Text, "计", "审结", "维持", "纠正", "其他", "起诉") < 0 {
		return
	}
	fix := func(s string, heading bool) string {
		// (a Replacer of strings allocates the string again even where it
		// replaces nothing: most cells hold none of the words)
		if len(s) < len("计") || allASCIIDigits(s) {
			return s // a count, or empty: most cells of the table's rows
		}
		if hasText(s, "计") {
			s = t4Total.Replace(s)
		}
		if heading && indexAny(s, "维持", "纠正", "其他", "审结") >= 0 {
			s = t4Short.Replace(s)
		}
		if hasText(s, "直接起诉") && !hasText(s, "未经复议直接起诉") {
			s = strings.ReplaceAll(s, "直接起诉", "未经复议直接起诉")
		}
		return s
	}
	n := 0
	for _, w := range []string{"维持", "纠正", "审结"} {
		if hasText(l.Text, w) {
			n++
		}
	}
	// a line of the headings, or a row of a 表四 turned on its side (维持 1 0
	// 0), that has none of the full words (结果 维持 spaced out included)
	t := withoutSpaces(trimSpace(l.Text))
	// (其他 and another character is 其他结果 with a character misread,
	// 其他结求 or 其他万果: not 其他 short)
	row := strings.HasPrefix(t, "维持") || strings.HasPrefix(t, "纠正") || strings.HasPrefix(t, "未审结") || strings.HasPrefix(t, "其他") && !startsHan(t[len("其他"):])
	short := (row || n >= 2) && !hasText(t, "结果") && !hasText(t, "尚未")
	l.Text = fix(l.Text, short)
	for k, f := range l.Fields {
		l.Fields[k] = fix(f, short || t4Result[trimSpace(f)] != "")
	}
	if !short && l.Fields != nil && slices.ContainsFunc(l.Fields, func(f string) bool { return t4Result[trimSpace(f)] != "" }) {
		l.Text = strings.Join(l.Fields, "\t") // a cell of the short word alone: 行政复议 | 维持 | 2
	}
}

// t4Total writes 表四's 合计 and 小计 as the 总计 they are there.
var t4Total = strings.NewReplacer("合计", "总计", "小计", "总计")

// t4Result are the short results as a cell of their own.
var t4Result = map[string]string{"维持": "结果维持", "纠正": "结果纠正", "其他": "其他结果", "未审结": "尚未审结"}

// t4Short writes 表四's results without 结果 (维持, 纠正, 其他, 未审结) in full;
// the full ones stay as they are (each is matched before its short form).
var t4Short = strings.NewReplacer("结果维持", "结果维持", "结果纠正", "结果纠正", "其他结果", "其他结果", "尚未审结", "尚未审结",
	"维持", "结果维持", "纠正", "结果纠正", "其他", "其他结果", "未审结", "尚未审结")

// --- reading cells ---------------------------------------------------------------

var placeholders = map[string]bool{"-": true, "—": true, "－": true, "——": true, "--": true, "/": true, "／": true,
	"无": true, "空": true, "*": true, "x": true, "×": true, "–": true}

func cellish(s string) bool {
	if s != "" && allASCIIDigits(s) {
		return true // most cells: skip the trimming and the rune reads
	}
	s = trimSpace(s)
	return s == "" || isNumber(s) || isPlaceholder(s) || withUnit(s)
}

// countUnitsInCells are the units some agencies write after a count in a
// cell ("356件"); 万元 is the unit of 表二's amounts ("12.35万元").
var countUnitsInCells = []string{"件", "个", "条", "项", "宗", "起", "人次"}

// amountUnits is the unit of 表二's amounts, as written in a cell (万 alone:
// "12.35万").
var amountUnits = []string{"万元", "万"}

// withUnit says a cell is a number followed by a unit (元 too: such a cell
// is read, and said to be in the wrong unit, not taken for a label).
func withUnit(s string) bool {
	_, ok := cutUnit(s, countUnitsInCells)
	if !ok {
		_, ok = cutUnit(s, moneyUnits)
	}
	return ok
}

// moneyUnits are the units an amount may be written with: 万元, the column's,
// and 元, which is read and then said to be the wrong one.
var moneyUnits = []string{"万元", "万", "元"}

// cutUnit returns a cell without one of the units after its number, and
// whether it had one. A count's unit on an amount, or 万元 on a count, stays
// and the cell is no number (CELL.INVALID quotes it): units are not
// converted.
func cutUnit(s string, units []string) (string, bool) {
	if s == "" || s[len(s)-1] < utf8.RuneSelf {
		return s, false // no unit: most cells
	}
	for _, u := range units {
		if n, ok := strings.CutSuffix(s, u); ok && isNumber(trimSpace(n)) {
			return trimSpace(n), true
		}
	}
	return s, false
}

// maxPlaceholder is the longest placeholder, in bytes.
const maxPlaceholder = 6

// isPlaceholder is placeholders[s], without hashing the cells that cannot
// be one: labels, and numbers (no placeholder starts with a digit).
func isPlaceholder(s string) bool {
	return s != "" && len(s) <= maxPlaceholder && (s[0] < '0' || s[0] > '9') && placeholders[s]
}

// tok is a space-separated token with its position (in runes) on the line;
// -1 when it has none (a cell of a table, a number cut off its label).
type tok struct {
	s          string
	center     int
	start, end int // rune columns [start, end)
}

// rowCells is what one table line holds after its label.
type rowCells struct {
	label  string
	cells  []string // exactly n cells when ok
	tokens []tok    // the numbers when not exactly n: blanks to place, or cells run together
	spaced bool     // the numbers are set apart by wide gaps (pdftotext -layout): fewer of them means blanks
	ok     bool
	// windows are where in the line's Fields the cells may start (a 表三
	// row of fields with empty ones); one when ok. from is the field after
	// the label's last.
	windows []int
	from    int
}

// numbers are the row's numbers as read: its cells, or its tokens when not
// exactly its cells.
func (rc rowCells) numbers() []string {
	if rc.ok {
		return rc.cells
	}
	return strs(rc.tokens)
}

// numberish is a cell, or several cells in one (a converter's "1 0 0 0 0 01").
func numberish(s string) bool {
	// a label: a Chinese character first that is no placeholder (无, 空)
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if r, _ := utf8.DecodeRuneInString(s[i:]); r >= 0x4E00 && r <= 0x9FFF && r != '无' && r != '空' {
		return false
	}
	if cellish(s) {
		return true
	}
	return numberRun(s)
}

// numberRun is numberTokens(s)'s ok without building the tokens: only
// digits, minus signs and spaces, and a digit or minus among them.
func numberRun(s string) bool {
	some := false
	for i, r := range s {
		switch {
		case isDigit(r), isMinus(r) && minusAt(s, i):
			some = true
		case r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0':
		default:
			return false
		}
	}
	return some
}

// splitLabel separates a line into its label and its cells. n is the number of
// cells the row should have. A row of counts (countRow) may have
// placeholders glued among its digits.
func splitLabel(l Line, n int) rowCells {
	if countRow(n) {
		return splitMarkedLabel(l, n, &countMarks)
	}
	return splitMarkedLabel(l, n, nil)
}

// splitMarkedLabel is splitLabel for a row that may have placeholders glued
// among its digits (m; nil: none).
func splitMarkedLabel(l Line, n int, m *marks) rowCells {
	if l.Fields != nil {
		return splitFields(l, n)
	}
	// space-separated text: trailing cell-like tokens are the cells
	toks := tokens(l.Text)
	k := len(toks)
	for k > 0 && (cellish(toks[k-1].s) || m != nil && (placeholderRun(toks[k-1].s, *m) || m.dashes && k > 1 && toks[k-1].s[0] != '-' && dashesOnly(toks[k-1].s))) {
		k-- // (a run of dashes after a label's word: cells written —, glued: — ——— ———; not a Markdown rule's ---)
	}
	if m != nil && k > 1 && len(toks)-k < n && toks[k-1].s == "一" {
		k = ocrDashes(toks, k, n)
	}
	label := make([]string, 0, k)
	for _, t := range toks[:k] {
		label = append(label, t.s)
	}
	cells := toks[k:]
	// a row's digits and placeholders glued to its label: "…数量31////4"
	marked := false
	if len(cells) < n && k > 0 && m != nil {
		if head, run, ok := tailPlaceholderRun(label[k-1], *m); ok {
			label[k-1], marked = head, true
			var glued []tok
			for _, t := range run {
				glued = append(glued, tok{s: t, center: -1})
			}
			cells = append(glued, cells...)
		}
	}
	// a cell written as a placeholder glued to the label ("…数量/ 7 1 0 4
	// 315", "予以公开无 7 …"): a cell of its own, not the label's end (then
	// the digits are not all the row's, and are not cut as if they were)
	// (in a page without line breaks, a wrapped label's first line's cell
	// glued to it with no other: "…公开申请—" / "数量—1—2—3…", the label
	// before it the start of a row's and not all of it)
	if k > 0 && (len(cells) > 0 || l.Segmented && m != nil && startsT3Label(label[k-1])) && !marked {
		if last := label[k-1]; len(last) > len("/") {
			if r, size := utf8.DecodeLastRuneInString(last); gluedPlaceholder(r) {
				if r2, size2 := utf8.DecodeLastRuneInString(last[:len(last)-size]); dashLike(r) && r2 == r && len(last) > size+size2 {
					size += size2 // a cell written —— (…数量—— 2 ——…)
				}
				label[k-1] = last[:len(last)-size]
				cells = append([]tok{{s: last[len(last)-size:], center: -1}}, cells...)
			}
		}
	}
	// the first number glued to its label: "…数量120030015", "…数量1 0 0 0 0 01"
	if len(cells) < n && k > 0 && !marked {
		if head, run, ok := tailRun(toks[k-1].s); ok {
			label[k-1] = head
			cells = append([]tok{{s: run, center: -1}}, cells...)
		}
	}
	rc := rowCells{label: strings.Join(label, " ")}
	if len(cells) == n && !marked && !(m != nil && slices.ContainsFunc(cells, func(t tok) bool { return markAfterDigit(t.s, *m) })) {
		// (digits and marks glued to the label are n pieces, but not
		// yet n cells: a run of dashes may be several, digits may be
		// several numbers; the readings count them)
		for _, t := range cells {
			rc.cells = append(rc.cells, t.s)
		}
		rc.ok = true
		return rc
	}
	rc.tokens = cells
	// wide gaps between the numbers: columns (pdftotext -layout) with blanks
	for i := 1; i < len(cells) && !l.Segmented; i++ {
		if cells[i-1].center >= 0 && (cells[i].start-cells[i-1].end >= 2 || l.Placed) {
			rc.spaced = true
		}
	}
	return rc
}

// markAfterDigit says a token glues a placeholder after a digit ("274——",
// "548—548"): several cells of a row run together, never one (a sign stands
// before its digits), so n such tokens are not n cells.
func markAfterDigit(s string, m marks) bool {
	digit := false
	for _, r := range s {
		switch {
		case isDigit(r):
			digit = true
		case digit && m.mark(r):
			return true
		}
	}
	return false
}

// ocrDashes is where a row's cells start when an OCR read its dash
// placeholders as 一 ("…数量 一 一 一 4 一 一 4"): standalone 一 among the
// numbers before k make the row exactly n cells (or n 一 alone), and words
// are left before them; else k. The 一 are cells then, invalid as a
// dash is (CELL.INVALID), not the label's words.
func ocrDashes(toks []tok, k, n int) int {
	j, digits := k, len(toks)-k
	for j > 1 && len(toks)-j < n && (toks[j-1].s == "一" || cellish(toks[j-1].s)) {
		j--
	}
	if len(toks)-j != n {
		return k
	}
	if digits == 0 {
		// a row of dashes alone: every cell a 一
		for _, t := range toks[j:] {
			if t.s != "一" {
				return k
			}
		}
	}
	if w := toks[j-1].s; w == "一" || cellish(w) || strings.HasSuffix(w, "（") || strings.HasSuffix(w, "(") {
		return k // more of them than cells, or a bracketed ordinal's
	}
	return j
}

// ocrDashFields is ocrDashes for a row of fields: the last field of its
// label when fields of 一 alone among its numbers (an OCR's dashes) make it
// exactly n cells, words before them; else last.
func ocrDashFields(fs []string, last, n int) int {
	j, cells := last, 0
	for _, f := range fs[last+1:] {
		if trimSpace(f) != "" {
			cells++
		}
	}
	for j >= 0 && cells < n {
		f := trimSpace(fs[j])
		if f != "一" && !numberish(fs[j]) {
			break
		}
		if f != "" {
			cells++
		}
		j--
	}
	for j >= 0 && trimSpace(fs[j]) == "" {
		j--
	}
	if cells != n || j < 0 || trimSpace(fs[j]) == "一" || numberish(fs[j]) {
		return last
	}
	return j
}

// joinLabel joins a row's label cells, each once where a converter repeated
// a merged cell's text in every column it spans ("予以公开 | 予以公开").
func joinLabel(fs []string) string {
	if len(fs) == 1 {
		return fs[0]
	}
	// one field with words among empty ones (a row under merged cells):
	// that field, without the spaces a join would put around it
	one := -1
	for i, f := range fs {
		if f != "" {
			if one >= 0 {
				one = -2
				break
			}
			one = i
		}
	}
	if one >= 0 {
		return fs[one]
	}
	for i := 1; i < len(fs); i++ {
		if fs[i] != "" && fs[i] == fs[i-1] {
			out := slices.Clone(fs[:i])
			for _, f := range fs[i:] {
				if f == "" || f != out[len(out)-1] {
					out = append(out, f)
				}
			}
			return strings.Join(out, " ")
		}
	}
	return strings.Join(fs, " ")
}

// splitFields is splitLabel for a row of cells (tabs, HTML, DOCX, Markdown).
func splitFields(l Line, n int) rowCells {
	if k := len(l.Fields) - NumCols; n == NumCols && k > 0 && everyASCIICount(l.Fields[k:]) {
		// most rows: the label's fields, empty ones under merged headings,
		// and a count in each of the last seven, which the general path
		// reads the same, at several times the cost
		j := k - 1
		for j >= 0 && l.Fields[j] == "" {
			j--
		}
		if j >= 0 && !numberish(l.Fields[j]) {
			from := k // (as the general path has it: after the last field that is no number)
			for from > 0 && numberish(l.Fields[from-1]) {
				from--
			}
			return rowCells{label: joinLabel(l.Fields[:j+1]), windows: []int{k}, from: from, cells: l.Fields[k:], ok: true}
		}
	}
	return splitAnyFields(l, n)
}

// splitAnyFields is splitFields for any row (its short path is this one's
// answer for the rows it takes, which a test holds it to).
func splitAnyFields(l Line, n int) rowCells {
	for i, f := range l.Fields {
		if spacedDashes(f) {
			// a cell of —— spaced out (an OCR's text layer: "— —"): one
			// mark, as a spaced-out label is read as one
			fs := slices.Clone(l.Fields)
			for j := i; j < len(fs); j++ {
				if spacedDashes(fs[j]) {
					fs[j] = strings.ReplaceAll(fs[j], " ", "")
				}
			}
			l.Fields = fs
			break
		}
	}
	last := -1
	for i, f := range l.Fields {
		if !numberish(f) {
			last = i
		}
	}
	if last > 0 && trimSpace(l.Fields[last]) == "一" {
		if j := ocrDashFields(l.Fields, last, n); j != last {
			// the row's n cells, some of them 一 (invalid, said)
			rc := rowCells{label: joinLabel(l.Fields[:j+1]), ok: true}
			for _, f := range l.Fields[j+1:] {
				if f = trimSpace(f); f != "" {
					rc.cells = append(rc.cells, f)
				}
			}
			return rc
		}
	}
	label := joinLabel(l.Fields[:last+1])
	region := l.Fields[last+1:]
	if last >= 0 && allEmpty(region) {
		if head, run, ok := tailRun(trimSpace(l.Fields[last])); ok {
			return rowCells{label: strings.Join(l.Fields[:last], " ") + " " + head, tokens: []tok{{s: run, center: -1}}}
		}
	}
	rc := rowCells{label: label}
	if n == NumCols {
		rc = fieldWindows(rc, l.Fields, last+1)
		if !rc.ok && l.OneEach && wellFormed(strs(rc.tokens)) {
			rc.spaced = true // a cell to a line: a blank left no line ("000" is digits run together)
		}
		return rc
	}
	if l.Structured {
		t := region
		for len(t) > n && trimSpace(t[len(t)-1]) == "" {
			t = t[:len(t)-1] // Word's merge continuations, not blank cells
		}
		if l.OneEach && len(t) > n {
			// more numbers on their own lines under a label than its row has
			// cells: a converter that wrote the table's numbers apart from
			// its labels (pdfminer: both rows' labels, then their numbers),
			// whose order cannot be known
			rc.tokens = nonEmpty(region)
			rc.spaced = true
			return rc
		}
		if len(t) >= n && allCells(t[len(t)-n:]) {
			rc.cells, rc.ok = t[len(t)-n:], true
			return rc
		}
		rc.tokens = nonEmpty(region)
		// positional blanks, not glued cells (unless a line's number is
		// digits run together: "000" under 规章)
		rc.spaced = len(region) >= n || l.OneEach && wellFormed(strs(rc.tokens))
		return rc
	}
	lead, trail := 0, len(region)
	for lead < trail && trimSpace(region[lead]) == "" {
		lead++
	}
	for trail > lead && trimSpace(region[trail-1]) == "" {
		trail--
	}
	for i, c := range [][]string{region[lead:trail], region[lead:], region[:trail], region} {
		if len(c) == n && allCells(c) {
			if other := region[:trail]; i == 1 && len(other) == n && allCells(other) && !slices.Equal(c, other) {
				// the numbers fit after an empty field and before one
				// alike ("" 21.27 "" for two cells): where the blank is
				// cannot be told
				break
			}
			rc.cells, rc.ok = c, true
			return rc
		}
	}
	rc.tokens = nonEmpty(region)
	rc.spaced = separateCells(region, n) || len(region) > n
	return rc
}

// everyASCIICount says each field is a count in ASCII digits alone.
func everyASCIICount(fs []string) bool {
	for _, f := range fs {
		if f == "" || !allASCIIDigits(f) {
			return false
		}
	}
	return true
}

// separateCells says a row's fields hold fewer numbers than it has cells,
// two or more, each a whole cell: blanks whose places are unknown, not
// cells run together ("| 数值 | -6 | 30 |" is not -6, 3, 0).
func separateCells(region []string, n int) bool {
	count := 0
	for _, f := range region {
		if trimSpace(f) == "" {
			continue
		}
		if !cellish(f) || leadingZero(f) {
			return false // cells run together in a field
		}
		count++
	}
	return count >= 2 && count < n
}

// fieldWindows places a 表三 row of tab- or pipe-separated fields, where an
// empty field may be a blank cell, a column of the label merged across, or
// a converter's trailing cell: the cells are seven fields in a row holding
// every number. One such window is the row; several are kept for
// placeFieldRows, which goes by the table's complete rows or the row's sum.
func fieldWindows(rc rowCells, fields []string, from int) rowCells {
	region := fields[from:]
	rc.from = from
	first, last, count := -1, -1, 0
	zeroLed := false // a field 00 or 05: cells run together, when the row lacks a field
	for i, f := range region {
		if trimSpace(f) == "" {
			continue
		}
		if !cellish(f) {
			rc.tokens = nonEmpty(region) // several cells run together in a field
			return rc
		}
		zeroLed = zeroLed || leadingZero(f)
		if first < 0 {
			first = i
		}
		last, count = i, count+1
	}
	if count == 0 {
		return rc
	}
	if zeroLed && count < NumCols {
		rc.tokens = nonEmpty(region)
		return rc
	}
	for k := max(0, last-NumCols+1); k <= first && k+NumCols <= len(region); k++ {
		rc.windows = append(rc.windows, from+k)
	}
	if len(rc.windows) == 1 {
		w := rc.windows[0]
		rc.cells, rc.ok = fields[w:w+NumCols], true
		return rc
	}
	rc.tokens = nonEmpty(region)
	if len(rc.windows) == 0 && count == NumCols && !zeroLed && cellsInOrder(rc.tokens) {
		// a number for every cell spread over more fields than cells: the
		// empty ones between are columns a converter made up (wvText draws
		// a .doc's merged heading cells as columns of their own), not
		// blanks, and the numbers are the row's cells in order
		rc.cells, rc.ok = make([]string, NumCols), true
		for i, t := range rc.tokens {
			rc.cells[i] = t.s
		}
		rc.tokens = nil
		return rc
	}
	// with fields enough for every cell, the empty ones are blanks whose
	// place is unknown, not numbers run together
	rc.spaced = len(region) >= NumCols || separateCells(region, NumCols)
	return rc
}

// cellsInOrder says a row's numbers, one for each of 表三's cells, are
// counts that add up (or all 0, which any order reads alike): the numbers
// of a row a converter left whole, not some of another row's.
func cellsInOrder(ts []tok) bool {
	if len(ts) != NumCols || !wellFormed(strs(ts)) {
		return false
	}
	return tokensSumUp(ts) || !slices.ContainsFunc(ts, func(t tok) bool { return t.s != "0" })
}

// commonFields is how many fields most of 表三's complete rows of separated
// fields have (a converter writes its rows alike), 0 when none.
func commonFields(got []t3Line) int {
	var counts [64]int // a row of 表三 has 7 cells and a few label fields
	best, bestN := 0, 0
	for _, g := range got {
		if !g.rc.ok || g.line.Fields == nil || len(g.line.Fields) >= len(counts) || anyEmpty(g.rc.cells) {
			continue
		}
		n := len(g.line.Fields)
		counts[n]++
		if counts[n] > bestN || counts[n] == bestN && n > best {
			best, bestN = n, counts[n]
		}
	}
	return best
}

// gluedNotBlank looks at a row of separated fields read with one blank cell
// that then does not add up: when splitting one of its numbers in two makes
// seven cells that do ("0 6 0 3 4 215": 2 and 15), the converter may have
// run two cells together as well as the report left one blank, and which
// cannot be known. It returns the number and the split that fits.
func gluedNotBlank(cells []string) (field, split string, ok bool) {
	if !anyEmpty(cells) {
		return "", "", false // nearly every row: no blank to doubt
	}
	nums := make([]string, 0, NumCols)
	blank := false
	for _, c := range cells {
		t := trimSpace(c)
		switch {
		case t == "" && !blank:
			blank = true
		case t == "" || len(t) > 2*maxCellDigits || strings.ContainsFunc(t, func(r rune) bool { return r < '0' || r > '9' }):
			return "", "", false // two blanks, or a cell that is no plain count (or no two run together)
		default:
			nums = append(nums, t)
		}
	}
	if !blank || addsUp(cells) {
		return "", "", false
	}
	seq := make([]string, 0, NumCols)
	for i, f := range nums {
		for k := 1; k < len(f); k++ {
			a, b := f[:k], f[k:]
			if len(b) > 1 && b[0] == '0' {
				continue // no count is written with a leading zero
			}
			seq = append(append(append(seq[:0], nums[:i]...), a, b), nums[i+1:]...)
			if addsUp(seq) {
				return f, a + " " + b, true
			}
		}
	}
	return "", "", false
}

// nonBlank is the cells that hold something.
func nonBlank(cells []string) []string {
	var out []string
	for _, c := range cells {
		if t := trimSpace(c); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// leadingZero says a field is digits that start with 0 and go on ("00",
// "05"): no count is written so, it is cells run together by a converter.
func leadingZero(f string) bool {
	f = trimSpace(f)
	if len(f) < 2 || f[0] != '0' {
		return false
	}
	for i := 1; i < len(f); i++ {
		if f[i] < '0' || f[i] > '9' {
			return false
		}
	}
	return true
}

// placeFieldRows settles the 表三 rows fieldWindows left with several
// windows: by the complete rows of the same table with as many fields (a
// converter writes its rows alike), else by the one window whose six cells
// add up to its 总计. Otherwise the row stays unread (PARSE.TABLE).
func (p *parser) placeFieldRows(got []t3Line) {
	// fields on the line and where its label ends → where the cells start;
	// -1 when rows disagree. (A converter that writes a merged cell as one
	// field puts a row's cells one field further where a group's cell
	// stands before its label: "三、本年度办理结果 | （一）予以公开 | 2 | …" and
	// "二、上年结转… |  | 2 | … | 5 | ", alike in fields, start apart.)
	if stairedFields(got) {
		p.t3Staired = true
		// no field stands for a column: a row whole is its seven numbers
		// (fieldWindows), one with blanks has them nowhere known
		for k := range got {
			if g := &got[k]; g.rc.ok && g.line.Fields != nil && anyEmpty(g.rc.cells) {
				g.rc = rowCells{label: g.rc.label, tokens: nonEmpty(g.rc.cells), spaced: true, from: g.rc.from}
			}
		}
		return
	}
	type shape struct{ fields, from int }
	layout := map[shape]int{}
	for _, g := range got {
		// a row whose numbers fill its one window from its first cell to
		// its last (blanks between, or none) shows where such rows' cells
		// are as a complete row does
		if !g.rc.ok || len(g.rc.windows) != 1 || trimSpace(g.rc.cells[0]) == "" || trimSpace(g.rc.cells[NumCols-1]) == "" {
			continue
		}
		n, w := shape{len(g.line.Fields), g.rc.from}, g.rc.windows[0]
		if at, seen := layout[n]; !seen {
			layout[n] = w
		} else if at != w {
			layout[n] = -1
		}
	}
	headerN, headerAt, headerRead := 0, 0, false // (asked once, where a row needs it)
	for k := range got {
		g := &got[k]
		if g.rc.ok || len(g.rc.windows) < 2 {
			continue
		}
		fs := g.line.Fields
		if at, ok := layout[shape{len(fs), g.rc.from}]; ok && at >= 0 && slices.Contains(g.rc.windows, at) {
			g.rc.cells, g.rc.ok = fs[at:at+NumCols], true
			continue
		}
		if !headerRead {
			headerN, headerAt = p.t3FieldHeader(got)
			headerRead = true
		}
		if len(fs) == headerN && slices.Contains(g.rc.windows, headerAt) {
			g.rc.cells, g.rc.ok = fs[headerAt:headerAt+NumCols], true
			continue
		}
		var fit []int
		for _, w := range g.rc.windows {
			// (a total of 0 is no sign: zeros add up in any window, one
			// with a 0 for its 总计 and one with it blank alike)
			if cells := fs[w : w+NumCols]; addsUp(cells) && toCell(cells[NumCols-1]).Val() > 0 {
				fit = append(fit, w)
			}
		}
		if len(fit) == 1 {
			g.rc.cells, g.rc.ok = fs[fit[0]:fit[0]+NumCols], true
			p.warn("PARSE.READ", "applications."+g.row.Key, g.line.No, "表三“%s%s”有空白单元格，各数所在的栏按“六类申请人之和 = 总计”确定：%s",
				g.row.Group, g.row.Label, strings.Join(g.rc.cells, " | "))
		}
	}
}

// stairedFields says 表三's rows of fields stand further right row after
// row, three or more with their label five fields or more in: wvText's
// text of a .doc whose merged cells it cannot place draws each row a few
// columns right of the last, so a field's place says nothing of its column.
func stairedFields(got []t3Line) bool {
	n, last := 0, -1
	for _, g := range got {
		fs := g.line.Fields
		at := g.rc.from - 1 // the label's last field
		if fs == nil || at < 5 || at >= len(fs) || !allEmpty(fs[:at]) || at <= last {
			continue
		}
		last, n = at, n+1
		if n >= 3 {
			return true
		}
	}
	return false
}

// t3FieldHeader is where 表三's header of fields puts its seven columns:
// a line above the first row (got's first) holding 自然人 in field at, and
// one of as many fields (n) holding 总计 in its last, six after: a row of n
// fields then has its cells in fields at to n-1, blank ones too (a tab
// text's row whose zeros were left blank and whose 总计 is blank adds up
// in a window one field left, the label's empty fields taken for cells).
// n is 0 when no header, or more than one, says so.
func (p *parser) t3FieldHeader(got []t3Line) (n, at int) {
	lo, _ := p.region("3")
	if lo < 0 || len(got) == 0 {
		return 0, 0
	}
	natural := map[int]int{} // fields on a line → where 自然人 is
	total := map[int]bool{}  // fields on a line whose last is 总计
	for _, l := range p.lines[lo:] {
		if l.No >= got[0].line.No {
			break // the header is above the first row
		}
		if len(l.Fields) < NumCols {
			continue
		}
		for i, f := range l.Fields {
			switch trimSpace(f) {
			case "自然人":
				natural[len(l.Fields)] = i
			case "总计":
				if i == len(l.Fields)-1 {
					total[len(l.Fields)] = true
				}
			}
		}
	}
	found := 0
	for fields, i := range natural {
		if total[fields] && i == fields-NumCols {
			n, at, found = fields, i, found+1
		}
	}
	if found != 1 {
		return 0, 0 // (two headers of other widths: neither is taken)
	}
	return n, at
}

// columnPiece says s (a line's label, normalised) is a word of 表三's
// column headings or a piece of one (科研, 机构: a heading wrapped in its
// narrow column).
func columnPiece(s string) bool {
	if s == "" {
		return false
	}
	for _, w := range T3ColumnLabels {
		if hasText(w, s) {
			return true
		}
	}
	return hasText("法人或其他组织", s)
}

// t3HeaderWords are the words of 表三's column headings.
var t3HeaderWords = append(slices.Clone(T3ColumnLabels), "法人或其他组织", "申请人情况")

// t3HeaderEnds says which bytes end one of t3HeaderWords.
var t3HeaderEnds = func() (ends [256]bool) {
	for _, w := range t3HeaderWords {
		ends[w[len(w)-1]] = true
	}
	return ends
}()

// columnWordsOnly says s (normalised) is words of 表三's column headings
// run together, and nothing else (科研机构社会公益组织, 总计其他).
func columnWordsOnly(s string) bool {
	if s == "" {
		return false
	}
	for s != "" {
		cut := false
		for _, w := range t3HeaderWords {
			if rest, ok := strings.CutPrefix(s, w); ok {
				s, cut = rest, true
				break
			}
		}
		if !cut {
			return false
		}
	}
	return true
}

// labelBeforeColumnWords is the row (its index in norms) whose label L
// ends in words of 表三's column headings after (…申请数量商业企业: a page run
// into one line, the header's words level with the first row), with L
// without them; -1 when L is no such label. A heading of four characters or
// more must be among the words (3.其他 is a row's label, not 3. and 其他).
func labelBeforeColumnWords(L string, norms []string) (int, string) {
	if L == "" || !t3HeaderEnds[L[len(L)-1]] {
		return -1, "" // (asked of many rows: the last byte of t3HeaderWords' last characters first)
	}
	if !slices.ContainsFunc(t3HeaderWords, func(w string) bool { return strings.HasSuffix(L, w) }) {
		return -1, ""
	}
	for i := range len(L) {
		if !columnWordsOnly(L[i:]) {
			continue
		}
		j := slices.Index(norms, L[:i])
		if j < 0 {
			continue
		}
		for _, w := range T3ColumnLabels[:ColOther] {
			if utf8.RuneCountInString(w) >= 4 && strings.Contains(L[i:], w) {
				return j, L[:i]
			}
		}
	}
	return -1, ""
}

// rowAfterColumnWords gathers a row's numbers on a page run into one line
// (Segmented) from the lines from..hi after its first ones (first), while
// each is words of the column headings with numbers (…数量商业企业6701742 /
// 科研机构社会公益组织— 402 / 法律服务机构670 / 总计其他134 3618): the row's
// cells and the last line, when exactly one reading of them as seven cells
// adds up (670 1742 — 402 670 134 3618); nil otherwise.
func (p *parser) rowAfterColumnWords(first []tok, from, hi int) ([]string, int) {
	ts, last := strs(first), -1
	for m := from; m < hi && len(ts) <= NumCols; m++ {
		l := p.lines[m]
		if trimSpace(l.Text) == "" {
			continue
		}
		rc := splitLabel(l, NumCols)
		label, mark := trimSpace(rc.label), ""
		if !rc.ok && len(rc.tokens) == 0 {
			// a cell written — glued to the words, alone on its line
			// (法律服务机构—)
			cut := strings.TrimRightFunc(label, countMarks.mark)
			label, mark = cut, label[len(cut):]
		}
		label = stripGroups(norm(label))
		if !l.Segmented || !columnWordsOnly(label) || mark != "" && !placeholderTok(mark) {
			break
		}
		if mark != "" {
			ts = append(ts, mark)
		}
		ts = append(append(ts, rc.cells...), strs(rc.tokens)...)
		last = m
	}
	if last < 0 || len(ts) > NumCols {
		return nil, 0
	}
	if slices.ContainsFunc(ts, countMarks.hasMark) {
		if cuts := splitPlaceholdersAs(ts, NumCols, NumCols, countMarks, p.dashWays()); len(cuts) == 1 && addsUpMarked(cuts[0]) {
			return cuts[0], last
		}
		return nil, 0
	}
	if cuts := splitCounts(ts, NumCols, NumCols, 2); len(cuts) == 1 {
		cells := make([]string, NumCols)
		for i, x := range cuts[0] {
			cells[i] = strconv.FormatInt(x, 10)
		}
		return cells, last
	}
	return nil, 0
}

// rowAmongColumnWords gathers a row's numbers on the lines from..hi after
// its first ones (first), while each line is a word of the column headings
// with numbers or without: the row's cells, and the last line with numbers,
// when they are seven, each a cell, and they add up; nil otherwise.
func (p *parser) rowAmongColumnWords(first []tok, from, hi int) ([]string, int) {
	cells, last := strs(first), -1
	for m := from; m < hi && len(cells) <= NumCols; m++ {
		l := p.lines[m]
		if trimSpace(l.Text) == "" {
			continue
		}
		if t := trimSpace(l.Text); isPlaceholder(t) && l.Fields == nil {
			cells, last = append(cells, t), m // a cell written — (无, /) on its own line
			continue
		}
		rc := splitLabel(l, NumCols)
		if !columnPiece(stripGroups(totalWord(norm(rc.label)))) {
			break
		}
		if rc.ok || len(rc.tokens) > 0 {
			if !l.OneEach {
				return nil, 0
			}
			cells = append(cells, rc.cells...)
			cells = append(cells, strs(rc.tokens)...)
			last = m
		}
	}
	if len(cells) != NumCols || last < 0 || !cellsOrMarks(cells) || !addsUpMarked(cells) {
		return nil, 0
	}
	return cells, last
}

// addsUp says a row's 总计 is there and is the sum of the six cells it has.
func addsUp(cells []string) bool {
	total, ok := toCell(cells[NumCols-1]).Int()
	if !ok {
		return false
	}
	var sum int64
	for _, c := range cells[:NumCols-1] {
		cl := toCell(c)
		if cl.IsInvalid() {
			return false
		}
		sum += cl.Val()
	}
	return sum == total
}

// tokensSumUp says a row's numbers, two or more and each a count or a mark
// for 0, add up to the last of them, which is not 0 (zeros add up to
// anything).
func tokensSumUp(ts []tok) bool {
	if len(ts) < 2 {
		return false
	}
	v := make([]int64, len(ts))
	for i, t := range ts {
		n, ok := toCell(t.s).Int()
		if !ok && !isPlaceholder(t.s) {
			return false
		}
		v[i] = n // (a mark for 0 counts as nothing)
	}
	return v[len(v)-1] > 0 && sumsUp(v)
}

// fieldsSumUp is tokensSumUp for a row's cell fields.
func fieldsSumUp(fs []string) bool {
	ts := make([]tok, len(fs))
	for i, f := range fs {
		ts[i].s = trimSpace(f)
	}
	return tokensSumUp(ts)
}

// addsUpMarked is addsUp where a cell may be a mark for 0, counting as
// nothing (its 总计 too).
func addsUpMarked(cells []string) bool {
	var v [NumCols]int64
	for i, c := range cells {
		cl := toCell(c)
		if cl.Blank() && i == NumCols-1 || cl.IsInvalid() && !isPlaceholder(trimSpace(c)) {
			return false
		}
		v[i] = cl.Val()
	}
	return sumsUp(v[:])
}

// totalMarkedOff says a 表三 row's one reading (cells, of its glued tokens
// ts) cut a run of digits to make seven cells, and has a placeholder for its
// total while its applicants' cells are not all 0 (—58———— as — 5 8 — — — —):
// a row one number short, its total carried elsewhere by the text, rather
// than the report's error (a total the report got wrong is a number).
func totalMarkedOff(ts, cells []string) bool {
	if markedTotalOf(cells) <= 0 {
		return false
	}
	runs, numbers := 0, 0
	for _, t := range ts {
		prev := false
		for _, r := range t {
			if d := isDigit(r); d && !prev {
				runs++
			}
			prev = isDigit(r)
		}
	}
	for _, c := range cells[:ColTotal] {
		if _, ok := toCell(c).Int(); ok {
			numbers++
		}
	}
	return numbers > runs
}

// markedTotalOf is the sum of a 表三 row's applicants' cells when its 总计
// is a placeholder for 0; -1 when it is not (or the row is not seven cells).
func markedTotalOf(cells []string) int64 {
	if len(cells) != NumCols || !placeholderTok(trimSpace(cells[ColTotal])) {
		return -1
	}
	var sum int64
	for _, c := range cells[:ColTotal] {
		sum += toCell(c).Val()
	}
	return sum
}

// sumsUp says the last of a row's counts is the sum of the others.
func sumsUp(v []int64) bool {
	var sum int64
	for _, x := range v[:len(v)-1] {
		sum += x
	}
	return sum == v[len(v)-1]
}

// allCells says every field is one cell (not several run together).
func allCells(fs []string) bool {
	for _, f := range fs {
		if !cellish(f) {
			return false
		}
	}
	return true
}

// nonEmpty are the numbers of fields: a field holding several ("1 0 0") gives each.
func nonEmpty(fs []string) []tok {
	var out []tok
	for _, f := range fs {
		f = trimSpace(f)
		if f == "" {
			continue
		}
		if ts, ok := numberTokens(f); ok && !cellish(f) {
			for _, t := range ts {
				out = append(out, tok{s: t, center: -1})
			}
			continue
		}
		out = append(out, tok{s: f, center: -1})
	}
	return out
}

// strs are the tokens' texts.
func strs(ts []tok) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.s
	}
	return out
}

// anyEmpty says some field holds nothing but spaces; a field that starts
// with a printable ASCII byte (a digit, nearly always) is not trimmed.
func anyEmpty(fs []string) bool {
	return slices.ContainsFunc(fs, func(f string) bool {
		return f == "" || (f[0] <= ' ' || f[0] >= utf8.RuneSelf) && trimSpace(f) == ""
	})
}

func allEmpty(fs []string) bool {
	for _, f := range fs {
		if trimSpace(f) != "" {
			return false
		}
	}
	return true
}

func tokens(s string) []tok { return measuredTokens(s, false) }

// measuredTokens are the space-separated tokens of s with their columns:
// a character one column, or by display width (wide) two for a Chinese one.
func measuredTokens(s string, wide bool) []tok {
	var out []tok
	col, start, from := 0, -1, 0 // column, token start column and byte
	for i, r := range s {
		if r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' {
			if start >= 0 {
				out = append(out, tok{s: s[from:i], center: (start + col - 1) / 2, start: start, end: col})
				start = -1
			}
		} else if start < 0 {
			start, from = col, i
		}
		col++
		if wide && r >= 0x1100 && wideRune(r) {
			col++
		}
	}
	if start >= 0 {
		out = append(out, tok{s: s[from:], center: (start + col - 1) / 2, start: start, end: col})
	}
	return out
}

// norm keeps the letters and digits of a label: punctuation, width and spacing
// vary between published copies, the words do not.
func norm(s string) string {
	// the part that norm keeps as it is (letters, digits, CJK): when it is
	// the whole label (行政许可, 本年制发件数), the label is its own norm
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
				break
			}
			i++
			continue
		}
		if c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
			rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F) >= 0x4E00 {
			i += 3
			continue
		}
		break
	}
	if i == len(s) {
		return s
	}
	if n, ok := templateNorms[s]; ok {
		return n // a template's label as the template writes it: most labels
	}
	return normFrom(s, i)
}

// normFrom is norm for a string whose first i bytes it keeps as they are.
func normFrom(s string, i int) string {
	var b strings.Builder // one allocation: its bytes become the string
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				b.WriteByte(c)
			}
			i++
		case c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			// U+4000–U+9FFF, decoded in place: the CJK characters of a
			// label are copied as they are
			r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if r >= 0x4E00 || unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteString(s[i : i+3])
			}
			i += 3
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r >= '０' && r <= '９':
				b.WriteByte(byte('0' + r - '０'))
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				b.WriteRune(r)
			}
			i += n
		}
	}
	return b.String()
}

// templateNorms are the norms of the labels and headings as the formats
// write them, and as a row of fields joins them ("（三）不予公开 1.属于国家秘密",
// "信息内容 本年制发件数 …"): read-only after init, so that the labels of
// most reports are normalised without building a string.
var templateNorms = func() map[string]string {
	m := map[string]string{}
	add := func(s string) { m[s] = normFrom(s, 0) }
	for _, f := range []Format{Format2021, Format2019} {
		for _, row := range f.T3Rows() {
			add(row.Label)
			if row.Group != "" {
				add(row.Group)
				add(row.Group + " " + row.Label)
			}
		}
		for _, it := range f.T2Items() {
			add(it.Label)
			add(it.Item)
		}
		for _, h := range f.T2Headers() {
			add("信息内容 " + strings.Join(h.Columns, " "))
		}
	}
	add(T3Group)
	add(T3Group + " " + "（一）予以公开")
	for _, sec := range Sections {
		add(sec.Heading)
	}
	return m
}()

func toCell(s string) Cell {
	s = trimSpace(s)
	if isPlaceholder(s) {
		return Invalid(s)
	}
	if len(s) > 4 && !isASCIIDigit(s[0]) && spacedDashes(s) { // (most cells: a byte asked)
		return Invalid(strings.ReplaceAll(s, " ", "")) // (—— spaced out by an OCR: — —)
	}
	s, _ = cutUnit(s, countUnitsInCells)
	return ParseCount(s)
}

// --- 表二 ----------------------------------------------------------------------

// genericRowAhead says a row under a generic label (数值, 数量 …) with its
// numbers comes within the few lines from k, before any line that names a
// row (named: of 表二's items, or 表三's rows).
func (p *parser) genericRowAhead(k, hi int, named func(L string) bool) bool {
	for seen := 0; k < hi && seen < 4; k++ {
		l := p.lines[k]
		if trimSpace(l.Text) == "" {
			continue
		}
		if l.Fields == nil {
			return false // a generic table's rows are a table's (a text a cell to a line has none)
		}
		seen++
		rc := p.splitT2Label(l, 3)
		L := norm(rc.label)
		if named(L) {
			return false
		}
		if (rc.ok || len(rc.tokens) > 0) && t4GenericLabels[L] {
			return true
		}
	}
	return false
}

// countsBetween says every line between i and j that holds text holds
// whole counts (no mark for 0, no word).
func (p *parser) countsBetween(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if t := trimSpace(p.lines[k].Text); t != "" && !wellFormed(strings.Fields(t)) {
			return false
		}
	}
	return true
}

// nonEmptyBetween is how many lines between i and j (both excluded) hold
// text.
func (p *parser) nonEmptyBetween(i, j int) int {
	n := 0
	for k := i + 1; k < j; k++ {
		if trimSpace(p.lines[k].Text) != "" {
			n++
		}
	}
	return n
}

// nextText is the first line from i (before hi) that holds text, or -1.
func (p *parser) nextText(i, hi int) int {
	for k := i; k < hi; k++ {
		if p.lines[k].Fields != nil || trimSpace(p.lines[k].Text) != "" {
			return k
		}
	}
	return -1
}

// t2RestPastPageFoot finds the last want numbers of a row of 表二 at the
// page's foot, after the next item's heading: the next line from k on (to
// hi) that heading and want counts (the page's number between them dropped,
// 第二十条第（九）项 / —2— / 18), a page starting before the next text. at
// is that line, -1 where the text is not so.
func (p *parser) t2RestPastPageFoot(want, k, hi int) (rest []string, at int) {
	if k = p.nextText(k, hi); k < 0 {
		return nil, -1
	}
	fs := p.lines[k].Fields
	if len(fs) != want+1 || !hasText(fs[0], "第二十条") || hasDigit(fs[0]) || !wellFormed(fs[1:]) {
		return nil, -1
	}
	if next := p.nextText(k+1, hi); next < 0 || !p.breakAmong(k+1, next) {
		return nil, -1
	}
	return slices.Clone(fs[1:]), k
}

// itemNumbersFirst says the numbers that went to no row (stray), before the
// label of 表二's row j on line at (lines lo:hi), are every row of its item's,
// row by row (rows of them), every row before j read whole: an item of one
// row, its numbers right after the item's column headings, none after its
// label; an item of several, j its first, the numbers after the item's
// column headings (or, before its own heading, pieces of those alone), only
// pieces of its headings between them and the label, and none after the
// labels up to the next item's heading.
func (p *parser) itemNumbersFirst(items []T2Item, j int, stray strayT2, lo, at, hi int) (rows int, ok bool) {
	if j < 0 || stray.toks == nil {
		return 0, false
	}
	rows, w := p.r.Format.itemRows(j), len(items[j].Cells)
	if len(stray.toks) != rows*w || j > 0 && items[j-1].Item == items[j].Item ||
		slices.ContainsFunc(items[j:j+rows], func(it T2Item) bool { return len(it.Cells) != w }) ||
		slices.ContainsFunc(items[:j], func(it T2Item) bool { return !p.r.Proactive.t2RowFull(it) }) {
		return 0, false
	}
	if rows == 1 {
		return 1, p.blankBetween(stray.at, at) && p.afterItemHeading(stray.at, lo, items[j]) && !p.numbersNext(at+1, hi)
	}
	return rows, p.headingPiecesBetween(stray.at, at, items[j]) && (p.afterItemHeading(stray.at, lo, items[j]) || p.headedBefore(stray.at, lo, items[j])) &&
		!p.numbersBeforeItemHeading(at+1, hi)
}

// headingPiecesBetween says the lines between i and j are blank or each a
// piece of a column heading of 表二's row it (处理决定数 / 量, wrapped in a
// narrow column), its label column's (信息内容) or its item's heading (第二十
// 条第（五）项, where the numbers came before it: headedBefore).
func (p *parser) headingPiecesBetween(i, j int, it T2Item) bool {
	for k := i + 1; k < j; k++ {
		if !p.headingPiece(k, it) {
			return false
		}
	}
	return true
}

// headingPiece says line k is blank or a piece of the headings of 表二's
// row it (headingPiecesBetween).
func (p *parser) headingPiece(k int, it T2Item) bool {
	L := norm(p.lines[k].Text)
	return L == "" || L == "信息内容" || L == norm(it.Item) || p.columnPiece(L, it)
}

// columnPiece says L (normalised) is a piece of a column heading of 表二's
// row it.
func (p *parser) columnPiece(L string, it T2Item) bool {
	return slices.ContainsFunc(p.t2Columns(it), func(c string) bool { return hasText(norm(c), L) })
}

// headedBefore says the numbers on line k of 表二 (from lo) stand after
// pieces of the column headings of row it's item alone, back to the last
// line with numbers (a row read whole), before the item's own heading:
// the same text of a narrow table gives "规范性文件 26 6 33" / "本年增/减" /
// "处理决定数量" / 31 27 12 8 27 25 / "信息内容" / "第二十条第（五）项" / …, the
// (一)项's headings 本年新制作数量 … and not these.
func (p *parser) headedBefore(k, lo int, it T2Item) bool {
	pieces := 0
	if L := norm(p.splitT2Label(p.lines[k], 3).label); L != "" {
		// (the last heading's words on the numbers' line: a cell to a
		// line joined after it)
		if !p.columnPiece(L, it) {
			return false
		}
		pieces++
	}
	for m := k - 1; m >= lo; m-- {
		l := p.lines[m]
		if l.Fields != nil || hasDigit(l.Text) {
			return pieces > 0
		}
		if L := norm(l.Text); L != "" {
			if !p.columnPiece(L, it) {
				return false
			}
			pieces++
		}
	}
	return false
}

// numbersBeforeItemHeading says a line from i on, up to the next heading of
// 表二's items (第二十条…) or hi, holds a count.
func (p *parser) numbersBeforeItemHeading(i, hi int) bool {
	for k := i; k < hi; k++ {
		t := p.lines[k].Text
		if hasText(t, "第二十条") {
			return false
		}
		if slices.ContainsFunc(strings.Fields(t), func(f string) bool { return wellFormed([]string{f}) }) {
			return true // (a count after a label's last piece too: 项 / 8, a line)
		}
	}
	return false
}

// numbersNext says the next line from i on that holds anything holds
// numbers only.
func (p *parser) numbersNext(i, hi int) bool {
	k := p.nextText(i, hi)
	if k < 0 {
		return false
	}
	fs := strings.Fields(p.lines[k].Text)
	return len(fs) > 0 && allCells(fs)
}

// namesT2Item and namesT3Row are genericRowAhead's tests of a label.
func (p *parser) namesT2Item(L string) bool { return matchT2(L, p.r.Format.T2Items(), 0) >= 0 }
func (p *parser) namesT3Row(L string) bool {
	j, _ := matchT3(stripGroups(L), L, t3Norms(p.r.Format), 0)
	return j >= 0
}

func (p *parser) parseT2() {
	r := p.r
	lo, hi := p.region("2")
	items := r.Format.T2Items()
	if p.readT2NumbersFirst(lo, hi) {
		return
	}
	next, pending := 0, -1
	pendingAt := -1    // the line of pending's label
	var pendings []int // the rows whose labels stood alone since the last numbers, in order
	found := 0
	seen := make([]bool, len(items))     // a label read, with or without its numbers
	labelLine := make([]int, len(items)) // where a label without numbers stood
	var short, complete []t2Row          // space-aligned rows with blanks, and without
	prevLabel := ""                      // the line before, when it is words only
	// labels whose numbers have not come, across items' headings, and the
	// column headings since the last numbers: a PDF's text may give two
	// items' labels, then each item's column headings with its numbers
	// (行政事业性收费 / 第二十条第（九）项 / 政府集中采购 / 上一年项目数量 /
	// 本年增/减 / 27 13 / 采购项目数量 / 采购总金额 / 15 23.34)
	var waiting []int
	var apart []t2Apart // rows of a group of several read from numbers a cell to a line
	heads := ""
	consumed := -1    // a line whose numbers a row above took (t2HeadedRest)
	var stray strayT2 // the last numbers that went to no row, since a row was read
	// headedShort: the item whose row the last numbers went to under its
	// column heading, fewer than its cells (a column's numbers, one a row:
	// the next bare numbers are its other rows', not the last label's)
	headedShort := ""
	for n, l := range p.lines[lo:hi] {
		if next >= len(items) && pending < 0 {
			break
		}
		if lo+n <= consumed || l.Fields == nil && tableRuler(l.Text) {
			continue // (a simple table's ruler: no cells, no marks for 0)
		}
		if hasText(l.Text, "第二十条") {
			pendings = nil // an item's heading: the labels before it are the item before's
		}
		rc := p.splitT2Label(l, 3)
		L := norm(rc.label)
		j := matchT2(L, items, next)
		fuzzy := false
		if j < 0 {
			j = matchT2Fuzzy(L, items, next)
			fuzzy = j >= 0
		}
		hasNums := rc.ok || len(rc.tokens) > 0
		if !hasNums {
			if j < 0 {
				// (the last few lines' words: a page of words without
				// numbers must not build one long string)
				if heads += L; len(heads) > 300 {
					heads = heads[len(heads)-300:]
				}
			}
			if rows, ok := p.itemNumbersFirst(items, j, stray, lo, lo+n, hi); ok && pending < 0 && len(waiting) == 0 {
				// every row of the label's item, its numbers between the
				// item's column headings and its (first) label, row by row,
				// every row before read whole (LibreOffice's PDF of a Word
				// table through pdftotext's default text: "本年处理决定数量" /
				// "19" / "行政许可" / "第二十条第（六）项"; set in a narrow column,
				// an item of two: "处理决定数量" / "27" / "16" / "6" / "11" /
				// "27" / "15" / "行政许可" / "其他对外管理服务事" / "项"): no
				// other row's
				w := len(items[j].Cells)
				var labels []string
				for k, it := range items[j : j+rows] {
					seen[j+k] = true
					if labelLine[j+k] == 0 {
						labelLine[j+k] = l.No
					}
					r.setLine("proactive."+it.Key, l.No)
					p.fillT2(it, rowCells{label: it.Label, cells: slices.Clone(stray.toks[k*w : (k+1)*w]), ok: true}, l)
					labels = append(labels, it.Label)
				}
				found += rows
				next = j + rows
				if rows == 1 {
					p.warn("PARSE.READ", r.t2Prefix()+items[j].Key, l.No, "表二“%s”的数字在原文中排在行名之前、紧接在它所属项目的表头之后（第 %d 行，PDF 转换的文字顺序；该项目只有这一行，它之前的各行都已读全），读作：%s",
						items[j].Label, p.lines[stray.at].No, strings.Join(stray.toks, " "))
				} else {
					p.warn("PARSE.READ", r.t2Prefix()+items[j].Key, l.No, "表二“%s”的数字在原文中排在行名之前、紧接在该项目的表头之后（第 %d 行，PDF 转换的文字顺序；行名之后到下一个项目之前没有数字，它之前的各行都已读全），按行序每 %d 个数读作一行：%s",
						strings.Join(labels, "”“"), p.lines[stray.at].No, w, strings.Join(stray.toks, " "))
				}
				stray = strayT2{}
				prevLabel = L
				continue
			}
			if j >= 0 {
				pending, pendingAt = j, lo+n // a label above its numbers (a converter's heading)
				if labelLine[j] == 0 {
					labelLine[j] = l.No
				}
				pendings = append(pendings, j)
				waiting = append(waiting, j)
				seen[j] = true
				if fuzzy {
					p.warn("PARSE.READ", r.t2Prefix()+items[j].Key, l.No, "原文“%s”与表二的行“%s”不完全相同（可能有字丢失或识别错误），按该行读取", trimSpace(rc.label), items[j].Label)
				}
			}
			prevLabel = L
			continue
		}
		if j < 0 && pending < 0 && (L != "" || prevLabel != "") {
			// a label wrapped in a narrow column, its numbers on one of its
			// lines: "行政规" / "范性文  1  2  15" / "件"
			nextLabel := ""
			k := lo + n + 1
			for k < hi && p.lines[k].Fields == nil && trimSpace(p.lines[k].Text) == "" {
				k++ // a line emptied by joinCellLines, or a blank one
			}
			if k < hi && k <= lo+n+2 {
				if nrc := splitLabel(p.lines[k], 3); !nrc.ok && len(nrc.tokens) == 0 {
					nextLabel = norm(nrc.label)
				}
			}
			for k, w := range []string{prevLabel + L, L + nextLabel, prevLabel + L + nextLabel} {
				// the line's own words must be a piece of the label: "总计 15"
				// before "行政许可" is no piece of 行政许可; and a next line that
				// is a whole label by itself is that row's, not a wrap's end
				// ("行政处" (罚 lost) / "0" / "行政强制" / "32")
				if j = matchT2(w, items, next); j >= 0 && (L == "" || hasText(norm(items[j].Label), L)) &&
					(k == 0 || nextLabel != norm(items[j].Label)) {
					break
				}
				j = -1
			}
		}
		prevLabel = ""
		run := pendings
		if j >= 0 && len(pendings) > 0 && j > pendings[len(pendings)-1] {
			run = append(pendings[:len(pendings):len(pendings)], j) // this line's label is the run's last
		}
		if (j < 0 || len(run) > len(pendings)) && l.OneEach && len(run) > 1 && len(rc.tokens) == len(run) && oneCellRows(items, run) {
			// labels, then their numbers, one cell each ("行政处罚 / 行政强制 /
			// 48 / 3": pdfminer's blocks): in order, as no other order exists
			pendings = run
			var said []string
			for k, row := range pendings {
				seen[row] = true
				p.fillT2(items[row], rowCells{tokens: rc.tokens[k : k+1]}, l)
				r.setLine("proactive."+items[row].Key, l.No)
				said = append(said, items[row].Label+" "+rc.tokens[k].s)
			}
			p.warn("PARSE.READ", r.t2Prefix()+items[pendings[0]].Key, l.No, "表二的 %d 行行名在前、数字在后（PDF 转换的文字顺序），每行一个数，按次序读作：%s", len(pendings), strings.Join(said, "、"))
			found++
			next, pending, pendings = pendings[len(pendings)-1]+1, -1, nil
			continue
		}
		pendings = nil
		if j < 0 && pending >= 0 && L == "" && !rc.ok && len(rc.tokens) == 1 && p.genericRowAhead(lo+n+1, hi, p.namesT2Item) {
			// a number alone between an item's heading and the generic table
			// under it ("### 行政处罚" / "2" / "| 数值 | 11 |"): a page
			// number an OCR's Markdown kept, not the item's
			p.warn("PARSE.READ", r.t2Prefix()+items[pending].Key, l.No, "表二“%s”的标题与其下的表格之间单独一行的数字“%s”（多半是页码）未读作该行的数，该行按其下表格的数读取", items[pending].Label, rc.tokens[0].s)
			continue
		}
		headed := heads
		heads = ""
		afterShort := headedShort
		headedShort = ""
		keep := -1 // the label still waiting for its numbers after these
		byWait := j < 0 && pending >= 0 && l.OneEach
		// (the numbers' own line names no row, and a browser's page foot
		// stands since the label: its print through pdftotext's default
		// text, 行政许可 … file:///… / 29, the 29 行政强制's)
		toPending := j < 0 && pending >= 0 && p.addressBetween(pendingAt, lo+n)
		sharedHeads := false // (set below: the numbers' headings head another waiting row too)
		crossed := j < 0 && pending >= 0 && !l.Segmented && p.itemHeadingSince(pendingAt, lo+n, items[pending].Item, false)
		if crossed && (L != "" && len(t2NamedColumns(r.Format.T2Headers(), L)) == 0 || !r.Format.headsItem(items[pending], headed+L)) {
			// numbers after another item's heading (pdftotext's default
			// text: "行政强制" / "第二十条第（八）项" / "11", the 11 a row's
			// of the page before, put after it by a page break; a
			// browser's print: "行政许可" / "第二十条第（六）项" / "信息内容" /
			// "39", the 39 行政规范性文件's): no row's of the item before,
			// whose label waits — unless column headings stand before them
			// (a browser's A5 print: "行政许可" / "第二十条第（六）项" / … /
			// "本年处理决定数量" / "15", 行政许可's 15, headed as its item is;
			// another group's headings do not count, nor do the numbers
			// go there when words of their own stand before them, a label
			// that matched no row: html2text's damaged text, 规范性文件 /
			// 第二十条第（五）项 / 信息内…处理决定数量 / 行政许…0 28 1,
			// the numbers 行政许可's; 行政许可 / … / 行政处…12 7 6)
			stray = strayT2{at: lo + n, toks: rc.numbers()}
			continue
		}
		if crossed && stray.at > pendingAt && len(stray.toks) == 1 && len(items[pending].Cells) == 1 && p.bareAfterItemHeading(pendingAt, stray.at) && bareT2Label(norm(p.splitT2Label(p.lines[stray.at], 3).label)) {
			// headed as the waiting row's item, but bare numbers after the
			// other item's heading went to no row before them (a browser's
			// print through pdftotext's default text: "行政许可" / "第二十条第
			// （六）项" / "信息内容" / "16" / "本年处理决定数量" / "3", the 16
			// 行政许可's and the 3 行政处罚's, whose label comes last): either
			// may be the row's, and the text does not say which. (Only a
			// number straight after the heading and its 信息内容: one after
			// column headings of the item before, "现行有效件数" / "1", is
			// that item's, and the headed one is the row's.)
			it := items[pending]
			p.unreadT2Row(it)
			p.warn("PARSE.TABLE", r.t2Prefix()+it.Key, p.lines[pendingAt].No, "表二“%s”的行名之后隔着别的项目的标题，其后有两处数字（第 %d 行“%s”与第 %d 行“%s”，转换打乱了次序），无法确定哪一处是这一行的，该行记为空，请对照原文核对",
				it.Label, p.lines[stray.at].No, strings.Join(stray.toks, " "), l.No, strings.Join(rc.numbers(), " "))
			waiting = slices.DeleteFunc(waiting, func(w int) bool { return w == pending })
			pending = -1
			stray = strayT2{at: lo + n, toks: rc.numbers()}
			continue
		}
		if j < 0 && pending >= 0 && L == "" && headed == "" && afterShort != "" && items[pending].Item != afterShort {
			// bare numbers after a column's under its heading, of another
			// item than the last label's (a sheet's PDF through pdftotext's
			// default text: 规章 / 行政规范性文件 / … / 行政许可 / 本年制发件数 /
			// 23 / 10, the 10 行政规范性文件's): not the last label's
			stray = strayT2{at: lo + n, toks: rc.numbers()}
			headedShort = afterShort
			continue
		}
		if j < 0 && pending >= 0 && !l.Segmented && r.Format.itemRows(pending) > 1 && p.itemHeadingSince(pendingAt, lo+n, items[pending].Item, true) {
			// the label stood before its own item's heading (a sheet's PDF
			// through pdftotext's default text: 行政强制 / 第二十条第（六）项 /
			// 本年处理决定数量 / 21 / 16, the 21 行政处罚's, whose label comes
			// later): the text is out of order, the numbers any row's of
			// the item: unread, said
			it := items[pending]
			p.unreadT2Row(it)
			p.warn("PARSE.TABLE", r.t2Prefix()+it.Key, p.lines[pendingAt].No, "表二“%s”的行名排在它所属项目的标题之前（转换打乱了文字次序），其后的数字（第 %d 行“%s”）无法确定是这一项目中哪一行的，该行记为空，请对照原文核对",
				it.Label, l.No, strings.Join(rc.numbers(), " "))
			waiting = slices.DeleteFunc(waiting, func(w int) bool { return w == pending })
			pending = -1
			stray = strayT2{at: lo + n, toks: rc.numbers()}
			continue
		}
		if j < 0 && pending >= 0 {
			j = pending
			if k, shared := r.Format.headedRow(waiting, headed); k >= 0 && k != pending {
				if r.Format.itemRows(k) > 1 && len(rc.numbers()) == len(items[k].Cells) {
					// one row's numbers under headings that several rows
					// share (规章 and 规范性文件's, whose order Chromium's
					// print does not keep): the row cannot be told
					stray = strayT2{at: lo + n, toks: rc.numbers()}
					continue
				}
				j, keep = k, pending // an earlier label's numbers, under its own headings
				sharedHeads = shared
				if r.Format.itemRows(k) > 1 && len(rc.numbers()) < len(items[k].Cells) {
					headedShort = items[k].Item
				}
			} else if k, named, shared := r.Format.ownHeadings(waiting, pending, L); named {
				// the line's own words are a column's heading before its
				// numbers (pdftotext's default text of a browser's print:
				// every label first, then "本年处理决定数量 22" / "本年处理决定数量
				// 11 24"): the numbers of the one row of the first item so
				// headed that waits, when they are its cells; of several rows,
				// or of a row whose item has others, in an order the text
				// does not give (Chromium writes 规范性文件's before 规章's):
				// no row's, and not the last label's either
				if k < 0 || len(rc.numbers()) != len(items[k].Cells) {
					stray = strayT2{at: lo + n, toks: rc.numbers()}
					continue
				}
				j, keep = k, pending
				sharedHeads = shared
			} else if L == "" && headed == "" && len(waiting) >= 3 && stray.toks != nil {
				// bare numbers after other numbers that went to no row, with
				// three labels or more waiting (every label first: a page
				// run into one line, the column headings that told the rows
				// apart left out): no more the last label's than the first's
				stray = strayT2{at: lo + n, toks: rc.numbers()}
				continue
			}
		}
		waiting = slices.DeleteFunc(waiting, func(w int) bool { return w <= j && w != keep })
		if j < 0 {
			if !rc.ok && len(rc.tokens) > 0 && (l.OneEach || l.Segmented && hasText(l.Text, "第二十条")) {
				stray = strayT2{at: lo + n, toks: strs(rc.tokens)}
			}
			continue
		}
		it := items[j]
		found++
		seen[j] = true
		next, pending = j+1, keep
		r.setLine("proactive."+it.Key, l.No)
		if fuzzy {
			p.warn("PARSE.READ", r.t2Prefix()+it.Key, l.No, "原文“%s”与表二的行“%s”不完全相同（可能有字丢失或识别错误），按该行读取", trimSpace(rc.label), it.Label)
		}
		rc = p.splitT2Label(l, len(it.Cells))
		if l.Segmented && len(it.Cells) > 1 && p.headingNext(it, lo+n+1, hi) {
			// a page without line breaks of pdftotext's default text: the
			// row's first number glued to its label, the others each after
			// its column's heading ("行政事业性收费27本年增/减13"), not the
			// first number's digits shared out among the row's cells (the
			// next piece looked at first: asked of every row, splitT2Label
			// allocates)
			one := p.splitT2Label(l, 1)
			if rest, at := p.t2HeadedRest(it, 1, lo+n+1, hi); one.ok && len(one.cells) == 1 && at >= 0 {
				rc = rowCells{label: one.label, cells: append(slices.Clone(one.cells), rest...), ok: true}
				consumed = at
				p.warn("PARSE.READ", r.t2Prefix()+it.Key, l.No, "表二“%s”的数字在原文中与表头交错排列（PDF 转换的文字顺序：数字排在各自一栏的栏名之后），按栏名读作：%s",
					it.Label, strings.Join(rc.cells, " "))
			}
		}
		// strayFits: the numbers before the label (stray) and this line's are the row's cells
		have := len(rc.tokens)
		strayFits := !rc.ok && have > 0 && stray.toks != nil && len(stray.toks)+have == len(it.Cells) && p.blankBetween(stray.at, lo+n) && p.afterItemHeading(stray.at, lo, it)
		if strayFits && l.Segmented && have == 1 && len(stray.toks) == 1 {
			// a page run into one line, the same order: the row's first
			// number glued after its item's headings ("…上一年项目数本年增/减量36"
			// / "行政事业性收费28"), one number each side of the label — not
			// 28 cut into two cells
			rc = rowCells{label: rc.label, cells: []string{stray.toks[0], rc.tokens[0].s}, ok: true}
			p.warn("PARSE.READ", r.t2Prefix()+it.Key, l.No, "表二“%s”的第一个数在原文中排在行名之前、紧接在表头之后（PDF 转换的文字顺序），与行名后的数合为一行读取：%s",
				it.Label, strings.Join(rc.cells, " "))
		}
		if !rc.ok && have > 0 && have < len(it.Cells) && l.OneEach {
			if rest, at := p.t2HeadedRest(it, have, lo+n+1, hi); at >= 0 {
				// pdftotext without -layout of a narrow 表二: a row's later
				// numbers each after its column's heading ("行政事业性收费 /
				// 27 / 本年增/减 / 13")
				rc = rowCells{label: rc.label, cells: append(strs(rc.tokens), rest...), ok: true}
				consumed = at
				p.warn("PARSE.READ", r.t2Prefix()+it.Key, l.No, "表二“%s”的数字在原文中与表头交错排列（PDF 转换的文字顺序，第 %d–%d 行：数字排在各自一栏的栏名之后），按栏名读作：%s",
					it.Label, l.No, p.lines[at].No, strings.Join(rc.cells, " "))
			} else if rest, at := p.t2RestPastPageFoot(len(it.Cells)-have, lo+n+1, hi); at >= 0 {
				// the same text of a table set in a narrow column, its
				// row cut by the page's foot: "行政事业性收费" / "31" / "第二
				// 十条第（九）项" / "—2—" / "18", the 18 this row's
				rc = rowCells{label: rc.label, cells: append(strs(rc.tokens), rest...), ok: true}
				consumed = at
				p.warn("PARSE.READ", r.t2Prefix()+it.Key, l.No, "表二“%s”的后 %d 个数在原文中排在下一个项目的标题之后、页末（第 %d 行，PDF 转换的文字顺序），与行名后的数合为一行读取：%s",
					it.Label, len(rest), p.lines[at].No, strings.Join(rc.cells, " "))
			} else if strayFits {
				// (LibreOffice's PDF through pdftotext: the row's first
				// number level with its item's column headings, before its
				// label: "本年增/减 / 量 / 27 / 行政事业性收费 / 13")
				rc = rowCells{label: rc.label, cells: append(slices.Clone(stray.toks), strs(rc.tokens)...), ok: true}
				p.warn("PARSE.READ", r.t2Prefix()+it.Key, l.No, "表二“%s”的前 %d 个数在原文中排在行名之前（第 %d 行，PDF 转换的文字顺序），与行名后的数合为一行读取：%s",
					it.Label, len(stray.toks), p.lines[stray.at].No, strings.Join(rc.cells, " "))
			}
		}
		stray = strayT2{} // (numbers before a row read are no later row's)
		at := lo + n      // (the line's index: n is the row's cells below)
		if !rc.ok && l.Fields != nil && len(rc.numbers()) < len(it.Cells) {
			// a row of fields with blanks, more fields than cells (a
			// group of two columns in a grid of three: "行政事业性收费 | |
			// 16 | "): its cells where the header of fields above has its
			// group's column headings
			if cols := p.t2FieldColumns(it, lo, at, len(l.Fields)); cols != nil {
				cells := make([]string, len(cols))
				for i, c := range cols {
					cells[i] = trimSpace(l.Fields[c])
				}
				// not where a column's field holds words (the row's label
				// a field late: catdoc writes a row's blank last cell as a
				// tab before the next row's label, "\t行政规范性文件\t38\t18")
				if !slices.ContainsFunc(cells, func(c string) bool { return c != "" && !numberish(c) }) {
					rc = rowCells{label: rc.label, cells: cells, ok: true}
				}
			}
		}
		var wideRow *t2WideRow // (its places by display width: t2Wide)
		switch n := len(it.Cells); {
		case rc.spaced && !rc.ok && len(rc.tokens) < n && l.Fields == nil:
			wide := p.t2HeadingSpans(it, lo, at, true)
			short = append(short, t2Row{it, rc, l, p.t2HeadingMiddles(it, lo, at), wide, p.t2WideColumns(wide, lo), p.t2Ruler(it, lo, at)})
			continue // placed by the complete rows around it, at the end
		case !rc.ok && len(rc.tokens) > 0 && len(rc.tokens) < n && l.Fields == nil && !l.Segmented && wellFormed(wholeOf(strs(rc.tokens))) && farFromLabel(l.Text, rc.tokens[0]) && !p.ocrText():
			// numbers set apart from the label, fewer than the cells (one
			// alone, or a few spaces apart): under the column headings
			// above, where they tell
			sh := t2Row{it: it, rc: rc, line: l, heads: p.t2HeadingMiddles(it, lo, at), wideHeads: p.t2HeadingSpans(it, lo, at, true), ruler: p.t2Ruler(it, lo, at)}
			sh.wideCols = p.t2WideColumns(sh.wideHeads, lo)
			from := len(r.Meta.Parse)
			cells, ok, wide := placeUnderT2Headings(sh)
			if ok {
				rc = rowCells{label: rc.label, cells: cells, ok: true}
				p.warn("PARSE.READ", r.t2Prefix()+it.Key, l.No, "表二“%s”有空白单元格，各数按表头各栏的位置读取：%s", it.Label, placedCells(cells))
			}
			if wide != nil {
				wideRow = &t2WideRow{it: it, line: l, places: wide, from: from, complete: true}
				if ok {
					wideRow.byChar = cells
				}
			}
		case rc.ok && l.Fields == nil:
			if toks := tokens(l.Text); len(toks) >= n {
				c := t2Row{it: it, rc: rc, line: l}
				c.rc.tokens = toks[len(toks)-n:]
				complete = append(complete, c)
			}
		}
		p.fillT2(it, rc, l)
		if wideRow != nil {
			wideRow.to = len(r.Meta.Parse)
			p.t2Wide = append(p.t2Wide, *wideRow)
		}
		if l.OneEach && r.Format.itemRows(j) > 1 {
			apart = append(apart, t2Apart{row: j, waited: byWait})
		}
		if (toPending || sharedHeads) && !r.Proactive.t2RowEmpty(it) {
			p.t2Waited = append(p.t2Waited, j)
		}
	}
	if len(short) > 0 {
		breaks := p.pageBreaks() // a pass over the page only when a row needs it
		rows := make([]alignedRow, len(complete))
		for i, c := range complete {
			rows[i] = alignedRow{c.line.Text, len(c.rc.tokens), c.line.No}
		}
		m := columnMeasure(rows, breaks)
		for _, sh := range short {
			rc := sh.rc
			if !p.ocrText() {
				// (not in OCR's text: it spaces each line by its own glyphs,
				// a row's numbers several characters off a complete row's,
				// one way on one page and another on the next — 行政处罚 22 0
				// read as 22 under 上一年项目数量 by 行政强制 20 23 17)
				rc = alignT2(sh, complete, breaks, m)
			}
			// (not in OCR's text: its heading lines are spaced by their
			// glyphs, its rows' numbers by theirs, twenty characters apart
			// at times — a browser's print OCR'd: 行政规范性文件's 1 under
			// 现行有效件数 by where it stands, 本年废止件数's)
			from := len(r.Meta.Parse)
			var wide *t2WidePlaces
			var byChar []string
			if !rc.ok && !p.ocrText() {
				var cells []string
				var ok bool
				if cells, ok, wide = placeUnderT2Headings(sh); ok {
					byChar = cells
					rc = rowCells{label: sh.rc.label, cells: cells, ok: true}
					p.warn("PARSE.READ", r.t2Prefix()+sh.it.Key, sh.line.No, "表二“%s”有空白单元格，没有完整的一行可作参照，各数按表头各栏的位置读取：%s", sh.it.Label, placedCells(cells))
				}
			}
			p.fillT2(sh.it, rc, sh.line)
			if wide != nil {
				p.t2Wide = append(p.t2Wide, t2WideRow{it: sh.it, line: sh.line, places: wide, byChar: byChar, from: from, to: len(r.Meta.Parse)})
			}
		}
	}
	p.t2Shared = nil
	for _, a := range apart {
		if r.Proactive.t2RowEmpty(items[a.row]) {
			continue
		}
		for m, it := range items {
			if m == a.row || it.Item != items[a.row].Item || !seen[m] {
				continue
			}
			// a later row of the group with no number (the run after this
			// row's label and headings may be both rows'), or a row of the
			// group unread for want of numbers (some of this row's may be
			// its)
			if a.waited && m > a.row && r.Proactive.t2RowEmpty(it) || r.ambiguous(r.t2Prefix()+it.Key+"."+it.Cells[0]) {
				p.t2Shared = append(p.t2Shared, [2]int{a.row, m})
			}
		}
	}
	if found > 0 {
		r.Meta.Tables["2"] = true
		if stray.toks != nil {
			// numbers that went to no row after the last row read, and
			// rows whose labels came without numbers (every label first,
			// then the numbers: which row's, unknown): unread, not blank
			for k, it := range items {
				if !seen[k] || !r.Proactive.t2RowEmpty(it) {
					continue
				}
				for _, c := range it.Cells {
					p.ambiguous(r.t2Prefix() + it.Key + "." + c)
				}
				p.warn("PARSE.TABLE", r.t2Prefix()+it.Key, 0, "表二“%s”没有读到数字，但表中第 %d 行有不属于任何一行的数字（“%s”，转换打乱了次序），它的数字可能在那里，该行记为空，请对照原文核对",
					it.Label, p.lines[stray.at].No, strings.Join(stray.toks, " "))
			}
		}
		p.extraT2Rows(lo, hi, items)
		for j, it := range items {
			// a row left blank: its label's line (what its numbers' would be)
			if at := labelLine[j]; at > 0 && r.Proactive.t2RowEmpty(it) {
				r.setLine("proactive."+it.Key, at)
			}
		}
		// an item no line names: not found, where CELL.BLANK would say the
		// report left it empty
		for j, it := range items {
			if seen[j] {
				continue
			}
			for _, c := range it.Cells {
				p.ambiguous(r.t2Prefix() + it.Key + "." + c)
			}
			p.warn("PARSE.TABLE", r.t2Prefix()+it.Key, 0, "表二中未找到“%s”这一行（行名可能与其他文字混在一起或被删去），该行记为空，请对照原文核对", it.Label)
		}
	} else if p.notText("2", r.t2Prefix()[:len(r.t2Prefix())-1]) || p.proseOnly("2") {
	} else if _, ok := p.heads["2"]; ok && hi-lo > 1 {
		r.Meta.Unreadable["2"] = true
		if slices.Contains(seen, true) && stray.toks != nil {
			// every label, then every number (a page run into one line
			// from a browser's print): which row a number is in, unknown
			p.warn("PARSE.TABLE", r.t2Prefix()[:len(r.t2Prefix())-1], p.lines[lo].No, "表二的行名都排在前面、数字都排在后面（PDF 转换的文字顺序，如第 %d 行的“%s”），无法确定各数属于哪一行，表二各栏记为空，请对照原文核对",
				p.lines[stray.at].No, strings.Join(stray.toks, " "))
		} else {
			p.warn("PARSE.TABLE", r.t2Prefix()[:len(r.t2Prefix())-1], p.lines[lo].No, "表二无法读取：未找到“规章”“行政许可”等行，表二各栏记为空")
		}
	}
}

// itemHeadingSince says a line after index a up to index b (a page's text,
// not a page run into one line) is the heading of an item of 表二 (第二十条
// 第（…）项): of item itself when own (a label at a stood before its own
// item's heading: 第二十条第（六）项 after 行政强制), else of another.
func (p *parser) itemHeadingSince(a, b int, item string, own bool) bool {
	for k := max(a+1, 0); k <= b && k < len(p.lines); k++ {
		if t := p.lines[k].Text; !p.lines[k].Segmented && hasText(t, "第二十条") && hasText(withoutSpaces(t), withoutSpaces(item)) == own {
			return true
		}
	}
	return false
}

// bareT2Label says a 表二 line's words before its numbers are none, or
// the tables' 信息内容 (a cell to a line joined to its number).
func bareT2Label(L string) bool { return L == "" || L == "信息内容" }

// bareAfterItemHeading says the lines after index a up to index b (not
// included) hold an item's heading (第二十条…) and nothing else but
// 信息内容 and empty lines: the numbers at b stand under no column heading.
func (p *parser) bareAfterItemHeading(a, b int) bool {
	heading := false
	for k := max(a+1, 0); k < b && k < len(p.lines); k++ {
		l := p.lines[k]
		switch t := trimSpace(l.Text); {
		case l.Fields != nil:
			return false
		case bareT2Label(t):
		case strings.HasPrefix(t, "第二十条"):
			heading = true
		default:
			return false
		}
	}
	return heading
}

// addressBetween says a browser's address stands on a line of its own (the
// foot of a page it printed, away from its page number) after index a up
// to index b.
func (p *parser) addressBetween(a, b int) bool {
	for k := max(a+1, 0); k <= b && k < len(p.lines); k++ {
		l := p.lines[k]
		if l.Fields == nil && addressOnlyRe.MatchString(trimSpace(l.Text)) {
			return true
		}
		if len(l.Fields) > 0 && addressOnlyRe.MatchString(trimSpace(l.Fields[0])) {
			return true // (joined to a number after it: "file:///…" / "29")
		}
	}
	return false
}

// strayT2 are numbers of 表二 on line at that went to no row.
type strayT2 struct {
	at   int
	toks []string
}

// afterItemHeading says line k of 表二 (from lo) comes after the heading of
// it's item (第二十条第（八）项) with no other item's heading between.
func (p *parser) afterItemHeading(k, lo int, it T2Item) bool {
	for m := k; m >= lo; m-- {
		if t := p.lines[m].Text; hasText(t, "第二十条") {
			return hasText(withoutSpaces(t), withoutSpaces(it.Item))
		}
	}
	return false
}

// t2Columns are the column headings of 表二's row it by the format, nil
// where the format has none of its width.
func (p *parser) t2Columns(it T2Item) []string {
	for _, h := range p.r.Format.T2Headers() {
		if h.Item == it.Item && len(h.Columns) == len(it.Cells) {
			return h.Columns
		}
	}
	return nil
}

// headingNext says the next line from k on with text starts with the
// heading of the second column of 表二's row it.
func (p *parser) headingNext(it T2Item, k, hi int) bool {
	cols := p.t2Columns(it)
	if k = p.nextText(k, hi); k < 0 || len(cols) < 2 {
		return false
	}
	return strings.HasPrefix(trimSpace(p.lines[k].Text), cols[1])
}

// t2HeadedRest finds the rest of the numbers of 表二's row it, which has
// read have of them, on the lines from k: each after the heading of its own
// column (the one after the last read, by the format's headings), a number
// to a line, nothing else between but blank lines. It returns them and the
// last line's index, or -1.
func (p *parser) t2HeadedRest(it T2Item, have, k, hi int) (rest []string, at int) {
	cols := p.t2Columns(it)
	if cols == nil {
		return nil, -1
	}
	at = -1
	for c := have; c < len(cols) && k < hi; c++ {
		if k = p.nextText(k, hi); k < 0 {
			return nil, -1
		}
		rc := p.splitT2Label(p.lines[k], 1)
		if v, ok := strings.CutPrefix(trimSpace(p.lines[k].Text), cols[c]); ok && !rc.ok && len(rc.tokens) == 0 && strings.HasPrefix(v, "-") && cellish(v) {
			// (a decrease glued to its heading, "本年增/减-4": its minus is
			// no hyphen of the heading's)
			rc = rowCells{label: cols[c], cells: []string{v}, ok: true}
		}
		if norm(rc.label) != norm(cols[c]) || rc.ok && len(rc.cells) != 1 || !rc.ok && len(rc.tokens) != 1 {
			return nil, -1
		}
		if rc.ok {
			rest = append(rest, rc.cells[0])
		} else {
			rest = append(rest, rc.tokens[0].s)
		}
		at, k = k, k+1
	}
	return rest, at
}

// extraT2Rows says the rows a table's 表二 has that its format has not: an
// agency's own template adds decisions (行政确认, 行政奖励, 行政给付, 行政裁决)
// to those the format lists, and their counts are read nowhere. Only a
// table's rows are looked at (a page's, a document's, tab text: cells of
// their own), a label of 行政… that is no item's, its cells numbers.
func (p *parser) extraT2Rows(lo, hi int, items []T2Item) {
	var read map[int]bool // the lines an item was read from (a wrapped label's piece among them), once needed
	for _, l := range p.lines[lo:hi] {
		if len(l.Fields) < 2 || !strings.HasPrefix(trimSpace(l.Fields[0]), "行政") {
			continue
		}
		label := trimSpace(l.Fields[0])
		L := norm(label)
		if L != label || moreRunes(L, 12) || strings.ContainsAny(L, "0123456789") || matchT2(L, items, 0) >= 0 || matchT2Fuzzy(L, items, 0) >= 0 ||
			slices.ContainsFunc(items, func(it T2Item) bool { return strings.HasPrefix(norm(it.Label), L) }) {
			continue
		}
		if read == nil {
			read = map[int]bool{}
			for path, no := range p.r.Meta.Lines {
				if strings.HasPrefix(path, "proactive.") {
					read[no] = true
				}
			}
		}
		if read[l.No] {
			continue
		}
		var nums []string
		for _, f := range l.Fields[1:] {
			if f = trimSpace(f); f == "" {
				continue
			}
			if _, err := strconv.ParseFloat(f, 64); err != nil {
				nums = nil
				break
			}
			nums = append(nums, f)
		}
		if len(nums) > 0 {
			p.warn("PARSE.READ", "proactive", l.No, "表二有“%s”一行（%s），%s的表格没有这一行，未读取", label, strings.Join(nums, " "), p.r.Format.Title())
		}
	}
}

// headedRow is the first of the rows waiting for their numbers whose item's
// column headings are all those words holds (normalised, run together), when
// it holds some: numbers under 上一年项目数量 / 本年增/减 are 行政事业性收费's,
// not those of 政府集中采购 (采购项目数量 / 采购总金额), whatever label came
// last. -1 when words names no column, or no row's item has them all.
//
// shared says a later row waiting, of another item, is headed so too (行政
// 许可 and 行政处罚, both 本年处理决定数量): the first has the numbers only if
// it was not left blank.
func (f Format) headedRow(rows []int, words string) (row int, shared bool) {
	if len(rows) < 2 || words == "" {
		return -1, false
	}
	items, headers := f.T2Items(), f.T2Headers()
	named := t2NamedColumns(headers, words)
	if len(named) == 0 {
		return -1, false
	}
	headed := func(row int) bool {
		for _, h := range headers {
			if h.Item != items[row].Item || len(h.Columns) != len(items[row].Cells) {
				continue
			}
			all := true
			for _, c := range named {
				all = all && slices.ContainsFunc(h.Columns, func(hc string) bool { return norm(hc) == c })
			}
			if all {
				return true
			}
		}
		return false
	}
	for i, row := range rows {
		if headed(row) {
			return row, slices.ContainsFunc(rows[i+1:], func(r int) bool { return items[r].Item != items[row].Item && headed(r) })
		}
	}
	return -1, false
}

// headsItem says words hold a column heading of it's group.
func (f Format) headsItem(it T2Item, words string) bool {
	for _, c := range f.t2Columns(it) {
		if hasText(words, norm(c)) {
			return true
		}
	}
	return false
}

// t2NamedColumns are the column headings of 表二 (normalised, each once)
// that words hold.
func t2NamedColumns(headers []T2Header, words string) []string {
	var named []string
	for _, h := range headers {
		for _, c := range h.Columns {
			if c = norm(c); hasText(words, c) && !slices.Contains(named, c) {
				named = append(named, c)
			}
		}
	}
	return named
}

// ownHeadings says whether words (a line's own, before its numbers) name
// column headings of 表二 that tell its numbers from the pending row's, and
// then which waiting row they head: the first row waiting whose item has
// those headings, when it is its item's only row; -1 when no row has them
// or its item has several (the numbers' row cannot be told). They tell
// when the pending row's item has no such headings, when the first row so
// headed is of the pending row's item but not that row (行政处罚 before
// 行政强制, both headed 本年处理决定数量), or when three labels or more wait
// (every label first, then the numbers).
//
// shared says another waiting row of another item is headed so too (行政许可
// and 行政处罚, both 本年处理决定数量): the first has the numbers only if it
// was not left blank.
func (f Format) ownHeadings(waiting []int, pending int, words string) (row int, named, shared bool) {
	if words == "" {
		return -1, false, false
	}
	items, headers := f.T2Items(), f.T2Headers()
	heads := func(item string, c string) bool {
		for _, h := range headers {
			if h.Item == item && slices.ContainsFunc(h.Columns, func(hc string) bool { return norm(hc) == c }) {
				return true
			}
		}
		return false
	}
	cols := t2NamedColumns(headers, words)
	if len(cols) == 0 {
		return -1, false, false
	}
	headed := func(row int) bool {
		return !slices.ContainsFunc(cols, func(c string) bool { return !heads(items[row].Item, c) })
	}
	w := slices.IndexFunc(waiting, headed)
	switch {
	case w >= 0 && waiting[w] == pending:
		return -1, false, false
	case headed(pending) && len(waiting) < 3 && (w < 0 || items[waiting[w]].Item != items[pending].Item):
		return -1, false, false
	case w < 0 || f.itemRows(waiting[w]) > 1:
		return -1, true, false
	}
	shared = slices.ContainsFunc(waiting[w+1:], func(r int) bool { return headed(r) && items[r].Item != items[waiting[w]].Item })
	return waiting[w], true, shared
}

// t2RowEmpty says no cell of 表二's row it holds anything.
func (p *Proactive) t2RowEmpty(it T2Item) bool { return p.t2RowFilled(it) == 0 }

// t2RowFull says every cell of 表二's row it holds a number.
func (p *Proactive) t2RowFull(it T2Item) bool { return p.t2RowFilled(it) == len(it.Cells) }

// t2RowFilled counts the cells of 表二's row it that hold a number.
func (p *Proactive) t2RowFilled(it T2Item) int {
	n := 0
	for k, c := range it.Cells {
		if len(it.Money) > k && it.Money[k] {
			if !p.Amount(it.Key + "." + c).Blank() {
				n++
			}
		} else if !p.Cell(it.Key + "." + c).Blank() {
			n++
		}
	}
	return n
}

// itemRows is how many rows of 表二 share row's item (第二十条第（五）项:
// 行政许可 and 其他对外管理服务事项 in the 2019 format).
func (f Format) itemRows(row int) int {
	items, n := f.T2Items(), 0
	for _, it := range items {
		if it.Item == items[row].Item {
			n++
		}
	}
	return n
}

// oneCellRows says each of the rows has one cell.
func oneCellRows(items []T2Item, rows []int) bool {
	for _, row := range rows {
		if len(items[row].Cells) != 1 {
			return false
		}
	}
	return true
}

// markdownImage says a line is a Markdown image and nothing else
// (![](images/3f2a….jpg)): a converter's picture of a table (MinerU and
// marker write a table they take for a picture so).
func markdownImage(t string) bool {
	if !strings.HasPrefix(t, "![") || !strings.HasSuffix(t, ")") {
		return false
	}
	i := strings.Index(t, "](")
	return i > 0 && !strings.ContainsAny(t[i+2:len(t)-1], " \t")
}

// notText says the table of section k is not in the text: a picture in the
// page (an <img>, a Word drawing, a Markdown image, where the table should be) or pandoc's
// [TABLE] mark. Its numbers cannot be read, which is said as such instead of
// the table being missing or unreadable.
func (p *parser) notText(k, cell string) bool {
	if _, ok := p.heads[k]; !ok {
		return false
	}
	lo, hi := p.region(k)
	for _, l := range p.lines[lo:hi] {
		if l.Image || markdownImage(trimSpace(l.Text)) {
			p.r.Meta.Unreadable[k] = true
			p.warn("PARSE.TABLE", cell, l.No, "%s在原文中是图片，无法读取其中的数字，各栏记为空；请对照原文的图片核对", tableNames[k])
			return true
		}
		if trimSpace(l.Text) == "[TABLE]" { // pandoc's plain text in place of a table it cannot draw
			p.r.Meta.Unreadable[k] = true
			p.warn("PARSE.TABLE", cell, l.No, "%s在文件中只剩“[TABLE]”（转换工具 pandoc 写不出的表格留下的记号），表中数字已不在文件中，各栏记为空；请用转换前的原文件审核", tableNames[k])
			return true
		}
	}
	return false
}

// proseOnly says section k has words where its table should be and nothing
// of a table: no cells, no picture, none of the table's labels, no run of
// counts (本年度未发生政府信息公开行政复议、行政诉讼案件。, 详见门户网站, 无).
// The table is then missing, not unreadable: S.MISSING quotes the words.
func (p *parser) proseOnly(k string) bool {
	if _, ok := p.heads[k]; !ok {
		return false
	}
	lo, hi := p.region(k)
	var said []string
	counts := 0
	for _, l := range p.lines[lo+1 : hi] {
		t := trimSpace(l.Text)
		if l.Image || len(nonBlank(l.Fields)) > 1 || t == "[TABLE]" { // notText says the last two
			return false
		}
		if t == "" {
			continue
		}
		if counts += countsIn(t); counts > 2 {
			return false
		}
		said = append(said, t)
	}
	if len(said) == 0 {
		return false // nothing at all: missing as it is
	}
	all := strings.Join(said, "")
	// a narrow table's headings wrap a few characters to a line, and a
	// PDF's text spaces them out: its words are looked for in all of it
	flat := strings.Join(strings.Fields(all), "")
	for _, w := range tableWords[k] {
		if hasText(flat, w) {
			return false
		}
	}
	if p.r.Meta.Instead == nil {
		p.r.Meta.Instead = map[string]string{}
	}
	p.r.Meta.Instead[k] = clip(all)
	return true
}

// tableWords are words of a table's headings and labels that prose put in
// its place does not use.
var tableWords = map[string][]string{
	"2": {"行政许可", "行政处罚", "行政强制", "规范性文件", "制发", "处理决定", "收费金额", "新制作", "新公开", "信息内容"},
	"3": {"自然人", "法人", "予以公开", "本年新收", "上年结转", "不予公开", "商业企业", "总计", "申请人情况"},
	"4": {"结果维持", "结果纠正", "尚未审结", "其他结果", "复议后起诉", "直接起诉", "总计"},
}

// countsIn is how many runs of digits a text has that are not dates
// (2024年, 12月31日) or shares (20%).
func countsIn(t string) int {
	n := 0
	for i := 0; i < len(t); {
		if t[i] < '0' || t[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(t) && (t[j] >= '0' && t[j] <= '9' || t[j] == '.') {
			j++
		}
		if r, _ := utf8.DecodeRuneInString(t[j:]); !strings.ContainsRune("年月日号%％", r) {
			n++
		}
		i = j
	}
	return n
}

var tableNames = map[string]string{"2": "表二（主动公开政府信息情况）", "3": "表三（收到和处理政府信息公开申请情况）", "4": "表四（行政复议、行政诉讼情况）"}

// t2Row is a row of 表二 as read from a line.
type t2Row struct {
	it   T2Item
	rc   rowCells
	line Line
	// heads: the middles of its group's column headings on the heading
	// line above it, where that line holds them all (t2HeadingMiddles);
	// nil otherwise
	heads []int
	// wideHeads: the headings' spans [start, end) by display width, a
	// Chinese character two columns (a text browser's dump); nil where the
	// line has none
	wideHeads [][2]int
	// wideCols: the columns those headings head, by display width, as
	// wide as the widest heading of every group of as many columns
	// (t2WideColumns)
	wideCols [][2]int
	// ruler: the count columns of a simple table's ruler above it
	// (t2Ruler); nil where there is none
	ruler []tok
}

// alignT2 places the numbers of a space-aligned 表二 row with blanks by the
// columns of the nearest complete row on its page with as many cells (规章
// by 行政规范性文件, as alignShort does for 表三); each number within a few
// characters of its column. Unplaced, the row is returned as it was (fillT2 says so).
func alignT2(sh t2Row, complete []t2Row, breaks []int, m measure) rowCells {
	n := len(sh.it.Cells)
	best, bestDist := -1, 1<<30
	for i, c := range complete {
		if len(c.it.Cells) == n && samePage(breaks, c.line.No, sh.line.No) {
			if d := abs(c.line.No - sh.line.No); d < bestDist {
				best, bestDist = i, d
			}
		}
	}
	if best < 0 {
		return sh.rc
	}
	centers := make([]int, n)
	for i, c := range complete[best].rc.tokens {
		centers[i] = c.center
	}
	cells, ok := placeMeasured(sh.line.Text, sh.rc.tokens, complete[best].line.Text, centers, m)
	if !ok {
		return sh.rc
	}
	if negativeMisplaced(sh.it, cells) {
		// a count's column given a negative number (-6 30 under 上一年项目
		//数量 and 本年增/减): the columns are not to be trusted here (a text
		// that closed up a blank cell); the one column that may hold it
		// places the row if that leaves one way, else it stays unread
		if cells, ok := placeBySign(sh.it, sh.rc.tokens); ok {
			return rowCells{label: sh.rc.label, cells: cells, ok: true}
		}
		return sh.rc
	}
	return rowCells{label: sh.rc.label, cells: cells, ok: true}
}

// placeUnderT2Headings places the numbers of a space-aligned 表二 row with
// blanks that no complete row places under its group's column headings on
// the line above (t2Row.heads): each in the column whose heading's middle
// is nearest, when every other is four characters or more further, in
// order, no two in one (LibreOffice's PDF, through pdftotext -layout or
// our reader: every number of a complete row lies nearest its own heading,
// ten characters or more nearer than the next) — and nearer its heading
// than a third of the way to the next: OCR's text spaces each line its own
// way, 18 five characters off its heading's middle and seven nearer than
// the next's, where a converter that lays a page out keeps its numbers
// within four of theirs.
//
// By characters and by display width alike, where the heading line gives
// both (pdftotext lays a page out by characters, a text browser by width:
// w3m's 规章 … 18, 18 under 本年废止件数 by width and nearer 现行有效件数 by
// characters, the label's two characters counted one column each): the
// place by characters is returned, and where display width places the row
// otherwise, or only it does, that place too (wide; nil: none), to be kept
// instead once 表三 shows the page laid out by width (settleT2Width). (Not
// by width in our PDF reader's text, whose columns are the page's places.)
func placeUnderT2Headings(sh t2Row) (cells []string, ok bool, wide *t2WidePlaces) {
	if sh.ruler != nil {
		// a simple table's ruler (pandoc): each number inside its own
		// column's dashes, by display width, says where it is
		cells, ok = inRuler(wideNumbers(sh.line.Text, strs(sh.rc.tokens)), sh.ruler)
		return cells, ok && !negativeMisplaced(sh.it, cells), nil
	}
	cells, ok = placeUnderT2HeadingsBy(sh.it, sh.rc.tokens, sh.heads)
	if sh.wideHeads == nil || sh.line.Placed || slices.ContainsFunc(sh.rc.tokens, func(t tok) bool { return t.center < 0 }) {
		return cells, ok, nil
	}
	wts := wideTail(sh.line.Text, len(sh.rc.tokens))
	if wts == nil || !sameTokens(wts, sh.rc.tokens) {
		return cells, ok, nil
	}
	var w t2WidePlaces
	mids := make([]int, len(sh.wideHeads))
	for i, h := range sh.wideHeads {
		mids[i] = (h[0] + h[1] - 1) / 2
	}
	if byWidth, okWidth := placeUnderT2HeadingsBy(sh.it, wts, mids); okWidth {
		w.middles = byWidth
	}
	// each number at its column's left edge, or right edge, exactly: a
	// browser sets a heading wider than its numbers centred over numbers
	// set at the cell's left edge, so a middle may lie nearer the next
	// (the column as wide as the widest heading over it in any group:
	// one table, its columns as wide as their widest cell)
	for e := range 2 {
		out := make([]string, len(sh.wideHeads))
		k := 0
		for _, t := range wts {
			for k < len(out) && [2]int{sh.wideCols[k][0], sh.wideCols[k][1]}[e] != [2]int{t.start, t.end}[e] {
				k++
			}
			if k == len(out) {
				out = nil
				break
			}
			out[k] = t.s
			k++
		}
		if out != nil && !negativeMisplaced(sh.it, out) {
			w.edges[e] = out
		}
	}
	if w.middles == nil && w.edges[0] == nil && w.edges[1] == nil {
		return cells, ok, nil
	}
	return cells, ok, &w
}

// t2WidePlaces are a 表二 row's places by display width under its headings:
// by their middles (nil: none), at their left edges or right edges exactly.
type t2WidePlaces struct {
	middles []string
	edges   [2][]string
}

// pick is the place by display width for 表三's rows set at edge e
// (parser.wideEdge: 1 left, 2 middle, 3 right; 0 none, as pdftotext's
// table or the middles), nil for none.
func (w *t2WidePlaces) pick(e int) []string {
	switch {
	case e == 1 && w.edges[0] != nil:
		return w.edges[0]
	case e == 3 && w.edges[1] != nil:
		return w.edges[1]
	}
	return w.middles
}

// t2WideRow is a 表二 row that display width places under its headings
// otherwise than characters do (or where they do not): its place by width
// and the findings its reading by characters gave (Meta.Parse[from:to]).
type t2WideRow struct {
	it       T2Item
	line     Line
	places   *t2WidePlaces
	byChar   []string // its place by characters (nil: none)
	from, to int
	complete bool // a complete row was there to go by (the finding says not)
}

// settleT2Width reads the rows of t2Wide by display width when 表三's rows
// showed the page laid out so (a text browser's dump: p.measure), their
// findings by characters replaced by the one of their place by width.
func (p *parser) settleT2Width() {
	if len(p.t2Wide) == 0 || p.measure != measureWidth {
		return
	}
	r := p.r
	drop := make(map[int]bool)
	var add []Finding
	for _, w := range p.t2Wide {
		cells := w.places.pick(p.wideEdge)
		if cells == nil || slices.Equal(cells, w.byChar) {
			continue
		}
		for i := w.from; i < w.to; i++ {
			drop[i] = true
		}
		p.fillT2(w.it, rowCells{cells: cells, ok: true}, w.line)
		at := len(r.Meta.Parse)
		if w.complete {
			p.warn("PARSE.READ", r.t2Prefix()+w.it.Key, w.line.No, "表二“%s”有空白单元格，各数按表头各栏的位置读取：%s", w.it.Label, placedCells(cells))
		} else {
			p.warn("PARSE.READ", r.t2Prefix()+w.it.Key, w.line.No, "表二“%s”有空白单元格，没有完整的一行可作参照，各数按表头各栏的位置读取：%s", w.it.Label, placedCells(cells))
		}
		add = append(add, r.Meta.Parse[at:]...)
		r.Meta.Parse = r.Meta.Parse[:at]
	}
	kept := r.Meta.Parse[:0]
	for i, f := range r.Meta.Parse {
		if !drop[i] {
			kept = append(kept, f)
		}
	}
	r.Meta.Parse = append(kept, add...)
	p.t2Wide = nil
}

// placeUnderT2HeadingsBy is placeUnderT2Headings by one measure: the
// numbers ts and the headings' middles heads.
func placeUnderT2HeadingsBy(it T2Item, ts []tok, heads []int) ([]string, bool) {
	sh := t2Row{it: it, rc: rowCells{tokens: ts}, heads: heads}
	if len(sh.heads) != len(sh.it.Cells) || len(sh.rc.tokens) == 0 {
		return nil, false
	}
	cells := make([]string, len(sh.heads))
	last := -1
	for _, t := range sh.rc.tokens {
		if t.center < 0 {
			return nil, false
		}
		at, near, next := -1, 1<<30, 1<<30
		for i, h := range sh.heads {
			switch d := abs(t.center - h); {
			case d < near:
				at, near, next = i, d, near
			case d < next:
				next = d
			}
		}
		if at <= last || next-near < 4 || 2*near > next-near {
			return nil, false
		}
		cells[at], last = t.s, at
	}
	return cells, !negativeMisplaced(sh.it, cells)
}

// t2FieldColumns are the fields where the header of fields nearest above
// line at (within a few lines, not before lo: 信息内容 then it's group's
// column headings, a field each) has its group's columns, when that header
// has as many fields as the row (fields); nil otherwise.
func (p *parser) t2FieldColumns(it T2Item, lo, at, fields int) []int {
	cols := p.r.Format.t2Columns(it)
	if cols == nil {
		return nil
	}
	for k := at - 1; k >= max(lo, at-8); k-- {
		fs := p.lines[k].Fields
		if fs == nil || !slices.ContainsFunc(fs, func(f string) bool { return trimSpace(f) == "信息内容" }) {
			continue
		}
		if len(fs) != fields {
			return nil
		}
		var out []int
		for i, f := range fs {
			if len(out) < len(cols) && trimSpace(f) == cols[len(out)] {
				out = append(out, i)
			}
		}
		if len(out) != len(cols) {
			return nil
		}
		return out
	}
	return nil
}

// t2Columns are the column headings of it's group in the format, one to
// each of its cells; nil when they do not match.
func (f Format) t2Columns(it T2Item) []string {
	for _, h := range f.T2Headers() {
		if h.Item == it.Item && len(h.Columns) == len(it.Cells) {
			return h.Columns
		}
	}
	return nil
}

// farFromLabel says the token t of text stands four spaces or more after
// the words before it: a laid-out line's cell, not running text's next word.
func farFromLabel(text string, t tok) bool {
	b := textBefore(text, t)
	return len(b)-len(strings.TrimRight(b, " ")) >= 4
}

// t2WideColumns widens a group's heading spans by display width (own) to
// the columns of 表二's table: each as wide as the widest heading over it
// in the groups of as many columns (each a word on a line after 信息内容,
// from lo on), a browser's table being one with its columns as wide as
// their widest cell. nil when own is.
func (p *parser) t2WideColumns(own [][2]int, lo int) [][2]int {
	if own == nil {
		return nil
	}
	cols := slices.Clone(own)
	_, hi := p.region("2")
	if hi <= lo || hi > len(p.lines) {
		hi = min(len(p.lines), lo+200)
	}
	for _, l := range p.lines[lo:hi] {
		if l.Fields != nil || l.Segmented || l.Placed || !hasText(l.Text, "信息内容") {
			continue
		}
		ts := measuredTokens(l.Text, true)
		k := slices.IndexFunc(ts, func(t tok) bool { return t.s == "信息内容" })
		if k < 0 || len(ts)-k-1 != len(own) {
			continue
		}
		for i, t := range ts[k+1:] {
			cols[i][0], cols[i][1] = min(cols[i][0], t.start), max(cols[i][1], t.end)
		}
	}
	return cols
}

// t2HeadingMiddles are the middles of the column headings of it's group
// on the nearest line above line at (within a few lines, not before lo)
// that holds them all, in order, after 信息内容; nil when there is none.
func (p *parser) t2HeadingMiddles(it T2Item, lo, at int) []int {
	spans := p.t2HeadingSpans(it, lo, at, false)
	if spans == nil {
		return nil
	}
	mids := make([]int, len(spans))
	for i, h := range spans {
		mids[i] = (h[0] + h[1] - 1) / 2
	}
	return mids
}

// t2HeadingSpans are the spans [start, end) of the headings
// t2HeadingMiddles finds, by characters or (wide) by display width.
func (p *parser) t2HeadingSpans(it T2Item, lo, at int, wide bool) [][2]int {
	cols := p.r.Format.t2Columns(it)
	if cols == nil {
		return nil
	}
	for k := at - 1; k >= max(lo, at-8); k-- {
		l := p.lines[k]
		if l.Fields != nil || l.Segmented || !hasText(l.Text, "信息内容") {
			continue
		}
		var spans [][2]int
		ts := measuredTokens(l.Text, wide)
		prevEnd := -1
		for i := 0; i < len(ts) && len(spans) < len(cols); i++ {
			// a heading as one word, or as words a space apart (our PDF
			// reader's "本年增 减": the slash drawn apart)
			want, got := strings.ReplaceAll(cols[len(spans)], "/", ""), ""
			for j := i; j < len(ts) && len(got) < len(want); j++ {
				if got += strings.ReplaceAll(ts[j].s, "/", ""); got == want {
					if prevEnd >= 0 && ts[i].start-prevEnd < 3 && !wide {
						// headings a space apart: running text (pdftotext
						// -raw, pdfminer), no places (by width, kept for a
						// page 表三 shows laid out so, settleT2Width: a
						// browser sets narrow columns a space apart)
						return nil
					}
					spans = append(spans, [2]int{ts[i].start, ts[j].end})
					i, prevEnd = j, ts[j].end
					break
				}
			}
		}
		if len(spans) == len(cols) {
			return spans
		}
		return nil // the nearest heading line is another group's, or split
	}
	return nil
}

// negativeMisplaced says a row's cells hold a negative number in a column
// that may not hold one.
func negativeMisplaced(it T2Item, cells []string) bool {
	for i, c := range cells {
		if v, ok := toCell(c).Int(); ok && v < 0 && !(i < len(it.Signed) && it.Signed[i]) {
			return true
		}
	}
	return false
}

// placeBySign places a 表二 row's numbers, fewer than its cells and one of
// them negative, with the negative in the one column that may hold it (本年增
// /减) and the others in order around it, when that leaves one way: on each
// side of it no number, or one for every column.
func placeBySign(it T2Item, ts []tok) ([]string, bool) {
	signed, neg := -1, -1
	for i, s := range it.Signed {
		if s {
			if signed >= 0 {
				return nil, false
			}
			signed = i
		}
	}
	for i, t := range ts {
		if v, ok := toCell(t.s).Int(); ok && v < 0 {
			if neg >= 0 {
				return nil, false
			}
			neg = i
		}
	}
	n := len(it.Cells)
	if signed < 0 || neg < 0 {
		return nil, false
	}
	before, after := neg, len(ts)-neg-1
	if before != 0 && before != signed || after != 0 && after != n-signed-1 {
		return nil, false
	}
	cells := make([]string, n)
	for i, t := range ts {
		cells[signed-neg+i] = t.s // (the numbers before it end at it, those after start there)
	}
	return cells, true
}

// measure is how a table's text lines up its columns: by characters, as
// pdftotext does, or by display width (a Chinese character two columns), as
// pandoc and other Markdown writers pad them; unknown when its complete rows
// cannot tell.
type measure int

const (
	measureUnknown measure = iota
	measureChars
	measureWidth
)

// alignedRow is a complete space-aligned row: its text, how many numbers end
// it, its source line.
type alignedRow struct {
	text    string
	n, line int
}

// columnMeasure tells which measure lines up the first number of a table's
// complete rows (neighbours on one page) the closer.
func columnMeasure(rows []alignedRow, breaks []int) measure {
	first := func(r alignedRow, wide bool) (int, bool) {
		var ts []tok
		if wide {
			ts = wideTail(r.text, r.n)
		} else if all := tokens(r.text); len(all) >= r.n {
			ts = all[len(all)-r.n:]
		}
		if len(ts) == 0 {
			return 0, false
		}
		return ts[0].center, true
	}
	var byChar, byWidth int
	for i := 1; i < len(rows); i++ {
		a, b := rows[i-1], rows[i]
		if !samePage(breaks, a.line, b.line) {
			continue
		}
		ca, ok1 := first(a, false)
		cb, ok2 := first(b, false)
		wa, ok3 := first(a, true)
		wb, ok4 := first(b, true)
		if ok1 && ok2 && ok3 && ok4 {
			byChar += abs(ca - cb)
			byWidth += abs(wa - wb)
		}
	}
	switch {
	case byChar < byWidth:
		return measureChars
	case byWidth < byChar:
		return measureWidth
	}
	return measureUnknown
}

// shortRowsMeasure tells the measure from all space-aligned rows, short
// ones too (first; the complete rows alone, columnMeasure, when it cannot
// tell): of each two rows in turn on a page, the numbers that stand at a
// number of the other by characters, and by display width; the measure with
// more. Unknown, a row was placed by display width where characters did not
// fit, by chance (pdftotext's text of an A5 page: a row a column off).
func shortRowsMeasure(got []t3Line, breaks []int) measure {
	type row struct {
		line         int
		chars, width []tok
	}
	var rows []row
	for _, g := range got {
		if g.line.Fields != nil || g.line.Segmented {
			continue
		}
		ts := laidOutNumbers(g)
		if len(ts) < 2 {
			continue
		}
		if wts := wideTail(g.line.Text, len(ts)); wts != nil && sameTokens(wts, ts) {
			rows = append(rows, row{g.line.No, ts, wts})
		}
	}
	near := func(a, b []tok) int {
		n := 0
		for _, x := range a {
			if slices.ContainsFunc(b, func(y tok) bool { return abs(x.center-y.center) <= 1 }) {
				n++
			}
		}
		return n
	}
	byChar, byWidth := 0, 0
	for i := 1; i < len(rows); i++ {
		if samePage(breaks, rows[i-1].line, rows[i].line) {
			byChar += near(rows[i].chars, rows[i-1].chars)
			byWidth += near(rows[i].width, rows[i-1].width)
		}
	}
	switch {
	case byChar > byWidth:
		return measureChars
	case byWidth > byChar:
		return measureWidth
	}
	return measureUnknown
}

// placeMeasured places a row's numbers (ts, on the line text) by the
// columns of a complete row (centers, on the line ref), by characters or by
// display width as the table's measure m says. When the table cannot tell,
// both are tried: a place both find, or only one, is kept; where the two
// differ the row stays unread.
func placeMeasured(text string, ts []tok, ref string, centers []int, m measure) ([]string, bool) {
	if m == measureChars {
		return placeByColumns(ts, centers)
	}
	byChar, okChar := placeByColumns(ts, centers)
	wts, wcs := wideTail(text, len(ts)), wideTail(ref, len(centers))
	if wts == nil || wcs == nil || !sameTokens(wts, ts) {
		return byChar, okChar
	}
	wc := make([]int, len(wcs))
	for i, t := range wcs {
		wc[i] = t.center
	}
	byWidth, okWidth := placeByColumns(wts, wc)
	if m == measureWidth {
		return byWidth, okWidth
	}
	return eitherMeasure(byChar, okChar, byWidth, okWidth)
}

// eitherMeasure keeps a place found by characters or by display width: both
// if they agree, the one that found a place if only one did.
func eitherMeasure(byChar []string, okChar bool, byWidth []string, okWidth bool) ([]string, bool) {
	switch {
	case okChar && okWidth:
		return byChar, slices.Equal(byChar, byWidth)
	case okWidth:
		return byWidth, true
	}
	return byChar, okChar
}

// wideTail is the last n tokens of s placed by display width: a wide
// (Chinese) character takes two columns. nil when s has fewer.
func wideTail(s string, n int) []tok {
	out := wideTokens(s)
	if len(out) < n {
		return nil
	}
	return out[len(out)-n:]
}

// wideTokens are the tokens of s placed by display width.
func wideTokens(s string) []tok { return measuredTokens(s, true) }

// wideRune reports whether r takes two columns on a terminal (East Asian
// wide or fullwidth), as Markdown writers count it when they pad columns.
func wideRune(r rune) bool {
	k := width.LookupRune(r).Kind()
	return k == width.EastAsianWide || k == width.EastAsianFullwidth
}

func sameTokens(a, b []tok) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].s != b[i].s {
			return false
		}
	}
	return true
}

// placeByColumns puts each number of a row with blanks in the column whose
// center (on a complete row) is nearest, within three characters, no two in
// one column; not ok when a number fits no column of its own.
func placeByColumns(ts []tok, centers []int) ([]string, bool) {
	cells := make([]string, len(centers))
	used := make([]bool, len(centers))
	for _, t := range ts {
		best, dist := -1, 1<<30
		for i, m := range centers {
			if d := abs(t.center - m); d < dist {
				best, dist = i, d
			}
		}
		if best < 0 || used[best] || dist > 3 {
			return nil, false
		}
		used[best] = true
		cells[best] = t.s
	}
	return cells, true
}

// matchT2 finds the 表二 row (from next on) that a label names.
func matchT2(L string, items []T2Item, next int) int {
	if L == "" {
		return -1
	}
	norms := t2Norms[items[0].Label+items[len(items)-1].Label]
	for j := next; j < len(items); j++ {
		N := norms[j]
		// the label, its end, or (4 characters or more) the start of a label
		// wrapped in a narrow column
		// or the label and a word more (行政许可事项, 行政处罚决定)
		if L == N || strings.HasSuffix(L, N) || ((strings.HasSuffix(N, L) || strings.HasPrefix(N, L)) && utf8.RuneCountInString(L) >= 4) ||
			strings.HasPrefix(L, N) && !moreRunes(L[len(N):], 2) && !hasAnyRune(L[len(N):], "0123456789和及与、") {
			// 规范性文件 is the end of 行政规范性文件: the earlier row wins
			if j > next && strings.HasSuffix(norms[next], L) {
				return next
			}
			return j
		}
	}
	return -1
}

// matchT2Fuzzy is matchT2 for a label that lost or misread characters
// ("行政规范口文件"): among the next three rows, one within 30 % edits of
// four characters or more, its first or last character right, or one of
// four that lost a middle one (规章 is only ever read exactly). A label
// with a digit in it is not matched: its cells ran into it ("行政�3制").
func matchT2Fuzzy(L string, items []T2Item, next int) int {
	if hasAnyRune(L, "0123456789") {
		return -1 // a digit in a label: cells run into it, whose places are unknown
	}
	if !moreRunes(L, 3) {
		// a four-character label that lost one in its middle (行许可):
		// both ends right
		if utf8.RuneCountInString(L) != 3 {
			return -1
		}
		norms := t2Norms[items[0].Label+items[len(items)-1].Label]
		for j := next; j < min(len(items), next+3); j++ {
			if m := norms[j]; utf8.RuneCountInString(m) == 4 && firstRune(m) == firstRune(L) && lastRune(m) == lastRune(L) && editWithin(L, m, 1) == 1 {
				return j
			}
		}
		return -1
	}
	if moreRunes(L, 14) {
		return matchT2AfterHeader(L, items, next)
	}
	n := utf8.RuneCountInString(L)
	first, _ := utf8.DecodeRuneInString(L)
	last, _ := utf8.DecodeLastRuneInString(L)
	norms := t2Norms[items[0].Label+items[len(items)-1].Label]
	for j := next; j < min(len(items), next+3); j++ {
		f, _ := utf8.DecodeRuneInString(norms[j])
		l, _ := utf8.DecodeLastRuneInString(norms[j])
		if f != first && l != last {
			continue // both ends misread: too far to say (and most lines compared are no label)
		}
		m := utf8.RuneCountInString(norms[j])
		if m < 4 || n > m+m/3 || m > n+m/3 {
			continue
		}
		if editWithin(L, norms[j], 3*m/10) <= 3*m/10 {
			return j
		}
	}
	return -1
}

// t2HeaderEnds are the last words of 表二's column headings (normalised),
// both formats: a page without line breaks glues the row's label to them.
var t2HeaderEnds = []string{"数量", "件数", "万元", "增减", "金额", "信息内容"}

// matchT2AfterHeader is matchT2Fuzzy for a label glued after its item's
// column headings ("…本年收费金额单位万元行政事业性日费"): the words after a
// heading's last word, as long as a row of four characters or more among
// the next three and within 30 % edits of it, its last character right.
func matchT2AfterHeader(L string, items []T2Item, next int) int {
	last, _ := utf8.DecodeLastRuneInString(L)
	norms := t2Norms[items[0].Label+items[len(items)-1].Label]
	for j := next; j < min(len(items), next+3); j++ {
		m := utf8.RuneCountInString(norms[j])
		if l, _ := utf8.DecodeLastRuneInString(norms[j]); l != last || m < 4 {
			continue
		}
		i := runesBefore(L, len(L), m)
		if !slices.ContainsFunc(t2HeaderEnds, func(e string) bool { return strings.HasSuffix(L[:i], e) }) {
			continue
		}
		if editWithin(L[i:], norms[j], 3*m/10) <= 3*m/10 {
			return j
		}
	}
	return -1
}

// spanned reads a row of cells that has more numbers than its n cells as
// converters that repeat a merged cell's text in every column it spans write
// it (docling: "| 信息内容 | 上一年项目数量 | 本年增/减 | 本年增/减 |" over
// "| 行政事业性收费 | 22 | -7 | -7 |"): columns whose header — the nearest
// row above of as many cells, with no number where the row has its numbers —
// and whose number both repeat the column before are one cell. Not ok unless
// that leaves exactly n numbers.
func (p *parser) spanned(l Line, n int) ([]string, bool) {
	if l.Fields == nil {
		return nil, false
	}
	first := len(l.Fields) // the row's numbers start here
	for first > 0 && numberish(l.Fields[first-1]) {
		first--
	}
	i := slices.IndexFunc(p.lines, func(x Line) bool { return x.No == l.No && x.Text == l.Text })
	for j := i - 1; i > 0 && j >= 0 && j >= i-12; j-- {
		h := p.lines[j]
		if h.Fields == nil {
			if trimSpace(h.Text) == "" {
				continue
			}
			return nil, false
		}
		if len(h.Fields) != len(l.Fields) || slices.ContainsFunc(h.Fields[first:], func(c string) bool { return trimSpace(c) != "" && cellish(c) }) {
			continue
		}
		var cells []string
		for k := first; k < len(l.Fields); k++ {
			if k > first && trimSpace(h.Fields[k]) != "" && h.Fields[k] == h.Fields[k-1] && l.Fields[k] == l.Fields[k-1] {
				continue // the same merged cell again
			}
			cells = append(cells, l.Fields[k])
		}
		return cells, len(cells) == n && allCells(cells)
	}
	return nil, false
}

// allSame reports whether ss are all one string.
func allSame(ss []string) bool {
	for _, s := range ss[1:] {
		if s != ss[0] {
			return false
		}
	}
	return true
}

func (p *parser) fillT2(it T2Item, rc rowCells, l Line) {
	r := p.r
	set := func(i int, s string) {
		path := it.Key + "." + it.Cells[i]
		if len(it.Money) > i && it.Money[i] {
			s, _ = cutUnit(trimSpace(s), amountUnits) // 12.35万元: the column's own unit
			r.Proactive.SetAmount(path, ParseAmount(foldDigits(trimSpace(s))))
			if isPlaceholder(trimSpace(s)) {
				r.Proactive.SetAmount(path, Amount{state: cellInvalid, raw: trimSpace(s)})
			}
			return
		}
		r.Proactive.Set(path, toCell(s))
	}
	n := len(it.Cells)
	if rc.ok {
		for i, s := range rc.cells {
			set(i, s)
		}
		return
	}
	if len(rc.tokens) == 0 {
		return // a blank row: null, not 0
	}
	if n == 1 && len(rc.tokens) == 1 {
		set(0, rc.tokens[0].s)
		return
	}
	if n == 1 && l.Fields != nil && allSame(strs(rc.tokens)) {
		// a merged cell whose number a converter wrote into every column it
		// spans (docling: "| 行政许可 | 356 | 356 | 356 |")
		set(0, rc.tokens[0].s)
		p.warn("PARSE.READ", r.t2Prefix()+it.Key, l.No, "表二“%s”的数字“%s”在 %d 栏中重复（转换工具把合并单元格的内容写进了它跨过的每一栏），按 1 个数 %s 读取",
			it.Label, strings.Join(strs(rc.tokens), " "), len(rc.tokens), rc.tokens[0].s)
		return
	}
	if len(rc.tokens) > n {
		if cells, ok := p.spanned(l, n); ok {
			for i, s := range cells {
				set(i, s)
			}
			p.warn("PARSE.READ", r.t2Prefix()+it.Key, l.No, "表二“%s”读到 %d 个数（%s），其中重复的是合并单元格跨过的栏（表头也重复），按 %s 读取",
				it.Label, len(rc.tokens), strings.Join(strs(rc.tokens), " "), strings.Join(cells, " "))
			return
		}
	}
	// (a row of cells one short — Markdown that drops a trailing empty cell —
	// is cells, not digits run together: "| 行政强制 | 28 | -6 |" is no 2, 8,
	// -6; nor is a count standing apart from its label, "收费 31" with the
	// other cell blank, 3 and 1: only digits glued to the label or written
	// as no count is written, 000, are cut)
	apart := l.Fields != nil // cells, or tokens each set apart by spaces
	if !apart {
		apart = !slices.ContainsFunc(rc.tokens, func(t tok) bool { return t.center < 0 })
	}
	wholeCells := apart && (len(rc.tokens) > 1 || wellFormed(strs(rc.tokens)))
	if (rc.spaced || wholeCells) && len(rc.tokens) < n {
		for i := range it.Cells {
			p.ambiguous(r.t2Prefix() + it.Key + "." + it.Cells[i]) // unread, not left blank by the report
		}
		if p.oneMark(r.t2Prefix()+it.Key, l.No, "表二“"+it.Label+"”", n, rc.tokens) {
			return
		}
		p.blanky = true // fewer numbers than cells: blanks
		p.warn("PARSE.TABLE", r.t2Prefix()+it.Key, l.No, "表二“%s”应有 %d 个数，只读到 %d 个（%s），无法确定空白的位置，该行记为空",
			it.Label, n, len(rc.tokens), strings.Join(strs(rc.tokens), " "))
		return
	}
	// placeholders glued among the digits ("0/0", "无13无"): cells of their
	// own, each run of digits between one cell — never cut, as 表二 has no
	// sums to check a cut by, and a placeholder lost to the next row's label
	// (a page's line break before "无行政强制") would leave digits that cut
	// only one, wrong, way
	if m := p.t2Marks(); slices.ContainsFunc(rc.tokens, func(t tok) bool { return m.hasMark(t.s) }) {
		if cuts := splitPlaceholders(strs(rc.tokens), n, 0, m); len(cuts) == 1 && uncut(strs(rc.tokens), cuts[0], m) {
			for i, c := range cuts[0] {
				set(i, c)
			}
			return
		} else if len(cuts) > 0 {
			for i := range it.Cells {
				p.ambiguous(r.t2Prefix() + it.Key + "." + it.Cells[i])
			}
			p.warn("PARSE.AMBIGUOUS", r.t2Prefix()+it.Key, l.No, "表二“%s”的数字和占位符“%s”连在一起，有 %d 种拆分（表二没有可以核对的合计），无法确定各栏的分界，该行记为空",
				it.Label, strings.Join(strs(rc.tokens), " "), len(cuts))
			return
		}
	}
	// numbers run together: 表二 has no sums to tell the cuts apart, so
	// only a reading that is the only one possible is taken
	toks := strs(rc.tokens)
	cands := splitTokens(toks, n, 0, 64)
	if len(cands) == 1 {
		for i, v := range cands[0] {
			set(i, strconv.FormatInt(v, 10))
		}
		for k := 1; k < n; k++ {
			if len(splitTokens(toks, k, 0, 1)) > 0 {
				p.t2Glued = append(p.t2Glued, t2Glued{it: it, line: l.No, read: strings.Join(toks, " ")})
				break
			}
		}
		return
	}
	if d := digitCount(rc.tokens); len(cands) == 0 && d > 0 && d < n && wellFormed(toks) {
		p.blanky = true // fewer digits than cells: blanks
	}
	for i := range it.Cells {
		p.ambiguous(r.t2Prefix() + it.Key + "." + it.Cells[i])
	}
	read := strings.Join(strs(rc.tokens), " ")
	if p.oneMark(r.t2Prefix()+it.Key, l.No, "表二“"+it.Label+"”", n, rc.tokens) {
		return
	}
	if len(cands) == 0 && !hasText(read, ".") {
		p.warn("PARSE.TABLE", r.t2Prefix()+it.Key, l.No, "表二“%s”应有 %d 个数，读到的“%s”无法分成 %d 个，该行记为空", it.Label, n, read, n)
		return
	}
	p.warn("PARSE.AMBIGUOUS", r.t2Prefix()+it.Key, l.No, "表二“%s”的数字“%s”连在一起，无法确定各栏的分界（表二没有可以核对的合计），相关单元格记为空",
		it.Label, read)
}

// t2Apart is a row of 表二 read from numbers a cell to a line (OneEach),
// and whether they came after its label and its group's headings (a label
// that waited for them).
type t2Apart struct {
	row    int
	waited bool
}

// unreadT2Shared takes back the rows of 表二 read from numbers a cell to a
// line where a row of their group got none or too few, when 表三 shows that
// the report leaves cells blank (p.t3Blanks): a blank leaves no line there, and the
// numbers may be both rows' (pdftotext's default text: 规章 / 本年制发件数 … /
// 15 / 1 / 20 / 行政规范性文件, 规章's 20 and 行政规范性文件's 15 and 1; 行政许可 /
// 27 / 其他对外管理服务事项 / 6 / 2 / 4, the 2 行政许可's). Both rows are
// unread and said.
func (p *parser) unreadT2Shared() {
	if !p.t3Blanks && !p.t4Blanks && !p.blanky {
		return
	}
	items := p.r.Format.T2Items()
	for _, k := range p.t2Waited {
		// a label that waited for numbers past other words, in a report
		// that leaves cells blank: it may have been blank, the numbers
		// another row's (a browser's print through pdftotext's default
		// text: 行政许可 / 行政处罚 / 行政强制 / … / 29, the 29 行政强制's)
		if p.r.Proactive.t2RowEmpty(items[k]) {
			continue
		}
		p.unreadT2Row(items[k])
		why := "本报告有空白的单元格，而空白在这样的文字中不留位置"
		if !p.t3Blanks && !p.t4Blanks {
			// (only a row of 表二 short of numbers says so: blank cells, or
			// numbers the text put elsewhere — 表三 read without a blank)
			why = "表二有的行数字不全（空白的单元格，或被转换排到了别处）"
		}
		p.warn("PARSE.TABLE", p.r.t2Prefix()+items[k].Key, 0, "表二“%s”的数字一格一行，不紧接在行名之后（中间隔着别的文字）；%s，这些数字可能是别的行的，该行记为空，请对照原文核对",
			items[k].Label, why)
	}
	if !p.t3Blanks && !p.t4Blanks {
		return // (a 表二 row short of numbers, which sets blanky, is no sign of its own here)
	}
	done := map[int]bool{}
	for _, pair := range p.t2Shared {
		k, m := pair[0], pair[1]
		if done[k] {
			continue
		}
		done[k] = true
		p.unreadT2Row(items[k])
		if p.r.Proactive.t2RowEmpty(items[m]) {
			p.unreadT2Row(items[m])
		}
		p.warn("PARSE.TABLE", p.r.t2Prefix()+items[k].Key, 0, "表二“%s”的数字一格一行，同组的“%s”没有读到或少了数；本报告有空白的单元格，而空白在这样的文字中不留位置，这些数字可能分属两行，两行都记为空，请对照原文核对",
			items[k].Label, items[m].Label)
	}
}

// unreadT2Row leaves a 表二 row's cells null and unread (not blank).
func (p *parser) unreadT2Row(it T2Item) {
	r := p.r
	for x, c := range it.Cells {
		path := it.Key + "." + c
		if len(it.Money) > x && it.Money[x] {
			r.Proactive.SetAmount(path, Amount{})
		} else {
			r.Proactive.Set(path, Cell{})
		}
		p.ambiguous(r.t2Prefix() + path)
	}
}

// unreadT2Glued takes back the rows of 表二 read from digits run together
// when the report leaves cells blank (p.blanky): "165" is 1 6 5 only if no
// cell is blank, and 16, 5 or 1, 65 with one.
func (p *parser) unreadT2Glued() {
	if !p.blanky {
		return
	}
	r := p.r
	for _, g := range p.t2Glued {
		for _, c := range g.it.Cells {
			r.Proactive.Set(g.it.Key+"."+c, Cell{})
			p.ambiguous(r.t2Prefix() + g.it.Key + "." + c)
		}
		p.warn("PARSE.AMBIGUOUS", r.t2Prefix()+g.it.Key, g.line, "表二“%s”的数字“%s”连在一起，逐位拆开正好 %d 栏；但本报告有空白的单元格，这些数字也可能是较少几个数加上空白，无法确定各栏的分界，相关单元格记为空",
			g.it.Label, g.read, len(g.it.Cells))
	}
}

// apartNumbers: a row of 表二 or 表三 read as wholly blank is not said to be
// left blank by the report (CELL.BLANK) when its table holds more numbers on
// lines of their own than cells were read — a PDF's text can put a row's
// numbers apart from its label, in an order that cannot be undone. It is
// said to be unread, with the first such line.
func (p *parser) apartNumbers() {
	r := p.r
	// most reports have no wholly blank row: nothing to count then
	someBlank := false
	for _, row := range r.Format.T3Rows() {
		v := r.Applications[row.Key]
		if v[0].Blank() && v[ColTotal].Blank() && !r.Meta.Ambiguous[t3Cell(row.Key, 0)] {
			someBlank = true
			break
		}
	}
	for _, it := range r.Format.T2Items() {
		if someBlank {
			break
		}
		c := it.Key + "." + it.Cells[0]
		if len(it.Money) > 0 && it.Money[0] {
			someBlank = r.Proactive.Amount(c).Blank()
		} else {
			someBlank = r.Proactive.Cell(c).Blank()
		}
	}
	if !someBlank {
		return
	}
	// apart is the first line of the table's numbers alone (or in cells of
	// their own), when there are more such numbers than cells read: some
	// belong to no row
	apart := func(key string, read int) int {
		if _, ok := p.heads[key]; !ok || !r.Meta.Tables[key] {
			return 0
		}
		lo, hi := p.region(key)
		first, n := 0, 0
		for _, l := range p.lines[lo:hi] {
			if l.Segmented {
				continue
			}
			k := 0
			if l.Fields != nil {
				for _, f := range l.Fields {
					if t := trimSpace(f); t != "" && !hasHan(t) && numberRun(t) {
						k++
					}
				}
			} else if t := trimSpace(l.Text); t != "" && !hasHan(t) && numberRun(t) && !tableRuler(t) {
				k = len(tokens(t))
			}
			if k > 0 && first == 0 {
				first = l.No
			}
			n += k
		}
		if n > read {
			return first
		}
		return 0
	}
	readT2, readT3 := 0, 0
	for _, it := range r.Format.T2Items() {
		for k, c := range it.Cells {
			if len(it.Money) > k && it.Money[k] {
				if !r.Proactive.Amount(it.Key + "." + c).Blank() {
					readT2++
				}
			} else if !r.Proactive.Cell(it.Key + "." + c).Blank() {
				readT2++
			}
		}
	}
	for _, row := range r.Format.T3Rows() {
		for _, c := range r.Applications[row.Key] {
			if !c.Blank() {
				readT3++
			}
		}
	}
	for _, g := range p.blanks3.left {
		// a row's own numbers, fewer than its cells, left unread only
		// because its blanks cannot be placed, belong to it (more are
		// others' too: the text's order lost)
		if len(g.rc.tokens) < NumCols && r.Applications[g.row.Key] == (Row{}) {
			readT3 += len(g.rc.tokens)
		}
	}
	blank := func(paths []string) bool {
		for _, c := range paths {
			if r.Meta.Ambiguous[c] {
				return false
			}
		}
		return true
	}
	if no := apart("2", readT2); no > 0 {
		for _, it := range r.Format.T2Items() {
			var paths []string
			for _, c := range it.Cells {
				paths = append(paths, r.t2Prefix()+it.Key+"."+c)
			}
			if r.Proactive.t2RowEmpty(it) && blank(paths) {
				for _, c := range paths {
					p.ambiguous(c)
				}
				p.warn("PARSE.TABLE", r.t2Prefix()+it.Key, 0, "表二“%s”没有读到数字，但表中第 %d 行有不属于任何一行的数字（转换打乱了次序），它的数字可能在那里，该行记为空，请对照原文核对", it.Label, no)
			}
		}
	}
	if no := apart("3", readT3); no > 0 {
		for _, row := range r.Format.T3Rows() {
			v := r.Applications[row.Key]
			var paths []string
			empty := true
			for c := range v {
				paths = append(paths, t3Cell(row.Key, c))
				empty = empty && v[c].Blank()
			}
			if empty && blank(paths) {
				for _, c := range paths {
					p.ambiguous(c)
				}
				p.warn("PARSE.TABLE", "applications."+row.Key, 0, "表三“%s%s”没有读到数字，但表中第 %d 行有不属于任何一行的数字（转换打乱了次序），它的数字可能在那里，该行记为空，请对照原文核对", row.Group, row.Label, no)
			}
		}
	}
}

func (p *parser) ambiguous(cell string) {
	if p.r.Meta.Ambiguous == nil {
		p.r.Meta.Ambiguous = map[string]bool{}
	}
	p.r.Meta.Ambiguous[cell] = true
}

// --- 表三 ----------------------------------------------------------------------

// bareRowsAfter counts the lines from index from on that hold numbers and
// no words, up to the first with words (blank lines skipped).
func (p *parser) bareRowsAfter(from, hi int) int {
	n := 0
	for k := from; k < hi && k < len(p.lines); k++ {
		t := trimSpace(p.lines[k].Text)
		switch {
		case t == "":
		case hasHan(t) || !strings.ContainsFunc(t, isDigit):
			return n
		default:
			n++
		}
	}
	return n
}

// groupSpan is where the rows of 表三 in the outcome group whose name is g
// (三不予公开) start, and how many they are; -1, 0 when g names none.
func groupSpan(rows []T3Row, g string) (first, n int) {
	first = -1
	if !slices.Contains(t3GroupNorms[1:], g) {
		return first, 0 // (most labels: no row's group looked at)
	}
	for i, row := range rows {
		if norm(row.Group) == g {
			if n++; first < 0 {
				first = i
			}
		}
	}
	return first, n
}

var t3GroupNorms = []string{norm(T3Group), "三不予公开", "四无法提供", "五不予处理", "六其他处理"}

func stripGroups(L string) string {
	for changed := true; changed; {
		changed = false
		for _, g := range t3GroupNorms {
			if rest, ok := strings.CutPrefix(L, g); ok && rest != "" {
				L, changed = rest, true
			}
		}
	}
	return stripGroupPiece(L)
}

// stripGroupPiece takes off the front of a numbered row's label a piece of
// a group's words that wrapped in their merged column onto the row's line
// ("三、本年度 1.本机关不掌握相关政府", "办理结果 1.本机关…", "（四）无法 2.没有现成
// 信息…", "度办理结 …"): two characters or more of a group's words, or a
// group's numeral alone (（五 1.信访举报), then the row's number.
func stripGroupPiece(L string) string {
	k := strings.IndexFunc(L, func(r rune) bool { return r >= '0' && r <= '9' })
	if k == len("五") && strings.Contains("三四五六", L[:k]) {
		return L[k:] // a group's number alone, its bracket's pair on the next line ("（五 1.信访举报", "）不 投诉类申请")
	}
	if k == len("理") && slices.ContainsFunc(t3GroupNorms, func(g string) bool { return strings.HasSuffix(g, L[:k]) }) {
		return L[k:] // a group's last character, its merged cell's words wrapped to it ("理 4.无正当理由大")
	}
	if k < len("办理") || k > len("三本年度办理结果") {
		return L
	}
	for _, g := range t3GroupNorms {
		if hasText(g, L[:k]) {
			return L[k:]
		}
	}
	return L
}

// restoreStripped undoes what stripping each line's trailing tabs does to
// the rows of cells of 表三 lo:hi: a row whose last cells were blank lost
// them. When no row ends in an empty field (the lines were stripped) but
// some row keeps an empty field among its cells (blanks are fields, so only
// the trailing ones were cut), each row is made as wide again as the rows
// of the same shape (the same label columns, the same empty ones before the
// numbers) that have all seven cells: what is missing is missing at the
// end, blank. Rows whose shape no two full rows show are left as they are.
func (p *parser) restoreStripped(lo, hi int) {
	if lo < 0 {
		return
	}
	// first, by the text alone: an empty field somewhere (blanks are fields)
	// and none at a line's end (the lines were stripped); Markdown's rows,
	// whose empty cells are never dropped, have no empty field to give
	kept := false // an empty field among a row's cells: blanks are fields, only the trailing ones were cut
	for i := lo; i < hi; i++ {
		l := &p.lines[i]
		if len(l.Fields) < 2 {
			continue
		}
		if l.Structured || strings.IndexByte(l.Text, '\t') < 0 || strings.HasSuffix(l.Text, "\t") {
			return // cells from markup (HTML, DOCX, CSV), or trailing cells kept
		}
		kept = kept || strings.HasPrefix(l.Text, "\t") || hasText(l.Text, "\t\t")
	}
	if !kept {
		return // no empty field at all: a layout that drops every blank cell, not only the last
	}
	// by the index after a row's last label field: how many rows of seven
	// cells have k empty fields before their numbers (a short row may pass
	// for one with fewer: the most rows decide)
	// certain votes are by rows whose first cell holds a number: their
	// empty fields before it can only be label columns (a row whose first
	// cell is blank may be a stripped row with one more such column)
	var votes, certain [16][8]int
	lastLabel := func(f []string) int {
		last := -1
		for k, c := range f {
			if !numberish(c) {
				last = k
			}
		}
		return last
	}
	for i := lo; i < hi; i++ {
		f := p.lines[i].Fields
		if len(f) < 2 {
			continue
		}
		if trimSpace(f[len(f)-1]) == "" {
			return // trailing cells are kept: an empty field is a cell
		}
		last := lastLabel(f)
		region := f[last+1:]
		k := len(region) - NumCols
		if last+1 >= len(votes) || k < 0 || k >= len(votes[0]) || !allEmpty(region[:k]) || !allCells(region[k:]) {
			continue
		}
		votes[last+1][k]++
		if trimSpace(region[k]) != "" {
			certain[last+1][k]++
		}
	}
	var lead [16]int // the k most rows of a shape have, -1 for none or a tie
	pick := func(v [8]int, least int) int {
		best, second, k := 0, 0, -1
		for i, n := range v {
			switch {
			case n > best:
				best, second, k = n, best, i
			case n > second:
				second = n
			}
		}
		if best < least || best == second {
			return -1
		}
		return k
	}
	for j := range votes {
		// the certain rows decide, when two or more agree; else all (one
		// certain row alone is too little: a converter's broken rows)
		lead[j] = pick(certain[j], 2)
		if lead[j] < 0 {
			lead[j] = pick(votes[j], 2)
		}
	}
	for i := lo; i < hi; i++ {
		l := &p.lines[i]
		if len(l.Fields) < 2 {
			continue
		}
		last := lastLabel(l.Fields)
		if last+1 >= len(lead) || lead[last+1] < 0 {
			continue
		}
		k, region := lead[last+1], l.Fields[last+1:]
		if len(region) <= k || len(region) >= k+NumCols || !allEmpty(region[:k]) || p.continuedAfter(i, hi) {
			continue
		}
		if fieldsSumUp(region[k:]) {
			continue // its last number is the total of those before it: the row lost blanks before its 总计, not after (a layout whose gaps became one tab each)
		}
		f := slices.Clone(l.Fields)
		for len(f) < last+1+k+NumCols {
			f = append(f, "")
		}
		l.Fields, l.Text = f, strings.Join(f, "\t")
	}
}

// numbersBeforeLabels says 表三's numbers, a cell to a line, each come
// before their row's label (PyMuPDF's text sorted by position puts a row's
// numbers, on the first line of its cells, above its wrapped label): seven
// numbers before the first row's label, and none after the last row's (all).
// first says the first two rows' numbers stand before their labels, the
// labels in their order, whatever comes after the last label (a Letter
// page's text puts the page's last numbers there).
func (p *parser) numbersBeforeLabels(lo, hi int, norms []string) (all, first bool) {
	if !slices.ContainsFunc(p.lines[lo:hi], func(l Line) bool { return l.OneEach || l.Segmented }) {
		return false, false // no cells on lines of their own: nearly every table
	}
	firstNums, firstLabel, lastLabel, lastNums := -1, -1, -1, -1
	numsBeforeSecond, secondLabel := 0, -1 // rows of numbers before the second row's label
	for n := lo; n < hi; n++ {
		l := p.lines[n]
		if trimSpace(l.Text) == "" {
			continue
		}
		rc := splitLabel(l, NumCols)
		// (on a page run into one line, the digits of a browser's address
		// and of the next page's title are none: "四、结转下年度继续办理
		// file:///…/005.html3/4", "示例第5")
		segNums := l.Segmented && (rc.ok || len(rc.tokens) > 0) && cellDigitsIn(l.Text)
		// (a cell to a line, fewer than seven where the report leaves
		// cells blank: "…务机构 他" / 35 / 2 / 1 / 2 / 4 / 44 / 一、本年新收…;
		// the first row's three at least, not a row's first cell alone
		// before its label, the others after)
		fewer := l.OneEach && !rc.ok && len(rc.tokens) > 0
		if rc.ok && l.OneEach || (segNums || fewer) && (firstNums >= 0 || (segNums || len(rc.tokens) >= 3) && hasText(rc.label, "机构") && !hasText(rc.label, "本年新收")) {
			// (a page run into one line: a row's digits glued, fewer
			// than its cells where it leaves some blank; the first right
			// after the header's words (…法律服务机构 其他 总计 32 0 2 …),
			// not a page's foot (.html4/), nor amid the header's words
			// with the first row's label — LibreOffice's blocks)
			if firstNums < 0 {
				firstNums = n
			}
			lastNums = n
			if secondLabel < 0 {
				numsBeforeSecond++
			}
		}
		if rc.label == "" {
			continue
		}
		L := totalWord(norm(rc.label))
		j := matchExact(stripGroups(L), L, norms, 0)
		if j == 0 && firstLabel < 0 {
			firstLabel = n
			if firstNums < 0 || firstNums == n {
				return false, false // the first row's label before any numbers, or with its own: so it stays (the rest is not read)
			}
		}
		if j == 1 && secondLabel < 0 {
			secondLabel = n
		}
		switch {
		case segNums || fewer:
			// (a page run into one line, or a cell to a line: the last
			// row's label with any digits after it has its numbers there)
		case j == len(norms)-1 || j < 0 && l.Segmented && strings.HasPrefix(L, norms[len(norms)-1]):
			// (the page's footer after the last label of a page run into
			// one line, "四、结转下年度继续办理 file:///…")
			lastLabel = n
			if l.Segmented {
				n = hi // (the rest the page's foot and the next page's head: 示例第0局2019年…12/5/26)
			}
		}
	}
	// (every row's numbers before its label: two rows' before the second's;
	// one row's alone is the first row's label printed elsewhere)
	before := firstNums >= 0 && firstLabel > firstNums && (secondLabel < 0 || numsBeforeSecond >= 2)
	// (the first two rows' numbers before their labels, the labels in
	// their order: not 一's label put after the table by a page's text)
	return before && lastLabel > lastNums, before && secondLabel > firstLabel
}

// unreadNumbersAfter leaves unread the rows of 表三 read from numbers on
// lines after their label's, a cell to a line, in a text where the first two
// rows' numbers stand before their labels (pdftotext's default text of a
// Letter print of a report that leaves rows blank: 15 9 2 0 3 0 29 / 一、… /
// 14 8 1 0 2 0 25 / 二、… / （一）… / 3.… / 0 9 0 0 0 0 9 / 4.…): such numbers
// are the next row's as likely as the row's, which the in-order readers
// could not settle.
func (p *parser) unreadNumbersAfter(got []t3Line) {
	var said []string
	for k := range got {
		g := &got[k]
		if g.unread || !g.rc.ok || !g.line.OneEach || g.line.Fields == nil {
			continue
		}
		said = append(said, fmt.Sprintf("“%s%s”（%s）", g.row.Group, g.row.Label, strings.Join(g.rc.cells, " ")))
		g.rc, g.unread = rowCells{label: g.rc.label}, true
	}
	if len(said) > 0 {
		p.warn("PARSE.TABLE", "applications", got[0].line.No, "表三前两行的数都排在行名之前（PDF 转换的文字顺序），而有 %d 行的数在行名之后、各占一行：它们可能是下一行的，无法确定，这些行记为空（%s），请对照原文核对",
			len(said), strings.Join(said, "、"))
	}
}

// t3NumberCount is how many numbers the lines lo:hi hold (a row's cells,
// or its tokens when not exactly its cells).
func (p *parser) t3NumberCount(lo, hi int) int {
	n := 0
	for i := max(lo, 0); i < hi; i++ {
		n += len(splitLabel(p.lines[i], NumCols).numbers())
	}
	return n
}

// midLabel says S stands in the label norm somewhere after first (the
// label's start, already read), and the label goes on after S.
func midLabel(norm, first, S string) bool {
	rest, ok := strings.CutPrefix(norm, first)
	if !ok {
		return false
	}
	i := strings.Index(rest, S)
	return i >= 0 && i+len(S) < len(rest)
}

// midPiece is midLabel where first is a later piece of the label (each line
// of a narrow column's wrapped label the one before: "2.申请人逾" / "期未按
// 收费" / "通知要求缴" / "纳费用、行" / "政机关不再 37 37" / "处理其政府" …):
// first and S run on inside norm and it goes on after them, where the
// earlier row's label (other) holds no such run.
func midPiece(norm, other, first, S string) bool {
	run := first + S
	i := strings.Index(norm, run)
	return i > 0 && i+len(run) < len(norm) && !strings.Contains(other, run)
}

// cellDigitsIn says a text holds digits that may be a table's cells, not
// only an item's number, a date, a page's number, an address's or a
// title's year (tableDigits).
func cellDigitsIn(t string) bool {
	for i := 0; i < len(t); {
		if !isASCIIDigit(t[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(t) && isASCIIDigit(t[j]) {
			j++
		}
		if cellRun(t, i, j) != "" {
			return true
		}
		i = j
	}
	return false
}

// firstLabelLater says 表三's first row's label is not before line n but
// after it, the second row's label coming next.
func (p *parser) firstLabelLater(n, hi int, norms []string) bool {
	second := false
	for _, l := range p.lines[n+1 : hi] {
		rc := splitLabel(l, NumCols)
		if rc.label == "" {
			continue
		}
		L := totalWord(norm(rc.label))
		switch matchExact(stripGroups(L), L, norms, 0) {
		case 0:
			return second
		case 1:
			second = true
		}
	}
	return false
}

// readNumbersInOrder reads a 表三 whose numbers come before their labels by
// their order alone: every number on its own line, seven to each row of the
// format in turn. Kept only when there are exactly as many as the rows' cells
// and every row and the table's columns add up (a blank cell, a number out
// of place, a row that is the report's own error: unread, as before); said
// by PARSE.READ.
func (p *parser) readNumbersInOrder(lo, hi int, rows []T3Row) bool {
	nums, ok := p.oneEachNumbers(lo, hi)
	if !ok || len(nums) != NumCols*len(rows) {
		return false
	}
	got := make([]t3Line, len(rows))
	for i := range rows {
		cells := nums[i*NumCols : (i+1)*NumCols]
		if !addsUp(cells) {
			return false
		}
		got[i] = t3Line{row: &rows[i], rc: rowCells{cells: cells, ok: true}}
	}
	if !t3ColumnsHold(got) {
		return false
	}
	p.setRowsInOrder(got, lo)
	p.warn("PARSE.READ", "applications", p.lines[lo].No, "表三每行的数字都排在行名之前（PDF 转换时按位置排序的文字），%d 个数按格式各行的次序每 7 个一行读取；各行之和、表三各栏的勾稽关系均相符", len(nums))
	return true
}

// setRowsInOrder reads 表三 as got, each row whole, from numbers apart from
// its labels whose first line is lo.
func (p *parser) setRowsInOrder(got []t3Line, lo int) {
	for _, g := range got {
		var v Row
		for c, s := range g.rc.cells {
			v[c] = toCell(s)
		}
		p.r.Applications[g.row.Key] = v
		p.r.setLine(g.row.Key, p.lines[lo].No) // the lines of its numbers are not its own
	}
	p.r.Meta.Tables["3"] = true
}

// oneRowOff says of a reading of 表三 with one row not adding up, the
// columns off only as its one wrong cell makes them: the report's error,
// read as printed.
func oneRowOff(row *T3Row) string {
	return "除“" + row.Group + row.Label + "”一行外各行之和相符，这一行与表三各栏的勾稽关系不符之处都是同一栏、同一个差额（像是原文这一格填错），按原文读取"
}

// oneEachNumbers are the numbers of the lines in lo:hi that hold one number
// to a line (joinCellLines' rows), in the text's order; not ok when digits
// ran together on one.
func (p *parser) oneEachNumbers(lo, hi int) (nums []string, ok bool) {
	for _, l := range p.lines[lo:hi] {
		if !l.OneEach && !l.Segmented {
			continue
		}
		rc := splitLabel(l, NumCols)
		if rc.ok {
			nums = append(nums, rc.cells...)
			continue
		}
		if !rc.spaced && len(rc.tokens) > 0 && (!l.Segmented || !wellFormed(strs(rc.tokens))) {
			return nil, false // digits run together: not one number to a line
		}
		nums = append(nums, strs(rc.tokens)...)
	}
	return nums, true
}

// readInBands reads a 表三 whose numbers pdfminer (markitdown's PDF text)
// wrote apart from their labels, a band of rows at a time and each band
// down its columns in turn (a column's run of numbers is one text box, and
// tall rows split a page into bands): every way to cut the rows into bands
// is tried where each row adds up, and the reading is kept when it is the
// only one whose columns hold too. Row by row (bands of one) and down the
// whole table (one band) are among the ways. Said by PARSE.READ; false, and
// nothing changed, otherwise.
func (p *parser) readInBands(lo, hi int, rows []T3Row) bool {
	nums, ok := p.oneEachNumbers(lo, hi)
	n := len(rows)
	if !ok || len(nums) != NumCols*n {
		return false
	}
	vals := make([]int64, len(nums))
	for i, s := range nums {
		v, ok := toCell(s).Int()
		if !ok {
			return false
		}
		vals[i] = v
	}
	// band a:b (rows a to b-1) holds nums[7a:7b], column after column
	band := func(a, b int) ([][NumCols]int64, bool) {
		h := b - a
		out := make([][NumCols]int64, h)
		for r := range h {
			for c := range NumCols {
				out[r][c] = vals[NumCols*a+c*h+r]
			}
			if !sumsUp(out[r][:]) {
				return nil, false
			}
		}
		return out, true
	}
	// readings of rows a… end, distinct, 16 at most (more: nothing can be told)
	const most = 16
	memo := make([][][][NumCols]int64, n+1)
	done := make([]bool, n+1)
	tooMany := false
	var from func(a int) [][][NumCols]int64
	from = func(a int) [][][NumCols]int64 {
		if a == n {
			return [][][NumCols]int64{nil}
		}
		if done[a] {
			return memo[a]
		}
		var out [][][NumCols]int64
		for b := a + 1; b <= n && !tooMany; b++ {
			head, ok := band(a, b)
			if !ok {
				continue
			}
			for _, rest := range from(b) {
				reading := append(slices.Clone(head), rest...)
				if !slices.ContainsFunc(out, func(x [][NumCols]int64) bool { return slices.Equal(x, reading) }) {
					out = append(out, reading)
				}
				if len(out) > most {
					tooMany = true
					break
				}
			}
		}
		memo[a], done[a] = out, true
		return out
	}
	var holding [][NumCols]int64
	for _, reading := range from(0) {
		if tooMany {
			return false
		}
		if t3Holds(rows, reading) {
			if holding != nil {
				return false // two readings: which is the table's cannot be told
			}
			holding = reading
		}
	}
	if holding == nil || tooMany {
		return false
	}
	p.setT3Reading(rows, holding, lo)
	p.warn("PARSE.READ", "applications", p.lines[lo].No, "表三的数字与行名分开排列（PDF 转换按文字块输出：每几行为一段，段内逐栏自上而下），%d 个数按这种次序只有一种读法使各行之和、表三各栏的勾稽关系都相符，按此读取", len(nums))
	return true
}

// t3Holds says a reading of 表三, its rows in the format's order, holds in
// every column: the outcomes add up to (七)总计, and 本年新收 + 上年结转 = 总计 +
// 结转下年度.
func t3Holds(rows []T3Row, reading [][NumCols]int64) bool {
	return t3BrokenColumns(rows, reading) == 0
}

// t3BrokenColumns are the columns of a reading of 表三 (t3Holds) in which an
// identity fails.
func t3BrokenColumns(rows []T3Row, reading [][NumCols]int64) int {
	var s t3Sums
	for i, row := range rows {
		for c, x := range reading[i] {
			s.add(row.Kind, c, x)
		}
	}
	broken := 0
	for c := range NumCols {
		if s.outcomes[c] != s.tot[c] || s.nw[c]+s.in[c] != s.tot[c]+s.fwd[c] {
			broken++
		}
	}
	return broken
}

// blankBetween says the lines strictly between indexes i and j hold nothing.
func (p *parser) blankBetween(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if p.lines[k].Fields != nil || trimSpace(p.lines[k].Text) != "" {
			return false
		}
	}
	return true
}

// continuedAfter says the row at i goes on on the next line that holds
// anything: a line of numbers only, not started by a tab (catdoc wraps a
// long row so: "…\t11\t0\t0\t1\t0" then "1\t13"). Its cells are not
// missing.
func (p *parser) continuedAfter(i, hi int) bool {
	for j := i + 1; j < hi; j++ {
		t := p.lines[j].Text
		if trimSpace(t) == "" {
			continue
		}
		if strings.HasPrefix(t, "\t") || hasHan(t) {
			return false
		}
		return allCells(strings.Fields(t))
	}
	return false
}

// t3Columns says how many of 表三's columns its header names when it names
// fewer than the format's seven, from the left: 6 when it has no 总计 (nor
// 合计: the agency took the total column out), 5 when it has no 其他 column
// either (法人或其他组织's 其他 its only one: a table too wide for its page,
// its right edge cut off in a PDF); 0 for a header of every column, or no
// header. The header is the text before its first row (本年新收…).
func (p *parser) t3Columns(lo, hi int) int {
	if lo < 0 {
		return 0
	}
	var b strings.Builder
	for i, l := range p.lines[lo:hi] {
		t := l.Text
		if k := indexText(t, "本年新收"); k >= 0 {
			b.WriteString(t[:k])
			if n := p.nextText(lo+i+1, hi); n >= 0 && headerTotal(l, p.lines[n]) {
				return 0 // the header's 总计 after the first row's numbers (headerTotal)
			}
			break
		}
		b.WriteString(t)
		if b.Len() > 4096 {
			return 0 // no first row in sight: not a header
		}
	}
	h := withoutSpaces(b.String())
	if !hasText(h, "自然人") || !hasText(h, "商业企业") || !hasText(h, "法律服务") {
		return 0
	}
	if hasText(h, "总计") || hasText(h, "合计") {
		return 0
	}
	// from the header's first word to the first number: a 总 or a 计 in it
	// is its 总计 with the other character misread (总审 of an OCR), as no
	// other word of the header has either; the text above it (a heading, a
	// sentence) and the row labels after (只计这一情形, in the text of a
	// PDF that puts the labels after the numbers) may
	if k := indexText(h, "申请人情况"); k >= 0 {
		h = h[k:]
	} else if k := indexText(h, "自然人"); k >= 0 {
		h = h[k:]
	}
	if k := strings.IndexFunc(h, isDigit); k >= 0 {
		h = h[:k]
	}
	if hasAnyRune(h, "总计") {
		return 0
	}
	if strings.Count(h, "其他") == 1 && hasText(h, "法人或其他组织") {
		return NumCols - 2
	}
	return NumCols - 1
}

// rowsHaveTotals says 表三's rows have the total column its header was read
// without: two or more hold seven that add up, and none holds the header's n
// numbers (pdftotext without -layout may write the header's 总计 after the
// table); or two or more hold seven that add up to more than 0, which the
// six cells of a row and the next row's first hardly do, though rows of n
// numbers there are (a row with a blank cell: placed in the first n
// columns, its numbers would go to the wrong cells); or one does to 10 or
// more from two numbers or more (17 15 1 0 3 3 39: no chance of a row and
// the next one's first, in a report that leaves most rows a cell short).
func rowsHaveTotals(got []t3Line, n int) bool {
	totals, counted, rowsOfN, large := 0, 0, false, false
	for _, g := range got {
		if g.rc.ok && addsUp(g.rc.cells) {
			totals++
			if v, _ := toCell(g.rc.cells[NumCols-1]).Int(); v > 0 {
				counted++
				large = large || v >= 10 && nonZeroCells(g.rc.cells[:NumCols-1]) >= 2
			}
		}
		if !g.rc.ok && len(g.rc.tokens) == n {
			// on a page without line breaks, six numbers whose last two
			// digits runs are the 其他 and 总计 cells glued ("4 0 0 0 0
			// 04", the issue's dialect) are a row with its total; the
			// header's 总计 may be lost to an OCR
			if total, ok := lastTwoGlued(strs(g.rc.tokens)); ok && g.line.Segmented && n == NumCols-1 {
				totals++
				if total > 0 {
					counted++
				}
				continue
			}
			rowsOfN = true
		}
	}
	return totals >= 2 && !rowsOfN || counted >= 2 || large
}

// nonZeroCells counts the cells that read as a number other than 0.
func nonZeroCells(cells []string) int {
	n := 0
	for _, c := range cells {
		if v, ok := toCell(c).Int(); ok && v != 0 {
			n++
		}
	}
	return n
}

// lastTwoGlued says the last of a row's six numbers reads as two cells, the
// second the sum of all the others ("4 0 0 0 0 04": 4+0+0+0+0+0 = 4), and
// gives that sum.
func lastTwoGlued(nums []string) (int64, bool) {
	last := nums[len(nums)-1]
	var sum int64
	for _, s := range nums[:len(nums)-1] {
		v, ok := toCell(s).Int()
		if !ok {
			return 0, false
		}
		sum += v
	}
	for k := 1; k < len(last); k++ {
		a, b := last[:k], last[k:]
		if len(b) > 1 && b[0] == '0' || len(a) > 1 && a[0] == '0' {
			continue
		}
		x, ok1 := toCell(a).Int()
		y, ok2 := toCell(b).Int()
		if ok1 && ok2 && sum+x == y {
			return y, true
		}
	}
	return 0, false
}

// readFirstColumns reads a 表三 whose header names only its first n
// columns: a row of n numbers is those columns' cells, the others left
// unread; any other row is left unread (its numbers cannot be placed), each
// said, and the missing columns once.
func (p *parser) readFirstColumns(got []t3Line, n int) {
	r := p.r
	missing := "“总计”栏"
	if n < NumCols-1 {
		missing = "“其他”“总计”两栏"
	}
	for _, g := range got {
		var nums []string
		if g.rc.ok {
			nums = nonBlank(g.rc.cells)
		} else {
			nums = strs(g.rc.tokens)
		}
		for i := n; i < NumCols; i++ {
			p.ambiguous(t3Cell(g.row.Key, i))
		}
		if len(nums) == n && allCells(nums) && n == NumCols-1 && sumsToLast(nums) {
			// the last is the others' sum: perhaps this row's 总计 with a
			// blank cell before it, the header's 总计 written elsewhere
			for i := 0; i < n; i++ {
				p.ambiguous(t3Cell(g.row.Key, i))
			}
			p.warn("PARSE.TABLE", "applications."+g.row.Key, g.line.No, "表三“%s%s”读到 %d 个数（%s），最后一个恰是前几个之和，可能是该行的总计（另有空白单元格）：无法确定各数属于哪一栏，该行记为空，请对照原文核对",
				g.row.Group, g.row.Label, len(nums), strings.Join(nums, " "))
			continue
		}
		if len(nums) == n && allCells(nums) {
			var v Row
			for i, s := range nums {
				v[i] = toCell(s)
			}
			r.Applications[g.row.Key] = v
			continue
		}
		for i := 0; i < n; i++ {
			p.ambiguous(t3Cell(g.row.Key, i))
		}
		if d := digitCount(g.rc.tokens); len(nums) > NumCols || d >= 2*NumCols {
			// (more numbers than a row's cells, or glued digits enough for
			// two rows: other rows' too)
			p.strays = append(p.strays, stray{g.row.Key, g.line.No, max(len(nums), d)})
		}
		p.warn("PARSE.TABLE", "applications."+g.row.Key, g.line.No, "表三“%s%s”读到 %d 个数（%s），而表三没有%s，应有 %d 个：无法确定各数属于哪一栏，该行记为空，请对照原文核对",
			g.row.Group, g.row.Label, len(nums), strings.Join(nums, " "), missing, n)
	}
	if n == NumCols-1 {
		p.warn("PARSE.READ", "applications", got[0].line.No, "表三的表头没有“总计”栏（规定的表格有这一栏）：各行按六类申请人读取，总计栏记为空；表三各行的合计无法核对，请补上总计栏")
		return
	}
	p.warn("PARSE.READ", "applications", got[0].line.No, "表三的表头没有“其他”“总计”两栏（规定的表格有；多见于表格超出页面、右侧在 PDF 中被截去）：各行按自然人和前四类法人或其他组织读取，其他、总计栏记为空，各行的合计无法核对；请对照原文核对，表格超出页面的请调整后重新发布")
}

// sumsToLast says the last of a row's counts is the sum of the others and
// more than 0.
func sumsToLast(nums []string) bool {
	var sum int64
	for _, s := range nums[:len(nums)-1] {
		sum += toCell(s).Val()
	}
	last, ok := toCell(nums[len(nums)-1]).Int()
	return ok && last > 0 && sum == last
}

// totalWord reads a normalised row label that says 合计 for 总计 ("（七）合计"
// or a bare 合计): the same row.
func totalWord(L string) string {
	if strings.HasSuffix(L, "合计") {
		return strings.TrimSuffix(L, "合计") + "总计"
	}
	return L
}

type t3Line struct {
	row  *T3Row // the template's
	rc   rowCells
	line *Line // the parser's
	// cuts are the row's readings found before solveT3 (a 小计 column's
	// eight numbers, the 小计 left out): nil, its tokens cut there
	cuts [][]int64
	// byPosition: a row with blanks placed by where its numbers stand
	// (alignShort, placeByGrid, placeByT3Header)
	byPosition bool
	// inColumns: a row with blanks whose numbers stand one to a column of
	// the page's grid (all seven, or the ones used on the page) or of 表三's
	// headings, but that was not placed (they do not add up placed so, or
	// which columns they are is not known): they are its cells
	inColumns bool
	// unread: a row whose numbers are known not to be read (restOfWrap's
	// wrapUnread), already said
	unread bool
	// joined: a wrapped label's row whose numbers were joined from its two
	// pieces in a page without line breaks (restOfWrap)
	joined bool
	// gridTotal: such a row's 总计, its last number standing in the last
	// of the columns the page uses (a page whose blank columns pdftotext
	// -layout closed up: which the others are is not known)
	gridTotal string
	// wrapNums: the numbers of a wrapped label's row, fewer than its cells
	// and on both its lines (wrapBlanks), left unread until the table's
	// identities place them (shortRowsByIdentities)
	wrapNums []string
}

// eitherRow is a row of 表三 given the numbers on the line (line) right
// under its label, a line of numbers alone, where the row above had no
// numbers yet either (parser.eitherRows).
type eitherRow struct {
	row  int // in the template's rows
	line int
}

// eitherRows leaves unread the rows given numbers that may be the row
// above's (eitherRow), where that row got none of its own: pdftotext
// -layout writes a row's numbers, set in the middle of a tall row, after
// the next row's label when that label shares its line with a merged
// cell's words (Chromium's print: "度办理结 法提供 3.补正后申请内容仍不明确"
// then the numbers of 2.没有现成信息需要另行制作). Where every row has its
// numbers the row above has its own, and the numbers are this row's; in a
// report that leaves rows blank either may be, and a guess would read a
// wrong row without a word. Both are said and left unread.
func (p *parser) eitherRows(got []t3Line, rows []T3Row, either []eitherRow) {
	for _, e := range either {
		above := &rows[e.row-1]
		if slices.ContainsFunc(got, func(g t3Line) bool { return g.row == above }) {
			continue // the row above has numbers of its own
		}
		k := slices.IndexFunc(got, func(g t3Line) bool { return g.row == &rows[e.row] && g.line.No == e.line })
		if k < 0 || got[k].unread {
			continue
		}
		nums := strings.Join(strs(got[k].rc.tokens), " ")
		if got[k].rc.ok {
			nums = strings.Join(got[k].rc.cells, " ")
		}
		got[k].rc, got[k].unread = rowCells{label: got[k].rc.label}, true
		for c := range NumCols {
			p.ambiguous(t3Cell(above.Key, c))
		}
		p.warn("PARSE.TABLE", "applications."+rows[e.row].Key, e.line, "表三“%s%s”的行名之后单独一行的数（%s），而上一行“%s%s”没有数：PDF 转换后的文字中，上一行的数可能排到了这一行的行名之后，无法确定是哪一行的，两行都记为空，请对照原文核对",
			rows[e.row].Group, rows[e.row].Label, nums, above.Group, above.Label)
		p.warn("PARSE.TABLE", "applications."+above.Key, e.line, "表三“%s%s”的行名旁没有数，但下一行行名之后单独一行的数（%s）可能是它的（见下一行），该行记为空，请对照原文核对",
			above.Group, above.Label, nums)
	}
}

// upRow is a row of 表三 (from, in the template's rows) read from numbers
// after its label on line, whose row above had its label right before and
// read none; apart says those numbers stood a cell to a line (joined to
// the label's line: Line.OneEach).
type upRow struct {
	from, line int
	apart      bool
}

// swapUp gives a row's numbers to the blank row above it (upRow) where 表三,
// read whole, breaks some of its identities as read and holds all of them so:
// pdftotext's default text of a browser's print put （七）总计's numbers
// after 四、结转下年度继续办理's label (the next page's running head between),
// and a report that leaves rows blank read a 结转下年度 of the totals and an
// empty 总计 — false T3 errors. Where both readings hold (two outcome rows),
// or neither, nothing is moved.
func (p *parser) swapUp() {
	r := p.r
	if len(p.upRows) == 0 {
		return
	}
	rows := r.Format.T3Rows()
	if r.ambiguousIn("applications.") {
		p.upTotal(rows)
		return
	}
	for _, u := range p.upRows {
		if u.from <= 0 || u.from >= len(rows) || t3Broken(r) == 0 {
			continue
		}
		from, to := rows[u.from], rows[u.from-1]
		had, blank := r.Applications[from.Key], r.Applications[to.Key]
		if blank != (Row{}) || had == (Row{}) {
			continue
		}
		r.Applications[to.Key], r.Applications[from.Key] = had, Row{}
		if t3Broken(r) > 0 {
			r.Applications[to.Key], r.Applications[from.Key] = blank, had
			continue
		}
		r.setLine(to.Key, u.line)
		p.warn("PARSE.READ", "applications."+to.Key, u.line, "表三“%s%s”的行名旁没有数，其后一行“%s%s”行名之后的数（%s）按原文位置读作该行时，表三的勾稽关系不成立，读作“%s%s”的则全部成立（PDF 转换后的文字中，行的数排到了下一行的行名之后）：按此读取，“%s%s”记为空",
			to.Group, to.Label, from.Group, from.Label, rowText(had), to.Group, to.Label, from.Group, from.Label)
	}
}

// upTotal gives （七）总计 the numbers read after 四、结转下年度继续办理's
// label, a cell to a line, where 表三 cannot be checked whole (cells of it
// unread) but an outcome row read holds a count that is not 0: 总计 then
// cannot be blank, and its label stood right before 四's without numbers
// (pdftotext's default text: （七）总计 / 四、结转下年度继续办理 / 2 / 0 / 0 /
// 2 / 0 / 2 / 6, a report that leaves 结转下年度 blank). Where no outcome
// row is read at all, which row the numbers are is not known: 四 unread.
func (p *parser) upTotal(rows []T3Row) {
	for _, u := range p.upRows {
		if u.from <= 0 || u.from >= len(rows) || rows[u.from].Kind != RowCarriedForward || rows[u.from-1].Kind != RowTotal {
			continue
		}
		from, to := rows[u.from], rows[u.from-1]
		had := p.r.Applications[from.Key]
		if had == (Row{}) || p.r.Applications[to.Key] != (Row{}) || !u.apart {
			continue
		}
		counted := slices.ContainsFunc(rows, func(row T3Row) bool {
			v := p.r.Applications[row.Key]
			return row.Kind == RowOutcome && slices.ContainsFunc(v[:], func(c Cell) bool { return c.Val() > 0 })
		})
		if !counted {
			if slices.ContainsFunc(rows, func(row T3Row) bool { return row.Kind == RowOutcome && !p.r.ambiguousIn("applications."+row.Key+"[") }) {
				continue // (outcomes read, none counted: a blank 总计 may be so)
			}
			// no outcome row read: which of the two the numbers are is
			// not known
			p.r.Applications[from.Key] = Row{}
			for c := range NumCols {
				p.ambiguous(t3Cell(from.Key, c))
			}
			p.warn("PARSE.AMBIGUOUS", "applications."+from.Key, u.line, "表三“%s%s”行名之后各占一行的数（%s）也可能是其上一行“%s%s”的（该行行名紧挨其前、旁边没有数）；办理结果各行都未读出，无法确定，该行记为空，请对照原文核对",
				from.Group, from.Label, rowText(had), to.Group, to.Label)
			continue
		}
		p.r.Applications[to.Key], p.r.Applications[from.Key] = had, Row{}
		p.r.setLine(to.Key, u.line)
		p.warn("PARSE.READ", "applications."+to.Key, u.line, "表三“%s%s”的行名旁没有数，其后一行“%s%s”行名之后各占一行的数（%s）读作“%s%s”的：办理结果各行已有不为 0 的数，总计不能空白（表三有未读出的格，勾稽关系无法全部核对），“%s%s”记为空，请对照原文核对",
			to.Group, to.Label, from.Group, from.Label, rowText(had), to.Group, to.Label, from.Group, from.Label)
	}
}

// rowText is a row's cells as read, a blank one as 空.
func rowText(v Row) string {
	parts := make([]string, len(v))
	for c, x := range v {
		parts[c] = x.String()
		if x.Blank() {
			parts[c] = "空"
		}
	}
	return strings.Join(parts, " ")
}

// t3Broken counts the identities of 表三 that do not hold as read, a blank
// cell 0: each row's 总计 the sum of its six; each column's （七）总计 the
// sum of the outcomes, and 新收 + 上年结转 = （七）总计 + 结转下年度.
func t3Broken(r *Report) int {
	n := 0
	var outcomes, total, balance [NumCols]int64
	for _, row := range r.Format.T3Rows() {
		v := r.Applications[row.Key]
		var sum int64
		for c := range NumCols {
			x := v[c].Val()
			if c < ColTotal {
				sum += x
			}
			switch row.Kind {
			case RowOutcome:
				outcomes[c] += x
			case RowTotal:
				total[c] = x
			case RowNew, RowCarriedIn:
				balance[c] += x
			case RowCarriedForward:
				balance[c] -= x
			}
		}
		if v != (Row{}) && sum != v[ColTotal].Val() {
			n++
		}
	}
	for c := range NumCols {
		if outcomes[c] != total[c] {
			n++
		}
		if balance[c] != total[c] {
			n++
		}
	}
	return n
}

// ocrRule says a line of text (not a row of cells) holds a "|" with
// Chinese characters on both sides, a space apart at most: a table's rule
// as OCR reads it (自然人 | 商业企 | 科研机; 三、本 | (一) 予以公开), where
// a laid-out text's columns hold spaces only.
func ocrRule(l Line) bool {
	if l.rare != nil && l.rare.ocrRule {
		return true // (two rules or more: the text reader cut the line into cells there)
	}
	return l.Fields == nil && ocrRuleText(l.Text)
}

// ocrRuleText is ocrRule for a line's text as read, not a Markdown row
// (which starts with its "|").
func ocrRuleText(t string) bool {
	if strings.IndexByte(t, '|') < 0 || strings.HasPrefix(strings.TrimLeft(t, " \t"), "|") {
		return false
	}
	for i := strings.IndexByte(t, '|'); i >= 0; {
		before := strings.TrimRight(t[:i], " ")
		after := strings.TrimLeft(t[i+1:], " ")
		if len(t[:i])-len(before) <= 1 && len(t[i+1:])-len(after) <= 1 && before != "" && after != "" {
			r1, _ := utf8.DecodeLastRuneInString(before)
			r2, _ := utf8.DecodeRuneInString(after)
			if unicode.Is(unicode.Han, r1) && (unicode.Is(unicode.Han, r2) || r2 == '(' || r2 == '（') {
				return true
			}
		}
		k := strings.IndexByte(t[i+1:], '|')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// ocrText says two lines of the text or more hold OCR's rules (ocrRule),
// asked once.
func (p *parser) ocrText() bool {
	if p.ocrKnown == 0 {
		p.ocrKnown = -1
		n := 0
		for _, l := range p.lines {
			if ocrRule(l) {
				if n++; n >= 2 {
					p.ocrKnown = 1
					break
				}
			}
		}
	}
	return p.ocrKnown > 0
}

// ocrSpacedRules says two lines of text or more hold a "|" a space or more
// after a Chinese character ("(三) 不予 |4.保护第三方合法权益"): an OCR's rule,
// where a converter's table (html2text's 规章| 0| 1) or a broken font map
// (信息|开) writes it right after the character.
func (p *parser) ocrSpacedRules() bool {
	n := 0
	for _, l := range p.lines {
		if l.Fields != nil {
			continue
		}
		for t := l.Text; ; {
			k := strings.IndexByte(t, '|')
			if k < 0 {
				break
			}
			before := strings.TrimRight(t[:k], " ")
			if r, _ := utf8.DecodeLastRuneInString(before); len(before) < k && unicode.Is(unicode.Han, r) {
				if n++; n >= 2 {
					return true
				}
				break
			}
			t = t[k+1:]
		}
	}
	return false
}

func (p *parser) parseT3() {
	r := p.r
	p.blanks3, p.midway, p.missing3 = blanksLeft{}, struct{ known, is bool }{}, nil
	lo, hi := p.region("3")
	ruled := 0
	for i := max(lo, 0); i < hi; i++ {
		p.byteCut = p.byteCut || hasBadRune(p.lines[i].Text)
		if ocrRule(p.lines[i]) {
			ruled++
		}
	}
	// (OCR's text: a table's rules read as "|" between its words, and each
	// line spaced by its own glyphs' widths — numbers six to ten characters
	// off the columns of the rows above — so neither are placed by where
	// they stand)
	p.ocrRuled = ruled >= 2
	p.byteCut = p.byteCut || p.ocrRuled
	p.dropSubtotals(lo, hi)
	p.restoreStripped(lo, hi)
	rows := r.Format.T3Rows()
	norms := t3Norms(r.Format)
	all, firstBefore := p.numbersBeforeLabels(lo, hi, norms)
	if all {
		if p.readNumbersInOrder(lo, hi, rows) || p.readNumbersInPieces(lo, hi, rows) {
			return
		}
		p.t3Unread()
		p.warn("PARSE.TABLE", "applications", p.lines[lo].No, "表三每行的数字都排在行名之前（PDF 转换时按位置排序的文字：第一行的数字在“一、本年新收…”之前，“四、结转下年度继续办理”之后没有数字），按行名之后的数字读会张冠李戴，表三记为空：请用 pdftotext -layout 转换后再审核")
		return
	} else if firstBefore && (p.readNumbersInOrder(lo, hi, rows) || p.readNumbersInPieces(lo, hi, rows)) {
		// (the first rows' numbers before their labels, numbers after the
		// last label too: the last rows' numbers a page's text put there)
		return
	}
	got := make([]t3Line, 0, len(rows))
	seen := make([]bool, len(rows)) // a label read, with or without its numbers
	var piece []bool                // seen only by a short piece of its label ("开申请"), without numbers
	var whole []wholeGroup
	var ahead *aheadRows    // numbers read before the labels they belong to
	var blocks []*aheadRows // every such run, checked at the end
	var waiting []int       // rows whose labels came without numbers, since the last numbers
	next, pending := 0, -1
	var intoLabel []ranInto            // rows whose cells ran into their labels
	lost := false                      // numbers under a label that matched no row, since the last row read
	var dropped *Line                  // the first line of a row's numbers whose label matched no row
	var droppedAll []*Line             // and the first eight such lines
	var misreadRows []lostRow          // and their places and cells
	var orphan *orphanRow              // numbers beside a row's number alone, waiting for its words
	pendingFuzzy, pendingLine := "", 0 // the pending row's label, when it was not the template's
	pendingAt, pendingS := -1, ""      // the line whose label made the pending row, and that label
	var either []eitherRow             // numbers alone under a label, the row above waiting too
	aboveAt := -1                      // the line of the label that waited before pending's
	aheadRow, aheadS := -1, ""         // the last row given numbers that came before its label, and that label
	// drop notes a line of numbers that went to no row (dropped, droppedAll)
	drop := func(l *Line) {
		if dropped == nil {
			dropped = l
		}
		if len(droppedAll) < 8 {
			droppedAll = append(droppedAll, l)
		}
	}
	heading, headed := p.heads["3"]
	// shareByOrder gives the rest of the run ahead to the rows from next up
	// to j, in the table's order
	shareByOrder := func(j int) {
		for i := next; i < j; i++ {
			ahead.got = append(ahead.got, len(got))
			ahead.byOrder = append(ahead.byOrder, rows[i].Group+rows[i].Label)
			got = append(got, t3Line{row: &rows[i], rc: rowCells{label: rows[i].Label, cells: ahead.rows[i-next], ok: true}, line: ahead.line})
			seen[i] = true
			r.setLine(rows[i].Key, ahead.line.No)
		}
		ahead.rows = nil
	}
	for n := lo; n < hi; n++ {
		l := &p.lines[n]
		if next >= len(rows) {
			p.shortRowsRest(got, rows, n, hi, norms)
			break
		}
		if headed && n == heading && !strings.ContainsFunc(l.Text, isDigit) {
			continue // the section's heading alone: no row (and no label to compare)
		}
		rc := splitLabel(*l, NumCols)
		if p.subtotals && l.Fields == nil && !l.Subtotal {
			// eight numbers to a row, the 小计 among them: the first glued
			// to the label is one of them too ("…数量2 0 2 0 0 0 2 4")
			rc = splitMarkedLabel(*l, NumCols+1, &countMarks)
		}
		if !rc.ok && len(rc.tokens) == 1 && rc.tokens[0].s == "无" && rc.label != "" && groupPieces(norm(rc.label)+"无") {
			// "三、本年 | （四）无": pieces of the merged columns' words, the
			// 无 of （四）无法提供 (an OCR's text of a narrow column), not a
			// mark in a row's cells
			rc = rowCells{label: rc.label + "无"}
		}
		L := totalWord(norm(withoutAddress(rc.label)))
		S := stripGroups(L)
		if l.Segmented && !rc.ok && len(rc.tokens) > 0 && len(rc.tokens) < NumCols {
			if j, head := labelBeforeColumnWords(L, norms); j >= 0 {
				if cells, last := p.rowAfterColumnWords(rc.tokens, n+1, hi); cells != nil {
					read := strs(rc.tokens)
					for m := n + 1; m <= last; m++ {
						read = append(read, "｜"+trimSpace(p.lines[m].Text))
					}
					rc = rowCells{label: head, cells: cells, ok: true}
					L, S = head, stripGroups(head)
					p.warn("PARSE.READ", "applications."+rows[j].Key, l.No, "表三“%s%s”的数在原文中与表头各栏的字交错排列（PDF 转换的文字顺序：%s），只有一种读法满足该行之和，读作：%s",
						rows[j].Group, rows[j].Label, strings.Join(read, " "), strings.Join(cells, " "))
					n = last
				}
			}
		}
		if k := len(got) - 1; k >= 0 && (S != "" || len(rc.tokens) > 0 && !rc.ok) {
			if cells, how := p.restOfWrap(got[k], *l, n, rc, S, norms); how != wrapNone {
				// pdftotext without -layout of a label wrapped in two lines:
				// the row's first number level with the first line, the
				// others after the second ("一、本年新收政府信息公开申请" / 15 /
				// "数量" / 13 1 0 0 3 32): one row, not the next row's numbers
				label, first := got[k].rc.label+rc.label, len(got[k].rc.tokens)
				switch how {
				case wrapGlued:
					// a page without line breaks: the digits of both
					// pieces are the row's, cut as a glued row's are
					got[k].rc = rowCells{label: label, tokens: append(slices.Clone(got[k].rc.tokens), rc.tokens...)}
					got[k].joined = true
					p.warn("PARSE.READ", "applications."+got[k].row.Key, l.No, "表三“%s”的行名在原文中折成两段，它的数字分在两处（“%s”与“%s”，PDF 转换的文字顺序），合为一行读取",
						got[k].row.Label, strings.Join(cells[:first], " "), strings.Join(cells[first:], " "))
				case wrapFull:
					// the first piece's numbers: the last cells of the row
					// above when it is short of them by as many and then
					// adds up, else no row's (the row above stays short)
					firstNums := strs(got[k].rc.tokens)
					got[k].rc = rowCells{label: label, cells: cells, ok: true}
					above := "未读作任何一行的数"
					if a := k - 1; a >= 0 && !got[a].rc.ok && !got[a].unread && len(got[a].rc.tokens)+len(firstNums) == NumCols {
						if joined := append(strs(got[a].rc.tokens), firstNums...); addsUpMarked(joined) {
							got[a].rc = rowCells{label: got[a].rc.label, cells: joined, ok: true}
							above = fmt.Sprintf("是上一行“%s%s”的后 %d 栏，合为该行读取：%s", got[a].row.Group, got[a].row.Label, len(firstNums), strings.Join(joined, " "))
						}
					}
					p.warn("PARSE.READ", "applications."+got[k].row.Key, l.No, "表三“%s%s”的 7 个数都在行名的续行（第 %d 行）：%s，该行之和相符；行名第一行旁的数（%s）%s",
						got[k].row.Group, got[k].row.Label, l.No, strings.Join(cells, " "), strings.Join(firstNums, " "), above)
				case wrapBlanks:
					got[k].rc, got[k].unread, got[k].wrapNums = rowCells{label: label}, true, cells
					p.warn("PARSE.TABLE", "applications."+got[k].row.Key, l.No, "表三“%s”的行名在原文中折成两行，它的数分在两处（“%s”与“%s”），共 %d 个，少于 7 个，第一行的数挤在行名之后、看不出各在哪一栏，空白的位置无法确定，该行记为空，请对照原文核对",
						got[k].row.Label, strings.Join(cells[:first], " "), strings.Join(cells[first:], " "), len(cells))
				case wrapUnread:
					got[k].rc, got[k].unread = rowCells{label: label}, true
					p.warn("PARSE.TABLE", "applications."+got[k].row.Key, l.No, "表三“%s”的行名在原文中折成两段，它的数字分在两处（“%s”与“%s”），合起来无论怎样读都不成一行：多半混入了相邻行的数字（PDF 转换的文字顺序），该行记为空，请对照原文核对",
						got[k].row.Label, strings.Join(cells[:first], " "), strings.Join(cells[first:], " "))
				default:
					got[k].rc = rowCells{label: label, cells: cells, ok: true}
					got[k].joined = got[k].line.Segmented && l.Segmented
					sum := "该行之和相符"
					if !addsUpMarked(cells) {
						sum = "该行之和不符（按原文读取）"
					}
					p.warn("PARSE.READ", "applications."+got[k].row.Key, l.No, "表三“%s”的行名在原文中折成两行，它的 %d 个数分在两处（第 %d 行 %d 个、第 %d 行 %d 个，PDF 转换的文字顺序），合为一行读取：%s；%s",
						got[k].row.Label, NumCols, got[k].line.No, first, l.No, NumCols-first, strings.Join(cells, " "), sum)
				}
				continue
			}
			if cells, how := p.loneCell(got[k], *l, n, rc, S, norms); how != wrapNone {
				gotTokens := got[k].rc.tokens
				got[k].rc = rowCells{label: rc.label}
				if how == wrapCells {
					got[k].rc.cells, got[k].rc.ok = cells, true
					sum := "该行之和相符"
					if !addsUpMarked(cells) {
						sum = "该行之和不符（按原文读取）"
					}
					p.warn("PARSE.READ", "applications."+got[k].row.Key, l.No, "表三“%s%s”的 %d 个数在第 %d 行，缺的一个（%s）在第 %d 行行名的续行之后（PDF 转换的文字顺序），按第 %d 行数字之间空出的位置补入：%s；%s",
						got[k].row.Group, got[k].row.Label, NumCols-1, got[k].line.No, rc.tokens[0].s, l.No, got[k].line.No, strings.Join(cells, " "), sum)
				} else {
					got[k].unread = true
					p.warn("PARSE.TABLE", "applications."+got[k].row.Key, l.No, "表三“%s%s”的数在第 %d 行只有 %d 个（%s），另有 %d 个（%s）在第 %d 行行名的续行之后（PDF 转换的文字顺序），看不出它们各是哪一栏的，该行记为空，请对照原文核对",
						got[k].row.Group, got[k].row.Label, got[k].line.No, len(gotTokens), strings.Join(strs(gotTokens), " "), len(rc.tokens), strings.Join(strs(rc.tokens), " "), l.No)
				}
				continue
			}
		}
		j, fuzzy := matchT3(S, L, norms, next)
		if (j > 2 || j < 0 && pending < 0) && next == 0 && len(got) == 0 && S != "" && !moreRunes(S, 2) {
			// a header's word (其他, 总计) before the first row is read, on
			// its own or joined to the first numbers: no row far on (3.其他,
			// （七）总计)
			if !rc.ok && len(rc.tokens) == 0 {
				continue
			}
			j, fuzzy, S = -1, false, ""
		}
		if j > 2 && next == 1 && len(got) == 1 && S == "总计" && !rc.ok && len(rc.tokens) == 0 {
			// the header's 总计 left after the first row, whose numbers ran
			// on past it (headerTotal): no row far on
			continue
		}
		if j < 0 && pending >= 0 && S == "" && !rc.ok && len(rc.tokens) == 1 && p.genericRowAhead(n+1, hi, p.namesT3Row) {
			// a number alone between a row's heading and the generic table
			// under it: a page number an OCR's Markdown kept (as parseT2)
			p.warn("PARSE.READ", "applications."+rows[pending].Key, l.No, "表三“%s”的标题与其下的表格之间单独一行的数字“%s”（多半是页码）未读作该行的数，该行按其下表格的数读取", rows[pending].Label, rc.tokens[0].s)
			continue
		}
		if j < 0 && !rc.ok && len(rc.tokens) == 0 {
			// a wrapped label without its numbers after a piece of its
			// group's merged cell ("（四）无法  2.没有现成信息需要另行", the
			// group's 提供 and the label's 制作 on a later line): the piece
			// is passed over, the rest the start of the label
			j = labelAfterPieces(S, norms, next)
		}
		if j >= 0 && fuzzy && !rc.ok && innerDigits(S) {
			// a label like a row's with digits in it: cells ran into it
			// ("3.危及“三安全�  0�定�  0 0 0 0 0 0"); the cells beside it
			// are read, the ones that are missing are unread, not blank
			intoLabel = append(intoLabel, ranInto{j, rc.label, l.No})
		}
		if !rc.ok && len(rc.tokens) == 0 {
			if orphan != nil {
				if k := orphan.row(S, norms, next); k >= 0 {
					// the words of the label whose number came with the
					// numbers on the line above ("（二）  6 0 0 0 0 0 6" /
					// "部分公" / "开（区" …: a narrow label column)
					next, pending, waiting = k+1, -1, nil
					seen[k] = true
					got = append(got, t3Line{row: &rows[k], rc: orphan.rc, line: orphan.line})
					r.setLine(rows[k].Key, orphan.line.No)
					orphan = nil
					continue
				}
			}
			if j < 0 && ahead != nil && len(ahead.rows) > 0 {
				// a label after pieces of the merged columns ("（四） 1.本机关
				// 不掌握相关政" of pdftotext without -layout)
				j, fuzzy = matchAfterPieces(S, norms, next)
			}
			if j > next && ahead != nil && j-next == len(ahead.rows) && !slices.Contains(seen[next:j], true) && p.numbersFollow(n, hi) {
				// a row whose own numbers follow its label, after a run
				// with as many rows left over as the rows between, whose
				// labels come later ("1.属于国" / "家秘密" / 0 0 …, the
				// labels （一） and （二） printed after the merged 三、本年度):
				// the run's rest is theirs (below), not this row's
				shareByOrder(j)
			}
			if j >= 0 && S != "" && ahead != nil && len(ahead.rows) > 0 {
				// its numbers came before it, with an earlier row's
				next, pending = j+1, -1
				seen[j] = true
				ahead.got = append(ahead.got, len(got))
				aheadRow, aheadS = j, S
				got = append(got, t3Line{row: &rows[j], rc: rowCells{label: rc.label, cells: ahead.rows[0], ok: true}, line: l})
				r.setLine(rows[j].Key, l.No)
				if fuzzy {
					p.misread(rows[j], rc.label, l.No)
				}
				ahead.rows = ahead.rows[1:]
				waiting = nil
				continue
			}
			if j >= 0 && j != pending && S != norms[j] && !moreRunes(S, 3) && groupPiece(S, nil) {
				// a piece of a group's merged cell on a line of its own
				// ("（五）不予" … "处理"), not the end of a row's label far on
				// (（六）其他处理, whose own wrapped end follows its start)
				continue
			}
			if j >= 0 && pending < 0 && lost && !fuzzy && sharedEnd(S, norms, j, next) {
				// the end of a wrapped label that rows share (信息公开申请数量
				// ends 一 and 二) after a row that was not read, its own start
				// not read: no row is known
				continue
			}
			if j >= 0 && j != aheadRow && aheadRow >= 0 && aheadS != "" && pending < 0 && S != norms[j] && strings.HasPrefix(norms[aheadRow], aheadS+S) && aheadS+S != norms[aheadRow] {
				// the next piece of the label of a row given numbers from
				// a run before it ("1.申请人无正当理由逾期不补正、" / "行政机关
				// 不再处理其政府信息公" / "开申请" of pdftotext's default text):
				// not a later row with the same words ((六)2.…行政机关不再处理
				// 其政府信息公开申请)
				aheadS += S
				continue
			}
			if j >= 0 && pending >= 0 && j != pending && pendingS != "" && strings.Contains(norms[pending], pendingS+S) {
				// the next piece of the waiting row's wrapped label, its
				// numbers later ("二、上年结转政府信息" / "公开申请数量" / … of
				// pdftotext without -layout; a narrow column's "政机关不再" /
				// "处理其政府" / "信息公开申" of （六）2.): not an earlier row
				// with the same words (一; （六）1.), which would wait a second
				// time and take the numbers
				j, fuzzy = pending, false
			}
			// a label waiting for its numbers on a later line: a wrapped
			// label, or a converter's heading above a generic table
			if j >= 0 && S != "" {
				if j != pending {
					aboveAt = pendingAt
				}
				pending, pendingFuzzy, pendingAt, pendingS = j, "", n, S
				if fuzzy {
					pendingFuzzy, pendingLine = rc.label, l.No
				}
				if !seen[j] && !moreRunes(S, 3) && S != norms[j] {
					if piece == nil {
						piece = make([]bool, len(rows))
					}
					piece[j] = true
				}
				seen[j] = true
				if len(waiting) == 0 || waiting[len(waiting)-1] != j {
					waiting = append(waiting, j)
				}
			}
			if j < 0 && pending >= 0 && (otherItem(S, norms[pending]) || p.brokenMap() && otherItemWithin(S, norms[pending])) {
				// a label not read that starts with another item's number
				// (5.要其行政机关确 after 4.…反复申请): the pending row's
				// label has ended, and the numbers after are not its own
				pending, lost = -1, true
			}
			if first, k := groupSpan(rows, S); j < 0 && k > 1 {
				// a group's name alone, of several rows, the rows' labels
				// elsewhere (pdftotext -raw of Calc's PDF: the merged cell
				// drawn before its rows' numbers, their labels after the
				// table): numbers after it with no label of their own are
				// its rows', no row waiting's. As many lines of them as it
				// has rows are its rows in order; fewer (rows left blank
				// draw nothing: "（三）不予公开" / 0 0 1 0 0 0 1) are some of
				// them, which is not known
				pending = -1
				if p.bareRowsAfter(n+1, hi) == k && next <= first {
					next = first
				} else {
					lost = true
				}
			}
			continue
		}
		if j < 0 && (rc.ok || len(rc.tokens) > 0) {
			j, fuzzy = matchAfterPieces(S, norms, next)
		}
		if j >= 0 && pending < 0 && lost && !fuzzy && sharedEnd(S, norms, j, next) {
			// numbers beside the end of a wrapped label that rows share,
			// after a row that was not read: whose they are is not known
			j = -1
		}
		if orphan != nil {
			// numbers again before the label of the last ones was read:
			// those stay unread, and the rows after are out of place
			orphan, lost = nil, true
		}
		if j < 0 && rc.ok && pending < 0 {
			if o := bareOrdinal(S); o != "" {
				// a row's number alone with its numbers: its words follow
				orphan = &orphanRow{ord: o, rc: rc, line: l}
				continue
			}
		}
		if j >= 0 && pending > j && pendingAt >= 0 && p.blankBetween(pendingAt, n) && !moreRunes(S, 3) &&
			strings.HasPrefix(norms[pending], pendingS+S) {
			// a piece of a wrapped label with the numbers ("2.重复" / "申请
			// 2000002") is the rest of the label on the line above, not an
			// earlier row that ends the same way (1.信访举报投诉类申请)
			j, fuzzy = -1, false
		}
		if j >= 0 && j < pending && pendingS != "" && moreRunes(S, 3) && (midLabel(norms[pending], pendingS, S) || midPiece(norms[pending], norms[j], pendingS, S)) {
			// the middle of the waiting row's wrapped label with its
			// numbers, the label going on after them ("2.申请人逾期未按收
			// 费通" / "他处理 知要求缴纳费用、行政机" / "关不再处理其政府信息公
			// 2 2" / "开申请"): not an earlier row whose label holds the
			// same words (（六）1.…行政机关不再处理其政府信息公开申请)
			j, fuzzy = pending, false
		}
		if j >= 0 && pending >= 0 && j != pending && pendingS != "" && (strings.HasSuffix(norms[pending], pendingS+S) || endAfterPiece(S, pendingS, norms[pending], &rows[pending])) {
			// the end of the waiting row's wrapped label with its numbers
			// ("二、上年结转政府" / "信息公开申请数量 3 1 0 …"; a narrow
			// column's "由大量反复" / "申请 4 4" of （五）4.): not an earlier
			// row that ends the same way (一, its own label misread past
			// knowing; （五）1.…申请)
			j, fuzzy = pending, false
		}
		if (j > aheadRow+3 || j > aheadRow && aheadS != "" && S != norms[j] && strings.HasPrefix(norms[aheadRow], aheadS)) && aheadRow >= 0 && !moreRunes(S, 3) && aheadS+S == norms[aheadRow] {
			// the end of a label given numbers from a run before it, with
			// numbers of its own ("1.本机关不掌握相关政府" / "信息 0 0 …"):
			// not a row far on that ends the same way (5.…已获取信息)
			j, fuzzy = -1, false
		}
		if j < 0 && pending >= 0 && l.OneEach && !rc.ok && len(rc.tokens) > 0 && len(rc.tokens) < NumCols && columnPiece(S) {
			// the first row's numbers each beside a word of the header
			// (商业企业 0 0 / 科研 / 机构 1 / … / 其他 0 1: pdftotext
			// without -layout of a header whose words sit level with the
			// row): the numbers up to the next label are the row's, when
			// they are seven and add up
			if cells, last := p.rowAmongColumnWords(rc.tokens, n+1, hi); cells != nil {
				rc = rowCells{label: rc.label, cells: cells, ok: true}
				p.warn("PARSE.READ", "applications."+rows[pending].Key, l.No, "表三“%s”的 7 个数在原文中与表头各栏的字交错排列（PDF 转换的文字顺序，第 %d–%d 行），按出现次序读作各栏：%s；该行之和相符",
					rows[pending].Label, l.No, p.lines[last].No, strings.Join(cells, " "))
				n = last
			}
		}
		// (a group's name with numbers, of several rows, not the pending
		// row's: mutool's text of Calc's PDF, （二）部分公开… / （三）不予公开 /
		// 0 / 0 / 1 …, the numbers a row's of （三）, read as a group
		// written as one row is, below)
		_, inGroup := groupSpan(rows, S)
		otherGroup := inGroup > 1 && pending >= 0 && norm(rows[pending].Group) != S
		if j < 0 && pending >= 0 && !otherGroup && !otherItem(S, norms[pending]) && !(p.brokenMap() && laterRowsWords(S, norms, pending)) {
			j = pending // numbers under a generic label ("数值") or none
			if pendingFuzzy != "" {
				p.misread(rows[j], pendingFuzzy, pendingLine)
			}
			// (the row above waits too, its label right before this whole one)
			aboveWaits := len(waiting) >= 2 && waiting[len(waiting)-2] == j-1 && aboveAt >= 0 && strings.HasSuffix(pendingS, norms[j])
			if aboveWaits && (aboveAt == pendingAt-1 || p.blankBetween(aboveAt, pendingAt)) {
				p.upRows = append(p.upRows, upRow{from: j, line: l.No, apart: l.OneEach}) // (numbers under no row's label: a page's running head)
			}
			if aboveWaits && aboveAt == pendingAt-1 && pendingAt == n-1 && S == "" && !l.OneEach && !l.Placed && l.Fields == nil && !l.Segmented && strings.HasPrefix(l.Text, "   ") {
				// numbers alone, set out to their columns (pdftotext
				// -layout), right under a whole label right under the row
				// above's, which waits too: theirs or the row above's
				// (settled below; rows a blank line apart, as
				// LibreOffice's, keep their numbers within their own, and
				// numbers between a wrapped label's lines are its own)
				either = append(either, eitherRow{row: j, line: l.No})
			}
		}
		if j < 0 && slices.Contains(t3GroupNorms[1:], L) && (rc.ok || len(rc.tokens) > 0) {
			// "（六）其他处理 1 0 0 0 0 0 1": a group written as one row, as
			// the 2019 trial format has it, in a format that splits it
			whole = append(whole, wholeGroup{norm: L, line: l, rc: rc})
			continue
		}
		if j < 0 && S == "" && next > 0 && !lost {
			if !strings.HasPrefix(l.Text, "   ") || !p.ownNumbersLater(next, n+1, hi, norms) && !waitedAbove(got, rows, seen, next) {
				j = next // numbers whose label sits on a neighbouring line
			} else if len(rc.tokens) > 0 || rc.ok {
				// laid-out numbers alone, the next row's label later with
				// numbers of its own: no row's that can be told (a row above
				// with blanks may be short of them, a row waiting may be
				// theirs, both said below as rows beside numbers unread)
				drop(l)
				if k := len(got) - 1; k >= 0 && !got[k].rc.ok && !got[k].unread && len(got[k].rc.tokens) < NumCols {
					p.warn("PARSE.TABLE", "applications."+got[k].row.Key, l.No, "表三“%s%s”读到 %d 个数（%s），其后另有单独成行的数（%s），不在任何一行的行名旁，也可能是这一行的，空白的位置无法确定，该行记为空，请对照原文核对",
						got[k].row.Group, got[k].row.Label, len(got[k].rc.tokens), strings.Join(strs(got[k].rc.tokens), " "), strings.Join(rc.numbers(), " "))
					got[k].rc, got[k].unread = rowCells{label: got[k].rc.label}, true
				}
				continue
			}
		}
		if j < 0 && S == "" && next == 0 && pending < 0 && (rc.ok || len(rc.tokens) > 0 && len(rc.tokens) < NumCols && allCells(strs(rc.tokens))) &&
			l.OneEach && len(got) == 0 && p.firstLabelLater(n, hi, norms) {
			// the first row's numbers right under the header, its label
			// written after the table (pdftotext without -layout of a
			// label set lower than its row): the next label is the second
			// row's
			j = 0
			p.warn("PARSE.READ", "applications."+rows[0].Key, l.No, "表三第一行“%s”的行名在原文中不在它的数字旁（排在表格后面），表头下、第二行行名前的数按第一行读取", rows[0].Label)
		}
		if j < 0 && S != "" && (rc.ok || len(rc.tokens) > 0) {
			// a wrapped label with its numbers on its first line, a
			// character of that line misread: too short a start to be
			// known alone, it is known with the rest of its words
			j, fuzzy = p.wrappedMatch(S, n, lo, hi, norms, next)
		}
		if j < 0 {
			// a row whose label is not read: the rows after it are no
			// longer known by their place until a label is read again
			lost = lost || S != ""
			if pending >= 0 && otherItem(S, norms[pending]) {
				// and one that starts with another item's number ends the
				// pending row's label, as a label alone does (above): the
				// numbers after it are not the pending row's
				pending = -1
			}
			if S != "" && rc.ok {
				drop(l)
				if len(misreadRows) < 8 {
					misreadRows = append(misreadRows, lostRow{n, rc})
				}
			}
			continue
		}
		lost = false
		if ahead != nil && len(ahead.rows) > 0 && j > next && j-next == len(ahead.rows) && !slices.Contains(seen[next:j], true) {
			// a row with its own numbers after a run with rows left over,
			// as many as the rows between, whose labels came nowhere near
			// (pdftotext without -layout put them after the table): the
			// rest of the run is theirs in the table's order (checked with
			// the run, as the rows given it by their labels are)
			shareByOrder(j)
		}
		if l.OneEach && !rc.ok && len(rc.tokens) > NumCols && len(rc.tokens)%NumCols == 0 && (ahead == nil || len(ahead.rows) == 0) && allCells(strs(rc.tokens)) {
			// pdftotext without -layout: the numbers of several rows come in
			// one run, after the labels that wait for them and before the
			// labels of rows that wrap; they are shared out seven at a time,
			// to the waiting rows, this line's, then the labels that follow
			ts := strs(rc.tokens)
			targets := append([]int(nil), waiting...)
			if S != "" {
				// this line's own label is the run's last: a waiting row
				// after it was a piece of a group's merged cell taken for a
				// row's end ("（五）不予" … "处理", not （六）其他处理)
				targets = slices.DeleteFunc(targets, func(w int) bool { return w > j })
			}
			if !slices.Contains(targets, j) && (len(targets) == 0 || j > targets[len(targets)-1]) {
				targets = append(targets, j)
			}
			if len(targets)*NumCols <= len(ts) {
				b := &aheadRows{line: l, all: ts}
				for i, t := range targets {
					b.got = append(b.got, len(got))
					got = append(got, t3Line{row: &rows[t], rc: rowCells{label: rc.label, cells: ts[i*NumCols : (i+1)*NumCols], ok: true}, line: l})
					seen[t] = true
					r.setLine(rows[t].Key, l.No)
				}
				for k := len(targets) * NumCols; k < len(ts); k += NumCols {
					b.rows = append(b.rows, ts[k:k+NumCols])
				}
				blocks = append(blocks, b)
				ahead = b
				next, pending, waiting = targets[len(targets)-1]+1, -1, nil
				continue
			}
		}
		tails := l.Segmented && len(rc.tokens) > 0 && allDigits(rc.tokens[0].s) && strings.Contains(rc.label, "://") && hasPageSuffix(strings.TrimRight(rc.label, " \u3000"))
		// (the row above waits, its whole label right before this whole one)
		aboveWaits := j > 0 && pending == j-1 && pendingS != "" && strings.HasSuffix(pendingS, norms[j-1]) && strings.HasSuffix(S, norms[j])
		if aboveWaits && (pendingAt == n-1 || p.blankBetween(pendingAt, n)) {
			p.upRows = append(p.upRows, upRow{from: j, line: l.No, apart: l.OneEach})
		}
		if aboveWaits && pendingAt == n-1 && strings.HasPrefix(p.laidOne[l.No], "   ") && !l.Placed {
			// the same, its numbers joined to its label's line from the
			// line under it (joinCellLines: a few cells, "3  3")
			either = append(either, eitherRow{row: j, line: l.No})
		}
		next, pending, waiting = j+1, -1, nil
		seen[j] = true
		got = append(got, t3Line{row: &rows[j], rc: rc, line: l, unread: tails})
		r.setLine(rows[j].Key, l.No)
		if fuzzy {
			p.misread(rows[j], rc.label, l.No)
		}
		if tails {
			// the digits after the browser's address at a page's foot are
			// the page's last cells, of this row and the rows before it
			// whose cells the page's text put after its rows (readPageTails
			// reads them whole): not this row's alone
			p.warn("PARSE.TABLE", "applications."+rows[j].Key, l.No, "表三“%s%s”的数字（%s）紧接在页脚打印的网址之后，是该页最后几行的数字连在一起，不一定都是这一行的，该行记为空，请对照原文核对",
				rows[j].Group, rows[j].Label, strings.Join(strs(rc.tokens), " "))
		}
	}
	if placed := p.rowsInGaps(&got, rows, seen, misreadRows); placed != nil {
		dropped, droppedAll = nil, slices.DeleteFunc(droppedAll, func(l *Line) bool { return placed[l] })
		if len(droppedAll) > 0 {
			dropped = droppedAll[0]
		}
	}
	p.eitherRows(got, rows, either)
	p.tailBeforeLabels(got, rows, seen, norms, lo, hi)
	p.findTails(got, lo, hi)
	if len(got) == 0 {
		if p.notText("3", "applications") || p.proseOnly("3") {
			return
		}
		// (its section's heading, or, in a workbook of the tables, 表三's
		// own first line: 申请人情况 over rows of labels alone)
		if _, ok := p.heads["3"]; (ok || lo >= 0 && lo < hi && tableStart("3", p.lines[lo])) && hi-lo > 1 {
			r.Meta.Unreadable["3"] = true
			if p.blankTable(lo, hi, "本年新收", "予以公开") {
				p.warn("CELL.BLANK", "applications", p.lines[lo].No, "表三各行都在，但没有一个数字（各栏空白或未填数字）：格式要求填写数字，没有的填 0")
				return
			}
			p.warn("PARSE.TABLE", "applications", p.lines[lo].No, "表三无法读取：未找到“本年新收”“予以公开”等行，表三各栏记为空")
		}
		return
	}
	r.Meta.Tables["3"] = true
	if inOrder := p.t3Stream(got, blocks, rows, lo, hi); inOrder != nil {
		// rows that did not all read by their labels, a cell to a line: the
		// table's numbers in the text's order are its rows in the
		// template's order, some totals put after the table (checked
		// there); what was read by the labels goes
		got, blocks, piece, whole, dropped, intoLabel = inOrder, nil, nil, nil, nil, nil
		for i := range seen {
			seen[i] = true
		}
	} else {
		got = p.numbersBeforeFirstRows(got, rows, seen, lo)
	}
	p.rowsKept = p.rowsOnLines(got)
	if out := p.t3Scrambled(got, lo, hi, norms); out != nil {
		// rows short of numbers (blank cells without a trace) among labels
		// out of the table's order: the numbers were written in another
		// order than the rows (a PDF's text by columns or blocks), and a row
		// of seven may hold another row's numbers. Nothing is placed; 表四
		// is read knowing whether the report leaves cells blank
		p.t3Unread()
		p.t3Blanks = p.t3Blanks || p.leavesBlanks(got)
		p.blanky = p.blanky || p.t3Blanks
		if len(out) == 0 {
			p.warn("PARSE.TABLE", "applications", p.lines[lo].No, "表三大多数行少了数（原文中空白单元格没有留下位置，数字各占一行，可能按栏而不是按行排列）：数字与行无法可靠对应，表三记为空，请对照原文核对（用 pdftotext -layout 转换可保留位置）")
			return
		}
		p.warn("PARSE.TABLE", "applications", p.lines[lo].No, "表三的行名在原文中次序错乱（“%s”出现在表中后面的行之后），且有的行少了数（空白单元格没有留下位置）：数字与行无法可靠对应，表三记为空，请对照原文核对",
			strings.Join(out, "”“"))
		return
	}
	got = p.unreadStrayRows(got)
	if p.checkAhead(got, blocks) {
		// numbers cut off from their labels and not placed: a label read
		// without numbers may have had them in that run, not be blank
		in := map[*T3Row]bool{}
		for _, g := range got {
			in[g.row] = true
		}
		for i := range rows {
			if seen[i] && !in[&rows[i]] {
				for c := 0; c < NumCols; c++ {
					p.ambiguous(t3Cell(rows[i].Key, c))
				}
				p.warn("PARSE.TABLE", "applications."+rows[i].Key, 0, "表三“%s%s”的行名读到了，但原文的数字与行名分开排列且无法对应，它的数字可能在别处，该行记为空，请对照原文核对",
					rows[i].Group, rows[i].Label)
			}
		}
	}
	p.unreadAfterWrappedLabel(got, rows, norms, lo, hi)
	p.sayLabelsOutOfOrder(got, rows, norms, lo, hi)
	if piece != nil {
		// a row known only by the last characters of a wrapped label, that
		// no numbers came to: its label was not really read (the words
		// before were misread), so it is not found rather than blank
		in := map[*T3Row]bool{}
		for _, g := range got {
			in[g.row] = true
		}
		for i := range rows {
			if piece[i] && !in[&rows[i]] && !r.ambiguous(t3Cell(rows[i].Key, 0)) {
				seen[i] = false // (unless what became of it is said already)
			}
		}
	}
	p.wholeGroups(rows, seen, whole)
	p.missingRows(rows, seen)
	p.unreadBeforeLabelAfterTable(got, rows, norms, hi)
	if dropped != nil {
		p.dropped3 = droppedLine{dropped, slices.Clone(seen), droppedAll} // (a copy: seen stays on the stack)
	}
	p.placeFieldRows(got)
	p.t3Rows, p.t3Seen = rows, seen // (for blankT3, asked where rows are placed by the identities)
	p.alignShort(got)
	fullFields := commonFields(got)
	// a table whose rows mostly did not read is one whose order a converter
	// lost (pdfminer writes each column's numbers under the labels of a
	// page): a row of numbers on lines of their own that then does not add
	// up took numbers that are not its own, and is not an error of the report
	// So is one with blank cells written a number to a line (pdftotext
	// without -layout): a blank leaves no line, so a row's seven may run
	// into the next row's (the total row's 26 read as 四、结转下年度's).
	okRows, shortOnes := 0, 0
	for _, g := range got {
		if g.rc.ok {
			okRows++
		} else if g.line.OneEach && len(g.rc.tokens) > 0 && len(g.rc.tokens) < NumCols {
			shortOnes++
		}
	}
	scrambled := okRows*2 < len(rows)
	if n := p.t3Columns(lo, hi); len(got) > 0 && n > 0 && !rowsHaveTotals(got, n) {
		p.readFirstColumns(got, n)
		return
	}
	var runs []t3Line
	var blanks []t3Line    // rows with fewer numbers than cells
	var marked []markedRow // rows of glued placeholders that read several ways
	gluedSubtotals := 0
	blanky := p.blanky || p.leavesBlanks(got) // (p.blanky is set so below, once the rows are read)
	if firstBefore && p.t3NumberCount(lo, hi) < NumCols*len(rows) {
		// (a report that leaves rows blank: fewer numbers than cells)
		p.unreadNumbersAfter(got)
	}
	if blanky {
		p.unjoinBeforeBare(got)
	}
	for _, g := range got {
		if g.unread {
			for c := range NumCols {
				p.ambiguous(t3Cell(g.row.Key, c))
			}
			continue
		}
		if p.subtotals && !g.rc.spaced && (!g.rc.ok || !g.line.Subtotal && g.line.Fields == nil) {
			// seven numbers where there are eight when not taken out:
			// the 小计 and a cell beside it ran together ("… 0 88")
			if g.rc.ok {
				g.rc.tokens, g.rc.cells, g.rc.ok = nonEmpty(g.rc.cells), nil, false
			}
			read, cuts, ok := p.cutSubtotal(g)
			switch {
			case !ok:
				continue // unread, said
			case cuts != nil:
				g.cuts = cuts // the table's columns choose
				runs = append(runs, g)
				gluedSubtotals++
				continue
			case read != nil:
				g.rc = *read
				gluedSubtotals++
			}
		}
		if !g.rc.ok && p.oneMark("applications."+g.row.Key, g.line.No, "表三“"+g.row.Group+g.row.Label+"”", NumCols, g.rc.tokens) {
			for c := range NumCols {
				p.ambiguous(t3Cell(g.row.Key, c))
			}
			continue
		}
		// (a laid-out row of whole cells, counts and marks — 64 — 2 4 70 whose
		// columns were distrusted — has its blanks placed by the rest of the
		// table, its numbers never cut)
		if !g.rc.ok && !(g.rc.spaced && cellsOrMarks(strs(g.rc.tokens))) && slices.ContainsFunc(g.rc.tokens, func(t tok) bool { return countMarks.hasMark(t.s) }) {
			ts := strs(g.rc.tokens)
			cuts := splitPlaceholdersAs(ts, NumCols, NumCols, countMarks, p.dashWays())
			if loneMarksUncut(ts, NumCols, cuts, addsUpMarked) {
				// "— — — 44 44" is not — — — 4 4 4 4: blank cells the table's
				// other rows place, not the report's error
				cuts = nil
			}
			if len(cuts) > 0 {
				if blanky && markedWithBlanks(ts) {
					// the table leaves cells blank, which glued leave no
					// trace: the row's marks and digits read with blanks
					// too (—36 is —, 36 and five blanks, or —, 3, 6 …)
					for c := range NumCols {
						p.ambiguous(t3Cell(g.row.Key, c))
					}
					p.warn("PARSE.AMBIGUOUS", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字和占位符“%s”连在一起；本报告有空白的单元格，这一行也可能有，有空白和没有空白的拆法都满足行内之和，无法确定，该行记为空",
						g.row.Group, g.row.Label, strings.Join(ts, " "))
					continue
				}
				if len(cuts) == 1 && totalMarkedOff(ts, cuts[0]) {
					for c := range NumCols {
						p.ambiguous(t3Cell(g.row.Key, c))
					}
					p.warn("PARSE.TABLE", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字和占位符“%s”只有拆开其中的数字才凑成 7 格（%s），而总计是占位符、六类申请人之和却不为 0：多半是这一行少了一个数（总计被转换移到了别处），而不是报告本身的错误，该行记为空，请对照原文核对",
						g.row.Group, g.row.Label, strings.Join(ts, " "), strings.Join(cuts[0], " "))
					continue
				}
				if !p.readPlaceholderRun(g, cuts) {
					marked = append(marked, markedRow{g, cuts})
				}
				continue
			}
		}
		if (scrambled || shortOnes > 0) && g.rc.ok && g.line.OneEach && !addsUpMarked(g.rc.cells) {
			for i := 0; i < NumCols; i++ {
				p.ambiguous(t3Cell(g.row.Key, i))
			}
			p.warn("PARSE.TABLE", "applications."+g.row.Key, g.line.No, "表三“%s%s”下面的 7 个数（%s）合计不符，而表三有的行数字不全或大部分行无法与数字对应（转换打乱了次序或丢了空白单元格的位置），这 7 个数多半不是该行的，该行记为空，请对照原文核对",
				g.row.Group, g.row.Label, strings.Join(g.rc.cells, " "))
			continue
		}
		// a row with a field fewer than the table's complete rows: a blank
		// cell would have kept its empty field, two cells run together did not
		if g.rc.ok && g.line.Fields != nil && !g.line.Structured && !g.line.OneEach && len(g.line.Fields) < fullFields {
			if field, split, ok := gluedNotBlank(g.rc.cells); ok {
				for i := 0; i < NumCols; i++ {
					p.ambiguous(t3Cell(g.row.Key, i))
				}
				p.warn("PARSE.AMBIGUOUS", "applications."+g.row.Key, g.line.No, "表三“%s%s”只有 6 个数（%s）：若有一栏空白，该行合计不符；但“%s”也可能是两栏的数连在一起（拆成 %s 则合计相符），无法确定，该行记为空，请对照原文核对",
					g.row.Group, g.row.Label, strings.Join(nonBlank(g.rc.cells), " "), field, split)
				continue
			}
		}
		switch {
		case g.rc.ok && len(g.rc.cells) != NumCols: // (a row of a 小计 table not cut above)
			for i := 0; i < NumCols; i++ {
				p.ambiguous(t3Cell(g.row.Key, i))
			}
			p.warn("PARSE.TABLE", "applications."+g.row.Key, g.line.No, "表三“%s%s”有 %d 个数（%s），与表头的栏数不符，该行记为空，请对照原文核对",
				g.row.Group, g.row.Label, len(g.rc.cells), strings.Join(g.rc.cells, " "))
		case g.rc.ok && g.line.Fields == nil && !g.line.Segmented && !g.line.OneEach && slices.ContainsFunc(g.rc.cells, leadingZero):
			// a laid-out text's row with a number written as none is (00,
			// 10 where 0 is wanted: 0 0 00 0 00 10 10): two rows printed on
			// one line, a cell's digits over another's run together
			// (pdftotext -layout of a narrow page's wrapped rows); read as
			// seven numbers it added up by chance
			for i := range NumCols {
				p.ambiguous(t3Cell(g.row.Key, i))
			}
			p.warn("PARSE.TABLE", "applications."+g.row.Key, g.line.No, "表三“%s%s”的 7 个数（%s）中有以 0 开头的多位数，不是一个数的写法，多半是上下两行的数字在版面上连在了一起，无法分清，该行记为空，请对照原文核对",
				g.row.Group, g.row.Label, strings.Join(g.rc.cells, " "))
		case g.rc.ok:
			var v Row
			for i, s := range g.rc.cells {
				v[i] = toCell(s)
			}
			if sum, ok := cutRowTotal(g.rc.cells); ok {
				// the 总计 a converter cut short at the table's right edge
				// (LibreOffice's PDF: 12078 read 1207), not the report's
				// error: unread and said
				v[ColTotal] = Cell{}
				p.ambiguous(t3Cell(g.row.Key, ColTotal))
				p.warn("PARSE.TABLE", t3Cell(g.row.Key, ColTotal), g.line.No, "表三“%s%s”的总计“%s”是六类申请人之和 %d 的前几位：多半是转换时表格右边缘被截去了末位，总计记为空，请对照原文核对",
					g.row.Group, g.row.Label, trimSpace(g.rc.cells[ColTotal]), sum)
			}
			r.Applications[g.row.Key] = v
		case g.rc.spaced || len(g.rc.tokens) > NumCols || digitCount(g.rc.tokens) < NumCols || blanksApart(g):
			// blanks: fewer numbers than cells; their places are known only
			// from the rest of the table, once it is read
			for i := 0; i < NumCols; i++ {
				p.ambiguous(t3Cell(g.row.Key, i))
			}
			blanks = append(blanks, g)
		default:
			runs = append(runs, g)
		}
	}
	if gluedSubtotals > 0 {
		p.warn("PARSE.READ", "applications", got[0].line.No, "表三多出“小计”列（国家格式没有这一列）：%d 行的数字连在一起，按小计等于五类法人或其他组织之和、总计等于自然人加小计拆分（有多种拆法的，按表三各栏的勾稽关系确定），读取时略去小计", gluedSubtotals)
	}
	p.t3Blanks = p.t3Blanks || p.leavesBlanks(got)
	p.blanky = p.blanky || p.t3Blanks
	if len(runs) > 0 {
		p.solveT3(runs)
	}
	p.settleMarked(marked)
	blanks = p.displacedTotals(got, blanks)
	if p.ocrRuled && len(blanks) > 0 {
		if unit := ocrUnit(got); unit > 0 { // (its rows' tokens: only where asked)
			blanks = slices.DeleteFunc(blanks, func(g t3Line) bool { return p.readOCRGaps(g, unit) })
		}
	}
	// ownNumbers: the rows as read now, the same for every short row. A
	// table with more than a row's numbers a line each, one after another,
	// does not keep its rows whole on their lines: pdftotext's default text
	// of a narrow page (Chromium's A5) leaves a row's first two cells on its
	// label's line and writes the rest a cell to a line after the page's
	// rows, so the numbers on a row's line are not all it has (a row of one
	// number after its wrapped label is a line alone too, but between
	// labels)
	rowsOn := len(blanks) > 0 && p.rowsOnLines(got) && !p.cellsALine(lo, hi)
	left := blanks[:0:0]
	for _, g := range blanks {
		if want, ok := p.t3Expected(g.row); ok && (p.readBlanks(g, strs(g.rc.tokens), want, false) || p.readMarkedError(g, want)) {
			continue
		}
		left = append(left, g)
	}
	if len(intoLabel) == 0 {
		p.blanks3 = blanksLeft{got: got, left: left} // (readBlankTotals, once the table is settled)
	}
	var noSum []t3Line // rows that add up wherever their blanks are: the report's errors, unless many
	for _, g := range left {
		if len(g.rc.tokens) > NumCols {
			p.strays = append(p.strays, stray{g.row.Key, g.line.No, len(g.rc.tokens)}) // (more numbers than a row's cells: other rows' too)
		}
		if !slices.ContainsFunc(intoLabel, func(x ranInto) bool { return &rows[x.row] == g.row }) { // (else said below: cells run into the label)
			if inCells := p.inCells[g.row.Key]; inCells != nil && noPlacingAddsUp(g.rc.tokens) {
				// its numbers one to a column, its 总计 in that column, and
				// wherever the blanks are the row does not add up: the
				// report's own error (T3.ROWSUM), its cells where they stand
				v := r.Applications[g.row.Key]
				for c, s := range inCells {
					v[c] = toCell(s)
					delete(r.Meta.Ambiguous, t3Cell(g.row.Key, c))
				}
				r.Applications[g.row.Key] = v
				p.warn("PARSE.READ", "applications."+g.row.Key, g.line.No, "表三“%s%s”读到 %d 个数（%s），按各数所在的栏读取：%s；该行六类申请人之和不等于总计，无论空白在哪里都是如此，请对照原文核对",
					g.row.Group, g.row.Label, len(g.rc.tokens), strings.Join(strs(g.rc.tokens), " "), placedCells(inCells))
				continue
			}
			if g.gridTotal != "" {
				v := r.Applications[g.row.Key]
				v[ColTotal] = toCell(g.gridTotal)
				r.Applications[g.row.Key] = v
				delete(r.Meta.Ambiguous, t3Cell(g.row.Key, ColTotal))
				p.warn("PARSE.TABLE", "applications."+g.row.Key, g.line.No, "表三“%s%s”应有 7 个数，读到 %d 个（%s）：本页有整栏空白的栏，转换时被去掉了，各数在哪一栏无法确定，只有最后一个数在本页各行的最后一栏，按总计读取（%s），其他各栏记为空",
					g.row.Group, g.row.Label, len(g.rc.tokens), strings.Join(strs(g.rc.tokens), " "), g.gridTotal)
			} else if len(g.rc.tokens) == 0 {
				// (no number to place: "读到 0 个（）" said nothing; the
				// end as the others', which readBlankTotals looks for)
				p.warn("PARSE.TABLE", "applications."+g.row.Key, g.line.No, "表三“%s%s”应有 7 个数，行名旁没有读到数字（可能整行空白，也可能它的数字在别处），%s",
					g.row.Group, g.row.Label, blankUnread)
			} else if p.t3Staired {
				// (ends as blankUnread does: readBlankTotals may read its 总计)
				p.warn("PARSE.TABLE", "applications."+g.row.Key, g.line.No, "表三“%s%s”应有 7 个数，读到 %d 个（%s）：转换后的表格各行逐行向右错开（wvText 等转换 .doc 文件时会如此），数字所在的位置不能说明它属于哪一栏，无法确定空白的位置，该行记为空",
					g.row.Group, g.row.Label, len(g.rc.tokens), strings.Join(strs(g.rc.tokens), " "))
			} else {
				p.warn("PARSE.TABLE", "applications."+g.row.Key, g.line.No, "表三“%s%s”应有 7 个数，读到 %d 个（%s），无法确定空白的位置，该行记为空",
					g.row.Group, g.row.Label, len(g.rc.tokens), strings.Join(strs(g.rc.tokens), " "))
			}
			if !p.ocrRuled && !p.ocrLayer && (g.inColumns || p.ownNumbers(g, rowsOn) && totalsShown(got, g) && !cutTotal(g.rc.tokens) && !columnLost(got, g)) && noPlacingAddsUp(g.rc.tokens) {
				// whole numbers that are the row's cells — standing one to
				// a column, or all the row's line holds in a text that
				// keeps rows on their lines, the table showing its 总计
				// column whole — in a table that leaves cells blank:
				// wherever the blanks are, the row does not add up — the
				// report's own error
				noSum = append(noSum, g)
			}
		}
	}
	if len(noSum) < 3 {
		noSum = p.splitFromNext(noSum, left) // (three or more are said together below)
	}
	if len(noSum) >= 3 {
		// three rows or more that add up wherever their blanks are: the
		// text's rows, not the report's (pdftotext's default text of a
		// narrow column cuts a row's numbers over two lines, "41 6 0 3" /
		// "0 3 53", and the next row takes the second) — as for glued rows
		var said []string
		for _, g := range noSum {
			said = append(said, fmt.Sprintf("“%s%s”（%s）", g.row.Group, g.row.Label, strings.Join(strs(g.rc.tokens), " ")))
		}
		p.warn("PARSE.TABLE", "applications", noSum[0].line.No, "表三有 %d 行读到的数无论空白在哪里都不成一行（%s）：多半是转换把各行的数拆散或错开了，不是报告本身的错误，这些行记为空，请对照原文核对",
			len(noSum), strings.Join(said, "、"))
	} else {
		for _, g := range noSum {
			if p.numbersInSpan(got, g) {
				continue // (unread, said above)
			}
			p.warn("T3.ROWSUM", t3Cell(g.row.Key, ColTotal), g.line.No, "表三“%s%s”读到 %d 个数（%s），空白的位置无法确定，但无论空白在哪里，六类申请人之和都不等于总计",
				g.row.Group, g.row.Label, len(g.rc.tokens), strings.Join(strs(g.rc.tokens), " "))
		}
	}
	for _, x := range intoLabel {
		row := rows[x.row]
		v, blank := r.Applications[row.Key], 0
		for c := range v {
			if v[c].Blank() {
				p.ambiguous(t3Cell(row.Key, c))
				blank++
			}
		}
		if blank > 0 {
			p.warn("PARSE.TABLE", "applications."+row.Key, x.line, "表三“%s%s”的行名中混有数字（“%s”：单元格的数字连进了行名），该行 %d 栏未能读出，记为空，请对照原文核对",
				row.Group, row.Label, trimSpace(x.label), blank)
		}
	}
	if scrambled {
		// most rows did not read by their labels: the numbers may all be
		// there, in pdfminer's order
		p.readInBands(lo, hi, rows)
	}
	// (rows read by spreadSeveralRows are no longer rows that no cut makes
	// add up: settleGluedSums counts those)
	p.spreadSeveralRows(got)
	p.settleGluedSums(got)
	p.unplaceShifted(got)
}

// displacedTotals reads the 总计 of rows that came one number short — six
// cells with marks for 0 among them, no total — from a later row's total
// that holds theirs before its own: pdftotext's default text of a narrow
// page may carry short rows' totals to the end of a later row's run
// (…6.属于四类过程性信息—9————…3.要求提供公开出版物2—————…5.要求行政机关确认或重新出具已获取信息1—————921
// 1.申请人…: 9 and 2, then the row's own 1). Only where the digits are exactly
// the short rows' sums, nearest last, then the row's own sum; otherwise the
// row is the report's error as read. It returns the short rows left.
func (p *parser) displacedTotals(got []t3Line, blanks []t3Line) []t3Line {
	if len(blanks) == 0 {
		return blanks
	}
	type short struct {
		at    int      // in blanks
		cells []string // six, agreed by every reading
		sum   int64
		text  string // sum written
	}
	var shorts []short
	for _, g := range got {
		if k := slices.IndexFunc(blanks, func(b t3Line) bool { return b.row == g.row }); k >= 0 {
			cuts, all := markedReadingsAny(strs(g.rc.tokens), NumCols-1, 64, p.dashWays())
			if !g.line.Segmented || !all || len(cuts) == 0 || slices.Contains(agreeing(cuts), false) {
				continue
			}
			var sum int64
			for _, c := range cuts[0] {
				sum += toCell(c).Val()
			}
			if sum > 0 {
				shorts = append(shorts, short{at: k, cells: cuts[0], sum: sum, text: strconv.FormatInt(sum, 10)})
			}
			continue
		}
		v := p.r.Applications[g.row.Key]
		total, ok := v[ColTotal].Int()
		if !ok || len(shorts) == 0 || g.rc.ok || len(g.rc.tokens) == 0 || !g.line.Segmented {
			continue
		}
		var own int64
		for _, c := range v[:ColTotal] {
			if c.Blank() {
				own = -1
				break
			}
			own += c.Val()
		}
		t, o := strconv.FormatInt(total, 10), strconv.FormatInt(own, 10)
		last := g.rc.tokens[len(g.rc.tokens)-1].s
		if own < 0 || own == total || !strings.HasSuffix(t, o) || !strings.HasSuffix(last, t) {
			continue
		}
		head := strings.TrimSuffix(t, o)
		k := len(shorts)
		for k > 0 && strings.HasSuffix(head, shorts[k-1].text) {
			head = strings.TrimSuffix(head, shorts[k-1].text)
			k--
		}
		if head != "" {
			continue
		}
		var said, sums []string
		for _, sh := range shorts[k:] {
			b := blanks[sh.at]
			var row Row
			for i, c := range sh.cells {
				row[i] = toCell(c)
			}
			row[ColTotal] = N(sh.sum)
			p.r.Applications[b.row.Key] = row
			for c := range NumCols {
				delete(p.r.Meta.Ambiguous, t3Cell(b.row.Key, c))
			}
			said = append(said, fmt.Sprintf("“%s%s”总计 %d", b.row.Group, b.row.Label, sh.sum))
			sums = append(sums, sh.text)
		}
		v[ColTotal] = N(own)
		p.r.Applications[g.row.Key] = v
		p.warn("PARSE.READ", "applications."+g.row.Key, g.line.No, "表三“%s%s”的总计读到“%s”，而六类申请人之和是 %d；它前面有 %d 行少一个数（没有总计），这几行的六类之和依次是 %s，正好是“%s”的前几位：多半是转换时把那几行的总计移到了这一行的后面（PDF 转换的文字顺序），按各行的总计读取：%s，本行总计 %d，请对照原文核对",
			g.row.Group, g.row.Label, t, own, len(sums), strings.Join(sums, "、"), t, strings.Join(said, "、"), own)
		for _, sh := range shorts[k:] {
			blanks[sh.at].row = nil
		}
		shorts = shorts[:k]
	}
	return slices.DeleteFunc(blanks, func(b t3Line) bool { return b.row == nil })
}

// gluedSum keeps a T3.ROWSUM of a glued row that no reading makes add up,
// to be said once the table is read.
func (p *parser) gluedSum(cell string, line int, format string, args ...any) {
	p.gluedSums = append(p.gluedSums, Finding{Rule: "T3.ROWSUM", Severity: SevError, Cell: cell, Line: line, Message: fmt.Sprintf(format, args...)})
}

// settleGluedSums says the kept T3.ROWSUM findings of glued rows, unless
// three rows of the table or more are left unread with digits that no
// reading makes add up: then the digits are out of their rows (a page's
// text taken out of order and run into one line: a row's label, then
// another row's numbers), not so many errors of the report's, and that is
// said instead.
func (p *parser) settleGluedSums(got []t3Line) {
	sums := p.gluedSums
	p.gluedSums = nil
	if len(sums) == 0 {
		return
	}
	n := 0
	for _, g := range got {
		if v := p.r.Applications[g.row.Key]; v == (Row{}) && !g.rc.ok && neverAddingUp(strs(g.rc.tokens)) {
			n++
		}
	}
	if n >= 3 {
		p.warn("PARSE.TABLE", "applications", got[0].line.No, "表三有 %d 行未能读出，其数字无论怎样拆分（或留出空白）都不满足“总计 = 六类申请人之和”：多半是原文转换时数字离开了所在的行（文字次序错乱），而不是报告本身有这么多错误，不据以判断报告有误，请对照原文核对", n)
		return
	}
	if p.blanky && p.blanks3.got != nil && p.groupsMidway() {
		// a table that leaves cells blank, in a text that follows the
		// page's layout (a group's label amid its rows, where the merged
		// cell centres it): numbers may have left their rows, which leaves
		// no trace in a glued run; said once readBlankTotals finds the
		// rows' totals holding
		p.blanks3.sums = sums
		return
	}
	p.r.Meta.Parse = append(p.r.Meta.Parse, sums...)
}

// placedCells writes a row's cells a space apart, a blank one as 空.
func placedCells(cells []string) string {
	out := make([]string, len(cells))
	for i, c := range cells {
		if out[i] = trimSpace(c); out[i] == "" {
			out[i] = "空"
		}
	}
	return strings.Join(out, " ")
}

// unplaceShifted leaves unread a 表三 row placed by position (a row with
// blanks: its numbers put under the columns they stand in) when the table's
// identities fail in two neighbouring columns and hold in both once one of
// the row's numbers moves into the blank cell beside it: pdftotext -layout
// of a narrow table closes gaps up, and a number may stand under its
// neighbour's column (34 of 自然人 under 商业企业's 136 of the row above),
// the row still adding up. Which column is right, the positions cannot
// tell, and the table's error would be the reader's: unread, and said.
func (p *parser) unplaceShifted(got []t3Line) {
	if !slices.ContainsFunc(got, func(g t3Line) bool { return g.byPosition }) {
		return // (most tables: no row placed by position)
	}
	r := p.r
	val := func(key string, c int) (int64, bool) {
		if r.Meta.Ambiguous[t3Cell(key, c)] {
			return 0, false
		}
		v, _ := r.Applications[key][c].Int() // (blank, or a mark: 0)
		return v, true
	}
	balance := map[string]int64{"new": 1, "carried_in": 1, "total": -1, "carried_forward": -1}
	// each identity's difference by column, with the rows it takes and
	// their signs; ok false where a cell of it is unread
	type identity struct {
		sign func(key string) int64
		diff [NumCols]int64
		ok   [NumCols]bool
	}
	ids := []identity{
		{sign: func(key string) int64 { return balance[key] }},
		{sign: func(key string) int64 { // (七)总计 = the outcome rows: every row but balance's
			if key == "total" {
				return -1
			}
			if _, in := balance[key]; in {
				return 0
			}
			return 1
		}},
	}
	rows := r.Format.T3Rows()
	for k := range ids {
		id := &ids[k]
		for c := range NumCols {
			id.ok[c] = true
			for _, row := range rows {
				sg := id.sign(row.Key)
				if sg == 0 {
					continue
				}
				v, ok := val(row.Key, c)
				id.ok[c] = id.ok[c] && ok
				id.diff[c] += sg * v
			}
		}
	}
	for _, g := range got {
		if !g.byPosition || !g.rc.ok {
			continue
		}
		v := r.Applications[g.row.Key]
		if !slices.EqualFunc(v[:], g.rc.cells, func(c Cell, s string) bool { return c.String() == toCell(s).String() }) {
			continue // read again since (readInBands)
		}
		for c := range NumCols - 1 {
			for _, to := range []int{c - 1, c + 1} {
				if to < 0 || to >= NumCols-1 || !v[to].Blank() || v[c].Blank() {
					continue
				}
				n, _ := v[c].Int()
				if n == 0 {
					continue
				}
				fails, fixed := false, true
				for _, id := range ids {
					sg := id.sign(g.row.Key)
					if sg == 0 {
						continue
					}
					if !id.ok[c] || !id.ok[to] {
						fixed = false
						continue
					}
					fails = fails || id.diff[c] != 0 || id.diff[to] != 0
					fixed = fixed && id.diff[c]-sg*n == 0 && id.diff[to]+sg*n == 0
				}
				if fails && fixed {
					for i := range NumCols {
						p.ambiguous(t3Cell(g.row.Key, i))
					}
					r.Applications[g.row.Key] = Row{}
					p.warn("PARSE.AMBIGUOUS", "applications."+g.row.Key, g.line.No, "表三“%s%s”有空白单元格，按数字所在位置读作 %s，但这样表三%s、%s两栏的勾稽关系不符，而把 %d 移到%s栏则都相符：转换后的文字位置不可靠，无法确定是哪一栏，该行记为空，请对照原文核对",
						g.row.Group, g.row.Label, placedCells(g.rc.cells), T3ColumnLabels[min(c, to)], T3ColumnLabels[max(c, to)], n, T3ColumnLabels[to])
					return
				}
			}
		}
	}
}

// ranInto is a 表三 row whose label has cells run into it.
type ranInto struct {
	row   int
	label string
	line  int
}

// unreadStrayRows leaves out, and says, the rows of seven whole counts that
// do not add up, each a paragraph of its own once (paragraphsApart), on a
// page run into one line whose rows lost their blank cells without a trace
// (two rows or more of whole counts, fewer than their cells): such a page's
// numbers may run in blocks over the rows (pdftotext's default text of a
// table that leaves zeros blank, its breaks made spaces: "（一）予以公开  11
// 2  49  2  2  4  15" for 11 4 15), and a row of seven then holds other rows'
// numbers as likely as its own — not the report's error.
func (p *parser) unreadStrayRows(got []t3Line) []t3Line {
	short := 0
	for _, g := range got {
		if g.line.Segmented && !g.rc.ok && len(g.rc.tokens) > 0 && len(g.rc.tokens) < NumCols && wellFormed(strs(g.rc.tokens)) {
			short++
		}
	}
	if short < 2 {
		return got
	}
	out := make([]t3Line, 0, len(got))
	for _, g := range got {
		vals := g.rc.numbers()
		if !g.line.Segmented || len(vals) != NumCols || !wellFormed(vals) || cellsAddUp(vals) || !paragraphsApart(g.line.Text) {
			out = append(out, g)
			continue
		}
		for c := range NumCols {
			p.ambiguous(t3Cell(g.row.Key, c))
		}
		p.warn("PARSE.TABLE", "applications."+g.row.Key, g.line.No, "表三“%s%s”读到 7 个数（%s），但不满足“总计 = 六类申请人之和”；本表有 %d 行少了数（原文中空白单元格没有留下位置，数字可能成块排列），这些数可能属于别的行，该行记为空，请对照原文核对",
			g.row.Group, g.row.Label, strings.Join(vals, " "), short)
	}
	return out
}

// unreadAfterWrappedLabel leaves unread a row read from numbers a cell to a
// line that stand after the last piece of its wrapped label, its pieces
// split by other words (a merged cell's: （二）部分公开（区分处理的，只计这一
// 情形， / 理结果 / 不计其他情形） / 1 / 0 / … / 1), when two later rows or
// more read no numbers of their own, their labels right after the numbers
// (1.属于国家秘密 / 2.其他法律…) or written elsewhere (skipped before the
// first label after them: 6.属于四类过程性信息 / 0 / 3 / …, 1.–5. further
// on): pdftotext's default text of LibreOffice's PDF of a table that leaves
// whole rows blank gives a later row's numbers there, a row's own standing
// after its label's first line. Which of those rows the numbers are is not
// known; they and the row are unread, said. (Only rows of its kind, the
// outcomes: （七）总计 and 四、结转 have their own places.)
func (p *parser) unreadAfterWrappedLabel(got []t3Line, rows []T3Row, norms []string, lo, hi int) {
	prevText := func(i int) int {
		for k := i - 1; k >= max(lo, 0); k-- {
			if p.lines[k].Fields != nil || trimSpace(p.lines[k].Text) != "" {
				return k
			}
		}
		return -1
	}
	words := func(k int) string { // a line of words alone, normalised ("" otherwise)
		if k < 0 || p.lines[k].Fields != nil {
			return ""
		}
		rc := splitLabel(p.lines[k], NumCols)
		if rc.ok || len(rc.tokens) > 0 {
			return ""
		}
		return norm(rc.label)
	}
	withNumbers := t3WithNumbers(got, rows)
	for gi := range got {
		g := &got[gi]
		at := -1
		if g.line.OneEach && !g.unread {
			at = p.lineIndex(g.line)
		}
		k1 := prevText(at)
		if at < 0 || k1 < 0 {
			continue
		}
		label := norm(g.row.Group + g.row.Label)
		k2 := prevText(k1)
		end, between, start := words(k1), words(k2), words(prevText(k2))
		if own := norm(g.rc.label); own != "" {
			// (the label's last piece on the numbers' line: a cell to a
			// line joined after it)
			end, between, start = own, words(k1), words(k2)
		}
		if own := norm(g.row.Label); end == "" || between == "" || start == "" || start+end != label || end == own || !strings.HasSuffix(own, end) || hasText(label, between) {
			continue // (the row's own label cut in two, other words between; not its group's words apart)
		}
		// the rows with no numbers whose labels follow the numbers, up to
		// the next numbers, and those skipped before the first label after
		// them (their labels written elsewhere, without numbers)
		j := t3RowAt(rows, g.row.Key)
		var after []int
		first := len(rows)
		for k := p.nextText(at+1, hi); k >= 0; k = p.nextText(k+1, hi) {
			m, fuzzy, _ := t3LabelRow(p.lines[k], norms, j+1)
			if m > j && !fuzzy {
				first = min(first, m)
			}
			if words(k) == "" {
				break
			}
			if m > j && !fuzzy && !withNumbers[m] && !slices.Contains(after, m) && rows[m].Kind == g.row.Kind {
				after = append(after, m) // (a wrapped label's pieces name its row once)
			}
		}
		for m := j + 1; m < first && m < len(rows); m++ {
			if !withNumbers[m] && !slices.Contains(after, m) && rows[m].Kind == g.row.Kind {
				after = append(after, m)
			}
		}
		if len(after) < 2 {
			continue
		}
		slices.Sort(after)
		var names []string
		for _, m := range append([]int{j}, after...) {
			for c := range NumCols {
				p.ambiguous(t3Cell(rows[m].Key, c))
			}
			if m != j {
				names = append(names, rows[m].Group+rows[m].Label)
			}
		}
		nums := strings.Join(g.rc.numbers(), " ")
		p.warn("PARSE.TABLE", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字（%s）排在它折行的行名的最后一段之后；本表有整行空白，其后的“%s”都没有读到自己的数字（行名紧接在这些数字之后，或写在别处），PDF 转换的文字中这样排列的数字可能是其中某一行的，无法确定是哪一行的，这几行都记为空，请对照原文核对",
			g.row.Group, g.row.Label, nums, strings.Join(names, "”“"))
		for _, m := range after {
			p.warn("PARSE.TABLE", "applications."+rows[m].Key, g.line.No, "表三“%s%s”没有读到自己的数字，而“%s%s”折行的行名之后的数字（%s）可能是它的，无法确定，该行记为空，请对照原文核对",
				rows[m].Group, rows[m].Label, g.row.Group, g.row.Label, nums)
		}
		g.rc, g.unread = rowCells{label: g.rc.label}, true
	}
}

// t3WithNumbers says which of rows got read numbers (and were not left
// unread since).
func t3WithNumbers(got []t3Line, rows []T3Row) []bool {
	with := make([]bool, len(rows))
	for _, g := range got {
		if i := t3RowAt(rows, g.row.Key); i >= 0 && !g.unread && (g.rc.ok || len(g.rc.tokens) > 0) {
			with[i] = true
		}
	}
	return with
}

// t3LabelRow is the row of 表三 (from row from on) whose label line l
// holds, as matchT3 finds it, and l's words and numbers.
func t3LabelRow(l Line, norms []string, from int) (row int, fuzzy bool, rc rowCells) {
	rc = splitLabel(l, NumCols)
	L := totalWord(norm(rc.label))
	row, fuzzy = matchT3(stripGroups(L), L, norms, from)
	return row, fuzzy, rc
}

// unreadBeforeLabelAfterTable leaves unread an outcome row read from numbers
// a cell to a line when the next row, not found in the table, has its label
// after the table's last row read, the last of the table's labels (（六）2.申请人
// 逾期… / 0 1 0 1 0 0 2 / （七）总计 … / 四、结转… … / 3.其他: pdftotext's default
// text of LibreOffice's PDF of a large-type table that leaves rows blank,
// the numbers 3.其他's): the numbers
// stand where either row's would, right before the row after them, and
// which row they are is not known. Said of both.
func (p *parser) unreadBeforeLabelAfterTable(got []t3Line, rows []T3Row, norms []string, hi int) {
	if p.missing3 == nil {
		return
	}
	last := -1 // the line of the table's last row read
	for _, g := range got {
		last = max(last, p.lineIndex(g.line))
	}
	if last < 0 {
		return
	}
	for x := 1; x < len(rows); x++ {
		if !p.missing3[x] || rows[x].Kind != RowOutcome || rows[x-1].Kind != RowOutcome || rows[x-1].Group != rows[x].Group {
			continue
		}
		after := -1 // the line of its label after the table: the table's last label
		for k := p.nextText(last+1, hi); k >= 0; k = p.nextText(k+1, hi) {
			m, fuzzy, rc := t3LabelRow(p.lines[k], norms, 0)
			switch {
			case m == x && !fuzzy && !rc.ok && len(rc.tokens) == 0 && after < 0:
				after = k
			case m >= 0 && after >= 0:
				after = -2 // (other labels after it: a text out of order, not a table's end)
			}
		}
		if after < 0 {
			continue
		}
		for gi := range got {
			g := &got[gi]
			if g.row != &rows[x-1] || g.unread || !g.line.OneEach || len(g.rc.numbers()) != NumCols {
				continue // (a row read whole: fewer or more numbers are said as such)
			}
			next := p.nextText(p.lineIndex(g.line)+1, hi)
			if next < 0 {
				continue
			}
			if m, fuzzy, _ := t3LabelRow(p.lines[next], norms, x+1); m <= x || fuzzy {
				continue // (not the row after them next)
			}
			for c := range NumCols {
				p.ambiguous(t3Cell(g.row.Key, c))
			}
			p.warn("PARSE.TABLE", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字（%s）紧接在下一行“%s%s”应在的位置之前，而那一行的行名写在了表格之后（第 %d 行，PDF 转换的文字顺序），这些数字也可能是那一行的，无法确定，该行记为空，请对照原文核对",
				g.row.Group, g.row.Label, strings.Join(g.rc.numbers(), " "), rows[x].Group, rows[x].Label, p.lines[after].No)
			g.rc, g.unread = rowCells{label: g.rc.label}, true
		}
	}
}

// paragraphsApart says the numbers of a piece of a page run into one line
// stand two spaces apart, or one (two on a line): each was a paragraph of
// its own, a blank line after it, before the page's line breaks were made
// spaces (pdftotext's default text puts a table's cells so, in blocks that
// need not be the rows; -layout's gaps, a column's width, are wider).
func paragraphsApart(t string) bool {
	paragraphs := 0
	for i := 0; i < len(t); i++ {
		if t[i] != ' ' || i == 0 || !isASCIIDigit(t[i-1]) {
			continue
		}
		j := i
		for j < len(t) && t[j] == ' ' {
			j++
		}
		if j < len(t) && isASCIIDigit(t[j]) {
			switch j - i {
			case 1: // (two on one line of the text)
			case 2:
				paragraphs++
			default:
				return false
			}
		}
		i = j - 1
	}
	return paragraphs > 0
}

// cellsAddUp says a row's seven counts add up: the six before its 总计.
func cellsAddUp(vals []string) bool {
	var sum int64
	for _, v := range vals[:ColTotal] {
		n, _ := toCell(v).Int()
		sum += n
	}
	n, _ := toCell(vals[ColTotal]).Int()
	return sum == n
}

// t3Scrambled are the labels of 表三's rows found with numbers after a
// later row's label within the table (before its last row's), when some row
// read was short of numbers and read from cells one to a line: a text whose
// numbers cannot be trusted to stand by their rows. Labels written after the
// table's last row (pdftotext writes a merged cell's words there) do not
// count; nor do one or two. Empty (not nil) when most such rows are short;
// nil otherwise.
func (p *parser) t3Scrambled(got []t3Line, lo, hi int, norms []string) []string {
	shortRows, oneEach := 0, 0
	for _, g := range got {
		if g.line.OneEach {
			oneEach++
		}
		// (a page run into one line: its rows' digits glued, fewer than
		// its cells)
		if (g.line.OneEach || g.line.Segmented && digitCount(g.rc.tokens) < NumCols) && !g.rc.ok && len(g.rc.tokens) < NumCols {
			shortRows++
		}
	}
	if shortRows == 0 {
		return nil
	}
	// most rows short: the text kept no place for blank cells, and its
	// numbers may run down the columns; a row of seven is then no more its
	// own than the others
	mostShort := oneEach >= 4 && shortRows*2 >= oneEach && !p.rowsKept
	rows := p.r.Format.T3Rows()
	var out []string
	top := -1
	for _, l := range p.lines[lo:hi] {
		if !hasHan(l.Text) {
			continue
		}
		rc := splitLabel(l, NumCols)
		L := totalWord(norm(rc.label))
		S := stripGroups(L)
		if l.Segmented {
			// a piece of a page run into one line holds one row's label,
			// or more where the segmenter, cutting before each label in
			// the template's order, found no place of theirs: whole labels
			// in it out of that order are out of place (…四、结转下年度继续
			// 办理——1.本机关不掌握相关政府信息（五）不予…)
			for _, k := range labelsOutOfOrder(S, norms) {
				out = append(out, rows[k].Group+rows[k].Label)
			}
		}
		j, fuzzy := matchT3(S, L, norms, 0)
		if j < 0 || fuzzy || !moreRunes(S, 3) {
			continue // (a header's words, 其他, may name a row's end)
		}
		if (rows[j].Key == "total" || rows[j].Key == "carried_forward") && !l.Segmented {
			break // (on a page run into one line, what follows is the table's still, up to its next heading)
		}
		// (a label alone, without numbers, may be a merged cell's or a
		// wrapped label's words written apart from its row: only a label
		// with numbers out of order says the numbers are. On a page run
		// into one line, a whole label is a row's, not a piece set apart:
		// with marks for its cells or none, it is out of order too)
		if j < top && (rc.ok || len(rc.tokens) > 0 || l.Segmented && strings.HasPrefix(S, norms[j])) {
			out = append(out, rows[j].Group+rows[j].Label)
		}
		top = max(top, j)
	}
	switch {
	case len(out) >= 3:
		return out
	case mostShort && !rowsAddUpEach(got):
		return []string{}
	}
	return nil
}

// rowsAddUpEach says every row of 表三 read with numbers, a cell to a line,
// adds up as its numbers stand (the last its 总计: a row with blanks has
// its total), three rows or more adding two counts or more other than 0:
// numbers written row by row, each after its label (mutool's text, whose
// blank cells leave nothing). Numbers written down the columns, a column's
// under a row's label, would not but by chance (zeros add up in any order:
// they are no sign).
func rowsAddUpEach(got []t3Line) bool {
	signs := 0
	for _, g := range got {
		toks := g.rc.cells
		if !g.rc.ok {
			toks = strs(g.rc.tokens)
		}
		if len(toks) == 0 {
			continue
		}
		vals, ok := countValues(toks)
		if !ok || len(vals) > NumCols || !g.rc.ok && !g.line.OneEach && len(vals) > 1 || !sumsUp(vals) {
			return false
		}
		nonzero := 0
		for _, x := range vals[:len(vals)-1] {
			if x != 0 {
				nonzero++
			}
		}
		if nonzero >= 2 {
			signs++
		}
	}
	return signs >= 3
}

// shortRowsRest completes 表三's rows read a few numbers short with the
// numbers after the table: pdftotext without -layout may write the merged
// cells' words ((三)不予 / 予公开 / 三、本年 …, and labels of rows placed
// before) after the table's last row and only then some rows' last numbers
// (a total set a little lower than its row). Taken only when nothing but
// such words stands between, the numbers are exactly as many as the rows
// miss, and each row, given them in the table's order, adds up.
func (p *parser) shortRowsRest(got []t3Line, rows []T3Row, from, hi int, norms []string) {
	var short []*t3Line
	missing := 0
	for i := range rows {
		for k := range got {
			g := &got[k]
			if g.row != &rows[i] || g.rc.ok || len(g.rc.tokens) == 0 || len(g.rc.tokens) >= NumCols || !allCells(strs(g.rc.tokens)) {
				continue
			}
			short = append(short, g)
			missing += NumCols - len(g.rc.tokens)
		}
	}
	if len(short) == 0 {
		return
	}
	var rest []string
	last := 0 // the line of the last of them
	for n := from; n < hi && len(rest) < missing; n++ {
		l := p.lines[n]
		if trimSpace(l.Text) == "" {
			continue
		}
		more := splitLabel(l, NumCols)
		if !more.ok && len(more.tokens) == 0 {
			continue // words only
		}
		// (the numbers may come joined to the last piece of words: "他处理
		// 861", "新出具已获取信息 246")
		if more.ok || !groupPiece(norm(more.label), norms) || !allCells(strs(more.tokens)) {
			return
		}
		rest, last = append(rest, strs(more.tokens)...), l.No
	}
	if len(rest) != missing {
		return
	}
	cells := make([][]string, len(short))
	at := 0
	for k, g := range short {
		n := NumCols - len(g.rc.tokens)
		cells[k] = append(strs(g.rc.tokens), rest[at:at+n]...)
		at += n
		if !addsUp(cells[k]) {
			return
		}
	}
	var names []string
	for k, g := range short {
		names = append(names, fmt.Sprintf("“%s”%s", g.row.Label, strings.Join(cells[k][len(g.rc.tokens):], " ")))
		g.rc = rowCells{label: g.rc.label, cells: cells[k], ok: true}
	}
	p.warn("PARSE.READ", "applications."+short[0].row.Key, last, "表三有 %d 行少读到数，所缺的 %d 个数在表格后、隔着合并单元格的文字（PDF 转换的文字顺序），按表格的行序补给：%s；各行之和相符",
		len(short), missing, strings.Join(names, "、"))
}

// groupPiece says L (normalised) is nothing or a piece of one of 表三's
// group names or row labels (予公开, 他处理, 新出具已获取信息).
func groupPiece(L string, norms []string) bool {
	if L == "" {
		return true
	}
	for _, g := range t3GroupNorms {
		if hasText(g, L) {
			return true
		}
	}
	return slices.ContainsFunc(norms, func(n string) bool { return hasText(n, L) })
}

// numbersFollow says a 表三 label on line n without numbers has its own
// within the next few lines, before another row's label: pieces of its
// wrapped label, then a line with numbers ("1.属于国" / "家秘密 0 0 …").
func (p *parser) numbersFollow(n, hi int) bool {
	for k, seen := n+1, 0; k < hi && seen < 4; k++ {
		l := p.lines[k]
		if emptyLine(l) {
			continue
		}
		seen++
		if rc := splitLabel(l, NumCols); rc.ok || len(rc.tokens) > 0 {
			return true
		}
		if t := trimSpace(l.Text); t != "" && isASCIIDigit(t[0]) {
			return false // the next row's label
		}
	}
	return false
}

// aheadRows is a run of numbers longer than a row, shared out among the rows
// whose labels follow it.
type aheadRows struct {
	line *Line
	all  []string   // the whole run
	rows [][]string // what is still to be shared out, seven at a time
	got  []int      // the rows it went to, as indexes of got
	// the rows among them given numbers by their place in the table, their
	// labels read nowhere near the run
	byOrder []string
}

// t3Stream reads 表三 from every number of the table in the text's order,
// a cell to a line (pdftotext without -layout), where the rows by their
// labels did not all read (a row short, a run not all shared out): the rows
// in the template's order, seven numbers each, except that a row may have
// its 总计 put after the table's last numbers, those totals in the rows'
// order (pdftotext takes a row's last cell for a block of its own when it
// stands apart: "3.其他 0 0 0 0 0 0 / （七）总计 … / 四、结转… 0 0 0 0 0 29 / 0
// 29"); where no such reading holds, a row's total may also stand among
// later rows' numbers or before its row's six. Every way of doing so is
// tried within one step budget. A reading holds when every row adds up and
// the columns' identities hold, or one row does not add up and they fail as
// one wrong cell of it would (the report's error, t3OneCellOff); the rows
// every reading that holds reads alike are read, at most two others unread
// and said (PARSE.AMBIGUOUS, and T3.ROWSUM for a row that adds up in none).
// Said by PARSE.READ; nil when no reading holds, or more than eight do, or
// they differ in more than two rows.
func (p *parser) t3Stream(got []t3Line, blocks []*aheadRows, rows []T3Row, lo, hi int) []t3Line {
	if p.subtotals || !slices.ContainsFunc(got, func(g t3Line) bool { return g.line != nil && g.line.OneEach }) {
		return nil // (not a text of a cell to a line)
	}
	short := len(got) < len(rows)
	for _, g := range got {
		short = short || !g.rc.ok
	}
	for _, b := range blocks {
		short = short || len(b.rows) > 0
	}
	if !short {
		return nil
	}
	want := NumCols * len(rows)
	var nums []string
	var from []*Line // the line of each number
	heading, headed := p.heads["3"]
	for n := lo; n < hi; n++ {
		l := &p.lines[n]
		if headed && n == heading {
			continue
		}
		rc := splitLabel(*l, NumCols)
		ts := rc.cells
		if !rc.ok {
			ts = strs(rc.tokens)
		}
		if len(ts) == 0 {
			continue
		}
		if !l.OneEach && (trimSpace(rc.label) != "" && len(ts) != NumCols || trimSpace(rc.label) == "" && len(ts) > 3) || len(nums)+len(ts) > want {
			// (two or three cells that stood close share a line: "— 24";
			// a row's seven beside its label, or joined to the header's
			// last words: a row whose label's lines the numbers of the
			// rows before it came between)
			return nil
		}
		for _, t := range ts {
			if !cellish(t) && !isPlaceholder(trimSpace(t)) {
				return nil
			}
			nums = append(nums, t)
			from = append(from, l)
		}
	}
	if len(nums) != want {
		return nil
	}
	// each number read once: a search asks the same numbers again and
	// again, as a row's in one place and another's in the next
	vals := make(streamNums, len(nums))
	for k, t := range nums {
		cl := toCell(t)
		vals[k] = streamNum{v: cl.Val(), blank: cl.Blank(), bad: cl.IsInvalid() && !isPlaceholder(trimSpace(t)), h: textHash(t)}
	}
	// addsUp is addsUpMarked of the row of those numbers
	addsUp := func(ix *rowIdx) bool {
		var sum int64
		for c, k := range ix {
			n := &vals[k]
			if n.bad || n.blank && c == NumCols-1 {
				return false
			}
			if c < NumCols-1 {
				sum += n.v
			}
		}
		return sum == vals[ix[NumCols-1]].v
	}
	type reading struct {
		cells  [][]string
		starts []int // where in nums each row's numbers start
		later  []int // the rows whose 总计 came after the table
		moved  bool  // a 总计 among other rows' numbers, or before its row's
		bad    int
	}
	// oneCellOff is t3OneCellOff of the rows of cells
	oneCellOff := func(cells [][]string, bad int) bool {
		ls := make([]t3Line, len(rows))
		for i := range rows {
			ls[i] = t3Line{row: &rows[i], rc: rowCells{cells: cells[i], ok: true}}
		}
		return t3OneCellOff(ls, bad)
	}
	// columnsOff counts the columns t3ColumnsOff finds off, from the
	// numbers as read once (none off is t3ColumnsHold): the cells' texts
	// are not read again
	at := map[string]int{}
	for i := range rows {
		at[rows[i].Key] = i
	}
	ti, ok1 := at["total"]
	ni, ok2 := at["new"]
	ii, ok3 := at["carried_in"]
	oi, ok4 := at["carried_forward"]
	keyed := ok1 && ok2 && ok3 && ok4
	columnsOff := func(ixs []rowIdx) (n int, ok bool) {
		if !keyed {
			return 0, false
		}
		for c := range NumCols {
			var sum int64
			for i := range rows {
				if x := &vals[ixs[i][c]]; x.bad {
					return 0, false
				} else if rows[i].Kind == RowOutcome {
					sum += x.v
				}
			}
			t, in := vals[ixs[ti][c]].v, vals[ixs[ni][c]].v+vals[ixs[ii][c]].v
			if sum != t || in != t+vals[ixs[oi][c]].v {
				n++
			}
		}
		return n, true
	}
	var found []reading
	// record keeps a reading whose columns hold (or fail as the one row
	// not adding up makes them fail), once
	record := func(ixs []rowIdx, starts, later []int, moved bool, bad int) {
		if n, ok := columnsOff(ixs); !ok || bad < 0 && n != 0 || bad >= 0 && n != 1 {
			return
		}
		rd := reading{cells: make([][]string, len(ixs)), starts: slices.Clone(starts), later: slices.Clone(later), moved: moved, bad: bad}
		for i, ix := range ixs {
			rd.cells[i] = make([]string, NumCols)
			for c, k := range ix {
				rd.cells[i][c] = nums[k]
			}
		}
		if bad >= 0 && !oneCellOff(rd.cells, bad) {
			return // (off in one column, but not by that row's difference)
		}
		if !slices.ContainsFunc(found, func(f reading) bool {
			return slices.EqualFunc(f.cells, rd.cells, slices.Equal[[]string])
		}) {
			found = append(found, rd)
		}
	}
	steps := 0
	const maxLater, maxReadings, budget = 8, 8, 20000
	starts := make([]int, len(rows))
	cells := make([]rowIdx, len(rows))
	seq := func(from int) (ix rowIdx) {
		for c := range ix {
			ix[c] = from + c
		}
		return ix
	}
	for d := 0; d <= maxLater && d < len(rows) && len(found) <= maxReadings && steps < budget; d++ {
		var later []int
		// (the same row, totals put after and row not adding up, with the
		// same cells before, goes on the same: rows of zeros would
		// otherwise be tried in every order)
		type state struct {
			i, k, bad int
			h         uint64
		}
		seenAt := map[state]bool{}
		var walk func(i, pos, bad int, h uint64)
		walk = func(i, pos, bad int, h uint64) {
			if st := (state{i, len(later), bad, h}); seenAt[st] {
				return
			} else {
				seenAt[st] = true
			}
			if steps++; steps > budget || len(found) > maxReadings {
				return
			}
			if i == len(rows) {
				if len(later) != d || pos != want-d {
					return
				}
				record(cells, starts, later, false, bad)
				return
			}
			try := func(ix rowIdx, next int, laterOne bool) {
				nb := bad
				if !addsUp(&ix) {
					if bad >= 0 {
						return
					}
					nb = i
				}
				cells[i], starts[i] = ix, pos
				if laterOne {
					later = append(later, i)
				}
				walk(i+1, next, nb, vals.hash(h, ix[:]))
				if laterOne {
					later = later[:len(later)-1]
				}
			}
			if pos+NumCols <= want-d {
				try(seq(pos), pos+NumCols, false)
			}
			if k := len(later); k < d && pos+NumCols-1 <= want-d {
				ix := seq(pos)
				ix[NumCols-1] = want - d + k
				try(ix, pos+NumCols-1, true)
			}
		}
		walk(0, 0, -1, fnvOffset)
	}
	if len(found) == 0 && steps <= budget {
		// none so: a row's 总计 may also stand among later rows' numbers
		// (after a merged cell's words: "（三）不予公开 / — / 4", third_party's
		// and state_secret's), or before the row's other six ("13 / （一）予
		// 以公开 / 9 — — — 3 1"): each row in place, its total first, or
		// its six with the total taken later by any number between rows
		// (three rows waiting at most, in the rows' order)
		const maxWaiting = 3
		var waiting uint64 // (a bit a row)
		type state struct {
			i, pos, bad int
			waiting, h  uint64
		}
		// (h is the rows' cells so far taken in any order: the same rows
		// the same way by another path go on the same)
		seenAt := map[state]bool{}
		var walk func(i, pos, bad int, h uint64)
		walk = func(i, pos, bad int, h uint64) {
			if st := (state{i, pos, bad, waiting, h}); seenAt[st] {
				return
			} else {
				seenAt[st] = true
			}
			if steps++; steps > budget || len(found) > maxReadings {
				return
			}
			if pos == want {
				if i == len(rows) && waiting == 0 {
					record(cells, starts, nil, true, bad)
				}
				return
			}
			fits := func(row int, ix *rowIdx) (int, bool) {
				switch {
				case addsUp(ix):
					return bad, true
				case bad >= 0:
					return bad, false
				}
				return row, true
			}
			for w := 0; w < len(rows); w++ {
				if waiting&(1<<w) == 0 {
					continue
				}
				// the number here is a waiting row's total
				c := cells[w]
				c[NumCols-1] = pos
				if nb, ok := fits(w, &c); ok {
					six := cells[w]
					kept := waiting
					cells[w], waiting = c, waiting&^(1<<w)
					walk(i, pos+1, nb, h^vals.rowHash(w, six[:NumCols-1], true)^vals.rowHash(w, c[:], false))
					cells[w], waiting = six, kept
				}
			}
			if i == len(rows) {
				return
			}
			if pos+NumCols <= want {
				in := seq(pos)
				if nb, ok := fits(i, &in); ok {
					cells[i], starts[i] = in, pos
					walk(i+1, pos+NumCols, nb, h^vals.rowHash(i, in[:], false))
				}
				first := seq(pos + 1)
				first[NumCols-1] = pos
				if nb, ok := fits(i, &first); ok && !vals.same(first[:], in[:]) {
					cells[i], starts[i] = first, pos+1
					walk(i+1, pos+NumCols, nb, h^vals.rowHash(i, first[:], false))
				}
			}
			if bits.OnesCount64(waiting) < maxWaiting && pos+NumCols-1 <= want {
				six := seq(pos)
				cells[i], starts[i] = six, pos
				waiting |= 1 << i
				walk(i+1, pos+NumCols-1, bad, h^vals.rowHash(i, six[:NumCols-1], true))
				waiting &^= 1 << i
			}
		}
		walk(0, 0, -1, 0)
	}
	if len(found) == 0 || len(found) > maxReadings || steps > budget {
		return nil
	}
	// the rows every reading reads alike are read; the others (a total put
	// elsewhere that could be one row's or the next one's, where they tell
	// apart) are not
	rd := found[0]
	agree := make([]bool, len(rows))
	differ := 0
	for i := range rows {
		agree[i] = !slices.ContainsFunc(found[1:], func(f reading) bool { return !slices.Equal(f.cells[i], rd.cells[i]) })
		if !agree[i] {
			differ++
		}
	}
	if differ > 2 {
		return nil
	}
	var out []t3Line
	for i := range rows {
		if agree[i] {
			out = append(out, t3Line{row: &rows[i], rc: rowCells{label: rows[i].Label, cells: rd.cells[i], ok: true}, line: from[rd.starts[i]]})
			p.r.setLine(rows[i].Key, from[rd.starts[i]].No)
		}
	}
	if len(out) == 0 {
		return nil
	}
	bad := rd.bad
	if slices.ContainsFunc(found[1:], func(f reading) bool { return f.bad != bad }) {
		bad = -1
	}
	said := "各行之和、表三各栏的勾稽关系均相符"
	if rd.bad >= 0 {
		said = fmt.Sprintf("除“%s%s”一行外各行之和相符，这一行与表三各栏的勾稽关系不符之处都是同一栏、同一个差额（像是原文这一格填错），按原文读取", rows[rd.bad].Group, rows[rd.bad].Label)
	}
	if len(found) > 1 {
		said = fmt.Sprintf("有 %d 种读法都使各行之和（最多一行除外）与表三各栏的勾稽关系相符，它们读法相同的行按此读取", len(found))
	}
	laterSaid := ""
	if slices.ContainsFunc(found, func(f reading) bool { return f.moved }) {
		laterSaid = "，有的行的总计不在本行数字的位置（排在别的行的数字之间或本行之前）"
	} else if len(found) == 1 && len(rd.later) > 0 {
		var names []string
		for _, i := range rd.later {
			names = append(names, rows[i].Group+rows[i].Label)
		}
		laterSaid = fmt.Sprintf("，其中“%s”的总计排在表格最后（第 %d 行）", strings.Join(names, "”“"), from[want-len(rd.later)].No)
	} else if len(found) > 1 {
		most := 0
		for _, f := range found {
			most = max(most, len(f.later))
		}
		laterSaid = fmt.Sprintf("，有的行的总计排在表格最后（第 %d 行起）", from[want-max(most, 1)].No)
	}
	apart := "各占一行，与行名分开排列"
	if slices.ContainsFunc(from, func(l *Line) bool { return !l.OneEach && trimSpace(splitLabel(*l, NumCols).label) != "" }) {
		apart = "与行名的次序不一致（有的各占一行，有的 7 个一行在行名或表头的字旁，不一定是那一行的）"
	}
	p.warn("PARSE.READ", "applications", out[0].line.No, "表三的数字在原文中%s（PDF 转换的文字顺序）：共 %d 个数，按表格的行序每 7 个数读作一行%s；%s",
		apart, want, laterSaid, said)
	for i := range rows {
		if agree[i] {
			continue
		}
		for c := range NumCols {
			p.ambiguous(t3Cell(rows[i].Key, c))
		}
		var ways []string
		for _, f := range found {
			if w := strings.Join(f.cells[i], " "); !slices.Contains(ways, w) {
				ways = append(ways, w)
			}
		}
		p.warn("PARSE.AMBIGUOUS", "applications."+rows[i].Key, 0, "表三“%s%s”的数字可以读作“%s”：不在本行位置的总计是哪几行的无法确定，该行记为空，请对照原文核对",
			rows[i].Group, rows[i].Label, strings.Join(ways, "”或“"))
		if i == bad {
			p.warn("T3.ROWSUM", t3Cell(rows[i].Key, ColTotal), 0, "表三“%s%s”：无论按哪种读法（“%s”），六类申请人之和都不等于总计",
				rows[i].Group, rows[i].Label, strings.Join(ways, "”或“"))
		}
	}
	return out
}

// rowIdx is a row of 表三 as its numbers' places in t3Stream's numbers.
type rowIdx [NumCols]int

// streamNum is one of t3Stream's numbers, read once.
type streamNum struct {
	v          int64
	blank, bad bool   // (bad: neither a count nor a mark)
	h          uint64 // its text's hash
}

// streamNums are t3Stream's numbers.
type streamNums []streamNum

// hash goes on with h over the cells at ix: cells of the same texts hash
// alike wherever they stand.
func (ns streamNums) hash(h uint64, ix []int) uint64 {
	for _, k := range ix {
		h = (h ^ ns[k].h) * fnvPrime
	}
	return h
}

// same says the cells at a and b have the same texts (as far as their
// hashes tell).
func (ns streamNums) same(a, b []int) bool {
	for c := range a {
		if ns[a[c]].h != ns[b[c]].h {
			return false
		}
	}
	return true
}

// rowHash is a hash of row's cells, six of them waiting for the total when
// partial; rows' hashes XORed are their cells whatever the order they came in.
func (ns streamNums) rowHash(row int, ix []int, partial bool) uint64 {
	h := fnvOffset ^ uint64(row+1)*0x9e3779b97f4a7c15
	if partial {
		h ^= 0x5bd1e995
	}
	return ns.hash(h, ix)
}

// fnvOffset and fnvPrime are FNV-1a's starting hash and multiplier.
const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211
)

// textHash is the FNV-1a hash of s.
func textHash(s string) uint64 {
	h := fnvOffset
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// checkAhead keeps a run shared out among labels only if every row it went
// to adds up (a mark for 0 — — / 无 — counting as 0), none of it is left
// over, and the table's columns then hold;
// otherwise those rows are unreadable (PARSE.TABLE), as the run was before,
// and it says some numbers were left unplaced. What was kept is said.
func (p *parser) checkAhead(got []t3Line, blocks []*aheadRows) (unplaced bool) {
	unread := func(b *aheadRows) {
		for _, i := range b.got {
			got[i].rc = rowCells{label: got[i].rc.label, tokens: nil, spaced: true}
		}
		// the run itself, on its first row, says what could not be placed
		for _, t := range b.all {
			got[b.got[0]].rc.tokens = append(got[b.got[0]].rc.tokens, tok{s: t, center: -1})
		}
	}
	var kept []*aheadRows
	byColumn := map[*aheadRows]bool{}
	failing := -1 // (in row order, the one row of the runs that does not add up, as got's index)
	var suspect *aheadRows
	for _, b := range blocks {
		ok := len(b.rows) == 0
		fails, failed := -1, 0
		for _, i := range b.got {
			if !addsUpMarked(got[i].rc.cells) {
				ok, fails, failed = false, i, failed+1
			}
		}
		oneFails := len(b.rows) == 0 && len(b.got) >= 2 && failed == 1
		var byRow [][]string // (the cells in row order, kept for oneFails)
		if oneFails {
			for _, i := range b.got {
				byRow = append(byRow, got[i].rc.cells)
			}
		}
		if !ok && len(b.all) == NumCols*len(b.got) && len(b.got) >= 3 {
			// a PDF whose text runs down each column in turn: the k rows'
			// first cells, then their second cells …
			k := len(b.got)
			ok = true
			for r, i := range b.got {
				cells := make([]string, NumCols)
				for c := range cells {
					cells[c] = b.all[c*k+r]
				}
				got[i].rc.cells = cells
				ok = ok && addsUpMarked(cells)
			}
			byColumn[b] = ok
		}
		if !ok && oneFails && suspect == nil {
			// in row order every row but one adds up: that one may be the
			// report's own error, kept if the columns' identities then
			// fail as one wrong cell of it makes them (t3OneCellOff)
			for r, i := range b.got {
				got[i].rc.cells = byRow[r]
			}
			ok, suspect, failing = true, b, fails
		}
		if !ok {
			unread(b)
			unplaced = true
			continue
		}
		kept = append(kept, b)
	}
	if len(kept) == 0 {
		return unplaced
	}
	if suspect == nil {
		// every run's rows add up and one row of the table outside them
		// does not: the report's own error there breaks the columns'
		// identities as one wrong cell of it would (else the runs were
		// shared out wrongly)
		failing = outsideFailing(got)
	}
	// shared out wrongly, rows that each add up still break the columns'
	// identities: then nothing shared out is kept
	if !t3HoldsBut(got, failing) {
		for _, b := range kept {
			unread(b)
		}
		return true
	}
	// a row of the table not found among or beside the rows a run went to
	// may own some of its numbers, and rows that swap numbers keep the
	// columns' sums (a lost row's 88 0 … 88 given to the row after it):
	// such a run is not kept
	found := map[string]bool{}
	for _, g := range got {
		found[g.row.Key] = true
	}
	index := map[string]int{}
	for i, row := range p.r.Format.T3Rows() {
		index[row.Key] = i
	}
	safe := kept[:0:0]
	for _, b := range kept {
		lo, hi := len(index), -1
		for _, i := range b.got {
			lo, hi = min(lo, index[got[i].row.Key]), max(hi, index[got[i].row.Key])
		}
		lost := false
		for i, row := range p.r.Format.T3Rows() {
			lost = lost || i >= lo-1 && i <= hi+1 && !found[row.Key]
		}
		if lost {
			unread(b)
			unplaced = true
			continue
		}
		safe = append(safe, b)
	}
	if kept = safe; len(kept) == 0 {
		return unplaced
	}
	for _, b := range kept {
		var names []string
		for _, i := range b.got {
			names = append(names, got[i].row.Group+got[i].row.Label)
		}
		if byColumn[b] {
			p.warn("PARSE.READ", "applications."+got[b.got[0]].row.Key, b.line.No, "表三的 %d 行数字在原文中连成一串（%d 个数），与行名分开，且按栏排列（PDF 转换的文字顺序：先是各行的第一栏，再是第二栏……），按栏序每 %d 个数分给：%s；各行之和、表三各栏的勾稽关系均相符",
				len(b.got), len(b.all), len(b.got), strings.Join(names, "、"))
			continue
		}
		order := ""
		if len(b.byOrder) > 0 {
			order = fmt.Sprintf("（其中“%s”的行名不在这串数字附近，按表格的行序分给）", strings.Join(b.byOrder, "”“"))
		}
		if b == suspect {
			g := got[failing]
			p.warn("PARSE.READ", "applications."+got[b.got[0]].row.Key, b.line.No, "表三的 %d 行数字在原文中连成一串（%d 个数），与行名分开（PDF 转换的文字顺序），按行序每 7 个数分给：%s%s；除“%s%s”一行外各行之和相符，这一行与表三各栏的勾稽关系不符之处都是同一栏、同一个差额（像是原文这一格填错），按原文读取",
				len(b.got), len(b.all), strings.Join(names, "、"), order, g.row.Group, g.row.Label)
			continue
		}
		if failing >= 0 {
			g := got[failing]
			p.warn("PARSE.READ", "applications."+got[b.got[0]].row.Key, b.line.No, "表三的 %d 行数字在原文中连成一串（%d 个数），与行名分开（PDF 转换的文字顺序），按行序每 7 个数分给：%s%s；这些行之和相符，表三各栏的勾稽关系不符之处都是同一栏、同一个差额，正是“%s%s”一行之和不符之处",
				len(b.got), len(b.all), strings.Join(names, "、"), order, g.row.Group, g.row.Label)
			continue
		}
		p.warn("PARSE.READ", "applications."+got[b.got[0]].row.Key, b.line.No, "表三的 %d 行数字在原文中连成一串（%d 个数），与行名分开（PDF 转换的文字顺序），按行序每 7 个数分给：%s%s；各行之和、表三各栏的勾稽关系均相符",
			len(b.got), len(b.all), strings.Join(names, "、"), order)
	}
	return unplaced
}

// restOfWrap says what line n (label S, numbers rc) makes of g, the row
// read last, when it is the second line of g's wrapped label with the rest
// of its numbers: nothing but blank lines between them, g's label and S
// together its whole label. In a text of a cell to a line (OneEach) the
// numbers of both must be seven that add up in that order (wrapCells); in
// a page without line breaks (both pieces Segmented) they are seven that
// add up, or the row's glued digits where some cut of them does
// (wrapGlued), or else unread (wrapUnread). cells are both pieces' numbers
// in order; wrapNone where line n is no such piece.
func (p *parser) restOfWrap(g t3Line, l Line, n int, rc rowCells, S string, norms []string) (cells []string, how wrapHow) {
	segmented := g.line.Segmented && l.Segmented
	// a whole row laid out on the second piece, the first's few numbers
	// right-aligned under the row above's last columns (pdftotext -layout of
	// a Letter page: 4.保护第三方合法权益 0 0 0 0 / 5.属于三类内部事务信  0 0 0 /
	// 息  42 0 0 0 0 0 42): checked as a piece below, then wrapFull
	full := !g.rc.ok && rc.ok && !segmented && len(rc.cells) == NumCols && len(g.rc.tokens) < NumCols && !l.OneEach && !g.line.OneEach &&
		l.Fields == nil && g.line.Fields == nil && addsUpMarked(rc.cells)
	if g.rc.ok || len(g.rc.tokens) == 0 || rc.ok && !segmented && !full || !rc.ok && len(rc.tokens) == 0 || g.line.No > l.No {
		return nil, wrapNone
	}
	mid := -1
	if S == "" {
		// numbers alone after the label's rest, a line of words between
		// (pdftotext -layout of a label wrapped over three lines, its
		// numbers level with the first and the last: "1.本机关不掌握 1 0 0"
		// / "（四） 相关政府信息" / "0 0 0 1"): that line's words are S
		if segmented {
			return nil, wrapNone
		}
		for m := n - 1; m >= 0 && &p.lines[m] != g.line; m-- {
			t := trimSpace(p.lines[m].Text)
			if t == "" {
				continue
			}
			if mid >= 0 || p.lines[m].Fields != nil || strings.ContainsFunc(t, isDigit) {
				return nil, wrapNone
			}
			mid = m
		}
		if mid < 0 {
			return nil, wrapNone
		}
		S = stripGroups(totalWord(norm(p.lines[mid].Text)))
	}
	nsecond := len(rc.tokens)
	if rc.ok {
		nsecond = len(rc.cells)
	}
	if !segmented && !full && (len(g.rc.tokens)+nsecond > NumCols || len(g.rc.tokens)+nsecond < NumCols && (g.line.OneEach || nsecond == 0) || g.line.OneEach != l.OneEach || g.line.No >= l.No) {
		return nil, wrapNone
	}
	// (the label's end first: most lines are no such piece, and the
	// label's start is normalised only for those that are)
	i := slices.IndexFunc(p.r.Format.T3Rows(), func(r T3Row) bool { return r.Key == g.row.Key })
	if i < 0 || i >= len(norms) {
		return nil, wrapNone
	}
	first := stripGroups(totalWord(norm(g.rc.label)))
	rest, ok := strings.CutPrefix(norms[i], first)
	if !ok && !segmented {
		rest, ok = wrappedLabelRest(norms[i], first, g.row)
	}
	for k := range first {
		// the merged cells' pieces before the label's start on its line
		// (三、本年 （四）无 2.没有现成信息需要另行制)
		if ok || segmented {
			break
		}
		if k > 0 && besideRow(first[:k], g.row) {
			rest, ok = strings.CutPrefix(norms[i], first[k:])
		}
	}
	if !ok || rest == "" || first == "" {
		return nil, wrapNone
	}
	if S != rest && !(!segmented && moreRunes(S, 1) && strings.HasPrefix(rest, S)) {
		// a narrow page's merged group cell printed in pieces beside the
		// rows ("3.要求提供公 3" / "（五） 开出版物 0 0 0 0 0 3"): the second
		// line's words the group's piece, then the label's rest. (In a
		// laid-out text the label may go on after the second line: "关确认
		// 或重新 2" / "出具已获取信 0 1 3" / "息", on a narrow page.)
		head, ok := strings.CutSuffix(S, rest)
		if (!ok || head == "" || !besideRow(head, g.row)) && (segmented || !groupThenStart(S, rest, g.row)) {
			return nil, wrapNone
		}
	}
	for m := n - 1; m >= 0 && &p.lines[m] != g.line; m-- {
		if m != mid && trimSpace(p.lines[m].Text) != "" {
			return nil, wrapNone
		}
	}
	if full {
		return rc.cells, wrapFull
	}
	cells = append(strs(g.rc.tokens), rc.numbers()...)
	switch {
	case len(cells) == NumCols && addsUpMarked(cells):
		return cells, wrapCells
	case len(cells) == NumCols && !segmented && !l.OneEach && wellFormed(cells):
		// pdftotext -layout: the seven numbers of the two lines are the
		// row's even where they do not add up (the report's own error,
		// 0 0 0 0 / 不计其他情形） 1 0 0), each a whole cell set apart
		return cells, wrapCells
	case !segmented && len(cells) < NumCols:
		// pdftotext -layout of a report that leaves cells blank: the
		// first line's numbers squeezed after its words, where their
		// columns are lost ("…只计这一情形， 9 0 0 0" / "不计其他情形） 0 9"):
		// the row's, its blanks not placed
		return cells, wrapBlanks
	case !segmented:
		return nil, wrapNone
	case len(cells) < NumCols && (!slices.ContainsFunc(cells, isPlaceholder) || markedReadsSomehow(cells)) && !neverAddingUp(cells):
		// (a page without line breaks, the two lines' digits glued,
		// "…申请15" / "数量13100332": cut as any row of glued digits is,
		// blanks allowed, the table's identities choosing among the cuts
		// that add up)
		return cells, wrapGlued
	}
	// a page without line breaks whose two pieces' numbers together are
	// no row: a neighbour's digits ran in (the text's order), and the
	// second piece's alone are not the row's either
	return cells, wrapUnread
}

// loneCell says what line n (label S, numbers rc) makes of g, the row read
// last, when g's numbers stood on a line of their own, fewer than its cells,
// and line n is a middle piece of g's wrapped label with numbers after it:
// pdf.js's text (officeparser, pdf-parse) of Chromium's PDF puts a row's
// numbers on a line of their own but one of them, printed a hair lower, at
// the end of the label's middle line ("2.没有现成信" / "0 0 0  0 0 1" / "供" /
// "息需要另行制 1" / "作"). That is no blank: the line of numbers keeps the
// missing cell's place as the one wider gap, and the number goes there
// (wrapCells); without such a gap its place is not known, nor are the places
// of a report's that leaves cells blank, fewer than seven (wrapUnread).
func (p *parser) loneCell(g t3Line, l Line, n int, rc rowCells, S string, norms []string) (cells []string, how wrapHow) {
	if g.rc.ok || len(g.rc.tokens) == 0 || rc.ok || len(rc.tokens) == 0 || len(g.rc.tokens)+len(rc.tokens) > NumCols || g.line.No >= l.No || g.line.Segmented || l.Segmented {
		return nil, wrapNone
	}
	i := t3RowAt(p.r.Format.T3Rows(), g.row.Key)
	if i < 0 || i >= len(norms) || !moreRunes(S, 1) || strings.HasPrefix(norms[i], S) || strings.HasSuffix(norms[i], S) || !strings.Contains(norms[i], S) {
		return nil, wrapNone // (a label's last piece with numbers after it: restOfWrap's)
	}
	// (g's numbers alone on their line, or after its label's first piece,
	// the lines joined: "2.没有现成信	0	1")
	if first := stripGroups(totalWord(norm(g.rc.label))); first != "" && (!strings.HasPrefix(norms[i], first) || len(first) >= len(norms[i])) {
		return nil, wrapNone
	}
	// between them only blank lines and pieces of the group's merged cell
	// (（四）无法提供's 供)
	m := n - 1
	for ; m >= 0 && &p.lines[m] != g.line; m-- {
		t := norm(p.lines[m].Text)
		if t != "" && (strings.ContainsFunc(t, isDigit) || !besideRow(t, g.row)) {
			return nil, wrapNone
		}
	}
	cells = append(strs(g.rc.tokens), rc.numbers()...)
	switch {
	case m < 0:
		return nil, wrapNone
	case len(cells) < NumCols:
		return cells, wrapUnread // a report that leaves cells blank: no places
	case len(rc.tokens) > 1:
		return cells, wrapUnread // (one gap places one number)
	}
	cells = strs(g.rc.tokens)
	gap := -1
	for j := 1; j < len(g.rc.tokens); j++ {
		switch w := g.rc.tokens[j].start - g.rc.tokens[j-1].end; {
		case w == 2 && gap < 0:
			gap = j
		case w != 1:
			return cells, wrapUnread // no one wider gap among single spaces
		}
	}
	if gap < 0 {
		return cells, wrapUnread
	}
	return slices.Insert(cells, gap, rc.tokens[0].s), wrapCells
}

// unjoinBeforeBare leaves unread, said, a row of a report that leaves cells
// blank (and writes no mark for them) whose numbers were joined from its
// wrapped label's two pieces in a page without line breaks when the row
// after it shows no numbers of its own: the second piece's may be that
// row's, whose label the text put after
// them ("二、上年结转政府信息公开申 0 0 0 请数量 3 1 2 6 三、本 （一）予以公开 年度办
// …": 3 1 2 6 are （一）'s; 0+0+0+3+1+2 = 6 by chance).
func (p *parser) unjoinBeforeBare(got []t3Line) {
	rows := p.r.Format.T3Rows()
	marked := func(t string) bool { return isPlaceholder(t) || strings.ContainsFunc(t, dashLike) }
	for k := range got {
		g := &got[k]
		if !g.joined || g.unread {
			continue
		}
		at := slices.IndexFunc(rows, func(r T3Row) bool { return r.Key == g.row.Key })
		if at < 0 || at+1 >= len(rows) {
			continue
		}
		if slices.ContainsFunc(g.rc.cells, marked) || slices.ContainsFunc(strs(g.rc.tokens), marked) {
			continue // a row that marks its blanks (28 ————— 28) lost none
		}
		next := slices.IndexFunc(got, func(x t3Line) bool { return x.row.Key == rows[at+1].Key })
		if next >= 0 && (got[next].rc.ok || len(got[next].rc.tokens) > 0) {
			continue
		}
		read := strings.Join(g.rc.cells, " ")
		if !g.rc.ok {
			read = strings.Join(strs(g.rc.tokens), " ")
		}
		g.rc, g.unread = rowCells{label: g.rc.label}, true
		p.warn("PARSE.TABLE", "applications."+g.row.Key, g.line.No, "表三“%s%s”的行名折成两段，合起来的数字（%s）可能有一部分属于下一行“%s%s”：本报告有空白的单元格，而下一行没有读到自己的数字，该行记为空，请对照原文核对",
			g.row.Group, g.row.Label, read, rows[at+1].Group, rows[at+1].Label)
	}
}

// wrappedLabelRest is what of a row's label L follows first, the words of
// a line of it that ends in numbers, in a laid-out text: first may be the
// middle of a label wrapped over more lines ("5.要求行政机" / "关确认或重新 2"
// / "出具已获取信 0 1 3" / "息"), after a piece of the merged group cell
// beside it ("（四） 2.没有现成信" / "无法提 息需要另行制 0" / "供 作 0 0 0 0 2
// 2": 无法提 is group's).
func wrappedLabelRest(L, first string, row *T3Row) (string, bool) {
	for c := range first {
		if c > 0 && !besideRow(first[:c], row) {
			break
		}
		tail := first[c:]
		if at := strings.Index(L, tail); at > 0 && moreRunes(tail, 2) {
			return L[at+len(tail):], true
		}
	}
	return "", false
}

// numbersBeforeFirstRows settles 表三's first rows where the text may put
// their numbers before their labels (pdftotext's default text of a narrow
// or Letter print: header / 0 1 2 3 0 2 8 / 一、本年新收… / 0 0 0 2 2 2 6 /
// 二、上年结转… / 0 1 2 4 0 2 9 / 三、本年度 （一）予以公开 / （二）部分公开… 0 0
// 0 0): the rows from the first read numbers up to one read without any, a
// later row read, and seven numbers that add up (in a report that leaves
// cells blank, as many as the first row's may be, adding up so) stand
// between the header and the first label, no row's. Each row may be read
// from the numbers after its label or before it. Read one row up, where
// every row of the table is read and both of 表三's column identities hold,
// that reading is taken; else those rows are unread, both readings said
// (they had been read from the numbers after, silently one row off).
func (p *parser) numbersBeforeFirstRows(got []t3Line, rows []T3Row, seen []bool, lo int) []t3Line {
	k, short := 0, false // the first row without numbers; a row before it short of its cells (blanks)
	for k < len(got) && got[k].row == &rows[k] && (got[k].rc.ok || len(got[k].rc.tokens) > 0) && !got[k].unread {
		short = short || !got[k].rc.ok
		k++
	}
	if k == 0 || k >= len(rows)-1 || slices.ContainsFunc(got, func(g t3Line) bool { return g.row == &rows[k] }) ||
		!slices.ContainsFunc(got, func(g t3Line) bool { return t3RowAt(rows, g.row.Key) > k }) {
		return got
	}
	first := p.lineIndex(got[0].line)
	if first <= lo {
		return got
	}
	var before []string // the numbers right before the first row's line, in order
	var from *Line
	for m := first - 1; m > lo && len(before) < NumCols; m-- {
		t := trimSpace(p.lines[m].Text)
		if t == "" {
			continue
		}
		if slices.ContainsFunc(got, func(g t3Line) bool { return g.line == &p.lines[m] }) {
			return got // (a row's own numbers)
		}
		if numberish(t) {
			before, from = append(strs(tokens(t)), before...), &p.lines[m]
			continue
		}
		if rc := splitLabel(p.lines[m], NumCols); rc.ok && len(before) == 0 {
			before, from = rc.cells, &p.lines[m] // (joined after the header's last words)
		}
		break
	}
	switch {
	case len(before) == NumCols && addsUpMarked(before):
	case short && len(before) > 0 && len(before) < NumCols && wellFormed(before) && !noPlacingAddsUp(tokens(strings.Join(before, " "))):
		// (a report that leaves cells blank: as many as the row has)
	default:
		return got
	}
	vals := make([][]string, len(rows))
	for _, g := range got {
		if i := t3RowAt(rows, g.row.Key); i >= 0 && g.rc.ok && !g.unread {
			vals[i] = g.rc.cells
		}
	}
	shifted := slices.Clone(vals)
	shifted[0] = before
	for i := 1; i <= k; i++ {
		shifted[i] = vals[i-1]
	}
	names := make([]string, k+1)
	for i := range names {
		names[i] = rows[i].Group + rows[i].Label
	}
	if !short && len(before) == NumCols && t3CellsHold(rows, shifted, true) && t3CellsHold(rows, shifted, false) {
		last := got[k-1].line
		for i := k - 1; i >= 1; i-- {
			got[i].rc = rowCells{label: got[i].rc.label, cells: shifted[i], ok: true}
			got[i].line = got[i-1].line
		}
		got[0].rc = rowCells{label: got[0].rc.label, cells: before, ok: true}
		got[0].line = from
		got = slices.Insert(got, k, t3Line{row: &rows[k], rc: rowCells{label: rows[k].Label, cells: shifted[k], ok: true}, line: last})
		seen[k] = true
		for i := 0; i <= k; i++ {
			p.r.setLine(rows[i].Key, got[i].line.No)
		}
		p.warn("PARSE.READ", "applications."+rows[0].Key, from.No, "表三前 %d 行（“%s”）的数在原文中都排在各自的行名之前（PDF 转换的文字顺序：表头之后先是第一行的数，“%s”的行名之后没有数），按此读取，表三各栏的勾稽关系都相符，请对照原文核对",
			k+1, strings.Join(names, "”“"), names[k])
		return got
	}
	var after []string
	for i := range k {
		after = append(after, strings.Join(got[i].rc.numbers(), " "))
		got[i].rc, got[i].unread = rowCells{label: got[i].rc.label}, true
	}
	p.warn("PARSE.AMBIGUOUS", "applications", from.No, "表三前 %d 行（“%s”）的数在原文中与行名分开排列：表头之后先有 %d 个数（%s），“%s”的行名之后没有数，各行的数可能在行名之前，也可能在行名之后（%s），无法确定，这几行记为空，请对照原文核对",
		k+1, strings.Join(names, "”“"), len(before), strings.Join(before, " "), names[k], strings.Join(after, "；"))
	return got
}

// endAfterPiece says S is a piece of the merged cells beside row, then the
// end of its label L after pend, the label's start on the line before (a
// landscape page: "（六）其他处 2.申请人逾期…不再处理其政府" / "理 信息公开申请
// 0 1 0 0 0 0 1", the words 1.'s label ends with too).
func endAfterPiece(S, pend, L string, row *T3Row) bool {
	return pieceThen(S, row, func(w string) bool { return strings.HasSuffix(L, pend+w) })
}

// groupThenStart says S is a piece of the merged cells beside row, then the
// start of rest, the row's label after its line before, which goes on after
// S (a laid-out text's label wrapped over four lines beside its group's
// pieces: "（六） 1.申请人无正当理由逾" / "其他处 期不补正、行政机关不 1 0" /
// "理 再处理其政府信息公开 0 0 1" / "申请").
func groupThenStart(S, rest string, row *T3Row) bool {
	return pieceThen(S, row, func(w string) bool { return strings.HasPrefix(rest, w) })
}

// pieceThen says S is a piece of the merged cells beside row followed by
// words of more than one character that fit says are the label's.
func pieceThen(S string, row *T3Row, fit func(words string) bool) bool {
	for c := range S {
		if c > 0 && besideRow(S[:c], row) && moreRunes(S[c:], 1) && fit(S[c:]) {
			return true
		}
	}
	return false
}

// besideRow says s (normalised) is a piece of the merged cells beside
// row: its group's (（三）不予公开) or, for an outcome's row, 三、本年度办理
// 结果's ("度办" / "理结" beside （二）部分公开's wrapped label).
func besideRow(s string, row *T3Row) bool {
	group, outcomes := norm(row.Group), norm(T3Group)
	if strings.Contains(group, s) || row.Kind == RowOutcome && strings.Contains(outcomes, s) {
		return true
	}
	if row.Kind != RowOutcome || group == "" {
		return false
	}
	// both merged cells' pieces on the line, 三、本年度办理结果's then the
	// group's (度办理结 法提供 beside （四）2.'s wrapped label's end)
	for k := range s {
		if k > 0 && strings.Contains(outcomes, s[:k]) && strings.Contains(group, s[k:]) {
			return true
		}
	}
	return false
}

// startsT3Label says s, less a mark glued to its end, is the start of a
// row's label of 表三 (either format, its group's words left out) and not
// all of it: a wrapped label's first line.
func startsT3Label(s string) bool {
	r, size := utf8.DecodeLastRuneInString(s)
	if !dashLike(r) {
		return false
	}
	S := stripGroups(norm(s[:len(s)-size]))
	if !moreRunes(S, 3) {
		return false
	}
	for _, f := range []Format{Format2021, Format2019} {
		for _, row := range f.T3Rows() {
			if L := norm(row.Label); len(L) > len(S) && strings.HasPrefix(L, S) {
				return true
			}
		}
	}
	return false
}

// markedReadsSomehow says some reading of a row's marks and digits as seven
// cells adds up (a mark counting 0).
func markedReadsSomehow(toks []string) bool {
	cuts, _ := markedReadingsAny(toks, NumCols, 64, "")
	return slices.ContainsFunc(cuts, addsUpMarked)
}

// wrapHow is what restOfWrap makes of a wrapped label's two pieces.
type wrapHow int

const (
	wrapNone   wrapHow = iota // not one row's pieces
	wrapCells                 // the row's seven cells, adding up
	wrapGlued                 // the row's glued digits, to be cut
	wrapUnread                // the row's, but no reading: unread
	wrapBlanks                // the row's, fewer than its cells on lines apart: unread
	wrapFull                  // the row's seven cells all on the second piece, adding up: the first's numbers not its
)

// outsideFailing is the index in got of the one row read as seven cells that
// does not add up, or -1 when none or more than one does (or a row is not
// read as seven).
func outsideFailing(got []t3Line) int {
	failing := -1
	for i, g := range got {
		if !g.rc.ok {
			return -1
		}
		if !addsUpMarked(g.rc.cells) {
			if failing >= 0 {
				return -1
			}
			failing = i
		}
	}
	return failing
}

// t3ColumnsHold says the rows read so far satisfy 表三's column identities
// (（七）总计 = the outcomes; 新收 + 结转 = 总计 + 结转下年度), every row present.
func t3ColumnsHold(got []t3Line) bool {
	off, ok := t3ColumnsOff(got)
	return ok && len(off) == 0
}

// t3HoldsBut says the rows read so far hold 表三's columns, or, with a row
// got[bad] that does not add up (bad ≥ 0), break them only as its one wrong
// cell would (t3OneCellOff).
func t3HoldsBut(got []t3Line, bad int) bool {
	if bad < 0 {
		return t3ColumnsHold(got)
	}
	return t3OneCellOff(got, bad)
}

// t3OneCellOff says the rows read so far, every row present, break 表三's
// column identities as one wrong cell of the row got[bad] (a row that does
// not add up by d) would: in one column only, each identity off by 0 or
// by d, one of them by d.
func t3OneCellOff(got []t3Line, bad int) bool {
	off, ok := t3ColumnsOff(got)
	if !ok || len(off) != 1 {
		return false
	}
	// (a blank cell counts 0, as in the identities)
	v := make([]int64, len(got[bad].rc.cells))
	for i, c := range got[bad].rc.cells {
		if c == "" {
			continue
		}
		if v[i], ok = countValue(c); !ok {
			return false
		}
	}
	var d int64 // the six applicants' sum less the total
	for _, x := range v[:NumCols-1] {
		d += x
	}
	abs := func(x int64) int64 { return max(x, -x) }
	d = abs(d - v[NumCols-1])
	for _, o := range off {
		a, b := abs(o[0]), abs(o[1])
		if d == 0 || a != d && b != d || a != 0 && a != d || b != 0 && b != d {
			return false
		}
	}
	return true
}

// t3ColumnsOff is how the rows read so far break 表三's column identities,
// by column: the outcomes' sum less （七）总计, and 新收 + 结转 less 总计 and
// 结转下年度, for each column off. ok is false unless every row is present
// and read as counts (a mark for 0 counting 0).
func t3ColumnsOff(got []t3Line) (off map[int][2]int64, ok bool) {
	vals := map[string][]string{}
	var outcomes []string
	for _, g := range got {
		if !g.rc.ok {
			return nil, false
		}
		vals[g.row.Key] = g.rc.cells
		if g.row.Kind == RowOutcome {
			outcomes = append(outcomes, g.row.Key)
		}
	}
	num := func(key string, c int) (int64, bool) {
		row, ok := vals[key]
		if !ok {
			return 0, false
		}
		cl := toCell(row[c])
		return cl.Val(), !cl.IsInvalid() || isPlaceholder(trimSpace(row[c])) // a mark for 0 (— / 无) is 0
	}
	off = map[int][2]int64{}
	for c := 0; c < NumCols; c++ {
		var sum int64
		for _, k := range outcomes {
			v, ok := num(k, c)
			if !ok {
				return nil, false
			}
			sum += v
		}
		t, ok1 := num("total", c)
		n, ok2 := num("new", c)
		in, ok3 := num("carried_in", c)
		out, ok4 := num("carried_forward", c)
		if !ok1 || !ok2 || !ok3 || !ok4 {
			return nil, false
		}
		if sum != t || n+in != t+out {
			off[c] = [2]int64{sum - t, n + in - t - out}
		}
	}
	return off, true
}

// wholeGroup is a group of 表三 rows written as one row with numbers.
type wholeGroup struct {
	norm string
	line *Line
	rc   rowCells
}

// wholeGroups says what a group written as one row holds, where the format
// splits it into rows none of which the table has: the numbers cannot be
// shared out among them, so the rows stay null (not "not found" one by one).
func (p *parser) wholeGroups(rows []T3Row, seen []bool, whole []wholeGroup) {
	for _, w := range whole {
		var label string
		var keys []int
		for i := range rows {
			if norm(rows[i].Group) == w.norm {
				label = rows[i].Group
				keys = append(keys, i)
			}
		}
		if len(keys) == 0 || slices.ContainsFunc(keys, func(i int) bool { return seen[i] }) {
			continue
		}
		nums := strings.Join(w.rc.cells, " ")
		if !w.rc.ok {
			nums = strings.Join(strs(w.rc.tokens), " ")
		}
		for _, i := range keys {
			seen[i] = true
			for c := 0; c < NumCols; c++ {
				p.ambiguous(t3Cell(rows[i].Key, c))
			}
		}
		p.warn("PARSE.TABLE", "applications."+rows[keys[0]].Key[:strings.IndexByte(rows[keys[0]].Key, '.')], w.line.No,
			"表三“%s”只有一行（%s），没有分为格式要求的 %d 个子项（2019 年试行格式的写法，或转换打乱了次序、子项的行名不在数字旁）：这些数无法分到各子项，各子项记为空，请对照原文核对", label, nums, len(keys))
	}
}

// missingRows says which of the template's rows the table has no line of,
// not even a label without numbers (a blank row, which CELL.BLANK reports):
// their cells stay null and the finding says the row was not found, where a
// blank cell's warning would say the report left it empty.
func (p *parser) missingRows(rows []T3Row, seen []bool) {
	for i := range rows {
		if seen[i] {
			continue
		}
		if p.missing3 == nil {
			p.missing3 = make([]bool, len(rows))
		}
		p.missing3[i] = true
		for c := 0; c < NumCols; c++ {
			p.ambiguous(t3Cell(rows[i].Key, c))
		}
		p.warn("PARSE.TABLE", "applications."+rows[i].Key, 0, "表三中未找到“%s%s”这一行（行名可能与其他文字混在一起或被删去），该行记为空，请对照原文核对",
			rows[i].Group, rows[i].Label)
	}
}

// wrappedMatch is the row whose label runs over a line of numbers whose own
// words (S) match none, told by those words joined to the words of the lines
// without numbers after it (one or two: the label's end) or, when S has no
// row number, before it too (its start, when the numbers stand beside the
// label's middle, as in a narrow column), matched as a misread label; -1
// when none. The joined label has a row's number near its start, as every
// label has after its group's words (a converter's generic 数值 is no
// label's start), and a line after it that starts with a number of its own
// (a row's, a heading's) is no wrap.
func (p *parser) wrappedMatch(S string, n, lo, hi int, norms []string, next int) (int, bool) {
	if !moreRunes(S, 1) {
		return -1, false
	}
	words := func(k int) (string, bool) {
		l := p.lines[k]
		rc := splitLabel(l, NumCols)
		if rc.ok || len(rc.tokens) > 0 {
			return "", false
		}
		// no digit but a row's own number ("数据1" of a converter's
		// header, a page's "3/9" are not a label's words)
		w := stripGroups(norm(rc.label))
		return w, w != "" && !moreRunes(w, 40) && !innerDigits(w)
	}
	// empty lines are passed over (a page's furniture is blanked, and a
	// page break may fall inside a label), a few of them
	var after, before []string
	lastWords := make([]string, 0, 2) // each line after's last word: the label column's, the merged columns' pieces before it left out
	whole := true                     // the lines after so far are the label's words, whole
	for k := n + 1; k < min(hi, n+8) && len(lastWords) < 2; k++ {
		if trimSpace(p.lines[k].Text) == "" {
			continue
		}
		w, ok := words(k)
		if !ok {
			break
		}
		last := w
		f := strings.Fields(p.lines[k].Text)
		if len(f) > 1 {
			last = stripGroups(norm(f[len(f)-1]))
		}
		if itemNumbered(trimSpace(p.lines[k].Text)) {
			// another row's start; or, in a narrow grid, a piece of the
			// merged 三、本年度办理结果 before the label's end (三、本 / 供 /
			// 行制作): only the last word is the label's
			if len(f) < 2 || !groupPiece(norm(f[0]), nil) {
				break
			}
			whole = false
		}
		if whole {
			after = append(after, w)
		}
		lastWords = append(lastWords, last)
	}
	for k := n - 1; k >= max(lo, n-8) && len(before) < 2; k-- {
		if trimSpace(p.lines[k].Text) == "" {
			continue
		}
		w, ok := words(k)
		if !ok {
			break
		}
		before = append([]string{w}, before...)
	}
	try := func(joined string) (int, bool) {
		if joined == S || !moreRunes(joined, 3) || !numberNearStart(joined) {
			return -1, false
		}
		j, fuzzy := matchT3(joined, joined, norms, next)
		return j, j >= 0 && fuzzy
	}
	// words with a row's number are a label's start, and only its end is
	// looked for after them (pdftotext -layout prints the numbers on a
	// wrapped label's first line); words without are its middle, and its
	// start is looked for before them (a label alone above is another row's
	// when this line has a number of its own: 3.口口 after 2.申请人…申请)
	b0 := 1
	if numberNearStart(S) {
		before, b0 = nil, 0
	}
	for b := b0; b <= len(before); b++ {
		head := strings.Join(before[len(before)-b:], "")
		for a := 0; a <= len(after); a++ {
			if j, ok := try(head + S + strings.Join(after[:a], "")); ok && (b == 0 || !p.brokenMap() || !laterRowsWords(S, norms, j)) {
				// (a line with the numbers whose words are a later row's
				// is not the end of the label above it)
				return j, true
			}
		}
	}
	if b0 == 0 && !slices.Equal(lastWords, after) {
		// a narrow grid's lines after: pieces of the merged columns'
		// words, then the label's (本年 提供 要另行制作)
		for a := 1; a <= len(lastWords); a++ {
			if j, ok := try(S + strings.Join(lastWords[:a], "")); ok {
				return j, true
			}
		}
	}
	return -1, false
}

// numberNearStart says a numeral is among the first 8 characters of s.
func numberNearStart(s string) bool {
	k := 0
	for _, r := range s {
		if numeralKind(r) != 0 {
			return true
		}
		if k++; k == 8 {
			break
		}
	}
	return false
}

// itemNumbered says a line starts with an item's number: 一、 （七） 3.
// (after a Markdown heading's marks).
func itemNumbered(t string) bool {
	t = strings.TrimLeft(t, "#> \u3000")
	t = strings.TrimPrefix(strings.TrimPrefix(t, "（"), "(")
	r, size := utf8.DecodeRuneInString(t)
	if numeralKind(r) == 0 {
		return false
	}
	for numeralKind(r) != 0 && size < len(t) {
		var k int
		r, k = utf8.DecodeRuneInString(t[size:])
		size += k
	}
	return strings.ContainsRune("、.．）)，, \u3000", r)
}

// waitedAbove says the row right above the last row read with numbers
// (got's last, next's neighbour above) was read without numbers: laid-out
// numbers alone after that row may be the waiting row's as well as the next
// one's. pdftotext -layout of a merged cell centred between two rows
// ((三)不予公开's 不 / 予公开 beside 4. and 5.) may set their numbers out of
// order (5.属于三类内部事务信息 222 / 111 111 / 222: 4.'s 111 111 and 5.'s
// 222 222).
func waitedAbove(got []t3Line, rows []T3Row, seen []bool, next int) bool {
	if len(got) == 0 {
		return false
	}
	m := t3RowAt(rows, got[len(got)-1].row.Key)
	return m >= 1 && next == m+1 && seen[m-1] && !slices.ContainsFunc(got, func(g t3Line) bool { return g.row.Key == rows[m-1].Key })
}

// lostRow is a line of 表三 with a row's numbers whose label matched no
// row: its place among the parser's lines and its cells.
type lostRow struct {
	at int
	rc rowCells
}

// rowsInGaps reads a line of seven numbers whose label matched no row as
// the row of the template that the table lacks where the line stands: the
// one row not found between two rows read with their numbers (or before the
// second row, or after the last but one), that line the only one between
// them with numbers. An OCR misreads a label past knowing where a merged
// cell's words run into it ("三汪让全下仙关而总放出只  0 0 0 0 0 0 0" for
// （五）'s 5.要求行政机关确认或重新出具已获取信息); the table's order tells
// the row, as the issue's "template order" asks. A misread label says the
// numbers beside it may be misread too (an OCR's 1 for 4), so the rows so
// placed must make 表三's column identities they take part in hold, every
// row of those read (the outcomes' sums and 总计; the balance of 一, 二, 总计
// and 四): otherwise none of them is placed and they stay not found. Said
// by PARSE.READ with the words read; the lines placed are returned.
func (p *parser) rowsInGaps(got *[]t3Line, rows []T3Row, seen []bool, lost []lostRow) map[*Line]bool {
	if len(lost) == 0 || len(*got) == 0 {
		return nil
	}
	at := make([]int, len(rows)) // the line of each row read with numbers, else -1
	for i := range at {
		at[i] = -1
	}
	var taken []int // the lines of every row read with numbers
	for _, g := range *got {
		if n := p.lineIndex(g.line); n >= 0 && g.rc.ok && !g.unread {
			at[t3RowAt(rows, g.row.Key)] = n
			taken = append(taken, n)
		}
	}
	between := func(lo, hi int) (k int, ok bool) {
		k = -1
		for i, m := range lost {
			if m.at > lo && m.at < hi {
				if k >= 0 {
					return -1, false
				}
				k = i
			}
		}
		return k, k >= 0 && !slices.ContainsFunc(taken, func(n int) bool { return n > lo && n < hi })
	}
	type gap struct{ row, lost int }
	var gaps []gap
	for i := range rows {
		switch {
		case seen[i], i > 0 && at[i-1] < 0, i+1 < len(rows) && at[i+1] < 0, i == 0 && i+1 == len(rows):
			continue
		}
		lo, hi := -1, len(p.lines)
		if i > 0 {
			lo = at[i-1]
		}
		if i+1 < len(rows) {
			hi = at[i+1]
		}
		if k, ok := between(lo, hi); ok {
			gaps = append(gaps, gap{i, k})
		}
	}
	if len(gaps) == 0 {
		return nil
	}
	// every row's numbers, the gaps' placed: the identities they take part
	// in must hold
	vals := make([][]string, len(rows))
	for _, g := range *got {
		if g.rc.ok && !g.unread {
			vals[t3RowAt(rows, g.row.Key)] = g.rc.cells
		}
	}
	for _, g := range gaps {
		vals[g.row] = lost[g.lost].rc.cells
	}
	for _, g := range gaps {
		kind := rows[g.row].Kind
		if (kind == RowOutcome || kind == RowTotal) && !t3CellsHold(rows, vals, true) || kind != RowOutcome && !t3CellsHold(rows, vals, false) {
			return nil
		}
	}
	placed := map[*Line]bool{}
	for _, g := range gaps {
		i, m := g.row, lost[g.lost]
		l := &p.lines[m.at]
		seen[i] = true
		// (in the table's order: the rows after it are read later)
		j := slices.IndexFunc(*got, func(t t3Line) bool { return t3RowAt(rows, t.row.Key) > i })
		if j < 0 {
			j = len(*got)
		}
		*got = slices.Insert(*got, j, t3Line{row: &rows[i], rc: m.rc, line: l})
		p.r.setLine(rows[i].Key, l.No)
		placed[l] = true
		var where string
		switch {
		case i == 0:
			where = "在“" + rows[i+1].Label + "”一行之前"
		case i+1 == len(rows):
			where = "在“" + rows[i-1].Label + "”一行之后"
		default:
			where = "在“" + rows[i-1].Group + rows[i-1].Label + "”与“" + rows[i+1].Group + rows[i+1].Label + "”两行之间"
		}
		p.warn("PARSE.READ", "applications."+rows[i].Key, l.No, "表三第 %d 行的行名“%s”与格式的任何一行都对不上（多半是识别或转换有误），它%s，正是表中缺少的“%s%s”一行的位置，按该行读取（表三各栏的勾稽关系因此成立）：%s",
			l.No, trimSpace(m.rc.label), where, rows[i].Group, rows[i].Label, strings.Join(m.rc.cells, " "))
	}
	return placed
}

// lineIndex is the index of l among the parser's lines, -1 when it is none
// of them (a line made for a reading).
func (p *parser) lineIndex(l *Line) int {
	for n := range p.lines {
		if &p.lines[n] == l {
			return n
		}
	}
	return -1
}

// t3CellsHold says 表三's column identities hold in every column with the
// rows' cells as written, vals by the template's row (nil where a row was
// not read): the outcomes' sum is （七）总计 (outcomes), or 一 plus 二 is 总计
// plus 四 (else), every row of it read, a mark for 0 counting 0.
func t3CellsHold(rows []T3Row, vals [][]string, outcomes bool) bool {
	var s t3Sums
	for i, row := range rows {
		if (row.Kind == RowOutcome) != outcomes && row.Kind != RowTotal {
			continue
		}
		if vals[i] == nil {
			return false
		}
		for c, x := range vals[i] {
			x = trimSpace(x)
			cl := toCell(x)
			if (cl.IsInvalid() || cl.Blank()) && !isPlaceholder(x) {
				return false
			}
			s.add(row.Kind, c, cl.Val())
		}
	}
	for c := range NumCols {
		if outcomes && s.outcomes[c] != s.tot[c] || !outcomes && s.nw[c]+s.in[c] != s.tot[c]+s.fwd[c] {
			return false
		}
	}
	return true
}

// tailBeforeLabels says the last rows of 表三 hold numbers that stand before
// their labels, not after: the table's last label read without a number
// after it, up to the table's end, while rows before it read their numbers
// from lines of numbers alone after their labels (pdftotext's default text
// of a table set large: 3.其他 / 45 2 2 / 2 / 4 0 55 / （七）总计 / 0 0 0 / 0 /
// 1 0 1 / 四、结转下年度继续办理 — 总计's numbers after 3.其他's label, 四's
// after 总计's), numbers alone that no row took standing right before the
// first of them (3.其他's own). Each such row after the last row read from
// its own label's line, read with seven numbers, may hold the next row's:
// unread, said once.
func (p *parser) tailBeforeLabels(got []t3Line, rows []T3Row, seen []bool, norms []string, lo, hi int) {
	last := len(rows) - 1
	if last < 1 || !seen[last] || lo < 0 || slices.ContainsFunc(got, func(g t3Line) bool { return g.row == &rows[last] }) {
		return
	}
	at := -1 // the last label's line
	for n := min(hi, len(p.lines)) - 1; n >= lo && at < 0; n-- {
		if L := totalWord(norm(p.lines[n].Text)); L != "" && strings.HasSuffix(L, norms[last]) {
			at = n
		}
	}
	if at < 0 {
		return
	}
	for n := at + 1; n < min(hi, len(p.lines)); n++ {
		if strings.ContainsFunc(p.lines[n].Text, isDigit) {
			return // (its numbers after it, or a page's foot: not this text)
		}
	}
	// (numbers alone after a label: on lines of their own, or taken in
	// after its line by joinCellLines)
	alone := func(g t3Line) bool {
		_, joined := p.laidOne[g.line.No]
		return joined || g.line.OneEach || trimSpace(g.rc.label) == ""
	}
	from := 0 // after the last row read from its own label's line
	for k, g := range got {
		if !alone(g) && (g.rc.ok || len(g.rc.tokens) > 0) {
			from = k + 1
		}
	}
	// and numbers that no row took right before the first such row's label
	// (3.其他's own, 0 0 0 / 0 / 0 0 0, before it, joined to the end of the
	// row above's wrapped label): a report that leaves its last row blank
	// has none there
	if from == 0 || from >= len(got) {
		return
	}
	a, b := p.lineIndex(got[from-1].line), p.lineIndex(got[from].line)
	stray := false
	for n := a + 1; n >= 1 && n < b && !stray; n++ {
		rc := splitLabel(p.lines[n], NumCols)
		stray = (rc.ok || len(rc.tokens) > 0) && !slices.ContainsFunc(got, func(g t3Line) bool { return g.line == &p.lines[n] })
	}
	if !stray {
		return
	}
	var said []string
	for k := from; k < len(got); k++ {
		g := &got[k]
		if g.unread || !g.rc.ok || g.line.No > p.lines[at].No || !alone(*g) {
			continue // (a row short of numbers is not read anyway)
		}
		said = append(said, fmt.Sprintf("“%s%s”（%s）", g.row.Group, g.row.Label, strings.Join(g.rc.cells, " ")))
		g.rc, g.unread = rowCells{label: g.rc.label}, true
	}
	if len(said) == 0 {
		return
	}
	p.warn("PARSE.TABLE", "applications", p.lines[at].No, "表三最后一行“%s”的行名之后没有数：表格末尾几行的数排在各自的行名之前（PDF 转换的文字顺序），前几行行名之后单独几行的数可能是下一行的，这些行记为空（%s），请对照原文核对",
		rows[last].Label, strings.Join(said, "、"))
}

// droppedLine is a line of a row's numbers whose label matched no row
// (the first such), and which rows of 表三 had a label read.
type droppedLine struct {
	line *Line
	seen []bool
	all  []*Line // every such line (the first eight)
}

// droppedNumbers says the rows of 表三 whose labels were read without
// numbers are unread, not left blank, when the table has a line of a row's
// numbers whose label matched no row: the numbers may be theirs, under a
// label misread past knowing (CELL.BLANK would blame the report, and 表三's
// sums would count the row as 0). Rows said unread otherwise (apartNumbers)
// are not said again.
func (p *parser) droppedNumbers() {
	d := p.dropped3
	if d.line == nil {
		return
	}
	r := p.r
	said := false
	for i, row := range r.Format.T3Rows() {
		if i >= len(d.seen) || !d.seen[i] || r.Meta.Ambiguous[t3Cell(row.Key, 0)] {
			continue
		}
		if v := r.Applications[row.Key]; slices.ContainsFunc(v[:], func(c Cell) bool { return !c.Blank() }) {
			continue
		}
		for c := 0; c < NumCols; c++ {
			p.ambiguous(t3Cell(row.Key, c))
		}
		p.warn("PARSE.TABLE", "applications."+row.Key, d.line.No, "表三“%s%s”的行名读到了，但没有读到数字；表中第 %d 行的数字（%s）的行名无法与任何一行对应（可能识别有误），它们可能是该行的，该行记为空，请对照原文核对",
			row.Group, row.Label, d.line.No, strings.Join(strings.Fields(d.line.Text), " "))
		said = true
	}
	if said || slices.Contains(p.missing3, true) {
		return
	}
	// every row of the format found and read: a row of seven numbers
	// under a label of none is a row the report added ("其中：网上申请"
	// under 一), said as 表二's is, not a number lost
	norms := t3Norms(r.Format)
	for _, l := range d.all {
		rc := splitLabel(*l, NumCols)
		if L := stripGroups(norm(rc.label)); !moreRunes(L, 3) || slices.ContainsFunc(norms, func(n string) bool { return strings.Contains(n, L) }) {
			continue // a piece of a row's wrapped label ("请数量"), its numbers read by another way
		}
		p.warn("PARSE.READ", "applications", l.No, "表三有“%s”一行（%s），%s的表格没有这一行，未读取",
			trimSpace(rc.label), strings.Join(rc.cells, " "), r.Format.Title())
	}
}

// withoutAddress is a label without the browser's printed address glued
// after it, where a page run into one line put the page's foot between a
// row's label and its digits ("四、结转下年度继续办理file:///…/081.html0100…"):
// no row's label holds one. An address alone stays: the line is the page's
// foot, not numbers of the row before it.
func withoutAddress(label string) string {
	if !strings.Contains(label, "://") {
		return label
	}
	if rest := bareURLRe.ReplaceAllString(label, ""); trimSpace(rest) != "" {
		return rest
	}
	return label // (the address alone: the page's foot, no row's label or numbers)
}

// strayUnread: 表三's rows that read no number at all are unread, not
// blank, beside digits no reader placed that may be theirs: digits glued
// after the address a browser printed at a page's foot (a page run into one
// line: "…3.要求提供公开出版物file:///…/000.html0000000000000000000000 7/9",
// the cells of the page's rows before it put there: tails), or a run of
// several rows' digits left unread ("1.属于国家秘密000…000", 49 digits, the
// next rows' labels after it without numbers: strays). Which rows they are
// is not known, and CELL.BLANK would blame the report for cells it filled
// in. In a table that writes its zeros every row that read nothing is said
// unread; in one that leaves cells blank, where a row may be blank, only
// those from such a run on up to a row read (a tail's: before it).
func (p *parser) strayUnread() {
	r := p.r
	if !r.Meta.Tables["3"] || len(p.strays)+len(p.tails) == 0 {
		return
	}
	rows := r.Format.T3Rows()
	empty := func(k int) bool { return k >= 0 && k < len(rows) && r.Applications[rows[k].Key] == (Row{}) }
	mark := func(k, line int, why string) {
		if r.ambiguous(t3Cell(rows[k].Key, 0)) {
			return
		}
		for c := 0; c < NumCols; c++ {
			p.ambiguous(t3Cell(rows[k].Key, c))
		}
		p.warn("PARSE.TABLE", "applications."+rows[k].Key, line, "表三“%s%s”没有读到数字，但表中有%s，它的数字可能在其中，不一定是空白，该行记为空，请对照原文核对",
			rows[k].Group, rows[k].Label, why)
	}
	// (a table known to write its zeros: a row read with a 0 written, and
	// none with a blank cell or a mark; rows short of numbers, p.blanky,
	// may be the text's doing here, as the stray digits are)
	zero, blank := false, false
	for _, row := range rows {
		v := r.Applications[row.Key]
		if v == (Row{}) {
			continue
		}
		zero = zero || slices.ContainsFunc(v[:], func(c Cell) bool { return !c.Blank() && !c.IsInvalid() && c.Val() == 0 })
		blank = blank || slices.ContainsFunc(v[:], func(c Cell) bool { return c.Blank() || c.IsInvalid() })
	}
	if zero && !blank {
		// a table that writes its zeros leaves no row blank but by the
		// text's doing: every row that read nothing may be among them
		src := slices.Concat(p.tails, p.strays)[0]
		for k := range rows {
			if empty(k) {
				mark(k, src.line, "未能读出的数字（几行的数字与行名分开排列，无法确定是哪几行的）")
			}
		}
		return
	}
	// a run of n digits holds the numbers of n rows at most: the walk
	// from it passes no more rows that read nothing than that
	walk := func(s stray, from, step int, why string) {
		for k, n := from, 0; empty(k) && n < s.digits; k += step {
			if rows[k].Key != s.row {
				n++
			}
			mark(k, s.line, why)
		}
	}
	for _, t := range p.tails {
		walk(t, t3RowAt(rows, t.row), -1, "页脚打印的网址之后连在一起的一串数字（该页几行的数字被转换移到了页尾，无法确定是哪几行的）")
	}
	for _, s := range p.strays {
		why := "多于一行的数字连在一起而未能读出（几行的数字与行名分开排列，无法确定是哪几行的）"
		at := t3RowAt(rows, s.row)
		walk(s, at, -1, why)
		walk(s, at+1, 1, why)
	}
}

// findTails notes 表三's lines with digits glued after a browser's
// address (tails), each with its row: the row read from that line, or for a
// line no row was read from (its label unmatched or taken with another
// line's) the last row read before it.
func (p *parser) findTails(got []t3Line, lo, hi int) {
	rowOf := make(map[*Line]string, len(got))
	for _, g := range got {
		rowOf[g.line] = g.row.Key
	}
	last := ""
	for n := lo; n < hi && n < len(p.lines); n++ {
		l := &p.lines[n]
		if k, ok := rowOf[l]; ok {
			last = k
		}
		if d := digitsAfterAddress(l.Text); d > 0 && last != "" {
			p.tails = append(p.tails, stray{last, l.No, d})
		}
	}
}

// t3RowAt is where the row of the key stands in rows (a format's 表三), or
// -1.
func t3RowAt(rows []T3Row, key string) int {
	return slices.IndexFunc(rows, func(x T3Row) bool { return x.Key == key })
}

// stray is a row of 表三 (strays, tails), the line it was read from and
// the digits of the run that may hold other rows' numbers.
type stray struct {
	row    string
	line   int
	digits int
}

// digitsAfterAddress is how many digits t has right after a web page's
// address (spaces between them or not) that are not a row's item number
// (pdftotext -raw's "…/168.html 4.保护…", its page number left out): 0 for
// none.
func digitsAfterAddress(t string) int {
	if !strings.Contains(t, "://") {
		return 0
	}
	for _, m := range bareURLRe.FindAllStringIndex(t, -1) {
		rest := strings.TrimLeft(t[m[1]:], " \u3000")
		n := 0
		for n < len(rest) && (isASCIIDigit(rest[n]) || rest[n] == ' ') {
			n++
		}
		digits := strings.TrimRight(rest[:n], " ")
		if digits == "" {
			continue
		}
		after := rest[len(digits):]
		if strings.HasPrefix(after, ".") || strings.HasPrefix(after, "．") || strings.HasPrefix(after, "、") || strings.HasPrefix(after, "/") && !strings.Contains(digits, " ") && len(digits) <= 3 {
			continue // an item number, or the page's number alone (7/9)
		}
		return len(digits) - strings.Count(digits, " ")
	}
	return 0
}

// matchT3 finds the template row (from next on) that a line's label names:
// the label itself or its end, then a piece of a wrapped label, then a label
// that lost characters (pdftotext drops glyphs that overlap), by edit
// distance. -1 when none.
func matchT3(S, L string, norms []string, next int) (int, bool) {
	return matchRow(S, L, norms, next, true)
}

// matchRow is matchT3; groups says a group's misread word may be taken off
// the label's front (once: the rest is matched without it).
func matchRow(S, L string, norms []string, next int, groups bool) (int, bool) {
	if S == "" {
		return -1, false
	}
	if k := matchExact(S, L, norms, next); k >= 0 {
		return k, false
	}
	n := utf8.RuneCountInString(S)
	if n < 4 {
		// too short for 30 %: a label as short as 3.其他 is known by its
		// number and its last character, one character between them wrong
		// (3.w他, a font that lost a glyph), or by its words with its
		// number wrong
		for k := next; k < min(len(norms), next+4); k++ {
			if m := norms[k]; n >= 3 && utf8.RuneCountInString(m) == n && S[0] == m[0] && isDigit(rune(S[0])) &&
				lastRune(S) == lastRune(m) && editWithin(S, m, 1) == 1 {
				return k, true
			}
			// or, the row expected next, by its number and the character
			// after it, the last misread (3.其年, （七）总属)
			if m := norms[k]; k == next && n == 3 && utf8.RuneCountInString(m) == 3 && editWithin(S, m, 1) == 1 {
				r0, size := utf8.DecodeRuneInString(m)
				if numeralKind(r0) != 0 && strings.HasPrefix(S, m[:size]) && firstRune(S[size:]) == firstRune(m[size:]) {
					return k, true
				}
			}
			// or by its words, its ordinal misread into a character no
			// numeral ((无)总计 for （七）总计; （六）其他 is a group's words)
			if m := norms[k]; n == 3 && utf8.RuneCountInString(m) == 3 {
				r0, size := utf8.DecodeRuneInString(m)
				s0, _ := utf8.DecodeRuneInString(S)
				if numeralKind(r0) == 2 && numeralKind(s0) == 0 && strings.HasSuffix(S, m[size:]) {
					return k, true
				}
			}
		}
		return -1, false
	}
	best, bestD := -1, 0
	for k := next; k < min(len(norms), next+4); k++ {
		if m := utf8.RuneCountInString(norms[k]); n > m+m/3+1 || m > n+m/3+1 {
			continue // lengths too far apart for 30 %: no need to compare
		}
		lim := 3 * utf8.RuneCountInString(norms[k]) / 10
		if d := editWithin(S, norms[k], lim); d <= lim && (best < 0 || d < bestD) {
			best, bestD = k, d
		}
	}
	if best < 0 && groups {
		if rest := stripGroupFuzzy(S); rest != S {
			// a group's word misread too ("三不大公开1属于中家秘密")
			best, _ = matchRow(rest, rest, norms, next, false)
		}
	}
	if best < 0 {
		best = shortenedRow(S, norms, next)
	}
	if best < 0 && groups {
		// a shortened label after pieces of the merged columns that a
		// layout printed on its line ("三、本年  8.行政查询事项"): from its
		// item number on
		for i := 1; i < len(S) && best < 0; i++ {
			if isDigit(rune(S[i])) && groupPieces(S[:i]) {
				best = shortenedRow(S[i:], norms, next)
			}
		}
	}
	if best < 0 && groups {
		best = itemAfterGroup(S, norms, next)
	}
	if best < 0 && groups {
		best = groupWithin(S, norms, next)
	}
	if best < 0 && strings.ContainsFunc(S, markedLatin) {
		// a font's broken map gave Latin letters with marks for
		// punctuation as often as for words ("ÿ一Ā予以}开" for
		// （一）予以公开): matched without them
		best, _ = matchRow(strings.Map(func(r rune) rune {
			if markedLatin(r) {
				return -1
			}
			return r
		}, S), L, norms, next, groups)
	}
	return best, best >= 0
}

// markedLatin is a Latin letter with a mark or a C1 control character: no
// label's, in a Chinese report (brokenMap).
func markedLatin(r rune) bool { return r >= 0x80 && r < 0x250 && (r < 0xA0 || unicode.IsLetter(r)) }

// groupWithin matches a label with a piece of its merged column's words
// inside it: a page printed with -layout and its lines then run together
// puts the column's line between the label's pieces ("2.没有现" + "无法提"
// + "成信息需", "1.信访举" + "不予处" + "报投诉类"). Taken out, the rest must
// be the start of one of the next rows' labels, its item number first.
func groupWithin(S string, norms []string, next int) int {
	if S == "" || !isASCIIDigit(S[0]) || !moreRunes(S, 5) {
		return -1
	}
	best, bestLen := -1, 0
	for i := 1; i < len(S); {
		_, size := utf8.DecodeRuneInString(S[i:])
		for j := i + size; j <= len(S); {
			piece := S[i:j]
			if !slices.ContainsFunc(t3GroupNorms, func(g string) bool {
				_, n := utf8.DecodeRuneInString(g)
				return strings.Contains(g[n:], piece)
			}) {
				break
			}
			if rest := S[:i] + S[j:]; len(piece) > bestLen && moreRunes(piece, 1) && moreRunes(rest, 3) {
				for k := next; k < min(len(norms), next+4); k++ {
					if strings.HasPrefix(norms[k], rest) {
						best, bestLen = k, len(piece)
						break
					}
				}
			}
			if j == len(S) {
				break
			}
			_, n := utf8.DecodeRuneInString(S[j:])
			j += n
		}
		i += size
	}
	return best
}

// sharedEnd says a piece of a label that matched row j, not its start, is
// a piece of another row near it too.
func sharedEnd(S string, norms []string, j, next int) bool {
	if S == norms[j] || strings.HasPrefix(norms[j], S) {
		return false
	}
	for k := next; k < min(len(norms), next+4); k++ {
		if k != j && hasText(norms[k], S) {
			return true
		}
	}
	return false
}

// itemAfterGroup is the row whose item (its number and words, 1属于国家秘密)
// S's part from its first digit is within 30 % edits of, the words before
// that digit a group's misread past knowing (三不予项量 for 三不予公开); -1
// when none. Only rows of a group have an item number (the template's
// normalised labels start with it).
func itemAfterGroup(S string, norms []string, next int) int {
	isASCII := func(r rune) bool { return r >= '0' && r <= '9' }
	i := strings.IndexFunc(S, isASCII)
	if i <= 0 {
		return -1
	}
	item := S[i:]
	for k := next; k < min(len(norms), next+4); k++ {
		m := norms[k]
		j := strings.IndexFunc(m, isASCII)
		if j < 0 || m[j] != item[0] || strings.HasPrefix(m[j:], item) {
			continue // (a wrapped item's start is matched as a piece)
		}
		n := utf8.RuneCountInString(m[j:])
		if lim := 3 * n / 10; n >= 4 && editWithin(item, m[j:], lim) <= lim {
			return k
		}
	}
	return -1
}

// otherItem says a normalised label that matched no row starts with an item
// number (3w他) that the pending row's label (2申请人逾期…) does not: the
// numbers are another row's, whose label was not read, not the pending one's.
func otherItem(S, pending string) bool {
	d := 0
	for d < len(S) && S[d] >= '0' && S[d] <= '9' {
		d++
	}
	return d > 0 && d < len(S) && !strings.HasPrefix(pending, S[:d])
}

// brokenMap says the text has a Latin letter with a mark (ÿ, Ā, Ð) or a C1
// control character on a line with Chinese: a PDF font whose map to
// characters is broken (Ghostscript 10.0 rewriting a browser's PDF gives 年
// as U+0080, （ as ÿ, 其 as w), whose labels are read with more care.
func (p *parser) brokenMap() bool {
	if !p.garbled.known {
		p.garbled.known = true
		for i := range p.lines {
			t := p.lines[i].Text
			if strings.ContainsFunc(t, markedLatin) && hasHan(t) {
				p.garbled.is = true
				break
			}
		}
	}
	return p.garbled.is
}

// laterRowsWords says a label not read is another row's, its characters
// garbled past matching ("ÿ~Āw他处理" for （六）其他处理, a font's broken
// map: brokenMap): it shares two characters in a row with a row within the next few
// after the pending one, and none with the pending row's label. Pairs that a
// group's words hold are not counted (its pieces stand beside a row's
// numbers: "度办理结 0 0"); a format's row named as a group is.
func laterRowsWords(S string, norms []string, pending int) bool {
	if !moreRunes(S, 2) || t4GenericLabels[S] {
		return false
	}
	r := []rune(S)
	pair := func(i int) string { return string(r[i : i+2]) }
	for i := range len(r) - 1 {
		if strings.Contains(norms[pending], pair(i)) {
			return false
		}
	}
	for i := range len(r) - 1 {
		if slices.ContainsFunc(t3GroupNorms, func(g string) bool {
			return strings.Contains(g, pair(i)) && !slices.Contains(norms, g)
		}) {
			continue
		}
		for k := pending + 1; k < min(len(norms), pending+5); k++ {
			if strings.Contains(norms[k], pair(i)) {
				return true
			}
		}
	}
	return false
}

// otherItemWithin is otherItem of the label from its first digit after its
// start: a group's piece garbled past knowing before it ("O1本度1.本机关不掌握…"
// for 三、本年度 1.本机关不掌握…, a font's broken map).
func otherItemWithin(S, pending string) bool {
	for i := 1; i < len(S); i++ {
		if isASCIIDigit(S[i]) && !isASCIIDigit(S[i-1]) && otherItem(S[i:], pending) {
			return true
		}
	}
	return false
}

func lastRune(s string) rune { r, _ := utf8.DecodeLastRuneInString(s); return r }

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

// innerDigits says a normalised label has a digit after its first
// character (its own row number): no template label has.
func innerDigits(S string) bool {
	_, first := utf8.DecodeRuneInString(S)
	return hasAnyRune(S[first:], "0123456789")
}

// orphanRow is a line of a row's numbers whose label is only the row's
// number ("（二）", "七"), the label's words wrapped onto the lines below it.
type orphanRow struct {
	ord  string // the row's number, as normalised labels start with it
	rc   rowCells
	line *Line
}

// row is the row whose label the number and a label-only line S make
// together ("二" and "部分公": the start of 二部分公开…), or -1. Pieces of
// the merged columns before the words ("年度办" of 三、本年度办理结果) are
// passed over.
func (o *orphanRow) row(S string, norms []string, next int) int {
	if S == "" || moreRunes(S, 64) {
		return -1 // no label's piece is longer (and each split is tried)
	}
	for i := range len(S) {
		if i > 0 && (!utf8.RuneStart(S[i]) || !groupPieces(S[:i])) {
			continue
		}
		c := o.ord + S[i:]
		for k := next; k < min(len(norms), next+4); k++ {
			if strings.HasPrefix(norms[k], c) {
				return k
			}
		}
	}
	return -1
}

// bareOrdinal is the row number a label is made of alone, after pieces of
// the merged columns ("一", "三本一" of 三、本 （一）, "七"), or "".
func bareOrdinal(S string) string {
	if S == "" || moreRunes(S, 12) {
		return ""
	}
	r, size := utf8.DecodeLastRuneInString(S)
	if !strings.ContainsRune("一二三四五六七", r) && (r < '1' || r > '9') {
		return ""
	}
	if head := S[:len(S)-size]; head != "" && !groupPieces(head) {
		return ""
	}
	return S[len(S)-size:]
}

// matchExact is matchT3 without a likeness: the label, or a piece of a
// wrapped one.
func matchExact(S, L string, norms []string, next int) int {
	for k := next; k < len(norms); k++ {
		if S == norms[k] || strings.HasSuffix(L, norms[k]) {
			return k
		}
	}
	n := utf8.RuneCountInString(S)
	piece := func(m string) bool {
		return strings.HasPrefix(m, S) || strings.HasSuffix(m, S) || (n >= 4 && hasText(m, S))
	}
	for k := next; k < len(norms); k++ {
		// a wrapped label: the line holds its start, end or (4+ characters of) its middle
		if n >= 2 && piece(norms[k]) {
			if n == 2 && k > next && slices.ContainsFunc(norms[k+1:], piece) {
				// two characters that start or end several rows further
				// on (申请: 1.信访举报投诉类申请, 2.重复申请 …), a piece of
				// a label wrapped two characters to a line, name none
				return -1
			}
			return k
		}
	}
	return -1
}

// stripGroupFuzzy is stripGroups for a group label read with one character
// wrong ("三不大公开"): its numeral, then its words within one edit. The
// words after it are returned, S itself when it starts with no group.
func stripGroupFuzzy(S string) string {
	for _, g := range t3GroupNorms {
		num, size := utf8.DecodeRuneInString(g)
		if r, n := utf8.DecodeRuneInString(S); r != num || n != size {
			continue
		}
		// as many runes as the group: within one edit is one rune
		// different in place (an insertion would need a deletion too)
		end, wrong := size, 0
		for _, want := range g[size:] {
			if end >= len(S) {
				wrong = 2
				break
			}
			r, n := utf8.DecodeRuneInString(S[end:])
			if r != want {
				wrong++
			}
			end += n
		}
		if rest := S[end:]; wrong <= 1 && moreRunes(rest, 1) {
			return rest
		}
	}
	return S
}

// shortenedRow matches a label written shorter than the template's, a few
// words left out ("一本年新收申请数量" for 一、本年新收政府信息公开申请数量,
// "四结转下年度办理"): its characters in the template label's order, the
// same first and last ones, at least half of them, among the next rows.
func shortenedRow(S string, norms []string, next int) int {
	if !moreRunes(S, 4) || moreRunes(S, 48) {
		return -1 // no template label is longer than 48
	}
	n := utf8.RuneCountInString(S)
	first, _ := utf8.DecodeRuneInString(S)
	last, _ := utf8.DecodeLastRuneInString(S)
	for k := next; k < min(len(norms), next+4); k++ {
		// the ends first: most lines compared (headers) differ there
		if f, _ := utf8.DecodeRuneInString(norms[k]); f != first {
			continue
		}
		if l, _ := utf8.DecodeLastRuneInString(norms[k]); l != last {
			continue
		}
		if m := utf8.RuneCountInString(norms[k]); n < m && 2*n >= m && subsequence(S, norms[k]) {
			return k
		}
	}
	return -1
}

// subsequence says every rune of a is in b, in order.
func subsequence(a, b string) bool {
	for _, r := range a {
		i := strings.IndexRune(b, r)
		if i < 0 {
			return false
		}
		b = b[i+utf8.RuneLen(r):]
	}
	return true
}

// matchAfterPieces matches a row's label that has pieces of the merged
// columns in front of it: pdftotext -layout prints 三、本年度办理结果 and
// （四）无法提供, each wrapped in its narrow column, at the start of the lines
// beside them ("三、本年 （四）无法提供 2.没有现成信息需要另行制 0 0 …"). Only
// a line with numbers is tried, only an exact row label or a piece of one of
// three characters or more is taken after the pieces, else a whole label of
// four characters or more read with one character wrong, or a label or piece
// after a group word read with one character wrong.
func matchAfterPieces(S string, norms []string, next int) (int, bool) {
	if !moreRunes(S, 3) || moreRunes(S, 64) {
		return -1, false
	}
	j := -1
	afterPieces(S, 2, func(rest string) bool {
		j = matchExact(rest, rest, norms, next)
		return j >= 0
	})
	if j >= 0 {
		return j, false
	}
	// a label misread by one character after the pieces ("三本" then
	// "一予大公开"): the longest such rest of four characters or more that
	// is one edit from one of the next rows, or whose group word is
	afterPieces(S, 3, func(rest string) bool {
		for k := next; k < min(len(norms), next+4); k++ {
			if editWithin(rest, norms[k], 1) <= 1 {
				j = k
				return true
			}
		}
		if r2 := stripGroupFuzzy(rest); r2 != rest {
			// the group's word misread ("三本年" "四无中提供" "2没有现成信息需要另行制")
			j = matchExact(r2, r2, norms, next)
		}
		return j >= 0
	})
	return j, j >= 0
}

// afterPieces calls f with what follows each start of S made of pieces of
// the merged columns, the longest first, while more than least runes are
// left, until f says it is done.
func afterPieces(S string, least int, f func(rest string) bool) {
	for i := range S {
		if i == 0 {
			continue
		}
		rest := S[i:]
		if !moreRunes(rest, least) {
			return
		}
		if groupPieces(S[:i]) && f(rest) {
			return
		}
	}
}

// misread says a 表三 row was read under a label that is not the template's.
func (p *parser) misread(row T3Row, label string, line int) {
	p.warn("PARSE.READ", "applications."+row.Key, line, "原文“%s”与表三的行“%s%s”不完全相同（可能有字丢失或识别错误），按该行读取",
		trimSpace(label), row.Group, row.Label)
}

// groupPieces reports whether s is a piece of 三、本年度办理结果 followed by a
// piece of an outcome group's label (（三）不予公开 …), either one missing:
// what the two merged columns leave before a row's label.
func groupPieces(s string) bool {
	outer := t3GroupNorms[0]
	for i := 0; i <= len(s); i++ {
		if i < len(s) && !utf8.RuneStart(s[i]) {
			continue
		}
		a, b := s[:i], s[i:]
		if !hasText(outer, a) {
			return false // a longer start is no piece either
		}
		if b == "" {
			return true
		}
		for _, g := range t3GroupNorms[1:] {
			if hasText(g, b) {
				return true
			}
		}
	}
	return false
}

// editDistance is the Levenshtein distance between two strings, in runes.
func editDistance(a, b string) int { return editWithin(a, b, -1) }

// editWithin is editDistance when it is at most max, and some number above
// max when it is not: a row of the table whose every cell is above max can
// only lead to a larger distance, so most lines that are no label (headings,
// column headings glued together) stop after a few rows. max < 0: no bound.
func editWithin(a, b string, max int) int {
	// labels are short: runes and rows on the stack unless they are not
	var bufA, bufB [48]rune
	var bufP, bufC [49]int
	ra, rb := appendRunes(bufA[:0], a), appendRunes(bufB[:0], b)
	prev, cur := bufP[:0], bufC[:0]
	if len(rb)+1 > len(bufP) {
		prev, cur = make([]int, 0, len(rb)+1), make([]int, 0, len(rb)+1)
	}
	prev, cur = prev[:len(rb)+1], cur[:len(rb)+1]
	for j := range prev {
		prev[j] = j
	}
	if max >= 0 && (len(ra) > len(rb)+max || len(rb) > len(ra)+max) {
		return max + 1 // each rune of the difference is an edit
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		low := i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
			low = min(low, cur[j])
		}
		if max >= 0 && low > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

// placedRows says every row of got with a line of its own was laid out by
// our PDF reader (Line.Placed).
func placedRows(got []t3Line) bool {
	n := 0
	for _, g := range got {
		if g.line.Fields != nil || g.line.Segmented {
			continue
		}
		if !g.line.Placed {
			return false
		}
		n++
	}
	return n > 0
}

// alignShort places the numbers of space-separated rows that have blanks by
// the column positions of the complete rows nearest them: pdftotext -layout
// keeps the columns of a block of lines aligned, but not across pages or
// blocks (a row after a page break has its columns elsewhere), so one average
// over the whole table would place numbers in the wrong columns (a shift of
// one column's width looks like a fit). Each number must sit within a few
// characters of its own column in the nearest complete row above or below on
// the same page, and where both place it, both alike; a row that fits
// neither, or that they place differently, stays unread (PARSE.TABLE).
func (p *parser) alignShort(got []t3Line) {
	type complete struct {
		line    int
		text    string
		centers [NumCols]int
		tight   bool // its first number one space after its label
		// its first numbers closed up after its label (984 0 0 where the
		// rows about it stand four and six apart): their places are
		// none of their columns', but a row pushed against its label as
		// it was may stand as it does
		closedUp bool
	}
	var rows []complete
	breaks := p.pageBreaks()
	for _, g := range got {
		if g.rc.ok && g.line.Fields == nil {
			toks := tokens(g.line.Text)
			// a first number run into its label ("…政府信息0": a wrapped label
			// filling its cell, pdftohtml's runs of guessed width) stands
			// where the label ends, not in its column: no row to place by
			if len(toks) >= NumCols && isNumber(toks[len(toks)-NumCols].s) && !runInto(g.line.Text, toks[len(toks)-NumCols]) {
				first := toks[len(toks)-NumCols:]
				c := complete{line: g.line.No, text: g.line.Text, tight: oneSpaceAfterWords(g.line.Text, first[0])}
				closed := true // every number one space after the one before
				for i, t := range first {
					c.centers[i] = t.center
					closed = closed && (i == 0 || t.start == first[i-1].end+1)
				}
				if c.tight && closed {
					// pushed against its label and closed up: a row that
					// kept none of its columns (on a narrow page, "二、上年结转
					// 政府信息公开申请 2 0 2 0 1 1 6" under columns four apart)
					continue
				}
				c.closedUp = c.tight && first[1].start == first[0].end+1
				if closed && numbersRightOf(got, breaks, g.line.No, c.centers[NumCols-1]) {
					// closed up where the page's other rows stand wider: a
					// web page's narrow table sets the row whose cells are
					// all filled "12 13 0 1 0 3 29" (29 at 41) where other
					// rows have their totals at 45
					continue
				}
				rows = append(rows, c)
			}
		}
	}
	if p.byteCut {
		return
	}
	defer func() {
		// then the rows no complete row placed: by the columns of the
		// page's rows together, then by the headings
		p.placeByGrid(got, breaks)
		p.placeByT3Header(got, breaks)
		p.placeByIdentities(got, breaks)
	}()
	if len(rows) == 0 {
		return
	}
	if runs := p.t3Ruler(got); runs != nil && rulerLabelsAmongCounts(got, runs) {
		// a complete row's columns are no other row's: each row is placed
		// by the ruler after its own label (placeByT3Ruler)
		return
	}
	ar := make([]alignedRow, len(rows))
	for i, c := range rows {
		ar[i] = alignedRow{c.text, NumCols, c.line}
	}
	// the measure all the table's laid-out rows of a page line up by, short
	// ones too: a pair of complete rows alone may line up by display width
	// by chance (a label's characters making up a shift of one) where every
	// other row lines up by characters
	m := shortRowsMeasure(got, breaks)
	if m == measureUnknown {
		m = columnMeasure(ar, breaks)
	}
	if m != measureWidth && !placedRows(got) && p.wideHeadingsHold(got) {
		// a text browser's narrow dump: its labels wrapped into pieces
		// of several lengths, so rows may line up by characters by
		// chance, where the headings' columns by width say where every
		// row's numbers stand (3.危及“三安全一稳定” 0 0 0 a column off)
		m = measureWidth
	}
	if placedRows(got) {
		// our PDF reader writes a character to a column at the column its
		// place gives: its rows line up by characters, whatever a pair of
		// complete rows a column apart by rounding (56 and 57) seems to say
		// by display width (which then put a short row after a long label
		// a column off: wrong cells)
		m = measureChars
	}
	p.measure = m // 表四's headings are placed by it
	for k := range got {
		g := &got[k]
		if g.rc.ok || !g.rc.spaced || g.line.Fields != nil {
			continue // only space-aligned text has positions to go by
		}
		// the nearest complete rows above and below on the same page,
		// nearest first. A row whose first number stands one space after
		// its label may have been pushed against it off its column ("…大量
		// 反复申请 11 0 0" with 11 and the next two a character or two left
		// of the columns of the rows above): it places another only where
		// the page has no other, or a row pushed so itself that no other fits
		loose := slices.ContainsFunc(rows, func(c complete) bool { return !c.tight && samePage(breaks, c.line, g.line.No) })
		tight := len(g.rc.tokens) > 0 && oneSpaceAfterWords(g.line.Text, g.rc.tokens[0])
		var cells []string
		disagree := false // the rows above and below place it differently
		for pass := range 2 {
			if pass == 1 && (cells != nil || disagree || !loose || !tight) {
				break
			}
			above, below := -1, -1
			for i, c := range rows {
				if !samePage(breaks, c.line, g.line.No) || loose && c.tight != (pass == 1) || c.closedUp && !tight {
					continue
				}
				if c.line < g.line.No {
					above = i
				} else if below < 0 {
					below = i
				}
			}
			near := []int{above, below}
			if above >= 0 && below >= 0 && rows[below].line-g.line.No < g.line.No-rows[above].line {
				near = []int{below, above}
			}
			for _, i := range near {
				if i < 0 {
					continue
				}
				c, ok := placeMeasured(g.line.Text, g.rc.tokens, rows[i].text, rows[i].centers[:], m)
				if !ok {
					continue
				}
				if cells != nil {
					// a narrow table's columns two apart, which pdftotext
					// sets a character left or right from row to row: the
					// complete rows above and below may each put a
					// number under another column, and neither is known
					// to be right
					if !slices.Equal(cells, c) {
						cells, disagree = nil, true
						break
					}
					continue
				}
				cells = c
			}
		}
		// the numbers in order add up to the last, which the columns put
		// elsewhere than 总计 (a layout that closed up a blank cell: 1 0 2 0
		// 0 3 under the first six columns): the columns are not to be
		// trusted, the row stays unread
		if cells != nil && (addsUpMarked(cells) || !tokensSumUp(g.rc.tokens)) {
			g.rc.cells, g.rc.ok, g.byPosition = cells, true, true
		}
	}
}

// numbersRightOf says a number of another 表三 row of space-aligned text
// on its page stands more than two characters right of at (the 总计 of row
// line), two spaces or more after what is before it: a row's last column is
// 总计, and no number stands right of it but where its row was pushed
// against its label (a row's first numbers one space after it and after
// each other).
func numbersRightOf(got []t3Line, breaks []int, line, at int) bool {
	for _, g := range got {
		if g.line.No == line || g.line.Fields != nil || g.line.Placed || !samePage(breaks, line, g.line.No) {
			continue
		}
		for _, t := range tokens(g.line.Text) {
			if isNumber(t.s) && t.center > at+2 && strings.HasSuffix(textBefore(g.line.Text, t), "  ") {
				return true
			}
		}
	}
	return false
}

// oneSpaceAfterWords says the token t of text stands one space after a
// character that is not a space.
func oneSpaceAfterWords(text string, t tok) bool {
	b := textBefore(text, t)
	return len(b) >= 2 && b[len(b)-1] == ' ' && b[len(b)-2] != ' ' && b[len(b)-2] != '\t'
}

// runInto says the token t of text follows the character before it with no
// space between.
func runInto(text string, t tok) bool {
	b := textBefore(text, t)
	return b != "" && b[len(b)-1] != ' ' && b[len(b)-1] != '\t'
}

// textBefore is what of text stands before the token t (whose place is in
// runes), "" when t is not in it.
func textBefore(text string, t tok) string {
	i := 0
	for at := range text {
		if i == t.start {
			return text[:at]
		}
		i++
	}
	return ""
}

// placeByGrid places the space-aligned rows with blanks that no complete
// row placed (alignShort) by the columns all rows of their page stand in
// together: a report that leaves every 0 blank may have no complete row on a
// page, yet its rows' numbers still stand in seven clear columns
// (gridColumns). By characters only, as pdftotext and our PDF reader
// write: by display width the lines' labels shift the numbers, and they
// may still fall in seven groups by chance. A row must take one column per
// number and add up (its 总计 there; a row of zeros with its 总计 blank adds
// up to nothing), else it stays unread.
func (p *parser) placeByGrid(got []t3Line, breaks []int) {
	// by page: the grid of seven columns, or (pdftotext -layout) the
	// columns the page uses when fewer than seven
	type pageGrid struct{ grid, used [][2]int }
	grids := map[int]pageGrid{}
	var heads []int // 表三's heading columns (our PDF reader's text), once asked
	headsRead := false
	for k := range got {
		g := &got[k]
		if !g.awaitsPlace() {
			continue
		}
		page := pageOf(breaks, g.line.No)
		pg, seen := grids[page]
		if !seen {
			centers := pageCenters(got, breaks, page)
			grid := gridColumns(centers, g.line.Placed)
			if grid != nil && g.line.Placed {
				// our PDF reader's text: a number run into its label in
				// one glyph run (2.重复申请 254) stands after the label, not
				// at its column, and may make a column of its own, the
				// page's numbers falling into seven columns one off; the
				// headings, where they make seven columns, say which
				if !headsRead {
					heads, headsRead = p.t3HeadingColumns(got), true
				}
				if heads != nil && !gridUnderHeadings(grid, heads) {
					grid = nil
				}
			}
			pg.grid = grid
			if grid == nil && !g.line.Placed {
				// fewer columns than seven on the page: pdftotext -layout
				// leaves out a column blank on the whole page, so which
				// columns the numbers are in is not known, but the last
				// one used is 总计 (a row that is not blank has its total)
				pg.used = usedColumns(centers)
			}
			grids[page] = pg
		}
		inGrid := func(ts []tok) ([]string, bool) { return placeInGrid(ts, pg.grid) }
		if cells, ok := p.placeRow(*g, inGrid); ok && placedAddsUp(cells) {
			g.rc.cells, g.rc.ok, g.byPosition = cells, true, true
		} else if ok {
			g.inColumns = true
			p.keepInCells(g.row.Key, cells)
		} else if pg.used != nil {
			if cells, ok := placeInGrid(g.rc.tokens, pg.used); ok {
				g.inColumns = true
				if last := g.rc.tokens[len(g.rc.tokens)-1].s; cells[len(cells)-1] == last {
					g.gridTotal = last
				}
			}
		}
	}
}

// keepInCells keeps a row's cells as its numbers stand (parser.inCells).
func (p *parser) keepInCells(key string, cells []string) {
	if p.inCells == nil {
		p.inCells = map[string][]string{}
	}
	p.inCells[key] = cells
}

// placeByIdentities places the rows with blanks of pdftotext -layout that
// no complete row, grid or heading placed, where the table's column
// identities (（七）总计 = the outcomes; 新收 + 结转 = 总计 + 结转下年度) say
// how. pdftotext lays each page out anew, and a Word table's page after a
// page break may have no complete row and a page's numbers in groups that
// gridColumns does not trust: a two-digit number set four characters left of
// its column's digits (1 at 46, 11 at 51, 0 at 55), a narrow 其他 column
// four from 总计, a column blank on the whole page, a page laid out at
// another scale. Seven groups of such a page's numbers, apart as a grid's
// are, are its columns, a number alone in one too; else its groups of two
// numbers or more (five to seven) are; or groups a few characters apart
// merged (pageGroupSets). Each way of seeing them, each way of giving
// them to the seven columns in order, each row placed among
// them in its order (placeInOrder: nearest one way only, four characters at
// most) and adding up, is tried, and kept only when exactly one way, every
// row of 表三 then read, makes every column identity hold — or all but the
// column one row not adding up breaks as its one wrong cell would (the
// report's error). Said by PARSE.READ.
func (p *parser) placeByIdentities(got []t3Line, breaks []int) {
	type pageCols struct {
		page int
		sets [][]int // the middles of the page's groups of numbers, for each way of seeing its groups (pageGroupSets)
	}
	var pages []pageCols
	// each row left: its page (in pages) and its numbers placed among the
	// page's groups of each set, the same whichever columns the groups turn
	// out to be (nil for a set that does not place it)
	onPage := make([]int, len(got))
	among := make([][][]string, len(got))
	for k := range got {
		g := got[k]
		if g.rc.ok {
			continue
		}
		if !g.awaitsPlace() || g.line.Placed {
			return // a row unread that no placing reads: the identities cannot be asked
		}
		page := pageOf(breaks, g.line.No)
		i := slices.IndexFunc(pages, func(pc pageCols) bool { return pc.page == page })
		if i < 0 {
			zeros := pageCentersOf(got, breaks, page, func(t tok) bool { return t.s == "0" })
			sets := pageGroupSets(pageCenters(got, breaks, page), zeros)
			if sets == nil {
				return
			}
			i = len(pages)
			pages = append(pages, pageCols{page, sets})
		}
		among[k] = make([][]string, len(pages[i].sets))
		fitsAny := false
		for s, mids := range pages[i].sets {
			in, fits := placeInOrder(g.rc.tokens, mids, 4)
			if !fits {
				in, fits = oneToEach(g.rc.tokens, mids, 4)
			}
			if fits {
				among[k][s], fitsAny = in, true
			}
		}
		if !fitsAny {
			return // no way places it
		}
		onPage[k] = i
	}
	if len(pages) == 0 {
		return
	}
	// choices: for each page, the ways its groups may be columns: a set of
	// groups that places each of its rows, and the columns its groups are,
	// in order
	type choice struct {
		set  int
		cols []int
	}
	choices := make([][]choice, len(pages))
	ways := 1
	for i, pc := range pages {
		for s, mids := range pc.sets {
			placesAll := true
			for k := range got {
				if among[k] != nil && onPage[k] == i && among[k][s] == nil {
					placesAll = false
					break
				}
			}
			if placesAll {
				for _, cols := range columnChoices(NumCols, len(mids)) {
					choices[i] = append(choices[i], choice{s, cols})
				}
			}
		}
		if ways *= len(choices[i]); ways == 0 || ways > 64 {
			return
		}
	}
	// the one row read before that does not add up, the report's error
	// there (-1: none, or more than one)
	readBad := -1
	for k := range got {
		if got[k].rc.ok && !placedAddsUp(got[k].rc.cells) {
			if readBad >= 0 {
				readBad = -1
				break
			}
			readBad = k
		}
	}
	// the identities are asked of the rows read and of the rows whose labels
	// stand without a number, each cell blank (a blank is 0 there): after
	// got's, in a slice of their own that got's rows are copied into
	var blankRows []t3Line
	for _, row := range p.blankT3(got) {
		blankRows = append(blankRows, t3Line{row: row, rc: rowCells{cells: make([]string, NumCols), ok: true}})
	}
	var found [][]string // the cells of got's rows by the one way that holds
	held, foundBad := 0, -1
	// (foundBad: the row of that way that does not add up, or -1)
	pick := make([]int, len(pages))
	for {
		cells := make([][]string, len(got))
		ok, bad := true, -1
		for k := range got {
			if among[k] == nil {
				continue
			}
			row := make([]string, NumCols)
			ch := choices[onPage[k]][pick[onPage[k]]]
			for j, c := range ch.cols {
				row[c] = among[k][ch.set][j]
			}
			if !placedAddsUp(row) {
				if bad >= 0 {
					ok = false
					break
				}
				bad = k // the report's error, if the columns break only as its one wrong cell would
			}
			cells[k] = row
		}
		if ok {
			if bad < 0 {
				bad = readBad
			}
			// (tried in place, then put back)
			for k := range got {
				if cells[k] != nil {
					got[k].rc.cells, got[k].rc.ok = cells[k], true
				}
			}
			// (two sets of groups may place every row alike: one way)
			withBlank := got
			if blankRows != nil {
				withBlank = append(slices.Clone(got), blankRows...)
			}
			if t3HoldsBut(withBlank, bad) && (held == 0 || !slices.EqualFunc(found, cells, slices.Equal)) {
				held++
				found, foundBad = cells, bad
			}
			for k := range got {
				if cells[k] != nil {
					got[k].rc.cells, got[k].rc.ok = nil, false
				}
			}
		}
		// the next way
		i := 0
		for i < len(pick) {
			pick[i]++
			if pick[i] < len(choices[i]) {
				break
			}
			pick[i] = 0
			i++
		}
		if i == len(pick) || held > 1 {
			break
		}
	}
	if held != 1 {
		return
	}
	var labels []string
	for k := range got {
		if found[k] != nil {
			g := &got[k]
			g.rc.cells, g.rc.ok, g.byPosition, g.inColumns, g.gridTotal = found[k], true, true, false, ""
			delete(p.inCells, g.row.Key)
			labels = append(labels, g.row.Group+g.row.Label)
		}
	}
	holds := "使全表各栏的勾稽关系都成立"
	if foundBad >= 0 {
		holds = fmt.Sprintf("使全表各栏的勾稽关系除“%s%s”一行的一个错数所在的一栏外都成立", got[foundBad].row.Group, got[foundBad].row.Label)
	}
	p.warn("PARSE.READ", "applications", got[0].line.No, "表三有 %d 行（%s）所在页的各栏位置不齐、没有完整的一行可作参照（PDF 转换的文字位置），按各数的先后次序与本页各栏的位置读取，只有这一种读法%s",
		len(labels), strings.Join(labels, "、"), holds)
}

// blankT3 are 表三's rows whose labels were read without a number (each
// cell left blank), not made ambiguous: the rows seen that are no line of
// got.
func (p *parser) blankT3(got []t3Line) []*T3Row {
	var out []*T3Row
	for i := range p.t3Rows {
		row := &p.t3Rows[i]
		if p.t3Seen[i] && !p.r.ambiguous(t3Cell(row.Key, 0)) && !slices.ContainsFunc(got, func(g t3Line) bool { return g.row == row }) {
			out = append(out, row)
		}
	}
	return out
}

// awaitsPlace says a 表三 row was read with blanks on a laid-out line of
// its own — its numbers set apart by wide gaps, or one digit alone with its
// place (a row of one digit is no digits run together either) — and is not
// placed yet (placeByGrid, placeByT3Header, placeByIdentities).
func (g t3Line) awaitsPlace() bool {
	lone := len(g.rc.tokens) == 1 && len(g.rc.tokens[0].s) == 1 && g.rc.tokens[0].center >= 0
	return !g.rc.ok && (g.rc.spaced || lone) && g.line.Fields == nil && !g.line.Segmented && len(g.rc.tokens) > 0
}

// oneToEach places ts in cols, as many as they, one to each in order, when
// none lies more than maxOff from its column: a row with a blank on a page
// whose groups are fewer than seven (a column blank on the whole page) has
// as many numbers as the page has groups.
func oneToEach(ts []tok, cols []int, maxOff int) ([]string, bool) {
	if len(ts) != len(cols) {
		return nil, false
	}
	out := make([]string, len(ts))
	for i, t := range ts {
		if abs(t.center-cols[i]) > maxOff {
			return nil, false
		}
		out[i] = t.s
	}
	return out, true
}

// columnChoices are the ways of choosing k of n columns, in order: each
// the columns chosen, ascending.
func columnChoices(n, k int) [][]int {
	var out [][]int
	var walk func(from int, cur []int)
	walk = func(from int, cur []int) {
		if len(cur) == k {
			out = append(out, slices.Clone(cur))
			return
		}
		for c := from; c <= n-(k-len(cur)); c++ {
			walk(c+1, append(cur, c))
		}
	}
	walk(0, nil)
	return out
}

// binomial is n choose k.
func binomial(n, k int) int {
	r := 1
	for i := range k {
		r = r * (n - i) / (i + 1)
	}
	return r
}

// placeByT3Header places the rows with blanks of our PDF reader's text
// (Line.Placed) that neither a complete row nor the page's grid placed, by
// the column headings above them: a report that leaves every 0 blank may
// have no complete row, and columns blank on the whole page (社会公益组织,
// 法律服务机构) leave the grid fewer than seven. The reader writes each
// heading's word at its start on the page, a Chinese character two columns
// wide (TestT4HeadingsInNarrowColumnsPlaceBlanks), so a word's middle is
// its start and half its width. The pieces of the seven headings (自/然/人,
// 商业/企业 … 总/计 in narrow columns) must make exactly seven columns;
// each number must sit within a column of one, no two in one, and the row
// must add up.
func (p *parser) placeByT3Header(got []t3Line, breaks []int) {
	p.placeByWideHeader(got)
	p.placeByT3Ruler(got)
	p.placeByLaidHeader(got, breaks)
	unplaced := func(g t3Line) bool { return g.awaitsPlace() && g.line.Placed }
	if !slices.ContainsFunc(got, unplaced) {
		return
	}
	cols := p.t3HeadingColumns(got)
	if cols == nil {
		p.placeByHeadingPlaces(got, unplaced)
		return
	}
	under := underHeadings(cols, false)
	p.placeEach(got, unplaced, func(g t3Line) ([]string, bool) { return p.placeRow(g, under) })
}

// placeByHeadingPlaces places the rows placeByT3Header could not, where a
// column's heading was not found where it stands (a narrow column's words a
// space after the heading left of them, which our PDF reader writes after
// that text, not at their place: 社会 法律, 然 商业 科研): each run of such
// columns between two headings found (t3HeadingPlaces) takes the numbers
// under no heading between those two, gathered by where they stand (two
// columns apart at most); as many groups as columns, in order, each group
// its column's place, else nothing is placed. A number within two columns
// of a place is that column's; a row is read only where every number is so
// placed, in order, and it adds up (no error is inferred from such a
// place); said.
func (p *parser) placeByHeadingPlaces(got []t3Line, unplaced func(t3Line) bool) {
	heads := p.t3HeadingPlaces(got)
	if heads == nil || !slices.Contains(heads, -1) || heads[0] < 0 || heads[NumCols-1] < 0 {
		return // (the first or the last unknown: nothing bounds it)
	}
	var lost []string
	for l := 0; l < NumCols; {
		r := l + 1
		for r < NumCols && heads[r] < 0 {
			r++
		}
		if r == l+1 {
			l = r
			continue
		}
		lost = append(lost, T3ColumnLabels[l+1:r]...)
		if r == l+2 {
			// one column lost: every number between the two is its
			// (place, below), however far apart they stand
			l = r
			continue
		}
		// columns l+1 … r-1 lost: the numbers between heads[l] and
		// heads[r] under no heading, gathered by place
		var xs []int
		for _, g := range got {
			if !unplaced(g) {
				continue
			}
			for _, t := range g.rc.tokens {
				if t.center > heads[l]+2 && t.center < heads[r]-2 {
					xs = append(xs, t.center)
				}
			}
		}
		slices.Sort(xs)
		var groups [][]int
		for i, x := range xs {
			if i == 0 || x-xs[i-1] > 2 {
				groups = append(groups, nil)
			}
			groups[len(groups)-1] = append(groups[len(groups)-1], x)
		}
		if len(groups) != r-l-1 {
			return // (a lost column blank all down, or numbers off their columns)
		}
		for k, g := range groups {
			heads[l+1+k] = (g[0] + g[len(g)-1]) / 2
		}
		l = r
	}
	place := func(ts []tok) ([]string, bool) {
		cells := make([]string, NumCols)
		last := -1
		for _, t := range ts {
			c := -1
			for k, h := range heads {
				if h >= 0 && abs(t.center-h) <= 2 {
					if c >= 0 {
						return nil, false // (under two)
					}
					c = k
				}
			}
			if k := slices.Index(heads, -1); c < 0 && k > 0 && t.center > heads[k-1]+2 && t.center < heads[k+1]-2 {
				c = k // (the one lost column between two found)
			}
			if c <= last || t.center < 0 {
				return nil, false
			}
			cells[c], last = t.s, c
		}
		return cells, true
	}
	if labels := p.placeAddingUp(got, unplaced, place); len(labels) > 0 {
		p.warn("PARSE.READ", "applications", got[0].line.No, "表三有 %d 行（%s）有空白单元格，各数按表头各栏在本页的位置读取（“%s”栏的表头不在它的位置上：不在其他各栏表头之下、在其左右两栏表头之间的数读作该栏，相邻几栏都如此的，按数所在的位置分组，依次读作这些栏；各行都合计相符）",
			len(labels), strings.Join(labels, "、"), strings.Join(lost, "”“"))
	}
}

// placeAddingUp reads each row of got that waits (unplaced) where place
// puts its numbers (placeRow) and it then adds up (no error is inferred
// from a place); the rows read, by their labels.
func (p *parser) placeAddingUp(got []t3Line, unplaced func(t3Line) bool, place func([]tok) ([]string, bool)) []string {
	var labels []string
	for k := range got {
		if g := &got[k]; unplaced(*g) {
			if cells, ok := p.placeRow(*g, place); ok && placedAddsUp(cells) {
				g.rc.cells, g.rc.ok, g.byPosition = cells, true, true
				labels = append(labels, g.row.Group+g.row.Label)
			}
		}
	}
	return labels
}

// gluedFirst places a row whose first number is glued to its label (a long
// label's last line and the number in one run: …其政府信息公1353, its place
// the label's end, not its column) when place puts the others from the
// second column on: the first is then the first column's (自然人), the only
// one left of them. Not ok otherwise.
func gluedFirst(ts []tok, place func([]tok) ([]string, bool)) ([]string, bool) {
	if len(ts) < 2 || ts[0].center >= 0 || slices.ContainsFunc(ts[1:], func(t tok) bool { return t.center < 0 }) {
		return nil, false // (most rows: their first number has its place)
	}
	cells, ok := place(ts[1:])
	if !ok || len(cells) != NumCols || cells[0] != "" || cells[1] == "" {
		return nil, false
	}
	cells[0] = ts[0].s
	return cells, true
}

// placeRow places a waiting row by place: as gluedFirst reads a row whose
// first number is glued to its label, only when the row then adds up (an
// inference, never the report's error) and said; else as place puts all its
// numbers.
func (p *parser) placeRow(g t3Line, place func([]tok) ([]string, bool)) ([]string, bool) {
	if cells, ok := gluedFirst(g.rc.tokens, place); ok {
		if !placedAddsUp(cells) {
			return nil, false
		}
		p.saidGlued(g, cells)
		return cells, true
	}
	return place(g.rc.tokens)
}

// saidGlued says how a row with its first number glued to its label was
// read (gluedFirst).
func (p *parser) saidGlued(g t3Line, cells []string) {
	p.warn("PARSE.READ", "applications."+g.row.Key, g.line.No, "表三“%s”的第一个数“%s”与行名连在一起（看不出在哪一栏），其余各数在商业企业栏及以后各栏，它只能是自然人栏的，按此读取：%s",
		g.row.Group+g.row.Label, cells[0], placedCells(cells))
}

// underHeadings places ts by the headings' columns (placeByColumns), each
// number within a column of its heading's middle (centredUnder).
func underHeadings(cols []int, nearly bool) func([]tok) ([]string, bool) {
	return func(ts []tok) ([]string, bool) {
		cells, ok := placeByColumns(ts, cols)
		return cells, ok && centredUnder(ts, cells, cols, nearly)
	}
}

// placeByLaidHeader places the rows with blanks of pdftotext -layout's text
// that nothing else placed, on the page of 表三's column headings, by those
// headings: pdftotext sets each word where it starts on the page, a column
// to a narrow character's width, so a heading of Chinese characters (two
// such widths each, but written a column each) has its middle at its start
// and its characters' count, as our PDF reader's headings (placedMiddle); a
// report that leaves its 0s blank may have no complete row to place the
// others by. Across a page break pdftotext sets the next page by its own
// measure (the columns of a table's second page stand elsewhere), so only
// the headings' page is placed. Each number must stand within a column of
// its heading's middle (two, where every other heading is twice as far),
// no two under one heading, and the row must add up: a row that does not
// is left unread (a number under the wrong heading makes one too).
func (p *parser) placeByLaidHeader(got []t3Line, breaks []int) {
	if p.measure == measureWidth || p.ocrText() || !slices.ContainsFunc(got, func(g t3Line) bool { return g.awaitsPlace() && !g.line.Placed }) {
		return // (most tables: every row read)
	}
	cols, at := p.t3LaidHeadingColumns(got)
	if cols == nil {
		return
	}
	unplaced := func(g t3Line) bool {
		return g.awaitsPlace() && !g.line.Placed && samePage(breaks, at, g.line.No)
	}
	// every number of the page's rows must stand under a heading: a page
	// whose headings were set apart from their columns (a header cell's
	// words placed by other rules than its numbers: our own PDF's) gives no
	// places, and a row of zeros would add up wherever it was put
	for _, g := range got {
		if g.line.Placed || g.line.Fields != nil || !samePage(breaks, at, g.line.No) {
			continue
		}
		ts := g.rc.tokens
		if g.rc.ok {
			if ts = tokens(g.line.Text); len(ts) < NumCols {
				continue
			}
			ts = ts[len(ts)-NumCols:]
		}
		for _, t := range ts {
			if t.center >= 0 && !slices.ContainsFunc(cols, func(c int) bool { return abs(t.center-c) <= 2 }) {
				return // (a number glued to its label stands where the label ends)
			}
		}
	}
	if labels := p.placeAddingUp(got, unplaced, underHeadings(cols, true)); len(labels) > 0 {
		p.warn("PARSE.READ", "applications", got[0].line.No, "表三有 %d 行（%s）有空白单元格、没有完整的一行可作参照，各数按表头各栏在本页的位置读取（PDF 转换的文字位置；本页各数都在某一栏的表头之下，各行都合计相符）",
			len(labels), strings.Join(labels, "、"))
	}
}

// t3LaidHeadingColumns are the middles of 表三's seven column headings
// above its first row in a text laid out by characters (not Line.Placed),
// and the source line of the last of them; nil when they are not seven.
func (p *parser) t3LaidHeadingColumns(got []t3Line) ([]int, int) {
	lo, _ := p.region("3")
	if lo < 0 || len(got) == 0 {
		return nil, 0
	}
	var cs []int
	at := 0
	for _, l := range p.lines[lo:] {
		if l.No >= got[0].line.No {
			break // the headings are above the first row
		}
		if l.Placed || l.Fields != nil || l.Segmented || strings.ContainsFunc(l.Text, isDigit) {
			continue
		}
		for _, t := range tokens(l.Text) {
			if slices.ContainsFunc(T3ColumnLabels, func(lb string) bool { return hasText(lb, t.s) }) {
				cs = append(cs, placedMiddle(t))
				at = l.No
			}
		}
	}
	if cols := headingColumns(cs); len(cols) == NumCols {
		return cols, at
	}
	return nil, 0
}

// placeEach places or keeps (placeOrKeep) each row of got that waits
// (unplaced) where place places it.
func (p *parser) placeEach(got []t3Line, unplaced func(t3Line) bool, place func(t3Line) ([]string, bool)) {
	for k := range got {
		if g := &got[k]; unplaced(*g) {
			if cells, ok := place(*g); ok {
				p.placeOrKeep(g, cells)
			}
		}
	}
}

// placeOrKeep reads a row with blanks placed by position (cells) when it
// adds up, and else keeps it as it stands in the columns: the report's
// error, said when the table is settled (keepInCells).
func (p *parser) placeOrKeep(g *t3Line, cells []string) {
	if placedAddsUp(cells) {
		g.rc.cells, g.rc.ok, g.byPosition = cells, true, true
		return
	}
	g.inColumns = true
	p.keepInCells(g.row.Key, cells)
}

// placeByT3Ruler places the rows with blanks of a Markdown simple table or
// pandoc's plain text (a run of dashes per column in a ruler under the
// first header line, each column padded by display width) that no complete
// row placed, by that ruler above 表三's first row: its last seven runs are
// the count columns (a ruler of more runs: the label's columns before
// them, however pandoc split a header it could not span — from HTML its
// headings stand over the wrong columns, so they give no places). Each
// number must lie inside its own column's dashes, in order; a row that
// then adds up is read, one that does not is kept as it stands in the
// columns (the report's error), as placeByT3Header keeps one.
func (p *parser) placeByT3Ruler(got []t3Line) {
	unplaced := func(g t3Line) bool { return g.awaitsPlace() && !g.line.Placed }
	if !slices.ContainsFunc(got, unplaced) {
		return
	}
	runs := p.t3Ruler(got)
	if runs == nil {
		return
	}
	if !rulerLabelsAmongCounts(got, runs) {
		cols := runs[len(runs)-NumCols:]
		p.placeEach(got, unplaced, func(g t3Line) ([]string, bool) {
			return inRuler(wideNumbers(g.line.Text, strs(g.rc.tokens)), cols)
		})
		return
	}
	// a run that holds a label in one row holds counts in another: each
	// row's cells are the seven runs after its label's last (pandoc's text
	// of an ODT, whose merged cells it drops: a row under a group's merged
	// label starts a run to the left of one with the group's label)
	p.placeEach(got, unplaced, func(g t3Line) ([]string, bool) {
		nums := wideNumbers(g.line.Text, strs(g.rc.tokens))
		all := measuredTokens(g.line.Text, true)
		if nums == nil || len(all) == len(nums) {
			return nil, false
		}
		k := runAt(runs, all[len(all)-len(nums)-1].end-1)
		if k < 0 || k+1+NumCols > len(runs) {
			return nil, false
		}
		return inRuler(nums, runs[k+1:k+1+NumCols])
	})
}

// rulerLine says t is dashes and spaces, two dashes together at least, or
// the same of = (reStructuredText's simple tables).
func rulerLine(t string) bool {
	return hasText(t, "--") && strings.Trim(t, "- ") == "" || hasText(t, "==") && strings.Trim(t, "= ") == ""
}

// tableRuler says t is a simple table's ruler (pandoc's plain text and
// Markdown; reStructuredText's of =): two runs of three or more and nothing
// else.
func tableRuler(t string) bool {
	if !rulerLine(t) {
		return false
	}
	ts := tokens(t)
	return len(ts) >= 2 && !slices.ContainsFunc(ts, func(r tok) bool { return len(r.s) < 3 })
}

// t3Ruler is the ruler of a simple table above 表三's first row (pandoc: a
// run of dashes a column, more than seven), its runs; nil when none.
func (p *parser) t3Ruler(got []t3Line) []tok {
	lo, _ := p.region("3")
	if lo < 0 || len(got) == 0 {
		return nil
	}
	var runs []tok
	for _, l := range p.lines[lo:] {
		if l.No >= got[0].line.No {
			break // the ruler is above the first row
		}
		if l.Fields != nil || !rulerLine(l.Text) {
			continue
		}
		if ts := tokens(l.Text); len(ts) > NumCols { // (the ruler is ASCII: its columns are characters)
			runs = ts
		}
	}
	return runs
}

// rulerLabelsAmongCounts says a run of a simple table's ruler holds a row's
// label (a word's last character) in one row of got and a count in another:
// the rows do not keep their cells in the same runs.
func rulerLabelsAmongCounts(got []t3Line, runs []tok) bool {
	labels := make([]bool, len(runs))
	counts := make([]bool, len(runs))
	for _, g := range got {
		nums := g.rc.numbers()
		all := measuredTokens(g.line.Text, true)
		if len(nums) == 0 || len(all) <= len(nums) || wideNumbers(g.line.Text, nums) == nil {
			continue
		}
		for i, t := range all {
			if k := runAt(runs, t.end-1); k >= 0 {
				if i < len(all)-len(nums) {
					labels[k] = true
				} else {
					counts[k] = true
				}
			}
		}
	}
	for k := range runs {
		if labels[k] && counts[k] {
			return true
		}
	}
	return false
}

// runAt is the index of the ruler's run that column col falls in, -1 when
// it falls between runs or past them.
func runAt(runs []tok, col int) int {
	for k, r := range runs {
		if col >= r.start && col < r.end {
			return k
		}
	}
	return -1
}

// inRuler places numbers laid out by display width (ts, in their order)
// in the columns of a simple table's ruler (cols: its runs of dashes), each
// inside its own column's dashes.
func inRuler(ts []tok, cols []tok) ([]string, bool) {
	if ts == nil {
		return nil, false
	}
	cells := make([]string, len(cols))
	c := 0
	for _, t := range ts {
		for c < len(cols) && cols[c].end <= t.start {
			c++
		}
		if c == len(cols) || t.start < cols[c].start || t.end > cols[c].end {
			return nil, false
		}
		cells[c] = t.s
		c++
	}
	return cells, true
}

// t2Ruler is the ruler of a simple table (pandoc: a run of dashes a
// column) on the lines above line at of 表二 (not before lo), the nearest,
// when it has a run for the label and one for each of it's cells: those
// cells' runs. nil when there is none; a ruler of other columns, or a
// heading line of another group between (the ruler heads the group
// before), gives none — but reStructuredText's (of =), a table's for all of
// 表二, gives its first runs after the label's to each row.
func (p *parser) t2Ruler(it T2Item, lo, at int) []tok {
	groups := 0 // the groups' heading lines passed (信息内容 …)
	for k := at - 1; k >= lo; k-- {
		l := p.lines[k]
		if l.Fields != nil {
			return nil
		}
		if hasText(l.Text, "信息内容") {
			groups++
			continue
		}
		if !rulerLine(l.Text) {
			continue
		}
		ts := tokens(l.Text) // (ASCII: its columns are characters)
		switch {
		case groups <= 1 && len(ts) == len(it.Cells)+1:
			return ts[1:]
		case strings.HasPrefix(ts[0].s, "==") && len(ts) > len(it.Cells):
			// reStructuredText's simple table: one for all of 表二, its
			// rulers over the header only, a run for the label and one
			// for each column of the widest group
			return ts[1 : 1+len(it.Cells)]
		}
		return nil
	}
	return nil
}

// placeByWideHeader places the rows with blanks of a text browser's dump
// (w3m, elinks: a table laid out by display width, a Chinese character two
// columns wide) that no complete row placed, by 表三's column headings: a
// report that leaves its 0s blank may have no complete row, or one whose
// label wrapped. The pieces of the seven headings (自然人 / 商业企 / 业 …)
// make seven columns, each piece of one at the same middle (a heading cell
// centred, as a browser sets one) or the same left or right edge (aligned
// so); a column spans its pieces. A browser sets the numbers of a column
// at its left edge, its middle or its right edge, as their cells are
// aligned: each number must stand there exactly (half a column off for a
// middle). Text laid out by characters (pdftotext -layout) lines up by
// display width only by chance, and not in every row: a way of setting
// the numbers is kept only when two thirds of the rows awaiting a place,
// two at least, fit it and add up; each row that fits and adds up is read
// then, one that fits and does not is kept as it stands in the columns
// (the report's error, as placeByT3Header keeps one), the others stay
// unread. Where the rows lined up by display width
// already (p.measure), fewer than two waiting, the edge two rows read
// stand at is the edge kept (p.wideEdge, for 表四).
func (p *parser) placeByWideHeader(got []t3Line) {
	unplaced := func(g t3Line) bool { return g.awaitsPlace() && !g.line.Placed }
	waiting := 0
	for _, g := range got {
		if unplaced(g) {
			waiting++
		}
	}
	if waiting < 2 && p.measure != measureWidth {
		return // (with the measure by width, the rows read tell the edge 表四 is placed by)
	}
	cols := rightEdgesByNumbers(got, p.t3WideHeadingColumns(got))
	if cols == nil {
		return
	}
	for e := range 3 { // the numbers set left, in the middle, right
		placed := make(map[int][]string)
		wrong := make(map[int][]string) // rows standing in the columns that do not add up
		// the rows with a number other than 0 (a row of 0s adds up
		// wherever it stands) that stand in the columns so: placed now, or
		// read before as they stand
		counted := 0
		for k, g := range got {
			switch {
			case unplaced(g):
				switch cells := underWideColumns(wideNumbers(g.line.Text, strs(g.rc.tokens)), cols, e); {
				case cells == nil:
				case placedAddsUp(cells):
					placed[k] = cells
					if !allZero(cells) {
						counted++
					}
				default:
					wrong[k] = cells
				}
			case g.rc.ok && g.line.Fields == nil && !g.line.Segmented && !g.line.Placed && !allZero(g.rc.cells):
				if readAtWideEdge(g, cols, e) {
					counted++
				}
			}
		}
		if counted < 2 || 3*len(placed) < 2*waiting && waiting >= 2 {
			continue
		}
		for k, cells := range placed {
			got[k].rc.cells, got[k].rc.ok, got[k].byPosition = cells, true, true
		}
		for k, cells := range wrong {
			// its numbers where they stand: the report's error, as
			// placeByT3Header keeps one
			got[k].inColumns = true
			p.keepInCells(got[k].row.Key, cells)
		}
		p.measure, p.wideEdge = measureWidth, e+1 // (表四's headings are placed so too)
		return
	}
}

// wideHeadingsHold says 表三's rows stand under its headings laid out by
// display width (t3WideHeadingColumns), at one edge of them exactly: of
// the rows with a number other than 0 on their lines, complete or not,
// three at least and two thirds (a row that does not add up so counts
// against it; rows of 0s, which stand anywhere, do not count).
func (p *parser) wideHeadingsHold(got []t3Line) bool {
	rows := 0
	for _, g := range got {
		if g.line.Fields == nil && !g.line.Segmented && !g.line.Placed && (g.rc.ok && !allZero(g.rc.cells) || g.awaitsPlace() && !allZero(strs(g.rc.tokens))) {
			rows++
		}
	}
	if rows < 3 {
		return false
	}
	cols := rightEdgesByNumbers(got, p.t3WideHeadingColumns(got))
	if cols == nil {
		return false
	}
	for e := range 3 {
		fit := 0
		for _, g := range got {
			if g.line.Fields != nil || g.line.Segmented || g.line.Placed {
				continue
			}
			switch {
			case g.rc.ok && !allZero(g.rc.cells):
				if readAtWideEdge(g, cols, e) {
					fit++
				}
			case g.awaitsPlace():
				if cells := underWideColumns(wideNumbers(g.line.Text, strs(g.rc.tokens)), cols, e); cells != nil && placedAddsUp(cells) && !allZero(cells) {
					fit++
				}
			}
		}
		if fit >= 3 && 3*fit >= 2*rows {
			return true
		}
	}
	return false
}

// rightEdgesByNumbers gives the columns of 表三's headings by display width
// (cols) the right edges their numbers show: a browser centres a narrow
// column's heading (总 / 计) in a column the numbers may make wider, so
// numbers set at its right edge end past the heading's. Each number of the
// rows laid out by width (read or waiting) that ends between a column's
// heading's right edge and the next column's left edge is that column's;
// where every such number of a column ends at one place, that is its right
// edge. cols unchanged where the numbers disagree (no right edge then).
func rightEdgesByNumbers(got []t3Line, cols [][3]int) [][3]int {
	if cols == nil {
		return nil
	}
	ends := make([]int, len(cols))
	for c := range ends {
		ends[c] = -1
	}
	for _, g := range got {
		if g.line.Fields != nil || g.line.Segmented || g.line.Placed {
			continue
		}
		var nums []string
		switch {
		case g.awaitsPlace():
			nums = strs(g.rc.tokens)
		case g.rc.ok:
			for _, c := range g.rc.cells {
				if c != "" {
					nums = append(nums, c)
				}
			}
		default:
			continue
		}
		for _, t := range wideNumbers(g.line.Text, nums) {
			at := 2 * (t.end - 1)
			for c := range cols {
				if at < cols[c][2] || c+1 < len(cols) && at >= cols[c+1][0] {
					continue
				}
				if ends[c] >= 0 && ends[c] != at {
					return cols // (numbers of one column ending apart: not set at its right edge)
				}
				ends[c] = at
				break
			}
		}
	}
	out := slices.Clone(cols)
	for c, at := range ends {
		if at >= 0 {
			out[c][2] = at
		}
	}
	return out
}

// readAtWideEdge says a row read (rc.cells) stands on its line as read
// under the columns cols at edge e (underWideColumns).
func readAtWideEdge(g t3Line, cols [][3]int, e int) bool {
	var filled []string
	for _, c := range g.rc.cells {
		if c != "" {
			filled = append(filled, c)
		}
	}
	cells := underWideColumns(wideNumbers(g.line.Text, filled), cols, e)
	return cells != nil && slices.Equal(cells, g.rc.cells)
}

// underWideColumns places numbers laid out by display width (ts, in their
// order) one to a column of cols (t3WideHeadingColumns), each at the
// column's edge e (left, middle, right) exactly, half a column off for a
// middle; nil when one is not.
func underWideColumns(ts []tok, cols [][3]int, e int) []string {
	if ts == nil {
		return nil
	}
	n := len(cols)
	cells := make([]string, n)
	c := 0
	for _, t := range ts {
		at := wideEdges(t)[e]
		for c < n && cols[c][e] < at-1 {
			c++
		}
		if c == n || abs(cols[c][e]-at) > [3]int{0, 1, 0}[e] {
			return nil
		}
		cells[c] = t.s
		c++
	}
	return cells
}

// wideEdges are a token's left edge, middle and right edge by display
// width, doubled (a middle may fall between two columns).
func wideEdges(t tok) [3]int { return [3]int{2 * t.start, t.start + t.end - 1, 2 * (t.end - 1)} }

// wideNumbers are the last tokens of a line, the numbers nums, with their
// columns by display width; nil unless they are those numbers.
func wideNumbers(text string, nums []string) []tok {
	all := measuredTokens(text, true)
	n := len(nums)
	if n == 0 || len(all) <= n {
		return nil
	}
	ts := all[len(all)-n:]
	for i, t := range ts {
		if t.s != nums[i] {
			return nil
		}
	}
	return ts
}

// t3WideHeadingColumns are the seven columns of 表三's headings laid out by
// display width, above the first row: for each, doubled, its left edge, its
// middle and its right edge. The headings' words are gathered into columns
// by their middles (a piece of a wrapped heading centred under the piece
// above it; half a column apart at most) or else by their left or right
// edges; nil unless that makes exactly seven.
func (p *parser) t3WideHeadingColumns(got []t3Line) [][3]int {
	lo, _ := p.region("3")
	if lo < 0 || len(got) == 0 {
		return nil
	}
	type word struct {
		at   [3]int // doubled: left edge, middle, right edge
		text string
		n    int // its place in the text
	}
	var words []word // in the order of the lines
	for _, l := range p.lines[lo:] {
		if l.No >= got[0].line.No {
			break // the headings are above the first row
		}
		if l.Placed || l.Fields != nil || l.Segmented || strings.ContainsFunc(l.Text, isDigit) {
			continue
		}
		for _, t := range measuredTokens(l.Text, true) {
			if slices.ContainsFunc(T3ColumnLabels, func(lb string) bool { return hasText(lb, t.s) }) {
				words = append(words, word{wideEdges(t), t.s, len(words)})
			}
		}
	}
	if len(words) < NumCols {
		return nil
	}
	for _, e := range []int{1, 0, 2} {
		byEdge := slices.Clone(words)
		slices.SortFunc(byEdge, func(a, b word) int { return a.at[e] - b.at[e] })
		var cols [][3]int
		for i := 0; i < len(byEdge); {
			c := byEdge[i].at
			j := i
			for j+1 < len(byEdge) && byEdge[j+1].at[e]-byEdge[i].at[e] <= [3]int{0, 1, 0}[e] {
				j++
				c[0], c[2] = min(c[0], byEdge[j].at[0]), max(c[2], byEdge[j].at[2])
			}
			// the column's words, top to bottom, spell its heading (a
			// page that keeps no columns, lynx's, has seven words apart
			// too: 自然人 and 商业企业 on two lines, both at its margin)
			var label strings.Builder
			for _, w := range slices.SortedFunc(slices.Values(byEdge[i:j+1]), func(a, b word) int { return a.n - b.n }) {
				label.WriteString(w.text)
			}
			if len(cols) == NumCols || label.String() != T3ColumnLabels[len(cols)] {
				cols = nil
				break
			}
			cols = append(cols, c)
			i = j + 1
		}
		if len(cols) == NumCols {
			for i := range cols {
				cols[i][1] = (cols[i][0] + cols[i][2]) / 2
			}
			return cols
		}
	}
	return nil
}

// t3HeadingColumns are the middles of 表三's seven column headings in our
// PDF reader's text (Line.Placed), above the first row (got's first); nil
// unless the headings' words make exactly seven columns.
func (p *parser) t3HeadingColumns(got []t3Line) []int {
	var cs []int
	for _, w := range p.t3HeadingWords(got) {
		cs = append(cs, w.mid)
	}
	if cols := headingColumns(cs); len(cols) == NumCols {
		return cols
	}
	return nil
}

// headingWord is a word of a column heading and its middle on the page.
type headingWord struct {
	mid int
	s   string
}

// t3HeadingWords are the words of 表三's column headings in our PDF
// reader's text (Line.Placed) above its first row (got's first), in the
// order read, with their middles (placedMiddle); a word a space after
// Chinese text is left out.
func (p *parser) t3HeadingWords(got []t3Line) []headingWord {
	lo, _ := p.region("3")
	if lo < 0 || len(got) == 0 {
		return nil
	}
	var ws []headingWord
	for _, l := range p.lines[lo:] {
		if l.No >= got[0].line.No {
			break // the headings are above the first row
		}
		if !l.Placed || l.Fields != nil || strings.ContainsFunc(l.Text, isDigit) {
			continue
		}
		var rs []rune // (the line's characters, once a heading's word is found)
		for _, t := range tokens(l.Text) {
			if slices.ContainsFunc(T3ColumnLabels, func(lb string) bool { return hasText(lb, t.s) }) {
				if rs == nil {
					rs = []rune(l.Text)
				}
				if t.start >= 2 && rs[t.start-1] == ' ' && wideRune(rs[t.start-2]) {
					// a word a space after Chinese text (a narrow page's
					// 自 beside 表三's note; 社会 法律 in a narrow column):
					// the reader wrote it a space after that text, one
					// column to each character, not at its place on the
					// page
					continue
				}
				ws = append(ws, headingWord{placedMiddle(t), t.s})
			}
		}
	}
	return ws
}

// gridUnderHeadings says each of a page grid's seven columns has its
// heading's middle within it or a character beside it.
func gridUnderHeadings(grid [][2]int, cols []int) bool {
	for i, g := range grid {
		if cols[i] < g[0]-1 || cols[i] > g[1]+1 {
			return false
		}
	}
	return true
}

// placedAddsUp says a row placed by position adds up: its 总计 is the sum
// of the others, a mark for 0 (— / 无) counting as 0, or it is all 0, blank
// or marks with its 总计 blank (a row of zeros whose 总计 was left blank adds
// up to nothing).
func placedAddsUp(cells []string) bool {
	if addsUp(cells) || addsUpMarked(cells) {
		return true
	}
	if cells[NumCols-1] != "" {
		return false
	}
	for _, c := range cells {
		if v, ok := toCell(c).Int(); c != "" && (!ok || v != 0) && !isPlaceholder(trimSpace(c)) {
			return false
		}
	}
	return true
}

// allZero says each cell of a row is 0 or blank.
func allZero(cells []string) bool {
	for _, c := range cells {
		if v, ok := toCell(c).Int(); c != "" && (!ok || v != 0) {
			return false
		}
	}
	return true
}

// pageCenters are the centers (by characters) of the numbers of the
// space-aligned 表三 rows on a page.
func pageCenters(got []t3Line, breaks []int, page int) []int {
	return pageCentersOf(got, breaks, page, nil)
}

// pageCentersOf are pageCenters of the numbers keep keeps (all, nil).
func pageCentersOf(got []t3Line, breaks []int, page int, keep func(tok) bool) []int {
	var out []int
	for _, g := range got {
		if g.line.Fields != nil || g.line.Segmented || pageOf(breaks, g.line.No) != page {
			continue
		}
		for _, t := range laidOutNumbers(g) {
			if t.center >= 0 && (keep == nil || keep(t)) { // (a number glued to its label has no place of its own)
				out = append(out, t.center)
			}
		}
	}
	return out
}

// laidOutNumbers are the numbers of a 表三 row of space-aligned text with
// their columns: a row read, the numbers at its line's end (seven, or fewer
// when it was placed by a complete row); a row with blanks, its numbers.
func laidOutNumbers(g t3Line) []tok {
	switch {
	case g.rc.ok:
		all := tokens(g.line.Text)
		i := len(all)
		for i > 0 && len(all)-i < NumCols && isNumber(all[i-1].s) {
			i--
		}
		return all[i:]
	case g.rc.spaced && len(g.rc.tokens) < NumCols:
		return g.rc.tokens
	}
	return nil
}

// gridColumns groups the centers of a page's numbers into the table's
// columns: centers a character apart at most are one column (pdftotext
// moves a line by one now and then). There must be exactly NumCols groups,
// each at most two characters wide and three or more apart from the next,
// so that no number could be in two; nil otherwise (a column blank on the
// whole page, or lines whose columns drift).
func gridColumns(centers []int, placed bool) [][2]int {
	if len(centers) < NumCols {
		return nil
	}
	out, size := columnGroups(centers)
	// a column of one number is no column pdftotext -layout's text can be
	// trusted with: it closes a narrow table's gaps up unevenly, and a
	// page's numbers then fall in seven groups by chance, a row a column
	// off (20 cells of 30 A5 pages); our PDF reader's gaps are to scale
	if len(out) != NumCols || !placed && slices.Contains(size, 1) || !groupsApart(out, placed) {
		return nil
	}
	return out
}

// columnGroups groups centers a character apart at most, each group with
// how many centers it has.
func columnGroups(centers []int) (out [][2]int, size []int) {
	cs := slices.Clone(centers)
	slices.Sort(cs)
	for _, c := range cs {
		if n := len(out); n > 0 && c-out[n-1][1] <= 1 {
			out[n-1][1] = c
			size[n-1]++
			continue
		}
		out = append(out, [2]int{c, c})
		size = append(size, 1)
	}
	return out, size
}

// groupsApart says each group is at most two characters wide and three or
// more from the next, so that no number could be in two, and, but in our
// PDF reader's text (placed: its gaps are to scale), no two groups are less
// than half as far apart as groups mostly are: pdftotext -layout may set
// one column's numbers in two groups a few characters apart (15 and 6 of
// 商业企业 three and a half apart where columns are eight to ten), a column
// blank on the page then making seven groups by chance, a row a column off.
func groupsApart(out [][2]int, placed bool) bool {
	if !groupsApartWithin(out, 2) {
		return false
	}
	if !placed && len(out) >= 4 {
		gaps := make([]int, 0, len(out))
		for i := 1; i < len(out); i++ {
			gaps = append(gaps, (out[i][0]+out[i][1]-out[i-1][0]-out[i-1][1])/2)
		}
		sorted := slices.Clone(gaps)
		slices.Sort(sorted)
		median := sorted[len(sorted)/2]
		for _, d := range gaps {
			if 2*d < median {
				return false
			}
		}
	}
	return true
}

// groupsApartWithin says each group is at most width characters wide and
// three or more from the next.
func groupsApartWithin(out [][2]int, width int) bool {
	for i, g := range out {
		if g[1]-g[0] > width || i > 0 && g[0]-out[i-1][1] < 3 {
			return false
		}
	}
	return true
}

// maxMergedWidth is how wide a group mergedGroups makes may be: its
// numbers then lie two characters from its middle at most, well inside
// placeInOrder's four.
const maxMergedWidth = 4

// pageGroupSets are the ways a page's groups of numbers may be its columns
// (placeByIdentities), each as the groups' middles: seven groups apart are
// the seven columns, a number alone in one too (a column of zeros left
// blank but one); else its groups of two numbers or more (five to seven)
// are, or, where those are not, with the groups of one number other than
// 0 (a page after a page break whose rows with blanks hold a few counts of
// their own: （七）总计's 2 under 社会公益组织 alone, which the identities
// then place). And each way of merging neighbours whose middles are closer than
// half the page's usual gap, up to three pairs, into seven, six or five
// groups maxMergedWidth wide at most is one too (of several ways, those
// with fewest narrow gaps): pdftotext -layout sets a number of two or
// three digits a few characters left of its column's single digits on a
// page it laid out at another scale (312 at 40, 0 at 43, the next column
// at 52), which columnGroups then counts as a column of its own. nil: no
// way.
func pageGroupSets(centers, zeros []int) [][]int {
	groups, size := columnGroups(centers)
	var sets [][]int
	// a number alone in its group is set aside only where the others
	// make all seven columns: on a page of fewer, it may be the one
	// number of a column of zeros left blank, and which column the
	// zeros are in the identities cannot tell; where that leaves no way,
	// a number alone other than 0 is kept
	for _, alone := range []bool{false, true} {
		kept := groups
		if len(groups) != NumCols || !groupsApart(groups, true) {
			kept = nil
			for i, gr := range groups {
				if size[i] >= 2 || alone && !slices.Contains(zeros, gr[0]) {
					kept = append(kept, gr)
				}
			}
		}
		if len(kept) >= NumCols-2 && len(kept) <= NumCols && (len(kept) == NumCols || len(kept) == len(groups)) && groupsApart(kept, true) {
			sets = append(sets, groupMiddles(kept))
			break
		}
	}
	// (only groups closer than half the page's usual gap: on a narrow page
	// the columns themselves stand four characters apart)
	maxGap := usualGap(groups) / 2
	for k := NumCols; k >= NumCols-2; k-- {
		if len(groups) <= k || len(groups) > k+3 {
			continue
		}
		for _, m := range mergedGroups(groups, len(groups)-k, maxGap) {
			if groupsApartWithin(m, maxMergedWidth) {
				sets = append(sets, groupMiddles(m))
			}
		}
	}
	if len(sets) < 2 {
		return sets
	}
	// of several, the ones with fewest columns closer than half of the gaps
	// between columns mostly are (but the last, 其他 to 总计, which may be
	// narrow): a page's columns are evenly apart, and zeros placed by a set
	// that keeps a two-digit number and its column's digits apart (49 and
	// 52 where columns are nine apart) hold the identities as well
	least := NumCols
	odd := make([]int, len(sets))
	for i, mids := range sets {
		odd[i] = narrowGaps(mids)
		least = min(least, odd[i])
	}
	even := sets[:0]
	for i, mids := range sets {
		if odd[i] == least {
			even = append(even, mids)
		}
	}
	return even
}

// narrowGaps counts the gaps between columns (mids, in order), the last
// one aside, under half of the gaps' median.
func narrowGaps(mids []int) int {
	if len(mids) < 4 {
		return 0
	}
	gaps := make([]int, 0, len(mids)-1)
	for i := 1; i < len(mids); i++ {
		gaps = append(gaps, mids[i]-mids[i-1])
	}
	sorted := slices.Clone(gaps)
	slices.Sort(sorted)
	median := sorted[len(sorted)/2]
	n := 0
	for _, d := range gaps[:len(gaps)-1] {
		if 2*d < median {
			n++
		}
	}
	return n
}

// usualGap is the distance between neighbouring groups' middles that a
// quarter of them exceed: the columns' usual gap where a few groups are a
// column's numbers split (each split adds a small gap and halves a usual
// one, which would pull a median down).
func usualGap(groups [][2]int) int {
	if len(groups) < 2 {
		return 0
	}
	gaps := make([]int, 0, len(groups)-1)
	for i := 1; i < len(groups); i++ {
		gaps = append(gaps, (groups[i][0]+groups[i][1]-groups[i-1][0]-groups[i-1][1])/2)
	}
	slices.Sort(gaps)
	return gaps[len(gaps)*3/4]
}

// groupMiddles are the middles of groups.
func groupMiddles(groups [][2]int) []int {
	mids := make([]int, len(groups))
	for i, gr := range groups {
		mids[i] = (gr[0] + gr[1]) / 2
	}
	return mids
}

// mergedGroups are the ways of merging n pairs of neighbouring groups (a
// group merged again counts again) whose middles are maxGap apart at most,
// each merged group maxMergedWidth wide at most, without repeats.
func mergedGroups(groups [][2]int, n, maxGap int) [][][2]int {
	if n == 0 {
		return [][][2]int{groups}
	}
	var out [][][2]int
	for i := 0; i+1 < len(groups); i++ {
		if groups[i+1][1]-groups[i][0] > maxMergedWidth || groups[i+1][0]+groups[i+1][1]-groups[i][0]-groups[i][1] > 2*maxGap {
			continue
		}
		m := slices.Clone(groups)
		m[i][1] = m[i+1][1]
		m = slices.Delete(m, i+1, i+2)
		for _, w := range mergedGroups(m, n-1, maxGap) {
			if !slices.ContainsFunc(out, func(o [][2]int) bool { return slices.Equal(o, w) }) {
				out = append(out, w)
			}
		}
	}
	return out
}

// usedColumns groups the centers of a page's numbers into the columns the
// page uses when they are fewer than seven (pdftotext -layout leaves out a
// column blank on the whole page): two or more groups, each of two numbers
// or more, as gridColumns' groups are apart; nil otherwise.
func usedColumns(centers []int) [][2]int {
	out, size := columnGroups(centers)
	if len(out) < 2 || len(out) >= NumCols || slices.Contains(size, 1) || !groupsApart(out, false) {
		return nil
	}
	return out
}

// placeInGrid puts each number in the column (gridColumns) its center is
// in, no two in one.
func placeInGrid(ts []tok, grid [][2]int) ([]string, bool) {
	if grid == nil {
		return nil, false
	}
	cells := make([]string, len(grid))
	for _, t := range ts {
		i := slices.IndexFunc(grid, func(g [2]int) bool { return g[0] <= t.center && t.center <= g[1] })
		if i < 0 || cells[i] != "" {
			return nil, false
		}
		cells[i] = t.s
	}
	return cells, true
}

// pageOf is the number of the page (from 0) source line n is on.
func pageOf(breaks []int, n int) int {
	k := 0
	for _, x := range breaks {
		if x <= n {
			k++
		}
	}
	return k
}

// pageBreaks are the source lines where a page starts (Line.Break).
func (p *parser) pageBreaks() []int {
	var out []int
	for _, l := range p.lines {
		if l.Break {
			out = append(out, l.No)
		}
	}
	return out
}

// breakAmong says a page starts on a line of index from to index to
// (Line.Break).
func (p *parser) breakAmong(from, to int) bool {
	for k := from; k <= to && k < len(p.lines); k++ {
		if p.lines[k].Break {
			return true
		}
	}
	return false
}

// samePage says no page starts between source lines a and b.
func samePage(breaks []int, a, b int) bool {
	lo, hi := min(a, b), max(a, b)
	for _, x := range breaks {
		if lo < x && x <= hi {
			return false
		}
	}
	return true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// blanksApart reports whether a row's numbers, fewer than its cells, are
// cells with blanks between them rather than digits run together: "64 0 2 4
// 70" on a line of its own (pdf.js's text of a row with blanks), each number
// a count as written on its own, with no cut of their digits into seven
// cells that adds up. On a page that lost its line breaks spaces are no such
// sign when few ("160 02 0 018", "6400204 71"), and a cut that does not add up
// is the report's own error.
func blanksApart(g t3Line) bool {
	n := len(g.rc.tokens)
	if n >= NumCols {
		return false
	}
	if g.line.Segmented {
		// on a page that lost its line breaks, a row of four or more
		// counts a space apart whose cells cannot all be in its last
		// (a page that glues only the last two: "1 0 0 0 0 312") is one
		// whose blanks left no trace ("24 0 0 0 24": 2 4 0 0 0 2 4 would
		// need a space missing inside both 24s, and at no other border)
		last := g.rc.tokens[n-1].s
		if n < 4 || len(last) >= NumCols-(n-1) {
			return false
		}
	}
	toks := strs(g.rc.tokens)
	return wellFormed(toks) && len(splitTokens(toks, NumCols, NumCols, 64)) == 0
}

// wellFormed reports whether each token is a count as written on its own:
// no leading zero ("02" is digits run together) and at most maxCellDigits
// digits.
func wellFormed(toks []string) bool {
	for _, t := range toks {
		if len(t) > maxCellDigits || len(t) > 1 && t[0] == '0' || !isNumber(t) {
			return false
		}
	}
	return true
}

// wholeOf are numbers with an amount's decimals left out (0.24 is 0, a
// whole number as written; 024 is not one), for wellFormed to ask of 表二's
// cells, a count or an amount of 万元.
func wholeOf(toks []string) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		if w, frac, ok := strings.Cut(t, "."); ok && frac != "" && allASCIIDigits(frac) {
			t = w
		}
		out[i] = t
	}
	return out
}

// wholeApart says tokens are several counts a space apart, each one that
// may be a cell as written (not a run of digits that must be several).
func wholeApart(toks []tok) bool { return len(toks) > 1 && wellFormed(strs(toks)) }

// solveT3 splits rows whose digits ran together. Each row must satisfy its own
// sum; what is still open is settled by the column identities. Where more than
// one reading fits, the differing cells stay null (PARSE.AMBIGUOUS).
//
// In a table that leaves cells blank (p.blanky) a row that also reads with
// blanks is not cut into seven.
func (p *parser) solveT3(runs []t3Line) {
	r := p.r
	const limit = 4096
	cands := make([][][]int64, len(runs))
	var unequal []int // runs whose only cut does not add up
	var noCut []int   // runs no cut of which adds up
	// for each run, in a table that leaves cells blank, its readings with
	// blanks that add up: a run with any has no candidates, settled below
	withBlanks := make([][][]int64, len(runs))
	apart := make([]bool, len(runs)) // runs of whole counts, fewer than the cells, not cut
	for i, g := range runs {
		if g.cuts != nil {
			cands[i] = g.cuts
			continue
		}
		toks := strs(g.rc.tokens)
		if p.blanky {
			if withBlanks[i] = blankReadings(toks); len(withBlanks[i]) > 0 {
				continue
			}
		}
		// the only cut there is (seven digits for seven cells) is the row,
		// even when it does not add up: that is the report's own error
		if forced := splitCounts(toks, NumCols, 0, 2); len(forced) == 1 {
			if p.blanky && wholeCountsApart(toks) {
				// counts a space apart, fewer than the cells, one of
				// them not the last of two digits or more, in a table
				// that leaves cells blank: a row with blanks (that does
				// not add up, or it would not be here), its digits one
				// to a cell adding up by chance (0 12 2 1 17 as 0 1 2 2 1
				// 1 7, a number of the row lost to the text)
				apart[i] = true
				continue
			}
			cands[i] = forced
			if !sumsUp(forced[0]) {
				unequal = append(unequal, i)
			}
			continue
		}
		cands[i] = splitCounts(toks, NumCols, NumCols, limit)
	}
	// joint search over the rows with several candidates, bounded
	var open []int
	product := 1
	for i, c := range cands {
		if len(c) > 1 {
			open = append(open, i)
			product *= len(c)
			if product > 20000 {
				product = -1
				break
			}
		}
	}
	assign := make([]int, len(runs))
	var used [][]bool // for each run, the candidates the best combinations take
	// which run, if any, holds each template row: found once, not for
	// each of up to 20 000 combinations
	rowRun := make([]int, len(r.Format.T3Rows()))
	for k, row := range r.Format.T3Rows() {
		rowRun[k] = -1
		for i, g := range runs {
			if g.row.Key != row.Key {
				continue
			}
			if len(cands[i]) > 0 {
				rowRun[k] = i
			} else {
				rowRun[k] = -2 // no cut: settled later, not known now
			}
		}
	}
	closest := 0 // the identities the readings kept break: the report's own errors
	if product > 0 && len(open) > 0 {
		// every combination is tried (20 000 at most); the candidates of
		// those that break the fewest column identities are kept
		s := t3Search{rows: r.Format.T3Rows(), open: open, cands: cands, assign: assign, rowRun: rowRun, fixed: p.t3Fixed(rowRun), best: -1,
			used: make([][]bool, len(runs))}
		for _, i := range open {
			s.used[i] = make([]bool, len(cands[i]))
		}
		s.rec(0)
		best := s.best
		used = s.used
		// None that holds: a table whose columns do not add up whatever
		// the cuts, the report's own error. Read by the cuts that break
		// the fewest identities — one error breaks one or two — only when
		// every other cell of the table is read (a cell unread would break
		// them too, and nothing could be told).
		if best > 0 {
			closest = best
			if best > 4 || !p.t3Complete(rowRun) {
				used, closest = nil, 0
			}
		}
	}
	for i, g := range runs {
		var v Row
		switch {
		case apart[i]:
			for c := range NumCols {
				p.ambiguous(t3Cell(g.row.Key, c))
			}
			p.warn("PARSE.TABLE", "applications."+g.row.Key, g.line.No, "表三“%s%s”读到 %d 个数（%s），应有 7 个，无法确定空白的位置；本报告有空白的单元格，这几个数又各自隔开，逐位拆成 7 栏虽能凑成行内之和，多半只是巧合（也可能有数字在转换中丢失），该行记为空，请对照原文核对",
				g.row.Group, g.row.Label, len(g.rc.tokens), strings.Join(strs(g.rc.tokens), " "))
			continue
		case len(withBlanks[i]) > 0:
			for c := range NumCols { // read below, once the other rows are in
				p.ambiguous(t3Cell(g.row.Key, c))
			}
			continue
		case len(cands[i]) >= 1 && g.cuts == nil && p.blanky && digitCount(g.rc.tokens) > NumCols && p.groupsMidway():
			// a table that leaves cells blank, in a text that follows the
			// page's layout: a run may be other rows' numbers too, and one
			// cut adding up may be chance (62211131224 as 6 2 211 1 3 1
			// 224), or what several cuts agree on (27714142477, （七）总计's
			// and 四、结转's numbers interleaved, 7 and 24 of its cells read);
			// nothing else here tells
			for c := range NumCols {
				p.ambiguous(t3Cell(g.row.Key, c))
			}
			how := "只有一种拆法满足行内之和（" + joinInts(cands[i][0]) + "）"
			if len(cands[i]) > 1 {
				how = "有 " + strconv.Itoa(len(cands[i])) + " 种拆法满足行内之和"
			}
			p.warn("PARSE.AMBIGUOUS", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字“%s”连在一起，%s，但本报告有空白的单元格，原文又按版面次序排列（合并单元格的文字夹在各行之间），这些数字可能不全是该行的，无法确认，该行记为空，请对照原文核对",
				g.row.Group, g.row.Label, strings.Join(strs(g.rc.tokens), " "), how)
			continue
		case len(cands[i]) == 1:
			for c, x := range cands[i][0] {
				v[c] = N(x)
			}
		case len(cands[i]) > 1 && used != nil:
			var amb []string
			first := slices.Index(used[i], true)
			for c := 0; c < NumCols; c++ {
				x := cands[i][first][c]
				same := true
				for a, u := range used[i] {
					if u && cands[i][a][c] != x {
						same = false
					}
				}
				if same {
					v[c] = N(x)
				} else {
					p.ambiguous(t3Cell(g.row.Key, c))
					amb = append(amb, T3ColumnLabels[c])
				}
			}
			if len(amb) > 0 {
				p.severalRuns = append(p.severalRuns, severalRun{row: g.row, toks: strs(g.rc.tokens), line: g.line.No, m: 1})
				p.warn("PARSE.AMBIGUOUS", "applications."+g.row.Key, g.line.No,
					"表三“%s%s”的数字“%s”连在一起，有多种拆分都满足表内勾稽关系，%s栏无法确定，记为空", g.row.Group, g.row.Label, strings.Join(strs(g.rc.tokens), " "), strings.Join(amb, "、"))
			}
		case len(cands[i]) == 0:
			noCut = append(noCut, i) // settled below, once the other rows are in
			continue
		default:
			// the cells every split that adds up agrees on are read (as
			// when one split does); the others are said
			var amb []string
			for c := 0; c < NumCols; c++ {
				x := cands[i][0][c]
				same := true
				for _, o := range cands[i][1:] {
					same = same && o[c] == x
				}
				if same {
					v[c] = N(x)
				} else {
					p.ambiguous(t3Cell(g.row.Key, c))
					amb = append(amb, T3ColumnLabels[c])
				}
			}
			p.warn("PARSE.AMBIGUOUS", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字“%s”连在一起，有 %d 种拆分满足行内之和，表内勾稽关系也无法区分，%s栏无法确定，记为空",
				g.row.Group, g.row.Label, strings.Join(strs(g.rc.tokens), " "), len(cands[i]), strings.Join(amb, "、"))
		}
		r.Applications[g.row.Key] = v
	}
	if closest > 0 {
		var cut []string
		for _, i := range open {
			cut = append(cut, "“"+runs[i].row.Group+runs[i].row.Label+"”（"+strings.Join(strs(runs[i].rc.tokens), " ")+"）")
		}
		p.warn("PARSE.READ", "applications", runs[open[0]].line.No, "表三%s的数字连在一起，有多种拆分都满足行内之和，但没有一种能使表三各栏的勾稽关系全部成立（报告本身有误）：按不成立之处最少（%d 处）的拆分读取，其中仍无法确定的栏记为空",
			strings.Join(cut, "、"), closest)
	}
	for _, i := range noCut {
		g := runs[i]
		r.Applications[g.row.Key] = Row{}
		for c := 0; c < NumCols; c++ {
			p.ambiguous(t3Cell(g.row.Key, c))
		}
	}
	for i, g := range runs {
		if len(withBlanks[i]) == 0 {
			continue
		}
		if want, ok := p.t3Expected(g.row); !ok || !p.readBlanks(g, strs(g.rc.tokens), want, true) {
			p.blankOrGlued(g, withBlanks[i], p.missingNext(g))
		}
	}
	p.misprints(runs, cands, unequal)
	for _, i := range unequal {
		g := runs[i]
		toks := strs(g.rc.tokens)
		if want, ok := p.t3Expected(g.row); ok && p.readBlanks(g, toks, want, false) {
			continue
		}
		if bad := p.t3UnbalancedColumns(); !g.line.Segmented && bad > 2 {
			// on a line of its own, a cut that also breaks the table's
			// columns is not the report's error but blanks that left no
			// trace ("6402470" for 64, blank, 0, 2, blank, 4, 70)
			for c := 0; c < NumCols; c++ {
				p.ambiguous(t3Cell(g.row.Key, c))
			}
			r.Applications[g.row.Key] = Row{}
			p.warn("PARSE.TABLE", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字“%s”连在一起，按位数只有一种拆法（%s），但这样这一行不等于总计、表中 %d 栏的勾稽关系也不成立，多半是有空白的单元格，无法确定其位置，该行记为空",
				g.row.Group, g.row.Label, strings.Join(toks, " "), joinInts(cands[i][0]), bad)
			continue
		}
		if p.blanky && fewerNumbers(toks) {
			// a table that leaves cells blank: seven digits are seven cells,
			// or fewer numbers with blanks, which do not add up either (no
			// reading with blanks does, or the row would not be here):
			// the row is wrong, its cells are not known
			for c := 0; c < NumCols; c++ {
				p.ambiguous(t3Cell(g.row.Key, c))
			}
			r.Applications[g.row.Key] = Row{}
			p.warn("PARSE.AMBIGUOUS", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字“%s”连在一起，逐位拆开是 %s，但本报告有空白的单元格，这一行也可能是有空白的更少的数，无法确定，该行记为空",
				g.row.Group, g.row.Label, strings.Join(toks, " "), joinInts(cands[i][0]))
			if p.mayHoldNeighbours(g.row, toks, rowRun) {
				p.neighboursUnread(g.row, toks, rowRun, g.line.No)
			} else if neverAddsUp(toks, -1) {
				p.gluedSum(t3Cell(g.row.Key, ColTotal), g.line.No, "表三“%s%s”：数字连在一起（“%s”），无论怎样拆分（或留出空白），六类申请人之和都不等于总计",
					g.row.Group, g.row.Label, strings.Join(toks, " "))
			}
			continue
		}
		// the digits of the rows after (or before) it too, whose labels the
		// text put elsewhere, as for a run no cut of which adds up (below):
		// "010000100000000100001" after 3.危及…, 4. and 5. after （七）总计, is
		// 0100001 0000000 0100001, not one row of 0 10000 100000 … that is
		// the report's error; or, digits enough for two rows or more that cut
		// into none, one of them the report's error ("00001010000012": 0000101
		// and 0000012, not 0 0 0 0 10 100000 12): unread (readDigitsInOrder
		// may read the table whole)
		m := severalRows(toks)
		if m > 0 && p.numberlessAround(g.row, m, rowRun) || m == 0 && digitCount(g.rc.tokens) >= 2*NumCols && p.numberlessAround(g.row, 2, rowRun) {
			for c := 0; c < NumCols; c++ {
				p.ambiguous(t3Cell(g.row.Key, c))
			}
			r.Applications[g.row.Key] = Row{}
			p.strays = append(p.strays, stray{g.row.Key, g.line.No, digitCount(g.rc.tokens)})
			if m > 0 {
				p.severalRuns = append(p.severalRuns, severalRun{row: g.row, toks: toks, line: g.line.No, m: m})
				p.warn("PARSE.AMBIGUOUS", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字“%s”连在一起，只有一种拆法（%s）却不满足“总计 = 六类申请人之和”，而能拆成 %d 行、每行都满足，相邻的行又没有自己的数字：多半是几行的数字连在了一起（转换时行名与数字的顺序被打乱），该行记为空",
					g.row.Group, g.row.Label, strings.Join(toks, " "), joinInts(cands[i][0]), m)
			} else {
				p.warn("PARSE.AMBIGUOUS", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字“%s”连在一起，只有一种拆法（%s）却不满足“总计 = 六类申请人之和”；这些数字够两行以上，相邻的行又没有自己的数字，可能也有它们的数字，该行记为空，请对照原文核对",
					g.row.Group, g.row.Label, strings.Join(toks, " "), joinInts(cands[i][0]))
			}
			continue
		}
		p.warn("PARSE.READ", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字“%s”连在一起，只有一种拆法（%s），按此读取：这一行本身各数之和与总计不符",
			g.row.Group, g.row.Label, strings.Join(toks, " "), joinInts(cands[i][0]))
	}
	for _, i := range noCut {
		g := runs[i]
		toks := strs(g.rc.tokens)
		want, cols := p.t3ExpectedCols(g.row)
		known := !slices.Contains(cols[:], false)
		if known && p.readBlanks(g, toks, want, false) {
			continue
		}
		if cut, ok := cutByColumns(want, toks); known && ok {
			var v Row
			for c, x := range cut {
				v[c] = N(x)
				delete(r.Meta.Ambiguous, t3Cell(g.row.Key, c))
			}
			r.Applications[g.row.Key] = v
			p.warn("PARSE.READ", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字“%s”连在一起，没有一种拆分使六类申请人之和等于总计；按表三其他各行的勾稽关系推算，只有一种拆法（%s）与推算值只差一栏，按此读取：这一行本身各数之和与总计不符",
				g.row.Group, g.row.Label, strings.Join(toks, " "), joinInts(cut))
			continue
		}
		if digitCount(g.rc.tokens) >= 2*NumCols || leastNumbers(toks) > NumCols {
			p.strays = append(p.strays, stray{g.row.Key, g.line.No, digitCount(g.rc.tokens)})
		}
		if m := severalRows(toks); m > 0 && !p.blanky {
			// no error of the report's: rows whose labels the text put
			// elsewhere (a page's text taken out of order). Not in a
			// table that leaves cells blank: there the digits may be
			// fewer rows, or the same rows with blanks
			p.severalRuns = append(p.severalRuns, severalRun{row: g.row, toks: toks, line: g.line.No, m: m})
			p.warn("PARSE.AMBIGUOUS", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字“%s”连在一起，没有一种拆分满足“总计 = 六类申请人之和”，但能拆成 %d 行、每行都满足：多半是几行的数字连在了一起（转换时行名与数字的顺序被打乱），该行记为空",
				g.row.Group, g.row.Label, strings.Join(toks, " "), m)
			continue
		}
		never := neverAddsUp(toks, -1) // (however cut, with blanks or not)
		if least := leastNumbers(toks); least > NumCols && never {
			// more numbers than cells however cut (a 0 is a number of its
			// own: "0000000000190" is eleven at least): other rows' digits
			// ran in, not the report's error
			p.warn("PARSE.AMBIGUOUS", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字“%s”连在一起，无论怎样拆分都至少是 %d 个数（0 只能单独成数），多于 7 栏：多半混入了相邻行的数字（转换时行名与数字的顺序被打乱），该行记为空，请对照原文核对",
				g.row.Group, g.row.Label, strings.Join(toks, " "), least)
			continue
		}
		if digitCount(g.rc.tokens) >= 2*NumCols && p.numberlessAround(g.row, 2, rowRun) && never {
			// digits enough for two rows, beside a row that has none read
			// (Chromium's A5 text: （七）总计 0 / 四、结转… then the rest
			// of 总计's digits and its own, run together): not the report's
			// error (T3.ROWSUM), as for a run with one cut (above)
			p.warn("PARSE.AMBIGUOUS", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字“%s”连在一起，没有一种拆分满足“总计 = 六类申请人之和”；这些数字够两行以上，相邻的行又没有读到自己的数字，可能也有它们的数字，该行记为空，请对照原文核对",
				g.row.Group, g.row.Label, strings.Join(toks, " "))
			continue
		}
		p.warn("PARSE.AMBIGUOUS", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字“%s”连在一起，没有一种拆分满足“总计 = 六类申请人之和”，该行记为空",
			g.row.Group, g.row.Label, strings.Join(toks, " "))
		// (readings with blanks count in a report that shows none
		// elsewhere too: a table may leave its zeros blank where another
		// writes them, and a row left unread by damage shows nothing)
		if p.mayHoldNeighbours(g.row, toks, rowRun) {
			p.neighboursUnread(g.row, toks, rowRun, g.line.No)
		} else if never {
			// whatever the cells are, the row as printed does not add up:
			// the report's own error, though which cell is wrong is not
			// known (as T4.SUM for 表四's glued groups)
			p.gluedSum(t3Cell(g.row.Key, ColTotal), g.line.No, "表三“%s%s”：数字连在一起（“%s”），无论怎样拆分（或留出空白），六类申请人之和都不等于总计",
				g.row.Group, g.row.Label, strings.Join(toks, " "))
		} else if cols[ColTotal] && neverAddsUp(toks, want[ColTotal]) {
			// the readings that add up give the row a total the other rows'
			// totals do not allow: the row or the table is wrong either way
			p.warn("T3.ROWSUM", t3Cell(g.row.Key, ColTotal), g.line.No, "表三“%s%s”：数字连在一起（“%s”），能使六类申请人之和等于总计的拆法（或留出空白），总计都不是表三其他各行推算出的 %d；无论怎样拆分，这一行与表中勾稽关系总有一处不成立",
				g.row.Group, g.row.Label, strings.Join(toks, " "), want[ColTotal])
		}
	}
}

// neverAddsUp says no reading of a row's glued digits adds up: no cut into
// seven, nor into fewer numbers (cells left blank), has the applicants'
// sum as its total — with total ≥ 0, that total (the one the table's other
// rows call for). Only for digits a row can hold (no dash, seven to 28
// digits, not several rows' that each add up: severalRows) and searches
// that end in their step budget.
func neverAddsUp(toks []string, total int64) bool {
	n, ok := gluedDigits(toks)
	if !ok || n < NumCols || n > 4*NumCols || severalRows(toks) > 0 {
		return false
	}
	return noReadingAddsUp(toks, n, total)
}

// gluedDigits is how many digits a row's tokens hold, and whether they
// hold digits alone (and thousands separators, which splitDigits places).
func gluedDigits(toks []string) (int, bool) {
	n := 0
	for _, t := range toks {
		d := strings.ReplaceAll(t, ",", "")
		if !allDigits(d) {
			return 0, false
		}
		n += len(d)
	}
	return n, true
}

// noReadingAddsUp says no reading of a row's n glued digits as seven
// numbers that add up, nor as fewer (cells left blank), has the applicants'
// sum as its total (with total ≥ 0, that total), in searches that ran to
// their end (none found is no proof otherwise).
func noReadingAddsUp(toks []string, n int, total int64) bool {
	for k := min(NumCols, n); k >= 2; k-- {
		var fits func(parts []int64, v int64) bool
		if total >= 0 {
			// the applicants' numbers add up to the total: none on the
			// way may pass it, and the last is it
			fits = func(parts []int64, v int64) bool {
				if len(parts) == k-1 {
					return v == total
				}
				sum := v
				for _, x := range parts {
					sum += x
				}
				return sum <= total
			}
		}
		if cuts, done := splitDigits(toks, k, k, 1, fits); len(cuts) > 0 || !done {
			return false
		}
	}
	return true
}

// labelsOutOfOrder are the rows whose whole labels (more than five runes)
// stand in S after a label of a later row, in the order they stand.
func labelsOutOfOrder(S string, norms []string) []int {
	type at struct{ pos, row int }
	var found []at
	for k, n := range norms {
		if moreRunes(n, 5) {
			if i := indexText(S, n); i >= 0 {
				found = append(found, at{i, k})
			}
		}
	}
	if len(found) < 2 {
		return nil
	}
	slices.SortFunc(found, func(a, b at) int { return a.pos - b.pos })
	var out []int
	top := -1
	for _, f := range found {
		if f.row < top {
			out = append(out, f.row)
		}
		top = max(top, f.row)
	}
	return out
}

// splitFromNext takes out of noSum (rows short of numbers that add up
// nowhere) each row whose numbers, with the next short row's after them in
// the table's order, are exactly a row's seven cells that add up: pdftotext's
// default text may put a row's first cell before the next labels, after a
// blank row's (3.其他 / 2 / （七）总计 / 四、结转下年度继续办理 / 1 0 3 0 0 6:
// 总计's 2 1 0 3 0 0 6, and the row read 2 no error of the report's), or cut
// a narrow row's numbers over two lines, the next row taking the second
// (41 6 0 3 / 0 3 53). Such a row stays unread and is said.
//
// In a report that leaves cells blank, fewer than seven numbers of the two
// that add up with their blanks are as much a row cut in two, the next
// short row taking the rest (pdftotext -layout of a Letter page sets a
// row's last three columns a line lower, on the next row's first line:
// 4.保护第三方合法权益 2 / 5.属于三类内部事务信  2): then neither row's
// numbers are its own, and both stay unread.
func (p *parser) splitFromNext(noSum, short []t3Line) []t3Line {
	var cut []*T3Row // the next rows that took the rest: theirs no error either
	noSum = slices.DeleteFunc(noSum, func(g t3Line) bool {
		k := slices.IndexFunc(short, func(o t3Line) bool { return o.row == g.row })
		if k < 0 || k+1 >= len(short) {
			return false
		}
		n := short[k+1]
		ts := append(strs(g.rc.tokens), strs(n.rc.tokens)...)
		if n.line.No < g.line.No {
			return false
		}
		switch {
		case len(ts) == NumCols && addsUpMarked(ts):
		case len(ts) < NumCols && p.t3Blanks && t3RowAt(p.r.Format.T3Rows(), n.row.Key) == t3RowAt(p.r.Format.T3Rows(), g.row.Key)+1 && !noPlacingAddsUp(append(slices.Clone(g.rc.tokens), n.rc.tokens...)):
			cut = append(cut, n.row)
		default:
			return false
		}
		whole := "正好是一行的 7 个数"
		if len(ts) < NumCols {
			whole = fmt.Sprintf("是一行的 %d 个数（其余空白）", len(ts))
		}
		p.warn("PARSE.TABLE", "applications."+g.row.Key, g.line.No, "表三“%s%s”读到的数（%s）与其后一行“%s%s”读到的数（%s）合起来%s，且相加相符：多半是 PDF 转换把某一行的数拆在了两处（这两行的行名之后），不是报告本身的错误，该行记为空，请对照原文核对",
			g.row.Group, g.row.Label, strings.Join(strs(g.rc.tokens), " "), n.row.Group, n.row.Label, strings.Join(strs(n.rc.tokens), " "), whole)
		return true
	})
	return slices.DeleteFunc(noSum, func(g t3Line) bool { return slices.Contains(cut, g.row) })
}

// ownNumbersLater says row j's label stands on a line of [from, hi) with
// numbers beside it, before any later row's label: numbers alone before it
// are not its (pdftotext -layout of a landscape print scatters two rows'
// cells over lines of their own, under the rows before, the next rows'
// labels each with its numbers after them). Only the next lines of the
// table are looked at.
func (p *parser) ownNumbersLater(j, from, hi int, norms []string) bool {
	for n := from; n < min(hi, from+24); n++ {
		rc := splitLabel(p.lines[n], NumCols)
		L := totalWord(norm(withoutAddress(rc.label)))
		S := stripGroups(L)
		if S == "" {
			continue
		}
		switch k, _ := matchT3(S, L, norms, j); {
		case k == j:
			return rc.ok || len(rc.tokens) > 0
		case k > j:
			return false
		}
	}
	return false
}

// numbersInSpan says the lines after a short row's line, up to the next
// row's, hold numbers besides: a row whose wrapped label has numbers on
// more than one of its lines (a narrow table through pdftotext: 一、本年新收
// 政府信息公 13 0 3 / 16 / 开申请数量; （五） 版物 2 / 供公开出 0 2), whose
// numbers the row read only in part, or another row took (numbers before
// their label). The row's numbers then need not be all it has: adding up
// nowhere is no error of the report's to claim.
func (p *parser) numbersInSpan(got []t3Line, g t3Line) bool {
	i := p.lineIndex(g.line)
	if i < 0 {
		return false
	}
	next := len(p.lines)
	for _, o := range got {
		if k := p.lineIndex(o.line); k > i && k < next {
			next = k
		}
	}
	if next < len(p.lines) && p.nonEmptyBetween(i, next) == 0 && numberish(p.lines[next].Text) {
		return true // (the next row's numbers right after its, before that row's label: either row's)
	}
	n := 0 // the numbers from the row's line to the next row's (its own among them)
	for _, l := range p.lines[i:next] {
		for _, t := range tokens(l.Text) {
			if _, ok := countValue(t.s); ok {
				n++
			}
		}
	}
	return n > len(g.rc.tokens)
}

// ownNumbers says a row's numbers are all the row has, wherever its blanks
// are: the numbers on one line, its own or the one line of numbers
// joinCellLines took in after its label's, of a text that keeps a printed
// row's cells on a line — laid out (our PDF reader's text, pdftotext
// -layout's: each number after a gap of two spaces or more, its column's
// place), or, without gaps, where most of 表三's rows are each on a line of
// their own (pdftotext -raw: rowsOn, rowsOnLines of the table). pdftotext's
// default text puts a cell to a line, and may leave a row's first cell
// alone on its label's line, the others after other rows.
func (p *parser) ownNumbers(g t3Line, rowsOn bool) bool {
	if g.line.Segmented || len(g.rc.tokens) == 0 {
		return false
	}
	var own string // the line the numbers stand on
	switch laid, ok := p.laidOne[g.line.No]; {
	case g.line.Fields != nil:
		if !ok || !g.line.OneEach || !slices.Equal(strs(tokens(laid)), strs(g.rc.tokens)) {
			return false
		}
		own = laid
	case g.line.Placed:
		return !slices.ContainsFunc(g.rc.tokens, func(t tok) bool { return t.center < 0 })
	default:
		all := tokens(g.line.Text)
		for _, t := range g.rc.tokens {
			if t.center < 0 || !slices.ContainsFunc(all, func(a tok) bool { return a.start == t.start && a.s == t.s }) {
				return false
			}
		}
		own = g.line.Text
	}
	return laidGaps(own, g.rc.tokens) || rowsOn
}

// cellsALine says lines [lo, hi) hold more numbers a line each, one after
// another (blank lines passed over), than a row has cells, or more than
// that in the fields of one line (such a run that joinCellLines took in
// after the line before it): a text that writes some rows' cells a line
// each.
func (p *parser) cellsALine(lo, hi int) bool {
	run := 0
	for _, l := range p.lines[max(lo, 0):hi] {
		t := trimSpace(l.Text)
		switch {
		case l.Segmented:
			run = 0
		case l.Fields != nil:
			run = 0
			n := 0
			for _, f := range l.Fields {
				if isNumber(trimSpace(f)) {
					n++
				}
			}
			if n > NumCols {
				return true
			}
		case t == "":
		case isNumber(t):
			if run++; run > NumCols {
				return true
			}
		default:
			run = 0
		}
	}
	return false
}

// rowsOnLines says most of 表三's rows that hold numbers hold two or more on
// one line, their label's or the one after it that joinCellLines took in
// (three such rows at least): a text that keeps a printed row's cells on a
// line (pdftotext -raw), not one that writes a cell to a line.
func (p *parser) rowsOnLines(got []t3Line) bool {
	with, on := 0, 0
	for _, g := range got {
		if g.rc.ok && !slices.ContainsFunc(g.rc.cells, func(c string) bool { return trimSpace(c) != "" }) || !g.rc.ok && len(g.rc.tokens) == 0 {
			continue
		}
		with++
		laid, joined := p.laidOne[g.line.No]
		switch {
		case g.line.Segmented:
		case g.line.Fields == nil && (g.rc.ok || len(g.rc.tokens) >= 2),
			g.line.OneEach && joined && len(tokens(laid)) >= 2:
			on++
		}
	}
	return on >= 3 && 3*on >= 2*with
}

// laidGaps says a line's numbers (ts, found in it by their columns) are
// each set apart by two spaces or more, the first too from the line's
// start or the word before it: a laid-out table's columns.
func laidGaps(t string, ts []tok) bool { return laidApart(t, ts, true) }

// laidApart is laidGaps, the first number set apart from the line's start
// only when lead is set (表四's first column starts at the margin).
func laidApart(t string, ts []tok, lead bool) bool {
	all, at := tokens(t), 0
	for _, x := range ts {
		k := slices.IndexFunc(all[at:], func(a tok) bool { return a.s == x.s && (x.center < 0 || a.start == x.start) })
		if k < 0 {
			return false
		}
		at += k
		end := 0 // (the line's start)
		if at > 0 {
			end = all[at-1].end
		}
		if (at > 0 || lead) && all[at].start-end < 2 {
			return false
		}
		at++
	}
	return len(ts) > 0
}

// cutTotal says a row's last number is the first digits of the sum of the
// ones before it (8525 1705 310 310 310 1116: a converter that cut the
// table's right edge off took the 总计's last digit).
func cutTotal(ts []tok) bool {
	v, ok := countValues(strs(ts))
	if !ok || len(v) < 2 {
		return false
	}
	var sum int64
	for _, x := range v[:len(v)-1] {
		sum += x
	}
	return digitsCut(sum, ts[len(ts)-1].s) > 0
}

// cutRowTotal says a row of 表三's seven cells has a 总计 of three digits or
// more that is the first digits of the six others' sum, one or two fewer
// (a right edge cut off, as cutTotal; a short total is as likely a
// mistyped one), and gives the sum.
func cutRowTotal(cells []string) (int64, bool) {
	if len(cells) != NumCols {
		return 0, false
	}
	total := trimSpace(cells[ColTotal])
	if len(total) < 3 || !allDigits(total) {
		return 0, false // (most totals: asked first, as this runs for every row read)
	}
	var sum int64
	for _, c := range cells[:ColTotal] {
		n, ok := countValue(trimSpace(c))
		if !ok {
			return 0, false
		}
		sum += n
	}
	cut := digitsCut(sum, total)
	return sum, cut >= 1 && cut <= 2
}

// digitsCut is how many digits of sum written out a total lacks that is
// its first digits (12078, 1207: 1); 0 for any other total.
func digitsCut(sum int64, total string) int {
	whole := strconv.FormatInt(sum, 10)
	if len(total) < len(whole) && strings.HasPrefix(whole, total) {
		return len(whole) - len(total)
	}
	return 0
}

// totalsShown says 表三's 总计 column is in the text: two other rows of
// three numbers or more each have their last the sum of the others (a
// converter that cut the table's right edge off leaves rows of items that
// do not).
func totalsShown(got []t3Line, g t3Line) bool {
	n := 0
	for _, o := range got {
		if o.line == g.line {
			continue
		}
		ts := o.rc.cells
		if !o.rc.ok {
			ts = strs(o.rc.tokens)
		}
		ts = nonBlank(ts)
		if len(ts) < 3 {
			continue
		}
		if v, ok := countValues(ts); ok && v[len(v)-1] > 0 && addsUpWithBlanks(v) {
			n++
		}
	}
	return n >= 2
}

// columnLost says other rows of 表三 hold six numbers, all 0, two or more
// (g's as many): a column of the text lost, not cells the report left
// blank — a report that writes its zeros leaves none blank in a row of
// zeros — as OCR's text of a table's page loses its 总计 column (…重复申请
// 0 0 0 0 0 0, and …确认或重新出具已获取信息 0 0 0 0 1 0 for 0 0 0 0 1 0 1):
// a row of six there that adds up nowhere may be short of that column's
// cell, no error of the report's to claim.
func columnLost(got []t3Line, g t3Line) bool {
	if len(g.rc.tokens) != NumCols-1 {
		return false
	}
	n := 0
	for _, o := range got {
		if o.line == g.line || o.rc.ok || len(o.rc.tokens) != NumCols-1 {
			continue
		}
		if !slices.ContainsFunc(o.rc.tokens, func(t tok) bool { return t.s != "0" }) {
			n++
		}
	}
	return n >= 2
}

// noPlacingAddsUp says a row's whole numbers (or marks for 0), fewer than
// its cells, add up wherever its blank cells are: with its last number in
// 总计, the ones before it do not make it; with 总计 blank, they are not all
// 0 (a number alone that is not 0 is never a row that adds up).
func noPlacingAddsUp(ts []tok) bool {
	if len(ts) == 0 || len(ts) >= NumCols {
		return false
	}
	v, ok := countValues(strs(ts))
	return ok && !addsUpWithBlanks(v)
}

// countValues are a row's tokens as counts, a mark for 0 as 0; ok is false
// unless each is a count written on its own (no leading 0) or a mark.
func countValues(toks []string) ([]int64, bool) {
	v := make([]int64, len(toks))
	for i, t := range toks {
		n, ok := countValue(t)
		if !ok {
			return nil, false
		}
		v[i] = n
	}
	return v, true
}

// countValue is a token as a count, a mark for 0 as 0 (countValues).
func countValue(t string) (int64, bool) {
	n, ok := toCell(t).Int()
	if !ok && !isPlaceholder(t) || len(t) > 1 && t[0] == '0' {
		return 0, false
	}
	return n, true
}

// addsUpWithBlanks says a group's numbers in order, its other cells blank,
// add up: all 0 (its 总计 blank too), or the last the sum of the others.
func addsUpWithBlanks(v []int64) bool {
	var sum int64
	for _, x := range v {
		sum += x
	}
	return sum == 0 || 2*v[len(v)-1] == sum
}

// neverAddingUp says a row's tokens are digits alone, two or more and not
// seven glued (seven cells: the report's own error when they do not add
// up), that no reading as numbers, with blanks, makes add up (as
// neverAddsUp, for any count of digits up to four rows').
func neverAddingUp(toks []string) bool {
	n, ok := gluedDigits(toks)
	if !ok || n < 2 || n > 4*NumCols || n == NumCols && len(toks) == 1 {
		return false
	}
	return noReadingAddsUp(toks, n, -1)
}

// numberlessAround says some m rows of the format's order around row (it
// among them) are, but for it, rows no run holds (rowRun, as solveT3 finds
// it) and nothing read: rows whose own digits a run of several rows' may
// hold (spreadSeveralRows, which then reads them).
func (p *parser) numberlessAround(row *T3Row, m int, rowRun []int) bool {
	rows := p.r.Format.T3Rows()
	at := t3RowAt(rows, row.Key)
	if at < 0 {
		return false
	}
	for s := max(at-m+1, 0); s <= at && s+m <= len(rows); s++ {
		fits := true
		for k := s; k < s+m && fits; k++ {
			fits = k == at || rowRun[k] == -1 && p.r.Applications[rows[k].Key] == (Row{})
		}
		if fits {
			return true
		}
	}
	return false
}

// missingNext says the label of the row after g's in the format's order was
// not found as a row's (missingRows) but stands in g's label, before its
// digits ("（七）总计四、结转下年度继续办理file:///…1131462261"): the digits may
// be that row's too.
func (p *parser) missingNext(g t3Line) bool {
	rows := p.r.Format.T3Rows()
	at := t3RowAt(rows, g.row.Key)
	return at >= 0 && at+1 < len(p.missing3) && p.missing3[at+1] && strings.Contains(noSpaces.Replace(g.rc.label), rows[at+1].Label)
}

// mayHoldNeighbours says a row's digits, glued in one run or two, may be a
// row's beside it too: the table leaves cells blank and that row read none
// of its own (a page run into one line without spaces: "（七）总计0四、结转
// 下年度继续办理0200000011410", 总计's other cells after its neighbour's
// label). Such digits that add up no way are not the report's error.
func (p *parser) mayHoldNeighbours(row *T3Row, toks []string, rowRun []int) bool {
	return p.blanky && len(toks) <= 2 && p.numberlessAround(row, 2, rowRun)
}

// neighboursUnread says so of the rows beside row that read no numbers of
// their own (mayHoldNeighbours): unread, not blank (CELL.BLANK would blame
// the report for a row whose numbers the text put in row's run).
func (p *parser) neighboursUnread(row *T3Row, toks []string, rowRun []int, line int) {
	rows := p.r.Format.T3Rows()
	at := t3RowAt(rows, row.Key)
	if at < 0 {
		return
	}
	for _, k := range []int{at - 1, at + 1} {
		if k < 0 || k >= len(rows) || rowRun[k] != -1 || p.r.Applications[rows[k].Key] != (Row{}) || p.r.ambiguous(t3Cell(rows[k].Key, 0)) {
			continue
		}
		for c := range NumCols {
			p.ambiguous(t3Cell(rows[k].Key, c))
		}
		p.warn("PARSE.TABLE", "applications."+rows[k].Key, line, "表三“%s%s”没有读到自己的数字；本报告有空白的单元格，“%s%s”后连在一起的数字（“%s”）可能也有它的，该行记为空，请对照原文核对",
			rows[k].Group, rows[k].Label, row.Group, row.Label, strings.Join(toks, " "))
	}
}

// leastNumbers is the fewest numbers toks's digits cut into, each token
// apart and a 0 a number of its own ("00000003580" is eight at least), or 0
// when a token is not digits alone.
func leastNumbers(toks []string) int {
	n := 0
	for _, t := range toks {
		if !allDigits(t) {
			return 0
		}
		zeros := len(t) - len(strings.TrimLeft(t, "0"))
		n += zeros
		if zeros < len(t) {
			n++
		}
	}
	return n
}

// severalRows is how many rows of seven cells, each adding up, a row's
// glued digits cut into (two to four), or 0 when they do not: the digits
// of the rows after it too, whose labels a page's text out of order put
// elsewhere ("00000008000008190000019" is 0000000, 8000008 and 19000001 9).
func severalRows(toks []string) int {
	for m := 2; m <= 4; m++ {
		if len(splitTokens(toks, m*NumCols, NumCols, 1)) > 0 {
			return m
		}
	}
	return 0
}

// labelAfterPieces is the row among the next ones whose label starts with
// what follows pieces of the merged columns at the start of S (the start of
// a wrapped label, more than three runes), or -1. Each row's first rune is
// looked for in S, not every split of S tried: most lines that come here
// are column headings that match nothing.
func labelAfterPieces(S string, norms []string, next int) int {
	for k := next; k < min(len(norms), next+4); k++ {
		_, size := utf8.DecodeRuneInString(norms[k])
		first := norms[k][:size]
		for at := 1; at < len(S); {
			i := indexText(S[at:], first)
			if i < 0 {
				break
			}
			i += at
			if rest := S[i:]; moreRunes(rest, 3) && strings.HasPrefix(norms[k], rest) && groupPieces(S[:i]) {
				return k
			}
			at = i + size
		}
	}
	return -1
}

// leavesBlanks says a table leaves some cells blank: a row of it has
// digits, fewer than its cells, or a row read from its cells (a table's
// fields) has an empty one.
func (p *parser) leavesBlanks(got []t3Line) bool {
	dashes := 0 // (the dashes of a row's marks, a cell each, or two where the report writes ——)
	for _, g := range got {
		if g.rc.ok && len(g.rc.cells) == NumCols && slices.ContainsFunc(g.rc.cells, func(c string) bool { return trimSpace(c) == "" }) {
			// (a table of fields shows its blanks; 表四 on a line of its
			// own, written with blanks dropped, may then leave some too)
			return true
		}
		n := digitCount(g.rc.tokens)
		if n >= NumCols && len(g.rc.tokens) < NumCols && wellFormed(strs(g.rc.tokens)) && tokensSumUp(g.rc.tokens) {
			// 540 210 15 30 30 825: whole counts a space apart, fewer than
			// cells, that add up (not digits run together, which would need
			// a cut to)
			return true
		}
		if n == 0 || n >= NumCols {
			continue
		}
		if dashes == 0 {
			dashes = 1
			if p.reportDash() == "——" { // (even guessed from runs all even: more blanks, more caution)
				dashes = 2
			}
		}
		if n+markCells(g.rc.tokens, dashes) < NumCols {
			return true // (a mark for 0 is a cell: a row of them and digits is no row with blanks)
		}
	}
	return false
}

// markCells counts the cells of marks for 0 among a row's tokens (— / 无,
// glued or apart), dashes dashes to a cell.
func markCells(ts []tok, dashes int) int {
	n, d := 0, 0
	for _, t := range ts {
		for _, r := range t.s {
			switch {
			case dashLike(r):
				d++
			case rowMark(r):
				n++
			}
		}
	}
	return n + d/dashes
}

// wholeCountsApart says a row's tokens, three or more, are fewer than its
// cells, each a count as written on its own, and one of two digits or more
// is not the last: cut into a digit a cell, a number set apart by spaces
// would be split. (A page that glues only a row's last two cells glues them
// in its last token; one that spaces only the 总计 makes two: 400000 4.)
func wholeCountsApart(toks []string) bool {
	if len(toks) < 3 || len(toks) >= NumCols || !wellFormed(toks) {
		return false
	}
	return slices.ContainsFunc(toks[:len(toks)-1], func(t string) bool { return len(t) > 1 })
}

// fewerNumbers says runs of digits can be fewer numbers than digits: a digit
// other than 0 has another after it in its run (a count is never written
// with a leading zero).
func fewerNumbers(toks []string) bool {
	for _, t := range toks {
		for i := 0; i+1 < len(t); i++ {
			if t[i] != '0' && isASCIIDigit(t[i]) && isASCIIDigit(t[i+1]) {
				return true
			}
		}
	}
	return false
}

// blankReadings returns the readings of a row's digits as fewer numbers
// than its cells whose last is the sum of the others: the row with some
// cells blank ("1100011" as 11 0 0 0 11), at most 17 (more than 16: too
// many to tell anything).
func blankReadings(toks []string) [][]int64 {
	var out [][]int64
	for k := 2; k < NumCols && len(out) <= 16; k++ {
		out = append(out, splitCounts(toks, k, k, 17-len(out))...)
	}
	return out
}

// blankOrGlued settles a glued row of a table that leaves cells blank when
// its digits also read as a row with blanks that adds up: where the blanks
// are cannot be known, nor whether there are any, so only the total every
// reading agrees on is read ("1100011" is 1 1 0 0 0 1 1, a row that does not
// add up, or 11 0 0 0 11 with two blanks; "605154332211825" cuts into seven
// that add up, or is 605 154 33 22 11 825 with one blank). withBlanks are
// those readings (blankReadings).
//
// With the next row's label before the digits, not found as a row's, the
// digits may be that row's too ("1131462261": （七）总计's 11 3 4 6 2 26 and
// 四、结转's 1), and no total is read.
func (p *parser) blankOrGlued(g t3Line, withBlanks [][]int64, nextMissing bool) {
	toks := strs(g.rc.tokens)
	total := withBlanks[0][len(withBlanks[0])-1]
	agreed := len(withBlanks) <= 16 && !nextMissing
	for _, w := range withBlanks {
		agreed = agreed && w[len(w)-1] == total
	}
	const limit = 4096
	cuts := splitCounts(toks, NumCols, NumCols, limit) // the cuts that add up
	if forced := splitCounts(toks, NumCols, 0, 2); len(forced) == 1 {
		cuts = append(cuts, forced[0]) // the only cut, added up or not
	}
	agreed = agreed && len(cuts) < limit
	for _, c := range cuts {
		agreed = agreed && c[NumCols-1] == total
	}
	var v Row
	for c := 0; c < NumCols; c++ {
		if c == NumCols-1 && agreed {
			v[c] = N(total)
			continue
		}
		p.ambiguous(t3Cell(g.row.Key, c))
	}
	p.r.Applications[g.row.Key] = v
	unread := "该行记为空"
	if agreed {
		unread = "只读取总计（" + strconv.FormatInt(total, 10) + "），其余各栏记为空"
	}
	p.warn("PARSE.AMBIGUOUS", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字“%s”连在一起；本报告有的表格行数字少于栏数（有空白的单元格），这一行也可以读成有空白的 %s（合计相符），是否有空白、空白在哪一栏都无法确定，%s",
		g.row.Group, g.row.Label, strings.Join(toks, " "), joinInts(withBlanks[0]), unread)
}

// joinDigits writes a row's numbers one after another, as a page that lost
// its cell borders does.
func joinDigits(v []int64) string {
	var b []byte
	for _, x := range v {
		b = strconv.AppendInt(b, x, 10)
	}
	return string(b)
}

// cutByColumns reads a row whose digits ran together and that no cut makes
// add up — the report's own error — by the rest of the table: want, the row
// its columns' identities call for (t3Expected), must add up, and exactly one
// cut of the digits may differ from it, in one cell only.
// That cut is the row as printed, with its one wrong cell; otherwise the row
// stays unread.
func cutByColumns(want [NumCols]int64, toks []string) ([]int64, bool) {
	if !sumsUp(want[:]) {
		return nil, false // the table has another error: what it calls for is not the row
	}
	const limit = 4096
	cuts := splitCounts(toks, NumCols, 0, limit)
	if len(cuts) == 0 || len(cuts) >= limit {
		return nil, false
	}
	var best []int64
	ones := 0
	for _, cut := range cuts {
		diff := 0
		for c, x := range cut {
			if x != want[c] {
				diff++
			}
		}
		if diff == 1 {
			best, ones = cut, ones+1
		}
	}
	return best, ones == 1
}

// misprints rereads a row whose digits ran together and split only one way
// that adds up, when that cut breaks the table while the row as printed
// with one wrong cell would not: "0130020247.属于…" cuts as 0 1 3 0 0 20 24,
// which adds up by chance and breaks five columns, where 0 13 0 0 2 0 24 —
// a misprinted total — is a cell off what the rest of the table calls for.
// Taken only when it leaves at most two columns unbalanced, fewer than
// before; said by PARSE.READ.
func (p *parser) misprints(runs []t3Line, cands [][][]int64, unequal []int) {
	before := p.t3UnbalancedColumns()
	if before <= 2 {
		return // a table that holds, or nearly: its rows are as read
	}
	for i, g := range runs {
		if len(cands[i]) != 1 || slices.Contains(unequal, i) {
			continue
		}
		want, ok := p.t3Expected(g.row)
		if !ok {
			continue
		}
		off := 0
		for c, x := range cands[i][0] {
			if x != want[c] {
				off++
			}
		}
		if off < 2 {
			continue
		}
		toks := strs(g.rc.tokens)
		cut, ok := cutByColumns(want, toks)
		if !ok {
			continue
		}
		old := p.r.Applications[g.row.Key]
		var v Row
		for c, x := range cut {
			v[c] = N(x)
		}
		p.r.Applications[g.row.Key] = v
		after := p.t3UnbalancedColumns()
		if after > 2 || after >= before {
			p.r.Applications[g.row.Key] = old
			continue
		}
		p.warn("PARSE.READ", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字“%s”连在一起，拆成 %s 虽然行内相加相符，但表三有 %d 栏的勾稽关系因此不成立；按其他各行推算，拆成 %s 只差一栏、其余各栏都相符，按此读取：这一行本身各数之和与总计不符",
			g.row.Group, g.row.Label, strings.Join(toks, " "), joinInts(cands[i][0]), before, joinInts(cut))
		before = after
		if before <= 2 {
			return
		}
	}
}

// readBlanks reads a row whose digits no cut makes add up, or whose only cut
// does not, as the row the rest of the table calls for with some of its zeros
// left blank, when its digits are exactly that (64 0 2 4 70 run together as
// 6402470 where the table calls for 64 0 0 2 0 4 70): a clean row with empty
// cells, not an error; want is that row (t3Expected). A cell blank in one way
// of dropping zeros and 0 in another is unread.
//
// glued is a row whose digits also cut into seven that add up, in a table
// that leaves cells blank: want with no cell blank is one more way.
func (p *parser) readBlanks(g t3Line, toks []string, want [NumCols]int64, glued bool) bool {
	digits := strings.Join(toks, "")
	ways := blankWays(digits, want[:])
	orNone := ""
	if glued && sumsUp(want[:]) && digits == joinDigits(want[:]) {
		ways, orNone = append(ways, make([]bool, NumCols)), "（或不去）"
	}
	if len(ways) == 0 {
		return false
	}
	var v Row
	var unread []string
	known := [NumCols]bool{}
	for c := range NumCols {
		known[c] = true
		for _, w := range ways[1:] {
			known[c] = known[c] && w[c] == ways[0][c]
		}
		switch {
		case !known[c]:
			unread = append(unread, T3ColumnLabels[c])
		case !ways[0][c]:
			v[c] = N(want[c]) // else blank
		}
	}
	if len(unread) == NumCols {
		return false // nothing known: said as a row whose blanks cannot be placed
	}
	for c := range NumCols {
		if known[c] {
			delete(p.r.Meta.Ambiguous, t3Cell(g.row.Key, c))
		} else {
			p.ambiguous(t3Cell(g.row.Key, c))
		}
	}
	p.r.Applications[g.row.Key] = v
	said := ""
	if len(unread) > 0 {
		said = "；" + strings.Join(unread, "、") + "栏是 0 还是空白无法确定，记为空"
	}
	if glued {
		if len(ways) == 1 && !slices.Contains(ways[0], true) {
			return true // the seven cells the table calls for, none blank: as any glued row read
		}
		p.warn("PARSE.READ", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字“%s”连在一起；本报告有空白的单元格，这一行的数字正是表三其他各行推算出的这一行（%s）去掉几个为 0 的空白单元格%s：按此读取%s",
			g.row.Group, g.row.Label, strings.Join(toks, " "), joinInts(want[:]), orNone, said)
		return true
	}
	p.warn("PARSE.READ", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字“%s”连在一起，拆不成各栏之和等于总计的 7 个数，但正是表三其他各行推算出的这一行（%s）去掉几个为 0 的空白单元格：按有空白的单元格读取%s",
		g.row.Group, g.row.Label, strings.Join(toks, " "), joinInts(want[:]), said)
	return true
}

// t3Expected is the row of 表三 the column identities call for, from the
// other rows: an outcome is 总计 less the other outcomes, 本年新收 is 总计 +
// 结转下年度 − 上年结转, and so on; 总计 must be the same both ways. ok is
// false when a cell it takes is not read (rows of the other identity need
// not be).
func (p *parser) t3Expected(row *T3Row) (want [NumCols]int64, ok bool) {
	want, known := p.t3ExpectedCols(row)
	for _, k := range known {
		if !k {
			return want, false
		}
	}
	return want, true
}

// t3ExpectedCols is t3Expected column by column: a column is known when
// the cells it takes in that column are read, whatever the other columns.
func (p *parser) t3ExpectedCols(row *T3Row) (want [NumCols]int64, known [NumCols]bool) {
	var s t3Sums
	for _, other := range p.r.Format.T3Rows() {
		if other.Key == row.Key || !t3SameIdentity(row.Kind, other.Kind) {
			continue
		}
		for c, cl := range p.r.Applications[other.Key] {
			x, read := cl.Int()
			if cl.IsInvalid() && isPlaceholder(cl.Raw()) {
				read = true // a dash or slash for nothing: 0, as the checks count it
			}
			if !read || p.r.ambiguous(t3Cell(other.Key, c)) {
				s.unknown(other.Kind, c)
				continue
			}
			s.add(other.Kind, c, x)
		}
	}
	for c := range want {
		switch row.Kind {
		case RowOutcome:
			if s.unknownTot[c] || s.unknownOut[c] {
				continue
			}
			want[c] = s.tot[c] - s.outcomes[c]
		case RowNew, RowCarriedIn, RowCarriedForward:
			if s.unknownTot[c] || s.unknownBal[c] {
				continue
			}
			switch row.Kind {
			case RowNew:
				want[c] = s.tot[c] + s.fwd[c] - s.in[c]
			case RowCarriedIn:
				want[c] = s.tot[c] + s.fwd[c] - s.nw[c]
			default:
				want[c] = s.nw[c] + s.in[c] - s.tot[c]
			}
		case RowTotal:
			// both ways where both are read, and they must agree; one way
			// where a row of the other is not (予以公开 unread: 新收 + 结转
			// − 结转下年度)
			out, bal := s.outcomes[c], s.nw[c]+s.in[c]-s.fwd[c]
			switch {
			case s.unknownOut[c] && s.unknownBal[c]:
				continue
			case s.unknownOut[c]:
				want[c] = bal
			case s.unknownBal[c]:
				want[c] = out
			case out != bal:
				continue
			default:
				want[c] = out
			}
		}
		known[c] = want[c] >= 0
	}
	return want, known
}

// t3SameIdentity says a row of kind b takes part in the column identity that
// settles a row of kind a: the outcomes add up to (七)总计; 本年新收 + 上年结转
// = 总计 + 结转下年度; 总计 is in both.
func t3SameIdentity(a, b RowKind) bool {
	outcomes := func(k RowKind) bool { return k == RowOutcome || k == RowTotal }
	return a == RowTotal || b == RowTotal || outcomes(a) == outcomes(b)
}

// blankWays are the ways digits are the cells of want written one after
// another with some of its zeros left blank (true where blank; at least one
// blank in each way), when want adds up. None for a row of digits that is
// not so.
func blankWays(digits string, want []int64) [][]bool {
	if !sumsUp(want) {
		return nil
	}
	var out [][]bool
	blank := make([]bool, len(want))
	var rec func(d string, k int, dropped bool)
	rec = func(d string, k int, dropped bool) {
		if k == len(want) {
			if d == "" && dropped {
				out = append(out, slices.Clone(blank))
			}
			return
		}
		if s := strconv.FormatInt(want[k], 10); strings.HasPrefix(d, s) {
			blank[k] = false
			rec(d[len(s):], k+1, dropped)
		}
		if want[k] == 0 {
			blank[k] = true
			rec(d, k+1, true)
			blank[k] = false
		}
	}
	rec(digits, 0, false)
	return out
}

// t3UnbalancedColumns counts the columns of 表三 as read where an identity
// fails: the outcomes add up to (七)总计, or 本年新收 + 上年结转 − 结转下年度
// is not 总计. An identity with a cell not read is not checked.
func (p *parser) t3UnbalancedColumns() int {
	bad := 0
	for c := 0; c < NumCols; c++ {
		var outcomes, carry [2]int64 // [0] the sum, [1] cells not read
		var tot int64
		totOK := false
		for _, row := range p.r.Format.T3Rows() {
			x, ok := p.r.Applications[row.Key][c].Int()
			add := func(acc *[2]int64, sign int64) {
				if ok {
					acc[0] += sign * x
				} else {
					acc[1]++
				}
			}
			switch row.Kind {
			case RowOutcome:
				add(&outcomes, 1)
			case RowNew, RowCarriedIn:
				add(&carry, 1)
			case RowCarriedForward:
				add(&carry, -1)
			case RowTotal:
				tot, totOK = x, ok
			}
		}
		if totOK && (outcomes[1] == 0 && outcomes[0] != tot || carry[1] == 0 && carry[0] != tot) {
			bad++
		}
	}
	return bad
}

// t3Search tries every combination of the open runs' cuts (a struct, not a
// closure, so that the fixed sums stay off the heap).
type t3Search struct {
	rows   []T3Row
	open   []int
	cands  [][][]int64
	assign []int
	rowRun []int
	fixed  t3Sums
	best   int // the fewest identities broken so far, -1 before the first
	// for each open run, the candidates taken by the combinations that
	// break that many: all of them, not the first few, whose candidates
	// for the first runs would all be the same
	used [][]bool
}

func (s *t3Search) rec(k int) {
	if k == len(s.open) {
		f := s.failures()
		switch {
		case s.best < 0 || f < s.best:
			s.best = f
			for _, i := range s.open {
				clear(s.used[i])
			}
			fallthrough
		case f == s.best:
			for _, i := range s.open {
				s.used[i][s.assign[i]] = true
			}
		}
		return
	}
	for c := range s.cands[s.open[k]] {
		s.assign[s.open[k]] = c
		s.rec(k + 1)
	}
}

// t3Complete says every cell of 表三 outside the runs being cut is read
// (rows that are runs with no cut, -2 in rowRun, are left out of the
// identities, not missing).
func (p *parser) t3Complete(rowRun []int) bool {
	for k, row := range p.r.Format.T3Rows() {
		if rowRun[k] != -1 {
			continue
		}
		for c, cl := range p.r.Applications[row.Key] {
			if _, ok := cl.Int(); !ok || p.r.ambiguous(t3Cell(row.Key, c)) {
				return false
			}
		}
	}
	return true
}

// t3Sums are 表三's column sums for its two identities — in each column the
// outcomes add up to (七)总计, and 本年新收 + 上年结转 = 总计 + 结转下年度 —
// and which of them cannot be told (a cell not known).
type t3Sums struct {
	outcomes, nw, in, tot, fwd [NumCols]int64
	// cells not known among the outcomes, among 本年新收/上年结转/结转下年度,
	// and in (七)总计
	unknownOut, unknownBal, unknownTot [NumCols]bool
}

func (s *t3Sums) add(kind RowKind, c int, v int64) {
	switch kind {
	case RowOutcome:
		s.outcomes[c] += v
	case RowNew:
		s.nw[c] = v
	case RowCarriedIn:
		s.in[c] = v
	case RowTotal:
		s.tot[c] = v
	case RowCarriedForward:
		s.fwd[c] = v
	}
}

func (s *t3Sums) unknown(kind RowKind, c int) {
	switch kind {
	case RowOutcome:
		s.unknownOut[c] = true
	case RowTotal:
		s.unknownTot[c] = true
	default:
		s.unknownBal[c] = true
	}
}

// t3Fixed sums the rows that are not being cut: a cell unread (ambiguous)
// or a row that is a run with no cut (-2 in rowRun) leaves its identities
// unknown; a blank cell counts 0, as the report means it.
func (p *parser) t3Fixed(rowRun []int) t3Sums {
	var s t3Sums
	for k, row := range p.r.Format.T3Rows() {
		switch rowRun[k] {
		case -1:
			for c, cl := range p.r.Applications[row.Key] {
				if p.r.ambiguous(t3Cell(row.Key, c)) {
					s.unknown(row.Kind, c)
				} else {
					s.add(row.Kind, c, cl.Val())
				}
			}
		case -2:
			for c := range NumCols {
				s.unknown(row.Kind, c)
			}
		}
	}
	return s
}

// failures counts the column identities that fail with the candidate rows
// in place, of those that can be told.
func (s *t3Search) failures() int {
	sums := s.fixed
	for k, row := range s.rows {
		if i := s.rowRun[k]; i >= 0 {
			for c, v := range s.cands[i][s.assign[i]] {
				sums.add(row.Kind, c, v)
			}
		}
	}
	n := 0
	for c := 0; c < NumCols; c++ {
		if sums.unknownTot[c] {
			// without (七)总计 the two identities still say the outcomes
			// are 本年新收 + 上年结转 − 结转下年度
			if !sums.unknownOut[c] && !sums.unknownBal[c] && sums.outcomes[c] != sums.nw[c]+sums.in[c]-sums.fwd[c] {
				n++
			}
			continue
		}
		if !sums.unknownOut[c] && sums.outcomes[c] != sums.tot[c] {
			n++
		}
		if !sums.unknownBal[c] && sums.nw[c]+sums.in[c] != sums.tot[c]+sums.fwd[c] {
			n++
		}
	}
	return n
}

// maxCellDigits bounds one count: no agency counts a million applications in
// a cell, and the bound keeps the search below small.
const maxCellDigits = 6

// --- 表四 ----------------------------------------------------------------------

func (p *parser) parseT4() {
	r := p.r
	lo, hi := p.region("4")
	if lo >= 0 {
		for i := lo; i < hi; i++ {
			t4Headings(&p.lines[i])
		}
	}
	got := p.parseT4Blocks(lo, hi)
	if !slices.Contains(got[:], false) {
		return
	}
	if !slices.Contains(got[:], true) && p.proseOnly("4") {
		return
	}
	const n = 15
	var toks []tok
	spaced := false
	first := 0
	apart := true // every line so far held one number: cells as paragraphs, blank lines between them
	var data []Line
	dataEnd := lo // the index after the last line of data
	// a table cut in two or three (复议 and 直接起诉, then 复议后起诉 under
	// headings of its own, on a page too narrow for fifteen columns): after a
	// row of whole blocks, headings of 表四 alone, then the next blocks' row
	var parts []int     // where each part after the first starts in toks
	paused := false     // a blank or heading line after a row of whole blocks
	headed := false     // and a heading of 表四 among them
	var before t4Before // the reading as it stood before the second part
	var blocks []int    // each part's blocks, by the 总计 of its headings
	heads := 0          // 总计 in the headings since the last numbers
	named := 0          // blocks named by the headings since the last numbers, in order (-1: out of order)
	byName := false     // a part after the first had only its block's name over it: a row to a block
	for i, l := range p.lines[lo:hi] {
		blank := trimSpace(l.Text) == ""
		var rc rowCells
		generic := false                                      // the numbers after a word that names no block (数量, 件数): the row itself
		if !blank && hasText(l.Text, "数") && hasHan(l.Text) { // every generic word has 数; the headings have none
			rc = splitLabel(l, n)
			generic = t4GenericLabels[norm(rc.label)] && (rc.ok || len(rc.tokens) > 0)
		}
		if blank || hasHan(l.Text) && !generic && !cellsOnly(l, n) && !isPlaceholder(trimSpace(l.Text)) && !marksOnly(l.Text) { // (a cell of 无 is no heading, nor a row of them)
			if len(toks) > 0 && !(blank && apart) {
				if (!apart || !blank) && (blank || t4HeadingOnly(l.Text)) {
					paused, headed = true, headed || !blank
					heads += strings.Count(l.Text, "总计")
					if named >= 0 {
						named = t4NamedAfter(l.Text, sumInts(blocks), named)
					}
					continue
				}
				break
			}
			heads += strings.Count(l.Text, "总计") // the first part's headings
			continue
		}
		if !generic {
			rc = splitLabel(l, n)
			if cells, ok := dashRow(rc.label, n); ok {
				rc = rowCells{tokens: cells}
			} else if d := trimSpace(rc.label); dashesOnly(d) && utf8.RuneCountInString(d)%5 == 0 && !strings.HasPrefix(d, "-") {
				// a part's row of 0 written — and glued, under its own
				// headings (—————, then 行政诉讼…): its blocks' cells, cut
				// as a part's glued digits are (— or —— a cell)
				rc = rowCells{tokens: []tok{{s: d, center: -1}}}
			}
			if trimSpace(rc.label) != "" {
				continue
			}
		}
		for k, t := range rc.tokens { // a cell that says its unit (1件) is its count, as a whole row's cells are
			if c, ok := cutUnit(t.s, countUnitsInCells); ok {
				rc.tokens[k].s = c
			}
		}
		if paused && !headed && len(rc.tokens) > 0 && !rc.ok && wellFormed(strs(rc.tokens)) && wellFormed(strs(toks)) && len(toks)+len(rc.tokens) <= n {
			// only blank lines since the last numbers, whole counts each
			// (pdftotext without -layout puts one between every two
			// lines): the row goes on, wrapped ("0 246 123 369 123 0" /
			// "123 246 246 246 0"), its counts whole cells, as a line of
			// such text sets them apart (not digits run together: cut, they
			// gave false T4.SUM errors)
			paused, spaced = false, true
		}
		if paused {
			// (a number to a line: the part's first; the rest follow as a
			// run of such lines, and the parts are checked at the end)
			oneEach := apart && len(rc.tokens) == 1 && wholeBlocks(strs(toks)) && wellFormed(strs(rc.tokens))
			rowName, rowCells := false, false
			if heads == 0 && named > 0 {
				// no headings of its own, only the name of its block (行政诉讼
				// （未经复议直接起诉） / 10001, or 1 0 0 0 1): 表四 a row to a
				// block, its digits run together or its cells whole, a
				// blank cell leaving one fewer (each row is placed alone)
				heads, rowName = named, true
				rowCells = len(rc.tokens) > 1 && len(rc.tokens) <= 5*named && wellFormed(strs(rc.tokens)) &&
					len(toks) > 1 && len(toks) <= 5*sumInts(blocks) && wellFormed(strs(toks)) && (len(parts) == 0 || byName)
			}
			// a run of fewer digits than its headings' cells leaves cells
			// blank ("00" under 复议后起诉: 0, three blanks, 0), as may the
			// rest of the table then
			short := heads > 0 && len(rc.tokens) == 1 && digitCount(rc.tokens) < 5*heads
			if !headed || rc.ok || len(rc.tokens) == 0 || !oneEach && !rowCells && !t4NextPart(strs(toks), strs(rc.tokens), (p.blanky || short) && heads > 0) {
				break
			}
			p.blanky = p.blanky || short && allDigits(rc.tokens[0].s)
			byName = rowName && (len(parts) == 0 || byName)
			if len(parts) == 0 {
				before = t4Before{len(data), spaced, dataEnd}
			}
			parts = append(parts, len(toks))
			paused, headed = false, false
			blocks, heads, named = append(blocks, heads), 0, 0
		}
		if first == 0 {
			first = l.No
			blocks, heads = append(blocks, heads), 0
		}
		if rc.ok {
			toks = nil
			for _, c := range rc.cells {
				toks = append(toks, tok{s: c, center: -1})
			}
			break
		}
		// (cells of a table row are cells: their digits are not cut, unless
		// written as no count is, 00: two cells run together in a field)
		toks, spaced = append(toks, rc.tokens...), spaced || rc.spaced || l.Fields != nil && wholeApart(rc.tokens)
		dataEnd = lo + i + 1
		apart = apart && len(rc.tokens) == 1
		data = append(data, l)
		if len(toks) >= n {
			break
		}
	}
	if len(parts) == 0 && len(toks) < n && apart && p.parseT4Interleaved(lo, hi) {
		return
	}
	if len(parts) > 0 {
		var sizes []string
		whole := len(toks) == n
		for k, at := range append(parts, len(toks)) {
			from := 0
			if k > 0 {
				from = parts[k-1]
			}
			sizes = append(sizes, strconv.Itoa(at-from))
			whole = whole && (at-from)%5 == 0
		}
		if apart && whole {
			// a number to a line in each part: only in an order whose
			// groups add up, all but one at most (a PDF's text may give a
			// part column by column; one group alone is the report's error),
			// as for a table in one part
			whole = t4GroupsFailing(strs(toks)) <= 1
		}
		// one run of digits a part: digits that ran together, however
		// they look (a block is five cells, never one number: "21014" is
		// not a count of 21 014)
		glued := len(toks) == len(parts)+1
		cells := cellsOrMarks(strs(toks)) // whole cells, not digits run together
		if byName && !glued && !whole && cells && !p.countsIn(dataEnd, hi, n) {
			// (more numbers after the rows, before the next section: not a
			// row to a block but the cells in another order, pdftotext's
			// text of a table whose blank cells left nothing)
			r.Meta.Tables["4"] = true
			r.setLine("appeals", first)
			if len(parts) == 1 && parts[0] == 1 && slices.Equal(blocks, []int{0, 3}) && p.t4FirstColumnFirst(lo, first) && p.fillT4FirstColumn(strs(toks), first) {
				return
			}
			p.fillT4Rows(strs(toks), parts, blocks, first)
			return
		}
		if !glued && !whole && cells && apart && p.parseT4Interleaved(lo, hi) {
			// (a count a line among headings' words that a line of one
			// character each cut into parts — 结 / 果 / … / 0 / 0 / 0 / 1 /
			// 1 / 结 …: pdftotext's default text of a table set large)
			return
		}
		if !glued && !whole && cells {
			// parts that do not make the table: the first alone, as if
			// the others had not been read
			toks, data, spaced, dataEnd = toks[:parts[0]], data[:before.data], before.spaced, before.dataEnd
		} else {
			if !glued && cells && byName {
				p.warn("PARSE.READ", "appeals", first, "表四每组一行（行政复议、未经复议直接起诉、复议后起诉），各行按其组名读取：%s", strings.Join(strs(toks), " "))
			} else if !glued && cells {
				p.warn("PARSE.READ", "appeals", first, "表四分成了 %d 段（各 %s 个数，每段有自己的表头），按表头的次序连起来读取：%s",
					len(parts)+1, strings.Join(sizes, "、"), strings.Join(strs(toks), " "))
			} else {
				// digits run together in each part: each part is cut alone
				// into the blocks its headings name (a part's digits are
				// not known to be one a cell)
				if glued && apart && (p.countsIn(dataEnd, hi, n) || wellFormed(strs(toks)) && !slices.ContainsFunc(data, func(l Line) bool { return l.Segmented })) {
					// a number a line in each part, and more such after
					// the parts, or each a count as written on a line of
					// its own (a page's text, not a page run into one
					// line): not runs of digits but cells a line, in an
					// order with blanks no sum can tell (pdftotext's
					// default text, column by column: "0", "246", … "246")
					r.Meta.Unreadable["4"] = true
					p.t4Unread()
					if p.countsIn(dataEnd, hi, n) {
						p.warn("PARSE.TABLE", "appeals", first, "表四的数各占一行（%s），其后到下一节之前还有数，多半是转换按栏打乱了次序且有空白单元格，无法确定各数的位置，表四记为空，请对照原文核对",
							strings.Join(strs(toks), " "))
						return
					}
					p.warn("PARSE.TABLE", "appeals", first, "表四的数各占一行（%s），分在几段表头之下、每段一个：各是一个完整的数，不是连在一起的数字，而空白单元格没有留下位置，无法确定各数在哪一栏，表四记为空，请对照原文核对",
						strings.Join(strs(toks), " "))
					return
				}
				if byName {
					p.warn("PARSE.READ", "appeals", first, "表四每组一行（行政复议、未经复议直接起诉、复议后起诉），数字连在一起，各行按其组名分别拆分：%s",
						strings.Join(strs(toks), " "))
				} else {
					p.warn("PARSE.READ", "appeals", first, "表四分成了 %d 段（每段有自己的表头），各段按其表头的栏数分别拆分：%s",
						len(parts)+1, strings.Join(strs(toks), " "))
				}
				r.Meta.Tables["4"] = true
				r.setLine("appeals", first)
				p.fillT4Parts(strs(toks), blocks, first)
				return
			}
		}
	}
	if len(data) == 1 && len(toks) > n {
		if cells, ok := p.spanned(data[0], n); ok {
			p.warn("PARSE.READ", "appeals", data[0].No, "表四读到 %d 个数（%s），其中重复的是合并单元格跨过的栏（表头也重复），按 %s 读取",
				len(toks), strings.Join(strs(toks), " "), strings.Join(cells, " "))
			toks = toks[:0]
			for _, c := range cells {
				toks = append(toks, tok{s: c, center: -1})
			}
		}
	}
	if apart && len(data) > 1 {
		spaced = true // numbers on lines of their own are cells of their own: never split as glued digits
		if more := p.moreApartNumbers(dataEnd, hi); len(toks) == n && more > 0 {
			// the numbers on lines of their own go on past fifteen: another
			// table's columns spilled into this one (pdfminer's text blocks),
			// of which 表四's are some, where cannot be known
			r.Meta.Unreadable["4"] = true
			p.t4Unread()
			p.warn("PARSE.TABLE", "appeals", first, "表四的位置有 %d 个以上各占一行的数，多于表四的 15 个（转换把别的表格的数字也排到了这里），无法确定哪些是表四的，表四记为空，请对照原文核对", n+more)
			return
		}
		if len(toks) == n && t4GroupsFailing(strs(toks)) > 1 {
			// a PDF's text can give a table's numbers column by column:
			// in the order read they do not add up, and no order can be known
			// (one group alone not adding up is the report's error: the
			// other two adding up say the order is the table's)
			r.Meta.Unreadable["4"] = true
			p.t4Unread()
			p.warn("PARSE.TABLE", "appeals", first, "表四的 15 个数各占一行（%s），按原文的次序排成三组时各组之和都不等于总计，多半是转换打乱了次序，表四记为空，请对照原文核对",
				strings.Join(strs(toks), " "))
			return
		}
	}
	if apart && len(data) > 1 && len(toks) < n && len(parts) == 0 {
		if stray, lines := p.strayCounts(hi); len(stray) > 0 {
			// fewer than fifteen a line each, and counts a line each after
			// the sections that follow (pdftotext's default text of a
			// landscape page: the table's right end comes after the text
			// beside it): the table's last cells, not blanks
			all := append(strs(toks), stray...)
			// one count in a text without page breaks may be a page's number
			// (barePageEnds finds those by the breaks)
			pageNumber := len(stray) == 1 && stray[0] != "0" && len(p.pageBreaks()) == 0
			if len(all) != n || t4GroupsFailing(all) > 0 || pageNumber {
				r.Meta.Unreadable["4"] = true
				p.t4Unread()
				p.warn("PARSE.TABLE", "appeals", first, "表四只读到 %d 个数（%s），而其后的文字中有各占一行的数（第 %s 行：%s），可能是转换排到后面的表格右侧的数，也可能是页码；无法确定各数的位置，表四记为空，请对照原文核对",
					len(toks), strings.Join(strs(toks), " "), joinInts(lines), strings.Join(stray, " "))
				return
			}
			r.Meta.Tables["4"] = true
			r.setLine("appeals", first)
			for i, c := range all {
				r.Appeals[i/5][i%5] = toCell(c)
			}
			p.warn("PARSE.READ", "appeals", first, "表四只读到 %d 个数，其余 %d 个在其后的文字中各占一行（第 %s 行：%s，转换把表格右侧的数排到了后面），接在表四之后读取，三组都满足“总计 = 各项之和”，请对照原文核对",
				len(toks), len(stray), joinInts(lines), strings.Join(stray, " "))
			return
		}
	}
	p.t4Laid = len(parts) == 0 && len(data) == 1 && p.t4LaidWhole(lo, data[0], toks)
	var gaps []int // blank cells between the numbers, by their spacing
	// (a lone count is a cell too: one 0 among fourteen blanks, placed by
	// its heading as any other)
	if len(toks) < n && len(data) == 1 && (spaced || len(toks) == 1 && wellFormed(strs(toks))) {
		if data[0].Placed {
			gaps = interiorBlanks(toks)
		}
		cells, ok := p.placeByRuler(lo, hi, data[0].Text, toks, n)
		if !ok {
			cells, ok = p.placeByT4Header(lo, data[0], toks)
		}
		if ok {
			toks = toks[:0]
			for _, c := range cells {
				toks = append(toks, tok{s: c, center: -1})
			}
		}
	}
	if first == 0 {
		if p.notText("4", "appeals") || p.parseT4Vertical(lo, hi) || p.parseT4Transposed(lo, hi) {
			return
		}
		if r.Meta.Tables["4"] {
			// some blocks were read by their labels: the others are unread, not left blank by the report
			var missing []string
			for b := range T4Blocks {
				if !got[b] {
					missing = append(missing, T4Blocks[b].Parent+T4Blocks[b].Label)
					for j := range T4Columns {
						p.ambiguous(t4Cell(b, j))
					}
				}
			}
			p.warn("PARSE.TABLE", "appeals", r.Line("appeals"), "表四“%s”无法读取：未找到与之对应的一行 5 个数，记为空，请对照原文核对",
				strings.Join(missing, "”“"))
			return
		}
		// (its section's heading, or, in a workbook of the tables, 表四's
		// own first line: its headers alone, the blank row of cells left
		// out with the sheet's empty rows)
		if _, ok := p.heads["4"]; (ok || lo >= 0 && lo < hi && tableStart("4", p.lines[lo])) && hi-lo > 1 {
			r.Meta.Unreadable["4"] = true
			if p.blankTable(lo, hi, "结果维持", "尚未审结") {
				p.warn("CELL.BLANK", "appeals", p.lines[lo].No, "表四表头都在，但没有一个数字（各栏空白或未填数字）：格式要求填写数字，没有的填 0")
				return
			}
			if p.parseT4Glued(lo, hi) {
				return
			}
			p.warn("PARSE.TABLE", "appeals", p.lines[lo].No, "表四无法读取：未找到 15 个数的数据行，表四各栏记为空")
		}
		return
	}
	r.Meta.Tables["4"] = true
	r.setLine("appeals", first)
	p.fillT4(toks, spaced, gaps, first)
}

// t4LaidWhole says 表四's numbers read from the one line data, fewer than
// its cells, are every cell the printed row holds: each two spaces or more
// apart (a laid-out text's columns: pdftotext -layout; a number alone set
// apart from the margin too; any in our PDF reader's text, whose gaps are
// to scale), or two or more in a text that keeps 表三's rows on their lines
// (pdftotext -raw: rowsKept), under headings (the lines of its section
// before it) that name 总计 three times — a converter
// that cut the table's right edge off took the last 总计 with it. Its
// headings stand a character or two to a line there (总 / 计): counted by
// character, which no other heading of 表四 has.
func (p *parser) t4LaidWhole(lo int, data Line, toks []tok) bool {
	if len(toks) == 0 || len(toks) >= len(T4Blocks)*len(T4Columns) || data.Fields != nil || data.Segmented {
		return false
	}
	if !data.Placed && !laidApart(data.Text, toks, len(toks) == 1) && !(p.rowsKept && len(toks) >= 2) {
		return false
	}
	zong, ji := 0, 0
	for _, l := range p.lines[lo:] {
		if l.No >= data.No {
			break
		}
		zong += strings.Count(l.Text, "总")
		ji += strings.Count(l.Text, "计")
	}
	return zong == len(T4Blocks) && ji == len(T4Blocks)
}

// parseT4Interleaved reads 表四 written a count to a line among its
// headings' words (pdftotext's default text of LibreOffice's PDF: … 维持 /
// 0 / 纠正 / 0 / 结果 / 1 / 复议后起诉 / …): when every line of the table is
// headings' words or one count, there are fifteen counts, and every group
// adds up, they are its cells in the order written (a PDF's text may give a
// table column by column: the groups then hardly all add up).
func (p *parser) parseT4Interleaved(lo, hi int) bool {
	const n = 15
	var nums []string
	var runs []t4WordsRun // the headings' words before each run of counts
	first, between := 0, false
	for _, l := range p.lines[max(lo, 0):hi] {
		t := trimSpace(l.Text)
		switch {
		case t == "" || headingKey(t) != "":
		case l.Fields == nil && t4HeadingOnly(t):
			between = between || len(nums) > 0
			if len(runs) == 0 || runs[len(runs)-1].counts > 0 {
				runs = append(runs, t4WordsRun{start: len(nums)})
			}
			last := &runs[len(runs)-1]
			last.words = append(last.words, strings.Fields(t)...)
		case l.Fields == nil && wellFormed([]string{t}): // (one count)
			if first == 0 {
				first = l.No
			}
			if len(runs) > 0 {
				runs[len(runs)-1].counts++
			}
			if nums = append(nums, t); len(nums) > n {
				return false
			}
		default:
			return false
		}
	}
	if len(nums) != n || !between {
		return false
	}
	how := "按写出的次序读取"
	// the order written must be the cells' (fifteen zeros are the same in
	// any): the words before each run name its cells, and the groups add
	// up, all but one at most (the report's error: the words, and the other
	// two groups, say the order is the table's)
	if t4GroupsFailing(nums) > 1 || !allZero(nums) && slices.ContainsFunc(runs, func(run t4WordsRun) bool { return !run.fitsCells() }) {
		cells, ok := t4ByWords(runs, nums)
		how = "按每个数前面的表头文字定出它所在的栏读取（PDF 转换的文字把表格分块写出）"
		if !ok {
			cells, ok = t4ByTotalsLast(runs, nums)
			how = "表头逐字成行，按每段表头的字定出其栏：各段先写各项、后写总计（有一组的总计写在下一组的表头之下），总计按各组相符的唯一次序归组"
		}
		if !ok || t4GroupsFailing(cells[:]) > 1 {
			return false
		}
		nums = cells[:]
	}
	for i, c := range nums {
		p.r.Appeals[i/5][i%5] = toCell(c)
	}
	p.r.Meta.Tables["4"] = true
	p.r.setLine("appeals", first)
	sums := "三组都满足“总计 = 各项之和”"
	if t4GroupsFailing(nums) > 0 {
		sums = "另两组都满足“总计 = 各项之和”"
	}
	p.warn("PARSE.READ", "appeals", first, "表四的 15 个数各占一行，与表头的文字交错（%s）：%s，%s，请对照原文核对",
		strings.Join(nums, " "), how, sums)
	return true
}

// t4GluedWords are the words of 表四's headings that parseT4Glued takes
// between its counts, longest first.
var t4GluedWords = []string{"未经复议直接起诉", "复议后起诉", "行政复议", "行政诉讼", "结果", "维持", "纠正", "其他", "尚未", "审结", "总计"}

// t4PageMark is a page's number between dashes (—4—) run into a table.
var t4PageMark = regexp.MustCompile(`[—–－-]\s*[0-9]{1,3}\s*[—–－-]`)

// t4GluedCuts bounds the readings parseT4Glued weighs.
const t4GluedCuts = 4096

// parseT4Glued reads 表四 given in pieces of columns among its headings'
// words, on lines that hold both (a page run into one line: …其他总计维持0纠正0
// 结果0复议后起诉尚未…维持纠正结果审结0020审结1…总计1—4—2总计2): the
// headings' words and the runs of digits in order, each run cut into counts
// every way and placed by the words before it (t4ByWords); read when one
// reading alone places all fifteen with every group adding up, and said.
// Any other text among them, and it is not read.
func (p *parser) parseT4Glued(lo, hi int) bool {
	var b strings.Builder
	for _, l := range p.lines[max(lo, 0):hi] {
		if t := trimSpace(l.Text); t != "" && headingKey(t) == "" && l.Fields == nil {
			b.WriteString(t)
			b.WriteByte(' ')
		}
	}
	text := t4PageMark.ReplaceAllString(b.String(), " ")
	type run struct {
		words  []string
		tokens []string // the digits, as spaces set them apart
	}
	var runs []run
	for i := 0; i < len(text); {
		c, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isASCIIDigit(text[i]):
			j := i
			for j < len(text) && isASCIIDigit(text[j]) {
				j++
			}
			if len(runs) == 0 {
				return false // (counts before any heading's word)
			}
			last := &runs[len(runs)-1]
			last.tokens = append(last.tokens, text[i:j])
			i = j
			continue
		case unicode.IsSpace(c) || strings.ContainsRune("（）()、", c):
		case unicode.Is(unicode.Han, c):
			k := slices.IndexFunc(t4GluedWords, func(w string) bool { return strings.HasPrefix(text[i:], w) })
			if k < 0 {
				return false
			}
			if len(runs) == 0 || len(runs[len(runs)-1].tokens) > 0 {
				runs = append(runs, run{})
			}
			last := &runs[len(runs)-1]
			last.words = append(last.words, t4GluedWords[k])
			i += len(t4GluedWords[k])
			continue
		default:
			return false
		}
		i += size
	}
	// each run's cuts into counts: every token cut into counts of one to
	// five digits (0 alone), five counts a run at most
	cutsOf := func(tokens []string) [][]string {
		out := [][]string{nil}
		for _, t := range tokens {
			var next [][]string
			for _, prefix := range out {
				for _, c := range digitCuts(t, 5, 5-len(prefix)) {
					next = append(next, append(slices.Clip(prefix), c...))
				}
			}
			out = next
		}
		return out
	}
	var per [][][]string
	ways := 1
	for _, r := range runs {
		if len(r.tokens) == 0 {
			continue // (the headings after the last count)
		}
		cuts := cutsOf(r.tokens)
		if ways *= len(cuts); ways == 0 || ways > t4GluedCuts {
			return false
		}
		per = append(per, cuts)
	}
	// the readings whose groups all add up; with none, those with one
	// group that does not (the report's error)
	var found, failing [][15]string
	choice := make([]int, len(per))
	nums, wr := make([]string, 0, 5*len(per)), make([]t4WordsRun, 0, len(per))
	for w := 0; w < ways; w++ {
		nums, wr = nums[:0], wr[:0]
		k := w
		for i := range per {
			choice[i], k = k%len(per[i]), k/len(per[i])
			c := per[i][choice[i]]
			wr = append(wr, t4WordsRun{words: runs[i].words, start: len(nums), counts: len(c)})
			nums = append(nums, c...)
		}
		if len(nums) != 15 {
			continue
		}
		cells, ok := t4ByWords(wr, nums)
		if !ok {
			continue
		}
		switch fails := t4GroupsFailing(cells[:]); {
		case fails == 0 && !slices.Contains(found, cells):
			found = append(found, cells)
		case fails == 1 && !slices.Contains(failing, cells):
			failing = append(failing, cells)
		}
	}
	sums := "三组都满足“总计 = 各项之和”"
	if len(found) == 0 {
		found, sums = failing, "另两组都满足“总计 = 各项之和”"
	}
	if len(found) != 1 {
		return false
	}
	for i, c := range found[0] {
		p.r.Appeals[i/5][i%5] = toCell(c)
	}
	p.r.Meta.Tables["4"] = true
	p.r.setLine("appeals", p.lines[lo].No)
	p.warn("PARSE.READ", "appeals", p.lines[lo].No, "表四的数字与表头的文字交错、连在一起（PDF 转换的文字把表格分块写出）：按每段数字前面的表头文字定出它所在的栏，只有一种拆法使%s，读作 %s，请对照原文核对",
		sums, strings.Join(found[0][:], " "))
	return true
}

// digitCuts are the ways to cut a run of digits into parts counts at most
// of one to size digits each (0 alone: no count starts with 0).
func digitCuts(d string, size, parts int) [][]string {
	if d == "" {
		return [][]string{nil}
	}
	if parts == 0 || len(d) > size*parts {
		return nil
	}
	var out [][]string
	for n := 1; n <= size && n <= len(d); n++ {
		if n > 1 && d[0] == '0' {
			break
		}
		for _, rest := range digitCuts(d[n:], size, parts-1) {
			out = append(out, append([]string{d[:n]}, rest...))
		}
	}
	return out
}

// t4ByWords places 表四's counts by the headings' words just before each
// run of them, where a PDF's text gives the table in pieces of columns
// (pdftotext's default text of a Word-like table broken over blocks: 维持 0 /
// 纠正 0 / 结果 0 / … 维持 纠正 结果 审结 / 0 0 2 0 / 审结 1 / … / 总计 1 / 2 /
// 总计 2): as many column words as counts name their columns in order, a
// block's (总计 left out where it floats, and a block's four results' words
// may have its 总计 count after them); one word alone names the column the
// counts go down, a block each. A
// count goes to the first block whose cell in its column is still empty.
// false when a run's words do not name its counts' columns so, or a cell
// is left empty.
func t4ByWords(runs []t4WordsRun, nums []string) (cells [15]string, ok bool) {
	column := func(w string) int {
		switch {
		case strings.HasSuffix(w, "维持"):
			return 0
		case strings.HasSuffix(w, "纠正"):
			return 1
		case strings.HasSuffix(w, "结果"):
			return 2 // (其他 / 结果: a heading's second line)
		case strings.HasSuffix(w, "审结"):
			return 3
		case strings.HasSuffix(w, "总计"):
			return 4
		}
		return -1
	}
	place := func(cols []int, v []string) bool {
		for b := range len(T4Blocks) {
			if !slices.ContainsFunc(cols, func(c int) bool { return cells[b*5+c] != "" }) {
				for i, c := range cols {
					cells[b*5+c] = v[i]
				}
				return true
			}
		}
		return false
	}
	at := 0
	for _, run := range runs {
		if run.start != at || run.counts == 0 {
			return cells, false
		}
		v := nums[at : at+run.counts]
		at += run.counts
		// the column words just before the counts, in order; and the same
		// without 总计, which may float (a line of its own in the middle of
		// its cell: 总计 维持 纠正 结果 审结 then a block's five counts)
		var cols, bare []int
		for i := len(run.words) - 1; i >= 0 && column(run.words[i]) >= 0; i-- {
			c := column(run.words[i])
			cols = append([]int{c}, cols...)
			if c != 4 {
				bare = append([]int{c}, bare...)
			}
		}
		inOrder := func(cs []int) bool {
			for i := 1; i < len(cs); i++ {
				if cs[i] <= cs[i-1] {
					return false // (not one block's columns in order)
				}
			}
			return true
		}
		switch k := len(v); {
		case k <= len(cols) && inOrder(cols[len(cols)-k:]):
			if !place(cols[len(cols)-k:], v) {
				return cells, false
			}
		case k <= len(bare) && inOrder(bare[len(bare)-k:]):
			if !place(bare[len(bare)-k:], v) {
				return cells, false
			}
		case k == 5 && len(bare) >= 4 && slices.Equal(bare[len(bare)-4:], []int{0, 1, 2, 3}):
			if !place([]int{0, 1, 2, 3, 4}, v) {
				return cells, false
			}
		case k == 6 && len(bare) >= 4 && slices.Equal(bare[len(bare)-4:], []int{0, 1, 2, 3}) && slices.Contains(cols, 4):
			// 总计 维持 纠正 结果 审结 then six counts: this block's four,
			// the block before's 总计 (its heading a line lower, written
			// after the next block's counts) and its own (0 0 0 0 / 总计 维持
			// … / 0 0 2 0 0 2 for 0 0 0 0 0 / 0 0 2 0 2)
			b := -1 // the first block without its results
			for x := range len(T4Blocks) {
				if cells[x*5] == "" {
					b = x
					break
				}
			}
			if b < 1 || cells[(b-1)*5+4] != "" || !place([]int{0, 1, 2, 3}, v[:4]) {
				return cells, false
			}
			cells[(b-1)*5+4], cells[b*5+4] = v[4], v[5]
		case k > 1 && len(cols) == 1:
			for _, x := range v {
				if !place(cols[len(cols)-1:], []string{x}) {
					return cells, false
				}
			}
		default:
			return cells, false
		}
	}
	return cells, at == len(nums) && !slices.Contains(cells[:], "")
}

// t4ByTotalsLast reads 表四's counts from headings set a character to a
// line (结 / 结 / 其 / 尚 / 果 / … / 总 / … / 计: pdftotext's default text of a
// table set large): a run's characters, the blocks' names aside, are rows
// across its columns, its results' first and the 总s after them, so its
// counts are its results' (in the table's order) then its totals, as many
// as its 总, three in all. A block's 总计 standing a line lower than its
// other headings is named, and its count written, under the next block's
// headings (0 1 0 0 / 结 … 总 … 总 … / 0 0 0 0 1 0: 未经复议直接起诉's 总计 1
// between 复议后起诉's four and its own 总计). The totals go to the earliest
// blocks still without one, their results all read, in whichever order
// makes every group add up; read where exactly one does.
func t4ByTotalsLast(runs []t4WordsRun, nums []string) (cells [15]string, ok bool) {
	type totals struct {
		vals   []string
		blocks []int
	}
	var merged []t4WordsRun
	for _, run := range runs {
		if len(merged) > 0 && !slices.ContainsFunc(run.words, func(w string) bool { return utf8.RuneCountInString(w) == 1 }) {
			// a block's name alone among a run's counts (0 0 0 / 复议后起诉
			// / 0 0, in a narrow table): printed beside its headings, a
			// line above, it does not cut the run
			merged[len(merged)-1].counts += run.counts
			continue
		}
		merged = append(merged, run)
	}
	var runTotals []totals
	at, res, tot := 0, 0, 0 // counts placed, result cells filled, blocks given a total
	for _, run := range merged {
		if run.start != at || run.counts == 0 {
			return cells, false
		}
		var chars []string
		for _, w := range run.words {
			switch {
			case utf8.RuneCountInString(w) == 1:
				chars = append(chars, w)
			case strings.ContainsAny(w, "结果维持纠正其他尚审总计"): // (未 is in 未经复议直接起诉 too)
				return cells, false // (a heading's words whole: t4ByWords' text)
			}
		}
		t := 0
		firstTotal := -1
		for i, c := range chars {
			if c == "总" {
				if t++; firstTotal < 0 {
					firstTotal = i
				}
			}
		}
		r := run.counts - t
		if r < 0 || t > 0 && r > 0 && (firstTotal == 0 || firstTotal%r != 0) || res+r > 12 {
			return cells, false
		}
		v := nums[at : at+run.counts]
		for _, x := range v[:r] {
			cells[res/4*5+res%4] = x
			res++
		}
		var tt totals
		for k := range t {
			if tot+k >= 3 || res < 4*(tot+k+1) {
				return cells, false // (a block's total before all its results)
			}
			tt.blocks = append(tt.blocks, tot+k)
		}
		tt.vals, tot = v[r:], tot+t
		runTotals = append(runTotals, tt)
		at += run.counts
	}
	if at != len(nums) || res != 12 || tot != 3 {
		return cells, false
	}
	// each run's totals to its blocks in every order; one reading must hold
	var found []string
	var try func(k int, x [15]string) bool
	try = func(k int, x [15]string) bool {
		if k == len(runTotals) {
			if t4GroupsFailing(x[:]) > 0 {
				return true
			}
			if found != nil && !slices.Equal(found, x[:]) {
				return false
			}
			found = slices.Clone(x[:])
			return true
		}
		tt := runTotals[k]
		for _, perm := range permutationsOf(len(tt.vals)) {
			for i, b := range tt.blocks {
				x[b*5+4] = tt.vals[perm[i]]
			}
			if !try(k+1, x) {
				return false
			}
		}
		return true
	}
	if !try(0, cells) || found == nil {
		return cells, false
	}
	copy(cells[:], found)
	return cells, true
}

// permutationsOf lists the orders of 0..n-1 (n of three at most here).
func permutationsOf(n int) [][]int {
	if n == 0 {
		return [][]int{nil}
	}
	var out [][]int
	for _, p := range permutationsOf(n - 1) {
		for i := 0; i <= len(p); i++ {
			out = append(out, slices.Insert(slices.Clone(p), i, n-1))
		}
	}
	return out
}

// t4WordsRun is a run of 表四's counts in parseT4Interleaved's text, with
// the headings' words just before it: the first count is cell start.
type t4WordsRun struct {
	words         []string
	start, counts int
}

// fitsCells says the words before a run of counts name the columns the
// counts fill in the order written: the last words, 总计 left out (it
// floats, a line of its own in the middle of its cell), are those of the
// run's cells other than totals (维持 0 / 纠正 0 / 结果 1 / …: one each;
// 维持 纠正 结果 审结 0 0 0 0 0: a block's four results and its total). In
// LibreOffice's PDFs the text may instead give the counts a column across
// the blocks (… 维持 纠正 结果 审结 then four counts that are one block's
// 尚未审结 and 总计 and the next's first two): all zeros but one, the
// groups add up by chance, so the order of the words is what tells.
func (run t4WordsRun) fitsCells() bool {
	var words []int
	for _, w := range run.words {
		if strings.HasSuffix(w, "计") || w == "总" {
			continue
		}
		k := slices.IndexFunc([]string{"维持", "纠正", "结果", "审结"}, func(end string) bool { return strings.HasSuffix(w, end) })
		words = append(words, k) // -1: a block's name, or a heading's first line (尚未, 其他)
	}
	var cells []int
	for c := run.start; c < run.start+run.counts; c++ {
		if c%5 != 4 {
			cells = append(cells, c%5)
		}
	}
	if run.counts == 6 && run.start%5 == 4 && len(run.words) >= 5 && len(words) >= 4 && slices.Equal(words[len(words)-4:], []int{0, 1, 2, 3}) && strings.HasSuffix(run.words[len(run.words)-5], "总计") {
		// 总计 维持 纠正 结果 审结 then six counts: the block before's 总计 is
		// written after this block's four, not first (t4ByWords)
		return false
	}
	return len(words) >= len(cells) && slices.Equal(words[len(words)-len(cells):], cells)
}

// t4NextPart says the numbers of a line after 表四's headings alone go on
// the table whose numbers so far are read: whole cells that make whole
// blocks (5 and 10, 5 and 5), or, where digits ran together, a run of five
// digits or more (a block's at least) to a part, three parts at most. In a
// table that leaves cells blank, under headings that say how many blocks the
// part has (its 总计s or its block's name), a part may be shorter (not under
// other pieces of headings: a lone digit then "纠正" is a PDF's text a number
// to a line, not digits run together).
func t4NextPart(read, next []string, blanks bool) bool {
	const n = 15
	if wholeCells(read) && wholeCells(next) {
		return len(read)+len(next) <= n
	}
	if len(next) != 1 || len(read)+1 > 3 {
		return false
	}
	for _, t := range append(read[:len(read):len(read)], next...) {
		if !allDigits(t) && !placeholderRun(t, countMarks) && !dashesOnly(t) || utf8.RuneCountInString(t) < 5 && !blanks {
			return false // (a run of digits, or of digits and marks for 0: —1——1, —————)
		}
	}
	return true
}

// wholeBlocks says numbers are whole cells that fill whole blocks of 表四.
func wholeBlocks(toks []string) bool { return len(toks)%5 == 0 && wellFormed(toks) }

// wholeCells is wholeBlocks where a cell may be a placeholder (—, /, 无)
// written for 0: a part of such cells is whole cells as well.
func wholeCells(toks []string) bool { return len(toks)%5 == 0 && cellsOrMarks(toks) }

// loneMarksUncut says a row's tokens (ts, fewer than its n cells) are whole
// counts and marks for 0 standing alone a space apart, and no cut of their
// digits (cuts, splitPlaceholdersAs) adds up by addsUp: the marks are no
// digits' neighbours, so the text sets cells apart, and the missing cells
// are blanks that left no trace, as likely as digits run together. Such a
// row is not cut.
func loneMarksUncut(ts []string, n int, cuts [][]string, addsUp func([]string) bool) bool {
	return len(ts) < n && cellsOrMarks(ts) && !slices.ContainsFunc(cuts, addsUp)
}

// cellsOrMarks says every token is a whole count or a placeholder.
func cellsOrMarks(toks []string) bool {
	for _, t := range toks {
		if !isPlaceholder(t) && !wellFormed([]string{t}) {
			return false
		}
	}
	return true
}

// fillT4Parts reads 表四 cut into parts whose digits ran together (a page
// without line breaks), a run to a part: each part is cut alone into the
// blocks its headings name (blocks, by their 总计), so that no cell crosses
// from one part into the next. A part cut one way is read; cut several ways
// that add up, the cells they agree on; no way that adds up, a block that
// alone does not add up in every cut is the report's error (T4.SUM), its other
// blocks read; otherwise the part is unread. In a report that leaves cells
// blank, readings with blanks count too, and a part with more of them than
// can be weighed is unread (as in fillT4).
func (p *parser) fillT4Parts(runs []string, blocks []int, line int) {
	said := func(b int) {
		for j := range T4Columns {
			p.ambiguous(t4Cell(b, j))
		}
	}
	if len(blocks) != len(runs) || slices.Contains(blocks, 0) || sumInts(blocks) != len(T4Blocks) {
		for b := range T4Blocks {
			said(b)
		}
		p.warn("PARSE.TABLE", "appeals", line, "表四分成了 %d 段，数字连在一起（%s），各段的表头看不出各有几组，无法拆分，表四记为空", len(runs), strings.Join(runs, " "))
		return
	}
	at := 0 // the first block of the part
	for k, run := range runs {
		n := blocks[k]
		if countMarks.hasMark(run) {
			// marks for 0 among the digits (—1——1, —————): a mark is one
			// cell, the digits cut so that each block adds up
			p.fillT4PartMarked(run, at, n, line)
			at += n
			continue
		}
		cuts := blockCuts([]string{run}, 5*n, 0, 0)
		if p.blanky && len(cuts) < t4CutLimit {
			// 表三 leaves cells blank: so may this part (as in fillT4)
			withBlanks, done := blockCutsDone([]string{run}, 5*n, 5*n, 0) // any number of blanks: what is agreed on must be so by every reading
			if !done {
				// too many readings with blanks to weigh: nothing is
				// known, not even that a group does not add up
				for b := at; b < at+n; b++ {
					said(b)
				}
				p.warn("PARSE.AMBIGUOUS", "appeals", line, "表四的一段数字“%s”连在一起；本报告有空白的单元格，这一段也可能有，留出空白的拆法太多，无法确定，这 %d 组记为空", run, n)
				at += n
				continue
			}
			cuts = append(cuts, withBlanks...)
		}
		bad := -1
		if len(cuts) == 0 {
			cuts = blockCuts([]string{run}, 5*n, 0, 1)
			if b, ok := t4BadBlock(cuts); ok && len(cuts) < t4CutLimit {
				bad = b
			} else {
				cuts = nil
			}
		}
		if len(cuts) == 0 || len(cuts) >= t4CutLimit {
			for b := at; b < at+n; b++ {
				said(b)
			}
			p.warn("PARSE.TABLE", "appeals", line, "表四的一段数字“%s”连在一起，无法拆成 %d 组，这几组记为空", run, n)
			at += n
			continue
		}
		unknown := p.fillAgreed(cuts, at)
		if bad >= 0 {
			blk := T4Blocks[at+bad].Parent + T4Blocks[at+bad].Label
			p.warn("PARSE.READ", "appeals", line, "表四的一段数字“%s”连在一起，没有一种拆分使各组都满足“总计 = 各项之和”，而只有“%s”一组不满足：按此读取%s", run, blk, unreadSaid(unknown))
			if slices.ContainsFunc(unknown, func(u string) bool { return strings.HasPrefix(u, blk) }) {
				p.warn("T4.SUM", t4Cell(at+bad, 4), line, "表四“%s”：数字连在一起（“%s”），无论怎样拆分，结果维持、结果纠正、其他结果、尚未审结之和都不等于总计", blk, run)
			}
		} else if len(unknown) > 0 {
			p.warn("PARSE.AMBIGUOUS", "appeals", line, "表四的一段数字“%s”连在一起，有 %d 种拆分都满足各组之和，%s无法确定，记为空", run, len(cuts), strings.Join(unknown, "、"))
		}
		at += n
	}
}

func sumInts(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

// t4Before is parseT4's reading before a second part of the table.
type t4Before struct {
	data    int
	spaced  bool
	dataEnd int
}

// t4HeadingOnly says a line holds 表四's headings and nothing else (行政诉讼,
// 复议后起诉, 结果维持 …), or pieces of them (pdftotext prints a heading
// wrapped in its narrow cell a piece to a line: "结果纠 其他结 尚未审" /
// "正   果   结"): a heading between two parts of the table. Every
// character is one of the headings' or a space or bracket — but for one in
// five at most among four of the headings' at least (an OCR's misread
// characters: 行政诉息（未经复议直接起诉）, 讼（复议年起诉）).
func t4HeadingOnly(text string) bool {
	in, out := 0, 0
	for _, r := range text {
		switch {
		case strings.ContainsRune(t4HeadingChars, r):
			in++
		case unicode.IsSpace(r) || strings.ContainsRune("|-:（）()", r):
		case unicode.Is(unicode.Han, r):
			out++
		default:
			return false
		}
	}
	return in > 0 && (out == 0 || in >= 4 && out*5 <= in+out)
}

// t4NamedAfter counts on named, the blocks a heading line names after the
// first at blocks (行政诉讼（未经复议直接起诉）after 行政复议's row): each must
// be the next in the format's order, or the count is -1 (not a row to a
// block).
func t4NamedAfter(text string, at, named int) int {
	L := norm(text)
	for L != "" {
		b, i := -1, len(L)
		for k, name := range t4Norms { // (no name is in another)
			if j := indexText(L, name); j >= 0 && j < i {
				b, i = k, j // the first named
			}
		}
		size := 0
		if b < 0 {
			// the next block's name with a character misread (复议年起诉),
			// where no name is whole
			if at+named >= len(t4Norms) {
				break
			}
			if i, size = misreadName(L, t4Norms[at+named]); i < 0 {
				break
			}
			b = at + named
		} else {
			size = len(t4Norms[b])
		}
		if b != at+named {
			return -1
		}
		named++
		L = L[i+size:]
	}
	return named
}

// misreadName finds name (five runes or more) in L with one rune misread:
// where, and how many bytes, or -1.
func misreadName(L, name string) (int, int) {
	n := utf8.RuneCountInString(name)
	if n < 5 {
		return -1, 0
	}
	for i, left := 0, utf8.RuneCountInString(L); left >= n; left-- {
		j := runesAfter(L, i, n)
		if editWithin(L[i:j], name, 1) == 1 {
			return i, j - i
		}
		_, w := utf8.DecodeRuneInString(L[i:])
		i += w
	}
	return -1, 0
}

// t4HeadingChars are the characters of 表四's headings (and of 续表, 表四).
const t4HeadingChars = "行政复议诉讼未经直接起后结果维持纠正其他尚审总计续表四"

// moreApartNumbers counts the lines from index from (up to hi) that each
// hold one number, blank lines passed over, up to the first other line.
func (p *parser) moreApartNumbers(from, hi int) int {
	n := 0
	for _, l := range p.lines[from:hi] {
		t := trimSpace(l.Text)
		if t == "" {
			continue
		}
		if l.Fields != nil || !isNumber(t) {
			break
		}
		n++
	}
	return n
}

// t4GenericLabels are words some reports put before 表四's row of fifteen
// numbers, in a column the format does not have (normalised).
var t4GenericLabels = map[string]bool{"数量": true, "数量件": true, "件数": true, "件数件": true, "数据": true, "数值": true, "案件数": true, "案件数量": true}

// strayCounts are the counts on lines of their own in the sections after
// 表四 (from its region's end hi to the end of section 六), with their line
// numbers.
func (p *parser) strayCounts(hi int) (counts []string, lines []int) {
	for k := max(hi, 0); k < len(p.lines); k++ {
		l := p.lines[k]
		t := trimSpace(l.Text)
		if key := headingKey(t); key != "" && key != "5" && key != "6" {
			break
		}
		if l.Fields == nil && allDigits(t) && wellFormed([]string{t}) {
			counts, lines = append(counts, t), append(lines, l.No)
		}
	}
	return counts, lines
}

// barePageEnds are the lines that end pages with a bare count that is its
// page's place in the text plus one offset, none 0, when more than half the
// pages (two at least) end so: pdftotext's default text of pages whose
// footer is their number. Such a text writes a table's numbers a line each
// too, so a page may end in a cell, but hardly most pages in cells that
// count up with them. On a page whose last line is another count (a cell
// written after the footer), the page's number is looked for among its last
// three lines of text.
func barePageEnds(lines []Line, pages []int) []int {
	bare := func(k int) int64 {
		if lines[k].Fields != nil {
			return 0
		}
		t := trimSpace(lines[k].Text)
		if len(t) > 3 || !allDigits(t) {
			return 0
		}
		v, _ := strconv.ParseInt(t, 10, 64)
		return v
	}
	var tails [][3]int // each page's last three lines with text, the last first (-1: none)
	tail := [3]int{-1, -1, -1}
	for k, l := range lines {
		// (pages: the form feeds' lines; a footer or running head dropped
		// also marks a Break, and would count a page twice)
		if len(tails) < len(pages) && k == pages[len(tails)] {
			tails, tail = append(tails, tail), [3]int{-1, -1, -1}
		}
		if l.Fields != nil || trimSpace(l.Text) != "" {
			tail = [3]int{k, tail[0], tail[1]}
		}
	}
	count := map[int64]int{}
	best := int64(0)
	for page, t := range tails {
		if t[0] >= 0 {
			if v := bare(t[0]); v > 0 {
				o := v - int64(page+1)
				if count[o]++; count[o] > count[best] {
					best = o
				}
			}
		}
	}
	if n := count[best]; n < 2 || 2*n <= len(tails) {
		return nil
	}
	var at []int
	for page, t := range tails {
		for _, k := range t {
			if k >= 0 && bare(k) == int64(page+1)+best {
				at = append(at, k)
				break
			}
		}
	}
	return at
}

// t4GroupsFailing counts the groups of 表四's fifteen cells, in order, that
// do not add up (a cell not a count fails its group; a blank one is passed
// over, and its group not checked).
func t4GroupsFailing(cells []string) int {
	n := 0
	for b := 0; b+5 <= len(cells); b += 5 {
		if !t4BlocksAddUp(cells[b : b+5]) {
			n++
		}
	}
	return n
}

// blanksAsZerosFailing counts the blocks of 表四's cells placed among blanks
// that do not add up with their blanks as 0 (a block all blank adds up); a
// cell that is no count fails its block. Numbers placed by position in a
// table that leaves zeros blank are placed wrongly when two blocks fail (a
// number put in the next block), and may be when one does (1 _ 1 _ _ for
// _ _ 1 _ 1): such a place is kept only where each number stands close
// under its heading, and said.
func blanksAsZerosFailing(cells []string) int {
	n := 0
	for b := 0; b+5 <= len(cells); b += 5 {
		var v [5]int64
		empty, bad := true, false
		for c := range 5 {
			s := trimSpace(cells[b+c])
			if s == "" || isPlaceholder(s) {
				continue
			}
			x, ok := toCell(s).Int()
			if !ok {
				bad = true
				break
			}
			v[c], empty = x, false
		}
		if bad || !empty && v[0]+v[1]+v[2]+v[3] != v[4] {
			n++
		}
	}
	return n
}

// t4BlocksAddUp reports whether 表四's fifteen cells, in order, make three
// blocks whose first four add up to their fifth; a block with a blank cell
// cannot be checked and passes, one with a cell that is no count fails (a
// placeholder, "/" or "—", is nothing, as the checks count it).
func t4BlocksAddUp(cells []string) bool {
	for b := 0; b+5 <= len(cells); b += 5 {
		var v [5]int64
		blank := false
		for c := range 5 {
			if cells[b+c] == "" {
				blank = true
				continue
			}
			if isPlaceholder(trimSpace(cells[b+c])) {
				continue
			}
			x, ok := toCell(cells[b+c]).Int() // full-width digits, units
			if !ok {
				return false
			}
			v[c] = x
		}
		if !blank && v[0]+v[1]+v[2]+v[3] != v[4] {
			return false
		}
	}
	return true
}

// placeByRuler places the numbers of a row with blanks (ts, on the line
// text) by the ruler of a Markdown simple table in lines lo:hi — pandoc
// writes "----- ------ ----", one run of dashes per column, above and below
// the rows — when it has n columns: each number must sit inside its own
// column's dashes, counted by display width as pandoc pads them.
func (p *parser) placeByRuler(lo, hi int, text string, ts []tok, n int) ([]string, bool) {
	for _, l := range p.lines[lo:hi] {
		if l.Fields != nil || strings.Trim(l.Text, "- ") != "" || !hasText(l.Text, "--") {
			continue
		}
		cols := tokens(l.Text) // the ruler is ASCII: columns are characters
		if len(cols) != n {
			continue
		}
		wts := wideTail(text, len(ts))
		if wts == nil || !sameTokens(wts, ts) {
			return nil, false
		}
		cells := make([]string, n)
		used := make([]bool, n)
		for _, t := range wts {
			k := slices.IndexFunc(cols, func(c tok) bool { return c.start <= t.start && t.end <= c.end })
			if k < 0 || used[k] {
				return nil, false
			}
			used[k], cells[k] = true, t.s
		}
		return cells, true
	}
	return nil, false
}

// t4ColumnEnds reports whether the label L (normalised) ends with the column
// heading lb, or with a four-character heading one character misread, or is
// 总计 alone with one of its two misread (总人): the order of the fifteen
// lines says which heading it must be.
func t4ColumnEnds(L, lb string) bool {
	if strings.HasSuffix(L, lb) {
		return true
	}
	if len(L) == len(lb) && utf8.RuneCountInString(lb) == 2 && utf8.RuneCountInString(L) == 2 {
		return editWithin(L, lb, 1) == 1
	}
	if utf8.RuneCountInString(lb) != 4 || !moreRunes(L, 3) {
		return false
	}
	return editWithin(L[runesBefore(L, len(L), 4):], lb, 1) == 1
}

// t4ColumnWord reports whether a word of a header line is (part of) one of
// 表四's column headings, or one of the four-character headings with a
// character misread ("结中维持": the fifteen columns found must still each
// hold a number centred under them, and the blocks add up).
func t4ColumnWord(w string) bool {
	for _, lb := range T4ColumnLabels {
		if hasText(lb, w) || utf8.RuneCountInString(w) == 4 && utf8.RuneCountInString(lb) == 4 && editWithin(w, lb, 1) == 1 {
			return true
		}
	}
	return false
}

// placeAtT4Edges places 表四's numbers laid out by display width (ts)
// under its headings' words (heads: the lines of words above them) by the
// edge 表三's numbers stood at (p.wideEdge): the words of one column at the
// same middle, or left or right edge, make exactly fifteen columns, each
// spanning its words; each number at its column's edge exactly (half a
// column off for a middle), no two in one, and every block adds up with
// blanks as 0, or all but one (the report's error).
func (p *parser) placeAtT4Edges(heads []Line, ts []tok) ([]string, bool) {
	const n = 15
	e := p.wideEdge - 1
	var words [][3]int // doubled: left edge, middle, right edge
	for _, h := range heads {
		for _, t := range wideTokens(h.Text) {
			if t4ColumnWord(t.s) {
				words = append(words, wideEdges(t))
			}
		}
	}
	slices.SortFunc(words, func(a, b [3]int) int { return a[1] - b[1] })
	var cols [][3]int
	for i := 0; i < len(words); {
		c := words[i]
		j := i
		for j+1 < len(words) && words[j+1][1]-words[i][1] <= 1 {
			j++
			c[0], c[2] = min(c[0], words[j][0]), max(c[2], words[j][2])
		}
		c[1] = (c[0] + c[2]) / 2
		cols = append(cols, c)
		i = j + 1
	}
	if len(cols) != n {
		return nil, false
	}
	var cells []string
	if e == 2 {
		// set at the right edge: the column whose heading ends at or
		// before the number's end, the next one starting after it (a
		// narrow 总 / 计 centred in a column its numbers make wider: 14
		// ends a column past 总)
		cells = make([]string, n)
		k := 0
		for _, t := range ts {
			at := wideEdges(t)[2]
			for k < n && !(cols[k][2] <= at && (k+1 == n || at < cols[k+1][0])) {
				k++
			}
			if k == n {
				return nil, false
			}
			cells[k] = t.s
			k++
		}
	} else if cells = underWideColumns(ts, cols, e); cells == nil {
		return nil, false
	}
	return cells, blanksAsZerosFailing(cells) <= 1 // (one block not adding up: the report's error, said by T4.SUM, as placeByT4Header keeps it)
}

// placeByT4Header places the numbers of 表四's row with blanks (ts, on the
// line data) under the column headings printed above it: text browsers and
// pdftotext lay a borderless table out as spaced text, each heading stacked
// over its column ("结果" / "维持"). The pieces of the five headings
// (结果维持 … 总计) on the lines between the section's start and the row,
// gathered by position, must make exactly fifteen columns; each number must
// sit within a few characters of one, no two in one. Positions are taken by
// characters or by display width as 表三's rows are laid out (p.measure);
// when they do not tell, a place both find, or only one, is kept.
func (p *parser) placeByT4Header(lo int, data Line, ts []tok) ([]string, bool) {
	if p.byteCut {
		return nil, false // columns that do not line up (alignShort)
	}
	const n = 15
	var heads []Line
	for _, l := range p.lines[lo:] {
		if l.No >= data.No {
			break
		}
		if l.Fields == nil && hasHan(l.Text) && !strings.ContainsFunc(l.Text, isDigit) {
			heads = append(heads, l)
		}
	}
	if len(heads) == 0 {
		return nil, false
	}
	// placed: our PDF reader's text (Line.Placed) writes each heading's word
	// at the column of its start on the page, and a Chinese character is
	// two columns wide there: a word's middle is its start and half its
	// width, not half its characters (a narrow column's 结果 centred over
	// its number: start + 1.5, where by characters it is start + 0.5 and
	// two columns off the number)
	columns := func(wide, placed bool) ([]int, bool) {
		var cs []int
		for _, h := range heads {
			var hts []tok
			if wide {
				hts = wideTokens(h.Text)
			} else {
				hts = tokens(h.Text)
			}
			for _, t := range hts {
				if t4ColumnWord(t.s) {
					c := t.center
					if placed {
						c = placedMiddle(t)
					}
					cs = append(cs, c)
				}
			}
		}
		cols := headingColumns(cs)
		return cols, len(cols) == n
	}
	// a place is kept only if every number sits centred under its heading
	// (within a character: a table laid out with its headings to the left
	// and its numbers to the right gives no such sign) and each block whose
	// five cells it fills adds up — or all but one, each number within a
	// character of its heading's middle: the report's error in that block
	// (said by T4.SUM), where a number placed in a wrong block would put two
	// out
	place := func(ts []tok, cols []int) ([]string, bool) {
		cells, ok := placeByColumns(ts, cols)
		if !ok || !centredUnder(ts, cells, cols, true) {
			return nil, false // not centred under the headings: nothing says which column a number is
		}
		// (blanks as 0 asks more than t4BlocksAddUp, which passes a block
		// with a blank)
		failing := blanksAsZerosFailing(cells)
		if failing > 0 && data.Placed && p.t4InColumns == nil {
			p.t4InColumns = cells // (our PDF reader's places only: pdftotext's by characters or by width may disagree)
		}
		if failing == 1 && centredUnder(ts, cells, cols, false) {
			return cells, true
		}
		return cells, failing == 0
	}
	var byChar, byWidth []string
	okChar, okWidth := false, false
	charCols, charFound := columns(false, false)
	if charFound && p.measure != measureWidth {
		byChar, okChar = place(ts, charCols)
	}
	// (not in our PDF reader's text, whose columns are the page's places:
	// a Chinese character counted twice there counts its width twice)
	if cols, ok := columns(true, false); ok && p.measure != measureChars && !data.Placed {
		if wts := wideTail(data.Text, len(ts)); wts != nil && sameTokens(wts, ts) {
			byWidth, okWidth = place(wts, cols)
		}
	}
	if !okWidth && p.wideEdge > 0 {
		// a text browser's dump whose 表三 stood at its headings' edge
		// (placeByWideHeader): 表四's numbers stand so too, at their
		// columns' left edges (or middles, or right edges), not centred
		// under the words of headings wider than they
		if wts := wideTail(data.Text, len(ts)); wts != nil && sameTokens(wts, ts) {
			byWidth, okWidth = p.placeAtT4Edges(heads, wts)
		}
	}
	cells, ok := eitherMeasure(byChar, okChar, byWidth, okWidth)
	if !ok && charFound && !data.Placed && p.measure != measureWidth {
		// pdftotext -layout of a Word table's PDF: its characters' columns
		// drift, a Chinese heading's against the digits under it, a few
		// characters off, up to six by the right of the row (其他 at 11,
		// its 1 at 15; 复议后起诉's 尚未 at 85, its 0 at 91): no number is
		// centred under its heading, but in their order the numbers lie
		// nearest their headings one way only. A heading's middle is taken
		// by width, a Chinese character about two digits wide on the page
		// (其他 at 11: 12): by characters (11) it may tie a number between
		// two headings (its 0 at 15, 尚未 at 19), or put it under the wrong
		// one (复议后起诉's 0 at 90, 尚未 at 84 and 总计 at 94: 尚未's, and
		// by width a tie, so unread); where that measure places them too,
		// it must agree
		const drift = 6
		var inOrder []string
		fits := false
		if midCols, found := columns(false, true); found {
			inOrder, fits = placeInOrder(ts, midCols, drift)
			if byChar, ok := placeInOrder(ts, charCols, drift); ok && fits && !slices.Equal(inOrder, byChar) {
				fits = false
			}
		}
		// one block not adding up is the report's error, said by the
		// checks (T4.SUM): a number placed in a wrong block would put two
		// out, and within its block only one taken for the 总计 or from it
		// could, where the places are the only ones so near
		if failing := blanksAsZerosFailing(inOrder); fits && failing <= 1 {
			placed := "，三组都满足“总计 = 各项之和”：" + placedCells(inOrder)
			if failing == 1 {
				if moved := shiftedT4(inOrder); moved != nil {
					// (as below: where the numbers moved a column or two
					// make every block add up, no error is claimed)
					p.warn("PARSE.AMBIGUOUS", "appeals", data.No, "表四读到 %d 个数（%s），与表头各栏的位置有几个字符的偏差（PDF 转换的文字位置），按先后次序与表头各栏最接近的排法是：%s，其中一组不满足“总计 = 各项之和”；但把数挪到相邻一两栏（%s）三组都满足，无法确定，表四记为空，请对照原文核对",
						len(ts), strings.Join(strs(ts), " "), placedCells(inOrder), placedCells(moved))
					return nil, false
				}
				placed = "：" + placedCells(inOrder) + "；其中一组不满足“总计 = 各项之和”，请对照原文核对"
			}
			p.warn("PARSE.READ", "appeals", data.No, "表四读到 %d 个数（%s），与表头各栏的位置有几个字符的偏差（PDF 转换的文字位置），按先后次序与表头各栏最接近的唯一排法定出空白的位置%s",
				len(ts), strings.Join(strs(ts), " "), placed)
			return inOrder, true
		}
	}
	if data.Placed {
		if cols, found := columns(false, true); found {
			if byPlace, okPlace := place(ts, cols); okPlace {
				// where another measure places them too, only the same place
				cells, ok = byPlace, !ok || slices.Equal(cells, byPlace)
			}
		}
	}
	if ok && !data.Placed && blanksAsZerosFailing(cells) == 1 {
		if moved := shiftedT4(cells); moved != nil {
			// a laid-out text's places are a character or two off
			// (pdftotext -layout of a table set large: 总 / 计 two
			// characters from the next block's 结果): where one number a
			// column or two over makes every block add up, which is meant
			// is not known, and no error is claimed
			p.warn("PARSE.AMBIGUOUS", "appeals", data.No, "表四读到 %d 个数（%s），按各数在表头各栏下的位置是：%s，其中一组不满足“总计 = 各项之和”；但把数挪到相邻一两栏（%s）三组都满足，转换后文字的位置有一两个字符的偏差，无法确定，表四记为空，请对照原文核对",
				len(ts), strings.Join(strs(ts), " "), placedCells(cells), placedCells(moved))
			return nil, false
		}
	}
	if ok && blanksAsZerosFailing(cells) == 1 {
		// (the error the checks will say rests on this placing: said)
		p.warn("PARSE.READ", "appeals", data.No, "表四读到 %d 个数（%s），按各数在表头各栏下的位置定出空白的位置：%s；其中一组不满足“总计 = 各项之和”，另两组满足（一个数放错了组会使两组不满足），请对照原文核对",
			len(ts), strings.Join(strs(ts), " "), placedCells(cells))
	}
	return cells, ok
}

// shiftedT4 is 表四's fifteen cells with one number moved a column or two
// into a blank one so that every block adds up, blanks as 0, or else with
// its numbers moved, in their order, each a column or two (pdftotext
// -layout of a wide table drifts: 2 2 4 of 纠正, 尚未审结 and 总计 set under
// 纠正, 总计 and the next block's 维持; 74 74 148 of a block's 维持, 其他 and
// 总计 each one or two columns right of its own); nil when no such placing
// does (or the search is too long to tell).
func shiftedT4(cells []string) []string {
	for i, c := range cells {
		if c == "" {
			continue
		}
		for _, d := range []int{-1, 1, -2, 2} {
			j := i + d
			if j < 0 || j >= len(cells) || cells[j] != "" {
				continue
			}
			moved := slices.Clone(cells)
			moved[i], moved[j] = "", c
			if blanksAsZerosFailing(moved) == 0 {
				return moved
			}
		}
	}
	var at []int // the numbers' columns
	for i, c := range cells {
		if c != "" {
			at = append(at, i)
		}
	}
	out := make([]string, len(cells))
	steps := 0
	var place func(k, from int) bool
	place = func(k, from int) bool {
		if steps++; steps > 4096 {
			return false
		}
		if k == len(at) {
			return blanksAsZerosFailing(out) == 0 && !slices.Equal(out, cells)
		}
		for j := max(from, at[k]-2); j <= min(len(cells)-1, at[k]+2); j++ {
			out[j] = cells[at[k]]
			// (the blocks no later number reaches must add up now)
			if blanksAsZerosFailing(out[:(j+1)/5*5]) == 0 && place(k+1, j+1) {
				return true
			}
			out[j] = ""
		}
		return false
	}
	if place(0, 0) {
		return out
	}
	return nil
}

// centredUnder says each number of ts placed in cells (placeByColumns, which
// keeps them in order: the j-th filled cell is ts[j]) sits within a column
// of the middle of its column's heading (cols). With nearly (表四's
// numbers), a number may also sit two characters off its heading's middle
// when every other heading is twice as far or more: a two-character heading
// centred over a wide column (LibreOffice's PDF of a Word table: 总计 at
// 23–24, its 0 at 25, the next heading at 29) is still the one over it.
func centredUnder(ts []tok, cells []string, cols []int, nearly bool) bool {
	j := 0
	for k, c := range cells {
		if c == "" {
			continue
		}
		switch d := abs(ts[j].center - cols[k]); {
		case d <= 1:
		case d == 2 && nearly:
			for m, col := range cols {
				if m != k && abs(ts[j].center-col) < 2*d {
					return false
				}
			}
		default:
			return false
		}
		j++
	}
	return true
}

// placeInOrder places ts, in their order, one to a column of cols: the
// placement whose numbers lie nearest their columns in all, when it is the
// only one with that sum of distances, every other is two characters or
// more worse, and no number lies more than maxOff from its column.
func placeInOrder(ts []tok, cols []int, maxOff int) ([]string, bool) {
	n, m := len(ts), len(cols)
	if n == 0 || n >= m || m > 64 {
		return nil, false
	}
	const inf = 1 << 30
	// for ts[i] under cols[j]: the least sum for ts[:i+1] (best), how many
	// placements have it (ways, 2 for more), the next least (next) and the
	// column of ts[i-1] in the best one (from)
	type state struct{ best, ways, next, from int }
	st := make([][]state, n)
	for i := range st {
		st[i] = make([]state, m)
		for j := range st[i] {
			st[i][j] = state{best: inf, next: inf, from: -1}
			d := abs(ts[i].center - cols[j])
			if d > maxOff || j < i || m-j < n-i {
				continue
			}
			if i == 0 {
				st[i][j] = state{best: d, ways: 1, next: inf, from: -1}
				continue
			}
			s := &st[i][j]
			for k := range j {
				p := st[i-1][k]
				if p.best == inf {
					continue
				}
				add := func(c, w int, from int) {
					switch {
					case c < s.best:
						s.next = min(s.next, s.best)
						s.best, s.ways, s.from = c, w, from
					case c == s.best:
						s.ways = min(2, s.ways+w)
					default:
						s.next = min(s.next, c)
					}
				}
				add(p.best+d, p.ways, k)
				if p.next < inf {
					add(p.next+d, 1, k)
				}
			}
		}
	}
	best, ways, next, at := inf, 0, inf, -1
	for j, s := range st[n-1] {
		switch {
		case s.best < best:
			next = min(next, best, s.next)
			best, ways, at = s.best, s.ways, j
		case s.best == best && s.best < inf:
			ways = min(2, ways+s.ways)
			next = min(next, s.next)
		default:
			next = min(next, s.best, s.next)
		}
	}
	if at < 0 || ways != 1 || next < best+2 {
		return nil, false
	}
	cells := make([]string, m)
	for i := n - 1; i >= 0; i-- {
		cells[at] = ts[i].s
		at = st[i][at].from
	}
	return cells, true
}

// headingColumns gathers the middles of headings' words (cs) into columns:
// middles two characters apart at most are one column, at their mean.
func headingColumns(cs []int) []int {
	slices.Sort(cs)
	var cols []int
	for i := 0; i < len(cs); {
		j := i
		for j+1 < len(cs) && cs[j+1]-cs[j] <= 2 {
			j++
		}
		cols = append(cols, (cs[i]+cs[j])/2)
		i = j + 1
	}
	return cols
}

// placedMiddle is the middle of a heading's word in our PDF reader's text
// (Line.Placed): its start is its place on the page, and a Chinese
// character is two columns wide there.
func placedMiddle(t tok) int { return (2*t.start + displayWidth(t.s) - 1) / 2 }

// displayWidth is s's width in columns, a wide (Chinese) character two.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if wideRune(r) {
			n++
		}
	}
	return n
}

func (p *parser) fillT4(toks []tok, spaced bool, gaps []int, line int) {
	const n = 15
	r := p.r
	if len(toks) == n && allCells(strs(toks)) {
		for i, t := range toks {
			r.Appeals[i/5][i%5] = toCell(t.s)
		}
		return
	}
	if len(toks) == n-3 && allCells(strs(toks)) && p.t4WithoutTotal() {
		// the agency took the three 总计 columns out: four results a block
		for i, t := range toks {
			r.Appeals[i/4][i%4] = toCell(t.s)
		}
		for b := range T4Blocks {
			p.ambiguous(t4Cell(b, 4))
		}
		p.warn("PARSE.READ", "appeals", line, "表四的表头没有“总计”栏（规定的表格每组都有）：12 个数按每组结果维持、结果纠正、其他结果、尚未审结读取，总计栏记为空；各组的合计无法核对，请补上总计栏")
		return
	}
	if k := len(toks); k > 10 && k < n && allCells(strs(toks)) && t4GroupsFailing(strs(toks)[:10]) == 0 && p.t4CutOff(line) == k {
		// the table ran off the page's right edge: its last columns are
		// gone from the headings and the row alike (its two whole groups
		// adding up: a heading an OCR dropped, and a cell glued to the
		// next where it dropped a unit, leave as many numbers)
		for i, t := range toks {
			r.Appeals[i/5][i%5] = toCell(t.s)
		}
		var gone []string
		for i := k; i < n; i++ {
			p.ambiguous(t4Cell(i/5, i%5))
			gone = append(gone, T4ColumnLabels[i%5])
		}
		p.warn("PARSE.READ", "appeals", line, "表四的表头只有前 %d 栏，复议后起诉没有“%s”（多半是表格超出页面右边被截去）：%d 个数按前 %d 栏读取，其余记为空；复议后起诉一组的合计无法核对，请对照原文核对",
			k, strings.Join(gone, "”“"), k, k)
		return
	}
	ts := strs(toks)
	read := strings.Join(ts, " ")
	if slices.ContainsFunc(toks, func(t tok) bool { return countMarks.hasMark(t.s) }) && !(spaced && len(toks) < n && cellsOrMarks(ts)) {
		// (most 表四 hold no mark: the report's dash is not asked; numbers
		// and marks set apart by wide gaps, fewer than fifteen, are whole
		// cells with blanks among them, not digits and marks run together:
		// 44 — 44 44 22 cut as 4 4 — 4 4 2 2 read fifteen wrong cells)
		cuts := splitPlaceholdersAs(ts, n, 5, countMarks, p.dashWays())
		if loneMarksUncut(ts, n, cuts, func(c []string) bool { return t4GroupsFailing(c) == 0 }) {
			// (nor are the digits cut below: the tokens are whole cells)
			cuts, spaced = nil, true
		}
		if len(cuts) > 0 {
			if p.blanky && !(len(toks) == n && cellsOrMarks(ts)) {
				// glued, in a report that leaves cells blank: blanks leave no
				// trace among marks and digits, so no cut can be trusted
				p.t4Unread()
				p.warn("PARSE.AMBIGUOUS", "appeals", line, "表四的数字和占位符“%s”连在一起；本报告有空白的单元格，表四也可能有，留出空白的拆法无法排除，表四记为空", read)
				return
			}
			if len(cuts) == 1 && t4GroupsFailing(cuts[0]) == len(T4Blocks) {
				// the one reading (every digit a cell, for want of any that
				// adds up) leaves no block adding up: numbers scattered among
				// the headings by the converter (422 —— 211 633 ————, the
				// rest after 复议后起诉总计), not three errors of the report
				p.t4Unread()
				p.warn("PARSE.TABLE", "appeals", line, "表四的数字和占位符“%s”只能逐位拆成 15 格，拆开后三组都不满足“总计 = 各项之和”：多半是转换时数字与表头错位，表四记为空，请对照原文核对", read)
				return
			}
			p.fillT4Marked(cuts, read, line)
			return
		}
	}
	var c [][]int64
	orBlank := false // c holds cuts with blank cells too (p.blanky)
	maxBlanks := 2   // blank cells a cut of digits run together may leave
	if p.blanky {
		// any number of blanks: cells agreed on by the readings with a few
		// blanks only may be wrong (a 表四 with ten zeros left blank);
		// a search that runs out of steps reads nothing
		maxBlanks = n
	}
	if !spaced && len(toks) < n {
		if c = splitCounts(strs(toks), n, 0, 2); len(c) != 1 {
			c = t4Cuts(strs(toks), 0, 0)
			if len(c) > 0 && len(c) < t4CutLimit && p.blanky {
				// 表三 leaves cells blank: so may 表四, whose digits may
				// then be cut otherwise ("246246 0492" is 24 6 2 460 492,
				// or 246, a blank, 246, 0, 492)
				withBlanks, done := blockCutsDone(strs(toks), n, maxBlanks, 0)
				if !done {
					p.t4Unread()
					p.warn("PARSE.AMBIGUOUS", "appeals", line, "表四的数字“%s”连在一起；本报告有空白的单元格，表四也可能有，留出空白的拆法太多，无法确定，表四记为空", read)
					return
				}
				c, orBlank = append(c, withBlanks...), len(withBlanks) > 0
			}
		} else if t4Bad(c[0]) > 0 {
			// fifteen digits, one cut, a group not adding up: zeros left
			// blank that left no trace, when cuts with blanks make every
			// group add up ("03205 321015 0112"), as for 表三's rows
			withBlanks, done := blockCutsDone(strs(toks), n, maxBlanks, 0)
			if len(withBlanks) == 0 && done && n-len(toks) > maxBlanks && wholeApart(toks) {
				// numbers a space apart that are whole cells as the spaces
				// say ("0 246 0 0 246 0 0 0 0 0 0": 246, not 2 4 6) leave
				// as many blanks as they are short of fifteen
				withBlanks, done = blockCutsDone(strs(toks), n, n-len(toks), 0)
			}
			if len(withBlanks) > 0 && done {
				unknown := p.fillAgreed(withBlanks, 0)
				p.warn("PARSE.READ", "appeals", line, "表四的数字“%s”连在一起，正好 15 位，但逐位拆开有 %d 组不满足“总计 = 各项之和”，而留出空白单元格则各组都满足：按有空白的单元格读取%s",
					read, t4Bad(c[0]), unreadSaid(unknown))
				return
			}
			if p.blanky {
				// in a report that leaves cells blank, fifteen digits are
				// not fifteen cells: more blanks than were tried, maybe
				p.t4Unread()
				p.warn("PARSE.TABLE", "appeals", line, "表四的数字“%s”连在一起，正好 15 位，但逐位拆开有 %d 组不满足“总计 = 各项之和”；本报告有空白的单元格，表四也可能有，无法确定空白的位置，表四记为空",
					read, t4Bad(c[0]))
				return
			}
		}
	}
	if len(c) == 1 && p.blanky && wholeApart(toks) && digitCount(toks) > len(toks) {
		// numbers a space apart, each a count as written, in a report that
		// leaves cells blank: the one cut of their digits into fifteen
		// (0 0 0 0 0 0 0 246 0 0 246 as … 0 0 2 4 6 twice) competes with
		// the numbers whole and blanks among them, which may add up as
		// well — only the cells all those agree on are known
		if places := t4BlankPlaces(ts, n); len(places) > 0 {
			c = append(c, places...)
			said := "，无法确定，表四记为空"
			if unknown := p.fillAgreed(c, 0); len(c) >= t4CutLimit || len(unknown) == n {
				p.t4Unread()
			} else {
				said = unreadSaid(unknown)
			}
			p.warn("PARSE.AMBIGUOUS", "appeals", line, "表四的数“%s”各隔一个空格，共 %d 位数字：逐位拆成 15 格各组都满足“总计 = 各项之和”，但本报告有空白的单元格，按原样读作 %d 个数、留出空白也有 %d 种读法满足各组之和%s",
				read, digitCount(toks), len(toks), len(places), said)
			return
		}
	}
	if len(c) == 1 {
		for i, x := range c[0] {
			r.Appeals[i/5][i%5] = N(x)
		}
		return
	}
	if len(c) > 1 && len(c) < t4CutLimit {
		// the cells every cut agrees on are read, the others are not
		if unknown := p.fillAgreed(c, 0); len(unknown) < n {
			if orBlank {
				p.warn("PARSE.AMBIGUOUS", "appeals", line, "表四的数字“%s”连在一起；本报告有空白的单元格，表四也可能有，有 %d 种拆分（有的留出空白）都满足各组之和，%s无法确定，记为空",
					read, len(c), strings.Join(unknown, "、"))
				return
			}
			p.warn("PARSE.AMBIGUOUS", "appeals", line, "表四的数字“%s”连在一起，有 %d 种拆分都满足各组之和，%s无法确定，记为空",
				read, len(c), strings.Join(unknown, "、"))
			return
		}
	}
	var blanks [][]int64
	done := false
	glued := len(c) == 0 && !spaced && len(toks) < n && digitCount(toks) > n
	if glued {
		blanks, done = blockCutsDone(strs(toks), n, maxBlanks, 0)
	}
	if len(blanks) > 0 && done && p.blanky {
		// no cut without blanks adds up, in a report that leaves cells
		// blank: the cells every cut with blanks agrees on
		if unknown := p.fillAgreed(blanks, 0); len(unknown) < n {
			p.warn("PARSE.READ", "appeals", line, "表四的数字“%s”连在一起，不留空白拆不出各组都满足“总计 = 各项之和”的拆法；本报告有空白的单元格，留出空白则有 %d 种：按此读取%s",
				read, len(blanks), unreadSaid(unknown))
			return
		}
	}
	if glued && !p.blanky && len(blanks) > 0 {
		if c1 := t4Cuts(strs(toks), 0, 1); len(c1) > 0 && len(c1) < t4CutLimit {
			if bad, ok := t4BadBlock(c1); ok {
				// without blanks one group fails (the report's error),
				// with them every group adds up: which, the digits cannot
				// tell (a report that writes its zeros elsewhere may leave
				// 表四's blank), and both are said
				p.t4Unread()
				p.warn("PARSE.AMBIGUOUS", "appeals", line, "表四的数字“%s”连在一起：不留空白，则“%s”一组不满足“总计 = 各项之和”（报告本身有误）；留出空白单元格，则三组都满足（%d 种留法）。是否有空白无法确定，表四记为空，请对照原文核对",
					read, T4Blocks[bad].Parent+T4Blocks[bad].Label, len(blanks))
				return
			}
		}
	}
	if glued && len(blanks) == 0 && done {
		// no cut makes every group add up, and no blank cells would: the
		// report's own error, in the group(s) every cut of the fewest
		// failing ones says
		c = t4Cuts(strs(toks), 0, 1)
		if p.blanky && len(c) < t4CutLimit {
			// a report that leaves cells blank: so may 表四, the cuts with
			// blanks and one group failing count too (none of them left
			// out, or what they agree on is not known)
			withBlanks, done := blockCutsDone(strs(toks), n, maxBlanks, 1)
			c = append(c, withBlanks...)
			if !done {
				c = nil
			}
		}
		if len(c) > 0 && len(c) < t4CutLimit {
			if bad, ok := t4BadBlock(c); ok {
				unknown := p.fillAgreed(c, 0)
				blk := T4Blocks[bad].Parent + T4Blocks[bad].Label
				p.warn("PARSE.READ", "appeals", line, "表四的数字“%s”连在一起，没有一种拆分使三组都满足“总计 = 各项之和”，而只有“%s”一组不满足的拆分有 %d 种：其余各组按此读取%s",
					read, blk, len(c), unreadSaid(unknown))
				if slices.ContainsFunc(unknown, func(u string) bool { return strings.HasPrefix(u, blk) }) {
					// its cells are not all known, but that it does not add up is
					p.warn("T4.SUM", t4Cell(bad, 4), line, "表四“%s”：数字连在一起（“%s”），无论怎样拆分，结果维持、结果纠正、其他结果、尚未审结之和都不等于总计", blk, read)
				}
				return
			}
		}
		none, whole := blockCutsDone(strs(toks), n, 0, 0)
		if len(none) == 0 && whole && maxBlanks < n {
			// (any number of blanks, not only the few tried above)
			none, whole = blockCutsDone(strs(toks), n, n, 0)
		}
		if len(none) == 0 && whole {
			// no reading adds up in every group, with blanks or without
			// — the searches ran to their end — but which group fails is
			// not known (the cuts disagree, or two fail): 表四 unread, the
			// error said all the same
			p.t4Unread()
			p.warn("PARSE.TABLE", "appeals", line, "表四的数字“%s”连在一起，没有一种拆分（或留出空白）使三组都满足“总计 = 各项之和”，哪一组不满足也无法确定，表四记为空", read)
			p.warn("T4.SUM", "appeals", line, "表四：数字连在一起（“%s”），无论怎样拆分（或留出空白），三组中总有一组结果维持、结果纠正、其他结果、尚未审结之和不等于总计", read)
			return
		}
	}
	if len(c) == 0 && len(toks) < n && (spaced && len(toks) >= n-5 && wellFormed(strs(toks)) || !spaced && digitCount(toks) < n && digitCount(toks) >= n-3) {
		// whole cells (or single digits, which are), a few short: blank
		// cells whose places left no trace (a PDF's text with a space
		// between cells; up to five of them when the numbers are apart —
		// pdftotext -layout squeezes out a column no glyph stands in — and
		// not six, with which a wrong place added up in a 表四 that does
		// not, in the probe sets with an error in it). Where the blanks go so
		// that every group adds up, the cells every such place agrees on
		// are read (a group of zeros with a blank in it stays unread)
		var places [][]int64
		if !spaced && len(toks) < digitCount(toks) {
			// digits run together, fewer than fifteen: each a cell, or
			// some of them one cell with more blanks — "012301230000" is
			// 0 1 2 3 0 1 2 3 0 0 0 0 with three blanks, and as well
			// 0 123 0 123 0 0 0 0 with seven, each group adding up either
			// way — so every cut with any number of blanks is asked (and
			// numbers a space apart, "0 123 0 0 123 0 0 0 0", are 123
			// twice as well as 1 2 3)
			places = t4Cuts(strs(toks), n-1, 0)
		} else {
			places = t4BlankPlaces(strs(toks), n)
		}
		how := "按各组“总计 = 各项之和”"
		if gaps != nil { // (only a spaced row's, read to scale)
			// of those, the places the numbers' spacing shows (a gap
			// twice as wide holds a blank); none fitting, the sums alone
			if f := placesWithGaps(places, gaps); len(f) > 0 {
				places, how = f, "按数字之间的间距和各组“总计 = 各项之和”"
			}
		}
		if len(places) > 0 && len(places) < t4CutLimit {
			if unknown := p.fillAgreed(places, 0); len(unknown) < n {
				p.warn("PARSE.READ", "appeals", line, "表四应有 15 个数，读到 %d 个（%s）：有 %d 个空白单元格，%s定出空白的位置读取%s",
					len(toks), read, n-len(toks), how, unreadSaid(unknown))
				return
			}
		}
	}
	p.t4Unread()
	if len(c) > 1 {
		p.warn("PARSE.AMBIGUOUS", "appeals", line, "表四的数字“%s”连在一起，有多种拆分都满足各组之和，无法确定，表四记为空", read)
		return
	}
	if p.oneMark("appeals", line, "表四", n, toks) {
		return
	}
	p.warn("PARSE.TABLE", "appeals", line, "表四应有 15 个数，读到 %d 个（%s），无法确定空白的位置，表四记为空", len(toks), read)
	// (fewer digits than cells, each count as written: cells left blank)
	p.t4Blanks = p.t4Blanks || digitCount(toks) < n && wellFormed(ts)
	if len(toks) >= n {
		return
	}
	if p.ocrRuled || p.ocrLayer {
		return // (OCR loses digits: fewer numbers are no proof of blanks)
	}
	if (t4TotalFails(p.t4InColumns) || p.t4Laid) && t4NoPlacingAddsUp(strs(toks)) {
		// its numbers centred under fifteen headings, a block placed so
		// having its 总计 and failing — a 总计 missing may be one a
		// converter cut off with the table's right edge (LibreOffice's
		// PDF) — or every number of its one line under headings that name
		// 总计 three times (t4Laid): they are its cells, and wherever the
		// blanks are, a block does not add up — the report's own error,
		// though which block is not known
		p.warn("T4.SUM", "appeals", line, "表四读到 %d 个数（%s），空白的位置无法确定，但无论空白在哪里，三组中总有一组结果维持、结果纠正、其他结果、尚未审结之和不等于总计", len(toks), read)
	} else if all := p.t4NumbersALine(); len(all) >= len(toks) && len(all) < n && slices.Equal(all[:len(toks)], strs(toks)) && t4NoPlacingAddsUp(all) && t4NoGroupingAddsUp(all) && !p.strayAfterT4() {
		// its numbers a line each among its headings' words (pdftotext's
		// default text: 结果 / 纠正 / 0 / 0 / 其他 / 结果 / … / 0 / 1), the
		// first of them read: every number of the section is 表四's, with
		// no page break or other figure among them, and no placing of the
		// blanks makes every block add up — in any order, for the order
		// such a text gives is the page's blocks of text, not the row's
		// (a landscape page's: the 总计 column's numbers after all the
		// others, 0 0 26 0 0 0 13 0 0 0 26 13) — and none a line each in
		// the sections after it (an A5 page's: the row's last cell after
		// the next page's foot, in section 五)
		p.warn("T4.SUM", "appeals", line, "表四的数各占一行、与表头的文字交错，共 %d 个（%s），空白的位置无法确定，但无论空白在哪里，三组中总有一组结果维持、结果纠正、其他结果、尚未审结之和不等于总计",
			len(all), strings.Join(all, " "))
	}
}

// t4NumbersALine are the numbers of 表四's section when each stands on a
// line of its own and no other line holds a digit (pdftotext's default
// text writes a table a cell to a line among its headings' words), in
// order (a number before the headings left out: not the table's for
// certain, a page's number or a cell of 表三 put late); nil when a page
// breaks in the section or a line holds a digit among other text (a
// page's foot, a date, a narrative count), or when the
// section lacks some of the fifteen headings' words: a PDF's text may give
// a table's right end elsewhere (our PDF's: …尚未 / 审结 / 总计 / 0 / 1 just
// before the section's heading), and its numbers with it.
func (p *parser) t4NumbersALine() []string {
	lo, hi := p.region("4")
	if lo < 0 {
		return nil
	}
	var out []string
	var words strings.Builder
	for _, l := range p.lines[lo:hi] {
		if l.Break && len(out) > 0 {
			return nil
		}
		t := trimSpace(l.Text)
		switch {
		case t == "":
		case oneCellLine(l) && isNumber(t):
			if !strings.Contains(words.String(), "维持") {
				continue // (before the table's headings: a page's number, a cell of 表三 the text put late)
			}
			out = append(out, t)
		case strings.ContainsFunc(t, isDigit):
			return nil
		default:
			words.WriteString(t)
		}
	}
	w := words.String()
	for _, h := range []string{"维持", "纠正", "其他", "尚未", "审结", "总计"} {
		if strings.Count(w, h) != len(T4Blocks) && !splitHeading(w, h) {
			return nil
		}
	}
	return out
}

// splitHeading says each character of the heading h stands in w at least
// once a block, none of them twice together: the heading set a character to a
// line in its narrow column, its characters on lines of their own, the text
// putting a line of every column's first characters before the next
// (总 … 总 … / 计 … 计 …).
func splitHeading(w, h string) bool {
	if strings.Contains(w, h) {
		return false
	}
	for _, r := range h {
		if strings.Count(w, string(r)) < len(T4Blocks) {
			return false
		}
	}
	return true
}

// t4TotalFails says a block of 表四's cells as placed under its headings
// has its 总计 and is not the sum of the block's other cells.
func t4TotalFails(cells []string) bool {
	if len(cells) != len(T4Blocks)*len(T4Columns) {
		return false
	}
	for b := range T4Blocks {
		blk := cells[b*len(T4Columns) : (b+1)*len(T4Columns)]
		total, ok := toCell(blk[len(blk)-1]).Int()
		if trimSpace(blk[len(blk)-1]) == "" || !ok && !isPlaceholder(blk[len(blk)-1]) {
			continue
		}
		var sum int64
		for _, c := range blk[:len(blk)-1] {
			v, _ := toCell(c).Int()
			sum += v
		}
		if sum != total {
			return true
		}
	}
	return false
}

// t4NoPlacingAddsUp says 表四's whole numbers (or marks for 0), fewer than
// its cells, in order, add up in every group wherever its blank cells are:
// no cut of them into three groups in turn, each of five cells at most,
// has each group blank, all 0 (its 总计 blank), or its last number the sum
// of the others.
func t4NoPlacingAddsUp(toks []string) bool {
	v, ok := countValues(toks)
	if !ok {
		return false
	}
	fits := func(g []int64) bool { return len(g) <= len(T4Columns) && addsUpWithBlanks(g) }
	for i := 0; i <= len(v); i++ {
		for j := i; j <= len(v); j++ {
			if fits(v[:i]) && fits(v[i:j]) && fits(v[j:]) {
				return false
			}
		}
	}
	return true
}

// strayAfterT4 says counts stand a line each in the sections after 表四
// (strayCounts), where a PDF's text may put the table's last cells.
func (p *parser) strayAfterT4() bool {
	_, hi := p.region("4")
	counts, _ := p.strayCounts(hi)
	return len(counts) > 0
}

// t4NoGroupingAddsUp says no sharing of the counts v among 表四's three
// blocks, in any order, five to a block at most and the rest blank, makes
// every block add up (a block adds up when its counts are 0 or one of them
// is the sum of the others: its 总计). Too many ways to try (more than
// t4GroupSteps), it says nothing is known: false.
func t4NoGroupingAddsUp(toks []string) bool {
	v, ok := countValues(toks)
	if !ok || len(v) > len(T4Blocks)*len(T4Columns) {
		return false
	}
	v = slices.Clone(v)
	slices.SortFunc(v, func(a, b int64) int { return cmp.Compare(b, a) })
	var groups [len(Appeals{})][]int64
	steps := 0
	var try func(i int) bool // a grouping of v[i:] that adds up, with v[:i] where they are
	try = func(i int) bool {
		if steps++; steps > t4GroupSteps {
			return true // (said found: nothing is claimed)
		}
		if i == len(v) {
			for _, g := range groups {
				if len(g) > 0 && !addsUpAnyOrder(g) {
					return false
				}
			}
			return true
		}
		for b := range groups {
			if len(groups[b]) == len(T4Columns) || b > 0 && len(groups[b]) == 0 && len(groups[b-1]) == 0 {
				continue // full, or an empty block like the one before it: the same groupings
			}
			groups[b] = append(groups[b], v[i])
			// (a block full is known: one that does not add up ends the way)
			found := (len(groups[b]) < len(T4Columns) || addsUpAnyOrder(groups[b])) && try(i+1)
			groups[b] = groups[b][:len(groups[b])-1]
			if found {
				return true
			}
		}
		return false
	}
	return !try(0)
}

// t4GroupSteps bounds t4NoGroupingAddsUp's search (fourteen counts into
// three blocks of five: some hundred thousand ways at most).
const t4GroupSteps = 1 << 20

// addsUpAnyOrder says a block's counts add up with one of them its 总计
// (or all are 0, the 总计 blank or 0).
func addsUpAnyOrder(g []int64) bool {
	var sum int64
	for _, x := range g {
		sum += x
	}
	return sum == 0 || sum%2 == 0 && slices.Contains(g, sum/2)
}

// oneMark says a row of n cells (a table's, for 表四) that holds one mark
// for 0 only (无, —, /: its cells merged into one that says there are
// none): the report's own fault, said as such (CELL.INVALID), not as
// blanks that could not be placed. The caller leaves the cells unread.
func (p *parser) oneMark(cell string, line int, name string, n int, toks []tok) bool {
	if n < 2 || len(toks) != 1 || !isPlaceholder(toks[0].s) {
		return false
	}
	p.warn("CELL.INVALID", cell, line, "%s的 %d 栏只填了一个“%s”（多是合并成一格）：格式要求各栏填写数字，没有的填 0", name, n, toks[0].s)
	return true
}

// t4WithoutTotal says 表四's text names its results and no total (总计, or
// as t4Headings reads 合计 and 小计).
func (p *parser) t4WithoutTotal() bool {
	lo, hi := p.region("4")
	if lo < 0 {
		return false
	}
	results := false
	var all strings.Builder // the headings run together: 总 / 计 stacked a character to a line (pdftotext -raw) too
	for _, l := range p.lines[lo:hi] {
		results = results || hasText(l.Text, "结果维持")
		for _, r := range l.Text {
			if !unicode.IsSpace(r) {
				all.WriteRune(r)
			}
		}
	}
	return results && !hasText(all.String(), "总计")
}

// t4CutOff is how many of 表四's fifteen columns its headings (the lines of
// its section before the row on line) name, when the last ones are missing:
// the first column names three times, then the last block's last ones twice
// (结果维持 ×3 … 其他结果 ×3, 尚未审结 ×2, 总计 ×2: 13), a table that ran off
// the page's right edge. 0 for any other headings.
func (p *parser) t4CutOff(line int) int {
	lo, hi := p.region("4")
	if lo < 0 {
		return 0
	}
	// each column counted by a character its heading alone has in the
	// section's headings (结果维持's 维, 其他结果's 其): a heading stacked in
	// its column (结果维 / 持) or wrapped (尚未审 / 结) counts once. Two such
	// characters each, the more often found counting: one misread by an
	// OCR (补计 for 总计) does not take a column away
	var first, second [5]int
	totals := 0 // 总计, and words of two characters one off it (总科, 类计)
	for _, l := range p.lines[lo:hi] {
		if l.No >= line {
			break
		}
		for _, c := range l.Text {
			if j := strings.IndexRune("维纠其审总", c); j >= 0 {
				first[j/3]++ // (each of the five is three bytes)
			} else if j := strings.IndexRune("持正他尚计", c); j >= 0 {
				second[j/3]++
			}
		}
		totals += strings.Count(l.Text, "总计")
		for w := range strings.FieldsSeq(l.Text) {
			if len(w) == len("总计") && utf8.RuneCountInString(w) == 2 && w != "总计" && editWithin(w, "总计", 1) == 1 {
				totals++
			}
		}
	}
	var count [5]int
	for j := range count {
		count[j] = max(first[j], second[j])
	}
	count[4] = max(count[4], totals)
	k, j := 0, 0
	for ; j < len(count) && count[j] == 3; j++ {
		k += 3
	}
	if j == 0 || j == len(count) {
		return 0
	}
	for ; j < len(count); j++ {
		if count[j] != 2 {
			return 0
		}
		k += 2
	}
	return k
}

// t3Unread says 表三 could not be read: none of its cells.
func (p *parser) t3Unread() {
	p.r.Meta.Unreadable["3"] = true
	for _, row := range p.r.Format.T3Rows() {
		for c := range NumCols {
			p.ambiguous(t3Cell(row.Key, c))
		}
	}
}

// t4Unread says no cell of 表四 was read.
func (p *parser) t4Unread() {
	for b := range T4Blocks {
		for j := range T4Columns {
			p.ambiguous(t4Cell(b, j))
		}
	}
}

// fillT4Rows reads 表四 a row to a block whose cells are whole numbers, a
// row with fewer than its block's five having blank cells that left no
// trace (a page without line breaks, a space between cells): each row alone,
// its blanks placed where its group adds up, the cells every such place
// agrees on read.
func (p *parser) fillT4Rows(nums []string, parts, blocks []int, line int) {
	at := 0 // the row's block
	for k := range blocks {
		from, to := 0, len(nums)
		if k > 0 {
			from = parts[k-1]
		}
		if k < len(parts) {
			to = parts[k]
		}
		row, n := nums[from:to], 5*blocks[k]
		name := T4Blocks[at].Parent + T4Blocks[at].Label
		var places [][]int64
		if len(row) <= n {
			places = t4BlankPlaces(row, n)
		}
		switch {
		case len(row) == n:
			for i, c := range row {
				p.r.Appeals[at+i/5][i%5] = toCell(c)
			}
		case len(places) > 0 && len(places) < t4CutLimit:
			var before []string
			if blocks[0] == 0 && len(parts) > 0 && parts[0] > 0 && k > 0 {
				// (numbers before the first group's name: the cells this
				// row lacks may be theirs, not blank)
				before = nums[:parts[0]]
			}
			p.fillPlacedRow(row, places, at, line, before)
		case n == 0:
			// numbers before a group's name (the first's, under the
			// headings) that no group took: said as none of its cells
			// ("一行应有 0 个数" said nothing)
			p.warn("PARSE.TABLE", "appeals", line, "表四“%s”一组之前有 %d 个数（%s），不属于任何一组，不知是哪一格的，未读取，请对照原文核对", name, len(row), strings.Join(row, " "))
		default:
			for b := at; b < at+blocks[k]; b++ {
				for j := range T4Columns {
					p.ambiguous(t4Cell(b, j))
				}
			}
			p.warn("PARSE.TABLE", "appeals", line, "表四“%s”一行应有 %d 个数，读到 %d 个（%s），无法确定空白的位置，该行记为空", name, n, len(row), strings.Join(row, " "))
		}
		at += blocks[k]
	}
	p.warn("PARSE.READ", "appeals", line, "表四每组一行（行政复议、未经复议直接起诉、复议后起诉），各行按其组名读取：%s", strings.Join(nums, " "))
}

// agreeOnSome says there are cuts, and they agree on a cell at least.
func agreeOnSome(cuts [][]int64) bool {
	if len(cuts) == 0 {
		return false
	}
	for i, v := range cuts[0] {
		if !slices.ContainsFunc(cuts[1:], func(c []int64) bool { return c[i] != v }) {
			return true
		}
	}
	return false
}

// fillPlacedRow reads a row of 表四 from block at whose numbers are fewer
// than its cells, by the places of its blanks (places: the row's cells, in
// whole blocks): the cells every place agrees on, the others unread; said.
// Where numbers stood before the first group's name (before), the cells the
// row lacks may be those, moved by the text, rather than blank: said so.
func (p *parser) fillPlacedRow(row []string, places [][]int64, at, line int, before []string) {
	n := len(places[0])
	unknown := p.fillAgreed(places, at)
	name := T4Blocks[at].Parent + T4Blocks[at].Label
	if before != nil {
		p.warn("PARSE.READ", "appeals", line, "表四“%s”一行应有 %d 个数，读到 %d 个（%s）：少 %d 个数（可能是空白，也可能是“%s”一组之前的“%s”被转换移了位置），按“总计 = 各项之和”定出所缺的位置读取%s，请对照原文核对",
			name, n, len(row), strings.Join(row, " "), n-len(row), T4Blocks[0].Parent+T4Blocks[0].Label, strings.Join(before, " "), unreadSaid(unknown))
		return
	}
	p.warn("PARSE.READ", "appeals", line, "表四“%s”一行应有 %d 个数，读到 %d 个（%s）：有 %d 个空白单元格，按“总计 = 各项之和”定出空白的位置读取%s",
		name, n, len(row), strings.Join(row, " "), n-len(row), unreadSaid(unknown))
}

// t4BlankPlaces are the ways to place n cells of 表四 (whole groups), of
// which the whole-cell numbers given are some in order and the rest blank
// (-1), such that every group adds up (a blank counting 0).
func t4BlankPlaces(nums []string, n int) [][]int64 {
	vals := make([]int64, len(nums))
	for i, t := range nums {
		v, err := strconv.ParseInt(t, 10, 64)
		if err != nil {
			return nil
		}
		vals[i] = v
	}
	var out [][]int64
	cells := make([]int64, 0, n)
	var rec func(vi int)
	rec = func(vi int) {
		i := len(cells)
		if i > 0 && i%5 == 0 && !t4GroupAddsUp(cells[i-5:i]) {
			return
		}
		if i == n {
			out = append(out, slices.Clone(cells))
			return
		}
		if vi < len(vals) {
			cells = append(cells, vals[vi])
			rec(vi + 1)
			cells = cells[:i]
		}
		if n-i > len(vals)-vi { // a blank here leaves room for the rest
			cells = append(cells, -1)
			rec(vi)
			cells = cells[:i]
		}
	}
	rec(0)
	return out
}

// ocrUnit is the gap between two neighbouring cells' numbers in OCR's text
// of 表三, in characters: the median of the gaps of its rows read whole
// (seven numbers on the line), 0 without one.
func ocrUnit(got []t3Line) float64 {
	var gaps []float64
	for _, g := range got {
		if !g.rc.ok || len(g.rc.cells) != NumCols || slices.Contains(g.rc.cells, "") {
			continue
		}
		ts := tokens(g.line.Text)
		if len(ts) < NumCols {
			continue
		}
		gaps = append(gaps, tokGaps(ts[len(ts)-NumCols:])...)
	}
	if len(gaps) == 0 {
		return 0
	}
	slices.Sort(gaps)
	return gaps[len(gaps)/2]
}

// readOCRGaps reads a 表三 row short of numbers in OCR's text by the
// spaces between them: OCR writes a row with as many spaces between two
// numbers as the picture's gap, to a character or so, and the cells of 表三's
// columns are about as wide as each other, so a gap k times the table's
// usual one (unit: ocrUnit) holds k-1 blank cells (within a third of a gap;
// else the spacing says nothing). OCR spaces some lines wider than others,
// and narrows a wide gap at times: only a row with two numbers side by side
// (its spacing the table's) whose gaps account for all its blanks is read,
// its last number its 总计, which the others add up to (a row of zeros, or
// one whose last is not the sum, is not). What is read is said.
func (p *parser) readOCRGaps(g t3Line, unit float64) bool {
	ts := g.rc.tokens
	if unit < 2 || len(ts) < 3 || len(ts) >= NumCols || !wellFormed(strs(ts)) {
		return false
	}
	var sum, last int64
	for i, t := range ts {
		v, err := strconv.ParseInt(t.s, 10, 64)
		if err != nil || t.center < 0 {
			return false
		}
		if i == len(ts)-1 {
			last = v
		} else {
			sum += v
		}
	}
	if last == 0 || sum != last {
		return false
	}
	blanks := gapBlanks(tokGaps(ts), unit)
	if blanks == nil {
		return false
	}
	cells := make([]string, 0, NumCols)
	for i, n := range blanks {
		cells = append(cells, ts[i].s)
		cells = append(cells, make([]string, n)...)
	}
	cells = append(cells, ts[len(ts)-1].s)
	// (two numbers side by side: the row's spacing is the table's)
	if len(cells) != NumCols || !slices.Contains(blanks, 0) {
		// blanks before the first number are not seen, and a gap OCR
		// narrowed looks like them: only a row whose gaps account for
		// every blank is read
		return false
	}
	p.readRowCells(g.row.Key, cells)
	shown := make([]string, NumCols)
	for c, s := range cells {
		shown[c] = cmp.Or(s, "空白")
	}
	p.warn("PARSE.READ", "applications."+g.row.Key, g.line.No, "表三“%s%s”读到 %d 个数（%s）：文字识别（OCR）的结果中数字之间的空格宽窄不一，按空格宽度定出空白的位置（最后一个数等于其他各数之和，为总计），读作：%s，请对照原文核对",
		g.row.Group, g.row.Label, len(ts), strings.Join(strs(ts), " "), strings.Join(shown, " "))
	return true
}

// readRowCells sets a 表三 row to its cells as written (each read by
// toCell) and takes back what was said of their ambiguity.
func (p *parser) readRowCells(key string, cells []string) {
	var v Row
	for c, s := range cells {
		v[c] = toCell(s)
		delete(p.r.Meta.Ambiguous, t3Cell(key, c))
	}
	p.r.Applications[key] = v
}

// interiorBlanks reads from a row's spacing, laid out to scale
// (Line.Placed), how many blank cells stand between each two of its
// numbers: the cells of 表四 are about as wide as each other, so a gap about
// twice the usual holds one blank (the usual gap: the mean of the gaps
// under one and a half times the median, most cells being filled). nil when
// a gap is no whole number of usual ones (columns of unlike widths), or the
// row has too few numbers to tell. Blanks before the first number or after
// the last are not seen.
func interiorBlanks(ts []tok) []int {
	if len(ts) < 5 {
		return nil
	}
	for _, t := range ts {
		if t.center < 0 {
			return nil
		}
	}
	gaps := tokGaps(ts)
	usual := slices.Sorted(slices.Values(gaps))[len(gaps)/2]
	if usual < 2 {
		return nil
	}
	// then the mean of the single gaps: positions are whole columns, so a
	// narrow table's gaps of 3 and 4 are one gap of 3.4, not of 3
	sum, k := 0.0, 0
	for _, g := range gaps {
		if g < 1.5*usual {
			sum, k = sum+g, k+1
		}
	}
	return gapBlanks(gaps, sum/float64(k))
}

// tokGaps are the gaps between the middles of each two of ts, in columns.
func tokGaps(ts []tok) []float64 {
	gaps := make([]float64, 0, len(ts))
	for i := 1; i < len(ts); i++ {
		gaps = append(gaps, float64(ts[i].start+ts[i].end-ts[i-1].start-ts[i-1].end)/2)
	}
	return gaps
}

// gapBlanks reads gaps in units of unit, a cell's width: a gap k units wide
// holds k-1 blank cells. nil when a gap is no whole number of units (more
// than 0.3 of one off).
func gapBlanks(gaps []float64, unit float64) []int {
	out := make([]int, len(gaps))
	for i, g := range gaps {
		k := math.Round(g / unit)
		if k < 1 || math.Abs(g/unit-k) > 0.3 {
			return nil
		}
		out[i] = int(k) - 1
	}
	return out
}

// placesWithGaps keeps the places of a row's numbers (-1 for a blank) with
// as many blanks between each two numbers as gaps says.
func placesWithGaps(places [][]int64, gaps []int) [][]int64 {
	var out [][]int64
	for _, pl := range places {
		prev, k, ok := -1, 0, true
		for i, v := range pl {
			if v < 0 {
				continue
			}
			if prev >= 0 && (k-1 >= len(gaps) || i-prev-1 != gaps[k-1]) {
				ok = false
				break
			}
			prev, k = i, k+1
		}
		if ok {
			out = append(out, pl)
		}
	}
	return out
}

// unreadSaid is "；…栏无法确定，记为空" for the cells named, "" for none.
func unreadSaid(unknown []string) string {
	if len(unknown) == 0 {
		return ""
	}
	return "；" + strings.Join(unknown, "、") + "无法确定，记为空"
}

// fillAgreed reads into 表四 the cells every cut agrees on, marks the others
// unread, and names those; the cuts start at block from (a part of 表四).
func (p *parser) fillAgreed(cuts [][]int64, from int) (unknown []string) {
	for i := range cuts[0] {
		b, j := from+i/5, i%5
		same := true
		for _, c := range cuts[1:] {
			same = same && c[i] == cuts[0][i]
		}
		if same {
			p.r.Appeals[b][j] = N(cuts[0][i])
			if cuts[0][i] < 0 {
				p.r.Appeals[b][j] = Cell{} // blank
			}
			continue
		}
		p.r.Appeals[b][j] = Cell{}
		p.ambiguous(t4Cell(b, j))
		unknown = append(unknown, T4Blocks[b].Parent+T4Blocks[b].Label+T4ColumnLabels[j])
	}
	return unknown
}

// t4Bad counts the groups of a cut of 表四 that do not add up.
func t4Bad(cut []int64) int {
	n := 0
	for b := range 3 {
		if !t4GroupAddsUp(cut[b*5 : b*5+5]) {
			n++
		}
	}
	return n
}

// t4GroupAddsUp says a group of 表四's cut (five counts, -1 for a blank, which
// counts 0) has its 总计 the sum of the other four.
func t4GroupAddsUp(v []int64) bool {
	return max(v[0], 0)+max(v[1], 0)+max(v[2], 0)+max(v[3], 0) == max(v[4], 0)
}

// t4BadBlock is the one group of 表四 that does not add up in every cut, when
// the cuts agree on which.
func t4BadBlock(cuts [][]int64) (int, bool) {
	bad := -1
	for _, c := range cuts {
		k := -1
		for b := range len(c) / 5 { // (a part of 表四: fewer blocks)
			if !t4GroupAddsUp(c[b*5 : b*5+5]) {
				if k >= 0 {
					return 0, false
				}
				k = b
			}
		}
		if k < 0 || bad >= 0 && k != bad {
			return 0, false
		}
		bad = k
	}
	return bad, bad >= 0
}

// t4CutLimit bounds the cuts of a 表四 run kept: more, and which is right
// cannot be told anyway.
const t4CutLimit = 4096

// t4Cuts are the ways to cut tokens (runs of digits, a space always a border)
// into 表四's 15 counts such that at most maxBad of its three groups do not
// add up; with blanks > 0, also with up to that many cells left blank (a
// blank written -1, counting 0) — only the cuts with at least one. A search
// with a step budget: nil when it runs out or finds t4CutLimit.
func t4Cuts(tokens []string, blanks, maxBad int) [][]int64 {
	return blockCuts(tokens, 15, blanks, maxBad)
}

// blockCuts is t4Cuts for n cells (whole blocks of five): a part of 表四.
func blockCuts(tokens []string, n, blanks, maxBad int) [][]int64 {
	out, _ := blockCutsDone(tokens, n, blanks, maxBad)
	return out
}

// blockCutsDone is blockCuts that also says whether the search was done: no
// cut found by a search that ran out of steps or cuts is not no cut at all.
func blockCutsDone(tokens []string, n, blanks, maxBad int) ([][]int64, bool) {
	for _, t := range tokens {
		if !allDigits(t) {
			return nil, true
		}
	}
	var out [][]int64
	cells := make([]int64, 0, n)
	budget := 200000
	left := 0 // digits not yet cut
	for _, t := range tokens {
		left += len(t)
	}
	var rec func(ti, pos, bad, blank int)
	rec = func(ti, pos, bad, blank int) {
		budget--
		if budget < 0 || len(out) >= t4CutLimit {
			return
		}
		i := len(cells)
		if i > 0 && i%5 == 0 && !t4GroupAddsUp(cells[i-5:i]) {
			if bad++; bad > maxBad {
				return
			}
		}
		if i == n {
			if ti == len(tokens) && (blanks == 0 || blank > 0) {
				out = append(out, slices.Clone(cells))
			}
			return
		}
		if ti == len(tokens) {
			if blank < blanks { // the rest blank
				cells = append(cells, -1)
				rec(ti, pos, bad, blank+1)
				cells = cells[:i]
			}
			return
		}
		if left > (n-i)*maxCellDigits || left < n-i-(blanks-blank) {
			return
		}
		if blank < blanks {
			cells = append(cells, -1)
			rec(ti, pos, bad, blank+1)
			cells = cells[:i]
		}
		d := tokens[ti]
		var u int64
		for l := 1; pos+l <= len(d) && l <= maxCellDigits; l++ {
			if l > 1 && d[pos] == '0' {
				break
			}
			u = u*10 + int64(d[pos+l-1]-'0')
			cells = append(cells, u)
			left -= l
			if pos+l == len(d) {
				rec(ti+1, 0, bad, blank)
			} else {
				rec(ti, pos+l, bad, blank)
			}
			left += l
			cells = cells[:i]
		}
	}
	rec(0, 0, 0, 0)
	if budget < 0 || len(out) >= t4CutLimit {
		return nil, false
	}
	return out, true
}

// parseT4Blocks reads 表四 written as one row per block (行政复议 | 1 | 0 |
// …), as converters and some agencies lay it out, and says which blocks it
// read so.
func (p *parser) parseT4Blocks(lo, hi int) (got [len(Appeals{})]bool) {
	found := 0
	next := 0 // the block after the last one read: a misread label is only the next ones'
	for _, l := range p.lines[lo:hi] {
		if !hasText(l.Text, "复") && !hasText(l.Text, "议") && !hasText(l.Text, "诉") {
			continue
		}
		rc := splitLabel(l, 5)
		L := norm(rc.label)
		// fewer than five whole numbers: blank cells that left no trace
		short := !rc.ok && len(rc.tokens) > 0 && len(rc.tokens) < 5 && wellFormed(strs(rc.tokens))
		if L == "" || !rc.ok && !short {
			continue
		}
		b := len(T4Blocks) - 1
		for ; b >= 0; b-- {
			// 复议后起诉 contains 复议: test the longer labels first
			if strings.HasSuffix(L, t4Norms[b]) {
				break
			}
		}
		if short {
			// placed where the group adds up, the cells every place agrees on read
			places := t4BlankPlaces(strs(rc.tokens), 5)
			if b < 0 || got[b] || !agreeOnSome(places) {
				continue // (nothing known of the row: the table may be read otherwise)
			}
			p.fillPlacedRow(strs(rc.tokens), places, b, l.No, nil)
			if found == 0 {
				p.r.setLine("appeals", l.No)
			}
			found++
			got[b] = true
			next = b + 1
			continue
		}
		if b < 0 {
			if b = t4BlockFuzzy(L, next); b < 0 {
				continue
			}
			p.warn("PARSE.READ", "appeals", l.No, "表四“%s”一行的栏名读作“%s”，与格式的栏名差一两个字，按表中的次序读作该行，请核对",
				T4Blocks[b].Parent+T4Blocks[b].Label, trimSpace(rc.label))
		}
		for j, c := range rc.cells {
			p.r.Appeals[b][j] = toCell(c)
		}
		if found == 0 {
			p.r.setLine("appeals", l.No)
		}
		found++
		got[b] = true
		next = b + 1
	}
	if found > 0 {
		p.r.Meta.Tables["4"] = true
	}
	return got
}

// t4BlockFuzzy is the block at or after next whose label ends L but for one
// character misread or lost (two in 未经复议直接起诉's eight): "复口后起诉",
// "未经复议直接大诉". A label that names another block whole is never taken.
func t4BlockFuzzy(L string, next int) int {
	if hasAnyRune(L, "0123456789") {
		return -1 // cells run into the label: their places are unknown
	}
	n := utf8.RuneCountInString(L)
	for b := next; b < len(T4Blocks); b++ {
		want := t4Norms[b]
		m := utf8.RuneCountInString(want)
		allowed := max(1, m/4)
		for k := max(1, m-allowed); k <= min(n, m+allowed); k++ {
			if editWithin(L[runesBefore(L, len(L), k):], want, allowed) <= allowed {
				return b
			}
		}
	}
	return -1
}

// parseT4Vertical reads 表四 laid out down the page, as a narrow page turns
// it: a line to each cell, its column's heading and one number ("行政复议
// 结果维持 0", "结果纠正 0" … "总计 0", then the two 行政诉讼 blocks). Only
// fifteen such lines, the five headings three times in order, are read so;
// a block named on its line must be the one the order says.
func (p *parser) parseT4Vertical(lo, hi int) bool {
	type cell struct {
		no   int
		text string
	}
	var cells []cell
	var misread []string // labels whose heading is one character off
	for _, l := range p.lines[lo:hi] {
		rc := splitLabel(l, 1)
		L := norm(rc.label)
		if L == "" || !rc.ok {
			continue
		}
		k := len(cells)
		lb := norm(T4ColumnLabels[k%len(T4Columns)])
		if k == 3*len(T4Columns) || !t4ColumnEnds(L, lb) {
			return false
		}
		if !strings.HasSuffix(L, lb) {
			misread = append(misread, trimSpace(rc.label))
		}
		b := k / len(T4Columns)
		for other := range T4Blocks {
			// 复议后起诉 names 复议 too: a block is named by its own label, longest first
			if other != b && hasText(L, t4Norms[other]) && !hasText(L, t4Norms[b]) {
				return false
			}
		}
		cells = append(cells, cell{l.No, rc.cells[0]})
	}
	if len(cells) != 3*len(T4Columns) {
		return false
	}
	for k, c := range cells {
		p.r.Appeals[k/len(T4Columns)][k%len(T4Columns)] = toCell(c.text)
	}
	p.r.Meta.Tables["4"] = true
	p.r.setLine("appeals", cells[0].no)
	msg := "表四竖排（每栏一行，三组依次为行政复议、未经复议直接起诉、复议后起诉），按各行的栏名读取"
	if len(misread) > 0 {
		msg += "；其中“" + strings.Join(misread, "”“") + "”与格式的栏名差一个字，按次序读取，请核对"
	}
	p.warn("PARSE.READ", "appeals", cells[0].no, "%s", msg)
	return true
}

// parseT4Transposed reads 表四 turned on its side: a column to each block
// under a line naming the three in order (行政复议 | 行政诉讼（未经复议直接起诉）|
// 行政诉讼（复议后起诉）), and a row to each of the five headings in order,
// with three numbers (结果维持 2 1 0 … 总计 4 1 0). Nothing else is read so.
func (p *parser) parseT4Transposed(lo, hi int) bool {
	named := 0          // blocks named so far by the heading lines, in order (a heading of two rows: 行政复议 行政诉讼 / 未经复议直接起诉 复议后起诉)
	var rows [][]string // each heading's numbers, in order
	short := false      // a row with fewer than three: blanks that left no trace
	glued := false      // a row of three digits run together
	first := 0
	for _, l := range p.lines[lo:hi] {
		if named < len(T4Blocks) {
			if !t4HeadingOnly(l.Text) {
				named = 0 // the names must be on heading lines that follow one another
			}
			if named = t4NamedAfter(l.Text, 0, named); named < 0 {
				named = max(t4NamedAfter(l.Text, 0, 0), 0) // this line starts over
			}
			continue
		}
		if trimSpace(l.Text) == "" {
			continue
		}
		rc := splitLabel(l, len(T4Blocks))
		k := len(rows)
		if k == len(T4Columns) {
			break
		}
		if !t4ColumnEnds(norm(rc.label), norm(T4ColumnLabels[k])) {
			if k == 0 && len(rc.tokens) == 0 && !rc.ok {
				continue // words before the first row (单位：件)
			}
			return false
		}
		cells := rc.cells
		switch {
		case rc.ok:
		case len(rc.tokens) == 1 && l.Segmented && gluedRow(rc.tokens[0].s):
			// a page without line breaks, three digits run together: as
			// many digits as cells, a digit to a cell
			cells, glued = strings.Split(rc.tokens[0].s, ""), true
		case len(rc.tokens) == 0 || len(rc.tokens) >= len(T4Blocks) || !wellFormed(strs(rc.tokens)):
			return false
		default:
			cells, short = strs(rc.tokens), true
		}
		if k == 0 {
			first = l.No
		}
		rows = append(rows, cells)
	}
	if len(rows) != len(T4Columns) {
		return false
	}
	var read []string
	for c, cells := range rows {
		read = append(read, T4ColumnLabels[c]+" "+strings.Join(cells, " "))
	}
	p.r.Meta.Tables["4"] = true
	p.r.setLine("appeals", first)
	if glued && short {
		p.t4Unread()
		p.warn("PARSE.TABLE", "appeals", first, "表四横竖互换，有的行数字连在一起、有的行少于 3 个数（%s），无法确定各栏的分界，表四记为空", strings.Join(read, "；"))
		return true
	}
	if short {
		// where the blanks go so that each block's results add up to its
		// 总计, the cells every such place agrees on
		places := t4TransposedPlaces(rows)
		if len(places) == 0 {
			p.t4Unread()
			p.warn("PARSE.TABLE", "appeals", first, "表四横竖互换（每组一栏，每个结果一行），有的行少于 3 个数（%s），无法确定空白的位置，表四记为空", strings.Join(read, "；"))
			return true
		}
		unknown := p.fillAgreed(places, 0)
		p.warn("PARSE.READ", "appeals", first, "表四横竖互换（每组一栏，依次为行政复议、未经复议直接起诉、复议后起诉；每个结果一行），按各行的栏名读取：%s；有的行少于 3 个数，按各组“总计 = 各项之和”定出空白的位置%s",
			strings.Join(read, "；"), unreadSaid(unknown))
		return true
	}
	for c, cells := range rows {
		for b, v := range cells {
			p.r.Appeals[b][c] = toCell(v)
		}
	}
	how := ""
	switch {
	case glued && transposedAddsUp(rows):
		how = "；各行的数字连在一起，每行 3 位数字按一位数一栏读取（各组之和与总计相符）"
	case glued:
		// as many digits as cells: one way to split them; a block that does
		// not add up is the report's own error, which the T4 rules report
		how = "；各行的数字连在一起，每行 3 位数字按一位数一栏读取（有的组之和与总计不符，见表四的检查）"
	}
	p.warn("PARSE.READ", "appeals", first, "表四横竖互换（每组一栏，依次为行政复议、未经复议直接起诉、复议后起诉；每个结果一行），按各行的栏名读取：%s%s", strings.Join(read, "；"), how)
	return true
}

// transposedAddsUp says every block of a transposed 表四's rows adds up:
// its four results to its 总计.
func transposedAddsUp(rows [][]string) bool {
	for b := range T4Blocks {
		sum := int64(0)
		for c := 0; c < len(T4Columns)-1; c++ {
			v, ok := toCell(rows[c][b]).Int()
			if !ok {
				return false
			}
			sum += v
		}
		if total, ok := toCell(rows[len(T4Columns)-1][b]).Int(); !ok || total != sum {
			return false
		}
	}
	return true
}

// t4TransposedPlaces are the ways to place the numbers of 表四 turned on its
// side, a row to each heading with three cells or fewer (the rest blank, -1),
// such that every block adds up (a blank counting 0): as fifteen cells, a
// block after another. (Three places at most for a row's blanks, five rows:
// 243 ways at most, no bound needed.)
func t4TransposedPlaces(rows [][]string) [][]int64 {
	nb := len(T4Blocks)
	var out [][]int64
	cut := make([]int64, len(T4Columns)*nb)
	var rec func(c int)
	rec = func(c int) {
		if c == len(rows) {
			for b := range nb {
				if !t4GroupAddsUp(cut[b*5 : b*5+5]) {
					return
				}
			}
			out = append(out, slices.Clone(cut))
			return
		}
		// each way to put the row's numbers, in order, in its three cells
		var put func(b, k int)
		put = func(b, k int) {
			if b == nb {
				if k == len(rows[c]) {
					rec(c + 1)
				}
				return
			}
			if k < len(rows[c]) {
				v, err := strconv.ParseInt(rows[c][k], 10, 64)
				if rows[c][k] == "" {
					v, err = -1, nil // a blank field of a row that has its three
				}
				if err != nil {
					return
				}
				cut[b*5+c] = v
				put(b+1, k+1)
			}
			if nb-b > len(rows[c])-k { // a blank here leaves room for the rest
				cut[b*5+c] = -1
				put(b+1, k)
			}
		}
		put(0, 0)
	}
	rec(0)
	return out
}

// countsIn says a line of p.lines[lo:hi] holds counts and nothing else
// (cellsOnly, of a table of n cells a row).
func (p *parser) countsIn(lo, hi, n int) bool {
	for _, l := range p.lines[lo:hi] {
		if cellsOnly(l, n) {
			return true
		}
	}
	return false
}

// cellsOnly says a line with Chinese characters is a row of cells all the
// same: numbers among 无 or counts with their unit (2 无 1 4, 3件), not a
// heading.
func cellsOnly(l Line, n int) bool {
	if !hasAnyRune(l.Text, "0123456789") {
		return false // a heading (the most such lines): no need to cut it
	}
	rc := splitLabel(l, n)
	if trimSpace(rc.label) != "" {
		return false
	}
	cells := rc.cells
	if !rc.ok {
		cells = strs(rc.tokens)
	}
	for _, c := range cells {
		if c = trimSpace(c); c != "" && (c[0] >= '0' && c[0] <= '9' || placeholderRun(c, countMarks)) {
			return true // (a run of marks and digits glued: 无无1无2, cells too)
		}
	}
	return false
}

// startsHan says s starts with a Han character.
func startsHan(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Han, r)
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// digitCount is the number of digits in the tokens: fewer than a row has
// cells means blanks, not numbers run together.
func digitCount(ts []tok) int {
	n := 0
	for _, t := range ts {
		for _, r := range foldDigits(t.s) {
			if r >= '0' && r <= '9' {
				n++
			}
		}
	}
	return n
}

// formatClue is the table heading that told format f apart.
func formatClue(f Format, t string) string {
	clues, pieces := []string{"本年制发件数", "现行有效件数", "逾期不补正", "未按收费通知"}, headingPieces2021
	if f == Format2019 {
		clues, pieces = []string{"本年新制作数量", "上一年项目数量", "对外公开总数量", "政府集中采购"}, headingPieces2019
	}
	for _, ks := range [2][]string{clues, pieces} {
		for _, k := range ks {
			if hasText(t, k) {
				return k
			}
		}
	}
	return ""
}

func joinInts[T ~int | ~int64](v []T) string { return strings.Join(intStrings(v), "、") }

// The reader tests every cell of every line: these are the patterns above
// written out, several times faster than the regular expressions were.

func isDigit(r rune) bool { return (r >= '0' && r <= '9') || (r >= '０' && r <= '９') }

// isNumber is ^[+-]?digit[digits,，]*(\.digits)?$ with full-width forms
// (and the dashes written for a minus sign).
func isNumber(s string) bool {
	// read rune by rune in place: a label is long, and converting it to
	// runes only to see that it does not start with a digit cost more than
	// reading the rest of the row
	at := func(i int) (rune, int) {
		if i >= len(s) {
			return -1, 0
		}
		return utf8.DecodeRuneInString(s[i:])
	}
	i := 0
	if r, n := at(i); r == '+' || r == '＋' || isMinus(r) {
		i += n
	}
	if r, _ := at(i); !isDigit(r) {
		return false
	}
	for {
		r, n := at(i)
		if !isDigit(r) && r != ',' && r != '，' {
			break
		}
		i += n
	}
	if r, n := at(i); r == '.' {
		i += n
		if r, _ := at(i); !isDigit(r) {
			return false
		}
		for {
			r, n := at(i)
			if !isDigit(r) {
				break
			}
			i += n
		}
	}
	return i == len(s)
}

// allDigits is ^digits+$.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isDigit(r) {
			return false
		}
	}
	return true
}

// overRunes is backOver forwards: where in s the run of runes keep holds
// from byte i ends.
func overRunes(s string, i int, keep func(rune) bool) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !keep(r) {
			break
		}
		i += size
	}
	return i
}

// isGap is a space between the characters of a spaced-out text: ASCII or
// ideographic.
func isGap(r rune) bool { return r == ' ' || r == '\u3000' }

// backOver is where the runes before i that keep says to step over begin.
func backOver(s string, i int, keep func(rune) bool) int {
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !keep(r) {
			break
		}
		i -= size
	}
	return i
}

// tailRun splits "label123" (or "label12.5") into the label and the number
// run at its end; the label must end in something that is not a digit,
// space or separator.
func tailRun(s string) (head, run string, ok bool) {
	// a count written with its unit, glued to its label: "…行政许可356件"
	// (most runs end in a digit: no unit to look for)
	for _, u := range countUnitsInCells {
		if s == "" || s[len(s)-1] < utf8.RuneSelf {
			break
		}
		if n := len(s) - len(u); n > 0 && strings.HasSuffix(s, u) && isASCIIDigit(s[n-1]) {
			s = s[:n]
			break
		}
	}
	end := len(s)
	i := backOver(s, end, isDigit)
	// 本年增/减 of the 2019 表二 may be negative: "…事项16-219" is one run
	// (16, -2, 19 or 16, -21, 9), a minus between digits being a sign
	for i > 1 && i < end && s[i-1] == '-' && isDigit(rune(s[i-2])) {
		i = backOver(s, i-1, isDigit)
	}
	if i > 0 && s[i-1] == '.' && i < end {
		// a decimal: 12.5 — the digits before the point belong to the run
		j := i - 1
		for j > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:j])
			if !isDigit(r) {
				break
			}
			j -= size
		}
		if j < i-1 {
			i = j
		}
	}
	// digits grouped by thousands belong to the run: "…公开1,2340001,234",
	// "…收费1,234.56"
	for i > 1 && i+3 <= end && s[i-1] == ',' && isASCIIDigit(s[i-2]) && allASCIIDigits(s[i:i+3]) {
		i = backOver(s, i-1, isDigit)
	}
	if i == end || i == 0 {
		return "", "", false
	}
	r, size := utf8.DecodeLastRuneInString(s[:i])
	if r == '，' {
		// a wrapped label's piece ends in its comma, and the page run
		// together glued the next line's digits to it ("…只计这一情形，0"):
		// after a Han character the comma is the label's, not a number's
		if before, _ := utf8.DecodeLastRuneInString(s[:i-size]); unicode.Is(unicode.Han, before) {
			return s[:i], s[i:], true
		}
	}
	if unicode.IsSpace(r) || r == '.' || r == '．' || r == ',' || r == '，' {
		return "", "", false
	}
	if gluedPlaceholder(r) {
		// a cell written as a placeholder, glued between the label and the
		// digits ("…数量/7104315"): the digits are not all the row's cells,
		// and where the others go cannot be told
		return "", "", false
	}
	return s[:i], s[i:], true
}

// uncut says a reading of tokens keeps each run of digits one cell.
func uncut(toks, cells []string, m marks) bool {
	k := 0
	for _, t := range toks {
		if ts, ok := placeholderTokens(t, m); ok {
			k += len(ts)
		} else {
			k++
		}
	}
	return k == len(cells)
}

// t2Marks are the placeholders 表二's rows may glue among their digits:
// dashes too in the 2021 format, whose cells are never negative; slashes
// only in the 2019 one, whose 本年增/减 is signed.
func (p *parser) t2Marks() marks { return marks{dashes: p.r.Format != Format2019} }

// splitT2Label is splitLabel for a line of 表二.
func (p *parser) splitT2Label(l Line, n int) rowCells {
	m := p.t2Marks()
	return splitMarkedLabel(l, n, &m)
}

// countRow says n cells make a row of counts, which are never negative and
// may be written as placeholders: 表三's row, 表四 in one.
func countRow(n int) bool { return n == NumCols || n == len(T4Blocks)*len(T4Columns) }

// tailPlaceholderRun cuts from the end of s the digits and placeholders
// glued to a label ("…数量31////4"), as placeholderTokens reads them; ok is
// false unless the run holds a placeholder and a digit and a label is left.
func tailPlaceholderRun(s string, m marks) (head string, run []string, ok bool) {
	i := len(s)
	placed := false
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !isDigit(r) && !m.mark(r) {
			break
		}
		placed = placed || !isDigit(r)
		i -= size
	}
	if i == 0 || i == len(s) || !placed {
		return "", nil, false
	}
	// the run starts at a placeholder or a digit after the label's last
	// word; a label ending in digits ("…1.") is not cut
	if r, _ := utf8.DecodeLastRuneInString(s[:i]); r == '.' || r == '．' || r == '、' {
		return "", nil, false
	}
	if m.dashes && dashesOnly(s[i:]) {
		return s[:i], cutPlaceholders(s[i:]), true
	}
	run, ok = placeholderTokens(s[i:], m)
	return s[:i], run, ok
}

// gluedPlaceholder says a character at a label's end is a cell written as
// a placeholder glued to it (/, 无, a dash): no label of the tables ends so.
func gluedPlaceholder(r rune) bool {
	return r == '/' || r == '／' || r == '无' || r == '空' || isMinus(r)
}

// t3Norms are the normalised labels of a format's 表三 rows.
func t3Norms(f Format) []string {
	if f == Format2019 {
		return t3Norms2019
	}
	return t3Norms2021
}

var t3Norms2019, t3Norms2021 = normLabels(t3Rows2019), normLabels(t3Rows2021)

func normLabels(rows []T3Row) []string {
	ns := make([]string, len(rows))
	for i, row := range rows {
		ns[i] = norm(row.Label)
	}
	return ns
}

// t4Norms are the normalised labels of 表四's blocks.
var t4Norms = func() []string {
	ns := make([]string, len(T4Blocks))
	for b := range T4Blocks {
		ns[b] = norm(T4Blocks[b].Label)
	}
	return ns
}()

// t2Norms are the normalised labels of each format's 表二 rows, keyed by
// the first and last labels.
var t2Norms = func() map[string][]string {
	m := map[string][]string{}
	for _, items := range [][]T2Item{t2Items2021, t2Items2019} {
		ns := make([]string, len(items))
		for i, it := range items {
			ns[i] = norm(it.Label)
		}
		m[items[0].Label+items[len(items)-1].Label] = ns
	}
	return m
}()

// fillT4Marked reads 表四 from the readings of its digits glued among
// placeholders ("2101/41000/10000/"): the cells they agree on; the others
// are null and said.
func (p *parser) fillT4Marked(cuts [][]string, read string, line int) {
	var unknown []string
	for i, same := range agreeing(cuts) {
		if same {
			p.r.Appeals[i/5][i%5] = toCell(p.markText(cuts, i))
		} else {
			p.ambiguous(t4Cell(i/5, i%5))
			unknown = append(unknown, T4Blocks[i/5].Parent+T4Blocks[i/5].Label+T4ColumnLabels[i%5])
		}
	}
	if len(unknown) > 0 {
		p.warn("PARSE.AMBIGUOUS", "appeals", line, "表四的数字和占位符“%s”连在一起，有 %d 种拆分满足各组之和，%s无法确定，记为空",
			read, len(cuts), strings.Join(unknown, "、"))
	}
}

// markText is the text of a cell every reading of a row agrees is a mark
// for 0, where the readings write it as — or as ——: the report's own
// (reportDash), else the first reading's.
func (p *parser) markText(cuts [][]string, i int) string {
	dash := p.reportDash()
	for _, c := range cuts {
		if c[i] == dash {
			return c[i]
		}
	}
	return cuts[0][i]
}

// reportDash is the dash a report's 表三 and 表四 write for 0: — or —— where
// the cells that stand alone show one of them only, or where the runs of
// dashes glued say it (one of odd length holds a —; all even, ——); "" where
// they show both, or none.
func (p *parser) reportDash() string {
	if !p.dashMarkDone {
		p.dashMarkDone = true
		singles, doubles, odd, even := 0, 0, 0, 0
		for _, k := range []string{"3", "4"} {
			lo, hi := p.region(k)
			for j := max(lo, 0); j < hi; j++ {
				t := p.lines[j].Text
				for f := range strings.FieldsSeq(t) {
					switch f {
					case "—":
						singles++
					case "——":
						doubles++
					}
				}
				// glued, a run of an odd number of — holds a cell of —
				for i := 0; i < len(t); {
					n := 0
					for strings.HasPrefix(t[i:], "—") {
						n, i = n+1, i+len("—")
					}
					if n > 0 {
						if n%2 == 1 {
							odd++
						} else {
							even++
						}
						continue
					}
					i++
				}
			}
		}
		switch {
		case doubles > 0 && singles == 0 && odd == 0:
			p.dashMark, p.dashSure = "——", true
		case singles > 0 && doubles == 0 || odd > 0:
			p.dashMark, p.dashSure = "—", true
		case even > 0:
			p.dashMark = "——" // (every run even: two cells of ——, one way of reading it, not known)
		}
	}
	return p.dashMark
}

// dashWays is the dash a row's runs of dashes are read as, when the report
// shows it for sure (reportDash: a cell alone, or a run of odd length);
// "" for every way.
func (p *parser) dashWays() string {
	if d := p.reportDash(); p.dashSure {
		return d
	}
	return ""
}

// fillT4PartMarked reads a part of 表四 (n blocks from block at) whose run
// glues marks for 0 among its digits, as fillT4Marked reads 表四 in one.
func (p *parser) fillT4PartMarked(run string, at, n, line int) {
	cuts := splitPlaceholdersAs([]string{run}, 5*n, 5, countMarks, p.dashWays())
	if len(cuts) > 0 && p.blanky {
		// glued, in a report that leaves cells blank (as in parseT4)
		for i := range 5 * n {
			p.ambiguous(t4Cell(at+i/5, i%5))
		}
		p.warn("PARSE.AMBIGUOUS", "appeals", line, "表四的一段数字和占位符“%s”连在一起；本报告有空白的单元格，这一段也可能有，留出空白的拆法无法排除，这 %d 组记为空", run, n)
		return
	}
	if len(cuts) == 0 {
		for i := range 5 * n {
			p.ambiguous(t4Cell(at+i/5, i%5))
		}
		p.warn("PARSE.TABLE", "appeals", line, "表四的一段数字“%s”连在一起，无法拆成 %d 组，这几组记为空", run, n)
		return
	}
	var unknown []string
	for i, same := range agreeing(cuts) {
		b, j := at+i/5, i%5
		if same {
			p.r.Appeals[b][j] = toCell(p.markText(cuts, i))
		} else {
			p.ambiguous(t4Cell(b, j))
			unknown = append(unknown, T4Blocks[b].Parent+T4Blocks[b].Label+T4ColumnLabels[j])
		}
	}
	if len(unknown) > 0 {
		p.warn("PARSE.AMBIGUOUS", "appeals", line, "表四的一段数字和占位符“%s”连在一起，有 %d 种拆分满足各组之和，%s无法确定，记为空",
			run, len(cuts), strings.Join(unknown, "、"))
	}
}

// readMarkedError reads a row of placeholders and digits glued that no
// reading makes add up (the report's own error: —115——1 14 for — 11 5 — — 1
// 14) by the one reading the rest of 表三 calls for in every cell but one:
// the row as written, whose sum the checks then find wrong (T3.ROWSUM).
// False, and nothing changed, when no reading or several are so.
func (p *parser) readMarkedError(g t3Line, want [NumCols]int64) bool {
	if p.blanky || !slices.ContainsFunc(g.rc.tokens, func(t tok) bool { return countMarks.hasMark(t.s) }) {
		return false // (in a table that leaves cells blank, a row that does not add up may only have some)
	}
	cuts, all := markedReadingsAny(strs(g.rc.tokens), NumCols, 64, p.dashWays())
	if !all {
		return false
	}
	var fit []string
	for _, cut := range cuts {
		off := 0
		for c, s := range cut {
			if s != strconv.FormatInt(want[c], 10) && !(want[c] == 0 && placeholderTok(s)) {
				off++
			}
		}
		if off == 1 {
			if fit != nil {
				return false
			}
			fit = cut
		}
	}
	if fit == nil {
		return false
	}
	p.readRowCells(g.row.Key, fit)
	p.warn("PARSE.READ", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字和占位符“%s”连在一起，没有一种拆分满足行内之和；按表三其他各行推算，只有一种拆分（%s）仅有一栏与推算不符，按此读取（该行合计不符是报告本身的错误）",
		g.row.Group, g.row.Label, strings.Join(strs(g.rc.tokens), " "), strings.Join(fit, " "))
	return true
}

// markedRow is a 表三 row of glued placeholders with its readings.
type markedRow struct {
	g    t3Line
	cuts [][]string
}

// readPlaceholderRun reads a 表三 row whose numbers are glued digits among
// placeholders ("31////4", "31 / / / / 4") by its readings that add up
// (splitPlaceholders): the placeholders are cells as written (and said to
// be no number by the checks), the digits cut. With several readings the
// cells they agree on are read, the others blank until settleMarked tries
// the rest of the table; false then.
func (p *parser) readPlaceholderRun(g t3Line, cuts [][]string) bool {
	var v Row
	one := true
	for c, same := range agreeing(cuts) {
		if same {
			v[c] = toCell(p.markText(cuts, c))
		} else {
			p.ambiguous(t3Cell(g.row.Key, c))
			one = false
		}
	}
	p.r.Applications[g.row.Key] = v
	return one
}

// settleMarked reads each row of glued placeholders that reads several
// ways by the one reading the rest of 表三 calls for (its column identities,
// a placeholder counting as nothing), or says which cells stay blank.
func (p *parser) settleMarked(rows []markedRow) {
	for _, m := range rows {
		g := m.g
		if want, ok := p.t3Expected(g.row); ok {
			var fit [][]string
			for _, cut := range m.cuts {
				if slices.EqualFunc(cut, want[:], func(s string, x int64) bool { return s == strconv.FormatInt(x, 10) || x == 0 && placeholderTok(s) }) {
					fit = append(fit, cut)
				}
			}
			if len(fit) == 1 {
				p.readRowCells(g.row.Key, fit[0])
				p.warn("PARSE.READ", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字和占位符“%s”连在一起，有 %d 种拆分满足行内之和，按表三其他各行的勾稽关系只有一种（%s）成立，按此读取",
					g.row.Group, g.row.Label, strings.Join(strs(g.rc.tokens), " "), len(m.cuts), strings.Join(fit[0], " "))
				continue
			}
		}
		var amb []string
		for c := range NumCols {
			if p.r.ambiguous(t3Cell(g.row.Key, c)) {
				amb = append(amb, T3ColumnLabels[c])
			}
		}
		p.warn("PARSE.AMBIGUOUS", "applications."+g.row.Key, g.line.No, "表三“%s%s”的数字和占位符“%s”连在一起，有 %d 种拆分满足行内之和，表内勾稽关系也无法区分，%s栏无法确定，记为空",
			g.row.Group, g.row.Label, strings.Join(strs(g.rc.tokens), " "), len(m.cuts), strings.Join(amb, "、"))
	}
}
