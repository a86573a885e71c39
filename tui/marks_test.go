package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/minutebook/minutebook/minutes"
)

// Issue 11.11: what the marks say, and the mouse and the 2 key.

// TestWorkedOutDueIsNotAClerks: a due date the library worked out (the
// committee's meeting in the month the minutes name) is not called a
// clerk's; one a clerk set is.
func TestWorkedOutDueIsNotAClerks(t *testing.T) {
	lib := newFixture()
	id := "osc-2021-12-14-188-f1" // due back at "the June 2022 meeting"
	lib.bump(func() {
		r := &lib.recByID[id].rec
		r.Due, r.Provisional = d("2022-06-14"), false // as the library resolves it once it knows the meeting
	})
	h := newHarness(t, lib, 140, 40, testOptions())
	openRecord(h, id)
	h.contains("2022-06-14  (the committee's meeting in the month the minutes name)")
	if strings.Contains(h.view(), "set by a clerk") {
		t.Fatalf("a date the library worked out is labelled a clerk's:\n%s", h.view())
	}
	h.keys("e", "2022-07-12", "enter")
	h.contains("2022-07-12  (set by a clerk; the minutes say 2022-06-30)")
	h.keys("e", "ctrl+u", "enter") // back to the minutes' date
	if strings.Contains(h.view(), "set by a clerk") {
		t.Fatalf("after going back to the minutes' date it is still a clerk's:\n%s", h.view())
	}
	openRecord(h, "osc-2021-12-14-189-a1")
	h.contains("2022-01-31\n")
}

func TestHelpExplainsTheMarks(t *testing.T) {
	h := newHarness(t, newFixture(), 100, 40, testOptions())
	h.keys("?")
	h.contains("Jun 2022 in DUE: a provisional date", "SLIPPED a follow-up's meeting passed")
}

func click(x, y int) tea.MouseMsg {
	return tea.MouseMsg{X: x, Y: y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress}
}

func TestMouseClicks(t *testing.T) {
	h := newHarness(t, newFixture(), 120, 40, testOptions())
	// The board: title bar, summary, column names, the OVERDUE heading,
	// then the rows; the second overdue row is on line 5, the heading on 3.
	h.send(click(30, 5))
	if r, _ := h.m.due.selected(); r.ID != "osc-2022-01-11-202-a1" {
		t.Fatalf("a click on the second row selected %q", r.ID)
	}
	h.send(click(30, 3)) // a heading: nothing to select
	if r, _ := h.m.due.selected(); r.ID != "osc-2022-01-11-202-a1" {
		t.Fatalf("a click on a heading moved the cursor to %q", r.ID)
	}
	h.send(click(30, 5)) // the selected row again: open it
	if h.m.active != viewDetail || h.m.detail.id != "osc-2022-01-11-202-a1" {
		t.Fatalf("a second click shows view %v, record %q", h.m.active, h.m.detail.id)
	}
	// The tabs: " minutebook  Due  Search  Meetings  People  Detail".
	for _, tc := range []struct {
		x    int
		want viewID
	}{{14, viewDue}, {20, viewSearch}, {28, viewMeetings}, {38, viewPeople}, {46, viewDetail}} {
		h.send(click(tc.x, 0))
		if h.m.active != tc.want {
			t.Errorf("a click at column %d of the title bar shows view %v, want %v", tc.x, h.m.active, tc.want)
		}
	}
	// The meetings view: committees from line 3 (title, crumbs, blank).
	h.send(click(28, 0))
	h.send(click(10, 4)) // the second committee
	h.send(click(10, 4))
	if h.m.meetings.level != levelMeetings || h.m.meetings.committee != minutes.CommitteeSlug(osc) {
		t.Fatalf("clicks on a committee: level %v committee %q", h.m.meetings.level, h.m.meetings.committee)
	}
	// The wheel still scrolls.
	h.send(tea.MouseMsg{Y: 10, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	// A chooser: clicks choose.
	h.send(click(14, 0))
	h.keys("c")
	h.send(click(5, 5)) // title bar, chooser title, blank, All, Cabinet, Overview…
	h.send(click(5, 5))
	if h.m.due.committee != minutes.CommitteeSlug(osc) {
		t.Fatalf("clicks in the committee chooser chose %q", h.m.due.committee)
	}
}

func TestTwoOpensSearch(t *testing.T) {
	h := newHarness(t, newFixture(), 120, 40, testOptions())
	h.keys("2")
	if h.m.active != viewSearch || !h.m.search.Capturing() {
		t.Fatalf("2 shows view %v (typing %v), want the search box", h.m.active, h.m.search.Capturing())
	}
	h.keys("esc", "1")
	if h.m.active != viewDue {
		t.Fatalf("1 shows view %v", h.m.active)
	}
}
