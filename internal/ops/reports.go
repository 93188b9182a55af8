package ops

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"gongkai/internal/appeal"
	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/catalog"
	"gongkai/internal/errs"
	"gongkai/internal/org"
	"gongkai/internal/report"
	"gongkai/internal/settings"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// ReportView is an agency's report of a year as the report page shows it.
type ReportView struct {
	Report    *report.Report
	Agency    *org.Agency
	Year      int
	Saved     bool
	T4Records bool // 表四 is counted from the 复议/诉讼 records, not typed
	Status    store.ReportSaved
	Findings  []report.Finding
	Due       workday.Date // Art. 49 date of the agency's level
	DueWhy    string
	CanEdit   bool // the agency's own staff
	CanSubmit bool // the head of its disclosure office
	// PublishedLate: published in the catalog after the Art. 49 date
	PublishedLate bool
	// Prior is the previous year's report read from its published file,
	// when that is what the cross-year checks compare with; PrevMissing
	// says there is no previous year's report at all (they are skipped)
	Prior       *store.PriorReport
	PrevMissing bool
	// Published is this year's report read from its published file when
	// none is kept here: what the 报告汇总 counts for the agency
	Published *store.PriorReport
	// Unsaved is set when the view shows a person's edits that were not
	// saved (a refused save): the form shows them, to correct and save again
	Unsaved *UnsavedEdits
	prev    *report.Report // last year's, for the cross-year checks
}

// UnsavedEdits say why a save was refused and what the form now holds.
type UnsavedEdits struct {
	Reason string // the 更正原因 typed
	// Conflicts and Taken are set when the report was saved by someone else
	// after the form was opened: the form holds that version with this
	// person's changes carried onto it; Conflicts are the fields both
	// changed (From theirs, To this person's, kept), Taken the other's
	// changes kept (From before, To theirs)
	Conflicts, Taken []report.Change
	By               string // who saved in between
}

// Generate builds an agency's report of a year from the records: 表二 (一)
// from the normative documents, its decision counts and fees from the
// ledgers, 表三 from the cases, 表四 from the 复议/诉讼 records once the
// agency keeps any, and sections 一、五、六 drafted from the year's records
// (posts, catalog items, accounts and inspections, applications, fees) for
// the clerk to edit.
func (s *Service) Generate(ctx context.Context, ag *org.Agency, year int) (*report.Report, bool, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return nil, false, err
	}
	r := report.NewReport(report.FormatForYear(year))
	r.Agency, r.Year, r.Level = ag.Name, year, ag.Level
	r.Zero()
	if err := s.Store.ProactiveFromLedgers(ctx, ag.ID, year, r); err != nil {
		return nil, false, err
	}
	docs, err := s.Store.DocumentsOf(ctx, []int64{ag.ID}, year)
	if err != nil {
		return nil, false, err
	}
	normativeInto(r, docs[ag.ID], st.Normative)
	t4, err := s.Store.FillFromRecords(ctx, ag.ID, year, r, st.AppealCounting, st.Case.UnitOfCount)
	if err != nil {
		return nil, false, err
	}
	return r, t4, s.draftInto(ctx, ag, r, st)
}

// reportOf is the agency's report of a year: the saved one, or one generated
// from the records; 表三 always comes from the records, 表四 too once the
// agency keeps 复议/诉讼 records.
func (s *Service) reportOf(ctx context.Context, ag *org.Agency, year int, st settings.Settings) (*report.Report, bool, bool, error) {
	rs, err := s.reportsOf(ctx, []*org.Agency{ag}, year, st, nil)
	if err != nil {
		return nil, false, false, err
	}
	return rs.reps[ag.ID], rs.saved[ag.ID], rs.t4[ag.ID], nil
}

// agencyReports are the reports of a year of many agencies.
type agencyReports struct {
	reps  map[int64]*report.Report
	saved map[int64]bool // the agency saved it (otherwise generated from the records)
	t4    map[int64]bool // 表四 counted from the agency's 复议/诉讼 records
	// rest is 表三 of the agencies counted together (those whose own 表三
	// was not asked for; theirs is left blank)
	rest map[string]report.Row
}

// reportsOf is reportOf for many agencies with a few grouped queries, not a
// few per agency: a province's 报告汇总 reads thousands. The four reads are
// independent and run at once, so that the scan of the cases, the long
// one, hides the others.
//
// own names the agencies whose 表三 is wanted one by one (nil: all); the
// others' are counted together into rest, which costs far less in a
// province where most of them are only summed.
func (s *Service) reportsOf(ctx context.Context, ags []*org.Agency, year int, st settings.Settings, own func(int64) bool) (*agencyReports, error) {
	ids := make([]int64, len(ags))
	var each, together []int64
	for i, a := range ags {
		ids[i] = a.ID
		if own == nil || own(a.ID) {
			each = append(each, a.ID)
		} else {
			together = append(together, a.ID)
		}
	}
	var (
		stored  map[int64]*report.Report
		ledgers map[int64]store.Ledger
		tables  map[int64]map[string]report.Row
		recs    map[int64][]appeal.Record
		rest    map[string]report.Row
		docs    map[int64][]catalog.Document
	)
	err := parallel(
		func() (err error) { stored, err = s.Store.SavedReports(ctx, ids, year); return },
		func() (err error) { ledgers, err = s.Store.Ledgers(ctx, ids, year); return },
		func() (err error) { tables, err = s.Store.YearTables(ctx, each, year, st.Case.UnitOfCount); return },
		func() (err error) { rest, err = s.Store.YearTotal(ctx, together, year, st.Case.UnitOfCount); return },
		func() (err error) { recs, err = s.Store.AppealsOf(ctx, ids); return },
		func() (err error) { docs, err = s.Store.DocumentsOf(ctx, ids, year); return },
	)
	if err != nil {
		return nil, err
	}
	out := &agencyReports{reps: map[int64]*report.Report{}, saved: map[int64]bool{}, rest: rest}
	for _, a := range ags {
		if r, ok := stored[a.ID]; ok {
			out.reps[a.ID], out.saved[a.ID] = r, true
			continue
		}
		r := report.NewReport(report.FormatForYear(year))
		r.Agency, r.Year, r.Level = a.Name, year, a.Level
		r.Zero()
		ledgers[a.ID].Into(r)
		normativeInto(r, docs[a.ID], st.Normative)
		out.reps[a.ID] = r
	}
	out.t4 = store.ApplyRecords(out.reps, tables, recs, year, st.AppealCounting)
	return out, nil
}

// parallel runs fns at once and returns their errors joined.
func parallel(fns ...func() error) error {
	errs := make([]error, len(fns))
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Go(func() { errs[i] = fn() })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// Report is an agency's report of a year for a person who may see it.
func (s *Service) Report(ctx context.Context, p Principal, agencyID int64, year int) (*ReportView, error) {
	if err := s.canRead(ctx, p, agencyID); err != nil {
		return nil, err
	}
	if year < 2019 || year > 2200 {
		return nil, errs.New("year", "年度应为 2019 年以后的年份")
	}
	ag, err := s.Store.GetAgency(ctx, agencyID)
	if err != nil {
		return nil, notFoundOr(err)
	}
	st, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	v := &ReportView{Agency: ag, Year: year, CanEdit: actsFor(p, agencyID)}
	v.CanSubmit = v.CanEdit && p.Role == casework.Approver
	if v.Report, v.Saved, v.T4Records, err = s.reportOf(ctx, ag, year, st); err != nil {
		return nil, err
	}
	saved, err := s.Store.ReportsSaved(ctx, []int64{agencyID}, year)
	if err != nil {
		return nil, err
	}
	v.Status = saved[agencyID]
	prev, err := s.Store.GetReport(ctx, agencyID, year-1)
	if errors.Is(err, store.ErrNotFound) {
		// before the agency kept its reports here: the one it published
		v.Prior, err = s.Store.GetPriorReport(ctx, agencyID, year-1)
		if err == nil {
			prev = v.Prior.Report
		} else if errors.Is(err, store.ErrNotFound) {
			err, v.PrevMissing = nil, year > 2019
		}
	}
	if err != nil {
		return nil, err
	}
	if !v.Saved {
		if err := s.draftInto(ctx, ag, v.Report, st); err != nil {
			return nil, err
		}
		if v.Published, err = s.Store.GetPriorReport(ctx, agencyID, year); errors.Is(err, store.ErrNotFound) {
			err = nil
		}
		if err != nil {
			return nil, err
		}
	}
	v.prev = prev
	v.Findings = report.Check(v.Report, prev)
	if v.Saved {
		mm, err := s.MismatchFindings(ctx, ag, v.Report)
		if err != nil {
			return nil, err
		}
		v.Findings = append(v.Findings, mm...)
		v.Report.Findings = v.Findings
	}
	v.Due, v.DueWhy = report.SubmitBy(ag.Level, year, nil)
	if !v.Status.PublishedAt.IsZero() && v.Due != 0 {
		v.PublishedLate = s.Clock.Date(v.Status.PublishedAt) > v.Due
	}
	return v, nil
}

// ReportEdits are what a person types into a report: the narrative of 一、五、六,
// the cells of 表二 and (unless counted from the records) 表四, by model path.
type ReportEdits struct {
	Sections map[string]string // report.NarrativeKeys
	Cells    map[string]string // "proactive.rules.issued", "appeals.review.upheld" …
	Reason   string            // why a published report is changed (a correction)
	// Base is the version the form was opened at (0: not saved then): a
	// save made by someone else since is not overwritten unseen
	Base int
}

// apply writes the edits into the report; a wrong value is kept and shown
// as a CELL.INVALID finding, never dropped.
func (ed ReportEdits) apply(r *report.Report, t4Records bool) {
	for _, k := range report.NarrativeKeys {
		if v, ok := ed.Sections[k]; ok {
			r.Sections[k] = strings.TrimSpace(strings.ReplaceAll(v, "\r\n", "\n"))
		}
	}
	prefix := report.T2Prefix(r.Format)
	for _, it := range r.Format.T2Items() {
		for i, c := range it.Cells {
			v, ok := ed.Cells[prefix+it.Key+"."+c]
			if !ok {
				continue
			}
			if len(it.Money) > i && it.Money[i] {
				r.Proactive.SetAmount(it.Key+"."+c, report.ParseAmount(v))
			} else {
				r.Proactive.Set(it.Key+"."+c, report.ParseCount(v))
			}
		}
	}
	if t4Records {
		return // counted from the records, not typed
	}
	for b, blk := range report.T4Blocks {
		for j, c := range report.T4Columns {
			if v, ok := ed.Cells["appeals."+blk.Key+"."+c]; ok {
				r.Appeals[b][j] = report.ParseCount(v)
			}
		}
	}
}

// SaveReport saves the edits to the principal's own agency's report.
func (s *Service) SaveReport(ctx context.Context, p Principal, year int, ed ReportEdits) (*ReportView, error) {
	v, err := s.Report(ctx, p, p.AgencyID, year)
	if err != nil {
		return nil, err
	}
	if !v.CanEdit {
		return nil, Forbidden("只有本机关的办理人员可以编辑年度报告")
	}
	reason := strings.TrimSpace(ed.Reason)
	if ed.Base != v.Status.Version {
		return s.rebased(ctx, v, ed)
	}
	var bad error
	if v.Status.State == report.StatePublished && reason == "" {
		bad = errs.New("reason", "报告已发布，修改即为更正：请写明更正原因")
	} else if len([]rune(reason)) > 500 {
		bad = errs.New("reason", "更正原因太长，最多 500 字")
	}
	ed.apply(v.Report, v.T4Records)
	if bad != nil { // shown with what was typed, which is not lost
		return s.unsaved(ctx, v, &UnsavedEdits{Reason: ed.Reason}, bad)
	}
	state := report.StateChecked
	report.Check(v.Report, nil)
	if e, _, _ := v.Report.Counts(); e > 0 {
		state = report.StateDraft
	}
	err = s.write(ctx, p, "report.save", func(tx *store.Tx, e *audit.Entry) error {
		n, err := tx.SaveReportAs(ctx, p.AgencyID, v.Report, p.Name, state, reason)
		e.Object, e.Detail = strconv.Itoa(year), fmt.Sprintf("第 %d 版（%s）", n, report.StateName(state))
		if reason != "" {
			e.Detail += "，更正原因：" + reason
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return s.Report(ctx, p, p.AgencyID, year)
}

// rebased answers a save from a form opened at an older version than the
// one stored (someone saved in between): nothing is saved; the view holds
// the stored version with this person's changes carried onto it, and says
// which fields both changed, so that they save again knowingly.
func (s *Service) rebased(ctx context.Context, v *ReportView, ed ReportEdits) (*ReportView, error) {
	var base *report.Report
	var err error
	if ed.Base > 0 {
		base, err = s.Store.ReportAt(ctx, v.Agency.ID, v.Year, ed.Base)
	} else { // opened before the first save: the draft generated then
		base, _, err = s.Generate(ctx, v.Agency, v.Year)
	}
	if errors.Is(err, store.ErrNotFound) {
		base, err = v.Report, nil // a version never saved: theirs is all there is to carry onto
	}
	if err != nil {
		return nil, err
	}
	mine := base.Clone()
	ed.apply(mine, v.T4Records)
	merged, conflicts, taken := report.Merge(base, mine, v.Report)
	v.Report = merged
	u := &UnsavedEdits{Reason: ed.Reason, Conflicts: conflicts, Taken: taken, By: v.Status.By}
	msg := fmt.Sprintf("未保存：您打开报告之后，%s又保存了报告（现为第 %d 版）。下面是新的一版加上您的修改", v.Status.By, v.Status.Version)
	if len(conflicts) > 0 {
		msg += fmt.Sprintf("，其中 %d 处双方都改了、保留的是您的内容", len(conflicts))
	}
	msg += "，请核对后再保存。"
	return s.unsaved(ctx, v, u, &errs.Error{Kind: errs.Conflict, Where: "form", Msg: msg,
		Cause: fmt.Errorf("report %d/%d saved at version %d, form of version %d", v.Agency.ID, v.Year, v.Status.Version, ed.Base)})
}

// unsaved is the view of a report holding edits not saved, checked as they
// stand so that the page shows what saving them would find.
func (s *Service) unsaved(ctx context.Context, v *ReportView, u *UnsavedEdits, why error) (*ReportView, error) {
	v.Unsaved = u
	v.Findings = report.Check(v.Report, v.prev)
	if v.Saved {
		mm, err := s.MismatchFindings(ctx, v.Agency, v.Report)
		if err != nil {
			return nil, err
		}
		v.Findings = append(v.Findings, mm...)
	}
	v.Report.Findings = v.Findings
	return v, why
}

// SubmitReport records the 报送 of the agency's saved report: by the head of
// the disclosure office, and only when the checks find no error.
func (s *Service) SubmitReport(ctx context.Context, p Principal, year, seen int) (*ReportView, error) {
	v, err := s.Report(ctx, p, p.AgencyID, year)
	if err != nil {
		return nil, err
	}
	if !v.CanSubmit {
		return nil, Forbidden("报送须由本机关政府信息公开工作机构负责人办理")
	}
	if e, _, _ := v.Report.Counts(); !v.Saved || e > 0 {
		return nil, &errs.Error{Kind: errs.Conflict, Where: "form", Msg: "未能报送：请先保存报告，并改正检查发现的全部错误"}
	}
	if err := changedSince(v, seen, "报送"); err != nil {
		return nil, err
	}
	err = s.write(ctx, p, "report.submit", func(tx *store.Tx, e *audit.Entry) error {
		e.Object = strconv.Itoa(year)
		return tx.SubmitReport(ctx, p.AgencyID, year, v.Status.Version, p.Name)
	})
	if err != nil {
		return nil, savedAgain(err, "报送")
	}
	return s.Report(ctx, p, p.AgencyID, year)
}

// RollupRow is one agency on the supervising office's overview.
type RollupRow struct {
	Agency           *org.Agency
	Due              workday.Date
	Status           string // 已报送, 已保存未报送, 逾期未报, 未开始, 已发布（导入）
	Late             bool
	Published        bool // no report kept here: the one it published, read from its file
	Errors, Warnings int
	Checked          bool // saved, so its checks are counted
	By               string
	At               time.Time
	Note             string
	// Report is the report saved here or the published one read from its
	// file (nil for an agency with neither: the 汇总 counts its records)
	Report *report.Report
}

// Rollup is a supervisor's overview of a year: where each agency's report
// stands, and the sum of all their tables.
type Rollup struct {
	Year       int
	Rows       []RollupRow
	Sum        *report.Report
	Late       int
	WithErrors int
	Published  int // agencies counted by the report they published (RollupRow.Published)
}

// Rollup builds the year's overview for a supervisor.
func (s *Service) Rollup(ctx context.Context, p Principal, year int) (*Rollup, error) {
	if p.Role != casework.Supervisor && p.Role != casework.Admin {
		return nil, Forbidden("报告汇总供主管部门使用")
	}
	ids, ags, err := s.visibleAgencies(ctx, p)
	if err != nil {
		return nil, err
	}
	saved, err := s.Store.ReportsSaved(ctx, ids, year)
	if err != nil {
		return nil, err
	}
	st, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	// an agency that kept no report here for the year but read the one it
	// published (the year before it used gongkai) counts as published: its
	// tables are the report's, not the records it did not keep
	priors, err := s.Store.PriorReports(ctx, ids, year)
	if err != nil {
		return nil, err
	}
	var fromRecords []*org.Agency
	for _, a := range ags {
		if _, ok := saved[a.ID]; ok || priors[a.ID] == nil {
			fromRecords = append(fromRecords, a)
		}
	}
	today := s.Clock.Today()
	out := &Rollup{Year: year}
	// a report's own 表三 is needed to check it, and only saved ones are
	// checked: the rest are only summed
	all, err := s.reportsOf(ctx, fromRecords, year, st, func(id int64) bool { _, ok := saved[id]; return ok })
	if err != nil {
		return nil, err
	}
	reps := make([]*report.Report, len(ags))
	out.Rows = make([]RollupRow, len(ags))
	own := ""
	for i, a := range ags {
		if a.ID == p.AgencyID {
			own = a.Name
		}
		reps[i] = all.reps[a.ID]
		if reps[i] == nil {
			reps[i] = priors[a.ID].Report
		}
	}
	// each saved report is checked: pure work, on every core
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(ags); i += workers {
				if all.reps[ags[i].ID] == nil {
					pr := priors[ags[i].ID]
					out.Rows[i] = publishedRow(ags[i], pr, year, s.Clock.Date(pr.At))
					continue
				}
				out.Rows[i] = rollupRow(ags[i], reps[i], year, today, saved)
			}
		})
	}
	wg.Wait()
	out.tally()
	// the agencies counted together add their 表三 as one more table
	rest := report.NewReport(report.FormatForYear(year))
	rest.Applications = all.rest
	out.Sum = report.Sum(report.FormatForYear(year), year, own+"（汇总）", append(reps, rest))
	report.Check(out.Sum, nil)
	return out, nil
}

// tally counts the rows that are late, have errors or are published.
func (ru *Rollup) tally() {
	for _, r := range ru.Rows {
		if r.Late {
			ru.Late++
		}
		if r.Checked && r.Errors > 0 {
			ru.WithErrors++
		}
		if r.Published {
			ru.Published++
		}
	}
}

func rollupRow(a *org.Agency, rep *report.Report, year int, today workday.Date, saved map[int64]store.ReportSaved) RollupRow {
	due, _ := report.SubmitBy(a.Level, year, nil)
	row := RollupRow{Agency: a, Due: due}
	sv, ok := saved[a.ID]
	if ok {
		// only a saved report is checked: a draft lacks its narrative by definition
		report.Check(rep, nil)
		row.Errors, row.Warnings, _ = rep.Counts()
		row.Checked, row.Report = true, rep
	}
	switch {
	case ok && !sv.SubmittedAt.IsZero():
		row.Status, row.By, row.At = "已报送", sv.SubmittedBy, sv.SubmittedAt
		var notes []string
		if sv.SubmittedDate > due {
			notes = append(notes, "截止日后报送")
		}
		if sv.At.After(sv.SubmittedAt) {
			notes = append(notes, "报送后有修改")
		}
		row.Note = strings.Join(notes, "，")
	case ok:
		row.Status, row.By, row.At, row.Late = "已保存未报送", sv.By, sv.At, today > due
	case today > due:
		row.Status, row.Late = "逾期未报", true
	default:
		row.Status = "未开始"
	}
	return row
}

// publishedRow is the 报告汇总's row of an agency whose report of the year
// is the one it published, read from its file: checked as published, never
// late (when it was published is not known), not 报送 here.
func publishedRow(a *org.Agency, pr *store.PriorReport, year int, imported workday.Date) RollupRow {
	due, _ := report.SubmitBy(a.Level, year, nil)
	report.Check(pr.Report, nil)
	row := RollupRow{Agency: a, Due: due, Status: "已发布（导入）", Published: true, Checked: true, Report: pr.Report,
		Note: fmt.Sprintf("%s于 %s 从发布的文件“%s”读取", pr.By, imported, pr.FileName)}
	row.Errors, row.Warnings, _ = pr.Report.Counts()
	return row
}

// Trend is what the report pages draw: applications received and closed
// by month, this year (index 1) against last year (index 0).
type Trend struct {
	Year     int
	Received [2][12]int64
	Closed   [2][12]int64
}

// Trend of the agency's records, or with below those of every agency the
// principal oversees (the 报告汇总).
func (s *Service) Trend(ctx context.Context, p Principal, agencyID int64, year int, below bool) (*Trend, error) {
	ids := []int64{agencyID}
	if below {
		var err error
		if ids, err = s.Visible(ctx, p); err != nil {
			return nil, err
		}
	} else if err := s.canRead(ctx, p, agencyID); err != nil {
		return nil, err
	}
	t := &Trend{Year: year}
	var err error
	t.Received, t.Closed, err = s.Store.Monthly(ctx, ids, year)
	return t, err
}
