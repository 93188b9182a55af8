package store

import (
	"context"

	"gongkai/internal/report"
)

// ProactiveFromLedgers fills 表二's decision counts and fee total (万元) for a
// year from the ledgers. The counts include every decision, published or not
// (国办公开办函〔2021〕30号).
func (s *Store) ProactiveFromLedgers(ctx context.Context, agencyID int64, year int, r *report.Report) error {
	return s.LedgersInto(ctx, map[int64]*report.Report{agencyID: r}, year)
}
