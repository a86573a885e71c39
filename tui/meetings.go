package tui

import (
	"context"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// The meetings browser: committees → meetings → items → one item's text
// with its resolutions, actions and follow-ups marked where they stand.
// Each level is a page of its own (meetpages.go, itempage.go); the
// browser loads what they show and moves between them.

// meetingsLibrary is what the meetings browser needs of the library.
type meetingsLibrary interface {
	Committees(ctx context.Context) ([]index.Committee, error)
	Meetings(ctx context.Context, committee string) ([]index.MeetingSummary, error)
	Meeting(ctx context.Context, id string) (*index.MeetingDetail, error)
}

type meetLevel int

const (
	levelCommittees meetLevel = iota
	levelMeetings
	levelItems
	levelItem
)

type meetingsView struct {
	sh            *shared
	lib           meetingsLibrary
	exports       exportLibrary
	width, height int
	level         meetLevel
	stale         bool
	jumped        bool     // opened from another view: esc goes back there
	want          itemWant // open this item when its meeting arrives

	committee string // the committee whose meetings are listed: its key (a name until its meeting loads, when opened from elsewhere)
	commName  string // …and its name
	meetingID string // the meeting whose items are listed

	committees committeesPage
	meetings   meetingListPage
	items      itemsPage
	text       itemPage
	cSeq       int
	mSeq       int
	dSeq       int

	// The export form (E) for one meeting.
	form      prompt
	exportFor index.MeetingSummary

	// Corrections made on the item page (correct.go): the record to
	// choose once the meeting is loaded again after one.
	corr        corrector
	selectAfter string
}

func newMeetingsView(sh *shared, lib meetingsLibrary, exports exportLibrary, corr correctionLibrary) *meetingsView {
	return &meetingsView{sh: sh, lib: lib, exports: exports, stale: true, form: newPrompt(sh),
		committees: committeesPage{sh: sh}, meetings: meetingListPage{sh: sh}, items: itemsPage{sh: sh},
		text: itemPage{sh: sh, recSel: -1}, corr: newCorrector(sh, corr, viewMeetings)}
}

func (v *meetingsView) SetSize(w, h int) {
	v.width, v.height = w, h
	v.committees.setSize(w, h)
	v.meetings.setSize(w, h)
	v.items.setSize(w, h)
	v.text.setSize(w, h)
	v.form.setWidth(w)
	v.corr.setSize(w, h)
}

func (v *meetingsView) Capturing() bool { return v.form.open || v.corr.capturing() }

// Activate loads what the pages show, when it has not been loaded or the
// library changed.
func (v *meetingsView) Activate() tea.Cmd {
	if !v.stale {
		return nil
	}
	v.stale = false
	cmds := []tea.Cmd{v.loadCommittees()}
	if v.committee != "" {
		cmds = append(cmds, v.loadMeetings())
	}
	if v.meetingID != "" {
		cmds = append(cmds, v.loadMeeting())
	}
	return tea.Batch(cmds...)
}

func (v *meetingsView) loadCommittees() tea.Cmd {
	v.cSeq++
	seq, lib := v.cSeq, v.lib
	return v.sh.cmdFor(viewMeetings, func(ctx context.Context) tea.Msg {
		list, err := lib.Committees(ctx)
		return committeesMsg{seq: seq, list: list, err: err}
	})
}

func (v *meetingsView) loadMeetings() tea.Cmd {
	v.mSeq++
	seq, lib, c := v.mSeq, v.lib, v.committee
	return v.sh.cmdFor(viewMeetings, func(ctx context.Context) tea.Msg {
		list, err := lib.Meetings(ctx, c)
		return meetingsLoadedMsg{seq: seq, committee: c, list: list, err: err}
	})
}

func (v *meetingsView) loadMeeting() tea.Cmd {
	v.dSeq++
	seq, lib, id := v.dSeq, v.lib, v.meetingID
	return v.sh.cmdFor(viewMeetings, func(ctx context.Context) tea.Msg {
		d, err := lib.Meeting(ctx, id)
		return meetingLoadedMsg{seq: seq, detail: d, err: err}
	})
}

// openMeeting shows a meeting, at one item when the message names one
// (by ID, from a search hit; by minute number, from a returned
// follow-up's later item).
func (v *meetingsView) openMeeting(nav navMsg) tea.Cmd {
	var cmds []tea.Cmd
	if nav.committee != "" && nav.committee != v.committee && nav.committee != v.commName {
		v.committee, v.commName = nav.committee, nav.committee
		v.meetings.reset(nav.committee)
		cmds = append(cmds, v.loadMeetings())
	}
	want := itemWant{id: nav.itemID, minute: nav.minute, span: nav.span}
	if nav.meetingID != v.meetingID || v.items.meeting == nil {
		v.resetMeeting(nav.meetingID)
		v.want = want
		cmds = append(cmds, v.loadMeeting())
	} else if want.any() {
		v.showWanted(want)
	}
	v.level = levelItems
	if want.any() {
		v.level = levelItem
	}
	v.jumped = true
	if v.committees.list == nil {
		cmds = append(cmds, v.loadCommittees())
	}
	v.stale = false
	return tea.Batch(cmds...)
}

func (v *meetingsView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case committeesMsg:
		if msg.seq == v.cSeq {
			v.committees.set(msg.list, msg.err, v.committee)
		}
	case meetingsLoadedMsg:
		if msg.seq == v.mSeq {
			v.meetings.set(msg.list, msg.err, v.meetingID)
		}
	case meetingLoadedMsg:
		if msg.seq == v.dSeq {
			v.items.set(msg.detail, msg.err)
			var reload tea.Cmd
			if d := msg.detail; msg.err == nil && d != nil && d.CommitteeKey != "" && d.CommitteeKey != v.committee {
				// Opened by name from elsewhere: the committee is the
				// meeting's, by key (another council's may share the name).
				v.committee, v.commName = d.CommitteeKey, d.Committee
				v.meetings.reset(v.committee)
				reload = v.loadMeetings()
			}
			if msg.err == nil {
				want := v.want
				v.want = itemWant{}
				if want.any() {
					v.showWanted(want)
				} else if v.level == levelItem {
					v.showItemAt(v.text.item) // reloaded: keep the place
				}
				v.chooseAfter()
			}
			return reload
		}
	case libraryChangedMsg:
		v.stale = true
	case guessMsg:
		return v.corr.update(msg)
	case savedMsg:
		if msg.err == nil && v.level == levelItem && v.text.ready() && msg.rec.ItemID == v.text.meeting.Items[v.text.item].ID {
			// A correction made here: the selection is done with, and the
			// record is chosen once the item is shown again.
			if v.text.sel.on {
				v.text.stopSelect()
			}
			v.selectAfter = msg.rec.ID
		}
	case tea.MouseMsg:
		switch {
		case v.corr.active():
			return v.corr.update(msg)
		case wheel(msg) != 0:
			v.scrollBy(wheel(msg))
		case !v.form.open:
			return v.act(v.click(msg))
		}
	case tea.KeyMsg:
		switch {
		case v.corr.active():
			return v.corr.update(msg)
		case v.form.open:
			return v.formKey(msg)
		}
		return v.key(msg)
	}
	return nil
}

// chooseAfter chooses, on the item page, the record a correction made
// there was about, once the item is shown again.
func (v *meetingsView) chooseAfter() {
	id := v.selectAfter
	if id == "" || v.level != levelItem || !v.text.ready() {
		return
	}
	v.selectAfter = ""
	for i, r := range v.text.records() {
		if r.ID == id {
			v.text.recSel = i
			v.text.linesFor.valid = false
			v.text.buildItem()
			v.text.revealRecord()
			return
		}
	}
}

// itemKey handles a key on the item page: the selection's keys while
// there is one, the corrections of the record chosen, v to start one.
func (v *meetingsView) itemKey(msg tea.KeyMsg) tea.Cmd {
	k := v.sh.keys
	p := &v.text
	if !p.ready() {
		return v.act(p.key(msg))
	}
	it := p.meeting.Items[p.item]
	if p.sel.on {
		move, kind := p.spanKey(msg)
		switch move {
		case spanLeave:
			p.stopSelect()
		case spanMake:
			text := p.selection()
			if text == "" {
				return flash("Select some of the item's text first")
			}
			return v.corr.startAdd(it.ID, p.meeting.Committee, kind, text)
		case spanSave, spanWords:
			r, ok := v.recordByID(p.sel.editing)
			if !ok {
				p.stopSelect()
				return flash("That record is no longer in this item")
			}
			if move == spanWords {
				return v.corr.editWords(r, p.selection())
			}
			return v.corr.setText(r, p.selection())
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Select):
		p.startSelect("")
		return nil
	case key.Matches(msg, k.Kind, k.Reject, k.Accept, k.EditSpan):
		r, ok := p.selected()
		if !ok {
			return flash("Choose a record first (↑/↓); v selects text to make a new one")
		}
		switch {
		case key.Matches(msg, k.Kind):
			return v.corr.changeKind(r)
		case key.Matches(msg, k.Reject):
			return v.corr.reject(r)
		case key.Matches(msg, k.Accept):
			return v.corr.accept(r)
		}
		if r.Rejected {
			return flash("Restore the record first (D): then T chooses its text")
		}
		p.startSelect(r.ID)
		return nil
	}
	return v.act(p.key(msg))
}

// recordByID is a record of the item shown.
func (v *meetingsView) recordByID(id string) (index.Record, bool) {
	for _, r := range v.text.records() {
		if r.ID == id {
			return r, true
		}
	}
	return index.Record{}, false
}

// shownMeeting is the meeting under the cursor or open, if any.
func (v *meetingsView) shownMeeting() (index.MeetingSummary, bool) {
	switch {
	case v.level == levelMeetings:
		return v.meetings.selected()
	case v.level >= levelItems && v.items.meeting != nil:
		return v.items.meeting.MeetingSummary, true
	}
	return index.MeetingSummary{}, false
}

// openExport opens the export form for the meeting shown.
func (v *meetingsView) openExport() tea.Cmd {
	m, ok := v.shownMeeting()
	if !ok {
		return flash("Choose a meeting first: E exports one meeting's tracker or action log")
	}
	v.exportFor = m
	hint := "the " + m.Date.String() + " meeting: .html its agenda tracker · .xlsx .csv .json .md its action log · .ics the committee's calendar"
	return v.form.start(0, "Export to: ", "agenda-"+minutes.CommitteeSlug(m.Committee)+"-"+m.Date.String()+".html", hint)
}

func (v *meetingsView) formKey(msg tea.KeyMsg) tea.Cmd {
	res := v.form.update(msg)
	if !res.submitted {
		return res.cmd
	}
	m := v.exportFor
	cmd, err := startExport(v.sh, v.exports, strings.TrimSpace(res.value), exportScope{committee: m.Committee, meeting: m.Date, asOf: packDate(m.Date, v.sh.asOf)})
	if err != nil {
		v.form.fail(err.Error())
		return nil
	}
	v.form.close()
	return cmd
}

// packDate is the as-of date of a meeting's agenda pack: the day before
// the meeting, or the as-of date when that is earlier. A held meeting's
// tracker then shows what was due at it, not what came back since.
func packDate(meeting, asOf minutes.Date) minutes.Date {
	if before := meeting.AddDays(-1); before.Before(asOf) {
		return before
	}
	return asOf
}

// resetMeeting makes id the meeting whose items are listed, to be loaded:
// the item page lets go of the meeting before.
func (v *meetingsView) resetMeeting(id string) {
	v.meetingID = id
	v.items.reset(id)
	v.text.meeting = nil
}

func (v *meetingsView) showWanted(w itemWant) {
	if v.items.meeting == nil {
		return
	}
	if i, ok := v.items.find(w); ok {
		v.showItemAt(i)
		if w.span != "" {
			for j, r := range v.text.records() {
				if r.ID == w.span {
					v.text.recSel = j
					v.text.startSelect(r.ID)
				}
			}
		}
		return
	}
	v.level = levelItems
}

// showItemAt shows item i of the meeting listed: where it was read to,
// when it is the item already shown.
func (v *meetingsView) showItemAt(i int) {
	m := v.items.meeting
	if m == nil || i < 0 || i >= len(m.Items) {
		v.level = levelItems
		return
	}
	v.items.cur.cursor = i
	v.items.cur.clamp()
	keep := v.level == levelItem && v.text.item == i
	v.level = levelItem
	v.text.show(m, i, keep)
}

func (v *meetingsView) scrollBy(d int) {
	switch v.level {
	case levelCommittees:
		v.committees.cur.move(d)
	case levelMeetings:
		v.meetings.cur.move(d)
	case levelItems:
		v.items.cur.move(d)
	case levelItem:
		v.text.scrollBy(d)
	}
}

func (v *meetingsView) key(msg tea.KeyMsg) tea.Cmd {
	k := v.sh.keys
	if v.jumped && key.Matches(msg, k.Back) && v.level >= levelItems {
		// Opened from a search hit or a record: esc returns there; ←/h
		// still climbs the meeting's levels.
		v.jumped = false
		return goBack
	}
	if key.Matches(msg, k.Open, k.Left) {
		v.jumped = false
	}
	if key.Matches(msg, k.Export) && !(v.level == levelItem && v.text.sel.on) {
		return v.openExport()
	}
	switch v.level {
	case levelCommittees:
		return v.act(listMove(msg, &v.committees.cur, k))
	case levelMeetings:
		return v.act(listMove(msg, &v.meetings.cur, k))
	case levelItems:
		if v.items.meeting == nil && !key.Matches(msg, k.Back, k.Left) {
			return nil // it loads
		}
		return v.act(listMove(msg, &v.items.cur, k))
	case levelItem:
		return v.itemKey(msg)
	}
	return nil
}

// click is what a click on the page in front asks for.
func (v *meetingsView) click(msg tea.MouseMsg) pageMove {
	switch v.level {
	case levelCommittees:
		return clickMove(msg, &v.committees.cur, 2)
	case levelMeetings:
		return clickMove(msg, &v.meetings.cur, 2)
	case levelItems:
		if v.items.meeting != nil {
			return clickMove(msg, &v.items.cur, itemsHead)
		}
	case levelItem:
		return v.text.click(msg)
	}
	return pageStay
}

// act moves between the pages as a page asked.
func (v *meetingsView) act(move pageMove) tea.Cmd {
	switch move {
	case pageOpen:
		return v.openLevel()
	case pageUp:
		return v.upLevel()
	}
	return nil
}

// openLevel opens what is under the cursor of the page in front.
func (v *meetingsView) openLevel() tea.Cmd {
	switch v.level {
	case levelCommittees:
		c, ok := v.committees.selected()
		if !ok {
			return nil
		}
		v.level = levelMeetings
		key := c.Key
		if key == "" {
			key = c.Name
		}
		if key != v.committee || v.meetings.list == nil {
			v.committee, v.commName = key, c.Name
			v.meetings.reset(key)
			return v.loadMeetings()
		}
	case levelMeetings:
		m, ok := v.meetings.selected()
		if !ok {
			return nil
		}
		v.level = levelItems
		if m.ID != v.meetingID || v.items.meeting == nil {
			v.resetMeeting(m.ID)
			return v.loadMeeting()
		}
	case levelItems:
		v.showItemAt(v.items.cur.cursor)
	case levelItem:
		if id := v.text.selectedRecord(); id != "" {
			return navigate(navMsg{to: viewDetail, recordID: id})
		}
	}
	return nil
}

// upLevel goes back a level; from the committees, back to the view before.
func (v *meetingsView) upLevel() tea.Cmd {
	switch v.level {
	case levelCommittees:
		return goBack
	case levelMeetings:
		v.level = levelCommittees
		v.committees.choose(v.committee)
	case levelItems:
		v.level = levelMeetings
		if v.meetings.list == nil && v.committee != "" {
			return v.loadMeetings()
		}
	case levelItem:
		v.level = levelItems
	}
	return nil
}

func (v *meetingsView) View() string {
	var s string
	crumbs := v.crumbs()
	switch v.level {
	case levelCommittees:
		s = v.committees.view(crumbs)
	case levelMeetings:
		s = v.meetings.view(crumbs)
	case levelItems:
		s = v.items.view(crumbs)
	case levelItem:
		s = v.text.view(crumbs)
	}
	if v.corr.active() {
		return v.corr.view(s)
	}
	if v.form.open {
		return stackForm(s, v.form.view(), v.width, v.height)
	}
	return padLines(s, v.width, v.height)
}

// crumbs is the path to the page in front: Meetings › committee › date › item.
func (v *meetingsView) crumbs() string {
	st := v.sh.styles
	parts := []string{"Meetings"}
	if v.level >= levelMeetings {
		parts = append(parts, shortCommittee(committeeName(v.commName)))
	}
	if v.level >= levelItems {
		d := v.meetingID
		if v.items.meeting != nil {
			d = v.items.meeting.Date.String()
		}
		parts = append(parts, d)
	}
	if v.level == levelItem && v.text.ready() {
		it := v.text.meeting.Items[v.text.item]
		n := oneLine(it.Number)
		if n == "" {
			n = "item " + strconv.Itoa(v.text.item+1)
		}
		parts = append(parts, n)
	}
	return trunc(" "+st.Heading.Render(strings.Join(parts, " › ")), v.width)
}

func (v *meetingsView) ShortHelp() []key.Binding {
	k := v.sh.keys
	if v.form.open || v.corr.capturing() {
		return k.formHelp()
	}
	if v.corr.active() {
		return []key.Binding{k.moveHelp(), withHelp(k.Open, "choose"), withHelp(k.Back, "cancel")}
	}
	switch v.level {
	case levelItem:
		return v.text.help()
	case levelCommittees:
		return []key.Binding{k.moveHelp(), k.Open, withHelp(k.Left, "back")}
	}
	return []key.Binding{k.moveHelp(), k.Open, withHelp(k.Left, "back"), k.Export, k.checkHelp()}
}

func (v *meetingsView) FullHelp() [][]key.Binding {
	k := v.sh.keys
	return [][]key.Binding{
		k.listHelp(),
		{k.Open, k.Left, k.Back, withHelp(k.Export, "export a meeting"), withHelp(k.checkHelp(), "check a meeting's document")},
		{withHelp(k.Select, "select text (an item's page)"), withHelp(k.SentenceNext, "by sentence"), withHelp(k.LineNext, "by line"),
			withHelp(k.ExtendNext, "extend"), k.MakeAction, k.MakeFollowUp, k.MakeResolution},
		{withHelp(k.Kind, "another kind"), withHelp(k.Reject, "not a record (again: restore)"), withHelp(k.Accept, "the parser was right"),
			withHelp(k.EditSpan, "choose its text, then enter"), withHelp(k.EditSelection, "edit its words")},
	}
}

// councilShown is the council of the committee shown, for the title bar;
// every council's on the list of committees.
func (v *meetingsView) councilShown() string {
	if v.level == levelCommittees {
		return allCouncils
	}
	if v.items.meeting != nil && v.level >= levelItems && v.items.meeting.Council != "" {
		return v.items.meeting.Council
	}
	if c := councilNameOf(v.sh, v.committee); c != "" {
		return c
	}
	if c, ok := v.committees.named(v.committee); ok {
		return c.Council
	}
	return ""
}
