package minutes

import (
	"slices"
	"time"
)

// Calendar is what a library knows of one committee's meetings: the dates
// of the meetings it holds and the next meetings their minutes announce,
// in date order. Due dates are resolved against it (Target.Resolve), and
// "due at next meeting" is read from it (FlagOf). The zero Calendar knows
// no meetings.
type Calendar struct {
	dates []Date
}

// HeldMeeting is a meeting a library holds, as NewCalendar reads it: the
// date it was held and the date of the next meeting its minutes state
// (zero when they state none).
type HeldMeeting struct {
	Date, Next Date
}

// statedGrace is how long after a stated next-meeting date a held meeting
// still counts as that meeting (moved by a few weeks).
const statedGrace = 30

// NewCalendar is the calendar of one committee from the meetings the
// library holds of it. Every held meeting counts. A next-meeting date the
// minutes state counts until the library holds the meeting that followed:
// the first held meeting after the stating one, when it is no more than 30
// days after the stated date (meetings move).
func NewCalendar(held []HeldMeeting) Calendar {
	stored := make([]Date, 0, len(held))
	for _, h := range held {
		if !h.Date.IsZero() {
			stored = append(stored, h.Date)
		}
	}
	slices.SortFunc(stored, Date.Compare)
	dates := slices.Clone(stored)
	for _, h := range held {
		if h.Date.IsZero() || !h.Next.After(h.Date) {
			continue
		}
		if next, ok := firstAfter(stored, h.Date); ok && !next.After(h.Next.AddDays(statedGrace)) {
			continue
		}
		dates = append(dates, h.Next)
	}
	slices.SortFunc(dates, Date.Compare)
	return Calendar{dates: slices.Compact(dates)}
}

// Dates returns the known meeting dates, in order.
func (c Calendar) Dates() []Date { return slices.Clone(c.dates) }

// After returns the first known meeting after d.
func (c Calendar) After(d Date) (Date, bool) { return firstAfter(c.dates, d) }

// In returns the first known meeting in month m of year y.
func (c Calendar) In(y int, m time.Month) (Date, bool) {
	d, ok := firstAfter(c.dates, Date{y, m, 1}.AddDays(-1))
	if !ok || d.Year != y || d.Month != m {
		return Date{}, false
	}
	return d, true
}

// firstAfter returns the first date in sorted ds after d.
func firstAfter(ds []Date, d Date) (Date, bool) {
	i, _ := slices.BinarySearchFunc(ds, d, func(e, d Date) int {
		if e.After(d) {
			return 1
		}
		return -1
	})
	if i == len(ds) {
		return Date{}, false
	}
	return ds[i], true
}
