package ops

import (
	"context"
	"errors"

	"gongkai/internal/appeal"
	"gongkai/internal/audit"
	"gongkai/internal/errs"
	"gongkai/internal/store"
)

// Appeals lists the 复议/诉讼 records of an agency the principal may see.
func (s *Service) Appeals(ctx context.Context, p Principal, agencyID int64) ([]appeal.Record, error) {
	if err := s.canRead(ctx, p, agencyID); err != nil {
		return nil, err
	}
	return s.Store.Appeals(ctx, agencyID, 0)
}

// RecordAppeal adds a 复议 or 诉讼 brought against the principal's agency.
func (s *Service) RecordAppeal(ctx context.Context, p Principal, a appeal.Record) (*appeal.Record, error) {
	if !actsFor(p, p.AgencyID) {
		return nil, Forbidden("只有本机关的办理人员可以登记复议和诉讼")
	}
	a.ID, a.AgencyID, a.CreatedBy = 0, p.AgencyID, p.Name
	err := s.write(ctx, p, "appeal.create", func(tx *store.Tx, e *audit.Entry) error {
		e.Object, e.Detail = a.Number, appeal.KindName(a.Kind)
		if err := caseOfAgency(tx.AddAppeal(ctx, &a)); err != nil {
			return err
		}
		got, err := tx.Appeal(ctx, p.AgencyID, a.ID) // as listed: with its application's serial
		if err == nil {
			a = *got
		}
		return err
	})
	return &a, err
}

func caseOfAgency(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return errs.New("case", "本机关没有这件申请")
	}
	return err
}

// UpdateAppeal saves an edited record (a correction, or its conclusion).
// ErrNotFound when the agency has no such record. seen is the record's
// Fingerprint as the form showed it ("": as read here): a record changed
// since by someone else is not written over, the refusal (Conflict) naming
// how it differs from what was typed.
func (s *Service) UpdateAppeal(ctx context.Context, p Principal, id int64, seen string, edit func(*appeal.Record) error) (*appeal.Record, error) {
	if !actsFor(p, p.AgencyID) {
		return nil, Forbidden("只有本机关的办理人员可以修改复议和诉讼记录")
	}
	a, err := s.Store.Appeal(ctx, p.AgencyID, id)
	if err != nil {
		return nil, notFoundOr(err)
	}
	if seen == "" {
		seen = a.Fingerprint()
	}
	upd := *a
	if err := edit(&upd); err != nil {
		return nil, err
	}
	err = s.write(ctx, p, "appeal.update", func(tx *store.Tx, e *audit.Entry) error {
		cur, err := tx.Appeal(ctx, p.AgencyID, id)
		if err != nil {
			return notFoundOr(err)
		}
		e.Object, e.Detail = upd.Number, appeal.KindName(upd.Kind)+"："+appeal.ResultName(upd.Result)
		if err := savedOver(e, seen, cur.Fingerprint(), appeal.Diff(*cur, upd), "这条记录", "记录"); err != nil {
			return err
		}
		return caseOfAgency(tx.UpdateAppeal(ctx, &upd))
	})
	if errors.Is(err, errUnchanged) {
		return &upd, nil
	}
	return &upd, err
}
