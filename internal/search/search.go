// Package search turns Chinese text into the tokens the catalog's full-text
// index holds, the same way for documents and queries: runs of Han
// characters become overlapping bigrams (招生通知 → 招生 生通 通知), so that the
// two-character words most Chinese queries are (招生, 学区) are found; Latin
// letters and digits become lower-cased words; full-width forms are folded to
// half-width first. SQLite indexes the tokens with FTS5 (unicode61, which
// splits on the spaces between them), PostgreSQL with to_tsvector('simple')
// and a GIN index: neither engine's own parser cuts Chinese into words.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"gongkai/internal/guard"
)

// MaxQueryRunes bounds a query: a longer one is cut (its tokens would all
// have to be adjacent anyway).
const MaxQueryRunes = 64

// fold maps full-width ASCII forms to half-width and upper case to lower.
func fold(r rune) rune { return guard.Fold(r) }

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func isWord(r rune) bool {
	return r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') || unicode.IsLetter(r) && !isHan(r)
}

// Tokens cuts text into index tokens, in order. A lone Han character
// (a run of one) is kept as itself.
func Tokens(text string) []string {
	out := make([]string, 0, utf8.RuneCountInString(text))
	var han []rune
	var word strings.Builder
	flushHan := func() {
		switch len(han) {
		case 0:
		case 1:
			out = append(out, string(han))
		default:
			for i := 0; i+1 < len(han); i++ {
				out = append(out, string(han[i:i+2]))
			}
		}
		han = han[:0]
	}
	flushWord := func() {
		if word.Len() > 0 {
			out = append(out, word.String())
			word.Reset()
		}
	}
	for _, r := range text {
		r = fold(r)
		switch {
		case isHan(r):
			flushWord()
			han = append(han, r)
		case isWord(r):
			flushHan()
			word.WriteRune(r)
		default:
			flushHan()
			flushWord()
		}
	}
	flushHan()
	flushWord()
	return out
}

// Index is the token column of a document: its tokens joined by spaces.
func Index(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		for _, t := range Tokens(p) {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(t)
		}
	}
	return b.String()
}

// Query is a parsed search: phrases that must all occur (a space in the
// query separates them), each a run of adjacent tokens.
type Query struct {
	Phrases [][]string
	// Single holds one-character Han terms: no bigram contains them alone,
	// so the store matches them with LIKE on the title and summary.
	Single []string
}

// Parse reads what a person typed into the search box.
func Parse(q string) Query {
	if utf8.RuneCountInString(q) > MaxQueryRunes {
		q = string([]rune(q)[:MaxQueryRunes])
	}
	var out Query
	for _, part := range strings.FieldsFunc(q, func(r rune) bool { return unicode.IsSpace(r) || r == 0x3000 }) {
		toks := Tokens(part)
		if len(toks) == 1 && utf8.RuneCountInString(toks[0]) == 1 && isHan([]rune(toks[0])[0]) {
			out.Single = append(out.Single, toks[0])
			continue
		}
		// a part with punctuation inside yields several runs; they are kept
		// as one phrase only when they were one run
		if len(toks) > 0 {
			out.Phrases = append(out.Phrases, toks)
		}
	}
	return out
}

// Empty reports whether the query has nothing to search for.
func (q Query) Empty() bool { return len(q.Phrases) == 0 && len(q.Single) == 0 }

// FTS5 is the query as an SQLite FTS5 MATCH expression: each phrase quoted
// (tokens hold no quotes: they are letters, digits and Han only).
func (q Query) FTS5() string {
	parts := make([]string, 0, len(q.Phrases))
	for _, p := range q.Phrases {
		parts = append(parts, `"`+strings.Join(p, " ")+`"`)
	}
	return strings.Join(parts, " AND ")
}

// TSQuery is the query as a PostgreSQL tsquery text for
// to_tsquery('simple', …): adjacent tokens joined with <->.
func (q Query) TSQuery() string { return q.TSQueryIn("") }

// TSQueryIn is TSQuery with each token restricted to the tsvector weights
// given ("AB": the text, not the filter tokens stored with weight D).
func (q Query) TSQueryIn(weights string) string {
	suffix := ""
	if weights != "" {
		suffix = ":" + weights
	}
	parts := make([]string, 0, len(q.Phrases))
	for _, p := range q.Phrases {
		toks := make([]string, len(p))
		for i, t := range p {
			toks[i] = t + suffix
		}
		parts = append(parts, "("+strings.Join(toks, " <-> ")+")")
	}
	return strings.Join(parts, " & ")
}

// Highlight marks the query's terms in text for display: it returns the
// text cut into pieces, odd ones being matches. Matching is on the folded
// text, so a full-width query finds half-width text.
func Highlight(text string, q Query) []string {
	var terms []string
	for _, p := range q.Phrases {
		terms = append(terms, phraseText(p))
	}
	terms = append(terms, q.Single...)
	if len(terms) == 0 || text == "" {
		return []string{text}
	}
	rs := []rune(text)
	folded := make([]rune, len(rs))
	for i, r := range rs {
		folded[i] = fold(r)
	}
	mark := make([]bool, len(rs))
	for _, t := range terms {
		tr := []rune(t)
		for i := 0; i+len(tr) <= len(folded); i++ {
			if string(folded[i:i+len(tr)]) == t {
				for j := i; j < i+len(tr); j++ {
					mark[j] = true
				}
			}
		}
	}
	var out []string
	start, in := 0, false
	for i := 0; i <= len(rs); i++ {
		m := i < len(rs) && mark[i]
		if i == len(rs) || m != in {
			out = append(out, string(rs[start:i]))
			start, in = i, m
		}
	}
	return out
}

// phraseText rebuilds the text a phrase of bigrams was cut from.
func phraseText(p []string) string {
	if len(p) == 0 {
		return ""
	}
	rs := []rune(p[0])
	if len(rs) == 2 && isHan(rs[0]) {
		var b strings.Builder
		b.WriteString(p[0])
		for _, t := range p[1:] {
			tr := []rune(t)
			if len(tr) != 2 || !isHan(tr[0]) {
				return strings.Join(p, "")
			}
			b.WriteRune(tr[1])
		}
		return b.String()
	}
	return strings.Join(p, "")
}
