package store

import (
	"context"

	"gongkai/internal/casework"
)

// RecordLetterMail keeps that a letter of a case was sent by e-mail.
func (t *Tx) RecordLetterMail(ctx context.Context, caseID int64, m casework.LetterMail) error {
	_, err := t.tx.ExecContext(ctx, `INSERT INTO letter_mails (case_id, seq, number, to_addr, sent_at, sent_by) VALUES ($1,$2,$3,$4,$5,$6)`,
		caseID, m.Seq, m.Number, m.To, t.s.ts(m.At), m.By)
	return mapErr(err)
}

// LetterMails are the letters of a case sent by e-mail, in the order sent.
func (s *Store) LetterMails(ctx context.Context, caseID int64) ([]casework.LetterMail, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT seq, number, to_addr, sent_at, sent_by FROM letter_mails WHERE case_id = $1 ORDER BY id`, caseID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []casework.LetterMail
	for rows.Next() {
		var m casework.LetterMail
		var at timeCol
		if err := rows.Scan(&m.Seq, &m.Number, &m.To, &at, &m.By); err != nil {
			return nil, err
		}
		m.At = at.t
		out = append(out, m)
	}
	return out, rows.Err()
}

// RecordNotice keeps that the applicant of a case was told of it by e-mail.
func (t *Tx) RecordNotice(ctx context.Context, caseID int64, n casework.ApplicantNotice) error {
	_, err := t.tx.ExecContext(ctx, `INSERT INTO applicant_notices (case_id, seq, what, to_addr, sent_at) VALUES ($1,$2,$3,$4,$5)`,
		caseID, n.Seq, n.What, n.To, t.s.ts(n.At))
	return mapErr(err)
}

// ApplicantNotices are the e-mails that told the applicant of a case of it,
// in the order of the steps they told of (sent in the background, a
// receipt's may be recorded after the next step's), then as sent.
func (s *Store) ApplicantNotices(ctx context.Context, caseID int64) ([]casework.ApplicantNotice, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT seq, what, to_addr, sent_at FROM applicant_notices WHERE case_id = $1 ORDER BY seq, id`, caseID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []casework.ApplicantNotice
	for rows.Next() {
		var n casework.ApplicantNotice
		var at timeCol
		if err := rows.Scan(&n.Seq, &n.What, &n.To, &at); err != nil {
			return nil, err
		}
		n.At = at.t
		out = append(out, n)
	}
	return out, rows.Err()
}
