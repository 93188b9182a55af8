package web

import (
	"fmt"
	"net/http"
	"strconv"

	"gongkai/internal/appeal"
	"gongkai/internal/errs"
	"gongkai/internal/workday"
)

var appealFields = []string{"case", "kind", "number", "body", "applicant", "filed_on", "concluded_on", "result", "co_defendant_only", "note"}

type appealRow struct {
	appeal.Record
	KindName, ResultName string
	Seen                 string            // its Fingerprint, which its edit form carries
	Values               map[string]string // its edit form's: as stored, or as typed when its save was refused
	Opened               string            // the values as stored, which the form carries (see merge.go)
}

// appealValues are a record's fields as its edit form shows them.
func appealValues(a appeal.Record) map[string]string {
	v := map[string]string{"case": a.CaseSerial, "kind": string(a.Kind), "number": a.Number, "body": a.Body, "applicant": a.Applicant,
		"filed_on": a.FiledOn.String(), "concluded_on": dateText(a.ConcludedOn), "result": string(a.Result), "note": a.Note}
	if a.CoDefendantOnly {
		v["co_defendant_only"] = "1"
	}
	return v
}

type appealsData struct {
	Records        []appealRow
	Kinds, Results []option
	Counting       appeal.Counting
	Editing        int64 // the record whose form is refilled after an error
	CanAct         bool
}

// appealsPage lists the agency's 复议/诉讼 records with the form to add one;
// ?case=SERIAL prefills the application it concerns.
func (s *Server) appealsPage(w http.ResponseWriter, r *http.Request, si *sessionInfo, code int, form, fieldErrs map[string]string, editing int64) {
	recs, err := s.Ops.Appeals(r.Context(), si.p(), si.user.AgencyID)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	st, err := s.Ops.Settings(r.Context())
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	d := appealsData{Counting: st.AppealCounting, Editing: editing, CanAct: page{User: si.user}.ActsForCases()}
	for _, a := range recs {
		row := appealRow{a, appeal.KindName(a.Kind), appeal.ResultName(a.Result), a.Fingerprint(), appealValues(a), openedJSON(appealValues(a))}
		if a.ID == editing && form != nil {
			row.Values = form // what was typed, over the record as it is now
		}
		d.Records = append(d.Records, row)
	}
	d.Kinds = optionsN(len(appeal.Kinds), func(i int) (string, string) { return string(appeal.Kinds[i]), appeal.KindName(appeal.Kinds[i]) })
	d.Results = append([]option{{"", "尚未审结"}},
		optionsN(len(appeal.Results), func(i int) (string, string) { return string(appeal.Results[i]), appeal.ResultName(appeal.Results[i]) })...)
	if form == nil || editing != 0 { // the new-record form: what was typed into it, or empty
		form = map[string]string{"case": r.URL.Query().Get("case"), "kind": string(appeal.Review)}
	}
	s.render(w, code, "appeals", page{Title: "复议和诉讼", User: si.user, CSRF: si.csrf, Form: form, Errors: fieldErrs, Flash: flashOf(r), Data: d})
}

func (s *Server) appeals(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.appealsPage(w, r, si, http.StatusOK, nil, nil, 0)
}

// recordFrom reads the form into a record; every field that cannot be read
// is reported at once.
func (s *Server) recordFrom(r *http.Request, si *sessionInfo, f map[string]string) (appeal.Record, error) {
	a := appeal.Record{Kind: appeal.Kind(f["kind"]), Number: f["number"], Body: f["body"], Applicant: f["applicant"],
		Result: appeal.Result(f["result"]), CoDefendantOnly: f["co_defendant_only"] != "", Note: f["note"]}
	var bad errs.List
	if f["case"] != "" {
		c, err := s.Ops.CaseBySerial(r.Context(), si.p(), si.user.AgencyID, f["case"])
		if err != nil {
			bad.Add("case", "本机关没有申请编号为“%s”的申请", f["case"])
		} else {
			a.CaseID, a.CaseSerial = &c.ID, c.Serial
		}
	}
	for name, dst := range map[string]*workday.Date{"filed_on": &a.FiledOn} {
		if f[name] != "" {
			d, err := workday.ParseTyped(f[name])
			if err != nil {
				bad.Add(name, "%s", errs.Readable(err))
			}
			*dst = d
		}
	}
	if f["concluded_on"] != "" {
		d, err := workday.ParseTyped(f["concluded_on"])
		if err != nil {
			bad.Add("concluded_on", "%s", errs.Readable(err))
		}
		a.ConcludedOn = &d
	}
	if len(bad) > 0 {
		return a, bad
	}
	return a, a.Validate()
}

func (s *Server) createAppeal(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	f := formValues(r, appealFields)
	a, err := s.recordFrom(r, si, f)
	if err == nil {
		_, err = s.Ops.RecordAppeal(r.Context(), si.p(), a)
	}
	if errs.KindOf(err) == errs.Invalid {
		s.appealsPage(w, r, si, http.StatusUnprocessableEntity, f, formErrors(err, nil), 0)
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, "/admin/appeals?ok=recorded", http.StatusSeeOther)
}

// updateAppeal saves an edited record: a correction, or its conclusion.
func (s *Server) updateAppeal(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	f := formValues(r, appealFields)
	save := func(f map[string]string, seen string) error {
		_, err := s.Ops.UpdateAppeal(r.Context(), si.p(), id, seen, func(a *appeal.Record) error {
			upd, err := s.recordFrom(r, si, f)
			if err != nil {
				return err
			}
			upd.ID, upd.AgencyID, upd.CreatedBy = a.ID, a.AgencyID, a.CreatedBy
			*a = upd
			return nil
		})
		return err
	}
	f, merged, err := saveMerged(r, f, func() (map[string]string, string) { // changed by another since the form was opened
		recs, _ := s.Ops.Appeals(r.Context(), si.p(), si.user.AgencyID)
		for _, a := range recs {
			if a.ID == id {
				return appealValues(a), a.Fingerprint()
			}
		}
		return nil, ""
	}, save)
	if merged {
		http.Redirect(w, r, "/admin/appeals?ok=merged", http.StatusSeeOther)
		return
	}
	switch errs.KindOf(err) {
	case errs.Invalid: // said in the edited row's form as one line (the field lines are the new record's form's)
		s.appealsPage(w, r, si, http.StatusUnprocessableEntity, f, map[string]string{"form": fmt.Sprintf("记录未能保存：%s", errs.Readable(err))}, id)
		return
	case errs.Conflict: // changed by another since the form was opened
		s.appealsPage(w, r, si, http.StatusConflict, f, map[string]string{"form": errs.Readable(err)}, id)
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, "/admin/appeals?ok=saved", http.StatusSeeOther)
}
