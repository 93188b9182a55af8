// Package errs holds the one error type of gongkai: a cause for the logs and a
// Chinese message for the person who has to act on it.
package errs

import (
	"errors"
	"fmt"
)

// Kind classifies an error so that the CLI, the web UI and the API can map it
// to an exit code or HTTP status in one place.
type Kind string

const (
	Invalid   Kind = "invalid" // the input is wrong; the message says where and how to fix it
	NotFound  Kind = "not_found"
	Conflict  Kind = "conflict"  // the request is valid but not allowed in the current state
	Forbidden Kind = "forbidden" // the person's role may not do this
	TooLarge  Kind = "too_large" // the input is larger than allowed
	Internal  Kind = "internal"
)

// Error carries the user-facing Chinese message (Msg), where the problem is
// (Where: "file:line:col", a form field, a cell) and the underlying cause.
type Error struct {
	Kind  Kind
	Where string
	Msg   string
	Cause error
}

func (e *Error) Error() string {
	s := e.Msg
	if e.Where != "" {
		s = e.Where + ": " + s
	}
	if e.Cause != nil {
		s += " (" + e.Cause.Error() + ")"
	}
	return s
}

func (e *Error) Unwrap() error { return e.Cause }

// User returns the message to show a person: where, then what.
func (e *Error) User() string {
	if e.Where != "" {
		return e.Where + "：" + e.Msg
	}
	return e.Msg
}

// New returns an Invalid error at a location.
func New(where, format string, args ...any) *Error {
	return &Error{Kind: Invalid, Where: where, Msg: fmt.Sprintf(format, args...)}
}

// Wrap attaches a cause and a Chinese message.
func Wrap(kind Kind, cause error, where, format string, args ...any) *Error {
	return &Error{Kind: kind, Where: where, Msg: fmt.Sprintf(format, args...), Cause: cause}
}

// Message returns the Chinese message of err, or a generic one for errors that
// are not ours (their details belong in the log, not in front of a user).
func Message(err error) string {
	return join(err, (*Error).User)
}

// Readable is Message for a page: a place that is only a field's id
// (received_on, applications.new, posts[0].month) is left out, as it means
// nothing to a reader and the page names the field its own way; a place a
// person can find (第3行, a file in an archive, a flag) is kept.
func Readable(err error) string {
	return join(err, func(e *Error) string {
		if fieldID(e.Where) {
			return e.Msg
		}
		return e.User()
	})
}

// fieldID says whether a place is a field's id: ASCII letters, digits and
// the marks of a path into a document (._[]), nothing a person writes.
func fieldID(where string) bool {
	if where == "" {
		return false
	}
	for _, r := range where {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '.' || r == '[' || r == ']') {
			return false
		}
	}
	return true
}

// Plain is Message without the places: for a page or a log line that names
// the fields another way (a form field's id means nothing to a reader).
func Plain(err error) string {
	return join(err, func(e *Error) string { return e.Msg })
}

// join writes each problem of err as say does, separated by "；", or the
// generic message for an error that is not ours.
func join(err error, say func(*Error) string) string {
	var l List
	if !errors.As(err, &l) {
		var e *Error
		if !errors.As(err, &e) {
			return "内部错误，请联系系统管理员"
		}
		l = List{e}
	}
	var b []byte
	for i, e := range l {
		if i > 0 {
			b = append(b, "；"...)
		}
		b = append(b, say(e)...)
	}
	return string(b)
}

// KindOf returns the kind of err, Internal for foreign errors.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}

// List is several problems found at once, each at its own field: a form or a
// row checked as a whole, so that a person fixes everything in one pass.
type List []*Error

func (l List) Error() string {
	var b []byte
	for i, e := range l {
		if i > 0 {
			b = append(b, "; "...)
		}
		b = append(b, e.Error()...)
	}
	return string(b)
}

// Unwrap lets errors.As find the first problem (its Kind is the list's).
func (l List) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Add appends a problem at a field.
func (l *List) Add(where, format string, args ...any) {
	*l = append(*l, New(where, format, args...))
}

// Err is nil when the list is empty, the list otherwise.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Fields returns every problem of err by field: all of a List, or the one
// error. Problems without a field are under "".
func Fields(err error) map[string]string {
	out := map[string]string{}
	var l List
	if errors.As(err, &l) {
		for _, e := range l {
			if _, dup := out[e.Where]; !dup {
				out[e.Where] = e.Msg
			}
		}
		return out
	}
	var e *Error
	if errors.As(err, &e) {
		out[e.Where] = e.Msg
		return out
	}
	out[""] = Message(err)
	return out
}
