package report

import (
	"bytes"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"gongkai/internal/guard"
)

// What a page links to or shows in a frame: read by the fetcher to follow
// a page to its report, and by the reader to name what a page shell holds.

// DocExt are the kinds of file a page attaches a report as.
var DocExt = map[string]bool{".pdf": true, ".doc": true, ".docx": true, ".wps": true, ".ofd": true, ".xls": true, ".xlsx": true,
	".et": true, ".rtf": true, ".odt": true, ".ods": true, ".fodt": true, ".fods": true, ".zip": true, ".rar": true}

// PageLink is a link (<a>) or a frame (<iframe>, <embed>, <object>) of a
// page: its address as written, and the words it is shown by.
type PageLink struct {
	Raw   string
	Text  string    // a link's text
	Title string    // its title; a frame's title and name
	Frame atom.Atom // the frame's element; 0 for a link
}

// PageLinks are a page's links and frames, in order, from one pass over it.
func PageLinks(data []byte) []PageLink {
	var out []PageLink
	z := html.NewTokenizer(bytes.NewReader(guard.UTF8(data)))
	var a *PageLink // the link open, if any
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		switch tok := z.Token(); {
		case tt == html.StartTagToken && tok.DataAtom == atom.A:
			a = &PageLink{}
			for _, at := range tok.Attr {
				switch at.Key {
				case "href":
					a.Raw = strings.TrimSpace(at.Val)
				case "title":
					a.Title += at.Val
				}
			}
		case (tt == html.StartTagToken || tt == html.SelfClosingTagToken) && (tok.DataAtom == atom.Iframe || tok.DataAtom == atom.Embed || tok.DataAtom == atom.Object):
			f := PageLink{Frame: tok.DataAtom}
			for _, at := range tok.Attr {
				switch {
				case at.Key == "src" && tok.DataAtom != atom.Object, at.Key == "data" && tok.DataAtom == atom.Object:
					f.Raw = strings.TrimSpace(at.Val)
				case at.Key == "title" || at.Key == "name":
					f.Title += at.Val
				}
			}
			out = append(out, f)
		case tt == html.TextToken && a != nil:
			a.Text += tok.Data
		case tt == html.EndTagToken && tok.DataAtom == atom.A && a != nil:
			if a.Raw != "" {
				out = append(out, *a)
			}
			a = nil
		}
	}
	return out
}

// DocLink is the document an address of a page gives: itself when its name
// is a document's, or the document a viewer's address names in its query
// (file=, url=, src=…).
func DocLink(base *url.URL, raw string) (*url.URL, bool) {
	u, err := base.Parse(raw)
	if err != nil || raw == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, false
	}
	if name, _ := url.PathUnescape(u.Path); DocExt[strings.ToLower(path.Ext(name))] {
		return u, true
	}
	q := u.Query()
	for _, k := range slices.Sorted(maps.Keys(q)) {
		vs := q[k]
		switch strings.ToLower(k) {
		case "file", "url", "src", "pdf", "fileurl", "pdfurl", "path":
		default:
			continue
		}
		for _, v := range vs {
			d, err := u.Parse(strings.TrimSpace(v))
			if err != nil || (d.Scheme != "http" && d.Scheme != "https") {
				continue
			}
			if name, _ := url.PathUnescape(d.Path); DocExt[strings.ToLower(path.Ext(name))] {
				return d, true
			}
		}
	}
	return nil, false
}
