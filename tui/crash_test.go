package tui

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

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

// panicky is a view with bugs: it panics on the key k, and in View once
// drawBug is set.
type panicky struct {
	view
	k       string
	drawBug *atomic.Bool
}

func (p panicky) View() string {
	if p.drawBug.Load() {
		var m map[string]int
		m["x"]++ // assignment to a nil map
	}
	return p.view.View()
}

func (p panicky) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == p.k {
		var rows []int
		_ = rows[3] // index out of range, as the due board's bug was
	}
	return p.view.Update(msg)
}

// panickyLib is a library whose due query panics (in a command, off the
// UI goroutine) once armed.
type panickyLib struct {
	*fakeLib
	armed *atomic.Bool
}

func (p panickyLib) Due(ctx context.Context, q index.DueQuery) ([]index.Record, error) {
	if p.armed.Load() {
		panic("due query bug")
	}
	return p.fakeLib.Due(ctx, q)
}

// TestPanicIsLoggedAndTerminalRestored runs the TUI as Run does, on a
// pretend terminal, and makes it panic in Update and in a command: the
// program must end the ordinary way (leaving the alternate screen, mouse
// reporting off), return a CrashError, and leave a log with the stack.
func TestPanicIsLoggedAndTerminalRestored(t *testing.T) {
	for _, tc := range []struct {
		name, keys, where string
		draw              bool
	}{
		{name: "in Update", keys: "jjz", where: "panicky.Update"},
		{name: "in a command", keys: "jjt", where: "panickyLib.Due"},
		{name: "in View", keys: "j", where: "panicky.View", draw: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			armed, drawBug := &atomic.Bool{}, &atomic.Bool{}
			lib := panickyLib{newFixture(), armed}
			opt := testOptions()
			opt.CrashDir = dir
			opt.AsOf = d("2022-05-01") // so that t (as of today) reloads the board
			in, inW := io.Pipe()
			var out bytes.Buffer
			done := make(chan error, 1)
			hook := func(m *Model) {
				m.views[viewDue] = panicky{m.due, "z", drawBug}
			}
			go func() {
				done <- runProgram(context.Background(), lib, opt, hook, tea.WithInput(in), tea.WithOutput(&out))
			}()
			time.Sleep(100 * time.Millisecond)
			armed.Store(!tc.draw)
			drawBug.Store(tc.draw)
			inW.Write([]byte(tc.keys))
			var err error
			select {
			case err = <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("the program did not end after the panic")
			}
			var ce *CrashError
			if !errors.As(err, &ce) || ce.Log == "" {
				t.Fatalf("Run returned %v, want a CrashError with a log", err)
			}
			if !strings.Contains(ce.Error(), ce.Log) || !strings.HasPrefix(ce.Log, dir) {
				t.Errorf("error %q does not name the log in %s", ce.Error(), dir)
			}
			log, rerr := os.ReadFile(ce.Log)
			if rerr != nil {
				t.Fatal(rerr)
			}
			if !strings.Contains(string(log), "goroutine") || !strings.Contains(string(log), tc.where) {
				t.Errorf("the log lacks the stack through %s:\n%s", tc.where, log)
			}
			o := out.String()
			if !strings.Contains(o, "\x1b[?1049l") || !strings.Contains(o, "\x1b[?1002l") {
				t.Errorf("the terminal was not restored (alternate screen left, mouse off): %q", o[max(len(o)-200, 0):])
			}
			if fs, _ := filepath.Glob(filepath.Join(dir, "*"+fatalSuffix)); len(fs) != 0 {
				t.Errorf("the fatal-error file was left: %v", fs)
			}
		})
	}
}

// TestEarlierFatalIsReported: the file a fatal error was written to is
// kept as a log and named at the next start; empty ones are left alone.
func TestEarlierFatalIsReported(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "tui-4242"+fatalSuffix), []byte("fatal error: stack overflow\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "tui-4243"+fatalSuffix), nil, 0o600)
	got := earlierFatal(dir)
	if !strings.HasPrefix(got, filepath.Join(dir, "tui-4242-")) || !strings.HasSuffix(got, ".log") {
		t.Fatalf("earlierFatal = %q", got)
	}
	if b, _ := os.ReadFile(got); !strings.Contains(string(b), "stack overflow") {
		t.Errorf("the log holds %q", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "tui-4243"+fatalSuffix)); err != nil {
		t.Errorf("an empty (running) file was touched: %v", err)
	}
	if again := earlierFatal(dir); again != "" {
		t.Errorf("reported twice: %q", again)
	}
}

// TestKeysWhileAMeetingLoads: a meeting opened at an item from a search
// hit is still loading when keys come; they must not reach for an item
// that is not there yet (a nil meeting).
func TestKeysWhileAMeetingLoads(t *testing.T) {
	h := newHarness(t, newFixture(), 120, 40, testOptions())
	h.m.Update(navMsg{to: viewMeetings, meetingID: "osc-2022-01-11", itemID: "osc-2022-01-11-201", committee: osc})
	for _, k := range []string{"j", "k", "G", "pgdown", "enter", "E", "esc"} {
		msg, ok := namedKey(k)
		if !ok {
			msg = typeKey([]rune(k)[0])
		}
		h.m.Update(msg) // the commands (the loads) are not run: the meeting stays unloaded
		checkFrame(t, h.view(), 120, 40)
	}
}

// TestAnswersGoToTheViewThatAsked: the due board's committee chooser and
// the meetings browser both ask for the committees, with sequence numbers
// of their own; an answer tagged for one must not reach the other.
func TestAnswersGoToTheViewThatAsked(t *testing.T) {
	h := newHarness(t, newFixture(), 120, 40, testOptions())
	h.keys("3") // the meetings browser loads the committees
	before := len(h.m.meetings.committees.list)
	if before == 0 {
		t.Fatal("the meetings browser has no committees")
	}
	h.keys("1", "c") // the due board's chooser asks too
	seq := h.m.due.pickSeq
	if h.m.meetings.cSeq != seq {
		t.Skipf("the two views' sequence numbers differ (%d, %d): the test needs them equal", h.m.meetings.cSeq, seq)
	}
	h.send(viewMsg{to: viewDue, msg: committeesMsg{seq: seq, list: []index.Committee{{Name: "Only for the board"}}}})
	if n := len(h.m.meetings.committees.list); n != before {
		t.Errorf("an answer for the due board changed the meetings browser's committees: %d, want %d", n, before)
	}
	if len(h.m.due.committees) != 1 {
		t.Errorf("the due board did not get its answer: %v", h.m.due.committees)
	}
}

// panickySyncer's sync has a bug.
type panickySyncer struct{ instantSyncer }

func (*panickySyncer) SyncAll(context.Context, func(index.SyncProgress)) (string, error) {
	var m map[string]int
	m["x"] = 1
	return "", nil
}

// TestSyncPanicIsCaught: the background sync runs in a goroutine of the
// TUI's own, not bubbletea's; a panic there is caught and ends the TUI as
// any other does, with a crash log.
func TestSyncPanicIsCaught(t *testing.T) {
	opt := testOptions()
	opt.CrashDir = t.TempDir()
	opt.Syncer = &panickySyncer{}
	h := newHarness(t, newFixture(), 120, 40, opt)
	h.keys("S")
	ce := h.m.crash.err
	if ce == nil || ce.Log == "" || !h.quit {
		t.Fatalf("a panic in the sync: crash %+v, quit %v", ce, h.quit)
	}
	if b, _ := os.ReadFile(ce.Log); !strings.Contains(string(b), "panickySyncer") || !strings.Contains(string(b), "SyncAll") {
		t.Errorf("the crash log lacks the sync's stack:\n%s", b)
	}
}
