package tui

import (
	"context"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/minutebook/minutebook/index"
)

// The review queue on the due board: the records the parser was unsure
// of that no clerk has corrected yet, in a group of their own at the top
// ("TO REVIEW"), where single keys settle each one: y the parser was
// right, n it is not a record; enter opens it to change its kind or text.
// Accepting or rejecting takes a record out of the queue for good; u
// undoes a rejection.

// flagReview is the due board's group of the review queue (no flag of the
// library's: a record in it is shown there rather than under its flag).
const flagReview index.Flag = "review"

// reviewKey settles the review record under the cursor with a single key.
// It reports whether the key was one of the queue's.
func (v *dueView) reviewKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := v.sh.keys
	if !key.Matches(msg, k.ReviewYes, k.ReviewNo, k.Accept, k.Reject) {
		return nil, false
	}
	if v.list.cursor >= len(v.rows) || v.rows[v.list.cursor].flag != flagReview || v.rows[v.list.cursor].heading {
		if key.Matches(msg, k.ReviewYes, k.ReviewNo) {
			return nil, false
		}
		return flash("A and D settle the records in TO REVIEW; open a record (enter) to correct it"), true
	}
	r := v.board.recs[v.rows[v.list.cursor].rec]
	// One after another: once this one is settled, the cursor goes on to
	// the next in the queue (or the one before, at its end).
	v.keepID = ""
	for _, d := range []int{1, -1} {
		if i := v.list.cursor + d; i >= 0 && i < len(v.rows) && v.rows[i].flag == flagReview && !v.rows[i].heading {
			v.keepID = v.board.recs[v.rows[i].rec].ID
			break
		}
	}
	from := r.Version
	c := index.Change{Accept: true, Version: &from}
	what, again := "accepted: the parser was right", "press y again to accept it"
	var undo *undoStep
	if key.Matches(msg, k.ReviewNo, k.Reject) {
		yes, no := true, false
		c = index.Change{Reject: &yes, Version: &from}
		what, again = "rejected: not "+article(r.Kind)+" "+r.Kind.Label(), "press n again to reject it"
		undo = &undoStep{id: r.ID, change: &index.Change{Reject: &no}, what: r.ID + " restored"}
	}
	id, api := r.ID, v.lib
	return v.sh.cmd(func(ctx context.Context) tea.Msg {
		rec, err := api.Update(ctx, id, c)
		return savedMsg{id: id, rec: rec, what: what, undo: undo, err: err, from: from, again: again}
	}), true
}
