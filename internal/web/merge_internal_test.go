package web

import (
	"maps"
	"testing"
)

// What was typed goes over the record as it is now field by field: a field
// left as the form showed it takes now's value, a changed one keeps what
// was typed, and only a field both changed, differently, clashes. A
// textarea's CRLF is no change; a box not ticked is "" whether or not the
// map holds it.
func TestMergeTyped(t *testing.T) {
	opened := map[string]string{"title": "甲", "note": "一\n二", "own": "1", "url": ""}
	for _, c := range []struct {
		name       string
		typed, now map[string]string
		want       map[string]string
		clash      bool
	}{
		{"nobody else changed it", map[string]string{"title": "乙", "note": "一\r\n二", "own": "1", "url": ""}, opened,
			map[string]string{"title": "乙", "note": "一\n二", "own": "1", "url": ""}, false},
		{"another field changed", map[string]string{"title": "乙", "note": "一\r\n二", "own": "1", "url": ""},
			map[string]string{"title": "甲", "note": "三", "url": "http://x"},
			map[string]string{"title": "乙", "note": "三", "own": "", "url": "http://x"}, false},
		{"the same change twice", map[string]string{"title": "乙", "note": "一\n二", "own": "1", "url": ""},
			map[string]string{"title": "乙", "note": "一\n二", "own": "1"},
			map[string]string{"title": "乙", "note": "一\n二", "own": "1", "url": ""}, false},
		{"both changed the title", map[string]string{"title": "乙", "note": "一\n二", "own": "", "url": ""},
			map[string]string{"title": "丙", "note": "四", "own": "1"},
			map[string]string{"title": "乙", "note": "四", "own": "", "url": ""}, true},
		{"one unticked what the other left", map[string]string{"title": "甲", "note": "一\n二", "own": "", "url": ""},
			map[string]string{"title": "丁", "note": "一\n二", "own": "1"},
			map[string]string{"title": "丁", "note": "一\n二", "own": "", "url": ""}, false},
	} {
		got, clash, _ := mergeTyped(opened, c.typed, c.now)
		if !maps.Equal(got, c.want) || clash != c.clash {
			t.Errorf("%s: %v %v, want %v %v", c.name, got, clash, c.want, c.clash)
		}
	}
}
