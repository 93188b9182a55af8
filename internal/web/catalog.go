package web

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/errs"
	"gongkai/internal/ops"
	"gongkai/internal/redact"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// itemFields are the form fields of a catalog item.
var itemFields = []string{"title", "summary", "formed_on", "publisher", "doc_no", "topic", "genre", "category", "column", "attribute", "ground",
	"validity", "keywords", "body"}

func categoryOptions() []option {
	out := []option{{"", "（不属于第二十条所列）"}}
	for _, c := range catalog.Categories {
		out = append(out, option{c.ID, c.Name})
	}
	return out
}

func attributeOptions() []option {
	var out []option
	for _, a := range catalog.Attributes {
		out = append(out, option{string(a.ID), a.Name})
	}
	return out
}

func groundOptions() []option {
	out := []option{{"", "（不适用）"}}
	for _, g := range catalog.Grounds {
		out = append(out, option{g.ID, g.Name + "（" + g.Basis + "）"})
	}
	return out
}

func validityOptions() []option {
	var out []option
	for _, v := range catalog.Validities {
		out = append(out, option{string(v.ID), v.Name})
	}
	return out
}

func itemStateOptions() []option {
	out := []option{{"", "全部"}}
	for _, x := range catalog.States {
		out = append(out, option{string(x.ID), x.Name})
	}
	return out
}

// itemFormData is what the item form offers.
type itemFormData struct {
	Categories, Attributes, Grounds, Validities []option
	Genres, Columns                             []string
	Checklist                                   []option
	Checked                                     []string
}

func (s *Server) itemFormData(r *http.Request, si *sessionInfo, checked []string) itemFormData {
	d := itemFormData{Categories: categoryOptions(), Attributes: attributeOptions(), Grounds: groundOptions(), Validities: validityOptions(),
		Genres: catalog.Genres, Checked: checked}
	for _, c := range catalog.Checklist {
		d.Checklist = append(d.Checklist, option{c.ID, c.Text})
	}
	if cols, err := s.Ops.Columns(r.Context(), si.p(), si.user.AgencyID); err == nil {
		for _, c := range cols {
			d.Columns = append(d.Columns, c.Name)
		}
	}
	return d
}

// itemFrom reads the item form; a date that cannot be read is reported at its field.
func itemFrom(r *http.Request) (catalog.Item, map[string]string, error) {
	f := formValues(r, itemFields)
	it := catalog.Item{Title: f["title"], Summary: f["summary"], Publisher: f["publisher"], DocNo: f["doc_no"], Topic: f["topic"], Genre: f["genre"],
		Category: f["category"], Column: f["column"], Attribute: catalog.Attribute(f["attribute"]), Ground: f["ground"],
		Validity: catalog.Validity(f["validity"]), Keywords: f["keywords"], Body: f["body"], Checklist: r.PostForm["checklist"]}
	if f["formed_on"] != "" {
		d, err := workday.ParseTyped(f["formed_on"])
		if err != nil {
			return it, f, errs.New("formed_on", "%s", errs.Readable(err))
		}
		it.FormedOn = d
	}
	return it, f, nil
}

func itemForm(it catalog.Item) map[string]string {
	f := map[string]string{"title": it.Title, "summary": it.Summary, "publisher": it.Publisher, "doc_no": it.DocNo, "topic": it.Topic, "genre": it.Genre,
		"category": it.Category, "column": it.Column, "attribute": string(it.Attribute), "ground": it.Ground, "validity": string(it.Validity),
		"keywords": it.Keywords, "body": it.Body}
	if it.FormedOn != 0 {
		f["formed_on"] = it.FormedOn.String()
	}
	return f
}

type catalogListData struct {
	List          *ops.ItemList
	States        []option
	State, Q      string
	Overdue, Soon []ops.ItemRowView
	Art44         []casework.Art44Group
	CanAct        bool
	Pager         pager
}

// catalogList is the agency's catalog in the back office: what is due
// under Art. 26 first, suggestions from repeated applications, then the
// items by state.
func (s *Server) catalogList(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	q := r.URL.Query()
	d := catalogListData{States: itemStateOptions(), State: q.Get("state"), Q: strings.TrimSpace(q.Get("q")), CanAct: page{User: si.user}.ActsForCases()}
	f := store.ItemFilter{AgencyID: si.user.AgencyID, Text: d.Q, Limit: 50}
	if d.State != "" {
		f.States = []catalog.State{catalog.State(d.State)}
	}
	p, _ := strconv.Atoi(q.Get("page"))
	f.Offset = max(p-1, 0) * f.Limit
	var err error
	if d.List, err = s.Ops.Items(r.Context(), si.p(), f); err == nil {
		d.Overdue, d.Soon, err = s.Ops.Due(r.Context(), si.p())
	}
	if err == nil && d.CanAct {
		d.Art44, err = s.Ops.Art44(r.Context(), si.p())
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	d.Pager = newPager(max(p, 1), d.List.Total, f.Limit)
	s.render(w, http.StatusOK, "catalog", page{Title: "主动公开", User: si.user, CSRF: si.csrf, Flash: flashOf(r), Data: d})
}

type itemPageData struct {
	*ops.ItemView
	itemFormData
	New       bool
	Decisions []option
	Today     string
	Log       []logRow // the 三审三校 record in the order it happened
}

type logRow struct {
	At       time.Time
	Step, By string
	Note     string
	Round    int
	Proof    bool
	order    int
}

// itemLog merges the proofs and reviews into one record, oldest first; a
// proof comes before the review of its stage.
func itemLog(h catalog.History, reviews int) []logRow {
	var out []logRow
	for _, p := range h.Proofs {
		note := p.Note
		if len(p.Changed) > 0 {
			note += "（修改了" + strings.Join(p.Changed, "、") + "）"
		}
		out = append(out, logRow{At: p.At, Step: catalog.ProofName(p.Pass), By: p.By, Note: note, Round: p.Cycle, Proof: true, order: p.Cycle*100 + p.Pass*2})
	}
	for _, r := range h.Reviews {
		note := "通过"
		if r.Decision == catalog.Return {
			note = "退回修改"
		}
		if r.Note != "" {
			note += "：" + r.Note
		}
		if r.Errors > 0 {
			note += fmt.Sprintf("（审核时有 %d 项错误）", r.Errors)
		}
		out = append(out, logRow{At: r.At, Step: catalog.ReviewName(r.Stage, reviews), By: r.By, Note: note, Round: r.Cycle, order: r.Cycle*100 + r.Stage*2 + 1})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].order < out[j].order })
	return out
}

func (s *Server) showItem(w http.ResponseWriter, r *http.Request, si *sessionInfo, v *ops.ItemView, code int, form, fieldErrs map[string]string, flash string) {
	d := &itemPageData{ItemView: v, Today: s.Ops.Clock.Today().String(), Decisions: []option{{string(catalog.Pass), "通过"}, {string(catalog.Return), "退回修改"}}}
	title := "新建主动公开信息"
	if v == nil {
		d.New = true
		d.ItemView = &ops.ItemView{}
		d.itemFormData = s.itemFormData(r, si, r.PostForm["checklist"])
	} else {
		title = v.Item.Title
		ticked := v.Item.Checklist
		if form != nil && r.PostForm.Has("title") { // the item's own form refused: its boxes as ticked
			ticked = r.PostForm["checklist"]
		}
		d.itemFormData = s.itemFormData(r, si, ticked)
		d.Log = itemLog(v.History, v.Config.Reviews)
		if form == nil {
			form = itemForm(v.Item)
		}
	}
	s.render(w, code, "item", page{Title: title, User: si.user, CSRF: si.csrf, Form: form, Errors: fieldErrs, Flash: flash, Data: d})
}

func (s *Server) newItem(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	form := map[string]string{"formed_on": s.Ops.Clock.Today().String(), "attribute": string(catalog.Active), "validity": string(catalog.Valid), "genre": "工作动态"}
	s.showItem(w, r, si, nil, http.StatusOK, form, nil, "")
}

func (s *Server) createItem(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	it, f, err := itemFrom(r)
	var v *ops.ItemView
	if err == nil {
		v, err = s.Ops.CreateItem(r.Context(), si.p(), it)
	}
	if errs.KindOf(err) == errs.Invalid {
		s.showItem(w, r, si, nil, http.StatusUnprocessableEntity, f, formErrors(err, nil), "")
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/admin/catalog/%d?ok=created", v.Item.ID), http.StatusSeeOther)
}

func itemID(r *http.Request) int64 {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id
}

func (s *Server) itemPage(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	v, err := s.Ops.Item(r.Context(), si.p(), itemID(r))
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	s.showItem(w, r, si, v, http.StatusOK, nil, nil, flashOf(r))
}

// itemResult answers an action on an item: back to its page on success;
// the page again, with the problem at its field, when refused.
func (s *Server) itemResult(w http.ResponseWriter, r *http.Request, si *sessionInfo, err error, form map[string]string, ok string) {
	id := itemID(r)
	if err == nil {
		http.Redirect(w, r, fmt.Sprintf("/admin/catalog/%d?ok=%s", id, ok), http.StatusSeeOther)
		return
	}
	k := errs.KindOf(err)
	if k != errs.Invalid && k != errs.Conflict && k != errs.TooLarge {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	v, verr := s.Ops.Item(r.Context(), si.p(), id)
	if verr != nil {
		s.fail(w, r, si.user, si.csrf, verr)
		return
	}
	fe := formErrors(err, nil)
	if _, ok := fe["form"]; !ok && k == errs.Conflict {
		fe["form"] = errs.Readable(err)
	}
	s.showItem(w, r, si, v, formCode(w, err), form, fe, "")
}

func version(r *http.Request) int {
	v, _ := strconv.Atoi(r.PostFormValue("version"))
	return v
}

func (s *Server) updateItem(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	it, f, err := itemFrom(r)
	if err == nil {
		_, err = s.Ops.UpdateItem(r.Context(), si.p(), itemID(r), version(r), func(x *catalog.Item) {
			keep := *x
			*x = it
			x.ID, x.AgencyID = keep.ID, keep.AgencyID
		})
	}
	s.itemResult(w, r, si, err, f, "saved")
}

func (s *Server) submitItem(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	_, err := s.Ops.SubmitItem(r.Context(), si.p(), itemID(r), version(r))
	s.itemResult(w, r, si, err, nil, "submitted")
}

func (s *Server) proofItem(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	var ed ops.ProofEdits
	for name, dst := range map[string]**string{"title": &ed.Title, "summary": &ed.Summary, "body": &ed.Body} {
		if r.PostForm.Has(name) {
			v := r.PostFormValue(name)
			*dst = &v
		}
	}
	_, err := s.Ops.ProofItem(r.Context(), si.p(), itemID(r), version(r), r.PostFormValue("note"), ed)
	s.itemResult(w, r, si, err, map[string]string{"proof_note": r.PostFormValue("note")}, "recorded")
}

func (s *Server) reviewItem(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	_, err := s.Ops.ReviewItem(r.Context(), si.p(), itemID(r), version(r), catalog.Decision(r.PostFormValue("decision")), r.PostFormValue("note"))
	s.itemResult(w, r, si, err, map[string]string{"review_note": r.PostFormValue("note")}, "recorded")
}

func (s *Server) publishItem(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	_, err := s.Ops.PublishItem(r.Context(), si.p(), itemID(r), version(r))
	s.itemResult(w, r, si, err, nil, "published")
}

func (s *Server) withdrawItem(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	_, err := s.Ops.WithdrawItem(r.Context(), si.p(), itemID(r), version(r), r.PostFormValue("reason"))
	s.itemResult(w, r, si, err, map[string]string{"reason": r.PostFormValue("reason")}, "withdrawn")
}

func (s *Server) itemUpload(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	file, hdr, err := r.FormFile("file")
	var data []byte
	if err == nil {
		defer file.Close()
		data, err = readAll(file, ops.MaxItemFile)
	}
	name := ""
	if hdr != nil {
		name = hdr.Filename
	}
	switch {
	case err == nil && redactAsked(r):
		var opt redact.Options
		if opt, err = redactOptions(r); err == nil {
			_, _, err = s.Ops.AttachItemFileRedacted(r.Context(), si.p(), itemID(r), name, data, opt)
		}
		if err != nil && errs.KindOf(err) == errs.Invalid {
			err = errs.Wrap(errs.Invalid, err, "redact", "%s", errs.Plain(err)) // said in the form's 区分处理 part
		}
		s.itemResult(w, r, si, err, formValues(r, redactFields), "redacted")
		return
	case err == nil:
		_, err = s.Ops.AttachItemFile(r.Context(), si.p(), itemID(r), name, data)
	case err == errTooLarge:
		err = &errs.Error{Kind: errs.TooLarge, Where: "file", Msg: fmt.Sprintf("文件超过 %d MB", ops.MaxItemFile>>20)}
	default:
		err = errs.New("file", "请选择文件（单个文件不超过 %d MB）", ops.MaxItemFile>>20)
	}
	s.itemResult(w, r, si, err, formValues(r, redactFields), "uploaded") // the 区分处理 part as typed, if refused
}

// itemFileRemove takes a file off a draft item.
func (s *Server) itemFileRemove(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	fid, _ := strconv.ParseInt(r.PathValue("fid"), 10, 64)
	_, err := s.Ops.RemoveItemFile(r.Context(), si.p(), itemID(r), version(r), fid)
	s.itemResult(w, r, si, err, nil, "detached")
}

func (s *Server) itemFile(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	fid, _ := strconv.ParseInt(r.PathValue("fid"), 10, 64)
	p := si.p()
	f, data, err := s.Ops.ItemFile(r.Context(), &p, itemID(r), fid)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	download(w, f.ContentType, f.Name, data)
}

// art44Draft drafts a catalog item from a suggestion (one click).
func (s *Server) art44Draft(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	id, _ := strconv.ParseInt(r.PostFormValue("case"), 10, 64)
	if id == 0 {
		s.fail(w, r, si.user, si.csrf, errs.New("case", "请从建议列表中选择申请"))
		return
	}
	v, err := s.Ops.DraftFromArt44(r.Context(), si.p(), id)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/admin/catalog/%d?ok=created", v.Item.ID), http.StatusSeeOther)
}

// newPager is page n of total rows in pages of size.
func newPager(n, total, size int) pager {
	of := max(1, (total+size-1)/size)
	pg := pager{N: n, Of: of, Total: total, From: min((n-1)*size+1, total), To: min(n*size, total)}
	if n > 1 {
		pg.Prev = n - 1
	}
	if n < of {
		pg.Next = n + 1
	}
	return pg
}
