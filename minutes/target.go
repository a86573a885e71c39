package minutes

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Target says how a record's due date was worked out from the minutes'
// wording, so that a library that knows more of the committee's meetings
// can work it out again (Resolve). The zero Target is TargetNone.
//
// Its text form (String, ParseTarget; also its JSON and the store's
// column) is "" (none), "date", "month:2022-06", "next", or
// "offset:6m" ("m" months, "w" weeks, "wd" working days, "d" days).
type Target struct {
	Kind  TargetKind
	Month Date       // TargetMonth: the first day of the named month
	N     int        // TargetOffset: how many Units after the meeting
	Unit  OffsetUnit // TargetOffset
}

// TargetKind is what a Target refers to.
type TargetKind uint8

const (
	// TargetNone: no due date.
	TargetNone TargetKind = iota
	// TargetDate: a stated date, a deadline or the date of the meeting a
	// follow-up is due at. The date stands as the minutes give it.
	TargetDate
	// TargetMonth: the committee's meeting in a named month ("the June
	// 2022 meeting"); until the library knows that meeting, the month's
	// last day, provisionally.
	TargetMonth
	// TargetNext: the committee's next meeting after the one that asked.
	TargetNext
	// TargetOffset: a period after the meeting ("in six months' time").
	TargetOffset
)

// OffsetUnit is the unit of a TargetOffset.
type OffsetUnit uint8

const (
	Days OffsetUnit = iota
	Weeks
	WorkingDays
	Months
)

var unitSuffix = [...]string{Days: "d", Weeks: "w", WorkingDays: "wd", Months: "m"}

// DateTarget is the Target of a due date the minutes state.
func DateTarget() Target { return Target{Kind: TargetDate} }

// MonthTarget is the Target of "the committee's meeting in month m of y".
func MonthTarget(y int, m time.Month) Target {
	return Target{Kind: TargetMonth, Month: Date{y, m, 1}}
}

// NextTarget is the Target of "the next meeting".
func NextTarget() Target { return Target{Kind: TargetNext} }

// OffsetTarget is the Target of "n units after the meeting".
func OffsetTarget(n int, u OffsetUnit) Target { return Target{Kind: TargetOffset, N: n, Unit: u} }

// IsZero reports whether t is TargetNone.
func (t Target) IsZero() bool { return t == Target{} }

// String is t's text form (see Target).
func (t Target) String() string {
	switch t.Kind {
	case TargetDate:
		return "date"
	case TargetMonth:
		return fmt.Sprintf("month:%04d-%02d", t.Month.Year, t.Month.Month)
	case TargetNext:
		return "next"
	case TargetOffset:
		if int(t.Unit) < len(unitSuffix) {
			return "offset:" + strconv.Itoa(t.N) + unitSuffix[t.Unit]
		}
	}
	return ""
}

// ParseTarget reads a Target's text form; it is the one place that form is
// read.
func ParseTarget(s string) (Target, error) {
	switch s = strings.TrimSpace(s); {
	case s == "":
		return Target{}, nil
	case s == "date":
		return DateTarget(), nil
	case s == "next":
		return NextTarget(), nil
	case strings.HasPrefix(s, "month:"):
		m, err := time.Parse("2006-01", strings.TrimPrefix(s, "month:"))
		if err == nil {
			return MonthTarget(m.Year(), m.Month()), nil
		}
	case strings.HasPrefix(s, "offset:"):
		v := strings.TrimPrefix(s, "offset:")
		i := 0
		for i < len(v) && v[i] >= '0' && v[i] <= '9' {
			i++
		}
		n, err := strconv.Atoi(v[:i])
		if err == nil {
			for u, suffix := range unitSuffix {
				if v[i:] == suffix {
					return OffsetTarget(n, OffsetUnit(u)), nil
				}
			}
		}
	}
	return Target{}, fmt.Errorf("due target %q: want date, next, month:YYYY-MM or offset:N(d|w|wd|m)", s)
}

// MarshalText writes t's text form.
func (t Target) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText reads what MarshalText writes.
func (t *Target) UnmarshalText(b []byte) error {
	v, err := ParseTarget(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// AtMeeting reports whether t names a meeting the record is due back at
// (a named month's meeting, or the next meeting), rather than a date or a
// period: a follow-up due at a meeting slips when the meeting passes
// without it (FlagOf).
func (t Target) AtMeeting() bool { return t.Kind == TargetMonth || t.Kind == TargetNext }

// After returns the date n units after d.
func (u OffsetUnit) After(d Date, n int) Date {
	switch u {
	case Weeks:
		return d.AddDays(7 * n)
	case WorkingDays:
		return d.AddWorkingDays(n)
	case Months:
		return d.AddMonths(n)
	}
	return d.AddDays(n)
}

// Resolve works the due date out again from the meetings cal knows, for a
// record minuted at a meeting held on meeting. It returns false when the
// calendar says nothing the minutes did not: a stated date or a period
// stands as the parser worked it out, a named month stays provisional
// until the committee's meeting in it is known, and "the next meeting"
// stays what the minutes said until a later meeting is known.
func (t Target) Resolve(cal Calendar, meeting Date) (Date, bool) {
	switch t.Kind {
	case TargetMonth:
		return cal.In(t.Month.Year, t.Month.Month)
	case TargetNext:
		if meeting.IsZero() {
			return Date{}, false
		}
		return cal.After(meeting)
	}
	return Date{}, false
}
