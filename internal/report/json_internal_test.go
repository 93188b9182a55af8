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
