package tui

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// testRenderer draws without colour on a dark background, whatever the
// terminal the tests run in, so that golden files are the same on every
// machine; the TUI is given it (Options.Renderer), nothing global is set.
func testRenderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.Ascii))
	r.SetColorProfile(termenv.Ascii)
	r.SetHasDarkBackground(true)
	return r
}

// harness drives the root model without a terminal: it runs each command
// a message produces and feeds the result back, as the bubbletea program
// would. Its timers do not wait: short ones (the search's debounce) fire
// at once, long ones (the flash's expiry, the poll) never.
type harness struct {
	t    testing.TB
	m    *Model
	wait time.Duration
	quit bool
}

func testOptions() Options {
	return Options{
		Now:            func() time.Time { return fakeNow },
		Renderer:       testRenderer(),
		Location:       time.UTC,
		PollInterval:   -1,
		SearchDebounce: -1,
		Checker:        fakeChecker{},
	}
}

func newHarness(t testing.TB, lib Library, w, h int, opt Options) *harness {
	t.Helper()
	hs := &harness{t: t, m: New(context.Background(), lib, opt), wait: 30 * time.Second}
	hs.m.sh.tick = instantTick
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.m.Init())
	return hs
}

// run executes cmd and everything that follows from it.
func (h *harness) run(cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		ch := make(chan tea.Msg, 1)
		go func() { ch <- c() }()
		var msg tea.Msg
		select {
		case msg = <-ch:
		case <-time.After(h.wait):
			continue // a timer: the flash's expiry, a poll
		}
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			h.quit = true
		default:
			_, next := h.m.Update(msg)
			queue = append(queue, next)
		}
	}
}

// send gives the model one message and runs what follows.
func (h *harness) send(msg tea.Msg) {
	_, cmd := h.m.Update(msg)
	h.run(cmd)
}

// keys sends key presses: each argument is a key name ("enter", "esc",
// "ctrl+u") or, failing that, text typed one rune at a time.
func (h *harness) keys(ks ...string) {
	for _, k := range ks {
		if msg, ok := namedKey(k); ok {
			h.send(msg)
			continue
		}
		for _, r := range k {
			h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		}
	}
}

func namedKey(k string) (tea.KeyMsg, bool) {
	names := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"backspace": tea.KeyBackspace, "ctrl+u": tea.KeyCtrlU, "ctrl+c": tea.KeyCtrlC, "space": tea.KeySpace,
	}
	if t, ok := names[k]; ok {
		return tea.KeyMsg{Type: t}, true
	}
	return tea.KeyMsg{}, false
}

func (h *harness) view() string { return h.m.View() }

// contains fails the test unless the view holds every string.
func (h *harness) contains(want ...string) {
	h.t.Helper()
	v := h.view()
	for _, w := range want {
		if !strings.Contains(v, w) {
			h.t.Fatalf("view lacks %q:\n%s", w, v)
		}
	}
}

// instantTick is the harness's tea.Tick.
func instantTick(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	if d >= time.Second {
		return nil
	}
	return func() tea.Msg { return fn(fakeNow) }
}
