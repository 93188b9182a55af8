package ops

import (
	"context"
	"strconv"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/org"
	"gongkai/internal/settings"
	"gongkai/internal/workday"
)

// StatusView is what the public status page shows of an application: its
// stage and what the applicant must do next, never personal data.
type StatusView struct {
	Agency    string
	Serial    string
	Received  workday.Date
	State     casework.State
	StateName string
	Due       workday.Date
	ClosedOn  *workday.Date
	Outcome   string
	// Correction: what to correct and by when (待补正).
	CorrectionNote string
	CorrectionBy   workday.Date
	// Payment: the fee, how it is computed and the period (待缴费).
	Amount     int64
	FeeMethod  string
	PaymentBy  workday.Date
	PaymentNot string // why the period's end is not known yet
	// Extension: the new date and the reason given.
	ExtendedTo     workday.Date
	ExtendedReason string
	// Letters the applicant may download: reply, notices addressed to them.
	Letters []StatusLetter
}

// StatusLetter is a letter an applicant may download by its 查询码.
type StatusLetter struct {
	Seq    int
	Title  string
	Number string
	Mailed []string // when and where it was sent by e-mail, the address masked
}

// Status looks an application up by its 查询码.
func (s *Service) Status(ctx context.Context, code string) (*StatusView, error) {
	v, _, err := s.status(ctx, code)
	return v, err
}

// statusCase is the case behind a status view, with what its letters need.
type statusCase struct {
	c   *casework.Case
	cal *workday.Calendar
	st  settings.Settings
	ag  *org.Agency
}

func (s *Service) status(ctx context.Context, code string) (*StatusView, *statusCase, error) {
	c, err := s.Store.CaseByCode(ctx, code)
	if err != nil {
		return nil, nil, notFoundOr(err)
	}
	cal, st, ag, err := s.agencyRules(ctx, c.AgencyID)
	if err != nil {
		return nil, nil, err
	}
	v := &StatusView{Agency: ag.Name, Serial: c.Serial, Received: c.Received, State: c.State, StateName: casework.StateName(c.State), ClosedOn: c.ClosedOn}
	if o := casework.OutcomeByID(c.Outcome); o != nil {
		v.Outcome = o.Name
	}
	if dl, err := c.Deadline(st.Case, cal, s.Clock.Today()); err == nil {
		v.Due = dl.Due
		switch c.State {
		case casework.AwaitingCorrection:
			v.CorrectionBy = dl.Extra
		case casework.AwaitingPayment:
			v.PaymentBy, v.PaymentNot = dl.Extra, dl.ExtraNote
		}
	}
	for _, e := range c.Events {
		if c.Undone(e.Seq) {
			continue
		}
		switch e.Step.Kind {
		case casework.KindRequestCorrection:
			v.CorrectionNote = e.Step.Note
		case casework.KindFeeNotice:
			v.Amount = e.Step.Amount
			v.FeeMethod = "按件计收"
			if e.Step.Method == casework.FeeByPages {
				v.FeeMethod = "按量计收（" + strconv.Itoa(e.Step.Pages) + " 页）"
			}
		case casework.KindExtend, casework.KindSetPeriod:
			v.ExtendedReason = e.Step.Note
			v.ExtendedTo = v.Due
		}
		if l := casework.StepLetter(e.Step.Kind); l != "" && l != "consultation" {
			n, err := s.Store.LetterNumber(ctx, c.ID, e.Seq)
			if err != nil {
				return nil, nil, err
			}
			if n != "" { // only what the agency has issued
				v.Letters = append(v.Letters, StatusLetter{Seq: e.Seq, Title: letterTitle(l), Number: n})
			}
		}
	}
	if len(v.Letters) > 0 {
		mails, err := s.Store.LetterMails(ctx, c.ID)
		if err != nil {
			return nil, nil, err
		}
		for _, m := range mails {
			for i := range v.Letters {
				if v.Letters[i].Seq == m.Seq {
					v.Letters[i].Mailed = append(v.Letters[i].Mailed, s.Clock.Date(m.At).Chinese()+"已以电子邮件发至 "+casework.MaskEmail(m.To))
				}
			}
		}
	}
	return v, &statusCase{c: c, cal: cal, st: st, ag: ag}, nil
}

func letterTitle(kind string) string {
	for _, k := range casework.LetterKinds {
		if k.Kind == kind {
			return k.Title
		}
	}
	return kind
}

// StatusLetter is a letter addressed to the applicant, by 查询码: the reply
// and the notices the agency has issued (numbered), never a draft and never
// the letter to a third party.
func (s *Service) StatusLetter(ctx context.Context, code string, seq int) (*casework.Letter, error) {
	v, sc, err := s.status(ctx, code)
	if err != nil {
		return nil, err
	}
	for _, l := range v.Letters {
		if l.Seq == seq {
			return casework.LetterFor(sc.c, seq, sc.ag.Info(), l.Number, sc.st.Case, sc.cal)
		}
	}
	return nil, &errs.Error{Kind: errs.NotFound, Msg: "没有这份文书"}
}
