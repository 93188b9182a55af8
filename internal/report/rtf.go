package report

import (
	"strconv"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// --- RTF ---------------------------------------------------------------------
//
// Some office systems export reports as RTF. Its text is read into the same
// characters and paragraph marks as a DOC's (docBuildLines then makes the
// lines): \par ends a paragraph, \cell and \row a table's cell and row,
// \nestcell and \nestrow those of a table in a table; \uN is a character,
// the ucN characters after it its fallback; \'hh a byte of the document's
// code page (GBK for Chinese); groups that are not text (font table, style
// sheet, pictures' data, \* destinations) are passed over.

// rtfSkip are the destinations whose content is not the document's text.
var rtfSkip = map[string]bool{"fonttbl": true, "colortbl": true, "stylesheet": true, "info": true, "pict": true,
	"object": true, "header": true, "headerl": true, "headerr": true, "headerf": true, "footer": true, "footerl": true,
	"footerr": true, "footerf": true, "listtable": true, "listoverridetable": true, "rsidtbl": true, "generator": true,
	"xmlnstbl": true, "themedata": true, "colorschememapping": true, "datastore": true, "latentstyles": true,
	"pgdsctbl": true, "fldinst": true, "footnote": true, "revtbl": true, "filetbl": true}

func rtfLines(t string) []Line {
	type group struct {
		skip bool
		star bool // after \*: the next word says whether the group is text
		uc   int
		gone bool // \deleted (a tracked change) or \v (hidden): in the file, not on the page
	}
	st := []group{{uc: 1}}
	var chars []docChar
	var paps []docPap
	var pending []byte // bytes of \'hh, decoded together
	gbk := true        // \ansicpg936 or a Chinese font: most Chinese RTF
	inTable, depth := false, 1
	// the row definition's cells (\cellx each) that continue the cell
	// above (\clvmrg), for its \row
	var mergedUp []bool
	cellDefs, vmerged := 0, false
	skipNext := 0     // fallback characters after \uN still to pass over
	var gone []docChp // the runs of characters not on the page
	goneFrom := func(from int) {
		if !st[len(st)-1].gone || from == len(chars) {
			return
		}
		if n := len(gone); n > 0 && gone[n-1].to == uint32(from) {
			gone[n-1].to = uint32(len(chars))
			return
		}
		gone = append(gone, docChp{from: uint32(from), to: uint32(len(chars)), hidden: true})
	}
	flush := func() {
		if len(pending) == 0 {
			return
		}
		defer goneFrom(len(chars))
		if !gbk { // Windows-1252
			for _, b := range pending {
				chars = append(chars, docChar{cp1252(b), uint32(len(chars))})
			}
			pending = pending[:0]
			return
		}
		s, err := simplifiedchinese.GBK.NewDecoder().String(string(pending))
		if err != nil {
			s = strings.Repeat("\uFFFD", len(pending))
		}
		for _, r := range s {
			chars = append(chars, docChar{r, uint32(len(chars))})
		}
		pending = pending[:0]
	}
	emit := func(r rune) {
		flush()
		chars = append(chars, docChar{r, uint32(len(chars))})
		goneFrom(len(chars) - 1)
	}
	mark := func(r rune, p docPap) {
		flush()
		p.from, p.to = uint32(len(chars)), uint32(len(chars))+1
		paps = append(paps, p)
		chars = append(chars, docChar{r, p.from})
	}
	// (no more marks than twice MaxLines: a line is a paragraph's, a row's
	// each cell's one more, and Lines refuses more lines than that)
	for i := 0; i < len(t) && len(chars) < MaxInput && len(paps) <= 2*MaxLines; {
		c := t[i]
		top := &st[len(st)-1]
		switch {
		case c == '{':
			flush() // (a group's bytes are decoded in its state: hidden or not)
			if len(st) < 256 {
				st = append(st, *top)
			}
			i++
			continue
		case c == '}':
			flush()
			if len(st) > 1 {
				st = st[:len(st)-1]
			}
			i++
			continue
		case c == '\r' || c == '\n':
			i++
			continue
		case c != '\\':
			if !top.skip {
				if skipNext > 0 {
					skipNext--
				} else if c >= 0x80 {
					pending = append(pending, c) // raw code page bytes
				} else {
					emit(rune(c))
				}
			}
			i++
			continue
		}
		// a control word or symbol
		i++
		if i >= len(t) {
			break
		}
		c = t[i]
		if !isASCIILetter(c) {
			i++
			switch c {
			case '\'':
				if i+2 <= len(t) {
					if b, err := strconv.ParseUint(t[i:i+2], 16, 8); err == nil && !top.skip {
						if skipNext > 0 {
							skipNext--
						} else {
							pending = append(pending, byte(b))
						}
					}
					i += 2
				}
			case '*':
				top.star = true // an optional destination: skipped but for a nested row's end
			case '~':
				if !top.skip {
					emit(' ')
				}
			case '_':
				if !top.skip {
					emit('-')
				}
			case '\\', '{', '}':
				if !top.skip {
					emit(rune(c))
				}
			}
			continue
		}
		j := i
		for j < len(t) && isASCIILetter(t[j]) {
			j++
		}
		word := t[i:j]
		k := j
		if k < len(t) && (t[k] == '-' || isASCIIDigit(t[k])) {
			k++
			for k < len(t) && isASCIIDigit(t[k]) {
				k++
			}
		}
		n, hasN := 0, k > j
		if hasN {
			n, _ = strconv.Atoi(t[j:k])
		}
		if k < len(t) && t[k] == ' ' {
			k++ // the delimiter belongs to the control word
		}
		i = k
		if top.star {
			top.star = false
			if word == "annotation" { // a comment (批注): not on the page, but in the file
				flush()
				top.gone = true
				continue
			}
			if word != "nesttableprops" { // which holds \nestrow
				top.skip = true
				continue
			}
		}
		if rtfSkip[word] {
			top.skip = true
			if word == "pict" && len(st) > 1 && !st[len(st)-2].skip {
				emit(0x01) // a picture: counted at its paragraph's end
			}
			continue
		}
		if top.skip {
			continue
		}
		switch word {
		case "ansicpg":
			gbk = n == 936 || n == 54936
		case "deleted", "v":
			flush()
			top.gone = !hasN || n != 0
		case "plain":
			flush()
			top.gone = false
		case "uc":
			top.uc = n
		case "u":
			if n < 0 {
				n += 65536
			}
			emit(rune(n))
			skipNext = top.uc
		case "par", "sect", "page":
			d := 0
			if inTable {
				d = depth
			}
			mark(0x0D, docPap{depth: d})
		case "line", "tab", "emspace", "enspace":
			emit(' ')
		case "pard":
			inTable, depth = false, 1
		case "intbl":
			inTable = true
		case "itap":
			if hasN && n > 0 && n < 64 {
				depth = n
				inTable = n > 0
			}
		case "trowd":
			mergedUp, cellDefs, vmerged = nil, 0, false
		case "clvmrg":
			vmerged = true
		case "cellx":
			if vmerged && cellDefs < 64 {
				mergedUp = setAt(mergedUp, cellDefs)
			}
			cellDefs++
			vmerged = false
		case "cell":
			mark(0x07, docPap{depth: 1})
		case "row":
			mark(0x07, docPap{depth: 1, ttp: true, mergedUp: mergedUp})
			inTable = false
		case "nestcell":
			mark(0x0D, docPap{depth: max(depth, 2), innerCell: true})
		case "nestrow":
			mark(0x0D, docPap{depth: max(depth, 2), innerCell: true, innerTtp: true})
		}
	}
	flush()
	return docBuildLines(chars, paps, nil, gone, docStyleSheet{})
}

// looksRTF says a text is an RTF document.
func looksRTF(t string) bool { return strings.HasPrefix(strings.TrimLeft(t, " \t\r\n\ufeff"), `{\rtf`) }
