package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/office"
	"gongkai/internal/ops"
	"gongkai/internal/redact"
	"gongkai/internal/workday"
)

type eventRow struct {
	Seq                              int
	On, Name, Note, Actor, Basis, At string
	Letter                           bool
	Receipt                          bool // the registration: its 接收回执 is offered to the staff
	Number                           string
	Undone                           bool
	Mails                            []mailRow   // the letter sent by e-mail
	Notices                          []noticeRow // e-mails that told the applicant of the step
	Deliveries                       []casework.Delivery
}

// mailRow is a sending of a letter by e-mail, as the case page says it.
type mailRow struct{ To, At, By string }

// noticeRow is an e-mail that told the applicant of a step (What: the
// receipt, the step, the result; To masked).
type noticeRow struct{ What, To, At string }

// stepForm is the form of one next step, refilled with what was typed when
// it was refused, with each error next to its field.
type stepForm struct {
	Kind         casework.StepKind
	Name, Basis  string
	Head         bool
	Open         bool
	V            map[string]string
	E            map[string]string
	Grounds      []string // chosen grounds of a 部分公开
	NeedsConfirm bool     // a decision is previewed first
	Hint         string   // where a value the form starts with comes from
}

type casePageData struct {
	*ops.CaseView
	IDNumber, Phone   string
	Events            []eventRow
	Steps             []stepForm
	Outcomes, Grounds []option
	PartyKinds        []option
	Today             string
	Defective         bool
	UndoName          string // the step an undo would withdraw
	ItemMode          bool   // 表三 counts items and this application has several: one outcome each
	// PDFMissing: characters of the application the PDF fonts lack (a
	// name written with CJK extension B), drawn as 〓 in the PDF letters
	PDFMissing string
	// CanMail: the viewer may send letters to the applicant by e-mail (a
	// mail server is set up and they act on the case)
	CanMail bool
	// Published: the agency's published items the application may ask for
	// (Art. 36(1)), searched for Find or else resembling the request.
	Published []ops.PublishedHint
	Find      string
	// LazyPublished: the form fetches Published when unfolded
	LazyPublished bool
	// CanPropose: a 办理人 who may act prepares the head's steps for them;
	// PendingLetter is the letter the waiting proposal would issue, for
	// the head to read before agreeing; Returned the last one sent back.
	CanPropose    bool
	PendingLetter template.HTML
	Returned      *casework.Proposal
	// DeliveryMethods are the ways a letter's 送达 is recorded; the form
	// starts from the way the applicant asked to be given the information.
	DeliveryMethods []string
	DeliveryAsked   string
	// FileRows are the case's files as the page lists them
	FileRows []fileRow
}

// fileRow is a file of the case on its page: a link, or what became of it
// when it was taken out as uploaded by mistake (Removed).
type fileRow struct {
	ID           int64
	Name, By, At string
	Size         int64
	Removed      string // who took it out, when and why ("": in the case)
	CanRemove    bool   // uploaded by the agency's staff, the case not filed, the viewer acts on it
	Note         string // what was done to it before it was kept (区分处理)
}

func fileRows(s *Server, v *ops.CaseView) []fileRow {
	applicants := map[int64]bool{}
	for _, oc := range v.Corrections {
		applicants[oc.AttachmentID] = true
	}
	var out []fileRow
	for _, a := range v.Files {
		f := fileRow{ID: a.ID, Name: a.Name, By: a.UploadedBy, At: s.Ops.Clock.Format(a.UploadedAt), Size: a.Size, Note: a.Note,
			CanRemove: v.CanAct && v.ArchiveNo == "" && !applicants[a.ID]}
		if a.RemovedAt != nil {
			f.Removed, f.CanRemove = fmt.Sprintf("%s于 %s 删除，原因：%s", a.RemovedBy, s.Ops.Clock.Format(*a.RemovedAt), a.RemovedReason), false
		}
		out = append(out, f)
	}
	return out
}

// stepFields are every field a step form can send.
var stepFields = []string{"kind", "on", "note", "party", "party_kind", "outcome", "referral", "route", "provision", "method", "pages", "delivered_on", "until", "into", "undoes",
	"proposal_note"}

func (s *Server) casePageData(r *http.Request, v *ops.CaseView, si *sessionInfo, typed map[string]string, grounds []string, stepErrs map[string]string) *casePageData {
	c := v.Case
	d := &casePageData{CaseView: v, Today: s.Ops.Clock.Today().String(), Outcomes: outcomeOptions(true), DeliveryMethods: casework.DeliveryMethods,
		// the 补正 banner only while a 补正 notice can still be sent
		Defective: len(v.Defects) > 0 && slices.Contains(v.Allowed, casework.KindRequestCorrection),
		ItemMode:  v.Config.UnitOfCount == casework.UnitItem && len(c.Intake.Request.Items) > 1}
	d.Grounds = optionsN(len(casework.Grounds), func(i int) (string, string) { return string(casework.Grounds[i].ID), casework.Grounds[i].Name })
	d.PartyKinds = optionsN(len(casework.PartyKinds), func(i int) (string, string) {
		return string(casework.PartyKinds[i].ID), casework.PartyKinds[i].Name
	})
	in := c.Intake
	d.DeliveryAsked = casework.DeliveryAsked(in.Request.Delivery)
	d.PDFMissing = office.MissingInPDF(append([]string{in.Applicant.Name, in.Applicant.Address, in.Request.Description}, in.Request.Items...)...)
	// personal data in full only for the people who handle the case
	d.IDNumber, d.Phone = c.Intake.Applicant.IDNum, c.Intake.Applicant.Phone
	if !v.CanAct {
		d.IDNumber, d.Phone = casework.MaskID(d.IDNumber), casework.MaskPhone(d.Phone)
	}
	d.CanMail = s.Mailer != nil && v.CanAct
	for _, e := range c.Events {
		row := eventRow{Seq: e.Seq, On: e.Step.On.String(), Name: casework.StepName(e.Step.Kind), Note: e.Step.Note,
			Actor: e.Actor.Name, Basis: e.Basis, At: s.Ops.Clock.Format(e.At), Letter: c.HasLetter(e.Seq), Number: v.Letters[e.Seq], Undone: c.Undone(e.Seq),
			Receipt: v.CanAct && e.Step.Kind == casework.KindReceive}
		for _, m := range v.Mails {
			if m.Seq == e.Seq {
				row.Mails = append(row.Mails, mailRow{To: m.To, At: s.Ops.Clock.Format(m.At), By: m.By})
			}
		}
		for _, n := range v.Notices {
			if n.Seq == e.Seq {
				row.Notices = append(row.Notices, noticeRow{What: n.What, To: n.To, At: s.Ops.Clock.Format(n.At)})
			}
		}
		for _, dl := range v.Deliveries {
			if dl.Seq == e.Seq {
				row.Deliveries = append(row.Deliveries, dl)
			}
		}
		d.Events = append(d.Events, row)
	}
	d.FileRows = fileRows(s, v)
	for _, k := range v.Allowed {
		if k == casework.KindUndo && v.Undo == 0 {
			continue
		}
		f := stepForm{Kind: k, Name: casework.StepName(k), Basis: casework.StepBasis(k), Head: casework.HeadOnly(k),
			V: map[string]string{"on": d.Today}, NeedsConfirm: k == casework.KindDecide}
		if k == casework.KindDecide {
			f.V["provision"] = in.Request.Provision() // as asked, unless the agency decides otherwise (Art. 40)
		}
		if k == casework.KindFeeDelivered {
			// the delivery recorded under the notice says when: the form opens with it
			if on := casework.FeeNoticeReceived(c, v.Deliveries); on != 0 {
				f.V["on"], f.Open = on.String(), true
				f.Hint = "送达记录：申请人于 " + on.Chinese() + " 收到收费通知。登记后，缴费期限自次日起计算。"
			}
		}
		if typed != nil && typed["kind"] == string(k) {
			f.Open, f.V, f.E, f.Grounds = true, typed, stepErrs, grounds
		}
		d.Steps = append(d.Steps, f)
	}
	if v.Undo > 0 {
		d.UndoName = casework.StepName(c.Events[v.Undo-1].Step.Kind)
	}
	s.proposalData(r, v, si, d)
	if slices.Contains(v.Allowed, casework.KindDecide) {
		s.publishedData(r, v, si, d, typed["kind"] == string(casework.KindDecide))
	}
	return d
}

// publishedData points the decision form to the agency's published items.
// Comparing a thousand titles with the request costs more than the rest of
// the page, and most views do not answer: unless the form is open (a search,
// a decision refilled), its page fetches them when the form is unfolded.
func (s *Server) publishedData(r *http.Request, v *ops.CaseView, si *sessionInfo, d *casePageData, refilled bool) {
	q := r.URL.Query()
	d.Find = q.Get("find")
	for i := range d.Steps {
		d.Steps[i].Open = d.Steps[i].Open || d.Find != "" && d.Steps[i].Kind == casework.KindDecide
	}
	if d.Find == "" && q.Get("suggest") != "1" && !refilled {
		d.LazyPublished = true
		return
	}
	var err error
	// only a pointer for the clerk: the page stands without it
	if d.Published, err = s.Ops.PublishedFor(r.Context(), si.p(), v.Case.ID, d.Find, s.PublicURL); err != nil {
		s.Log.Error("published items for a case", "case", v.Case.ID, "err", err)
	}
}

func caseID(r *http.Request) int64 {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id
}

func (s *Server) casePage(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	v, err := s.Ops.Case(r.Context(), si.p(), caseID(r))
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	p := page{Title: "申请 " + v.Case.Serial, User: si.user, CSRF: si.csrf, Flash: flashOf(r)}
	if r.URL.Query().Get("suggest") == "1" && r.Header.Get("HX-Request") == "true" {
		// the decision form unfolded: its suggestions alone, not the page
		d := &casePageData{CaseView: v}
		if slices.Contains(v.Allowed, casework.KindDecide) {
			s.publishedData(r, v, si, d, false)
		}
		p.Data = d
		s.renderBlock(w, "case", "published", p)
		return
	}
	p.Data = s.casePageData(r, v, si, nil, nil, nil)
	s.render(w, http.StatusOK, "case", p)
}

// stepOf reads a posted step; a date or number that cannot be read is an
// error at its field.
func (s *Server) stepOf(r *http.Request, si *sessionInfo, agencyID int64, f map[string]string) (casework.Step, []string, errs.List) {
	var bad errs.List
	st := casework.Step{Kind: casework.StepKind(f["kind"]), Note: f["note"], Party: f["party"], PartyKind: casework.PartyKind(f["party_kind"]),
		Outcome: casework.OutcomeID(f["outcome"]), Referral: f["referral"], Route: f["route"], Provision: f["provision"], Method: casework.FeeMethod(f["method"])}
	grounds := r.PostForm["grounds"]
	for _, g := range grounds {
		st.Grounds = append(st.Grounds, casework.OutcomeID(g))
	}
	for _, o := range r.PostForm["item_outcome"] {
		st.Items = append(st.Items, casework.ItemResult{Outcome: casework.OutcomeID(o)})
	}
	dates := map[string]*workday.Date{"on": &st.On, "delivered_on": &st.Delivered, "until": &st.Until}
	for name, dst := range dates {
		if v := f[name]; v != "" {
			d, err := workday.ParseTyped(v)
			if err != nil {
				bad.Add(name, "日期“%s”不对：应写成 2025-03-05 或 2025年3月5日", v)
				continue
			}
			*dst = d
		}
	}
	if v := f["pages"]; v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			bad.Add("pages", "页数应为整数")
		}
		st.Pages = n
	}
	if v := f["undoes"]; v != "" {
		st.Undoes, _ = strconv.Atoi(v)
	}
	if v := f["into"]; v != "" && st.Kind == casework.KindMerge {
		// the other case is chosen by its 申请编号, never by an internal id
		other, err := s.Ops.CaseBySerial(r.Context(), si.p(), agencyID, v)
		if err != nil {
			bad.Add("into", "本机关没有申请编号为“%s”的申请", v)
		} else {
			st.Into = other.ID
		}
	}
	return st, grounds, bad
}

// addStep records a step. A decision is shown as its letter first and
// recorded only when confirmed: it closes the case and numbers the letter.
func (s *Server) addStep(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	v, err := s.Ops.Case(r.Context(), si.p(), caseID(r))
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	f := formValues(r, stepFields)
	step, grounds, bad := s.stepOf(r, si, v.Case.AgencyID, f)
	if len(bad) == 0 && r.PostFormValue("propose") == "1" {
		// a 办理人's step for the head of the office to approve
		if _, err = s.Ops.ProposeStep(r.Context(), si.p(), v.Case.ID, step, f["proposal_note"]); err == nil {
			http.Redirect(w, r, fmt.Sprintf("/admin/cases/%d?ok=proposed#proposal", v.Case.ID), http.StatusSeeOther)
			return
		}
		bad = appendErr(bad, err)
	} else if len(bad) == 0 && step.Kind == casework.KindDecide && r.PostFormValue("confirmed") != "1" {
		l, err := s.Ops.Preview(r.Context(), si.p(), v.Case.ID, step)
		if err == nil {
			s.render(w, http.StatusOK, "preview", page{Title: "确认答复", User: si.user, CSRF: si.csrf, Form: f,
				Data: map[string]any{"Case": v.Case, "Letter": template.HTML(l.Fragment()), "Grounds": grounds}})
			return
		}
		bad = appendErr(bad, err)
	} else if len(bad) == 0 {
		var c *casework.Case
		if c, err = s.Ops.AddStep(r.Context(), si.p(), v.Case.ID, step); err == nil {
			s.Ops.NoticeLater(r.Context(), c, s.PublicURL, s.Mailer)
			ok := "recorded"
			if step.Kind == casework.KindUndo {
				ok = "undone"
			}
			http.Redirect(w, r, fmt.Sprintf("/admin/cases/%d?ok=%s", v.Case.ID, ok), http.StatusSeeOther)
			return
		}
		if k := errs.KindOf(err); k != errs.Invalid && k != errs.Conflict {
			s.fail(w, r, si.user, si.csrf, err)
			return
		}
		bad = appendErr(bad, err)
	}
	if v, err = s.Ops.Case(r.Context(), si.p(), v.Case.ID); err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	code := formCode(w, bad)
	stepErrs := formErrors(bad, map[string]string{"role": "form", "kind": "form", "count": "method", "amount": "method"})
	s.render(w, code, "case", page{Title: "申请 " + v.Case.Serial, User: si.user, CSRF: si.csrf, Form: f,
		Errors: map[string]string{"step": casework.StepName(step.Kind) + "未能记录，请按提示修改"},
		Data:   s.casePageData(r, v, si, f, grounds, stepErrs)})
}

func appendErr(l errs.List, err error) errs.List {
	for where, msg := range errs.Fields(err) {
		e := errs.New(where, "%s", msg)
		e.Kind = errs.KindOf(err)
		l = append(l, e)
	}
	return l
}

// previewStep is the preview of a step's letter on its own (the API of the
// confirm flow; the form goes through addStep).
func (s *Server) previewStep(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	r.PostForm.Del("confirmed")
	s.addStep(w, r, si)
}

// letter shows or downloads the document of a step: the agency's own staff
// issue it (numbered the first time), others read a copy.
func (s *Server) letter(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	seq, _ := strconv.Atoi(r.PathValue("seq"))
	l, err := s.Ops.Letter(r.Context(), si.p(), caseID(r), seq)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	s.writeLetter(w, r, l, r.URL.Query().Get("format"))
}

// receiptLetter sends the 接收回执 of an application, to print or send.
func (s *Server) receiptLetter(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	l, err := s.Ops.Receipt(r.Context(), si.p(), caseID(r), s.PublicURL)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	s.writeLetter(w, r, l, r.URL.Query().Get("format"))
}

// serviceForm sends the 送达回证 of an issued letter, to print (PDF, the
// default) or to edit (Word).
func (s *Server) serviceForm(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	seq, _ := strconv.Atoi(r.PathValue("seq"))
	f, err := s.Ops.ServiceForm(r.Context(), si.p(), caseID(r), seq)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	format := r.URL.Query().Get("format")
	if format != "docx" {
		format = "pdf"
	}
	var b bytes.Buffer
	err = office.Write(&b, format, office.ServiceFormDoc(*f), s.Ops.Clock.Now())
	if err != nil {
		s.fail(w, r, nil, "", err)
		return
	}
	download(w, office.ContentType[format], f.FileName()+"."+format, b.Bytes())
}

// caseFile sends an application's 案卷 for 归档 as a ZIP.
func (s *Server) caseFile(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	f, err := s.Ops.CaseFile(r.Context(), si.p(), caseID(r), s.PublicURL)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	// written as it is read, an attachment at a time; what fails half-way
	// is logged, the download then ends short
	attachment(w, "application/zip", "案卷 "+office.CaseFolder(f.Case)+".zip")
	if err := office.CaseFileZipOne(w, *f); err != nil {
		s.Log.Error("case file", "case", f.Case.ID, "err", err)
	}
}

// writeLetter sends a letter as a page, or as DOCX or PDF named by its 文号.
func (s *Server) writeLetter(w http.ResponseWriter, r *http.Request, l *casework.Letter, format string) {
	switch format {
	case "docx", "pdf":
		var b bytes.Buffer
		var err error
		err = office.Write(&b, format, office.LetterDoc(l), s.Ops.Clock.Now())
		if err != nil {
			s.fail(w, r, nil, "", err)
			return
		}
		download(w, office.ContentType[format], l.FileName()+"."+format, b.Bytes())
	default:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(l.HTML()))
	}
}

func (s *Server) upload(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	id := caseID(r)
	file, hdr, err := r.FormFile("file")
	var data []byte
	if err == nil {
		defer file.Close()
		data, err = readAll(file, ops.MaxAttachment)
	}
	name := ""
	if hdr != nil {
		name = hdr.Filename
	}
	if err == nil && redactAsked(r) {
		s.uploadRedacted(w, r, si, id, name, data)
		return
	}
	if err == nil {
		_, err = s.Ops.Attach(r.Context(), si.p(), id, name, data)
	} else if err != errTooLarge {
		err = errs.New("file", "请选择文件（单个文件不超过 %d MB）", ops.MaxAttachment>>20)
	} else {
		err = &errs.Error{Kind: errs.TooLarge, Where: "file", Msg: fmt.Sprintf("文件超过 %d MB", ops.MaxAttachment>>20)}
	}
	s.caseFormDoneWith(w, r, si, id, err, "uploaded", "file", formValues(r, redactFields)) // the 区分处理 part as typed, if refused
}

// redactFields are the 区分处理 part of the upload form.
var redactFields = []string{"redact_id", "redact_mobile", "redact_email", "terms"}

// redactAsked says the upload goes to the form's 区分处理 part: its button
// clicked, or words to cover written (see redactOptions).
func redactAsked(r *http.Request) bool {
	return r.PostFormValue("redact") != "" || strings.TrimSpace(r.PostFormValue("terms")) != ""
}

// redactOptions are what the form's 区分处理 part asks. Words to cover
// written but the plain 上传 clicked is a slip that would keep the file
// uncovered: it is refused, not guessed either way.
func redactOptions(r *http.Request) (redact.Options, error) {
	if r.PostFormValue("redact") == "" {
		return redact.Options{}, errs.New("redact", "已写了需要遮盖的文字，却点了“上传”：要遮盖，请点“遮盖后上传”；要保存原件，请先清空这些文字再上传")
	}
	opt := redact.Options{IDNumbers: r.PostFormValue("redact_id") != "", Mobiles: r.PostFormValue("redact_mobile") != "",
		Emails: r.PostFormValue("redact_email") != ""}
	var err error
	opt.Terms, err = redact.CleanTerms(r.PostFormValue("terms"))
	return opt, err
}

// uploadRedacted keeps the upload's covered copy (区分处理). A problem is
// said in the form's 区分处理 part, which stays open with what was ticked
// and typed (the file must be chosen again: no browser lets a page keep it).
func (s *Server) uploadRedacted(w http.ResponseWriter, r *http.Request, si *sessionInfo, id int64, name string, data []byte) {
	opt, err := redactOptions(r)
	if err == nil {
		_, _, err = s.Ops.AttachRedacted(r.Context(), si.p(), id, name, data, opt)
	}
	if err == nil || !atField(err, "redact") {
		s.caseFormDone(w, r, si, id, err, "redacted", "redact")
		return
	}
	v, verr := s.Ops.Case(r.Context(), si.p(), id)
	if verr != nil {
		s.fail(w, r, si.user, si.csrf, verr)
		return
	}
	s.render(w, formCode(w, err), "case", page{Title: "申请 " + v.Case.Serial, User: si.user, CSRF: si.csrf, Form: formValues(r, redactFields),
		Errors: map[string]string{"redact": errs.Plain(err)}, Data: s.casePageData(r, v, si, nil, nil, nil)})
}

// removeAttachment takes a file uploaded by mistake out of the case.
func (s *Server) removeAttachment(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	id := caseID(r)
	aid, _ := strconv.ParseInt(r.PathValue("aid"), 10, 64)
	err := s.Ops.RemoveAttachment(r.Context(), si.p(), id, aid, r.PostFormValue("reason"))
	s.caseFormDone(w, r, si, id, err, "detached", fmt.Sprintf("x%d", aid))
}

// atField says an error of a form is said at its field on the form's page:
// bad input, a file too large, or a refusal that names the field (the
// handler-only rule's assignment).
func atField(err error, field string) bool {
	switch errs.KindOf(err) {
	case errs.Invalid, errs.TooLarge:
		return true
	case errs.Forbidden:
		return errs.Fields(err)[field] != ""
	}
	return false
}

// caseFormDone ends a form of the case page: back to the page with a word of
// it, or the page again with the form's problem at its field (an error of
// another kind is an error page).
func (s *Server) caseFormDone(w http.ResponseWriter, r *http.Request, si *sessionInfo, id int64, err error, ok, field string) {
	s.caseFormDoneWith(w, r, si, id, err, ok, field, nil)
}

// caseFormDoneWith is caseFormDone showing form (what was typed) again when
// the form is refused.
func (s *Server) caseFormDoneWith(w http.ResponseWriter, r *http.Request, si *sessionInfo, id int64, err error, ok, field string, form map[string]string) {
	if err == nil {
		http.Redirect(w, r, fmt.Sprintf("/admin/cases/%d?ok=%s", id, ok), http.StatusSeeOther)
		return
	}
	if !atField(err, field) {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	v, verr := s.Ops.Case(r.Context(), si.p(), id)
	if verr != nil {
		s.fail(w, r, si.user, si.csrf, verr)
		return
	}
	s.render(w, formCode(w, err), "case", page{Title: "申请 " + v.Case.Serial, User: si.user, CSRF: si.csrf, Form: form,
		Errors: map[string]string{field: errs.Plain(err)}, Data: s.casePageData(r, v, si, nil, nil, nil)})
}

// forgetPhrase takes a 常用语 off a step's list and goes back to that step.
func (s *Server) forgetPhrase(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	id, kind := caseID(r), casework.StepKind(r.PostFormValue("kind"))
	err := s.Ops.ForgetPhrase(r.Context(), si.p(), id, kind, r.PostFormValue("phrase"))
	if err == nil {
		http.Redirect(w, r, fmt.Sprintf("/admin/cases/%d?ok=forgot#step-%s", id, kind), http.StatusSeeOther)
		return
	}
	s.caseFormDone(w, r, si, id, err, "", "phrase")
}

// mailLetter sends a letter to the applicant by e-mail.
func (s *Server) mailLetter(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	id := caseID(r)
	seq, _ := strconv.Atoi(r.PathValue("seq"))
	_, err := s.Ops.MailLetter(r.Context(), si.p(), id, seq, r.PostFormValue("to"), s.Mailer)
	s.caseFormDoneWith(w, r, si, id, err, "mailed", fmt.Sprintf("to%d", seq), map[string]string{"to": r.PostFormValue("to")})
}

// deliverLetter records how a letter reached the applicant, or (with id)
// the day an earlier delivery was signed for.
func (s *Server) deliverLetter(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	id := caseID(r)
	seq, _ := strconv.Atoi(r.PathValue("seq"))
	field := fmt.Sprintf("d%d", seq)
	d := casework.Delivery{Method: r.PostFormValue("method"), Tracking: r.PostFormValue("tracking"), Note: r.PostFormValue("note")}
	d.ID, _ = strconv.ParseInt(r.PostFormValue("id"), 10, 64)
	var bad errs.List
	for name, dst := range map[string]*workday.Date{"sent_on": &d.SentOn, "received_on": new(workday.Date)} {
		v := r.PostFormValue(name)
		if v == "" {
			continue
		}
		on, err := workday.ParseTyped(v)
		if err != nil {
			bad.Add(name, "日期“%s”不对：应写成 2025-03-05 或 2025年3月5日", v)
			continue
		}
		*dst = on
		if name == "received_on" {
			d.ReceivedOn = dst
		}
	}
	err := bad.Err()
	if err == nil {
		_, err = s.Ops.RecordDelivery(r.Context(), si.p(), id, seq, d)
	}
	if k := errs.KindOf(err); k == errs.Conflict || k == errs.Invalid || k == errs.NotFound && errs.Fields(err)["id"] != "" {
		err = &errs.Error{Kind: errs.Invalid, Where: field, Msg: errs.Readable(err), Cause: err} // said beside the letter
	}
	var typed map[string]string
	if d.ID == 0 { // the letter's 登记送达 form, shown again as filled
		typed = formValues(r, []string{"method", "sent_on", "tracking", "received_on", "note"})
	}
	s.caseFormDoneWith(w, r, si, id, err, "delivered", field, typed)
}

// fileCase files an answered application (归档): its 档号.
func (s *Server) fileCase(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	id := caseID(r)
	_, err := s.Ops.FileCases(r.Context(), si.p(), []int64{id})
	if errs.KindOf(err) == errs.Conflict { // the form's own problem, said beside its button
		err = &errs.Error{Kind: errs.Invalid, Where: "archive", Msg: errs.Readable(err), Cause: err}
	}
	s.caseFormDone(w, r, si, id, err, "archived", "archive")
}

// assignCase names the 承办人 of an application.
func (s *Server) assignCase(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	id := caseID(r)
	handler, err := strconv.ParseInt(r.PostFormValue("handler"), 10, 64)
	if err != nil || handler < 0 {
		err = errs.New("handler", "请从列表中选择承办人")
	} else {
		_, err = s.Ops.AssignCase(r.Context(), si.p(), id, handler)
	}
	s.caseFormDone(w, r, si, id, err, "assigned", "handler")
}

func (s *Server) attachment(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	aid, _ := strconv.ParseInt(r.PathValue("aid"), 10, 64)
	a, data, err := s.Ops.Attachment(r.Context(), si.p(), caseID(r), aid)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	download(w, a.ContentType, a.Name, data)
}

// editPage corrects a registration's typos.
func (s *Server) editPage(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	v, err := s.Ops.Case(r.Context(), si.p(), caseID(r))
	if err == nil && !v.CanAct {
		err = ops.Forbidden("只有本机关的办理人员可以更正登记信息")
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	s.render(w, http.StatusOK, "edit", page{Title: "更正登记信息", User: si.user, CSRF: si.csrf, Form: intakeValues(v), Data: editForm(v)})
}

// intakeValues are a case's registration as its edit form shows it.
func intakeValues(v *ops.CaseView) map[string]string {
	in := v.Case.Intake
	a := in.Applicant
	return map[string]string{"channel": string(in.Channel), "received_on": v.Case.Received.String(), "applicant_type": string(a.Type), "name": a.Name,
		"id_type": a.IDType, "id_number": a.IDNum, "phone": a.Phone, "email": a.Email, "address": a.Address,
		"description": in.Request.Description, "form": in.Request.Form, "delivery": in.Request.Delivery}
}

func editForm(v *ops.CaseView) intakeForm {
	d := newIntakeForm()
	d.CaseID, d.Serial, d.ReceivedFixed = v.Case.ID, v.Case.Serial, len(v.Case.Events) > 1
	d.Seen, d.Opened = v.Case.Intake.Fingerprint(), openedJSON(intakeValues(v))
	return d
}

func (s *Server) editCase(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	v, err := s.Ops.Case(r.Context(), si.p(), caseID(r))
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	f := formValues(r, intakeFields)
	save := func(f map[string]string, seen string) error {
		rec, err := workday.ParseTyped(f["received_on"])
		if err != nil {
			return errs.New("received_on", "%s", errs.Readable(err))
		}
		_, err = s.Ops.EditIntake(r.Context(), si.p(), v.Case.ID, intakeFrom(f, rec), seen)
		return err
	}
	f, merged, err := saveMerged(r, f, func() (map[string]string, string) { // corrected by another since the form was opened
		return intakeValues(v), v.Case.Intake.Fingerprint() // (v was read after it)
	}, save)
	if merged {
		http.Redirect(w, r, fmt.Sprintf("/admin/cases/%d?ok=merged", v.Case.ID), http.StatusSeeOther)
		return
	}
	if err == nil {
		http.Redirect(w, r, fmt.Sprintf("/admin/cases/%d?ok=saved", v.Case.ID), http.StatusSeeOther)
		return
	}
	if k := errs.KindOf(err); k != errs.Invalid && k != errs.Conflict {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	s.render(w, formCode(w, err), "edit", page{Title: "更正登记信息", User: si.user, CSRF: si.csrf, Form: f,
		Errors: formErrors(err, fieldOf), Data: editForm(v)})
}

// readAll reads at most max bytes, errTooLarge beyond.
func readAll(rd io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(rd, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, errTooLarge
	}
	return b, nil
}

var errTooLarge = errs.New("file", "too large")

// proposalData is what the case page shows of proposals to the head.
func (s *Server) proposalData(r *http.Request, v *ops.CaseView, si *sessionInfo, d *casePageData) {
	d.CanPropose = v.CanAct && si.user.Role == casework.Clerk
	if n := len(v.Proposals); n > 0 && v.Proposals[n-1].State == casework.ProposalReturned {
		d.Returned = &v.Proposals[n-1]
	}
	if v.Pending == nil || !v.CanApprove || casework.StepLetter(v.Pending.Step.Kind) == "" {
		return
	}
	if l, err := s.Ops.Preview(r.Context(), si.p(), v.Case.ID, v.Pending.Step); err == nil {
		d.PendingLetter = template.HTML(l.Fragment())
	}
}

// decideProposal is the head's 同意 or 退回 of the waiting proposal.
func (s *Server) decideProposal(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	approve := r.PostFormValue("decision") == "approve"
	c, err := s.Ops.DecideProposal(r.Context(), si.p(), caseID(r), approve, r.PostFormValue("comment"))
	if err == nil && approve {
		s.Ops.NoticeLater(r.Context(), c, s.PublicURL, s.Mailer)
	}
	ok := map[bool]string{true: "agreed", false: "returned"}[approve]
	s.afterProposal(w, r, si, ok, err)
}

// withdrawProposal is the proposer's taking back of their proposal.
func (s *Server) withdrawProposal(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.afterProposal(w, r, si, "unproposed", s.Ops.WithdrawProposal(r.Context(), si.p(), caseID(r)))
}

// afterProposal goes back to the case page, saying what was done or, at
// the proposal, why not.
func (s *Server) afterProposal(w http.ResponseWriter, r *http.Request, si *sessionInfo, ok string, err error) {
	if err == nil {
		http.Redirect(w, r, fmt.Sprintf("/admin/cases/%d?ok=%s", caseID(r), ok), http.StatusSeeOther)
		return
	}
	if k := errs.KindOf(err); k != errs.Invalid && k != errs.Conflict {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	v, verr := s.Ops.Case(r.Context(), si.p(), caseID(r))
	if verr != nil {
		s.fail(w, r, si.user, si.csrf, verr)
		return
	}
	s.render(w, formCode(w, appendErr(nil, err)), "case", page{Title: "申请 " + v.Case.Serial, User: si.user, CSRF: si.csrf,
		Form: map[string]string{"comment": r.PostFormValue("comment")}, Errors: map[string]string{"proposal": errs.Plain(err)},
		Data: s.casePageData(r, v, si, nil, nil, nil)})
}
