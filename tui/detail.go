package tui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/minutes"
)

// The detail view: one record's verbatim text, where it came from, the
// later item that answered it, its tracking history, and the keys that
// change its tracking. Every change is saved at once, in a tea.Cmd, and
// confirmed in the status line.

// formKind is what the detail view's prompt is open for.
type formKind int

const (
	formNote formKind = iota + 1
	formOwner
	formDue
)

// recordLibrary is what the detail view needs of the library: the record
// and its history, the clerk's edits and return decisions, and the next
// meeting a due date of "next" means.
type recordLibrary interface {
	Record(ctx context.Context, id string) (index.Record, []index.HistoryEntry, error)
	Update(ctx context.Context, id string, c index.Change) (index.Record, error)
	LinkReturn(ctx context.Context, followUpID string, itemID string) error
	ReturnDecisions(ctx context.Context, followUpID string) (index.ReturnDecisions, error)
	SetReturnDecisions(ctx context.Context, followUpID string, d index.ReturnDecisions) error
	NextMeeting(ctx context.Context, committee string, after minutes.Date) (minutes.Date, bool, error)
}

type detailView struct {
	sh            *shared
	lib           recordLibrary
	picks         pickerLibrary // for the return picker
	width, height int

	id     string
	rec    index.Record
	hist   []index.HistoryEntry
	loaded bool
	err    error
	seq    int
	stale  bool
	saving bool

	lines  []string
	scroll int

	form prompt // the note, owner or due date being typed; its purpose is a formKind

	picker *returnPicker // R: choosing the item a follow-up came back as

	corr   corrector // K, D, A: the record's kind, a rejection, an acceptance
	notice string    // what another session changed, when a change was refused
}

func newDetailView(sh *shared, lib recordLibrary, picks pickerLibrary, corr correctionLibrary) *detailView {
	return &detailView{sh: sh, lib: lib, picks: picks, form: newPrompt(sh), corr: newCorrector(sh, corr, viewDetail)}
}

func (v *detailView) SetSize(w, h int) {
	v.width, v.height = w, h
	if v.picker != nil {
		v.picker.setSize(w, h)
	}
	v.form.setWidth(w)
	v.corr.setSize(w, h)
	v.build()
}

func (v *detailView) Capturing() bool { return v.form.open || v.corr.capturing() }

func (v *detailView) Activate() tea.Cmd {
	if v.stale && v.id != "" {
		return v.load()
	}
	return nil
}

// open shows the record id, loading it.
func (v *detailView) open(id string) tea.Cmd {
	if id != v.id {
		v.id, v.loaded, v.err = id, false, nil
		v.rec, v.hist, v.lines, v.scroll = index.Record{}, nil, nil, 0
		v.closeForm()
		v.picker = nil
		v.corr.close()
		v.notice = ""
	}
	return v.load()
}

func (v *detailView) load() tea.Cmd {
	v.seq++
	v.stale = false
	seq, id, lib := v.seq, v.id, v.lib
	return v.sh.cmdFor(viewDetail, func(ctx context.Context) tea.Msg {
		rec, hist, err := lib.Record(ctx, id)
		return recordLoadedMsg{seq: seq, rec: rec, hist: hist, err: err}
	})
}

func (v *detailView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case recordLoadedMsg:
		if msg.seq != v.seq {
			return nil
		}
		v.err = msg.err
		if msg.err == nil {
			v.rec, v.hist, v.loaded = msg.rec, msg.hist, true
		}
		v.build()
	case savedMsg:
		if msg.id == v.id {
			v.saving = false
			if msg.err == nil {
				v.rec, v.notice = msg.rec, ""
				v.build()
			} else if notice, ok := conflictNotice(v.sh, msg.err, msg.again); ok {
				if msg.undid != nil {
					notice = "your change was not undone: " + conflictOnly(v.sh, msg.err)
				}
				v.notice = notice // the root has the views reload
				v.build()
			}
		}
	case guessMsg:
		return v.corr.update(msg)
	case libraryChangedMsg, asOfChangedMsg:
		v.stale = true
	case pickerMeetingsMsg, pickerItemsMsg:
		if v.picker != nil {
			return v.pick(msg)
		}
	case tea.MouseMsg:
		if v.corr.active() {
			return v.corr.update(msg)
		}
		if v.picker != nil {
			return v.pick(msg)
		}
		if d := wheel(msg); d != 0 {
			v.scrollBy(d)
		}
	case tea.KeyMsg:
		switch {
		case v.corr.active():
			return v.corr.update(msg)
		case v.form.open:
			return v.formKey(msg)
		case v.picker != nil:
			return v.pick(msg)
		}
		return v.key(msg)
	}
	return nil
}

// pick hands a message to the return picker and acts on what it chose.
func (v *detailView) pick(msg tea.Msg) tea.Cmd {
	res := v.picker.update(msg)
	if res.closed {
		v.picker = nil
	}
	if res.item == "" {
		return res.cmd
	}
	if rt := v.rec.ReturnedTo; rt != nil && rt.ItemID == res.item && rt.Confirmed {
		return flash("The return to " + res.item + " is already confirmed")
	}
	if v.saving {
		return flash("Still saving the last change…")
	}
	back := v.id + " not linked to " + res.item + " again"
	if rt := v.rec.ReturnedTo; rt != nil {
		back = v.id + " returned to " + rt.ItemID + " again"
	}
	return v.saveLink(res.item, "returned to "+res.item+" (chosen by a clerk)", back, "press R again to choose it")
}

func (v *detailView) scrollBy(d int) {
	v.scroll = min(max(v.scroll+d, 0), max(len(v.lines)-v.bodyHeight(), 0))
}

func (v *detailView) bodyHeight() int {
	h := v.height
	if v.form.open {
		h -= v.form.lines() + 1
	}
	return max(h, 1)
}

// tracked reports whether the record takes tracking: actions and
// follow-ups do, resolutions (decisions, not tasks) do not.
func (v *detailView) tracked() bool {
	return v.loaded && v.rec.Kind != minutes.KindResolution
}

func (v *detailView) key(msg tea.KeyMsg) tea.Cmd {
	k := v.sh.keys
	switch {
	case key.Matches(msg, k.Up):
		v.scrollBy(-1)
	case key.Matches(msg, k.Down):
		v.scrollBy(1)
	case key.Matches(msg, k.PageUp):
		v.scrollBy(-(v.bodyHeight() - 1))
	case key.Matches(msg, k.PageDown):
		v.scrollBy(v.bodyHeight() - 1)
	case key.Matches(msg, k.Top):
		v.scroll = 0
	case key.Matches(msg, k.Bottom):
		v.scrollBy(len(v.lines))
	case key.Matches(msg, k.Back, k.Left):
		return goBack
	case key.Matches(msg, k.Meeting):
		if v.loaded {
			item := v.rec.ItemID
			if item == "" {
				item = itemIDOf(v.rec.ID)
			}
			return navigate(navMsg{to: viewMeetings, committee: committeeOf(v.rec), meetingID: v.rec.MeetingID, itemID: item})
		}
	case key.Matches(msg, k.Open):
		if v.loaded && v.rec.ReturnedTo != nil {
			r := v.rec.ReturnedTo
			return navigate(navMsg{to: viewMeetings, committee: r.Committee, meetingID: r.MeetingID, itemID: r.ItemID, minute: r.Minute})
		}
	case key.Matches(msg, k.Done, k.InProgress, k.Dropped, k.Reopen, k.Note, k.Owner, k.DueDate):
		return v.trackingKey(msg)
	case key.Matches(msg, k.OwnerPage):
		if v.loaded {
			r := v.rec
			return navigate(navMsg{to: viewPeople, ownersOf: &r})
		}
	case key.Matches(msg, k.ConfirmReturn, k.NotReturned):
		return v.returnKey(msg)
	case key.Matches(msg, k.Kind, k.Reject, k.Accept, k.EditSpan):
		return v.correctionKey(msg)
	case key.Matches(msg, k.ReturnedTo):
		if !v.loaded {
			return nil
		}
		if v.rec.Kind != minutes.KindFollowUp {
			return flash("Only follow-ups come back to committee")
		}
		v.picker = newReturnPicker(v.sh, v.picks, v.rec, v.width, v.height)
		return v.picker.load()
	}
	return nil
}

// correctionKey corrects what the parser made of the record: K its kind,
// D a rejection (or its taking back), A an acceptance, T its span of the
// item's text (chosen on the item's page).
func (v *detailView) correctionKey(msg tea.KeyMsg) tea.Cmd {
	k := v.sh.keys
	if !v.loaded {
		return nil
	}
	if v.saving {
		return flash("Still saving the last change…")
	}
	switch {
	case key.Matches(msg, k.Kind):
		return v.corr.changeKind(v.rec)
	case key.Matches(msg, k.Reject):
		return v.corr.reject(v.rec)
	case key.Matches(msg, k.Accept):
		return v.corr.accept(v.rec)
	case key.Matches(msg, k.EditSpan):
		if v.rec.Orphaned || v.rec.Rejected {
			return flash("Restore the record first (D): then T chooses its text")
		}
		return navigate(navMsg{to: viewMeetings, committee: committeeOf(v.rec), meetingID: v.rec.MeetingID, itemID: v.rec.ItemID, span: v.rec.ID})
	}
	return nil
}

// returnKey confirms or removes a follow-up's link to the later item that
// answers it. Removing says the follow-up was not returned: the library
// then proposes no item it holds now. Both can be undone: the link
// decisions as they were are put back.
func (v *detailView) returnKey(msg tea.KeyMsg) tea.Cmd {
	if !v.loaded {
		return nil
	}
	if v.rec.Kind != minutes.KindFollowUp {
		return flash("Only follow-ups come back to committee")
	}
	if v.saving {
		return flash("Still saving the last change…")
	}
	rt := v.rec.ReturnedTo
	if rt == nil {
		return flash("No later item is linked; R picks the item it came back as")
	}
	item := rt.ItemID
	if key.Matches(msg, v.sh.keys.ConfirmReturn) {
		if rt.Confirmed {
			return flash("The return to " + item + " is already confirmed")
		}
		return v.saveLink(item, "returned to "+item+" (confirmed)", "the return to "+item+" back to matched automatically", "press y again to confirm it")
	}
	back := v.id + " returned to " + item + " again"
	if !rt.Confirmed {
		back += " (matched automatically)"
	}
	return v.saveLink("", "not returned (the link to "+item+" is removed)", back, "press N again to say it was not returned")
}

// saveLink links the follow-up to item, or says it was not returned when
// item is "", remembering the link decisions as they were for undo; the
// change is made to the record as shown.
func (v *detailView) saveLink(item, what, undoWhat, again string) tea.Cmd {
	v.saving = true
	id, api, from := v.id, v.lib, v.rec.Version
	return v.sh.cmd(func(ctx context.Context) tea.Msg {
		before, err := api.ReturnDecisions(ctx, id)
		if err != nil {
			return savedMsg{id: id, what: what, err: err}
		}
		rec, err := api.Update(ctx, id, index.Change{Link: &item, Version: &from})
		return savedMsg{id: id, rec: rec, what: what, undo: &undoStep{id: id, links: &before, what: undoWhat}, err: err, from: from, again: again}
	})
}

// itemIDOf returns the ID of the item a record belongs to: a record's ID
// is its item's ID and "-r2", "-a1" or "-f1".
func itemIDOf(recordID string) string {
	if i := strings.LastIndexByte(recordID, '-'); i > 0 {
		return recordID[:i]
	}
	return recordID
}

func (v *detailView) trackingKey(msg tea.KeyMsg) tea.Cmd {
	k := v.sh.keys
	if !v.loaded {
		return nil
	}
	if !v.tracked() && !key.Matches(msg, k.Note) {
		return flash("A resolution has no status, owner or due date; n adds a note to it")
	}
	if v.saving {
		return flash("Still saving the last change…")
	}
	switch {
	case key.Matches(msg, k.Done):
		return v.setStatus(index.StatusDone)
	case key.Matches(msg, k.InProgress):
		return v.setStatus(index.StatusInProgress)
	case key.Matches(msg, k.Dropped):
		return v.setStatus(index.StatusDropped)
	case key.Matches(msg, k.Reopen):
		return v.setStatus(index.StatusOpen)
	case key.Matches(msg, k.Note):
		return v.openForm(formNote, "Note: ", "")
	case key.Matches(msg, k.Owner):
		return v.openForm(formOwner, "Owner: ", v.rec.Owner)
	case key.Matches(msg, k.DueDate):
		return v.openForm(formDue, "Due: ", v.rec.Due.String())
	}
	return nil
}

func (v *detailView) setStatus(s index.Status) tea.Cmd {
	old := v.rec.Status
	if old == "" {
		old = index.StatusOpen
	}
	if s == old {
		return flash(v.id + " is already " + statusLabel(s))
	}
	undo := &undoStep{id: v.id, change: &index.Change{Status: &old}, what: v.id + " back to " + statusLabel(old)}
	return v.save(index.Change{Status: &s}, "marked "+statusLabel(s), undo, "press "+statusKey(v.sh.keys, s)+" again to mark it "+statusLabel(s))
}

// statusKey is the key that sets status s, for "press d again".
func statusKey(k KeyMap, s index.Status) string {
	b := k.Reopen
	switch s {
	case index.StatusDone:
		b = k.Done
	case index.StatusInProgress:
		b = k.InProgress
	case index.StatusDropped:
		b = k.Dropped
	}
	return b.Help().Key
}

// save saves a change to the record as shown: when another session
// changed it since, nothing is saved and again says how to make the
// change to it as it then is.
func (v *detailView) save(c index.Change, what string, undo *undoStep, again string) tea.Cmd {
	v.saving = true
	id, api, from := v.id, v.lib, v.rec.Version
	c.Version = &from
	return v.sh.cmd(func(ctx context.Context) tea.Msg {
		rec, err := api.Update(ctx, id, c)
		return savedMsg{id: id, rec: rec, what: what, undo: undo, err: err, from: from, again: again}
	})
}

func (v *detailView) openForm(f formKind, label, value string) tea.Cmd {
	hint := "enter save · esc cancel · ctrl+u clear"
	switch f {
	case formDue:
		hint = dateHint + "; empty goes back to the minutes' date · " + hint
	case formOwner:
		hint = "a role or a name; empty goes back to the minutes' owner · " + hint
	}
	return v.form.start(int(f), label, value, hint)
}

func (v *detailView) closeForm() {
	v.form.close()
	v.scrollBy(0)
}

func (v *detailView) formKey(msg tea.KeyMsg) tea.Cmd {
	res := v.form.update(msg)
	switch {
	case res.cancelled:
		v.closeForm()
	case res.submitted:
		cmd, err := v.submit(strings.TrimSpace(res.value))
		if err != nil {
			v.form.fail(err.Error())
			return nil
		}
		v.closeForm()
		return cmd
	}
	return res.cmd
}

// submit saves what the form holds.
func (v *detailView) submit(val string) (tea.Cmd, error) {
	switch formKind(v.form.purpose) {
	case formNote:
		if val == "" {
			return nil, fmt.Errorf("type a note, or esc to cancel")
		}
		// History is append-only: a note cannot be taken back.
		return v.save(index.Change{Note: val}, "note added (notes stay in the history)", nil, ""), nil
	case formOwner:
		old := v.rec.Owner
		if val == old {
			return nil, nil
		}
		back := old
		if old == v.rec.ParsedOwner {
			back = "" // undo clears the override
		}
		undo := &undoStep{id: v.id, change: &index.Change{Owner: &back}, what: "owner back to " + quoteOrNone(old)}
		what := "owner set to " + quoteOrNone(val)
		if val == "" {
			what = "owner back to the minutes' " + quoteOrNone(v.rec.ParsedOwner)
		}
		return v.save(index.Change{Owner: &val}, what, undo, "press o again to set the owner"), nil
	case formDue:
		return v.submitDue(val)
	}
	return nil, nil
}

// submitDue saves the due date typed: a date in any form the grammar
// takes (a step moves the date there is, or today's), "next" for the
// committee's next meeting, or empty (or "none") for the minutes' date.
func (v *detailView) submitDue(val string) (tea.Cmd, error) {
	oldDue := v.rec.Due
	if oldDue == v.rec.ParsedDue {
		oldDue = minutes.Date{} // undo clears the override
	}
	undo := &undoStep{id: v.id, change: &index.Change{Due: &oldDue}, what: "due date back to " + dateOrNone(v.rec.Due)}
	today := v.sh.today()
	if minutes.NeedsNextMeeting(val) {
		id, committee, lib, from := v.id, v.rec.Committee, v.lib, v.rec.Version
		v.saving = true
		return v.sh.cmd(func(ctx context.Context) tea.Msg {
			next, ok, err := lib.NextMeeting(ctx, committee, today)
			switch {
			case err != nil:
				return savedMsg{id: id, err: err}
			case !ok:
				return savedMsg{id: id, err: fmt.Errorf("the library knows no next meeting of %s; type its date", oneLine(committee))}
			}
			rec, err := lib.Update(ctx, id, index.Change{Due: &next, Version: &from})
			return savedMsg{id: id, rec: rec, what: "due date set to " + next.String() + " (the next meeting)", undo: undo, err: err,
				from: from, again: "press e again to set the due date"}
		}), nil
	}
	var d minutes.Date
	if val != "" && !strings.EqualFold(val, "none") {
		base := v.rec.Due // a step such as +2w moves the date there is…
		if base.IsZero() {
			base = today // …or today's
		}
		var err error
		d, err = minutes.ParseUserDate(val, minutes.DateContext{Today: today, Base: base})
		if err != nil {
			return nil, fmt.Errorf("%v; empty goes back to the minutes' date", err)
		}
	}
	if d == v.rec.Due {
		return nil, nil
	}
	what := "due date set to " + dateOrNone(d)
	if d.IsZero() {
		what = "due date back to the minutes' " + dateOrNone(v.rec.ParsedDue)
	}
	return v.save(index.Change{Due: &d}, what, undo, "press e again to set the due date"), nil
}

// dueSource says where a record's due date came from: a clerk, the
// minutes as written, or the library working out the meeting the minutes
// named (a date the program worked out is never called a clerk's).
func dueSource(r index.Record, hist []index.HistoryEntry) string {
	if r.Due.IsZero() {
		return ""
	}
	var last *index.HistoryEntry
	for i := range hist {
		if hist[i].Field == "due" {
			last = &hist[i]
		}
	}
	switch {
	case r.Due != r.ParsedDue && last != nil && last.New == r.Due.String():
		return "  (set by a clerk; the minutes say " + dateOrNone(r.ParsedDue) + ")"
	case r.Provisional:
		return "  (provisional: the minutes name the month, and no meeting of the committee in it is known yet)"
	case r.Due == r.ParsedDue:
		return ""
	case r.Target.Kind == minutes.TargetNext:
		return "  (the committee's next meeting, as the library knows its meetings)"
	case r.Target.Kind == minutes.TargetMonth:
		return "  (the committee's meeting in the month the minutes name)"
	}
	return "  (worked out by the library; the minutes' date is " + dateOrNone(r.ParsedDue) + ")"
}

func quoteOrNone(s string) string {
	if s == "" {
		return "none"
	}
	return "“" + oneLine(s) + "”"
}

func dateOrNone(d minutes.Date) string {
	if d.IsZero() {
		return "none"
	}
	return d.String()
}

// build lays the record out in lines, once per load, save and width.
func (v *detailView) build() {
	if !v.loaded || v.width == 0 {
		v.lines = nil
		return
	}
	st := v.sh.styles
	r := v.rec
	w := v.width
	var lines []string
	add := func(s string) { lines = append(lines, trunc(s, w)) }

	head := " " + st.Kind(string(r.Kind)).Render(kindBadge(string(r.Kind))) + "  " + st.Heading.Render(oneLine(r.ID))
	if r.Rejected {
		head += "  " + st.Error.Render("REJECTED")
	} else if r.Kind != minutes.KindResolution {
		if b := recordBadge(&r); b != "" {
			head += "  " + st.Flag(rowFlag(&r)).Render(b)
		}
		head += st.Dim.Render("  " + statusLabel(r.Status))
	}
	if r.Orphaned {
		head += st.Error.Render("  (a re-parse no longer finds this record)")
	}
	add(head)
	if l := correctionLabel(r); l != "" {
		style := st.Dim
		if r.Rejected {
			style = st.Error
		}
		for _, ln := range wrap(l, max(w-2, 10)) {
			add(" " + style.Render(ln))
		}
	}
	if v.notice != "" {
		for _, ln := range wrap("⚠ "+v.notice, max(w-2, 10)) {
			add(" " + st.Error.Render(ln))
		}
	}
	add("")

	labelW := 11
	field := func(label, value string) {
		if value == "" {
			return
		}
		prefix := " " + st.Label.Render(fit(label, labelW))
		for i, l := range wrap(value, max(w-labelW-2, 10)) {
			if i == 0 {
				add(prefix + st.Text.Render(l))
			} else {
				add(strings.Repeat(" ", labelW+1) + st.Text.Render(l))
			}
		}
	}
	committee := committeeName(r.Committee)
	if r.Council != "" && !strings.EqualFold(oneLine(r.Council), committee) { // a parish council's own meetings: once
		committee += " (" + oneLine(r.Council) + ")"
	}
	field("Committee", committee)
	meeting := r.MeetingDate.String() + " · minute " + oneLine(r.Minute)
	if r.ItemTitle != "" {
		meeting += " · " + oneLine(r.ItemTitle)
	}
	if r.Exempt {
		meeting += " · exempt item"
	}
	field("Meeting", meeting)
	src := oneLine(r.SourceName)
	if r.Line > 0 {
		src += fmt.Sprintf(", line %d", r.Line)
	}
	field("Source", src)
	if r.SourceURL != "" {
		field("Published", oneLine(r.SourceURL))
	}
	if r.Kind != minutes.KindResolution {
		owner := oneLine(r.Owner)
		switch {
		case owner == "":
			owner = "none named"
		case r.Owner == r.ParsedOwner:
			owner += "  (from the minutes)"
		default:
			owner += "  (set by a clerk; the minutes say " + quoteOrNone(r.ParsedOwner) + ")"
		}
		field("Owner", owner)
		due := dateOrNone(r.Due) + dueSource(r, v.hist)
		if r.DueMeeting != "" {
			due += "  · due back at “" + oneLine(r.DueMeeting) + "”"
		}
		field("Due", due)
		status := statusLabel(r.Status)
		if !r.UpdatedAt.IsZero() {
			status += " · last changed " + r.UpdatedAt.In(v.sh.loc).Format("2006-01-02 15:04")
		}
		field("Status", status)
		if rt := r.ReturnedTo; rt != nil {
			how := "matched automatically"
			if len(rt.Matched) > 0 {
				how += " on “" + oneLine(strings.Join(rt.Matched, " ")) + "”"
			}
			keys := "enter opens it · y confirms · N not returned · R another item"
			if rt.Confirmed {
				how = "confirmed by a clerk"
				keys = "enter opens it · N not returned · R another item"
			}
			field("Returned", fmt.Sprintf("to %s %s · minute %s “%s” (%s) · %s",
				shortCommittee(oneLine(rt.Committee)), rt.MeetingDate, oneLine(rt.Minute), oneLine(rt.Title), how, keys))
		} else if r.Kind == minutes.KindFollowUp {
			field("Returned", "not yet · R picks the later item it came back as")
		}
	}
	add("")
	textNote := "  (verbatim from the minutes)"
	if r.Origin == index.OriginClerk {
		textNote = "  (from the item's text, chosen by a clerk)"
	}
	add(" " + st.Heading.Render("Text") + st.Dim.Render(textNote))
	for _, l := range wrap(block(r.Text), max(w-4, 10)) {
		add("   " + st.Text.Render(l))
	}
	if r.Kind != minutes.KindResolution || len(v.hist) > 0 {
		add("")
		add(" " + st.Heading.Render("History"))
		if len(v.hist) == 0 {
			add("   " + st.Dim.Render("No changes yet. d done · p in progress · n note · o owner · e due date"))
		}
		for i := len(v.hist) - 1; i >= 0; i-- { // newest first
			for _, l := range v.historyLines(v.hist[i]) {
				add(l)
			}
		}
	}
	v.lines = lines
	v.scrollBy(0)
}

func (v *detailView) historyLines(h index.HistoryEntry) []string {
	st := v.sh.styles
	when := h.At.In(v.sh.loc).Format("2006-01-02 15:04")
	who := oneLine(h.Who)
	if who == "" {
		who = "—"
	}
	prefix := "   " + st.Dim.Render(when+"  "+fit(who, 12)+" ")
	what := historyWhat(h)
	var out []string
	indent := ansi.StringWidth(prefix) // a wrapped change lines up under its first line
	for i, l := range wrap(what, max(v.width-indent-1, 10)) {
		if i == 0 {
			out = append(out, prefix+st.Text.Render(l))
		} else {
			out = append(out, strings.Repeat(" ", indent)+st.Text.Render(l))
		}
	}
	return out
}

func (v *detailView) View() string {
	st := v.sh.styles
	if v.picker != nil {
		return padLines(v.picker.view(), v.width, v.height)
	}
	var b strings.Builder
	switch {
	case v.id == "":
		b.WriteString(" " + st.Dim.Render("No record open. Open one from the due board, search or a meeting."))
	case v.err != nil:
		b.WriteString(" " + st.Error.Render("Could not load "+oneLine(v.id)+": "+oneLine(v.err.Error())))
	case !v.loaded:
		b.WriteString(" " + st.Dim.Render("Loading "+oneLine(v.id)+"…"))
	default:
		h := v.bodyHeight()
		end := min(v.scroll+h, len(v.lines))
		for i := v.scroll; i < end; i++ {
			b.WriteString(v.lines[i])
			b.WriteByte('\n')
		}
	}
	if v.corr.active() {
		return v.corr.view(b.String())
	}
	if !v.form.open {
		return padLines(b.String(), v.width, v.height)
	}
	return stackForm(b.String(), v.form.view(), v.width, v.height)
}

func (v *detailView) ShortHelp() []key.Binding {
	k := v.sh.keys
	if v.form.open || v.corr.capturing() {
		return k.formHelp()
	}
	if v.picker != nil || v.corr.active() {
		return []key.Binding{k.moveHelp(), withHelp(k.Open, "choose"), withHelp(k.Back, "back")}
	}
	if v.loaded && v.rec.Rejected {
		return []key.Binding{withHelp(k.Reject, "restore"), k.Note, k.Undo, k.Meeting, k.Back, k.moveHelp()}
	}
	if v.loaded && v.rec.Review {
		return []key.Binding{k.Accept, k.Reject, k.Kind, k.EditSpan, k.Note, k.Meeting, k.Back, k.Done}
	}
	if !v.tracked() {
		return []key.Binding{k.Note, k.Kind, k.Reject, k.EditSpan, k.Meeting, k.Back, k.moveHelp()}
	}
	return []key.Binding{k.Done, k.InProgress, k.Note, k.Owner, k.DueDate, k.Undo, k.Meeting, k.Back, k.Dropped, k.Reopen, k.Kind, k.Reject}
}

func (v *detailView) FullHelp() [][]key.Binding {
	k := v.sh.keys
	return [][]key.Binding{
		{k.Done, k.InProgress, k.Dropped, k.Reopen, k.Undo},
		{k.Note, k.Owner, k.DueDate, k.OwnerPage, k.ConfirmReturn, k.NotReturned, k.ReturnedTo},
		{withHelp(k.Kind, "another kind"), withHelp(k.Reject, "not a record (again: restore)"), withHelp(k.Accept, "the parser was right"), withHelp(k.EditSpan, "choose its text")},
		{k.Up, k.Down, k.PageUp, k.PageDown, withHelp(k.Open, "open the later item"), k.Meeting, k.Back},
	}
}
