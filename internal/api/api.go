// Package api is the JSON API under /api/v1: applications, their steps and
// letters, and 表三 from the records. Each agency has its own keys; a key sees
// only its agency's cases. Errors are JSON with a stable code and a Chinese
// message (and the field, when one is at fault).
package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"gongkai/internal/appeal"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/office"
	"gongkai/internal/report"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// Server serves the API.
type Server struct {
	Store  *store.Store
	Config casework.Config
	Log    *slog.Logger
	cal    atomic.Pointer[workday.Calendar]
}

// New returns a server using cal until SetCalendar replaces it.
func New(s *store.Store, cal *workday.Calendar, cfg casework.Config, log *slog.Logger) *Server {
	srv := &Server{Store: s, Config: cfg, Log: log}
	srv.cal.Store(cal)
	return srv
}

// SetCalendar swaps the calendar (after a holiday notice is loaded).
func (s *Server) SetCalendar(cal *workday.Calendar) { s.cal.Store(cal) }

// Calendar is the calendar in use.
func (s *Server) Calendar() *workday.Calendar { return s.cal.Load() }

type route struct {
	method, path, summary string
	h                     func(w http.ResponseWriter, r *http.Request, k *store.APIKey)
}

func (s *Server) routes() []route {
	return []route{
		{"GET", "/api/v1/cases", "列出本机关的申请（筛选、分页）", s.listCases},
		{"POST", "/api/v1/cases", "登记一件新申请", s.createCase},
		{"GET", "/api/v1/cases/{id}", "申请详情：办理过程、答复期限及其计算依据、可进行的步骤", s.getCase},
		{"POST", "/api/v1/cases/{id}/steps", "记录一个办理步骤", s.addStep},
		{"GET", "/api/v1/cases/{id}/letters/{seq}", "某一步骤的答复书或告知书（首次获取时编文号）", s.letter},
		{"GET", "/api/v1/reports/{year}/applications", "按办理记录生成的表三及检查结果", s.yearTable},
		{"GET", "/api/v1/appeals", "本机关的行政复议、行政诉讼记录", s.listAppeals},
		{"POST", "/api/v1/appeals", "登记一件行政复议或行政诉讼", s.createAppeal},
		{"POST", "/api/v1/appeals/{id}/conclusion", "记录复议决定或裁判的日期和结果", s.concludeAppeal},
	}
}

// Handler returns the API's handler; mount it at /api/v1/.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/openapi.json", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, s.OpenAPI())
	})
	for _, rt := range s.routes() {
		h := rt.h
		mux.HandleFunc(rt.method+" "+rt.path, func(w http.ResponseWriter, r *http.Request) {
			k, err := s.auth(r)
			if err != nil {
				s.fail(w, r, err)
				return
			}
			h(w, r, k)
		})
	}
	mux.HandleFunc("/api/v1/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, &errs.Error{Kind: errs.NotFound, Msg: "没有这个接口：见 /api/v1/openapi.json"})
	})
	return mux
}

var errUnauthorized = errors.New("unauthorized")

func (s *Server) auth(r *http.Request) (*store.APIKey, error) {
	key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || key == "" {
		return nil, &errs.Error{Kind: "unauthorized", Msg: "缺少 API 密钥：请在请求头写 Authorization: Bearer 密钥", Cause: errUnauthorized}
	}
	k, err := s.Store.LookupAPIKey(r.Context(), strings.TrimSpace(key))
	if errors.Is(err, store.ErrNotFound) {
		return nil, &errs.Error{Kind: "unauthorized", Msg: "API 密钥无效或已停用", Cause: errUnauthorized}
	}
	return k, err
}

// ErrorBody is the JSON of every error response.
type ErrorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Field   string `json:"field,omitempty"`
	} `json:"error"`
}

// status maps an error to its HTTP status; the one place that does.
func status(err error) (int, string) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, "not_found"
	case errors.Is(err, store.ErrConflict):
		return http.StatusConflict, "conflict"
	case errors.Is(err, workday.ErrNoNotice):
		return http.StatusConflict, "calendar_missing"
	}
	switch errs.KindOf(err) {
	case errs.Invalid:
		return http.StatusUnprocessableEntity, "invalid"
	case errs.Conflict:
		return http.StatusConflict, "conflict"
	case errs.NotFound:
		return http.StatusNotFound, "not_found"
	case "unauthorized":
		return http.StatusUnauthorized, "unauthorized"
	}
	return http.StatusInternalServerError, "internal"
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	code, name := status(err)
	var body ErrorBody
	body.Error.Code = name
	body.Error.Message = errs.Message(err)
	var e *errs.Error
	if errors.As(err, &e) {
		body.Error.Field = e.Where
		body.Error.Message = e.Msg
	}
	switch {
	case errors.Is(err, store.ErrNotFound):
		body.Error.Message = "没有找到：编号不对，或不属于本机关"
	case errors.Is(err, store.ErrConflict) && e == nil:
		body.Error.Message = "与已有记录冲突，或已被他人修改：请刷新后重试"
	}
	if code == http.StatusInternalServerError && s.Log != nil {
		s.Log.Error("api", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	writeJSON(w, code, body)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// decode reads a JSON body strictly: unknown fields are mistakes.
func decode(r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &te):
			return errs.New(te.Field, "“%s”的类型不对（应为 %s）", te.Field, te.Type)
		case errors.As(err, &se):
			return errs.New("body", "JSON 格式错误（第 %d 字节附近）", se.Offset)
		case strings.Contains(err.Error(), "unknown field"):
			return errs.New(strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`), "没有这个字段：%s", err.Error())
		case strings.Contains(err.Error(), "parsing time") || strings.Contains(err.Error(), "日期"):
			return errs.New("date", "日期不对：应写成 YYYY-MM-DD，且须是日历上存在的日期")
		}
		var ee *errs.Error
		if errors.As(err, &ee) {
			return ee
		}
		return errs.New("body", "无法读取请求内容：%v", err)
	}
	return nil
}

func (s *Server) today() workday.Date { return workday.FromTime(s.Store.Now().In(beijing)) }

var beijing = time.FixedZone("CST", 8*3600)

func (s *Server) caseOf(ctx context.Context, r *http.Request, k *store.APIKey) (*casework.Case, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, store.ErrNotFound
	}
	c, err := s.Store.GetCase(ctx, id, s.Calendar(), s.Config)
	if err != nil {
		return nil, err
	}
	if c.AgencyID != k.AgencyID {
		return nil, store.ErrNotFound // do not tell another agency that the case exists
	}
	return c, nil
}

// CaseView is a case with what the clerk needs to act on it.
type CaseView struct {
	*casework.Case
	Deadline     *casework.Deadline `json:"deadline,omitempty"`
	DeadlineNote string             `json:"deadline_note,omitempty"`
	Allowed      []string           `json:"allowed_steps"`
	// Suspects are earlier similar applications by the same applicant: a hint
	// that this may be a 重复申请, for the clerk to decide.
	Suspects []casework.Suspect `json:"suspected_duplicates,omitempty"`
}

func (s *Server) view(c *casework.Case) CaseView {
	v := CaseView{Case: c, Allowed: c.Allowed(s.Config, s.Calendar())}
	if v.Allowed == nil {
		v.Allowed = []string{}
	}
	dl, err := c.Deadline(s.Config, s.Calendar(), s.today())
	if err != nil {
		v.DeadlineNote = errs.Message(err)
	} else {
		v.Deadline = &dl
	}
	return v
}

func (s *Server) createCase(w http.ResponseWriter, r *http.Request, k *store.APIKey) {
	var in casework.Intake
	if err := decode(r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := casework.NewCase(in, casework.Actor{Name: "API:" + k.Name, Role: k.Role}, s.Store.Now().In(beijing), s.Calendar())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.Store.CreateCase(r.Context(), k.AgencyID, c, s.Calendar(), s.Config); err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, s.view(c))
}

func (s *Server) getCase(w http.ResponseWriter, r *http.Request, k *store.APIKey) {
	c, err := s.caseOf(r.Context(), r, k)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := s.view(c)
	if c.State != casework.Closed {
		if v.Suspects, err = s.Store.SuspectDuplicates(r.Context(), c, 180, s.Calendar(), s.Config); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	writeJSON(w, http.StatusOK, v)
}

func (s *Server) addStep(w http.ResponseWriter, r *http.Request, k *store.APIKey) {
	c, err := s.caseOf(r.Context(), r, k)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var step casework.Step
	if err := decode(r, &step); err != nil {
		s.fail(w, r, err)
		return
	}
	if step.Kind == casework.KindFeeNotice && step.Method == casework.FeeByApplications && step.Count == 0 {
		// the applicant's count this month comes from the records
		n, err := s.Store.ApplicantMonthCount(r.Context(), k.AgencyID, c.Intake.Applicant.IDNum, c.Received)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		step.Count = n
	}
	c, err = s.Store.ApplyStep(r.Context(), c.ID, step, casework.Actor{Name: "API:" + k.Name, Role: k.Role}, s.Calendar(), s.Config)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, s.view(c))
}

// CaseList is one page of cases.
type CaseList struct {
	Total int             `json:"total"`
	Items []store.CaseRow `json:"items"`
}

func (s *Server) listCases(w http.ResponseWriter, r *http.Request, k *store.APIKey) {
	q := r.URL.Query()
	f := store.CaseFilter{AgencyIDs: []int64{k.AgencyID}, State: casework.State(q.Get("state")), Outcome: q.Get("outcome"),
		Channel: casework.Channel(q.Get("channel")), ApplicantType: casework.ApplicantType(q.Get("applicant_type")), Query: q.Get("q")}
	for name, dst := range map[string]**workday.Date{"received_from": &f.ReceivedFrom, "received_to": &f.ReceivedTo, "due_by": &f.DueBy} {
		if v := q.Get(name); v != "" {
			d, err := workday.ParseDate(v)
			if err != nil {
				s.fail(w, r, errs.New(name, "%s", errs.Message(err)))
				return
			}
			*dst = &d
		}
	}
	switch q.Get("overdue") {
	case "", "false":
	case "true":
		today := s.today()
		f.OverdueOn = &today
	default:
		s.fail(w, r, errs.New("overdue", "overdue 只能是 true 或 false"))
		return
	}
	for name, dst := range map[string]*int{"limit": &f.Limit, "offset": &f.Offset} {
		if v := q.Get(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				s.fail(w, r, errs.New(name, "%s 应为非负整数", name))
				return
			}
			*dst = n
		}
	}
	rows, total, err := s.Store.ListCases(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if rows == nil {
		rows = []store.CaseRow{}
	}
	writeJSON(w, http.StatusOK, CaseList{Total: total, Items: rows})
}

func (s *Server) letter(w http.ResponseWriter, r *http.Request, k *store.APIKey) {
	c, err := s.caseOf(r.Context(), r, k)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	seq, err := strconv.Atoi(r.PathValue("seq"))
	if err != nil || seq < 1 || seq > len(c.Events) {
		s.fail(w, r, errs.New("seq", "案件没有这个办理步骤"))
		return
	}
	ag, err := s.Store.GetAgency(r.Context(), k.AgencyID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	info := casework.AgencyInfo{Name: ag.Name, Level: ag.Level, ReviewOrgan: ag.ReviewOrgan, LetterPrefix: ag.LetterPrefix}
	// draft first: a step without a letter must not use up a number
	if _, err := casework.LetterFor(c, seq, info, "", s.Config, s.Calendar()); err != nil {
		s.fail(w, r, err)
		return
	}
	on := c.Events[seq-1].Step.On
	number, err := s.Store.IssueLetterNumber(r.Context(), ag.ID, c.ID, seq, on.Year(), func(n int) string {
		return casework.LetterNumber(ag.LetterPrefix, on.Year(), n)
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	l, err := casework.LetterFor(c, seq, info, number, s.Config, s.Calendar())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	switch f := r.URL.Query().Get("format"); f {
	case "docx", "pdf":
		var b bytes.Buffer
		var err error
		if f == "docx" {
			err = office.DOCX(&b, office.LetterDoc(l), s.Store.Now())
		} else {
			err = office.PDF(&b, office.LetterDoc(l))
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		w.Header().Set("Content-Type", office.ContentType[f])
		w.Header().Set("Content-Disposition", `attachment; filename*=UTF-8''`+url.PathEscape(l.Title+"-"+l.Number+"."+f))
		w.Write(b.Bytes())
	case "text":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte(l.Text()))
	case "html":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(l.HTML()))
	default:
		writeJSON(w, http.StatusOK, l)
	}
}

func (s *Server) yearTable(w http.ResponseWriter, r *http.Request, k *store.APIKey) {
	year, err := strconv.Atoi(r.PathValue("year"))
	if err != nil || year < 2019 || year > 2200 {
		s.fail(w, r, errs.New("year", "年度应为 2019 年以后的年份"))
		return
	}
	ag, err := s.Store.GetAgency(r.Context(), k.AgencyID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rows, err := s.Store.YearTable(r.Context(), k.AgencyID, year)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rep := report.NewReport(report.FormatForYear(year))
	rep.Agency, rep.Year, rep.Level = ag.Name, year, ag.Level
	rep.Applications = rows
	if err := s.Store.ProactiveFromLedgers(r.Context(), k.AgencyID, year, rep); err != nil {
		s.fail(w, r, err)
		return
	}
	rep.Meta.Tables = map[string]bool{"3": true}
	var findings []report.Finding
	for _, f := range report.Check(rep, nil) {
		if strings.HasPrefix(f.Rule, "T3.") || f.Rule == "CELL.INVALID" {
			findings = append(findings, f)
		}
	}
	rep.Findings = findings
	if f := r.URL.Query().Get("format"); office.IsOffice(f) {
		var b bytes.Buffer
		if err := office.RenderReport(&b, rep, f, s.Store.Now()); err != nil {
			s.fail(w, r, err)
			return
		}
		w.Header().Set("Content-Type", office.ContentType[f])
		w.Header().Set("Content-Disposition", `attachment; filename*=UTF-8''`+url.PathEscape(fmt.Sprintf("%s%d年政府信息公开工作年度报告.%s", ag.Name, year, f)))
		w.Write(b.Bytes())
		return
	}
	writeJSON(w, http.StatusOK, rep)
}

func (s *Server) listAppeals(w http.ResponseWriter, r *http.Request, k *store.APIKey) {
	recs, err := s.Store.Appeals(r.Context(), k.AgencyID, 0)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if recs == nil {
		recs = []appeal.Record{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": recs})
}

func (s *Server) createAppeal(w http.ResponseWriter, r *http.Request, k *store.APIKey) {
	var a appeal.Record
	if err := decode(r, &a); err != nil {
		s.fail(w, r, err)
		return
	}
	a.ID, a.AgencyID, a.CreatedBy = 0, k.AgencyID, "API:"+k.Name
	if err := s.Store.AddAppeal(r.Context(), &a); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			err = errs.New("case_id", "本机关没有这件申请")
		}
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, a)
}

// Conclusion is the body of POST /api/v1/appeals/{id}/conclusion.
type Conclusion struct {
	ConcludedOn workday.Date  `json:"concluded_on"`
	Result      appeal.Result `json:"result"`
}

func (s *Server) concludeAppeal(w http.ResponseWriter, r *http.Request, k *store.APIKey) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.fail(w, r, store.ErrNotFound)
		return
	}
	a, err := s.Store.Appeal(r.Context(), k.AgencyID, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var c Conclusion
	if err := decode(r, &c); err != nil {
		s.fail(w, r, err)
		return
	}
	if c.ConcludedOn == 0 {
		s.fail(w, r, errs.New("concluded_on", "请填写审结日期（YYYY-MM-DD）"))
		return
	}
	a.ConcludedOn, a.Result = &c.ConcludedOn, c.Result
	if err := s.Store.UpdateAppeal(r.Context(), a); err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, a)
}
