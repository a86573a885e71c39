package index

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/minutes"
)

// A clerk corrects the parser: adds a record it missed (AddRecord),
// rejects one that is not a record, changes a record's kind or its span
// of the item's text, or accepts a record the parser was unsure of
// (Update with Change.Kind, Text, Reject, Accept). Corrections are kept in
// the store like tracking, by record ID, with their history, and never
// deleted. They change the stored records at once and apply again to
// every new parse of the meeting, found there by item and text
// (reconcile.go), so that an import, a re-import of an edited document, a
// re-parse with another parser, a sync or a reindex never undoes them.
//
// Records the parser is unsure of (minutes.ConfidenceLow) wait in the
// review queue (Review) until a clerk corrects them in any of these ways;
// accepting says the parser was right.

// History fields of corrections.
const (
	FieldAdded     = "added"     // a clerk added the record (new: "action: its text")
	FieldWithdrawn = "withdrawn" // the addition was taken back
	FieldRejected  = "rejected"  // not a record (new: the clerk's reason)
	FieldRestored  = "restored"  // no longer rejected
	FieldAccepted  = "accepted"  // the parser's record is right
	FieldKind      = "kind"      // old → new kind
	FieldText      = "text"      // old → new text
)

// ParseKind accepts the forms a clerk types for a kind of record:
// "action", "actions", "follow-up", "followup", "resolution", "decision".
func ParseKind(s string) (minutes.Kind, bool) {
	switch strings.ToLower(strings.TrimSpace(strings.NewReplacer("-", "", "_", "", " ", "").Replace(s))) {
	case "resolution", "resolutions", "decision", "decisions", "r":
		return minutes.KindResolution, true
	case "action", "actions", "a":
		return minutes.KindAction, true
	case "followup", "followups", "f":
		return minutes.KindFollowUp, true
	}
	return "", false
}

// correct applies the corrections c asks for to the stored record r (in
// the write transaction q), keeping r as it then is, and reports whether
// anything changed.
func (l *Library) correct(ctx context.Context, q store.Q, r *store.Record, c Change, rejectNote string, st store.Stamp) (bool, error) {
	if c.Kind == nil && c.Text == nil && c.Reject == nil && !c.Accept && !c.Withdraw {
		return false, nil
	}
	if r.Orphaned {
		return false, userErrorf("%s is no longer in the minutes as parsed (only its tracking is kept), so it cannot be corrected", r.ID)
	}
	corr, ok, err := q.Correction(ctx, r.ID)
	if err != nil {
		return false, err
	}
	if !ok {
		corr = store.Correction{RecordID: r.ID, Added: r.Origin == store.OriginClerk, CreatedAt: st.At}
		if !corr.Added {
			corr.ParsedKind, corr.ParsedText = r.Kind, r.Text
		}
	}
	corr.MeetingID, corr.ItemID = r.MeetingID, r.ItemID
	changed := false
	history := func(field, old, new string) error {
		changed = true
		return q.AddHistory(ctx, r.ID, st, field, old, new)
	}
	edit := func(e store.RecordEdit) error { return q.EditRecord(ctx, r.ID, e) }
	if c.Withdraw {
		if r.Origin != store.OriginClerk {
			return false, userErrorf("%s is the minutes' record, not one a clerk added: reject it instead if it is not a record", r.ID)
		}
		if err := q.DeleteRecord(ctx, r.ID); err != nil {
			return false, err
		}
		corr.Withdrawn = true
		if err := history(FieldWithdrawn, string(r.Kind)+": "+r.Text, ""); err != nil {
			return false, err
		}
	}
	if c.Reject != nil && *c.Reject != r.Rejected {
		rejected := *c.Reject
		if err := edit(store.RecordEdit{Rejected: &rejected}); err != nil {
			return false, err
		}
		if rejected {
			corr.Note = rejectNote
			err = history(FieldRejected, "", rejectNote)
		} else {
			err = history(FieldRestored, corr.Note, "")
			corr.Note = ""
		}
		if err != nil {
			return false, err
		}
		corr.Rejected, r.Rejected = rejected, rejected
	}
	if c.Text != nil {
		it, err := q.StoredItemOf(ctx, r.ItemID)
		if err != nil {
			return false, err
		}
		span, at, ok := findSpan(it.Body, *c.Text)
		if !ok {
			return false, spanError(*c.Text, it)
		}
		if span != r.Text {
			line := it.Line + strings.Count(it.Body[:at], "\n")
			if err := edit(store.RecordEdit{Text: &span, Line: &line}); err != nil {
				return false, err
			}
			if err := history(FieldText, r.Text, span); err != nil {
				return false, err
			}
			corr.Text, r.Text, r.Line = span, span, line
		}
	}
	if c.Kind != nil && *c.Kind != r.Kind {
		k := *c.Kind
		e := store.RecordEdit{Kind: &k}
		if k != minutes.KindResolution && r.Owner == "" && r.Due.IsZero() {
			// What the text says of who and when, read as the parser reads
			// a record of the new kind.
			m, err := q.MeetingFacts(ctx, r.MeetingID)
			if err != nil {
				return false, err
			}
			g := minutes.Guess(m, k, r.Text)
			if g.Owner != "" {
				e.Owner, corr.Owner, r.Owner = &g.Owner, &g.Owner, g.Owner
			}
			if !g.Due.IsZero() || !g.Target.IsZero() {
				due, target := g.Due.String(), g.Target.String()
				e.Due, e.Target, e.DueMeeting, e.Provisional = &g.Due, &g.Target, &g.DueMeeting, &g.Provisional
				corr.Due, corr.Target, corr.DueMeeting, corr.Provisional = &due, &target, &g.DueMeeting, &g.Provisional
				r.Due, r.Target, r.DueMeeting, r.Provisional = g.Due, g.Target, g.DueMeeting, g.Provisional
			}
		}
		if err := edit(e); err != nil {
			return false, err
		}
		if err := history(FieldKind, string(r.Kind), string(k)); err != nil {
			return false, err
		}
		corr.Kind, r.Kind = k, k
	}
	if c.Accept && !corr.Accepted && !corr.Added {
		corr.Accepted = true
		if err := history(FieldAccepted, "", ""); err != nil {
			return false, err
		}
	}
	if !changed {
		return false, nil
	}
	corr.UpdatedAt = st.At
	r.Corrected = !corr.Withdrawn
	return true, q.PutCorrection(ctx, corr)
}

// spanError says a text a clerk gave is not in the item.
func spanError(text string, it store.StoredItem) error {
	t := cleanLine(text)
	if r := []rune(t); len(r) > 60 {
		t = string(r[:59]) + "…"
	}
	return userErrorf("the text “%s” does not occur in item %s (minute %s); give words of the item's text as the minutes print them (`minutebook show %s` prints it)",
		t, it.ID, cleanLine(it.Number), it.ID)
}

// AddRecord adds a record the parser missed to an item, as a clerk's
// correction: its text must occur in the item's (found whatever its case,
// spacing and kind of quotes; the item's own words are kept), and it gets
// a stable ID of its own ("osc-2021-12-14-188-ca1": c for a clerk's). It is
// kept through every import and re-parse; a newer parser that finds the
// same record is taken into it rather than adding it twice. It returns the
// record as saved.
func (l *Library) AddRecord(ctx context.Context, n NewRecord) (Record, error) {
	k, ok := ParseKind(string(n.Kind))
	if !ok {
		return Record{}, userErrorf("kind %q: want resolution, action or follow-up", n.Kind)
	}
	if strings.TrimSpace(n.Text) == "" {
		return Record{}, userErrorf("give the record's text: words of the item's text")
	}
	if !n.Due.IsZero() && strings.TrimSpace(n.DueMeeting) != "" {
		return Record{}, userErrorf("give a due date or the meeting it is due at, not both")
	}
	who := n.Who
	if who == "" {
		who = currentUser()
	}
	st := store.Stamp{At: l.now().UTC().Format(store.TimeFormat), Who: cleanLine(who)}
	itemID := strings.TrimSpace(n.ItemID)
	var id string
	err := l.store.Write(ctx, func(q store.Q) error {
		it, err := q.StoredItemOf(ctx, itemID)
		if errors.Is(err, ErrNotFound) {
			return fmt.Errorf("no item has the ID %q: %w; item IDs are a meeting ID and minute (osc-2021-12-14-188), as `minutebook show MEETING` lists them", itemID, ErrNotFound)
		} else if err != nil {
			return err
		}
		span, at, ok := findSpan(it.Body, n.Text)
		if !ok {
			return spanError(n.Text, it)
		}
		recs, err := q.StoredRecords(ctx, []string{it.MeetingID})
		if err != nil {
			return err
		}
		spanWords := words(span)
		for _, r := range recs {
			if r.ItemID == it.ID && !r.Rejected && r.Kind == k && dice(words(r.Text), spanWords) >= 0.9 {
				return userErrorf("%s is already this %s; correct it instead (minutebook set %s …)", r.ID, k.Label(), r.ID)
			}
		}
		m, err := q.MeetingFacts(ctx, it.MeetingID)
		if err != nil {
			return err
		}
		rec := minutes.Record{Kind: k, Text: span, Line: it.Line + strings.Count(it.Body[:at], "\n")}
		if k != minutes.KindResolution {
			rec.Owner = cleanLine(n.Owner)
			switch {
			case !n.Due.IsZero():
				rec.Due, rec.Target = n.Due, minutes.DateTarget()
			case strings.TrimSpace(n.DueMeeting) != "":
				g, ok := minutes.DueAt(m, cleanLine(n.DueMeeting))
				if !ok {
					return userErrorf("the due meeting %q: name the next meeting, or a month (\"the June 2026 meeting\")", cleanLine(n.DueMeeting))
				}
				rec.Due, rec.Target, rec.DueMeeting, rec.Provisional = g.Due, g.Target, g.DueMeeting, g.Provisional
			}
		}
		used, err := q.UsedIDs(ctx, []string{it.ID})
		if err != nil {
			return err
		}
		for i := 1; ; i++ {
			id = it.ID + "-c" + string(store.KindLetter(k)) + strconv.Itoa(i)
			if !used[id] {
				break
			}
		}
		rec.ID = id
		if err := q.InsertRecord(ctx, it.MeetingID, it.ID, rec); err != nil {
			return err
		}
		due, target := rec.Due.String(), rec.Target.String()
		corr := store.Correction{RecordID: id, MeetingID: it.MeetingID, ItemID: it.ID, Added: true, Kind: k, Text: span,
			CreatedAt: st.At, UpdatedAt: st.At}
		if k != minutes.KindResolution {
			corr.Owner, corr.Due, corr.Target, corr.DueMeeting, corr.Provisional = &rec.Owner, &due, &target, &rec.DueMeeting, &rec.Provisional
		}
		if err := q.PutCorrection(ctx, corr); err != nil {
			return err
		}
		if err := q.AddHistory(ctx, id, st, FieldAdded, "", string(k)+": "+span); err != nil {
			return err
		}
		if note := cleanText(n.Note); note != "" {
			r, err := q.Record(ctx, id)
			if err != nil {
				return err
			}
			if _, err := q.Track(ctx, r, store.Change{Note: note}, st); err != nil {
				return err
			}
		}
		_, err = q.Bump(ctx, it.MeetingID)
		return err
	})
	if err != nil {
		return Record{}, l.wrapUser("add a record to "+itemID, err)
	}
	r, _, err := l.Record(ctx, id)
	return r, err
}

// Guess is what the parser reads in a span of an item's text as a record
// of kind k: its owner and due date, for a clerk's form to start from.
// The span must occur in the item (it is returned as the item prints it).
func (l *Library) Guess(ctx context.Context, itemID string, k minutes.Kind, text string) (minutes.Record, error) {
	var g minutes.Record
	err := l.store.Read(ctx, func(q store.Q) error {
		it, err := q.StoredItemOf(ctx, strings.TrimSpace(itemID))
		if errors.Is(err, ErrNotFound) {
			return fmt.Errorf("no item has the ID %q: %w", itemID, ErrNotFound)
		} else if err != nil {
			return err
		}
		span, _, ok := findSpan(it.Body, text)
		if !ok {
			return spanError(text, it)
		}
		m, err := q.MeetingFacts(ctx, it.MeetingID)
		if err != nil {
			return err
		}
		g = minutes.Guess(m, k, span)
		g.Text = span
		return nil
	})
	return g, l.wrapUser("read "+itemID, err)
}

// Review returns the review queue: the records the parser was unsure of
// (minutes.ConfidenceLow, with Why) that no clerk has corrected yet, in
// meeting order, flagged as of q.AsOf. Accepting, rejecting or changing a
// record takes it out for good.
func (l *Library) Review(ctx context.Context, q ReviewQuery) ([]Record, error) {
	var f store.ReviewFilter
	keys, err := l.scopeKeys(ctx, q.Committee, q.Council)
	if err != nil {
		return nil, err
	}
	if keys != nil {
		f.Committees = slices.Sorted(maps.Keys(keys))
	}
	var list []store.Record
	var versions map[string]int64
	err = l.store.Read(ctx, func(sq store.Q) error {
		var err error
		if list, err = sq.Review(ctx, f); err != nil {
			return err
		}
		var meetings []string
		seen := map[string]bool{}
		for _, s := range list {
			if !seen[s.MeetingID] {
				seen[s.MeetingID] = true
				meetings = append(meetings, s.MeetingID)
			}
		}
		versions, err = sq.Versions(ctx, meetings)
		return err
	})
	if err != nil {
		return nil, l.store.Wrap("read the review queue", err)
	}
	model, err := l.model(ctx)
	if err != nil {
		return nil, err
	}
	asOf := q.AsOf
	if asOf.IsZero() {
		asOf = l.today()
	}
	out := make([]Record, 0, len(list))
	for _, s := range list {
		r := fromStore(s)
		r.Version = versions[r.ID]
		model.flag(ctx, l, &r, asOf)
		out = append(out, r.Record)
	}
	return out, nil
}

// Kept lists the records clerks corrected that the parse of their
// minutes no longer gives: kept as the clerks left them.
func (l *Library) Kept(ctx context.Context) ([]Record, error) {
	list, err := l.store.Q().Kept(ctx)
	if err != nil {
		return nil, l.store.Wrap("list the records kept from corrections", err)
	}
	out := make([]Record, 0, len(list))
	for _, s := range list {
		out = append(out, fromStore(s).Record)
	}
	return out, nil
}

// Correction is one record as clerks corrected it, with the item it
// belongs to, for turning into test cases of the parser: what the parser
// gave (ParsedKind and ParsedText, "" for a record it missed) and what the
// clerks said it is.
type Correction struct {
	RecordID     string
	MeetingID    string
	Council      string
	Committee    string
	CommitteeKey string
	MeetingDate  minutes.Date
	SourceName   string // the document the meeting was parsed from
	ItemID       string
	Minute       string
	ItemTitle    string
	ItemText     string // the item's text, verbatim
	// Added: the parser missed it; Rejected: it is not a record (Note
	// says why); Accepted: the parser's record is right.
	Added    bool
	Rejected bool
	Accepted bool
	Note     string
	// Kind and Text are the record as clerks have it now; ParsedKind and
	// ParsedText as the parser gave it when it was first corrected.
	Kind       minutes.Kind
	Text       string
	ParsedKind minutes.Kind
	ParsedText string
	Owner      string
	Due        minutes.Date
	DueMeeting string
	// History is the corrections' lines of the record's history, oldest
	// first.
	History []HistoryEntry
}

// Corrections lists every correction clerks made (additions taken back
// left out), in the order they were first made.
func (l *Library) Corrections(ctx context.Context) ([]Correction, error) {
	var out []Correction
	err := l.store.Read(ctx, func(q store.Q) error {
		list, err := q.Corrections(ctx)
		if err != nil {
			return err
		}
		for _, c := range list {
			x := Correction{RecordID: c.RecordID, MeetingID: c.MeetingID, ItemID: c.ItemID, Added: c.Added, Rejected: c.Rejected,
				Accepted: c.Accepted, Note: c.Note, Kind: c.Kind, Text: c.Text, ParsedKind: c.ParsedKind, ParsedText: c.ParsedText}
			if x.Kind == "" {
				x.Kind = x.ParsedKind
			}
			if x.Text == "" {
				x.Text = x.ParsedText
			}
			if r, err := q.Record(ctx, c.RecordID); err == nil && !r.Orphaned {
				x.Kind, x.Text, x.Owner, x.Due, x.DueMeeting = r.Kind, r.Text, r.Owner, r.Due, r.DueMeeting
			}
			if m, err := q.MeetingSummaryOf(ctx, c.MeetingID); err == nil {
				x.Council, x.Committee, x.CommitteeKey, x.MeetingDate, x.SourceName = m.Council, m.Committee, m.CommitteeKey, m.Date, m.SourceName
			}
			if it, err := q.StoredItemOf(ctx, c.ItemID); err == nil {
				x.Minute, x.ItemTitle, x.ItemText = it.Number, it.Title, it.Body
			}
			hist, err := q.History(ctx, c.RecordID)
			if err != nil {
				return err
			}
			for _, h := range hist {
				switch h.Field {
				case FieldAdded, FieldWithdrawn, FieldRejected, FieldRestored, FieldAccepted, FieldKind, FieldText:
					x.History = append(x.History, h)
				}
			}
			out = append(out, x)
		}
		return nil
	})
	if err != nil {
		return nil, l.store.Wrap("read the corrections", err)
	}
	return out, nil
}
