package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"

	"gongkai/internal/casework"
)

// APIKey is an agency's key to the JSON API.
type APIKey struct {
	ID       int64         `json:"id"`
	AgencyID int64         `json:"agency_id"`
	Name     string        `json:"name"`
	Role     casework.Role `json:"role"`
}

func hashKey(key string) string {
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:])
}

// CreateAPIKey makes a key for an agency and returns its secret, which is
// shown once: only its hash is stored.
func (s *Store) CreateAPIKey(ctx context.Context, agencyID int64, name string, role casework.Role) (string, error) {
	b := make([]byte, 24)
	rand.Read(b)
	key := "gk_" + hex.EncodeToString(b)
	_, err := s.db.ExecContext(ctx, `INSERT INTO api_keys (agency_id, name, hash, role, created_at) VALUES ($1,$2,$3,$4,$5)`,
		agencyID, name, hashKey(key), string(role), s.ts(s.Now()))
	return key, mapErr(err)
}

// LookupAPIKey finds an active key. ErrNotFound for an unknown or revoked key.
func (s *Store) LookupAPIKey(ctx context.Context, key string) (*APIKey, error) {
	k := &APIKey{}
	var role string
	err := s.db.QueryRowContext(ctx, `SELECT id, agency_id, name, role FROM api_keys WHERE hash = $1 AND revoked_at IS NULL`, hashKey(key)).
		Scan(&k.ID, &k.AgencyID, &k.Name, &role)
	k.Role = casework.Role(role)
	return k, mapErr(err)
}

// IssueLetterNumber returns the 文号 of the letter for event seq of a case,
// allocating the next number of the agency's year the first time: a letter
// keeps its number however often it is printed.
func (s *Store) IssueLetterNumber(ctx context.Context, agencyID, caseID int64, seq, year int, format func(n int) string) (string, error) {
	var number string
	err := s.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT number FROM letters WHERE case_id = $1 AND seq = $2`, caseID, seq).Scan(&number)
		if err == nil {
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		n, err := s.next(ctx, tx, agencyID, "letter", year)
		if err != nil {
			return err
		}
		number = format(n)
		_, err = tx.ExecContext(ctx, `INSERT INTO letters (case_id, seq, number, issued_at) VALUES ($1,$2,$3,$4)`, caseID, seq, number, s.ts(s.Now()))
		return mapErr(err)
	})
	return number, err
}
