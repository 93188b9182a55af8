package report

import (
	"encoding/json"
	"testing"
)

// The hand-written string writer of MarshalJSON writes what encoding/json
// writes, byte for byte.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "示例局", "a\"b\\c", "<td>&</td>", "\x00\x1f\t\n\r", "\u2028\u2029", "\xff\xfe", "表三“新收”"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Fatalf("%q: %s, encoding/json %s", s, got, want)
		}
	})
}

// Every string of up to three pieces of CJK, the line separators, broken
// and surrogate sequences: what encoding/json writes.
func TestJSONStringThreeByteForms(t *testing.T) {
	pieces := []string{"中", "\u2028", "\u2029", "\ue000", "\uffff", "\xed\xa0\x80", "\xe0\x80\x80", "\xe4\xb8", "\xef\xbf\xbd", "a", "\"", "\x01"}
	eachString(pieces, 3, func(s string) {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Fatalf("%q: %s, encoding/json %s", s, got, want)
		}
	})
}
