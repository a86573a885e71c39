// Package tui is minutebook's terminal UI: the due board, search as you
// type, the meetings browser and a record's detail with the clerk's
// tracking edits, and the councils' sites the library syncs from.
//
// Every view has the same contract (the view interface): Update, View,
// SetSize and its help.KeyMap. The root model, Model, handles the keys
// that work everywhere and the window size, and forwards the rest to the
// view in front. The TUI talks to the library only through index.API, so
// its tests run on an in-memory fake.
package tui

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// Options configure the TUI.
type Options struct {
	// AsOf is the date flags are worked out against; zero means today.
	AsOf minutes.Date
	// Banner is a line shown under the title bar, such as the notice that
	// the library is the bundled sample.
	Banner string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// NoColor draws without colour (NO_COLOR, --no-color).
	NoColor bool
	// Styles and Keys replace DefaultStyles() and DefaultKeyMap().
	Styles *Styles
	Keys   *KeyMap
	// PollInterval is how often the TUI asks whether another process
	// changed the library; 0 means 2 s, negative means never.
	PollInterval time.Duration
	// SearchDebounce is how long typing must pause before a search runs;
	// 0 means 30 ms, negative means none.
	SearchDebounce time.Duration
	// CallTimeout bounds each call to the library; 0 means 15 s.
	CallTimeout time.Duration
	// Syncer gives the sources view and S (sync every source); nil
	// leaves them out.
	Syncer Syncer
}

// view is the contract every view keeps (after soft-serve's component):
// the root sizes it, forwards messages to it and draws it.
type view interface {
	// Update handles a message. Keys and mouse events reach only the view
	// in front; every other message reaches every view.
	Update(msg tea.Msg) tea.Cmd
	// View draws the view in exactly the size it was given.
	View() string
	// SetSize gives the view its width and height.
	SetSize(width, height int)
	// ShortHelp and FullHelp are the view's keys, for the help bar.
	help.KeyMap
	// Capturing reports whether a text field has the keyboard, so that
	// the root's global keys (q, /, ?) are typed into it instead.
	Capturing() bool
	// Activate is called when the view comes to the front; it returns a
	// command that (re)loads data the view does not have or that went
	// stale.
	Activate() tea.Cmd
}

// shared is what the views share.
type shared struct {
	ctx         context.Context
	api         index.API
	keys        KeyMap
	styles      Styles
	now         func() time.Time
	asOf        minutes.Date
	debounce    time.Duration
	callTimeout time.Duration
	undo        *undoEntry
	// tick is tea.Tick; tests replace it to run without waiting.
	tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
}

func (sh *shared) today() minutes.Date { return minutes.DateOf(sh.now()) }

// Model is the root model.
type Model struct {
	sh       *shared
	views    [5]view
	due      *dueView
	search   *searchView
	meetings *meetingsView
	detail   *detailView
	sources  *sourcesView

	syncer     Syncer
	syncRun    *backgroundSync // the sync running in the background, if any
	syncStatus string          // its progress, for the status line
	bg         sync.WaitGroup  // background work Run waits for

	active   viewID
	previous []viewID // the back stack
	width    int
	height   int

	help     help.Model
	showHelp bool
	banner   string

	flash    string
	flashErr bool
	flashSeq int

	gen       int64
	genKnown  bool
	pollEvery time.Duration
}

// New returns the root model over api.
func New(ctx context.Context, api index.API, opt Options) *Model {
	sh := &shared{
		ctx:         ctx,
		api:         api,
		keys:        DefaultKeyMap(),
		styles:      DefaultStyles(),
		now:         opt.Now,
		debounce:    opt.SearchDebounce,
		callTimeout: opt.CallTimeout,
		tick:        tea.Tick,
	}
	if opt.NoColor {
		sh.styles = NoColorStyles()
	}
	if opt.Styles != nil {
		sh.styles = *opt.Styles
	}
	if opt.Keys != nil {
		sh.keys = *opt.Keys
	}
	if sh.now == nil {
		sh.now = time.Now
	}
	if sh.debounce == 0 {
		sh.debounce = 30 * time.Millisecond
	}
	if sh.callTimeout <= 0 {
		sh.callTimeout = 15 * time.Second
	}
	sh.asOf = opt.AsOf
	if sh.asOf.IsZero() {
		sh.asOf = sh.today()
	}
	m := &Model{
		sh:        sh,
		help:      help.New(),
		banner:    opt.Banner,
		pollEvery: opt.PollInterval,
		width:     80,
		height:    24,
	}
	if m.pollEvery == 0 {
		m.pollEvery = 2 * time.Second
	}
	m.help.Styles = sh.styles.Help
	m.due = newDueView(sh)
	m.search = newSearchView(sh)
	m.meetings = newMeetingsView(sh)
	m.detail = newDetailView(sh)
	m.syncer = opt.Syncer
	m.sources = newSourcesView(sh, opt.Syncer, func() string { return m.syncStatus })
	m.views = [5]view{m.due, m.search, m.meetings, m.detail, m.sources}
	m.layout()
	return m
}

// Run opens the TUI on api in the terminal and returns when the user
// quits or ctx is cancelled.
func Run(ctx context.Context, api index.API, opt Options, progOpts ...tea.ProgramOption) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	m := New(ctx, api, opt)
	// A sync still running when the user quits stops (it resumes at the
	// next sync) before the library is closed.
	defer m.bg.Wait()
	defer cancel()
	progOpts = append([]tea.ProgramOption{
		tea.WithAltScreen(),
		tea.WithMouseCellMotion(),
		tea.WithContext(ctx),
	}, progOpts...)
	_, err := tea.NewProgram(m, progOpts...).Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil // interrupted: not an error worth a message
	}
	return err
}

// Init loads the due board and starts the live-update poll.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.due.Activate(), m.askGeneration(), m.schedulePoll())
}

// Update routes a message: window size and global keys here, keys and
// the mouse to the view in front, everything else to every view.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return m, nil
	case tea.KeyMsg:
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && !m.views[m.active].Capturing() {
			return m, m.eachKey(msg)
		}
		if cmd, ok := m.globalKey(msg); ok {
			return m, cmd
		}
		return m, m.views[m.active].Update(msg)
	case tea.MouseMsg:
		if m.showHelp {
			return m, nil
		}
		return m, m.views[m.active].Update(msg)
	case navMsg:
		return m, m.open(msg)
	case backMsg:
		return m, m.back()
	case flashMsg:
		return m, m.setFlash(msg.text, msg.isErr)
	case flashExpiredMsg:
		if msg.seq == m.flashSeq {
			m.flash = ""
		}
		return m, nil
	case pollMsg:
		return m, m.askGeneration()
	case generationMsg:
		return m, m.generation(msg)
	case savedMsg:
		return m, m.saved(msg)
	case asOfChangedMsg:
		m.sh.asOf = msg.date
	case syncProgressMsg, syncDoneMsg:
		return m, m.syncEvent(msg)
	}
	return m, m.broadcast(msg)
}

// eachKey handles keys that arrived together (bubbletea reports runes
// read at once, as from a held-down j, as one message) one at a time, as
// if typed apart.
func (m *Model) eachKey(msg tea.KeyMsg) tea.Cmd {
	var cmds []tea.Cmd
	for _, r := range msg.Runes {
		_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// broadcast gives msg to every view.
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, v := range m.views {
		if cmd := v.Update(msg); cmd != nil {
			cmds = append(cmds, cmd)
		}
	}
	return tea.Batch(cmds...)
}

// globalKey handles the keys that work in every view. While a text field
// has the keyboard only ctrl+c and tab are global; the rest are typed.
func (m *Model) globalKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := m.sh.keys
	if key.Matches(msg, k.ForceQuit) {
		return tea.Quit, true
	}
	if m.showHelp {
		switch {
		case key.Matches(msg, k.Quit):
			return tea.Quit, true
		case key.Matches(msg, k.Help, k.Back):
			m.showHelp = false
		}
		return nil, true // the help screen swallows other keys
	}
	switch {
	case key.Matches(msg, k.NextView): // tab types nothing, so it works in text fields too
		return m.open(navMsg{to: m.cycle(1)}), true
	case key.Matches(msg, k.PrevView):
		return m.open(navMsg{to: m.cycle(-1)}), true
	}
	if m.views[m.active].Capturing() {
		return nil, false
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit, true
	case key.Matches(msg, k.Help):
		m.showHelp = true
		return nil, true
	case key.Matches(msg, k.Search):
		return m.open(navMsg{to: viewSearch}), true
	case key.Matches(msg, k.GoDue):
		return m.open(navMsg{to: viewDue}), true
	case key.Matches(msg, k.GoMeet):
		return m.open(navMsg{to: viewMeetings}), true
	case key.Matches(msg, k.Undo):
		return m.undo(), true
	case m.syncer != nil && key.Matches(msg, k.GoSources):
		return m.open(navMsg{to: viewSources}), true
	case m.syncer != nil && key.Matches(msg, k.Sync):
		return m.startSync(), true
	}
	return nil, false
}

// cycle returns the view d steps from the one in front, in tab order;
// the detail view is in the cycle once a record has been opened.
func (m *Model) cycle(d int) viewID {
	order := []viewID{viewDue, viewSearch, viewMeetings}
	if m.detail.id != "" {
		order = append(order, viewDetail)
	}
	if m.syncer != nil {
		order = append(order, viewSources)
	}
	i := 0
	for j, v := range order {
		if v == m.active {
			i = j
		}
	}
	return order[(i+d+len(order))%len(order)]
}

// open brings a view to the front, remembering the one it covers.
func (m *Model) open(msg navMsg) tea.Cmd {
	if msg.to != m.active {
		m.previous = append(m.previous, m.active)
		if len(m.previous) > 64 {
			m.previous = m.previous[1:]
		}
	}
	m.active = msg.to
	m.showHelp = false
	var cmd tea.Cmd
	switch msg.to {
	case viewDetail:
		if msg.recordID != "" {
			cmd = m.detail.open(msg.recordID)
		}
	case viewMeetings:
		if msg.meetingID != "" {
			cmd = m.meetings.openMeeting(msg)
		}
	case viewSearch:
		cmd = m.search.focus()
	}
	return tea.Batch(cmd, m.views[m.active].Activate())
}

// back returns to the view before; from the first view it stays.
func (m *Model) back() tea.Cmd {
	to := viewDue
	if n := len(m.previous); n > 0 {
		to = m.previous[n-1]
		m.previous = m.previous[:n-1]
	}
	if to == m.active {
		return nil
	}
	m.active = to
	return m.views[to].Activate()
}

// setFlash shows a line in the status bar for a few seconds.
func (m *Model) setFlash(text string, isErr bool) tea.Cmd {
	m.flashSeq++
	m.flash, m.flashErr = oneLine(text), isErr
	seq := m.flashSeq
	return m.sh.tick(4*time.Second, func(time.Time) tea.Msg { return flashExpiredMsg{seq} })
}

// saved shows the outcome of a save, remembers how to undo it and tells
// the views.
func (m *Model) saved(msg savedMsg) tea.Cmd {
	if msg.err != nil {
		return tea.Batch(m.setFlash("Not saved: "+msg.err.Error(), true), m.broadcast(msg))
	}
	var text string
	if msg.isUndo {
		m.sh.undo = nil
		text = "Undone: " + msg.what
	} else {
		m.sh.undo = msg.undo
		text = "Saved: " + msg.id + " " + msg.what
		if msg.undo != nil {
			text += " · u to undo"
		}
	}
	return tea.Batch(m.setFlash(text, false), m.broadcast(msg), m.broadcast(libraryChangedMsg{}),
		m.views[m.active].Activate())
}

// undo saves the change that undoes the last one.
func (m *Model) undo() tea.Cmd {
	u := m.sh.undo
	if u == nil {
		return m.setFlash("Nothing to undo", false)
	}
	api := m.sh.api
	if u.link != nil {
		return m.sh.cmd(func(ctx context.Context) tea.Msg {
			rec, err := linkReturn(ctx, api, u.id, *u.link)
			return savedMsg{id: u.id, rec: rec, what: u.what, isUndo: true, err: err}
		})
	}
	return m.sh.cmd(func(ctx context.Context) tea.Msg {
		rec, err := api.Update(ctx, u.id, u.change)
		return savedMsg{id: u.id, rec: rec, what: u.what, isUndo: true, err: err}
	})
}

func (m *Model) schedulePoll() tea.Cmd {
	if m.pollEvery < 0 {
		return nil
	}
	return m.sh.tick(m.pollEvery, func(time.Time) tea.Msg { return pollMsg{} })
}

func (m *Model) askGeneration() tea.Cmd {
	api := m.sh.api
	return m.sh.cmd(func(ctx context.Context) tea.Msg {
		g, err := api.Generation(ctx)
		return generationMsg{gen: g, err: err}
	})
}

// generation handles the poll's answer: when another process changed the
// library, every view's data is stale and the one in front reloads.
func (m *Model) generation(msg generationMsg) tea.Cmd {
	next := m.schedulePoll()
	if msg.err != nil {
		return next
	}
	changed := m.genKnown && msg.gen != m.gen
	m.gen, m.genKnown = msg.gen, true
	if !changed {
		return next
	}
	return tea.Batch(next, m.broadcast(libraryChangedMsg{}), m.views[m.active].Activate())
}

// layout gives the views their size: the window less the title bar, the
// banner, the status line and the help bar.
func (m *Model) layout() {
	h := m.height - 3
	if m.banner != "" {
		h--
	}
	for _, v := range m.views {
		v.SetSize(m.width, max(h, 1))
	}
	m.help.Width = m.width
}

// View draws the title bar, the view in front (or the full help), the
// status line and the help bar.
func (m *Model) View() string {
	var b strings.Builder
	b.WriteString(m.titleBar())
	b.WriteByte('\n')
	if m.banner != "" {
		b.WriteString(m.sh.styles.Banner.Render(fit(" "+m.banner, m.width)))
		b.WriteByte('\n')
	}
	bodyH := m.height - 3
	if m.banner != "" {
		bodyH--
	}
	bodyH = max(bodyH, 1)
	if m.showHelp {
		b.WriteString(padLines(m.fullHelp(), m.width, bodyH))
	} else {
		b.WriteString(m.views[m.active].View())
	}
	b.WriteByte('\n')
	b.WriteString(m.statusLine())
	b.WriteByte('\n')
	b.WriteString(m.helpBar())
	return b.String()
}

var viewNames = [...]string{viewDue: "Due", viewSearch: "Search", viewMeetings: "Meetings", viewDetail: "Detail", viewSources: "Sources"}

func (m *Model) titleBar() string {
	st := m.sh.styles
	var tabs []string
	for id, name := range viewNames {
		if viewID(id) == viewDetail && m.detail.id == "" || viewID(id) == viewSources && m.syncer == nil {
			continue
		}
		if viewID(id) == m.active {
			tabs = append(tabs, st.ActiveTab.Render(name))
		} else {
			tabs = append(tabs, st.Tab.Render(name))
		}
	}
	left := " " + st.AppName.Render("minutebook") + "  " + strings.Join(tabs, "  ")
	asOf := "as of " + m.sh.asOf.String()
	if m.sh.asOf == m.sh.today() {
		asOf += " (today)"
	}
	right := st.AsOf.Render(asOf) + " "
	gap := m.width - ansi.StringWidth(left) - ansi.StringWidth(right)
	if gap < 1 {
		return trunc(left, m.width)
	}
	return left + strings.Repeat(" ", gap) + right
}

func (m *Model) statusLine() string {
	if m.flash == "" {
		if m.syncStatus != "" {
			return m.sh.styles.Dim.Render(trunc(" ⟳ "+oneLine(m.syncStatus), m.width))
		}
		return ""
	}
	st := m.sh.styles.OK
	mark := "✓ "
	if m.flashErr {
		st, mark = m.sh.styles.Error, "✗ "
	}
	return st.Render(trunc(" "+mark+m.flash, m.width))
}

// helpBar is the view's keys, then the global ones; when they do not all
// fit, the view's are cut so that "? help" always shows.
func (m *Model) helpBar() string {
	k := m.sh.keys
	var global []key.Binding
	if !m.views[m.active].Capturing() {
		if m.active != viewSearch {
			global = append(global, k.Search)
		}
		global = append(global, k.Help, k.Quit)
	}
	m.help.Width = 0
	tail := ""
	if len(global) > 0 {
		tail = m.help.ShortHelpView(global)
	}
	m.help.Width = max(m.width-2-ansi.StringWidth(tail)-3, 10)
	head := m.help.ShortHelpView(m.views[m.active].ShortHelp())
	m.help.Width = m.width
	if tail == "" {
		return trunc(" "+head, m.width)
	}
	return trunc(" "+head+m.sh.styles.Help.ShortSeparator.Render(" • ")+tail, m.width)
}

func (m *Model) fullHelp() string {
	global := m.sh.keys.globalHelp()
	if m.syncer != nil {
		global = append(global, m.sh.keys.GoSources, m.sh.keys.Sync)
	}
	groups := append(m.views[m.active].FullHelp(), global)
	st := m.sh.styles
	title := st.Heading.Render(" Keys — "+viewNames[m.active]) + st.Dim.Render("   (? or esc to close)")
	body := m.help.FullHelpView(groups)
	return title + "\n\n " + strings.ReplaceAll(body, "\n", "\n ")
}
