package ops

import (
	"context"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/search"
	"gongkai/internal/store"
)

// RelatedWindow is how many of an agency's newest published items are
// compared with a request when nothing is searched for.
const RelatedWindow = 1000

// PublishedHint is a published item an answer under Art. 36(1) may point
// to, with the words the letter would use.
type PublishedHint struct {
	catalog.Item
	Route string
}

// PublishedFor lists the agency's published items that an application may
// be asking for, for the people who answer it: with text, those the
// catalog's search finds; without, those among the newest whose titles the
// request repeats. base is the site's public address, for the routes.
func (s *Service) PublishedFor(ctx context.Context, p Principal, caseID int64, text, base string) ([]PublishedHint, error) {
	c, err := s.readableCase(ctx, p, caseID)
	if err != nil {
		return nil, err
	}
	if !actsFor(p, c.AgencyID) || !c.State.Open() {
		return nil, nil
	}
	var items []catalog.Item
	if text = strings.TrimSpace(text); text != "" {
		q := search.Parse(text)
		if q.Empty() {
			return nil, nil
		}
		hits, _, err := s.Store.PublicItems(ctx, store.PublicQuery{AgencyIDs: []int64{c.AgencyID}, Q: q, Limit: 10})
		if err != nil {
			return nil, err
		}
		for _, h := range hits {
			items = append(items, h.Item)
		}
	} else {
		recent, err := s.Store.RecentTitles(ctx, c.AgencyID, RelatedWindow)
		if err != nil {
			return nil, err
		}
		request := c.Intake.Request.Description + " " + strings.Join(c.Intake.Request.Items, " ")
		var ids []int64
		for _, it := range catalog.Related(request, recent, 5) {
			ids = append(ids, it.ID)
		}
		if items, err = s.Store.PublishedItems(ctx, c.AgencyID, ids); err != nil {
			return nil, err
		}
	}
	out := make([]PublishedHint, 0, len(items))
	for i := range items {
		out = append(out, PublishedHint{Item: items[i], Route: items[i].Route(base)})
	}
	return out, nil
}
