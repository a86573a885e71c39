package index

import (
	"context"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/minutebook/minutebook/index/internal/store"
	"github.com/minutebook/minutebook/minutes"
)

// A meeting stored again (a re-import of a changed document, a re-parse
// with a newer parser, a sync of corrected minutes) is matched against
// what the store holds of it, record by record, by meaning rather than by
// position:
//
//   - Each new item is the stored item of the same ID, or else of the same
//     minute number (a re-parse that reads the date differently moves
//     every ID; then only the records clerks corrected are matched, and
//     other tracking stays by ID, as orphans).
//   - In each item, a new record is the stored record whose text it
//     shares words with (Dice at least sameRecord, textmatch.go), of the
//     same kind, or of the kind the parser gave before a clerk changed it.
//     Pairs are taken best first, one to one.
//   - A stored record left over is then looked for in the meeting's other
//     items the same way: a newer parser may list the business under a
//     section as items of their own, or an item's number may change.
//   - A new record that is a stored one takes its ID, so the clerk's
//     tracking stays with what it was about when a newer parser finds
//     more or fewer records in an item and the ordinals move. The clerk's
//     corrections of it apply again: its kind, its text, a rejection.
//   - A stored record a clerk added stays as the clerk made it; a new
//     record that is the same one (the parser now finds it) is taken into
//     it, not stored twice.
//   - A stored record a clerk corrected that the new parse no longer
//     gives is kept as the clerk left it (origin kept, listed by Reparse);
//     a rejected one is kept rejected, so that a later parser finding it
//     again finds it rejected.
//   - Any other new record keeps the parser's ID unless a record above
//     holds it, and then takes the first free ordinal of its kind: never
//     one that tracking, corrections or history were ever kept for.

// reconciled is what matching a new parse gave: the marks to store with
// its records, and where the corrected records now are.
type reconciled struct {
	marks map[string]store.RecordMark
	place map[string][2]string // corrected record ID → its meeting and item
}

// newRec is one record of the new parse.
type newRec struct {
	rec   minutes.Record
	kind  minutes.Kind
	words []string
	taken bool
}

// oldRec is one stored record of the meetings the new parse replaces.
type oldRec struct {
	s          store.Record
	c          store.Correction
	corrected  bool
	words      []string
	parsedWord []string
	taken      bool
}

// reconcile matches p against the meetings it replaces (see above) and
// rewrites p's records: IDs, kinds and texts as the corrections say, and
// the records kept from corrections added to their items. It runs in the
// write transaction that stores p.
func reconcile(ctx context.Context, q store.Q, p *prepared) (reconciled, error) {
	res := reconciled{marks: map[string]store.RecordMark{}, place: map[string][2]string{}}
	if stored, err := q.Stored(ctx, p.id, p.m.Source.Hash); err != nil || !stored {
		return res, err // a new meeting: the parser's records as they are
	}
	touched, err := q.Replaced(ctx, p.id, p.m.Source.Hash)
	if err != nil {
		return res, err
	}
	stored, err := q.StoredRecords(ctx, touched)
	if err != nil {
		return res, err
	}
	corr, err := q.CorrectionsOf(ctx, touched)
	if err != nil {
		return res, err
	}
	if len(stored) == 0 && len(corr) == 0 {
		return res, nil // a new meeting: the parser's records as they are
	}
	oldItems, err := q.StoredItems(ctx, touched)
	if err != nil {
		return res, err
	}
	// Corrected records the store does not hold (their item went in an
	// earlier parse, or a sync dropped the meeting) stand in from their
	// corrections, to be placed again when their item is back.
	have := map[string]bool{}
	for _, s := range stored {
		have[s.ID] = true
	}
	for _, id := range sortedKeys(corr) {
		if !have[id] {
			stored = append(stored, standIn(corr[id]))
		}
	}
	itemOf := mapItems(oldItems, p)
	byItem := map[int][]*oldRec{}
	var homeless []*oldRec
	for _, s := range stored {
		o := &oldRec{s: s, words: words(s.Text)}
		o.c, o.corrected = corr[s.ID]
		if s.MeetingID != p.id && !o.corrected {
			// A meeting whose ID the new parse changed (its date read
			// differently): only corrections move with their records;
			// other tracking stays by ID, as an orphan.
			continue
		}
		if o.corrected && o.c.ParsedText != "" {
			o.parsedWord = words(o.c.ParsedText)
		}
		i, ok := itemOf[s.ItemID]
		if !ok {
			// Its item is gone (renumbered, or split by a newer parser):
			// the record may be found in another item below; if not, a
			// correction waits in corrections, tracking as an orphan.
			homeless = append(homeless, o)
			continue
		}
		byItem[i] = append(byItem[i], o)
	}

	claimed := map[string]bool{}
	for id := range corr {
		claimed[id] = true // an ID with a correction is that record's, placed or not
	}
	out := make([][]minutes.Record, len(p.m.Items))
	news := make([][]*newRec, len(p.m.Items))
	emit := func(i int, r minutes.Record, kind minutes.Kind, mark store.RecordMark) {
		r.Kind = kind
		claimed[r.ID] = true
		if mark != (store.RecordMark{}) {
			res.marks[r.ID] = mark
		}
		out[i] = append(out[i], r)
	}
	// take makes new record n of item i the stored record o.
	take := func(i int, n *newRec, o *oldRec) {
		n.taken, o.taken = true, true
		if o.corrected {
			res.place[o.s.ID] = [2]string{p.id, p.itemIDs[i]}
		}
		if o.corrected && o.c.Added { // the parser found what the clerk added: the clerk's stays
			emit(i, fromStored(o.s), o.s.Kind, store.RecordMark{Rejected: o.c.Rejected, Origin: store.OriginClerk})
			return
		}
		r, kind := n.rec, n.kind
		r.ID = o.s.ID
		var mark store.RecordMark
		if o.corrected {
			kind = overlay(o.c, &r, kind)
			mark.Rejected = o.c.Rejected
		}
		emit(i, r, kind, mark)
	}
	// First every new record that is a stored one of its own item…
	for i := range p.m.Items {
		it := &p.m.Items[i]
		for _, g := range []struct {
			kind minutes.Kind
			list []minutes.Record
		}{{minutes.KindResolution, it.Resolutions}, {minutes.KindAction, it.Actions}, {minutes.KindFollowUp, it.FollowUps}} {
			for _, r := range g.list {
				news[i] = append(news[i], &newRec{rec: r, kind: g.kind, words: words(r.Text)})
			}
		}
		olds := byItem[i]
		for _, pr := range matchRecords(news[i], olds) {
			take(i, news[i][pr[0]], olds[pr[1]])
		}
	}
	// …then, across the meeting, a stored record the parse now gives in
	// another item: a newer parser that lists the business under a
	// section as items of their own ("8.1 Dog Control Policy" out of "8
	// GENERAL ITEMS"), or an item renumbered. It keeps its ID, so its
	// tracking and corrections go with it.
	var loose []*oldRec
	for i := range p.m.Items {
		for _, o := range byItem[i] {
			if !o.taken {
				loose = append(loose, o)
			}
		}
	}
	loose = append(loose, homeless...)
	if len(loose) > 0 {
		var free []*newRec
		var freeItem []int
		for i := range p.m.Items {
			for _, n := range news[i] {
				if !n.taken {
					free, freeItem = append(free, n), append(freeItem, i)
				}
			}
		}
		for _, pr := range matchRecords(free, loose) {
			take(freeItem[pr[0]], free[pr[0]], loose[pr[1]])
		}
	}
	// …then every stored one kept from corrections, in its item, so that
	// they hold their IDs…
	for i := range p.m.Items {
		for _, o := range byItem[i] {
			if o.taken || !o.corrected {
				continue // a stored record the parse no longer gives, that no clerk corrected: gone
			}
			mark := store.RecordMark{Rejected: o.c.Rejected, Origin: store.OriginKept}
			if o.c.Added {
				mark.Origin = store.OriginClerk
			}
			res.place[o.s.ID] = [2]string{p.id, p.itemIDs[i]}
			emit(i, fromStored(o.s), o.s.Kind, mark)
		}
	}
	// …then the new records that are new.
	used := map[string]map[string]bool{} // item ID → IDs ever used under it, read when needed
	for i := range p.m.Items {
		for _, n := range news[i] {
			if n.taken {
				continue
			}
			r := n.rec
			if claimed[r.ID] {
				item := p.itemIDs[i]
				if used[item] == nil {
					if used[item], err = q.UsedIDs(ctx, []string{item}); err != nil {
						return res, err
					}
				}
				r.ID = freshID(item, n.kind, func(id string) bool { return claimed[id] || used[item][id] })
			}
			emit(i, r, n.kind, store.RecordMark{})
		}
	}
	for i := range p.m.Items {
		it := &p.m.Items[i]
		it.Resolutions, it.Actions, it.FollowUps = nil, nil, nil
		slices.SortStableFunc(out[i], func(a, b minutes.Record) int {
			return store.RecordOrd(a.Kind, a.ID, 0) - store.RecordOrd(b.Kind, b.ID, 0)
		})
		for _, r := range out[i] {
			switch r.Kind {
			case minutes.KindAction:
				it.Actions = append(it.Actions, r)
			case minutes.KindFollowUp:
				it.FollowUps = append(it.FollowUps, r)
			default:
				it.Resolutions = append(it.Resolutions, r)
			}
		}
	}
	return res, nil
}

// matchRecords pairs new records with stored ones of an item (indexes
// into news and olds), best first, one to one.
func matchRecords(news []*newRec, olds []*oldRec) [][2]int {
	type pair struct {
		n, o   int
		score  float64
		sameID bool
	}
	var pairs []pair
	for ni, n := range news {
		for oi, o := range olds {
			if !kindFits(n.kind, o) {
				continue
			}
			d := dice(n.words, o.words)
			if o.parsedWord != nil {
				d = max(d, dice(n.words, o.parsedWord))
			}
			if d >= sameRecord {
				pairs = append(pairs, pair{ni, oi, d, n.rec.ID == o.s.ID})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool {
		if pairs[a].score != pairs[b].score {
			return pairs[a].score > pairs[b].score
		}
		return pairs[a].sameID && !pairs[b].sameID
	})
	var out [][2]int
	nTaken, oTaken := map[int]bool{}, map[int]bool{}
	for _, pr := range pairs {
		if nTaken[pr.n] || oTaken[pr.o] {
			continue
		}
		nTaken[pr.n], oTaken[pr.o] = true, true
		out = append(out, [2]int{pr.n, pr.o})
	}
	return out
}

// kindFits reports whether a new record of kind k can be the stored record
// o: of its kind, or of the kind the parser gave it before a clerk changed
// it. A record a clerk added is found again only as its own kind.
func kindFits(k minutes.Kind, o *oldRec) bool {
	if k == o.s.Kind {
		return true
	}
	return o.corrected && !o.c.Added && o.c.ParsedKind == k
}

// overlay applies a correction to a new record of kind k, returning its
// kind as corrected.
func overlay(c store.Correction, r *minutes.Record, k minutes.Kind) minutes.Kind {
	if c.Kind != "" {
		k = c.Kind
	}
	if c.Text != "" {
		r.Text = c.Text
	}
	if c.Owner != nil {
		r.Owner = *c.Owner
	}
	if c.Due != nil {
		r.Due, r.Provisional = store.ParseDate(*c.Due), false
	}
	if c.Provisional != nil {
		r.Provisional = *c.Provisional
	}
	if c.DueMeeting != nil {
		r.DueMeeting = *c.DueMeeting
	}
	if c.Target != nil {
		r.Target, _ = minutes.ParseTarget(*c.Target)
	}
	return k
}

// fromStored is a stored record as the parser's output holds it.
func fromStored(s store.Record) minutes.Record {
	return minutes.Record{ID: s.ID, Kind: s.Kind, Part: s.Part, Text: s.Text, Line: s.Line, Owner: s.Owner, Due: s.Due,
		DueMeeting: s.DueMeeting, Provisional: s.Provisional, Target: s.Target, Confidence: s.Confidence, Why: s.Why}
}

// standIn is a corrected record the store no longer holds, as far as its
// correction knows it.
func standIn(c store.Correction) store.Record {
	r := store.Record{ID: c.RecordID, MeetingID: c.MeetingID, ItemID: c.ItemID, Kind: c.ParsedKind, Text: c.ParsedText, Rejected: c.Rejected}
	if c.Added {
		r.Origin = store.OriginClerk
	}
	m := minutes.Record{}
	kind := overlay(c, &m, r.Kind)
	r.Kind, r.Owner, r.Due, r.DueMeeting, r.Provisional, r.Target = kind, m.Owner, m.Due, m.DueMeeting, m.Provisional, m.Target
	if m.Text != "" {
		r.Text = m.Text
	}
	return r
}

// mapItems maps the stored items to the new parse's: by ID, then by minute
// number (old item ID → index into p's items).
func mapItems(old []store.StoredItem, p *prepared) map[string]int {
	out := map[string]int{}
	taken := map[int]bool{}
	byID := map[string]int{}
	for i, id := range p.itemIDs {
		byID[id] = i
	}
	for _, it := range old {
		if i, ok := byID[it.ID]; ok && !taken[i] {
			out[it.ID], taken[i] = i, true
		}
	}
	for _, it := range old {
		if _, ok := out[it.ID]; ok || strings.TrimSpace(it.Number) == "" {
			continue
		}
		for i := range p.m.Items {
			if !taken[i] && sameMinute(p.m.Items[i].Number, it.Number) {
				out[it.ID], taken[i] = i, true
				break
			}
		}
	}
	return out
}

// sameMinute reports whether two minute numbers as printed are one:
// "12(b)" and "12b", "04." and "4".
func sameMinute(a, b string) bool {
	norm := func(s string) string {
		ws := words(s)
		for i, w := range ws {
			ws[i] = strings.TrimLeft(w, "0")
		}
		return strings.Join(ws, "")
	}
	return norm(a) != "" && norm(a) == norm(b)
}

// freshID is the first ID of an item's records of kind k that taken says
// is free: "…-a3".
func freshID(item string, k minutes.Kind, taken func(string) bool) string {
	for n := 1; ; n++ {
		id := item + "-" + string(store.KindLetter(k)) + strconv.Itoa(n)
		if !taken(id) {
			return id
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
