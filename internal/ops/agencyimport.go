package ops

import (
	"context"
	"slices"
	"strconv"

	"gongkai/internal/errs"
	"gongkai/internal/importer"
	"gongkai/internal/office"
	"gongkai/internal/org"
	"gongkai/internal/report"
	"gongkai/internal/store"
)

// ImportAgencies reads a list of agencies to create below f.Under: each row's
// 上级机关 is f.Under itself or an agency below it, existing or of an earlier
// row. A name that exists is refused by its row. Without f.Commit, or with
// any bad row, nothing is written; otherwise every row lands in one
// transaction with one audit line.
func (s *Service) ImportAgencies(ctx context.Context, p Principal, f ListFile) (*ListImport, error) {
	res := &ListImport{Schema: importer.AgencyFields}
	sh, err := s.readList(ctx, p, f, res)
	if sh == nil {
		return res, err
	}
	rows, bad := sh.ParseAgencies(res.Mapping)
	all, err := s.Store.ListAgencies(ctx)
	if err != nil {
		return nil, err
	}
	below, err := s.Store.Below(ctx, f.Under)
	if err != nil {
		return nil, err
	}
	ok, more := placeAgencies(all, below, f.Under, rows, res.Mapping)
	bad = append(bad, more...)
	slices.SortStableFunc(bad, func(a, b importer.RowError) int { return a.Row - b.Row })
	res.Bad, res.Ready = bad, len(ok)
	res.Planned = &office.Ledger{Title: "新建的机关", Headers: []string{"行", "机关名称", "级别", "上级机关"}}
	for _, r := range ok {
		res.Planned.Rows = append(res.Planned.Rows, []string{strconv.Itoa(r.Line), r.Agency.Name, report.LevelName(r.Agency.Level), r.Parent})
	}
	if !f.Commit || len(res.Bad) > 0 {
		return res, nil
	}
	err = s.writeList(ctx, p, "agency.import", f, "新建机关 "+strconv.Itoa(len(ok))+" 个", func(tx *store.Tx) error {
		ids := map[string]int64{}
		for _, a := range all {
			ids[a.Name] = a.ID
		}
		for _, r := range ok {
			a := r.Agency
			parent := ids[r.Parent]
			a.ParentID = &parent
			if err := tx.CreateAgency(ctx, &a); err != nil {
				return errs.Wrap(errs.Invalid, err, "file", "第 %d 行的机关“%s”未能新建：%s；未导入任何机关", r.Line, a.Name, errs.Message(err))
			}
			ids[a.Name] = a.ID
		}
		return nil
	})
	if err == nil {
		res.Created = len(ok)
	}
	return res, err
}

// placeAgencies finds each row's place: a name not yet taken, a parent that
// is under (rows without one), an agency below it, or an earlier row.
func placeAgencies(all []*org.Agency, below []int64, under int64, rows []importer.AgencyRow, m *importer.Mapping) ([]importer.AgencyRow, []importer.RowError) {
	var bad []importer.RowError
	isBelow := map[int64]bool{}
	for _, id := range below {
		isBelow[id] = true
	}
	existing, mayParent := map[string]*org.Agency{}, map[string]bool{}
	var top string
	for _, a := range all {
		existing[a.Name], mayParent[a.Name] = a, isBelow[a.ID]
		if a.ID == under {
			top = a.Name
		}
	}
	col := func(field string) (string, string) {
		c, ok := m.Columns[field]
		if !ok {
			return "", ""
		}
		return importer.ColName(c), m.Headers[c]
	}
	var ok []importer.AgencyRow
	for _, r := range rows {
		if r.Parent == "" {
			r.Parent = top
		}
		switch {
		case existing[r.Agency.Name] != nil:
			c, h := col("name")
			bad = append(bad, importer.RowError{Row: r.Line, Column: c, Header: h, Reason: "已有名为“" + r.Agency.Name + "”的机关"})
		case !mayParent[r.Parent]:
			c, h := col("parent")
			bad = append(bad, importer.RowError{Row: r.Line, Column: c, Header: h,
				Reason: "上级机关“" + r.Parent + "”不是“" + top + "”或其下的机关，也不在本文件前面的行中（上级机关应列在它下面的机关之前）"})
		default:
			ok = append(ok, r)
			mayParent[r.Agency.Name] = true
		}
		existing[r.Agency.Name] = &r.Agency
	}
	return ok, bad
}
