package web

import (
	"encoding/xml"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"gongkai/internal/ops"
	"gongkai/internal/search"
	"gongkai/internal/workday"
)

type publicCatalogData struct {
	*ops.CatalogPage
	Categories []option
	Years      []int
	Pager      pager
	Link       func(page int) string
	Marked     map[int64]template.HTML // titles with the query's words marked
}

// catalogLink is the catalog's address with the query's parameters.
func catalogLink(q ops.CatalogQuery, page int) string {
	v := url.Values{}
	if q.AgencyID != 0 {
		v.Set("agency", strconv.FormatInt(q.AgencyID, 10))
	}
	for k, x := range map[string]string{"category": q.Category, "column": q.Column, "q": q.Text} {
		if x != "" {
			v.Set(k, x)
		}
	}
	if q.Year != 0 {
		v.Set("year", strconv.Itoa(q.Year))
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	if len(v) == 0 {
		return "/catalog"
	}
	return "/catalog?" + v.Encode()
}

// mark wraps the query's words in <mark>: the text is escaped, the marks are ours.
func mark(text string, q search.Query) template.HTML {
	var b strings.Builder
	for i, part := range search.Highlight(text, q) {
		if i%2 == 1 {
			b.WriteString("<mark>" + template.HTMLEscapeString(part) + "</mark>")
		} else {
			b.WriteString(template.HTMLEscapeString(part))
		}
	}
	return template.HTML(b.String()) // #nosec: every part is escaped above
}

// publicCatalog is the public 政府信息公开目录: every agency's published
// items, by agency, category, column and year, with full-text search.
func (s *Server) publicCatalog(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q := ops.CatalogQuery{Category: v.Get("category"), Column: v.Get("column"), Text: v.Get("q")}
	q.AgencyID, _ = strconv.ParseInt(v.Get("agency"), 10, 64)
	q.Year, _ = strconv.Atoi(v.Get("year"))
	q.Page, _ = strconv.Atoi(v.Get("page"))
	u, csrf := s.optionalUser(r)
	res, err := s.Ops.PublicCatalog(r.Context(), q)
	if err != nil {
		s.fail(w, r, u, csrf, err)
		return
	}
	d := publicCatalogData{CatalogPage: res, Categories: categoryOptions(), Marked: map[int64]template.HTML{}}
	d.Categories[0].Name = "全部类别"
	for y := s.Ops.Clock.Today().Year(); y >= 2019; y-- {
		d.Years = append(d.Years, y)
	}
	d.Pager = newPager(res.Query.Page, res.Total, ops.CatalogPageSize)
	d.Link = func(p int) string { return catalogLink(res.Query, p) }
	for _, h := range res.Hits {
		d.Marked[h.ID] = mark(h.Title, res.Parsed)
	}
	title := "政府信息公开目录"
	if res.Agency != nil {
		title = res.Agency.Name + "政府信息公开目录"
	}
	s.render(w, http.StatusOK, "public_catalog", page{Title: title, User: u, CSRF: csrf, Data: d})
}

func (s *Server) publicItem(w http.ResponseWriter, r *http.Request) {
	u, csrf := s.optionalUser(r)
	v, err := s.Ops.PublicItem(r.Context(), itemID(r))
	if err != nil {
		s.fail(w, r, u, csrf, err)
		return
	}
	s.render(w, http.StatusOK, "public_item", page{Title: v.Item.Title, User: u, CSRF: csrf, Data: v})
}

func (s *Server) publicItemFile(w http.ResponseWriter, r *http.Request) {
	fid, _ := strconv.ParseInt(r.PathValue("fid"), 10, 64)
	f, data, err := s.Ops.ItemFile(r.Context(), nil, itemID(r), fid)
	if err != nil {
		u, csrf := s.optionalUser(r)
		s.fail(w, r, u, csrf, err)
		return
	}
	download(w, f.ContentType, f.Name, data)
}

// The Atom feed of an agency (RFC 4287), optionally of one column.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Link    []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Summary string   `xml:"summary"`
}

func (s *Server) catalogFeed(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.ParseInt(r.PathValue("agency"), 10, 64)
	column := r.URL.Query().Get("column")
	a, hits, err := s.Ops.Feed(r.Context(), id, column)
	if err != nil {
		s.fail(w, r, nil, "", err)
		return
	}
	base := "https://" + r.Host
	if r.TLS == nil {
		base = "http://" + r.Host
	}
	loc := s.Ops.Clock.Location()
	stamp := func(d *workday.Date) string {
		if d == nil {
			return ""
		}
		t := d.Time()
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc).Format(time.RFC3339)
	}
	title := a.Name + "政府信息公开目录"
	if column != "" {
		title += "·" + column
	}
	f := atomFeed{Title: title, ID: fmt.Sprintf("%s/catalog/feed/%d?column=%s", base, a.ID, url.QueryEscape(column)), Author: atomAuthor{a.Name},
		Link: []atomLink{{Href: fmt.Sprintf("%s/catalog?agency=%d", base, a.ID)}, {Href: base + r.URL.RequestURI(), Rel: "self"}}}
	f.Updated = time.Date(2019, 1, 1, 0, 0, 0, 0, loc).Format(time.RFC3339)
	for i, h := range hits {
		e := atomEntry{Title: h.Title, ID: fmt.Sprintf("%s/catalog/items/%d", base, h.ID), Updated: stamp(h.PublishedOn), Summary: h.Summary,
			Link: atomLink{Href: fmt.Sprintf("%s/catalog/items/%d", base, h.ID)}}
		if i == 0 {
			f.Updated = e.Updated
		}
		f.Entries = append(f.Entries, e)
	}
	out, err := xml.MarshalIndent(f, "", " ")
	if err != nil {
		s.fail(w, r, nil, "", err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Write([]byte(xml.Header))
	w.Write(out)
}
