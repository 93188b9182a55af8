package ops

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/errs"
	"gongkai/internal/office"
	"gongkai/internal/store"
)

// ReceiptCodeWithheld stands for the 查询码 in the 案卷's copy of the 接收回执.
const ReceiptCodeWithheld = "（存档件不载）"

// MaxCaseFiles is how many applications' 案卷 one export holds: a year of a
// busy agency is exported in parts, by the dates of the list's filter.
const MaxCaseFiles = 500

// CaseFile is an application's 案卷 for 归档 (《条例》第四十五条: 登记、审核、
// 办理、答复、归档) for whoever may see the case: the case with its events,
// every letter it gave rise to, numbered (as opening them does, by the
// agency's own staff), its 接收回执 (base is the site's public address, as
// for Receipt), and the files attached to it. The export is one audit
// entry, as it carries personal data.
func (s *Service) CaseFile(ctx context.Context, p Principal, id int64, base string) (*office.CaseFileParts, error) {
	f, err := s.caseFile(ctx, p, id, base)
	if err != nil {
		return nil, err
	}
	return f, s.auditFiles(ctx, p, f.Case.AgencyID, f.Case.Serial, "导出办理案卷")
}

// CaseFiles are the 案卷 of the applications a list's filter selects (at
// most MaxCaseFiles): their rows, and the files given one at a time by next
// (nil after the last), so that a year's files need not be held at once.
// The export is one audit entry in each agency's log.
func (s *Service) CaseFiles(ctx context.Context, p Principal, f casework.Filter, base string) (rows []casework.Row, next func() (*office.CaseFileParts, error), err error) {
	f.Limit, f.Offset = MaxCaseFiles, 0
	rows, total, err := s.Cases(ctx, p, f)
	if err != nil {
		return nil, nil, err
	}
	if total > MaxCaseFiles {
		return nil, nil, errs.New("format", "符合条件的申请有 %d 件，一次最多导出 %d 件的案卷：请按收到日期分段筛选后再导出", total, MaxCaseFiles)
	}
	if total == 0 {
		return nil, nil, errs.New("format", "没有符合条件的申请，没有可导出的案卷")
	}
	// one entry in each agency's log: its own applications exported
	byAgency := map[int64][]string{}
	var order []int64
	for _, r := range rows {
		if byAgency[r.AgencyID] == nil {
			order = append(order, r.AgencyID)
		}
		byAgency[r.AgencyID] = append(byAgency[r.AgencyID], r.Serial)
	}
	err = s.Store.InTx(ctx, func(tx *store.Tx) error {
		for _, id := range order {
			serials := byAgency[id]
			e := audit.Entry{UserID: p.UserID, AgencyID: id, Actor: p.Name, Action: "case.file",
				Object: fmt.Sprintf("%s 等 %d 件", serials[0], len(serials)), Detail: "导出办理案卷：" + strings.Join(serials, "、")}
			if len(serials) == 1 {
				e.Object = serials[0]
			}
			if err := tx.Audit(ctx, e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	i := 0
	return rows, func() (*office.CaseFileParts, error) {
		if i == len(rows) {
			return nil, nil
		}
		i++
		return s.caseFile(ctx, p, rows[i-1].ID, base)
	}, nil
}

func (s *Service) auditFiles(ctx context.Context, p Principal, agencyID int64, object, detail string) error {
	return s.Store.InTx(ctx, func(tx *store.Tx) error {
		return tx.Audit(ctx, audit.Entry{UserID: p.UserID, AgencyID: agencyID, Actor: p.Name, Action: "case.file", Object: object, Detail: detail})
	})
}

// caseFile gathers one case's 案卷: the case, its agency and rules read
// once for all its letters, its 承办人, its 接收回执 and its attachments to be
// read when written.
func (s *Service) caseFile(ctx context.Context, p Principal, id int64, base string) (*office.CaseFileParts, error) {
	c, err := s.readableCase(ctx, p, id)
	if err != nil {
		return nil, err
	}
	cal, st, ag, err := s.agencyRules(ctx, c.AgencyID)
	if err != nil {
		return nil, err
	}
	f := &office.CaseFileParts{Case: c, Agency: ag.Name, Full: actsFor(p, c.AgencyID), Clock: s.Clock}
	if _, f.Handler, err = s.Store.CaseHandler(ctx, c.ID); err != nil {
		return nil, err
	}
	if f.Mails, err = s.Store.LetterMails(ctx, c.ID); err != nil {
		return nil, err
	}
	if f.Deliveries, err = s.Store.Deliveries(ctx, c.ID); err != nil {
		return nil, err
	}
	if f.Notices, err = s.Store.ApplicantNotices(ctx, c.ID); err != nil {
		return nil, err
	}
	if f.Proposals, err = s.Store.Proposals(ctx, c.ID); err != nil {
		return nil, err
	}
	if f.Corrections, err = s.Store.OnlineCorrections(ctx, c.ID); err != nil {
		return nil, err
	}
	if f.Withdraws, err = s.Store.WithdrawRequests(ctx, c.ID); err != nil {
		return nil, err
	}
	if f.ArchiveNo, _, err = s.Store.CaseArchive(ctx, c.ID); err != nil {
		return nil, err
	}
	// the 接收回执 as the applicant was given it, but for the 查询码: the key
	// to the status page and its letters has no place in a file kept for
	// years and read by others (the 申请编号 stays)
	withoutCode := *c
	withoutCode.Code = ReceiptCodeWithheld
	f.Receipt = casework.ReceiptFor(&withoutCode, ag.Info(), st.Case, cal, statusWhere(base))
	for _, e := range c.Events {
		if !c.HasLetter(e.Seq) {
			continue
		}
		l, err := s.letterOf(ctx, p, c, ag, st, cal, e.Seq)
		var missing *errs.Error
		if errors.As(err, &missing) && missing.Kind == errs.Invalid { // a setting missing: said in the record, not the whole 案卷 refused
			f.Unwritten = append(f.Unwritten, office.UnwrittenLetter{Seq: e.Seq, Step: casework.StepName(e.Step.Kind), Why: missing.Msg})
			continue
		}
		if err != nil {
			return nil, err
		}
		f.Letters = append(f.Letters, l)
	}
	files, err := s.Store.Attachments(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	for _, a := range files {
		if a.RemovedAt != nil {
			f.Removed = append(f.Removed, a) // uploaded by mistake: the record says who took it out and why
			continue
		}
		f.Files = append(f.Files, office.AttachedFile{Name: a.Name, By: a.UploadedBy, At: a.UploadedAt, Load: func() ([]byte, error) {
			_, data, err := s.Store.AttachmentData(ctx, id, a.ID)
			return data, notFoundOr(err)
		}})
	}
	return f, nil
}
