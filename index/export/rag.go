package export

import (
	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// RAG values: the red/amber/green status clerks colour a tracker row with.
const (
	Red   = "red"
	Amber = "amber"
	Green = "green"
)

// RAG returns a record's red/amber/green status. It is the one place the
// rule is defined; every export uses it. The record's Flag must have been
// computed against the as-of date of the export (index.API does this).
//
//   - Green: closed. The clerk marked it done (or dropped), or it is a
//     follow-up that has come back to committee (returned).
//   - Red: late. Its due date has passed (overdue), whether or not work
//     has started, or it is a follow-up whose meeting has passed without
//     it (slipped).
//   - Amber: outstanding but not late: in progress, due at the
//     committee's next meeting, or not yet due (including undated).
//
// Resolutions are decisions, not tasks, and have no RAG: "".
func RAG(r index.Record) string {
	switch {
	case r.Kind == minutes.KindResolution:
		return ""
	case r.Status.Closed(), r.Flag == index.FlagDone, r.Flag == index.FlagReturned:
		return Green
	case r.Flag == index.FlagOverdue, r.Flag == index.FlagSlipped:
		return Red
	}
	return Amber
}

// ragLabel is the RAG as a column shows it: "Red".
func ragLabel(rag string) string {
	switch rag {
	case Red:
		return "Red"
	case Amber:
		return "Amber"
	case Green:
		return "Green"
	}
	return ""
}

// ragColours are the fill and text colours of a RAG cell, the pale fills
// and dark text of Excel's own "Bad", "Neutral" and "Good" styles, which
// stay readable when printed in black and white.
var ragColours = map[string]struct{ Fill, Text string }{
	Red:   {"FFC7CE", "9C0006"},
	Amber: {"FFEB9C", "9C5700"},
	Green: {"C6EFCE", "006100"},
}

// statusLabel is a tracking status as a column shows it: "In progress".
func statusLabel(s index.Status) string { return capital(s.Label()) }
