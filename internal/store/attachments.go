package store

import (
	"context"
	"time"
)

// Attachment is a file kept with a case.
type Attachment struct {
	ID          int64
	CaseID      int64
	Name        string
	ContentType string
	Size        int64
	UploadedAt  time.Time
	UploadedBy  string
}

// AddAttachment stores a file with a case.
func (s *Store) AddAttachment(ctx context.Context, a *Attachment, data []byte) error {
	a.Size = int64(len(data))
	return mapErr(s.db.QueryRowContext(ctx, `INSERT INTO attachments (case_id, name, content_type, size, data, uploaded_at, uploaded_by)
		VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`, a.CaseID, a.Name, a.ContentType, a.Size, data, s.ts(s.Now()), a.UploadedBy).Scan(&a.ID))
}

// Attachments lists a case's files, oldest first.
func (s *Store) Attachments(ctx context.Context, caseID int64) ([]Attachment, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, case_id, name, content_type, size, uploaded_at, uploaded_by FROM attachments WHERE case_id = $1 ORDER BY id`, caseID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []Attachment
	for rows.Next() {
		var a Attachment
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
func (s *Store) AttachmentData(ctx context.Context, caseID, id int64) (*Attachment, []byte, error) {
	a := &Attachment{}
	var data []byte
	err := s.db.QueryRowContext(ctx, `SELECT id, case_id, name, content_type, size, data FROM attachments WHERE id = $1 AND case_id = $2`, id, caseID).
		Scan(&a.ID, &a.CaseID, &a.Name, &a.ContentType, &a.Size, &data)
	return a, data, mapErr(err)
}
