package web

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/office"
	"gongkai/internal/org"
	"gongkai/internal/workday"
)

type option struct{ ID, Name string }

// optionsN are the choices of an enumeration of n entries, from its one
// list, in its order: at gives the i-th's id and name.
func optionsN(n int, at func(i int) (id, name string)) []option {
	out := make([]option, n)
	for i := range out {
		out[i].ID, out[i].Name = at(i)
	}
	return out
}

func channelOptions() []option {
	return optionsN(len(casework.Channels), func(i int) (string, string) { return string(casework.Channels[i].ID), casework.Channels[i].Name })
}

func typeOptions() []option {
	return optionsN(len(casework.ApplicantTypes), func(i int) (string, string) {
		return string(casework.ApplicantTypes[i].ID), casework.ApplicantTypes[i].Name
	})
}

func stateOptions() []option {
	return optionsN(len(casework.States), func(i int) (string, string) { return string(casework.States[i].ID), casework.States[i].Name })
}

func outcomeOptions(decidable bool) []option {
	var out []option
	for _, o := range casework.Outcomes {
		if !decidable || o.Decidable {
			out = append(out, option{string(o.ID), o.Name})
		}
	}
	return out
}

// resultOptions are 表三's six result groups.
func resultOptions() []option {
	return optionsN(len(casework.OutcomeGroups), func(i int) (string, string) { return casework.OutcomeGroups[i].Key, casework.OutcomeGroups[i].Name })
}

// stepOptions are the steps the statistics count.
func stepOptions() []option {
	return optionsN(len(casework.MarkKinds), func(i int) (string, string) { return casework.MarkKinds[i].Key, casework.MarkKinds[i].Name })
}

func filedOptions() []option {
	return optionsN(len(casework.FiledStates), func(i int) (string, string) { return casework.FiledStates[i].Key, casework.FiledStates[i].Name })
}

// listFilters are the case list's query parameters.
var listFilters = []string{"state", "outcome", "channel", "applicant_type", "received_from", "received_to", "q", "agency", "overdue", "due_by", "handler", "open",
	"closed_from", "closed_to", "late", "result", "step", "filed", "asked", "proposed", "returned"}

type casesData struct {
	Rows                              []casework.Row
	Total                             int
	F                                 map[string]string
	States, Channels, Types, Outcomes []option
	Results, Steps, Filed             []option      // 结果类别, 办理环节, 归档
	Agencies                          []*org.Agency // a supervisor's filter
	Handlers                          []option      // the 承办人 filter: the own agency's staff
	Mine                              bool          // the viewer handles applications: 我承办的, assigning from the list
	Export, Prev, Next, Back          string
	Today                             workday.Date
}

// filterOf reads the list's query into a filter; a date that cannot be read
// is an error at its field, the other filters still apply. me is the
// viewer's user id (handler=me).
func filterOf(q url.Values, today workday.Date, me int64) (casework.Filter, map[string]string, map[string]string) {
	fv := map[string]string{}
	for _, k := range listFilters {
		fv[k] = strings.TrimSpace(q.Get(k))
	}
	f := casework.Filter{State: casework.State(fv["state"]), Outcome: casework.OutcomeID(fv["outcome"]), Channel: casework.Channel(fv["channel"]),
		ApplicantType: casework.ApplicantType(fv["applicant_type"]), Query: fv["q"], Limit: 50}
	if id, err := strconv.ParseInt(fv["agency"], 10, 64); err == nil {
		f.AgencyIDs = []int64{id}
	}
	if fv["overdue"] != "" {
		f.OverdueOn = &today
	}
	if casework.GroupOutcomes(fv["result"]) != nil {
		f.Result = fv["result"]
	}
	f.Mark = casework.MarkByKey(fv["step"])
	f.Filed = casework.FiledKey(fv["filed"])
	f.Open = fv["open"] != ""
	f.Late = fv["late"] != ""
	f.Asked, f.Proposed, f.Returned = fv["asked"] != "", fv["proposed"] != "", fv["returned"] != ""
	switch h := fv["handler"]; h {
	case "":
	case "me":
		f.Handler = me
	case "none":
		f.Unassigned = true
	default:
		f.Handler, _ = strconv.ParseInt(h, 10, 64)
		f.Handler = max(f.Handler, 0)
	}
	bad := map[string]string{}
	for name, dst := range map[string]**workday.Date{"received_from": &f.ReceivedFrom, "received_to": &f.ReceivedTo, "due_by": &f.DueBy,
		"closed_from": &f.ClosedFrom, "closed_to": &f.ClosedTo} {
		if v := fv[name]; v != "" {
			d, err := workday.ParseTyped(v)
			if err != nil {
				bad[name] = "日期“" + v + "”不对：应写成 2025-03-05 或 2025年3月5日"
				continue
			}
			*dst = &d
		}
	}
	if f.DueBy != nil {
		f.DueFrom = &today
	}
	f.Offset, _ = strconv.Atoi(q.Get("offset"))
	f.Offset = max(f.Offset, 0)
	return f, fv, bad
}

func (s *Server) cases(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.caseList(w, r, si, r.URL.Query(), nil)
}

// caseList shows the list for the query q, with problems of a form posted
// from it (problems: 422).
func (s *Server) caseList(w http.ResponseWriter, r *http.Request, si *sessionInfo, q url.Values, problems map[string]string) {
	today := s.Ops.Clock.Today()
	f, fv, bad := filterOf(q, today, si.user.ID)
	if format := q.Get("format"); format == "csv" || format == "xlsx" {
		s.exportCases(w, r, si, f, format)
		return
	} else if format == "zip" {
		s.exportCaseFiles(w, r, si, f)
		return
	}
	rows, total, err := s.Ops.Cases(r.Context(), si.p(), f)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	d := &casesData{Rows: rows, Total: total, F: fv, States: stateOptions(), Channels: channelOptions(), Types: typeOptions(),
		Outcomes: outcomeOptions(false), Results: resultOptions(), Steps: stepOptions(), Filed: filedOptions(), Today: today}
	if d.Mine = si.user.Role == casework.Clerk || si.user.Role == casework.Approver; d.Mine {
		staff, err := s.Ops.Handlers(r.Context(), si.p(), si.user.AgencyID)
		if err != nil {
			s.fail(w, r, si.user, si.csrf, err)
			return
		}
		for _, u := range staff {
			d.Handlers = append(d.Handlers, option{strconv.FormatInt(u.ID, 10), u.Name})
		}
	}
	if si.user.SeesBelow() {
		ids, err := s.Ops.Visible(r.Context(), si.p())
		if err == nil {
			d.Agencies, err = s.Ops.Store.Agencies(r.Context(), ids)
		}
		if err != nil {
			s.fail(w, r, si.user, si.csrf, err)
			return
		}
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
	d.Export = link(0)
	d.Back = link(f.Offset)
	if f.Offset > 0 {
		d.Prev = link(max(f.Offset-f.Limit, 0))
	}
	if f.Offset+f.Limit < total {
		d.Next = link(f.Offset + f.Limit)
	}
	code := http.StatusOK
	for k, v := range problems {
		bad[k], code = v, http.StatusUnprocessableEntity
	}
	s.render(w, code, "cases", page{Title: "申请列表", User: si.user, CSRF: si.csrf, Flash: flashOf(r), Errors: bad, Data: d})
}

// assignCases names the 承办人 of the applications ticked on the list, then
// shows the list again as it was.
func (s *Server) assignCases(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	ids, back := ticked(r)
	handler, err := strconv.ParseInt(r.PostFormValue("handler"), 10, 64)
	if err != nil || handler < 0 {
		err = errs.New("handler", "请从列表中选择承办人")
	} else {
		_, err = s.Ops.AssignCases(r.Context(), si.p(), ids, handler)
	}
	if atField(err, "handler") || errs.KindOf(err) == errs.Invalid { // nothing ticked, a 承办人 who cannot be: said on the list
		q, _ := url.ParseQuery(strings.TrimPrefix(back, "/admin/cases?"))
		s.caseList(w, r, si, q, errs.Fields(err))
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, back+"&ok=assigned", http.StatusSeeOther)
}

// ticked are the applications ticked on the list and the list to go back to.
func ticked(r *http.Request) ([]int64, string) {
	var ids []int64
	for _, v := range r.PostForm["case"] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	back := r.PostFormValue("back")
	if !strings.HasPrefix(back, "/admin/cases?") { // a path of our own only: never a redirect elsewhere
		back = "/admin/cases?"
	}
	return ids, back
}

// fileCases files the ticked answered applications (归档), from the list.
func (s *Server) fileCases(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	ids, back := ticked(r)
	_, err := s.Ops.FileCases(r.Context(), si.p(), ids)
	if k := errs.KindOf(err); err != nil && (k == errs.Invalid || k == errs.Conflict) { // nothing ticked, one still open: said on the list
		q, _ := url.ParseQuery(strings.TrimPrefix(back, "/admin/cases?"))
		s.caseList(w, r, si, q, map[string]string{"case": errs.Readable(err)})
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, back+"&ok=archived", http.StatusSeeOther)
}

// exportCases writes the filtered list as CSV or XLSX (identity numbers
// masked, formulas neutralised).
func (s *Server) exportCases(w http.ResponseWriter, r *http.Request, si *sessionInfo, f casework.Filter, format string) {
	var all []casework.Row
	f.Limit, f.Offset = 500, 0
	for {
		rows, total, err := s.Ops.Cases(r.Context(), si.p(), f)
		if err != nil {
			s.fail(w, r, si.user, si.csrf, err)
			return
		}
		all = append(all, rows...)
		f.Offset += len(rows)
		if len(rows) == 0 || f.Offset >= total {
			break
		}
	}
	s.sendLedger(w, r, si, office.CaseLedger(all), format, "申请台账")
}

// exportCaseFiles sends the 案卷 of the listed applications as one ZIP, a
// folder each after the register of them (00 申请台账.xlsx), written as they
// are read (a year of files is not held in
// memory); what fails half-way is logged, the download then ends short.
func (s *Server) exportCaseFiles(w http.ResponseWriter, r *http.Request, si *sessionInfo, f casework.Filter) {
	rows, next, err := s.Ops.CaseFiles(r.Context(), si.p(), f, s.PublicURL)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	attachment(w, "application/zip", "政府信息公开申请案卷.zip")
	if err := office.CaseFilesZip(w, office.CaseLedger(rows), s.Ops.Clock.Now(), next); err != nil {
		s.Log.Error("case files", "err", err)
	}
}

// sendLedger sends a table as XLSX or CSV (formulas neutralised), named
// name and the format's extension.
func (s *Server) sendLedger(w http.ResponseWriter, r *http.Request, si *sessionInfo, l *office.Ledger, format, name string) {
	var b bytes.Buffer
	var err error
	ctype := "text/csv; charset=utf-8"
	if format == "xlsx" {
		err, ctype = office.LedgerXLSX(&b, l), office.ContentType["xlsx"]
	} else {
		err = office.LedgerCSV(&b, l, false)
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	download(w, ctype, name+"."+format, b.Bytes())
}

// download sends a file with its Chinese name.
func download(w http.ResponseWriter, ctype, name string, data []byte) {
	attachment(w, ctype, name)
	w.Write(data)
}

// attachment makes the response a file to save under its Chinese name; the
// body follows (streamed, for the 案卷).
func attachment(w http.ResponseWriter, ctype, name string) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename*=UTF-8''`+url.PathEscape(name))
}

// intakeForm is what the intake and application forms offer.
type intakeForm struct {
	Channels, Types   []option
	IDTypes           []string
	Forms, Deliveries []string
	Agency            *org.Agency
	MaskedID          string
	Defects           map[string]string
	CaseID            int64
	Serial            string
	ReceivedFixed     bool
	Seen              string // the intake's fingerprint when the edit form was made
	Opened            string // and its values (see merge.go)
}

func newIntakeForm() intakeForm {
	return intakeForm{Channels: channelOptions(), Types: typeOptions(), IDTypes: casework.IDTypes, Forms: casework.Forms, Deliveries: casework.Deliveries}
}

var intakeFields = []string{"channel", "received_on", "applicant_type", "name", "id_type", "id_number", "phone", "email", "address", "description", "items", "form", "delivery"}

func formValues(r *http.Request, fields []string) map[string]string {
	m := map[string]string{}
	for _, f := range fields {
		m[f] = strings.TrimSpace(r.PostFormValue(f))
	}
	return m
}

// fieldOf maps the intake's error locations to the forms' field names.
var fieldOf = map[string]string{"channel": "channel", "submitted_on": "received_on", "signed_on": "received_on", "confirmed_on": "received_on",
	"applicant.type": "applicant_type", "applicant.name": "name", "applicant.id_type": "id_type", "applicant.id_number": "id_number",
	"applicant.phone": "phone", "applicant.email": "email", "applicant.address": "address", "request.description": "description",
	"request.form": "request_form", "request.delivery": "delivery", "request.items": "items"}

func intakeFrom(f map[string]string, received workday.Date) casework.Intake {
	in := casework.Intake{Channel: casework.Channel(f["channel"]),
		Applicant: casework.Applicant{Type: casework.ApplicantType(f["applicant_type"]), Name: f["name"], IDType: f["id_type"],
			IDNum: f["id_number"], Phone: f["phone"], Email: f["email"], Address: f["address"]},
		Request: casework.Request{Description: f["description"], Form: f["form"], Delivery: f["delivery"], Items: strings.Split(f["items"], "\n")}}
	in.SetReceivedOn(received)
	return in
}

func (s *Server) newCase(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.render(w, http.StatusOK, "intake", page{Title: "登记申请", User: si.user, CSRF: si.csrf, Data: newIntakeForm(),
		Form: map[string]string{"received_on": s.Ops.Clock.Today().String(), "channel": "in_person", "applicant_type": "natural", "id_type": "身份证",
			"form": "纸质", "delivery": "自行领取"}})
}

// createCase registers what the clerk typed: a defective application too
// (it is flagged and the 补正 notice comes first on its page).
func (s *Server) createCase(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	f := formValues(r, intakeFields)
	p := page{Title: "登记申请", User: si.user, CSRF: si.csrf, Data: newIntakeForm(), Form: f}
	rec, err := workday.ParseTyped(f["received_on"])
	if err != nil {
		p.Errors = map[string]string{"received_on": errs.Readable(err)}
		s.render(w, http.StatusUnprocessableEntity, "intake", p)
		return
	}
	c, err := s.Ops.Register(r.Context(), si.p(), si.user.AgencyID, intakeFrom(f, rec))
	if err != nil {
		if k := errs.KindOf(err); k == errs.Invalid || k == errs.Conflict {
			p.Errors = formErrors(err, fieldOf)
			s.render(w, formCode(w, err), "intake", p)
			return
		}
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	s.Ops.ReceiptLater(r.Context(), c, s.PublicURL, s.Mailer)
	http.Redirect(w, r, "/admin/cases/"+strconv.FormatInt(c.ID, 10)+"?ok=recorded", http.StatusSeeOther)
}
