package fingerprint_test

import (
	"testing"

	"gongkai/internal/fingerprint"
)

func TestOf(t *testing.T) {
	type rec struct {
		Name string
		N    *int
	}
	one := 1
	a, b := rec{"甲", nil}, rec{"甲", &one}
	if fingerprint.Of(a) != fingerprint.Of(rec{"甲", nil}) {
		t.Error("equal values differ")
	}
	if fingerprint.Of(a) == fingerprint.Of(b) || fingerprint.Of(a) == fingerprint.Of(rec{"乙", nil}) {
		t.Error("a change of a field keeps the fingerprint")
	}
	if len(fingerprint.Of(a)) != 24 {
		t.Errorf("length %d", len(fingerprint.Of(a)))
	}
}
