package api

import (
	"net/http"
	"strconv"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/errs"
	"gongkai/internal/newmedia"
	"gongkai/internal/ops"
	"gongkai/internal/report"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// catalogRoutes are 主动公开, normative documents, new media, website
// columns and the whole report, for an agency's key.
func (s *Server) catalogRoutes() []route {
	return []route{
		{"GET", "/api/v1/catalog/items", "本机关的主动公开信息（按状态筛选、分页）", s.listItems},
		{"POST", "/api/v1/catalog/items", "起草一条主动公开信息（编索引号）", s.createItem},
		{"GET", "/api/v1/catalog/items/{id}", "信息详情：元数据、检查结果、三审三校记录、公开期限", s.getItem},
		{"POST", "/api/v1/catalog/items/{id}/submit", "提交审核（须已完成保密审查）", s.submitItem},
		{"POST", "/api/v1/catalog/items/{id}/proof", "登记下一次校对（可同时修改名称、概述、正文）", s.proofItem},
		{"POST", "/api/v1/catalog/items/{id}/review", "给出下一审的意见：通过或退回修改", s.reviewItem},
		{"POST", "/api/v1/catalog/items/{id}/publish", "发布到政府信息公开目录（三审三校完成、无错误时）", s.publishItem},
		{"GET", "/api/v1/catalog/search", "检索全部机关已发布的信息（按相关程度排列）", s.searchCatalog},
		{"GET", "/api/v1/normative", "本机关的规章和行政规范性文件", s.listDocuments},
		{"POST", "/api/v1/normative", "登记或修改（带 id）一件规章或行政规范性文件", s.saveDocument},
		{"GET", "/api/v1/newmedia/accounts", "本机关（主管部门：下级）的政务新媒体账号及更新情况", s.listAccounts},
		{"POST", "/api/v1/newmedia/accounts", "登记或修改（带 id）一个政务新媒体账号", s.saveAccount},
		{"POST", "/api/v1/newmedia/accounts/{id}/posts", "登记账号各月的发布数量", s.recordPosts},
		{"POST", "/api/v1/newmedia/accounts/{id}/inspections", "登记一次日巡查或周普查", s.recordInspection},
		{"GET", "/api/v1/columns", "本机关的网站栏目及更新情况", s.listColumns},
		{"POST", "/api/v1/columns", "登记或修改（带 id）一个网站栏目", s.saveColumn},
		{"POST", "/api/v1/columns/{id}/remove", "删除一个已整合或关停的网站栏目（须 confirm 为 true；已发布在该栏目下的信息不受影响）", s.removeColumn},
		{"GET", "/api/v1/columns/sites", "本机关（主管部门：所辖各机关）网站栏目的超期未更新、空白栏目数和普查单项否决情况", s.listSites},
		{"GET", "/api/v1/reports/{year}", "本机关某年度的年度报告（已保存的，或按记录生成的）、检查结果和状态", s.getReport},
	}
}

// ItemInput is what a client writes of an item; the rest (索引号, state,
// dates of the review) the system keeps.
type ItemInput struct {
	Title     string            `json:"title"`
	Summary   string            `json:"summary"`
	FormedOn  workday.Date      `json:"formed_on"`
	Publisher string            `json:"publisher"`
	DocNo     string            `json:"doc_no"`
	Topic     string            `json:"topic"`
	Genre     string            `json:"genre"`
	Category  string            `json:"category"`
	Column    string            `json:"column"`
	Attribute catalog.Attribute `json:"attribute"`
	Ground    string            `json:"ground"`
	Validity  catalog.Validity  `json:"validity"`
	Keywords  string            `json:"keywords"`
	Body      string            `json:"body"`
	Checklist []string          `json:"checklist"`
}

func (in ItemInput) item() catalog.Item {
	return catalog.Item{Title: in.Title, Summary: in.Summary, FormedOn: in.FormedOn, Publisher: in.Publisher, DocNo: in.DocNo, Topic: in.Topic,
		Genre: in.Genre, Category: in.Category, Column: in.Column, Attribute: in.Attribute, Ground: in.Ground, Validity: in.Validity,
		Keywords: in.Keywords, Body: in.Body, Checklist: in.Checklist}
}

// ItemJSON is an item as the API returns it.
type ItemJSON struct {
	Item     catalog.Item     `json:"item"`
	Version  int              `json:"version"`
	Findings []report.Finding `json:"findings"`
	Due      *workday.Date    `json:"due,omitempty"`
	Overdue  bool             `json:"overdue"`
	Late     bool             `json:"late"`
	Reviews  []catalog.Review `json:"reviews"`
	Proofs   []catalog.Proof  `json:"proofs"`
	Files    []store.ItemFile `json:"files"`
	Next     string           `json:"next,omitempty"` // the next step: 一校、初审 …
	Allowed  map[string]bool  `json:"allowed"`
}

func itemJSON(v *ops.ItemView) ItemJSON {
	j := ItemJSON{Item: v.Item, Version: v.Version, Findings: v.Findings, Overdue: v.Time.Overdue, Late: v.Time.Late,
		Reviews: v.History.Reviews, Proofs: v.History.Proofs, Files: v.Files,
		Allowed: map[string]bool{"edit": v.CanEdit, "submit": v.CanSubmit, "proof": v.CanProof, "review": v.CanReview, "publish": v.CanPublish}}
	if !v.Time.NotAsked && !v.Time.Unknown {
		d := v.Time.Due
		j.Due = &d
	}
	if v.CanProof {
		j.Next = v.NextProof
	} else if v.NextReview != "" {
		j.Next = v.NextReview
	}
	if j.Findings == nil {
		j.Findings = []report.Finding{}
	}
	return j
}

func (s *Server) itemDone(w http.ResponseWriter, r *http.Request, code int, v *ops.ItemView, err error) {
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, code, itemJSON(v))
}

func (s *Server) listItems(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	q := r.URL.Query()
	f := store.ItemFilter{AgencyID: p.AgencyID, Text: q.Get("q")}
	if st := q.Get("state"); st != "" {
		if catalog.StateName(catalog.State(st)) == st {
			s.fail(w, r, errs.New("state", "状态“%s”不对", st))
			return
		}
		f.States = []catalog.State{catalog.State(st)}
	}
	f.Limit, _ = strconv.Atoi(q.Get("limit"))
	f.Offset, _ = strconv.Atoi(q.Get("offset"))
	l, err := s.Ops.Items(r.Context(), p, f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	items := make([]catalog.Item, 0, len(l.Rows))
	for _, x := range l.Rows {
		items = append(items, x.Item)
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": l.Total, "items": items})
}

func (s *Server) createItem(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	var in ItemInput
	if err := decode(w, r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	v, err := s.Ops.CreateItem(r.Context(), p, in.item())
	s.itemDone(w, r, http.StatusCreated, v, err)
}

func (s *Server) getItem(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	v, err := s.Ops.Item(r.Context(), p, pathID(r))
	s.itemDone(w, r, http.StatusOK, v, err)
}

// versioned is the version of the item the client saw (0: whatever it is now).
type versioned struct {
	Version int `json:"version"`
}

func (s *Server) submitItem(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	var in versioned
	if err := decode(w, r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	v, err := s.Ops.SubmitItem(r.Context(), p, pathID(r), in.Version)
	s.itemDone(w, r, http.StatusOK, v, err)
}

// ProofInput is a 校对 pass: its note and the corrections, if any.
type ProofInput struct {
	Version int     `json:"version"`
	Note    string  `json:"note"`
	Title   *string `json:"title"`
	Summary *string `json:"summary"`
	Body    *string `json:"body"`
}

func (s *Server) proofItem(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	var in ProofInput
	if err := decode(w, r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	v, err := s.Ops.ProofItem(r.Context(), p, pathID(r), in.Version, in.Note, ops.ProofEdits{Title: in.Title, Summary: in.Summary, Body: in.Body})
	s.itemDone(w, r, http.StatusOK, v, err)
}

// ReviewInput is a review's decision.
type ReviewInput struct {
	Version  int              `json:"version"`
	Decision catalog.Decision `json:"decision"`
	Note     string           `json:"note"`
}

func (s *Server) reviewItem(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	var in ReviewInput
	if err := decode(w, r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	v, err := s.Ops.ReviewItem(r.Context(), p, pathID(r), in.Version, in.Decision, in.Note)
	s.itemDone(w, r, http.StatusOK, v, err)
}

func (s *Server) publishItem(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	var in versioned
	if err := decode(w, r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	v, err := s.Ops.PublishItem(r.Context(), p, pathID(r), in.Version)
	s.itemDone(w, r, http.StatusOK, v, err)
}

func (s *Server) searchCatalog(w http.ResponseWriter, r *http.Request, _ ops.Principal) {
	q := r.URL.Query()
	cq := ops.CatalogQuery{Text: q.Get("q"), Category: q.Get("category"), Column: q.Get("column")}
	cq.AgencyID, _ = strconv.ParseInt(q.Get("agency"), 10, 64)
	cq.Year, _ = strconv.Atoi(q.Get("year"))
	cq.Page, _ = strconv.Atoi(q.Get("page"))
	res, err := s.Ops.PublicCatalog(r.Context(), cq)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	hits := make([]map[string]any, 0, len(res.Hits))
	for _, h := range res.Hits {
		hits = append(hits, map[string]any{"id": h.ID, "index_no": h.IndexNo, "title": h.Title, "summary": h.Summary, "agency": h.AgencyName,
			"column": h.Column, "published_on": h.PublishedOn})
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": res.Total, "more": res.More, "page": res.Query.Page, "items": hits})
}

func (s *Server) listDocuments(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	docs, err := s.Ops.Documents(r.Context(), p, p.AgencyID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := make([]DocumentJSON, 0, len(docs))
	for _, d := range docs {
		out = append(out, DocumentJSON{d, d.Fingerprint()})
	}
	writeItems(w, out)
}

// DocumentJSON is a document with the fingerprint of what it says. A change
// sent with the fingerprint it was read with is refused (409) when someone
// else's change came first, as the web form's is; without one it is saved
// over whatever is there.
type DocumentJSON struct {
	catalog.Document
	Fingerprint string `json:"fingerprint,omitempty"`
}

func (s *Server) saveDocument(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	var in DocumentJSON
	if err := decode(w, r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	code := http.StatusCreated
	if in.ID != 0 {
		code = http.StatusOK
	}
	out, err := s.Ops.SaveDocument(r.Context(), p, in.Document, in.Fingerprint)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, code, DocumentJSON{*out, out.Fingerprint()})
}

// AccountJSON is an account with its freshness.
type AccountJSON struct {
	newmedia.Account
	DaysSincePost int  `json:"days_since_post"`
	Stale         bool `json:"stale"`
	YearPosts     int  `json:"year_posts"`
	OpenProblems  int  `json:"open_problems"`
	// Fingerprint is what the account's registration says, to send back
	// with a change (see DocumentJSON).
	Fingerprint string `json:"fingerprint"`
}

// AccountInput is an account to register or change; Fingerprint as read
// (see DocumentJSON).
type AccountInput struct {
	newmedia.Account
	Fingerprint string `json:"fingerprint,omitempty"`
}

func (s *Server) listAccounts(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	nm, err := s.Ops.Accounts(r.Context(), p)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := make([]AccountJSON, 0, len(nm.Accounts))
	for _, a := range nm.Accounts {
		out = append(out, AccountJSON{Account: a.Account, DaysSincePost: a.Fresh.Days, Stale: a.Fresh.Stale, YearPosts: a.YearPosts, OpenProblems: a.Open, Fingerprint: a.Account.Fingerprint()})
	}
	writeJSON(w, http.StatusOK, map[string]any{"stale_after_days": nm.Limit, "items": out})
}

func (s *Server) saveAccount(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	var in AccountInput
	if err := decode(w, r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	code := http.StatusCreated
	if in.ID != 0 {
		code = http.StatusOK
	}
	out, err := s.Ops.SaveAccount(r.Context(), p, in.Account, in.Fingerprint)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, code, AccountInput{*out, out.Fingerprint()})
}

// PostsInput is an account's post counts by month.
type PostsInput struct {
	Posts []struct {
		Month  string        `json:"month"`
		Count  int           `json:"count"`
		LastOn *workday.Date `json:"last_on"`
	} `json:"posts"`
	LastPostOn *workday.Date `json:"last_post_on"`
}

func (s *Server) recordPosts(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	var in PostsInput
	if err := decode(w, r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	var counts []newmedia.Posts
	var bad errs.List
	for i, x := range in.Posts {
		m, err := newmedia.ParseMonth(x.Month)
		if err != nil {
			bad.Add("posts["+strconv.Itoa(i)+"].month", "%s", errs.Message(err))
		}
		counts = append(counts, newmedia.Posts{Month: m, Count: x.Count, Source: "entered", LastOn: x.LastOn})
	}
	if err := bad.Err(); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.Ops.RecordPosts(r.Context(), p, pathID(r), counts, in.LastPostOn); err != nil {
		s.fail(w, r, err)
		return
	}
	v, err := s.Ops.Account(r.Context(), p, pathID(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, AccountJSON{Account: v.Account, DaysSincePost: v.Fresh.Days, Stale: v.Fresh.Stale, YearPosts: v.YearPosts, OpenProblems: v.Open, Fingerprint: v.Account.Fingerprint()})
}

func (s *Server) recordInspection(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	var in newmedia.Inspection
	if err := decode(w, r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	in.AccountID = pathID(r)
	out, err := s.Ops.RecordInspection(r.Context(), p, in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, out)
}

func (s *Server) listColumns(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	cols, err := s.Ops.Columns(r.Context(), p, p.AgencyID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := make([]map[string]any, 0, len(cols))
	for _, c := range cols {
		out = append(out, map[string]any{"id": c.ID, "name": c.Name, "kind": c.Kind, "url": c.URL, "last_update": c.Last, "year_items": c.YearItems, "stale": c.Stale, "blank": c.Last == nil,
			"fingerprint": c.Column.Fingerprint()})
	}
	writeItems(w, out)
}

// ColumnJSON is a column to register or change; Fingerprint as read (see
// DocumentJSON).
type ColumnJSON struct {
	newmedia.Column
	Fingerprint string `json:"fingerprint,omitempty"`
}

func (s *Server) saveColumn(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	var in ColumnJSON
	if err := decode(w, r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	code := http.StatusCreated
	if in.ID != 0 {
		code = http.StatusOK
	}
	out, err := s.Ops.SaveColumn(r.Context(), p, in.Column, in.Fingerprint)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, code, ColumnJSON{*out, out.Fingerprint()})
}

// removeColumn deletes a column of the key's agency, once confirmed.
func (s *Server) removeColumn(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	var in struct {
		Confirm bool `json:"confirm"`
	}
	if err := decode(w, r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	name, err := s.Ops.RemoveColumn(r.Context(), p, id, in.Confirm)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": id, "name": name, "removed": true})
}

// listSites is each visible agency's columns counted against the census's
// veto items, the failing first.
func (s *Server) listSites(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	sites, err := s.Ops.SitesBelow(r.Context(), p)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := make([]map[string]any, 0, len(sites))
	for _, x := range sites {
		vetoes := x.Vetoes
		if vetoes == nil {
			vetoes = []string{}
		}
		out = append(out, map[string]any{"agency_id": x.AgencyID, "agency": x.Agency, "columns": x.Tally.Columns, "stale": x.Tally.Stale,
			"blank": x.Tally.Blank, "veto_count": x.Limit, "vetoes": vetoes})
	}
	writeItems(w, out)
}

func (s *Server) getReport(w http.ResponseWriter, r *http.Request, p ops.Principal) {
	year, err := strconv.Atoi(r.PathValue("year"))
	if err != nil {
		s.fail(w, r, errs.New("year", "年度应为 2019 年以后的年份"))
		return
	}
	v, err := s.Ops.Report(r.Context(), p, p.AgencyID, year)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st := v.Status
	writeJSON(w, http.StatusOK, map[string]any{"report": v.Report, "saved": v.Saved, "state": strings.TrimSpace(string(st.State)), "version": st.Version,
		"due": v.Due, "findings": v.Findings, "published_item": st.ItemID})
}

// catalogEnums are the enumerations of the catalog's records, each from
// the one list the program uses.
type catalogEnums struct {
	states, attributes, validities, categories, grounds, genres, checklist, docKinds, platforms, accountStates, inspectionKinds, problems, columnKinds []string
}

func newCatalogEnums() catalogEnums {
	var e catalogEnums
	for _, x := range catalog.States {
		e.states = append(e.states, string(x.ID))
	}
	for _, x := range catalog.Attributes {
		e.attributes = append(e.attributes, string(x.ID))
	}
	for _, x := range catalog.Validities {
		e.validities = append(e.validities, string(x.ID))
	}
	e.categories = []string{""}
	for _, x := range catalog.Categories {
		e.categories = append(e.categories, x.ID)
	}
	for _, x := range catalog.Grounds {
		e.grounds = append(e.grounds, x.ID)
	}
	e.genres = catalog.Genres
	for _, x := range catalog.Checklist {
		e.checklist = append(e.checklist, x.ID)
	}
	for _, x := range catalog.DocKinds {
		e.docKinds = append(e.docKinds, string(x.ID))
	}
	for _, x := range newmedia.Platforms {
		e.platforms = append(e.platforms, string(x.ID))
	}
	for _, x := range newmedia.States {
		e.accountStates = append(e.accountStates, string(x.ID))
	}
	for _, x := range newmedia.InspectionKinds {
		e.inspectionKinds = append(e.inspectionKinds, string(x.ID))
	}
	for _, x := range newmedia.Problems {
		e.problems = append(e.problems, x.ID)
	}
	for _, x := range newmedia.ColumnKinds {
		e.columnKinds = append(e.columnKinds, string(x.ID))
	}
	return e
}

// catalogPaths are the request and response descriptions of catalogRoutes.
func catalogPaths() map[string]obj {
	json := func(schema obj) obj { return obj{"application/json": obj{"schema": schema}} }
	q := func(name, desc string, schema obj) obj {
		return obj{"name": name, "in": "query", "description": desc, "schema": schema}
	}
	item := func(code, desc string) obj {
		return obj{code: obj{"description": desc, "content": json(ref("ItemView"))}}
	}
	body := func(name string) obj { return obj{"required": true, "content": json(ref(name))} }
	e := newCatalogEnums()
	list := func(schema obj) obj {
		return json(obj{"type": "object", "properties": obj{"items": obj{"type": "array", "items": schema}}})
	}
	return map[string]obj{
		"GET /api/v1/catalog/items": {"parameters": []obj{q("state", "状态", enum("", e.states)), q("q", "按名称、索引号、文号查找", obj{"type": "string"}),
			q("limit", "每页条数，默认 100，最多 500", obj{"type": "integer"}), q("offset", "跳过的条数", obj{"type": "integer"})},
			"responses": obj{"200": obj{"description": "一页信息（不含正文）", "content": json(obj{"type": "object", "properties": obj{"total": obj{"type": "integer"},
				"items": obj{"type": "array", "items": ref("Item")}}})}}},
		"POST /api/v1/catalog/items":              {"requestBody": body("ItemInput"), "responses": item("201", "已起草，索引号已编")},
		"GET /api/v1/catalog/items/{id}":          {"responses": item("200", "信息详情")},
		"POST /api/v1/catalog/items/{id}/submit":  {"requestBody": body("Versioned"), "responses": item("200", "已提交审核")},
		"POST /api/v1/catalog/items/{id}/proof":   {"requestBody": body("ProofInput"), "responses": item("200", "已登记校对")},
		"POST /api/v1/catalog/items/{id}/review":  {"requestBody": body("ReviewInput"), "responses": item("200", "已登记审核意见")},
		"POST /api/v1/catalog/items/{id}/publish": {"requestBody": body("Versioned"), "responses": item("200", "已发布")},
		"GET /api/v1/catalog/search": {"parameters": []obj{q("q", "检索词（两个字的词也能检索，如“招生”“学区”；空格分隔的词须同时出现）", obj{"type": "string", "maxLength": 64}),
			q("agency", "机关编号", obj{"type": "integer"}), q("category", "条例第二十条的类别", enum("", e.categories)), q("column", "栏目", obj{"type": "string"}),
			q("year", "发布年度", obj{"type": "integer"}), q("page", "页码（每页 20 条）", obj{"type": "integer"})},
			"responses": obj{"200": obj{"description": "按相关程度排列的已发布信息；total 最多计到 10000（more 为 true 表示还有更多）", "content": json(obj{"type": "object"})}}},
		"GET /api/v1/normative":  {"responses": obj{"200": obj{"description": "文件（新的在前）", "content": list(ref("Document"))}}},
		"POST /api/v1/normative": {"requestBody": body("Document"), "responses": obj{"201": obj{"description": "已登记", "content": json(ref("Document"))}, "200": obj{"description": "已修改", "content": json(ref("Document"))}}},
		"GET /api/v1/newmedia/accounts": {"responses": obj{"200": obj{"description": "账号（超期未更新的在前）；stale_after_days 为超期天数设置",
			"content": list(ref("Account"))}}},
		"POST /api/v1/newmedia/accounts":                  {"requestBody": body("Account"), "responses": obj{"201": obj{"description": "已登记", "content": json(ref("Account"))}, "200": obj{"description": "已修改", "content": json(ref("Account"))}}},
		"POST /api/v1/newmedia/accounts/{id}/posts":       {"requestBody": body("PostsInput"), "responses": obj{"200": obj{"description": "已登记，返回账号及更新情况", "content": json(ref("Account"))}}},
		"POST /api/v1/newmedia/accounts/{id}/inspections": {"requestBody": body("Inspection"), "responses": obj{"201": obj{"description": "已登记", "content": json(ref("Inspection"))}}},
		"GET /api/v1/columns":                             {"responses": obj{"200": obj{"description": "栏目及今年发布数、最近更新、是否超期", "content": list(obj{"type": "object"})}}},
		"POST /api/v1/columns":                            {"requestBody": body("Column"), "responses": obj{"201": obj{"description": "已登记", "content": json(ref("Column"))}, "200": obj{"description": "已修改", "content": json(ref("Column"))}}},
		"GET /api/v1/reports/{year}": {"responses": obj{"200": obj{"description": "report 为年度报告 JSON 模型（见 report-model.md）；state 为 draft、checked、approved、published；findings 含 REC.MISMATCH",
			"content": json(obj{"type": "object"})}}},
	}
}

// catalogSchemas are the schemas of the catalog's records.
func catalogSchemas() obj {
	e := newCatalogEnums()
	date := dateSchema
	itemProps := obj{"title": str("名称"), "summary": str("内容概述"), "formed_on": date("生成日期：信息形成或者变更之日（《条例》第二十六条的期限由此计算）"),
		"publisher": str("发布机构（默认为本机关）"), "doc_no": str("文号"), "topic": str("主题分类"), "genre": enum("体裁", e.genres),
		"category": enum("条例第二十条的类别（1–15，空为不属于）", e.categories), "column": str("栏目"), "attribute": enum("公开属性", e.attributes),
		"ground": enum("不予公开的理由（《条例》第十四至十六条）", e.grounds), "validity": enum("有效性", e.validities), "keywords": str("关键词"), "body": str("正文"),
		"checklist": obj{"type": "array", "description": "已确认的保密审查项（提交审核前须全部确认）", "items": enum("", e.checklist)}}
	full := obj{"id": obj{"type": "integer"}, "agency_id": obj{"type": "integer"}, "index_no": str("索引号"), "state": enum("状态", e.states),
		"stage": obj{"type": "integer", "description": "审核中：下一审的序号"}, "cycle": obj{"type": "integer", "description": "第几轮审核（退回后加一）"},
		"published_on": date("发布日期"), "reason": str("撤回或更正的原因"), "created_by": str("起草人"), "created_at": obj{"type": "string", "format": "date-time"},
		"updated_at": obj{"type": "string", "format": "date-time"}, "source": str("来源：空为起草，report 为年度报告，art44 为依申请公开转主动公开")}
	for k, v := range itemProps {
		full[k] = v
	}
	return obj{
		"ItemInput": obj{"type": "object", "required": []string{"title", "summary", "formed_on"}, "properties": itemProps},
		"Item":      obj{"type": "object", "properties": full},
		"ItemView": obj{"type": "object", "description": "信息、检查结果、三审三校记录、公开期限和可进行的操作", "properties": obj{
			"item": ref("Item"), "version": obj{"type": "integer", "description": "修改时带回，防止覆盖他人的修改"},
			"findings": obj{"type": "array", "items": obj{"type": "object"}}, "due": date("《条例》第二十六条的公开期限"),
			"overdue": obj{"type": "boolean"}, "late": obj{"type": "boolean", "description": "已发布但超过期限"},
			"reviews": obj{"type": "array", "items": obj{"type": "object"}}, "proofs": obj{"type": "array", "items": obj{"type": "object"}},
			"files": obj{"type": "array", "items": obj{"type": "object"}}, "next": str("下一步：一校、初审……"),
			"allowed": obj{"type": "object", "description": "本密钥现在可进行的操作"}}},
		"Versioned":   obj{"type": "object", "properties": obj{"version": obj{"type": "integer", "description": "看到的版本（0 为不检查）"}}},
		"ProofInput":  obj{"type": "object", "required": []string{"note"}, "properties": obj{"version": obj{"type": "integer"}, "note": str("校对发现或修改了什么"), "title": str("改正后的名称"), "summary": str("改正后的概述"), "body": str("改正后的正文")}},
		"ReviewInput": obj{"type": "object", "required": []string{"decision"}, "properties": obj{"version": obj{"type": "integer"}, "decision": enum("通过或退回修改", []string{string(catalog.Pass), string(catalog.Return)}), "note": str("意见（退回时必填）")}},
		"Document": obj{"type": "object", "required": []string{"kind", "title", "doc_no", "issued_on"}, "description": "表二第二十条第（一）项按这些记录计算",
			"properties": obj{"id": obj{"type": "integer", "description": "修改时填写"}, "agency_id": obj{"type": "integer", "readOnly": true}, "kind": enum("规章或行政规范性文件", e.docKinds),
				"title": str("名称"), "doc_no": str("文号"), "issued_on": date("印发日期"), "effective_on": date("施行日期"), "expires_on": date("有效期至"),
				"repealed_on": date("废止日期"), "amended": obj{"type": "array", "items": date(""), "description": "修订日期"}, "item_id": obj{"type": "integer", "description": "对应的目录信息"}, "note": str("备注"), "fingerprint": str("登记内容的指纹（只读取得；修改时原样带回，他人已先修改时拒绝保存并返回 409）")}},
		"Account": obj{"type": "object", "required": []string{"platform", "name", "sponsor"}, "properties": obj{
			"id": obj{"type": "integer", "description": "修改时填写"}, "agency_id": obj{"type": "integer", "readOnly": true}, "platform": enum("平台", e.platforms),
			"name": str("账号名称"), "sponsor": str("主办单位"), "opened_on": date("开设审核日期"), "filed_on": date("备案日期"), "state": enum("状态", e.accountStates),
			"feed_url": str("订阅地址"), "own": obj{"type": "boolean", "description": "本机关自己的账号"}, "last_post_on": date("最近更新日期（只读）"), "note": str("备注"),
			"days_since_post": obj{"type": "integer", "readOnly": true}, "stale": obj{"type": "boolean", "readOnly": true}, "year_posts": obj{"type": "integer", "readOnly": true},
			"open_problems": obj{"type": "integer", "readOnly": true}, "fingerprint": str("登记内容的指纹（只读取得；修改时原样带回，他人已先修改时拒绝保存并返回 409）")}},
		"PostsInput": obj{"type": "object", "required": []string{"posts"}, "properties": obj{"posts": obj{"type": "array", "items": obj{"type": "object",
			"required": []string{"month", "count"}, "properties": obj{"month": str("月份，2024-03"), "count": obj{"type": "integer"}, "last_on": date("该月最近一次发布")}}},
			"last_post_on": date("账号最近一次发布的日期")}},
		"Inspection": obj{"type": "object", "required": []string{"kind", "on"}, "properties": obj{"id": obj{"type": "integer", "readOnly": true},
			"account_id": obj{"type": "integer", "readOnly": true}, "kind": enum("日巡查或周普查", e.inspectionKinds), "on": date("巡查日期"), "inspector": str("巡查人（默认为密钥名称）"),
			"problems": obj{"type": "array", "items": enum("", e.problems)}, "note": str("问题说明（发现问题时必填）"), "resolved_on": date("整改日期"),
			"resolution": str("整改情况"), "last_post_seen": date("巡查时看到的最近一次更新")}},
		"Column": obj{"type": "object", "required": []string{"name", "kind"}, "properties": obj{"id": obj{"type": "integer", "description": "修改时填写"},
			"agency_id": obj{"type": "integer", "readOnly": true}, "name": str("栏目名称"), "kind": enum("栏目类型", e.columnKinds), "url": str("栏目网址"),
			"last_update": date("手工登记的最近更新日期"), "fingerprint": str("登记内容的指纹（只读取得；修改时原样带回，他人已先修改时拒绝保存并返回 409）")}},
	}
}
