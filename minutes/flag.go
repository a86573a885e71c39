package minutes

import "encoding/json"

// This file holds the one rule for where an action or follow-up stands
// against an as-of date. The library, the exports and every test fake call
// FlagOf; nothing else decides a flag, and index/indextest checks that they
// agree.

// Status is a clerk's tracking status for an action or follow-up.
type Status string

const (
	StatusOpen       Status = "open"
	StatusInProgress Status = "in_progress"
	StatusDone       Status = "done"
	StatusDropped    Status = "dropped"
)

// Statuses are the statuses in the order a clerk moves through them.
var Statuses = []Status{StatusOpen, StatusInProgress, StatusDone, StatusDropped}

// ParseStatus accepts the forms a clerk types ("in progress",
// "in-progress", "done", "Dropped", "completed").
func ParseStatus(s string) (Status, bool) {
	switch lettersLower(s) {
	case "open", "":
		return StatusOpen, s != ""
	case "inprogress", "progress", "started":
		return StatusInProgress, true
	case "done", "closed", "complete", "completed":
		return StatusDone, true
	case "dropped", "cancelled", "canceled", "withdrawn":
		return StatusDropped, true
	}
	return "", false
}

// Closed reports whether the status takes a record off the due board.
func (s Status) Closed() bool { return s == StatusDone || s == StatusDropped }

// Label is the status as a clerk reads it: "open", "in progress" (""
// is open).
func (s Status) Label() string {
	switch s {
	case StatusInProgress:
		return "in progress"
	case "":
		return string(StatusOpen)
	}
	return string(s)
}

// MarshalJSON writes the status, or null for none (a resolution's).
func (s Status) MarshalJSON() ([]byte, error) { return nullableJSON(string(s)) }

// lettersLower keeps the ASCII letters of s, lower-cased.
func lettersLower(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c >= 'a' && c <= 'z':
			b = append(b, c)
		}
	}
	return string(b)
}

// Flag is where an action or follow-up stands against an as-of date.
// Flags are shown the same way everywhere: TUI badges, CLI columns,
// exports.
type Flag string

const (
	FlagOverdue    Flag = "overdue"          // an action whose due date has passed
	FlagSlipped    Flag = "slipped"          // a follow-up whose meeting passed without it coming back
	FlagDueNext    Flag = "due_next_meeting" // due on or before the committee's next known meeting
	FlagDueSoon    Flag = "due_soon"         // due within DueSoonDays
	FlagUpcoming   Flag = "upcoming"         // due later
	FlagUndated    Flag = "undated"          // no due date
	FlagReturned   Flag = "returned"         // a follow-up a later meeting took
	FlagDone       Flag = "done"             // closed by a clerk (done or dropped)
	FlagResolution Flag = ""                 // resolutions carry no flag
)

// DueSoonDays is how far ahead "due soon" looks.
const DueSoonDays = 30

// FlagOrder is the order flags are grouped in on the due board.
var FlagOrder = []Flag{FlagOverdue, FlagSlipped, FlagDueNext, FlagDueSoon, FlagUpcoming, FlagUndated, FlagReturned, FlagDone}

// Label is the flag as a person reads it: "overdue", "due at next meeting".
func (f Flag) Label() string {
	switch f {
	case FlagDueNext:
		return "due at next meeting"
	case FlagDueSoon:
		return "due soon"
	}
	return string(f)
}

// MarshalJSON writes the flag, or null for none (a resolution's).
func (f Flag) MarshalJSON() ([]byte, error) { return nullableJSON(string(f)) }

// nullableJSON is s as JSON, or null when it is "".
func nullableJSON(s string) ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return json.Marshal(s)
}

// Rank is the flag's place in FlagOrder (len(FlagOrder) for none).
func (f Flag) Rank() int {
	switch f {
	case FlagOverdue:
		return 0
	case FlagSlipped:
		return 1
	case FlagDueNext:
		return 2
	case FlagDueSoon:
		return 3
	case FlagUpcoming:
		return 4
	case FlagUndated:
		return 5
	case FlagReturned:
		return 6
	case FlagDone:
		return 7
	}
	return len(FlagOrder)
}

// Tracked is what the flag rule reads of one record: what the minutes
// say, the clerk's tracking, and where a follow-up came back.
type Tracked struct {
	Kind        Kind
	Status      Status // "" is open
	MeetingDate Date   // the meeting that minuted the record
	// Due is the due date: the clerk's when DueSet, otherwise the
	// minutes', which Target may work out again against the calendar.
	Due         Date
	Provisional bool // the minutes' Due is a stand-in (a named month's last day)
	Target      Target
	DueSet      bool // a clerk set Due: it stands as given
	// ReturnedAt is, for a follow-up, the date of the later meeting whose
	// item answers it (matched by subject or linked by a clerk); zero when
	// there is none.
	ReturnedAt Date
}

// Standing is where a record stands on an as-of date: its flag, and its
// due date as resolved against the calendar.
type Standing struct {
	Flag        Flag
	Due         Date
	Provisional bool
}

// FlagOf says where record r stands on asOf, against cal, the calendar of
// r's committee. It is the one flag rule:
//
//   - A resolution has no flag.
//   - The due date is the clerk's when they set one; otherwise the
//     minutes' target is resolved against the calendar (the committee's
//     meeting in a named month; its next meeting after the one that
//     asked), which also ends a provisional date.
//   - Done or dropped: done.
//   - A follow-up whose answering item was taken at a meeting on or before
//     asOf: returned.
//   - No due date: undated.
//   - Due before asOf: a follow-up due back at a named meeting (the
//     committee's meeting in a named month, or its next meeting: see
//     Target.AtMeeting) has slipped, that meeting having passed without an
//     item that answers it. Anything else is overdue: an action, and a
//     follow-up due by a date or after a period ("in six months' time"),
//     which names no meeting to slip from.
//   - Due on or before the committee's first known meeting on or after
//     asOf: due at next meeting.
//   - Due within DueSoonDays of asOf: due soon. Later: upcoming.
func FlagOf(r Tracked, cal Calendar, asOf Date) Standing {
	s := Standing{Due: r.Due, Provisional: r.Provisional && !r.DueSet}
	if r.Kind == KindResolution {
		return s
	}
	if !r.DueSet {
		if d, ok := r.Target.Resolve(cal, r.MeetingDate); ok {
			s.Due, s.Provisional = d, false
		}
	}
	switch {
	case r.Status.Closed():
		s.Flag = FlagDone
	case r.Kind == KindFollowUp && !r.ReturnedAt.IsZero() && !r.ReturnedAt.After(asOf):
		s.Flag = FlagReturned
	case s.Due.IsZero():
		s.Flag = FlagUndated
	case s.Due.Before(asOf):
		s.Flag = FlagOverdue
		if r.Kind == KindFollowUp && r.Target.AtMeeting() {
			s.Flag = FlagSlipped
		}
	default:
		if next, ok := cal.After(asOf.AddDays(-1)); ok && !s.Due.After(next) {
			s.Flag = FlagDueNext
		} else if !s.Due.After(asOf.AddDays(DueSoonDays)) {
			s.Flag = FlagDueSoon
		} else {
			s.Flag = FlagUpcoming
		}
	}
	return s
}
