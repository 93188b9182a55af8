package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
)

// pageGlyphs are the glyphs of each page of a PDF of testdata/audit, as our
// PDF reader takes them.
func pageGlyphs(tb testing.TB, file string) [][]pdf.Text {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "audit", file))
	if err != nil {
		tb.Fatal(err)
	}
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]pdf.Text
	budget := int64(64 << 20)
	fonts := newPDFFonts()
	for _, p := range pdfPageList(r, r.NumPage()) {
		gs, _ := pdfGlyphs(p, &budget, fonts)
		out = append(out, gs)
	}
	return out
}

// A portal page's first page has its side columns; a report's own pages
// (LibreOffice's, with its tables beside no prose; Chromium's of a page
// alone) have none, nor do the portal print's pages past the side columns.
func TestSideColumnFound(t *testing.T) {
	for _, c := range []struct {
		file  string
		sides []int // on each page, how many side columns
	}{
		{"chrome-portal-right-side-2022.pdf", []int{1, 0, 0}},
		{"chrome-portal-left-side-2022.pdf", []int{1, 0, 0}},
		{"chrome-page-2021.pdf", nil},
		{"lo-page-2021.pdf", nil},
		// a table's row cut by its blank middle cells, or its counts
		// apart from its label (TestTableRowIsNoSideColumn)
		{"chrome-letterland-blanks-tablebeside-2025.pdf", nil},
		{"chrome-letterland-blanks-countsapart-2022.pdf", nil},
	} {
		for i, gs := range pageGlyphs(t, c.file) {
			want := 0
			if i < len(c.sides) {
				want = c.sides[i]
			}
			got := 0
			for main := gs; got < 3; got++ {
				m, _, found := sideColumn(baselineLines(main, 0))
				if !found {
					break
				}
				main = m
			}
			if got != want {
				t.Errorf("%s page %d: %d side columns, want %d", c.file, i+1, got, want)
			}
		}
	}
	// the right one's items are its own lines, after the main column's
	var b strings.Builder
	pageColumnsFrom(&b, pageGlyphs(t, "chrome-portal-right-side-2022.pdf")[0], 0, 0)
	for _, l := range strings.Split(b.String(), "\n") {
		if strings.Contains(l, "总体情况") && strings.Contains(l, "2024-") {
			t.Errorf("a line of both columns: %q", l)
		}
	}
}

// What finding a page's side columns costs, against writing the page's lines
// (pageLinesFrom, which every page takes): a portal print's first page, and
// a page of LibreOffice's with none (the fullest of each file); and reading
// each whole file.
func BenchmarkSideColumn(b *testing.B) {
	for _, file := range []string{"chrome-portal-right-side-2022.pdf", "lo-page-2021.pdf"} {
		var gs []pdf.Text // (the page with the most text)
		for _, p := range pageGlyphs(b, file) {
			if len(p) > len(gs) {
				gs = p
			}
		}
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "audit", file))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(file+"/read", func(b *testing.B) { // the whole file, every page
			for b.Loop() {
				if _, err := Read(file, data); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(file+"/lines", func(b *testing.B) {
			for b.Loop() {
				var sb strings.Builder
				pageLinesFrom(&sb, gs, 0, 0)
			}
		})
		b.Run(file+"/side", func(b *testing.B) {
			for b.Loop() {
				sideColumn(baselineLines(gs, 0)) // (the grouping shared with the lines' writing on a page without one)
			}
		})
	}
}
