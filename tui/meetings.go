package tui

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// The meetings browser: committees → meetings → items → one item's text
// with its resolutions, actions and follow-ups marked where they stand.

type meetLevel int

const (
	levelCommittees meetLevel = iota
	levelMeetings
	levelItems
	levelItem
)

type meetingsView struct {
	sh            *shared
	width, height int
	level         meetLevel
	stale         bool

	committees []index.Committee
	cList      scroller
	cSeq       int
	cErr       error

	committee string
	meetings  []index.MeetingSummary
	mList     scroller
	mSeq      int
	mErr      error

	meetingID string
	meeting   *index.MeetingDetail
	iList     scroller
	dSeq      int
	dErr      error
	want      itemWant // open this item when the meeting arrives
	jumped    bool     // opened from another view: esc goes back there

	// the item shown at levelItem
	item     int
	recSel   int // the selected record, -1 when none
	lines    []string
	recLine  []int // the line each record's mark (or list entry) is on
	order    []int // the records in the order they stand in the text
	scroll   int
	linesFor [3]int // item, selection and width the lines were made for

	// The export form (E) for one meeting.
	exporting bool
	exportFor index.MeetingSummary
	input     textinput.Model
	formErr   string
}

func newMeetingsView(sh *shared) *meetingsView {
	return &meetingsView{sh: sh, stale: true, recSel: -1, input: newInput(sh, "Export to: ")}
}

func (v *meetingsView) SetSize(w, h int) {
	v.width, v.height = w, h
	v.cList.setHeight(h - 2)
	v.mList.setHeight(h - 3)
	v.iList.setHeight(h - 2 - v.meetingHeadHeight())
	v.clampScroll()
	v.input.Width = max(w-20, 10)
}

func (v *meetingsView) Capturing() bool { return v.exporting }

// Activate loads what the current level shows, when it has not been
// loaded or the library changed.
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
	seq, api := v.cSeq, v.sh.api
	return v.sh.cmd(func(ctx context.Context) tea.Msg {
		list, err := api.Committees(ctx)
		return committeesMsg{to: viewMeetings, seq: seq, list: list, err: err}
	})
}

func (v *meetingsView) loadMeetings() tea.Cmd {
	v.mSeq++
	seq, api, c := v.mSeq, v.sh.api, v.committee
	return v.sh.cmd(func(ctx context.Context) tea.Msg {
		list, err := api.Meetings(ctx, c)
		return meetingsLoadedMsg{seq: seq, committee: c, list: list, err: err}
	})
}

func (v *meetingsView) loadMeeting() tea.Cmd {
	v.dSeq++
	seq, api, id := v.dSeq, v.sh.api, v.meetingID
	return v.sh.cmd(func(ctx context.Context) tea.Msg {
		d, err := api.Meeting(ctx, id)
		return meetingLoadedMsg{seq: seq, detail: d, err: err}
	})
}

// openMeeting shows a meeting, at one item when the message names one
// (by ID, from a search hit; by minute number, from a returned
// follow-up's later item).
func (v *meetingsView) openMeeting(nav navMsg) tea.Cmd {
	var cmds []tea.Cmd
	if nav.committee != "" && nav.committee != v.committee {
		v.committee = nav.committee
		v.meetings = nil
		cmds = append(cmds, v.loadMeetings())
	}
	want := itemWant{id: nav.itemID, minute: nav.minute}
	if nav.meetingID != v.meetingID || v.meeting == nil {
		v.meetingID, v.meeting = nav.meetingID, nil
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
	if v.committees == nil {
		cmds = append(cmds, v.loadCommittees())
	}
	v.stale = false
	return tea.Batch(cmds...)
}

// itemWant names an item to show once its meeting is loaded.
type itemWant struct{ id, minute string }

func (w itemWant) any() bool { return w.id != "" || w.minute != "" }

func (v *meetingsView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case committeesMsg:
		if msg.to == viewMeetings && msg.seq == v.cSeq {
			v.cErr = msg.err
			if msg.err == nil {
				v.committees = msg.list
				v.cList.setLen(len(v.committees))
				v.selectCommittee()
			}
		}
	case meetingsLoadedMsg:
		if msg.seq == v.mSeq {
			v.mErr = msg.err
			if msg.err == nil {
				v.meetings = msg.list
				v.mList.setLen(len(v.meetings))
				for i, m := range v.meetings {
					if m.ID == v.meetingID {
						v.mList.cursor = i
					}
				}
				v.mList.clamp()
			}
		}
	case meetingLoadedMsg:
		if msg.seq == v.dSeq {
			v.dErr = msg.err
			if msg.err == nil {
				v.meeting = msg.detail
				v.iList.setHeight(v.height - 2 - v.meetingHeadHeight())
				v.iList.setLen(len(v.meeting.Items))
				want := v.want
				v.want = itemWant{}
				v.linesFor = [3]int{-1}
				if want.any() {
					v.showWanted(want)
				} else if v.level == levelItem {
					v.showItemAt(v.item) // reloaded: keep the place
				}
			}
		}
	case libraryChangedMsg:
		v.stale = true
	case tea.MouseMsg:
		if d := wheel(msg); d != 0 {
			v.scrollBy(d)
		}
	case tea.KeyMsg:
		if v.exporting {
			return v.formKey(msg)
		}
		return v.key(msg)
	}
	return nil
}

// shownMeeting is the meeting under the cursor or open, if any.
func (v *meetingsView) shownMeeting() (index.MeetingSummary, bool) {
	switch {
	case v.level == levelMeetings && v.mList.cursor < len(v.meetings):
		return v.meetings[v.mList.cursor], true
	case v.level >= levelItems && v.meeting != nil:
		return v.meeting.MeetingSummary, true
	}
	return index.MeetingSummary{}, false
}

// openExport opens the export form for the meeting shown.
func (v *meetingsView) openExport() tea.Cmd {
	m, ok := v.shownMeeting()
	if !ok {
		return flash("Choose a meeting first: E exports one meeting's tracker or action log")
	}
	v.exporting, v.exportFor, v.formErr = true, m, ""
	v.input.SetValue("agenda-" + minutes.CommitteeSlug(m.Committee) + "-" + m.Date.String() + ".html")
	v.input.CursorEnd()
	return v.input.Focus()
}

func (v *meetingsView) formKey(msg tea.KeyMsg) tea.Cmd {
	k := v.sh.keys
	switch {
	case key.Matches(msg, k.Cancel):
		v.closeExport()
		return nil
	case key.Matches(msg, k.Submit):
		m := v.exportFor
		cmd, err := startExport(v.sh, strings.TrimSpace(v.input.Value()), exportScope{committee: m.Committee, meeting: m.Date, asOf: packDate(m.Date, v.sh.asOf)})
		if err != nil {
			v.formErr = err.Error()
			return nil
		}
		v.closeExport()
		return cmd
	}
	var cmd tea.Cmd
	v.input, cmd = v.input.Update(msg)
	return cmd
}

func (v *meetingsView) closeExport() {
	v.exporting, v.formErr = false, ""
	v.input.Blur()
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

func (v *meetingsView) exportView() string {
	st := v.sh.styles
	m := v.exportFor
	hint := "the " + m.Date.String() + " meeting: .html its agenda tracker · .xlsx .csv .json .md its action log · .ics the committee's calendar"
	line2 := " " + st.Dim.Render(trunc(hint, v.width-2))
	if v.formErr != "" {
		line2 = " " + st.Error.Render(trunc(v.formErr, v.width-2))
	}
	return " " + v.input.View() + "\n" + line2
}

func (v *meetingsView) selectCommittee() {
	for i, c := range v.committees {
		if c.Name == v.committee {
			v.cList.cursor = i
		}
	}
	v.cList.clamp()
}

func (v *meetingsView) showWanted(w itemWant) {
	if v.meeting == nil {
		return
	}
	for i, it := range v.meeting.Items {
		if (w.id != "" && it.ID == w.id) || (w.id == "" && w.minute != "" && it.Number == w.minute) {
			v.showItemAt(i)
			return
		}
	}
	v.level = levelItems
}

func (v *meetingsView) showItemAt(i int) {
	if v.meeting == nil || i < 0 || i >= len(v.meeting.Items) {
		v.level = levelItems
		return
	}
	v.iList.cursor = i
	v.iList.clamp()
	if v.item != i || v.level != levelItem {
		v.recSel = -1 // nothing chosen until ↓: the text reads from its top
		v.scroll = 0
	}
	v.item = i
	v.level = levelItem
	v.buildItem()
}

func (v *meetingsView) scrollBy(d int) {
	switch v.level {
	case levelCommittees:
		v.cList.move(d)
	case levelMeetings:
		v.mList.move(d)
	case levelItems:
		v.iList.move(d)
	case levelItem:
		v.scroll += d
		v.clampScroll()
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
	if key.Matches(msg, k.Export) {
		return v.openExport()
	}
	switch v.level {
	case levelCommittees:
		if v.cList.handleKey(msg, k) {
			return nil
		}
		switch {
		case key.Matches(msg, k.Open):
			if v.cList.cursor < len(v.committees) {
				c := v.committees[v.cList.cursor].Name
				v.level = levelMeetings
				if c != v.committee || v.meetings == nil {
					v.committee, v.meetings = c, nil
					v.mList = scroller{height: v.mList.height}
					return v.loadMeetings()
				}
			}
		case key.Matches(msg, k.Back, k.Left):
			return goBack
		}
	case levelMeetings:
		if v.mList.handleKey(msg, k) {
			return nil
		}
		switch {
		case key.Matches(msg, k.Open):
			if v.mList.cursor < len(v.meetings) {
				id := v.meetings[v.mList.cursor].ID
				v.level = levelItems
				if id != v.meetingID || v.meeting == nil {
					v.meetingID, v.meeting = id, nil
					v.iList = scroller{height: v.iList.height}
					return v.loadMeeting()
				}
			}
		case key.Matches(msg, k.Back, k.Left):
			v.level = levelCommittees
			v.selectCommittee()
		}
	case levelItems:
		if v.iList.handleKey(msg, k) {
			return nil
		}
		switch {
		case key.Matches(msg, k.Open):
			v.showItemAt(v.iList.cursor)
		case key.Matches(msg, k.Back, k.Left):
			v.level = levelMeetings
			if v.meetings == nil && v.committee != "" {
				return v.loadMeetings()
			}
		}
	case levelItem:
		return v.itemKey(msg)
	}
	return nil
}

func (v *meetingsView) itemKey(msg tea.KeyMsg) tea.Cmd {
	k := v.sh.keys
	recs := v.meeting.Items[v.item].Records
	switch {
	case key.Matches(msg, k.Up, k.Down):
		d := 1
		if key.Matches(msg, k.Up) {
			d = -1
		}
		if len(recs) == 0 {
			v.scroll += d
			v.clampScroll()
			return nil
		}
		v.recSel = v.nextRecord(d)
		v.buildItem()
		v.revealRecord()
	case key.Matches(msg, k.PageUp):
		v.scroll -= v.height - 3
		v.clampScroll()
	case key.Matches(msg, k.PageDown):
		v.scroll += v.height - 3
		v.clampScroll()
	case key.Matches(msg, k.Top):
		v.scroll = 0
	case key.Matches(msg, k.Bottom):
		v.scroll = len(v.lines)
		v.clampScroll()
	case key.Matches(msg, k.Open):
		if v.recSel >= 0 && v.recSel < len(recs) {
			return navigate(navMsg{to: viewDetail, recordID: recs[v.recSel].ID})
		}
	case key.Matches(msg, k.Back, k.Left):
		v.level = levelItems
	}
	return nil
}

// nextRecord is the record d steps from the selected one in the order
// they stand in the text; with none selected, ↓ chooses the first record
// at or below the top of the screen.
func (v *meetingsView) nextRecord(d int) int {
	if len(v.order) == 0 {
		return -1
	}
	pos := -1
	for p, r := range v.order {
		if r == v.recSel {
			pos = p
		}
	}
	if pos < 0 {
		if d < 0 {
			return v.order[0]
		}
		for _, r := range v.order {
			if v.recLine[r] >= v.scroll {
				return r
			}
		}
		return v.order[len(v.order)-1]
	}
	return v.order[min(max(pos+d, 0), len(v.order)-1)]
}

// revealRecord scrolls so the selected record's mark is in sight.
func (v *meetingsView) revealRecord() {
	if v.recSel < 0 || v.recSel >= len(v.recLine) {
		return
	}
	l := v.recLine[v.recSel]
	h := v.itemBodyHeight()
	if l < v.scroll || l >= v.scroll+h-1 {
		v.scroll = max(l-2, 0) // two lines of what leads up to it, then the record
	}
	v.clampScroll()
}

func (v *meetingsView) itemBodyHeight() int { return max(v.height-2, 1) }

func (v *meetingsView) clampScroll() {
	v.scroll = min(v.scroll, max(len(v.lines)-v.itemBodyHeight(), 0))
	v.scroll = max(v.scroll, 0)
}

// recordTags are the tags that mark records in an item's text: R for
// resolutions, A for actions, F for follow-ups, numbered in the item.
func recordTags(recs []index.Record) []string {
	n := map[minutes.Kind]int{}
	tags := make([]string, len(recs))
	for i, r := range recs {
		n[r.Kind]++
		letter := "R"
		switch r.Kind {
		case minutes.KindAction:
			letter = "A"
		case minutes.KindFollowUp:
			letter = "F"
		}
		tags[i] = letter + strconv.Itoa(n[r.Kind])
	}
	return tags
}

// buildItem lays out the item: its text, each record's stretch of text
// marked with its tag, then the list of its records.
func (v *meetingsView) buildItem() {
	key := [3]int{v.item, v.recSel, v.width}
	if v.linesFor == key && v.lines != nil {
		return
	}
	v.linesFor = key
	st := v.sh.styles
	it := v.meeting.Items[v.item]
	recs := it.Records
	tags := recordTags(recs)
	body := reflow(block(it.Body))

	// palette: 0 text, 1 mark, 2 selected mark, then a tag style per kind
	palette := []lipgloss.Style{st.Text, st.Mark, st.MarkSelected,
		st.Kind("resolution"), st.Kind("action"), st.Kind("followup"), st.Cursor}
	kindStyle := func(k minutes.Kind) int {
		switch k {
		case minutes.KindAction:
			return 4
		case minutes.KindFollowUp:
			return 5
		}
		return 3
	}

	// Find each record's text in the item's; a follow-up often sits inside
	// the resolution that makes it, so marks may nest.
	type span struct{ from, to, rec int }
	var spans []span
	found := make([]bool, len(recs))
	points := []int{0, len(body)}
	for i, r := range recs {
		from, to := normIndex(body, block(r.Text))
		if from < 0 {
			continue
		}
		found[i] = true
		spans = append(spans, span{from, to, i})
		points = append(points, from, to)
	}
	sort.Slice(spans, func(a, b int) bool {
		if spans[a].from != spans[b].from {
			return spans[a].from < spans[b].from
		}
		return spans[a].to > spans[b].to // the outer record's tag first
	})
	sort.Ints(points)
	var runs []run
	for k := 0; k+1 < len(points); k++ {
		a, b := points[k], points[k+1]
		if a == b {
			continue
		}
		style := 0
		for _, s := range spans {
			if s.from == a {
				if s.rec == v.recSel {
					runs = append(runs, run{text: "▸", style: 6, mark: s.rec + 1})
				}
				runs = append(runs, run{text: "‹" + tags[s.rec] + "› ", style: kindStyle(recs[s.rec].Kind), mark: s.rec + 1})
			}
			if s.from <= a && a < s.to {
				switch {
				case s.rec == v.recSel:
					style = 2
				case style == 0:
					style = 1
				}
			}
		}
		runs = append(runs, run{text: body[a:b], style: style})
	}
	w := max(v.width-4, 20)
	lines, marks := wrapRuns(runs, palette, w)
	for i := range lines {
		lines[i] = "  " + lines[i]
	}

	// The records in text order: those found by where they stand, the
	// rest after them as the library lists them.
	v.order = v.order[:0]
	for _, s := range spans {
		if !contains(v.order, s.rec) {
			v.order = append(v.order, s.rec)
		}
	}
	for i := range recs {
		if !found[i] {
			v.order = append(v.order, i)
		}
	}
	v.recLine = make([]int, len(recs))
	if len(recs) > 0 {
		lines = append(lines, "", "  "+st.Heading.Render("Records in this item")+st.Dim.Render("  ↑/↓ choose · enter open"))
	}
	for _, i := range v.order {
		if l, ok := marks[i+1]; ok && found[i] {
			v.recLine[i] = l
		} else {
			v.recLine[i] = len(lines)
		}
		lines = append(lines, v.recordLine(recs[i], tags[i], i == v.recSel, found[i]))
	}
	v.lines = lines
}

// recordLine is a record's entry in the item's list of records.
func (v *meetingsView) recordLine(r index.Record, tag string, sel, found bool) string {
	st := v.sh.styles
	parts := []string{kindBadge(string(r.Kind))}
	if r.Kind != minutes.KindResolution {
		parts = append(parts, statusLabel(r.Status))
		if b := flagBadge(r.Flag); b != "" && !r.Status.Closed() {
			parts = append(parts, strings.ToLower(b))
		}
		if !r.Due.IsZero() {
			parts = append(parts, "due "+r.Due.String())
		}
		if r.Owner != "" {
			parts = append(parts, oneLine(r.Owner))
		}
	}
	if !found {
		parts = append(parts, "(not found verbatim in the text above)")
	}
	meta := strings.Join(parts, " · ")
	text := oneLine(r.Text)
	if sel {
		return st.Cursor.Render("▸ ") + st.Selected.Render(fit("‹"+tag+"› "+meta+" — "+text, v.width-4))
	}
	head := "  " + st.Kind(string(r.Kind)).Render("‹"+tag+"›") + " " + st.Dim.Render(meta) + " — "
	return trunc(head+st.Text.Render(text), v.width-2)
}

// meetingHeadHeight is the lines the meeting's heading takes above its
// items: two lines and a blank one, less the one the list sets aside.
func (v *meetingsView) meetingHeadHeight() int { return 2 }

func (v *meetingsView) View() string {
	var s string
	switch v.level {
	case levelCommittees:
		s = v.committeesView()
	case levelMeetings:
		s = v.meetingsListView()
	case levelItems:
		s = v.itemsView()
	case levelItem:
		s = v.itemView()
	}
	if v.exporting {
		return padLines(s, v.width, v.height-2) + "\n" + padLines(v.exportView(), v.width, 2)
	}
	return padLines(s, v.width, v.height)
}

// crumbs is the path to the current level: Meetings › committee › date › item.
func (v *meetingsView) crumbs() string {
	st := v.sh.styles
	parts := []string{"Meetings"}
	if v.level >= levelMeetings {
		parts = append(parts, shortCommittee(oneLine(v.committee)))
	}
	if v.level >= levelItems {
		d := v.meetingID
		if v.meeting != nil {
			d = v.meeting.Date.String()
		}
		parts = append(parts, d)
	}
	if v.level == levelItem && v.meeting != nil {
		it := v.meeting.Items[v.item]
		n := oneLine(it.Number)
		if n == "" {
			n = "item " + strconv.Itoa(v.item+1)
		}
		parts = append(parts, n)
	}
	return trunc(" "+st.Heading.Render(strings.Join(parts, " › ")), v.width)
}

func itemLabel(it index.ItemDetail) string {
	n := oneLine(it.Number)
	t := oneLine(it.Title)
	switch {
	case n == "":
		return t
	case t == "":
		return n
	}
	return n + " " + t
}

func (v *meetingsView) committeesView() string {
	st := v.sh.styles
	var b strings.Builder
	b.WriteString(v.crumbs() + "\n\n")
	switch {
	case v.cErr != nil:
		b.WriteString(" " + st.Error.Render("Could not load committees: "+oneLine(v.cErr.Error())))
	case v.committees == nil:
		b.WriteString(" " + st.Dim.Render("Loading committees…"))
	case len(v.committees) == 0:
		b.WriteString(" " + st.Dim.Render("The library holds no meetings yet. Import minutes with: minutebook import PATH"))
	}
	from, to := v.cList.visible()
	nameW := max(min(v.width-44, 50), 24)
	for i := from; i < to && i < len(v.committees); i++ {
		c := v.committees[i]
		meta := plural(c.Meetings, "meeting", "meetings")
		if !c.Last.IsZero() {
			meta += " · last " + c.Last.String()
		}
		if c.Council != "" && v.width >= 120 {
			meta += " · " + oneLine(c.Council)
		}
		name := fit(oneLine(c.Name), nameW)
		if i == v.cList.cursor {
			b.WriteString(st.Cursor.Render("▸ ") + st.Selected.Render(fit(name+"  "+meta, v.width-3)))
		} else {
			b.WriteString("  " + st.Text.Render(name) + "  " + st.Dim.Render(trunc(meta, v.width-nameW-5)))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func (v *meetingsView) meetingsListView() string {
	st := v.sh.styles
	var b strings.Builder
	b.WriteString(v.crumbs() + "\n")
	b.WriteString(st.ColumnHead.Render(trunc("  "+fit("DATE", 10)+"  "+fit("ITEMS", 5)+"  "+fit("RECORDS", 7)+"  SOURCE", v.width)) + "\n")
	switch {
	case v.mErr != nil:
		b.WriteString(" " + st.Error.Render("Could not load meetings: "+oneLine(v.mErr.Error())))
	case v.meetings == nil:
		b.WriteString(" " + st.Dim.Render("Loading meetings…"))
	}
	from, to := v.mList.visible()
	for i := from; i < to && i < len(v.meetings); i++ {
		m := v.meetings[i]
		src := oneLine(m.SourceName)
		if m.Sample {
			src += " (sample)"
		}
		line := fit(m.Date.String(), 10) + "  " + fit(strconv.Itoa(m.Items), 5) + "  " + fit(strconv.Itoa(m.Records), 7) + "  "
		if i == v.mList.cursor {
			b.WriteString(st.Cursor.Render("▸ ") + st.Selected.Render(fit(line+src, v.width-3)))
		} else {
			b.WriteString("  " + st.Text.Render(line) + st.Dim.Render(trunc(src, max(v.width-30, 1))))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func (v *meetingsView) meetingHead() string {
	st := v.sh.styles
	m := v.meeting
	l1 := oneLine(m.Committee)
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

func (v *meetingsView) itemsView() string {
	st := v.sh.styles
	var b strings.Builder
	b.WriteString(v.crumbs() + "\n")
	switch {
	case v.dErr != nil:
		b.WriteString(" " + st.Error.Render("Could not load the meeting: "+oneLine(v.dErr.Error())))
		return b.String()
	case v.meeting == nil:
		b.WriteString(" " + st.Dim.Render("Loading the meeting…"))
		return b.String()
	}
	b.WriteString(v.meetingHead())
	b.WriteByte('\n')
	from, to := v.iList.visible()
	numW, countW := 6, 9
	titleW := max(v.width-numW-countW-6, 10)
	for i := from; i < to && i < len(v.meeting.Items); i++ {
		it := v.meeting.Items[i]
		num := fit(oneLine(it.Number), numW)
		counts := fit(recordCounts(it.Records), countW)
		title := oneLine(it.Title)
		if it.Exempt {
			title += " (exempt)"
		}
		title = fit(title, titleW)
		if i == v.iList.cursor {
			b.WriteString(st.Cursor.Render("▸ ") + st.Selected.Render(num+" "+counts+" "+title))
		} else {
			b.WriteString("  " + st.Dim.Render(num) + " " + st.Kind("action").Render(counts) + " " + st.Text.Render(title))
		}
		b.WriteByte('\n')
	}
	return b.String()
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

func (v *meetingsView) itemView() string {
	st := v.sh.styles
	var b strings.Builder
	b.WriteString(v.crumbs() + "\n")
	if v.meeting == nil {
		b.WriteString(" " + st.Dim.Render("Loading the meeting…"))
		return b.String()
	}
	it := v.meeting.Items[v.item]
	head := " " + st.Heading.Render(itemLabel(it))
	if it.Exempt {
		head += st.Error.Render("  EXEMPT — press and public excluded")
	}
	b.WriteString(trunc(head, v.width) + "\n")
	h := v.itemBodyHeight()
	end := min(v.scroll+h, len(v.lines))
	for i := v.scroll; i < end; i++ {
		b.WriteString(v.lines[i])
		b.WriteByte('\n')
	}
	return b.String()
}

func (v *meetingsView) ShortHelp() []key.Binding {
	k := v.sh.keys
	if v.exporting {
		return k.formHelp()
	}
	if v.level == levelItem {
		return []key.Binding{withHelp(k.moveHelp(), "record"), withHelp(k.Open, "open record"), withHelp(k.PageDown, "scroll"), withHelp(k.Left, "items"), k.Export}
	}
	if v.level == levelCommittees {
		return []key.Binding{k.moveHelp(), k.Open, withHelp(k.Left, "back")}
	}
	return []key.Binding{k.moveHelp(), k.Open, withHelp(k.Left, "back"), k.Export}
}

func (v *meetingsView) FullHelp() [][]key.Binding {
	k := v.sh.keys
	return [][]key.Binding{
		k.listHelp(),
		{k.Open, k.Left, k.Back, withHelp(k.Export, "export a meeting")},
	}
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
