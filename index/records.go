package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/user"
	"strings"

	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/minutes"
)

// row is a record as read from the store, with what flagging needs to
// know besides.
type row struct {
	Record
	dueOverride bool // the clerk set the due date
	itemOrd     int  // the item's place in its meeting
	recOrd      int  // the record's place in its item
}

func (r *row) key() string { return r.CommitteeKey }

// fromStore is a stored record as the library hands it out: the clerk's
// owner and due date, where set, in place of the minutes'.
func fromStore(s store.Record) row {
	r := row{Record: Record{
		ID: s.ID, Kind: s.Kind, Part: s.Part, Text: s.Text, MeetingID: s.MeetingID, Council: s.Council,
		Committee: s.Committee, CommitteeKey: s.CommitteeKey, MeetingDate: s.MeetingDate, Minute: s.Minute,
		ItemID: s.ItemID, ItemTitle: s.ItemTitle, Exempt: s.Exempt, SourceName: s.SourceName, SourceHash: s.SourceHash,
		Line: s.Line, ParsedOwner: s.Owner, ParsedDue: s.Due, DueMeeting: s.DueMeeting, Provisional: s.Provisional,
		Target: s.Target, Owner: s.Owner, Due: s.Due, UpdatedAt: s.UpdatedAt, LastNote: s.LastNote, Orphaned: s.Orphaned,
		Confidence: s.Confidence, Why: s.Why, Rejected: s.Rejected, Origin: s.Origin, Corrected: s.Corrected,
		Review: s.Confidence == minutes.ConfidenceLow && !s.Corrected && !s.Rejected && !s.Status.Closed(),
	}, itemOrd: s.ItemOrd, recOrd: s.RecOrd}
	if r.Kind != minutes.KindResolution {
		r.Status = StatusOpen
		if s.Status != "" {
			r.Status = s.Status
		}
	}
	if s.OwnerSet {
		r.Owner = s.TrackedOwner
	}
	if s.DueSet {
		r.Due, r.dueOverride, r.Provisional = s.TrackedDue, true, false
	}
	return r
}

func fromStoreAll(list []store.Record) []row {
	out := make([]row, len(list))
	for i, s := range list {
		out[i] = fromStore(s)
	}
	return out
}

// Orphans lists tracking whose record no longer exists (a re-parse no
// longer finds it). Such tracking is kept, never dropped.
func (l *Library) Orphans(ctx context.Context) ([]Record, error) {
	list, err := l.store.Q().Orphans(ctx)
	if err != nil {
		return nil, l.store.Wrap("list orphans", err)
	}
	var out []Record
	for _, s := range list {
		out = append(out, fromStore(s).Record)
	}
	return out, nil
}

// Record returns one record with its tracking history, oldest first, and
// its flag as of today.
func (l *Library) Record(ctx context.Context, id string) (Record, []HistoryEntry, error) {
	id = strings.TrimSpace(id)
	var s store.Record
	var hist []HistoryEntry
	var version int64
	err := l.store.Read(ctx, func(q store.Q) error {
		var err error
		if s, err = q.Record(ctx, id); err != nil {
			return err
		}
		if hist, err = q.History(ctx, s.ID); err != nil {
			return err
		}
		version, err = q.Version(ctx, s.ID)
		return err
	})
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return Record{}, nil, err
		}
		return Record{}, nil, l.store.Wrap("read record "+id, err)
	}
	model, err := l.model(ctx)
	if err != nil {
		return Record{}, nil, err
	}
	r := fromStore(s)
	r.Version = version
	model.flag(ctx, l, &r, l.today())
	one := []Record{r.Record}
	if err := l.fillSourceURLs(ctx, one); err != nil {
		return Record{}, nil, err
	}
	return one[0], hist, nil
}

// Update changes a record's tracking, or corrects the record (its kind,
// its text, a rejection, an acceptance: corrections.go), or its return
// (a link), and returns the record as saved. Everything c asks for is
// written in one transaction, and with c.Version only when the record is
// still at that version (otherwise a *ConflictError, and nothing is
// saved). It returns only after the transaction has committed (and, with
// synchronous=FULL, reached the disk). A change that changes nothing
// writes nothing.
func (l *Library) Update(ctx context.Context, id string, c Change) (Record, error) {
	id = strings.TrimSpace(id)
	sc := store.Change{Owner: c.Owner, Due: c.Due, Note: cleanText(c.Note)}
	if c.Status != nil {
		s, ok := ParseStatus(string(*c.Status))
		if !ok || *c.Status == "" {
			return Record{}, userErrorf("status %q: want open, in progress, done or dropped", *c.Status)
		}
		sc.Status = &s
	}
	if c.Owner != nil {
		o := cleanLine(*c.Owner)
		sc.Owner = &o
	}
	if c.Kind != nil {
		k, ok := ParseKind(string(*c.Kind))
		if !ok {
			return Record{}, userErrorf("kind %q: want resolution, action or follow-up", *c.Kind)
		}
		c.Kind = &k
	}
	if c.Link != nil && c.Links != nil {
		return Record{}, userErrorf("give a return to link or the decisions to put back, not both")
	}
	rejectNote := ""
	if c.Reject != nil && *c.Reject {
		rejectNote, sc.Note = sc.Note, "" // the note says why: it goes with the rejection
	}
	who := c.Who
	if who == "" {
		who = currentUser()
	}
	who = cleanLine(who)
	at := l.now().UTC().Format(store.TimeFormat)
	// What a change of return needs, worked out by the matcher before the
	// transaction.
	var lp *linkPlan
	if c.Link != nil || c.Links != nil {
		var err error
		if lp, err = l.planLink(ctx, id, c); err != nil {
			return Record{}, err
		}
	}
	var conflict *ConflictError
	withdrawn := false
	var before store.Record
	err := l.store.Write(ctx, func(q store.Q) error {
		r, err := q.Record(ctx, id)
		if err != nil {
			return err
		}
		before = r
		st := store.Stamp{At: at, Who: who}
		if c.Version != nil && !noteOnly(c) {
			v, err := q.Version(ctx, id)
			if err != nil {
				return err
			}
			if v != *c.Version {
				if !c.Force {
					since, err := q.HistorySince(ctx, id, *c.Version)
					if err != nil {
						return err
					}
					conflict = &ConflictError{ID: id, Changes: since, Me: who}
					return conflict
				}
				st.Forced = true
			}
		}
		changed, err := l.correct(ctx, q, &r, c, rejectNote, st)
		if err != nil {
			return err
		}
		withdrawn = c.Withdraw && changed
		if r.Kind == minutes.KindResolution && (c.Status != nil || c.Owner != nil || c.Due != nil) {
			return userErrorf("%s is a resolution: it has no status, owner or due date to change; add a note with --note instead", id)
		}
		tracked, err := q.Track(ctx, r, sc, st)
		if err != nil {
			return err
		}
		linked := false
		if lp != nil {
			if linked, err = lp.apply(ctx, q, r, st); err != nil {
				return err
			}
		}
		if !changed && !tracked && !linked {
			return nil
		}
		var touched []string
		if !r.Orphaned {
			touched = append(touched, r.MeetingID)
		}
		_, err = q.Bump(ctx, touched...)
		return err
	})
	if conflict != nil {
		if cur, _, err := l.Record(ctx, id); err == nil {
			conflict.Current = cur
		}
		return Record{}, conflict
	}
	if err != nil {
		return Record{}, l.wrapUser("save the change to "+id, err)
	}
	if withdrawn { // the record a clerk added is gone: as it was
		r := fromStore(before)
		return r.Record, nil
	}
	r, _, err := l.Record(ctx, id)
	return r, err
}

// noteOnly reports whether c only adds a note: notes never conflict.
func noteOnly(c Change) bool {
	return c.Status == nil && c.Owner == nil && c.Due == nil && c.Kind == nil && c.Text == nil && c.Reject == nil &&
		!c.Accept && !c.Withdraw && c.Link == nil && c.Links == nil
}

// LinkReturn confirms (itemID != "") or removes (itemID == "") the link
// from a follow-up to the later item that answers it. Removing a link says
// the follow-up was not returned: neither that item nor any other the
// library now holds is matched to it again, so it stays unreturned until a
// later meeting brings a new candidate (see returns.go). Both are kept as
// tracking: they survive re-imports and re-parses. (Update with
// Change.Link does the same, conditionally.)
func (l *Library) LinkReturn(ctx context.Context, followUpID string, itemID string) error {
	itemID = strings.TrimSpace(itemID)
	_, err := l.Update(ctx, followUpID, Change{Link: &itemID})
	return err
}

// linkPlan is a change of a follow-up's return, with what the matcher
// says before the transaction that writes it.
type linkPlan struct {
	id      string
	current *ItemRef // what the board shows now
	link    *string  // Change.Link
	others  []string // for "not returned": every other item the matcher would take
	links   *ReturnDecisions
	next    string // for Links: the item the follow-up will be linked to
}

// planLink works out a change of a follow-up's return.
func (l *Library) planLink(ctx context.Context, id string, c Change) (*linkPlan, error) {
	lp := &linkPlan{id: id, link: c.Link, links: c.Links}
	var err error
	if lp.current, err = l.currentLink(ctx, id); err != nil {
		return nil, err
	}
	switch {
	case c.Link != nil && *c.Link == "" && lp.current != nil:
		// "Not returned" says no item the library holds answers the
		// follow-up: the linked one, and every other the matcher would
		// take in its place (see returns.go).
		if lp.others, err = l.notReturnedItems(ctx, id, lp.current.ItemID); err != nil {
			return nil, err
		}
	case c.Links != nil:
		// The link the follow-up will have: the confirmed item, or the
		// matcher's first choice among the items not rejected.
		lp.next = c.Links.Confirmed
		if lp.next == "" {
			if cs, err := l.candidates(ctx, id, c.Links.Rejected, 1); err != nil {
				return nil, err
			} else if len(cs) > 0 {
				lp.next = cs[0]
			}
		}
	}
	return lp, nil
}

// apply writes the change of return in the transaction q and reports
// whether it changed anything.
func (lp *linkPlan) apply(ctx context.Context, q store.Q, f store.Record, st store.Stamp) (bool, error) {
	if f.Kind != minutes.KindFollowUp {
		return false, userErrorf("%s is not a follow-up: only follow-ups come back to committee", lp.id)
	}
	old := ""
	if lp.current != nil {
		old = lp.current.ItemID
	}
	if lp.links != nil {
		d := lp.links
		if d.Confirmed != "" {
			if _, err := q.Item(ctx, d.Confirmed); errors.Is(err, ErrNotFound) {
				return false, fmt.Errorf("no item has the ID %q: %w", d.Confirmed, ErrNotFound)
			} else if err != nil {
				return false, err
			}
		}
		if err := q.SetLinks(ctx, lp.id, d.Confirmed, d.Rejected, st.At); err != nil {
			return false, err
		}
		return true, q.AddHistory(ctx, lp.id, st, "link", old, lp.next)
	}
	itemID := *lp.link
	switch {
	case itemID != "":
		it, err := q.Item(ctx, itemID)
		if errors.Is(err, ErrNotFound) {
			return false, fmt.Errorf("no item has the ID %q: %w; item IDs are a meeting ID and minute, as `minutebook show MEETING` lists them", itemID, ErrNotFound)
		} else if err != nil {
			return false, err
		}
		if !f.Orphaned && !it.Date.After(f.MeetingDate) {
			return false, userErrorf("item %s is from a meeting on %s, not after the follow-up's meeting on %s", itemID, it.Date, f.MeetingDate)
		}
		if err := q.ConfirmLink(ctx, lp.id, itemID, st.At); err != nil {
			return false, err
		}
	case lp.current == nil:
		return false, nil
	default:
		for _, item := range append([]string{lp.current.ItemID}, lp.others...) {
			if err := q.RejectLink(ctx, lp.id, item, st.At); err != nil {
				return false, err
			}
		}
	}
	return true, q.AddHistory(ctx, lp.id, st, "link", old, itemID)
}

// currentLink is the item a follow-up is linked to now (confirmed or
// matched), ignoring the as-of date; nil when none.
func (l *Library) currentLink(ctx context.Context, id string) (*ItemRef, error) {
	r, model, err := l.recordInModel(ctx, id)
	if err != nil {
		return nil, err
	}
	return model.returnedTo(ctx, l, &r), nil
}

// recordInModel reads record id and the due model it is flagged in.
func (l *Library) recordInModel(ctx context.Context, id string) (row, *dueCache, error) {
	s, err := l.store.Q().Record(ctx, id)
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return row{}, nil, err
		}
		return row{}, nil, l.store.Wrap("read record "+id, err)
	}
	model, err := l.model(ctx)
	if err != nil {
		return row{}, nil, err
	}
	return fromStore(s), model, nil
}

// Committees lists the committees the library holds meetings of, by name
// then council.
func (l *Library) Committees(ctx context.Context) ([]Committee, error) {
	model, err := l.model(ctx)
	if err != nil {
		return nil, err
	}
	return append([]Committee{}, model.committees...), nil
}

// Meetings lists a committee's meetings (its key or name; "" for all),
// newest first.
func (l *Library) Meetings(ctx context.Context, committee string) ([]MeetingSummary, error) {
	var keys []string
	if committee != "" {
		var err error
		if keys, err = l.committeeKeys(ctx, committee); err != nil {
			return nil, err
		}
	}
	list, err := l.store.Q().MeetingSummaries(ctx, keys)
	if err != nil {
		return nil, l.store.Wrap("list meetings", err)
	}
	return list, nil
}

// Meeting returns one meeting with its items and their records, flagged
// as of today.
func (l *Library) Meeting(ctx context.Context, id string) (*MeetingDetail, error) {
	id = strings.TrimSpace(id)
	var m *store.Meeting
	var recs []store.Record
	var versions map[string]int64
	err := l.store.Read(ctx, func(q store.Q) error {
		var err error
		if m, recs, err = q.Meeting(ctx, id); err != nil {
			return err
		}
		versions, err = q.Versions(ctx, []string{id})
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return nil, fmt.Errorf("no meeting has the ID %q: %w; list meetings with `minutebook search` or in the TUI", id, ErrNotFound)
	} else if err != nil {
		return nil, l.store.Wrap("read meeting "+id, err)
	}
	d := &MeetingDetail{MeetingSummary: m.MeetingSummary, Start: m.Start, End: m.End, Attendance: m.Attendance,
		NextMeeting: m.NextMeeting, Warnings: m.Warnings}
	if d.Warnings == nil {
		d.Warnings = []minutes.Warning{}
	}
	byItem := map[string]int{}
	for i, it := range m.Items {
		byItem[it.ID] = i
		d.Items = append(d.Items, ItemDetail{ID: it.ID, Number: it.Number, Title: it.Title, Body: it.Body, Exempt: it.Exempt})
	}
	model, err := l.model(ctx)
	if err != nil {
		return nil, err
	}
	asOf := l.today()
	for _, s := range recs {
		r := fromStore(s)
		r.Version = versions[r.ID]
		model.flag(ctx, l, &r, asOf)
		j, ok := byItem[r.ItemID]
		switch {
		case !ok:
		case r.Rejected:
			d.Items[j].Rejected = append(d.Items[j].Rejected, r.Record)
		default:
			d.Items[j].Records = append(d.Items[j].Records, r.Record)
		}
	}
	if err := l.fillMeetingURLs(ctx, d); err != nil {
		return nil, err
	}
	return d, nil
}

// NextMeeting returns the committee's first known meeting after the date.
// committee is its key, or a name only one committee has; a committee the
// library does not hold has no next meeting.
func (l *Library) NextMeeting(ctx context.Context, committee string, after minutes.Date) (minutes.Date, bool, error) {
	model, err := l.model(ctx)
	if err != nil {
		return minutes.Date{}, false, err
	}
	c, err := MatchCommittee(model.committees, committee)
	if ce := (*CommitteeError)(nil); errors.As(err, &ce) && len(ce.Matches) == 0 {
		return minutes.Date{}, false, nil
	} else if err != nil {
		return minutes.Date{}, false, err
	}
	d, ok := model.calendars[c.Key].After(after)
	return d, ok, nil
}

// committeeKeys resolves what a person typed for a committee to the keys
// of the committees it means (MatchCommittees).
func (l *Library) committeeKeys(ctx context.Context, typed string) ([]string, error) {
	committees, err := l.committees(ctx)
	if err != nil {
		return nil, err
	}
	cs, err := MatchCommittees(committees, typed)
	if err != nil {
		return nil, err
	}
	keys := make([]string, len(cs))
	for i, c := range cs {
		keys[i] = c.Key
	}
	return keys, nil
}

// userError is an error in what the caller asked for, not in the store.
type userError struct{ err error }

func (e *userError) Error() string { return e.err.Error() }
func (e *userError) Unwrap() error { return e.err }

func userErrorf(format string, args ...any) error { return &userError{fmt.Errorf(format, args...)} }

// wrapUser is the store's Wrap for errors that may be the caller's: those
// pass through.
func (l *Library) wrapUser(what string, err error) error {
	var ue *userError
	var ce *store.CollisionError
	var conflict *ConflictError
	if err == nil || errors.As(err, &ue) || errors.As(err, &ce) || errors.As(err, &conflict) || errors.Is(err, ErrNotFound) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return l.store.Wrap(what, err)
}

func currentUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, v := range []string{"USER", "USERNAME", "LOGNAME"} {
		if s := os.Getenv(v); s != "" {
			return s
		}
	}
	return "unknown"
}
