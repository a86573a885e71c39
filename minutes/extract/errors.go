package extract

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
)

// The kinds of failure. Every error Text and ReadFile return wraps one of
// them in an *Error whose message names the file and says what to do;
// test the kind with errors.Is.
var (
	ErrEmpty       = errors.New("the file is empty")
	ErrTooLarge    = errors.New("the file is too large")
	ErrZipBomb     = errors.New("the file expands too much when unpacked")
	ErrDamaged     = errors.New("the file is damaged")
	ErrTimeout     = errors.New("reading the file took too long")
	ErrUnsupported = errors.New("the file is not in a format minutebook reads")
	ErrEncrypted   = errors.New("the file is password-protected")
	ErrBinary      = errors.New("the file is not text")
	ErrNoText      = errors.New("the document has no text")
	ErrEngine      = errors.New("the PDF reader could not start")
	ErrMissing     = errors.New("there is no such file")
)

// Error is a document minutebook will not read, and why. Name is the file
// name as given; Reason is a sentence for a clerk: what is wrong and what
// to do about it. Err, when set, is the underlying cause.
type Error struct {
	Name   string
	Kind   error
	Reason string
	Err    error
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Name != "" {
		b.WriteString(DisplayName(e.Name))
		b.WriteString(": ")
	}
	b.WriteString(e.Kind.Error())
	if e.Reason != "" {
		b.WriteString(": ")
		b.WriteString(e.Reason)
	}
	return b.String()
}

// Unwrap lets errors.Is find both the kind and the cause.
func (e *Error) Unwrap() []error {
	if e.Err != nil {
		return []error{e.Kind, e.Err}
	}
	return []error{e.Kind}
}

func fail(name string, kind error, reason string, cause error) error {
	return &Error{Name: name, Kind: kind, Reason: reason, Err: cause}
}

// DisplayName returns a file name fit to print on a terminal: a name with
// control characters, escape sequences or bidirectional overrides is
// quoted with those characters escaped, so that a hostile name cannot
// drive the terminal or disguise itself.
func DisplayName(name string) string {
	for _, r := range name {
		if unsafeRune(r) {
			return strconv.QuoteToASCII(name)
		}
	}
	return name
}

// unsafeRune reports whether r must never reach a terminal as it is.
func unsafeRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\f':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return true
	case isBidiControl(r) || r == unicode.ReplacementChar:
		return true
	}
	return false
}

func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}
