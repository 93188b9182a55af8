package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"time"

	"gongkai/internal/audit"
	"gongkai/internal/casework"
	"gongkai/internal/org"
)

// CreateUser inserts a user with a password hash. ErrConflict when the login exists.
func (t *Tx) CreateUser(ctx context.Context, u *org.User, passwordHash string) error {
	now := t.s.ts(t.s.Clock.Now())
	return mapErr(t.tx.QueryRowContext(ctx, `INSERT INTO users (agency_id, login, name, role, password_hash, created_at, password_changed_at) VALUES ($1,$2,$3,$4,$5,$6,$6) RETURNING id`,
		u.AgencyID, u.Login, u.Name, string(u.Role), passwordHash, now).Scan(&u.ID))
}

// SetTemporary marks a user's password as one an administrator set, to be
// changed at the next sign-in (where the rules ask for it).
func (t *Tx) SetTemporary(ctx context.Context, userID int64, temporary bool) error {
	_, err := t.tx.ExecContext(ctx, `UPDATE users SET password_temporary = $1 WHERE id = $2`, temporary, userID)
	return mapErr(err)
}

// SetPassword replaces a user's password hash and ends their sessions;
// temporary: an administrator set it (SetTemporary).
func (t *Tx) SetPassword(ctx context.Context, userID int64, passwordHash string, temporary bool) error {
	if _, err := t.tx.ExecContext(ctx, `UPDATE users SET password_hash = $1, password_changed_at = $2, password_temporary = $3 WHERE id = $4`,
		passwordHash, t.s.ts(t.s.Clock.Now()), temporary, userID); err != nil {
		return mapErr(err)
	}
	_, err := t.tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID)
	return mapErr(err)
}

// SetEmail sets the address a user's daily reminder goes to ("": none).
func (t *Tx) SetEmail(ctx context.Context, userID int64, email string) error {
	res, err := t.tx.ExecContext(ctx, `UPDATE users SET email = $1 WHERE id = $2`, email, userID)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// SetDisabled disables a user (and ends their sessions) or enables them again.
func (t *Tx) SetDisabled(ctx context.Context, userID int64, disabled bool) error {
	var at any
	if disabled {
		at = t.s.ts(t.s.Clock.Now())
		if _, err := t.tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID); err != nil {
			return mapErr(err)
		}
	}
	res, err := t.tx.ExecContext(ctx, `UPDATE users SET disabled_at = $1 WHERE id = $2`, at, userID)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// UserByLogin returns an active user and the password hash. ErrNotFound otherwise.
func (s *Store) UserByLogin(ctx context.Context, login string) (*org.User, string, error) {
	u := &org.User{}
	var role, hash string
	err := s.db.QueryRowContext(ctx, `SELECT id, agency_id, login, name, role, password_hash FROM users WHERE login = $1 AND disabled_at IS NULL`, login).
		Scan(&u.ID, &u.AgencyID, &u.Login, &u.Name, &role, &hash)
	u.Role = casework.Role(role)
	return u, hash, mapErr(err)
}

// User returns a user by id (disabled ones too). ErrNotFound otherwise.
func (s *Store) User(ctx context.Context, id int64) (*UserRow, error) {
	rows, err := s.users(ctx, `u.id = $1`, id)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, ErrNotFound
	}
	return &rows[0], nil
}

// PasswordHash returns a user's password hash.
func (s *Store) PasswordHash(ctx context.Context, userID int64) (string, error) {
	var h string
	err := s.db.QueryRowContext(ctx, `SELECT password_hash FROM users WHERE id = $1`, userID).Scan(&h)
	return h, mapErr(err)
}

// CreateSession starts a session; the token goes into the cookie, only its
// hash into the database, and csrf is the form token of the session.
func (t *Tx) CreateSession(ctx context.Context, userID int64, ttl time.Duration) (token, csrf string, err error) {
	b := make([]byte, 32)
	rand.Read(b)
	token = hex.EncodeToString(b)
	rand.Read(b)
	csrf = hex.EncodeToString(b)
	now := t.s.Clock.Now()
	_, err = t.tx.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at) VALUES ($1,$2,$3,$4,$5)`,
		hashKey(token), userID, csrf, t.s.ts(now), t.s.ts(now.Add(ttl)))
	return token, csrf, mapErr(err)
}

// Session is a live session: its user and form token, when it was last
// used, and the state of the user's password.
type Session struct {
	User            *org.User
	CSRF            string
	SeenAt          time.Time // the last use recorded (at most a minute old, see TouchSession)
	PasswordChanged time.Time
	Temporary       bool // the password is one an administrator set
}

// Session returns the session of a token that has not expired and whose
// user is not disabled. ErrNotFound otherwise.
func (s *Store) Session(ctx context.Context, token string) (*Session, error) {
	u := &org.User{}
	se := &Session{User: u}
	var role string
	var created, exp, seen, changed timeCol
	err := s.db.QueryRowContext(ctx, `SELECT u.id, u.agency_id, u.login, u.name, u.role, s.csrf, s.created_at, s.expires_at, s.seen_at,
		u.password_changed_at, u.password_temporary FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_hash = $1 AND u.disabled_at IS NULL`, hashKey(token)).Scan(&u.ID, &u.AgencyID, &u.Login, &u.Name, &role, &se.CSRF,
		&created, &exp, &seen, &changed, &se.Temporary)
	if err != nil {
		return nil, mapErr(err)
	}
	if !exp.t.After(s.Clock.Now()) {
		return nil, ErrNotFound
	}
	u.Role = casework.Role(role)
	se.SeenAt, se.PasswordChanged = seen.t, changed.t
	if se.SeenAt.IsZero() {
		se.SeenAt = created.t
	}
	return se, nil
}

// TouchSession records that a session was used now. Not an act of its
// user's (no audit line): the clock of the time without use.
func (s *Store) TouchSession(ctx context.Context, token string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE sessions SET seen_at = $1 WHERE token_hash = $2`, s.ts(s.Clock.Now()), hashKey(token))
	return mapErr(err)
}

// DeleteSession ends a session.
func (t *Tx) DeleteSession(ctx context.Context, token string) error {
	_, err := t.tx.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, hashKey(token))
	return mapErr(err)
}

// VisibleAgencies are the agencies a user may see: their own, and for a
// supervisor or an administrator every agency below it too.
func (s *Store) VisibleAgencies(ctx context.Context, u *org.User) ([]int64, error) {
	if !u.SeesBelow() {
		return []int64{u.AgencyID}, nil
	}
	return s.Below(ctx, u.AgencyID)
}

// UserRow is a user as the administration page lists it.
type UserRow struct {
	org.User
	Agency   string
	Disabled bool
	Email    string // where the daily reminder goes ("": none)
}

// ListUsers returns the users of the given agencies, by agency and login.
func (s *Store) ListUsers(ctx context.Context, agencyIDs []int64) ([]UserRow, error) {
	if len(agencyIDs) == 0 {
		return nil, nil
	}
	in, args := inList(agencyIDs, 1)
	return s.users(ctx, `u.agency_id IN (`+in+`)`, args...)
}

func (s *Store) users(ctx context.Context, where string, args ...any) ([]UserRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT u.id, u.agency_id, u.login, u.name, u.role, a.name, u.disabled_at IS NOT NULL, u.email
		FROM users u JOIN agencies a ON a.id = u.agency_id WHERE `+where+` ORDER BY u.agency_id, u.login`, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []UserRow
	for rows.Next() {
		var u UserRow
		var role string
		if err := rows.Scan(&u.ID, &u.AgencyID, &u.Login, &u.Name, &role, &u.Agency, &u.Disabled, &u.Email); err != nil {
			return nil, err
		}
		u.Role = casework.Role(role)
		out = append(out, u)
	}
	return out, rows.Err()
}

// AuditRow is one audit log line with the names resolved.
type AuditRow struct {
	At                                  time.Time
	User, Agency, Object, Detail, Actor string
	Action                              audit.Action
}

// ListAudit returns the latest audit lines of the given agencies, newest first.
func (s *Store) ListAudit(ctx context.Context, agencyIDs []int64, limit, offset int) ([]AuditRow, int, error) {
	return s.SearchAudit(ctx, AuditFilter{AgencyIDs: agencyIDs, Limit: limit, Offset: offset})
}

// AuditFilter selects audit lines: of these agencies (required), of one
// action, at or after From and before To (zero: no bound), whose object or
// detail holds Text ("": any).
type AuditFilter struct {
	AgencyIDs     []int64
	Action        audit.Action
	From, To      time.Time
	Text          string
	Limit, Offset int
}

// SearchAudit returns the audit lines the filter selects, newest first, and
// how many there are in all.
func (s *Store) SearchAudit(ctx context.Context, f AuditFilter) ([]AuditRow, int, error) {
	if len(f.AgencyIDs) == 0 {
		return nil, 0, nil
	}
	in, args := inList(f.AgencyIDs, 1)
	where := "l.agency_id IN (" + in + ")"
	add := func(cond string, v any) {
		args = append(args, v)
		where += " AND " + cond + "$" + itoa(len(args))
	}
	if f.Action != "" {
		add("l.action = ", string(f.Action))
	}
	if !f.From.IsZero() {
		add("l.at >= ", s.ts(f.From))
	}
	if !f.To.IsZero() {
		add("l.at < ", s.ts(f.To))
	}
	if f.Text != "" {
		args = append(args, "%"+escapeLike(f.Text)+"%")
		n := itoa(len(args))
		where += ` AND (l.object LIKE $` + n + ` ESCAPE '\' OR l.detail LIKE $` + n + ` ESCAPE '\')`
	}
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM audit_log l WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, mapErr(err)
	}
	args = append(args, f.Limit, f.Offset)
	rows, err := s.db.QueryContext(ctx, `SELECT l.at, COALESCE(u.name, ''), COALESCE(a.name, ''), l.actor, l.action, l.object, l.detail
		FROM audit_log l LEFT JOIN users u ON u.id = l.user_id LEFT JOIN agencies a ON a.id = l.agency_id
		WHERE `+where+` ORDER BY l.at DESC, l.id DESC LIMIT $`+itoa(len(args)-1)+` OFFSET $`+itoa(len(args)), args...)
	if err != nil {
		return nil, 0, mapErr(err)
	}
	defer rows.Close()
	var out []AuditRow
	for rows.Next() {
		var r AuditRow
		var at timeCol
		var action string
		if err := rows.Scan(&at, &r.User, &r.Agency, &r.Actor, &action, &r.Object, &r.Detail); err != nil {
			return nil, 0, err
		}
		r.At, r.Action = at.t, audit.Action(action)
		if r.User == "" {
			r.User = r.Actor
		}
		out = append(out, r)
	}
	return out, total, rows.Err()
}

// AuditCount counts the audit lines (tests check that each action writes one).
func (s *Store) AuditCount(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM audit_log`).Scan(&n)
	return n, mapErr(err)
}

// CreateReset starts a password reset for a user: the token goes into the
// link, only its hash into the database.
func (t *Tx) CreateReset(ctx context.Context, userID int64, ttl time.Duration) (string, error) {
	b := make([]byte, 32)
	rand.Read(b)
	token := hex.EncodeToString(b)
	now := t.s.Clock.Now()
	_, err := t.tx.ExecContext(ctx, `INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ($1,$2,$3,$4)`,
		hashKey(token), userID, t.s.ts(now), t.s.ts(now.Add(ttl)))
	return token, mapErr(err)
}

// ResetUser is the user a live reset token belongs to (not used, not
// expired, the account in use). ErrNotFound otherwise.
func (s *Store) ResetUser(ctx context.Context, token string) (*org.User, error) {
	u := &org.User{}
	var role string
	var exp timeCol
	err := s.db.QueryRowContext(ctx, `SELECT u.id, u.agency_id, u.login, u.name, u.role, r.expires_at FROM password_resets r JOIN users u ON u.id = r.user_id
		WHERE r.token_hash = $1 AND r.used_at IS NULL AND u.disabled_at IS NULL`, hashKey(token)).Scan(&u.ID, &u.AgencyID, &u.Login, &u.Name, &role, &exp)
	if err != nil {
		return nil, mapErr(err)
	}
	if !exp.t.After(s.Clock.Now()) {
		return nil, ErrNotFound
	}
	u.Role = casework.Role(role)
	return u, nil
}

// UseResets marks every open reset of a user used (one was, the others
// must not be any more).
func (t *Tx) UseResets(ctx context.Context, userID int64) error {
	_, err := t.tx.ExecContext(ctx, `UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL`, t.s.ts(t.s.Clock.Now()), userID)
	return mapErr(err)
}

// UseReset marks a reset token used; false when it was used already (by a
// request in between).
func (t *Tx) UseReset(ctx context.Context, token string) (bool, error) {
	res, err := t.tx.ExecContext(ctx, `UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL`, t.s.ts(t.s.Clock.Now()), hashKey(token))
	if err != nil {
		return false, mapErr(err)
	}
	n, err := res.RowsAffected()
	return n == 1, mapErr(err)
}

// SignIns is what the log holds of a user's sign-ins: the one before the
// latest (zero when there was none) with its detail (来自 address), and the
// failed attempts on the login since that one.
func (s *Store) SignIns(ctx context.Context, userID, agencyID int64, login string) (before time.Time, detail string, failed int, err error) {
	rows, err := s.db.QueryContext(ctx, `SELECT at, detail FROM audit_log WHERE user_id = $1 AND action = 'login' ORDER BY at DESC LIMIT 2`, userID)
	if err != nil {
		return time.Time{}, "", 0, mapErr(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var at timeCol
		var d string
		if err := rows.Scan(&at, &d); err != nil {
			return time.Time{}, "", 0, mapErr(err)
		}
		if n++; n == 2 {
			before, detail = at.t, d
		}
	}
	if err := rows.Err(); err != nil {
		return time.Time{}, "", 0, mapErr(err)
	}
	err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE agency_id = $1 AND at >= $2 AND action = 'login.fail' AND object = $3`,
		agencyID, s.ts(before), login).Scan(&failed)
	return before, detail, failed, mapErr(err)
}

// LastSignIns are when each of the users last signed in (absent: never).
func (s *Store) LastSignIns(ctx context.Context, userIDs []int64) (map[int64]time.Time, error) {
	return s.latest(ctx, `SELECT user_id, MAX(at) FROM audit_log WHERE action = 'login' AND user_id IN (%s) GROUP BY user_id`, userIDs)
}
