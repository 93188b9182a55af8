package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"gongkai/internal/appeal"
	"gongkai/internal/errs"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

var appealFields = []string{"case", "kind", "number", "body", "applicant", "filed_on", "concluded_on", "result", "co_defendant_only", "note"}

type appealRow struct {
	appeal.Record
	KindName, ResultName string
}

func appealRows(recs []appeal.Record) []appealRow {
	rows := make([]appealRow, len(recs))
	for i, a := range recs {
		rows[i] = appealRow{a, appeal.KindName(a.Kind), appeal.ResultName(a.Result)}
	}
	return rows
}

type choice struct{ ID, Name string }

// appealsPage lists the agency's 复议/诉讼 records with the form to add one;
// ?case=ID prefills the application it concerns.
func (s *Server) appealsPage(w http.ResponseWriter, r *http.Request, si *sessionInfo, code int, form, fieldErrs map[string]string) {
	recs, err := s.Store.Appeals(r.Context(), si.user.AgencyID, 0)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	rows := appealRows(recs)
	kinds := []choice{}
	for _, k := range appeal.Kinds {
		kinds = append(kinds, choice{string(k), appeal.KindName(k)})
	}
	results := []choice{{"", "尚未审结"}}
	for _, x := range appeal.Results {
		results = append(results, choice{string(x), appeal.ResultName(x)})
	}
	if form == nil {
		form = map[string]string{"case": r.URL.Query().Get("case"), "kind": string(appeal.Review)}
	}
	s.render(w, code, "appeals", page{Title: "复议和诉讼", User: si.user, CSRF: si.csrf, Form: form, Errors: fieldErrs,
		Data: map[string]any{"Records": rows, "Kinds": kinds, "Results": results, "Counting": s.AppealCounting}})
}

func (s *Server) appeals(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.appealsPage(w, r, si, http.StatusOK, nil, nil)
}

// recordFrom reads the form into a record; a date that cannot be read is
// reported at its field.
func recordFrom(f map[string]string) (appeal.Record, error) {
	a := appeal.Record{Kind: appeal.Kind(f["kind"]), Number: f["number"], Body: f["body"], Applicant: f["applicant"],
		Result: appeal.Result(f["result"]), CoDefendantOnly: f["co_defendant_only"] != "", Note: f["note"]}
	if f["case"] != "" {
		id, err := strconv.ParseInt(f["case"], 10, 64)
		if err != nil {
			return a, errs.New("case", "申请编号不对")
		}
		a.CaseID = &id
	}
	if f["filed_on"] != "" {
		d, err := workday.ParseDate(f["filed_on"])
		if err != nil {
			return a, errs.New("filed_on", "%s", errs.Message(err))
		}
		a.FiledOn = d
	}
	if f["concluded_on"] != "" {
		d, err := workday.ParseDate(f["concluded_on"])
		if err != nil {
			return a, errs.New("concluded_on", "%s", errs.Message(err))
		}
		a.ConcludedOn = &d
	}
	return a, nil
}

// appealFieldOf: the appeal package names its fields as the form does.
var appealFieldOf = func() map[string]string {
	m := map[string]string{}
	for _, f := range appealFields {
		m[f] = f
	}
	return m
}()

func (s *Server) createAppeal(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	f := formValues(r, appealFields)
	a, err := recordFrom(f)
	if err == nil {
		a.AgencyID, a.CreatedBy = si.user.AgencyID, si.user.Name
		err = s.Store.AddAppeal(r.Context(), &a)
	}
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.appealsPage(w, r, si, http.StatusUnprocessableEntity, f, map[string]string{"case": "本机关没有这件申请"})
		return
	case errs.KindOf(err) == errs.Invalid:
		s.appealsPage(w, r, si, http.StatusUnprocessableEntity, f, fieldErrors(err, appealFieldOf))
		return
	case err != nil:
		s.serverError(w, r, err)
		return
	}
	s.Store.Audit(r.Context(), store.AuditEntry{UserID: si.user.ID, AgencyID: si.user.AgencyID, Action: "appeal.create", Object: a.Number, Detail: appeal.KindName(a.Kind)})
	http.Redirect(w, r, "/admin/appeals", http.StatusSeeOther)
}

// concludeAppeal records the 复议决定 or judgment of one record.
func (s *Server) concludeAppeal(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	a, err := s.Store.Appeal(r.Context(), si.user.AgencyID, id)
	if errors.Is(err, store.ErrNotFound) {
		http.Error(w, "没有找到这条记录，或您无权修改", http.StatusNotFound)
		return
	} else if err != nil {
		s.serverError(w, r, err)
		return
	}
	f := formValues(r, []string{"concluded_on", "result"})
	upd, err := recordFrom(f)
	if err == nil {
		a.ConcludedOn, a.Result = upd.ConcludedOn, upd.Result
		err = s.Store.UpdateAppeal(r.Context(), a)
	}
	var e *errs.Error
	if errors.As(err, &e) && e.Kind == errs.Invalid {
		// the form of one row: the message goes above the table
		s.appealsPage(w, r, si, http.StatusUnprocessableEntity, nil, map[string]string{"form": fmt.Sprintf("记录 %s 未能保存：%s", a.Number, e.Msg)})
		return
	} else if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.Store.Audit(r.Context(), store.AuditEntry{UserID: si.user.ID, AgencyID: si.user.AgencyID, Action: "appeal.conclude", Object: a.Number, Detail: appeal.ResultName(a.Result)})
	http.Redirect(w, r, "/admin/appeals", http.StatusSeeOther)
}
