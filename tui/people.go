package tui

import (
	"context"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// The people view (4): everyone the minutes name — in attendance lists,
// as owners and in declarations — with their open and overdue records;
// enter opens a person's page: their open actions and follow-ups (enter
// opens one), declarations of interest and attendance at each meeting
// (enter opens the meeting). O on a record anywhere opens its owner's
// page; b on a page shows the due board narrowed to the person. The
// library works the people out (index/people.go); this view only shows
// them.

// peopleLibrary is what the people view needs of the library.
type peopleLibrary interface {
	People(ctx context.Context, q index.PeopleQuery) ([]index.Person, error)
	Person(ctx context.Context, name string, asOf minutes.Date) (*index.PersonDetail, error)
	RecordOwners(ctx context.Context, recs []index.Record) (map[string][]string, error)
}

// peopleLoadedMsg is the people list.
type peopleLoadedMsg struct {
	seq  int
	list []index.Person
	err  error
}

// personLoadedMsg is one person's page.
type personLoadedMsg struct {
	seq    int
	detail *index.PersonDetail
	err    error
}

// ownersFoundMsg is who a record's owner names, for O.
type ownersFoundMsg struct {
	seq   int
	id    string
	owner string
	names []string
	err   error
}

// peopleSort is the list's order.
type peopleSort int

const (
	peopleByName peopleSort = iota // people first, then roles, by name (the library's order)
	peopleByOpen                   // most open records first
	peopleByLate                   // most overdue and slipped first
	peopleSorts
)

var peopleSortNames = [...]string{"name", "open records", "overdue"}

// personLine is one line of a person's page below its heading: a section
// heading, a record, a declaration or a meeting attended.
type personLine struct {
	heading bool
	rec     int // index into detail.Records, or -1
	decl    int // index into detail.Declarations, or -1
	att     int // index into detail.Attendance, or -1
}

type peopleView struct {
	sh            *shared
	lib           peopleLibrary
	width, height int
	stale         bool

	seq    int
	list   []index.Person // as the library gave them
	loaded bool
	err    error
	order  peopleSort
	rows   []int    // indexes into list, as shown
	only   []string // narrowed to these names (the owners of record onlyFor)
	onlyOf string
	cur    scroller
	find   prompt // f: the names typed narrow the list as they are typed
	query  string // what find narrows to

	// The person's page; page is false on the list.
	page     bool
	jumped   bool // the page was opened from another view: esc goes back there
	name     string
	pSeq     int
	detail   *index.PersonDetail
	perr     error
	lines    []personLine
	minuteW  int // the page's column of minute numbers: its widest, from 5 up to maxMinuteW
	pcur     scroller
	oSeq     int
	keepLine int // the cursor's line on the page, kept across a reload
}

func newPeopleView(sh *shared, lib peopleLibrary) *peopleView {
	v := &peopleView{sh: sh, lib: lib, stale: true, find: newPrompt(sh)}
	v.pcur.selectable = func(i int) bool { return i < len(v.lines) && !v.lines[i].heading }
	return v
}

// pageHead is the lines above the list on each page: the heading and a
// blank line on the list (then the column names); the name, what else
// the person is called and their committees on a person's page.
const (
	peopleListHead = 3
	personHead     = 3
)

func (v *peopleView) SetSize(w, h int) {
	v.width, v.height = w, h
	v.find.setWidth(w)
	v.cur.setHeight(v.listHeight())
	v.pcur.setHeight(h - personHead)
}

// listHeight is the rows of the list: below its heading, above the find
// prompt when it is open.
func (v *peopleView) listHeight() int {
	h := v.height - peopleListHead
	if v.find.open && !v.page {
		h -= v.find.lines()
	}
	return max(h, 1)
}

func (v *peopleView) Capturing() bool { return v.find.open && !v.page }

// Activate loads the list, and the page shown, when they have not been
// loaded or the library changed.
func (v *peopleView) Activate() tea.Cmd {
	if !v.stale {
		return nil
	}
	v.stale = false
	cmds := []tea.Cmd{v.loadList()}
	if v.page && v.name != "" {
		cmds = append(cmds, v.loadPerson())
	}
	return tea.Batch(cmds...)
}

func (v *peopleView) loadList() tea.Cmd {
	v.seq++
	seq, lib, asOf := v.seq, v.lib, v.sh.asOf
	return v.sh.cmdFor(viewPeople, func(ctx context.Context) tea.Msg {
		list, err := lib.People(ctx, index.PeopleQuery{AsOf: asOf})
		return peopleLoadedMsg{seq: seq, list: list, err: err}
	})
}

func (v *peopleView) loadPerson() tea.Cmd {
	v.pSeq++
	seq, lib, name, asOf := v.pSeq, v.lib, v.name, v.sh.asOf
	return v.sh.cmdFor(viewPeople, func(ctx context.Context) tea.Msg {
		d, err := lib.Person(ctx, name, asOf)
		return personLoadedMsg{seq: seq, detail: d, err: err}
	})
}

// openPerson shows the page of the person name (as the list gives it).
func (v *peopleView) openPerson(name string) tea.Cmd {
	if name != v.name || v.detail == nil {
		v.detail, v.perr, v.lines, v.keepLine = nil, nil, nil, 0
		v.pcur.setLen(0)
		v.pcur.top()
	}
	v.page, v.name = true, name
	return v.loadPerson()
}

// open is the root's navigation to the view: a person's page, a
// record's owner's page, or the list.
func (v *peopleView) open(msg navMsg) tea.Cmd {
	var cmds []tea.Cmd
	if v.list == nil || v.stale {
		v.stale = false
		cmds = append(cmds, v.loadList())
	}
	switch {
	case msg.ownersOf != nil:
		v.oSeq++
		seq, lib, rec := v.oSeq, v.lib, *msg.ownersOf
		cmds = append(cmds, v.sh.cmdFor(viewPeople, func(ctx context.Context) tea.Msg {
			owners, err := lib.RecordOwners(ctx, []index.Record{rec})
			return ownersFoundMsg{seq: seq, id: rec.ID, owner: rec.Owner, names: owners[rec.ID], err: err}
		}))
	case msg.person != "":
		v.jumped = true
		cmds = append(cmds, v.openPerson(msg.person))
	default:
		return tea.Batch(append(cmds, v.Activate())...)
	}
	return tea.Batch(cmds...)
}

func (v *peopleView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case peopleLoadedMsg:
		if msg.seq == v.seq {
			v.err = msg.err
			if msg.err == nil {
				keep := v.selectedName()
				v.list, v.loaded = msg.list, true
				v.setRows(keep)
			}
		}
	case personLoadedMsg:
		if msg.seq == v.pSeq {
			v.perr = msg.err
			if msg.err == nil {
				v.setPage(msg.detail)
			}
		}
	case ownersFoundMsg:
		if msg.seq == v.oSeq {
			return v.ownersFound(msg)
		}
	case tea.KeyMsg:
		if v.find.open && !v.page {
			return v.findKey(msg)
		}
		if v.page {
			return v.pageKey(msg)
		}
		return v.listKey(msg)
	case libraryChangedMsg, asOfChangedMsg:
		v.stale = true
	case tea.MouseMsg:
		return v.mouse(msg)
	}
	return nil
}

// findKey types into the find prompt: the list narrows as the name is
// typed; enter keeps it narrowed (esc on the list widens it again), esc
// closes the prompt and widens it now.
func (v *peopleView) findKey(msg tea.KeyMsg) tea.Cmd {
	res := v.find.update(msg)
	switch {
	case res.cancelled:
		v.query = ""
	case res.submitted:
		v.query = strings.TrimSpace(res.value)
		v.find.close()
	default:
		v.query = v.find.input.Value()
	}
	v.cur.setHeight(v.listHeight())
	v.setRows(v.selectedName())
	if res.submitted && len(v.rows) == 1 { // one fits: their page
		v.jumped = false
		return v.openPerson(v.list[v.rows[0]].Name)
	}
	return res.cmd
}

// ownersFound opens the page of a record's owner: at once when the owner
// names one person, else the list narrowed to the people it names.
func (v *peopleView) ownersFound(msg ownersFoundMsg) tea.Cmd {
	switch {
	case msg.err != nil:
		v.page = false
		return flash("Could not find the owner of " + msg.id + ": " + msg.err.Error())
	case len(msg.names) == 1:
		v.jumped = true
		return v.openPerson(msg.names[0])
	case len(msg.names) == 0:
		v.page, v.only, v.onlyOf = false, nil, ""
		v.setRows("")
		if strings.TrimSpace(msg.owner) == "" {
			return flash(msg.id + " names no owner: o on the record sets one")
		}
		return flash(msg.id + "'s owner, " + oneLine(msg.owner) + ", is not a name or a role minutebook knows")
	}
	v.page = false
	v.only, v.onlyOf = msg.names, msg.id
	v.setRows("")
	v.cur.top()
	return nil
}

// setRows puts the list in the chosen order, narrowed to only, keeping
// the cursor on the person keep.
func (v *peopleView) setRows(keep string) {
	v.rows = v.rows[:0]
	want := map[string]bool{}
	for _, n := range v.only {
		want[n] = true
	}
	q := minutes.PersonKey(v.query)
	for i, p := range v.list {
		if (len(want) == 0 || want[p.Name]) && (q == "" || nameHas(&p, q)) {
			v.rows = append(v.rows, i)
		}
	}
	by := func(n func(p *index.Person) int) {
		sort.SliceStable(v.rows, func(a, b int) bool { return n(&v.list[v.rows[a]]) > n(&v.list[v.rows[b]]) })
	}
	switch v.order {
	case peopleByOpen:
		by(func(p *index.Person) int { return p.Open })
	case peopleByLate:
		by(func(p *index.Person) int { return p.Overdue*1_000_000 + p.Open })
	}
	v.cur.setLen(len(v.rows))
	if keep != "" {
		for i, r := range v.rows {
			if v.list[r].Name == keep {
				v.cur.cursor = i
			}
		}
	}
	v.cur.clamp()
}

// nameHas reports whether a person's name or one of their spellings
// holds the folded text q.
func nameHas(p *index.Person, q string) bool {
	if strings.Contains(minutes.PersonKey(p.Name), q) {
		return true
	}
	for _, a := range p.Aliases {
		if strings.Contains(minutes.PersonKey(a), q) {
			return true
		}
	}
	return false
}

// selectedName is the person under the list's cursor, "" when none.
func (v *peopleView) selectedName() string {
	if v.cur.cursor < len(v.rows) && v.rows[v.cur.cursor] < len(v.list) {
		return v.list[v.rows[v.cur.cursor]].Name
	}
	return ""
}

// setPage lays a person's page out in lines: open records, declarations,
// attendance, each under a heading.
func (v *peopleView) setPage(d *index.PersonDetail) {
	keep := v.pcur.cursor
	if v.detail == nil || d == nil || v.detail.Name != d.Name {
		keep = 0
	}
	v.detail = d
	v.lines = v.lines[:0]
	v.minuteW = 5
	if d != nil {
		v.minuteW = max(minuteWidth(d.Records), 5)
		v.lines = append(v.lines, personLine{heading: true, rec: -1, decl: -1, att: -1})
		for i := range d.Records {
			v.lines = append(v.lines, personLine{rec: i, decl: -1, att: -1})
		}
		if len(d.Declarations) > 0 {
			v.lines = append(v.lines, personLine{heading: true, rec: -1, decl: -1, att: -1})
			for i := range d.Declarations {
				v.lines = append(v.lines, personLine{rec: -1, decl: i, att: -1})
			}
		}
		if len(d.Attendance) > 0 {
			v.lines = append(v.lines, personLine{heading: true, rec: -1, decl: -1, att: -1})
			for i := len(d.Attendance) - 1; i >= 0; i-- { // the latest meeting first
				v.lines = append(v.lines, personLine{rec: -1, decl: -1, att: i})
			}
		}
	}
	v.pcur.setLen(len(v.lines))
	v.pcur.cursor = keep
	v.pcur.clamp()
	if keep == 0 {
		v.pcur.offset = 0 // show the first heading
	}
}

func (v *peopleView) listKey(msg tea.KeyMsg) tea.Cmd {
	k := v.sh.keys
	if v.cur.handleKey(msg, k) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Open):
		if n := v.selectedName(); n != "" {
			v.jumped = false
			return v.openPerson(n)
		}
	case key.Matches(msg, k.Sort):
		v.order = (v.order + 1) % peopleSorts
		v.setRows(v.selectedName())
		v.cur.top()
	case key.Matches(msg, k.FindPerson):
		cmd := v.find.start(0, "Find: ", v.query, "part of a name or a role · the list narrows as you type") // the help bar has the keys
		v.cur.setHeight(v.listHeight())
		return cmd
	case key.Matches(msg, k.Back) && v.query != "":
		v.query = ""
		v.setRows(v.selectedName())
		return nil
	case key.Matches(msg, k.Back):
		if v.only != nil { // the owners of a record, reached by O: back to it
			v.only, v.onlyOf = nil, ""
			v.setRows(v.selectedName())
		}
		return goBack
	}
	return nil
}

func (v *peopleView) pageKey(msg tea.KeyMsg) tea.Cmd {
	k := v.sh.keys
	if v.pcur.handleKey(msg, k) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Back, k.Left):
		v.page = false
		v.setRows(v.name)
		if v.jumped {
			v.jumped = false
			return goBack
		}
	case key.Matches(msg, k.Open):
		return v.openLine()
	case key.Matches(msg, k.OnBoard):
		if v.detail != nil {
			return navigate(navMsg{to: viewDue, person: v.detail.Name})
		}
	}
	return nil
}

// openLine opens what the line under the cursor is about: a record in
// the detail view, a declaration's item or an attended meeting in the
// meetings browser.
func (v *peopleView) openLine() tea.Cmd {
	d := v.detail
	if d == nil || v.pcur.cursor >= len(v.lines) {
		return nil
	}
	l := v.lines[v.pcur.cursor]
	switch {
	case l.rec >= 0 && l.rec < len(d.Records):
		return navigate(navMsg{to: viewDetail, recordID: d.Records[l.rec].ID})
	case l.decl >= 0 && l.decl < len(d.Declarations):
		dc := d.Declarations[l.decl]
		return navigate(navMsg{to: viewMeetings, committee: dc.Committee, meetingID: dc.MeetingID, itemID: dc.ItemID})
	case l.att >= 0 && l.att < len(d.Attendance):
		a := d.Attendance[l.att]
		return navigate(navMsg{to: viewMeetings, committee: a.Committee, meetingID: a.MeetingID})
	}
	return nil
}

func (v *peopleView) mouse(msg tea.MouseMsg) tea.Cmd {
	if v.page {
		if d := wheel(msg); d != 0 {
			v.pcur.move(d)
		} else if again, ok := v.pcur.click(msg, personHead, 1); ok && again {
			return v.openLine()
		}
		return nil
	}
	if d := wheel(msg); d != 0 {
		v.cur.move(d)
	} else if again, ok := v.cur.click(msg, peopleListHead, 1); ok && again {
		if n := v.selectedName(); n != "" {
			v.jumped = false
			return v.openPerson(n)
		}
	}
	return nil
}

func (v *peopleView) ShortHelp() []key.Binding {
	k := v.sh.keys
	if v.page {
		return []key.Binding{k.Open, k.OnBoard, k.moveHelp(), withHelp(k.Back, "people")}
	}
	if v.find.open {
		return []key.Binding{withHelp(k.Submit, "keep"), withHelp(k.Cancel, "everyone"), k.ClearInput}
	}
	return []key.Binding{withHelp(k.Open, "their records"), k.FindPerson, k.Sort, k.moveHelp(), k.Back}
}

func (v *peopleView) FullHelp() [][]key.Binding {
	k := v.sh.keys
	return [][]key.Binding{
		k.listHelp(),
		{withHelp(k.Open, "a person's records; on their page, the record or meeting"), k.FindPerson, k.Sort, k.OnBoard, withHelp(k.Back, "back to the list")},
	}
}

func (v *peopleView) View() string {
	if v.page {
		return padLines(v.pageView(), v.width, v.height)
	}
	if v.find.open {
		return stackForm(v.listView(), v.find.view(), v.width, v.height)
	}
	return padLines(v.listView(), v.width, v.height)
}

// peopleCols are the list's column widths at one window width.
type peopleCols struct{ name, kind, open, late, meetings, committees int }

func peopleLayout(w int) peopleCols {
	c := peopleCols{kind: 6, open: 4, late: 4, meetings: 4}
	if w >= 110 {
		c.open, c.late, c.meetings = 5, 5, 8
	}
	fixed := 2 + c.kind + 1 + c.open + 1 + c.late + 1 + c.meetings + 1
	flex := max(w-fixed, 0)
	c.name = min(max(flex*2/5, 14), 32)
	c.committees = max(flex-c.name-1, 0)
	return c
}

func (v *peopleView) listView() string {
	st := v.sh.styles
	var b strings.Builder
	head := " People"
	if v.only != nil {
		head += " — the owners of " + v.onlyOf
	} else if v.loaded {
		persons, roles := 0, 0
		for _, p := range v.list {
			if p.Role {
				roles++
			} else {
				persons++
			}
		}
		head += " — " + plural(persons, "person", "people") + " and " + plural(roles, "role", "roles") + " the minutes name"
	}
	line := st.Heading.Render(head)
	if v.query != "" {
		line += st.Dim.Render(" · ") + st.ChipActive.Render("matching "+strings.TrimSpace(oneLine(v.query)))
	}
	if v.order != peopleByName {
		line += st.Dim.Render(" · by " + peopleSortNames[v.order])
	}
	if v.err != nil && v.loaded {
		line += " " + st.Error.Render("(reload failed: "+oneLine(v.err.Error())+")")
	}
	b.WriteString(trunc(line, v.width) + "\n\n")
	c := peopleLayout(v.width)
	meetings := "MTGS"
	if c.meetings >= 8 {
		meetings = "MEETINGS"
	}
	cols := "  " + fit("NAME", c.name) + " " + fit("KIND", c.kind) + " " + fitRight("OPEN", c.open) + " " +
		fitRight("LATE", c.late) + " " + fitRight(meetings, c.meetings) + " " + fit("COMMITTEES", c.committees)
	b.WriteString(st.ColumnHead.Render(trunc(cols, v.width)) + "\n")
	switch {
	case v.err != nil && !v.loaded:
		b.WriteString(st.Error.Render(trunc(" Could not list the people: "+oneLine(v.err.Error()), v.width)))
		return b.String()
	case !v.loaded:
		b.WriteString(st.Dim.Render(" Loading the people…"))
		return b.String()
	case len(v.rows) == 0 && v.query != "":
		b.WriteString(st.Dim.Render(trunc(" No name holds \""+oneLine(v.query)+"\" · esc shows everyone.", v.width)))
		return b.String()
	case len(v.rows) == 0:
		b.WriteString(st.Dim.Render(trunc(" No one yet: the people come from the minutes' attendance lists, owners and declarations.", v.width)))
		return b.String()
	}
	from, to := v.cur.visible()
	for i := from; i < to && i < len(v.rows); i++ {
		p := v.list[v.rows[i]]
		kind := "person"
		if p.Role {
			kind = "role"
		}
		name, cells := fit(oneLine(p.Name), c.name), " "+fit(kind, c.kind)+" "+fitRight(thousands(p.Open), c.open)+" "
		late := fitRight(thousands(p.Overdue), c.late)
		rest := " " + fitRight(thousands(p.Meetings), c.meetings) + " " + fit(committeesText(p.Committees), c.committees)
		if i == v.cur.cursor {
			b.WriteString(trunc(st.Cursor.Render("▸ ")+st.Selected.Render(fit(name+cells+late+rest, v.width-2)), v.width))
		} else {
			lateStyle := st.Dim
			if p.Overdue > 0 {
				lateStyle = st.Flag(index.FlagOverdue)
			}
			b.WriteString(trunc("  "+st.Text.Render(name)+st.Dim.Render(cells)+lateStyle.Render(late)+st.Dim.Render(rest), v.width))
		}
		if i < to-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// committeesText is the list's COMMITTEES cell: the names shortened
// ("Overview & Scrutiny"), and one whose minutes name none said so
// rather than left as a blank before a "; ".
func committeesText(cs []string) string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = shortCommittee(committeeName(c))
	}
	return strings.Join(out, "; ")
}

// fitRight is fit with the text to the right.
func fitRight(s string, w int) string {
	s = fit(s, w)
	t := strings.TrimRight(s, " ")
	return strings.Repeat(" ", len(s)-len(t)) + t
}

func (v *peopleView) pageView() string {
	st := v.sh.styles
	var b strings.Builder
	d := v.detail
	switch {
	case d == nil && v.perr != nil:
		b.WriteString(st.Heading.Render(trunc(" "+oneLine(v.name), v.width)) + "\n\n")
		b.WriteString(st.Error.Render(trunc(" "+oneLine(v.perr.Error()), v.width)))
		return b.String()
	case d == nil:
		b.WriteString(st.Heading.Render(trunc(" "+oneLine(v.name), v.width)) + "\n\n")
		b.WriteString(st.Dim.Render(" Loading…"))
		return b.String()
	}
	kind := "person"
	if d.Role {
		kind = "role"
	}
	title := st.Heading.Render(" "+oneLine(d.Name)) + st.Dim.Render(" · "+kind)
	if len(d.Councils) > 0 {
		title += st.Dim.Render(" · " + oneLine(strings.Join(d.Councils, "; ")))
	}
	b.WriteString(trunc(title, v.width) + "\n")
	var about []string
	if len(d.Aliases) > 0 {
		about = append(about, "also written "+strings.Join(d.Aliases, ", "))
	}
	if len(d.Committees) > 0 {
		about = append(about, "sits on "+strings.Join(d.Committees, "; "))
	}
	if len(about) == 0 {
		about = append(about, "b shows the due board narrowed to them")
	}
	b.WriteString(st.Dim.Render(trunc(" "+oneLine(strings.Join(about, " · ")), v.width)) + "\n")
	if v.perr != nil {
		b.WriteString(st.Error.Render(trunc(" Reload failed: "+oneLine(v.perr.Error()), v.width)))
	}
	b.WriteByte('\n')
	from, to := v.pcur.visible()
	for i := from; i < to && i < len(v.lines); i++ {
		l := v.lines[i]
		var line string
		switch {
		case l.heading:
			line = v.sectionHeading(i)
		case i == v.pcur.cursor:
			line = trunc(st.Cursor.Render("▸ ")+st.Selected.Render(fit(v.linePlain(l), v.width-2)), v.width)
		default:
			line = trunc("  "+v.lineStyled(l), v.width)
		}
		b.WriteString(line)
		if i < to-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// sectionHeading is the heading at line i: which section it starts.
func (v *peopleView) sectionHeading(i int) string {
	st := v.sh.styles
	d := v.detail
	next := personLine{rec: -1, decl: -1, att: -1}
	if i+1 < len(v.lines) {
		next = v.lines[i+1]
	}
	var label string
	colour := st.Heading
	switch {
	case next.decl >= 0:
		label = "DECLARATIONS OF INTEREST (" + thousands(len(d.Declarations)) + ")"
	case next.att >= 0:
		counts := map[string]int{}
		for _, a := range d.Attendance {
			counts[attendedAs(a.As)]++
		}
		var parts []string
		for _, as := range []string{"present", "apologies", "absent", "in attendance"} {
			if n := counts[as]; n > 0 {
				parts = append(parts, as+" "+thousands(n)) // "apologies 1", not "1 apologies"
			}
		}
		label = "ATTENDANCE (" + plural(len(d.Attendance), "meeting", "meetings")
		if len(parts) > 0 {
			label += ": " + strings.Join(parts, ", ")
		}
		label += ")"
	default:
		label = "OPEN ACTIONS AND FOLLOW-UPS (" + thousands(d.Open)
		if d.Overdue > 0 {
			label += ", " + thousands(d.Overdue) + " overdue or slipped"
			colour = st.Flag(index.FlagOverdue)
		}
		label += ")"
		if len(d.Records) == 0 {
			label += " · none"
		}
	}
	label = " " + label + " "
	rule := max(v.width-len([]rune(label))-2, 0)
	return colour.Render(trunc("─"+label, v.width)) + st.Faint.Render(strings.Repeat("─", rule))
}

// attendedAs is how an attendance counts: the chair and substitutes were
// present.
func attendedAs(as string) string {
	switch as {
	case "chair", "substitute":
		return "present"
	}
	return as
}

// attendedText is what a page line says of a meeting after its badge,
// date and committee's initials: how they attended when the badge does
// not say it (chair, substitute), the committee's name in full and the
// meeting's ID.
func attendedText(a index.Attended) string {
	var parts []string
	if as := oneLine(a.As); as != attendedAs(as) {
		parts = append(parts, as)
	}
	if c := shortCommittee(oneLine(a.Committee)); c != "" {
		parts = append(parts, c)
	}
	return strings.Join(append(parts, oneLine(a.MeetingID)), " · ")
}

// attendedBadge is the page's mark for how a person was at a meeting.
func attendedBadge(as string) string {
	switch attendedAs(as) {
	case "present":
		return "PRESENT"
	case "apologies":
		return "APOLOGIES"
	case "absent":
		return "ABSENT"
	}
	return "ATTENDED" // in attendance: an officer or a guest
}

// lineCols are the widths of a page line's columns.
func (v *peopleView) lineCols() (badge, date, committee int) {
	badge, date, committee = 9, 10, 14
	if v.width < 90 {
		committee = 10
	}
	return
}

// lineParts are the columns of a page line, plain.
func (v *peopleView) lineParts(l personLine) (badge, date, committee, text string, flag index.Flag) {
	d := v.detail
	bw, dw, cw := v.lineCols()
	switch {
	case l.rec >= 0 && l.rec < len(d.Records):
		r := &d.Records[l.rec]
		flag = rowFlag(r)
		return fit(recordBadge(r), bw), fit(dueCell(r), dw), fit(committeeLabel(r.Committee, cw), cw),
			fit(oneLine(r.Minute), v.minuteW) + " " + oneLine(r.Text), flag
	case l.decl >= 0 && l.decl < len(d.Declarations):
		dc := d.Declarations[l.decl]
		what := oneLine(dc.Interest)
		if what == "" {
			what = "interest"
		}
		text = "item " + oneLine(dc.Items) + " · " + what
		if t := oneLine(dc.Text); t != "" {
			text += ": " + t
		}
		return fit("DECLARED", bw), fit(dc.Date.String(), dw), fit(committeeLabel(dc.Committee, cw), cw), text, ""
	case l.att >= 0 && l.att < len(d.Attendance):
		a := d.Attendance[l.att]
		return fit(attendedBadge(a.As), bw), fit(a.Date.String(), dw), fit(committeeLabel(a.Committee, cw), cw), attendedText(a), ""
	}
	return "", "", "", "", ""
}

func (v *peopleView) linePlain(l personLine) string {
	badge, date, committee, text, _ := v.lineParts(l)
	return badge + " " + date + " " + committee + " " + text
}

func (v *peopleView) lineStyled(l personLine) string {
	st := v.sh.styles
	badge, date, committee, text, flag := v.lineParts(l)
	bs := st.Dim
	switch {
	case flag != "":
		bs = st.Flag(flag)
	case l.att >= 0 && strings.HasPrefix(badge, "PRESENT"):
		bs = st.OK
	case l.att >= 0 && strings.HasPrefix(badge, "ABSENT"):
		bs = st.Flag(index.FlagOverdue)
	}
	return bs.Render(badge) + " " + st.Dim.Render(date+" "+committee+" ") + st.Text.Render(text)
}
