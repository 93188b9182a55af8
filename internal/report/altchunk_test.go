package report_test

import (
	"bytes"
	"mime/quotedprintable"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"gongkai/internal/report"
	"gongkai/internal/testdoc"
)

// chunkDOCX is a DOCX whose body is paragraphs before, an altChunk of the
// part at target (its content type ct), and paragraphs after.
func chunkDOCX(t *testing.T, before, after []string, target, ct, part string) []byte {
	t.Helper()
	paras := func(ps []string) string {
		var b strings.Builder
		for _, p := range ps {
			b.WriteString(`<w:p><w:r><w:t>` + p + `</w:t></w:r></w:p>`)
		}
		return b.String()
	}
	ext := target[strings.LastIndexByte(target, '.')+1:]
	return testdoc.Zip(t,
		testdoc.Part{Name: "[Content_Types].xml", Content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="` + ext + `" ContentType="` + ct + `"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		testdoc.Part{Name: "_rels/.rels", Content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		testdoc.Part{Name: "word/document.xml", Content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` +
			paras(before) + `<w:altChunk r:id="htmlChunk"/>` + paras(after) + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`},
		testdoc.Part{Name: "word/_rels/document.xml.rels", Content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="` + target + `" Id="htmlChunk"/></Relationships>`},
		testdoc.Part{Name: strings.TrimPrefix(map[bool]string{true: target, false: "word/" + target}[strings.HasPrefix(target, "/")], "/"), Content: part})
}

// A DOCX that holds its report as an altChunk, a part Word imports when it
// opens the file, reads as that part: an MHT as html-docx-js writes it (web
// systems' "export to Word": the body holds nothing else), an HTML part with
// paragraphs around it (the Open XML SDK's AltChunk), a DOCX merged into
// another. Before, the first two read as empty ("no text") and the third
// as its paragraphs only. A DOCX whose chunk is itself (a file that holds
// itself) reads once, without looping.
func TestDOCXAltChunks(t *testing.T) {
	page := string(readFile(t, filepath.Join(auditDir, "page-2021.html")))
	want := audit(t, "page.html", []byte(page))
	var qp bytes.Buffer
	w := quotedprintable.NewWriter(&qp)
	if _, err := w.Write([]byte(page)); err != nil {
		t.Fatal(err)
	}
	w.Close()
	mht := "MIME-Version: 1.0\nContent-Type: multipart/related;\n    type=\"text/html\";\n    boundary=\"----=mhtDocumentPart\"\n\n\n" +
		"------=mhtDocumentPart\nContent-Type: text/html;\n    charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\nContent-Location: file:///C:/fake/document.html\n\n" +
		qp.String() + "\n\n------=mhtDocumentPart--\n"
	lo := readFile(t, filepath.Join(auditDir, "lo-page-2021.docx"))
	fromLO := audit(t, "lo-page.docx", lo)
	for _, c := range []struct {
		name          string
		before, after []string
		target, ct    string
		part          string
		want          string // the report's agency, the same tables and findings as …
	}{
		{"html-docx-js", nil, nil, "/word/afchunk.mht", "message/rfc822", mht, "page"},
		{"Open XML SDK", []string{"附件："}, []string{"（完）"}, "chunk1.html", "text/html", page, "page"},
		{"merged", []string{"示例市生态环境局"}, nil, "afchunk1.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", string(lo), "lo"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := audit(t, c.name+".docx", chunkDOCX(t, c.before, c.after, c.target, c.ct, c.part))
			w := want
			if c.want == "lo" {
				w = fromLO
			}
			sameReport(t, w, r)
			if d := cmp.Diff(findingTexts(w), findingTexts(r)); d != "" {
				t.Errorf("findings (-want +got):\n%s", d)
			}
		})
	}
	// chunks in chunks: read two deep, the rest left out (a file that
	// holds itself does not loop)
	nested := chunkDOCX(t, []string{"一、总体情况"}, nil, "c.docx", "application/octet-stream", "")
	for range 5 {
		nested = chunkDOCX(t, []string{"一、总体情况"}, nil, "c.docx", "application/octet-stream", string(nested))
	}
	if n := timesRead(t, "nested.docx", nested, "总体情况"); n != 3 {
		t.Errorf("%d documents read of six nested, want the outer one and two chunks deep", n)
	}
}

// findingTexts are a report's findings as rule and message.
func findingTexts(r *report.Report) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Rule+" "+f.Message)
	}
	return out
}

// timesRead is how many times the lines read of a file hold word.
func timesRead(t *testing.T, name string, data []byte, word string) int {
	t.Helper()
	ls, _, err := report.Lines(name, data)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range ls {
		n += strings.Count(l.Text, word)
	}
	return n
}
