package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"strconv"

	"gongkai/internal/casework"
	"gongkai/internal/org"
)

func itoa(n int) string { return strconv.Itoa(n) }

func hashKey(key string) string {
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:])
}

// CreateAPIKey makes a key for an agency and returns its secret, which is
// shown once: only its hash is stored.
func (t *Tx) CreateAPIKey(ctx context.Context, agencyID int64, name string, role casework.Role) (string, error) {
	b := make([]byte, 24)
	rand.Read(b)
	key := "gk_" + hex.EncodeToString(b)
	_, err := t.tx.ExecContext(ctx, `INSERT INTO api_keys (agency_id, name, hash, role, created_at) VALUES ($1,$2,$3,$4,$5)`,
		agencyID, name, hashKey(key), string(role), t.s.ts(t.s.Clock.Now()))
	return key, mapErr(err)
}

// LookupAPIKey finds an active key. ErrNotFound for an unknown or revoked key.
func (s *Store) LookupAPIKey(ctx context.Context, key string) (*org.APIKey, error) {
	k := &org.APIKey{}
	var role string
	err := s.db.QueryRowContext(ctx, `SELECT id, agency_id, name, role FROM api_keys WHERE hash = $1 AND revoked_at IS NULL`, hashKey(key)).
		Scan(&k.ID, &k.AgencyID, &k.Name, &role)
	k.Role = casework.Role(role)
	return k, mapErr(err)
}

// LetterNumber is the 文号 already given to the letter of event seq, or "".
func (s *Store) LetterNumber(ctx context.Context, caseID int64, seq int) (string, error) {
	return letterNumber(ctx, s.db, caseID, seq)
}

// LetterNumber is Store.LetterNumber read in the transaction.
func (t *Tx) LetterNumber(ctx context.Context, caseID int64, seq int) (string, error) {
	return letterNumber(ctx, t.tx, caseID, seq)
}

func letterNumber(ctx context.Context, q queryer, caseID int64, seq int) (string, error) {
	var number string
	err := q.QueryRowContext(ctx, `SELECT number FROM letters WHERE case_id = $1 AND seq = $2`, caseID, seq).Scan(&number)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return number, mapErr(err)
}

// IssueLetterNumber returns the 文号 of the letter for event seq of a case,
// allocating the next number of the agency's year the first time: a letter
// keeps its number however often it is printed. fresh says it was allocated now.
func (t *Tx) IssueLetterNumber(ctx context.Context, agencyID, caseID int64, seq, year int, format func(n int) string) (number string, fresh bool, err error) {
	if number, err = t.LetterNumber(ctx, caseID, seq); err != nil || number != "" {
		return number, false, err
	}
	n, err := next(ctx, t.tx, agencyID, "letter", year)
	if err != nil {
		return "", false, err
	}
	number = format(n)
	_, err = t.tx.ExecContext(ctx, `INSERT INTO letters (case_id, seq, number, issued_at) VALUES ($1,$2,$3,$4)`, caseID, seq, number, t.s.ts(t.s.Clock.Now()))
	return number, true, mapErr(err)
}
