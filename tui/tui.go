package tui

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
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
	// Renderer draws the styles; nil means lipgloss's default renderer,
	// the terminal's. Tests give one with a fixed colour profile and
	// background, so that nothing global decides how a frame looks.
	Renderer *lipgloss.Renderer
	// Location is the time zone times of day are shown in (a record's
	// history); nil means time.Local.
	Location *time.Location
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
	// CrashDir is where a crash log is written if the TUI hits a bug; ""
	// means the system's temporary folder.
	CrashDir string
	// Syncer gives the sources view and S (sync every source); nil
	// leaves them out.
	Syncer Syncer
	// Checker runs :check (check.go); nil: :check says it cannot.
	Checker Checker
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

// Library is what the TUI needs of the library: what each view declares
// it needs, next to the view (dueLibrary, searchLibrary, meetingsLibrary,
// recordLibrary, pickerLibrary), the library's generation for the
// live-update poll, and, for exports, the API the export package reads.
// *index.Library implements it; the tests use an in-memory fake.
type Library interface {
	dueLibrary
	searchLibrary
	meetingsLibrary
	recordLibrary
	pickerLibrary
	exportLibrary
	correctionLibrary
	peopleLibrary
	councilLibrary
	Generation(ctx context.Context) (int64, error)
}

// shared is what the views share: the settings, the clock and the as-of
// date (each view holds the part of the library it uses).
type shared struct {
	ctx         context.Context
	keys        KeyMap
	styles      Styles
	now         func() time.Time
	loc         *time.Location // where times of day are shown
	asOf        minutes.Date
	debounce    time.Duration
	callTimeout time.Duration
	undo        []undoStep      // the session's saved changes, latest last
	councils    []index.Council // the library's councils, as last loaded (councils.go)
	// tick is tea.Tick; tests replace it to run without waiting.
	tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
}

func (sh *shared) today() minutes.Date { return minutes.DateOf(sh.now()) }

// Model is the root model.
type Model struct {
	sh       *shared
	lib      Library
	views    [7]view
	due      *dueView
	search   *searchView
	meetings *meetingsView
	people   *peopleView
	detail   *detailView
	sources  *sourcesView
	check    *checkView

	command prompt // the command line (cmdline.go)

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
	helpTop  int // the full help's first line shown, when it is taller than the window
	banner   string

	flash    string
	flashErr bool
	flashSeq int

	gen       int64
	genKnown  bool
	pollEvery time.Duration

	crash crashState
	// quitSoon ends the program from outside Update (set by Run; a View
	// that panicked cannot return tea.Quit).
	quitSoon func()
}

// New returns the root model over api.
func New(ctx context.Context, api Library, opt Options) *Model {
	sh := &shared{
		ctx:         ctx,
		keys:        DefaultKeyMap(),
		now:         opt.Now,
		debounce:    opt.SearchDebounce,
		callTimeout: opt.CallTimeout,
		tick:        tea.Tick,
	}
	r := opt.Renderer
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	sh.styles = NewStyles(r)
	if opt.NoColor {
		sh.styles = NewNoColorStyles(r)
	}
	sh.loc = opt.Location
	if sh.loc == nil {
		sh.loc = time.Local
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
		lib:       api,
		help:      help.New(),
		banner:    opt.Banner,
		pollEvery: opt.PollInterval,
		width:     80,
		height:    24,
		crash:     crashState{dir: opt.CrashDir},
	}
	if m.pollEvery == 0 {
		m.pollEvery = 2 * time.Second
	}
	m.help.Styles = sh.styles.Help
	m.due = newDueView(sh, api, api)
	m.search = newSearchView(sh, api)
	m.meetings = newMeetingsView(sh, api, api, api)
	m.people = newPeopleView(sh, api)
	m.detail = newDetailView(sh, api, api, api)
	m.syncer = opt.Syncer
	m.sources = newSourcesView(sh, opt.Syncer, func() string { return m.syncStatus })
	m.check = newCheckView(sh, opt.Checker)
	m.command = newPrompt(sh)
	m.command.oneLineHint = true
	m.views = [7]view{viewDue: m.due, viewSearch: m.search, viewMeetings: m.meetings, viewPeople: m.people, viewDetail: m.detail, viewSources: m.sources, viewCheck: m.check}
	m.layout()
	return m
}

// Run opens the TUI on api in the terminal and returns when the user
// quits or ctx is cancelled. When the TUI hits a bug it gives the
// terminal back and returns a *CrashError naming the crash log.
func Run(ctx context.Context, api Library, opt Options, progOpts ...tea.ProgramOption) error {
	return runProgram(ctx, api, opt, nil, progOpts...)
}

// runProgram is Run, with a hook that tests use to change the model before the
// program starts.
func runProgram(ctx context.Context, api Library, opt Options, hook func(*Model), progOpts ...tea.ProgramOption) error {
	if prev := earlierFatal(opt.CrashDir); prev != "" {
		notice := "The last session stopped on an internal error; the details are in " + prev
		if opt.Banner != "" {
			notice += " · " + opt.Banner
		}
		opt.Banner = notice
	}
	fatal := openFatalLog(opt.CrashDir)
	defer fatal.close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	m := New(ctx, api, opt)
	if hook != nil {
		hook(m)
	}
	// A sync still running when the user quits stops (it resumes at the
	// next sync) before the library is closed.
	defer m.bg.Wait()
	defer cancel()
	progOpts = append([]tea.ProgramOption{
		tea.WithAltScreen(),
		tea.WithMouseCellMotion(),
		tea.WithContext(ctx),
	}, progOpts...)
	p := tea.NewProgram(m, progOpts...)
	m.quitSoon = func() { go p.Quit() }
	_, err := p.Run()
	if m.crash.err != nil {
		return m.crash.err
	}
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil // interrupted: not an error worth a message
	}
	return err
}

// Init loads the due board and starts the live-update poll.
func (m *Model) Init() (cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			cmd = m.crashed(r, debug.Stack(), "Init")
		}
	}()
	return guard(tea.Batch(m.due.Activate(), m.askGeneration(), m.schedulePoll(), m.loadCouncils()))
}

// Update handles one message (see update), catching a panic in it or in
// the commands it returns: the crash is logged and the program ends.
func (m *Model) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	if m.crash.err != nil {
		return m, tea.Quit
	}
	if p, ok := msg.(panicMsg); ok {
		return m, m.crashed(p.value, p.stack, "a command")
	}
	defer func() {
		if r := recover(); r != nil {
			model, cmd = m, m.crashed(r, debug.Stack(), fmt.Sprintf("Update(%T)", msg))
		}
	}()
	return m, guard(m.update(msg))
}

// update routes a message: window size and global keys here, keys and
// the mouse to the view in front, everything else to every view.
func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return nil
	case tea.KeyMsg:
		if m.command.open && !key.Matches(msg, m.sh.keys.ForceQuit) {
			return m.commandKey(msg)
		}
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && !m.views[m.active].Capturing() {
			return m.eachKey(msg)
		}
		if cmd, ok := m.globalKey(msg); ok {
			return cmd
		}
		return m.views[m.active].Update(msg)
	case tea.MouseMsg:
		return m.mouse(msg)
	case viewMsg:
		return m.views[msg.to].Update(msg.msg)
	case navMsg:
		return m.open(msg)
	case backMsg:
		return m.back()
	case flashMsg:
		return m.setFlash(msg.text, msg.isErr)
	case flashExpiredMsg:
		if msg.seq == m.flashSeq {
			m.flash = ""
		}
		return nil
	case pollMsg:
		return m.askGeneration()
	case generationMsg:
		return m.generation(msg)
	case savedMsg:
		return m.saved(msg)
	case asOfChangedMsg:
		m.sh.asOf = msg.date
	case syncProgressMsg, syncDoneMsg:
		return m.syncEvent(msg)
	case councilsMsg:
		if msg.err == nil {
			m.sh.councils = msg.list
		}
	}
	return m.broadcast(msg)
}

// mouse handles a mouse event: a click on a tab in the title bar opens
// its view; the rest goes to the view in front, with Y counted from the
// view's first line (the wheel scrolls, a click selects).
func (m *Model) mouse(msg tea.MouseMsg) tea.Cmd {
	if m.showHelp {
		return nil
	}
	if wheel(msg) != 0 { // the wheel scrolls the view wherever the pointer is
		return m.views[m.active].Update(msg)
	}
	if msg.Y == 0 {
		if msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft {
			if to, ok := m.tabAt(msg.X); ok {
				return m.open(navMsg{to: to})
			}
		}
		return nil
	}
	msg.Y -= m.chromeHeight() - 2 // the title bar and the banner
	if msg.Y < 0 || msg.Y >= max(m.height-m.chromeHeight(), 1) {
		return nil // a click on the banner, the status line or the help bar
	}
	return m.views[m.active].Update(msg)
}

// tabAt is the view whose tab in the title bar covers column x.
func (m *Model) tabAt(x int) (viewID, bool) {
	col := 1
	if m.showsAppName() {
		col += len("minutebook") + 2
	}
	for id, name := range viewNames {
		if !m.tabShown(viewID(id)) {
			continue
		}
		w := ansi.StringWidth(name)
		if x >= col && x < col+w {
			return viewID(id), true
		}
		col += w + 2
	}
	return 0, false
}

// eachKey handles keys that arrived together (bubbletea reports runes
// read at once, as from a held-down j, as one message) one at a time, as
// if typed apart.
func (m *Model) eachKey(msg tea.KeyMsg) tea.Cmd {
	var cmds []tea.Cmd
	for _, r := range msg.Runes {
		cmds = append(cmds, m.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
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
		case key.Matches(msg, k.Up):
			m.helpTop--
		case key.Matches(msg, k.Down):
			m.helpTop++
		case key.Matches(msg, k.PageUp):
			m.helpTop -= m.height / 2
		case key.Matches(msg, k.PageDown):
			m.helpTop += m.height / 2
		case key.Matches(msg, k.Top):
			m.helpTop = 0
		case key.Matches(msg, k.Bottom):
			m.helpTop = 1 << 20 // helpView clamps it
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
		m.showHelp, m.helpTop = true, 0
		return nil, true
	case key.Matches(msg, k.Search, k.GoSearch):
		return m.open(navMsg{to: viewSearch}), true
	case key.Matches(msg, k.GoDue):
		return m.open(navMsg{to: viewDue}), true
	case key.Matches(msg, k.GoMeet):
		return m.open(navMsg{to: viewMeetings}), true
	case key.Matches(msg, k.GoPeople):
		return m.open(navMsg{to: viewPeople}), true
	case key.Matches(msg, k.Undo):
		return m.undo(), true
	case key.Matches(msg, k.Command):
		return m.openCommand(), true
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
	order := []viewID{viewDue, viewSearch, viewMeetings, viewPeople}
	if m.detail.id != "" {
		order = append(order, viewDetail)
	}
	if m.syncer != nil {
		order = append(order, viewSources)
	}
	if m.check.opened() {
		order = append(order, viewCheck)
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
	case viewPeople:
		return m.people.open(msg)
	case viewDue:
		if msg.person != "" {
			cmd = m.due.narrowTo(msg.person)
		}
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
// the views. An undo that failed goes back on the stack, to try again,
// unless another session changed the record since: then it never can.
// A change refused because another session changed the record since it
// was shown says what changed and who changed it, and the views reload.
func (m *Model) saved(msg savedMsg) tea.Cmd {
	if msg.err != nil {
		if notice, ok := conflictNotice(m.sh, msg.err, msg.again); ok {
			text := "Not saved: " + notice
			if msg.undid != nil {
				text = "Not undone: " + msg.id + " changed since your change — " + conflictOnly(m.sh, msg.err) +
					"; undo takes back only your own change while the record still holds it"
			}
			return tea.Batch(m.setFlash(text, true), m.broadcast(msg), m.broadcast(libraryChangedMsg{}), m.views[m.active].Activate())
		}
		if msg.undid != nil {
			m.pushUndo(*msg.undid)
			return tea.Batch(m.setFlash("Not undone: "+msg.err.Error(), true), m.broadcast(msg))
		}
		return tea.Batch(m.setFlash("Not saved: "+msg.err.Error(), true), m.broadcast(msg))
	}
	var text string
	from := msg.from
	if msg.undid != nil {
		from = msg.undid.after
	}
	m.moveUndo(msg.id, from, msg.rec.Version)
	if msg.undid != nil {
		text = "Undone: " + msg.undid.what
		if n := len(m.sh.undo); n > 0 {
			text += " · u undoes " + plural(n, "more change", "more changes")
		}
	} else {
		text = "Saved: " + msg.id + " " + msg.what
		if msg.undo != nil {
			u := *msg.undo
			u.after = msg.rec.Version
			m.pushUndo(u)
			text += " · u to undo"
		}
	}
	return tea.Batch(m.setFlash(text, false), m.broadcast(msg), m.broadcast(libraryChangedMsg{}),
		m.views[m.active].Activate())
}

// conflictOnly is what another session changed, without the advice.
func conflictOnly(sh *shared, err error) string {
	var ce *index.ConflictError
	if errors.As(err, &ce) {
		return ce.Describe(sh.loc, sh.now())
	}
	return err.Error()
}

// moveUndo records that this session moved record id from version from to
// to: its undo steps made from the record at from still apply to it (its
// own later changes are no other session's).
func (m *Model) moveUndo(id string, from, to int64) {
	if from == to {
		return
	}
	for i := range m.sh.undo {
		if u := &m.sh.undo[i]; u.id == id && u.after == from {
			u.after = to
		}
	}
}

func (m *Model) pushUndo(u undoStep) {
	m.sh.undo = append(m.sh.undo, u)
	if len(m.sh.undo) > maxUndo {
		m.sh.undo = m.sh.undo[len(m.sh.undo)-maxUndo:]
	}
}

// undo takes back the latest saved change of the session.
func (m *Model) undo() tea.Cmd {
	n := len(m.sh.undo)
	if n == 0 {
		return m.setFlash("Nothing to undo", false)
	}
	u := m.sh.undo[n-1]
	m.sh.undo = m.sh.undo[:n-1]
	api := m.lib
	return m.sh.cmd(func(ctx context.Context) tea.Msg {
		rec, err := applyUndo(ctx, api, u)
		return savedMsg{id: u.id, rec: rec, what: u.what, undid: &u, err: err}
	})
}

// applyUndo saves what puts a change back, to the record as the change
// left it, and returns the record as saved.
func applyUndo(ctx context.Context, api recordLibrary, u undoStep) (index.Record, error) {
	var c index.Change
	if u.change != nil {
		c = *u.change
	}
	c.Links = u.links
	after := u.after
	c.Version = &after
	return api.Update(ctx, u.id, c)
}

func (m *Model) schedulePoll() tea.Cmd {
	if m.pollEvery < 0 {
		return nil
	}
	return m.sh.tick(m.pollEvery, func(time.Time) tea.Msg { return pollMsg{} })
}

func (m *Model) askGeneration() tea.Cmd {
	api := m.lib
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
	return tea.Batch(next, m.broadcast(libraryChangedMsg{}), m.views[m.active].Activate(), m.loadCouncils())
}

// layout gives the views their size: the window less the title bar, the
// banner, the status line and the help bar.
func (m *Model) layout() {
	h := m.height - m.chromeHeight()
	for _, v := range m.views {
		v.SetSize(m.width, max(h, 1))
	}
	m.command.setWidth(m.width)
	m.help.Width = m.width
}

// View draws the frame (see view), or, once the TUI has crashed, a line
// that says it is closing.
func (m *Model) View() (out string) {
	if m.crash.err == nil {
		defer func() {
			if r := recover(); r != nil {
				m.crashed(r, debug.Stack(), "View")
				if m.quitSoon != nil {
					m.quitSoon()
				}
				out = m.crashView()
			}
		}()
		return m.view()
	}
	return m.crashView()
}

func (m *Model) crashView() string {
	return padLines(" minutebook stopped on an internal error and is closing…", m.width, m.height)
}

// view draws the title bar, the view in front (or the full help), the
// status line and the help bar.
func (m *Model) view() string {
	var b strings.Builder
	b.WriteString(m.titleBar())
	b.WriteByte('\n')
	if m.banner != "" {
		b.WriteString(m.sh.styles.Banner.Render(fit(" "+m.banner, m.width)))
		b.WriteByte('\n')
	}
	bodyH := max(m.height-m.chromeHeight(), 1)
	if m.showHelp {
		b.WriteString(m.helpView(bodyH))
	} else {
		b.WriteString(m.views[m.active].View())
	}
	b.WriteByte('\n')
	if m.command.open { // the command line takes the status line and the help bar
		b.WriteString(m.command.view())
	} else {
		b.WriteString(m.statusLine())
		b.WriteByte('\n')
		b.WriteString(m.helpBar())
	}
	if m.height < m.chromeHeight()+1 {
		// Too low for the bars and a line of the view: what fits, from the top.
		return padLines(b.String(), m.width, max(m.height, 1))
	}
	return b.String()
}

// chromeHeight is the lines the root draws around the view: the title
// bar, the banner, the status line and the help bar.
func (m *Model) chromeHeight() int {
	if m.banner != "" {
		return 4
	}
	return 3
}

var viewNames = [...]string{viewDue: "Due", viewSearch: "Search", viewMeetings: "Meetings", viewPeople: "People", viewDetail: "Detail", viewSources: "Sources", viewCheck: "Check"}

// tabShown reports whether view id has a tab in the title bar: the detail
// once a record was opened, the sources when there is a syncer.
func (m *Model) tabShown(id viewID) bool {
	switch id {
	case viewDetail:
		return m.detail.id != ""
	case viewSources:
		return m.syncer != nil
	case viewCheck:
		return m.check.opened()
	}
	return true
}

// showsAppName reports whether the title bar starts with the program's
// name. With every tab shown (detail, sources, check) 80 columns cannot
// hold it as well as the as-of date, which decides every flag: the
// name goes, the date stays.
func (m *Model) showsAppName() bool {
	w := 1 + len("minutebook") + 2 + 2 + len("as of 2006-01-02") + 1 // the date: 2 from the tabs, 1 from the edge
	n := 0
	for id, name := range viewNames {
		if m.tabShown(viewID(id)) {
			w += ansi.StringWidth(name)
			n++
		}
	}
	return w+2*max(n-1, 0) <= m.width
}

func (m *Model) titleBar() string {
	st := m.sh.styles
	var tabs []string
	for id, name := range viewNames {
		if !m.tabShown(viewID(id)) {
			continue
		}
		if viewID(id) == m.active {
			tabs = append(tabs, st.ActiveTab.Render(name))
		} else {
			tabs = append(tabs, st.Tab.Render(name))
		}
	}
	left := " " + st.AppName.Render("minutebook") + "  " + strings.Join(tabs, "  ")
	date := "as of " + m.sh.asOf.String()
	if !m.showsAppName() {
		left = " " + strings.Join(tabs, "  ")
	}
	dates := []string{date}
	if m.sh.asOf == m.sh.today() {
		dates = []string{date + " (today)", date} // narrow, with every tab: the date without "(today)"
	}
	// The council (when the library holds several) matters more than
	// "(today)": it is dropped only when it does not fit either way.
	council := m.councilLabel(m.width - ansi.StringWidth(left) - ansi.StringWidth(date) - 5)
	for _, withCouncil := range []bool{council != "", false} {
		for _, d := range dates {
			right, least := st.AsOf.Render(d)+" ", 2 // as far from the tabs as they are apart
			if withCouncil {                         // set off from the tabs, not run into them
				right, least = st.Heading.Render(council)+st.Dim.Render(" · ")+right, 3
			}
			if gap := m.width - ansi.StringWidth(left) - ansi.StringWidth(right); gap >= least {
				return left + strings.Repeat(" ", gap) + right
			}
		}
		if council == "" {
			break
		}
	}
	return trunc(left, m.width)
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
	if m.showHelp { // the view's keys do nothing under the full help
		return trunc(" "+m.help.ShortHelpView([]key.Binding{withHelp(k.moveHelp(), "scroll"), withHelp(k.Help, "close"), k.Quit}), m.width)
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

// helpView is the full help in h lines: when it is taller, the lines
// from helpTop on and a last line that says how to see the rest.
func (m *Model) helpView(h int) string {
	lines := strings.Split(m.fullHelp(), "\n")
	if len(lines) <= h || h < 2 {
		m.helpTop = 0
		return padLines(strings.Join(lines, "\n"), m.width, h)
	}
	m.helpTop = min(max(m.helpTop, 0), len(lines)-(h-1))
	shown := lines[m.helpTop : m.helpTop+h-1]
	more := " ↑/↓ scroll"
	if below := len(lines) - m.helpTop - len(shown); below > 0 {
		more += " · " + plural(below, "more line", "more lines") + " below"
	}
	more += " · ? or esc closes"
	return padLines(strings.Join(shown, "\n"), m.width, h-1) + "\n" + m.sh.styles.Dim.Render(trunc(more, m.width))
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
	out := title + "\n\n " + strings.ReplaceAll(body, "\n", "\n ")
	if l, ok := m.views[m.active].(interface{ legend() []string }); ok {
		out += "\n\n " + st.Heading.Render("What the board shows")
		for _, line := range l.legend() {
			for _, w := range wrap(line, max(m.width-4, 10)) {
				out += "\n   " + st.Dim.Render(w)
			}
		}
	}
	return out
}
