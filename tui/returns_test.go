package tui

import (
	"testing"

	"github.com/minutebook/minutebook/index"
)

// Issue 11.4 and 11.7: N says a follow-up was not returned and u puts back
// exactly what was there; R picks the item it came back as; u goes back
// through every saved change of the session.

// TestNotReturnedUndoKeepsAutomaticMatch: undoing N on an automatic match
// gives the automatic match back, not a clerk's confirmation.
func TestNotReturnedUndoKeepsAutomaticMatch(t *testing.T) {
	lib := newFixture()
	h := newHarness(t, lib, 120, 40, testOptions())
	id := "osc-2021-12-14-189-f1"
	openRecord(h, id)
	h.contains("matched automatically")
	h.keys("N")
	h.contains("not returned (the link to osc-2022-01-11-201 is removed)", "u to undo", "not yet · R picks")
	if ref, ok := lib.ReturnedTo(id); ok {
		t.Fatalf("after N the follow-up is returned to %+v", ref)
	}
	h.keys("u")
	h.contains("Undone: "+id+" returned to osc-2022-01-11-201 again (matched automatically)", "matched automatically on")
	ref, ok := lib.ReturnedTo(id)
	if !ok || ref.Confirmed || ref.ItemID != "osc-2022-01-11-201" {
		t.Fatalf("after undo the library holds %+v (returned %v), want the automatic match", ref, ok)
	}
	if d, _ := lib.ReturnDecisions(t.Context(), id); d.Confirmed != "" || len(d.Rejected) != 0 {
		t.Errorf("after undo the decisions are %+v, want none", d)
	}
}

// TestPickReturnedItem: R lists the committee's later meetings, then a
// meeting's items; enter links the chosen item, confirmed; u unlinks it.
func TestPickReturnedItem(t *testing.T) {
	lib := newFixture()
	h := newHarness(t, lib, 120, 40, testOptions())
	id := "osc-2021-12-14-188-f1"
	openRecord(h, id)
	h.contains("not yet · R picks the later item it came back as")
	h.keys("R")
	h.contains("Came back as…", "Later meetings of Overview and Scrutiny Committee", "2022-01-11  3 items")
	h.keys("enter")
	h.contains("Items of the 2022-01-11 meeting", "201    Fly-tipping: Update", "202    Budget Scrutiny 2022/23")
	h.keys("esc") // back to the meetings, then in again
	h.contains("Later meetings of")
	h.keys("enter", "j", "enter")
	h.contains("Saved: "+id+" returned to osc-2022-01-11-202 (chosen by a clerk)", "confirmed by a clerk")
	ref, ok := lib.ReturnedTo(id)
	if !ok || !ref.Confirmed || ref.ItemID != "osc-2022-01-11-202" {
		t.Fatalf("after choosing, the library holds %+v", ref)
	}
	h.keys("u")
	h.contains("Undone: "+id+" not linked to osc-2022-01-11-202 again", "not yet")
	if ref, ok := lib.ReturnedTo(id); ok {
		t.Fatalf("after undo the follow-up is returned to %+v", ref)
	}

	// An action has no return to pick; a follow-up of a committee's last
	// meeting has no later meeting to pick from.
	openRecord(h, "osc-2021-12-14-188-a1")
	h.keys("R")
	h.contains("Only follow-ups come back to committee")
	openRecord(h, "osc-2022-01-11-202-f1")
	h.keys("R")
	h.contains("The library holds no meeting of Overview and Scrutiny Committee after 2022-01-11.")
	h.keys("esc")
	h.contains("Returned")
}

// TestUndoHistory: u takes back the session's changes one by one, newest
// first, a confirmed return among them, until there is nothing left.
func TestUndoHistory(t *testing.T) {
	lib := newFixture()
	h := newHarness(t, lib, 120, 40, testOptions())
	a := "osc-2021-12-14-188-a1"
	f := "osc-2021-12-14-189-f1"
	openRecord(h, a)
	h.keys("p")
	h.keys("o", "ctrl+u", "Head of Licensing", "enter")
	h.keys("e", "ctrl+u", "2022-07-01", "enter")
	h.keys("n", "Asked for the figures", "enter") // a note stays: not on the undo stack
	h.contains("note added")
	openRecord(h, f)
	h.keys("y")
	h.contains("returned to osc-2022-01-11-201 (confirmed)", "u to undo")

	h.keys("u")
	h.contains("Undone: the return to osc-2022-01-11-201 back to matched automatically", "u undoes 3 more changes")
	if ref, _ := lib.ReturnedTo(f); ref.Confirmed {
		t.Fatalf("undoing y left the return confirmed")
	}
	h.keys("u")
	h.contains("Undone: due date back to none")
	h.keys("u")
	h.contains("Undone: owner back to “Director of Environment”")
	h.keys("u")
	h.contains("Undone: " + a + " back to open")
	h.keys("u")
	h.contains("Nothing to undo")
	rec, hist, _ := lib.Record(t.Context(), a)
	if rec.Status != index.StatusOpen || rec.Owner != "Director of Environment" || !rec.Due.IsZero() {
		t.Errorf("after undoing everything: status %q owner %q due %v", rec.Status, rec.Owner, rec.Due)
	}
	if len(hist) != 7 { // three changes, the note, three undos
		t.Errorf("history has %d entries, want 7: %+v", len(hist), hist)
	}
}

// TestFailedUndoCanBeRetried: an undo the library refuses stays on the
// stack.
func TestFailedUndoCanBeRetried(t *testing.T) {
	lib := newFixture()
	h := newHarness(t, lib, 120, 40, testOptions())
	openRecord(h, "osc-2021-12-14-188-a1")
	h.keys("d")
	lib.mu.Lock()
	lib.failUpdate = errString("the library is busy")
	lib.mu.Unlock()
	h.keys("u")
	h.contains("Not undone: the library is busy")
	lib.mu.Lock()
	lib.failUpdate = nil
	lib.mu.Unlock()
	h.keys("u")
	h.contains("Undone: osc-2021-12-14-188-a1 back to open")
}
