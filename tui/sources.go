package tui

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/minutebook/minutebook/index"
)

// The sources view lists the councils' Modern.gov sites the library syncs
// from, with when each last synced; S (from any view) syncs them all in
// the background, with its progress in the status line. The TUI sees
// sources only through a Syncer, given in Options; without one the view
// and the key are not there.

// Syncer is what the TUI needs to show and sync the library's sources.
type Syncer interface {
	// Sources lists the sources, in the order added.
	Sources(ctx context.Context) ([]index.Source, error)
	// SyncAll syncs every source, telling progress how it goes, and
	// returns a one-line summary. It stops when ctx is cancelled (an
	// interrupted sync resumes next time).
	SyncAll(ctx context.Context, progress func(index.SyncProgress)) (string, error)
}

// sourcesLoadedMsg is the list of sources.
type sourcesLoadedMsg struct {
	seq  int
	list []index.Source
	err  error
}

// syncProgressMsg is how a background sync is going; syncDoneMsg is its
// end.
type syncProgressMsg struct {
	run *backgroundSync
	p   index.SyncProgress
}

type syncDoneMsg struct{ run *backgroundSync }

// backgroundSync is a sync running in its own goroutine. Progress is kept
// as its latest value, so a slow terminal never holds the sync up.
type backgroundSync struct {
	mu      sync.Mutex
	latest  index.SyncProgress
	notify  chan struct{} // a new progress value (capacity 1)
	done    chan struct{} // closed at the end
	summary string
	err     error
	panic   *panicMsg // the sync panicked: the TUI stops as on any bug
}

// wait is the command that delivers the sync's next progress or its end.
func (r *backgroundSync) wait() tea.Msg {
	select {
	case <-r.done:
		return syncDoneMsg{run: r}
	case <-r.notify:
		r.mu.Lock()
		p := r.latest
		r.mu.Unlock()
		return syncProgressMsg{run: r, p: p}
	}
}

// startSync starts syncing every source in the background.
func (m *Model) startSync() tea.Cmd {
	if m.syncer == nil {
		return m.setFlash("This library syncs from no council's site; add one with minutebook sources add URL", true)
	}
	if m.syncRun != nil {
		return m.setFlash("A sync is already running (its progress is in the status line)", false)
	}
	r := &backgroundSync{notify: make(chan struct{}, 1), done: make(chan struct{})}
	m.syncRun, m.syncStatus = r, "Syncing…"
	ctx, syncer := m.sh.ctx, m.syncer
	m.bg.Add(1)
	go func() {
		defer m.bg.Done()
		defer close(r.done)
		defer func() { // this goroutine is not bubbletea's: catch its panic here
			if p := recover(); p != nil {
				r.panic = &panicMsg{value: p, stack: debug.Stack()}
			}
		}()
		r.summary, r.err = syncer.SyncAll(ctx, func(p index.SyncProgress) {
			r.mu.Lock()
			r.latest = p
			r.mu.Unlock()
			select {
			case r.notify <- struct{}{}:
			default: // the last one has not been shown yet; it will show this
			}
		})
	}()
	return r.wait
}

// syncEvent handles a background sync's progress and end.
func (m *Model) syncEvent(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case syncProgressMsg:
		if msg.run != m.syncRun {
			return nil
		}
		m.syncStatus = syncProgressText(msg.p)
		return msg.run.wait
	case syncDoneMsg:
		if msg.run != m.syncRun {
			return nil
		}
		m.syncRun, m.syncStatus = nil, ""
		r := msg.run
		if r.panic != nil {
			return m.crashed(r.panic.value, r.panic.stack, "the background sync")
		}
		var flashCmd tea.Cmd
		switch {
		case r.err != nil && m.sh.ctx.Err() != nil:
			return nil // quitting
		case r.err != nil:
			flashCmd = m.setFlash("Sync failed: "+r.err.Error(), true)
		default:
			flashCmd = m.setFlash("Synced: "+r.summary, false)
		}
		return tea.Batch(flashCmd, m.broadcast(libraryChangedMsg{}), m.views[m.active].Activate())
	}
	return nil
}

// syncProgressText is the status line while a sync runs.
func syncProgressText(p index.SyncProgress) string {
	if p.Phase == "listing" {
		if p.Total == 0 {
			return "Syncing " + p.Source + ": listing committees…"
		}
		return fmt.Sprintf("Syncing %s: listing meetings, committee %d of %d", p.Source, min(p.Done+1, p.Total), p.Total)
	}
	const width = 16
	filled := 0
	if p.Total > 0 {
		filled = p.Done * width / p.Total
	}
	s := fmt.Sprintf("Syncing %s [%s%s] %d/%d meetings", p.Source, strings.Repeat("#", filled), strings.Repeat("·", width-filled), p.Done, p.Total)
	if p.Current != "" {
		s += " · " + p.Current
	}
	return s
}

// sourcesView lists the sources.
type sourcesView struct {
	sh      *shared
	syncer  Syncer
	width   int
	height  int
	seq     int
	list    []index.Source
	loaded  bool
	err     error
	offset  int
	running func() string // the sync's progress, "" when none runs
}

func newSourcesView(sh *shared, syncer Syncer, running func() string) *sourcesView {
	return &sourcesView{sh: sh, syncer: syncer, running: running}
}

func (v *sourcesView) SetSize(w, h int) { v.width, v.height = w, h }

func (v *sourcesView) Capturing() bool { return false }

func (v *sourcesView) Activate() tea.Cmd {
	if v.syncer == nil {
		return nil
	}
	v.seq++
	seq, syncer := v.seq, v.syncer
	return v.sh.cmdFor(viewSources, func(ctx context.Context) tea.Msg {
		list, err := syncer.Sources(ctx)
		return sourcesLoadedMsg{seq: seq, list: list, err: err}
	})
}

func (v *sourcesView) Update(msg tea.Msg) tea.Cmd {
	k := v.sh.keys
	switch msg := msg.(type) {
	case sourcesLoadedMsg:
		if msg.seq == v.seq {
			v.list, v.err, v.loaded = msg.list, msg.err, true
		}
	case libraryChangedMsg:
		v.loaded = false
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, k.Down):
			v.offset++
		case key.Matches(msg, k.Up):
			v.offset = max(v.offset-1, 0)
		case key.Matches(msg, k.Top):
			v.offset = 0
		case key.Matches(msg, k.Back):
			return goBack
		}
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelDown:
			v.offset++
		case tea.MouseButtonWheelUp:
			v.offset = max(v.offset-1, 0)
		}
	}
	return nil
}

func (v *sourcesView) ShortHelp() []key.Binding {
	k := v.sh.keys
	if v.loaded && len(v.list) == 0 { // nothing to sync: the view says how to add a site
		return []key.Binding{k.Back}
	}
	return []key.Binding{k.Sync, k.moveHelp(), k.Back}
}

func (v *sourcesView) FullHelp() [][]key.Binding {
	k := v.sh.keys
	return [][]key.Binding{{k.Sync, k.Up, k.Down, k.Top, k.Back}}
}

func (v *sourcesView) View() string {
	st := v.sh.styles
	var lines []string
	add := func(s string) { lines = append(lines, s) }
	head := " Sources — the councils' Modern.gov sites this library syncs from"
	add(st.Heading.Render(trunc(head, v.width)))
	add("")
	switch {
	case v.err != nil:
		add(" " + st.Error.Render(trunc("Could not list the sources: "+oneLine(v.err.Error()), v.width-1)))
	case !v.loaded && v.list == nil:
		add(" " + st.Dim.Render("Loading…"))
	case len(v.list) == 0:
		add(" " + st.Text.Render(trunc("None yet. Add a council's site from the command line:", v.width-1)))
		add("   " + st.Dim.Render(trunc("minutebook sources add https://democracy.example.gov.uk", v.width-3)))
	}
	now := v.sh.now()
	for _, s := range v.list {
		add(" " + st.Text.Bold(true).Render(trunc(oneLine(s.Label()), v.width-1)))
		what := oneLine(s.Site) + " · "
		if len(s.Committees) == 0 {
			what += "all committees"
		} else {
			what += oneLine(strings.Join(s.Committees, "; "))
		}
		if s.Since.IsZero() {
			what += " · from a year back"
		} else {
			what += " · from " + s.Since.String()
		}
		for _, l := range wrap(what, max(v.width-3, 10)) {
			add("   " + st.Dim.Render(l))
		}
		last := "Never synced"
		if !s.LastSync.IsZero() {
			last = "Last synced " + s.LastSync.Local().Format("2 Jan 2006 15:04") + " (" + ago(now, s.LastSync) + ")"
			if s.LastResult != "" {
				last += ": " + oneLine(s.LastResult)
			}
		}
		if s.Interrupted {
			last += " · interrupted: the next sync resumes it"
		}
		for _, l := range wrap(last, max(v.width-3, 10)) {
			add("   " + st.Text.Render(l))
		}
		add("")
	}
	if len(v.list) > 0 {
		hint := "S syncs them all now, in the background; minutebook sources add URL adds another."
		if p := v.running(); p != "" {
			hint = p
		}
		add(" " + st.Dim.Render(trunc(hint, v.width-1)))
	}
	if v.offset > len(lines)-v.height {
		v.offset = max(len(lines)-v.height, 0)
	}
	return padLines(strings.Join(lines[min(v.offset, len(lines)):], "\n"), v.width, v.height)
}

// ago says how long before now t was: "5 minutes ago", "2 days ago".
func ago(now, t time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return plural(int(d/time.Minute), "minute", "minutes") + " ago"
	case d < 48*time.Hour:
		return plural(int(d/time.Hour), "hour", "hours") + " ago"
	}
	return plural(int(d/(24*time.Hour)), "day", "days") + " ago"
}
