package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"gongkai/internal/casework"
	"gongkai/internal/store"
)

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	ags, err := s.Store.ListAgencies(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, http.StatusOK, "public_home", page{Title: "政府信息公开", Data: map[string]any{"Agencies": ags}})
}

func (s *Server) agency(w http.ResponseWriter, r *http.Request) (*store.Agency, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	var ag *store.Agency
	if err == nil {
		ag, err = s.Store.GetAgency(r.Context(), id)
	}
	if err != nil {
		http.Error(w, "没有这个机关", http.StatusNotFound)
		return nil, false
	}
	return ag, true
}

// guide is the agency's 政府信息公开指南 (条例 Art. 12).
func (s *Server) guide(w http.ResponseWriter, r *http.Request) {
	ag, ok := s.agency(w, r)
	if !ok {
		return
	}
	s.render(w, http.StatusOK, "guide", page{Title: ag.Name + "政府信息公开指南", Data: map[string]any{"Agency": ag}})
}

var applyFields = []string{"applicant_type", "name", "id_type", "id_number", "phone", "email", "address", "description", "form", "delivery"}

type applyData struct {
	intakeForm
	Agency   *store.Agency
	MaskedID string
}

func (s *Server) applyForm(w http.ResponseWriter, r *http.Request) {
	ag, ok := s.agency(w, r)
	if !ok {
		return
	}
	s.render(w, http.StatusOK, "apply", page{Title: "在线申请", CSRF: publicToken(w, r), Data: applyData{intakeForm: newIntakeForm(), Agency: ag},
		Form: map[string]string{"applicant_type": "natural", "id_type": "身份证", "form": "电子", "delivery": "电子邮件"}})
}

// postedApply reads a posted application form for the agency in the path; it
// answers the request itself (and returns false) when the agency is unknown or
// the form token has expired.
func (s *Server) postedApply(w http.ResponseWriter, r *http.Request) (*store.Agency, map[string]string, page, bool) {
	ag, ok := s.agency(w, r)
	if !ok {
		return nil, nil, page{}, false
	}
	f := formValues(r, applyFields)
	f["channel"] = string(casework.Online)
	p := page{Title: "在线申请", CSRF: publicToken(w, r), Form: f, Data: applyData{intakeForm: newIntakeForm(), Agency: ag}}
	if !checkPublicToken(r) {
		p.Errors = map[string]string{"form": "表单已过期，请重新提交"}
		s.render(w, http.StatusForbidden, "apply", p)
		return nil, nil, page{}, false
	}
	return ag, f, p, true
}

// applyCheck validates the application (Art. 29 content, identity numbers)
// and shows it for confirmation; errors go back next to their fields.
func (s *Server) applyCheck(w http.ResponseWriter, r *http.Request) {
	ag, f, p, ok := s.postedApply(w, r)
	if !ok {
		return
	}
	in := intakeFrom(f, s.today())
	if err := in.Validate(); err != nil || r.PostFormValue("back") != "" {
		if err != nil {
			p.Errors = fieldErrors(err, fieldOf)
		}
		code := http.StatusOK
		if err != nil {
			code = http.StatusUnprocessableEntity
		}
		s.render(w, code, "apply", p)
		return
	}
	p.Data = applyData{intakeForm: newIntakeForm(), Agency: ag, MaskedID: casework.MaskID(in.Applicant.IDNum)}
	p.Form["id_number"] = in.Applicant.IDNum
	s.render(w, http.StatusOK, "apply_confirm", p)
}

// applyConfirm registers the application: the day the applicant confirms is
// the day it is received (条例 Art. 31(三)). Submissions are rate-limited.
func (s *Server) applyConfirm(w http.ResponseWriter, r *http.Request) {
	ag, f, p, ok := s.postedApply(w, r)
	if !ok {
		return
	}
	now := s.Now()
	if s.applies.blocked(remoteIP(r), now) {
		p.Errors = map[string]string{"form": "提交过于频繁，请稍后再试"}
		s.render(w, http.StatusTooManyRequests, "apply", p)
		return
	}
	c, err := casework.NewCase(intakeFrom(f, s.today()), casework.Actor{Name: "申请人（网上申请）", Role: casework.Clerk}, now.In(beijing), s.Calendar())
	if err == nil {
		err = s.Store.CreateCase(r.Context(), ag.ID, c, s.Calendar(), s.Config)
	}
	if err != nil {
		p.Errors = fieldErrors(err, fieldOf)
		s.render(w, http.StatusUnprocessableEntity, "apply", p)
		return
	}
	s.applies.add(remoteIP(r), now)
	due := "计算中"
	if dl, err := c.Deadline(s.Config, s.Calendar(), s.today()); err == nil && dl.Due != 0 {
		due = dl.Due.Chinese()
	}
	s.render(w, http.StatusOK, "receipt", page{Title: "申请已提交", Data: map[string]any{"Agency": ag.Name, "Received": c.Received.Chinese(),
		"Serial": c.Serial, "Code": c.Code, "Due": due}})
}

type statusView struct {
	Serial, Received, State, Due, Note string
}

// status shows the stage and due date of an application: never personal data.
func (s *Server) status(w http.ResponseWriter, r *http.Request) {
	code := strings.ToUpper(strings.TrimSpace(r.URL.Query().Get("code")))
	p := page{Title: "办理进度", Form: map[string]string{"code": code}}
	if code == "" {
		if r.URL.Query().Has("code") {
			p.Errors = map[string]string{"code": "请输入回执上的查询码"}
			s.render(w, http.StatusUnprocessableEntity, "status", p)
			return
		}
		s.render(w, http.StatusOK, "status", p)
		return
	}
	c, err := s.Store.CaseByCode(r.Context(), code, s.Calendar(), s.Config)
	if errors.Is(err, store.ErrNotFound) {
		p.Errors = map[string]string{"code": "没有找到这个查询码，请核对后重新输入（查询码不区分大小写）"}
		s.render(w, http.StatusNotFound, "status", p)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := &statusView{Serial: c.Serial, Received: c.Received.Chinese(), State: casework.StateName(c.State)}
	if c.State == casework.Closed && c.ClosedOn != nil {
		v.Note = "已于" + c.ClosedOn.Chinese() + "作出答复或办结，请查收答复文书"
	} else if dl, err := c.Deadline(s.Config, s.Calendar(), s.today()); err == nil {
		if dl.Due != 0 {
			v.Due = dl.Due.Chinese()
		}
		if !dl.Running && dl.Extra != 0 {
			v.Note = dl.ExtraWhat + "：" + dl.Extra.Chinese()
		}
	}
	p.Data = v
	s.render(w, http.StatusOK, "status", p)
}
