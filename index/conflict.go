package index

import (
	"fmt"
	"strings"
	"time"

	"github.com/minutebook/minutebook/minutes"
)

// Every tracking edit and correction can be made conditional on the state
// it was made from (Change.Version, the record's Version when it was
// shown): the store applies it only if no other change (notes aside) was
// written to the record since, checked and written in one transaction.
// Otherwise nothing is saved and the caller gets a *ConflictError that
// says what changed and who changed it, with the record as it is now, so
// that a screen can show it and the clerk decide again.

// ConflictError says a change was made from a record as it no longer is:
// another session changed it since. Nothing was saved.
type ConflictError struct {
	ID      string
	Changes []HistoryEntry // what changed since, oldest first (notes aside)
	Current Record         // the record as it is now (as far as it could be read)
	// Me is who made the refused change: changes of theirs from another
	// session are said to be "by another session", others' by name.
	Me string
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s changed since it was shown: %s; nothing was saved", e.ID, e.Describe(time.Local, time.Now()))
}

// Describe says what changed, newest first, with when (in loc, now being
// the time it is said) and by whom: "dropped by another session at
// 13:11".
func (e *ConflictError) Describe(loc *time.Location, now time.Time) string {
	var parts []string
	for i := len(e.Changes) - 1; i >= 0 && len(parts) < 3; i-- {
		parts = append(parts, DescribeChange(e.Changes[i], e.Me, loc, now))
	}
	if n := len(e.Changes) - len(parts); n > 0 {
		parts = append(parts, fmt.Sprintf("and %d earlier %s", n, pluralWord(n, "change", "changes")))
	}
	if len(parts) == 0 {
		return "changed by another session"
	}
	return strings.Join(parts, "; ")
}

// DescribeChange says what one history entry did, by whom and when: "owner
// set to “Alice Brown” by bob at 13:05". An entry by me is said to be by
// another session (the clerk's own, elsewhere).
func DescribeChange(h HistoryEntry, me string, loc *time.Location, now time.Time) string {
	if loc == nil {
		loc = time.Local
	}
	var what string
	switch h.Field {
	case "status":
		switch minutes.Status(h.New) {
		case StatusOpen:
			what = "reopened"
		case StatusDropped:
			what = "dropped"
		default:
			what = "marked " + minutes.Status(h.New).Label()
		}
	case "owner":
		what = "owner set to “" + cleanLine(h.New) + "”"
		if h.New == "" {
			what = "owner cleared"
		}
	case "due":
		what = "due date set to " + h.New
		if h.New == "" {
			what = "due date cleared"
		}
	case "link":
		what = "marked as returned to " + h.New
		if h.New == "" {
			what = "marked not returned"
		}
	case FieldKind:
		what = "made a " + minutes.Kind(h.New).Label()
		if minutes.Kind(h.New) == minutes.KindAction {
			what = "made an action"
		}
	case FieldText:
		what = "its text changed"
	case FieldRejected:
		what = "rejected"
	case FieldRestored:
		what = "restored (no longer rejected)"
	case FieldAccepted:
		what = "accepted"
	case FieldWithdrawn:
		what = "taken back"
	case FieldAdded:
		what = "added"
	case "note":
		what = "noted"
	default:
		what = cleanLine(h.Field) + " changed"
	}
	who := cleanLine(h.Who)
	if who == "" || who == me {
		who = "another session"
	}
	at := h.At.In(loc)
	when := at.Format("15:04")
	n := now.In(loc)
	switch {
	case at.Year() != n.Year():
		when += at.Format(" on 2 Jan 2006")
	case at.YearDay() != n.YearDay():
		when += at.Format(" on 2 Jan")
	}
	s := what + " by " + who + " at " + when
	if h.Forced {
		s += " (over another's change)"
	}
	return s
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
