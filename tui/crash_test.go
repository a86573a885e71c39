package tui

import (
	"testing"

	"github.com/minutebook/minutebook/index"
)

// Blockers of issue 11: key sequences that crashed the TUI.

// TestEmptiedBoardShowsEmptyState: with the cursor low on a long board, a
// filter that leaves a shorter (or empty) board must show it, not index
// the new board with the old board's rows.
func TestEmptiedBoardShowsEmptyState(t *testing.T) {
	lib := newFixture()
	h := newHarness(t, lib, 120, 40, testOptions())
	h.keys("x", "G") // the last row of the longest board
	h.keys("c")
	for range len(h.m.due.committees) { // the last committee: the panel, one record
		h.keys("j")
	}
	h.keys("enter")
	checkFrame(t, h.view(), 120, 40)
	h.contains("Riverside Place Scrutiny Panel", "1 open")

	// An as-of date before every meeting: nothing is due yet.
	h.keys("a", "ctrl+u", "2020-01-01", "enter")
	checkFrame(t, h.view(), 120, 40)
	h.contains("Nothing open for Riverside Place Scrutiny Panel as of 2020-01-01.")
	h.keys("t", "j", "k")

	// Every record of the committee closed.
	lib.bump(func() {
		for _, fr := range lib.recs {
			if fr.rec.Committee == panel {
				fr.rec.Status = index.StatusDropped
			}
		}
	})
	h.keys("esc", "G", "c", "j", "j", "j", "j", "enter")
	checkFrame(t, h.view(), 120, 40)
	h.contains("Nothing open for Riverside Place Scrutiny Panel")
}

// TestListWithNothingSelectable: a board whose only row is a group
// heading (every record done, the done rows hidden) has no row the cursor
// can stand on; moving on it must not recurse for ever.
func TestListWithNothingSelectable(t *testing.T) {
	lib := newFixture()
	lib.bump(func() {
		for _, fr := range lib.recs {
			if fr.rec.Committee == panel {
				fr.rec.Status = index.StatusDone
			}
		}
	})
	h := newHarness(t, lib, 120, 40, testOptions())
	h.keys("c", "G", "enter") // the panel: one record, done
	h.keys("j", "k", "G", "g", "pgdown", "pgup", "enter", "x", "x", "j")
	checkFrame(t, h.view(), 120, 40)
	h.contains("DONE (1)")

	s := scroller{selectable: func(int) bool { return false }}
	s.setHeight(5)
	s.setLen(3)
	s.move(1)
	s.move(-1)
	s.top()
	s.bottom()
}
