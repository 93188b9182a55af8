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
	Invalid  Kind = "invalid" // the input is wrong; the message says where and how to fix it
	NotFound Kind = "not_found"
	Conflict Kind = "conflict" // the request is valid but not allowed in the current state
	Internal Kind = "internal"
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
	var e *Error
	if errors.As(err, &e) {
		return e.User()
	}
	return "内部错误，请联系系统管理员"
}

// KindOf returns the kind of err, Internal for foreign errors.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}
