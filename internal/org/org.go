// Package org is who works in gongkai: users with a role in an agency, the
// agency hierarchy that decides what a supervisor sees, and passwords.
package org

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"gongkai/internal/casework"
	"gongkai/internal/errs"
)

// Roles, with their Chinese names, and the short ones the page header uses.
var Roles = []struct {
	ID    casework.Role
	Name  string
	Short string
}{
	{casework.Clerk, "办理人", "办理人"},
	{casework.Approver, "公开工作机构负责人", "负责人"},
	{casework.Supervisor, "主管部门", "主管部门"},
	{casework.Admin, "系统管理员", "管理员"},
}

// RoleName is the Chinese name of a role.
func RoleName(r casework.Role) string {
	for _, x := range Roles {
		if x.ID == r {
			return x.Name
		}
	}
	return string(r)
}

// RoleShort is a role's short name (负责人 for 公开工作机构负责人).
func RoleShort(r casework.Role) string {
	for _, x := range Roles {
		if x.ID == r {
			return x.Short
		}
	}
	return string(r)
}

// User is a person who signs in.
type User struct {
	ID       int64
	AgencyID int64
	Login    string
	Name     string
	Role     casework.Role
}

// SeesBelow reports whether the role sees the agencies under its own.
func (u *User) SeesBelow() bool { return u.Role == casework.Supervisor || u.Role == casework.Admin }

// Actor is the user as the casework records it.
func (u *User) Actor() casework.Actor { return casework.Actor{Name: u.Name, Role: u.Role} }

// argon2id parameters: OWASP's minimum (19 MiB, 2 passes, 1 lane).
const (
	argonMemory = 19 * 1024
	argonTime   = 2
	argonLanes  = 1
	argonKeyLen = 32
)

// ValidPassword says whether pw may be a password at all (at least 8
// characters); PasswordRule.Check is the stricter rule an office may set.
func ValidPassword(pw string) error {
	if utf8.RuneCountInString(pw) < 8 {
		return errs.New("password", "密码至少 8 位")
	}
	return nil
}

// PasswordRule is how strong a new password must be.
type PasswordRule string

const (
	PasswordLength  PasswordRule = "length"  // at least 8 characters
	PasswordClasses PasswordRule = "classes" // and three of capitals, small letters, digits and symbols
)

// Hint is the rule as a form states it.
func (r PasswordRule) Hint() string {
	if r == PasswordClasses {
		return "至少 8 位，含大写字母、小写字母、数字、符号中的至少三种"
	}
	return "至少 8 位"
}

// Check says whether pw follows the rule, and what is missing.
func (r PasswordRule) Check(pw string) error {
	if err := ValidPassword(pw); err != nil || r != PasswordClasses {
		return err
	}
	var upper, lower, digit, other bool
	for _, c := range pw {
		switch {
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= 'a' && c <= 'z':
			lower = true
		case c >= '0' && c <= '9':
			digit = true
		default:
			other = true
		}
	}
	n := 0
	for _, b := range []bool{upper, lower, digit, other} {
		if b {
			n++
		}
	}
	if n < 3 {
		return errs.New("password", "密码须包含大写字母、小写字母、数字、符号中的至少三种")
	}
	return nil
}

// NewPassword is a first password to hand over: 16 characters of an
// alphabet without the ones misread on paper (0/O, 1/l/I), with capitals,
// small letters and digits (so that it follows either rule).
func NewPassword() string {
	for {
		if pw := newPassword(); PasswordClasses.Check(pw) == nil {
			return pw
		}
	}
}

func newPassword() string {
	const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	const limit = 256 - 256%len(alphabet) // bytes at or above it would favour the first letters
	out := make([]byte, 0, 16)
	b := make([]byte, 32)
	for len(out) < 16 {
		_, _ = rand.Read(b) // never fails (crypto/rand)
		for _, c := range b {
			if int(c) < limit && len(out) < 16 {
				out = append(out, alphabet[int(c)%len(alphabet)])
			}
		}
	}
	return string(out)
}

// HashPassword returns a PHC string: $argon2id$v=19$m=…,t=…,p=…$salt$hash.
func HashPassword(pw string) (string, error) {
	if err := ValidPassword(pw); err != nil {
		return "", err
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonLanes, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonLanes,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// CheckPassword compares in constant time; parameters come from the hash, so
// they can be raised later without breaking stored passwords.
func CheckPassword(hash, pw string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}
