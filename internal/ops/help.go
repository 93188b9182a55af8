package ops

import (
	"context"

	"gongkai/internal/org"
	"gongkai/internal/report"
	"gongkai/internal/settings"
)

// HelpView is what the help page says of the rules in force for its reader:
// the periods and choices set on 办理规则, and when their agency's next
// annual report is due.
type HelpView struct {
	Settings  settings.Settings
	Agency    *org.Agency
	ReportDue string
}

// Help reads the rules in force for the help page.
func (s *Service) Help(ctx context.Context, p Principal) (*HelpView, error) {
	_, st, err := s.rules(ctx)
	if err != nil {
		return nil, err
	}
	ag, err := s.Store.GetAgency(ctx, p.AgencyID)
	if err != nil {
		return nil, err
	}
	// the report of last year until its day has passed, then this year's
	today := s.Clock.Today()
	year := today.Year() - 1
	if due, _ := report.SubmitBy(ag.Level, year, nil); today > due {
		year++
	}
	return &HelpView{Settings: st, Agency: ag, ReportDue: report.SubmitByText(ag.Level, year)}, nil
}
