package tui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// fakeSyncer lists fixed sources and syncs by reporting progress, then
// waiting to be released.
type fakeSyncer struct {
	sources []index.Source
	release chan error
	synced  int
}

func (s *fakeSyncer) Sources(context.Context) ([]index.Source, error) { return s.sources, nil }

func (s *fakeSyncer) SyncAll(ctx context.Context, progress func(index.SyncProgress)) (string, error) {
	progress(index.SyncProgress{Source: "Wexcombe Borough Council", Phase: "listing"})
	progress(index.SyncProgress{Source: "Wexcombe Borough Council", Phase: "fetching", Done: 3, Total: 12, Current: "Audit Committee 10 Feb 2026"})
	select {
	case err := <-s.release:
		if err != nil {
			return "", err
		}
	case <-ctx.Done():
		return "", ctx.Err()
	}
	s.synced++
	s.sources[0].LastSync = fakeNow
	s.sources[0].LastResult = "2 new, 0 changed, 10 unchanged, 0 failed"
	return "Wexcombe Borough Council: 2 new, 0 changed, 10 unchanged, 0 failed", nil
}

func syncerOptions(s Syncer) Options {
	opt := testOptions()
	opt.Syncer = s
	return opt
}

// step runs one command and feeds its message to the model, returning
// the command that follows.
func step(t *testing.T, h *harness, cmd tea.Cmd) tea.Cmd {
	t.Helper()
	if cmd == nil {
		t.Fatal("no command")
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	select {
	case msg := <-ch:
		_, next := h.m.Update(msg)
		return next
	case <-time.After(10 * time.Second):
		t.Fatal("the command did not return")
	}
	return nil
}

func TestSourcesViewAndBackgroundSync(t *testing.T) {
	s := &fakeSyncer{release: make(chan error), sources: []index.Source{
		{ID: 1, Site: "https://democracy.wexcombe.example", Council: "Wexcombe Borough Council", LastSync: fakeNow.Add(-26 * time.Hour),
			LastResult: "40 new, 0 changed, 0 unchanged, 1 failed"},
		{ID: 2, Site: "https://moderngov.marlbridge.example/moderngov", Committees: []string{"Licensing Committee"}, Since: minutes.MakeDate(2021, 5, 1), Interrupted: true},
	}}
	h := newHarness(t, newFixture(), 120, 40, syncerOptions(s))
	h.contains("Sources")
	h.keys("5")
	h.contains("Wexcombe Borough Council", "https://democracy.wexcombe.example · all committees · from a year back",
		"Last synced 19 May 2022 08:00 (26 hours ago): 40 new, 0 changed, 0 unchanged, 1 failed",
		"moderngov.marlbridge.example", "Licensing Committee · from 2021-05-01", "Never synced · interrupted: the next sync resumes it",
		"S syncs them all now")

	// S starts the sync in the background; its progress is in the status
	// line while the TUI goes on answering keys.
	_, cmd := h.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'S'}})
	for i := 0; i < 2 && !strings.Contains(h.view(), "3/12 meetings"); i++ {
		cmd = step(t, h, cmd)
	}
	h.contains("⟳ Syncing Wexcombe Borough Council [####", "3/12 meetings · Audit Committee 10 Feb 2026")
	h.keys("1")
	h.contains("3/12 meetings")
	_, again := h.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'S'}})
	h.run(again)
	h.contains("A sync is already running")

	s.release <- nil
	h.run(cmd)
	h.contains("✓ Synced: Wexcombe Borough Council: 2 new, 0 changed, 10 unchanged, 0 failed")
	if strings.Contains(h.view(), "⟳") || s.synced != 1 {
		t.Errorf("after the sync (%d runs):\n%s", s.synced, h.view())
	}
	h.keys("5")
	h.contains("Last synced 20 May 2022 10:00 (just now): 2 new")

	// A failed sync says why.
	_, cmd = h.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'S'}})
	cmd = step(t, h, cmd)
	go func() {
		s.release <- errors.New("democracy.wexcombe.example: cannot list the committees: 403 Forbidden")
	}()
	h.run(cmd)
	h.contains("✗ Sync failed: democracy.wexcombe.example: cannot list the committees: 403 Forbidden")
}

func TestNoSyncerNoSources(t *testing.T) {
	h := newHarness(t, newFixture(), 120, 40, testOptions())
	h.keys("5", "S")
	if v := h.view(); strings.Contains(v, "Sources") || strings.Contains(v, "Syncing") {
		t.Errorf("without a syncer:\n%s", v)
	}
}

func TestDetailShowsWherePublished(t *testing.T) {
	lib := newFixture()
	lib.setSourceURL("osc-2021-12-14-188-a1", "https://democracy.harrow.example/mgAi.aspx?ID=1234")
	h := newHarness(t, lib, 120, 40, testOptions())
	openRecord(h, "osc-2021-12-14-188-a1")
	h.contains("Published", "https://democracy.harrow.example/mgAi.aspx?ID=1234")
}

// setSourceURL gives a record the address it was published at, as a
// synced meeting's records have.
func (f *fakeLib) setSourceURL(id, url string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.recByID[id].rec.SourceURL = url
}

// TestTitleBarKeepsTheDate: with every tab shown at 80 columns the title
// bar drops the program's name, not the as-of date, and a click on a
// tab still opens it.
func TestTitleBarKeepsTheDate(t *testing.T) {
	h := newHarness(t, newFixture(), 80, 24, syncerOptions(&fakeSyncer{}))
	openRecord(h, "osc-2021-12-14-188-a1")
	h.keys(":", "check draft.txt", "enter")
	bar := strings.Split(h.view(), "\n")[0]
	if strings.Contains(bar, "minutebook") || !strings.Contains(bar, "as of 2022-05-20") || !strings.HasPrefix(bar, " Due  Search") {
		t.Fatalf("title bar %q: want the tabs from the left and the as-of date", bar)
	}
	if strings.Contains(bar, "Check as of") {
		t.Errorf("title bar %q: the date runs into the tabs", bar)
	}
	h.send(tea.MouseMsg{X: strings.Index(bar, "Meetings") + 1, Y: 0, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if h.m.active != viewMeetings {
		t.Fatalf("a click on Meetings shows view %v", h.m.active)
	}

	// With room, the name is back.
	h.send(tea.WindowSizeMsg{Width: 120, Height: 24})
	if bar := strings.Split(h.view(), "\n")[0]; !strings.HasPrefix(bar, " minutebook  Due") {
		t.Fatalf("at 120 columns the title bar is %q", bar)
	}
}

// TestSourcesHelpWithNone: with no sources the sources view does not
// offer S, which could only fail.
func TestSourcesHelpWithNone(t *testing.T) {
	h := newHarness(t, newFixture(), 100, 24, syncerOptions(&fakeSyncer{}))
	h.keys("5")
	h.contains("None yet")
	if help := h.m.helpBar(); strings.Contains(help, "sync") {
		t.Fatalf("help bar %q offers a sync of no sources", help)
	}
}
