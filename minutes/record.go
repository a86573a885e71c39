package minutes

import "strings"

// Kind is the kind of a record.
type Kind string

const (
	KindResolution Kind = "resolution" // what the committee decided
	KindAction     Kind = "action"     // something someone undertook or was asked to do
	KindFollowUp   Kind = "followup"   // something due back to the committee
)

// Label is the kind as a person reads it: "resolution", "action",
// "follow-up".
func (k Kind) Label() string {
	if k == KindFollowUp {
		return "follow-up"
	}
	return string(k)
}

// Record is a resolution, an action or a follow-up: the things a clerk
// tracks. Its text is verbatim from the minutes (normalised whitespace).
type Record struct {
	ID   string // stable across re-parses: "osc-2021-12-14-188-r2"
	Kind Kind
	Part string // "1", "a", … when the record is one part of a numbered decision
	Text string
	Line int // line in the normalised text where the record starts

	// Owner is who is to act, when the text names them: a role
	// ("Borough Commander") or a person; "" when unknown.
	Owner string
	// Due is the date the action or follow-up is due; zero when unknown.
	Due Date
	// DueMeeting names the meeting a follow-up is due back at, as the text
	// puts it: "June 2022 meeting of the Committee", "the next meeting".
	DueMeeting string
	// Provisional is true when Due is a stand-in (the last day of a named
	// month) that the library may replace with a known meeting date.
	Provisional bool
	// Target says how Due was worked out, so that a library that knows more
	// meetings can resolve it again (Target.Resolve); zero when there is no
	// due date.
	Target Target

	// Confidence is how sure the parser is that the text is a record of
	// its kind; when it is ConfidenceLow, Why says in a few words what it
	// was unsure of, and the record goes to the clerk's review queue.
	Confidence Confidence
	Why        string

	// narrative marks a decision read from running text rather than a
	// marker: weaker evidence that the document is minutes at all.
	narrative bool
}

// Confidence is how sure the parser is of a record.
type Confidence string

const (
	ConfidenceHigh Confidence = "high"
	ConfidenceLow  Confidence = "low"
)

// Low reports whether the parser was unsure of the record.
func (r *Record) Low() bool { return r.Confidence == ConfidenceLow }

// unsure marks the record low-confidence, saying why.
func (r *Record) unsure(why string) {
	r.Confidence = ConfidenceLow
	if r.Why == "" {
		r.Why = why
	} else if !strings.Contains(r.Why, why) {
		r.Why += "; " + why
	}
}
