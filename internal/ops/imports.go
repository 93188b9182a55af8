package ops

import (
	"context"
	"fmt"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/importer"
	"gongkai/internal/store"
)

// ImportCases turns register rows into cases and stores them in one
// transaction, with one audit entry: all land, or none. A row the agency
// already has (same key) is skipped, so a file can be imported again.
// The rows that cannot become cases are returned as errors with nothing
// written, unless validOnly keeps the good ones.
func (s *Service) ImportCases(ctx context.Context, p Principal, agencyID int64, rows []importer.Row, validOnly, commit bool) (imported, skipped int, bad []importer.RowError, err error) {
	if err := s.mustAct(ctx, p, agencyID); err != nil {
		return 0, 0, nil, err
	}
	cal, st, err := s.rules(ctx)
	if err != nil {
		return 0, 0, nil, err
	}
	ready, bad := importer.Cases(rows, casework.Actor{Name: p.Name, Role: casework.Approver}, s.Clock, st.Case, cal)
	if !commit || (len(bad) > 0 && !validOnly) {
		return 0, 0, bad, nil
	}
	err = s.write(ctx, p, "case.import", func(tx *store.Tx, e *audit.Entry) error {
		for _, r := range ready {
			had, err := tx.HasImportKey(ctx, agencyID, r.Key)
			if err != nil {
				return err
			}
			if had {
				skipped++
				continue
			}
			if err := tx.InsertCase(ctx, agencyID, r.Case, s.deadline(r.Case, st.Case, cal)); err != nil {
				return fmt.Errorf("第 %d 行：%w", r.Line, err)
			}
			if err := tx.SetImportKey(ctx, r.Case.ID, r.Key); err != nil {
				return err
			}
			imported++
		}
		e.AgencyID, e.Detail = agencyID, fmt.Sprintf("导入 %d 件，跳过此前已导入的 %d 件", imported, skipped)
		return nil
	})
	if err != nil {
		return 0, 0, bad, err
	}
	return imported, skipped, bad, nil
}

// ImportDecisions stores decision and fee ledger rows (表二's sources) in one
// transaction, skipping the ones the agency already has.
func (s *Service) ImportDecisions(ctx context.Context, p Principal, agencyID int64, ds []importer.Decision) (imported, skipped int, err error) {
	if err := s.mustAct(ctx, p, agencyID); err != nil {
		return 0, 0, err
	}
	err = s.write(ctx, p, "decision.import", func(tx *store.Tx, e *audit.Entry) error {
		for _, d := range ds {
			ok, err := tx.InsertDecision(ctx, agencyID, d)
			if err != nil {
				return err
			}
			if ok {
				imported++
			} else {
				skipped++
			}
		}
		e.AgencyID, e.Detail = agencyID, fmt.Sprintf("导入 %d 条，跳过此前已导入的 %d 条", imported, skipped)
		return nil
	})
	return imported, skipped, err
}
