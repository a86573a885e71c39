package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// Correcting the parser: a clerk adds a record it missed (a span of an
// item's text made a resolution, action or follow-up, with a small form
// for its owner and due date that starts from the parser's guess),
// rejects one that is not a record (asked why, which also confirms it),
// gives one another kind or another span of its item's text, or accepts
// one the parser was unsure of. The corrector is the one component that
// does it, for the detail view and the meetings browser's item page: it
// holds the prompt and the kind chooser while they are open, and saves
// through the library, each change made to the record as it was shown
// (its Version) and coming back to the root as a savedMsg, so that it can
// be undone.

// correctionLibrary is what correcting the parser needs of the library.
type correctionLibrary interface {
	Update(ctx context.Context, id string, c index.Change) (index.Record, error)
	AddRecord(ctx context.Context, n index.NewRecord) (index.Record, error)
	Guess(ctx context.Context, itemID string, k minutes.Kind, text string) (minutes.Record, error)
}

// What the corrector's prompt is open for.
const (
	corrReject = iota + 1
	corrOwner
	corrDue
	corrText
)

type corrector struct {
	sh            *shared
	lib           correctionLibrary
	from          viewID // the view it works for: the parser's guess comes back to it
	width, height int

	form   prompt
	kinds  *chooser     // a record's new kind
	target index.Record // the record the kind, reason or text is for
	adding *newRecordForm
	seq    int
}

// newRecordForm is a record being added: where, what, and the form's
// answers so far.
type newRecordForm struct {
	item, committee string
	kind            minutes.Kind
	text            string
	guess           minutes.Record
	owner           string
}

// guessMsg is what the parser reads in a span a clerk is making a record
// of: the form starts from it.
type guessMsg struct {
	seq   int
	guess minutes.Record
	err   error
}

func newCorrector(sh *shared, lib correctionLibrary, from viewID) corrector {
	return corrector{sh: sh, lib: lib, from: from, form: newPrompt(sh)}
}

func (c *corrector) setSize(w, h int) {
	c.width, c.height = w, h
	c.form.setWidth(w)
	if c.kinds != nil {
		c.kinds.setSize(w, h)
	}
}

// active reports whether the corrector has the keys: a prompt or the kind
// chooser is open.
func (c *corrector) active() bool { return c.form.open || c.kinds != nil }

// capturing reports whether a text field has the keyboard.
func (c *corrector) capturing() bool { return c.form.open }

// close closes whatever is open.
func (c *corrector) close() {
	c.form.close()
	c.kinds, c.adding = nil, nil
}

// view draws body with what is open over it: the kind chooser in its
// place, or the prompt under it.
func (c *corrector) view(body string) string {
	switch {
	case c.kinds != nil:
		return padLines(c.kinds.view(), c.width, c.height)
	case c.form.open:
		return stackForm(body, c.form.view(), c.width, c.height)
	}
	return padLines(body, c.width, c.height)
}

// update handles a message while the corrector is active, and the
// parser's guess whenever it comes.
func (c *corrector) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case guessMsg:
		return c.guessed(msg)
	case tea.KeyMsg:
		if c.kinds != nil {
			return c.chooseKind(msg)
		}
		if c.form.open {
			return c.formKey(msg)
		}
	case tea.MouseMsg:
		if c.kinds != nil {
			return c.chooseKind(msg)
		}
	}
	return nil
}

// save saves a change to r, made to r as it was shown.
func (c *corrector) save(r index.Record, ch index.Change, what, again string, undo *undoStep) tea.Cmd {
	v := r.Version
	ch.Version = &v
	id, api := r.ID, c.lib
	return c.sh.cmd(func(ctx context.Context) tea.Msg {
		rec, err := api.Update(ctx, id, ch)
		return savedMsg{id: id, rec: rec, what: what, undo: undo, err: err, again: again, from: v}
	})
}

// reject asks why r is not a record (the answer confirms it), or restores
// r when it was rejected.
func (c *corrector) reject(r index.Record) tea.Cmd {
	c.close()
	if r.Orphaned {
		return flash("The minutes no longer give " + r.ID + ": only its tracking is kept")
	}
	if r.Rejected {
		yes := true
		return c.save(r, index.Change{Reject: new(bool)}, "restored: it is a record again", "press D again to restore it",
			&undoStep{id: r.ID, change: &index.Change{Reject: &yes}, what: r.ID + " rejected again"})
	}
	c.target = r
	return c.form.start(corrReject, "Reject "+r.ID+" — why? ", "",
		"it is not "+article(r.Kind)+" "+r.Kind.Label()+": it leaves the due board, counts, exports and search · enter rejects · esc keeps it")
}

// changeKind opens the kind chooser for r.
func (c *corrector) changeKind(r index.Record) tea.Cmd {
	c.close()
	if r.Orphaned {
		return flash("The minutes no longer give " + r.ID + ": only its tracking is kept")
	}
	c.target = r
	c.kinds = newChooser(c.sh, "Make "+r.ID+" a", c.width, c.height)
	var cs []choice
	cur := 0
	for i, k := range recordKinds {
		ch := choice{label: k.Label()}
		if k == r.Kind {
			ch.note, cur = "(it is now)", i
		}
		cs = append(cs, ch)
	}
	c.kinds.setChoices(cs, cur)
	return nil
}

var recordKinds = []minutes.Kind{minutes.KindResolution, minutes.KindAction, minutes.KindFollowUp}

func (c *corrector) chooseKind(msg tea.Msg) tea.Cmd {
	res := c.kinds.update(msg)
	if !res.done {
		return nil
	}
	c.kinds = nil
	if res.picked < 0 || res.picked >= len(recordKinds) {
		return nil
	}
	r, k := c.target, recordKinds[res.picked]
	if k == r.Kind {
		return flash(r.ID + " is already a " + k.Label())
	}
	old := r.Kind
	return c.save(r, index.Change{Kind: &k}, "made "+article(k)+" "+k.Label(), "press K again to change its kind",
		&undoStep{id: r.ID, change: &index.Change{Kind: &old}, what: r.ID + " back to " + article(old) + " " + old.Label()})
}

// accept says the parser was right about r: it leaves the review queue.
func (c *corrector) accept(r index.Record) tea.Cmd {
	c.close()
	if r.Corrected && !r.Review {
		return flash(r.ID + " is already checked by a clerk")
	}
	return c.save(r, index.Change{Accept: true}, "accepted: the parser was right (it leaves the review queue)", "press A again to accept it", nil)
}

// setText gives r the span text of its item.
func (c *corrector) setText(r index.Record, text string) tea.Cmd {
	c.close()
	if strings.TrimSpace(text) == "" || text == r.Text {
		return nil
	}
	old := r.Text
	return c.save(r, index.Change{Text: &text}, "text set to “"+clip(oneLine(text), 40)+"”", "choose the span again",
		&undoStep{id: r.ID, change: &index.Change{Text: &old}, what: r.ID + "'s text back as it was"})
}

// editWords opens the prompt on r's text (or a selection for it), for the
// clerk to trim or extend word by word.
func (c *corrector) editWords(r index.Record, text string) tea.Cmd {
	c.close()
	c.target = r
	return c.form.start(corrText, "Text: ", text, "words of the item's text (case and spacing do not matter) · enter saves · esc cancels")
}

// startAdd makes a record of kind of a span of an item: a resolution at
// once, an action or follow-up once the form has its owner and due date,
// which start from what the parser reads in the span.
func (c *corrector) startAdd(item, committee string, k minutes.Kind, text string) tea.Cmd {
	c.close()
	c.adding = &newRecordForm{item: item, committee: committee, kind: k, text: text}
	if k == minutes.KindResolution {
		return c.add()
	}
	c.seq++
	seq, api := c.seq, c.lib
	return c.sh.cmdFor(c.from, func(ctx context.Context) tea.Msg {
		g, err := api.Guess(ctx, item, k, text)
		return guessMsg{seq: seq, guess: g, err: err}
	})
}

func (c *corrector) guessed(msg guessMsg) tea.Cmd {
	if msg.seq != c.seq || c.adding == nil {
		return nil
	}
	if msg.err != nil {
		c.adding = nil
		return func() tea.Msg { return flashMsg{text: "Not added: " + msg.err.Error(), isErr: true} }
	}
	c.adding.guess = msg.guess
	return c.form.start(corrOwner, "Owner: ", msg.guess.Owner,
		"who is to act (the parser's reading of the text, when it has one) · enter next · esc cancels · ctrl+u clear")
}

func (c *corrector) formKey(msg tea.KeyMsg) tea.Cmd {
	res := c.form.update(msg)
	switch {
	case res.cancelled:
		c.close()
		return nil
	case !res.submitted:
		return res.cmd
	}
	val := strings.TrimSpace(res.value)
	switch c.form.purpose {
	case corrReject:
		r := c.target
		c.form.close()
		no := false
		yes := true
		what := "rejected: not " + article(r.Kind) + " " + r.Kind.Label()
		if val != "" {
			what += " (" + clip(oneLine(val), 40) + ")"
		}
		return c.save(r, index.Change{Reject: &yes, Note: val}, what, "press D again to reject it",
			&undoStep{id: r.ID, change: &index.Change{Reject: &no}, what: r.ID + " restored"})
	case corrText:
		r := c.target
		if val == "" {
			c.form.fail("type the words of the item's text, or esc to cancel")
			return nil
		}
		return c.setText(r, val)
	case corrOwner:
		c.adding.owner = val
		g := c.adding.guess
		due := g.DueMeeting
		if due == "" && !g.Due.IsZero() {
			due = g.Due.String()
		}
		return c.form.start(corrDue, "Due: ", due,
			dateHint+", or the meeting it is due back at (“the next meeting”, “the June 2026 meeting”); empty for none · enter adds it")
	case corrDue:
		if err := c.readDue(val); err != nil {
			c.form.fail(err.Error())
			return nil
		}
		c.form.close()
		return c.add()
	}
	return nil
}

// readDue reads the due date typed for a record being added: a date in
// the grammar of every date prompt, or the meeting it is due back at.
func (c *corrector) readDue(val string) error {
	a := c.adding
	a.guess.Due, a.guess.DueMeeting = minutes.Date{}, ""
	low := strings.ToLower(val)
	switch {
	case val == "" || low == "none":
	case minutes.NeedsNextMeeting(val) && !strings.Contains(low, "meeting"):
		a.guess.DueMeeting = "the next meeting"
	case strings.Contains(low, "meeting") || strings.Contains(low, "mtg"):
		a.guess.DueMeeting = val
	default:
		today := c.sh.today()
		d, err := minutes.ParseUserDate(val, minutes.DateContext{Today: today, Base: today})
		if err != nil {
			if _, ok := monthMeeting(val); ok {
				a.guess.DueMeeting = val
				return nil
			}
			return fmt.Errorf("%v; or name the meeting: “the next meeting”, “the June 2026 meeting”", err)
		}
		a.guess.Due = d
	}
	return nil
}

// monthMeeting reports whether s names a month and year ("June 2026"):
// the committee's meeting then.
func monthMeeting(s string) (string, bool) {
	f := strings.Fields(s)
	if len(f) != 2 {
		return "", false
	}
	d, err := minutes.ParseUserDate("1 "+s, minutes.DateContext{})
	return s, err == nil && !d.IsZero()
}

// add saves the record being added.
func (c *corrector) add() tea.Cmd {
	a := c.adding
	c.adding = nil
	n := index.NewRecord{ItemID: a.item, Kind: a.kind, Text: a.text, Owner: a.owner, Due: a.guess.Due, DueMeeting: a.guess.DueMeeting}
	what := "added as " + article(a.kind) + " " + a.kind.Label()
	if a.owner != "" {
		what += " for " + clip(oneLine(a.owner), 30)
	}
	api := c.lib
	return c.sh.cmd(func(ctx context.Context) tea.Msg {
		rec, err := api.AddRecord(ctx, n)
		if err != nil {
			return savedMsg{id: a.item, what: what, err: err}
		}
		return savedMsg{id: rec.ID, rec: rec, what: what,
			undo: &undoStep{id: rec.ID, change: &index.Change{Withdraw: true}, what: "the record added to " + a.item + " taken back"}}
	})
}

// article is "a" or "an" before a kind.
func article(k minutes.Kind) string {
	if k == minutes.KindAction {
		return "an"
	}
	return "a"
}

// clip shortens s to n runes, with "…".
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// conflictNotice says what another session changed in a record since it
// was shown ("dropped by another session at 13:11"), and how to go on:
// again ("press d again to mark done"), or that nothing was saved.
func conflictNotice(sh *shared, err error, again string) (string, bool) {
	var ce *index.ConflictError
	if !errors.As(err, &ce) {
		return "", false
	}
	s := ce.Describe(sh.loc, sh.now())
	if again != "" {
		return s + " — " + again, true
	}
	return s + " — nothing was saved", true
}

// correctionLabel says where a record stands with the clerks'
// corrections, for a heading: "" for a record of the minutes no clerk
// corrected.
func correctionLabel(r index.Record) string {
	switch {
	case r.Rejected:
		return "REJECTED: not a record (D restores it)"
	case r.Origin == index.OriginClerk:
		return "added by a clerk"
	case r.Origin == index.OriginKept:
		return "kept from your corrections: the minutes as parsed no longer give it"
	case r.Review:
		return "to review: " + r.Why + " (A accepts · D rejects · K kind · T text)"
	}
	return ""
}

// historyWhat says what one line of a record's history did.
func historyWhat(h index.HistoryEntry) string {
	var s string
	switch h.Field {
	case "note":
		s = "note: " + oneLine(h.New)
	case "status":
		s = "status " + statusLabel(index.Status(h.Old)) + " → " + statusLabel(index.Status(h.New))
	case index.FieldAdded:
		s = "added by a clerk (the parser missed it)"
	case index.FieldWithdrawn:
		s = "addition taken back"
	case index.FieldRejected:
		s = "rejected: not a record"
		if h.New != "" {
			s += " — " + oneLine(h.New)
		}
	case index.FieldRestored:
		s = "rejection taken back"
	case index.FieldAccepted:
		s = "accepted: the parser was right"
	case index.FieldKind:
		s = "kind " + minutes.Kind(h.Old).Label() + " → " + minutes.Kind(h.New).Label()
	case index.FieldText:
		s = "text “" + clip(oneLine(h.Old), 40) + "” → “" + clip(oneLine(h.New), 40) + "”"
	default:
		old, nw := oneLine(h.Old), oneLine(h.New)
		if old == "" {
			old = "none"
		}
		if nw == "" {
			nw = "none"
		}
		s = oneLine(h.Field) + " " + old + " → " + nw
	}
	if h.Forced {
		s += " (forced over another session's change)"
	}
	return s
}
