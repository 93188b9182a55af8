package report

import (
	"bytes"
	"encoding/json"
	"maps"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Cell is one number of a table. Blank and 0 are different facts: a blank cell
// is null in JSON, a cell that held something unreadable keeps its raw text so
// that CELL.INVALID can quote it. Sixteen bytes: a Row of seven is stored in a
// map's slot itself, not allocated apart (26 rows a report).
type Cell struct {
	n int64
	p *string // nil: blank; okMark: the number n; anything else: the text that is no number
}

// okMark marks a cell holding a number.
var okMark = new(string)

const (
	cellBlank uint8 = iota
	cellOK
	cellInvalid
)

// N returns a cell holding n.
func N(n int64) Cell { return Cell{n: n, p: okMark} }

// Invalid returns a cell whose text could not be read as a number.
func Invalid(raw string) Cell { return Cell{p: &raw} }

// Int returns the value and whether the cell holds one.
func (c Cell) Int() (int64, bool) { return c.n, c.p == okMark }

// Val returns the value, 0 for blank or invalid cells (checks say so in their message).
func (c Cell) Val() int64 {
	if c.p == okMark {
		return c.n
	}
	return 0
}

// Blank reports whether the source left the cell empty.
func (c Cell) Blank() bool { return c.p == nil }

// IsInvalid reports whether the cell held text that is not a number.
func (c Cell) IsInvalid() bool { return c.p != nil && c.p != okMark }

// Raw is the unreadable text of an invalid cell.
func (c Cell) Raw() string {
	if c.IsInvalid() {
		return *c.p
	}
	return ""
}

// state is the cell's kind, as packed (cellBlank, cellOK, cellInvalid).
func (c Cell) state() uint8 {
	switch {
	case c.p == nil:
		return cellBlank
	case c.p == okMark:
		return cellOK
	}
	return cellInvalid
}

// String is the cell as a table shows it: the number, or "" when blank.
func (c Cell) String() string {
	switch c.state() {
	case cellOK:
		return strconv.FormatInt(c.n, 10)
	case cellInvalid:
		return *c.p
	}
	return ""
}

func (c Cell) MarshalJSON() ([]byte, error) { return c.appendJSON(nil), nil }

// appendJSON appends the cell as JSON: the model is written cell by cell
// into one buffer, without an allocation each.
func (c Cell) appendJSON(dst []byte) []byte {
	if c.p != okMark {
		return append(dst, "null"...)
	}
	return strconv.AppendInt(dst, c.n, 10)
}

// Row is one row of 表三: the six applicant columns and 总计.
type Row [NumCols]Cell

// Amount is a decimal amount kept as text (万元 in 表二), never a float.
type Amount struct {
	text  string // canonical decimal, e.g. "0", "12.5"
	state uint8
	raw   string
}

var decimalRe = regexp.MustCompile(`^-?\d+(\.\d+)?$`)

// ParseAmount reads a decimal amount; "" gives a blank amount and anything that
// is not a plain decimal number an invalid one.
func ParseAmount(s string) Amount {
	s = strings.TrimSpace(s)
	if s == "" {
		return Amount{}
	}
	if len(s) <= 15 && canonical(s) {
		return Amount{text: s, state: cellOK} // most amounts: already as they would be written
	}
	// as typed with a Chinese input method (１．５) or with the column's
	// unit written out (1.5万元)
	t := strings.ReplaceAll(foldDigits(s), "．", ".")
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(t, "万元"), "万"))
	t = strings.ReplaceAll(t, ",", "")
	if !decimalRe.MatchString(t) {
		return Amount{state: cellInvalid, raw: s}
	}
	if significantDigits(t) > 15 {
		// a binary floating-point number printed to 17 or 20 digits
		// (Gnumeric's ssconvert writes 37.63 as 37.630000000000000001, a
		// program's float 48.619999999999997): no amount is written so,
		// and a double holds 15 digits for sure; it is the shortest
		// decimal that is the same double, as the sheet showed it
		if f, err := strconv.ParseFloat(t, 64); err == nil && !math.IsInf(f, 0) {
			t = strconv.FormatFloat(f, 'f', -1, 64)
		}
	}
	r, ok := new(big.Rat).SetString(t)
	if !ok {
		return Amount{state: cellInvalid, raw: s}
	}
	return Amount{text: canonicalDecimal(r, t), state: cellOK}
}

// significantDigits counts a decimal's digits from its first that is not 0.
func significantDigits(t string) int {
	n := 0
	for _, c := range []byte(t) {
		if c >= '1' && c <= '9' || c == '0' && n > 0 {
			n++
		}
	}
	return n
}

// canonical reports whether s is a decimal written as canonicalDecimal
// writes it: (0|[1-9][0-9]*)(\.[0-9]*[1-9])?
func canonical(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 1 && s[0] == '0' || i > 18 {
		return false
	}
	if i == len(s) {
		return true
	}
	if s[i] != '.' || i+1 == len(s) || s[len(s)-1] == '0' {
		return false
	}
	for _, c := range []byte(s[i+1:]) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func canonicalDecimal(r *big.Rat, t string) string {
	prec := 0
	if i := strings.IndexByte(t, '.'); i >= 0 {
		prec = len(t) - i - 1
	}
	s := r.FloatString(prec)
	if hasText(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// Text returns the decimal text and whether there is one.
func (a Amount) Text() (string, bool) { return a.text, a.state == cellOK }

// Blank reports whether the amount was left empty.
func (a Amount) Blank() bool { return a.state == cellBlank }

// IsInvalid reports whether the amount held text that is not a decimal.
func (a Amount) IsInvalid() bool { return a.state == cellInvalid }

// Raw is the unreadable text of an invalid amount.
func (a Amount) Raw() string { return a.raw }

// Negative reports whether a valid amount is below zero.
func (a Amount) Negative() bool { return a.state == cellOK && strings.HasPrefix(a.text, "-") }

func (a Amount) String() string {
	switch a.state {
	case cellOK:
		return a.text
	case cellInvalid:
		return a.raw
	}
	return ""
}

func (a Amount) MarshalJSON() ([]byte, error) { return a.appendJSON(nil), nil }

func (a Amount) appendJSON(dst []byte) []byte {
	if a.state != cellOK {
		return append(dst, "null"...)
	}
	return appendJSONString(dst, a.text)
}

// Proactive is 表二 of either format. Cells are addressed "item.cell", as in the
// JSON model ("rules.issued", "fees.amount_wan_yuan").
type Proactive struct {
	Cells   map[string]Cell
	Amounts map[string]Amount
}

// Cell returns the count at path ("rules.issued").
func (p *Proactive) Cell(path string) Cell { return p.Cells[path] }

// Amount returns the amount at path ("fees.amount_wan_yuan").
func (p *Proactive) Amount(path string) Amount { return p.Amounts[path] }

// Set stores a count.
func (p *Proactive) Set(path string, c Cell) {
	if p.Cells == nil {
		p.Cells = map[string]Cell{}
	}
	p.Cells[path] = c
}

// SetAmount stores an amount.
func (p *Proactive) SetAmount(path string, a Amount) {
	if p.Amounts == nil {
		p.Amounts = map[string]Amount{}
	}
	p.Amounts[path] = a
}

// Appeals is 表四: three blocks of five cells.
type Appeals [3][5]Cell

// Severity of a finding.
type Severity string

const (
	SevError   Severity = "error"
	SevWarning Severity = "warning"
	SevInfo    Severity = "info"
)

// Finding is one result of a check.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Cell     string   `json:"cell,omitempty"`
	Message  string   `json:"message"`
	Line     int      `json:"line,omitempty"`
}

// Report is one agency's annual report for one year.
type Report struct {
	Agency   string
	Year     int
	Level    Level
	Format   Format
	Title    string            // the document title as written, when known
	Sections map[string]string // "1".."6": narrative of 一、五、六; heading text of 二–四

	Proactive    Proactive
	Applications map[string]Row // keyed by T3Row.Key
	Appeals      Appeals

	Findings []Finding

	// Meta is what the reader learnt about where things are; never serialised.
	Meta Meta

	// yearCells is what a reduced report (CrossYear) kept of its tables:
	// YearCells, for X.SAME_YEAR
	yearCells string
}

// Meta records source positions and reading problems, for findings.
type Meta struct {
	Lines     map[string]int  // model path (section key, row key, "appeals") → source line
	Ambiguous map[string]bool // cells left null because several readings fit
	Parse     []Finding       // findings raised while reading (PARSE.*, S.MISSING …)
	Tables    map[string]bool // which of "2","3","4" were found and read
	// Unreadable tables were found but not read; their cells are null
	// (PARSE.TABLE), which is not the same as missing (S.MISSING).
	Unreadable map[string]bool
	// Instead holds the words a report wrote where a table should be and
	// is not (本年度未发生…案件), by table key; S.MISSING quotes them
	Instead map[string]string
	Source  string // file name, for messages
	// Part is which report of a compilation this is, of Parts, starting at
	// the file's line PartLine (ReadAll); 0 for a file of one report
	Part, Parts, PartLine int
	Parsed                bool // read from a published text (headings of 二–四 expected)
	// Empty says nothing of a report was found in a published text: no
	// section heading, no table; Attachment is a file name the text names
	// instead (a page that only links to the report), or that a page's
	// markup embeds or links to (an <iframe> of a PDF viewer, a download
	// link); Scripted says such a page had neither but scripts, which may
	// fill it in a browser
	Empty      bool
	Attachment string
	Scripted   bool
	Order      []string // section keys in the order they were found
	// Flattened says the text was a page that lost its line breaks: a
	// space between two Chinese characters there stands for a lost break
	Flattened bool
	// Scrambled says the text's order is not the page's (a page of text
	// boxes): its tables are unread, and the text is not checked
	Scrambled bool
	// TablesOnly says the file is a workbook of the tables alone, without
	// the report's text: sections 一、五、六 are not missing from it
	TablesOnly bool
	// Prose says the text has sentences (three 。 or more): some narrative
	// is there, whether its headings were found or not
	Prose bool
	// OCR says the text is an OCR's (a scanned PDF's text layer, or a text
	// whose tables' rules were read as "|"): its digits may be misread, so
	// the tables' arithmetic findings say so
	OCR bool
}

// NewReport returns an empty report of the format, every cell blank.
func NewReport(f Format) *Report {
	r := &Report{Format: f, Sections: make(map[string]string, len(Sections))}
	if f == Format2019 {
		r.Applications = maps.Clone(blankApplications2019)
	} else {
		r.Applications = maps.Clone(blankApplications2021)
	}
	r.Meta.Tables = map[string]bool{"2": true, "3": true, "4": true}
	return r
}

// blankApplications are 表三's rows of a format, every cell blank; the
// auditor makes one for every file, and cloning a made map copies its table
// instead of hashing each row's key again.
var blankApplications2021, blankApplications2019 = blankApplications(Format2021), blankApplications(Format2019)

func blankApplications(f Format) map[string]Row {
	rows := f.T3Rows()
	m := make(map[string]Row, len(rows))
	for _, row := range rows {
		m[row.Key] = Row{}
	}
	return m
}

// Zero fills every blank cell with 0: the skeleton a clerk starts from.
func (r *Report) Zero() {
	for _, it := range r.Format.T2Items() {
		for i, c := range it.Cells {
			p := it.Key + "." + c
			if len(it.Money) > i && it.Money[i] {
				if r.Proactive.Amount(p).Blank() {
					r.Proactive.SetAmount(p, ParseAmount("0"))
				}
			} else if r.Proactive.Cell(p).Blank() {
				r.Proactive.Set(p, N(0))
			}
		}
	}
	for _, row := range r.Format.T3Rows() {
		v := r.Applications[row.Key]
		for i := range v {
			if v[i].Blank() {
				v[i] = N(0)
			}
		}
		r.Applications[row.Key] = v
	}
	for b := range r.Appeals {
		for c := range r.Appeals[b] {
			if r.Appeals[b][c].Blank() {
				r.Appeals[b][c] = N(0)
			}
		}
	}
}

// Line returns the source line recorded for a model path, 0 when unknown.
func (r *Report) Line(path string) int { return r.Meta.Lines[path] }

func (r *Report) setLine(path string, line int) {
	if r.Meta.Lines == nil {
		r.Meta.Lines = map[string]int{}
	}
	if _, ok := r.Meta.Lines[path]; !ok {
		r.Meta.Lines[path] = line
	}
}

// MarshalJSON writes the JSON model of report-model.md §1, keys in template order.
func (r *Report) MarshalJSON() ([]byte, error) {
	b := new(bytes.Buffer)
	b.Grow(r.modelSize())
	r.modelJSON(b)
	b.Truncate(b.Len() - 1) // reopen the object for its findings
	b.WriteString(`,"findings":`)
	WriteFindingsJSON(b, r.Findings)
	b.WriteByte('}')
	return b.Bytes(), nil
}

// ModelJSON is the report's JSON object without its findings: the auditor
// keeps it while the cross-year rules of a directory wait for a report's
// predecessor, then writes the findings after it.
func (r *Report) ModelJSON() []byte {
	// written in a buffer used again, then kept in a copy of its size: one
	// allocation, no slack kept
	b := modelBufs.Get().(*bytes.Buffer)
	b.Reset()
	b.Grow(r.modelSize())
	r.modelJSON(b)
	out := bytes.Clone(b.Bytes())
	if b.Cap() <= 1<<20 {
		modelBufs.Put(b)
	}
	return out
}

var modelBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// modelSize is about what modelJSON writes: the tables take about 1.6 KB,
// the sections as long as they are.
func (r *Report) modelSize() int {
	n := 2 << 10
	for _, t := range r.Sections {
		n += len(t) + len(t)/8
	}
	return n
}

// WriteFindingsJSON writes findings as the JSON array MarshalJSON writes.
func WriteFindingsJSON(b *bytes.Buffer, fs []Finding) {
	if fs == nil {
		b.WriteString("[]")
		return
	}
	writeFindings(b, fs)
}

var t3ColumnsJSON, _ = json.Marshal(T3Columns)

func (r *Report) modelJSON(b *bytes.Buffer) {
	w := func(s string) { b.WriteString(s) }
	// the values written by hand: encoding/json's reflection was a tenth of
	// an audit of a directory (JSON Lines); typed, as boxing each string and
	// cell allocated
	str := func(v string) { b.Write(appendJSONString(b.AvailableBuffer(), v)) }
	w(`{"agency":`)
	if r.Agency == "" {
		w("null")
	} else {
		str(r.Agency)
	}
	w(`,"year":`)
	if r.Year == 0 {
		w("null")
	} else {
		b.Write(strconv.AppendInt(b.AvailableBuffer(), int64(r.Year), 10))
	}
	w(`,"format":`)
	str(string(r.Format))
	if r.Level != "" {
		w(`,"level":`)
		str(string(r.Level))
	}
	if r.Title != "" {
		w(`,"title":`)
		str(r.Title)
	}
	w(`,"sections":{`)
	first := true
	for _, s := range Sections {
		t, ok := r.Sections[s.Key]
		if !ok {
			continue
		}
		if !first {
			w(",")
		}
		first = false
		str(s.Key)
		w(":")
		str(t)
	}
	w("}")
	if r.Format == Format2019 {
		w(`,"proactive_2019":`)
	} else {
		w(`,"proactive":`)
	}
	writeNested(b, r.Format.T2Items(), r)
	w(`,"applications":{"columns":`)
	b.Write(t3ColumnsJSON)
	writeT3(b, r)
	w(`},"appeals":{`)
	for i, blk := range T4Blocks {
		if i > 0 {
			w(",")
		}
		str(blk.Key)
		w(":{")
		for j, c := range T4Columns {
			if j > 0 {
				w(",")
			}
			str(c)
			w(":")
			b.Write(r.Appeals[i][j].appendJSON(b.AvailableBuffer()))
		}
		w("}")
	}
	w("}}")
}

func writeNested(b *bytes.Buffer, items []T2Item, r *Report) {
	b.WriteString("{")
	for i, it := range items {
		if i > 0 {
			b.WriteString(",")
		}
		b.Write(appendJSONString(b.AvailableBuffer(), it.Key))
		b.WriteString(":{")
		for k, c := range it.Cells {
			if k > 0 {
				b.WriteString(",")
			}
			b.Write(appendJSONString(b.AvailableBuffer(), c))
			b.WriteString(":")
			p := it.Key + "." + c
			if len(it.Money) > k && it.Money[k] {
				b.Write(r.Proactive.Amount(p).appendJSON(b.AvailableBuffer()))
			} else {
				b.Write(r.Proactive.Cell(p).appendJSON(b.AvailableBuffer()))
			}
		}
		b.WriteString("}")
	}
	b.WriteString("}")
}

func writeT3(b *bytes.Buffer, r *Report) {
	parts := t3JSONParts2021
	if r.Format == Format2019 {
		parts = t3JSONParts2019
	}
	for i, row := range r.Format.T3Rows() {
		b.WriteString(parts.before[i])
		cells := r.Applications[row.Key]
		for k, c := range cells {
			if k > 0 {
				b.WriteByte(',')
			}
			b.Write(c.appendJSON(b.AvailableBuffer()))
		}
		b.WriteByte(']')
	}
	b.WriteString(parts.end)
}

// t3JSONParts is what writeT3 writes around each row's cells: the keys, the
// groups' braces ("other":{…}), the commas. Made once per format from its
// rows, as the row keys nest them.
type t3JSONParts struct {
	before []string // before row i's cells, up to its "["
	end    string   // after the last row: the open group's brace
}

var t3JSONParts2021, t3JSONParts2019 = makeT3JSONParts(Format2021), makeT3JSONParts(Format2019)

func makeT3JSONParts(f Format) t3JSONParts {
	var p t3JSONParts
	group := ""
	for _, row := range f.T3Rows() {
		var b strings.Builder
		parent, leaf, nested := strings.Cut(row.Key, ".")
		if !nested {
			leaf = parent
			parent = ""
		}
		if parent != group {
			if group != "" {
				b.WriteString("}")
			}
			if parent != "" {
				b.WriteString(`,"` + parent + `":{`)
			}
			group = parent
		} else if parent != "" {
			b.WriteString(",")
		}
		if parent == "" {
			b.WriteString(",")
		}
		b.WriteString(`"` + leaf + `":[`)
		p.before = append(p.before, b.String())
	}
	if group != "" {
		p.end = "}"
	}
	return p
}

// Counts returns the error, warning and info counts of the findings.
func (r *Report) Counts() (errs, warns, infos int) {
	for _, f := range r.Findings {
		switch f.Severity {
		case SevError:
			errs++
		case SevWarning:
			warns++
		default:
			infos++
		}
	}
	return
}

func writeFindings(b *bytes.Buffer, fs []Finding) {
	b.WriteByte('[')
	for i, f := range fs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"rule":`)
		b.Write(appendJSONString(b.AvailableBuffer(), f.Rule))
		b.WriteString(`,"severity":`)
		b.Write(appendJSONString(b.AvailableBuffer(), string(f.Severity)))
		if f.Cell != "" {
			b.WriteString(`,"cell":`)
			b.Write(appendJSONString(b.AvailableBuffer(), f.Cell))
		}
		b.WriteString(`,"message":`)
		b.Write(appendJSONString(b.AvailableBuffer(), f.Message))
		if f.Line != 0 {
			b.WriteString(`,"line":`)
			b.Write(strconv.AppendInt(b.AvailableBuffer(), int64(f.Line), 10))
		}
		b.WriteByte('}')
	}
	b.WriteByte(']')
}

// appendJSONString appends s as encoding/json writes a string: quoted, with
// control characters, <, > and & escaped, and U+2028/U+2029 too; invalid
// UTF-8 becomes U+FFFD.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		if (c >= 0xE3 && c <= 0xEC || c == 0xEE || c == 0xEF) && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3 // a valid three-byte character that needs no escape (CJK): not decoded
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
