package export

import (
	"bytes"
	"errors"
	"html/template"
	"os"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/index/export/exporttest"
)

func loadAgenda(t *testing.T, q AgendaQuery) *Agenda {
	t.Helper()
	a, err := LoadAgenda(ctx, newFakeLibrary(), q)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func sectionIDs(a *Agenda) map[string][]string {
	out := map[string][]string{}
	for _, s := range a.Sections {
		out[s.Key] = ids(s.Entries)
	}
	return out
}

func TestAgendaSections(t *testing.T) {
	// The June 2022 pack, prepared on 1 June: the next meeting is the one
	// the March minutes state (21 June), the last one 8 March.
	a := loadAgenda(t, AgendaQuery{Committee: osc, AsOf: d("2022-06-01")})
	if a.Meeting != d("2022-06-21") || a.Previous != d("2022-03-08") || a.Council != "Harrow" {
		t.Fatalf("meeting %s, previous %s, council %q", a.Meeting, a.Previous, a.Council)
	}
	want := map[string][]string{
		// The June follow-up (provisional 30 June) and the action due on
		// the day of the meeting.
		SectionDue: {"osc-2021-12-14-188-f1", "osc-2022-03-08-36-a1"},
		// Due at the January meeting, never came back.
		SectionSlipped: {"osc-2021-12-14-189-f1"},
		SectionOverdue: {"osc-2021-12-14-189-a1"},
		// Came back at the March meeting: this is the first pack since.
		SectionReturned: {"osc-2021-09-14-162-f1"},
		// Done in April; the one done in October 2020 is long gone.
		SectionCompleted: {"osc-2022-03-08-35-a1"},
		SectionOpen:      {"osc-2021-12-14-188-a1", "osc-2022-03-08-36-f1", "osc-2022-03-08-37-a1"},
	}
	got := sectionIDs(a)
	for _, s := range a.Sections {
		if strings.Join(got[s.Key], " ") != strings.Join(want[s.Key], " ") {
			t.Errorf("%s: got %v, want %v", s.Key, got[s.Key], want[s.Key])
		}
	}
	if a.HasExempt() {
		t.Error("exempt record without IncludeExempt")
	}

	// With exempt items, the Civic Centre action (due 21 June) is due.
	a = loadAgenda(t, AgendaQuery{Committee: osc, AsOf: d("2022-06-01"), IncludeExempt: true})
	if due := sectionIDs(a)[SectionDue]; len(due) != 3 || due[1] != "osc-2022-01-11-15-a1" {
		t.Errorf("due with exempt = %v", due)
	}

	// A past meeting given explicitly: the January pack.
	a = loadAgenda(t, AgendaQuery{Committee: osc, Meeting: d("2022-01-11"), AsOf: d("2022-01-04")})
	got = sectionIDs(a)
	if a.Previous != d("2021-12-14") {
		t.Errorf("January pack: previous = %s", a.Previous)
	}
	if !contains(got[SectionDue], "osc-2021-12-14-189-f1") || len(got[SectionCompleted]) != 0 || len(got[SectionReturned]) != 0 {
		t.Errorf("January pack: %v", got)
	}
	for _, s := range a.Sections {
		for _, e := range s.Entries {
			if !e.MeetingDate.Before(a.Meeting) {
				t.Errorf("January pack lists %s, made at or after the meeting", e.ID)
			}
		}
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func TestAgendaNoNextMeeting(t *testing.T) {
	_, err := LoadAgenda(ctx, newFakeLibrary(), AgendaQuery{Committee: osc, AsOf: d("2030-01-01")})
	if !errors.Is(err, ErrNoMeeting) {
		t.Errorf("err = %v, want ErrNoMeeting", err)
	}
}

func TestAgendaGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		q    AgendaQuery
	}{
		{"osc-2022-06", AgendaQuery{Committee: osc, AsOf: d("2022-06-01")}},
		{"osc-2022-06-exempt", AgendaQuery{Committee: osc, AsOf: d("2022-06-01"), IncludeExempt: true}},
		{"panel-2023-04", AgendaQuery{Committee: panel, AsOf: d("2023-03-20")}},
	} {
		a := loadAgenda(t, tt.q)
		for _, f := range []Format{FormatMarkdown, FormatHTML} {
			var buf bytes.Buffer
			if err := a.Write(&buf, f); err != nil {
				t.Fatal(err)
			}
			golden(t, "agenda-"+tt.name+"."+string(f), buf.Bytes())
		}
	}
}

func TestAgendaHTMLEscapes(t *testing.T) {
	var buf bytes.Buffer
	if err := loadAgenda(t, AgendaQuery{Committee: osc, AsOf: d("2022-06-01")}).WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	if strings.Contains(html, "<script>") || strings.Contains(html, "<b>Leader") {
		t.Error("document text reached the page unescaped")
	}
	if !strings.Contains(html, template.HTMLEscapeString("<script>alert(1)</script>")) {
		t.Error("escaped text missing")
	}
	for _, external := range []string{"<link", "src=", "@import", "href=\"http", "url("} {
		if strings.Contains(html, external) {
			t.Errorf("page is not self-contained: has %q", external)
		}
	}
	if !strings.Contains(html, "@media print") || !strings.Contains(html, "@page") {
		t.Error("no print styles")
	}
}

// TestAgendaHTMLFile writes the June 2022 page where a person (or headless
// Chromium) can look at it: go test -run HTMLFile -agenda-out /tmp/agenda.html
func TestAgendaHTMLFile(t *testing.T) {
	out := os.Getenv("MINUTEBOOK_AGENDA_OUT")
	if out == "" {
		t.Skip("set MINUTEBOOK_AGENDA_OUT=/tmp/agenda.html to write the page")
	}
	var buf bytes.Buffer
	if err := loadAgenda(t, AgendaQuery{Committee: osc, AsOf: d("2022-06-01"), IncludeExempt: true}).WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCompareMinutes(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"9", "10", -1}, {"10", "9", 1}, {"188", "188", 0}, {"12(a)", "12(b)", -1},
		{"12", "12(a)", -1}, {"007", "7", 0}, {"R2020-78", "R2020-9", 1}, {"5", "AOB", -1},
		{"osc-2021-12-14-188-a2", "osc-2021-12-14-188-a10", -1},
	} {
		if got := compareMinutes(tt.a, tt.b); got != tt.want {
			t.Errorf("compareMinutes(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestResolveCommittee(t *testing.T) {
	lib := newFakeLibrary()
	for typed, want := range map[string]string{
		"Overview and Scrutiny Committee": osc, "overview and scrutiny committee": osc,
		"osc": osc, "rpsp": panel, "riverside": panel, "Overview": osc,
	} {
		c, err := ResolveCommittee(ctx, lib, typed)
		if err != nil || c.Name != want {
			t.Errorf("ResolveCommittee(%q) = %q, %v; want %q", typed, c.Name, err, want)
		}
	}
	if _, err := ResolveCommittee(ctx, lib, "scrutiny"); err == nil || !strings.Contains(err.Error(), "matches 2 committees") {
		t.Errorf("ambiguous: err = %v", err)
	}
	if _, err := ResolveCommittee(ctx, lib, "Cabinet"); err == nil || !strings.Contains(err.Error(), osc) {
		t.Errorf("unknown: err = %v", err)
	}
	if _, err := ResolveCommittee(ctx, &exporttest.Library{}, "osc"); err == nil || !strings.Contains(err.Error(), "import") {
		t.Errorf("empty library: err = %v", err)
	}
}

// Exports clean text with the one sanitiser, minutes.Sanitize: escape
// sequences go whole and other control characters go (they were spaces,
// with the sequence's text left in the cell, before there was one).
func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                "plain",
		"a\r\nb\rc":            "a\nb\nc",
		"form\ffeed":           "formfeed",
		"\x1b[31mred\x1b[0m":   "red",
		"bad \xff byte":        "bad \ufffd byte",
		"tab\tand\nline, café": "tab\tand\nline, café",
		"nul\x00":              "nul",
		"c1\u0085control":      "c1control",
		"xml \ufffe\uffff":     "xml ",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAgendaInMonth(t *testing.T) {
	// "The June 2022 meeting": the library knows it is on the 21st.
	a := loadAgenda(t, AgendaQuery{Committee: osc, Meeting: d("2022-06-01"), InMonth: true, AsOf: d("2022-05-01")})
	if a.Meeting != d("2022-06-21") || a.MonthOnly || a.MeetingLabel() != "21 June 2022" {
		t.Errorf("June 2022: meeting %s, month only %v", a.Meeting, a.MonthOnly)
	}
	// "The September 2022 meeting": no date known, so the month.
	a = loadAgenda(t, AgendaQuery{Committee: osc, Meeting: d("2022-09-01"), InMonth: true, AsOf: d("2022-08-01")})
	if a.Meeting != d("2022-09-30") || !a.MonthOnly || a.MeetingLabel() != "September 2022" {
		t.Errorf("September 2022: meeting %s, month only %v", a.Meeting, a.MonthOnly)
	}
	if due := sectionIDs(a)[SectionDue]; !contains(due, "osc-2022-03-08-36-f1") {
		t.Errorf("September: due = %v, want the September report", due)
	}
	var buf bytes.Buffer
	if err := a.WriteMarkdown(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "meeting of September 2022") || !strings.Contains(buf.String(), "not yet in the library") {
		t.Errorf("month-only heading:\n%s", buf.String())
	}
}
