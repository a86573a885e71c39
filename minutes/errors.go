package minutes

import "errors"

// Errors Parse returns for documents it will not make a meeting of. Each is
// wrapped in a *RejectError that says why; test with errors.Is.
var (
	ErrEmpty      = errors.New("the document is empty")
	ErrBinary     = errors.New("the document is not text")
	ErrTooLarge   = errors.New("the document is too large")
	ErrNotMinutes = errors.New("the document is not minutes")
)

// RejectError explains why a document was rejected. Kind is one of the
// Err… values above, Reason a sentence a clerk can act on.
type RejectError struct {
	Kind   error
	Reason string
}

func (e *RejectError) Error() string {
	if e.Reason == "" {
		return e.Kind.Error()
	}
	return e.Kind.Error() + ": " + e.Reason
}

func (e *RejectError) Unwrap() error { return e.Kind }

func reject(kind error, reason string) error { return &RejectError{Kind: kind, Reason: reason} }
