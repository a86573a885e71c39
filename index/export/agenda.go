package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// ErrNoMeeting is returned by LoadAgenda when the committee has no known
// meeting to build the tracker for.
var ErrNoMeeting = errors.New("no next meeting is known")

// AgendaQuery selects the tracker for one meeting of one committee.
type AgendaQuery struct {
	Committee string       // the committee: its key, or a name only it has (ResolveCommittee)
	Council   string       // the council, when the committee's name is another council's too (ResolveCommitteeOf)
	Meeting   minutes.Date // the meeting; zero means the next known meeting on or after AsOf
	// InMonth says Meeting gives only a month ("the June 2022 meeting"):
	// the tracker is for the committee's known meeting in that month, or,
	// when the library knows none, for the month as a whole.
	InMonth bool
	AsOf    minutes.Date // the date the pack is prepared; required
	// IncludeExempt includes records from exempt items, marked EXEMPT.
	IncludeExempt bool
}

// Agenda is the "Action and recommendation tracker" (or "Matters arising")
// item of a committee's agenda pack: what the committee asked to have back,
// set out for one meeting.
type Agenda struct {
	Council   string
	Committee string
	Meeting   minutes.Date // the meeting the pack is for
	// MonthOnly is true when the meeting's day is not known: Meeting is
	// the last day of its month.
	MonthOnly     bool
	Previous      minutes.Date // the committee's last meeting before it; zero when none is known
	AsOf          minutes.Date // when the pack was prepared
	IncludeExempt bool
	Sections      []Section // always all of them, in agenda order; some may be empty
}

// Section is one group of the tracker.
type Section struct {
	Key     string // SectionDue, SectionSlipped, …
	Title   string // "Due at this meeting"
	Note    string // one sentence: what the group is and what the committee is asked to do
	Entries []Row
}

// The sections of a tracker, in the order a clerk puts them in the pack:
// first what the committee must consider at this meeting, then what is
// late, then what it is asked to note and clear from the tracker, and last
// what is still running.
const (
	SectionDue       = "due"       // due back at this meeting
	SectionSlipped   = "slipped"   // follow-ups due at an earlier meeting that have not come back
	SectionOverdue   = "overdue"   // actions whose due date has passed
	SectionReturned  = "returned"  // follow-ups that came back since the last meeting
	SectionCompleted = "completed" // actions closed since the last meeting
	SectionOpen      = "open"      // still open, not yet due (or undated)
)

// LoadAgenda builds the tracker for q's meeting from the library. Records
// are read with flags as at the meeting date, so that what will be late by
// the time the committee sits is shown as late.
func LoadAgenda(ctx context.Context, api index.API, q AgendaQuery) (*Agenda, error) {
	if q.Committee == "" {
		return nil, errors.New("agenda: no committee given")
	}
	if q.AsOf.IsZero() && q.Meeting.IsZero() {
		return nil, errors.New("agenda: give the meeting date or the as-of date")
	}
	if q.AsOf.IsZero() {
		q.AsOf = q.Meeting
	}
	c, err := ResolveCommitteeOf(ctx, api, q.Committee, q.Council)
	if err != nil {
		return nil, err
	}
	committee := queryCommittee(c)
	a := &Agenda{Committee: c.Name, Meeting: q.Meeting, AsOf: q.AsOf, IncludeExempt: q.IncludeExempt}
	if q.InMonth && !q.Meeting.IsZero() {
		first := minutes.MakeDate(q.Meeting.Year, q.Meeting.Month, 1)
		next, ok, err := api.NextMeeting(ctx, committee, first.AddDays(-1))
		if err != nil {
			return nil, fmt.Errorf("find the %s meeting of %s: %w", first.Time().Format("January 2006"), c.Name, err)
		}
		if ok && next.Year == first.Year && next.Month == first.Month {
			a.Meeting = next
		} else {
			a.Meeting, a.MonthOnly = minutes.EndOfMonth(first.Year, first.Month), true
		}
	}
	if a.Meeting.IsZero() {
		after := q.AsOf.AddDays(-1)
		next, ok, err := api.NextMeeting(ctx, committee, after)
		if err != nil {
			return nil, fmt.Errorf("find the next meeting of %s: %w", c.Name, err)
		}
		if !ok {
			return nil, fmt.Errorf("%w of %s after %s", ErrNoMeeting, c.Name, longDate(after))
		}
		a.Meeting = next
	}
	meetings, err := api.Meetings(ctx, committee)
	if err != nil {
		return nil, fmt.Errorf("list meetings of %s: %w", c.Name, err)
	}
	for _, m := range meetings {
		if m.Date.Before(a.Meeting) && (a.Previous.IsZero() || m.Date.After(a.Previous)) {
			a.Previous = m.Date
		}
		if a.Council == "" {
			a.Council = m.Council
		}
	}
	log, err := LoadActionLog(ctx, api, LogQuery{RecordQuery: index.RecordQuery{
		AsOf: a.Meeting, Committee: committee, IncludeExempt: q.IncludeExempt,
		Kinds: []minutes.Kind{minutes.KindAction, minutes.KindFollowUp},
	}})
	if err != nil {
		return nil, err
	}
	a.fill(log.Rows)
	return a, nil
}

// MeetingLabel names the meeting: "21 June 2022", or "June 2022" when
// only the month is known.
func (a *Agenda) MeetingLabel() string {
	if a.MonthOnly {
		return a.Meeting.Time().Format("January 2006")
	}
	return longDate(a.Meeting)
}

// NewAgenda builds the tracker from rows already read (with flags as at
// the meeting). a's Committee, Meeting, Previous and AsOf must be set.
func NewAgenda(a Agenda, rows []Row) *Agenda {
	a.Sections = nil
	a.fill(rows)
	return &a
}

func (a *Agenda) fill(rows []Row) {
	a.Sections = []Section{
		{Key: SectionDue, Title: "Due at this meeting",
			Note: "Reports, updates and actions the committee asked to have back at this meeting."},
		{Key: SectionSlipped, Title: "Slipped",
			Note: "Due back at an earlier meeting but not yet returned. The committee may wish to ask when each will come."},
		{Key: SectionOverdue, Title: "Overdue actions",
			Note: "Actions whose due date has passed and which are not yet done."},
		{Key: SectionReturned, Title: "Returned since the last meeting",
			Note: "Follow-ups that have come back to the committee since it last met. For noting; they will then be removed from the tracker."},
		{Key: SectionCompleted, Title: "Completed since the last meeting",
			Note: "Actions reported done since it last met. For noting; they will then be removed from the tracker."},
		{Key: SectionOpen, Title: "Outstanding, not yet due",
			Note: "Open actions and follow-ups due at a later meeting, or with no date. For information."},
	}
	idx := map[string]int{}
	for i, s := range a.Sections {
		idx[s.Key] = i
	}
	for _, r := range rows {
		if r.Kind == minutes.KindResolution || r.Exempt && !a.IncludeExempt {
			continue
		}
		if r.MeetingDate.After(a.Meeting) || r.MeetingDate == a.Meeting {
			continue // made at or after the meeting: not yet a matter arising
		}
		key := a.classify(r)
		if key == "" {
			continue
		}
		s := &a.Sections[idx[key]]
		s.Entries = append(s.Entries, r)
	}
	for i := range a.Sections {
		slices.SortStableFunc(a.Sections[i].Entries, compareRows)
	}
}

// classify says which section a record belongs in, or "" for none (closed
// before the last meeting). "Since the last meeting" includes the last
// meeting itself: what came back at it was still due when that meeting's
// pack was prepared, so this pack is the first to report it.
func (a *Agenda) classify(r Row) string {
	since := func(d minutes.Date) bool {
		return !d.IsZero() && !d.Before(a.Previous) && !d.After(a.Meeting)
	}
	if ref := r.ReturnedTo; ref != nil && !ref.MeetingDate.After(a.Meeting) {
		if since(ref.MeetingDate) {
			return SectionReturned
		}
		return ""
	}
	if r.Status.Closed() {
		if since(r.UpdateDate) {
			return SectionCompleted
		}
		return ""
	}
	target := a.target(r)
	switch {
	case r.Flag == index.FlagSlipped && r.Kind == minutes.KindFollowUp:
		return SectionSlipped
	case target.IsZero():
		return SectionOpen
	case r.Kind == minutes.KindFollowUp:
		switch {
		case !a.Previous.IsZero() && !target.After(a.Previous):
			return SectionSlipped
		case !target.After(a.Meeting):
			return SectionDue
		}
	default: // an action
		switch {
		case target == a.Meeting,
			a.MonthOnly && target.Year == a.Meeting.Year && target.Month == a.Meeting.Month && !target.After(a.Meeting):
			return SectionDue
		case target.Before(a.Meeting):
			return SectionOverdue
		}
	}
	return SectionOpen
}

// target is the date a record is due: its due date, except that a
// provisional date (the last day of a named month, "the June 2022
// meeting") means this meeting or the last one when it fell in that month.
func (a *Agenda) target(r Row) minutes.Date {
	if !r.Provisional || r.Due.IsZero() {
		return r.Due
	}
	for _, m := range []minutes.Date{a.Meeting, a.Previous} {
		if !m.IsZero() && m.Year == r.Due.Year && m.Month == r.Due.Month {
			return m
		}
	}
	return r.Due
}

// compareRows orders records as a tracker lists them: by the meeting that
// made them, then by minute, then by reference.
func compareRows(x, y Row) int {
	if c := x.MeetingDate.Compare(y.MeetingDate); c != 0 {
		return c
	}
	if c := compareMinutes(x.Minute, y.Minute); c != 0 {
		return c
	}
	return compareMinutes(x.ID, y.ID)
}

// Title is the agenda item's heading.
func (a *Agenda) Title() string { return "Action and recommendation tracker" }

// Len is the number of records across all sections.
func (a *Agenda) Len() int {
	n := 0
	for _, s := range a.Sections {
		n += len(s.Entries)
	}
	return n
}

// HasExempt reports whether any entry is exempt.
func (a *Agenda) HasExempt() bool {
	for _, s := range a.Sections {
		for _, e := range s.Entries {
			if e.Exempt {
				return true
			}
		}
	}
	return false
}

// Write writes the tracker as FormatMarkdown or FormatHTML.
func (a *Agenda) Write(w io.Writer, f Format) error {
	switch f {
	case FormatMarkdown:
		return a.WriteMarkdown(w)
	case FormatHTML:
		return a.WriteHTML(w)
	}
	return fmt.Errorf("the agenda tracker cannot be written as %q: use md or html", f)
}
