// Package api is the JSON API under /api/v1: applications, their steps and
// letters, 复议/诉讼 records, and the report's tables from the records. Each
// agency has its own keys; a key sees only its agency's records. Errors are
// JSON with a stable code and a Chinese message (and the fields at fault).
// Handlers bind JSON to the operations of internal/ops and encode the result.
package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"

	"gongkai/internal/appeal"
	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/fetch"
	"gongkai/internal/guard"
	"gongkai/internal/office"
	"gongkai/internal/ops"
	"gongkai/internal/org"
	"gongkai/internal/report"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// MaxBody bounds a JSON request: an application or a step is a few KB.
const MaxBody = 1 << 20

// Server serves the API.
type Server struct {
	Ops *ops.Service
	Log *slog.Logger
	// Fetch downloads the addresses given to POST /api/v1/audit: public
	// addresses only (fetch.PublicClient).
	Fetch *http.Client
	// Mailer sends letters to applicants by e-mail (nil: no mail server).
	Mailer ops.Mailer
	// PublicURL starts the status page's address in notices to applicants.
	PublicURL string
}

// New returns the API over the operations.
func New(o *ops.Service, log *slog.Logger) *Server {
	return &Server{Ops: o, Log: log, Fetch: fetch.PublicClient()}
}

type route struct {
	method, path, summary string
	h                     func(w http.ResponseWriter, r *http.Request, p ops.Principal)
}

func (s *Server) routes() []route {
	return append([]route{
		{"GET", "/api/v1/cases", "列出本机关的申请（筛选、分页）", s.listCases},
		{"POST", "/api/v1/cases", "登记一件新申请", s.createCase},
		{"GET", "/api/v1/cases/{id}", "申请详情：办理过程、答复期限及其计算依据、可进行的步骤", s.getCase},
		{"POST", "/api/v1/cases/{id}/steps", "记录一个办理步骤", s.addStep},
		{"POST", "/api/v1/cases/{id}/handler", "指派承办人（本机关的办理人或负责人；0 为取消）", s.assign},
		{"POST", "/api/v1/cases/{id}/proposal", "办理人提请负责人审批一个只有负责人能登记的步骤（延期、确定合理期限、撤销步骤、不予公开或部分公开的答复）", s.propose},
		{"POST", "/api/v1/cases/{id}/proposal/decision", "负责人同意（以负责人名义登记该步骤）或退回待审批的提请", s.decideProposal},
		{"POST", "/api/v1/cases/{id}/proposal/withdraw", "提请人撤回待审批的提请", s.withdrawProposal},
		{"GET", "/api/v1/cases/{id}/letters/{seq}", "某一步骤的答复书或告知书（首次获取时编文号）", s.letter},
		{"GET", "/api/v1/cases/{id}/receipt", "接收回执（申请编号、查询码、答复期限；不编文号），format=pdf|docx|html|text，默认 JSON", s.receipt},
		{"GET", "/api/v1/cases/{id}/letters/{seq}/service", "已出具文书的送达回证（文书、文号、受送达人、送达方式，签名栏），format=pdf|docx，默认 JSON", s.serviceForm},
		{"GET", "/api/v1/cases/{id}/file", "办理案卷（归档用）：办理记录、全部文书（PDF）和附件，zip 压缩包", s.caseFile},
		{"POST", "/api/v1/cases/{id}/archive", "归档：已办结的申请按本机关的档号格式取得档号", s.archive},
		{"POST", "/api/v1/cases/{id}/letters/{seq}/mail", "以电子邮件把文书（PDF）发给申请人（须本系统设置了邮件服务器；尚未编号的先编号）", s.mailLetter},
		{"POST", "/api/v1/cases/{id}/letters/{seq}/delivery", "登记已出具文书的送达（方式、日期、邮件号、签收日期）；给出 id 时只登记该条的签收日期", s.deliverLetter},
		{"GET", "/api/v1/reports/{year}/applications", "按办理记录生成的表三及检查结果", s.yearTable},
		{"GET", "/api/v1/stats", "办理情况统计：本机关（及所辖机关）某年度收到、按期和逾期答复、答复用时、尚未办结的申请", s.stats},
		{"GET", "/api/v1/appeals", "本机关的行政复议、行政诉讼记录", s.listAppeals},
		{"POST", "/api/v1/appeals", "登记一件行政复议或行政诉讼", s.createAppeal},
		{"POST", "/api/v1/appeals/{id}/conclusion", "记录复议决定或裁判的日期和结果", s.concludeAppeal},
		{"POST", "/api/v1/audit", "核查已发布的年度报告（任一机关的；一个文件或一个 zip 压缩包），结果同 gongkai audit --json", s.audit},
	}, s.catalogRoutes()...)
}

// Patterns are the API's routes as ServeMux patterns ("GET /api/v1/cases").
func (s *Server) Patterns() []string {
	out := []string{"GET /api/v1/openapi.json"}
	for _, rt := range s.routes() {
		out = append(out, rt.method+" "+rt.path)
	}
	return out
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
			h(w, r, ops.Key(k))
		})
	}
	mux.HandleFunc("/api/v1/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, &errs.Error{Kind: errs.NotFound, Msg: "没有这个接口：见 /api/v1/openapi.json"})
	})
	return mux
}

var errUnauthorized = errors.New("unauthorized")

func (s *Server) auth(r *http.Request) (*org.APIKey, error) {
	key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || key == "" {
		return nil, &errs.Error{Kind: "unauthorized", Msg: "缺少 API 密钥：请在请求头写 Authorization: Bearer 密钥", Cause: errUnauthorized}
	}
	k, err := s.Ops.Store.LookupAPIKey(r.Context(), strings.TrimSpace(key))
	if errors.Is(err, store.ErrNotFound) {
		return nil, &errs.Error{Kind: "unauthorized", Msg: "API 密钥无效或已停用", Cause: errUnauthorized}
	}
	return k, err
}

// ErrorBody is the JSON of every error response.
type ErrorBody struct {
	Error struct {
		Code    string       `json:"code"`
		Message string       `json:"message"`
		Field   string       `json:"field,omitempty"`
		Fields  []FieldError `json:"fields,omitempty"`
	} `json:"error"`
}

// FieldError is one problem at one field.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// status maps an error to its HTTP status; the one place that does.
func status(err error) (int, string) {
	var th *ops.ErrThrottled
	switch {
	case errors.As(err, &th):
		return http.StatusTooManyRequests, "throttled"
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, "not_found"
	case errors.Is(err, store.ErrConflict):
		return http.StatusConflict, "conflict"
	case errors.Is(err, workday.ErrNoNotice):
		return http.StatusConflict, "calendar_missing"
	case errors.Is(err, store.ErrBusy):
		return http.StatusServiceUnavailable, "busy"
	}
	switch errs.KindOf(err) {
	case errs.Invalid:
		return http.StatusUnprocessableEntity, "invalid"
	case errs.Conflict:
		return http.StatusConflict, "conflict"
	case errs.NotFound:
		return http.StatusNotFound, "not_found"
	case errs.Forbidden:
		return http.StatusForbidden, "forbidden"
	case errs.TooLarge:
		return http.StatusRequestEntityTooLarge, "too_large"
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
	var l errs.List
	var e *errs.Error
	switch {
	case errors.As(err, &l):
		for _, x := range l {
			body.Error.Fields = append(body.Error.Fields, FieldError{x.Where, x.Msg})
		}
		body.Error.Field, body.Error.Message = l[0].Where, l[0].Msg
	case errors.As(err, &e):
		body.Error.Field, body.Error.Message = e.Where, e.Msg
	}
	if code == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	switch {
	case code == http.StatusNotFound:
		body.Error.Message = "没有找到：编号不对，或不属于本机关"
	case errors.Is(err, store.ErrConflict) && e == nil:
		body.Error.Message = "与已有记录冲突，或已被他人修改：请刷新后重试"
	case code == http.StatusInternalServerError:
		body.Error.Message = "内部错误，请联系系统管理员"
		s.Log.Error("api", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	writeJSON(w, code, body)
}

// writeItems answers a list as {"items": [...]}, an empty list never null.
func writeItems[T any](w http.ResponseWriter, items []T) {
	if items == nil {
		items = []T{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // a failed write means the client has gone; nothing is left to tell it
}

// decode reads a JSON body strictly, at most MaxBody bytes: unknown fields are mistakes.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, MaxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		var me *http.MaxBytesError
		switch {
		case errors.As(err, &me):
			return &errs.Error{Kind: errs.TooLarge, Where: "body", Msg: fmt.Sprintf("请求内容超过 %d KB", MaxBody>>10)}
		case errors.As(err, &te) && te.Field == "":
			return errs.New("body", "请求内容应为%s", jsonKind(te.Type))
		case errors.As(err, &te):
			return errs.New(te.Field, "“%s”的类型不对：应为%s", te.Field, jsonKind(te.Type))
		case errors.As(err, &se):
			return errs.New("body", "JSON 格式错误（第 %d 字节附近）", se.Offset)
		case errors.Is(err, io.EOF):
			return errs.New("body", "请求内容为空：应为一个 JSON 对象")
		case errors.Is(err, io.ErrUnexpectedEOF):
			return errs.New("body", "JSON 不完整（在第 %d 字节处中断）：请检查括号和引号是否成对", dec.InputOffset())
		case strings.Contains(err.Error(), "unknown field"):
			name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
			return errs.New(name, "没有“%s”这个字段：请对照接口说明 /api/v1/openapi.json", name)
		case strings.Contains(err.Error(), "parsing time") || strings.Contains(err.Error(), "日期"):
			return errs.New("date", "日期不对：应写成 YYYY-MM-DD，且须是日历上存在的日期")
		}
		var ee *errs.Error
		if errors.As(err, &ee) {
			return ee
		}
		return errs.New("body", "无法读取请求内容：%v", err)
	}
	// one object per request: what follows it (a second object pasted in,
	// a cut-off edit) would otherwise be dropped without a word
	end := dec.InputOffset()
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		var me *http.MaxBytesError
		if errors.As(err, &me) {
			return &errs.Error{Kind: errs.TooLarge, Where: "body", Msg: fmt.Sprintf("请求内容超过 %d KB", MaxBody>>10)}
		}
		return errs.New("body", "JSON 对象之后还有其他内容（第 %d 字节起）：一次请求只能提交一个对象", end+1)
	}
	return plainStrings(reflect.ValueOf(v), "")
}

// jsonKind names what a field takes in the words of JSON, not of Go.
func jsonKind(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "文字（加双引号）"
	case reflect.Bool:
		return " true 或 false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "整数"
	case reflect.Float32, reflect.Float64:
		return "数字"
	case reflect.Slice, reflect.Array:
		return "列表 [...]"
	}
	return "对象 {...}"
}

// plainStrings passes every string decoded into v through guard.Text: a NUL
// (JSON's \u0000; bytes that are not UTF-8 the decoder has already made
// U+FFFD) is refused at its field, other control characters are taken out.
func plainStrings(v reflect.Value, field string) error {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return plainStrings(v.Elem(), field)
		}
	case reflect.String:
		clean, ok := guard.Plain(v.String())
		if !ok {
			return errs.New(field, "含有空字符（\\u0000）：请删除后重新提交")
		}
		if clean != v.String() && v.CanSet() {
			v.SetString(clean)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" {
				name = f.Name
			}
			if f.Anonymous {
				name = ""
			}
			if err := plainStrings(v.Field(i), join(field, name)); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if err := plainStrings(v.Index(i), fmt.Sprintf("%s[%d]", field, i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		// a map's values cannot be set in place: each is cleaned in a copy
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			if err := plainStrings(e, join(field, fmt.Sprint(k))); err != nil {
				return err
			}
			v.SetMapIndex(k, e)
		}
	}
	return nil
}

func join(field, name string) string {
	if field == "" || name == "" {
		return field + name
	}
	return field + "." + name
}

// CaseView is a case with what the clerk needs to act on it.
type CaseView struct {
	*casework.Case
	Deadline     *casework.Deadline  `json:"deadline,omitempty"`
	DeadlineNote string              `json:"deadline_note,omitempty"`
	Allowed      []casework.StepKind `json:"allowed_steps"`
	// Defects are what the application lacks under Art. 29: reasons to ask for 补正.
	Defects []FieldError `json:"defects,omitempty"`
	// Suspects are earlier similar applications by the same applicant: a hint
	// that this may be a 重复申请, for the clerk to decide.
	Suspects []casework.Suspect `json:"suspected_duplicates,omitempty"`
	// HandlerID and Handler are the 承办人 (absent: not assigned).
	HandlerID int64  `json:"handler_id,omitempty"`
	Handler   string `json:"handler,omitempty"`
	// ArchiveNo is the 档号 it was filed under, on ArchivedOn (absent: not filed).
	ArchiveNo  string        `json:"archive_no,omitempty"`
	ArchivedOn *workday.Date `json:"archived_on,omitempty"`
	// Corrections are the 补正 the applicant sent online, to confirm by the
	// step correction_received (absent: none).
	Corrections []casework.OnlineCorrection `json:"corrections_sent,omitempty"`
	// Withdraws are the applicant's requests, sent online, to withdraw, to
	// record by the step withdraw (absent: none).
	Withdraws []casework.WithdrawRequest `json:"withdraws_sent,omitempty"`
	// Proposals are the steps proposed to the head of the office, oldest
	// first (absent: none); one at most is pending.
	Proposals []casework.Proposal `json:"proposals,omitempty"`
	// Deliveries are how the letters reached the applicant, as recorded
	// (absent: none recorded).
	Deliveries []casework.Delivery `json:"deliveries,omitempty"`
	// Notices are the e-mails that told the applicant of a step (the
	// address masked; absent: none sent).
	Notices []casework.ApplicantNotice `json:"notices,omitempty"`
}

// ProposalInput is a step a 办理人 proposes to the head, with a note for them.
type ProposalInput struct {
	Step casework.Step `json:"step"`
	Note string        `json:"note"`
}

// ProposalDecision is the head's answer: approve, or return with a comment.
type ProposalDecision struct {
	Approve bool   `json:"approve"`
	Comment string `json:"comment"`
}

// HandlerInput names the 承办人 of an application (0: nobody).
type HandlerInput struct {
	HandlerID *int64 `json:"handler_id"`
}

func (s *Server) view(r *http.Request, p ops.Principal, id int64) (*CaseView, error) {
	v, err := s.Ops.Case(r.Context(), p, id)
	if err != nil {
		return nil, err
	}
	out := &CaseView{Case: v.Case, Allowed: v.Allowed, Suspects: v.Suspects, DeadlineNote: v.DeadlineNote, HandlerID: v.HandlerID, Handler: v.Handler,
		ArchiveNo: v.ArchiveNo, ArchivedOn: v.ArchivedOn, Corrections: v.Corrections, Withdraws: v.Withdraws, Proposals: v.Proposals,
		Deliveries: v.Deliveries, Notices: v.Notices}
	if out.Allowed == nil {
		out.Allowed = []casework.StepKind{}
	}
	if v.DeadlineNote == "" {
		out.Deadline = &v.Deadline
	}
	for _, d := range v.Defects {
		out.Defects = append(out.Defects, FieldError{d.Where, d.Msg})
	}
	return out, nil
}

// writeView answers with a case as CaseView, or the error of reading it.
func (s *Server) writeView(w http.ResponseWriter, r *http.Request, p ops.Principal, id int64, code int) {
	v, err := s.view(r, p, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, code, v)
}

func pathID(r *http.Request) int64 {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return -1
	}
	return id
}

func (s *Server) createCase(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	var in casework.Intake
	if err := decode(w, r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := s.Ops.Register(r.Context(), p, p.AgencyID, in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.Ops.ReceiptLater(r.Context(), c, s.PublicURL, s.Mailer)
	s.writeView(w, r, p, c.ID, http.StatusCreated)
}

func (s *Server) getCase(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	s.writeView(w, r, p, pathID(r), http.StatusOK)
}

// MailInput is where a letter goes ("": the address the application gives).
type MailInput struct {
	To string `json:"to"`
}

// mailLetter sends a letter to the applicant by e-mail.
func (s *Server) mailLetter(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	var in MailInput
	if r.ContentLength != 0 {
		if err := decode(w, r, &in); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	seq, _ := strconv.Atoi(r.PathValue("seq"))
	m, err := s.Ops.MailLetter(r.Context(), p, pathID(r), seq, in.To, s.Mailer)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, m)
}

// archive files an answered application under the next 档号.
func (s *Server) archive(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	if _, err := s.Ops.FileCases(r.Context(), p, []int64{pathID(r)}); err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeView(w, r, p, pathID(r), http.StatusOK)
}

// assign names the 承办人 of an application.
func (s *Server) assign(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	var in HandlerInput
	if err := decode(w, r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	id := int64(-1) // none given: refused by the operation, once it has checked the access
	if in.HandlerID != nil {
		id = *in.HandlerID
	}
	if _, err := s.Ops.AssignCase(r.Context(), p, pathID(r), id); err != nil {
		if f := errs.Fields(err); f["handler"] != "" && id < 0 {
			err = errs.New("handler_id", "请给出承办人的用户编号 handler_id（0 为取消承办人）")
		} else if f["handler"] != "" {
			err = errs.New("handler_id", "%s", f["handler"])
		}
		s.fail(w, r, err)
		return
	}
	s.writeView(w, r, p, pathID(r), http.StatusOK)
}

// deliverLetter records a letter's delivery, or its receipt (with id).
func (s *Server) deliverLetter(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	var in casework.Delivery
	if err := decode(w, r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	seq, err := strconv.Atoi(r.PathValue("seq"))
	if err != nil {
		seq = -1
	}
	if _, err := s.Ops.RecordDelivery(r.Context(), p, pathID(r), seq, in); err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeView(w, r, p, pathID(r), http.StatusOK)
}

// propose keeps a step for the head of the office to approve.
func (s *Server) propose(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	var in ProposalInput
	if err := decode(w, r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.Ops.ProposeStep(r.Context(), p, pathID(r), in.Step, in.Note); err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeView(w, r, p, pathID(r), http.StatusOK)
}

// decideProposal is the head's approval or return of the waiting proposal.
func (s *Server) decideProposal(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	var in ProposalDecision
	if err := decode(w, r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := s.Ops.DecideProposal(r.Context(), p, pathID(r), in.Approve, in.Comment)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if in.Approve {
		s.Ops.NoticeLater(r.Context(), c, s.PublicURL, s.Mailer)
	}
	s.writeView(w, r, p, pathID(r), http.StatusOK)
}

// withdrawProposal takes back the caller's own waiting proposal.
func (s *Server) withdrawProposal(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	if err := s.Ops.WithdrawProposal(r.Context(), p, pathID(r)); err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeView(w, r, p, pathID(r), http.StatusOK)
}

// addStep records a step. For a 按件 fee the applicant's count this month
// always comes from the records (a count in the body is ignored).
func (s *Server) addStep(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	var step casework.Step
	if err := decode(w, r, &step); err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := s.Ops.AddStep(r.Context(), p, pathID(r), step)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.Ops.NoticeLater(r.Context(), c, s.PublicURL, s.Mailer)
	s.writeView(w, r, p, c.ID, http.StatusOK)
}

// CaseList is one page of cases.
type CaseList struct {
	Total int            `json:"total"`
	Items []casework.Row `json:"items"`
}

func (s *Server) listCases(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	q := r.URL.Query()
	f := casework.Filter{State: casework.State(q.Get("state")), Outcome: casework.OutcomeID(q.Get("outcome")),
		Channel: casework.Channel(q.Get("channel")), ApplicantType: casework.ApplicantType(q.Get("applicant_type")), Query: q.Get("q")}
	var bad errs.List
	for name, dst := range map[string]**workday.Date{"received_from": &f.ReceivedFrom, "received_to": &f.ReceivedTo, "due_by": &f.DueBy,
		"closed_from": &f.ClosedFrom, "closed_to": &f.ClosedTo} {
		if v := q.Get(name); v != "" {
			d, err := workday.ParseDate(v)
			if err != nil {
				bad.Add(name, "%s", errs.Message(err))
				continue
			}
			*dst = &d
		}
	}
	if flag(q, "overdue", &bad) {
		today := s.Ops.Clock.Today()
		f.OverdueOn = &today
	}
	switch h := q.Get("handler"); h {
	case "":
	case "none":
		f.Unassigned = true
	default:
		n, err := strconv.ParseInt(h, 10, 64)
		if err != nil || n <= 0 {
			bad.Add("handler", "handler 应为承办人的用户编号，或 none（未指派）")
		}
		f.Handler = n
	}
	if v := q.Get("result"); v != "" {
		if casework.GroupOutcomes(v) == nil {
			bad.Add("result", "result 应为办理结果类别之一：%s", keysOf(casework.OutcomeGroups, func(g casework.OutcomeGroup) string { return g.Key + "（" + g.Name + "）" }))
		}
		f.Result = v
	}
	if v := q.Get("step"); v != "" {
		if f.Mark = casework.MarkByKey(v); f.Mark == 0 {
			bad.Add("step", "step 应为办理环节之一：%s", keysOf(casework.MarkKinds, func(m casework.MarkKind) string { return m.Key + "（" + m.Name + "）" }))
		}
	}
	if v := q.Get("filed"); v != "" {
		if f.Filed = casework.FiledKey(v); f.Filed == "" {
			bad.Add("filed", "filed 应为归档状态之一：%s", keysOf(casework.FiledStates, func(x struct{ Key, Name string }) string { return x.Key + "（" + x.Name + "）" }))
		}
	}
	f.Late, f.Open, f.Asked = flag(q, "late", &bad), flag(q, "open", &bad), flag(q, "asked", &bad)
	f.Proposed, f.Returned = flag(q, "proposed", &bad), flag(q, "returned", &bad)
	for name, dst := range map[string]*int{"limit": &f.Limit, "offset": &f.Offset} {
		if v := q.Get(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				bad.Add(name, "%s 应为非负整数", name)
			}
			*dst = n
		}
	}
	if len(bad) > 0 {
		s.fail(w, r, bad)
		return
	}
	rows, total, err := s.Ops.Cases(r.Context(), p, f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if rows == nil {
		rows = []casework.Row{}
	}
	writeJSON(w, http.StatusOK, CaseList{Total: total, Items: rows})
}

// caseFile sends an application's 案卷 as the case page's 导出案卷 does.
func (s *Server) caseFile(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	f, err := s.Ops.CaseFile(r.Context(), p, pathID(r), s.PublicURL)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	attachment(w, "application/zip", "案卷 "+office.CaseFolder(f.Case)+".zip")
	if err := office.CaseFileZipOne(w, *f); err != nil {
		s.Log.Error("case file", "case", f.Case.ID, "err", err) // written as it is read: the download ends short
	}
}

func (s *Server) letter(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	seq, ok := s.pathSeq(w, r)
	if !ok {
		return
	}
	l, err := s.Ops.Letter(r.Context(), p, pathID(r), seq)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeLetter(w, r, l)
}

// receipt is the 接收回执 of an application, for the agency's own systems
// (a service hall's) to print or send.
func (s *Server) receipt(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	l, err := s.Ops.Receipt(r.Context(), p, pathID(r), s.PublicURL)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeLetter(w, r, l)
}

// serviceForm is an issued letter's 送达回证, for the agency's own systems
// to print with the letter: JSON, or format=pdf|docx.
func (s *Server) serviceForm(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	seq, ok := s.pathSeq(w, r)
	if !ok {
		return
	}
	f, err := s.Ops.ServiceForm(r.Context(), p, pathID(r), seq)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	format := r.URL.Query().Get("format")
	if format != "pdf" && format != "docx" {
		writeJSON(w, http.StatusOK, f)
		return
	}
	var b bytes.Buffer
	err = office.Write(&b, format, office.ServiceFormDoc(*f), s.Ops.Clock.Now())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	attachment(w, office.ContentType[format], f.FileName()+"."+format)
	w.Write(b.Bytes())
}

// pathSeq is the step a letter's path names; a path that names none is
// answered as such (false).
func (s *Server) pathSeq(w http.ResponseWriter, r *http.Request) (int, bool) {
	seq, err := strconv.Atoi(r.PathValue("seq"))
	if err != nil {
		s.fail(w, r, errs.New("seq", "案件没有这个办理步骤"))
		return 0, false
	}
	return seq, true
}

// attachment makes the response a file to save under its Chinese name.
func attachment(w http.ResponseWriter, ctype, name string) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename*=UTF-8''`+url.PathEscape(name))
}

// writeLetter sends a letter in the format asked for: JSON (default), text,
// HTML, DOCX or PDF.
func (s *Server) writeLetter(w http.ResponseWriter, r *http.Request, l *casework.Letter) {
	var err error
	switch f := r.URL.Query().Get("format"); f {
	case "docx", "pdf":
		var b bytes.Buffer
		err = office.Write(&b, f, office.LetterDoc(l), s.Ops.Clock.Now())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		attachment(w, office.ContentType[f], l.FileName()+"."+f)
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

func (s *Server) yearTable(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	year, err := strconv.Atoi(r.PathValue("year"))
	if err != nil || year < 2019 || year > 2200 {
		s.fail(w, r, errs.New("year", "年度应为 2019 年以后的年份"))
		return
	}
	v, err := s.Ops.Report(r.Context(), p, p.AgencyID, year)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rep := report.NewReport(v.Report.Format)
	rep.Agency, rep.Year, rep.Level = v.Report.Agency, year, v.Report.Level
	rep.Applications, rep.Proactive = v.Report.Applications, v.Report.Proactive
	rep.Meta.Tables = map[string]bool{"3": true}
	rep.Findings = t3Findings(report.Check(rep, nil))
	if f := r.URL.Query().Get("format"); office.IsOffice(f) {
		var b bytes.Buffer
		if err := office.RenderReport(&b, rep, f, s.Ops.Clock.Now()); err != nil {
			s.fail(w, r, err)
			return
		}
		attachment(w, office.ContentType[f], fmt.Sprintf("%s%d年政府信息公开工作年度报告.%s", rep.Agency, year, f))
		w.Write(b.Bytes())
		return
	}
	writeJSON(w, http.StatusOK, rep)
}

// t3Findings keeps 表三's own findings (Check ran over the whole report).
func t3Findings(fs []report.Finding) []report.Finding {
	var out []report.Finding
	for _, f := range fs {
		if strings.HasPrefix(f.Rule, "T3.") || f.Rule == "CELL.INVALID" {
			out = append(out, f)
		}
	}
	return out
}

func (s *Server) listAppeals(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	recs, err := s.Ops.Appeals(r.Context(), p, p.AgencyID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := make([]AppealJSON, 0, len(recs))
	for _, a := range recs {
		out = append(out, AppealJSON{a, a.Fingerprint()})
	}
	writeItems(w, out)
}

// AppealJSON is a 复议/诉讼 record with the fingerprint of what it says, to
// send back with its conclusion (see DocumentJSON).
type AppealJSON struct {
	appeal.Record
	Fingerprint string `json:"fingerprint"`
}

func (s *Server) createAppeal(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	var a appeal.Record
	if err := decode(w, r, &a); err != nil {
		s.fail(w, r, err)
		return
	}
	rec, err := s.Ops.RecordAppeal(r.Context(), p, a)
	if err != nil {
		if errs.Fields(err)["case"] != "" {
			err = errs.New("case_id", "本机关没有这件申请")
		}
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, AppealJSON{*rec, rec.Fingerprint()})
}

// Conclusion is the body of POST /api/v1/appeals/{id}/conclusion; with the
// record's fingerprint as read, it is refused (409) when the record was
// changed since.
type Conclusion struct {
	ConcludedOn workday.Date  `json:"concluded_on"`
	Result      appeal.Result `json:"result"`
	Fingerprint string        `json:"fingerprint,omitempty"`
}

func (s *Server) concludeAppeal(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	var c Conclusion
	if err := decode(w, r, &c); err != nil {
		s.fail(w, r, err)
		return
	}
	// checked inside the edit, after the record is found to be the key's own
	a, err := s.Ops.UpdateAppeal(r.Context(), p, pathID(r), c.Fingerprint, func(a *appeal.Record) error {
		if c.ConcludedOn == 0 {
			return errs.New("concluded_on", "请填写审结日期（YYYY-MM-DD）")
		}
		a.ConcludedOn, a.Result = &c.ConcludedOn, c.Result
		return nil
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, AppealJSON{*a, a.Fingerprint()})
}

// keysOf lists an enumeration's values for an error message.
func keysOf[T any](list []T, name func(T) string) string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = name(v)
	}
	return strings.Join(out, "、")
}

// flag reads a true/false query parameter (absent: false).
func flag(q url.Values, name string, bad *errs.List) bool {
	switch q.Get(name) {
	case "", "false":
		return false
	case "true":
		return true
	}
	bad.Add(name, "%s 只能是 true 或 false", name)
	return false
}
