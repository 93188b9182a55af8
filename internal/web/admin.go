package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/office"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

type option struct{ ID, Name string }

func channelOptions() []option {
	var out []option
	for _, c := range casework.Channels {
		out = append(out, option{string(c.ID), c.Name})
	}
	return out
}

func typeOptions() []option {
	var out []option
	for _, t := range casework.ApplicantTypes {
		out = append(out, option{string(t.ID), t.Name})
	}
	return out
}

var stateOptions = []option{{"processing", "办理中"}, {"awaiting_correction", "待补正"}, {"consulting", "征求意见中"},
	{"awaiting_payment", "待缴费"}, {"merged", "已合并办理"}, {"closed", "已办结"}}

// intakeForm is what the intake and application forms send.
type intakeForm struct {
	Channels, Types []option
	IDTypes         []string
	Deliveries      []string
}

func newIntakeForm() intakeForm {
	return intakeForm{Channels: channelOptions(), Types: typeOptions(),
		IDTypes:    []string{"身份证", "统一社会信用代码", "护照", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "其他"},
		Deliveries: []string{"电子邮件", "邮寄", "自行领取", "网上获取"}}
}

var intakeFields = []string{"channel", "received_on", "applicant_type", "name", "id_type", "id_number", "phone", "email", "address", "description", "form", "delivery"}

func formValues(r *http.Request, fields []string) map[string]string {
	m := map[string]string{}
	for _, f := range fields {
		m[f] = strings.TrimSpace(r.PostFormValue(f))
	}
	return m
}

// fieldOf maps casework's error locations to the form's field names.
var fieldOf = map[string]string{"channel": "channel", "submitted_on": "received_on", "signed_on": "received_on", "confirmed_on": "received_on",
	"applicant.type": "applicant_type", "applicant.name": "name", "applicant.id_type": "id_number", "applicant.id_number": "id_number",
	"applicant.phone": "phone", "request.description": "description", "on": "step", "kind": "step", "role": "step",
	"note": "step", "party": "step", "outcome": "step", "referral": "step", "method": "step", "pages": "step", "into": "step", "count": "step", "amount": "step"}

func intakeFrom(f map[string]string, received workday.Date) casework.Intake {
	in := casework.Intake{Channel: casework.Channel(f["channel"]),
		Applicant: casework.Applicant{Type: casework.ApplicantType(f["applicant_type"]), Name: f["name"], IDType: f["id_type"],
			IDNum: f["id_number"], Phone: f["phone"], Email: f["email"], Address: f["address"]},
		Request: casework.Request{Description: f["description"], Form: f["form"], Delivery: f["delivery"]}}
	in.SetReceivedOn(received)
	return in
}

// visible loads a case the user may see; another agency's case is "not found".
func (s *Server) visible(r *http.Request, si *sessionInfo) (*casework.Case, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, store.ErrNotFound
	}
	c, err := s.Store.GetCase(r.Context(), id, s.Calendar(), s.Config)
	if err != nil {
		return nil, err
	}
	ids, err := s.Store.VisibleAgencies(r.Context(), si.user)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(ids, c.AgencyID) {
		return nil, store.ErrNotFound
	}
	return c, nil
}

func (s *Server) notFoundOr(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, store.ErrNotFound) {
		http.Error(w, "没有找到这件申请，或您无权查看", http.StatusNotFound)
		return
	}
	s.serverError(w, r, err)
}

type dashRow struct {
	ID                                                    int64
	Agency, Serial, Applicant, Description, Received, Due string
	Left                                                  string
	Overdue                                               bool
}

type dashGroup struct {
	Title string
	Total int // all of them; Rows holds the first 200
	Rows  []dashRow
}

type lateAgency struct {
	ID      int64
	Name    string
	Overdue int
}

// lateByAgency counts each agency's overdue open applications, most first;
// agencies with none are left out.
func (s *Server) lateByAgency(r *http.Request, ids []int64, names map[int64]string, today workday.Date) ([]lateAgency, error) {
	counts, err := s.Store.CountCasesByAgency(r.Context(), store.CaseFilter{AgencyIDs: ids, OverdueOn: &today})
	if err != nil {
		return nil, err
	}
	var out []lateAgency
	for _, id := range ids {
		if n := counts[id]; n > 0 {
			out = append(out, lateAgency{id, names[id], n})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Overdue > out[j].Overdue })
	return out, nil
}

// dashboard: today's due, overdue, and what waits for the applicant or a third party.
func (s *Server) dashboard(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	ids, err := s.Store.VisibleAgencies(r.Context(), si.user)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	// a supervisor sees several agencies: each row names its agency, and the
	// overdue cases are also counted per agency (who is late)
	names := map[int64]string{}
	if len(ids) > 1 {
		ags, err := s.visibleAgencies(r, si)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		for _, a := range ags {
			names[a.ID] = a.Name
		}
	}
	today := s.today()
	cal := s.Calendar()
	soon, _ := cal.Add(today, 3)
	groups := []struct {
		title string
		f     store.CaseFilter
	}{
		{"已超期", store.CaseFilter{OverdueOn: &today}},
		{"三个工作日内到期", store.CaseFilter{DueFrom: &today, DueBy: &soon}},
		{"待申请人补正", store.CaseFilter{State: casework.AwaitingCorrection}},
		{"征求第三方意见中", store.CaseFilter{State: casework.Consulting}},
		{"待申请人缴费", store.CaseFilter{State: casework.AwaitingPayment}},
	}
	var out []dashGroup
	for _, g := range groups {
		f := g.f
		f.AgencyIDs, f.Limit = ids, 200
		rows, total, err := s.Store.ListCases(r.Context(), f)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		var dg dashGroup
		dg.Title, dg.Total = g.title, total
		for _, c := range rows {
			row := dashRow{ID: c.ID, Agency: names[c.AgencyID], Serial: c.Serial, Applicant: c.ApplicantName, Description: c.Description, Received: c.Received.String()}
			if c.DueOn != nil {
				row.Due = c.DueOn.String()
				if n, err := cal.Between(today, *c.DueOn); err == nil {
					row.Left, row.Overdue = strconv.Itoa(n), n < 0
				}
			}
			dg.Rows = append(dg.Rows, row)
		}
		out = append(out, dg)
	}
	var late []lateAgency
	if len(ids) > 1 {
		late, err = s.lateByAgency(r, ids, names, today)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	s.render(w, http.StatusOK, "dashboard", page{Title: "工作台", User: si.user, CSRF: si.csrf,
		Data: map[string]any{"Today": today.Chinese(), "Groups": out, "Many": len(ids) > 1, "Late": late}})
}

type listRow struct {
	ID                                                                      int64
	Serial, Received, Channel, Applicant, IDNumber, Description, State, Due string
}

func (s *Server) cases(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	ids, err := s.Store.VisibleAgencies(r.Context(), si.user)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	q := r.URL.Query()
	fv := map[string]string{}
	for _, k := range []string{"state", "outcome", "channel", "applicant_type", "received_from", "received_to", "q", "agency", "overdue"} {
		fv[k] = strings.TrimSpace(q.Get(k))
	}
	f := store.CaseFilter{AgencyIDs: ids, State: casework.State(fv["state"]), Outcome: fv["outcome"], Channel: casework.Channel(fv["channel"]),
		ApplicantType: casework.ApplicantType(fv["applicant_type"]), Query: fv["q"], Limit: 50}
	if v := fv["agency"]; v != "" {
		// one agency of those the user sees (a supervisor following 工作台's counts)
		id, _ := strconv.ParseInt(v, 10, 64)
		f.AgencyIDs = []int64{-1}
		if slices.Contains(ids, id) {
			f.AgencyIDs = []int64{id}
		}
	}
	if fv["overdue"] != "" {
		today := s.today()
		f.OverdueOn = &today
	}
	p := page{Title: "申请列表", User: si.user, CSRF: si.csrf, Errors: map[string]string{}}
	for name, dst := range map[string]**workday.Date{"received_from": &f.ReceivedFrom, "received_to": &f.ReceivedTo} {
		if v := fv[name]; v != "" {
			d, err := workday.ParseDate(v)
			if err != nil {
				p.Errors["filter"] = "日期“" + v + "”不对"
				continue
			}
			*dst = &d
		}
	}
	f.Offset, _ = strconv.Atoi(q.Get("offset"))
	f.Offset = max(f.Offset, 0)
	if format := q.Get("format"); format == "csv" || format == "xlsx" {
		s.exportCases(w, r, f, format)
		return
	}
	rows, total, err := s.Store.ListCases(r.Context(), f)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var out []listRow
	for _, c := range rows {
		due := ""
		if c.DueOn != nil {
			due = c.DueOn.String()
		}
		out = append(out, listRow{c.ID, c.Serial, c.Received.String(), casework.ChannelName(c.Channel), c.ApplicantName, c.IDNumber,
			c.Description, casework.StateName(c.State), due})
	}
	link := func(offset int) string {
		v := url.Values{}
		for k, x := range fv {
			if x != "" {
				v.Set(k, x)
			}
		}
		v.Set("offset", strconv.Itoa(offset))
		return "/admin/cases?" + v.Encode()
	}
	var outcomes []option
	for _, o := range casework.Outcomes {
		outcomes = append(outcomes, option{o.ID, o.Name})
	}
	data := map[string]any{"Rows": out, "Total": total, "F": fv, "States": stateOptions, "Channels": channelOptions(), "Types": typeOptions(), "Outcomes": outcomes,
		"Export": link(0)}
	if f.Offset > 0 {
		data["Prev"] = link(max(f.Offset-f.Limit, 0))
	}
	if f.Offset+f.Limit < total {
		data["Next"] = link(f.Offset + f.Limit)
	}
	p.Data = data
	s.render(w, http.StatusOK, "cases", p)
}

// exportCases writes the filtered list as CSV or XLSX (identity numbers masked).
func (s *Server) exportCases(w http.ResponseWriter, r *http.Request, f store.CaseFilter, format string) {
	var all []store.CaseRow
	f.Limit, f.Offset = 500, 0
	for {
		rows, total, err := s.Store.ListCases(r.Context(), f)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		all = append(all, rows...)
		f.Offset += len(rows)
		if len(rows) == 0 || f.Offset >= total {
			break
		}
	}
	var b bytes.Buffer
	var err error
	ctype := "text/csv; charset=utf-8"
	if format == "xlsx" {
		err, ctype = office.LedgerXLSX(&b, office.CaseLedger(all)), office.ContentType["xlsx"]
	} else {
		err = office.LedgerCSV(&b, office.CaseLedger(all), false)
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename*=UTF-8''`+url.PathEscape("申请台账."+format))
	w.Write(b.Bytes())
}

func (s *Server) newCase(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.render(w, http.StatusOK, "intake", page{Title: "登记申请", User: si.user, CSRF: si.csrf, Data: newIntakeForm(),
		Form: map[string]string{"received_on": s.today().String(), "channel": "in_person", "applicant_type": "natural", "id_type": "身份证"}})
}

func (s *Server) createCase(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	f := formValues(r, intakeFields)
	p := page{Title: "登记申请", User: si.user, CSRF: si.csrf, Data: newIntakeForm(), Form: f}
	rec, err := workday.ParseDate(f["received_on"])
	if err != nil {
		p.Errors = map[string]string{"received_on": errs.Message(err)}
		s.render(w, http.StatusUnprocessableEntity, "intake", p)
		return
	}
	c, err := casework.NewCase(intakeFrom(f, rec), si.user.Actor(), s.Now().In(beijing), s.Calendar())
	if err == nil {
		err = s.Store.CreateCase(r.Context(), si.user.AgencyID, c, s.Calendar(), s.Config)
	}
	if err != nil {
		p.Errors = fieldErrors(err, fieldOf)
		s.render(w, http.StatusUnprocessableEntity, "intake", p)
		return
	}
	s.Store.Audit(r.Context(), store.AuditEntry{UserID: si.user.ID, AgencyID: c.AgencyID, Action: "case.create", Object: c.Serial})
	http.Redirect(w, r, fmt.Sprintf("/admin/cases/%d", c.ID), http.StatusSeeOther)
}

type eventRow struct {
	Seq                          int
	On, Name, Note, Actor, Basis string
	Letter                       bool
}

func (s *Server) casePageData(r *http.Request, si *sessionInfo, c *casework.Case) map[string]any {
	cal := s.Calendar()
	today := s.today()
	dl, err := c.Deadline(s.Config, cal, today)
	note := ""
	if err != nil {
		note = errs.Message(err)
	}
	var evs []eventRow
	for _, e := range c.Events {
		_, lerr := casework.LetterFor(c, e.Seq, casework.AgencyInfo{ReviewOrgan: "x"}, "", s.Config, cal)
		evs = append(evs, eventRow{e.Seq, e.Step.On.String(), casework.StepName(e.Step.Kind), e.Step.Note, e.Actor.Name, e.Basis, lerr == nil})
	}
	var steps []map[string]string
	for _, k := range c.Allowed(s.Config, cal) {
		for _, sk := range casework.StepKinds {
			if sk.Kind == k {
				steps = append(steps, map[string]string{"Kind": k, "Name": sk.Name, "Basis": sk.Basis})
			}
		}
	}
	var outcomes []option
	for _, o := range casework.Outcomes {
		if o.ID != "no_correction" && o.ID != "no_fee_paid" && o.ID != "withdrawn" {
			outcomes = append(outcomes, option{o.ID, o.Name})
		}
	}
	// personal data in full only for the people who handle the case
	idNum, phone := c.Intake.Applicant.IDNum, c.Intake.Applicant.Phone
	if si.user.AgencyID != c.AgencyID || si.user.SeesBelow() {
		idNum, phone = casework.MaskID(idNum), casework.MaskPhone(phone)
	}
	outcome := ""
	if o := casework.OutcomeByID(c.Outcome); o != nil {
		outcome = o.Name
	}
	suspects, _ := s.Store.SuspectDuplicates(r.Context(), c, 180, cal, s.Config)
	files, _ := s.Store.Attachments(r.Context(), c.ID)
	recs, _ := s.Store.Appeals(r.Context(), c.AgencyID, c.ID)
	return map[string]any{"Case": c, "State": casework.StateName(c.State), "Outcome": outcome, "Deadline": dl, "DeadlineNote": note,
		"Events": evs, "Steps": steps, "Outcomes": outcomes, "Today": today.String(), "IDNumber": idNum, "Phone": phone,
		"Type": c.Intake.Applicant.Type.Name(), "Channel": casework.ChannelName(c.Intake.Channel), "Suspects": suspects, "Files": files,
		"Appeals": appealRows(recs), "OwnAgency": c.AgencyID == si.user.AgencyID}
}

func (s *Server) casePage(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	c, err := s.visible(r, si)
	if err != nil {
		s.notFoundOr(w, r, err)
		return
	}
	s.render(w, http.StatusOK, "case", page{Title: "申请 " + c.Serial, User: si.user, CSRF: si.csrf, Data: s.casePageData(r, si, c)})
}

func (s *Server) addStep(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	c, err := s.visible(r, si)
	if err != nil {
		s.notFoundOr(w, r, err)
		return
	}
	f := formValues(r, []string{"kind", "on", "note", "party", "outcome", "referral", "method", "pages", "into"})
	step := casework.Step{Kind: f["kind"], Note: f["note"], Party: f["party"], Outcome: f["outcome"], Referral: f["referral"], Method: casework.FeeMethod(f["method"])}
	step.Pages, _ = strconv.Atoi(f["pages"])
	step.Into, _ = strconv.ParseInt(f["into"], 10, 64)
	if step.Kind == casework.KindFeeNotice && step.Method == casework.FeeByApplications {
		step.Count, _ = s.Store.ApplicantMonthCount(r.Context(), c.AgencyID, c.Intake.Applicant.IDNum, c.Received)
	}
	if step.On, err = workday.ParseDate(f["on"]); err == nil {
		_, err = s.Store.ApplyStep(r.Context(), c.ID, step, si.user.Actor(), s.Calendar(), s.Config)
	}
	if err != nil {
		c, _ = s.visible(r, si)
		status := http.StatusUnprocessableEntity
		if errs.KindOf(err) == errs.Conflict {
			status = http.StatusConflict
		}
		s.render(w, status, "case", page{Title: "申请 " + c.Serial, User: si.user, CSRF: si.csrf, Form: f,
			Errors: map[string]string{"step": casework.StepName(step.Kind) + "未能记录：" + errs.Message(err)}, Data: s.casePageData(r, si, c)})
		return
	}
	s.Store.Audit(r.Context(), store.AuditEntry{UserID: si.user.ID, AgencyID: c.AgencyID, Action: "case." + step.Kind, Object: c.Serial, Detail: step.Outcome})
	http.Redirect(w, r, fmt.Sprintf("/admin/cases/%d", c.ID), http.StatusSeeOther)
}

// letter shows or downloads the document of a step, numbering it the first time.
func (s *Server) letter(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	c, err := s.visible(r, si)
	if err != nil {
		s.notFoundOr(w, r, err)
		return
	}
	seq, _ := strconv.Atoi(r.PathValue("seq"))
	ag, err := s.Store.GetAgency(r.Context(), c.AgencyID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	info := casework.AgencyInfo{Name: ag.Name, Level: ag.Level, ReviewOrgan: ag.ReviewOrgan, LetterPrefix: ag.LetterPrefix}
	if _, err := casework.LetterFor(c, seq, info, "", s.Config, s.Calendar()); err != nil {
		http.Error(w, errs.Message(err), http.StatusUnprocessableEntity)
		return
	}
	on := c.Events[seq-1].Step.On
	number, err := s.Store.IssueLetterNumber(r.Context(), ag.ID, c.ID, seq, on.Year(), func(n int) string {
		return casework.LetterNumber(ag.LetterPrefix, on.Year(), n)
	})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	l, err := casework.LetterFor(c, seq, info, number, s.Config, s.Calendar())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	switch f := r.URL.Query().Get("format"); f {
	case "docx", "pdf":
		var b bytes.Buffer
		if f == "docx" {
			err = office.DOCX(&b, office.LetterDoc(l), s.Now())
		} else {
			err = office.PDF(&b, office.LetterDoc(l))
		}
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		w.Header().Set("Content-Type", office.ContentType[f])
		w.Header().Set("Content-Disposition", `attachment; filename*=UTF-8''`+url.PathEscape(l.Title+"."+f))
		w.Write(b.Bytes())
	default:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(l.HTML()))
	}
}

// maxAttachment bounds one file: scans of letters and search records.
const maxAttachment = 20 << 20

var allowedTypes = map[string]string{".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
	".doc": "application/msword", ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xls": "application/vnd.ms-excel", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".txt": "text/plain; charset=utf-8", ".ofd": "application/ofd"}

func (s *Server) upload(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	c, err := s.visible(r, si)
	if err != nil {
		s.notFoundOr(w, r, err)
		return
	}
	back := func(code int, msg string) {
		s.render(w, code, "case", page{Title: "申请 " + c.Serial, User: si.user, CSRF: si.csrf,
			Errors: map[string]string{"file": msg}, Data: s.casePageData(r, si, c)})
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		back(http.StatusUnprocessableEntity, "请选择文件（单个文件不超过 20 MB）")
		return
	}
	defer file.Close()
	name := filepath.Base(hdr.Filename)
	ctype, ok := allowedTypes[strings.ToLower(filepath.Ext(name))]
	if !ok {
		back(http.StatusUnprocessableEntity, "只能上传 PDF、OFD、图片、Word、Excel 或文本文件")
		return
	}
	data, err := io.ReadAll(io.LimitReader(file, maxAttachment+1))
	if err != nil || len(data) > maxAttachment {
		back(http.StatusUnprocessableEntity, "文件超过 20 MB")
		return
	}
	a := &store.Attachment{CaseID: c.ID, Name: name, ContentType: ctype, UploadedBy: si.user.Name}
	if err := s.Store.AddAttachment(r.Context(), a, data); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.Store.Audit(r.Context(), store.AuditEntry{UserID: si.user.ID, AgencyID: c.AgencyID, Action: "case.attach", Object: c.Serial, Detail: name})
	http.Redirect(w, r, fmt.Sprintf("/admin/cases/%d", c.ID), http.StatusSeeOther)
}

func (s *Server) attachment(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	c, err := s.visible(r, si)
	if err != nil {
		s.notFoundOr(w, r, err)
		return
	}
	id, _ := strconv.ParseInt(r.PathValue("aid"), 10, 64)
	a, data, err := s.Store.AttachmentData(r.Context(), c.ID, id)
	if err != nil {
		s.notFoundOr(w, r, err)
		return
	}
	w.Header().Set("Content-Type", a.ContentType)
	w.Header().Set("Content-Disposition", `attachment; filename*=UTF-8''`+url.PathEscape(a.Name))
	w.Write(data)
}
