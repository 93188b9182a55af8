package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"gongkai/internal/errs"
)

// Two people may open one record's edit form; the operations refuse the
// second save (errs.Conflict), since saved as typed it would undo the first
// one's change unseen. Each edit form carries what it showed ("opened", its
// values as JSON) beside the record's fingerprint ("seen"), so that the
// second save can be merged: the fields its user left as they were take the
// other's values, the ones the user changed keep what was typed. Only a
// field both changed, to different values, is left to the user to decide.

// openedJSON is an edit form's hidden "opened" value: the values it shows.
func openedJSON(values map[string]string) string {
	b, err := json.Marshal(values)
	if err != nil {
		return "" // a map of strings always marshals
	}
	return string(b)
}

// formOpened reads what an edit form showed (nil when it carried nothing
// readable: a page from before forms carried it).
func formOpened(r *http.Request) map[string]string {
	var m map[string]string
	if json.Unmarshal([]byte(r.PostFormValue("opened")), &m) != nil {
		return nil
	}
	return m
}

// mergeTyped is what was typed into a form (typed) over the record as it is
// now (now), given what the form showed when it was opened: a field the
// user left as it was takes now's value (kept says one of them differs),
// one the user changed keeps what was typed. clash says a field was changed
// both by the user and, to another value, by someone else (it keeps what
// was typed).
func mergeTyped(opened, typed, now map[string]string) (merged map[string]string, clash, kept bool) {
	norm := func(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") } // a textarea posts its lines with CRLF
	merged = make(map[string]string, len(typed))
	for k, t := range typed {
		o, n := opened[k], now[k] // (a box not ticked is not in the map: "")
		if norm(t) == norm(o) {
			merged[k] = n
			kept = kept || norm(n) != norm(o)
			continue
		}
		merged[k] = t
		clash = clash || norm(n) != norm(o) && norm(n) != norm(t)
	}
	return merged, clash, kept
}

// saveMerged saves what was typed (save, with the fingerprint the form
// carried) and, when that is refused as a conflict and the form carried
// what it showed, merges what was typed over the record as it is now
// (current: its values and fingerprint; nil values when it cannot be read)
// and, when no field clashes, saves that with now's fingerprint (merged
// true). Otherwise it returns the refusal, asked again of the operation
// with the merged values, so that its message names what the form's user
// changed and no more, with the merged values for the form to show. A save
// refused for another reason, or a form that carried nothing, comes back
// as it was, with what was typed.
func saveMerged(r *http.Request, typed map[string]string, current func() (map[string]string, string),
	save func(f map[string]string, seen string) error) (form map[string]string, merged bool, _ error) {
	err := save(typed, r.PostFormValue("seen"))
	opened := formOpened(r)
	if errs.KindOf(err) != errs.Conflict || opened == nil {
		return typed, false, err
	}
	now, nowSeen := current()
	if now == nil {
		return typed, false, err
	}
	f, clash, kept := mergeTyped(opened, typed, now)
	if clash {
		err := save(f, r.PostFormValue("seen"))
		var e *errs.Error
		if kept && errors.As(err, &e) && e.Kind == errs.Conflict {
			c := *e
			c.Msg += "。他人对您未改动各项所作的修改已填入表中，保存时一并保留"
			err = &c
		}
		return f, false, err
	}
	if err := save(f, nowSeen); err != nil {
		return f, false, err // (changed yet again meanwhile, or invalid as merged)
	}
	return f, true, nil
}
