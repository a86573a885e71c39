package minutes

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The date grammar of everything a person types: the TUI's prompts and
// the command line's date flags (--as-of, --due, --from, --to) read dates
// the one way, ParseUserDate. It takes the forms clerks write:
//
//	2027-01-31              ISO (also 2027/01/31)
//	31/01/2027  31/1/27     day first, as in the UK (also with . or -); a two-digit year is 20yy
//	31 January 2027         day, month, year; "31st", "31st of", and a leading weekday are allowed
//	31 Jan  31/1            without a year: the next such day from today (today included)
//	January 31, 2027        month first
//	today  tomorrow  yesterday
//	friday  fri             the next such weekday after today
//	+7d  +2w  +3m  +1y  -2w a step from the base date (a prompt's current value, or today); +7 is days
//	next  next meeting      the committee's next known meeting, which the caller passes in
//
// It is pure: today, the base of steps and the next meeting come in a
// DateContext.

// DateContext is what a typed date is read against.
type DateContext struct {
	// Today is what "today", weekdays and dates without a year count from.
	Today Date
	// Base is what a step such as +2w moves; zero means Today.
	Base Date
	// NextMeeting is what "next" means: the committee's next known
	// meeting; zero when there is none (or no committee), and "next" is
	// then an error that wraps ErrNoNextMeeting.
	NextMeeting Date
}

// ErrNoNextMeeting is wrapped by ParseUserDate's error for "next" when the
// context has no next meeting; the caller can say why in its own words.
var ErrNoNextMeeting = errors.New("no next meeting is known")

// UserDateForms lists the forms ParseUserDate takes, for messages and help.
const UserDateForms = "2027-01-31 (YYYY-MM-DD), 31/01/2027, 31/1/27, 31 January 2027, 31 Jan, January 31 2027, today, tomorrow, friday, +7d, +2w, +3m, next (meeting)"

// minYear and maxYear bound the years a typed date may have: a date
// outside them is a typing slip.
const (
	minYear = 1900
	maxYear = 2199
)

// ParseUserDate reads a date as a person types it (see the top of this
// file). An error says what was wrong and lists the forms.
func ParseUserDate(s string, c DateContext) (Date, error) {
	in := strings.TrimSpace(s)
	norm := strings.Join(strings.Fields(strings.ToLower(strings.NewReplacer(",", " ").Replace(in))), " ")
	norm = strings.TrimSuffix(norm, ".")
	if norm == "" {
		return Date{}, fmt.Errorf("type a date: %s", UserDateForms)
	}
	d, err := parseUserDate(norm, c)
	if err != nil {
		return Date{}, fmt.Errorf("%q: %w", in, err)
	}
	if d.Year < minYear || d.Year > maxYear {
		return Date{}, fmt.Errorf("%q is %s, out of the years %d–%d; %s", in, d, minYear, maxYear, formsHint)
	}
	return d, nil
}

// NeedsNextMeeting reports whether s is "next" (the next meeting), so
// that a caller can look the meeting up before it calls ParseUserDate.
func NeedsNextMeeting(s string) bool {
	switch strings.Join(strings.Fields(strings.ToLower(s)), " ") {
	case "next", "next meeting", "next mtg":
		return true
	}
	return false
}

const formsHint = "type a date such as " + UserDateForms

var errNotADate = errors.New("not a date; " + formsHint)

func parseUserDate(s string, c DateContext) (Date, error) {
	today := c.Today
	switch s {
	case "today", "now":
		return today, nil
	case "tomorrow":
		return today.AddDays(1), nil
	case "yesterday":
		return today.AddDays(-1), nil
	}
	if NeedsNextMeeting(s) {
		if c.NextMeeting.IsZero() {
			return Date{}, ErrNoNextMeeting
		}
		return c.NextMeeting, nil
	}
	if wd, ok := weekdayOf(s); ok {
		d := today.AddDays(1)
		for d.Time().Weekday() != wd {
			d = d.AddDays(1)
		}
		return d, nil
	}
	if s[0] == '+' || s[0] == '-' {
		base := c.Base
		if base.IsZero() {
			base = today
		}
		return dateStep(s, base)
	}
	if d, ok, err := numericDate(s, today); ok || err != nil {
		return d, err
	}
	return wordDate(s, today)
}

// dateStep reads "+7d", "-2w", "+3m", "+1y", "+7", "+2 weeks" and moves base.
func dateStep(s string, base Date) (Date, error) {
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	body := strings.ReplaceAll(s[1:], " ", "")
	i := 0
	for i < len(body) && body[i] >= '0' && body[i] <= '9' {
		i++
	}
	if i == 0 || i > 6 {
		return Date{}, errors.New("a step is a sign, a number and d, w, m or y, such as +7d or -2w")
	}
	n, _ := strconv.Atoi(body[:i])
	n *= sign
	switch body[i:] {
	case "", "d", "day", "days":
		if n > 100*366 || n < -100*366 {
			break
		}
		return base.AddDays(n), nil
	case "w", "wk", "wks", "week", "weeks":
		if n > 100*53 || n < -100*53 {
			break
		}
		return base.AddDays(7 * n), nil
	case "m", "mo", "month", "months":
		if n > 1200 || n < -1200 {
			break
		}
		return base.AddMonths(n), nil
	case "y", "yr", "yrs", "year", "years":
		if n > 100 || n < -100 {
			break
		}
		return base.AddMonths(12 * n), nil
	default:
		return Date{}, fmt.Errorf("the step's unit %q is not d, w, m or y", body[i:])
	}
	return Date{}, errors.New("a step of more than a hundred years")
}

// numericDate reads dates of numbers and separators: 2027-01-31,
// 2027/01/31, 31/01/2027, 31.1.27, 31-01-2027, 31/1. ok is false when s
// is not of that shape.
func numericDate(s string, today Date) (Date, bool, error) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '.' || r == '-' })
	if len(parts) < 2 || len(parts) > 3 {
		return Date{}, false, nil
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if p == "" || len(p) > 4 {
			return Date{}, false, nil
		}
		for _, r := range p {
			if r < '0' || r > '9' {
				return Date{}, false, nil
			}
		}
		nums[i], _ = strconv.Atoi(p)
	}
	if len(parts) == 3 && len(parts[0]) == 4 { // year first: ISO
		d, err := makeDate(nums[0], nums[1], nums[2])
		return d, true, err
	}
	if len(parts[0]) > 2 || len(parts[1]) > 2 {
		return Date{}, true, errNotADate
	}
	if len(parts) == 2 {
		d, err := nextDayMonth(nums[0], nums[1], today)
		return d, true, err
	}
	y := nums[2]
	switch len(parts[2]) {
	case 2:
		y += 2000
	case 4:
	default:
		return Date{}, true, errors.New("give the year as 2027 or 27")
	}
	d, err := makeDate(y, nums[1], nums[0])
	return d, true, err
}

// wordDate reads dates with the month in words: 31 January 2027, 31st of
// Jan, January 31 2027, Jan 31st, with or without a leading weekday.
func wordDate(s string, today Date) (Date, error) {
	words := strings.Fields(s)
	var wd time.Weekday
	hasWeekday := false
	if len(words) > 1 {
		if w, ok := weekdayOf(words[0]); ok {
			wd, hasWeekday, words = w, true, words[1:]
		}
	}
	var kept []string
	for _, w := range words {
		if w != "of" && w != "the" {
			kept = append(kept, w)
		}
	}
	words = kept
	if len(words) < 2 || len(words) > 3 {
		return Date{}, errNotADate
	}
	day, month := 0, time.Month(0)
	if m, ok := monthWord(words[0]); ok { // January 31 (2027)
		month = m
		day = dayWord(words[1])
	} else if m, ok := monthWord(words[1]); ok { // 31 January (2027)
		month = m
		day = dayWord(words[0])
	}
	if month == 0 || day == 0 {
		return Date{}, errNotADate
	}
	var d Date
	var err error
	if len(words) == 3 {
		y, yerr := strconv.Atoi(words[2])
		switch {
		case yerr != nil:
			return Date{}, errNotADate
		case len(words[2]) == 2:
			y += 2000
		case len(words[2]) != 4:
			return Date{}, errors.New("give the year as 2027 or 27")
		}
		d, err = makeDate(y, int(month), day)
	} else {
		d, err = nextDayMonth(day, int(month), today)
	}
	if err != nil {
		return Date{}, err
	}
	if hasWeekday && d.Time().Weekday() != wd {
		return Date{}, fmt.Errorf("%s is a %s, not a %s", d.Time().Format("2 January 2006"), d.Time().Weekday(), wd)
	}
	return d, nil
}

// makeDate is y-m-d, or an error when there is no such day.
func makeDate(y, m, d int) (Date, error) {
	if m < 1 || m > 12 {
		return Date{}, fmt.Errorf("there is no month %d; %s", m, formsHint)
	}
	if d < 1 || d > EndOfMonth(y, time.Month(m)).Day {
		return Date{}, fmt.Errorf("%s has no day %d", time.Month(m), d)
	}
	return Date{y, time.Month(m), d}, nil
}

// nextDayMonth is the first d/m on or after today.
func nextDayMonth(d, m int, today Date) (Date, error) {
	if m < 1 || m > 12 {
		return Date{}, fmt.Errorf("there is no month %d; %s", m, formsHint)
	}
	if d < 1 || d > 31 || m == 2 && d > 29 || (m == 4 || m == 6 || m == 9 || m == 11) && d > 30 {
		return Date{}, fmt.Errorf("%s has no day %d", time.Month(m), d)
	}
	for y := today.Year; y < today.Year+8; y++ { // 29 February: the next leap year
		if date, err := makeDate(y, m, d); err == nil && !date.Before(today) {
			return date, nil
		}
	}
	return Date{}, fmt.Errorf("%s has no day %d", time.Month(m), d)
}

// monthWord reads a month's name or the first three or more letters of it.
func monthWord(w string) (time.Month, bool) {
	w = strings.TrimSuffix(w, ".")
	if len(w) < 3 {
		return 0, false
	}
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), w) {
			return m, true
		}
	}
	if w == "sept" {
		return time.September, true
	}
	return 0, false
}

// dayWord reads "31", "31st", "2nd"; 0 when w is not a day of a month.
func dayWord(w string) int {
	for _, suffix := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suffix)
	}
	if len(w) == 0 || len(w) > 2 {
		return 0
	}
	n, err := strconv.Atoi(w)
	if err != nil || n < 1 || n > 31 {
		return 0
	}
	return n
}

// weekdayOf reads a weekday's name or the first three or more letters of
// it ("fri", "thurs").
func weekdayOf(w string) (time.Weekday, bool) {
	if len(w) < 3 {
		return 0, false
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.HasPrefix(strings.ToLower(d.String()), w) {
			return d, true
		}
	}
	return 0, false
}
