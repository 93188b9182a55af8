package store

import (
	"context"

	"gongkai/internal/casework"
)

// AddAttachment stores a file with a case.
func (t *Tx) AddAttachment(ctx context.Context, a *casework.Attachment, data []byte) error {
	a.Size = int64(len(data))
	a.UploadedAt = t.s.Clock.Now()
	return mapErr(t.tx.QueryRowContext(ctx, `INSERT INTO attachments (case_id, name, content_type, size, data, uploaded_at, uploaded_by)
		VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`, a.CaseID, a.Name, a.ContentType, a.Size, data, t.s.ts(a.UploadedAt), a.UploadedBy).Scan(&a.ID))
}

// Attachments lists a case's files, oldest first.
func (s *Store) Attachments(ctx context.Context, caseID int64) ([]casework.Attachment, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, case_id, name, content_type, size, uploaded_at, uploaded_by FROM attachments WHERE case_id = $1 ORDER BY id`, caseID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []casework.Attachment
	for rows.Next() {
		var a casework.Attachment
		var at timeCol
		if err := rows.Scan(&a.ID, &a.CaseID, &a.Name, &a.ContentType, &a.Size, &at, &a.UploadedBy); err != nil {
			return nil, err
		}
		a.UploadedAt = at.t
		out = append(out, a)
	}
	return out, rows.Err()
}

// AttachmentData returns a file of a case. ErrNotFound when the case has no such file.
func (s *Store) AttachmentData(ctx context.Context, caseID, id int64) (*casework.Attachment, []byte, error) {
	a := &casework.Attachment{}
	var data []byte
	err := s.db.QueryRowContext(ctx, `SELECT id, case_id, name, content_type, size, data FROM attachments WHERE id = $1 AND case_id = $2`, id, caseID).
		Scan(&a.ID, &a.CaseID, &a.Name, &a.ContentType, &a.Size, &data)
	return a, data, mapErr(err)
}
