package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// The meetings browser's list pages: the committees, one committee's
// meetings, one meeting's items. Each holds its list and what was loaded
// into it, draws itself under the crumbs the browser gives it, and says
// what a key asks for (pageMove); the browser (meetings.go) loads the
// data and moves between the pages.

// pageMove is what a key on a page asks the browser to do.
type pageMove int

const (
	pageStay pageMove = iota
	pageOpen          // open what is under the cursor, a level down
	pageUp            // go back a level
)

// listMove is what a key does on a list page: the list keys move the
// cursor, enter opens, ←/esc goes up.
func listMove(msg tea.KeyMsg, list *scroller, k KeyMap) pageMove {
	if list.handleKey(msg, k) {
		return pageStay
	}
	switch {
	case key.Matches(msg, k.Open):
		return pageOpen
	case key.Matches(msg, k.Back, k.Left):
		return pageUp
	}
	return pageStay
}

// clickMove is what a click does on a list page whose rows start top
// lines down: it selects, and a second click opens.
func clickMove(msg tea.MouseMsg, list *scroller, top int) pageMove {
	if again, ok := list.click(msg, top, 1); ok && again {
		return pageOpen
	}
	return pageStay
}

// committeesPage lists the library's committees.
type committeesPage struct {
	sh            *shared
	width, height int
	list          []index.Committee // nil until loaded
	cur           scroller
	err           error
}

func (p *committeesPage) setSize(w, h int) {
	p.width, p.height = w, h
	p.cur.setHeight(h - 2)
}

// set takes a load's answer, keeping the cursor on committee.
func (p *committeesPage) set(list []index.Committee, err error, committee string) {
	p.err = err
	if err != nil {
		return
	}
	p.list = list
	p.cur.setLen(len(list))
	p.choose(committee)
}

// choose puts the cursor on committee (its key, or its name), if it is
// listed.
func (p *committeesPage) choose(committee string) {
	for i, c := range p.list {
		if c.Key == committee || c.Name == committee && c.Key == "" {
			p.cur.cursor = i
		}
	}
	p.cur.clamp()
}

// selected is the committee under the cursor.
func (p *committeesPage) selected() (index.Committee, bool) {
	if p.cur.cursor < len(p.list) {
		return p.list[p.cur.cursor], true
	}
	return index.Committee{}, false
}

// named is the committee listed with this key (or name), if any.
func (p *committeesPage) named(committee string) (index.Committee, bool) {
	for _, c := range p.list {
		if c.Key == committee || c.Name == committee {
			return c, true
		}
	}
	return index.Committee{}, false
}

func (p *committeesPage) view(crumbs string) string {
	st := p.sh.styles
	var b strings.Builder
	b.WriteString(crumbs + "\n\n")
	switch {
	case p.err != nil:
		b.WriteString(" " + st.Error.Render("Could not load committees: "+oneLine(p.err.Error())))
	case p.list == nil:
		b.WriteString(" " + st.Dim.Render("Loading committees…"))
	case len(p.list) == 0:
		b.WriteString(" " + st.Dim.Render("The library holds no meetings yet. Import minutes with: minutebook import PATH"))
	}
	from, to := p.cur.visible()
	nameW := max(min(p.width-44, 50), 24)
	metaW := p.width - nameW - 5
	for i := from; i < to && i < len(p.list); i++ {
		c := p.list[i]
		meta := plural(c.Meetings, "meeting", "meetings")
		if !c.Last.IsZero() {
			meta += " · last " + c.Last.String()
		}
		switch {
		case p.sh.severalCouncils(): // whose each is comes first
			council := shortCouncil(oneLine(c.Council))
			if council == "" {
				council = "no council"
			}
			// the council is cut, not the count and the date after it
			council = trunc(council, max(metaW-ansi.StringWidth(meta)-3, 6))
			meta = council + " · " + meta
		case c.Council != "" && p.width >= 120:
			meta += " · " + oneLine(c.Council)
		}
		name := committeeName(c.Name)
		if ansi.StringWidth(name) > nameW { // "… Scrutiny" rather than "… Scrutiny Committ…"
			name = shortCommittee(name)
		}
		name = fit(name, nameW)
		if i == p.cur.cursor {
			b.WriteString(st.Cursor.Render("▸ ") + st.Selected.Render(fit(name+"  "+meta, p.width-3)))
		} else {
			b.WriteString("  " + st.Text.Render(name) + "  " + st.Dim.Render(trunc(meta, metaW)))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// meetingListPage lists one committee's meetings, newest first.
type meetingListPage struct {
	sh            *shared
	width, height int
	committee     string
	list          []index.MeetingSummary // nil until loaded
	cur           scroller
	err           error
}

func (p *meetingListPage) setSize(w, h int) {
	p.width, p.height = w, h
	p.cur.setHeight(h - 3)
}

// reset empties the page for another committee.
func (p *meetingListPage) reset(committee string) {
	p.committee, p.list, p.err = committee, nil, nil
	p.cur = scroller{height: p.cur.height}
}

// set takes a load's answer, keeping the cursor on meetingID.
func (p *meetingListPage) set(list []index.MeetingSummary, err error, meetingID string) {
	p.err = err
	if err != nil {
		return
	}
	p.list = list
	p.cur.setLen(len(list))
	for i, m := range list {
		if m.ID == meetingID {
			p.cur.cursor = i
		}
	}
	p.cur.clamp()
}

// selected is the meeting under the cursor.
func (p *meetingListPage) selected() (index.MeetingSummary, bool) {
	if p.cur.cursor < len(p.list) {
		return p.list[p.cur.cursor], true
	}
	return index.MeetingSummary{}, false
}

func (p *meetingListPage) view(crumbs string) string {
	st := p.sh.styles
	var b strings.Builder
	b.WriteString(crumbs + "\n")
	b.WriteString(st.ColumnHead.Render(trunc("  "+fit("DATE", 10)+"  "+fit("ITEMS", 5)+"  "+fit("RECORDS", 7)+"  SOURCE", p.width)) + "\n")
	switch {
	case p.err != nil:
		b.WriteString(" " + st.Error.Render("Could not load meetings: "+oneLine(p.err.Error())))
	case p.list == nil:
		b.WriteString(" " + st.Dim.Render("Loading meetings…"))
	}
	from, to := p.cur.visible()
	for i := from; i < to && i < len(p.list); i++ {
		m := p.list[i]
		src := oneLine(m.SourceName)
		if m.Sample {
			src += " (sample)"
		}
		line := fit(m.Date.String(), 10) + "  " + fit(strconv.Itoa(m.Items), 5) + "  " + fit(strconv.Itoa(m.Records), 7) + "  "
		if i == p.cur.cursor {
			b.WriteString(st.Cursor.Render("▸ ") + st.Selected.Render(fit(line+src, p.width-3)))
		} else {
			b.WriteString("  " + st.Text.Render(line) + st.Dim.Render(trunc(src, max(p.width-30, 1))))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// itemsPage lists one meeting's items, under the meeting's heading.
type itemsPage struct {
	sh            *shared
	width, height int
	meetingID     string
	meeting       *index.MeetingDetail // nil until loaded
	cur           scroller
	err           error
}

// itemsHead is the lines above the items: the crumbs, two lines about
// the meeting and a blank one.
const itemsHead = 4

func (p *itemsPage) setSize(w, h int) {
	p.width, p.height = w, h
	p.cur.setHeight(h - itemsHead)
}

// reset empties the page for another meeting.
func (p *itemsPage) reset(meetingID string) {
	p.meetingID, p.meeting, p.err = meetingID, nil, nil
	p.cur = scroller{height: p.cur.height}
}

// set takes a load's answer.
func (p *itemsPage) set(m *index.MeetingDetail, err error) {
	p.err = err
	if err != nil {
		return
	}
	p.meeting = m
	p.cur.setLen(len(m.Items))
}

// find returns the index of the item w names, if the meeting has it.
func (p *itemsPage) find(w itemWant) (int, bool) {
	if p.meeting == nil {
		return 0, false
	}
	for i, it := range p.meeting.Items {
		if (w.id != "" && it.ID == w.id) || (w.id == "" && w.minute != "" && it.Number == w.minute) {
			return i, true
		}
	}
	return 0, false
}

// itemWant names an item to show once its meeting is loaded, and a record
// of it whose text to choose (span: its ID).
type itemWant struct{ id, minute, span string }

func (w itemWant) any() bool { return w.id != "" || w.minute != "" }

func (p *itemsPage) view(crumbs string) string {
	st := p.sh.styles
	var b strings.Builder
	b.WriteString(crumbs + "\n")
	switch {
	case p.err != nil:
		b.WriteString(" " + st.Error.Render("Could not load the meeting: "+oneLine(p.err.Error())))
		return b.String()
	case p.meeting == nil:
		b.WriteString(" " + st.Dim.Render("Loading the meeting…"))
		return b.String()
	}
	b.WriteString(p.meetingHead())
	b.WriteByte('\n')
	from, to := p.cur.visible()
	numW, countW := 6, 9
	titleW := max(p.width-numW-countW-6, 10)
	for i := from; i < to && i < len(p.meeting.Items); i++ {
		it := p.meeting.Items[i]
		num := fit(oneLine(it.Number), numW)
		counts := fit(recordCounts(it.Records), countW)
		title := oneLine(it.Title)
		if it.Exempt {
			title += " (exempt)"
		}
		title = fit(title, titleW)
		if i == p.cur.cursor {
			b.WriteString(st.Cursor.Render("▸ ") + st.Selected.Render(num+" "+counts+" "+title))
		} else {
			b.WriteString("  " + st.Dim.Render(num) + " " + st.Kind("action").Render(counts) + " " + st.Text.Render(title))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func (v *itemsPage) meetingHead() string {
	st := v.sh.styles
	m := v.meeting
	l1 := committeeName(m.Committee)
	if m.Council != "" {
		l1 = oneLine(m.Council) + " · " + l1
	}
	l1 += " · " + m.Date.String()
	if m.Start != "" {
		l1 += " " + oneLine(m.Start)
		if m.End != "" {
			l1 += "–" + oneLine(m.End)
		}
	}
	a := m.Attendance
	var l2 []string
	if a.Chair != "" {
		l2 = append(l2, "Chair "+oneLine(a.Chair))
	}
	l2 = append(l2, plural(presentCount(a), "member present", "members present"))
	if len(a.Apologies) > 0 {
		l2 = append(l2, "apologies: "+oneLine(strings.Join(a.Apologies, ", ")))
	}
	if !m.NextMeeting.IsZero() {
		l2 = append(l2, "next meeting "+m.NextMeeting.String())
	}
	if len(m.Warnings) > 0 {
		l2 = append(l2, plural(len(m.Warnings), "parser warning", "parser warnings"))
	}
	return trunc(" "+st.Text.Render(l1), v.width) + "\n" + trunc(" "+st.Dim.Render(strings.Join(l2, " · ")), v.width) + "\n"
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// recordCounts is "2R 1A 1F": how many resolutions, actions and
// follow-ups an item has.
func recordCounts(recs []index.Record) string {
	var r, a, f int
	for _, rec := range recs {
		switch rec.Kind {
		case minutes.KindAction:
			a++
		case minutes.KindFollowUp:
			f++
		default:
			r++
		}
	}
	var parts []string
	for _, p := range []struct {
		n int
		s string
	}{{r, "R"}, {a, "A"}, {f, "F"}} {
		if p.n > 0 {
			parts = append(parts, strconv.Itoa(p.n)+p.s)
		}
	}
	return strings.Join(parts, " ")
}

// presentCount is the number of members present. The chair is listed in
// Present too; meetings parsed before that was so list them apart.
func presentCount(a minutes.Attendance) int {
	n := len(a.Present)
	if a.Chair != "" {
		found := false
		for _, p := range a.Present {
			found = found || strings.EqualFold(p, a.Chair)
		}
		if !found {
			n++
		}
	}
	return n
}
