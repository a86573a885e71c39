package tui

// Cases found by looking at every view as a clerk would, on many
// councils' minutes, at 80, 100 and 160 columns.

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// TestCommitteesPageLines: in a library of many councils, each line of
// the committee list keeps its count and last date whole at 80 columns
// (the council's name is what is cut), and a committee whose minutes
// name none says so rather than leaving a blank.
func TestCommitteesPageLines(t *testing.T) {
	list := []index.Committee{
		{Key: "unnamed", Meetings: 5, Last: d("2024-10-28")},
		{Key: "fpc", Name: "Finance and Planning Committee", Council: "HAwkes Bay District Council", Meetings: 1, Last: d("2019-02-28")},
		{Key: "ccc", Name: "Community, Leisure & Emergency Services Strategic Policy Committee",
			Council: "Executive’s Draft Budget of Limerick City and County Council", Meetings: 12, Last: d("2018-12-17")},
		{Key: "rc", Name: "Regional Council", Council: "Hawke's Bay Regional Council", Meetings: 1, Last: d("2019-01-30")},
		{Key: "ecss", Name: "Environment and Community Safety Scrutiny Committee", Council: "Wexbridge Borough Council", Meetings: 7, Last: d("2026-11-03")},
	}
	sh := &shared{styles: NewNoColorStyles(testRenderer()), councils: index.CouncilsOf(list)}
	tests := []struct {
		line int
		want []string
		minW int // the narrowest window it holds at
	}{
		{0, []string{noCommittee, "no coun", "5 meetings · last 2024-10-28"}, 0},
		{1, []string{"Finance and Planning Committee", "1 meeting · last 2019-02-28"}, 0},
		{2, []string{"12 meetings · last 2018-12-17"}, 0},
		{3, []string{"Hawke's", "1 meeting · last 2019-01-30"}, 0},
		{4, []string{"Environment & Community Safety Scrutiny "}, 100},
	}
	for _, w := range []int{80, 100, 160} {
		p := &committeesPage{sh: sh}
		p.setSize(w, 20)
		p.set(list, nil, "")
		lines := strings.Split(p.view("crumbs"), "\n")[2:]
		for _, tt := range tests {
			if w < tt.minW {
				continue
			}
			for _, want := range tt.want {
				if !strings.Contains(lines[tt.line], want) {
					t.Errorf("width %d, line %d = %q, want it to hold %q", w, tt.line, lines[tt.line], want)
				}
			}
		}
	}
}

// TestDetailNamesTheCouncilOnce: a parish council's own meetings (the
// committee is the council) name it once on a record's detail.
func TestDetailNamesTheCouncilOnce(t *testing.T) {
	m := assignIDs(&minutes.Meeting{
		Council: "Ayton Community Council", Committee: "Ayton Community Council", Date: d("2018-05-01"),
		Source: minutes.Source{Name: "ayton.txt", Hash: "a1"},
		Items: []minutes.Item{{Number: "11", Title: "Any Other Competent Business", Body: "JS to advise.",
			Actions: []minutes.Record{{Text: "JS to advise.", Owner: "John Slater", Line: 3}}}},
	})
	h := newHarness(t, newFakeLib([]*minutes.Meeting{m}), 100, 24, testOptions())
	openRecord(h, m.Items[0].Actions[0].ID)
	l := boardLine(t, h, "Committee ")
	if strings.Count(l, "Ayton Community Council") != 1 {
		t.Fatalf("committee line %q names the council twice", l)
	}
}

// TestFacetRowScrollsToFocus: moving right along a facet wider than the
// window brings the chip chosen into sight, with "…" for those before.
func TestFacetRowScrollsToFocus(t *testing.T) {
	h := newHarness(t, newFixture(), 50, 24, testOptions())
	h.keys("/", "report", "esc", "f", "right", "right")
	l := boardLine(t, h, "committee ")
	if !strings.Contains(l, "[Planning 2]") || !strings.Contains(l, "… ") {
		t.Fatalf("facet row %q: want the chosen chip [Planning 2] after …", l)
	}
	h.keys("left", "left")
	if l := boardLine(t, h, "committee "); !strings.Contains(l, "[Overview & Scrutiny 5]") {
		t.Fatalf("back at the first chip the row is %q", l)
	}
}

func TestFirstChip(t *testing.T) {
	chips := []string{"[aaaaaaaa]", "[bbbbbbbb]", "[cccccccc]", "[dddddddd]"} // 10 cells each
	tests := []struct {
		focus, w, want int
	}{
		{0, 20, 0},
		{1, 40, 0},  // 22 + " …" fits
		{3, 40, 1},  // from the second: "… " + 3 chips + " …"
		{3, 100, 0}, // all fit
		{2, 15, 2},  // only the focused one
	}
	for _, tt := range tests {
		if got := firstChip(chips, tt.focus, tt.w); got != tt.want {
			t.Errorf("firstChip(focus %d, w %d) = %d, want %d", tt.focus, tt.w, got, tt.want)
		}
	}
	if kindBadge("meeting") != "MEETING" {
		t.Errorf("a meeting hit's badge is %q", kindBadge("meeting"))
	}
}

// TestUnknownCommandFits: at 80 columns the command line's answer to a
// command it does not know names every command, uncut.
func TestUnknownCommandFits(t *testing.T) {
	h := newHarness(t, newFixture(), 80, 24, testOptions())
	h.keys(":", "frobnicate", "enter")
	h.contains("no command “frobnicate”", ":check FILE", ":q quits")
}

// TestShowClosedWithNone: x on a board with nothing done or dropped says
// so, rather than seem to do nothing.
func TestShowClosedWithNone(t *testing.T) {
	h := newHarness(t, newFakeLib(fixtureMeetings()), 80, 24, testOptions())
	h.keys("x")
	if !strings.Contains(h.m.flash, "Nothing here is done or dropped") {
		t.Fatalf("x with nothing closed flashes %q", h.m.flash)
	}
	h = newHarness(t, newFixture(), 80, 24, testOptions()) // one action done
	h.keys("x")
	if h.m.flash != "" {
		t.Fatalf("x with a record done flashes %q", h.m.flash)
	}
}

// TestTitleBarAtEveryWidth: from 40 to 100 columns the title bar shows
// the as-of date whenever the tabs leave room for it.
func TestTitleBarAtEveryWidth(t *testing.T) {
	for w := 50; w <= 100; w++ {
		h := newHarness(t, newFixture(), w, 24, testOptions())
		bar := strings.Split(h.view(), "\n")[0]
		if !strings.Contains(bar, "as of 2022-05-20") {
			t.Errorf("%d wide: title bar %q has no as-of date", w, bar)
		}
	}
}

// TestPromptHintWraps: a form's hint too long for the window takes a
// second line rather than be cut ("· en…"); the command line, in the
// status and help lines' place, keeps to one.
func TestPromptHintWraps(t *testing.T) {
	sh := &shared{styles: NewNoColorStyles(testRenderer()), keys: DefaultKeyMap()}
	tests := []struct {
		name    string
		hint    string
		oneLine bool
		want    int
	}{
		{"short", "a short hint", false, 2},
		{"long", strings.Repeat("words of a hint ", 8), false, 3},
		{"very long", strings.Repeat("words of a hint ", 30), false, 3},
		{"command line", strings.Repeat("words of a hint ", 8), true, 2},
	}
	for _, tt := range tests {
		p := newPrompt(sh)
		p.oneLineHint = tt.oneLine
		p.setWidth(80)
		p.start(0, "Field: ", "", tt.hint)
		out := p.view()
		if n := strings.Count(out, "\n") + 1; n != tt.want || p.lines() != tt.want {
			t.Errorf("%s: %d lines drawn, lines() %d, want %d:\n%s", tt.name, n, p.lines(), tt.want, out)
		}
		for _, l := range strings.Split(out, "\n") {
			if ansi.StringWidth(l) > 80 {
				t.Errorf("%s: line %q is wider than 80", tt.name, l)
			}
		}
	}
	if len(cmdHint)+1 > 80 {
		t.Errorf("the command line's hint is %d long", len(cmdHint))
	}
}

// TestFormErrorKeepsCursorInSight: an as-of date refused with an error
// two lines long leaves the board's selected row on the screen.
func TestFormErrorKeepsCursorInSight(t *testing.T) {
	h := newHarness(t, newFixture(), 80, 24, testOptions())
	h.keys("G", "a", "ctrl+u", "not a date at all", "enter")
	if h.m.due.form.lines() != 3 {
		t.Skipf("the error fits one line (%q); nothing to test", h.m.due.form.err)
	}
	h.contains("▸ ")
}
