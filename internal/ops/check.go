package ops

import (
	"context"
	"errors"
	"strings"
	"unicode/utf8"

	"gongkai/internal/auditor"
	"gongkai/internal/errs"
	"gongkai/internal/org"
	"gongkai/internal/report"
	"gongkai/internal/store"
)

// CheckReports reads published annual reports — any agency's, as a
// supervising office or an auditor receives them: web pages, Word, PDF, WPS,
// OFD, workbooks, text, zip archives of them — and checks them as
// `gongkai audit` does: each report's own rules, and the reports of one
// agency against each other year by year. Nothing is stored: the files are
// read in memory and let go. Any signed-in user, and any API key, may check.
// load reads the files; it is called once the check has its turn, so that
// the files of the checks that wait are not held in memory meanwhile.
func (s *Service) CheckReports(ctx context.Context, p Principal, load func() ([]auditor.Upload, error)) ([]auditor.Outcome, auditor.Summary, error) {
	if p.UserID == 0 && p.Via != "api" {
		return nil, auditor.Summary{}, Forbidden("请先登录")
	}
	if s.checks != nil { // a check uses every core: the next one waits its turn
		select {
		case s.checks <- struct{}{}:
			defer func() { <-s.checks }()
		case <-ctx.Done():
			return nil, auditor.Summary{}, ctx.Err()
		}
	}
	ups, err := load()
	if err != nil {
		return nil, auditor.Summary{}, err
	}
	var given []auditor.Upload
	for _, u := range ups {
		// the file's own name, whichever system's path came with it (an
		// address is shown whole)
		u.Name = strings.TrimSpace(u.Name)
		if !strings.Contains(u.Name, "://") {
			u.Name = baseName(u.Name)
		}
		if u.Name == "" && len(u.Data) == 0 && u.Err == nil {
			continue // an empty file box
		}
		given = append(given, u)
	}
	if len(given) == 0 {
		return nil, auditor.Summary{}, errs.New("files", "请选择要核查的年度报告文件（网页、Word、PDF、WPS、OFD、Excel、文本，或它们的压缩包 .zip、.rar，报送来的邮件 .eml、.msg，可一次选择多个），或填写报告的网址")
	}
	all, err := auditor.Unpack(given)
	if err != nil {
		return nil, auditor.Summary{}, err
	}
	// each file of an agency the checker may see is compared with that
	// agency's report of the year kept here (PUB.DIFF): the published file
	// should be the version approved and sent
	_, ags, err := s.visibleAgencies(ctx, p)
	if err != nil {
		return nil, auditor.Summary{}, err
	}
	outs, err := auditor.AuditUploads(ctx, all, 0, s.savedComparer(ctx, ags))
	if err != nil {
		return nil, auditor.Summary{}, err
	}
	return outs, auditor.Summarize(outs), nil
}

// SavedComparer is CheckReports' comparison for the command line (gongkai
// audit --db): with every agency of the database.
func (s *Service) SavedComparer(ctx context.Context) (auditor.Compare, error) {
	ags, err := s.Store.ListAgencies(ctx)
	if err != nil {
		return nil, err
	}
	return s.savedComparer(ctx, ags), nil
}

// savedComparer adds PUB.DIFF to a report against the saved one of the
// agency among ags its title names, for its year, and names that agency.
func (s *Service) savedComparer(ctx context.Context, ags []*org.Agency) auditor.Compare {
	return func(r *report.Report) (string, error) {
		if r.Agency == "" || r.Year == 0 {
			return "", nil
		}
		ag := agencyNamed(ags, r.Agency)
		if ag == nil {
			return "", nil
		}
		saved, err := s.Store.GetReport(ctx, ag.ID, r.Year)
		if errors.Is(err, store.ErrNotFound) {
			return "", nil
		} else if err != nil {
			return "", err
		}
		r.Findings = append(r.Findings, report.Published(r, saved)...)
		return ag.Name, nil
	}
}

// agencyNamed is the one agency a report's title names: by the same name
// (bracket widths, spaces, 人民政府 or 政府, a second name in brackets), or
// else the one whose name is the title's with the places above it written
// before, or without them; nil when none or several.
func agencyNamed(ags []*org.Agency, title string) *org.Agency {
	key := auditor.AgencyKey(title)
	var same, near []*org.Agency
	for _, a := range ags {
		k := auditor.AgencyKey(a.Name)
		shorter := k
		if len(key) < len(k) {
			shorter = key
		}
		switch {
		case k == key:
			same = append(same, a)
		case utf8.RuneCountInString(shorter) >= 4 && (strings.HasSuffix(k, key) || strings.HasSuffix(key, k)):
			near = append(near, a)
		}
	}
	switch {
	case len(same) == 1:
		return same[0]
	case len(same) == 0 && len(near) == 1:
		return near[0]
	}
	return nil
}

// maxChecks is how many report checks run at once.
const maxChecks = 2
