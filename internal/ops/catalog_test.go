package ops_test

import (
	"strings"
	"testing"

	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/errs"
	"gongkai/internal/ops"
	"gongkai/internal/redact"
	"gongkai/internal/report"
	"gongkai/internal/search"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
	"gongkai/internal/testdoc"
)

func checklist() []string {
	var out []string
	for _, c := range catalog.Checklist {
		out = append(out, c.ID)
	}
	return out
}

// An item goes through 三审三校 to the public catalog: three different
// people, none of them its author, the last a head; a 校对 pass before each
// review; every step audited; and it is found by a two-character search.
func TestCatalogReviewAndSearch(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-03-02")
		mi, mr := itemMust(t), reportMust(t)
		_, _ = mi, mr
		reviewer := ops.Principal{UserID: 7, AgencyID: f.a.ID, Name: "王审核", Role: casework.Clerk, Via: "web"}
		deputy := ops.Principal{UserID: 8, AgencyID: f.a.ID, Name: "陈分管", Role: casework.Approver, Via: "web"}
		it := catalog.Item{Title: "示例区2026年小学学区划分范围", Summary: "公布2026年小学招生的学区划分范围。", FormedOn: D("2026-02-26"),
			Body: "一、划分原则\n\n二、各校学区", Category: "11", Column: "义务教育"}
		v, err := o.CreateItem(ctx, f.clerk, it)
		if err != nil {
			t.Fatal(err)
		}
		id := v.Item.ID
		if !strings.HasSuffix(v.Item.IndexNo, "/2026-00001") || v.Item.Publisher != f.a.Name {
			t.Errorf("index %q, publisher %q", v.Item.IndexNo, v.Item.Publisher)
		}
		if _, err := o.CreateItem(ctx, f.super, it); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("a supervisor drafted an item: %v", err)
		}
		if _, err := o.SubmitItem(ctx, f.clerk, id, 0); errs.Fields(err)["checklist"] == "" {
			t.Fatalf("submitted without the secrecy review: %v", err)
		}
		if _, err := o.UpdateItem(ctx, f.clerk, id, v.Version, func(x *catalog.Item) { x.Checklist = checklist() }); err != nil {
			t.Fatal(err)
		}
		if _, err := o.UpdateItem(ctx, f.clerk, id, v.Version, func(x *catalog.Item) {}); !strings.Contains(errs.Message(err), "刚被其他人修改过") {
			t.Errorf("a stale version was saved: %v", err)
		}
		mi(o.SubmitItem(ctx, f.clerk, id, 0))
		if _, err := o.ReviewItem(ctx, reviewer, id, 0, catalog.Pass, ""); !strings.Contains(errs.Message(err), "须先登记一校") {
			t.Errorf("reviewed before proof-reading: %v", err)
		}
		mi(o.ProofItem(ctx, f.clerk, id, 0, "核对标题和日期，未发现问题。", ops.ProofEdits{}))
		if _, err := o.ProofItem(ctx, f.clerk, id, 0, "再校", ops.ProofEdits{}); errs.KindOf(err) != errs.Conflict {
			t.Errorf("two proofs before one review: %v", err)
		}
		if _, err := o.ReviewItem(ctx, f.clerk, id, 0, catalog.Pass, ""); !strings.Contains(errs.Message(err), "起草人") {
			t.Errorf("the author reviewed: %v", err)
		}
		mi(o.ReviewItem(ctx, reviewer, id, 0, catalog.Pass, ""))
		body := "一、划分原则\n\n二、各校学区（已核对）"
		mi(o.ProofItem(ctx, reviewer, id, 0, "正文第二段补充说明", ops.ProofEdits{Body: &body}))
		// the same person twice is refused, whatever their role
		if _, err := o.ReviewItem(ctx, reviewer, id, 0, catalog.Pass, ""); !strings.Contains(errs.Message(err), "同一人不能审核两次") {
			t.Errorf("one person reviewed twice: %v", err)
		}
		mi(o.ReviewItem(ctx, deputy, id, 0, catalog.Pass, "同意"))
		mi(o.ProofItem(ctx, deputy, id, 0, "未发现问题。", ops.ProofEdits{}))
		if _, err := o.ReviewItem(ctx, f.bClerk, id, 0, catalog.Pass, ""); errs.KindOf(err) != errs.NotFound {
			t.Errorf("another agency's clerk reviewed: %v", err)
		}
		if _, err := o.ReviewItem(ctx, deputy, id, 0, catalog.Pass, ""); !strings.Contains(errs.Message(err), "同一人不能审核两次") {
			t.Errorf("终审 by the 复审 reviewer: %v", err)
		}
		v = mi(o.ReviewItem(ctx, f.head, id, 0, catalog.Pass, ""))
		if v.Item.State != catalog.Approved || v.Item.Body != body {
			t.Fatalf("after 终审: %s %q", v.Item.State, v.Item.Body)
		}
		hits, _, err := s.PublicItems(ctx, store.PublicQuery{Q: search.Parse("学区")})
		if err != nil || len(hits) != 0 {
			t.Fatalf("an unpublished item is searchable: %v %v", hits, err)
		}
		v = mi(o.PublishItem(ctx, f.clerk, id, 0))
		if v.Item.State != catalog.Published || *v.Item.PublishedOn != D("2026-03-02") || v.Time.Late {
			t.Errorf("published: %+v %+v", v.Item, v.Time)
		}
		for _, q := range []string{"学区", "招生", "学区划分", "学", "义务 学区"} {
			hits, n, err := s.PublicItems(ctx, store.PublicQuery{Q: search.Parse(q)})
			if err != nil || n != 1 || hits[0].ID != id || hits[0].AgencyName != f.a.Name {
				t.Errorf("search %q: %d %v %v", q, n, hits, err)
			}
		}
		if _, n, _ := s.PublicItems(ctx, store.PublicQuery{Q: search.Parse("预算")}); n != 0 {
			t.Errorf("search 预算 found %d", n)
		}
		var n int
		if err := s.DB().QueryRow(`SELECT count(*) FROM audit_log WHERE action LIKE 'catalog.%'`).Scan(&n); err != nil || n != 10 { // create, edit, submit, 3 proofs, 3 reviews, publish
			t.Errorf("audit entries: %d %v", n, err)
		}
		if _, err := o.WithdrawItem(ctx, f.clerk, id, 0, "内容有误"); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("a clerk withdrew: %v", err)
		}
		mi(o.WithdrawItem(ctx, f.head, id, 0, "内容有误"))
		if _, n, _ := s.PublicItems(ctx, store.PublicQuery{Q: search.Parse("学区")}); n != 0 {
			t.Error("a withdrawn item is still found")
		}
	})
}

// itemMust fails the test on an operation's error and returns its view.
func itemMust(t *testing.T) func(*ops.ItemView, error) *ops.ItemView {
	return func(v *ops.ItemView, err error) *ops.ItemView {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// An open error finding blocks a review's pass; a return to draft starts a
// new round; an approved item is sent back by the head.
func TestCatalogPublishRefusedOnErrors(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-03-02")
		mi, mr := itemMust(t), reportMust(t)
		_, _ = mi, mr
		reviewer := ops.Principal{UserID: 7, AgencyID: f.a.ID, Name: "王审核", Role: casework.Clerk, Via: "web"}
		deputy := ops.Principal{UserID: 8, AgencyID: f.a.ID, Name: "陈分管", Role: casework.Approver, Via: "web"}
		v := mi(o.CreateItem(ctx, f.clerk, catalog.Item{Title: "获奖学生名单", Summary: "公布获奖学生名单。", FormedOn: D("2026-03-02"),
			Body: "张三，身份证号码11010519491231002X。", Checklist: checklist()}))
		id := v.Item.ID
		if v.Errors != 1 || v.Findings[0].Rule != "SEC.IDNUM" || strings.Contains(v.Findings[0].Message, "19491231") {
			t.Fatalf("findings %v", v.Findings)
		}
		mi(o.SubmitItem(ctx, f.clerk, id, 0))
		mi(o.ProofItem(ctx, f.clerk, id, 0, "未发现问题", ops.ProofEdits{}))
		// a pass could only end where publication refuses it: refused
		if _, err := o.ReviewItem(ctx, reviewer, id, 0, catalog.Pass, ""); errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), "身份证号码") {
			t.Errorf("a pass with an ID number: %v", err)
		}
		mi(o.ReviewItem(ctx, reviewer, id, 0, catalog.Return, "请删除身份证号码"))
		v = mi(o.Item(ctx, f.clerk, id))
		if v.Item.State != catalog.Draft || v.Item.Cycle != 2 {
			t.Fatalf("returned: %s round %d", v.Item.State, v.Item.Cycle)
		}
		mi(o.UpdateItem(ctx, f.clerk, id, v.Version, func(it *catalog.Item) { it.Body = "获奖学生名单见附件。" }))
		mi(o.SubmitItem(ctx, f.clerk, id, 0))
		for _, p := range []ops.Principal{reviewer, deputy, f.head} {
			mi(o.ProofItem(ctx, f.clerk, id, 0, "校对", ops.ProofEdits{}))
			mi(o.ReviewItem(ctx, p, id, 0, catalog.Pass, ""))
		}
		// approved, not published: only the head sends it back
		if v = mi(o.Item(ctx, f.head, id)); !v.CanReturn || mi(o.Item(ctx, reviewer, id)).CanReturn {
			t.Error("who may send an approved item back")
		}
		if _, err := o.ReviewItem(ctx, reviewer, id, 0, catalog.Return, "再改改"); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("a clerk sends an approved item back: %v", err)
		}
		v = mi(o.ReviewItem(ctx, f.head, id, 0, catalog.Return, "名单有误，请核对"))
		if v.Item.State != catalog.Draft || v.Item.Cycle != 3 {
			t.Errorf("sent back from approved: %s round %d", v.Item.State, v.Item.Cycle)
		}
	})
}

// The report generated from the records: 表二 (一) from the normative
// documents, section 一 from the year's items; a saved report whose
// numbers differ gets REC.MISMATCH; versions, approval, publication into
// the catalog with its files, and a correction with its reason.
func TestReportFromRecordsAndVersions(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-03-02")
		mi, mr := itemMust(t), reportMust(t)
		_, _ = mi, mr
		rep := D("2025-06-30")
		for _, d := range []catalog.Document{
			{Kind: catalog.Normative, Title: "甲办法", DocNo: "示教〔2024〕1号", IssuedOn: D("2024-05-01"), RepealedOn: &rep},
			{Kind: catalog.Normative, Title: "乙办法", DocNo: "示教〔2025〕2号", IssuedOn: D("2025-02-01")},
			{Kind: catalog.Rule, Title: "丙规定", DocNo: "示教〔2025〕3号", IssuedOn: D("2025-03-01")},
		} {
			if _, err := o.SaveDocument(ctx, f.clerk, d, ""); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := o.SaveDocument(ctx, f.clerk, catalog.Document{Kind: catalog.Rule, Title: "重复", DocNo: "示教〔2025〕3号", IssuedOn: D("2025-03-01")}, ""); errs.Fields(err)["doc_no"] == "" {
			t.Errorf("a duplicate 文号 was saved: %v", err)
		}
		r, _, err := o.Generate(ctx, f.a, 2025)
		if err != nil {
			t.Fatal(err)
		}
		p := &r.Proactive
		got := []int64{p.Cell("rules.issued").Val(), p.Cell("rules.in_force").Val(), p.Cell("normative_documents.issued").Val(),
			p.Cell("normative_documents.repealed").Val(), p.Cell("normative_documents.in_force").Val()}
		if want := []int64{1, 1, 1, 1, 1}; !equal(got, want) {
			t.Errorf("表二 (一) %v, want %v", got, want)
		}
		if !strings.Contains(r.Sections["1"], "本年制发规章 1 件、行政规范性文件 1 件，废止 1 件，现行有效 2 件") {
			t.Errorf("section 一:\n%s", r.Sections["1"])
		}
		if report.Check(r, nil); countErrors(r) > 0 {
			t.Errorf("the generated report has errors: %v", r.Findings)
		}
		// the clerk saves a report typing 3 where the records count 1
		ed := ops.ReportEdits{Sections: r.Sections, Cells: map[string]string{"proactive.rules.issued": "3"}}
		v, err := o.SaveReport(ctx, f.clerk, 2025, ed)
		if err != nil {
			t.Fatal(err)
		}
		var mm []report.Finding
		for _, x := range v.Findings {
			if x.Rule == "REC.MISMATCH" {
				mm = append(mm, x)
			}
		}
		if len(mm) != 1 || mm[0].Cell != "proactive.rules.issued" || !strings.Contains(mm[0].Message, "报告为 3，记录为 1") {
			t.Errorf("REC.MISMATCH: %v", mm)
		}
		if v.Status.State != report.StateChecked || v.Status.Version != 1 {
			t.Errorf("saved: %s v%d", v.Status.State, v.Status.Version)
		}
		if _, err := o.PublishReport(ctx, f.clerk, 2025, 1); errs.KindOf(err) != errs.Conflict {
			t.Errorf("published before approval: %v", err)
		}
		if _, err := o.ApproveReport(ctx, f.clerk, 2025, 1); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("a clerk approved: %v", err)
		}
		mr(o.ApproveReport(ctx, f.head, 2025, 1))
		v = mr(o.PublishReport(ctx, f.clerk, 2025, 1))
		if v.Status.State != report.StatePublished || v.Status.ItemID == 0 {
			t.Fatalf("publish: %+v", v.Status)
		}
		// a county department publishes by 31 January (Art. 49); 2 March is late
		if !v.PublishedLate || v.Due != D("2026-01-31") {
			t.Errorf("published 2026-03-02, due %s, late=%v", v.Due, v.PublishedLate)
		}
		item, err := o.PublicItem(ctx, v.Status.ItemID)
		if err != nil || item.Item.Column != catalog.ReportColumn || len(item.Files) != 2 {
			t.Fatalf("the published report: %+v %v", item, err)
		}
		// a correction after publication needs its reason and is a new version;
		// refused, the view holds what was typed
		ed.Cells["proactive.rules.issued"] = "1"
		ed.Base = 1
		refused, err := o.SaveReport(ctx, f.clerk, 2025, ed)
		if errs.Fields(err)["reason"] == "" {
			t.Errorf("a correction without a reason: %v", err)
		}
		if refused == nil || refused.Unsaved == nil || refused.Report.Proactive.Cell("rules.issued") != report.N(1) {
			t.Errorf("the refused correction is not shown as typed: %+v", refused)
		}
		if got := mr(o.Report(ctx, f.clerk, f.a.ID, 2025)); got.Status.Version != 1 || got.Report.Proactive.Cell("rules.issued") != report.N(3) {
			t.Errorf("the refused correction was saved: v%d", got.Status.Version)
		}
		ed.Reason = "规章制发件数录入有误"
		v = mr(o.SaveReport(ctx, f.clerk, 2025, ed))
		if v.Status.Version != 2 || v.Status.State != report.StateChecked || v.Status.Reason != ed.Reason {
			t.Errorf("correction: %+v", v.Status)
		}
		changes, err := o.ReportDiff(ctx, f.super, f.a.ID, 2025, 1, 2)
		if err != nil || len(changes) != 1 || changes[0].From != "3" || changes[0].To != "1" || !strings.Contains(changes[0].Where, "规章") {
			t.Errorf("diff: %+v %v", changes, err)
		}
		// the head's page still showed version 1: approving it would approve
		// a text the head has not read
		_, err = o.ApproveReport(ctx, f.head, 2025, 1)
		if errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Readable(err), "现为第 2 版") {
			t.Errorf("approved version 2 from a page of version 1: %v", err)
		}
		if got := mr(o.Report(ctx, f.head, f.a.ID, 2025)); got.Status.State != report.StateChecked {
			t.Errorf("after the refused approval: %s", got.Status.State)
		}
		mr(o.ApproveReport(ctx, f.head, 2025, 2))
		v = mr(o.PublishReport(ctx, f.clerk, 2025, 2))
		again, _ := o.PublicItem(ctx, v.Status.ItemID)
		if v.Status.ItemID != item.Item.ID || !strings.Contains(again.Item.Reason, "规章制发件数录入有误") || len(again.Files) != 2 {
			t.Errorf("republished: %+v", again.Item)
		}
	})
}

func reportMust(t *testing.T) func(*ops.ReportView, error) *ops.ReportView {
	return func(v *ops.ReportView, err error) *ops.ReportView {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func countErrors(r *report.Report) int {
	e, _, _ := r.Counts()
	return e
}

func equal(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A ledger of normative documents lands whole with one audit entry, or not
// at all; importing it again changes nothing; a ledger that gained a 废止日期
// updates the document (keeping what its columns do not say); 表二 (一)
// counts what was imported.
func TestImportDocuments(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-03-02")
		ledger := "文件名称,文号,类型,印发日期,废止日期\n甲办法,示教〔2024〕1号,行政规范性文件,2024-05-01,\n乙规定,示政令〔2025〕2号,规章,2025年2月1日,\n"
		req := func(data string, commit bool) ops.ImportRequest {
			return ops.ImportRequest{Kind: ops.ImportDocuments, Name: "规范性文件.csv", Data: []byte(data), Commit: commit}
		}
		// a bad row: nothing is written
		before := f.audits()
		res, err := o.Import(ctx, f.clerk, f.a.ID, req(ledger+"丙办法,示教〔2025〕3号,通知,2025-03-01,\n", true))
		if err != nil || res.Committed || len(res.Bad) != 1 || res.Bad[0].Column != "C" {
			t.Fatalf("bad ledger: %+v %v", res, err)
		}
		if ds, _ := s.Documents(ctx, f.a.ID); len(ds) != 0 || f.audits() != before {
			t.Fatalf("a refused ledger wrote %d documents", len(ds))
		}
		// a document recorded by hand, with a note the ledger has no column for
		if _, err := o.SaveDocument(ctx, f.clerk, catalog.Document{Kind: catalog.Normative, Title: "甲办法", DocNo: "示教〔2024〕1号", IssuedOn: D("2024-05-01"), Note: "经合法性审核"}, ""); err != nil {
			t.Fatal(err)
		}
		res, err = o.Import(ctx, f.clerk, f.a.ID, req(ledger, true))
		if err != nil || !res.Committed || res.Imported != 1 || res.Skipped != 1 || res.Updated != 0 || f.audits() != before+2 {
			t.Fatalf("import: %+v %v (audits %d → %d)", res, err, before, f.audits())
		}
		res, _ = o.Import(ctx, f.clerk, f.a.ID, req(ledger, true))
		if res.Imported != 0 || res.Skipped != 2 {
			t.Errorf("again: %+v", res)
		}
		// the same ledger with the 文号 typed with other brackets and digits
		// names the same documents
		res, _ = o.Import(ctx, f.clerk, f.a.ID, req(strings.NewReplacer("〔2024〕", "[2024]", "〔2025〕", "（２０２５）").Replace(ledger), true))
		if res.Imported != 0 || res.Skipped != 2 {
			t.Errorf("other brackets: %+v", res)
		}
		// one recorded before 文号 were written one way is the same too,
		// and is then written the standard way
		if _, err := s.DB().ExecContext(ctx, `UPDATE normative_docs SET doc_no = '示政令[2025]2号' WHERE doc_no = '示政令〔2025〕2号'`); err != nil {
			t.Fatal(err)
		}
		res, _ = o.Import(ctx, f.clerk, f.a.ID, req(ledger, true))
		if res.Imported != 0 || res.Updated != 1 || res.Skipped != 1 {
			t.Errorf("a legacy 文号: %+v", res)
		}
		// the ledger now says 甲办法 was repealed
		res, err = o.Import(ctx, f.clerk, f.a.ID, req(strings.Replace(ledger, "2024-05-01,", "2024-05-01,2025-06-30", 1), true))
		if err != nil || res.Updated != 1 || res.Skipped != 1 {
			t.Fatalf("update: %+v %v", res, err)
		}
		ds, _ := s.Documents(ctx, f.a.ID)
		for _, d := range ds {
			if d.DocNo == "示教〔2024〕1号" && (d.RepealedOn == nil || d.RepealedOn.String() != "2025-06-30" || d.Note != "经合法性审核") {
				t.Errorf("updated: %+v", d)
			}
		}
		r, _, err := o.Generate(ctx, f.a, 2025)
		if err != nil {
			t.Fatal(err)
		}
		p := &r.Proactive
		got := []int64{p.Cell("rules.issued").Val(), p.Cell("normative_documents.repealed").Val(), p.Cell("normative_documents.in_force").Val()}
		if want := []int64{1, 1, 0}; !equal(got, want) {
			t.Errorf("表二 (一) %v, want %v", got, want)
		}
		// only the agency's own staff import; a wrong kind is refused by name
		if _, err := o.Import(ctx, f.super, f.a.ID, req(ledger, true)); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("a supervisor imported: %v", err)
		}
		bad := req(ledger, true)
		bad.Category = "notice"
		if _, err := o.Import(ctx, f.clerk, f.a.ID, bad); errs.Fields(err)["kind"] == "" {
			t.Errorf("category notice: %v", err)
		}
	})
}

// The checks read an item's files as well as its text: an identity number
// in an attached Word document blocks publication as one in the body does;
// a scan is said to be unchecked; the file is taken off the draft (with the
// page's version) and its covered copy (区分处理) passes. Files are added and
// taken off only in a draft: what is reviewed is what is published.
func TestCatalogFilesChecked(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-03-02")
		mi := itemMust(t)
		reviewer := ops.Principal{UserID: 7, AgencyID: f.a.ID, Name: "王审核", Role: casework.Clerk, Via: "web"}
		deputy := ops.Principal{UserID: 8, AgencyID: f.a.ID, Name: "陈分管", Role: casework.Approver, Via: "web"}
		v := mi(o.CreateItem(ctx, f.clerk, catalog.Item{Title: "行政处罚决定书", Summary: "对某公司违法行为的处罚决定。", FormedOn: D("2026-03-02"),
			Body: "处罚决定书见附件。", Checklist: checklist()}))
		id := v.Item.ID
		decision := testdoc.Docx(t, testdoc.Paragraph("当事人：王某，身份证号码11010519491231002X，联系电话13912345678。"))
		mi(o.AttachItemFile(ctx, f.clerk, id, "处罚决定书.docx", decision))
		v = mi(o.AttachItemFile(ctx, f.clerk, id, "扫描件.png", []byte("\x89PNG\r\n\x1a\nnot a picture")))
		rules := map[string]string{}
		for _, x := range v.Findings {
			rules[x.Rule] = x.Message
		}
		if v.Errors != 1 || !strings.Contains(rules["SEC.IDNUM"], "附件“处罚决定书.docx”") || strings.Contains(rules["SEC.IDNUM"], "19491231") ||
			!strings.Contains(rules["SEC.IDNUM"], "区分处理") || rules["SEC.PHONE"] == "" || !strings.Contains(rules["SEC.UNREAD"], "扫描件.png") {
			t.Fatalf("findings %v", v.Findings)
		}
		// in review: no file added, no pass while the error stands
		mi(o.SubmitItem(ctx, f.clerk, id, 0))
		if _, err := o.AttachItemFile(ctx, f.clerk, id, "补充.txt", []byte("补充")); errs.KindOf(err) != errs.Conflict {
			t.Errorf("a file added in review: %v", err)
		}
		mi(o.ProofItem(ctx, f.clerk, id, 0, "校对", ops.ProofEdits{}))
		if _, err := o.ReviewItem(ctx, reviewer, id, 0, catalog.Pass, ""); errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), "处罚决定书.docx") {
			t.Errorf("a pass with an identity number in a file: %v", err)
		}
		v = mi(o.ReviewItem(ctx, reviewer, id, 0, catalog.Return, "附件中有身份证号码"))
		// back in the draft: the file off (with the page's version), its covered copy on
		if _, err := o.RemoveItemFile(ctx, f.clerk, id, 0, v.Files[0].ID); errs.KindOf(err) != errs.Invalid {
			t.Errorf("taken off without the page's version: %v", err)
		}
		v = mi(o.RemoveItemFile(ctx, f.clerk, id, v.Version, v.Files[0].ID))
		if len(v.Files) != 1 || v.Errors != 0 {
			t.Fatalf("after taking it off: %+v %v", v.Files, v.Findings)
		}
		v, res, err := o.AttachItemFileRedacted(ctx, f.clerk, id, "处罚决定书.docx", decision, redact.Options{IDNumbers: true, Mobiles: true, Terms: []string{"王某"}})
		if err != nil {
			t.Fatal(err)
		}
		if v.Errors != 0 || res.Total() != 3 || v.Files[1].Name != "处罚决定书（区分处理）.docx" || !strings.HasPrefix(v.Files[1].Note, "区分处理：已遮盖") {
			t.Fatalf("the covered copy: %+v %v", v.Files, v.Findings)
		}
		for _, x := range v.Findings {
			if x.Rule == "SEC.PHONE" {
				t.Errorf("the covered copy still has a mobile number: %s", x.Message)
			}
		}
		mi(o.SubmitItem(ctx, f.clerk, id, 0))
		for _, p := range []ops.Principal{reviewer, deputy, f.head} {
			mi(o.ProofItem(ctx, f.clerk, id, 0, "校对", ops.ProofEdits{}))
			mi(o.ReviewItem(ctx, p, id, 0, catalog.Pass, ""))
		}
		if _, err := o.RemoveItemFile(ctx, f.clerk, id, mi(o.Item(ctx, f.clerk, id)).Version, v.Files[1].ID); errs.KindOf(err) != errs.Conflict {
			t.Errorf("a file taken off an approved item: %v", err)
		}
		v = mi(o.PublishItem(ctx, f.clerk, id, 0))
		if v.Item.State != catalog.Published {
			t.Errorf("not published: %s", v.Item.State)
		}
		// the public search finds it by what its file says (当事人 is in no field of the item)
		if hits, n, err := s.PublicItems(ctx, store.PublicQuery{Q: search.Parse("当事人")}); err != nil || n != 1 || hits[0].ID != id {
			t.Errorf("search by the file's text: %d %v %v", n, hits, err)
		}
	})
}

// Files kept before files were read on upload are not said to be unread
// (nothing changed for them by the upgrade) until ReadFiles reads them:
// then the checks read them as new ones, scans are said unchecked, each
// agency's log has one entry, and a second run has nothing to do.
func TestReadFilesOfBefore(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-03-02")
		mi := itemMust(t)
		v := mi(o.CreateItem(ctx, f.clerk, catalog.Item{Title: "处罚决定", Summary: "处罚决定书。", FormedOn: D("2026-03-02"), Body: "见附件。", Checklist: checklist()}))
		id := v.Item.ID
		mi(o.AttachItemFile(ctx, f.clerk, id, "决定书.docx", testdoc.Docx(t, testdoc.Paragraph("身份证号码11010519491231002X"))))
		mi(o.AttachItemFile(ctx, f.clerk, id, "扫描件.png", []byte("\x89PNG\r\n\x1a\nx")))
		if _, err := s.DB().ExecContext(ctx, `UPDATE catalog_files SET text = NULL, text_state = ''`); err != nil {
			t.Fatal(err)
		}
		if v = mi(o.Item(ctx, f.clerk, id)); len(v.Findings) != 0 {
			t.Errorf("files of before said: %v", v.Findings)
		}
		before := f.audits()
		n, err := o.ReadFiles(ctx, ops.Principal{Name: "管理员（命令行）", Via: "cli"}, nil)
		if err != nil || n != (ops.FilesRead{Read: 1, None: 1}) {
			t.Fatalf("read %+v %v", n, err)
		}
		rules := map[string]bool{}
		for _, x := range mi(o.Item(ctx, f.clerk, id)).Findings {
			rules[x.Rule] = true
		}
		if !rules["SEC.IDNUM"] || !rules["SEC.UNREAD"] {
			t.Errorf("after reading: %v", rules)
		}
		if f.audits() != before+1 {
			t.Errorf("%d audit entries for one agency's files", f.audits()-before)
		}
		if n, err := o.ReadFiles(ctx, ops.Principal{Name: "管理员（命令行）", Via: "cli"}, nil); err != nil || n != (ops.FilesRead{}) {
			t.Errorf("second run: %+v %v", n, err)
		}
	})
}

// Two people edit the agency's report from the same version: the second save
// is not written over the first unseen. It is refused, and its view holds
// the first save with the second person's changes carried onto it, naming
// the field both changed; saved again from that view, both changes stand.
func TestTwoEditorsOfOneReport(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-03-02")
		mr := reportMust(t)
		first := mr(o.SaveReport(ctx, f.clerk, 2025, ops.ReportEdits{Sections: map[string]string{"1": "概况。", "5": "问题。", "6": "本年度未收取信息处理费。"}}))
		if first.Status.Version != 1 {
			t.Fatalf("first save: v%d", first.Status.Version)
		}
		// both open version 1; the clerk saves first
		mr(o.SaveReport(ctx, f.clerk, 2025, ops.ReportEdits{Base: 1, Sections: map[string]string{"1": "概况，办理人改写。", "5": "问题。", "6": "本年度未收取信息处理费。"},
			Cells: map[string]string{"proactive.rules.issued": "2"}}))
		// the head, from version 1
		headEd := ops.ReportEdits{Base: 1, Sections: map[string]string{"1": "概况。", "5": "问题，负责人补充。", "6": "本年度未收取信息处理费。"},
			Cells: map[string]string{"proactive.rules.issued": "3", "proactive.penalty.decisions": "4"}}
		v, err := o.SaveReport(ctx, f.head, 2025, headEd)
		if errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Readable(err), "张办理又保存了报告（现为第 2 版）") || !strings.Contains(errs.Readable(err), "1 处双方都改了") {
			t.Fatalf("the second save from version 1: %v", err)
		}
		if got := mr(o.Report(ctx, f.head, f.a.ID, 2025)); got.Status.Version != 2 || got.Report.Sections["5"] != "问题。" {
			t.Fatalf("the refused save was written: v%d %q", got.Status.Version, got.Report.Sections["5"])
		}
		u := v.Unsaved
		if u == nil || u.By != "张办理" || len(u.Conflicts) != 1 || u.Conflicts[0].Cell != "proactive.rules.issued" || u.Conflicts[0].From != "2" || u.Conflicts[0].To != "3" {
			t.Fatalf("the conflicts: %+v", u)
		}
		if len(u.Taken) != 1 || u.Taken[0].Cell != "sections.1" {
			t.Errorf("the other's changes kept: %+v", u.Taken)
		}
		r := v.Report
		if r.Sections["1"] != "概况，办理人改写。" || r.Sections["5"] != "问题，负责人补充。" || r.Proactive.Cell("rules.issued") != report.N(3) || r.Proactive.Cell("penalty.decisions") != report.N(4) {
			t.Errorf("the view: %q %v %v", r.Sections, r.Proactive.Cell("rules.issued"), r.Proactive.Cell("penalty.decisions"))
		}
		// the head reads it and saves what the page now holds, from version 2
		again := ops.ReportEdits{Base: v.Status.Version, Sections: map[string]string{"1": r.Sections["1"], "5": r.Sections["5"], "6": r.Sections["6"]},
			Cells: map[string]string{"proactive.rules.issued": "3", "proactive.penalty.decisions": "4"}}
		saved := mr(o.SaveReport(ctx, f.head, 2025, again))
		if saved.Status.Version != 3 || saved.Report.Sections["1"] != "概况，办理人改写。" || saved.Report.Sections["5"] != "问题，负责人补充。" {
			t.Errorf("saved from the merged view: v%d %q", saved.Status.Version, saved.Report.Sections)
		}
		// a form opened before the first save, sent after it: the same
		late, err := o.SaveReport(ctx, f.clerk, 2025, ops.ReportEdits{Sections: map[string]string{"6": "本年度收取信息处理费 0 元。"}})
		if errs.KindOf(err) != errs.Conflict || late == nil || late.Report.Sections["6"] != "本年度收取信息处理费 0 元。" || late.Report.Sections["5"] != "问题，负责人补充。" {
			t.Errorf("a save from a form opened before the first save: %v", err)
		}
	})
}
