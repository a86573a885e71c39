package export

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// CalendarQuery selects what goes in the calendar.
type CalendarQuery struct {
	Committee     string       // "" means all committees
	Council       string       // a council as typed (index.MatchCouncil); "" means all
	AsOf          minutes.Date // for flags; required
	IncludeExempt bool
	Owner         string // only this person's records (index.RecordQuery.Owner); "" for all
}

// Calendar is what is due back to committee, as one event per target: a
// meeting of a committee with the open follow-ups and actions due at it,
// or, when the date is not a known meeting, the committee's due date.
type Calendar struct {
	AsOf   minutes.Date
	Events []Event // by date, then committee
}

// Event is one all-day calendar entry.
type Event struct {
	UID       string // stable: derived from the committee and the date
	Council   string
	Committee string
	Date      minutes.Date
	// Meeting is true when Date is a known meeting of the committee, false
	// when it is only a due date.
	Meeting bool
	// Provisional is true when every entry's date is a stand-in (the last
	// day of a named month).
	Provisional bool
	Entries     []Row
}

// LoadCalendar reads the open actions and follow-ups with a due date and
// groups them by the meeting they are due back at. A follow-up goes to the
// committee's first known meeting on or after its due date (for a
// provisional date, the meeting in that month), an action to the meeting
// held on its due date; anything else is an event on its due date.
// Returned follow-ups and closed records are left out.
func LoadCalendar(ctx context.Context, api index.API, q CalendarQuery) (*Calendar, error) {
	recs, err := api.Records(ctx, index.RecordQuery{
		AsOf: q.AsOf, Committee: q.Committee, Council: q.Council, IncludeExempt: q.IncludeExempt, Owner: q.Owner,
		Kinds:    []minutes.Kind{minutes.KindAction, minutes.KindFollowUp},
		Statuses: []index.Status{index.StatusOpen, index.StatusInProgress},
	})
	if err != nil {
		return nil, fmt.Errorf("read records: %w", err)
	}
	type next struct {
		date minutes.Date
		ok   bool
	}
	cache := map[string]next{}
	nextMeeting := func(committee string, after minutes.Date) (minutes.Date, bool, error) {
		k := committee + "\x00" + after.String()
		if n, ok := cache[k]; ok {
			return n.date, n.ok, nil
		}
		d, ok, err := api.NextMeeting(ctx, committee, after)
		if err != nil {
			return d, ok, fmt.Errorf("find the next meeting of %s: %w", committee, err)
		}
		cache[k] = next{d, ok}
		return d, ok, nil
	}
	cal := &Calendar{AsOf: q.AsOf}
	byKey := map[string]int{}
	for _, r := range recs {
		row := newRow(r)
		if row.Exempt && !q.IncludeExempt || row.Status.Closed() || row.ReturnedTo != nil ||
			row.Flag == index.FlagReturned || row.Flag == index.FlagDone || row.Due.IsZero() ||
			row.Kind == minutes.KindResolution {
			continue
		}
		date, meeting := row.Due, false
		after := row.Due.AddDays(-1)
		if row.Provisional {
			after = minutes.MakeDate(row.Due.Year, row.Due.Month, 1).AddDays(-1)
		}
		m, ok, err := nextMeeting(committeeOf(row.Record), after)
		if err != nil {
			return nil, err
		}
		switch {
		case !ok:
		case m == row.Due,
			row.Provisional && m.Year == row.Due.Year && m.Month == row.Due.Month,
			!row.Provisional && row.Kind == minutes.KindFollowUp:
			date, meeting = m, true
		}
		key := fmt.Sprintf("%s\x00%s\x00%v", committeeOf(row.Record), date, meeting)
		i, ok := byKey[key]
		if !ok {
			i = len(cal.Events)
			byKey[key] = i
			cal.Events = append(cal.Events, Event{
				UID: eventUID(row.Council, committeeOf(row.Record), date, meeting), Council: row.Council,
				Committee: row.Committee, Date: date, Meeting: meeting, Provisional: true,
			})
		}
		e := &cal.Events[i]
		e.Entries = append(e.Entries, row)
		if !row.Provisional || meeting {
			e.Provisional = false
		}
	}
	slices.SortStableFunc(cal.Events, func(x, y Event) int {
		if c := x.Date.Compare(y.Date); c != 0 {
			return c
		}
		return strings.Compare(x.Committee, y.Committee)
	})
	for i := range cal.Events {
		slices.SortStableFunc(cal.Events[i].Entries, compareRows)
	}
	return cal, nil
}

// eventUID is the event's UID: the same committee and date give the same
// UID in every export, so a calendar that imports the file again updates
// the event instead of adding a second one. It is made from the
// committee's key, which never changes once given (a re-parse that reads
// the committee's or the council's name otherwise keeps it), and the
// council's key is hashed in, so two libraries' committees of one key do
// not collide in a calendar that takes both.
func eventUID(council, committeeKey string, date minutes.Date, meeting bool) string {
	sum := sha256.Sum256([]byte(index.CouncilKey(council) + "\x00" + strings.ToLower(committeeKey)))
	kind := "meeting"
	if !meeting {
		kind = "due"
	}
	return fmt.Sprintf("%s-%s-%s-%s@minutebook", kind, uidWord(committeeKey),
		strings.ReplaceAll(date.String(), "-", ""), hex.EncodeToString(sum[:5]))
}

// uidWord is a committee key as a UID carries it: its letters, digits
// and hyphens (a key is made of them; a fake's committee name is not).
func uidWord(key string) string {
	w := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return -1
	}, key)
	if w == "" {
		return "committee"
	}
	return w
}

// Summary is the event's title.
func (e *Event) Summary() string {
	n := plural(len(e.Entries), "item", "items")
	committee := oneLine(e.Committee)
	if e.Meeting {
		return fmt.Sprintf("%s: %s due back", committee, n)
	}
	if e.Provisional {
		return fmt.Sprintf("%s: %s due back (date provisional)", committee, n)
	}
	return fmt.Sprintf("%s: %s due", committee, n)
}

// Description lists the entries, one paragraph each.
func (e *Event) Description() string {
	var b strings.Builder
	switch {
	case e.Meeting:
		fmt.Fprintf(&b, "Due back at the meeting of the %s on %s.\n", oneLine(e.Committee), longDate(e.Date))
	case e.Provisional:
		fmt.Fprintf(&b, "Due back to the %s in %s (no meeting that month is known yet).\n",
			oneLine(e.Committee), e.Date.Time().Format("January 2006"))
	default:
		fmt.Fprintf(&b, "Due on %s (%s).\n", longDate(e.Date), oneLine(e.Committee))
	}
	for i, r := range e.Entries {
		fmt.Fprintf(&b, "\n%d. ", i+1)
		if r.Exempt {
			b.WriteString("EXEMPT (not for publication). ")
		}
		fmt.Fprintf(&b, "%s, minute %s of %s", kindLabel(r.Kind), oneLine(r.Minute), longDate(r.MeetingDate))
		if r.ItemTitle != "" {
			fmt.Fprintf(&b, " (%s)", r.ItemTitle)
		}
		fmt.Fprintf(&b, " [%s]:\n%s\n", r.ID, strings.TrimSpace(r.Text))
		var facts []string
		if r.Owner != "" {
			facts = append(facts, "Officer: "+r.Owner)
		}
		if !e.Meeting || r.Due != e.Date {
			facts = append(facts, "Due: "+dueLabel(r))
		}
		facts = append(facts, "Status: "+strings.TrimSuffix(progressText(r, true), "."))
		b.WriteString(strings.Join(facts, ". "))
		b.WriteString(".\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// WriteICS writes the calendar as an RFC 5545 iCalendar file: CRLF line
// ends, lines folded at 75 octets, text escaped. stamp is the DTSTAMP of
// every event (the time of export); it also sets SEQUENCE, so a later
// export of the same event counts as an update.
func (c *Calendar) WriteICS(w io.Writer, stamp time.Time) error {
	iw := &icsWriter{w: bufio.NewWriter(w)}
	ts := stamp.UTC().Format("20060102T150405Z")
	seq := max(0, int(stamp.Sub(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))/time.Minute))
	iw.line("BEGIN:VCALENDAR")
	iw.line("VERSION:2.0")
	iw.line("PRODID:-//minutebook//minutebook export//EN")
	iw.line("CALSCALE:GREGORIAN")
	iw.line("METHOD:PUBLISH")
	iw.line("X-WR-CALNAME:" + icsText("Due back to committee"))
	for _, e := range c.Events {
		iw.line("BEGIN:VEVENT")
		iw.line("UID:" + e.UID)
		iw.line("DTSTAMP:" + ts)
		iw.line("LAST-MODIFIED:" + ts)
		iw.line(fmt.Sprintf("SEQUENCE:%d", seq))
		iw.line("DTSTART;VALUE=DATE:" + e.Date.Time().Format("20060102"))
		iw.line("DTEND;VALUE=DATE:" + e.Date.AddDays(1).Time().Format("20060102"))
		iw.line("SUMMARY:" + icsText(e.Summary()))
		iw.line("DESCRIPTION:" + icsText(e.Description()))
		iw.line("CATEGORIES:" + icsText(oneLine(e.Committee)))
		if e.Provisional {
			iw.line("STATUS:TENTATIVE")
		} else {
			iw.line("STATUS:CONFIRMED")
		}
		iw.line("TRANSP:TRANSPARENT")
		iw.line("CLASS:" + map[bool]string{true: "CONFIDENTIAL", false: "PUBLIC"}[hasExempt(e.Entries)])
		iw.line("END:VEVENT")
	}
	iw.line("END:VCALENDAR")
	if iw.err != nil {
		return fmt.Errorf("write calendar: %w", iw.err)
	}
	return flush(iw.w, "calendar")
}

func hasExempt(rows []Row) bool {
	return slices.ContainsFunc(rows, func(r Row) bool { return r.Exempt })
}

// icsText escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon
// and comma are escaped, line breaks become \n, other control characters
// are dropped.
func icsText(s string) string {
	s = clean(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// icsWriter writes content lines folded to 75 octets (RFC 5545 §3.1):
// a long line is split, never inside a UTF-8 sequence, and each
// continuation starts with a space.
type icsWriter struct {
	w   *bufio.Writer
	err error
}

const icsLineOctets = 75

func (iw *icsWriter) line(s string) {
	if iw.err != nil {
		return
	}
	limit := icsLineOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		iw.write(s[:cut], "\r\n ")
		s = s[cut:]
		limit = icsLineOctets - 1 // the leading space counts
	}
	iw.write(s, "\r\n")
}

func (iw *icsWriter) write(s, end string) {
	if iw.err != nil {
		return
	}
	if _, err := iw.w.WriteString(s); err != nil {
		iw.err = err
		return
	}
	_, iw.err = iw.w.WriteString(end)
}
