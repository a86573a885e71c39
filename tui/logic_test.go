package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/synth"
)

func TestQueryText(t *testing.T) {
	tests := []struct{ name, typed, want string }{
		{"empty", "", ""},
		{"short word is not a prefix", "fl", "fl"},
		{"three letters become a prefix too", "fly", "fly fly*"},
		{"last word only", "fly tipp", "fly tipp tipp*"},
		{"trailing space ends the word", "fly tipping ", "fly tipping"},
		{"phrase left alone", `"fly tipping"`, `"fly tipping"`},
		{"field left alone", "committee:cabinet", "committee:cabinet"},
		{"operator left alone", "+budget", "+budget"},
		{"control characters dropped", "fly\x1b[2J", "fly fly*"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := queryText(tt.typed); got != tt.want {
				t.Errorf("queryText(%q) = %q, want %q", tt.typed, got, tt.want)
			}
		})
	}
}

func TestParseOSC11(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		dark, ok bool
	}{
		{"black, BEL", "\x1b]11;rgb:0000/0000/0000\x07\x1b[?62;c", true, true},
		{"white, ST", "\x1b]11;rgb:ffff/ffff/ffff\x1b\\", false, true},
		{"solarized light, 2 digits", "\x1b]11;rgb:fd/f6/e3\x07", false, true},
		{"dark grey", "\x1b]11;rgb:2828/2c2c/3434\x07", true, true},
		{"no answer, only DA1", "\x1b[?62;22c", false, false},
		{"garbage", "\x1b]11;rgb:zz/00/00\x07", false, false},
	}
	for _, tt := range tests {
		dark, ok := parseOSC11([]byte(tt.in))
		if dark != tt.dark || ok != tt.ok {
			t.Errorf("%s: parseOSC11 = %v, %v; want %v, %v", tt.name, dark, ok, tt.dark, tt.ok)
		}
	}
}

func TestNormIndex(t *testing.T) {
	body := "Members asked questions.\n\nAn officer undertook to provide\nMembers with figures.  Then"
	from, to := normIndex(body, "An officer undertook to provide Members with figures.")
	if from < 0 || body[from:to] != "An officer undertook to provide\nMembers with figures." {
		t.Fatalf("normIndex found %d..%d", from, to)
	}
	if f, _ := normIndex(body, "not there"); f != -1 {
		t.Errorf("normIndex found text that is not there")
	}
}

func TestWrapRuns(t *testing.T) {
	palette := []lipgloss.Style{lipgloss.NewStyle(), lipgloss.NewStyle()}
	runs := []run{
		{text: "The committee noted the report. ", style: 0},
		{text: "‹A1› ", style: 1, mark: 1},
		{text: "An officer undertook to provide figures.", style: 1},
		{text: "\n\n\n\nNext paragraph with a verylongwordthatdoesnotfitanywhere", style: 0},
	}
	lines, marks := wrapRuns(runs, palette, 20)
	for i, l := range lines {
		if w := len([]rune(l)); w > 20 {
			t.Errorf("line %d is %d wide: %q", i, w, l)
		}
	}
	if l, ok := marks[1]; !ok || !strings.Contains(lines[l], "‹A1›") {
		t.Errorf("mark 1 reported on line %d (%v): %q", l, ok, lines)
	}
	blank := 0
	for _, l := range lines {
		if l == "" {
			blank++
		}
	}
	if blank != 1 {
		t.Errorf("want one blank line between paragraphs, got %d: %q", blank, lines)
	}
}

func TestScrollerSkipsHeadings(t *testing.T) {
	heading := map[int]bool{0: true, 3: true, 4: true}
	s := scroller{selectable: func(i int) bool { return !heading[i] }}
	s.setHeight(3)
	s.setLen(8)
	s.top()
	if s.cursor != 1 || s.offset != 0 {
		t.Fatalf("top: cursor %d offset %d, want 1 0", s.cursor, s.offset)
	}
	s.move(2) // 1 → 2 → 5, skipping the headings at 3 and 4
	if s.cursor != 5 {
		t.Fatalf("cursor %d after moving 2, want 5", s.cursor)
	}
	if s.cursor < s.offset || s.cursor >= s.offset+3 {
		t.Fatalf("cursor %d out of sight (offset %d)", s.cursor, s.offset)
	}
	s.move(-1)
	if s.cursor != 2 {
		t.Fatalf("cursor %d after moving back, want 2", s.cursor)
	}
	s.bottom()
	if s.cursor != 7 {
		t.Fatalf("bottom: cursor %d, want 7", s.cursor)
	}
	s.setLen(0)
	s.move(1) // no rows: no panic
}

// collect runs cmd and returns the messages it produces, without feeding
// them back; timers that do not fire within wait are dropped.
func collect(cmd tea.Cmd, wait time.Duration) []tea.Msg {
	var out []tea.Msg
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		ch := make(chan tea.Msg, 1)
		go func() { ch <- c() }()
		select {
		case msg := <-ch:
			if b, ok := msg.(tea.BatchMsg); ok {
				queue = append(queue, b...)
			} else if msg != nil {
				out = append(out, msg)
			}
		case <-time.After(wait):
		}
	}
	return out
}

// inner is the message a view's answer carries (see viewMsg).
func inner(msg tea.Msg) tea.Msg {
	if v, ok := msg.(viewMsg); ok {
		return v.msg
	}
	return msg
}

func typeKey(r rune) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}} }

// TestSearchDropsStaleResults: while a search runs, typing goes on; the
// answer to the old query is dropped and the latest query runs next.
func TestSearchDropsStaleResults(t *testing.T) {
	lib := newFixture()
	h := newHarness(t, lib, 120, 40, testOptions())
	h.keys("/")
	s := h.m.search

	_, first := h.m.Update(typeKey('f')) // starts the search for "f"
	_, c2 := h.m.Update(typeKey('l'))    // a search is running: wait
	_, c3 := h.m.Update(typeKey('y'))
	if len(collect(c2, 20*time.Millisecond))+len(collect(c3, 20*time.Millisecond)) != 0 {
		t.Fatal("a second search started while one was running")
	}
	var done searchDoneMsg
	var answer tea.Msg
	for _, msg := range collect(first, time.Second) {
		if m, ok := inner(msg).(searchDoneMsg); ok {
			done, answer = m, msg
		}
	}
	if done.seq == 0 || done.seq == s.seq {
		t.Fatalf("first search has seq %d, latest is %d", done.seq, s.seq)
	}
	_, next := h.m.Update(answer)
	if s.res != nil {
		t.Fatal("the stale answer was shown")
	}
	msgs := collect(next, time.Second)
	if len(msgs) != 1 {
		t.Fatalf("want the latest query to run once it was free, got %d messages", len(msgs))
	}
	h.send(msgs[0])
	if s.res == nil || s.shownInput != "fly" {
		t.Fatalf("shown: %v for %q, want the results for \"fly\"", s.res != nil, s.shownInput)
	}
	h.contains("fly-tipping")
}

// TestSearchDebounce: keys typed within the pause run one search.
func TestSearchDebounce(t *testing.T) {
	lib := newFixture()
	opt := testOptions()
	opt.SearchDebounce = 15 * time.Millisecond
	h := newHarness(t, lib, 120, 40, opt)
	h.keys("/")
	var cmds []tea.Cmd
	for _, r := range "hotspot" {
		_, c := h.m.Update(typeKey(r))
		cmds = append(cmds, c)
	}
	before := lib.searches
	for _, c := range cmds {
		for _, msg := range collect(c, 200*time.Millisecond) {
			h.send(msg)
		}
	}
	if n := lib.searches - before; n != 1 {
		t.Fatalf("%d searches for 7 keys typed within the pause, want 1", n)
	}
	h.contains("2 results")
}

func TestSearchFacetFilter(t *testing.T) {
	h := newHarness(t, newFixture(), 120, 40, testOptions())
	h.keys("/", "report", "esc", "f", "down", "down", "right", "enter") // kind (after committee and council): the second chip
	if got := h.m.search.filters["kind"]; got != "resolution" {
		t.Fatalf("kind filter %q, want resolution", got)
	}
	h.contains("4 results", "[resolution 4]")
	h.keys("enter") // the chip under the cursor is the active one: drop it
	if len(h.m.search.filters) != 0 {
		t.Fatalf("filters %v after dropping the only one", h.m.search.filters)
	}
	h.keys("down", "enter", "backspace")
	if len(h.m.search.filters) != 0 {
		t.Fatalf("backspace left filters %v", h.m.search.filters)
	}
}

func TestEnterOnItemHitOpensMeeting(t *testing.T) {
	h := newHarness(t, newFixture(), 120, 40, testOptions())
	h.keys("/", "cameras", "enter")
	if h.m.active != viewMeetings || h.m.meetings.level != levelItem {
		t.Fatalf("enter on an item hit shows view %v level %v", h.m.active, h.m.meetings.level)
	}
	h.contains("201 Fly-tipping: Update", "hotspot cameras")
	h.keys("esc") // back to the search it came from
	if h.m.active != viewSearch {
		t.Fatalf("esc from an item opened by a search shows view %v", h.m.active)
	}
	h.keys("tab", "h") // the meetings view again; ←/h climbs to the item list
	if h.m.active != viewMeetings || h.m.meetings.level != levelItems {
		t.Fatalf("h in an item shows view %v level %v", h.m.active, h.m.meetings.level)
	}
}

func TestReturnedLinkOpensLaterItem(t *testing.T) {
	h := newHarness(t, newFixture(), 120, 40, testOptions())
	openRecord(h, "osc-2021-12-14-189-f1")
	h.keys("enter")
	if h.m.active != viewMeetings {
		t.Fatalf("enter on a returned follow-up shows view %v", h.m.active)
	}
	h.contains("201 Fly-tipping: Update")
	h.keys("esc")
	if h.m.active != viewDetail {
		t.Fatalf("back from the later item shows view %v, want the detail", h.m.active)
	}
}

// The clerk confirms an automatic return, or says the follow-up was not
// returned; removing the link can be undone.
func TestConfirmAndRemoveReturn(t *testing.T) {
	lib := newFixture()
	h := newHarness(t, lib, 120, 40, testOptions())
	id := "osc-2021-12-14-189-f1"
	openRecord(h, id)
	h.contains("matched automatically", "y confirms")
	h.keys("y")
	h.contains("returned to osc-2022-01-11-201 (confirmed)", "confirmed by a clerk")
	if ref, _ := lib.ReturnedTo(id); !ref.Confirmed || ref.ItemID != "osc-2022-01-11-201" {
		t.Fatalf("after y the library holds %+v", ref)
	}
	h.keys("y")
	h.contains("already confirmed")

	h.keys("N")
	h.contains("not returned (the link to osc-2022-01-11-201 is removed)", "u to undo")
	if _, ok := lib.ReturnedTo(id); ok {
		t.Fatal("after N the follow-up is still linked")
	}
	h.keys("N")
	h.contains("No later item is linked")
	h.keys("u")
	h.contains("Undone: "+id+" returned to osc-2022-01-11-201 again", "confirmed by a clerk")
	if ref, _ := lib.ReturnedTo(id); !ref.Confirmed || ref.ItemID != "osc-2022-01-11-201" {
		t.Errorf("after undo the library holds %+v", ref)
	}

	openRecord(h, "osc-2021-12-14-188-a1")
	h.keys("y")
	h.contains("Only follow-ups come back to committee")
}

func TestDetailForms(t *testing.T) {
	lib := newFixture()
	h := newHarness(t, lib, 120, 40, testOptions())
	id := "osc-2021-12-14-190-a1"
	openRecord(h, id)

	h.keys("o", "ctrl+u", "Chief Inspector Khan", "enter")
	h.contains("Saved: "+id+" owner set to “Chief Inspector Khan”", "set by a clerk")
	h.keys("u")
	h.contains("Undone: owner back to “Borough Commander”")

	h.keys("e", "2022-13-01", "enter")
	h.contains("there is no month 13")
	h.keys("ctrl+u", "2022-07-01", "enter")
	h.contains("due date set to 2022-07-01")
	h.keys("e", "ctrl+u", "+2w", "enter")
	h.contains("due date set to 2022-07-15")
	h.keys("e", "ctrl+u", "enter") // empty: back to the minutes' date
	h.contains("due date back to the minutes' none")

	h.keys("n", "enter")
	h.contains("type a note")
	h.keys("esc")
	if h.m.detail.form.open {
		t.Fatal("esc did not close the form")
	}
	rec, hist, _ := lib.Record(t.Context(), id)
	if rec.Owner != "Borough Commander" || !rec.Due.IsZero() || len(hist) != 5 {
		t.Errorf("library holds owner %q due %v and %d history entries", rec.Owner, rec.Due, len(hist))
	}
}

func TestResolutionsAreNotTracked(t *testing.T) {
	lib := newFixture()
	h := newHarness(t, lib, 120, 40, testOptions())
	openRecord(h, "cabinet-2022-02-17-612-r1")
	h.keys("d")
	h.contains("A resolution has no status, owner or due date")
	if rec, _, _ := lib.Record(t.Context(), "cabinet-2022-02-17-612-r1"); rec.Status != index.StatusOpen {
		t.Errorf("a resolution's status changed to %q", rec.Status)
	}
}

func TestGlobalKeysAreTypedInForms(t *testing.T) {
	h := newHarness(t, newFixture(), 120, 40, testOptions())
	h.keys("/", "q?1/")
	if h.quit || h.m.active != viewSearch || h.m.showHelp {
		t.Fatalf("global keys acted while typing a query (quit %v, view %v, help %v)", h.quit, h.m.active, h.m.showHelp)
	}
	if got := h.m.search.input.Value(); got != "q?1/" {
		t.Fatalf("query %q, want the keys typed", got)
	}
	h.keys("ctrl+c")
	if !h.quit {
		t.Fatal("ctrl+c did not quit from a text field")
	}
}

func TestTabCyclesViews(t *testing.T) {
	h := newHarness(t, newFixture(), 120, 40, testOptions())
	var seen []viewID
	for range 5 {
		h.keys("tab")
		seen = append(seen, h.m.active)
	}
	want := []viewID{viewSearch, viewMeetings, viewPeople, viewDue, viewSearch}
	for i := range want {
		if seen[i] != want[i] {
			t.Fatalf("tab went through %v, want %v", seen, want)
		}
	}
}

func TestMouseWheelScrolls(t *testing.T) {
	h := newHarness(t, newFixture(), 120, 20, testOptions())
	before := h.m.due.list.cursor
	h.send(tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if h.m.due.list.cursor <= before {
		t.Fatalf("wheel down left the cursor at %d", h.m.due.list.cursor)
	}
	h.send(tea.MouseMsg{Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress})
	if h.m.due.list.cursor != before {
		t.Fatalf("wheel up took the cursor to %d, want %d", h.m.due.list.cursor, before)
	}
}

func TestNoColorStylesHaveNoColour(t *testing.T) {
	st := NoColorStyles()
	for name, s := range map[string]lipgloss.Style{"Selected": st.Selected, "Match": st.Match, "Flag": st.Flag(index.FlagOverdue), "Banner": st.Banner} {
		if _, ok := s.GetForeground().(lipgloss.NoColor); !ok {
			t.Errorf("%s has a foreground colour", name)
		}
		if _, ok := s.GetBackground().(lipgloss.NoColor); !ok {
			t.Errorf("%s has a background colour", name)
		}
	}
}

func TestCommitteeLabel(t *testing.T) {
	tests := []struct {
		name string
		w    int
		want string
	}{
		{"Overview and Scrutiny Committee", 30, "Overview & Scrutiny"},
		{"Overview and Scrutiny Committee", 12, "O&S"},
		{"Environment and Community Safety Scrutiny Committee", 12, "E&CSS"},
		{"Planning Committee", 12, "Planning"},
		{"Health and Wellbeing Board", 12, "H&WB"},
		{"Cabinet", 3, "Cabinet"},
		{"", 12, "—"}, // minutes that name no committee
		{"  ", 8, "—"},
	}
	for _, tt := range tests {
		if got := committeeLabel(tt.name, tt.w); got != tt.want {
			t.Errorf("committeeLabel(%q, %d) = %q, want %q", tt.name, tt.w, got, tt.want)
		}
	}
}

func TestCommitteeName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Cabinet", "Cabinet"},
		{"", noCommittee},
		{" \t", noCommittee},
		{"Audit\nCommittee", "Audit Committee"},
	}
	for _, tt := range tests {
		if got := committeeName(tt.name); got != tt.want {
			t.Errorf("committeeName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestShortCouncil: the words every council's name has come off, and a
// word the key splits ("Hawke's") is kept whole, not lost.
func TestShortCouncil(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Harrow Council", "Harrow"},
		{"City of Des Moines", "Des Moines"},
		{"Hawke's Bay Regional Council", "Hawke's Bay"},
		{"Hawke’s Bay Regional Council", "Hawke’s Bay"},
		{"Stoke Ferry Parish Council", "Stoke Ferry Parish"},
		{"Council", "Council"},
	}
	for _, tt := range tests {
		if got := shortCouncil(tt.name); got != tt.want {
			t.Errorf("shortCouncil(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestReflow(t *testing.T) {
	in := "The Committee received a report of the\nCorporate Director which set out:\n(1) the approach;\n(2) the team.\n\nMembers asked\nabout 2.5 million\ncases.\n• one\n• two\nRESOLVED: That\na. the report be noted."
	want := "The Committee received a report of the Corporate Director which set out:\n(1) the approach;\n(2) the team.\n\nMembers asked about 2.5 million cases.\n• one\n• two\nRESOLVED: That\na. the report be noted."
	if got := reflow(in); got != want {
		t.Errorf("reflow:\n%s\nwant:\n%s", got, want)
	}
}

func TestPadCount(t *testing.T) {
	for _, tt := range []struct {
		in   string
		h    int
		want string
	}{
		{"a\nb", 2, "a\nb"},
		{"a", 3, "a\n\n"},
		{"a\nb\nc\nd", 2, "a\nb"},
		{"", 1, ""},
	} {
		if got := padCount(tt.in, tt.h); got != tt.want {
			t.Errorf("padCount(%q, %d) = %q, want %q", tt.in, tt.h, got, tt.want)
		}
	}
}

func TestDueBoardErrorFits(t *testing.T) {
	lib := newFixture()
	lib.failDue = errString("the library at /home/clerk/.local/share/minutebook is held by minutebook import (pid 4242) and did not answer within three seconds")
	h := newHarness(t, lib, 80, 24, testOptions())
	checkFrame(t, h.view(), 80, 24)
	h.contains("Could not load the due board")
}

func TestSearchPagesOnDemand(t *testing.T) {
	lib := newFakeLib(synth.Meetings(200, 3))
	h := newHarness(t, lib, 120, 40, testOptions())
	h.keys("/", "report")
	s := h.m.search
	if s.res == nil || int(s.res.Total) <= searchPage || len(s.rows) != searchPage {
		t.Fatalf("want a first page of %d of more hits; got %d rows", searchPage, len(s.rows))
	}
	if s.query.Facets {
		t.Error("facets were counted while not shown")
	}
	for range searchPage - 2 {
		h.keys("down")
	}
	if len(s.rows) != 2*searchPage {
		t.Fatalf("after moving to the end of the page, %d rows, want %d", len(s.rows), 2*searchPage)
	}
	if s.list.cursor != searchPage-2 {
		t.Errorf("the next page moved the cursor to %d", s.list.cursor)
	}
	h.keys("esc", "f")
	if !s.query.Facets || len(s.res.Facets["kind"]) == 0 {
		t.Error("entering the filters did not count the facets")
	}
}

// TestKeysThatArriveTogether: bubbletea reports runes read at once (a
// held-down j) as one message; each still moves the cursor, and text
// typed fast after / still goes into the query.
func TestKeysThatArriveTogether(t *testing.T) {
	h := newHarness(t, newFixture(), 120, 40, testOptions())
	start := h.m.due.list.cursor
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jjj")})
	if moved := h.m.due.list.cursor - start; moved < 3 {
		t.Fatalf("three j in one message moved the cursor %d rows", moved)
	}
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/fly")})
	if h.m.active != viewSearch || h.m.search.input.Value() != "fly" {
		t.Fatalf("\"/fly\" in one message: view %v, query %q", h.m.active, h.m.search.input.Value())
	}
}
