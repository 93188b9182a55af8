package store

import (
	"context"

	"gongkai/internal/casework"
	"gongkai/internal/workday"
)

// UsePhrase counts one more use of a note of a step kind in an agency.
func (t *Tx) UsePhrase(ctx context.Context, agencyID int64, kind casework.StepKind, text string, on workday.Date) error {
	_, err := t.tx.ExecContext(ctx, `INSERT INTO phrases (agency_id, kind, text, uses, last_used) VALUES ($1,$2,$3,1,$4)
		ON CONFLICT (agency_id, kind, text) DO UPDATE SET uses = phrases.uses + 1, last_used = $4`, agencyID, string(kind), text, date(on))
	return mapErr(err)
}

// Phrases are an agency's notes used at least twice and last since the day
// given, per step kind, the most used first, at most n a kind.
func (s *Store) Phrases(ctx context.Context, agencyID int64, since workday.Date, n int) (map[casework.StepKind][]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kind, text FROM phrases WHERE agency_id = $1 AND uses >= 2 AND last_used >= $2
		ORDER BY uses DESC, last_used DESC, text`, agencyID, date(since))
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := map[casework.StepKind][]string{}
	for rows.Next() {
		var kind, text string
		if err := rows.Scan(&kind, &text); err != nil {
			return nil, mapErr(err)
		}
		if k := casework.StepKind(kind); len(out[k]) < n {
			out[k] = append(out[k], text)
		}
	}
	return out, mapErr(rows.Err())
}

// ForgetPhrase removes a note of a step kind from an agency's counted ones;
// false when there was none.
func (t *Tx) ForgetPhrase(ctx context.Context, agencyID int64, kind casework.StepKind, text string) (bool, error) {
	res, err := t.tx.ExecContext(ctx, `DELETE FROM phrases WHERE agency_id = $1 AND kind = $2 AND text = $3`, agencyID, string(kind), text)
	if err != nil {
		return false, mapErr(err)
	}
	n, err := res.RowsAffected()
	return n > 0, mapErr(err)
}
