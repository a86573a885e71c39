package minutes

import (
	"io"
)

// Options adjust Parse.
type Options struct {
	// Name is the source's file name, used in warnings and IDs' provenance.
	Name string
	// MaxBytes bounds what Parse reads; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Trace, when set, collects how each line was read and why
	// (`minutebook parse --trace`).
	Trace *Trace

	// What the caller knows of the meeting from a better source than the
	// text, such as a council's Modern.gov web service. Each is optional.
	//
	// Committee and Date, when set, are the meeting's committee and date
	// whatever the header says (a header that gives another date is
	// warned about); record IDs and due dates are worked out from them.
	Committee string
	Date      Date
	// KnownMinutes says the document is published as minutes: it is never
	// refused as not minutes (ErrNotMinutes); the doubt becomes a warning.
	KnownMinutes bool
}

// DefaultMaxBytes is the most text Parse reads from one document.
const DefaultMaxBytes = 20 << 20

// Parse reads one document's text and returns the meeting it records.
// It returns a *RejectError (ErrEmpty, ErrBinary, ErrTooLarge,
// ErrNotMinutes) for a document it will not make a meeting of. Parse never
// panics and never reads more than MaxBytes.
func Parse(r io.Reader, opt Options) (*Meeting, error) {
	max := opt.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, reject(ErrTooLarge, "it is over "+itoaSize(max))
	}
	return ParseBytes(data, opt)
}

func itoaSize(n int64) string {
	const mb = 1 << 20
	if n >= mb {
		return formatInt(n/mb) + " MB"
	}
	return formatInt(n) + " bytes"
}
