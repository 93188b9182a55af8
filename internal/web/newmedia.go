package web

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/errs"
	"gongkai/internal/importer"
	"gongkai/internal/newmedia"
	"gongkai/internal/ops"
	"gongkai/internal/workday"
)

// optDate reads an optional date field into dst, reporting a bad one at its field.
func optDate(f map[string]string, name string, bad *errs.List) *workday.Date {
	if f[name] == "" {
		return nil
	}
	d, err := workday.ParseTyped(f[name])
	if err != nil {
		bad.Add(name, "%s", errs.Readable(err))
		return nil
	}
	return &d
}

var docFields = []string{"id", "kind", "title", "doc_no", "issued_on", "effective_on", "expires_on", "repealed_on", "amended", "note"}

type normativeData struct {
	Docs    []docRow
	Kinds   []option
	Today   workday.Date
	CanAct  bool
	Editing int64
}

// docRow is a document with its edit form's values: as stored, or as typed
// when its save was refused; Seen is its Fingerprint, which the form
// carries, with Opened.
type docRow struct {
	catalog.Document
	Seen   string
	Values map[string]string
	Opened string // the values as stored, which the form carries (see merge.go)
}

// docValues are a document's fields as its edit form shows them.
func docValues(d catalog.Document) map[string]string {
	var amended []string
	for _, a := range d.Amended {
		amended = append(amended, a.String())
	}
	return map[string]string{"kind": string(d.Kind), "title": d.Title, "doc_no": d.DocNo, "issued_on": d.IssuedOn.String(),
		"effective_on": dateText(d.EffectiveOn), "expires_on": dateText(d.ExpiresOn), "repealed_on": dateText(d.RepealedOn),
		"amended": strings.Join(amended, ","), "note": d.Note}
}

func (s *Server) normativePage(w http.ResponseWriter, r *http.Request, si *sessionInfo, code int, form, fe map[string]string, editing int64) {
	docs, err := s.Ops.Documents(r.Context(), si.p(), si.user.AgencyID)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	d := normativeData{Today: s.Ops.Clock.Today(), CanAct: page{User: si.user}.ActsForCases(), Editing: editing}
	for _, doc := range docs {
		stored := docValues(doc)
		row := docRow{doc, doc.Fingerprint(), stored, openedJSON(stored)}
		if doc.ID == editing && form != nil {
			row.Values = form // what was typed, over the document as it is now
		}
		d.Docs = append(d.Docs, row)
	}
	for _, k := range catalog.DocKinds {
		d.Kinds = append(d.Kinds, option{string(k.ID), k.Name})
	}
	if form == nil || editing != 0 { // the new-document form: what was typed into it, or empty
		form = map[string]string{"kind": string(catalog.Normative)}
	}
	s.render(w, code, "normative", page{Title: "规范性文件", User: si.user, CSRF: si.csrf, Form: form, Errors: fe, Flash: flashOf(r), Data: d})
}

func (s *Server) normative(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	editing, _ := strconv.ParseInt(r.URL.Query().Get("edit"), 10, 64) // the 工作台's link opens a document's form
	s.normativePage(w, r, si, http.StatusOK, nil, nil, editing)
}

// docFrom is the document a form's values describe.
func docFrom(id int64, f map[string]string) (catalog.Document, error) {
	d := catalog.Document{ID: id, Kind: catalog.DocKind(f["kind"]), Title: f["title"], DocNo: f["doc_no"], Note: f["note"]}
	var bad errs.List
	if v := optDate(f, "issued_on", &bad); v != nil {
		d.IssuedOn = *v
	}
	d.EffectiveOn, d.ExpiresOn, d.RepealedOn = optDate(f, "effective_on", &bad), optDate(f, "expires_on", &bad), optDate(f, "repealed_on", &bad)
	for _, a := range strings.FieldsFunc(f["amended"], func(r rune) bool { return r == ',' || r == '，' || r == ' ' || r == '、' }) {
		if x, err := workday.ParseTyped(a); err == nil {
			d.Amended = append(d.Amended, x)
		} else {
			bad.Add("amended", "修订日期“%s”看不懂，请写成 2024-03-05，多个用逗号分开", a)
		}
	}
	return d, bad.Err()
}

func (s *Server) saveDocument(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	f := formValues(r, docFields)
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	save := func(f map[string]string, seen string) error {
		d, err := docFrom(id, f)
		if err == nil {
			_, err = s.Ops.SaveDocument(r.Context(), si.p(), d, seen)
		}
		return err
	}
	f, merged, err := saveMerged(r, f, func() (map[string]string, string) { // changed by another since the form was opened
		docs, _ := s.Ops.Documents(r.Context(), si.p(), si.user.AgencyID)
		for _, d := range docs {
			if d.ID == id {
				return docValues(d), d.Fingerprint()
			}
		}
		return nil, ""
	}, save)
	if merged {
		http.Redirect(w, r, "/admin/normative?ok=merged", http.StatusSeeOther)
		return
	}
	switch errs.KindOf(err) {
	case errs.Invalid:
		fe := formErrors(err, nil)
		if id != 0 { // said in the edited row's form as one line (the field lines below are the new document's)
			fe = map[string]string{"form": "未能保存：" + errs.Readable(err)}
		}
		s.normativePage(w, r, si, http.StatusUnprocessableEntity, f, fe, id)
		return
	case errs.Conflict: // changed by another since the form was opened
		s.normativePage(w, r, si, http.StatusConflict, f, map[string]string{"form": errs.Readable(err)}, id)
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, "/admin/normative?ok=saved", http.StatusSeeOther)
}

var accountFields = []string{"platform", "name", "sponsor", "opened_on", "filed_on", "state", "feed_url", "own", "note"}

type newmediaData struct {
	*ops.NewMedia
	Platforms, States []option
}

func platformOptions() []option {
	var out []option
	for _, p := range newmedia.Platforms {
		out = append(out, option{string(p.ID), p.Name})
	}
	return out
}

func accountStateOptions() []option {
	var out []option
	for _, x := range newmedia.States {
		out = append(out, option{string(x.ID), x.Name})
	}
	return out
}

func (s *Server) newmediaPage(w http.ResponseWriter, r *http.Request, si *sessionInfo, code int, form, fe map[string]string) {
	nm, err := s.Ops.Accounts(r.Context(), si.p())
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	if form == nil {
		form = map[string]string{"platform": "wechat", "state": "running"}
	}
	d := newmediaData{NewMedia: nm, Platforms: platformOptions(), States: accountStateOptions()}
	s.render(w, code, "newmedia", page{Title: "政务新媒体", User: si.user, CSRF: si.csrf, Form: form, Errors: fe, Flash: flashOf(r), Data: d})
}

func (s *Server) newmediaList(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.newmediaPage(w, r, si, http.StatusOK, nil, nil)
}

// accountValues are an account's fields as its edit form shows them.
func accountValues(a newmedia.Account) map[string]string {
	v := map[string]string{"platform": string(a.Platform), "name": a.Name, "sponsor": a.Sponsor, "opened_on": dateText(a.OpenedOn),
		"filed_on": dateText(a.FiledOn), "state": string(a.State), "feed_url": a.FeedURL, "note": a.Note}
	if a.Own {
		v["own"] = "1"
	}
	return v
}

// columnValues are a column's fields as its edit form shows them.
func columnValues(c newmedia.Column) map[string]string {
	return map[string]string{"name": c.Name, "kind": string(c.Kind), "url": c.URL, "last_update": dateText(c.LastUpdate)}
}

// dateText is an optional date as a form shows it ("" for none).
func dateText(d *workday.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}

func accountFrom(f map[string]string) (newmedia.Account, error) {
	a := newmedia.Account{Platform: newmedia.Platform(f["platform"]), Name: f["name"], Sponsor: f["sponsor"], State: newmedia.State(f["state"]),
		FeedURL: f["feed_url"], Own: f["own"] != "", Note: f["note"]}
	var bad errs.List
	a.OpenedOn, a.FiledOn = optDate(f, "opened_on", &bad), optDate(f, "filed_on", &bad)
	return a, bad.Err()
}

func (s *Server) createAccount(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	f := formValues(r, accountFields)
	a, err := accountFrom(f)
	if err == nil {
		_, err = s.Ops.SaveAccount(r.Context(), si.p(), a, "")
	}
	if errs.KindOf(err) == errs.Invalid {
		s.newmediaPage(w, r, si, http.StatusUnprocessableEntity, f, formErrors(err, nil))
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, "/admin/newmedia?ok=created", http.StatusSeeOther)
}

type accountData struct {
	*ops.AccountView
	Platforms, States, Kinds, Problems []option
	Today                              string
	CanAct                             bool
	AgencyID                           int64
}

// accountPage shows an account: its posts by month, its inspections with
// their forms. ?agency= is the agency that keeps it (for a supervisor).
func (s *Server) accountPage(w http.ResponseWriter, r *http.Request, si *sessionInfo, code int, form, fe map[string]string) {
	v, err := s.Ops.Account(r.Context(), si.p(), itemID(r))
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	d := accountData{AccountView: v, Platforms: platformOptions(), States: accountStateOptions(), Today: s.Ops.Clock.Today().String(),
		CanAct: page{User: si.user}.ActsForCases() && v.AgencyID == si.user.AgencyID, AgencyID: v.AgencyID}
	for _, k := range newmedia.InspectionKinds {
		d.Kinds = append(d.Kinds, option{string(k.ID), k.Name})
	}
	for _, p := range newmedia.Problems {
		d.Problems = append(d.Problems, option{p.ID, p.Name})
	}
	if form == nil {
		form = map[string]string{"kind": "daily", "on": d.Today, "month": string(newmedia.MonthOf(s.Ops.Clock.Today()))}
	}
	s.render(w, code, "account", page{Title: v.Name, User: si.user, CSRF: si.csrf, Form: form, Errors: fe, Flash: flashOf(r), Data: d})
}

func (s *Server) account(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.accountPage(w, r, si, http.StatusOK, nil, nil)
}

// accountResult answers an action on an account like itemResult does.
func (s *Server) accountResult(w http.ResponseWriter, r *http.Request, si *sessionInfo, err error, form map[string]string, ok string) {
	if err == nil {
		http.Redirect(w, r, fmt.Sprintf("/admin/newmedia/%d?ok=%s", itemID(r), ok), http.StatusSeeOther)
		return
	}
	if k := errs.KindOf(err); k != errs.Invalid && k != errs.TooLarge && k != errs.Conflict { // Conflict: saved by another since
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	code, _ := statusOf(err)
	s.accountPage(w, r, si, code, form, formErrors(err, nil))
}

func (s *Server) updateAccount(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	f := formValues(r, accountFields)
	id := itemID(r)
	save := func(f map[string]string, seen string) error {
		a, err := accountFrom(f)
		if err == nil {
			a.ID = id
			_, err = s.Ops.SaveAccount(r.Context(), si.p(), a, seen)
		}
		return err
	}
	f, merged, err := saveMerged(r, f, func() (map[string]string, string) { // changed by another since the form was opened
		if v, err := s.Ops.Account(r.Context(), si.p(), id); err == nil {
			return accountValues(v.Account), v.Account.Fingerprint()
		}
		return nil, ""
	}, save)
	if merged {
		http.Redirect(w, r, fmt.Sprintf("/admin/newmedia/%d?ok=merged", id), http.StatusSeeOther)
		return
	}
	f["_form"] = "account" // which of the page's forms shows f again
	s.accountResult(w, r, si, err, f, "saved")
}

// recordPosts takes a month's count typed by hand.
func (s *Server) recordPosts(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	f := formValues(r, []string{"month", "count", "last_on"})
	m, err := newmedia.ParseMonth(f["month"])
	n, nerr := strconv.Atoi(strings.TrimSpace(f["count"]))
	var bad errs.List
	if err != nil {
		bad.Add("month", "%s", errs.Readable(err))
	}
	if nerr != nil || n < 0 {
		bad.Add("count", "发布数量应为整数")
	}
	last := optDate(f, "last_on", &bad)
	err = bad.Err()
	if err == nil {
		err = s.Ops.RecordPosts(r.Context(), si.p(), itemID(r), []newmedia.Posts{{Month: m, Count: n, Source: "entered", LastOn: last}}, last)
	}
	s.accountResult(w, r, si, err, f, "recorded")
}

// postsFile counts posts from a platform's export (XLSX/CSV, one row per
// post) or from a saved RSS/Atom feed: the whole file or nothing.
func (s *Server) postsFile(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	file, hdr, err := r.FormFile("file")
	var data []byte
	if err == nil {
		defer file.Close()
		data, err = readAll(file, importer.MaxFile)
	}
	if err != nil {
		s.accountResult(w, r, si, errs.New("file", "请选择平台导出的发布记录表（XLSX、CSV）或订阅源文件（RSS、Atom），不超过 %d MB", importer.MaxFile>>20), nil, "")
		return
	}
	trim := bytes.TrimLeft(data, "\xef\xbb\xbf \t\r\n")
	// a feed starts with "<", in UTF-16 (Notepad's "Unicode") after its mark
	if bytes.HasPrefix(trim, []byte("<")) || bytes.HasPrefix(data, []byte("\xff\xfe<\x00")) || bytes.HasPrefix(data, []byte("\xfe\xff\x00<")) {
		_, err = s.Ops.RecordFeed(r.Context(), si.p(), itemID(r), data, "")
	} else {
		var dates []workday.Date
		dates, err = exportDates(hdr.Filename, data, s.Ops.Clock.Location())
		if err == nil && len(dates) == 0 {
			err = errs.New("file", "文件中没有读到发布记录")
		}
		if err == nil {
			counts, last := ops.PostsFromDates(dates, "import")
			err = s.Ops.RecordPosts(r.Context(), si.p(), itemID(r), counts, last)
		}
	}
	if err != nil && errs.KindOf(err) == errs.Invalid {
		err = errs.New("file", "%s", errs.Readable(err))
	}
	s.accountResult(w, r, si, err, nil, "recorded")
}

func exportDates(name string, data []byte, loc *time.Location) ([]workday.Date, error) {
	sh, err := importer.ReadFile(name, data, "")
	if err != nil {
		return nil, err
	}
	sh.Loc = loc
	m, err := sh.MapSchema(importer.PostFields, nil)
	if err != nil {
		return nil, err
	}
	dates, bad := sh.PostDates(m)
	if len(bad) > 0 {
		more := ""
		if len(bad) > 1 {
			more = fmt.Sprintf("（另有 %d 处错误）", len(bad)-1)
		}
		return nil, errs.New("file", "%s%s：文件未导入，请改正后重新上传", bad[0].String(), more)
	}
	return dates, nil
}

var inspectionFields = []string{"kind", "on", "note", "last_post_seen"}

func (s *Server) recordInspection(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	f := formValues(r, inspectionFields)
	in := newmedia.Inspection{AccountID: itemID(r), Kind: newmedia.InspectionKind(f["kind"]), Note: f["note"], Problems: r.PostForm["problems"]}
	f["problems"] = strings.Join(in.Problems, "\n") // ticked again if refused
	var bad errs.List
	if d := optDate(f, "on", &bad); d != nil {
		in.On = *d
	}
	in.LastPostSeen = optDate(f, "last_post_seen", &bad)
	err := bad.Err()
	if err == nil {
		_, err = s.Ops.RecordInspection(r.Context(), si.p(), in)
	}
	s.accountResult(w, r, si, err, f, "recorded")
}

func (s *Server) resolveInspection(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	f := formValues(r, []string{"resolved_on", "resolution"})
	iid, _ := strconv.ParseInt(r.PathValue("iid"), 10, 64)
	f["inspection"] = strconv.FormatInt(iid, 10) // whose row shows f again
	var bad errs.List
	on := optDate(f, "resolved_on", &bad)
	if on == nil && f["resolved_on"] == "" {
		bad.Add("resolved_on", "请填写整改日期")
	}
	err := bad.Err()
	if err == nil {
		err = s.Ops.ResolveInspection(r.Context(), si.p(), itemID(r), iid, *on, f["resolution"])
	}
	s.accountResult(w, r, si, err, f, "recorded")
}

type columnsData struct {
	*ops.Site
	// Sites are the agencies a supervising office sees, with their
	// columns' tally (nil for one agency's staff)
	Sites  []ops.Site
	Kinds  []option
	CanAct bool
	// the supervisor's table: how many agencies, failing and with no
	// column registered; which of them are shown (show: "", "veto",
	// "none") and the page of them
	All, Failing, Unregistered int
	Show                       string
	Page                       pager
	AgencyID                   int64 // the agency whose columns are shown below the table
}

// sitesShown are the agencies of the supervisor's table that show asks for.
func sitesShown(sites []ops.Site, show string) []ops.Site {
	if show == "" {
		return sites
	}
	var out []ops.Site
	for _, x := range sites {
		if show == "veto" && len(x.Vetoes) > 0 || show == "none" && x.Tally.Columns == 0 {
			out = append(out, x)
		}
	}
	return out
}

func (s *Server) columnsPage(w http.ResponseWriter, r *http.Request, si *sessionInfo, code int, form, fe map[string]string) {
	id, err := agencyParam(r, si)
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	// the agencies the user sees hold the one asked for, unless it is not
	// theirs to see (SiteColumns then says not found)
	sites, err := s.Ops.SitesBelow(r.Context(), si.p())
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	d := columnsData{CanAct: id == si.user.AgencyID && page{User: si.user}.ActsForCases(), AgencyID: id}
	if len(sites) > 1 {
		// a province sees hundreds: counted, filtered and a page at a time
		d.All = len(sites)
		for _, x := range sites {
			if len(x.Vetoes) > 0 {
				d.Failing++
			}
			if x.Tally.Columns == 0 {
				d.Unregistered++
			}
		}
		if d.Show = r.URL.Query().Get("show"); d.Show != "veto" && d.Show != "none" {
			d.Show = ""
		}
		d.Sites, d.Page = pageOf(sitesShown(sites, d.Show), r.URL.Query().Get("page"), 50)
	}
	if i := slices.IndexFunc(sites, func(x ops.Site) bool { return x.AgencyID == id }); i >= 0 {
		d.Site = &sites[i]
	} else if d.Site, err = s.Ops.SiteColumns(r.Context(), si.p(), id); err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	for _, k := range newmedia.ColumnKinds {
		d.Kinds = append(d.Kinds, option{string(k.ID), k.Name})
	}
	if form == nil {
		form = map[string]string{"kind": "dynamic"}
	}
	s.render(w, code, "columns", page{Title: "网站栏目", User: si.user, CSRF: si.csrf, Form: form, Errors: fe, Flash: flashOf(r), Data: d})
}

func (s *Server) columns(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	s.columnsPage(w, r, si, http.StatusOK, nil, nil)
}

func (s *Server) saveColumn(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	f := formValues(r, []string{"name", "kind", "url", "last_update"})
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	save := func(f map[string]string, seen string) error {
		c := newmedia.Column{ID: id, Name: f["name"], Kind: newmedia.ColumnKind(f["kind"]), URL: f["url"]}
		var bad errs.List
		c.LastUpdate = optDate(f, "last_update", &bad)
		err := bad.Err()
		if err == nil {
			_, err = s.Ops.SaveColumn(r.Context(), si.p(), c, seen)
		}
		return err
	}
	f, merged, err := saveMerged(r, f, func() (map[string]string, string) { // changed by another since the form was opened
		cols, _ := s.Ops.Columns(r.Context(), si.p(), si.user.AgencyID)
		for _, c := range cols {
			if c.ID == id {
				return columnValues(c.Column), c.Column.Fingerprint()
			}
		}
		return nil, ""
	}, save)
	if merged {
		http.Redirect(w, r, "/admin/columns?ok=merged", http.StatusSeeOther)
		return
	}
	if k := errs.KindOf(err); k == errs.Invalid || k == errs.Conflict { // Conflict: saved by another since
		f["_edit"] = r.PathValue("id") // the column whose form shows f again
		code, _ := statusOf(err)
		s.columnsPage(w, r, si, code, f, formErrors(err, nil))
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, "/admin/columns?ok=saved", http.StatusSeeOther)
}

// removeColumn takes a column off the agency's register, once confirmed.
func (s *Server) removeColumn(w http.ResponseWriter, r *http.Request, si *sessionInfo) {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	_, err := s.Ops.RemoveColumn(r.Context(), si.p(), id, r.PostFormValue("confirm") == "1")
	if errs.KindOf(err) == errs.Invalid {
		s.columnsPage(w, r, si, http.StatusUnprocessableEntity, nil, formErrors(err, nil))
		return
	}
	if err != nil {
		s.fail(w, r, si.user, si.csrf, err)
		return
	}
	http.Redirect(w, r, "/admin/columns?ok=removed", http.StatusSeeOther)
}
