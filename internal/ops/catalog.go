package ops

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/errs"
	"gongkai/internal/org"
	"gongkai/internal/redact"
	"gongkai/internal/report"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// ItemView is a catalog item as its page and the API show it: the item,
// its review record, the checks run on it now, its Art. 26 standing, and
// what the viewer may do next.
type ItemView struct {
	Item     catalog.Item
	Version  int
	Agency   *org.Agency
	History  catalog.History
	Findings []report.Finding
	Errors   int
	Time     catalog.Timeliness
	Files    []store.ItemFile
	Config   catalog.Config

	CanEdit     bool   // a draft, by the agency's staff
	CanSubmit   bool   // a draft ready to go to review
	CanProof    bool   // the next 校对 pass may be recorded
	CanReview   bool   // the viewer may give the next review
	ReviewWhy   string // why the viewer may not review (shown beside the button)
	CanPublish  bool
	CanWithdraw bool
	CanReturn   bool   // approved, not published: the head may send it back to draft
	NextReview  string // 初审 / 复审 / 终审
	NextProof   string // 一校 …
}

// actorOf is the principal as the review chain knows it: a person by their
// account, an API key by its name, the command line by what it runs.
func actorOf(p Principal) catalog.Actor {
	key := p.Via + ":" + p.Name
	if p.UserID != 0 {
		key = "user:" + strconv.FormatInt(p.UserID, 10)
	}
	return catalog.Actor{Key: key, Name: p.Name, Role: p.Role}
}

// itemErr maps the store's errors on an item to what a person reads.
func itemErr(err error) error {
	var said *errs.Error
	switch {
	case errors.As(err, &said):
		return err
	case errors.Is(err, store.ErrNotFound):
		return notFound
	case errors.Is(err, store.ErrConflict):
		return &errs.Error{Kind: errs.Conflict, Where: "form", Msg: "这条信息刚被其他人修改过，请刷新页面后再操作", Cause: err}
	}
	return err
}

// Item loads an item for a person who may see it.
func (s *Service) Item(ctx context.Context, p Principal, id int64) (*ItemView, error) {
	row, err := s.Store.ItemByID(ctx, id)
	if err != nil {
		return nil, itemErr(err)
	}
	if err := s.canRead(ctx, p, row.AgencyID); err != nil {
		return nil, err
	}
	return s.itemView(ctx, p, row)
}

func (s *Service) itemView(ctx context.Context, p Principal, row *store.ItemRow) (*ItemView, error) {
	cal, st, ag, err := s.agencyRules(ctx, row.AgencyID)
	if err != nil {
		return nil, err
	}
	v := &ItemView{Item: row.Item, Version: row.Version, Config: st.Catalog(), Agency: ag}
	if v.History, err = s.Store.History(ctx, row.ID); err != nil {
		return nil, err
	}
	if v.Files, err = s.Store.ItemFiles(ctx, row.ID); err != nil {
		return nil, err
	}
	texts, err := s.Store.ItemFileTexts(ctx, row.ID)
	if err != nil {
		return nil, err
	}
	v.Findings = append(catalog.Check(&v.Item), catalog.CheckFiles(texts)...)
	v.Errors = catalog.Errors(v.Findings)
	v.Time = v.Item.Timeliness(cal, s.Clock.Today())
	if !actsFor(p, row.AgencyID) {
		return v, nil
	}
	it := &v.Item
	v.CanEdit = it.State == catalog.Draft
	v.CanSubmit = catalog.CanSubmit(it) == nil
	v.CanProof = catalog.CanProof(it, v.History, v.Config) == nil
	if it.State == catalog.InReview {
		v.NextReview = catalog.ReviewName(it.Stage, v.Config.Reviews)
		v.NextProof = catalog.ProofName(it.Stage)
		if err := catalog.CanReview(it, v.History, actorOf(p), v.Config); err != nil {
			v.ReviewWhy = errs.Plain(err)
		} else {
			v.CanReview = true
		}
	}
	v.CanPublish = it.State == catalog.Approved
	v.CanReturn = it.State == catalog.Approved && p.Role == casework.Approver
	v.CanWithdraw = it.State == catalog.Published && p.Role == casework.Approver
	return v, nil
}

// ItemList is a page of an agency's items with their Art. 26 standing.
type ItemList struct {
	Rows  []ItemRowView
	Total int
}

// ItemRowView is one item in a list.
type ItemRowView struct {
	catalog.Item
	Time catalog.Timeliness
}

// Items lists an agency's items for a person who may see them.
func (s *Service) Items(ctx context.Context, p Principal, f store.ItemFilter) (*ItemList, error) {
	if err := s.canRead(ctx, p, f.AgencyID); err != nil {
		return nil, err
	}
	cal, err := s.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	rows, total, err := s.Store.Items(ctx, f)
	if err != nil {
		return nil, err
	}
	out := &ItemList{Total: total}
	today := s.Clock.Today()
	for _, r := range rows {
		out.Rows = append(out.Rows, ItemRowView{Item: r.Item, Time: r.Item.Timeliness(cal, today)})
	}
	return out, nil
}

// CreateItem drafts a catalog item of the principal's agency, with the
// next 索引号 under the agency's pattern.
func (s *Service) CreateItem(ctx context.Context, p Principal, it catalog.Item) (*ItemView, error) {
	if !actsFor(p, p.AgencyID) {
		return nil, Forbidden("只有本机关的工作人员可以起草主动公开信息")
	}
	ag, err := s.Store.GetAgency(ctx, p.AgencyID)
	if err != nil {
		return nil, err
	}
	a := actorOf(p)
	it.ID, it.AgencyID, it.State, it.Stage, it.Cycle, it.PublishedOn = 0, p.AgencyID, catalog.Draft, 0, 1, nil
	it.CreatedBy, it.CreatedByID = p.Name, a.Key
	if strings.TrimSpace(it.Publisher) == "" {
		it.Publisher = ag.Name
	}
	if err := it.Validate(); err != nil {
		return nil, err
	}
	err = s.write(ctx, p, "catalog.create", func(tx *store.Tx, e *audit.Entry) error {
		if err := tx.CreateItem(ctx, &it, ag.Pattern(), ag.Code); err != nil {
			return err
		}
		e.Object, e.Detail = it.IndexNo, it.Title
		return nil
	})
	if err != nil {
		return nil, itemErr(err)
	}
	return s.Item(ctx, p, it.ID)
}

// change loads an item of the principal's agency at the version the
// person saw, lets fn change it (fn refuses by returning an error), and
// saves it with the audit entry fn fills in, all in one transaction.
func (s *Service) change(ctx context.Context, p Principal, id int64, version int, action audit.Action,
	fn func(tx *store.Tx, it *catalog.Item, h catalog.History, e *audit.Entry) error) (*ItemView, error) {
	if !actsFor(p, p.AgencyID) {
		return nil, Forbidden("只有本机关的工作人员可以办理主动公开信息")
	}
	row, err := s.Store.Item(ctx, p.AgencyID, id)
	if err != nil {
		return nil, itemErr(err)
	}
	if version != 0 && row.Version != version {
		return nil, itemErr(store.ErrConflict)
	}
	h, err := s.Store.History(ctx, id)
	if err != nil {
		return nil, err
	}
	it := row.Item
	err = s.write(ctx, p, action, func(tx *store.Tx, e *audit.Entry) error {
		e.Object = it.IndexNo
		if err := fn(tx, &it, h, e); err != nil {
			return err
		}
		return tx.UpdateItem(ctx, &it, row.Version)
	})
	if err != nil {
		return nil, itemErr(err)
	}
	return s.Item(ctx, p, id)
}

// UpdateItem saves edits to a draft.
func (s *Service) UpdateItem(ctx context.Context, p Principal, id int64, version int, edit func(*catalog.Item)) (*ItemView, error) {
	return s.change(ctx, p, id, version, "catalog.update", func(tx *store.Tx, it *catalog.Item, _ catalog.History, e *audit.Entry) error {
		if it.State != catalog.Draft {
			return &errs.Error{Kind: errs.Conflict, Where: "form", Msg: "审核中的信息不能直接修改：请在校对时修改，或由审核人退回后修改"}
		}
		keep := *it
		edit(it)
		it.ID, it.AgencyID, it.IndexNo, it.State, it.Stage, it.Cycle = keep.ID, keep.AgencyID, keep.IndexNo, keep.State, keep.Stage, keep.Cycle
		it.CreatedBy, it.CreatedByID, it.PublishedOn, it.Source = keep.CreatedBy, keep.CreatedByID, keep.PublishedOn, keep.Source
		e.Detail = it.Title
		return it.Validate()
	})
}

// SubmitItem sends a draft to review once its 保密审查 is confirmed.
func (s *Service) SubmitItem(ctx context.Context, p Principal, id int64, version int) (*ItemView, error) {
	return s.change(ctx, p, id, version, "catalog.review", func(tx *store.Tx, it *catalog.Item, _ catalog.History, e *audit.Entry) error {
		if err := catalog.CanSubmit(it); err != nil {
			return err
		}
		it.State, it.Stage = catalog.InReview, 1
		e.Detail = "提交审核"
		return nil
	})
}

// ProofEdits are what a proof-reader changed; nil fields are unchanged.
type ProofEdits struct {
	Title, Summary, Body *string
}

// ProofItem records the next 校对 pass: what the proof-reader found, and
// the corrections they made to the text.
func (s *Service) ProofItem(ctx context.Context, p Principal, id int64, version int, note string, ed ProofEdits) (*ItemView, error) {
	note = strings.TrimSpace(note)
	// the item is found (or not) before the form is judged
	return s.change(ctx, p, id, version, "catalog.proof", func(tx *store.Tx, it *catalog.Item, h catalog.History, e *audit.Entry) error {
		if note == "" {
			return errs.New("note", "请写明校对发现或修改了什么；没有问题的写“未发现问题”")
		}
		if len([]rune(note)) > 1000 {
			return errs.New("note", "校对记录太长，最多 1000 字")
		}
		st, err := s.Settings(ctx)
		if err != nil {
			return err
		}
		if err := catalog.CanProof(it, h, st.Catalog()); err != nil {
			return err
		}
		a := actorOf(p)
		pr := catalog.Proof{ItemID: it.ID, Cycle: it.Cycle, By: p.Name, ByKey: a.Key, Note: note}
		for _, f := range []struct {
			name string
			dst  *string
			v    *string
		}{{"名称", &it.Title, ed.Title}, {"内容概述", &it.Summary, ed.Summary}, {"正文", &it.Body, ed.Body}} {
			if f.v == nil {
				continue
			}
			// a browser sends a textarea with CRLF line ends
			if v := strings.TrimSpace(strings.ReplaceAll(*f.v, "\r\n", "\n")); v != strings.TrimSpace(*f.dst) {
				*f.dst = v
				pr.Changed = append(pr.Changed, f.name)
			}
		}
		if err := it.Validate(); err != nil {
			return err
		}
		for _, x := range h.Proofs {
			if x.Cycle == it.Cycle {
				pr.Pass++
			}
		}
		pr.Pass++
		e.Detail = catalog.ProofName(pr.Pass) + "：" + note
		if len(pr.Changed) > 0 {
			e.Detail += "（修改了" + strings.Join(pr.Changed, "、") + "）"
		}
		return tx.AddProof(ctx, &pr)
	})
}

// ReviewItem gives the next review: pass moves the item to the next
// review (or to approved after 终审); return sends it back to draft with
// the reviewer's note, and a new round begins.
func (s *Service) ReviewItem(ctx context.Context, p Principal, id int64, version int, d catalog.Decision, note string) (*ItemView, error) {
	note = strings.TrimSpace(note)
	return s.change(ctx, p, id, version, "catalog.review", func(tx *store.Tx, it *catalog.Item, h catalog.History, e *audit.Entry) error {
		switch {
		case d != catalog.Pass && d != catalog.Return:
			return errs.New("decision", "请选择通过或退回修改")
		case d == catalog.Return && note == "":
			return errs.New("note", "退回修改的，请写明需要修改的内容")
		case len([]rune(note)) > 1000:
			return errs.New("note", "审核意见太长，最多 1000 字")
		}
		st, err := s.Settings(ctx)
		if err != nil {
			return err
		}
		cfg := st.Catalog()
		a := actorOf(p)
		if it.State == catalog.Approved && d == catalog.Return {
			// approved but not published (an error the checks found since,
			// or a change of mind): the head sends it back, a new round
			if p.Role != casework.Approver {
				return Forbidden("待发布的信息只能由本机关政府信息公开工作机构负责人退回修改")
			}
			r := catalog.Review{ItemID: it.ID, Cycle: it.Cycle, Stage: cfg.Reviews, By: p.Name, ByKey: a.Key, Role: p.Role, Decision: d, Note: note}
			it.State, it.Stage, it.Cycle = catalog.Draft, 0, it.Cycle+1
			e.Detail = "待发布的信息退回修改（" + note + "）"
			return tx.AddReview(ctx, &r)
		}
		if err := catalog.CanReview(it, h, a, cfg); err != nil {
			return err
		}
		fs, err := itemFindings(ctx, tx, it)
		if err != nil {
			return err
		}
		if f, bad := catalog.FirstError(fs); bad && d == catalog.Pass {
			// a pass could only end where publication refuses it
			return &errs.Error{Kind: errs.Conflict, Where: "form", Msg: "检查发现错误尚未改正（" + f.Message + "），不能通过审核：请退回修改"}
		}
		r := catalog.Review{ItemID: it.ID, Cycle: it.Cycle, Stage: it.Stage, By: p.Name, ByKey: a.Key, Role: p.Role, Decision: d, Note: note,
			Errors: catalog.Errors(fs)}
		name := catalog.ReviewName(it.Stage, cfg.Reviews)
		switch {
		case d == catalog.Return:
			it.State, it.Stage, it.Cycle = catalog.Draft, 0, it.Cycle+1
			e.Detail = name + "：退回修改（" + note + "）"
		case it.Stage >= cfg.Reviews:
			it.State = catalog.Approved
			e.Detail = name + "：通过"
		default:
			it.Stage++
			e.Detail = name + "：通过"
		}
		return tx.AddReview(ctx, &r)
	})
}

// itemFindings are the checks of an item and of its files' text.
func itemFindings(ctx context.Context, tx *store.Tx, it *catalog.Item) ([]report.Finding, error) {
	texts, err := tx.ItemFileTexts(ctx, it.ID)
	if err != nil {
		return nil, err
	}
	return append(catalog.Check(it), catalog.CheckFiles(texts)...), nil
}

// PublishItem publishes an approved item on the public catalog: the chain
// is checked again as a whole, and an open error finding refuses it.
func (s *Service) PublishItem(ctx context.Context, p Principal, id int64, version int) (*ItemView, error) {
	return s.change(ctx, p, id, version, "catalog.publish", func(tx *store.Tx, it *catalog.Item, h catalog.History, e *audit.Entry) error {
		st, err := s.Settings(ctx)
		if err != nil {
			return err
		}
		if err := catalog.ChainComplete(it, h, st.Catalog()); err != nil {
			return err
		}
		fs, err := itemFindings(ctx, tx, it)
		if err != nil {
			return err
		}
		if f, bad := catalog.FirstError(fs); bad {
			return &errs.Error{Kind: errs.Conflict, Where: "form", Msg: "未能发布：检查发现错误尚未改正（" + f.Message + "）。请由负责人退回修改后重新审核"}
		}
		today := s.Clock.Today()
		it.State, it.PublishedOn = catalog.Published, &today
		e.Detail = it.Title
		return nil
	})
}

// WithdrawItem takes a published item off the public catalog, with the reason.
func (s *Service) WithdrawItem(ctx context.Context, p Principal, id int64, version int, reason string) (*ItemView, error) {
	reason = strings.TrimSpace(reason)
	if p.Role != casework.Approver {
		return nil, Forbidden("撤回已发布的信息须由负责人办理")
	}
	return s.change(ctx, p, id, version, "catalog.withdraw", func(tx *store.Tx, it *catalog.Item, _ catalog.History, e *audit.Entry) error {
		if reason == "" {
			return errs.New("reason", "请写明撤回的原因")
		}
		if it.State != catalog.Published {
			return &errs.Error{Kind: errs.Conflict, Where: "form", Msg: "只有已发布的信息可以撤回"}
		}
		it.State, it.Reason = catalog.Withdrawn, reason
		e.Detail = reason
		return nil
	})
}

// MaxItemFile bounds a file kept with an item.
const MaxItemFile = 20 << 20

// AttachItemFile keeps the document as issued (PDF, OFD, Word …) with a
// draft item (what is reviewed is what is published), with its text as
// read now for the checks before review and publication (catalog.CheckFiles).
func (s *Service) AttachItemFile(ctx context.Context, p Principal, id int64, name string, data []byte) (*ItemView, error) {
	return s.attachItemFile(ctx, p, id, name, data, nil)
}

// AttachItemFileRedacted keeps with an item a copy of a Word document or
// text file with the personal information opt names covered (区分处理), as
// AttachRedacted does for an application.
func (s *Service) AttachItemFileRedacted(ctx context.Context, p Principal, id int64, name string, data []byte, opt redact.Options) (*ItemView, redact.Result, error) {
	var res redact.Result
	v, err := s.attachItemFile(ctx, p, id, name, data, covering(opt, &res))
	return v, res, err
}

func (s *Service) attachItemFile(ctx context.Context, p Principal, id int64, name string, data []byte, change fileChange) (*ItemView, error) {
	u, err := checkUpload(name, data, MaxItemFile, change)
	if err != nil {
		return nil, err
	}
	f := &store.ItemFile{Name: u.name, ContentType: u.ctype, Note: u.note, Text: documentText(u.name, u.data)}
	return s.change(ctx, p, id, 0, "catalog.update", func(tx *store.Tx, it *catalog.Item, _ catalog.History, e *audit.Entry) error {
		if it.State != catalog.Draft {
			// what was reviewed is what is published: a file added after
			// the submission would go out unread
			return &errs.Error{Kind: errs.Conflict, Where: "file", Msg: "已送审或已发布的信息不能再添加附件：如需改动，请退回修改后在草稿中添加"}
		}
		e.Detail = "上传附件：" + u.described()
		f.ItemID = it.ID
		return tx.AddItemFile(ctx, f, u.data, p.Name)
	})
}

// RemoveItemFile takes a file off a draft item (the wrong file, or one a
// check found personal information in); version is the item's as the page
// showed it: the file list may have changed since.
func (s *Service) RemoveItemFile(ctx context.Context, p Principal, id int64, version int, fileID int64) (*ItemView, error) {
	if version <= 0 {
		return nil, errs.New("form", "页面已过期，请刷新页面后再删除附件")
	}
	return s.change(ctx, p, id, version, "catalog.update", func(tx *store.Tx, it *catalog.Item, _ catalog.History, e *audit.Entry) error {
		if it.State != catalog.Draft {
			return &errs.Error{Kind: errs.Conflict, Where: "file", Msg: "已送审或已发布的信息不能删除附件：如需改动，请退回修改后在草稿中删除"}
		}
		name, err := tx.RemoveItemFile(ctx, it.ID, fileID)
		if err != nil {
			return err
		}
		e.Detail = "删除附件：" + name
		return nil
	})
}

// FilesRead counts what ReadFiles did.
type FilesRead struct {
	Read, None int // files with text, and without (scans, pictures)
}

func (n *FilesRead) count(text *string) {
	if text == nil {
		n.None++
	} else {
		n.Read++
	}
}

// ReadFiles reads the text of the catalog files kept before files were
// read on upload, so that the checks and the public search read them as
// they read new ones: each file in a transaction of its own (a published
// item's index with it), so that a stopped run keeps what it did and the
// next goes on; then one audit entry for each agency, with its counts.
// progress, when set, is told after each file.
func (s *Service) ReadFiles(ctx context.Context, p Principal, progress func(done int)) (FilesRead, error) {
	var all FilesRead
	byAgency := map[int64]*FilesRead{}
	var order []int64
	for ctx.Err() == nil {
		batch, err := s.Store.UnreadFiles(ctx, 20)
		if err != nil {
			return all, err
		}
		if len(batch) == 0 {
			break
		}
		for _, f := range batch {
			text := documentText(f.Name, f.Data)
			if err := s.Store.InTx(ctx, func(tx *store.Tx) error { return tx.SetFileText(ctx, f.ItemID, f.ID, text) }); err != nil {
				return all, err
			}
			c := byAgency[f.AgencyID]
			if c == nil {
				c = &FilesRead{}
				byAgency[f.AgencyID] = c
				order = append(order, f.AgencyID)
			}
			c.count(text)
			all.count(text)
			if progress != nil {
				progress(all.Read + all.None)
			}
		}
	}
	for _, id := range order {
		c := byAgency[id]
		err := s.write(ctx, p, "catalog.read_files", func(tx *store.Tx, e *audit.Entry) error {
			e.AgencyID = id
			e.Detail = fmt.Sprintf("读取了 %d 个附件的文字，%d 个没有可读的文字（扫描件或图片）", c.Read+c.None, c.None)
			return nil
		})
		if err != nil {
			return all, err
		}
	}
	return all, ctx.Err()
}

// maxFileText bounds the text kept of a file for the checks.
const maxFileText = 2 << 20

// documentText is a document's text as the report reader reads it (Word,
// PDF, OFD, WPS, text …), for the checks; nil when it has none (a scan, a
// picture) or cannot be read.
func documentText(name string, data []byte) *string {
	lines, _, err := report.Lines(name, data)
	if err != nil {
		return nil
	}
	var b strings.Builder
	for _, l := range lines {
		if b.Len()+len(l.Text) > maxFileText {
			break
		}
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	t := b.String()
	return &t
}

// ItemFile returns a file of an item: any file to the agency's staff and
// supervisors, a published item's files to everyone (public is true).
func (s *Service) ItemFile(ctx context.Context, p *Principal, itemID, fileID int64) (*store.ItemFile, []byte, error) {
	var row *store.ItemRow
	var err error
	if p == nil {
		row, err = s.Store.PublishedItem(ctx, itemID)
	} else {
		row, err = s.Store.ItemByID(ctx, itemID)
		if err == nil {
			err = s.canRead(ctx, *p, row.AgencyID)
		}
	}
	if err != nil {
		return nil, nil, itemErr(err)
	}
	f, data, err := s.Store.ItemFileData(ctx, row.ID, fileID)
	if err != nil {
		return nil, nil, itemErr(err)
	}
	return f, data, nil
}

// Art44 lists the groups of applications that suggest putting information
// into 主动公开 (《条例》第四十四条): answered in the last year, disclosed,
// by several applicants asking for similar information.
func (s *Service) Art44(ctx context.Context, p Principal) ([]casework.Art44Group, error) {
	if !actsFor(p, p.AgencyID) {
		return nil, nil
	}
	from := s.Clock.Today() - 365
	rows, err := s.Store.CaseRows(ctx, casework.Filter{AgencyIDs: []int64{p.AgencyID}, State: casework.Closed, ReceivedFrom: &from}, 2000)
	if err != nil {
		return nil, err
	}
	return casework.Art44Groups(rows), nil
}

// DraftFromArt44 drafts a catalog item from a group of applications (one
// click on the suggestion): the request text as the title, the serials in
// the summary, for the clerk to complete before review.
func (s *Service) DraftFromArt44(ctx context.Context, p Principal, caseID int64) (*ItemView, error) {
	groups, err := s.Art44(ctx, p)
	if err != nil {
		return nil, err
	}
	for _, g := range groups {
		for _, r := range g.Rows {
			if r.ID != caseID {
				continue
			}
			var serials []string
			for _, x := range g.Rows {
				serials = append(serials, x.Serial)
			}
			it := catalog.Item{Title: g.Topic, Summary: fmt.Sprintf("%d 位申请人申请公开的信息（申请编号 %s），依据《中华人民共和国政府信息公开条例》第四十四条纳入主动公开。",
				len(g.Rows), strings.Join(serials, "、")), FormedOn: s.Clock.Today(), Attribute: catalog.Active, Source: "art44", Genre: "其他"}
			return s.CreateItem(ctx, p, it)
		}
	}
	return nil, &errs.Error{Kind: errs.Conflict, Where: "case", Msg: "这件申请不在建议纳入主动公开的申请中"}
}

// Due lists the items of the principal's agencies that Art. 26 makes due:
// overdue, and due within catalog.SoonDays working days.
func (s *Service) Due(ctx context.Context, p Principal) (overdue, soon []ItemRowView, err error) {
	ids, err := s.Visible(ctx, p)
	if err != nil {
		return nil, nil, err
	}
	cal, err := s.Calendar(ctx)
	if err != nil {
		return nil, nil, err
	}
	return s.dueItems(ctx, ids, cal, s.Clock.Today())
}

// dueItems are the agencies' pending items Art. 26 makes due on today:
// overdue, and due within catalog.SoonDays working days (the catalog's list
// and the reminders alike).
func (s *Service) dueItems(ctx context.Context, ids []int64, cal *workday.Calendar, today workday.Date) (overdue, soon []ItemRowView, err error) {
	// an item due within SoonDays working days was formed 20 - SoonDays
	// working days ago or earlier, so at least as many calendar days ago
	items, err := s.Store.Pending(ctx, ids, today.AddDays(-(20 - catalog.SoonDays)))
	if err != nil {
		return nil, nil, err
	}
	for _, it := range items {
		t := it.Timeliness(cal, today)
		switch {
		case t.Overdue:
			overdue = append(overdue, ItemRowView{it, t})
		case t.Soon:
			soon = append(soon, ItemRowView{it, t})
		}
	}
	return overdue, soon, nil
}
