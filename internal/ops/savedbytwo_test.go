package ops_test

import (
	"strings"
	"testing"

	"gongkai/internal/catalog"
	"gongkai/internal/errs"
	"gongkai/internal/newmedia"
	"gongkai/internal/ops"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// Two people on one normative document: a save from a form opened before
// another's is refused (Conflict) naming how the document differs from what
// was typed, nothing written; the same change saved twice is no conflict;
// an edit that names no catalog item keeps the one the document is linked
// to; each save is audited with what it changed.
func TestDocumentSavedByTwo(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-04-10")
		v, err := o.CreateItem(ctx, f.clerk, catalog.Item{Title: "甲办法", Summary: "印发甲办法。", FormedOn: D("2026-02-01"), Body: "全文。", Category: "11", Column: "规范性文件"})
		if err != nil {
			t.Fatal(err)
		}
		item := v.Item.ID
		d, err := o.SaveDocument(ctx, f.clerk, catalog.Document{Kind: catalog.Normative, Title: "甲办法", DocNo: "示教〔2026〕1号", IssuedOn: D("2026-02-01"), ItemID: &item}, "")
		if err != nil {
			t.Fatal(err)
		}
		opened := d.Fingerprint()
		edit := func(change func(*catalog.Document)) catalog.Document {
			x := *d
			x.ItemID = nil // the back office's form does not carry it
			change(&x)
			return x
		}
		repealed := D("2026-04-01")
		first, err := o.SaveDocument(ctx, f.head, edit(func(x *catalog.Document) { x.RepealedOn = &repealed }), opened)
		if err != nil || first.ItemID == nil || *first.ItemID != item {
			t.Fatalf("first save: %v %+v", err, first)
		}
		before := f.audits()
		_, err = o.SaveDocument(ctx, f.clerk, edit(func(x *catalog.Document) { x.Title = "甲管理办法" }), opened)
		if errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), "文件名称 甲办法 → 甲管理办法；废止日期 2026-04-01 → （空）") {
			t.Fatalf("a save over another's: %v", err)
		}
		if stored, _ := s.Document(ctx, f.a.ID, d.ID); stored.RepealedOn == nil || stored.Title != "甲办法" || f.audits() != before {
			t.Fatalf("written over: %+v", stored)
		}
		if _, err := o.SaveDocument(ctx, f.clerk, edit(func(x *catalog.Document) { x.RepealedOn = &repealed }), opened); err != nil || f.audits() != before {
			t.Errorf("the same change twice: %v", err)
		}
		if _, err := o.SaveDocument(ctx, f.clerk, edit(func(x *catalog.Document) { x.RepealedOn, x.Title = &repealed, "甲管理办法" }), first.Fingerprint()); err != nil {
			t.Fatal(err)
		}
		rows, _, err := o.Audit(ctx, f.super, ops.AuditQuery{Action: "normative.record", Limit: 10})
		if err != nil || len(rows) != 3 || !strings.Contains(rows[0].Detail, "文件名称 甲办法 → 甲管理办法") || !strings.Contains(rows[1].Detail, "废止日期 （空） → 2026-04-01") {
			t.Errorf("audit: %v %+v", err, rows)
		}
		// another agency's document is not found
		if _, err := o.SaveDocument(ctx, f.bClerk, edit(func(*catalog.Document) {}), ""); errs.KindOf(err) != errs.NotFound {
			t.Errorf("another agency's document: %v", err)
		}
	})
}

// The same for a new-media account and a website column: a save from a
// form opened before another's is refused naming the difference; what
// the form does not show (the account's last post) is no change for it.
func TestAccountAndColumnSavedByTwo(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-04-10")
		a, err := o.SaveAccount(ctx, f.clerk, newmedia.Account{Platform: "weibo", Name: "示例区教育", Sponsor: "示例区教育局", State: newmedia.Running}, "")
		if err != nil {
			t.Fatal(err)
		}
		opened := a.Fingerprint()
		last := D("2026-04-09")
		if err := o.RecordPosts(ctx, f.clerk, a.ID, []newmedia.Posts{{Month: "2026-04", Count: 3, Source: "entered"}}, &last); err != nil {
			t.Fatal(err)
		}
		renamed := *a
		renamed.Sponsor = "示例区教育局办公室"
		if _, err := o.SaveAccount(ctx, f.head, renamed, opened); err != nil {
			t.Fatalf("posts recorded since are no change for the form: %v", err)
		}
		late := *a
		late.Note = "已备案"
		_, err = o.SaveAccount(ctx, f.clerk, late, opened)
		if errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), "主办单位 示例区教育局办公室 → 示例区教育局；备注 （空） → 已备案") {
			t.Fatalf("an account saved over another's: %v", err)
		}

		c, err := o.SaveColumn(ctx, f.clerk, newmedia.Column{Name: "通知公告", Kind: "dynamic"}, "")
		if err != nil {
			t.Fatal(err)
		}
		seen := c.Fingerprint()
		moved := *c
		moved.URL = "https://example.gov.cn/tzgg/"
		if _, err := o.SaveColumn(ctx, f.head, moved, seen); err != nil {
			t.Fatal(err)
		}
		renamedC := *c
		renamedC.Name = "通知公告栏"
		_, err = o.SaveColumn(ctx, f.clerk, renamedC, seen)
		if errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), "栏目名称 通知公告 → 通知公告栏；网址 https://example.gov.cn/tzgg/ → （空）") {
			t.Fatalf("a column saved over another's: %v", err)
		}
		if stored, _ := s.Column(ctx, f.a.ID, c.ID); stored.Name != "通知公告" || stored.URL == "" {
			t.Errorf("written over: %+v", stored)
		}
	})
}

// An agency's settings: a save from a form opened before another
// administrator's is refused naming the settings that differ; the same
// change twice is no conflict.
func TestAgencySavedByTwo(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-04-10")
		opened := f.a.Fingerprint()
		first := *f.a
		first.Phone = "0373-1111111"
		if err := o.UpdateAgency(ctx, f.admin, &first, opened); err != nil {
			t.Fatal(err)
		}
		late := *f.a
		late.Hours = "工作日 8:30–17:30"
		err := o.UpdateAgency(ctx, f.admin, &late, opened)
		if errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), "联系电话：0373-1111111 → ") || !strings.Contains(errs.Message(err), "办公时间：") {
			t.Fatalf("settings saved over another's: %v", err)
		}
		if stored, _ := s.GetAgency(ctx, f.a.ID); stored.Phone != "0373-1111111" || stored.Hours == "工作日 8:30–17:30" {
			t.Errorf("written over: %+v", stored)
		}
		same := *f.a
		same.Phone = "0373-1111111"
		if err := o.UpdateAgency(ctx, f.admin, &same, opened); err != nil {
			t.Errorf("the same change twice: %v", err)
		}
	})
}

// The 办理规则: a save from the page opened before another administrator's
// save is refused naming the settings that differ; nothing is written.
func TestSettingsSavedByTwo(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		o := f.on("2026-04-10")
		st, err := o.Settings(ctx)
		if err != nil {
			t.Fatal(err)
		}
		opened := st.Fingerprint()
		if _, err := o.SaveSettings(ctx, f.admin, map[string]string{"correction_period": "10"}, opened); err != nil {
			t.Fatal(err)
		}
		before := f.audits()
		_, err = o.SaveSettings(ctx, f.admin, map[string]string{"column_veto_count": "6"}, opened)
		if errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), "它已被他人修改") {
			t.Fatalf("settings saved over another's: %v", err)
		}
		if now, _ := o.Settings(ctx); now.Case.CorrectionPeriod != 10 || f.audits() != before {
			t.Errorf("written over: %d", now.Case.CorrectionPeriod)
		}
		now, _ := o.Settings(ctx)
		if _, err := o.SaveSettings(ctx, f.admin, map[string]string{"column_veto_count": "6"}, now.Fingerprint()); err != nil {
			t.Errorf("from the settings as they are now: %v", err)
		}
	})
}
