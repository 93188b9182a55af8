package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"sort"
	"time"

	"gongkai/internal/casework"
	"gongkai/internal/org"
)

// CreateUser inserts a user with a password hash. ErrConflict when the login exists.
func (s *Store) CreateUser(ctx context.Context, u *org.User, passwordHash string) error {
	return mapErr(s.db.QueryRowContext(ctx, `INSERT INTO users (agency_id, login, name, role, password_hash, created_at) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
		u.AgencyID, u.Login, u.Name, string(u.Role), passwordHash, s.ts(s.Now())).Scan(&u.ID))
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

// CreateSession starts a session; the token goes into the cookie, only its
// hash into the database, and csrf is the form token of the session.
func (s *Store) CreateSession(ctx context.Context, userID int64, ttl time.Duration) (token, csrf string, err error) {
	b := make([]byte, 32)
	rand.Read(b)
	token = hex.EncodeToString(b)
	rand.Read(b)
	csrf = hex.EncodeToString(b)
	now := s.Now()
	_, err = s.db.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at) VALUES ($1,$2,$3,$4,$5)`,
		hashKey(token), userID, csrf, s.ts(now), s.ts(now.Add(ttl)))
	return token, csrf, mapErr(err)
}

// SessionUser returns the user and form token of a live session. ErrNotFound otherwise.
func (s *Store) SessionUser(ctx context.Context, token string) (*org.User, string, error) {
	u := &org.User{}
	var role, csrf string
	var exp timeCol
	err := s.db.QueryRowContext(ctx, `SELECT u.id, u.agency_id, u.login, u.name, u.role, s.csrf, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_hash = $1 AND u.disabled_at IS NULL`, hashKey(token)).Scan(&u.ID, &u.AgencyID, &u.Login, &u.Name, &role, &csrf, &exp)
	if err != nil {
		return nil, "", mapErr(err)
	}
	if !exp.t.After(s.Now()) {
		return nil, "", ErrNotFound
	}
	u.Role = casework.Role(role)
	return u, csrf, nil
}

// DeleteSession ends a session.
func (s *Store) DeleteSession(ctx context.Context, token string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, hashKey(token))
	return mapErr(err)
}

// VisibleAgencies are the agencies a user may see: their own, and for a
// supervisor or an administrator every agency below it too.
func (s *Store) VisibleAgencies(ctx context.Context, u *org.User) ([]int64, error) {
	if !u.SeesBelow() {
		return []int64{u.AgencyID}, nil
	}
	all, err := queryIDs(ctx, s.db, `WITH RECURSIVE below(id) AS (SELECT id FROM agencies WHERE id = $1
		UNION SELECT a.id FROM agencies a JOIN below b ON a.parent_id = b.id) SELECT id FROM below`, u.AgencyID)
	return all, err
}

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	At       time.Time
	UserID   int64
	AgencyID int64
	Action   string
	Object   string
	Detail   string
}

// Audit records a change.
func (s *Store) Audit(ctx context.Context, e AuditEntry) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO audit_log (at, user_id, agency_id, action, object, detail) VALUES ($1,$2,$3,$4,$5,$6)`,
		s.ts(s.Now()), e.UserID, e.AgencyID, e.Action, e.Object, e.Detail)
	return mapErr(err)
}

// UserRow is a user as the administration page lists it.
type UserRow struct {
	org.User
	Agency   string
	Disabled bool
}

// ListUsers returns the users of the given agencies.
func (s *Store) ListUsers(ctx context.Context, agencyIDs []int64) ([]UserRow, error) {
	var out []UserRow
	for _, id := range agencyIDs {
		rows, err := s.db.QueryContext(ctx, `SELECT u.id, u.agency_id, u.login, u.name, u.role, a.name, u.disabled_at IS NOT NULL
			FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.agency_id = $1 ORDER BY u.login`, id)
		if err != nil {
			return nil, mapErr(err)
		}
		for rows.Next() {
			var u UserRow
			var role string
			if err := rows.Scan(&u.ID, &u.AgencyID, &u.Login, &u.Name, &role, &u.Agency, &u.Disabled); err != nil {
				rows.Close()
				return nil, err
			}
			u.Role = casework.Role(role)
			out = append(out, u)
		}
		rows.Close()
	}
	return out, nil
}

// AuditRow is one audit log line with the names resolved.
type AuditRow struct {
	At                                   time.Time
	User, Agency, Action, Object, Detail string
}

// ListAudit returns the latest audit lines of the given agencies.
func (s *Store) ListAudit(ctx context.Context, agencyIDs []int64, limit int) ([]AuditRow, error) {
	var out []AuditRow
	for _, id := range agencyIDs {
		rows, err := s.db.QueryContext(ctx, `SELECT l.at, COALESCE(u.name, ''), COALESCE(a.name, ''), l.action, l.object, l.detail
			FROM audit_log l LEFT JOIN users u ON u.id = l.user_id LEFT JOIN agencies a ON a.id = l.agency_id
			WHERE l.agency_id = $1 ORDER BY l.at DESC, l.id DESC LIMIT $2`, id, limit)
		if err != nil {
			return nil, mapErr(err)
		}
		for rows.Next() {
			var r AuditRow
			var at timeCol
			if err := rows.Scan(&at, &r.User, &r.Agency, &r.Action, &r.Object, &r.Detail); err != nil {
				rows.Close()
				return nil, err
			}
			r.At = at.t
			out = append(out, r)
		}
		rows.Close()
	}
	sort.Slice(out, func(i, j int) bool { return out[i].At.After(out[j].At) })
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// UpdateAgency saves an agency's settings.
func (s *Store) UpdateAgency(ctx context.Context, a *Agency) error {
	_, err := s.db.ExecContext(ctx, `UPDATE agencies SET name = $1, review_organ = $2, letter_prefix = $3, address = $4, phone = $5, hours = $6, email = $7, fax = $8 WHERE id = $9`,
		a.Name, a.ReviewOrgan, a.LetterPrefix, a.Address, a.Phone, a.Hours, a.Email, a.Fax, a.ID)
	return mapErr(err)
}
