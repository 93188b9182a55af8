package store

import (
	"context"

	"gongkai/internal/workday"
)

// ClaimReminder takes the user's reminder of the day for this instance:
// false when it is taken already (sent, or being sent by another instance),
// so that several instances on one database send it once.
func (t *Tx) ClaimReminder(ctx context.Context, userID int64, day workday.Date) (bool, error) {
	res, err := t.tx.ExecContext(ctx, `INSERT INTO reminders (user_id, day, claimed_at) VALUES ($1, $2, $3) ON CONFLICT (user_id, day) DO NOTHING`,
		userID, date(day), t.s.ts(t.s.Clock.Now()))
	if err != nil {
		return false, mapErr(err)
	}
	n, err := res.RowsAffected()
	return n == 1, mapErr(err)
}

// ReminderSent records that the claimed reminder went out, with how many
// applications it named.
func (t *Tx) ReminderSent(ctx context.Context, userID int64, day workday.Date, cases int) error {
	_, err := t.tx.ExecContext(ctx, `UPDATE reminders SET sent_at = $1, cases = $2 WHERE user_id = $3 AND day = $4`,
		t.s.ts(t.s.Clock.Now()), cases, userID, date(day))
	return mapErr(err)
}

// ReleaseReminder gives a claim back when sending failed, so that a later
// attempt of the day sends it.
func (t *Tx) ReleaseReminder(ctx context.Context, userID int64, day workday.Date) error {
	_, err := t.tx.ExecContext(ctx, `DELETE FROM reminders WHERE user_id = $1 AND day = $2 AND sent_at IS NULL`, userID, date(day))
	return mapErr(err)
}

// RemindersSent counts the reminders sent on the day.
func (s *Store) RemindersSent(ctx context.Context, day workday.Date) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM reminders WHERE day = $1 AND sent_at IS NOT NULL`, date(day)).Scan(&n)
	return n, mapErr(err)
}

// Remindable are the users in service who handle applications (办理人,
// 负责人) or oversee agencies (主管部门) and gave an e-mail address, by
// agency and login.
func (s *Store) Remindable(ctx context.Context) ([]UserRow, error) {
	return s.users(ctx, `u.email <> '' AND u.disabled_at IS NULL AND u.role IN ('clerk', 'approver', 'supervisor')`)
}
