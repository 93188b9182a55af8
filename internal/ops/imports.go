package ops

import (
	"context"
	"fmt"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/importer"
	"gongkai/internal/store"
)

// ImportCases turns register rows into cases and stores them in one
// transaction, with one audit entry: all land, or none. A row the agency
// already has (same key) is skipped, so a file can be imported again.
// The rows that cannot become cases are returned as errors with nothing
// written, unless validOnly keeps the good ones.
func (s *Service) ImportCases(ctx context.Context, p Principal, agencyID int64, rows []importer.Row, validOnly, commit bool) (imported, skipped int, bad []importer.RowError, err error) {
	return s.importCases(ctx, p, agencyID, rows, validOnly, commit, nil)
}

func (s *Service) importCases(ctx context.Context, p Principal, agencyID int64, rows []importer.Row, validOnly, commit bool, progress func(done, total int)) (imported, skipped int, bad []importer.RowError, err error) {
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
		for i, r := range ready {
			if progress != nil {
				progress(i+1, len(ready))
			}
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

// ImportKind is what a ledger file holds.
type ImportKind string

const (
	ImportCases     ImportKind = "cases"     // 依申请公开台账
	ImportDecisions ImportKind = "decisions" // 行政许可、处罚、强制决定台账或收费台账
)

// ImportRequest is one ledger file to import, as the clerk gave it.
type ImportRequest struct {
	Kind      ImportKind
	Name      string // the file name: its extension decides XLSX or CSV
	Data      []byte
	Sheet     string            // XLSX sheet, default the first
	Category  string            // decisions: the category when the file has no 类别 column
	Map       map[string]string // header text → field id, the clerk's corrections of the mapping
	Commit    bool              // false: a preview, nothing is written
	ValidOnly bool              // with Commit: skip the bad rows and import the rest
	// Progress, when set, is told how many of the rows are written.
	Progress func(done, total int)
}

// ImportResult is what the clerk sees of an import or its preview.
type ImportResult struct {
	Schema    importer.Schema
	Mapping   *importer.Mapping // nil when not even the header row was found
	Ready     int               // rows that can be imported
	Bad       []importer.RowError
	Defects   []string // applications registered despite missing content (Art. 30): 补正 follows
	Imported  int
	Skipped   int  // already imported from an earlier run of the same file
	Committed bool // the rows were written
}

// Import reads, maps, checks and (with Commit) stores a ledger file in one
// transaction: either every good row lands with one audit entry, or nothing.
// With bad rows nothing is written unless ValidOnly says to skip them.
func (s *Service) Import(ctx context.Context, p Principal, agencyID int64, req ImportRequest) (*ImportResult, error) {
	if err := s.mustAct(ctx, p, agencyID); err != nil {
		return nil, err
	}
	res := &ImportResult{Schema: importer.Fields}
	if req.Kind == ImportDecisions {
		res.Schema = importer.DecisionFields
		if !validCategory(req.Category) {
			return nil, errs.New("kind", "类别只能是 licensing（行政许可）、penalty（行政处罚）、coercion（行政强制）或 fee（行政事业性收费）")
		}
	} else if req.Kind != ImportCases {
		return nil, errs.New("kind", "只能导入申请台账（cases）或决定、收费台账（decisions）")
	}
	sh, err := importer.ReadFile(req.Name, req.Data, req.Sheet)
	if err != nil {
		return nil, err
	}
	res.Mapping, err = sh.MapSchema(res.Schema, req.Map)
	if err != nil {
		return res, err
	}
	write := func(nBad int) bool { return req.Commit && (nBad == 0 || req.ValidOnly) }
	if req.Kind == ImportCases {
		rows, bad := sh.Parse(res.Mapping)
		for _, r := range rows {
			for _, d := range r.Defects {
				res.Defects = append(res.Defects, fmt.Sprintf("第 %d 行：%s", r.Line, d))
			}
		}
		var bad2 []importer.RowError
		res.Imported, res.Skipped, bad2, err = s.importCases(ctx, p, agencyID, rows, req.ValidOnly, write(len(bad)), req.Progress)
		res.Bad, res.Ready = append(bad, bad2...), len(rows)-len(bad2)
	} else {
		ds, bad := sh.ParseDecisions(res.Mapping, req.Category)
		res.Bad, res.Ready = bad, len(ds)
		if write(len(bad)) {
			res.Imported, res.Skipped, err = s.ImportDecisions(ctx, p, agencyID, ds)
		}
	}
	res.Committed = err == nil && write(len(res.Bad))
	return res, err
}

func validCategory(c string) bool {
	if c == "" {
		return true
	}
	for _, k := range importer.DecisionKinds {
		if k.ID == c {
			return true
		}
	}
	return false
}
