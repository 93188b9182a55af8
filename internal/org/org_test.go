package org

import (
	"strings"
	"testing"
)

func TestPasswords(t *testing.T) {
	h, err := HashPassword("正确的密码123")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %s", h)
	}
	if !CheckPassword(h, "正确的密码123") || CheckPassword(h, "错误的密码123") || CheckPassword("garbage", "x") {
		t.Error("check")
	}
	h2, _ := HashPassword("正确的密码123")
	if h2 == h {
		t.Error("no salt")
	}
	if _, err := HashPassword("short"); err == nil {
		t.Error("short password accepted")
	}
}

// First passwords are 16 characters of the alphabet a person reads off
// paper without mistaking one for another, each new.
func TestNewPassword(t *testing.T) {
	seen := map[string]bool{}
	for range 200 {
		pw := NewPassword()
		if len(pw) != 16 || strings.ContainsAny(pw, "0O1lI") || PasswordClasses.Check(pw) != nil {
			t.Fatalf("%q", pw)
		}
		if seen[pw] {
			t.Fatalf("%q twice", pw)
		}
		seen[pw] = true
	}
}

// The stricter rule asks for three kinds of character out of four; the
// plain one only for eight characters.
func TestPasswordRule(t *testing.T) {
	for pw, ok := range map[string]bool{"abcdefgh": false, "abcd1234": false, "Abcd1234": true, "abcd-1234": true, "ABCD-EFGH": false,
		"密码密码Ab1!": true, "Ab1!": false, "ABCDefgh": false} {
		if err := PasswordClasses.Check(pw); (err == nil) != ok {
			t.Errorf("classes %q: %v", pw, err)
		}
	}
	if PasswordLength.Check("abcdefgh") != nil || PasswordLength.Check("abc") == nil {
		t.Error("the length rule")
	}
}
