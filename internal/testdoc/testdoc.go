// Package testdoc builds the small office files tests upload (a ZIP of
// named parts, a Word document of given paragraphs) and reads the parts of
// one back. For tests only.
package testdoc

import (
	"archive/zip"
	"bytes"
	"io"
	"runtime"
	"testing"
)

// Allocated is the heap fn allocates: a measure of the work hostile input
// makes a reader do that does not depend on the machine's speed.
func Allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Part is one file of a ZIP.
type Part struct{ Name, Content string }

// RewritePart is a ZIP with one part's text changed by edit.
func RewritePart(t testing.TB, data []byte, name string, edit func(string) string) []byte {
	t.Helper()
	parts := PartList(t, data)
	found := false
	for i, p := range parts {
		if p.Name == name {
			parts[i].Content, found = edit(p.Content), true
		}
	}
	if !found {
		t.Fatalf("no part %s", name)
	}
	return Zip(t, parts...)
}

// Zip writes the parts, in order, into a ZIP.
func Zip(t testing.TB, parts ...Part) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range parts {
		w, err := zw.Create(p.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.Content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Docx is a Word document whose body is body (w:p elements).
func Docx(t testing.TB, body string) []byte {
	t.Helper()
	return Zip(t,
		Part{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		Part{"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`})
}

// Paragraph is one paragraph of one run of text.
func Paragraph(text string) string { return `<w:p><w:r><w:t>` + text + `</w:t></w:r></w:p>` }

// Parts are the files of a ZIP by name, as text.
func Parts(t testing.TB, data []byte) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, p := range PartList(t, data) {
		out[p.Name] = p.Content
	}
	return out
}

// PartList are the files of a ZIP, in its order, as text.
func PartList(t testing.TB, data []byte) []Part {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out []Part
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		_ = rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, Part{Name: f.Name, Content: string(b)})
	}
	return out
}
