// Package fingerprint identifies a record as a form showed it: the form
// carries the fingerprint of what it was opened with, so that a save over
// a change someone else made since is refused instead of undoing it unseen.
package fingerprint

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// Of is the fingerprint of v, plain data (its JSON, hashed): equal values
// have equal fingerprints, and any change of a field changes it.
func Of(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic("fingerprint of a value that is not plain data: " + err.Error()) // a programming error, not input
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12])
}
