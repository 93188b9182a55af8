package store

import (
	"context"

	"gongkai/internal/casework"
)

// AddAttachment stores a file with a case.
func (t *Tx) AddAttachment(ctx context.Context, a *casework.Attachment, data []byte) error {
	a.Size = int64(len(data))
	a.UploadedAt = t.s.Clock.Now()
	return mapErr(t.tx.QueryRowContext(ctx, `INSERT INTO attachments (case_id, name, content_type, size, data, uploaded_at, uploaded_by, note)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`, a.CaseID, a.Name, a.ContentType, a.Size, data, t.s.ts(a.UploadedAt), a.UploadedBy, a.Note).Scan(&a.ID))
}

// Attachments lists a case's files, oldest first.
func (s *Store) Attachments(ctx context.Context, caseID int64) ([]casework.Attachment, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, case_id, name, content_type, size, uploaded_at, uploaded_by, removed_at, removed_by, removed_reason, note
		FROM attachments WHERE case_id = $1 ORDER BY id`, caseID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []casework.Attachment
	for rows.Next() {
		var a casework.Attachment
		var at timeCol
		var removed timeCol
		if err := rows.Scan(&a.ID, &a.CaseID, &a.Name, &a.ContentType, &a.Size, &at, &a.UploadedBy, &removed, &a.RemovedBy, &a.RemovedReason, &a.Note); err != nil {
			return nil, err
		}
		a.UploadedAt, a.RemovedAt = at.t, removed.ptr()
		out = append(out, a)
	}
	return out, rows.Err()
}

// AttachmentData returns a file of a case. ErrNotFound when the case has no
// such file, or it was removed.
func (s *Store) AttachmentData(ctx context.Context, caseID, id int64) (*casework.Attachment, []byte, error) {
	a := &casework.Attachment{}
	var data []byte
	err := s.db.QueryRowContext(ctx, `SELECT id, case_id, name, content_type, size, data FROM attachments WHERE id = $1 AND case_id = $2 AND removed_at IS NULL`, id, caseID).
		Scan(&a.ID, &a.CaseID, &a.Name, &a.ContentType, &a.Size, &data)
	return a, data, mapErr(err)
}

// AttachmentFacts is what decides whether a file may be taken out of a case.
type AttachmentFacts struct {
	Name          string
	Removed       bool
	FromApplicant bool   // sent with an online 补正: the applicant's, not the agency's
	ArchiveNo     string // the case's 档号 ("": not filed)
}

// AttachmentFacts reads them in tx. ErrNotFound when the case has no such file.
func (t *Tx) AttachmentFacts(ctx context.Context, caseID, id int64) (AttachmentFacts, error) {
	var f AttachmentFacts
	err := t.tx.QueryRowContext(ctx, `SELECT a.name, a.removed_at IS NOT NULL,
			EXISTS (SELECT 1 FROM online_corrections o WHERE o.attachment_id = a.id), c.archive_no
		FROM attachments a JOIN cases c ON c.id = a.case_id WHERE a.id = $1 AND a.case_id = $2`, id, caseID).
		Scan(&f.Name, &f.Removed, &f.FromApplicant, &f.ArchiveNo)
	return f, mapErr(err)
}

// RemoveAttachment erases a file's content and keeps its line with who
// removed it, when and why. ErrConflict when it was removed already.
func (t *Tx) RemoveAttachment(ctx context.Context, caseID, id int64, by, reason string) error {
	res, err := t.tx.ExecContext(ctx, `UPDATE attachments SET data = $1, removed_at = $2, removed_by = $3, removed_reason = $4
		WHERE id = $5 AND case_id = $6 AND removed_at IS NULL`, []byte{}, t.s.ts(t.s.Clock.Now()), by, reason, id, caseID)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrConflict
	}
	return nil
}
