package tui

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/minutebook/minutebook/index"
)

// Search as you type. Each change to the query takes a new sequence
// number; after the debounce pause the search runs in a tea.Cmd (never in
// Update), at most one at a time, and its answer comes back tagged with
// its number. An answer whose number is not the latest is dropped. Hits
// are rendered in the command, once per result set.

type searchMode int

const (
	modeInput  searchMode = iota // typing the query
	modeList                     // moving through the hits
	modeFacets                   // choosing filters
)

// searchPage is how many hits one search brings back; moving to the last
// of them asks for as many more. Highlighting and facets cost the library
// time per hit, and a screen shows at most a few dozen.
const searchPage = 50

// facetNames are the facets, in the order their chips are shown;
// councilFacets when the library holds several councils.
var (
	facetNames    = []string{"committee", "kind", "year", "status"}
	councilFacets = []string{"committee", "council", "kind", "year", "status"}
)

// facets are the facets the view offers.
func (v *searchView) facets() []string {
	if v.sh.severalCouncils() {
		return councilFacets
	}
	return facetNames
}

// searchRow is one hit, drawn: two lines, plain and coloured.
type searchRow struct {
	hit   index.Hit
	head  string // coloured first line
	plain string // the first line without colour, for the selected row
	body  string // the excerpt, with matches highlighted
}

// searchLibrary is what search needs of the library.
type searchLibrary interface {
	Search(ctx context.Context, q index.SearchQuery) (*index.SearchResult, error)
}

// councilShown is the council the search is narrowed to, for the title
// bar.
func (v *searchView) councilShown() string {
	if c := v.filters["council"]; c != "" {
		return c
	}
	return allCouncils
}

type searchView struct {
	sh            *shared
	lib           searchLibrary
	width, height int

	input textinput.Model
	mode  searchMode

	seq      int // the latest query's sequence number
	launched int // the sequence number of the search last started
	inFlight bool
	pending  bool

	limit      int               // hits to ask for
	query      index.SearchQuery // the query shown
	shownInput string            // what was typed for it
	res        *index.SearchResult
	rows       []searchRow
	rowsW      int
	err        error
	stale      bool
	filters    map[string]string
	list       scroller

	facetRow, facetCol int
}

func newSearchView(sh *shared, lib searchLibrary) *searchView {
	v := &searchView{sh: sh, lib: lib, filters: map[string]string{}, input: newInput(sh, "Search: ")}
	v.input.Placeholder = "words from a resolution, action or follow-up"
	return v
}

func (v *searchView) SetSize(w, h int) {
	v.width, v.height = w, h
	v.input.Width = max(w-12, 10)
	v.list.setHeight(v.listHeight())
	if v.rowsW != w && v.res != nil {
		v.rows = renderHits(v.sh.styles, v.res.Hits, w)
		v.rowsW = w
	}
}

// header is the lines above the hits: the query, the filters and the
// summary; in facets mode the filters take one line per facet.
func (v *searchView) header() int {
	if v.mode == modeFacets {
		return 2 + len(v.facets()) + 1
	}
	return 3
}

// listHeight is how many hits fit: each takes two lines.
func (v *searchView) listHeight() int { return max((v.height-v.header())/2, 1) }

func (v *searchView) Capturing() bool { return v.mode == modeInput }

func (v *searchView) Activate() tea.Cmd {
	if v.stale && v.active() {
		v.stale = false
		return v.changed(false)
	}
	return nil
}

// focus puts the keyboard in the query field.
func (v *searchView) focus() tea.Cmd {
	v.setMode(modeInput)
	return v.input.Focus()
}

func (v *searchView) setMode(m searchMode) {
	v.mode = m
	if m == modeInput {
		v.input.Focus()
	} else {
		v.input.Blur()
	}
	v.list.setHeight(v.listHeight())
}

// active reports whether there is anything to search for.
func (v *searchView) active() bool {
	return strings.TrimSpace(v.input.Value()) != "" || len(v.filters) > 0
}

// changed takes a new sequence number for the query as it now stands and
// returns the command that searches for it: after the debounce pause when
// the user is typing, at once when a filter changed.
func (v *searchView) changed(typing bool) tea.Cmd {
	v.seq++
	v.limit = searchPage
	if !v.active() {
		v.res, v.rows, v.err = nil, nil, nil
		v.list.setLen(0)
		return nil
	}
	if typing && v.sh.debounce > 0 {
		seq := v.seq
		return v.sh.tick(v.sh.debounce, func(time.Time) tea.Msg { return viewMsg{to: viewSearch, msg: searchDebounceMsg{seq}} })
	}
	return v.start()
}

// start runs the search for the latest query, or, while one is running,
// notes that another is wanted when it returns.
func (v *searchView) start() tea.Cmd {
	if v.inFlight {
		v.pending = true
		return nil
	}
	v.inFlight, v.pending = true, false
	v.launched = v.seq
	seq, q, w := v.seq, v.buildQuery(), v.width
	lib, styles := v.lib, v.sh.styles
	return v.sh.cmdFor(viewSearch, func(ctx context.Context) tea.Msg {
		start := time.Now()
		res, err := lib.Search(ctx, q)
		if err != nil {
			return searchDoneMsg{seq: seq, err: err}
		}
		return searchDoneMsg{seq: seq, res: res, rows: renderHits(styles, res.Hits, w), width: w, took: time.Since(start)}
	})
}

// buildQuery turns the typed words and the chosen filters into a query.
func (v *searchView) buildQuery() index.SearchQuery {
	q := index.SearchQuery{
		Text:      queryText(v.input.Value()),
		Committee: v.filters["committee"],
		Council:   v.filters["council"],
		Kind:      v.filters["kind"],
		Status:    index.Status(v.filters["status"]),
		Limit:     max(v.limit, searchPage),
		Facets:    v.mode == modeFacets, // counted only while they are shown: they cost
	}
	if y, err := strconv.Atoi(v.filters["year"]); err == nil {
		q.Year = y
	}
	return q
}

// queryText is the query as typed, with the word being typed also
// matched as a prefix ("tipp" finds "tipping") once it has three
// characters; shorter prefixes match too much to be useful.
func queryText(typed string) string {
	s := strings.TrimSpace(oneLine(typed))
	if s == "" || strings.HasSuffix(typed, " ") {
		return s
	}
	last := s[strings.LastIndexByte(s, ' ')+1:]
	if len([]rune(last)) < 3 {
		return s
	}
	for _, r := range last {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return s // a phrase, a field or an operator: leave it alone
		}
	}
	return s + " " + last + "*"
}

func (v *searchView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case searchDebounceMsg:
		if msg.seq != v.seq {
			return nil // typing went on; a later pause will search
		}
		return v.start()
	case searchDoneMsg:
		return v.done(msg)
	case libraryChangedMsg:
		v.stale = true
	case councilsMsg: // the council facet comes or goes
		if v.facetRow >= len(v.facets()) {
			v.facetRow, v.facetCol = 0, 0
		}
		v.list.setHeight(v.listHeight())
	case tea.MouseMsg:
		if d := wheel(msg); d != 0 {
			v.list.move(d)
			return v.more()
		}
		if v.mode != modeFacets {
			top := v.header()
			if again, ok := v.list.click(msg, top, 2); ok && again {
				return v.openSelected()
			}
		}
	case tea.KeyMsg:
		switch v.mode {
		case modeInput:
			return v.inputKey(msg)
		case modeFacets:
			return v.facetKey(msg)
		}
		return v.listKey(msg)
	}
	return nil
}

// done takes a search's answer: shown when it answers the latest query,
// dropped otherwise; and the search that was waiting, if any, starts.
func (v *searchView) done(msg searchDoneMsg) tea.Cmd {
	v.inFlight = false
	if msg.seq == v.seq {
		v.err = msg.err
		if msg.err == nil {
			// The same query answered again (a live reload, more hits):
			// stay on the chosen hit. A new query starts at the top.
			keep := ""
			if h, ok := v.selected(); ok && v.shownInput == v.input.Value() {
				keep = h.ID
			}
			v.res, v.rows, v.rowsW = msg.res, msg.rows, msg.width
			if v.rowsW != v.width { // the window changed while it searched
				v.rows, v.rowsW = renderHits(v.sh.styles, v.res.Hits, v.width), v.width
			}
			v.query, v.shownInput = v.buildQuery(), v.input.Value()
			v.list.setLen(len(v.rows))
			v.list.cursor = 0
			for i, r := range v.rows {
				if r.hit.ID == keep {
					v.list.cursor = i
				}
			}
			v.list.clamp()
		}
	}
	if v.pending && v.launched != v.seq && v.active() {
		return v.start()
	}
	v.pending = false
	return nil
}

func (v *searchView) selected() (index.Hit, bool) {
	if v.list.cursor < len(v.rows) {
		return v.rows[v.list.cursor].hit, true
	}
	return index.Hit{}, false
}

func (v *searchView) openSelected() tea.Cmd {
	h, ok := v.selected()
	if !ok {
		return nil
	}
	switch h.Kind {
	case "item":
		return navigate(navMsg{to: viewMeetings, meetingID: h.MeetingID, itemID: h.ID, committee: h.Committee})
	case "meeting": // a meeting's attendance
		return navigate(navMsg{to: viewMeetings, meetingID: h.MeetingID, committee: h.Committee})
	}
	return navigate(navMsg{to: viewDetail, recordID: h.ID})
}

func (v *searchView) inputKey(msg tea.KeyMsg) tea.Cmd {
	k := v.sh.keys
	switch {
	case key.Matches(msg, k.Cancel):
		v.setMode(modeList)
		return nil
	case key.Matches(msg, k.Submit):
		return v.openSelected()
	case key.Matches(msg, k.ClearInput): // before PageUp, which ctrl+u is in lists
		if v.input.Value() == "" {
			return nil
		}
		v.input.SetValue("")
		return v.changed(true)
	case key.Matches(msg, k.PrevResult):
		v.list.move(-1)
		return nil
	case key.Matches(msg, k.NextResult):
		v.list.move(1)
		return v.more()
	case key.Matches(msg, k.PageUp, k.PageDown):
		v.list.handleKey(msg, k)
		return v.more()
	}
	before := v.input.Value()
	var cmd tea.Cmd
	v.input, cmd = v.input.Update(msg)
	if v.input.Value() != before {
		return tea.Batch(cmd, v.changed(true))
	}
	return cmd
}

func (v *searchView) listKey(msg tea.KeyMsg) tea.Cmd {
	k := v.sh.keys
	if v.list.handleKey(msg, k) {
		return v.more()
	}
	switch {
	case key.Matches(msg, k.Open):
		return v.openSelected()
	case key.Matches(msg, k.FocusInput):
		return v.focus()
	case key.Matches(msg, k.Facets):
		v.setMode(modeFacets)
		v.facetRow, v.facetCol = 0, 0
		if v.res != nil && !v.query.Facets && v.active() {
			v.seq++ // the same query again, with its facets counted
			return v.start()
		}
	case key.Matches(msg, k.Back):
		return goBack
	}
	return nil
}

// more asks for the next page of hits when the cursor reaches the last
// one shown and the library has more.
func (v *searchView) more() tea.Cmd {
	if v.res == nil || v.inFlight || v.list.cursor < len(v.rows)-3 || int(v.res.Total) <= len(v.rows) {
		return nil
	}
	v.limit = len(v.rows) + searchPage
	v.seq++
	return v.start()
}

// chips returns the facet values of one facet row: the library's counts,
// with an active filter's value kept even when the hits no longer have it.
func (v *searchView) chips(row int) []index.FacetCount {
	names := v.facets()
	if row < 0 || row >= len(names) {
		return nil
	}
	name := names[row]
	var out []index.FacetCount
	if v.res != nil {
		out = v.res.Facets[name]
	}
	if f := v.filters[name]; f != "" {
		found := false
		for _, c := range out {
			found = found || c.Value == f
		}
		if !found {
			out = append([]index.FacetCount{{Value: f}}, out...)
		}
	}
	return out
}

func (v *searchView) facetKey(msg tea.KeyMsg) tea.Cmd {
	k := v.sh.keys
	n := len(v.chips(v.facetRow))
	switch {
	case key.Matches(msg, k.Back, k.Facets):
		v.setMode(modeList)
	case key.Matches(msg, k.Up):
		v.facetRow = (v.facetRow + len(v.facets()) - 1) % len(v.facets())
		v.facetCol = 0
	case key.Matches(msg, k.Down):
		v.facetRow = (v.facetRow + 1) % len(v.facets())
		v.facetCol = 0
	case key.Matches(msg, k.Left):
		v.facetCol = max(v.facetCol-1, 0)
	case key.Matches(msg, k.Right):
		v.facetCol = min(v.facetCol+1, max(n-1, 0))
	case key.Matches(msg, k.Toggle):
		chips := v.chips(v.facetRow)
		if v.facetCol >= len(chips) {
			return nil
		}
		name, val := v.facets()[v.facetRow], chips[v.facetCol].Value
		if v.filters[name] == val {
			delete(v.filters, name)
		} else {
			v.filters[name] = val
		}
		v.facetCol = 0
		return v.changed(false)
	case key.Matches(msg, k.Clear):
		if len(v.filters) > 0 {
			v.filters = map[string]string{}
			return v.changed(false)
		}
	case key.Matches(msg, k.FocusInput):
		return v.focus()
	}
	return nil
}

// renderHits draws each hit once; View then only picks the visible ones.
func renderHits(st Styles, hits []index.Hit, width int) []searchRow {
	rows := make([]searchRow, len(hits))
	for i, h := range hits {
		rows[i] = renderHit(st, h, width)
	}
	return rows
}

func renderHit(st Styles, h index.Hit, width int) searchRow {
	badge := fit(kindBadge(string(h.Kind)), 9)
	meta := h.MeetingDate.String() + "  " + committeeLabel(h.Committee, max(12, (width-40)/3))
	if h.Minute != "" {
		meta += " · min " + oneLine(h.Minute)
	}
	status := ""
	if h.Status != "" {
		status = " · " + statusLabel(h.Status)
	}
	title := ""
	if h.Title != "" {
		title = " · " + oneLine(h.Title)
	}
	w := width - 2
	plain := fit(badge+" "+meta+status+title, w)
	head := st.Kind(string(h.Kind)).Render(badge) + " " + st.Dim.Render(meta+status)
	if rest := w - 10 - len([]rune(meta+status)); rest > 0 && title != "" {
		head += st.Text.Render(trunc(title, rest))
	}
	return searchRow{hit: h, head: trunc(head, w), plain: plain, body: excerpt(st, h.Excerpt, width-4)}
}

// excerpt draws spans on one line of at most w cells, matched words in
// the Match style. Text is sanitised span by span.
func excerpt(st Styles, spans []index.Span, w int) string {
	var b strings.Builder
	used := 0
	space := true // collapse leading space
	for _, sp := range spans {
		t := flatten(Sanitise(sp.Text), &space)
		if t == "" {
			continue
		}
		tw := len([]rune(t))
		if used+tw > w {
			t = trunc(t, max(w-used, 1))
			tw = w - used
		}
		if sp.Match {
			b.WriteString(st.Match.Render(t))
		} else {
			b.WriteString(st.Text.Render(t))
		}
		used += tw
		if used >= w {
			break
		}
	}
	return b.String()
}

// flatten folds newlines and tabs into single spaces, carrying whether
// the text so far ends in a space across spans.
func flatten(s string, space *bool) string {
	var b strings.Builder
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' {
			if !*space {
				b.WriteByte(' ')
				*space = true
			}
			continue
		}
		*space = false
		b.WriteRune(r)
	}
	return b.String()
}

func (v *searchView) View() string {
	st := v.sh.styles
	var b strings.Builder
	b.WriteString(" " + v.input.View())
	b.WriteByte('\n')
	if v.mode == modeFacets {
		b.WriteString(v.facetsView())
	} else {
		b.WriteString(v.filtersLine())
	}
	b.WriteByte('\n')
	b.WriteString(v.summary())
	b.WriteByte('\n')
	if v.mode == modeFacets {
		b.WriteByte('\n')
	}
	from, to := v.list.visible()
	for i := from; i < to && i < len(v.rows); i++ {
		r := v.rows[i]
		if i == v.list.cursor && v.mode != modeFacets {
			b.WriteString(st.Cursor.Render("▸ ") + st.Selected.Render(r.plain))
		} else {
			b.WriteString("  " + r.head)
		}
		b.WriteString("\n    " + r.body + "\n")
	}
	if !v.active() {
		b.WriteString(v.hint())
	}
	return padLines(b.String(), v.width, v.height)
}

func (v *searchView) hint() string {
	st := v.sh.styles
	lines := []string{
		"Type a few words; results update as you type.",
		"A word of three letters or more also matches as a prefix: tipp finds tipping.",
		"\"an exact phrase\", +must and -mustnot work as in minutebook search.",
		"↑/↓ choose · enter opens · esc, then f, to filter.",
	}
	var b strings.Builder
	for _, l := range lines {
		for _, w := range wrap(l, max(v.width-3, 10)) { // a hint cut short hides its end
			b.WriteString("  " + st.Dim.Render(w) + "\n")
		}
	}
	return b.String()
}

func (v *searchView) filtersLine() string {
	st := v.sh.styles
	if len(v.filters) == 0 {
		if v.sh.severalCouncils() {
			return " " + st.Faint.Render("No filters · esc then f to filter by committee, council, kind, year or status")
		}
		return " " + st.Faint.Render("No filters · esc then f to filter by committee, kind, year or status")
	}
	var parts []string
	for _, name := range v.facets() {
		if f := v.filters[name]; f != "" {
			parts = append(parts, st.ChipActive.Render("["+name+": "+facetLabel(name, f)+"]"))
		}
	}
	return trunc(" "+st.Dim.Render("Filters ")+strings.Join(parts, " ")+st.Faint.Render("  f change · ⌫ drop all"), v.width)
}

func (v *searchView) facetsView() string {
	st := v.sh.styles
	var b strings.Builder
	b.WriteString(" " + st.Heading.Render("Filters") + st.Dim.Render("  ←/→ choose · enter use/drop · ↑/↓ facet · ⌫ drop all · esc done"))
	for row, name := range v.facets() {
		b.WriteString("\n ")
		label := fit(name, 10)
		if row == v.facetRow {
			b.WriteString(st.Cursor.Render(label))
		} else {
			b.WriteString(st.Dim.Render(label))
		}
		chips := v.chips(row)
		if len(chips) == 0 {
			b.WriteString(st.Faint.Render("—"))
		}
		texts := make([]string, len(chips))
		for col, c := range chips {
			label := facetLabel(name, c.Value)
			if c.Count > 0 {
				label += " " + thousands(c.Count)
			}
			// a chip never wider than the row: the first word, the count, stay
			texts[col] = "[" + trunc(label, max(v.width-16, 8)) + "]"
		}
		// The row starts late enough that the focused chip shows: "… " for
		// the chips left off before it.
		first := 0
		if row == v.facetRow {
			first = firstChip(texts, v.facetCol, v.width-11)
		}
		used := 11
		if first > 0 {
			b.WriteString(st.Faint.Render("… "))
			used += 2
		}
		for col := first; col < len(chips); col++ {
			c, chip := chips[col], texts[col]
			if used+ansi.StringWidth(chip)+1 > v.width && col > v.facetCol {
				b.WriteString(st.Faint.Render(" …"))
				break
			}
			used += ansi.StringWidth(chip) + 1
			switch {
			case row == v.facetRow && col == v.facetCol:
				b.WriteString(st.ChipFocused.Render(chip))
			case v.filters[name] == c.Value:
				b.WriteString(st.ChipActive.Render(chip))
			default:
				b.WriteString(st.Chip.Render(chip))
			}
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// firstChip is the first of a facet's chips to draw in w cells so that
// chip focus shows whole: 0 when it fits from the start, else the
// latest start that leaves room for "… " before it.
func firstChip(chips []string, focus, w int) int {
	if focus <= 0 || focus >= len(chips) {
		return 0
	}
	used := 0
	for i := 0; i <= focus; i++ {
		used += ansi.StringWidth(chips[i]) + 1
	}
	if used+2 <= w { // room for the " …" after it too
		return 0
	}
	first := 0
	for first < focus && used+2+2 > w {
		used -= ansi.StringWidth(chips[first]) + 1
		first++
	}
	return first
}

func (v *searchView) summary() string {
	st := v.sh.styles
	busy := ""
	if v.inFlight || v.pending || v.launched != v.seq && v.active() {
		busy = st.Dim.Render(" · searching…")
	}
	switch {
	case v.err != nil:
		return " " + st.Error.Render("Search failed: "+oneLine(v.err.Error())) + busy
	case v.res == nil:
		if v.active() {
			return " " + st.Dim.Render("Searching…")
		}
		return ""
	case v.res.Total == 0:
		what := strings.TrimSpace(oneLine(v.shownInput))
		if what == "" {
			return " " + st.Dim.Render("Nothing matches these filters") + busy
		}
		return " " + st.Dim.Render("No results for ") + st.Text.Render("“"+what+"”") + busy
	}
	s := plural(int(v.res.Total), "result", "results")
	if int(v.res.Total) > len(v.res.Hits) {
		s += ", the best " + thousands(len(v.res.Hits)) + " so far"
	}
	if v.res.Took > 0 {
		s += " · " + v.res.Took.Round(100*time.Microsecond).String()
	}
	return " " + st.Dim.Render(s) + busy
}

func (v *searchView) ShortHelp() []key.Binding {
	k := v.sh.keys
	switch v.mode {
	case modeInput:
		results := key.NewBinding(key.WithKeys(append(k.PrevResult.Keys(), k.NextResult.Keys()...)...), key.WithHelp("↑/↓", "choose"))
		return []key.Binding{results, withHelp(k.Submit, "open"), withHelp(k.Cancel, "filters & keys"), k.ClearInput, k.ForceQuit}
	case modeFacets:
		return []key.Binding{withHelp(k.Left, "previous"), withHelp(k.Right, "next"), k.Toggle, k.Clear, withHelp(k.Back, "done")}
	}
	return []key.Binding{k.moveHelp(), k.Open, k.Facets, k.FocusInput, k.Back}
}

func (v *searchView) FullHelp() [][]key.Binding {
	k := v.sh.keys
	return [][]key.Binding{
		{k.PrevResult, k.NextResult, withHelp(k.Submit, "open"), withHelp(k.Cancel, "leave the query"), withHelp(k.ClearInput, "clear the query")},
		append(k.listHelp(), k.Open, k.FocusInput, k.Facets),
		{withHelp(k.Left, "previous filter"), withHelp(k.Right, "next filter"), k.Toggle, k.Clear},
	}
}

// withHelp returns b with its help text changed.
func withHelp(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// kindLabel is a record kind as a person reads it.
func kindLabel(kind string) string {
	if kind == "followup" {
		return "follow-up"
	}
	return kind
}

// facetLabel is a facet value as a chip shows it.
func facetLabel(facet, value string) string {
	switch facet {
	case "committee":
		return shortCommittee(oneLine(value))
	case "status":
		return statusLabel(index.Status(value))
	case "kind":
		return kindLabel(value)
	}
	return oneLine(value)
}
