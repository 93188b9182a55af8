package report

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// wordNumbering gives back the numbers Word draws before automatically
// numbered paragraphs ("一、" before 总体情况, "1." before a row label):
// document.xml holds only the paragraph's text and a reference to a list
// in numbering.xml, directly or through the paragraph's style.
type wordNumbering struct {
	abstract map[string]*[maxLevels]numLevel // abstractNumId → its levels
	nums     map[string]*numInstance         // numId → its list
	styles   map[string]*paraNum             // styleId → the list its paragraphs are in, and the style it is based on
	counters map[string]*numCounter          // a list's current numbers
}

// maxLevels is Word's number of list levels.
const maxLevels = 9

// maxLvlText bounds a level's number text ("%1、", "第%1章"), in bytes.
const maxLvlText = 64

type numLevel struct {
	start int
	fmt   string // numFmt: decimal, chineseCounting, bullet …
	text  string // lvlText: "%1、", "（%2）", "%1.%2"
	bare  bool   // suff "nothing": the text follows the number at once (else a tab, read as a space)
	set   bool
}

type numInstance struct {
	abstract string
	starts   map[int]int // startOverride by level: the list starts again
}

type numCounter struct {
	n       [maxLevels]int
	started [maxLevels]bool
}

// readWordNumbering reads numbering.xml and styles.xml (either may be
// missing: nil readers); nil when there is no numbering at all.
func readWordNumbering(numbering, styles io.Reader) *wordNumbering {
	if numbering == nil {
		return nil
	}
	w := &wordNumbering{abstract: map[string]*[maxLevels]numLevel{}, nums: map[string]*numInstance{},
		styles: map[string]*paraNum{}, counters: map[string]*numCounter{}}
	w.readNumbering(numbering)
	if styles != nil {
		w.readStyles(styles)
	}
	if len(w.nums) == 0 {
		return nil
	}
	return w
}

// listLevel reads a list level (ilvl: 0 to 8) where there is one (ok).
func listLevel(s string, ok bool) (int, bool) {
	n, err := strconv.Atoi(s)
	if !ok || err != nil || n < 0 || n >= maxLevels {
		return 0, false
	}
	return n, true
}

func attr(t xml.StartElement, local string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

func (w *wordNumbering) readNumbering(r io.Reader) {
	dec := xml.NewDecoder(r)
	var levels *[maxLevels]numLevel
	lvl := -1
	var num *numInstance // the w:num being read
	override := -1
	for {
		tok, err := dec.Token()
		if err != nil {
			return // what was read is kept: a damaged part numbers less, never fails the file
		}
		switch t := tok.(type) {
		case xml.StartElement:
			val, _ := attr(t, "val")
			switch t.Name.Local {
			case "abstractNum":
				id, _ := attr(t, "abstractNumId")
				levels = &[maxLevels]numLevel{}
				w.abstract[id] = levels
				num = nil
			case "lvl":
				lvl = -1
				if n, ok := listLevel(attr(t, "ilvl")); ok {
					lvl = n
				}
				if levels != nil && lvl >= 0 && num == nil {
					levels[lvl] = numLevel{start: 1, set: true}
				}
			case "start":
				if n, err := strconv.Atoi(val); err == nil && levels != nil && lvl >= 0 && num == nil {
					levels[lvl].start = n
				}
			case "numFmt":
				if levels != nil && lvl >= 0 && num == nil {
					levels[lvl].fmt = val
				}
			case "suff":
				if levels != nil && lvl >= 0 && num == nil {
					levels[lvl].bare = val == "nothing"
				}
			case "lvlText":
				if levels != nil && lvl >= 0 && num == nil && len(val) <= maxLvlText {
					// a longer one is no list number a report uses: left out,
					// so that a hostile file cannot make each paragraph huge
					levels[lvl].text = val
				}
			case "num":
				id, _ := attr(t, "numId")
				num = &numInstance{}
				w.nums[id] = num
				levels = nil
			case "abstractNumId":
				if num != nil {
					num.abstract = val
				}
			case "lvlOverride":
				override = -1
				if n, ok := listLevel(attr(t, "ilvl")); ok {
					override = n
				}
			case "startOverride":
				if n, err := strconv.Atoi(val); err == nil && num != nil && override >= 0 {
					if num.starts == nil {
						num.starts = map[int]int{}
					}
					num.starts[override] = n
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "abstractNum":
				levels = nil
			case "num":
				num = nil
			}
		}
	}
}

// readStyles reads which paragraph styles are numbered (a heading style
// tied to a list, as templates have them).
func (w *wordNumbering) readStyles(r io.Reader) {
	dec := xml.NewDecoder(r)
	var cur *paraNum // the style being read
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		t, ok := tok.(xml.StartElement)
		if !ok {
			if e, ok := tok.(xml.EndElement); ok && e.Name.Local == "style" {
				cur = nil
			}
			continue
		}
		val, _ := attr(t, "val")
		if t.Name.Local == "style" {
			id, _ := attr(t, "styleId")
			cur = &paraNum{}
			w.styles[id] = cur
			continue
		}
		if cur != nil {
			cur.read(t.Name.Local, val)
		}
	}
}

// paraNum is what a paragraph's properties say of its numbering, or a
// style's (style is then the style it is based on).
type paraNum struct {
	style, numID string
	ilvl         int
	hasIlvl      bool
}

// read takes in one property element of a paragraph (pStyle) or of a style
// (basedOn) with its val.
func (p *paraNum) read(name, val string) {
	switch name {
	case "pStyle", "basedOn":
		p.style = val
	case "numId":
		p.numID = val
	case "ilvl":
		p.ilvl, p.hasIlvl = listLevel(val, true)
	}
}

// label is the number Word draws before a paragraph, and counts it; "" for
// a paragraph in no list, or a bullet.
func (w *wordNumbering) label(p paraNum) string {
	if w == nil {
		return ""
	}
	numID, ilvl := p.numID, p.ilvl
	if numID == "" || !p.hasIlvl {
		// from the style, or the style it is based on (a few steps at most)
		s := p.style
		for i := 0; i < 8 && s != ""; i++ {
			ref, ok := w.styles[s]
			if !ok {
				break
			}
			if numID == "" && ref.numID != "" {
				numID = ref.numID
			}
			if !p.hasIlvl && ref.hasIlvl {
				ilvl, p.hasIlvl = ref.ilvl, true
			}
			s = ref.style
		}
	}
	in, ok := w.nums[numID]
	if !ok || numID == "0" {
		return ""
	}
	levels := w.abstract[in.abstract]
	if levels == nil || !levels[ilvl].set {
		return ""
	}
	key := "a" + in.abstract
	if len(in.starts) > 0 {
		key = "n" + numID // a list started again: its own count
	}
	c := w.counters[key]
	if c == nil {
		c = &numCounter{}
		w.counters[key] = c
	}
	start := func(l int) int {
		if s, ok := in.starts[l]; ok {
			return s
		}
		return levels[l].start
	}
	for l := 0; l < ilvl; l++ {
		if !c.started[l] {
			c.n[l], c.started[l] = start(l), true
		}
	}
	if c.started[ilvl] {
		c.n[ilvl]++
	} else {
		c.n[ilvl], c.started[ilvl] = start(ilvl), true
	}
	for l := ilvl + 1; l < maxLevels; l++ {
		c.started[l] = false
	}
	lv := levels[ilvl]
	if lv.fmt == "bullet" {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(lv.text); i++ {
		if lv.text[i] == '%' && i+1 < len(lv.text) && lv.text[i+1] >= '1' && lv.text[i+1] <= '9' {
			l := int(lv.text[i+1] - '1')
			b.WriteString(formatListNumber(c.n[l], levels[l].fmt))
			i++
			continue
		}
		b.WriteByte(lv.text[i])
	}
	if !lv.bare && b.Len() > 0 {
		// Word's tab (or space) after the number: "一 总体情况" reads as a
		// heading where "一总体情况" would not
		b.WriteByte(' ')
	}
	return b.String()
}

// formatListNumber writes n in one of Word's number formats; the ones a
// Chinese report uses are exact, others fall back to decimal.
func formatListNumber(n int, format string) string {
	switch format {
	case "none":
		return ""
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "ideographLegalTraditional", "taiwaneseCounting", "taiwaneseCountingThousand":
		if n >= 0 {
			return cnNumeral(n) // 零 … 九十九, then digits: list numbers go no further
		}
	case "ideographTraditional":
		if n >= 1 && n <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[n-1])
		}
	case "ideographZodiac":
		if n >= 1 && n <= 12 {
			return string([]rune("子丑寅卯辰巳午未申酉戌亥")[n-1])
		}
	case "decimalFullWidth", "decimalFullWidth2":
		var b strings.Builder
		for _, r := range strconv.Itoa(n) {
			b.WriteRune(r - '0' + '０')
		}
		return b.String()
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	case "lowerLetter", "upperLetter":
		if n >= 1 {
			s := string(rune('a' + (n-1)%26))
			s = strings.Repeat(s, (n-1)/26+1)
			if format == "upperLetter" {
				s = strings.ToUpper(s)
			}
			return s
		}
	case "lowerRoman", "upperRoman":
		if n >= 1 && n < 4000 {
			s := roman(n)
			if format == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
