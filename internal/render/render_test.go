package render_test

import (
	"bytes"
	"flag"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"gongkai/internal/render"
	"gongkai/internal/report"
)

var update = flag.Bool("update", false, "rewrite golden files")

func sample(year int) *report.Report {
	return report.Generate(rand.New(rand.NewPCG(7, uint64(year))), "示例区交通运输局", year)
}

// gridWidths lays the table's cells onto a grid, honouring rowspan and
// colspan, and returns the width of every row: a template with merged cells is
// right only if every row comes out the same width.
func gridWidths(t *testing.T, tbl *html.Node) []int {
	var widths []int
	carry := map[int]int{} // column → rows still covered by a rowspan from above
	for tr := range tbl.Descendants() {
		if tr.DataAtom != atom.Tr {
			continue
		}
		col := 0
		next := map[int]int{}
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom != atom.Td && c.DataAtom != atom.Th {
				continue
			}
			for carry[col] > 0 {
				next[col] = carry[col] - 1
				col++
			}
			cs, rs := 1, 1
			for _, a := range c.Attr {
				switch a.Key {
				case "colspan":
					cs = atoi(a.Val)
				case "rowspan":
					rs = atoi(a.Val)
				}
			}
			for i := 0; i < cs; i++ {
				if rs > 1 {
					next[col] = rs - 1
				}
				col++
			}
		}
		for carry[col] > 0 {
			next[col] = carry[col] - 1
			col++
		}
		for k, v := range carry {
			if k >= col && v > 0 {
				t.Errorf("rowspan at column %d runs past the row", k)
			}
		}
		carry = map[int]int{}
		for k, v := range next {
			if v > 0 {
				carry[k] = v
			}
		}
		widths = append(widths, col)
	}
	for k, v := range carry {
		if v > 0 {
			t.Errorf("rowspan at column %d runs past the table (%d rows)", k, v)
		}
	}
	return widths
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

func TestHTMLGrid(t *testing.T) {
	for _, year := range []int{2020, 2024} {
		r := sample(year)
		var b bytes.Buffer
		if err := render.HTML(&b, r); err != nil {
			t.Fatal(err)
		}
		s := b.String()
		doc, err := html.Parse(strings.NewReader(s))
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]int{"t2": 4, "t3": 10, "t4": 15}
		rows := map[string]int{"t2": 0, "t3": 3 + len(r.Format.T3Rows()), "t4": 4}
		n := 0
		for tbl := range doc.Descendants() {
			if tbl.DataAtom != atom.Table {
				continue
			}
			n++
			class := ""
			for _, a := range tbl.Attr {
				if a.Key == "class" {
					class = a.Val
				}
			}
			ws := gridWidths(t, tbl)
			for i, w := range ws {
				if w != want[class] {
					t.Errorf("%d %s row %d is %d columns wide, want %d", year, class, i, w, want[class])
				}
			}
			if rows[class] > 0 && len(ws) != rows[class] {
				t.Errorf("%d %s has %d rows, want %d", year, class, len(ws), rows[class])
			}
		}
		if n != 3 {
			t.Errorf("%d tables", n)
		}
		for _, must := range []string{"<!DOCTYPE html>", `lang="zh-CN"`, "@page{size:A4", report.T3HeaderNote} {
			if !strings.Contains(s, must) {
				t.Errorf("%d: HTML lacks %q", year, must)
			}
		}
	}
}

// Golden: every official label of both formats, in template order, as each
// renderer writes it. A change here must come with its source (law.md §1.3–1.5).
func TestLabelsGolden(t *testing.T) {
	var b strings.Builder
	for _, f := range []report.Format{report.Format2021, report.Format2019} {
		b.WriteString("# format " + string(f) + "\n")
		for _, s := range report.Sections {
			b.WriteString(s.Heading + "\n")
		}
		for _, h := range f.T2Headers() {
			b.WriteString(h.Item + " | 信息内容 | " + strings.Join(h.Columns, " | ") + "\n")
		}
		for _, it := range f.T2Items() {
			b.WriteString(it.Item + " " + it.Label + "\n")
		}
		b.WriteString(report.T3HeaderNote + "\n")
		b.WriteString(strings.Join(report.T3ColumnLabels, " | ") + "\n")
		for _, row := range f.T3Rows() {
			b.WriteString(strings.TrimSpace(row.Group+" "+row.Label) + "\n")
		}
		for _, blk := range report.T4Blocks {
			b.WriteString(strings.TrimSpace(blk.Parent+" "+blk.Label) + " | " + strings.Join(report.T4ColumnLabels, " | ") + "\n")
		}
	}
	got := b.String()
	const golden = "testdata/labels.golden"
	if *update {
		os.WriteFile(golden, []byte(got), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("labels changed; diff against %s (run with -update only with the source in hand)\n%s", golden, got)
	}
	// each renderer writes each label exactly as the format has it
	for _, year := range []int{2020, 2024} {
		r := sample(year)
		for _, format := range []string{"txt", "md", "html"} {
			var out bytes.Buffer
			render.Render(&out, r, format)
			for _, row := range r.Format.T3Rows() {
				if !strings.Contains(out.String(), row.Label) {
					t.Errorf("%d %s lacks %q", year, format, row.Label)
				}
			}
			for _, s := range report.Sections {
				if !strings.Contains(out.String(), s.Heading) {
					t.Errorf("%d %s lacks %q", year, format, s.Heading)
				}
			}
		}
	}
}

// What the text renderer writes, the auditor reads back to the same tables.
func TestTextRoundTrip(t *testing.T) {
	for i := range 50 {
		year := 2019 + i%7
		r := report.Generate(rand.New(rand.NewPCG(uint64(i), 3)), "示例局", year)
		var b bytes.Buffer
		render.Text(&b, r)
		back, err := report.Read("x.txt", b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if back.Format != r.Format || back.Year != year || back.Agency != "示例局" {
			t.Fatalf("%d: format %s year %d agency %q", i, back.Format, back.Year, back.Agency)
		}
		var h1, h2 bytes.Buffer
		render.Markdown(&h1, r)
		render.Markdown(&h2, back)
		if h1.String() != h2.String() {
			t.Fatalf("%d: round trip differs:\n%s\n---\n%s", i, h1.String(), h2.String())
		}
		if fs := report.Check(back, nil); len(fs) != 0 {
			t.Fatalf("%d: %v", i, fs)
		}
	}
}
