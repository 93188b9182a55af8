package ops

import (
	"context"
	"strings"

	"gongkai/internal/errs"
	"gongkai/internal/org"
	"gongkai/internal/search"
	"gongkai/internal/store"
)

// CatalogQuery is what a visitor asks the public catalog.
type CatalogQuery struct {
	AgencyID int64
	Category string
	Column   string
	Year     int
	Text     string
	Page     int // 1-based
}

// CatalogPageSize is how many items a page of the public catalog lists.
const CatalogPageSize = 20

// CatalogPage is a page of the public catalog.
type CatalogPage struct {
	Query    CatalogQuery
	Parsed   search.Query
	Hits     []store.Hit
	Total    int
	More     bool // Total is capped: there are more matches
	Agencies []*org.Agency
	Agency   *org.Agency // the agency chosen, if any
}

// PublicCatalog answers the public catalog: published items of every
// agency or one, by category, column and year, and full-text search that
// ranks by relevance.
func (s *Service) PublicCatalog(ctx context.Context, q CatalogQuery) (*CatalogPage, error) {
	q.Text = strings.TrimSpace(q.Text)
	if q.Page < 1 {
		q.Page = 1
	}
	if q.Page > 100 {
		return nil, errs.New("page", "页码太大：请缩小检索范围")
	}
	// a year no date can have (year=2147483648 in the address) failed on
	// PostgreSQL with 500 when made into a date
	if q.Year != 0 && (q.Year < 1000 || q.Year > 9999) {
		return nil, errs.New("year", "年份“%d”不对：应为四位数的年份，如 %d", q.Year, s.Clock.Today().Year())
	}
	out := &CatalogPage{Query: q, Parsed: search.Parse(q.Text)}
	ags, err := s.Store.ListAgencies(ctx)
	if err != nil {
		return nil, err
	}
	out.Agencies = ags
	pq := store.PublicQuery{Category: q.Category, Column: q.Column, Year: q.Year, Q: out.Parsed,
		Limit: CatalogPageSize, Offset: (q.Page - 1) * CatalogPageSize}
	if q.AgencyID != 0 {
		for _, a := range ags {
			if a.ID == q.AgencyID {
				out.Agency = a
			}
		}
		if out.Agency == nil {
			return nil, &errs.Error{Kind: errs.NotFound, Where: "agency", Msg: "没有这个机关"}
		}
		pq.AgencyIDs = []int64{q.AgencyID}
	}
	out.Hits, out.Total, err = s.Store.PublicItems(ctx, pq)
	if err != nil {
		return nil, err
	}
	if out.Total > store.CountCap {
		out.Total, out.More = store.CountCap, true
	}
	return out, nil
}

// PublicItem returns a published item with its agency and files.
func (s *Service) PublicItem(ctx context.Context, id int64) (*ItemView, error) {
	row, err := s.Store.PublishedItem(ctx, id)
	if err != nil {
		return nil, itemErr(err)
	}
	v := &ItemView{Item: row.Item, Version: row.Version}
	if v.Agency, err = s.Store.GetAgency(ctx, row.AgencyID); err != nil {
		return nil, err
	}
	if v.Files, err = s.Store.ItemFiles(ctx, row.ID); err != nil {
		return nil, err
	}
	return v, nil
}

// Feed is the newest published items of an agency (optionally one column),
// for its Atom feed.
func (s *Service) Feed(ctx context.Context, agencyID int64, column string) (*org.Agency, []store.Hit, error) {
	a, err := s.Store.GetAgency(ctx, agencyID)
	if err != nil {
		return nil, nil, itemErr(err)
	}
	hits, _, err := s.Store.PublicItems(ctx, store.PublicQuery{AgencyIDs: []int64{agencyID}, Column: column, Limit: 50})
	return a, hits, err
}
