package ops_test

import (
	"strings"
	"testing"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/redact"
	"gongkai/internal/store"
	"gongkai/internal/storetest"
)

// A file uploaded to the wrong application is taken out with a reason by
// those who act on it: its content is erased, its line stays with who, when
// and why, audited; it is not among the 案卷's files. The applicant's online
// 补正 file stays, and so does everything of a filed case.
func TestRemoveAttachment(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		c := f.register("2026-03-02", "王某")
		o := f.on("2026-03-03")
		wrong, err := o.Attach(ctx, f.clerk, c.ID, "李某身份证.txt", []byte("李某 110105…"))
		if err != nil {
			t.Fatal(err)
		}
		kept, err := o.Attach(ctx, f.clerk, c.ID, "检索记录.txt", []byte("已检索"))
		if err != nil {
			t.Fatal(err)
		}
		before := f.audits()
		for _, r := range []struct {
			name   string
			by     func() error
			kind   errs.Kind
			inForm bool
		}{
			{"no reason", func() error { return o.RemoveAttachment(ctx, f.clerk, c.ID, wrong.ID, "  ") }, errs.Invalid, true},
			{"a reason too long", func() error { return o.RemoveAttachment(ctx, f.clerk, c.ID, wrong.ID, strings.Repeat("误", 201)) }, errs.Invalid, true},
			{"a supervisor", func() error { return o.RemoveAttachment(ctx, f.super, c.ID, wrong.ID, "误传") }, errs.Forbidden, false},
			{"another agency", func() error { return o.RemoveAttachment(ctx, f.bClerk, c.ID, wrong.ID, "误传") }, errs.NotFound, false},
			{"no such file", func() error { return o.RemoveAttachment(ctx, f.clerk, c.ID, wrong.ID+100, "误传") }, errs.NotFound, false},
		} {
			err := r.by()
			if errs.KindOf(err) != r.kind || r.inForm && errs.Fields(err)["reason"] == "" {
				t.Errorf("%s: %v", r.name, err)
			}
		}
		if f.audits() != before {
			t.Fatal("a refusal was audited")
		}
		if err := o.RemoveAttachment(ctx, f.head, c.ID, wrong.ID, "误传了其他申请的材料"); err != nil {
			t.Fatal(err)
		}
		if f.audits() != before+1 {
			t.Errorf("%d audit lines, want one", f.audits()-before)
		}
		if _, _, err := o.Attachment(ctx, f.clerk, c.ID, wrong.ID); errs.KindOf(err) != errs.NotFound {
			t.Errorf("a removed file is still served: %v", err)
		}
		if _, data, err := o.Attachment(ctx, f.clerk, c.ID, kept.ID); err != nil || string(data) != "已检索" {
			t.Errorf("the other file: %q %v", data, err)
		}
		v, err := o.Case(ctx, f.clerk, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(v.Files) != 2 || v.Files[0].RemovedAt == nil || v.Files[0].RemovedBy != "李主任" || v.Files[0].RemovedReason != "误传了其他申请的材料" || v.Files[1].RemovedAt != nil {
			t.Errorf("the case's files: %+v", v.Files)
		}
		var data []byte
		if err := s.DB().QueryRowContext(ctx, `SELECT data FROM attachments WHERE id = $1`, wrong.ID).Scan(&data); err != nil || len(data) != 0 {
			t.Errorf("the content is kept: %q %v", data, err)
		}
		if err := o.RemoveAttachment(ctx, f.clerk, c.ID, wrong.ID, "误传"); errs.KindOf(err) != errs.Conflict {
			t.Errorf("removed twice: %v", err)
		}
		// the applicant's file, sent with an online 补正, stays
		f.steps(c.ID, stepAt{"2026-03-03", f.clerk, casework.Step{Kind: casework.KindRequestCorrection, Note: "请明确年份"}})
		if err := o.SubmitCorrection(ctx, c.Code, "2025年的", "补正.txt", []byte("2025年")); err != nil {
			t.Fatal(err)
		}
		if v, err = o.Case(ctx, f.clerk, c.ID); err != nil || len(v.Corrections) != 1 {
			t.Fatal(v, err)
		}
		if err := o.RemoveAttachment(ctx, f.head, c.ID, v.Corrections[0].AttachmentID, "误传"); errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), "申请人在线补正") {
			t.Errorf("the applicant's file: %v", err)
		}
		// a filed case's 案卷 is closed
		f.steps(c.ID, stepAt{"2026-03-04", f.clerk, casework.Step{Kind: casework.KindCorrectionReceived}})
		f.decide(c.ID, "2026-03-05")
		ag := *f.a
		ag.ArchivePattern = "WS·｛年｝-｛件号：4｝"
		if err := o.UpdateAgency(ctx, f.admin, &ag, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := f.on("2026-03-06").FileCases(ctx, f.clerk, []int64{c.ID}); err != nil {
			t.Fatal(err)
		}
		if err := o.RemoveAttachment(ctx, f.head, c.ID, kept.ID, "误传"); errs.KindOf(err) != errs.Conflict || !strings.Contains(errs.Message(err), "已归档") {
			t.Errorf("a filed case's file: %v", err)
		}
	})
}

// 区分处理 keeps the covered copy only, with its note, on both engines; a
// supervisor may not add one, and a refused file leaves nothing behind.
func TestAttachRedacted(t *testing.T) {
	storetest.Both(t, func(t *testing.T, s *store.Store) {
		f := newFx(t, s)
		c := f.register("2026-03-02", "王某")
		o := f.on("2026-03-03")
		opt := redact.Options{Mobiles: true, Terms: []string{"李某"}}
		a, res, err := o.AttachRedacted(ctx, f.clerk, c.ID, `C:\材料\李某来信.txt`, []byte("李某，电话 13912345678。"), opt)
		if err != nil {
			t.Fatal(err)
		}
		if a.Name != "李某来信（区分处理）.txt" || res.Total() != 2 || a.Note != "区分处理：已遮盖手机号码 1 处、指定文字 1 处" {
			t.Errorf("kept %+v, %+v", a, res)
		}
		files, err := s.Attachments(ctx, c.ID)
		if err != nil || len(files) != 1 || files[0].Note != a.Note {
			t.Fatalf("stored %+v %v", files, err)
		}
		_, data, err := s.AttachmentData(ctx, c.ID, a.ID)
		if err != nil || string(data) != redact.Mark+"，电话 "+redact.Mark+"。" {
			t.Errorf("content %q %v", data, err)
		}
		if _, _, err := o.AttachRedacted(ctx, f.super, c.ID, "a.txt", []byte("李某"), opt); errs.KindOf(err) != errs.Forbidden {
			t.Errorf("a supervisor: %v", err)
		}
		if _, _, err := o.AttachRedacted(ctx, f.clerk, c.ID, "a.pdf", []byte("%PDF-1.7 李某"), opt); errs.KindOf(err) != errs.Invalid {
			t.Errorf("a PDF: %v", err)
		}
		if files, _ := s.Attachments(ctx, c.ID); len(files) != 1 {
			t.Errorf("refused files kept: %d", len(files))
		}
	})
}
