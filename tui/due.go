package tui

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// The due board: open actions and follow-ups for one committee or all,
// against the as-of date, with each one's flag, status and latest note,
// as a clerk's tracker shows them. It can be narrowed to an owner or a
// status and sorted by flag, due date, owner, committee or status (see
// dueboard.go).

// dueLibrary is what the due board needs of the library: the board, the
// review queue and the single keys that settle it (review.go).
type dueLibrary interface {
	Due(ctx context.Context, q index.DueQuery) ([]index.Record, error)
	Review(ctx context.Context, q index.ReviewQuery) ([]index.Record, error)
	Update(ctx context.Context, id string, c index.Change) (index.Record, error)
	Committees(ctx context.Context) ([]index.Committee, error)
	NextMeeting(ctx context.Context, committee string, after minutes.Date) (minutes.Date, bool, error)
	councilLibrary
	// RecordOwners is who each record's owner names, for the owner
	// chooser and filter (one person however the minutes spell them).
	RecordOwners(ctx context.Context, recs []index.Record) (map[string][]string, error)
}

// dueOwnersMsg is who the records of a board's owners name, asked for
// when the owner chooser opens.
type dueOwnersMsg struct {
	board  *dueBoard
	people map[string][]string
	err    error
}

// dueRow is one line of the board: a group heading or a record.
type dueRow struct {
	heading bool
	flag    index.Flag
	count   int
	dropped int  // of a done group's count, how many are dropped
	hidden  bool // a heading for closed rows hidden from a sorted list
	rec     int  // index into board.recs
}

// dueCols is the width of each column of the board at one window width;
// 0 leaves a column out.
type dueCols struct {
	badge, due, status, committee, meeting, minute, owner, text, update int
	// over is true when the fixed columns alone are wider than the
	// window: rows must then be cut to it.
	over bool
}

// dueLayout chooses the columns for a window w wide. Below 150 columns
// there is no room for a column of notes (most records have none): a
// record's latest note follows its text.
//
// minute is the widest minute number on the board: the column widens to
// it, up to maxMinuteW ("16/05/10" cut to "16/05…" is every minute of
// its meeting).
//
// notes says whether any record on the board has one: when none has, the
// text takes the notes column's room rather than stop short of an empty
// column.
func dueLayout(w int, oneCommittee bool, minute int, notes bool) dueCols {
	c := dueCols{badge: 8, due: 10, minute: min(max(minute, len("MINUTE")), maxMinuteW)}
	if w >= 110 {
		c.badge = 9 // FOLLOW-UP, in the review group
	}
	switch {
	case w >= 150:
		c.status, c.committee, c.meeting, c.owner = 11, 24, 10, 20
	case w >= 110:
		c.status, c.committee, c.owner = 11, 14, 14
	case w >= 70:
		c.status, c.committee, c.owner = 7, 8, 12
	default:
		c.status, c.committee = 7, 8
	}
	if oneCommittee {
		c.committee = 0 // the heading names it
	}
	used := 2 + c.badge + 1 + c.due + 1 + c.status + 1 + c.minute + 1
	for _, n := range []int{c.committee, c.meeting, c.owner} {
		if n > 0 {
			used += n + 1
		}
	}
	flex := max(w-used, 0)
	if w >= 150 && notes {
		c.update = flex * 2 / 5
		c.text = flex - c.update - 1
	} else {
		c.text = flex
	}
	c.over = used > w
	return c
}

// maxMinuteW is the widest a column of minute numbers grows.
const maxMinuteW = 10

// minuteWidth is the width of the widest minute number of recs, up to
// maxMinuteW.
func minuteWidth(recs []index.Record) int {
	w := 0
	for i := range recs {
		if len(recs[i].Minute) > w { // no wider in cells than in bytes
			w = max(w, min(ansi.StringWidth(oneLine(recs[i].Minute)), maxMinuteW))
		}
		if w == maxMinuteW {
			break
		}
	}
	return w
}

// Purposes of the board's prompt.
const (
	promptAsOf = iota + 1
	promptExport
)

// What the board's chooser is open for.
const (
	chooseCommittee = iota + 1
	chooseOwner
	chooseStatus
	chooseCouncil
)

type dueView struct {
	sh            *shared
	lib           dueLibrary
	exports       exportLibrary
	width, height int

	seq     int
	board   *dueBoard
	review  []index.Record // the review queue, as last loaded
	keepID  string         // the record the cursor goes to at the next load (the next in the queue)
	err     error
	stale   bool
	loading bool

	committee  string // the committee's key ("" for all)
	commName   string // …and its name, for the heading
	council    string // the council's name ("" for all; councils.go)
	filter     dueFilter
	showClosed bool
	toTop      bool // the next load shows the board from its top
	rows       []dueRow
	cache      []string // rendered rows, "" until first drawn
	cols       dueCols
	split      bool // the heading takes two lines
	list       scroller

	// the chooser of a committee, an owner or a status
	choosing   *chooser
	chooseFor  int
	committees []index.Committee
	pickSeq    int

	form prompt // the as-of date, or where to export to

	headCache string // the heading, as heading drew it for headFor
	headFor   headingKey
}

func newDueView(sh *shared, lib dueLibrary, exports exportLibrary) *dueView {
	v := &dueView{sh: sh, lib: lib, exports: exports, stale: true, form: newPrompt(sh)}
	v.list.selectable = func(i int) bool { return !v.rows[i].heading }
	return v
}

func (v *dueView) SetSize(w, h int) {
	if w != v.width {
		v.cache = make([]string, len(v.rows))
	}
	v.width, v.height = w, h
	v.relayout()
	if v.choosing != nil {
		v.choosing.setSize(w, h)
	}
	v.form.setWidth(w)
}

// headLines is how many lines the board's heading takes: the committee,
// the filters and the counts of each group on one line when they fit, on
// two when not, then the column names.
func (v *dueView) headLines() int {
	if v.split {
		return 3
	}
	return 2
}

// relayout works out the columns and the heading for the window's width
// and the board's data.
func (v *dueView) relayout() {
	mw, notes := 0, false
	if v.board != nil {
		mw = minuteWidth(v.board.recs)
		for i := range v.board.recs {
			if v.board.recs[i].LastNote != "" {
				notes = true
				break
			}
		}
	}
	v.cols = dueLayout(v.width, v.board != nil && v.board.committee != "", mw, notes)
	v.split = v.board != nil && ansi.StringWidth(v.summaryLine(false)) > v.width
	v.list.setHeight(v.listHeight())
}

// listHeight is the rows left for the list under the heading and above
// the prompt.
func (v *dueView) listHeight() int {
	h := v.height - v.headLines()
	if v.form.open {
		h -= v.form.lines()
	}
	if v.nothingOpen() {
		h-- // the line that says so
	}
	return max(h, 1)
}

// nothingOpen reports whether the board shows records but none open
// (every one done or dropped): a line above them says so.
func (v *dueView) nothingOpen() bool {
	return v.board != nil && v.board.open == 0 && v.board.closed > 0
}

func (v *dueView) Capturing() bool { return v.form.open }

func (v *dueView) Activate() tea.Cmd {
	if v.stale && !v.loading {
		return v.load()
	}
	return nil
}

// load asks the library for the board.
func (v *dueView) load() tea.Cmd {
	v.seq++
	v.loading, v.stale = true, false
	seq := v.seq
	q := index.DueQuery{AsOf: v.sh.asOf, Committee: v.committee, Council: v.council, IncludeClosed: true}
	lib, f := v.lib, v.filter
	knowPeople := v.board != nil && v.board.people != nil // the chooser asked: keep knowing
	return v.sh.cmdFor(viewDue, func(ctx context.Context) tea.Msg {
		recs, err := lib.Due(ctx, q)
		if err != nil {
			return dueLoadedMsg{seq: seq, err: err}
		}
		review, err := lib.Review(ctx, index.ReviewQuery{Committee: q.Committee, Council: q.Council, AsOf: q.AsOf})
		if err != nil {
			return dueLoadedMsg{seq: seq, err: err}
		}
		var people map[string][]string
		if f.ownerSet || knowPeople { // narrowed to an owner: by who the owners name
			if people, err = lib.RecordOwners(ctx, recs); err != nil {
				return dueLoadedMsg{seq: seq, err: err}
			}
		}
		return dueLoadedMsg{seq: seq, board: buildBoardFor(q, recs, people, f, review...), review: review}
	})
}

// refilter puts the board in the filter's order again, from the records
// it holds; while a load runs, it asks for the board again instead.
func (v *dueView) refilter() tea.Cmd {
	if v.board == nil || v.loading {
		return v.load()
	}
	v.seq++
	seq, b, f, review := v.seq, v.board, v.filter, v.review
	q := index.DueQuery{AsOf: b.asOf, Committee: b.committee, Council: v.council}
	recs := b.recs[:b.due]
	return func() tea.Msg {
		return viewMsg{to: viewDue, msg: dueLoadedMsg{seq: seq, board: buildBoardFor(q, recs, b.people, f, review...), review: review}}
	}
}

// selected returns the record under the cursor, if any.
func (v *dueView) selected() (index.Record, bool) {
	if v.board == nil || v.list.cursor >= len(v.rows) || len(v.rows) == 0 {
		return index.Record{}, false
	}
	r := v.rows[v.list.cursor]
	if r.heading {
		return index.Record{}, false
	}
	return v.board.recs[r.rec], true
}

// selectedID is the ID of the record under the cursor, "" when none.
func (v *dueView) selectedID() string {
	if r, ok := v.selected(); ok {
		return r.ID
	}
	return ""
}

// closedShown reports whether done and dropped rows are listed.
func (v *dueView) closedShown() bool {
	return v.showClosed || v.board != nil && v.board.filter.showsClosed()
}

// setRows lays the board out in rows, keeping the cursor on the record
// keep when it is still there. (keep is taken before a new board replaces
// the old: the old rows index the old board's records.)
func (v *dueView) setRows(keep string) {
	v.rows = v.rows[:0]
	if b := v.board; b != nil {
		closed := v.closedShown()
		for _, g := range b.groups {
			if b.flat {
				hidden := 0
				for _, i := range g.recs {
					if r := &b.recs[i]; r.Status.Closed() && !closed {
						hidden++
						continue
					}
					v.rows = append(v.rows, dueRow{flag: rowFlag(&b.recs[i]), rec: i})
				}
				if hidden > 0 {
					v.rows = append(v.rows, dueRow{heading: true, hidden: true, flag: index.FlagDone, count: hidden})
				}
				continue
			}
			v.rows = append(v.rows, dueRow{heading: true, flag: g.flag, count: len(g.recs), dropped: g.dropped})
			if g.flag == index.FlagDone && !closed {
				continue
			}
			for _, i := range g.recs {
				v.rows = append(v.rows, dueRow{flag: g.flag, rec: i})
			}
		}
	}
	v.cache = make([]string, len(v.rows))
	v.list.setLen(len(v.rows))
	if keep != "" {
		for i, r := range v.rows {
			if !r.heading && v.board.recs[r.rec].ID == keep {
				v.list.cursor = i
				break
			}
		}
	}
	v.list.clamp()
}

func (v *dueView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case dueLoadedMsg:
		if msg.seq != v.seq {
			return nil // an answer to an older request
		}
		v.loading = false
		v.err = msg.err
		if msg.err == nil {
			first := v.board == nil
			keep := v.selectedID()
			if v.keepID != "" {
				keep, v.keepID = v.keepID, ""
			}
			v.board, v.review = msg.board, msg.review
			v.relayout()
			v.setRows(keep)
			if first || v.toTop {
				v.list.top()
			}
			v.toTop = false
		}
		if v.stale { // the library changed while this loaded
			return v.load()
		}
	case committeesMsg:
		if msg.seq == v.pickSeq && msg.err == nil {
			v.committees = msg.list
			if v.choosing != nil && v.chooseFor == chooseCommittee {
				v.committeeChoices()
			}
		}
	case councilsMsg:
		if v.choosing != nil && v.chooseFor == chooseCouncil {
			v.councilChoices()
		}
	case nextMeetingMsg:
		return v.nextMeeting(msg)
	case dueOwnersMsg:
		if msg.board == v.board && v.board != nil {
			if msg.err != nil {
				if v.choosing != nil && v.chooseFor == chooseOwner {
					v.choosing = nil
				}
				return flash("Could not list the owners: " + msg.err.Error())
			}
			v.board.people, v.board.owners = msg.people, nil
			if v.choosing != nil && v.chooseFor == chooseOwner {
				v.ownerChoices()
			}
		}
	case savedMsg:
		if msg.err != nil {
			v.keepID = "" // not settled: the cursor stays where it is
		}
	case libraryChangedMsg:
		v.stale = true
	case tea.MouseMsg:
		if v.choosing != nil {
			return v.choose(msg)
		}
		if d := wheel(msg); d != 0 {
			v.list.move(d)
		} else if again, ok := v.list.click(msg, v.headLines()+boolInt(v.nothingOpen()), 1); ok && again {
			return v.openSelected() // a second click opens the record
		}
	case tea.KeyMsg:
		switch {
		case v.form.open:
			return v.formKey(msg)
		case v.choosing != nil:
			return v.choose(msg)
		}
		return v.key(msg)
	}
	return nil
}

func (v *dueView) key(msg tea.KeyMsg) tea.Cmd {
	k := v.sh.keys
	if v.list.handleKey(msg, k) {
		return nil
	}
	if cmd, ok := v.reviewKey(msg); ok {
		return cmd
	}
	switch {
	case key.Matches(msg, k.Open):
		return v.openSelected()
	case key.Matches(msg, k.Committee):
		v.openChooser(chooseCommittee, "Show the due board for")
		v.committeeChoices()
		v.pickSeq++
		seq, lib := v.pickSeq, v.lib
		return v.sh.cmdFor(viewDue, func(ctx context.Context) tea.Msg {
			list, err := lib.Committees(ctx)
			return committeesMsg{seq: seq, list: list, err: err}
		})
	case key.Matches(msg, k.Council):
		if !v.sh.severalCouncils() {
			return flash("The library holds one council's minutes: c chooses a committee")
		}
		v.openChooser(chooseCouncil, "Show the due board for")
		v.councilChoices()
	case key.Matches(msg, k.FilterOwner):
		if v.board != nil {
			v.openChooser(chooseOwner, "Show the records of")
			if v.board.people == nil { // the choices come once the library says who the owners are
				b, lib := v.board, v.lib
				recs := make([]index.Record, v.board.due) // what RecordOwners reads, apart from the board a refilter may touch
				for i, r := range v.board.recs[:v.board.due] {
					recs[i] = index.Record{ID: r.ID, Owner: r.Owner, Council: r.Council}
				}
				return v.sh.cmdFor(viewDue, func(ctx context.Context) tea.Msg {
					people, err := lib.RecordOwners(ctx, recs)
					return dueOwnersMsg{board: b, people: people, err: err}
				})
			}
			v.ownerChoices()
		}
	case key.Matches(msg, k.OwnerPage):
		if r, ok := v.selected(); ok {
			return navigate(navMsg{to: viewPeople, ownersOf: &r})
		}
	case key.Matches(msg, k.FilterStatus):
		if v.board != nil {
			v.openChooser(chooseStatus, "Show the records that are")
			v.statusChoices()
		}
	case key.Matches(msg, k.Sort):
		v.filter.sort = (v.filter.sort + 1) % dueSorts
		v.toTop = true
		return v.refilter() // the heading says the order: "by owner"
	case key.Matches(msg, k.Export):
		cmd := v.form.start(promptExport, "Export to: ", defaultExportFile(v.committee, v.sh.asOf),
			".xlsx .csv .json .md: action log · .html: agenda tracker for the committee chosen with c · .ics: calendar")
		v.list.setHeight(v.listHeight())
		return cmd
	case key.Matches(msg, k.AsOf):
		cmd := v.form.start(promptAsOf, "As of: ", v.sh.asOf.String(), asOfHint)
		v.list.setHeight(v.listHeight())
		return cmd
	case key.Matches(msg, k.Today):
		return v.setAsOf(v.sh.today())
	case key.Matches(msg, k.ShowClosed):
		v.showClosed = !v.showClosed
		v.setRows(v.selectedID())
		if v.showClosed && v.board != nil && v.board.closed == 0 { // else x seems to do nothing
			return flash("Nothing here is done or dropped yet: x shows such records when there are some")
		}
	case key.Matches(msg, k.Back):
		if v.committee != "" || v.council != "" || v.filter.active() {
			v.committee, v.commName, v.council, v.toTop = "", "", "", true
			v.filter.owner, v.filter.ownerSet, v.filter.status = "", false, ""
			return v.load()
		}
	}
	return nil
}

// narrowTo shows the board for every committee narrowed to the records
// person owns (from their page in the people view).
func (v *dueView) narrowTo(person string) tea.Cmd {
	v.committee, v.toTop = "", true
	v.filter.owner, v.filter.ownerSet, v.filter.status = person, true, ""
	return v.load()
}

// openSelected opens the record under the cursor.
func (v *dueView) openSelected() tea.Cmd {
	if r, ok := v.selected(); ok {
		return navigate(navMsg{to: viewDetail, recordID: r.ID})
	}
	return nil
}

func (v *dueView) openChooser(what int, title string) {
	v.choosing, v.chooseFor = newChooser(v.sh, title, v.width, v.height), what
}

func (v *dueView) committeeChoices() {
	if v.committees == nil {
		return // they load
	}
	all := "All committees"
	if v.council != "" {
		all = "All committees of " + v.council
	}
	cs := []choice{{label: all}}
	cur := 0
	for i, c := range v.choosable() {
		note := plural(c.Meetings, "meeting", "meetings")
		if !c.Last.IsZero() {
			note += ", last " + c.Last.String()
		}
		if v.council == "" && v.sh.severalCouncils() && c.Council != "" {
			note = shortCouncil(oneLine(c.Council)) + " · " + note
		}
		cs = append(cs, choice{label: committeeName(c.Name), note: note})
		if c.Key == v.committee {
			cur = i + 1
		}
	}
	v.choosing.setChoices(cs, cur)
}

// choosable is the committees the committee chooser offers: the
// council's, when the board is narrowed to one.
func (v *dueView) choosable() []index.Committee {
	return v.sh.councilCommittees(v.council, v.committees)
}

// councilChoices are the library's councils, for the council chooser.
func (v *dueView) councilChoices() {
	cs := []choice{{label: allCouncils}}
	cur := 0
	for i, c := range v.sh.councils {
		cs = append(cs, choice{label: c.Name, note: plural(len(c.Committees), "committee", "committees") + ", " + plural(c.Meetings, "meeting", "meetings")})
		if c.Name == v.council {
			cur = i + 1
		}
	}
	v.choosing.setChoices(cs, cur)
}

// councilShown is the council the board is narrowed to, for the title
// bar.
func (v *dueView) councilShown() string {
	if v.council == "" {
		return allCouncils
	}
	return v.council
}

func (v *dueView) ownerChoices() {
	cs := []choice{{label: "Every owner"}}
	cur := 0
	for i, o := range v.board.ownerCounts() {
		label := o.name
		if label == "" {
			label = "No owner named"
		}
		cs = append(cs, choice{label: label, note: plural(o.open, "open", "open")})
		if v.filter.ownerSet && ownerKey(o.name) == ownerKey(v.filter.owner) {
			cur = i + 1
		}
	}
	v.choosing.setChoices(cs, cur)
}

// boardStatuses are the statuses the board can be narrowed to.
var boardStatuses = []index.Status{index.StatusOpen, index.StatusInProgress, index.StatusDone, index.StatusDropped}

func (v *dueView) statusChoices() {
	cs := []choice{{label: "Any status"}}
	cur := 0
	for i, s := range boardStatuses {
		cs = append(cs, choice{label: statusLabel(s), note: thousands(v.board.statuses[s])})
		if v.filter.status == s {
			cur = i + 1
		}
	}
	v.choosing.setChoices(cs, cur)
}

// choose hands a message to the chooser and acts on the choice.
func (v *dueView) choose(msg tea.Msg) tea.Cmd {
	res := v.choosing.update(msg)
	if !res.done {
		return nil
	}
	what := v.chooseFor
	v.choosing = nil
	if res.picked < 0 {
		return nil
	}
	i := res.picked - 1 // the first choice is "all"
	switch what {
	case chooseCommittee:
		var c index.Committee
		if list := v.choosable(); i >= 0 && i < len(list) {
			c = list[i]
		}
		if c.Key != v.committee {
			v.committee, v.commName, v.toTop = c.Key, c.Name, true
			return v.load()
		}
	case chooseCouncil:
		c := ""
		if i >= 0 && i < len(v.sh.councils) {
			c = v.sh.councils[i].Name
		}
		if c != v.council {
			v.council, v.toTop = c, true
			if c != "" && v.committee != "" && councilNameOf(v.sh, v.committee) != c {
				v.committee, v.commName = "", "" // another council's committee
			}
			return v.load()
		}
	case chooseOwner:
		f := v.filter
		f.owner, f.ownerSet = "", i >= 0
		if owners := v.board.ownerCounts(); i >= 0 && i < len(owners) {
			f.owner = owners[i].name
		}
		if f != v.filter {
			v.filter, v.toTop = f, true
			return v.refilter()
		}
	case chooseStatus:
		var s index.Status
		if i >= 0 && i < len(boardStatuses) {
			s = boardStatuses[i]
		}
		if s != v.filter.status {
			v.filter.status, v.toTop = s, true
			return v.refilter()
		}
	}
	return nil
}

func (v *dueView) formKey(msg tea.KeyMsg) tea.Cmd {
	res := v.form.update(msg)
	// an error shown, or cleared, may change the form's height
	defer func() { v.list.setHeight(v.listHeight()) }()
	switch {
	case res.cancelled:
		v.closeForm()
		return nil
	case !res.submitted:
		return res.cmd
	}
	text := strings.TrimSpace(res.value)
	if v.form.purpose == promptExport {
		cmd, err := v.export(text)
		if err != nil {
			v.form.fail(err.Error())
			return nil
		}
		v.closeForm()
		return cmd
	}
	if text == "" {
		text = "today"
	}
	if minutes.NeedsNextMeeting(text) {
		if v.committee == "" {
			v.form.fail("choose a committee first (c), then \"next\" means its next meeting")
			return nil
		}
		committee, after, lib := v.committee, v.sh.today(), v.lib
		return v.sh.cmdFor(viewDue, func(ctx context.Context) tea.Msg {
			d, ok, err := lib.NextMeeting(ctx, committee, after)
			return nextMeetingMsg{committee: committee, text: text, date: d, ok: ok, err: err}
		})
	}
	d, err := minutes.ParseUserDate(text, v.dateContext(minutes.Date{}))
	if err != nil {
		v.form.fail(err.Error())
		return nil
	}
	v.closeForm()
	return v.setAsOf(d)
}

// dateContext is what the as-of prompt reads a date against: a step
// moves the current as-of date.
func (v *dueView) dateContext(next minutes.Date) minutes.DateContext {
	return minutes.DateContext{Today: v.sh.today(), Base: v.sh.asOf, NextMeeting: next}
}

func (v *dueView) nextMeeting(msg nextMeetingMsg) tea.Cmd {
	if !v.form.open || v.form.purpose != promptAsOf || msg.committee != v.committee {
		return nil
	}
	defer func() { v.list.setHeight(v.listHeight()) }() // as formKey
	switch {
	case msg.err != nil:
		v.form.fail(msg.err.Error())
	case !msg.ok:
		v.form.fail("the library knows no next meeting of " + committeeName(v.commName))
	default:
		d, err := minutes.ParseUserDate(msg.text, v.dateContext(msg.date))
		if err != nil {
			v.form.fail(err.Error())
			return nil
		}
		v.closeForm()
		return v.setAsOf(d)
	}
	return nil
}

func (v *dueView) closeForm() {
	v.form.close()
	v.list.setHeight(v.listHeight())
}

// setAsOf changes the as-of date for every view and reloads the board.
func (v *dueView) setAsOf(d minutes.Date) tea.Cmd {
	if d == v.sh.asOf {
		return nil
	}
	v.sh.asOf, v.toTop = d, true
	return tea.Batch(v.load(), func() tea.Msg { return asOfChangedMsg{date: d} })
}

func (v *dueView) View() string {
	st := v.sh.styles
	if v.choosing != nil {
		return padLines(v.choosing.view(), v.width, v.height)
	}
	var b strings.Builder
	head := v.headLines()
	b.WriteString(v.heading(head == 3))
	b.WriteByte('\n')
	b.WriteString(v.columnHeads())
	b.WriteByte('\n')
	lh := v.listHeight()
	switch {
	case v.err != nil && v.board == nil:
		b.WriteString(st.Error.Render(trunc(" Could not load the due board: "+oneLine(v.err.Error()), v.width)))
	case v.board == nil:
		b.WriteString(st.Dim.Render(" Loading the due board…"))
	case len(v.rows) == 0:
		b.WriteString(st.Dim.Render(trunc(v.emptyLine(), v.width)))
	default:
		if v.nothingOpen() {
			b.WriteString(st.Dim.Render(trunc(v.emptyLine(), v.width)) + "\n")
		}
		from, to := v.list.visible()
		for i := from; i < to; i++ {
			if i > from {
				b.WriteByte('\n')
			}
			b.WriteString(v.row(i))
		}
	}
	// Every line above is cut to the width as it is made: only count them.
	out := padCount(b.String(), head+lh)
	if v.form.open {
		return stackForm(out, v.form.view(), v.width, v.height)
	}
	return padCount(out, v.height)
}

// emptyLine is the board's empty state: nothing open, or nothing that
// matches the filters.
func (v *dueView) emptyLine() string {
	who := "any committee"
	if v.committee != "" {
		who = committeeName(v.commName)
	}
	if v.council != "" {
		who = oneLine(v.council) + " (" + who + ")"
	}
	if v.board.filter.active() && v.board.open == 0 {
		return " Nothing for " + who + " as of " + v.board.asOf.String() + " matches " + v.filterText() + " · esc shows everything."
	}
	return " Nothing open for " + who + " as of " + v.board.asOf.String() + "."
}

// filterText is the owner and status filters, as the heading names them.
func (v *dueView) filterText() string {
	var parts []string
	if f := v.filter; f.ownerSet {
		o := oneLine(f.owner)
		if o == "" {
			o = "no owner named"
		}
		parts = append(parts, "owner "+o)
	}
	if v.filter.status != "" {
		parts = append(parts, "status "+statusLabel(v.filter.status))
	}
	return strings.Join(parts, ", ")
}

// heading is summaryLine, drawn once for each board, width and error
// rather than every frame (a key moves the cursor far more often).
func (v *dueView) heading(split bool) string {
	k := headingKey{v.board, v.width, split, v.err}
	if k != v.headFor || v.headCache == "" {
		v.headFor, v.headCache = k, v.summaryLine(split)
	}
	return v.headCache
}

// headingKey is what the board's heading was drawn for.
type headingKey struct {
	board *dueBoard
	width int
	split bool
	err   error
}

// summaryLine is the committee, the filters and the order, and the count
// of each group, on one line or, when split, two.
func (v *dueView) summaryLine(split bool) string {
	st := v.sh.styles
	who := "All committees"
	if v.committee != "" {
		who = committeeName(v.commName)
	}
	if v.council != "" {
		who = oneLine(v.council) + " › " + who
	}
	line := " " + st.Heading.Render(who)
	if f := v.filterText(); f != "" {
		line += st.Dim.Render(" · ") + st.ChipActive.Render(f)
	}
	if v.filter.sort != sortByFlag {
		line += st.Dim.Render(" · by " + dueSortNames[v.filter.sort])
	}
	if v.board == nil {
		return trunc(line, v.width)
	}
	line += st.Dim.Render(" · " + plural(v.board.open, "open", "open"))
	if v.err != nil {
		line += " " + st.Error.Render("(reload failed: "+oneLine(v.err.Error())+")")
	}
	var parts []string
	for _, fl := range append(append([]index.Flag{flagReview}, index.FlagOrder...), otherFlags(v.board.counts)...) {
		if n := v.board.counts[fl]; n > 0 {
			label := strings.ToLower(flagBadge(fl))
			if fl == flagReview {
				label = "to review"
			}
			if label == "" {
				label = "other"
			}
			parts = append(parts, st.Flag(fl).Render(thousands(n)+" "+label))
		}
	}
	if len(parts) == 0 {
		return trunc(line, v.width)
	}
	if split { // narrow: the counts on a line of their own, closer together
		return trunc(line, v.width) + "\n" + wholeParts(parts, "  ", v.width)
	}
	return line + st.Dim.Render(" · ") + strings.Join(parts, st.Dim.Render(" · "))
}

// wholeParts joins parts after a space, as many whole ones as fit in w
// cells, and "…" when some are left off: a count is never cut
// ("3 upco…").
func wholeParts(parts []string, sep string, w int) string {
	out := ""
	for i, p := range parts {
		next := out + sep + p
		if i == 0 {
			next = " " + p
		}
		more := 0
		if i < len(parts)-1 {
			more = 2 // room for " …"
		}
		if ansi.StringWidth(next)+more > w {
			if out == "" {
				return trunc(next, w)
			}
			return out + " …"
		}
		out = next
	}
	return out
}

// otherFlags are the flags in counts that index.FlagOrder does not list.
func otherFlags(counts map[index.Flag]int) []index.Flag {
	var out []index.Flag
	for fl := range counts {
		if !contains(index.FlagOrder, fl) && fl != flagReview {
			out = append(out, fl)
		}
	}
	return out
}

func (v *dueView) columnHeads() string {
	c := v.cols
	var b strings.Builder
	b.WriteString("  ")
	b.WriteString(fit("FLAG", c.badge) + " ")
	b.WriteString(fit("DUE", c.due) + " ")
	b.WriteString(fit("STATUS", c.status) + " ")
	if c.committee > 0 {
		head := "COMMITTEE"
		if c.committee < len(head) {
			head = "CTTEE" // as clerks shorten it, not cut to "COMMITT…"
		}
		b.WriteString(fit(head, c.committee) + " ")
	}
	if c.meeting > 0 {
		b.WriteString(fit("MEETING", c.meeting) + " ")
	}
	b.WriteString(fit("MINUTE", c.minute) + " ")
	if c.owner > 0 {
		b.WriteString(fit("OWNER", c.owner) + " ")
	}
	b.WriteString(fit("TEXT", c.text))
	if c.update > 0 {
		b.WriteString(" " + fit("LATEST NOTE", c.update))
	}
	return v.sh.styles.ColumnHead.Render(trunc(b.String(), v.width))
}

// row draws row i. A record row is rendered once per load and width and
// then reused; only the selected row is drawn afresh each frame.
func (v *dueView) row(i int) string {
	r := v.rows[i]
	st := v.sh.styles
	if r.heading {
		if v.cache[i] == "" {
			v.cache[i] = v.headingRow(r)
		}
		return v.cache[i]
	}
	if i == v.list.cursor {
		return trunc(st.Cursor.Render("▸ ")+st.Selected.Render(v.cells(r, false)), v.width)
	}
	if v.cache[i] == "" {
		v.cache[i] = "  " + v.cells(r, true)
		if v.cols.over {
			v.cache[i] = trunc(v.cache[i], v.width)
		}
	}
	return v.cache[i]
}

func (v *dueView) headingRow(r dueRow) string {
	st := v.sh.styles
	label := " " + strings.ToUpper(r.flag.Label()) + " (" + thousands(r.count) + ")"
	switch {
	case r.flag == flagReview:
		label = " TO REVIEW (" + thousands(r.count) + ") · y right · n not a record · enter to correct"
	case r.hidden:
		label = " " + thousands(r.count) + " DONE OR DROPPED · x to show"
	case r.flag == "":
		label = " OTHER (" + thousands(r.count) + ")"
	case r.flag == index.FlagDone:
		if r.dropped > 0 {
			label = " DONE OR DROPPED (" + thousands(r.count) + ")"
		}
		if v.showClosed {
			label += " · x to hide"
		} else if !v.closedShown() {
			label += " · x to show"
		}
	}
	rule := max(v.width-len([]rune(label))-3, 0)
	return st.Flag(r.flag).Render(trunc("──"+label+" ", v.width)) + st.Faint.Render(strings.Repeat("─", rule))
}

// recordBadge is the FLAG column of a record: its flag, or DONE or
// DROPPED when it is closed.
func recordBadge(rec *index.Record) string {
	if rec.Status == index.StatusDropped {
		return "DROPPED"
	}
	return flagBadge(rowFlag(rec))
}

// reviewBadge is the FLAG column of a record in the review group, w
// wide: its kind, FOLLOW-UP run together where it would be cut
// ("FOLLOW-…" reads as nothing).
func reviewBadge(kind string, w int) string {
	b := kindBadge(kind)
	if ansi.StringWidth(b) > w {
		b = strings.ReplaceAll(b, "-", "")
	}
	return b
}

// dueCell is a due date as the board shows it: a provisional date (the
// end of the month a follow-up is due back in, no meeting in it being
// known) as that month, "Jun 2022".
func dueCell(rec *index.Record) string {
	switch {
	case rec.Due.IsZero():
		return "—"
	case rec.Provisional:
		return rec.Due.Time().Format("Jan 2006")
	}
	return rec.Due.String()
}

// statusCell is a status in a column w wide.
func statusCell(s index.Status, w int) string {
	if s == index.StatusInProgress && w < len("in progress") {
		return "in prog"
	}
	return statusLabel(s)
}

// cells draws a record's columns, coloured or (for the selected row,
// which is drawn in one style) plain.
func (v *dueView) cells(r dueRow, colour bool) string {
	rec := &v.board.recs[r.rec]
	c := v.cols
	st := v.sh.styles
	badge := fit(recordBadge(rec), c.badge)
	badgeStyle := st.Flag(rowFlag(rec))
	if r.flag == flagReview {
		badge, badgeStyle = fit(reviewBadge(string(rec.Kind), c.badge), c.badge), st.Flag(flagReview)
	}
	due := fit(dueCell(rec), c.due) + " "
	status := fit(statusCell(statusOf(rec), c.status), c.status)
	rest := " "
	if c.committee > 0 {
		rest += fit(committeeLabel(rec.Committee, c.committee), c.committee) + " "
	}
	if c.meeting > 0 {
		rest += fit(rec.MeetingDate.String(), c.meeting) + " "
	}
	rest += fit(oneLine(rec.Minute), c.minute) + " "
	if c.owner > 0 {
		owner := oneLine(rec.Owner)
		if owner == "" {
			owner = "—"
		}
		rest += fit(owner, c.owner) + " "
	}
	note := oneLine(rec.LastNote)
	var text, update string
	switch {
	case c.update > 0:
		text = fit(oneLine(rec.Text), c.text)
		update = " " + fit(note, c.update)
	case note != "" && c.text >= 12: // no column for it: the note follows the text
		tw := c.text * 11 / 20
		text = fit(oneLine(rec.Text), tw)
		update = fit(" ✎ "+note, c.text-tw)
	default:
		text = fit(oneLine(rec.Text), c.text)
	}
	if !colour {
		return fit(badge+" "+due+status+rest+text+update, v.width-2)
	}
	return badgeStyle.Render(badge) + " " + st.Dim.Render(due) + st.Status(statusOf(rec)).Render(status) +
		st.Dim.Render(rest) + st.Text.Render(text) + st.Note.Render(update)
}

// legend explains the board's marks, under its keys in the full help.
func (v *dueView) legend() []string {
	return []string{
		"OVERDUE an action's due date has passed · SLIPPED a follow-up's meeting passed without it coming back · NEXT MTG due by the committee's next known meeting · SOON due within 30 days · RETURNED a later meeting took it",
		"Jun 2022 in DUE: a provisional date — the minutes named the month, and no meeting of the committee in it is known yet (the end of the month counts)",
		"STATUS is the clerk's: open, in progress, done or dropped; ✎ starts a record's latest note",
		"TO REVIEW the parser was unsure · y right · n not a record · enter corrects",
	}
}

func (v *dueView) ShortHelp() []key.Binding {
	k := v.sh.keys
	if v.form.open {
		return k.formHelp()
	}
	if v.choosing != nil {
		return []key.Binding{k.moveHelp(), withHelp(k.Open, "choose"), withHelp(k.Back, "cancel")}
	}
	if v.list.cursor < len(v.rows) && v.rows[v.list.cursor].flag == flagReview && !v.rows[v.list.cursor].heading {
		return []key.Binding{k.ReviewYes, k.ReviewNo, withHelp(k.Open, "open to correct"), k.Committee, k.Sort, k.moveHelp()}
	}
	if v.sh.severalCouncils() {
		return []key.Binding{k.Open, k.Committee, k.Council, k.FilterOwner, k.FilterStatus, k.Sort, k.AsOf, k.ShowClosed, k.Export, k.OwnerPage, k.moveHelp()}
	}
	return []key.Binding{k.Open, k.Committee, k.FilterOwner, k.FilterStatus, k.Sort, k.AsOf, k.ShowClosed, k.Export, k.OwnerPage, k.moveHelp()}
}

func (v *dueView) FullHelp() [][]key.Binding {
	k := v.sh.keys
	return [][]key.Binding{
		k.listHelp(),
		{k.Open, k.Committee, k.Council, k.FilterOwner, k.FilterStatus, k.OwnerPage, withHelp(k.Back, "show everything")},
		{k.Sort, k.AsOf, k.Today, k.ShowClosed, k.Export},
	}
}
