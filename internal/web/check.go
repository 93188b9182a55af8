package web

import (
	"bytes"
	"encoding/json"
	"html/template"
	"net/http"
	"slices"
	"strings"

	"gongkai/internal/auditor"
	"gongkai/internal/errs"
	"gongkai/internal/fetch"
	"gongkai/internal/office"
	"gongkai/internal/report"
)

// checkData is the 报告核查 page: the upload form and, after a check, each
// file's result.
type checkData struct {
	Done     bool
	Summary  auditor.Summary
	Outcomes []checkOutcome
	Rows     string // the result as the workbook's rows (JSON), posted back to download it
	Max      int
	MaxMB    int
	MaxURLs  int
}

type checkOutcome struct {
	auditor.Outcome
	Errors, Warnings, Infos int
	Message                 string          // why it could not be read
	Tables                  []template.HTML // 表二、表三、表四 as read, cells with findings marked
}

func newCheckData() checkData {
	return checkData{Max: auditor.UploadLimits.Files, MaxMB: int(auditor.UploadLimits.Bytes >> 20), MaxURLs: fetch.MaxAddresses}
}

// checkPage offers to check published reports.
func (s *Server) checkPage(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.render(w, http.StatusOK, "check", page{Title: "报告核查", User: si.user, CSRF: si.csrf, Data: newCheckData()})
}

// checkFiles checks the uploaded reports and shows what was found.
func (s *Server) checkFiles(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	d := newCheckData()
	load := func() ([]auditor.Upload, error) {
		ups, err := uploadedFiles(r)
		if err != nil {
			return nil, err
		}
		fetched, err := s.fetchAddresses(r)
		return append(ups, fetched...), err
	}
	outs, sum, err := s.Ops.CheckReports(r.Context(), si.p(), load)
	d.Summary = sum
	if err != nil {
		if k := errs.KindOf(err); k != errs.Invalid && k != errs.TooLarge {
			s.fail(w, r, si.user, si.csrf, err)
			return
		}
		code, _ := statusOf(err)
		field, msg := "files", errs.Readable(err) // where in an archive, when it is there (a place, not a field id)
		if errs.Fields(err)["urls"] != "" {
			field, msg = "urls", errs.Plain(err)
		}
		s.render(w, code, "check", page{Title: "报告核查", User: si.user, CSRF: si.csrf, Form: map[string]string{"urls": r.PostFormValue("urls")},
			Errors: map[string]string{field: msg}, Data: d})
		return
	}
	d.Done = true
	for _, o := range outs {
		c := checkOutcome{Outcome: o}
		if o.Err != nil {
			c.Message = errs.Plain(o.Err)
		} else {
			c.Errors, c.Warnings, c.Infos = o.Report.Counts()
			for _, t := range office.ReportTables(o.Report) {
				c.Tables = append(c.Tables, tableHTML(t, nil, o.Report.Findings))
			}
		}
		d.Outcomes = append(d.Outcomes, c)
	}
	rows, _ := json.Marshal(office.AuditLedger(outs).Rows)
	d.Rows = string(rows)
	s.renderTo(w, r, http.StatusOK, "check", page{Title: "报告核查", User: si.user, CSRF: si.csrf, Form: map[string]string{"urls": r.PostFormValue("urls")}, Data: d})
}

// uploadedFiles are the files chosen in the form.
func uploadedFiles(r *http.Request) ([]auditor.Upload, error) {
	if r.MultipartForm == nil {
		return nil, nil
	}
	var ups []auditor.Upload
	for _, fh := range r.MultipartForm.File["files"] {
		f, err := fh.Open()
		if err != nil {
			return nil, errs.Wrap(errs.Invalid, err, "files", "上传的文件无法读取，请重新选择")
		}
		data, err := readAll(f, report.MaxInput)
		_ = f.Close() // read only
		if err != nil {
			return nil, &errs.Error{Kind: errs.TooLarge, Where: "files", Msg: fh.Filename + "：文件过大，超过 32 MB 的上限"}
		}
		ups = append(ups, auditor.Upload{Name: fh.Filename, Data: data})
	}
	return ups, nil
}

// fetchAddresses downloads the addresses typed into the form (public ones
// only), within the check's limits: each becomes a file, or one that could
// not be read with why.
func (s *Server) fetchAddresses(r *http.Request) ([]auditor.Upload, error) {
	text := strings.TrimSpace(r.PostFormValue("urls"))
	if text == "" {
		return nil, nil
	}
	urls, err := fetch.ReadList("urls", []byte(text))
	if err != nil {
		return nil, err
	}
	if len(urls) > fetch.MaxAddresses {
		return nil, errs.New("urls", "一次最多核查 %d 个网址，现在有 %d 个：请分批核查", fetch.MaxAddresses, len(urls))
	}
	return fetch.ForCheck(r.Context(), s.Fetch, urls), nil
}

// maxCheckRows bounds a result posted back for download.
const maxCheckRows = 50000

// checkFile sends a check's result, as the page showed it, as a workbook:
// the rows come back from the page, so that the files need not be uploaded
// again (nothing of them is kept here).
func (s *Server) checkFile(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	var rows [][]string
	l := office.AuditLedger(nil)
	if json.Unmarshal([]byte(r.PostFormValue("rows")), &rows) != nil || len(rows) > maxCheckRows ||
		slices.ContainsFunc(rows, func(row []string) bool { return len(row) != len(l.Headers) }) {
		s.fail(w, r, si.user, si.csrf, errs.New("rows", "核查结果无法导出：请重新核查后再下载"))
		return
	}
	l.Rows = rows
	var b bytes.Buffer
	if err := office.LedgerXLSX(&b, l); err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	download(w, office.ContentType["xlsx"], "报告核查结果.xlsx", b.Bytes())
}
