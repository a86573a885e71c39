package tui

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
	sampledata "github.com/minutebook/minutebook/sample-data"
)

// The clerk corrects the parser in the TUI (correct.go, span.go,
// review.go), and edits made from a stale screen are refused (issue 18).

// unsureFixture is the fixture with one record the parser was unsure of.
func unsureFixture() *fakeLib {
	f := newFixture()
	r := &f.recByID["osc-2021-12-14-190-a1"].rec
	r.Confidence, r.Why, r.Review = minutes.ConfidenceLow, "the owner may be someone else", true
	return f
}

// toItem188 opens item 188 of the December meeting on the meetings page.
var toItem188 = []string{"3", "j", "enter", "j", "enter", "j", "j", "j", "enter"}

// correctionScenes are the corrections' states of the TUI, compared with
// golden files at 80×24 (go test ./tui -run TestGoldenCorrections -update
// rewrites them).
var correctionScenes = []struct {
	name  string
	drive func(h *harness, f *fakeLib)
}{
	{"due_review", func(h *harness, f *fakeLib) {}},
	{"item_selecting", func(h *harness, f *fakeLib) { h.keys(toItem188...); h.keys("v", "l", "L") }},
	{"item_owner_form", func(h *harness, f *fakeLib) { h.keys(toItem188...); h.keys("v", "l", "a") }},
	{"item_added", func(h *harness, f *fakeLib) {
		h.keys(toItem188...)
		h.keys("v", "l", "a", "ctrl+u", "Licensing Manager", "enter", "ctrl+u", "+2w", "enter")
	}},
	{"item_span_edit", func(h *harness, f *fakeLib) { h.keys(toItem188...); h.keys("j", "T", "H") }},
	{"detail_review", func(h *harness, f *fakeLib) { openRecord(h, "osc-2021-12-14-190-a1") }},
	{"detail_reject_form", func(h *harness, f *fakeLib) {
		openRecord(h, "osc-2021-12-14-190-a1")
		h.keys("D", "the Commander's own report, not a task")
	}},
	{"detail_rejected", func(h *harness, f *fakeLib) {
		openRecord(h, "osc-2021-12-14-190-a1")
		h.keys("D", "the Commander's own report, not a task", "enter")
	}},
	{"detail_kind_chooser", func(h *harness, f *fakeLib) { openRecord(h, "osc-2021-12-14-188-r1"); h.keys("K") }},
	{"detail_conflict", func(h *harness, f *fakeLib) {
		openRecord(h, "osc-2021-12-14-188-a1")
		dropped := index.StatusDropped
		if _, err := f.Update(context.Background(), "osc-2021-12-14-188-a1", index.Change{Status: &dropped, Note: "cli dropped it", Who: "bob"}); err != nil {
			panic(err)
		}
		h.keys("d")
	}},
}

func TestGoldenCorrections(t *testing.T) {
	for _, sc := range correctionScenes {
		t.Run(sc.name, func(t *testing.T) {
			f := unsureFixture()
			h := newHarness(t, f, 80, 24, testOptions())
			sc.drive(h, f)
			out := h.view()
			checkFrame(t, out, 80, 24)
			golden.RequireEqual(t, out)
		})
	}
}

func TestSentences(t *testing.T) {
	body := "The Committee met. An officer undertook to write to Mr. Smith by 3 May.\nRESOLVED: That the report be noted.\n\n• the first point\nand e.g. more"
	var got []string
	for _, u := range sentences(body) {
		got = append(got, body[u.from:u.to])
	}
	want := []string{"The Committee met.", "An officer undertook to write to Mr.", "Smith by 3 May.", "RESOLVED:", "That the report be noted.",
		"• the first point", "and e.g. more"}
	if !slices.Equal(got, want) {
		t.Errorf("sentences:\n%q\nwant\n%q", got, want)
	}
}

func TestSelectSpanMakeAnAction(t *testing.T) {
	f := newFixture()
	h := newHarness(t, f, 100, 40, testOptions())
	h.keys(toItem188...)
	h.keys("v")
	p := &h.m.meetings.text
	if !p.sel.on || p.selection() != "The Committee received a report on the Council's approach to enforcement across licensing, environmental crime and planning." {
		t.Fatalf("v selects %q", p.selection())
	}
	h.keys("l", "l") // by sentence
	if got := p.selection(); got != "An officer undertook to provide Members with the number of fixed penalty notices issued for fly-tipping in each ward." {
		t.Fatalf("two sentences on: %q", got)
	}
	h.send(tea.KeyMsg{Type: tea.KeyShiftLeft}) // extend back over the question
	if got := p.selection(); !strings.HasPrefix(got, "Members asked how many") || !strings.HasSuffix(got, "in each ward.") {
		t.Fatalf("extended: %q", got)
	}
	h.keys("j") // a line down, not extending: the next paragraph's sentence
	if got := p.selection(); got != "Members welcomed the joint working with the police on unlicensed street trading." {
		t.Fatalf("a line down: %q", got)
	}
	h.keys("v", "k") // v: moves extend, up to the first sentence on the line above
	if got := p.selection(); !strings.HasPrefix(got, "Members asked") || !strings.HasSuffix(got, "street trading.") {
		t.Fatalf("v then up: %q", got)
	}
	h.keys("v", "j", "a")
	h.contains("Owner:")
	h.keys("ctrl+u", "Street Trading Officer", "enter")
	h.contains("Due:")
	h.keys("ctrl+u", "the next meeting", "enter")
	h.contains("Saved: osc-2021-12-14-188-ca1 added as an action for Street Trading Officer")
	if p.sel.on {
		t.Error("the selection is still on after the record was made")
	}
	r, _, err := f.Record(context.Background(), "osc-2021-12-14-188-ca1")
	if err != nil || r.Owner != "Street Trading Officer" || r.Due != d("2022-01-11") || r.Text != "Members welcomed the joint working with the police on unlicensed street trading." {
		t.Fatalf("added %+v (%v)", r, err)
	}
	h.keys("1")
	if !onBoard(h.m, "osc-2021-12-14-188-ca1") {
		t.Error("the added action is not on the due board")
	}
	// u takes it back.
	h.keys("u")
	h.contains("Undone:")
	if _, _, err := f.Record(context.Background(), "osc-2021-12-14-188-ca1"); err != nil {
		if rec := f.recByID["osc-2021-12-14-188-ca1"]; rec == nil || !rec.gone {
			t.Error("undo did not take the record back")
		}
	}
}

func TestMouseDragSelects(t *testing.T) {
	h := newHarness(t, newFixture(), 100, 40, testOptions())
	h.keys(toItem188...)
	p := &h.m.meetings.text
	// The text starts on the view's third line (crumbs and heading), the
	// title bar above it: a press on the line of "Members asked", a drag
	// two lines down.
	line := -1
	for i, l := range p.lines {
		if strings.Contains(l, "Members asked") {
			line = i
			break
		}
	}
	if line < 0 {
		t.Fatal("no line with the question")
	}
	y := line + 2 + 1 // the title bar
	h.send(tea.MouseMsg{X: 4, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	h.send(tea.MouseMsg{X: 10, Y: y + 3, Action: tea.MouseActionMotion, Button: tea.MouseButtonLeft})
	h.send(tea.MouseMsg{X: 10, Y: y + 3, Action: tea.MouseActionRelease, Button: tea.MouseButtonLeft})
	got := p.selection()
	if !p.sel.on || !strings.HasPrefix(got, "Members asked") || !strings.Contains(got, "in each ward.") {
		t.Fatalf("dragged over %q", got)
	}
}

func TestRejectAsksAndUndoRestores(t *testing.T) {
	f := newFixture()
	h := newHarness(t, f, 100, 40, testOptions())
	id := "osc-2021-12-14-190-a1"
	openRecord(h, id)
	h.keys("D")
	h.contains("Reject " + id + " — why?")
	h.keys("esc") // kept
	if f.recByID[id].rec.Rejected {
		t.Fatal("esc rejected it")
	}
	h.keys("D", "his own report, not a task", "enter")
	h.contains("Saved: "+id+" rejected: not an action", "REJECTED")
	if !f.recByID[id].rec.Rejected {
		t.Fatal("enter did not reject it")
	}
	h.keys("1")
	if onBoard(h.m, id) {
		t.Error("the rejected action is on the due board")
	}
	h.keys("u")
	h.contains("Undone: " + id + " restored")
	if f.recByID[id].rec.Rejected {
		t.Error("undo did not restore it")
	}
	if !onBoard(h.m, id) {
		t.Error("restored, the action is not on the due board")
	}
}

func TestKindChangeFromTheChooser(t *testing.T) {
	f := newFixture()
	h := newHarness(t, f, 100, 40, testOptions())
	id := "osc-2021-12-14-188-r1"
	openRecord(h, id)
	h.keys("K")
	h.contains("Make " + id + " a")
	h.keys("j", "enter") // resolution → action
	h.contains("Saved: " + id + " made an action")
	if f.recByID[id].rec.Kind != minutes.KindAction {
		t.Fatalf("kind %s", f.recByID[id].rec.Kind)
	}
	h.keys("u")
	if f.recByID[id].rec.Kind != minutes.KindResolution {
		t.Errorf("undo left it a %s", f.recByID[id].rec.Kind)
	}
}

func TestReviewQueueSingleKeys(t *testing.T) {
	f := unsureFixture()
	second := &f.recByID["osc-2021-12-14-189-a1"].rec
	second.Confidence, second.Why, second.Review = minutes.ConfidenceLow, "a date but no verb", true
	h := newHarness(t, f, 120, 40, testOptions())
	h.contains("TO REVIEW (2)")
	// The cursor starts on the first row of the board: the queue's first.
	h.keys("y")
	h.contains("accepted: the parser was right", "TO REVIEW (1)")
	h.keys("n")
	h.contains("rejected: not an action")
	if strings.Contains(h.view(), "TO REVIEW") {
		t.Errorf("the queue is still shown:\n%s", h.view())
	}
	accepted, rejected := 0, 0
	for _, id := range []string{"osc-2021-12-14-190-a1", "osc-2021-12-14-189-a1"} {
		r := f.recByID[id].rec
		if r.Review {
			t.Errorf("%s is still to review", id)
		}
		if r.Rejected {
			rejected++
		} else {
			accepted++
		}
	}
	if accepted != 1 || rejected != 1 {
		t.Errorf("accepted %d, rejected %d", accepted, rejected)
	}
}

// A change made from a screen that no longer matches the store is
// refused, says what changed and who changed it, and the screen shows
// the record as it now is; pressing the key again makes the change.
func TestStaleChangeIsRefusedOnTheFake(t *testing.T) {
	f := newFixture()
	h := newHarness(t, f, 120, 40, testOptions())
	id := "osc-2021-12-14-188-a1"
	openRecord(h, id)
	dropped := index.StatusDropped
	if _, err := f.Update(context.Background(), id, index.Change{Status: &dropped, Note: "cli dropped it", Who: "bob"}); err != nil {
		t.Fatal(err)
	}
	h.keys("d")
	h.contains("dropped by bob at 10:00 — press d again to mark it done")
	if f.recByID[id].rec.Status != index.StatusDropped {
		t.Fatalf("the stale d saved: %s", f.recByID[id].rec.Status)
	}
	h.keys("u")
	h.contains("Nothing to undo")
	h.keys("d")
	h.contains("Saved: " + id + " marked done")
	if f.recByID[id].rec.Status != index.StatusDone {
		t.Fatalf("d again: %s", f.recByID[id].rec.Status)
	}
	// Another change from elsewhere: u can no longer take back ours.
	owner := "Jo Bloggs"
	if _, err := f.Update(context.Background(), id, index.Change{Owner: &owner, Who: "bob"}); err != nil {
		t.Fatal(err)
	}
	h.keys("u")
	h.contains("Not undone: " + id + " changed since your change")
	if f.recByID[id].rec.Status != index.StatusDone {
		t.Errorf("the refused undo changed the status to %s", f.recByID[id].rec.Status)
	}
}

// Undo steps of one record, made one after another in one session, are
// each the session's own: undoing them in turn works.
func TestUndoOwnChangesInTurn(t *testing.T) {
	f := newFixture()
	h := newHarness(t, f, 120, 40, testOptions())
	id := "osc-2021-12-14-188-a1"
	openRecord(h, id)
	h.keys("p")
	h.keys("o", "ctrl+u", "Jo Bloggs", "enter")
	h.keys("d")
	h.keys("u", "u", "u")
	r := f.recByID[id].rec
	if r.Status != index.StatusOpen || r.Owner != "Director of Environment" {
		t.Errorf("after three undos: status %s, owner %q\n%s", r.Status, r.Owner, h.view())
	}
}

// realLibrary is a library on disk holding the bundled sample minutes.
func realLibrary(t *testing.T) (*index.Library, string) {
	t.Helper()
	dir := t.TempDir()
	lib := openReal(t, dir)
	err := fs.WalkDir(sampledata.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		data, err := fs.ReadFile(sampledata.FS, path)
		if err == nil {
			_, err = lib.Import(context.Background(), path, data)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return lib, dir
}

func openReal(t *testing.T, dir string) *index.Library {
	t.Helper()
	lib, err := index.Open(context.Background(), dir, index.Options{IndexDir: ":memory:"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	return lib
}

func realOptions() Options {
	opt := testOptions()
	opt.AsOf = d("2022-01-05")
	opt.Now = time.Now
	opt.PollInterval = 50 * time.Millisecond
	return opt
}

func startReal(t *testing.T, lib *index.Library, w, h int, opts ...func(*Options)) *teatest.TestModel {
	t.Helper()
	opt := realOptions()
	for _, f := range opts {
		f(&opt)
	}
	tm := teatest.NewTestModel(t, New(context.Background(), lib, opt), teatest.WithInitialTermSize(w, h))
	t.Cleanup(func() { _ = tm.Quit() })
	return tm
}

// TestFlowSpanToActionRejectRestart, on a real library: a span of an
// item's text made an action shows on the due board; a follow-up
// rejected leaves it; after a restart both are still so.
func TestFlowSpanToActionRejectRestart(t *testing.T) {
	lib, dir := realLibrary(t)
	tm := startReal(t, lib, 120, 40)
	waitFor(t, tm, "All committees")
	// Item 189 of the Overview and Scrutiny Committee's December meeting.
	tm.Send(navMsg{to: viewMeetings, committee: "Overview and Scrutiny Committee", meetingID: "osc-2021-12-14", itemID: "osc-2021-12-14-189"})
	waitFor(t, tm, "Community Safety Strategic Assessment 2021")
	tm.Type("v") // the first sentence of the item's text, then the next
	tm.Type("l")
	tm.Type("a")
	waitFor(t, tm, "Owner:")
	tm.Send(press(tea.KeyCtrlU))
	tm.Type("Head of Community Safety")
	tm.Send(press(tea.KeyEnter))
	waitFor(t, tm, "Due:")
	tm.Send(press(tea.KeyCtrlU))
	tm.Type("2022-02-28")
	tm.Send(press(tea.KeyEnter))
	waitFor(t, tm, "added as an action for Head of Community Safety")
	added := ""
	recs, err := lib.Due(context.Background(), index.DueQuery{AsOf: d("2022-01-05")})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if r.Origin == index.OriginClerk {
			added = r.ID
		}
	}
	if added == "" || !strings.HasPrefix(added, "osc-2021-12-14-189-ca") {
		t.Fatalf("no clerk's action on the due board: %v", recs)
	}
	// Reject a follow-up from its detail.
	tm.Send(navMsg{to: viewDetail, recordID: "osc-2021-12-14-189-f2"})
	waitFor(t, tm, "Accommodation Strategy") // its text: loaded
	tm.Type("D")
	waitFor(t, tm, "why?")
	tm.Type("a strategy, not due back")
	tm.Send(press(tea.KeyEnter))
	waitFor(t, tm, "REJECTED: not a record")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(30*time.Second))

	// Restart: a new program on the library opened again.
	lib.Close()
	lib = openReal(t, dir)
	tm = startReal(t, lib, 120, 40)
	waitFor(t, tm, "All committees · ", " open · ") // the board, loaded
	tm.Type("q")
	out := tm.FinalModel(t, teatest.WithFinalTimeout(30*time.Second)).(*Model)
	if onBoard(out, "osc-2021-12-14-189-f2") {
		t.Error("after a restart the rejected follow-up is on the due board")
	}
	if !onBoard(out, added) {
		t.Error("after a restart the added action is not on the due board")
	}
	r, _, err := lib.Record(context.Background(), "osc-2021-12-14-189-f2")
	if err != nil || !r.Rejected {
		t.Errorf("after a restart: %+v (%v)", r, err)
	}
}

// TestFlowSecondWriter is issue 18's sequence with a second writer: the
// TUI shows an action as open; another session drops it; d in the TUI is
// refused and says so; u has nothing of the TUI's to take back; d again
// marks it done, over the drop the clerk has now seen.
func TestFlowSecondWriter(t *testing.T) {
	lib, dir := realLibrary(t)
	other := openReal(t, dir)
	id := "osc-2021-12-14-189-a2"
	// No poll: the d comes before the TUI's next refresh.
	tm := startReal(t, lib, 120, 40, func(o *Options) { o.PollInterval = -1 })
	waitFor(t, tm, "All committees")
	tm.Send(navMsg{to: viewDetail, recordID: id})
	// The record's page, loaded (the board shows its text too): only then
	// does the other session drop it, or the page would load the drop.
	waitFor(t, tm, "Borough Commander undertook", "Status     open")
	dropped := index.StatusDropped
	if _, err := other.Update(context.Background(), id, index.Change{Status: &dropped, Note: "cli dropped it"}); err != nil {
		t.Fatal(err)
	}
	tm.Type("d")
	waitFor(t, tm, "dropped by another session at ", "press d again to mark it done")
	tm.Type("u")
	waitFor(t, tm, "Nothing to undo")
	tm.Type("d")
	waitFor(t, tm, "Saved: "+id+" marked done")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(30*time.Second))
	_, hist, err := lib.Record(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hist {
		got = append(got, fmt.Sprintf("%s %s→%s", h.Field, h.Old, h.New))
	}
	want := []string{"status open→dropped", "note →cli dropped it", "status dropped→done"}
	if !slices.Equal(got, want) {
		t.Errorf("history %v, want %v", got, want)
	}
}

// onBoard reports whether the due board lists record id.
func onBoard(m *Model, id string) bool {
	if m.due.board == nil {
		return false
	}
	for _, g := range m.due.board.groups {
		for _, i := range g.recs {
			if m.due.board.recs[i].ID == id {
				return true
			}
		}
	}
	return false
}
