package ops

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"gongkai/internal/audit"
	"gongkai/internal/catalog"
	"gongkai/internal/errs"
	"gongkai/internal/newmedia"
	"gongkai/internal/office"
	"gongkai/internal/org"
	"gongkai/internal/report"
	"gongkai/internal/settings"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// normativeInto sets 表二 (一) from the normative documents, in the
// columns of the report's format.
func normativeInto(r *report.Report, docs []catalog.Document, c catalog.Counting) {
	if r.Format == report.Format2019 {
		t := catalog.Table2019(docs, r.Year)
		for _, k := range catalog.DocKinds {
			x := t[k.ID]
			r.Proactive.Set(k.Row+".new_made", report.N(x.NewMade))
			r.Proactive.Set(k.Row+".new_published", report.N(x.NewPublished))
			r.Proactive.Set(k.Row+".total_published", report.N(x.TotalPublished))
		}
		return
	}
	t := catalog.Table(docs, r.Year, c)
	for _, k := range catalog.DocKinds {
		x := t[k.ID]
		r.Proactive.Set(k.Row+".issued", report.N(x.Issued))
		r.Proactive.Set(k.Row+".repealed", report.N(x.Repealed))
		r.Proactive.Set(k.Row+".in_force", report.N(x.InForce))
	}
}

// Facts gathers the year's records the narrative is drafted from; r is the
// report with its tables already counted from the records.
func (s *Service) Facts(ctx context.Context, ag *org.Agency, year int, r *report.Report, st settings.Settings) (report.Facts, error) {
	f := report.Facts{Agency: ag.Name, Year: year, Scope: "本系统"}
	first, last := workday.NewDate(year, 1, 1), workday.NewDate(year, 12, 31)
	today := s.Clock.Today()
	cal, err := s.Calendar(ctx)
	if err != nil {
		return f, err
	}
	items, err := s.Store.PublishedIn(ctx, ag.ID, first, last)
	if err != nil {
		return f, err
	}
	cols := map[string]int{}
	var order []string
	for _, it := range items {
		if it.Column == catalog.ReportColumn {
			continue
		}
		f.Items++
		if it.Source != "report" {
			f.Reviewed++
		}
		if t := it.Timeliness(cal, today); t.Late {
			f.Late++
		} else if !t.Unknown && !t.NotAsked {
			f.OnTime++
		}
		if it.Column != "" {
			if _, ok := cols[it.Column]; !ok {
				order = append(order, it.Column)
			}
			cols[it.Column]++
		}
	}
	for _, c := range order {
		f.Columns = append(f.Columns, report.ColumnFacts{Name: c, Items: cols[c]})
	}
	if err := s.accountFacts(ctx, &f, ag.ID, first, min(last, today), st.NewMediaStaleDays); err != nil {
		return f, err
	}
	a := r.Applications
	f.Received, f.Carried = a["new"][report.ColTotal].Val(), a["carried_in"][report.ColTotal].Val()
	f.Closed, f.CarryOver = a["total"][report.ColTotal].Val(), a["carried_forward"][report.ColTotal].Val()
	f.Disclosed, f.Partly = a["granted"][report.ColTotal].Val(), a["partly_granted"][report.ColTotal].Val()
	if f.LateReplies, err = s.Store.LateReplies(ctx, ag.ID, first, last); err != nil {
		return f, err
	}
	if r.Format == report.Format2021 {
		p := &r.Proactive
		f.Rules, f.Normative = p.Cell("rules.issued").Val(), p.Cell("normative_documents.issued").Val()
		f.Repealed = p.Cell("rules.repealed").Val() + p.Cell("normative_documents.repealed").Val()
		f.InForce = p.Cell("rules.in_force").Val() + p.Cell("normative_documents.in_force").Val()
	}
	f.Reviews = r.Appeals[0][4].Val()
	f.Suits = r.Appeals[1][4].Val() + r.Appeals[2][4].Val()
	f.FeeCases, f.FeeYuan, err = s.Store.FeesPaid(ctx, ag.ID, first, last)
	return f, err
}

// accountFacts counts the agency's accounts, their posts and inspections
// in [first, end]; end is the year's last day, or today in the current year.
func (s *Service) accountFacts(ctx context.Context, f *report.Facts, agencyID int64, first, end workday.Date, limit int) error {
	accts, err := s.Store.Accounts(ctx, []int64{agencyID})
	if err != nil {
		return err
	}
	posts, ins, err := s.accountRecords(ctx, accts, first, end)
	if err != nil {
		return err
	}
	seen := map[int64]workday.Date{}
	for _, x := range ins {
		switch x.Kind {
		case "daily":
			f.Daily++
		case "weekly":
			f.Weekly++
		}
		f.Problems += len(x.Problems)
		if x.ResolvedOn != nil && *x.ResolvedOn <= end {
			f.Resolved += len(x.Problems)
		}
		if x.LastPostSeen != nil && *x.LastPostSeen > seen[x.AccountID] {
			seen[x.AccountID] = *x.LastPostSeen
		}
	}
	for _, a := range accts {
		if a.State != newmedia.Running || a.OpenedOn != nil && *a.OpenedOn > end {
			continue
		}
		f.Supervised++
		n := 0
		latest := seen[a.ID]
		for _, p := range posts[a.ID] {
			if p.Month.Year() == first.Year() {
				n += p.Count
			}
			if p.LastOn != nil && *p.LastOn <= end && *p.LastOn > latest {
				latest = *p.LastOn
			}
		}
		if a.LastPostOn != nil && *a.LastPostOn <= end && *a.LastPostOn > latest {
			latest = *a.LastPostOn
		}
		if latest == 0 || int(end-latest) > limit {
			f.StaleAccts++
		}
		if a.Own {
			f.Accounts = append(f.Accounts, report.AccountFacts{Platform: newmedia.PlatformName(a.Platform), Name: a.Name, Posts: n})
		}
	}
	return nil
}

// draftInto writes the narrative drafted from the records into a report
// that has none.
func (s *Service) draftInto(ctx context.Context, ag *org.Agency, r *report.Report, st settings.Settings) error {
	f, err := s.Facts(ctx, ag, r.Year, r, st)
	if err != nil {
		return err
	}
	for k, v := range report.Draft(f) {
		if strings.TrimSpace(r.Sections[k]) == "" {
			r.Sections[k] = v
		}
	}
	return nil
}

// RecordsReport is the report of a year as the records count it, without
// narrative: what REC.MISMATCH compares a saved or uploaded report with.
// has says which tables the agency keeps records for (表三 always).
func (s *Service) RecordsReport(ctx context.Context, ag *org.Agency, year int) (r *report.Report, has map[string]bool, err error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return nil, nil, err
	}
	r = report.NewReport(report.FormatForYear(year))
	r.Agency, r.Year, r.Level = ag.Name, year, ag.Level
	r.Zero()
	ledgers, err := s.Store.Ledgers(ctx, []int64{ag.ID}, year)
	if err != nil {
		return nil, nil, err
	}
	ledgers[ag.ID].Into(r)
	docs, err := s.Store.DocumentsOf(ctx, []int64{ag.ID}, year)
	if err != nil {
		return nil, nil, err
	}
	normativeInto(r, docs[ag.ID], st.Normative)
	t4, err := s.Store.FillFromRecords(ctx, ag.ID, year, r, st.AppealCounting, st.Case.UnitOfCount)
	if err != nil {
		return nil, nil, err
	}
	anyDocs, err := s.Store.Documents(ctx, ag.ID)
	if err != nil {
		return nil, nil, err
	}
	anyLedger, err := s.Store.HasLedger(ctx, ag.ID)
	if err != nil {
		return nil, nil, err
	}
	has = map[string]bool{"2.1": len(anyDocs) > 0, "2.ledger": anyLedger, "3": true, "4": t4}
	return r, has, nil
}

// MismatchFindings compares a report with the records of its agency and year.
func (s *Service) MismatchFindings(ctx context.Context, ag *org.Agency, r *report.Report) ([]report.Finding, error) {
	rec, has, err := s.RecordsReport(ctx, ag, r.Year)
	if err != nil {
		return nil, err
	}
	return report.Mismatch(r, rec, has), nil
}

// ReportVersions lists the saved versions of an agency's report.
func (s *Service) ReportVersions(ctx context.Context, p Principal, agencyID int64, year int) ([]store.ReportVersion, error) {
	if err := s.canRead(ctx, p, agencyID); err != nil {
		return nil, err
	}
	return s.Store.ReportVersions(ctx, agencyID, year)
}

// ReportDiff lists what changed between two saved versions.
func (s *Service) ReportDiff(ctx context.Context, p Principal, agencyID int64, year, from, to int) ([]report.Change, error) {
	if err := s.canRead(ctx, p, agencyID); err != nil {
		return nil, err
	}
	a, err := s.Store.ReportAt(ctx, agencyID, year, from)
	if err != nil {
		return nil, notFoundOr(err)
	}
	b, err := s.Store.ReportAt(ctx, agencyID, year, to)
	if err != nil {
		return nil, notFoundOr(err)
	}
	return report.Diff(a, b), nil
}

// ApproveReport is the head's 审定 of the saved report at the version the
// head read (seen): it must be checked (no error finding).
func (s *Service) ApproveReport(ctx context.Context, p Principal, year, seen int) (*ReportView, error) {
	v, err := s.Report(ctx, p, p.AgencyID, year)
	if err != nil {
		return nil, err
	}
	if !v.CanSubmit {
		return nil, Forbidden("审定年度报告须由本机关政府信息公开工作机构负责人办理")
	}
	if e, _, _ := v.Report.Counts(); !v.Saved || e > 0 || v.Status.State != report.StateChecked {
		return nil, &errs.Error{Kind: errs.Conflict, Where: "form", Msg: "未能审定：请先保存报告，并改正检查发现的全部错误"}
	}
	if err := changedSince(v, seen, "审定"); err != nil {
		return nil, err
	}
	err = s.write(ctx, p, "report.approve", func(tx *store.Tx, e *audit.Entry) error {
		e.Object, e.Detail = strconv.Itoa(year), fmt.Sprintf("第 %d 版", v.Status.Version)
		return tx.SetReportState(ctx, p.AgencyID, year, v.Status.Version, report.StateApproved, p.Name, 0)
	})
	if err != nil {
		return nil, savedAgain(err, "审定")
	}
	return s.Report(ctx, p, p.AgencyID, year)
}

// changedSince refuses an action on a report saved again after the version
// its user read (seen), so that what is approved, published or submitted is
// what was looked at.
func changedSince(v *ReportView, seen int, act string) error {
	switch seen {
	case v.Status.Version:
		return nil
	case 0:
		return &errs.Error{Kind: errs.Conflict, Where: "form", Msg: fmt.Sprintf("未能%s：没有说明是报告的第几版，请刷新报告页面，核对后再%s", act, act)}
	}
	return &errs.Error{Kind: errs.Conflict, Where: "form", Cause: fmt.Errorf("report version %d read, %d stored", seen, v.Status.Version),
		Msg: fmt.Sprintf("未能%s：报告在您打开之后又保存过（现为第 %d 版），请核对下面的新版本后再%s", act, v.Status.Version, act)}
}

// savedAgain is the same refusal when the report was saved between the
// check and the write.
func savedAgain(err error, act string) error {
	if errors.Is(err, store.ErrConflict) {
		return &errs.Error{Kind: errs.Conflict, Where: "form", Cause: err,
			Msg: fmt.Sprintf("未能%s：报告刚刚又保存过，请核对下面的新版本后再%s", act, act)}
	}
	return err
}

// PublishReport publishes the approved report in the catalog's 年度报告
// column, with its DOCX and PDF; a corrected report replaces the text and
// files of the item it was published as.
func (s *Service) PublishReport(ctx context.Context, p Principal, year, seen int) (*ReportView, error) {
	v, err := s.Report(ctx, p, p.AgencyID, year)
	if err != nil {
		return nil, err
	}
	if !v.CanEdit {
		return nil, Forbidden("只有本机关的工作人员可以发布年度报告")
	}
	if v.Status.State != report.StateApproved {
		return nil, &errs.Error{Kind: errs.Conflict, Where: "form", Msg: "未能发布：报告须先经负责人审定"}
	}
	if err := changedSince(v, seen, "发布"); err != nil {
		return nil, err
	}
	var docx, pdf bytes.Buffer
	if err := office.RenderReport(&docx, v.Report, "docx", s.Clock.Now()); err != nil {
		return nil, err
	}
	if err := office.RenderReport(&pdf, v.Report, "pdf", s.Clock.Now()); err != nil {
		return nil, err
	}
	base := fmt.Sprintf("%s%d年政府信息公开工作年度报告", v.Agency.Name, year)
	today := s.Clock.Today()
	it := catalog.Item{AgencyID: p.AgencyID, Title: base, Summary: fmt.Sprintf("%s%d年度政府信息公开工作情况。", v.Agency.Name, year),
		FormedOn: today, Publisher: v.Agency.Name, Genre: "年度报告", Column: catalog.ReportColumn, Category: "",
		Attribute: catalog.Active, Validity: catalog.Valid, Body: reportText(v.Report), State: catalog.Published, PublishedOn: &today,
		Source: "report", CreatedBy: p.Name, CreatedByID: actorOf(p).Key, Cycle: 1}
	err = s.write(ctx, p, "report.publish", func(tx *store.Tx, e *audit.Entry) error {
		e.Object = strconv.Itoa(year)
		if old, err := s.Store.ItemByReport(ctx, p.AgencyID, year); err == nil {
			it.ID, it.IndexNo, it.CreatedBy, it.CreatedByID = old.ID, old.IndexNo, old.CreatedBy, old.CreatedByID
			it.Reason = "更正：" + v.Status.Reason
			if err := tx.UpdateItem(ctx, &it, old.Version); err != nil {
				return err
			}
			e.Detail = fmt.Sprintf("更正后重新发布（第 %d 版）", v.Status.Version)
		} else if errors.Is(err, store.ErrNotFound) {
			if err := tx.CreateItem(ctx, &it, v.Agency.Pattern(), v.Agency.Code); err != nil {
				return err
			}
			if err := tx.UpdateItem(ctx, &it, 1); err != nil { // indexes it for search
				return err
			}
			e.Detail = fmt.Sprintf("第 %d 版，索引号 %s", v.Status.Version, it.IndexNo)
		} else {
			return err
		}
		for _, f := range []struct {
			ext string
			b   *bytes.Buffer
		}{{"docx", &docx}, {"pdf", &pdf}} {
			file := &store.ItemFile{ItemID: it.ID, Name: base + "." + f.ext, ContentType: office.ContentType[f.ext], Text: documentText(base+"."+f.ext, f.b.Bytes())}
			if err := tx.ReplaceItemFile(ctx, file, f.b.Bytes(), p.Name); err != nil {
				return err
			}
		}
		return savedAgain(tx.SetReportState(ctx, p.AgencyID, year, v.Status.Version, report.StatePublished, p.Name, it.ID), "发布")
	})
	if err != nil {
		return nil, itemErr(err)
	}
	return s.Report(ctx, p, p.AgencyID, year)
}

// reportText is the report as the plain text of its catalog item.
func reportText(r *report.Report) string {
	var b strings.Builder
	for _, sec := range report.Sections {
		fmt.Fprintf(&b, "%s\n\n", sec.Heading)
		if t := strings.TrimSpace(r.Sections[sec.Key]); t != "" && (sec.Key == "1" || sec.Key == "5" || sec.Key == "6") {
			fmt.Fprintf(&b, "%s\n\n", t)
		}
	}
	return strings.TrimSpace(b.String())
}
