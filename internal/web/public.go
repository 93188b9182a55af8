package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/ops"
	"gongkai/internal/org"
	"gongkai/internal/report"
)

// agencyGroup is one area of the portal's list: a government and the
// departments under it.
type agencyGroup struct {
	Head    *org.Agency
	Members []*org.Agency
}

// groupAgencies puts each department under the government above it; what
// has no government above (vertically managed organs) forms its own group.
func groupAgencies(all []*org.Agency, q string) []agencyGroup {
	byID := map[int64]*org.Agency{}
	for _, a := range all {
		byID[a.ID] = a
	}
	isGov := func(a *org.Agency) bool {
		switch a.Level {
		case "province", "city", "county", "township":
			return true
		}
		return false
	}
	var groups []agencyGroup
	index := map[int64]int{}
	other := agencyGroup{}
	for _, a := range all {
		if q != "" && !strings.Contains(a.Name, q) {
			continue
		}
		head := a
		if !isGov(a) {
			head = nil
			if a.ParentID != nil {
				head = byID[*a.ParentID]
			}
		}
		if head == nil {
			other.Members = append(other.Members, a)
			continue
		}
		i, ok := index[head.ID]
		if !ok {
			i = len(groups)
			index[head.ID] = i
			groups = append(groups, agencyGroup{Head: head})
		}
		if a != head {
			groups[i].Members = append(groups[i].Members, a)
		}
	}
	if len(other.Members) > 0 {
		groups = append(groups, other)
	}
	return groups
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	ags, err := s.Ops.Store.ListAgencies(r.Context())
	if err != nil {
		s.fail(w, r, nil, "", err)
		return
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	u, csrf := s.optionalUser(r)
	s.render(w, http.StatusOK, "public_home", page{Title: "政府信息公开", User: u, CSRF: csrf, Form: map[string]string{"q": q},
		Data: map[string]any{"Groups": groupAgencies(ags, q), "Levels": report.Levels}})
}

func (s *Server) agency(w http.ResponseWriter, r *http.Request) (*org.Agency, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	var ag *org.Agency
	if err == nil {
		ag, err = s.Ops.Store.GetAgency(r.Context(), id)
	}
	if err != nil {
		s.render(w, http.StatusNotFound, "error", page{Title: "没有这个机关", Data: "没有这个机关。请从首页的机关列表进入。"})
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
	st, err := s.Ops.Settings(r.Context())
	if err != nil {
		s.fail(w, r, nil, "", err)
		return
	}
	s.render(w, http.StatusOK, "guide", page{Title: ag.Name + "政府信息公开指南", Data: map[string]any{"Agency": ag, "Config": st.Case}})
}

var applyFields = []string{"applicant_type", "name", "id_type", "id_number", "phone", "email", "address", "description", "items", "form", "delivery"}

func (s *Server) applyForm(w http.ResponseWriter, r *http.Request) {
	ag, ok := s.agency(w, r)
	if !ok {
		return
	}
	d := newIntakeForm()
	d.Agency = ag
	s.render(w, http.StatusOK, "apply", page{Title: "在线申请", CSRF: s.publicToken(w, r), Data: d,
		Form: map[string]string{"applicant_type": "natural", "id_type": "身份证", "form": "电子", "delivery": "电子邮件"}})
}

// postedApply reads a posted application form for the agency in the path; it
// answers the request itself (and returns false) when the agency is unknown or
// the form token has expired.
func (s *Server) postedApply(w http.ResponseWriter, r *http.Request) (*org.Agency, map[string]string, page, bool) {
	ag, ok := s.agency(w, r)
	if !ok {
		return nil, nil, page{}, false
	}
	f := formValues(r, applyFields)
	f["channel"] = string(casework.Online)
	d := newIntakeForm()
	d.Agency = ag
	p := page{Title: "在线申请", CSRF: s.publicToken(w, r), Form: f, Data: d}
	if !checkPublicToken(r) {
		p.Errors = map[string]string{"form": "表单已过期，请重新提交"}
		s.render(w, http.StatusForbidden, "apply", p)
		return nil, nil, page{}, false
	}
	return ag, f, p, true
}

// applyCheck checks the whole application at once (Art. 29 content, formats,
// lengths, identity numbers) and shows it for confirmation; every problem
// goes back next to its field.
func (s *Server) applyCheck(w http.ResponseWriter, r *http.Request) {
	ag, f, p, ok := s.postedApply(w, r)
	if !ok {
		return
	}
	in := intakeFrom(f, s.Ops.Clock.Today())
	err := in.Validate()
	if err != nil || r.PostFormValue("back") != "" {
		code := http.StatusOK
		if err != nil {
			p.Errors, code = formErrors(err, fieldOf), http.StatusUnprocessableEntity
		}
		s.render(w, code, "apply", p)
		return
	}
	d := newIntakeForm()
	d.Agency, d.MaskedID = ag, casework.MaskID(in.Applicant.IDNum)
	p.Data = d
	p.Form["id_number"] = in.Applicant.IDNum
	p.Form["submission"] = randomHex(16) // consumed once: a second press shows the same receipt
	s.render(w, http.StatusOK, "apply_confirm", p)
}

// applyConfirm registers the application: the day the applicant confirms is
// the day it is received (条例 Art. 31(三)). Submissions are rate-limited per
// address; the confirmation token makes a refresh or a double tap harmless.
func (s *Server) applyConfirm(w http.ResponseWriter, r *http.Request) {
	ag, f, p, ok := s.postedApply(w, r)
	if !ok {
		return
	}
	token := r.PostFormValue("submission")
	if len(token) != 32 {
		p.Errors = map[string]string{"form": "表单已过期，请重新提交"}
		s.render(w, http.StatusForbidden, "apply", p)
		return
	}
	if c, err := s.Ops.Store.Submission(r.Context(), token); err == nil {
		http.Redirect(w, r, "/receipt/"+c.Code, http.StatusSeeOther)
		return
	}
	err := s.Ops.Limit(r.Context(), "apply", s.ClientIP(r), 10, time.Hour)
	var c *casework.Case
	if err == nil {
		c, err = s.Ops.RegisterOnce(r.Context(), ops.Applicant(ag.ID), ag.ID, intakeFrom(f, s.Ops.Clock.Today()), token)
	}
	var th *ops.ErrThrottled
	switch {
	case errors.As(err, &th):
		p.Errors = map[string]string{"form": "提交过于频繁，请一小时后再试"}
		s.render(w, http.StatusTooManyRequests, "apply", p)
		return
	case errs.KindOf(err) == errs.Invalid:
		p.Errors = formErrors(err, fieldOf)
		s.render(w, http.StatusUnprocessableEntity, "apply", p)
		return
	case err != nil:
		s.fail(w, r, nil, "", err)
		return
	}
	s.mailReceipt(r.Context(), c)
	http.Redirect(w, r, "/receipt/"+c.Code, http.StatusSeeOther)
}

// mailReceipt sends an online applicant their receipt by e-mail when they
// gave an address, after answering them (ops.MailLater).
func (s *Server) mailReceipt(ctx context.Context, c *casework.Case) {
	if s.Mailer == nil || c.Intake.Applicant.Email == "" {
		return
	}
	s.Ops.MailLater(ctx, "receipt", c.ID, func(ctx context.Context) error { return s.Ops.SendReceipt(ctx, c, s.PublicURL, s.Mailer) })
}

// receipt is the applicant's receipt: the 查询码 is the key to it.
func (s *Server) receipt(w http.ResponseWriter, r *http.Request) {
	if err := s.codeGuesses(r); err != nil {
		s.fail(w, r, nil, "", err)
		return
	}
	v, err := s.Ops.Status(r.Context(), r.PathValue("code"))
	if err != nil {
		s.fail(w, r, nil, "", s.codeMissed(r, err))
		return
	}
	st, err := s.Ops.Settings(r.Context())
	if err != nil {
		s.fail(w, r, nil, "", err)
		return
	}
	s.render(w, http.StatusOK, "receipt", page{Title: "申请已提交", Data: map[string]any{"V": v, "Code": strings.ToUpper(r.PathValue("code")), "Config": st.Case}})
}

// status shows the stage of an application and what the applicant must do
// next, never personal data. Lookups are rate-limited per address.
// statusCode is the 查询码 asked for, as the receipt prints it whatever was
// typed: full-width letters from a Chinese input method, lower case, the
// spaces or dashes of a code read out in groups.
func statusCode(r *http.Request) string {
	return strings.ReplaceAll(casework.NormalizeCode(r.URL.Query().Get("code")), "-", "")
}

func (s *Server) status(w http.ResponseWriter, r *http.Request) {
	code := statusCode(r)
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
	// wrong codes are counted per address (guessing them is the attack);
	// an applicant looking up a right code is never slowed down
	if err := s.codeGuesses(r); err != nil {
		code, msg := statusOf(err)
		p.Errors = map[string]string{"code": msg}
		s.render(w, code, "status", p)
		return
	}
	v, err := s.Ops.Status(r.Context(), code)
	if errs.KindOf(err) == errs.NotFound {
		if err := s.codeMissed(r, err); errs.KindOf(err) != errs.NotFound {
			s.fail(w, r, nil, "", err)
			return
		}
		p.Errors = map[string]string{"code": "没有找到这个查询码，请核对后重新输入（查询码不区分大小写）"}
		s.render(w, http.StatusNotFound, "status", p)
		return
	}
	if err != nil {
		s.fail(w, r, nil, "", err)
		return
	}
	p.Data, p.CSRF, p.Flash = map[string]any{"V": v, "Code": url.QueryEscape(code)}, s.publicToken(w, r), flashOf(r)
	s.render(w, http.StatusOK, "status", p)
}

// statusWithdraw takes an applicant's request to withdraw, from the status
// page: kept until the agency records the withdrawal.
func (s *Server) statusWithdraw(w http.ResponseWriter, r *http.Request) {
	code := strings.ReplaceAll(casework.NormalizeCode(r.PostFormValue("code")), "-", "")
	p := page{Title: "办理进度", CSRF: s.publicToken(w, r), Form: map[string]string{"code": code, "reason": r.PostFormValue("reason")}}
	var err error = errs.New("confirm", "表单已过期，请重新提交")
	if checkPublicToken(r) {
		if err = s.Ops.Limit(r.Context(), "withdraw", s.ClientIP(r), ops.SentPerHour, time.Hour); err == nil {
			err = s.Ops.RequestWithdraw(r.Context(), code, r.PostFormValue("reason"), r.PostFormValue("confirm") == "1")
		}
	}
	if err != nil {
		s.statusRefused(w, r, p, 0, err, true, "confirm", "reason")
		return
	}
	http.Redirect(w, r, "/status?ok=withdraw&code="+url.QueryEscape(code), http.StatusSeeOther)
}

// statusRefused shows the status page again with what was typed and why a
// form sent from it (a 补正, a request to withdraw) was refused: at its field,
// or else at the first of fields. status 0: the error's own.
func (s *Server) statusRefused(w http.ResponseWriter, r *http.Request, p page, status int, err error, withdrawing bool, fields ...string) {
	code, msg := statusOf(err)
	if errs.KindOf(err) == errs.Invalid {
		code = http.StatusUnprocessableEntity
	}
	if status == 0 {
		status = code
	}
	if v, verr := s.Ops.Status(r.Context(), p.Form["code"]); verr == nil {
		p.Data = map[string]any{"V": v, "Code": url.QueryEscape(p.Form["code"]), "Withdrawing": withdrawing}
	}
	p.Errors = formErrors(err, nil)
	if !slices.ContainsFunc(fields, func(f string) bool { return p.Errors[f] != "" }) {
		p.Errors[fields[0]] = msg
	}
	s.render(w, status, "status", p)
}

// statusCorrection takes a 补正 the applicant sends from the status page:
// what they type and a file, kept until the agency confirms receipt.
func (s *Server) statusCorrection(w http.ResponseWriter, r *http.Request) {
	code := statusCode(r) // in the address, so that it is checked before a file is read
	p := page{Title: "办理进度", CSRF: s.publicToken(w, r), Form: map[string]string{"code": code, "text": r.PostFormValue("text")}}
	fail := func(status int, err error) { s.statusRefused(w, r, p, status, err, false, "text", "file") }
	if !checkPublicToken(r) {
		fail(http.StatusForbidden, errs.New("text", "表单已过期，请重新提交"))
		return
	}
	if err := s.Ops.Limit(r.Context(), "correction", s.ClientIP(r), ops.SentPerHour, time.Hour); err != nil {
		fail(http.StatusTooManyRequests, err)
		return
	}
	var name string
	var data []byte
	if file, hdr, err := r.FormFile("file"); err == nil {
		defer func() { _ = file.Close() }()
		name = hdr.Filename
		if data, err = readAll(file, ops.MaxCorrectionFile); err != nil {
			fail(http.StatusRequestEntityTooLarge, errs.New("file", "文件超过 %d MB", ops.MaxCorrectionFile>>20))
			return
		}
	}
	if err := s.Ops.SubmitCorrection(r.Context(), code, r.PostFormValue("text"), name, data); err != nil {
		fail(0, err)
		return
	}
	http.Redirect(w, r, "/status?ok=correction&code="+url.QueryEscape(code), http.StatusSeeOther)
}

// statusLetter downloads a letter addressed to the applicant, by 查询码.
func (s *Server) statusLetter(w http.ResponseWriter, r *http.Request) {
	seq, _ := strconv.Atoi(r.PathValue("seq"))
	s.statusDocument(w, r, func() (*casework.Letter, error) { return s.Ops.StatusLetter(r.Context(), statusCode(r), seq) })
}

// statusDocument sends a document of the application with the 查询码 (a
// letter, the receipt). Each answers whether a code exists, as the status
// page does, so a code that finds nothing counts toward the same limit of
// the address: guessing codes through a document is no cheaper.
func (s *Server) statusDocument(w http.ResponseWriter, r *http.Request, get func() (*casework.Letter, error)) {
	if err := s.codeGuesses(r); err != nil {
		s.fail(w, r, nil, "", err)
		return
	}
	l, err := get()
	if err != nil {
		s.fail(w, r, nil, "", s.codeMissed(r, err))
		return
	}
	s.writeLetter(w, r, l, r.URL.Query().Get("format"))
}

// codeGuesses refuses an address that has tried too many 查询码 that found
// nothing (30 in 10 minutes), wherever it tried them.
func (s *Server) codeGuesses(r *http.Request) error {
	return s.Ops.Throttled(r.Context(), "status-miss", s.ClientIP(r), 30, 10*time.Minute)
}

// codeMissed counts err toward codeGuesses when it says the 查询码 found
// nothing (not a right code's missing letter); it returns err, or the
// failure to count.
func (s *Server) codeMissed(r *http.Request, err error) error {
	if errs.KindOf(err) == errs.NotFound && errs.Fields(err)["seq"] == "" {
		if cerr := s.Ops.Count(r.Context(), "status-miss", s.ClientIP(r)); cerr != nil {
			return cerr
		}
	}
	return err
}

// statusReceipt sends the application's 接收回执 to its applicant.
func (s *Server) statusReceipt(w http.ResponseWriter, r *http.Request) {
	s.statusDocument(w, r, func() (*casework.Letter, error) { return s.Ops.StatusReceipt(r.Context(), statusCode(r), s.PublicURL) })
}

// codeForm is the 找回查询码 page: its form only where mail can be sent.
func (s *Server) codeForm(w http.ResponseWriter, r *http.Request) page {
	return page{Title: "找回查询码", CSRF: s.publicToken(w, r), Data: map[string]any{"Mail": s.Mailer != nil}}
}

func (s *Server) statusCodePage(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, "status_code", s.codeForm(w, r))
}

// statusCodeSend mails the 查询码 to the address the application gave, and
// says the same whether any application matched (ops.SendStatusCode).
func (s *Server) statusCodeSend(w http.ResponseWriter, r *http.Request) {
	p := s.codeForm(w, r)
	p.Form = map[string]string{"serial": r.PostFormValue("serial"), "email": r.PostFormValue("email")}
	if !checkPublicToken(r) {
		p.Errors = map[string]string{"form": "表单已过期，请重新输入"}
		s.render(w, http.StatusForbidden, "status_code", p)
		return
	}
	err := s.Ops.SendStatusCode(r.Context(), p.Form["serial"], p.Form["email"], s.ClientIP(r), s.PublicURL, s.Mailer)
	s.mailFormDone(w, r, "status_code", p, err, "如果申请编号和电子邮箱与申请时填写的一致，查询码已发到该邮箱。没有收到时，请查看垃圾邮件，或带身份证明联系受理机关。")
}
