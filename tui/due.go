package tui

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// The due board: open actions and follow-ups grouped by flag, soonest
// due first, for one committee or all, against the as-of date.

// dueBoard is one load of the due board, grouped off the UI goroutine.
type dueBoard struct {
	asOf      minutes.Date
	committee string
	recs      []index.Record
	groups    []dueGroup // in index.FlagOrder, empty groups left out
	counts    map[index.Flag]int
	open      int
}

type dueGroup struct {
	flag index.Flag
	recs []int // indexes into recs, sorted by due date
}

// buildBoard groups records by flag and sorts each group by due date
// (undated last), then meeting date and ID, so the order is stable.
func buildBoard(q index.DueQuery, recs []index.Record) *dueBoard {
	b := &dueBoard{asOf: q.AsOf, committee: q.Committee, recs: recs, counts: map[index.Flag]int{}}
	byFlag := map[index.Flag][]int{}
	for i := range recs {
		f := recs[i].Flag
		if recs[i].Status.Closed() {
			f = index.FlagDone
		}
		byFlag[f] = append(byFlag[f], i)
		b.counts[f]++
		if f != index.FlagDone {
			b.open++
		}
	}
	seen := map[index.Flag]bool{}
	order := append([]index.Flag(nil), index.FlagOrder...)
	for f := range byFlag { // a flag the TUI does not know goes last
		if !contains(order, f) {
			order = append(order, f)
		}
	}
	for _, f := range order {
		idx := byFlag[f]
		if len(idx) == 0 || seen[f] {
			continue
		}
		seen[f] = true
		sort.SliceStable(idx, func(a, c int) bool {
			ra, rc := &recs[idx[a]], &recs[idx[c]]
			if ra.Due.IsZero() != rc.Due.IsZero() {
				return rc.Due.IsZero()
			}
			if d := ra.Due.Compare(rc.Due); d != 0 {
				return d < 0
			}
			if d := ra.MeetingDate.Compare(rc.MeetingDate); d != 0 {
				return d < 0
			}
			return ra.ID < rc.ID
		})
		b.groups = append(b.groups, dueGroup{flag: f, recs: idx})
	}
	return b
}

func contains[T comparable](s []T, v T) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// dueRow is one line of the board: a group heading or a record.
type dueRow struct {
	heading bool
	flag    index.Flag
	count   int
	rec     int // index into board.recs
}

// dueCols is the width of each column of the board at one window width.
type dueCols struct {
	badge, due, committee, meeting, minute, owner, text int
	// over is true when the fixed columns alone are wider than the
	// window: rows must then be cut to it.
	over bool
}

func dueLayout(w int, oneCommittee bool) dueCols {
	c := dueCols{badge: 8, due: 11, minute: 6}
	switch {
	case w >= 150:
		c.committee, c.meeting, c.owner = 26, 10, 22
	case w >= 110:
		c.committee, c.meeting, c.owner = 20, 10, 16
	case w >= 70:
		c.committee, c.owner = 12, 12
	default:
		c.committee = 10
	}
	if oneCommittee {
		c.committee = 0 // the heading names it
	}
	used := 2 + c.badge + 1 + c.due + 1 + c.minute + 1
	if c.committee > 0 {
		used += c.committee + 1
	}
	if c.meeting > 0 {
		used += c.meeting + 1
	}
	if c.owner > 0 {
		used += c.owner + 1
	}
	c.text = max(w-used, 0)
	c.over = used > w
	return c
}

type dueView struct {
	sh            *shared
	width, height int

	seq     int
	board   *dueBoard
	err     error
	stale   bool
	loading bool

	committee  string
	showClosed bool
	toTop      bool // the next load shows the board from its top
	rows       []dueRow
	cache      []string // rendered rows, "" until first drawn
	cols       dueCols
	split      bool // the heading takes two lines
	list       scroller

	// the committee picker
	picking    bool
	committees []index.Committee
	pick       scroller
	pickSeq    int

	// the form under the board: the as-of date, or where to export to
	asOfForm  bool
	exporting bool // the form asks for an export file, not a date
	input     textinput.Model
	formErr   string
}

func newDueView(sh *shared) *dueView {
	v := &dueView{sh: sh, stale: true, input: newInput(sh, "As of: ")}
	v.list.selectable = func(i int) bool { return !v.rows[i].heading }
	return v
}

func (v *dueView) SetSize(w, h int) {
	if w != v.width {
		v.cache = make([]string, len(v.rows))
	}
	v.width, v.height = w, h
	v.relayout()
	v.pick.setHeight(h - 2)
	v.input.Width = max(w-20, 10)
}

// headLines is how many lines the board's heading takes: the committee
// and the counts of each group on one line when they fit, on two when
// not, then the column names.
func (v *dueView) headLines() int {
	if v.split {
		return 3
	}
	return 2
}

// relayout works out the columns and the heading for the window's width
// and the board's data.
func (v *dueView) relayout() {
	v.cols = dueLayout(v.width, v.board != nil && v.board.committee != "")
	v.split = v.board != nil && ansi.StringWidth(v.summaryLine(false)) > v.width
	v.list.setHeight(v.listHeight())
}

// listHeight is the rows left for the list under the heading and above
// the as-of form.
func (v *dueView) listHeight() int {
	h := v.height - v.headLines()
	if v.asOfForm {
		h -= 2
	}
	if v.nothingOpen() {
		h-- // the line that says so
	}
	return max(h, 1)
}

// nothingOpen reports whether the board holds records but none open
// (every one done or dropped): a line above the done rows says so.
func (v *dueView) nothingOpen() bool {
	return v.board != nil && v.board.open == 0 && len(v.board.recs) > 0
}

func (v *dueView) Capturing() bool { return v.asOfForm }

func (v *dueView) Activate() tea.Cmd {
	if v.stale && !v.loading {
		return v.load()
	}
	return nil
}

func (v *dueView) load() tea.Cmd {
	v.seq++
	v.loading, v.stale = true, false
	seq := v.seq
	q := index.DueQuery{AsOf: v.sh.asOf, Committee: v.committee, IncludeClosed: true}
	api := v.sh.api
	return v.sh.cmd(func(ctx context.Context) tea.Msg {
		recs, err := api.Due(ctx, q)
		if err != nil {
			return dueLoadedMsg{seq: seq, err: err}
		}
		return dueLoadedMsg{seq: seq, board: buildBoard(q, recs)}
	})
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

// setRows lays the board out in rows, keeping the cursor on the record
// keep when it is still there. (keep is taken before a new board replaces
// the old: the old rows index the old board's records.)
func (v *dueView) setRows(keep string) {
	v.rows = v.rows[:0]
	if v.board != nil {
		for _, g := range v.board.groups {
			v.rows = append(v.rows, dueRow{heading: true, flag: g.flag, count: len(g.recs)})
			if g.flag == index.FlagDone && !v.showClosed {
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
			v.board = msg.board
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
		if msg.to == viewDue && msg.seq == v.pickSeq && msg.err == nil {
			v.committees = msg.list
			v.pick.setLen(len(v.committees) + 1)
		}
	case nextMeetingMsg:
		return v.nextMeeting(msg)
	case libraryChangedMsg:
		v.stale = true
	case tea.MouseMsg:
		if d := wheel(msg); d != 0 {
			if v.picking {
				v.pick.move(d)
			} else {
				v.list.move(d)
			}
		}
	case tea.KeyMsg:
		switch {
		case v.asOfForm:
			return v.formKey(msg)
		case v.picking:
			return v.pickKey(msg)
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
	switch {
	case key.Matches(msg, k.Open):
		if r, ok := v.selected(); ok {
			return navigate(navMsg{to: viewDetail, recordID: r.ID})
		}
	case key.Matches(msg, k.Committee):
		v.picking = true
		v.pick.setLen(len(v.committees) + 1)
		v.pickSeq++
		seq := v.pickSeq
		api := v.sh.api
		return v.sh.cmd(func(ctx context.Context) tea.Msg {
			list, err := api.Committees(ctx)
			return committeesMsg{to: viewDue, seq: seq, list: list, err: err}
		})
	case key.Matches(msg, k.Export):
		v.asOfForm, v.exporting = true, true
		v.formErr = ""
		v.input.Prompt = "Export to: "
		v.input.SetValue(defaultExportFile(v.committee, v.sh.asOf))
		v.input.CursorEnd()
		v.list.setHeight(v.listHeight())
		return v.input.Focus()
	case key.Matches(msg, k.AsOf):
		v.asOfForm, v.exporting = true, false
		v.formErr = ""
		v.input.Prompt = "As of: "
		v.input.SetValue(v.sh.asOf.String())
		v.input.CursorEnd()
		v.list.setHeight(v.listHeight())
		return v.input.Focus()
	case key.Matches(msg, k.Today):
		return v.setAsOf(v.sh.today())
	case key.Matches(msg, k.ShowClosed):
		v.showClosed = !v.showClosed
		v.setRows(v.selectedID())
	case key.Matches(msg, k.Back):
		if v.committee != "" {
			v.committee, v.toTop = "", true
			return v.load()
		}
	}
	return nil
}

func (v *dueView) pickKey(msg tea.KeyMsg) tea.Cmd {
	k := v.sh.keys
	if v.pick.handleKey(msg, k) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Back, k.Committee):
		v.picking = false
	case key.Matches(msg, k.Open):
		v.picking = false
		c := ""
		if i := v.pick.cursor - 1; i >= 0 && i < len(v.committees) {
			c = v.committees[i].Name
		}
		if c != v.committee {
			v.committee, v.toTop = c, true
			return v.load()
		}
	}
	return nil
}

func (v *dueView) formKey(msg tea.KeyMsg) tea.Cmd {
	k := v.sh.keys
	switch {
	case key.Matches(msg, k.Cancel):
		v.closeForm()
		return nil
	case key.Matches(msg, k.Submit):
		text := strings.TrimSpace(v.input.Value())
		if v.exporting {
			cmd, err := v.export(text)
			if err != nil {
				v.formErr = err.Error()
				return nil
			}
			v.closeForm()
			return cmd
		}
		if isNextMeeting(text) {
			if v.committee == "" {
				v.formErr = "choose a committee first (c), then \"next\" means its next meeting"
				return nil
			}
			committee, after := v.committee, v.sh.today()
			api := v.sh.api
			return v.sh.cmd(func(ctx context.Context) tea.Msg {
				d, ok, err := api.NextMeeting(ctx, committee, after)
				return nextMeetingMsg{committee: committee, date: d, ok: ok, err: err}
			})
		}
		d, err := parseAsOf(text, v.sh.asOf, v.sh.today())
		if err != nil {
			v.formErr = err.Error()
			return nil
		}
		v.closeForm()
		return v.setAsOf(d)
	}
	var cmd tea.Cmd
	v.input, cmd = v.input.Update(msg)
	return cmd
}

func (v *dueView) nextMeeting(msg nextMeetingMsg) tea.Cmd {
	if !v.asOfForm || msg.committee != v.committee {
		return nil
	}
	switch {
	case msg.err != nil:
		v.formErr = msg.err.Error()
	case !msg.ok:
		v.formErr = "the library knows no next meeting of " + msg.committee
	default:
		v.closeForm()
		return v.setAsOf(msg.date)
	}
	return nil
}

func (v *dueView) closeForm() {
	v.asOfForm = false
	v.formErr = ""
	v.input.Blur()
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

func isNextMeeting(s string) bool {
	s = strings.ToLower(s)
	return s == "next" || s == "next meeting"
}

// parseAsOf reads an as-of date: "2022-06-14", "today", or a step from
// the current as-of date: "+7d", "-2w", "+1m", "+1y".
func parseAsOf(s string, cur, today minutes.Date) (minutes.Date, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "", "today", "now":
		return today, nil
	}
	if s[0] == '+' || s[0] == '-' {
		var n int
		var unit byte = 'd'
		body := s[1:]
		if l := body[len(body)-1]; l < '0' || l > '9' {
			unit, body = l, body[:len(body)-1]
		}
		if _, err := fmt.Sscanf(body, "%d", &n); err != nil || body == "" {
			return minutes.Date{}, fmt.Errorf("%q: want a date (2022-06-14), today, or a step such as +7d, -2w, +1m", s)
		}
		if s[0] == '-' {
			n = -n
		}
		switch unit {
		case 'd':
			return cur.AddDays(n), nil
		case 'w':
			return cur.AddDays(7 * n), nil
		case 'm':
			return cur.AddMonths(n), nil
		case 'y':
			return cur.AddMonths(12 * n), nil
		}
		return minutes.Date{}, fmt.Errorf("%q: the step's unit is d, w, m or y", s)
	}
	d, err := minutes.ParseISODate(s)
	if err != nil {
		return minutes.Date{}, fmt.Errorf("%q: want a date (2022-06-14), today, next, or a step such as +7d", s)
	}
	return d, nil
}

func (v *dueView) View() string {
	st := v.sh.styles
	var b strings.Builder
	if v.picking {
		b.WriteString(v.pickerView())
		return padLines(b.String(), v.width, v.height)
	}
	head := v.headLines()
	b.WriteString(v.summaryLine(head == 3))
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
		b.WriteString(st.Dim.Render(trunc(v.nothingOpenLine(), v.width)))
	default:
		if v.nothingOpen() {
			b.WriteString(st.Dim.Render(trunc(v.nothingOpenLine(), v.width)) + "\n")
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
	if v.asOfForm {
		return stackForm(out, v.formView(), v.width, v.height)
	}
	return padCount(out, v.height)
}

// nothingOpenLine is the board's empty state.
func (v *dueView) nothingOpenLine() string {
	who := "any committee"
	if v.committee != "" {
		who = oneLine(v.committee)
	}
	return " Nothing open for " + who + " as of " + v.board.asOf.String() + "."
}

// summaryLine is the committee filter and the count of each group, on
// one line or, when split, two.
func (v *dueView) summaryLine(split bool) string {
	st := v.sh.styles
	who := "All committees"
	if v.committee != "" {
		who = oneLine(v.committee)
	}
	line := " " + st.Heading.Render(who)
	if v.board == nil {
		return line
	}
	line += st.Dim.Render(" · " + plural(v.board.open, "open", "open"))
	if v.err != nil {
		line += " " + st.Error.Render("(reload failed: "+oneLine(v.err.Error())+")")
	}
	var parts []string
	for _, g := range v.board.groups {
		parts = append(parts, st.Flag(g.flag).Render(thousands(len(g.recs))+" "+strings.ToLower(flagBadge(g.flag))))
	}
	if len(parts) == 0 {
		return trunc(line, v.width)
	}
	if split { // narrow: the counts on a line of their own, closer together
		return trunc(line, v.width) + "\n" + trunc(" "+strings.Join(parts, "  "), v.width)
	}
	return line + st.Dim.Render(" · ") + strings.Join(parts, st.Dim.Render(" · "))
}

func (v *dueView) columnHeads() string {
	c := v.cols
	var b strings.Builder
	b.WriteString("  ")
	b.WriteString(fit("FLAG", c.badge) + " ")
	b.WriteString(fit("DUE", c.due) + " ")
	if c.committee > 0 {
		b.WriteString(fit("COMMITTEE", c.committee) + " ")
	}
	if c.meeting > 0 {
		b.WriteString(fit("MEETING", c.meeting) + " ")
	}
	b.WriteString(fit("MINUTE", c.minute) + " ")
	if c.owner > 0 {
		b.WriteString(fit("OWNER", c.owner) + " ")
	}
	b.WriteString(fit("TEXT", c.text))
	return v.sh.styles.ColumnHead.Render(trunc(b.String(), v.width))
}

// row draws row i. A record row is rendered once per load and width and
// then reused; only the selected row is drawn afresh each frame.
func (v *dueView) row(i int) string {
	r := v.rows[i]
	st := v.sh.styles
	if r.heading {
		if v.cache[i] == "" {
			label := " " + strings.ToUpper(r.flag.Label()) + " (" + thousands(r.count) + ")"
			if r.flag == "" {
				label = " OTHER (" + thousands(r.count) + ")"
			}
			if r.flag == index.FlagDone {
				if v.showClosed {
					label += " · x to hide"
				} else {
					label += " · x to show"
				}
			}
			rule := max(v.width-len([]rune(label))-3, 0)
			v.cache[i] = st.Flag(r.flag).Render(trunc("──"+label+" ", v.width)) + st.Faint.Render(strings.Repeat("─", rule))
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

// cells draws a record's columns, coloured or (for the selected row,
// which is drawn in one style) plain.
func (v *dueView) cells(r dueRow, colour bool) string {
	rec := &v.board.recs[r.rec]
	c := v.cols
	st := v.sh.styles
	due := rec.Due.String()
	switch {
	case due == "":
		due = "—"
	case rec.Provisional:
		due += "~"
	}
	badge := fit(flagBadge(r.flag), c.badge)
	rest := fit(due, c.due) + " "
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
	text := fit(oneLine(rec.Text), c.text)
	if !colour {
		return fit(badge+" "+rest+text, v.width-2)
	}
	return st.Flag(r.flag).Render(badge) + " " + st.Dim.Render(rest) + st.Text.Render(text)
}

func (v *dueView) pickerView() string {
	st := v.sh.styles
	var b strings.Builder
	b.WriteString(" " + st.Heading.Render("Show the due board for") + st.Dim.Render("   enter choose · esc cancel"))
	b.WriteString("\n\n")
	if v.committees == nil {
		b.WriteString(st.Dim.Render(" Loading committees…"))
		return b.String()
	}
	from, to := v.pick.visible()
	for i := from; i < to; i++ {
		name, meta := "All committees", ""
		if i > 0 {
			c := v.committees[i-1]
			name = oneLine(c.Name)
			meta = plural(c.Meetings, "meeting", "meetings")
			if !c.Last.IsZero() {
				meta += ", last " + c.Last.String()
			}
		}
		name = fit(name, max(v.width-36, 20))
		if i == v.pick.cursor {
			b.WriteString(st.Cursor.Render("▸ ") + st.Selected.Render(name+"  "+meta))
		} else {
			b.WriteString("  " + st.Text.Render(name) + "  " + st.Dim.Render(meta))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func (v *dueView) formView() string {
	st := v.sh.styles
	line1 := trunc(" "+v.input.View(), v.width)
	hint := "YYYY-MM-DD · today · +7d · -2w · +1m · next: the committee's next meeting"
	if v.exporting {
		hint = ".xlsx .csv .json .md: action log · .html: agenda tracker for the committee chosen with c · .ics: calendar"
	}
	line2 := " " + st.Dim.Render(trunc(hint, v.width-2))
	if v.formErr != "" {
		line2 = " " + st.Error.Render(trunc(v.formErr, v.width-2))
	}
	return line1 + "\n" + line2
}

func (v *dueView) ShortHelp() []key.Binding {
	k := v.sh.keys
	if v.asOfForm {
		return k.formHelp()
	}
	if v.picking {
		return []key.Binding{k.moveHelp(), withHelp(k.Open, "choose"), withHelp(k.Back, "cancel")}
	}
	return []key.Binding{k.Open, k.Committee, k.AsOf, k.ShowClosed, k.Export, k.moveHelp()}
}

func (v *dueView) FullHelp() [][]key.Binding {
	k := v.sh.keys
	return [][]key.Binding{
		k.listHelp(),
		{k.Open, k.Committee, k.AsOf, k.Today, k.ShowClosed, k.Export},
	}
}

// newInput returns a one-line text field in the TUI's style, with a
// steady cursor (a blinking one redraws the screen twice a second).
func newInput(sh *shared, prompt string) textinput.Model {
	in := textinput.New()
	in.Prompt = prompt
	in.PromptStyle = sh.styles.Prompt
	in.TextStyle = sh.styles.Text
	in.PlaceholderStyle = sh.styles.Faint
	in.CharLimit = 500
	in.Cursor.SetMode(cursor.CursorStatic)
	return in
}
