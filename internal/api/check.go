package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"gongkai/internal/auditor"
	"gongkai/internal/errs"
	"gongkai/internal/fetch"
	"gongkai/internal/ops"
	"gongkai/internal/report"
)

// MaxAudit bounds the body of POST /api/v1/audit: one report, or a zip of
// reports (as many as a web check takes).
const MaxAudit = auditor.MaxUploadBytes + 1<<20

// AuditFile is one file of a check as the API answers it: what the auditor
// writes for it with --json, with the counts and the file of the year before
// it was checked against.
type AuditFile struct {
	File     string          `json:"file"`
	Error    string          `json:"error,omitempty"`
	Prev     string          `json:"prev,omitempty"`
	Saved    string          `json:"saved,omitempty"`
	Errors   int             `json:"errors"`
	Warnings int             `json:"warnings"`
	Infos    int             `json:"infos"`
	Findings []AuditFinding  `json:"findings"`
	Report   json.RawMessage `json:"report,omitempty"`
}

type AuditFinding struct {
	report.Finding
	Title string `json:"title"`
}

// checkSummary counts the files of a check.
type checkSummary struct {
	Files        int `json:"files"`
	WithErrors   int `json:"with_errors"`
	WithWarnings int `json:"with_warnings"`
	Clean        int `json:"clean"`
	Unreadable   int `json:"unreadable"`
	// Reports counts the reports read: a compilation's each (a file of one
	// is one); with_errors, with_warnings and clean count reports
	Reports int `json:"reports"`
}

// audit checks a published report given as the body (a zip: every report
// in it), as 报告核查 does on the web.
func (s *Server) audit(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	if urls := r.URL.Query()["url"]; len(urls) > 0 { // addresses: fetched by the server, public ones only
		if len(urls) > fetch.MaxAddresses {
			s.fail(w, r, errs.New("url", "一次最多核查 %d 个网址，现在有 %d 个", fetch.MaxAddresses, len(urls)))
			return
		}
		s.writeAudit(w, r, p, func() ([]auditor.Upload, error) { return fetch.ForCheck(r.Context(), s.Fetch, urls), nil })
		return
	}
	name := r.URL.Query().Get("name")
	if name == "" {
		s.fail(w, r, errs.New("name", "请用参数 name 给出文件名（含扩展名，如 2024年报.pdf）：扩展名决定 .csv、.zip 等的读法；或用参数 url 给出报告的网址"))
		return
	}
	s.writeAudit(w, r, p, func() ([]auditor.Upload, error) { // read once the check has its turn
		data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxAudit))
		var me *http.MaxBytesError
		switch {
		case errors.As(err, &me):
			return nil, &errs.Error{Kind: errs.TooLarge, Where: "body", Msg: fmt.Sprintf("文件超过 %d MB", MaxAudit>>20)}
		case err != nil:
			return nil, errs.Wrap(errs.Invalid, err, "body", "无法读取请求内容")
		case len(data) == 0:
			return nil, errs.New("body", "请求内容为空：应为报告文件本身")
		}
		return []auditor.Upload{{Name: name, Data: data}}, nil
	})
}

// writeAudit checks what load gives and answers with each file's result.
func (s *Server) writeAudit(w http.ResponseWriter, r *http.Request, p ops.Principal, load func() ([]auditor.Upload, error)) {
	outs, sum, err := s.Ops.CheckReports(r.Context(), p, load)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	files := make([]AuditFile, 0, len(outs))
	for _, o := range outs {
		f := AuditFile{File: o.Name, Prev: o.Prev, Saved: o.Saved, Findings: []AuditFinding{}}
		if o.Err != nil {
			f.Error = errs.Plain(o.Err)
		} else {
			f.Errors, f.Warnings, f.Infos = o.Report.Counts()
			for _, x := range o.Report.Findings {
				f.Findings = append(f.Findings, AuditFinding{x, report.RuleTitle(x.Rule)})
			}
			f.Report = o.Report.ModelJSON()
		}
		files = append(files, f)
	}
	writeJSON(w, http.StatusOK, map[string]any{"summary": checkSummary{sum.Files, sum.WithErrors, sum.WithWarnings, sum.Clean, sum.Unreadable, sum.ReportsRead()}, "files": files})
}
