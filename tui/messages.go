package tui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// Messages. Everything slow (loading, searching, saving) runs in a tea.Cmd
// and comes back as one of these. Loads carry the sequence number of the
// request that made them; a view keeps the number of its latest request
// and drops any answer that is not to it, so a slow, stale answer never
// overwrites a newer one.

// viewID names the views.
type viewID int

const (
	viewDue viewID = iota
	viewSearch
	viewMeetings
	viewPeople
	viewDetail
	viewSources
	viewCheck
)

// navMsg asks the root to bring a view to the front, opening a record or
// a meeting in it.
type navMsg struct {
	to        viewID
	recordID  string        // viewDetail
	meetingID string        // viewMeetings: open this meeting…
	itemID    string        // …at this item
	committee string        // viewMeetings: the committee of the meeting
	minute    string        // viewMeetings: or at the item with this number
	span      string        // viewMeetings: choose the text of this record of the item
	person    string        // viewPeople: open this person's page; viewDue: narrow the board to them
	ownersOf  *index.Record // viewPeople: open the page of this record's owner
}

// backMsg asks the root to go back to the view before.
type backMsg struct{}

// flashMsg puts a line in the status bar for a few seconds.
type flashMsg struct {
	text  string
	isErr bool
}

// flashExpiredMsg clears the status line if it still shows flash seq.
type flashExpiredMsg struct{ seq int }

// pollMsg is the live-update tick: time to ask the library's generation.
type pollMsg struct{}

// generationMsg is the library's generation, as the poll found it.
type generationMsg struct {
	gen int64
	err error
}

// libraryChangedMsg tells every view that the library changed under it
// (another process imported or edited, or this one saved): data it holds
// may be stale.
type libraryChangedMsg struct{}

// asOfChangedMsg tells every view that the as-of date changed.
type asOfChangedMsg struct{ date minutes.Date }

// dueLoadedMsg is the due board's data, grouped and sorted.
type dueLoadedMsg struct {
	seq    int
	board  *dueBoard
	review []index.Record // the review queue the board was built with
	err    error
}

// committeesMsg is the list of committees, for the view that asked.
type committeesMsg struct {
	seq  int
	list []index.Committee
	err  error
}

// nextMeetingMsg answers "as of the next meeting".
type nextMeetingMsg struct {
	committee string
	text      string // what was typed: "next", "next meeting"
	date      minutes.Date
	ok        bool
	err       error
}

// searchDebounceMsg fires when typing has paused for the debounce time.
type searchDebounceMsg struct{ seq int }

// searchDoneMsg is one search's answer, with its rendered rows.
type searchDoneMsg struct {
	seq   int
	res   *index.SearchResult
	rows  []searchRow
	width int // the width rows were drawn for
	took  time.Duration
	err   error
}

// meetingsLoadedMsg is one committee's meetings.
type meetingsLoadedMsg struct {
	seq       int
	committee string
	list      []index.MeetingSummary
	err       error
}

// meetingLoadedMsg is one meeting with its items.
type meetingLoadedMsg struct {
	seq    int
	detail *index.MeetingDetail
	err    error
}

// recordLoadedMsg is one record and its history.
type recordLoadedMsg struct {
	seq  int
	rec  index.Record
	hist []index.HistoryEntry
	err  error
}

// savedMsg says a change was saved (or not).
type savedMsg struct {
	id   string
	rec  index.Record
	what string    // "marked done", "note added"
	undo *undoStep // how to undo it; nil when it cannot be undone
	// undid is the step this save undid; nil when it was a change of its own.
	undid *undoStep
	err   error
	// from is the record's version the change was made from; again, how
	// to make it again when another session changed the record since
	// ("press d again to mark done").
	from  int64
	again string
}

// undoStep is what puts one saved change back: the tracking as it was,
// or the follow-up's link decisions as they were, or a correction taken
// back. It applies only while the record is at after, the version the
// change left it at (the session's own later changes move it on), so an
// undo never takes back another session's change.
type undoStep struct {
	id     string
	change *index.Change          // the fields as they were
	links  *index.ReturnDecisions // the link decisions as they were
	what   string                 // what undoing does: "status back to open"
	after  int64
}

// maxUndo is how many saved changes u can take back in one session.
const maxUndo = 100

// viewMsg is the answer to a request a view made, for that view alone
// (after gh-dash's section messages, MakeSectionCmd): the root hands msg
// to the view to and to no other, so two views asking the same thing
// never take each other's answers.
type viewMsg struct {
	to  viewID
	msg tea.Msg
}

// cmdFor is cmd for a request of view to: its answer comes back to that
// view alone.
func (sh *shared) cmdFor(to viewID, f func(ctx context.Context) tea.Msg) tea.Cmd {
	return sh.cmd(func(ctx context.Context) tea.Msg { return viewMsg{to: to, msg: f(ctx)} })
}

// tagged is a message for view to alone, made at once.
func tagged(to viewID, msg tea.Msg) tea.Cmd {
	return func() tea.Msg { return viewMsg{to: to, msg: msg} }
}

// cmd wraps a function that talks to the library as a tea.Cmd, with a
// bound on how long it may take.
func (sh *shared) cmd(f func(ctx context.Context) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(sh.ctx, sh.callTimeout)
		defer cancel()
		return f(ctx)
	}
}

func flash(text string) tea.Cmd {
	return func() tea.Msg { return flashMsg{text: text} }
}

func navigate(m navMsg) tea.Cmd { return func() tea.Msg { return m } }

func goBack() tea.Msg { return backMsg{} }
