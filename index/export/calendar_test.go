package export

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/minutebook/minutebook/index"
)

var stamp = time.Date(2022, 6, 1, 9, 30, 0, 0, time.UTC)

func loadCalendar(t *testing.T, q CalendarQuery) *Calendar {
	t.Helper()
	c, err := LoadCalendar(ctx, newFakeLibrary(), q)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func ics(t *testing.T, c *Calendar, at time.Time) string {
	t.Helper()
	var buf bytes.Buffer
	if err := c.WriteICS(&buf, at); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestCalendarEvents(t *testing.T) {
	c := loadCalendar(t, CalendarQuery{AsOf: d("2022-06-01")})
	type ev struct {
		committee, date string
		meeting         bool
		ids             string
	}
	var got []ev
	for _, e := range c.Events {
		got = append(got, ev{e.Committee, e.Date.String(), e.Meeting, strings.Join(ids(e.Entries), " ")})
	}
	want := []ev{
		// The follow-up due at the January meeting: still open, so listed.
		{osc, "2022-01-11", true, "osc-2021-12-14-189-f1"},
		{osc, "2022-03-31", false, "osc-2021-12-14-189-a1"},
		// The June follow-up (provisional) and the action due on the day.
		{osc, "2022-06-21", true, "osc-2021-12-14-188-f1 osc-2022-03-08-36-a1"},
		// No September meeting is known: the month's last day, tentative.
		{osc, "2022-09-30", false, "osc-2022-03-08-36-f1"},
		{panel, "2023-02-21", false, "rpsp-2023-02-07-7-a1"},
		{panel, "2023-04-04", true, "rpsp-2023-02-07-6-f1"},
	}
	if len(got) != len(want) {
		t.Fatalf("events:\n got %v\nwant %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("event %d = %v, want %v", i, got[i], want[i])
		}
	}
	if !c.Events[3].Provisional || c.Events[2].Provisional {
		t.Error("provisional marking wrong")
	}
}

func TestCalendarICS(t *testing.T) {
	c := loadCalendar(t, CalendarQuery{AsOf: d("2022-06-01")})
	out := ics(t, c, stamp)
	golden(t, "calendar.ics", []byte(out))

	if !strings.HasSuffix(out, "\r\n") {
		t.Error("does not end in CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, l)
		}
	}
	// Unfolded, the description keeps every character of the text.
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	for _, want := range []string{
		`SUMMARY:Overview and Scrutiny Committee: 2 items due back`,
		`Members asked that the “Café Harrow” consultation results\, broken down by ward\, be circulated\;\nthe Chair said: "it's urgent" — a résumé of costs (10%\, £5\,000) is needed.`,
		`=HYPERLINK("http://x"\,"y")`,
		"DTSTART;VALUE=DATE:20220621\r\nDTEND;VALUE=DATE:20220622\r\n",
		"DTSTAMP:20220601T093000Z\r\n",
		"STATUS:TENTATIVE\r\n",
	} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("calendar lacks %q", want)
		}
	}
	for _, bad := range []string{"osc-2022-01-11-15-a1", "Civic Centre", "osc-2021-09-14-162-f1", "osc-2022-03-08-35-a1"} {
		if strings.Contains(unfolded, bad) {
			t.Errorf("calendar lists %q (exempt, returned or done)", bad)
		}
	}
	if n := strings.Count(out, "BEGIN:VEVENT"); n != len(c.Events) || n != strings.Count(out, "END:VEVENT") {
		t.Errorf("%d events written, want %d", n, len(c.Events))
	}
}

func uids(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\r\n") {
		if u, ok := strings.CutPrefix(l, "UID:"); ok {
			out = append(out, u)
		}
	}
	return out
}

func TestCalendarStableUIDs(t *testing.T) {
	first := ics(t, loadCalendar(t, CalendarQuery{AsOf: d("2022-06-01")}), stamp)
	// A week later a clerk marks the Café Harrow action done and exports
	// again: the June meeting keeps its UID (the event is updated), and
	// the stamp and sequence move on.
	lib := newFakeLibrary()
	for i := range lib.Stored {
		if lib.Stored[i].ID == "osc-2022-03-08-36-a1" {
			lib.Stored[i].Status = index.StatusDone
		}
	}
	c, err := LoadCalendar(ctx, lib, CalendarQuery{AsOf: d("2022-06-08")})
	if err != nil {
		t.Fatal(err)
	}
	second := ics(t, c, stamp.Add(7*24*time.Hour))
	u1, u2 := uids(first), uids(second)
	if strings.Join(u1, " ") != strings.Join(u2, " ") {
		t.Errorf("UIDs changed between exports:\n%v\n%v", u1, u2)
	}
	seen := map[string]bool{}
	for _, u := range u1 {
		if seen[u] {
			t.Errorf("UID %s used twice", u)
		}
		seen[u] = true
		if !strings.HasSuffix(u, "@minutebook") {
			t.Errorf("UID %s has no domain part", u)
		}
	}
	if !strings.Contains(second, "SUMMARY:Overview and Scrutiny Committee: 1 item due back") {
		t.Error("second export does not show the June meeting with one item")
	}
	seq := func(s string) int {
		i := strings.Index(s, "SEQUENCE:") + len("SEQUENCE:")
		n, _ := strconv.Atoi(s[i : i+strings.Index(s[i:], "\r")])
		return n
	}
	if seq(first) >= seq(second) {
		t.Errorf("sequence did not increase: %d then %d", seq(first), seq(second))
	}
	// Same committee key, different council: different UIDs.
	if eventUID("Harrow", "osc", d("2022-06-21"), true) == eventUID("Brent", "osc", d("2022-06-21"), true) {
		t.Error("two councils' committees share a UID")
	}
	// A re-parse that spells the council otherwise (the committee's key
	// stays) keeps the UID: the calendar updates the event.
	if eventUID("Harrow Council", "osc", d("2022-06-21"), true) != eventUID("London Borough of Harrow", "osc", d("2022-06-21"), true) {
		t.Error("the council's spelling changed the UID")
	}
}

func TestCalendarExempt(t *testing.T) {
	out := ics(t, loadCalendar(t, CalendarQuery{AsOf: d("2022-06-01"), IncludeExempt: true}), stamp)
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	if !strings.Contains(unfolded, "EXEMPT (not for publication)") || !strings.Contains(unfolded, "osc-2022-01-11-15-a1") {
		t.Error("exempt record missing or unmarked")
	}
	if !strings.Contains(out, "CLASS:CONFIDENTIAL") {
		t.Error("event with an exempt record is not CONFIDENTIAL")
	}
}

func TestICSFold(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("a", 200),
		"DESCRIPTION:" + strings.Repeat("é£—", 60),
		strings.Repeat("x", 75),
		strings.Repeat("x", 76),
		"",
	} {
		var buf bytes.Buffer
		iw := &icsWriter{w: bufioWriter(&buf)}
		iw.line(s)
		iw.w.Flush()
		out := buf.String()
		for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
			if len(l) > 75 || !utf8.ValidString(l) {
				t.Errorf("bad folded line %q", l)
			}
		}
		if got := strings.ReplaceAll(strings.TrimSuffix(out, "\r\n"), "\r\n ", ""); got != s {
			t.Errorf("unfolding gives %q, want %q", got, s)
		}
	}
	if got := icsText("a,b;c\\d\ne\x1bf"); got != `a\,b\;c\\d\ne` { // ESC f is an escape sequence: it goes whole (minutes.Sanitize)
		t.Errorf("icsText = %q", got)
	}
}

func bufioWriter(w io.Writer) *bufio.Writer { return bufio.NewWriter(w) }
