package tui

import (
	"strings"
	"testing"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// Issue 11.6: the due board shows each row's status and latest note, and
// is sorted and narrowed as a clerk's tracker is.

// boardRow returns the board's line holding id's minute and text start,
// failing when there is none.
func boardLine(t *testing.T, h *harness, text string) string {
	t.Helper()
	for _, l := range strings.Split(h.view(), "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	t.Fatalf("no line holds %q:\n%s", text, h.view())
	return ""
}

func TestDueBoardShowsStatusAndNote(t *testing.T) {
	for _, w := range []int{80, 120, 160} {
		lib := newFixture()
		h := newHarness(t, lib, w, 40, testOptions())
		openRecord(h, "osc-2022-01-11-203-a1") // the Head of Housing's letter
		h.keys("p", "n", "Letters drafted, out on Friday", "enter", "esc")
		if h.m.active != viewDue {
			t.Fatalf("esc left view %v", h.m.active)
		}
		l := boardLine(t, h, "The Head")
		if !strings.Contains(l, "in prog") {
			t.Errorf("%d wide: the row does not show the status: %q", w, l)
		}
		if !strings.Contains(l, "Letter") {
			t.Errorf("%d wide: the row does not show the latest note: %q", w, l)
		}
		if w >= 150 && !strings.Contains(h.view(), "LATEST NOTE") {
			t.Errorf("%d wide: no column for notes", w)
		}
	}
}

func TestDroppedIsNotDone(t *testing.T) {
	lib := newFixture()
	h := newHarness(t, lib, 120, 40, testOptions())
	openRecord(h, "osc-2022-01-11-203-a1")
	h.keys("X")
	h.contains("DROPPED")
	if strings.Contains(strings.SplitN(h.view(), "\n", 3)[1], "DONE") {
		t.Errorf("the detail heading calls a dropped record done:\n%s", h.view())
	}
	h.keys("esc", "x")
	h.contains("DONE OR DROPPED (2)")
	if l := boardLine(t, h, "The Head of Hous"); !strings.Contains(l, "DROPPED") || strings.Contains(l, "DONE ") {
		t.Errorf("the dropped row is badged %q", l)
	}
	if l := boardLine(t, h, "The Director of Fin"); !strings.Contains(l, "DONE") {
		t.Errorf("the done row is badged %q", l)
	}
}

func TestDueBoardSorts(t *testing.T) {
	h := newHarness(t, newFixture(), 120, 40, testOptions())
	h.keys("s") // by due date: one list, no group headings
	h.contains("by due date")
	b := h.m.due.board
	if !b.flat || len(b.groups) != 1 {
		t.Fatalf("sorted by due date: flat %v, %d groups", b.flat, len(b.groups))
	}
	assertOrder(t, h, func(a, c index.Record) bool {
		return a.Due.IsZero() == c.Due.IsZero() && a.Due.After(c.Due) || a.Due.IsZero() && !c.Due.IsZero()
	}, "due date")
	h.keys("s") // by owner: no owner named last
	assertOrder(t, h, func(a, c index.Record) bool {
		oa, oc := ownerKey(a.Owner), ownerKey(c.Owner)
		return oa == "" && oc != "" || oa != "" && oc != "" && oa > oc
	}, "owner")
	h.keys("s") // by committee
	assertOrder(t, h, func(a, c index.Record) bool { return a.Committee > c.Committee }, "committee")
	h.keys("s") // by status: in progress, open, done, dropped
	assertOrder(t, h, func(a, c index.Record) bool { return statusRank[statusOf(&a)] > statusRank[statusOf(&c)] }, "status")
	h.keys("s") // back to grouped by flag
	if h.m.due.board.flat {
		t.Error("the fifth s did not group the board by flag again")
	}
	h.contains("── OVERDUE (2)")
}

// assertOrder fails if two rows the board shows are out of order: wrong
// reports whether a must not come before c.
func assertOrder(t *testing.T, h *harness, wrong func(a, c index.Record) bool, by string) {
	t.Helper()
	v := h.m.due
	var prev *index.Record
	for _, r := range v.rows {
		if r.heading {
			continue
		}
		rec := v.board.recs[r.rec]
		if prev != nil && wrong(*prev, rec) {
			t.Errorf("by %s: %s (%s, %q, %s) before %s (%s, %q, %s)", by, prev.ID, prev.Due, prev.Owner, prev.Status, rec.ID, rec.Due, rec.Owner, rec.Status)
		}
		prev = &rec
	}
}

func TestDueBoardFilters(t *testing.T) {
	lib := newFixture()
	h := newHarness(t, lib, 120, 40, testOptions())
	h.keys("o")
	h.contains("Show the records of", "Every owner", "Director of Finance", "No owner named")
	// Director of Finance has two records (one done): choose them.
	for i, o := range h.m.due.board.ownerCounts() {
		if o.name == "Director of Finance" {
			for range i + 1 {
				h.keys("j")
			}
		}
	}
	h.keys("enter")
	h.contains("owner Director of Finance", "1 open")
	for _, r := range h.m.due.rows {
		if !r.heading && h.m.due.board.recs[r.rec].Owner != "Director of Finance" {
			t.Errorf("the owner filter shows %s", h.m.due.board.recs[r.rec].ID)
		}
	}
	// And in progress only: nothing of theirs is.
	h.keys("f", "j", "j", "enter")
	h.contains("owner Director of Finance, status in progress", "matches owner Director of Finance, status in progress · esc")
	h.keys("esc")
	h.contains("All committees · 13 open")

	// Done only: closed rows show without x.
	h.keys("f", "j", "j", "j", "enter")
	h.contains("status done", "The Director of Fin")
	if h.m.due.showClosed {
		t.Error("the done filter turned x on")
	}
	// The filters stay when the board reloads.
	openRecord(h, "osc-2022-01-11-203-a1")
	h.keys("d", "esc")
	h.contains("status done", "The Head of Housing")
}

func TestProvisionalDueShowsItsMonth(t *testing.T) {
	// The fixture's June report is due at the O&S meeting its minutes
	// announce for 14 June (minutes.FlagOf resolves it there); without that
	// announcement no June meeting is known and the date is provisional.
	ms := fixtureMeetings()
	for _, m := range ms {
		if m.ID() == "osc-2022-01-11" {
			m.NextMeeting = minutes.Date{}
		}
	}
	h := newHarness(t, newFakeLib(ms), 120, 40, testOptions())
	if l := boardLine(t, h, "a further report on"); !strings.Contains(l, "Jun 2022 ") || strings.Contains(l, "~") {
		t.Errorf("a provisional due date reads %q, want the month", l)
	}
}

// Issue 11.9: a prompt's prefilled value is selected, so typing replaces
// it; ctrl+u clears every prompt and the search box.
func TestPromptsReplaceAndClear(t *testing.T) {
	lib := newFixture()
	h := newHarness(t, lib, 120, 40, testOptions())
	id := "osc-2021-12-14-188-a1"
	openRecord(h, id)
	h.keys("o", "J. Smith", "enter") // typed over "Director of Environment"
	if rec, _, _ := lib.Record(t.Context(), id); rec.Owner != "J. Smith" {
		t.Fatalf("owner %q, want the typed name alone", rec.Owner)
	}
	h.keys("o", "end", " (acting)", "enter") // → keeps the value to edit
	if rec, _, _ := lib.Record(t.Context(), id); rec.Owner != "J. Smith (acting)" {
		t.Fatalf("owner %q after editing the end", rec.Owner)
	}
	h.keys("e", "2022-08-01", "enter")
	h.keys("e", "end", "backspace", "2", "enter") // 2022-08-01 → 2022-08-02
	if rec, _, _ := lib.Record(t.Context(), id); rec.Due.String() != "2022-08-02" {
		t.Fatalf("due %s after editing", rec.Due)
	}
	h.keys("o", "backspace", "enter") // backspace on the selection clears it: back to the minutes' owner
	if rec, _, _ := lib.Record(t.Context(), id); rec.Owner != "Director of Environment" {
		t.Fatalf("owner %q after clearing", rec.Owner)
	}
	h.keys("e", "left", "ctrl+u")
	if v := h.m.detail.form.input.Value(); v != "" {
		t.Fatalf("ctrl+u left %q in the due-date prompt", v)
	}
	h.keys("esc")

	// The as-of date and the export name on the board.
	h.keys("1", "a", "2022-06-15", "enter")
	h.contains("as of 2022-06-15")
	h.keys("E", "ctrl+u")
	if v := h.m.due.form.input.Value(); v != "" {
		t.Fatalf("ctrl+u left %q in the export prompt", v)
	}
	h.keys("esc")

	// The search box: ctrl+u clears the query (it pages the list elsewhere).
	h.keys("/", "fly tipping", "left", "left", "ctrl+u")
	if v := h.m.search.input.Value(); v != "" {
		t.Fatalf("ctrl+u left %q in the search box", v)
	}
	h.contains("Type a few words")
}

// Issue 11.8: the prompts take the dates clerks type, the grammar of
// minutes.ParseUserDate, and "next" is the committee's next meeting.
func TestPromptsTakeClerksDates(t *testing.T) {
	lib := newFixture() // today is Friday 20 May 2022
	h := newHarness(t, lib, 120, 40, testOptions())
	for _, tc := range []struct{ typed, want string }{
		{"31/05/2022", "2022-05-31"},
		{"1 June 2022", "2022-06-01"},
		{"June 3, 2022", "2022-06-03"},
		{"friday", "2022-05-27"},
		{"+1w", "2022-06-03"}, // a step moves the as-of date shown (27 May)
		{"", "2022-05-20"},    // empty: today
	} {
		h.keys("a", "ctrl+u", tc.typed, "enter")
		if got := h.m.sh.asOf.String(); got != tc.want {
			t.Errorf("as of %q: %s, want %s", tc.typed, got, tc.want)
		}
	}
	h.keys("a", "next", "enter")
	h.contains("choose a committee first")
	h.keys("esc", "c", "j", "j", "enter", "a", "next", "enter") // Overview and Scrutiny: next meets 14 June
	if got := h.m.sh.asOf.String(); got != "2022-06-14" {
		t.Errorf("as of next: %s, want the committee's next meeting, 2022-06-14", got)
	}
	h.keys("a", "31/02/2022", "enter")
	h.contains("February has no day 31")
	h.keys("esc", "t")

	id := "osc-2021-12-14-190-a1"
	openRecord(h, id)
	h.keys("e", "31 January 2023", "enter")
	h.contains("due date set to 2023-01-31")
	h.keys("e", "next meeting", "enter")
	h.contains("due date set to 2022-06-14 (the next meeting)", "u to undo")
	h.keys("u")
	h.contains("Undone: due date back to 2023-01-31")
	if rec, _, _ := lib.Record(t.Context(), id); rec.Due.String() != "2023-01-31" {
		t.Errorf("after undoing next: due %s, want 2023-01-31", rec.Due)
	}
	h.keys("e", "soonish", "enter")
	h.contains("not a date; type a date such as 2027-01-31 (YYYY-MM-DD), 31/01/2027")
}

func TestReviewBadge(t *testing.T) {
	tests := []struct {
		kind string
		w    int
		want string
	}{
		{"followup", 9, "FOLLOW-UP"},
		{"followup", 8, "FOLLOWUP"},
		{"action", 8, "ACTION"},
		{"resolution", 8, "RESOLVED"},
	}
	for _, tt := range tests {
		if got := reviewBadge(tt.kind, tt.w); got != tt.want {
			t.Errorf("reviewBadge(%q, %d) = %q, want %q", tt.kind, tt.w, got, tt.want)
		}
	}
}

// TestWholeParts: the due board's counts, when they do not all fit, end
// at a whole count and "…".
func TestWholeParts(t *testing.T) {
	parts := []string{"5 to review", "5 overdue", "3 slipped", "12 undated"}
	tests := []struct {
		w    int
		want string
	}{
		{80, " 5 to review  5 overdue  3 slipped  12 undated"},
		{46, " 5 to review  5 overdue  3 slipped  12 undated"},
		{45, " 5 to review  5 overdue  3 slipped …"},
		{36, " 5 to review  5 overdue  3 slipped …"},
		{35, " 5 to review  5 overdue …"},
		{8, " 5 to r…"},
	}
	for _, tt := range tests {
		if got := wholeParts(parts, "  ", tt.w); got != tt.want {
			t.Errorf("wholeParts(w=%d) = %q, want %q", tt.w, got, tt.want)
		}
	}
}

// TestMinuteColumn: the board's minute column widens to the longest
// minute number ("16/05/10", "R2021-179"), up to maxMinuteW, at the
// text's cost.
func TestMinuteColumn(t *testing.T) {
	recs := func(ms ...string) []index.Record {
		out := make([]index.Record, len(ms))
		for i, m := range ms {
			out[i].Minute = m
		}
		return out
	}
	tests := []struct {
		name string
		recs []index.Record
		want int
	}{
		{"none", nil, 6},
		{"short", recs("188", "12(b)"), 6},
		{"dated", recs("3", "16/05/10", "R2021-179"), 9},
		{"long", recs("a minute number far too long"), maxMinuteW},
	}
	for _, tt := range tests {
		for _, w := range []int{80, 120, 160} {
			c := dueLayout(w, false, minuteWidth(tt.recs), true)
			if c.minute != tt.want {
				t.Errorf("%s, %d wide: minute column %d, want %d", tt.name, w, c.minute, tt.want)
			}
			base := dueLayout(w, false, 0, true)
			if c.text+c.update+c.minute != base.text+base.update+base.minute {
				t.Errorf("%s, %d wide: the minute column's width did not come from the text's", tt.name, w)
			}
		}
	}
}

// TestNotesColumnOnlyWithNotes: at 150 columns and more a board whose
// records have no notes gives their column's room to the text.
func TestNotesColumnOnlyWithNotes(t *testing.T) {
	for _, w := range []int{150, 160, 200} {
		with, without := dueLayout(w, false, 6, true), dueLayout(w, false, 6, false)
		if with.update == 0 || without.update != 0 {
			t.Errorf("%d wide: notes column %d with notes, %d without", w, with.update, without.update)
		}
		if without.text != with.text+with.update+1 {
			t.Errorf("%d wide: text %d without notes, want %d", w, without.text, with.text+with.update+1)
		}
	}
}
