package ops

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/store"
)

// maxFile bounds the applications filed at once (the list's 导出案卷 takes 500).
const maxFile = 500

// Filed is an application filed and its 档号.
type Filed struct {
	CaseID    int64
	Serial    string
	ArchiveNo string
}

// FileCases files answered applications (归档, 条例 Art. 45): each gets the
// next 档号 of the agency's form for the year it was closed, numbered in the
// order they were closed, and today as its day of filing. All or none, in
// one transaction with one audit entry. The agency's own staff who may act
// on each; one still open, or filed already, is refused by its serial.
func (s *Service) FileCases(ctx context.Context, p Principal, caseIDs []int64) ([]Filed, error) {
	caseIDs = slices.Compact(slices.Sorted(slices.Values(caseIDs)))
	if len(caseIDs) == 0 {
		return nil, errs.New("case", "请勾选要归档的已办结申请")
	}
	if len(caseIDs) > maxFile {
		return nil, errs.New("case", "一次最多归档 %d 件，请分批", maxFile)
	}
	visible, err := s.Visible(ctx, p)
	if err != nil {
		return nil, err
	}
	today := s.Clock.Today()
	var out []Filed
	err = s.write(ctx, p, "case.archive", func(tx *store.Tx, e *audit.Entry) error {
		var cs []*casework.Case
		for _, id := range caseIDs {
			c, err := caseFor(ctx, tx, p, visible, id)
			if err != nil {
				return err
			}
			if c.State != casework.Closed || c.ClosedOn == nil {
				return &errs.Error{Kind: errs.Conflict, Where: "case", Msg: "申请 " + c.Serial + " 尚未办结（" + casework.StateName(c.State) + "），不能归档"}
			}
			cs = append(cs, c)
		}
		ag, err := tx.GetAgency(ctx, cs[0].AgencyID)
		if err != nil {
			return err
		}
		if ag.ArchivePattern == "" {
			return &errs.Error{Kind: errs.Conflict, Where: "case", Msg: "本机关尚未设定档号格式：请系统管理员在“机关”页填写，例如 " + casework.ArchiveExample}
		}
		slices.SortFunc(cs, func(a, b *casework.Case) int {
			return cmp.Or(cmp.Compare(*a.ClosedOn, *b.ClosedOn), strings.Compare(a.Serial, b.Serial))
		})
		var serials, nos []string
		for _, c := range cs {
			n, err := tx.NextNumber(ctx, c.AgencyID, "archive", c.ClosedOn.Year())
			if err != nil {
				return err
			}
			no, err := casework.ArchiveNumber(ag.ArchivePattern, c.ClosedOn.Year(), n)
			if err != nil {
				return err
			}
			if err := tx.FileCase(ctx, c.ID, no, today); errors.Is(err, store.ErrConflict) {
				return &errs.Error{Kind: errs.Conflict, Where: "case", Msg: "申请 " + c.Serial + " 已经归档，不能再次归档", Cause: err}
			} else if err != nil {
				return err
			}
			out = append(out, Filed{CaseID: c.ID, Serial: c.Serial, ArchiveNo: no})
			serials, nos = append(serials, c.Serial), append(nos, no)
		}
		e.AgencyID, e.Object = ag.ID, strings.Join(serials, "、")
		e.Detail = "档号 " + strings.Join(nos, "、")
		return nil
	})
	return out, err
}
