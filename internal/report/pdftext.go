package report

import (
	"strings"

	"github.com/ledongthuc/pdf"
)

// pdfGlyphs walks a page's content stream for the text it draws, each
// character with its place, as pdf.Page.Content does but for one thing:
// Content decodes a "\n" through the font after every TJ array as a line
// mark, and in the subset fonts LibreOffice and WPS write, code 0x0A is a
// character (a stray 政 after a line, a "." after a number). The text state
// follows the PDF reference (9.3, 9.4); widths, as in Content, come from the
// simple fonts' Widths (one byte to a character).
func pdfGlyphs(p pdf.Page) (out []pdf.Text) {
	if p.V.IsNull() || p.V.Key("Contents").Kind() == pdf.Null {
		return nil
	}
	type font struct {
		f    pdf.Font
		enc  pdf.TextEncoding
		name string
	}
	fonts := map[string]*font{}
	type state struct {
		tc, tw, th, tl, trise, tfs float64
		tf                         *font
		ctm                        pdfMatrix
	}
	g := state{th: 1, ctm: pdfIdentity}
	var stack []state
	var tm, tlm pdfMatrix
	show := func(s string) {
		if g.tf == nil || len(out) > MaxInput {
			return
		}
		n := 0
		for _, ch := range g.tf.enc.Decode(s) {
			var w0 float64
			if n < len(s) {
				w0 = g.tf.f.Width(int(s[n]))
			}
			n++
			trm := pdfMatrix{{g.tfs * g.th, 0, 0}, {0, g.tfs, 0}, {0, g.trise, 1}}.mul(tm).mul(g.ctm)
			out = append(out, pdf.Text{Font: g.tf.name, FontSize: trm[0][0], X: trm[2][0], Y: trm[2][1], W: w0 / 1000 * trm[0][0], S: string(ch)})
			tx := w0/1000*g.tfs + g.tc
			if ch == ' ' {
				tx += g.tw
			}
			tm = pdfTranslate(tx*g.th, 0).mul(tm)
		}
	}
	nextLine := func() {
		tlm = pdfTranslate(0, -g.tl).mul(tlm)
		tm = tlm
	}
	pdf.Interpret(p.V.Key("Contents"), func(stk *pdf.Stack, op string) {
		n := stk.Len()
		args := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < 64 {
				stack = append(stack, g)
			}
		case "Q":
			if k := len(stack); k > 0 {
				g, stack = stack[k-1], stack[:k-1]
			}
		case "cm":
			if len(args) == 6 {
				g.ctm = pdfMatrix{{num(0), num(1), 0}, {num(2), num(3), 0}, {num(4), num(5), 1}}.mul(g.ctm)
			}
		case "BT":
			tm, tlm = pdfIdentity, pdfIdentity
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.trise = num(0)
		case "Tf":
			if len(args) != 2 {
				return
			}
			name := args[0].Name()
			f, ok := fonts[name]
			if !ok && len(fonts) < 256 {
				pf := p.Font(name)
				base := pf.BaseFont()
				if i := strings.Index(base, "+"); i >= 0 {
					base = base[i+1:]
				}
				f = &font{f: pf, enc: pf.Encoder(), name: base}
				fonts[name] = f
			}
			g.tf, g.tfs = f, num(1)
		case "Td", "TD":
			if op == "TD" {
				g.tl = -num(1)
			}
			tlm = pdfTranslate(num(0), num(1)).mul(tlm)
			tm = tlm
		case "Tm":
			if len(args) == 6 {
				tlm = pdfMatrix{{num(0), num(1), 0}, {num(2), num(3), 0}, {num(4), num(5), 1}}
				tm = tlm
			}
		case "T*":
			nextLine()
		case "Tj":
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "'":
			if len(args) == 1 {
				nextLine()
				show(args[0].RawString())
			}
		case "\"":
			if len(args) == 3 {
				g.tw, g.tc = num(0), num(1)
				nextLine()
				show(args[2].RawString())
			}
		case "TJ":
			if len(args) != 1 {
				return
			}
			v := args[0]
			for i := 0; i < v.Len(); i++ {
				if x := v.Index(i); x.Kind() == pdf.String {
					show(x.RawString())
				} else {
					tm = pdfTranslate(-x.Float64()/1000*g.tfs*g.th, 0).mul(tm)
				}
			}
		}
	})
	return out
}

// pdfMatrix is a PDF transformation matrix (row vectors: [x y 1]·M).
type pdfMatrix [3][3]float64

var pdfIdentity = pdfMatrix{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}

func pdfTranslate(x, y float64) pdfMatrix { return pdfMatrix{{1, 0, 0}, {0, 1, 0}, {x, y, 1}} }

func (x pdfMatrix) mul(y pdfMatrix) pdfMatrix {
	var z pdfMatrix
	for i := range 3 {
		for j := range 3 {
			for k := range 3 {
				z[i][j] += x[i][k] * y[k][j]
			}
		}
	}
	return z
}
