package report_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gongkai/internal/report"
	"gongkai/internal/testdoc"
)

// ofdOf lays a report out as an OFD (GB/T 33190) does, as our own writer:
// no OFD producer runs here. The report's text as agencies paste it (cells
// between tabs) is set on landscape A4 pages of 36 lines: a line's cells at
// fixed columns (the label's pieces at 15, 45 and 75 mm, the numbers from
// 185 mm, 14 mm apart; 表四's fifteen 18 mm apart), each cell a TextObject of
// 3 mm characters (a digit 1.5 mm),
// advanced by DeltaX (with OFD's "g" for runs of equal widths), "ofd:"
// names as producers write them.
func ofdOf(t testing.TB, r *report.Report) []byte { return ofdStyled(t, r, false) }

// ofdStyled is ofdOf; lineObjects lays it out as other producers may, within
// the standard: a line one TextObject whose cells are TextCodes, each after
// the first leaving out its Y (GB/T 33190 §11.3: a TextCode without X or Y
// takes the previous one's), the pages' BaseLoc absolute ("/Doc_0/Pages/…",
// from the package's root), and the text inside a PageBlock.
func ofdStyled(t testing.TB, r *report.Report, lineObjects bool) []byte {
	var text strings.Builder
	renderText(t, &text, r)
	const size, lead, top, perPage = 3.0, 5.0, 20.0, 36
	xs := func(k, n int) float64 {
		switch {
		case n >= 12: // 表四: fifteen cells across
			return 15 + 18*float64(k)
		case k < 3:
			return 15 + 30*float64(k)
		}
		return 185 + 14*float64(k-3) // after the longest label (34 characters)
	}
	lines := strings.Split(text.String(), "\n")
	var pages [][]string
	for len(lines) > 0 {
		n := min(perPage, len(lines))
		pages, lines = append(pages, lines[:n]), lines[n:]
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + body))
	}
	add("OFD.xml", `<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`)
	var list strings.Builder
	for i := range pages {
		loc := fmt.Sprintf("Pages/Page_%d/Content.xml", i)
		if lineObjects {
			loc = "/Doc_0/" + loc
		}
		fmt.Fprintf(&list, `<ofd:Page ID="%d" BaseLoc="%s"/>`, i+10, loc)
	}
	add("Doc_0/Document.xml", `<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>`+list.String()+`</ofd:Pages></ofd:Document>`)
	id := 100
	for p, page := range pages {
		var objs strings.Builder
		for ln, line := range page {
			cells := strings.Split(line, "\t")
			var codes strings.Builder // the line's cells, as TextCodes of one TextObject
			for k, cell := range cells {
				cell = strings.TrimSpace(cell)
				if cell == "" {
					continue
				}
				var deltas []string
				var w float64
				prev, n := "", 0
				flush := func() {
					if n > 2 {
						deltas = append(deltas, fmt.Sprintf("g %d %s", n, prev))
						return
					}
					for range n {
						deltas = append(deltas, prev)
					}
				}
				rs := []rune(cell)
				for i, c := range rs {
					cw := size
					if c < 0x2E80 {
						cw = size / 2
					}
					w += cw
					if i == len(rs)-1 {
						break // the last character's advance is not given
					}
					if d := fmt.Sprint(cw); d != prev {
						flush()
						prev, n = d, 0
					}
					n++
				}
				flush()
				if lineObjects {
					y := ""
					if codes.Len() == 0 {
						y = fmt.Sprintf(` Y="%g"`, size)
					}
					fmt.Fprintf(&codes, `<ofd:TextCode X="%.2f"%s DeltaX="%s">%s</ofd:TextCode>`, xs(k, len(cells))-10, y, strings.Join(deltas, " "), xmlEscape(cell))
					continue
				}
				id++
				fmt.Fprintf(&objs, `<ofd:TextObject ID="%d" Boundary="%.2f %.2f %.2f %.2f" Font="3" Size="%g"><ofd:TextCode X="0" Y="%g" DeltaX="%s">%s</ofd:TextCode></ofd:TextObject>`,
					id, xs(k, len(cells)), top+float64(ln)*lead, w, size*1.2, size, size, strings.Join(deltas, " "), xmlEscape(cell))
			}
			if codes.Len() > 0 {
				id++
				fmt.Fprintf(&objs, `<ofd:TextObject ID="%d" Boundary="10 %.2f 400 %.2f" Font="3" Size="%g">%s</ofd:TextObject>`,
					id, top+float64(ln)*lead, size*1.2, size, codes.String())
			}
		}
		if lineObjects {
			objs0 := objs.String()
			objs.Reset()
			objs.WriteString(`<ofd:PageBlock ID="1">` + objs0 + `</ofd:PageBlock>`)
		}
		add(fmt.Sprintf("Doc_0/Pages/Page_%d/Content.xml", p), `<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">`+objs.String()+`</ofd:Layer></ofd:Content></ofd:Page>`)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// OFD reads as the text it was laid out from: the tables, blank cells
// included, and the sections (the fixtures are ours: see ofdOf).
func TestOFD(t *testing.T) {
	for file, want := range map[string]func() *report.Report{
		"ofd-2021.ofd": truth, "ofd-blanks-2021.ofd": truthWithBlanks, "ofd-2019.ofd": truth2019,
	} {
		t.Run(file, func(t *testing.T) {
			data := ofdOf(t, want())
			path := filepath.Join(auditDir, file)
			if *update {
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if old := readFile(t, path); !bytes.Equal(old, data) {
				t.Fatalf("%s is stale: go test ./internal/report -run TestOFD -update", file)
			}
			readsAsSource(t, file, data, want(), nil)
		})
	}
	// as other producers may write it (ofdStyled)
	readsAsSource(t, "x.ofd", ofdStyled(t, truth(), true), truth(), nil)
	// damaged: a clear error, never a panic
	data := ofdOf(t, truth())
	for _, cut := range []int{len(data) / 3, len(data) - 30} {
		if _, err := report.Read("x.ofd", data[:cut]); err == nil {
			t.Errorf("a cut OFD (%d bytes) read without an error", cut)
		}
	}
}

// ofdRedrawn rewrites each TextObject of an OFD: turned puts the landscape
// page's text up a portrait page (each object placed by a CTM of a quarter
// turn, as a wide table is printed across a portrait page), bold draws
// every object a second time 0.1 mm to the right (a producer's bold).
func ofdRedrawn(t *testing.T, data []byte, turned, bold bool) []byte {
	t.Helper()
	obj := regexp.MustCompile(`<ofd:TextObject ID="(\d+)" Boundary="([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)"(.*?)</ofd:TextObject>`)
	parts := testdoc.Parts(t, data)
	var out []testdoc.Part
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		body := parts[name]
		if strings.HasSuffix(name, "Content.xml") {
			body = obj.ReplaceAllStringFunc(body, func(o string) string {
				m := obj.FindStringSubmatch(o)
				num := func(i int) float64 { v, _ := strconv.ParseFloat(m[i], 64); return v }
				x, y, w, h := num(2), num(3), num(4), num(5)
				draw := func(dx float64) string {
					if turned { // (x, y) down a landscape page → (y, 297 − x) up a portrait one
						return fmt.Sprintf(`<ofd:TextObject ID="%s" Boundary="%.2f %.2f %.2f %.2f" CTM="0 -1 1 0 0 0"%s</ofd:TextObject>`, m[1], y, 297-x-dx, h, w, m[6])
					}
					return fmt.Sprintf(`<ofd:TextObject ID="%s" Boundary="%.2f %.2f %.2f %.2f"%s</ofd:TextObject>`, m[1], x+dx, y, w, h, m[6])
				}
				if bold {
					return draw(0) + draw(0.1)
				}
				return draw(0)
			})
		}
		out = append(out, testdoc.Part{Name: name, Content: body})
	}
	return testdoc.Zip(t, out...)
}

// An OFD whose text is turned up the page, or drawn twice for bold, or
// both, reads as the OFD drawn plainly, as a PDF does (TestPDFTurnedPages,
// TestPDFDoubledBold). Before, the turned text read one character to a line
// and the bold text twice over: neither was read as a report.
func TestOFDTurnedAndBold(t *testing.T) {
	for _, c := range []struct{ turned, bold bool }{{true, false}, {false, true}, {true, true}} {
		t.Run(fmt.Sprintf("turned=%v bold=%v", c.turned, c.bold), func(t *testing.T) {
			readsAsSource(t, "x.ofd", ofdRedrawn(t, ofdOf(t, truth()), c.turned, c.bold), truth(), nil)
		})
	}
}
