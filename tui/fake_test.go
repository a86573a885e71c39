package tui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/minutebook/minutebook/index"
	"github.com/minutebook/minutebook/index/indextest"
	"github.com/minutebook/minutebook/minutes"
)

// fakeLib is an in-memory index.API built from parsed meetings, the way
// the real library is: records from the meetings' items, tracking kept in
// maps, flags worked out against the as-of date by the library's one rule
// (minutes.FlagOf), and a plain word search with excerpts and facets. It is safe for
// concurrent use.
type fakeLib struct {
	mu       sync.Mutex
	meetings []*minutes.Meeting // in date order
	byID     map[string]*minutes.Meeting
	recs     []*fakeRec
	recByID  map[string]*fakeRec
	// returned are the automatic matches of follow-ups to later items;
	// confirmed and rejected are the clerk's decisions (as the library's
	// links table holds them).
	returned  map[string]index.ItemRef
	confirmed map[string]string
	rejected  map[string]map[string]bool
	gen       int64
	seq       int64 // numbers history entries, as the store does
	now       func() time.Time

	searchDelay time.Duration // added to every search, for stale-result tests
	searches    int
	failUpdate  error
	failDue     error
}

type fakeRec struct {
	rec    index.Record // without flag
	dueSet bool         // a clerk set the due date
	hist   []index.HistoryEntry
	gone   bool   // a clerk's addition taken back
	lc     string // lower-cased text, for search
	item   *minutes.Item
	m      *minutes.Meeting
}

// fakeNow is the fixed clock of the tests: 20 May 2022, 10:00 UTC.
var fakeNow = time.Date(2022, 5, 20, 10, 0, 0, 0, time.UTC)

func newFakeLib(ms []*minutes.Meeting) *fakeLib {
	f := &fakeLib{byID: map[string]*minutes.Meeting{}, recByID: map[string]*fakeRec{},
		returned: map[string]index.ItemRef{}, confirmed: map[string]string{}, rejected: map[string]map[string]bool{},
		now: func() time.Time { return fakeNow }, gen: 1}
	f.meetings = append(f.meetings, ms...)
	sort.SliceStable(f.meetings, func(i, j int) bool { return f.meetings[i].Date.Before(f.meetings[j].Date) })
	for _, m := range f.meetings {
		f.byID[m.ID()] = m
		for i := range m.Items {
			it := &m.Items[i]
			for _, r := range it.Records() {
				fr := &fakeRec{rec: index.Record{
					ID: r.ID, Kind: r.Kind, Part: r.Part, Text: r.Text,
					MeetingID: m.ID(), Council: m.Council, Committee: m.Committee, CommitteeKey: minutes.CommitteeSlug(m.Committee), MeetingDate: m.Date,
					Minute: it.Number, ItemID: m.ItemID(i), ItemTitle: it.Title, Exempt: it.Exempt,
					SourceName: m.Source.Name, SourceHash: m.Source.Hash, Line: r.Line,
					ParsedOwner: r.Owner, ParsedDue: r.Due, DueMeeting: r.DueMeeting, Provisional: r.Provisional, Target: r.Target,
					Status: index.StatusOpen, Owner: r.Owner, Due: r.Due,
					Confidence: r.Confidence, Why: r.Why, Review: r.Confidence == minutes.ConfidenceLow,
				}, lc: strings.ToLower(r.Text + " " + it.Title), item: it, m: m}
				f.recs = append(f.recs, fr)
				f.recByID[r.ID] = fr
			}
		}
	}
	return f
}

// assignIDs gives a hand-made meeting's records their IDs, as the parser
// does.
func assignIDs(m *minutes.Meeting) *minutes.Meeting {
	for i := range m.Items {
		it := &m.Items[i]
		base := m.ItemID(i)
		for j := range it.Resolutions {
			it.Resolutions[j].ID, it.Resolutions[j].Kind = base+"-r"+strconv.Itoa(j+1), minutes.KindResolution
		}
		for j := range it.Actions {
			it.Actions[j].ID, it.Actions[j].Kind = base+"-a"+strconv.Itoa(j+1), minutes.KindAction
		}
		for j := range it.FollowUps {
			it.FollowUps[j].ID, it.FollowUps[j].Kind = base+"-f"+strconv.Itoa(j+1), minutes.KindFollowUp
		}
	}
	return m
}

func (f *fakeLib) today() minutes.Date { return minutes.DateOf(f.now()) }

// isCommittee reports whether the committee named name is the one given by
// its key (its initials: the fake holds one council) or name.
func isCommittee(name, committee string) bool {
	return committee == name || committee == minutes.CommitteeSlug(name)
}

// calendar is the committee's known meetings, from the meetings held and
// the next-meeting dates their minutes state.
func (f *fakeLib) calendar(committee string) minutes.Calendar {
	var held []minutes.HeldMeeting
	for _, m := range f.meetings {
		if isCommittee(m.Committee, committee) {
			held = append(held, minutes.HeldMeeting{Date: m.Date, Next: m.NextMeeting})
		}
	}
	return minutes.NewCalendar(held)
}

// nextMeeting is the committee's first known meeting after d.
func (f *fakeLib) nextMeeting(committee string, d minutes.Date) (minutes.Date, bool) {
	return f.calendar(committee).After(d)
}

// withFlag is the record with its flag as of asOf, by the library's one
// rule (minutes.FlagOf).
func (f *fakeLib) withFlag(fr *fakeRec, asOf minutes.Date) index.Record {
	r := fr.rec
	t := minutes.Tracked{Kind: r.Kind, Status: r.Status, MeetingDate: r.MeetingDate, Due: r.Due,
		Provisional: r.Provisional, Target: r.Target, DueSet: fr.dueSet}
	ref, returned := f.returnedTo(r.ID)
	if returned {
		t.ReturnedAt = ref.MeetingDate
	}
	s := minutes.FlagOf(t, f.calendar(r.Committee), asOf)
	r.Flag, r.Due, r.Provisional = s.Flag, s.Due, s.Provisional
	if s.Flag == index.FlagReturned {
		r.ReturnedTo = &ref
	}
	if n := len(fr.hist); n > 0 {
		for i := n - 1; i >= 0; i-- {
			if fr.hist[i].Field == "note" {
				r.LastNote = fr.hist[i].New
				break
			}
		}
	}
	return r
}

func (f *fakeLib) Due(ctx context.Context, q index.DueQuery) ([]index.Record, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failDue != nil {
		return nil, f.failDue
	}
	asOf := q.AsOf
	if asOf.IsZero() {
		asOf = f.today()
	}
	var out []index.Record
	for _, fr := range f.recs {
		if fr.gone || fr.rec.Rejected && !q.IncludeRejected {
			continue
		}
		if fr.rec.Kind == minutes.KindResolution || (q.Committee != "" && !isCommittee(fr.rec.Committee, q.Committee)) ||
			!f.inCouncil(fr.rec.Council, q.Council) ||
			fr.rec.MeetingDate.After(asOf) { // not yet minuted on the as-of date
			continue
		}
		if fr.rec.Status.Closed() && !q.IncludeClosed || fr.rec.MeetingDate.After(asOf) {
			continue // closed, or not made yet on the as-of date (as the library does)
		}
		out = append(out, f.withFlag(fr, asOf))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if a, b := out[i].Flag.Rank(), out[j].Flag.Rank(); a != b {
			return a < b
		}
		return out[i].Due.Before(out[j].Due)
	})
	return out, ctx.Err()
}

// words splits lower-cased text into words with their byte offsets.
func words(s string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r)
		if in && start < 0 {
			start = i
		}
		if !in && start >= 0 {
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

type qterm struct {
	word   string
	prefix bool
}

func parseTerms(text string) []qterm {
	var ts []qterm
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = strings.TrimLeft(w, "+")
		if strings.HasPrefix(w, "-") || strings.Contains(w, ":") {
			continue
		}
		t := qterm{word: strings.Trim(w, "\"*"), prefix: strings.HasSuffix(w, "*")}
		if t.word != "" {
			ts = append(ts, t)
		}
	}
	return ts
}

func (t qterm) matches(w string) bool {
	if t.prefix {
		return strings.HasPrefix(w, t.word)
	}
	return w == t.word || strings.TrimSuffix(w, "s") == t.word || strings.TrimSuffix(t.word, "s") == w
}

// excerptOf marks the matched words of text in a window around the first.
func excerptOf(text string, ts []qterm) ([]index.Span, int) {
	lc := strings.ToLower(text)
	ws := words(lc)
	first, score := -1, 0
	matched := make([]bool, len(ws))
	for i, w := range ws {
		for _, t := range ts {
			if t.matches(lc[w[0]:w[1]]) {
				matched[i] = true
				score++
				if first < 0 {
					first = i
				}
				break
			}
		}
	}
	if first < 0 {
		return nil, 0
	}
	from := max(first-6, 0)
	to := min(from+30, len(ws))
	var spans []index.Span
	pos := ws[from][0]
	if from > 0 {
		spans = append(spans, index.Span{Text: "…"})
	}
	for i := from; i < to; i++ {
		if !matched[i] {
			continue
		}
		if ws[i][0] > pos {
			spans = append(spans, index.Span{Text: text[pos:ws[i][0]]})
		}
		spans = append(spans, index.Span{Text: text[ws[i][0]:ws[i][1]], Match: true})
		pos = ws[i][1]
	}
	end := ws[to-1][1]
	if end > pos {
		spans = append(spans, index.Span{Text: text[pos:end]})
	}
	if to < len(ws) {
		spans = append(spans, index.Span{Text: "…"})
	}
	return spans, score
}

func (f *fakeLib) Search(ctx context.Context, q index.SearchQuery) (*index.SearchResult, error) {
	if f.searchDelay > 0 {
		select {
		case <-time.After(f.searchDelay):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.searches++
	start := time.Now()
	ts := parseTerms(q.Text)
	type scored struct {
		hit   index.Hit
		score int
	}
	var all []scored
	facets := map[string]map[string]int{"committee": {}, "council": {}, "kind": {}, "year": {}, "status": {}}
	consider := func(h index.Hit, text string, lc string) {
		if q.Committee != "" && !isCommittee(h.Committee, q.Committee) || !f.inCouncil(h.Council, q.Council) || q.Kind != "" && string(h.Kind) != q.Kind ||
			q.Status != "" && h.Status != q.Status || q.Year != 0 && h.MeetingDate.Year != q.Year {
			return
		}
		score := 1
		if len(ts) > 0 {
			quick := false
			for _, t := range ts {
				quick = quick || strings.Contains(lc, t.word)
			}
			if !quick {
				return
			}
			h.Excerpt, score = excerptOf(text, ts)
			if score == 0 && h.Title != "" {
				h.Excerpt, score = excerptOf(h.Title, ts)
			}
			if score == 0 {
				return
			}
		} else {
			h.Excerpt = []index.Span{{Text: text}}
		}
		all = append(all, scored{h, score})
		facets["committee"][h.Committee]++
		if h.Council != "" {
			facets["council"][h.Council]++
		}
		facets["kind"][string(h.Kind)]++
		facets["year"][strconv.Itoa(h.MeetingDate.Year)]++
		if h.Status != "" {
			facets["status"][string(h.Status)]++
		}
	}
	for _, fr := range f.recs {
		if fr.gone || fr.rec.Rejected && !q.IncludeRejected {
			continue
		}
		r := fr.rec
		h := index.Hit{ID: r.ID, Kind: index.DocKind(r.Kind), Committee: r.Committee, Council: r.Council, MeetingID: r.MeetingID,
			MeetingDate: r.MeetingDate, Minute: r.Minute, Title: r.ItemTitle}
		if r.Kind != minutes.KindResolution {
			h.Status = r.Status
		}
		consider(h, r.Text, fr.lc)
	}
	if q.Kind == "" || q.Kind == "item" {
		for _, m := range f.meetings {
			for i := range m.Items {
				it := &m.Items[i]
				if len(it.Records()) > 0 || it.Body == "" {
					continue // items with records are found through them
				}
				h := index.Hit{ID: m.ItemID(i), Kind: "item", Committee: m.Committee, Council: m.Council, MeetingID: m.ID(),
					MeetingDate: m.Date, Minute: it.Number, Title: it.Title}
				consider(h, it.Body, strings.ToLower(it.Title+" "+it.Body))
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].score != all[j].score {
			return all[i].score > all[j].score
		}
		if c := all[i].hit.MeetingDate.Compare(all[j].hit.MeetingDate); c != 0 {
			return c > 0
		}
		return all[i].hit.ID < all[j].hit.ID
	})
	res := &index.SearchResult{Total: uint64(len(all))}
	limit := q.Limit
	if limit == 0 {
		limit = 20
	}
	for i := q.Offset; i < len(all) && i < q.Offset+limit; i++ {
		res.Hits = append(res.Hits, all[i].hit)
	}
	if q.Facets {
		res.Facets = map[string][]index.FacetCount{}
		for name, counts := range facets {
			var fc []index.FacetCount
			for v, n := range counts {
				fc = append(fc, index.FacetCount{Value: v, Count: n})
			}
			sort.Slice(fc, func(i, j int) bool {
				if fc[i].Count != fc[j].Count {
					return fc[i].Count > fc[j].Count
				}
				return fc[i].Value < fc[j].Value
			})
			res.Facets[name] = fc
		}
	}
	_ = start // the fake reports no time taken, so golden files are stable
	return res, ctx.Err()
}

func (f *fakeLib) Record(ctx context.Context, id string) (index.Record, []index.HistoryEntry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fr, ok := f.recByID[id]
	if !ok {
		return index.Record{}, nil, fmt.Errorf("record %s: not found", id)
	}
	return f.withFlag(fr, f.today()), append([]index.HistoryEntry(nil), fr.hist...), ctx.Err()
}

func (f *fakeLib) Records(ctx context.Context, q index.RecordQuery) ([]index.Record, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	asOf := q.AsOf
	if asOf.IsZero() {
		asOf = f.today()
	}
	kinds := q.Kinds
	if kinds == nil {
		kinds = []minutes.Kind{minutes.KindAction, minutes.KindFollowUp}
	}
	var out []index.Record
	for _, fr := range f.recs {
		if fr.gone || fr.rec.Rejected && !q.IncludeRejected {
			continue
		}
		r, d := &fr.rec, fr.rec.MeetingDate
		if (q.Committee == "" || isCommittee(r.Committee, q.Committee)) && slices.Contains(kinds, r.Kind) &&
			(len(q.Statuses) == 0 || slices.Contains(q.Statuses, r.Status)) && (q.IncludeExempt || !r.Exempt) &&
			(q.From.IsZero() || !d.Before(q.From)) && (q.To.IsZero() || !d.After(q.To)) {
			out = append(out, f.withFlag(fr, asOf))
		}
	}
	return out, ctx.Err()
}

func (f *fakeLib) Update(ctx context.Context, id string, c index.Change) (index.Record, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failUpdate != nil {
		return index.Record{}, f.failUpdate
	}
	fr, ok := f.recByID[id]
	if !ok || fr.gone {
		return index.Record{}, fmt.Errorf("record %s: not found", id)
	}
	who := c.Who
	if who == "" {
		who = "clerk"
	}
	noteOnly := c.Status == nil && c.Owner == nil && c.Due == nil && c.Kind == nil && c.Text == nil && c.Reject == nil &&
		!c.Accept && !c.Withdraw && c.Link == nil && c.Links == nil
	if c.Version != nil && !noteOnly && *c.Version != fr.rec.Version && !c.Force {
		ce := &index.ConflictError{ID: id, Current: f.withFlag(fr, f.today()), Me: who}
		for _, h := range fr.hist {
			if h.Seq > *c.Version && h.Field != "note" {
				ce.Changes = append(ce.Changes, h)
			}
		}
		return index.Record{}, ce
	}
	at := f.now().Add(time.Duration(len(fr.hist)) * time.Minute)
	add := func(field, old, nw string) { f.entry(fr, at, who, field, old, nw) }
	r := &fr.rec
	if c.Withdraw {
		fr.gone = true
		add(index.FieldWithdrawn, r.Text, "")
		f.gen++
		return fr.rec, ctx.Err()
	}
	if c.Reject != nil && *c.Reject != r.Rejected {
		r.Rejected, r.Corrected, r.Review = *c.Reject, true, false
		if *c.Reject {
			add(index.FieldRejected, "", c.Note)
			c.Note = ""
		} else {
			add(index.FieldRestored, "", "")
		}
	}
	if c.Text != nil && *c.Text != r.Text {
		if !strings.Contains(strings.ToLower(strings.Join(strings.Fields(f.itemBody(r.ItemID)), " ")), strings.ToLower(strings.Join(strings.Fields(*c.Text), " "))) {
			return index.Record{}, fmt.Errorf("the text %q does not occur in item %s", *c.Text, r.ItemID)
		}
		add(index.FieldText, r.Text, *c.Text)
		r.Text, r.Corrected, r.Review = *c.Text, true, false
	}
	if c.Kind != nil && *c.Kind != r.Kind {
		add(index.FieldKind, string(r.Kind), string(*c.Kind))
		r.Kind, r.Corrected, r.Review = *c.Kind, true, false
		if r.Kind != minutes.KindResolution && r.Status == "" {
			r.Status = index.StatusOpen
		}
	}
	if c.Accept && r.Review {
		add(index.FieldAccepted, "", "")
		r.Corrected, r.Review = true, false
	}
	if c.Status != nil && *c.Status != r.Status {
		add("status", string(r.Status), string(*c.Status))
		r.Status = *c.Status
	}
	if c.Owner != nil && *c.Owner != r.Owner {
		add("owner", r.Owner, *c.Owner)
		r.Owner = *c.Owner
		if r.Owner == "" {
			r.Owner = r.ParsedOwner
		}
	}
	if c.Due != nil {
		nd := *c.Due
		if nd.IsZero() {
			nd = r.ParsedDue
		}
		if nd != r.Due {
			add("due", r.Due.String(), nd.String())
			r.Due = nd
		}
		fr.dueSet = !c.Due.IsZero()
	}
	if c.Note != "" {
		add("note", "", c.Note)
	}
	if c.Link != nil {
		if err := f.linkReturn(fr, *c.Link); err != nil {
			return index.Record{}, err
		}
	}
	if c.Links != nil {
		if err := f.setReturnDecisions(fr, *c.Links); err != nil {
			return index.Record{}, err
		}
	}
	r.UpdatedAt = at
	f.gen++
	return f.withFlag(fr, f.today()), ctx.Err()
}

// entry adds a line to a record's history, numbered as the store numbers
// them; every change but a note moves the record's version on. f.mu is
// held.
func (f *fakeLib) entry(fr *fakeRec, at time.Time, who, field, old, nw string) {
	f.seq++
	fr.hist = append(fr.hist, index.HistoryEntry{Seq: f.seq, At: at, Who: who, Field: field, Old: old, New: nw})
	if field != "note" {
		fr.rec.Version = f.seq
	}
}

// itemBody is the text of an item by its ID. f.mu is held.
func (f *fakeLib) itemBody(id string) string {
	for _, m := range f.meetings {
		for i := range m.Items {
			if m.ItemID(i) == id {
				return m.Items[i].Body
			}
		}
	}
	return ""
}

// AddRecord adds a clerk's record to a meeting's item, as the library
// does: its text must be in the item; it gets the next clerk's ID.
func (f *fakeLib) AddRecord(ctx context.Context, n index.NewRecord) (index.Record, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, m := range f.meetings {
		for i := range m.Items {
			if m.ItemID(i) != n.ItemID {
				continue
			}
			it := &m.Items[i]
			norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
			if !strings.Contains(norm(it.Body), norm(n.Text)) {
				return index.Record{}, fmt.Errorf("the text %q does not occur in item %s", n.Text, n.ItemID)
			}
			letter := map[minutes.Kind]string{minutes.KindResolution: "r", minutes.KindAction: "a", minutes.KindFollowUp: "f"}[n.Kind]
			id := ""
			for k := 1; ; k++ {
				if id = n.ItemID + "-c" + letter + strconv.Itoa(k); f.recByID[id] == nil {
					break
				}
			}
			rec := minutes.Record{ID: id, Kind: n.Kind, Text: strings.TrimSpace(n.Text), Owner: n.Owner, Due: n.Due, DueMeeting: n.DueMeeting}
			if n.DueMeeting != "" {
				if g, ok := minutes.DueAt(m, n.DueMeeting); ok {
					rec.Due, rec.Target = g.Due, g.Target
				}
			}
			switch n.Kind {
			case minutes.KindAction:
				it.Actions = append(it.Actions, rec)
			case minutes.KindFollowUp:
				it.FollowUps = append(it.FollowUps, rec)
			default:
				it.Resolutions = append(it.Resolutions, rec)
			}
			fr := &fakeRec{rec: index.Record{
				ID: id, Kind: n.Kind, Text: rec.Text, MeetingID: m.ID(), Council: m.Council, Committee: m.Committee,
				CommitteeKey: minutes.CommitteeSlug(m.Committee), MeetingDate: m.Date, Minute: it.Number, ItemID: n.ItemID,
				ItemTitle: it.Title, SourceName: m.Source.Name, ParsedOwner: rec.Owner, ParsedDue: rec.Due, DueMeeting: rec.DueMeeting,
				Target: rec.Target, Owner: rec.Owner, Due: rec.Due, Origin: index.OriginClerk, Corrected: true,
			}, lc: strings.ToLower(rec.Text + " " + it.Title), item: it, m: m}
			if n.Kind != minutes.KindResolution {
				fr.rec.Status = index.StatusOpen
			}
			f.recs = append(f.recs, fr)
			f.recByID[id] = fr
			f.entry(fr, f.now(), "clerk", index.FieldAdded, "", string(n.Kind)+": "+rec.Text)
			f.gen++
			return f.withFlag(fr, f.today()), ctx.Err()
		}
	}
	return index.Record{}, fmt.Errorf("no item has the ID %q", n.ItemID)
}

// Guess is the parser's reading of a span, as the library gives it.
func (f *fakeLib) Guess(ctx context.Context, itemID string, k minutes.Kind, text string) (minutes.Record, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, m := range f.meetings {
		for i := range m.Items {
			if m.ItemID(i) == itemID {
				return minutes.Guess(m, k, text), ctx.Err()
			}
		}
	}
	return minutes.Record{}, fmt.Errorf("no item has the ID %q", itemID)
}

// Review is the review queue: the records the parser was unsure of that
// no clerk corrected.
func (f *fakeLib) Review(ctx context.Context, q index.ReviewQuery) ([]index.Record, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	asOf := q.AsOf
	if asOf.IsZero() {
		asOf = f.today()
	}
	var out []index.Record
	for _, fr := range f.recs {
		if !fr.gone && fr.rec.Review && !fr.rec.Rejected && !fr.rec.Status.Closed() && (q.Committee == "" || isCommittee(fr.rec.Committee, q.Committee)) &&
			f.inCouncil(fr.rec.Council, q.Council) {
			out = append(out, f.withFlag(fr, asOf))
		}
	}
	return out, ctx.Err()
}

// returnedTo is the item follow-up id came back as: the clerk's
// confirmed link, or the automatic match when the clerk has not rejected
// it. f.mu is held.
func (f *fakeLib) returnedTo(id string) (index.ItemRef, bool) {
	if item, ok := f.confirmed[id]; ok {
		ref, ok := f.itemRef(item)
		ref.Confirmed = true
		return ref, ok
	}
	ref, ok := f.returned[id]
	if !ok || f.rejected[id][ref.ItemID] {
		return index.ItemRef{}, false
	}
	return ref, true
}

// ReturnedTo is returnedTo for tests.
func (f *fakeLib) ReturnedTo(id string) (index.ItemRef, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.returnedTo(id)
}

func (f *fakeLib) itemRef(itemID string) (index.ItemRef, bool) {
	for _, m := range f.meetings {
		for i := range m.Items {
			if m.ItemID(i) == itemID {
				return index.ItemRef{ItemID: itemID, MeetingID: m.ID(), MeetingDate: m.Date, Committee: m.Committee,
					Minute: m.Items[i].Number, Title: m.Items[i].Title}, true
			}
		}
	}
	return index.ItemRef{}, false
}

func (f *fakeLib) LinkReturn(ctx context.Context, followUpID, itemID string) error {
	_, err := f.Update(ctx, followUpID, index.Change{Link: &itemID})
	return err
}

// linkReturn links a follow-up to a later item, or says it was not
// returned (itemID ""). f.mu is held.
func (f *fakeLib) linkReturn(fr *fakeRec, itemID string) error {
	followUpID := fr.rec.ID
	if fr.rec.Kind != minutes.KindFollowUp {
		return fmt.Errorf("%s is not a follow-up", followUpID)
	}
	if itemID == "" { // not returned: the linked item does not answer it
		cur, ok := f.returnedTo(followUpID)
		if !ok {
			return nil
		}
		delete(f.confirmed, followUpID)
		if f.rejected[followUpID] == nil {
			f.rejected[followUpID] = map[string]bool{}
		}
		f.rejected[followUpID][cur.ItemID] = true
		f.link(fr, cur.ItemID, "")
		return nil
	}
	ref, ok := f.itemRef(itemID)
	if !ok {
		return errors.New("no such item")
	}
	if !ref.MeetingDate.After(fr.rec.MeetingDate) {
		return fmt.Errorf("item %s is from a meeting on %s, not after the follow-up's meeting", itemID, ref.MeetingDate)
	}
	old, _ := f.returnedTo(followUpID)
	f.confirmed[followUpID] = itemID
	delete(f.rejected[followUpID], itemID)
	f.link(fr, old.ItemID, itemID)
	return nil
}

// link notes a change of link in the history. f.mu is held.
func (f *fakeLib) link(fr *fakeRec, old, nw string) {
	f.entry(fr, f.now().Add(time.Duration(len(fr.hist))*time.Minute), "clerk", "link", old, nw)
	f.gen++
}

func (f *fakeLib) ReturnDecisions(ctx context.Context, followUpID string) (index.ReturnDecisions, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	d := index.ReturnDecisions{Confirmed: f.confirmed[followUpID]}
	for item := range f.rejected[followUpID] {
		d.Rejected = append(d.Rejected, item)
	}
	sort.Strings(d.Rejected)
	return d, ctx.Err()
}

func (f *fakeLib) SetReturnDecisions(ctx context.Context, followUpID string, d index.ReturnDecisions) error {
	_, err := f.Update(ctx, followUpID, index.Change{Links: &d})
	return err
}

// setReturnDecisions puts a follow-up's link decisions back. f.mu is held.
func (f *fakeLib) setReturnDecisions(fr *fakeRec, d index.ReturnDecisions) error {
	followUpID := fr.rec.ID
	if fr.rec.Kind != minutes.KindFollowUp {
		return fmt.Errorf("%s is not a follow-up", followUpID)
	}
	old, _ := f.returnedTo(followUpID)
	delete(f.confirmed, followUpID)
	if d.Confirmed != "" {
		f.confirmed[followUpID] = d.Confirmed
	}
	f.rejected[followUpID] = map[string]bool{}
	for _, item := range d.Rejected {
		f.rejected[followUpID][item] = true
	}
	nw, _ := f.returnedTo(followUpID)
	f.link(fr, old.ItemID, nw.ItemID)
	return nil
}

func (f *fakeLib) Committees(ctx context.Context) ([]index.Committee, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return indextest.CommitteesOf(f.meetings), ctx.Err()
}

// inCouncil reports whether a council named so is the one typed ("":
// any), as the library matches councils. f.mu is held.
func (f *fakeLib) inCouncil(council, typed string) bool {
	if typed == "" {
		return true
	}
	c, err := index.MatchCouncil(index.CouncilsOf(indextest.CommitteesOf(f.meetings)), typed)
	return err == nil && c.Key == index.CouncilKey(council)
}

func (f *fakeLib) Councils(ctx context.Context) ([]index.Council, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return index.CouncilsOf(indextest.CommitteesOf(f.meetings)), ctx.Err()
}

func summary(m *minutes.Meeting) index.MeetingSummary {
	n := 0
	for i := range m.Items {
		n += len(m.Items[i].Records())
	}
	return index.MeetingSummary{ID: m.ID(), Council: m.Council, Committee: m.Committee, CommitteeKey: minutes.CommitteeSlug(m.Committee), Date: m.Date,
		Items: len(m.Items), Records: n, SourceName: m.Source.Name}
}

func (f *fakeLib) Meetings(ctx context.Context, committee string) ([]index.MeetingSummary, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []index.MeetingSummary
	for i := len(f.meetings) - 1; i >= 0; i-- {
		if m := f.meetings[i]; committee == "" || isCommittee(m.Committee, committee) {
			out = append(out, summary(m))
		}
	}
	return out, ctx.Err()
}

func (f *fakeLib) Meeting(ctx context.Context, id string) (*index.MeetingDetail, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	m, ok := f.byID[id]
	if !ok {
		return nil, fmt.Errorf("meeting %s: not found", id)
	}
	d := &index.MeetingDetail{MeetingSummary: summary(m), Start: m.Start, End: m.End, Attendance: m.Attendance,
		NextMeeting: m.NextMeeting, Warnings: m.Warnings}
	for i := range m.Items {
		it := &m.Items[i]
		item := index.ItemDetail{ID: m.ItemID(i), Number: it.Number, Title: it.Title, Body: it.Body, Exempt: it.Exempt}
		for _, r := range it.Records() {
			fr := f.recByID[r.ID]
			switch {
			case fr.gone:
			case fr.rec.Rejected:
				item.Rejected = append(item.Rejected, f.withFlag(fr, f.today()))
			default:
				item.Records = append(item.Records, f.withFlag(fr, f.today()))
			}
		}
		d.Items = append(d.Items, item)
	}
	return d, ctx.Err()
}

func (f *fakeLib) NextMeeting(ctx context.Context, committee string, after minutes.Date) (minutes.Date, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	d, ok := f.nextMeeting(committee, after)
	return d, ok, ctx.Err()
}

func (f *fakeLib) Generation(ctx context.Context) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.gen, ctx.Err()
}

// bump simulates another process changing the library.
func (f *fakeLib) bump(fn func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn()
	f.gen++
}

var _ Library = (*fakeLib)(nil)
