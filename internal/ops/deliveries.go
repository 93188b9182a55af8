package ops

import (
	"context"
	"errors"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/settings"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// RecordDelivery keeps how an issued letter was delivered to the applicant
// (d.ID 0), or the day an earlier delivery of it was signed for (d.ID and
// d.ReceivedOn: the 回执 came back). By the agency's own staff who may act
// on the application.
func (s *Service) RecordDelivery(ctx context.Context, p Principal, id int64, seq int, d casework.Delivery) (*casework.Delivery, error) {
	_, err := s.caseWrite(ctx, p, id, "case.deliver", func(tx *store.Tx, e *audit.Entry, c *casework.Case, _ settings.Settings, _ *workday.Calendar) error {
		if !c.HasLetter(seq) {
			return &errs.Error{Kind: errs.NotFound, Where: "seq", Msg: "这一步骤没有文书"}
		}
		number, err := tx.LetterNumber(ctx, c.ID, seq)
		if err != nil {
			return err
		}
		if number == "" {
			return &errs.Error{Kind: errs.Conflict, Where: "seq", Msg: "文书尚未出具：请先打开文书（出具并编号），再登记送达"}
		}
		letterOn, today := c.Events[seq-1].Step.On, s.Clock.Today()
		if d.ID == 0 {
			d.Seq, d.Number, d.By = seq, number, p.Name
			if err := d.Check(letterOn, today); err != nil {
				return err
			}
			e.Detail = number + " " + d.Text()
			return tx.AddDelivery(ctx, c.ID, &d)
		}
		// the 回执 of an earlier delivery
		on := d.ReceivedOn
		if on == nil {
			return errs.New("received_on", "请填写签收日期")
		}
		old, err := tx.Delivery(ctx, c.ID, d.ID)
		if errors.Is(err, store.ErrNotFound) || err == nil && old.Seq != seq {
			return &errs.Error{Kind: errs.NotFound, Where: "id", Msg: "这份文书没有这条送达记录"}
		} else if err != nil {
			return err
		}
		old.ReceivedOn = on
		if err := old.Check(letterOn, today); err != nil {
			return err
		}
		d, e.Detail = *old, number+" "+old.Text()
		return tx.SetDeliveryReceived(ctx, c.ID, old.ID, *on)
	})
	if err != nil {
		return nil, err
	}
	return &d, nil
}

// ServiceForm is the 送达回证 of an issued letter, printed by the agency's
// own staff to go with it: the letter must have its 文号 (opened once), and a
// delivery recorded for it fills in its way and day.
func (s *Service) ServiceForm(ctx context.Context, p Principal, id int64, seq int) (*casework.ServiceForm, error) {
	c, err := s.readableCase(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if !actsFor(p, c.AgencyID) {
		return nil, Forbidden("送达回证由本机关的办理人员出具")
	}
	if !c.HasLetter(seq) {
		return nil, &errs.Error{Kind: errs.NotFound, Where: "seq", Msg: "这一步骤没有文书"}
	}
	number, err := s.Store.LetterNumber(ctx, c.ID, seq)
	if err != nil {
		return nil, err
	}
	if number == "" {
		return nil, &errs.Error{Kind: errs.Conflict, Where: "seq", Msg: "文书尚未出具：请先打开文书（出具并编号），再打印送达回证"}
	}
	cal, st, ag, err := s.agencyRules(ctx, c.AgencyID)
	if err != nil {
		return nil, err
	}
	l, err := s.letterOf(ctx, p, c, ag, st, cal, seq)
	if err != nil {
		return nil, err
	}
	ds, err := s.Store.Deliveries(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	f := casework.ServiceFormFor(c, l, ds)
	return &f, nil
}
