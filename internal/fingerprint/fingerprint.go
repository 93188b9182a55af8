// Package fingerprint identifies a record as a form showed it: the form
// carries the fingerprint of what it was opened with, so that a save over
// a change someone else made since is refused instead of undoing it unseen.
package fingerprint

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"

	"gongkai/internal/workday"
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

// Diff names the fields whose values differ between a and b, the values as
// a person reads them in the order of names: "name a → b", joined by ；
// ("" when none).
func Diff(names, a, b []string) string {
	var out []string
	for i, name := range names {
		if a[i] != b[i] {
			out = append(out, name+" "+a[i]+" → "+b[i])
		}
	}
	return strings.Join(out, "；")
}

// Text is a field's text as Diff shows it: （空） for none.
func Text(s string) string {
	if s == "" {
		return "（空）"
	}
	return s
}

// Date is an optional date as Diff shows it.
func Date(d *workday.Date) string {
	if d == nil {
		return "（空）"
	}
	return d.String()
}

// Yes is a yes-or-no field as Diff shows it.
func Yes(v bool) string {
	if v {
		return "是"
	}
	return "否"
}
