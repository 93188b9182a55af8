package web_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/demo"
	"gongkai/internal/ops"
	"gongkai/internal/redact"
	"gongkai/internal/store"
	"gongkai/internal/testdoc"
)

// 区分处理: the upload form's 遮盖后上传 keeps a covered copy of a Word
// document (named …（区分处理）.docx), says on the page and in the audit log
// what kinds were covered and how often — never the covered words — and a
// problem (a PDF) is said in the form's part, which keeps what was typed.
func TestRedactedUpload(t *testing.T) {
	t.Parallel() // its own site: the package runs alone at the end of make test
	st := demoSite(t)
	ctx := context.Background()
	c, csrf := st.login("clerk")
	id := caseIDs(st, demo.Main)[0]
	path := fmt.Sprintf("/admin/cases/%d/attachments", id)
	docx := testdoc.Docx(t, `<w:p><w:r><w:t>第三方王</w:t></w:r><w:r><w:t>小明，电话13912345678，身份证11010519491231002X。</w:t></w:r></w:p>`)
	fields := map[string]string{"csrf": csrf, "redact": "1", "redact_id": "1", "redact_mobile": "1", "terms": "王小明\n李四"}
	code, loc, _ := st.upload(c, path, fields, "答复材料.docx", docx)
	if code != http.StatusSeeOther || !strings.Contains(loc, "ok=redacted") {
		t.Fatalf("遮盖后上传: %d %s", code, loc)
	}
	files, err := st.s.Attachments(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(files, func(a casework.Attachment) bool { return a.Name == "答复材料（区分处理）.docx" })
	if i < 0 {
		t.Fatalf("no covered copy among %+v", files)
	}
	want := "区分处理：已遮盖身份证号码 1 处、手机号码 1 处、指定文字 1 处（2 项中 1 项未找到）"
	if files[i].Note != want {
		t.Errorf("note %q, want %q", files[i].Note, want)
	}
	_, data, err := st.s.AttachmentData(ctx, id, files[i].ID)
	if err != nil {
		t.Fatal(err)
	}
	body := testdoc.Parts(t, data)["word/document.xml"]
	if strings.Contains(body, "王") || strings.Contains(body, "13912345678") || strings.Contains(body, "11010519491231002X") || strings.Count(body, redact.Mark) != 3 {
		t.Errorf("the kept copy: %s", body)
	}
	if _, page := st.get(c, loc); !strings.Contains(page, "已遮盖后上传") || !strings.Contains(page, want) {
		t.Error("the case page does not say what was covered")
	}
	logged, _, _ := st.s.ListAudit(ctx, []int64{mustAgency(st, demo.Main)}, 20, 0)
	if !slices.ContainsFunc(logged, func(e store.AuditRow) bool {
		return e.Action == "case.attach" && strings.Contains(e.Detail, want) && !strings.Contains(e.Detail, "王小明")
	}) {
		t.Errorf("the audit log lacks the covering: %+v", logged[:min(3, len(logged))])
	}
	// a PDF cannot be covered: said in the form's part, what was typed kept
	fields["redact_mobile"] = ""
	code, _, page := st.upload(c, path, fields, "扫描件.pdf", []byte("%PDF-1.7 王小明"))
	if code != http.StatusUnprocessableEntity || !strings.Contains(page, "PDF 和图片上的文字无法可靠地去除") ||
		!strings.Contains(page, `<details class="redact" open>`) || !strings.Contains(page, "王小明\n李四</textarea>") ||
		strings.Contains(page, `name="redact_mobile" value="1" checked`) || !strings.Contains(page, `name="redact_id" value="1" checked`) {
		t.Errorf("a PDF to cover: %d\n%s", code, page)
	}
	// words to cover written, the plain 上传 clicked: refused, not kept uncovered
	delete(fields, "redact")
	if code, _, page := st.upload(c, path, fields, "原件.docx", docx); code != http.StatusUnprocessableEntity || !strings.Contains(page, "却点了“上传”") {
		t.Errorf("the plain button with words to cover: %d", code)
	}
	// the plain 上传 button keeps the file as it is, whatever is ticked
	fields["terms"] = ""
	if code, _, _ := st.upload(c, path, fields, "原件.docx", docx); code != http.StatusSeeOther {
		t.Fatalf("upload: %d", code)
	}
	files, _ = st.s.Attachments(ctx, id)
	last := files[len(files)-1]
	if _, data, _ = st.s.AttachmentData(ctx, id, last.ID); last.Name != "原件.docx" || last.Note != "" || !bytes.Equal(data, docx) {
		t.Errorf("the plain upload: %+v", last)
	}
}

// A catalog draft's files: one with an identity number is found by the
// checks and taken off with the page's version; its covered copy (区分处理)
// is kept with its note and passes.
func TestItemFilesCheckedAndCovered(t *testing.T) {
	t.Parallel() // its own site: the package runs alone at the end of make test
	st := demoSite(t)
	ctx := context.Background()
	ag := mustAgency(st, demo.Main)
	v, err := st.b.Ops.CreateItem(ctx, ops.Operator(ag, "张办理"), catalog.Item{Title: "行政处罚决定书", Summary: "对某公司违法行为的处罚决定。",
		FormedOn: st.b.Ops.Clock.Today(), Body: "见附件。"})
	if err != nil {
		t.Fatal(err)
	}
	c, csrf := st.login("clerk")
	page := fmt.Sprintf("/admin/catalog/%d", v.Item.ID)
	doc := testdoc.Docx(t, `<w:p><w:r><w:t>当事人王某，身份证号码11010519491231002X。</w:t></w:r></w:p>`)
	if code, _, _ := st.upload(c, page+"/files", map[string]string{"csrf": csrf}, "决定书.docx", doc); code != http.StatusSeeOther {
		t.Fatalf("upload: %d", code)
	}
	_, body := st.get(c, page)
	if !strings.Contains(body, "附件“决定书.docx”中有居民身份证号码“110105********002X”") || !strings.Contains(body, `<details class="redact"`) {
		t.Fatalf("the item page does not say what the file holds:\n%s", body)
	}
	v, _ = st.b.Ops.Item(ctx, ops.Operator(ag, "张办理"), v.Item.ID)
	remove := fmt.Sprintf("%s/files/%d/remove", page, v.Files[0].ID)
	if !strings.Contains(body, fmt.Sprintf(`action="%s" class="inline"><input type="hidden" name="csrf" value="%s"><input type="hidden" name="version" value="%d">`, remove, csrf, v.Version)) {
		t.Errorf("the page's 删除 does not send the item's version %d", v.Version)
	}
	if code, _, _ := st.post(c, remove, url.Values{"csrf": {csrf}}); code != http.StatusUnprocessableEntity {
		t.Errorf("taken off without the page's version: %d", code)
	}
	if code, _, _ := st.post(c, remove, url.Values{"csrf": {csrf}, "version": {fmt.Sprint(v.Version)}}); code != http.StatusSeeOther {
		t.Errorf("taken off: %d", code)
	}
	code, loc, _ := st.upload(c, page+"/files", map[string]string{"csrf": csrf, "redact": "1", "redact_id": "1", "terms": "王某"}, "决定书.docx", doc)
	if code != http.StatusSeeOther || !strings.Contains(loc, "ok=redacted") {
		t.Fatalf("遮盖后上传: %d %s", code, loc)
	}
	_, body = st.get(c, loc)
	if strings.Contains(body, "SEC.IDNUM") || !strings.Contains(body, "决定书（区分处理）.docx") || !strings.Contains(body, "区分处理：已遮盖身份证号码 1 处、指定文字 1 处") {
		t.Errorf("the covered copy on the page:\n%s", body)
	}
	// approved, not published: the head may send it back from the page
	who := func(login string) ops.Principal {
		u, _, err := st.s.UserByLogin(ctx, login)
		if err != nil {
			t.Fatal(err)
		}
		return ops.User(u)
	}
	o, id := st.b.Ops, v.Item.ID
	if _, err := o.UpdateItem(ctx, who("clerk"), id, 0, func(it *catalog.Item) { it.Checklist = catalogChecklist() }); err != nil {
		t.Fatal(err)
	}
	if _, err := o.SubmitItem(ctx, who("clerk"), id, 0); err != nil {
		t.Fatal(err)
	}
	for _, r := range []string{"reviewer", "deputy", "head"} {
		if _, err := o.ProofItem(ctx, who("clerk"), id, 0, "校对", ops.ProofEdits{}); err != nil {
			t.Fatal(err)
		}
		if _, err := o.ReviewItem(ctx, who(r), id, 0, catalog.Pass, ""); err != nil {
			t.Fatalf("%s: %v", r, err)
		}
	}
	if _, body := st.get(c, page); strings.Contains(body, "<summary>退回修改</summary>") {
		t.Error("the clerk is offered to send an approved item back")
	}
	h, hcsrf := st.login("head")
	if _, body := st.get(h, page); !strings.Contains(body, "<summary>退回修改</summary>") {
		t.Fatal("the head is not offered to send the approved item back")
	}
	v, _ = o.Item(ctx, who("head"), id)
	if code, _, _ := st.post(h, page+"/review", url.Values{"csrf": {hcsrf}, "version": {fmt.Sprint(v.Version)}, "decision": {"return"}, "note": {"名单有误"}}); code != http.StatusSeeOther {
		t.Errorf("sent back: %d", code)
	}
	if v, _ = o.Item(ctx, who("head"), id); v.Item.State != catalog.Draft {
		t.Errorf("sent back: %s", v.Item.State)
	}
}
