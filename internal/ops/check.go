package ops

import (
	"context"
	"strings"

	"gongkai/internal/auditor"
	"gongkai/internal/errs"
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
		// the file's own name, whichever system's path came with it
		u.Name = strings.TrimSpace(u.Name)
		u.Name = u.Name[strings.LastIndexAny(u.Name, `/\`)+1:]
		if u.Name == "" && len(u.Data) == 0 {
			continue // an empty file box
		}
		given = append(given, u)
	}
	if len(given) == 0 {
		return nil, auditor.Summary{}, errs.New("files", "请选择要核查的年度报告文件（网页、Word、PDF、WPS、OFD、Excel、文本，或它们的压缩包 .zip），可一次选择多个")
	}
	all, err := auditor.Unpack(given)
	if err != nil {
		return nil, auditor.Summary{}, err
	}
	return auditor.AuditUploads(ctx, all, 0)
}

// Uploads is a load for CheckReports of files already in memory.
func Uploads(ups ...auditor.Upload) func() ([]auditor.Upload, error) {
	return func() ([]auditor.Upload, error) { return ups, nil }
}

// maxChecks is how many report checks run at once.
const maxChecks = 2
