package tui

import (
	"bytes"
	"context"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/minutebook/minutebook/index"
)

// End-to-end flows through a real bubbletea program (teatest), as a
// person would use the TUI.

func startProgram(t *testing.T, lib *fakeLib, w, h int, opt Options) *teatest.TestModel {
	t.Helper()
	tm := teatest.NewTestModel(t, New(context.Background(), lib, opt), teatest.WithInitialTermSize(w, h))
	t.Cleanup(func() { _ = tm.Quit() })
	return tm
}

// waitFor waits until the program has drawn every string since the last
// wait.
func waitFor(t *testing.T, tm *teatest.TestModel, want ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, w := range want {
			if !bytes.Contains(b, []byte(w)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(30*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

func press(t tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: t} }

func TestFlowSearchOpenMarkDone(t *testing.T) {
	lib := newFixture()
	tm := startProgram(t, lib, 120, 40, testOptions())
	waitFor(t, tm, "OVERDUE (2)", "DONE (1)")

	tm.Type("/hotspot map circulate")
	// Wait for this query's results (3), not just its echo or an earlier
	// keystroke's ("hotspot" alone ranks an item first): enter on a list
	// that is still changing would open the wrong record.
	waitFor(t, tm, "hotspot map circulate", "3 results")
	tm.Send(press(tea.KeyEnter))
	waitFor(t, tm, "osc-2021-12-14-189-a1", "Corporate Director, Community")

	tm.Type("d")
	waitFor(t, tm, "Saved: osc-2021-12-14-189-a1 marked done")

	tm.Send(press(tea.KeyEsc)) // back to the search…
	tm.Send(press(tea.KeyEsc)) // …out of its query…
	tm.Send(press(tea.KeyEsc)) // …and back to the due board
	waitFor(t, tm, "OVERDUE (1)", "DONE (2)")
	tm.Type("x")
	waitFor(t, tm, "The Corporate Director would circulate")

	tm.Type("q")
	m := tm.FinalModel(t, teatest.WithFinalTimeout(30*time.Second)).(*Model)
	if m.active != viewDue {
		t.Errorf("ended on view %v, want the due board", m.active)
	}
	var found bool
	for _, g := range m.due.board.groups {
		for _, i := range g.recs {
			if r := m.due.board.recs[i]; r.ID == "osc-2021-12-14-189-a1" {
				found = true
				if g.flag != index.FlagDone {
					t.Errorf("after marking done the record is in group %q", g.flag)
				}
			}
		}
	}
	if !found {
		t.Error("the record marked done is not on the due board")
	}
	rec, hist, _ := lib.Record(context.Background(), "osc-2021-12-14-189-a1")
	if rec.Status != index.StatusDone || len(hist) != 1 {
		t.Errorf("library holds status %q with %d history entries, want done with 1", rec.Status, len(hist))
	}
}

func TestFlowChangeAsOf(t *testing.T) {
	tm := startProgram(t, newFixture(), 120, 40, testOptions())
	waitFor(t, tm, "as of 2022-05-20 (today)", "OVERDUE (2)")

	tm.Type("a")
	waitFor(t, tm, "As of:")
	tm.Send(press(tea.KeyCtrlU))
	tm.Type("2022-06-15")
	tm.Send(press(tea.KeyEnter))
	waitFor(t, tm, "as of 2022-06-15", "OVERDUE (5)")

	tm.Type("a")
	tm.Send(press(tea.KeyCtrlU))
	tm.Type("+1y")
	tm.Send(press(tea.KeyEnter))
	waitFor(t, tm, "as of 2023-06-15", "OVERDUE (7)", "SLIPPED (2)")

	tm.Type("t") // back to today
	waitFor(t, tm, "as of 2022-05-20 (today)", "OVERDUE (2)")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(30*time.Second))
}

func TestFlowAsOfNextMeeting(t *testing.T) {
	tm := startProgram(t, newFixture(), 120, 40, testOptions())
	waitFor(t, tm, "OVERDUE (2)")
	tm.Type("a")
	tm.Send(press(tea.KeyCtrlU))
	tm.Type("next")
	tm.Send(press(tea.KeyEnter))
	waitFor(t, tm, "choose a committee first")
	tm.Send(press(tea.KeyEsc))
	tm.Type("c")
	waitFor(t, tm, "Riverside Place Scrutiny Panel")
	tm.Type("jj") // Overview and Scrutiny
	tm.Send(press(tea.KeyEnter))
	waitFor(t, tm, "Overview and Scrutiny Committee · ")
	tm.Type("a")
	tm.Send(press(tea.KeyCtrlU))
	tm.Type("next")
	tm.Send(press(tea.KeyEnter))
	waitFor(t, tm, "as of 2022-06-14") // "what will be due then?"
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(30*time.Second))
}

func TestFlowResize(t *testing.T) {
	tm := startProgram(t, newFixture(), 120, 40, testOptions())
	waitFor(t, tm, "OVERDUE (2)")
	tm.Type("3")
	waitFor(t, tm, "Overview and Scrutiny Committee")
	for _, size := range [][2]int{{80, 24}, {160, 48}, {40, 10}, {80, 24}} {
		tm.Send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
	}
	tm.Type("1")
	waitFor(t, tm, "OVERDUE")
	tm.Type("q")
	m := tm.FinalModel(t, teatest.WithFinalTimeout(30*time.Second)).(*Model)
	if m.width != 80 || m.height != 24 {
		t.Fatalf("model has size %dx%d after the last resize, want 80x24", m.width, m.height)
	}
	for _, v := range []viewID{viewDue, viewSearch, viewMeetings, viewDetail} {
		m.active = v
		checkFrame(t, m.View(), 80, 24)
	}
}

// TestFlowLiveUpdate: another process marks a record done while the TUI
// is open; the due board shows it within a poll.
func TestFlowLiveUpdate(t *testing.T) {
	lib := newFixture()
	opt := testOptions()
	opt.PollInterval = 20 * time.Millisecond
	tm := startProgram(t, lib, 120, 40, opt)
	waitFor(t, tm, "OVERDUE (2)", "DONE (1)")
	lib.bump(func() { lib.recByID["osc-2022-01-11-202-a1"].rec.Status = index.StatusDone })
	waitFor(t, tm, "OVERDUE (1)", "DONE (2)")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(30*time.Second))
}

func TestFlowUndo(t *testing.T) {
	lib := newFixture()
	tm := startProgram(t, lib, 120, 40, testOptions())
	waitFor(t, tm, "OVERDUE (2)")
	tm.Send(press(tea.KeyEnter)) // the first overdue action
	waitFor(t, tm, "osc-2021-12-14-189-a1")
	tm.Type("p")
	waitFor(t, tm, "marked in progress")
	tm.Type("u")
	waitFor(t, tm, "Undone:")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(30*time.Second))
	rec, hist, _ := lib.Record(context.Background(), "osc-2021-12-14-189-a1")
	if rec.Status != index.StatusOpen || len(hist) != 2 {
		t.Errorf("after undo: status %q, %d history entries; want open, 2", rec.Status, len(hist))
	}
}

func TestFlowSaveFailureIsShown(t *testing.T) {
	lib := newFixture()
	lib.failUpdate = errString("the library is locked by another process (pid 4242)")
	tm := startProgram(t, lib, 120, 40, testOptions())
	waitFor(t, tm, "OVERDUE (2)")
	tm.Send(press(tea.KeyEnter))
	waitFor(t, tm, "osc-2021-12-14-189-a1")
	tm.Type("d")
	waitFor(t, tm, "Not saved: the library is locked")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(30*time.Second))
}

type errString string

func (e errString) Error() string { return string(e) }
