package tui

import (
	"sort"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// itemPage is the meetings browser's last page: one item's text with its
// resolutions, actions and follow-ups marked where they stand in it, then
// the list of them. ↑/↓ move from record to record, enter opens one.
type itemPage struct {
	sh            *shared
	width, height int

	meeting  *index.MeetingDetail // the meeting the item is of
	item     int
	recSel   int // the selected record, -1 when none
	lines    []string
	recLine  []int // the line each record's mark (or list entry) is on
	order    []int // the records in the order they stand in the text
	scroll   int
	linesFor [3]int // item, selection and width the lines were made for
}

func (v *itemPage) setSize(w, h int) {
	v.width, v.height = w, h
	if v.meeting != nil && v.item < len(v.meeting.Items) {
		v.buildItem()
	}
	v.clampScroll()
}

// show shows item i of m: at the place and record chosen before when
// keep is set (the same item, reloaded), else from the top of its text.
func (v *itemPage) show(m *index.MeetingDetail, i int, keep bool) {
	if !keep {
		v.recSel = -1 // nothing chosen until ↓: the text reads from its top
		v.scroll = 0
	}
	v.meeting, v.item = m, i
	v.linesFor = [3]int{-1}
	v.buildItem()
	v.clampScroll()
}

// ready reports whether the page has an item to show.
func (v *itemPage) ready() bool { return v.meeting != nil && v.item < len(v.meeting.Items) }

// selectedRecord is the ID of the record chosen in the text, "" when none.
func (v *itemPage) selectedRecord() string {
	if !v.ready() {
		return ""
	}
	recs := v.meeting.Items[v.item].Records
	if v.recSel >= 0 && v.recSel < len(recs) {
		return recs[v.recSel].ID
	}
	return ""
}

// key handles a key; it reports pageOpen for enter on a record and pageUp
// for ←/esc.
func (v *itemPage) key(msg tea.KeyMsg) pageMove {
	if !v.ready() {
		return pageStay
	}
	k := v.sh.keys
	recs := v.meeting.Items[v.item].Records
	switch {
	case key.Matches(msg, k.Up, k.Down):
		d := 1
		if key.Matches(msg, k.Up) {
			d = -1
		}
		if len(recs) == 0 {
			v.scrollBy(d)
			return pageStay
		}
		v.recSel = v.nextRecord(d)
		v.buildItem()
		v.revealRecord()
	case key.Matches(msg, k.PageUp):
		v.scrollBy(-(v.height - 3))
	case key.Matches(msg, k.PageDown):
		v.scrollBy(v.height - 3)
	case key.Matches(msg, k.Top):
		v.scroll = 0
	case key.Matches(msg, k.Bottom):
		v.scrollBy(len(v.lines))
	case key.Matches(msg, k.Open):
		return pageOpen
	case key.Matches(msg, k.Back, k.Left):
		return pageUp
	}
	return pageStay
}

// click chooses the record whose mark or entry is on line y of the
// page (counted from under the crumbs and the item's heading); a click on
// the record chosen already opens it.
func (v *itemPage) click(msg tea.MouseMsg) pageMove {
	if !v.ready() || msg.Action != tea.MouseActionPress || msg.Button != tea.MouseButtonLeft {
		return pageStay
	}
	line := v.scroll + msg.Y - 2
	for r, l := range v.recLine {
		if l == line {
			if r == v.recSel {
				return pageOpen
			}
			v.recSel = r
			v.buildItem()
			return pageStay
		}
	}
	return pageStay
}

func (v *itemPage) scrollBy(d int) {
	v.scroll += d
	v.clampScroll()
}

// nextRecord is the record d steps from the selected one in the order
// they stand in the text; with none selected, ↓ chooses the first record
// at or below the top of the screen.
func (v *itemPage) nextRecord(d int) int {
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
func (v *itemPage) revealRecord() {
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

func (v *itemPage) itemBodyHeight() int { return max(v.height-2, 1) }

func (v *itemPage) clampScroll() {
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
func (v *itemPage) buildItem() {
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
func (v *itemPage) recordLine(r index.Record, tag string, sel, found bool) string {
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

// view draws the page under crumbs: the item's heading, then its text
// from where it is scrolled to.
func (v *itemPage) view(crumbs string) string {
	st := v.sh.styles
	var b strings.Builder
	b.WriteString(crumbs + "\n")
	if !v.ready() {
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

func (v *itemPage) help() []key.Binding {
	k := v.sh.keys
	return []key.Binding{withHelp(k.moveHelp(), "record"), withHelp(k.Open, "open record"), withHelp(k.PageDown, "scroll"), withHelp(k.Left, "items"), k.Export}
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
